/**
 * Differential check of the TypeScript redactor: records everything `redact` returns (text, spans with
 * source and rule, categories, count, pseudonym tokens) on a large input set, and compares a later run with
 * the recording. Used to prove that a performance change leaves every output byte-identical.
 *
 *   npx tsx scripts/dev/redact/equivalence.ts record  <file>   # before the change
 *   npx tsx scripts/dev/redact/equivalence.ts compare <file>   # after it: prints the differences, exits 1 on any
 *
 * Inputs: every vector of PhiRedactionVectors.json (with its record fields, in both modes), every text of
 * the benchmark data set (shared/data/presidio-synth-v2, see dataset.ts; both modes), the generated corpus of
 * equivalence-corpus.ts (3,000 texts and 40 notes of ~32 KB, both modes), and a share of those under
 * variant policies: no dictionary, case-insensitivity flipped, extra custom patterns. The recording holds
 * outputs only; inputs are regenerated from the seed, and a hash of each input guards against drift.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    parseNameDictionary,
    type NameDictionary
} from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { checkPatterns, type PhiPattern } from '../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import {
    redact,
    type RedactionInput,
    type RedactionMode
} from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { findProjectRoot } from '../../cli/lib/project';
import { findDataset } from './dataset';
import { VECTORS_PATH, type VectorFile } from '../generate/redaction-vectors';
import { generateCorpus } from './equivalence-corpus';

export const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';

/** Patterns outside the shipped set, to exercise the pattern machinery on shapes the catalogue lacks. */
export const CUSTOM_PATTERNS: PhiPattern[] = [
    ['ZOptionalLead', '(?:x-)?[0-9]{2}(?:[a-c]|zz)[0-9]{0,3}', false],
    ['ZLookbehindInside', '[A-Z]{2}(?<![QX][A-Z])[0-9]{3}', false],
    ['ZGroupAlternatives', '(?:ref|REF)[ :#]{0,2}([0-9]{4,8}|[A-Z]{2}[0-9]{3})', false],
    ['ZWordsCaseless', '(?<![a-z])(?:ab|a\\.b\\.|abc)[ \\t]{1,2}[0-9]{1,3}', true],
    ['ZNegatedClass', '[^a-z0-9 \\n]{2,4}[0-9]', false],
    ['ZNonAscii', '[\\u00C0-\\u00FF][a-z]{1,3}[0-9]', false],
    ['ZLookahead', '(?=[0-9]{3})[0-9]{2}', false],
    ['ZAt', '[a-z]{0,5}@[a-z]{1,4}', false],
    ['ZBlanks', '[ \\t]{2,3}[0-9]', false],
    ['ZAfterWord', '(?<![A-Za-z])[Dd]r\\.?[ \\t]([A-Z][a-z]{1,12})', false],
    ['ZTrailingOptional', '[0-9]{3}(?:-[0-9]{2})?', false],
    ['ZUnicodeWord', '(?<![A-Za-z\\u00C0-\\u017F])[\\u00C0-\\u00DE][a-z\\u00E0-\\u00FF]{2,8}', false]
].map(([name, pattern, caseInsensitive], i) => ({
    name: name as string,
    category: 'Custom',
    pattern: pattern as string,
    replacement: '[CUSTOM]',
    enabled: true,
    caseInsensitive: caseInsensitive as boolean,
    priority: 30 + (i % 40) * 2,
    validator: i % 5 === 0 ? 'HasDigit' : null,
    description: null
}));

/** The shipped patterns with case-insensitivity flipped where the subset allows it (ASCII-only sources). */
export function flippedPatterns(): PhiPattern[] {
    return SHIPPED_PATTERNS.filter((p) => !/[^\x00-\x7f]|\\u/.test(p.pattern)).map((p) => ({
        ...p,
        caseInsensitive: !p.caseInsensitive
    }));
}

type Case = { id: string; input: RedactionInput; patterns: ReadonlyArray<PhiPattern>; dictionary: boolean };

