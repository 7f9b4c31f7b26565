/**
 * Policy simulator: paste sample text, pick a record, an endpoint and a purpose, and see what the gate would
 * send (redacted by the shared redactor) and why, before any real call is made.
 */
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import NAME_DICTIONARY_URL from '@salesforce/resourceUrl/PhiNameDictionary';
import getSimulationRecords from '@salesforce/apex/WardenSimulatorController.getSimulationRecords';
import getSimulationContext from '@salesforce/apex/WardenSimulatorController.getSimulationContext';
import getLogFilterOptions from '@salesforce/apex/WardenLogController.getLogFilterOptions';
import type { EndpointRow, SimulationContext, SimulationRecord } from 'c/consoleContracts';
import { PURPOSES } from 'c/consoleContracts';
import { simulate, type ReasonCode, type Simulation } from 'c/policySimulation';
import { parseNameDictionary, type NameDictionary } from 'c/nameDictionary';
import { formatLabel, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.SimulatorTitle';
import HELP from '@salesforce/label/c.SimulatorHelp';
import RECORD from '@salesforce/label/c.SimulatorRecord';
import TEXT from '@salesforce/label/c.SimulatorText';
import SAMPLE from '@salesforce/label/c.SimulatorSampleText';
import RUN from '@salesforce/label/c.SimulatorRun';
import RESULT from '@salesforce/label/c.SimulatorResult';
import WOULD_SEND from '@salesforce/label/c.SimulatorWouldSend';
import WHY from '@salesforce/label/c.SimulatorWhy';
import FIELDS from '@salesforce/label/c.SimulatorFields';
import NOTHING_SENT from '@salesforce/label/c.SimulatorNothingSent';
import PICK_ALL from '@salesforce/label/c.SimulatorPickAll';
import DISCLAIMER from '@salesforce/label/c.SimulatorDisclaimer';
import R_CONSENT_GRANTED from '@salesforce/label/c.SimulatorReasonConsentGranted';
import R_CONSENT_NOT_REQUIRED from '@salesforce/label/c.SimulatorReasonConsentNotRequired';
import R_CONSENT_MISSING from '@salesforce/label/c.SimulatorReasonConsentMissing';
import R_CONSENT_REFUSED from '@salesforce/label/c.SimulatorReasonConsentRefused';
import R_ENDPOINT from '@salesforce/label/c.SimulatorReasonEndpointNotApproved';
import R_RESIDENCY_OK from '@salesforce/label/c.SimulatorReasonResidencyOk';
import R_REDACTED from '@salesforce/label/c.SimulatorReasonRedacted';
import R_NOTHING from '@salesforce/label/c.SimulatorReasonNothingToRedact';
import R_DROPPED from '@salesforce/label/c.SimulatorReasonFieldsDropped';
import ISSUE_REGION from '@salesforce/label/c.ResidencyIssueRegion';
import ISSUE_HOSTING from '@salesforce/label/c.ResidencyIssueHosting';
import ISSUE_DPA_MISSING from '@salesforce/label/c.ResidencyIssueDpaMissing';
import ISSUE_DPA_EXPIRED from '@salesforce/label/c.ResidencyIssueDpaExpired';
import ISSUE_RETENTION from '@salesforce/label/c.ResidencyIssueRetention';
import ISSUE_NO_RULE from '@salesforce/label/c.ResidencyIssueNoRule';
import O_SENT from '@salesforce/label/c.SimulatorFieldSent';
import O_REDACTED from '@salesforce/label/c.SimulatorFieldRedacted';
import O_PSEUDONYMIZED from '@salesforce/label/c.SimulatorFieldPseudonymized';
import O_DROPPED from '@salesforce/label/c.SimulatorFieldDropped';
import O_NOT_MAPPED from '@salesforce/label/c.SimulatorFieldNotMapped';
import ENDPOINT from '@salesforce/label/c.ConsoleEndpoint';
import PURPOSE from '@salesforce/label/c.ConsolePurpose';
import ALLOWED from '@salesforce/label/c.ConsoleDecisionAllowed';
import REDACTED from '@salesforce/label/c.ConsoleDecisionRedacted';
import BLOCKED from '@salesforce/label/c.ConsoleDecisionBlocked';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';
import LOADING from '@salesforce/label/c.ConsoleLoading';

const REASON_LABELS: Record<ReasonCode, string> = {
    consentGranted: R_CONSENT_GRANTED,
    consentNotRequired: R_CONSENT_NOT_REQUIRED,
    consentMissing: R_CONSENT_MISSING,
    consentRefused: R_CONSENT_REFUSED,
    endpointNotApproved: R_ENDPOINT,
    residencyOk: R_RESIDENCY_OK,
    regionNotAllowed: ISSUE_REGION,
    hostingNotAllowed: ISSUE_HOSTING,
    dpaMissing: ISSUE_DPA_MISSING,
    dpaExpired: ISSUE_DPA_EXPIRED,
    retentionNotZero: ISSUE_RETENTION,
    noRule: ISSUE_NO_RULE,
    redacted: R_REDACTED,
    nothingToRedact: R_NOTHING,
    fieldDropped: R_DROPPED
};
const OUTCOME_LABELS: Record<string, string> = {
    sent: O_SENT,
    redacted: O_REDACTED,
    pseudonymized: O_PSEUDONYMIZED,
    dropped: O_DROPPED,
    notMapped: O_NOT_MAPPED
};
const DECISION_LABELS: Record<string, string> = { Allowed: ALLOWED, Redacted: REDACTED, Blocked: BLOCKED };

export default class PolicySimulator extends LightningElement {
    labels = {
        title: TITLE,
        help: HELP,
        record: RECORD,
        text: TEXT,
        run: RUN,
        result: RESULT,
        wouldSend: WOULD_SEND,
        why: WHY,
        fields: FIELDS,
        nothingSent: NOTHING_SENT,
        disclaimer: DISCLAIMER,
        endpoint: ENDPOINT,
        purpose: PURPOSE,
        loading: LOADING
    };
    text = SAMPLE;
    recordId = '';
    endpointId = '';
    purpose = 'LlmInference';
    records: SimulationRecord[] = [];
    endpoints: EndpointRow[] = [];
    context: SimulationContext | undefined;
    result: Simulation | undefined;
    running = false;
    private dictionary: NameDictionary | null = null;
    private dictionaryLoaded = false;

    @wire(getSimulationRecords)
    wiredRecords({ data, error }: { data?: SimulationRecord[]; error?: unknown }): void {
        if (data) {
            this.records = data;
            if (!this.recordId && data.length > 0) {
                this.recordId = data[0].id;
            }
        } else if (error) {
            this.toastError(error);
        }
    }

    @wire(getLogFilterOptions)
    wiredOptions({ data, error }: { data?: { endpoints: EndpointRow[] }; error?: unknown }): void {
        if (data) {
            this.endpoints = data.endpoints;
            if (!this.endpointId && data.endpoints.length > 0) {
                this.endpointId = data.endpoints[0].id;
            }
        } else if (error) {
            this.toastError(error);
        }
    }

    get recordOptions() {
        return this.records.map((record) => ({ label: record.label, value: record.id }));
    }

    get endpointOptions() {
        return this.endpoints.map((endpoint) => ({
            label: `${endpoint.name} · ${endpoint.status}`,
            value: endpoint.id
        }));
    }

    get purposeOptions() {
        return PURPOSES.map((value) => ({ label: value, value }));
    }

    get runDisabled(): boolean {
        return this.running || !this.recordId || !this.endpointId || !this.purpose;
    }

    handleText(event: Event): void {
        this.text = (event.target as HTMLTextAreaElement).value ?? '';
    }

    handleRecord(event: CustomEvent<{ value: string }>): void {
        this.recordId = event.detail.value;
    }

    handleEndpoint(event: CustomEvent<{ value: string }>): void {
        this.endpointId = event.detail.value;
    }

    handlePurpose(event: CustomEvent<{ value: string }>): void {
        this.purpose = event.detail.value;
    }

    /** The name dictionary static resource; without it names are still caught from the record's own values. */
    async loadDictionary(): Promise<NameDictionary | null> {
        if (this.dictionaryLoaded) {
            return this.dictionary;
        }
        this.dictionaryLoaded = true;
        try {
            if (typeof fetch === 'function' && NAME_DICTIONARY_URL) {
                const response = await fetch(NAME_DICTIONARY_URL);
                if (response.ok) {
                    this.dictionary = parseNameDictionary(await response.text());
                }
            }
        } catch {
            this.dictionary = null;
        }
        return this.dictionary;
    }

    async handleRun(): Promise<void> {
        if (this.runDisabled) {
            this.toast(ERROR_TITLE, PICK_ALL, 'error');
            return;
        }
        this.running = true;
        try {
            const [context, dictionary] = await Promise.all([
                getSimulationContext({
                    recordId: this.recordId,
                    endpointId: this.endpointId,
                    purpose: this.purpose
                }) as Promise<SimulationContext>,
                this.loadDictionary()
            ]);
            this.context = context;
            this.result = simulate(context, this.text, dictionary, new Date().toISOString().slice(0, 10));
        } catch (error) {
            this.toastError(error);
        } finally {
            this.running = false;
        }
    }

    get view() {
        const result = this.result;
        if (!result) {
            return undefined;
        }
        return {
            decision: DECISION_LABELS[result.decision],
            badgeClass:
                result.decision === 'Blocked'
                    ? 'slds-badge slds-theme_error'
                    : result.decision === 'Redacted'
                      ? 'slds-badge slds-theme_warning'
                      : 'slds-badge slds-theme_success',
            blocked: result.decision === 'Blocked',
            prompt: result.prompt.text,
            reasons: result.reasons.map((reason, index) => ({
                key: `${reason.code}-${index}`,
                text: formatLabel(REASON_LABELS[reason.code], reason.detail),
                cssClass: reason.blocking ? 'slds-text-color_error' : '',
                icon: reason.blocking ? 'utility:ban' : 'utility:check'
            })),
            fields: result.fields.map((field) => ({
                key: field.field,
                field: field.field,
                outcome: OUTCOME_LABELS[field.outcome],
                value: field.value
            }))
        };
    }

    toast(title: string, message: string, variant: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }

    toastError(error: unknown): void {
        this.toast(ERROR_TITLE, readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, 'error');
    }
}
