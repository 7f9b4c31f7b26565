/**
 * The redactor's engine against its oracle. The pattern index (each pattern tried only where its anchor
 * allows, see c/patternIndex) is compared with a scan of every pattern over the whole text, match by match;
 * findPhi as a whole with findPhi on the plain engine (scripts/dev/redact/plain-engine.ts); scanText with
 * its specification. On generated texts (equivalence-corpus.ts), the vector texts and a share of the benchmark
 * data set, for the shipped patterns and for variants. A check that the comparison does catch a wrong index
 * (plans altered on purpose) keeps the test from passing vacuously.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNameDictionary } from '../../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import {
    compilePatterns,
    matchPatterns,
    type Candidate,
    type CompiledPattern
} from '../../../../force-app/main/gate/lwc/patternIndex/patternIndex';
import type { PhiPattern } from '../../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { findPhi, scanText } from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { CUSTOM_PATTERNS, flippedPatterns } from '../equivalence';
import { generateCorpus } from '../equivalence-corpus';
import { findDataset } from '../dataset';
import { PLAIN_ENGINE, scanEveryPattern } from '../plain-engine';
import { VECTORS_PATH, type VectorFile } from '../../generate/redaction-vectors';

const root = join(__dirname, '..', '..', '..', '..');
const dictionary = parseNameDictionary(
    readFileSync(join(root, 'force-app/main/gate/staticresources/PhiNameDictionary.resource'), 'utf8')
);
const vectors = JSON.parse(readFileSync(join(root, VECTORS_PATH), 'utf8')) as VectorFile;
const datasetPath = findDataset(root);
const dataset =
    datasetPath === null
        ? []
        : (JSON.parse(readFileSync(datasetPath, 'utf8')) as Array<{ full_text: string }>).map((i) => i.full_text);

function texts(patterns: ReadonlyArray<PhiPattern>, seed: number): string[] {
    const corpus = generateCorpus({ seed, texts: 550, longNotes: 2, patterns, dictionary, snippets: dataset });
    return [
        ...corpus.map((c) => c.input.text),
        ...vectors.vectors.map((v) => v.text),
        ...dataset.filter((_, i) => i % 5 === 0)
    ];
}

/** The scanned form findPhi runs the patterns on. */
function scanned(text: string): string {
    return scanText(text).text + '\n';
}

/** The oracle: every pattern scanned over the whole text. */
function scannedMatches(
    scan: string,
    compiled: CompiledPattern[]
): Array<{ start: number; end: number; rule: string }> {
    const out: Candidate[] = [];
    scanEveryPattern(scan, compiled, out);
    return out.map((c) => ({ start: c.start, end: c.end, rule: c.rule }));
}

/** Texts where the indexed matches differ from the scanned ones (at most `limit` reported). */
function differences(
    list: string[],
    patterns: ReadonlyArray<PhiPattern>,
    compiled?: CompiledPattern[],
    limit = 5
): string[] {
    const found: string[] = [];
    for (const text of list) {
        const scan = scanned(text);
        const indexed = JSON.stringify(matchPatterns(scan, patterns, compiled));
        const reference = JSON.stringify(scannedMatches(scan, compiled ?? compilePatterns(patterns)));
        if (indexed !== reference) {
            found.push(`${JSON.stringify(text.slice(0, 80))}: ${indexed.slice(0, 120)} / ${reference.slice(0, 120)}`);
            if (found.length >= limit) {
                break;
            }
        }
    }
    return found;
}

/**
 * Groups that the index reads from match indices (in an alternative, or repeated: c/patternIndex
 * prefixedGroup leaves them as written) and one it reads after a capture of what precedes it, each after a
 * window of 8 or more starts (tried by the window search).
 */
const GROUP_SHAPES: PhiPattern[] = [
    ['ZGroupInAlternative', '[a-z]{1,12}[ \\t]{1,2}(?:@@([0-9]{3,6})|##[0-9]{2})'],
    ['ZRepeatedGroup', '[a-z]{1,10}~([A-Z][0-9]){2,3}'],
    ['ZGroupAfterWideWindow', '[A-Za-z]{2,20}[ :]{1,2}=([0-9]{3,6})']
].map(([name, pattern], i) => ({
    name,
    category: 'Custom',
    pattern,
    replacement: '[CUSTOM]',
    enabled: true,
    caseInsensitive: false,
    priority: 40 + i,
    validator: null,
    description: null
}));

const SETS: Array<[string, ReadonlyArray<PhiPattern>, number]> = [
    ['the shipped patterns', SHIPPED_PATTERNS, 11],
    ['the shipped patterns and custom shapes', [...SHIPPED_PATTERNS, ...CUSTOM_PATTERNS], 12],
    ['the shipped patterns with case-insensitivity flipped', flippedPatterns(), 13],
    ['the shipped patterns and groups read in other ways', [...SHIPPED_PATTERNS, ...GROUP_SHAPES], 15]
];

