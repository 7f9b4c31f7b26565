/**
 * The demo data cache of `npm start`: generating the 50,000-entry demo set (each call decided by c/gatePolicy and
 * hash-chained) takes seconds, so the first start stores the generated set in `.warden/preview/demo-data/` and later
 * starts read it back. A cached set is used only when everything it was made from is unchanged: the seed, the day
 * it ends on, the number of entries, the V8 version (the file is V8's serialisation format) and the text of every
 * source file the generator is made of (demoData.ts and every module it imports, followed through the tree, the
 * console and gate modules included). Anything else regenerates it and replaces the file (docs/console.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import {
    DEMO_LOG_ENTRIES,
    DEMO_SEED,
    generateDemoDataSet,
    utcToday,
    withSimulator,
    type DemoData,
    type DemoDataSet,
    type DemoOptions
} from './demoData';

const GENERATOR = join(__dirname, 'demoData.ts');
const IMPORT = /(?:\bfrom\s+|\bimport\s+|\brequire\()\s*['"]([^'"]+)['"]/g;

/** Where an import of `specifier` from `file` lands among the project's TypeScript sources; null outside them. */
function resolveSource(specifier: string, file: string, lwcRoot: string): string | null {
    let base: string;
    if (specifier.startsWith('.')) {
        base = resolve(dirname(file), specifier);
    } else if (specifier.startsWith('c/')) {
        const name = specifier.slice(2);
        const feature = existsSync(lwcRoot)
            ? readdirSync(lwcRoot).find((dir) => existsSync(join(lwcRoot, dir, 'lwc', name, `${name}.ts`)))
            : undefined;
        return feature ? join(lwcRoot, feature, 'lwc', name, `${name}.ts`) : null;
    } else {
        return null; // a package or a Node module: covered by the lockfile, not by this key
    }
    for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
        if (candidate.endsWith('.ts') && existsSync(candidate)) {
            return candidate;
        }
    }
    return null;
}

/** Every project source file the generator is made of: demoData.ts and its imports, transitively, sorted. */
export function generatorSources(root: string): string[] {
    const lwcRoot = join(root, 'force-app', 'main');
    const seen = new Set<string>();
    const pending = [GENERATOR];
    while (pending.length > 0) {
        const file = pending.pop() as string;
        if (seen.has(file)) {
            continue;
        }
        seen.add(file);
        for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
            const target = resolveSource(match[1], file, lwcRoot);
            if (target && !seen.has(target)) {
                pending.push(target);
            }
        }
    }
    return [...seen].sort();
}

/** The cache key of a data set: its options, the V8 version and the text of the generator's sources. */
export function demoDataKey(root: string, options: Required<DemoOptions>): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ ...options, v8: process.versions.v8 }));
    for (const file of generatorSources(root)) {
        hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
    }
    return hash.digest('hex');
}

type Stored = { data: DemoDataSet; randomPosition: number };

export type LoadedDemoData = { data: DemoData; cached: boolean; file: string };

/**
 * The demo data set for `options`: read from the cache in `cacheDir` when its key matches, otherwise generated and
 * stored there (replacing any other set). A cache file that cannot be read is regenerated, never an error.
 */
export function loadDemoData(root: string, cacheDir: string, options: DemoOptions = {}): LoadedDemoData {
    const full: Required<DemoOptions> = {
        seed: options.seed ?? DEMO_SEED,
        today: options.today ?? utcToday(),
        logEntries: options.logEntries ?? DEMO_LOG_ENTRIES
    };
    const file = join(cacheDir, `${demoDataKey(root, full)}.v8`);
    if (existsSync(file)) {
        try {
            const stored = deserialize(readFileSync(file)) as Stored;
            return { data: withSimulator(stored.data, stored.randomPosition), cached: true, file };
        } catch {
            // A damaged or foreign file: generate the set again.
        }
    }
    const generated = generateDemoDataSet(full);
    const stored: Stored = { data: generated.data, randomPosition: generated.randomPosition };
    const bytes = serialize(stored);
    mkdirSync(cacheDir, { recursive: true });
    for (const stale of readdirSync(cacheDir)) {
        rmSync(join(cacheDir, stale), { force: true });
    }
    writeFileSync(file, bytes);
    return { data: withSimulator(generated.data, generated.randomPosition), cached: false, file };
}
