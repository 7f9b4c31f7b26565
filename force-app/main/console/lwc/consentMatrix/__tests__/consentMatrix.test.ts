import { consentMatrix, coverageLevel, daysUntil } from 'c/consentMatrix';

describe('c/consentMatrix', () => {
    it('grades shares at 90 and 60 percent', () => {
        expect(coverageLevel(null)).toBe('none');
        expect(coverageLevel(0.9)).toBe('high');
        expect(coverageLevel(0.89)).toBe('medium');
        expect(coverageLevel(0.6)).toBe('medium');
        expect(coverageLevel(0.59)).toBe('low');
    });

    it('pivots counts into purposes by jurisdictions with granted shares', () => {
        const matrix = consentMatrix(
            [
                { purpose: 'LlmInference', jurisdiction: 'EU', status: 'Granted', count: 90 },
                { purpose: 'LlmInference', jurisdiction: 'EU', status: 'Denied', count: 5 },
                { purpose: 'LlmInference', jurisdiction: 'EU', status: 'Withdrawn', count: 5 },
                { purpose: 'LlmInference', jurisdiction: 'US', status: 'Granted', count: 1 },
                { purpose: 'Research', jurisdiction: 'US', status: 'Denied', count: 3 }
            ],
            ['CareDelivery']
        );
        expect(matrix.jurisdictions).toEqual(['EU', 'US']);
        expect(matrix.rows.map((row) => row.purpose)).toEqual(['CareDelivery', 'LlmInference', 'Research']);
        const inference = matrix.rows[1];
        expect(inference.cells[0]).toMatchObject({
            granted: 90,
            denied: 5,
            withdrawn: 5,
            total: 100,
            share: 0.9,
            level: 'high'
        });
        expect(inference.granted).toBe(91);
        expect(matrix.rows[0].cells.every((cell) => cell.level === 'none')).toBe(true);
        expect(matrix.rows[2].cells[1]).toMatchObject({ share: 0, level: 'low' });
    });

    it('counts days until expiry, rounding up', () => {
        const now = new Date('2026-11-22T12:00:00Z');
        expect(daysUntil('2026-11-22T18:00:00Z', now)).toBe(1);
        expect(daysUntil('2026-12-22T12:00:00Z', now)).toBe(30);
    });
});
