/**
 * End-to-end test of the console in a real browser: starts the preview (demo data, 127.0.0.1, a free port),
 * drives Debian's Chromium headless through playwright-core, and checks every screen, a finding through the
 * triage workflow, the log filters, evidence exports and in-browser chain verification. A screenshot of each
 * screen goes to .warden/e2e/screenshots, and each screen so taken must have no axe-core violation. Installs nothing: CHROMIUM (default /usr/bin/chromium) must exist.
 *
 * Run: npx tsx scripts/dev/preview/e2e/console.e2e.ts   (what `npm run test:e2e` runs)
 * Ends with "N passed, N failed"; exit code 1 when any check failed.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { findProjectRoot } from '../../../cli/lib/project';
import { startPreview, type StartedPreview } from '../command';
import { axeViolations } from './accessibility';

type Check = { name: string; run: (page: Page) => Promise<void> };

const root = findProjectRoot(__dirname);
const outDir = join(root, '.warden', 'e2e');
const shots = join(outDir, 'screenshots');
const downloads = join(outDir, 'downloads');

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}

async function openTab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name, exact: true }).click();
}

/** Saves a screenshot of the screen as it is now, and fails unless axe-core finds it free of violations. */
async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    const violations = await axeViolations(page);
    assert(
        violations.length === 0,
        `axe-core, ${name}: ${violations.length} violations\n      ${violations.join('\n      ')}`
    );
}

/** Picks an option of the lightning-combobox with the given data-id or data-filter attribute. */
async function chooseOption(page: Page, selector: string, option: string): Promise<void> {
    const combobox = page.locator(selector).first();
    await combobox.locator('button, input').first().click();
    await combobox.locator('lightning-base-combobox-item', { hasText: option }).first().click();
}

async function waitForToast(page: Page, variant: string, text?: RegExp): Promise<string> {
    const toast = page.locator(`#warden-toasts [data-variant="${variant}"]`).last();
    await toast.waitFor({ timeout: 20000 });
    const content = (await toast.textContent()) ?? '';
    if (text) {
        assert(text.test(content), `toast "${content}" does not match ${text}`);
    }
    return content;
}

async function apex<T>(page: Page, name: string, params: Record<string, unknown>): Promise<T> {
    return page.evaluate(
        async ({ name: method, params: body }) => {
            const response = await fetch(`/api/apex/${method}`, { method: 'POST', body: JSON.stringify(body) });
            return response.json();
        },
        { name, params }
    ) as Promise<T>;
}

/** Data rows of the lightning-datatable inside `container` (not its header or loading rows). */
async function tableRows(page: Page, container: string): Promise<string[]> {
    return page.locator(`${container} tr[data-row-key-value]:not([data-row-key-value="HEADER"])`).allInnerTexts();
}

/**
 * Polls a condition through Playwright locators (which pierce LWC shadow roots; the page's own
 * document.querySelectorAll does not, under synthetic shadow).
 */
