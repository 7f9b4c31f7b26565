/**
 * The low-level parts of the names side (c/nameDictionary): the word scanner, which finds WORD_PATTERN's tokens
 * with a loop over the characters; casing read per code unit; and the dictionary's table of names, which looks a
 * word up where it stands in the text, without cutting it out or lower-casing a copy of it, and gives its class
 * (nameClass, with possessives and hyphenated names); family-name endings. Apex's PhiRedactor runs the regex
 * and its own sets; the shared vectors and scripts/dev/redact/__tests__/name-words.test.ts bind the two.
 */

/** A letter or combining mark: what words are made of. */
const WORD_CHAR = '[\\p{L}\\p{M}]';

/** The word-token regex: letters and marks, joined by an apostrophe or a hyphen. Apex's PhiRedactor runs it too. */
export const WORD_PATTERN = `${WORD_CHAR}+(?:['\\u2019-]${WORD_CHAR}+)*`;

/** One character of WORD_CHAR at the regex's position (a code point: a surrogate pair counts as one). */
const WORD_CHAR_AT = new RegExp(WORD_CHAR, 'uy');

/**
 * Whether each code unit of the Basic Multilingual Plane outside ASCII is a letter or mark: 0 not asked yet, 1
 * yes, 2 no. Filled as the scanner meets them, from WORD_CHAR_AT itself.
 */
const UNIT_CLASS = new Uint8Array(0x10000);

/** The width of the letter or mark at i (1, or 2 for a surrogate pair), or 0 when there is none. */
function letterAt(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
        return isAsciiLetter(c) ? 1 : 0;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
        // A surrogate pair is one code point for the regex (a lone surrogate is no letter).
        WORD_CHAR_AT.lastIndex = i;
        return WORD_CHAR_AT.test(text) ? WORD_CHAR_AT.lastIndex - i : 0;
    }
    let k = UNIT_CLASS[c];
    if (k === 0) {
        WORD_CHAR_AT.lastIndex = 0;
        k = WORD_CHAR_AT.test(String.fromCharCode(c)) ? 1 : 2;
        UNIT_CLASS[c] = k;
    }
    return k === 1 ? 1 : 0;
}

/** FNV-1a, the hash of the names table (see hashOf). */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Bits of WordScanner.letters: the word holds an ASCII lower-case letter, an ASCII capital, a hyphen. */
export const HAS_LOWER = 1;
export const HAS_UPPER = 2;
export const HAS_HYPHEN = 4;

/**
 * The tokens of WORD_PATTERN in a text, in order, as its global regex finds them: `next()` moves to the next
 * word and sets `start`, `end`, whether the word is all ASCII, which ASCII letters it holds, and (for an ASCII
 * word) `hash`, the hash of its key as classesOf reads it, so that the lookup needs no second pass over it.
 * Each character is read once.
 */
export class WordScanner {
    start = 0;
    end = 0;
    ascii = true;
    letters = 0;
    hash = 0;

    constructor(private readonly text: string) {}

    next(): boolean {
        const text = this.text;
        const n = text.length;
        let i = this.end;
        for (; ; i++) {
            if (i >= n) {
                this.start = this.end = n;
                return false;
            }
            const c = text.charCodeAt(i);
            if (c < 0x80 ? isAsciiLetter(c) : letterAt(text, i) !== 0) {
                break;
            }
        }
        this.start = i;
        let ascii = true;
        let letters = 0;
        let hash = FNV_BASIS;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c < 0x80) {
                // An apostrophe or hyphen joins the word only with a letter after it. All of them, lower-cased
                // with `| 0x20`, go into the hash (the bit is already set in both marks).
                if (isAsciiLetter(c) || ((c === 39 || c === 45) && i + 1 < n && letterAt(text, i + 1) !== 0)) {
                    letters |= c >= 97 ? HAS_LOWER : c >= 65 ? HAS_UPPER : c === 45 ? HAS_HYPHEN : 0;
                    hash = Math.imul(hash ^ (c | 0x20), FNV_PRIME);
                    i++;
                    continue;
                }
                break;
            }
            const width = letterAt(text, i);
            if (width === 0 && !(c === 0x2019 && i + 1 < n && letterAt(text, i + 1) !== 0)) {
                break;
            }
            ascii = false;
            i += width === 0 ? 1 : width;
        }
        this.end = i;
        this.ascii = ascii;
        this.letters = letters;
        this.hash = hash;
        return true;
    }
}

