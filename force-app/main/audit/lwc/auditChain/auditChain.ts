/**
 * The inference log's hash chain as docs/audit-format.md specifies it: the hashed fields, the canonical form
 * of an entry, the entry hash, the Merkle root of a checkpoint block and the checkpoint message, and the
 * export format (columns, namespace prefixes, CSV rows and JSON records as entries). Apex (AuditChain) writes
 * the same chain; the vectors in AuditChainVectors hold both to it. ChainVerifier (c/chainVerifier) checks
 * exports with it, in the console and in `warden verify`.
 */
import {
    SHA256_IV as IV,
    hmacSha256Hex,
    sha256Hex,
    sha256Rounds as rounds,
    sha256Schedule as schedule
} from 'c/sha256';

// merkleRoot's loop reads local copies of these: where this module runs as CommonJS (tsx, Jest), every read
// of an imported name is a getter call.
const SHA256_IV = IV;
const sha256Rounds = rounds;
const sha256Schedule = schedule;

export const CHAIN_VERSION = 'warden-log-v1';
/** First line of a v2 entry: an intent or an outcome, with its event MAC (docs/audit-format.md). */
export const CHAIN_VERSION_V2 = 'warden-log-v2';
/** First line of the message an event's Mac__c covers. */
export const EVENT_MAC_VERSION = 'warden-event-v2';
export const CHECKPOINT_VERSION = 'warden-checkpoint-v1';
/** PreviousHash__c of the first entry (Sequence__c = 1). */
export const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

export type FieldKind = 'text' | 'integer' | 'datetime' | 'id';

/** The hashed fields of an InferenceLog__c row, in canonical order. */
export const LOG_FIELDS: ReadonlyArray<{ name: string; kind: FieldKind }> = [
    { name: 'EventUuid__c', kind: 'text' },
    { name: 'Sequence__c', kind: 'integer' },
    { name: 'LoggedAt__c', kind: 'datetime' },
    { name: 'Endpoint__c', kind: 'id' },
    { name: 'EndpointKey__c', kind: 'text' },
    { name: 'Purpose__c', kind: 'text' },
    { name: 'Decision__c', kind: 'text' },
    { name: 'Mode__c', kind: 'text' },
    { name: 'Reasons__c', kind: 'text' },
    { name: 'RecordId__c', kind: 'text' },
    { name: 'SubjectKey__c', kind: 'text' },
    { name: 'Jurisdiction__c', kind: 'text' },
    { name: 'FieldsSent__c', kind: 'text' },
    { name: 'PhiCategories__c', kind: 'text' },
    { name: 'RedactionCount__c', kind: 'integer' },
    { name: 'ConsentResult__c', kind: 'text' },
    { name: 'ResidencyResult__c', kind: 'text' },
    { name: 'PromptSha256__c', kind: 'text' },
    { name: 'ResponseSha256__c', kind: 'text' },
    { name: 'TokensIn__c', kind: 'integer' },
    { name: 'TokensOut__c', kind: 'integer' },
    { name: 'LatencyMs__c', kind: 'integer' },
    { name: 'Caller__c', kind: 'text' }
];

/**
 * The fields a v2 entry hashes after those of LOG_FIELDS. An entry is v2 when EntryKind__c is not empty
 * (INTENT, OUTCOME or ERASURE); an OUTCOME names its intent's EventUuid__c in IntentUuid__c. A v2 entry's
 * RecordId__c is always empty (checkV2RecordId).
 */
export const V2_FIELDS: ReadonlyArray<{ name: string; kind: FieldKind }> = [
    { name: 'EntryKind__c', kind: 'text' },
    { name: 'IntentUuid__c', kind: 'text' },
    { name: 'CalloutError__c', kind: 'text' },
    { name: 'Mac__c', kind: 'text' }
];

