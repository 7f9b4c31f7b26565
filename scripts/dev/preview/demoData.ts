/**
 * The embedded demo data set of the local preview: a fictional hospital group with patients in five
 * jurisdictions, nine LLM endpoints, consents, data flows, findings and 50,000 hash-chained inference
 * log entries over the last 89 days. Everything is drawn from a seeded generator, so the same seed and
 * `today` always give the same data set.
 *
 * Planted problems for the console to surface:
 * - a week in Monitor mode (days 47 to 41 before today) during which residency and consent violations
 *   were logged but let through, including EU patient data sent to a US public-cloud endpoint;
 * - the DPA of `us-public-gpt` expired 15 days ago while the endpoint stayed Approved, so US calls to it
 *   have been blocked as residency violations since;
 * - a marketing bot calling with purpose Marketing that almost nobody consented to;
 * - data flows whose quarterly review is overdue, and a proposed flow that already carries traffic;
 * - overdue Critical and High findings, among them Apex that sends PHI around the gate.
 * All names, ids and identifiers are made up.
 */
import { createHmac } from 'node:crypto';
import type {
    ChangeRow,
    CheckpointRow,
    ConsentRow,
    DataFlowRow,
    EndpointRow,
    FindingDetail,
    JurisdictionRuleRow,
    LogDetail,
    PhiPatternRow,
    SlaSettings,
    UserOption
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { checkpointRoot } from './chain';
import { createCallSimulator, sha256Hex } from './demoCalls';
import { seedGovernance } from './demoGovernance';
import {
    CALLERS,
    CITIES,
    DEMO_PATTERNS,
    DEMO_RULES,
    DEMO_TAGS,
    ENDPOINT_SEEDS,
    EXTRA_CLASSES,
    EXTRA_RULES,
    EXTRA_SNIPPETS,
    FINDING_SEEDS,
    FIRST_NAMES,
    HOME_ENDPOINT,
    LAST_NAMES,
    type DemoTag,
    type FindingSeed
} from './demoSeeds';
import { fakeId, Random } from './random';

export { DEMO_PATTERNS, DEMO_RULES, DEMO_TAGS, type DemoTag };

export type DemoLogEntry = Omit<LogDetail, 'endpoint'> & { eventUuid: string };
export type DemoPatient = {
    id: string;
    name: string;
    jurisdiction: string;
    subjectKey: string;
    birthdate: string;
    mrn: string;
    phone: string;
    email: string;
    city: string;
    /**
     * Set by the preview's erasure: the Contact stays (the org's own record is the org's decision), but the call
     * simulator no longer draws the patient, so no new entry links the erased subject again.
     */
    erased?: true;
};
export type DemoFlow = DataFlowRow & { justification: string | null; overrideReason: string | null };

export type DemoData = {
    seed: number;
    today: string;
    /** Who the preview acts as unless the page names another user (`?as=`). */
    currentUser: UserOption;
    users: UserOption[];
    /** The users who hold the WardenApprover custom permission (compliance officers). */
    approverIds: string[];
    /** The change history of findings and flows (RecordChange__c), oldest first. */
    changes: ChangeRow[];
    rules: JurisdictionRuleRow[];
    endpoints: EndpointRow[];
    patients: DemoPatient[];
    consents: ConsentRow[];
    tags: DemoTag[];
    flows: DemoFlow[];
    log: DemoLogEntry[];
    findings: FindingDetail[];
    checkpoints: CheckpointRow[];
    patterns: PhiPatternRow[];
    sla: SlaSettings;
    mode: 'Enforce' | 'Monitor';
    /** Simulates one more gate decision at time `at` (ms) and appends it to the chained log. */
    simulateCall: (at: number) => DemoLogEntry;
};

export type DemoOptions = { seed?: number; today?: string; logEntries?: number };

export const DEMO_SEED = 20261122;
export const DEMO_LOG_ENTRIES = 50000;
export const LOG_DAYS = 89;
export const CHECKPOINT_INTERVAL = 5000;
const FINDINGS_STREAM = 1;
const DEMO_HMAC_KEY = 'warden-demo-subject-key';
const DAY_MS = 86400000;

export function utcToday(): string {
    return new Date().toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
    const sum = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((weight) => (weight / sum) * total);
    const parts = exact.map(Math.floor);
    let left = total - parts.reduce((a, b) => a + b, 0);
    const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
    for (let i = 0; left > 0; i++, left--) {
        parts[order[i % order.length][1]]++;
    }
    return parts;
}

const USERS: UserOption[] = [
    { id: fakeId('005', 1), name: 'Mara Lindqvist (Compliance)' },
    { id: fakeId('005', 2), name: 'Tom Okafor (Salesforce Admin)' },
    { id: fakeId('005', 3), name: 'Inés Delgado (Privacy Office)' },
    { id: fakeId('005', 4), name: 'Jakob Weber (Developer)' }
];

function makeEndpoints(today: string, todayMs: number): EndpointRow[] {
    return ENDPOINT_SEEDS.map((seedRow, index) => {
        const { dpaInDays, approvedDaysAgo, ...rest } = seedRow;
        return {
            ...rest,
            id: fakeId('a01', index + 1),
            dpaExpires: dpaInDays === null ? null : addDays(today, dpaInDays),
            approvedOn:
                approvedDaysAgo === null
                    ? null
                    : new Date(todayMs - approvedDaysAgo * DAY_MS + 10 * 3600000).toISOString()
        };
    });
}

type Population = { patients: DemoPatient[]; consents: ConsentRow[] };

/** 4,000 patients in five jurisdictions and their consents per purpose. */
function makePatients(random: Random, todayMs: number): Population {
    const patients: DemoPatient[] = [];
    const consents: ConsentRow[] = [];
    const jurisdictionWeights: [string, number][] = [
        ['EU', 40],
        ['US', 30],
        ['UK', 12],
        ['CA', 10],
        ['CH', 8]
    ];
    const purposeChance: Record<string, number> = {
        LlmInference: 0.93,
        CareDelivery: 0.96,
        Research: 0.45,
        Analytics: 0.25,
        Marketing: 0.04,
        LlmTraining: 0.05
    };
    for (let index = 1; index <= 4000; index++) {
        const jurisdiction = random.weighted(jurisdictionWeights);
        const id = fakeId('003', index);
        const patient: DemoPatient = {
            id,
            name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
            jurisdiction,
            subjectKey: createHmac('sha256', DEMO_HMAC_KEY).update(id).digest('hex'),
            birthdate: `${random.int(1938, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
            mrn: String(random.int(10000000, 99999999)),
            phone: `+${random.pick(['49', '33', '44', '41', '1'])} ${random.int(100, 999)} ${random.int(1000000, 9999999)}`,
            email: `patient${index}@example.org`,
            city: random.pick(CITIES[jurisdiction])
        };
        patients.push(patient);
        for (const [purpose, chance] of Object.entries(purposeChance)) {
            if (!random.chance(chance)) {
                continue;
            }
            const status = random.weighted([
                ['Granted', 90],
                ['Denied', 5],
                ['Withdrawn', 5]
            ] as const);
            // A withdrawal is in force from the day it was made, open-ended, so the demo's withdrawals fall inside
            // the log's days and the log shows Withdrawn answers; grants and refusals date from before the log.
            const fromDaysAgo = status === 'Withdrawn' ? random.int(5, LOG_DAYS - 5) : random.int(100, 900);
            const expiring = status === 'Granted' && random.chance(0.04);
            const consent: ConsentRow = {
                id: fakeId('a02', consents.length + 1),
                name: `PC-${String(consents.length + 1).padStart(6, '0')}`,
                patientId: id,
                patientName: patient.name,
                purpose,
                status,
                jurisdiction,
                effectiveFrom: new Date(todayMs - fromDaysAgo * DAY_MS).toISOString(),
                effectiveTo: expiring ? new Date(todayMs + random.int(1, 30) * DAY_MS).toISOString() : null,
                capturedVia: random.pick(['Portal', 'PaperForm', 'Verbal', 'Email', 'Api', 'Import'])
            };
            consents.push(consent);
        }
    }
    return { patients, consents };
}

/** One flow per caller field and endpoint actually used, plus planted ones. */
function makeFlows(random: Random, today: string, todayMs: number, endpoints: EndpointRow[]): DemoFlow[] {
    const endpointByKey = new Map(endpoints.map((endpoint) => [endpoint.endpointKey, endpoint]));
    const flows: DemoFlow[] = [];
    const flowIndex = new Map<string, DemoFlow>();
    const tagByField = new Map(DEMO_TAGS.map((tag) => [`${tag.objectApiName}.${tag.fieldApiName}`, tag]));
    const addFlow = (
        field: string,
        endpointKey: string,
        purpose: string,
        status: DataFlowRow['status'],
        nextReviewInDays: number | null
    ): void => {
        const key = `${field}|${endpointKey}|${purpose}`;
        if (flowIndex.has(key)) {
            return;
        }
        const endpoint = endpointByKey.get(endpointKey) as EndpointRow;
        const [sourceObject, sourceField] = field.split('.');
        const tag = tagByField.get(field);
        const flow: DemoFlow = {
            id: fakeId('a03', flows.length + 1),
            name: `DF-${String(flows.length + 1).padStart(5, '0')}`,
            flowKey: key,
            sourceObject,
            sourceField,
            endpointId: endpoint.id,
            endpointName: endpoint.name,
            purpose,
            minimization: tag?.minimization ?? 'Allow',
            status,
            approvedOn: status === 'Approved' ? new Date(todayMs - random.int(20, 200) * DAY_MS).toISOString() : null,
            nextReview: nextReviewInDays === null ? null : addDays(today, nextReviewInDays),
            classification: tag?.classification ?? null,
            phiCategory: tag?.phiCategory ?? null,
            approvedByName: null,
            requestedById: null,
            requestedByName: null,
            requestedOn: null,
            complianceOverride: false,
            reviewedByName: null,
            reviewedOn: null,
            endpointProblems: [],
            justification: null,
            overrideReason: null
        };
        flows.push(flow);
        flowIndex.set(key, flow);
    };
    for (const caller of CALLERS) {
        if (caller.purpose === 'Marketing') {
            continue;
        }
        for (const jurisdiction of Object.keys(HOME_ENDPOINT)) {
            for (const endpointKey of new Set(HOME_ENDPOINT[jurisdiction])) {
                for (const field of caller.fields) {
                    addFlow(field, endpointKey, caller.purpose, 'Approved', random.int(5, 88));
                }
            }
        }
    }
    // Planted: overdue quarterly reviews, a proposed flow with traffic, a suspended flow.
    const overdue = flows
        .filter((flow) => flow.endpointName?.startsWith('US Public') || flow.sourceObject === 'Task')
        .slice(0, 6);
    overdue.forEach((flow, index) => (flow.nextReview = addDays(today, -(index * 9 + 4))));
    addFlow('LiveChatTranscript.Body', 'research-sandbox', 'Research', 'Proposed', null);
    addFlow('Contact.Email', 'legacy-summarizer', 'LlmInference', 'Suspended', null);
    return flows;
}

type LogSet = { log: DemoLogEntry[]; checkpoints: CheckpointRow[] };

/** `total` entries over LOG_DAYS days (fewer at weekends and at night), checkpointed every CHECKPOINT_INTERVAL. */
function makeLog(
    random: Random,
    total: number,
    todayMs: number,
    log: DemoLogEntry[],
    simulateCall: (at: number) => DemoLogEntry
): LogSet {
    const firstDayMs = todayMs - LOG_DAYS * DAY_MS;
    const dayWeights = Array.from({ length: LOG_DAYS }, (_, index) => {
        const weekday = new Date(firstDayMs + index * DAY_MS).getUTCDay();
        const weekend = weekday === 0 || weekday === 6;
        return (weekend ? 0.35 : 1) * (0.8 + (0.4 * index) / LOG_DAYS) * (0.9 + random.next() * 0.2);
    });
    const perDay = apportion(total, dayWeights);
    const hourWeights: [number, number][] = Array.from({ length: 24 }, (_, hour) => [
        hour,
        hour >= 7 && hour <= 18 ? 10 : hour >= 5 && hour <= 21 ? 3 : 0.6
    ]);
    const checkpoints: CheckpointRow[] = [];
    for (let day = 0; day < LOG_DAYS; day++) {
        const times: number[] = [];
        for (let i = 0; i < perDay[day]; i++) {
            times.push(firstDayMs + day * DAY_MS + random.weighted(hourWeights) * 3600000 + random.int(0, 3599999));
        }
        times.sort((a, b) => a - b);
        for (const at of times) {
            const entry = simulateCall(at);
            const sequence = entry.sequence;
            if (sequence % CHECKPOINT_INTERVAL === 0) {
                checkpoints.push({
                    sequence,
                    fromSequence: sequence - CHECKPOINT_INTERVAL + 1,
                    entryCount: CHECKPOINT_INTERVAL,
                    headHash: entry.entryHash,
                    merkleRoot: checkpointRoot(
                        log.slice(sequence - CHECKPOINT_INTERVAL, sequence).map((row) => row.entryHash as string)
                    ),
                    createdAt: new Date(at + 60000).toISOString()
                });
            }
        }
    }
    return { log, checkpoints };
}

const SLA: SlaSettings = { critical: 30, high: 60, medium: 90, low: 180 };

function slaFor(severity: string): number | null {
    const days: Record<string, number> = { Critical: SLA.critical, High: SLA.high, Medium: SLA.medium, Low: SLA.low };
    return days[severity] ?? null;
}

/** The planted findings and a few generated ones per extra Apex class. */
function makeFindings(random: Random, todayMs: number): FindingDetail[] {
    const findings: FindingDetail[] = [];
    const users = USERS;
    const addFinding = (seedRow: FindingSeed): void => {
        const firstSeen = todayMs - seedRow.firstSeenDaysAgo * DAY_MS + random.int(0, 8 * 3600000);
        const days = slaFor(seedRow.severity);
        const index = findings.length + 1;
        const closed =
            seedRow.status === 'Resolved' || seedRow.status === 'RiskAccepted' || seedRow.status === 'FalsePositive';
        findings.push({
            id: fakeId('a05', index),
            name: `CF-${String(index).padStart(6, '0')}`,
            rule: seedRow.rule,
            severity: seedRow.severity,
            category: seedRow.category,
            componentType: seedRow.componentType,
            componentName: seedRow.componentName,
            line: seedRow.line,
            message: seedRow.message,
            status: seedRow.status,
            dueDate: days === null ? null : new Date(firstSeen + days * DAY_MS).toISOString().slice(0, 10),
            assignedToId: seedRow.status === 'New' ? null : users[index % users.length].id,
            assignedToName: seedRow.status === 'New' ? null : users[index % users.length].name,
            firstSeen: new Date(firstSeen).toISOString(),
            lastSeen: new Date(closed ? firstSeen + 5 * DAY_MS : todayMs - random.int(0, 2) * DAY_MS).toISOString(),
            resolvedOn:
                seedRow.status === 'Resolved' ? new Date(firstSeen + random.int(3, 20) * DAY_MS).toISOString() : null,
            // Like the scanner: the snippet is the flagged source from Line__c on (here with two lines of context).
            snippet:
                seedRow.snippet && seedRow.line && seedRow.snippet.split('\n').length >= seedRow.line
                    ? seedRow.snippet
                          .split('\n')
                          .slice(seedRow.line - 1, seedRow.line + 2)
                          .join('\n')
                    : seedRow.snippet,
            justification: seedRow.justification ?? null,
            fingerprint: sha256Hex(`${seedRow.rule}|${seedRow.componentName}|${seedRow.line ?? ''}`),
            ruleTitle: null,
            ruleSummary: null,
            ruleDescription: null,
            requestedStatus: null,
            requestedById: null,
            requestedByName: null,
            riskAcceptedUntil: null,
            dueDateExtended: false,
            requestedOn: null,
            approvedByName: null,
            approvedOn: null,
            history: []
        });
    };
    FINDING_SEEDS.forEach(addFinding);
    for (const className of EXTRA_CLASSES) {
        for (const [rule, severity, message] of random.sample(EXTRA_RULES, random.int(1, 3))) {
            const line = random.int(8, 140);
            addFinding({
                rule,
                severity,
                category: 'ApexClass',
                componentType: 'ApexClass',
                componentName: className,
                line,
                message,
                snippet: [`${EXTRA_SNIPPETS[rule] ?? '// flagged statement'}`, '    // …'].join('\n'),
                firstSeenDaysAgo: random.int(1, 150),
                status: random.weighted([
                    ['New', 5],
                    ['Triaged', 3],
                    ['InRemediation', 2],
                    ['Resolved', 2],
                    ['RiskAccepted', 1]
                ] as const),
                justification:
                    'Accepted until the service is retired next quarter; compensating control: perimeter logging.'
            });
        }
    }
    for (const finding of findings) {
        if (finding.status !== 'RiskAccepted' && finding.status !== 'FalsePositive') {
            finding.justification =
                FINDING_SEEDS.find(
                    (seedRow) => seedRow.componentName === finding.componentName && seedRow.rule === finding.rule
                )?.justification ?? null;
        }
    }
    return findings;
}

/** The demo data without its simulator: what the demo data cache stores. */
export type DemoDataSet = Omit<DemoData, 'simulateCall'>;

/**
 * The generated data set, and where the simulator's random sequence stood at its end: the live stream goes on
 * drawing from there, so a data set read back from the cache (`withSimulator`) goes on exactly as a generated one.
 */
export function generateDemoDataSet(options: DemoOptions = {}): { data: DemoDataSet; randomPosition: number } {
    const seed = options.seed ?? DEMO_SEED;
    const today = options.today ?? utcToday();
    const total = options.logEntries ?? DEMO_LOG_ENTRIES;
    const random = new Random(seed);
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    const endpoints = makeEndpoints(today, todayMs);
    const { patients, consents } = makePatients(random, todayMs);
    const flows = makeFlows(random, today, todayMs, endpoints);
    const log: DemoLogEntry[] = [];
    const simulateCall = callSimulator(
        { seed, today, patients, consents, endpoints, rules: DEMO_RULES, flows, log },
        random
    );
    const { checkpoints } = makeLog(random, total, todayMs, log, simulateCall);
    // Their own stream: the findings stay the same whatever the log's size or the draws its calls take.
    const findings = makeFindings(new Random(seed + FINDINGS_STREAM), todayMs);

    const { simulateCall: _simulator, ...data } = seedGovernance({
        seed,
        today,
        currentUser: USERS[0],
        users: USERS,
        approverIds: [USERS[0].id, USERS[2].id],
        changes: [],
        rules: DEMO_RULES,
        endpoints,
        patients,
        consents,
        tags: DEMO_TAGS,
        flows,
        log,
        findings,
        checkpoints,
        patterns: DEMO_PATTERNS,
        sla: { ...SLA },
        mode: 'Enforce',
        simulateCall
    });
    return { data, randomPosition: random.position };
}

type SimulatorInput = Pick<
    DemoData,
    'seed' | 'today' | 'patients' | 'consents' | 'endpoints' | 'rules' | 'flows' | 'log'
>;

/** One gate decision at time `at`, appended to the data set's chained log. Also used for the live stream. */
function callSimulator(data: SimulatorInput, random: Random): (at: number) => DemoLogEntry {
    return createCallSimulator({
        seed: data.seed,
        random,
        todayMs: Date.parse(`${data.today}T00:00:00Z`),
        patients: data.patients,
        consents: data.consents,
        endpoints: data.endpoints,
        rules: data.rules,
        flows: data.flows,
        tags: DEMO_TAGS,
        log: data.log
    });
}

/** The data set with its simulator, drawing from `randomPosition` on and appending to the set's own log. */
export function withSimulator(data: DemoDataSet, randomPosition: number): DemoData {
    return { ...data, simulateCall: callSimulator(data, new Random(randomPosition)) };
}

export function generateDemoData(options: DemoOptions = {}): DemoData {
    const { data, randomPosition } = generateDemoDataSet(options);
    return withSimulator(data, randomPosition);
}
