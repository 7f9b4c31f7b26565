/**
 * The demo's stand-in for the gate: one simulated gate decision (consent, residency, minimization, redaction) for
 * a random patient and caller, appended to the hash-chained demo log. The demo data set builds its 50,000 entries
 * with it and the preview's live stream adds more. It lives on its own because it is to be replaced by the shared
 * gate policy (issue 14); until then it mirrors the gate's reason codes, not its code.
 */
import { createHash } from 'node:crypto';
import type {
    ConsentRow,
    Decision,
    EndpointRow,
    JurisdictionRuleRow
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import {
    RESIDENCY_ALLOWED,
    RESIDENCY_BLOCKED,
    type ResidencyResult
} from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { chainEntryHash, GENESIS_HASH } from './chain';
import type { DemoFlow, DemoLogEntry, DemoPatient } from './demoData';
import { CALLERS, HOME_ENDPOINT, type CallerSeed, type DemoTag } from './demoSeeds';
import { fakeId, type Random } from './random';

const DAY_MS = 86400000;

/** What the simulator draws from; `log` is appended to. */
export type CallContext = {
    seed: number;
    random: Random;
    todayMs: number;
    patients: DemoPatient[];
    consentIndex: Map<string, ConsentRow>;
    endpointByKey: Map<string, EndpointRow>;
    ruleByJurisdiction: Map<string, JurisdictionRuleRow>;
    flowIndex: Map<string, DemoFlow>;
    tagByField: Map<string, DemoTag>;
    log: DemoLogEntry[];
};

export function sha256Hex(text: string): string {
    return createHash('sha256').update(text, 'utf8').digest('hex');
}

function uuidFrom(random: Random): string {
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[random.int(0, 15)]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function consentCheck(
    patient: DemoPatient,
    caller: CallerSeed,
    consent: ConsentRow | undefined,
    reasons: string[]
): string {
    if (caller.purpose === 'CareDelivery' && patient.jurisdiction === 'US') {
        reasons.push('CONSENT_NOT_REQUIRED: treatment use under HIPAA 164.506');
        return 'NotRequired';
    }
    if (!consent) {
        reasons.push(`CONSENT_MISSING: no ${caller.purpose} consent on record`);
        return 'Missing';
    }
    if (consent.status === 'Granted') {
        reasons.push(`CONSENT_GRANTED: ${consent.name} (${caller.purpose}, captured via ${consent.capturedVia})`);
        return 'Granted';
    }
    reasons.push(`CONSENT_${consent.status.toUpperCase()}: ${consent.name} (${caller.purpose})`);
    return consent.status;
}

function residencyCheck(
    patient: DemoPatient,
    endpoint: EndpointRow,
    rule: JurisdictionRuleRow,
    dpaExpired: boolean,
    reasons: string[]
): ResidencyResult {
    const problems: string[] = [];
    if (!endpoint.jurisdiction || !rule.allowedRegions.includes(endpoint.jurisdiction)) {
        problems.push(`${patient.jurisdiction} data may not go to a ${endpoint.jurisdiction} endpoint`);
    }
    if (!rule.allowedHostings.includes(endpoint.hosting ?? '')) {
        problems.push(`hosting ${endpoint.hosting} not allowed for ${patient.jurisdiction}`);
    }
    if (rule.requiresDpa && (!endpoint.dpaSigned || dpaExpired)) {
        problems.push('no valid DPA');
    }
    if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
        problems.push('endpoint retains prompts');
    }
    if (endpoint.status !== 'Approved') {
        problems.push(`endpoint is ${endpoint.status}`);
    }
    reasons.push(
        problems.length === 0
            ? `RESIDENCY_OK: ${patient.jurisdiction} data to ${endpoint.jurisdiction} (${endpoint.hosting})`
            : `RESIDENCY_VIOLATION: ${problems.join('; ')}`
    );
    return problems.length === 0 ? RESIDENCY_ALLOWED : RESIDENCY_BLOCKED;
}

/**
 * A simulator of gate decisions over `context`: each call draws one request at time `at` (ms), decides it, and
 * appends the entry to `context.log`, chained to the previous one.
 */
export function createCallSimulator(context: CallContext): (at: number) => DemoLogEntry {
    const { random, todayMs, tagByField } = context;
    // The planted week in Monitor mode, and the day the DPA of us-public-gpt expired.
    const monitorFrom = todayMs - 47 * DAY_MS;
    const monitorTo = todayMs - 40 * DAY_MS;
    const dpaExpiredAt = todayMs - 14 * DAY_MS;
    let previousHash =
        context.log.length > 0 ? (context.log[context.log.length - 1].entryHash as string) : GENESIS_HASH;
    const decide = (at: number) => {
        const patient = random.pick(context.patients);
        const caller = random.weighted(CALLERS.map((entry) => [entry, entry.weight] as const));
        const inMonitor = at >= monitorFrom && at < monitorTo;
        let endpointKey = random.pick(HOME_ENDPOINT[patient.jurisdiction]);
        if (caller.purpose === 'Research') {
            endpointKey = random.chance(0.15) ? 'research-sandbox' : endpointKey;
        }
        if (random.chance(inMonitor ? 0.12 : 0.012)) {
            endpointKey = random.pick(['us-public-gpt', 'research-sandbox', 'legacy-summarizer']);
        }
        const endpoint = context.endpointByKey.get(endpointKey) as EndpointRow;
        const rule = context.ruleByJurisdiction.get(patient.jurisdiction) as JurisdictionRuleRow;
        const fields = random.sample(caller.fields, random.int(1, caller.fields.length));
        const reasons: string[] = [];
        const consent = context.consentIndex.get(`${patient.id}|${caller.purpose}`);
        const consentResult = consentCheck(patient, caller, consent, reasons);
        const dpaExpired = endpoint.endpointKey === 'us-public-gpt' && at >= dpaExpiredAt;
        const residencyResult = residencyCheck(patient, endpoint, rule, dpaExpired, reasons);
        const consentOk = consentResult === 'Granted' || consentResult === 'NotRequired';
        const mode: 'Monitor' | 'Enforce' = inMonitor ? 'Monitor' : 'Enforce';
        const phi = [
            ...new Set(
                fields.map((field) => tagByField.get(field)?.phiCategory).filter((value): value is string => !!value)
            )
        ];
        const redactable = fields.some((field) => tagByField.get(field)?.minimization === 'Redact');
        let decision: Decision;
        let redactionCount = 0;
        if ((!consentOk || residencyResult === RESIDENCY_BLOCKED) && mode === 'Enforce') {
            decision = 'Blocked';
            reasons.push('BLOCKED: policy refused the call (Enforce mode)');
        } else {
            if (!consentOk || residencyResult === RESIDENCY_BLOCKED) {
                reasons.push('MONITOR_ONLY: violation logged, call let through (Monitor mode)');
            }
            if (redactable && phi.length > 0) {
                decision = 'Redacted';
                redactionCount = random.int(1, 6);
                reasons.push(`REDACTED: ${redactionCount} value(s) masked (${phi.join(', ')})`);
            } else {
                decision = 'Allowed';
            }
            const unmapped = fields.filter(
                (field) => !context.flowIndex.has(`${field}|${endpoint.endpointKey}|${caller.purpose}`)
            );
            if (unmapped.length > 0) {
                reasons.push(`MINIMIZED: dropped ${unmapped.join(', ')} (no approved data flow)`);
            }
        }
        return {
            patient,
            caller,
            endpoint,
            fields,
            reasons,
            consentResult,
            residencyResult,
            mode,
            phi,
            decision,
            redactionCount
        };
    };
    return (at: number): DemoLogEntry => {
        const call = decide(at);
        const sequence = context.log.length + 1;
        const blocked = call.decision === 'Blocked';
        const tokensIn = blocked ? 0 : random.int(180, 3200);
        const entry: DemoLogEntry = {
            id: fakeId('a04', sequence),
            name: `IL-${String(sequence).padStart(10, '0')}`,
            sequence,
            loggedAt: new Date(at).toISOString(),
            endpointId: call.endpoint.id,
            endpointKey: call.endpoint.endpointKey,
            purpose: call.caller.purpose,
            decision: call.decision,
            mode: call.mode,
            jurisdiction: call.patient.jurisdiction,
            phiCategories: call.phi.length > 0 ? call.phi.join(';') : null,
            redactionCount: call.redactionCount,
            consentResult: call.consentResult,
            residencyResult: call.residencyResult,
            caller: call.caller.caller,
            recordId: call.patient.id,
            latencyMs: blocked ? random.int(3, 25) : random.int(350, 4200),
            reasons: call.reasons.join('\n'),
            fieldsSent: blocked ? null : call.fields.join(';'),
            subjectKey: call.patient.subjectKey,
            promptSha256: sha256Hex(`${context.seed}:prompt:${sequence}`),
            responseSha256: blocked ? null : sha256Hex(`${context.seed}:response:${sequence}`),
            tokensIn,
            tokensOut: blocked ? 0 : random.int(40, 900),
            previousHash,
            entryHash: '',
            eventUuid: uuidFrom(random)
        };
        entry.entryHash = chainEntryHash(entry, previousHash);
        previousHash = entry.entryHash;
        context.log.push(entry);
        return entry;
    };
}
