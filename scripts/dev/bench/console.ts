/**
 * `npm run bench:console`: how fast the console starts and answers on the 50,000-entry demo set, in headless
 * Chromium against the local preview (127.0.0.1), each figure printed beside its target (issue 19):
 *  - first start: `npm start` on a fresh clone with no `.warden/` folder, spawn → page served (target 20 s);
 *  - later start: the start after it, with what the first one built and cached (target 5 s);
 *  - overview: navigation start → posture score rendered (target 1 s);
 *  - explorer: navigation start → first log rows rendered (target 1 s);
 *  - each filter (a value of every explorer filter, one at a time): Apply → the new rows rendered (target 300 ms);
 *  - each "load older" step up to the 1,000-row cap and one past it: click → the page's rows rendered (300 ms);
 *  - the JS heap at the 1,000-row cap after a forced garbage collection (CDP Performance.getMetrics; 60 MB).
 * Page figures are the median of several runs (each a fresh page), taken with performance.now() in the page. The
 * machine's 1-minute load average is printed beside each figure, since a shared machine moves all of them.
 * Exit code 0 (a benchmark reports, it does not gate), or 1 when the preview or the browser could not run.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { startPreview } from '../preview/command';
import { launchChromium } from '../preview/browser';
import { freshClone, timeStart } from './console-start';

export const TARGETS = {
    firstStart: 20000,
    laterStart: 5000,
    overview: 1000,
    explorer: 1000,
    filter: 300,
    loadOlder: 300,
    heapMb: 60
};

/**
 * In-page helpers, as source text so that the TypeScript runner's helpers (such as __name) are not serialised into
 * the browser. `deepAll` finds elements through every (synthetic) shadow root, because querySelectorAll alone stops
 * at component boundaries; `logRows` are the explorer table's data rows.
 */
const PAGE_HELPERS = `
    const deepAll = (root, selector) => {
        const found = Array.from(root.querySelectorAll(selector));
        for (const element of Array.from(root.querySelectorAll('*'))) {
            if (element.shadowRoot) {
                found.push(...deepAll(element.shadowRoot, selector));
            }
        }
        return found;
    };
    const logRows = () => deepAll(document, '[data-id="log-table"] tr[data-row-key-value]');
    const loading = () => deepAll(document, '[data-id="log-table"] lightning-spinner').length > 0;
    const windowText = () => deepAll(document, '[data-id="showing"]').map((el) => el.parentElement.textContent).join(' ');
`;

/** Marks the rows on screen now, so that a later predicate can tell the rows of the next answer from them. */
const MARK_ROWS = `(() => { ${PAGE_HELPERS} for (const row of logRows()) row.__benchOld = true; return performance.now(); })()`;

/** performance.now() once the marked rows are gone and new rows (or the no-rows message) are rendered. */
const NEW_ROWS_RENDERED = `(() => { ${PAGE_HELPERS}
    if (loading()) return false;
    const rows = logRows();
    const settled = rows.length > 0 ? rows.every((row) => !row.__benchOld) : deepAll(document, '[data-id="no-rows"]').length > 0;
    return settled ? performance.now() : false;
})()`;

/** Notes the line above the table and clicks "Load more" without scrolling; the page's clock at the click. */
const CLICK_LOAD_MORE = `(() => { ${PAGE_HELPERS}
    window.__benchWindowText = windowText();
    const button = deepAll(document, '[data-id="load-more"] button')[0];
    const now = performance.now();
    button.click();
    return now;
})()`;

/** The number of entries the explorer holds, from the line above its table. */
const ROW_COUNT = `(() => { ${PAGE_HELPERS} return Number((windowText().match(/\\d[\\d,.]*/) || ['0'])[0].replace(/\\D/g, '')); })()`;

/**
 * performance.now() once the next page is rendered: nothing loading and the line above the table (how many entries
 * are loaded, and how many newer ones the window dropped past the cap) no longer the one before the click. The
 * table renders only the rows around the view, so its DOM rows do not tell.
 */
const OLDER_ROWS_RENDERED = `(() => { ${PAGE_HELPERS}
    if (loading()) return false;
    return windowText() !== window.__benchWindowText ? performance.now() : false;
})()`;

type Figure = { label: string; values: number[]; target: number; unit: 'ms' | 'MB'; load: number[] };

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Records one measured value of a figure, with the load average at the time. */
function record(figures: Map<string, Figure>, label: string, value: number, target: number, unit: 'ms' | 'MB' = 'ms') {
    const figure = figures.get(label) ?? { label, values: [], target, unit, load: [] };
    figure.values.push(value);
    figure.load.push(loadavg()[0]);
    figures.set(label, figure);
}

