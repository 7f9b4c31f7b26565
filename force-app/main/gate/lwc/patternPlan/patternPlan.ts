/**
 * The plans of the pattern index (c/patternIndex): for each pattern, a required part of its matches (the
 * "anchor"), the entry points of the shared pass over the text where that part can begin, the range of
 * offsets at which it sits from the match start, and the characters around it. A pattern whose source the
 * analysis does not understand (c/patternTree refuses it), or whose anchor would be no cheaper than a scan,
 * gets no plan and is scanned whole. The plan only decides where the pattern's own regex is tried; the regex
 * decides every match.
 */
import {
    ALL_CODES,
    ASCII_DIGITS,
    ASCII_LETTERS,
    RxUnsupported,
    complementCodes,
    countCodes,
    hasCode,
    intersectCodes,
    parseRx,
    rxEdge,
    rxMax,
    rxMin,
    rxPositions,
    unionCodes,
    type CodeSet,
    type RxNode
} from 'c/patternTree';

// Entry points of the shared pass over the text, numbered:
// - a word start (an ASCII letter not after an ASCII letter), by its letter and the class of the next
//   character (its letter, a digit, or anything else): 52 * 54 numbers;
// - a digit-run start (a digit not after a digit), by the run's length (1 to 15, or 16 and more) and the
//   class of the character after the run (see DIGIT_AFTER): 16 * 18 numbers;
// - any other character below U+0250, by itself; any character from U+0250 on, as one entry.
export const WORD_NEXT = 54;
export const RUN_LENGTHS = 16;
export const RUN_AFTER = 18;
export const ENTRY_DIGITS = 52 * WORD_NEXT;
export const ENTRY_CHAR = ENTRY_DIGITS + RUN_LENGTHS * RUN_AFTER;
export const CHAR_LIMIT = 0x250;
export const ENTRY_HIGH = ENTRY_CHAR + CHAR_LIMIT;
export const ENTRY_COUNT = ENTRY_HIGH + 1;

function letterIndex(code: number): number {
    return code >= 65 && code <= 90
        ? code - 65
        : code >= 97 && code <= 122
          ? code - 71
          : code >= 48 && code <= 57
            ? 52
            : 53;
}

/** Letters 0-51, digit 52, anything else 53, for the codes below 128 (all others are 53). */
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
    ASCII_CLASS[c] = letterIndex(c);
}

/**
 * Classes of the character after a digit run: each of DIGIT_AFTER's characters (0-13), A-Z (14), a-z (15),
 * any other character (16), and the end of the text (17).
 */
const DIGIT_AFTER = " \t\n\r-./:,()+#'";
export const DIGIT_AFTER_CLASS = new Uint8Array(128).fill(16);
for (let c = 65; c <= 90; c++) {
    DIGIT_AFTER_CLASS[c] = 14;
    DIGIT_AFTER_CLASS[c + 32] = 15;
}
for (let k = 0; k < DIGIT_AFTER.length; k++) {
    DIGIT_AFTER_CLASS[DIGIT_AFTER.charCodeAt(k)] = k;
}

function digitAfterSet(cls: number): CodeSet {
    if (cls < DIGIT_AFTER.length) {
        const c = DIGIT_AFTER.charCodeAt(cls);
        return [c, c];
    }
    if (cls === 14) {
        return [65, 90];
    }
    if (cls === 15) {
        return [97, 122];
    }
    if (cls === 16) {
        let listed: CodeSet = unionCodes(ASCII_LETTERS, ASCII_DIGITS);
        for (let k = 0; k < DIGIT_AFTER.length; k++) {
            const c = DIGIT_AFTER.charCodeAt(k);
            listed = unionCodes(listed, [c, c]);
        }
        return complementCodes(listed);
    }
    return [];
}

const DIGIT_AFTER_CODES: CodeSet[] = [];
for (let cls = 0; cls < 18; cls++) {
    DIGIT_AFTER_CODES.push(digitAfterSet(cls));
}

