#!/usr/bin/env node
// Runs a development tool of this repository from its TypeScript source (scripts/dev/main.ts): `check`
// for `npm test`, `preview` for `npm start`.
'use strict';
require('tsx/cjs');
require('./main.ts')
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
        process.exitCode = 2;
    });
