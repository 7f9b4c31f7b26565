/**
 * The scanner engine: source files in, findings out. Each Apex file is parsed once (apex/parser),
 * turned into the shared per-file model, and every rule runs over those models and
 * the project context (PHI classification, LLM endpoints, class index). Metadata XML and seed data
 * are read once. Bad input never stops a scan: unparsable files become `parse-error` findings and
 * binary, empty, oversized or non-UTF-8 files become `skipped-file` findings.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../lib/project';
import { CallGraph } from './apex/callgraph';
import { Budget, withDeadline } from './budget';
import { buildTree } from './apex/tree';
import type { ApexFile } from './apex/model';
import { apexUnitKind as apexKindOf } from '../lib/apex-kind';
import { defaultConfig, excludedBy, loadConfig, ScanConfig } from './config';
import {
    filesToScan,
    isRelevant,
    isSeedCandidate,
    readSource,
    ScanInputError,
    unscannableReason,
    type Skipped
} from './files';
import { buildClassIndex, buildClassification, buildLlmRegistry, ProjectContext } from './context';
import { metadataKindOf, readMetadata } from './metadata/read';
import { addFileNote, displaySnippet, FindingCollector, fingerprinted, type FileNote } from './findings';
import { ALL_RULES } from './rules';
import type { ApexReport, FileReport, RuleContext, RuleDefinition } from './rules/rule';
import { applySuppressions } from './suppress';
import type { ScanResult, Severity, SourceFile } from './types';

export type ScanOptions = {
    config?: ScanConfig;
    /** Only these rule ids (engine diagnostics such as parse-error always run). */
    rules?: string[];
    /** Called after each Apex file is parsed. */
    onProgress?: (done: number, total: number) => void;
    /** How long parsing one file or analysing one method may take (budget.ts); for tests. */
    budgetMs?: number;
};

export type ProjectScanOptions = ScanOptions & { configFile?: string };

function countLines(text: string): number {
    let lines = 1;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        lines += 1;
    }
    return lines;
}

/** Scans in-memory sources. Paths are as displayed (relative, forward slashes). */
export function scanSources(files: SourceFile[], options: ScanOptions = {}): ScanResult {
    return scanInternal(files, options, []);
}

/** The files the rules read, and those that cannot be scanned with the reason. */
function partition(
    files: SourceFile[],
    config: ScanConfig,
    preSkipped: Skipped
): { scannable: SourceFile[]; skipped: Skipped } {
    const excluded = excludedBy(config.exclude);
    const skipped = [...preSkipped];
    const scannable: SourceFile[] = [];
    for (const file of files) {
        if (excluded(file.path)) {
            continue;
        }
        if (isSeedCandidate(file)) {
            scannable.push(file);
            continue;
        }
        if (!isRelevant(file.path)) {
            continue;
        }
        const reason = unscannableReason(file);
        if (reason) {
            skipped.push({ path: file.path, reason });
        } else {
            scannable.push(file);
        }
    }
    return { scannable, skipped };
}

/** Parses each Apex file once; a file that does not parse becomes a parse-error finding. */
function parseApexSources(
    apexSources: SourceFile[],
    note: (ruleId: string) => (fields: FileNote) => void,
    onProgress: ScanOptions['onProgress'],
    budgetMs: number
): { apexFiles: ApexFile[]; parseMs: number; apexLines: number } {
    const apexFiles: ApexFile[] = [];
    let parseMs = 0;
    let apexLines = 0;
    apexSources.forEach((file, index) => {
        const parseStart = performance.now();
        const lines = countLines(file.content);
        apexLines += lines;
        const result = withDeadline(budgetMs, () => buildTree(file.path, file.content, lines));
        parseMs += performance.now() - parseStart;
        const problem = result.problem;
        if (problem?.budget) {
            note('skipped-file')({
                path: file.path,
                line: 1,
                column: 1,
                message: `Not analysed: parsing ${problem.message.replace(/^it /, '')}. The file was not scanned.`,
                snippet: '',
                fingerprintText: 'parse budget'
            });
        } else if (problem) {
            note('parse-error')({
                path: file.path,
                line: problem.line,
                column: problem.column,
                message: problem.tooDeep
                    ? `Not analysed: the ${problem.message}. The file was not scanned.`
                    : `Syntax error: ${problem.message}. The file was not scanned.`,
                snippet: (file.content.split('\n')[problem.line - 1] ?? '').trim().slice(0, 240),
                fingerprintText: problem.message
            });
        } else {
            apexFiles.push(result.file);
        }
        onProgress?.(index + 1, apexSources.length);
    });
    return { apexFiles, parseMs, apexLines };
}

/**
 * A file whose analysis overran its budget is reported as skipped and its findings withdrawn: what was
 * found before the overrun is only part of the picture, and a partial answer must not read as a full one.
 */
function withdrawOverrun(
    collector: FindingCollector,
    budget: Budget,
    note: (ruleId: string) => (fields: FileNote) => void
): void {
    if (budget.overrun.size === 0) {
        return;
    }
    let kept = 0;
    for (const finding of collector.pending) {
        if (!budget.overrun.has(finding.file)) {
            collector.pending[kept++] = finding;
        }
    }
    collector.pending.length = kept;
    for (const [path, reason] of budget.overrun) {
        note('skipped-file')({
            path,
            line: 1,
            column: 1,
            message: `Not analysed: ${reason}. Its findings are left out; the rest of the project was scanned.`,
            snippet: '',
            fingerprintText: 'analysis budget'
        });
    }
}

