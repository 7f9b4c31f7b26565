/**
 * `npm run bench:console`: how fast the console renders on the 50,000-entry demo set, in headless Chromium
 * against the local preview (127.0.0.1). Measures, as the median of several cold page loads:
 *  - overview: navigation start → posture score rendered (target under 1 s);
 *  - explorer: navigation start → first log rows rendered in the datatable (target under 1.5 s);
 *  - filter:   click on Apply with a decision filter → the table shows only matching rows (target under 300 ms).
 * Times are taken with performance.now() inside the page. Prints a table; exit code 0 (a benchmark
 * reports, it does not gate), or 1 when the preview or the browser could not run.
 */
import { findProjectRoot } from '../../cli/lib/project';
import { startPreview } from '../preview/command';
import { launchChromium } from '../preview/browser';

export const TARGETS_MS = { overview: 1000, explorer: 1500, filter: 300 };

/**
 * In-page predicate, as source text so that the TypeScript runner's helpers (such as __name) are not
 * serialised into the browser: the datatable's data rows, found through every (synthetic) shadow root
 * because document.querySelectorAll alone stops at component boundaries; performance.now() once every
 * row shows Blocked.
 */
const ROWS_ALL_BLOCKED = `(() => {
    const deepAll = (root, selector) => {
        const found = Array.from(root.querySelectorAll(selector));
        for (const element of Array.from(root.querySelectorAll('*'))) {
            if (element.shadowRoot) {
                found.push(...deepAll(element.shadowRoot, selector));
            }
        }
        return found;
    };
    const rows = deepAll(document, 'tr[data-row-key-value]').filter((row) => row.getAttribute('data-row-key-value') !== 'HEADER');
    return rows.length > 0 && rows.every((row) => /Blocked/.test(row.innerText || '')) ? performance.now() : false;
})()`;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<number> {
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const root = findProjectRoot(__dirname);
    const preview = await startPreview({ root, port: 0, build: true, seed: 20261122, liveIntervalMs: 0 }, (line) =>
        process.stdout.write(`${line}\n`)
    );
    const browser = await launchChromium();
    const results = { overview: [] as number[], explorer: [] as number[], filter: [] as number[] };
    try {
        // One warm-up load so that Chromium's disk cache and the server's JIT are in their steady state.
        const warm = await browser.context.newPage();
        await warm.goto(preview.url);
        await warm.locator('[data-id="score"]').waitFor({ timeout: 60000 });
        await warm.close();

        for (let run = 0; run < runs; run++) {
            const page = await browser.context.newPage();
            await page.goto(preview.url);
            await page.locator('[data-id="score"]').waitFor({ timeout: 60000 });
            results.overview.push(await page.evaluate(() => performance.now()));
            await page.close();

            const explorer = await browser.context.newPage();
            await explorer.goto(`${preview.url}?tab=explorer`);
            await explorer.locator('[data-id="log-table"] tbody tr').first().waitFor({ timeout: 60000 });
            results.explorer.push(await explorer.evaluate(() => performance.now()));

            const decision = explorer.locator('lightning-combobox[data-filter="decision"]');
            await decision.locator('button, input').first().click();
            await decision.locator('lightning-base-combobox-item', { hasText: 'Blocked' }).first().click();
            const started = (await explorer.evaluate('performance.now()')) as number;
            await explorer.locator('[data-id="apply"] button').click();
            const done = (await (
                await explorer.waitForFunction(ROWS_ALL_BLOCKED, undefined, { polling: 'raf', timeout: 30000 })
            ).jsonValue()) as number;
            results.filter.push(done - started);
            await explorer.close();
        }
    } finally {
        await browser.close();
        await preview.close();
    }

    const rows: [string, number[], number][] = [
        ['Overview: first render of the posture', results.overview, TARGETS_MS.overview],
        ['Log explorer: first rows', results.explorer, TARGETS_MS.explorer],
        ['Log explorer: apply a filter', results.filter, TARGETS_MS.filter]
    ];
    process.stdout.write(`\nConsole benchmark: 50,000-entry demo set, headless Chromium, median of ${runs} runs\n`);
    for (const [label, values, target] of rows) {
        const value = median(values);
        process.stdout.write(
            `${label.padEnd(42)} ${value.toFixed(0).padStart(6)} ms   target < ${target} ms   ${value < target ? 'met' : 'MISSED'}   (runs: ${values.map((v) => v.toFixed(0)).join(', ')})\n`
        );
    }
    return 0;
}

if (require.main === module) {
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (error: Error) => {
            process.stderr.write(`bench:console: ${error.message}\n`);
            process.exitCode = 1;
        }
    );
}
