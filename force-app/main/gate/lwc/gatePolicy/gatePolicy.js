// Generated from gatePolicy.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { CONSENT_RANK, NOT_CHECKED, RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from "c/gateResults";
import { fieldCategory, placeholderFor, pseudonymToken, redact } from "c/phiRedactor";
export { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED };
export const CONSENT_SOURCES = [
  "PatientConsent",
  "ContactPointTypeConsent",
  "AuthorizationFormConsent"
];
export const MAX_TEXT_LENGTH = 131072;
export const UNKNOWN = "UNKNOWN";
export const FREE_TEXT_FIELD = "FreeText";
const STRICTNESS = { Allow: 0, Pseudonymize: 1, Redact: 2, Drop: 3 };
export const COUNTRY_NAMES = {
  "UNITED STATES": "US",
  "UNITED STATES OF AMERICA": "US",
  USA: "US",
  "U.S.A.": "US",
  "U.S.": "US",
  AMERICA: "US",
  CANADA: "CA",
  MEXICO: "MX",
  "UNITED KINGDOM": "GB",
  "GREAT BRITAIN": "GB",
  ENGLAND: "GB",
  SCOTLAND: "GB",
  WALES: "GB",
  "NORTHERN IRELAND": "GB",
  IRELAND: "IE",
  GERMANY: "DE",
  DEUTSCHLAND: "DE",
  FRANCE: "FR",
  SPAIN: "ES",
  ESPANA: "ES",
  ITALY: "IT",
  ITALIA: "IT",
  PORTUGAL: "PT",
  NETHERLANDS: "NL",
  "THE NETHERLANDS": "NL",
  HOLLAND: "NL",
  BELGIUM: "BE",
  LUXEMBOURG: "LU",
  AUSTRIA: "AT",
  SWITZERLAND: "CH",
  SCHWEIZ: "CH",
  SUISSE: "CH",
  SWEDEN: "SE",
  NORWAY: "NO",
  DENMARK: "DK",
  FINLAND: "FI",
  ICELAND: "IS",
  POLAND: "PL",
  "CZECH REPUBLIC": "CZ",
  CZECHIA: "CZ",
  SLOVAKIA: "SK",
  HUNGARY: "HU",
  ROMANIA: "RO",
  BULGARIA: "BG",
  GREECE: "GR",
  CROATIA: "HR",
  SLOVENIA: "SI",
  ESTONIA: "EE",
  LATVIA: "LV",
  LITHUANIA: "LT",
  CYPRUS: "CY",
  MALTA: "MT",
  LIECHTENSTEIN: "LI",
  AUSTRALIA: "AU",
  "NEW ZEALAND": "NZ",
  JAPAN: "JP",
  INDIA: "IN",
  BRAZIL: "BR",
  "SOUTH AFRICA": "ZA",
  SINGAPORE: "SG"
};
class HardBlock extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}
const blank = (value) => value === null || value === void 0 || value.trim() === "";
const sameName = (a, b) => a.toLowerCase() === b.toLowerCase();
export function items(value) {
  if (blank(value)) {
    return [];
  }
  return value.split(/[;,]/).filter((item) => !blank(item)).map((item) => item.trim());
}
function upperItems(value) {
  return items(value).map((item) => item.toUpperCase());
}
export function stricter(a, b) {
  const norm = (value) => blank(value) ? "Redact" : value;
  const rank = (value) => STRICTNESS[value] ?? 3;
  const first = norm(a);
  const second = norm(b);
  const winner = rank(second) > rank(first) ? second : first;
  return rank(winner) === 3 ? "Drop" : winner;
}
export function jurisdictionForCountry(country, rules) {
  if (blank(country)) {
    return UNKNOWN;
  }
  const normalised = country.trim().toUpperCase().replace(/[ \t]{1,64}/g, " ");
  const code = COUNTRY_NAMES[normalised] ?? normalised;
  for (const rule of rules) {
    if (upperItems(rule.countries).includes(code)) {
      return rule.jurisdiction;
    }
  }
  for (const rule of rules) {
    if (!blank(rule.jurisdiction) && sameName(rule.jurisdiction, normalised)) {
      return rule.jurisdiction;
    }
  }
  return UNKNOWN;
}
export function leastPermissive(answers) {
  let best = CONSENT_RANK.length - 1;
  for (const answer of answers) {
    const rank = CONSENT_RANK.indexOf(answer);
    if (rank >= 0 && rank < best) {
      best = rank;
    }
  }
  return CONSENT_RANK[best];
}
function answerOf(record) {
  if (record.source === "PatientConsent") {
    return record.status === "Granted" || record.status === "Withdrawn" ? record.status : "Denied";
  }
  if (record.source === "ContactPointTypeConsent") {
    return record.status === "OptIn" ? "Granted" : record.status === "OptOut" ? "Denied" : "Missing";
  }
  return record.status === "Signed" ? "Granted" : "Missing";
}
function instant(value, what) {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new Error(`${what} is not an ISO 8601 instant`);
  }
  return time;
}
function sourceAnswer(records, now) {
  const current = [];
  let expired = false;
  for (const record of records) {
    const answer = answerOf(record);
    const started = record.effectiveFrom === null || instant(record.effectiveFrom, "effectiveFrom") <= now;
    const ended = record.effectiveTo !== null && instant(record.effectiveTo, "effectiveTo") < now;
    if (started && !ended) {
      current.push(answer);
    } else if (answer === "Granted" && ended) {
      expired = true;
    }
  }
  return current.length > 0 ? leastPermissive(current) : expired ? "Expired" : "Missing";
}
export function consentFor(consents, purpose, now) {
  const answers = [];
  const reasons = [];
  for (const source of CONSENT_SOURCES) {
    const records = consents.filter((record) => record.source === source && record.purpose === purpose);
    if (records.length > 0) {
      const answer = sourceAnswer(records, now);
      answers.push(answer);
      reasons.push(`CONSENT_${answer.toUpperCase()}:${source}`);
    }
  }
  if (answers.length === 0) {
    return { status: "Missing", reasons: ["CONSENT_MISSING"] };
  }
  return { status: leastPermissive(answers), reasons };
}
function ruleProblems(jurisdiction, endpoint, rules, today) {
  const rule = rules.filter((candidate) => sameName(candidate.jurisdiction, jurisdiction)).pop();
  if (!rule) {
    return [`RESIDENCY_NO_RULE:${jurisdiction}`];
  }
  const problems = [];
  const destination = blank(endpoint.jurisdiction) ? UNKNOWN : endpoint.jurisdiction.toUpperCase();
  if (!upperItems(rule.allowedRegions).includes(destination)) {
    problems.push(`RESIDENCY_REGION_NOT_ALLOWED:${jurisdiction}->${destination}`);
  }
  const hosting = blank(endpoint.hosting) ? UNKNOWN : endpoint.hosting.toUpperCase();
  if (!upperItems(rule.allowedHostings).includes(hosting)) {
    problems.push(`RESIDENCY_HOSTING_NOT_ALLOWED:${endpoint.hosting ?? ""}`);
  }
  if (rule.requiresDpa) {
    if (!endpoint.dpaSigned) {
      problems.push("RESIDENCY_DPA_MISSING");
    } else if (endpoint.dpaExpires !== null && endpoint.dpaExpires < today) {
      problems.push("RESIDENCY_DPA_EXPIRED");
    }
  }
  if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
    problems.push("RESIDENCY_ZERO_RETENTION_REQUIRED");
  }
  return problems;
}
function validate(snapshot) {
  const request = snapshot.request;
  if (blank(request.endpointKey)) {
    throw new HardBlock("INVALID_REQUEST:ENDPOINT");
  }
  if (blank(request.purpose)) {
    throw new HardBlock("INVALID_REQUEST:PURPOSE");
  }
  if (request.freeText !== null && request.freeText.length > MAX_TEXT_LENGTH) {
    throw new HardBlock("INVALID_REQUEST:TEXT_TOO_LONG");
  }
  if (!blank(request.redactionMode) && request.redactionMode !== "Redact" && request.redactionMode !== "Pseudonymize") {
    throw new HardBlock("INVALID_REQUEST:REDACTION_MODE");
  }
  if (blank(request.freeText) && request.fields.length === 0) {
    throw new HardBlock("INVALID_REQUEST:NOTHING_TO_SEND");
  }
  if (snapshot.endpoint === null || snapshot.endpoint.key !== request.endpointKey) {
    throw new HardBlock("ENDPOINT_UNKNOWN");
  }
}
function approvedFlows(snapshot) {
  return snapshot.flows.filter(
    (flow) => flow.status === "Approved" && flow.endpoint === snapshot.request.endpointKey && flow.purpose === snapshot.request.purpose
  );
}
function tagOf(snapshot, field) {
  return snapshot.tags.filter((tag) => sameName(`${tag.objectName}.${tag.field}`, field)).pop();
}
function plan(snapshot, flows) {
  const result = { kept: [], dropped: [], blocks: [], keptTags: [], freeTextMode: null };
  for (const field of snapshot.request.fields) {
    const matching = flows.filter((flow) => sameName(`${flow.objectName}.${flow.field}`, field));
    if (matching.length === 0) {
      result.dropped.push(field);
      continue;
    }
    const fromFlows = matching.map((flow) => flow.minimization).reduce((a, b) => stricter(a, b), "Allow");
    const tag = tagOf(snapshot, field);
    if (!tag) {
      result.blocks.push(`TAG_MISSING:${field}`);
    }
    const minimization = stricter(fromFlows, tag ? tag.minimization : null);
    if (minimization === "Drop") {
      result.dropped.push(field);
    } else {
      result.kept.push({ field, minimization });
      if (tag) {
        result.keptTags.push(tag);
      }
    }
  }
  const requestMode = snapshot.request.redactionMode === "Pseudonymize" ? "pseudonymize" : "redact";
  if (!blank(snapshot.request.freeText)) {
    const textFlows = flows.filter(
      (flow) => sameName(flow.field, FREE_TEXT_FIELD) && snapshot.request.objects.some((o) => sameName(o, flow.objectName))
    );
    const how = textFlows.length === 0 ? "Drop" : textFlows.map((f) => f.minimization).reduce((a, b) => stricter(a, b), "Allow");
    if (how === "Drop") {
      result.blocks.push("FREE_TEXT_NO_FLOW");
    }
    result.freeTextMode = how === "Redact" ? "redact" : requestMode;
  }
  return result;
}
function distinct(values) {
  return values.filter((value, index) => values.indexOf(value) === index);
}
function residency(snapshot, keptTags, jurisdiction, today) {
  const endpoint = snapshot.endpoint;
  const reasons = [];
  let allowed = true;
  const destination = blank(endpoint.jurisdiction) ? UNKNOWN : endpoint.jurisdiction.toUpperCase();
  const tagged = keptTags.flatMap((tag) => items(tag.jurisdictions));
  if (jurisdiction === UNKNOWN) {
    reasons.push("RESIDENCY_UNKNOWN_JURISDICTION");
    allowed = false;
  }
  const all = distinct([...jurisdiction === UNKNOWN ? [] : [jurisdiction], ...tagged]);
  for (const code of all) {
    const problems = ruleProblems(code, endpoint, snapshot.rules, today);
    reasons.push(...problems.length === 0 ? [`RESIDENCY_OK:${code}->${destination}`] : problems);
    allowed = allowed && problems.length === 0;
  }
  for (const tag of keptTags) {
    const regions = upperItems(tag.allowedRegions);
    if (regions.length > 0 && !regions.includes(destination)) {
      reasons.push(`RESIDENCY_TAG_REGION_NOT_ALLOWED:${tag.objectName}.${tag.field}->${destination}`);
      allowed = false;
    }
  }
  return { allowed, reasons };
}
function categoryOf(snapshot, field) {
  const tag = tagOf(snapshot, field);
  if (tag && (tag.classification === "PHI" || tag.classification === "PII")) {
    return blank(tag.phiCategory) ? "Identifier" : tag.phiCategory;
  }
  return fieldCategory(field.slice(field.indexOf(".") + 1));
}
function redactInto(content, snapshot, text, mode, ctx) {
  const result = redact(
    { text, fields: snapshot.patient.phiValues, fieldCategories: snapshot.patient.phiCategories, mode },
    { patterns: ctx.patterns, dictionary: ctx.dictionary, pseudonymKeyHex: snapshot.pseudonymKeyHex ?? void 0 }
  );
  content.count += result.count;
  result.categories.forEach((category) => content.categories.add(category));
  Object.assign(content.tokens, result.tokens);
  return result.text;
}
function buildContent(snapshot, planned, ctx) {
  const content = { text: "", count: 0, categories: /* @__PURE__ */ new Set(), tokens: {} };
  const requestMode = snapshot.request.redactionMode === "Pseudonymize" ? "pseudonymize" : "redact";
  const needsKey = requestMode === "pseudonymize" || planned.kept.some((f) => f.minimization === "Pseudonymize");
  const key = snapshot.pseudonymKeyHex;
  if (needsKey && !(key !== null && /^[0-9a-fA-F]{64}$/.test(key))) {
    throw new HardBlock("KEY_NOT_CONFIGURED");
  }
  const sections = [];
  if (planned.freeTextMode !== null) {
    sections.push(redactInto(content, snapshot, snapshot.request.freeText, planned.freeTextMode, ctx));
  }
  const lines = [];
  for (const sent of planned.kept) {
    const category = categoryOf(snapshot, sent.field);
    for (const value of snapshot.values) {
      if (value.value === null || !sameName(value.field, sent.field)) {
        continue;
      }
      let out;
      if (sent.minimization === "Redact" || sent.minimization === "Pseudonymize") {
        out = sent.minimization === "Redact" ? placeholderFor(category, ctx.patterns) : pseudonymToken(category, value.value, key);
        if (sent.minimization === "Pseudonymize") {
          content.tokens[out] = value.value;
        }
        content.count++;
        content.categories.add(category);
      } else {
        out = value.textArea ? redactInto(content, snapshot, value.value, requestMode, ctx) : value.value;
      }
      lines.push(`${sent.field}: ${out}`);
    }
  }
  if (lines.length > 0) {
    sections.push(lines.join("\n"));
  }
  content.text = sections.join("\n\n");
  return content;
}
function emptyDecision(mode) {
  return {
    outcome: "Blocked",
    allowed: false,
    mode,
    reasons: [],
    fieldsSent: [],
    droppedFields: [],
    text: null,
    consent: NOT_CHECKED,
    residency: NOT_CHECKED,
    jurisdiction: UNKNOWN,
    redactionCount: 0,
    categories: [],
    tokens: {}
  };
}
function decide(snapshot, decision, ctx) {
  validate(snapshot);
  const now = instant(snapshot.now, "now");
  const today = new Date(now).toISOString().slice(0, 10);
  const purpose = snapshot.request.purpose;
  const reasons = decision.reasons;
  let blocked = false;
  const block = (reason) => {
    reasons.push(reason);
    blocked = true;
  };
  if (snapshot.endpoint.status !== "Approved") {
    block("ENDPOINT_NOT_APPROVED");
  }
  const planned = plan(snapshot, approvedFlows(snapshot));
  if (!snapshot.patient.present) {
    decision.consent = "Missing";
    block("CONSENT_NO_SUBJECT");
  } else {
    const consent = consentFor(snapshot.consents, purpose, now);
    decision.consent = consent.status;
    reasons.push(...consent.reasons);
    blocked = blocked || consent.status !== "Granted";
    const tagPurposes = planned.keptTags.map((tag) => tag.requiresConsentPurpose ?? "");
    for (const tagPurpose of distinct(tagPurposes.filter((p) => !blank(p) && p !== purpose))) {
      if (consentFor(snapshot.consents, tagPurpose, now).status !== "Granted") {
        block(`TAG_CONSENT_NOT_GRANTED:${tagPurpose}`);
      }
    }
  }
  decision.jurisdiction = snapshot.patient.present ? jurisdictionForCountry(snapshot.patient.country, snapshot.rules) : UNKNOWN;
  const resident = residency(snapshot, planned.keptTags, decision.jurisdiction, today);
  decision.residency = resident.allowed ? RESIDENCY_ALLOWED : RESIDENCY_BLOCKED;
  reasons.push(...resident.reasons);
  blocked = blocked || !resident.allowed;
  planned.blocks.forEach(block);
  decision.fieldsSent = planned.kept;
  decision.droppedFields = planned.dropped;
  if (planned.dropped.length > 0) {
    reasons.push(`FIELDS_DROPPED:${planned.dropped.length}`);
  }
  if (planned.kept.length === 0 && blank(snapshot.request.freeText)) {
    block("NO_APPROVED_FLOW");
  }
  const content = buildContent(snapshot, planned, ctx);
  decision.text = content.text;
  decision.redactionCount = content.count;
  decision.categories = Array.from(content.categories).sort();
  decision.tokens = content.tokens;
  if (content.count > 0) {
    const pseudonymized = snapshot.request.redactionMode === "Pseudonymize";
    reasons.push(`${pseudonymized ? "PHI_PSEUDONYMIZED" : "PHI_REDACTED"}:${content.count}`);
  }
  return blocked;
}
export function evaluatePolicy(snapshot, ctx) {
  const mode = snapshot.mode === "Monitor" ? "Monitor" : "Enforce";
  const decision = emptyDecision(mode);
  try {
    const blocked = decide(snapshot, decision, ctx);
    decision.outcome = blocked ? "Blocked" : decision.redactionCount > 0 || decision.droppedFields.length > 0 ? "Redacted" : "Allowed";
    decision.allowed = !blocked || mode === "Monitor";
    if (blocked && mode === "Monitor") {
      decision.reasons.push("MONITOR_ONLY");
    }
  } catch (error) {
    const reason = error instanceof HardBlock ? error.reason : `GATE_ERROR:${error.name}`;
    Object.assign(decision, {
      outcome: "Blocked",
      allowed: false,
      reasons: [...decision.reasons, reason],
      fieldsSent: [],
      droppedFields: [],
      text: null,
      redactionCount: 0,
      categories: [],
      tokens: {}
    });
  }
  return decision;
}
