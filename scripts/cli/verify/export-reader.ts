/**
 * `warden verify`'s reader of exports: streams a CSV export of any length through ChainVerifier (memory stays
 * bounded by one part of the file and the open checkpoint blocks), or reads a JSON export whole.
 *
 * CSV is read as bytes. Each row's cells are found in the raw UTF-8 (the separators are ASCII, and UTF-8 never
 * uses ASCII bytes inside a multi-byte character, so the cells are those of the decoded text), and when every
 * hashed value of the row is already in canonical form (text, digits, an 18-character id, a canonical
 * date-time) its canonical bytes are laid out directly from the file's bytes and hashed, with no strings made
 * but the chain fields. A row with anything else (a 15-character id, another date-time form, a number with
 * leading zeros, a cell that is not valid UTF-8...) is decoded and goes through canonicalEntry like any entry,
 * and a file with a CSV error is read again by the plain reader (readCsvEntries), whose error message is the
 * reference. `reader: 'plain'` (or WARDEN_VERIFY_FAST=0) reads every row through the plain reader; the tests
 * check that both give identical reports.
 */
import * as nodeCrypto from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { closeSync } from 'node:fs';
import {
    CHAIN_VERSION,
    ChainVerifier,
    LOG_FIELDS,
    localFieldName,
    type ChainReport,
    type LogEntry,
    type VerifyOptions
} from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import {
    ExportFormatError,
    PART_BYTES,
    looksLikeJson,
    openExport,
    readCsvEntries,
    readExport,
    readRows
} from './chain';

export type ExportVerification = {
    report: ChainReport;
    columns: string[];
    /** Rows decoded to text and canonicalised by canonicalEntry rather than laid out from their bytes. */
    rowsDecoded: number;
};

export type ReadOptions = {
    /** 'fast' (default): the byte reader; 'plain': decode and parse every row as text. */
    reader?: 'fast' | 'plain';
    /** Bytes read at a time (tests use tiny parts to cut rows and characters at every place). */
    partBytes?: number;
    /** Columns the header must have; missing ones are an ExportFormatError naming them. */
    requiredColumns?: ReadonlyArray<string>;
};

/** Verifies an export file: CSV streamed, JSON read whole. ExportFormatError when it cannot be read. */
export function verifyExportFile(file: string, options: VerifyOptions, read: ReadOptions = {}): ExportVerification {
    const verified = readAndVerify(file, options, read);
    // Checked once the whole file has been read, so that a CSV error anywhere in it is reported first. A file
    // without even a header is just empty.
    const missing = (read.requiredColumns ?? []).filter((c) => !verified.columns.includes(c));
    if (verified.columns.length > 0 && missing.length > 0) {
        throw new ExportFormatError(`${file} lacks the column(s) ${missing.join(', ')} (see docs/audit-format.md).`);
    }
    return verified;
}

function readAndVerify(file: string, options: VerifyOptions, read: ReadOptions): ExportVerification {
    if (looksLikeJson(file)) {
        const { entries, columns } = readRows(file);
        const verifier = new ChainVerifier(options);
        for (const entry of entries) {
            verifier.add(entry);
        }
        return { report: verifier.finish(), columns, rowsDecoded: entries.length };
    }
    const partBytes = read.partBytes ?? PART_BYTES;
    if (read.reader !== 'plain' && process.env.WARDEN_VERIFY_FAST !== '0') {
        const verifier = new ChainVerifier(options);
        const bytes = verifyCsvBytes(file, verifier, partBytes);
        if (bytes) {
            return { report: verifier.finish(), ...bytes };
        }
        // A CSV error: the plain reader below reports it in its own words.
    }
    const verifier = new ChainVerifier(options);
    let columns: string[] = [];
    readCsvEntries(
        file,
        (header) => (columns = header),
        (entry) => verifier.add(entry),
        partBytes
    );
    return { report: verifier.finish(), columns, rowsDecoded: verifier.rowCount };
}

// ---------------------------------------------------------------------------------------------
// The byte reader
// ---------------------------------------------------------------------------------------------

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;

