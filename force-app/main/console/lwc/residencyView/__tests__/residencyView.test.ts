import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import ResidencyView from 'c/residencyView';
import getResidencyOverview from '@salesforce/apex/WardenResidencyController.getResidencyOverview';
import { buildMatrix } from 'c/residencyMatrix';
import type { ResidencyOverview } from 'c/consoleContracts';

const overview: ResidencyOverview = require('./data/residencyOverview.json');

jest.mock(
    '@salesforce/apex/WardenResidencyController.getResidencyOverview',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
const wire = getResidencyOverview as unknown as { emit(value: unknown): void };
// A macrotask turn lets wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (): Promise<void> => tick();

function mount(): HTMLElement {
    const element = createElement('c-residency-view', { is: ResidencyView });
    document.body.appendChild(element);
    return element;
}

describe('c-residency-view', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('draws the jurisdiction × endpoint matrix with its violations', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const matrix = buildMatrix(overview.traffic, overview.endpoints, overview.rules, overview.today);
        expect(element.shadowRoot?.querySelectorAll('[data-id="residency-matrix"] tbody tr')).toHaveLength(
            matrix.rows.length
        );
        expect(element.shadowRoot?.querySelectorAll('td.cell_violation')).toHaveLength(matrix.violations.length);
        expect(matrix.violations.length).toBeGreaterThan(0);
        expect(element.shadowRoot?.querySelectorAll('[data-id="violations"] li')).toHaveLength(
            matrix.violations.length
        );
    });

    it('links a violation to its log entries', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        const button = element.shadowRoot?.querySelector('[data-id="violations"] lightning-button') as HTMLElement;
        button.click();
        const detail = handler.mock.calls[0][0].detail;
        expect(detail.tab).toBe('explorer');
        expect(detail.filters.jurisdiction).toBe(button.dataset.jurisdiction);
        expect(detail.filters.endpointId).toBe(button.dataset.endpoint);
        expect(detail.filters.toDay).toBe(overview.today);
    });

    it('shows the endpoint registry with DPA standing', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        const registry = element.shadowRoot?.querySelector(
            '[data-id="registry"] lightning-datatable'
        ) as HTMLElement & {
            data: { dpaLabel: string; endpointKey: string; dpaExpiresText: string }[];
            columns: { fieldName: string; type: string }[];
        };
        expect(registry.data).toHaveLength(overview.endpoints.length);
        expect(registry.data.find((row) => row.endpointKey === 'us-public-gpt')?.dpaLabel).toBe(
            'c.ResidencyDpaExpired'
        );
        // The DPA expiry is a date in the console's one date format, not the datatable's own.
        expect(registry.data.find((row) => row.endpointKey === 'eu-sovereign-llama')?.dpaExpiresText).toBe(
            'Jan 6, 2028'
        );
        expect(registry.columns.filter((column) => column.type.startsWith('date'))).toEqual([]);
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(overview);
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});
