import { flowState, layoutFlows, truncate, LAYOUT } from 'c/flowGraphLayout';
import type { DataFlowRow, EndpointRow } from 'c/consoleContracts';

const flow = (overrides: Partial<DataFlowRow>): DataFlowRow => ({
    id: 'f',
    name: 'DF',
    flowKey: 'k',
    sourceObject: 'Contact',
    sourceField: 'Description',
    endpointId: 'e1',
    endpointName: 'EU',
    purpose: 'CareDelivery',
    minimization: 'Redact',
    status: 'Approved',
    approvedOn: null,
    nextReview: '2027-01-01',
    classification: 'PHI',
    phiCategory: null,
    approvedByName: null,
    requestedById: null,
    requestedByName: null,
    requestedOn: null,
    complianceOverride: false,
    reviewedByName: null,
    reviewedOn: null,
    endpointProblems: [],
    ...overrides
});
const endpoints = [
    { id: 'e1', name: 'EU sovereign' },
    { id: 'e2', name: 'US cloud' }
] as EndpointRow[];
const today = '2026-11-22';

describe('c/flowGraphLayout', () => {
    it('derives the state of a flow, with overdue reviews', () => {
        expect(flowState({ status: 'Approved', nextReview: '2026-11-21' }, today)).toBe('reviewOverdue');
        expect(flowState({ status: 'Approved', nextReview: today }, today)).toBe('approved');
        expect(flowState({ status: 'Proposed', nextReview: null }, today)).toBe('proposed');
        expect(flowState({ status: 'Suspended', nextReview: null }, today)).toBe('suspended');
    });

    it('places objects, fields and endpoints in three columns with one edge per flow', () => {
        const layout = layoutFlows(
            [
                flow({ id: 'a', sourceField: 'Description', endpointId: 'e1' }),
                flow({ id: 'b', sourceField: 'Birthdate', endpointId: 'e2', nextReview: '2026-01-01' }),
                flow({ id: 'c', sourceObject: 'Case', sourceField: 'Subject', endpointId: 'e1' }),
                flow({ id: 'd', sourceObject: 'Case', sourceField: 'Subject', endpointId: 'e2', status: 'Retired' })
            ],
            endpoints,
            today
        );
        const kinds = (kind: string) => layout.nodes.filter((node) => node.kind === kind);
        expect(kinds('object').map((node) => node.label)).toEqual(['Case', 'Contact']);
        expect(kinds('field').map((node) => node.label)).toEqual(['Subject', 'Birthdate', 'Description']);
        expect(kinds('endpoint')).toHaveLength(2);
        expect(new Set(kinds('object').map((node) => node.x)).size).toBe(1);
        expect(kinds('field')[0].x).toBeGreaterThan(kinds('object')[0].x);
        expect(kinds('endpoint')[0].x).toBeGreaterThan(kinds('field')[0].x);
        const flowEdges = layout.edges.filter((edge) => edge.flowId);
        expect(flowEdges.map((edge) => edge.flowId).sort()).toEqual(['a', 'b', 'c']);
        expect(layout.edges.find((edge) => edge.flowId === 'b')?.state).toBe('reviewOverdue');
        expect(layout.nodes.find((node) => node.id === 'endpoint:e2')?.state).toBe('reviewOverdue');
        expect(layout.height).toBeGreaterThan(3 * LAYOUT.nodeHeight);
        for (const edge of layout.edges) {
            expect(edge.path).toMatch(/^M [\d.]+ [\d.]+ C /);
        }
    });

    it('keeps nodes of one column from overlapping', () => {
        const flows = Array.from({ length: 12 }, (_, index) =>
            flow({
                id: `f${index}`,
                sourceField: `Field${String(index).padStart(2, '0')}`,
                endpointId: index % 2 ? 'e1' : 'e2'
            })
        );
        const fields = layoutFlows(flows, endpoints, today).nodes.filter((node) => node.kind === 'field');
        for (let index = 1; index < fields.length; index++) {
            expect(fields[index].y - fields[index - 1].y).toBeGreaterThanOrEqual(LAYOUT.nodeHeight);
        }
    });

    it('returns an empty drawing for no flows and truncates long labels', () => {
        expect(layoutFlows([], endpoints, today).nodes).toEqual([]);
        expect(truncate('x'.repeat(40), 10)).toBe('xxxxxxxxx…');
        expect(truncate('short', 10)).toBe('short');
    });
});
