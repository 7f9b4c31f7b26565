/**
 * The byte reader of `warden verify` against the plain reader (decode, parse, canonicalEntry): for intact
 * exports in every shape the format allows, for every single-field edit, deletion, swap and duplicate, and
 * for malformed files, both must give the same report or the same error, at every part size. Counters show
 * which rows the byte reader laid out itself, so the comparison cannot pass by always taking the plain road.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    CHAIN_FIELDS,
    EXPORT_COLUMNS,
    LOG_FIELDS,
    toCsv,
    type Checkpoint,
    type FieldValue,
    type LogEntry
} from '../../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { NODE_HASHER } from '../chain';
import { verifyExportFile, type ExportVerification, type ReadOptions } from '../export-reader';
import { random, rechain, sampleCheckpoints, sampleLog } from '../../../dev/generate/sample-log';

const PART_SIZES = [1, 2, 3, 7, 64, 4096, undefined];

let dir: string;
let fileNumber = 0;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-export-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeExport(content: string | Buffer): string {
    const file = join(dir, `export${fileNumber++}.csv`);
    writeFileSync(file, content);
    return file;
}

type Outcome = { value?: ExportVerification; error?: string };

function run(file: string, checkpoints: Checkpoint[] | undefined, read: ReadOptions): Outcome {
    try {
        return {
            value: verifyExportFile(
                file,
                { hasher: NODE_HASHER, checkpoints, allowPartial: false },
                { requiredColumns: EXPORT_COLUMNS, ...read }
            )
        };
    } catch (error) {
        return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
    }
}

/** The report and columns, or the error, with the reader's own counters left out. */
function comparable(outcome: Outcome): unknown {
    return outcome.error ?? { report: outcome.value?.report, columns: outcome.value?.columns };
}

/** Both readers at every part size agree; returns the byte reader's outcome at the default size. */
function expectSameReports(file: string, checkpoints?: Checkpoint[], partSizes = PART_SIZES): Outcome {
    const plain = comparable(run(file, checkpoints, { reader: 'plain' }));
    let fast: Outcome = {};
    for (const partBytes of partSizes) {
        fast = run(file, checkpoints, { reader: 'fast', partBytes });
        expect(comparable(fast)).toEqual(plain);
    }
    return fast;
}

const log = sampleLog(40, NODE_HASHER, 21);
const checkpoints = sampleCheckpoints(log, 9, NODE_HASHER);
const clone = (entries: LogEntry[]): LogEntry[] => entries.map((e) => ({ ...e }));