/**
 * Rough share of each character in clinical and CRM text, used only to choose the cheapest anchor of a
 * pattern: it decides speed, never matches.
 */
const LETTER_SHARE = 'etaoinshrdlcumwfgypbvkjxqz';
function charShare(code: number): number {
    if (code >= 97 && code <= 122) {
        const rank = LETTER_SHARE.indexOf(String.fromCharCode(code));
        return 0.65 * (0.13 * Math.pow(0.86, rank));
    }
    if (code >= 65 && code <= 90) {
        const rank = LETTER_SHARE.indexOf(String.fromCharCode(code + 32));
        return 0.06 * (0.13 * Math.pow(0.86, rank));
    }
    if (code >= 48 && code <= 57) {
        return 0.0066;
    }
    switch (code) {
        case 32:
            return 0.15;
        case 10:
            return 0.03;
        case 46:
            return 0.01;
        case 44:
            return 0.006;
        case 39:
            return 0.004;
        case 58:
            return 0.0034;
        case 45:
            return 0.002;
        case 47:
            return 0.0015;
        case 34:
            return 0.002;
        case 9:
        case 13:
            return 0.0005;
        default:
            return code < 128 ? 0.0003 : code < CHAR_LIMIT ? 0.00005 : 0.00001;
    }
}

const SHARE_TABLE = new Float64Array(CHAR_LIMIT);
for (let c = 0; c < CHAR_LIMIT; c++) {
    SHARE_TABLE[c] = charShare(c);
}

function shareOf(set: CodeSet): number {
    let share = 0;
    for (let i = 0; i < set.length; i += 2) {
        for (let c = set[i]; c <= Math.min(set[i + 1], CHAR_LIMIT - 1); c++) {
            share += SHARE_TABLE[c];
        }
        if (set[i + 1] >= CHAR_LIMIT) {
            share += (set[i + 1] - Math.max(set[i], CHAR_LIMIT) + 1) * 0.00001;
        }
    }
    return Math.min(1, share);
}

