import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import { jestMockPublish, jestMockReset, subscribe, unsubscribe } from 'lightning/empApi';
import InferenceLogExplorer from 'c/inferenceLogExplorer';
import getLogPage from '@salesforce/apex/WardenLogController.getLogPage';
import getLogEntry from '@salesforce/apex/WardenLogController.getLogEntry';
import getLogFilterOptions from '@salesforce/apex/WardenLogController.getLogFilterOptions';
import type { LogPage } from 'c/consoleContracts';
import { RESIDENCY_BLOCKED } from 'c/gatePolicy';

const page: LogPage = require('./data/logPage.json');
const entry = require('./data/logEntry.json');
const options = require('./data/filterOptions.json');

jest.mock('@salesforce/apex/WardenLogController.getLogPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenLogController.getLogEntry', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/WardenLogController.getLogFilterOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

// A template with its placeholders, so a test reads the range the notice names.
jest.mock('@salesforce/label/c.ExplorerArchivedRange', () => ({ default: 'archive {0}-{1}' }), { virtual: true });

const pageMock = getLogPage as unknown as jest.Mock;
const entryMock = getLogEntry as unknown as jest.Mock;
const optionsWire = getLogFilterOptions as unknown as { emit(value: unknown): void };

// Several macrotask turns let wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 5): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

function mount(): HTMLElement {
    const element = createElement('c-inference-log-explorer', { is: InferenceLogExplorer });
    document.body.appendChild(element);
    return element;
}

const rows = (element: HTMLElement): HTMLElement[] =>
    Array.from(element.shadowRoot?.querySelectorAll('[data-id="log-table"] tbody tr') ?? []) as HTMLElement[];

function setUp(): void {
    beforeAll(() => registerSa11yMatcher());
    beforeEach(() => {
        pageMock.mockResolvedValue(page);
        entryMock.mockResolvedValue(entry);
    });
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jestMockReset();
    });
}

