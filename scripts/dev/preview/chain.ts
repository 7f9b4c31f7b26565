/**
 * The demo log's hash chain, computed with the audit chain module (c/auditChain: canonical form,
 * EntryHash = SHA-256(canonical + previous hash), Merkle roots; docs/audit-format.md), entry hashes on Node's
 * crypto for speed (`warden verify`'s nodeSha256). The same modules verify exports in the browser, so the demo
 * chain is checked by the real verifier.
 */
import {
    CHAIN_FIELDS,
    computeEntryHash,
    GENESIS_HASH,
    LOG_FIELDS,
    merkleRoot,
    V2_FIELDS,
    type LogEntry
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { nodeSha256 } from '../../cli/verify/chain';

export { GENESIS_HASH };

/** The demo entry's fields the chain covers, under their field names. */
export type ChainFields = {
    eventUuid: string;
    sequence: number;
    loggedAt: string;
    endpointId: string | null;
    endpointKey: string | null;
    purpose: string | null;
    decision: string;
    mode: string | null;
    reasons: string | null;
    recordId: string | null;
    subjectKey: string | null;
    jurisdiction: string | null;
    fieldsSent: string | null;
    phiCategories: string | null;
    redactionCount: number | null;
    consentResult: string | null;
    residencyResult: string | null;
    promptSha256: string | null;
    responseSha256: string | null;
    tokensIn: number | null;
    tokensOut: number | null;
    latencyMs: number | null;
    caller: string | null;
    previousHash?: string | null;
    entryHash?: string | null;
    /** warden-log-v2 (EntryKind__c set): the demo's only v2 entries are the erasure receipts of the preview. */
    entryKind?: string | null;
    intentUuid?: string | null;
    calloutError?: string | null;
    mac?: string | null;
};

const FIELD_OF: Record<string, keyof ChainFields> = {
    EventUuid__c: 'eventUuid',
    Sequence__c: 'sequence',
    LoggedAt__c: 'loggedAt',
    Endpoint__c: 'endpointId',
    EndpointKey__c: 'endpointKey',
    Purpose__c: 'purpose',
    Decision__c: 'decision',
    Mode__c: 'mode',
    Reasons__c: 'reasons',
    RecordId__c: 'recordId',
    SubjectKey__c: 'subjectKey',
    Jurisdiction__c: 'jurisdiction',
    FieldsSent__c: 'fieldsSent',
    PhiCategories__c: 'phiCategories',
    RedactionCount__c: 'redactionCount',
    ConsentResult__c: 'consentResult',
    ResidencyResult__c: 'residencyResult',
    PromptSha256__c: 'promptSha256',
    ResponseSha256__c: 'responseSha256',
    TokensIn__c: 'tokensIn',
    TokensOut__c: 'tokensOut',
    LatencyMs__c: 'latencyMs',
    Caller__c: 'caller',
    PreviousHash__c: 'previousHash',
    EntryHash__c: 'entryHash',
    EntryKind__c: 'entryKind',
    IntentUuid__c: 'intentUuid',
    CalloutError__c: 'calloutError',
    Mac__c: 'mac'
};

const EXPORT_COLUMNS: [string, keyof ChainFields][] = [...LOG_FIELDS.map((field) => field.name), ...CHAIN_FIELDS].map(
    (name) => {
        const key = FIELD_OF[name];
        if (!key) {
            throw new Error(`The demo data has no value for the chained field ${name}.`);
        }
        return [name, key];
    }
);

const V2_COLUMNS: [string, keyof ChainFields][] = V2_FIELDS.map((field) => [field.name, FIELD_OF[field.name]]);

/** An entry in the export format (field API names), chain fields included, and the v2 fields of a v2 entry. */
export function toExportRecord(entry: ChainFields): Record<string, string | number | null> {
    const record: Record<string, string | number | null> = {};
    const columns = entry.entryKind ? [...EXPORT_COLUMNS, ...V2_COLUMNS] : EXPORT_COLUMNS;
    for (const [name, key] of columns) {
        const value = entry[key];
        record[name] = value === undefined ? null : value;
    }
    return record;
}

export function chainEntryHash(entry: ChainFields, previousHash: string): string {
    return computeEntryHash(toExportRecord(entry) as LogEntry, previousHash, nodeSha256);
}

export function checkpointRoot(entryHashes: string[]): string {
    return merkleRoot(entryHashes);
}
