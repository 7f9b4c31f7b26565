// A worker thread of the preview build (build.ts): compiles LWC modules with @lwc/compiler, so that the
// several hundred modules of a fresh build compile on every core instead of one. Plain JavaScript, so that the
// worker starts without the TypeScript loader. Receives { id, source, file, options }, answers { id, code } or
// { id, error }.
'use strict';
const { parentPort } = require('node:worker_threads');
const { transformSync } = require('@lwc/compiler');

parentPort.on('message', ({ id, source, file, options }) => {
    try {
        parentPort.postMessage({ id, code: transformSync(source, file, options).code });
    } catch (error) {
        parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
    }
});
