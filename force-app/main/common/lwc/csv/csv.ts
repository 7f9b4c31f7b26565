/**
 * The LWC side's CSV (RFC 4180): the console reads exported logs a user drops in the browser and writes
 * evidence sections. On the Node side the tooling uses csv-parse and csv-stringify instead; `warden verify`
 * streams exports through its own byte reader (scripts/cli/verify/export-reader.ts).
 */

/** A CSV text that does not parse; `line` is where the offending field starts (1-based). */
export class CsvSyntaxError extends Error {
    constructor(
        message: string,
        readonly line: number
    ) {
        super(`CSV line ${line}: ${message}`);
    }
}

/** The number of line breaks (CRLF, LF or CR) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            count++;
        }
    }
    return count;
}

/**
 * Parses CSV into rows of strings: quoted fields with doubled quotes and line breaks inside, rows ended by
 * CRLF, LF or CR, a UTF-8 byte order mark at the start dropped. Throws CsvSyntaxError for a quoted field
 * that is not closed or is followed by anything but a comma or the end of the row, and for a quote inside a
 * field that is not quoted.
 */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    const n = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let row: string[] = [];
    let line = 1;
    // Where the counted lines end: line numbers are brought up to date only where a quoted field starts.
    let counted = i;
    while (i < n) {
        let value: string;
        if (text.charCodeAt(i) === 34) {
            line += lineBreaks(text, counted, i);
            counted = i;
            let j = i + 1;
            value = '';
            for (;;) {
                const q = text.indexOf('"', j);
                if (q < 0) {
                    throw new CsvSyntaxError('a quoted field is not closed.', line);
                }
                value += text.slice(j, q);
                if (text.charCodeAt(q + 1) !== 34) {
                    i = q + 1;
                    break;
                }
                value += '"';
                j = q + 2;
            }
        } else {
            let j = i;
            let c = text.charCodeAt(j);
            while (j < n && c !== 44 && c !== 10 && c !== 13 && c !== 34) {
                c = text.charCodeAt(++j);
            }
            if (c === 34) {
                line += lineBreaks(text, counted, j);
                throw new CsvSyntaxError('a quote inside a field that is not quoted.', line);
            }
            value = text.slice(i, j);
            i = j;
        }
        row.push(value);
        const c = text.charCodeAt(i);
        if (c === 44) {
            i++;
            if (i === n) {
                row.push('');
            }
        } else if (c === 13 || c === 10 || i >= n) {
            rows.push(row);
            row = [];
            i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else {
            line += lineBreaks(text, counted, i);
            counted = i;
            throw new CsvSyntaxError('a quoted field is followed by something other than a comma or a line end.', line);
        }
    }
    if (row.length > 0) {
        rows.push(row);
    }
    return rows;
}

/** One field as CSV: quoted when it holds a comma, quote or line break, or starts or ends with a blank. */
export function csvField(value: string): string {
    return /[",\r\n]/.test(value) || value !== value.trim() ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/** Rows of fields as CSV text, each row ended by CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
    let out = '';
    for (const row of rows) {
        out += row.map(csvField).join(',') + '\r\n';
    }
    return out;
}
