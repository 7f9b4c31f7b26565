/**
 * The preview's archive (the demo's oldest tenth of entries stands in for InferenceLogArchive__b): explorer pages
 * go on from the live log into archived rows, marked and without a record id, with the range read; the filters are
 * applied a window at a time, so pages may be short, and paging to the end finds exactly what a plain filter over
 * the whole log finds (the oracle).
 */
import { createBackend } from '../backend';
import {
    ARCHIVE_MAX_WINDOWS,
    ARCHIVE_SCAN_WINDOW,
    archivedThrough,
    checkQuery,
    firstLoggedAtOrAfter,
    matches
} from '../backend/log';
import { generateDemoData } from '../demoData';
import type { LogPage, LogQuery } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');
const ENTRIES = 12000;

function backend() {
    return createBackend(generateDemoData({ today: '2026-11-22', logEntries: ENTRIES }), { clock });
}

/** Every page of a query, newest first, until the server says there are no more. */
function allPages(b: ReturnType<typeof backend>, query: LogQuery): LogPage[] {
    const pages: LogPage[] = [];
    let cursor: number | null = null;
    for (let guard = 0; guard < 1000; guard++) {
        const page = b.invoke('WardenLogController.getLogPage', {
            query: { ...query, pageSize: 500, beforeSequence: cursor }
        }) as LogPage;
        pages.push(page);
        if (!page.hasMore) {
            return pages;
        }
        expect(page.nextCursor).not.toBeNull();
        cursor = page.nextCursor;
    }
    throw new Error('the pages did not end');
}

describe('preview backend: the archive', () => {
    it('marks the oldest tenth of the demo log archived and pages into it without gaps', () => {
        const b = backend();
        const through = archivedThrough(b.data.log);
        expect(through).toBe(ENTRIES / 10);
        const rows = allPages(b, {}).flatMap((page) => page.rows);
        expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: ENTRIES }, (_, i) => ENTRIES - i));
        for (const row of rows) {
            expect(row.archived === true).toBe(row.sequence <= through);
            expect(row.id === null).toBe(row.sequence <= through);
        }
    });

    it('says which sequences a page read from the archive', () => {
        const b = backend();
        const through = archivedThrough(b.data.log);
        const page = b.invoke('WardenLogController.getLogPage', {
            query: { pageSize: 10, beforeSequence: through + 4 }
        }) as LogPage;
        expect(page.rows.map((row) => row.sequence)).toEqual(Array.from({ length: 10 }, (_, i) => through + 3 - i));
        expect(page.archivedTo).toBe(through);
        expect(page.archivedFrom).toBe(through - 6);
        expect(page.nextCursor).toBe(through - 6);
        const live = b.invoke('WardenLogController.getLogPage', { query: { pageSize: 10 } }) as LogPage;
        expect(live.archivedFrom ?? null).toBeNull();
    });

    it('applies the filters to archived entries a window at a time and finds what the whole log holds', () => {
        const b = backend();
        const query: LogQuery = { caller: 'bot', decision: 'Blocked' };
        const pages = allPages(b, query);
        const found = pages.flatMap((page) => page.rows.map((row) => row.sequence));
        const checked = checkQuery(query);
        const oracle = b.data.log
            .filter((entry) => matches(entry, checked))
            .map((entry) => entry.sequence)
            .reverse();
        expect(oracle.length).toBeGreaterThan(0);
        expect(found).toEqual(oracle);
        // A call reads at most MAX_WINDOWS windows, so a rare filter over the archive gives short pages.
        const spans = pages
            .filter((page) => page.archivedFrom !== null && page.archivedFrom !== undefined)
            .map((page) => page.archivedTo! - page.archivedFrom! + 1);
        expect(spans.length).toBeGreaterThan(0);
        expect(Math.max(...spans)).toBeLessThanOrEqual(ARCHIVE_SCAN_WINDOW * ARCHIVE_MAX_WINDOWS);
    });

    it('stops walking the archive below the start of a date range', () => {
        const b = backend();
        const through = archivedThrough(b.data.log);
        const day = b.data.log[Math.floor(through / 2)].loggedAt.slice(0, 10);
        const query = { fromDate: `${day}T00:00:00.000Z`, toDate: `${day}T23:59:59.000Z` };
        const pages = allPages(b, query);
        const rows = pages.flatMap((page) => page.rows);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((row) => row.archived && row.loggedAt.startsWith(day))).toBe(true);
        const lowest = Math.min(...pages.map((page) => page.archivedFrom ?? Infinity));
        expect(lowest).toBeGreaterThan(1);
        // The end of the range is found by search, not walked to: the reads start one day past it.
        const highest = Math.max(...pages.map((page) => page.archivedTo ?? 0));
        const dayAfter = Date.parse(query.toDate) + 86400000;
        expect(highest).toBe(firstLoggedAtOrAfter(b.data.log, 1, through, dayAfter) - 1);
        expect(highest).toBeLessThan(through);
        expect(pages).toHaveLength(1);
    });

    it('finds the first entry logged at or after a moment by binary search', () => {
        const log = backend().data.log;
        const moment = Date.parse(log[500].loggedAt);
        const found = firstLoggedAtOrAfter(log, 1, log.length, moment);
        const oracle = log.findIndex((entry) => Date.parse(entry.loggedAt) >= moment) + 1;
        expect(found).toBe(oracle);
        expect(firstLoggedAtOrAfter(log, 1, log.length, Date.parse('2100-01-01'))).toBe(log.length + 1);
    });

    it('keeps entries the live stream appends live', () => {
        const b = backend();
        const through = archivedThrough(b.data.log);
        b.data.simulateCall(clock());
        const page = b.invoke('WardenLogController.getLogPage', {
            query: { pageSize: 5, beforeSequence: through + 2 }
        }) as LogPage;
        expect(page.rows[0]).toMatchObject({ sequence: through + 1 });
        expect(page.rows[0].archived).toBeUndefined();
        expect(page.rows[1]).toMatchObject({ sequence: through, archived: true });
    });
});
