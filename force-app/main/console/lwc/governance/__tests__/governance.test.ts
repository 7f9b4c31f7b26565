import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    acceptanceBounds,
    closureRequestRefusal,
    decisionRefusal,
    endpointProblems,
    flowDecisionRefusal,
    flowRequestRefusal,
    MAX_ACCEPTANCE_DAYS,
    MIN_NOTE,
    needsSecondPerson,
    reviewRefusal,
    type EndpointProblem,
    type EndpointStanding
} from 'c/governance';

/** The vectors the Apex FindingGovernance_Tests and DataFlowGovernance_Tests run too. */
type DecisionVector = {
    requestedBy: string | null;
    actor: string;
    isApprover: boolean;
    approve: boolean;
    note: string | null;
    expected: string | null;
};
type VectorFile = {
    maxAcceptanceDays: number;
    minNote: number;
    needsSecondPerson: { severity: string; to: string; expected: boolean }[];
    closureRequests: {
        finding: { status: string; requestedStatus: string | null };
        to: string;
        justification: string | null;
        until: string | null;
        today: string;
        expected: string | null;
    }[];
    decisions: DecisionVector[];
    endpointProblems: {
        endpoint: EndpointStanding;
        today: string;
        residencyViolations: number;
        expected: EndpointProblem[];
    }[];
    flowRequests: {
        flow: { status: string; requestedBy: string | null };
        justification: string;
        expected: string | null;
    }[];
    flowDecisions: (DecisionVector & { overrideShortfall: boolean; problems: EndpointProblem[] })[];
    reviews: { status: string; note: string | null; expected: string | null }[];
};
const VECTORS = JSON.parse(
    readFileSync(join(__dirname, '../../../../../tests/common/staticresources/GovernanceVectors.json'), 'utf8')
) as VectorFile;

describe('c/governance against the shared vectors', () => {
    it('has the bounds of the vectors', () => {
        expect(MAX_ACCEPTANCE_DAYS).toBe(VECTORS.maxAcceptanceDays);
        expect(MIN_NOTE).toBe(VECTORS.minNote);
    });

    it('knows which moves need a second person', () => {
        for (const vector of VECTORS.needsSecondPerson) {
            expect([vector, needsSecondPerson(vector.severity, vector.to)]).toEqual([vector, vector.expected]);
        }
    });

    it('decides when a closure may be asked for', () => {
        for (const vector of VECTORS.closureRequests) {
            const refusal = closureRequestRefusal({
                status: vector.finding.status,
                requestedStatus: vector.finding.requestedStatus,
                to: vector.to,
                justification: vector.justification,
                until: vector.until,
                today: vector.today
            });
            expect([vector, refusal]).toEqual([vector, vector.expected]);
        }
    });

    it('decides who may approve or reject', () => {
        for (const vector of VECTORS.decisions) {
            expect([vector, decisionRefusal(vector)]).toEqual([vector, vector.expected]);
        }
    });

    it('lists where an endpoint falls short', () => {
        for (const vector of VECTORS.endpointProblems) {
            expect([vector, endpointProblems(vector.endpoint, vector.today, vector.residencyViolations)]).toEqual([
                vector,
                vector.expected
            ]);
        }
    });

    it('decides flow requests, flow decisions and reviews', () => {
        for (const vector of VECTORS.flowRequests) {
            expect([vector, flowRequestRefusal(vector.flow, vector.justification)]).toEqual([vector, vector.expected]);
        }
        for (const vector of VECTORS.flowDecisions) {
            expect([vector, flowDecisionRefusal(vector)]).toEqual([vector, vector.expected]);
        }
        for (const vector of VECTORS.reviews) {
            expect([vector, reviewRefusal(vector.status, vector.note)]).toEqual([vector, vector.expected]);
        }
    });
});

describe('c/governance', () => {
    it('gives the first and last day a risk acceptance may end on', () => {
        expect(acceptanceBounds('2026-12-31')).toEqual({ min: '2027-01-01', max: '2027-12-31' });
    });

    it('refuses a justification longer than the field', () => {
        expect(
            closureRequestRefusal({
                status: 'New',
                requestedStatus: null,
                to: 'FalsePositive',
                justification: 'x'.repeat(32769),
                until: null,
                today: '2026-11-22'
            })
        ).toBe('justificationTooLong');
    });
});
