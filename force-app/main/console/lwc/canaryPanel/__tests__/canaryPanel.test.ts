import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import CanaryPanel from 'c/canaryPanel';
import getCanary from '@salesforce/apex/WardenCanaryController.getCanary';
import type { CanaryOverview } from 'c/consoleContracts';

const canary: CanaryOverview = require('./data/canary.json');

jest.mock(
    '@salesforce/apex/WardenCanaryController.getCanary',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

type WireMock = { emit(value: unknown): void; error(body?: unknown, status?: number): void };
const wire = getCanary as unknown as WireMock;

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function mount(): HTMLElement {
    const element = createElement('c-canary-panel', { is: CanaryPanel });
    document.body.appendChild(element);
    return element;
}

function text(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot?.querySelectorAll(selector) ?? []).map((node) =>
        (node.textContent ?? '').trim()
    );
}

describe('c-canary-panel', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows a spinner until the overrides arrive', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('lists who is in Monitor, since when, who set it and what Enforce would have blocked', async () => {
        const element = mount();
        wire.emit(canary);
        await flush();
        const rows = element.shadowRoot?.querySelectorAll('tr[data-override]') ?? [];
        expect(rows).toHaveLength(2);
        expect(rows[0].textContent).toContain('Dana Pilot');
        expect(rows[0].textContent).toContain('Ada Admin');
        expect(rows[0].textContent).toContain('Discharge summary pilot');
        expect(rows[1].textContent).toContain('Care Coordinator');
        expect(text(element, '[data-id="would-block"]')).toEqual(['17', '0']);
        expect(text(element, '[data-id="calls"]')).toEqual(['1,234', '40']);
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    });

    it('marks only the override past its window, with the window in the badge', async () => {
        const element = mount();
        wire.emit(canary);
        await flush();
        const badges = element.shadowRoot?.querySelectorAll('[data-id="overdue"]') ?? [];
        expect(badges).toHaveLength(1);
        expect(badges[0].closest('tr')?.getAttribute('data-override')).toBe('a0M000000000001AAA');
        expect(badges[0].closest('tr')?.classList.contains('row_overdue')).toBe(true);
    });

    it('says when the counts are lower bounds', async () => {
        const element = mount();
        wire.emit(canary);
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="truncated"]')).not.toBeNull();
        wire.emit({ ...canary, truncated: false });
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="truncated"]')).toBeNull();
    });

    it('says nobody is in Monitor without overrides, and warns when the whole org monitors', async () => {
        const element = mount();
        wire.emit({ ...canary, overrides: [], truncated: false, scanned: 0 });
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="empty"]')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="org-monitor"]')).toBeNull();
        wire.emit({ ...canary, orgMode: 'Monitor' });
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="org-monitor"]')).not.toBeNull();
    });

    it('shows the permission message instead of the table on an access error', async () => {
        const element = mount();
        wire.error({ message: 'INSUFFICIENT_ACCESS' }, 403);
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="error"]')?.textContent).toContain(
            'c.ConsoleNeedPermission'
        );
        expect(element.shadowRoot?.querySelector('table')).toBeNull();
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(canary);
        await flush();
        await expect(element).toBeAccessible();
    });
});
