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

function select(element: HTMLElement, ids: string[]): void {
    const table = element.shadowRoot?.querySelector('lightning-datatable') as HTMLElement;
    table.dispatchEvent(
        new CustomEvent('rowselection', { detail: { selectedRows: list.rows.filter((row) => ids.includes(row.id)) } })
    );
}

const combobox = (element: HTMLElement, id: string) =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`) as HTMLElement & { options: { value: string }[] };

describe('c-findings-triage', () => {
    beforeAll(() => registerSa11yMatcher());
    beforeEach(() => {
        findingsMock.mockResolvedValue(list);
        findingMock.mockResolvedValue(detail);
        updateMock.mockImplementation(({ findingIds }: { findingIds: string[] }) =>
            Promise.resolve(findingIds.map((id) => ({ id, success: true, message: null })))
        );
    });
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('loads the open queue with SLA states', async () => {
        const element = await mount();
        expect(findingsMock.mock.calls[0][0].query.statuses).toEqual(['New', 'Triaged', 'InRemediation']);
        const table = element.shadowRoot?.querySelector('lightning-datatable') as HTMLElement & {
            data: { slaLabel: string }[];
        };
        expect(table.data).toHaveLength(list.rows.length);
        expect(table.data.some((row) => row.slaLabel === 'c.ConsoleOverdue')).toBe(true);
        expect(element.shadowRoot?.querySelector('[data-id="sla-summary"]')?.textContent).toContain(
            'c.FindingsSlaSummary'
        );
    });

    it('offers only the status changes the workflow allows for the selection', async () => {
        const element = await mount();
        const fresh = list.rows.filter((row) => row.status === 'New').slice(0, 2);
        select(
            element,
            fresh.map((row) => row.id)
        );
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="bulk"]')).not.toBeNull();
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
        select(
            element,
            fresh.map((row) => row.id)
        );
        await flush();
        combobox(element, 'bulk-status').dispatchEvent(new CustomEvent('change', { detail: { value: 'Triaged' } }));
        combobox(element, 'bulk-assignee').dispatchEvent(
            new CustomEvent('change', { detail: { value: assignees[1].id } })
        );
        (element.shadowRoot?.querySelector('[data-id="bulk-apply"]') as HTMLElement).click();
        await flush();
        expect(updateMock).toHaveBeenCalledWith({
            findingIds: fresh.map((row) => row.id),
            status: 'Triaged',
            justification: null,
            assigneeId: assignees[1].id
        });
        expect(findingsMock).toHaveBeenCalledTimes(2);
    });

    it('refuses Risk accepted without a justification and never calls the server', async () => {
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        select(element, [list.rows.find((row) => row.status === 'New')!.id]);
        await flush();
        combobox(element, 'bulk-status').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'RiskAccepted' } })
        );
        await flush();
        expect(
            (element.shadowRoot?.querySelector('[data-id="justification"]') as HTMLElement & { required: boolean })
                .required
        ).toBe(true);
        (element.shadowRoot?.querySelector('[data-id="bulk-apply"]') as HTMLElement).click();
        await flush();
        expect(updateMock).not.toHaveBeenCalled();
        expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    });

    it('accepts a risk with a justification', async () => {
        const element = await mount();
        const finding = list.rows.find((row) => row.status === 'New')!;
        select(element, [finding.id]);
        await flush();
        combobox(element, 'bulk-status').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'RiskAccepted' } })
        );
        const justification = element.shadowRoot?.querySelector('[data-id="justification"]') as HTMLElement & {
            value: string;
        };
        justification.value = 'Compensating control: the class is unreachable from any entry point.';
        justification.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="bulk-apply"]') as HTMLElement).click();
        await flush();
        expect(updateMock).toHaveBeenCalledWith(
            expect.objectContaining({
                findingIds: [finding.id],
                status: 'RiskAccepted',
                justification: 'Compensating control: the class is unreachable from any entry point.'
            })
        );
    });

    it('shows an Apex finding with its flagged line, the rule and the fix', async () => {
        const element = await mount();
        const table = element.shadowRoot?.querySelector('lightning-datatable') as HTMLElement;
        table.dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: 'open' }, row: list.rows[0] } }));
        await flush();
        const flagged = element.shadowRoot?.querySelectorAll('[data-id="snippet"] .code__line_flagged');
        expect(flagged).toHaveLength(1);
        expect(flagged?.[0].textContent).toContain(String(detail.line));
        expect(flagged?.[0].textContent).toContain((detail.snippet ?? '').split('\n')[0].trim());
        expect(element.shadowRoot?.querySelector('[data-id="rule-title"]')?.textContent).toContain(detail.ruleTitle);
        expect(element.shadowRoot?.querySelector('[data-id="rule-fix"]')?.textContent).toBe(detail.ruleDescription);
    });

    it('validates and saves a new SLA', async () => {
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        (element.shadowRoot?.querySelector('[data-id="edit-sla"]') as HTMLElement).click();
        await flush();
        const critical = element.shadowRoot?.querySelector('[data-severity="critical"]') as HTMLElement & {
            value: string;
        };
        critical.value = '0';
        critical.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="save-sla"]') as HTMLElement).click();
        await flush();
        expect(saveSlaMock).not.toHaveBeenCalled();
        expect(toast.mock.calls[0][0].detail.message).toBe('c.FindingsSlaInvalid');
        critical.value = '14';
        critical.dispatchEvent(new CustomEvent('change'));
        saveSlaMock.mockResolvedValue({ critical: 14, high: 60, medium: 90, low: 180 });
        (element.shadowRoot?.querySelector('[data-id="save-sla"]') as HTMLElement).click();
        await flush();
        expect(saveSlaMock).toHaveBeenCalledWith({ critical: 14, high: 60, medium: 90, low: 180 });
    });

    it('is accessible', async () => {
        const element = await mount();
        await expect(element).toBeAccessible();
    }, 60_000);
});
