/**
 * The rule catalog the console shows beside a finding (title, what it checks and how to fix it), taken
 * from the scanner's own rule definitions so there is one text per rule. It ships as the static resource
 * WardenRuleCatalog, which WardenFindingsController reads in the org and the preview reads from disk.
 * Regenerate it with `npx tsx scripts/dev/preview/ruleCatalog.ts` after changing a rule's texts; the `generated`
 * step of `npm test` runs it with --check, so a stale resource fails the checks before any test does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, ENGINE_RULES } from '../../cli/scan/rules';
import { runGenerator } from '../generate/write-generated';

export type RuleCatalogEntry = { title: string; summary: string; description: string };
export type RuleCatalog = { format: 'warden-rule-catalog'; version: 1; rules: Record<string, RuleCatalogEntry> };

export const RULE_CATALOG_PATH = join('force-app', 'main', 'console', 'staticresources', 'WardenRuleCatalog.resource');

export function buildRuleCatalog(): RuleCatalog {
    const rules: Record<string, RuleCatalogEntry> = {};
    for (const rule of [...ALL_RULES, ...ENGINE_RULES].sort((a, b) => a.id.localeCompare(b.id))) {
        rules[rule.id] = { title: rule.title, summary: rule.summary, description: rule.description };
    }
    return { format: 'warden-rule-catalog', version: 1, rules };
}

export function ruleCatalogText(): string {
    return `${JSON.stringify(buildRuleCatalog(), null, 2)}\n`;
}

/** The committed catalog (what the org has), or an empty one when the file is missing or unreadable. */
export function readRuleCatalog(root: string): RuleCatalog {
    try {
        return JSON.parse(readFileSync(join(root, RULE_CATALOG_PATH), 'utf8')) as RuleCatalog;
    } catch {
        return { format: 'warden-rule-catalog', version: 1, rules: {} };
    }
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'rule-catalog',
        "Writes the scanner rules' titles and texts into the static resource the console reads.",
        () => [{ path: RULE_CATALOG_PATH, text: ruleCatalogText() }]
    );
}
