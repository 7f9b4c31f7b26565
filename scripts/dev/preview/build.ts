/**
 * Builds the local preview bundle: the real console components from force-app, compiled by the LWC compiler
 * with lightning-base-components, bundled by esbuild into ES modules under .warden/preview.
 *
 * Platform modules that exist only in an org are mapped here, in one place:
 * - `@salesforce/apex/Controller.method` → a fetch client of the preview server's JSON API (also a wire adapter);
 * - `@salesforce/label/c.Name` → the value in the project's CustomLabels files (a missing label fails the build);
 * - `@salesforce/i18n/locale`, `timeZone` → the browser's, so numbers and dates follow the viewer's locale;
 * - `lightning/empApi` → a Server-Sent Events shim; `lightning/platformShowToastEvent` → a DOM event the page renders;
 * - `@salesforce/resourceUrl/Name` → /resources/Name; `@salesforce/user/Id` → the demo user.
 * The .js of each bundle is type-stripped fresh from its .ts in memory, so the preview always shows the
 * TypeScript source even before `npm run build:lwc` has rewritten the committed .js.
 *
 * Only what the console imports is compiled. The one exception lightning-base-components makes to that are its
 * icon libraries: `lightning-primitive-icon` imports a whole library per icon category (about 7,000 templates in
 * all, four fifths of the modules of a build); here each library holds only the icons named anywhere in our
 * components or in the base components' own source. The compiled base components are kept in .warden/preview,
 * keyed by the versions of the compiler and the base components, so a rebuild after an edit compiles our
 * components only. The compiler runs on worker threads, one per core (docs/console.md, Performance).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build, type Plugin } from 'esbuild';
import postcss from 'postcss';
import { resolveModule, type ModuleRecord } from '@lwc/module-resolver';
import { stripTypes } from '../lib/lwc';
import { list, parseXml, text } from '../../cli/lib/xml';

export type BuildOptions = { root: string; outDir: string; demoUserId?: string; force?: boolean };
export type BuildResult = { file: string; bytes: number; ms: number; bundles: number; labels: number; cached: boolean };

const CLIENT_DIR = join(__dirname, 'client');

/** Every LWC bundle folder of the project's package directories, by bundle name. */
export function lwcBundleDirs(root: string): Map<string, string> {
    const bundles = new Map<string, string>();
    const mainDir = join(root, 'force-app', 'main');
    if (!existsSync(mainDir)) {
        return bundles;
    }
    for (const feature of readdirSync(mainDir).sort()) {
        const lwcDir = join(mainDir, feature, 'lwc');
        if (!existsSync(lwcDir)) {
            continue;
        }
        for (const name of readdirSync(lwcDir).sort()) {
            const dir = join(lwcDir, name);
            if (existsSync(join(dir, `${name}.ts`)) || existsSync(join(dir, `${name}.js`))) {
                bundles.set(name, dir);
            }
        }
    }
    return bundles;
}

/** All custom labels of the project (every *.labels-meta.xml under force-app). */
export function readLabels(root: string): Map<string, string> {
    const labels = new Map<string, string>();
    const visit = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
                visit(full);
            } else if (entry.isFile() && entry.name.endsWith('.labels-meta.xml')) {
                const doc = parseXml(readFileSync(full, 'utf8'));
                for (const label of list(doc.body, 'labels')) {
                    // `value` is one of the shared parser's always-array element names.
                    const value = label.value;
                    labels.set(
                        text(label, 'fullName'),
                        Array.isArray(value) ? String(value[0] ?? '') : text(label, 'value')
                    );
                }
            }
        }
    };
    const forceApp = join(root, 'force-app');
    if (existsSync(forceApp)) {
        visit(forceApp);
    }
    return labels;
}

/** Static resources of the project by name: the <Name>.resource files in each feature staticresources folder. */
export function staticResources(root: string): Map<string, string> {
    const found = new Map<string, string>();
    const mainDir = join(root, 'force-app', 'main');
    if (!existsSync(mainDir)) {
        return found;
    }
    for (const feature of readdirSync(mainDir)) {
        const dir = join(mainDir, feature, 'staticresources');
        if (!existsSync(dir)) {
            continue;
        }
        for (const file of readdirSync(dir)) {
            if (file.endsWith('.resource')) {
                found.set(file.slice(0, -'.resource'.length), join(dir, file));
            }
        }
    }
    return found;
}

