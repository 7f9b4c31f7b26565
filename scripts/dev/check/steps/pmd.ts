/**
 * `pmd`: PMD's Apex rules (every rule tagged Apex, AppExchange security rules included) through
 * Salesforce Code Analyzer's core and PMD engine, over all Apex of all package directories. Code
 * Analyzer itself always exits 0, so this wrapper is what fails the build: any violation of a rule
 * tagged Security, or of severity 1 (Critical) or 2 (High), fails the step; lower ones are notes.
 * A file PMD could not process, or an engine that could not start (no Java), fails it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineLogEvent, LogEvent, Violation } from '@salesforce/code-analyzer-core';
import { displayPath, loadProject, projectSourceFiles } from '../../../cli/lib/project';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const PMD_RULE_SELECTOR = 'pmd:Apex';
/** Severity levels of Code Analyzer: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info. */
export const FAILING_SEVERITY = 2;
const SEVERITY_NAMES = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];

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
        const project = loadProject(ctx.root);
        const apexFiles = projectSourceFiles(project).filter((file) => /\.(cls|trigger)$/i.test(file));
        if (apexFiles.length === 0) {
            return unitResult([], '0 Apex files: nothing for PMD to analyse');
        }
        const { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } =
            await import('@salesforce/code-analyzer-core');
        const { createEnginePlugin } = await import('@salesforce/code-analyzer-pmd-engine');
        const workFolder = mkdtempSync(join(tmpdir(), 'warden-pmd-'));
        try {
            const config = CodeAnalyzerConfig.fromObject(
                {
                    log_folder: workFolder,
                    root_working_folder: workFolder,
                    engines: {
                        pmd: { java_command: 'java', rule_languages: ['apex'] },
                        cpd: { disable_engine: true }
                    }
                },
                ctx.root
            );
            const analyzer = new CodeAnalyzer(config);
            const problems: Problem[] = [];
            const engineErrors: string[] = [];
            analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (event) => {
                if (event.logLevel === LogLevel.Error) {
                    engineErrors.push(event.message);
                }
            });
            analyzer.onEvent<LogEvent>(EventType.LogEvent, (event) => {
                if (event.logLevel === LogLevel.Error) {
                    engineErrors.push(event.message);
                }
            });
            await analyzer.addEnginePlugin(createEnginePlugin());
            const workspace = await analyzer.createWorkspace(project.packageDirectories.map((pkg) => pkg.absolutePath));
            const rules = await analyzer.selectRules([PMD_RULE_SELECTOR], { workspace });
            if (rules.getCount() === 0) {
                return unitResult([{ message: `no rules matched ${PMD_RULE_SELECTOR}: is the PMD engine installed?` }]);
            }
            const results = await analyzer.run(rules, { workspace });
            let failing = 0;
            let notes = 0;
            for (const violation of results.getViolations() as Violation[]) {
                const rule = violation.getRule();
                const severity = rule.getSeverityLevel();
                const tags = rule.getTags();
                const fails = failsBuild(severity, tags);
                const location = violation.getPrimaryLocation();
                const file = location.getFile();
                if (fails) {
                    failing += 1;
                } else {
                    notes += 1;
                }
                const label = `${rule.getName()}, ${SEVERITY_NAMES[severity] ?? severity}${tags.includes('Security') ? ', Security' : ''}`;
                problems.push({
                    file: file ? displayPath(ctx.root, file) : undefined,
                    line: location.getStartLine(),
                    column: location.getStartColumn(),
                    message: `${oneLine(violation.getMessage())} [${label}]`,
                    severity: fails ? 'error' : 'note'
                });
            }
            let unanalysable = 0;
            for (const message of engineErrors) {
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
            const engineVersion = results.getEngineNames().includes('pmd')
                ? ` (pmd engine ${results.getEngineRunResults('pmd').getEngineVersion()})`
                : '';
            return unitResult(
                problems,
                `${plural(apexFiles.length, 'Apex file')}, ${plural(rules.getCount(), 'rule')}, ${failing} failing, ${plural(notes, 'note')}, ${unanalysable} unanalysable${engineVersion}`
            );
        } finally {
            rmSync(workFolder, { recursive: true, force: true });
        }
    }
};
