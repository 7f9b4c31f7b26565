/**
 * `warden checkpoints pull`: copies the org's ChainCheckpoint__c rows into a local, append-only CSV file
 * (docs/audit-format.md, "Checkpoints kept outside the org"), so that someone who rewrites the log and its
 * checkpoints inside the org is found out by the copy made before. Every pull compares the org's checkpoints
 * with those already in the file: one that changed or disappeared in the org is reported (exit 1) and the file
 * is left as it is. New checkpoints are appended; the file is never rewritten.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
    CHECKPOINT_COLUMNS,
    canonicalDatetime,
    localFieldName
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import type { OrgClient } from '../org/client';
import { InputError } from '../lib/errors';

/** The file a pull appends to, in the --out folder. */
export const CHECKPOINT_FILE = 'checkpoints.csv';
/** The namespace of the managed package: its objects are warden__ChainCheckpoint__c in a subscriber org. */
export const PACKAGE_NAMESPACE = 'warden';

export type PullReport = {
    file: string;
    /** Checkpoints already in the file before this pull. */
    kept: number;
    /** Checkpoints appended by this pull. */
    appended: number;
    /** The last sequence the file covers after the pull (0 for none). */
    lastSequence: number;
    /** What disagrees between the org and the file: the pull then appends nothing. */
    problems: string[];
};

type CheckpointRow = Record<string, string>;

/** A checkpoint as the file holds it: the export columns, values as text in canonical form. */
function normalise(record: Record<string, unknown>): CheckpointRow {
    const row: CheckpointRow = {};
    for (const column of CHECKPOINT_COLUMNS) {
        const value = record[column];
        const text = value === null || value === undefined ? '' : String(value);
        row[column] = column === 'CreatedAt__c' ? canonicalDatetime(text, column) : text;
    }
    for (const column of ['Sequence__c', 'FromSequence__c', 'EntryCount__c']) {
        row[column] = row[column] === '' ? '' : String(Number(row[column]));
    }
    return row;
}

/** The checkpoints of the local file, in file order; InputError when it is not a checkpoint file. */
export function readCheckpointFile(file: string): CheckpointRow[] {
    if (!existsSync(file)) {
        return [];
    }
    let rows: string[][];
    try {
        rows = parseCsv(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true });
    } catch (error) {
        throw new InputError(`${file} is not a valid CSV file of checkpoints: ${(error as Error).message}`);
    }
    const [header = [], ...records] = rows;
    const columns = header.map(localFieldName);
    const missing = CHECKPOINT_COLUMNS.filter((c) => !columns.includes(c));
    if (header.length > 0 && missing.length > 0) {
        throw new InputError(`${file} lacks the column(s) ${missing.join(', ')}: it is not a checkpoint file.`);
    }
    return records.map((record) => normalise(Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']))));
}

/** The org's checkpoints in sequence order, under the package namespace when the org has it. */
export async function queryCheckpoints(client: OrgClient): Promise<CheckpointRow[]> {
    const names = await client.describeGlobalNames();
    const prefix = names.has(`${PACKAGE_NAMESPACE}__ChainCheckpoint__c`) ? `${PACKAGE_NAMESPACE}__` : '';
    const field = (name: string): string => (name.endsWith('__c') ? prefix + name : name);
    const soql =
        `SELECT ${CHECKPOINT_COLUMNS.map(field).join(', ')} FROM ${prefix}ChainCheckpoint__c ` +
        `ORDER BY ${prefix}Sequence__c`;
    const records = await client.query<Record<string, unknown>>(soql, { label: 'query the checkpoints' });
    return records.map((record) => {
        const local: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(record)) {
            if (key !== 'attributes') {
                local[localFieldName(key)] = value;
            }
        }
        return normalise(local);
    });
}

/**
 * What disagrees between the org and the file: a checkpoint of the file that the org no longer has or holds
 * differently, and new checkpoints that do not continue the file's last block.
 */
export function compareCheckpoints(local: CheckpointRow[], org: CheckpointRow[], lastLocal: number): string[] {
    const problems: string[] = [];
    const bySequence = new Map(org.map((row) => [row.Sequence__c, row]));
    for (const kept of local) {
        const current = bySequence.get(kept.Sequence__c);
        if (!current) {
            problems.push(`Checkpoint ${kept.Sequence__c} of the local file is no longer in the org.`);
            continue;
        }
        const changed = CHECKPOINT_COLUMNS.filter((c) => current[c] !== kept[c]);
        if (changed.length > 0) {
            problems.push(
                `Checkpoint ${kept.Sequence__c} differs between the org and the local file (${changed.join(', ')}): the org's checkpoints were rewritten.`
            );
        }
    }
    let previous = lastLocal;
    for (const row of org.filter((r) => Number(r.Sequence__c) > lastLocal)) {
        if (Number(row.FromSequence__c) !== previous + 1) {
            problems.push(
                `Checkpoint ${row.Sequence__c} starts at sequence ${row.FromSequence__c}, not ${previous + 1}: checkpoints of the org are missing or overlap.`
            );
        }
        previous = Number(row.Sequence__c);
    }
    return problems;
}

/** Pulls the org's checkpoints into `<outDir>/checkpoints.csv`: compares, then appends the new ones. */
export async function pullCheckpoints(client: OrgClient, outDir: string): Promise<PullReport> {
    const file = join(outDir, CHECKPOINT_FILE);
    const local = readCheckpointFile(file);
    const lastLocal = local.reduce((max, row) => Math.max(max, Number(row.Sequence__c) || 0), 0);
    const org = await queryCheckpoints(client);
    const problems = compareCheckpoints(local, org, lastLocal);
    const fresh = org.filter((row) => Number(row.Sequence__c) > lastLocal);
    const report: PullReport = { file, kept: local.length, appended: 0, lastSequence: lastLocal, problems };
    if (problems.length > 0 || fresh.length === 0) {
        return report;
    }
    appendRows(file, fresh, local.length === 0 && !hasContent(file));
    report.appended = fresh.length;
    report.lastSequence = Number(fresh[fresh.length - 1].Sequence__c);
    return report;
}

function hasContent(file: string): boolean {
    return existsSync(file) && readFileSync(file).length > 0;
}

/** Appends rows (with the header when the file is new), opening the file for appending only. */
function appendRows(file: string, rows: CheckpointRow[], withHeader: boolean): void {
    mkdirSync(join(file, '..'), { recursive: true });
    const text = stringify(rows, { header: withHeader, columns: [...CHECKPOINT_COLUMNS], record_delimiter: 'unix' });
    const existing = hasContent(file) ? readFileSync(file) : null;
    // A file whose last line has no line end would glue the first new row onto it.
    const separator = existing && existing[existing.length - 1] !== 10 ? '\n' : '';
    const fd = openSync(file, 'a');
    try {
        writeSync(fd, separator + text);
    } finally {
        closeSync(fd);
    }
}
