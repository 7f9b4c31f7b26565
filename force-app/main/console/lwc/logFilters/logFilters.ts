/**
 * The inference log explorer's filters and its row window.
 *
 * Filters are edited as plain strings (what the inputs hold), validated, and turned into the LogQuery the
 * controller takes. Date bounds are whole days in UTC: from the start of `fromDay` to the end of `toDay`.
 * The explorer pages by keyset (Sequence__c below the last row seen), never by OFFSET, and keeps at most
 * LOG_WINDOW_MAX rows in the table: loading further drops the oldest loaded page from the top.
 */
import type { Decision, LogQuery, LogRow } from 'c/consoleContracts';
import { DECISIONS, LOG_PAGE_SIZE, LOG_WINDOW_MAX } from 'c/consoleContracts';

export const MAX_RANGE_DAYS = 400;
const DAY_MS = 86400000;

export type LogFilterState = {
    fromDay: string;
    toDay: string;
    endpointId: string;
    purpose: string;
    decision: string;
    jurisdiction: string;
    caller: string;
    phiCategory: string;
    subjectKey: string;
    consentResult: string;
    residencyResult: string;
};

export type FilterError = {
    field: keyof LogFilterState;
    code: 'invalidDate' | 'rangeReversed' | 'rangeTooLong' | 'invalidDecision' | 'tooLong' | 'invalidSubjectKey';
};

export type RangePreset = 'last7' | 'last30' | 'last90' | 'lastQuarter' | 'thisQuarter';

