/**
 * warden.deploy.json: what `warden deploy` configures beyond the package itself (who gets which
 * permission set, who runs the event subscriber, which Shield and Change Data Capture features to
 * switch on, when Warden's jobs run, when the pseudonymization keys are rotated). Validated strictly: an unknown key or a malformed value stops the
 * command before it touches the org, with the path of the bad value. See docs/deploy.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../lib/errors';

export const PERMISSION_SETS = [
    'WardenAdmin',
    'WardenComplianceOfficer',
    'WardenAuditor',
    'WardenIntegrationUser'
] as const;
export type PermissionSetName = (typeof PERMISSION_SETS)[number];

export const MONITORED_EVENTS = ['ReportEvent', 'ApiEvent', 'ListViewEvent', 'BulkApiResultEventStore'] as const;
export type MonitoredEvent = (typeof MONITORED_EVENTS)[number];

export const JOB_KEYS = [
    'chainCheckpoint',
    'chainCompleteness',
    'consentExpirySweep',
    'dataFlowReviewReminder',
    'dpaExpiry'
] as const;
export type JobKey = (typeof JOB_KEYS)[number];

export type DeployConfig = {
    assignments: Array<{ permissionSet: PermissionSetName; username: string }>;
    eventSubscriber: { user?: string; batchSize: number };
    realTimeEvents: { enabled: boolean; storage: boolean; streaming: boolean };
    transactionSecurity: { enabled: boolean; notify?: string; block: boolean; events: MonitoredEvent[] };
    changeDataCapture: { objects: string[] };
    schedules: Record<JobKey, string | null>;
    /** Which certificate signs chain checkpoints; `unsigned` is the explicit opt-out (docs/deploy.md). */
    checkpointSigning: { certificate?: string; unsigned: boolean };
    /** The keys step: rotate when the active key is older than this many days; null creates keys only if none. */
    keys: { rotateAfterDays: number | null };
    /** Where the config came from, for messages. */
    file?: string;
};

export const DEFAULT_SCHEDULES: Record<JobKey, string> = {
    // Hourly, at minute 5: checkpoints sign the chain head often enough to bound what a tamperer could hide.
    chainCheckpoint: '0 5 * * * ?',
    // Every 15 minutes: a missing outcome or a stalled subscriber is reported long before events expire (72 h).
    chainCompleteness: '0 0,15,30,45 * * * ?',
    // Nightly at 02:30, outside clinic hours.
    consentExpirySweep: '0 30 2 * * ?',
    // 07:00 on the first day of each quarter.
    dataFlowReviewReminder: '0 0 7 1 1,4,7,10 ?',
    // Daily at 06:00, before the working day: an expiring DPA is raised while there is time to renew it.
    dpaExpiry: '0 0 6 * * ?'
};

/** Salesforce usernames have the form of an email address. */
const USERNAME = /^[^\s@'"\\]+@[^\s@'"\\]+\.[^\s@'"\\]+$/;
/** A certificate's unique name (Setup > Certificate and Key Management): letters, digits, single underscores. */
const CERTIFICATE_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]$/;
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__c)?$/;
/**
 * An Apex cron expression: Seconds Minutes Hours Day_of_month Month Day_of_week [Year], each field
 * built from digits, names and * ? , - / L W # only (Apex Developer Guide, "Apex Scheduler").
 */
