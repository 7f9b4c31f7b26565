/**
 * Step 3: platform event monitoring, as four steps over the CRUD Metadata API (readMetadata, then
 * upsertMetadata of only what differs):
 * - the PlatformEventSubscriberConfig of the InferenceEvent__e trigger (running user, batch size);
 * - RealTimeEventSettings: storage and streaming of ApiEvent, ReportEvent, LoginEvent, ListViewEvent and
 *   BulkApiResultEvent, where the org has Real-Time Event Monitoring (Shield / Event Monitoring);
 * - TransactionSecurityPolicy records backed by the PhiExportCondition Apex class, flagging report and
 *   API exports that touch PHI fields. Generated here rather than shipped in force-app because a policy
 *   names a real user to notify, which only the target org has;
 * - Change Data Capture channel members (ChangeEvents) for the objects in the config: patient-bearing ones, and
 *   InferenceLog__c for `warden stream` (Warden's objects under the managed namespace where the package is installed).
 * Settings that exist but differ are updated; Real-Time Event entries the admin enabled themselves are
 * kept, never switched off.
 */
import { MetadataRecord } from '../../org/client';
import { OrgError, toOrgError } from '../../org/errors';
import { MonitoredEvent } from '../config';
import { changeEventName, PHI_POLICY_CLASS, POLICY_NAMES, SUBSCRIBER_CONFIG, SUBSCRIBER_TRIGGER } from '../components';
import { REAL_TIME_STORAGE, REAL_TIME_STREAMING } from '../facts';
import { WARDEN_NAMESPACE } from './namespace';
import { componentAvailable, DeployContext, missingComponent, plan, result, Step, StepPlan, StepResult } from './types';

/** Whether every value in `desired` is present in `actual` (scalars compared as strings, lists as sets). */
export function matches(desired: unknown, actual: unknown): boolean {
    if (Array.isArray(desired)) {
        const list = actual === undefined || actual === null ? [] : Array.isArray(actual) ? actual : [actual];
        return desired.length === list.length && desired.every((item) => list.some((other) => matches(item, other)));
    }
    if (desired && typeof desired === 'object') {
        if (!actual || typeof actual !== 'object') return false;
        return Object.entries(desired as Record<string, unknown>).every(([k, v]) =>
            matches(v, (actual as Record<string, unknown>)[k])
        );
    }
    if (desired === undefined || desired === null) return actual === undefined || actual === null || actual === '';
    return String(desired) === String(actual ?? '');
}

function asList<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null || (value as unknown) === '') return [];
    return Array.isArray(value) ? value : [value];
}

type Desired = {
    type: string;
    records: MetadataRecord[];
    describe: (record: MetadataRecord, existed: boolean) => string;
};

/** Reads the desired records' current state and returns those that need writing. */
async function diff(ctx: DeployContext, desired: Desired): Promise<{ write: MetadataRecord[]; existing: Set<string> }> {
    const names = desired.records.map((record) => String(record.fullName));
    const current = await ctx.client.readMetadata(desired.type, names);
    const byName = new Map(current.map((record) => [String(record.fullName), record]));
    return {
        write: desired.records.filter((record) => !matches(record, byName.get(String(record.fullName)))),
        existing: new Set(byName.keys())
    };
}

async function planMetadata(step: Pick<Step, 'id' | 'title'>, ctx: DeployContext, desired: Desired): Promise<StepPlan> {
    let changes;
    try {
        changes = await diff(ctx, desired);
    } catch (thrown) {
        return unavailableFrom(step, toOrgError(thrown, step.title, ctx.client.secrets()));
    }
    if (changes.write.length === 0) {
        return plan(step, 'unchanged', { reason: `${desired.records.length} ${desired.type} in place` });
    }
    const allNew = changes.write.every((record) => !changes.existing.has(String(record.fullName)));
    return plan(step, allNew ? 'create' : 'update', {
        changes: changes.write.map((record) => desired.describe(record, changes.existing.has(String(record.fullName)))),
        data: desired
    });
}

