#!/usr/bin/env node
// Entry point of the `warden` command. scan, verify and redact run from a cached bundle of their
// TypeScript (cli-bundle.js: faster to start); every command can run through tsx's CommonJS hook,
// which is the fallback when there is no bundle and the path for WARDEN_CLI_BUNDLE=0. A scan of a large
// project first starts again with a V8 thread pool sized for the machine (v8-pool.js).
'use strict';

function report(promise) {
    promise
        .then((code) => {
            process.exitCode = code;
        })
        .catch((error) => {
            process.stderr.write(`warden: ${error && error.message ? error.message : String(error)}\n`);
            process.exitCode = 2;
        });
}

const argv = process.argv.slice(2);
if (process.env.WARDEN_DEBUG && process.execArgv.length > 0) {
    process.stderr.write(`warden: node options ${process.execArgv.join(' ')}\n`);
}
const pool = require('./v8-pool');
const relaunched = pool.needsRelaunch(argv, process.execArgv, process.env, process.cwd())
    ? pool.relaunch(__filename, argv)
    : null;
if (relaunched !== null) {
    process.exitCode = relaunched;
} else {
    report(
        (argv.length > 0 ? require('./cli-bundle').loadBundledCommand(argv[0]) : Promise.resolve(null)).then(
            (bundled) => {
                if (bundled) {
                    return bundled.run(argv.slice(1));
                }
                // The LWC modules the commands share import each other as `c/<name>`, resolved by the project's
                // tsconfig.json paths: tsx reads the tsconfig of the working directory unless told which.
                process.env.TSX_TSCONFIG_PATH ??= require('node:path').join(__dirname, '..', '..', 'tsconfig.json');
                require('tsx/cjs');
                return require('./main.ts').main(argv);
            }
        )
    );
}
