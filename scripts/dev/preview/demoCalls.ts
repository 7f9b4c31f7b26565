/**
 * The demo's gate calls: each simulated call draws a patient, a caller and an endpoint, takes the gate's snapshot of
 * that request (c/gatePolicy's GateSnapshot, as GateInputs takes it in the org) and lets c/gatePolicy decide it;
 * the log entry records the policy's decision as GateEvents does (outcome, mode, reasons, consent and residency,
 * jurisdiction, fields sent, PHI categories, redaction count), chained to the previous entry. The demo data set
 * builds its 50,000 entries with it and the preview's live stream adds more, so the demo log cannot say what the
 * gate would not (a Jest test re-evaluates a sample of entries).
 */
import { createHash } from 'node:crypto';
import type { ConsentRow, EndpointRow } from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import {
    evaluatePolicy,
    type DataFlow,
    type Endpoint,
    type FieldTag,
    type FieldValue,
    type GateDecision,
    type GateSnapshot,
    type JurisdictionRule,
    type PolicyContext
} from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { chainEntryHash, GENESIS_HASH } from './chain';
import type { DemoData, DemoLogEntry, DemoPatient } from './demoData';
import { CALLERS, HOME_ENDPOINT, type CallerSeed, type DemoTag } from './demoSeeds';
import { DEMO_COUNTRY, patientValues, ruleOf } from './demoSnapshot';
import { fakeId, type Random } from './random';

const DAY_MS = 86400000;

/** The demo org's pseudonym key (made up): FirstName and LastName are tagged Pseudonymize, which needs one. */
export const DEMO_PSEUDONYM_KEY = createHash('sha256').update('warden-demo-pseudonym-key', 'utf8').digest('hex');

/** The name dictionary is left out: the demo sends no free text and no Allow text area, so nothing is scanned. */
export const DEMO_POLICY_CONTEXT: PolicyContext = { patterns: SHIPPED_PATTERNS, dictionary: null };

/** The demo records' values of the fields that are not the patient's own (their text never reaches the log). */
const RECORD_TEXT: Readonly<Record<string, string>> = {
    'Case.Subject': 'Question about a repeat prescription',
    'Case.Description': 'Patient reports dizziness since the dose was raised; asks whether to continue.',
    'Task.Description': 'Call back about the lab results and book a follow-up.',
    'LiveChatTranscript.Body': 'Visitor: can I move my appointment to next week?',
    'ServiceAppointment.Description': 'Follow-up consultation after discharge.'
};

const CALLER_WEIGHTS = CALLERS.map((entry) => [entry, entry.weight] as const);

/** What the simulator draws from; `log` is appended to. */
export type CallContext = {
    seed: number;
    random: Random;
    todayMs: number;
    patients: DemoPatient[];
    consents: ConsentRow[];
    endpoints: EndpointRow[];
    rules: DemoData['rules'];
    flows: DemoData['flows'];
    tags: DemoTag[];
    log: DemoLogEntry[];
    /** When given, each drawn request is appended to it, so that a test can take its snapshot again. */
    requests?: DemoRequest[];
};

/** One drawn request: who asks, about whom, where to, for which fields, when. */
export type DemoRequest = {
    patient: DemoPatient;
    caller: CallerSeed;
    endpoint: EndpointRow;
    fields: string[];
    consent: ConsentRow | undefined;
    monitor: boolean;
    at: number;
};

