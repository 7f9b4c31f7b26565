// A worker thread of `npm start` (command.ts): generates the demo data set into its cache (demoCache.ts,
// storeDemoData) while the main thread builds the console, so a first start uses both cores. Loads the TypeScript
// sources through tsx, as scripts/dev/run.js does. Receives { root, cacheDir, options } as workerData and answers
// { ms }; a failure ends the thread without an answer (the main thread then generates the set itself).
'use strict';
require('tsx/cjs');
const { parentPort, workerData } = require('node:worker_threads');
const { storeDemoData } = require('./demoCache.ts');

parentPort.postMessage(storeDemoData(workerData.root, workerData.cacheDir, workerData.options));
