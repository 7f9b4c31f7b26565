import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import DataFlowMap from 'c/dataFlowMap';
import getDataFlows from '@salesforce/apex/WardenDataFlowController.getDataFlows';
import approveFlow from '@salesforce/apex/WardenDataFlowController.approveFlow';
import reviewFlow from '@salesforce/apex/WardenDataFlowController.reviewFlow';
import type { DataFlowOverview } from 'c/consoleContracts';

const overview: DataFlowOverview = require('./data/dataFlows.json');

jest.mock('@salesforce/apex/WardenDataFlowController.getDataFlows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenDataFlowController.approveFlow', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenDataFlowController.reviewFlow', () => ({ default: jest.fn() }), { virtual: true });
const getMock = getDataFlows as unknown as jest.Mock;
const approveMock = approveFlow as unknown as jest.Mock;
const reviewMock = reviewFlow as unknown as jest.Mock;

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

    it('re-reviews an overdue flow in place', async () => {
        const element = mount();
        await flush();
        const row = element.shadowRoot?.querySelector('tr[data-state="reviewOverdue"]') as HTMLElement;
        const flow = overview.flows.find((candidate) => candidate.id === row.dataset.flowId)!;
        reviewMock.mockResolvedValue({ ...flow, nextReview: '2027-02-20' });
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        (row.querySelector('[data-action="review"]') as HTMLElement).click();
        await flush();
        expect(reviewMock).toHaveBeenCalledWith({ flowId: flow.id });
        expect(toast.mock.calls[0][0].detail.variant).toBe('success');
        expect(element.shadowRoot?.querySelector(`tr[data-flow-id="${flow.id}"]`)?.getAttribute('data-state')).toBe(
            'approved'
        );
    });

    it('approves a proposed flow and reports a refusal readably', async () => {
        const element = mount();
        await flush();
        const button = element.shadowRoot?.querySelector('[data-action="approve"]') as HTMLElement;
        approveMock.mockRejectedValue({
            body: {
                message:
                    'System.DmlException: Only a Proposed or Suspended data flow can be approved (Class.WardenDataFlowController: line 9)'
            }
        });
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        button.click();
        await flush();
        expect(approveMock).toHaveBeenCalledWith({ flowId: button.dataset.id });
        expect(toast.mock.calls[0][0].detail.message).toBe('Only a Proposed or Suspended data flow can be approved');
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
