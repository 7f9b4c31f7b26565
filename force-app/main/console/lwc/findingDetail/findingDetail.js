// Generated from findingDetail.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import getFinding from "@salesforce/apex/WardenFindingsController.getFinding";
import updateFindings from "@salesforce/apex/WardenFindingsController.updateFindings";
import decideFinding from "@salesforce/apex/WardenFindingsController.decideFinding";
import extendDueDate from "@salesforce/apex/WardenFindingsController.extendDueDate";
import { OPEN_FINDING_STATUSES } from "c/consoleContracts";
import { checkTransition, justificationAfter, nextStatuses } from "c/findingWorkflow";
import {
  acceptanceBounds,
  closureRequestRefusal,
  decisionRefusal,
  MIN_NOTE,
  needsSecondPerson
} from "c/governance";
import { DEFAULT_SLA, slaState } from "c/slaCalculator";
import { STATUS_LABELS } from "c/consoleLabels";
import { formatDateTime, formatDay, formatLabel, formatNumber, readableError } from "c/consoleUtils";
import CLOSE from "@salesforce/label/c.ConsoleClose";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
import SUCCESS_TITLE from "@salesforce/label/c.ConsoleSuccessTitle";
import DUE from "@salesforce/label/c.ConsoleDueDate";
import COMPONENT from "@salesforce/label/c.FindingsColComponent";
import ASSIGNEE from "@salesforce/label/c.FindingsColAssignee";
import JUSTIFICATION from "@salesforce/label/c.FindingsJustification";
import JUSTIFICATION_HELP from "@salesforce/label/c.FindingsJustificationHelp";
import DETAIL_MESSAGE from "@salesforce/label/c.FindingsDetailMessage";
import DETAIL_RULE from "@salesforce/label/c.FindingsDetailRule";
import DETAIL_FIX from "@salesforce/label/c.FindingsDetailFix";
import DETAIL_SNIPPET from "@salesforce/label/c.FindingsDetailSnippet";
import DETAIL_LINE from "@salesforce/label/c.FindingsDetailLine";
import DETAIL_MOVE from "@salesforce/label/c.FindingsDetailMove";
import DETAIL_NO_MOVE from "@salesforce/label/c.FindingsDetailNoMove";
import DETAIL_NO_RULE from "@salesforce/label/c.FindingsDetailNoRule";
import SLA_OVERDUE from "@salesforce/label/c.ConsoleOverdue";
import SLA_DUE_SOON from "@salesforce/label/c.FindingsSlaDueSoon";
import SLA_ON_TRACK from "@salesforce/label/c.FindingsSlaOnTrack";
import SLA_NONE from "@salesforce/label/c.FindingsSlaNone";
import SLA_CLOSED from "@salesforce/label/c.FindingsSlaClosed";
import UPDATED from "@salesforce/label/c.FindingsUpdated";
import UNTIL from "@salesforce/label/c.FindingsAcceptedUntil";
import UNTIL_HELP from "@salesforce/label/c.FindingsAcceptedUntilHelp";
import APPROVED_BY from "@salesforce/label/c.FindingsApprovedBy";
import ASK_FOR from "@salesforce/label/c.FindingsAskFor";
import ASK_FOR_TITLE from "@salesforce/label/c.FindingsAskForTitle";
import PENDING from "@salesforce/label/c.FindingsPendingBadge";
import REQUEST_TEXT from "@salesforce/label/c.FindingsRequestText";
import REQUESTED_TOAST from "@salesforce/label/c.FindingsRequestedToast";
import OWN_REQUEST from "@salesforce/label/c.FlowsOwnRequest";
import NEED_APPROVER from "@salesforce/label/c.FlowsNeedApprover";
import DECISION_NOTE from "@salesforce/label/c.FlowsDecisionNote";
import DECISION_NOTE_HELP from "@salesforce/label/c.FindingsDecisionNoteHelp";
import APPROVE from "@salesforce/label/c.FlowsApprove";
import REJECT from "@salesforce/label/c.FlowsReject";
import EXTEND from "@salesforce/label/c.FindingsExtendTitle";
import NEW_DUE from "@salesforce/label/c.FindingsNewDueDate";
import EXTEND_REASON from "@salesforce/label/c.FindingsExtendReason";
import EXTEND_BUTTON from "@salesforce/label/c.FindingsExtendButton";
import EXTENDED_TOAST from "@salesforce/label/c.FindingsExtendedToast";
import DUE_INVALID from "@salesforce/label/c.FindingsDueDateInvalid";
import REASON_NOT_ALLOWED from "@salesforce/label/c.FindingsReasonNotAllowed";
import GOV_JUSTIFICATION from "@salesforce/label/c.FindingsReasonJustification";
import GOV_TOO_LONG from "@salesforce/label/c.FindingsReasonTooLong";
import GOV_EXPIRY from "@salesforce/label/c.GovernanceExpiryOutOfRange";
import GOV_NOTE from "@salesforce/label/c.GovernanceNoteRequired";
import GOV_SAME_USER from "@salesforce/label/c.GovernanceSameUser";
import GOV_NOT_APPROVER from "@salesforce/label/c.GovernanceNotApprover";
import GOV_ALREADY from "@salesforce/label/c.GovernanceAlreadyRequested";
import GOV_NOTHING from "@salesforce/label/c.GovernanceNothingRequested";
const SLA_LABELS = {
  overdue: SLA_OVERDUE,
  dueSoon: SLA_DUE_SOON,
  onTrack: SLA_ON_TRACK,
  none: SLA_NONE,
  closed: SLA_CLOSED
};
const REFUSALS = {
  unknownStatus: REASON_NOT_ALLOWED,
  notAllowed: REASON_NOT_ALLOWED,
  justificationRequired: GOV_JUSTIFICATION,
  justificationTooLong: GOV_TOO_LONG,
  expiryRequired: GOV_EXPIRY,
  expiryOutOfRange: GOV_EXPIRY,
  noteRequired: GOV_NOTE,
  sameUser: GOV_SAME_USER,
  notApprover: GOV_NOT_APPROVER,
  alreadyRequested: GOV_ALREADY,
  nothingRequested: GOV_NOTHING
};
const REFUSAL_FIELD = {
  justificationRequired: "justification",
  justificationTooLong: "justification",
  expiryRequired: "until",
  expiryOutOfRange: "until",
  noteRequired: "note"
};
export default class FindingDetail extends LightningElement {
  labels = {
    close: CLOSE,
    loading: LOADING,
    component: COMPONENT,
    due: DUE,
    assignee: ASSIGNEE,
    justification: JUSTIFICATION,
    justificationHelp: JUSTIFICATION_HELP,
    message: DETAIL_MESSAGE,
    rule: DETAIL_RULE,
    fix: DETAIL_FIX,
    snippet: DETAIL_SNIPPET,
    move: DETAIL_MOVE,
    noMove: DETAIL_NO_MOVE,
    noRule: DETAIL_NO_RULE,
    until: UNTIL,
    untilHelp: UNTIL_HELP,
    approvedBy: APPROVED_BY,
    ownRequest: OWN_REQUEST,
    needApprover: NEED_APPROVER,
    decisionNote: DECISION_NOTE,
    decisionNoteHelp: DECISION_NOTE_HELP,
    approve: APPROVE,
    reject: REJECT,
    extend: EXTEND,
    newDue: NEW_DUE,
    extendReason: EXTEND_REASON,
    extendButton: EXTEND_BUTTON
  };
  @api currentUserId = "";
  @api canApprove = false;
  @api today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  @api sla = { ...DEFAULT_SLA };
  finding;
  loadError = "";
  actionError = "";
  justification = "";
  note = "";
  until = "";
  newDue = "";
  extendReason = "";
  busy = false;
  shownId = "";
  @api
  get findingId() {
    return this.shownId;
  }
  set findingId(value) {
    if (value && value !== this.shownId) {
      this.shownId = value;
      this.finding = void 0;
      this.resetDrafts();
      this.load().catch(() => void 0);
    }
  }
  @api
  focusHeading() {
    this.template?.querySelector("h2")?.focus();
  }
  @api
  async reload() {
    await this.load();
  }
  async load() {
    try {
      this.finding = await getFinding({ findingId: this.shownId });
      this.loadError = "";
    } catch (error) {
      this.loadError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  resetDrafts() {
    this.justification = "";
    this.note = "";
    this.until = "";
    this.newDue = "";
    this.extendReason = "";
    this.actionError = "";
  }
  get isLoading() {
    return !this.finding && !this.loadError;
  }
  get heading() {
    return this.finding ? `${this.finding.name} · ${this.finding.rule}` : "";
  }
  get bounds() {
    return acceptanceBounds(this.today);
  }
  get view() {
    const finding = this.finding;
    if (!finding) {
      return void 0;
    }
    const state = slaState(finding, this.today, this.sla);
    const lines = (finding.snippet ?? "").split(/\r?\n/);
    const start = finding.line ?? 1;
    const pending = !!finding.requestedStatus;
    const ownRequest = pending && finding.requestedById === this.currentUserId;
    const moves = pending ? [] : nextStatuses(finding.status);
    return {
      ...finding,
      severityClass: `slds-badge severity_${finding.severity}`,
      statusLabel: STATUS_LABELS[finding.status] ?? finding.status,
      slaLabel: SLA_LABELS[state],
      slaClass: `slds-badge sla_${state}`,
      component: `${finding.componentType ?? ""} ${finding.componentName ?? ""}`.trim(),
      dueText: finding.dueDate ? formatDay(finding.dueDate, LOCALE) : "—",
      assignee: finding.assignedToName ?? "—",
      untilText: formatDay(finding.riskAcceptedUntil, LOCALE),
      approvedText: `${finding.approvedByName ?? ""}, ${formatDateTime(finding.approvedOn, LOCALE, TIME_ZONE)}`,
      message: finding.message ?? "",
      hasRule: !!finding.ruleTitle,
      hasSnippet: !!finding.snippet,
      lineLabel: finding.line ? formatLabel(DETAIL_LINE, formatNumber(finding.line, LOCALE)) : "",
      snippet: lines.map((text, index) => {
        const number = start + index;
        const flagged = index === 0 && finding.line !== null;
        return {
          key: `l${number}`,
          number,
          text: text || " ",
          cssClass: flagged ? "code__line code__line_flagged" : "code__line",
          flagged
        };
      }),
      pendingLabel: formatLabel(PENDING, STATUS_LABELS[finding.requestedStatus ?? ""] ?? ""),
      requestText: pending ? formatLabel(
        REQUEST_TEXT,
        finding.requestedByName ?? "—",
        STATUS_LABELS[finding.requestedStatus ?? ""] ?? "",
        formatDateTime(finding.requestedOn, LOCALE, TIME_ZONE)
      ) : "",
      ownRequest,
      canDecide: pending && !ownRequest && this.canApprove,
      waitingForApprover: pending && !ownRequest && !this.canApprove,
      hasMoves: moves.length > 0,
      canAccept: moves.includes("RiskAccepted"),
      moves: moves.map((status) => {
        const fourEyes = needsSecondPerson(finding.severity, status);
        return {
          value: status,
          label: fourEyes ? formatLabel(ASK_FOR, STATUS_LABELS[status]) : STATUS_LABELS[status],
          title: fourEyes ? ASK_FOR_TITLE : STATUS_LABELS[status]
        };
      }),
      open: OPEN_FINDING_STATUSES.includes(finding.status)
    };
  }
  handleJustification(event) {
    this.justification = event.detail.value ?? "";
    this.clearError(event);
  }
  handleNote(event) {
    this.note = event.detail.value ?? "";
    this.clearError(event);
  }
  handleUntil(event) {
    this.until = event.detail.value ?? "";
    this.clearError(event);
  }
  handleNewDue(event) {
    this.newDue = event.detail.value ?? "";
    this.clearError(event);
  }
  handleExtendReason(event) {
    this.extendReason = event.detail.value ?? "";
    this.clearError(event);
  }
  clearError(event) {
    event.target.setCustomValidity?.("");
    this.actionError = "";
  }
  handleKeyDown(event) {
    if (event.key === "Escape") {
      event.stopPropagation();
      this.handleClose();
    }
  }
  handleClose() {
    this.dispatchEvent(new CustomEvent("close"));
  }
  async handleMove(event) {
    const finding = this.finding;
    const status = event.currentTarget.dataset.status ?? "";
    const after = justificationAfter(this.justification, finding.justification);
    const fourEyes = needsSecondPerson(finding.severity, status);
    let refusal;
    if (fourEyes) {
      refusal = closureRequestRefusal({
        status: finding.status,
        requestedStatus: finding.requestedStatus,
        to: status,
        justification: after,
        until: this.until || null,
        today: this.today
      });
    } else {
      const check = checkTransition(finding.status, status, after);
      refusal = check.allowed ? null : check.reason;
    }
    await this.step(refusal, async () => {
      const [result] = await updateFindings({
        findingIds: [finding.id],
        status,
        justification: this.justification.trim() || null,
        assigneeId: null,
        riskAcceptedUntil: status === "RiskAccepted" ? this.until || null : null
      });
      if (!result.success) {
        throw new Error(result.message ?? GENERIC_ERROR);
      }
      return result.pending ? REQUESTED_TOAST : formatLabel(UPDATED, formatNumber(1, LOCALE));
    });
  }
  async handleApprove() {
    await this.decide(true);
  }
  async handleReject() {
    await this.decide(false);
  }
  async decide(approve) {
    const finding = this.finding;
    const refusal = decisionRefusal({
      requestedBy: finding.requestedById,
      actor: this.currentUserId,
      isApprover: this.canApprove,
      approve,
      note: this.note
    });
    await this.step(refusal, async () => {
      await decideFinding({ findingId: finding.id, approve, note: this.note.trim() || null });
      return formatLabel(UPDATED, formatNumber(1, LOCALE));
    });
  }
  async handleExtend() {
    const finding = this.finding;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.newDue) || this.newDue < this.today) {
      this.refuse(DUE_INVALID, "due");
      return;
    }
    const refusal = this.extendReason.trim().length < MIN_NOTE ? "noteRequired" : null;
    if (refusal) {
      this.refuse(GOV_NOTE, "reason");
      return;
    }
    await this.step(null, async () => {
      await extendDueDate({ findingId: finding.id, dueDate: this.newDue, reason: this.extendReason.trim() });
      return formatLabel(EXTENDED_TOAST, formatDay(this.newDue, LOCALE));
    });
  }
  /** Refuses at the field concerned, or sends the step, reloads the finding and tells the parent. */
  async step(refusal, send) {
    if (refusal !== null) {
      this.refuse(REFUSALS[refusal] ?? GENERIC_ERROR, REFUSAL_FIELD[refusal]);
      return;
    }
    this.busy = true;
    try {
      const message = await send();
      await this.load();
      this.resetDrafts();
      this.dispatchEvent(new CustomEvent("findingchange", { detail: { finding: this.finding } }));
      this.dispatchEvent(new ShowToastEvent({ title: SUCCESS_TITLE, message, variant: "success" }));
    } catch (error) {
      this.refuse(readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, void 0);
    } finally {
      this.busy = false;
    }
  }
  refuse(message, field) {
    this.actionError = message;
    const input = field ? this.template?.querySelector(`[data-field="${field}"]`) : null;
    if (input) {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }
}
