/**
 * `warden deploy`: installs Warden into an org and configures its monitoring, after showing what it
 * will change. Argument parsing only; the run itself is in run.ts.
 */
import { createInterface } from 'node:readline/promises';
import { helpText, list, parseCommandLine, type CommandLine } from '../lib/args';
import type { Command } from '../lib/command';
import { UsageError } from '../lib/errors';
import { AUTH_OPTIONS, authFlags } from '../org/auth-flags';
import { runDeploy, DeployOptions } from './run';
import { StepId, STEP_IDS } from './steps/types';

const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'];

export const LINE = {
    name: 'warden deploy',
    summary: [
        'Installs the Warden package into an org and configures platform event monitoring. It reads the',
        'org first and prints a plan (create / update / unchanged / unavailable, and why); it changes',
        'nothing without your yes. Every step checks the org before it writes, so re-running is safe.'
    ].join('\n'),
    options: {
        ...AUTH_OPTIONS,
        'dry-run': { type: 'boolean', description: 'print the plan and stop' },
        yes: {
            type: 'boolean',
            short: 'y',
            description: 'apply without asking (required when stdin is not a terminal)'
        },
        skip: {
            type: 'string',
            multiple: true,
            value: '<step>',
            description: `leave steps out (comma-separated): ${STEP_IDS.join(', ')}`
        },
        require: {
            type: 'string',
            multiple: true,
            value: '<step|all>',
            description:
                'fail when this step is unavailable (by default an unavailable licence, such as Shield, is reported and the run still succeeds)'
        },
        assign: {
            type: 'string',
            multiple: true,
            value: '<Set=user>',
            description: 'assign a permission set, e.g. --assign WardenAdmin=ada@example.org'
        },
        config: {
            type: 'string',
            value: '<file>',
            description: 'configuration (default: warden.deploy.json at the project root)'
        },
        'check-only': { type: 'boolean', description: 'validate the package deploy without saving anything' },
        'test-level': {
            type: 'string',
            value: '<level>',
            description: "tests to run (default: Warden's tests in production, none in sandboxes)",
            choices: TEST_LEVELS
        },
        wait: { type: 'string', value: '<minutes>', description: 'how long to wait for the deploy (default 60)' },
        json: { type: 'boolean', description: 'print the plan and results as JSON' }
    },
    epilogue: [
        'Exit codes: 0 done (unavailable licences reported), 1 a step failed or needs action,',
        '2 bad arguments, configuration or credentials. See docs/deploy.md.'
    ]
} as const satisfies CommandLine;

/** Step names given to --skip or --require (comma lists allowed; `all` for --require). */
function steps(values: ReadonlyArray<string> | undefined, option: 'skip' | 'require'): StepId[] {
    return list(values).flatMap((id) => {
        if (option === 'require' && id === 'all') return [...STEP_IDS];
        if (!STEP_IDS.includes(id as StepId)) {
            throw new UsageError(`${LINE.name}: --${option} ${id}: unknown step; steps are ${STEP_IDS.join(', ')}`);
        }
        return [id as StepId];
    });
}

export function parseDeployArgs(args: string[]): DeployOptions & { help: boolean } {
    const { values } = parseCommandLine(args, LINE);
    let waitMinutes = 60;
    if (values.wait !== undefined) {
        waitMinutes = Number(values.wait);
        if (!Number.isFinite(waitMinutes) || waitMinutes <= 0) {
            throw new UsageError(`${LINE.name}: --wait needs a number of minutes (got "${values.wait}")`);
        }
    }
    return {
        ...authFlags(LINE.name, values),
        configPath: values.config,
        assign: [...(values.assign ?? [])],
        skip: steps(values.skip, 'skip'),
        require: steps(values.require, 'require'),
        dryRun: values['dry-run'] ?? false,
        yes: values.yes ?? false,
        json: values.json ?? false,
        checkOnly: values['check-only'] ?? false,
        testLevel: values['test-level'],
        waitMinutes,
        help: values.help ?? false
    };
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
            if (!(error instanceof UsageError)) throw error;
            process.stderr.write(`${error.message}\n\n${helpText(LINE)}`);
            return 2;
        }
        if (options.help) {
            process.stdout.write(helpText(LINE));
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