/** The hashed fields of a v2 entry, in canonical order. */
export const LOG_FIELDS_V2: ReadonlyArray<{ name: string; kind: FieldKind }> = [...LOG_FIELDS, ...V2_FIELDS];

/** Chain columns of an export besides the hashed fields. */
export const CHAIN_FIELDS = ['PreviousHash__c', 'EntryHash__c'] as const;

export const CHECKPOINT_FIELDS: ReadonlyArray<{ name: string; kind: FieldKind }> = [
    { name: 'FromSequence__c', kind: 'integer' },
    { name: 'Sequence__c', kind: 'integer' },
    { name: 'EntryCount__c', kind: 'integer' },
    { name: 'HeadHash__c', kind: 'text' },
    { name: 'MerkleRoot__c', kind: 'text' },
    { name: 'CreatedAt__c', kind: 'datetime' }
];

export type FieldValue = string | number | boolean | null | undefined;
/** One exported row, keyed by field API name without namespace prefix. */
export type LogEntry = Record<string, FieldValue>;

export class CanonicalFormError extends Error {
    constructor(
        message: string,
        readonly field: string
    ) {
        super(message);
    }
}

const CANONICAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOOSE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a Salesforce id (15-character ids get their case-checksum suffix). */
export function toId18(id: string): string {
    if (id.length !== 15) {
        return id;
    }
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) {
            const c = id.charCodeAt(block * 5 + i);
            if (c >= 65 && c <= 90) {
                flags |= 1 << i;
            }
        }
        suffix += ID_SUFFIX_CHARS[flags];
    }
    return id + suffix;
}

/** Already canonical whole numbers (the shape exports carry): returned as they are. */
const DIGITS = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * The canonical text of a whole-number field: digits without leading zeros, a minus sign for negatives, a
 * trailing `.0...` dropped, empty for null and empty. Throws CanonicalFormError for anything else.
 */
export function canonicalInteger(raw: FieldValue, field: string): string {
    if (raw === null || raw === undefined || raw === '') {
        return '';
    }
    if (typeof raw === 'number') {
        if (!Number.isSafeInteger(raw)) {
            throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
        }
        // The digits of String(raw). String() keeps what it makes in V8's number-to-string cache, and with a
        // million distinct sequence numbers those strings outlive young-generation collections: verifying a
        // million entries held in memory takes 15% longer with it. toFixed keeps nothing.
        return raw.toFixed(0);
    }
    if (typeof raw === 'string' && DIGITS.test(raw)) {
        return raw;
    }
    const text = String(raw).trim();
    const match = /^([+-]?)0*(\d+?)(?:\.0*)?$/.exec(text);
    if (!match) {
        throw new CanonicalFormError(`${field} is not a whole number: "${text}"`, field);
    }
    const digits = match[2];
    return match[1] === '-' && digits !== '0' ? '-' + digits : digits;
}

function pad(value: number, width: number): string {
    let text = String(value);
    while (text.length < width) {
        text = '0' + text;
    }
    return text;
}

/** UTC ISO-8601 with milliseconds: 2026-03-01T09:30:00.000Z. Accepts the export variants Salesforce tools write. */
export function canonicalDatetime(raw: FieldValue, field = 'value'): string {
    if (raw === null || raw === undefined || raw === '') {
        return '';
    }
    const text = String(raw).trim();
    if (CANONICAL_DATETIME.test(text)) {
        return text;
    }
    const m = LOOSE_DATETIME.exec(text);
    if (!m) {
        throw new CanonicalFormError(`${field} is not an ISO-8601 date-time: "${text}"`, field);
    }
    const millis = m[7] ? Number((m[7] + '00').slice(0, 3)) : 0;
    const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, millis);
    const check = new Date(local);
    if (
        Number.isNaN(local) ||
        check.getUTCMonth() !== +m[2] - 1 ||
        check.getUTCDate() !== +m[3] ||
        check.getUTCHours() !== +m[4] ||
        check.getUTCMinutes() !== +m[5] ||
        check.getUTCSeconds() !== (m[6] ? +m[6] : 0)
    ) {
        throw new CanonicalFormError(`${field} is not a valid date-time: "${text}"`, field);
    }
    let time = local;
    const zone = m[8];
    if (zone && zone !== 'Z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60000;
    }
    const date = new Date(time);
    return (
        pad(date.getUTCFullYear(), 4) +
        '-' +
        pad(date.getUTCMonth() + 1, 2) +
        '-' +
        pad(date.getUTCDate(), 2) +
        'T' +
        pad(date.getUTCHours(), 2) +
        ':' +
        pad(date.getUTCMinutes(), 2) +
        ':' +
        pad(date.getUTCSeconds(), 2) +
        '.' +
        pad(date.getUTCMilliseconds(), 3) +
        'Z'
    );
}

