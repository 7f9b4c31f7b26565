import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import ErasureRequests from 'c/erasureRequests';
import getErasures from '@salesforce/apex/WardenErasureController.getErasures';
import requestErasure from '@salesforce/apex/WardenErasureController.requestErasure';
import decideErasure from '@salesforce/apex/WardenErasureController.decideErasure';
import type { ErasureOverview, ErasureRow } from 'c/erasureRules';

jest.mock('@salesforce/apex/WardenErasureController.getErasures', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenErasureController.requestErasure', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenErasureController.decideErasure', () => ({ default: jest.fn() }), {
    virtual: true
});

const load = getErasures as unknown as jest.Mock;
const ask = requestErasure as unknown as jest.Mock;
const decide = decideErasure as unknown as jest.Mock;
const TOAST = 'lightning__showtoast';
const PATIENT = '003000000000001AAA';

const WAITING: ErasureRow = {
    id: 'a0E000000000001AAA',
    name: 'ER-000001',
    status: 'Requested',
    justification: 'GDPR Art. 17 request DSR-2026-0042',
    requestedBy: 'Ada Admin',
    requestedOn: '2026-12-01T09:30:00.000Z',
    decidedBy: null,
    decidedOn: null,
    decisionNote: null,
    canDecide: true,
    receipt: null
};
const ERASED: ErasureRow = {
    ...WAITING,
    id: 'a0E000000000002AAA',
    name: 'ER-000002',
    status: 'Erased',
    decidedBy: 'Olu Officer',
    decidedOn: '2026-12-02T10:00:00.000Z',
    canDecide: false,
    receipt: {
        uuid: '9b1c0f0e-8f7a-4c55-9d7e-2f1a3b4c5d6e',
        chained: true,
        sequence: 50001,
        entryHash: 'ab'.repeat(32),
        loggedAt: '2026-12-02T10:00:01.000Z',
        reasons: 'KEY_DESTROYED;CONSENTS_ERASED=2',
        subjectKey: 'cd'.repeat(32)
    }
};
const ADMIN: ErasureOverview = { canRequest: true, canDecide: false, requests: [{ ...WAITING, canDecide: false }] };
const APPROVER: ErasureOverview = { canRequest: false, canDecide: true, requests: [WAITING, ERASED] };

type Input = HTMLElement & {
    value: string;
    label: string;
    disabled: boolean;
    setCustomValidity: jest.Mock;
    reportValidity: jest.Mock;
};

beforeAll(() => registerSa11yMatcher());

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(overview: ErasureOverview | { failure: unknown }): Promise<HTMLElement> {
    if ('failure' in overview) load.mockRejectedValue(overview.failure);
    else load.mockResolvedValue(overview);
    const element = createElement('c-erasure-requests', { is: ErasureRequests });
    document.body.appendChild(element);
    await flush();
    return element;
}

function find(element: HTMLElement, selector: string): Input {
    return element.shadowRoot?.querySelector(selector) as Input;
}

function all(element: HTMLElement, selector: string): Input[] {
    return Array.from(element.shadowRoot?.querySelectorAll(selector) ?? []) as Input[];
}

/** The stub inputs of sfdx-lwc-jest have no validity API: a spy stands for it. */
function spyValidity(input: Input): Input {
    input.setCustomValidity = jest.fn();
    input.reportValidity = jest.fn();
    return input;
}

