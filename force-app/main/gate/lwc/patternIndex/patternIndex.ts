/**
 * Finds the matches of a list of PHI patterns in a text. Each pattern used to scan the whole text; instead,
 * for most patterns a plan (c/patternPlan) names a required part of their matches, one shared pass over the
 * text lists where each such part can begin (word starts by their first three characters, digit runs by their
 * length and the character after them, other characters by themselves), and the pattern's own regex then
 * runs, sticky, only at the start positions its plan allows, in increasing order from where the last match
 * ended, which is what a global scan does (a wide window of starts is tried inside the regex engine, in one
 * call: windowSearch). The regex decides every match; the index only skips positions where the pattern
 * cannot match.
 *
 * Redacting a note with the index is several times faster than scanning every pattern over it (the measured
 * gain is in docs/checks.md); the plain scan is the oracle the tests compare the index with
 * (scripts/dev/redact/plain-engine.ts).
 */
import { validate } from 'c/phiValidators';
import { checkPatterns, type PhiPattern } from 'c/patternSyntax';
import { factorAlternatives } from 'c/patternTree';
import {
    ASCII_CLASS as ASCII_CLASS_TABLE,
    CHAR_LIMIT as CHAR_LIMIT_VALUE,
    DIGIT_AFTER_CLASS as DIGIT_AFTER_CLASS_TABLE,
    ENTRY_CHAR as ENTRY_CHAR_VALUE,
    ENTRY_COUNT,
    ENTRY_DIGITS as ENTRY_DIGITS_VALUE,
    ENTRY_HIGH as ENTRY_HIGH_VALUE,
    RUN_AFTER as RUN_AFTER_VALUE,
    RUN_LENGTHS as RUN_LENGTHS_VALUE,
    TABLE_CODES as TABLE_CODES_VALUE,
    WORD_NEXT as WORD_NEXT_VALUE,
    anchorChecks,
    inRun as inClassRun,
    planPatternIndex,
    type ClassRun,
    type PatternIndexPlan,
    type RunTable,
    wordStartFeeds
} from 'c/patternPlan';

// The per-character loops below read local copies of what they import: where this module runs as CommonJS
// (tsx, Jest), every read of an imported name is a getter call, which made them two and a half times slower.
const ASCII_CLASS = ASCII_CLASS_TABLE;
const CHAR_LIMIT = CHAR_LIMIT_VALUE;
const DIGIT_AFTER_CLASS = DIGIT_AFTER_CLASS_TABLE;
const ENTRY_CHAR = ENTRY_CHAR_VALUE;
const ENTRY_DIGITS = ENTRY_DIGITS_VALUE;
const ENTRY_HIGH = ENTRY_HIGH_VALUE;
const RUN_AFTER = RUN_AFTER_VALUE;
const RUN_LENGTHS = RUN_LENGTHS_VALUE;
const WORD_NEXT = WORD_NEXT_VALUE;
const TABLE_CODES = TABLE_CODES_VALUE;
const inRun = inClassRun;

/** A span some rule proposes; overlapping candidates are merged by the redactor. */
export type Candidate = {
    start: number;
    end: number;
    category: string;
    priority: number;
    source: 'pattern' | 'field' | 'dictionary' | 'table';
    rule: string;
    order: number;
};

export type CompiledPattern = {
    spec: PhiPattern;
    /**
     * The pattern's regex (global), as `group` says it is compiled, with the alternatives of its alternations
     * gathered by their first character (c/patternTree factorAlternatives: the same matches, fewer tries).
     */
    regex: RegExp;
    /**
     * Where the span of a match is: 0 the whole match; 1 the pattern's group, read from match indices (the `d`
     * flag); 2 the pattern's group, compiled as group 2 after a group 1 around everything before it (see
     * prefixedGroup).
     */
    group: 0 | 1 | 2;
    /** The same regex, sticky: tried at single positions the index allows. */
    sticky: RegExp;
    plan: PatternIndexPlan | null;
};

