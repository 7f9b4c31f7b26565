import { formatLabel, formatNumber, formatPercent, formatDay, formatDateTime, readableError } from 'c/consoleUtils';

const NEED = 'You need the WardenComplianceOfficer permission set.';

describe('c/consoleUtils', () => {
    it('fills label placeholders and leaves missing ones visible', () => {
        expect(formatLabel('{0} of {1}', 3, 10)).toBe('3 of 10');
        expect(formatLabel('{0} and {2}', 'a')).toBe('a and {2}');
    });

    it('formats numbers and dates in the given locale', () => {
        expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
        expect(formatNumber(1234567, 'de-DE')).toBe('1.234.567');
        expect(formatNumber(null, 'en-US')).toBe('');
        expect(formatPercent(0.125, 'en-US')).toBe('12.5%');
        expect(formatDay('2026-11-22', 'en-US')).toBe('Nov 22, 2026');
        expect(formatDay('2026-11-22', 'de-DE')).toBe('22.11.2026');
        expect(formatDateTime('2026-11-22T10:00:00.000Z', 'en-US', 'UTC')).toContain('10:00:00');
        expect(formatDateTime('garbage', 'en-US')).toBe('garbage');
    });

    it('turns an Apex error into its message without exception class or stack', () => {
        const error = {
            body: {
                message:
                    'System.DmlException: Justification is required (Class.WardenFindingsController.updateFindings: line 42, column 1)'
            }
        };
        expect(readableError(error, NEED, 'Something went wrong')).toEqual({
            kind: 'validation',
            message: 'Justification is required'
        });
    });

    it('turns permission failures into the permission-set message', () => {
        expect(
            readableError(
                { body: { message: 'Insufficient permissions: secure query included inaccessible field' } },
                NEED,
                'x'
            ).kind
        ).toBe('permission');
        expect(readableError({ status: 403, body: {} }, NEED, 'x')).toEqual({ kind: 'permission', message: NEED });
    });

    it('collects page and field errors and falls back to a generic message', () => {
        const error = {
            body: [
                { pageErrors: [{ message: 'Page problem' }], fieldErrors: { Status__c: [{ message: 'Bad status' }] } }
            ]
        };
        expect(readableError(error, NEED, 'x').message).toBe('Page problem Bad status');
        expect(readableError(undefined, NEED, 'Something went wrong')).toEqual({
            kind: 'unknown',
            message: 'Something went wrong'
        });
        expect(readableError(new Error('Network down'), NEED, 'x').message).toBe('Network down');
    });
});
