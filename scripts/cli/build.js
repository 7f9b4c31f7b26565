#!/usr/bin/env node
// Compiles the shipped `warden` CLI into one CommonJS file, .warden/cli/warden.cjs: scripts/cli/main.ts
// and every module it imports (the LWC service modules under force-app included), with npm packages and
// Node's own modules left as require() calls. `npm run build:cli` runs this file; so do `prepare` (npm ci)
// and `prepack`, and the launcher (warden.js) when a source in a checkout is newer than the bundle.
// Plain JavaScript, so the launcher can use it without a TypeScript loader.
'use strict';
const { mkdirSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
/** Where the bundle goes, relative to the project root (.warden/ is the project's ignored build folder). */
const BUNDLE = join('.warden', 'cli', 'warden.cjs');
/** The oldest Node the package supports (package.json engines): the bundle's syntax target. */
const TARGET = 'node20';

/** The bundle's path for a project root. */
function bundlePath(root = ROOT) {
    return join(root, BUNDLE);
}

/** True when esbuild can be loaded (a checkout with its devDependencies installed). */
function canBuild() {
    try {
        require.resolve('esbuild');
        return true;
    } catch {
        return false;
    }
}

/**
 * Builds the bundle of `root`/scripts/cli/main.ts and returns esbuild's metafile (inputs relative to
 * root; the `build` check reads its external imports). Written under a temporary name and renamed, so a
 * process starting at that moment loads the old bundle or the new one, never half of one. Its time is
 * set to when the build started: a source saved during the build is newer, and triggers the next one.
 */
function buildCli(root = ROOT) {
    const started = new Date();
    const result = require('esbuild').buildSync({
        absWorkingDir: root,
        entryPoints: [join(root, 'scripts', 'cli', 'main.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: TARGET,
        packages: 'external',
        write: false,
        metafile: true,
        logLevel: 'silent'
    });
    const file = bundlePath(root);
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0].contents);
    utimesSync(temp, started, started);
    renameSync(temp, file);
    return result.metafile;
}

/**
 * The newest modification time (ms) among the CLI's sources: the files and folders under scripts/cli and
 * the LWC service modules' folders and TypeScript (force-app/<package>/<feature>/lwc/<module>/*.ts), tests
 * aside. Folders count because adding or removing a file changes its folder's time. Only times are read,
 * no contents, and only these folders (not the rest of force-app): this runs on every start in a checkout.
 */
function newestSource(root = ROOT) {
    let newest = 0;
    const list = (dir) => {
        try {
            const entries = readdirSync(dir, { withFileTypes: true });
            newest = Math.max(newest, statSync(dir).mtimeMs);
            return entries;
        } catch {
            return []; // a missing folder has nothing newer
        }
    };
    const folders = (dir) =>
        list(dir)
            .filter((entry) => entry.isDirectory() && entry.name !== '__tests__')
            .map((entry) => join(dir, entry.name));
    const newer = (dir, keep) => {
        for (const entry of list(dir)) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== '__tests__') {
                    newer(path, keep);
                }
            } else if (keep(entry.name)) {
                newest = Math.max(newest, statSync(path).mtimeMs);
            }
        }
    };
    newer(join(root, 'scripts', 'cli'), () => true);
    for (const pkg of folders(join(root, 'force-app'))) {
        for (const feature of folders(pkg)) {
            for (const module of readdirSync(feature).includes('lwc') ? folders(join(feature, 'lwc')) : []) {
                newer(module, (name) => name.endsWith('.ts'));
            }
        }
    }
    return newest;
}

/** True when the bundle is missing or older than a source. */
function isStale(root = ROOT) {
    let built;
    try {
        built = statSync(bundlePath(root)).mtimeMs;
    } catch {
        return true;
    }
    return newestSource(root) > built;
}

module.exports = { BUNDLE, bundlePath, buildCli, canBuild, isStale, newestSource };

if (require.main === module) {
    try {
        const started = Date.now();
        const metafile = buildCli();
        const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
        process.stdout.write(
            `Built ${BUNDLE} (${Math.round(bytes / 1024)} KiB from ${Object.keys(metafile.inputs).length} modules) in ${Date.now() - started} ms\n`
        );
    } catch (error) {
        process.stderr.write(`build:cli: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 1;
    }
}