/**
 * The pattern with what precedes its capturing group captured too, "P(G)S" as "(P)(G)S", when the group
 * stands in the pattern's top-level sequence (not in an alternative, not repeated); null otherwise. The group
 * then starts where the first capture ends, so a match's span needs no match indices: building those costs
 * each successful match about a microsecond, more than the match itself. Wrapping a part of a sequence in a
 * group changes no match (the subset has no back-references).
 */
export function prefixedGroup(pattern: string): string | null {
    let depth = 0;
    let open = -1;
    let close = -1;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            i++;
        } else if (c === '[') {
            // A class ends at the first unescaped "]" after its first character (the subset has no nested classes).
            for (i += pattern[i + 1] === '^' ? 2 : 1; i < pattern.length && pattern[i] !== ']'; i++) {
                if (pattern[i] === '\\') {
                    i++;
                }
            }
        } else if (c === '(') {
            if (pattern[i + 1] !== '?') {
                if (depth !== 0 || open >= 0) {
                    return null;
                }
                open = i;
            }
            depth++;
        } else if (c === ')') {
            depth--;
            if (depth === 0 && open >= 0 && close < 0) {
                close = i;
            }
        } else if (c === '|' && depth === 0) {
            return null;
        }
    }
    const after = pattern.charAt(close + 1);
    if (open < 0 || close < 0 || (after !== '' && '?*+{'.includes(after))) {
        return null;
    }
    return '(' + pattern.slice(0, open) + ')' + pattern.slice(open);
}

const compiledCache = new WeakMap<ReadonlyArray<PhiPattern>, CompiledPattern[]>();

/** Enabled patterns in evaluation order (priority, then name), compiled; throws when any is unsafe. */
export function compilePatterns(patterns: ReadonlyArray<PhiPattern>): CompiledPattern[] {
    const cached = compiledCache.get(patterns);
    if (cached) {
        return cached;
    }
    const problems = checkPatterns(patterns);
    if (problems.length > 0) {
        throw new Error('Unsafe or invalid PHI patterns:\n' + problems.join('\n'));
    }
    const compiled = patterns
        .filter((p) => p.enabled)
        .slice()
        .sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((spec): CompiledPattern => {
            const hasGroup = new RegExp(spec.pattern + '|').exec('')!.length > 1;
            const prefixed = hasGroup ? prefixedGroup(spec.pattern) : null;
            const group = !hasGroup ? 0 : prefixed === null ? 1 : 2;
            const source = factorAlternatives(prefixed ?? spec.pattern, spec.caseInsensitive);
            // Match indices ("d") only where the group's are read and cannot be had otherwise.
            const flags = (group === 1 ? 'd' : '') + (spec.caseInsensitive ? 'i' : '');
            return {
                spec,
                regex: new RegExp(source, 'g' + flags),
                group,
                sticky: new RegExp(source, 'y' + flags),
                plan: planPatternIndex(spec.pattern, spec.caseInsensitive)
            };
        });
    compiledCache.set(patterns, compiled);
    return compiled;
}

/** Positions of some entry points in one text, in text order, with the entry number of each. */
type EntryList = {
    /** Positions (the first `count`), kept from one text to the next so that their room is reused. */
    positions: Int32Array;
    /** The entry number of each position; null when the patterns on this list do not need it. */
    entries: Int32Array | null;
    count: number;
    /** Entry number to its index in the plans' `entries` (the same for every plan on the list). */
    slotOf: Int16Array;
};

