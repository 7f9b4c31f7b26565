/**
 * A seeded corpus of adversarial redaction inputs, for the equivalence checks of the redactor's engine against its oracle
 * (scripts/dev/redact/equivalence.ts and __tests__/equivalence.test.ts). Deterministic for a given seed.
 *
 * The texts mix near-matches generated from the patterns' own regex sources (so every pattern is hit, and
 * just missed, many times), names from the dictionary, label words, Unicode the scanned text normalises
 * (invisible characters, Unicode spaces and dashes, full-width ASCII), surrogate pairs, combining marks,
 * odd spacing and line ends, case changes and truncations; a few are notes of about 32 KB.
 */
import { dictionaryKeys, type NameDictionary } from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import type { PhiPattern } from '../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import type { RedactionInput } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { seededRandom } from '../lib/random';

export type Rng = () => number;

/** A seeded generator (mulberry32). */
export const rng = (seed: number): Rng => seededRandom(seed);

function int(r: Rng, lo: number, hi: number): number {
    return lo + Math.floor(r() * (hi - lo + 1));
}

function pick<T>(r: Rng, list: ReadonlyArray<T>): T {
    return list[Math.floor(r() * list.length)];
}

// ---------------------------------------------------------------------------------------------
// Strings from a regex source (the pattern subset: classes, groups, alternation, bounded quantifiers)
// ---------------------------------------------------------------------------------------------

type Node =
    | { t: 'chars'; ranges: Array<[number, number]>; negated: boolean }
    | { t: 'seq'; items: Node[] }
    | { t: 'alt'; options: Node[] }
    | { t: 'look'; body: Node; ahead: boolean; negative: boolean }
    | { t: 'rep'; body: Node; min: number; max: number };

const POOL =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n.,;:!?@#$%&*()-_+=/\\\'"<>[]{}|~^`' +
    '\u00e9\u00c9\u00fc\u00df\u00f8\u00c5\u2019\u00a0\u2013';

function escapeValue(source: string, i: number): { code: number; next: number; cls?: Array<[number, number]> } {
    const c = source[i + 1];
    switch (c) {
        case 'u':
            return { code: parseInt(source.slice(i + 2, i + 6), 16), next: i + 6 };
        case 'x':
            return { code: parseInt(source.slice(i + 2, i + 4), 16), next: i + 4 };
        case 't':
            return { code: 9, next: i + 2 };
        case 'n':
            return { code: 10, next: i + 2 };
        case 'r':
            return { code: 13, next: i + 2 };
        case 'f':
            return { code: 12, next: i + 2 };
        case 'v':
            return { code: 11, next: i + 2 };
        case 'd':
            return { code: -1, next: i + 2, cls: [[48, 57]] };
        case 'w':
            return {
                code: -1,
                next: i + 2,
                cls: [
                    [48, 57],
                    [65, 90],
                    [95, 95],
                    [97, 122]
                ]
            };
        case 's':
            return {
                code: -1,
                next: i + 2,
                cls: [
                    [32, 32],
                    [9, 13],
                    [160, 160]
                ]
            };
        default:
            return { code: c.charCodeAt(0), next: i + 2 };
    }
}

/** Reads a regex source of the pattern subset into a small tree; throws on what it does not know. */
class RegexReader {
    private i = 0;

    constructor(private readonly source: string) {}

    read(): Node {
        const tree = this.alt();
        if (this.i !== this.source.length) {
            throw new Error('could not parse ' + this.source);
        }
        return tree;
    }

    private alt(): Node {
        const options: Node[] = [this.seq()];
        while (this.source[this.i] === '|') {
            this.i++;
            options.push(this.seq());
        }
        return options.length === 1 ? options[0] : { t: 'alt', options };
    }

