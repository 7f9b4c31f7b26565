/**
 * Step 1: deploy the package source through the Metadata API, with progress, and wait for the result.
 * Unchanged when the org's WardenRelease marker carries the same source fingerprint and every Apex
 * class and trigger of the package is present. rollbackOnError is always on, so a deploy that fails
 * halfway leaves the org as it was and the next run starts from the same place.
 */
import { DeployStatus, OrgClient } from '../../org/client';
import { OrgError } from '../../org/errors';
import { plan, result, Step } from './types';

/** How to follow a deploy job that is still running: the commands to give (docs/deploy.md, "Waiting"). */
export function followUp(id: string): string {
    return (
        `\`warden deploy resume --job-id ${id}\` (with the same org options) waits for it and reports; ` +
        `\`warden deploy report --job-id ${id}\` shows where it is. Once it has succeeded, run warden deploy ` +
        'again: it finds the package deployed and goes on with the next steps.'
    );
}

export type DeployWait = {
    sleep: (ms: number) => Promise<void>;
    now: () => Date;
    /** When to stop waiting (ms since the epoch). */
    deadline: number;
    waitMinutes: number;
    pollIntervalMs: number;
    onProgress: (status: DeployStatus) => void;
};

/**
 * Polls the deploy job until it is done and returns its final status with details. When the deadline
 * comes first: an OrgError (kind timeout, code DEPLOY_WAIT) with the job id and how to follow it; the
 * job goes on in the org.
 */
export async function waitForDeploy(client: OrgClient, id: string, wait: DeployWait): Promise<DeployStatus> {
    const stillRunning = (): OrgError =>
        new OrgError(
            'timeout',
            `The deploy ${id} is still running after the ${wait.waitMinutes} minute(s) of --wait; it goes on in the org.`,
            'DEPLOY_WAIT',
            `${followUp(id)} Or follow it in Setup > Deployment Status.`
        );
    for (;;) {
        // No poll that would start at or after the deadline: the gate would refuse it anyway.
        if (wait.deadline - wait.now().getTime() <= wait.pollIntervalMs) {
            throw stillRunning();
        }
        await wait.sleep(wait.pollIntervalMs);
        let status: DeployStatus;
        try {
            status = await client.checkDeployStatus(id, false);
        } catch (error) {
            throw (error as OrgError).code === 'DEADLINE' ? stillRunning() : error;
        }
        wait.onProgress(status);
        if (status.done) break;
    }
    return client.checkDeployStatus(id, true);
}

export class DeployFailedError extends OrgError {
    constructor(
        message: string,
        readonly lines: string[]
    ) {
        super(
            'other',
            message,
            'DEPLOY_FAILED',
            'Fix the problems listed above and re-run; nothing was changed in the org.'
        );
    }
}

function summarise(counts: Record<string, number>): string {
    return Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, count]) => `${count} ${type}`)
        .join(', ');
}

