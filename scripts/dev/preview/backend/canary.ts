/**
 * The preview's canary and key controllers. The canary: one demo Monitor override (the second demo user, a pilot that began 16 days ago,
 * past the default 14-day window so the panel shows an overdue canary), counted from the demo log the way
 * WardenCanaryController counts the org's: entries tagged MONITOR_OVERRIDE:<id>, and of those the Blocked ones with
 * MONITOR_ONLY.
 */
import type { CanaryRow } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { ApexError, DAY_MS, type HandlersOf, type Store } from './store';

/** WardenSettings.monitorOverrideMaxDays() without a configured value. */
const DEFAULT_MAX_DAYS = 14;
const DEMO_OVERRIDE_ID = 'a0M000000000001AAA';
const DEMO_AGE_DAYS = 16;

export function canaryHandlers(store: Store): HandlersOf<'WardenCanaryController'> {
    const { data } = store;
    return {
        'WardenCanaryController.getCanary': () => {
            const now = Date.parse(`${store.today()}T12:00:00Z`);
            const pilot = data.users[1] ?? data.currentUser;
            const since = now - DEMO_AGE_DAYS * DAY_MS;
            const row: CanaryRow = {
                id: DEMO_OVERRIDE_ID,
                name: 'MO-00001',
                subjectType: 'User',
                subjectId: pilot.id,
                subjectName: pilot.name,
                since: new Date(since).toISOString(),
                setBy: data.currentUser.name,
                reason: 'Pilot of the discharge-summary assistant',
                ageDays: DEMO_AGE_DAYS,
                overdue: DEMO_AGE_DAYS > DEFAULT_MAX_DAYS,
                monitorCalls: 0,
                wouldHaveBlocked: 0
            };
            const tag = `MONITOR_OVERRIDE:${DEMO_OVERRIDE_ID}`;
            let scanned = 0;
            for (const entry of data.log) {
                if (entry.mode !== 'Monitor' || Date.parse(entry.loggedAt) < since) continue;
                scanned++;
                const reasons = (entry.reasons ?? '').split(/[;\n]/).map((reason) => reason.trim());
                if (reasons.includes(tag)) {
                    row.monitorCalls++;
                    if (entry.decision === 'Blocked' && reasons.includes('MONITOR_ONLY')) row.wouldHaveBlocked++;
                }
            }
            return {
                generatedAt: new Date(now).toISOString(),
                orgMode: data.mode,
                maxDays: DEFAULT_MAX_DAYS,
                overrides: [row],
                scanned,
                truncated: false
            };
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
