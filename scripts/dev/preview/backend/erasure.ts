/**
 * The preview's erasure controller (WardenErasureController) over the demo's own v2 records. The demo log was
 * written under v1 (record id and an org-wide pseudonym on every entry, which an erasure does not touch: the
 * documented limit for v1 entries), so the preview keeps what v2 adds beside it: a per-subject key for each demo
 * patient with a consent (what the consent trigger, ConsentSubjectKeys, stores in the org) and the requests. An
 * approval does what SubjectErasure does: destroys the patient's key, erases the demo consents about the patient
 * (the consent screen's numbers drop) and appends the ERASURE receipt to the demo chain as a v2 entry, hashed with
 * c/auditChain's v2 canonical form and signed with the preview's event key, so the explorer lists it and the chain
 * still verifies. The org's subscriber chains a receipt a moment later; the preview's chains it at once. The call
 * simulator draws no erased patient afterwards (the demo's calls carry the record id and v1 pseudonym, which would
 * link the subject again), and its consent index, built at start, is then never read for that patient.
 * Permissions: the data set's current user is the Warden admin who may ask; the approvers decide (`?as=`).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { eventMac, type LogEntry } from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { decisionRefusal } from '../../../../force-app/main/console/lwc/governance/governance';
import {
    ERASED,
    REJECTED,
    REQUESTED,
    requestRefusal,
    type ErasureOverview,
    type ErasureRow,
    type ErasureStatus
} from '../../../../force-app/main/console/lwc/erasureRules/erasureRules';
import { chainEntryHash, GENESIS_HASH, toExportRecord, type ChainFields } from '../chain';
import type { DemoLogEntry } from '../demoData';
import { fakeId } from '../random';
import { refusalMessage } from './findings';
import { ApexError, type CallContext, type HandlersOf, type Store } from './store';

/** The preview's event MAC key (the org's lives in its keyring); only the receipts the preview writes use it. */
const DEMO_EVENT_KEY_HEX = createHmac('sha256', 'warden-demo').update('event-key').digest('hex');
const PSEUDONYM_LABEL = 'warden-subject-v2:';
const NEED_PERMISSION =
    'You need the WardenAdmin permission set to request erasures, or the Warden Approver permission to decide them.';
const SUBJECT_MESSAGES = {
    subjectRequired: 'Enter the patient\u2019s record id.',
    subjectInvalid: 'A record id has 15 or 18 letters and digits.'
};

type DemoRequest = {
    id: string;
    name: string;
    status: ErasureStatus;
    justification: string;
    subjectId: string | null;
    requestedById: string;
    requestedOn: string;
    decidedById: string | null;
    decidedOn: string | null;
    decisionNote: string | null;
    receiptUuid: string | null;
};

type ReceiptEntry = DemoLogEntry & ChainFields;

/**
 * Chains an ERASURE receipt onto the demo log as SubjectErasure's event would be chained: a v2 entry hashed in the v2
 * canonical form and signed with the preview's event key.
 */
function appendReceipt(store: Store, pseudonym: string | null, reasons: string): string {
    const { data } = store;
    const last = data.log[data.log.length - 1];
    const sequence = data.log.length + 1;
    // Whole seconds, as AuditChain stores them, and never before the head: the log is in time order.
    const at = Math.max(store.clock(), last ? Date.parse(last.loggedAt) : 0);
    const receipt: ReceiptEntry = {
        id: fakeId('a04', sequence),
        name: `IL-${String(sequence).padStart(10, '0')}`,
        eventUuid: randomUUID(),
        sequence,
        loggedAt: new Date(Math.ceil(at / 1000) * 1000).toISOString(),
        endpointId: null,
        endpointKey: null,
        purpose: null,
        decision: 'Erased',
        mode: null,
        jurisdiction: null,
        phiCategories: null,
        redactionCount: null,
        consentResult: null,
        residencyResult: null,
        caller: 'SubjectErasure',
        recordId: null,
        latencyMs: null,
        reasons,
        fieldsSent: null,
        subjectKey: pseudonym,
        promptSha256: null,
        responseSha256: null,
        tokensIn: null,
        tokensOut: null,
        entryKind: 'ERASURE',
        intentUuid: null,
        calloutError: null,
        mac: null,
        previousHash: last ? (last.entryHash as string) : GENESIS_HASH,
        entryHash: null
    };
    receipt.mac = eventMac(toExportRecord(receipt) as LogEntry, DEMO_EVENT_KEY_HEX);
    receipt.entryHash = chainEntryHash(receipt, receipt.previousHash as string);
    data.log.push(receipt);
    return receipt.eventUuid;
}