function isAsciiLetter(c: number): boolean {
    const lower = c | 0x20;
    return lower >= 97 && lower <= 122;
}

/**
 * How lower- and upper-casing treat each code unit of the Basic Multilingual Plane: KNOWN once asked, then
 * UPPER_KEPT when upper-casing leaves it as it is and LOWER_KEPT when lower-casing does. Filled as words meet
 * them, from toUpperCase and toLowerCase themselves (which are slow outside ASCII).
 */
const UNIT_CASE = new Uint8Array(0x10000);
const KNOWN = 1;
const UPPER_KEPT = 2;
const LOWER_KEPT = 4;

function caseOf(c: number): number {
    let k = UNIT_CASE[c];
    if (k === 0) {
        const ch = String.fromCharCode(c);
        k = KNOWN | (ch.toUpperCase() === ch ? UPPER_KEPT : 0) | (ch.toLowerCase() === ch ? LOWER_KEPT : 0);
        UNIT_CASE[c] = k;
    }
    return k;
}

/** Whether a code unit is a capital: lower-casing changes it and upper-casing does not. */
export function isCapitalised(c: number): boolean {
    if (c < 0x80) {
        return c >= 65 && c <= 90;
    }
    return (caseOf(c) & (UPPER_KEPT | LOWER_KEPT)) === UPPER_KEPT;
}

/** Whether neither lower- nor upper-casing changes a code unit. */
export function isCaseless(c: number): boolean {
    const k = caseOf(c);
    return (k & UPPER_KEPT) !== 0 && (k & LOWER_KEPT) !== 0;
}

/**
 * Whether the scanner's word is in capitals: upper-casing leaves it as it is and lower-casing changes it. Outside
 * ASCII, code unit by code unit (the same answer: the one rule of casing that looks at a letter's neighbours,
 * final sigma, lower-cases a capital sigma either way), except in a word with a surrogate pair.
 */
export function isAllCaps(text: string, word: WordScanner): boolean {
    if (word.ascii) {
        return (word.letters & (HAS_LOWER | HAS_UPPER)) === HAS_UPPER;
    }
    let upperKept = true;
    let lowerChanges = false;
    for (let i = word.start; i < word.end; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdfff) {
            const token = text.slice(word.start, word.end);
            return token === token.toUpperCase() && token !== token.toLowerCase();
        }
        const k =
            c < 0x80
                ? KNOWN | (c >= 97 && c <= 122 ? 0 : UPPER_KEPT) | (c >= 65 && c <= 90 ? 0 : LOWER_KEPT)
                : caseOf(c);
        upperKept = upperKept && (k & UPPER_KEPT) !== 0;
        lowerChanges = lowerChanges || (k & LOWER_KEPT) === 0;
    }
    return upperKept && lowerChanges;
}

/** Bits of a dictionary key's classes in a NameTable. */
export const STRONG = 1;
export const WORD_NAME = 2;
export const AMBIGUOUS = 4;
export const STOP = 8;
/** An ambiguous name that the word lists know only as a common word, never capitalised (the dictionary's `%` lines). */
export const COMMON_ONLY = 16;
/** A town's name (the dictionary's `&` lines, c/placeNames); no class of a name. */
export const PLACE = 32;

/**
 * The class a dictionary line's first character marks: `~` ambiguous, `%` only a common word, `^` word name, `&`
 * town; null for any other character (a line of strong names starts with the name itself).
 */
export function markerClass(marker: string): number | null {
    switch (marker) {
        case '~':
            return AMBIGUOUS;
        case '%':
            return AMBIGUOUS | COMMON_ONLY;
        case '^':
            return WORD_NAME;
        case '&':
            return PLACE;
        default:
            return null;
    }
}

