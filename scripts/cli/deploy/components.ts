/**
 * Names of the package components the deploy steps configure. One place, so a renamed class or
 * trigger in force-app is one edit here.
 */
import { JobKey, MonitoredEvent } from './config';

/** The platform event trigger whose subscriber is configured (see ARCHITECTURE.md, runtime flow). */
export const SUBSCRIBER_TRIGGER = 'InferenceEventTrigger';
/** Full name of the PlatformEventSubscriberConfig the deploy creates. */
export const SUBSCRIBER_CONFIG = 'WardenInferenceEventSubscriber';

/** The Apex TxnSecurity.EventCondition behind the transaction security policies. */
export const PHI_POLICY_CLASS = 'PhiExportCondition';

export const POLICY_NAMES: Record<MonitoredEvent, string> = {
    ReportEvent: 'WardenPhiReportExport',
    ApiEvent: 'WardenPhiApiExport',
    ListViewEvent: 'WardenPhiListViewExport',
    BulkApiResultEventStore: 'WardenPhiBulkApiExport'
};

export type JobDefinition = { className: string; jobName: string; description: string };

export const JOBS: Record<JobKey, JobDefinition> = {
    chainCheckpoint: {
        className: 'ChainCheckpointJob',
        jobName: 'Warden: chain checkpoint',
        description: 'signs a checkpoint of the inference log hash chain'
    },
    chainCompleteness: {
        className: 'ChainCompletenessJob',
        jobName: 'Warden: chain completeness',
        description: 'alerts on intents without an outcome and on a stalled or lagging log subscriber'
    },
    consentExpirySweep: {
        className: 'ConsentExpirySweepJob',
        jobName: 'Warden: consent expiry sweep',
        description: 'raises findings for granted consents that have expired'
    },
    dataFlowReviewReminder: {
        className: 'DataFlowReviewReminderJob',
        jobName: 'Warden: data-flow review reminder',
        description: 'raises findings for approved data flows due for their quarterly review'
    },
    dpaExpiry: {
        className: 'DpaExpiryJob',
        jobName: 'Warden: DPA expiry',
        description: 'raises findings and alerts for approved endpoints whose DPA expires within 30 days'
    }
};

/** The Change Data Capture event of an object: Contact -> ContactChangeEvent, Foo__c -> Foo__ChangeEvent. */
export function changeEventName(objectName: string): string {
    return objectName.endsWith('__c') ? `${objectName.slice(0, -3)}__ChangeEvent` : `${objectName}ChangeEvent`;
}
