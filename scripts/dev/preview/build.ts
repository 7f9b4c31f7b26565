/**
 * Builds the local preview bundle: the real console components from force-app, compiled by
 * @lwc/rollup-plugin with lightning-base-components, into one ES module under .warden/preview.
 *
 * Platform modules that exist only in an org are mapped here, in one place:
 * - `@salesforce/apex/Controller.method` → a fetch client of the preview server's JSON API (also a wire adapter);
 * - `@salesforce/label/c.Name` → the value in the project's CustomLabels files (a missing label fails the build);
 * - `@salesforce/i18n/locale`, `timeZone` → the browser's, so numbers and dates follow the viewer's locale;
 * - `lightning/empApi` → a Server-Sent Events shim; `lightning/platformShowToastEvent` → a DOM event the page renders;
 * - `@salesforce/resourceUrl/Name` → /resources/Name; `@salesforce/user/Id` → the demo user.
 * The .js of each bundle is type-stripped fresh from its .ts in memory, so the preview always shows the
 * TypeScript source even before `npm run build:lwc` has rewritten the committed .js.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { transform as esbuildTransform } from 'esbuild';
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

function previewModules(
    root: string,
    labels: Map<string, string>,
    bundles: Map<string, string>,
    demoUserId: string
): Plugin {
    const client = (file: string): string => join(CLIENT_DIR, file);
    return {
        name: 'warden-preview-modules',
        resolveId(source) {
            if (source.startsWith('@salesforce/apex/')) {
                return `\0apex:${source.slice('@salesforce/apex/'.length)}`;
            }
            if (source === '@salesforce/apex') {
                return client('apexClient.mjs');
            }
            if (source.startsWith('@salesforce/label/c.')) {
                return `\0label:${source.slice('@salesforce/label/c.'.length)}`;
            }
            if (source.startsWith('@salesforce/resourceUrl/')) {
                return `\0resource:${source.slice('@salesforce/resourceUrl/'.length)}`;
            }
            if (source === '@salesforce/i18n/locale' || source === '@salesforce/i18n/lang') {
                return '\0i18n:locale';
            }
            if (source === '@salesforce/i18n/timeZone') {
                return '\0i18n:timeZone';
            }
            if (source === '@salesforce/user/Id') {
                return '\0user:id';
            }
            if (source === 'lightning/empApi') {
                return client('empApi.mjs');
            }
            if (source === 'lightning/platformShowToastEvent') {
                return client('toast.mjs');
            }
            if (source.startsWith('warden-preview/')) {
                return client(`${source.slice('warden-preview/'.length)}.mjs`);
            }
            return null;
        },
        load(id) {
            if (id.startsWith('\0apex:')) {
                const [controller, method] = id.slice('\0apex:'.length).split('.');
                return `import { apexMethod } from '${client('apexClient.mjs')}';\nexport default apexMethod(${JSON.stringify(controller)}, ${JSON.stringify(method)});\n`;
            }
            if (id.startsWith('\0label:')) {
                const name = id.slice('\0label:'.length);
                if (!labels.has(name)) {
                    this.error(`Custom label c.${name} is imported but not defined in any CustomLabels file.`);
                }
                return `export default ${JSON.stringify(labels.get(name))};\n`;
            }
            if (id.startsWith('\0resource:')) {
                return `export default ${JSON.stringify(`/resources/${id.slice('\0resource:'.length)}`)};\n`;
            }
            if (id === '\0i18n:locale') {
                return "export default (typeof navigator !== 'undefined' && navigator.language) || 'en-US';\n";
            }
            if (id === '\0i18n:timeZone') {
                return "export default Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';\n";
            }
            if (id === '\0user:id') {
                return `export default ${JSON.stringify(demoUserId)};\n`;
            }
            // A bundle's .js: type-strip its .ts fresh so the preview shows the source as it is now.
            if (id.endsWith('.js') && !id.includes('node_modules')) {
                const ts = id.slice(0, -3) + '.ts';
                const bundle = dirname(id);
                if (existsSync(ts) && bundles.get(bundle.split(/[\\/]/).pop() ?? '') === bundle) {
                    return stripTypes(readFileSync(ts, 'utf8'), ts);
                }
            }
            return null;
        }
    };
}

function replaceNodeEnv(): Plugin {
    return {
        name: 'warden-preview-node-env',
        transform(code) {
            if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR')) {
                return null;
            }
            // Browser build: production engine, and lightning-base-components' server-rendering branches off.
            return {
                code: code
                    .replace(/process\.env\.NODE_ENV/g, '"production"')
                    .replace(/import\.meta\.env\.SSR/g, 'false'),
                map: null
            };
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

/**
 * A digest of everything the bundle is made from: the components, labels, the preview client, this build
 * script and the versions of the compiler and base components. An unchanged digest reuses the last build
 * (a full build takes a minute or more on a busy two-core machine).
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
    for (const pkg of ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup']) {
        try {
            hash.update(pkg).update(readFileSync(require.resolve(`${pkg}/package.json`, { paths: [root] })));
        } catch {
            hash.update(`${pkg}:missing`);
        }
    }
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
    const aliases = [...bundles.entries()].map(([name, dir]) => ({ name: `c/${name}`, path: join(dir, `${name}.js`) }));
    const bundle = await rollup({
        input: join(CLIENT_DIR, 'main.mjs'),
        plugins: [
            previewModules(root, labels, bundles, options.demoUserId ?? '005000000000001AAA'),
            replaceNodeEnv(),
            // As on the platform: dynamic components (lightning-datatable's sorting modal uses lwc:is) and element
            // internals under synthetic shadow (form-associated base components call attachInternals).
            lwc({
                rootDir: root,
                modules: [...aliases, { npm: 'lightning-base-components' }],
                apiVersion: 62 as never,
                enableDynamicComponents: true,
                enableSyntheticElementInternals: true
            })
        ],
        onwarn(warning, warn) {
            // Warnings about lightning-base-components' own templates are not ours to fix.
            if (
                warning.code === 'CIRCULAR_DEPENDENCY' ||
                warning.code === 'THIS_IS_UNDEFINED' ||
                (warning.id ?? warning.message).includes('node_modules')
            ) {
                return;
            }
            warn(warning);
        }
    });
    mkdirSync(options.outDir, { recursive: true });
    for (const stale of readdirSync(options.outDir)) {
        if (stale.endsWith('.js')) {
            rmSync(join(options.outDir, stale));
        }
    }
    // lightning-base-components loads icon templates with dynamic import(), so the output has chunks.
    const { output } = await bundle.write({
        dir: options.outDir,
        format: 'es',
        entryFileNames: 'app.js',
        chunkFileNames: 'chunk-[name]-[hash].js'
    });
    await bundle.close();
    // Whitespace and syntax are minified (less to parse); identifiers are not: esbuild's identifier
    // minification breaks @lwc/synthetic-shadow's block-scoped function declarations ("Identifier has
    // already been declared").
    let bytes = 0;
    for (const chunk of output) {
        if (chunk.type === 'chunk') {
            const minified = await esbuildTransform(chunk.code, {
                minifyWhitespace: true,
                minifySyntax: true,
                format: 'esm',
                target: 'es2022',
                legalComments: 'none'
            });
            writeFileSync(join(options.outDir, chunk.fileName), minified.code);
            bytes += Buffer.byteLength(minified.code);
        }
    }
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
