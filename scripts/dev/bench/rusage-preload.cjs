'use strict';
// Preloaded by bench:redact (node --require) into the command it measures: on exit, writes the process's own
// peak resident memory and CPU time to stderr as one marked JSON line, so the bench needs no /usr/bin/time.
const { writeSync } = require('node:fs');

process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeSync(2, `\n@@warden-bench-rusage ${JSON.stringify({ maxRSS, userCPUTime, systemCPUTime })}\n`);
});
