/**
 * The erasure screen's contract with WardenErasureController and the rules a request is checked against before it
 * is sent (the same as SubjectErasure.requestRefusal and the four-eyes rules of c/governance), so the screen shows
 * a field's error inline and the local preview's backend refuses what the Apex refuses. docs/data-model.md,
 * "Erasure", says what an erasure does.
 */
import { MIN_NOTE, type Refusal } from 'c/governance';

/** ErasureRequest__c.Status__c. */
export type ErasureStatus = 'Requested' | 'Erased' | 'Rejected';
export const REQUESTED: ErasureStatus = 'Requested';
export const ERASED: ErasureStatus = 'Erased';
export const REJECTED: ErasureStatus = 'Rejected';

/** The ERASURE receipt of an approved request (WardenErasureController.ErasureReceipt). */
export type ErasureReceipt = {
    uuid: string;
    /** Whether the chain's subscriber has appended it yet. */
    chained: boolean;
    sequence: number | null;
    entryHash: string | null;
    loggedAt: string | null;
    /** KEY_DESTROYED or NO_KEY, then ;CONSENTS_ERASED=n. */
    reasons: string | null;
    /** The destroyed pseudonym, or null when the patient had no key. */
    subjectKey: string | null;
};

/** One request as the screen lists it: never the patient id. */
export type ErasureRow = {
    id: string;
    name: string;
    status: ErasureStatus;
    justification: string;
    requestedBy: string | null;
    requestedOn: string;
    decidedBy: string | null;
    decidedOn: string | null;
    decisionNote: string | null;
    /** Whether the running user may decide it. */
    canDecide: boolean;
    receipt: ErasureReceipt | null;
};

/** WardenErasureController.getErasures (and what requestErasure and decideErasure return). */
export type ErasureOverview = {
    /** Delete access to consents (WardenAdmin). */
    canRequest: boolean;
    /** Holds WardenApprover. */
    canDecide: boolean;
    /** Waiting requests first (oldest first), then decided ones (newest first). */
    requests: ErasureRow[];
};

/** Why a request may not be sent: SubjectErasure.requestRefusal's codes, plus a malformed record id. */
export type RequestRefusal = 'subjectRequired' | 'subjectInvalid' | 'justificationRequired';

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Why an erasure may not be asked for, or null: a record id of 15 or 18 characters and a justification. */
export function requestRefusal(subjectId: string | null, justification: string | null): RequestRefusal | null {
    const subject = (subjectId ?? '').trim();
    if (subject === '') {
        return 'subjectRequired';
    }
    if (!RECORD_ID.test(subject)) {
        return 'subjectInvalid';
    }
    return (justification ?? '').trim().length < MIN_NOTE ? 'justificationRequired' : null;
}

/**
 * Why a decision may not be sent, or null: a rejection needs a note of MIN_NOTE characters (c/governance). Who may
 * decide (an approver who did not ask) is the server's ErasureRow.canDecide.
 */
export function decisionNoteRefusal(approve: boolean, note: string | null): Refusal | null {
    return !approve && (note ?? '').trim().length < MIN_NOTE ? 'noteRequired' : null;
}

/** The counts a receipt's Reasons__c states, for display: whether a key was destroyed and how many consents. */
export function receiptCounts(reasons: string | null): { keyDestroyed: boolean; consentsErased: number | null } {
    const parts = (reasons ?? '').split(';');
    const consents = parts.find((part) => part.startsWith('CONSENTS_ERASED='));
    const count = consents ? Number(consents.slice('CONSENTS_ERASED='.length)) : NaN;
    return { keyDestroyed: parts[0] === 'KEY_DESTROYED', consentsErased: Number.isInteger(count) ? count : null };
}
