// A cached CommonJS bundle of one `warden` command, so the commands that run on large inputs in CI
// (scan, verify, redact) start without tsx compiling and resolving each of their TypeScript modules.
//
// The bundle is built with esbuild (already installed: tsx runs on it) into node_modules/.cache/warden-cli,
// with npm packages left as ordinary requires. Its manifest records the SHA-256 of every source file that
// went into it, as esbuild read it; before each use the sources are hashed again, and any difference (an
// edit, a new import, another esbuild or Node) builds a new bundle. Anything that goes wrong here returns
// null, and warden.js runs the command through tsx as before; WARDEN_CLI_BUNDLE=0 always does.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { dirname, extname, join, relative, resolve } = require('node:path');
const { Script } = require('node:vm');

/** The commands that are bundled; the others (check, deploy, model, preview) always run through tsx. */
const BUNDLED_COMMANDS = new Set(['scan', 'verify', 'redact']);
const ROOT = resolve(__dirname, '..', '..');
const LOADERS = { '.ts': 'ts', '.js': 'js', '.cjs': 'js', '.mjs': 'js', '.json': 'json' };
/** Bump when the way bundles are made changes, so old ones are not reused. */
const FORMAT = 1;

function sha256(data) {
    return createHash('sha256').update(data).digest('hex');
}

function defaultCacheDir() {
    return process.env.WARDEN_CLI_CACHE || join(ROOT, 'node_modules', '.cache', 'warden-cli');
}

function esbuildVersion() {
    return require('esbuild/package.json').version;
}

/** The key every bundle's manifest must match besides its sources. */
function toolchainKey() {
    return `${FORMAT}|esbuild ${esbuildVersion()}|node ${process.version}`;
}

/** True when every source recorded in the manifest still has the recorded content. */
function isFresh(manifest, root = ROOT) {
    if (!manifest || manifest.toolchain !== toolchainKey() || !manifest.sources) {
        return false;
    }
    for (const [file, hash] of Object.entries(manifest.sources)) {
        let text;
        try {
            text = readFileSync(join(root, file));
        } catch {
            return false;
        }
        if (sha256(text) !== hash) {
            return false;
        }
    }
    return true;
}

/**
 * Builds the bundle of scripts/cli/<command>/command.ts. Sources are read by the plugin below, which hashes
 * exactly the text it hands to esbuild and gives each module its own __dirname and __filename (code that
 * reads files next to itself keeps working from the cache folder).
 */
