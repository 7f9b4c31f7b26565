/**
 * The residency matrix: data jurisdictions (rows) against endpoints (columns, grouped by the endpoint's
 * processing jurisdiction, region and hosting).
 *
 * A cell combines two sources: what the gate observed (calls in the window and how many were flagged as
 * residency violations) and what the configuration allows (JurisdictionRule__mdt: the endpoint
 * jurisdictions, hostings, DPA and retention a data jurisdiction demands). A cell is a violation when
 * calls were flagged or when calls went to an endpoint the rule does not allow; it is a risk when the
 * rule does not allow the endpoint but no call has gone there yet.
 */
import type { EndpointRow, JurisdictionRuleRow, ResidencyTraffic } from 'c/consoleContracts';
import { RESIDENCY_VIOLATION_RESULTS } from 'c/consoleContracts';

export type ConfigIssue =
    'regionNotAllowed' | 'hostingNotAllowed' | 'dpaMissing' | 'dpaExpired' | 'retentionNotZero' | 'noRule';
export type CellState = 'violation' | 'risk' | 'ok' | 'none';
export type DpaState = 'missing' | 'expired' | 'expiringSoon' | 'valid';

export type MatrixCell = {
    key: string;
    dataJurisdiction: string;
    endpointId: string;
    calls: number;
    flagged: number;
    issues: ConfigIssue[];
    state: CellState;
};
export type MatrixRow = { jurisdiction: string; cells: MatrixCell[]; violations: number };
export type MatrixColumn = EndpointRow & { group: string };
export type ResidencyMatrix = { columns: MatrixColumn[]; rows: MatrixRow[]; violations: MatrixCell[] };

export const DPA_SOON_DAYS = 30;
const DAY_MS = 86400000;

/** DPA standing of an endpoint on `today`: expiring soon means within DPA_SOON_DAYS days. */
export function dpaState(endpoint: Pick<EndpointRow, 'dpaSigned' | 'dpaExpires'>, today: string): DpaState {
    if (!endpoint.dpaSigned) {
        return 'missing';
    }
    if (!endpoint.dpaExpires) {
        return 'valid';
    }
    const left = (Date.parse(`${endpoint.dpaExpires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
    if (left < 0) {
        return 'expired';
    }
    return left <= DPA_SOON_DAYS ? 'expiringSoon' : 'valid';
}

/** What the rule of a data jurisdiction says against sending its data to `endpoint`. */
export function configIssues(
    rule: JurisdictionRuleRow | undefined,
    endpoint: EndpointRow,
    today: string
): ConfigIssue[] {
    if (!rule) {
        return ['noRule'];
    }
    const issues: ConfigIssue[] = [];
    if (!endpoint.jurisdiction || !rule.allowedRegions.includes(endpoint.jurisdiction)) {
        issues.push('regionNotAllowed');
    }
    if (rule.allowedHostings.length > 0 && (!endpoint.hosting || !rule.allowedHostings.includes(endpoint.hosting))) {
        issues.push('hostingNotAllowed');
    }
    if (rule.requiresDpa) {
        const dpa = dpaState(endpoint, today);
        if (dpa === 'missing') {
            issues.push('dpaMissing');
        } else if (dpa === 'expired') {
            issues.push('dpaExpired');
        }
    }
    if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
        issues.push('retentionNotZero');
    }
    return issues;
}

const HOSTING_ORDER: Record<string, number> = { SovereignLocal: 0, PrivateCloud: 1, PublicCloud: 2 };

export function buildMatrix(
    traffic: ResidencyTraffic[],
    endpoints: EndpointRow[],
    rules: JurisdictionRuleRow[],
    today: string
): ResidencyMatrix {
    const columns: MatrixColumn[] = endpoints
        .map((endpoint) => ({
            ...endpoint,
            group: `${endpoint.jurisdiction ?? '—'} · ${endpoint.region ?? '—'} · ${endpoint.hosting ?? '—'}`
        }))
        .sort(
            (a, b) =>
                (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '') ||
                (HOSTING_ORDER[a.hosting ?? ''] ?? 9) - (HOSTING_ORDER[b.hosting ?? ''] ?? 9) ||
                a.name.localeCompare(b.name)
        );
    const ruleByJurisdiction = new Map(rules.map((rule) => [rule.jurisdiction, rule]));
    const jurisdictions = new Set<string>(rules.map((rule) => rule.jurisdiction));
    const totals = new Map<string, { calls: number; flagged: number }>();
    for (const row of traffic) {
        const dataJurisdiction = row.dataJurisdiction || '—';
        jurisdictions.add(dataJurisdiction);
        const key = `${dataJurisdiction}|${row.endpointId}`;
        const total = totals.get(key) ?? { calls: 0, flagged: 0 };
        total.calls += row.count;
        if (RESIDENCY_VIOLATION_RESULTS.includes(row.residencyResult)) {
            total.flagged += row.count;
        }
        totals.set(key, total);
    }
    const violations: MatrixCell[] = [];
    const rows = [...jurisdictions].sort().map((jurisdiction) => {
        const rule = ruleByJurisdiction.get(jurisdiction);
        const cells = columns.map((endpoint) => {
            const total = totals.get(`${jurisdiction}|${endpoint.id}`) ?? { calls: 0, flagged: 0 };
            const issues = configIssues(rule, endpoint, today);
            let state: CellState = 'none';
            if (total.flagged > 0 || (total.calls > 0 && issues.length > 0)) {
                state = 'violation';
            } else if (issues.length > 0) {
                state = 'risk';
            } else if (total.calls > 0) {
                state = 'ok';
            }
            const cell: MatrixCell = {
                key: `${jurisdiction}|${endpoint.id}`,
                dataJurisdiction: jurisdiction,
                endpointId: endpoint.id,
                calls: total.calls,
                flagged: total.flagged,
                issues,
                state
            };
            if (state === 'violation') {
                violations.push(cell);
            }
            return cell;
        });
        return { jurisdiction, cells, violations: cells.filter((cell) => cell.state === 'violation').length };
    });
    violations.sort((a, b) => b.flagged - a.flagged || b.calls - a.calls || a.key.localeCompare(b.key));
    return { columns, rows, violations };
}