export const packageStep: Step = {
    id: 'package',
    title: 'Deploy the Warden package',

    async inspect(ctx) {
        const { facts, source } = ctx;
        if (facts.managedPackage) {
            return plan(this, 'unavailable', {
                blocker: 'config',
                reason: `Warden is installed as a managed package (${facts.managedPackage.namespace || 'no namespace'} ${facts.managedPackage.version}); deploying the source would add an unmanaged copy`,
                remedy: 'Upgrade the managed package instead, and run with --skip package to configure monitoring only.'
            });
        }
        const permissions = facts.user.permissions;
        if (permissions && !permissions.modifyAllData && !permissions.modifyMetadata) {
            return plan(this, 'unavailable', {
                blocker: 'permission',
                reason: `${facts.user.username} may not use the Metadata API (needs Modify Metadata or Modify All Data)`,
                remedy:
                    'Assign a permission set with "Modify Metadata Through Metadata API Functions" (or run as a ' +
                    'System Administrator), then re-run.'
            });
        }
        const missingClasses = source.apexClasses.filter((name) => !facts.apexClasses.has(name));
        const missingTriggers = source.apexTriggers.filter((name) => !facts.apexTriggers.has(name));
        const missing = missingClasses.length + missingTriggers.length;
        const sameSource = facts.release?.hash === source.hash;
        const what = `${source.components.length} source components (${summarise(source.countsByType) || 'none'})`;
        if (sameSource && missing === 0) {
            return plan(this, ctx.options.checkOnly ? 'update' : 'unchanged', {
                changes: ctx.options.checkOnly ? [`validate ${what} without saving (check only)`] : [],
                reason: `Warden ${source.version} is deployed (source sha256 ${source.hash.slice(0, 12)})`
            });
        }
        const changes = [
            ctx.options.checkOnly
                ? `validate ${what} without saving (check only)`
                : facts.release
                  ? `update Warden ${facts.release.version} (sha256 ${facts.release.hash.slice(0, 12)}) to ${source.version} (sha256 ${source.hash.slice(0, 12)}): ${what}`
                  : `deploy Warden ${source.version}: ${what}`
        ];
        if (sameSource && missing > 0) {
            changes.push(`restore ${missing} Apex classes/triggers missing from the org`);
        }
        const { testLevel, runTests } = chooseTestLevel(ctx);
        changes.push(
            testLevel === 'RunSpecifiedTests'
                ? `run Warden's ${runTests.length} test class(es) (RunSpecifiedTests)`
                : `test level ${testLevel}`
        );
        const fresh = !facts.release && facts.apexClasses.size === 0 && facts.apexTriggers.size === 0;
        return plan(this, fresh ? 'create' : 'update', { changes });
    },

    async write(ctx, stepPlan) {
        const { client, source } = ctx;
        const { testLevel, runTests } = chooseTestLevel(ctx);
        const id = await client.startDeploy(source.zip, {
            checkOnly: ctx.options.checkOnly,
            rollbackOnError: true,
            singlePackage: true,
            ignoreWarnings: false,
            testLevel,
            ...(runTests.length > 0 ? { runTests } : {})
        });
        if (ctx.options.async) {
            return result(stepPlan, 'started', {
                details: [`deploy job ${id} started (--async); it runs in the org. ${followUp(id)}`]
            });
        }
        const final = await waitForDeploy(client, id, {
            ...ctx.options,
            sleep: ctx.sleep,
            now: ctx.now,
            onProgress: ctx.onDeployProgress
        });
        if (!final.success) {
            const lines = describeFailure(final, ctx.source.fileFor);
            throw new DeployFailedError(
                `The deploy ${id} failed (${final.status}): ${final.numberComponentErrors} component error(s), ` +
                    `${final.numberTestErrors} test failure(s). Salesforce rolled it back.`,
                lines
            );
        }
        const summary =
            `${final.numberComponentsDeployed}/${final.numberComponentsTotal} components` +
            (final.numberTestsTotal > 0 ? `, ${final.numberTestsCompleted} tests passed` : '') +
            ` (deploy ${id})`;
        if (ctx.options.checkOnly) {
            return result(stepPlan, 'validated', { details: [`validated ${summary}; nothing was saved`] });
        }
        return result(stepPlan, stepPlan.status === 'create' ? 'created' : 'updated', {
            details: [`deployed ${summary}`]
        });
    }
};

/**
 * Production orgs refuse NoTestRun for Apex, so there the package's own test classes run
 * (RunSpecifiedTests: the customer's tests are not Warden's to run). Sandboxes and scratch orgs skip
 * tests unless --test-level says otherwise.
 */
export function chooseTestLevel(ctx: {
    facts: { org: { isSandbox: boolean } };
    source: { testClasses: string[]; apexClasses: string[]; apexTriggers: string[] };
    options: { testLevel?: string };
}): { testLevel: string; runTests: string[] } {
    const requested = ctx.options.testLevel;
    if (requested) {
        return {
            testLevel: requested,
            runTests: requested === 'RunSpecifiedTests' ? ctx.source.testClasses : []
        };
    }
    const hasApex = ctx.source.apexClasses.length + ctx.source.apexTriggers.length > 0;
    if (ctx.facts.org.isSandbox || !hasApex) {
        return { testLevel: 'NoTestRun', runTests: [] };
    }
    return ctx.source.testClasses.length > 0
        ? { testLevel: 'RunSpecifiedTests', runTests: ctx.source.testClasses }
        : { testLevel: 'RunLocalTests', runTests: [] };
}

/** Every component failure with file, line and problem; every test failure; coverage warnings. */
export function describeFailure(
    status: DeployStatus,
    fileFor: (type: string | undefined, fullName: string, zipFileName: string) => string
): string[] {
    const lines: string[] = [];
    if (status.errorMessage) {
        lines.push(`${status.errorStatusCode ? `${status.errorStatusCode}: ` : ''}${status.errorMessage}`);
    }
    for (const failure of status.details?.componentFailures ?? []) {
        const file = fileFor(failure.componentType, failure.fullName, failure.fileName);
        const position = failure.lineNumber
            ? `:${failure.lineNumber}${failure.columnNumber ? `:${failure.columnNumber}` : ''}`
            : '';
        lines.push(
            `${file}${position}  ${failure.componentType ?? ''} ${failure.fullName}: ${failure.problemType ?? 'Error'}: ${failure.problem ?? 'unknown problem'}`.replace(
                /\s{3,}/g,
                '  '
            )
        );
    }
    for (const failure of status.details?.runTestResult?.failures ?? []) {
        lines.push(`test ${failure.name}.${failure.methodName}: ${failure.message}`);
    }
    for (const warning of status.details?.runTestResult?.codeCoverageWarnings ?? []) {
        lines.push(`coverage${warning.name ? ` ${warning.name}` : ''}: ${warning.message}`);
    }
    if (lines.length === 0) {
        lines.push(`the deploy ended with status ${status.status} and no further detail`);
    }
    return lines;
}
