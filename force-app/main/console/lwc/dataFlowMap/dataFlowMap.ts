/**
 * Data-flow map: CRM object → field → LLM endpoint, drawn in SVG (layout by c/flowGraphLayout). Flows whose
 * quarterly review is overdue are marked in red; selecting a node or an edge lists its flows, which can be
 * approved (Proposed, Suspended) or re-reviewed (Approved) in place.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import getDataFlows from '@salesforce/apex/WardenDataFlowController.getDataFlows';
import approveFlow from '@salesforce/apex/WardenDataFlowController.approveFlow';
import reviewFlow from '@salesforce/apex/WardenDataFlowController.reviewFlow';
import type { DataFlowOverview, DataFlowRow } from 'c/consoleContracts';
import { flowState, layoutFlows, type FlowState, type GraphLayout } from 'c/flowGraphLayout';
import { formatDay, formatLabel, formatNumber, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.FlowsTitle';
import HELP from '@salesforce/label/c.FlowsHelp';
import GRAPH_LABEL from '@salesforce/label/c.FlowsGraphLabel';
import LEGEND_APPROVED from '@salesforce/label/c.FlowsStateApproved';
import LEGEND_OVERDUE from '@salesforce/label/c.FlowsStateReviewOverdue';
import LEGEND_PROPOSED from '@salesforce/label/c.FlowsStateProposed';
import LEGEND_SUSPENDED from '@salesforce/label/c.FlowsStateSuspended';
import LIST_TITLE from '@salesforce/label/c.FlowsListTitle';
import LIST_ALL from '@salesforce/label/c.FlowsListAll';
import LIST_SELECTION from '@salesforce/label/c.FlowsListSelection';
import SHOW_ALL from '@salesforce/label/c.FlowsShowAll';
import APPROVE from '@salesforce/label/c.FlowsApprove';
import REVIEW from '@salesforce/label/c.FlowsReview';
import APPROVED_TOAST from '@salesforce/label/c.FlowsApprovedToast';
import REVIEWED_TOAST from '@salesforce/label/c.FlowsReviewedToast';
import NEXT_REVIEW from '@salesforce/label/c.FlowsNextReview';
import OVERDUE_COUNT from '@salesforce/label/c.FlowsOverdueCount';
import EMPTY from '@salesforce/label/c.FlowsEmpty';
import PURPOSE from '@salesforce/label/c.ConsolePurpose';
import ENDPOINT from '@salesforce/label/c.ConsoleEndpoint';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';
import SUCCESS_TITLE from '@salesforce/label/c.ConsoleSuccessTitle';
import COL_FLOW from '@salesforce/label/c.FlowsColFlow';
import COL_SOURCE from '@salesforce/label/c.FlowsColSource';

const STATE_LABELS: Record<FlowState, string> = {
    approved: LEGEND_APPROVED,
    reviewOverdue: LEGEND_OVERDUE,
    proposed: LEGEND_PROPOSED,
    suspended: LEGEND_SUSPENDED
};

type FlowItem = DataFlowRow & {
    state: FlowState;
    stateLabel: string;
    stateClass: string;
    nextReviewText: string;
    canApprove: boolean;
    canReview: boolean;
    source: string;
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
        approve: APPROVE,
        review: REVIEW,
        nextReview: NEXT_REVIEW,
        purpose: PURPOSE,
        endpoint: ENDPOINT,
        empty: EMPTY,
        loading: LOADING,
        errorTitle: ERROR_TITLE
    };
    overview: DataFlowOverview | undefined;
    errorMessage: string | undefined;
    selectedNodeId: string | null = null;
    selectedFlowId: string | null = null;
    busyFlowId: string | null = null;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        try {
            this.overview = (await getDataFlows()) as DataFlowOverview;
            this.errorMessage = undefined;
        } catch (error) {
            this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
            this.toast(ERROR_TITLE, this.errorMessage, 'error');
        }
    }

    get isLoading(): boolean {
        return !this.overview && !this.errorMessage;
    }

    get layout(): GraphLayout {
        return this.overview
            ? layoutFlows(this.overview.flows, this.overview.endpoints, this.overview.today)
            : { width: 0, height: 0, nodes: [], edges: [] };
    }

    get hasFlows(): boolean {
        return this.layout.nodes.length > 0;
    }

    get viewBox(): string {
        return `0 0 ${this.layout.width} ${this.layout.height}`;
    }

    get svgStyle(): string {
        return `height: ${this.layout.height}px; max-width: ${this.layout.width}px`;
    }

    get nodes() {
        return this.layout.nodes.map((node) => ({
            ...node,
            cssClass: `node node_${node.kind} ${node.state ? `state_${node.state}` : ''} ${node.id === this.selectedNodeId ? 'node_selected' : ''}`,
            textX: node.x + 10,
            textY: node.y + node.height / 2 + 4,
            label: node.label
        }));
    }

    get edges() {
        const selectedFlow = this.selectedFlowId ? `flow:${this.selectedFlowId}` : null;
        return this.layout.edges.map((edge) => ({
            ...edge,
            cssClass: `edge ${edge.state ? `edge_${edge.state}` : 'edge_structure'} ${edge.id === selectedFlow || (this.selectedNodeId && (edge.from === this.selectedNodeId || edge.to === this.selectedNodeId)) ? 'edge_selected' : ''}`
        }));
    }

    get overdueCount(): string {
        const today = this.overview?.today ?? '';
        const count = (this.overview?.flows ?? []).filter((flow) => flowState(flow, today) === 'reviewOverdue').length;
        return count > 0 ? formatLabel(OVERDUE_COUNT, formatNumber(count, LOCALE)) : '';
    }

    private matchesSelection(flow: DataFlowRow): boolean {
        if (this.selectedFlowId) {
            return flow.id === this.selectedFlowId;
        }
        const node = this.selectedNodeId;
        if (!node) {
            return true;
        }
        return (
            node === `object:${flow.sourceObject}` ||
            node === `field:${flow.sourceObject}.${flow.sourceField}` ||
            node === `endpoint:${flow.endpointId}`
        );
    }

    get flowItems(): FlowItem[] {
        const today = this.overview?.today ?? '';
        const order: Record<FlowState, number> = { reviewOverdue: 0, proposed: 1, suspended: 2, approved: 3 };
        return (this.overview?.flows ?? [])
            .filter((flow) => flow.status !== 'Retired' && this.matchesSelection(flow))
            .map((flow) => {
                const state = flowState(flow, today);
                return {
                    ...flow,
                    state,
                    source: `${flow.sourceObject}.${flow.sourceField}`,
                    stateLabel: STATE_LABELS[state],
                    stateClass: `slds-badge badge_${state}`,
                    nextReviewText: flow.nextReview ? formatDay(flow.nextReview, LOCALE) : '—',
                    canApprove: flow.status === 'Proposed' || flow.status === 'Suspended',
                    canReview: flow.status === 'Approved'
                };
            })
            .sort((a, b) => order[a.state] - order[b.state] || a.source.localeCompare(b.source));
    }

    get listTitle(): string {
        return this.selectedNodeId || this.selectedFlowId ? LIST_SELECTION : LIST_ALL;
    }

    get hasSelection(): boolean {
        return !!(this.selectedNodeId || this.selectedFlowId);
    }

    get listHeading(): string {
        return formatLabel(LIST_TITLE, this.listTitle, formatNumber(this.flowItems.length, LOCALE));
    }

    handleNodeClick(event: Event): void {
        const id = (event.currentTarget as SVGElement).dataset.id ?? null;
        this.selectedFlowId = null;
        this.selectedNodeId = this.selectedNodeId === id ? null : id;
    }

    handleNodeKey(event: KeyboardEvent): void {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.handleNodeClick(event);
        }
    }

    handleEdgeClick(event: Event): void {
        const flowId = (event.currentTarget as SVGElement).dataset.flow ?? null;
        if (flowId) {
            this.selectedNodeId = null;
            this.selectedFlowId = this.selectedFlowId === flowId ? null : flowId;
        }
    }

    handleShowAll(): void {
        this.selectedNodeId = null;
        this.selectedFlowId = null;
    }

    async handleApprove(event: Event): Promise<void> {
        await this.act((event.currentTarget as HTMLElement).dataset.id ?? '', approveFlow, APPROVED_TOAST);
    }

    async handleReview(event: Event): Promise<void> {
        await this.act((event.currentTarget as HTMLElement).dataset.id ?? '', reviewFlow, REVIEWED_TOAST);
    }

    private async act(
        flowId: string,
        method: (params: Record<string, unknown>) => Promise<unknown>,
        message: string
    ): Promise<void> {
        if (!flowId || !this.overview) {
            return;
        }
        this.busyFlowId = flowId;
        try {
            const updated = (await method({ flowId })) as DataFlowRow;
            this.overview = {
                ...this.overview,
                flows: this.overview.flows.map((flow) => (flow.id === updated.id ? updated : flow))
            };
            this.toast(
                SUCCESS_TITLE,
                formatLabel(
                    message,
                    `${updated.sourceObject}.${updated.sourceField}`,
                    updated.endpointName ?? '',
                    formatDay(updated.nextReview, LOCALE)
                ),
                'success'
            );
        } catch (error) {
            this.toast(ERROR_TITLE, readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, 'error');
        } finally {
            this.busyFlowId = null;
        }
    }

    toast(title: string, message: string, variant: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