/** Rough share of digit runs of each length (1 to 16+), and of the classes of the character after one. */
const RUN_LENGTH_SHARE = [0.25, 0.2, 0.1, 0.25, 0.06, 0.04, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
const RUN_AFTER_SHARE = [
    0.45, 0.005, 0.1, 0.005, 0.05, 0.08, 0.04, 0.03, 0.08, 0.005, 0.01, 0.001, 0.001, 0.005, 0.02, 0.1, 0.02, 0.001
];

/** Rough share of text positions that are the entry point `entry`. */
function entryShare(entry: number): number {
    if (entry < ENTRY_DIGITS) {
        const letter = Math.floor(entry / WORD_NEXT);
        const next = entry % WORD_NEXT;
        const nextShare = next < 52 ? SHARE_TABLE[next < 26 ? 65 + next : 71 + next] / 0.7 : next === 52 ? 0.01 : 0.05;
        return SHARE_TABLE[letter < 26 ? 65 + letter : 71 + letter] * (letter < 26 ? 0.8 : 0.2) * nextShare;
    }
    if (entry < ENTRY_CHAR) {
        const run = entry - ENTRY_DIGITS;
        return 0.016 * RUN_LENGTH_SHARE[Math.floor(run / RUN_AFTER)] * RUN_AFTER_SHARE[run % RUN_AFTER];
    }
    return entry === ENTRY_HIGH ? 0.002 : SHARE_TABLE[entry - ENTRY_CHAR];
}

/** Character classes in a form quick to test: 256 bits for the codes below 256, ranges for the rest. */
export type ClassRun = { length: number; low: Uint32Array; high: CodeSet[] };

function classRun(sets: CodeSet[]): ClassRun {
    const low = new Uint32Array(sets.length * 8);
    const high: CodeSet[] = [];
    sets.forEach((set, k) => {
        for (let i = 0; i < set.length; i += 2) {
            for (let c = set[i]; c <= Math.min(set[i + 1], 255); c++) {
                low[k * 8 + (c >>> 5)] |= 1 << (c & 31);
            }
        }
        high.push(intersectCodes(set, [256, 0xffff]));
    });
    return { length: sets.length, low, high };
}

export function inRun(run: ClassRun, k: number, code: number): boolean {
    return code < 256 ? ((run.low[k * 8 + (code >>> 5)] >>> (code & 31)) & 1) === 1 : hasCode(run.high[k], code);
}

/** Codes a RunTable is keyed by: each code below 128; any other code (128); the text's end (129). */
export const TABLE_CODES = 130;

/**
 * Up to 32 runs checked at once, a character at a time: `rows[k * TABLE_CODES + code]` has bit r set when
 * run r lets that code through at offset k, or is shorter than k + 1 (so the text's end lets through only
 * the runs that have ended). Code 128 lets every run through: a run the table lets through after a code
 * from 128 on is checked again with inRun. `length` is the longest run's; `all` has a bit for every run.
 */
export type RunTable = { rows: Int32Array; length: number; all: number };

/** The table of a list of runs (see RunTable); null when there are more than 32 runs. */
export function runTable(runs: ClassRun[]): RunTable | null {
    if (runs.length > 32) {
        return null;
    }
    const length = Math.max(0, ...runs.map((run) => run.length));
    const rows = new Int32Array(Math.max(1, length) * TABLE_CODES);
    runs.forEach((run, r) => {
        const bit = 1 << r;
        const low = run.low;
        for (let k = 0; k < length; k++) {
            const row = k * TABLE_CODES;
            if (run.length <= k) {
                for (let c = 0; c < TABLE_CODES; c++) {
                    rows[row + c] |= bit;
                }
                continue;
            }
            // The codes below 128 straight from the run's bits (as inRun reads them), in this one-off loop.
            for (let c = 0; c < 128; c++) {
                if (((low[k * 8 + (c >>> 5)] >>> (c & 31)) & 1) === 1) {
                    rows[row + c] |= bit;
                }
            }
            rows[row + 128] |= bit;
        }
    });
    return { rows, length, all: runs.length === 32 ? -1 : (1 << runs.length) - 1 };
}

/** Which codes (by TABLE_CODES) one of the runs lets through at offset k (code 128: every run). */
function codesThrough(runs: ClassRun[], k: number): Uint8Array {
    const through = new Uint8Array(TABLE_CODES);
    for (const run of runs) {
        for (let c = 0; c < TABLE_CODES; c++) {
            if (run.length <= k || c === 128 || (c < 128 && inRun(run, k, c))) {
                through[c] = 1;
            }
        }
    }
    return through;
}

/** The offset from a word start of the character that word starts are told apart by, beside their entry. */
const THIRD = 2;

/**
 * The groups of lists of each word-start entry by its third character (wordFeeds in c/patternIndex): list
 * l is fed the word start when the runs of one of `patternsOn[l]` (the plans anchored on it, whose entries
 * map to their index in `after` by `slotOf[l]`) for that entry let the character through; `fed[e]` are the
 * lists of entry e, and `groupFor` numbers a set of lists. A word start no pattern of a
 * list could anchor at is one the index would skip, so leaving it out changes no match.
 */
export function wordStartFeeds(
    patternsOn: Array<Array<{ after: ClassRun[][] }>>,
    slotOf: Int16Array[],
    fed: number[][],
    groupFor: (targets: number[]) => number
): Int32Array {
    const wordFeeds = new Int32Array(ENTRY_DIGITS * TABLE_CODES).fill(-1);
    // The codes (by TABLE_CODES) each list of runs lets through at the third character, listed: most are few.
    const throughOf = new Map<ClassRun[], number[]>();
    // Entries whose lists check the same runs feed them alike: their groups are worked out once.
    const runIds = new Map<ClassRun[], number>();
    const rowOf = new Map<string, Int32Array>();
    for (let e = 0; e < ENTRY_DIGITS; e++) {
        const targets = fed[e];
        if (targets.length === 0) {
            continue;
        }
        let key = '';
        for (const list of targets) {
            key += ' ' + list;
            for (const plan of patternsOn[list]) {
                const runs = plan.after[slotOf[list][e]];
                let id = runIds.get(runs);
                if (id === undefined) {
                    id = runIds.size;
                    runIds.set(runs, id);
                }
                key += ':' + id;
            }
        }
        const known = rowOf.get(key);
        if (known !== undefined) {
            wordFeeds.set(known, e * TABLE_CODES);
            continue;
        }
        // For each third character, the target lists one of whose patterns lets it through at this entry: a
        // bit per target, 32 targets to a word (`words` words per code).
        const words = (targets.length + 31) >>> 5;
        const bits = new Int32Array(TABLE_CODES * words);
        targets.forEach((list, t) => {
            for (const plan of patternsOn[list]) {
                const runs = plan.after[slotOf[list][e]];
                let codes = throughOf.get(runs);
                if (codes === undefined) {
                    const through = codesThrough(runs, THIRD);
                    codes = [];
                    for (let c = 0; c < TABLE_CODES; c++) {
                        if (through[c] === 1) {
                            codes.push(c);
                        }
                    }
                    throughOf.set(runs, codes);
                }
                for (const c of codes) {
                    bits[c * words + (t >>> 5)] |= 1 << (t & 31);
                }
            }
        });
        // Most codes feed the same few subsets of the targets: each subset is made and looked up once.
        const groupOfKey = new Map<number | string, number>();
        for (let c = 0; c < TABLE_CODES; c++) {
            const subset = words === 1 ? bits[c] : bits.subarray(c * words, (c + 1) * words).join(',');
            let group = groupOfKey.get(subset);
            if (group === undefined) {
                const fedHere = targets.filter((_, t) => ((bits[c * words + (t >>> 5)] >>> (t & 31)) & 1) === 1);
                group = fedHere.length > 0 ? groupFor(fedHere) : -1;
                groupOfKey.set(subset, group);
            }
            wordFeeds[e * TABLE_CODES + c] = group;
        }
        rowOf.set(key, wordFeeds.slice(e * TABLE_CODES, (e + 1) * TABLE_CODES));
    }
    return wordFeeds;
}

/**
 * How a pattern is found through the index. A match starting at s holds the anchor at a position a with
 * lo <= a - s <= hi; a is an entry point listed under one of `entries`; the characters from a on fit one
 * of the runs of `after` for a's entry (one run per alternative of the anchor), and those before a fit
 * `before` (backwards); s fits `start` and, when the pattern begins with a one-character negative
 * lookbehind, the character before s is not `notBefore`.
 */
export type PatternIndexPlan = {
    /** Entry numbers of the anchor, ascending and distinct. */
    entries: number[];
    /** For each of `entries`, in the same order: the runs from the anchor on, one of which must fit. */
    after: ClassRun[][];
    lo: number;
    hi: number;
    before: ClassRun;
    start: ClassRun;
    notBefore: ClassRun | null;
    /** Estimated cost in nanoseconds per character of text, and that of a plain scan. */
    cost: number;
    scanCost: number;
};

/**
 * How the pattern index (c/patternIndex) checks an anchor's runs quickly: for each of the plan's `after`, the table of its runs (null
 * when there are more than 32: each is then checked in turn), read from the first character the anchor's
 * entry does not fix (`skip`, the least over the plan's entries). Most anchors fail within a few characters,
 * and the table checks every run of the anchor at once.
 */
export type AnchorChecks = { skip: number; tables: Array<RunTable | null> };

const anchorChecksOf = new WeakMap<PatternIndexPlan, AnchorChecks>();

/** The characters an entry number fixes from the anchor on (see AnchorChecks). */
function knownCharacters(entry: number): number {
    if (entry < ENTRY_DIGITS) {
        return entry % WORD_NEXT < 52 ? 2 : 1;
    }
    return entry < ENTRY_CHAR || entry === ENTRY_HIGH ? 0 : 1;
}

export function anchorChecks(plan: PatternIndexPlan): AnchorChecks {
    let checks = anchorChecksOf.get(plan);
    if (checks === undefined) {
        const known = new Map<ClassRun[], RunTable | null>();
        const tables = plan.after.map((runs) => {
            let table = known.get(runs);
            if (table === undefined) {
                table = runTable(runs);
                known.set(runs, table);
            }
            return table;
        });
        checks = { skip: Math.min(...plan.entries.map(knownCharacters)), tables };
        anchorChecksOf.set(plan, checks);
    }
    return checks;
}

const PLAN_CLASSES = 12;
/** At most this many alternatives of an anchor get runs of their own (spreadOptions). */
const ANCHOR_OPTIONS = 96;

// Estimated costs in nanoseconds, only for choosing anchors: listing an entry point in the shared pass,
// checking an anchor, checking a start position, trying the regex at one position.
const COST_ENTRY = 20;
const COST_ANCHOR = 40;
const COST_POSITION = 8;
const COST_EXEC = 250;

function topLevelItems(tree: RxNode): RxNode[] {
    return tree.k === 'seq' ? tree.items : [tree];
}

function singleSet(node: RxNode): CodeSet | null {
    if (node.k === 'set') {
        return node.set;
    }
    if (node.k === 'seq' && node.items.length === 1) {
        return singleSet(node.items[0]);
    }
    return null;
}

/**
 * Entry numbers whose positions include every place where something can begin whose first characters fit
 * `positions` and that comes after a character of `before` (or at the start of the text); null if that
 * cannot be listed.
 */
function anchorEntries(before: CodeSet, positions: CodeSet[]): number[] | null {
    if (positions.length === 0) {
        return null;
    }
    const first = positions[0];
    const entries: number[] = [];
    const letters = intersectCodes(first, ASCII_LETTERS);
    if (letters.length > 0) {
        // Only a word start is listed, so no ASCII letter may come right before.
        if (intersectCodes(before, ASCII_LETTERS).length > 0) {
            return null;
        }
        const nextClasses = new Set<number>();
        if (positions.length < 2) {
            for (let k = 0; k < WORD_NEXT; k++) {
                nextClasses.add(k);
            }
        } else {
            const next = positions[1];
            for (let i = 0; i < next.length; i += 2) {
                for (let c = next[i]; c <= next[i + 1]; c++) {
                    nextClasses.add(c < 128 ? ASCII_CLASS[c] : 53);
                    if (c >= 128) {
                        break;
                    }
                }
            }
        }
        for (let i = 0; i < letters.length; i += 2) {
            for (let c = letters[i]; c <= letters[i + 1]; c++) {
                for (const n of nextClasses) {
                    entries.push(letterIndex(c) * WORD_NEXT + n);
                }
            }
        }
    }
    if (intersectCodes(first, ASCII_DIGITS).length > 0) {
        // Only the start of a digit run is listed, so no digit may come right before.
        if (intersectCodes(before, ASCII_DIGITS).length > 0) {
            return null;
        }
        // A run of `length` digits and then a character of class `after` must fit the positions.
        for (let length = 1; length <= RUN_LENGTHS; length++) {
            if (length <= positions.length && intersectCodes(positions[length - 1], ASCII_DIGITS).length === 0) {
                break;
            }
            for (let after = 0; after < RUN_AFTER; after++) {
                const fits =
                    length === RUN_LENGTHS ||
                    length >= positions.length ||
                    intersectCodes(positions[length], DIGIT_AFTER_CODES[after]).length > 0;
                if (fits) {
                    entries.push(ENTRY_DIGITS + (length - 1) * RUN_AFTER + after);
                }
            }
        }
    }
    const others = intersectCodes(first, complementCodes(unionCodes(ASCII_LETTERS, ASCII_DIGITS)));
    const low = intersectCodes(others, [0, CHAR_LIMIT - 1]);
    if (countCodes(low) > 256) {
        return null;
    }
    for (let i = 0; i < low.length; i += 2) {
        for (let c = low[i]; c <= low[i + 1]; c++) {
            entries.push(ENTRY_CHAR + c);
        }
    }
    if (intersectCodes(others, [CHAR_LIMIT, 0xffff]).length > 0) {
        entries.push(ENTRY_HIGH);
    }
    return entries;
}

/** The cheapest anchor of a pattern, or null when the pattern is best (or only) scanned. */
export function planPatternIndex(pattern: string, caseInsensitive: boolean): PatternIndexPlan | null {
    let tree: RxNode;
    try {
        tree = parseRx(pattern, caseInsensitive);
    } catch (error) {
        if (error instanceof RxUnsupported) {
            return null;
        }
        throw error;
    }
    const items = topLevelItems(tree);
    if (items.some((n) => !Number.isFinite(rxMax(n)))) {
        return null;
    }
    const lead = items[0];
    const notBefore = lead && lead.k === 'look' && lead.behind && lead.negative ? singleSet(lead.body) : null;
    const beforeStart = notBefore ? complementCodes(notBefore) : ALL_CODES;
    const start = rxPositions(items, PLAN_CLASSES, false);
    if (start.length === 0) {
        return null;
    }
    const notBeforeShare = notBefore ? Math.max(0.2, 1 - shareOf(notBefore)) : 1;
    const startShare = Math.min(1, start.reduce((t, set) => t * shareOf(set), 1) * notBeforeShare);
    const scanCost = 0.8 + 40 * shareOf(start[0]) * notBeforeShare;
    let best: PatternIndexPlan | null = null;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < items.length; j++) {
        const item = items[j];
        const itemMin = rxMin(item);
        const itemMax = rxMax(item);
        // The item as a whole and with its alternatives spread out (spreadOptions) are both estimated: their
        // shares are rough, and each is cheaper for some patterns.
        const whole = item.k === 'alt' ? item.options : [item];
        const spread = itemMin > 0 ? spreadOptions(item, ANCHOR_OPTIONS) : [];
        const variants = itemMin === 0 ? [] : spread.length > whole.length ? [whole, spread] : [whole];
        for (const options of variants) {
            const anchor = planAnchor(items, j, beforeStart, options);
            if (anchor === null) {
                continue;
            }
            // Per character of text: listing and checking anchors, then trying the positions of their windows.
            const width = hi - lo + 1;
            const cost =
                anchor.entryShare * (COST_ENTRY + COST_ANCHOR) +
                anchor.anchorShare * width * (COST_POSITION + startShare * COST_EXEC);
            if (best === null || cost < best.cost) {
                best = {
                    entries: anchor.entries,
                    after: anchor.after,
                    lo,
                    hi,
                    before: anchor.before,
                    start: classRun(start),
                    notBefore: notBefore ? classRun([notBefore]) : null,
                    cost,
                    scanCost
                };
            }
        }
        lo += itemMin;
        hi += itemMax;
    }
    return best !== null && best.cost < scanCost ? best : null;
}

