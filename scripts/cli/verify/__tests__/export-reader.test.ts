/**
 * `warden verify`'s byte reader against its oracle, csv-parse feeding the verifier entry by entry
 * (scripts/dev/testing/chain-oracles.ts): for intact exports in every shape the format allows, for every
 * single-field edit, deletion, swap and duplicate, and for malformed files, both must give the same report
 * or the same error, at every part size. Counters show which rows the byte reader laid out itself, so the
 * comparison cannot pass by always taking the decoding road.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    CHAIN_FIELDS,
    EXPORT_COLUMNS,
    LOG_FIELDS,
    LOG_FIELDS_V2,
    V2_COLUMNS,
    type Checkpoint,
    type FieldValue,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { nodeSha256 } from '../chain';
import { verifyExportFile, type ExportVerification, type ReadOptions } from '../export-reader';
import {
    exportCsv,
    random,
    rechain,
    sampleCheckpoints,
    sampleLog,
    sampleMixedLog
} from '../../../dev/generate/sample-log';
import { verifyCsvWithCsvParse } from '../../../dev/testing/chain-oracles';

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
                { sha256: nodeSha256, checkpoints, allowPartial: false },
                { requiredColumns: EXPORT_COLUMNS, ...read }
            )
        };
    } catch (error) {
        return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
    }
}

/** What the oracle says of the file: the report and columns, or its error. */
async function oracle(file: string, checkpoints: Checkpoint[] | undefined): Promise<unknown> {
    try {
        const { report, columns } = await verifyCsvWithCsvParse(
            file,
            { sha256: nodeSha256, checkpoints, allowPartial: false },
            EXPORT_COLUMNS
        );
        return { report, columns };
    } catch (error) {
        return unclosedAnywhere(`${(error as Error).constructor.name}: ${(error as Error).message}`);
    }
}

/** The oracle gives no line for a quote error (see csvError in chain-oracles.ts); the tests below check ours. */
function unclosedAnywhere(error: string): string {
    return error.replace(/line \d+: (a quote)/, 'line ?: $1');
}

/** The report and columns, or the error, with the reader's own counters left out. */
function comparable(outcome: Outcome): unknown {
    return outcome.error !== undefined
        ? unclosedAnywhere(outcome.error)
        : { report: outcome.value?.report, columns: outcome.value?.columns };
}

/** The byte reader at every part size agrees with the oracle; returns its outcome at the default size. */
async function expectSameReports(file: string, checkpoints?: Checkpoint[], partSizes = PART_SIZES): Promise<Outcome> {
    const expected = await oracle(file, checkpoints);
    let fast: Outcome = {};
    for (const partBytes of partSizes) {
        fast = run(file, checkpoints, { partBytes });
        expect(comparable(fast)).toEqual(expected);
    }
    return fast;
}

const log = sampleLog(40, nodeSha256, 21);
const checkpoints = sampleCheckpoints(log, 9);
const clone = (entries: LogEntry[]): LogEntry[] => entries.map((e) => ({ ...e }));

