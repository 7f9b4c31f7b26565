/**
 * Fetches the org's Apex (classes and triggers) and what the scanner needs to know about its data
 * (field classification, ResidencyTag__c and LlmEndpoint__c records) through the Tooling and REST
 * APIs, in bulk. Bodies are fetched by Id in chunks bounded both in count (so the query URL stays
 * far below the API's length limit) and in characters (so a page of bodies stays within the
 * response size the API will return); each chunk follows nextRecordsUrl when the API splits it
 * further. Chunks run a few at a time. Managed-package code is left out: its bodies are hidden.
 */
import { OrgClient } from '../../org/client';

export type ApexComponent = { kind: 'ApexClass' | 'ApexTrigger'; id: string; name: string; body: string };

export type FieldClassification = {
    object: string;
    field: string;
    securityClassification?: string;
    complianceGroup?: string;
};

export type FetchProgress = (phase: string, done: number, total: number) => void;

/** At most this many Ids in one IN list: 200 Ids of 18 characters keep the URL near 5 KB. */
export const IDS_PER_CHUNK = 200;
/** At most this many characters of Apex (without comments) in one chunk. */
export const CHARS_PER_CHUNK = 1_500_000;
const CONCURRENCY = 4;

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Splits items into chunks of at most `maxCount` and (where one item does not exceed it alone) `maxWeight`. */
export function chunkByWeight<T>(items: T[], weight: (item: T) => number, maxCount: number, maxWeight: number): T[][] {
    const chunks: T[][] = [];
    let current: T[] = [];
    let total = 0;
    for (const item of items) {
        const w = Math.max(0, weight(item));
        if (current.length > 0 && (current.length >= maxCount || total + w > maxWeight)) {
            chunks.push(current);
            current = [];
            total = 0;
        }
        current.push(item);
        total += w;
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    });
    await Promise.all(runners);
    return results;
}

export async function fetchApex(
    client: OrgClient,
    onProgress: FetchProgress = () => undefined
): Promise<ApexComponent[]> {
    const out: ApexComponent[] = [];
    for (const kind of ['ApexClass', 'ApexTrigger'] as const) {
        const index = await client.query<{ Id: string; Name: string; LengthWithoutComments: number | null }>(
            `SELECT Id, Name, LengthWithoutComments FROM ${kind} WHERE NamespacePrefix = null ORDER BY Name`,
            { tooling: true, label: `list ${kind}`, onPage: (done, total) => onProgress(`list ${kind}`, done, total) }
        );
        const chunks = chunkByWeight(index, (row) => row.LengthWithoutComments ?? 0, IDS_PER_CHUNK, CHARS_PER_CHUNK);
        let fetched = 0;
        onProgress(`fetch ${kind}`, 0, index.length);
        const batches = await pool(chunks, CONCURRENCY, async (chunk) => {
            const rows = await client.query<{ Id: string; Name: string; Body: string | null }>(
                `SELECT Id, Name, Body FROM ${kind} WHERE Id IN (${chunk.map((row) => quote(row.Id)).join(', ')})`,
                { tooling: true, label: `fetch ${kind} bodies` }
            );
            fetched += rows.length;
            onProgress(`fetch ${kind}`, fetched, index.length);
            return rows;
        });
        for (const row of batches.flat()) {
            if (typeof row.Body === 'string' && row.Body !== '(hidden)') {
                out.push({ kind, id: row.Id, name: row.Name, body: row.Body });
            }
        }
    }
    return out.sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`));
}

/** Field classification (Tooling API FieldDefinition) of the given objects, 20 objects a query. */
export async function fetchFieldClassification(client: OrgClient, objects: string[]): Promise<FieldClassification[]> {
    const out: FieldClassification[] = [];
    const unique = [...new Set(objects)].sort();
    for (let i = 0; i < unique.length; i += 20) {
        const batch = unique.slice(i, i + 20);
        const rows = await client.query<{
            QualifiedApiName: string;
            EntityDefinition: { QualifiedApiName: string } | null;
            SecurityClassification: string | null;
            ComplianceGroup: string | null;
        }>(
            'SELECT QualifiedApiName, EntityDefinition.QualifiedApiName, SecurityClassification, ComplianceGroup ' +
                `FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName IN (${batch.map(quote).join(', ')})`,
            { tooling: true, label: 'read field classification' }
        );
        for (const row of rows) {
            if (row.EntityDefinition && (row.SecurityClassification || row.ComplianceGroup)) {
                out.push({
                    object: row.EntityDefinition.QualifiedApiName,
                    field: row.QualifiedApiName,
                    securityClassification: row.SecurityClassification ?? undefined,
                    complianceGroup: row.ComplianceGroup ?? undefined
                });
            }
        }
    }
    return out;
}

/** All records of a Warden object, or [] when the object is not in the org (Warden not deployed). */
export async function fetchRecords(
    client: OrgClient,
    sobjects: Set<string>,
    object: string,
    fields: string[]
): Promise<Array<Record<string, unknown>>> {
    if (!sobjects.has(object)) return [];
    return client.query<Record<string, unknown>>(`SELECT ${fields.join(', ')} FROM ${object}`, {
        label: `read ${object}`
    });
}