/** The lists of the patterns of one compiled list; patterns whose anchors use the same entries share one. */
type PatternIndex = {
    /**
     * For each entry number from ENTRY_DIGITS on, its group of lists (an index into `groups`), or -1 when none
     * uses it. Word starts are in `wordFeeds`.
     */
    feeds: Int32Array;
    /**
     * For each word-start entry and code of the word's third character (see TABLE_CODES), its group of lists,
     * or -1: a list gets the word start only if one of its patterns' runs lets that third character through
     * (most listed word starts used to fail there, after being listed once per pattern list).
     */
    wordFeeds: Int32Array;
    /** The lists (indexes into `lists`) that each group feeds. */
    groups: number[][];
    lists: EntryList[];
    /** For each compiled pattern, the list of its anchor, or -1 when it is scanned. */
    anchorList: number[];
};

const patternIndexes = new WeakMap<CompiledPattern[], PatternIndex>();

function patternIndexFor(compiled: CompiledPattern[]): PatternIndex {
    let index = patternIndexes.get(compiled);
    if (index) {
        return index;
    }
    const fed: number[][] = [];
    for (let e = 0; e < ENTRY_COUNT; e++) {
        fed.push([]);
    }
    const lists: EntryList[] = [];
    const byKey = new Map<string, number>();
    const listFor = (entries: number[]): number => {
        const key = entries.join(',');
        let list = byKey.get(key);
        if (list === undefined) {
            list = lists.length;
            const slotOf = new Int16Array(ENTRY_COUNT).fill(-1);
            entries.forEach((e, slot) => {
                slotOf[e] = slot;
            });
            lists.push({ positions: new Int32Array(256), entries: null, count: 0, slotOf });
            byKey.set(key, list);
            for (const e of entries) {
                fed[e].push(list);
            }
        }
        return list;
    };
    const anchorList = compiled.map((c) => (c.plan ? listFor(c.plan.entries) : -1));
    // Entry numbers are kept only where some plan checks different runs for different entries.
    compiled.forEach((c, p) => {
        if (c.plan && c.plan.after.some((runs) => runs !== c.plan?.after[0])) {
            lists[anchorList[p]].entries = new Int32Array(256);
        }
    });
    // Entries (with the third character, for word starts) that feed the same lists share a group.
    const feeds = new Int32Array(ENTRY_COUNT).fill(-1);
    const groups: number[][] = [];
    const groupOf = new Map<string, number>();
    const groupFor = (targets: number[]): number => {
        const key = targets.join(',');
        let group = groupOf.get(key);
        if (group === undefined) {
            group = groups.length;
            groups.push(targets);
            groupOf.set(key, group);
        }
        return group;
    };
    fed.forEach((targets, e) => {
        if (targets.length > 0 && e >= ENTRY_DIGITS) {
            feeds[e] = groupFor(targets);
        }
    });
    const plansOn: PatternIndexPlan[][] = lists.map(() => []);
    compiled.forEach((c, p) => {
        if (c.plan !== null) {
            plansOn[anchorList[p]].push(c.plan);
        }
    });
    const wordFeeds = wordStartFeeds(
        plansOn,
        lists.map((list) => list.slotOf),
        fed,
        groupFor
    );
    index = { feeds, wordFeeds, groups, lists, anchorList };
    patternIndexes.set(compiled, index);
    return index;
}

/** Doubles the room of a list, keeping what it holds. */
function growList(list: EntryList): void {
    const positions = new Int32Array(list.positions.length * 2);
    positions.set(list.positions);
    list.positions = positions;
    if (list.entries !== null) {
        const entries = new Int32Array(list.positions.length);
        entries.set(list.entries);
        list.entries = entries;
    }
}

