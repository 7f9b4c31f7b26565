/**
 * `warden verify [archive-export] <export.csv|export.json> [--checkpoints file] [--require-checkpoints] [--cert file.pem]
 * [--mac-key file] [--allow-partial] [--json]`
 * Recomputes the inference log's hash chain offline (warden-log-v1 and v2 entries). Exit 0: intact; 1: broken
 * (the first break is reported), or no checkpoints with --require-checkpoints; 2: bad usage or unreadable input.
 */
import { readFileSync } from 'node:fs';
import { EXIT, type Command } from '../lib/command';
import { helpText, parseCommandLine, type CommandLine, type Parsed } from '../lib/args';
import { InputError, UsageError } from '../lib/errors';
import { EXPORT_COLUMNS, V2_COLUMNS } from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import type { ChainReport } from '../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { nodeSha256, readCheckpoints, signatureChecker } from './chain';
import { verifyExportFiles } from './export-reader';

export const COMMAND_LINE = {
    name: 'warden verify',
    operands: '[<archive-export>] <export.csv|export.json>',
    summary:
        'Recomputes the hash chain of an exported InferenceLog__c (columns and canonical form: docs/audit-format.md); an export of InferenceLogArchive__b given first is verified with it as one chain.',
    options: {
        checkpoints: {
            type: 'string',
            value: '<file>',
            description: 'ChainCheckpoint__c export (CSV or JSON): head hashes and Merkle roots to match'
        },
        'require-checkpoints': {
            type: 'boolean',
            description: 'fail (exit 1) unless checkpoints were given and at least one was checked against the rows'
        },
        'mac-key': {
            type: 'string',
            value: '<file>',
            description: "the org's event MAC key (hex) to check every v2 entry's Mac__c"
        },
        cert: {
            type: 'string',
            value: '<file.pem>',
            description: 'certificate or public key that signed the checkpoints (RSA-SHA256)'
        },
        'allow-partial': {
            type: 'boolean',
            description: 'the export starts after sequence 1 (older entries archived, their export not given)'
        },
        json: { type: 'boolean', description: 'print the report as JSON' }
    },
    positionals: { min: 1, max: 2 },
    epilogue: [
        'Exit code: 0 intact, 1 broken (or no checkpoint checked with --require-checkpoints), 2 usage or input error.'
    ]
} as const satisfies CommandLine;

export type VerifyOutcome = { code: number; stdout: string; stderr: string; report?: ChainReport };

