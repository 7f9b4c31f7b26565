import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import ConsentCoverage from 'c/consentCoverage';
import getConsentOverview from '@salesforce/apex/WardenConsentController.getConsentOverview';
import type { ConsentOverview } from 'c/consoleContracts';

const overview: ConsentOverview = require('./data/consentOverview.json');

jest.mock(
    '@salesforce/apex/WardenConsentController.getConsentOverview',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
const wire = getConsentOverview as unknown as {
    emit(value: unknown): void;
    error(body?: unknown, status?: number): void;
};
// A macrotask turn lets wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (): Promise<void> => tick();

function mount(): HTMLElement {
    const element = createElement('c-consent-coverage', { is: ConsentCoverage });
    document.body.appendChild(element);
    return element;
}

describe('c-consent-coverage', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows coverage by purpose and jurisdiction', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const jurisdictions = new Set(overview.coverage.map((cell) => cell.jurisdiction));
        const header = element.shadowRoot?.querySelectorAll('[data-id="coverage-matrix"] thead th');
        expect(header?.length).toBe(jurisdictions.size + 2);
        expect(element.shadowRoot?.querySelectorAll('[data-id="coverage-matrix"] tbody tr').length).toBe(6);
    });

    it('lists expiring consents with days left and uncovered patients', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const expiring = element.shadowRoot?.querySelector(
            '[data-id="expiring"] lightning-datatable'
        ) as HTMLElement & {
            data: { daysLeft: number; effectiveToText: string }[];
            columns: { fieldName: string; type: string }[];
        };
        expect(expiring.data).toHaveLength(overview.expiring.length);
        expect(expiring.data.every((row) => row.daysLeft <= 30)).toBe(true);
        // EffectiveTo__c is a DateTime: the console's date-time format in the user's zone (Jest: Los Angeles).
        expect(overview.expiring[0].effectiveTo).toBe('2026-11-23T00:00:00.000Z');
        expect(expiring.data[0].effectiveToText).toBe('Nov 22, 2026, 4:00:00 PM PST');
        expect(expiring.columns.filter((column) => column.type.startsWith('date'))).toEqual([]);
        const uncovered = element.shadowRoot?.querySelector(
            '[data-id="uncovered"] lightning-datatable'
        ) as HTMLElement & { data: unknown[] };
        expect(uncovered.data).toHaveLength(overview.uncovered.length);
    });

    it('shows each uncovered patient by pseudonym and key kind, never by record id', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const uncovered = element.shadowRoot?.querySelector(
            '[data-id="uncovered"] lightning-datatable'
        ) as HTMLElement & {
            data: { id: string; subjectShort: string; keyKind: string }[];
            columns: { fieldName?: string }[];
        };
        expect(uncovered.columns.map((column) => column.fieldName)).not.toContain('recordId');
        const v2 = uncovered.data[overview.uncovered.findIndex((row) => row.perPatientKey)];
        const v1 = uncovered.data[overview.uncovered.findIndex((row) => !row.perPatientKey)];
        expect(v2.keyKind).toBe('c.ConsentKeyPerPatient');
        expect(v1.keyKind).toBe('c.ConsentKeyOrgWide');
        expect(v2.subjectShort).toHaveLength(13);
        expect(new Set(uncovered.data.map((row) => row.id)).size).toBe(uncovered.data.length);
    });

    it('opens the explorer filtered to an uncovered patient', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        const uncovered = element.shadowRoot?.querySelector('[data-id="uncovered"] lightning-datatable') as HTMLElement;
        const row = overview.uncovered[0];
        uncovered.dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: 'calls' }, row } }));
        expect(handler.mock.calls[0][0].detail).toEqual({
            tab: 'explorer',
            filters: { subjectKey: row.subjectKey, purpose: row.purpose }
        });
    });

    it('shows the permission message when the controller refuses', async () => {
        const element = mount();
        wire.error({ message: 'INSUFFICIENT_ACCESS' }, 403);
        await flush();
        expect(element.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain('c.ConsoleNeedPermission');
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});
