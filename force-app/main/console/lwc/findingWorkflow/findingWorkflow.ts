/**
 * The triage workflow of ComplianceFinding__c: the tables of docs/finding-workflow.md, which the Apex
 * FindingWorkflow implements too. Both run the shared vectors generated from those tables
 * (force-app/tests/findings/staticresources/FindingWorkflowVectors.json), so neither can drift.
 *
 *   New → Triaged → InRemediation → Resolved
 *   any open status → RiskAccepted or FalsePositive, only with a written justification
 *   a closed finding (Resolved, RiskAccepted, FalsePositive) may be reopened to Triaged
 *
 * A step may be skipped forwards (New → InRemediation, New → Resolved) because a fix can land before
 * anyone triaged; nothing moves backwards except a reopen. Keeping the status is no move and is accepted.
 */
import type { FindingStatus } from 'c/consoleContracts';

export const MIN_JUSTIFICATION_LENGTH = 10;
export const MAX_JUSTIFICATION_LENGTH = 32768;

const TRANSITIONS: Record<FindingStatus, FindingStatus[]> = {
    New: ['Triaged', 'InRemediation', 'Resolved', 'RiskAccepted', 'FalsePositive'],
    Triaged: ['InRemediation', 'Resolved', 'RiskAccepted', 'FalsePositive'],
    InRemediation: ['Resolved', 'RiskAccepted', 'FalsePositive'],
    Resolved: ['Triaged'],
    RiskAccepted: ['Triaged'],
    FalsePositive: ['Triaged']
};

export const JUSTIFIED_STATUSES: FindingStatus[] = ['RiskAccepted', 'FalsePositive'];

export type TransitionCheck =
    | { allowed: true }
    | { allowed: false; reason: 'unknownStatus' | 'notAllowed' | 'justificationRequired' | 'justificationTooLong' };

export function isStatus(value: string): value is FindingStatus {
    return Object.prototype.hasOwnProperty.call(TRANSITIONS, value);
}

/** The statuses a finding in `from` may move to. */
export function nextStatuses(from: string): FindingStatus[] {
    return isStatus(from) ? [...TRANSITIONS[from]] : [];
}

export function requiresJustification(to: string): boolean {
    return (JUSTIFIED_STATUSES as string[]).includes(to);
}

/**
 * Whether one finding may move from `from` to `to` with the justification it would have afterwards
 * (see justificationAfter). Staying in the same status is no move and always accepted.
 */
export function checkTransition(from: string, to: string, justification?: string | null): TransitionCheck {
    if (!isStatus(from) || !isStatus(to)) {
        return { allowed: false, reason: 'unknownStatus' };
    }
    if (from === to) {
        return { allowed: true };
    }
    if (!TRANSITIONS[from].includes(to)) {
        return { allowed: false, reason: 'notAllowed' };
    }
    if (requiresJustification(to)) {
        const text = (justification ?? '').trim();
        if (text.length < MIN_JUSTIFICATION_LENGTH) {
            return { allowed: false, reason: 'justificationRequired' };
        }
        if (text.length > MAX_JUSTIFICATION_LENGTH) {
            return { allowed: false, reason: 'justificationTooLong' };
        }
    }
    return { allowed: true };
}

/** The justification a finding has after an update: the new one trimmed, or its current one when none is given. */
export function justificationAfter(
    given: string | null | undefined,
    existing: string | null | undefined
): string | null {
    return given === null || given === undefined || given.trim() === '' ? (existing ?? null) : given.trim();
}

/** What entering a status does to ResolvedOn__c: Resolved stamps it, a reopen to Triaged clears it. */
export function resolvedOnAfter(to: string): 'set' | 'clear' | 'keep' {
    if (to === 'Resolved') {
        return 'set';
    }
    return to === 'Triaged' ? 'clear' : 'keep';
}

/** Statuses every one of the selected findings may move to: the intersection, in workflow order. */
export function commonNextStatuses(fromStatuses: string[]): FindingStatus[] {
    if (fromStatuses.length === 0) {
        return [];
    }
    const order = Object.keys(TRANSITIONS) as FindingStatus[];
    return order.filter((to) => fromStatuses.every((from) => nextStatuses(from).includes(to)));
}

/**
 * Splits a bulk status change into the findings that may move and those that may not, with reasons. A finding
 * that carries its current justification keeps it when the change brings none.
 */
export function planBulkTransition<T extends { id: string; status: string; justification?: string | null }>(
    findings: T[],
    to: string,
    justification?: string | null
): { movable: T[]; refused: { finding: T; reason: string }[] } {
    const movable: T[] = [];
    const refused: { finding: T; reason: string }[] = [];
    for (const finding of findings) {
        const check = checkTransition(finding.status, to, justificationAfter(justification, finding.justification));
        if (check.allowed) {
            movable.push(finding);
        } else {
            refused.push({ finding, reason: check.reason });
        }
    }
    return { movable, refused };
}
