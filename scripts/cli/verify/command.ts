/**
 * `warden verify <export.csv|export.json> [--checkpoints file] [--cert file.pem] [--allow-partial] [--json]`
 * Recomputes the inference log's hash chain offline. Exit 0: intact; 1: broken (the first break is
 * reported); 2: bad usage or unreadable input.
 */
import { readFileSync } from 'node:fs';
import type { Command } from '../lib/command';
import { EXPORT_COLUMNS, type ChainReport } from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { ExportFormatError, NODE_HASHER, readCheckpoints, signatureChecker } from './chain';
import { verifyExportFile } from './export-reader';

const USAGE = `Usage: warden verify <export.csv|export.json> [--checkpoints <file>] [--cert <file.pem>] [--allow-partial] [--json]

Recomputes the hash chain of an exported InferenceLog__c (columns and canonical form: docs/audit-format.md).
  --checkpoints <file>  ChainCheckpoint__c export (CSV or JSON): head hashes and Merkle roots to match
  --cert <file.pem>     certificate or public key that signed the checkpoints (RSA-SHA256)
  --allow-partial       the export starts after sequence 1 (older entries archived)
  --json                print the report as JSON
Exit code: 0 intact, 1 broken, 2 usage or input error.`;

export type VerifyOutcome = { code: number; stdout: string; stderr: string; report?: ChainReport };

export function runVerify(args: string[]): VerifyOutcome {
    if (args.includes('--help') || args.includes('-h')) {
        return { code: 0, stdout: USAGE + '\n', stderr: '' };
    }
    let file: string | undefined;
    let checkpointsFile: string | undefined;
    let certFile: string | undefined;
    let allowPartial = false;
    let json = false;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--checkpoints' || arg === '--cert') {
            const value = args[++i];
            if (!value) {
                return { code: 2, stdout: '', stderr: `warden verify: ${arg} needs a file.\n\n${USAGE}\n` };
            }
            if (arg === '--checkpoints') {
                checkpointsFile = value;
            } else {
                certFile = value;
            }
        } else if (arg === '--allow-partial') {
            allowPartial = true;
        } else if (arg === '--json') {
            json = true;
        } else if (arg.startsWith('-')) {
            return { code: 2, stdout: '', stderr: `warden verify: unknown option ${arg}.\n\n${USAGE}\n` };
        } else if (file) {
            return { code: 2, stdout: '', stderr: `warden verify: one export file only.\n\n${USAGE}\n` };
        } else {
            file = arg;
        }
    }
    if (!file) {
        return { code: 2, stdout: '', stderr: USAGE + '\n' };
    }
    let report: ChainReport;
    const notes: string[] = [];
    try {
        const checkpoints = checkpointsFile ? readCheckpoints(checkpointsFile) : undefined;
        const pem = certFile ? readFileSync(certFile, 'utf8') : undefined;
        const verified = verifyExportFile(
            file,
            {
                hasher: NODE_HASHER,
                checkpoints,
                allowPartial,
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
        if (error instanceof ExportFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
            return { code: 2, stdout: '', stderr: `warden verify: ${(error as Error).message}\n` };
        }
        throw error;
    }
    report.notes.unshift(...notes);
    if (json) {
        return { code: report.ok ? 0 : 1, stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', report };
    }
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
    return { code: report.ok ? 0 : 1, stdout: lines.join('\n') + '\n', stderr: '', report };
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