    private seq(): Node {
        const items: Node[] = [];
        while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
            items.push(this.quantify(this.atom()));
        }
        return { t: 'seq', items };
    }

    private quantify(atom: Node): Node {
        const c = this.source[this.i];
        if (c === '?') {
            this.i++;
            return { t: 'rep', body: atom, min: 0, max: 1 };
        }
        if (c === '*' || c === '+') {
            this.i++;
            return { t: 'rep', body: atom, min: c === '*' ? 0 : 1, max: 8 };
        }
        if (c === '{') {
            const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
            if (m) {
                this.i += m[0].length;
                const min = Number(m[1]);
                const max = m[2] ? (m[3] === '' ? min + 8 : Number(m[3])) : min;
                return { t: 'rep', body: atom, min, max };
            }
        }
        return atom;
    }

    private group(): Node {
        const source = this.source;
        let ahead = true;
        let negative = false;
        let look = false;
        if (source.startsWith('(?:', this.i)) {
            this.i += 3;
        } else if (source.startsWith('(?=', this.i) || source.startsWith('(?!', this.i)) {
            look = true;
            negative = source[this.i + 2] === '!';
            this.i += 3;
        } else if (source.startsWith('(?<=', this.i) || source.startsWith('(?<!', this.i)) {
            look = true;
            ahead = false;
            negative = source[this.i + 3] === '!';
            this.i += 4;
        } else {
            this.i += 1;
        }
        const body = this.alt();
        if (source[this.i] !== ')') {
            throw new Error('unbalanced group in ' + source);
        }
        this.i++;
        return look ? { t: 'look', body, ahead, negative } : body;
    }

    /** One character of a class, escaped or not. */
    private classChar(): { code: number; cls?: Array<[number, number]> } {
        if (this.source[this.i] === '\\') {
            const e = escapeValue(this.source, this.i);
            this.i = e.next;
            return e;
        }
        return { code: this.source.charCodeAt(this.i++) };
    }

    private charClass(): Node {
        const source = this.source;
        this.i++;
        let negated = false;
        if (source[this.i] === '^') {
            negated = true;
            this.i++;
        }
        const ranges: Array<[number, number]> = [];
        let first = true;
        while (this.i < source.length && (source[this.i] !== ']' || first)) {
            first = false;
            const from = this.classChar();
            if (from.cls) {
                ranges.push(...from.cls);
                continue;
            }
            let hi = from.code;
            if (source[this.i] === '-' && source[this.i + 1] !== ']') {
                this.i++;
                hi = this.classChar().code;
            }
            ranges.push([from.code, hi]);
        }
        this.i++;
        return { t: 'chars', ranges, negated };
    }

    private atom(): Node {
        const c = this.source[this.i];
        if (c === '(') {
            return this.group();
        }
        if (c === '[') {
            return this.charClass();
        }
        if (c === '\\') {
            const e = escapeValue(this.source, this.i);
            this.i = e.next;
            return e.cls
                ? { t: 'chars', ranges: e.cls, negated: false }
                : { t: 'chars', ranges: [[e.code, e.code]], negated: false };
        }
        this.i++;
        if (c === '.') {
            return { t: 'chars', ranges: [[10, 10]], negated: true };
        }
        if (c === '^' || c === '$') {
            return { t: 'seq', items: [] };
        }
        return { t: 'chars', ranges: [[c.charCodeAt(0), c.charCodeAt(0)]], negated: false };
    }
}

/** Parses a regex source of the pattern subset into a small tree; throws on what it does not know. */
export function parseRegex(source: string): Node {
    return new RegexReader(source).read();
}

function inRanges(code: number, ranges: Array<[number, number]>): boolean {
    return ranges.some(([lo, hi]) => code >= lo && code <= hi);
}

function charFrom(r: Rng, node: Extract<Node, { t: 'chars' }>): string {
    if (!node.negated) {
        const [lo, hi] = pick(r, node.ranges);
        return String.fromCharCode(int(r, lo, hi));
    }
    for (let tries = 0; tries < 50; tries++) {
        const c = POOL[Math.floor(r() * POOL.length)];
        if (!inRanges(c.charCodeAt(0), node.ranges)) {
            return c;
        }
    }
    return '\u00b7';
}

/**
 * A string the regex would (mostly) match: repetitions near their bounds, lookarounds sometimes satisfied
 * by chance, sometimes not; with `wrong` > 0 some characters are replaced, to make near-misses.
 */
