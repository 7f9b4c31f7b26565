/**
 * `warden verify`'s reader of exports: streams a CSV export of any length through ChainVerifier, or reads a
 * JSON export whole. Memory stays bounded by one part of the file, the longest row (at most maxRowBytes) and
 * the open checkpoint blocks, whatever the file's size.
 *
 * CSV is read as bytes. Each row's cells are found in the raw UTF-8 (the separators are ASCII, and UTF-8 never
 * uses ASCII bytes inside a multi-byte character, so the cells are those of the decoded text), and when every
 * hashed value of the row is already in canonical form (text, digits, an 18-character id, a canonical
 * date-time) its canonical bytes are laid out directly from the file's bytes and hashed, with no strings made
 * but the chain fields. A row with anything else (a 15-character id, another date-time form, a number with
 * leading zeros, a cell that is not valid UTF-8...) is decoded and goes through computeEntryHash like any
 * entry. A CSV error is reported here, with its line. This is the only CSV reader of `warden verify`: it
 * verifies an export in a fifth of the time of csv-parse feeding the same verifier (docs/checks.md), and the
 * tests hold the two to identical reports (scripts/cli/verify/__tests__/export-reader.test.ts).
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import {
    CHAIN_VERSION,
    CHAIN_VERSION_V2,
    LOG_FIELDS,
    LOG_FIELDS_V2,
    localFieldName,
    repeatedColumnsProblem,
    type LogEntry
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import {
    ChainVerifier,
    type ChainReport,
    type VerifyOptions
} from '../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { InputError } from '../lib/errors';
import { looksLikeJson, nodeSha256, readJsonExport } from './chain';

export type ExportVerification = {
    report: ChainReport;
    columns: string[];
    /** Rows decoded to text and hashed through computeEntryHash rather than laid out from their bytes. */
    rowsDecoded: number;
};

export type ReadOptions = {
    /** Bytes read at a time (tests use tiny parts to cut rows and characters at every place). */
    partBytes?: number;
    /** The longest row accepted; a longer one is an error (most often a quote that is never closed). */
    maxRowBytes?: number;
    /** Columns the header must have; missing ones are an InputError naming them. */
    requiredColumns?: ReadonlyArray<string>;
    /** Columns the header has all of or none of (the v2 fields); some without the others are an InputError. */
    allOrNoneColumns?: ReadonlyArray<string>;
};

/** Bytes read at a time from a CSV export. */
export const PART_BYTES = 16 * 1024 * 1024;
/** The longest CSV row read: far above any inference log row (its long text fields included). */
export const MAX_ROW_BYTES = 16 * 1024 * 1024;

/** Verifies an export file: CSV streamed, JSON read whole. InputError when it cannot be read. */
export function verifyExportFile(file: string, options: VerifyOptions, read: ReadOptions = {}): ExportVerification {
    return verifyExportFiles([file], options, read);
}

/**
 * Verifies exports that hold one chain in order, as one: the archive's export (InferenceLogArchive__b, the oldest
 * entries) and then the live log's (docs/audit-format.md, section 8). Each file has its own header, checked on its
 * own; rows are numbered across the files; checkpoints are judged once, after the last file.
 */
export function verifyExportFiles(files: string[], options: VerifyOptions, read: ReadOptions = {}): ExportVerification {
    const verifier = new ChainVerifier(options);
    const columns: string[] = [];
    let rowsDecoded = 0;
    for (const file of files) {
        const part = feedExportFile(file, verifier, options, read);
        columns.push(...part.columns.filter((column) => !columns.includes(column)));
        rowsDecoded += part.rowsDecoded;
    }
    return { report: verifier.finish(), columns, rowsDecoded };
}

