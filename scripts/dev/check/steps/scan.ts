/**
 * Step `scan`: Warden's own scanner on Warden's own package (dogfooding). Any unsuppressed finding,
 * of any severity, fails the build; a deliberate exception needs a `warden:ignore <rule> <reason>`
 * comment next to the code, where a reviewer sees it.
 */
import { scanProject } from '../../../cli/scan/engine';
import { CheckStep, plural, Problem, unitResult } from '../step';

export const scanStep: CheckStep = {
    name: 'scan',
    description: 'warden scan on our own force-app: no unsuppressed finding of any severity',
    async run(ctx) {
        const result = scanProject(ctx.root);
        const problems: Problem[] = result.findings.map((finding) => ({
            file: finding.file,
            line: finding.line,
            column: finding.column,
            message: `[${finding.severity}] ${finding.ruleId}: ${finding.message}`
        }));
        return unitResult(
            problems,
            `${plural(result.findings.length, 'finding')}, ${result.suppressed.length} suppressed with a reason`
        );
    }
};