const LBC_PACKAGE = 'lightning-base-components';
const ICON_LIBRARY = /^lightning\/iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(?:Rtl)?$/;
const ICON_NAME = /\b(utility|standard|action|doctype|custom):([a-z0-9_]+)/g;
/** The LWC compiler options of every module, as on the platform (dynamic components, element internals). */
export const COMPILER_OPTIONS = {
    apiVersion: 62,
    enableDynamicComponents: true,
    enableSyntheticElementInternals: true
};

/**
 * What the LWC compiler changes in a JavaScript module: its imports of `lwc`, its classes (decorators, fields,
 * component registration), its default export (registered as a component) and dynamic imports. A module with none of
 * them compiles to itself, so esbuild bundles it as it is: a third of the base components' modules, a tenth of a
 * fresh build's compiling (docs/console.md, Performance). The preview tests check the rule against the compiler.
 */
const NEEDS_LWC_COMPILER = /\bclass\b|\bexport\s+default\b|\bas\s+default\b|\bimport\s*\(|['"]lwc['"]/;

/**
 * A selector of a base component's native-shadow styles: `:host([data-render-mode="shadow"]) ...`. The base
 * components set that attribute on their host only when they render in native shadow (`!this.template.synthetic`);
 * the preview renders in synthetic shadow (main.mjs loads @lwc/synthetic-shadow first), where no such host exists.
 */
const NATIVE_SHADOW_SELECTOR = /^:host\(\[data-render-mode=(["']?)shadow\1\]/;

/**
 * A base component's stylesheet without the rules no element matches in synthetic shadow: those whose every
 * selector starts with NATIVE_SHADOW_SELECTOR (and the comments, and the at-rules left empty). The base components
 * ship their whole SLDS blueprint that way, for native shadow: 2 MB of CSS, half of the bundle, that the engine
 * compiled into every component's styles and inserted into the page without a single match. About 2% of the text
 * remains (the rules without that guard, which do match, are kept). `null` when nothing remains but imports, so the
 * module can be an empty list of stylesheets (docs/console.md, Performance).
 */
export function syntheticShadowStylesheet(source: string, file: string): string | null {
    const root = postcss.parse(source, { from: file });
    root.walkComments((comment) => {
        comment.remove();
    });
    root.walkRules((rule) => {
        if (rule.selectors.every((selector) => NATIVE_SHADOW_SELECTOR.test(selector.trim()))) {
            rule.remove();
        }
    });
    let emptied = true;
    while (emptied) {
        emptied = false;
        root.walkAtRules((atRule) => {
            if (atRule.nodes !== undefined && atRule.nodes.length === 0) {
                atRule.remove();
                emptied = true;
            }
        });
    }
    return root.nodes.length === 0 ? null : root.toString();
}

/** Whether the LWC compiler would leave this JavaScript module as it is (see NEEDS_LWC_COMPILER). */
export function isPlainModule(source: string): boolean {
    return !NEEDS_LWC_COMPILER.test(source);
}

function packageDir(root: string, name: string): string {
    return dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
}

function packageVersion(root: string, name: string): string {
    try {
        return (JSON.parse(readFileSync(join(packageDir(root, name), 'package.json'), 'utf8')) as { version: string })
            .version;
    } catch {
        return 'missing';
    }
}

/** Every `category:name` icon written in the source files under `dir` (icon libraries themselves skipped). */
function collectIconNames(dir: string, names: Set<string>): void {
    if (!existsSync(dir)) {
        return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (
                !entry.name.startsWith('iconSvgTemplates') &&
                entry.name !== '__tests__' &&
                entry.name !== 'node_modules'
            ) {
                collectIconNames(full, names);
            }
        } else if (/\.(js|ts|html)$/.test(entry.name)) {
            for (const match of readFileSync(full, 'utf8').matchAll(ICON_NAME)) {
                names.add(`${match[1]}_${match[2]}`);
            }
        }
    }
}

/** The source of one icon library reduced to the icons in `names` (the keys primitiveIcon looks up). */
function iconLibrarySource(lbcDir: string, category: string, names: Set<string>): string {
    const folder = `iconSvgTemplates${category[0].toUpperCase()}${category.slice(1)}`;
    const dir = join(lbcDir, 'src', 'lightning', folder, 'buildTemplates', category);
    const imports: string[] = [];
    const keys: string[] = [];
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const key = `${category}_${file.replace(/\.html$/, '')}`;
        if (file.endsWith('.html') && names.has(key)) {
            imports.push(`import ${key} from ${JSON.stringify(join(dir, file))};`);
            keys.push(key);
        }
    }
    return `${imports.join('\n')}\nexport default { ${keys.join(', ')} };\n`;
}

/** Compiled modules of the base components from an earlier build, by file, valid for `key` only. */
type CompileCache = { key: string; modules: Record<string, string>; dirty: boolean };

function loadCompileCache(file: string, key: string): CompileCache {
    try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; modules?: Record<string, string> };
        if (stored.key === key && stored.modules) {
            return { key, modules: stored.modules, dirty: false };
        }
    } catch {
        // No cache, or a damaged one: compile everything.
    }
    return { key, modules: {}, dirty: false };
}

type LwcTarget = { namespace: string; name: string; scoped: boolean };

/** Where the LWC compiler must believe a file lives: c/<bundle> for ours, the last two folders for the rest. */
function lwcTarget(file: string, bundles: Map<string, string>, scoped: boolean): LwcTarget {
    const dir = dirname(file);
    const name = dir.split(sep).pop() ?? '';
    if (bundles.get(name) === dir) {
        return { namespace: 'c', name, scoped };
    }
    const [namespace, last] = dir.split(sep).slice(-2);
    return { namespace, name: last, scoped };
}

function platformModule(specifier: string, labels: Map<string, string>, demoUserId: string): string | null {
    if (specifier.startsWith('@salesforce/apex/')) {
        const [controller, method] = specifier.slice('@salesforce/apex/'.length).split('.');
        return `import { apexMethod } from ${JSON.stringify(join(CLIENT_DIR, 'apexClient.mjs'))};\nexport default apexMethod(${JSON.stringify(controller)}, ${JSON.stringify(method)});\n`;
    }
    if (specifier.startsWith('@salesforce/label/c.')) {
        const name = specifier.slice('@salesforce/label/c.'.length);
        if (!labels.has(name)) {
            throw new Error(`Custom label c.${name} is imported but not defined in any CustomLabels file.`);
        }
        return `export default ${JSON.stringify(labels.get(name))};\n`;
    }
    if (specifier.startsWith('@salesforce/resourceUrl/')) {
        return `export default ${JSON.stringify(`/resources/${specifier.slice('@salesforce/resourceUrl/'.length)}`)};\n`;
    }
    switch (specifier) {
        case '@salesforce/i18n/locale':
        case '@salesforce/i18n/lang':
            return "export default (typeof navigator !== 'undefined' && navigator.language) || 'en-US';\n";
        case '@salesforce/i18n/timeZone':
            return "export default Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';\n";
        case '@salesforce/user/Id':
            return `export default ${JSON.stringify(demoUserId)};\n`;
        default:
            return null;
    }
}

/** The LWC compiler on worker threads (lwcCompileWorker.js): compile() resolves to the compiled module. */
type CompilePool = { compile(source: string, file: string, options: object): Promise<string>; close(): Promise<void> };

/**
 * One compiler per core: a fresh build compiles several hundred modules, and esbuild asks for them concurrently, so
 * they compile side by side instead of one after another on the main thread.
 */
function compilePool(size: number): CompilePool {
    const pending = new Map<number, { resolve(code: string): void; reject(error: Error): void }>();
    const workers = Array.from({ length: size }, () => {
        const worker = new Worker(join(__dirname, 'lwcCompileWorker.js'));
        worker.on('message', (answer: { id: number; code?: string; error?: string }) => {
            const waiting = pending.get(answer.id);
            pending.delete(answer.id);
            if (answer.error !== undefined) {
                waiting?.reject(new Error(answer.error));
            } else {
                waiting?.resolve(answer.code as string);
            }
        });
        worker.on('error', (error) => {
            for (const waiting of pending.values()) {
                waiting.reject(error);
            }
            pending.clear();
        });
        return worker;
    });
    let sent = 0;
    return {
        compile: (source, file, options) =>
            new Promise((resolveCode, reject) => {
                const id = ++sent;
                pending.set(id, { resolve: resolveCode, reject });
                workers[id % size].postMessage({ id, source, file, options });
            }),
        close: async () => {
            await Promise.all(workers.map((worker) => worker.terminate()));
        }
    };
}

/** A module's source: the .js beside a .ts of ours is its type-stripped .ts, read fresh (see the file comment). */
function readSource(file: string): string {
    const ts = file.replace(/\.js$/, '.ts');
    return file.endsWith('.js') && !file.includes(`${sep}node_modules${sep}`) && existsSync(ts)
        ? stripTypes(readFileSync(ts, 'utf8'), ts)
        : readFileSync(file, 'utf8');
}

/** Compiled stylesheets by their scoping and the SHA-256 of their text. */
type Stylesheets = Map<string, Promise<string>>;

/**
 * One module compiled on the pool. The base components ship many stylesheets several times over, one copy per folder
 * (button-icon.slds.css in seven): six in ten bytes of their CSS. A stylesheet compiles to the same module whatever
 * its folder (its imports stay relative and resolve from each file's own folder), so each text compiles once.
 */
function compileModule(
    pool: CompilePool,
    stylesheets: Stylesheets,
    source: string,
    file: string,
    target: LwcTarget
): Promise<string> {
    const compile = (): Promise<string> =>
        pool.compile(source, file, {
            ...COMPILER_OPTIONS,
            name: target.name,
            namespace: target.namespace,
            scopedStyles: target.scoped,
            outputConfig: { sourcemap: false }
        });
    if (!file.endsWith('.css')) {
        return compile();
    }
    const key = `${target.scoped}:${createHash('sha256').update(source).digest('hex')}`;
    const compiled = stylesheets.get(key) ?? compile();
    stylesheets.set(key, compiled);
    return compiled;
}

type PluginInput = {
    root: string;
    labels: Map<string, string>;
    bundles: Map<string, string>;
    demoUserId: string;
    cache: CompileCache;
    pool: CompilePool;
};

/** The esbuild plugin that resolves LWC modules and platform imports and compiles every module with LWC. */
function lwcPlugin({ root, labels, bundles, demoUserId, cache, pool }: PluginInput): Plugin {
    const lbcDir = packageDir(root, LBC_PACKAGE);
    const modules: ModuleRecord[] = [
        ...[...bundles.entries()].map(([name, dir]) => ({ name: `c/${name}`, path: join(dir, `${name}.js`) })),
        { npm: LBC_PACKAGE },
        { npm: '@lwc/engine-dom' },
        { npm: '@lwc/synthetic-shadow' },
        { npm: '@lwc/wire-service' }
    ];
    const iconNames = new Set<string>();
    collectIconNames(join(lbcDir, 'src'), iconNames);
    collectIconNames(join(root, 'force-app'), iconNames);
    // Module specifiers name the same module from anywhere; their resolution reads package.json files.
    const resolved = new Map<string, string | null>();
    const stylesheets: Stylesheets = new Map();
    return {
        name: 'warden-preview-lwc',
        setup(builder) {
            builder.onResolve({ filter: /^@salesforce\/apex$/ }, () => ({ path: join(CLIENT_DIR, 'apexClient.mjs') }));
            builder.onResolve(
                { filter: /^@salesforce\/(apex\/|label\/c\.|resourceUrl\/|i18n\/(locale|lang|timeZone)$|user\/Id$)/ },
                (args) => ({
                    path: args.path,
                    namespace: 'platform'
                })
            );
            builder.onResolve({ filter: /^lightning\/(empApi|platformShowToastEvent)$/ }, (args) => ({
                path: join(CLIENT_DIR, args.path.endsWith('empApi') ? 'empApi.mjs' : 'toast.mjs')
            }));
            builder.onResolve({ filter: /^warden-preview\// }, (args) => ({
                path: join(CLIENT_DIR, `${args.path.slice('warden-preview/'.length)}.mjs`)
            }));
            builder.onResolve({ filter: ICON_LIBRARY }, (args) => ({
                path: (ICON_LIBRARY.exec(args.path) as RegExpExecArray)[1].toLowerCase(),
                namespace: 'icons'
            }));
            builder.onResolve({ filter: /^\// }, (args) => ({ path: args.path }));
            builder.onResolve({ filter: /^\./ }, (args) => {
                const [path, query] = args.path.split('?');
                let full = resolve(args.resolveDir, path);
                if (!extname(full)) {
                    full += extname(args.importer) || '.js';
                }
                // The compiler imports a component's template and style by convention; a missing one is empty.
                if (!existsSync(full) && (full.endsWith('.html') || full.endsWith('.css'))) {
                    return { path: full.endsWith('.html') ? 'html' : 'css', namespace: 'empty' };
                }
                return { path: full, pluginData: { scoped: query === 'scoped=true' } };
            });
            builder.onResolve({ filter: /^[^./]/ }, (args) => {
                const key =
                    args.path.startsWith('lightning/') || args.path.startsWith('c/')
                        ? args.path
                        : `${args.path}\0${args.resolveDir}`;
                if (!resolved.has(key)) {
                    try {
                        // The real path: with node_modules a symbolic link (as in bench:console's fresh clone) the
                        // resolver answers through the link and the icon libraries do not, and esbuild would bundle
                        // (and the build compile) two copies of the modules reached both ways.
                        const { entry } = resolveModule(args.path, args.importer || join(root, 'index.js'), {
                            modules,
                            rootDir: root
                        });
                        resolved.set(key, realpathSync(entry));
                    } catch (error) {
                        if ((error as { code?: string }).code !== 'NO_LWC_MODULE_FOUND') {
                            throw error;
                        }
                        resolved.set(key, null);
                    }
                }
                const entry = resolved.get(key);
                return entry ? { path: entry } : undefined;
            });
            builder.onLoad({ filter: /.*/, namespace: 'platform' }, (args) => {
                const contents = platformModule(args.path, labels, demoUserId);
                return contents === null ? undefined : { contents, loader: 'js', resolveDir: CLIENT_DIR };
            });
            builder.onLoad({ filter: /.*/, namespace: 'empty' }, (args) => ({
                contents: args.path === 'html' ? 'export default void 0;\n' : '',
                loader: 'js'
            }));
            builder.onLoad({ filter: /.*/, namespace: 'icons' }, (args) => ({
                contents: iconLibrarySource(lbcDir, args.path, iconNames),
                loader: 'js',
                resolveDir: lbcDir
            }));
            builder.onLoad({ filter: /\.(js|mjs|html|css)$/ }, async (args) => {
                const file = args.path;
                // The engine and the preview's own client are plain modules, compiled already.
                if (file.startsWith(CLIENT_DIR) || file.includes(`${sep}@lwc${sep}`)) {
                    return undefined;
                }
                const scoped = (args.pluginData as { scoped?: boolean } | undefined)?.scoped === true;
                const cacheable = file.startsWith(lbcDir + sep);
                const cacheKey = scoped ? `${file}?scoped` : file;
                if (cacheable && cache.modules[cacheKey] !== undefined) {
                    return { contents: cache.modules[cacheKey], loader: 'js', resolveDir: dirname(file) };
                }
                const source = readSource(file);
                if (file.endsWith('.js') && isPlainModule(source)) {
                    return { contents: source, loader: 'js', resolveDir: dirname(file) };
                }
                const kept = cacheable && file.endsWith('.css') ? syntheticShadowStylesheet(source, file) : source;
                const code =
                    kept === null
                        ? 'export default [];\n'
                        : await compileModule(pool, stylesheets, kept, file, lwcTarget(file, bundles, scoped));
                if (cacheable) {
                    cache.modules[cacheKey] = code;
                    cache.dirty = true;
                }
                return { contents: code, loader: 'js', resolveDir: dirname(file) };
            });
        }
    };
}

function hashTree(hash: Hash, dir: string): void {
    if (!existsSync(dir)) {
        return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== '__tests__' && entry.name !== 'node_modules') {
                hashTree(hash, full);
            }
        } else if (entry.isFile()) {
            hash.update(full).update(readFileSync(full));
        }
    }
}

/** The versions the compiled base components depend on: the cache of them is valid while these hold. */
function compileCacheKey(root: string): string {
    const versions = ['@lwc/compiler', LBC_PACKAGE, 'lwc'].map((name) => `${name}@${packageVersion(root, name)}`);
    // `synthetic-css`: the base components' stylesheets are compiled without their native-shadow rules.
    return `${versions.join(' ')} ${JSON.stringify(COMPILER_OPTIONS)} synthetic-css`;
}

/**
 * A digest of everything the bundle is made from: the components, labels, the preview client, this build
 * script and the versions of the compiler, bundler and base components. An unchanged digest reuses the last
 * build.
 */
export function buildInputsHash(root: string): string {
    const hash = createHash('sha256');
    for (const feature of existsSync(join(root, 'force-app', 'main'))
        ? readdirSync(join(root, 'force-app', 'main')).sort()
        : []) {
        hashTree(hash, join(root, 'force-app', 'main', feature, 'lwc'));
        hashTree(hash, join(root, 'force-app', 'main', feature, 'labels'));
    }
    hashTree(hash, CLIENT_DIR);
    hash.update(readFileSync(__filename));
    hash.update(compileCacheKey(root)).update(`esbuild@${packageVersion(root, 'esbuild')}`);
    return hash.digest('hex');
}

export async function buildPreview(options: BuildOptions): Promise<BuildResult> {
    const started = Date.now();
    const root = resolve(options.root);
    const bundles = lwcBundleDirs(root);
    const labels = readLabels(root);
    const digest = buildInputsHash(root);
    const stampFile = join(options.outDir, 'build.json');
    if (!options.force && existsSync(stampFile) && existsSync(join(options.outDir, 'app.js'))) {
        try {
            const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { digest?: string; bytes?: number };
            if (stamp.digest === digest) {
                return {
                    file: join(options.outDir, 'app.js'),
                    bytes: stamp.bytes ?? 0,
                    ms: Date.now() - started,
                    bundles: bundles.size,
                    labels: labels.size,
                    cached: true
                };
            }
        } catch {
            // A damaged stamp just means building again.
        }
    }
    mkdirSync(options.outDir, { recursive: true });
    const cacheFile = join(options.outDir, 'base-components.json');
    const cache = options.force
        ? { key: compileCacheKey(root), modules: {}, dirty: false }
        : loadCompileCache(cacheFile, compileCacheKey(root));
    for (const stale of readdirSync(options.outDir)) {
        if (stale.endsWith('.js')) {
            rmSync(join(options.outDir, stale));
        }
    }
    // One file, no code splitting: a shared chunk would be evaluated before the entry's first import, so the
    // engine would start before @lwc/synthetic-shadow patched the DOM. The icon libraries that
    // lightning-base-components loads with import() stay lazily evaluated inside the one file.
    // Whitespace and syntax are minified (less to parse); identifiers are not: identifier minification breaks
    // @lwc/synthetic-shadow's block-scoped function declarations ("Identifier has already been declared").
    const pool = compilePool(Math.max(1, Math.min(4, availableParallelism())));
    const result = await build({
        entryPoints: [join(CLIENT_DIR, 'main.mjs')],
        bundle: true,
        format: 'esm',
        outfile: join(options.outDir, 'app.js'),
        target: 'es2022',
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        // Browser build: production engine, and lightning-base-components' server-rendering branches off.
        define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.SSR': 'false' },
        plugins: [
            lwcPlugin({ root, labels, bundles, demoUserId: options.demoUserId ?? '005000000000001AAA', cache, pool })
        ],
        logLevel: 'silent',
        metafile: true
    }).finally(() => pool.close());
    if (cache.dirty) {
        writeFileSync(cacheFile, JSON.stringify({ key: cache.key, modules: cache.modules }));
    }
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    writeFileSync(stampFile, `${JSON.stringify({ digest, bytes, builtAt: new Date().toISOString() })}\n`);
    return {
        file: join(options.outDir, 'app.js'),
        bytes,
        ms: Date.now() - started,
        bundles: bundles.size,
        labels: labels.size,
        cached: false
    };
}
