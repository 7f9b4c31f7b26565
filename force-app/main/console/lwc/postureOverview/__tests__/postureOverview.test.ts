import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import PostureOverview from 'c/postureOverview';
import getPosture from '@salesforce/apex/WardenPostureController.getPosture';
import { computePostureScore } from 'c/postureScore';
import type { PostureSummary } from 'c/consoleContracts';

const posture: PostureSummary = require('./data/posture.json');

jest.mock(
    '@salesforce/apex/WardenPostureController.getPosture',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

type WireMock = { emit(value: unknown): void; error(body?: unknown, status?: number): void };
const wire = getPosture as unknown as WireMock;

// A macrotask turn lets wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (): Promise<void> => tick();

function mount(): HTMLElement {
    const element = createElement('c-posture-overview', { is: PostureOverview });
    document.body.appendChild(element);
    return element;
}

function setUp(): void {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });
}

describe('c-posture-overview', () => {
    setUp();

    it('shows a spinner until the posture arrives', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('renders the score computed by c/postureScore and its breakdown', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const expected = computePostureScore(posture);
        expect(element.shadowRoot?.querySelector('[data-id="score"]')?.textContent).toBe(String(expected.score));
        expect(element.shadowRoot?.querySelectorAll('tr[data-component]')).toHaveLength(5);
    });

    it('highlights severities with overdue findings and lists urgent ones', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const overdueRows = Array.from(element.shadowRoot?.querySelectorAll('tr[data-severity]') ?? []).filter((row) =>
            row.classList.contains('row_overdue')
        );
        const expectedOverdue = posture.findingsBySeverity.filter((row) => row.overdue > 0).map((row) => row.severity);
        expect(overdueRows.map((row) => (row as HTMLElement).dataset.severity)).toEqual(expectedOverdue);
        expect(expectedOverdue.length).toBeGreaterThan(0);
        expect(element.shadowRoot?.querySelectorAll('[data-id="urgent"] li')).toHaveLength(
            posture.urgentFindings.length
        );
    });

    it('draws one bar per day and decision with calls', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const nonZero = posture.callsByDay.filter((row) => row.count > 0).length;
        expect(element.shadowRoot?.querySelectorAll('svg[data-id="calls-chart"] rect.bar')).toHaveLength(nonZero);
        expect(
            element.shadowRoot?.querySelector('svg[data-id="calls-chart"]')?.getAttribute('aria-label')
        ).toBeTruthy();
        expect(element.shadowRoot?.querySelectorAll('svg[data-id="calls-chart"] g.day')).toHaveLength(
            posture.windowDays
        );
    });

    it('draws the chart of the latest posture when the wire delivers another one', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const bars = () => element.shadowRoot?.querySelectorAll('svg[data-id="calls-chart"] rect.bar').length;
        const before = bars();
        const busiest = posture.callsByDay.filter((row) => row.count > 0).slice(0, 3);
        wire.emit({ ...posture, callsByDay: posture.callsByDay.filter((row) => !busiest.includes(row)) });
        await flush();
        expect(busiest).toHaveLength(3);
        expect(bars()).toBe((before ?? 0) - 3);
    });
});

describe('c-posture-overview: the chart and the due-first list', () => {
    setUp();

    it('labels the value axis on round steps and some days', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const labels = Array.from(element.shadowRoot?.querySelectorAll('text.axis__label') ?? [], (text) =>
            (text.textContent ?? '').trim()
        );
        expect(labels[0]).toBe('0');
        expect(labels.some((label) => /\d{4}/.test(label))).toBe(true);
    });

    it('makes the days one tab stop that the arrow keys move, with a tooltip, and Enter opens the explorer', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const days = () => Array.from(element.shadowRoot?.querySelectorAll('g.day') ?? []) as HTMLElement[];
        const stops = days().filter((day) => day.getAttribute('tabindex') === '0');
        expect(stops).toHaveLength(1);
        const last = stops[0];
        expect(last).toBe(days()[days().length - 1]);
        expect(last.getAttribute('role')).toBe('button');
        expect(last.getAttribute('aria-label')).toContain('c.OverviewChartDay');
        last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
        await flush();
        const previous = days()[days().length - 2];
        expect(previous.getAttribute('tabindex')).toBe('0');
        expect(last.getAttribute('tabindex')).toBe('-1');
        expect(element.shadowRoot?.activeElement).toBe(previous);
        expect(element.shadowRoot?.querySelector('[data-id="chart-tooltip"]')?.textContent).toBe(
            previous.getAttribute('aria-label')
        );
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        previous.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        const day = previous.dataset.day;
        expect(handler.mock.calls[0][0].detail).toEqual({ tab: 'explorer', filters: { fromDay: day, toDay: day } });
    });

    it('opens a finding of the "due first" list from its button', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        const button = element.shadowRoot?.querySelector('[data-id="urgent"] button') as HTMLButtonElement;
        expect(button.getAttribute('aria-label')).toContain('c.OverviewOpenFinding');
        button.click();
        expect(handler.mock.calls[0][0].detail).toEqual({
            tab: 'findings',
            findings: { openFindingId: posture.urgentFindings[0].id }
        });
    });

    it('asks the console to open the overdue findings', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        (element.shadowRoot?.querySelector('[data-id="view-findings"]') as HTMLElement).click();
        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({ tab: 'findings', findings: { overdueOnly: true } });
    });

    it('shows a readable permission message in place, not as a toast, when the call is refused', async () => {
        const element = mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        wire.error({ message: 'Insufficient permissions: secure query included inaccessible field' }, 403);
        await flush();
        const alert = element.shadowRoot?.querySelector('[role="alert"]');
        expect(alert?.textContent).toContain('c.ConsoleNeedPermission');
        expect(alert?.textContent).not.toMatch(/Exception|line \d+/);
        expect(toast).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(posture);
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});