/**
 * The alternatives of a node, with the alternations at its start spread out, "(?:a|b)c?d" as "ad", "acd",
 * "bd", "bcd", so that each gets runs of its own: a run holds one class per position, and the union of
 * several alternatives' classes lets through words none of them is ("Lived" and "Moving" let "Mived" by).
 * The alternatives match what the node matches. Spreading stops at `budget` alternatives and once the
 * spread part is at least PLAN_CLASSES characters long.
 */
function spreadOptions(node: RxNode, budget: number): RxNode[] {
    if (node.k === 'alt') {
        const out: RxNode[] = [];
        for (const option of node.options) {
            out.push(...spreadOptions(option, Math.max(1, budget - out.length)));
        }
        return out.length <= budget ? out : [node];
    }
    if (node.k === 'rep' && node.max === 1) {
        const body = spreadOptions(node.body, budget);
        const out = node.min === 0 ? [{ k: 'seq', items: [] } as RxNode, ...body] : body;
        return out.length <= budget ? out : [node];
    }
    if (node.k !== 'seq') {
        return [node];
    }
    let heads: RxNode[][] = [[]];
    let k = 0;
    for (; k < node.items.length && rxMin({ k: 'seq', items: heads[0] }) < PLAN_CLASSES; k++) {
        const options = spreadOptions(node.items[k], Math.max(1, Math.floor(budget / heads.length)));
        if (heads.length * options.length > budget) {
            break;
        }
        heads = heads.flatMap((head) => options.map((option) => [...head, option]));
    }
    const rest = node.items.slice(k);
    return heads.map((head): RxNode => ({ k: 'seq', items: [...head, ...rest] }));
}

