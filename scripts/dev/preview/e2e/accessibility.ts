/**
 * axe-core in the e2e browser: injects the axe-core devDependency into the page and reports every violation of
 * its default rule set (WCAG 2.x A/AA and best practices) as one readable line per rule and element, so that a
 * screen that is not clean fails `npm run test:e2e` with what to fix.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

let axeSource: string | undefined;

/** The violations axe-core finds in the page as it is now; an empty list when it is clean. */
export async function axeViolations(page: Page): Promise<string[]> {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    if (!(await page.evaluate(() => 'axe' in window))) {
        await page.addScriptTag({ content: axeSource });
    }
    // resultTypes: only violations are reported in full; passes are not collected node by node, which makes a
    // screen with long tables (the consent screen) several times faster to check.
    const results = (await page.evaluate(() =>
        (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(
            document,
            { resultTypes: ['violations'] }
        )
    )) as AxeResults;
    return results.violations.flatMap((violation) =>
        violation.nodes.map(
            (node) => `${violation.id} (${violation.impact ?? 'minor'}): ${node.target.join(' ')} - ${violation.help}`
        )
    );
}
