#!/usr/bin/env node
// Entry point of the `warden` command. Runs the compiled CLI, .warden/cli/warden.cjs (see build.js). In a
// checkout, where the TypeScript sources are, a bundle older than a source is built again first; without
// esbuild (devDependencies not installed) the sources run through tsx instead.
// WARDEN_DEBUG=1 says on stderr which of these happened.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function debug(message) {
    if (process.env.WARDEN_DEBUG) {
        process.stderr.write(`warden: ${message}\n`);
    }
}

/** The CLI's `main`, from the bundle, a fresh build of it, or the sources. */
function loadCli() {
    const bundle = join(__dirname, '..', '..', '.warden', 'cli', 'warden.cjs');
    if (existsSync(join(__dirname, 'main.ts'))) {
        const build = require('./build');
        if (build.isStale()) {
            if (!build.canBuild()) {
                debug(
                    'the bundle is missing or older than the sources, and esbuild is not installed: running the sources through tsx'
                );
                // The LWC modules the commands share import each other as `c/<name>`, resolved by the project's
                // tsconfig.json paths: tsx reads the tsconfig of the working directory unless told which.
                process.env.TSX_TSCONFIG_PATH ??= join(__dirname, '..', '..', 'tsconfig.json');
                require('tsx/cjs');
                return require('./main.ts').main;
            }
            const started = Date.now();
            build.buildCli();
            debug(`the bundle was missing or older than the sources: built it in ${Date.now() - started} ms`);
        }
    } else if (!existsSync(bundle)) {
        throw new Error(`${bundle} is missing: this installation of warden is incomplete (npm pack builds it)`);
    }
    return require(bundle).main;
}

const argv = process.argv.slice(2);
if (process.execArgv.length > 0) {
    debug(`node options ${process.execArgv.join(' ')}`);
}
new Promise((resolve) => resolve(loadCli()(argv)))
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        process.stderr.write(`warden: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