function escapeCanonical(value: string): string {
    if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
        return value;
    }
    return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function canonicalValue(raw: FieldValue, kind: FieldKind, field: string): string {
    switch (kind) {
        case 'integer':
            return canonicalInteger(raw, field);
        case 'datetime':
            return canonicalDatetime(raw, field);
        case 'id':
            if (raw === null || raw === undefined) {
                return '';
            }
            return typeof raw === 'string' && raw.length === 18 ? raw : toId18(String(raw).trim());
        default:
            return raw === null || raw === undefined
                ? ''
                : escapeCanonical(typeof raw === 'string' ? raw : String(raw));
    }
}

/**
 * The canonical form of one log entry: the version line, then one `Name=value` line per hashed field in
 * LOG_FIELDS order (LOG_FIELDS_V2 for a v2 entry, one whose EntryKind__c is not empty), every line ending in
 * LF. Null and empty are the same (Salesforce stores no empty text).
 */
export function canonicalEntry(entry: LogEntry): string {
    return canonicalText(entry, '');
}

/** What precedes each value in the canonical form: the previous line's LF (or the version line), the name, `=`. */
const LINE_STARTS = LOG_FIELDS.map((f, i) => (i === 0 ? CHAIN_VERSION + '\n' : '\n') + f.name + '=');
const V2_FIRST_LINE_START = CHAIN_VERSION_V2 + '\n' + LOG_FIELDS[0].name + '=';
const V2_LINE_STARTS = V2_FIELDS.map((f) => '\n' + f.name + '=');

/** Whether an entry is written under warden-log-v2: its EntryKind__c is not empty. */
export function isV2Entry(entry: LogEntry): boolean {
    const kind = entry.EntryKind__c;
    return kind !== null && kind !== undefined && kind !== '';
}

function isEmpty(value: FieldValue): boolean {
    return value === null || value === undefined || value === '';
}

/**
 * A v1 entry has no value in a v2 field: the v1 form does not hash them, so a value there could be written
 * into an export unseen. Throws CanonicalFormError naming the field.
 */
function checkV1(entry: LogEntry): string {
    if (!(isEmpty(entry.IntentUuid__c) && isEmpty(entry.CalloutError__c) && isEmpty(entry.Mac__c))) {
        const field = V2_FIELDS.find((f) => !isEmpty(entry[f.name]))?.name as string;
        throw new CanonicalFormError(`${field} has a value on an entry without EntryKind__c (a v1 entry).`, field);
    }
    return '';
}

/**
 * A v2 entry names its subject only by the keyed pseudonym SubjectKey__c: its RecordId__c line stays, empty, so
 * that v1 and v2 share their first lines, and a value there (a record id in the clear, which erasure could not
 * remove without breaking the chain) makes the entry malformed. Throws CanonicalFormError naming the field.
 */
function checkV2RecordId(entry: LogEntry): string {
    if (!isEmpty(entry.RecordId__c)) {
        throw new CanonicalFormError(
            'RecordId__c has a value on a v2 entry, which names its subject only by SubjectKey__c.',
            'RecordId__c'
        );
    }
    return '';
}