function feedExportFile(
    file: string,
    verifier: ChainVerifier,
    options: VerifyOptions,
    read: ReadOptions
): { columns: string[]; rowsDecoded: number } {
    const required = read.requiredColumns ?? [];
    const checkColumns = (columns: string[]): void => {
        // A file without even a header is just empty.
        const missing = required.filter((c) => !columns.includes(c));
        if (columns.length > 0 && missing.length > 0) {
            throw new InputError(`${file} lacks the column(s) ${missing.join(', ')} (see docs/audit-format.md).`);
        }
        const group = read.allOrNoneColumns ?? [];
        const absent = group.filter((c) => !columns.includes(c));
        if (absent.length > 0 && absent.length < group.length) {
            throw new InputError(
                `${file} lacks the column(s) ${absent.join(', ')}, which go with ${group.filter((c) => !absent.includes(c)).join(', ')} (warden-log-v2 entries; see docs/audit-format.md).`
            );
        }
    };
    if (looksLikeJson(file)) {
        const { entries, columns } = readJsonExport(file);
        checkColumns(columns);
        for (const entry of entries) {
            verifier.add(entry);
        }
        return { columns, rowsDecoded: entries.length };
    }
    let fd: number;
    try {
        fd = openSync(file, 'r');
    } catch (error) {
        throw new InputError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    try {
        const reader = new CsvExportReader(
            file,
            fd,
            verifier,
            read.partBytes ?? PART_BYTES,
            read.maxRowBytes ?? MAX_ROW_BYTES,
            // Checking MACs needs each entry's values as text: every row is then decoded.
            options.macKey !== undefined
        );
        return reader.run(checkColumns);
    } finally {
        closeSync(fd);
    }
}

// ---------------------------------------------------------------------------------------------
// Rows of CSV bytes
// ---------------------------------------------------------------------------------------------

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;

/** Per byte: what a cell scan must notice. */
const IS_STOP = 1; // ends an unquoted cell: comma, LF, CR (and a quote, which is an error there)
const IS_ESCAPED = 2; // escaped in canonical text: backslash, LF, CR
const IS_HIGH = 4; // part of a multi-byte character (or not UTF-8)
const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[COMMA] = IS_STOP;
BYTE_CLASS[LF] = IS_STOP | IS_ESCAPED;
BYTE_CLASS[CR] = IS_STOP | IS_ESCAPED;
BYTE_CLASS[BACKSLASH] = IS_ESCAPED;
BYTE_CLASS[QUOTE] = IS_STOP;
for (let b = 0x80; b < 0x100; b++) {
    BYTE_CLASS[b] = IS_HIGH;
}
/** A cell flag beside the byte classes: a quoted cell with a doubled quote inside. */
const HAS_DOUBLED_QUOTE = 8;

/** A CSV syntax error in the row being read: what is wrong, and the byte where it is. */
class CsvSyntaxError extends Error {
    constructor(
        message: string,
        readonly at: number
    ) {
        super(message);
    }
}

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
 * Reads one row of RFC 4180 CSV from buf[pos..end) into cells: quoted cells with doubled quotes and line
 * breaks inside, rows ended by CRLF, LF or CR. Returns where the next row starts, or -1 when the row runs
 * into the end of the bytes read so far and more may follow (not final). Throws CsvSyntaxError at a quoted
 * cell that is not closed or is followed by anything but a comma or a line end, and at a quote inside a cell
 * that is not quoted.
 */
function readRow(buf: Uint8Array, pos: number, end: number, final: boolean, cells: RowCells): number {
    cells.count = 0;
    let i = pos;
    for (;;) {
        let start: number;
        let stop: number;
        let flags = 0;
        const quoted = i < end && buf[i] === QUOTE;
        if (quoted) {
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
                    throw new CsvSyntaxError('a quoted field is not closed before the end of the file', i);
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
        throw !quoted
            ? new CsvSyntaxError('a quote inside a field that is not quoted (quote the field and double the quote)', i)
            : new CsvSyntaxError('a quoted field is followed by something other than a comma or a line end', i);
    }
}

/** The line breaks (CRLF, LF or a lone CR) in buf[start..end). */
function lineBreaks(buf: Uint8Array, start: number, end: number): number {
    let count = 0;
    for (let i = start; i < end; i++) {
        if (buf[i] === LF || (buf[i] === CR && !(i + 1 < end && buf[i + 1] === LF))) {
            count++;
        }
    }
    return count;
}

/** A cell's text as a decoder has it: UTF-8 decoded (invalid bytes as U+FFFD), doubled quotes undone. */
function cellText(buf: Buffer, cells: RowCells, c: number): string {
    const text = buf.toString('utf8', cells.starts[c], cells.ends[c]);
    return cells.flags[c] & HAS_DOUBLED_QUOTE ? text.replace(/""/g, '"') : text;
}

/** A cell as an entry holds it: null when empty or missing, else its text. */
function fieldValue(buf: Buffer, cells: RowCells, c: number): string | null {
    return c < 0 || cells.starts[c] === cells.ends[c] ? null : cellText(buf, cells, c);
}

// ---------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------

const SEQUENCE_FIELD = LOG_FIELDS.findIndex((f) => f.name === 'Sequence__c');
const LOGGED_AT_FIELD = LOG_FIELDS.findIndex((f) => f.name === 'LoggedAt__c');
/** RecordId__c: empty on every v2 row. */
const RECORD_ID_FIELD = LOG_FIELDS.findIndex((f) => f.name === 'RecordId__c');
/** EntryKind__c: a row is v2 when its cell is not empty. */
const ENTRY_KIND_FIELD = LOG_FIELDS_V2.findIndex((f) => f.name === 'EntryKind__c');

/** Where the header put each field the chain reads (-1: missing; a header naming a field twice is refused). */
type ColumnMap = { width: number; fields: Int32Array; previous: number; hash: number };

function columnMap(columns: string[]): ColumnMap {
    const map: ColumnMap = {
        width: columns.length,
        fields: new Int32Array(LOG_FIELDS_V2.length).fill(-1),
        previous: -1,
        hash: -1
    };
    columns.forEach((name, c) => {
        const f = LOG_FIELDS_V2.findIndex((field) => field.name === name);
        if (f >= 0) {
            map.fields[f] = c;
        }
        if (name === 'PreviousHash__c') {
            map.previous = c;
        }
        if (name === 'EntryHash__c') {
            map.hash = c;
        }
    });
    return map;
}

/** One pass over a CSV export: rows to the verifier, CSV errors as InputError with their line. */
class CsvExportReader {
    private buf: Buffer;
    /** The bytes read so far are buf[0..end); the row being read starts at pos. */
    private end = 0;
    private pos = 0;
    private final = false;
    /** The line of the file where the row at pos starts (1-based). */
    private line = 1;
    /** The row just read: where its bytes start and end, and the line it starts on. */
    private rowStart = 0;
    private rowEnd = 0;
    private rowLine = 1;
    private readonly cells = new RowCells();
    /** Where a row's canonical text is built: values at most as long as the row, with escapes doubling them. */
    private scratch = Buffer.allocUnsafe(64 * 1024);
    private rowsDecoded = 0;

    constructor(
        private readonly file: string,
        private readonly fd: number,
        private readonly verifier: ChainVerifier,
        partBytes: number,
        private readonly maxRowBytes: number,
        private readonly decodeAll: boolean
    ) {
        this.buf = Buffer.allocUnsafe(Math.max(partBytes, 4));
    }

    run(checkColumns: (columns: string[]) => void): { columns: string[]; rowsDecoded: number } {
        while (this.end < 3 && !this.final) {
            this.readMore();
        }
        // A UTF-8 byte order mark at the start of the file is not part of the first column's name.
        this.pos = this.end >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf ? 3 : 0;
        if (!this.nextRow()) {
            return { columns: [], rowsDecoded: 0 };
        }
        const names: string[] = [];
        for (let c = 0; c < this.cells.count; c++) {
            names.push(cellText(this.buf, this.cells, c));
        }
        const repeated = repeatedColumnsProblem(names);
        if (repeated !== null) {
            this.fail(`the header ${repeated}`);
        }
        const columns = names.map(localFieldName);
        checkColumns(columns);
        const map = columnMap(columns);
        while (this.nextRow()) {
            this.verifyRow(map);
        }
        return { columns, rowsDecoded: this.rowsDecoded };
    }

    private readMore(): void {
        let read: number;
        try {
            read = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
        } catch (error) {
            throw new InputError(`Cannot read ${this.file}: ${(error as Error).message}`);
        }
        this.end += read;
        this.final = read === 0;
    }

    private fail(message: string): never {
        throw new InputError(`${this.file} is not a valid CSV export: ${message}`);
    }

    /**
     * Reads the next row into cells, reading more of the file while the row may go on past what has been
     * read; false at the end of the file.
     */
    private nextRow(): boolean {
        for (;;) {
            if (this.pos >= this.end && this.final) {
                return false;
            }
            let next: number;
            try {
                next = this.pos < this.end ? readRow(this.buf, this.pos, this.end, this.final, this.cells) : -1;
            } catch (error) {
                if (error instanceof CsvSyntaxError) {
                    this.fail(`line ${this.line + lineBreaks(this.buf, this.pos, error.at)}: ${error.message}.`);
                }
                throw error;
            }
            if (next >= 0) {
                this.rowStart = this.pos;
                this.rowEnd = next;
                this.rowLine = this.line;
                this.line += 1 + this.breaksInCells();
                this.pos = next;
                return true;
            }
            if (this.end - this.pos > this.maxRowBytes) {
                this.fail(
                    `line ${this.line}: a row longer than ${this.maxRowBytes} bytes (most often a quoted field that is never closed).`
                );
            }
            this.makeRoom();
            this.readMore();
        }
    }

    /** Line breaks inside the cells of the row just read (only quoted cells hold any). */
    private breaksInCells(): number {
        const cells = this.cells;
        let breaks = 0;
        for (let c = 0; c < cells.count; c++) {
            if (cells.flags[c] & IS_ESCAPED) {
                breaks += lineBreaks(this.buf, cells.starts[c], cells.ends[c]);
            }
        }
        return breaks;
    }

    /** Keeps the row being read and makes room after it: moves it to the front, or grows the buffer. */
    private makeRoom(): void {
        if (this.pos > 0) {
            this.buf.copy(this.buf, 0, this.pos, this.end);
            this.end -= this.pos;
            this.pos = 0;
        } else if (this.end === this.buf.length) {
            const bigger = Buffer.allocUnsafe(this.buf.length * 2);
            this.buf.copy(bigger, 0, 0, this.end);
            this.buf = bigger;
        }
    }

    /** Hands the row just read to the verifier: laid out from its bytes when it can be, else decoded. */
    private verifyRow(map: ColumnMap): void {
        const { buf, cells, verifier } = this;
        if (cells.count === 1 && cells.starts[0] === cells.ends[0]) {
            return; // a blank line
        }
        if (cells.count !== map.width) {
            this.fail(`line ${this.rowLine} has ${cells.count} fields; the header has ${map.width}.`);
        }
        if (!verifier.wantsHashes) {
            verifier.addRow(fieldValue(buf, cells, map.fields[SEQUENCE_FIELD]), null, null, null, null);
            return;
        }
        const rowBytes = this.rowEnd - this.rowStart;
        if (this.scratch.length < 2 * rowBytes + 1024) {
            this.scratch = Buffer.allocUnsafe(2 * rowBytes + 1024);
        }
        const length = this.decodeAll ? -1 : canonicalBytes(buf, cells, map, this.scratch);
        if (length < 0) {
            verifier.add(rowEntry(buf, cells, map));
            this.rowsDecoded++;
            return;
        }
        const seqColumn = map.fields[SEQUENCE_FIELD];
        const timeColumn = map.fields[LOGGED_AT_FIELD];
        verifier.addRow(
            seqColumn < 0 || cells.starts[seqColumn] === cells.ends[seqColumn]
                ? null
                : Number(buf.toString('latin1', cells.starts[seqColumn], cells.ends[seqColumn])),
            hashCell(buf, cells, map.previous),
            hashCell(buf, cells, map.hash),
            timeColumn < 0 || cells.starts[timeColumn] === cells.ends[timeColumn]
                ? null
                : buf.toString('latin1', cells.starts[timeColumn], cells.ends[timeColumn]),
            nodeSha256(this.scratch.subarray(0, length))
        );
    }
}

/** A chain field (only ASCII after canonicalBytes accepted the row): its text, '' when empty or missing. */
function hashCell(buf: Buffer, cells: RowCells, c: number): string {
    return c < 0 ? '' : buf.toString('latin1', cells.starts[c], cells.ends[c]);
}

/** The row as an entry, decoded (only the fields the chain reads). */
function rowEntry(buf: Buffer, cells: RowCells, map: ColumnMap): LogEntry {
    const entry: LogEntry = {};
    for (let f = 0; f < LOG_FIELDS_V2.length; f++) {
        entry[LOG_FIELDS_V2[f].name] = fieldValue(buf, cells, map.fields[f]);
    }
    entry.PreviousHash__c = fieldValue(buf, cells, map.previous);
    entry.EntryHash__c = fieldValue(buf, cells, map.hash);
    return entry;
}

// ---------------------------------------------------------------------------------------------
// Canonical bytes of a row
// ---------------------------------------------------------------------------------------------

/**
 * The bytes before each value in the canonical text: the version line or the previous LF, the name, `=`. A v1
 * row takes the first LOG_FIELDS.length of them; a v2 row takes all, its first line from V2_FIRST_LINE_START.
 */
const LINE_START_BYTES = LOG_FIELDS_V2.map((f, i) =>
    Buffer.from((i === 0 ? CHAIN_VERSION + '\n' : '\n') + f.name + '=', 'utf8')
);
const V2_FIRST_LINE_START = Buffer.from(CHAIN_VERSION_V2 + '\n' + LOG_FIELDS_V2[0].name + '=', 'utf8');
const V1_FIELD_COUNT = LOG_FIELDS.length;
const KIND_TEXT = 0;
const KIND_INTEGER = 1;
const KIND_DATETIME = 2;
const KIND_ID = 3;
const FIELD_KINDS = Int8Array.from(LOG_FIELDS_V2, (f) =>
    f.kind === 'integer' ? KIND_INTEGER : f.kind === 'datetime' ? KIND_DATETIME : f.kind === 'id' ? KIND_ID : KIND_TEXT
);

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

/** Whether buf[start..end) has the shape of a canonical date-time, as canonicalDatetime tests it. */
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
 * Lays out canonicalEntry(row) + PreviousHash__c as UTF-8 in out and returns its length, or -1 when a value
 * is not already canonical or not plain UTF-8 (the row is then decoded). Each value is what canonicalEntry
 * gives for the cell's text: text escaped (backslash, LF, CR), digits, a canonical date-time or an
 * 18-character id as they are, empty for an empty cell.
 */
function canonicalBytes(buf: Buffer, cells: RowCells, map: ColumnMap, out: Buffer): number {
    const { starts, ends, flags } = cells;
    const kindColumn = map.fields[ENTRY_KIND_FIELD];
    const v2 = kindColumn >= 0 && starts[kindColumn] !== ends[kindColumn];
    const fieldCount = v2 ? FIELD_KINDS.length : V1_FIELD_COUNT;
    if (!v2) {
        // A v1 row with a value in a v2 field is malformed: decoded, computeEntryHash says so.
        for (let f = V1_FIELD_COUNT; f < FIELD_KINDS.length; f++) {
            const c = map.fields[f];
            if (c >= 0 && starts[c] !== ends[c]) {
                return -1;
            }
        }
    } else {
        // So is a v2 row with a record id: it names its subject only by SubjectKey__c.
        const c = map.fields[RECORD_ID_FIELD];
        if (c >= 0 && starts[c] !== ends[c]) {
            return -1;
        }
    }
    let p = 0;
    for (let f = 0; f < fieldCount; f++) {
        const prefix = f === 0 && v2 ? V2_FIRST_LINE_START : LINE_START_BYTES[f];
        for (let k = 0; k < prefix.length; k++) {
            out[p++] = prefix[k];
        }
        const c = map.fields[f];
        if (c < 0 || starts[c] === ends[c]) {
            continue;
        }
        const start = starts[c];
        const end = ends[c];
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
                // An id: 18 ASCII characters are taken as they are; anything else is normalised when decoded.
                if (end - start !== 18 || cellFlags & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
                    return -1;
                }
        }
        p = copyBytes(buf, start, end, out, p);
    }
    out[p++] = LF;
    // The chain fields become strings by their bytes (hashCell), so they must be ASCII without doubled quotes.
    if (map.hash >= 0 && flags[map.hash] & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
        return -1;
    }
    if (map.previous >= 0) {
        if (flags[map.previous] & (IS_HIGH | HAS_DOUBLED_QUOTE)) {
            return -1;
        }
        p = copyBytes(buf, starts[map.previous], ends[map.previous], out, p);
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