/** The filters measured, one at a time from the default view: a combobox option or a text typed in. */
type FilterCase = { label: string; combobox?: string; option?: string | number; input?: string; text?: string };

const FILTERS: FilterCase[] = [
    { label: 'range: last 7 days', combobox: '[data-id="range"]', option: 0 },
    { label: 'endpoint', combobox: '[data-filter="endpointId"]', option: 1 },
    { label: 'decision: Blocked', combobox: '[data-filter="decision"]', option: 'Blocked' },
    { label: 'purpose', combobox: '[data-filter="purpose"]', option: 1 },
    { label: 'jurisdiction', combobox: '[data-filter="jurisdiction"]', option: 1 },
    { label: 'PHI category', combobox: '[data-filter="phiCategory"]', option: 1 },
    { label: 'consent result', combobox: '[data-filter="consentResult"]', option: 1 },
    { label: 'residency result', combobox: '[data-filter="residencyResult"]', option: 1 },
    { label: 'caller (part of a name)', input: '[data-filter="caller"]', text: 'bot' },
    { label: 'subject key', input: '[data-filter="subjectKey"]' }
];

/** One subject key of the demo log, read through the preview's API as the explorer's detail reads it. */
const SOME_SUBJECT_KEY = `(async () => {
    const call = async (name, body) => (await fetch('/api/apex/' + name, { method: 'POST', body: JSON.stringify(body) })).json();
    const logPage = await call('WardenLogController.getLogPage', { query: { pageSize: 50 } });
    for (const row of logPage.rows) {
        const entry = await call('WardenLogController.getLogEntry', { logId: row.id });
        if (entry.subjectKey) return entry.subjectKey;
    }
    return '';
})()`;

async function setFilter(page: Page, filter: FilterCase, subjectKey: string): Promise<void> {
    if (filter.combobox) {
        const combobox = page.locator(`lightning-combobox${filter.combobox}`).first();
        await combobox.locator('button, input').first().click();
        const items = combobox.locator('lightning-base-combobox-item');
        await (
            typeof filter.option === 'number'
                ? items.nth(filter.option)
                : items.filter({ hasText: filter.option as string }).first()
        ).click();
    } else if (filter.input) {
        await page
            .locator(`lightning-input${filter.input} input`)
            .first()
            .fill(filter.text ?? subjectKey);
    }
}

/** Apply (or Reset) → the new rows rendered, in ms of the page's clock. */
async function timeApply(page: Page, button: 'apply' | 'reset'): Promise<number> {
    const started = (await page.evaluate(MARK_ROWS)) as number;
    await page.locator(`[data-id="${button}"] button`).click();
    const done = (await (
        await page.waitForFunction(NEW_ROWS_RENDERED, undefined, { polling: 'raf', timeout: 60000 })
    ).jsonValue()) as number;
    return done - started;
}

async function measureFilters(page: Page, figures: Map<string, Figure>): Promise<void> {
    const subjectKey = (await page.evaluate(SOME_SUBJECT_KEY)) as string;
    for (const filter of FILTERS) {
        await setFilter(page, filter, subjectKey);
        record(figures, `Filter: ${filter.label}`, await timeApply(page, 'apply'), TARGETS.filter);
        await timeApply(page, 'reset');
    }
}

/** Each "load older" click until the table is at the cap, and one past it (the window then drops the newest). */
async function measureLoadOlder(page: Page, figures: Map<string, Figure>, cap: number): Promise<void> {
    let step = 0;
    let count = (await page.evaluate(ROW_COUNT)) as number;
    let pastCap = false;
    while (!pastCap) {
        pastCap = count >= cap;
        step++;
        // A click in the page: Playwright's own click would first scroll the button into view, and scrolling the
        // table to its bottom loads the next page by itself, so one timed step would run into the next.
        const started = (await page.evaluate(CLICK_LOAD_MORE)) as number;
        const done = (await (
            await page.waitForFunction(OLDER_ROWS_RENDERED, undefined, { polling: 'raf', timeout: 60000 })
        ).jsonValue()) as number;
        const before = count;
        count = (await page.evaluate(ROW_COUNT)) as number;
        record(figures, `Load older, step ${step} (${before} → ${count} rows)`, done - started, TARGETS.loadOlder);
    }
}

/** The JS heap in use after a forced garbage collection, in MB. */
async function heapAfterGc(page: Page): Promise<number> {
    const session = await page.context().newCDPSession(page);
    try {
        await session.send('Performance.enable');
        await session.send('HeapProfiler.collectGarbage');
        const { metrics } = await session.send('Performance.getMetrics');
        const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
        return used / (1024 * 1024);
    } finally {
        await session.detach();
    }
}