/** The v2 lines after Caller__c's value, without the final LF. */
function v2Tail(entry: LogEntry): string {
    return (
        V2_LINE_STARTS[0] +
        canonicalValue(entry.EntryKind__c, 'text', 'EntryKind__c') +
        V2_LINE_STARTS[1] +
        canonicalValue(entry.IntentUuid__c, 'text', 'IntentUuid__c') +
        V2_LINE_STARTS[2] +
        canonicalValue(entry.CalloutError__c, 'text', 'CalloutError__c') +
        V2_LINE_STARTS[3] +
        canonicalValue(entry.Mac__c, 'text', 'Mac__c')
    );
}

/**
 * canonicalEntry(entry) + suffix, which the entry hash covers. The fields are read by name in LOG_FIELDS
 * order rather than in a loop over the names: a loop costs a generic property lookup per field, a quarter of
 * the time of verifying an export held in memory. The tests check the order against LOG_FIELDS; values are
 * taken in that order, so the first value without a canonical form throws its CanonicalFormError.
 */
function canonicalText(entry: LogEntry, suffix: string): string {
    const v2 = isV2Entry(entry);
    return (
        (v2 ? V2_FIRST_LINE_START : LINE_STARTS[0]) +
        canonicalValue(entry.EventUuid__c, 'text', 'EventUuid__c') +
        LINE_STARTS[1] +
        canonicalValue(entry.Sequence__c, 'integer', 'Sequence__c') +
        LINE_STARTS[2] +
        canonicalValue(entry.LoggedAt__c, 'datetime', 'LoggedAt__c') +
        LINE_STARTS[3] +
        canonicalValue(entry.Endpoint__c, 'id', 'Endpoint__c') +
        LINE_STARTS[4] +
        canonicalValue(entry.EndpointKey__c, 'text', 'EndpointKey__c') +
        LINE_STARTS[5] +
        canonicalValue(entry.Purpose__c, 'text', 'Purpose__c') +
        LINE_STARTS[6] +
        canonicalValue(entry.Decision__c, 'text', 'Decision__c') +
        LINE_STARTS[7] +
        canonicalValue(entry.Mode__c, 'text', 'Mode__c') +
        LINE_STARTS[8] +
        canonicalValue(entry.Reasons__c, 'text', 'Reasons__c') +
        LINE_STARTS[9] +
        (v2 ? checkV2RecordId(entry) : canonicalValue(entry.RecordId__c, 'text', 'RecordId__c')) +
        LINE_STARTS[10] +
        canonicalValue(entry.SubjectKey__c, 'text', 'SubjectKey__c') +
        LINE_STARTS[11] +
        canonicalValue(entry.Jurisdiction__c, 'text', 'Jurisdiction__c') +
        LINE_STARTS[12] +
        canonicalValue(entry.FieldsSent__c, 'text', 'FieldsSent__c') +
        LINE_STARTS[13] +
        canonicalValue(entry.PhiCategories__c, 'text', 'PhiCategories__c') +
        LINE_STARTS[14] +
        canonicalValue(entry.RedactionCount__c, 'integer', 'RedactionCount__c') +
        LINE_STARTS[15] +
        canonicalValue(entry.ConsentResult__c, 'text', 'ConsentResult__c') +
        LINE_STARTS[16] +
        canonicalValue(entry.ResidencyResult__c, 'text', 'ResidencyResult__c') +
        LINE_STARTS[17] +
        canonicalValue(entry.PromptSha256__c, 'text', 'PromptSha256__c') +
        LINE_STARTS[18] +
        canonicalValue(entry.ResponseSha256__c, 'text', 'ResponseSha256__c') +
        LINE_STARTS[19] +
        canonicalValue(entry.TokensIn__c, 'integer', 'TokensIn__c') +
        LINE_STARTS[20] +
        canonicalValue(entry.TokensOut__c, 'integer', 'TokensOut__c') +
        LINE_STARTS[21] +
        canonicalValue(entry.LatencyMs__c, 'integer', 'LatencyMs__c') +
        LINE_STARTS[22] +
        canonicalValue(entry.Caller__c, 'text', 'Caller__c') +
        (v2 ? v2Tail(entry) : checkV1(entry)) +
        '\n' +
        suffix
    );
}