/** Per byte: what a cell scan must notice. */
const IS_STOP = 1; // ends an unquoted cell: comma, LF, CR
const IS_ESCAPED = 2; // escaped in canonical text: backslash, LF, CR
const IS_HIGH = 4; // part of a multi-byte character (or not UTF-8)
const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[COMMA] = IS_STOP;
BYTE_CLASS[LF] = IS_STOP | IS_ESCAPED;
BYTE_CLASS[CR] = IS_STOP | IS_ESCAPED;
BYTE_CLASS[BACKSLASH] = IS_ESCAPED;
for (let b = 0x80; b < 0x100; b++) {
    BYTE_CLASS[b] = IS_HIGH;
}
/** A cell flag beside the byte classes: a quoted cell with a doubled quote inside. */
const HAS_DOUBLED_QUOTE = 8;

/** The bytes before each value in the canonical text: the version line or the previous LF, the name, `=`. */
const LINE_START_BYTES = LOG_FIELDS.map((f, i) =>
    Buffer.from((i === 0 ? CHAIN_VERSION + '\n' : '\n') + f.name + '=', 'utf8')
);
const KIND_TEXT = 0;
const KIND_INTEGER = 1;
const KIND_DATETIME = 2;
const KIND_ID = 3;
const FIELD_KINDS = Int8Array.from(LOG_FIELDS, (f) =>
    f.kind === 'integer' ? KIND_INTEGER : f.kind === 'datetime' ? KIND_DATETIME : f.kind === 'id' ? KIND_ID : KIND_TEXT
);
const SEQUENCE_FIELD = LOG_FIELDS.findIndex((f) => f.name === 'Sequence__c');
const LOGGED_AT_FIELD = LOG_FIELDS.findIndex((f) => f.name === 'LoggedAt__c');

/** SHA-256 of bytes as lowercase hex; one-shot crypto.hash where Node has it (>= 20.12). */
const hexDigest: (data: Uint8Array) => string =
    typeof nodeCrypto.hash === 'function'
        ? (data) => nodeCrypto.hash('sha256', data, 'hex')
        : (data) => nodeCrypto.createHash('sha256').update(data).digest('hex');

/** Thrown inside the byte reader at a CSV error; verifyExportFile then lets the plain reader word it. */
class CsvSyntaxError extends Error {}

/** The cells of the row being read: where each cell's content starts and ends in the buffer, and its flags. */
class RowCells {
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    flags = new Uint8Array(64);
    count = 0;

    push(start: number, end: number, flags: number): void {
        if (this.count === this.starts.length) {
            const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
                const b = make(a.length * 2);
                b.set(a);
                return b;
            };
            this.starts = grow(this.starts, (n) => new Int32Array(n));
            this.ends = grow(this.ends, (n) => new Int32Array(n));
            this.flags = grow(this.flags, (n) => new Uint8Array(n));
        }
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.flags[this.count] = flags;
        this.count++;
    }
}

/**
 * Reads one row of RFC 4180 CSV from buf[pos..end) into cells, as parseCsvRows does on the decoded text.
 * Returns where the next row starts, or -1 when the row runs into the end of the bytes read so far and more
 * may follow (not final). Throws CsvSyntaxError where parseCsvRows throws.
 */
