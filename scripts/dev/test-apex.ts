/**
 * `npm run test:apex -- --target-org <alias> [--deploy]`: runs Warden's Apex tests in a real org
 * through the Salesforce CLI. With --deploy it first deploys force-app/main and the test-only
 * force-app/tests to that org (use a scratch org or sandbox, never production).
 */
import { spawnSync } from 'node:child_process';
import { helpText, readCommandLine, type CommandLine } from '../cli/lib/args';

const LINE = {
    name: 'npm run test:apex',
    summary:
        'Runs the Apex tests of force-app/tests in that org (options go after --). Apex cannot run without an org.',
    options: {
        'target-org': {
            type: 'string',
            short: 'o',
            value: '<alias|username>',
            description: 'the org to run the tests in (required)'
        },
        deploy: { type: 'boolean', description: 'first deploy force-app/main and force-app/tests to that org' }
    }
} as const satisfies CommandLine;

const SF_MISSING = [
    'The Salesforce CLI (`sf`) is not installed. Install it with `npm install --global @salesforce/cli`',
    '(current releases need Node 22 or later), authorise the org with `sf org login web --alias <alias>`,',
    'then run this command again.',
    ''
].join('\n');

/** Runs `sf` with the terminal attached; its exit code, or null when `sf` is not installed. */
function sf(args: string[]): number | null {
    const result = spawnSync('sf', args, { stdio: 'inherit' });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
        return null;
    }
    return result.status === null ? 1 : result.status;
}

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const target = parsed.values['target-org'];
    if (!target) {
        process.stderr.write(`${LINE.name}: --target-org is required\n\n${helpText(LINE)}`);
        return 2;
    }
    const deployBoth = [
        ...['project', 'deploy', 'start', '--source-dir', 'force-app/main', '--source-dir', 'force-app/tests'],
        ...['--target-org', target, '--wait', '30']
    ];
    const runTests = [
        ...['apex', 'run', 'test', '--target-org', target, '--test-level', 'RunLocalTests'],
        ...['--code-coverage', '--result-format', 'human', '--wait', '30']
    ];
    const steps = parsed.values.deploy ? [deployBoth, runTests] : [runTests];
    for (const step of steps) {
        const status = sf(step);
        if (status === null) {
            process.stderr.write(SF_MISSING);
            return 2;
        }
        if (status !== 0) {
            return status;
        }
    }
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
