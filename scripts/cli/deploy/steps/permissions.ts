/**
 * Step 2: assign Warden's permission sets to the users named in warden.deploy.json or with --assign.
 * Creating an assignment is not idempotent, so it is never retried blindly: after an ambiguous
 * failure (network, timeout) the step reads the assignments again and creates only the ones still
 * missing. A duplicate reported by Salesforce counts as done.
 */
import { OrgError, toOrgError } from '../../org/errors';
import { backoffDelay, mayRewriteAfterReading } from '../../org/retry';
import { soqlList } from '../facts';
import { DeployContext, plan, result, Step, StepPlan } from './types';

type Pair = { permissionSet: string; username: string };
type Current = {
    users: Map<string, { id: string; active: boolean }>;
    sets: Map<string, string>;
    existing: Set<string>;
};

const key = (pair: Pair): string => `${pair.permissionSet}\u0000${pair.username.toLowerCase()}`;
const show = (pair: Pair): string => `${pair.permissionSet} -> ${pair.username}`;

async function readCurrent(ctx: DeployContext, pairs: Pair[]): Promise<Current> {
    const usernames = [...new Set(pairs.map((pair) => pair.username))];
    const setNames = [...new Set(pairs.map((pair) => pair.permissionSet))];
    const users = new Map<string, { id: string; active: boolean }>();
    for (const row of await ctx.client.query<{ Id: string; Username: string; IsActive: boolean }>(
        `SELECT Id, Username, IsActive FROM User WHERE Username IN ${soqlList(usernames)}`
    )) {
        users.set(row.Username.toLowerCase(), { id: row.Id, active: row.IsActive === true });
    }
    const sets = new Map<string, string>();
    for (const row of await ctx.client.query<{ Id: string; Name: string }>(
        `SELECT Id, Name FROM PermissionSet WHERE NamespacePrefix = null AND Name IN ${soqlList(setNames)}`
    )) {
        sets.set(row.Name, row.Id);
    }
    const existing = new Set<string>();
    for (const row of await ctx.client.query<{
        Assignee: { Username: string } | null;
        PermissionSet: { Name: string } | null;
    }>(
        `SELECT Assignee.Username, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN ${soqlList(setNames)} ` +
            `AND Assignee.Username IN ${soqlList(usernames)}`
    )) {
        if (row.Assignee && row.PermissionSet) {
            existing.add(key({ permissionSet: row.PermissionSet.Name, username: row.Assignee.Username }));
        }
    }
    return { users, sets, existing };
}

