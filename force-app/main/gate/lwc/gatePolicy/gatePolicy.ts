/**
 * The gate's decision as a pure function over a snapshot of its inputs (request, the patient's values and
 * country, field tags, data flows, every consent record, the endpoint, the jurisdiction rules, the mode and
 * the time). Apex's GatePolicy runs the same rules in the org; the shared vectors (GatePolicyVectors) hold
 * both to them. `warden policy evaluate` and the console's simulator run this one. Specification:
 * docs/gate.md ("Decision flow", "Enforce and Monitor", "Reason codes").
 */
import type { NameDictionary } from 'c/nameDictionary';
import type { PhiPattern } from 'c/patternSyntax';
import { CONSENT_RANK, NOT_CHECKED, RESIDENCY_ALLOWED, RESIDENCY_BLOCKED, type ResidencyResult } from 'c/gateResults';
import { fieldCategory, placeholderFor, pseudonymToken, redact, type RedactionMode } from 'c/phiRedactor';

// The residency results live in c/gateResults so that readers of the log need not load this module.
export { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED, type ResidencyResult };

export type ConsentSource = 'PatientConsent' | 'ContactPointTypeConsent' | 'AuthorizationFormConsent';
export const CONSENT_SOURCES: readonly ConsentSource[] = [
    'PatientConsent',
    'ContactPointTypeConsent',
    'AuthorizationFormConsent'
];

/** One consent record of any source, with the window in which it is in force (ISO 8601 instants). */
export type ConsentRecord = {
    source: ConsentSource;
    purpose: string;
    /** As the source writes it: Granted/Withdrawn/Denied, OptIn/OptOut, Signed ... */
    status: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
};

/** A ResidencyTag__c of one field. List fields are as written (semicolon- or comma-separated). */
export type FieldTag = {
    objectName: string;
    field: string;
    classification: string | null;
    phiCategory: string | null;
    allowedRegions: string | null;
    jurisdictions: string | null;
    minimization: string | null;
    requiresConsentPurpose: string | null;
};

/** A DataFlow__c: field (or FreeText) of an object that may go to an endpoint for a purpose. */
export type DataFlow = {
    objectName: string;
    field: string;
    endpoint: string;
    purpose: string;
    minimization: string | null;
    status: string;
};

export type Endpoint = {
    key: string;
    status: string;
    jurisdiction: string | null;
    hosting: string | null;
    dpaSigned: boolean;
    /** yyyy-MM-dd */
    dpaExpires: string | null;
    zeroRetention: boolean;
};

export type JurisdictionRule = {
    jurisdiction: string;
    countries: string | null;
    allowedRegions: string | null;
    allowedHostings: string | null;
    requiresDpa: boolean;
    requiresZeroRetention: boolean;
};

/** One value of a requested field on one record. */
export type FieldValue = { field: string; value: string | null; textArea: boolean };

export type GateSnapshot = {
    /** Monitor, or anything else for Enforce. */
    mode: string;
    /** ISO 8601 instant the decision is taken at. */
    now: string;
    request: {
        endpointKey: string | null;
        purpose: string | null;
        /** Object.Field, schema-checked by the gate before the snapshot is taken. */
        fields: string[];
        freeText: string | null;
        redactionMode: string | null;
        /** The objects of the requested records (the patient's Contact among them). */
        objects: string[];
    };
    patient: {
        present: boolean;
        /** The value at the jurisdiction field path (an ISO code or a country name). */
        country: string | null;
        /** The patient's own PHI values by field name, masked wherever they appear in text. */
        phiValues: Record<string, string>;
        /** Categories of tagged patient fields the redactor does not know by name. */
        phiCategories: Record<string, string>;
    };
    values: FieldValue[];
    tags: FieldTag[];
    flows: DataFlow[];
    consents: ConsentRecord[];
    endpoint: Endpoint | null;
    rules: JurisdictionRule[];
    /** The active pseudonym key (64 hex), or null when none is configured. */
    pseudonymKeyHex: string | null;
};

export type SentField = { field: string; minimization: string };

