/**
 * The `warden deploy` run: read the org, plan, ask, apply step by step, verify. Everything the run
 * touches outside the org (output, prompt, clock, sleep, environment) comes in through DeployIo, so
 * the tests drive the same code an admin runs.
 */
import { homedir } from 'node:os';
import { connect, Credentials, resolveCredentials } from '../org/auth';
import { OrgClient } from '../org/client';
import { OrgError, toOrgError } from '../org/errors';
import { defaultRetryPolicy, RetryPolicy } from '../org/retry';
import { KeySource } from '../org/sf-cli-store';
import { findProjectRoot, loadProject } from '../lib/project';
import { DeployConfig, JOB_KEYS, JobKey, loadConfig, parseAssignment } from './config';
import { JOBS } from './components';
import { OrgFacts, readOrgFacts } from './facts';
import { describeOrg, progressLine, renderPlan, renderResults } from './render';
import { buildPackageSource, PackageSource } from './source';
import {
    changeDataCaptureStep,
    eventSubscriberStep,
    realTimeEventsStep,
    transactionSecurityStep
} from './steps/monitoring';
import { DeployFailedError, packageStep } from './steps/package';
import { permissionsStep } from './steps/permissions';
import { schedulesStep } from './steps/schedules';
import {
    DeployContext,
    plan as makePlan,
    result as makeResult,
    Step,
    StepId,
    StepPlan,
    StepResult,
    STEP_IDS
} from './steps/types';

export const STEPS: Step[] = [
    packageStep,
    permissionsStep,
    eventSubscriberStep,
    realTimeEventsStep,
    transactionSecurityStep,
    changeDataCaptureStep,
    schedulesStep
];

export type DeployOptions = {
    targetOrg?: string;
    jwtKeyFile?: string;
    clientId?: string;
    username?: string;
    loginUrl?: string;
    apiVersion?: string;
    configPath?: string;
    assign: string[];
    skip: StepId[];
    require: StepId[];
    dryRun: boolean;
    yes: boolean;
    json: boolean;
    checkOnly: boolean;
    testLevel?: string;
    waitMinutes: number;
    projectDir?: string;
};

export type DeployIo = {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Whether stdin is a terminal a person can answer a prompt on. */
    interactive: boolean;
    /** Whether stderr is a terminal (progress bar redraws in place). */
    progressTty: boolean;
    confirm: (question: string) => Promise<boolean>;
    env: NodeJS.ProcessEnv;
    homeDir?: string;
    platform?: NodeJS.Platform;
    keySources?: KeySource[];
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    now?: () => Date;
    requestTimeoutMs?: number;
    pollIntervalMs?: number;
};

export type DeployReport = {
    org?: Record<string, unknown>;
    plan: StepPlan[];
    results: StepResult[];
    verification: Record<string, string>;
    exitCode: number;
    error?: string;
};

function summariseFacts(facts: OrgFacts): Record<string, unknown> {
    return {
        id: facts.org.id,
        name: facts.org.name,
        edition: facts.org.edition,
        sandbox: facts.org.isSandbox,
        instanceUrl: facts.instanceUrl,
        apiVersion: facts.apiVersion,
        newestApiVersion: facts.newestApiVersion,
        user: facts.user.username,
        permissions: facts.user.permissions,
        shield: facts.shield,
        realTimeObjects: facts.realTimeObjects,
        changeDataCapture: facts.changeEventObjects.length > 0,
        release: facts.release,
        managedPackage: facts.managedPackage,
        holders: facts.holders,
        dailyApiRequests: facts.dailyApiRequests
    };
}

const OK_BLOCKERS = new Set(['licence', 'dependency']);

/** 0 when everything asked for is in place or honestly unavailable; 1 otherwise. */
export function exitCodeFor(
    entries: Array<StepPlan | StepResult>,
    required: Set<StepId>,
    verificationFailed: boolean
): number {
    for (const entry of entries) {
        if (entry.status === 'failed' || entry.problems.length > 0) return 1;
        if (entry.status === 'unavailable' && !OK_BLOCKERS.has(entry.blocker ?? '')) return 1;
        if ((entry.status === 'unavailable' || entry.status === 'skipped') && required.has(entry.id)) return 1;
    }
    return verificationFailed ? 1 : 0;
}

function strip(planEntry: StepPlan): StepPlan {
    const { data: _data, ...rest } = planEntry;
    return { ...rest };
}

