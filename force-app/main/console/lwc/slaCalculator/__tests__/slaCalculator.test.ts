import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlaSettings } from 'c/consoleContracts';
import {
    DEFAULT_SLA,
    dueDate,
    recalculatedDueDate,
    sortDueFirst,
    type DueFirstInput,
    type RecalculationInput,
    normaliseSla,
    slaDays,
    slaState,
    daysBetween,
    effectiveDueDate,
    toDay
} from 'c/slaCalculator';

describe('c/slaCalculator', () => {
    it('uses the package defaults: Critical 30, High 60, Medium 90, Low 180 days', () => {
        expect(DEFAULT_SLA).toEqual({ critical: 30, high: 60, medium: 90, low: 180 });
        expect(slaDays('Critical')).toBe(30);
        expect(slaDays('High')).toBe(60);
        expect(slaDays('Info')).toBeNull();
    });

    it('computes due dates across month and year ends in UTC', () => {
        expect(dueDate('Critical', '2026-12-15')).toBe('2027-01-14');
        expect(dueDate('High', '2026-01-01T23:30:00.000Z')).toBe('2026-03-02');
        expect(dueDate('Info', '2026-01-01')).toBeNull();
    });

    it('applies a configured SLA and keeps defaults for blank values', () => {
        const settings = normaliseSla({ critical: 14, high: '', medium: null });
        expect(settings).toEqual({ critical: 14, high: 60, medium: 90, low: 180 });
        expect(dueDate('Critical', '2026-11-01', settings)).toBe('2026-11-15');
    });

    it('refuses an SLA that is not a whole number of days in range', () => {
        expect(() => normaliseSla({ critical: 0 })).toThrow(RangeError);
        expect(() => normaliseSla({ high: 2.5 })).toThrow(RangeError);
        expect(() => normaliseSla({ low: 'soon' })).toThrow(RangeError);
        expect(() => normaliseSla({ medium: 4000 })).toThrow(RangeError);
    });

    it('classifies open findings as overdue, due soon or on track', () => {
        const today = '2026-11-22';
        expect(slaState({ status: 'New', dueDate: '2026-11-21' }, today)).toBe('overdue');
        expect(slaState({ status: 'Triaged', dueDate: '2026-11-22' }, today)).toBe('dueSoon');
        expect(slaState({ status: 'InRemediation', dueDate: '2026-11-29' }, today)).toBe('dueSoon');
        expect(slaState({ status: 'New', dueDate: '2026-11-30' }, today)).toBe('onTrack');
        expect(slaState({ status: 'Resolved', dueDate: '2020-01-01' }, today)).toBe('closed');
        expect(slaState({ status: 'RiskAccepted', dueDate: '2020-01-01' }, today)).toBe('closed');
        expect(slaState({ status: 'New', dueDate: null, severity: 'Info', firstSeen: '2020-01-01' }, today)).toBe(
            'none'
        );
    });

    it('derives a missing due date from severity and first seen', () => {
        expect(
            effectiveDueDate({ status: 'New', dueDate: null, severity: 'Critical', firstSeen: '2026-10-01T10:00:00Z' })
        ).toBe('2026-10-31');
        expect(
            slaState(
                { status: 'New', dueDate: null, severity: 'Critical', firstSeen: '2026-10-01T10:00:00Z' },
                '2026-11-22'
            )
        ).toBe('overdue');
    });

    it('rejects malformed dates', () => {
        expect(() => daysBetween('2026-1-1', '2026-01-02')).toThrow(RangeError);
        expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
        expect(toDay(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    });
});

describe('c/slaCalculator against the shared deadline vectors', () => {
    type SlaVectorFile = {
        dueSoonDays: number;
        dueDates: { severity: string; firstSeen: string; settings: SlaSettings; expected: string | null }[];
        recalculations: { finding: RecalculationInput; settings: SlaSettings; expected: string | null }[];
        states: { status: string; dueDate: string | null; today: string; expected: string }[];
        orders: { description: string; today: string; findings: DueFirstInput[]; expected: string[] }[];
    };
    const vectors = JSON.parse(
        readFileSync(join(__dirname, '../../../../../tests/findings/staticresources/SlaVectors.json'), 'utf8')
    ) as SlaVectorFile;

    it('computes every due date of the vectors', () => {
        for (const vector of vectors.dueDates) {
            expect([vector, dueDate(vector.severity, vector.firstSeen, vector.settings)]).toEqual([
                vector,
                vector.expected
            ]);
        }
    });

    it('moves only deadlines that follow the SLA when the windows change', () => {
        for (const vector of vectors.recalculations) {
            expect([vector, recalculatedDueDate(vector.finding, vector.settings)]).toEqual([vector, vector.expected]);
        }
    });

    it('places findings against their deadline as the vectors expect', () => {
        for (const vector of vectors.states) {
            expect([vector, slaState({ status: vector.status, dueDate: vector.dueDate }, vector.today)]).toEqual([
                vector,
                vector.expected
            ]);
        }
    });

    it('orders "Due first" by lateness, then severity', () => {
        for (const vector of vectors.orders) {
            expect([vector.description, sortDueFirst(vector.findings, vector.today).map((row) => row.name)]).toEqual([
                vector.description,
                vector.expected
            ]);
        }
    });
});
