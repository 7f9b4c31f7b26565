/**
 * c/nameWords against its specifications: the word scanner must find exactly the tokens of WORD_PATTERN's
 * global regex (which Apex's PhiRedactor runs), on every code unit of the Basic Multilingual Plane, on
 * astral letters and lone surrogates, and on random mixed-script text; the names table must answer as a
 * plain Map of its keys does, ASCII capitals read in lower case only when asked.
 */
import {
    HAS_HYPHEN,
    HAS_LOWER,
    HAS_UPPER,
    WORD_PATTERN,
    WordScanner,
    buildNameTable,
    classesOf,
    hashOf,
    isAllCaps,
    isCapitalised,
    isCaseless,
    keysOf
} from '../../../../force-app/main/gate/lwc/nameWords/nameWords';
import { seededRandom } from '../../lib/random';

type Word = { start: number; end: number };

function regexWords(text: string): Word[] {
    const out: Word[] = [];
    const regex = new RegExp(WORD_PATTERN, 'gu');
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
        out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
}

/** The scanner's words; checks each word's ascii, letters and hash fields on the way. */
function scannerWords(text: string): Word[] {
    const out: Word[] = [];
    const scanner = new WordScanner(text);
    while (scanner.next()) {
        const word = text.slice(scanner.start, scanner.end);
        const ascii = !/[^\x00-\x7f]/.test(word);
        const letters =
            (/[a-z]/.test(word) ? HAS_LOWER : 0) |
            (/[A-Z]/.test(word) ? HAS_UPPER : 0) |
            (word.includes('-') ? HAS_HYPHEN : 0);
        if (scanner.ascii !== ascii || scanner.letters !== letters) {
            throw new Error(
                `Fields of the word at ${scanner.start}: ascii ${scanner.ascii}, letters ${scanner.letters}.`
            );
        }
        if (ascii && scanner.hash !== hashOf(text, scanner.start, scanner.end, 0x20)) {
            throw new Error(`Hash of the word at ${scanner.start}.`);
        }
        out.push({ start: scanner.start, end: scanner.end });
    }
    return out;
}

/** Pieces of text the random texts are made of: every kind of character WORD_PATTERN treats apart. */
const PIECES = [
    'a',
    'Z',
    'm',
    'Q',
    ' ',
    '  ',
    '\n',
    '\t',
    '.',
    ',',
    '0',
    '9',
    '_',
    '@',
    "'",
    '-',
    '\u2019',
    '\u2018',
    '\u2010',
    '\u00e9',
    '\u00c9',
    '\u00df',
    '\u00aa',
    '\u00bd',
    '\u0301',
    '\u0308',
    '\u200d',
    '\u00a0',
    'e\u0301',
    '\u0130',
    '\u0416',
    '\u0436',
    '\u03a3',
    '\u03c2',
    '\u05d0',
    '\u0627',
    '\u0915\u094d\u0937',
    '\u4f1f',
    '\uac00',
    '\u30ab',
    '\u10d0',
    '\u1e9e',
    '\u2c65',
    '\ua7ab',
    '\ud835\udc00',
    '\ud840\udc00',
    '\ud83d\ude00',
    '\ud800',
    '\udc00',
    '\ud835',
    'O\u2019Neil',
    "d'Arc",
    'Jean-Luc',
    'x-',
    "-'",
    "'s",
    'ab',
    'Smith',
    'SMITH'
];

function randomText(r: () => number, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
        out += PIECES[Math.floor(r() * PIECES.length)];
    }
    return out;
}

describe('c/nameWords WordScanner', () => {
    it('finds the tokens of WORD_PATTERN around every code unit of the Basic Multilingual Plane', () => {
        const mismatches: number[] = [];
        for (let c = 0x80; c < 0x10000; c++) {
            const ch = String.fromCharCode(c);
            const text = `a${ch} ${ch}b ${ch}'${ch} x-${ch} ${ch}\u2019s`;
            if (JSON.stringify(scannerWords(text)) !== JSON.stringify(regexWords(text))) {
                mismatches.push(c);
            }
        }
        expect(mismatches).toEqual([]);
    });

    it('finds the tokens of WORD_PATTERN in every ASCII context', () => {
        for (let a = 0; a < 0x80; a++) {
            for (const b of [39, 45, 65, 97, 32, 0x2019]) {
                const text = `x${String.fromCharCode(a)}${String.fromCharCode(b)}y ${String.fromCharCode(b, a)}`;
                expect(scannerWords(text)).toEqual(regexWords(text));
            }
        }
    });

    it('finds the tokens of WORD_PATTERN in random mixed-script text with surrogates', () => {
        const r = seededRandom(16);
        for (let n = 0; n < 3000; n++) {
            const text = randomText(r, 1 + Math.floor(r() * 40));
            expect(scannerWords(text)).toEqual(regexWords(text));
        }
    });

    it('reads astral letters as one letter and lone or non-letter surrogates as none', () => {
        const text = '\ud835\udc00\ud835\udc01 x\ud83d\ude00y \ud800a \udc00b a\ud835';
        expect(scannerWords(text)).toEqual(regexWords(text));
        expect(scannerWords(text)[0]).toEqual({ start: 0, end: 4 });
    });
});

