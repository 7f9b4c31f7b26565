import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import DataFlowDetail from 'c/dataFlowDetail';
import getDataFlow from '@salesforce/apex/WardenDataFlowController.getDataFlow';
import requestApproval from '@salesforce/apex/WardenDataFlowController.requestApproval';
import decideApproval from '@salesforce/apex/WardenDataFlowController.decideApproval';
import reviewFlow from '@salesforce/apex/WardenDataFlowController.reviewFlow';
import type { DataFlowDetail as Detail, DataFlowOverview } from 'c/consoleContracts';

const overview: DataFlowOverview = require('../../dataFlowMap/__tests__/data/dataFlows.json');

jest.mock('@salesforce/apex/WardenDataFlowController.getDataFlow', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenDataFlowController.requestApproval', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenDataFlowController.decideApproval', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenDataFlowController.reviewFlow', () => ({ default: jest.fn() }), { virtual: true });
const getMock = getDataFlow as unknown as jest.Mock;
const requestMock = requestApproval as unknown as jest.Mock;
const decideMock = decideApproval as unknown as jest.Mock;
const reviewMock = reviewFlow as unknown as jest.Mock;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 4): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));
const ME = '005000000000001AAA';

function detailOf(status: string, extra: Partial<Detail> = {}): Detail {
    const flow = overview.flows.find((candidate) => candidate.status === 'Approved')!;
    return {
        ...flow,
        status: status as Detail['status'],
        requestedById: null,
        requestedByName: null,
        requestedOn: null,
        endpointProblems: [],
        justification: null,
        overrideReason: null,
        history: [
            {
                id: 'a07000000000001AAA',
                recordId: flow.id,
                recordName: flow.name,
                action: 'Created',
                field: 'Status__c',
                fromValue: null,
                toValue: 'Proposed',
                reason: null,
                changedByName: 'Tom Okafor',
                changedAt: '2026-10-01T08:00:00.000Z'
            }
        ],
        ...extra
    };
}

async function mount(flow: Detail, canApprove = true): Promise<HTMLElement> {
    getMock.mockResolvedValue(flow);
    const element = createElement('c-data-flow-detail', { is: DataFlowDetail }) as HTMLElement & {
        flowId: string;
        currentUserId: string;
        canApprove: boolean;
    };
    element.currentUserId = ME;
    element.canApprove = canApprove;
    element.flowId = flow.id;
    document.body.appendChild(element);
    await flush();
    return element;
}

function typeInto(element: HTMLElement, field: string, value: string): void {
    const input = element.shadowRoot?.querySelector(`[data-field="${field}"]`) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: HTMLElement, id: string): void {
    (element.shadowRoot?.querySelector(`[data-id="${id}"], [data-action="${id}"]`) as HTMLElement).click();
}

describe('c-data-flow-detail', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the history and refuses a short justification at the field, without calling the server', async () => {
        const element = await mount(detailOf('Proposed'));
        expect(element.shadowRoot?.querySelector('c-change-history')).not.toBeNull();
        typeInto(element, 'justification', 'short');
        click(element, 'request-approval');
        await flush();
        expect(requestMock).not.toHaveBeenCalled();
        expect(element.shadowRoot?.querySelector('[data-id="action-error"]')?.textContent).toBe(
            'c.GovernanceJustificationRequired'
        );
    });

    it('says how the field is minimised in words, beside its label', async () => {
        const element = await mount(detailOf('Approved', { minimization: 'Drop' }));
        const terms = Array.from(element.shadowRoot?.querySelectorAll('dt') ?? []);
        const minimization = terms.find((term) => term.textContent === 'c.FlowsMinimization');
        expect(minimization?.nextElementSibling?.textContent).toBe('c.ConsoleMinimizationDrop');
    });

    it('asks for approval with a justification and tells the parent', async () => {
        const flow = detailOf('Proposed');
        const element = await mount(flow);
        requestMock.mockResolvedValue({
            ...flow,
            requestedById: ME,
            requestedByName: 'Me',
            requestedOn: '2026-11-22T08:00:00.000Z'
        });
        const changed = jest.fn();
        element.addEventListener('flowchange', changed);
        typeInto(element, 'justification', 'Needed for the discharge summary.');
        click(element, 'request-approval');
        await flush();
        expect(requestMock).toHaveBeenCalledWith({
            flowId: flow.id,
            justification: 'Needed for the discharge summary.'
        });
        expect(changed).toHaveBeenCalled();
        expect(element.shadowRoot?.querySelector('[data-id="own-request"]')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="approve"]')).toBeNull();
    });

    it('needs an override with a reason where the endpoint falls short, and sends the decision', async () => {
        const flow = detailOf('Proposed', {
            requestedById: '005000000000003AAA',
            requestedByName: 'Inés',
            requestedOn: '2026-11-20T08:00:00.000Z',
            endpointProblems: ['noDpa']
        });
        const element = await mount(flow);
        click(element, 'approve');
        await flush();
        expect(decideMock).not.toHaveBeenCalled();
        expect(element.shadowRoot?.querySelector('[data-id="action-error"]')?.textContent).toBe(
            'c.GovernanceEndpointFallsShort'
        );
        const override = element.shadowRoot?.querySelector('[data-field="override"]') as HTMLElement;
        override.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        typeInto(element, 'note', 'DPA signed on paper, filing pending.');
        decideMock.mockResolvedValue({ ...flow, status: 'Approved', requestedById: null, complianceOverride: true });
        click(element, 'approve');
        await flush();
        expect(decideMock).toHaveBeenCalledWith({
            flowId: flow.id,
            approve: true,
            note: 'DPA signed on paper, filing pending.',
            overrideShortfall: true
        });
    });

    it('shows a server refusal inline', async () => {
        const flow = detailOf('Approved');
        const element = await mount(flow);
        reviewMock.mockRejectedValue({ body: { message: 'The data flow is locked (Class.X: line 1)' } });
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        typeInto(element, 'note', 'Minimisation unchanged.');
        click(element, 'review');
        await flush();
        expect(reviewMock).toHaveBeenCalledWith({ flowId: flow.id, note: 'Minimisation unchanged.' });
        expect(element.shadowRoot?.querySelector('[data-id="action-error"]')?.textContent).toBe(
            'The data flow is locked'
        );
        expect(toast).not.toHaveBeenCalled();
    });

    it('closes on Escape', async () => {
        const element = await mount(detailOf('Approved'));
        const closed = jest.fn();
        element.addEventListener('close', closed);
        element.shadowRoot
            ?.querySelector('section')
            ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(closed).toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = await mount(
            detailOf('Proposed', {
                requestedById: '005000000000003AAA',
                requestedByName: 'Inés',
                endpointProblems: ['noDpa']
            })
        );
        await expect(element).toBeAccessible();
    }, 60_000);
});