function unavailableFrom(step: Pick<Step, 'id' | 'title'>, error: OrgError): StepPlan {
    if (error.kind === 'not-licensed') {
        return plan(step, 'unavailable', { blocker: 'licence', reason: error.message, remedy: error.remedy });
    }
    if (error.kind === 'metadata-access' || error.kind === 'access') {
        return plan(step, 'unavailable', { blocker: 'permission', reason: error.message, remedy: error.remedy });
    }
    throw error;
}

async function writeMetadata(ctx: DeployContext, stepPlan: StepPlan): Promise<StepResult> {
    const desired = stepPlan.data as Desired;
    // Re-read right before writing: only what still differs is written.
    const { write, existing } = await diff(ctx, desired);
    if (write.length === 0) {
        return result(stepPlan, 'unchanged', { details: ['already in place'] });
    }
    let results;
    try {
        results = await ctx.client.upsertMetadata(desired.type, write);
    } catch (thrown) {
        const error = toOrgError(thrown, stepPlan.title, ctx.client.secrets());
        if (error.kind === 'not-licensed') {
            return result(stepPlan, 'unavailable', { blocker: 'licence', reason: error.message, remedy: error.remedy });
        }
        if (error.kind === 'metadata-access' || error.kind === 'access') {
            return result(stepPlan, 'failed', { blocker: 'permission', reason: error.message, remedy: error.remedy });
        }
        throw error;
    }
    const details: string[] = [];
    const problems: string[] = [];
    const limited: string[] = [];
    results.forEach((saved, index) => {
        const record = write[index];
        const message = saved.errors.map((error) => `${error.statusCode}: ${error.message}`).join('; ');
        if (saved.success) {
            details.push(desired.describe(record, existing.has(String(record.fullName))));
        } else if (saved.errors.length > 0 && saved.errors.every((error) => error.statusCode === 'LIMIT_EXCEEDED')) {
            limited.push(`${record.fullName}: ${message}`);
        } else {
            problems.push(`${record.fullName}: ${message}`);
        }
    });
    if (limited.length > 0 && problems.length === 0) {
        // What fitted in the allocation is done; the rest needs a licence, which is not a failure of the run.
        return result(stepPlan, 'unavailable', {
            blocker: 'licence',
            details,
            reason: limited.join('; '),
            remedy:
                'The org has used its Change Data Capture entity allocation (5 entities without the add-on). ' +
                'Deselect entities in Setup > Change Data Capture, or licence the Change Data Capture add-on.'
        });
    }
    problems.push(...limited);
    if (problems.length > 0) {
        return result(stepPlan, 'failed', { details, problems: [...stepPlan.problems, ...problems] });
    }
    const anyUpdate = write.some((record) => existing.has(String(record.fullName)));
    return result(stepPlan, anyUpdate ? 'updated' : 'created', { details });
}

// ----------------------------------------------------------------------------------------------

export const eventSubscriberStep: Step = {
    id: 'event-subscriber',
    title: 'Configure the InferenceEvent__e subscriber',
    async inspect(ctx, phase) {
        if (!componentAvailable(ctx, phase, 'ApexTrigger', SUBSCRIBER_TRIGGER)) {
            return missingComponent(this, 'Apex trigger', SUBSCRIBER_TRIGGER);
        }
        const { user, batchSize } = ctx.config.eventSubscriber;
        const record: MetadataRecord = {
            fullName: SUBSCRIBER_CONFIG,
            masterLabel: 'Warden inference event subscriber',
            platformEventConsumer: SUBSCRIBER_TRIGGER,
            batchSize,
            ...(user ? { user } : {})
        };
        return planMetadata(this, ctx, {
            type: 'PlatformEventSubscriberConfig',
            records: [record],
            describe: (r, existed) =>
                `${existed ? 'update' : 'create'} ${SUBSCRIBER_CONFIG}: trigger ${SUBSCRIBER_TRIGGER} runs as ${
                    r.user ?? 'the Automated Process user'
                }, batch size ${r.batchSize}`
        });
    },
    write: writeMetadata
};

