/**
 * Jest tests of the findings queue: the table (sticky columns, SLA badges, pending requests), bulk changes with the
 * workflow and the four-eyes rules checked before the server is called, the SLA form, and the detail panel.
 * The detail panel's own behaviour is tested in c/findingDetail.
 */
import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import FindingsTriage from 'c/findingsTriage';
import getFindings from '@salesforce/apex/WardenFindingsController.getFindings';
import getFinding from '@salesforce/apex/WardenFindingsController.getFinding';
import getSlaSettings from '@salesforce/apex/WardenFindingsController.getSlaSettings';
import getAssignees from '@salesforce/apex/WardenFindingsController.getAssignees';
import updateFindings from '@salesforce/apex/WardenFindingsController.updateFindings';
import saveSlaSettings from '@salesforce/apex/WardenFindingsController.saveSlaSettings';
import type { FindingDetail, FindingList } from 'c/consoleContracts';

const list: FindingList = require('./data/findings.json');
const detail: FindingDetail = require('./data/finding.json');
const assignees = require('./data/assignees.json');

jest.mock('@salesforce/apex/WardenFindingsController.getFindings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenFindingsController.getFinding', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenFindingsController.updateFindings', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WardenFindingsController.saveSlaSettings', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/WardenFindingsController.getSlaSettings',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/WardenFindingsController.getAssignees',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

const findingsMock = getFindings as unknown as jest.Mock;
const findingMock = getFinding as unknown as jest.Mock;
const updateMock = updateFindings as unknown as jest.Mock;
const saveSlaMock = saveSlaSettings as unknown as jest.Mock;
const slaWire = getSlaSettings as unknown as { emit(value: unknown): void };
const assigneesWire = getAssignees as unknown as { emit(value: unknown): void };
const JUSTIFIED = 'Compensating control: the class is unreachable from any entry point.';

// Several macrotask turns let wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 5): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-findings-triage', { is: FindingsTriage });
    document.body.appendChild(element);
    slaWire.emit({ critical: 30, high: 60, medium: 90, low: 180 });
    assigneesWire.emit(assignees);
    await flush();
    return element;
}

const query = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement;

async function select(element: HTMLElement, ids: string[]): Promise<void> {
    for (const id of ids) {
        const box = query(element, `input.check[data-id="${id}"]`) as HTMLInputElement;
        box.checked = true;
        box.dispatchEvent(new CustomEvent('change'));
    }
    await flush();
}

const combobox = (element: HTMLElement, id: string) =>
    query(element, `[data-id="${id}"]`) as HTMLElement & { options: { value: string }[] };

function choose(element: HTMLElement, id: string, value: string): void {
    combobox(element, id).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function typeJustification(element: HTMLElement, value: string): void {
    const input = query(element, '[data-id="justification"]') as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
}

function setUp(): void {
    beforeAll(() => registerSa11yMatcher());
    beforeEach(() => {
        findingsMock.mockResolvedValue(list);
        findingMock.mockResolvedValue(detail);
        updateMock.mockImplementation(({ findingIds, status }: { findingIds: string[]; status: string | null }) =>
            Promise.resolve(
                findingIds.map((id) => ({ id, success: true, message: null, pending: status === 'RiskAccepted' }))
            )
        );
    });
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });
}

describe('c-findings-triage: the queue', () => {
    setUp();

    it('loads the open queue in the order the server gives, with SLA badges', async () => {
        const element = await mount();
        expect(findingsMock.mock.calls[0][0].query.statuses).toEqual(['New', 'Triaged', 'InRemediation']);
        const names = Array.from(
            element.shadowRoot?.querySelectorAll('tbody th[scope="row"]') ?? [],
            (cell) => cell.textContent
        );
        expect(names).toEqual(list.rows.map((row) => row.name));
        const overdue = element.shadowRoot?.querySelectorAll('tbody tr.row_overdue .sla_overdue');
        expect(overdue?.length).toBeGreaterThan(0);
        expect(overdue?.[0].textContent).toBe('c.ConsoleOverdue');
        expect(query(element, '[data-id="sla-summary"]').textContent).toContain('c.FindingsSlaSummary');
    });

    it('keeps the checkbox and the finding number in sticky columns', async () => {
        const element = await mount();
        const header = element.shadowRoot?.querySelectorAll('thead th');
        expect(header?.[0].classList.contains('sticky_1')).toBe(true);
        expect(header?.[1].classList.contains('sticky_2')).toBe(true);
        expect(header?.[1].textContent).toBe('c.FindingsColName');
    });

    it('shows a pending request on its row', async () => {
        const [first, ...others] = list.rows;
        const rows = [{ ...first, requestedStatus: 'RiskAccepted' as const, requestedByName: 'Tom Okafor' }, ...others];
        findingsMock.mockResolvedValue({ ...list, rows });
        const element = await mount();
        const badge = query(element, 'tbody tr .badge_pending');
        expect(badge.getAttribute('title')).toBe('Tom Okafor');
    });

    it('opens a finding in a panel over the queue and closes it again', async () => {
        const element = await mount();
        query(element, `button[data-id="${list.rows[0].id}"]`).click();
        await flush();
        expect(query(element, '[data-id="finding-drawer"]')).not.toBeNull();
        expect(findingMock).toHaveBeenCalledWith({ findingId: list.rows[0].id });
        query(element, 'c-finding-detail').dispatchEvent(new CustomEvent('close'));
        await flush();
        expect(query(element, '[data-id="finding-drawer"]')).toBeNull();
    });

    it('opens the finding another screen asks for', async () => {
        const element = (await mount()) as HTMLElement & { preset: unknown };
        element.preset = { openFindingId: list.rows[1].id };
        await flush();
        expect(query(element, '[data-id="finding-drawer"]')).not.toBeNull();
        expect(findingMock).toHaveBeenCalledWith({ findingId: list.rows[1].id });
    });

    it('is accessible', async () => {
        const element = await mount();
        await expect(element).toBeAccessible();
    }, 60_000);
});

