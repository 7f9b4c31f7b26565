import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_FINDING_STATUSES } from 'c/consoleContracts';
import {
    checkTransition,
    commonNextStatuses,
    justificationAfter,
    MAX_JUSTIFICATION_LENGTH,
    MIN_JUSTIFICATION_LENGTH,
    nextStatuses,
    planBulkTransition,
    requiresJustification,
    resolvedOnAfter
} from 'c/findingWorkflow';

/** The vectors the Apex FindingWorkflow_Tests run too, generated from docs/finding-workflow.md. */
type VectorText = string | null | { repeat: string; times: number };
type VectorFile = {
    statuses: string[];
    openStatuses: string[];
    justification: { min: number; max: number };
    nextStatuses: Record<string, string[]>;
    transitions: {
        from: string;
        to: string;
        justification: VectorText;
        expected: { allowed: boolean; reason: string | null; resolvedOn: string | null };
    }[];
    justificationAfter: { given: string | null; existing: string | null; expected: string | null }[];
};
const VECTORS = JSON.parse(
    readFileSync(join(__dirname, '../../../../../tests/findings/staticresources/FindingWorkflowVectors.json'), 'utf8')
) as VectorFile;

function text(value: VectorText): string | null {
    return value === null || typeof value === 'string' ? value : value.repeat.repeat(value.times);
}

describe('c/findingWorkflow against the shared vectors', () => {
    it('answers every move of the table as the vectors expect', () => {
        expect(VECTORS.transitions.length).toBeGreaterThan(100);
        for (const vector of VECTORS.transitions) {
            const check = checkTransition(vector.from, vector.to, text(vector.justification));
            const actual = {
                allowed: check.allowed,
                reason: check.allowed ? null : check.reason,
                resolvedOn: !check.allowed ? null : vector.from === vector.to ? 'keep' : resolvedOnAfter(vector.to)
            };
            expect({ ...vector, actual }).toEqual({ ...vector, actual: vector.expected });
        }
    });

    it('offers the next statuses of the table, in its order', () => {
        for (const status of VECTORS.statuses) {
            expect(nextStatuses(status)).toEqual(VECTORS.nextStatuses[status]);
        }
    });

    it('knows the open statuses and the justification bounds of the table', () => {
        expect(OPEN_FINDING_STATUSES).toEqual(VECTORS.openStatuses);
        expect([MIN_JUSTIFICATION_LENGTH, MAX_JUSTIFICATION_LENGTH]).toEqual([
            VECTORS.justification.min,
            VECTORS.justification.max
        ]);
    });

    it('keeps the current justification when an update brings none', () => {
        for (const vector of VECTORS.justificationAfter) {
            expect(justificationAfter(vector.given, vector.existing)).toBe(vector.expected);
        }
    });
});

describe('c/findingWorkflow', () => {
    it('walks the happy path New → Triaged → InRemediation → Resolved', () => {
        expect(checkTransition('New', 'Triaged')).toEqual({ allowed: true });
        expect(checkTransition('Triaged', 'InRemediation')).toEqual({ allowed: true });
        expect(checkTransition('InRemediation', 'Resolved')).toEqual({ allowed: true });
    });

    it('never moves backwards except a reopen to Triaged', () => {
        expect(checkTransition('InRemediation', 'New')).toEqual({ allowed: false, reason: 'notAllowed' });
        expect(checkTransition('Triaged', 'New')).toEqual({ allowed: false, reason: 'notAllowed' });
        expect(checkTransition('Resolved', 'InRemediation')).toEqual({ allowed: false, reason: 'notAllowed' });
        expect(checkTransition('Resolved', 'Triaged')).toEqual({ allowed: true });
        expect(nextStatuses('FalsePositive')).toEqual(['Triaged']);
    });

    it('requires a justification of at least ten characters for RiskAccepted and FalsePositive', () => {
        expect(requiresJustification('RiskAccepted')).toBe(true);
        expect(requiresJustification('Resolved')).toBe(false);
        expect(checkTransition('New', 'RiskAccepted')).toEqual({ allowed: false, reason: 'justificationRequired' });
        expect(checkTransition('New', 'FalsePositive', '   short  ')).toEqual({
            allowed: false,
            reason: 'justificationRequired'
        });
        expect(checkTransition('New', 'FalsePositive', 'Test class only, never deployed')).toEqual({ allowed: true });
        expect(checkTransition('New', 'RiskAccepted', 'x'.repeat(32769))).toEqual({
            allowed: false,
            reason: 'justificationTooLong'
        });
    });

    it('refuses unknown statuses', () => {
        expect(checkTransition('Open', 'Triaged')).toEqual({ allowed: false, reason: 'unknownStatus' });
        expect(nextStatuses('Whatever')).toEqual([]);
    });

    it('offers only the statuses every selected finding may move to', () => {
        expect(commonNextStatuses(['New', 'Triaged'])).toEqual([
            'InRemediation',
            'Resolved',
            'RiskAccepted',
            'FalsePositive'
        ]);
        expect(commonNextStatuses(['New', 'Resolved'])).toEqual(['Triaged']);
        expect(commonNextStatuses(['InRemediation', 'Resolved'])).toEqual([]);
        expect(commonNextStatuses([])).toEqual([]);
    });

    it('accepts keeping the status, as the server does', () => {
        expect(checkTransition('Resolved', 'Resolved')).toEqual({ allowed: true });
    });

    it('checks a bulk change against the justification a finding already has', () => {
        const plan = planBulkTransition(
            [
                { id: 'a', status: 'Triaged', justification: 'Compensating control documented.' },
                { id: 'b', status: 'Triaged', justification: null }
            ],
            'RiskAccepted',
            '  '
        );
        expect(plan.movable.map((f) => f.id)).toEqual(['a']);
        expect(plan.refused.map((r) => r.reason)).toEqual(['justificationRequired']);
    });

    it('splits a bulk change into movable and refused findings', () => {
        const plan = planBulkTransition(
            [
                { id: 'a', status: 'New' },
                { id: 'b', status: 'Resolved' }
            ],
            'InRemediation'
        );
        expect(plan.movable.map((f) => f.id)).toEqual(['a']);
        expect(plan.refused).toEqual([{ finding: { id: 'b', status: 'Resolved' }, reason: 'notAllowed' }]);
    });
});
