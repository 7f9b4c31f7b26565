// Generated from erasureRequests.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import getErasures from "@salesforce/apex/WardenErasureController.getErasures";
import requestErasure from "@salesforce/apex/WardenErasureController.requestErasure";
import decideErasure from "@salesforce/apex/WardenErasureController.decideErasure";
import {
  decisionNoteRefusal,
  receiptCounts,
  requestRefusal
} from "c/erasureRules";
import { formatDateTime, formatLabel, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.ErasureTitle";
import HELP from "@salesforce/label/c.ErasureHelp";
import ERASED_ITEMS from "@salesforce/label/c.ErasureWhatIsErased";
import KEPT_ITEMS from "@salesforce/label/c.ErasureWhatIsKept";
import DOCS from "@salesforce/label/c.ErasureDocs";
import FORM_TITLE from "@salesforce/label/c.ErasureFormTitle";
import SUBJECT from "@salesforce/label/c.ErasureSubject";
import SUBJECT_HELP from "@salesforce/label/c.ErasureSubjectHelp";
import SUBJECT_REQUIRED from "@salesforce/label/c.ErasureSubjectRequired";
import SUBJECT_INVALID from "@salesforce/label/c.ErasureSubjectInvalid";
import JUSTIFICATION from "@salesforce/label/c.ErasureJustification";
import JUSTIFICATION_HELP from "@salesforce/label/c.ErasureJustificationHelp";
import REQUEST from "@salesforce/label/c.ErasureRequest";
import REQUESTED_TOAST from "@salesforce/label/c.ErasureRequested";
import NO_REQUEST from "@salesforce/label/c.ErasureCannotRequest";
import LIST_TITLE from "@salesforce/label/c.ErasureListTitle";
import EMPTY from "@salesforce/label/c.ErasureEmpty";
import COL_REQUEST from "@salesforce/label/c.ErasureColRequest";
import COL_STATUS from "@salesforce/label/c.ErasureColStatus";
import COL_ASKED from "@salesforce/label/c.ErasureColAsked";
import COL_DECIDED from "@salesforce/label/c.ErasureColDecided";
import COL_RECEIPT from "@salesforce/label/c.ErasureColReceipt";
import STATUS_REQUESTED from "@salesforce/label/c.ErasureStatusRequested";
import STATUS_ERASED from "@salesforce/label/c.ErasureStatusErased";
import STATUS_REJECTED from "@salesforce/label/c.ErasureStatusRejected";
import RECEIPT_CHAINED from "@salesforce/label/c.ErasureReceiptChained";
import RECEIPT_PENDING from "@salesforce/label/c.ErasureReceiptPending";
import KEY_DESTROYED from "@salesforce/label/c.ErasureKeyDestroyed";
import NO_KEY from "@salesforce/label/c.ErasureNoKey";
import DECIDE from "@salesforce/label/c.ErasureDecide";
import DECIDE_TITLE from "@salesforce/label/c.ErasureDecideTitle";
import DECIDE_HELP from "@salesforce/label/c.ErasureDecideHelp";
import APPROVE from "@salesforce/label/c.ErasureApprove";
import REJECT from "@salesforce/label/c.ErasureReject";
import NOTE from "@salesforce/label/c.ErasureNote";
import NOTE_HELP from "@salesforce/label/c.ErasureNoteHelp";
import APPROVED_TOAST from "@salesforce/label/c.ErasureApproved";
import REJECTED_TOAST from "@salesforce/label/c.ErasureRejected";
import NO_PERMISSION from "@salesforce/label/c.ErasureNeedPermission";
import JUSTIFICATION_REQUIRED from "@salesforce/label/c.ErasureJustificationRequired";
import NOTE_REQUIRED from "@salesforce/label/c.GovernanceNoteRequired";
import CANCEL from "@salesforce/label/c.ConsoleCancel";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import SUCCESS_TITLE from "@salesforce/label/c.ConsoleSuccessTitle";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
const STATUS_TEXT = {
  Requested: STATUS_REQUESTED,
  Erased: STATUS_ERASED,
  Rejected: STATUS_REJECTED
};
const STATUS_CLASS = {
  Requested: "slds-badge slds-theme_warning",
  Erased: "slds-badge slds-theme_success",
  Rejected: "slds-badge"
};
export default class ErasureRequests extends LightningElement {
  labels = {
    title: TITLE,
    help: HELP,
    erasedItems: ERASED_ITEMS,
    keptItems: KEPT_ITEMS,
    docs: DOCS,
    formTitle: FORM_TITLE,
    subject: SUBJECT,
    subjectHelp: SUBJECT_HELP,
    justification: JUSTIFICATION,
    justificationHelp: JUSTIFICATION_HELP,
    request: REQUEST,
    noRequest: NO_REQUEST,
    listTitle: LIST_TITLE,
    empty: EMPTY,
    colRequest: COL_REQUEST,
    colStatus: COL_STATUS,
    colAsked: COL_ASKED,
    colDecided: COL_DECIDED,
    colReceipt: COL_RECEIPT,
    decideTitle: DECIDE_TITLE,
    decideHelp: DECIDE_HELP,
    approve: APPROVE,
    reject: REJECT,
    note: NOTE,
    noteHelp: NOTE_HELP,
    cancel: CANCEL,
    loading: LOADING,
    errorTitle: ERROR_TITLE,
    noPermission: NO_PERMISSION
  };
  overview;
  errorMessage;
  noPermission = false;
  subjectId = "";
  justification = "";
  note = "";
  deciding;
  busy = false;
  connectedCallback() {
    this.load();
  }
  async load() {
    try {
      this.overview = await getErasures();
      this.errorMessage = void 0;
    } catch (error) {
      this.show(void 0, error);
    }
  }
  get isLoading() {
    return !this.overview && !this.errorMessage && !this.noPermission;
  }
  get rows() {
    return (this.overview?.requests ?? []).map((row) => this.view(row));
  }
  get hasRows() {
    return (this.overview?.requests ?? []).length > 0;
  }
  get decideHeading() {
    return formatLabel(DECIDE_TITLE, this.deciding?.name ?? "");
  }
  view(row) {
    const counts = receiptCounts(row.receipt?.reasons ?? null);
    const receipt = row.receipt;
    let receiptText = "";
    if (receipt?.chained) {
      receiptText = formatLabel(
        RECEIPT_CHAINED,
        receipt.sequence,
        formatDateTime(receipt.loggedAt, LOCALE, TIME_ZONE),
        counts.keyDestroyed ? KEY_DESTROYED : NO_KEY,
        counts.consentsErased ?? 0
      );
    } else if (receipt) {
      receiptText = RECEIPT_PENDING;
    }
    return {
      ...row,
      statusText: STATUS_TEXT[row.status] ?? row.status,
      statusClass: STATUS_CLASS[row.status] ?? "slds-badge",
      askedAt: formatDateTime(row.requestedOn, LOCALE, TIME_ZONE),
      decidedAt: row.decidedOn ? formatDateTime(row.decidedOn, LOCALE, TIME_ZONE) : "",
      receiptText,
      receiptHash: receipt?.entryHash ?? "",
      decideLabel: formatLabel(DECIDE, row.name)
    };
  }
  handleSubject(event) {
    this.subjectId = event.detail.value ?? "";
    this.clearError(event);
  }
  handleJustification(event) {
    this.justification = event.detail.value ?? "";
    this.clearError(event);
  }
  handleNote(event) {
    this.note = event.detail.value ?? "";
    this.clearError(event);
  }
  async handleRequest() {
    const refusal = requestRefusal(this.subjectId, this.justification);
    if (refusal === "subjectRequired" || refusal === "subjectInvalid") {
      this.fieldError("subject", refusal === "subjectRequired" ? SUBJECT_REQUIRED : SUBJECT_INVALID);
      return;
    }
    if (refusal) {
      this.fieldError("justification", JUSTIFICATION_REQUIRED);
      return;
    }
    await this.send(
      () => requestErasure({ subjectId: this.subjectId.trim(), justification: this.justification.trim() }),
      "justification",
      REQUESTED_TOAST,
      () => {
        this.subjectId = "";
        this.justification = "";
      }
    );
  }
  handleDecide(event) {
    const id = event.currentTarget.dataset.requestId;
    this.deciding = this.overview?.requests.find((row) => row.id === id && row.canDecide);
    this.note = "";
    Promise.resolve().then(() => this.template?.querySelector('[data-field="note"]')?.focus());
  }
  handleCancel() {
    const id = this.deciding?.id;
    this.deciding = void 0;
    this.note = "";
    Promise.resolve().then(
      () => this.template?.querySelector(`[data-request-id="${id}"]`)?.focus()
    );
  }
  handlePanelKey(event) {
    if (event.key === "Escape") {
      event.stopPropagation();
      this.handleCancel();
    }
  }
  handleApprove() {
    return this.decide(true);
  }
  handleReject() {
    return this.decide(false);
  }
  async decide(approve) {
    const row = this.deciding;
    if (!row) {
      return;
    }
    if (decisionNoteRefusal(approve, this.note)) {
      this.fieldError("note", NOTE_REQUIRED);
      return;
    }
    const note = this.note.trim() === "" ? null : this.note.trim();
    await this.send(
      () => decideErasure({ requestId: row.id, approve, note }),
      "note",
      formatLabel(approve ? APPROVED_TOAST : REJECTED_TOAST, row.name),
      () => {
        this.deciding = void 0;
        this.note = "";
      }
    );
  }
  /** Sends one change; the answer is the new screen. A refusal shows on `field` and stays there. */
  async send(call, field, success, reset) {
    this.busy = true;
    try {
      this.overview = await call();
      reset();
      this.dispatchEvent(new ShowToastEvent({ title: SUCCESS_TITLE, message: success, variant: "success" }));
    } catch (error) {
      const readable = readableError(error, NO_PERMISSION, GENERIC_ERROR);
      if (readable.kind === "permission") {
        this.show(void 0, error);
      } else {
        this.fieldError(field, readable.message);
      }
    } finally {
      this.busy = false;
    }
  }
  show(overview, error) {
    const readable = readableError(error, NO_PERMISSION, GENERIC_ERROR);
    this.overview = overview;
    this.noPermission = readable.kind === "permission";
    this.errorMessage = this.noPermission ? void 0 : readable.message;
  }
  clearError(event) {
    event.target.setCustomValidity?.("");
  }
  fieldError(field, message) {
    const input = this.template?.querySelector(`[data-field="${field}"]`);
    if (input) {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }
}