describe('c-inference-log-explorer: loading and filtering', () => {
    setUp();

    it('loads the newest page with a keyset query and no cursor', async () => {
        const element = mount();
        await flush();
        expect(pageMock).toHaveBeenCalledTimes(1);
        const query = pageMock.mock.calls[0][0].query;
        expect(query.beforeSequence).toBeNull();
        expect(query.pageSize).toBe(50);
        expect(query.fromDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00.000Z$/);
        expect(rows(element)).toHaveLength(page.rows.length);
        expect(rows(element)[0].getAttribute('data-row-key-value')).toBe(page.rows[0].id);
        expect(element.shadowRoot?.querySelector('[data-id="load-more"]') !== null).toBe(page.hasMore);
    });

    it('loads older rows after the last sequence when the table asks for more', async () => {
        // The older page holds other entries (ids and sequences of its own), as the org's next keyset page does.
        const older = {
            ...page,
            rows: page.rows.map((row, i) => ({
                ...row,
                id: `a04000000000${String(i).padStart(3, '0')}OLD`,
                sequence: row.sequence - page.rows.length
            }))
        };
        pageMock.mockResolvedValueOnce(page).mockResolvedValueOnce(older);
        const element = mount();
        await flush();
        const box = element.shadowRoot?.querySelector('[data-id="log-table"]') as HTMLElement;
        // jsdom has no layout: a scroll at height 0 is at the bottom, as in a fully scrolled table.
        box.dispatchEvent(new CustomEvent('scroll'));
        await flush();
        expect(pageMock).toHaveBeenCalledTimes(2);
        expect(pageMock.mock.calls[1][0].query.beforeSequence).toBe(page.nextCursor);
        expect(pageMock.mock.calls[1][0].query.pageSize).toBe(200);
        expect(rows(element)).toHaveLength(page.rows.length * 2);
    });

    it('sends the chosen decision and shows a filter count', async () => {
        const element = mount();
        optionsWire.emit(options);
        await flush();
        const decision = element.shadowRoot?.querySelector('lightning-combobox[data-filter="decision"]') as HTMLElement;
        decision.dispatchEvent(new CustomEvent('change', { detail: { value: 'Blocked' } }));
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(pageMock.mock.calls[1][0].query.decision).toBe('Blocked');
        expect(element.shadowRoot?.querySelector('[data-id="filter-count"]')).not.toBeNull();
    });

    it('filters by consent and residency result from the options the server lists', async () => {
        const element = mount();
        optionsWire.emit(options);
        await flush();
        const consent = element.shadowRoot?.querySelector(
            'lightning-combobox[data-filter="consentResult"]'
        ) as HTMLElement & { options: { value: string }[] };
        expect(consent.options.map((option) => option.value)).toEqual(['', ...options.consentResults]);
        consent.dispatchEvent(new CustomEvent('change', { detail: { value: 'Missing' } }));
        element.shadowRoot
            ?.querySelector('lightning-combobox[data-filter="residencyResult"]')
            ?.dispatchEvent(new CustomEvent('change', { detail: { value: RESIDENCY_BLOCKED } }));
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(pageMock.mock.calls[1][0].query).toEqual(
            expect.objectContaining({ consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED })
        );
    });

    it('refuses a reversed date range without calling the server', async () => {
        const element = mount();
        await flush();
        type Field = HTMLElement & { setCustomValidity(text: string): void };
        const field = (name: string) =>
            element.shadowRoot?.querySelector(`lightning-input[data-filter="${name}"]`) as Field;
        const toDay = jest.spyOn(field('toDay'), 'setCustomValidity');
        const fromDay = jest.spyOn(field('fromDay'), 'setCustomValidity');
        field('fromDay').dispatchEvent(new CustomEvent('change', { detail: { value: '2099-01-01' } }));
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(pageMock).toHaveBeenCalledTimes(1);
        // The refusal is shown at the field concerned, and no other field is marked.
        expect(toDay).toHaveBeenLastCalledWith('c.ExplorerErrorReversed');
        expect(fromDay).toHaveBeenLastCalledWith('');
        field('toDay').dispatchEvent(new CustomEvent('change', { detail: { value: '2099-01-02' } }));
        expect(toDay).toHaveBeenLastCalledWith('');
    });

    it('says how many entries are loaded without offering to scroll when there are no older ones', async () => {
        pageMock.mockResolvedValue({ ...page, rows: page.rows.slice(0, 1), hasMore: false, nextCursor: null });
        const element = mount();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="showing"]')?.textContent).toBe('c.ExplorerShowingOne');
        pageMock.mockResolvedValue({ ...page, rows: [], hasMore: false, nextCursor: null });
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="showing"]')?.textContent).toBe('');
        expect(element.shadowRoot?.querySelector('[data-id="no-rows"]')).not.toBeNull();
    });
});

describe('c-inference-log-explorer: live events', () => {
    setUp();

    it('puts matching live events from empApi on top, on the channel the server names', async () => {
        const element = mount();
        await flush();
        expect(subscribe).not.toHaveBeenCalled();
        optionsWire.emit({ ...options, eventChannel: '/event/warden__InferenceEvent__e' });
        optionsWire.emit({ ...options, eventChannel: '/event/warden__InferenceEvent__e' });
        await flush();
        expect(subscribe).toHaveBeenCalledTimes(1);
        expect(subscribe).toHaveBeenCalledWith('/event/warden__InferenceEvent__e', -1, expect.any(Function));
        const delivered = jestMockPublish('/event/warden__InferenceEvent__e', {
            data: {
                event: { replayId: 7 },
                payload: {
                    warden__Decision__c: 'Blocked',
                    warden__LoggedAt__c: new Date().toISOString(),
                    warden__EndpointKey__c: 'us-public-gpt'
                }
            }
        });
        expect(delivered).toBe(1);
        await flush();
        expect(rows(element)[0].getAttribute('data-row-key-value')).toBe('live-7');
        expect(rows(element)[0].querySelector('td')?.textContent).toBe('');
        expect(element.shadowRoot?.querySelector('[data-id="live-count"]')?.textContent).toBe('c.ExplorerNewEntry');
    });

    it('stops listening to empApi when it leaves the page', async () => {
        const element = mount();
        await flush();
        optionsWire.emit({ ...options, eventChannel: '/event/InferenceEvent__e' });
        await flush();
        expect(subscribe).toHaveBeenCalledTimes(1);
        document.body.removeChild(element);
        await flush();
        expect(unsubscribe).toHaveBeenCalledTimes(1);
        expect(jestMockPublish('/event/InferenceEvent__e', { data: { event: { replayId: 8 }, payload: {} } })).toBe(0);
    });
});