export function buildCases(root: string, dictionary: NameDictionary): Case[] {
    const file = JSON.parse(readFileSync(join(root, VECTORS_PATH), 'utf8')) as VectorFile;
    const datasetPath = findDataset(root);
    if (datasetPath === null) {
        throw new Error(`The benchmark data set (shared/data/presidio-synth-v2) is not beside ${root} or its parents.`);
    }
    const dataset = (JSON.parse(readFileSync(datasetPath, 'utf8')) as Array<{ full_text: string }>).map(
        (i) => i.full_text
    );
    const cases: Case[] = [];
    const both = (id: string, input: RedactionInput, patterns: ReadonlyArray<PhiPattern>, dict: boolean): void => {
        for (const mode of ['redact', 'pseudonymize'] as RedactionMode[]) {
            cases.push({ id: `${id}:${mode}`, input: { ...input, mode }, patterns, dictionary: dict });
        }
    };
    for (const v of file.vectors) {
        both(
            `vector:${v.id}`,
            { text: v.text, fields: v.fields, fieldCategories: v.fieldCategories },
            file.patterns,
            v.dictionary
        );
    }
    dataset.forEach((text, i) => both(`dataset:${i}`, { text }, SHIPPED_PATTERNS, true));
    const corpus = generateCorpus({
        seed: 20260401,
        texts: 3000,
        longNotes: 40,
        patterns: SHIPPED_PATTERNS,
        dictionary,
        snippets: dataset
    });
    corpus.forEach((item, i) => both(`generated:${i}`, item.input, SHIPPED_PATTERNS, item.dictionary));
    // Variant policies on a share of the inputs.
    const flipped = flippedPatterns();
    const custom = [...SHIPPED_PATTERNS, ...CUSTOM_PATTERNS];
    const problems = [...checkPatterns(flipped), ...checkPatterns(custom)];
    if (problems.length > 0) {
        throw new Error('Variant policies are not valid:\n' + problems.join('\n'));
    }
    const customCorpus = generateCorpus({
        seed: 777,
        texts: 800,
        longNotes: 4,
        patterns: custom,
        dictionary,
        snippets: dataset
    });
    customCorpus.forEach((item, i) =>
        cases.push({ id: `custom:${i}`, input: item.input, patterns: custom, dictionary: true })
    );
    corpus.slice(0, 1000).forEach((item, i) => {
        cases.push({ id: `flipped:${i}`, input: item.input, patterns: flipped, dictionary: item.dictionary });
        cases.push({ id: `nodict:${i}`, input: item.input, patterns: SHIPPED_PATTERNS, dictionary: false });
    });
    file.vectors.forEach((v) =>
        cases.push({
            id: `vector-flipped:${v.id}`,
            input: { text: v.text, fields: v.fields, fieldCategories: v.fieldCategories, mode: v.mode },
            patterns: flipped,
            dictionary: v.dictionary
        })
    );
    return cases;
}

function hash(value: unknown): string {
    return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

type Recording = { cases: Array<{ id: string; input: string; output: string }> };

export function run(root: string): Recording {
    const dictionary = parseNameDictionary(
        readFileSync(join(root, 'force-app/main/gate/staticresources/PhiNameDictionary.resource'), 'utf8')
    );
    const cases = buildCases(root, dictionary);
    const out: Recording = { cases: [] };
    for (const c of cases) {
        const result = redact(c.input, {
            patterns: c.patterns,
            dictionary: c.dictionary ? dictionary : null,
            pseudonymKeyHex: KEY
        });
        out.cases.push({ id: c.id, input: hash(c.input) + hash(c.patterns), output: JSON.stringify(result) });
    }
    return out;
}

export function main(args: string[]): number {
    const [command, file] = args;
    if ((command !== 'record' && command !== 'compare') || !file) {
        process.stderr.write('Usage: equivalence.ts record|compare <file>\n');
        return 2;
    }
    const root = findProjectRoot();
    const started = Date.now();
    const current = run(root);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const characters = current.cases.reduce((t, c) => t + c.output.length, 0);
    if (command === 'record') {
        writeFileSync(file, JSON.stringify(current));
        process.stdout.write(
            `Recorded ${current.cases.length} cases (${characters} characters of output) in ${seconds} s.\n`
        );
        return 0;
    }
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as Recording;
    const byId = new Map(baseline.cases.map((c) => [c.id, c]));
    const differences: string[] = [];
    let inputDrift = 0;
    for (const c of current.cases) {
        const b = byId.get(c.id);
        if (!b) {
            differences.push(`${c.id}: not in the recording`);
            continue;
        }
        byId.delete(c.id);
        if (b.input !== c.input) {
            inputDrift++;
            differences.push(`${c.id}: the input differs from the recorded one (generator changed?)`);
            continue;
        }
        if (b.output !== c.output) {
            const at = [...c.output].findIndex((ch, i) => ch !== b.output[i]);
            differences.push(
                `${c.id}: output differs at character ${at}: recorded …${b.output.slice(Math.max(0, at - 40), at + 60)}… now …${c.output.slice(Math.max(0, at - 40), at + 60)}…`
            );
        }
    }
    for (const id of byId.keys()) {
        differences.push(`${id}: recorded but not run`);
    }
    for (const d of differences.slice(0, 30)) {
        process.stdout.write(d + '\n');
    }
    process.stdout.write(
        `Compared ${current.cases.length} cases (${characters} characters of output) with ${file} in ${seconds} s: ${differences.length} differences${inputDrift ? ` (${inputDrift} from changed inputs)` : ''}.\n`
    );
    return differences.length === 0 ? 0 : 1;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
