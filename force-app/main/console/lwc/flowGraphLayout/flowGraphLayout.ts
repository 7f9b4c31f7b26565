/**
 * Layout of the data-flow map: three columns, CRM objects → their fields → LLM endpoints, one edge per
 * DataFlow__c from a field to an endpoint (and one from each object to each of its fields).
 *
 * Objects and their fields are sorted by name; endpoints are ordered by the barycentre of the fields that
 * feed them, which keeps most edges from crossing. Coordinates are SVG user units.
 */
import type { DataFlowRow, EndpointRow } from 'c/consoleContracts';

export type NodeKind = 'object' | 'field' | 'endpoint';
export type FlowState = 'approved' | 'reviewOverdue' | 'proposed' | 'suspended';
export type GraphNode = {
    id: string;
    kind: NodeKind;
    label: string;
    x: number;
    y: number;
    width: number;
    height: number;
    /** Worst state of the flows through this node, for its outline colour. */
    state: FlowState | null;
};
export type GraphEdge = {
    id: string;
    from: string;
    to: string;
    path: string;
    state: FlowState | null;
    flowId: string | null;
};
export type GraphLayout = { width: number; height: number; nodes: GraphNode[]; edges: GraphEdge[] };

export const LAYOUT = { nodeWidth: 200, nodeHeight: 32, rowGap: 12, columnGap: 140, padding: 16, labelMax: 28 };

/** State of one flow on `today`: an approved flow whose NextReview__c has passed is review-overdue. */
export function flowState(flow: Pick<DataFlowRow, 'status' | 'nextReview'>, today: string): FlowState {
    if (flow.status === 'Approved') {
        return flow.nextReview && flow.nextReview < today ? 'reviewOverdue' : 'approved';
    }
    return flow.status === 'Proposed' ? 'proposed' : 'suspended';
}

const STATE_RANK: Record<FlowState, number> = { reviewOverdue: 3, proposed: 2, suspended: 1, approved: 0 };

function worse(a: FlowState | null, b: FlowState): FlowState {
    return a === null || STATE_RANK[b] > STATE_RANK[a] ? b : a;
}

export function truncate(label: string, max: number = LAYOUT.labelMax): string {
    return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function edgePath(x1: number, y1: number, x2: number, y2: number): string {
    const mid = (x1 + x2) / 2;
    return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
}

/** Lays out the active flows (Retired ones are left out). */
export function layoutFlows(flows: DataFlowRow[], endpoints: EndpointRow[], today: string): GraphLayout {
    const active = flows.filter((flow) => flow.status !== 'Retired');
    const { nodeWidth, nodeHeight, rowGap, columnGap, padding } = LAYOUT;
    const columnX = [padding, padding + nodeWidth + columnGap, padding + 2 * (nodeWidth + columnGap)];
    const rowY = (index: number): number => padding + index * (nodeHeight + rowGap);

    const objects = [...new Set(active.map((flow) => flow.sourceObject))].sort();
    const fieldIds: string[] = [];
    for (const object of objects) {
        const fields = [
            ...new Set(active.filter((flow) => flow.sourceObject === object).map((flow) => flow.sourceField))
        ].sort();
        fields.forEach((field) => fieldIds.push(`${object}.${field}`));
    }
    const fieldIndex = new Map(fieldIds.map((id, index) => [id, index]));
    const endpointName = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]));
    const endpointIds = [...new Set(active.map((flow) => flow.endpointId))];
    const barycentre = new Map<string, number>();
    for (const id of endpointIds) {
        const indexes = active
            .filter((flow) => flow.endpointId === id)
            .map((flow) => fieldIndex.get(`${flow.sourceObject}.${flow.sourceField}`) ?? 0);
        barycentre.set(id, indexes.reduce((sum, value) => sum + value, 0) / indexes.length);
    }
    endpointIds.sort((a, b) => (barycentre.get(a) ?? 0) - (barycentre.get(b) ?? 0) || a.localeCompare(b));

    const nodes = new Map<string, GraphNode>();
    const place = (id: string, kind: NodeKind, label: string, column: number, index: number): void => {
        nodes.set(id, {
            id,
            kind,
            label: truncate(label),
            x: columnX[column],
            y: rowY(index),
            width: nodeWidth,
            height: nodeHeight,
            state: null
        });
    };
    // Objects sit level with the middle of their fields.
    objects.forEach((object) => {
        const own = fieldIds.filter((id) => id.startsWith(`${object}.`)).map((id) => fieldIndex.get(id) ?? 0);
        const middle = own.length === 0 ? 0 : (own[0] + own[own.length - 1]) / 2;
        place(`object:${object}`, 'object', object, 0, middle);
    });
    fieldIds.forEach((id, index) => place(`field:${id}`, 'field', id.slice(id.indexOf('.') + 1), 1, index));
    // Endpoints spread over the height of the field column when there are fewer of them.
    const spread = endpointIds.length > 1 ? Math.max(1, (fieldIds.length - 1) / (endpointIds.length - 1)) : 0;
    endpointIds.forEach((id, index) =>
        place(`endpoint:${id}`, 'endpoint', endpointName.get(id) ?? id, 2, index * spread)
    );

    const edges: GraphEdge[] = [];
    const seenObjectEdges = new Set<string>();
    for (const flow of active) {
        const state = flowState(flow, today);
        const objectNode = nodes.get(`object:${flow.sourceObject}`) as GraphNode;
        const fieldNode = nodes.get(`field:${flow.sourceObject}.${flow.sourceField}`) as GraphNode;
        const endpointNode = nodes.get(`endpoint:${flow.endpointId}`) as GraphNode;
        for (const node of [objectNode, fieldNode, endpointNode]) {
            node.state = worse(node.state, state);
        }
        const objectEdge = `${objectNode.id}->${fieldNode.id}`;
        if (!seenObjectEdges.has(objectEdge)) {
            seenObjectEdges.add(objectEdge);
            edges.push({
                id: objectEdge,
                from: objectNode.id,
                to: fieldNode.id,
                path: edgePath(
                    objectNode.x + nodeWidth,
                    objectNode.y + nodeHeight / 2,
                    fieldNode.x,
                    fieldNode.y + nodeHeight / 2
                ),
                state: null,
                flowId: null
            });
        }
        edges.push({
            id: `flow:${flow.id}`,
            from: fieldNode.id,
            to: endpointNode.id,
            path: edgePath(
                fieldNode.x + nodeWidth,
                fieldNode.y + nodeHeight / 2,
                endpointNode.x,
                endpointNode.y + nodeHeight / 2
            ),
            state,
            flowId: flow.id
        });
    }
    const all = [...nodes.values()];
    const height = all.length === 0 ? 2 * padding : Math.max(...all.map((node) => node.y + node.height)) + padding;
    return { width: columnX[2] + nodeWidth + padding, height, nodes: all, edges };
}
