/**
 * The fast paths of the verifier against straightforward references written from docs/audit-format.md:
 * the canonical text (laid out unescaped, checked once), Node's SHA-256 of strings, the Merkle root on bytes,
 * CSV parsed piece by piece and exports read part by part, and the entry objects built from CSV rows.
 * Inputs are fuzzed (Unicode, lone surrogates, empty and null fields, commas, quotes, line breaks,
 * backslashes) from a fixed seed, so a failure reproduces.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    CanonicalFormError,
    EXPORT_COLUMNS,
    GENESIS_HASH,
    LOG_FIELDS,
    PURE_HASHER,
    canonicalDatetime,
    canonicalEntry,
    computeEntryHash,
    localFieldName,
    merkleRoot,
    parseCsv,
    parseCsvRows,
    rowsToEntries,
    sha256Hex,
    toCsv,
    toId18,
    utf8Encode,
    verifyChain,
    type FieldKind,
    type FieldValue,
    type Hasher,
    type LogEntry
} from '../../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { ExportFormatError, NODE_HASHER, readCsvEntries, readRows } from '../chain';
import { random, rechain, sampleLog } from '../../../dev/generate/sample-log';

// ---------------------------------------------------------------------------------------------
// References, written from the specification rather than from the code under test
// ---------------------------------------------------------------------------------------------

function referenceInteger(raw: FieldValue, field: string): string {
    if (typeof raw === 'number') {
        if (!Number.isSafeInteger(raw)) {
            throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
        }
        return String(raw);
    }
    const text = String(raw).trim();
    if (text === '') {
        return '';
    }
    const m = /^([+-]?)(\d+)(?:\.0*)?$/.exec(text);
    if (!m) {
        throw new CanonicalFormError(`${field} is not a whole number: "${text}"`, field);
    }
    const digits = m[2].replace(/^0+(?=\d)/, '');
    return m[1] === '-' && digits !== '0' ? '-' + digits : digits;
}

function referenceValue(raw: FieldValue, kind: FieldKind, field: string): string {
    if (raw === null || raw === undefined) {
        return '';
    }
    switch (kind) {
        case 'integer':
            return referenceInteger(raw, field);
        case 'datetime':
            return canonicalDatetime(raw, field);
        case 'id':
            return typeof raw === 'string' && raw.length === 18 ? raw : toId18(String(raw).trim());
        default: {
            let out = '';
            for (const c of String(raw)) {
                out += c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c;
            }
            return out;
        }
    }
}

/** Section 2 of docs/audit-format.md, line by line. */
function referenceCanonical(entry: LogEntry): string {
    const lines = ['warden-log-v1'];
    for (const { name, kind } of LOG_FIELDS) {
        lines.push(`${name}=${referenceValue(entry[name], kind, name)}`);
    }
    return lines.join('\n') + '\n';
}

/** The outcome of a function: its value, or the class, message and field of what it threw. */
function outcome<T>(run: () => T): { value?: T; error?: string } {
    try {
        return { value: run() };
    } catch (error) {
        const field = error instanceof CanonicalFormError ? ` [${error.field}]` : '';
        return { error: `${(error as Error).constructor.name}: ${(error as Error).message}${field}` };
    }
}

// ---------------------------------------------------------------------------------------------
// Fuzzed values
// ---------------------------------------------------------------------------------------------

const PIECES = [
    'a',
    'Z',
    '0',
    '9',
    ' ',
    '\t',
    ',',
    '"',
    '""',
    '=',
    '\n',
    '\r',
    '\r\n',
    '\\',
    '\\n',
    'é',
    'Ünïcödé',
    '患者',
    '😀',
    '\uD800',
    '\uDC00',
    '\uFFFD',
    '\u2028',
    '\uFEFF',
    'RecordId__c=',
    '\nCaller__c=x',
    'warden-log-v1'
];

function fuzzText(next: () => number, maxPieces = 6): string {
    let out = '';
    const count = Math.floor(next() * (maxPieces + 1));
    for (let i = 0; i < count; i++) {
        out += PIECES[Math.floor(next() * PIECES.length)];
    }
    return out;
}

