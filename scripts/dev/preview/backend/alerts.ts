/**
 * The preview's alert controller: the Critical and High findings first seen within the last day, newest first, as
 * WardenAlertController rebuilds the alerts of the last 24 hours (docs/alerts.md). The preview's clock has day
 * precision, so its window starts at yesterday's midnight (UTC).
 */
import type { AlertRow } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { DAY_MS, type HandlersOf, type Store } from './store';

const WINDOW_HOURS = 24;
const MAX_ROWS = 50;

export function alertHandlers(store: Store): HandlersOf<'WardenAlertController'> {
    return {
        'WardenAlertController.recentAlerts': () => {
            const since = Date.parse(`${store.today()}T00:00:00Z`) - DAY_MS;
            const alerts: AlertRow[] = store
                .openFindings()
                .filter(
                    (finding) =>
                        (finding.severity === 'Critical' || finding.severity === 'High') &&
                        finding.firstSeen !== null &&
                        Date.parse(finding.firstSeen) >= since
                )
                .sort((a, b) => String(b.firstSeen).localeCompare(String(a.firstSeen)))
                .slice(0, MAX_ROWS)
                .map((finding) => ({
                    key: finding.id,
                    severity: finding.severity,
                    category: finding.category,
                    message: finding.message ?? finding.rule,
                    recordId: finding.id,
                    raisedAt: String(finding.firstSeen)
                }));
            return { channel: '/event/ComplianceAlert__e', windowHours: WINDOW_HOURS, alerts };
        }
    };
}