export function sample(r: Rng, node: Node, ci: boolean, wrong = 0): string {
    switch (node.t) {
        case 'chars': {
            let c = r() < wrong ? POOL[Math.floor(r() * POOL.length)] : charFrom(r, node);
            if (ci && r() < 0.5) {
                c = r() < 0.5 ? c.toUpperCase() : c.toLowerCase();
            }
            return c;
        }
        case 'seq':
            return node.items.map((n) => sample(r, n, ci, wrong)).join('');
        case 'alt':
            return sample(r, pick(r, node.options), ci, wrong);
        case 'look':
            return '';
        case 'rep': {
            const cap = Math.min(node.max, node.min + 40);
            const roll = r();
            const n =
                roll < 0.3
                    ? node.min
                    : roll < 0.5
                      ? cap
                      : roll < 0.55 && node.max > node.min
                        ? node.min + 1
                        : int(r, node.min, cap);
            let out = '';
            for (let k = 0; k < n; k++) {
                out += sample(r, node.body, ci, wrong);
            }
            return out;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

const SEPARATORS = [
    ' ',
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    ', ',
    '. ',
    '; ',
    ' - ',
    '\n\n',
    ': ',
    ' (',
    ') ',
    '\n> ',
    '\n* ',
    ' \u2022 ',
    '"',
    "'"
];
const WORDS = (
    'the patient was seen by on at in for and or with of to from called named lives address date ' +
    'follow up note visit clinic reported denies history given discharge call phone fax email ' +
    'disease syndrome sign score reflex test street road avenue apt suite unit box zip code ' +
    'mrn member id policy number ssn account license plate vin serial device date age years old ' +
    'Dr Mr Mrs Ms Prof Dear Hello Hi Regards Signed Patient Name From To Attn St Ave Rd Blvd ' +
    'January February March May June July August Sept Oct Nov Dec Monday Friday ' +
    'New York Boston Paris Berlin Straße Rue Via Calle ulica utca vej gade straat laan weg'
).split(' ');
const UNICODE_BITS = [
    '\u00ad',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u2060',
    '\ufeff',
    '\u00a0',
    '\u2007',
    '\u2009',
    '\u202f',
    '\u3000',
    '\u2010',
    '\u2013',
    '\u2014',
    '\u2212',
    '\ufe63',
    '\uff0d',
    '\u0301',
    '\u0308',
    '\ud83d\ude00',
    '\ud835\udc00',
    '\ud800',
    '\udc00',
    '\u200f',
    '\u2019',
    '\u201c',
    '\u00e9',
    '\u00c5',
    '\u00df',
    '\u0142',
    '\u03a9',
    '\u0416',
    '\u4e2d',
    '\u0130',
    '\u212a',
    '\u017f'
];

function toFullWidth(text: string): string {
    let out = '';
    for (const c of text) {
        const code = c.charCodeAt(0);
        out += code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c;
    }
    return out;
}

/** Unicode and spacing mutations the redactor has to see through (or must not be fooled by). */
function mutate(r: Rng, text: string): string {
    const steps = int(r, 0, 4);
    let out = text;
    for (let s = 0; s < steps; s++) {
        const roll = r();
        const at = int(r, 0, out.length);
        if (roll < 0.25) {
            out = out.slice(0, at) + pick(r, UNICODE_BITS) + out.slice(at);
        } else if (roll < 0.4) {
            out = out.replace(/ /g, () => (r() < 0.3 ? pick(r, ['\u00a0', '\u2009', '\u3000', '\t', '  ']) : ' '));
        } else if (roll < 0.5) {
            out = out.replace(/-/g, () => (r() < 0.5 ? pick(r, ['\u2013', '\u2212', '\u2010', '\uff0d']) : '-'));
        } else if (roll < 0.6) {
            const end = Math.min(out.length, at + int(r, 1, 30));
            out = out.slice(0, at) + toFullWidth(out.slice(at, end)) + out.slice(end);
        } else if (roll < 0.7) {
            const end = Math.min(out.length, at + int(r, 1, 40));
            const part = out.slice(at, end);
            out = out.slice(0, at) + (r() < 0.5 ? part.toUpperCase() : part.toLowerCase()) + out.slice(end);
        } else if (roll < 0.8) {
            out = out.slice(0, at) + out.slice(Math.min(out.length, at + int(r, 1, 3)));
        } else if (roll < 0.9) {
            out = out.slice(0, at) + out.slice(at, at + int(r, 1, 6)) + out.slice(at);
        } else {
            out = out.replace(/\n/g, () => (r() < 0.5 ? '\r\n' : '\n'));
        }
    }
    return out;
}

export type CorpusOptions = {
    seed: number;
    /** Short and medium texts (a few characters to a few KB). */
    texts: number;
    /** Notes of about 32 KB. */
    longNotes: number;
    patterns: ReadonlyArray<PhiPattern>;
    dictionary: NameDictionary;
    /** Real texts to cut snippets from (the benchmark data set), optional. */
    snippets?: ReadonlyArray<string>;
};

export type CorpusItem = { input: RedactionInput; dictionary: boolean };

/** The generated corpus. Record fields are attached to about one text in six. */
export function generateCorpus(options: CorpusOptions): CorpusItem[] {
    const r = rng(options.seed);
    const trees = options.patterns.map((p) => ({ p, tree: parseRegex(p.pattern) }));
    const strong = dictionaryKeys(options.dictionary, 'strong').sort();
    const ambiguous = dictionaryKeys(options.dictionary, 'ambiguous').sort();
    const wordNames = dictionaryKeys(options.dictionary, 'wordNames').sort();
    const stop = dictionaryKeys(options.dictionary, 'stop').sort();
    const eponyms = Array.from(options.dictionary.eponymNouns).sort();
    const snippets = options.snippets ?? [];
    const capital = (w: string): string => (w === '' ? w : w[0].toUpperCase() + w.slice(1));

    const piece = (): string => {
        const roll = r();
        if (roll < 0.34) {
            const { p, tree } = pick(r, trees);
            return sample(r, tree, p.caseInsensitive, r() < 0.7 ? 0 : 0.08);
        }
        if (roll < 0.52) {
            const list = pick(r, [strong, strong, ambiguous, wordNames, stop]);
            const w = list.length > 0 ? pick(r, list) : 'smith';
            const form = r();
            const name = form < 0.6 ? capital(w) : form < 0.8 ? w : w.toUpperCase();
            return r() < 0.08 && eponyms.length > 0 ? name + ' ' + pick(r, eponyms) : r() < 0.1 ? name + "'s" : name;
        }
        if (roll < 0.62) {
            return String.fromCharCode(int(r, 65, 90)) + (r() < 0.5 ? '.' : '');
        }
        if (roll < 0.8) {
            return pick(r, WORDS);
        }
        if (roll < 0.9 && snippets.length > 0) {
            const s = pick(r, snippets);
            const from = int(r, 0, Math.max(0, s.length - 20));
            return s.slice(from, from + int(r, 5, 160));
        }
        if (roll < 0.95) {
            return String(int(r, 0, 10 ** int(r, 1, 12)));
        }
        let junk = '';
        const n = int(r, 1, 8);
        for (let k = 0; k < n; k++) {
            junk += r() < 0.3 ? pick(r, UNICODE_BITS) : POOL[Math.floor(r() * POOL.length)];
        }
        return junk;
    };

    const text = (targetLength: number): string => {
        let out = '';
        while (out.length < targetLength) {
            out += piece() + pick(r, SEPARATORS);
        }
        if (r() < 0.3) {
            out = out.slice(0, int(r, 0, out.length));
        } else if (r() < 0.2) {
            out = out.trimEnd();
        }
        return mutate(r, out);
    };

    const fieldsFor = (body: string): RedactionInput['fields'] => {
        const words = body.split(/[^\p{L}\p{Nd}@.'-]+/u).filter((w) => w.length >= 2);
        const some = (): string => (words.length > 0 ? pick(r, words) : 'Zarbock');
        const fields: Record<string, string | null | undefined> = {};
        if (r() < 0.7) {
            fields.FirstName = some();
            fields.LastName = r() < 0.9 ? some() : '';
        }
        if (r() < 0.3) {
            fields.MiddleName = some();
        }
        if (r() < 0.4) {
            const digits = body.replace(/[^0-9]/g, '');
            const start = int(r, 0, Math.max(0, digits.length - 10));
            fields.Phone = digits.length >= 7 ? digits.slice(start, start + int(r, 7, 11)) : '555 123 4567';
        }
        if (r() < 0.3) {
            fields.Birthdate = `19${int(r, 10, 99)}-0${int(r, 1, 9)}-${int(r, 10, 28)}`;
        }
        if (r() < 0.3) {
            fields.MailingStreet = some() + ' ' + int(r, 1, 999) + (r() < 0.5 ? '\n' + some() : '');
        }
        if (r() < 0.2) {
            fields.Email = some().toLowerCase() + '@example.org';
        }
        if (r() < 0.2) {
            fields.Mrn__c = String(int(r, 1000, 99999999));
        }
        if (r() < 0.1) {
            fields.Insurance_Ref__c = some();
        }
        if (r() < 0.05) {
            fields.Empty__c = r() < 0.5 ? null : '  ';
        }
        return fields;
    };

    const items: CorpusItem[] = [];
    const total = options.texts + options.longNotes;
    for (let k = 0; k < total; k++) {
        const long = k >= options.texts;
        const size = long ? int(r, 30_000, 34_000) : r() < 0.05 ? int(r, 1_000, 6_000) : int(r, 0, 400);
        const body = text(size);
        const input: RedactionInput = { text: body, mode: r() < 0.5 ? 'redact' : 'pseudonymize' };
        if (!long && r() < 1 / 6) {
            input.fields = fieldsFor(body);
            if (r() < 0.3) {
                input.fieldCategories = { Insurance_Ref__c: 'HealthPlanId' };
            }
        }
        items.push({ input, dictionary: r() < 0.9 });
    }
    return items;
}
