/**
 * The regex subset of PHI patterns read as a tree, for the pattern index (c/patternPlan): which characters
 * each position of a match can hold, how long a match can be, what a part of it can start or end with.
 * Anything outside the common shapes is refused with RxUnsupported, and that pattern is then scanned whole.
 * Character sets are UTF-16 code-unit ranges. Also the rewriting of a source that the redactor compiles in its
 * place (factorAlternatives): the same matches, with each alternation's alternatives gathered by first character.
 */

/** A set of UTF-16 code units: sorted, disjoint, non-adjacent inclusive ranges [lo0, hi0, lo1, hi1, ...]. */
export type CodeSet = number[];

export const ALL_CODES: CodeSet = [0, 0xffff];
export const ASCII_LETTERS: CodeSet = [65, 90, 97, 122];
export const ASCII_DIGITS: CodeSet = [48, 57];

export function normaliseCodes(pairs: number[]): CodeSet {
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < pairs.length; i += 2) {
        ranges.push([pairs[i], pairs[i + 1]]);
    }
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: number[] = [];
    for (const [lo, hi] of ranges) {
        if (out.length > 0 && lo <= out[out.length - 1] + 1) {
            out[out.length - 1] = Math.max(out[out.length - 1], hi);
        } else {
            out.push(lo, hi);
        }
    }
    return out;
}

export function unionCodes(a: CodeSet, b: CodeSet): CodeSet {
    return a.length === 0 ? b : b.length === 0 ? a : normaliseCodes(a.concat(b));
}

export function complementCodes(a: CodeSet): CodeSet {
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < a.length; i += 2) {
        if (a[i] > next) {
            out.push(next, a[i] - 1);
        }
        next = a[i + 1] + 1;
    }
    if (next <= 0xffff) {
        out.push(next, 0xffff);
    }
    return out;
}

export function intersectCodes(a: CodeSet, b: CodeSet): CodeSet {
    const out: number[] = [];
    for (let i = 0; i < a.length; i += 2) {
        for (let j = 0; j < b.length; j += 2) {
            const lo = Math.max(a[i], b[j]);
            const hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out.push(lo, hi);
            }
        }
    }
    return normaliseCodes(out);
}

export function hasCode(a: CodeSet, code: number): boolean {
    for (let i = 0; i < a.length; i += 2) {
        if (code < a[i]) {
            return false;
        }
        if (code <= a[i + 1]) {
            return true;
        }
    }
    return false;
}

export function countCodes(a: CodeSet): number {
    let n = 0;
    for (let i = 0; i < a.length; i += 2) {
        n += a[i + 1] - a[i] + 1;
    }
    return n;
}

/** Adds the other case of every ASCII letter: what a non-Unicode case-insensitive regex matches for it. */
function caseClosed(a: CodeSet): CodeSet {
    const extra: number[] = [];
    for (let c = 65; c <= 90; c++) {
        if (hasCode(a, c) || hasCode(a, c + 32)) {
            extra.push(c, c, c + 32, c + 32);
        }
    }
    return unionCodes(a, normaliseCodes(extra));
}

/** The regex subset as a tree. Groups are their content; lookarounds are kept but are zero-width. */
export type RxNode =
    | { k: 'set'; set: CodeSet }
    | { k: 'seq'; items: RxNode[] }
    | { k: 'alt'; options: RxNode[] }
    | { k: 'look'; behind: boolean; negative: boolean; body: RxNode }
    | { k: 'rep'; body: RxNode; min: number; max: number };

export class RxUnsupported extends Error {}

/**
 * Parses a regex source (JavaScript syntax, flags "d"/"i" without "u") into an RxNode. Strict: anything
 * outside the common shapes (., anchors, back-references, \b, \s, literal braces, class escapes as range
 * ends, non-ASCII in a case-insensitive pattern ...) is refused with RxUnsupported, and the pattern is then
 * scanned without the index.
 */
