/**
 * The scanner engine: source files in, findings out. Each Apex file is parsed once (apex/parser),
 * turned into the shared per-file model, and every rule runs over those models and
 * the project context (PHI classification, LLM endpoints, class index). Metadata XML and seed data
 * are read once. Bad input never stops a scan: unparsable files become `parse-error` findings and
 * binary, empty, oversized or non-UTF-8 files become `skipped-file` findings.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../lib/project';
import { CallGraph } from './apex/callgraph';
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
import { ALL_RULES, ENGINE_RULE_IDS, RULES_BY_ID } from './rules';
import type { ApexReport, FileReport, RuleContext, RuleDefinition } from './rules/rule';
import { findSuppression, parseSuppressions, ParsedSuppression } from './suppressions';
import type { Category, Finding, ScanResult, Severity, SourceFile, SuppressedFinding } from './types';

export type ScanOptions = {
    config?: ScanConfig;
    /** Only these rule ids (engine diagnostics such as parse-error always run). */
    rules?: string[];
    /** Called after each Apex file is parsed. */
    onProgress?: (done: number, total: number) => void;
};

export type ProjectScanOptions = ScanOptions & { configFile?: string };

type PendingFinding = Omit<Finding, 'fingerprint'> & { key: string };

function sha256(text: string): string {
    return createHash('sha256').update(text).digest('hex');
}

/** Whitespace removed and case folded: reformatting (Apex is case-insensitive) keeps a fingerprint. */
function normalizeSnippet(text: string): string {
    return text.replace(/\s+/g, '').toLowerCase();
}

function displaySnippet(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

function countLines(text: string): number {
    let lines = 1;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        lines += 1;
    }
    return lines;
}

function componentOfPath(path: string): { componentType: string; componentName: string; category: Category } {
    const name = path.split('/').pop() ?? path;
    const kind = apexKindOf(path);
    if (kind === 'class') {
        return { componentType: 'ApexClass', componentName: name.replace(/\.cls$/i, ''), category: 'ApexClass' };
    }
    if (kind === 'trigger') {
        return {
            componentType: 'ApexTrigger',
            componentName: name.replace(/\.trigger$/i, ''),
            category: 'ApexTrigger'
        };
    }
    if (kind === 'anonymous') {
        return { componentType: 'AnonymousApex', componentName: name.replace(/\.apex$/i, ''), category: 'ApexClass' };
    }
    const meta = /^(.+?)\.([A-Za-z]+)-meta\.xml$/.exec(name);
    if (meta) {
        const typeNames: Record<string, string> = {
            field: 'CustomField',
            permissionset: 'PermissionSet',
            namedCredential: 'NamedCredential',
            remoteSite: 'RemoteSiteSetting',
            settings: 'Settings'
        };
        const segments = path.split('/');
        const componentName =
            meta[2] === 'field' && segments.length >= 3 ? `${segments[segments.length - 3]}.${meta[1]}` : meta[1];
        return { componentType: typeNames[meta[2]] ?? meta[2], componentName, category: 'Metadata' };
    }
    return { componentType: 'SeedData', componentName: name, category: 'Metadata' };
}

class FindingCollector {
    readonly pending: PendingFinding[] = [];

    add(
        rule: Pick<RuleDefinition, 'id' | 'severity' | 'category'>,
        severityOverrides: Record<string, Severity>,
        fields: Omit<Finding, 'ruleId' | 'severity' | 'category' | 'fingerprint'> & {
            severity?: Severity;
            category?: Category;
            defaultCategory: Category;
            fingerprintText: string;
            discriminator?: string;
        }
    ): void {
        const category = fields.category ?? (rule.category === 'component' ? fields.defaultCategory : rule.category);
        const severity = severityOverrides[rule.id] ?? fields.severity ?? rule.severity;
        const key = [
            'v1',
            rule.id,
            fields.componentType,
            fields.componentName,
            fields.member ?? '',
            normalizeSnippet(fields.fingerprintText),
            fields.discriminator ?? ''
        ].join('\u0000');
        const finding: PendingFinding = {
            ruleId: rule.id,
            severity,
            category,
            componentType: fields.componentType,
            componentName: fields.componentName,
            file: fields.file,
            line: fields.line,
            column: fields.column,
            message: fields.message,
            snippet: fields.snippet,
            key
        };
        if (fields.endLine !== undefined && fields.endLine !== fields.line) {
            finding.endLine = fields.endLine;
        }
        if (fields.member) {
            finding.member = fields.member;
        }
        this.pending.push(finding);
    }
}

function compareFindings(
    a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>,
    b: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>
): number {
    return (
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    );
}

/** Scans in-memory sources. Paths are as displayed (relative, forward slashes). */
export function scanSources(files: SourceFile[], options: ScanOptions = {}): ScanResult {
    return scanInternal(files, options, []);
}

/** A finding of the engine itself about a whole file (parse-error, skipped-file, suppression problems). */
type FileNote = {
    path: string;
    line: number;
    column: number;
    message: string;
    snippet: string;
    fingerprintText: string;
    componentName?: string;
};

