/**
 * The posture's calls per day and decision (callsPerDay): one row per day and decision in the order each pair first
 * occurs, counted against the plain oracle of a `day|decision` key per entry.
 */
import { callsPerDay } from '../backend/overview';
import { generateDemoData, type DemoLogEntry } from '../demoData';

/** The counting callsPerDay replaced: a string key and a map lookup per entry. */
function oracle(entries: DemoLogEntry[]): { day: string; decision: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const entry of entries) {
        const key = `${entry.loggedAt.slice(0, 10)}|${entry.decision}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].map(([key, count]) => {
        const [day, decision] = key.split('|');
        return { day, decision, count };
    });
}

const entry = (loggedAt: string, decision: string): DemoLogEntry => ({ loggedAt, decision }) as DemoLogEntry;

describe('preview backend: calls per day and decision', () => {
    it('counts each day and decision in the order the pairs first occur', () => {
        const entries = [
            entry('2026-12-01T08:00:00.000Z', 'Redacted'),
            entry('2026-12-01T09:00:00.000Z', 'Allowed'),
            entry('2026-12-01T10:00:00.000Z', 'Redacted'),
            entry('2026-12-03T00:00:00.000Z', 'Blocked'),
            entry('2026-12-03T23:59:59.999Z', 'Redacted')
        ];
        expect(callsPerDay(entries)).toEqual([
            { day: '2026-12-01', decision: 'Redacted', count: 2 },
            { day: '2026-12-01', decision: 'Allowed', count: 1 },
            { day: '2026-12-03', decision: 'Blocked', count: 1 },
            { day: '2026-12-03', decision: 'Redacted', count: 1 }
        ]);
        expect(callsPerDay([])).toEqual([]);
    });

    it('agrees with a key per entry on a generated log', () => {
        const { log } = generateDemoData({ seed: 7, logEntries: 3000, today: '2026-12-07' });
        expect(log.length).toBeGreaterThan(2000);
        expect(callsPerDay(log)).toEqual(oracle(log));
    });
});
