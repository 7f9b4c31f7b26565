// Generated from policySimulator.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, wire } from "lwc";
import NAME_DICTIONARY_URL from "@salesforce/resourceUrl/PhiNameDictionary";
import getSimulationRecords from "@salesforce/apex/WardenSimulatorController.getSimulationRecords";
import getSimulationContext from "@salesforce/apex/WardenSimulatorController.getSimulationContext";
import getLogFilterOptions from "@salesforce/apex/WardenLogController.getLogFilterOptions";
import { PURPOSES } from "c/consoleContracts";
import { simulate } from "c/policySimulation";
import { parseNameDictionary } from "c/nameDictionary";
import { formatLabel, formatNumber, readableError } from "c/consoleUtils";
import { minimizationLabel } from "c/consoleLabels";
import LOCALE from "@salesforce/i18n/locale";
import TITLE from "@salesforce/label/c.SimulatorTitle";
import HELP from "@salesforce/label/c.SimulatorHelp";
import RECORD from "@salesforce/label/c.SimulatorRecord";
import TEXT from "@salesforce/label/c.SimulatorText";
import SAMPLE from "@salesforce/label/c.SimulatorSampleText";
import RUN from "@salesforce/label/c.SimulatorRun";
import RESULT from "@salesforce/label/c.SimulatorResult";
import WOULD_SEND from "@salesforce/label/c.SimulatorWouldSend";
import WHY from "@salesforce/label/c.SimulatorWhy";
import FIELDS from "@salesforce/label/c.SimulatorFields";
import NOTHING_SENT from "@salesforce/label/c.SimulatorNothingSent";
import PICK_ALL from "@salesforce/label/c.SimulatorPickAll";
import TEXT_TOO_LONG from "@salesforce/label/c.SimulatorTextTooLong";
import DISCLAIMER from "@salesforce/label/c.SimulatorDisclaimer";
import O_DROPPED from "@salesforce/label/c.SimulatorFieldDropped";
import MODE from "@salesforce/label/c.ExplorerDetailMode";
import ENDPOINT from "@salesforce/label/c.ConsoleEndpoint";
import PURPOSE from "@salesforce/label/c.ConsolePurpose";
import ALLOWED from "@salesforce/label/c.ConsoleDecisionAllowed";
import REDACTED from "@salesforce/label/c.ConsoleDecisionRedacted";
import BLOCKED from "@salesforce/label/c.ConsoleDecisionBlocked";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
import LOADING from "@salesforce/label/c.ConsoleLoading";
const DECISION_LABELS = { Allowed: ALLOWED, Redacted: REDACTED, Blocked: BLOCKED };
export const MAX_SAMPLE_TEXT = 32e3;
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
    loading: LOADING,
    errorTitle: ERROR_TITLE
  };
  text = SAMPLE;
  /** Why the last run could not happen (nothing picked, or the server refused); shown under the Run button. */
  runError = "";
  recordId = "";
  endpointId = "";
  purpose = "LlmInference";
  records = [];
  endpoints = [];
  context;
  result;
  running = false;
  dictionary = null;
  dictionaryLoaded = false;
  @wire(getSimulationRecords)
  wiredRecords({ data, error }) {
    if (data) {
      this.records = data;
      if (!this.recordId && data.length > 0) {
        this.recordId = data[0].id;
      }
    } else if (error) {
      this.showError(error);
    }
  }
  @wire(getLogFilterOptions)
  wiredOptions({ data, error }) {
    if (data) {
      this.endpoints = data.endpoints;
      if (!this.endpointId && data.endpoints.length > 0) {
        this.endpointId = data.endpoints[0].id;
      }
    } else if (error) {
      this.showError(error);
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
  get runDisabled() {
    return this.running || !this.recordId || !this.endpointId || !this.purpose;
  }
  handleText(event) {
    this.text = event.target.value ?? "";
    if (this.text.length <= MAX_SAMPLE_TEXT) {
      event.target.setCustomValidity?.("");
    }
  }
  handleRecord(event) {
    this.recordId = event.detail.value;
  }
  handleEndpoint(event) {
    this.endpointId = event.detail.value;
  }
  handlePurpose(event) {
    this.purpose = event.detail.value;
  }
  /** The name dictionary static resource; without it names are still caught from the record's own values. */
  async loadDictionary() {
    if (this.dictionaryLoaded) {
      return this.dictionary;
    }
    this.dictionaryLoaded = true;
    try {
      if (typeof fetch === "function" && NAME_DICTIONARY_URL) {
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
  async handleRun() {
    this.runError = "";
    if (this.runDisabled) {
      this.runError = PICK_ALL;
      return;
    }
    const field = this.template?.querySelector('[data-id="text"]');
    const tooLong = this.text.length > MAX_SAMPLE_TEXT ? formatLabel(
      TEXT_TOO_LONG,
      formatNumber(this.text.length, LOCALE),
      formatNumber(MAX_SAMPLE_TEXT, LOCALE)
    ) : "";
    field?.setCustomValidity(tooLong);
    field?.reportValidity();
    if (tooLong) {
      return;
    }
    this.running = true;
    try {
      const [context, dictionary] = await Promise.all([
        getSimulationContext({
          recordId: this.recordId,
          endpointId: this.endpointId,
          purpose: this.purpose
        }),
        this.loadDictionary()
      ]);
      this.context = context;
      this.result = simulate(context, this.text, dictionary);
    } catch (error) {
      this.showError(error);
    } finally {
      this.running = false;
    }
  }
  /** Enforce first, then Monitor: what each mode would decide, send and why (the gate's reason codes). */
  get views() {
    const result = this.result;
    if (!result) {
      return void 0;
    }
    return [result.enforce, result.monitor].map((decision) => this.decisionView(decision));
  }
  decisionView(decision) {
    const fields = [
      ...decision.fieldsSent.map((field) => ({
        key: `sent-${field.field}`,
        field: field.field,
        outcome: minimizationLabel(field.minimization)
      })),
      ...decision.droppedFields.map((field) => ({ key: `dropped-${field}`, field, outcome: O_DROPPED }))
    ];
    return {
      key: decision.mode,
      mode: formatLabel("{0}: {1}", MODE, decision.mode),
      decision: DECISION_LABELS[decision.outcome],
      badgeClass: decision.outcome === "Blocked" ? "slds-badge slds-theme_error" : decision.outcome === "Redacted" ? "slds-badge slds-theme_warning" : "slds-badge slds-theme_success",
      blocked: !decision.allowed,
      prompt: decision.allowed ? decision.text ?? "" : "",
      reasons: decision.reasons.map((code, index) => ({
        key: `${code}-${index}`,
        text: code,
        cssClass: decision.outcome === "Blocked" ? "slds-text-color_error" : ""
      })),
      fields
    };
  }
  /** A failed run is explained under the Run button; the next run replaces it instead of stacking up. */
  showError(error) {
    this.runError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
  }
}