class RxParser {
    private readonly source: string;
    private readonly ci: boolean;
    private i = 0;

    constructor(source: string, ci: boolean) {
        this.source = source;
        this.ci = ci;
    }

    parse(): RxNode {
        const tree = this.alternation();
        if (this.i !== this.source.length) {
            this.fail();
        }
        return tree;
    }

    private fail(): never {
        throw new RxUnsupported(this.source);
    }

    private literal(code: number): CodeSet {
        if (this.ci && code > 0x7f) {
            this.fail();
        }
        return this.ci ? caseClosed([code, code]) : [code, code];
    }

    private hex(length: number): number {
        const digits = this.source.slice(this.i + 2, this.i + 2 + length);
        if (digits.length !== length || !/^[0-9A-Fa-f]+$/.test(digits)) {
            this.fail();
        }
        this.i += 2 + length;
        return parseInt(digits, 16);
    }

    /** One escape at i (source[i] is a backslash): a code unit, or a class for \d and \w. */
    private escape(): { code: number; set: CodeSet | null } {
        const c = this.source[this.i + 1];
        if (c === undefined) {
            return this.fail();
        }
        if (c === 'u') {
            return { code: this.hex(4), set: null };
        }
        if (c === 'x') {
            return { code: this.hex(2), set: null };
        }
        this.i += 2;
        const known: Record<string, { code: number; set: CodeSet | null }> = {
            d: { code: -1, set: ASCII_DIGITS },
            w: { code: -1, set: [48, 57, 65, 90, 95, 95, 97, 122] },
            t: { code: 9, set: null },
            n: { code: 10, set: null },
            r: { code: 13, set: null },
            f: { code: 12, set: null },
            v: { code: 11, set: null }
        };
        if (Object.prototype.hasOwnProperty.call(known, c)) {
            return known[c];
        }
        // Identity escapes of punctuation only; letters and digits are special (or differ) in JavaScript.
        if (/[A-Za-z0-9]/.test(c)) {
            return this.fail();
        }
        return { code: c.charCodeAt(0), set: null };
    }

    private classAtom(): { code: number; set: CodeSet | null } {
        if (this.source[this.i] === '\\') {
            return this.escape();
        }
        if (this.source[this.i] === '[' || this.i >= this.source.length) {
            this.fail();
        }
        const code = this.source.charCodeAt(this.i);
        this.i++;
        return { code, set: null };
    }

    private charClass(): CodeSet {
        const source = this.source;
        this.i++; // [
        let negated = false;
        if (source[this.i] === '^') {
            negated = true;
            this.i++;
        }
        if (source[this.i] === ']') {
            this.fail();
        }
        const pairs: number[] = [];
        while (source[this.i] !== ']') {
            if (this.i >= source.length) {
                this.fail();
            }
            const from = this.classAtom();
            if (source[this.i] === '-' && source[this.i + 1] !== ']' && this.i + 1 < source.length) {
                this.i++;
                const to = this.classAtom();
                if (from.set || to.set || to.code < from.code) {
                    this.fail();
                }
                pairs.push(from.code, to.code);
            } else if (from.set) {
                pairs.push(...from.set);
            } else {
                pairs.push(from.code, from.code);
            }
        }
        this.i++; // ]
        let set = normaliseCodes(pairs);
        if (this.ci) {
            for (let k = 0; k < set.length; k += 2) {
                if (set[k + 1] > 0x7f) {
                    this.fail();
                }
            }
            set = caseClosed(set);
        }
        return negated ? complementCodes(set) : set;
    }

    private alternation(): RxNode {
        const options: RxNode[] = [this.sequence()];
        while (this.source[this.i] === '|') {
            this.i++;
            options.push(this.sequence());
        }
        return options.length === 1 ? options[0] : { k: 'alt', options };
    }

