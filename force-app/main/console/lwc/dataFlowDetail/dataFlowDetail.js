// Generated from dataFlowDetail.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import getDataFlow from "@salesforce/apex/WardenDataFlowController.getDataFlow";
import requestApproval from "@salesforce/apex/WardenDataFlowController.requestApproval";
import decideApproval from "@salesforce/apex/WardenDataFlowController.decideApproval";
import reviewFlow from "@salesforce/apex/WardenDataFlowController.reviewFlow";
import {
  flowDecisionRefusal,
  flowRequestRefusal,
  reviewRefusal
} from "c/governance";
import { minimizationLabel, PROBLEM_LABELS } from "c/consoleLabels";
import { formatDateTime, formatDay, formatLabel, readableError } from "c/consoleUtils";
import CLOSE from "@salesforce/label/c.ConsoleClose";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
import SUCCESS_TITLE from "@salesforce/label/c.ConsoleSuccessTitle";
import PURPOSE from "@salesforce/label/c.ConsolePurpose";
import ENDPOINT from "@salesforce/label/c.ConsoleEndpoint";
import SOURCE from "@salesforce/label/c.FlowsColSource";
import NEXT_REVIEW from "@salesforce/label/c.FlowsNextReview";
import APPROVE from "@salesforce/label/c.FlowsApprove";
import REVIEW from "@salesforce/label/c.FlowsReview";
import APPROVED_TOAST from "@salesforce/label/c.FlowsApprovedToast";
import REVIEWED_TOAST from "@salesforce/label/c.FlowsReviewedToast";
import STATE_APPROVED from "@salesforce/label/c.FlowsStateApproved";
import STATE_PROPOSED from "@salesforce/label/c.FlowsStateProposed";
import STATE_SUSPENDED from "@salesforce/label/c.FlowsStateSuspended";
import MINIMIZATION from "@salesforce/label/c.FlowsMinimization";
import APPROVED_BY from "@salesforce/label/c.FlowsApprovedBy";
import REVIEWED_BY from "@salesforce/label/c.FlowsReviewedBy";
import BY_ON from "@salesforce/label/c.FlowsByOn";
import STANDING from "@salesforce/label/c.FlowsStanding";
import STANDING_OK from "@salesforce/label/c.FlowsStandingOk";
import JUSTIFICATION from "@salesforce/label/c.FlowsJustification";
import JUSTIFICATION_HELP from "@salesforce/label/c.FlowsJustificationHelp";
import OVERRIDE_REASON from "@salesforce/label/c.FlowsOverrideReason";
import REQUEST from "@salesforce/label/c.FlowsRequestApproval";
import REQUEST_TEXT from "@salesforce/label/c.FlowsRequestText";
import OWN_REQUEST from "@salesforce/label/c.FlowsOwnRequest";
import NEED_APPROVER from "@salesforce/label/c.FlowsNeedApprover";
import OVERRIDE_SHORTFALL from "@salesforce/label/c.FlowsOverrideShortfall";
import DECISION_NOTE from "@salesforce/label/c.FlowsDecisionNote";
import DECISION_NOTE_HELP from "@salesforce/label/c.FlowsDecisionNoteHelp";
import REJECT from "@salesforce/label/c.FlowsReject";
import REVIEW_NOTE from "@salesforce/label/c.FlowsReviewNote";
import REVIEW_NOTE_HELP from "@salesforce/label/c.FlowsReviewNoteHelp";
import PENDING_BADGE from "@salesforce/label/c.FlowsPendingBadge";
import OVERRIDE_BADGE from "@salesforce/label/c.FlowsOverrideBadge";
import REQUESTED_TOAST from "@salesforce/label/c.FlowsRequestedToast";
import REJECTED_TOAST from "@salesforce/label/c.FlowsRejectedToast";
import CANNOT_DECIDE from "@salesforce/label/c.FlowsCannotDecide";
import GOV_JUSTIFICATION from "@salesforce/label/c.GovernanceJustificationRequired";
import GOV_NOTE from "@salesforce/label/c.GovernanceNoteRequired";
import GOV_SUSPENDED from "@salesforce/label/c.GovernanceEndpointSuspended";
import GOV_FALLS_SHORT from "@salesforce/label/c.GovernanceEndpointFallsShort";
import GOV_SAME_USER from "@salesforce/label/c.GovernanceSameUser";
import GOV_NOT_APPROVER from "@salesforce/label/c.GovernanceNotApprover";
import GOV_ALREADY from "@salesforce/label/c.GovernanceAlreadyRequested";
import GOV_NOTHING from "@salesforce/label/c.GovernanceNothingRequested";
const REFUSALS = {
  notAllowed: CANNOT_DECIDE,
  justificationRequired: GOV_JUSTIFICATION,
  justificationTooLong: GOV_JUSTIFICATION,
  noteRequired: GOV_NOTE,
  endpointSuspended: GOV_SUSPENDED,
  endpointFallsShort: GOV_FALLS_SHORT,
  sameUser: GOV_SAME_USER,
  notApprover: GOV_NOT_APPROVER,
  alreadyRequested: GOV_ALREADY,
  nothingRequested: GOV_NOTHING
};
const REFUSAL_FIELD = {
  justificationRequired: "justification",
  justificationTooLong: "justification",
  noteRequired: "note",
  endpointFallsShort: "override"
};
const STATUS_LABELS = {
  Approved: STATE_APPROVED,
  Proposed: STATE_PROPOSED,
  Suspended: STATE_SUSPENDED
};
export default class DataFlowDetail extends LightningElement {
  labels = {
    close: CLOSE,
    loading: LOADING,
    purpose: PURPOSE,
    endpoint: ENDPOINT,
    source: SOURCE,
    minimization: MINIMIZATION,
    approved: APPROVED_BY,
    reviewed: REVIEWED_BY,
    nextReview: NEXT_REVIEW,
    standing: STANDING,
    standingOk: STANDING_OK,
    justification: JUSTIFICATION,
    justificationHelp: JUSTIFICATION_HELP,
    overrideReason: OVERRIDE_REASON,
    request: REQUEST,
    ownRequest: OWN_REQUEST,
    needApprover: NEED_APPROVER,
    overrideShortfall: OVERRIDE_SHORTFALL,
    decisionNote: DECISION_NOTE,
    decisionNoteHelp: DECISION_NOTE_HELP,
    approve: APPROVE,
    reject: REJECT,
    reviewNote: REVIEW_NOTE,
    reviewNoteHelp: REVIEW_NOTE_HELP,
    review: REVIEW,
    pendingBadge: PENDING_BADGE,
    overrideBadge: OVERRIDE_BADGE
  };
  @api currentUserId = "";
  @api canApprove = false;
  flow;
  loadError = "";
  actionError = "";
  draft = "";
  overrideShortfall = false;
  busy = false;
  shownFlowId = "";
  @api
  get flowId() {
    return this.shownFlowId;
  }
  set flowId(value) {
    if (value && value !== this.shownFlowId) {
      this.shownFlowId = value;
      this.flow = void 0;
      this.draft = "";
      this.actionError = "";
      this.overrideShortfall = false;
      this.load().catch(() => void 0);
    }
  }
  @api
  focusHeading() {
    this.template?.querySelector("h2")?.focus();
  }
  async load() {
    try {
      this.flow = await getDataFlow({ flowId: this.shownFlowId });
      this.loadError = "";
    } catch (error) {
      this.loadError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  get isLoading() {
    return !this.flow && !this.loadError;
  }
  get heading() {
    return this.flow ? `${this.flow.name} · ${this.flow.sourceObject}.${this.flow.sourceField}` : "";
  }
  get problems() {
    return this.flow?.endpointProblems ?? [];
  }
  get view() {
    const flow = this.flow;
    if (!flow) {
      return void 0;
    }
    const pending = !!flow.requestedById;
    const ownRequest = pending && flow.requestedById === this.currentUserId;
    const byOn = (name, at) => {
      return name || at ? formatLabel(BY_ON, name ?? "—", formatDateTime(at, LOCALE, TIME_ZONE)) : "—";
    };
    return {
      ...flow,
      source: `${flow.sourceObject}.${flow.sourceField}`,
      statusLabel: STATUS_LABELS[flow.status] ?? flow.status,
      statusClass: `slds-badge badge_${flow.status.toLowerCase()}`,
      approvedText: flow.status === "Approved" ? byOn(flow.approvedByName, flow.approvedOn) : "—",
      reviewedText: byOn(flow.reviewedByName, flow.reviewedOn),
      minimizationText: minimizationLabel(flow.minimization),
      nextReviewText: flow.nextReview ? formatDay(flow.nextReview, LOCALE) : "—",
      problems: this.problems.map((code) => ({ code, label: PROBLEM_LABELS[code] ?? code })),
      hasProblems: this.problems.length > 0,
      pending,
      ownRequest,
      requestText: pending ? formatLabel(
        REQUEST_TEXT,
        flow.requestedByName ?? "—",
        formatDateTime(flow.requestedOn, LOCALE, TIME_ZONE)
      ) : "",
      canRequest: !pending && (flow.status === "Proposed" || flow.status === "Suspended"),
      canDecide: pending && !ownRequest && this.canApprove,
      waitingForApprover: pending && !ownRequest && !this.canApprove,
      overridable: this.problems.length > 0 && !this.problems.includes("suspended"),
      canReview: flow.status === "Approved"
    };
  }
  handleDraft(event) {
    this.draft = event.detail.value;
    event.target.setCustomValidity("");
    this.actionError = "";
  }
  handleOverride(event) {
    this.overrideShortfall = event.detail.checked;
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
  async handleRequest() {
    const flow = this.flow;
    await this.step(
      flowRequestRefusal({ status: flow.status, requestedBy: flow.requestedById }, this.draft),
      () => requestApproval({ flowId: flow.id, justification: this.draft }),
      REQUESTED_TOAST
    );
  }
  async handleApprove() {
    await this.decide(true);
  }
  async handleReject() {
    await this.decide(false);
  }
  async decide(approve) {
    const flow = this.flow;
    const refusal = flowDecisionRefusal({
      requestedBy: flow.requestedById,
      actor: this.currentUserId,
      isApprover: this.canApprove,
      approve,
      note: this.draft,
      overrideShortfall: this.overrideShortfall,
      problems: this.problems
    });
    await this.step(
      refusal,
      () => decideApproval({
        flowId: flow.id,
        approve,
        note: this.draft,
        overrideShortfall: this.overrideShortfall
      }),
      approve ? APPROVED_TOAST : REJECTED_TOAST
    );
  }
  async handleReview() {
    const flow = this.flow;
    await this.step(
      reviewRefusal(flow.status, this.draft),
      () => reviewFlow({ flowId: flow.id, note: this.draft }),
      REVIEWED_TOAST
    );
  }
  /** Refuses at the field concerned, or sends the step and shows the flow as it is afterwards. */
  async step(refusal, send, success) {
    if (refusal !== null) {
      this.refuse(REFUSALS[refusal] ?? GENERIC_ERROR, REFUSAL_FIELD[refusal]);
      return;
    }
    this.busy = true;
    try {
      const updated = await send();
      this.flow = updated;
      this.draft = "";
      this.overrideShortfall = false;
      this.actionError = "";
      this.dispatchEvent(new CustomEvent("flowchange", { detail: { flow: updated } }));
      this.dispatchEvent(
        new ShowToastEvent({
          title: SUCCESS_TITLE,
          message: formatLabel(
            success,
            `${updated.sourceObject}.${updated.sourceField}`,
            updated.endpointName ?? "",
            formatDay(updated.nextReview, LOCALE)
          ),
          variant: "success"
        })
      );
    } catch (error) {
      this.refuse(readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, void 0);
    } finally {
      this.busy = false;
    }
  }
  refuse(message, field) {
    this.actionError = message;
    const input = field ? this.template?.querySelector(`[data-field="${field}"]`) : null;
    if (input && field !== "override") {
      input.setCustomValidity(message);
      input.reportValidity();
    }
  }
}
