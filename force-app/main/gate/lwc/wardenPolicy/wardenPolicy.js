// Generated from wardenPolicy.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export function utf8Encode(text) {
  const out = new Uint8Array(text.length * 3);
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      out[p++] = code;
      continue;
    }
    if (code >= 55296 && code <= 56319 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        code = 65536 + (code - 55296 << 10) + (next - 56320);
        i++;
      } else {
        code = 65533;
      }
    } else if (code >= 55296 && code <= 57343) {
      code = 65533;
    }
    if (code < 2048) {
      out[p++] = 192 | code >> 6;
      out[p++] = 128 | code & 63;
    } else if (code < 65536) {
      out[p++] = 224 | code >> 12;
      out[p++] = 128 | code >> 6 & 63;
      out[p++] = 128 | code & 63;
    } else {
      out[p++] = 240 | code >> 18;
      out[p++] = 128 | code >> 12 & 63;
      out[p++] = 128 | code >> 6 & 63;
      out[p++] = 128 | code & 63;
    }
  }
  return out.slice(0, p);
}
const HEX = "0123456789abcdef";
export function toHex(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  }
  return out;
}
export function fromHex(hex) {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new Error("Not a hex string of whole bytes.");
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return out;
}
const K256 = new Uint32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
export function sha256Bytes(message) {
  const h = new Uint32Array([
    1779033703,
    3144134277,
    1013904242,
    2773480762,
    1359893119,
    2600822924,
    528734635,
    1541459225
  ]);
  const bitLength = message.length * 8;
  const paddedLength = (message.length + 8 >> 6) + 1 << 6;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 128;
  const high = Math.floor(bitLength / 4294967296);
  const low = bitLength >>> 0;
  padded[paddedLength - 8] = high >>> 24;
  padded[paddedLength - 7] = high >>> 16 & 255;
  padded[paddedLength - 6] = high >>> 8 & 255;
  padded[paddedLength - 5] = high & 255;
  padded[paddedLength - 4] = low >>> 24;
  padded[paddedLength - 3] = low >>> 16 & 255;
  padded[paddedLength - 2] = low >>> 8 & 255;
  padded[paddedLength - 1] = low & 255;
  const w = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4;
      w[t] = padded[j] << 24 | padded[j + 1] << 16 | padded[j + 2] << 8 | padded[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
      const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
      w[t] = w[t - 16] + s0 + w[t - 7] + s1 | 0;
    }
    let a = h[0];
    let b = h[1];
    let c = h[2];
    let d = h[3];
    let e = h[4];
    let f = h[5];
    let g = h[6];
    let k = h[7];
    for (let t = 0; t < 64; t++) {
      const S1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      const ch = e & f ^ ~e & g;
      const temp1 = k + S1 + ch + K256[t] + w[t] | 0;
      const S0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
      const maj = a & b ^ a & c ^ b & c;
      const temp2 = S0 + maj | 0;
      k = g;
      g = f;
      f = e;
      e = d + temp1 | 0;
      d = c;
      c = b;
      b = a;
      a = temp1 + temp2 | 0;
    }
    h[0] = h[0] + a | 0;
    h[1] = h[1] + b | 0;
    h[2] = h[2] + c | 0;
    h[3] = h[3] + d | 0;
    h[4] = h[4] + e | 0;
    h[5] = h[5] + f | 0;
    h[6] = h[6] + g | 0;
    h[7] = h[7] + k | 0;
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = h[i] >>> 24;
    out[i * 4 + 1] = h[i] >>> 16 & 255;
    out[i * 4 + 2] = h[i] >>> 8 & 255;
    out[i * 4 + 3] = h[i] & 255;
  }
  return out;
}
export function sha256Hex(text) {
  return toHex(sha256Bytes(utf8Encode(text)));
}
export function hmacSha256Bytes(key, message) {
  let block = key.length > 64 ? sha256Bytes(key) : key;
  const padded = new Uint8Array(64);
  padded.set(block);
  block = padded;
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 54;
    outer[i] = block[i] ^ 92;
  }
  inner.set(message, 64);
  outer.set(sha256Bytes(inner), 64);
  return sha256Bytes(outer);
}
export function hmacSha256Hex(keyHex, text) {
  return toHex(hmacSha256Bytes(fromHex(keyHex), utf8Encode(text)));
}
const PURE_NODE_HASHER = {
  sha256Utf8: sha256Hex,
  sha256Node(leftHex, rightHex) {
    const bytes = new Uint8Array(65);
    bytes[0] = 1;
    bytes.set(fromHex(leftHex), 1);
    bytes.set(fromHex(rightHex), 33);
    return toHex(sha256Bytes(bytes));
  }
};
const SHA256_IV = [1779033703, 3144134277, 1013904242, 2773480762, 1359893119, 2600822924, 528734635, 1541459225];
const LEAF_HEX = /^[0-9a-fA-F]{64}$/;
function compress(h, w) {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
    const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
    w[t] = w[t - 16] + s0 + w[t - 7] + s1 | 0;
  }
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let e = h[4];
  let f = h[5];
  let g = h[6];
  let k = h[7];
  for (let t = 0; t < 64; t++) {
    const S1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
    const ch = e & f ^ ~e & g;
    const temp1 = k + S1 + ch + K256[t] + w[t] | 0;
    const S0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
    const maj = a & b ^ a & c ^ b & c;
    const temp2 = S0 + maj | 0;
    k = g;
    g = f;
    f = e;
    e = d + temp1 | 0;
    d = c;
    c = b;
    b = a;
    a = temp1 + temp2 | 0;
  }
  h[0] = h[0] + a | 0;
  h[1] = h[1] + b | 0;
  h[2] = h[2] + c | 0;
  h[3] = h[3] + d | 0;
  h[4] = h[4] + e | 0;
  h[5] = h[5] + f | 0;
  h[6] = h[6] + g | 0;
  h[7] = h[7] + k | 0;
}
export function merkleRootWords(leafHashes) {
  const n = leafHashes.length;
  if (n === 1) {
    return leafHashes[0];
  }
  const nodes = new Int32Array(n * 8);
  for (let i = 0; i < n; i++) {
    const leaf = leafHashes[i];
    if (!LEAF_HEX.test(leaf)) {
      return merkleRootHex(leafHashes, PURE_NODE_HASHER);
    }
    for (let k = 0; k < 8; k++) {
      nodes[i * 8 + k] = parseInt(leaf.substring(k * 8, k * 8 + 8), 16) | 0;
    }
  }
  const h = new Int32Array(8);
  const w = new Int32Array(64);
  let count = n;
  while (count > 1) {
    let j = 0;
    for (let i = 0; i + 1 < count; i += 2) {
      const base = i * 8;
      for (let k = 0; k < 8; k++) {
        h[k] = SHA256_IV[k];
      }
      w[0] = 16777216 | nodes[base] >>> 8;
      for (let t = 1; t < 16; t++) {
        w[t] = nodes[base + t - 1] << 24 | nodes[base + t] >>> 8;
      }
      compress(h, w);
      w[0] = nodes[base + 15] << 24 | 8388608;
      for (let t = 1; t < 15; t++) {
        w[t] = 0;
      }
      w[15] = 520;
      compress(h, w);
      for (let k = 0; k < 8; k++) {
        nodes[j * 8 + k] = h[k];
      }
      j++;
    }
    if (count % 2 === 1) {
      for (let k = 0; k < 8; k++) {
        nodes[j * 8 + k] = nodes[(count - 1) * 8 + k];
      }
      j++;
    }
    count = j;
  }
  let out = "";
  for (let k = 0; k < 8; k++) {
    out += ((nodes[k] >>> 0) + 4294967296).toString(16).slice(1);
  }
  return out;
}
export const PURE_HASHER = {
  sha256Utf8: PURE_NODE_HASHER.sha256Utf8,
  sha256Node: PURE_NODE_HASHER.sha256Node,
  merkleRoot: merkleRootWords
};
export const CHAIN_VERSION = "warden-log-v1";
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
function canonicalInteger(raw, field) {
  if (raw === null || raw === void 0 || raw === "") {
    return "";
  }
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) {
      throw new CanonicalFormError(`${field} is not a whole number: ${raw}`, field);
    }
    return String(raw);
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
const DIGITS = /^(?:0|[1-9][0-9]{0,14})$/;
let shortDecimals = null;
let paddedDecimals = null;
function decimal(value) {
  if (!shortDecimals || !paddedDecimals) {
    shortDecimals = new Array(1e4);
    paddedDecimals = new Array(1e4);
    for (let i = 0; i < 1e4; i++) {
      shortDecimals[i] = String(i);
      paddedDecimals[i] = String(i + 1e4).slice(1);
    }
  }
  if (value < 0) {
    return "-" + decimal(-value);
  }
  if (value < 1e4) {
    return shortDecimals[value];
  }
  let out = "";
  while (value >= 1e4) {
    const group = value % 1e4;
    out = paddedDecimals[group] + out;
    value = (value - group) / 1e4;
  }
  return shortDecimals[value] + out;
}
function canonicalValue(raw, kind, field) {
  if (raw === null || raw === void 0) {
    return "";
  }
  switch (kind) {
    case "integer":
      if (typeof raw === "number" && Number.isSafeInteger(raw)) {
        return decimal(raw);
      }
      if (typeof raw === "string" && DIGITS.test(raw)) {
        return raw;
      }
      return canonicalInteger(raw, field);
    case "datetime":
      return typeof raw === "string" && raw.length === 24 && CANONICAL_DATETIME.test(raw) ? raw : canonicalDatetime(raw, field);
    case "id":
      return typeof raw === "string" && raw.length === 18 ? raw : toId18(String(raw).trim());
    default:
      return escapeCanonical(typeof raw === "string" ? raw : String(raw));
  }
}
export function canonicalEntry(entry) {
  return canonicalText(entry, "");
}
const LINE_STARTS = LOG_FIELDS.map((f, i) => (i === 0 ? CHAIN_VERSION + "\n" : "\n") + f.name + "=");
function valueOf(raw, kind, field) {
  return raw === null || raw === void 0 ? "" : canonicalValue(raw, kind, field);
}
function textOf(raw, escaped) {
  if (raw === null || raw === void 0) {
    return "";
  }
  const value = typeof raw === "string" ? raw : String(raw);
  return escaped || value.indexOf("\n") >= 0 ? escapeCanonical(value) : value;
}
function canonicalLines(entry, suffix, escaped) {
  return LINE_STARTS[0] + textOf(entry.EventUuid__c, escaped) + LINE_STARTS[1] + valueOf(entry.Sequence__c, "integer", "Sequence__c") + LINE_STARTS[2] + valueOf(entry.LoggedAt__c, "datetime", "LoggedAt__c") + LINE_STARTS[3] + valueOf(entry.Endpoint__c, "id", "Endpoint__c") + LINE_STARTS[4] + textOf(entry.EndpointKey__c, escaped) + LINE_STARTS[5] + textOf(entry.Purpose__c, escaped) + LINE_STARTS[6] + textOf(entry.Decision__c, escaped) + LINE_STARTS[7] + textOf(entry.Mode__c, escaped) + LINE_STARTS[8] + textOf(entry.Reasons__c, escaped) + LINE_STARTS[9] + textOf(entry.RecordId__c, escaped) + LINE_STARTS[10] + textOf(entry.SubjectKey__c, escaped) + LINE_STARTS[11] + textOf(entry.Jurisdiction__c, escaped) + LINE_STARTS[12] + textOf(entry.FieldsSent__c, escaped) + LINE_STARTS[13] + textOf(entry.PhiCategories__c, escaped) + LINE_STARTS[14] + valueOf(entry.RedactionCount__c, "integer", "RedactionCount__c") + LINE_STARTS[15] + textOf(entry.ConsentResult__c, escaped) + LINE_STARTS[16] + textOf(entry.ResidencyResult__c, escaped) + LINE_STARTS[17] + textOf(entry.PromptSha256__c, escaped) + LINE_STARTS[18] + textOf(entry.ResponseSha256__c, escaped) + LINE_STARTS[19] + valueOf(entry.TokensIn__c, "integer", "TokensIn__c") + LINE_STARTS[20] + valueOf(entry.TokensOut__c, "integer", "TokensOut__c") + LINE_STARTS[21] + valueOf(entry.LatencyMs__c, "integer", "LatencyMs__c") + LINE_STARTS[22] + textOf(entry.Caller__c, escaped) + "\n" + suffix;
}
function canonicalText(entry, suffix) {
  const plain = canonicalLines(entry, suffix, false);
  if (plain.indexOf("\\") < 0 && plain.indexOf("\r") < 0 || keptTextIsCanonical(entry)) {
    return plain;
  }
  return canonicalLines(entry, suffix, true);
}
function keptTextIsCanonical(entry) {
  for (const field of LOG_FIELDS) {
    const raw = entry[field.name];
    if (field.kind === "text" && raw !== null && raw !== void 0) {
      const value = typeof raw === "string" ? raw : String(raw);
      if (value.indexOf("\n") < 0 && (value.indexOf("\\") >= 0 || value.indexOf("\r") >= 0)) {
        return false;
      }
    }
  }
  return true;
}
export function computeEntryHash(entry, previousHash, hasher = PURE_HASHER) {
  return hasher.sha256Utf8(canonicalText(entry, previousHash));
}
export function merkleRoot(leafHashes, hasher = PURE_HASHER) {
  if (leafHashes.length === 0) {
    throw new Error("A Merkle root needs at least one entry.");
  }
  if (hasher.merkleRoot) {
    return hasher.merkleRoot(leafHashes);
  }
  return merkleRootHex(leafHashes, hasher);
}
function merkleRootHex(leafHashes, hasher) {
  let level = leafHashes.slice();
  while (level.length > 1) {
    const next = new Array(Math.ceil(level.length / 2));
    let j = 0;
    for (let i = 0; i + 1 < level.length; i += 2) {
      next[j++] = hasher.sha256Node(level[i], level[i + 1]);
    }
    if (level.length % 2 === 1) {
      next[j] = level[level.length - 1];
    }
    level = next;
  }
  return level[0];
}
export function checkpointMessage(checkpoint) {
  let out = CHECKPOINT_VERSION + "\n";
  for (const field of CHECKPOINT_FIELDS) {
    out += field.name + "=" + canonicalValue(checkpoint[field.name], field.kind, field.name) + "\n";
  }
  return out;
}
const HASH_PATTERN = /^[0-9a-f]{64}$/;
function chainText(raw) {
  return typeof raw === "string" ? raw : raw === null || raw === void 0 ? "" : String(raw);
}
function malformedEntryHash(index, sequence) {
  return {
    kind: "malformed",
    index,
    sequence,
    field: "EntryHash__c",
    message: `Sequence ${sequence}: EntryHash__c is not 64 lowercase hex characters.`
  };
}
function sequenceValue(raw) {
  if (typeof raw === "number" && raw >= 1 && Number.isSafeInteger(raw)) {
    return raw;
  }
  if (typeof raw === "string" && DIGITS.test(raw)) {
    return Number(raw);
  }
  const text = canonicalInteger(raw, "Sequence__c");
  if (text === "") {
    return null;
  }
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
export class ChainVerifier {
  hasher;
  options;
  checkpoints;
  /** Checkpoints by FromSequence__c, and the next of them to open. */
  pending;
  nextPending = 0;
  open = [];
  rows = 0;
  first = null;
  previousSeq = 0;
  previousHash = null;
  firstLoggedAt = null;
  lastLoggedAt = null;
  notes = [];
  broken = null;
  /** After a gap: the sequence expected at the gap, where the gap is, and the sequence found there. */
  seeking = null;
  constructor(options = {}) {
    this.options = options;
    this.hasher = options.hasher ?? PURE_HASHER;
    this.checkpoints = (options.checkpoints ?? []).map((checkpoint, c) => readCheckpointRange(checkpoint, c));
    this.pending = this.checkpoints.filter((cp) => cp.error === void 0 && cp.from >= 1 && cp.to >= cp.from).sort((a, b) => a.from - b.from);
  }
  /** The rows added so far. */
  get rowCount() {
    return this.rows;
  }
  /** Whether the next row's entry hash is still wanted: false once the chain has broken. */
  get wantsHashes() {
    return this.broken === null && this.seeking === null;
  }
  /** Checks the next entry of the export. */
  add(entry) {
    if (!this.wantsHashes) {
      this.addRow(entry.Sequence__c, null, null, null, null);
      return;
    }
    let computed;
    try {
      computed = computeEntryHash(entry, chainText(entry.PreviousHash__c), this.hasher);
    } catch (error) {
      computed = error;
    }
    this.addRow(entry.Sequence__c, entry.PreviousHash__c, entry.EntryHash__c, entry.LoggedAt__c, computed);
  }
  /**
   * Checks the next row from its chain fields and its recomputed entry hash: computeEntryHash(entry,
   * PreviousHash__c), or what computing it threw. While wantsHashes is false only the sequence is read, and
   * the other arguments may be null.
   */
  addRow(sequence, previousHash, entryHash, loggedAt, computed) {
    const index = this.rows++;
    if (this.broken !== null) {
      return;
    }
    if (this.seeking !== null) {
      this.seek(sequence, index);
      return;
    }
    let seq;
    try {
      seq = sequenceValue(sequence);
    } catch (error) {
      this.fail({
        kind: "malformed",
        index,
        sequence: null,
        field: "Sequence__c",
        message: error.message
      });
      return;
    }
    if (seq === null || seq < 1) {
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: "Sequence__c",
        message: `Row ${index + 1} has no valid Sequence__c.`
      });
      return;
    }
    if (this.first === null) {
      if (seq !== 1 && !this.options.allowPartial) {
        this.fail({
          kind: "missing",
          index,
          sequence: seq,
          message: `The export starts at sequence ${seq}: sequences 1..${seq - 1} are missing (use --allow-partial for an export of a later range).`
        });
        return;
      }
      this.first = seq;
      this.previousSeq = seq - 1;
      this.firstLoggedAt = loggedAt;
    }
    if (seq !== this.previousSeq + 1) {
      this.outOfSequence(seq, index);
      return;
    }
    if (computed === null) {
      throw new Error("ChainVerifier.addRow needs the recomputed entry hash while wantsHashes is true.");
    }
    this.checkRow(seq, index, chainText(previousHash), chainText(entryHash), computed);
    if (this.broken === null) {
      this.lastLoggedAt = loggedAt;
    }
  }
  /** The report: the first break, or the whole chain and its checkpoints verified. */
  finish() {
    const report = {
      ok: false,
      count: this.rows,
      firstSequence: null,
      lastSequence: null,
      headHash: null,
      firstLoggedAt: null,
      lastLoggedAt: null,
      checkpointsVerified: 0,
      signaturesVerified: 0,
      notes: this.notes.slice()
    };
    if (this.seeking !== null) {
      const { expected, index, sequence } = this.seeking;
      this.fail({
        kind: "missing",
        index,
        sequence,
        message: sequence - expected === 1 ? `Sequence ${expected} is missing (row ${index + 1} has sequence ${sequence}).` : `Sequences ${expected}..${sequence - 1} are missing (row ${index + 1} has sequence ${sequence}).`
      });
    }
    if (this.rows === 0) {
      this.fail({ kind: "empty", index: -1, sequence: null, message: "The export holds no entries." });
    }
    if (this.broken !== null) {
      report.break = this.broken;
      return report;
    }
    report.firstSequence = this.first;
    report.lastSequence = this.previousSeq;
    report.headHash = this.previousHash;
    report.firstLoggedAt = canonicalDatetime(this.firstLoggedAt, "LoggedAt__c") || null;
    report.lastLoggedAt = canonicalDatetime(this.lastLoggedAt, "LoggedAt__c") || null;
    const checkpointBreak = this.judgeCheckpoints(report);
    if (checkpointBreak) {
      report.break = checkpointBreak;
      return report;
    }
    report.ok = true;
    return report;
  }
  fail(chainBreak) {
    if (this.broken === null) {
      this.broken = chainBreak;
      this.seeking = null;
      this.open = [];
    }
  }
  /** A row whose sequence does not follow the previous one: a duplicate, a reordering or a gap. */
  outOfSequence(seq, index) {
    const first = this.first;
    const previousSeq = this.previousSeq;
    if (seq <= previousSeq) {
      this.fail(
        seq >= first ? {
          kind: "duplicate",
          index,
          sequence: seq,
          message: `Sequence ${seq} appears twice (rows ${seq - first + 1} and ${index + 1}).`
        } : {
          kind: "reordered",
          index,
          sequence: seq,
          message: `Sequence ${seq} follows sequence ${previousSeq}: entries are out of order.`
        }
      );
      return;
    }
    this.seeking = { expected: previousSeq + 1, index, sequence: seq };
    this.open = [];
  }
  /** A row after a gap: the first row with the expected sequence makes the gap a reordering. */
  seek(sequence, index) {
    const seeking = this.seeking;
    let seq;
    try {
      seq = sequenceValue(sequence);
    } catch {
      return;
    }
    if (seq === seeking.expected) {
      this.fail({
        kind: "reordered",
        index: seeking.index,
        sequence: seeking.sequence,
        message: `Sequence ${seeking.sequence} comes before sequence ${seeking.expected} (row ${index + 1}): entries are out of order.`
      });
    }
  }
  /** The hash checks of a row in sequence, and the checkpoint blocks it belongs to. */
  checkRow(seq, index, recordedPrevious, recordedHash, computed) {
    const previousHash = this.previousHash;
    const linked = previousHash !== null && recordedPrevious === previousHash;
    if (!linked && !HASH_PATTERN.test(recordedPrevious)) {
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: "PreviousHash__c",
        message: `Sequence ${seq}: PreviousHash__c is not 64 lowercase hex characters.`
      });
      return;
    }
    if (!linked && !HASH_PATTERN.test(recordedHash)) {
      this.fail(malformedEntryHash(index, seq));
      return;
    }
    if (previousHash === null) {
      if (seq === 1 && recordedPrevious !== GENESIS_HASH) {
        this.fail({
          kind: "genesis",
          index,
          sequence: seq,
          field: "PreviousHash__c",
          message: "Sequence 1 must have the genesis PreviousHash__c (64 zeros)."
        });
        return;
      }
      if (seq !== 1) {
        this.notes.push(`Partial export: anchored on the recorded PreviousHash__c of sequence ${seq}.`);
      }
    } else if (!linked) {
      this.fail({
        kind: "link",
        index,
        sequence: seq,
        field: "PreviousHash__c",
        message: `Sequence ${seq}: PreviousHash__c does not equal the EntryHash__c of sequence ${seq - 1}.`
      });
      return;
    }
    if (typeof computed !== "string") {
      if (linked && !HASH_PATTERN.test(recordedHash)) {
        this.fail(malformedEntryHash(index, seq));
        return;
      }
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: computed instanceof CanonicalFormError ? computed.field : void 0,
        message: `Sequence ${seq}: ${computed.message}`
      });
      return;
    }
    if (computed !== recordedHash) {
      this.fail(
        linked && !HASH_PATTERN.test(recordedHash) ? malformedEntryHash(index, seq) : {
          kind: "edited",
          index,
          sequence: seq,
          message: `Sequence ${seq}: the fields do not hash to EntryHash__c: a field of this entry (or its EntryHash__c) was changed.`
        }
      );
      return;
    }
    this.previousHash = recordedHash;
    this.previousSeq = seq;
    if (this.pending.length > 0) {
      this.collectLeaf(seq, recordedHash);
    }
  }
  /** Adds a verified entry hash to the checkpoint blocks open at its sequence, and closes those it ends. */
  collectLeaf(seq, hash) {
    while (this.nextPending < this.pending.length && this.pending[this.nextPending].from <= seq) {
      const cp = this.pending[this.nextPending++];
      if (cp.from === seq && cp.from >= this.first) {
        cp.leaves = [];
        this.open.push(cp);
      }
    }
    if (this.open.length === 0) {
      return;
    }
    let closed = false;
    for (const cp of this.open) {
      cp.leaves.push(hash);
      if (cp.to === seq) {
        const leaves = cp.leaves;
        cp.outcome = String(cp.checkpoint.HeadHash__c ?? "") !== hash ? "HeadHash__c" : String(cp.checkpoint.MerkleRoot__c ?? "") !== merkleRoot(leaves, this.hasher) ? "MerkleRoot__c" : "ok";
        cp.leaves = null;
        closed = true;
      }
    }
    if (closed) {
      this.open = this.open.filter((cp) => cp.leaves !== null);
    }
  }
  /** The checkpoints in the order given: the first that does not hold, or null; notes and counts go to the report. */
  judgeCheckpoints(report) {
    const first = this.first;
    const last = this.previousSeq;
    for (const cp of this.checkpoints) {
      const { from, to, count, label } = cp;
      if (cp.error !== void 0) {
        return { kind: "checkpoint", index: -1, sequence: null, message: cp.error };
      }
      if (!(from >= 1 && to >= from && count === to - from + 1)) {
        return {
          kind: "checkpoint",
          index: -1,
          sequence: to || null,
          message: `${label}: its range and EntryCount__c disagree.`
        };
      }
      if (to > last) {
        return {
          kind: "checkpoint",
          index: -1,
          sequence: to,
          message: `${label}: covers entries after the last exported sequence ${last}: entries ${last + 1}..${to} are missing from the export.`
        };
      }
      if (from < first) {
        report.notes.push(`${label} starts before this export and was not checked.`);
        continue;
      }
      if (cp.outcome === "HeadHash__c") {
        return {
          kind: "checkpoint",
          index: to - first,
          sequence: to,
          field: "HeadHash__c",
          message: `${label}: HeadHash__c does not equal the EntryHash__c of sequence ${to}.`
        };
      }
      if (cp.outcome === "MerkleRoot__c") {
        return {
          kind: "checkpoint",
          index: from - first,
          sequence: to,
          field: "MerkleRoot__c",
          message: `${label}: MerkleRoot__c does not match the entries it covers.`
        };
      }
      report.checkpointsVerified++;
      const signature = cp.checkpoint.Signature__c;
      if (signature !== null && signature !== void 0 && String(signature) !== "") {
        const verdict = this.options.verifySignature ? this.options.verifySignature(cp.checkpoint, checkpointMessage(cp.checkpoint)) : null;
        if (verdict === false) {
          return {
            kind: "signature",
            index: -1,
            sequence: to,
            field: "Signature__c",
            message: `${label}: the signature does not verify.`
          };
        }
        if (verdict === true) {
          report.signaturesVerified++;
        } else {
          report.notes.push(`${label} is signed, but no certificate was given to check the signature.`);
        }
      }
    }
    return null;
  }
}
function readCheckpointRange(checkpoint, c) {
  try {
    const from = Number(canonicalInteger(checkpoint.FromSequence__c, "FromSequence__c"));
    const to = Number(canonicalInteger(checkpoint.Sequence__c, "Sequence__c"));
    const count = Number(canonicalInteger(checkpoint.EntryCount__c, "EntryCount__c"));
    return { checkpoint, label: `Checkpoint ${c + 1} (sequences ${from}..${to})`, from, to, count, leaves: null };
  } catch (error) {
    return {
      checkpoint,
      label: `Checkpoint ${c + 1}`,
      error: `Checkpoint ${c + 1}: ${error.message}`,
      from: 0,
      to: 0,
      count: 0,
      leaves: null
    };
  }
}
export function verifyChain(entries, options = {}) {
  const verifier = new ChainVerifier(options);
  for (const entry of entries) {
    verifier.add(entry);
  }
  return verifier.finish();
}
export function parseCsv(text) {
  const rows = [];
  parseCsvRows(text, text.charCodeAt(0) === 65279 ? 1 : 0, true, rows, 0);
  return rows;
}
export function parseCsvRows(text, start, final, rows, offset) {
  const n = text.length;
  let i = start;
  let rowStart = start;
  let row = [];
  let comma = -1;
  let lineFeed = -1;
  let carriageReturn = -1;
  while (i < n) {
    let value;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      let parts = "";
      for (; ; ) {
        const q = text.indexOf('"', j);
        if (q < 0 || !final && q + 1 >= n) {
          if (!final) {
            return rowStart;
          }
          throw new Error(`Unterminated quoted CSV field at character ${offset + i}.`);
        }
        parts += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          parts += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      value = parts;
    } else {
      if (comma < i) {
        comma = text.indexOf(",", i);
        comma = comma < 0 ? n : comma;
      }
      if (lineFeed < i) {
        lineFeed = text.indexOf("\n", i);
        lineFeed = lineFeed < 0 ? n : lineFeed;
      }
      if (carriageReturn < i) {
        carriageReturn = text.indexOf("\r", i);
        carriageReturn = carriageReturn < 0 ? n : carriageReturn;
      }
      const j = Math.min(comma, lineFeed, carriageReturn);
      if (j >= n && !final) {
        return rowStart;
      }
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    const c = text.charCodeAt(i);
    if (!final && (i >= n || (c === 44 || c === 13) && i === n - 1)) {
      return rowStart;
    }
    if (c === 44) {
      i++;
      if (i === n) {
        row.push("");
      }
    } else if (c === 13 || c === 10 || i >= n) {
      rows.push(row);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rowStart = i;
    } else {
      throw new Error(`Unexpected character after a quoted CSV field at character ${offset + i}.`);
    }
  }
  if (!final) {
    return rowStart;
  }
  if (row.length > 0) {
    rows.push(row);
  }
  return n;
}
export function localFieldName(name) {
  const trimmed = name.trim();
  const m = /^[A-Za-z][A-Za-z0-9]*__([A-Za-z][A-Za-z0-9_]*__c)$/.exec(trimmed);
  return m ? m[1] : trimmed;
}
export function rowsToEntries(rows, rowOffset = 0) {
  if (rows.length === 0) {
    return { entries: [], columns: [] };
  }
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
      entry[localFieldName(key)] = value;
    }
    return entry;
  });
}
export const SHIPPED_PATTERNS = [
  {
    name: "Email",
    category: "Email",
    priority: 10,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[EMAIL]",
    description: "Email address (HIPAA Safe Harbor F).",
    pattern: "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]{0,63}@[A-Za-z0-9][A-Za-z0-9.\\-]{0,252}\\.[A-Za-z]{2,24}(?![A-Za-z0-9\\-])"
  },
  {
    name: "Url",
    category: "Url",
    priority: 12,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[URL]",
    description: "Web address with a scheme (Safe Harbor N).",
    pattern: "(?<![A-Za-z0-9])(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://[A-Za-z0-9._~:/?#@!$&'()*+,;=%\\-]{0,2047}[A-Za-z0-9/_~#=&%+\\-]"
  },
  {
    name: "UrlWww",
    category: "Url",
    priority: 13,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[URL]",
    description: "Web address starting with www. (Safe Harbor N).",
    pattern: "(?<![A-Za-z0-9.@/])[Ww][Ww][Ww]\\.[A-Za-z0-9\\-]{1,63}\\.[A-Za-z0-9.\\-]{0,200}[A-Za-z0-9](?:/[A-Za-z0-9._~:/?#@!$&'()*+,;=%\\-]{0,2047}[A-Za-z0-9/_~#=&%+\\-])?"
  },
  {
    name: "IpV4",
    category: "IpAddress",
    priority: 14,
    enabled: true,
    caseInsensitive: false,
    validator: "IPv4",
    replacement: "[IP_ADDRESS]",
    description: "IPv4 address, octets checked (Safe Harbor O).",
    pattern: "(?<![0-9A-Za-z.])[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(?![0-9]|\\.[0-9])"
  },
  {
    name: "IpV6",
    category: "IpAddress",
    priority: 15,
    enabled: true,
    caseInsensitive: false,
    validator: "IPv6",
    replacement: "[IP_ADDRESS]",
    description: "IPv6 address, full or compressed, structure checked (Safe Harbor O).",
    pattern: "(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{2,38}(?![0-9A-Za-z:])"
  },
  {
    name: "MedicalRecordNumber",
    category: "Mrn",
    priority: 16,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[MRN]",
    description: "Medical record number after a label (Safe Harbor H).",
    pattern: "(?<![A-Za-z])(?:mrn|medical record(?: number| no\\.?| #|#)?|med\\. rec\\. no\\.?|chart(?: number| no\\.?| #)|patient id|pt id|hospital(?: number| no\\.?))[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9][A-Z0-9\\-]{3,19})(?![A-Za-z0-9\\-])"
  },
  {
    name: "HealthPlanLabelled",
    category: "HealthPlanId",
    priority: 17,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[HEALTH_PLAN_ID]",
    description: "Health plan beneficiary or member number after a label (Safe Harbor I).",
    pattern: "(?<![A-Za-z])(?:member id|member number|subscriber id|subscriber number|policy(?: number| no\\.?| #)|health plan(?: id| number| no\\.?)|insurance id|beneficiary(?: id| number)|medicaid(?: id| number| no\\.?)?|medicare(?: id| number| no\\.?)?|group(?: number| no\\.?| #))[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9][A-Z0-9\\-]{4,19})(?![A-Za-z0-9\\-])"
  },
  {
    name: "MedicareBeneficiaryId",
    category: "HealthPlanId",
    priority: 18,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[HEALTH_PLAN_ID]",
    description: "Medicare Beneficiary Identifier (MBI) format (Safe Harbor I).",
    pattern: "(?<![A-Za-z0-9])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]\\-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]\\-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}(?![A-Za-z0-9])"
  },
  {
    name: "SsnLabelled",
    category: "Ssn",
    priority: 19,
    enabled: true,
    caseInsensitive: true,
    validator: "Ssn",
    replacement: "[SSN]",
    description: "Nine-digit social security number after a label (Safe Harbor G).",
    pattern: "(?<![A-Za-z])(?:ssn|ss#|social security(?: number| no\\.?| #)?)[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([0-9]{9})(?![0-9])"
  },
  {
    name: "Ssn",
    category: "Ssn",
    priority: 20,
    enabled: true,
    caseInsensitive: false,
    validator: "Ssn",
    replacement: "[SSN]",
    description: "Social security number NNN-NN-NNNN, invalid areas excluded (Safe Harbor G).",
    pattern: "(?<![0-9A-Za-z\\-])[0-9]{3}[\\- ][0-9]{2}[\\- ][0-9]{4}(?![0-9]|[\\- ][0-9])"
  },
  {
    name: "PaymentCard",
    category: "AccountNumber",
    priority: 21,
    enabled: true,
    caseInsensitive: false,
    validator: "Luhn",
    replacement: "[ACCOUNT_NUMBER]",
    description: "Payment card number, Luhn-checked (Safe Harbor J).",
    pattern: "(?<![0-9A-Za-z\\-])(?:[0-9]{4}[ \\-][0-9]{4}[ \\-][0-9]{4}[ \\-][0-9]{1,7}|[0-9]{4}[ \\-][0-9]{6}[ \\-][0-9]{4,5}|[0-9]{12,19})(?![0-9])"
  },
  {
    name: "Iban",
    category: "AccountNumber",
    priority: 22,
    enabled: true,
    caseInsensitive: false,
    validator: "Iban",
    replacement: "[ACCOUNT_NUMBER]",
    description: "International bank account number, mod-97 checked (Safe Harbor J).",
    pattern: "(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{11,30}(?![A-Za-z0-9])"
  },
  {
    name: "IbanSpaced",
    category: "AccountNumber",
    priority: 23,
    enabled: true,
    caseInsensitive: false,
    validator: "Iban",
    replacement: "[ACCOUNT_NUMBER]",
    description: "IBAN printed in groups of four, mod-97 checked (Safe Harbor J).",
    pattern: "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2} [A-Z0-9]{4} [A-Z0-9]{4}(?: [A-Z0-9]{4})?(?: [A-Z0-9]{4})?(?: [A-Z0-9]{4})?(?: [A-Z0-9]{4})?(?: [A-Z0-9]{4})?(?: [A-Z0-9]{1,3})?(?![A-Za-z0-9])"
  },
  {
    name: "AccountLabelled",
    category: "AccountNumber",
    priority: 24,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[ACCOUNT_NUMBER]",
    description: "Account number after a label (Safe Harbor J).",
    pattern: "(?<![A-Za-z])(?:account|acct|a/c)(?: number| no\\.?| #|#)?[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9][A-Z0-9\\-]{3,23})(?![A-Za-z0-9\\-])"
  },
  {
    name: "LicenseLabelled",
    category: "LicenseNumber",
    priority: 25,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[LICENSE_NUMBER]",
    description: "Licence, certificate or passport number after a label (Safe Harbor K).",
    pattern: "(?<![A-Za-z])(?:driver'?s? licen[cs]e(?: number| no\\.?| #|#)?|licen[cs]e(?: number| no\\.?| #)|dl(?: number| no\\.?| #)?|dea(?: number| no\\.?| #)?|certificate(?: number| no\\.?| #)|passport(?: number| no\\.?| #|#)?)[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9][A-Z0-9\\-]{3,19})(?![A-Za-z0-9\\-])"
  },
  {
    name: "VehicleLabelled",
    category: "VehicleId",
    priority: 26,
    enabled: true,
    caseInsensitive: false,
    validator: "HasDigit",
    replacement: "[VEHICLE_ID]",
    description: "Vehicle plate, registration or VIN after a label (Safe Harbor L).",
    pattern: "(?<![A-Za-z])(?:[Ll]icen[cs]e [Pp]late|LICEN[CS]E PLATE|[Pp]late (?:[Nn]umber|[Nn]o\\.?|#)|[Rr]egistration (?:[Nn]umber|[Nn]o\\.?)|VIN|[Vv]in)[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9]{1,8}(?:[ \\-][A-Z0-9]{1,8})?)(?![A-Za-z0-9])"
  },
  {
    name: "Vin",
    category: "VehicleId",
    priority: 27,
    enabled: true,
    caseInsensitive: false,
    validator: "Vin",
    replacement: "[VEHICLE_ID]",
    description: "Vehicle identification number with a valid check digit (Safe Harbor L).",
    pattern: "(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])"
  },
  {
    name: "DeviceLabelled",
    category: "DeviceId",
    priority: 28,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[DEVICE_ID]",
    description: "Device identifier or serial number after a label (Safe Harbor M).",
    pattern: "(?<![A-Za-z])(?:serial(?: number| no\\.?| #)|s/n|device(?: id| serial)|imei|udi|(?:pacemaker|implant)(?: id| serial))[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([A-Z0-9][A-Z0-9:./\\-]{3,39})(?![A-Za-z0-9])"
  },
  {
    name: "MacAddress",
    category: "DeviceId",
    priority: 29,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[DEVICE_ID]",
    description: "MAC address of a device (Safe Harbor M).",
    pattern: "(?<![0-9A-Fa-f:\\-])[0-9A-Fa-f]{2}[:\\-][0-9A-Fa-f]{2}[:\\-][0-9A-Fa-f]{2}[:\\-][0-9A-Fa-f]{2}[:\\-][0-9A-Fa-f]{2}[:\\-][0-9A-Fa-f]{2}(?![0-9A-Fa-f:\\-])"
  },
  {
    name: "DateIso",
    category: "Date",
    priority: 30,
    enabled: true,
    caseInsensitive: false,
    validator: "Date",
    replacement: "[DATE]",
    description: "ISO date, optionally with time (Safe Harbor C: dates except the year).",
    pattern: "(?<![0-9A-Za-z])[0-9]{4}\\-[0-9]{2}\\-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,6})?)?(?:Z|[+\\-][0-9]{2}:?[0-9]{2})?)?(?![0-9])"
  },
  {
    name: "DateNumeric",
    category: "Date",
    priority: 31,
    enabled: true,
    caseInsensitive: false,
    validator: "Date",
    replacement: "[DATE]",
    description: "Numeric date d/m/y or m/d/y with / . or - (Safe Harbor C).",
    pattern: "(?<![0-9A-Za-z/.\\-])[0-9]{1,2}[/.\\-][0-9]{1,2}[/.\\-](?:[0-9]{4}|[0-9]{2})(?![0-9]|[/.\\-][0-9])"
  },
  {
    name: "DateMonthFirst",
    category: "Date",
    priority: 32,
    enabled: true,
    caseInsensitive: true,
    validator: "Date",
    replacement: "[DATE]",
    description: "Date with the month name first: March 3, 2024 (Safe Harbor C).",
    pattern: "(?<![A-Za-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?[ \\t]{1,3}[0-9]{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]{1,3}[0-9]{4})?(?![0-9A-Za-z])"
  },
  {
    name: "DateDayFirst",
    category: "Date",
    priority: 33,
    enabled: true,
    caseInsensitive: true,
    validator: "Date",
    replacement: "[DATE]",
    description: "Date with the day first: 3 March 2024 (Safe Harbor C).",
    pattern: "(?<![0-9A-Za-z])[0-9]{1,2}(?:st|nd|rd|th)?[ \\t]{1,3}(?:of[ \\t]{1,3})?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?:,?[ \\t]{1,3}[0-9]{4})?(?![A-Za-z])"
  },
  {
    name: "DateMonthYear",
    category: "Date",
    priority: 34,
    enabled: true,
    caseInsensitive: true,
    validator: null,
    replacement: "[DATE]",
    description: "Month and year: March 2024 (Safe Harbor C: the month is a date element).",
    pattern: "(?<![A-Za-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?,?[ \\t]{1,3}[0-9]{4}(?![0-9])"
  },
  {
    name: "AgeOver89",
    category: "Age",
    priority: 35,
    enabled: true,
    caseInsensitive: true,
    validator: null,
    replacement: "[AGE]",
    description: "Age over 89 written with years/yo (Safe Harbor C).",
    pattern: "(?<![0-9])(9[0-9]|1[01][0-9])(?:[ \\t\\-]{0,2}(?:years?|yrs?|y/o|yo)(?:[ \\t\\-]{0,2}old)?)(?![A-Za-z])"
  },
  {
    name: "AgeOver89Labelled",
    category: "Age",
    priority: 36,
    enabled: true,
    caseInsensitive: true,
    validator: null,
    replacement: "[AGE]",
    description: 'Age over 89 after "age" or "aged" (Safe Harbor C).',
    pattern: "(?<![A-Za-z])(?:aged?|age:)[ \\t]{0,2}(9[0-9]|1[01][0-9])(?![0-9])"
  },
  {
    name: "FaxLabelled",
    category: "Fax",
    priority: 38,
    enabled: true,
    caseInsensitive: true,
    validator: "Phone",
    replacement: "[FAX]",
    description: "Fax number after a label (Safe Harbor E).",
    pattern: "(?<![A-Za-z])(?:fax|facsimile)(?: number| no\\.?| #|#)?[ \\t]{0,3}[:#.]?[ \\t]{0,3}(\\+?[0-9(][0-9 ().\\-]{5,22}[0-9])(?![0-9])"
  },
  {
    name: "PhoneNanp",
    category: "Phone",
    priority: 40,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "North American phone number, optional extension (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z+])(?:\\+?1[ .\\-]?|001[ .\\-]?)?(?:\\([0-9]{3}\\)[ .\\-]?|[0-9]{3}[ .\\-])[0-9]{3}[ .\\-][0-9]{4}(?:[ \\t]{0,2}(?:[xX]|[Ee]xt\\.?|[Ee]xtension)[ \\t]{0,2}[0-9]{1,6})?(?![0-9])"
  },
  {
    name: "PhoneInternational",
    category: "Phone",
    priority: 41,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "International phone number starting with + or 00 (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z+])(?:\\+|00)[1-9][0-9 ().\\-]{5,22}[0-9](?![0-9])"
  },
  {
    name: "PhoneNational",
    category: "Phone",
    priority: 42,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "National phone number with a trunk 0 or an area code in brackets (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z+])(?:\\(0?[0-9]{1,4}\\)|0[0-9]{1,4})[ .\\-]?[0-9][0-9 .\\-]{4,14}[0-9](?![0-9])"
  },
  {
    name: "PhoneGrouped",
    category: "Phone",
    priority: 43,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "Phone number in three to five digit groups (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z.,+/\\-])[1-9][0-9]{1,4}[ .\\-][0-9]{2,5}[ .\\-][0-9]{2,5}(?:[ .\\-][0-9]{2,5})?(?:[ .\\-][0-9]{2,5})?(?![0-9]|[.,][0-9])"
  },
  {
    name: "PhoneLocal",
    category: "Phone",
    priority: 44,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "Seven or eight digit local phone number: NNN-NNNN, NNNN NNNN, NN NNNNNN (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z.,+/\\-])(?:[1-9][0-9]{2,3}[ .\\-][0-9]{4}|[1-9][0-9][ .\\-][0-9]{6})(?![0-9]|[.,\\-][0-9])"
  },
  {
    name: "PhoneDigits",
    category: "Phone",
    priority: 45,
    enabled: true,
    caseInsensitive: false,
    validator: "Phone",
    replacement: "[PHONE]",
    description: "Ten or eleven digits written without separators (Safe Harbor D).",
    pattern: "(?<![0-9A-Za-z.,+/\\-])[0-9]{10,11}(?![0-9]|[.,][0-9])"
  },
  {
    name: "StreetAfterCue",
    category: "Address",
    priority: 58,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: 'Street name and house number after a cue: "lives at", "address:", "ship to" (Safe Harbor B).',
    pattern: "(?<![A-Za-z])(?:[Aa]ddress(?: is)?:?|[Ll]ives (?:at|on)|[Ll]ive (?:at|on)|[Ll]ocated at|[Mm]oved to|[Ss]end (?:it )?to|[Ss]hip(?:ped)? to|[Dd]eliver(?:ed)? to|[Rr]esides? at|[Rr]esiding at|[Ss]tay(?:ing)? at)[ \\t\\r\\n]{1,8}((?:[0-9]{1,6}[ \\t]{1,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?[ \\t]{1,2}[0-9]{1,6}[A-Za-z]?)(?![0-9A-Za-z])"
  },
  {
    name: "StreetLineInBlock",
    category: "Address",
    priority: 59,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Number, street name, house number at the end of an address line or before a unit (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[0-9]{1,6}[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?[ \\t]{1,2}[0-9]{1,6}[A-Za-z]?(?![0-9A-Za-z])(?=,?[ \\t]{0,2}\\r?\\n|,[ \\t]{0,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE]|[ \\t]{1,2}(?:Apt|APT|Suite|SUITE|Ste|Unit)(?![A-Za-z]))"
  },
  {
    name: "StreetAddress",
    category: "Address",
    priority: 60,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Street address: number, street name and a USPS street suffix (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[0-9]{1,6}[A-Za-z]?(?:[ \\t]{1,2}[0-9]{1,6})?[ \\t]{1,2}(?:[NSEW]\\.?[ \\t]{1,2}|(?:North|South|East|West)[ \\t]{1,2})?(?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?[ \\t]{1,2}(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Square|Squares|Terrace|Way|Parkway|Highway|Circle|Trail|Crescent|Close|Row|Walk|Alley|Plaza|View|Views|Mews|Gardens|Park|Hill|Hills|Grove|Heights|Junction|Loop|Path|Pike|Point|Ridge|Run|Turnpike|Expressway|Freeway|Causeway|Crossing|Landing|Manor|Meadows|Mill|Mills|Island|Islands|Union|Radial|Green|Common|Commons|Bypass|Estate|Estates|Wharf|Quay|Parade|Esplanade|Promenade|Rise|Vale|Gate|Yard|Pass|Port|Plains|Springs|Station|Summit|Valley|Village|Villages|Ville|Vista|Knoll|Lake|Lakes|Fort|Ford|Forge|Forest|Glen|Harbor|Haven|Hollow|Creek|Crest|Cove|Corner|Corners|Center|Bend|Bluff|Branch|Bridge|Brook|Burg|Camp|Canyon|Cape|Cliff|Club|Curve|Dale|Dam|Divide|Extension|Falls|Ferry|Field|Fields|Flat|Flats|Garden|Harbour|Isle|Key|Light|Lock|Lodge|Motorway|Neck|Orchard|Oval|Overpass|Pine|Pines|Prairie|Ramp|Ranch|Rapids|Rest|River|Route|Shoal|Shore|Shores|Skyway|Spur|Stream|Throughway|Trace|Track|Trafficway|Tunnel|Underpass|Well|Wells)(?![A-Za-z])|(?:St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Sq|Ter|Pkwy|Hwy|Cir|Trl|Cres|Gdns)(?![A-Za-z])\\.?)(?:,?[ \\t]{1,2}(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?)?"
  },
  {
    name: "StreetAddressEuropean",
    category: "Address",
    priority: 61,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Street name with a Germanic, Nordic, Dutch, Finnish or Hungarian suffix and a house number (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])(?:[0-9]{1,6}[ \\t]{1,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00DF-\\u00F6\\u00F8-\\u017F\\-]{0,30}(?:straße|strasse|str\\.|gasse|weg|allee|platz|ring|damm|ufer|steig|pfad|vej|vei|veien|vegen|gade|gata|gatan|vägen|väg|gränd|stig|torget|torg|katu|kuja|tie|polku|kaari|rinne|laan|straat|gracht|plein|kade|dreef|singel|dijk|utca|körút|braut|vegur|stræti|straße)[ \\t]{1,2}[0-9]{1,6}[A-Za-z]?(?![0-9A-Za-z])(?:,?[ \\t]{1,2}(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?)?"
  },
  {
    name: "StreetAddressSeparateSuffix",
    category: "Address",
    priority: 62,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Street name followed by a separate street word and a house number: Rakoczi ut 66 (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])(?:[0-9]{1,6}[ \\t]{1,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}[ \\t](?:\\u00fat|utca|u\\.|t\\u00e9r|k\\u00f6r\\u00fat|ulice|n\\u00e1m\\u011bst\\u00ed|cesta|vej|gade|straat|laan|weg)[ \\t]{1,2}[0-9]{1,6}[A-Za-z]?(?![0-9A-Za-z])(?:,?[ \\t]{1,2}(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?)?"
  },
  {
    name: "StreetAddressPrefixed",
    category: "Address",
    priority: 63,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Street type first (Rue, Via, Calle, ul.) then name and house number (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:Rue|rue|Avenue|Av\\.|Avda\\.|Boulevard|Bd\\.|Chemin|Impasse|Allée|Via|Viale|Piazza|Corso|Vicolo|Calle|Avenida|Paseo|Camino|Carrer|Rua|Rúa|Travessa|Largo|Praça|Alameda|ul\\.|Ul\\.|ulica|al\\.|Al\\.|Aleja|os\\.|pl\\.|Strada|Bulevardul|Calea|Odos|Leoforos)[ \\t]{1,2}(?:(?:de|del|de la|des|du|della|delle|dei|degli|di|da|do|dos|das|d'|l')[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?,?[ \\t]{1,2}[0-9]{1,6}[A-Za-z]?(?![0-9A-Za-z])(?:,?[ \\t]{1,2}(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?)?"
  },
  {
    name: "StreetAddressNumberFirstPrefixed",
    category: "Address",
    priority: 64,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "House number, then street type and name: 12 rue de la Paix (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[0-9]{1,6}[A-Za-z]?,?[ \\t]{1,2}(?:Rue|rue|Avenue|Av\\.|Avda\\.|Boulevard|Bd\\.|Chemin|Impasse|Allée|Via|Viale|Piazza|Corso|Vicolo|Calle|Avenida|Paseo|Camino|Carrer|Rua|Rúa|Travessa|Largo|Praça|Alameda|ul\\.|Ul\\.|ulica|al\\.|Al\\.|Aleja|os\\.|pl\\.|Strada|Bulevardul|Calea|Odos|Leoforos)[ \\t]{1,2}(?:(?:de|del|de la|des|du|della|delle|dei|degli|di|da|do|dos|das|d'|l')[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?"
  },
  {
    name: "PostOfficeBox",
    category: "Address",
    priority: 65,
    enabled: true,
    caseInsensitive: true,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Post office box (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:p\\.?[ \\t]?o\\.?[ \\t]?box|post[ \\t]office[ \\t]box|pob|postfach|apartado)[ \\t]{0,2}[0-9]{1,6}"
  },
  {
    name: "MilitaryAddress",
    category: "Address",
    priority: 66,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "US military mail address PSC/CMR/Unit, Box, APO/FPO/DPO (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:(?:PSC|CMR|Unit)[ \\t]{1,2}[0-9]{3,5},?[ \\t]{1,2}Box[ \\t]{1,2}[0-9]{1,5}(?:[ \\t\\r\\n]{1,3}(?:APO|FPO|DPO)[ \\t]{1,2}(?:AA|AE|AP)[ \\t]{1,2}[0-9]{5})?|(?:APO|FPO|DPO)[ \\t]{1,2}(?:AA|AE|AP)[ \\t]{1,2}[0-9]{5})(?![0-9])"
  },
  {
    name: "AddressUnit",
    category: "Address",
    priority: 67,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Apartment, suite or unit number (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?(?![0-9])"
  },
  {
    name: "PostalCodeLabelled",
    category: "Address",
    priority: 68,
    enabled: true,
    caseInsensitive: true,
    validator: "HasDigit",
    replacement: "[ADDRESS]",
    description: "Postal code after a label (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:zip(?: code)?|postal code|postcode|post code|plz)[ \\t]{0,3}(?:[:#]|is|was)?[ \\t]{0,3}([0-9]{3,5}(?:[ \\-][0-9]{2,4})?|[A-Z0-9]{2,4}[ \\-]?[0-9][A-Z0-9]{2})(?![A-Za-z0-9])"
  },
  {
    name: "UsZipAfterState",
    category: "Address",
    priority: 69,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "US ZIP code after a state abbreviation (Safe Harbor B).",
    pattern: "(?<![A-Za-z])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR),?[ \\t]{1,2}([0-9]{5}(?:\\-[0-9]{4})?)(?![0-9])"
  },
  {
    name: "PostalCodeAfterPlace",
    category: "Address",
    priority: 70,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Capitalised place name and five-digit postal code: Springfield 62704 (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30}(?:[ \\t][A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019.\\-]{0,30})?,?[ \\t]{1,2}[0-9]{5}(?:\\-[0-9]{3,4})?(?![0-9A-Za-z])"
  },
  {
    name: "CanadianPostalCode",
    category: "Address",
    priority: 71,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "Canadian postal code A1A 1A1 (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ \\t]?[0-9][ABCEGHJ-NPRSTV-Z][0-9](?![A-Za-z0-9])"
  },
  {
    name: "UkPostcode",
    category: "Address",
    priority: 72,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ADDRESS]",
    description: "UK postcode SW1A 1AA (Safe Harbor B).",
    pattern: "(?<![A-Za-z0-9])[A-Z]{1,2}[0-9][A-Z0-9]?[ \\t][0-9][ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])"
  },
  {
    name: "NameAfterTitle",
    category: "Name",
    priority: 80,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[NAME]",
    description: "Name after a title: Dr. Jane Q. Doe (Safe Harbor A).",
    pattern: "(?<![A-Za-z])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|MR|MRS|MS|DR|PROF|Sr|Sra|Srta|Herr|Frau|Mme|Mlle|Sir|Dame|Madam)\\.?[ \\t]{1,2}(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Sir|Madam|Team|All|There|Everyone|Customer|Support|Patient|Doctor|Nurse|Mr|Mrs|Ms|Dr|The|This|That|Thanks|Thank|Please|Hello)(?![A-Za-z]))((?:[A-Z]\\.[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30}(?:[ \\t]{1,2}(?:[A-Z]\\.[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30})?(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30})?)"
  },
  {
    name: "NameAfterCue",
    category: "Name",
    priority: 81,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[NAME]",
    description: 'Name after a cue: "my name is", "Patient:", "Dear", "seen by" (Safe Harbor A).',
    pattern: "(?<![A-Za-z])(?:[Mm]y name is|[Nn]ame is|[Nn]ame:|NAME:|[Nn]amed|[Cc]alled|[Pp]atient:|[Pp]atient name:|[Pp]t:|[Ss]igned:|[Ss]igned by|[Ss]incerely,|[Rr]egards,|[Cc]ontact:|[Ff]rom:|[Tt]o:|[Aa]ttn:|[Dd]ear|[Hh]i|[Hh]ello|[Ss]poke with|[Ss]poke to|[Ss]een by|[Rr]eferred by|[Aa]ccompanied by|[Gg]uardian:|[Ss]pouse:|[Ee]mergency contact:|[Nn]ext of kin:|[Nn]ame\\?)[ \\t\\r\\n]{1,8}(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Sir|Madam|Team|All|There|Everyone|Customer|Support|Patient|Doctor|Nurse|Mr|Mrs|Ms|Dr|The|This|That|Thanks|Thank|Please|Hello)(?![A-Za-z]))((?:[A-Z]\\.[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30}(?:[ \\t]{1,2}(?:[A-Z]\\.[ \\t]{0,2})?[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30})?(?:[ \\t]{1,2}[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{1,30})?)"
  },
  {
    name: "LetterDigitsIdentifier",
    category: "Identifier",
    priority: 90,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ID]",
    description: "One or two capital letters and 7-14 digits: licence, passport and member number shapes (Safe Harbor R).",
    pattern: "(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{7,14}(?![A-Za-z0-9])"
  },
  {
    name: "LongNumber",
    category: "Identifier",
    priority: 91,
    enabled: true,
    caseInsensitive: false,
    validator: null,
    replacement: "[ID]",
    description: "Any other run of 8-19 digits: a unique identifying number (Safe Harbor R).",
    pattern: "(?<![0-9A-Za-z.,+/\\-])[0-9]{8,19}(?![0-9]|[.,][0-9])"
  }
];
export const VALIDATORS = ["Luhn", "IPv4", "IPv6", "Ssn", "Iban", "Date", "Phone", "HasDigit", "Vin"];
export const MAX_REPEAT = 2048;
const SIMPLE_ESCAPES = "dwtnrf";
const META_ESCAPES = "\\.^$|?*+()[]{}/-";
export function checkPattern(pattern, caseInsensitive = false) {
  const problems = [];
  if (pattern.length === 0) {
    return ["The pattern is empty."];
  }
  const stack = [{ repeats: false, lookaround: false }];
  let captures = 0;
  let lastAtom = "none";
  let lastGroupRepeats = false;
  let i = 0;
  const add = (message) => {
    if (!problems.includes(message)) {
      problems.push(message);
    }
  };
  const checkUnicodeEscape = (at) => {
    const hex = pattern.slice(at + 2, at + 6);
    if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
      add(`\\u at ${at} needs four hex digits.`);
      return at + 2;
    }
    const code = parseInt(hex, 16);
    if (code >= 55296 && code <= 57343) {
      add(`Surrogate escape \\u${hex} is not allowed.`);
    }
    if (caseInsensitive && code > 127) {
      add("A case-insensitive pattern must be ASCII-only.");
    }
    return at + 6;
  };
  const readEscape = (at, inClass) => {
    const c = pattern[at + 1];
    if (c === void 0) {
      add("The pattern ends with a backslash.");
      return at + 1;
    }
    if (c === "u") {
      return checkUnicodeEscape(at);
    }
    if (c === "x") {
      if (!/^[0-9A-Fa-f]{2}$/.test(pattern.slice(at + 2, at + 4))) {
        add(`\\x at ${at} needs two hex digits.`);
      }
      return at + 4;
    }
    if (SIMPLE_ESCAPES.includes(c) || META_ESCAPES.includes(c) || c === "," || c === " " || c === "#" || c === "&" || c === "@" || c === ":") {
      if (inClass && c === "b") {
        add("\\b is not allowed.");
      }
      return at + 2;
    }
    add(`The escape \\${c} is outside the Java/JavaScript common subset.`);
    return at + 2;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c.charCodeAt(0) > 127 && caseInsensitive) {
      add("A case-insensitive pattern must be ASCII-only.");
    }
    if (c.charCodeAt(0) >= 55296 && c.charCodeAt(0) <= 57343) {
      add("Characters outside the Basic Multilingual Plane are not allowed in patterns.");
    }
    if (c === "\\") {
      i = readEscape(i, false);
      lastAtom = "simple";
      continue;
    }
    if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") {
        j++;
      }
      if (pattern[j] === "]") {
        add("A character class may not be empty or start with ].");
      }
      let closed = false;
      while (j < pattern.length) {
        const d = pattern[j];
        if (d === "\\") {
          j = readEscape(j, true);
          continue;
        }
        if (d === "[") {
          add("[ inside a character class must be escaped (Java reads it as a nested class).");
        }
        if (d === "&" && pattern[j + 1] === "&") {
          add("Class intersection && is not allowed.");
        }
        if (d.charCodeAt(0) > 127 && caseInsensitive) {
          add("A case-insensitive pattern must be ASCII-only.");
        }
        if (d === "]") {
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) {
        add("A character class is not closed.");
      }
      i = j + 1;
      lastAtom = "simple";
      continue;
    }
    if (c === "(") {
      let lookaround = false;
      if (pattern[i + 1] === "?") {
        const head = pattern.slice(i, i + 4);
        if (head.startsWith("(?:")) {
          i += 3;
        } else if (head.startsWith("(?=") || head.startsWith("(?!")) {
          lookaround = true;
          i += 3;
        } else if (head === "(?<=" || head === "(?<!") {
          lookaround = true;
          i += 4;
        } else {
          add("Only (?: (?= (?! (?<= and (?<! groups are allowed (no named groups, flags or atomic groups).");
          i += 2;
        }
      } else {
        captures++;
        i += 1;
      }
      stack.push({ repeats: false, lookaround });
      lastAtom = "none";
      continue;
    }
    if (c === ")") {
      if (stack.length === 1) {
        add("Unbalanced ).");
        i++;
        continue;
      }
      const frame = stack.pop();
      if (frame.repeats) {
        stack[stack.length - 1].repeats = true;
      }
      lastGroupRepeats = frame.repeats;
      lastAtom = frame.lookaround ? "lookaround" : "group";
      i++;
      continue;
    }
    if (c === "*" || c === "+") {
      add("Unbounded quantifiers (* and +) are not allowed: use a bounded {m,n}.");
      i++;
      continue;
    }
    if (c === "?" || c === "{") {
      let max = 1;
      let next = i + 1;
      if (c === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) {
          add("A literal { must be escaped.");
          i++;
          continue;
        }
        if (m[2] !== void 0 && m[3] === "") {
          add("Unbounded quantifiers ({n,}) are not allowed.");
        }
        const min = Number(m[1]);
        max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
        if (max < min) {
          add(`Quantifier ${m[0]} has its bounds reversed.`);
        }
        if (max !== Infinity && max > MAX_REPEAT) {
          add(`Quantifier ${m[0]} exceeds the limit of ${MAX_REPEAT}.`);
        }
        next = i + m[0].length;
      }
      if (lastAtom === "none") {
        add("A quantifier must follow something to repeat.");
      } else if (lastAtom === "lookaround") {
        add("Lookarounds cannot be quantified.");
      } else if (max > 1) {
        if (lastAtom === "group" && lastGroupRepeats) {
          add("Nested quantifier: a repeated group contains a repetition (catastrophic backtracking risk).");
        }
        stack[stack.length - 1].repeats = true;
      }
      if (pattern[next] === "+") {
        add("Possessive quantifiers are not allowed.");
        next++;
      } else if (pattern[next] === "?") {
        next++;
      }
      i = next;
      lastAtom = "none";
      continue;
    }
    if (c === ".") {
      add(". is not allowed (Java and JavaScript disagree on line terminators): use a class.");
    } else if (c === "^" || c === "$") {
      add("Anchors ^ and $ are not allowed: use lookarounds.");
    } else if (c === "}" || c === "]") {
      add(`A literal ${c} must be escaped.`);
    }
    i++;
    lastAtom = c === "|" ? "none" : "simple";
  }
  if (stack.length !== 1) {
    add("Unbalanced (.");
  }
  if (captures > 1) {
    add("At most one capturing group is allowed (group 1 is the PHI span); use (?: for the others.");
  }
  if (problems.length === 0) {
    try {
      const re = new RegExp(pattern, caseInsensitive ? "i" : "");
      if (re.test("")) {
        problems.push("The pattern matches the empty string.");
      }
    } catch (error) {
      problems.push(`JavaScript cannot compile the pattern: ${error.message}`);
    }
  }
  return problems;
}
export function checkPatterns(patterns) {
  const problems = [];
  const replacements = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Set();
  for (const p of patterns) {
    if (names.has(p.name)) {
      problems.push(`${p.name}: duplicate pattern name.`);
    }
    names.add(p.name);
    if (!/^[A-Z][A-Za-z0-9]{0,39}$/.test(p.category)) {
      problems.push(`${p.name}: category "${p.category}" must be PascalCase letters and digits.`);
    }
    for (const problem of checkPattern(p.pattern, p.caseInsensitive)) {
      problems.push(`${p.name}: ${problem}`);
    }
    if (p.validator && !VALIDATORS.includes(p.validator)) {
      problems.push(`${p.name}: unknown validator "${p.validator}" (known: ${VALIDATORS.join(", ")}).`);
    }
    if (!Number.isInteger(p.priority) || p.priority < 1 || p.priority > 999) {
      problems.push(`${p.name}: priority must be a whole number from 1 to 999.`);
    }
    if (p.enabled) {
      const replacement = p.replacement && p.replacement.trim() !== "" ? p.replacement : null;
      if (replacements.has(p.category) && replacements.get(p.category) !== replacement) {
        problems.push(`${p.name}: category ${p.category} already has another replacement.`);
      }
      replacements.set(p.category, replacement);
    }
  }
  return problems;
}
function digitsOf(text) {
  return text.replace(/[^0-9]/g, "");
}
function luhn(text) {
  if (!/^[0-9 -]+$/.test(text)) {
    return false;
  }
  const digits = digitsOf(text);
  if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return sum % 10 === 0;
}
function ipv4(text) {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
function ipv6(text) {
  if (!/^[0-9A-Fa-f:]+$/.test(text) || !/[0-9]/.test(text)) {
    return false;
  }
  const halves = text.split("::");
  if (halves.length > 2) {
    return false;
  }
  const groups = halves.map((h) => h === "" ? [] : h.split(":"));
  const all = groups[0].concat(groups[1] ?? []);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) {
    return false;
  }
  return halves.length === 2 ? all.length >= 2 && all.length <= 7 : all.length === 8;
}
function ssn(text) {
  const m = /^(\d{3})[ -]?(\d{2})[ -]?(\d{4})$/.exec(text);
  if (!m) {
    return false;
  }
  return m[1] !== "000" && m[1] !== "666" && m[1][0] !== "9" && m[2] !== "00" && m[3] !== "0000";
}
function iban(text) {
  const compact = text.replace(/ /g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
    return false;
  }
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = code >= 65 ? String(code - 55) : rearranged[i];
    for (let k = 0; k < value.length; k++) {
      remainder = (remainder * 10 + (value.charCodeAt(k) - 48)) % 97;
    }
  }
  return remainder === 1;
}
function dateValid(text) {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) {
    return +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    return a >= 1 && a <= 12 && b >= 1 && b <= 31 || b >= 1 && b <= 12 && a >= 1 && a <= 31;
  }
  const day = /(?:^|[^0-9])(\d{1,2})(?![0-9])/.exec(text);
  return day === null || +day[1] >= 1 && +day[1] <= 31;
}
function phone(text) {
  const core = text.replace(/[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$/i, "");
  if (!/^[0-9 +().-]+$/.test(core)) {
    return false;
  }
  const digits = digitsOf(core);
  if (digits.length < 7 || digits.length > 15 || /^(\d)\1+$/.test(digits)) {
    return false;
  }
  if (/[ .-]{2}/.test(core) || (core.match(/\(/g) ?? []).length !== (core.match(/\)/g) ?? []).length) {
    return false;
  }
  return core.indexOf("+") <= 0 && core.lastIndexOf("+") <= 0;
}
const VIN_VALUES = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
function vin(text) {
  const v = text.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v) || !/[0-9]/.test(v) || !/[A-Z]/.test(v)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const value = c >= "0" && c <= "9" ? Number(c) : VIN_VALUES[c];
    sum += value * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? "X" : String(check));
}
export function validate(validator, text) {
  switch (validator ?? "") {
    case "":
      return true;
    case "Luhn":
      return luhn(text);
    case "IPv4":
      return ipv4(text);
    case "IPv6":
      return ipv6(text);
    case "Ssn":
      return ssn(text);
    case "Iban":
      return iban(text);
    case "Date":
      return dateValid(text);
    case "Phone":
      return phone(text);
    case "HasDigit":
      return /[0-9]/.test(text);
    case "Vin":
      return vin(text);
    default:
      return false;
  }
}
export function parseNameDictionary(text) {
  const dictionary = {
    strong: /* @__PURE__ */ new Set(),
    ambiguous: /* @__PURE__ */ new Set(),
    wordNames: /* @__PURE__ */ new Set(),
    stop: /* @__PURE__ */ new Set(),
    fold: /* @__PURE__ */ new Map(),
    suffixes: [],
    eponymNouns: /* @__PURE__ */ new Set()
  };
  const lines = text.split("\n");
  for (let raw of lines) {
    raw = raw.replace(/\r$/, "");
    if (raw === "" || raw[0] === "#") {
      continue;
    }
    if (raw.startsWith("@fold ")) {
      const parts = raw.split(" ");
      for (const ch of parts[2] ?? "") {
        dictionary.fold.set(ch, parts[1]);
      }
      continue;
    }
    if (raw.startsWith("@suffix ")) {
      dictionary.suffixes.push(
        ...raw.slice(8).split(" ").filter((x) => x !== "")
      );
      continue;
    }
    if (raw[0] === "-") {
      dictionary.stop.add(raw.slice(1));
      continue;
    }
    if (raw[0] === "=") {
      dictionary.eponymNouns.add(raw.slice(1));
      continue;
    }
    const marker = raw[0] === "~" || raw[0] === "^" ? raw[0] : "";
    const target = marker === "~" ? dictionary.ambiguous : marker === "^" ? dictionary.wordNames : dictionary.strong;
    const body = marker ? raw.slice(1) : raw;
    const colon = body.indexOf(":");
    if (colon !== 3) {
      throw new Error(`Names dictionary: malformed line "${raw.slice(0, 40)}".`);
    }
    const prefix = body.slice(0, 3);
    for (const suffix of body.slice(4).split("|")) {
      target.add(prefix + suffix);
    }
  }
  return dictionary;
}
export function nameKey(token, dictionary) {
  let ascii = true;
  for (let i = 0; i < token.length; i++) {
    if (token.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  const lower = token.toLowerCase();
  if (ascii) {
    return lower;
  }
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    const code = c.charCodeAt(0);
    if (code >= 768 && code <= 879) {
      continue;
    }
    if (c === "’") {
      out += "'";
      continue;
    }
    const folded = dictionary.fold.get(c);
    out += folded === void 0 ? c : folded;
  }
  return out;
}
export const FIELD_CATEGORIES = {
  FirstName: "Name",
  LastName: "Name",
  MiddleName: "Name",
  Name: "Name",
  Suffix: "Name",
  MailingStreet: "Address",
  MailingCity: "Address",
  MailingPostalCode: "Address",
  OtherStreet: "Address",
  OtherCity: "Address",
  OtherPostalCode: "Address",
  Street: "Address",
  City: "Address",
  PostalCode: "Address",
  BillingStreet: "Address",
  BillingCity: "Address",
  BillingPostalCode: "Address",
  ShippingStreet: "Address",
  ShippingCity: "Address",
  ShippingPostalCode: "Address",
  Phone: "Phone",
  MobilePhone: "Phone",
  HomePhone: "Phone",
  OtherPhone: "Phone",
  AssistantPhone: "Phone",
  Fax: "Fax",
  Email: "Email",
  Birthdate: "Date"
};
export const FIELD_PRIORITY = 1;
export const DICTIONARY_PRIORITY = 900;
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASH_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const REPLACED = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2010-\u2015\u2212\uFE58\uFE63\uFF01-\uFF5E]/g;
const NORMALISED = /[\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u202F\u205F\u2060\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/;
function replacementOf(c) {
  return SPACE_LIKE.test(c) ? " " : DASH_LIKE.test(c) ? "-" : String.fromCharCode(c.charCodeAt(0) - 65248);
}
export function scanText(text) {
  if (!NORMALISED.test(text)) {
    return { text, map: null };
  }
  const scan = text.replace(REPLACED, replacementOf);
  IGNORABLE.lastIndex = 0;
  if (!IGNORABLE.test(scan)) {
    return { text: scan, map: null };
  }
  const map = [];
  let out = "";
  for (let i = 0; i < scan.length; i++) {
    const c = scan.charCodeAt(i);
    if (c === 173 || c >= 8203 && c <= 8205 || c === 8288 || c === 65279) {
      continue;
    }
    map.push(i);
    out += scan[i];
  }
  map.push(scan.length);
  return { text: out, map };
}
const ALL_CODES = [0, 65535];
const ASCII_LETTERS = [65, 90, 97, 122];
const ASCII_DIGITS = [48, 57];
function normaliseCodes(pairs) {
  const ranges = [];
  for (let i = 0; i < pairs.length; i += 2) {
    ranges.push([pairs[i], pairs[i + 1]]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [lo, hi] of ranges) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) {
      out[out.length - 1] = Math.max(out[out.length - 1], hi);
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}
function unionCodes(a, b) {
  return a.length === 0 ? b : b.length === 0 ? a : normaliseCodes(a.concat(b));
}
function complementCodes(a) {
  const out = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] > next) {
      out.push(next, a[i] - 1);
    }
    next = a[i + 1] + 1;
  }
  if (next <= 65535) {
    out.push(next, 65535);
  }
  return out;
}
function intersectCodes(a, b) {
  const out = [];
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      const lo = Math.max(a[i], b[j]);
      const hi = Math.min(a[i + 1], b[j + 1]);
      if (lo <= hi) {
        out.push(lo, hi);
      }
    }
  }
  return normaliseCodes(out);
}
function hasCode(a, code) {
  for (let i = 0; i < a.length; i += 2) {
    if (code < a[i]) {
      return false;
    }
    if (code <= a[i + 1]) {
      return true;
    }
  }
  return false;
}
function countCodes(a) {
  let n = 0;
  for (let i = 0; i < a.length; i += 2) {
    n += a[i + 1] - a[i] + 1;
  }
  return n;
}
function caseClosed(a) {
  const extra = [];
  for (let c = 65; c <= 90; c++) {
    if (hasCode(a, c) || hasCode(a, c + 32)) {
      extra.push(c, c, c + 32, c + 32);
    }
  }
  return unionCodes(a, normaliseCodes(extra));
}
class RxUnsupported extends Error {
}
class RxParser {
  source;
  ci;
  i = 0;
  constructor(source, ci) {
    this.source = source;
    this.ci = ci;
  }
  parse() {
    const tree = this.alternation();
    if (this.i !== this.source.length) {
      this.fail();
    }
    return tree;
  }
  fail() {
    throw new RxUnsupported(this.source);
  }
  literal(code) {
    if (this.ci && code > 127) {
      this.fail();
    }
    return this.ci ? caseClosed([code, code]) : [code, code];
  }
  hex(length) {
    const digits = this.source.slice(this.i + 2, this.i + 2 + length);
    if (digits.length !== length || !/^[0-9A-Fa-f]+$/.test(digits)) {
      this.fail();
    }
    this.i += 2 + length;
    return parseInt(digits, 16);
  }
  /** One escape at i (source[i] is a backslash): a code unit, or a class for \d and \w. */
  escape() {
    const c = this.source[this.i + 1];
    if (c === void 0) {
      return this.fail();
    }
    if (c === "u") {
      return { code: this.hex(4), set: null };
    }
    if (c === "x") {
      return { code: this.hex(2), set: null };
    }
    this.i += 2;
    const known = {
      d: { code: -1, set: ASCII_DIGITS },
      w: { code: -1, set: [48, 57, 65, 90, 95, 95, 97, 122] },
      t: { code: 9, set: null },
      n: { code: 10, set: null },
      r: { code: 13, set: null },
      f: { code: 12, set: null },
      v: { code: 11, set: null }
    };
    if (Object.prototype.hasOwnProperty.call(known, c)) {
      return known[c];
    }
    if (/[A-Za-z0-9]/.test(c)) {
      return this.fail();
    }
    return { code: c.charCodeAt(0), set: null };
  }
  classAtom() {
    if (this.source[this.i] === "\\") {
      return this.escape();
    }
    if (this.source[this.i] === "[" || this.i >= this.source.length) {
      this.fail();
    }
    const code = this.source.charCodeAt(this.i);
    this.i++;
    return { code, set: null };
  }
  charClass() {
    const source = this.source;
    this.i++;
    let negated = false;
    if (source[this.i] === "^") {
      negated = true;
      this.i++;
    }
    if (source[this.i] === "]") {
      this.fail();
    }
    const pairs = [];
    while (source[this.i] !== "]") {
      if (this.i >= source.length) {
        this.fail();
      }
      const from = this.classAtom();
      if (source[this.i] === "-" && source[this.i + 1] !== "]" && this.i + 1 < source.length) {
        this.i++;
        const to = this.classAtom();
        if (from.set || to.set || to.code < from.code) {
          this.fail();
        }
        pairs.push(from.code, to.code);
      } else if (from.set) {
        pairs.push(...from.set);
      } else {
        pairs.push(from.code, from.code);
      }
    }
    this.i++;
    let set = normaliseCodes(pairs);
    if (this.ci) {
      for (let k = 0; k < set.length; k += 2) {
        if (set[k + 1] > 127) {
          this.fail();
        }
      }
      set = caseClosed(set);
    }
    return negated ? complementCodes(set) : set;
  }
  alternation() {
    const options = [this.sequence()];
    while (this.source[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { k: "alt", options };
  }
  sequence() {
    const items = [];
    while (this.i < this.source.length && this.source[this.i] !== "|" && this.source[this.i] !== ")") {
      const quantified = this.quantifier(this.atom());
      if (quantified.k === "seq") {
        items.push(...quantified.items);
      } else {
        items.push(quantified);
      }
    }
    return { k: "seq", items };
  }
  quantifier(atom) {
    const c = this.source[this.i];
    let min = 1;
    let max = 1;
    if (c === "?" || c === "*" || c === "+") {
      min = c === "+" ? 1 : 0;
      max = c === "?" ? 1 : Infinity;
      this.i++;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) {
        return this.fail();
      }
      min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) {
        this.fail();
      }
      this.i += m[0].length;
    } else {
      return atom;
    }
    if (atom.k === "look") {
      this.fail();
    }
    if (this.source[this.i] === "?") {
      this.i++;
    }
    return { k: "rep", body: atom, min, max };
  }
  atom() {
    const source = this.source;
    const c = source[this.i];
    if (c === "(") {
      let look = null;
      if (source.startsWith("(?:", this.i)) {
        this.i += 3;
      } else if (source.startsWith("(?=", this.i) || source.startsWith("(?!", this.i)) {
        look = { behind: false, negative: source[this.i + 2] === "!" };
        this.i += 3;
      } else if (source.startsWith("(?<=", this.i) || source.startsWith("(?<!", this.i)) {
        look = { behind: true, negative: source[this.i + 3] === "!" };
        this.i += 4;
      } else if (source[this.i + 1] === "?") {
        return this.fail();
      } else {
        this.i += 1;
      }
      const body = this.alternation();
      if (source[this.i] !== ")") {
        this.fail();
      }
      this.i++;
      return look ? { k: "look", behind: look.behind, negative: look.negative, body } : body;
    }
    if (c === "[") {
      return { k: "set", set: this.charClass() };
    }
    if (c === "\\") {
      const e = this.escape();
      return { k: "set", set: e.set ? e.set : this.literal(e.code) };
    }
    if (".^$*+?{}[]|)".includes(c)) {
      return this.fail();
    }
    this.i++;
    return { k: "set", set: this.literal(c.charCodeAt(0)) };
  }
}
function parseRx(source, ci) {
  return new RxParser(source, ci).parse();
}
function rxMin(node) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? 1 : 0;
  }
  if (node.k === "seq") {
    return node.items.reduce((t, n) => t + rxMin(n), 0);
  }
  if (node.k === "alt") {
    return Math.min(...node.options.map(rxMin));
  }
  return node.min * rxMin(node.body);
}
function rxMax(node) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? 1 : 0;
  }
  if (node.k === "seq") {
    return node.items.reduce((t, n) => t + rxMax(n), 0);
  }
  if (node.k === "alt") {
    return Math.max(...node.options.map(rxMax));
  }
  const body = rxMax(node.body);
  return body === 0 ? 0 : node.max * body;
}
function rxEdge(node, last) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? node.set : [];
  }
  if (node.k === "alt") {
    return node.options.reduce((t, n) => unionCodes(t, rxEdge(n, last)), []);
  }
  if (node.k === "rep") {
    return node.max === 0 ? [] : rxEdge(node.body, last);
  }
  let out = [];
  const items = last ? node.items.slice().reverse() : node.items;
  for (const item of items) {
    out = unionCodes(out, rxEdge(item, last));
    if (rxMin(item) > 0) {
      break;
    }
  }
  return out;
}
function rxPositions(items, limit, backward) {
  const raw = [];
  for (let k = 0; k < limit; k++) {
    raw.push([]);
  }
  const over = 1 << limit;
  const walk = (node, from) => {
    if (node.k === "look") {
      return from;
    }
    if (node.k === "set") {
      for (let o = 0; o < limit; o++) {
        if ((from >>> o & 1) === 1) {
          const into = raw[o];
          for (let r = 0; r < node.set.length; r++) {
            into.push(node.set[r]);
          }
          if (into.length > 512) {
            raw[o] = normaliseCodes(into);
          }
        }
      }
      return (from & over - 1) << 1 | from & over;
    }
    if (node.k === "seq") {
      let at2 = from;
      const order = backward ? node.items.slice().reverse() : node.items;
      for (const item of order) {
        at2 = walk(item, at2);
      }
      return at2;
    }
    if (node.k === "alt") {
      let out2 = 0;
      for (const option of node.options) {
        out2 |= walk(option, from);
      }
      return out2;
    }
    let at = from;
    for (let n = 0; n < node.min; n++) {
      const next = walk(node.body, at);
      if (next === at) {
        break;
      }
      at = next;
    }
    let all = at;
    for (let n = node.min; n < node.max; n++) {
      const grown = all | walk(node.body, all);
      if (grown === all) {
        break;
      }
      all = grown;
    }
    return all;
  };
  walk({ k: "seq", items }, 1);
  const length = Math.min(limit, rxMin({ k: "seq", items }));
  const out = [];
  for (let k = 0; k < length; k++) {
    out.push(raw[k].length > 0 ? normaliseCodes(raw[k]) : ALL_CODES);
  }
  return out;
}
const WORD_NEXT = 54;
const RUN_LENGTHS = 16;
const RUN_AFTER = 18;
const ENTRY_DIGITS = 52 * WORD_NEXT;
const ENTRY_CHAR = ENTRY_DIGITS + RUN_LENGTHS * RUN_AFTER;
const CHAR_LIMIT = 592;
const ENTRY_HIGH = ENTRY_CHAR + CHAR_LIMIT;
const ENTRY_COUNT = ENTRY_HIGH + 1;
function letterIndex(code) {
  return code >= 65 && code <= 90 ? code - 65 : code >= 97 && code <= 122 ? code - 71 : code >= 48 && code <= 57 ? 52 : 53;
}
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = letterIndex(c);
}
const DIGIT_AFTER = " 	\n\r-./:,()+#'";
const DIGIT_AFTER_CLASS = new Uint8Array(128).fill(16);
for (let c = 65; c <= 90; c++) {
  DIGIT_AFTER_CLASS[c] = 14;
  DIGIT_AFTER_CLASS[c + 32] = 15;
}
for (let k = 0; k < DIGIT_AFTER.length; k++) {
  DIGIT_AFTER_CLASS[DIGIT_AFTER.charCodeAt(k)] = k;
}
function digitAfterSet(cls) {
  if (cls < DIGIT_AFTER.length) {
    const c = DIGIT_AFTER.charCodeAt(cls);
    return [c, c];
  }
  if (cls === 14) {
    return [65, 90];
  }
  if (cls === 15) {
    return [97, 122];
  }
  if (cls === 16) {
    let listed = unionCodes(ASCII_LETTERS, ASCII_DIGITS);
    for (let k = 0; k < DIGIT_AFTER.length; k++) {
      const c = DIGIT_AFTER.charCodeAt(k);
      listed = unionCodes(listed, [c, c]);
    }
    return complementCodes(listed);
  }
  return [];
}
const DIGIT_AFTER_CODES = [];
for (let cls = 0; cls < 18; cls++) {
  DIGIT_AFTER_CODES.push(digitAfterSet(cls));
}
const LETTER_SHARE = "etaoinshrdlcumwfgypbvkjxqz";
function charShare(code) {
  if (code >= 97 && code <= 122) {
    const rank = LETTER_SHARE.indexOf(String.fromCharCode(code));
    return 0.65 * (0.13 * Math.pow(0.86, rank));
  }
  if (code >= 65 && code <= 90) {
    const rank = LETTER_SHARE.indexOf(String.fromCharCode(code + 32));
    return 0.06 * (0.13 * Math.pow(0.86, rank));
  }
  if (code >= 48 && code <= 57) {
    return 66e-4;
  }
  switch (code) {
    case 32:
      return 0.15;
    case 10:
      return 0.03;
    case 46:
      return 0.01;
    case 44:
      return 6e-3;
    case 39:
      return 4e-3;
    case 58:
      return 34e-4;
    case 45:
      return 2e-3;
    case 47:
      return 15e-4;
    case 34:
      return 2e-3;
    case 9:
    case 13:
      return 5e-4;
    default:
      return code < 128 ? 3e-4 : code < CHAR_LIMIT ? 5e-5 : 1e-5;
  }
}
const SHARE_TABLE = new Float64Array(CHAR_LIMIT);
for (let c = 0; c < CHAR_LIMIT; c++) {
  SHARE_TABLE[c] = charShare(c);
}
function shareOf(set) {
  let share = 0;
  for (let i = 0; i < set.length; i += 2) {
    for (let c = set[i]; c <= Math.min(set[i + 1], CHAR_LIMIT - 1); c++) {
      share += SHARE_TABLE[c];
    }
    if (set[i + 1] >= CHAR_LIMIT) {
      share += (set[i + 1] - Math.max(set[i], CHAR_LIMIT) + 1) * 1e-5;
    }
  }
  return Math.min(1, share);
}
const RUN_LENGTH_SHARE = [0.25, 0.2, 0.1, 0.25, 0.06, 0.04, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
const RUN_AFTER_SHARE = [
  0.45,
  5e-3,
  0.1,
  5e-3,
  0.05,
  0.08,
  0.04,
  0.03,
  0.08,
  5e-3,
  0.01,
  1e-3,
  1e-3,
  5e-3,
  0.02,
  0.1,
  0.02,
  1e-3
];
function entryShare(entry) {
  if (entry < ENTRY_DIGITS) {
    const letter = Math.floor(entry / WORD_NEXT);
    const next = entry % WORD_NEXT;
    const nextShare = next < 52 ? SHARE_TABLE[next < 26 ? 65 + next : 71 + next] / 0.7 : next === 52 ? 0.01 : 0.05;
    return SHARE_TABLE[letter < 26 ? 65 + letter : 71 + letter] * (letter < 26 ? 0.8 : 0.2) * nextShare;
  }
  if (entry < ENTRY_CHAR) {
    const run = entry - ENTRY_DIGITS;
    return 0.016 * RUN_LENGTH_SHARE[Math.floor(run / RUN_AFTER)] * RUN_AFTER_SHARE[run % RUN_AFTER];
  }
  return entry === ENTRY_HIGH ? 2e-3 : SHARE_TABLE[entry - ENTRY_CHAR];
}
function classRun(sets) {
  const low = new Uint32Array(sets.length * 8);
  const high = [];
  sets.forEach((set, k) => {
    for (let i = 0; i < set.length; i += 2) {
      for (let c = set[i]; c <= Math.min(set[i + 1], 255); c++) {
        low[k * 8 + (c >>> 5)] |= 1 << (c & 31);
      }
    }
    high.push(intersectCodes(set, [256, 65535]));
  });
  return { length: sets.length, low, high };
}
function inRun(run, k, code) {
  return code < 256 ? (run.low[k * 8 + (code >>> 5)] >>> (code & 31) & 1) === 1 : hasCode(run.high[k], code);
}
const PLAN_CLASSES = 12;
const COST_ENTRY = 20;
const COST_ANCHOR = 40;
const COST_POSITION = 8;
const COST_EXEC = 250;
function topLevelItems(tree) {
  return tree.k === "seq" ? tree.items : [tree];
}
function singleSet(node) {
  if (node.k === "set") {
    return node.set;
  }
  if (node.k === "seq" && node.items.length === 1) {
    return singleSet(node.items[0]);
  }
  return null;
}
function anchorEntries(before, positions) {
  if (positions.length === 0) {
    return null;
  }
  const first = positions[0];
  const entries = [];
  const letters = intersectCodes(first, ASCII_LETTERS);
  if (letters.length > 0) {
    if (intersectCodes(before, ASCII_LETTERS).length > 0) {
      return null;
    }
    const nextClasses = /* @__PURE__ */ new Set();
    if (positions.length < 2) {
      for (let k = 0; k < WORD_NEXT; k++) {
        nextClasses.add(k);
      }
    } else {
      const next = positions[1];
      for (let i = 0; i < next.length; i += 2) {
        for (let c = next[i]; c <= next[i + 1]; c++) {
          nextClasses.add(c < 128 ? ASCII_CLASS[c] : 53);
          if (c >= 128) {
            break;
          }
        }
      }
    }
    for (let i = 0; i < letters.length; i += 2) {
      for (let c = letters[i]; c <= letters[i + 1]; c++) {
        for (const n of nextClasses) {
          entries.push(letterIndex(c) * WORD_NEXT + n);
        }
      }
    }
  }
  if (intersectCodes(first, ASCII_DIGITS).length > 0) {
    if (intersectCodes(before, ASCII_DIGITS).length > 0) {
      return null;
    }
    for (let length = 1; length <= RUN_LENGTHS; length++) {
      if (length <= positions.length && intersectCodes(positions[length - 1], ASCII_DIGITS).length === 0) {
        break;
      }
      for (let after = 0; after < RUN_AFTER; after++) {
        const fits = length === RUN_LENGTHS || length >= positions.length || intersectCodes(positions[length], DIGIT_AFTER_CODES[after]).length > 0;
        if (fits) {
          entries.push(ENTRY_DIGITS + (length - 1) * RUN_AFTER + after);
        }
      }
    }
  }
  const others = intersectCodes(first, complementCodes(unionCodes(ASCII_LETTERS, ASCII_DIGITS)));
  const low = intersectCodes(others, [0, CHAR_LIMIT - 1]);
  if (countCodes(low) > 256) {
    return null;
  }
  for (let i = 0; i < low.length; i += 2) {
    for (let c = low[i]; c <= low[i + 1]; c++) {
      entries.push(ENTRY_CHAR + c);
    }
  }
  if (intersectCodes(others, [CHAR_LIMIT, 65535]).length > 0) {
    entries.push(ENTRY_HIGH);
  }
  return entries;
}
export function planPatternIndex(pattern, caseInsensitive) {
  let tree;
  try {
    tree = parseRx(pattern, caseInsensitive);
  } catch (error) {
    if (error instanceof RxUnsupported) {
      return null;
    }
    throw error;
  }
  const items = topLevelItems(tree);
  if (items.some((n) => !Number.isFinite(rxMax(n)))) {
    return null;
  }
  const lead = items[0];
  const notBefore = lead && lead.k === "look" && lead.behind && lead.negative ? singleSet(lead.body) : null;
  const beforeStart = notBefore ? complementCodes(notBefore) : ALL_CODES;
  const start = rxPositions(items, PLAN_CLASSES, false);
  if (start.length === 0) {
    return null;
  }
  const notBeforeShare = notBefore ? Math.max(0.2, 1 - shareOf(notBefore)) : 1;
  const startShare = Math.min(1, start.reduce((t, set) => t * shareOf(set), 1) * notBeforeShare);
  const scanCost = 0.8 + 40 * shareOf(start[0]) * notBeforeShare;
  let best = null;
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    const itemMin = rxMin(item);
    const itemMax = rxMax(item);
    const anchor = itemMin > 0 ? planAnchor(items, j, beforeStart) : null;
    if (anchor !== null) {
      const width = hi - lo + 1;
      const cost = anchor.entryShare * (COST_ENTRY + COST_ANCHOR) + anchor.anchorShare * width * (COST_POSITION + startShare * COST_EXEC);
      if (best === null || cost < best.cost) {
        best = {
          entries: anchor.entries,
          after: anchor.after,
          lo,
          hi,
          before: anchor.before,
          start: classRun(start),
          notBefore: notBefore ? classRun([notBefore]) : null,
          cost,
          scanCost
        };
      }
    }
    lo += itemMin;
    hi += itemMax;
  }
  return best !== null && best.cost < scanCost ? best : null;
}
function planAnchor(items, j, beforeStart) {
  let before = [];
  let emptyBefore = true;
  for (let i = j - 1; i >= 0; i--) {
    before = unionCodes(before, rxEdge(items[i], true));
    if (rxMin(items[i]) > 0) {
      emptyBefore = false;
      break;
    }
  }
  if (emptyBefore) {
    before = unionCodes(before, beforeStart);
  }
  const back = rxPositions(items.slice(0, j), PLAN_CLASSES, true);
  const backShare = back.reduce((t, set) => t * shareOf(set), 1);
  const item = items[j];
  const options = item.k === "alt" ? item.options : [item];
  const runsOf = /* @__PURE__ */ new Map();
  let totalEntryShare = 0;
  let anchorShare = 0;
  for (const option of options) {
    const positions = rxPositions([option, ...items.slice(j + 1)], PLAN_CLASSES, false);
    const entries2 = anchorEntries(before, positions);
    if (entries2 === null || entries2.length === 0) {
      return null;
    }
    const run = classRun(positions);
    let share = 0;
    for (const e of entries2) {
      share += entryShare(e);
      const runs = runsOf.get(e);
      if (runs === void 0) {
        runsOf.set(e, [run]);
      } else if (!runs.includes(run)) {
        runs.push(run);
      }
    }
    totalEntryShare += share;
    const verifiedFrom = intersectCodes(positions[0], ASCII_LETTERS).length > 0 ? 2 : 1;
    anchorShare += share * positions.slice(verifiedFrom).reduce((t, set) => t * shareOf(set), 1) * backShare;
  }
  const entries = Array.from(runsOf.keys()).sort((a, b) => a - b);
  const runIds = /* @__PURE__ */ new Map();
  const shared = /* @__PURE__ */ new Map();
  const after = entries.map((e) => {
    const runs = runsOf.get(e);
    const key = runs.map((run) => {
      if (!runIds.has(run)) {
        runIds.set(run, runIds.size);
      }
      return runIds.get(run);
    }).join(",");
    const known = shared.get(key);
    if (known) {
      return known;
    }
    shared.set(key, runs);
    return runs;
  });
  return {
    entries,
    after,
    before: classRun(back),
    entryShare: Math.min(1, totalEntryShare),
    anchorShare: Math.min(1, anchorShare)
  };
}
const compiledCache = /* @__PURE__ */ new WeakMap();
export function compilePatterns(patterns) {
  const cached = compiledCache.get(patterns);
  if (cached) {
    return cached;
  }
  const problems = checkPatterns(patterns);
  if (problems.length > 0) {
    throw new Error("Unsafe or invalid PHI patterns:\n" + problems.join("\n"));
  }
  const compiled = patterns.filter((p) => p.enabled).slice().sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((spec) => ({
    spec,
    regex: new RegExp(spec.pattern, "gd" + (spec.caseInsensitive ? "i" : "")),
    hasGroup: new RegExp(spec.pattern + "|").exec("").length > 1,
    sticky: new RegExp(spec.pattern, "yd" + (spec.caseInsensitive ? "i" : "")),
    plan: planPatternIndex(spec.pattern, spec.caseInsensitive)
  }));
  compiledCache.set(patterns, compiled);
  return compiled;
}
const patternIndexes = /* @__PURE__ */ new WeakMap();
function patternIndexFor(compiled) {
  let index = patternIndexes.get(compiled);
  if (index) {
    return index;
  }
  const fed = [];
  for (let e = 0; e < ENTRY_COUNT; e++) {
    fed.push([]);
  }
  const lists = [];
  const byKey = /* @__PURE__ */ new Map();
  const listFor = (entries) => {
    const key = entries.join(",");
    let list = byKey.get(key);
    if (list === void 0) {
      list = lists.length;
      const slotOf = new Int16Array(ENTRY_COUNT).fill(-1);
      entries.forEach((e, slot) => {
        slotOf[e] = slot;
      });
      lists.push({ positions: [], entries: null, slotOf });
      byKey.set(key, list);
      for (const e of entries) {
        fed[e].push(list);
      }
    }
    return list;
  };
  const anchorList = compiled.map((c) => c.plan ? listFor(c.plan.entries) : -1);
  compiled.forEach((c, p) => {
    if (c.plan && c.plan.after.some((runs) => runs !== c.plan?.after[0])) {
      lists[anchorList[p]].entries = [];
    }
  });
  const feeds = new Int32Array(ENTRY_COUNT).fill(-1);
  const groups = [];
  const groupOf = /* @__PURE__ */ new Map();
  fed.forEach((targets, e) => {
    if (targets.length > 0) {
      const key = targets.join(",");
      let group = groupOf.get(key);
      if (group === void 0) {
        group = groups.length;
        groups.push(targets);
        groupOf.set(key, group);
      }
      feeds[e] = group;
    }
  });
  index = { feeds, groups, lists, anchorList };
  patternIndexes.set(compiled, index);
  return index;
}
function tokenList() {
  return { starts: [], ends: [], hashes: [], plain: [], count: 0 };
}
function addToken(tokens, start, end, hash, plain) {
  const k = tokens.count++;
  if (k < tokens.starts.length) {
    tokens.starts[k] = start;
    tokens.ends[k] = end;
    tokens.hashes[k] = hash;
    tokens.plain[k] = plain ? 1 : 0;
  } else {
    tokens.starts.push(start);
    tokens.ends.push(end);
    tokens.hashes.push(hash);
    tokens.plain.push(plain ? 1 : 0);
  }
}
function textPass(scan, index, tokens) {
  const feeds = index === null ? null : index.feeds;
  const groups = index === null ? [] : index.groups;
  const lists = index === null ? [] : index.lists;
  for (let l = 0; l < lists.length; l++) {
    lists[l].positions.length = 0;
    const entries = lists[l].entries;
    if (entries !== null) {
      entries.length = 0;
    }
  }
  if (tokens !== null) {
    tokens.count = 0;
  }
  const n = scan.length;
  let previous = 53;
  let tokenStart = -1;
  let lowHalf = false;
  let hash = 0;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const c = scan.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : 53;
    if (cls < 52 && previous < 52) {
      hash = Math.imul(hash, 31) + c | 0;
      plain = plain && cls >= 26;
      previous = cls;
      continue;
    }
    if (tokens !== null) {
      if (lowHalf) {
        lowHalf = false;
        hash = Math.imul(hash, 31) + c | 0;
      } else {
        const length = cls < 52 ? 1 : c < 170 ? 0 : letterAt(scan, i);
        if (length > 0) {
          if (tokenStart < 0) {
            tokenStart = i;
            hash = 0;
            plain = true;
          }
          lowHalf = length === 2;
          hash = Math.imul(hash, 31) + c | 0;
          plain = plain && cls >= 26 && cls < 52;
        } else if (tokenStart >= 0) {
          if ((c === 39 || c === 8217 || c === 45) && i + 1 < n && letterAt(scan, i + 1) > 0) {
            hash = Math.imul(hash, 31) + c | 0;
            plain = false;
          } else {
            addToken(tokens, tokenStart, i, hash, plain);
            tokenStart = -1;
          }
        }
      }
    }
    if (feeds !== null) {
      let entry = -1;
      if (cls < 52) {
        if (previous >= 52) {
          const d = i + 1 < n ? scan.charCodeAt(i + 1) : 0;
          entry = cls * WORD_NEXT + (d < 128 ? ASCII_CLASS[d] : 53);
        }
      } else if (cls === 52) {
        if (previous !== 52) {
          let j = i + 1;
          while (j < n && j - i < RUN_LENGTHS) {
            const d = scan.charCodeAt(j);
            if (d < 48 || d > 57) {
              break;
            }
            j++;
          }
          let after = 16;
          if (j - i < RUN_LENGTHS) {
            const d = j < n ? scan.charCodeAt(j) : -1;
            after = d < 0 ? 17 : d < 128 ? DIGIT_AFTER_CLASS[d] : 16;
          }
          entry = ENTRY_DIGITS + (j - i - 1) * RUN_AFTER + after;
        }
      } else {
        entry = c < CHAR_LIMIT ? ENTRY_CHAR + c : ENTRY_HIGH;
      }
      if (entry >= 0) {
        const group = feeds[entry];
        if (group >= 0) {
          const targets = groups[group];
          for (let t = 0; t < targets.length; t++) {
            const list = lists[targets[t]];
            list.positions.push(i);
            if (list.entries !== null) {
              list.entries.push(entry);
            }
          }
        }
      }
    }
    previous = cls;
  }
  if (tokens !== null && tokenStart >= 0) {
    addToken(tokens, tokenStart, n, hash, plain);
  }
}
function fitsForward(scan, at, run) {
  if (at + run.length > scan.length) {
    return false;
  }
  for (let k = 0; k < run.length; k++) {
    if (!inRun(run, k, scan.charCodeAt(at + k))) {
      return false;
    }
  }
  return true;
}
function fitsBackward(scan, at, run) {
  if (at - run.length < 0) {
    return false;
  }
  for (let k = 0; k < run.length; k++) {
    if (!inRun(run, k, scan.charCodeAt(at - 1 - k))) {
      return false;
    }
  }
  return true;
}
function addPatternMatch(scan, m, compiled, order, out) {
  const { spec, hasGroup } = compiled;
  let start = m.index;
  let end = m.index + m[0].length;
  if (hasGroup) {
    const indices = m.indices?.[1];
    if (!indices) {
      return;
    }
    start = indices[0];
    end = indices[1];
    if (end <= start) {
      return;
    }
  }
  if (spec.validator && !validate(spec.validator, scan.slice(start, end))) {
    return;
  }
  out.push({
    start,
    end,
    category: spec.category,
    priority: spec.priority,
    source: "pattern",
    rule: spec.name,
    order
  });
}
function scanPattern(scan, compiled, order, out) {
  const regex = compiled.regex;
  regex.lastIndex = 0;
  let m;
  while ((m = regex.exec(scan)) !== null) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    addPatternMatch(scan, m, compiled, order, out);
  }
}
function tryStart(scan, s, compiled, plan, order, out) {
  const notBefore = plan.notBefore;
  if (notBefore !== null && s > 0 && inRun(notBefore, 0, scan.charCodeAt(s - 1)) || !fitsForward(scan, s, plan.start)) {
    return s + 1;
  }
  const sticky = compiled.sticky;
  sticky.lastIndex = s;
  const m = sticky.exec(scan);
  if (m === null || m[0].length === 0) {
    return s + 1;
  }
  addPatternMatch(scan, m, compiled, order, out);
  return s + m[0].length;
}
function indexedPattern(scan, compiled, plan, anchors, order, out) {
  const { lo, hi, after, before } = plan;
  const positions = anchors.positions;
  const entries = anchors.entries;
  const slotOf = anchors.slotOf;
  let next = 0;
  for (let a = 0; a < positions.length; a++) {
    const at = positions[a];
    const last = at - lo;
    if (last < next || before.length > 0 && !fitsBackward(scan, at, before)) {
      continue;
    }
    const runs = entries === null ? after[0] : after[slotOf[entries[a]]];
    let fits = false;
    for (let r = 0; r < runs.length && !fits; r++) {
      fits = fitsForward(scan, at, runs[r]);
    }
    if (!fits) {
      continue;
    }
    for (let s = at - hi > next ? at - hi : next; s <= last; s = next) {
      next = tryStart(scan, s, compiled, plan, order, out);
    }
    if (last + 1 > next) {
      next = last + 1;
    }
  }
}
function patternCandidates(scan, compiled, index, out) {
  for (let p = 0; p < compiled.length; p++) {
    const c = compiled[p];
    const list = index === null ? -1 : index.anchorList[p];
    if (index === null || list < 0 || c.plan === null) {
      scanPattern(scan, c, p, out);
    } else {
      indexedPattern(scan, c, c.plan, index.lists[list], p, out);
    }
  }
}
export function matchPatterns(scan, patterns, mode = "indexed", compiled = compilePatterns(patterns)) {
  const out = [];
  let index = null;
  if (mode === "indexed") {
    index = patternIndexFor(compiled);
    textPass(scan, index, null);
  }
  patternCandidates(scan, compiled, index, out);
  return out.map((c) => ({ start: c.start, end: c.end, rule: c.rule }));
}
const TAIL_WORD = "[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{0,30}";
const TAIL_POSTAL = "[0-9]{3,5}(?:[ \\-][0-9]{2,4})?";
const TAIL_SEGMENT = "(?:(?:Apt|APT|Apartment|Suite|SUITE|Ste|Unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?|" + TAIL_POSTAL + "|" + TAIL_WORD + "(?:[ \\t]" + TAIL_WORD + ")?(?:[ \\t]" + TAIL_WORD + ")?(?:,?[ \\t]{1,2}[A-Z]{2})?(?:,?[ \\t]{1,2}" + TAIL_POSTAL + ")?)";
export const ADDRESS_TAIL = "(?:(?:,[ \\t]{0,2}|[ \\t]{1,2})" + TAIL_SEGMENT + "(?![A-Za-z0-9:])|[ \\t]{0,2}\\r?\\n[ \\t>?*]{0,4}" + TAIL_SEGMENT + "(?=[ \\t]{0,3}[\\r\\n,]))";
export const ADDRESS_TAIL_PARTS = 5;
const addressTail = new RegExp(ADDRESS_TAIL, "y");
function extendAddresses(scan, candidates) {
  for (const c of candidates) {
    if (c.source !== "pattern" || c.category !== "Address") {
      continue;
    }
    for (let part = 0; part < ADDRESS_TAIL_PARTS; part++) {
      addressTail.lastIndex = c.end;
      const m = addressTail.exec(scan);
      if (!m || m[0].length === 0) {
        break;
      }
      c.end += m[0].length;
    }
  }
}
function escapeForClass(c) {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122) {
    return c;
  }
  return "\\u" + code.toString(16).padStart(4, "0");
}
export function literalValuePattern(value) {
  const words = value.trim().split(/[ \t\n\r\f\v\u00A0]+/).filter((w) => w !== "");
  if (words.length === 0) {
    return null;
  }
  const parts = words.map((word) => {
    let out = "";
    for (let i = 0; i < word.length; i++) {
      const c = word[i];
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      const variants = [c];
      if (lower.length === 1 && !variants.includes(lower)) {
        variants.push(lower);
      }
      if (upper.length === 1 && !variants.includes(upper)) {
        variants.push(upper);
      }
      out += variants.length === 1 ? escapeForClass(c) : "[" + variants.map(escapeForClass).join("") + "]";
    }
    return out;
  });
  return "(?<![\\p{L}\\p{Nd}])" + parts.join("[ \\t\\n\\r\\f\\u000B]{1,16}") + "(?![\\p{L}\\p{Nd}])";
}
export function phoneValuePattern(digits) {
  return "(?<![0-9])" + digits.split("").join("[ ().+/\\-]{0,3}") + "(?![0-9])";
}
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
export function dateValueForms(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) {
    return [value];
  }
  const y = m[1];
  const mm = m[2];
  const dd = m[3];
  const mo = String(Number(mm));
  const d = String(Number(dd));
  const month = MONTHS[Number(mm) - 1] ?? "";
  const forms = [
    `${y}-${mm}-${dd}`,
    `${mm}/${dd}/${y}`,
    `${mo}/${d}/${y}`,
    `${dd}/${mm}/${y}`,
    `${d}/${mo}/${y}`,
    `${dd}.${mm}.${y}`,
    `${d}.${mo}.${y}`,
    `${mo}/${d}/${y.slice(2)}`,
    `${mm}/${dd}/${y.slice(2)}`,
    `${dd}-${mm}-${y}`,
    `${mm}-${dd}-${y}`
  ];
  if (month) {
    forms.push(
      `${month} ${d}, ${y}`,
      `${month} ${d} ${y}`,
      `${d} ${month} ${y}`,
      `${month.slice(0, 3)} ${d}, ${y}`,
      `${d} ${month.slice(0, 3)} ${y}`
    );
  }
  return forms.filter((f, i) => forms.indexOf(f) === i);
}
export function fieldCategory(field, extra) {
  if (extra && extra[field]) {
    return extra[field];
  }
  if (FIELD_CATEGORIES[field]) {
    return FIELD_CATEGORIES[field];
  }
  const lower = field.toLowerCase();
  if (lower.includes("mrn") || lower.includes("medicalrecord")) {
    return "Mrn";
  }
  if (lower.includes("ssn") || lower.includes("socialsecurity")) {
    return "Ssn";
  }
  if (lower.includes("phone") || lower.includes("mobile")) {
    return "Phone";
  }
  if (lower.includes("email")) {
    return "Email";
  }
  return "Identifier";
}
export function fieldValueMatchers(category, value) {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[^0-9]/g, "");
  const letters = trimmed.replace(/[^\p{L}]/gu, "").length;
  const out = [];
  const addLiteral = (v) => {
    const t = v.trim();
    const ds = t.replace(/[^0-9]/g, "").length;
    const ls = t.replace(/[^\p{L}]/gu, "").length;
    if (ls < 2 && ds < 4) {
      return;
    }
    const p = literalValuePattern(t);
    if (p && !out.includes(p)) {
      out.push(p);
    }
  };
  if (category === "Phone" || category === "Fax") {
    if (digits.length >= 7) {
      out.push(phoneValuePattern(digits));
      if (digits.length >= 10) {
        out.push(phoneValuePattern(digits.slice(digits.length - 9)));
      }
    }
    return out;
  }
  if (category === "Date") {
    for (const form of dateValueForms(trimmed)) {
      addLiteral(form);
    }
    return out;
  }
  addLiteral(trimmed);
  if (category === "Name") {
    for (const raw of trimmed.split(/[ \t\n\r\f\v\u00A0]+/)) {
      const part = raw.replace(/^[,;.]+|[,;.]+$/g, "");
      const first = part.charAt(0);
      if (part.length >= 2 && first !== first.toLowerCase() && first === first.toUpperCase()) {
        addLiteral(part);
      }
    }
  } else if (category === "Address") {
    for (const line of trimmed.split(/[\r\n]+/)) {
      addLiteral(line.replace(/[,;]+$/, ""));
    }
  } else if (letters === 0 && digits.length >= 4 && digits !== trimmed) {
    addLiteral(digits);
  }
  return out;
}
export function withFullNames(fields) {
  const first = (fields.FirstName ?? "").trim();
  const middle = (fields.MiddleName ?? "").trim();
  const last = (fields.LastName ?? "").trim();
  if (first === "" || last === "") {
    return fields;
  }
  const out = {
    ...fields,
    $FullName: first + " " + last,
    $ReversedName: last + ", " + first
  };
  if (middle !== "") {
    out.$FullNameWithMiddle = first + " " + middle + " " + last;
  }
  return out;
}
function fieldCandidates(scan, input, out) {
  const fields = withFullNames(input.fields ?? {});
  const names = Object.keys(fields).sort();
  for (const field of names) {
    const value = fields[field];
    if (value === null || value === void 0 || String(value).trim() === "") {
      continue;
    }
    const category = field.startsWith("$") ? "Name" : fieldCategory(field, input.fieldCategories);
    for (const source of fieldValueMatchers(category, String(value))) {
      const regex = new RegExp(source, "gu");
      let m;
      while ((m = regex.exec(scan)) !== null) {
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          category,
          priority: FIELD_PRIORITY,
          source: "field",
          rule: field,
          order: 0
        });
      }
    }
  }
}
export const WORD_PATTERN = "[\\p{L}\\p{M}]+(?:['\\u2019-][\\p{L}\\p{M}]+)*";
const SENTENCE_BREAK = '.!?\n\r"“(>[*•';
function isCapitalised(token) {
  const f = token.charAt(0);
  return f !== f.toLowerCase() && f === f.toUpperCase();
}
function lookupName(key, dictionary) {
  const bare = key.length > 4 && key.endsWith("'s") ? key.slice(0, -2) : key;
  if (dictionary.strong.has(bare)) {
    return "S";
  }
  if (dictionary.wordNames.has(bare)) {
    return "R";
  }
  if (dictionary.ambiguous.has(bare)) {
    return "A";
  }
  if (bare.indexOf("-") > 0) {
    const parts = bare.split("-");
    let strong = 0;
    let known = 0;
    for (const part of parts) {
      if (dictionary.strong.has(part)) {
        strong++;
        known++;
      } else if (dictionary.ambiguous.has(part) || dictionary.wordNames.has(part)) {
        known++;
      }
    }
    if (strong > 0 && known === parts.length) {
      return "S";
    }
  }
  return null;
}
function hasSurnameSuffix(lower, dictionary) {
  for (const suffix of dictionary.suffixes) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
      return true;
    }
  }
  return false;
}
function isAllCaps(token) {
  return token === token.toUpperCase() && token !== token.toLowerCase();
}
function classify(token, dictionary) {
  const f = token.charCodeAt(0);
  const lowerInitial = f >= 97 && f <= 122;
  if (lowerInitial && token.length < 3) {
    return "L";
  }
  const capital = !lowerInitial && isCapitalised(token);
  if (!capital && !lowerInitial) {
    return "L";
  }
  const key = nameKey(token, dictionary);
  if (!capital) {
    return lookupName(key, dictionary) === "S" ? "l" : "L";
  }
  if (dictionary.stop.has(key)) {
    return "W";
  }
  if (token.length === 1) {
    return "I";
  }
  if (token.length <= 3 && isAllCaps(token)) {
    return "U";
  }
  const found = lookupName(key, dictionary);
  if (found) {
    return found;
  }
  if (token.length >= 5 && !isAllCaps(token) && hasSurnameSuffix(token.toLowerCase(), dictionary)) {
    return "S";
  }
  return "U";
}
const letterCache = new Uint8Array(65536);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
function letterAt(text, i) {
  const c = text.charCodeAt(i);
  if (c >= 97 && c <= 122 || c >= 65 && c <= 90) {
    return 1;
  }
  if (c < 170) {
    return 0;
  }
  if (c >= 55296 && c <= 56319 && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 56320 && d <= 57343) {
      return LETTER_OR_MARK.test(text.slice(i, i + 2)) ? 2 : 0;
    }
  }
  let cached = letterCache[c];
  if (cached === 0) {
    cached = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = cached;
  }
  return cached === 1 ? 1 : 0;
}
export function tokenize(text, emit) {
  const tokens = tokenList();
  textPass(text, null, tokens);
  for (let k = 0; k < tokens.count; k++) {
    emit(tokens.starts[k], tokens.ends[k]);
  }
}
function atSentenceStart(scan, start) {
  let i = start - 1;
  while (i >= 0 && (scan[i] === " " || scan[i] === "	")) {
    i--;
  }
  return i < 0 || SENTENCE_BREAK.indexOf(scan[i]) >= 0;
}
const EPONYM_NEXT = /^[ \t]{1,2}([\p{L}]{2,20})/u;
function isEponym(scan, end, dictionary) {
  if (dictionary.eponymNouns.size === 0) {
    return false;
  }
  const m = EPONYM_NEXT.exec(scan.slice(end, end + 24));
  return m !== null && dictionary.eponymNouns.has(m[1].toLowerCase());
}
function joinsReference(scan, left, right) {
  const gap = scan.slice(left.end, right.start);
  if (/^[ \t]{1,2}$/.test(gap)) {
    return true;
  }
  return left.cls === "I" && /^\.[ \t]{1,2}$/.test(gap);
}
function joins(scan, left, right) {
  let from = left.end;
  const to = right.start;
  if (left.cls === "I" && to - from >= 2 && scan.charCodeAt(from) === 46) {
    from++;
  }
  const gap = to - from;
  if (gap < 1 || gap > 2) {
    return false;
  }
  for (let i = from; i < to; i++) {
    const c = scan.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      return false;
    }
  }
  return true;
}
const tokenCaches = /* @__PURE__ */ new WeakMap();
const TOKEN_CACHE_LIMIT = 1e5;
const TOKEN_TABLE_SIZE = 4096;
function cachedTokenInfo(cache, scan, start, end, hash) {
  const length = end - start;
  const table = cache.table;
  const mask = table.length - 1;
  for (let slot = hash & mask; ; slot = slot + 1 & mask) {
    const k = table[slot];
    if (k < 0) {
      return void 0;
    }
    const key = cache.keys[k];
    if (cache.hashes[k] === hash && key.length === length) {
      let same = true;
      for (let i = 0; i < length && same; i++) {
        same = key.charCodeAt(i) === scan.charCodeAt(start + i);
      }
      if (same) {
        return cache.infos[k];
      }
    }
  }
}
function placeToken(table, hash, k) {
  const mask = table.length - 1;
  let slot = hash & mask;
  while (table[slot] >= 0) {
    slot = slot + 1 & mask;
  }
  table[slot] = k;
}
function cacheTokenInfo(cache, token, hash, info) {
  if (cache.keys.length >= TOKEN_CACHE_LIMIT) {
    cache.table = new Int32Array(TOKEN_TABLE_SIZE).fill(-1);
    cache.keys.length = 0;
    cache.hashes.length = 0;
    cache.infos.length = 0;
  }
  if ((cache.keys.length + 1) * 2 > cache.table.length) {
    cache.table = new Int32Array(cache.table.length * 2).fill(-1);
    cache.hashes.forEach((h, k) => placeToken(cache.table, h, k));
  }
  placeToken(cache.table, hash, cache.keys.length);
  cache.keys.push(token);
  cache.hashes.push(hash);
  cache.infos.push(info);
}
const FILTER_BITS = 1 << 21;
function filterBit(hash, second) {
  const mixed = Math.imul(hash, 2654435761);
  return (mixed >>> 20) * 512 + (second ? mixed >>> 2 & 511 : mixed >>> 11 & 511);
}
function tokenHash(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h, 31) + text.charCodeAt(i) | 0;
  }
  return h;
}
function mayBeStrong(filter, hash) {
  const a = filterBit(hash, false);
  const b = filterBit(hash, true);
  return (filter[a >>> 5] >>> (a & 31) & 1) === 1 && (filter[b >>> 5] >>> (b & 31) & 1) === 1;
}
function tokenClassCache(dictionary) {
  const stamp = dictionary.strong.size + "," + dictionary.ambiguous.size + "," + dictionary.wordNames.size + "," + dictionary.stop.size + "," + dictionary.fold.size + "," + dictionary.suffixes.join("|") + "," + dictionary.eponymNouns.size;
  let entry = tokenCaches.get(dictionary);
  if (!entry || entry.stamp !== stamp) {
    const strongFilter = new Uint32Array(FILTER_BITS / 32);
    for (const name of dictionary.strong) {
      const hash = tokenHash(name);
      for (const bit of [filterBit(hash, false), filterBit(hash, true)]) {
        strongFilter[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    entry = {
      stamp,
      table: new Int32Array(TOKEN_TABLE_SIZE).fill(-1),
      keys: [],
      hashes: [],
      infos: [],
      strongFilter
    };
    tokenCaches.set(dictionary, entry);
  }
  return entry;
}
function dictionaryCandidates(scan, dictionary, words, out, reference = false) {
  const tokens = [];
  const join = reference ? joinsReference : joins;
  const cache = tokenClassCache(dictionary);
  const strongFilter = cache.strongFilter;
  const { starts, ends, hashes, plain } = words;
  for (let w = 0; w < words.count; w++) {
    const start = starts[w];
    const end = ends[w];
    const first = scan.charCodeAt(start);
    if (first >= 97 && first <= 122 && !reference) {
      if (end - start < 3 || plain[w] === 1 && !mayBeStrong(strongFilter, hashes[w])) {
        continue;
      }
    }
    let info = reference ? void 0 : cachedTokenInfo(cache, scan, start, end, hashes[w]);
    if (info === void 0) {
      const token = scan.slice(start, end);
      const cls = classify(token, dictionary);
      info = cls === "L" ? null : { cls, caps: token.length > 1 && isAllCaps(token) };
      if (!reference) {
        cacheTokenInfo(cache, token, hashes[w], info);
      }
    }
    if (info !== null) {
      tokens.push({ start, end, cls: info.cls, sentenceStart: null, caps: info.caps });
    }
  }
  const sentenceStart = (t) => {
    if (t.sentenceStart === null) {
      t.sentenceStart = atSentenceStart(scan, t.start);
    }
    return t.sentenceStart;
  };
  const nameLike = (t) => t.cls === "S" || t.cls === "I" || !t.caps && (t.cls === "R" || t.cls === "A" || t.cls === "U");
  const anchors = (k) => {
    const t = tokens[k];
    if (t.cls === "S") {
      return true;
    }
    if (t.cls !== "R") {
      return false;
    }
    return !sentenceStart(t) || k + 1 < tokens.length && nameLike(tokens[k + 1]) && join(scan, t, tokens[k + 1]);
  };
  const push = (from, to) => {
    if (isEponym(scan, tokens[to].end, dictionary)) {
      return;
    }
    out.push({
      start: tokens[from].start,
      end: tokens[to].end,
      category: "Name",
      priority: DICTIONARY_PRIORITY,
      source: "dictionary",
      rule: "dictionary",
      order: 0
    });
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (anchors(k)) {
      let right = k;
      while (right - k < 3 && right + 1 < tokens.length && nameLike(tokens[right + 1]) && join(scan, tokens[right], tokens[right + 1])) {
        right++;
      }
      let left = k;
      while (k - left < 2 && left - 1 >= 0 && join(scan, tokens[left - 1], tokens[left])) {
        const prev = tokens[left - 1];
        const ok = prev.cls === "S" || prev.cls === "R" || prev.cls === "I" || !prev.caps && (prev.cls === "A" || prev.cls === "U") && !sentenceStart(prev);
        if (!ok) {
          break;
        }
        left--;
      }
      push(left, right);
      k = right;
      continue;
    }
    if ((t.cls === "U" || t.cls === "A" || t.cls === "R") && k + 2 < tokens.length && tokens[k + 1].cls === "I" && (tokens[k + 2].cls === "U" || tokens[k + 2].cls === "A" || tokens[k + 2].cls === "R") && join(scan, t, tokens[k + 1]) && join(scan, tokens[k + 1], tokens[k + 2])) {
      push(k, k + 2);
      k += 2;
      continue;
    }
    if (t.cls === "l") {
      let to = k;
      while (to + 1 < tokens.length && tokens[to + 1].cls === "l" && join(scan, tokens[to], tokens[to + 1])) {
        to++;
      }
      if (to > k || t.end - t.start >= 5) {
        push(k, to);
      }
      k = to;
      continue;
    }
    if (t.cls === "A" || t.cls === "I" || t.cls === "R") {
      let from = k;
      if (t.cls !== "I" && sentenceStart(t)) {
        from = k + 1;
      }
      let to = k;
      while (to + 1 < tokens.length && (tokens[to + 1].cls === "A" || tokens[to + 1].cls === "I" || tokens[to + 1].cls === "R") && join(scan, tokens[to], tokens[to + 1])) {
        to++;
      }
      let names = 0;
      for (let j = from; j <= to; j++) {
        if (tokens[j].cls !== "I") {
          names++;
        }
      }
      if (to - from >= 1 && names >= 1) {
        push(from, to);
      }
      k = to;
    }
  }
}
function mergeCandidates(candidates) {
  const sorted = candidates.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  let cluster = [];
  let clusterStart = -1;
  let clusterEnd = -1;
  const better = (a, b) => {
    const la = a.end - a.start;
    const lb = b.end - b.start;
    if (la !== lb) {
      return la > lb;
    }
    if (a.priority !== b.priority) {
      return a.priority < b.priority;
    }
    if (a.start !== b.start) {
      return a.start < b.start;
    }
    return a.order < b.order;
  };
  const flush = () => {
    if (cluster.length === 0) {
      return;
    }
    let best = cluster[0];
    for (const c of cluster) {
      if (better(c, best)) {
        best = c;
      }
    }
    merged.push({ ...best, start: clusterStart, end: clusterEnd });
  };
  for (const c of sorted) {
    if (cluster.length > 0 && c.start < clusterEnd) {
      cluster.push(c);
      clusterEnd = Math.max(clusterEnd, c.end);
      continue;
    }
    flush();
    cluster = [c];
    clusterStart = c.start;
    clusterEnd = c.end;
  }
  flush();
  return merged;
}
export function placeholderFor(category, patterns) {
  for (const p of patterns) {
    if (p.enabled && p.category === category && p.replacement && p.replacement.trim() !== "") {
      return p.replacement;
    }
  }
  return "[" + category.toUpperCase() + "]";
}
export function pseudonymToken(category, value, keyHex) {
  const normalised = value.toLowerCase().replace(/[ \t\n\r\f\v]+/g, " ").replace(/^ | $/g, "");
  return "[" + category.toUpperCase() + "-" + hmacSha256Hex(keyHex, category + "|" + normalised).slice(0, 12) + "]";
}
const sharedTokens = tokenList();
export function findPhi(input, policy, options = {}) {
  const reference = options.reference === true;
  const normalised = scanText(input.text);
  const map = normalised.map;
  const scan = normalised.text + "\n";
  const candidates = [];
  fieldCandidates(scan, input, candidates);
  const compiled = compilePatterns(policy.patterns);
  const index = reference ? null : patternIndexFor(compiled);
  const words = policy.dictionary ? sharedTokens : null;
  textPass(scan, index !== null && index.lists.length > 0 ? index : null, words);
  patternCandidates(scan, compiled, index, candidates);
  extendAddresses(scan, candidates);
  if (policy.dictionary) {
    dictionaryCandidates(scan, policy.dictionary, words, candidates, reference);
  }
  const limit = normalised.text.length;
  const merged = mergeCandidates(candidates.filter((c) => c.start < limit)).map((c) => {
    return c.end > limit ? { ...c, end: limit } : c;
  });
  const spans = merged.map((c) => ({
    start: map ? map[c.start] : c.start,
    end: map ? map[c.end - 1] + 1 : c.end,
    category: c.category,
    source: c.source,
    rule: c.rule
  }));
  return { spans, scan, map, scanSpans: merged };
}
export function redact(input, policy) {
  const mode = input.mode ?? "redact";
  if (mode === "pseudonymize" && !(policy.pseudonymKeyHex && /^[0-9a-fA-F]{64}$/.test(policy.pseudonymKeyHex))) {
    throw new Error("Pseudonymize mode needs a 32-byte pseudonym key (64 hex characters).");
  }
  const { spans, scan, scanSpans } = findPhi(input, policy);
  const tokens = {};
  let out = "";
  let cursor = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    out += input.text.slice(cursor, span.start);
    let replacement;
    if (mode === "pseudonymize") {
      const scanValue = scan.slice(scanSpans[i].start, scanSpans[i].end);
      replacement = pseudonymToken(span.category, scanValue, policy.pseudonymKeyHex);
      if (!(replacement in tokens)) {
        tokens[replacement] = input.text.slice(span.start, span.end);
      }
    } else {
      replacement = placeholderFor(span.category, policy.patterns);
    }
    out += replacement;
    cursor = span.end;
  }
  out += input.text.slice(cursor);
  const categories = Array.from(new Set(spans.map((s) => s.category))).sort();
  return { text: out, spans, categories, count: spans.length, tokens };
}
export function rehydrate(text, tokens) {
  return text.replace(/\[[A-Z][A-Z0-9]{0,39}-[0-9a-f]{12}\]/g, (token) => {
    return token in tokens ? tokens[token] : token;
  });
}
export const EXPORT_COLUMNS = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
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
function csvCell(value) {
  if (value === null || value === void 0) {
    return "";
  }
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? '"' + text.replace(/"/g, '""') + '"' : text;
}
export function toCsv(rows, columns) {
  const lines = [columns.join(",")];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(row[c])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