/** A different value of the field's kind, so the change is a real edit. */
function mutate(value: FieldValue, field: string): FieldValue {
    const kind = LOG_FIELDS_V2.find((f) => f.name === field)?.kind ?? 'text';
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
    it('lays out every row of an ordinary export itself and verifies it, checkpoints included', async () => {
        const outcome = await expectSameReports(writeExport(exportCsv(log, EXPORT_COLUMNS)), checkpoints);
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.report.checkpointsVerified).toBe(checkpoints.length);
        expect(outcome.value?.rowsDecoded).toBe(0);
        expect(outcome.value?.report.count).toBe(40);
    });

    it('reads LF line ends, a byte order mark, namespaces, extra, shuffled and repeated columns', async () => {
        const csv = exportCsv(log, EXPORT_COLUMNS);
        await expectSameReports(writeExport(csv.replace(/\r\n/g, '\n')));
        await expectSameReports(writeExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])));
        await expectSameReports(writeExport(csv.replace(/\r\n$/, '')));
        const namespaced = csv.replace(/^[^\r]*/, (header) =>
            header
                .split(',')
                .map((c) => 'warden__' + c)
                .join(',')
        );
        expect((await expectSameReports(writeExport(namespaced))).value?.report.ok).toBe(true);
        const shuffled = ['Id', ...EXPORT_COLUMNS].reverse();
        const withId = log.map((e, i) => ({ ...e, Id: 'a0X' + i }));
        const outcome = await expectSameReports(writeExport(exportCsv(withId, shuffled)));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(0);
        // A field given twice has two values and nothing says which one the chain covers: both readers refuse it.
        const twice = exportCsv(
            log.map((e) => ({ ...e, Extra: 'someone else' })),
            [...EXPORT_COLUMNS, 'Extra']
        ).replace(/^([^\r]*),Extra/, '$1,Caller__c');
        expect((await expectSameReports(writeExport(twice))).error).toContain(
            'the header names a field more than once: Caller__c (Caller__c, Caller__c)'
        );
        // Any column given twice is refused, also one the chain does not read: a header that repeats a name was not
        // written by an export, and saying which copy counts would be a guess.
        const ids = exportCsv(
            log.map((e, i) => ({ ...e, Id: 'a0X' + i })),
            ['Id', ...EXPORT_COLUMNS, 'Id']
        );
        expect((await expectSameReports(writeExport(ids))).error).toContain('more than once: Id (Id, Id)');
        // Blank lines are skipped.
        await expectSameReports(writeExport(csv.replace(/\r\n/g, (m, at: number) => (at % 3 === 0 ? '\r\n\r\n' : m))));
    });

    it('decodes rows with non-canonical values and still verifies them', async () => {
        const loose = clone(log);
        loose[1].Endpoint__c = String(loose[1].Endpoint__c).slice(0, 15); // a 15-character id
        loose[3].LoggedAt__c = String(loose[3].LoggedAt__c).replace('.000Z', '+0000');
        loose[5].Sequence__c = '0006';
        loose[7].TokensIn__c = '12.0';
        loose[9].RedactionCount__c = ' 3 ';
        rechain(loose, nodeSha256);
        const outcome = await expectSameReports(writeExport(exportCsv(loose, EXPORT_COLUMNS)));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(5);
    });

    it('escapes backslashes and line breaks and undoes doubled quotes', async () => {
        const tricky = clone(log);
        tricky[0].Reasons__c = 'say "hi", then \\leave';
        tricky[1].Reasons__c = 'a\r\nb\rc\nd\\';
        tricky[2].Caller__c = '""';
        tricky[3].Reasons__c = ' padded ';
        rechain(tricky, nodeSha256);
        const outcome = await expectSameReports(writeExport(exportCsv(tricky, EXPORT_COLUMNS)));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(0);
    });

    it('decodes cells that are not valid UTF-8 as csv-parse does, with replacement characters', async () => {
        const broken = clone(log);
        broken[2].Reasons__c = 'bad \uFFFD byte';
        rechain(broken, nodeSha256);
        // In the file the value holds the byte 0xFF, which decodes to U+FFFD: the chain holds.
        const csv = Buffer.from(exportCsv(broken, EXPORT_COLUMNS), 'utf8');
        const marker = Buffer.from('\uFFFD', 'utf8');
        const at = csv.indexOf(marker);
        const bytes = Buffer.concat([csv.subarray(0, at), Buffer.from([0xff]), csv.subarray(at + marker.length)]);
        const outcome = await expectSameReports(writeExport(bytes));
        expect(outcome.value?.report.ok).toBe(true);
        expect(outcome.value?.rowsDecoded).toBe(1);
        // Valid multi-byte text is laid out from the bytes.
        const unicode = clone(log);
        unicode[2].Reasons__c = 'Ünïcödé — 患者 😀';
        rechain(unicode, nodeSha256);
        expect((await expectSameReports(writeExport(exportCsv(unicode, EXPORT_COLUMNS)))).value?.rowsDecoded).toBe(0);
    });
});

