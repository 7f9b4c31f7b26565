// Generated from auditChain.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  SHA256_IV as IV,
  hmacSha256Hex,
  sha256Hex,
  sha256Rounds as rounds,
  sha256Schedule as schedule
} from "c/sha256";
const SHA256_IV = IV;
const sha256Rounds = rounds;
const sha256Schedule = schedule;
export const CHAIN_VERSION = "warden-log-v1";
export const CHAIN_VERSION_V2 = "warden-log-v2";
export const EVENT_MAC_VERSION = "warden-event-v2";
export const CHECKPOINT_VERSION = "warden-checkpoint-v1";
export const GENESIS_HASH = "0000000000000000000000000000000000000000000000000000000000000000";
export const LOG_FIELDS = [
  { name: "EventUuid__c", kind: "text" },
  { name: "Sequence__c", kind: "integer" },
  { name: "LoggedAt__c", kind: "datetime" },
  { name: "Endpoint__c", kind: "id" },
  { name: "EndpointKey__c", kind: "text" },
  { name: "Purpose__c", kind: "text" },
  { name: "Decision__c", kind: "text" },
  { name: "Mode__c", kind: "text" },
  { name: "Reasons__c", kind: "text" },
  { name: "RecordId__c", kind: "text" },
  { name: "SubjectKey__c", kind: "text" },
  { name: "Jurisdiction__c", kind: "text" },
  { name: "FieldsSent__c", kind: "text" },
  { name: "PhiCategories__c", kind: "text" },
  { name: "RedactionCount__c", kind: "integer" },
  { name: "ConsentResult__c", kind: "text" },
  { name: "ResidencyResult__c", kind: "text" },
  { name: "PromptSha256__c", kind: "text" },
  { name: "ResponseSha256__c", kind: "text" },
  { name: "TokensIn__c", kind: "integer" },
  { name: "TokensOut__c", kind: "integer" },
  { name: "LatencyMs__c", kind: "integer" },
  { name: "Caller__c", kind: "text" }
];
export const V2_FIELDS = [
  { name: "EntryKind__c", kind: "text" },
  { name: "IntentUuid__c", kind: "text" },
  { name: "CalloutError__c", kind: "text" },
  { name: "Mac__c", kind: "text" }
];
export const LOG_FIELDS_V2 = [...LOG_FIELDS, ...V2_FIELDS];
export const CHAIN_FIELDS = ["PreviousHash__c", "EntryHash__c"];
export const CHECKPOINT_FIELDS = [
  { name: "FromSequence__c", kind: "integer" },
  { name: "Sequence__c", kind: "integer" },
  { name: "EntryCount__c", kind: "integer" },
  { name: "HeadHash__c", kind: "text" },
  { name: "MerkleRoot__c", kind: "text" },
  { name: "CreatedAt__c", kind: "datetime" }
];
export class CanonicalFormError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}
const CANONICAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOOSE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ID_SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
export function toId18(id) {
  if (id.length !== 15) {
    return id;
  }
  let suffix = "";
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
const DIGITS = /^(?:0|[1-9][0-9]{0,14})$/;
export function canonicalInteger(raw, field) {
  if (raw === null || raw === void 0 || raw === "") {
    return "";
  }
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) {
      throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
    }
    return raw.toFixed(0);
  }
  if (typeof raw === "string" && DIGITS.test(raw)) {
    return raw;
  }
  const text = String(raw).trim();
  const match = /^([+-]?)0*(\d+?)(?:\.0*)?$/.exec(text);
  if (!match) {
    throw new CanonicalFormError(`${field} is not a whole number: "${text}"`, field);
  }
  const digits = match[2];
  return match[1] === "-" && digits !== "0" ? "-" + digits : digits;
}
function pad(value, width) {
  let text = String(value);
  while (text.length < width) {
    text = "0" + text;
  }
  return text;
}
export function canonicalDatetime(raw, field = "value") {
  if (raw === null || raw === void 0 || raw === "") {
    return "";
  }
  const text = String(raw).trim();
  if (CANONICAL_DATETIME.test(text)) {
    return text;
  }
  const m = LOOSE_DATETIME.exec(text);
  if (!m) {
    throw new CanonicalFormError(`${field} is not an ISO-8601 date-time: "${text}"`, field);
  }
  const millis = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
  const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, millis);
  const check = new Date(local);
  if (Number.isNaN(local) || check.getUTCMonth() !== +m[2] - 1 || check.getUTCDate() !== +m[3] || check.getUTCHours() !== +m[4] || check.getUTCMinutes() !== +m[5] || check.getUTCSeconds() !== (m[6] ? +m[6] : 0)) {
    throw new CanonicalFormError(`${field} is not a valid date-time: "${text}"`, field);
  }
  let time = local;
  const zone = m[8];
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 6e4;
  }
  const date = new Date(time);
  return pad(date.getUTCFullYear(), 4) + "-" + pad(date.getUTCMonth() + 1, 2) + "-" + pad(date.getUTCDate(), 2) + "T" + pad(date.getUTCHours(), 2) + ":" + pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) + "." + pad(date.getUTCMilliseconds(), 3) + "Z";
}
function escapeCanonical(value) {
  if (value.indexOf("\\") < 0 && value.indexOf("\n") < 0 && value.indexOf("\r") < 0) {
    return value;
  }
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
function canonicalValue(raw, kind, field) {
  switch (kind) {
    case "integer":
      return canonicalInteger(raw, field);
    case "datetime":
      return canonicalDatetime(raw, field);
    case "id":
      if (raw === null || raw === void 0) {
        return "";
      }
      return typeof raw === "string" && raw.length === 18 ? raw : toId18(String(raw).trim());
    default:
      return raw === null || raw === void 0 ? "" : escapeCanonical(typeof raw === "string" ? raw : String(raw));
  }
}
export function canonicalEntry(entry) {
  return canonicalText(entry, "");
}
const LINE_STARTS = LOG_FIELDS.map((f, i) => (i === 0 ? CHAIN_VERSION + "\n" : "\n") + f.name + "=");
const V2_FIRST_LINE_START = CHAIN_VERSION_V2 + "\n" + LOG_FIELDS[0].name + "=";
const V2_LINE_STARTS = V2_FIELDS.map((f) => "\n" + f.name + "=");
export function isV2Entry(entry) {
  const kind = entry.EntryKind__c;
  return kind !== null && kind !== void 0 && kind !== "";
}
function isEmpty(value) {
  return value === null || value === void 0 || value === "";
}
function checkV1(entry) {
  if (!(isEmpty(entry.IntentUuid__c) && isEmpty(entry.CalloutError__c) && isEmpty(entry.Mac__c))) {
    const field = V2_FIELDS.find((f) => !isEmpty(entry[f.name]))?.name;
    throw new CanonicalFormError(`${field} has a value on an entry without EntryKind__c (a v1 entry).`, field);
  }
  return "";
}
function checkV2RecordId(entry) {
  if (!isEmpty(entry.RecordId__c)) {
    throw new CanonicalFormError(
      "RecordId__c has a value on a v2 entry, which names its subject only by SubjectKey__c.",
      "RecordId__c"
    );
  }
  return "";
}
function v2Tail(entry) {
  return V2_LINE_STARTS[0] + canonicalValue(entry.EntryKind__c, "text", "EntryKind__c") + V2_LINE_STARTS[1] + canonicalValue(entry.IntentUuid__c, "text", "IntentUuid__c") + V2_LINE_STARTS[2] + canonicalValue(entry.CalloutError__c, "text", "CalloutError__c") + V2_LINE_STARTS[3] + canonicalValue(entry.Mac__c, "text", "Mac__c");
}
function canonicalText(entry, suffix) {
  const v2 = isV2Entry(entry);
  return (v2 ? V2_FIRST_LINE_START : LINE_STARTS[0]) + canonicalValue(entry.EventUuid__c, "text", "EventUuid__c") + LINE_STARTS[1] + canonicalValue(entry.Sequence__c, "integer", "Sequence__c") + LINE_STARTS[2] + canonicalValue(entry.LoggedAt__c, "datetime", "LoggedAt__c") + LINE_STARTS[3] + canonicalValue(entry.Endpoint__c, "id", "Endpoint__c") + LINE_STARTS[4] + canonicalValue(entry.EndpointKey__c, "text", "EndpointKey__c") + LINE_STARTS[5] + canonicalValue(entry.Purpose__c, "text", "Purpose__c") + LINE_STARTS[6] + canonicalValue(entry.Decision__c, "text", "Decision__c") + LINE_STARTS[7] + canonicalValue(entry.Mode__c, "text", "Mode__c") + LINE_STARTS[8] + canonicalValue(entry.Reasons__c, "text", "Reasons__c") + LINE_STARTS[9] + (v2 ? checkV2RecordId(entry) : canonicalValue(entry.RecordId__c, "text", "RecordId__c")) + LINE_STARTS[10] + canonicalValue(entry.SubjectKey__c, "text", "SubjectKey__c") + LINE_STARTS[11] + canonicalValue(entry.Jurisdiction__c, "text", "Jurisdiction__c") + LINE_STARTS[12] + canonicalValue(entry.FieldsSent__c, "text", "FieldsSent__c") + LINE_STARTS[13] + canonicalValue(entry.PhiCategories__c, "text", "PhiCategories__c") + LINE_STARTS[14] + canonicalValue(entry.RedactionCount__c, "integer", "RedactionCount__c") + LINE_STARTS[15] + canonicalValue(entry.ConsentResult__c, "text", "ConsentResult__c") + LINE_STARTS[16] + canonicalValue(entry.ResidencyResult__c, "text", "ResidencyResult__c") + LINE_STARTS[17] + canonicalValue(entry.PromptSha256__c, "text", "PromptSha256__c") + LINE_STARTS[18] + canonicalValue(entry.ResponseSha256__c, "text", "ResponseSha256__c") + LINE_STARTS[19] + canonicalValue(entry.TokensIn__c, "integer", "TokensIn__c") + LINE_STARTS[20] + canonicalValue(entry.TokensOut__c, "integer", "TokensOut__c") + LINE_STARTS[21] + canonicalValue(entry.LatencyMs__c, "integer", "LatencyMs__c") + LINE_STARTS[22] + canonicalValue(entry.Caller__c, "text", "Caller__c") + (v2 ? v2Tail(entry) : checkV1(entry)) + "\n" + suffix;
}
export function computeEntryHash(entry, previousHash, sha256 = sha256Hex) {
  return sha256(canonicalText(entry, previousHash));
}
export function eventMacMessage(entry) {
  let out = EVENT_MAC_VERSION + "\n";
  for (const field of LOG_FIELDS_V2) {
    if (field.name !== "Sequence__c" && field.name !== "Mac__c") {
      out += field.name + "=" + canonicalValue(entry[field.name], field.kind, field.name) + "\n";
    }
  }
  return out;
}
export function eventMac(entry, keyHex) {
  return hmacSha256Hex(keyHex, eventMacMessage(entry));
}
export function wholeNumber(raw, field) {
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) {
      throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
    }
    return raw === 0 ? 0 : raw;
  }
  const text = canonicalInteger(raw, field);
  if (text === "") {
    return null;
  }
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE["0123456789abcdef".charCodeAt(i)] = i;
  HEX_VALUE["0123456789ABCDEF".charCodeAt(i)] = i;
}
function hashWords(hash, words, at) {
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
      word = word << 4 | digit;
    }
    words[at + k] = word;
  }
  return true;
}
let secondBlocks = null;
function secondBlockSchedules() {
  if (secondBlocks === null) {
    secondBlocks = new Int32Array(256 * 64);
    const w = new Int32Array(64);
    for (let last = 0; last < 256; last++) {
      w.fill(0);
      w[0] = last << 24 | 8388608;
      w[15] = 520;
      sha256Schedule(w);
      secondBlocks.set(w, last * 64);
    }
  }
  return secondBlocks;
}
export function merkleRoot(leafHashes) {
  const n = leafHashes.length;
  if (n === 0) {
    throw new Error("A Merkle root needs at least one entry.");
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
      w[0] = 16777216 | nodes[base] >>> 8;
      for (let t = 1; t < 16; t++) {
        w[t] = nodes[base + t - 1] << 24 | nodes[base + t] >>> 8;
      }
      sha256Schedule(w);
      sha256Rounds(state, w, 0);
      sha256Rounds(state, second, (nodes[base + 15] & 255) * 64);
      nodes.set(state, j * 8);
      j++;
    }
    if (count % 2 === 1) {
      nodes.copyWithin(j * 8, (count - 1) * 8, count * 8);
      j++;
    }
    count = j;
  }
  let root = "";
  for (let k = 0; k < 8; k++) {
    root += ((nodes[k] >>> 0) + 4294967296).toString(16).slice(1);
  }
  return root;
}
export function checkpointMessage(checkpoint) {
  let out = CHECKPOINT_VERSION + "\n";
  for (const field of CHECKPOINT_FIELDS) {
    out += field.name + "=" + canonicalValue(checkpoint[field.name], field.kind, field.name) + "\n";
  }
  return out;
}
export const EXPORT_COLUMNS = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
export const V2_COLUMNS = V2_FIELDS.map((f) => f.name);
export const CHECKPOINT_COLUMNS = [
  "Sequence__c",
  "FromSequence__c",
  "EntryCount__c",
  "HeadHash__c",
  "MerkleRoot__c",
  "Signature__c",
  "CertificateName__c",
  "CreatedAt__c"
];
export function localFieldName(name) {
  const trimmed = name.trim();
  const m = /^[A-Za-z][A-Za-z0-9]*__([A-Za-z][A-Za-z0-9_]*__c)$/.exec(trimmed);
  return m ? m[1] : trimmed;
}
export function repeatedColumnsProblem(names) {
  const byLocal = /* @__PURE__ */ new Map();
  for (const name of names) {
    const local = localFieldName(name);
    byLocal.set(local, [...byLocal.get(local) ?? [], name.trim()]);
  }
  const repeated = [...byLocal.entries()].filter(([, sources]) => sources.length > 1).map(([local, sources]) => `${local} (${sources.join(", ")})`);
  return repeated.length === 0 ? null : `names a field more than once: ${repeated.join("; ")}. Export each field once.`;
}
function refuseRepeated(names, where) {
  const problem = repeatedColumnsProblem(names);
  if (problem !== null) {
    throw new Error(`${where} ${problem}`);
  }
}
export function rowsToEntries(rows, rowOffset = 0) {
  if (rows.length === 0) {
    return { entries: [], columns: [] };
  }
  refuseRepeated(rows[0], "The CSV header");
  const columns = rows[0].map(localFieldName);
  const template = columns.includes("__proto__") ? null : Object.fromEntries(columns.map((c) => [c, null]));
  const entries = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === "") {
      continue;
    }
    if (row.length !== columns.length) {
      throw new Error(`CSV row ${rowOffset + r + 1} has ${row.length} cells; the header has ${columns.length}.`);
    }
    const entry = template ? { ...template } : {};
    for (let c = 0; c < columns.length; c++) {
      entry[columns[c]] = row[c] === "" ? null : row[c];
    }
    entries.push(entry);
  }
  return { entries, columns };
}
export function jsonToEntries(json) {
  const list = Array.isArray(json) ? json : json && typeof json === "object" && Array.isArray(json.records) ? json.records : null;
  if (!list) {
    throw new Error('Expected a JSON array of entries or an object with a "records" array.');
  }
  return list.map((item, index) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      throw new Error(`Entry ${index + 1} is not an object.`);
    }
    const entry = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === "attributes") {
        continue;
      }
      if (value !== null && typeof value === "object") {
        throw new Error(`Entry ${index + 1}: field ${key} is not a scalar.`);
      }
      const local = localFieldName(key);
      if (Object.prototype.hasOwnProperty.call(entry, local)) {
        refuseRepeated(
          Object.keys(item).filter((k) => k !== "attributes"),
          `Entry ${index + 1}`
        );
      }
      entry[local] = value;
    }
    return entry;
  });
}