export function sha256Hex(text: string): string {
    return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The event's UUID (version 4 layout), from the seed and the sequence: one hash instead of 34 draws. */
function uuidFor(seed: number, sequence: number): string {
    const hex = sha256Hex(`${seed}:uuid:${sequence}`);
    const variant = '89ab'[parseInt(hex[16], 16) % 4];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function endpointOf(row: EndpointRow): Endpoint {
    return {
        key: row.endpointKey,
        status: row.status,
        jurisdiction: row.jurisdiction,
        hosting: row.hosting,
        dpaSigned: row.dpaSigned,
        dpaExpires: row.dpaExpires,
        zeroRetention: row.zeroRetention
    };
}

function tagOf(tag: DemoTag): FieldTag {
    return {
        objectName: tag.objectApiName,
        field: tag.fieldApiName,
        classification: tag.classification,
        phiCategory: tag.phiCategory,
        allowedRegions: null,
        jurisdictions: null,
        minimization: tag.minimization,
        requiresConsentPurpose: null
    };
}

/**
 * Builds the gate's snapshot of a drawn request. What does not change from call to call (rules, tags, the flows
 * of each endpoint and purpose, each patient's values) is looked up once, on first use.
 */
export function createSnapshotBuilder(
    data: Pick<CallContext, 'endpoints' | 'rules' | 'flows' | 'tags'>
): (request: DemoRequest) => GateSnapshot {
    const rules: JurisdictionRule[] = data.rules.map(ruleOf);
    const tags = data.tags.map(tagOf);
    // As ResidencySelector reads them: the tags of the requested objects (one list per set of objects).
    const tagsOf = new Map<string, FieldTag[]>();
    const requestTags = (objects: string[]): FieldTag[] => {
        const key = objects.join(',');
        let found = tagsOf.get(key);
        if (!found) {
            found = tags.filter((tag) => objects.includes(tag.objectName));
            tagsOf.set(key, found);
        }
        return found;
    };
    // Endpoints and flows are read at each call: the preview's screens change their status while the stream runs.
    const endpointKeyById = new Map(data.endpoints.map((row) => [row.id, row.endpointKey]));
    const flowRowsOf = new Map<string, DemoData['flows']>();
    for (const flow of data.flows) {
        const key = `${endpointKeyById.get(flow.endpointId ?? '') ?? ''}|${flow.purpose}`;
        flowRowsOf.set(key, [...(flowRowsOf.get(key) ?? []), flow]);
    }
    const flowsOf = (endpoint: string, purpose: string): DataFlow[] =>
        (flowRowsOf.get(`${endpoint}|${purpose}`) ?? []).map((flow) => ({
            objectName: flow.sourceObject,
            field: flow.sourceField,
            endpoint,
            purpose,
            minimization: flow.minimization,
            status: flow.status
        }));
    const phiCategories: Record<string, string> = {};
    for (const tag of data.tags) {
        if (tag.objectApiName === 'Contact' && tag.phiCategory) {
            phiCategories[tag.fieldApiName] = tag.phiCategory;
        }
    }
    const valuesOf = new Map<string, Record<string, string>>();
    const objectsOf = new Map<string, string[]>();
    return (request) => {
        const { patient, caller, endpoint, fields, consent } = request;
        let phiValues = valuesOf.get(patient.id);
        if (!phiValues) {
            phiValues = patientValues(patient);
            valuesOf.set(patient.id, phiValues);
        }
        const values: FieldValue[] = fields.map((field) => {
            const [objectName, name] = field.split('.');
            return objectName === 'Contact'
                ? { field, value: (phiValues as Record<string, string>)[name] ?? null, textArea: false }
                : { field, value: RECORD_TEXT[field] ?? null, textArea: name !== 'Subject' };
        });
        const fieldsKey = fields.join(',');
        let objects = objectsOf.get(fieldsKey);
        if (!objects) {
            objects = [...new Set(fields.map((field) => field.slice(0, field.indexOf('.'))))].sort();
            objectsOf.set(fieldsKey, objects);
        }
        return {
            mode: request.monitor ? 'Monitor' : 'Enforce',
            now: new Date(request.at).toISOString(),
            request: {
                endpointKey: endpoint.endpointKey,
                purpose: caller.purpose,
                fields,
                freeText: null,
                redactionMode: 'Redact',
                objects
            },
            patient: {
                present: true,
                country: DEMO_COUNTRY[patient.jurisdiction] ?? null,
                phiValues,
                phiCategories
            },
            values,
            tags: requestTags(objects),
            flows: flowsOf(endpoint.endpointKey, caller.purpose),
            consents: consent
                ? [
                      {
                          source: 'PatientConsent',
                          purpose: consent.purpose,
                          status: consent.status,
                          effectiveFrom: consent.effectiveFrom,
                          effectiveTo: consent.effectiveTo
                      }
                  ]
                : [],
            endpoint: endpointOf(endpoint),
            rules,
            pseudonymKeyHex: DEMO_PSEUDONYM_KEY
        };
    };
}

/**
 * A patient who has not been erased. The preview erases one at a time, so a redraw almost always succeeds; the bound
 * keeps a preview whose patients were all erased from spinning.
 */
function drawPatient(context: CallContext): DemoPatient {
    for (let attempt = 0; attempt < context.patients.length; attempt++) {
        const patient = context.random.pick(context.patients);
        if (!patient.erased) {
            return patient;
        }
    }
    throw new Error('Every demo patient has been erased: the call simulator has no one left to draw.');
}

/** Draws one request at `at`: mostly to the patient's home endpoints, sometimes (often in the Monitor week) astray. */
function drawRequest(
    context: CallContext,
    endpointByKey: Map<string, EndpointRow>,
    consentIndex: Map<string, ConsentRow>,
    at: number
): DemoRequest {
    const { random, todayMs } = context;
    // The planted week in Monitor mode.
    const monitor = at >= todayMs - 47 * DAY_MS && at < todayMs - 40 * DAY_MS;
    const patient = drawPatient(context);
    const caller = random.weighted(CALLER_WEIGHTS);
    let endpointKey = random.pick(HOME_ENDPOINT[patient.jurisdiction]);
    if (caller.purpose === 'Research') {
        endpointKey = random.chance(0.15) ? 'research-sandbox' : endpointKey;
    }
    if (random.chance(monitor ? 0.12 : 0.012)) {
        endpointKey = random.pick(['us-public-gpt', 'research-sandbox', 'legacy-summarizer']);
    }
    return {
        patient,
        caller,
        endpoint: endpointByKey.get(endpointKey) as EndpointRow,
        fields: random.sample(caller.fields, random.int(1, caller.fields.length)),
        consent: consentIndex.get(`${patient.id}|${caller.purpose}`),
        monitor,
        at
    };
}

/** The log entry of a decided request, as GateEvents writes it (reasons one per line, as the console reads them). */
function entryOf(request: DemoRequest, decision: GateDecision, sequence: number, context: CallContext): DemoLogEntry {
    const { random, seed } = context;
    // Monitor lets a policy block through: the call is made, the entry still says Blocked.
    const called = decision.allowed;
    return {
        id: fakeId('a04', sequence),
        name: `IL-${String(sequence).padStart(10, '0')}`,
        sequence,
        loggedAt: new Date(request.at).toISOString(),
        endpointId: request.endpoint.id,
        endpointKey: request.endpoint.endpointKey,
        purpose: request.caller.purpose,
        decision: decision.outcome,
        mode: decision.mode,
        jurisdiction: decision.jurisdiction,
        phiCategories: decision.categories.length > 0 ? decision.categories.join(';') : null,
        redactionCount: decision.redactionCount,
        consentResult: decision.consent,
        residencyResult: decision.residency,
        caller: request.caller.caller,
        recordId: request.patient.id,
        latencyMs: called ? random.int(350, 4200) : random.int(3, 25),
        reasons: decision.reasons.join('\n'),
        fieldsSent: decision.fieldsSent.length > 0 ? decision.fieldsSent.map((sent) => sent.field).join(',') : null,
        subjectKey: request.patient.subjectKey,
        promptSha256: sha256Hex(`${seed}:prompt:${sequence}`),
        responseSha256: called ? sha256Hex(`${seed}:response:${sequence}`) : null,
        tokensIn: called ? random.int(180, 3200) : 0,
        tokensOut: called ? random.int(40, 900) : 0,
        previousHash: '',
        entryHash: '',
        eventUuid: uuidFor(seed, sequence)
    };
}

/**
 * A simulator of gate calls over `context`: each call draws one request at time `at` (ms), lets c/gatePolicy
 * decide it, and appends the entry to `context.log`, chained to the previous one.
 */
export function createCallSimulator(context: CallContext): (at: number) => DemoLogEntry {
    const endpointByKey = new Map(context.endpoints.map((endpoint) => [endpoint.endpointKey, endpoint]));
    // One PatientConsent per patient and purpose in the demo.
    const consentIndex = new Map(context.consents.map((row) => [`${row.patientId}|${row.purpose}`, row]));
    const snapshotOf = createSnapshotBuilder(context);
    return (at: number): DemoLogEntry => {
        const request = drawRequest(context, endpointByKey, consentIndex, at);
        context.requests?.push(request);
        const decision = evaluatePolicy(snapshotOf(request), DEMO_POLICY_CONTEXT);
        const entry = entryOf(request, decision, context.log.length + 1, context);
        // The head is read each time: the preview's erasures append receipts to the same chain.
        const previousHash =
            context.log.length > 0 ? (context.log[context.log.length - 1].entryHash as string) : GENESIS_HASH;
        entry.previousHash = previousHash;
        entry.entryHash = chainEntryHash(entry, previousHash);
        context.log.push(entry);
        return entry;
    };
}