function type(element: HTMLElement, field: string, value: string): void {
    find(element, `[data-field="${field}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function toasts(element: HTMLElement): string[] {
    const seen: string[] = [];
    element.addEventListener(TOAST, (event) => seen.push((event as CustomEvent<{ variant: string }>).detail.variant));
    return seen;
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.resetAllMocks();
});

describe('c-erasure-requests: what it shows', () => {
    it('lists the requests with their status, who asked and decided when, and the chained receipt', async () => {
        const element = await mount(APPROVER);
        const rows = all(element, 'tbody tr');
        expect(rows).toHaveLength(2);
        expect(all(element, '[data-id="status"]').map((badge) => badge.textContent)).toEqual([
            'c.ErasureStatusRequested',
            'c.ErasureStatusErased'
        ]);
        expect(rows[0].textContent).toContain('Ada Admin');
        expect(rows[1].textContent).toContain('Olu Officer');
        expect(rows[0].textContent).toMatch(/2026/);
        const receipt = all(element, '[data-id="receipt"]')[1];
        expect(receipt.textContent).toContain('ab'.repeat(32));
        expect(receipt.textContent).toContain('c.ErasureReceiptChained');
        expect(all(element, '[data-id="receipt"]')[0].textContent?.trim()).toBe('');
        expect(element.shadowRoot?.textContent).not.toContain(PATIENT);
    });

    it('says a published receipt the chain has not appended yet is pending', async () => {
        const pending = { ...ERASED, receipt: { ...ERASED.receipt!, chained: false, sequence: null, entryHash: null } };
        const element = await mount({ ...APPROVER, requests: [pending] });
        expect(find(element, '[data-id="receipt"]').textContent).toContain('c.ErasureReceiptPending');
    });

    it('shows what an erasure does and does not erase, with the documentation', async () => {
        const element = await mount(ADMIN);
        const scope = find(element, '[data-id="scope"]').textContent;
        expect(scope).toContain('c.ErasureWhatIsErased');
        expect(scope).toContain('c.ErasureWhatIsKept');
        expect(find(element, '[data-id="docs"]').textContent).toBe('c.ErasureDocs');
    });

    it('shows the no-permission state to a user who may neither ask nor decide', async () => {
        const element = await mount({ failure: { status: 403, body: { message: 'denied' } } });
        expect(find(element, '[data-id="no-permission"]').textContent).toBe('c.ErasureNeedPermission');
        expect(find(element, '[data-id="requests"]')).toBeNull();
        expect(find(element, '[data-id="request"]')).toBeNull();
    });

    it('shows another failure as an error', async () => {
        const element = await mount({ failure: { body: { message: 'Server down' } } });
        expect(find(element, '[data-id="error"]').textContent).toContain('Server down');
        expect(find(element, '[data-id="no-permission"]')).toBeNull();
    });

    it('is accessible with the form, the list and an open decision', async () => {
        const element = await mount({ ...APPROVER, canRequest: true });
        find(element, '[data-id="decide"]').click();
        await flush();
        expect(find(element, '[data-id="decide-panel"]')).not.toBeNull();
        await expect(element).toBeAccessible();
        // axe-core's first run in a worker is slow on a shared machine.
    }, 30000);

    it('offers the request form only to an admin, and deciding only on requests of others', async () => {
        const admin = await mount(ADMIN);
        expect(find(admin, '[data-id="request"]')).not.toBeNull();
        expect(find(admin, '[data-id="decide"]')).toBeNull();
        document.body.removeChild(admin);
        const approver = await mount(APPROVER);
        expect(find(approver, '[data-id="request"]')).toBeNull();
        expect(find(approver, '[data-id="cannot-request"]')).not.toBeNull();
        expect(all(approver, '[data-id="decide"]')).toHaveLength(1);
        expect(find(approver, '[data-id="decide"]').label).toBe('c.ErasureDecide');
    });
});

describe('c-erasure-requests: asking', () => {
    it('shows a missing or malformed record id on its field and sends nothing', async () => {
        const element = await mount(ADMIN);
        const subject = spyValidity(find(element, '[data-field="subject"]'));
        find(element, '[data-id="request"]').click();
        expect(subject.setCustomValidity).toHaveBeenLastCalledWith('c.ErasureSubjectRequired');
        type(element, 'subject', '003-not-an-id');
        find(element, '[data-id="request"]').click();
        expect(subject.setCustomValidity).toHaveBeenLastCalledWith('c.ErasureSubjectInvalid');
        expect(subject.reportValidity).toHaveBeenCalled();
        expect(ask).not.toHaveBeenCalled();
    });

    it('shows a short justification on its field', async () => {
        const element = await mount(ADMIN);
        const justification = spyValidity(find(element, '[data-field="justification"]'));
        type(element, 'subject', PATIENT);
        type(element, 'justification', 'too short');
        find(element, '[data-id="request"]').click();
        expect(justification.setCustomValidity).toHaveBeenLastCalledWith('c.ErasureJustificationRequired');
        expect(ask).not.toHaveBeenCalled();
    });

    it('sends the trimmed request, shows the new list and clears the form', async () => {
        const element = await mount({ ...ADMIN, requests: [] });
        expect(find(element, '[data-id="empty"]')).not.toBeNull();
        const seen = toasts(element);
        ask.mockResolvedValue(ADMIN);
        type(element, 'subject', ` ${PATIENT} `);
        type(element, 'justification', '  GDPR Art. 17 request DSR-2026-0042 ');
        find(element, '[data-id="request"]').click();
        await flush();
        expect(ask).toHaveBeenCalledWith({ subjectId: PATIENT, justification: 'GDPR Art. 17 request DSR-2026-0042' });
        expect(seen).toEqual(['success']);
        expect(all(element, 'tbody tr')).toHaveLength(1);
        expect(find(element, '[data-field="subject"]').value).toBe('');
    });

    it('shows the server refusal on the field and keeps what was typed', async () => {
        const element = await mount(ADMIN);
        const justification = spyValidity(find(element, '[data-field="justification"]'));
        ask.mockRejectedValue({ body: { message: 'needs a justification of at least 10 characters' } });
        type(element, 'subject', PATIENT);
        type(element, 'justification', 'GDPR Art. 17 request DSR-2026-0042');
        find(element, '[data-id="request"]').click();
        await flush();
        expect(justification.setCustomValidity).toHaveBeenLastCalledWith(
            'needs a justification of at least 10 characters'
        );
        expect(find(element, '[data-field="subject"]').value).toBe(PATIENT);
    });
});

describe('c-erasure-requests: deciding', () => {
    async function openDecision(): Promise<HTMLElement> {
        const element = await mount(APPROVER);
        find(element, '[data-id="decide"]').click();
        await flush();
        return element;
    }

    it('opens the decision of one request and closes it with Escape', async () => {
        const element = await openDecision();
        expect(find(element, '[data-id="decide-panel"]')).not.toBeNull();
        find(element, '[data-id="decide-panel"]').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
        );
        await flush();
        expect(find(element, '[data-id="decide-panel"]')).toBeNull();
    });

    it('needs a note to reject, on the note field', async () => {
        const element = await openDecision();
        const note = spyValidity(find(element, '[data-field="note"]'));
        find(element, '[data-id="reject"]').click();
        expect(note.setCustomValidity).toHaveBeenLastCalledWith('c.GovernanceNoteRequired');
        expect(decide).not.toHaveBeenCalled();
    });

    it('approves without a note and shows the erased request with its receipt', async () => {
        const element = await openDecision();
        const seen = toasts(element);
        decide.mockResolvedValue({ ...APPROVER, requests: [{ ...ERASED, id: WAITING.id }] });
        find(element, '[data-id="approve"]').click();
        await flush();
        expect(decide).toHaveBeenCalledWith({ requestId: WAITING.id, approve: true, note: null });
        expect(seen).toEqual(['success']);
        expect(find(element, '[data-id="decide-panel"]')).toBeNull();
        expect(find(element, '[data-id="status"]').textContent).toBe('c.ErasureStatusErased');
    });

    it('rejects with the trimmed note', async () => {
        const element = await openDecision();
        decide.mockResolvedValue(APPROVER);
        type(element, 'note', ' Identity of the requester not verified ');
        find(element, '[data-id="reject"]').click();
        await flush();
        expect(decide).toHaveBeenCalledWith({
            requestId: WAITING.id,
            approve: false,
            note: 'Identity of the requester not verified'
        });
    });

    it('shows a four-eyes refusal of the server on the note field', async () => {
        const element = await openDecision();
        const note = spyValidity(find(element, '[data-field="note"]'));
        decide.mockRejectedValue({ body: { message: 'You asked for this yourself.' } });
        find(element, '[data-id="approve"]').click();
        await flush();
        expect(note.setCustomValidity).toHaveBeenLastCalledWith('You asked for this yourself.');
        expect(find(element, '[data-id="decide-panel"]')).not.toBeNull();
    });
});