    private sequence(): RxNode {
        const items: RxNode[] = [];
        while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
            const quantified = this.quantifier(this.atom());
            if (quantified.k === 'seq') {
                items.push(...quantified.items);
            } else {
                items.push(quantified);
            }
        }
        return { k: 'seq', items };
    }

    private quantifier(atom: RxNode): RxNode {
        const c = this.source[this.i];
        let min = 1;
        let max = 1;
        if (c === '?' || c === '*' || c === '+') {
            min = c === '+' ? 1 : 0;
            max = c === '?' ? 1 : Infinity;
            this.i++;
        } else if (c === '{') {
            const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
            if (!m) {
                return this.fail();
            }
            min = Number(m[1]);
            max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
            if (max < min) {
                this.fail();
            }
            this.i += m[0].length;
        } else {
            return atom;
        }
        if (atom.k === 'look') {
            this.fail();
        }
        if (this.source[this.i] === '?') {
            this.i++; // lazy: the same strings can match
        }
        return { k: 'rep', body: atom, min, max };
    }

    private atom(): RxNode {
        const source = this.source;
        const c = source[this.i];
        if (c === '(') {
            let look: { behind: boolean; negative: boolean } | null = null;
            if (source.startsWith('(?:', this.i)) {
                this.i += 3;
            } else if (source.startsWith('(?=', this.i) || source.startsWith('(?!', this.i)) {
                look = { behind: false, negative: source[this.i + 2] === '!' };
                this.i += 3;
            } else if (source.startsWith('(?<=', this.i) || source.startsWith('(?<!', this.i)) {
                look = { behind: true, negative: source[this.i + 3] === '!' };
                this.i += 4;
            } else if (source[this.i + 1] === '?') {
                return this.fail();
            } else {
                this.i += 1;
            }
            const body = this.alternation();
            if (source[this.i] !== ')') {
                this.fail();
            }
            this.i++;
            return look ? { k: 'look', behind: look.behind, negative: look.negative, body } : body;
        }
        if (c === '[') {
            return { k: 'set', set: this.charClass() };
        }
        if (c === '\\') {
            const e = this.escape();
            return { k: 'set', set: e.set ? e.set : this.literal(e.code) };
        }
        if ('.^$*+?{}[]|)'.includes(c)) {
            return this.fail();
        }
        this.i++;
        return { k: 'set', set: this.literal(c.charCodeAt(0)) };
    }
}

export function parseRx(source: string, ci: boolean): RxNode {
    return new RxParser(source, ci).parse();
}

export function rxMin(node: RxNode): number {
    if (node.k === 'set' || node.k === 'look') {
        return node.k === 'set' ? 1 : 0;
    }
    if (node.k === 'seq') {
        return node.items.reduce((t, n) => t + rxMin(n), 0);
    }
    if (node.k === 'alt') {
        return Math.min(...node.options.map(rxMin));
    }
    return node.min * rxMin(node.body);
}

export function rxMax(node: RxNode): number {
    if (node.k === 'set' || node.k === 'look') {
        return node.k === 'set' ? 1 : 0;
    }
    if (node.k === 'seq') {
        return node.items.reduce((t, n) => t + rxMax(n), 0);
    }
    if (node.k === 'alt') {
        return Math.max(...node.options.map(rxMax));
    }
    const body = rxMax(node.body);
    return body === 0 ? 0 : node.max * body;
}

/** Characters that can be the first (or, with `last`, the last) one a node consumes. */
export function rxEdge(node: RxNode, last: boolean): CodeSet {
    if (node.k === 'set' || node.k === 'look') {
        return node.k === 'set' ? node.set : [];
    }
    if (node.k === 'alt') {
        return node.options.reduce<CodeSet>((t, n) => unionCodes(t, rxEdge(n, last)), []);
    }
    if (node.k === 'rep') {
        return node.max === 0 ? [] : rxEdge(node.body, last);
    }
    let out: CodeSet = [];
    const items = last ? node.items.slice().reverse() : node.items;
    for (const item of items) {
        out = unionCodes(out, rxEdge(item, last));
        if (rxMin(item) > 0) {
            break;
        }
    }
    return out;
}