/** The one pass over a scanned text: fills every list of the index with the positions of its entries, in text order. */
function textPass(scan: string, index: PatternIndex): void {
    const feeds = index.feeds;
    const wordFeeds = index.wordFeeds;
    const groups = index.groups;
    const lists = index.lists;
    for (let l = 0; l < lists.length; l++) {
        lists[l].count = 0;
    }
    const n = scan.length;
    // ASCII class (letter 0-51, digit 52, other 53) of the previous code unit.
    let previous = 53;
    for (let i = 0; i < n; i++) {
        const c = scan.charCodeAt(i);
        const cls = c < 128 ? ASCII_CLASS[c] : 53;
        if (cls < 52 && previous < 52) {
            // Inside a run of ASCII letters (most of a text): no entry point.
            previous = cls;
            continue;
        }
        let entry = -1;
        let group = -1;
        if (cls < 52) {
            const d = i + 1 < n ? scan.charCodeAt(i + 1) : 0;
            entry = cls * WORD_NEXT + (d < 128 ? ASCII_CLASS[d] : 53);
            const t = i + 2 < n ? scan.charCodeAt(i + 2) : -1;
            group = wordFeeds[entry * TABLE_CODES + (t < 0 ? 129 : t < 128 ? t : 128)];
        } else if (cls === 52) {
            if (previous !== 52) {
                let j = i + 1;
                while (j < n && j - i < RUN_LENGTHS) {
                    const d = scan.charCodeAt(j);
                    if (d < 48 || d > 57) {
                        break;
                    }
                    j++;
                }
                let after = 16;
                if (j - i < RUN_LENGTHS) {
                    const d = j < n ? scan.charCodeAt(j) : -1;
                    after = d < 0 ? 17 : d < 128 ? DIGIT_AFTER_CLASS[d] : 16;
                }
                entry = ENTRY_DIGITS + (j - i - 1) * RUN_AFTER + after;
                group = feeds[entry];
            }
        } else {
            entry = c < CHAR_LIMIT ? ENTRY_CHAR + c : ENTRY_HIGH;
            group = feeds[entry];
        }
        if (group >= 0) {
            const targets = groups[group];
            for (let t = 0; t < targets.length; t++) {
                const list = lists[targets[t]];
                if (list.count === list.positions.length) {
                    growList(list);
                }
                list.positions[list.count] = i;
                if (list.entries !== null) {
                    list.entries[list.count] = entry;
                }
                list.count++;
            }
        }
        previous = cls;
    }
}

function fitsForward(scan: string, at: number, run: ClassRun): boolean {
    if (at + run.length > scan.length) {
        return false;
    }
    for (let k = 0; k < run.length; k++) {
        if (!inRun(run, k, scan.charCodeAt(at + k))) {
            return false;
        }
    }
    return true;
}

function fitsBackward(scan: string, at: number, run: ClassRun): boolean {
    if (at - run.length < 0) {
        return false;
    }
    for (let k = 0; k < run.length; k++) {
        if (!inRun(run, k, scan.charCodeAt(at - 1 - k))) {
            return false;
        }
    }
    return true;
}

/**
 * One match of a pattern: checks the group and the validator, and adds the candidate. Returns false when it
 * rejects the match: the search then goes on one character after the match's start, not after its end, so
 * a label whose first reading fails ("pacemaker serial" + "number") does not hide the value that follows.
 */
function addPatternMatch(
    scan: string,
    m: RegExpExecArray,
    compiled: CompiledPattern,
    shift: number,
    order: number,
    out: Candidate[]
): boolean {
    let start = shift === 0 ? m.index : m.index + m[1].length;
    let end = m.index + m[0].length;
    if (compiled.group === 2) {
        const value = m[2 + shift];
        if (value === undefined) {
            return false;
        }
        start += m[1 + shift].length;
        end = start + value.length;
    } else if (compiled.group === 1) {
        const indices = m.indices?.[1 + shift];
        if (!indices) {
            return false;
        }
        start = indices[0];
        end = indices[1];
    }
    return acceptMatch(scan, compiled, start, end, order, out);
}

/**
 * A pattern's span (its group, or the whole match): rejected when empty or when the pattern's validator
 * refuses it, else added as a candidate.
 */
export function acceptMatch(
    scan: string,
    compiled: CompiledPattern,
    start: number,
    end: number,
    order: number,
    out: Candidate[]
): boolean {
    const spec = compiled.spec;
    if (end <= start || (spec.validator && !validate(spec.validator, scan.slice(start, end)))) {
        return false;
    }
    out.push({
        start,
        end,
        category: spec.category,
        priority: spec.priority,
        source: 'pattern',
        rule: spec.name,
        order
    });
    return true;
}

