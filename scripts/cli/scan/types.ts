/**
 * The scanner's public vocabulary: source files in, findings out. These shapes are the contract
 * with the rest of Warden (the `scan` check step, the org-mode scanner and the console's
 * ComplianceFinding__c upsert), so fields are only ever added, never renamed.
 */
import {
    FINDING_CATEGORIES,
    type FindingCategory
} from '../../../force-app/main/findings/lwc/findingPicklists/findingPicklists';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Values of the ComplianceFinding__c Category__c picklist (c/findingPicklists, generated from its metadata). */
export type Category = FindingCategory;

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const CATEGORIES: readonly Category[] = FINDING_CATEGORIES;

/** Higher is worse. */
export function severityRank(severity: Severity): number {
    return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
    return (SEVERITIES as readonly string[]).includes(value);
}

/** One file to scan. `path` is as displayed: relative to the project root, forward slashes. */
export type SourceFile = { path: string; content: string };

export type Finding = {
    ruleId: string;
    severity: Severity;
    category: Category;
    /** ApexClass, ApexTrigger, AnonymousApex, CustomField, PermissionSet, NamedCredential ... */
    componentType: string;
    /** Class or trigger name, Object.Field, permission set name ... */
    componentName: string;
    file: string;
    /** 1-based. */
    line: number;
    /** 1-based. */
    column: number;
    endLine?: number;
    message: string;
    /** The offending source, trimmed and shortened for display. */
    snippet: string;
    /** Enclosing member, e.g. `PatientSync.push(Id)`; absent for type- and file-level findings. */
    member?: string;
    /** Stable identity across unrelated edits: rule, component, member and normalised snippet. */
    fingerprint: string;
};

export type Suppression = {
    /** Line of the `warden:ignore` comment. */
    line: number;
    rules: string[];
    reason: string;
};

export type SuppressedFinding = Finding & {
    /** `pmd` names the PMD suppression honoured (`PMD.ApexCRUDViolation`, `PMD`, `NOPMD`); absent for warden:ignore. */
    suppression: { line: number; reason: string; pmd?: string };
};

export type ScanStats = {
    files: number;
    apexFiles: number;
    metadataFiles: number;
    /** Lines of Apex parsed. */
    apexLines: number;
    /** Milliseconds spent in the Apex lexer and parser. */
    parseMs: number;
    /** Milliseconds spent in rules (metadata reading included). */
    rulesMs: number;
    durationMs: number;
};

export type ScanResult = {
    /** Unsuppressed findings, sorted by file, line, column, rule. */
    findings: Finding[];
    /** Findings silenced by a `warden:ignore` comment with a reason. */
    suppressed: SuppressedFinding[];
    stats: ScanStats;
};
