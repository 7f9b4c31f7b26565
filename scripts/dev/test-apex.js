#!/usr/bin/env node
// `npm run test:apex -- --target-org <alias> [--deploy]`: runs Warden's Apex tests in a real org
// through the Salesforce CLI. With --deploy it first deploys force-app/main and the test-only
// force-app/tests to that org (use a scratch org or sandbox, never production).
'use strict';
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const targetIndex = args.findIndex((arg) => arg === '--target-org' || arg === '-o');
const target = targetIndex >= 0 ? args[targetIndex + 1] : undefined;
if (!target) {
    process.stderr.write(
        'Usage: npm run test:apex -- --target-org <alias|username> [--deploy]\n' +
            'Runs the Apex tests of force-app/tests in that org. Apex cannot run without an org.\n'
    );
    process.exit(2);
}

function sf(sfArgs) {
    const result = spawnSync('sf', sfArgs, { stdio: 'inherit' });
    if (result.error && result.error.code === 'ENOENT') {
        process.stderr.write(
            'The Salesforce CLI (`sf`) is not installed. Install it with `npm install --global @salesforce/cli`\n' +
                '(current releases need Node 22 or later), authorise the org with `sf org login web --alias <alias>`,\n' +
                'then run this command again.\n'
        );
        process.exit(2);
    }
    return result.status === null ? 1 : result.status;
}

if (args.includes('--deploy')) {
    const status = sf([
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app/main',
        '--source-dir',
        'force-app/tests',
        '--target-org',
        target,
        '--wait',
        '30'
    ]);
    if (status !== 0) {
        process.exit(status);
    }
}
process.exit(
    sf([
        'apex',
        'run',
        'test',
        '--target-org',
        target,
        '--test-level',
        'RunLocalTests',
        '--code-coverage',
        '--result-format',
        'human',
        '--wait',
        '30'
    ])
);