/** SHA-256 of a string's UTF-8, as lowercase hex: sha256Hex here, Node's crypto in `warden verify`. */
export type Sha256 = (text: string) => string;

/** EntryHash__c = SHA-256(UTF-8(canonical(entry) + previousHash)), lowercase hex. */
export function computeEntryHash(entry: LogEntry, previousHash: string, sha256: Sha256 = sha256Hex): string {
    return sha256(canonicalText(entry, previousHash));
}

/**
 * The message an event's Mac__c covers: the canonical form of the entry (v2 field list) with the first line
 * `warden-event-v2` and no Sequence__c or Mac__c line. The publisher (GateEvents) signs it before the
 * sequence exists; the event handler checks it before chaining.
 */
export function eventMacMessage(entry: LogEntry): string {
    let out = EVENT_MAC_VERSION + '\n';
    for (const field of LOG_FIELDS_V2) {
        if (field.name !== 'Sequence__c' && field.name !== 'Mac__c') {
            out += field.name + '=' + canonicalValue(entry[field.name], field.kind, field.name) + '\n';
        }
    }
    return out;
}

/** Mac__c of an entry: lowercase hex HMAC-SHA256 of eventMacMessage under the event key (hex). */
export function eventMac(entry: LogEntry, keyHex: string): string {
    return hmacSha256Hex(keyHex, eventMacMessage(entry));
}

/**
 * A whole-number field (Sequence__c) as a number: null when empty or beyond 2^53. Throws CanonicalFormError
 * when it is not a whole number.
 */
export function wholeNumber(raw: FieldValue, field: string): number | null {
    if (typeof raw === 'number') {
        if (!Number.isSafeInteger(raw)) {
            throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
        }
        return raw === 0 ? 0 : raw; // -0 reads as 0
    }
    const text = canonicalInteger(raw, field);
    if (text === '') {
        return null;
    }
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : null;
}

/** The value of each hex digit by character code; -1 for other characters. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
    HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
    HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Writes a 64-hex-digit hash as 8 words at words[at..]; false when it is not 64 hex digits. */
function hashWords(hash: string, words: Int32Array, at: number): boolean {
    if (hash.length !== 64) {
        return false;
    }
    for (let k = 0; k < 8; k++) {
        let word = 0;
        for (let j = 0; j < 8; j++) {
            const code = hash.charCodeAt(k * 8 + j);
            const digit = code < 128 ? HEX_VALUE[code] : -1;
            if (digit < 0) {
                return false;
            }
            word = (word << 4) | digit;
        }
        words[at + k] = word;
    }
    return true;
}

/**
 * The message schedules of the second block of a Merkle node, by the node's last byte: that block is the last
 * byte, the 0x80 pad byte, zeros and the length (65 bytes = 520 bits), so it has only 256 forms. Built once.
 */
let secondBlocks: Int32Array | null = null;

function secondBlockSchedules(): Int32Array {
    if (secondBlocks === null) {
        secondBlocks = new Int32Array(256 * 64);
        const w = new Int32Array(64);
        for (let last = 0; last < 256; last++) {
            w.fill(0);
            w[0] = (last << 24) | 0x00800000;
            w[15] = 520;
            sha256Schedule(w);
            secondBlocks.set(w, last * 64);
        }
    }
    return secondBlocks;
}