function readRow(buf: Uint8Array, pos: number, end: number, final: boolean, cells: RowCells): number {
    cells.count = 0;
    let i = pos;
    for (;;) {
        let start: number;
        let stop: number;
        let flags = 0;
        if (i < end && buf[i] === QUOTE) {
            start = i + 1;
            let j = start;
            for (;;) {
                while (j < end && buf[j] !== QUOTE) {
                    flags |= BYTE_CLASS[buf[j]];
                    j++;
                }
                if (j >= end || (!final && j + 1 >= end)) {
                    if (!final) {
                        return -1;
                    }
                    throw new CsvSyntaxError('unterminated quoted field');
                }
                if (buf[j + 1] === QUOTE) {
                    flags |= HAS_DOUBLED_QUOTE;
                    j += 2;
                    continue;
                }
                break;
            }
            stop = j;
            i = j + 1;
            flags &= ~IS_STOP;
        } else {
            start = i;
            while (i < end) {
                const k = BYTE_CLASS[buf[i]];
                if (k & IS_STOP) {
                    break;
                }
                flags |= k;
                i++;
            }
            stop = i;
        }
        if (i >= end) {
            if (!final) {
                return -1;
            }
            cells.push(start, stop, flags);
            return end;
        }
        const c = buf[i];
        if (c === COMMA) {
            cells.push(start, stop, flags);
            i++;
            if (i >= end) {
                if (!final) {
                    return -1;
                }
                cells.push(end, end, 0);
                return end;
            }
            continue;
        }
        if (c === LF) {
            cells.push(start, stop, flags);
            return i + 1;
        }
        if (c === CR) {
            if (i + 1 >= end && !final) {
                return -1;
            }
            cells.push(start, stop, flags);
            return buf[i + 1] === LF && i + 1 < end ? i + 2 : i + 1;
        }
        throw new CsvSyntaxError('unexpected character after a quoted field');
    }
}

/** A cell's text as the plain reader has it: UTF-8 decoded (invalid bytes as U+FFFD), doubled quotes undone. */
function cellText(buf: Buffer, cells: RowCells, c: number): string {
    const text = buf.toString('utf8', cells.starts[c], cells.ends[c]);
    return cells.flags[c] & HAS_DOUBLED_QUOTE ? text.replace(/""/g, '"') : text;
}

/** Whether buf[start..end) is a canonical integer: 0, or up to 15 digits without a leading zero. */
function isCanonicalInteger(buf: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length < 1 || length > 15 || (buf[start] === 48 && length > 1)) {
        return false;
    }
    for (let i = start; i < end; i++) {
        const b = buf[i];
        if (b < 48 || b > 57) {
            return false;
        }
    }
    return true;
}

/** 1 where a canonical date-time (YYYY-MM-DDTHH:mm:ss.SSSZ) has a digit, else the character itself. */
const DATETIME_SHAPE = Array.from('0000-00-00T00:00:00.000Z', (ch) => (ch === '0' ? 1 : ch.charCodeAt(0)));

/** Whether buf[start..end) has the shape of a canonical date-time, as CANONICAL_DATETIME tests it. */
function isCanonicalDatetime(buf: Uint8Array, start: number, end: number): boolean {
    if (end - start !== 24) {
        return false;
    }
    for (let k = 0; k < 24; k++) {
        const b = buf[start + k];
        const shape = DATETIME_SHAPE[k];
        if (shape === 1 ? b < 48 || b > 57 : b !== shape) {
            return false;
        }
    }
    return true;
}

/**
 * The byte reader: feeds every row of the CSV file to the verifier and returns the header's columns and how
 * many rows it had to decode, or null
 * at a CSV syntax error or a row that does not fit the header (the plain reader then reads the file again to
 * report it). Throws ExportFormatError when the file cannot be read.
 */
function verifyCsvBytes(
    file: string,
    verifier: ChainVerifier,
    partBytes: number
): { columns: string[]; rowsDecoded: number } | null {
    const fd = openExport(file);
    try {
        return streamRows(file, fd, verifier, partBytes);
    } catch (error) {
        if (error instanceof CsvSyntaxError) {
            return null;
        }
        throw error;
    } finally {
        closeSync(fd);
    }
}

