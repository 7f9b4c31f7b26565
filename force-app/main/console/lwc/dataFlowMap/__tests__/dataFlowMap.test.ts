import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import DataFlowMap from 'c/dataFlowMap';
import getDataFlows from '@salesforce/apex/WardenDataFlowController.getDataFlows';
import getDataFlow from '@salesforce/apex/WardenDataFlowController.getDataFlow';
import type { DataFlowOverview } from 'c/consoleContracts';

const overview: DataFlowOverview = require('./data/dataFlows.json');

jest.mock('@salesforce/apex/WardenDataFlowController.getDataFlows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenDataFlowController.getDataFlow', () => ({ default: jest.fn() }), { virtual: true });
const getMock = getDataFlows as unknown as jest.Mock;
const getOneMock = getDataFlow as unknown as jest.Mock;

// Several macrotask turns let wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 4): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

function mount(): HTMLElement {
    const element = createElement('c-data-flow-map', { is: DataFlowMap });
    document.body.appendChild(element);
    return element;
}

describe('c-data-flow-map', () => {
    beforeAll(() => registerSa11yMatcher());
    beforeEach(() => getMock.mockResolvedValue(JSON.parse(JSON.stringify(overview))));
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('draws objects, fields and endpoints with one path per flow', async () => {
        const element = mount();
        await flush();
        const active = overview.flows.filter((flow) => flow.status !== 'Retired');
        expect(
            element.shadowRoot?.querySelectorAll('svg[data-id="flow-graph"] path[data-flow]').length
        ).toBeGreaterThanOrEqual(active.length);
        const objects = new Set(active.map((flow) => flow.sourceObject));
        expect(element.shadowRoot?.querySelectorAll('g.node_object')).toHaveLength(objects.size);
    });

    it('says how each field is minimised in words, not as the stored value', async () => {
        const element = mount();
        await flush();
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr[data-flow-id]') ?? []);
        expect(rows.length).toBeGreaterThan(0);
        const shown = rows.map((row) => row.querySelectorAll('td')[3].textContent?.trim());
        const stored = new Map(overview.flows.map((flow) => [flow.id, flow.minimization]));
        rows.forEach((row, index) => {
            const value = stored.get(row.getAttribute('data-flow-id') ?? '');
            expect(shown[index]).toBe(`c.ConsoleMinimization${value}`);
        });
        expect(shown).toContain('c.ConsoleMinimizationPseudonymize');
        expect(shown).toContain('c.ConsoleMinimizationRedact');
    });

    it('marks overdue quarterly reviews', async () => {
        const element = mount();
        await flush();
        const overdue = overview.flows.filter(
            (flow) => flow.status === 'Approved' && flow.nextReview && flow.nextReview < overview.today
        );
        expect(overdue.length).toBeGreaterThan(0);
        expect(element.shadowRoot?.querySelectorAll('path.edge_reviewOverdue')).toHaveLength(overdue.length);
        expect(element.shadowRoot?.querySelectorAll('tr[data-state="reviewOverdue"]')).toHaveLength(overdue.length);
        expect(element.shadowRoot?.querySelector('[data-id="overdue-count"]')).not.toBeNull();
    });

    it('opens a flow in a panel over the page and closes it with Escape', async () => {
        const element = mount();
        await flush();
        const row = element.shadowRoot?.querySelector('tr[data-state="proposed"]') as HTMLElement;
        const flow = overview.flows.find((candidate) => candidate.id === row.dataset.flowId)!;
        getOneMock.mockResolvedValue({
            ...flow,
            justification: 'Needed for triage.',
            overrideReason: null,
            history: []
        });
        expect(row.querySelector('[data-id="pending"]')).not.toBeNull();
        (row.querySelector('[data-action="open"]') as HTMLElement).click();
        await flush();
        expect(getOneMock).toHaveBeenCalledWith({ flowId: flow.id });
        const detail = element.shadowRoot?.querySelector('[data-id="flow-drawer"] c-data-flow-detail') as HTMLElement;
        expect(detail).not.toBeNull();
        expect(element.shadowRoot?.querySelector(`tr[data-flow-id="${flow.id}"]`)?.className).toContain('row_open');
        detail.dispatchEvent(new CustomEvent('close'));
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="flow-drawer"]')).toBeNull();
    });

    it('shows a load failure inline, not as a toast', async () => {
        getMock.mockRejectedValue({ body: { message: 'System.QueryException: boom (Class.X: line 3)' } });
        const toast = jest.fn();
        const element = mount();
        element.addEventListener('lightning__showtoast', toast);
        await flush();
        expect(element.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain('boom');
        expect(toast).not.toHaveBeenCalled();
    });

    it('lists only the flows of a selected node', async () => {
        const element = mount();
        await flush();
        const endpointNode = element.shadowRoot?.querySelector('g.node_endpoint') as SVGElement;
        endpointNode.dispatchEvent(new CustomEvent('click'));
        await flush();
        const endpointId = (endpointNode.dataset.id ?? '').replace('endpoint:', '');
        const expected = overview.flows.filter(
            (flow) => flow.endpointId === endpointId && flow.status !== 'Retired'
        ).length;
        expect(element.shadowRoot?.querySelectorAll('[data-id="flow-list"] tbody tr')).toHaveLength(expected);
    });

    it('is accessible', async () => {
        const element = mount();
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});
