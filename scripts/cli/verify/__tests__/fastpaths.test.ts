/**
 * The audit chain's fast paths and the LWC side's CSV parser against plain references written from
 * docs/audit-format.md and RFC 4180: the canonical text (fields read by name), whole numbers (decimal), Node's
 * SHA-256 of strings against c/sha256, the Merkle root on words against the level-by-level computation,
 * c/csv against csv-parse, and the entry objects built from CSV rows. Inputs are fuzzed (Unicode, lone
 * surrogates, empty and null fields, commas, quotes, line breaks, backslashes) from a fixed seed, so a
 * failure reproduces.
 */
import { parse as csvParse } from 'csv-parse/sync';
import {
    CanonicalFormError,
    GENESIS_HASH,
    LOG_FIELDS,
    LOG_FIELDS_V2,
    V2_FIELDS,
    canonicalDatetime,
    canonicalEntry,
    computeEntryHash,
    jsonToEntries,
    localFieldName,
    merkleRoot,
    rowsToEntries,
    toId18,
    type FieldKind,
    type FieldValue,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { verifyChain } from '../../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { parseCsv } from '../../../../force-app/main/common/lwc/csv/csv';
import { sha256Hex, utf8Encode } from '../../../../force-app/main/common/lwc/sha256/sha256';
import { merkleRootByLevels, nodeMerkleNode } from '../../../dev/testing/chain-oracles';
import { nodeSha256 } from '../chain';
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

/** Section 2 of docs/audit-format.md, line by line: v2 when EntryKind__c has a value. */
function referenceCanonical(entry: LogEntry): string {
    const kind = entry.EntryKind__c;
    const v2 = kind !== null && kind !== undefined && kind !== '';
    const lines = [v2 ? 'warden-log-v2' : 'warden-log-v1'];
    for (const { name, kind } of v2 ? LOG_FIELDS_V2 : LOG_FIELDS) {
        const value = entry[name];
        // A v2 entry names its subject only by SubjectKey__c: a record id there is not canonical.
        if (v2 && name === 'RecordId__c' && value !== null && value !== undefined && value !== '') {
            throw new CanonicalFormError(
                'RecordId__c has a value on a v2 entry, which names its subject only by SubjectKey__c.',
                name
            );
        }
        lines.push(`${name}=${referenceValue(value, kind, name)}`);
    }
    // A v1 entry with a value in a v2 field is not one the v1 form can vouch for.
    for (const { name } of v2 ? [] : V2_FIELDS) {
        const value = entry[name];
        if (value !== null && value !== undefined && value !== '') {
            throw new CanonicalFormError(`${name} has a value on an entry without EntryKind__c (a v1 entry).`, name);
        }
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

/** A fuzzed entry; half of them with the v2 fields, whose EntryKind__c may still be empty (a v1 entry). */
function fuzzEntry(next: () => number): LogEntry {
    const entry: LogEntry = {};
    for (const { name, kind } of LOG_FIELDS) {
        if (next() < 0.95) {
            entry[name] = fuzzValue(next, kind);
        }
    }
    if (next() < 0.5) {
        for (const { name, kind } of V2_FIELDS) {
            entry[name] =
                name === 'EntryKind__c' && next() < 0.7 ? pick(next, ['INTENT', 'OUTCOME']) : fuzzValue(next, kind);
        }
        // Most v2 entries without a record id, as the gate writes them, so the fields after it are reached.
        if (next() < 0.8) {
            delete entry.RecordId__c;
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

    it('reads every v2 field under its own name, after those of v1, when EntryKind__c has a value', () => {
        for (const { name } of V2_FIELDS) {
            const entry: LogEntry = { EntryKind__c: 'OUTCOME', [name]: name === 'EntryKind__c' ? 'OUTCOME' : 'v' };
            const lines = canonicalEntry(entry).split('\n');
            expect(lines[0]).toBe('warden-log-v2');
            expect(lines.length).toBe(LOG_FIELDS_V2.length + 2);
            expect(lines.indexOf(`${name}=${entry[name]}`)).toBe(1 + LOG_FIELDS_V2.findIndex((f) => f.name === name));
            const asV1 = (): string => canonicalEntry({ ...entry, EntryKind__c: '' });
            // As v1 the entry holds a value in a v2 field; an empty EntryKind__c alone is a plain v1 entry.
            expect(outcome(asV1).error ?? '').toContain(
                name === 'EntryKind__c' ? '' : `${name} has a value on an entry without EntryKind__c`
            );
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

    it('hashes as SHA-256 of the reference text and previous hash, with either SHA-256', () => {
        const next = random(202);
        for (let i = 0; i < 1500; i++) {
            const entry = fuzzEntry(next);
            // The suffix is hex in a chain; here anything, so a backslash or CR in it is covered too.
            const previous = next() < 0.8 ? GENESIS_HASH : fuzzText(next);
            const expected = outcome(() => sha256Hex(referenceCanonical(entry) + previous));
            expect(outcome(() => computeEntryHash(entry, previous, nodeSha256))).toEqual(expected);
            expect(outcome(() => computeEntryHash(entry, previous))).toEqual(expected);
        }
    });
});

describe("Node's SHA-256 of strings and UTF-8", () => {
    it('agree with the pure implementation and with Buffer, lone surrogates included', () => {
        const next = random(303);
        for (let i = 0; i < 5000; i++) {
            const text = fuzzText(next, 40);
            expect(nodeSha256(text)).toBe(sha256Hex(text));
            expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
        }
    });
});

describe('verifyChain', () => {
    const log = sampleLog(40, nodeSha256, 11);
    const clone = (): LogEntry[] => log.map((e) => ({ ...e }));

    it('gives the same report with either SHA-256 for fuzzed edits', () => {
        const next = random(404);
        for (let i = 0; i < 400; i++) {
            const copy = clone();
            const at = Math.floor(next() * copy.length);
            const { name, kind } = pick(next, [...LOG_FIELDS]);
            copy[at][name] = fuzzValue(next, kind);
            if (next() < 0.5) {
                // What a forger would do; a value without a canonical form cannot be rechained.
                outcome(() => rechain(copy, nodeSha256, at));
            }
            expect(verifyChain(copy)).toEqual(verifyChain(copy, { sha256: nodeSha256 }));
        }
    });

    it('reports a malformed EntryHash__c before an edit or a canonical error, on a linked row too', () => {
        for (const bad of ['XYZ', log[5].EntryHash__c!.toString().toUpperCase(), '', null]) {
            const copy = clone();
            copy[5].EntryHash__c = bad;
            copy[6].PreviousHash__c = bad;
            expect(verifyChain(copy, { sha256: nodeSha256 }).break).toMatchObject({
                kind: 'malformed',
                field: 'EntryHash__c',
                sequence: 6
            });
            copy[5].LoggedAt__c = 'not a date';
            expect(verifyChain(copy, { sha256: nodeSha256 }).break).toMatchObject({
                kind: 'malformed',
                field: 'EntryHash__c',
                sequence: 6
            });
        }
        const dated = clone();
        dated[5].LoggedAt__c = 'not a date';
        expect(verifyChain(dated, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'malformed',
            field: 'LoggedAt__c',
            sequence: 6
        });
    });

    it('tells a reordering from a gap by the first row that has the expected sequence', () => {
        const swapped = clone();
        [swapped[3], swapped[7]] = [swapped[7], swapped[3]];
        expect(verifyChain(swapped, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'reordered',
            index: 3,
            message: 'Sequence 8 comes before sequence 4 (row 8): entries are out of order.'
        });
        // The expected sequence twice further on: the first of them is named.
        const twice = clone();
        twice.splice(3, 2, twice[4], twice[3], { ...twice[3] });
        expect(verifyChain(twice, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'reordered',
            index: 3,
            message: 'Sequence 5 comes before sequence 4 (row 5): entries are out of order.'
        });
        const gap = clone();
        gap.splice(3, 2);
        expect(verifyChain(gap, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'missing',
            message: 'Sequences 4..5 are missing (row 4 has sequence 6).'
        });
    });
});

describe('the Merkle root', () => {
    it('on words is the level-by-level computation through Node, for random sizes', () => {
        const next = random(505);
        for (const n of [1, 2, 3, 127, 128, 129, 1000, 1023, 1025, 2500 + Math.floor(next() * 500)]) {
            const leaves = Array.from({ length: n }, () => sha256Hex(String(next())));
            if (n > 2) {
                leaves[Math.floor(next() * n)] = leaves[0].toUpperCase();
            }
            expect(merkleRoot(leaves)).toBe(merkleRootByLevels(leaves, nodeMerkleNode));
        }
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

/** csv-parse's reading of a text, or the kind of error it finds (in c/csv's words). */
function csvParseOutcome(text: string): { value?: string[][]; error?: string } {
    try {
        return {
            value: csvParse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] })
        };
    } catch (error) {
        const code = (error as { code?: string }).code;
        return {
            error:
                code === 'CSV_QUOTE_NOT_CLOSED'
                    ? 'a quoted field is not closed.'
                    : code === 'CSV_INVALID_CLOSING_QUOTE'
                      ? 'a quoted field is followed by something other than a comma or a line end.'
                      : code === 'INVALID_OPENING_QUOTE'
                        ? 'a quote inside a field that is not quoted.'
                        : (error as Error).message
        };
    }
}

describe("the console's CSV parser (c/csv)", () => {
    it('reads what csv-parse reads, and refuses what it refuses, on fuzzed texts', () => {
        const next = random(606);
        const seen = { rows: 0, errors: 0 };
        for (let i = 0; i < 5000; i++) {
            const text = fuzzCsv(next);
            const ours = outcome(() => parseCsv(text));
            const expected = csvParseOutcome(text);
            expect(ours.error === undefined ? ours : { error: ours.error.replace(/^.*CSV line \d+: /, '') }).toEqual(
                expected
            );
            seen[expected.error === undefined ? 'rows' : 'errors']++;
        }
        expect(seen.rows).toBeGreaterThan(500);
        expect(seen.errors).toBeGreaterThan(500);
    });

    it('parses documented shapes', () => {
        expect(parseCsv('a,b\r\n1,"x,""y"""\r\n')).toEqual([
            ['a', 'b'],
            ['1', 'x,"y"']
        ]);
        expect(parseCsv('\uFEFFa,\n,')).toEqual([
            ['a', ''],
            ['', '']
        ]);
        expect(() => parseCsv('a\n"b"c')).toThrow('CSV line 2: a quoted field is followed by');
        expect(() => parseCsv('a\n"b\r\n\r\n')).toThrow('CSV line 2: a quoted field is not closed.');
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

    it('have the keys, order and values of plain objects', () => {
        for (const header of [
            ['A__c', 'B__c', 'ns__C__c'],
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
        // A field named twice, even once with a namespace prefix, is refused rather than one column winning.
        expect(() =>
            rowsToEntries([
                ['A__c', 'ns__A__c'],
                ['x', 'y']
            ])
        ).toThrow('The CSV header names a field more than once: A__c (A__c, ns__A__c).');
        expect(() => jsonToEntries([{ B__c: 1 }, { B__c: 1, ns__B__c: 2 }])).toThrow(
            'Entry 2 names a field more than once: B__c (B__c, ns__B__c).'
        );
    });
});