describe('the pattern index', () => {
    it('is used for nearly every shipped pattern (so that the comparisons below test it)', () => {
        const compiled = compilePatterns(SHIPPED_PATTERNS);
        expect(compiled.filter((c) => c.plan !== null).length).toBeGreaterThanOrEqual(40);
    });

    it('reads each group shape the way the comparisons below are meant to test', () => {
        const compiled = compilePatterns(GROUP_SHAPES);
        expect(compiled.map((c) => [c.spec.name, c.group, c.plan !== null && c.plan.hi - c.plan.lo >= 8])).toEqual([
            ['ZGroupInAlternative', 1, true],
            ['ZRepeatedGroup', 1, true],
            ['ZGroupAfterWideWindow', 2, true]
        ]);
    });

    it.each(SETS)('finds exactly the matches of a full scan, for %s', (_name, patterns, seed) => {
        const list = texts(patterns, seed);
        const compiled = compilePatterns(patterns);
        const matches = list.flatMap((text) => scannedMatches(scanned(text), compiled));
        expect(matches.length).toBeGreaterThan(3000);
        // Every custom shape is matched, so that the comparison covers it.
        const custom = patterns.filter((p) => p.category === 'Custom').map((p) => p.name);
        expect(custom.filter((rule) => matches.filter((m) => m.rule === rule).length < 5)).toEqual([]);
        expect(differences(list, patterns)).toEqual([]);
    });

    it('is caught by the comparison when its plans are wrong', () => {
        const list = texts(SHIPPED_PATTERNS, 14).slice(0, 400);
        const compiled = compilePatterns(SHIPPED_PATTERNS);
        const altered = (
            change: (plan: NonNullable<CompiledPattern['plan']>) => Partial<NonNullable<CompiledPattern['plan']>>
        ) => compiled.map((c) => (c.plan ? { ...c, plan: { ...c.plan, ...change(c.plan) } } : c));
        // Windows shifted by one position, windows one position narrower, and a third of the entry points
        // missing: each must show up as a difference.
        expect(
            differences(
                list,
                SHIPPED_PATTERNS,
                altered((p) => ({ lo: p.lo + 1, hi: p.hi + 1 })),
                1
            )
        ).not.toEqual([]);
        expect(
            differences(
                list,
                SHIPPED_PATTERNS,
                altered((p) => ({ hi: Math.max(p.lo, p.hi - 1), lo: p.lo + (p.hi > p.lo ? 0 : 1) })),
                1
            )
        ).not.toEqual([]);
        expect(
            differences(
                list,
                SHIPPED_PATTERNS,
                altered((p) => ({
                    entries: p.entries.filter((_, i) => i % 3 !== 0),
                    after: p.after.filter((_, i) => i % 3 !== 0)
                })),
                1
            )
        ).not.toEqual([]);
    });
});

describe('findPhi', () => {
    it.each(SETS)('gives the spans of the plain engine, for %s', (_name, patterns, seed) => {
        const corpus = generateCorpus({
            seed: seed + 100,
            texts: 400,
            longNotes: 1,
            patterns,
            dictionary,
            snippets: dataset
        });
        const mismatches: string[] = [];
        let spans = 0;
        for (const item of corpus) {
            const policy = { patterns, dictionary: item.dictionary ? dictionary : null };
            const fast = findPhi(item.input, policy);
            const reference = findPhi(item.input, policy, PLAIN_ENGINE);
            spans += reference.spans.length;
            if (
                JSON.stringify(fast.spans) !== JSON.stringify(reference.spans) ||
                JSON.stringify(fast.scanSpans) !== JSON.stringify(reference.scanSpans)
            ) {
                mismatches.push(JSON.stringify(item.input.text.slice(0, 80)));
            }
        }
        expect(spans).toBeGreaterThan(2000);
        expect(mismatches.slice(0, 5)).toEqual([]);
    });
});

describe('scanText', () => {
    // The specification: spaces, then dashes, then full-width characters replaced, then invisible ones (format and
    // control characters other than tab, line feed, vertical tab, form feed, carriage return) removed.
    function specification(text: string): { text: string; map: number[] | null } {
        let scan = text
            .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
            .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
            .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        if (!/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/.test(scan)) {
            return { text: scan, map: null };
        }
        const map: number[] = [];
        let out = '';
        for (let i = 0; i < scan.length; i++) {
            if (!/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/.test(scan[i])) {
                map.push(i);
                out += scan[i];
            }
        }
        map.push(scan.length);
        scan = out;
        return { text: scan, map };
    }

    it('normalises generated texts as specified', () => {
        const list = texts(SHIPPED_PATTERNS, 16);
        const changed = list.filter((t) => specification(t).text !== t).length;
        expect(changed).toBeGreaterThan(50);
        const mismatches = list.filter((t) => JSON.stringify(scanText(t)) !== JSON.stringify(specification(t)));
        expect(mismatches.slice(0, 5)).toEqual([]);
    });
});
