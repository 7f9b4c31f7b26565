/**
 * The posture score of the overview screen: one number from 0 to 100 and the breakdown behind it.
 *
 * The score is a weighted sum of five component scores, each between 0 and 1:
 *
 * | component | weight | component score |
 * |---|---|---|
 * | findings  | 35 | 25 / (25 + P), P = Σ open findings × severity points (Critical 10, High 5, Medium 2, Low 0.5, Info 0), overdue ones counted twice |
 * | consent   | 25 | covered calls / calls with a consent result (1 when there were none) |
 * | residency | 20 | max(0, 1 − 10 × violating calls / all calls): a 10 % violation rate scores 0 |
 * | endpoints | 10 | approved endpoints in good standing (DPA signed and unexpired, zero retention) / approved endpoints |
 * | flows     | 10 | 1 − data flows overdue for their quarterly review / all data flows |
 *
 * score = round(Σ weight × component score). 85 and above is "good", 65 and above "fair", lower is "poor".
 * The findings curve never reaches 0, so a backlog always leaves room to show progress; one open Critical
 * finding alone costs 35 × (1 − 25/35) = 10 points.
 */
import type { CallDecision, Decision, PostureSummary, Severity } from 'c/consoleContracts';
import {
    CALL_DECISIONS,
    CONSENT_COVERED_RESULTS,
    RESIDENCY_VIOLATION_RESULTS,
    checkedCounts
} from 'c/consoleContracts';

export const SEVERITY_POINTS: Record<Severity, number> = { Critical: 10, High: 5, Medium: 2, Low: 0.5, Info: 0 };
export const FINDINGS_HALF_SCORE_POINTS = 25;
export const RESIDENCY_ZERO_RATE = 0.1;
export const WEIGHTS = { findings: 35, consent: 25, residency: 20, endpoints: 10, flows: 10 };

export type ComponentKey = keyof typeof WEIGHTS;
export type ScoreComponent = {
    key: ComponentKey;
    weight: number;
    /** 0..1 */
    score: number;
    /** weight × score, rounded to one decimal */
    points: number;
    /** The numbers the component score was computed from, for the breakdown. */
    numerator: number;
    denominator: number;
};
export type Band = 'good' | 'fair' | 'poor';
export type PostureScore = { score: number; band: Band; components: ScoreComponent[] };

export type ScoreInputs = Pick<
    PostureSummary,
    | 'findingsBySeverity'
    | 'consentResults'
    | 'residencyResults'
    | 'endpoints'
    | 'flowsTotal'
    | 'flowsReviewOverdue'
    | 'today'
>;

function clamp01(value: number): number {
    if (!Number.isFinite(value)) {
        return 0;
    }
    return Math.min(1, Math.max(0, value));
}

function round1(value: number): number {
    return Math.round(value * 10) / 10;
}

/** Penalty points of the open findings: severity points, overdue findings counted twice. */
export function findingsPenalty(rows: PostureSummary['findingsBySeverity']): number {
    let points = 0;
    for (const row of rows) {
        const perFinding = SEVERITY_POINTS[row.severity] ?? 0;
        points += perFinding * (Math.max(0, row.open) + Math.max(0, row.overdue));
    }
    return points;
}

function sumCounts(rows: { key: string; count: number }[], keys?: string[]): number {
    return rows.filter((row) => !keys || keys.includes(row.key)).reduce((total, row) => total + row.count, 0);
}

/** True when an approved endpoint has a signed, unexpired DPA and zero retention on `today`. */
export function endpointInGoodStanding(endpoint: PostureSummary['endpoints'][number], today: string): boolean {
    if (!endpoint.dpaSigned || !endpoint.zeroRetention) {
        return false;
    }
    return !endpoint.dpaExpires || endpoint.dpaExpires >= today;
}