describe('c-inference-log-explorer: detail and errors', () => {
    setUp();

    it('explains a decision in the detail panel', async () => {
        const element = mount();
        await flush();
        (rows(element)[0].querySelector('button') as HTMLElement).click();
        await flush();
        expect(entryMock).toHaveBeenCalledWith({ logId: page.rows[0].id });
        const reasons = element.shadowRoot?.querySelectorAll('[data-id="reasons"] li');
        expect(reasons?.length).toBe(entry.reasons.split('\n').length);
    });

    it('lists each field sent, split as the gate joins them', async () => {
        entryMock.mockResolvedValue({ ...entry, fieldsSent: 'Contact.FirstName,Case.Description' });
        const element = mount();
        await flush();
        (rows(element)[0].querySelector('button') as HTMLElement).click();
        await flush();
        const badges = Array.from(element.shadowRoot?.querySelectorAll('dd .slds-badge_lightest') ?? []);
        expect(badges.map((badge) => badge.textContent)).toEqual(['Contact.FirstName', 'Case.Description']);
    });

    it('shows when an entry was logged in the user time zone, naming it, in the table and the detail', async () => {
        // 19:48:56 UTC in Jest's user time zone (America/Los_Angeles); the explorer once left the zone out.
        const when = 'Nov 21, 2026, 11:48:56 AM PST';
        const element = mount();
        await flush();
        expect(rows(element)[0].textContent).toContain(when);
        (rows(element)[0].querySelector('button') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="detail"]')?.textContent).toContain(when);
    });

    it('shows an erasure receipt as Erased, neither a pass nor a block, in the table and the detail', async () => {
        const receipt = { ...page.rows[0], decision: 'Erased', purpose: null, consentResult: null };
        pageMock.mockResolvedValue({ ...page, rows: [receipt] });
        entryMock.mockResolvedValue({ ...entry, ...receipt, reasons: 'KEY_DESTROYED;CONSENTS_ERASED=2' });
        const element = mount();
        await flush();
        const cell = rows(element)[0].querySelector('td.slds-text-color_weak') as HTMLElement;
        expect(cell.textContent).toBe('c.ConsoleDecisionErased');
        (rows(element)[0].querySelector('button') as HTMLElement).click();
        await flush();
        const badge = element.shadowRoot?.querySelector('[data-id="detail-decision"]') as HTMLElement;
        expect(badge.textContent).toBe('c.ConsoleDecisionErased');
        expect(badge.className).toBe('slds-badge');
    });

    it('offers Erased among the decisions to filter by', async () => {
        const element = mount();
        optionsWire.emit({ ...options, decisions: ['Allowed', 'Redacted', 'Blocked', 'Erased'] });
        await flush();
        const combobox = element.shadowRoot?.querySelector(
            'lightning-combobox[data-filter="decision"]'
        ) as HTMLElement & {
            options: { value: string; label: string }[];
        };
        expect(combobox.options.find((option) => option.value === 'Erased')?.label).toBe('c.ConsoleDecisionErased');
    });

    it('opens the detail over the table, keeping every column, and closes it on Escape', async () => {
        const element = mount();
        await flush();
        const table = element.shadowRoot?.querySelector('[data-id="table-column"]') as HTMLElement;
        (rows(element)[0].querySelector('button') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="detail-drawer"]')).not.toBeNull();
        expect(table.className).toBe('slds-col slds-size_1-of-1');
        expect(element.shadowRoot?.querySelectorAll('[data-id="log-table"] thead th')).toHaveLength(12);
        element.shadowRoot
            ?.querySelector('[data-id="detail-drawer"]')
            ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="detail-drawer"]')).toBeNull();
    });

    it('shows a server error once, above the table, instead of a toast', async () => {
        pageMock.mockRejectedValue({
            status: 500,
            body: { message: 'System.QueryException: Non-selective query (Class.WardenLogController: line 12)' }
        });
        const element = mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await flush();
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(toast).not.toHaveBeenCalled();
        const alerts = element.shadowRoot?.querySelectorAll('[data-id="load-error"]');
        expect(alerts).toHaveLength(1);
        expect(alerts?.[0].textContent).toContain('Non-selective query');
        expect(alerts?.[0].textContent).not.toMatch(/line \d+/);
        pageMock.mockResolvedValue(page);
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="load-error"]')).toBeNull();
    });

    it('is accessible', async () => {
        const element = mount();
        optionsWire.emit(options);
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});