async function eventually(condition: () => Promise<boolean>, message: string, timeout = 20000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
        if (await condition()) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out: ${message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

async function allRowsMatch(page: Page, container: string, pattern: RegExp): Promise<boolean> {
    const rows = await tableRows(page, container);
    return rows.length > 0 && rows.every((row) => pattern.test(row));
}

/** Header cells of `container` whose text is cut (an ellipsis) or that end beyond the window's right edge. */
async function hiddenHeaders(page: Page, container: string, names: string[]): Promise<string[]> {
    const width = page.viewportSize()?.width ?? 0;
    const hidden: string[] = [];
    for (const name of names) {
        const cell = page.locator(`${container} th`, { hasText: name }).first();
        const box = await cell.boundingBox();
        const cut = await cell.evaluate((element) => {
            const text = (element.querySelector('.slds-truncate') ?? element) as HTMLElement;
            return text.scrollWidth > text.clientWidth + 1;
        });
        if (!box || box.x + box.width > width + 1 || cut) {
            hidden.push(name);
        }
    }
    return hidden;
}

const checks: Check[] = [
    {
        name: 'overview shows the posture score, findings, calls and the demo-data banner',
        run: async (page) => {
            await page.locator('[data-id="demo-banner"]').waitFor();
            assert(
                /DEMO DATA/.test((await page.locator('[data-id="demo-banner"]').textContent()) ?? ''),
                'banner says DEMO DATA'
            );
            const score = page.locator('[data-id="score"]');
            await score.waitFor({ timeout: 30000 });
            const value = Number(((await score.textContent()) ?? '').trim());
            assert(Number.isInteger(value) && value >= 0 && value <= 100, `score ${value} is 0..100`);
            assert(
                (await page.locator('svg[data-id="calls-chart"] rect').count()) > 100,
                'the chart draws the daily bars'
            );
            assert((await page.locator('tr.row_overdue').count()) > 0, 'overdue findings are highlighted');
            await shot(page, '01-overview');
        }
    },
    {
        name: 'log explorer loads keyset pages, filters by decision and explains a decision',
        run: async (page) => {
            await openTab(page, 'Inference Log');
            const table = '[data-id="log-table"]';
            await page.locator(`${table} tbody tr`).first().waitFor({ timeout: 30000 });
            assert((await tableRows(page, table)).length >= 20, 'rows are shown');
            await chooseOption(page, 'lightning-combobox[data-filter="decision"]', 'Blocked');
            await page.locator('[data-id="apply"]').click();
            await eventually(() => allRowsMatch(page, table, /Blocked/), 'every row is Blocked');
            await page.locator('[data-id="filter-count"]').waitFor();
            // Pause the live stream so that the rows stay put, reload, and open the newest chained entry.
            await page.locator('[data-id="live-toggle"] label').first().click();
            await page.locator('[data-id="apply"]').click();
            await eventually(
                async () =>
                    (await allRowsMatch(page, table, /Blocked/)) && /^\d/.test((await tableRows(page, table))[0] ?? ''),
                'chained Blocked rows only'
            );
            await page
                .locator(`${table} tr[data-row-key-value]:not([data-row-key-value="HEADER"])`)
                .first()
                .getByRole('button', { name: 'Details' })
                .click();
            await page.locator('[data-id="reasons"] li').first().waitFor({ timeout: 20000 });
            const reasons = (await page.locator('[data-id="reasons"]').textContent()) ?? '';
            assert(
                /BLOCKED|CONSENT|RESIDENCY/.test(reasons),
                `the detail explains the decision: ${reasons.slice(0, 120)}`
            );
            await shot(page, '02-explorer');
            // The detail is a panel over the page: Escape closes it and the table is whole again.
            await page.keyboard.press('Escape');
            await page.locator('[data-id="detail-drawer"]').waitFor({ state: 'detached' });
        }
    },
    {
        name: 'consent screen shows coverage, expiring consents and uncovered patients',
        run: async (page) => {
            await openTab(page, 'Consent');
            await page.locator('[data-id="coverage-matrix"] tbody tr').first().waitFor({ timeout: 30000 });
            assert((await page.locator('[data-id="coverage-matrix"] tbody tr').count()) === 6, 'six purposes');
            await page.locator('[data-id="uncovered"] tbody tr').first().waitFor({ timeout: 20000 });
            await shot(page, '03-consent');
        }
    },
    {
        name: 'residency matrix links a violation to its log entries',
        run: async (page) => {
            await openTab(page, 'Residency');
            await page.locator('[data-id="residency-matrix"] td.cell_violation').first().waitFor({ timeout: 30000 });
            await page.locator('[data-id="registry"] tbody tr').first().waitFor();
            await shot(page, '04-residency');
            const link = page.locator('[data-id="violations"] lightning-button').first();
            const jurisdiction = await link.getAttribute('data-jurisdiction');
            const endpoint = await link.getAttribute('data-endpoint');
            await link.click();
            await eventually(
                () => allRowsMatch(page, '[data-id="log-table"]', new RegExp(`\\b${jurisdiction}\\b`)),
                `explorer filtered to ${jurisdiction}`,
                30000
            );
            const endpointKey =
                (
                    await apex<{ endpoints: { id: string; endpointKey: string }[] }>(
                        page,
                        'WardenLogController.getLogFilterOptions',
                        {}
                    )
                ).endpoints.find((candidate) => candidate.id === endpoint)?.endpointKey ?? '?';
            assert(
                await allRowsMatch(page, '[data-id="log-table"]', new RegExp(endpointKey.slice(0, 10))),
                `and to the endpoint ${endpointKey}`
            );
        }
    },
    {
        name: 'at 1280 px the facts a decision needs stay on screen',
        run: async (page) => {
            await page.setViewportSize({ width: 1280, height: 900 });
            try {
                await openTab(page, 'Inference Log');
                const log = '[data-id="log-table"]';
                await page.locator(`${log} tbody tr`).first().waitFor({ timeout: 30000 });
                await page.locator(`${log} tbody tr`).first().getByRole('button', { name: 'Details' }).click();
                await page.locator('[data-id="detail-drawer"]').waitFor({ timeout: 20000 });
                await page.keyboard.press('Escape');
                await page.locator('[data-id="detail-drawer"]').waitFor({ state: 'detached' });
                const logHidden = await hiddenHeaders(page, log, ['Residency', 'Caller', 'Latency']);
                assert(logHidden.length === 0, `explorer columns cut or off-screen: ${logHidden.join(', ')}`);
                await openTab(page, 'Residency');
                await page.locator('[data-id="registry"] tbody tr').first().waitFor({ timeout: 30000 });
                const registryHidden = await hiddenHeaders(page, '[data-id="registry"]', [
                    'Status',
                    'DPA',
                    'Zero retention'
                ]);
                assert(registryHidden.length === 0, `registry columns cut: ${registryHidden.join(', ')}`);
                const rowHeader = page.locator('[data-id="residency-matrix"] th[scope="row"]').first();
                const before = await rowHeader.boundingBox();
                await page
                    .locator('[data-id="residency-matrix"]')
                    .evaluate((table) => ((table.parentElement as HTMLElement).scrollLeft = 10000));
                const after = await rowHeader.boundingBox();
                assert(before && after && Math.abs(before.x - after.x) < 2, 'matrix row headers stay in view');
                await shot(page, '04b-residency-1280');
                await openTab(page, 'Findings');
                const findings = '[data-id="findings-table"]';
                await page.locator(`${findings} tbody tr`).first().waitFor({ timeout: 30000 });
                const findingsHidden = await hiddenHeaders(page, findings, ['Finding', 'Severity', 'Status', 'SLA']);
                assert(findingsHidden.length === 0, `findings columns cut: ${findingsHidden.join(', ')}`);
            } finally {
                await page.setViewportSize({ width: 1440, height: 1000 });
            }
        }
    },
    {
        name: 'data-flow map marks overdue reviews and re-reviews one in place',
        run: async (page) => {
            await openTab(page, 'Data Flows');
            await page.locator('svg[data-id="flow-graph"] g.node_endpoint').first().waitFor({ timeout: 30000 });
            const overdue = await page.locator('tr[data-state="reviewOverdue"]').count();
            assert(overdue > 0, 'overdue reviews are listed');
            assert((await page.locator('path.edge_reviewOverdue').count()) === overdue, 'and drawn in the graph');
            await shot(page, '05-flows');
            await page.locator('tr[data-state="reviewOverdue"]').first().locator('[data-action="open"]').click();
            await page.locator('[data-id="flow-detail"]').waitFor();
            await shot(page, '05b-flow-detail');
            // A review records who reviewed and why: no note, no review.
            await page.locator('[data-id="flow-detail"] [data-action="review"] button').click();
            await page.locator('[data-id="action-error"]').waitFor();
            await page
                .locator('[data-id="flow-detail"] lightning-textarea[data-field="note"] textarea')
                .fill('Checked the minimisation and the endpoint terms this quarter.');
            // The note is committed on change (blur), as a user tabbing to the button does.
            await page.keyboard.press('Tab');
            await page.locator('[data-id="flow-detail"] [data-action="review"] button').click();
            await waitForToast(page, 'success', /Reviewed/);
            await page.locator('[data-id="close-detail"] button').click();
            await eventually(
                async () => (await page.locator('tr[data-state="reviewOverdue"]').count()) === overdue - 1,
                'one review fewer is overdue'
            );
        }
    },
    {
        name: 'a finding moves New → Triaged → InRemediation → Resolved, and RiskAccepted needs a justification',
        run: async (page) => {
            await openTab(page, 'Findings');
            const table = '[data-id="findings-table"]';
            await page.locator(`${table} tbody tr`).first().waitFor({ timeout: 30000 });
            await shot(page, '06-findings');
            const row = page
                .locator(`${table} tbody tr`, { hasText: 'New' })
                .filter({ hasNotText: 'Critical' })
                .first();
            const findingName = (await row.innerText()).match(/CF-\d{6}/)?.[0];
            assert(findingName, 'a New finding is listed');
            await row.locator('input.check').check();
            await page.locator('[data-id="bulk"]').waitFor();

            // RiskAccepted without a justification is refused before anything is sent.
            await chooseOption(page, '[data-id="bulk-status"]', 'Risk accepted');
            await page.locator('[data-id="bulk-apply"] button').click();
            await page.locator('[data-id="bulk-errors"]', { hasText: /justification/ }).waitFor();

            await chooseOption(page, '[data-id="bulk-status"]', 'Triaged');
            await chooseOption(page, '[data-id="bulk-assignee"]', 'Tom Okafor');
            await page.locator('[data-id="bulk-apply"] button').click();
            await waitForToast(page, 'success', /updated/);

            const findingsList = await apex<{ rows: { id: string; name: string; status: string }[] }>(
                page,
                'WardenFindingsController.getFindings',
                { query: {} }
            );
            const finding = findingsList.rows.find((candidate) => candidate.name === findingName);
            assert(finding && finding.status === 'Triaged', `${findingName} is Triaged`);

            await page
                .locator(`${table} tbody tr`, { hasText: findingName as string })
                .getByRole('button', { name: 'Open' })
                .click();
            await page.locator('[data-id="finding-detail"]').waitFor();
            await page
                .locator('[data-id="finding-detail"] lightning-button[data-status="InRemediation"] button')
                .click();
            await waitForToast(page, 'success', /updated/);
            await page.locator('[data-id="detail-status"]', { hasText: 'In remediation' }).waitFor({ timeout: 20000 });
            await page.locator('[data-id="finding-detail"] lightning-button[data-status="Resolved"] button').click();
            await page.locator('[data-id="detail-status"]', { hasText: 'Resolved' }).waitFor({ timeout: 20000 });
            const resolved = await apex<{ status: string; resolvedOn: string | null; assignedToName: string }>(
                page,
                'WardenFindingsController.getFinding',
                { findingId: finding.id }
            );
            assert(resolved.status === 'Resolved' && resolved.resolvedOn, 'the finding is Resolved with a date');
            assert(/Tom Okafor/.test(resolved.assignedToName), 'and assigned');
            await page.locator('[data-id="finding-detail"] .slds-panel__close button').click();
            await page.locator('[data-id="finding-drawer"]').waitFor({ state: 'detached' });
        }
    },
    {
        name: 'an Apex finding shows its code with the flagged line, the rule and the fix',
        run: async (page) => {
            await chooseOption(page, '[data-id="status-filter"]', 'All statuses');
            const table = '[data-id="findings-table"]';
            const apexRow = page.locator(`${table} tbody tr`, { hasText: 'soql-injection' }).first();
            await apexRow.waitFor({ timeout: 20000 });
            await apexRow.getByRole('button', { name: 'Open' }).click();
            await page.locator('[data-id="snippet"] .code__line_flagged').waitFor();
            assert(
                /SOQL injection/.test((await page.locator('[data-id="rule-title"]').textContent()) ?? ''),
                'rule title from the catalog'
            );
            assert(/bind/.test((await page.locator('[data-id="rule-fix"]').textContent()) ?? ''), 'the fix');
            await shot(page, '07-finding-detail');
            await page.locator('[data-id="finding-detail"] .slds-panel__close button').click();
            await page.locator('[data-id="finding-drawer"]').waitFor({ state: 'detached' });
        }
    },
    {
        name: 'a Critical closure waits for a second officer; the one who asked cannot approve it',
        run: async (page) => {
            type Row = { id: string; name: string; severity: string; requestedStatus: string | null };
            const rows = (await apex<{ rows: Row[] }>(page, 'WardenFindingsController.getFindings', { query: {} }))
                .rows;
            const pending = rows.find((row) => row.severity === 'Critical' && row.requestedStatus === 'Resolved');
            assert(pending, 'a Critical closure is waiting for a second person');
            const table = '[data-id="findings-table"]';
            const open = async () => {
                await page
                    .locator(`${table} tbody tr`, { hasText: pending.name })
                    .getByRole('button', { name: 'Open' })
                    .click();
                await page.locator('[data-id="request-summary"]').waitFor({ timeout: 20000 });
            };
            await open();
            await page.locator('[data-id="own-request"]').waitFor();
            assert((await page.locator('[data-id="approve"]').count()) === 0, 'the requester is offered no approval');
            await page.locator('[data-id="finding-detail"] .slds-panel__close button').click();

            const users = await apex<{ id: string; name: string }[]>(page, 'WardenFindingsController.getAssignees', {});
            const second = users.find((user) => /Delgado/.test(user.name));
            assert(second, 'a second compliance officer');
            const base = page.url().split('?')[0];
            await page.goto(`${base}?as=${second.id}&tab=findings`);
            await page.locator(`${table} tbody tr`).first().waitFor({ timeout: 30000 });
            await open();
            await page.locator('[data-id="approve"] button').click();
            await page.locator('[data-id="detail-status"]', { hasText: 'Resolved' }).waitFor({ timeout: 20000 });
            const decided = await apex<{
                status: string;
                approvedByName: string | null;
                history: { action: string }[];
            }>(page, 'WardenFindingsController.getFinding', { findingId: pending.id });
            assert(decided.status === 'Resolved', 'the closure is made');
            assert(/Delgado/.test(decided.approvedByName ?? ''), 'by the second officer');
            assert(
                decided.history.some((change) => change.action === 'Approved'),
                'and the history records the approval'
            );
            await shot(page, '07b-four-eyes');
            await page.goto(`${base}?tab=findings`);
            await page.locator(`${table} tbody tr`).first().waitFor({ timeout: 30000 });
        }
    },
    {
        name: 'audit verifies the chain, exports evidence and verifies an exported file in the browser',
        run: async (page) => {
            await openTab(page, 'Audit');
            await page.locator('[data-id="chain-head-hash"]').waitFor({ timeout: 30000 });
            await page.locator('[data-id="verify-org"] button').click();
            await page.locator('[data-id="verify-result"] p', { hasText: 'Intact' }).waitFor({ timeout: 180000 });

            const [json] = await Promise.all([
                page.waitForEvent('download'),
                page.locator('[data-id="evidence-json"] button').click()
            ]);
            const jsonPath = join(downloads, json.suggestedFilename());
            await json.saveAs(jsonPath);
            const pack = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
                format: string;
                chainHead: { entryHash: string };
                flows: unknown[];
            };
            assert(
                pack.format === 'warden-dpia-evidence' &&
                    pack.chainHead.entryHash.length === 64 &&
                    pack.flows.length > 0,
                'evidence pack JSON'
            );

            const [csv] = await Promise.all([
                page.waitForEvent('download'),
                page.locator('[data-id="evidence-csv"] button').click()
            ]);
            const csvPath = join(downloads, csv.suggestedFilename());
            await csv.saveAs(csvPath);
            assert(readFileSync(csvPath, 'utf8').startsWith('name,rule,severity'), 'findings CSV');

            const [html] = await Promise.all([
                page.waitForEvent('download'),
                page.locator('[data-id="evidence-html"] button').click()
            ]);
            const htmlPath = join(downloads, html.suggestedFilename());
            await html.saveAs(htmlPath);
            const report = readFileSync(htmlPath, 'utf8');
            assert(/<h1>Warden DPIA evidence report<\/h1>/.test(report), 'printable report');
            assert(
                ['dpia', 'hipaa', 'nist-ai-rmf'].every((id) => report.includes(`data-document="${id}"`)),
                'with the DPIA, the HIPAA safeguards and the NIST AI RMF profile'
            );

            const [log] = await Promise.all([
                page.waitForEvent('download'),
                page.locator('[data-id="export-log"] button').click()
            ]);
            const logPath = join(downloads, log.suggestedFilename());
            await log.saveAs(logPath);
            await page.locator('[data-id="verify-file"] input[type="file"]').setInputFiles(logPath);
            await page.locator('[data-id="file-result"]', { hasText: 'intact' }).waitFor({ timeout: 60000 });

            const records = JSON.parse(readFileSync(logPath, 'utf8')) as Record<string, unknown>[];
            records[10].Reasons__c = 'edited after the fact';
            await page.locator('[data-id="verify-file"] input[type="file"]').setInputFiles({
                name: 'tampered.json',
                mimeType: 'application/json',
                buffer: Buffer.from(JSON.stringify(records))
            });
            await page
                .locator('[data-id="file-result"]', { hasText: 'breaks at sequence' })
                .waitFor({ timeout: 60000 });
            await shot(page, '08-audit');
        }
    },
    {
        name: 'policy simulator shows what Enforce and Monitor would send, redacted, and why',
        run: async (page) => {
            await openTab(page, 'Policy Simulator');
            await page.locator('[data-id="run"] button:not([disabled])').waitFor({ timeout: 30000 });
            await page.locator('[data-id="run"] button').click();
            // Monitor (the second panel) shows the redacted text even where Enforce would block.
            const monitorPrompt = page.locator('[data-id="mode"]').nth(1).locator('[data-id="redacted-prompt"]');
            await monitorPrompt.waitFor({ timeout: 30000 });
            const prompt = (await monitorPrompt.textContent()) ?? '';
            assert(
                !prompt.includes('48213377') &&
                    !prompt.includes('1234567') &&
                    !prompt.includes('ada.albrecht@example.org'),
                `PHI is redacted: ${prompt}`
            );
            assert((await page.locator('[data-id="reasons"] li').count()) >= 3, 'the reasons are listed');
            await shot(page, '09-simulator');
        }
    },
    {
        name: 'erasure: the admin asks, the asker cannot decide, a second officer approves and the receipt is chained',
        run: async (page) => {
            const [record] = await apex<{ id: string }[]>(page, 'WardenSimulatorController.getSimulationRecords', {});
            assert(record, 'a demo patient');
            await openTab(page, 'Erasure');
            const request = page.locator('[data-id="request"] button');
            await request.waitFor({ timeout: 30000 });
            await request.click();
            await page.locator('[data-field="subject"]', { hasText: 'Enter the patient' }).waitFor();
            await page.locator('[data-field="subject"] input').fill(record.id);
            await page.locator('[data-field="justification"] textarea').fill('GDPR Art. 17 request DSR-2026-0042');
            await request.click();
            await waitForToast(page, 'success');
            const row = page.locator('[data-id="requests"] tbody tr').first();
            await row.locator('[data-id="status"]', { hasText: 'Waiting' }).waitFor({ timeout: 20000 });
            assert((await page.locator('[data-id="decide"]').count()) === 0, 'the asker is offered no decision');
            await shot(page, '10a-erasure-request');

            const users = await apex<{ id: string; name: string }[]>(page, 'WardenFindingsController.getAssignees', {});
            const second = users.find((user) => /Delgado/.test(user.name));
            assert(second, 'a second compliance officer');
            const base = page.url().split('?')[0];
            await page.goto(`${base}?as=${second.id}&tab=erasure`);
            await page.locator('[data-id="decide"] button').first().click();
            await page.locator('[data-field="note"] textarea').waitFor({ timeout: 20000 });
            await shot(page, '10b-erasure-decide');
            await page.locator('[data-id="approve"] button').click();
            await page
                .locator('[data-id="requests"] [data-id="receipt"]', { hasText: /Entry \d+ of the chain/ })
                .first()
                .waitFor({ timeout: 20000 });
            await shot(page, '10c-erasure-receipt');
            await page.goto(base);
            await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ timeout: 30000 });
        }
    },
    {
        name: 'live entries stream into the explorer',
        run: async (page) => {
            await openTab(page, 'Inference Log');
            // Resume the stream unless a reload (the four-eyes check acts as another user) already did.
            if (!(await page.locator('[data-id="live-toggle"] input').first().isChecked())) {
                await page.locator('[data-id="live-toggle"] label').first().click();
            }
            await page.locator('[data-id="reset"] button').click();
            await page.locator('[data-id="live-count"]').waitFor({ timeout: 30000 });
        }
    },
    {
        name: "the overview's chart days and due-first findings work from the keyboard",
        run: async (page) => {
            await openTab(page, 'Overview');
            const stop = page.locator('svg[data-id="calls-chart"] g.day[tabindex="0"]');
            assert((await stop.count()) === 1, 'the chart days are one tab stop');
            await stop.focus();
            await page.keyboard.press('ArrowLeft');
            const focused = page.locator('svg[data-id="calls-chart"] g.day:focus');
            await focused.waitFor();
            const day = (await focused.getAttribute('data-day')) ?? '';
            const tooltip = (await page.locator('[data-id="chart-tooltip"]').textContent()) ?? '';
            assert(/\d+ calls/.test(tooltip), `the focused day has a tooltip with its calls: ${tooltip}`);
            await page.keyboard.press('Enter');
            const from = page.locator('lightning-input[data-filter="fromDay"]');
            await eventually(
                async () => (await from.evaluate((input) => (input as HTMLInputElement).value)) === day,
                `Enter opens the explorer on ${day}`
            );
            await openTab(page, 'Overview');
            const finding = page.locator('[data-id="urgent"] button').first();
            const name = ((await finding.textContent()) ?? '').trim();
            await finding.focus();
            await page.keyboard.press('Enter');
            await page.locator('[data-id="finding-detail"]', { hasText: name }).waitFor({ timeout: 20000 });
            await page.locator('[data-id="finding-detail"] .slds-panel__close button').click();
            await page.locator('[data-id="finding-drawer"]').waitFor({ state: 'detached' });
        }
    },
    {
        name: 'a user without the permission set gets a readable message',
        run: async (page) => {
            await page.goto(`${page.url().split('?')[0]}?nopermission`);
            const alert = page.locator('[role="alert"]', { hasText: 'WardenComplianceOfficer' }).first();
            await alert.waitFor({ timeout: 30000 });
            assert(!/Exception|line \d+/.test((await alert.textContent()) ?? ''), 'no stack trace');
            await shot(page, '10-no-permission');
        }
    }
];