export type GateDecision = {
    /** What Enforce decides: Allowed, Redacted or Blocked. */
    outcome: 'Allowed' | 'Redacted' | 'Blocked';
    /** Whether the call may go ahead (Monitor lets policy blocks through). */
    allowed: boolean;
    mode: 'Enforce' | 'Monitor';
    reasons: string[];
    fieldsSent: SentField[];
    droppedFields: string[];
    /** The content that is (or would be) sent; null when the gate could not prepare it. */
    text: string | null;
    consent: string;
    residency: ResidencyResult;
    jurisdiction: string;
    redactionCount: number;
    categories: string[];
    tokens: Record<string, string>;
};

export type PolicyContext = { patterns: ReadonlyArray<PhiPattern>; dictionary: NameDictionary | null };

export const MAX_TEXT_LENGTH = 131072;
export const UNKNOWN = 'UNKNOWN';
/** The DataFlow__c.SourceField__c that lets free text go out under a flow. */
export const FREE_TEXT_FIELD = 'FreeText';
const STRICTNESS: Record<string, number> = { Allow: 0, Pseudonymize: 1, Redact: 2, Drop: 3 };

/** Country names as people type them, to ISO 3166-1 alpha-2 (the same table as Apex's ResidencyService). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
    'UNITED STATES': 'US',
    'UNITED STATES OF AMERICA': 'US',
    USA: 'US',
    'U.S.A.': 'US',
    'U.S.': 'US',
    AMERICA: 'US',
    CANADA: 'CA',
    MEXICO: 'MX',
    'UNITED KINGDOM': 'GB',
    'GREAT BRITAIN': 'GB',
    ENGLAND: 'GB',
    SCOTLAND: 'GB',
    WALES: 'GB',
    'NORTHERN IRELAND': 'GB',
    IRELAND: 'IE',
    GERMANY: 'DE',
    DEUTSCHLAND: 'DE',
    FRANCE: 'FR',
    SPAIN: 'ES',
    ESPANA: 'ES',
    ITALY: 'IT',
    ITALIA: 'IT',
    PORTUGAL: 'PT',
    NETHERLANDS: 'NL',
    'THE NETHERLANDS': 'NL',
    HOLLAND: 'NL',
    BELGIUM: 'BE',
    LUXEMBOURG: 'LU',
    AUSTRIA: 'AT',
    SWITZERLAND: 'CH',
    SCHWEIZ: 'CH',
    SUISSE: 'CH',
    SWEDEN: 'SE',
    NORWAY: 'NO',
    DENMARK: 'DK',
    FINLAND: 'FI',
    ICELAND: 'IS',
    POLAND: 'PL',
    'CZECH REPUBLIC': 'CZ',
    CZECHIA: 'CZ',
    SLOVAKIA: 'SK',
    HUNGARY: 'HU',
    ROMANIA: 'RO',
    BULGARIA: 'BG',
    GREECE: 'GR',
    CROATIA: 'HR',
    SLOVENIA: 'SI',
    ESTONIA: 'EE',
    LATVIA: 'LV',
    LITHUANIA: 'LT',
    CYPRUS: 'CY',
    MALTA: 'MT',
    LIECHTENSTEIN: 'LI',
    AUSTRALIA: 'AU',
    'NEW ZEALAND': 'NZ',
    JAPAN: 'JP',
    INDIA: 'IN',
    BRAZIL: 'BR',
    'SOUTH AFRICA': 'ZA',
    SINGAPORE: 'SG'
};

/** A block that Monitor cannot let through: there is nothing safe to send. */
class HardBlock extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

const blank = (value: string | null | undefined): boolean =>
    value === null || value === undefined || value.trim() === '';
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The items of a list field: split on semicolons or commas, trimmed, blanks left out. */
export function items(value: string | null): string[] {
    if (blank(value)) {
        return [];
    }
    return (value as string)
        .split(/[;,]/)
        .filter((item) => !blank(item))
        .map((item) => item.trim());
}

function upperItems(value: string | null): string[] {
    return items(value).map((item) => item.toUpperCase());
}

