/**
 * Deterministic sample inference logs for tests, vectors and the benchmark: entries with every field
 * kind (nulls, Unicode, line breaks, backslashes, large numbers), chained with a given SHA-256, and
 * written as CSV exports (csv-stringify, CRLF, as Data Loader and `sf data query` write them).
 */
import { stringify } from 'csv-stringify/sync';
import {
    GENESIS_HASH,
    canonicalEntry,
    eventMac,
    merkleRoot,
    type Checkpoint,
    type FieldValue,
    type LogEntry,
    type Sha256
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { seededRandom } from '../lib/random';

const DECISIONS = ['Allowed', 'Redacted', 'Blocked'];
const PURPOSES = ['LlmInference', 'CareDelivery', 'Research', 'Analytics'];
const REASONS = [
    'CONSENT_GRANTED;RESIDENCY_OK;FIELDS_APPROVED',
    'PHI_REDACTED:Name=2,Phone=1',
    'CONSENT_MISSING',
    'RESIDENCY_BLOCKED:EU->US',
    'Line one\nline two with a back\\slash\r\nand CRLF',
    'Ünïcödé reason — 患者 😀'
];

/** Deterministic pseudo-random numbers (mulberry32), so generated logs are reproducible. */
export const random = seededRandom;

/** The 65,536 four-digit hex strings, so hex() needs no Number.toString(16) (slow above 2^31). */
let hex4: string[] | undefined;

function hex(next: () => number, length: number): string {
    if (!hex4) {
        hex4 = new Array<string>(65536);
        for (let i = 0; i < 65536; i++) {
            hex4[i] = (i + 0x10000).toString(16).slice(1);
        }
    }
    let out = '';
    while (out.length < length) {
        // Eight hex digits of a 32-bit value: the same text as toString(16).padStart(8, '0').
        const value = Math.floor(next() * 0x100000000);
        out += hex4[Math.floor(value / 0x10000)] + hex4[value % 0x10000];
    }
    return out.slice(0, length);
}

/** The hashed fields of entry `sequence` (no chain fields). */
export function sampleFields(sequence: number, next: () => number): LogEntry {
    const blocked = next() < 0.2;
    const time = Date.UTC(2026, 0, 1) + sequence * 1000;
    return {
        EventUuid__c: `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-a${hex(next, 3)}-${hex(next, 12)}`,
        Sequence__c: sequence,
        LoggedAt__c: new Date(time).toISOString(),
        Endpoint__c: 'a0B5g00000' + hex(next, 5).toUpperCase() + 'AAA',
        EndpointKey__c: next() < 0.5 ? 'eu-sovereign-llm' : 'us-private-llm',
        Purpose__c: PURPOSES[Math.floor(next() * PURPOSES.length)],
        Decision__c: blocked ? 'Blocked' : DECISIONS[Math.floor(next() * 2)],
        Mode__c: next() < 0.9 ? 'Enforce' : 'Monitor',
        Reasons__c: REASONS[Math.floor(next() * REASONS.length)],
        RecordId__c: next() < 0.1 ? null : '0035g00000' + hex(next, 5).toUpperCase() + 'QAA',
        SubjectKey__c: next() < 0.1 ? null : hex(next, 64),
        Jurisdiction__c: next() < 0.5 ? 'EU' : 'US',
        FieldsSent__c: blocked ? null : 'Contact.FirstName,Case.Description',
        PhiCategories__c: blocked ? null : 'Name;Phone',
        RedactionCount__c: blocked ? 0 : Math.floor(next() * 20),
        ConsentResult__c: 'Granted',
        ResidencyResult__c: 'Allowed',
        PromptSha256__c: blocked ? null : hex(next, 64),
        ResponseSha256__c: blocked ? null : hex(next, 64),
        TokensIn__c: blocked ? null : Math.floor(next() * 100000),
        TokensOut__c: blocked ? null : Math.floor(next() * 4000),
        LatencyMs__c: blocked ? null : Math.floor(next() * 30000),
        Caller__c: next() < 0.5 ? 'ClinicalSummaryFlow' : 'c:triageAssistant'
    };
}

/** A chained log of `count` entries. */
export function sampleLog(count: number, sha256: Sha256, seed = 42): LogEntry[] {
    const next = random(seed);
    const entries: LogEntry[] = new Array(count);
    let previous = GENESIS_HASH;
    for (let i = 0; i < count; i++) {
        const entry = sampleFields(i + 1, next);
        entry.PreviousHash__c = previous;
        entry.EntryHash__c = sha256(canonicalEntry(entry) + previous);
        previous = entry.EntryHash__c as string;
        entries[i] = entry;
    }
    return entries;
}

/** The event MAC key of the samples and vectors (hex): a test key, never an org's. */
export const SAMPLE_MAC_KEY = '57415244454e2d746573742d6576656e742d6d61632d6b65792d3030303031';

const CALLOUT_ERRORS = [null, null, null, 'TIMEOUT', 'HTTP_5XX'];

/**
 * v2 entries from sequence `from` on, chained after `previous`: each call an INTENT, and for a call that was
 * not blocked its OUTCOME (response hash, tokens, latency or a callout error) naming the intent, every entry
 * with its Mac__c under macKey. `count` entries in all (the last intent may have no outcome yet).
 */
export function sampleLogV2(
    count: number,
    sha256: Sha256,
    options: { seed?: number; from?: number; previous?: string; macKey?: string } = {}
): LogEntry[] {
    const next = random(options.seed ?? 42);
    const macKey = options.macKey ?? SAMPLE_MAC_KEY;
    const from = options.from ?? 1;
    const entries: LogEntry[] = [];
    let pendingOutcome: LogEntry | null = null;
    while (entries.length < count) {
        const sequence = from + entries.length;
        let entry: LogEntry;
        if (pendingOutcome) {
            entry = { ...pendingOutcome, Sequence__c: sequence };
            pendingOutcome = null;
        } else {
            const fields = sampleFields(sequence, next);
            const error = CALLOUT_ERRORS[Math.floor(next() * CALLOUT_ERRORS.length)];
            entry = {
                ...fields,
                RecordId__c: null,
                ResponseSha256__c: null,
                TokensIn__c: null,
                TokensOut__c: null,
                LatencyMs__c: null,
                EntryKind__c: 'INTENT',
                IntentUuid__c: null,
                CalloutError__c: null
            };
            if (fields.Decision__c !== 'Blocked') {
                pendingOutcome = {
                    ...entry,
                    EventUuid__c: `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-b${hex(next, 3)}-${hex(next, 12)}`,
                    LoggedAt__c: new Date(Date.parse(String(fields.LoggedAt__c)) + 1000).toISOString(),
                    ResponseSha256__c: error ? null : fields.ResponseSha256__c,
                    TokensIn__c: error ? null : fields.TokensIn__c,
                    TokensOut__c: error ? null : fields.TokensOut__c,
                    LatencyMs__c: fields.LatencyMs__c,
                    EntryKind__c: 'OUTCOME',
                    IntentUuid__c: fields.EventUuid__c,
                    CalloutError__c: error
                };
            }
        }
        entry.Mac__c = eventMac(entry, macKey);
        entries.push(entry);
    }
    rechainFrom(entries, sha256, options.previous ?? GENESIS_HASH);
    return entries;
}

function rechainFrom(entries: LogEntry[], sha256: Sha256, previous: string): void {
    for (const entry of entries) {
        entry.PreviousHash__c = previous;
        entry.EntryHash__c = sha256(canonicalEntry(entry) + previous);
        previous = entry.EntryHash__c as string;
    }
}

/**
 * A log written under v1 up to `v1Count` entries and under v2 after them, as an org that upgraded Warden
 * holds it.
 */
export function sampleMixedLog(v1Count: number, v2Count: number, sha256: Sha256, seed = 42): LogEntry[] {
    const v1 = sampleLog(v1Count, sha256, seed);
    const v2 = sampleLogV2(v2Count, sha256, {
        seed: seed + 1,
        from: v1Count + 1,
        previous: v1Count > 0 ? String(v1[v1Count - 1].EntryHash__c) : GENESIS_HASH
    });
    return [...v1, ...v2];
}

/** Recomputes PreviousHash__c and EntryHash__c from a position on (what a forger with the export could do). */
export function rechain(entries: LogEntry[], sha256: Sha256, from = 0): void {
    let previous = from === 0 ? GENESIS_HASH : String(entries[from - 1].EntryHash__c);
    for (let i = from; i < entries.length; i++) {
        entries[i].PreviousHash__c = previous;
        entries[i].EntryHash__c = sha256(canonicalEntry(entries[i]) + previous);
        previous = entries[i].EntryHash__c as string;
    }
}

/** Checkpoints every `interval` entries and one at the head, as the org records them. */
export function sampleCheckpoints(entries: LogEntry[], interval: number): Checkpoint[] {
    const checkpoints: Checkpoint[] = [];
    let from = 1;
    for (let to = interval; from <= entries.length; to = Math.min(to + interval, entries.length)) {
        const block = entries.slice(from - 1, to).map((e) => String(e.EntryHash__c));
        checkpoints.push({
            Sequence__c: to,
            FromSequence__c: from,
            EntryCount__c: to - from + 1,
            HeadHash__c: block[block.length - 1],
            MerkleRoot__c: merkleRoot(block),
            Signature__c: null,
            CertificateName__c: null,
            CreatedAt__c: entries[to - 1].LoggedAt__c
        });
        from = to + 1;
        if (to === entries.length) {
            break;
        }
    }
    return checkpoints;
}

/**
 * Rows as a CSV export with a header of `columns`: empty for null, every field with a line break quoted
 * (csv-stringify would quote only CRLF, the record delimiter), booleans as true/false.
 */
export function exportCsv(rows: ReadonlyArray<Record<string, FieldValue>>, columns: ReadonlyArray<string>): string {
    return stringify(rows as Array<Record<string, unknown>>, {
        header: true,
        columns: [...columns],
        record_delimiter: 'windows',
        quoted_match: /[\r\n]/,
        cast: { boolean: (value) => String(value) }
    });
}
