// Generated from canaryPanel.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, wire } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import getCanary from "@salesforce/apex/WardenCanaryController.getCanary";
import startOverride from "@salesforce/apex/WardenCanaryController.startOverride";
import endOverride from "@salesforce/apex/WardenCanaryController.endOverride";
import { formatDateTime, formatLabel, formatNumber, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.CanaryTitle";
import HELP from "@salesforce/label/c.CanaryHelp";
import EMPTY from "@salesforce/label/c.CanaryEmpty";
import ORG_MONITOR from "@salesforce/label/c.CanaryOrgMonitor";
import COL_WHO from "@salesforce/label/c.CanaryColWho";
import COL_SINCE from "@salesforce/label/c.CanaryColSince";
import COL_SET_BY from "@salesforce/label/c.CanaryColSetBy";
import COL_REASON from "@salesforce/label/c.CanaryColReason";
import COL_CALLS from "@salesforce/label/c.CanaryColCalls";
import COL_WOULD_BLOCK from "@salesforce/label/c.CanaryColWouldBlock";
import OVERDUE from "@salesforce/label/c.CanaryOverdue";
import TRUNCATED from "@salesforce/label/c.CanaryTruncated";
import USER from "@salesforce/label/c.CanaryUser";
import PROFILE from "@salesforce/label/c.CanaryProfile";
import START from "@salesforce/label/c.CanaryStart";
import END from "@salesforce/label/c.CanaryEnd";
import SUBJECT from "@salesforce/label/c.CanarySubject";
import REASON_REQUIRED from "@salesforce/label/c.CanaryReasonRequired";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
export default class CanaryPanel extends LightningElement {
  labels = {
    title: TITLE,
    empty: EMPTY,
    orgMonitor: ORG_MONITOR,
    who: COL_WHO,
    since: COL_SINCE,
    setBy: COL_SET_BY,
    reason: COL_REASON,
    calls: COL_CALLS,
    wouldBlock: COL_WOULD_BLOCK,
    loading: LOADING,
    errorTitle: ERROR_TITLE,
    start: START,
    end: END,
    subject: SUBJECT
  };
  overview;
  errorMessage;
  subjectId = "";
  reason = "";
  busy = false;
  @wire(getCanary)
  wiredCanary({ data, error }) {
    if (data) {
      this.overview = data;
      this.errorMessage = void 0;
    } else if (error) {
      this.overview = void 0;
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  get isLoading() {
    return !this.overview && !this.errorMessage;
  }
  get help() {
    return formatLabel(HELP, this.overview?.maxDays ?? "");
  }
  get orgInMonitor() {
    return this.overview?.orgMode === "Monitor";
  }
  get hasRows() {
    return (this.overview?.overrides ?? []).length > 0;
  }
  get truncatedNote() {
    const overview = this.overview;
    return overview?.truncated ? formatLabel(TRUNCATED, formatNumber(overview.scanned, LOCALE)) : null;
  }
  get startDisabled() {
    return this.busy || this.subjectId.trim() === "" || this.reason.trim() === "";
  }
  handleSubject(event) {
    this.subjectId = event.detail.value ?? "";
  }
  handleReason(event) {
    this.reason = event.detail.value ?? "";
  }
  /** Puts the entered user or profile in Monitor; the Apex checks the right to and records who did it. */
  async handleStart() {
    if (this.reason.trim() === "") {
      this.toastError(REASON_REQUIRED);
      return;
    }
    await this.change(async () => {
      this.overview = await startOverride({
        subjectId: this.subjectId.trim(),
        reason: this.reason.trim()
      });
      this.subjectId = "";
      this.reason = "";
    });
  }
  async handleEnd(event) {
    const overrideId = event.currentTarget.dataset.overrideId;
    await this.change(async () => {
      this.overview = await endOverride({ overrideId });
    });
  }
  async change(action) {
    this.busy = true;
    try {
      await action();
    } catch (error) {
      this.toastError(readableError(error, NEED_PERMISSION, GENERIC_ERROR).message);
    } finally {
      this.busy = false;
    }
  }
  toastError(message) {
    this.dispatchEvent(new ShowToastEvent({ title: ERROR_TITLE, message, variant: "error" }));
  }
  get rows() {
    const overview = this.overview;
    if (!overview) {
      return [];
    }
    return overview.overrides.map((row) => ({
      ...row,
      kind: row.subjectType === "Profile" ? PROFILE : USER,
      sinceText: formatDateTime(row.since, LOCALE, TIME_ZONE),
      callsText: formatNumber(row.monitorCalls, LOCALE),
      wouldBlockText: formatNumber(row.wouldHaveBlocked, LOCALE),
      overdueText: row.overdue ? formatLabel(OVERDUE, overview.maxDays) : null,
      rowClass: row.overdue ? "row_overdue" : ""
    }));
  }
}