export const realTimeEventsStep: Step = {
    id: 'real-time-events',
    title: 'Enable Real-Time Event Monitoring',
    async inspect(ctx) {
        const settings = ctx.config.realTimeEvents;
        if (!settings.enabled) {
            return plan(this, 'skipped', { reason: 'realTimeEvents.enabled is false in warden.deploy.json' });
        }
        if (!ctx.facts.shield) {
            return plan(this, 'unavailable', {
                blocker: 'licence',
                reason: 'the org has no Real-Time Event Monitoring objects (ApiEvent, ReportEvent, ...): no Shield or Event Monitoring licence',
                remedy:
                    'Licence Salesforce Shield or the Event Monitoring add-on to record API, report, login, list view and ' +
                    'Bulk API result exports. The Warden gate and log work without it.'
            });
        }
        const wanted = [
            ...(settings.storage ? REAL_TIME_STORAGE : []),
            ...(settings.streaming ? REAL_TIME_STREAMING : [])
        ].filter((name) => ctx.facts.sobjects.has(name));
        let current: MetadataRecord | undefined;
        try {
            current = (await ctx.client.readMetadata('RealTimeEventSettings', ['RealTimeEvent']))[0];
        } catch (thrown) {
            return unavailableFrom(this, toOrgError(thrown, this.title, ctx.client.secrets()));
        }
        const entries = asList(current?.realTimeEvents as Array<{ entityName: string; isEnabled: unknown }>);
        const enabled = new Set(entries.filter((e) => String(e.isEnabled) === 'true').map((e) => e.entityName));
        const missing = wanted.filter((name) => !enabled.has(name));
        const notes = [
            ...(settings.storage ? REAL_TIME_STORAGE : []),
            ...(settings.streaming ? REAL_TIME_STREAMING : [])
        ]
            .filter((name) => !ctx.facts.sobjects.has(name))
            .map((name) => `${name} is not available in this org and is left out`);
        if (missing.length === 0) {
            return plan(this, 'unchanged', { reason: `${wanted.length} real-time event entities enabled`, notes });
        }
        // Keep every entry the org has (including ones the admin enabled), switch ours on.
        const merged = new Map(
            entries.map((e) => [e.entityName, { entityName: e.entityName, isEnabled: String(e.isEnabled) === 'true' }])
        );
        for (const name of wanted) merged.set(name, { entityName: name, isEnabled: true });
        const record: MetadataRecord = { fullName: 'RealTimeEvent', realTimeEvents: [...merged.values()] };
        return plan(this, current ? 'update' : 'create', {
            changes: [`enable ${missing.join(', ')}`],
            notes,
            data: {
                type: 'RealTimeEventSettings',
                records: [record],
                describe: (_r: MetadataRecord, existed: boolean) =>
                    `${existed ? 'update' : 'create'} RealTimeEventSettings: enable ${missing.join(', ')}`
            } satisfies Desired
        });
    },
    write: writeMetadata
};

function policy(event: MonitoredEvent, notify: string, block: boolean): MetadataRecord {
    return {
        fullName: POLICY_NAMES[event],
        masterLabel: POLICY_NAMES[event],
        description: `Warden: flags ${event} exports that touch PHI fields (ResidencyTag__c classification PHI).`,
        active: true,
        apexClass: PHI_POLICY_CLASS,
        eventName: event,
        type: 'CustomApexPolicy',
        executionUser: notify,
        action: {
            block,
            endSession: false,
            freezeUser: false,
            twoFactorAuthentication: false,
            notifications: [{ inApp: true, sendEmail: true, user: notify }]
        }
    };
}