describe('c-findings-triage: bulk changes', () => {
    setUp();

    it('offers only the status changes the workflow allows for the selection', async () => {
        const element = await mount();
        await select(
            element,
            list.rows.filter((row) => row.status === 'New').map((row) => row.id)
        );
        expect(query(element, '[data-id="bulk"]')).not.toBeNull();
        expect(combobox(element, 'bulk-status').options.map((option) => option.value)).toEqual([
            '',
            'Triaged',
            'InRemediation',
            'Resolved',
            'RiskAccepted',
            'FalsePositive'
        ]);
    });

    it('triages the selected findings in bulk with an assignee', async () => {
        const element = await mount();
        const fresh = list.rows.filter((row) => row.status === 'New').slice(0, 2);
        await select(
            element,
            fresh.map((row) => row.id)
        );
        choose(element, 'bulk-status', 'Triaged');
        choose(element, 'bulk-assignee', assignees[1].id);
        query(element, '[data-id="bulk-apply"]').click();
        await flush();
        expect(updateMock).toHaveBeenCalledWith({
            findingIds: fresh.map((row) => row.id),
            status: 'Triaged',
            justification: null,
            assigneeId: assignees[1].id,
            riskAcceptedUntil: null
        });
        expect(findingsMock).toHaveBeenCalledTimes(2);
    });

    it('refuses Risk accepted without a justification in the bulk bar and never calls the server', async () => {
        const element = await mount();
        await select(element, [list.rows.find((row) => row.status === 'New')!.id]);
        choose(element, 'bulk-status', 'RiskAccepted');
        await flush();
        expect((query(element, '[data-id="justification"]') as HTMLElement & { required: boolean }).required).toBe(
            true
        );
        query(element, '[data-id="bulk-apply"]').click();
        await flush();
        expect(updateMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="bulk-errors"]').textContent).toContain('c.FindingsRefused');
    });

    it('asks for a second person to accept a risk, with its justification and last day', async () => {
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        const finding = list.rows.find((row) => row.status === 'New')!;
        await select(element, [finding.id]);
        choose(element, 'bulk-status', 'RiskAccepted');
        await flush();
        typeJustification(element, JUSTIFIED);
        query(element, '[data-id="bulk-until"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: '2027-03-31' } })
        );
        query(element, '[data-id="bulk-apply"]').click();
        await flush();
        expect(updateMock).toHaveBeenCalledWith({
            findingIds: [finding.id],
            status: 'RiskAccepted',
            justification: JUSTIFIED,
            assigneeId: null,
            riskAcceptedUntil: '2027-03-31'
        });
        expect(toast.mock.calls[0][0].detail.message).toBe('c.FindingsRequestedToast');
    });

    it('refuses a risk acceptance that would last more than a year', async () => {
        const element = await mount();
        await select(element, [list.rows.find((row) => row.status === 'New')!.id]);
        choose(element, 'bulk-status', 'RiskAccepted');
        await flush();
        typeJustification(element, JUSTIFIED);
        query(element, '[data-id="bulk-until"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: '2028-01-01' } })
        );
        query(element, '[data-id="bulk-apply"]').click();
        await flush();
        // Labels are their names under Jest, so the refusal shows as the bulk bar's message, without the server.
        expect(updateMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="bulk-errors"]').getAttribute('role')).toBe('alert');
    });
});

describe('c-findings-triage: SLA settings', () => {
    setUp();

    it('validates the SLA in its form and saves a valid one', async () => {
        const element = await mount();
        query(element, '[data-id="edit-sla"]').click();
        await flush();
        const critical = query(element, '[data-severity="critical"]') as HTMLElement & { value: string };
        critical.value = '0';
        critical.dispatchEvent(new CustomEvent('change'));
        query(element, '[data-id="save-sla"]').click();
        await flush();
        expect(saveSlaMock).not.toHaveBeenCalled();
        expect(query(element, '[data-id="sla-error"]').textContent).toContain('c.FindingsSlaInvalid');
        critical.value = '14';
        critical.dispatchEvent(new CustomEvent('change'));
        saveSlaMock.mockResolvedValue({ critical: 14, high: 60, medium: 90, low: 180 });
        query(element, '[data-id="save-sla"]').click();
        await flush();
        expect(saveSlaMock).toHaveBeenCalledWith({ critical: 14, high: 60, medium: 90, low: 180 });
        expect(query(element, '[data-id="sla-summary"]')).not.toBeNull();
        expect(findingsMock).toHaveBeenCalledTimes(2);
    });
});