export function runVerify(args: string[]): VerifyOutcome {
    let parsed: Parsed<typeof COMMAND_LINE.options>;
    try {
        parsed = parseCommandLine(args, COMMAND_LINE);
    } catch (error) {
        if (error instanceof UsageError) {
            return { code: EXIT.usage, stdout: '', stderr: `${error.message}\n\n${helpText(COMMAND_LINE)}` };
        }
        throw error;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        return { code: EXIT.ok, stdout: helpText(COMMAND_LINE), stderr: '' };
    }
    const files = positionals;
    let report: ChainReport;
    const notes: string[] = [];
    try {
        const checkpoints = values.checkpoints ? readCheckpoints(values.checkpoints) : undefined;
        const pem = values.cert ? readPem(values.cert) : undefined;
        const macKey = values['mac-key'] ? readMacKey(values['mac-key']) : undefined;
        const verified = verifyExportFiles(
            files,
            {
                sha256: nodeSha256,
                checkpoints,
                allowPartial: values['allow-partial'] === true,
                verifySignature: pem ? signatureChecker(pem) : undefined,
                macKey
            },
            { requiredColumns: EXPORT_COLUMNS, allOrNoneColumns: V2_COLUMNS }
        );
        report = verified.report;
        const extra = verified.columns.filter((c) => !EXPORT_COLUMNS.includes(c) && !V2_COLUMNS.includes(c));
        if (extra.length > 0) {
            notes.push(`Columns not covered by the chain (ignored): ${columnList(extra)}.`);
        }
    } catch (error) {
        if (error instanceof InputError) {
            return { code: EXIT.usage, stdout: '', stderr: `warden verify: ${error.message}\n` };
        }
        throw error;
    }
    report.notes.unshift(...notes);
    const unanchored = report.ok && report.checkpointsVerified === 0;
    if (unanchored) {
        report.notes.push(UNANCHORED_NOTE);
    }
    const required = values['require-checkpoints'] === true;
    const code = report.ok && !(unanchored && required) ? EXIT.ok : EXIT.failed;
    if (unanchored && required) {
        report.ok = false;
        report.break = {
            kind: 'unanchored',
            index: -1,
            sequence: null,
            message: '--require-checkpoints: no checkpoint was checked against this export.'
        };
    }
    if (values.json) {
        return { code, stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', report };
    }
    return { code, stdout: renderReport(report), stderr: '', report };
}

/**
 * Said whenever an intact chain was not checked against a single checkpoint: a chain alone cannot show that
 * entries were not cut off at the end or that the whole chain was not recomputed after an edit.
 */
export const UNANCHORED_NOTE =
    'WITHOUT CHECKPOINTS: no checkpoint was checked against this export, so this result cannot rule out entries ' +
    'removed from the end (truncation) or a chain recomputed from scratch after an edit. Verify with ' +
    '--checkpoints <file> (checkpoints pulled from the org and kept outside it), and --cert for their signatures.';

/** The event MAC key: a file holding 64 hex characters (32 bytes), white space around them ignored. */
function readMacKey(file: string): string {
    const text = readPem(file).trim();
    if (!/^(?:[0-9a-fA-F]{2}){16,64}$/.test(text)) {
        throw new InputError(`${file} does not hold a MAC key as hex (32 to 64 bytes).`);
    }
    return text.toLowerCase();
}

function readPem(file: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch (error) {
        throw new InputError(`Cannot read ${file}: ${(error as Error).message}`);
    }
}

function renderReport(report: ChainReport): string {
    const lines: string[] = [];
    if (report.ok) {
        lines.push(
            `OK: ${report.count} entries, sequences ${report.firstSequence}..${report.lastSequence}, head ${report.headHash}`,
            `Time span: ${report.firstLoggedAt ?? '?'} .. ${report.lastLoggedAt ?? '?'}`,
            `Checkpoints verified: ${report.checkpointsVerified}${report.signaturesVerified ? ` (${report.signaturesVerified} signature(s) checked)` : ''}`
        );
        if (report.checkpointsVerified > 0) {
            lines.push(signatureLine(report));
        }
    } else {
        const b = report.break!;
        if (b.kind === 'unanchored') {
            lines.push(
                `NOT VERIFIED: the chain of ${report.count} entries, sequences ${report.firstSequence}..${report.lastSequence}, is intact, but no checkpoint was checked`,
                b.message
            );
            for (const note of report.notes) {
                lines.push(`Note: ${note}`);
            }
            return lines.join('\n') + '\n';
        }
        const where = b.sequence !== null ? `sequence ${b.sequence}` : 'the export';
        lines.push(`BROKEN at ${where}${b.index >= 0 ? ` (row ${b.index + 1})` : ''}: ${b.kind}`, b.message);
    }
    for (const note of report.notes) {
        lines.push(`Note: ${note}`);
    }
    return lines.join('\n') + '\n';
}

/** What the checkpoints' signatures prove: verified with --cert, signed but unchecked, or unsigned. */
function signatureLine(report: ChainReport): string {
    const { signaturesVerified: verified, signaturesUnchecked: unchecked, unsignedCheckpoints: unsigned } = report;
    const status =
        unsigned > 0
            ? 'UNSIGNED CHECKPOINTS'
            : unchecked > 0
              ? 'SIGNED, NOT CHECKED (no --cert)'
              : 'SIGNED AND VERIFIED';
    return `Signatures: ${status}: ${verified} verified, ${unchecked} signed but not checked, ${unsigned} unsigned`;
}

/** Column names for a note: at most 20, each cut to 60 characters (a header can be anything). */
function columnList(columns: string[]): string {
    const shown = columns.slice(0, 20).map((c) => (c.length > 60 ? c.slice(0, 57) + '...' : c));
    return shown.join(', ') + (columns.length > shown.length ? ` and ${columns.length - shown.length} more` : '');
}

export const command: Command = {
    summary: 'Verify an exported inference log against its hash chain and checkpoints, offline',
    async run(args: string[]): Promise<number> {
        const outcome = runVerify(args);
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.code;
    }
};
