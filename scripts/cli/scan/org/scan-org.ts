/**
 * Org mode of `warden scan`: fetch the org's Apex and data classification, scan it with the same
 * engine as a local project, and with --sync write the findings to ComplianceFinding__c.
 *
 * The engine learns the org's PHI fields the way it learns a project's: from field metadata and
 * ResidencyTag__c / LlmEndpoint__c records. Org mode hands it those as generated files
 * (org/objects/<Object>/fields/<Field>.field-meta.xml built from FieldDefinition, and
 * org/data/<Object>.json from the records), next to classes/<Name>.cls and triggers/<Name>.trigger.
 * Only findings on Apex are reported and synced: the generated files are context, not subjects.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../lib/project';
import { defaultConfig, loadConfig, type ScanConfig } from '../config';
import { DEFAULT_PHI } from '../context';
import { scanSources } from '../engine';
import type { ScanResult, SourceFile } from '../types';
import { fetchApex, fetchFieldClassification, fetchRecords, FieldClassification } from './apex-source';
import { AuthFlags, connect } from '../../org/auth';
import { OrgClient } from '../../org/client';
import { OrgError, toOrgError } from '../../org/errors';
import { orgSession, waitLine } from '../../org/session';
import { syncFindings, SyncSummary } from './findings-sync';

/** How long an org scan may take by default, in minutes (--wait). */
export const DEFAULT_SCAN_WAIT_MINUTES = 30;

export type OrgScanArgs = AuthFlags & {
    sync: boolean;
    /** Where to look for warden.config.json (scan settings); default: the current project, if any. */
    projectDir?: string;
    /** Objects whose field classification is read, beyond Contact, Account, Case and those tagged. */
    objects?: string[];
    /** Scan settings; by default warden.config.json of the project at projectDir, if any. */
    config?: ScanConfig;
    /** Only these rule ids (as `warden scan --rules`). */
    rules?: string[];
};

export type OrgScanIo = {
    stderr: (text: string) => void;
    progressTty: boolean;
    env: NodeJS.ProcessEnv;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    now?: () => Date;
    requestTimeoutMs?: number;
    /** The scanner; the engine by default. */
    scan?: typeof scanSources;
};

export type OrgScanOutcome = {
    result: ScanResult;
    org: { instanceUrl: string; username: string };
    fetched: { classes: number; triggers: number; classifiedFields: number; residencyTags: number; endpoints: number };
    sync?: SyncSummary;
};

const APEX_TYPES = ['ApexClass', 'ApexTrigger'];
const BASE_OBJECTS = ['Account', 'Contact', 'Case'];

const xmlText = (value: string): string =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function classificationFiles(fields: FieldClassification[]): SourceFile[] {
    return fields.map((field) => ({
        path: `org/objects/${field.object}/fields/${field.field}.field-meta.xml`,
        content: [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">',
            `    <fullName>${xmlText(field.field)}</fullName>`,
            field.complianceGroup ? `    <complianceGroup>${xmlText(field.complianceGroup)}</complianceGroup>` : '',
            field.securityClassification
                ? `    <securityClassification>${xmlText(field.securityClassification)}</securityClassification>`
                : '',
            '</CustomField>',
            ''
        ]
            .filter((line) => line !== '')
            .join('\n')
    }));
}

function recordsFile(type: string, records: Array<Record<string, unknown>>): SourceFile[] {
    if (records.length === 0) return [];
    return [
        {
            path: `org/data/${type}.json`,
            content: JSON.stringify(
                {
                    records: records.map(({ attributes: _attributes, ...values }) => ({
                        attributes: { type },
                        ...values
                    }))
                },
                null,
                1
            )
        }
    ];
}

function scanConfig(projectDir: string | undefined) {
    try {
        const root = findProjectRoot(projectDir ?? process.cwd());
        if (existsSync(join(root, 'warden.config.json'))) {
            return loadConfig(root).config;
        }
    } catch {
        // Not inside a project: org mode needs none.
    }
    return defaultConfig();
}

/**
 * Fetches, scans and optionally syncs. Progress goes to stderr; the caller formats the result (table,
 * JSON, SARIF) exactly as for a local scan.
 */
