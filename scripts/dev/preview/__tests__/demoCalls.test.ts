/**
 * The demo log cannot drift from the gate: for a sample of simulated calls, the snapshot of the drawn request is
 * taken again and c/gatePolicy decides it; the log entry must say exactly what the policy says.
 */
import { evaluatePolicy, type GateDecision } from '../../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { createCallSimulator, createSnapshotBuilder, DEMO_POLICY_CONTEXT, type DemoRequest } from '../demoCalls';
import { generateDemoData, type DemoLogEntry } from '../demoData';
import { Random } from '../random';

const DAY_MS = 86400000;

/** What GateEvents writes of a decision, in the demo log's shape. */
function logged(decision: GateDecision): Partial<DemoLogEntry> {
    return {
        decision: decision.outcome,
        mode: decision.mode,
        reasons: decision.reasons.join('\n'),
        consentResult: decision.consent,
        residencyResult: decision.residency,
        jurisdiction: decision.jurisdiction,
        fieldsSent: decision.fieldsSent.length > 0 ? decision.fieldsSent.map((sent) => sent.field).join(',') : null,
        phiCategories: decision.categories.length > 0 ? decision.categories.join(';') : null,
        redactionCount: decision.redactionCount
    };
}

describe('demo gate calls', () => {
    const data = generateDemoData({ today: '2026-11-22', logEntries: 10 });
    const todayMs = Date.parse('2026-11-22T00:00:00Z');
    const requests: DemoRequest[] = [];
    const log: DemoLogEntry[] = [];
    const simulate = createCallSimulator({ ...data, random: new Random(11), todayMs, log, requests });
    // Every 30 minutes over the last 60 days: the Monitor week, the expired DPA and ordinary days.
    for (let at = todayMs - 60 * DAY_MS; at < todayMs; at += 1800000) {
        simulate(at);
    }

    it('logs for each sampled call what c/gatePolicy decides for its snapshot', () => {
        const snapshotOf = createSnapshotBuilder(data);
        const sample = log.filter((_, index) => index % 7 === 0);
        expect(sample.length).toBeGreaterThan(300);
        for (const entry of sample) {
            const decision = evaluatePolicy(snapshotOf(requests[entry.sequence - 1]), DEMO_POLICY_CONTEXT);
            expect({ sequence: entry.sequence, ...logged(decision) }).toEqual({
                sequence: entry.sequence,
                ...Object.fromEntries(
                    Object.keys(logged(decision)).map((key) => [key, entry[key as keyof DemoLogEntry]])
                )
            });
        }
        // The sample covers what the console shows: every outcome, both modes, consent and residency blocks.
        expect(new Set(sample.map((entry) => entry.decision))).toEqual(new Set(['Allowed', 'Redacted', 'Blocked']));
        expect(new Set(sample.map((entry) => entry.mode))).toEqual(new Set(['Enforce', 'Monitor']));
        expect(sample.some((entry) => entry.residencyResult === 'Blocked')).toBe(true);
        expect(sample.some((entry) => entry.consentResult !== 'Granted')).toBe(true);
    });

    it('makes the call only when the gate allows it (Monitor lets a policy block through)', () => {
        for (const entry of log) {
            const through = entry.decision !== 'Blocked' || (entry.reasons ?? '').split('\n').includes('MONITOR_ONLY');
            expect({ sequence: entry.sequence, called: entry.responseSha256 !== null }).toEqual({
                sequence: entry.sequence,
                called: through
            });
        }
    });
});
