/**
 * The explorer's rendered slice: of a long window of rows only those around the scrolled view are in the DOM, the
 * rest stand in as spacers of the same height, and scrolling moves the slice (jsdom has no layout, so the row
 * height is the default one and the scroll offset is set by hand).
 */
import { createElement } from 'lwc';
import { jestMockReset } from 'lightning/empApi';
import InferenceLogExplorer from 'c/inferenceLogExplorer';
import getLogPage from '@salesforce/apex/WardenLogController.getLogPage';
import type { LogPage, LogRow } from 'c/consoleContracts';

const page: LogPage = require('./data/logPage.json');

jest.mock('@salesforce/apex/WardenLogController.getLogPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenLogController.getLogEntry', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/WardenLogController.getLogFilterOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

const pageMock = getLogPage as unknown as jest.Mock;
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 5): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

/** `count` rows, newest first, shaped like the fixture's first row. */
function longPage(count: number): LogPage {
    const rows: LogRow[] = Array.from({ length: count }, (_, index) => ({
        ...page.rows[0],
        id: `a04${String(index).padStart(12, '0')}AAA`,
        sequence: 5000 - index
    }));
    return { rows, hasMore: false, nextCursor: null };
}

function dataRows(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll('[data-id="log-table"] tr[data-row-key-value]') ?? []);
}

function spacers(element: HTMLElement): string[] {
    return Array.from(element.shadowRoot?.querySelectorAll('[data-id="log-table"] tr.spacer td') ?? []).map(
        (cell) => (cell as HTMLElement).style.height
    );
}

describe('c-inference-log-explorer: rendered slice of a long window', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jestMockReset();
    });

    it('renders the first rows and a spacer for the rest, and moves the slice as the table scrolls', async () => {
        pageMock.mockResolvedValue(longPage(600));
        const element = createElement('c-inference-log-explorer', { is: InferenceLogExplorer });
        document.body.appendChild(element);
        await flush();
        let rows = dataRows(element);
        // The 16 rows of the view and 10 more, rounded up to a step of 10.
        expect(rows).toHaveLength(30);
        expect(rows[0].getAttribute('data-row-key-value')).toBe('a04000000000000AAA');
        expect(rows[0].getAttribute('aria-rowindex')).toBe('2');
        expect(spacers(element)).toEqual([`${570 * 33}px`]);
        expect(element.shadowRoot?.querySelector('table')?.getAttribute('aria-rowcount')).toBe('601');

        const box = element.shadowRoot?.querySelector('[data-id="log-table"]') as HTMLElement;
        Object.defineProperty(box, 'scrollTop', { configurable: true, value: 100 * 33 });
        box.dispatchEvent(new CustomEvent('scroll'));
        await flush();
        rows = dataRows(element);
        // 100 rows scrolled past, 10 kept above the view and 10 below its 16, in steps of 10: rows 90 to 129.
        expect(rows).toHaveLength(40);
        expect(rows[0].getAttribute('data-row-key-value')).toBe('a04000000000090AAA');
        expect(rows[0].getAttribute('aria-rowindex')).toBe('92');
        expect(spacers(element)).toEqual([`${90 * 33}px`, `${470 * 33}px`]);
    });
});