/** The stricter of two minimizations; blank counts as Redact, an unknown value as Drop. */
export function stricter(a: string | null, b: string | null): string {
    const norm = (value: string | null): string => (blank(value) ? 'Redact' : (value as string));
    const rank = (value: string): number => STRICTNESS[value] ?? 3;
    const first = norm(a);
    const second = norm(b);
    const winner = rank(second) > rank(first) ? second : first;
    return rank(winner) === 3 ? 'Drop' : winner;
}

/** The jurisdiction of a country value (ISO code, common name or jurisdiction code), or UNKNOWN. */
export function jurisdictionForCountry(country: string | null, rules: JurisdictionRule[]): string {
    if (blank(country)) {
        return UNKNOWN;
    }
    const normalised = (country as string)
        .trim()
        .toUpperCase()
        .replace(/[ \t]{1,64}/g, ' ');
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

/** The most restrictive of several consent answers (Granted when there are none). */
export function leastPermissive(answers: string[]): string {
    let best = CONSENT_RANK.length - 1;
    for (const answer of answers) {
        const rank = CONSENT_RANK.indexOf(answer);
        if (rank >= 0 && rank < best) {
            best = rank;
        }
    }
    return CONSENT_RANK[best];
}

function answerOf(record: ConsentRecord): string {
    if (record.source === 'PatientConsent') {
        return record.status === 'Granted' || record.status === 'Withdrawn' ? record.status : 'Denied';
    }
    if (record.source === 'ContactPointTypeConsent') {
        return record.status === 'OptIn' ? 'Granted' : record.status === 'OptOut' ? 'Denied' : 'Missing';
    }
    return record.status === 'Signed' ? 'Granted' : 'Missing';
}

function instant(value: string, what: string): number {
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
        throw new Error(`${what} is not an ISO 8601 instant`);
    }
    return time;
}

/** One source's answer: the records in force at now; else Expired when a grant ended, else Missing. */
function sourceAnswer(records: ConsentRecord[], now: number): string {
    const current: string[] = [];
    let expired = false;
    for (const record of records) {
        const answer = answerOf(record);
        const started = record.effectiveFrom === null || instant(record.effectiveFrom, 'effectiveFrom') <= now;
        const ended = record.effectiveTo !== null && instant(record.effectiveTo, 'effectiveTo') < now;
        if (started && !ended) {
            current.push(answer);
        } else if (answer === 'Granted' && ended) {
            expired = true;
        }
    }
    return current.length > 0 ? leastPermissive(current) : expired ? 'Expired' : 'Missing';
}

/** The least permissive answer over every source that has records for the purpose, with one reason each. */
export function consentFor(
    consents: ConsentRecord[],
    purpose: string,
    now: number
): { status: string; reasons: string[] } {
    const answers: string[] = [];
    const reasons: string[] = [];
    for (const source of CONSENT_SOURCES) {
        const records = consents.filter((record) => record.source === source && record.purpose === purpose);
        if (records.length > 0) {
            const answer = sourceAnswer(records, now);
            answers.push(answer);
            reasons.push(`CONSENT_${answer.toUpperCase()}:${source}`);
        }
    }
    if (answers.length === 0) {
        return { status: 'Missing', reasons: ['CONSENT_MISSING'] };
    }
    return { status: leastPermissive(answers), reasons };
}