/** A different value of the field's kind, so the change is a real edit. */
function mutate(value: FieldValue, field: string): FieldValue {
    const kind = LOG_FIELDS.find((f) => f.name === field)?.kind ?? 'text';
    if (value === null || value === undefined) {
        return kind === 'datetime' ? '2026-01-01T00:00:00.000Z' : '7';
    }
    if (kind === 'integer') {
        return Number(value) + 1;
    }
    if (kind === 'datetime') {
        return new Date(Date.parse(String(value)) + 1000).toISOString();
    }
    const text = String(value);
    return field.endsWith('Hash__c')
        ? (text[0] === 'a' ? 'b' : 'a') + text.slice(1)
        : text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

describe('the byte reader', () => {
    it('lays out every row of an ordinary export itself and verifies it, checkpoints included', () => {
        const outcome = expectSameReports(writeExport(toCsv(log, EXPORT_COLUMNS)), checkpoints);
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.report.checkpointsVerified).toBe(checkpoints.length);
        expect(outcome.value?.rowsDecoded).toBe(0);
        expect(outcome.value?.report.count).toBe(40);
    });

    it('reads LF line ends, a byte order mark, namespaces, extra, shuffled and repeated columns', () => {
        const csv = toCsv(log, EXPORT_COLUMNS);
        expectSameReports(writeExport(csv.replace(/\r\n/g, '\n')));
        expectSameReports(writeExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])));
        expectSameReports(writeExport(csv.replace(/\r\n$/, '')));
        const namespaced = csv.replace(/^[^\r]*/, (header) =>
            header
                .split(',')
                .map((c) => 'warden__' + c)
                .join(',')
        );
        expect(expectSameReports(writeExport(namespaced)).value?.report.ok).toBe(true);
        const shuffled = ['Id', ...EXPORT_COLUMNS].reverse();
        const withId = log.map((e, i) => ({ ...e, Id: 'a0X' + i }));
        const outcome = expectSameReports(writeExport(toCsv(withId, shuffled)));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(0);
        // A column given twice: the last one is the value, in both readers; here it breaks the chain.
        const twice = toCsv(
            log.map((e) => ({ ...e, Extra: 'someone else' })),
            [...EXPORT_COLUMNS, 'Extra']
        ).replace(/^([^\r]*),Extra/, '$1,Caller__c');
        expect(expectSameReports(writeExport(twice)).value?.report.break?.kind).toBe('edited');
        // Blank lines are skipped.
        expectSameReports(writeExport(csv.replace(/\r\n/g, (m, at: number) => (at % 3 === 0 ? '\r\n\r\n' : m))));
    });

    it('hands rows with non-canonical values to canonicalEntry and still verifies them', () => {
        const loose = clone(log);
        loose[1].Endpoint__c = String(loose[1].Endpoint__c).slice(0, 15); // a 15-character id
        loose[3].LoggedAt__c = String(loose[3].LoggedAt__c).replace('.000Z', '+0000');
        loose[5].Sequence__c = '0006';
        loose[7].TokensIn__c = '12.0';
        loose[9].RedactionCount__c = ' 3 ';
        rechain(loose, NODE_HASHER);
        const outcome = expectSameReports(writeExport(toCsv(loose, EXPORT_COLUMNS)));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(5);
    });

    it('escapes backslashes and line breaks, undoes doubled quotes, and keeps a quote in an unquoted cell', () => {
        const tricky = clone(log);
        tricky[0].Reasons__c = 'say "hi", then \\leave';
        tricky[1].Reasons__c = 'a\r\nb\rc\nd\\';
        tricky[2].Caller__c = '""';
        tricky[3].Reasons__c = ' padded ';
        rechain(tricky, NODE_HASHER);
        const csv = toCsv(tricky, EXPORT_COLUMNS);
        const outcome = expectSameReports(writeExport(csv));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(0);
        // A quote inside an unquoted cell is a plain character; with a backslash beside it the cell is escaped.
        const unquoted = clone(log);
        unquoted[4].Reasons__c = 'x"y\\z';
        rechain(unquoted, NODE_HASHER);
        const raw = toCsv(unquoted, EXPORT_COLUMNS).replace('"x""y\\z"', 'x"y\\z');
        expect(raw).toContain(',x"y\\z,');
        expect(expectSameReports(writeExport(raw)).value?.report.ok).toBe(true);
    });

    it('decodes cells that are not valid UTF-8 as the plain reader does, with replacement characters', () => {
        const broken = clone(log);
        broken[2].Reasons__c = 'bad \uFFFD byte';
        rechain(broken, NODE_HASHER);
        // In the file the value holds the byte 0xFF, which decodes to U+FFFD: the chain holds.
        const csv = Buffer.from(toCsv(broken, EXPORT_COLUMNS), 'utf8');
        const marker = Buffer.from('\uFFFD', 'utf8');
        const at = csv.indexOf(marker);
        const bytes = Buffer.concat([csv.subarray(0, at), Buffer.from([0xff]), csv.subarray(at + marker.length)]);
        const outcome = expectSameReports(writeExport(bytes));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(1);
        // Valid multi-byte text is laid out from the bytes.
        const unicode = clone(log);
        unicode[2].Reasons__c = 'Ünïcödé — 患者 😀';
        rechain(unicode, NODE_HASHER);
        expect(expectSameReports(writeExport(toCsv(unicode, EXPORT_COLUMNS))).value?.rowsDecoded).toBe(0);
    });

    it('gives the plain report for a change to every field of every entry, and catches each one', () => {
        const small = sampleLog(8, NODE_HASHER, 8);
        const fields = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
        const next = random(31);
        const kinds = new Set<string>();
        for (let i = 0; i < small.length; i++) {
            for (const field of fields) {
                const copy = clone(small);
                copy[i][field] = mutate(copy[i][field], field);
                const outcome = expectSameReports(writeExport(toCsv(copy, EXPORT_COLUMNS)), undefined, [
                    PART_SIZES[Math.floor(next() * PART_SIZES.length)]
                ]);
                if (outcome.value?.report.ok !== false) {
                    throw new Error(`Changing ${field} of entry ${i + 1} went unnoticed by the byte reader.`);
                }
                kinds.add(outcome.value.report.break?.kind as string);
            }
        }
        expect([...kinds].sort()).toEqual(['edited', 'genesis', 'link', 'missing']);
    });

    it('gives the plain report for deletions, swaps, duplicates and a truncated export', () => {
        const kinds = new Set<string>();
        for (let i = 0; i < log.length; i += 3) {
            const deleted = clone(log);
            deleted.splice(i, 1);
            const swapped = clone(log);
            const j = (i + 5) % log.length;
            [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
            const duplicated = clone(log);
            duplicated.splice(i, 0, { ...duplicated[i] });
            for (const variant of [deleted, swapped, duplicated]) {
                const outcome = expectSameReports(writeExport(toCsv(variant, EXPORT_COLUMNS)), checkpoints, [
                    5,
                    undefined
                ]);
                expect(outcome.value?.report.ok).toBe(false);
                kinds.add(outcome.value?.report.break?.kind as string);
            }
        }
        expect([...kinds].sort()).toEqual(['checkpoint', 'duplicate', 'missing', 'reordered']);
        const truncated = expectSameReports(writeExport(toCsv(log.slice(0, 30), EXPORT_COLUMNS)), checkpoints);
        expect(truncated.value?.report.break?.message).toContain('entries 31..36 are missing from the export');
    });

    it('reports malformed files in the plain reader words', () => {
        const csv = toCsv(log.slice(0, 5), EXPORT_COLUMNS);
        const lines = csv.split('\r\n');
        const cases = [
            '',
            '\uFEFF',
            lines[0] + '\r\n',
            csv + '"unterminated',
            csv.replace(lines[2], lines[2] + ',extra'),
            csv.replace(lines[3], '"x"y' + lines[3]),
            csv
                .replace(/^[^\r]*/, (header) => header.replace(',EntryHash__c', ''))
                .replace(/,[0-9a-f]{64}\r\n/g, '\r\n'),
            csv.replace(/^EventUuid__c,/, 'EventUuid__c,Sequence__c,')
        ];
        const errors: string[] = [];
        for (const content of cases) {
            const outcome = expectSameReports(writeExport(content));
            errors.push(outcome.error ?? outcome.value?.report.break?.kind ?? 'ok');
        }
        expect(errors[0]).toBe('empty');
        expect(errors[1]).toBe('empty');
        expect(errors[2]).toBe('empty');
        expect(errors[3]).toContain('Unterminated quoted CSV field');
        expect(errors[4]).toContain('CSV row 3 has 26 cells; the header has 25');
        expect(errors[5]).toContain('Unexpected character after a quoted CSV field');
        expect(errors[6]).toContain('lacks the column(s) EntryHash__c');
        expect(errors[7]).toContain('CSV row 2 has 25 cells; the header has 26');
    });

    it('agrees with the plain reader on fuzzed rows: quotes, separators and line breaks in any cell', () => {
        const next = random(77);
        const pieces = ['a', '"', '""', ',', '\r', '\n', '\r\n', '\\', 'é', ' ', '0', '2026-01-01T00:00:01.000Z'];
        const csv = toCsv(log.slice(0, 6), EXPORT_COLUMNS);
        const seen = { errors: 0, broken: 0, intact: 0 };
        for (let i = 0; i < 200; i++) {
            const at = Math.floor(next() * csv.length);
            let insert = '';
            for (let k = Math.floor(next() * 4); k >= 0; k--) {
                insert += pieces[Math.floor(next() * pieces.length)];
            }
            const outcome = expectSameReports(writeExport(csv.slice(0, at) + insert + csv.slice(at)), undefined, [
                3,
                PART_SIZES[Math.floor(next() * PART_SIZES.length)]
            ]);
            seen[outcome.error ? 'errors' : outcome.value?.report.ok ? 'intact' : 'broken']++;
        }
        // The fuzzing reaches CSV errors and chain breaks alike (an insertion rarely leaves the chain intact).
        expect(seen.errors).toBeGreaterThan(20);
        expect(seen.broken).toBeGreaterThan(20);
    });
});