/** One pattern scanned over the whole text: for patterns without a plan, and the index's oracle in the tests. */
export function scanPattern(scan: string, compiled: CompiledPattern, order: number, out: Candidate[]): void {
    const regex = compiled.regex;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(scan)) !== null) {
        if (m[0].length === 0) {
            regex.lastIndex++;
            continue;
        }
        if (!addPatternMatch(scan, m, compiled, 0, order, out)) {
            regex.lastIndex = m.index + 1;
        }
    }
}

/**
 * Tries the sticky regex at s, if s can start a match; returns where the search goes on: after an accepted
 * match, or s + 1.
 */
function tryStart(
    scan: string,
    s: number,
    compiled: CompiledPattern,
    plan: PatternIndexPlan,
    order: number,
    out: Candidate[]
): number {
    const notBefore = plan.notBefore;
    if (
        (notBefore !== null && s > 0 && inRun(notBefore, 0, scan.charCodeAt(s - 1))) ||
        !fitsForward(scan, s, plan.start)
    ) {
        return s + 1;
    }
    const sticky = compiled.sticky;
    sticky.lastIndex = s;
    const m = sticky.exec(scan);
    if (m === null || m[0].length === 0) {
        return s + 1;
    }
    return addPatternMatch(scan, m, compiled, 0, order, out) ? s + m[0].length : s + 1;
}

/** Windows at least this wide are searched by the regex engine itself (windowSearch). */
const WIDE_WINDOW = 8;

/** Window searches by plan (an altered plan in the tests gets its own). */
const windowSearches = new WeakMap<PatternIndexPlan, RegExp>();

/**
 * The sticky regex that tries a pattern at every start of a window, in order, inside the regex engine: a lazy
 * skip of up to the window's width (captured as group 1), then the pattern. It finds the first start from
 * where it is set at which the pattern matches, as trying each start in turn does, without a call per start.
 */
function windowSearch(compiled: CompiledPattern, plan: PatternIndexPlan): RegExp {
    let search = windowSearches.get(plan);
    if (search === undefined) {
        const sticky = compiled.sticky;
        search = new RegExp('([\\s\\S]{0,' + (plan.hi - plan.lo) + '}?)(?:' + sticky.source + ')', sticky.flags);
        windowSearches.set(plan, search);
    }
    return search;
}

/**
 * Tries the pattern at the starts from s to s + width, through its window search; returns where the search
 * goes on: after an accepted match, one after a rejected one, or past the window when none matches. Starts
 * past the window that it also tries are ones that cannot match or that the index would also try.
 */
function tryWindow(
    scan: string,
    s: number,
    compiled: CompiledPattern,
    search: RegExp,
    width: number,
    order: number,
    out: Candidate[]
): number {
    search.lastIndex = s;
    const m = search.exec(scan);
    if (m === null) {
        return s + width + 1;
    }
    const start = s + m[1].length;
    if (m[0].length === m[1].length) {
        return start + 1;
    }
    return addPatternMatch(scan, m, compiled, 1, order, out) ? s + m[0].length : start + 1;
}

/** Whether the characters from at + from on fit the run (those before are known to). */
function fitsFrom(scan: string, at: number, run: ClassRun, from: number): boolean {
    if (at + run.length > scan.length) {
        return false;
    }
    for (let k = from; k < run.length; k++) {
        if (!inRun(run, k, scan.charCodeAt(at + k))) {
            return false;
        }
    }
    return true;
}

