// Generated from phiRedactor.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { hmacSha256Hex } from "c/sha256";
import { compilePatterns, findPatterns } from "c/patternIndex";
import { findNames } from "c/nameFinder";
import { findTableCells } from "c/phiTables";
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
export const TABLE_PRIORITY = 5;
export const PLACE_PRIORITY = 950;
const IGNORABLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASH_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const REPLACED = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2010-\u2015\u2212\uFE58\uFE63\uFF01-\uFF5E]/g;
const NORMALISED = (
  // eslint-disable-next-line no-control-regex -- control characters are among what scanText removes
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u202F\u205F\u2060\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/
);
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
    if (c <= 8 || c >= 14 && c <= 31 || c >= 127 && c <= 159 || c === 173 || c >= 8203 && c <= 8205 || c === 8288 || c === 65279) {
      continue;
    }
    map.push(i);
    out += scan[i];
  }
  map.push(scan.length);
  return { text: out, map };
}
const TAIL_WORD = "(?!(?:WITH|AND|TO|ON|AT|FOR|FROM|BY|VIA|OF|THE|SINCE|PER|WHO|WAS|IS|HAS|HAD|AFTER|BEFORE|WHEN|WHILE|BUT|THEN|IN(?=[ \\t]{1,2}(?![0-9]{5}(?![0-9]))))(?![A-Za-z]))[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{0,30}";
const TAIL_POSTAL = "(?:[0-9]{2}-[0-9]{3}|[0-9]{3,5}(?:[ \\-][0-9]{2,4})?)";
const TAIL_REGION = "[A-Za-z\\u00C0-\\u017F]{2,30}";
const TAIL_TOWN_WORD = "(?!(?:and|but|the|then|for|with|was|were|has|had|have|that|this|from|near|not|now|she|her|his|him|they|you|our|are|will|can|its|who|all|any|one|two|off|out|too|also|just|only|still|way|yes)[ \\t,])[a-z]{3,30}";
const TAIL_TOWN_LOWER = TAIL_TOWN_WORD + "(?:[ \\t]" + TAIL_TOWN_WORD + ")?,?[ \\t]{1,2}(?:a[klrz]|c[aot]|d[ce]|fl|ga|hi|i[adln]|k[sy]|la|m[adeinost]|n[cdehjmvy]|o[hkr]|pa|ri|s[cd]|t[nx]|ut|v[at]|w[aivy])(?![A-Za-z])(?=,?[ \\t]{1,2}[0-9]|[ \\t]{0,2}[.,;\\r\\n])";
const TAIL_SEGMENT = "(?:(?:Apt|APT|apt|Apartment|apartment|Suite|SUITE|suite|Ste|ste|Unit|unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?|" + TAIL_TOWN_LOWER + "(?:,?[ \\t]{1,2}" + TAIL_POSTAL + ")?|" + TAIL_POSTAL + "|" + TAIL_WORD + "(?:[ \\t]" + TAIL_WORD + ")?(?:[ \\t]" + TAIL_WORD + ")?(?:,?[ \\t]{1,2}(?:[A-Z]{2}|" + TAIL_REGION + "(?=,?[ \\t]{1,2}[0-9])))?(?:,?[ \\t]{1,2}" + TAIL_POSTAL + ")?|" + TAIL_REGION + "[ \\t]{0,3}\\r?\\n[ \\t>?*]{0,4}" + TAIL_POSTAL + ")";
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
function mergeCandidates(candidates) {
  const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
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
  let best = null;
  let clusterStart = -1;
  let clusterEnd = -1;
  const flush = () => {
    if (best !== null) {
      merged.push({
        start: clusterStart,
        end: clusterEnd,
        category: best.category,
        priority: best.priority,
        source: best.source,
        rule: best.rule,
        order: best.order
      });
    }
  };
  for (const c of sorted) {
    if (best !== null && c.start < clusterEnd) {
      if (better(c, best)) {
        best = c;
      }
      clusterEnd = Math.max(clusterEnd, c.end);
      continue;
    }
    flush();
    best = c;
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
export const INDEXED_ENGINE = { findPatterns };
export function withFinalLineFeed(scanned) {
  return [scanned, "\n"].join("");
}
export function findPhi(input, policy, engine = INDEXED_ENGINE) {
  const normalised = scanText(input.text);
  const map = normalised.map;
  const scan = withFinalLineFeed(normalised.text);
  const candidates = [];
  fieldCandidates(scan, input, candidates);
  for (const cell of findTableCells(scan, FIELD_CATEGORIES)) {
    candidates.push({ ...cell, priority: TABLE_PRIORITY, source: "table", rule: "table", order: 0 });
  }
  engine.findPatterns(scan, compilePatterns(policy.patterns), candidates);
  extendAddresses(scan, candidates);
  if (policy.dictionary) {
    findNames(
      scan,
      policy.dictionary,
      (start, end) => {
        candidates.push({
          start,
          end,
          category: "Name",
          priority: DICTIONARY_PRIORITY,
          source: "dictionary",
          rule: "dictionary",
          order: 0
        });
      },
      (start, end) => {
        candidates.push({
          start,
          end,
          category: "Address",
          priority: PLACE_PRIORITY,
          source: "dictionary",
          rule: "town",
          order: 0
        });
      }
    );
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
