/**
 * `warden deploy`: installs Warden into an org and configures its monitoring, after showing what it
 * will change. Argument parsing only; the run itself is in run.ts.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from '../lib/command';
import { takeAuthOption } from '../org/auth-flags';
import { runDeploy, DeployOptions } from './run';
import { StepId, STEP_IDS } from './steps/types';

export const USAGE = `Usage: warden deploy [--target-org <alias|username>] [options]

Installs the Warden package into an org and configures platform event monitoring. It reads the
org first and prints a plan (create / update / unchanged / unavailable, and why); it changes
nothing without your yes. Every step checks the org before it writes, so re-running is safe.

Org (one of):
  -o, --target-org <org>   an org you logged in to with the Salesforce CLI (alias or username)
  --jwt-key-file <file>    JWT bearer flow for CI, with --client-id and --username
                           (or SF_JWT_KEY_FILE, SF_CLIENT_ID, SF_USERNAME; --login-url / SF_LOGIN_URL)
  SF_ACCESS_TOKEN + SF_INSTANCE_URL in the environment

Options:
  --dry-run                print the plan and stop
  -y, --yes                apply without asking (required when stdin is not a terminal)
  --skip <step>            leave a step out; repeatable: ${STEP_IDS.join(', ')}
  --require <step|all>     fail when this step is unavailable (by default an unavailable
                           licence, such as Shield, is reported and the run still succeeds)
  --assign <Set=user>      assign a permission set, e.g. --assign WardenAdmin=ada@example.org
  --config <file>          configuration (default: warden.deploy.json at the project root)
  --check-only             validate the package deploy without saving anything
  --test-level <level>     NoTestRun, RunSpecifiedTests, RunLocalTests or RunAllTestsInOrg
                           (default: Warden's tests in production, none in sandboxes)
  --wait <minutes>         how long to wait for the deploy (default 60)
  --api-version <v>        API version (default: sourceApiVersion of sfdx-project.json)
  --json                   print the plan and results as JSON

Exit codes: 0 done (unavailable licences reported), 1 a step failed or needs action,
2 bad arguments, configuration or credentials. See docs/deploy.md.`;

const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'];

export class UsageError extends Error {}

export function parseDeployArgs(args: string[]): DeployOptions & { help: boolean } {
    const options: DeployOptions & { help: boolean } = {
        assign: [],
        skip: [],
        require: [],
        dryRun: false,
        yes: false,
        json: false,
        checkOnly: false,
        waitMinutes: 60,
        help: false
    };
    const steps = (value: string, flag: string): StepId[] =>
        value.split(',').flatMap((part) => {
            const id = part.trim();
            if (flag === '--require' && id === 'all') return [...STEP_IDS];
            if (!STEP_IDS.includes(id as StepId)) {
                throw new UsageError(`${flag} ${id}: unknown step; steps are ${STEP_IDS.join(', ')}`);
            }
            return [id as StepId];
        });
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const [flag, inline] =
            arg.startsWith('--') && arg.includes('=')
                ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
                : [arg, undefined];
        const value = (): string => {
            const v = inline ?? args[++i];
            if (v === undefined || (inline === undefined && v.startsWith('-'))) {
                throw new UsageError(`${flag} needs a value`);
            }
            return v;
        };
        switch (flag) {
            case '-h':
            case '--help':
                options.help = true;
                break;
            case '--config':
                options.configPath = value();
                break;
            case '--assign':
                options.assign.push(value());
                break;
            case '--skip':
                options.skip.push(...steps(value(), '--skip'));
                break;
            case '--require':
                options.require.push(...steps(value(), '--require'));
                break;
            case '--dry-run':
                options.dryRun = true;
                break;
            case '-y':
            case '--yes':
                options.yes = true;
                break;
            case '--json':
                options.json = true;
                break;
            case '--check-only':
                options.checkOnly = true;
                break;
            case '--test-level': {
                const level = value();
                if (!TEST_LEVELS.includes(level))
                    throw new UsageError(`--test-level ${level}: expected one of ${TEST_LEVELS.join(', ')}`);
                options.testLevel = level;
                break;
            }
            case '--wait': {
                const minutes = Number(value());
                if (!Number.isFinite(minutes) || minutes <= 0) throw new UsageError('--wait needs a number of minutes');
                options.waitMinutes = minutes;
                break;
            }
            default:
                if (!takeAuthOption(flag, value, options)) {
                    throw new UsageError(`unknown option ${arg}`);
                }
        }
    }
    return options;
}

async function ask(question: string): Promise<boolean> {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
        return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
        rl.close();
    }
}

export const command: Command = {
    summary: 'install Warden into an org and configure event monitoring',
    async run(args) {
        let options;
        try {
            options = parseDeployArgs(args);
        } catch (error) {
            process.stderr.write(`warden deploy: ${(error as Error).message}\n\n${USAGE}\n`);
            return 2;
        }
        if (options.help) {
            process.stdout.write(USAGE + '\n');
            return 0;
        }
        return runDeploy(options, {
            stdout: (text) => process.stdout.write(text),
            stderr: (text) => process.stderr.write(text),
            interactive: Boolean(process.stdin.isTTY),
            progressTty: Boolean(process.stderr.isTTY),
            confirm: ask,
            env: process.env
        });
    }
};
