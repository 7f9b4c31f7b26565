import {
    formatLabel,
    formatNumber,
    formatPercent,
    formatDay,
    formatDateTime,
    formatValue,
    readableError
} from 'c/consoleUtils';

const NEED = 'You need the WardenComplianceOfficer permission set.';

describe('c/consoleUtils', () => {
    it('fills label placeholders and leaves missing ones visible', () => {
        expect(formatLabel('{0} of {1}', 3, 10)).toBe('3 of 10');
        expect(formatLabel('{0} and {2}', 'a')).toBe('a and {2}');
    });

    it('formats numbers in the given locale', () => {
        expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
        expect(formatNumber(1234567, 'de-DE')).toBe('1.234.567');
        expect(formatNumber(null, 'en-US')).toBe('');
        expect(formatPercent(0.125, 'en-US')).toBe('12.5%');
    });
});

describe('c/consoleUtils errors', () => {
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

describe('c/consoleUtils dates and times (one format each, docs/console.md)', () => {
    it('shows a date as a medium calendar date in the locale, never shifted by a time zone', () => {
        expect(formatDay('2026-11-22', 'en-US')).toBe('Nov 22, 2026');
        expect(formatDay('2026-11-22', 'de-DE')).toBe('22.11.2026');
        // The date part of an ISO instant late in the UTC day is still that day.
        expect(formatDay('2026-11-22T23:30:00.000Z', 'en-US')).toBe('Nov 22, 2026');
        expect(formatDay(null, 'en-US')).toBe('');
        expect(formatDay('not a day', 'en-US')).toBe('not a day');
    });

    it('shows a date-time in the given time zone with the zone named', () => {
        const at = '2026-11-22T10:00:00.000Z';
        expect(formatDateTime(at, 'en-US', 'UTC')).toBe('Nov 22, 2026, 10:00:00 AM UTC');
        expect(formatDateTime(at, 'en-US', 'America/Los_Angeles')).toBe('Nov 22, 2026, 2:00:00 AM PST');
        expect(formatDateTime(at, 'de-DE', 'Europe/Berlin')).toBe('22.11.2026, 11:00:00 MEZ');
        expect(formatDateTime(undefined, 'en-US', 'UTC')).toBe('');
        expect(formatDateTime('garbage', 'en-US', 'UTC')).toBe('garbage');
    });

    it('falls back to UTC, still named, for a time zone the browser does not know', () => {
        expect(formatDateTime('2026-11-22T10:00:00.000Z', 'en-US', 'Mars/Olympus_Mons')).toBe(
            'Nov 22, 2026, 10:00:00 AM UTC'
        );
    });

    it('formats a cell of unknown kind by what it holds', () => {
        expect(formatValue('2026-11-22', 'en-US', 'UTC')).toBe('Nov 22, 2026');
        expect(formatValue('2026-11-22T10:00:00.000Z', 'en-US', 'UTC')).toBe('Nov 22, 2026, 10:00:00 AM UTC');
        expect(formatValue('Drop', 'en-US', 'UTC')).toBe('Drop');
        expect(formatValue(12, 'en-US', 'UTC')).toBe('12');
        expect(formatValue(null, 'en-US', 'UTC')).toBe('');
    });
});
