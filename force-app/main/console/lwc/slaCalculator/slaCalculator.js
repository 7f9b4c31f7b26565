// Generated from slaCalculator.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { OPEN_FINDING_STATUSES } from "c/consoleContracts";
export const DEFAULT_SLA = { critical: 30, high: 60, medium: 90, low: 180 };
export const MAX_SLA_DAYS = 3650;
const DAY_MS = 864e5;
export function normaliseSla(settings) {
  const result = { ...DEFAULT_SLA };
  if (!settings) {
    return result;
  }
  for (const key of Object.keys(DEFAULT_SLA)) {
    const value = settings[key];
    if (value === null || value === void 0 || value === "") {
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
export function slaDays(severity, settings = DEFAULT_SLA) {
  switch (severity) {
    case "Critical":
      return settings.critical;
    case "High":
      return settings.high;
    case "Medium":
      return settings.medium;
    case "Low":
      return settings.low;
    default:
      return null;
  }
}
function parseDay(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new RangeError(`not a date: ${day}`);
  }
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) {
    throw new RangeError(`not a date: ${day}`);
  }
  return time;
}
export function toDay(value) {
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  return value.length === 10 ? new Date(parseDay(value)).toISOString().slice(0, 10) : new Date(value).toISOString().slice(0, 10);
}
export function addDays(day, days) {
  return new Date(parseDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}
export function daysBetween(from, to) {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}
export function dueDate(severity, firstSeen, settings = DEFAULT_SLA) {
  const days = slaDays(severity, settings);
  return days === null ? null : addDays(toDay(firstSeen), days);
}
export function slaState(finding, today, settings = DEFAULT_SLA, soonDays = 7) {
  if (!OPEN_FINDING_STATUSES.includes(finding.status)) {
    return "closed";
  }
  const due = effectiveDueDate(finding, settings);
  if (!due) {
    return "none";
  }
  const left = daysBetween(today, due);
  if (left < 0) {
    return "overdue";
  }
  return left <= soonDays ? "dueSoon" : "onTrack";
}
export const STATE_ORDER = ["overdue", "dueSoon", "onTrack", "none", "closed"];
const SEVERITY_ORDER = ["Critical", "High", "Medium", "Low", "Info"];
function severityRank(severity) {
  const index = SEVERITY_ORDER.indexOf(severity);
  return index < 0 ? SEVERITY_ORDER.length : index;
}
export function compareDueFirst(a, b, today) {
  const byState = STATE_ORDER.indexOf(slaState({ status: a.status, dueDate: a.dueDate }, today)) - STATE_ORDER.indexOf(slaState({ status: b.status, dueDate: b.dueDate }, today));
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
export function sortDueFirst(rows, today) {
  return [...rows].sort((a, b) => compareDueFirst(a, b, today));
}
export function recalculatedDueDate(finding, settings) {
  if (finding.dueDateExtended || !OPEN_FINDING_STATUSES.includes(finding.status)) {
    return finding.dueDate;
  }
  return (finding.firstSeen ? dueDate(finding.severity, finding.firstSeen, settings) : null) ?? finding.dueDate;
}
export function effectiveDueDate(finding, settings = DEFAULT_SLA) {
  if (finding.dueDate) {
    return finding.dueDate;
  }
  if (finding.severity && finding.firstSeen) {
    return dueDate(finding.severity, finding.firstSeen, settings);
  }
  return null;
}
