/**
 * The preview's findings controller: the queue in "Due first" order, the workflow of c/findingWorkflow, the
 * four-eyes closures of c/governance (requests, decisions by another approver), deadline extensions that new SLA
 * windows keep (c/slaCalculator), and the history of every change, as the Apex controller and the finding trigger
 * do in the org.
 */
import {
    FINDINGS_LIMIT,
    OPEN_FINDING_STATUSES,
    type FindingDetail
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

export function findingHandlers(store: Store): HandlersOf<'WardenFindingsController'> {
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

    return {
        'WardenFindingsController.getFindings': ({ query }, context) => {
            const q = query ?? {};
            const day = store.today();
            const rows = store.sortFindings(
                data.findings.filter(
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
        },

        'WardenFindingsController.getFinding': ({ findingId }) => detail(find(findingId)),

        'WardenFindingsController.getSlaSettings': () => ({ ...data.sla }),

        'WardenFindingsController.getAssignees': () => data.users,

        'WardenFindingsController.updateFindings': (
            { findingIds, status, justification, assigneeId, riskAcceptedUntil },
            context
        ) => {
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
            let assignee: { id: string; name: string } | undefined;
            if (assigneeId) {
                assignee = data.users.find((user) => user.id === requireId(assigneeId, 'assigneeId'));
                if (!assignee) {
                    throw new ApexError('The assignee is not an active Warden user.');
                }
            }
            return findingIds.map((rawId) => {
                const id = String(rawId);
                const finding = data.findings.find((row) => row.id === id);
                if (!finding) {
                    return {
                        id,
                        success: false,
                        message: 'The finding does not exist or you cannot see it.',
                        pending: false
                    };
                }
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
                    change(context, finding, 'Requested', 'RequestedStatus__c', null, status, after);
                } else if (status && status !== finding.status) {
                    move(context, finding, status, 'StatusChanged', justification ? after : null);
                }
                finding.justification = after;
                if (assignee && assignee.id !== finding.assignedToId) {
                    change(context, finding, 'Assigned', 'AssignedTo__c', finding.assignedToName, assignee.name, null);
                    finding.assignedToId = assignee.id;
                    finding.assignedToName = assignee.name;
                }
                return {
                    id,
                    success: true,
                    message: fourEyes ? 'Waiting for a second person to approve.' : null,
                    pending: fourEyes
                };
            });
        },

        'WardenFindingsController.decideFinding': ({ findingId, approve, note }, context) => {
            const finding = find(findingId);
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
                move(context, finding, finding.requestedStatus as string, 'Approved', note);
                finding.approvedByName = store.user(context.userId).name;
                finding.approvedOn = store.now();
            } else {
                change(context, finding, 'Rejected', 'RequestedStatus__c', finding.requestedStatus, null, note);
                finding.requestedById = null;
                finding.requestedByName = null;
                finding.requestedOn = null;
            }
            finding.requestedStatus = null;
            return detail(finding);
        },

        'WardenFindingsController.extendDueDate': ({ findingId, dueDate, reason }, context) => {
            const finding = find(findingId);
            if (!(OPEN_FINDING_STATUSES as string[]).includes(finding.status)) {
                throw new ApexError('A closed finding has no deadline to move.');
            }
            if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || dueDate < store.today()) {
                throw new ApexError('Choose a due date of today or later.');
            }
            if ((reason ?? '').trim().length < MIN_NOTE) {
                throw new ApexError(refusalMessage('noteRequired'));
            }
            change(context, finding, 'DueDateChanged', 'DueDate__c', finding.dueDate, dueDate, reason);
            finding.dueDate = dueDate;
            finding.dueDateExtended = true;
            return detail(finding);
        },

        'WardenFindingsController.saveSlaSettings': ({ critical, high, medium, low }, context) => {
            const validSla = (value: unknown, name: string): number => {
                const days = Number(value);
                if (
                    value === null ||
                    value === undefined ||
                    !Number.isInteger(days) ||
                    days < 1 ||
                    days > MAX_SLA_DAYS
                ) {
                    throw new ApexError(`The ${name} SLA must be a whole number of days from 1 to ${MAX_SLA_DAYS}.`);
                }
                return days;
            };
            const sla = {
                critical: validSla(critical, 'Critical'),
                high: validSla(high, 'High'),
                medium: validSla(medium, 'Medium'),
                low: validSla(low, 'Low')
            };
            data.sla = sla;
            for (const finding of store.openFindings()) {
                const due = recalculatedDueDate(finding, sla);
                if (due !== finding.dueDate) {
                    change(
                        context,
                        finding,
                        'DueDateChanged',
                        'DueDate__c',
                        finding.dueDate,
                        due,
                        'The remediation SLA windows were changed.'
                    );
                    finding.dueDate = due;
                }
            }
            return sla;
        }
    };
}
