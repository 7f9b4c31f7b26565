/**
 * Remediation deadlines of findings. The SLA per severity comes from WardenSettings__c (the org's
 * configuration); where a field is blank the package default applies: Critical 30 days, High 60,
 * Medium 90, Low 180. Info findings carry no deadline.
 *
 * All dates are calendar dates 'YYYY-MM-DD' and all arithmetic is done in UTC, so a due date does not
 * move with the viewer's time zone.
 *
 * The rules of docs/finding-workflow.md "Deadlines", which the Apex FindingDeadlines implements too; both run the
 * shared vectors of scripts/dev/generate/sla-vectors.ts (force-app/tests/findings/staticresources/SlaVectors.json):
 * the due date from severity and first-seen day, which deadlines new SLA windows move (not the extended ones), and
 * the "Due first" order (lateness, then severity).
 */
import type { Severity, SlaSettings } from 'c/consoleContracts';
import { OPEN_FINDING_STATUSES } from 'c/consoleContracts';

export const DEFAULT_SLA: SlaSettings = { critical: 30, high: 60, medium: 90, low: 180 };
export const MAX_SLA_DAYS = 3650;
const DAY_MS = 86400000;

export type SlaState = 'overdue' | 'dueSoon' | 'onTrack' | 'none' | 'closed';

/** Settings merged over the defaults; a value that is not a whole number of days from 1 to 3650 is refused. */
export function normaliseSla(settings: Partial<Record<keyof SlaSettings, unknown>> | null | undefined): SlaSettings {
    const result: SlaSettings = { ...DEFAULT_SLA };
    if (!settings) {
        return result;
    }
    for (const key of Object.keys(DEFAULT_SLA) as (keyof SlaSettings)[]) {
        const value = settings[key];
        if (value === null || value === undefined || value === '') {
            continue;
        }
        const days = Number(value);
        if (!Number.isInteger(days) || days < 1 || days > MAX_SLA_DAYS) {
            throw new RangeError(`SLA for ${key} must be a whole number of days from 1 to ${MAX_SLA_DAYS}`);
        }
        result[key] = days;
    }
    return result;
}

/** SLA days of a severity, or null when the severity has no deadline (Info). */
export function slaDays(severity: Severity | string, settings: SlaSettings = DEFAULT_SLA): number | null {
    switch (severity) {
        case 'Critical':
            return settings.critical;
        case 'High':
            return settings.high;
        case 'Medium':
            return settings.medium;
        case 'Low':
            return settings.low;
        default:
            return null;
    }
}

function parseDay(day: string): number {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
        throw new RangeError(`not a date: ${day}`);
    }
    const time = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(time)) {
        throw new RangeError(`not a date: ${day}`);
    }
    return time;
}

/** The calendar day (UTC) of a date, a Datetime ISO string or a 'YYYY-MM-DD' string. */
export function toDay(value: string | Date): string {
    if (value instanceof Date) {
        return value.toISOString().slice(0, 10);
    }
    return value.length === 10
        ? new Date(parseDay(value)).toISOString().slice(0, 10)
        : new Date(value).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
    return new Date(parseDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
    return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

/** The due date of a finding first seen on `firstSeen`, or null when its severity has no deadline. */
export function dueDate(
    severity: Severity | string,
    firstSeen: string | Date,
    settings: SlaSettings = DEFAULT_SLA
): string | null {
    const days = slaDays(severity, settings);
    return days === null ? null : addDays(toDay(firstSeen), days);
}

export type SlaInput = { status: string; dueDate: string | null; severity?: string; firstSeen?: string | null };

/**
 * Where a finding stands against its deadline on `today`: closed findings (Resolved, RiskAccepted,
 * FalsePositive) have no deadline any more; open ones are overdue after their due date and "due soon"
 * within `soonDays` of it. A missing due date is derived from severity and first-seen when possible.
 */
export function slaState(
    finding: SlaInput,
    today: string,
    settings: SlaSettings = DEFAULT_SLA,
    soonDays = 7
): SlaState {
    if (!(OPEN_FINDING_STATUSES as string[]).includes(finding.status)) {
        return 'closed';
    }
    const due = effectiveDueDate(finding, settings);
    if (!due) {
        return 'none';
    }
    const left = daysBetween(today, due);
    if (left < 0) {
        return 'overdue';
    }
    return left <= soonDays ? 'dueSoon' : 'onTrack';
}

/** SLA states in "Due first" order. */
export const STATE_ORDER: SlaState[] = ['overdue', 'dueSoon', 'onTrack', 'none', 'closed'];
const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Info'];

export type DueFirstInput = { name: string; status: string; severity: string; dueDate: string | null };

function severityRank(severity: string): number {
    const index = SEVERITY_ORDER.indexOf(severity);
    return index < 0 ? SEVERITY_ORDER.length : index;
}

/**
 * The "Due first" order on `today`: by lateness (overdue, due within 7 days, later, no deadline, closed), then
 * severity (Critical first), then the earliest due date, then the finding number.
 */
export function compareDueFirst(a: DueFirstInput, b: DueFirstInput, today: string): number {
    const byState =
        STATE_ORDER.indexOf(slaState({ status: a.status, dueDate: a.dueDate }, today)) -
        STATE_ORDER.indexOf(slaState({ status: b.status, dueDate: b.dueDate }, today));
    if (byState !== 0) {
        return byState;
    }
    const bySeverity = severityRank(a.severity) - severityRank(b.severity);
    if (bySeverity !== 0) {
        return bySeverity;
    }
    if (a.dueDate !== b.dueDate) {
        if (a.dueDate === null) {
            return 1;
        }
        if (b.dueDate === null) {
            return -1;
        }
        return a.dueDate < b.dueDate ? -1 : 1;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A sorted copy in "Due first" order. */
export function sortDueFirst<T extends DueFirstInput>(rows: T[], today: string): T[] {
    return [...rows].sort((a, b) => compareDueFirst(a, b, today));
}

export type RecalculationInput = {
    status: string;
    severity: string;
    firstSeen: string | null;
    dueDate: string | null;
    dueDateExtended: boolean;
};

/**
 * The due date a finding has after new SLA windows are saved: open findings whose deadline follows the SLA move to
 * first-seen + the new days; a deadline a person extended, and closed findings, keep theirs.
 */
export function recalculatedDueDate(finding: RecalculationInput, settings: SlaSettings): string | null {
    if (finding.dueDateExtended || !(OPEN_FINDING_STATUSES as string[]).includes(finding.status)) {
        return finding.dueDate;
    }
    return (finding.firstSeen ? dueDate(finding.severity, finding.firstSeen, settings) : null) ?? finding.dueDate;
}

export function effectiveDueDate(finding: SlaInput, settings: SlaSettings = DEFAULT_SLA): string | null {
    if (finding.dueDate) {
        return finding.dueDate;
    }
    if (finding.severity && finding.firstSeen) {
        return dueDate(finding.severity, finding.firstSeen, settings);
    }
    return null;
}
