import {
    activeFilterCount,
    appendPage,
    defaultFilters,
    matchesQuery,
    parseReasons,
    prependLive,
    presetRange,
    rowFromEvent,
    toQuery,
    validateFilters
} from 'c/logFilters';
import { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from 'c/gatePolicy';

const today = '2026-11-22';

describe('c/logFilters: filters and queries', () => {
    it('computes preset ranges, including the previous calendar quarter', () => {
        expect(presetRange('last7', today)).toEqual({ fromDay: '2026-11-16', toDay: today });
        expect(presetRange('last90', today)).toEqual({ fromDay: '2026-08-25', toDay: today });
        expect(presetRange('thisQuarter', today)).toEqual({ fromDay: '2026-10-01', toDay: today });
        expect(presetRange('lastQuarter', today)).toEqual({ fromDay: '2026-07-01', toDay: '2026-09-30' });
        expect(presetRange('lastQuarter', '2026-02-10')).toEqual({ fromDay: '2025-10-01', toDay: '2025-12-31' });
    });

    it('turns the filters into a keyset query with an exclusive end of day', () => {
        const state = { ...defaultFilters(today), decision: 'Blocked', caller: '  ', jurisdiction: 'EU' };
        const query = toQuery(state, 4711, 100);
        expect(query).toEqual({
            fromDate: '2026-10-24T00:00:00.000Z',
            toDate: '2026-11-23T00:00:00.000Z',
            endpointId: null,
            purpose: null,
            decision: 'Blocked',
            jurisdiction: 'EU',
            caller: null,
            phiCategory: null,
            subjectKey: null,
            consentResult: null,
            residencyResult: null,
            beforeSequence: 4711,
            pageSize: 100
        });
    });

    it('reports invalid, reversed and over-long ranges and bad decisions', () => {
        const base = defaultFilters(today);
        expect(validateFilters(base)).toEqual([]);
        expect(validateFilters({ ...base, fromDay: '2026-13-01' })).toEqual([
            { field: 'fromDay', code: 'invalidDate' }
        ]);
        expect(validateFilters({ ...base, fromDay: '2026-11-23' })).toEqual([
            { field: 'toDay', code: 'rangeReversed' }
        ]);
        expect(validateFilters({ ...base, fromDay: '2024-01-01' })).toEqual([
            { field: 'fromDay', code: 'rangeTooLong' }
        ]);
        expect(validateFilters({ ...base, decision: 'Maybe' })).toEqual([
            { field: 'decision', code: 'invalidDecision' }
        ]);
        expect(validateFilters({ ...base, caller: 'x'.repeat(256) })).toEqual([{ field: 'caller', code: 'tooLong' }]);
        expect(validateFilters({ ...base, subjectKey: 'not-a-key' })).toEqual([
            { field: 'subjectKey', code: 'invalidSubjectKey' }
        ]);
        expect(validateFilters({ ...base, subjectKey: 'A'.repeat(64) })).toEqual([]);
        expect(toQuery({ ...base, subjectKey: 'A'.repeat(64) }).subjectKey).toBe('a'.repeat(64));
    });

    it('matches live rows the way the controller filters', () => {
        const query = toQuery({ ...defaultFilters(today), decision: 'Redacted', phiCategory: 'Mrn' });
        const row = {
            loggedAt: '2026-11-22T10:00:00.000Z',
            endpointId: 'e1',
            purpose: 'CareDelivery',
            decision: 'Redacted' as const,
            jurisdiction: 'EU',
            caller: 'NoteSummary',
            phiCategories: 'Name;Mrn',
            consentResult: 'Granted',
            residencyResult: RESIDENCY_ALLOWED
        };
        expect(matchesQuery(row, query)).toBe(true);
        expect(matchesQuery({ ...row, phiCategories: 'Name;MrnX' }, query)).toBe(false);
        expect(matchesQuery({ ...row, decision: 'Allowed' }, query)).toBe(false);
        expect(matchesQuery({ ...row, loggedAt: '2026-11-23T00:00:00.000Z' }, query)).toBe(false);
    });

    it('matches the caller in part and in any case, and the consent and residency results exactly', () => {
        const row = {
            loggedAt: '2026-11-22T10:00:00.000Z',
            endpointId: 'e1',
            purpose: 'CareDelivery',
            decision: 'Blocked' as const,
            jurisdiction: 'EU',
            caller: 'ClinicalNoteSummarizer',
            phiCategories: null,
            consentResult: 'Missing',
            residencyResult: RESIDENCY_BLOCKED
        };
        const query = (filters: Partial<ReturnType<typeof defaultFilters>>) =>
            toQuery({ ...defaultFilters(today), ...filters });
        expect(matchesQuery(row, query({ caller: ' notesum ' }))).toBe(true);
        expect(matchesQuery(row, query({ caller: 'CLINICAL' }))).toBe(true);
        expect(matchesQuery(row, query({ caller: 'Marketing' }))).toBe(false);
        expect(matchesQuery({ ...row, caller: null }, query({ caller: 'note' }))).toBe(false);
        expect(matchesQuery(row, query({ consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED }))).toBe(true);
        expect(matchesQuery(row, query({ consentResult: 'Granted' }))).toBe(false);
        expect(matchesQuery(row, query({ residencyResult: RESIDENCY_ALLOWED }))).toBe(false);
        expect(query({ consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED })).toEqual(
            expect.objectContaining({ consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED })
        );
    });

    it('counts the filters set besides the dates', () => {
        expect(activeFilterCount(defaultFilters(today))).toBe(0);
        expect(activeFilterCount({ ...defaultFilters(today), purpose: 'Research', caller: 'x' })).toBe(2);
        expect(
            activeFilterCount({
                ...defaultFilters(today),
                consentResult: 'Missing',
                residencyResult: RESIDENCY_BLOCKED
            })
        ).toBe(2);
    });
});

describe('c/logFilters: the loaded window and live rows', () => {
    it('keeps at most the window size, trimming the oldest loaded rows from the top', () => {
        let window = { rows: [] as number[], trimmed: 0 };
        for (let page = 0; page < 6; page++) {
            window = appendPage(
                window,
                Array.from({ length: 200 }, (_, index) => page * 200 + index),
                1000
            );
        }
        expect(window.rows).toHaveLength(1000);
        expect(window.rows[0]).toBe(200);
        expect(window.trimmed).toBe(200);
    });

    it('puts live rows on top without duplicates', () => {
        const window = { rows: [{ id: 'b' }, { id: 'c' }], trimmed: 0 };
        expect(prependLive(window, [{ id: 'a' }, { id: 'b' }], 2).rows).toEqual([{ id: 'a' }, { id: 'b' }]);
    });

    it('maps an InferenceEvent__e message to a live row and ignores malformed ones', () => {
        const row = rowFromEvent({
            data: {
                payload: {
                    Decision__c: 'Blocked',
                    LoggedAt__c: '2026-11-22T10:00:00.000Z',
                    EndpointId__c: 'e1',
                    LatencyMs__c: '12',
                    Jurisdiction__c: 'EU'
                },
                event: { replayId: 42 }
            }
        });
        expect(row).toMatchObject({ id: 'live-42', decision: 'Blocked', endpointId: 'e1', latencyMs: 12, live: true });
        expect(rowFromEvent({ data: { payload: { Decision__c: 'Unknown' } } })).toBeNull();
        const packaged = rowFromEvent({
            data: { payload: { warden__Decision__c: 'Allowed', warden__RedactionCount__c: 3 }, event: { replayId: 43 } }
        });
        expect(packaged).toMatchObject({ decision: 'Allowed', redactionCount: 3 });
        expect(rowFromEvent({})).toBeNull();
    });

    it('splits reasons into code and text', () => {
        expect(parseReasons('CONSENT_MISSING: no LlmInference consent\nredacted 2 values')).toEqual([
            { code: 'CONSENT_MISSING', text: 'no LlmInference consent' },
            { code: '', text: 'redacted 2 values' }
        ]);
        expect(parseReasons(null)).toEqual([]);
    });
});