/**
 * The characters each of the first `limit` offsets of a match of the sequence can hold (of the last ones,
 * counted backwards, with `backward`); only offsets below the sequence's minimum length, where every match
 * has a character, are returned.
 */
export function rxPositions(items: RxNode[], limit: number, backward: boolean): CodeSet[] {
    const raw: number[][] = [];
    for (let k = 0; k < limit; k++) {
        raw.push([]);
    }
    // Offsets as bits: bit o for offset o, bit `limit` for offsets from `limit` on. From the offsets a node
    // can start at, the offsets it can end at; the characters it consumes are added to `raw` on the way.
    const over = 1 << limit;
    const walk = (node: RxNode, from: number): number => {
        // Past the limit (or nowhere) a node records nothing and ends where it starts: the rest of a long
        // pattern is not walked.
        if ((from & (over - 1)) === 0 || node.k === 'look') {
            return from;
        }
        if (node.k === 'set') {
            for (let o = 0; o < limit; o++) {
                if (((from >>> o) & 1) === 1) {
                    const into = raw[o];
                    for (let r = 0; r < node.set.length; r++) {
                        into.push(node.set[r]);
                    }
                    if (into.length > 512) {
                        raw[o] = normaliseCodes(into);
                    }
                }
            }
            return ((from & (over - 1)) << 1) | (from & over);
        }
        if (node.k === 'seq') {
            let at = from;
            const order = backward ? node.items.slice().reverse() : node.items;
            for (const item of order) {
                at = walk(item, at);
            }
            return at;
        }
        if (node.k === 'alt') {
            let out = 0;
            for (const option of node.options) {
                out |= walk(option, from);
            }
            return out;
        }
        let at = from;
        for (let n = 0; n < node.min; n++) {
            const next = walk(node.body, at);
            if (next === at) {
                break;
            }
            at = next;
        }
        // Further optional repetitions: grow the set of end offsets until it is stable.
        let all = at;
        for (let n = node.min; n < node.max; n++) {
            const grown = all | walk(node.body, all);
            if (grown === all) {
                break;
            }
            all = grown;
        }
        return all;
    };
    walk({ k: 'seq', items }, 1);
    const length = Math.min(limit, rxMin({ k: 'seq', items }));
    const out: CodeSet[] = [];
    for (let k = 0; k < length; k++) {
        out.push(raw[k].length > 0 ? normaliseCodes(raw[k]) : ALL_CODES);
    }
    return out;
}

/**
 * A regex source read as written: an atom (a character, an escape, a class or a group) with its quantifier, and
 * the length it had in the source.
 */
type SourcePiece = { atom: string; group: SourceGroup | null; quantifier: string; span: number };
/**
 * A group: its opening ("(", "(?:", "(?=", "(?!", "(?<=", "(?<!"), its alternatives, and whether it is or holds a
 * capturing group.
 */
type SourceGroup = { open: string; options: SourcePiece[][]; captures: boolean };

class SourceReader {
    private readonly source: string;
    private readonly atoms = new Map<string, SourcePiece>();
    private i = 0;

    constructor(source: string) {
        this.source = source;
    }

    read(): SourcePiece[][] {
        const options = this.alternatives();
        if (this.i !== this.source.length) {
            throw new RxUnsupported(this.source);
        }
        return options;
    }

    private alternatives(): SourcePiece[][] {
        const options: SourcePiece[][] = [this.sequence()];
        while (this.source[this.i] === '|') {
            this.i++;
            options.push(this.sequence());
        }
        return options;
    }

