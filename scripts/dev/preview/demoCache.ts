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
import { Worker } from 'node:worker_threads';
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

function fullOptions(options: DemoOptions): Required<DemoOptions> {
    return {
        seed: options.seed ?? DEMO_SEED,
        today: options.today ?? utcToday(),
        logEntries: options.logEntries ?? DEMO_LOG_ENTRIES
    };
}

/** The stored set in `file`, or null when there is none or it cannot be read (then it is generated again). */
function readStored(file: string): Stored | null {
    if (!existsSync(file)) {
        return null;
    }
    try {
        return deserialize(readFileSync(file)) as Stored;
    } catch {
        return null; // a damaged or foreign file
    }
}

/** Generates the set and stores it in `cacheDir` as `file`, replacing any other set there. */
function generateAndStore(cacheDir: string, file: string, options: Required<DemoOptions>): Stored {
    const generated = generateDemoDataSet(options);
    const stored: Stored = { data: generated.data, randomPosition: generated.randomPosition };
    const bytes = serialize(stored);
    mkdirSync(cacheDir, { recursive: true });
    for (const stale of readdirSync(cacheDir)) {
        rmSync(join(cacheDir, stale), { force: true });
    }
    writeFileSync(file, bytes);
    return stored;
}

/**
 * The demo data set for `options`: read from the cache in `cacheDir` when its key matches, otherwise generated and
 * stored there (replacing any other set). A cache file that cannot be read is regenerated, never an error.
 */
export function loadDemoData(root: string, cacheDir: string, options: DemoOptions = {}): LoadedDemoData {
    const full = fullOptions(options);
    const file = cacheFile(root, cacheDir, full);
    const cached = readStored(file);
    const stored = cached ?? generateAndStore(cacheDir, file, full);
    return { data: withSimulator(stored.data, stored.randomPosition), cached: cached !== null, file };
}

/** What the worker of `prepareDemoData` did: how long it took to generate and store the set. */
export type PreparedDemoData = { ms: number };

/** The cache file of the set for `options`, whether or not it exists yet. */
function cacheFile(root: string, cacheDir: string, options: DemoOptions): string {
    return join(cacheDir, `${demoDataKey(root, fullOptions(options))}.v8`);
}

/**
 * Generates the set for `options` and stores it in the cache, where `loadDemoData` then reads it. The body of the
 * worker thread of `prepareDemoData` (demoDataWorker.js).
 */
export function storeDemoData(root: string, cacheDir: string, options: DemoOptions = {}): PreparedDemoData {
    const started = Date.now();
    generateAndStore(cacheDir, cacheFile(root, cacheDir, options), fullOptions(options));
    return { ms: Date.now() - started };
}

/**
 * When the set for `options` is not in the cache, generates it there on a worker thread, so that a first start
 * uses the core the build leaves idle (a fresh build keeps about 1.2 of 2 cores busy). Resolves to null at once when
 * the set is already stored, and to null when the worker fails: `loadDemoData` then generates the set on the main
 * thread, where the same failure is reported as an error.
 */
export function prepareDemoData(
    root: string,
    cacheDir: string,
    options: DemoOptions = {}
): Promise<PreparedDemoData | null> {
    if (existsSync(cacheFile(root, cacheDir, options))) {
        return Promise.resolve(null);
    }
    return new Promise((resolvePrepared) => {
        const worker = new Worker(join(__dirname, 'demoDataWorker.js'), { workerData: { root, cacheDir, options } });
        let answer: PreparedDemoData | null = null;
        worker.once('message', (message: PreparedDemoData) => {
            answer = message;
        });
        worker.once('error', () => undefined);
        worker.once('exit', () => resolvePrepared(answer));
    });
}
