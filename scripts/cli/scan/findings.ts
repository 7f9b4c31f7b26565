/**
 * How findings are built and identified: the collector the rules report into, the engine's own
 * findings about whole files (parse errors, skipped files, suppression problems), the component a
 * path names, the order of findings, and fingerprints (docs/scan.md, "Fingerprints").
 */
import { createHash } from 'node:crypto';
import { apexUnitKind as apexKindOf } from '../lib/apex-kind';
import { RULES_BY_ID } from './rules';
import type { RuleDefinition } from './rules/rule';
import type { Category, Finding, Severity } from './types';

export type PendingFinding = Omit<Finding, 'fingerprint'> & { key: string };

export function sha256(text: string): string {
    return createHash('sha256').update(text).digest('hex');
}

/** Whitespace removed and case folded: reformatting (Apex is case-insensitive) keeps a fingerprint. */
function normalizeSnippet(text: string): string {
    return text.replace(/\s+/g, '').toLowerCase();
}

export function displaySnippet(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

export function componentOfPath(path: string): { componentType: string; componentName: string; category: Category } {
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

export class FindingCollector {
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

export function compareFindings(
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

/** A finding of the engine itself about a whole file (parse-error, skipped-file, suppression problems). */
export type FileNote = {
    path: string;
    line: number;
    column: number;
    message: string;
    snippet: string;
    fingerprintText: string;
    componentName?: string;
};

export function addFileNote(
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

/** Fingerprints: identical keys (the same code twice in one member) are told apart by order. */
export function fingerprinted(collector: FindingCollector): Finding[] {
    const seen = new Map<string, number>();
    collector.pending.sort(compareFindings);
    return collector.pending.map((pending) => {
        const ordinal = seen.get(pending.key) ?? 0;
        seen.set(pending.key, ordinal + 1);
        const { key, ...finding } = pending;
        return { ...finding, fingerprint: sha256(ordinal === 0 ? key : `${key}\u0000#${ordinal}`) };
    });
}
