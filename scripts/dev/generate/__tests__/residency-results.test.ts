/**
 * The residency result the gate writes and the one the console counts must be the same value: a shared policy
 * vector that a residency rule blocks runs through c/gatePolicy, and its ResidencyResult__c is fed to the console's
 * readers (the posture score and the residency matrix). Once the gate wrote Allowed/Blocked while the console
 * counted Violation, so no real residency block ever showed; this fails if the two drift apart again.
 */
import { join } from 'node:path';
import { evaluatePolicy, RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from 'c/gatePolicy';
import { RESIDENCY_VIOLATION_RESULTS, type EndpointRow } from 'c/consoleContracts';
import { computePostureScore } from 'c/postureScore';
import { buildMatrix } from 'c/residencyMatrix';
import { loadPolicyVectors, shippedContext, snapshotsOf } from '../gate-policy-check';

const root = join(__dirname, '..', '..', '..', '..');
const context = shippedContext(root);
const runs = snapshotsOf(loadPolicyVectors(root));

/** The vectors a residency rule blocks in Enforce (the rule's reason code is given, the policy evaluated). */
const residencyBlocked = runs.filter(
    ({ vector }) =>
        vector.mode === 'Enforce' &&
        vector.expected.reasons.some((reason) => reason.startsWith('RESIDENCY_REGION_NOT_ALLOWED:'))
);
/** The vectors whose every residency reason is RESIDENCY_OK (a field tag's region can still block). */
const residencyOk = runs.filter(({ vector }) => {
    const residency = vector.expected.reasons.filter((reason) => reason.startsWith('RESIDENCY_'));
    return (
        vector.mode === 'Enforce' &&
        residency.length > 0 &&
        residency.every((reason) => reason.startsWith('RESIDENCY_OK:'))
    );
});

const ENDPOINT: EndpointRow = {
    id: 'e1',
    name: 'EU sovereign',
    endpointKey: 'eu',
    model: null,
    region: 'eu-central-1',
    jurisdiction: 'EU',
    hosting: 'SovereignLocal',
    status: 'Approved',
    dpaSigned: true,
    dpaExpires: '2027-01-01',
    zeroRetention: true,
    approvedOn: null
};

/** What the console reads off the log for one call with this residency result. */
function consoleCounts(residencyResult: string) {
    const score = computePostureScore({
        today: '2026-11-22',
        findingsBySeverity: [],
        consentResults: [],
        residencyResults: [{ key: residencyResult, count: 1 }],
        endpoints: [],
        flowsTotal: 0,
        flowsReviewOverdue: 0
    });
    const matrix = buildMatrix(
        [{ dataJurisdiction: 'EU', endpointId: 'e1', residencyResult, count: 1 }],
        [ENDPOINT],
        [],
        '2026-11-22'
    );
    const cell = matrix.rows.flatMap((row) => row.cells).find((candidate) => candidate.key === 'EU|e1');
    return {
        postureViolations: score.components.find((component) => component.key === 'residency')?.numerator,
        matrixFlagged: cell?.flagged
    };
}

describe('the residency result the gate writes and the console counts', () => {
    it('has residency-blocked and residency-ok vectors to run', () => {
        expect(residencyBlocked.length).toBeGreaterThan(0);
        expect(residencyOk.length).toBeGreaterThan(0);
    });

    it('counts a call a residency rule blocked as a residency violation', () => {
        for (const { vector, snapshot } of residencyBlocked) {
            const written = evaluatePolicy(snapshot, context).residency;
            expect([vector.id, written]).toEqual([vector.id, RESIDENCY_BLOCKED]);
            expect(RESIDENCY_VIOLATION_RESULTS).toContain(written);
            expect(consoleCounts(written)).toEqual({ postureViolations: 1, matrixFlagged: 1 });
        }
    });

    it('does not count a call residency allowed', () => {
        for (const { vector, snapshot } of residencyOk) {
            const written = evaluatePolicy(snapshot, context).residency;
            expect([vector.id, written]).toEqual([vector.id, RESIDENCY_ALLOWED]);
            expect(RESIDENCY_VIOLATION_RESULTS).not.toContain(written);
            expect(consoleCounts(written)).toEqual({ postureViolations: 0, matrixFlagged: 0 });
        }
    });
});