const CRON_FIELD = /^[0-9A-Za-z*?,/#LW-]+$/;

export function validateCron(value: string): string | undefined {
    const fields = value.trim().split(/\s+/);
    if (fields.length < 6 || fields.length > 7) {
        return `has ${fields.length} fields; an Apex cron expression has 6 or 7 (seconds minutes hours day-of-month month day-of-week [year])`;
    }
    const bad = fields.find((field) => !CRON_FIELD.test(field));
    if (bad) {
        return `field "${bad}" has characters an Apex cron expression does not allow`;
    }
    if (!/^[0-9]+$/.test(fields[0])) {
        return 'the seconds field must be a single number (Apex runs a job at most once a minute)';
    }
    if (fields[3] !== '?' && fields[5] !== '?') {
        return 'one of day-of-month and day-of-week must be "?"';
    }
    return undefined;
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
    if (value === undefined) return {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new ConfigError(`${path} must be an object`);
    }
    return value as Json;
}

function onlyKeys(value: Json, path: string, keys: string[]): void {
    const unknown = Object.keys(value).filter((key) => !keys.includes(key) && key !== '$comment');
    if (unknown.length > 0) {
        throw new ConfigError(`${path} has unknown key(s) ${unknown.join(', ')}; allowed: ${keys.join(', ')}`);
    }
}

function bool(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') throw new ConfigError(`${path} must be true or false`);
    return value;
}

function username(value: unknown, path: string): string {
    if (typeof value !== 'string' || !USERNAME.test(value)) {
        throw new ConfigError(`${path} must be a Salesforce username (name@domain), got ${JSON.stringify(value)}`);
    }
    return value;
}

/** Parses --assign values: PermissionSet=user@example.org. */
export function parseAssignment(value: string): { permissionSet: PermissionSetName; username: string } {
    const [set, user] = value.split('=');
    if (!PERMISSION_SETS.includes(set as PermissionSetName)) {
        throw new ConfigError(`--assign ${value}: the permission set must be one of ${PERMISSION_SETS.join(', ')}`);
    }
    return { permissionSet: set as PermissionSetName, username: username(user, `--assign ${value}`) };
}

/** The keys step's settings: when to rotate the pseudonymization keys (never, by default). */
function parseKeys(raw: unknown): DeployConfig['keys'] {
    const keysJson = object(raw, 'keys');
    onlyKeys(keysJson, 'keys', ['rotateAfterDays']);
    const rotateAfterDays = keysJson.rotateAfterDays ?? null;
    if (
        rotateAfterDays !== null &&
        (typeof rotateAfterDays !== 'number' ||
            !Number.isInteger(rotateAfterDays) ||
            rotateAfterDays < 1 ||
            rotateAfterDays > 3650)
    ) {
        throw new ConfigError('keys.rotateAfterDays must be a whole number of days from 1 to 3650, or null');
    }
    return { rotateAfterDays };
}

export function parseConfig(raw: unknown, file?: string): DeployConfig {
    const root = object(raw, 'the config');
    onlyKeys(root, 'the config', [
        'assignments',
        'eventSubscriber',
        'realTimeEvents',
        'transactionSecurity',
        'changeDataCapture',
        'schedules',
        'checkpointSigning',
        'keys'
    ]);

    const assignmentsJson = object(root.assignments, 'assignments');
    onlyKeys(assignmentsJson, 'assignments', [...PERMISSION_SETS]);
    const assignments: DeployConfig['assignments'] = [];
    for (const [set, users] of Object.entries(assignmentsJson)) {
        if (!Array.isArray(users)) throw new ConfigError(`assignments.${set} must be a list of usernames`);
        users.forEach((user, index) =>
            assignments.push({
                permissionSet: set as PermissionSetName,
                username: username(user, `assignments.${set}[${index}]`)
            })
        );
    }

    const subscriberJson = object(root.eventSubscriber, 'eventSubscriber');
    onlyKeys(subscriberJson, 'eventSubscriber', ['user', 'batchSize']);
    const batchSize = subscriberJson.batchSize ?? 200;
    if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2000) {
        throw new ConfigError('eventSubscriber.batchSize must be a whole number from 1 to 2000');
    }

    const realTimeJson = object(root.realTimeEvents, 'realTimeEvents');
    onlyKeys(realTimeJson, 'realTimeEvents', ['enabled', 'storage', 'streaming']);

    const policyJson = object(root.transactionSecurity, 'transactionSecurity');
    onlyKeys(policyJson, 'transactionSecurity', ['enabled', 'notify', 'block', 'events']);
    const events = policyJson.events ?? ['ReportEvent', 'ApiEvent'];
    if (
        !Array.isArray(events) ||
        events.length === 0 ||
        events.some((e) => !MONITORED_EVENTS.includes(e as MonitoredEvent))
    ) {
        throw new ConfigError(`transactionSecurity.events must be a non-empty list of ${MONITORED_EVENTS.join(', ')}`);
    }

    const cdcJson = object(root.changeDataCapture, 'changeDataCapture');
    onlyKeys(cdcJson, 'changeDataCapture', ['objects']);
    const objects = cdcJson.objects ?? [];
    if (!Array.isArray(objects) || objects.some((name) => typeof name !== 'string' || !OBJECT_NAME.test(name))) {
        throw new ConfigError(
            'changeDataCapture.objects must be a list of object API names, e.g. ["Contact", "PatientConsent__c"]'
        );
    }

    const schedulesJson = object(root.schedules, 'schedules');
    onlyKeys(schedulesJson, 'schedules', [...JOB_KEYS]);
    const schedules = { ...DEFAULT_SCHEDULES } as Record<JobKey, string | null>;
    for (const key of JOB_KEYS) {
        const value = schedulesJson[key];
        if (value === undefined) continue;
        if (value === null) {
            schedules[key] = null;
            continue;
        }
        if (typeof value !== 'string') throw new ConfigError(`schedules.${key} must be a cron expression or null`);
        const problem = validateCron(value);
        if (problem) throw new ConfigError(`schedules.${key} "${value}" ${problem}`);
        schedules[key] = value.trim().replace(/\s+/g, ' ');
    }

    const signingJson = object(root.checkpointSigning, 'checkpointSigning');
    onlyKeys(signingJson, 'checkpointSigning', ['certificate', 'unsigned']);
    const certificate = signingJson.certificate;
    if (certificate !== undefined && (typeof certificate !== 'string' || !CERTIFICATE_NAME.test(certificate))) {
        throw new ConfigError(
            `checkpointSigning.certificate must be a certificate's unique name (letters, digits, single underscores), got ${JSON.stringify(certificate)}`
        );
    }
    const unsigned = bool(signingJson.unsigned, 'checkpointSigning.unsigned', false);
    if (unsigned && certificate !== undefined) {
        throw new ConfigError('checkpointSigning: give either certificate or unsigned: true, not both');
    }

    return {
        assignments,
        eventSubscriber: {
            user: subscriberJson.user === undefined ? undefined : username(subscriberJson.user, 'eventSubscriber.user'),
            batchSize
        },
        realTimeEvents: {
            enabled: bool(realTimeJson.enabled, 'realTimeEvents.enabled', true),
            storage: bool(realTimeJson.storage, 'realTimeEvents.storage', true),
            streaming: bool(realTimeJson.streaming, 'realTimeEvents.streaming', true)
        },
        transactionSecurity: {
            enabled: bool(policyJson.enabled, 'transactionSecurity.enabled', true),
            notify:
                policyJson.notify === undefined ? undefined : username(policyJson.notify, 'transactionSecurity.notify'),
            block: bool(policyJson.block, 'transactionSecurity.block', false),
            events: [...new Set(events as MonitoredEvent[])]
        },
        changeDataCapture: { objects: [...new Set(objects as string[])] },
        schedules,
        checkpointSigning: { certificate: certificate as string | undefined, unsigned },
        keys: parseKeys(root.keys),
        file
    };
}

/** Reads the config file: the given path, else warden.deploy.json at the project root, else defaults. */
export function loadConfig(root: string, path?: string): DeployConfig {
    const file = path ?? join(root, 'warden.deploy.json');
    if (!existsSync(file)) {
        if (path) throw new ConfigError(`${path} does not exist`);
        return parseConfig({});
    }
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    try {
        return parseConfig(raw, file);
    } catch (error) {
        throw new ConfigError(`${file}: ${(error as Error).message}`);
    }
}