function pick<T>(next: () => number, options: T[]): T {
    return options[Math.floor(next() * options.length)];
}

function fuzzValue(next: () => number, kind: FieldKind): FieldValue {
    const roll = next();
    if (roll < 0.08) {
        return null;
    }
    if (roll < 0.12) {
        return undefined;
    }
    if (roll < 0.16) {
        return '';
    }
    switch (kind) {
        case 'integer':
            return pick(next, [
                Math.floor(next() * 100000),
                -Math.floor(next() * 100),
                0,
                -0,
                2 ** 53 - 1,
                2 ** 53,
                1.5,
                String(Math.floor(next() * 100000)),
                '0042',
                '3.0',
                '-0',
                '+5',
                ' 7 ',
                '1e3',
                'x1',
                '123456789012345678'
            ]);
        case 'datetime':
            return pick(next, [
                '2026-03-01T09:15:30.000Z',
                '2026-03-01T09:15:30Z',
                '2026-03-01 09:15:30',
                '2026-03-01T10:15:30+01:00',
                '2026-02-30T00:00:00Z',
                'yesterday',
                ' 2026-03-01T09:15:30.000Z '
            ]);
        case 'id':
            return pick(next, ['a0B5g000001AbCdEAK', 'a0B5g000001AbCd', ' a0B5g000001AbCd ', 'short', fuzzText(next)]);
        default:
            return pick<FieldValue>(next, [fuzzText(next), fuzzText(next), 'Allowed', 42, true, 'x'.repeat(300)]);
    }
}

function fuzzEntry(next: () => number): LogEntry {
    const entry: LogEntry = {};
    for (const { name, kind } of LOG_FIELDS) {
        if (next() < 0.95) {
            entry[name] = fuzzValue(next, kind);
        }
    }
    return entry;
}

// ---------------------------------------------------------------------------------------------

describe('the canonical text', () => {
    it('equals the line-by-line reference for fuzzed entries, errors included', () => {
        const next = random(101);
        let errors = 0;
        for (let i = 0; i < 6000; i++) {
            const entry = fuzzEntry(next);
            const expected = outcome(() => referenceCanonical(entry));
            expect(outcome(() => canonicalEntry(entry))).toEqual(expected);
            if (expected.error) {
                errors++;
            }
        }
        // Both outcomes are exercised.
        expect(errors).toBeGreaterThan(300);
        expect(errors).toBeLessThan(5700);
    });

    it('writes whole numbers as String() does, at every magnitude', () => {
        const next = random(909);
        const numbers = [0, -0, 1, -1, 9999, 10000, 10001, 99999999, 100000000, 2 ** 53 - 1, -(2 ** 53 - 1)];
        for (let digits = 1; digits <= 16; digits++) {
            for (let k = 0; k < 200; k++) {
                const n = Math.floor(next() * 10 ** digits);
                if (Number.isSafeInteger(n)) {
                    numbers.push(n, -n, n - (n % 10000), n - (n % 10000) + 1);
                }
            }
        }
        for (const n of numbers) {
            expect(canonicalEntry({ TokensIn__c: n })).toBe(referenceCanonical({ TokensIn__c: n }));
            expect(canonicalEntry({ TokensIn__c: n })).toContain(`\nTokensIn__c=${String(n)}\n`);
        }
    });

    it('reads every field under its own name, in LOG_FIELDS order', () => {
        for (const { name, kind } of LOG_FIELDS) {
            const value =
                kind === 'integer' ? 7 : kind === 'datetime' ? '2026-03-01T09:15:30.000Z' : 'a0B5g000001AbCdEAK';
            const lines = canonicalEntry({ [name]: value }).split('\n');
            expect(lines.filter((line) => !line.endsWith('='))).toEqual(['warden-log-v1', `${name}=${value}`, '']);
            expect(lines.indexOf(`${name}=${value}`)).toBe(1 + LOG_FIELDS.findIndex((f) => f.name === name));
        }
    });

    it('hashes as SHA-256 of the reference text and previous hash, with every hasher', () => {
        const next = random(202);
        const hexOnly: Hasher = { sha256Utf8: PURE_HASHER.sha256Utf8, sha256Node: PURE_HASHER.sha256Node };
        for (let i = 0; i < 1500; i++) {
            const entry = fuzzEntry(next);
            // The suffix is hex in a chain; here anything, so a backslash or CR in it is covered too.
            const previous = next() < 0.8 ? GENESIS_HASH : fuzzText(next);
            const expected = outcome(() => sha256Hex(referenceCanonical(entry) + previous));
            expect(outcome(() => computeEntryHash(entry, previous, NODE_HASHER))).toEqual(expected);
            expect(outcome(() => computeEntryHash(entry, previous, PURE_HASHER))).toEqual(expected);
            expect(outcome(() => computeEntryHash(entry, previous, hexOnly))).toEqual(expected);
        }
    });
});