/** What a rule sees: the project, a memo shared by the rules, and where its findings go. */
function ruleContext(
    rule: RuleDefinition,
    project: ProjectContext,
    memo: Map<string, unknown>,
    collector: FindingCollector,
    severityOverrides: Record<string, Severity>
): RuleContext {
    return {
        project,
        memo<T>(key: string, compute: () => T): T {
            if (!memo.has(key)) {
                memo.set(key, compute());
            }
            return memo.get(key) as T;
        },
        reportApex(report: ApexReport) {
            const file = report.file;
            const source = file.source.slice(report.span.start, report.span.end);
            const firstLine = source.split('\n')[0];
            collector.add(rule, severityOverrides, {
                componentType: file.componentType,
                componentName: file.componentName,
                defaultCategory: file.componentType === 'ApexTrigger' ? 'ApexTrigger' : 'ApexClass',
                category: report.category,
                severity: report.severity,
                file: file.path,
                line: report.span.line,
                column: report.span.column,
                endLine: report.span.endLine,
                message: report.message,
                snippet: displaySnippet(report.snippet ?? (source.length > 240 ? firstLine : source)),
                member: report.member === '' ? undefined : (report.member ?? report.unit?.member),
                fingerprintText: report.snippet ?? source.slice(0, 2000),
                discriminator: report.discriminator
            });
        },
        reportFile(report: FileReport) {
            collector.add(rule, severityOverrides, {
                componentType: report.componentType,
                componentName: report.componentName,
                defaultCategory: 'Metadata',
                category: report.category,
                severity: report.severity,
                file: report.file,
                line: report.line,
                column: report.column,
                message: report.message,
                snippet: displaySnippet(report.snippet),
                member: report.member,
                fingerprintText: report.snippet,
                discriminator: report.discriminator
            });
        }
    };
}

function scanInternal(files: SourceFile[], options: ScanOptions, preSkipped: Skipped): ScanResult {
    const started = performance.now();
    const config = options.config ?? defaultConfig();
    const collector = new FindingCollector();
    const severityOverrides = config.rules.severity;
    const selected = new Set(options.rules ?? ALL_RULES.map((r) => r.id));
    for (const disabled of config.rules.disabled) {
        selected.delete(disabled);
    }
    const note = (ruleId: string) => (fields: FileNote) => addFileNote(collector, ruleId, severityOverrides, fields);

    const { scannable, skipped } = partition(files, config, preSkipped);
    for (const entry of skipped) {
        const message = `Not scanned: ${entry.reason}.`;
        note('skipped-file')({
            path: entry.path,
            line: 1,
            column: 1,
            message,
            snippet: '',
            fingerprintText: entry.reason
        });
    }

    // Metadata and seed data first: the Apex rules need the PHI classification.
    const metadata = readMetadata(scannable.filter((f) => metadataKindOf(f.path) !== undefined));
    for (const problem of metadata.problems) {
        note('parse-error')({
            path: problem.file,
            line: problem.line,
            column: problem.column,
            message: `Could not parse: ${problem.message.replace(/\.+$/, '')}. The file was not scanned.`,
            snippet: '',
            fingerprintText: problem.message
        });
    }

    const apexSources = scannable.filter((f) => apexKindOf(f.path) !== undefined);
    const budget = new Budget(options.budgetMs);
    const parsed = parseApexSources(apexSources, note, options.onProgress, budget.ms);

    const rulesStart = performance.now();
    const classIndex = buildClassIndex(parsed.apexFiles);
    const project: ProjectContext = {
        config,
        classification: buildClassification(config, metadata),
        llm: buildLlmRegistry(config, metadata),
        metadata,
        apexFiles: parsed.apexFiles,
        ...classIndex,
        graph: new CallGraph(parsed.apexFiles, classIndex.classes),
        gateClasses: new Set(config.gate.classes.map((c) => c.toLowerCase())),
        sanitizers: config.gate.sanitizers,
        budget
    };
    const memo = new Map<string, unknown>();
    for (const rule of ALL_RULES) {
        if (selected.has(rule.id)) {
            rule.run(ruleContext(rule, project, memo, collector, severityOverrides));
        }
    }
    withdrawOverrun(collector, budget, note);
    const { findings, suppressed } = applySuppressions(
        fingerprinted(collector),
        scannable,
        parsed.apexFiles,
        selected,
        severityOverrides,
        config.pmd.honorSuppressions
    );
    return {
        findings,
        suppressed,
        stats: {
            files: scannable.length + skipped.length,
            apexFiles: apexSources.length,
            metadataFiles: metadata.filesRead,
            apexLines: parsed.apexLines,
            parseMs: Math.round(parsed.parseMs),
            rulesMs: Math.round(performance.now() - rulesStart),
            durationMs: Math.round(performance.now() - started)
        }
    };
}

/**
 * Scans a local SFDX project (or any folder, or one file). Reads warden.config.json at the root
 * unless a config is given. Throws ScanInputError for a path that does not exist.
 */
export function scanProject(path: string, options: ProjectScanOptions = {}): ScanResult {
    if (!existsSync(path)) {
        throw new ScanInputError(`${path} does not exist`);
    }
    const configRoot = statSync(path).isDirectory() ? path : join(path, '..');
    const config = options.config ?? loadConfig(configRoot, options.configFile).config;
    const { root, files, skipped } = filesToScan(path, config);
    const sources: SourceFile[] = [];
    for (const file of files) {
        const display = displayPath(root, file);
        const seed = metadataKindOf(display) === 'seed';
        if (!seed && !isRelevant(display)) {
            continue;
        }
        const read = readSource(file, display);
        if (read.file) {
            sources.push(read.file);
        } else if (!seed) {
            skipped.push({ path: display, reason: read.skipped ?? 'unreadable' });
        }
    }
    return scanInternal(sources, { ...options, config }, skipped);
}

export { ALL_RULES, ScanInputError };
