/**
 * The preview's inference log explorer: keyset pages newest first with the explorer's filters (consent and
 * residency results; the caller matched in part and without regard to case, as SOQL LIKE does), one entry, the
 * filter options, and an entry with its neighbours in the export format for the in-browser chain check.
 *
 * The demo stands in for retention: its oldest tenth of entries count as archived (InferenceLogArchive__b). A page
 * that runs out of live rows goes on in the archive as LogArchiveReader does in the org: windows of sequences
 * below the cursor, the filters applied to each, the end of a date range found by binary search, rows marked archived
 * and without a record id, and the range read.
 */
import {
    DECISIONS,
    LOG_PAGE_SIZE,
    LOG_PAGE_SIZE_MAX,
    PURPOSES,
    type LogQuery,
    type LogRow
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { toExportRecord } from '../chain';
import type { DemoLogEntry } from '../demoData';
import { ApexError, countBy, parseInstant, requireId, toLogRow, type HandlersOf, type Store } from './store';

/** A checked log query: the date bounds as times, the rest as given. */
export type CheckedQuery = LogQuery & { from: number | null; to: number | null };

export function checkQuery(query: LogQuery | null | undefined): CheckedQuery {
    const q: LogQuery = query ?? {};
    const from = parseInstant(q.fromDate, 'fromDate');
    const to = parseInstant(q.toDate, 'toDate');
    if (from !== null && to !== null && to <= from) {
        throw new ApexError('The end of the date range must be after its start.');
    }
    if (q.decision && !(DECISIONS as string[]).includes(q.decision)) {
        throw new ApexError(`Unknown decision ${q.decision}.`);
    }
    if (q.subjectKey && !/^[0-9a-fA-F]{64}$/.test(q.subjectKey)) {
        throw new ApexError('A subject key is 64 hexadecimal characters.');
    }
    return { ...q, subjectKey: q.subjectKey ? q.subjectKey.toLowerCase() : q.subjectKey, from, to };
}

/** Whether an entry matches every filter of the query except the dates (the callers walk the dates). */
export function matches(entry: DemoLogEntry, q: CheckedQuery): boolean {
    const caller = q.caller?.trim().toLowerCase();
    return !(
        (q.endpointId && entry.endpointId !== q.endpointId) ||
        (q.purpose && entry.purpose !== q.purpose) ||
        (q.decision && entry.decision !== q.decision) ||
        (q.jurisdiction && entry.jurisdiction !== q.jurisdiction) ||
        (caller && !(entry.caller ?? '').toLowerCase().includes(caller)) ||
        (q.phiCategory && !(entry.phiCategories ?? '').split(';').includes(q.phiCategory)) ||
        (q.subjectKey && entry.subjectKey !== q.subjectKey) ||
        (q.consentResult && entry.consentResult !== q.consentResult) ||
        (q.residencyResult && entry.residencyResult !== q.residencyResult)
    );
}

/** The share of the demo log, oldest first, that counts as moved to the archive by retention. */
export const ARCHIVED_SHARE = 0.1;
/** Sequences per archive read, and reads per call: LogArchiveReader.SCAN_WINDOW and MAX_WINDOWS. */
export const ARCHIVE_SCAN_WINDOW = 1000;
export const ARCHIVE_MAX_WINDOWS = 5;
const SLACK_MS = 86400000;

/**
 * The last archived sequence of the demo log (0: none), taken once when the backend starts: the live log starts
 * after it, and entries the live stream appends stay live.
 */
export function archivedThrough(log: readonly DemoLogEntry[]): number {
    return Math.floor(log.length * ARCHIVED_SHARE);
}

/** The first sequence in [low, high] logged at or after a moment, by binary search (LogArchiveReader's). */
export function firstLoggedAtOrAfter(log: readonly DemoLogEntry[], low: number, high: number, moment: number): number {
    let lo = low;
    let hi = high + 1;
    while (lo < hi) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (Date.parse(log[mid - 1].loggedAt) < moment) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

type ArchiveSlice = { rows: LogRow[]; first: number | null; last: number | null; next: number | null };

/** Archived entries that match, newest first, below a cursor: LogArchiveReader.newestFirst over the demo log. */
export function archivedNewestFirst(
    log: readonly DemoLogEntry[],
    through: number,
    q: CheckedQuery,
    before: number | null,
    size: number
): ArchiveSlice {
    const slice: ArchiveSlice = { rows: [], first: null, last: null, next: null };
    const upper = Math.min(before ?? Infinity, through + 1);
    if (upper <= 1) {
        return slice;
    }
    if (size <= 0) {
        return { ...slice, next: upper };
    }
    const stopBefore = q.from === null ? null : q.from - SLACK_MS;
    let top = upper - 1;
    if (q.to !== null && Date.parse(log[top - 1].loggedAt) >= q.to + SLACK_MS) {
        // Skip what was logged after the range: search for its end instead of walking down to it.
        top = firstLoggedAtOrAfter(log, 1, top, q.to + SLACK_MS) - 1;
    }
    if (top < 1) {
        return slice;
    }
    slice.last = top;
    for (let window = 0; window < ARCHIVE_MAX_WINDOWS && top >= 1; window++) {
        const low = Math.max(1, top - ARCHIVE_SCAN_WINDOW + 1);
        for (let sequence = top; sequence >= low; sequence--) {
            const entry = log[sequence - 1];
            const at = Date.parse(entry.loggedAt);
            if (stopBefore !== null && at < stopBefore) {
                return { ...slice, first: sequence };
            }
            if ((q.from !== null && at < q.from) || (q.to !== null && at >= q.to) || !matches(entry, q)) {
                continue;
            }
            if (slice.rows.length === size) {
                const next = slice.rows[size - 1].sequence;
                return { ...slice, first: next, next };
            }
            slice.rows.push({ ...toLogRow(entry), id: null, name: '', archived: true });
        }
        slice.first = low;
        top = low - 1;
        if (slice.rows.length === size) {
            break;
        }
    }
    return { ...slice, next: top >= 1 ? top + 1 : null };
}

export function logHandlers(store: Store): HandlersOf<'WardenLogController'> {
    const { data } = store;
    const firstLive = archivedThrough(data.log);
    return {
        'WardenLogController.getLogPage': ({ query }) => {
            const q = checkQuery(query);
            const pageSize = Math.min(
                LOG_PAGE_SIZE_MAX,
                Math.max(1, Math.floor(Number(q.pageSize ?? LOG_PAGE_SIZE)) || LOG_PAGE_SIZE)
            );
            let index = data.log.length - 1;
            let before: number | null = null;
            if (q.beforeSequence !== null && q.beforeSequence !== undefined) {
                before = Number(q.beforeSequence);
                if (!Number.isInteger(before) || before < 1) {
                    throw new ApexError('beforeSequence must be a positive whole number.');
                }
                index = Math.min(index, before - 2);
            }
            const rows: LogRow[] = [];
            let hasMore = false;
            for (; index >= firstLive; index--) {
                const entry = data.log[index];
                const at = Date.parse(entry.loggedAt);
                if (q.to !== null && at >= q.to) {
                    continue;
                }
                if (q.from !== null && at < q.from) {
                    break; // sequence order is time order: nothing older can match
                }
                if (!matches(entry, q)) {
                    continue;
                }
                if (rows.length === pageSize) {
                    hasMore = true;
                    break;
                }
                rows.push(toLogRow(entry));
            }
            if (hasMore) {
                return { rows, hasMore, nextCursor: rows[rows.length - 1].sequence };
            }
            const archived = archivedNewestFirst(data.log, firstLive, q, before, pageSize - rows.length);
            return {
                rows: [...rows, ...archived.rows],
                hasMore: archived.next !== null,
                nextCursor: archived.next,
                archivedFrom: archived.first,
                archivedTo: archived.last
            };
        },

        'WardenLogController.getLogEntry': ({ logId }) => {
            const entry = store.findLog(requireId(logId, 'logId'));
            if (!entry) {
                throw new ApexError('The log entry does not exist or you cannot see it.');
            }
            const { eventUuid: _uuid, ...detail } = entry;
            return { ...detail, endpoint: (entry.endpointId && store.endpointById.get(entry.endpointId)) || null };
        },

        'WardenLogController.getLogFilterOptions': () => {
            const entries = store.windowEntries();
            return {
                endpoints: data.endpoints,
                purposes: PURPOSES,
                decisions: DECISIONS,
                jurisdictions: data.rules.map((rule) => rule.jurisdiction),
                phiCategories: [
                    ...new Set(
                        [
                            ...data.tags.map((tag) => tag.phiCategory),
                            ...data.patterns.map((pattern) => pattern.category)
                        ].filter((value): value is string => !!value)
                    )
                ].sort(),
                consentResults: countBy(entries, (entry) => entry.consentResult)
                    .map((row) => row.key)
                    .filter((key) => key !== ''),
                residencyResults: countBy(entries, (entry) => entry.residencyResult)
                    .map((row) => row.key)
                    .filter((key) => key !== ''),
                // The preview is an org without a namespace.
                eventChannel: '/event/InferenceEvent__e'
            };
        },

        'WardenLogController.getChainNeighbours': ({ logId }) => {
            const entry = store.findLog(requireId(logId, 'logId'));
            if (!entry) {
                throw new ApexError('The log entry does not exist or you cannot see it.');
            }
            const first = Math.max(1, entry.sequence - 1);
            const last = Math.min(data.log.length, entry.sequence + 1);
            return {
                sequence: entry.sequence,
                records: data.log.slice(first - 1, last).map(toExportRecord)
            };
        }
    };
}