describe('c-inference-log-explorer: archived entries', () => {
    setUp();
    const number = (value: number): string => new Intl.NumberFormat('en-US').format(value);

    /** The last live row of the fixture, then two entries read from the archive below it. */
    function archivedPage(): LogPage {
        const live = page.rows[page.rows.length - 1];
        const archived = [live.sequence - 1, live.sequence - 2].map((sequence) => ({
            ...live,
            id: null,
            name: '',
            sequence,
            archived: true
        }));
        return {
            rows: [live, ...archived],
            nextCursor: live.sequence - 2,
            hasMore: true,
            archivedFrom: live.sequence - 2,
            archivedTo: live.sequence - 1
        };
    }

    it('marks archived rows with a badge and says which sequences came from the archive', async () => {
        pageMock.mockResolvedValue(archivedPage());
        const element = mount();
        await flush();
        const table = rows(element);
        expect(table).toHaveLength(3);
        expect(table[0].querySelector('[data-id="archived-badge"]')).toBeNull();
        expect(table[1].querySelector('[data-id="archived-badge"]')?.textContent).toBe('c.ExplorerArchived');
        // An archived entry has no record id: the row is keyed by its sequence, so keys stay unique.
        expect(table[2].getAttribute('data-row-key-value')).toBe(`archived-${archivedPage().archivedFrom}`);
        const { archivedFrom, archivedTo } = archivedPage();
        expect(element.shadowRoot?.querySelector('[data-id="archived-range"]')?.textContent).toBe(
            `archive ${number(archivedFrom!)}-${number(archivedTo!)}`
        );
        await expect(element).toBeAccessible();
    });

    it('widens the archived range over pages and forgets it when the filters change', async () => {
        const first = archivedPage();
        pageMock.mockResolvedValueOnce(first).mockResolvedValueOnce({
            rows: [],
            nextCursor: null,
            hasMore: false,
            archivedFrom: 1,
            archivedTo: first.nextCursor! - 1
        });
        const element = mount();
        await flush();
        (element.shadowRoot?.querySelector('[data-id="load-more"]') as HTMLElement).click();
        await flush();
        expect(pageMock.mock.calls[1][0].query.beforeSequence).toBe(first.nextCursor);
        expect(element.shadowRoot?.querySelector('[data-id="archived-range"]')?.textContent).toBe(
            `archive ${number(1)}-${number(first.archivedTo!)}`
        );
        pageMock.mockResolvedValue(page);
        (element.shadowRoot?.querySelector('[data-id="apply"]') as HTMLElement).click();
        await flush();
        expect(pageMock).toHaveBeenCalledTimes(3);
        expect(element.shadowRoot?.querySelector('[data-id="archived-range"]')).toBeNull();
    });

    it('offers to search older archived entries after a page that found none, instead of saying there are none', async () => {
        pageMock.mockResolvedValue({ rows: [], nextCursor: 4001, hasMore: true, archivedFrom: 4001, archivedTo: 9000 });
        const element = mount();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="no-rows"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="load-more"]')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="archived-range"]')?.textContent).toBe(
            `archive ${number(4001)}-${number(9000)}`
        );
    });

    it('shows an archived row without asking for a record it does not have', async () => {
        pageMock.mockResolvedValue(archivedPage());
        const element = mount();
        await flush();
        (rows(element)[1].querySelector('button') as HTMLElement).click();
        await flush();
        expect(entryMock).not.toHaveBeenCalled();
        expect(element.shadowRoot?.querySelector('[data-id="detail-archived"]')).not.toBeNull();
    });
});