    private sequence(): SourcePiece[] {
        const source = this.source;
        const pieces: SourcePiece[] = [];
        while (this.i < source.length && source[this.i] !== '|' && source[this.i] !== ')') {
            const from = this.i;
            let group: SourceGroup | null = null;
            const c = source[this.i];
            if (c === '(') {
                const open = /^\((?:\?(?::|=|!|<=|<!))?/.exec(source.slice(this.i, this.i + 4))![0];
                if (open === '(' && source[this.i + 1] === '?') {
                    throw new RxUnsupported(source);
                }
                this.i += open.length;
                const options = this.alternatives();
                group = { open, options, captures: open === '(' || hasCapture(options) };
                if (source[this.i] !== ')') {
                    throw new RxUnsupported(source);
                }
                this.i++;
            } else if (c === '[') {
                // A class ends at the first unescaped "]" after "[" or "[^" (the subset has no nested classes).
                this.i += source[this.i + 1] === '^' ? 2 : 1;
                while (this.i < source.length && source[this.i] !== ']') {
                    this.i += source[this.i] === '\\' ? 2 : 1;
                }
                if (this.i >= source.length) {
                    throw new RxUnsupported(source);
                }
                this.i++;
            } else if (c === '\\') {
                const e = source[this.i + 1];
                if (e === undefined || /[1-9kc]/.test(e)) {
                    throw new RxUnsupported(source);
                }
                this.i += e === 'u' ? 6 : e === 'x' ? 4 : 2;
            } else if ('*+?{'.includes(c)) {
                throw new RxUnsupported(source);
            } else {
                this.i++;
            }
            const atom = source.slice(from, this.i);
            let quantifier = '';
            if (this.i < source.length && '?*+{'.includes(source[this.i])) {
                const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(this.i, this.i + 16));
                if (q === null) {
                    throw new RxUnsupported(source);
                }
                quantifier = q[0];
            }
            this.i += quantifier.length;
            if (group !== null) {
                pieces.push({ atom: '', group, quantifier, span: this.i - from });
            } else {
                // Pieces without a group are never changed: one object for each written form.
                let piece = this.atoms.get(atom + quantifier);
                if (piece === undefined) {
                    piece = { atom, group, quantifier, span: this.i - from };
                    this.atoms.set(atom + quantifier, piece);
                }
                pieces.push(piece);
            }
        }
        return pieces;
    }
}

function writeOptions(options: SourcePiece[][]): string {
    return options.map((option) => option.map(writePiece).join('')).join('|');
}

function writePiece(piece: SourcePiece): string {
    const group = piece.group;
    return (group === null ? piece.atom : group.open + writeOptions(group.options) + ')') + piece.quantifier;
}

function hasCapture(options: SourcePiece[][]): boolean {
    return options.some((option) => option.some((piece) => piece.group !== null && piece.group.captures));
}

/** The sets of the classes and escapes firstSet has read, by their source (shared patterns repeat them). */
const atomSets = new Map<string, CodeSet | null>();
const atomSetsCi = new Map<string, CodeSet | null>();

/** The characters an alternative's first piece matches, when it is one character (a literal, escape or class) taken once. */
function firstSet(option: SourcePiece[], ci: boolean): CodeSet | null {
    const first = option[0];
    if (first === undefined || first.group !== null || first.quantifier !== '') {
        return null;
    }
    const atom = first.atom;
    if (atom.length === 1) {
        // A literal character (the reader takes every special one as a group, class, escape or quantifier).
        const code = atom.charCodeAt(0);
        if ('.^$'.includes(atom) || (ci && code > 0x7f)) {
            return null;
        }
        const lower = code | 32;
        return ci && lower >= 97 && lower <= 122 ? [lower - 32, lower - 32, lower, lower] : [code, code];
    }
    const cache = ci ? atomSetsCi : atomSets;
    let set = cache.get(atom);
    if (set === undefined) {
        try {
            const node = parseRx(atom, ci);
            const single = node.k === 'seq' && node.items.length === 1 ? node.items[0] : node;
            set = single.k === 'set' ? single.set : null;
        } catch (error) {
            if (!(error instanceof RxUnsupported)) {
                throw error;
            }
            set = null;
        }
        cache.set(atom, set);
    }
    return set;
}