export function desiredAssignments(ctx: Pick<DeployContext, 'config'>): Pair[] {
    const seen = new Set<string>();
    return ctx.config.assignments.filter((pair) => {
        const k = key(pair);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}

export const permissionsStep: Step = {
    id: 'permissions',
    title: 'Assign permission sets',

    async inspect(ctx, phase) {
        const pairs = desiredAssignments(ctx);
        if (pairs.length === 0) {
            return plan(this, 'skipped', {
                reason: 'no assignments in warden.deploy.json or --assign',
                remedy: 'List users under "assignments" in warden.deploy.json, or pass --assign WardenAdmin=user@example.org.'
            });
        }
        const current = await readCurrent(ctx, pairs);
        const problems: string[] = [];
        const toCreate: Pair[] = [];
        let present = 0;
        for (const pair of pairs) {
            const user = current.users.get(pair.username.toLowerCase());
            const setInOrg = current.sets.has(pair.permissionSet);
            const setComing =
                phase === 'plan' &&
                !ctx.skipped.has('package') &&
                !ctx.options.checkOnly &&
                ctx.source.permissionSets.includes(pair.permissionSet);
            if (!user) {
                problems.push(`${show(pair)}: no user ${pair.username} in this org`);
            } else if (!user.active) {
                problems.push(`${show(pair)}: ${pair.username} is inactive`);
            } else if (!setInOrg && !setComing) {
                problems.push(
                    `${show(pair)}: permission set ${pair.permissionSet} is not in the org (deploy the package first)`
                );
            } else if (current.existing.has(key(pair))) {
                present++;
            } else {
                toCreate.push(pair);
            }
        }
        const permissions = ctx.facts.user.permissions;
        if (toCreate.length > 0 && permissions && !permissions.manageUsers && !permissions.assignPermissionSets) {
            return plan(this, 'unavailable', {
                blocker: 'permission',
                problems,
                reason: `${ctx.facts.user.username} may not assign permission sets (needs Manage Users or Assign Permission Sets)`,
                remedy: 'Run as a user with "Assign Permission Sets", or assign them in Setup > Users.'
            });
        }
        if (toCreate.length === 0) {
            return plan(this, 'unchanged', {
                problems,
                reason: present > 0 ? `${present} assignment(s) in place` : undefined
            });
        }
        return plan(this, 'create', {
            problems,
            changes: toCreate.map((pair) => `assign ${show(pair)}`),
            data: toCreate
        });
    },

    async write(ctx, stepPlan: StepPlan) {
        const wanted = stepPlan.data as Pair[];
        const created: string[] = [];
        const failures: string[] = [];
        // Check, write what is missing, check again: at most three rounds.
        for (let round = 1; round <= 3; round++) {
            const current = await readCurrent(ctx, wanted);
            const missing = wanted.filter(
                (pair) => !current.existing.has(key(pair)) && !failures.some((f) => f.startsWith(show(pair)))
            );
            if (missing.length === 0) break;
            let results;
            try {
                results = await ctx.client.createRecords(
                    'PermissionSetAssignment',
                    missing.map((pair) => ({
                        AssigneeId: current.users.get(pair.username.toLowerCase())?.id,
                        PermissionSetId: current.sets.get(pair.permissionSet)
                    }))
                );
            } catch (thrown) {
                const error = toOrgError(thrown, 'assign permission sets', ctx.client.secrets());
                if (mayRewriteAfterReading(error) && round < 3) {
                    // The create may or may not have happened: read again before writing again.
                    await ctx.sleep(backoffDelay(ctx.client.retry, round));
                    continue;
                }
                if (error.kind === 'access') {
                    return result(stepPlan, 'failed', {
                        details: created,
                        problems: [...stepPlan.problems, error.message],
                        reason: error.message,
                        remedy: 'Run as a user with "Assign Permission Sets" (or Manage Users), then re-run.',
                        blocker: 'permission'
                    });
                }
                throw error;
            }
            results.forEach((saved, index) => {
                const pair = missing[index];
                if (saved.success) {
                    created.push(`assigned ${show(pair)}`);
                } else if (saved.errors.some((error) => error.statusCode === 'DUPLICATE_VALUE')) {
                    created.push(`${show(pair)} was already assigned`);
                } else {
                    failures.push(
                        `${show(pair)}: ${saved.errors.map((error) => `${error.statusCode}: ${error.message}`).join('; ')}`
                    );
                }
            });
        }
        const confirmed = await readCurrent(ctx, wanted);
        const stillMissing = wanted.filter(
            (pair) => !confirmed.existing.has(key(pair)) && !failures.some((f) => f.startsWith(show(pair)))
        );
        if (stillMissing.length > 0) {
            throw new OrgError(
                'other',
                `assign permission sets: ${stillMissing.map(show).join(', ')} could not be confirmed after three rounds`,
                'NOT_CONVERGED',
                'Re-run warden deploy; it will assign only what is still missing.'
            );
        }
        if (created.length === 0) {
            created.push(
                ...wanted.filter((pair) => confirmed.existing.has(key(pair))).map((pair) => `${show(pair)} confirmed`)
            );
        }
        if (failures.some((failure) => /INSUFFICIENT_ACCESS/.test(failure))) {
            return result(stepPlan, 'failed', {
                details: created,
                problems: [...stepPlan.problems, ...failures],
                reason: 'Salesforce refused some assignments for lack of access',
                remedy: 'Run as a user with "Assign Permission Sets" (or Manage Users), then re-run.',
                blocker: 'permission'
            });
        }
        if (failures.length > 0) {
            return result(stepPlan, 'failed', { details: created, problems: [...stepPlan.problems, ...failures] });
        }
        return result(stepPlan, 'created', { details: created });
    }
};