/** The reasons an endpoint fails one jurisdiction's rule (empty when it passes). */
function ruleProblems(jurisdiction: string, endpoint: Endpoint, rules: JurisdictionRule[], today: string): string[] {
    const rule = rules.filter((candidate) => sameName(candidate.jurisdiction, jurisdiction)).pop();
    if (!rule) {
        return [`RESIDENCY_NO_RULE:${jurisdiction}`];
    }
    const problems: string[] = [];
    const destination = blank(endpoint.jurisdiction) ? UNKNOWN : (endpoint.jurisdiction as string).toUpperCase();
    if (!upperItems(rule.allowedRegions).includes(destination)) {
        problems.push(`RESIDENCY_REGION_NOT_ALLOWED:${jurisdiction}->${destination}`);
    }
    const hosting = blank(endpoint.hosting) ? UNKNOWN : (endpoint.hosting as string).toUpperCase();
    if (!upperItems(rule.allowedHostings).includes(hosting)) {
        problems.push(`RESIDENCY_HOSTING_NOT_ALLOWED:${endpoint.hosting ?? ''}`);
    }
    if (rule.requiresDpa) {
        if (!endpoint.dpaSigned) {
            problems.push('RESIDENCY_DPA_MISSING');
        } else if (endpoint.dpaExpires !== null && endpoint.dpaExpires < today) {
            problems.push('RESIDENCY_DPA_EXPIRED');
        }
    }
    if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
        problems.push('RESIDENCY_ZERO_RETENTION_REQUIRED');
    }
    return problems;
}

/** The request's shape; each problem is a hard block. */
function validate(snapshot: GateSnapshot): void {
    const request = snapshot.request;
    if (blank(request.endpointKey)) {
        throw new HardBlock('INVALID_REQUEST:ENDPOINT');
    }
    if (blank(request.purpose)) {
        throw new HardBlock('INVALID_REQUEST:PURPOSE');
    }
    if (request.freeText !== null && request.freeText.length > MAX_TEXT_LENGTH) {
        throw new HardBlock('INVALID_REQUEST:TEXT_TOO_LONG');
    }
    if (
        !blank(request.redactionMode) &&
        request.redactionMode !== 'Redact' &&
        request.redactionMode !== 'Pseudonymize'
    ) {
        throw new HardBlock('INVALID_REQUEST:REDACTION_MODE');
    }
    if (blank(request.freeText) && request.fields.length === 0) {
        throw new HardBlock('INVALID_REQUEST:NOTHING_TO_SEND');
    }
    if (snapshot.endpoint === null || snapshot.endpoint.key !== request.endpointKey) {
        throw new HardBlock('ENDPOINT_UNKNOWN');
    }
}

/** The approved flows of the request's endpoint and purpose. */
function approvedFlows(snapshot: GateSnapshot): DataFlow[] {
    return snapshot.flows.filter(
        (flow) =>
            flow.status === 'Approved' &&
            flow.endpoint === snapshot.request.endpointKey &&
            flow.purpose === snapshot.request.purpose
    );
}

function tagOf(snapshot: GateSnapshot, field: string): FieldTag | undefined {
    return snapshot.tags.filter((tag) => sameName(`${tag.objectName}.${tag.field}`, field)).pop();
}

type Plan = {
    kept: SentField[];
    dropped: string[];
    blocks: string[];
    keptTags: FieldTag[];
    freeTextMode: RedactionMode | null;
};

/** Which fields go out and how (the stricter of flow and tag), and whether free text may go out. */
function plan(snapshot: GateSnapshot, flows: DataFlow[]): Plan {
    const result: Plan = { kept: [], dropped: [], blocks: [], keptTags: [], freeTextMode: null };
    for (const field of snapshot.request.fields) {
        const matching = flows.filter((flow) => sameName(`${flow.objectName}.${flow.field}`, field));
        if (matching.length === 0) {
            result.dropped.push(field);
            continue;
        }
        const fromFlows = matching.map((flow) => flow.minimization).reduce((a, b) => stricter(a, b), 'Allow');
        const tag = tagOf(snapshot, field);
        if (!tag) {
            result.blocks.push(`TAG_MISSING:${field}`);
        }
        const minimization = stricter(fromFlows, tag ? tag.minimization : null);
        if (minimization === 'Drop') {
            result.dropped.push(field);
        } else {
            result.kept.push({ field, minimization });
            if (tag) {
                result.keptTags.push(tag);
            }
        }
    }
    const requestMode: RedactionMode = snapshot.request.redactionMode === 'Pseudonymize' ? 'pseudonymize' : 'redact';
    if (!blank(snapshot.request.freeText)) {
        const textFlows = flows.filter(
            (flow) =>
                sameName(flow.field, FREE_TEXT_FIELD) &&
                snapshot.request.objects.some((o) => sameName(o, flow.objectName))
        );
        const how =
            textFlows.length === 0
                ? 'Drop'
                : textFlows.map((f) => f.minimization).reduce((a, b) => stricter(a, b), 'Allow');
        if (how === 'Drop') {
            result.blocks.push('FREE_TEXT_NO_FLOW');
        }
        // Free text is always redacted; a Redact flow forbids pseudonymising it.
        result.freeTextMode = how === 'Redact' ? 'redact' : requestMode;
    }
    return result;
}

