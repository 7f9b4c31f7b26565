/**
 * `warden redact` in bounded memory (stream.ts): invalid UTF-8 is counted exactly as a WHATWG decoder
 * replaces it, segments are cut at breaks, and the stream gives what the whole text cut the same way gives.
 */
import { Readable } from 'node:stream';
import { seededRandom } from '../../../dev/lib/random';
import { redactOptions, streamRedact, utf8Notice } from '../command';
import { fullCollection } from '../../lib/heap';
import { COLLECT_CHARS, SEGMENT_CHARS, Utf8Checker, cutPoint, redactSegments, redactStream } from '../stream';

/** The oracle: how many U+FFFD the WHATWG decoder adds (none of the inputs holds U+FFFD itself). */
function replacements(bytes: Uint8Array): number {
    return Array.from(new TextDecoder('utf-8').decode(bytes)).filter((c) => c === '\uFFFD').length;
}

function randomBytes(rand: () => number, length: number): Uint8Array {
    // Mostly the bytes UTF-8 is made of, so that valid, cut and overlong sequences all occur.
    const pool = [0x41, 0x20, 0x0a, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    return Uint8Array.from({ length }, () => pool[Math.floor(rand() * pool.length)]);
}

describe('Utf8Checker', () => {
    it('counts what a WHATWG decoder replaces, over bytes given in pieces of any size', () => {
        const rand = seededRandom(16);
        for (let n = 0; n < 2000; n++) {
            const bytes = randomBytes(rand, 1 + Math.floor(rand() * 24));
            const checker = new Utf8Checker();
            for (let at = 0; at < bytes.length;) {
                const size = 1 + Math.floor(rand() * 4);
                checker.push(bytes.subarray(at, at + size));
                at += size;
            }
            expect(checker.end().invalid).toBe(replacements(bytes));
        }
    });

    it('gives the byte offset of the first invalid sequence, and nothing for valid text', () => {
        const valid = new Utf8Checker();
        valid.push(Buffer.from('Grüße 😀 ok', 'utf8'));
        expect(valid.end()).toEqual({ invalid: 0, firstOffset: null });
        const checker = new Utf8Checker();
        checker.push(Buffer.from([0x41, 0x42]));
        checker.push(Buffer.from([0xe2, 0x82, 0x41, 0xff]));
        expect(checker.end()).toEqual({ invalid: 2, firstOffset: 2 });
        const cut = new Utf8Checker();
        cut.push(Buffer.from([0x41, 0xf0, 0x9f]));
        expect(cut.end()).toEqual({ invalid: 1, firstOffset: 1 });
    });
});

describe('cutPoint', () => {
    it('waits for a full window, then cuts after its last blank line, else its last line break', () => {
        expect(cutPoint('short\n\ntext', false)).toBe(-1);
        expect(cutPoint('short', true)).toBe(5);
        const paragraphs = 'a'.repeat(100) + '\n\n' + 'b'.repeat(SEGMENT_CHARS) + '\n\nlater';
        expect(cutPoint(paragraphs, false)).toBe(102);
        const lines = 'a'.repeat(100) + '\n' + 'b'.repeat(SEGMENT_CHARS);
        expect(cutPoint(lines, false)).toBe(101);
    });

    it('cuts a text without line breaks at a blank, and never inside a surrogate pair', () => {
        const words = 'word '.repeat(SEGMENT_CHARS);
        expect(cutPoint(words, false)).toBe(words.lastIndexOf(' ', SEGMENT_CHARS - 1) + 1);
        const emoji = 'x' + '😀'.repeat(SEGMENT_CHARS);
        expect(cutPoint(emoji, false)).toBe(SEGMENT_CHARS - 1);
        expect(cutPoint('😀'.repeat(SEGMENT_CHARS), false)).toBe(SEGMENT_CHARS);
    });
});

describe('redactStream', () => {
    const upper = (segment: string): string => `<${segment.length}>`;

    it('gives what redactSegments gives on the whole text, whatever the chunks', async () => {
        const rand = seededRandom(7);
        const text = Array.from({ length: 3000 }, (_, i) => `Note ${i}: ${'x'.repeat(Math.floor(rand() * 200))}`).join(
            rand() < 0.5 ? '\n\n' : '\n'
        );
        const bytes = Buffer.from(text, 'utf8');
        const chunks: Buffer[] = [];
        for (let at = 0; at < bytes.length;) {
            const size = 1 + Math.floor(rand() * 70_000);
            chunks.push(bytes.subarray(at, at + size));
            at += size;
        }
        const out: string[] = [];
        const report = await redactStream(Readable.from(chunks), async (t) => void out.push(t), upper);
        expect(report).toEqual({ invalid: 0, firstOffset: null });
        expect(out.length).toBeGreaterThan(3);
        expect(out.join('')).toBe(redactSegments(text, upper));
        expect(out.every((part) => Number(/<([0-9]+)>/.exec(part)?.[1]) <= SEGMENT_CHARS)).toBe(true);
    });

    it('calls the collector once per COLLECT_CHARS characters redacted, and the output is the same', async () => {
        const line = `${'y'.repeat(99)}\n`;
        const text = line.repeat(Math.ceil((2.5 * COLLECT_CHARS) / line.length));
        const chunks: Buffer[] = [];
        const bytes = Buffer.from(text, 'utf8');
        for (let at = 0; at < bytes.length; at += 65_536) {
            chunks.push(bytes.subarray(at, at + 65_536));
        }
        const collected: number[] = [];
        let redacted = 0;
        const out: string[] = [];
        await redactStream(
            Readable.from(chunks),
            async (t) => void out.push(t),
            (segment) => {
                redacted += segment.length;
                return upper(segment);
            },
            () => void collected.push(redacted)
        );
        expect(out.join('')).toBe(redactSegments(text, upper));
        expect(collected).toHaveLength(2);
        expect(collected[0]).toBeGreaterThanOrEqual(COLLECT_CHARS);
        expect(collected[0]).toBeLessThan(COLLECT_CHARS + SEGMENT_CHARS);
        expect(collected[1] - collected[0]).toBeGreaterThanOrEqual(COLLECT_CHARS);
        expect(collected[1] - collected[0]).toBeLessThan(COLLECT_CHARS + SEGMENT_CHARS);
    });

    it('redacts PHI on each side of a chunk boundary and reports invalid UTF-8 on stderr', async () => {
        const options = redactOptions(['--no-dictionary']);
        if (options === null) {
            throw new Error('options expected');
        }
        const input = [Buffer.from('Call 555-12'), Buffer.from('3-4567 now \xff\n', 'latin1')];
        const out: string[] = [];
        const result = await streamRedact(options, Readable.from(input), async (t) => void out.push(t));
        expect(out.join('')).toBe('Call [PHONE] now \uFFFD\n');
        expect(result.code).toBe(0);
        expect(result.stderr).toBe(utf8Notice({ invalid: 1, firstOffset: 22 }));
        expect(result.stderr).toContain('1 invalid byte sequence(s), the first at byte offset 22');
    });
});

describe('fullCollection', () => {
    it("hands over V8's full collection on this Node, and it frees unreachable memory", () => {
        const collect = fullCollection();
        expect(collect).not.toBeNull();
        expect(fullCollection()).toBe(collect);
        collect!();
        const floor = process.memoryUsage().heapUsed;
        let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i));
        expect(process.memoryUsage().heapUsed - floor).toBeGreaterThan(8_000_000);
        garbage = null;
        collect!();
        expect(garbage).toBeNull();
        expect(process.memoryUsage().heapUsed - floor).toBeLessThan(4_000_000);
    });
});