export function computePostureScore(inputs: ScoreInputs): PostureScore {
    const penalty = findingsPenalty(inputs.findingsBySeverity);
    const consentTotal = sumCounts(checkedCounts(inputs.consentResults));
    const consentCovered = sumCounts(inputs.consentResults, CONSENT_COVERED_RESULTS);
    const callsTotal = sumCounts(checkedCounts(inputs.residencyResults));
    const violations = sumCounts(inputs.residencyResults, RESIDENCY_VIOLATION_RESULTS);
    const approved = inputs.endpoints.filter((endpoint) => endpoint.status === 'Approved');
    const healthy = approved.filter((endpoint) => endpointInGoodStanding(endpoint, inputs.today));

    const raw: Record<ComponentKey, [number, number, number]> = {
        findings: [FINDINGS_HALF_SCORE_POINTS / (FINDINGS_HALF_SCORE_POINTS + penalty), penalty, 0],
        consent: [consentTotal === 0 ? 1 : consentCovered / consentTotal, consentCovered, consentTotal],
        residency: [callsTotal === 0 ? 1 : 1 - violations / callsTotal / RESIDENCY_ZERO_RATE, violations, callsTotal],
        endpoints: [approved.length === 0 ? 1 : healthy.length / approved.length, healthy.length, approved.length],
        flows: [
            inputs.flowsTotal === 0 ? 1 : 1 - inputs.flowsReviewOverdue / inputs.flowsTotal,
            inputs.flowsReviewOverdue,
            inputs.flowsTotal
        ]
    };
    const components = (Object.keys(WEIGHTS) as ComponentKey[]).map((key) => {
        const score = clamp01(raw[key][0]);
        return {
            key,
            weight: WEIGHTS[key],
            score,
            points: round1(WEIGHTS[key] * score),
            numerator: raw[key][1],
            denominator: raw[key][2]
        };
    });
    const score = Math.round(components.reduce((total, component) => total + component.weight * component.score, 0));
    return { score, band: bandOf(score), components };
}

export function bandOf(score: number): Band {
    if (score >= 85) {
        return 'good';
    }
    return score >= 65 ? 'fair' : 'poor';
}

export type DaySeries = { day: string; Allowed: number; Redacted: number; Blocked: number; total: number };

/** Adds `days` to a 'YYYY-MM-DD' date, in UTC, and returns 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

/** Pivots per-day decision counts into one entry per day of the window, days without calls as zeros. */
export function dailySeries(
    rows: { day: string; decision: Decision; count: number }[],
    today: string,
    windowDays: number
): DaySeries[] {
    const first = addDays(today, -(windowDays - 1));
    const byDay = new Map<string, DaySeries>();
    for (let index = 0; index < windowDays; index++) {
        const day = addDays(first, index);
        byDay.set(day, { day, Allowed: 0, Redacted: 0, Blocked: 0, total: 0 });
    }
    for (const row of rows) {
        const entry = byDay.get(row.day);
        // An erasure receipt (Erased) is no call: it has no bar.
        if (entry && row.decision !== 'Erased') {
            entry[row.decision] += row.count;
            entry.total += row.count;
        }
    }
    return [...byDay.values()];
}

export type Bar = {
    key: string;
    day: string;
    decision: CallDecision;
    x: number;
    y: number;
    width: number;
    height: number;
};

/**
 * The value axis of a chart whose largest value is `max`: `count` + 1 evenly spaced ticks from 0 whose step is
 * 1, 2 or 5 times a power of ten, so that a reader can read a bar's height off round numbers. The last tick is
 * at or above `max`; pass it to stackedBars as `scaleMax` so that the bars and the ticks share one scale.
 */
export function axisTicks(max: number, count = 4): number[] {
    const rough = Math.max(1, max) / count;
    const power = 10 ** Math.floor(Math.log10(rough));
    // Call counts are whole numbers: a step below 1 would label fractions of a call.
    const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((value) => value >= rough) as number);
    const steps = Math.max(1, Math.ceil(Math.max(1, max) / step));
    return Array.from({ length: steps + 1 }, (_, index) => index * step);
}

/**
 * Geometry of a stacked bar chart (one bar per day, Allowed at the bottom) in a width × height box. The full
 * height stands for `scaleMax` when it is given (and not below the largest day), otherwise for the largest day.
 */
export function stackedBars(
    series: DaySeries[],
    width: number,
    height: number,
    scaleMax = 0
): { bars: Bar[]; max: number } {
    const max = Math.max(1, scaleMax, ...series.map((entry) => entry.total));
    const slot = series.length === 0 ? width : width / series.length;
    const barWidth = Math.max(1, slot * 0.8);
    const bars: Bar[] = [];
    series.forEach((entry, index) => {
        let top = height;
        for (const decision of CALL_DECISIONS) {
            const value = entry[decision];
            if (value <= 0) {
                continue;
            }
            const barHeight = (value / max) * height;
            top -= barHeight;
            bars.push({
                key: `${entry.day}-${decision}`,
                day: entry.day,
                decision,
                x: round1(index * slot + (slot - barWidth) / 2),
                y: round1(top),
                width: round1(barWidth),
                height: round1(barHeight)
            });
        }
    });
    return { bars, max };
}
