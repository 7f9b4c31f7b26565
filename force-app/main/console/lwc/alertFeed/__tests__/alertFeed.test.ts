/**
 * c-alert-feed: the recent alerts from WardenAlertController on load, live ComplianceAlert__e alerts on top as
 * they arrive (namespaced or not), nothing that is not an alert, a bounded list, an offline notice when the
 * stream fails, unsubscribing when it leaves the page, and a readable error when the load fails.
 */
import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import { jestMockPublish, jestMockReset, onError, subscribe, unsubscribe } from 'lightning/empApi';
import AlertFeed from 'c/alertFeed';
import { alertFromMessage, MAX_ALERTS } from 'c/alertFeed';
import recentAlerts from '@salesforce/apex/WardenAlertController.recentAlerts';
import type { AlertFeed as Feed } from 'c/consoleContracts';

jest.mock('@salesforce/apex/WardenAlertController.recentAlerts', () => ({ default: jest.fn() }), { virtual: true });

const recentMock = recentAlerts as unknown as jest.Mock;
const CHANNEL = '/event/warden__ComplianceAlert__e';

const feed: Feed = {
    channel: CHANNEL,
    windowHours: 24,
    alerts: [
        {
            key: 'a0F000000000001AAA',
            severity: 'Critical',
            category: 'AuditChain',
            message: 'Chain verification failed: The inference log link breaks at sequence 12.',
            recordId: 'a0F000000000001AAA',
            raisedAt: '2026-12-07T03:00:00.000Z'
        },
        {
            key: 'a0F000000000002AAA',
            severity: 'High',
            category: 'Endpoint',
            message: 'The DPA of endpoint EU LLM expires on 2026-12-20.',
            recordId: 'a0F000000000002AAA',
            raisedAt: '2026-12-07T01:00:00.000Z'
        }
    ]
};

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 4): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

function mount(): HTMLElement {
    const element = createElement('c-alert-feed', { is: AlertFeed });
    document.body.appendChild(element);
    return element;
}

const items = (element: HTMLElement): HTMLElement[] =>
    Array.from(element.shadowRoot?.querySelectorAll('li') ?? []) as HTMLElement[];

function alert(replayId: number, payload: Record<string, unknown>) {
    return { data: { event: { replayId }, payload } };
}

beforeAll(() => registerSa11yMatcher());
afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jestMockReset();
});

describe('c-alert-feed: recent and live alerts', () => {
    it('shows the recent alerts, then live ones on top, on the channel the server names', async () => {
        recentMock.mockResolvedValue(feed);
        const element = mount();
        await flush();
        expect(items(element).map((li) => li.dataset.key)).toEqual(feed.alerts.map((a) => a.key));
        expect(items(element)[0].querySelector('a')?.getAttribute('href')).toBe('/lightning/r/a0F000000000001AAA/view');
        expect(subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
        expect(element.shadowRoot?.querySelector('[data-id="live"]')).not.toBeNull();

        const delivered = jestMockPublish(
            CHANNEL,
            alert(41, {
                warden__Severity__c: 'High',
                warden__Category__c: 'AuditChain',
                warden__Message__c: '12 gate calls blocked within the last hour (threshold 10).',
                warden__RecordId__c: null,
                CreatedDate: '2026-12-07T04:00:00.000Z'
            })
        );
        expect(delivered).toBe(1);
        await flush();
        const first = items(element)[0];
        expect(first.dataset.key).toBe('live-41');
        expect(first.dataset.severity).toBe('High');
        expect(first.textContent).toContain('12 gate calls blocked');
        expect(first.querySelector('a')).toBeNull();
        expect(items(element)).toHaveLength(3);
        await expect(element).toBeAccessible();
    });

    it('ignores what is not an alert and the same alert twice, and keeps the list bounded', async () => {
        recentMock.mockResolvedValue({ ...feed, alerts: [] });
        const element = mount();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="empty"]')).not.toBeNull();
        jestMockPublish(CHANNEL, alert(1, { Message__c: 'no severity' }));
        jestMockPublish(CHANNEL, alert(2, { Severity__c: 'Urgent', Message__c: 'not a severity' }));
        jestMockPublish(CHANNEL, { data: {} });
        await flush();
        expect(items(element)).toHaveLength(0);
        for (let i = 0; i < MAX_ALERTS + 5; i++) {
            jestMockPublish(CHANNEL, alert(100 + i, { Severity__c: 'Critical', Message__c: `alert ${i}` }));
        }
        jestMockPublish(CHANNEL, alert(100 + MAX_ALERTS + 4, { Severity__c: 'Critical', Message__c: 'again' }));
        await flush();
        expect(items(element)).toHaveLength(MAX_ALERTS);
        expect(items(element)[0].textContent).toContain(`alert ${MAX_ALERTS + 4}`);
    });
});

describe('c-alert-feed: failures and leaving', () => {
    it('says when the stream fails and stops listening when it leaves the page', async () => {
        recentMock.mockResolvedValue(feed);
        const element = mount();
        await flush();
        const handler = (onError as unknown as jest.Mock).mock.calls[0][0] as (error: unknown) => void;
        handler({ error: 'connection lost' });
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="offline"]')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="live"]')).toBeNull();

        const again = mount();
        await flush();
        document.body.removeChild(again);
        await flush();
        expect(unsubscribe).toHaveBeenCalledTimes(1);
        expect(jestMockPublish(CHANNEL, alert(9, { Severity__c: 'Info', Message__c: 'after' }))).toBe(1);
    });

    it('shows a readable error when the recent alerts cannot be loaded', async () => {
        recentMock.mockRejectedValue({ body: { message: 'Insufficient privileges' } });
        const element = mount();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="error"]')?.textContent).toContain(
            'c.ConsoleNeedPermission'
        );
        expect(subscribe).not.toHaveBeenCalled();
        expect(element.shadowRoot?.querySelector('[data-id="empty"]')).toBeNull();
    });

    it('reads a message into a row, with the receive time when the event has none', () => {
        const at = new Date('2026-12-07T05:00:00.000Z');
        expect(alertFromMessage(alert(3, { Severity__c: 'Low', Message__c: 'm', RecordId__c: '' }), at)).toEqual({
            key: 'live-3',
            severity: 'Low',
            category: '',
            message: 'm',
            recordId: null,
            raisedAt: at.toISOString()
        });
        expect(alertFromMessage({}, at)).toBeNull();
    });
});