function streamRows(
    file: string,
    fd: number,
    verifier: ChainVerifier,
    partBytes: number
): { columns: string[]; rowsDecoded: number } | null {
    let buf = Buffer.allocUnsafe(Math.max(partBytes, 4));
    let end = 0;
    let final = false;
    const readMore = (): void => {
        const read = readExport(file, fd, buf, end);
        end += read;
        final = read === 0;
    };
    while (end < 3 && !final) {
        readMore();
    }
    // A UTF-8 byte order mark at the start of the file, as the plain reader drops it.
    let pos = end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    let columns: string[] | null = null;
    // The column of each hashed field and of the two chain fields (-1: missing; the last of equal names wins).
    const fieldColumn = new Int32Array(LOG_FIELDS.length).fill(-1);
    let previousColumn = -1;
    let hashColumn = -1;
    let width = 0;
    let rowsDecoded = 0;
    const cells = new RowCells();
    // The canonical text of a row is built here: values at most as long as the row, with escapes doubling them.
    let scratch = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
        if (pos >= end && final) {
            break;
        }
        // More bytes when the row at pos may continue past what has been read.
        const rowStart = pos;
        const next = pos < end ? readRow(buf, pos, end, final, cells) : -1;
        if (next < 0) {
            if (pos > 0) {
                buf.copy(buf, 0, pos, end);
                end -= pos;
                pos = 0;
            } else if (end === buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, end);
                buf = bigger;
            }
            readMore();
            continue;
        }
        if (columns === null) {
            columns = [];
            for (let c = 0; c < cells.count; c++) {
                columns.push(localFieldName(cellText(buf, cells, c)));
            }
            width = columns.length;
            columns.forEach((name, c) => {
                const f = LOG_FIELDS.findIndex((field) => field.name === name);
                if (f >= 0) {
                    fieldColumn[f] = c;
                }
                if (name === 'PreviousHash__c') {
                    previousColumn = c;
                }
                if (name === 'EntryHash__c') {
                    hashColumn = c;
                }
            });
            pos = next;
            continue;
        }
        pos = next;
        if (cells.count === 1 && cells.starts[0] === cells.ends[0]) {
            continue; // a blank line, which the plain reader skips too
        }
        if (cells.count !== width) {
            return null;
        }
        if (!verifier.wantsHashes) {
            verifier.addRow(fieldValue(buf, cells, fieldColumn[SEQUENCE_FIELD]), null, null, null, null);
            continue;
        }
        const rowBytes = next - rowStart;
        if (scratch.length < 2 * rowBytes + 1024) {
            scratch = Buffer.allocUnsafe(2 * rowBytes + 1024);
        }
        const length = canonicalBytes(buf, cells, fieldColumn, previousColumn, hashColumn, scratch);
        if (length < 0) {
            verifier.add(rowEntry(buf, cells, fieldColumn, previousColumn, hashColumn));
            rowsDecoded++;
            continue;
        }
        const seqColumn = fieldColumn[SEQUENCE_FIELD];
        const timeColumn = fieldColumn[LOGGED_AT_FIELD];
        verifier.addRow(
            seqColumn < 0 || cells.starts[seqColumn] === cells.ends[seqColumn]
                ? null
                : Number(buf.toString('latin1', cells.starts[seqColumn], cells.ends[seqColumn])),
            hashCell(buf, cells, previousColumn),
            hashCell(buf, cells, hashColumn),
            timeColumn < 0 || cells.starts[timeColumn] === cells.ends[timeColumn]
                ? null
                : buf.toString('latin1', cells.starts[timeColumn], cells.ends[timeColumn]),
            hexDigest(scratch.subarray(0, length))
        );
    }
    return { columns: columns ?? [], rowsDecoded };
}

/** A cell as the plain reader's entry has it: null when empty or missing, else its text. */
function fieldValue(buf: Buffer, cells: RowCells, c: number): string | null {
    return c < 0 || cells.starts[c] === cells.ends[c] ? null : cellText(buf, cells, c);
}

/** A chain field (only ASCII after canonicalBytes accepted the row): its text, '' when empty or missing. */
function hashCell(buf: Buffer, cells: RowCells, c: number): string {
    return c < 0 ? '' : buf.toString('latin1', cells.starts[c], cells.ends[c]);
}

/** The row as an entry, as the plain reader makes it (only the fields the chain reads). */
function rowEntry(
    buf: Buffer,
    cells: RowCells,
    fieldColumn: Int32Array,
    previousColumn: number,
    hashColumn: number
): LogEntry {
    const entry: LogEntry = {};
    for (let f = 0; f < LOG_FIELDS.length; f++) {
        entry[LOG_FIELDS[f].name] = fieldValue(buf, cells, fieldColumn[f]);
    }
    entry.PreviousHash__c = fieldValue(buf, cells, previousColumn);
    entry.EntryHash__c = fieldValue(buf, cells, hashColumn);
    return entry;
}

