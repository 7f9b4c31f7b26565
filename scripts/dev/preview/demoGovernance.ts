/**
 * The governance part of the demo data set: who asked for and who approved each data flow and closed finding, the
 * change history (RecordChange__c) behind them, and planted cases for the four-eyes screens:
 * - a proposed research flow to an endpoint that falls short, waiting for a second officer (needs an override);
 * - a flow to the Suspended legacy endpoint waiting for approval (which must be refused);
 * - an approved flow to the US public endpoint with a recorded override;
 * - a risk acceptance waiting for a second officer, and a Critical finding whose closure the demo user asked for
 *   herself (so she cannot approve it);
 * - risk acceptances with end dates, one of which ended yesterday and was reopened by the nightly job.
 * Deterministic: everything follows from the generated findings and flows, no randomness of its own.
 */
import type {
    ChangeRow,
    FindingDetail,
    UserOption
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { addDays } from '../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import type { DemoData, DemoFlow } from './demoData';
import { fakeId } from './random';

const DAY_MS = 86400000;

function iso(ms: number): string {
    return new Date(ms).toISOString();
}

/** Appends one history entry (ids follow the RecordChange__c auto-number). */
export function recordChange(
    data: Pick<DemoData, 'changes'>,
    change: Omit<ChangeRow, 'id' | 'changedByName'> & { changedBy: UserOption }
): ChangeRow {
    const { changedBy, ...rest } = change;
    const row: ChangeRow = {
        ...rest,
        id: fakeId('a07', data.changes.length + 1),
        changedByName: changedBy.name
    };
    data.changes.push(row);
    return row;
}

function flowJustification(flow: DemoFlow): string {
    return `${flow.sourceObject}.${flow.sourceField} is needed for ${flow.purpose}; it leaves the org only ${
        flow.minimization === 'Allow' ? 'as is, being non-identifying' : `after ${flow.minimization}`
    }, to an endpoint under a signed processor agreement.`;
}

function seedFlows(data: DemoData, todayMs: number): void {
    const [mara, tom, ines] = data.users;
    const flowChange = (flow: DemoFlow, fields: Partial<ChangeRow>, by: UserOption, at: number) =>
        recordChange(data, {
            recordId: flow.id,
            recordName: flow.name,
            action: 'StatusChanged',
            field: 'Status__c',
            fromValue: null,
            toValue: null,
            reason: null,
            changedAt: iso(at),
            ...fields,
            changedBy: by
        });
    data.flows.forEach((flow, index) => {
        const approvedAt = flow.approvedOn ? Date.parse(flow.approvedOn) : todayMs - 30 * DAY_MS;
        const created = approvedAt - 9 * DAY_MS;
        flowChange(flow, { action: 'Created', toValue: 'Proposed' }, tom, created);
        if (flow.status !== 'Approved') {
            return;
        }
        const requester = index % 2 === 0 ? tom : ines;
        const approver = requester === ines ? mara : ines;
        flow.justification = flowJustification(flow);
        flow.approvedByName = approver.name;
        flowChange(
            flow,
            { action: 'Requested', field: 'RequestedBy__c', toValue: requester.name, reason: flow.justification },
            requester,
            created + 2 * DAY_MS
        );
        flowChange(flow, { action: 'Approved', fromValue: 'Proposed', toValue: 'Approved' }, approver, approvedAt);
    });

    // An approval that overrode the endpoint's shortfall (the US public endpoint keeps prompts).
    const overridden = data.flows.find(
        (flow) => flow.status === 'Approved' && flow.endpointName?.startsWith('US Public')
    );
    if (overridden) {
        overridden.complianceOverride = true;
        overridden.overrideReason =
            'Zero retention is contractually agreed from the next renewal; until then only redacted fields go there.';
        const last = data.changes.filter((change) => change.recordId === overridden.id).pop();
        if (last) {
            last.action = 'Overridden';
            last.reason = overridden.overrideReason;
        }
    }
    // Reviews: the flows whose next review is far off were reviewed recently, with a note.
    for (const flow of data.flows) {
        if (flow.status === 'Approved' && flow.nextReview && flow.nextReview > addDays(data.today, 70)) {
            const at = Date.parse(`${addDays(flow.nextReview, -90)}T09:30:00Z`);
            flow.reviewedOn = iso(at);
            flow.reviewedByName = mara.name;
            flowChange(
                flow,
                {
                    action: 'Reviewed',
                    field: 'ReviewedOn__c',
                    toValue: flow.reviewedOn.slice(0, 10),
                    reason: 'Minimisation and endpoint terms unchanged; traffic as expected.'
                },
                mara,
                at
            );
        }
    }
    // Pending requests waiting for a second person.
    const pending: [DemoFlow | undefined, UserOption, string][] = [
        [
            data.flows.find((flow) => flow.sourceField === 'Body' && flow.status === 'Proposed'),
            ines,
            'The research team needs chat transcripts to evaluate triage quality; transcripts are pseudonymised before they leave.'
        ],
        [
            data.flows.find((flow) => flow.status === 'Suspended'),
            tom,
            'The summariser is needed again for the patient newsletter; e-mail addresses are redacted.'
        ]
    ];
    for (const [flow, requester, justification] of pending) {
        if (!flow) {
            continue;
        }
        const at = todayMs - 2 * DAY_MS + 3 * 3600000;
        flow.requestedById = requester.id;
        flow.requestedByName = requester.name;
        flow.requestedOn = iso(at);
        flow.justification = justification;
        flowChange(
            flow,
            { action: 'Requested', field: 'RequestedBy__c', toValue: requester.name, reason: justification },
            requester,
            at
        );
    }
}

function findingChange(
    data: DemoData,
    finding: FindingDetail,
    fields: Partial<ChangeRow>,
    by: UserOption,
    at: number
): void {
    recordChange(data, {
        recordId: finding.id,
        recordName: finding.name,
        action: 'StatusChanged',
        field: 'Status__c',
        fromValue: null,
        toValue: null,
        reason: null,
        changedAt: iso(at),
        ...fields,
        changedBy: by
    });
}

/** The history behind each finding's status, with who asked for and who approved each decided closure. */
function seedFindings(data: DemoData): void {
    const [mara, tom, ines] = data.users;
    data.findings.forEach((finding, index) => {
        const firstSeen = Date.parse(finding.firstSeen ?? data.today);
        findingChange(data, finding, { action: 'Created', toValue: 'New' }, tom, firstSeen);
        const assignee = data.users.find((user) => user.id === finding.assignedToId);
        if (assignee) {
            findingChange(
                data,
                finding,
                { action: 'Assigned', field: 'AssignedTo__c', toValue: assignee.name },
                mara,
                firstSeen + DAY_MS
            );
        }
        if (finding.status !== 'New') {
            findingChange(
                data,
                finding,
                { fromValue: 'New', toValue: 'Triaged' },
                assignee ?? mara,
                firstSeen + DAY_MS
            );
        }
        if (finding.status === 'InRemediation' || finding.status === 'Resolved') {
            findingChange(
                data,
                finding,
                { fromValue: 'Triaged', toValue: finding.status },
                assignee ?? mara,
                finding.resolvedOn ? Date.parse(finding.resolvedOn) : firstSeen + 2 * DAY_MS
            );
        }
        if (finding.status === 'RiskAccepted' || finding.status === 'FalsePositive') {
            const requester = index % 2 === 0 ? ines : tom;
            const approver = requester === ines ? mara : ines;
            const asked = firstSeen + 3 * DAY_MS;
            finding.requestedById = requester.id;
            finding.approvedByName = approver.name;
            finding.approvedOn = iso(asked + DAY_MS);
            if (finding.status === 'RiskAccepted') {
                finding.riskAcceptedUntil = addDays(data.today, 20 + ((index * 37) % 200));
            }
            findingChange(
                data,
                finding,
                {
                    action: 'Requested',
                    field: 'RequestedStatus__c',
                    toValue: finding.status,
                    reason: finding.justification
                },
                requester,
                asked
            );
            findingChange(
                data,
                finding,
                { action: 'Approved', fromValue: 'Triaged', toValue: finding.status },
                approver,
                asked + DAY_MS
            );
        }
    });
}

/** The planted cases: an expired acceptance reopened, and closures waiting for a second person. */
function plantFindingCases(data: DemoData, todayMs: number): void {
    const [mara, tom, ines] = data.users;
    // A risk acceptance that ended yesterday: the nightly job reopened it this morning.
    const expired = data.findings.find((finding) => finding.status === 'RiskAccepted');
    if (expired) {
        expired.riskAcceptedUntil = addDays(data.today, -1);
        expired.status = 'Triaged';
        expired.approvedByName = null;
        expired.approvedOn = null;
        findingChange(
            data,
            expired,
            {
                action: 'Expired',
                fromValue: 'RiskAccepted',
                toValue: 'Triaged',
                reason: 'The risk acceptance reached its end date; the finding is open again for review.'
            },
            tom,
            todayMs + 2 * 3600000
        );
    }
    // Waiting for a second person: a risk acceptance asked for by Inés, and the demo user's own Critical closure.
    const open = data.findings.filter((finding) => ['New', 'Triaged', 'InRemediation'].includes(finding.status));
    const accept = open.find((finding) => finding.severity === 'High' && finding.status === 'Triaged');
    const critical = open.find((finding) => finding.severity === 'Critical' && finding.status === 'InRemediation');
    const requests: [FindingDetail | undefined, UserOption, FindingDetail['status'], string][] = [
        [
            accept,
            ines,
            'RiskAccepted',
            'The class is retired with the portal migration next quarter; calls are logged at the perimeter until then.'
        ],
        [
            critical,
            mara,
            'Resolved',
            'The endpoint was removed from the flow and the residency rule re-checked; no EU call since the fix.'
        ]
    ];
    for (const [finding, requester, status, justification] of requests) {
        if (!finding) {
            continue;
        }
        const at = todayMs - DAY_MS + 5 * 3600000;
        finding.requestedStatus = status;
        finding.requestedById = requester.id;
        finding.requestedByName = requester.name;
        finding.requestedOn = iso(at);
        finding.justification = justification;
        if (status === 'RiskAccepted') {
            finding.riskAcceptedUntil = addDays(data.today, 90);
        }
        findingChange(
            data,
            finding,
            { action: 'Requested', field: 'RequestedStatus__c', toValue: status, reason: justification },
            requester,
            at
        );
    }
}

/** Adds the governance state and history to a generated data set (in place) and returns it. */
export function seedGovernance(data: DemoData): DemoData {
    const todayMs = Date.parse(`${data.today}T00:00:00Z`);
    seedFlows(data, todayMs);
    seedFindings(data);
    plantFindingCases(data, todayMs);
    data.changes.sort((a, b) => a.changedAt.localeCompare(b.changedAt));
    return data;
}
