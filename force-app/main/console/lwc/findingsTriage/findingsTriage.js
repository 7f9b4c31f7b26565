// Generated from findingsTriage.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api, wire } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import getFindings from "@salesforce/apex/WardenFindingsController.getFindings";
import getSlaSettings from "@salesforce/apex/WardenFindingsController.getSlaSettings";
import getAssignees from "@salesforce/apex/WardenFindingsController.getAssignees";
import updateFindings from "@salesforce/apex/WardenFindingsController.updateFindings";
import saveSlaSettings from "@salesforce/apex/WardenFindingsController.saveSlaSettings";
import { FINDING_CATEGORIES, FINDING_STATUSES, OPEN_FINDING_STATUSES, SEVERITIES } from "c/consoleContracts";
import {
  commonNextStatuses,
  planBulkTransition,
  requiresJustification,
  MIN_JUSTIFICATION_LENGTH
} from "c/findingWorkflow";
import { acceptanceBounds, closureRequestRefusal, needsSecondPerson } from "c/governance";
import { DEFAULT_SLA, normaliseSla, slaState } from "c/slaCalculator";
import { STATUS_LABELS } from "c/consoleLabels";
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
import REASON_NOT_ALLOWED from "@salesforce/label/c.FindingsReasonNotAllowed";
import REASON_JUSTIFICATION from "@salesforce/label/c.FindingsReasonJustification";
import REASON_TOO_LONG from "@salesforce/label/c.FindingsReasonTooLong";
import REASON_EXPIRY from "@salesforce/label/c.GovernanceExpiryOutOfRange";
import REASON_ALREADY from "@salesforce/label/c.GovernanceAlreadyRequested";
import REQUESTED from "@salesforce/label/c.FindingsRequestedToast";
import PENDING from "@salesforce/label/c.FindingsPendingBadge";
import UNTIL from "@salesforce/label/c.FindingsBulkUntil";
import UNTIL_HELP from "@salesforce/label/c.FindingsAcceptedUntilHelp";
import SELECT_ALL from "@salesforce/label/c.FindingsSelectAll";
import SELECT_ONE from "@salesforce/label/c.FindingsSelectOne";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import SUCCESS_TITLE from "@salesforce/label/c.ConsoleSuccessTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
const SLA_LABELS = {
  overdue: SLA_OVERDUE,
  dueSoon: SLA_DUE_SOON,
  onTrack: SLA_ON_TRACK,
  none: SLA_NONE,
  closed: SLA_CLOSED
};
const REASONS = {
  notAllowed: REASON_NOT_ALLOWED,
  justificationRequired: REASON_JUSTIFICATION,
  justificationTooLong: REASON_TOO_LONG,
  unknownStatus: REASON_NOT_ALLOWED,
  expiryRequired: REASON_EXPIRY,
  expiryOutOfRange: REASON_EXPIRY,
  alreadyRequested: REASON_ALREADY
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
    colName: COL_NAME,
    colRule: COL_RULE,
    colComponent: COL_COMPONENT,
    colDue: COL_DUE,
    colSla: COL_SLA,
    colAssignee: COL_ASSIGNEE,
    open: OPEN_DETAIL,
    until: UNTIL,
    untilHelp: UNTIL_HELP,
    selectAll: SELECT_ALL,
    loading: LOADING
  };
  statusFilter = "open";
  severityFilter = "";
  categoryFilter = "";
  assignedToMe = false;
  overdueOnly = false;
  list;
  isLoading = false;
  loadError = "";
  selectedIds = [];
  bulkStatus = "";
  bulkAssignee = "";
  bulkUntil = "";
  bulkMessages = [];
  justification = "";
  isSaving = false;
  openFindingId = null;
  sla = { ...DEFAULT_SLA };
  editingSla = false;
  slaError = "";
  slaDraft = {};
  assignees = [];
  presetValue = null;
  connected = false;
  focusDetail = false;
  @api
  get preset() {
    return this.presetValue;
  }
  set preset(value) {
    this.presetValue = value;
    if (value) {
      this.overdueOnly = !!value.overdueOnly;
      this.assignedToMe = !!value.assignedToMe;
      if (value.openFindingId) {
        this.openFindingId = value.openFindingId;
        this.focusDetail = true;
      }
      if (this.connected) {
        this.load();
      }
    }
  }
  @wire(getSlaSettings)
  wiredSla({ data }) {
    if (data) {
      this.sla = normaliseSla(data);
    }
  }
  @wire(getAssignees)
  wiredAssignees({ data }) {
    if (data) {
      this.assignees = data;
    }
  }
  connectedCallback() {
    this.connected = true;
    this.load();
  }
  disconnectedCallback() {
    this.connected = false;
  }
  renderedCallback() {
    if (this.focusDetail) {
      const detail = this.template?.querySelector("c-finding-detail");
      if (detail) {
        this.focusDetail = false;
        detail.focusHeading();
      }
    }
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
      this.loadError = "";
      const visible = new Set(this.list.rows.map((row) => row.id));
      this.selectedIds = this.selectedIds.filter((id) => visible.has(id));
    } catch (error) {
      this.loadError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    } finally {
      this.isLoading = false;
    }
  }
  get today() {
    return this.list?.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  }
  get currentUserId() {
    return this.list?.currentUserId ?? "";
  }
  get canApprove() {
    return this.list?.canApprove ?? false;
  }
  get rows() {
    const selected = new Set(this.selectedIds);
    return (this.list?.rows ?? []).map((row) => {
      const state = slaState(row, this.today, this.sla);
      return {
        ...row,
        selected: selected.has(row.id),
        selectLabel: formatLabel(SELECT_ONE, row.name),
        openLabel: `${OPEN_DETAIL} ${row.name}`,
        rowClass: `${row.id === this.openFindingId ? "row_open" : ""} ${state === "overdue" ? "row_overdue" : ""}`,
        severityClass: `slds-badge severity_${row.severity}`,
        statusLabel: STATUS_LABELS[row.status] ?? row.status,
        pendingLabel: row.requestedStatus ? formatLabel(PENDING, STATUS_LABELS[row.requestedStatus] ?? "") : "",
        pendingTitle: row.requestedByName ?? "",
        dueText: row.dueDate ? formatDay(row.dueDate, LOCALE) : "—",
        slaLabel: SLA_LABELS[state],
        slaClass: `slds-badge sla_${state}`,
        component: row.line ? `${row.componentName ?? ""}:${row.line}` : row.componentName ?? "",
        assignee: row.assignedToName ?? ""
      };
    });
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
  // ---------------------------------------------------------------- selection and bulk actions
  get allSelected() {
    const rows = this.list?.rows ?? [];
    return rows.length > 0 && this.selectedIds.length === rows.length;
  }
  handleSelectAll(event) {
    this.selectedIds = event.target.checked ? (this.list?.rows ?? []).map((row) => row.id) : [];
    this.afterSelection();
  }
  handleSelectRow(event) {
    const input = event.target;
    const id = input.dataset.id ?? "";
    this.selectedIds = input.checked ? [...this.selectedIds, id] : this.selectedIds.filter((selected) => selected !== id);
    this.afterSelection();
  }
  afterSelection() {
    this.bulkMessages = [];
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
    return !!this.bulkStatus && (requiresJustification(this.bulkStatus) || this.selectedRows.some((row) => needsSecondPerson(row.severity, this.bulkStatus)));
  }
  get justificationMin() {
    return MIN_JUSTIFICATION_LENGTH;
  }
  get bulkNeedsUntil() {
    return this.bulkStatus === "RiskAccepted";
  }
  get bounds() {
    return acceptanceBounds(this.today);
  }
  get applyDisabled() {
    return !this.hasSelection || this.isSaving;
  }
  handleBulkStatus(event) {
    this.bulkStatus = event.detail.value;
    this.bulkMessages = [];
  }
  handleBulkAssignee(event) {
    this.bulkAssignee = event.detail.value;
    this.bulkMessages = [];
  }
  handleBulkUntil(event) {
    this.bulkUntil = event.detail.value ?? "";
    this.bulkMessages = [];
  }
  handleJustification(event) {
    this.justification = event.target.value ?? "";
    this.bulkMessages = [];
  }
  /**
   * Checks each selected finding with the workflow and the four-eyes rules, sends only what may go, and lists
   * what was refused in the bulk bar. A four-eyes move is sent as a request for a second person.
   */
  async handleApply() {
    const findings = this.selectedRows;
    const status = this.bulkStatus;
    const justification = this.justification;
    if (findings.length === 0 || !status && !this.bulkAssignee && !justification.trim()) {
      this.bulkMessages = [NOTHING];
      return;
    }
    const refused = [];
    let movable = findings;
    if (status) {
      const plan = planBulkTransition(
        findings.filter((row) => !needsSecondPerson(row.severity, status)),
        status,
        justification
      );
      const fourEyes = findings.filter((row) => needsSecondPerson(row.severity, status));
      const requestable = fourEyes.filter((row) => {
        const refusal = closureRequestRefusal({
          status: row.status,
          requestedStatus: row.requestedStatus,
          to: status,
          justification: justification.trim() || null,
          until: this.bulkUntil || null,
          today: this.today
        });
        if (refusal) {
          refused.push(`${row.name}: ${REASONS[refusal] ?? refusal}`);
        }
        return !refusal;
      });
      plan.refused.forEach(
        (item) => refused.push(`${item.finding.name}: ${REASONS[item.reason] ?? item.reason}`)
      );
      movable = [...plan.movable, ...requestable];
    }
    if (movable.length === 0) {
      this.bulkMessages = [formatLabel(REFUSED, formatNumber(refused.length, LOCALE), refused.join(" · "))];
      return;
    }
    this.isSaving = true;
    try {
      const results = await updateFindings({
        findingIds: movable.map((finding) => finding.id),
        status: status || null,
        justification: justification.trim() || null,
        assigneeId: this.bulkAssignee || null,
        riskAcceptedUntil: status === "RiskAccepted" ? this.bulkUntil || null : null
      });
      const names = new Map(findings.map((finding) => [finding.id, finding.name]));
      results.filter((result) => !result.success).forEach((result) => refused.push(`${names.get(result.id) ?? result.id}: ${result.message ?? ""}`));
      const saved = results.filter((result) => result.success);
      if (saved.length > 0) {
        const pending = saved.filter((result) => result.pending).length;
        this.toast(
          SUCCESS_TITLE,
          pending === saved.length ? REQUESTED : formatLabel(UPDATED, formatNumber(saved.length, LOCALE)),
          "success"
        );
      }
      this.bulkMessages = refused.length > 0 ? [formatLabel(REFUSED, formatNumber(refused.length, LOCALE), refused.join(" · "))] : [];
      this.bulkStatus = "";
      this.justification = "";
      this.bulkAssignee = "";
      this.bulkUntil = "";
      await this.load();
      await this.reloadDetail();
    } catch (error) {
      this.bulkMessages = [readableError(error, NEED_PERMISSION, GENERIC_ERROR).message];
    } finally {
      this.isSaving = false;
    }
  }
  // ---------------------------------------------------------------- detail
  handleOpen(event) {
    this.openFindingId = event.currentTarget.dataset.id ?? null;
    this.focusDetail = true;
  }
  handleCloseDetail() {
    const findingId = this.openFindingId;
    this.openFindingId = null;
    Promise.resolve().then(() => {
      this.template?.querySelector(`button[data-id="${findingId}"]`)?.focus();
    });
  }
  async handleFindingChange() {
    await this.load();
  }
  async reloadDetail() {
    const detail = this.template?.querySelector("c-finding-detail");
    await detail?.reload();
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
    this.slaError = "";
    this.editingSla = true;
  }
  handleCancelSla() {
    this.editingSla = false;
    this.slaError = "";
  }
  handleSlaInput(event) {
    const target = event.target;
    this.slaDraft = { ...this.slaDraft, [target.dataset.severity ?? ""]: target.value };
    this.slaError = "";
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
      this.slaError = SLA_INVALID;
      return;
    }
    try {
      this.sla = normaliseSla(await saveSlaSettings({ ...settings }));
      this.editingSla = false;
      this.toast(SUCCESS_TITLE, SLA_SAVED, "success");
      await this.load();
    } catch (error) {
      this.slaError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  get truncatedLabel() {
    return this.list?.truncated ? TRUNCATED : "";
  }
  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
