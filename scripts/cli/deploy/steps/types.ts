/**
 * The shape every step of `warden deploy` has. A step inspects the org and says what it would change
 * (its plan); applying it inspects again, right before writing, and writes only the difference, so a
 * step is idempotent and a re-run after any failure converges.
 */
import { DeployStatus, OrgClient } from '../../org/client';
import { DeployConfig, JobKey } from '../config';
import { OrgFacts } from '../facts';
import { PackageSource } from '../source';

export const STEP_IDS = [
    'package',
    'permissions',
    'event-subscriber',
    'real-time-events',
    'transaction-security',
    'change-data-capture',
    'schedules',
    'encryption',
    'checkpoint-signing',
    'keys'
] as const;
export type StepId = (typeof STEP_IDS)[number];

export type PlanStatus = 'create' | 'update' | 'unchanged' | 'unavailable' | 'skipped';
export type ResultStatus =
    | 'created'
    | 'updated'
    | 'unchanged'
    | 'validated'
    /** The package deploy was started with --async and is running in the org. */
    | 'started'
    | 'unavailable'
    | 'skipped'
    | 'failed';

/**
 * Why a step cannot run. licence: the org lacks a paid feature (Shield, CDC); dependency: a component
 * it needs is not in the org; permission: the running user lacks a permission; config: the config
 * names something that does not exist. Only licence and dependency leave the exit code at 0.
 */
export type Blocker = 'licence' | 'dependency' | 'permission' | 'config';

export type StepPlan = {
    id: StepId;
    title: string;
    status: PlanStatus;
    /** One line per change, in the admin's words. */
    changes: string[];
    /** Problems that do not stop the step but make the run fail (a user in the config that does not exist). */
    problems: string[];
    /** Information for the admin that changes nothing (an event type this org does not have). */
    notes: string[];
    reason?: string;
    remedy?: string;
    blocker?: Blocker;
    /** Step-private data for write(). */
    data?: unknown;
};

export type StepResult = {
    id: StepId;
    title: string;
    status: ResultStatus;
    details: string[];
    problems: string[];
    notes: string[];
    reason?: string;
    remedy?: string;
    blocker?: Blocker;
};

export type Phase = 'plan' | 'apply';

export type DeployContext = {
    client: OrgClient;
    facts: OrgFacts;
    config: DeployConfig;
    source: PackageSource;
    skipped: Set<StepId>;
    options: {
        checkOnly: boolean;
        testLevel?: string;
        /** Start the package deploy and stop, without waiting for it (--async). */
        async: boolean;
        /** When the run must end (ms since the epoch): the start plus --wait. */
        deadline: number;
        /** --wait, for messages. */
        waitMinutes: number;
        pollIntervalMs: number;
    };
    sleep: (ms: number) => Promise<void>;
    now: () => Date;
    onDeployProgress: (status: DeployStatus) => void;
    jobClasses: Record<JobKey, string>;
};

export type Step = {
    id: StepId;
    title: string;
    inspect(ctx: DeployContext, phase: Phase): Promise<StepPlan>;
    write(ctx: DeployContext, plan: StepPlan): Promise<StepResult>;
};

export function plan(
    step: Pick<Step, 'id' | 'title'>,
    status: PlanStatus,
    fields: Partial<Omit<StepPlan, 'id' | 'title' | 'status'>> = {}
): StepPlan {
    return { id: step.id, title: step.title, status, changes: [], problems: [], notes: [], ...fields };
}

export function result(
    from: StepPlan,
    status: ResultStatus,
    fields: Partial<Omit<StepResult, 'id' | 'title' | 'status'>> = {}
): StepResult {
    return {
        id: from.id,
        title: from.title,
        status,
        details: [],
        problems: [...from.problems],
        notes: [...from.notes],
        reason: from.reason,
        remedy: from.remedy,
        blocker: from.blocker,
        ...fields
    };
}

/**
 * Whether a package component is usable by a step: in the org already, or (while planning) about to be
 * deployed by the package step of this same run.
 */
export function componentAvailable(
    ctx: DeployContext,
    phase: Phase,
    kind: 'ApexClass' | 'ApexTrigger',
    name: string
): boolean {
    const inOrg = kind === 'ApexClass' ? ctx.facts.apexClasses.has(name) : ctx.facts.apexTriggers.has(name);
    if (inOrg) return true;
    if (phase === 'apply' || ctx.skipped.has('package') || ctx.options.checkOnly) return false;
    return (kind === 'ApexClass' ? ctx.source.apexClasses : ctx.source.apexTriggers).includes(name);
}

/** Whether the running user holds a permission set now, or is given it by this run's assignments. */
export function runningUserHolds(ctx: DeployContext, permissionSet: string): boolean {
    const me = ctx.facts.user.username.toLowerCase();
    return (
        ctx.facts.holders.some((h) => h.permissionSet === permissionSet && h.username.toLowerCase() === me) ||
        ctx.config.assignments.some((a) => a.permissionSet === permissionSet && a.username.toLowerCase() === me)
    );
}

export function missingComponent(step: Pick<Step, 'id' | 'title'>, kind: string, name: string): StepPlan {
    return plan(step, 'unavailable', {
        blocker: 'dependency',
        reason: `${kind} ${name} is not in the org`,
        remedy: `Deploy the Warden package first (run without --skip package), then re-run.`
    });
}