describe("Node's SHA-256 of strings and UTF-8", () => {
    it('agree with the pure implementation and with Buffer, lone surrogates included', () => {
        const next = random(303);
        for (let i = 0; i < 5000; i++) {
            const text = fuzzText(next, 40);
            expect(NODE_HASHER.sha256Utf8(text)).toBe(sha256Hex(text));
            expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
        }
    });
});

describe('verifyChain', () => {
    const log = sampleLog(40, NODE_HASHER, 11);
    const clone = (): LogEntry[] => log.map((e) => ({ ...e }));

    it('gives the same report with every hasher for fuzzed edits', () => {
        const next = random(404);
        const hexOnly: Hasher = { sha256Utf8: NODE_HASHER.sha256Utf8, sha256Node: NODE_HASHER.sha256Node };
        for (let i = 0; i < 400; i++) {
            const copy = clone();
            const at = Math.floor(next() * copy.length);
            const { name, kind } = pick(next, [...LOG_FIELDS]);
            copy[at][name] = fuzzValue(next, kind);
            if (next() < 0.5) {
                // What a forger would do; a value without a canonical form cannot be rechained.
                outcome(() => rechain(copy, NODE_HASHER, at));
            }
            const report = verifyChain(copy, { hasher: NODE_HASHER });
            expect(verifyChain(copy, { hasher: PURE_HASHER })).toEqual(report);
            expect(verifyChain(copy, { hasher: hexOnly })).toEqual(report);
        }
    });

    it('reports a malformed EntryHash__c before an edit or a canonical error, on a linked row too', () => {
        for (const bad of ['XYZ', log[5].EntryHash__c!.toString().toUpperCase(), '', null]) {
            const copy = clone();
            copy[5].EntryHash__c = bad;
            copy[6].PreviousHash__c = bad;
            expect(verifyChain(copy, { hasher: NODE_HASHER }).break).toMatchObject({
                kind: 'malformed',
                field: 'EntryHash__c',
                sequence: 6
            });
            copy[5].LoggedAt__c = 'not a date';
            expect(verifyChain(copy, { hasher: NODE_HASHER }).break).toMatchObject({
                kind: 'malformed',
                field: 'EntryHash__c',
                sequence: 6
            });
        }
        const dated = clone();
        dated[5].LoggedAt__c = 'not a date';
        expect(verifyChain(dated, { hasher: NODE_HASHER }).break).toMatchObject({
            kind: 'malformed',
            field: 'LoggedAt__c',
            sequence: 6
        });
    });

    it('tells a reordering from a gap by the first row that has the expected sequence', () => {
        const swapped = clone();
        [swapped[3], swapped[7]] = [swapped[7], swapped[3]];
        expect(verifyChain(swapped, { hasher: NODE_HASHER }).break).toMatchObject({
            kind: 'reordered',
            index: 3,
            message: 'Sequence 8 comes before sequence 4 (row 8): entries are out of order.'
        });
        // The expected sequence twice further on: the first of them is named.
        const twice = clone();
        twice.splice(3, 2, twice[4], twice[3], { ...twice[3] });
        expect(verifyChain(twice, { hasher: NODE_HASHER }).break).toMatchObject({
            kind: 'reordered',
            index: 3,
            message: 'Sequence 5 comes before sequence 4 (row 5): entries are out of order.'
        });
        const gap = clone();
        gap.splice(3, 2);
        expect(verifyChain(gap, { hasher: NODE_HASHER }).break).toMatchObject({
            kind: 'missing',
            message: 'Sequences 4..5 are missing (row 4 has sequence 6).'
        });
    });
});

