import {
    computePostureScore,
    dailySeries,
    findingsPenalty,
    stackedBars,
    axisTicks,
    bandOf,
    endpointInGoodStanding,
    WEIGHTS
} from 'c/postureScore';
import type { EndpointRow } from 'c/consoleContracts';
import { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from 'c/gatePolicy';

const endpoint = (overrides: Partial<EndpointRow>): EndpointRow => ({
    id: 'e1',
    name: 'E',
    endpointKey: 'e',
    model: null,
    region: 'eu-central-1',
    jurisdiction: 'EU',
    hosting: 'SovereignLocal',
    status: 'Approved',
    dpaSigned: true,
    dpaExpires: '2027-01-01',
    zeroRetention: true,
    approvedOn: null,
    ...overrides
});

const clean = {
    today: '2026-11-22',
    findingsBySeverity: [],
    consentResults: [],
    residencyResults: [],
    endpoints: [],
    flowsTotal: 0,
    flowsReviewOverdue: 0
};

describe('c/postureScore', () => {
    it('scores a clean org with nothing to report at 100', () => {
        const result = computePostureScore(clean);
        expect(result.score).toBe(100);
        expect(result.band).toBe('good');
        expect(result.components.map((component) => component.key)).toEqual(Object.keys(WEIGHTS));
    });

    it('weights add up to 100', () => {
        expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    });

    it('counts overdue findings twice in the penalty', () => {
        expect(findingsPenalty([{ severity: 'Critical', open: 1, overdue: 1, dueSoon: 0 }])).toBe(20);
        expect(findingsPenalty([{ severity: 'Low', open: 4, overdue: 0, dueSoon: 2 }])).toBe(2);
        expect(findingsPenalty([{ severity: 'Info', open: 40, overdue: 40, dueSoon: 0 }])).toBe(0);
    });

    it('costs ten points for one open critical finding', () => {
        const result = computePostureScore({
            ...clean,
            findingsBySeverity: [{ severity: 'Critical', open: 1, overdue: 0, dueSoon: 0 }]
        });
        expect(result.score).toBe(90);
    });

    it('scores consent as the covered share of calls', () => {
        const result = computePostureScore({
            ...clean,
            consentResults: [
                { key: 'Granted', count: 80 },
                { key: 'Expired', count: 10 },
                { key: 'Missing', count: 10 }
            ]
        });
        const consent = result.components.find((component) => component.key === 'consent');
        expect(consent?.score).toBeCloseTo(0.8);
        expect(consent?.points).toBe(20);
        expect(result.score).toBe(95);
    });

    it('leaves calls refused before the checks out of the consent and residency shares', () => {
        const result = computePostureScore({
            ...clean,
            consentResults: [
                { key: 'Granted', count: 80 },
                { key: 'Missing', count: 20 },
                { key: 'NotChecked', count: 900 }
            ],
            residencyResults: [
                { key: RESIDENCY_ALLOWED, count: 99 },
                { key: RESIDENCY_BLOCKED, count: 1 },
                { key: 'NotChecked', count: 900 }
            ]
        });
        const consent = result.components.find((component) => component.key === 'consent');
        const residency = result.components.find((component) => component.key === 'residency');
        expect(consent?.score).toBeCloseTo(0.8);
        expect(residency?.score).toBeCloseTo(0.9);
    });

    it('drives residency to zero at a ten percent violation rate', () => {
        const result = computePostureScore({
            ...clean,
            residencyResults: [
                { key: RESIDENCY_ALLOWED, count: 90 },
                { key: RESIDENCY_BLOCKED, count: 10 }
            ]
        });
        expect(result.components.find((component) => component.key === 'residency')?.score).toBe(0);
        expect(result.score).toBe(80);
    });

    it('counts only approved endpoints and flags expired DPAs', () => {
        const endpoints = [
            endpoint({ id: 'a' }),
            endpoint({ id: 'b', dpaExpires: '2026-01-01' }),
            endpoint({ id: 'c', status: 'Proposed', dpaSigned: false })
        ];
        const result = computePostureScore({ ...clean, endpoints });
        const component = result.components.find((c) => c.key === 'endpoints');
        expect(component?.numerator).toBe(1);
        expect(component?.denominator).toBe(2);
        expect(result.score).toBe(95);
        expect(endpointInGoodStanding(endpoint({ dpaExpires: null }), '2026-11-22')).toBe(true);
        expect(endpointInGoodStanding(endpoint({ zeroRetention: false }), '2026-11-22')).toBe(false);
    });

    it('scores flows by the share without an overdue review', () => {
        const result = computePostureScore({ ...clean, flowsTotal: 10, flowsReviewOverdue: 5 });
        expect(result.score).toBe(95);
    });

    it('bands scores at 85 and 65', () => {
        expect(bandOf(85)).toBe('good');
        expect(bandOf(84)).toBe('fair');
        expect(bandOf(65)).toBe('fair');
        expect(bandOf(64)).toBe('poor');
    });
});

describe('c/postureScore: calls per day', () => {
    it('leaves erasure receipts out of the calls per day and out of the bars', () => {
        const series = dailySeries(
            [
                { day: '2026-11-22', decision: 'Allowed', count: 2 },
                { day: '2026-11-22', decision: 'Erased', count: 5 }
            ],
            '2026-11-22',
            1
        );
        expect(series).toEqual([{ day: '2026-11-22', Allowed: 2, Redacted: 0, Blocked: 0, total: 2 }]);
        expect(stackedBars(series, 100, 50).bars.map((bar) => bar.decision)).toEqual(['Allowed']);
    });

    it('fills every day of the window, including days without calls', () => {
        const series = dailySeries(
            [
                { day: '2026-11-20', decision: 'Allowed', count: 3 },
                { day: '2026-11-20', decision: 'Blocked', count: 1 },
                { day: '2026-11-01', decision: 'Allowed', count: 99 }
            ],
            '2026-11-22',
            3
        );
        expect(series.map((entry) => entry.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
        expect(series[0]).toEqual({ day: '2026-11-20', Allowed: 3, Redacted: 0, Blocked: 1, total: 4 });
        expect(series[1].total).toBe(0);
    });

    it('stacks bars to the full height for the busiest day', () => {
        const series = dailySeries(
            [
                { day: '2026-11-21', decision: 'Allowed', count: 5 },
                { day: '2026-11-21', decision: 'Blocked', count: 5 },
                { day: '2026-11-22', decision: 'Redacted', count: 5 }
            ],
            '2026-11-22',
            2
        );
        const { bars, max } = stackedBars(series, 100, 50);
        expect(max).toBe(10);
        const allowed = bars.find((bar) => bar.key === '2026-11-21-Allowed');
        const blocked = bars.find((bar) => bar.key === '2026-11-21-Blocked');
        expect(allowed?.height).toBe(25);
        expect(blocked?.y).toBe(0);
        expect(bars.find((bar) => bar.key === '2026-11-22-Redacted')?.height).toBe(25);
    });
});

describe('c/postureScore axisTicks', () => {
    it('puts the value axis on round steps that reach the largest value, and bars on the same scale', () => {
        expect(axisTicks(0)).toEqual([0, 1]);
        expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
        expect(axisTicks(1234)).toEqual([0, 500, 1000, 1500]);
        expect(axisTicks(40000)).toEqual([0, 10000, 20000, 30000, 40000]);
        const series = dailySeries([{ day: '2026-11-22', decision: 'Allowed', count: 7 }], '2026-11-22', 1);
        const ticks = axisTicks(7);
        const { bars, max } = stackedBars(series, 100, 80, ticks[ticks.length - 1]);
        expect(max).toBe(8);
        expect(bars[0].height).toBe(70);
        expect(stackedBars(series, 100, 80, 3).max).toBe(7);
    });
});