/** Whether two code sets share a code. */
function overlaps(a: CodeSet, b: CodeSet): boolean {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        if (a[i + 1] < b[j]) {
            i += 2;
        } else if (b[j + 1] < a[i]) {
            j += 2;
        } else {
            return true;
        }
    }
    return false;
}

/**
 * The alternatives of one alternation, regrouped: where consecutive alternatives begin with one character each,
 * of sets that are equal or disjoint, those with the same first character are gathered behind it, in their
 * order ("claim|ticket|case" as "c(?:laim|ase)|ticket"); a non-capturing group at an alternative's start is
 * first spread over it ("(?:claim|case) no" as "claim no|case no") while `room` lasts. No match changes: at a
 * given position only the alternatives of one first character can match, and they are tried in their order.
 */
function factorOptions(
    options: SourcePiece[][],
    ci: boolean,
    room: { chars: number },
    groupsDone = false
): SourcePiece[][] {
    if (!groupsDone) {
        for (const option of options) {
            for (const piece of option) {
                if (piece.group !== null && !piece.group.open.startsWith('(?<')) {
                    piece.group.options = factorOptions(piece.group.options, ci, room);
                }
            }
        }
    }
    if (options.length < 2 || hasCapture(options)) {
        return options;
    }
    const spread: SourcePiece[][] = [];
    for (const option of options) {
        const head = option[0];
        if (head !== undefined && head.group !== null && head.group.open === '(?:' && head.quantifier === '') {
            const rest = option.slice(1);
            const cost = rest.reduce((t, piece) => t + piece.span, 0) * (head.group.options.length - 1);
            if (cost <= room.chars) {
                room.chars -= cost;
                spread.push(...head.group.options.map((inner) => [...inner, ...rest]));
                continue;
            }
        }
        spread.push(option);
    }
    const out: SourcePiece[][] = [];
    // The run of consecutive alternatives being gathered: their first sets, and the alternatives of each.
    let sets: CodeSet[] = [];
    let keys: string[] = [];
    let gathered: SourcePiece[][][] = [];
    const flush = (): void => {
        for (const same of gathered) {
            if (same.length === 1) {
                out.push(same[0]);
            } else {
                const inner = factorOptions(
                    same.map((option) => option.slice(1)),
                    ci,
                    room,
                    true
                );
                out.push([
                    same[0][0],
                    { atom: '', group: { open: '(?:', options: inner, captures: false }, quantifier: '', span: 0 }
                ]);
            }
        }
        sets = [];
        keys = [];
        gathered = [];
    };
    for (const option of spread) {
        const set = firstSet(option, ci);
        if (set === null) {
            flush();
            out.push(option);
            continue;
        }
        const key = set.join(',');
        let slot = keys.indexOf(key);
        if (slot < 0 && sets.some((s) => overlaps(s, set))) {
            flush();
        }
        if (slot < 0) {
            slot = sets.length;
            sets.push(set);
            keys.push(key);
            gathered.push([]);
        }
        gathered[slot].push(option);
    }
    flush();
    return out;
}

/**
 * A regex source that matches exactly what `source` matches, in the same order, with the alternatives of each
 * alternation gathered by their first character (factorOptions): the regex engine tries the alternatives of
 * an alternation one by one, so a list of words is tried at a position once per word, and gathered, once per
 * first letter. Alternations with capturing groups, and lookbehinds (read backwards), are left as they are;
 * a source outside the subset is returned unchanged.
 */
export function factorAlternatives(source: string, ci: boolean): string {
    let options: SourcePiece[][];
    try {
        options = new SourceReader(source).read();
    } catch (error) {
        if (error instanceof RxUnsupported) {
            return source;
        }
        throw error;
    }
    return writeOptions(factorOptions(options, ci, { chars: 2 * source.length }));
}
