/**
 * The preview's findings controller: the queue in "Due first" order, the workflow of c/findingWorkflow, the
 * four-eyes closures of c/governance (requests, decisions by another approver), deadline extensions that new SLA
 * windows keep (c/slaCalculator), and the history of every change, as the Apex controller and the finding trigger
 * do in the org.
 */
import {
    FINDINGS_LIMIT,
    OPEN_FINDING_STATUSES,
    type FindingDetail,
    type FindingUpdateResult,
    type SlaSettings,
    type UserOption
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import {
    checkTransition,
    isStatus,
    justificationAfter,
    resolvedOnAfter
} from '../../../../force-app/main/console/lwc/findingWorkflow/findingWorkflow';
import {
    closureRequestRefusal,
    decisionRefusal,
    expiryRefusal,
    MIN_NOTE,
    needsSecondPerson,
    type Refusal
} from '../../../../force-app/main/console/lwc/governance/governance';
import { MAX_SLA_DAYS, recalculatedDueDate } from '../../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import { ApexError, requireId, toFindingRow, type CallContext, type HandlersOf, type Store } from './store';

const MAX_BULK = 200;

const MESSAGES: Record<Refusal, string> = {
    unknownStatus: 'A finding cannot move to this status.',
    notAllowed: 'A finding cannot move to this status.',
    justificationRequired: 'This status needs a justification of at least 10 characters.',
    justificationTooLong: 'The justification is too long.',
    expiryRequired: 'A risk acceptance needs an end date after today and at most 365 days ahead.',
    expiryOutOfRange: 'A risk acceptance needs an end date after today and at most 365 days ahead.',
    alreadyRequested: 'A decision is already waiting for a second person; approve or reject it first.',
    nothingRequested: 'Nothing is waiting for approval.',
    sameUser: 'You asked for this yourself; another compliance officer must decide it.',
    notApprover:
        'Deciding needs the WardenApprover permission, which comes with the WardenComplianceOfficer permission set.',
    noteRequired: 'Write a note of at least 10 characters saying why.',
    endpointSuspended: 'The endpoint is Suspended: a data flow to it cannot be approved.',
    endpointFallsShort: 'The endpoint falls short of what an approved flow needs.'
};

/** The sentence of a refusal, as the Apex labels say it. */
export function refusalMessage(refusal: Refusal): string {
    return MESSAGES[refusal];
}

type Ops = ReturnType<typeof findingOps>;
type Args<K extends keyof HandlersOf<'WardenFindingsController'>> = Parameters<
    HandlersOf<'WardenFindingsController'>[K]
>[0];

/** Reading a finding, its detail, and recording its changes, as the finding trigger does in the org. */
function findingOps(store: Store) {
    const { data } = store;
    const find = (findingId: unknown): FindingDetail => {
        const id = requireId(findingId, 'findingId');
        const finding = data.findings.find((row) => row.id === id);
        if (!finding) {
            throw new ApexError('The finding does not exist or you cannot see it.');
        }
        return finding;
    };
    const detail = (finding: FindingDetail): FindingDetail => {
        const rule = store.catalog[finding.rule];
        return {
            ...finding,
            ruleTitle: rule?.title ?? null,
            ruleSummary: rule?.summary ?? null,
            ruleDescription: rule?.description ?? null,
            history: store.historyOf(finding.id)
        };
    };
    const change = (
        context: CallContext,
        finding: FindingDetail,
        action: string,
        field: string,
        fromValue: string | null,
        toValue: string | null,
        reason: string | null
    ) =>
        store.record(context, {
            recordId: finding.id,
            recordName: finding.name,
            action,
            field,
            fromValue,
            toValue,
            reason: reason?.trim() || null
        });
    /** Moves a finding's status with what the workflow does to ResolvedOn__c, and records it. */
    const move = (context: CallContext, finding: FindingDetail, to: string, action: string, reason: string | null) => {
        const before = finding.status;
        finding.status = to as FindingDetail['status'];
        const resolvedOn = resolvedOnAfter(to);
        if (resolvedOn !== 'keep') {
            finding.resolvedOn = resolvedOn === 'set' ? store.now() : null;
        }
        change(context, finding, action, 'Status__c', before, to, reason);
    };
    return { find, detail, change, move };
}

function getFindings(store: Store, { query }: Args<'WardenFindingsController.getFindings'>, context: CallContext) {
    const q = query ?? {};
    const day = store.today();
    const rows = store.sortFindings(
        store.data.findings.filter(
            (finding) =>
                (!q.statuses?.length || q.statuses.includes(finding.status)) &&
                (!q.severities?.length || q.severities.includes(finding.severity)) &&
                (!q.categories?.length || q.categories.includes(finding.category)) &&
                (!q.assignedToMe || finding.assignedToId === context.userId) &&
                (!q.overdueOnly ||
                    ((OPEN_FINDING_STATUSES as string[]).includes(finding.status) &&
                        finding.dueDate !== null &&
                        finding.dueDate < day))
        )
    );
    return {
        today: day,
        currentUserId: context.userId,
        canApprove: store.isApprover(context.userId),
        rows: rows.slice(0, FINDINGS_LIMIT).map(toFindingRow),
        truncated: rows.length > FINDINGS_LIMIT
    };
}

/** Checks a bulk update as a whole; returns the assignee it names, if any. */
function validateBulk(store: Store, args: Args<'WardenFindingsController.updateFindings'>): UserOption | undefined {
    const { findingIds, status, justification, assigneeId } = args;
    if (!Array.isArray(findingIds) || findingIds.length === 0) {
        throw new ApexError('Select at least one finding.');
    }
    if (findingIds.length > MAX_BULK) {
        throw new ApexError(`Update at most ${MAX_BULK} findings at a time.`);
    }
    if (!status && !assigneeId && !justification?.trim()) {
        throw new ApexError('Nothing to change: choose a status, an assignee or a justification.');
    }
    if (status && !isStatus(status)) {
        throw new ApexError(`Unknown status ${status}.`);
    }
    if (!assigneeId) {
        return undefined;
    }
    const assignee = store.data.users.find((user) => user.id === requireId(assigneeId, 'assigneeId'));
    if (!assignee) {
        throw new ApexError('The assignee is not an active Warden user.');
    }
    return assignee;
}

/** One finding of a bulk update: a move, a request for a second person, or a refusal. */
function updateOne(
    store: Store,
    ops: Ops,
    finding: FindingDetail,
    args: Args<'WardenFindingsController.updateFindings'>,
    assignee: UserOption | undefined,
    context: CallContext
): FindingUpdateResult {
    const { status, justification, riskAcceptedUntil } = args;
    const id = finding.id;
    const after = justificationAfter(justification, finding.justification);
    const fourEyes = !!status && status !== finding.status && needsSecondPerson(finding.severity, status);
    let refusal: Refusal | null = null;
    if (fourEyes) {
        refusal = closureRequestRefusal({
            status: finding.status,
            requestedStatus: finding.requestedStatus,
            to: status as string,
            justification: after,
            until: riskAcceptedUntil,
            today: store.today()
        });
    } else if (status) {
        const check = checkTransition(finding.status, status, after);
        refusal = check.allowed ? null : check.reason;
    }
    if (refusal !== null) {
        return { id, success: false, message: refusalMessage(refusal), pending: false };
    }
    if (fourEyes) {
        const requester = store.user(context.userId);
        finding.requestedStatus = status as FindingDetail['status'];
        finding.requestedById = requester.id;
        finding.requestedByName = requester.name;
        finding.requestedOn = store.now();
        if (status === 'RiskAccepted') {
            finding.riskAcceptedUntil = riskAcceptedUntil;
        }
        ops.change(context, finding, 'Requested', 'RequestedStatus__c', null, status, after);
    } else if (status && status !== finding.status) {
        ops.move(context, finding, status, 'StatusChanged', justification ? after : null);
    }
    finding.justification = after;
    if (assignee && assignee.id !== finding.assignedToId) {
        ops.change(context, finding, 'Assigned', 'AssignedTo__c', finding.assignedToName, assignee.name, null);
        finding.assignedToId = assignee.id;
        finding.assignedToName = assignee.name;
    }
    return {
        id,
        success: true,
        message: fourEyes ? 'Waiting for a second person to approve.' : null,
        pending: fourEyes
    };
}

function updateFindings(
    store: Store,
    ops: Ops,
    args: Args<'WardenFindingsController.updateFindings'>,
    context: CallContext
): FindingUpdateResult[] {
    const assignee = validateBulk(store, args);
    return args.findingIds.map((rawId) => {
        const id = String(rawId);
        const finding = store.data.findings.find((row) => row.id === id);
        return finding
            ? updateOne(store, ops, finding, args, assignee, context)
            : { id, success: false, message: 'The finding does not exist or you cannot see it.', pending: false };
    });
}

function decideFinding(
    store: Store,
    ops: Ops,
    { findingId, approve, note }: Args<'WardenFindingsController.decideFinding'>,
    context: CallContext
): FindingDetail {
    const finding = ops.find(findingId);
    let refusal = decisionRefusal({
        requestedBy: finding.requestedStatus ? finding.requestedById : null,
        actor: context.userId,
        isApprover: store.isApprover(context.userId),
        approve: approve === true,
        note
    });
    if (refusal === null && approve === true) {
        const check = checkTransition(finding.status, finding.requestedStatus as string, finding.justification);
        refusal = check.allowed ? null : check.reason;
        if (refusal === null && finding.requestedStatus === 'RiskAccepted') {
            refusal = expiryRefusal(finding.riskAcceptedUntil, store.today());
        }
    }
    if (refusal !== null) {
        throw new ApexError(refusalMessage(refusal));
    }
    if (approve === true) {
        ops.move(context, finding, finding.requestedStatus as string, 'Approved', note);
        finding.approvedByName = store.user(context.userId).name;
        finding.approvedOn = store.now();
    } else {
        ops.change(context, finding, 'Rejected', 'RequestedStatus__c', finding.requestedStatus, null, note);
        finding.requestedById = null;
        finding.requestedByName = null;
        finding.requestedOn = null;
    }
    finding.requestedStatus = null;
    return ops.detail(finding);
}

function extendDueDate(
    store: Store,
    ops: Ops,
    { findingId, dueDate, reason }: Args<'WardenFindingsController.extendDueDate'>,
    context: CallContext
): FindingDetail {
    const finding = ops.find(findingId);
    if (!(OPEN_FINDING_STATUSES as string[]).includes(finding.status)) {
        throw new ApexError('A closed finding has no deadline to move.');
    }
    if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || dueDate < store.today()) {
        throw new ApexError('Choose a due date of today or later.');
    }
    if ((reason ?? '').trim().length < MIN_NOTE) {
        throw new ApexError(refusalMessage('noteRequired'));
    }
    ops.change(context, finding, 'DueDateChanged', 'DueDate__c', finding.dueDate, dueDate, reason);
    finding.dueDate = dueDate;
    finding.dueDateExtended = true;
    return ops.detail(finding);
}

