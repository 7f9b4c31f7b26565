/**
 * `npm run build:lwc`: writes each LWC bundle's committed .js from the .ts beside it (esbuild
 * type-strip, decorators kept, ES module output, generated-file header). `--check` writes nothing
 * and exits 1 when a .js is missing or stale, which is what the lwc check step verifies.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectedTsconfigPaths, findLwcBundles, generatedJsPath, lwcTypeScriptSources, stripTypes } from '../lib/lwc';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { displayPath, findProjectRoot, loadProject } from '../../cli/lib/project';

export type BuildOutcome = {
    ts: string;
    js: string;
    status: 'up-to-date' | 'written' | 'stale' | 'missing';
    expected: string;
};

/** Builds (or with write=false, only compares) every bundle's .js. Paths are absolute. */
export function buildLwc(root: string, options: { write: boolean }): BuildOutcome[] {
    const outcomes: BuildOutcome[] = [];
    for (const bundle of findLwcBundles(loadProject(root))) {
        for (const ts of lwcTypeScriptSources(bundle)) {
            const js = generatedJsPath(ts);
            const expected = stripTypes(readFileSync(ts, 'utf8'), ts);
            const current = existsSync(js) ? readFileSync(js, 'utf8') : undefined;
            if (current === expected) {
                outcomes.push({ ts, js, status: 'up-to-date', expected });
            } else if (options.write) {
                writeFileSync(js, expected);
                outcomes.push({ ts, js, status: 'written', expected });
            } else {
                outcomes.push({ ts, js, status: current === undefined ? 'missing' : 'stale', expected });
            }
        }
    }
    return outcomes;
}

type TsconfigJson = { compilerOptions?: { paths?: Record<string, string[]> } };

/**
 * Keeps tsconfig.json's `c/<name>` paths in step with the bundles. Returns whether the file was
 * already right; with write=true it is rewritten (as prettier formats JSON) when it was not.
 */
/**
 * JSON as prettier prints it with this project's settings (2-space indent, objects expanded,
 * arrays of scalars on one line when they fit in 120 columns), so the written file passes
 * `prettier --check` without loading prettier (whose plugins need ESM dynamic import).
 */
export function formatJsonLikePrettier(value: unknown): string {
    const expanded = JSON.stringify(value, null, 2);
    const collapsed = expanded.replace(
        /^( *)("[^"\n]*": )?\[\n((?: *(?:"(?:[^"\\\n]|\\.)*"|-?[\d.]+|true|false|null),?\n)+) *\]/gm,
        (whole, indent: string, key: string | undefined, items: string) => {
            const line = `${indent}${key ?? ''}[${items
                .split('\n')
                .map((item) => item.trim())
                .filter(Boolean)
                .join(' ')}]`;
            return line.length <= 120 ? line : whole;
        }
    );
    return collapsed + '\n';
}

export async function syncTsconfigPaths(
    root: string,
    options: { write: boolean }
): Promise<'up-to-date' | 'written' | 'stale'> {
    const file = join(root, 'tsconfig.json');
    if (!existsSync(file)) {
        return 'up-to-date';
    }
    const tsconfig = JSON.parse(readFileSync(file, 'utf8')) as TsconfigJson;
    const current = tsconfig.compilerOptions?.paths ?? {};
    const expected = expectedTsconfigPaths(root, findLwcBundles(loadProject(root)));
    const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !/^c\/[^*]+$/.test(key)));
    const next = { ...expected, ...kept };
    if (JSON.stringify(next) === JSON.stringify(current)) {
        return 'up-to-date';
    }
    if (!options.write) {
        return 'stale';
    }
    tsconfig.compilerOptions = { ...tsconfig.compilerOptions, paths: next };
    writeFileSync(file, formatJsonLikePrettier(tsconfig));
    return 'written';
}

const LINE = {
    name: 'npm run build:lwc',
    summary:
        "Writes each LWC bundle's .js from the .ts beside it, and tsconfig.json's c/* paths (options go after --).",
    options: {
        check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' },
        root: {
            type: 'string',
            value: '<dir>',
            description: 'the project (default: the one holding the current folder)'
        }
    }
} as const satisfies CommandLine;

export async function main(args: string[]): Promise<number> {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const check = parsed.values.check ?? false;
    const root = parsed.values.root !== undefined ? resolve(parsed.values.root) : findProjectRoot();
    const outcomes = buildLwc(root, { write: !check });
    for (const outcome of outcomes) {
        process.stdout.write(`${outcome.status.padEnd(10)} ${displayPath(root, outcome.js)}\n`);
    }
    const paths = await syncTsconfigPaths(root, { write: !check });
    process.stdout.write(`${paths.padEnd(10)} tsconfig.json c/* paths\n`);
    const bad = outcomes.filter((outcome) => outcome.status === 'stale' || outcome.status === 'missing');
    if (paths === 'stale') {
        process.stdout.write('tsconfig.json paths do not list every TypeScript bundle; run npm run build:lwc\n');
        return 1;
    }
    process.stdout.write(
        `${outcomes.length} LWC TypeScript file(s): ${outcomes.filter((o) => o.status === 'written').length} written, ${bad.length} stale or missing\n`
    );
    return bad.length > 0 ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (error: Error) => {
            process.stderr.write(`build-lwc: ${error.message}\n`);
            process.exitCode = 2;
        }
    );
}
