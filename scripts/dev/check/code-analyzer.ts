/**
 * The one way check steps run Salesforce Code Analyzer (core + one engine plugin) over every package
 * directory of a project: a throwaway working folder, engine errors collected from the log events,
 * and each violation flattened to plain data (rule, severity, tags, locations, message). The `pmd` and
 * `sfge` steps decide what fails the build from that data; Code Analyzer itself never fails anything.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CodeAnalyzer, EngineLogEvent, LogEvent, Violation } from '@salesforce/code-analyzer-core';
import { UsageError } from '../../cli/lib/errors';
import { displayPath, loadProject, projectSourceFiles } from '../../cli/lib/project';

/** Severity levels of Code Analyzer: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info. */
export const SEVERITY_NAMES = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];

/** The engine API's plugin type, which core takes but does not re-export. */
type EnginePlugin = Parameters<CodeAnalyzer['addEnginePlugin']>[0];

export type AnalyzerLocation = { file?: string; line?: number; column?: number };

export type AnalyzerViolation = {
    rule: string;
    severity: number;
    tags: string[];
    message: string;
    /** The location the engine calls primary (for SFGE, the sink: the query or the dereference). */
    primary: AnalyzerLocation;
    /** Every location, in the engine's order (for SFGE: the entry point first, then the sink). */
    locations: AnalyzerLocation[];
};

export type AnalyzerRun = {
    apexFiles: number;
    ruleCount: number;
    violations: AnalyzerViolation[];
    /** Error-level log messages of the engine and of Code Analyzer, as written. */
    engineErrors: string[];
    engineVersion?: string;
};

export type AnalyzerOptions = {
    root: string;
    /** The engine's name in Code Analyzer ('pmd', 'sfge'). */
    engine: string;
    plugin: () => Promise<EnginePlugin>;
    /** The `engines` section of the Code Analyzer configuration. */
    engines: Record<string, unknown>;
    /** Rule selector, e.g. 'pmd:Apex' or 'sfge'. */
    selector: string;
    /**
     * Files or folders (relative to root) to analyse instead of every package directory; the package directories
     * stay the workspace, so calls into other classes still resolve. Undefined: everything.
     */
    targets?: string[];
};

function location(root: string, file: string | undefined, line?: number, column?: number): AnalyzerLocation {
    return { file: file ? displayPath(root, file) : undefined, line, column };
}

/**
 * Runs the selected rules over all package directories. Returns undefined for a project with no
 * Apex (nothing to analyse); throws when no rule matches the selector (an engine that is missing).
 */
export async function runCodeAnalyzer(options: AnalyzerOptions): Promise<AnalyzerRun | undefined> {
    const project = loadProject(options.root);
    const targets = options.targets?.map((target) => resolve(options.root, target));
    const missing = targets?.filter((target) => !existsSync(target)) ?? [];
    if (missing.length > 0) {
        throw new UsageError(
            `no such target: ${missing.map((target) => displayPath(options.root, target)).join(', ')}`
        );
    }
    const apexFiles = projectSourceFiles(project).filter(
        (file) =>
            /\.(cls|trigger)$/i.test(file) &&
            (targets === undefined || targets.some((target) => file === target || file.startsWith(`${target}/`)))
    );
    if (apexFiles.length === 0) {
        return undefined;
    }
    const core = await import('@salesforce/code-analyzer-core');
    const { EventType, LogLevel } = core;
    const workFolder = mkdtempSync(join(tmpdir(), `warden-${options.engine}-`));
    try {
        const config = core.CodeAnalyzerConfig.fromObject(
            { log_folder: workFolder, root_working_folder: workFolder, engines: options.engines },
            options.root
        );
        const analyzer = new core.CodeAnalyzer(config);
        const engineErrors: string[] = [];
        const collect = (event: EngineLogEvent | LogEvent): void => {
            if (event.logLevel === LogLevel.Error) {
                engineErrors.push(event.message);
            }
        };
        analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, collect);
        analyzer.onEvent<LogEvent>(EventType.LogEvent, collect);
        await analyzer.addEnginePlugin(await options.plugin());
        const workspace = await analyzer.createWorkspace(
            project.packageDirectories.map((pkg) => pkg.absolutePath),
            targets
        );
        const rules = await analyzer.selectRules([options.selector], { workspace });
        if (rules.getCount() === 0) {
            throw new Error(`no rules matched ${options.selector}: is the ${options.engine} engine installed?`);
        }
        const results = await analyzer.run(rules, { workspace });
        const violations = (results.getViolations() as Violation[]).map((violation): AnalyzerViolation => {
            const rule = violation.getRule();
            const primary = violation.getPrimaryLocation();
            return {
                rule: rule.getName(),
                severity: rule.getSeverityLevel(),
                tags: rule.getTags(),
                message: violation.getMessage(),
                primary: location(options.root, primary.getFile(), primary.getStartLine(), primary.getStartColumn()),
                locations: violation
                    .getCodeLocations()
                    .map((each) => location(options.root, each.getFile(), each.getStartLine(), each.getStartColumn()))
            };
        });
        const engineVersion = results.getEngineNames().includes(options.engine)
            ? results.getEngineRunResults(options.engine).getEngineVersion()
            : undefined;
        return { apexFiles: apexFiles.length, ruleCount: rules.getCount(), violations, engineErrors, engineVersion };
    } finally {
        rmSync(workFolder, { recursive: true, force: true });
    }
}
