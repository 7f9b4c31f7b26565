/**
 * The preview's alert controller answers as WardenAlertController does: open Critical and High findings first seen
 * within the window, newest first, at most 50, on the ComplianceAlert__e channel.
 */
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';
import { readRuleCatalog } from '../ruleCatalog';
import type { AlertFeed } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');

describe('preview backend: recent alerts', () => {
    it('rebuilds the alerts of the window from open Critical and High findings, newest first', () => {
        const data = generateDemoData({ today: '2026-11-22', logEntries: 200 });
        const since = Date.parse('2026-11-21T00:00:00Z');
        const recent = data.findings[0];
        recent.severity = 'Critical';
        recent.status = 'New';
        recent.firstSeen = '2026-11-22T07:00:00.000Z';
        const old = data.findings[1];
        old.severity = 'High';
        old.status = 'New';
        old.firstSeen = '2026-11-01T07:00:00.000Z';
        const b = createBackend(data, { clock, ruleCatalog: readRuleCatalog(`${__dirname}/../../../..`) });

        const feed = b.invoke('WardenAlertController.recentAlerts', {}) as AlertFeed;

        expect(feed.channel).toBe('/event/ComplianceAlert__e');
        expect(feed.alerts.map((a) => a.key)).toContain(recent.id);
        expect(feed.alerts.map((a) => a.key)).not.toContain(old.id);
        expect(feed.alerts.length).toBeLessThanOrEqual(50);
        for (const alert of feed.alerts) {
            expect(['Critical', 'High']).toContain(alert.severity);
            expect(Date.parse(alert.raisedAt)).toBeGreaterThanOrEqual(since);
        }
        const times = feed.alerts.map((a) => a.raisedAt);
        expect([...times].sort().reverse()).toEqual(times);
    });
});
