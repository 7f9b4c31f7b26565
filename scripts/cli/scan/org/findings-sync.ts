/**
 * `warden scan --sync`: writes scan findings to ComplianceFinding__c, keyed by Fingerprint__c, so a
 * re-scan keeps everything people decided about a finding.
 * - A new fingerprint is created as New, with FirstSeen and LastSeen.
 * - A known fingerprint gets LastSeen and the current rule text, line and snippet; Status__c,
 *   Justification__c, DueDate__c and AssignedTo__c are never sent, so triage is never overwritten.
 *   The one exception: a finding this sync had marked Resolved that shows up again is reopened as New
 *   (ResolvedOn cleared): the problem is back.
 * - A finding in scope that the scan no longer reports is marked Resolved with ResolvedOn, when it is
 *   still open (New, Triaged, InRemediation). RiskAccepted and FalsePositive stay as decided.
 * Scope is the component types the scan covered (ApexClass, ApexTrigger in org mode), so findings that
 * other sources raise (consent, residency, the audit chain) are never resolved by an Apex scan.
 * Writes go through sObject Collections, 200 records a request; both kinds are idempotent.
 */
import { OrgClient } from '../../org/client';
import { OrgError } from '../../org/errors';

/** The fields of a scanner finding this module uses (see scripts/cli/scan/types.ts). */
export type SyncFinding = {
    ruleId: string;
    severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
    category: string;
    componentType: string;
    componentName: string;
    line: number;
    message: string;
    snippet: string;
    fingerprint: string;
};

export type SyncSummary = {
    created: number;
    updated: number;
    reopened: number;
    resolved: number;
    /** Findings in scope left as they were: gone from the scan but RiskAccepted or FalsePositive. */
    keptDecisions: number;
    failures: string[];
};

type Existing = { Id: string; Fingerprint__c: string; Status__c: string | null };

const OPEN = new Set(['New', 'Triaged', 'InRemediation']);
const SEVERITY: Record<SyncFinding['severity'], string> = {
    critical: 'Critical',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    info: 'Info'
};

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function syncFindings(
    client: OrgClient,
    findings: SyncFinding[],
    options: { now: Date; componentTypes: string[]; onProgress?: (done: number, total: number) => void }
): Promise<SyncSummary> {
    const sobjects = await client.describeGlobalNames();
    if (!sobjects.has('ComplianceFinding__c')) {
        throw new OrgError(
            'other',
            'This org has no ComplianceFinding__c object, so findings cannot be synced.',
            'NO_FINDINGS_OBJECT',
            'Install Warden first (`warden deploy --target-org <org>`), or scan without --sync.'
        );
    }
    const types = options.componentTypes.map((type) => `'${type.replace(/'/g, "\\'")}'`).join(', ');
    const existing = await client.query<Existing>(
        `SELECT Id, Fingerprint__c, Status__c FROM ComplianceFinding__c WHERE ComponentType__c IN (${types})`,
        { label: 'read existing findings' }
    );
    const byFingerprint = new Map(existing.filter((row) => row.Fingerprint__c).map((row) => [row.Fingerprint__c, row]));

    const now = options.now.toISOString();
    const seen = new Map<string, SyncFinding>();
    for (const finding of findings) {
        if (options.componentTypes.includes(finding.componentType) && !seen.has(finding.fingerprint)) {
            seen.set(finding.fingerprint, finding);
        }
    }
    const summary: SyncSummary = { created: 0, updated: 0, reopened: 0, resolved: 0, keptDecisions: 0, failures: [] };
    const upserts: Array<Record<string, unknown>> = [];
    const kinds: Array<'created' | 'updated' | 'reopened'> = [];
    for (const finding of seen.values()) {
        const record: Record<string, unknown> = {
            Fingerprint__c: finding.fingerprint,
            Rule__c: clip(finding.ruleId, 80),
            Severity__c: SEVERITY[finding.severity],
            Category__c: finding.category,
            ComponentType__c: clip(finding.componentType, 80),
            ComponentName__c: clip(finding.componentName, 255),
            Line__c: finding.line,
            Snippet__c: clip(finding.snippet, 32768),
            Message__c: clip(finding.message, 4000),
            LastSeen__c: now
        };
        const known = byFingerprint.get(finding.fingerprint);
        if (!known) {
            record.Status__c = 'New';
            record.FirstSeen__c = now;
            kinds.push('created');
        } else if (known.Status__c === 'Resolved') {
            record.Status__c = 'New';
            record.ResolvedOn__c = null;
            kinds.push('reopened');
        } else {
            kinds.push('updated');
        }
        upserts.push(record);
    }
    const total = upserts.length;
    const results = await client.upsertRecords('ComplianceFinding__c', 'Fingerprint__c', upserts, (done) =>
        options.onProgress?.(done, total)
    );
    results.forEach((saved, index) => {
        if (saved.success) {
            summary[kinds[index]]++;
        } else {
            summary.failures.push(
                `${upserts[index].Fingerprint__c}: ${saved.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`
            );
        }
    });

    const resolve: Array<Record<string, unknown> & { Id: string }> = [];
    for (const row of existing) {
        if (seen.has(row.Fingerprint__c)) continue;
        if (row.Status__c && OPEN.has(row.Status__c)) {
            resolve.push({ Id: row.Id, Status__c: 'Resolved', ResolvedOn__c: now });
        } else if (row.Status__c !== 'Resolved') {
            summary.keptDecisions++;
        }
    }
    const resolved = await client.updateRecords('ComplianceFinding__c', resolve);
    resolved.forEach((saved, index) => {
        if (saved.success) summary.resolved++;
        else
            summary.failures.push(
                `${resolve[index].Id}: ${saved.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`
            );
    });
    return summary;
}