function distinct(values: string[]): string[] {
    return values.filter((value, index) => values.indexOf(value) === index);
}

/** Residency over the patient's jurisdiction and every jurisdiction a sent field's tag names. */
function residency(snapshot: GateSnapshot, keptTags: FieldTag[], jurisdiction: string, today: string) {
    const endpoint = snapshot.endpoint as Endpoint;
    const reasons: string[] = [];
    let allowed = true;
    const destination = blank(endpoint.jurisdiction) ? UNKNOWN : (endpoint.jurisdiction as string).toUpperCase();
    const tagged = keptTags.flatMap((tag) => items(tag.jurisdictions));
    if (jurisdiction === UNKNOWN) {
        reasons.push('RESIDENCY_UNKNOWN_JURISDICTION');
        allowed = false;
    }
    const all = distinct([...(jurisdiction === UNKNOWN ? [] : [jurisdiction]), ...tagged]);
    for (const code of all) {
        const problems = ruleProblems(code, endpoint, snapshot.rules, today);
        reasons.push(...(problems.length === 0 ? [`RESIDENCY_OK:${code}->${destination}`] : problems));
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

/** The category a field value is redacted or pseudonymised as: its PHI/PII tag's, else by its name. */
function categoryOf(snapshot: GateSnapshot, field: string): string {
    const tag = tagOf(snapshot, field);
    if (tag && (tag.classification === 'PHI' || tag.classification === 'PII')) {
        return blank(tag.phiCategory) ? 'Identifier' : (tag.phiCategory as string);
    }
    return fieldCategory(field.slice(field.indexOf('.') + 1));
}

type Content = { text: string; count: number; categories: Set<string>; tokens: Record<string, string> };

function redactInto(content: Content, snapshot: GateSnapshot, text: string, mode: RedactionMode, ctx: PolicyContext) {
    const result = redact(
        { text, fields: snapshot.patient.phiValues, fieldCategories: snapshot.patient.phiCategories, mode },
        { patterns: ctx.patterns, dictionary: ctx.dictionary, pseudonymKeyHex: snapshot.pseudonymKeyHex ?? undefined }
    );
    content.count += result.count;
    result.categories.forEach((category) => content.categories.add(category));
    Object.assign(content.tokens, result.tokens);
    return result.text;
}

/** The content sent: the redacted free text, a blank line, then one line per sent field value. */
function buildContent(snapshot: GateSnapshot, planned: Plan, ctx: PolicyContext): Content {
    const content: Content = { text: '', count: 0, categories: new Set(), tokens: {} };
    const requestMode: RedactionMode = snapshot.request.redactionMode === 'Pseudonymize' ? 'pseudonymize' : 'redact';
    const needsKey = requestMode === 'pseudonymize' || planned.kept.some((f) => f.minimization === 'Pseudonymize');
    const key = snapshot.pseudonymKeyHex;
    if (needsKey && !(key !== null && /^[0-9a-fA-F]{64}$/.test(key))) {
        throw new HardBlock('KEY_NOT_CONFIGURED');
    }
    const sections: string[] = [];
    if (planned.freeTextMode !== null) {
        sections.push(redactInto(content, snapshot, snapshot.request.freeText as string, planned.freeTextMode, ctx));
    }
    const lines: string[] = [];
    for (const sent of planned.kept) {
        const category = categoryOf(snapshot, sent.field);
        for (const value of snapshot.values) {
            if (value.value === null || !sameName(value.field, sent.field)) {
                continue;
            }
            let out: string;
            if (sent.minimization === 'Redact' || sent.minimization === 'Pseudonymize') {
                out =
                    sent.minimization === 'Redact'
                        ? placeholderFor(category, ctx.patterns)
                        : pseudonymToken(category, value.value, key as string);
                if (sent.minimization === 'Pseudonymize') {
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
        sections.push(lines.join('\n'));
    }
    content.text = sections.join('\n\n');
    return content;
}

function emptyDecision(mode: 'Enforce' | 'Monitor'): GateDecision {
    return {
        outcome: 'Blocked',
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

/** The policy checks and the content; returns whether the policy blocks, throws HardBlock for what no mode may send. */
function decide(snapshot: GateSnapshot, decision: GateDecision, ctx: PolicyContext): boolean {
    validate(snapshot);
    const now = instant(snapshot.now, 'now');
    const today = new Date(now).toISOString().slice(0, 10);
    const purpose = snapshot.request.purpose as string;
    const reasons = decision.reasons;
    let blocked = false;
    const block = (reason: string) => {
        reasons.push(reason);
        blocked = true;
    };
    if ((snapshot.endpoint as Endpoint).status !== 'Approved') {
        block('ENDPOINT_NOT_APPROVED');
    }
    const planned = plan(snapshot, approvedFlows(snapshot));
    if (!snapshot.patient.present) {
        // Checked, and no patient can have consented: Missing, not NOT_CHECKED.
        decision.consent = 'Missing';
        block('CONSENT_NO_SUBJECT');
    } else {
        const consent = consentFor(snapshot.consents, purpose, now);
        decision.consent = consent.status;
        reasons.push(...consent.reasons);
        blocked = blocked || consent.status !== 'Granted';
        const tagPurposes = planned.keptTags.map((tag) => tag.requiresConsentPurpose ?? '');
        for (const tagPurpose of distinct(tagPurposes.filter((p) => !blank(p) && p !== purpose))) {
            if (consentFor(snapshot.consents, tagPurpose, now).status !== 'Granted') {
                block(`TAG_CONSENT_NOT_GRANTED:${tagPurpose}`);
            }
        }
    }
    decision.jurisdiction = snapshot.patient.present
        ? jurisdictionForCountry(snapshot.patient.country, snapshot.rules)
        : UNKNOWN;
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
        block('NO_APPROVED_FLOW');
    }
    const content = buildContent(snapshot, planned, ctx);
    decision.text = content.text;
    decision.redactionCount = content.count;
    decision.categories = Array.from(content.categories).sort();
    decision.tokens = content.tokens;
    if (content.count > 0) {
        const pseudonymized = snapshot.request.redactionMode === 'Pseudonymize';
        reasons.push(`${pseudonymized ? 'PHI_PSEUDONYMIZED' : 'PHI_REDACTED'}:${content.count}`);
    }
    return blocked;
}

/**
 * The gate's decision. Never throws: a malformed request or a missing key blocks in every mode, and so does
 * an internal error (GATE_ERROR); Monitor lets through, flagged MONITOR_ONLY, only what the policy blocks,
 * with the same redacted content Enforce would have sent.
 */
export function evaluatePolicy(snapshot: GateSnapshot, ctx: PolicyContext): GateDecision {
    const mode = snapshot.mode === 'Monitor' ? 'Monitor' : 'Enforce';
    const decision = emptyDecision(mode);
    try {
        const blocked = decide(snapshot, decision, ctx);
        decision.outcome = blocked
            ? 'Blocked'
            : decision.redactionCount > 0 || decision.droppedFields.length > 0
              ? 'Redacted'
              : 'Allowed';
        decision.allowed = !blocked || mode === 'Monitor';
        if (blocked && mode === 'Monitor') {
            decision.reasons.push('MONITOR_ONLY');
        }
    } catch (error) {
        // Type only: a message may quote data.
        const reason = error instanceof HardBlock ? error.reason : `GATE_ERROR:${(error as Error).name}`;
        Object.assign(decision, {
            outcome: 'Blocked',
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
