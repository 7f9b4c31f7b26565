// Generated from flowGraphLayout.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const LAYOUT = { nodeWidth: 200, nodeHeight: 32, rowGap: 12, columnGap: 140, padding: 16, labelMax: 28 };
export function flowState(flow, today) {
  if (flow.status === "Approved") {
    return flow.nextReview && flow.nextReview < today ? "reviewOverdue" : "approved";
  }
  return flow.status === "Proposed" ? "proposed" : "suspended";
}
const STATE_RANK = { reviewOverdue: 3, proposed: 2, suspended: 1, approved: 0 };
function worse(a, b) {
  return a === null || STATE_RANK[b] > STATE_RANK[a] ? b : a;
}
export function truncate(label, max = LAYOUT.labelMax) {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}
function edgePath(x1, y1, x2, y2) {
  const mid = (x1 + x2) / 2;
  return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
}
export function layoutFlows(flows, endpoints, today) {
  const active = flows.filter((flow) => flow.status !== "Retired");
  const { nodeWidth, nodeHeight, rowGap, columnGap, padding } = LAYOUT;
  const columnX = [padding, padding + nodeWidth + columnGap, padding + 2 * (nodeWidth + columnGap)];
  const rowY = (index) => padding + index * (nodeHeight + rowGap);
  const objects = [...new Set(active.map((flow) => flow.sourceObject))].sort();
  const fieldIds = [];
  for (const object of objects) {
    const fields = [
      ...new Set(active.filter((flow) => flow.sourceObject === object).map((flow) => flow.sourceField))
    ].sort();
    fields.forEach((field) => fieldIds.push(`${object}.${field}`));
  }
  const fieldIndex = new Map(fieldIds.map((id, index) => [id, index]));
  const endpointName = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]));
  const endpointIds = [...new Set(active.map((flow) => flow.endpointId))];
  const barycentre = /* @__PURE__ */ new Map();
  for (const id of endpointIds) {
    const indexes = active.filter((flow) => flow.endpointId === id).map((flow) => fieldIndex.get(`${flow.sourceObject}.${flow.sourceField}`) ?? 0);
    barycentre.set(id, indexes.reduce((sum, value) => sum + value, 0) / indexes.length);
  }
  endpointIds.sort((a, b) => (barycentre.get(a) ?? 0) - (barycentre.get(b) ?? 0) || a.localeCompare(b));
  const nodes = /* @__PURE__ */ new Map();
  const place = (id, kind, label, column, index) => {
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
  objects.forEach((object) => {
    const own = fieldIds.filter((id) => id.startsWith(`${object}.`)).map((id) => fieldIndex.get(id) ?? 0);
    const middle = own.length === 0 ? 0 : (own[0] + own[own.length - 1]) / 2;
    place(`object:${object}`, "object", object, 0, middle);
  });
  fieldIds.forEach((id, index) => place(`field:${id}`, "field", id.slice(id.indexOf(".") + 1), 1, index));
  const spread = endpointIds.length > 1 ? Math.max(1, (fieldIds.length - 1) / (endpointIds.length - 1)) : 0;
  endpointIds.forEach(
    (id, index) => place(`endpoint:${id}`, "endpoint", endpointName.get(id) ?? id, 2, index * spread)
  );
  const edges = [];
  const seenObjectEdges = /* @__PURE__ */ new Set();
  for (const flow of active) {
    const state = flowState(flow, today);
    const objectNode = nodes.get(`object:${flow.sourceObject}`);
    const fieldNode = nodes.get(`field:${flow.sourceObject}.${flow.sourceField}`);
    const endpointNode = nodes.get(`endpoint:${flow.endpointId}`);
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
