/**
 * Test helpers: scan inline Apex and metadata without touching the disk, and pick findings out.
 */
import { resolveConfig } from '../config';
import { scanSources } from '../engine';
import type { Finding, ScanResult, SourceFile } from '../types';

export type Files = Record<string, string>;

/** `Foo` → force-app/main/default/classes/Foo.cls; paths with a slash are taken as they are. */
function pathOf(name: string): string {
    if (name.includes('/')) {
        return name;
    }
    if (name.endsWith('.trigger')) {
        return `force-app/main/default/triggers/${name}`;
    }
    if (name.endsWith('.apex')) {
        return `scripts/apex/${name}`;
    }
    return `force-app/main/default/classes/${name.endsWith('.cls') ? name : `${name}.cls`}`;
}

export function scanFiles(files: Files, config?: unknown, rules?: string[]): ScanResult {
    const sources: SourceFile[] = Object.entries(files).map(([name, content]) => ({ path: pathOf(name), content }));
    return scanSources(sources, { config: resolveConfig(config ?? {}), rules });
}

export function findings(files: Files, ruleId: string, config?: unknown): Finding[] {
    return scanFiles(files, config, [ruleId]).findings.filter((f) => f.ruleId === ruleId);
}

/** Lines of the findings of one rule, for compact assertions. */
export function lines(files: Files, ruleId: string, config?: unknown): number[] {
    return findings(files, ruleId, config).map((f) => f.line);
}

/** Wraps statements in a `with sharing` class with one method taking common parameters. */
export function method(body: string, params = 'String name, List<Contact> contacts, Id recordId'): string {
    return `public with sharing class Subject {\n    public void run(${params}) {\n${body}\n    }\n}\n`;
}

export function fieldXml(options: {
    type?: string;
    classification?: string;
    group?: string;
    encryption?: string;
    referenceTo?: string;
    relationshipName?: string;
    name?: string;
}): string {
    const parts = [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">`
    ];
    if (options.name) {
        parts.push(`    <fullName>${options.name}</fullName>`);
    }
    if (options.classification) {
        parts.push(`    <securityClassification>${options.classification}</securityClassification>`);
    }
    if (options.group) {
        parts.push(`    <complianceGroup>${options.group}</complianceGroup>`);
    }
    if (options.encryption) {
        parts.push(`    <encryptionScheme>${options.encryption}</encryptionScheme>`);
    }
    if (options.referenceTo) {
        parts.push(`    <referenceTo>${options.referenceTo}</referenceTo>`);
    }
    if (options.relationshipName) {
        parts.push(`    <relationshipName>${options.relationshipName}</relationshipName>`);
    }
    parts.push(`    <type>${options.type ?? 'Text'}</type>`, `</CustomField>`, '');
    return parts.join('\n');
}