async function main(): Promise<number> {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    let preview: StartedPreview | undefined;
    let browser: { context: BrowserContext; close(): Promise<void> } | undefined;
    let passed = 0;
    let failed = 0;
    try {
        preview = await startPreview({ root, port: 0, build: true, seed: 20261122, liveIntervalMs: 1500 }, (line) =>
            process.stdout.write(`${line}\n`)
        );
        browser = await launchChromium(downloads);
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(preview.url);
        for (const check of checks) {
            const started = Date.now();
            try {
                await check.run(page);
                assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
                passed++;
                process.stdout.write(`✓ ${check.name} (${Date.now() - started} ms)\n`);
            } catch (error) {
                failed++;
                errors.length = 0;
                process.stdout.write(`✗ ${check.name}\n    ${(error as Error).message.split('\nCall log:')[0]}\n`);
                await page
                    .screenshot({ path: join(shots, `failed-${passed + failed}.png`), fullPage: true })
                    .catch(() => undefined);
            }
        }
    } finally {
        await browser?.close();
        await preview?.close();
    }
    process.stdout.write(`\nScreenshots in ${shots}\n${passed} passed, ${failed} failed\n`);
    return failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (error: Error) => {
            process.stderr.write(`e2e: ${error.message}\n0 passed, 1 failed\n`);
            process.exitCode = 1;
        }
    );
}