function validSla(value: unknown, name: string): number {
    const days = Number(value);
    if (value === null || value === undefined || !Number.isInteger(days) || days < 1 || days > MAX_SLA_DAYS) {
        throw new ApexError(`The ${name} SLA must be a whole number of days from 1 to ${MAX_SLA_DAYS}.`);
    }
    return days;
}

/** Saves new SLA windows and moves the deadlines that follow the SLA (not the extended ones). */
function saveSlaSettings(
    store: Store,
    ops: Ops,
    { critical, high, medium, low }: Args<'WardenFindingsController.saveSlaSettings'>,
    context: CallContext
): SlaSettings {
    const sla = {
        critical: validSla(critical, 'Critical'),
        high: validSla(high, 'High'),
        medium: validSla(medium, 'Medium'),
        low: validSla(low, 'Low')
    };
    store.data.sla = sla;
    for (const finding of store.openFindings()) {
        const due = recalculatedDueDate(finding, sla);
        if (due !== finding.dueDate) {
            const why = 'The remediation SLA windows were changed.';
            ops.change(context, finding, 'DueDateChanged', 'DueDate__c', finding.dueDate, due, why);
            finding.dueDate = due;
        }
    }
    return sla;
}

export function findingHandlers(store: Store): HandlersOf<'WardenFindingsController'> {
    const ops = findingOps(store);
    return {
        'WardenFindingsController.getFindings': (args, context) => getFindings(store, args, context),
        'WardenFindingsController.getFinding': ({ findingId }) => ops.detail(ops.find(findingId)),
        'WardenFindingsController.getSlaSettings': () => ({ ...store.data.sla }),
        'WardenFindingsController.getAssignees': () => store.data.users,
        'WardenFindingsController.updateFindings': (args, context) => updateFindings(store, ops, args, context),
        'WardenFindingsController.decideFinding': (args, context) => decideFinding(store, ops, args, context),
        'WardenFindingsController.extendDueDate': (args, context) => extendDueDate(store, ops, args, context),
        'WardenFindingsController.saveSlaSettings': (args, context) => saveSlaSettings(store, ops, args, context)
    };
}