export async function runDeploy(options: DeployOptions, io: DeployIo): Promise<number> {
    const report: DeployReport = { plan: [], results: [], verification: {}, exitCode: 0 };
    const say = (text: string): void => {
        if (!options.json) io.stdout(text + '\n');
    };
    const finish = (code: number, error?: string): number => {
        report.exitCode = code;
        if (error) report.error = error;
        if (options.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
        else if (error) io.stderr(`warden deploy: ${error}\n`);
        return code;
    };

    let config: DeployConfig;
    let source: PackageSource;
    let client: OrgClient;
    const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = io.now ?? (() => new Date());
    const retry: RetryPolicy = defaultRetryPolicy({
        sleep,
        random: io.random ?? Math.random,
        onRetry: (event) =>
            io.stderr(
                `  retrying ${event.label} in ${(event.delayMs / 1000).toFixed(1)}s (attempt ${event.attempt + 1}): ${event.error.message}\n`
            )
    });
    try {
        const root = findProjectRoot(options.projectDir ?? process.cwd());
        const project = loadProject(root);
        config = loadConfig(root, options.configPath);
        config.assignments.push(...options.assign.map(parseAssignment));
        source = await buildPackageSource(project);
        const credentials: Credentials = await resolveCredentials(
            {
                targetOrg: options.targetOrg,
                jwtKeyFile: options.jwtKeyFile,
                clientId: options.clientId,
                username: options.username,
                loginUrl: options.loginUrl
            },
            { env: io.env, homeDir: io.homeDir ?? homedir(), platform: io.platform, keySources: io.keySources }
        );
        client = await connect(credentials, {
            apiVersion: options.apiVersion ?? (project.sourceApiVersion || '62.0'),
            retry,
            requestTimeoutMs: io.requestTimeoutMs,
            warn: (message) => io.stderr(`warning: ${message}\n`)
        });
    } catch (thrown) {
        const error = thrown instanceof OrgError ? thrown : toOrgError(thrown, 'prepare');
        return finish(2, error instanceof OrgError ? error.describe() : String(thrown));
    }

    const jobClasses = Object.fromEntries(JOB_KEYS.map((key) => [key, JOBS[key].className])) as Record<JobKey, string>;
    let lastProgress = '';
    const ctx: DeployContext = {
        client,
        facts: undefined as unknown as OrgFacts,
        config,
        source,
        skipped: new Set(options.checkOnly ? STEP_IDS.filter((id) => id !== 'package') : options.skip),
        options: {
            checkOnly: options.checkOnly,
            testLevel: options.testLevel,
            waitMs: options.waitMinutes * 60000,
            pollIntervalMs: io.pollIntervalMs ?? 2000
        },
        sleep,
        now,
        jobClasses,
        onDeployProgress: (status) => {
            if (options.json) return;
            const line = progressLine(status);
            if (io.progressTty) {
                io.stderr(`\r${line}${status.done ? '\n' : ''}`);
            } else if (line !== lastProgress) {
                io.stderr(`${line}\n`);
            }
            lastProgress = line;
        }
    };
    const names = { apexClasses: source.apexClasses, apexTriggers: source.apexTriggers };
    const skipReason = (id: StepId): string =>
        options.checkOnly && id !== 'package' ? '--check-only validates the package only' : `--skip ${id}`;

    // ---------------------------------------------------------------- plan
    const plans: StepPlan[] = [];
    try {
        ctx.facts = await readOrgFacts(client, names);
        report.org = summariseFacts(ctx.facts);
        for (const step of STEPS) {
            plans.push(
                ctx.skipped.has(step.id)
                    ? makePlan(step, 'skipped', { reason: skipReason(step.id) })
                    : await step.inspect(ctx, 'plan')
            );
        }
    } catch (thrown) {
        const error = toOrgError(thrown, 'read the org', client.secrets());
        report.plan = plans.map(strip);
        return finish(1, `${error.describe()}\nNothing was changed.`);
    }
    report.plan = plans.map(strip);
    say(describeOrg(ctx.facts, source));
    say('');
    say(`Plan${options.dryRun ? ' (dry run: nothing will be changed)' : ''}:`);
    say(renderPlan(plans));
    const required = new Set<StepId>(options.require);
    const planCode = exitCodeFor(plans, required, false);

    if (options.dryRun) {
        return finish(planCode);
    }
    const pending = plans.filter((p) => p.status === 'create' || p.status === 'update');
    if (pending.length === 0) {
        say('');
        say('Nothing to change: the org already matches.');
        report.results = plans.map((p) =>
            makeResult(p, p.status === 'unchanged' ? 'unchanged' : p.status === 'skipped' ? 'skipped' : 'unavailable')
        );
        for (const p of plans) report.verification[p.id] = p.status === 'unchanged' ? 'yes' : p.status;
        return finish(planCode);
    }
    if (!options.yes) {
        if (!io.interactive) {
            return finish(
                2,
                'Not applied: stdin is not a terminal, so pass --yes to apply the plan above (or --dry-run to only plan).'
            );
        }
        const answer = await io.confirm(
            `Apply ${pending.length} step(s) to ${ctx.facts.org.name} (${ctx.facts.instanceUrl})? [y/N] `
        );
        if (!answer) {
            say('Not applied.');
            return finish(1);
        }
    }

    // ---------------------------------------------------------------- apply
    say('');
    say('Applying:');
    const results: StepResult[] = [];
    let stopped: string | undefined;
    for (const [index, step] of STEPS.entries()) {
        const planned = plans[index];
        if (stopped) {
            results.push(makeResult(planned, 'skipped', { reason: stopped, details: [] }));
            continue;
        }
        if (planned.status === 'skipped') {
            results.push(makeResult(planned, 'skipped'));
            continue;
        }
        say(`- ${step.title}`);
        try {
            const fresh = await step.inspect(ctx, 'apply');
            let outcome: StepResult;
            if (fresh.status === 'create' || fresh.status === 'update') {
                outcome = await step.write(ctx, fresh);
            } else {
                outcome = makeResult(
                    fresh,
                    fresh.status === 'unchanged' ? 'unchanged' : fresh.status === 'skipped' ? 'skipped' : 'unavailable'
                );
            }
            results.push(outcome);
            if (step.id === 'package' && (outcome.status === 'created' || outcome.status === 'updated')) {
                // Later steps need the components the deploy just created.
                ctx.facts = await readOrgFacts(client, names);
            }
        } catch (thrown) {
            if (thrown instanceof DeployFailedError) {
                for (const line of thrown.lines) io.stderr(`  ${line}\n`);
                results.push(
                    makeResult(planned, 'failed', {
                        reason: thrown.message,
                        remedy: thrown.remedy,
                        details: thrown.lines
                    })
                );
                stopped = 'not run because the package deploy failed';
                continue;
            }
            const error = toOrgError(thrown, step.title, client.secrets());
            results.push(
                makeResult(planned, 'failed', {
                    reason: error.message,
                    remedy: error.remedy,
                    blocker: error.kind === 'access' || error.kind === 'metadata-access' ? 'permission' : undefined
                })
            );
            if (
                error.kind === 'session' ||
                error.kind === 'network' ||
                error.kind === 'timeout' ||
                error.kind === 'limit' ||
                error.kind === 'unavailable'
            ) {
                stopped = `not run after: ${error.message}`;
            }
        }
    }
    report.results = results;

    // ---------------------------------------------------------------- verify
    const verified = new Map<string, string>();
    let verificationFailed = false;
    if (!stopped) {
        try {
            ctx.facts = await readOrgFacts(client, names);
            report.org = summariseFacts(ctx.facts);
            for (const [index, step] of STEPS.entries()) {
                const outcome = results[index];
                if (outcome.status === 'skipped') {
                    verified.set(step.id, '-');
                    continue;
                }
                const check = await step.inspect(ctx, 'apply');
                const expected =
                    options.checkOnly && step.id === 'package'
                        ? check.status !== 'unavailable'
                        : check.status === 'unchanged';
                const label = expected
                    ? 'yes'
                    : check.status === 'unavailable' || outcome.status === 'unavailable'
                      ? 'unavailable'
                      : `no (${check.status})`;
                verified.set(step.id, label);
                if (!expected && outcome.status !== 'unavailable' && outcome.status !== 'failed')
                    verificationFailed = true;
            }
        } catch (thrown) {
            const error = toOrgError(thrown, 'verify', client.secrets());
            io.stderr(`warden deploy: verification could not read the org: ${error.message}\n`);
            verificationFailed = true;
        }
    }
    report.verification = Object.fromEntries(verified);
    say('');
    say('Result:');
    say(renderResults(results, verified));
    const code = exitCodeFor(results, required, verificationFailed);
    if (stopped) {
        say('');
        say('The run stopped early. Re-running warden deploy is safe: every step checks the org before it writes.');
    }
    return finish(code);
}