/**
 * Merkle root over entry hashes in sequence order. Leaves are the entry hashes themselves; an interior node
 * is SHA-256(0x01 || left || right); a node without a partner is promoted unchanged to the next level
 * (the tree of RFC 6962 section 2.1, without leaf re-hashing because leaves already are SHA-256 digests).
 *
 * Computed on 32-bit words: each interior node is two SHA-256 compressions of its 65-byte message laid out
 * directly in words, with no hex or byte arrays in between, the second from a schedule built once. The same code serves the browser and `warden
 * verify` (on Node it takes 1.4 times as long as Node's crypto; see docs/checks.md); the tests check it
 * against the level-by-level computation on Node's crypto. Leaves are hex of either case; the root is
 * lowercase. A single leaf is its own root, as it stands.
 */
export function merkleRoot(leafHashes: ReadonlyArray<string>): string {
    const n = leafHashes.length;
    if (n === 0) {
        throw new Error('A Merkle root needs at least one entry.');
    }
    if (n === 1) {
        return leafHashes[0];
    }
    const nodes = new Int32Array(n * 8);
    for (let i = 0; i < n; i++) {
        if (!hashWords(leafHashes[i], nodes, i * 8)) {
            throw new Error(`Merkle leaf ${i + 1} is not a SHA-256 hash (64 hex characters).`);
        }
    }
    const state = new Int32Array(8);
    const w = new Int32Array(64);
    const second = secondBlockSchedules();
    let count = n;
    while (count > 1) {
        let j = 0;
        for (let i = 0; i + 1 < count; i += 2) {
            const base = i * 8;
            state.set(SHA256_IV);
            // Block 1: 0x01 then the first 63 bytes of left || right.
            w[0] = 0x01000000 | (nodes[base] >>> 8);
            for (let t = 1; t < 16; t++) {
                w[t] = (nodes[base + t - 1] << 24) | (nodes[base + t] >>> 8);
            }
            sha256Schedule(w);
            sha256Rounds(state, w, 0);
            // Block 2: the right hash's last byte, then padding.
            sha256Rounds(state, second, (nodes[base + 15] & 0xff) * 64);
            nodes.set(state, j * 8);
            j++;
        }
        if (count % 2 === 1) {
            nodes.copyWithin(j * 8, (count - 1) * 8, count * 8);
            j++;
        }
        count = j;
    }
    let root = '';
    for (let k = 0; k < 8; k++) {
        root += ((nodes[k] >>> 0) + 0x100000000).toString(16).slice(1);
    }
    return root;
}

export type Checkpoint = Record<string, FieldValue>;