describe('c/nameWords casing', () => {
    const allCaps = (token: string): boolean => token === token.toUpperCase() && token !== token.toLowerCase();
    /** The scanner at a token that is one whole word. */
    const scanned = (token: string): WordScanner => {
        const scanner = new WordScanner(token);
        if (!scanner.next() || scanner.start !== 0 || scanner.end !== token.length) {
            throw new Error('Not one whole word.');
        }
        return scanner;
    };
    const oneWord = new RegExp(`^(?:${WORD_PATTERN})$`, 'u');

    it('reads capitals and caseless code units as lower- and upper-casing the character alone do', () => {
        const wrong: number[] = [];
        for (let c = 0; c < 0x10000; c++) {
            const ch = String.fromCharCode(c);
            const capital = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
            const caseless = ch === ch.toLowerCase() && ch === ch.toUpperCase();
            if (isCapitalised(c) !== capital || isCaseless(c) !== caseless) {
                wrong.push(c);
            }
        }
        expect(wrong).toEqual([]);
    });

    it('tells a word in capitals as toUpperCase and toLowerCase on the whole word do', () => {
        const wrong: string[] = [];
        for (let c = 0x80; c < 0x10000; c++) {
            const ch = String.fromCharCode(c);
            for (const token of [`A${ch}`, `a${ch}`, `${ch}A`, `\u03a3${ch}`, `${ch}\u03a3`, `A${ch}\u03a3A`]) {
                if (oneWord.test(token) && isAllCaps(token, scanned(token)) !== allCaps(token)) {
                    wrong.push(token);
                }
            }
        }
        for (const token of [
            '\ud801\udc00\ud801\udc01',
            'A\ud801\udc00',
            '\ud801\udc28A',
            'ABC',
            'O\u2019NEIL',
            'Ab'
        ]) {
            expect(isAllCaps(token, scanned(token))).toBe(allCaps(token));
        }
        expect(wrong).toEqual([]);
    });
});

describe('c/nameWords names table', () => {
    const r = seededRandom(7);
    const alphabet = ['a', 'b', 'e', 'z', "'", '-', '\u00e9', '\u0416', 'A', 'Q'];
    const word = (): string => {
        let w = '';
        const n = Math.floor(r() * 6);
        for (let i = 0; i < n; i++) {
            w += alphabet[Math.floor(r() * alphabet.length)];
        }
        return w;
    };
    const keys: string[] = [];
    const classes: number[] = [];
    for (let i = 0; i < 3000; i++) {
        keys.push(word());
        classes.push(1 << Math.floor(r() * 4));
    }
    const table = buildNameTable(keys, classes);
    const oracle = new Map<string, number>();
    keys.forEach((key, i) => oracle.set(key, (oracle.get(key) ?? 0) | classes[i]));

    it('gives the union of the classes of a key, and 0 for anything else, read as it stands or in lower case', () => {
        for (let n = 0; n < 20000; n++) {
            const probe = word();
            const text = `<${probe}>`;
            const to = text.length - 1;
            expect(classesOf(table, text, 1, to, 0, hashOf(text, 1, to, 0))).toBe(oracle.get(probe) ?? 0);
            const lowered = probe.replace(/[A-Z]/g, (c) => c.toLowerCase());
            expect(classesOf(table, text, 1, to, 0x20, hashOf(text, 1, to, 0x20))).toBe(oracle.get(lowered) ?? 0);
        }
    });

    it('lists each key once, under each of its classes', () => {
        for (const bit of [1, 2, 4, 8]) {
            const expected = [...oracle].filter(([, bits]) => (bits & bit) !== 0).map(([key]) => key);
            expect(keysOf(table, bit).sort()).toEqual(expected.sort());
        }
    });
});
