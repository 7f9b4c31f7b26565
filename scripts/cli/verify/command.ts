/**
 * `warden verify <export.csv|export.json> [--checkpoints file] [--cert file.pem] [--allow-partial] [--json]`
 * Recomputes the inference log's hash chain offline. Exit 0: intact; 1: broken (the first break is
 * reported); 2: bad usage or unreadable input.
 */
import { readFileSync } from 'node:fs';
import { EXIT, type Command } from '../lib/command';
import { helpText, parseCommandLine, type CommandLine, type Parsed } from '../lib/args';
import { InputError, UsageError } from '../lib/errors';
import { EXPORT_COLUMNS } from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import type { ChainReport } from '../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { nodeSha256, readCheckpoints, signatureChecker } from './chain';
import { verifyExportFile } from './export-reader';

export const COMMAND_LINE = {
    name: 'warden verify',
    operands: '<export.csv|export.json>',
    summary:
        'Recomputes the hash chain of an exported InferenceLog__c (columns and canonical form: docs/audit-format.md).',
    options: {
        checkpoints: {
            type: 'string',
            value: '<file>',
            description: 'ChainCheckpoint__c export (CSV or JSON): head hashes and Merkle roots to match'
        },
        cert: {
            type: 'string',
            value: '<file.pem>',
            description: 'certificate or public key that signed the checkpoints (RSA-SHA256)'
        },
        'allow-partial': {
            type: 'boolean',
            description: 'the export starts after sequence 1 (older entries archived)'
        },
        json: { type: 'boolean', description: 'print the report as JSON' }
    },
    positionals: { min: 1, max: 1 },
    epilogue: ['Exit code: 0 intact, 1 broken, 2 usage or input error.']
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
    const file = positionals[0];
    let report: ChainReport;
    const notes: string[] = [];
    try {
        const checkpoints = values.checkpoints ? readCheckpoints(values.checkpoints) : undefined;
        const pem = values.cert ? readPem(values.cert) : undefined;
        const verified = verifyExportFile(
            file,
            {
                sha256: nodeSha256,
                checkpoints,
                allowPartial: values['allow-partial'] === true,
                verifySignature: pem ? signatureChecker(pem) : undefined
            },
            { requiredColumns: EXPORT_COLUMNS }
        );
        report = verified.report;
        const extra = verified.columns.filter((c) => !EXPORT_COLUMNS.includes(c));
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
    const code = report.ok ? EXIT.ok : EXIT.failed;
    if (values.json) {
        return { code, stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', report };
    }
    return { code, stdout: renderReport(report), stderr: '', report };
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
    } else {
        const b = report.break!;
        const where = b.sequence !== null ? `sequence ${b.sequence}` : 'the export';
        lines.push(`BROKEN at ${where}${b.index >= 0 ? ` (row ${b.index + 1})` : ''}: ${b.kind}`, b.message);
    }
    for (const note of report.notes) {
        lines.push(`Note: ${note}`);
    }
    return lines.join('\n') + '\n';
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
