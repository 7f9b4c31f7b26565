// Generated from dataFlowMap.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement } from "lwc";
import LOCALE from "@salesforce/i18n/locale";
import getDataFlows from "@salesforce/apex/WardenDataFlowController.getDataFlows";
import { minimizationLabel, PROBLEM_LABELS } from "c/consoleLabels";
import { flowState, layoutFlows } from "c/flowGraphLayout";
import { formatDay, formatLabel, formatNumber, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.FlowsTitle";
import HELP from "@salesforce/label/c.FlowsHelp";
import GRAPH_LABEL from "@salesforce/label/c.FlowsGraphLabel";
import LEGEND_APPROVED from "@salesforce/label/c.FlowsStateApproved";
import LEGEND_OVERDUE from "@salesforce/label/c.FlowsStateReviewOverdue";
import LEGEND_PROPOSED from "@salesforce/label/c.FlowsStateProposed";
import LEGEND_SUSPENDED from "@salesforce/label/c.FlowsStateSuspended";
import LIST_TITLE from "@salesforce/label/c.FlowsListTitle";
import LIST_ALL from "@salesforce/label/c.FlowsListAll";
import LIST_SELECTION from "@salesforce/label/c.FlowsListSelection";
import SHOW_ALL from "@salesforce/label/c.FlowsShowAll";
import OPEN from "@salesforce/label/c.FlowsOpen";
import STATUS from "@salesforce/label/c.FlowsColStatus";
import GOVERNANCE from "@salesforce/label/c.FlowsColGovernance";
import MINIMIZATION from "@salesforce/label/c.FlowsColMinimization";
import PENDING from "@salesforce/label/c.FlowsPendingBadge";
import OVERRIDE from "@salesforce/label/c.FlowsOverrideBadge";
import NEXT_REVIEW from "@salesforce/label/c.FlowsNextReview";
import OVERDUE_COUNT from "@salesforce/label/c.FlowsOverdueCount";
import EMPTY from "@salesforce/label/c.FlowsEmpty";
import PURPOSE from "@salesforce/label/c.ConsolePurpose";
import ENDPOINT from "@salesforce/label/c.ConsoleEndpoint";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
import COL_FLOW from "@salesforce/label/c.FlowsColFlow";
import COL_SOURCE from "@salesforce/label/c.FlowsColSource";
const STATE_LABELS = {
  approved: LEGEND_APPROVED,
  reviewOverdue: LEGEND_OVERDUE,
  proposed: LEGEND_PROPOSED,
  suspended: LEGEND_SUSPENDED
};
export default class DataFlowMap extends LightningElement {
  labels = {
    title: TITLE,
    help: HELP,
    flow: COL_FLOW,
    source: COL_SOURCE,
    graphLabel: GRAPH_LABEL,
    approved: LEGEND_APPROVED,
    overdue: LEGEND_OVERDUE,
    proposed: LEGEND_PROPOSED,
    suspended: LEGEND_SUSPENDED,
    showAll: SHOW_ALL,
    open: OPEN,
    status: STATUS,
    governance: GOVERNANCE,
    minimization: MINIMIZATION,
    pending: PENDING,
    override: OVERRIDE,
    nextReview: NEXT_REVIEW,
    purpose: PURPOSE,
    endpoint: ENDPOINT,
    empty: EMPTY,
    loading: LOADING,
    errorTitle: ERROR_TITLE
  };
  overview;
  errorMessage;
  selectedNodeId = null;
  selectedFlowId = null;
  openFlowId = null;
  focusDetail = false;
  connectedCallback() {
    this.load();
  }
  async load() {
    try {
      this.overview = await getDataFlows();
      this.errorMessage = void 0;
    } catch (error) {
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  renderedCallback() {
    if (this.focusDetail) {
      const detail = this.template?.querySelector("c-data-flow-detail");
      if (detail) {
        this.focusDetail = false;
        detail.focusHeading();
      }
    }
  }
  get isLoading() {
    return !this.overview && !this.errorMessage;
  }
  get layout() {
    return this.overview ? layoutFlows(this.overview.flows, this.overview.endpoints, this.overview.today) : { width: 0, height: 0, nodes: [], edges: [] };
  }
  get hasFlows() {
    return this.layout.nodes.length > 0;
  }
  get viewBox() {
    return `0 0 ${this.layout.width} ${this.layout.height}`;
  }
  get svgStyle() {
    return `height: ${this.layout.height}px; max-width: ${this.layout.width}px`;
  }
  get nodes() {
    return this.layout.nodes.map((node) => ({
      ...node,
      cssClass: `node node_${node.kind} ${node.state ? `state_${node.state}` : ""} ${node.id === this.selectedNodeId ? "node_selected" : ""}`,
      textX: node.x + 10,
      textY: node.y + node.height / 2 + 4,
      label: node.label
    }));
  }
  get edges() {
    const selectedFlow = this.selectedFlowId ? `flow:${this.selectedFlowId}` : null;
    return this.layout.edges.map((edge) => ({
      ...edge,
      cssClass: `edge ${edge.state ? `edge_${edge.state}` : "edge_structure"} ${edge.id === selectedFlow || this.selectedNodeId && (edge.from === this.selectedNodeId || edge.to === this.selectedNodeId) ? "edge_selected" : ""}`
    }));
  }
  get overdueCount() {
    const today = this.overview?.today ?? "";
    const count = (this.overview?.flows ?? []).filter((flow) => flowState(flow, today) === "reviewOverdue").length;
    return count > 0 ? formatLabel(OVERDUE_COUNT, formatNumber(count, LOCALE)) : "";
  }
  matchesSelection(flow) {
    if (this.selectedFlowId) {
      return flow.id === this.selectedFlowId;
    }
    const node = this.selectedNodeId;
    if (!node) {
      return true;
    }
    return node === `object:${flow.sourceObject}` || node === `field:${flow.sourceObject}.${flow.sourceField}` || node === `endpoint:${flow.endpointId}`;
  }
  get flowItems() {
    const today = this.overview?.today ?? "";
    const order = { reviewOverdue: 0, proposed: 1, suspended: 2, approved: 3 };
    return (this.overview?.flows ?? []).filter((flow) => flow.status !== "Retired" && this.matchesSelection(flow)).map((flow) => {
      const state = flowState(flow, today);
      return {
        ...flow,
        state,
        source: `${flow.sourceObject}.${flow.sourceField}`,
        stateLabel: STATE_LABELS[state],
        stateClass: `slds-badge badge_${state}`,
        minimizationText: minimizationLabel(flow.minimization),
        nextReviewText: flow.nextReview ? formatDay(flow.nextReview, LOCALE) : "—",
        rowClass: flow.id === this.openFlowId ? "row_open" : "",
        problemCount: flow.endpointProblems.length > 0 ? String(flow.endpointProblems.length) : "",
        problemText: flow.endpointProblems.map((code) => PROBLEM_LABELS[code] ?? code).join("; "),
        openTitle: `${flow.name} · ${flow.sourceObject}.${flow.sourceField}`
      };
    }).sort((a, b) => order[a.state] - order[b.state] || a.source.localeCompare(b.source));
  }
  get listTitle() {
    return this.selectedNodeId || this.selectedFlowId ? LIST_SELECTION : LIST_ALL;
  }
  get hasSelection() {
    return !!(this.selectedNodeId || this.selectedFlowId);
  }
  get listHeading() {
    return formatLabel(LIST_TITLE, this.listTitle, formatNumber(this.flowItems.length, LOCALE));
  }
  handleNodeClick(event) {
    const id = event.currentTarget.dataset.id ?? null;
    this.selectedFlowId = null;
    this.selectedNodeId = this.selectedNodeId === id ? null : id;
  }
  handleNodeKey(event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.handleNodeClick(event);
    }
  }
  handleEdgeClick(event) {
    const flowId = event.currentTarget.dataset.flow ?? null;
    if (flowId) {
      this.selectedNodeId = null;
      this.selectedFlowId = this.selectedFlowId === flowId ? null : flowId;
    }
  }
  handleShowAll() {
    this.selectedNodeId = null;
    this.selectedFlowId = null;
  }
  handleOpen(event) {
    this.openFlowId = event.currentTarget.dataset.id ?? null;
    this.focusDetail = true;
  }
  handleCloseDetail() {
    const flowId = this.openFlowId;
    this.openFlowId = null;
    Promise.resolve().then(() => {
      const button = this.template?.querySelector(`lightning-button[data-id="${flowId}"]`);
      button?.focus();
    });
  }
  handleFlowChange(event) {
    const updated = event.detail.flow;
    if (this.overview) {
      const { justification: _justification, overrideReason: _override, history: _history, ...row } = updated;
      this.overview = {
        ...this.overview,
        flows: this.overview.flows.map((flow) => flow.id === row.id ? row : flow)
      };
    }
  }
}
