/**
 * `warden deploy`: installs Warden into an org and configures its monitoring, after showing what it
 * will change; `warden deploy report|resume --job-id <id>` follows a package deploy that is still
 * running, as `sf project deploy report|resume` do. Argument parsing only; the runs are in run.ts and
 * job.ts.
 */
import { createInterface } from 'node:readline/promises';
import { atCommandEdge, list, parseCommandLine, type CommandLine } from '../lib/args';
import type { Command } from '../lib/command';
import { UsageError } from '../lib/errors';
import { AUTH_OPTIONS, authFlags, positiveNumber } from '../org/auth-flags';
import { runJob } from './job';
import { runDeploy, DeployIo, DeployOptions } from './run';
import { StepId, STEP_IDS } from './steps/types';

const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'];

const ACTIONS = ['report', 'resume'] as const;
export type DeployAction = 'start' | (typeof ACTIONS)[number];

export const LINE = {
    name: 'warden deploy',
    operands: '[report|resume]',
    positionals: { max: 1 },
    summary: [
        'Installs the Warden package into an org and configures platform event monitoring. It reads the',
        'org first and prints a plan (create / update / unchanged / unavailable, and why); it changes',
        'nothing without your yes. Every step checks the org before it writes, so re-running is safe.',
        '`warden deploy report --job-id <id>` shows a package deploy started earlier (--async, or past',
        '--wait); `warden deploy resume --job-id <id>` waits for it to end.'
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
        wait: {
            type: 'string',
            value: '<minutes>',
            description:
                'how long the whole run may take, the package deploy included (default 60); a deploy still running then goes on in the org, with its job id printed'
        },
        async: {
            type: 'boolean',
            description: 'start the package deploy, print its job id and stop (follow it with report or resume)'
        },
        'job-id': {
            type: 'string',
            short: 'i',
            value: '<id>',
            description: 'the deploy job to report on or resume (0Af...)'
        },
        json: { type: 'boolean', description: 'print the plan and results as JSON' }
    },
    epilogue: [
        'Exit codes: 0 done (unavailable licences reported; --async: the deploy started), 1 a step failed',
        'or needs action (a deploy still running at the end of --wait), 2 bad arguments, configuration or',
        'credentials (an expired session that could not be refreshed, a URL that is not https). See docs/deploy.md.'
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

export function parseDeployArgs(
    args: string[]
): DeployOptions & { help: boolean; action: DeployAction; jobId?: string } {
    const { values, positionals } = parseCommandLine(args, LINE);
    const waitMinutes = values.wait === undefined ? 60 : positiveNumber(LINE.name, 'wait', values.wait);
    const action = (positionals[0] ?? 'start') as DeployAction;
    if (action !== 'start' && !ACTIONS.includes(action)) {
        throw new UsageError(`${LINE.name}: unknown action "${action}"; actions are ${ACTIONS.join(' and ')}`);
    }
    const jobId = values['job-id'];
    if (action !== 'start' && !jobId) {
        throw new UsageError(
            `${LINE.name} ${action}: --job-id <id> is required (the id printed when the deploy started)`
        );
    }
    if (action === 'start' && jobId) {
        throw new UsageError(`${LINE.name}: --job-id is for \`warden deploy report\` and \`warden deploy resume\``);
    }
    if (jobId !== undefined && !/^0Af[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(jobId)) {
        throw new UsageError(
            `${LINE.name}: --job-id ${jobId}: a deploy job id is 15 or 18 characters starting with 0Af`
        );
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
        ...(values.async ? { async: true } : {}),
        action,
        ...(jobId ? { jobId } : {}),
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
        const options = atCommandEdge(LINE, () => parseDeployArgs(args));
        if (typeof options === 'number') return options;
        const io: DeployIo = {
            stdout: (text) => void process.stdout.write(text),
            stderr: (text) => void process.stderr.write(text),
            interactive: Boolean(process.stdin.isTTY),
            progressTty: Boolean(process.stderr.isTTY),
            confirm: ask,
            env: process.env
        };
        return options.jobId
            ? runJob(options.action === 'resume' ? 'resume' : 'report', options.jobId, options, io)
            : runDeploy(options, io);
    }
};
