/**
 * `pmd`: PMD's Apex rules (every rule tagged Apex, AppExchange security rules included) through
 * Salesforce Code Analyzer's core and PMD engine, over all Apex of all package directories. Code
 * Analyzer itself always exits 0, so this wrapper is what fails the build: any violation of a rule
 * tagged Security, or of severity 1 (Critical) or 2 (High), fails the step; lower ones are notes.
 * A file PMD could not process, or an engine that could not start (no Java), fails it too.
 */
import { displayPath } from '../../../cli/lib/project';
import { runCodeAnalyzer, SEVERITY_NAMES } from '../code-analyzer';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const PMD_RULE_SELECTOR = 'pmd:Apex';
/** Severity levels of Code Analyzer: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info. */
export const FAILING_SEVERITY = 2;

/** True when a violation of this rule fails the build. */
export function failsBuild(severity: number, tags: readonly string[]): boolean {
    return severity <= FAILING_SEVERITY || tags.includes('Security');
}

const PROCESSING_ERROR = /processing error for file '([^']+)':?\s*([\s\S]*)$/;
/** PMD's Apex parser (Summit) says "Syntax error at 3:0" with a 0-based column. */
const SYNTAX_ERROR_AT = /Syntax error at (\d+):(\d+)/;

export const pmdStep: CheckStep = {
    name: 'pmd',
    description: `PMD Apex rules (${PMD_RULE_SELECTOR}) via Code Analyzer; Security-tagged or severity 1-2 fail`,
    async run(ctx) {
        let run;
        try {
            run = await runCodeAnalyzer({
                root: ctx.root,
                engine: 'pmd',
                plugin: async () => (await import('@salesforce/code-analyzer-pmd-engine')).createEnginePlugin(),
                engines: {
                    pmd: { java_command: 'java', rule_languages: ['apex'] },
                    cpd: { disable_engine: true }
                },
                selector: PMD_RULE_SELECTOR,
                targets: ctx.targets
            });
        } catch (error) {
            if (/^no rules matched/.test((error as Error).message)) {
                return unitResult([{ message: (error as Error).message }]);
            }
            throw error;
        }
        if (!run) {
            return unitResult([], '0 Apex files: nothing for PMD to analyse');
        }
        const problems: Problem[] = [];
        let failing = 0;
        let notes = 0;
        for (const violation of run.violations) {
            const { severity, tags } = violation;
            const fails = failsBuild(severity, tags);
            if (fails) {
                failing += 1;
            } else {
                notes += 1;
            }
            const label = `${violation.rule}, ${SEVERITY_NAMES[severity] ?? severity}${tags.includes('Security') ? ', Security' : ''}`;
            problems.push({
                ...violation.primary,
                message: `${oneLine(violation.message)} [${label}]`,
                severity: fails ? 'error' : 'note'
            });
        }
        let unanalysable = 0;
        for (const message of run.engineErrors) {
            const processing = PROCESSING_ERROR.exec(message);
            if (processing) {
                unanalysable += 1;
                const position = SYNTAX_ERROR_AT.exec(processing[2]);
                problems.push({
                    file: displayPath(ctx.root, processing[1]),
                    line: position ? Number(position[1]) : undefined,
                    column: position ? Number(position[2]) + 1 : undefined,
                    message: `PMD could not analyse this file: ${oneLine(processing[2].replace(/^[\s\S]*?(Syntax error)/, '$1'), 200)}`
                });
            } else {
                problems.push({ message: `Code Analyzer: ${oneLine(message, 400)}` });
            }
        }
        problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
        const engineVersion = run.engineVersion ? ` (pmd engine ${run.engineVersion})` : '';
        return unitResult(
            problems,
            `${plural(run.apexFiles, 'Apex file')}, ${plural(run.ruleCount, 'rule')}, ${failing} failing, ${plural(notes, 'note')}, ${unanalysable} unanalysable${engineVersion}`
        );
    }
};
