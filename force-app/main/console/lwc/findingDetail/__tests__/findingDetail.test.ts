/**
 * Jest tests of the finding detail panel: what is wrong and where, four-eyes requests and decisions (refused at
 * the field concerned before the server is called), deadline extensions with a reason, and the change history.
 */
import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import FindingDetailPanel from 'c/findingDetail';
import getFinding from '@salesforce/apex/WardenFindingsController.getFinding';
import updateFindings from '@salesforce/apex/WardenFindingsController.updateFindings';
import decideFinding from '@salesforce/apex/WardenFindingsController.decideFinding';
import extendDueDate from '@salesforce/apex/WardenFindingsController.extendDueDate';
import type { FindingDetail } from 'c/consoleContracts';

const detail: FindingDetail = require('../../findingsTriage/__tests__/data/finding.json');

jest.mock('@salesforce/apex/WardenFindingsController.getFinding', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenFindingsController.updateFindings', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenFindingsController.decideFinding', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenFindingsController.extendDueDate', () => ({ default: jest.fn() }), {
    virtual: true
});
const getMock = getFinding as unknown as jest.Mock;
const updateMock = updateFindings as unknown as jest.Mock;
const decideMock = decideFinding as unknown as jest.Mock;
const extendMock = extendDueDate as unknown as jest.Mock;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 4): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));
const ME = '005000000000001AAA';
const OTHER = '005000000000002AAA';
const TODAY = '2026-11-22';
const JUSTIFIED = 'The endpoint is internal and the field never leaves the org.';

async function mount(finding: FindingDetail, canApprove = true): Promise<HTMLElement> {
    getMock.mockResolvedValue(finding);
    const element = createElement('c-finding-detail', { is: FindingDetailPanel }) as HTMLElement & {
        findingId: string;
        currentUserId: string;
        canApprove: boolean;
        today: string;
    };
    element.currentUserId = ME;
    element.canApprove = canApprove;
    element.today = TODAY;
    element.findingId = finding.id;
    document.body.appendChild(element);
    await flush();
    return element;
}

const query = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement;

function typeInto(element: HTMLElement, field: string, value: string): void {
    const input = query(element, `[data-field="${field}"]`) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function cleanUp(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
}

const pending = (requestedById: string): FindingDetail => ({
    ...detail,
    requestedStatus: 'Resolved',
    requestedById,
    requestedByName: 'Tom Okafor',
    requestedOn: '2026-11-21T10:00:00.000Z',
    justification: JUSTIFIED
});

describe('c-finding-detail: what is wrong', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(cleanUp);

    it('shows the flagged line, the rule and its fix', async () => {
        const element = await mount(detail);
        const flagged = element.shadowRoot?.querySelectorAll('[data-id="snippet"] .code__line_flagged');
        expect(flagged).toHaveLength(1);
        expect(flagged?.[0].textContent).toContain(String(detail.line));
        expect(flagged?.[0].textContent).toContain((detail.snippet ?? '').split('\n')[0].trim());
        expect(query(element, '[data-id="rule-title"]').textContent).toContain(detail.ruleTitle);
        expect(query(element, '[data-id="rule-fix"]').textContent).toBe(detail.ruleDescription);
    });

    it('shows the change history', async () => {
        const element = await mount(detail);
        const history = query(element, 'c-change-history') as HTMLElement & { changes: unknown[] };
        expect(history.changes).toEqual(detail.history);
        const row = history.shadowRoot?.querySelector('tr[data-action="StatusChanged"]');
        expect(row?.textContent).toContain('Mara Lindqvist (Compliance)');
    });

    it('closes on Escape', async () => {
        const element = await mount(detail);
        const close = jest.fn();
        element.addEventListener('close', close);
        query(element, '[data-id="finding-detail"]').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
        );
        expect(close).toHaveBeenCalledTimes(1);
    });

    it('is accessible', async () => {
        const element = await mount(detail);
        await expect(element).toBeAccessible();
    }, 60_000);
});

describe('c-finding-detail: four eyes', () => {
    afterEach(cleanUp);

    it('asks for a second person to resolve a Critical finding, and refuses it without a justification', async () => {
        updateMock.mockResolvedValue([{ id: detail.id, success: true, message: null, pending: true }]);
        const element = await mount(detail);
        const resolve = query(element, 'lightning-button[data-status="Resolved"]') as HTMLElement & { label: string };
        expect(resolve.label).toBe('c.FindingsAskFor');
        resolve.click();
        await flush();
        expect(updateMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="action-error"]').textContent).toContain('c.FindingsReasonJustification');
        typeInto(element, 'justification', JUSTIFIED);
        resolve.click();
        await flush();
        expect(updateMock).toHaveBeenCalledWith({
            findingIds: [detail.id],
            status: 'Resolved',
            justification: JUSTIFIED,
            assigneeId: null,
            riskAcceptedUntil: null
        });
    });

    it('needs the last day of a risk acceptance', async () => {
        const element = await mount(detail);
        typeInto(element, 'justification', JUSTIFIED);
        query(element, 'lightning-button[data-status="RiskAccepted"]').click();
        await flush();
        expect(updateMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="action-error"]').textContent).toContain('c.GovernanceExpiryOutOfRange');
    });

    it('lets a second person approve, and asks a note to reject', async () => {
        decideMock.mockResolvedValue(detail);
        const element = await mount(pending(OTHER));
        query(element, '[data-id="reject"]').click();
        await flush();
        expect(decideMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="action-error"]').textContent).toContain('c.GovernanceNoteRequired');
        query(element, '[data-id="approve"]').click();
        await flush();
        expect(decideMock).toHaveBeenCalledWith({ findingId: detail.id, approve: true, note: null });
    });

    it('never offers the decision to the one who asked', async () => {
        const element = await mount(pending(ME));
        expect(query(element, '[data-id="approve"]')).toBeNull();
        expect(query(element, '[data-id="own-request"]')).not.toBeNull();
    });

    it('never offers the decision to a user without the approver permission', async () => {
        const element = await mount(pending(OTHER), false);
        expect(query(element, '[data-id="approve"]')).toBeNull();
        expect(query(element, '[data-id="request-summary"]').textContent).toContain('c.FindingsRequestText');
    });
});

describe('c-finding-detail: deadline', () => {
    afterEach(cleanUp);

    it('refuses a due date in the past and an extension without a reason', async () => {
        const element = await mount(detail);
        typeInto(element, 'due', '2026-11-01');
        query(element, '[data-id="extend"]').click();
        await flush();
        expect(query(element, '[data-id="action-error"]').textContent).toContain('c.FindingsDueDateInvalid');
        typeInto(element, 'due', '2026-12-31');
        typeInto(element, 'reason', 'short');
        query(element, '[data-id="extend"]').click();
        await flush();
        expect(extendMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="action-error"]').textContent).toContain('c.GovernanceNoteRequired');
    });

    it('extends the deadline with a reason and tells the queue', async () => {
        extendMock.mockResolvedValue(detail);
        const element = await mount(detail);
        const changed = jest.fn();
        element.addEventListener('findingchange', changed);
        typeInto(element, 'due', '2026-12-31');
        typeInto(element, 'reason', 'Vendor patch lands in the December release.');
        query(element, '[data-id="extend"]').click();
        await flush();
        expect(extendMock).toHaveBeenCalledWith({
            findingId: detail.id,
            dueDate: '2026-12-31',
            reason: 'Vendor patch lands in the December release.'
        });
        expect(changed).toHaveBeenCalledTimes(1);
        expect(getMock).toHaveBeenCalledTimes(2);
    });
});