function isDay(value: string): boolean {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function shiftDay(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day range of a preset, relative to `today` ('YYYY-MM-DD', UTC). Quarters are calendar quarters. */
export function presetRange(preset: RangePreset, today: string): { fromDay: string; toDay: string } {
    const [year, month] = today.split('-').map(Number);
    const quarterStartMonth = Math.floor((month - 1) / 3) * 3; // 0-based
    const quarterStart = (y: number, m0: number): string => new Date(Date.UTC(y, m0, 1)).toISOString().slice(0, 10);
    switch (preset) {
        case 'last7':
            return { fromDay: shiftDay(today, -6), toDay: today };
        case 'last30':
            return { fromDay: shiftDay(today, -29), toDay: today };
        case 'last90':
            return { fromDay: shiftDay(today, -89), toDay: today };
        case 'thisQuarter':
            return { fromDay: quarterStart(year, quarterStartMonth), toDay: today };
        case 'lastQuarter': {
            const start = quarterStart(year, quarterStartMonth - 3);
            return { fromDay: start, toDay: shiftDay(quarterStart(year, quarterStartMonth), -1) };
        }
        default:
            throw new RangeError(`unknown preset ${String(preset)}`);
    }
}

export function defaultFilters(today: string): LogFilterState {
    return {
        ...presetRange('last30', today),
        endpointId: '',
        purpose: '',
        decision: '',
        jurisdiction: '',
        caller: '',
        phiCategory: '',
        subjectKey: '',
        consentResult: '',
        residencyResult: ''
    };
}

/** Every problem with the filters; an empty list means they can be sent. */
export function validateFilters(state: LogFilterState): FilterError[] {
    const errors: FilterError[] = [];
    if (state.fromDay && !isDay(state.fromDay)) {
        errors.push({ field: 'fromDay', code: 'invalidDate' });
    }
    if (state.toDay && !isDay(state.toDay)) {
        errors.push({ field: 'toDay', code: 'invalidDate' });
    }
    if (errors.length === 0 && state.fromDay && state.toDay) {
        const span = (Date.parse(`${state.toDay}T00:00:00Z`) - Date.parse(`${state.fromDay}T00:00:00Z`)) / DAY_MS;
        if (span < 0) {
            errors.push({ field: 'toDay', code: 'rangeReversed' });
        } else if (span + 1 > MAX_RANGE_DAYS) {
            errors.push({ field: 'fromDay', code: 'rangeTooLong' });
        }
    }
    if (state.decision && !(DECISIONS as string[]).includes(state.decision)) {
        errors.push({ field: 'decision', code: 'invalidDecision' });
    }
    if (state.caller.length > 255) {
        errors.push({ field: 'caller', code: 'tooLong' });
    }
    if (state.subjectKey.trim() !== '' && !/^[0-9a-fA-F]{64}$/.test(state.subjectKey.trim())) {
        errors.push({ field: 'subjectKey', code: 'invalidSubjectKey' });
    }
    return errors;
}

function blankToNull(value: string): string | null {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
}

/** The controller request for the first page (cursor null) or the page after `beforeSequence`. */
export function toQuery(
    state: LogFilterState,
    beforeSequence: number | null = null,
    pageSize = LOG_PAGE_SIZE
): LogQuery {
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

/**
 * True when a (live) row satisfies the query, applied the same way the controller applies it: the caller matches in
 * part and without regard to case (SOQL LIKE '%text%'), every other filter exactly.
 */
export function matchesQuery(
    row: Pick<
        LogRow,
        | 'loggedAt'
        | 'endpointId'
        | 'purpose'
        | 'decision'
        | 'jurisdiction'
        | 'caller'
        | 'phiCategories'
        | 'consentResult'
        | 'residencyResult'
    > & { subjectKey?: string | null },
    query: LogQuery
): boolean {
    const at = Date.parse(row.loggedAt);
    if (query.fromDate && !(at >= Date.parse(query.fromDate))) {
        return false;
    }
    if (query.toDate && !(at < Date.parse(query.toDate))) {
        return false;
    }
    const equals: [string | null | undefined, string | null][] = [
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
    if (caller && !(row.caller ?? '').toLowerCase().includes(caller)) {
        return false;
    }
    if (query.phiCategory) {
        return phiCategoryList(row.phiCategories).includes(query.phiCategory);
    }
    return true;
}

export function phiCategoryList(value: string | null): string[] {
    return (value ?? '')
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '');
}

/** Number of filters set besides the date range, for the "n filters" badge. */
export function activeFilterCount(state: LogFilterState): number {
    return (
        [
            'endpointId',
            'purpose',
            'decision',
            'jurisdiction',
            'caller',
            'phiCategory',
            'subjectKey',
            'consentResult',
            'residencyResult'
        ] as (keyof LogFilterState)[]
    ).filter((key) => state[key].trim() !== '').length;
}

export type RowWindow<T> = { rows: T[]; trimmed: number };

/**
 * Appends a page to the loaded rows and keeps the window at `max` rows by dropping the oldest loaded
 * rows from the top; `trimmed` counts the rows dropped so far, so the screen can offer to go back to the
 * newest entries.
 */
export function appendPage<T>(window: RowWindow<T>, page: T[], max: number = LOG_WINDOW_MAX): RowWindow<T> {
    const rows = window.rows.concat(page);
    const excess = Math.max(0, rows.length - max);
    return { rows: excess > 0 ? rows.slice(excess) : rows, trimmed: window.trimmed + excess };
}

/** Puts live rows on top, newest first, without duplicates, and keeps the window at `max` rows. */
export function prependLive<T extends { id: string }>(
    window: RowWindow<T>,
    live: T[],
    max: number = LOG_WINDOW_MAX
): RowWindow<T> {
    const known = new Set(window.rows.map((row) => row.id));
    const fresh = live.filter((row) => !known.has(row.id));
    const rows = fresh.concat(window.rows);
    return { rows: rows.slice(0, max), trimmed: window.trimmed };
}

type EventPayload = Record<string, unknown>;

/**
 * The payload with its field names as the source writes them. In the managed package the platform delivers
 * namespaced names (warden__Decision__c); the console must read the same fields in any org, so the
 * namespace is cut off before a field is looked up.
 */
export function localFields(payload: EventPayload): EventPayload {
    return Object.fromEntries(
        Object.entries(payload).map(([key, value]) => [key.replace(/^[A-Za-z][A-Za-z0-9]*__(?=\w+__c$)/, ''), value])
    );
}

function str(payload: EventPayload, key: string): string | null {
    const value = payload[key];
    return value === undefined || value === null ? null : String(value);
}

function num(payload: EventPayload, key: string): number | null {
    const value = payload[key];
    return value === undefined || value === null || value === '' ? null : Number(value);
}

/**
 * A log row for an InferenceEvent__e received through lightning/empApi. The event carries no chain
 * fields yet (the subscriber assigns them), so the row is keyed by the event's replay id and marked live.
 */
export function rowFromEvent(message: {
    data?: { payload?: EventPayload; event?: { replayId?: number } };
}): (LogRow & { live: true; subjectKey: string | null }) | null {
    const raw = message?.data?.payload;
    if (!raw) {
        return null;
    }
    const payload = localFields(raw);
    const decision = str(payload, 'Decision__c');
    if (!decision || !(DECISIONS as string[]).includes(decision)) {
        return null;
    }
    const replayId = message.data?.event?.replayId ?? 0;
    return {
        id: `live-${replayId}`,
        name: '',
        sequence: 0,
        loggedAt: str(payload, 'LoggedAt__c') ?? new Date().toISOString(),
        endpointId: str(payload, 'EndpointId__c'),
        endpointKey: str(payload, 'EndpointKey__c'),
        purpose: str(payload, 'Purpose__c'),
        decision: decision as Decision,
        mode: str(payload, 'Mode__c'),
        jurisdiction: str(payload, 'Jurisdiction__c'),
        phiCategories: str(payload, 'PhiCategories__c'),
        redactionCount: num(payload, 'RedactionCount__c'),
        consentResult: str(payload, 'ConsentResult__c'),
        residencyResult: str(payload, 'ResidencyResult__c'),
        caller: str(payload, 'Caller__c'),
        // InferenceEvent__e has no RecordId__c: a v2 event names its subject only by SubjectKey__c.
        recordId: null,
        latencyMs: num(payload, 'LatencyMs__c'),
        subjectKey: str(payload, 'SubjectKey__c'),
        live: true
    };
}

/** Splits the Reasons__c text (one reason per line, "code: explanation") into displayable items. */
export function parseReasons(reasons: string | null): { code: string; text: string }[] {
    return (reasons ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
            const colon = line.indexOf(':');
            return colon > 0
                ? { code: line.slice(0, colon).trim(), text: line.slice(colon + 1).trim() }
                : { code: '', text: line };
        });
}
