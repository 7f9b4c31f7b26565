/**
 * Tests of the preview's canary controller: the demo override and its counts from the demo log, counted like
 * WardenCanaryController (tagged entries; of those, Blocked with MONITOR_ONLY).
 */
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';
import type { CanaryOverview } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';

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