describe('the byte reader on changed and malformed exports', () => {
    it("gives the oracle's report for a change to every field of every entry, and catches each one", async () => {
        const small = sampleLog(8, nodeSha256, 8);
        const fields = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
        const next = random(31);
        const kinds = new Set<string>();
        for (let i = 0; i < small.length; i++) {
            for (const field of fields) {
                const copy = clone(small);
                copy[i][field] = mutate(copy[i][field], field);
                const outcome = await expectSameReports(writeExport(exportCsv(copy, EXPORT_COLUMNS)), undefined, [
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

    it("gives the oracle's report for deletions, swaps, duplicates and a truncated export", async () => {
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
                const outcome = await expectSameReports(writeExport(exportCsv(variant, EXPORT_COLUMNS)), checkpoints, [
                    5,
                    undefined
                ]);
                expect(outcome.value?.report.ok).toBe(false);
                kinds.add(outcome.value?.report.break?.kind as string);
            }
        }
        expect([...kinds].sort()).toEqual(['checkpoint', 'duplicate', 'missing', 'reordered']);
        const truncated = await expectSameReports(
            writeExport(exportCsv(log.slice(0, 30), EXPORT_COLUMNS)),
            checkpoints
        );
        expect(truncated.value?.report.break?.message).toContain('entries 31..36 are missing from the export');
    });

    it('reports malformed files itself, with the line, as the oracle does', async () => {
        const csv = exportCsv(log.slice(0, 5), EXPORT_COLUMNS);
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
            csv.replace(/^EventUuid__c,/, 'EventUuid__c,Sequence__c,'),
            csv.replace(lines[4], lines[4].replace(',Enforce,', ',En"force,'))
        ];
        const errors: string[] = [];
        for (const content of cases) {
            const outcome = await expectSameReports(writeExport(content));
            errors.push(outcome.error ?? outcome.value?.report.break?.kind ?? 'ok');
        }
        expect(errors.slice(0, 3)).toEqual(['empty', 'empty', 'empty']);
        expect(errors[3]).toContain('line 7: a quoted field is not closed before the end of the file');
        expect(errors[4]).toContain('line 3 has 26 fields; the header has 25');
        expect(errors[5]).toContain('line 4: a quoted field is followed by something other than a comma');
        expect(errors[6]).toContain('lacks the column(s) EntryHash__c');
        expect(errors[7]).toContain('names a field more than once: Sequence__c (Sequence__c, Sequence__c)');
        expect(errors[8]).toContain('line 5: a quote inside a field that is not quoted');
    });

    it('counts lines inside quoted fields, and reports a row longer than the limit', async () => {
        const multi = clone(log.slice(0, 6));
        multi[1].Reasons__c = 'one\r\ntwo\nthree\rfour';
        rechain(multi, nodeSha256);
        const csv = exportCsv(multi, EXPORT_COLUMNS).replace(/\r\n$/, '\r\n1,"x,\r\n');
        const outcome = await expectSameReports(writeExport(csv));
        // The header, row 1, row 2 over four lines, rows 3 to 6: the extra row starts on line 11.
        expect(outcome.error).toContain('line 11: a quoted field is not closed before the end of the file');
        const long = writeExport(exportCsv(log.slice(0, 3), EXPORT_COLUMNS) + '"' + 'x'.repeat(5000));
        expect(run(long, undefined, { maxRowBytes: 4096, partBytes: 1000 }).error).toContain(
            'line 5: a row longer than 4096 bytes (most often a quoted field that is never closed)'
        );
    });

    it('agrees with the oracle on fuzzed rows: quotes, separators and line breaks in any cell', async () => {
        const next = random(77);
        const pieces = ['a', '"', '""', ',', '\r', '\n', '\r\n', '\\', 'é', ' ', '0', '2026-01-01T00:00:01.000Z'];
        const csv = exportCsv(log.slice(0, 6), EXPORT_COLUMNS);
        const seen = { errors: 0, broken: 0, intact: 0 };
        for (let i = 0; i < 200; i++) {
            const at = Math.floor(next() * csv.length);
            let insert = '';
            for (let k = Math.floor(next() * 4); k >= 0; k--) {
                insert += pieces[Math.floor(next() * pieces.length)];
            }
            const outcome = await expectSameReports(writeExport(csv.slice(0, at) + insert + csv.slice(at)), undefined, [
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

describe('the byte reader on v2 entries', () => {
    const mixed = sampleMixedLog(5, 12, nodeSha256, 13);
    const columns = [...EXPORT_COLUMNS, ...V2_COLUMNS];

    it('lays out v1 and v2 rows itself and verifies them, checkpoints included', async () => {
        const outcome = await expectSameReports(writeExport(exportCsv(mixed, columns)), sampleCheckpoints(mixed, 4));
        expect(outcome.value?.report).toMatchObject({ ok: true, count: 17 });
        expect(outcome.value?.rowsDecoded).toBe(0);
        // Shuffled columns: the v2 fields are found by name like the others.
        const shuffled = [...columns].reverse();
        expect((await expectSameReports(writeExport(exportCsv(mixed, shuffled)))).value?.report.ok).toBe(true);
    });

    it("gives the oracle's report for a change to every field of every entry, naming the entry", async () => {
        const fields = [...LOG_FIELDS_V2.map((f) => f.name), ...CHAIN_FIELDS];
        const next = random(77);
        for (let i = 0; i < mixed.length; i++) {
            for (const field of fields) {
                const copy = clone(mixed);
                copy[i][field] = mutate(copy[i][field], field);
                const outcome = await expectSameReports(writeExport(exportCsv(copy, columns)), undefined, [
                    PART_SIZES[Math.floor(next() * PART_SIZES.length)]
                ]);
                if (outcome.value?.report.ok !== false) {
                    throw new Error(`Changing ${field} of entry ${i + 1} went unnoticed by the byte reader.`);
                }
                expect(outcome.value.report.break?.index).toBe(i);
            }
        }
    }, 30000);

    it('refuses an export with some of the v2 columns but not all', () => {
        const file = writeExport(exportCsv(mixed, [...EXPORT_COLUMNS, 'EntryKind__c', 'Mac__c']));
        expect(run(file, undefined, { allOrNoneColumns: V2_COLUMNS }).error).toContain(
            'lacks the column(s) IntentUuid__c, CalloutError__c, which go with EntryKind__c, Mac__c'
        );
    });
});
