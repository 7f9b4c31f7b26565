/**
 * Tests of the preview's canary controller: the demo override and its counts from the demo log, counted like
 * WardenCanaryController (tagged entries; of those, Blocked with MONITOR_ONLY).
 */
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';
import type {
    CanaryOverview,
    KeyStatus
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');

describe('preview backend: the canary panel', () => {
    it('shows the demo pilot past the default window, and counts only entries tagged with its override', () => {
        const data = generateDemoData({ today: '2026-11-22', logEntries: 300 });
        const [first, second, third] = data.log.slice(-3);
        const tag = 'MONITOR_OVERRIDE:a0M000000000001AAA';
        Object.assign(first, { mode: 'Monitor', decision: 'Blocked', reasons: `${tag};CONSENT_MISSING;MONITOR_ONLY` });
        Object.assign(second, { mode: 'Monitor', decision: 'Redacted', reasons: tag });
        Object.assign(third, { mode: 'Monitor', decision: 'Blocked', reasons: 'CONSENT_MISSING;MONITOR_ONLY' });
        const overview = createBackend(data, { clock }).invoke(
            'WardenCanaryController.getCanary',
            {}
        ) as CanaryOverview;
        expect(overview.overrides).toHaveLength(1);
        const [pilot] = overview.overrides;
        expect(pilot.overdue).toBe(true);
        expect(pilot.ageDays).toBeGreaterThan(overview.maxDays);
        expect(pilot.monitorCalls).toBe(2);
        expect(pilot.wouldHaveBlocked).toBe(1);
    });
});

describe('preview backend: the key panel', () => {
    it('lets the admin rotate with a reason, records it, and refuses anyone else', () => {
        const data = generateDemoData({ today: '2026-11-22', logEntries: 300 });
        const backend = createBackend(data, { clock });
        const before = backend.invoke('WardenKeyController.getKeyStatus', {}) as KeyStatus;
        expect(before).toMatchObject({ configured: true, activeVersion: 1, canRotate: true });
        const other = data.users.find((user) => user.id !== data.currentUser.id);
        expect(other).toBeDefined();
        expect(() =>
            backend.invoke('WardenKeyController.rotateKeys', { reason: 'annual' }, { userId: other?.id })
        ).toThrow(/Only a Warden admin/);
        expect(() => backend.invoke('WardenKeyController.rotateKeys', { reason: ' ' })).toThrow(/Say why/);
        const after = backend.invoke('WardenKeyController.rotateKeys', { reason: 'annual rotation' }) as KeyStatus;
        expect(after.activeVersion).toBe(2);
        const recorded = data.changes[data.changes.length - 1];
        expect(recorded).toMatchObject({
            action: 'KeyRotated',
            fromValue: 'v1',
            toValue: 'v2',
            reason: 'annual rotation'
        });
    });
});

describe('preview backend: managing canaries', () => {
    it('lets the admin put a user in Monitor and end it, and refuses anyone else and a bad subject', () => {
        const data = generateDemoData({ today: '2026-11-22', logEntries: 300 });
        const backend = createBackend(data, { clock });
        const other = data.users.find((user) => user.id !== data.currentUser.id);
        expect(
            (backend.invoke('WardenCanaryController.getCanary', {}, { userId: other?.id }) as CanaryOverview).canManage
        ).toBe(false);
        expect(() =>
            backend.invoke(
                'WardenCanaryController.startOverride',
                { subjectId: data.currentUser.id, reason: 'x' },
                { userId: other?.id }
            )
        ).toThrow(/WardenAdmin/);
        expect(() =>
            backend.invoke('WardenCanaryController.startOverride', { subjectId: '001000000000001AAA', reason: 'x' })
        ).toThrow(/user \(starts with 005\)/);
        const started = backend.invoke('WardenCanaryController.startOverride', {
            subjectId: other?.id,
            reason: 'Triage pilot'
        }) as CanaryOverview;
        expect(started.overrides.map((row) => row.reason)).toContain('Triage pilot');
        const added = started.overrides.find((row) => row.reason === 'Triage pilot');
        const ended = backend.invoke('WardenCanaryController.endOverride', { overrideId: added?.id }) as CanaryOverview;
        expect(ended.overrides.map((row) => row.id)).not.toContain(added?.id);
        expect(() => backend.invoke('WardenCanaryController.endOverride', { overrideId: added?.id })).toThrow(/ended/);
    });
});
