/**
 * `warden check`: the offline verification pipeline behind `npm test`. Parses the options, picks
 * the steps and hands them to the orchestrator in ./run.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { helpText, list, parseCommandLine, type CommandLine } from '../../cli/lib/args';
import type { Command } from '../../cli/lib/command';
import { UsageError } from '../../cli/lib/errors';
import { findProjectRoot } from '../../cli/lib/project';
import { runChecks, selectSteps } from './run';
import { CHECK_STEPS } from './steps';

const LINE = {
    name: 'warden check',
    summary: [
        'Runs the offline checks in order and ends with one line "N passed, N failed".',
        'Exit code 0 only when nothing failed; 2 on a usage error.'
    ].join('\n'),
    options: {
        only: { type: 'string', multiple: true, value: 'a,b', description: 'run only these steps' },
        skip: { type: 'string', multiple: true, value: 'a,b', description: 'run all steps but these' },
        list: { type: 'boolean', description: 'print the steps and exit' },
        root: {
            type: 'string',
            value: '<dir>',
            description: 'the SFDX project to check (default: the one holding the current folder)'
        },
        json: { type: 'string', value: '<file>', description: 'also write the results as JSON to <file>' },
        targets: {
            type: 'string',
            multiple: true,
            value: 'a,b',
            description: 'pmd and sfge: analyse only these files or folders (the whole project stays the workspace)'
        }
    }
} as const satisfies CommandLine;

export const command: Command = {
    summary: 'Run the offline checks (types, lint, format, Apex, PMD, LWC, metadata, deployability, Jest)',
    async run(args: string[]): Promise<number> {
        let options;
        let steps;
        try {
            options = parseCommandLine(args, LINE).values;
            steps = selectSteps(CHECK_STEPS, { only: list(options.only), skip: list(options.skip) });
        } catch (error) {
            if (error instanceof UsageError) {
                process.stderr.write(`${error.message}\n\n${helpText(LINE)}`);
                return 2;
            }
            throw error;
        }
        if (options.help) {
            process.stdout.write(helpText(LINE));
            return 0;
        }
        if (options.list) {
            const width = Math.max(...CHECK_STEPS.map((step) => step.name.length));
            for (const step of CHECK_STEPS) {
                const optIn = step.optIn ? ' (opt-in: runs only with --only)' : '';
                process.stdout.write(`${step.name.padEnd(width)}  ${step.description}${optIn}\n`);
            }
            return 0;
        }
        const root = options.root ? resolve(options.root) : findProjectRoot();
        const report = await runChecks(
            steps,
            { root, targets: options.targets ? list(options.targets) : undefined },
            {
                write: (line) => process.stdout.write(`${line}\n`),
                progress: process.stderr.isTTY ? (line) => process.stderr.write(`${line}\n`) : undefined
            }
        );
        if (options.json) {
            const json = {
                root,
                passed: report.passed,
                failed: report.failed,
                steps: report.outcomes.map((outcome) => ({
                    name: outcome.name,
                    durationMs: Math.round(outcome.durationMs),
                    crashed: outcome.crashed,
                    ...outcome.result
                }))
            };
            writeFileSync(resolve(options.json), `${JSON.stringify(json, null, 2)}\n`);
        }
        return report.exitCode;
    }
};