export const transactionSecurityStep: Step = {
    id: 'transaction-security',
    title: 'Flag PHI exports (transaction security)',
    async inspect(ctx, phase) {
        const settings = ctx.config.transactionSecurity;
        if (!settings.enabled) {
            return plan(this, 'skipped', { reason: 'transactionSecurity.enabled is false in warden.deploy.json' });
        }
        const unavailable = settings.events.filter((event) => !ctx.facts.sobjects.has(event));
        if (!ctx.facts.shield || unavailable.length === settings.events.length) {
            return plan(this, 'unavailable', {
                blocker: 'licence',
                reason: 'transaction security policies on real-time events need Shield or the Event Monitoring add-on',
                remedy: 'Licence Shield / Event Monitoring; until then PHI exports are not flagged in real time.'
            });
        }
        if (!componentAvailable(ctx, phase, 'ApexClass', PHI_POLICY_CLASS)) {
            return missingComponent(this, 'Apex class', PHI_POLICY_CLASS);
        }
        const notify = settings.notify ?? ctx.facts.user.username;
        const events = settings.events.filter((event) => ctx.facts.sobjects.has(event));
        const stepPlan = await planMetadata(this, ctx, {
            type: 'TransactionSecurityPolicy',
            records: events.map((event) => policy(event, notify, settings.block)),
            describe: (r, existed) =>
                `${existed ? 'update' : 'create'} policy ${r.fullName} on ${r.eventName}: ${
                    settings.block ? 'block and ' : ''
                }notify ${notify}`
        });
        stepPlan.notes.push(...unavailable.map((event) => `${event} is not available in this org; no policy for it`));
        return stepPlan;
    },
    write: writeMetadata
};

/**
 * The change event an object is captured by, as the org names it. Warden's own objects (InferenceLog__c for
 * `warden stream`, PatientConsent__c) carry the managed namespace where only the installed package's exist, so
 * the config names them once, without a prefix, for a source-deployed and a packaged org alike.
 */
function orgChangeEvent(ctx: DeployContext, object: string): string {
    const entity = changeEventName(object);
    const packaged = WARDEN_NAMESPACE + entity;
    return object.endsWith('__c') && !ctx.facts.sobjects.has(entity) && ctx.facts.sobjects.has(packaged)
        ? packaged
        : entity;
}

export const changeDataCaptureStep: Step = {
    id: 'change-data-capture',
    title: 'Enable Change Data Capture',
    async inspect(ctx) {
        const objects = ctx.config.changeDataCapture.objects;
        if (objects.length === 0) {
            return plan(this, 'skipped', {
                reason: 'no objects in changeDataCapture.objects',
                remedy:
                    'List the patient-bearing objects (e.g. Contact, PatientConsent__c), and InferenceLog__c for ' +
                    '`warden stream`, in warden.deploy.json.'
            });
        }
        if (ctx.facts.changeEventObjects.length === 0) {
            return plan(this, 'unavailable', {
                blocker: 'licence',
                reason: 'the org has no change event objects: Change Data Capture is not available in this edition',
                remedy: 'Use an edition with Change Data Capture (Enterprise and up) to stream changes of patient records.'
            });
        }
        const problems: string[] = [];
        const records: MetadataRecord[] = [];
        for (const object of objects) {
            const entity = orgChangeEvent(ctx, object);
            if (
                !ctx.facts.sobjects.has(entity) &&
                !ctx.source.components.some((c) => c.type === 'CustomObject' && c.fullName === object)
            ) {
                problems.push(
                    `${object}: no ${entity} in this org (the object does not exist or does not support Change Data Capture)`
                );
                continue;
            }
            records.push({ fullName: `ChangeEvents_${entity}`, eventChannel: 'ChangeEvents', selectedEntity: entity });
        }
        if (records.length === 0) {
            return plan(this, 'unavailable', {
                blocker: 'config',
                problems,
                reason: 'none of the configured objects can be captured'
            });
        }
        const stepPlan = await planMetadata(this, ctx, {
            type: 'PlatformEventChannelMember',
            records,
            describe: (r, existed) => `${existed ? 'update' : 'select'} ${r.selectedEntity} on the ChangeEvents channel`
        });
        stepPlan.problems.push(...problems);
        return stepPlan;
    },
    write: writeMetadata
};