export async function runOrgScan(args: OrgScanArgs, io: OrgScanIo): Promise<OrgScanOutcome> {
    let lastLine = '';
    const progress = (phase: string, done: number, total: number): void => {
        const line = `${phase}: ${done}/${total}`;
        if (io.progressTty) io.stderr(`\r${line}${done >= total ? '\n' : ''}`);
        else if (done >= total || line.split(':')[0] !== lastLine.split(':')[0]) io.stderr(`${line}\n`);
        lastLine = line;
    };
    const { retry } = orgSession(args.waitMinutes ?? DEFAULT_SCAN_WAIT_MINUTES, io);
    const client: OrgClient = await connect(args, {
        apiVersion: args.apiVersion ?? '62.0',
        env: io.env,
        requestTimeoutMs: io.requestTimeoutMs,
        retry,
        warn: (message) => io.stderr(`warning: ${message}\n`),
        onWait: (notice) => io.stderr(waitLine(notice))
    });
    try {
        const identity = await client.identity();
        const sobjects = await client.describeGlobalNames();
        const apex = await fetchApex(client, progress);
        const residencyTags = await fetchRecords(client, sobjects, 'ResidencyTag__c', [
            'TagKey__c',
            'ObjectApiName__c',
            'FieldApiName__c',
            'Classification__c',
            'PhiCategory__c'
        ]);
        const endpoints = await fetchRecords(client, sobjects, 'LlmEndpoint__c', [
            'EndpointKey__c',
            'NamedCredential__c',
            'Region__c',
            'Jurisdiction__c',
            'Hosting__c',
            'Status__c'
        ]);
        const config = args.config ?? scanConfig(args.projectDir);
        const taggedObjects = residencyTags.map((tag) => String(tag.ObjectApiName__c ?? '')).filter(Boolean);
        const defaultObjects = DEFAULT_PHI.map((name) => name.split('.')[0]);
        const objects = [...BASE_OBJECTS, ...defaultObjects, ...taggedObjects, ...(args.objects ?? [])].filter((name) =>
            sobjects.has(name)
        );
        const fields = await fetchFieldClassification(client, objects);

        const files: SourceFile[] = [
            ...apex.map((component) => ({
                path:
                    component.kind === 'ApexClass'
                        ? `classes/${component.name}.cls`
                        : `triggers/${component.name}.trigger`,
                content: component.body
            })),
            ...classificationFiles(fields),
            ...recordsFile('ResidencyTag__c', residencyTags),
            ...recordsFile('LlmEndpoint__c', endpoints)
        ];
        const apexCount = apex.length;
        const scanned = (io.scan ?? scanSources)(files, {
            config,
            rules: args.rules,
            onProgress: (done) => progress('scan Apex', Math.min(done, apexCount), apexCount)
        });
        const onApex = (finding: { componentType: string }): boolean => APEX_TYPES.includes(finding.componentType);
        const result: ScanResult = {
            ...scanned,
            findings: scanned.findings.filter(onApex),
            suppressed: scanned.suppressed.filter(onApex)
        };

        let sync: SyncSummary | undefined;
        if (args.sync) {
            sync = await syncFindings(client, result.findings, {
                now: io.now?.() ?? new Date(),
                componentTypes: APEX_TYPES,
                onProgress: (done, total) => progress('sync findings', done, total)
            });
            io.stderr(
                `synced ComplianceFinding__c: ${sync.created} new, ${sync.updated} seen again, ${sync.reopened} reopened, ` +
                    `${sync.resolved} resolved, ${sync.keptDecisions} gone but kept as triaged` +
                    (sync.failures.length > 0 ? `, ${sync.failures.length} failed` : '') +
                    '\n'
            );
            for (const failure of sync.failures) io.stderr(`  ${failure}\n`);
        }
        return {
            result,
            org: { instanceUrl: client.instanceUrl, username: identity.username },
            fetched: {
                classes: apex.filter((c) => c.kind === 'ApexClass').length,
                triggers: apex.filter((c) => c.kind === 'ApexTrigger').length,
                classifiedFields: fields.length,
                residencyTags: residencyTags.length,
                endpoints: endpoints.length
            },
            sync
        };
    } catch (thrown) {
        throw thrown instanceof OrgError ? thrown : toOrgError(thrown, 'scan the org', client.secrets());
    }
}