/**
 * Lays out canonicalEntry(row) + PreviousHash__c as UTF-8 in out and returns its length, or -1 when a value
 * is not already canonical or not plain UTF-8 (the row then goes through canonicalEntry). Each value is what
 * canonicalValue gives for the cell's text: text escaped (backslash, LF, CR), digits, a canonical date-time or
 * an 18-character id as they are, empty for an empty cell.
 */
function canonicalBytes(
    buf: Buffer,
    cells: RowCells,
    fieldColumn: Int32Array,
    previousColumn: number,
    hashColumn: number,
    out: Buffer
): number {
    const starts = cells.starts;
    const ends = cells.ends;
    const flags = cells.flags;
    let p = 0;
    for (let f = 0; f < FIELD_KINDS.length; f++) {
        const prefix = LINE_START_BYTES[f];
        for (let k = 0; k < prefix.length; k++) {
            out[p++] = prefix[k];
        }
        const c = fieldColumn[f];
        if (c < 0) {
            continue;
        }
        const start = starts[c];
        const end = ends[c];
        if (start === end) {
            continue;
        }
        const cellFlags = flags[c];
        switch (FIELD_KINDS[f]) {
            case KIND_TEXT:
                if (cellFlags & IS_HIGH && !isUtf8(buf.subarray(start, end))) {
                    return -1;
                }
                if (cellFlags & (IS_ESCAPED | HAS_DOUBLED_QUOTE)) {
                    p = copyEscaped(buf, start, end, (cellFlags & HAS_DOUBLED_QUOTE) !== 0, out, p);
                } else {
                    p = copyBytes(buf, start, end, out, p);
                }
                continue;
            case KIND_INTEGER:
                if (!isCanonicalInteger(buf, start, end)) {
                    return -1;
                }
                break;
            case KIND_DATETIME:
                if (!isCanonicalDatetime(buf, start, end)) {
                    return -1;
                }
                break;
            default:
                // An id: 18 ASCII characters are taken as they are; anything else is normalised by canonicalEntry.
                if (end - start !== 18 || cellFlags & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
                    return -1;
                }
        }
        p = copyBytes(buf, start, end, out, p);
    }
    out[p++] = LF;
    // The chain fields become strings by their bytes (hashCell), so they must be ASCII without doubled quotes.
    if (hashColumn >= 0 && flags[hashColumn] & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
        return -1;
    }
    if (previousColumn >= 0) {
        if (flags[previousColumn] & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
            return -1;
        }
        p = copyBytes(buf, starts[previousColumn], ends[previousColumn], out, p);
    }
    return p;
}

/** Copies buf[start..end) to out at p and returns the new end of out. */
function copyBytes(buf: Uint8Array, start: number, end: number, out: Uint8Array, p: number): number {
    for (let i = start; i < end; i++) {
        out[p++] = buf[i];
    }
    return p;
}

/**
 * Copies a text cell's bytes with the canonical escapes, and undoes doubled quotes when the cell was quoted
 * with quotes inside (in an unquoted cell a quote is a plain character); returns the new end of out.
 */
function copyEscaped(
    buf: Uint8Array,
    start: number,
    end: number,
    doubled: boolean,
    out: Uint8Array,
    p: number
): number {
    for (let i = start; i < end; i++) {
        const b = buf[i];
        if (b === BACKSLASH) {
            out[p++] = BACKSLASH;
            out[p++] = BACKSLASH;
        } else if (b === LF) {
            out[p++] = BACKSLASH;
            out[p++] = 110; // n
        } else if (b === CR) {
            out[p++] = BACKSLASH;
            out[p++] = 114; // r
        } else {
            out[p++] = b;
            if (b === QUOTE && doubled) {
                i++; // inside a quoted cell every quote is doubled
            }
        }
    }
    return p;
}