async function measurePages(url: string, runs: number, figures: Map<string, Figure>): Promise<void> {
    const browser = await launchChromium();
    try {
        // One warm-up load so that Chromium's disk cache and the server's JIT are in their steady state.
        const warm = await browser.context.newPage();
        await warm.goto(url);
        await warm.locator('[data-id="score"]').waitFor({ timeout: 60000 });
        await warm.close();

        for (let run = 0; run < runs; run++) {
            const page = await browser.context.newPage();
            await page.goto(url);
            await page.locator('[data-id="score"]').waitFor({ timeout: 60000 });
            record(
                figures,
                'Overview: posture score rendered',
                await page.evaluate(() => performance.now()),
                TARGETS.overview
            );
            await page.close();

            const explorer = await browser.context.newPage();
            await explorer.goto(`${url}?tab=explorer`);
            await explorer.locator('[data-id="log-table"] tbody tr').first().waitFor({ timeout: 60000 });
            record(
                figures,
                'Explorer: first rows rendered',
                await explorer.evaluate(() => performance.now()),
                TARGETS.explorer
            );
            await measureFilters(explorer, figures);
            await measureLoadOlder(explorer, figures, 1000);
            record(figures, 'Heap at the 1,000-row cap (after GC)', await heapAfterGc(explorer), TARGETS.heapMb, 'MB');
            await explorer.close();
        }
    } finally {
        await browser.close();
    }
}

/** First and later start of a fresh clone, `runs` times each pair. */
async function measureStarts(root: string, runs: number, figures: Map<string, Figure>): Promise<void> {
    for (let run = 0; run < runs; run++) {
        const clone = freshClone(root);
        try {
            record(figures, 'First start (fresh clone, no .warden/)', await timeStart(clone.dir), TARGETS.firstStart);
            record(figures, 'Later start (cached)', await timeStart(clone.dir), TARGETS.laterStart);
        } finally {
            clone.remove();
        }
    }
}

function printFigures(figures: Map<string, Figure>, pageRuns: number, startRuns: number): void {
    process.stdout.write(
        `\nConsole benchmark: 50,000-entry demo set, headless Chromium; median of ${pageRuns} page runs, ${startRuns} start runs\n`
    );
    for (const figure of figures.values()) {
        const value = median(figure.values);
        const digits = figure.unit === 'MB' ? 1 : 0;
        const runs = figure.values.map((v) => v.toFixed(digits)).join(', ');
        const load = figure.load.map((l) => l.toFixed(1)).join(', ');
        process.stdout.write(
            `${figure.label.padEnd(44)} ${value.toFixed(digits).padStart(7)} ${figure.unit}  target <= ${figure.target} ${figure.unit}  ${value <= figure.target ? 'met   ' : 'MISSED'}  runs: ${runs}  load: ${load}\n`
        );
    }
}

const LINE = {
    name: 'npm run bench:console',
    summary: 'The console benchmark: start-up, screens, filters, paging and heap of the preview (options go after --).',
    options: {
        runs: { type: 'string', value: 'N', description: 'page runs (default 5; BENCH_RUNS also sets it)' },
        'start-runs': { type: 'string', value: 'N', description: 'first/later start pairs (default 1)' },
        'skip-start': { type: 'boolean', description: 'measure the pages only, not the start-up of a fresh clone' }
    }
} as const satisfies CommandLine;

async function main(argv: string[]): Promise<number> {
    const parsed = readCommandLine(argv, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const runs = positiveInteger(LINE.name, 'runs', parsed.values.runs ?? process.env.BENCH_RUNS) ?? 5;
    const startRuns = parsed.values['skip-start']
        ? 0
        : (positiveInteger(LINE.name, 'start-runs', parsed.values['start-runs']) ?? 1);
    const root = findProjectRoot(__dirname);
    const figures = new Map<string, Figure>();
    // The starts go first, on a machine not yet busy with the browser.
    try {
        await measureStarts(root, startRuns, figures);
    } catch (error) {
        printFigures(figures, runs, startRuns);
        throw error;
    }
    const preview = await startPreview({ root, port: 0, build: true, seed: 20261122, liveIntervalMs: 0 }, (line) =>
        process.stdout.write(`${line}\n`)
    );
    try {
        await measurePages(preview.url, runs, figures);
    } finally {
        await preview.close();
        // What was measured before a failure is still worth reading.
        printFigures(figures, runs, startRuns);
    }
    return 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (error: Error) => {
            process.stderr.write(`bench:console: ${error.message}\n`);
            process.exitCode = 1;
        }
    );
}
