/**
 * The preview's posture, consent and residency controllers: aggregates over the demo log's 90-day window, as
 * the Apex controllers count them with COUNT(Id) GROUP BY.
 */
import {
    CONSENT_COVERED_RESULTS,
    SEVERITIES,
    type LogRow,
    type ResidencyTraffic
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { addDays } from '../../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import { countBy, DAY_MS, EXPIRING_DAYS, toFindingRow, WINDOW_DAYS, type HandlersOf, type Store } from './store';
import { NOT_CHECKED } from '../../../../force-app/main/gate/lwc/gateResults/gateResults';
import type { DemoLogEntry } from '../demoData';

/** Consent answers that are no gap of the patient's, as WardenConsentController has them: covered, or never checked. */
const NOT_A_GAP: string[] = [...CONSENT_COVERED_RESULTS, NOT_CHECKED];

/** Calls per data jurisdiction, endpoint and residency result in the window. */
export function residencyTraffic(store: Store): ResidencyTraffic[] {
    const traffic = new Map<string, ResidencyTraffic>();
    for (const entry of store.windowEntries()) {
        const key = `${entry.jurisdiction}|${entry.endpointId}|${entry.residencyResult}`;
        const row = traffic.get(key) ?? {
            dataJurisdiction: entry.jurisdiction ?? '',
            endpointId: entry.endpointId ?? '',
            residencyResult: entry.residencyResult ?? '',
            count: 0
        };
        row.count++;
        traffic.set(key, row);
    }
    return [...traffic.values()];
}

/**
 * Calls per day and decision, in the order each pair first occurs. The entries are in time order, so a day's entries
 * are one run: one counter per decision of the current day instead of a `day|decision` string and a map lookup per
 * entry, which made getPosture 80-200 ms under load, on the path of the overview's first render.
 */
export function callsPerDay(entries: DemoLogEntry[]): { day: string; decision: LogRow['decision']; count: number }[] {
    const rows: { day: string; decision: LogRow['decision']; count: number }[] = [];
    let day = '';
    let ofDay = new Map<string, { day: string; decision: LogRow['decision']; count: number }>();
    for (const entry of entries) {
        if (day === '' || !entry.loggedAt.startsWith(day)) {
            day = entry.loggedAt.slice(0, 10);
            ofDay = new Map();
        }
        let row = ofDay.get(entry.decision);
        if (!row) {
            row = { day, decision: entry.decision as LogRow['decision'], count: 0 };
            ofDay.set(entry.decision, row);
            rows.push(row);
        }
        row.count++;
    }
    return rows;
}

/** Consents per purpose, jurisdiction and status. */
export function consentCoverage(store: Store) {
    const counts = new Map<string, { purpose: string; jurisdiction: string; status: string; count: number }>();
    for (const consent of store.data.consents) {
        const key = `${consent.purpose}|${consent.jurisdiction}|${consent.status}`;
        const cell = counts.get(key) ?? {
            purpose: consent.purpose,
            jurisdiction: consent.jurisdiction ?? '',
            status: consent.status,
            count: 0
        };
        cell.count++;
        counts.set(key, cell);
    }
    return [...counts.values()].sort(
        (a, b) =>
            a.purpose.localeCompare(b.purpose) ||
            a.jurisdiction.localeCompare(b.jurisdiction) ||
            a.status.localeCompare(b.status)
    );
}

export function overviewHandlers(
    store: Store
): HandlersOf<'WardenPostureController'> &
    HandlersOf<'WardenConsentController'> &
    HandlersOf<'WardenResidencyController'> {
    const { data } = store;
    return {
        'WardenPostureController.getPosture': () => {
            const day = store.today();
            const soon = addDays(day, 7);
            const open = store.openFindings();
            const bySeverity = SEVERITIES.map((severity) => {
                const ofSeverity = open.filter((finding) => finding.severity === severity);
                return {
                    severity,
                    open: ofSeverity.length,
                    overdue: ofSeverity.filter((finding) => finding.dueDate !== null && finding.dueDate < day).length,
                    dueSoon: ofSeverity.filter(
                        (finding) => finding.dueDate !== null && finding.dueDate >= day && finding.dueDate <= soon
                    ).length
                };
            });
            const entries = store.windowEntries();
            const callsByDay = callsPerDay(entries);
            const active = data.flows.filter((flow) => flow.status !== 'Retired');
            return {
                generatedAt: store.now(),
                today: day,
                windowDays: WINDOW_DAYS,
                findingsBySeverity: bySeverity,
                urgentFindings: store.sortFindings(open).slice(0, 10).map(toFindingRow),
                callsByDay,
                consentResults: countBy(entries, (entry) => entry.consentResult),
                residencyResults: countBy(entries, (entry) => entry.residencyResult),
                endpoints: data.endpoints,
                flowsTotal: active.length,
                flowsReviewOverdue: active.filter(
                    (flow) => flow.status === 'Approved' && flow.nextReview !== null && flow.nextReview < day
                ).length,
                chainHead: store.chainHead()
            };
        },

        'WardenConsentController.getConsentOverview': () => {
            const now = store.clock();
            const horizon = now + EXPIRING_DAYS * DAY_MS;
            const expiring = data.consents
                .filter(
                    (consent) =>
                        consent.status === 'Granted' &&
                        consent.effectiveTo &&
                        Date.parse(consent.effectiveTo) > now &&
                        Date.parse(consent.effectiveTo) <= horizon
                )
                .sort((a, b) => (a.effectiveTo as string).localeCompare(b.effectiveTo as string))
                .slice(0, 200);
            const uncovered = new Map<
                string,
                {
                    subjectKey: string;
                    recordId: string | null;
                    perPatientKey: boolean;
                    jurisdiction: string | null;
                    purpose: string | null;
                    calls: number;
                }
            >();
            for (const entry of store.windowEntries()) {
                if (!entry.subjectKey || (entry.consentResult !== null && NOT_A_GAP.includes(entry.consentResult))) {
                    continue;
                }
                // Grouped as the controller groups them. The demo log is v1 (its entries hold RecordId__c), so
                // no pseudonym in it is under a patient's own key.
                const key = `${entry.subjectKey}|${entry.jurisdiction}|${entry.purpose}`;
                const row = uncovered.get(key) ?? {
                    subjectKey: entry.subjectKey,
                    recordId: entry.recordId,
                    perPatientKey: false,
                    jurisdiction: entry.jurisdiction,
                    purpose: entry.purpose,
                    calls: 0
                };
                row.calls++;
                uncovered.set(key, row);
            }
            return {
                today: store.today(),
                windowDays: WINDOW_DAYS,
                coverage: consentCoverage(store),
                expiring,
                uncovered: [...uncovered.values()]
                    .sort((a, b) => b.calls - a.calls || a.subjectKey.localeCompare(b.subjectKey))
                    .slice(0, 200),
                callsByConsentResult: countBy(store.windowEntries(), (entry) => entry.consentResult)
            };
        },

        'WardenResidencyController.getResidencyOverview': () => ({
            today: store.today(),
            windowDays: WINDOW_DAYS,
            traffic: residencyTraffic(store),
            endpoints: data.endpoints,
            rules: data.rules
        })
    };
}
