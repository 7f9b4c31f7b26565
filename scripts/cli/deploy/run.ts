/**
 * The `warden deploy` run: read the org, plan, ask, apply step by step, verify. Everything the run
 * touches outside the org (output, prompt, clock, sleep, environment) comes in through DeployIo, so
 * the tests drive the same code an admin runs.
 */
import { AuthFlags, connect } from '../org/auth';
import { OrgClient } from '../org/client';
import { isCredentialError, OrgError, toOrgError } from '../org/errors';
import { connectOptions, orgSession } from '../org/session';
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
import { encryptionStep } from './steps/encryption';
import { DeployFailedError, packageStep } from './steps/package';
import { permissionsStep } from './steps/permissions';
import { keysStep } from './steps/keys';
import { schedulesStep } from './steps/schedules';
import { checkpointSigningStep } from './steps/signing';
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

/** The run's state shared by its phases. */
type Run = {
    options: DeployOptions;
    io: DeployIo;
    report: DeployReport;
    ctx: DeployContext;
    say: (text: string) => void;
    finish: (code: number, error?: string) => number;
};

/** Why the apply phase ended before its last step; `early` when a re-run is the way on. */
type Stop = { reason: string; early: boolean; credentials: boolean };

export const STEPS: Step[] = [
    packageStep,
    permissionsStep,
    eventSubscriberStep,
    realTimeEventsStep,
    transactionSecurityStep,
    changeDataCaptureStep,
    schedulesStep,
    encryptionStep,
    checkpointSigningStep,
    keysStep
];

export type DeployOptions = AuthFlags & {
    configPath?: string;
    assign: string[];
    skip: StepId[];
    require: StepId[];
    dryRun: boolean;
    yes: boolean;
    json: boolean;
    checkOnly: boolean;
    testLevel?: string;
    /** How long the whole run may take, the deploy included (sf's --wait). */
    waitMinutes: number;
    /** Start the package deploy, print its job id and stop (sf's --async). */
    async?: boolean;
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
    const ctx = await prepare(options, io);
    if (!('client' in ctx)) {
        return finish(2, ctx.error);
    }
    const run: Run = { options, io, report, ctx, say, finish };
    const plans = await planSteps(run);
    if (typeof plans === 'number') {
        return plans;
    }
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
    const { results, stop } = await applySteps(run, plans);
    report.results = results;
    const verification = stop ? { verified: new Map<string, string>(), failed: false } : await verify(run, results);
    report.verification = Object.fromEntries(verification.verified);
    say('');
    say('Result:');
    say(renderResults(results, verification.verified));
    if (stop?.early) {
        say('');
        say('The run stopped early. Re-running warden deploy is safe: every step checks the org before it writes.');
    } else if (stop) {
        say('');
        say(stop.reason);
    }
    const code = exitCodeFor(results, required, verification.failed);
    return finish(stop?.credentials ? 2 : code);
}

