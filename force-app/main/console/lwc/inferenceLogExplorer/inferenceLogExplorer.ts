/**
 * Inference log explorer: filters, keyset-paged rows in a datatable with infinite loading (at most
 * LOG_WINDOW_MAX rows held), a detail panel that explains a decision, and new entries streamed live from
 * the InferenceEvent__e channel through lightning/empApi. The channel's name comes from the server
 * (LogFilterOptions.eventChannel), because a packaged org names it with the namespace.
 */
import { LightningElement, api, wire } from 'lwc';
import { subscribe, unsubscribe, onError, type EmpSubscription } from 'lightning/empApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getLogPage from '@salesforce/apex/WardenLogController.getLogPage';
import getLogEntry from '@salesforce/apex/WardenLogController.getLogEntry';
import getLogFilterOptions from '@salesforce/apex/WardenLogController.getLogFilterOptions';
import type { LogDetail, LogFilterOptions, LogPage, LogRow } from 'c/consoleContracts';
import { DECISIONS, LOG_FIRST_PAGE_SIZE, LOG_PAGE_SIZE, LOG_WINDOW_MAX } from 'c/consoleContracts';
import {
    activeFilterCount,
    appendPage,
    defaultFilters,
    matchesQuery,
    parseReasons,
    phiCategoryList,
    prependLive,
    presetRange,
    rowFromEvent,
    toQuery,
    validateFilters,
    type LogFilterState,
    type RangePreset,
    type RowWindow
} from 'c/logFilters';
import { formatDateTime, formatLabel, formatNumber, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.ExplorerTitle';
import FROM from '@salesforce/label/c.ExplorerFrom';
import TO from '@salesforce/label/c.ExplorerTo';
import RANGE from '@salesforce/label/c.ExplorerRange';
import RANGE_7 from '@salesforce/label/c.ExplorerRangeLast7';
import RANGE_30 from '@salesforce/label/c.ExplorerRangeLast30';
import RANGE_90 from '@salesforce/label/c.ExplorerRangeLast90';
import RANGE_THIS_Q from '@salesforce/label/c.ExplorerRangeThisQuarter';
import RANGE_LAST_Q from '@salesforce/label/c.ExplorerRangeLastQuarter';
import ENDPOINT from '@salesforce/label/c.ConsoleEndpoint';
import PURPOSE from '@salesforce/label/c.ConsolePurpose';
import DECISION from '@salesforce/label/c.ConsoleDecision';
import JURISDICTION from '@salesforce/label/c.ConsoleJurisdiction';
import CALLER from '@salesforce/label/c.ExplorerCaller';
import CALLER_HELP from '@salesforce/label/c.ExplorerCallerHelp';
import PHI_CATEGORY from '@salesforce/label/c.ExplorerPhiCategory';
import ANY from '@salesforce/label/c.ConsoleAny';
import APPLY from '@salesforce/label/c.ConsoleApply';
import RESET from '@salesforce/label/c.ConsoleReset';
import LIVE from '@salesforce/label/c.ExplorerLive';
import NEW_ENTRIES from '@salesforce/label/c.ExplorerNewEntries';
import NEW_ENTRY from '@salesforce/label/c.ExplorerNewEntry';
import SHOWING from '@salesforce/label/c.ExplorerShowing';
import SHOWING_ALL from '@salesforce/label/c.ExplorerShowingAll';
import SHOWING_ONE from '@salesforce/label/c.ExplorerShowingOne';
import TRIMMED from '@salesforce/label/c.ExplorerTrimmed';
import BACK_TO_NEWEST from '@salesforce/label/c.ExplorerBackToNewest';
import NO_ROWS from '@salesforce/label/c.ExplorerNoRows';
import FILTER_COUNT from '@salesforce/label/c.ExplorerFilterCount';
import COL_SEQUENCE from '@salesforce/label/c.ExplorerColSequence';
import COL_LOGGED_AT from '@salesforce/label/c.ExplorerColLoggedAt';
import COL_CONSENT from '@salesforce/label/c.ExplorerColConsent';
import COL_RESIDENCY from '@salesforce/label/c.ExplorerColResidency';
import COL_PHI from '@salesforce/label/c.ExplorerColPhi';
import COL_LATENCY from '@salesforce/label/c.ExplorerColLatency';
import DETAILS from '@salesforce/label/c.ExplorerDetails';
import LOAD_MORE from '@salesforce/label/c.ExplorerLoadMore';
import DETAIL_TITLE from '@salesforce/label/c.ExplorerDetailTitle';
import DETAIL_WHY from '@salesforce/label/c.ExplorerDetailWhy';
import DETAIL_FIELDS from '@salesforce/label/c.ExplorerDetailFields';
import DETAIL_NONE from '@salesforce/label/c.ExplorerDetailNone';
import DETAIL_ENDPOINT from '@salesforce/label/c.ExplorerDetailEndpoint';
import DETAIL_CHAIN from '@salesforce/label/c.ExplorerDetailChain';
import DETAIL_TOKENS from '@salesforce/label/c.ExplorerDetailTokens';
import DETAIL_MODE from '@salesforce/label/c.ExplorerDetailMode';
import DETAIL_SUBJECT from '@salesforce/label/c.ExplorerDetailSubject';
import DETAIL_EMPTY from '@salesforce/label/c.ExplorerDetailEmpty';
import CLOSE from '@salesforce/label/c.ConsoleClose';
import ERR_INVALID_DATE from '@salesforce/label/c.ExplorerErrorInvalidDate';
import ERR_REVERSED from '@salesforce/label/c.ExplorerErrorReversed';
import ERR_TOO_LONG_RANGE from '@salesforce/label/c.ExplorerErrorRangeTooLong';
import ERR_INVALID from '@salesforce/label/c.ExplorerErrorInvalid';
import ERR_SUBJECT from '@salesforce/label/c.ExplorerErrorSubjectKey';
import SUBJECT_KEY from '@salesforce/label/c.ExplorerSubjectKey';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';
import ALLOWED from '@salesforce/label/c.ConsoleDecisionAllowed';
import REDACTED from '@salesforce/label/c.ConsoleDecisionRedacted';
import BLOCKED from '@salesforce/label/c.ConsoleDecisionBlocked';
import ERASED from '@salesforce/label/c.ConsoleDecisionErased';
import ARCHIVED from '@salesforce/label/c.ExplorerArchived';
import ARCHIVED_RANGE from '@salesforce/label/c.ExplorerArchivedRange';
import ARCHIVED_DETAIL from '@salesforce/label/c.ExplorerArchivedDetail';

const DECISION_LABELS: Record<string, string> = {
    Allowed: ALLOWED,
    Redacted: REDACTED,
    Blocked: BLOCKED,
    Erased: ERASED
};
// An erasure receipt is no call: it reads as a neutral record, neither a pass nor a block.
const DECISION_CELL: Record<string, string> = {
    Allowed: 'slds-text-color_success',
    Redacted: 'decision_redacted',
    Blocked: 'slds-text-color_error slds-text-title_bold',
    Erased: 'slds-text-color_weak'
};
const DECISION_BADGE: Record<string, string> = {
    Allowed: 'slds-badge slds-theme_success',
    Redacted: 'slds-badge slds-theme_warning',
    Blocked: 'slds-badge slds-theme_error',
    Erased: 'slds-badge'
};
const FILTER_ERRORS: Record<string, string> = {
    invalidDate: ERR_INVALID_DATE,
    rangeReversed: ERR_REVERSED,
    rangeTooLong: ERR_TOO_LONG_RANGE,
    invalidSubjectKey: ERR_SUBJECT
};

/** A row as the table shows it: an archived entry has no record id, so it is keyed by its sequence. */
type TableRow = Omit<LogRow, 'id'> & {
    id: string;
    decisionLabel: string;
    decisionClass: string;
    sequenceText: string;
    loggedAtText: string;
    latencyText: string;
    live?: boolean;
};

/** Rows closer than this to the bottom of the scrolled table trigger loading the next page. */
const LOAD_MORE_THRESHOLD_PX = 240;
/**
 * The table renders only the rows around the scrolled view (the rest are an empty spacer of the same height), so a
 * window of 1,000 rows costs the DOM, the layout and each re-render no more than its first 30: rendering all of them
 * made each "load older" step near the cap take seconds, and every row rendered beyond the view costs the first rows
 * and each filter their style and layout time (docs/console.md, Performance). The slice's ends move in steps of
 * ROW_STEP rows, at least OVERSCAN rows beyond the view on each side, so scrolling re-renders once every ROW_STEP rows.
 * VIEW_ROWS is the view's height in rows until the table has been laid out (32rem of 33 px rows).
 */
const ROW_STEP = 10;
const OVERSCAN = 10;
const VIEW_ROWS = 16;
/** The height of a row until one has been measured (a single-line SLDS table row). */
const DEFAULT_ROW_PX = 33;
type Option = { label: string; value: string };

/** The row after the rendered slice when `first` is the first row in view and `visible` rows fit in it. */
function sliceStopFor(first: number, visible: number): number {
    return Math.ceil((first + visible + OVERSCAN) / ROW_STEP) * ROW_STEP;
}

function todayUtc(): string {
    return new Date().toISOString().slice(0, 10);
}

export default class InferenceLogExplorer extends LightningElement {
    labels = {
        title: TITLE,
        from: FROM,
        to: TO,
        range: RANGE,
        endpoint: ENDPOINT,
        purpose: PURPOSE,
        decision: DECISION,
        jurisdiction: JURISDICTION,
        caller: CALLER,
        callerHelp: CALLER_HELP,
        consent: COL_CONSENT,
        residency: COL_RESIDENCY,
        phiCategory: PHI_CATEGORY,
        subjectKey: SUBJECT_KEY,
        apply: APPLY,
        reset: RESET,
        live: LIVE,
        backToNewest: BACK_TO_NEWEST,
        noRows: NO_ROWS,
        detailTitle: DETAIL_TITLE,
        detailWhy: DETAIL_WHY,
        detailFields: DETAIL_FIELDS,
        detailNone: DETAIL_NONE,
        detailEndpoint: DETAIL_ENDPOINT,
        detailChain: DETAIL_CHAIN,
        detailTokens: DETAIL_TOKENS,
        detailMode: DETAIL_MODE,
        detailSubject: DETAIL_SUBJECT,
        detailEmpty: DETAIL_EMPTY,
        close: CLOSE,
        details: DETAILS,
        loadMore: LOAD_MORE,
        loading: LOADING,
        errorTitle: ERROR_TITLE,
        archived: ARCHIVED,
        archivedDetail: ARCHIVED_DETAIL
    };

    filters: LogFilterState = defaultFilters(todayUtc());
    appliedFilters: LogFilterState = { ...this.filters };
    /** The refusal of each filter field, shown at the field (lightning-input's own error text). */
    filterErrors: Partial<Record<keyof LogFilterState, string>> = {};
    /** Why the entries, the options or a detail could not be loaded: shown above the table, not as a toast. */
    loadError = '';
    window: RowWindow<TableRow> = { rows: [], trimmed: 0 };
    nextCursor: number | null = null;
    hasMore = false;
    /** The sequences the loaded pages read from the archive (retention), or null while they read none. */
    archivedRange: { from: number; to: number } | null = null;
    isLoading = false;
    loadedOnce = false;
    liveEnabled = true;
    liveCount = 0;
    options: LogFilterOptions | undefined;
    detail: LogDetail | undefined;
    detailLoading = false;
    private focusDetail = false;
    private subscription: EmpSubscription | undefined;
    private subscribing = false;
    private requestToken = 0;
    private connected = false;
    /** The rendered slice: its first row and the row after its last (multiples of ROW_STEP); the measured row height. */
    sliceStart = 0;
    sliceStop = sliceStopFor(0, VIEW_ROWS);
    rowHeight = DEFAULT_ROW_PX;

    /** Column headers of the log table, in display order. */
    columns = [
        { key: 'sequence', label: COL_SEQUENCE, cssClass: 'col col_number' },
        { key: 'loggedAt', label: COL_LOGGED_AT, cssClass: 'col col_time' },
        { key: 'decision', label: DECISION, cssClass: 'col col_decision' },
        { key: 'endpoint', label: ENDPOINT, cssClass: 'col' },
        { key: 'purpose', label: PURPOSE, cssClass: 'col' },
        { key: 'jurisdiction', label: JURISDICTION, cssClass: 'col col_short' },
        { key: 'phi', label: COL_PHI, cssClass: 'col' },
        { key: 'consent', label: COL_CONSENT, cssClass: 'col' },
        { key: 'residency', label: COL_RESIDENCY, cssClass: 'col' },
        { key: 'caller', label: CALLER, cssClass: 'col' },
        { key: 'latency', label: COL_LATENCY, cssClass: 'col col_number' },
        { key: 'action', label: DETAILS, cssClass: 'col col_action' }
    ];

    private preset: Partial<LogFilterState> | null = null;

    @api
    get presetFilters(): Partial<LogFilterState> | null {
        return this.preset;
    }
    set presetFilters(value: Partial<LogFilterState> | null) {
        this.preset = value;
        if (value) {
            this.filters = { ...defaultFilters(todayUtc()), ...value };
            if (this.connected) {
                this.applyFilters();
            }
        }
    }

    @wire(getLogFilterOptions)
    wiredOptions({ data, error }: { data?: LogFilterOptions; error?: unknown }): void {
        if (data) {
            this.options = data;
            if (this.connected && this.liveEnabled) {
                this.startLive();
            }
        } else if (error) {
            this.showError(error);
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        this.applyFilters();
        if (this.liveEnabled) {
            this.startLive();
        }
        onError(() => {
            this.subscription = undefined;
        });
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopLive();
    }

    // ---------------------------------------------------------------- options

    private withAny(values: Option[]): Option[] {
        return [{ label: ANY, value: '' }, ...values];
    }

    get rangeOptions(): Option[] {
        return [
            { label: RANGE_7, value: 'last7' },
            { label: RANGE_30, value: 'last30' },
            { label: RANGE_90, value: 'last90' },
            { label: RANGE_THIS_Q, value: 'thisQuarter' },
            { label: RANGE_LAST_Q, value: 'lastQuarter' }
        ];
    }

    get endpointOptions(): Option[] {
        return this.withAny(
            (this.options?.endpoints ?? []).map((endpoint) => ({
                label: `${endpoint.name} (${endpoint.endpointKey})`,
                value: endpoint.id
            }))
        );
    }

    get purposeOptions(): Option[] {
        return this.withAny((this.options?.purposes ?? []).map((value) => ({ label: value, value })));
    }

    get decisionOptions(): Option[] {
        return this.withAny(
            (this.options?.decisions ?? DECISIONS).map((value) => ({
                label: DECISION_LABELS[value] ?? value,
                value
            }))
        );
    }

    get jurisdictionOptions(): Option[] {
        return this.withAny((this.options?.jurisdictions ?? []).map((value) => ({ label: value, value })));
    }

    get consentOptions(): Option[] {
        return this.withAny((this.options?.consentResults ?? []).map((value) => ({ label: value, value })));
    }

    get residencyOptions(): Option[] {
        return this.withAny((this.options?.residencyResults ?? []).map((value) => ({ label: value, value })));
    }

    get phiOptions(): Option[] {
        return this.withAny((this.options?.phiCategories ?? []).map((value) => ({ label: value, value })));
    }

    // ---------------------------------------------------------------- filters

    /** Puts each filter's refusal (or none) on its field, where the user looks to correct it. */
    private showFieldErrors(): void {
        for (const field of Array.from(this.template?.querySelectorAll('[data-filter]') ?? [])) {
            const input = field as HTMLElement & { setCustomValidity(text: string): void; reportValidity(): boolean };
            input.setCustomValidity(this.filterErrors[input.dataset.filter as keyof LogFilterState] ?? '');
            input.reportValidity();
        }
    }

    handleFilterChange(event: CustomEvent<{ value: string }>): void {
        const name = (event.target as HTMLElement).dataset.filter as keyof LogFilterState;
        if (this.filterErrors[name]) {
            // A corrected field stops showing its refusal; Apply checks every field again.
            this.filterErrors = { ...this.filterErrors, [name]: undefined };
            (event.target as HTMLElement & { setCustomValidity(text: string): void }).setCustomValidity('');
        }
        const value = event.detail?.value ?? (event.target as HTMLInputElement).value ?? '';
        this.filters = { ...this.filters, [name]: value ?? '' };
    }

    handleRangePreset(event: CustomEvent<{ value: RangePreset }>): void {
        this.filters = { ...this.filters, ...presetRange(event.detail.value, todayUtc()) };
    }

    handleApply(): void {
        this.applyFilters();
    }

    handleReset(): void {
        this.filters = defaultFilters(todayUtc());
        this.applyFilters();
    }

    handleKeyUp(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
            this.applyFilters();
        }
    }

    get filterCountLabel(): string {
        const count = activeFilterCount(this.appliedFilters);
        return count > 0 ? formatLabel(FILTER_COUNT, formatNumber(count, LOCALE)) : '';
    }

    applyFilters(): void {
        const errors = validateFilters(this.filters);
        this.filterErrors = {};
        for (const error of errors) {
            this.filterErrors[error.field] ??= FILTER_ERRORS[error.code] ?? ERR_INVALID;
        }
        this.showFieldErrors();
        if (errors.length > 0) {
            return;
        }
        this.appliedFilters = { ...this.filters };
        this.window = { rows: [], trimmed: 0 };
        this.nextCursor = null;
        this.hasMore = false;
        this.liveCount = 0;
        this.loadedOnce = false;
        this.archivedRange = null;
        this.sliceStart = 0;
        this.sliceStop = sliceStopFor(0, VIEW_ROWS);
        const box = this.template?.querySelector('[data-id="log-table"]') as HTMLElement | null;
        if (box) {
            box.scrollTop = 0;
        }
        this.loadPage(null);
    }

    // ---------------------------------------------------------------- paging

    private decorate(row: LogRow & { live?: boolean }): TableRow {
        // Cells are formatted once here (cached Intl formatters), so rendering a row is plain text.
        return {
            ...row,
            id: row.id ?? `archived-${row.sequence}`,
            // A live event is not chained yet, so it has no sequence to show.
            sequenceText: row.live ? '' : formatNumber(row.sequence, LOCALE),
            loggedAtText: formatDateTime(row.loggedAt, LOCALE, TIME_ZONE),
            latencyText: formatNumber(row.latencyMs, LOCALE),
            decisionLabel: DECISION_LABELS[row.decision] ?? row.decision,
            decisionClass: DECISION_CELL[row.decision] ?? ''
        };
    }

    async loadPage(cursor: number | null): Promise<void> {
        const token = ++this.requestToken;
        this.isLoading = true;
        try {
            const pageSize = cursor === null ? LOG_FIRST_PAGE_SIZE : LOG_PAGE_SIZE;
            const page = (await getLogPage({ query: toQuery(this.appliedFilters, cursor, pageSize) })) as LogPage;
            if (token !== this.requestToken) {
                return;
            }
            this.window = appendPage(
                this.window,
                page.rows.map((row) => this.decorate(row)),
                LOG_WINDOW_MAX
            );
            this.nextCursor = page.nextCursor;
            this.hasMore = page.hasMore;
            this.noteArchived(page);
            this.loadError = '';
        } catch (error) {
            if (token === this.requestToken) {
                this.hasMore = false;
                this.showError(error);
            }
        } finally {
            if (token === this.requestToken) {
                this.isLoading = false;
                this.loadedOnce = true;
            }
        }
    }

    /** Widens the range read from the archive by a page's (pages go down the chain, so it only grows). */
    private noteArchived(page: LogPage): void {
        const { archivedFrom, archivedTo } = page;
        if (archivedFrom === null || archivedFrom === undefined || archivedTo === null || archivedTo === undefined) {
            return;
        }
        const known = this.archivedRange;
        this.archivedRange = {
            from: known ? Math.min(known.from, archivedFrom) : archivedFrom,
            to: known ? Math.max(known.to, archivedTo) : archivedTo
        };
    }

    /**
     * Which sequences came from the archive. Its filters are applied in Apex a window of entries at a time, so a
     * page may hold fewer rows than asked while older archived entries remain to be searched.
     */
    get archivedLabel(): string {
        const range = this.archivedRange;
        return range
            ? formatLabel(ARCHIVED_RANGE, formatNumber(range.from, LOCALE), formatNumber(range.to, LOCALE))
            : '';
    }

    handleScroll(event: Event): void {
        const box = event.target as HTMLElement;
        const first = Math.floor(box.scrollTop / this.rowHeight);
        const start = Math.max(0, Math.floor((first - OVERSCAN) / ROW_STEP) * ROW_STEP);
        const stop = sliceStopFor(first, Math.ceil(box.clientHeight / this.rowHeight) || VIEW_ROWS);
        if (start !== this.sliceStart) {
            this.sliceStart = start;
        }
        if (stop !== this.sliceStop) {
            this.sliceStop = stop;
        }
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - LOAD_MORE_THRESHOLD_PX) {
            this.handleLoadMore();
        }
    }

    handleLoadMore(): void {
        if (this.isLoading || !this.hasMore || this.nextCursor === null) {
            return;
        }
        this.loadPage(this.nextCursor);
    }

    handleBackToNewest(): void {
        this.applyFilters();
    }

    /** The rendered slice of the window's rows (see ROW_STEP). */
    get rows(): (TableRow & { ariaRowIndex: number })[] {
        const start = this.sliceStart;
        // Row 1 is the header.
        return this.window.rows
            .slice(start, this.sliceEnd)
            .map((row, index) => ({ ...row, ariaRowIndex: start + index + 2 }));
    }

    private get sliceEnd(): number {
        return Math.min(this.window.rows.length, this.sliceStop);
    }

    /** The height of the rows above the slice, as a style; empty when there are none. */
    get topSpacer(): string {
        const start = Math.min(this.sliceStart, this.window.rows.length);
        return start > 0 ? `height: ${start * this.rowHeight}px` : '';
    }

    get bottomSpacer(): string {
        const below = this.window.rows.length - this.sliceEnd;
        return below > 0 ? `height: ${below * this.rowHeight}px` : '';
    }

    /** The table's row count for assistive technology, which sees only the rendered slice (plus the header). */
    get tableRowCount(): number {
        return this.window.rows.length + 1;
    }

    get hasRows(): boolean {
        return this.window.rows.length > 0;
    }

    /** A button for keyboard and screen-reader users; scrolling to the bottom loads the same page. */
    get showLoadMore(): boolean {
        return this.hasMore && !this.isLoading;
    }

    /** "No entries" only when nothing more can match: a page over the archive may be empty with older entries left. */
    get showEmpty(): boolean {
        return this.loadedOnce && !this.isLoading && this.window.rows.length === 0 && !this.hasMore;
    }

    /** How many entries are loaded, and whether scrolling loads older ones; nothing while there are none. */
    get showingLabel(): string {
        const count = this.window.rows.length;
        if (count === 0) {
            return '';
        }
        if (this.hasMore) {
            return formatLabel(SHOWING, formatNumber(count, LOCALE));
        }
        return count === 1 ? SHOWING_ONE : formatLabel(SHOWING_ALL, formatNumber(count, LOCALE));
    }

    get trimmedLabel(): string {
        return this.window.trimmed > 0 ? formatLabel(TRIMMED, formatNumber(this.window.trimmed, LOCALE)) : '';
    }

    // ---------------------------------------------------------------- live stream

    handleLiveToggle(event: CustomEvent<{ checked: boolean }>): void {
        this.liveEnabled = (event.target as HTMLInputElement).checked;
        if (this.liveEnabled) {
            this.startLive();
        } else {
            this.stopLive();
        }
    }

    /** Subscribes once the server has named the channel; until then the options wire starts it. */
    startLive(): void {
        const channel = this.options?.eventChannel;
        if (!channel || this.subscription || this.subscribing) {
            return;
        }
        this.subscribing = true;
        subscribe(channel, -1, (message) => this.handleLiveMessage(message))
            .then((subscription) => {
                this.subscription = subscription;
            })
            .catch((error: unknown) => this.showError(error))
            .finally(() => {
                this.subscribing = false;
            });
    }

    stopLive(): void {
        if (this.subscription) {
            unsubscribe(this.subscription, () => undefined);
            this.subscription = undefined;
        }
    }

    handleLiveMessage(message: Parameters<typeof rowFromEvent>[0]): void {
        const row = rowFromEvent(message);
        if (!row || !matchesQuery(row, toQuery(this.appliedFilters))) {
            return;
        }
        this.window = prependLive(this.window, [{ ...this.decorate(row), live: true }], LOG_WINDOW_MAX);
        this.liveCount += 1;
    }

    get liveCountLabel(): string {
        if (this.liveCount === 0) {
            return '';
        }
        return this.liveCount === 1 ? NEW_ENTRY : formatLabel(NEW_ENTRIES, formatNumber(this.liveCount, LOCALE));
    }

    // ---------------------------------------------------------------- detail panel

    override renderedCallback(): void {
        const row = this.template?.querySelector('[data-id="log-table"] tr[data-row-key-value]') as HTMLElement | null;
        const height = row?.offsetHeight ?? 0;
        if (height > 0 && Math.abs(height - this.rowHeight) >= 1) {
            this.rowHeight = height;
        }
        if (this.focusDetail) {
            const heading = this.template?.querySelector('[data-id="detail"] h2') as HTMLElement | null;
            if (heading) {
                this.focusDetail = false;
                heading.focus();
            }
        }
    }

    async handleDetails(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const row = this.window.rows.find((candidate) => candidate.id === id);
        if (!row) {
            return;
        }
        if (row.live || row.archived) {
            // Neither has a record to read: the detail shows what the row holds (an archived entry is whole in
            // the export, which reads the archive too).
            this.detail = {
                ...row,
                reasons: null,
                fieldsSent: null,
                subjectKey: null,
                promptSha256: null,
                responseSha256: null,
                tokensIn: null,
                tokensOut: null,
                previousHash: null,
                entryHash: null,
                endpoint: null
            };
            this.focusDetail = true;
            return;
        }
        this.detailLoading = true;
        try {
            this.detail = (await getLogEntry({ logId: row.id })) as LogDetail;
            this.focusDetail = true;
        } catch (error) {
            this.showError(error);
        } finally {
            this.detailLoading = false;
        }
    }

    handleCloseDetail(): void {
        const id = this.detail?.id;
        this.detail = undefined;
        // Back to the row's Details button, so the keyboard user is where they were.
        Promise.resolve().then(() => {
            (this.template?.querySelector(`button[data-id="${id}"]`) as HTMLElement | null)?.focus();
        });
    }

    handleDetailKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleCloseDetail();
        }
    }

    get detailView() {
        const detail = this.detail;
        if (!detail) {
            return undefined;
        }
        return {
            title: detail.name || DETAIL_TITLE,
            loggedAt: formatDateTime(detail.loggedAt, LOCALE, TIME_ZONE),
            decision: DECISION_LABELS[detail.decision] ?? detail.decision,
            badgeClass: DECISION_BADGE[detail.decision] ?? 'slds-badge',
            reasons: parseReasons(detail.reasons).map((reason, index) => ({ key: `r${index}`, ...reason })),
            hasReasons: !!detail.reasons,
            // The gate joins FieldsSent__c with commas (GateEvents, docs/audit-format.md).
            fields: (detail.fieldsSent ?? '').split(',').filter((field) => field !== ''),
            phi: phiCategoryList(detail.phiCategories).join(', '),
            mode: detail.mode ?? '',
            consent: detail.consentResult ?? '',
            residency: detail.residencyResult ?? '',
            endpoint: detail.endpoint
                ? `${detail.endpoint.name} · ${detail.endpoint.jurisdiction ?? ''} · ${detail.endpoint.region ?? ''} · ${detail.endpoint.hosting ?? ''} · ${detail.endpoint.status}`
                : (detail.endpointKey ?? ''),
            tokens:
                detail.tokensIn === null
                    ? ''
                    : `${formatNumber(detail.tokensIn, LOCALE)} / ${formatNumber(detail.tokensOut, LOCALE)}`,
            subjectKey: detail.subjectKey ?? '',
            archived: detail.archived === true,
            sequence: detail.sequence ? formatNumber(detail.sequence, LOCALE) : '',
            previousHash: detail.previousHash ?? '',
            entryHash: detail.entryHash ?? ''
        };
    }

    get hasDetailFields(): boolean {
        return (this.detailView?.fields.length ?? 0) > 0;
    }

    /** The table keeps the full width: the detail opens in a panel over the page, so no column is lost. */
    get tableClass(): string {
        return 'slds-col slds-size_1-of-1';
    }

    // ---------------------------------------------------------------- errors

    /** One readable sentence above the table; it replaces the last one instead of stacking up. */
    showError(error: unknown): void {
        this.loadError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }

    get heading(): string {
        return TITLE;
    }
}
