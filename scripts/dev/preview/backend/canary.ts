/**
 * The preview's canary and key controllers. The canary starts with one demo Monitor override (the second demo user,
 * a pilot that began 16 days ago, past the default 14-day window so the panel shows an overdue canary); the data
 * set's current user is the admin who may add and end overrides. Calls are counted from the demo log the way
 * WardenCanaryController counts the org's: entries tagged MONITOR_OVERRIDE:<id>, and of those the Blocked ones with
 * MONITOR_ONLY.
 */
import type {
    CanaryOverview,
    CanaryRow
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { ApexError, DAY_MS, type HandlersOf, type Store } from './store';

/** WardenSettings.monitorOverrideMaxDays() without a configured value. */
const DEFAULT_MAX_DAYS = 14;
const DEMO_OVERRIDE_ID = 'a0M000000000001AAA';
const DEMO_AGE_DAYS = 16;

type DemoOverride = { id: string; subjectId: string; reason: string; since: number; setBy: string; ended: boolean };

export function canaryHandlers(store: Store): HandlersOf<'WardenCanaryController'> {
    const { data } = store;
    const now = (): number => Date.parse(`${store.today()}T12:00:00Z`);
    const pilot = data.users[1] ?? data.currentUser;
    const overrides: DemoOverride[] = [
        {
            id: DEMO_OVERRIDE_ID,
            subjectId: pilot.id,
            reason: 'Pilot of the discharge-summary assistant',
            since: now() - DEMO_AGE_DAYS * DAY_MS,
            setBy: data.currentUser.name,
            ended: false
        }
    ];
    const toRow = (override: DemoOverride, index: number): CanaryRow => {
        const ageDays = Math.floor((now() - override.since) / DAY_MS);
        return {
            id: override.id,
            name: `MO-${String(index + 1).padStart(5, '0')}`,
            subjectType: override.subjectId.startsWith('00e') ? 'Profile' : 'User',
            subjectId: override.subjectId,
            subjectName: data.users.find((user) => user.id === override.subjectId)?.name ?? override.subjectId,
            since: new Date(override.since).toISOString(),
            setBy: override.setBy,
            reason: override.reason,
            ageDays,
            overdue: ageDays > DEFAULT_MAX_DAYS,
            monitorCalls: 0,
            wouldHaveBlocked: 0
        };
    };
    const overview = (userId: string): CanaryOverview => {
        const rows = overrides.map(toRow).filter((_row, index) => !overrides[index].ended);
        const byTag = new Map(rows.map((row) => [`MONITOR_OVERRIDE:${row.id}`, row]));
        const since = Math.min(...rows.map((row) => Date.parse(row.since)));
        let scanned = 0;
        for (const entry of rows.length > 0 ? data.log : []) {
            if (entry.mode !== 'Monitor' || Date.parse(entry.loggedAt) < since) continue;
            scanned++;
            const reasons = (entry.reasons ?? '').split(/[;\n]/).map((reason) => reason.trim());
            for (const reason of reasons) {
                const row = byTag.get(reason);
                if (!row) continue;
                row.monitorCalls++;
                if (entry.decision === 'Blocked' && reasons.includes('MONITOR_ONLY')) row.wouldHaveBlocked++;
            }
        }
        return {
            generatedAt: new Date(now()).toISOString(),
            orgMode: data.mode,
            maxDays: DEFAULT_MAX_DAYS,
            overrides: rows,
            scanned,
            truncated: false,
            canManage: userId === data.currentUser.id
        };
    };
    const requireAdmin = (userId: string): void => {
        if (userId !== data.currentUser.id) {
            throw new ApexError('You need the WardenAdmin permission set for this.', 403);
        }
    };
    return {
        'WardenCanaryController.getCanary': (_request, context) => overview(context.userId),
        'WardenCanaryController.startOverride': ({ subjectId, reason }, context) => {
            requireAdmin(context.userId);
            if (typeof reason !== 'string' || reason.trim() === '') {
                throw new ApexError('Say why these users run in Monitor.');
            }
            if (
                typeof subjectId !== 'string' ||
                !/^(005|00e)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(subjectId.trim())
            ) {
                throw new ApexError('Enter the Id of a user (starts with 005) or a profile (starts with 00e).');
            }
            overrides.push({
                id: `a0M${String(overrides.length + 1).padStart(12, '0')}AAA`,
                subjectId: subjectId.trim(),
                reason: reason.trim(),
                since: Date.now(),
                setBy: store.user(context.userId).name,
                ended: false
            });
            return overview(context.userId);
        },
        'WardenCanaryController.endOverride': ({ overrideId }, context) => {
            requireAdmin(context.userId);
            const found = overrides.find((override) => override.id === overrideId && !override.ended);
            if (!found) {
                throw new ApexError('The override does not exist or has ended.');
            }
            found.ended = true;
            return overview(context.userId);
        }
    };
}

/**
 * The preview's key controller: the demo org starts with key version 1 (the simulator pseudonymizes with it); the
 * data set's current user is the Warden admin who may rotate, and each rotation goes into the change history as the
 * org records it (KeyRotated, from and to version, the reason).
 */
export function keyHandlers(store: Store): HandlersOf<'WardenKeyController'> {
    const { data } = store;
    const created = [Date.parse(`${store.today()}T09:00:00Z`) - 200 * DAY_MS];
    const status = (userId: string) => ({
        configured: created.length > 0,
        activeVersion: created.length,
        activeSince: new Date(created[created.length - 1]).toISOString(),
        versions: created.length,
        canRotate: userId === data.currentUser.id
    });
    return {
        'WardenKeyController.getKeyStatus': (_request, context) => status(context.userId),
        'WardenKeyController.rotateKeys': ({ reason }, context) => {
            if (context.userId !== data.currentUser.id) {
                throw new ApexError('Only a Warden admin (WardenManageKeys) may create or rotate the keys.');
            }
            if (typeof reason !== 'string' || reason.trim() === '') {
                throw new ApexError('Say why the keys are created or rotated.');
            }
            const from = created.length;
            created.push(Date.now());
            store.record(context, {
                recordId: null,
                recordName: 'Warden keyring',
                action: 'KeyRotated',
                field: 'KeyVersion__c',
                fromValue: `v${from}`,
                toValue: `v${created.length}`,
                reason: reason.trim()
            });
            return status(context.userId);
        }
    };
}
