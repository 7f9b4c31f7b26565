/**
 * Step `generated`: files that are generated from a single source must match a fresh generation.
 * The PhiPattern__mdt records are the source of the shared module's pattern list, the
 * ComplianceFinding__c picklists the source of c/findingPicklists, the tables of
 * docs/finding-workflow.md the source of the finding-workflow vectors, the hand-written expectations of the
 * deadline and governance generators the source of their vectors, the table of
 * scripts/dev/generate/gate-policy-table.ts the source of the gate policy vectors, c/evidenceTemplates the source of
 * the static resource the Apex evidence documents read, the scanner's rule definitions the rule catalog the
 * console shows, and the Apex tests and Jest
 * read the same test vectors; a hand edit to one side would let Apex and TypeScript drift apart silently. Each generator's --check mode compares without writing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../lib/exec';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const GENERATORS: ReadonlyArray<{ script: string; fix: string }> = [
    { script: 'scripts/dev/generate/patterns.ts', fix: 'npm run build:patterns' },
    { script: 'scripts/dev/generate/redaction-vectors.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/chain-vectors.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/finding-workflow.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/gate-policy-vectors.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/policy-schema.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/sla-vectors.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/governance-vectors.ts', fix: 'npm run build:vectors' },
    { script: 'scripts/dev/generate/finding-picklists.ts', fix: 'npm run build:picklists' },
    { script: 'scripts/dev/generate/evidence-templates.ts', fix: 'npx tsx scripts/dev/generate/evidence-templates.ts' },
    { script: 'scripts/dev/preview/ruleCatalog.ts', fix: 'npx tsx scripts/dev/preview/ruleCatalog.ts' }
];

export const generatedStep: CheckStep = {
    name: 'generated',
    description: 'generated pattern list and shared test vectors equal a fresh generation from their sources',
    async run(ctx) {
        const tsx = join(ctx.root, 'node_modules', '.bin', 'tsx');
        const present = GENERATORS.filter((generator) => existsSync(join(ctx.root, generator.script)));
        const problems: Problem[] = [];
        for (const generator of present) {
            const result = await runProcess(tsx, [generator.script, '--check'], { cwd: ctx.root });
            if (result.code !== 0) {
                const output = oneLine(`${result.stdout}\n${result.stderr}`.trim() || `exit code ${result.code}`);
                problems.push({
                    file: generator.script,
                    message: `generated output is stale (${output}); run ${generator.fix}`
                });
            }
        }
        return unitResult(problems, `${plural(present.length, 'generator')} checked`);
    }
};
