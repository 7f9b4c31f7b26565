import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import ChangeHistory from 'c/changeHistory';
import type { ChangeRow } from 'c/consoleContracts';

const changes: ChangeRow[] = [
    {
        id: 'a07000000000002AAA',
        recordId: 'a05000000000001AAA',
        recordName: 'CF-000001',
        action: 'Approved',
        field: 'Status__c',
        fromValue: 'Triaged',
        toValue: 'RiskAccepted',
        reason: 'Compensating control documented in the DPIA.',
        changedByName: 'Inés Delgado',
        changedAt: '2026-11-21T10:00:00.000Z'
    },
    {
        id: 'a07000000000001AAA',
        recordId: 'a05000000000001AAA',
        recordName: 'CF-000001',
        action: 'Created',
        field: 'Status__c',
        fromValue: null,
        toValue: 'New',
        reason: null,
        changedByName: 'Tom Okafor',
        changedAt: '2026-11-01T10:00:00.000Z'
    }
];

function mount(rows: ChangeRow[]): HTMLElement {
    const element = createElement('c-change-history', { is: ChangeHistory }) as HTMLElement & { changes: ChangeRow[] };
    element.changes = rows;
    document.body.appendChild(element);
    return element;
}

describe('c-change-history', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows who changed what, from what to what, and why', () => {
        const element = mount(changes);
        const rows = element.shadowRoot?.querySelectorAll('tbody tr') ?? [];
        expect(rows).toHaveLength(2);
        const cells = Array.from(rows[0].querySelectorAll('td')).map((cell) => cell.textContent?.trim());
        expect(cells[1]).toBe('Inés Delgado');
        expect(cells[2]).toBe('c.HistoryActionApproved');
        expect(cells[3]).toContain('c.FindingsStatusTriaged → c.FindingsStatusRiskAccepted');
        expect(cells[4]).toBe('Compensating control documented in the DPIA.');
        expect(rows[1].getAttribute('data-action')).toBe('Created');
    });

    it('says how a field is minimised and shows dates and times in the one console format', () => {
        const element = mount([
            {
                ...changes[0],
                id: 'a07000000000003AAA',
                action: 'Overridden',
                field: 'Minimization__c',
                fromValue: 'Allow',
                toValue: 'Drop'
            },
            {
                ...changes[0],
                id: 'a07000000000004AAA',
                action: 'DueDateChanged',
                field: 'DueDate__c',
                fromValue: '2026-12-01',
                toValue: '2027-01-15'
            }
        ]);
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        const cells = rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()));
        expect(cells[0][3]).toContain('c.ConsoleMinimizationAllow → c.ConsoleMinimizationDrop');
        expect(cells[0][3]).not.toContain('Drop →');
        expect(cells[1][3]).toContain('Dec 1, 2026 → Jan 15, 2027');
        // Jest's user time zone is America/Los_Angeles: 10:00 UTC is 2 AM there, and the zone is named.
        expect(cells[0][0]).toBe('Nov 21, 2026, 2:00:00 AM PST');
    });

    it('says so when nothing changed yet', () => {
        const element = mount([]);
        expect(element.shadowRoot?.querySelector('table')).toBeNull();
        expect(element.shadowRoot?.textContent).toContain('c.HistoryEmpty');
    });

    it('is accessible', async () => {
        await expect(mount(changes)).toBeAccessible();
    }, 60_000);
});
