// Generated from logFilters.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { DECISIONS, LOG_PAGE_SIZE, LOG_WINDOW_MAX } from "c/consoleContracts";
export const MAX_RANGE_DAYS = 400;
const DAY_MS = 864e5;
function isDay(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
function shiftDay(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
export function presetRange(preset, today) {
  const [year, month] = today.split("-").map(Number);
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3;
  const quarterStart = (y, m0) => new Date(Date.UTC(y, m0, 1)).toISOString().slice(0, 10);
  switch (preset) {
    case "last7":
      return { fromDay: shiftDay(today, -6), toDay: today };
    case "last30":
      return { fromDay: shiftDay(today, -29), toDay: today };
    case "last90":
      return { fromDay: shiftDay(today, -89), toDay: today };
    case "thisQuarter":
      return { fromDay: quarterStart(year, quarterStartMonth), toDay: today };
    case "lastQuarter": {
      const start = quarterStart(year, quarterStartMonth - 3);
      return { fromDay: start, toDay: shiftDay(quarterStart(year, quarterStartMonth), -1) };
    }
    default:
      throw new RangeError(`unknown preset ${String(preset)}`);
  }
}
export function defaultFilters(today) {
  return {
    ...presetRange("last30", today),
    endpointId: "",
    purpose: "",
    decision: "",
    jurisdiction: "",
    caller: "",
    phiCategory: "",
    subjectKey: "",
    consentResult: "",
    residencyResult: ""
  };
}
export function validateFilters(state) {
  const errors = [];
  if (state.fromDay && !isDay(state.fromDay)) {
    errors.push({ field: "fromDay", code: "invalidDate" });
  }
  if (state.toDay && !isDay(state.toDay)) {
    errors.push({ field: "toDay", code: "invalidDate" });
  }
  if (errors.length === 0 && state.fromDay && state.toDay) {
    const span = (Date.parse(`${state.toDay}T00:00:00Z`) - Date.parse(`${state.fromDay}T00:00:00Z`)) / DAY_MS;
    if (span < 0) {
      errors.push({ field: "toDay", code: "rangeReversed" });
    } else if (span + 1 > MAX_RANGE_DAYS) {
      errors.push({ field: "fromDay", code: "rangeTooLong" });
    }
  }
  if (state.decision && !DECISIONS.includes(state.decision)) {
    errors.push({ field: "decision", code: "invalidDecision" });
  }
  if (state.caller.length > 255) {
    errors.push({ field: "caller", code: "tooLong" });
  }
  if (state.subjectKey.trim() !== "" && !/^[0-9a-fA-F]{64}$/.test(state.subjectKey.trim())) {
    errors.push({ field: "subjectKey", code: "invalidSubjectKey" });
  }
  return errors;
}
function blankToNull(value) {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
export function toQuery(state, beforeSequence = null, pageSize = LOG_PAGE_SIZE) {
  return {
    fromDate: state.fromDay ? `${state.fromDay}T00:00:00.000Z` : null,
    toDate: state.toDay ? `${shiftDay(state.toDay, 1)}T00:00:00.000Z` : null,
    endpointId: blankToNull(state.endpointId),
    purpose: blankToNull(state.purpose),
    decision: blankToNull(state.decision),
    jurisdiction: blankToNull(state.jurisdiction),
    caller: blankToNull(state.caller),
    phiCategory: blankToNull(state.phiCategory),
    subjectKey: blankToNull(state.subjectKey)?.toLowerCase() ?? null,
    consentResult: blankToNull(state.consentResult),
    residencyResult: blankToNull(state.residencyResult),
    beforeSequence,
    pageSize
  };
}
export function matchesQuery(row, query) {
  const at = Date.parse(row.loggedAt);
  if (query.fromDate && !(at >= Date.parse(query.fromDate))) {
    return false;
  }
  if (query.toDate && !(at < Date.parse(query.toDate))) {
    return false;
  }
  const equals = [
    [query.endpointId, row.endpointId],
    [query.purpose, row.purpose],
    [query.decision, row.decision],
    [query.jurisdiction, row.jurisdiction],
    [query.consentResult, row.consentResult],
    [query.residencyResult, row.residencyResult],
    [query.subjectKey, row.subjectKey ?? null]
  ];
  if (equals.some(([wanted, actual]) => wanted && wanted !== actual)) {
    return false;
  }
  const caller = query.caller?.trim().toLowerCase();
  if (caller && !(row.caller ?? "").toLowerCase().includes(caller)) {
    return false;
  }
  if (query.phiCategory) {
    return phiCategoryList(row.phiCategories).includes(query.phiCategory);
  }
  return true;
}
export function phiCategoryList(value) {
  return (value ?? "").split(";").map((part) => part.trim()).filter((part) => part !== "");
}
export function activeFilterCount(state) {
  return [
    "endpointId",
    "purpose",
    "decision",
    "jurisdiction",
    "caller",
    "phiCategory",
    "subjectKey",
    "consentResult",
    "residencyResult"
  ].filter((key) => state[key].trim() !== "").length;
}
export function appendPage(window, page, max = LOG_WINDOW_MAX) {
  const rows = window.rows.concat(page);
  const excess = Math.max(0, rows.length - max);
  return { rows: excess > 0 ? rows.slice(excess) : rows, trimmed: window.trimmed + excess };
}
export function prependLive(window, live, max = LOG_WINDOW_MAX) {
  const known = new Set(window.rows.map((row) => row.id));
  const fresh = live.filter((row) => !known.has(row.id));
  const rows = fresh.concat(window.rows);
  return { rows: rows.slice(0, max), trimmed: window.trimmed };
}
export function localFields(payload) {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [key.replace(/^[A-Za-z][A-Za-z0-9]*__(?=\w+__c$)/, ""), value])
  );
}
function str(payload, key) {
  const value = payload[key];
  return value === void 0 || value === null ? null : String(value);
}
function num(payload, key) {
  const value = payload[key];
  return value === void 0 || value === null || value === "" ? null : Number(value);
}
export function rowFromEvent(message) {
  const raw = message?.data?.payload;
  if (!raw) {
    return null;
  }
  const payload = localFields(raw);
  const decision = str(payload, "Decision__c");
  if (!decision || !DECISIONS.includes(decision)) {
    return null;
  }
  const replayId = message.data?.event?.replayId ?? 0;
  return {
    id: `live-${replayId}`,
    name: "",
    sequence: 0,
    loggedAt: str(payload, "LoggedAt__c") ?? (/* @__PURE__ */ new Date()).toISOString(),
    endpointId: str(payload, "EndpointId__c"),
    endpointKey: str(payload, "EndpointKey__c"),
    purpose: str(payload, "Purpose__c"),
    decision,
    mode: str(payload, "Mode__c"),
    jurisdiction: str(payload, "Jurisdiction__c"),
    phiCategories: str(payload, "PhiCategories__c"),
    redactionCount: num(payload, "RedactionCount__c"),
    consentResult: str(payload, "ConsentResult__c"),
    residencyResult: str(payload, "ResidencyResult__c"),
    caller: str(payload, "Caller__c"),
    // InferenceEvent__e has no RecordId__c: a v2 event names its subject only by SubjectKey__c.
    recordId: null,
    latencyMs: num(payload, "LatencyMs__c"),
    subjectKey: str(payload, "SubjectKey__c"),
    live: true
  };
}
export function parseReasons(reasons) {
  return (reasons ?? "").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "").map((line) => {
    const colon = line.indexOf(":");
    return colon > 0 ? { code: line.slice(0, colon).trim(), text: line.slice(colon + 1).trim() } : { code: "", text: line };
  });
}