async function build(command, cacheDir, root = ROOT) {
    const esbuild = require('esbuild');
    const sources = {};
    const plugin = {
        name: 'warden-sources',
        setup(pluginBuild) {
            pluginBuild.onLoad({ filter: /.*/ }, (args) => {
                const loader = LOADERS[extname(args.path)];
                if (!loader) {
                    throw new Error(`no loader for ${args.path}`);
                }
                const raw = readFileSync(args.path);
                sources[relative(root, args.path)] = sha256(raw);
                let contents = raw.toString('utf8');
                if (loader !== 'json') {
                    contents = contents
                        .replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path)))
                        .replace(/\b__filename\b/g, JSON.stringify(args.path));
                }
                return { contents, loader };
            });
        }
    };
    const result = await esbuild.build({
        entryPoints: [join(root, 'scripts', 'cli', command, 'command.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: `node${process.versions.node.split('.')[0]}`,
        packages: 'external',
        write: false,
        metafile: true,
        logLevel: 'silent',
        // npm packages resolve from the project, wherever the cache folder is.
        banner: {
            js: `var require = require('node:module').createRequire(${JSON.stringify(join(root, 'scripts', 'cli', 'main.ts'))});`
        },
        plugins: [plugin]
    });
    for (const input of Object.keys(result.metafile.inputs)) {
        if (!(relative(root, resolve(root, input)) in sources)) {
            throw new Error(`${input} was read without being hashed`);
        }
    }
    const code = result.outputFiles[0].contents;
    const name = `${command}-${sha256(code).slice(0, 16)}.cjs`;
    mkdirSync(cacheDir, { recursive: true });
    // Written under temporary names and renamed: a process that reads the cache at the same moment sees
    // the old manifest or the new one, never a half-written file.
    const temp = `.${process.pid}-${Date.now()}`;
    writeFileSync(join(cacheDir, name + temp), code);
    renameSync(join(cacheDir, name + temp), join(cacheDir, name));
    const manifest = { toolchain: toolchainKey(), bundle: name, sources };
    const manifestFile = join(cacheDir, `${command}.json`);
    writeFileSync(manifestFile + temp, JSON.stringify(manifest, null, 1));
    renameSync(manifestFile + temp, manifestFile);
    pruneBundles(command, cacheDir, name);
    return manifest;
}

/**
 * Deletes this command's earlier bundles (and their code caches) once they are an hour old (a process that read the previous
 * manifest a moment ago may still be about to load its bundle).
 */
function pruneBundles(command, cacheDir, keep) {
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const file of readdirSync(cacheDir)) {
        const bundle = file.endsWith('.v8cache') ? file.slice(0, -'.v8cache'.length) : file;
        if (bundle !== keep && bundle.startsWith(`${command}-`) && bundle.endsWith('.cjs')) {
            try {
                if (statSync(join(cacheDir, file)).mtimeMs < cutoff) {
                    unlinkSync(join(cacheDir, file));
                }
            } catch {
                // Another process removed it first.
            }
        }
    }
}

/**
 * The command object of a bundled command, or null when it is not bundled, bundling is turned off, or
 * the bundle cannot be built or loaded (then the caller uses tsx).
 */
async function loadBundledCommand(command, cacheDir = defaultCacheDir()) {
    if (!BUNDLED_COMMANDS.has(command) || process.env.WARDEN_CLI_BUNDLE === '0') {
        return null;
    }
    try {
        let manifest = null;
        try {
            manifest = JSON.parse(readFileSync(join(cacheDir, `${command}.json`), 'utf8'));
        } catch {
            manifest = null;
        }
        if (!isFresh(manifest)) {
            manifest = await build(command, cacheDir);
        }
        return loadBundle(join(cacheDir, manifest.bundle));
    } catch (error) {
        if (process.env.WARDEN_DEBUG) {
            process.stderr.write(`warden: no bundle for ${command} (${error && error.message}); using tsx\n`);
        }
        return null;
    }
}

/**
 * Loads a bundle as CommonJS through vm.Script with V8's code cache kept beside it (`.v8cache`), the way
 * Node 22's module compile cache works: the functions compiled during a run are saved after the command
 * returns, so the next run does not parse and compile them again. V8 checks the cache against the source
 * and its own version and flags, and ignores one that does not match; then a new one is written.
 */
function loadBundle(file) {
    const cacheFile = `${file}.v8cache`;
    let cachedData;
    try {
        cachedData = readFileSync(cacheFile);
    } catch {
        cachedData = undefined;
    }
    const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    const loaded = { exports: {} };
    script.runInThisContext().call(loaded.exports, loaded.exports, require, loaded, file, dirname(file));
    const command = loaded.exports.command;
    if (!command || typeof command.run !== 'function') {
        return null;
    }
    const saveCache = !cachedData || script.cachedDataRejected;
    return {
        ...command,
        run: async (args) => {
            const code = await command.run(args);
            if (saveCache) {
                try {
                    const temp = `${cacheFile}.${process.pid}-${Date.now()}`;
                    writeFileSync(temp, script.createCachedData());
                    renameSync(temp, cacheFile);
                } catch {
                    // A read-only cache folder: the next run compiles again.
                }
            }
            return code;
        }
    };
}

module.exports = { BUNDLED_COMMANDS, build, isFresh, loadBundledCommand, toolchainKey };