/**
 * Item j of the top-level sequence as the anchor, read as `options` (its alternatives): its entries, checks
 * and estimated shares, or null.
 */
function planAnchor(
    items: RxNode[],
    j: number,
    beforeStart: CodeSet,
    options: RxNode[]
): { entries: number[]; after: ClassRun[][]; before: ClassRun; entryShare: number; anchorShare: number } | null {
    // Characters that can come right before the anchor: the end of what precedes it in the pattern, or,
    // where all of that can be empty, whatever the leading lookbehind lets through.
    let before: CodeSet = [];
    let emptyBefore = true;
    for (let i = j - 1; i >= 0; i--) {
        before = unionCodes(before, rxEdge(items[i], true));
        if (rxMin(items[i]) > 0) {
            emptyBefore = false;
            break;
        }
    }
    if (emptyBefore) {
        before = unionCodes(before, beforeStart);
    }
    const back = rxPositions(items.slice(0, j), PLAN_CLASSES, true);
    const backShare = back.reduce((t, set) => t * shareOf(set), 1);
    const runsOf = new Map<number, ClassRun[]>();
    let totalEntryShare = 0;
    let anchorShare = 0;
    for (const option of options) {
        const positions = rxPositions([option, ...items.slice(j + 1)], PLAN_CLASSES, false);
        const entries = anchorEntries(before, positions);
        if (entries === null || entries.length === 0) {
            return null;
        }
        const run = classRun(positions);
        let share = 0;
        for (const e of entries) {
            share += entryShare(e);
            const runs = runsOf.get(e);
            if (runs === undefined) {
                runsOf.set(e, [run]);
            } else if (!runs.includes(run)) {
                runs.push(run);
            }
        }
        const verifiedFrom = intersectCodes(positions[0], ASCII_LETTERS).length > 0 ? 2 : 1;
        anchorShare += share * positions.slice(verifiedFrom).reduce((t, set) => t * shareOf(set), 1) * backShare;
    }
    const entries = Array.from(runsOf.keys()).sort((a, b) => a - b);
    // Each entry is listed once, however many alternatives begin there.
    for (const e of entries) {
        totalEntryShare += entryShare(e);
    }
    // Entries with the same runs share one array (so that a list can tell when entries do not matter).
    const runIds = new Map<ClassRun, number>();
    const shared = new Map<string, ClassRun[]>();
    const after = entries.map((e) => {
        const runs = runsOf.get(e) as ClassRun[];
        const key = runs
            .map((run) => {
                if (!runIds.has(run)) {
                    runIds.set(run, runIds.size);
                }
                return runIds.get(run);
            })
            .join(',');
        const known = shared.get(key);
        if (known) {
            return known;
        }
        shared.set(key, runs);
        return runs;
    });
    return {
        entries,
        after,
        before: classRun(back),
        entryShare: Math.min(1, totalEntryShare),
        anchorShare: Math.min(1, anchorShare)
    };
}