function addFileNote(
    collector: FindingCollector,
    ruleId: string,
    severityOverrides: Record<string, Severity>,
    note: FileNote
): void {
    const component = componentOfPath(note.path);
    collector.add(RULES_BY_ID.get(ruleId)!, severityOverrides, {
        ...component,
        componentName: note.componentName ?? component.componentName,
        defaultCategory: component.category,
        category: component.category,
        file: note.path,
        line: note.line,
        column: note.column,
        message: note.message,
        snippet: note.snippet,
        fingerprintText: note.fingerprintText
    });
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
    report: (note: FileNote) => void,
    onProgress: ScanOptions['onProgress']
): { apexFiles: ApexFile[]; parseMs: number; apexLines: number } {
    const apexFiles: ApexFile[] = [];
    let parseMs = 0;
    let apexLines = 0;
    apexSources.forEach((file, index) => {
        const parseStart = performance.now();
        const lines = countLines(file.content);
        apexLines += lines;
        const result = buildTree(file.path, file.content, lines);
        parseMs += performance.now() - parseStart;
        if (result.problem) {
            const problem = result.problem;
            report({
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

/** Fingerprints: identical keys (the same code twice in one member) are told apart by order. */
function fingerprinted(collector: FindingCollector): Finding[] {
    const seen = new Map<string, number>();
    collector.pending.sort(compareFindings);
    return collector.pending.map((pending) => {
        const ordinal = seen.get(pending.key) ?? 0;
        seen.set(pending.key, ordinal + 1);
        const { key, ...finding } = pending;
        return { ...finding, fingerprint: sha256(ordinal === 0 ? key : `${key}\u0000#${ordinal}`) };
    });
}

/**
 * Splits findings into reported and suppressed by the files' `warden:ignore` comments, and reports the
 * comments that are malformed or suppress nothing (of the rules that ran).
 */
function applySuppressions(
    all: Finding[],
    scannable: SourceFile[],
    apexFiles: ApexFile[],
    selected: Set<string>,
    severityOverrides: Record<string, Severity>
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const knownRuleIds = new Set([...ALL_RULES.map((r) => r.id), ...ENGINE_RULE_IDS]);
    const suppressionsByFile = new Map<string, ParsedSuppression[]>();
    for (const file of scannable) {
        const parsed = parseSuppressions(file.content, knownRuleIds);
        if (parsed.length > 0) {
            suppressionsByFile.set(file.path, parsed);
        }
    }
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    const used = new Set<ParsedSuppression>();
    for (const finding of all) {
        const suppression =
            finding.ruleId === 'parse-error' || finding.ruleId === 'skipped-file'
                ? undefined
                : findSuppression(suppressionsByFile.get(finding.file) ?? [], finding.ruleId, finding.line);
        if (suppression) {
            used.add(suppression);
            suppressed.push({ ...finding, suppression: { line: suppression.line, reason: suppression.reason } });
        } else {
            findings.push(finding);
        }
    }
    const diagnostics = new FindingCollector();
    for (const [path, list] of suppressionsByFile) {
        const componentName = apexFiles.find((f) => f.path === path)?.componentName;
        for (const suppression of list) {
            const note = {
                path,
                componentName,
                line: suppression.line,
                column: suppression.column,
                snippet: suppression.text,
                fingerprintText: suppression.text
            };
            if (suppression.problem) {
                addFileNote(diagnostics, 'invalid-suppression', severityOverrides, {
                    ...note,
                    message: `This warden:ignore comment ${suppression.problem}; it suppresses nothing.`
                });
            } else if (!used.has(suppression) && suppression.rules.every((r) => selected.has(r))) {
                addFileNote(diagnostics, 'unused-suppression', severityOverrides, {
                    ...note,
                    message: `This warden:ignore comment suppresses no finding of ${suppression.rules.join(', ')} on this line or the next; remove it.`
                });
            }
        }
    }
    for (const pending of diagnostics.pending) {
        const { key, ...finding } = pending;
        findings.push({ ...finding, fingerprint: sha256(`${key}\u0000${finding.line}`) });
    }
    return { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings) };
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
            message: `Could not parse: ${problem.message}. The file was not scanned.`,
            snippet: '',
            fingerprintText: problem.message
        });
    }

    const apexSources = scannable.filter((f) => apexKindOf(f.path) !== undefined);
    const parsed = parseApexSources(apexSources, note('parse-error'), options.onProgress);

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
        sanitizers: config.gate.sanitizers
    };
    const memo = new Map<string, unknown>();
    for (const rule of ALL_RULES) {
        if (selected.has(rule.id)) {
            rule.run(ruleContext(rule, project, memo, collector, severityOverrides));
        }
    }
    const { findings, suppressed } = applySuppressions(
        fingerprinted(collector),
        scannable,
        parsed.apexFiles,
        selected,
        severityOverrides
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