describe('the Merkle root', () => {
    it('is the same on bytes (Node), on words (pure) and through sha256Node on hex, for random sizes', () => {
        const next = random(505);
        const reference: Hasher = { sha256Utf8: NODE_HASHER.sha256Utf8, sha256Node: NODE_HASHER.sha256Node };
        for (const n of [1, 2, 3, 127, 128, 129, 1000, 1023, 1025, 2500 + Math.floor(next() * 500)]) {
            const leaves = Array.from({ length: n }, () => sha256Hex(String(next())));
            if (n > 2) {
                leaves[Math.floor(next() * n)] = leaves[0].toUpperCase();
            }
            const expected = merkleRoot(leaves, reference);
            expect(merkleRoot(leaves, NODE_HASHER)).toBe(expected);
            expect(merkleRoot(leaves, PURE_HASHER)).toBe(expected);
        }
        // One leaf is the root, whatever it holds.
        expect(merkleRoot(['g'.repeat(64)], NODE_HASHER)).toBe('g'.repeat(64));
    });
});

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const CSV_PIECES = [
    'a',
    'bc',
    'é',
    '😀',
    ' ',
    ',',
    ',',
    '\n',
    '\r\n',
    '\r',
    '"',
    '""',
    '"x,y"',
    '"a\nb"',
    '""""',
    '\uFEFF'
];

function fuzzCsv(next: () => number): string {
    let out = next() < 0.2 ? '\uFEFF' : '';
    const count = Math.floor(next() * 30);
    for (let i = 0; i < count; i++) {
        out += CSV_PIECES[Math.floor(next() * CSV_PIECES.length)];
    }
    return out;
}

/** parseCsvRows over the text cut at the given places, each piece added to what was left unparsed. */
function parsePieces(text: string, cuts: number[]): { value?: string[][]; error?: string } {
    return outcome(() => {
        const rows: string[][] = [];
        let pending = '';
        let offset = 0;
        let from = 0;
        let atStart = true;
        for (const end of [...cuts, text.length]) {
            const final = end === text.length;
            const piece = pending + text.slice(from, end);
            from = end;
            let start = 0;
            if (atStart && piece.length > 0) {
                start = piece.charCodeAt(0) === 0xfeff ? 1 : 0;
                atStart = false;
            }
            const parsed = parseCsvRows(piece, start, final, rows, offset);
            if (final) {
                break;
            }
            pending = piece.slice(parsed);
            offset += parsed;
        }
        return rows;
    });
}

describe('CSV parsed piece by piece', () => {
    it('gives the rows and errors of parsing the whole text, at every cut and at random cuts', () => {
        const next = random(606);
        for (let i = 0; i < 800; i++) {
            const text = fuzzCsv(next);
            const whole = outcome(() => parseCsv(text));
            for (let cut = 0; cut <= text.length; cut++) {
                expect(parsePieces(text, [cut])).toEqual(whole);
            }
            const cuts = Array.from({ length: 4 }, () => Math.floor(next() * (text.length + 1))).sort((a, b) => a - b);
            expect(parsePieces(text, cuts)).toEqual(whole);
        }
    });

    it('parses documented shapes as before', () => {
        expect(parseCsv('a,b\r\n1,"x,""y"""\r\n')).toEqual([
            ['a', 'b'],
            ['1', 'x,"y"']
        ]);
        expect(parseCsv('\uFEFFa,\n,')).toEqual([
            ['a', ''],
            ['', '']
        ]);
        expect(() => parseCsv('a\n"b"c')).toThrow('Unexpected character after a quoted CSV field at character 5.');
        expect(() => parseCsv('a\n"b')).toThrow('Unterminated quoted CSV field at character 2.');
    });
});

