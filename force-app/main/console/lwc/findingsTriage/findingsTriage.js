// Generated from findingsTriage.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api, wire } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import getFindings from "@salesforce/apex/WardenFindingsController.getFindings";
import getFinding from "@salesforce/apex/WardenFindingsController.getFinding";
import getSlaSettings from "@salesforce/apex/WardenFindingsController.getSlaSettings";
import getAssignees from "@salesforce/apex/WardenFindingsController.getAssignees";
import updateFindings from "@salesforce/apex/WardenFindingsController.updateFindings";
import saveSlaSettings from "@salesforce/apex/WardenFindingsController.saveSlaSettings";
import { FINDING_CATEGORIES, FINDING_STATUSES, OPEN_FINDING_STATUSES, SEVERITIES } from "c/consoleContracts";
import {
  commonNextStatuses,
  nextStatuses,
  planBulkTransition,
  requiresJustification,
  MIN_JUSTIFICATION_LENGTH
} from "c/findingWorkflow";
import { DEFAULT_SLA, normaliseSla, slaState } from "c/slaCalculator";
import { formatDay, formatLabel, formatNumber, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.FindingsTitle";
import STATUS from "@salesforce/label/c.FindingsStatus";
import SEVERITY from "@salesforce/label/c.ConsoleSeverity";
import CATEGORY from "@salesforce/label/c.FindingsCategory";
import OPEN_ONLY from "@salesforce/label/c.FindingsOpenStatuses";
import ALL from "@salesforce/label/c.FindingsAllStatuses";
import ANY from "@salesforce/label/c.ConsoleAny";
import MINE from "@salesforce/label/c.FindingsAssignedToMe";
import OVERDUE_ONLY from "@salesforce/label/c.FindingsOverdueOnly";
import REFRESH from "@salesforce/label/c.FindingsRefresh";
import SELECTED from "@salesforce/label/c.FindingsSelected";
import BULK_TITLE from "@salesforce/label/c.FindingsBulkTitle";
import NEW_STATUS from "@salesforce/label/c.FindingsNewStatus";
import NO_CHANGE from "@salesforce/label/c.FindingsNoChange";
import ASSIGN_TO from "@salesforce/label/c.FindingsAssignTo";
import JUSTIFICATION from "@salesforce/label/c.FindingsJustification";
import JUSTIFICATION_HELP from "@salesforce/label/c.FindingsJustificationHelp";
import APPLY from "@salesforce/label/c.FindingsApply";
import NO_COMMON from "@salesforce/label/c.FindingsNoCommonStatus";
import UPDATED from "@salesforce/label/c.FindingsUpdated";
import REFUSED from "@salesforce/label/c.FindingsRefused";
import NOTHING from "@salesforce/label/c.FindingsNothingToApply";
import TRUNCATED from "@salesforce/label/c.FindingsTruncated";
import EMPTY from "@salesforce/label/c.FindingsEmpty";
import COL_NAME from "@salesforce/label/c.FindingsColName";
import COL_RULE from "@salesforce/label/c.FindingsColRule";
import COL_COMPONENT from "@salesforce/label/c.FindingsColComponent";
import COL_DUE from "@salesforce/label/c.ConsoleDueDate";
import COL_SLA from "@salesforce/label/c.FindingsColSla";
import COL_ASSIGNEE from "@salesforce/label/c.FindingsColAssignee";
import OPEN_DETAIL from "@salesforce/label/c.FindingsOpen";
import SLA_OVERDUE from "@salesforce/label/c.ConsoleOverdue";
import SLA_DUE_SOON from "@salesforce/label/c.FindingsSlaDueSoon";
import SLA_ON_TRACK from "@salesforce/label/c.FindingsSlaOnTrack";
import SLA_NONE from "@salesforce/label/c.FindingsSlaNone";
import SLA_CLOSED from "@salesforce/label/c.FindingsSlaClosed";
import SLA_TITLE from "@salesforce/label/c.FindingsSlaTitle";
import SLA_SUMMARY from "@salesforce/label/c.FindingsSlaSummary";
import SLA_EDIT from "@salesforce/label/c.FindingsSlaEdit";
import SLA_SAVE from "@salesforce/label/c.FindingsSlaSave";
import SLA_CANCEL from "@salesforce/label/c.ConsoleCancel";
import SLA_SAVED from "@salesforce/label/c.FindingsSlaSaved";
import SLA_INVALID from "@salesforce/label/c.FindingsSlaInvalid";
import DETAIL_MESSAGE from "@salesforce/label/c.FindingsDetailMessage";
import DETAIL_RULE from "@salesforce/label/c.FindingsDetailRule";
import DETAIL_FIX from "@salesforce/label/c.FindingsDetailFix";
import DETAIL_SNIPPET from "@salesforce/label/c.FindingsDetailSnippet";
import DETAIL_LINE from "@salesforce/label/c.FindingsDetailLine";
import DETAIL_MOVE from "@salesforce/label/c.FindingsDetailMove";
import DETAIL_NO_MOVE from "@salesforce/label/c.FindingsDetailNoMove";
import DETAIL_NO_RULE from "@salesforce/label/c.FindingsDetailNoRule";
import REASON_NOT_ALLOWED from "@salesforce/label/c.FindingsReasonNotAllowed";
import REASON_JUSTIFICATION from "@salesforce/label/c.FindingsReasonJustification";
import REASON_TOO_LONG from "@salesforce/label/c.FindingsReasonTooLong";
import STATUS_NEW from "@salesforce/label/c.FindingsStatusNew";
import STATUS_TRIAGED from "@salesforce/label/c.FindingsStatusTriaged";
import STATUS_IN_REMEDIATION from "@salesforce/label/c.FindingsStatusInRemediation";
import STATUS_RISK_ACCEPTED from "@salesforce/label/c.FindingsStatusRiskAccepted";
import STATUS_FALSE_POSITIVE from "@salesforce/label/c.FindingsStatusFalsePositive";
import STATUS_RESOLVED from "@salesforce/label/c.FindingsStatusResolved";
import CLOSE from "@salesforce/label/c.ConsoleClose";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import SUCCESS_TITLE from "@salesforce/label/c.ConsoleSuccessTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
export const STATUS_LABELS = {
  New: STATUS_NEW,
  Triaged: STATUS_TRIAGED,
  InRemediation: STATUS_IN_REMEDIATION,
  RiskAccepted: STATUS_RISK_ACCEPTED,
  FalsePositive: STATUS_FALSE_POSITIVE,
  Resolved: STATUS_RESOLVED
};
const SLA_LABELS = {
  overdue: SLA_OVERDUE,
  dueSoon: SLA_DUE_SOON,
  onTrack: SLA_ON_TRACK,
  none: SLA_NONE,
  closed: SLA_CLOSED
};
const SLA_CLASS = {
  overdue: "slds-text-color_error slds-text-title_bold",
  dueSoon: "sla_soon",
  onTrack: "slds-text-color_success",
  none: "slds-text-color_weak",
  closed: "slds-text-color_weak"
};
const REASONS = {
  notAllowed: REASON_NOT_ALLOWED,
  justificationRequired: REASON_JUSTIFICATION,
  justificationTooLong: REASON_TOO_LONG,
  unknownStatus: REASON_NOT_ALLOWED
};
export default class FindingsTriage extends LightningElement {
  labels = {
    title: TITLE,
    status: STATUS,
    severity: SEVERITY,
    category: CATEGORY,
    mine: MINE,
    overdueOnly: OVERDUE_ONLY,
    refresh: REFRESH,
    bulkTitle: BULK_TITLE,
    newStatus: NEW_STATUS,
    assignTo: ASSIGN_TO,
    justification: JUSTIFICATION,
    justificationHelp: JUSTIFICATION_HELP,
    apply: APPLY,
    noCommon: NO_COMMON,
    truncated: TRUNCATED,
    empty: EMPTY,
    slaTitle: SLA_TITLE,
    slaEdit: SLA_EDIT,
    slaSave: SLA_SAVE,
    slaCancel: SLA_CANCEL,
    critical: SEVERITIES[0],
    high: SEVERITIES[1],
    medium: SEVERITIES[2],
    low: SEVERITIES[3],
    detailMessage: DETAIL_MESSAGE,
    detailRule: DETAIL_RULE,
    detailFix: DETAIL_FIX,
    detailSnippet: DETAIL_SNIPPET,
    detailMove: DETAIL_MOVE,
    detailNoMove: DETAIL_NO_MOVE,
    detailNoRule: DETAIL_NO_RULE,
    close: CLOSE,
    loading: LOADING
  };
  statusFilter = "open";
  severityFilter = "";
  categoryFilter = "";
  assignedToMe = false;
  overdueOnly = false;
  list;
  isLoading = false;
  selectedIds = [];
  bulkStatus = "";
  bulkAssignee = "";
  justification = "";
  isSaving = false;
  detail;
  sla = { ...DEFAULT_SLA };
  editingSla = false;
  slaDraft = {};
  assignees = [];
  presetValue = null;
  connected = false;
  columns = [
    { label: COL_NAME, fieldName: "name", type: "text", initialWidth: 110 },
    { label: SEVERITY, fieldName: "severity", type: "text", initialWidth: 95 },
    { label: CATEGORY, fieldName: "category", type: "text", initialWidth: 120 },
    { label: COL_COMPONENT, fieldName: "component", type: "text" },
    { label: COL_RULE, fieldName: "rule", type: "text" },
    { label: STATUS, fieldName: "statusLabel", type: "text", initialWidth: 130 },
    {
      label: COL_DUE,
      fieldName: "dueDate",
      type: "date-local",
      initialWidth: 125,
      typeAttributes: { year: "numeric", month: "short", day: "2-digit" },
      cellAttributes: { class: { fieldName: "slaClass" } }
    },
    {
      label: COL_SLA,
      fieldName: "slaLabel",
      type: "text",
      initialWidth: 110,
      cellAttributes: { class: { fieldName: "slaClass" } }
    },
    { label: COL_ASSIGNEE, fieldName: "assignedToName", type: "text" },
    { type: "button", initialWidth: 90, typeAttributes: { label: OPEN_DETAIL, name: "open", variant: "base" } }
  ];
  @api
  get preset() {
    return this.presetValue;
  }
  set preset(value) {
    this.presetValue = value;
    if (value) {
      this.overdueOnly = !!value.overdueOnly;
      this.assignedToMe = !!value.assignedToMe;
      if (this.connected) {
        this.load();
      }
    }
  }
  @wire(getSlaSettings)
  wiredSla({ data, error }) {
    if (data) {
      this.sla = normaliseSla(data);
    } else if (error) {
      this.toastError(error);
    }
  }
  @wire(getAssignees)
  wiredAssignees({ data, error }) {
    if (data) {
      this.assignees = data;
    } else if (error) {
      this.toastError(error);
    }
  }
  connectedCallback() {
    this.connected = true;
    this.load();
  }
  disconnectedCallback() {
    this.connected = false;
  }
  // ---------------------------------------------------------------- queue
  get query() {
    return {
      statuses: this.statusFilter === "open" ? OPEN_FINDING_STATUSES : this.statusFilter === "all" ? null : [this.statusFilter],
      severities: this.severityFilter ? [this.severityFilter] : null,
      categories: this.categoryFilter ? [this.categoryFilter] : null,
      assignedToMe: this.assignedToMe,
      overdueOnly: this.overdueOnly
    };
  }
  async load() {
    this.isLoading = true;
    try {
      this.list = await getFindings({ query: this.query });
      const visible = new Set(this.list.rows.map((row) => row.id));
      this.selectedIds = this.selectedIds.filter((id) => visible.has(id));
    } catch (error) {
      this.toastError(error);
    } finally {
      this.isLoading = false;
    }
  }
  get rows() {
    const today = this.list?.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
    return (this.list?.rows ?? []).map((row) => {
      const state = slaState(row, today, this.sla);
      return {
        ...row,
        statusLabel: STATUS_LABELS[row.status] ?? row.status,
        slaLabel: SLA_LABELS[state],
        slaClass: SLA_CLASS[state],
        component: row.line ? `${row.componentName ?? ""}:${row.line}` : row.componentName ?? ""
      };
    });
  }
  get hasRows() {
    return (this.list?.rows.length ?? 0) > 0;
  }
  get showEmpty() {
    return !!this.list && !this.isLoading && this.list.rows.length === 0;
  }
  get statusOptions() {
    return [
      { label: OPEN_ONLY, value: "open" },
      { label: ALL, value: "all" },
      ...FINDING_STATUSES.map((status) => ({ label: STATUS_LABELS[status], value: status }))
    ];
  }
  get severityOptions() {
    return [{ label: ANY, value: "" }, ...SEVERITIES.map((value) => ({ label: value, value }))];
  }
  get categoryOptions() {
    return [{ label: ANY, value: "" }, ...FINDING_CATEGORIES.map((value) => ({ label: value, value }))];
  }
  handleStatusFilter(event) {
    this.statusFilter = event.detail.value;
    this.load();
  }
  handleSeverityFilter(event) {
    this.severityFilter = event.detail.value;
    this.load();
  }
  handleCategoryFilter(event) {
    this.categoryFilter = event.detail.value;
    this.load();
  }
  handleMine(event) {
    this.assignedToMe = event.target.checked;
    this.load();
  }
  handleOverdueOnly(event) {
    this.overdueOnly = event.target.checked;
    this.load();
  }
  handleRefresh() {
    this.load();
  }
  // ---------------------------------------------------------------- bulk actions
  handleRowSelection(event) {
    this.selectedIds = event.detail.selectedRows.map((row) => row.id);
    if (this.bulkStatus && !this.bulkStatusOptions.some((option) => option.value === this.bulkStatus)) {
      this.bulkStatus = "";
    }
  }
  get selectedRows() {
    const ids = new Set(this.selectedIds);
    return (this.list?.rows ?? []).filter((row) => ids.has(row.id));
  }
  get hasSelection() {
    return this.selectedIds.length > 0;
  }
  get selectionLabel() {
    return formatLabel(SELECTED, formatNumber(this.selectedIds.length, LOCALE));
  }
  get bulkStatusOptions() {
    const common = commonNextStatuses(this.selectedRows.map((row) => row.status));
    return [
      { label: NO_CHANGE, value: "" },
      ...common.map((status) => ({ label: STATUS_LABELS[status], value: status }))
    ];
  }
  get noCommonStatus() {
    return this.hasSelection && this.bulkStatusOptions.length === 1;
  }
  get assigneeOptions() {
    return [
      { label: NO_CHANGE, value: "" },
      ...this.assignees.map((user) => ({ label: user.name, value: user.id }))
    ];
  }
  get justificationRequired() {
    return !!this.bulkStatus && requiresJustification(this.bulkStatus);
  }
  get justificationMin() {
    return MIN_JUSTIFICATION_LENGTH;
  }
  get applyDisabled() {
    return !this.hasSelection || this.isSaving;
  }
  handleBulkStatus(event) {
    this.bulkStatus = event.detail.value;
  }
  handleBulkAssignee(event) {
    this.bulkAssignee = event.detail.value;
  }
  handleJustification(event) {
    this.justification = event.target.value ?? "";
  }
  async handleApply() {
    await this.apply(this.selectedRows, this.bulkStatus, this.justification, this.bulkAssignee);
  }
  /** Validates with the workflow first, sends only what may move, and reports both parts. */
  async apply(findings, status, justification, assigneeId) {
    if (findings.length === 0 || !status && !assigneeId && !justification.trim()) {
      this.toast(ERROR_TITLE, NOTHING, "warning");
      return;
    }
    const plan = status ? planBulkTransition(findings, status, justification) : { movable: findings, refused: [] };
    const refusedMessages = plan.refused.map(
      (item) => `${item.finding.name}: ${REASONS[item.reason] ?? item.reason}`
    );
    if (plan.movable.length === 0) {
      this.toast(
        ERROR_TITLE,
        formatLabel(REFUSED, formatNumber(plan.refused.length, LOCALE), refusedMessages.join(" · ")),
        "error"
      );
      return;
    }
    this.isSaving = true;
    try {
      const results = await updateFindings({
        findingIds: plan.movable.map((finding) => finding.id),
        status: status || null,
        justification: justification.trim() || null,
        assigneeId: assigneeId || null
      });
      const failed = results.filter((result) => !result.success);
      const names = new Map(findings.map((finding) => [finding.id, finding.name]));
      failed.forEach(
        (result) => refusedMessages.push(`${names.get(result.id) ?? result.id}: ${result.message ?? ""}`)
      );
      const updated = results.length - failed.length;
      if (updated > 0) {
        this.toast(SUCCESS_TITLE, formatLabel(UPDATED, formatNumber(updated, LOCALE)), "success");
      }
      if (refusedMessages.length > 0) {
        this.toast(
          ERROR_TITLE,
          formatLabel(REFUSED, formatNumber(refusedMessages.length, LOCALE), refusedMessages.join(" · ")),
          "error"
        );
      }
      this.bulkStatus = "";
      this.justification = "";
      this.bulkAssignee = "";
      await this.load();
      if (this.detail) {
        await this.openDetail(this.detail.id);
      }
    } catch (error) {
      this.toastError(error);
    } finally {
      this.isSaving = false;
    }
  }
  // ---------------------------------------------------------------- detail
  async handleRowAction(event) {
    await this.openDetail(event.detail.row.id);
  }
  async openDetail(findingId) {
    try {
      this.detail = await getFinding({ findingId });
    } catch (error) {
      this.toastError(error);
    }
  }
  handleCloseDetail() {
    this.detail = void 0;
  }
  get detailView() {
    const detail = this.detail;
    if (!detail) {
      return void 0;
    }
    const today = this.list?.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
    const state = slaState(detail, today, this.sla);
    const lines = (detail.snippet ?? "").split(/\r?\n/);
    const snippetStart = detail.line ?? 1;
    return {
      title: `${detail.name} · ${detail.rule}`,
      severity: detail.severity,
      status: STATUS_LABELS[detail.status] ?? detail.status,
      component: `${detail.componentType ?? ""} ${detail.componentName ?? ""}`,
      due: detail.dueDate ? `${formatDay(detail.dueDate, LOCALE)} · ${SLA_LABELS[state]}` : SLA_LABELS[state],
      dueClass: SLA_CLASS[state],
      message: detail.message ?? "",
      ruleTitle: detail.ruleTitle,
      ruleSummary: detail.ruleSummary,
      ruleDescription: detail.ruleDescription,
      hasRule: !!detail.ruleTitle,
      justification: detail.justification,
      hasSnippet: !!detail.snippet,
      lineLabel: detail.line ? formatLabel(DETAIL_LINE, formatNumber(detail.line, LOCALE)) : "",
      snippet: lines.map((text, index) => {
        const number = snippetStart + index;
        const flagged = index === 0 && detail.line !== null;
        return {
          key: `l${number}`,
          number,
          text: text || " ",
          cssClass: flagged ? "code__line code__line_flagged" : "code__line",
          flagged
        };
      }),
      moves: nextStatuses(detail.status).map((status) => ({
        value: status,
        label: STATUS_LABELS[status],
        needsJustification: requiresJustification(status)
      }))
    };
  }
  get hasMoves() {
    return (this.detailView?.moves.length ?? 0) > 0;
  }
  async handleMove(event) {
    const status = event.currentTarget.dataset.status ?? "";
    if (!this.detail) {
      return;
    }
    await this.apply([this.detail], status, this.justification, "");
  }
  // ---------------------------------------------------------------- SLA
  get slaSummary() {
    return formatLabel(
      SLA_SUMMARY,
      formatNumber(this.sla.critical, LOCALE),
      formatNumber(this.sla.high, LOCALE),
      formatNumber(this.sla.medium, LOCALE),
      formatNumber(this.sla.low, LOCALE)
    );
  }
  handleEditSla() {
    this.slaDraft = {
      critical: String(this.sla.critical),
      high: String(this.sla.high),
      medium: String(this.sla.medium),
      low: String(this.sla.low)
    };
    this.editingSla = true;
  }
  handleCancelSla() {
    this.editingSla = false;
  }
  handleSlaInput(event) {
    const target = event.target;
    this.slaDraft = { ...this.slaDraft, [target.dataset.severity ?? ""]: target.value };
  }
  async handleSaveSla() {
    let settings;
    try {
      settings = normaliseSla({
        critical: this.slaDraft.critical,
        high: this.slaDraft.high,
        medium: this.slaDraft.medium,
        low: this.slaDraft.low
      });
      if (Object.values(this.slaDraft).some((value) => value.trim() === "")) {
        throw new RangeError("blank");
      }
    } catch {
      this.toast(ERROR_TITLE, SLA_INVALID, "error");
      return;
    }
    try {
      this.sla = normaliseSla(await saveSlaSettings({ ...settings }));
      this.editingSla = false;
      this.toast(SUCCESS_TITLE, SLA_SAVED, "success");
      await this.load();
    } catch (error) {
      this.toastError(error);
    }
  }
  get tableClass() {
    return this.detail ? "slds-col slds-size_1-of-1 slds-large-size_7-of-12" : "slds-col slds-size_1-of-1";
  }
  get truncatedLabel() {
    return this.list?.truncated ? TRUNCATED : "";
  }
  // ---------------------------------------------------------------- toasts
  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
  toastError(error) {
    this.toast(ERROR_TITLE, readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, "error");
  }
}
