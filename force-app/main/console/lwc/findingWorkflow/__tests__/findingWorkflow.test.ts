import {
    checkTransition,
    commonNextStatuses,
    nextStatuses,
    planBulkTransition,
    requiresJustification
} from 'c/findingWorkflow';

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
