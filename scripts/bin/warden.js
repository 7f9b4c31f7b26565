#!/usr/bin/env node
// Entry point of the `warden` command: loads the TypeScript CLI through tsx's CommonJS hook.
'use strict';
require('tsx/cjs');
require('../cli.ts')
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        process.stderr.write(`warden: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