/**
 * The dictionary's keys and their classes (bits STRONG, WORD_NAME, AMBIGUOUS, STOP, COMMON_ONLY, PLACE) in an open-addressing
 * hash table: `slots` holds pairs of a key's hash and its number plus one (0 an empty slot), `keys` all keys
 * one after another, key e from `starts[e]` to `starts[e + 1]`.
 */
export type NameTable = {
    slots: Int32Array;
    mask: number;
    keys: string;
    starts: Int32Array;
    classes: Uint8Array;
};

/**
 * The hash of text[from..to), with ASCII capitals lower-cased when `lower` is 0x20 (0 leaves them): FNV-1a
 * over the code units.
 */
export function hashOf(text: string, from: number, to: number, lower: number): number {
    let h = FNV_BASIS;
    for (let i = from; i < to; i++) {
        let c = text.charCodeAt(i);
        if (c >= 65 && c <= 90) {
            c |= lower;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
    }
    return h;
}

/** The first slot of a hash (its bits mixed, since FNV-1a's low bits alone spread short keys poorly). */
function slotOf(h: number, mask: number): number {
    const x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    return (x ^ (x >>> 16)) & mask;
}

/** A table of the given keys; a key listed more than once gets the union of its classes. */
export function buildNameTable(keys: ReadonlyArray<string>, classes: ReadonlyArray<number>): NameTable {
    let size = 16;
    while (size < keys.length * 2) {
        size *= 2;
    }
    const mask = size - 1;
    const slots = new Int32Array(size * 2);
    const unique: string[] = [];
    const bits: number[] = [];
    for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        const h = hashOf(key, 0, key.length, 0);
        let s = slotOf(h, mask);
        for (;;) {
            const entry = slots[2 * s + 1];
            if (entry === 0) {
                unique.push(key);
                bits.push(classes[k]);
                slots[2 * s] = h;
                slots[2 * s + 1] = unique.length;
                break;
            }
            if (slots[2 * s] === h && unique[entry - 1] === key) {
                bits[entry - 1] |= classes[k];
                break;
            }
            s = (s + 1) & mask;
        }
    }
    const starts = new Int32Array(unique.length + 1);
    for (let e = 0; e < unique.length; e++) {
        starts[e + 1] = starts[e] + unique[e].length;
    }
    return { slots, mask, keys: unique.join(''), starts, classes: Uint8Array.from(bits) };
}

/**
 * The classes (bits) of the key text[from..to), ASCII capitals read as lower case when `lower` is 0x20; 0 for
 * a key the table does not hold. `h` is the key's hashOf.
 */
export function classesOf(table: NameTable, text: string, from: number, to: number, lower: number, h: number): number {
    const { slots, mask, keys, starts } = table;
    let s = slotOf(h, mask);
    for (;;) {
        const entry = slots[2 * s + 1];
        if (entry === 0) {
            return 0;
        }
        if (slots[2 * s] === h) {
            const e = entry - 1;
            const at = starts[e];
            if (starts[e + 1] - at === to - from) {
                let i = from;
                while (i < to) {
                    let c = text.charCodeAt(i);
                    if (c >= 65 && c <= 90) {
                        c |= lower;
                    }
                    if (c !== keys.charCodeAt(at + i - from)) {
                        break;
                    }
                    i++;
                }
                if (i === to) {
                    return table.classes[e];
                }
            }
        }
        s = (s + 1) & mask;
    }
}

/**
 * The end of the key text[from..to) without a possessive 's (read in lower case when `lower` is 0x20), or `to`
 * when it has none or is too short to have one.
 */
export function bareEnd(text: string, from: number, to: number, lower: number): number {
    return to - from > 4 && text.charCodeAt(to - 2) === 39 && (text.charCodeAt(to - 1) | lower) === 115 ? to - 2 : to;
}