/** The bytes a checkpoint signature covers (RSA-SHA256 over the UTF-8 of this string). */
export function checkpointMessage(checkpoint: Checkpoint): string {
    let out = CHECKPOINT_VERSION + '\n';
    for (const field of CHECKPOINT_FIELDS) {
        out += field.name + '=' + canonicalValue(checkpoint[field.name], field.kind, field.name) + '\n';
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The export format
// ---------------------------------------------------------------------------------------------

/** Columns of a log export, in the documented order (docs/audit-format.md): what every export must have. */
export const EXPORT_COLUMNS: ReadonlyArray<string> = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
/** The columns an export with v2 entries has besides EXPORT_COLUMNS: all of them, or none. */
export const V2_COLUMNS: ReadonlyArray<string> = V2_FIELDS.map((f) => f.name);
export const CHECKPOINT_COLUMNS: ReadonlyArray<string> = [
    'Sequence__c',
    'FromSequence__c',
    'EntryCount__c',
    'HeadHash__c',
    'MerkleRoot__c',
    'Signature__c',
    'CertificateName__c',
    'CreatedAt__c'
];

/** Strips a managed-package namespace prefix (ns__Field__c to Field__c). */
export function localFieldName(name: string): string {
    const trimmed = name.trim();
    const m = /^[A-Za-z][A-Za-z0-9]*__([A-Za-z][A-Za-z0-9_]*__c)$/.exec(trimmed);
    return m ? m[1] : trimmed;
}

/**
 * What is wrong with a header that names a field more than once, with the names it came from ("names a field more
 * than once: Decision__c (Decision__c, warden__Decision__c). ..."), or null. A field named twice has two values and
 * nothing says which one the chain covers, so every reader refuses such a header instead of letting one column win.
 */
export function repeatedColumnsProblem(names: ReadonlyArray<string>): string | null {
    const byLocal = new Map<string, string[]>();
    for (const name of names) {
        const local = localFieldName(name);
        byLocal.set(local, [...(byLocal.get(local) ?? []), name.trim()]);
    }
    const repeated = [...byLocal.entries()]
        .filter(([, sources]) => sources.length > 1)
        .map(([local, sources]) => `${local} (${sources.join(', ')})`);
    return repeated.length === 0
        ? null
        : `names a field more than once: ${repeated.join('; ')}. Export each field once.`;
}

function refuseRepeated(names: ReadonlyArray<string>, where: string): void {
    const problem = repeatedColumnsProblem(names);
    if (problem !== null) {
        throw new Error(`${where} ${problem}`);
    }
}

/**
 * Turns CSV rows with a header into entries keyed by local field names. Empty cells are null. rowOffset
 * counts rows of the file before rows[1] other than the header, for the row numbers of error messages (a
 * file converted part by part, each part after its header).
 */
export function rowsToEntries(rows: string[][], rowOffset = 0): { entries: LogEntry[]; columns: string[] } {
    if (rows.length === 0) {
        return { entries: [], columns: [] };
    }
    refuseRepeated(rows[0], 'The CSV header');
    const columns = rows[0].map(localFieldName);
    // Every entry starts as a copy of one object with the columns as keys, in header order: 25 keys added
    // one by one to {} would leave each entry a slow dictionary-mode object. (A __proto__ column would set
    // the prototype instead of a key, so that header keeps the plain object.)
    const template: LogEntry | null = columns.includes('__proto__')
        ? null
        : Object.fromEntries(columns.map((c): [string, FieldValue] => [c, null]));
    const entries: LogEntry[] = [];
    for (let r = 1; r < rows.length; r++) {
        const row = rows[r];
        if (row.length === 1 && row[0] === '') {
            continue;
        }
        if (row.length !== columns.length) {
            throw new Error(`CSV row ${rowOffset + r + 1} has ${row.length} cells; the header has ${columns.length}.`);
        }
        const entry: LogEntry = template ? { ...template } : {};
        for (let c = 0; c < columns.length; c++) {
            entry[columns[c]] = row[c] === '' ? null : row[c];
        }
        entries.push(entry);
    }
    return { entries, columns };
}

/** Normalises JSON export records (SOQL REST shape or plain objects) to local field names. */
export function jsonToEntries(json: unknown): LogEntry[] {
    const list = Array.isArray(json)
        ? json
        : json && typeof json === 'object' && Array.isArray((json as { records?: unknown }).records)
          ? (json as { records: unknown[] }).records
          : null;
    if (!list) {
        throw new Error('Expected a JSON array of entries or an object with a "records" array.');
    }
    return list.map((item, index) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
            throw new Error(`Entry ${index + 1} is not an object.`);
        }
        const entry: LogEntry = {};
        for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
            if (key === 'attributes') {
                continue;
            }
            if (value !== null && typeof value === 'object') {
                throw new Error(`Entry ${index + 1}: field ${key} is not a scalar.`);
            }
            const local = localFieldName(key);
            if (Object.prototype.hasOwnProperty.call(entry, local)) {
                // Only a key with and one without the prefix can meet here (JSON.parse keeps one of equal keys).
                refuseRepeated(
                    Object.keys(item).filter((k) => k !== 'attributes'),
                    `Entry ${index + 1}`
                );
            }
            entry[local] = value as FieldValue;
        }
        return entry;
    });
}