/** Whether one of the runs fits at the anchor `at` (see AnchorChecks in c/patternPlan). */
function anchorFits(scan: string, at: number, runs: ClassRun[], table: RunTable | null, skip: number): boolean {
    if (table === null) {
        for (let r = 0; r < runs.length; r++) {
            if (fitsFrom(scan, at, runs[r], skip)) {
                return true;
            }
        }
        return false;
    }
    const rows = table.rows;
    const n = scan.length;
    let bits = table.all;
    let high = false;
    for (let k = skip; k < table.length; k++) {
        const p = at + k;
        if (p >= n) {
            bits &= rows[k * TABLE_CODES + 129];
            break;
        }
        const c = scan.charCodeAt(p);
        if (c < 128) {
            bits &= rows[k * TABLE_CODES + c];
            if (bits === 0) {
                return false;
            }
        } else {
            bits &= rows[k * TABLE_CODES + 128];
            high = true;
        }
    }
    if (!high || bits === 0) {
        return bits !== 0;
    }
    // A code from 128 on let every run through: the runs left are checked one by one.
    while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        if (fitsFrom(scan, at, runs[31 - Math.clz32(low)], skip)) {
            return true;
        }
    }
    return false;
}

/**
 * The same matches as scanPattern: the sticky regex is tried only at the start positions the anchors
 * allow, in increasing order and never below the end of the previous match.
 */
function indexedPattern(
    scan: string,
    compiled: CompiledPattern,
    plan: PatternIndexPlan,
    anchors: EntryList,
    order: number,
    out: Candidate[]
): void {
    const { lo, hi, after, before } = plan;
    const positions = anchors.positions;
    const entries = anchors.entries;
    const slotOf = anchors.slotOf;
    const search = hi - lo >= WIDE_WINDOW ? windowSearch(compiled, plan) : null;
    const { skip, tables } = anchorChecks(plan);
    // No match starts below `next`: it is the end of the last match, or past every start already tried.
    let next = 0;
    const count = anchors.count;
    for (let a = 0; a < count; a++) {
        const at = positions[a];
        const last = at - lo;
        if (last < next || (before.length > 0 && !fitsBackward(scan, at, before))) {
            continue;
        }
        const slot = entries === null ? 0 : slotOf[entries[a]];
        if (!anchorFits(scan, at, after[slot], tables[slot], skip)) {
            continue;
        }
        if (search === null) {
            for (let s = at - hi > next ? at - hi : next; s <= last; s = next) {
                next = tryStart(scan, s, compiled, plan, order, out);
            }
        } else {
            for (let s = at - hi > next ? at - hi : next; s <= last; s = next) {
                next = tryWindow(scan, s, compiled, search, hi - lo, order, out);
            }
        }
        if (last + 1 > next) {
            next = last + 1;
        }
    }
}

/**
 * Every pattern's candidates, pattern by pattern in evaluation order, added to `out`. One pass over the text
 * fills the index's lists; each pattern with a plan is then tried where its lists allow, the others are
 * scanned whole.
 */
export function findPatterns(scan: string, compiled: CompiledPattern[], out: Candidate[]): void {
    const index = patternIndexFor(compiled);
    if (index.lists.length > 0) {
        textPass(scan, index);
    }
    for (let p = 0; p < compiled.length; p++) {
        const c = compiled[p];
        const list = index.anchorList[p];
        if (list < 0 || c.plan === null) {
            scanPattern(scan, c, p, out);
        } else {
            indexedPattern(scan, c, c.plan, index.lists[list], p, out);
        }
    }
}

export type PatternMatch = { start: number; end: number; rule: string };

/**
 * The pattern matches of a scanned text (the redactor's scanText, with a final line feed), in the order the
 * redactor collects them. `compiled` may be given to test altered plans.
 */
export function matchPatterns(
    scan: string,
    patterns: ReadonlyArray<PhiPattern>,
    compiled: CompiledPattern[] = compilePatterns(patterns)
): PatternMatch[] {
    const out: Candidate[] = [];
    findPatterns(scan, compiled, out);
    return out.map((c) => ({ start: c.start, end: c.end, rule: c.rule }));
}