/** The classes of the key text[from..to) with a possessive 's aside (bareEnd), given the whole key's `bits`. */
export function bareClasses(
    table: NameTable,
    text: string,
    from: number,
    to: number,
    lower: number,
    bits: number
): number {
    const end = bareEnd(text, from, to, lower);
    return end === to ? bits : classesOf(table, text, from, end, lower, hashOf(text, from, end, lower));
}

/** The keys of a table with any of the given class bits, in no particular order. */
export function keysOf(table: NameTable, bits: number): string[] {
    const out: string[] = [];
    for (let e = 0; e + 1 < table.starts.length; e++) {
        if ((table.classes[e] & bits) !== 0) {
            out.push(table.keys.slice(table.starts[e], table.starts[e + 1]));
        }
    }
    return out;
}

/** The first hyphen of text[from..to), or -1. */
function hyphenIn(text: string, from: number, to: number): number {
    for (let i = from; i < to; i++) {
        if (text.charCodeAt(i) === 45) {
            return i;
        }
    }
    return -1;
}

/**
 * Dictionary class of the key text[from..to) (read in lower case when `lower` is 0x20, see classesOf), whose
 * table classes are `bits`: S strong, R word name, A ambiguous, null unknown. A possessive 's is ignored.
 * `hyphens` false says the key has no hyphen, which spares looking for one.
 */
export function nameClass(
    names: NameTable,
    text: string,
    from: number,
    to: number,
    lower: number,
    bits: number,
    hyphens: boolean
): 'S' | 'R' | 'A' | null {
    const bare = bareEnd(text, from, to, lower);
    if (bare !== to) {
        to = bare;
        bits = classesOf(names, text, from, to, lower, hashOf(text, from, to, lower));
    }
    if ((bits & STRONG) !== 0) {
        return 'S';
    }
    if ((bits & WORD_NAME) !== 0) {
        return 'R';
    }
    if ((bits & AMBIGUOUS) !== 0) {
        return 'A';
    }
    if (hyphens && hyphenIn(text, from, to) > from) {
        // Every part known (split at each hyphen, empty parts included) and one of them strong.
        let parts = 0;
        let strong = 0;
        let known = 0;
        for (let p = from; ;) {
            const hyphen = hyphenIn(text, p, to);
            const q = hyphen < 0 ? to : hyphen;
            const part = classesOf(names, text, p, q, lower, hashOf(text, p, q, lower));
            parts++;
            if ((part & STRONG) !== 0) {
                strong++;
                known++;
            } else if ((part & (AMBIGUOUS | WORD_NAME)) !== 0) {
                known++;
            }
            if (hyphen < 0) {
                break;
            }
            p = q + 1;
        }
        if (strong > 0 && known === parts) {
            return 'S';
        }
    }
    return null;
}

/** Family-name endings by their last code unit. */
export type Suffixes = Map<number, string[]>;
const NO_SUFFIXES: string[] = [];

export function suffixesByLast(suffixes: ReadonlyArray<string>): Suffixes {
    const out: Suffixes = new Map();
    for (const suffix of suffixes) {
        const last = suffix.charCodeAt(suffix.length - 1);
        const list = out.get(last) ?? [];
        list.push(suffix);
        out.set(last, list);
    }
    return out;
}

/**
 * Whether a lower-case word text[from..to) (ASCII capitals read in lower case when `lower` is 0x20) ends in one
 * of the endings and is longer than it by more than two.
 */
export function hasSuffix(suffixes: Suffixes, text: string, from: number, to: number, lower: number): boolean {
    let last = text.charCodeAt(to - 1);
    if (last >= 65 && last <= 90) {
        last |= lower;
    }
    for (const suffix of suffixes.get(last) ?? NO_SUFFIXES) {
        const n = suffix.length;
        if (to - from <= n + 2) {
            continue;
        }
        let j = 0;
        while (j < n) {
            let c = text.charCodeAt(to - n + j);
            if (c >= 65 && c <= 90) {
                c |= lower;
            }
            if (c !== suffix.charCodeAt(j)) {
                break;
            }
            j++;
        }
        if (j === n) {
            return true;
        }
    }
    return false;
}