/** Reads the project and the configuration and signs in: the context, or the message of exit code 2. */
async function prepare(options: DeployOptions, io: DeployIo): Promise<DeployContext | { error: string }> {
    const session = orgSession(options.waitMinutes, io);
    const { sleep, now, retry } = session;
    let config: DeployConfig;
    let source: PackageSource;
    let client: OrgClient;
    try {
        const root = findProjectRoot(options.projectDir ?? process.cwd());
        const project = loadProject(root);
        config = loadConfig(root, options.configPath);
        config.assignments.push(...options.assign.map(parseAssignment));
        source = await buildPackageSource(project);
        client = await connect(
            options,
            connectOptions(session, options.apiVersion ?? (project.sourceApiVersion || '62.0'), io)
        );
    } catch (thrown) {
        const error = thrown instanceof OrgError ? thrown : toOrgError(thrown, 'prepare');
        return { error: error instanceof OrgError ? error.describe() : String(thrown) };
    }
    const jobClasses = Object.fromEntries(JOB_KEYS.map((key) => [key, JOBS[key].className])) as Record<JobKey, string>;
    let lastProgress = '';
    return {
        client,
        facts: undefined as unknown as OrgFacts,
        config,
        source,
        skipped: new Set(options.checkOnly ? STEP_IDS.filter((id) => id !== 'package') : options.skip),
        options: {
            checkOnly: options.checkOnly,
            testLevel: options.testLevel,
            async: options.async ?? false,
            deadline: retry.deadline ?? Number.POSITIVE_INFINITY,
            waitMinutes: options.waitMinutes,
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
}

const componentNames = (ctx: DeployContext): { apexClasses: string[]; apexTriggers: string[] } => ({
    apexClasses: ctx.source.apexClasses,
    apexTriggers: ctx.source.apexTriggers
});

/** Reads the org and plans every step, printing the plan: the plans, or the exit code when the org cannot be read. */
async function planSteps(run: Run): Promise<StepPlan[] | number> {
    const { options, ctx, report, say } = run;
    const skipReason = (id: StepId): string =>
        options.checkOnly && id !== 'package' ? '--check-only validates the package only' : `--skip ${id}`;
    const plans: StepPlan[] = [];
    try {
        ctx.facts = await readOrgFacts(ctx.client, componentNames(ctx));
        report.org = summariseFacts(ctx.facts);
        for (const step of STEPS) {
            plans.push(
                ctx.skipped.has(step.id)
                    ? makePlan(step, 'skipped', { reason: skipReason(step.id) })
                    : await step.inspect(ctx, 'plan')
            );
        }
    } catch (thrown) {
        const error = toOrgError(thrown, 'read the org', ctx.client.secrets());
        report.plan = plans.map(strip);
        return run.finish(isCredentialError(error) ? 2 : 1, `${error.describe()}\nNothing was changed.`);
    }
    report.plan = plans.map(strip);
    say(describeOrg(ctx.facts, ctx.source));
    say('');
    say(`Plan${options.dryRun ? ' (dry run: nothing will be changed)' : ''}:`);
    say(renderPlan(plans));
    return plans;
}

/** Applies the planned steps in order, each inspecting the org again first. */
async function applySteps(run: Run, plans: StepPlan[]): Promise<{ results: StepResult[]; stop?: Stop }> {
    const { ctx, io, say } = run;
    say('');
    say('Applying:');
    const results: StepResult[] = [];
    let stop: Stop | undefined;
    for (const [index, step] of STEPS.entries()) {
        const planned = plans[index];
        if (stop) {
            results.push(makeResult(planned, 'skipped', { reason: stop.reason, details: [] }));
            continue;
        }
        if (planned.status === 'skipped') {
            results.push(makeResult(planned, 'skipped'));
            continue;
        }
        say(`- ${step.title}`);
        try {
            const fresh = await step.inspect(ctx, 'apply');
            const outcome =
                fresh.status === 'create' || fresh.status === 'update'
                    ? await step.write(ctx, fresh)
                    : makeResult(
                          fresh,
                          fresh.status === 'unchanged'
                              ? 'unchanged'
                              : fresh.status === 'skipped'
                                ? 'skipped'
                                : 'unavailable'
                      );
            results.push(outcome);
            if (outcome.status === 'started') {
                stop = { reason: outcome.details[outcome.details.length - 1], early: false, credentials: false };
            } else if (step.id === 'package' && (outcome.status === 'created' || outcome.status === 'updated')) {
                // Later steps need the components the deploy just created.
                ctx.facts = await readOrgFacts(ctx.client, componentNames(ctx));
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
                stop = { reason: 'not run because the package deploy failed', early: true, credentials: false };
                continue;
            }
            const error = toOrgError(thrown, step.title, ctx.client.secrets());
            results.push(
                makeResult(planned, 'failed', {
                    reason: error.message,
                    remedy: error.remedy,
                    blocker: error.kind === 'access' || error.kind === 'metadata-access' ? 'permission' : undefined
                })
            );
            if (STOPPING.has(error.kind)) {
                stop = {
                    reason: `not run after: ${error.message}`,
                    early: true,
                    credentials: isCredentialError(error)
                };
            }
        }
    }
    return { results, stop };
}

/** Failures after which the next steps would fail the same way: the run stops. */
const STOPPING = new Set<OrgError['kind']>([
    'session',
    'insecure',
    'login',
    'network',
    'timeout',
    'limit',
    'unavailable',
    'server',
    'bad-response'
]);

/** Reads the org again and checks each applied step now inspects as unchanged. */
async function verify(run: Run, results: StepResult[]): Promise<{ verified: Map<string, string>; failed: boolean }> {
    const { ctx, io, options } = run;
    const verified = new Map<string, string>();
    let failed = false;
    try {
        ctx.facts = await readOrgFacts(ctx.client, componentNames(ctx));
        run.report.org = summariseFacts(ctx.facts);
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
            if (!expected && outcome.status !== 'unavailable' && outcome.status !== 'failed') failed = true;
        }
    } catch (thrown) {
        const error = toOrgError(thrown, 'verify', ctx.client.secrets());
        io.stderr(`warden deploy: verification could not read the org: ${error.message}\n`);
        failed = true;
    }
    return { verified, failed };
}
