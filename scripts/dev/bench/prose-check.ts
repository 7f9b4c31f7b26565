/**
 * The held-out prose check of the redactor's precision: text nobody wrote a rule from (this repository's
 * README and docs, and the README files of installed npm packages) holds almost no PHI, so what the
 * redactor finds there is mostly false positives. Run against a baseline pattern list (for instance main's
 * generated `phiPatterns.js`, taken with `git show`), it lists the spans only the current patterns find,
 * which is what a change of the records costs on ordinary prose. With `--baseline-dictionary` (for instance
 * main's PhiNameDictionary.resource) the baseline also reads that names dictionary, so a change of the
 * dictionary (its names, its towns) is counted the same way.
 *
 *   npx tsx scripts/dev/bench/prose-check.ts [--baseline <phiPatterns.js>] [--baseline-dictionary <file>]
 *       [--packages N] [--list N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseNameDictionary } from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import type { PhiPattern } from '../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { findPhi } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';

const LINE = {
    name: 'prose-check',
    summary: 'Spans the redactor finds in ordinary prose (project docs, npm READMEs), against a baseline.',
    options: {
        baseline: { type: 'string', value: '<file>', description: 'a generated phiPatterns.js to compare with' },
        'baseline-dictionary': {
            type: 'string',
            value: '<file>',
            description: 'a PhiNameDictionary.resource for the baseline (the current one otherwise)'
        },
        packages: { type: 'string', value: 'N', description: 'README files of the first N packages (150)' },
        list: { type: 'string', value: 'N', description: 'print the first N spans only the current list finds' }
    }
} as const satisfies CommandLine;

/** The prose: the project's README and docs, then the READMEs of installed packages in name order. */
function proseFiles(root: string, packages: number): string[] {
    const docs = readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(root, 'docs', f));
    const modules = join(root, 'node_modules');
    const readmes = readdirSync(modules)
        .filter((d) => !d.startsWith('.') && !d.startsWith('@'))
        .sort()
        .map((d) => join(modules, d, 'README.md'))
        .filter((f) => existsSync(f))
        .slice(0, packages);
    return [join(root, 'README.md'), ...docs, ...readmes];
}

type Found = { file: string; category: string; value: string };

function spansOf(
    files: string[],
    patterns: ReadonlyArray<PhiPattern>,
    dictionary: ReturnType<typeof parseNameDictionary>
): Found[] {
    const out: Found[] = [];
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const s of findPhi({ text }, { patterns, dictionary }).spans) {
            out.push({ file, category: s.category, value: text.slice(s.start, s.end) });
        }
    }
    return out;
}

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const root = findProjectRoot();
    const packages = positiveInteger(LINE.name, 'packages', parsed.values.packages) ?? 150;
    const list = positiveInteger(LINE.name, 'list', parsed.values.list) ?? 0;
    const dictionary = parseNameDictionary(
        readFileSync(join(root, 'force-app/main/gate/staticresources/PhiNameDictionary.resource'), 'utf8')
    );
    const files = proseFiles(root, packages);
    const chars = files.reduce((n, f) => n + readFileSync(f, 'utf8').length, 0);
    const current = spansOf(files, SHIPPED_PATTERNS, dictionary);
    const lines = [`${files.length} files, ${chars} characters: ${current.length} spans with the current patterns`];
    if (parsed.values.baseline !== undefined) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated module named at run time
        const baseline = (require(resolve(parsed.values.baseline)) as { SHIPPED_PATTERNS: PhiPattern[] })
            .SHIPPED_PATTERNS;
        const baselineDictionary = parsed.values['baseline-dictionary'];
        const before = spansOf(
            files,
            baseline,
            baselineDictionary === undefined
                ? dictionary
                : parseNameDictionary(readFileSync(resolve(baselineDictionary), 'utf8'))
        );
        const key = (f: Found): string => `${f.file}\u0000${f.value}`;
        const seen = new Map<string, number>();
        for (const f of before) {
            seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
        }
        const added = current.filter((f) => {
            const n = seen.get(key(f)) ?? 0;
            seen.set(key(f), n - 1);
            return n <= 0;
        });
        const inDocs = added.filter((f) => !f.file.includes('node_modules')).length;
        lines.push(
            `${before.length} with the baseline; ${added.length} spans only the current patterns find (${inDocs} in the project's docs, ${added.length - inDocs} in package READMEs)`
        );
        for (const f of added.slice(0, list)) {
            lines.push(`  ${f.category}: ${JSON.stringify(f.value)} (${f.file.slice(root.length + 1)})`);
        }
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
