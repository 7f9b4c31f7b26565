/**
 * `warden redact` on text of any size in bounded memory: the input is decoded as it arrives, cut into
 * segments at paragraph or line breaks, and each segment is redacted and written before the next is read.
 * Invalid UTF-8 is counted (with the byte offset of the first) so the command can report it instead of
 * replacing it silently.
 */
import { StringDecoder } from 'node:string_decoder';

/** What the input's bytes held that is not UTF-8: how many invalid sequences, and where the first starts. */
export type Utf8Report = { invalid: number; firstOffset: number | null };

/**
 * Counts invalid UTF-8 the way a WHATWG decoder replaces it (one U+FFFD per maximal invalid subpart), over
 * bytes given in pieces. Node's decoders replace the same sequences; this only counts and locates them.
 */
export class Utf8Checker {
    private needed = 0;
    private seen = 0;
    private lower = 0x80;
    private upper = 0xbf;
    /** Offset of the lead byte of the sequence being read. */
    private sequenceStart = 0;
    private offset = 0;
    readonly report: Utf8Report = { invalid: 0, firstOffset: null };

    private error(at: number): void {
        this.report.invalid++;
        this.report.firstOffset ??= at;
    }

    push(bytes: Uint8Array): void {
        for (let i = 0; i < bytes.length; i++) {
            const b = bytes[i];
            const at = this.offset + i;
            if (this.needed === 0) {
                if (b <= 0x7f) {
                    continue;
                }
                this.sequenceStart = at;
                if (b >= 0xc2 && b <= 0xdf) {
                    this.needed = 1;
                } else if (b >= 0xe0 && b <= 0xef) {
                    this.lower = b === 0xe0 ? 0xa0 : 0x80;
                    this.upper = b === 0xed ? 0x9f : 0xbf;
                    this.needed = 2;
                } else if (b >= 0xf0 && b <= 0xf4) {
                    this.lower = b === 0xf0 ? 0x90 : 0x80;
                    this.upper = b === 0xf4 ? 0x8f : 0xbf;
                    this.needed = 3;
                } else {
                    this.error(at);
                }
                continue;
            }
            if (b < this.lower || b > this.upper) {
                // The sequence so far is one error; this byte starts afresh.
                this.error(this.sequenceStart);
                this.needed = 0;
                this.seen = 0;
                this.lower = 0x80;
                this.upper = 0xbf;
                i--;
                continue;
            }
            this.lower = 0x80;
            this.upper = 0xbf;
            this.seen++;
            if (this.seen === this.needed) {
                this.needed = 0;
                this.seen = 0;
            }
        }
        this.offset += bytes.length;
    }

    /** The end of the input: a sequence cut short is one more error. */
    end(): Utf8Report {
        if (this.needed > 0) {
            this.error(this.sequenceStart);
            this.needed = 0;
        }
        return this.report;
    }
}

/** The window a segment is cut from: at most this many characters (a clinical note is far shorter). */
export const SEGMENT_CHARS = 64 * 1024;

/** How many characters are redacted between two full collections, when the caller gives a collector. */
export const COLLECT_CHARS = 8 * 1024 * 1024;

/**
 * Where the first segment of a text ends, chosen from its first SEGMENT_CHARS characters only, so the cuts
 * are the same however the text arrives: after the window's last blank line, else after its last line
 * break, else (one very long line) after its last space or tab, else at the window's end but never inside a
 * surrogate pair; so that no PHI span is likely to cross a cut. -1 while fewer than SEGMENT_CHARS
 * characters are pending and more may come; the whole text when it is the last and shorter.
 */
export function cutPoint(text: string, final: boolean): number {
    if (text.length <= SEGMENT_CHARS) {
        return final ? text.length : -1;
    }
    const paragraph = text.lastIndexOf('\n\n', SEGMENT_CHARS - 2);
    if (paragraph > 0) {
        return paragraph + 2;
    }
    const line = text.lastIndexOf('\n', SEGMENT_CHARS - 1);
    if (line > 0) {
        return line + 1;
    }
    const blank = Math.max(text.lastIndexOf(' ', SEGMENT_CHARS - 1), text.lastIndexOf('\t', SEGMENT_CHARS - 1));
    if (blank > 0) {
        return blank + 1;
    }
    const code = text.charCodeAt(SEGMENT_CHARS - 1);
    return code >= 0xd800 && code <= 0xdbff ? SEGMENT_CHARS - 1 : SEGMENT_CHARS;
}

/** Redacts text of any length segment by segment, the same way the stream does (one implementation). */
export function redactSegments(text: string, redactText: (segment: string) => string): string {
    const out: string[] = [];
    let rest = text;
    while (rest.length > 0) {
        const at = cutPoint(rest, true);
        out.push(redactText(rest.slice(0, at)));
        rest = rest.slice(at);
    }
    return out.join('');
}

/**
 * Reads bytes, writes redacted text: at most about SEGMENT_CHARS characters (plus one input chunk) are held
 * at a time, whatever the input's size; the output is redactSegments' on the whole text. With `collect` (a full
 * garbage collection, lib/heap.ts), it is called after every COLLECT_CHARS characters redacted, so that the
 * process's peak memory stays near its live data. Returns what the input held that was not UTF-8 (replaced by
 * U+FFFD).
 */
export async function redactStream(
    input: AsyncIterable<Buffer | string>,
    write: (text: string) => Promise<void>,
    redactText: (segment: string) => string,
    collect: (() => void) | null = null
): Promise<Utf8Report> {
    const decoder = new StringDecoder('utf8');
    const checker = new Utf8Checker();
    let pending = '';
    let sinceCollection = 0;
    const flush = async (final: boolean): Promise<void> => {
        for (let at = cutPoint(pending, final); at > 0; at = cutPoint(pending, final)) {
            const segment = pending.slice(0, at);
            pending = pending.slice(at);
            await write(redactText(segment));
            sinceCollection += segment.length;
            if (collect !== null && sinceCollection >= COLLECT_CHARS) {
                collect();
                sinceCollection = 0;
            }
        }
    };
    for await (const chunk of input) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        checker.push(bytes);
        pending += decoder.write(bytes);
        await flush(false);
    }
    pending += decoder.end();
    await flush(true);
    return checker.end();
}
