/**
 * The preview's data-flow controller: the flows with their endpoints' shortfall, and the four-eyes approval and
 * review of c/governance (the rules DataFlowGovernance applies in Apex): a request with a justification, a
 * decision by another approver (with a recorded override where the endpoint falls short), a review with a note.
 * Every change goes into the flow's history, as the DataFlow__c trigger records it in the org.
 */
import type { DataFlowDetail } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import {
    flowDecisionRefusal,
    flowRequestRefusal,
    REVIEW_DAYS,
    reviewRefusal,
    type EndpointProblem,
    type Refusal
} from '../../../../force-app/main/console/lwc/governance/governance';
import { addDays } from '../../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import type { DemoFlow } from '../demoData';
import { refusalMessage } from './findings';
import { ApexError, requireId, toFlowRow, type CallContext, type HandlersOf, type Store } from './store';

const FLOW_MESSAGES: Partial<Record<Refusal, string>> = {
    notAllowed:
        "The data flow's status does not allow this step: only Proposed or Suspended flows are sent for approval, and only Approved flows are reviewed.",
    justificationRequired:
        'Give a justification of at least 10 characters: why this field must reach this endpoint for this purpose.',
    endpointSuspended: 'The endpoint is Suspended: a data flow to it cannot be approved.',
    endpointFallsShort:
        'The endpoint falls short of what an approved flow needs. Approve only with an override and a reason of at least 10 characters.'
};

/** Reading a flow, its detail, refusing with the Apex sentences, and recording changes, as the flow trigger does. */
function flowOps(store: Store) {
    const { data } = store;
    const find = (flowId: unknown): DemoFlow => {
        const id = requireId(flowId, 'flowId');
        const flow = data.flows.find((row) => row.id === id);
        if (!flow) {
            throw new ApexError('The data flow does not exist or you cannot see it.');
        }
        return flow;
    };
    const refuse = (refusal: Refusal | null): void => {
        if (refusal !== null) {
            throw new ApexError(FLOW_MESSAGES[refusal] ?? refusalMessage(refusal));
        }
    };
    const detail = (flow: DemoFlow): DataFlowDetail => ({
        ...flow,
        endpointProblems: store.problemsOf(flow.endpointId),
        history: store.historyOf(flow.id)
    });
    const change = (
        context: CallContext,
        flow: DemoFlow,
        action: string,
        field: string,
        fromValue: string | null,
        toValue: string | null,
        reason: string | null
    ) =>
        store.record(context, {
            recordId: flow.id,
            recordName: flow.name,
            action,
            field,
            fromValue,
            toValue,
            reason: reason?.trim() || null
        });
    return { find, refuse, detail, change };
}

type Ops = ReturnType<typeof flowOps>;
type Args<K extends keyof HandlersOf<'WardenDataFlowController'>> = Parameters<
    HandlersOf<'WardenDataFlowController'>[K]
>[0];

/** Approves or rejects a requested flow as a second person; an endpoint shortfall needs a recorded override. */
function decideApproval(
    store: Store,
    ops: Ops,
    { flowId, approve, note, overrideShortfall }: Args<'WardenDataFlowController.decideApproval'>,
    context: CallContext
): DataFlowDetail {
    const flow = ops.find(flowId);
    const problems = store.problemsOf(flow.endpointId) as EndpointProblem[];
    ops.refuse(
        flowDecisionRefusal({
            requestedBy: flow.requestedById,
            actor: context.userId,
            isApprover: store.isApprover(context.userId),
            approve: approve === true,
            note,
            overrideShortfall: overrideShortfall === true,
            problems
        })
    );
    if (approve !== true) {
        ops.change(context, flow, 'Rejected', 'RequestedBy__c', flow.requestedByName, null, note);
        flow.requestedById = null;
        flow.requestedByName = null;
        flow.requestedOn = null;
        return ops.detail(flow);
    }
    const overridden = problems.length > 0;
    const before = flow.status;
    flow.status = 'Approved';
    flow.approvedOn = store.now();
    flow.approvedByName = store.user(context.userId).name;
    flow.nextReview = addDays(store.today(), REVIEW_DAYS);
    flow.complianceOverride = overridden;
    flow.overrideReason = overridden ? (note as string).trim() : null;
    // The request ends with the decision; who asked stays in the history.
    flow.requestedById = null;
    flow.requestedByName = null;
    flow.requestedOn = null;
    ops.change(
        context,
        flow,
        overridden ? 'Overridden' : 'Approved',
        'Status__c',
        before,
        'Approved',
        overridden ? note : null
    );
    return ops.detail(flow);
}

export function flowHandlers(store: Store): HandlersOf<'WardenDataFlowController'> {
    const { data } = store;
    const ops = flowOps(store);
    return {
        'WardenDataFlowController.getDataFlows': (_request, context) => ({
            today: store.today(),
            currentUserId: context.userId,
            canApprove: store.isApprover(context.userId),
            flows: data.flows.map((flow) => ({
                ...toFlowRow(flow),
                endpointProblems: store.problemsOf(flow.endpointId)
            })),
            endpoints: data.endpoints
        }),

        'WardenDataFlowController.getDataFlow': ({ flowId }) => ops.detail(ops.find(flowId)),

        'WardenDataFlowController.requestApproval': ({ flowId, justification }, context) => {
            const flow = ops.find(flowId);
            ops.refuse(flowRequestRefusal({ status: flow.status, requestedBy: flow.requestedById }, justification));
            const requester = store.user(context.userId);
            flow.requestedById = requester.id;
            flow.requestedByName = requester.name;
            flow.requestedOn = store.now();
            flow.justification = (justification as string).trim();
            ops.change(context, flow, 'Requested', 'RequestedBy__c', null, requester.name, flow.justification);
            return ops.detail(flow);
        },

        'WardenDataFlowController.decideApproval': (args, context) => decideApproval(store, ops, args, context),

        'WardenDataFlowController.reviewFlow': ({ flowId, note }, context) => {
            const flow = ops.find(flowId);
            ops.refuse(reviewRefusal(flow.status, note));
            const reviewer = store.user(context.userId);
            flow.reviewedOn = store.now();
            flow.reviewedByName = reviewer.name;
            const before = flow.nextReview;
            flow.nextReview = addDays(store.today(), REVIEW_DAYS);
            ops.change(context, flow, 'Reviewed', 'NextReview__c', before, flow.nextReview, note);
            return ops.detail(flow);
        }
    };
}
