/**
 * `warden check`: the offline verification pipeline behind `npm test`. Parses the options, picks
 * the steps and hands them to the orchestrator in ./run.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../../cli/lib/command';
import { findProjectRoot } from '../../cli/lib/project';
import { CheckUsageError, runChecks, selectSteps, StepSelection } from './run';
import { CHECK_STEPS } from './steps';

const HELP = `Usage: warden check [--only a,b] [--skip a,b] [--list] [--root <dir>] [--json <file>]

Runs the offline checks in order and ends with one line "N passed, N failed".
Exit code 0 only when nothing failed; 2 on a usage error.

  --only a,b     run only these steps
  --skip a,b     run all steps but these
  --list         print the steps and exit
  --root <dir>   the SFDX project to check (default: the one holding the current folder)
  --json <file>  also write the results as JSON to <file>`;

type Options = StepSelection & { list: boolean; help: boolean; root?: string; json?: string };

function parseArgs(args: string[]): Options {
    const options: Options = { list: false, help: false };
    const names = (value: string | undefined, flag: string): string[] => {
        if (value === undefined || value.startsWith('--')) {
            throw new CheckUsageError(`${flag} needs a comma-separated list of step names`);
        }
        return value
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name.length > 0);
    };
    for (let index = 0; index < args.length; index += 1) {
        const [flag, inline] = args[index].split(/=(.*)/s, 2);
        const value = (): string | undefined => (inline !== undefined ? inline : args[++index]);
        switch (flag) {
            case '--only':
                options.only = [...(options.only ?? []), ...names(value(), flag)];
                break;
            case '--skip':
                options.skip = [...(options.skip ?? []), ...names(value(), flag)];
                break;
            case '--list':
                options.list = true;
                break;
            case '--help':
            case '-h':
                options.help = true;
                break;
            case '--root':
            case '--json': {
                const given = value();
                if (!given || given.startsWith('--')) {
                    throw new CheckUsageError(`${flag} needs a path`);
                }
                options[flag === '--root' ? 'root' : 'json'] = given;
                break;
            }
            default:
                throw new CheckUsageError(`unknown option "${args[index]}"`);
        }
    }
    return options;
}

export const command: Command = {
    summary: 'Run the offline checks (types, lint, format, Apex, PMD, LWC, metadata, deployability, Jest)',
    async run(args: string[]): Promise<number> {
        let options: Options;
        let steps;
        try {
            options = parseArgs(args);
            steps = selectSteps(CHECK_STEPS, options);
        } catch (error) {
            if (error instanceof CheckUsageError) {
                process.stderr.write(`warden check: ${error.message}\n\n${HELP}\n`);
                return 2;
            }
            throw error;
        }
        if (options.help) {
            process.stdout.write(`${HELP}\n`);
            return 0;
        }
        if (options.list) {
            const width = Math.max(...CHECK_STEPS.map((step) => step.name.length));
            for (const step of CHECK_STEPS) {
                process.stdout.write(`${step.name.padEnd(width)}  ${step.description}\n`);
            }
            return 0;
        }
        const root = options.root ? resolve(options.root) : findProjectRoot();
        const report = await runChecks(
            steps,
            { root },
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
