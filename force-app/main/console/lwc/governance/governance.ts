/**
 * Four-eyes governance of findings and data flows: the rules of docs/governance.md, which the Apex
 * FindingGovernance and DataFlowGovernance implement too. Both run the shared vectors of
 * scripts/dev/generate/governance-vectors.ts (force-app/tests/common/staticresources/GovernanceVectors.json), so
 * the console, the local preview and the org refuse the same things for the same reasons.
 *
 * - Accepting a risk, and closing a Critical finding in any way, is a request by one person with a justification,
 *   decided by a second person holding the WardenApprover permission; the one who asked never decides.
 * - A risk acceptance ends on a day after today and at most MAX_ACCEPTANCE_DAYS ahead.
 * - Approving a data flow is the same kind of request; an endpoint that falls short needs an override with a
 *   reason, and a Suspended endpoint is never approved.
 * - A review of an approved flow, a rejection and an override carry a note of MIN_NOTE characters or more.
 */
import { checkTransition, MIN_JUSTIFICATION_LENGTH, MAX_JUSTIFICATION_LENGTH } from 'c/findingWorkflow';

export const MAX_ACCEPTANCE_DAYS = 365;
export const MIN_NOTE = 10;
export const REVIEW_DAYS = 90;

/** Why a step is refused: the same codes the Apex returns. */
export type Refusal =
    | 'unknownStatus'
    | 'notAllowed'
    | 'justificationRequired'
    | 'justificationTooLong'
    | 'expiryRequired'
    | 'expiryOutOfRange'
    | 'alreadyRequested'
    | 'nothingRequested'
    | 'sameUser'
    | 'notApprover'
    | 'noteRequired'
    | 'endpointSuspended'
    | 'endpointFallsShort';

/** Where an endpoint falls short of what an approved flow needs, in this order. */
export type EndpointProblem =
    'suspended' | 'notApproved' | 'noDpa' | 'dpaExpired' | 'noZeroRetention' | 'residencyViolations';

export type EndpointStanding = {
    status: string;
    dpaSigned: boolean;
    dpaExpires: string | null;
    zeroRetention: boolean;
};

const DAY_MS = 86400000;

function addDays(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function hasText(value: string | null | undefined, min: number): boolean {
    return (value ?? '').trim().length >= min;
}

/** Whether moving a finding to `to` is a request for a second person rather than a move. */
export function needsSecondPerson(severity: string, to: string): boolean {
    if (to === 'RiskAccepted') {
        return true;
    }
    return severity === 'Critical' && (to === 'Resolved' || to === 'FalsePositive');
}

/** The first and last day a risk acceptance accepted today may end on. */
export function acceptanceBounds(today: string): { min: string; max: string } {
    return { min: addDays(today, 1), max: addDays(today, MAX_ACCEPTANCE_DAYS) };
}

export function expiryRefusal(until: string | null | undefined, today: string): Refusal | null {
    if (!until) {
        return 'expiryRequired';
    }
    const { min, max } = acceptanceBounds(today);
    return until < min || until > max ? 'expiryOutOfRange' : null;
}

export type ClosureRequest = {
    status: string;
    requestedStatus: string | null;
    to: string;
    /** The justification the finding would carry (findingWorkflow.justificationAfter). */
    justification: string | null;
    until: string | null;
    today: string;
};

/** Why a four-eyes closure may not be asked for, or null when it may. */
export function closureRequestRefusal(request: ClosureRequest): Refusal | null {
    if (request.requestedStatus) {
        return 'alreadyRequested';
    }
    const check = checkTransition(request.status, request.to, request.justification);
    if (!check.allowed) {
        return check.reason;
    }
    // A second person reads the reason: every four-eyes closure is justified, Resolved included.
    if (!hasText(request.justification, MIN_JUSTIFICATION_LENGTH)) {
        return 'justificationRequired';
    }
    if ((request.justification ?? '').trim().length > MAX_JUSTIFICATION_LENGTH) {
        return 'justificationTooLong';
    }
    return request.to === 'RiskAccepted' ? expiryRefusal(request.until, request.today) : null;
}

export type Decision = {
    requestedBy: string | null;
    actor: string;
    isApprover: boolean;
    approve: boolean;
    note: string | null;
};

/** Why a user may not decide a pending request, or null when they may. */
export function decisionRefusal(decision: Decision): Refusal | null {
    if (!decision.requestedBy) {
        return 'nothingRequested';
    }
    if (decision.requestedBy === decision.actor) {
        return 'sameUser';
    }
    if (!decision.isApprover) {
        return 'notApprover';
    }
    return !decision.approve && !hasText(decision.note, MIN_NOTE) ? 'noteRequired' : null;
}

/** Where an endpoint falls short on `today`, given its calls that broke a residency rule in the last 90 days. */
export function endpointProblems(
    endpoint: EndpointStanding,
    today: string,
    residencyViolations: number
): EndpointProblem[] {
    const problems: EndpointProblem[] = [];
    if (endpoint.status === 'Suspended') {
        problems.push('suspended');
    } else if (endpoint.status !== 'Approved') {
        problems.push('notApproved');
    }
    if (!endpoint.dpaSigned) {
        problems.push('noDpa');
    } else if (endpoint.dpaExpires !== null && endpoint.dpaExpires < today) {
        problems.push('dpaExpired');
    }
    if (!endpoint.zeroRetention) {
        problems.push('noZeroRetention');
    }
    if (residencyViolations > 0) {
        problems.push('residencyViolations');
    }
    return problems;
}

/** Why approval of a flow may not be asked for, or null. */
export function flowRequestRefusal(
    flow: { status: string; requestedBy: string | null },
    justification: string | null
): Refusal | null {
    if (flow.status !== 'Proposed' && flow.status !== 'Suspended') {
        return 'notAllowed';
    }
    if (flow.requestedBy) {
        return 'alreadyRequested';
    }
    if (!hasText(justification, MIN_JUSTIFICATION_LENGTH)) {
        return 'justificationRequired';
    }
    return (justification ?? '').trim().length > MAX_JUSTIFICATION_LENGTH ? 'justificationTooLong' : null;
}

/** Why a pending flow approval may not be decided this way, or null. */
export function flowDecisionRefusal(
    decision: Decision & { overrideShortfall: boolean; problems: EndpointProblem[] }
): Refusal | null {
    const refusal = decisionRefusal(decision);
    if (refusal !== null || !decision.approve) {
        return refusal;
    }
    if (decision.problems.includes('suspended')) {
        return 'endpointSuspended';
    }
    if (decision.problems.length > 0 && !decision.overrideShortfall) {
        return 'endpointFallsShort';
    }
    return decision.problems.length > 0 && !hasText(decision.note, MIN_NOTE) ? 'noteRequired' : null;
}

/** Why a flow may not be reviewed with a note, or null. */
export function reviewRefusal(status: string, note: string | null): Refusal | null {
    if (status !== 'Approved') {
        return 'notAllowed';
    }
    return hasText(note, MIN_NOTE) ? null : 'noteRequired';
}