/** The demo's erasure state and what an approval does to the demo data. */
function erasureOps(store: Store) {
    const { data } = store;
    const requests: DemoRequest[] = [];
    const keys = new Map<string, Buffer>();
    const erased = new Set<string>();

    /** The patient's stored key: one exists for a demo patient with a consent, until erased. */
    const keyOf = (patientId: string): Buffer | null => {
        if (!keys.has(patientId) && !erased.has(patientId)) {
            if (data.consents.some((consent) => consent.patientId === patientId)) {
                keys.set(patientId, randomBytes(32));
            }
        }
        return keys.get(patientId) ?? null;
    };

    /** SubjectErasure.erase for one patient: consents, key, then the chained receipt. */
    const erase = (patientId: string): string => {
        const key = keyOf(patientId);
        const pseudonym = key
            ? createHmac('sha256', key)
                  .update(PSEUDONYM_LABEL + patientId)
                  .digest('hex')
            : null;
        let count = 0;
        // In place: the other handler groups hold the same array.
        for (let index = data.consents.length - 1; index >= 0; index--) {
            if (data.consents[index].patientId === patientId) {
                data.consents.splice(index, 1);
                count++;
            }
        }
        keys.delete(patientId);
        erased.add(patientId);
        // The call simulator's consent index was built at start; it skips an erased patient instead of reading it.
        const patient = data.patients.find((candidate) => candidate.id === patientId);
        if (patient) {
            patient.erased = true;
        }
        return appendReceipt(store, pseudonym, `${key ? 'KEY_DESTROYED' : 'NO_KEY'};CONSENTS_ERASED=${count}`);
    };

    const receiptOf = (uuid: string | null): ErasureRow['receipt'] => {
        if (!uuid) {
            return null;
        }
        const entry = [...data.log].reverse().find((candidate) => candidate.eventUuid === uuid);
        return {
            uuid,
            chained: !!entry,
            sequence: entry?.sequence ?? null,
            entryHash: entry?.entryHash ?? null,
            loggedAt: entry?.loggedAt ?? null,
            reasons: entry?.reasons ?? null,
            subjectKey: entry?.subjectKey ?? null
        };
    };

    const permissions = (userId: string) => {
        const canRequest = userId === data.currentUser.id;
        const canDecide = store.isApprover(userId);
        if (!canRequest && !canDecide) {
            throw new ApexError(NEED_PERMISSION, 403);
        }
        return { canRequest, canDecide };
    };

    const overview = (context: CallContext): ErasureOverview => {
        const { canRequest, canDecide } = permissions(context.userId);
        const waiting = requests.filter((request) => request.status === REQUESTED);
        const decided = requests
            .filter((request) => request.status !== REQUESTED)
            .sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? ''));
        return {
            canRequest,
            canDecide,
            requests: [...waiting, ...decided].map((request) => ({
                id: request.id,
                name: request.name,
                status: request.status,
                justification: request.justification,
                requestedBy: store.user(request.requestedById).name,
                requestedOn: request.requestedOn,
                decidedBy: request.decidedById ? store.user(request.decidedById).name : null,
                decidedOn: request.decidedOn,
                decisionNote: request.decisionNote,
                canDecide: canDecide && request.status === REQUESTED && request.requestedById !== context.userId,
                receipt: receiptOf(request.receiptUuid)
            }))
        };
    };

    return { requests, erase, overview, permissions };
}

export function erasureHandlers(store: Store): HandlersOf<'WardenErasureController'> {
    const ops = erasureOps(store);
    return {
        'WardenErasureController.getErasures': (_request, context) => ops.overview(context),
        'WardenErasureController.requestErasure': ({ subjectId, justification }, context) => {
            if (!ops.permissions(context.userId).canRequest) {
                throw new ApexError(NEED_PERMISSION, 403);
            }
            const refusal = requestRefusal(subjectId, justification);
            if (refusal === 'subjectRequired' || refusal === 'subjectInvalid') {
                throw new ApexError(SUBJECT_MESSAGES[refusal]);
            }
            if (refusal) {
                throw new ApexError(refusalMessage(refusal));
            }
            const number = ops.requests.length + 1;
            ops.requests.push({
                id: fakeId('a0E', number),
                name: `ER-${String(number).padStart(6, '0')}`,
                status: REQUESTED,
                justification: justification.trim(),
                subjectId: subjectId.trim(),
                requestedById: context.userId,
                requestedOn: store.now(),
                decidedById: null,
                decidedOn: null,
                decisionNote: null,
                receiptUuid: null
            });
            return ops.overview(context);
        },
        'WardenErasureController.decideErasure': ({ requestId, approve, note }, context) => {
            const request = ops.requests.find((candidate) => candidate.id === requestId);
            const refusal = decisionRefusal({
                requestedBy: request?.status === REQUESTED ? request.requestedById : null,
                actor: context.userId,
                isApprover: store.isApprover(context.userId),
                approve: approve === true,
                note
            });
            if (refusal || !request) {
                throw new ApexError(refusalMessage(refusal ?? 'nothingRequested'));
            }
            request.receiptUuid = approve === true ? ops.erase(request.subjectId as string) : null;
            request.status = approve === true ? ERASED : REJECTED;
            request.subjectId = null;
            request.decidedById = context.userId;
            request.decidedOn = store.now();
            request.decisionNote = note && note.trim() !== '' ? note.trim() : null;
            return ops.overview(context);
        }
    };
}