describe('entries from CSV rows', () => {
    /** rowsToEntries as a loop of plain property stores. */
    function referenceEntries(rows: string[][]): LogEntry[] {
        const columns = rows[0].map(localFieldName);
        return rows
            .slice(1)
            .filter((row) => !(row.length === 1 && row[0] === ''))
            .map((row) => {
                const entry: LogEntry = {};
                columns.forEach((c, i) => (entry[c] = row[i] === '' ? null : row[i]));
                return entry;
            });
    }

    it('have the keys, order and values of plain objects, duplicate columns included', () => {
        for (const header of [
            ['A__c', 'B__c', 'ns__C__c'],
            ['A__c', 'A__c', 'B__c'],
            ['1', 'b', '0']
        ]) {
            const rows = [header, ['x', '', 'z'], [''], ['p', 'q', '']];
            const { entries } = rowsToEntries(rows);
            expect(entries).toEqual(referenceEntries(rows));
            expect(entries.map((e) => Object.keys(e))).toEqual(referenceEntries(rows).map((e) => Object.keys(e)));
        }
        const proto = rowsToEntries([
            ['__proto__', 'A__c'],
            ['x', 'y']
        ]).entries[0];
        expect(Object.keys(proto)).toEqual(['A__c']);
        expect(() => rowsToEntries([['a'], ['1'], ['1', '2']], 10)).toThrow('CSV row 13 has 2 cells');
    });
});

describe('exports read part by part', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-parts-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** The reference: the whole file decoded at once, parsed whole, and turned into entries. */
    function readWhole(file: string): { entries: LogEntry[]; columns: string[] } {
        const text = readFileSync(file, 'utf8');
        try {
            return rowsToEntries(parseCsv(text));
        } catch (error) {
            throw new ExportFormatError(`${file} is not a valid CSV export: ${(error as Error).message}`);
        }
    }

    function readInParts(file: string, partBytes: number): { entries: LogEntry[]; columns: string[] } {
        const entries: LogEntry[] = [];
        let columns: string[] = [];
        readCsvEntries(
            file,
            (header) => (columns = header),
            (entry) => entries.push(entry),
            partBytes
        );
        return { entries, columns };
    }

    /** Reads the bytes as a file whole and in parts of several sizes, and expects the same outcome. */
    function expectSameAsWhole(name: string, bytes: Buffer): void {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const whole = outcome(() => readWhole(file));
        for (const part of [1, 2, 3, 5, 7, 64, 1000]) {
            expect(outcome(() => readInParts(file, part))).toEqual(whole);
        }
        expect(outcome(() => readRows(file))).toEqual(whole);
    }

    it('give the entries of reading the file whole, multi-byte characters split across parts', () => {
        const log = sampleLog(25, NODE_HASHER, 5);
        const csv = toCsv(log, ['Id', ...EXPORT_COLUMNS]);
        expectSameAsWhole('log.csv', Buffer.from(csv, 'utf8'));
        expectSameAsWhole('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
        expectSameAsWhole('lf.csv', Buffer.from(csv.replace(/\r\n/g, '\n'), 'utf8'));
        const { entries } = readInParts(join(dir, 'log.csv'), 3);
        expect(verifyChain(entries, { hasher: NODE_HASHER }).ok).toBe(true);
    });

    it('give the errors and replacement characters of reading the file whole', () => {
        const next = random(707);
        let broken = 0;
        for (let i = 0; i < 150; i++) {
            let bytes = Buffer.from(fuzzCsv(next), 'utf8');
            // Now and then a byte that is not UTF-8, or a multi-byte character cut short.
            if (next() < 0.3) {
                bytes = Buffer.concat([bytes.subarray(0, 3), Buffer.from([0xff, 0xe2, 0x82]), bytes.subarray(3)]);
                broken++;
            }
            expectSameAsWhole(`fuzz${i}.csv`, bytes);
        }
        expect(broken).toBeGreaterThan(20);
        expectSameAsWhole('cells.csv', Buffer.from('A__c,B__c\n1,2\n1,2,3\n"x'));
        expect(() => readRows(join(dir, 'cells.csv'))).toThrow('Unterminated quoted CSV field at character 20.');
        expectSameAsWhole('empty.csv', Buffer.alloc(0));
    });
});
