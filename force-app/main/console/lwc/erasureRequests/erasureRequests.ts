/**
 * The erasure screen (GDPR Art. 17 by crypto-shredding; docs/data-model.md, "Erasure"): a Warden admin asks for a
 * patient to be erased with a justification; a second person holding WardenApprover, never the one who asked,
 * approves (which erases at once: the patient's subject key and Warden's consents about the patient go, and a
 * chained ERASURE receipt is written) or rejects with a note. It lists the requests with who asked and decided and
 * when, and the receipt of an erased patient once the chain holds it; it says what an erasure does not erase. The
 * screen never shows a patient id: a request names one only while it waits, and the list leaves it out. Inputs are
 * checked with c/erasureRules before they are sent, so a field's error shows on the field; the server checks again.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getErasures from '@salesforce/apex/WardenErasureController.getErasures';
import requestErasure from '@salesforce/apex/WardenErasureController.requestErasure';
import decideErasure from '@salesforce/apex/WardenErasureController.decideErasure';
import {
    decisionNoteRefusal,
    receiptCounts,
    requestRefusal,
    type ErasureOverview,
    type ErasureRow
} from 'c/erasureRules';
import { formatDateTime, formatLabel, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.ErasureTitle';
import HELP from '@salesforce/label/c.ErasureHelp';
import ERASED_ITEMS from '@salesforce/label/c.ErasureWhatIsErased';
import KEPT_ITEMS from '@salesforce/label/c.ErasureWhatIsKept';
import DOCS from '@salesforce/label/c.ErasureDocs';
import FORM_TITLE from '@salesforce/label/c.ErasureFormTitle';
import SUBJECT from '@salesforce/label/c.ErasureSubject';
import SUBJECT_HELP from '@salesforce/label/c.ErasureSubjectHelp';
import SUBJECT_REQUIRED from '@salesforce/label/c.ErasureSubjectRequired';
import SUBJECT_INVALID from '@salesforce/label/c.ErasureSubjectInvalid';
import JUSTIFICATION from '@salesforce/label/c.ErasureJustification';
import JUSTIFICATION_HELP from '@salesforce/label/c.ErasureJustificationHelp';
import REQUEST from '@salesforce/label/c.ErasureRequest';
import REQUESTED_TOAST from '@salesforce/label/c.ErasureRequested';
import NO_REQUEST from '@salesforce/label/c.ErasureCannotRequest';
import LIST_TITLE from '@salesforce/label/c.ErasureListTitle';
import EMPTY from '@salesforce/label/c.ErasureEmpty';
import COL_REQUEST from '@salesforce/label/c.ErasureColRequest';
import COL_STATUS from '@salesforce/label/c.ErasureColStatus';
import COL_ASKED from '@salesforce/label/c.ErasureColAsked';
import COL_DECIDED from '@salesforce/label/c.ErasureColDecided';
import COL_RECEIPT from '@salesforce/label/c.ErasureColReceipt';
import STATUS_REQUESTED from '@salesforce/label/c.ErasureStatusRequested';
import STATUS_ERASED from '@salesforce/label/c.ErasureStatusErased';
import STATUS_REJECTED from '@salesforce/label/c.ErasureStatusRejected';
import RECEIPT_CHAINED from '@salesforce/label/c.ErasureReceiptChained';
import RECEIPT_PENDING from '@salesforce/label/c.ErasureReceiptPending';
import KEY_DESTROYED from '@salesforce/label/c.ErasureKeyDestroyed';
import NO_KEY from '@salesforce/label/c.ErasureNoKey';
import DECIDE from '@salesforce/label/c.ErasureDecide';
import DECIDE_TITLE from '@salesforce/label/c.ErasureDecideTitle';
import DECIDE_HELP from '@salesforce/label/c.ErasureDecideHelp';
import APPROVE from '@salesforce/label/c.ErasureApprove';
import REJECT from '@salesforce/label/c.ErasureReject';
import NOTE from '@salesforce/label/c.ErasureNote';
import NOTE_HELP from '@salesforce/label/c.ErasureNoteHelp';
import APPROVED_TOAST from '@salesforce/label/c.ErasureApproved';
import REJECTED_TOAST from '@salesforce/label/c.ErasureRejected';
import NO_PERMISSION from '@salesforce/label/c.ErasureNeedPermission';
import JUSTIFICATION_REQUIRED from '@salesforce/label/c.ErasureJustificationRequired';
import NOTE_REQUIRED from '@salesforce/label/c.GovernanceNoteRequired';
import CANCEL from '@salesforce/label/c.ConsoleCancel';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import SUCCESS_TITLE from '@salesforce/label/c.ConsoleSuccessTitle';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

type Validatable = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };
type Field = 'subject' | 'justification' | 'note';

const STATUS_TEXT: Record<string, string> = {
    Requested: STATUS_REQUESTED,
    Erased: STATUS_ERASED,
    Rejected: STATUS_REJECTED
};
const STATUS_CLASS: Record<string, string> = {
    Requested: 'slds-badge slds-theme_warning',
    Erased: 'slds-badge slds-theme_success',
    Rejected: 'slds-badge'
};

export type ErasureView = ErasureRow & {
    statusText: string;
    statusClass: string;
    askedAt: string;
    decidedAt: string;
    receiptText: string;
    receiptHash: string;
    decideLabel: string;
};

export default class ErasureRequests extends LightningElement {
    labels = {
        title: TITLE,
        help: HELP,
        erasedItems: ERASED_ITEMS,
        keptItems: KEPT_ITEMS,
        docs: DOCS,
        formTitle: FORM_TITLE,
        subject: SUBJECT,
        subjectHelp: SUBJECT_HELP,
        justification: JUSTIFICATION,
        justificationHelp: JUSTIFICATION_HELP,
        request: REQUEST,
        noRequest: NO_REQUEST,
        listTitle: LIST_TITLE,
        empty: EMPTY,
        colRequest: COL_REQUEST,
        colStatus: COL_STATUS,
        colAsked: COL_ASKED,
        colDecided: COL_DECIDED,
        colReceipt: COL_RECEIPT,
        decideTitle: DECIDE_TITLE,
        decideHelp: DECIDE_HELP,
        approve: APPROVE,
        reject: REJECT,
        note: NOTE,
        noteHelp: NOTE_HELP,
        cancel: CANCEL,
        loading: LOADING,
        errorTitle: ERROR_TITLE,
        noPermission: NO_PERMISSION
    };

    overview: ErasureOverview | undefined;
    errorMessage: string | undefined;
    noPermission = false;
    subjectId = '';
    justification = '';
    note = '';
    deciding: ErasureRow | undefined;
    busy = false;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        try {
            this.overview = (await getErasures()) as ErasureOverview;
            this.errorMessage = undefined;
        } catch (error) {
            this.show(undefined, error);
        }
    }

    get isLoading(): boolean {
        return !this.overview && !this.errorMessage && !this.noPermission;
    }

    get rows(): ErasureView[] {
        return (this.overview?.requests ?? []).map((row) => this.view(row));
    }

    get hasRows(): boolean {
        return (this.overview?.requests ?? []).length > 0;
    }

    get decideHeading(): string {
        return formatLabel(DECIDE_TITLE, this.deciding?.name ?? '');
    }

    private view(row: ErasureRow): ErasureView {
        const counts = receiptCounts(row.receipt?.reasons ?? null);
        const receipt = row.receipt;
        let receiptText = '';
        if (receipt?.chained) {
            receiptText = formatLabel(
                RECEIPT_CHAINED,
                receipt.sequence,
                formatDateTime(receipt.loggedAt, LOCALE, TIME_ZONE),
                counts.keyDestroyed ? KEY_DESTROYED : NO_KEY,
                counts.consentsErased ?? 0
            );
        } else if (receipt) {
            receiptText = RECEIPT_PENDING;
        }
        return {
            ...row,
            statusText: STATUS_TEXT[row.status] ?? row.status,
            statusClass: STATUS_CLASS[row.status] ?? 'slds-badge',
            askedAt: formatDateTime(row.requestedOn, LOCALE, TIME_ZONE),
            decidedAt: row.decidedOn ? formatDateTime(row.decidedOn, LOCALE, TIME_ZONE) : '',
            receiptText,
            receiptHash: receipt?.entryHash ?? '',
            decideLabel: formatLabel(DECIDE, row.name)
        };
    }

    handleSubject(event: CustomEvent<{ value: string }>): void {
        this.subjectId = event.detail.value ?? '';
        this.clearError(event);
    }

    handleJustification(event: CustomEvent<{ value: string }>): void {
        this.justification = event.detail.value ?? '';
        this.clearError(event);
    }

    handleNote(event: CustomEvent<{ value: string }>): void {
        this.note = event.detail.value ?? '';
        this.clearError(event);
    }

    async handleRequest(): Promise<void> {
        const refusal = requestRefusal(this.subjectId, this.justification);
        if (refusal === 'subjectRequired' || refusal === 'subjectInvalid') {
            this.fieldError('subject', refusal === 'subjectRequired' ? SUBJECT_REQUIRED : SUBJECT_INVALID);
            return;
        }
        if (refusal) {
            this.fieldError('justification', JUSTIFICATION_REQUIRED);
            return;
        }
        await this.send(
            () => requestErasure({ subjectId: this.subjectId.trim(), justification: this.justification.trim() }),
            'justification',
            REQUESTED_TOAST,
            () => {
                this.subjectId = '';
                this.justification = '';
            }
        );
    }

    handleDecide(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.requestId;
        this.deciding = this.overview?.requests.find((row) => row.id === id && row.canDecide);
        this.note = '';
        // The panel renders on the next tick; the note field takes the focus so a keyboard user lands in it.
        Promise.resolve().then(() => (this.template?.querySelector('[data-field="note"]') as HTMLElement)?.focus());
    }

    handleCancel(): void {
        const id = this.deciding?.id;
        this.deciding = undefined;
        this.note = '';
        Promise.resolve().then(() =>
            (this.template?.querySelector(`[data-request-id="${id}"]`) as HTMLElement | null)?.focus()
        );
    }

    handlePanelKey(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleCancel();
        }
    }

    handleApprove(): Promise<void> {
        return this.decide(true);
    }

    handleReject(): Promise<void> {
        return this.decide(false);
    }

    private async decide(approve: boolean): Promise<void> {
        const row = this.deciding;
        if (!row) {
            return;
        }
        if (decisionNoteRefusal(approve, this.note)) {
            this.fieldError('note', NOTE_REQUIRED);
            return;
        }
        const note = this.note.trim() === '' ? null : this.note.trim();
        await this.send(
            () => decideErasure({ requestId: row.id, approve, note }),
            'note',
            formatLabel(approve ? APPROVED_TOAST : REJECTED_TOAST, row.name),
            () => {
                this.deciding = undefined;
                this.note = '';
            }
        );
    }

    /** Sends one change; the answer is the new screen. A refusal shows on `field` and stays there. */
    private async send(call: () => Promise<unknown>, field: Field, success: string, reset: () => void): Promise<void> {
        this.busy = true;
        try {
            this.overview = (await call()) as ErasureOverview;
            reset();
            this.dispatchEvent(new ShowToastEvent({ title: SUCCESS_TITLE, message: success, variant: 'success' }));
        } catch (error) {
            const readable = readableError(error, NO_PERMISSION, GENERIC_ERROR);
            if (readable.kind === 'permission') {
                this.show(undefined, error);
            } else {
                this.fieldError(field, readable.message);
            }
        } finally {
            this.busy = false;
        }
    }

    private show(overview: ErasureOverview | undefined, error: unknown): void {
        const readable = readableError(error, NO_PERMISSION, GENERIC_ERROR);
        this.overview = overview;
        this.noPermission = readable.kind === 'permission';
        this.errorMessage = this.noPermission ? undefined : readable.message;
    }

    private clearError(event: Event): void {
        (event.target as Validatable).setCustomValidity?.('');
    }

    private fieldError(field: Field, message: string): void {
        const input = this.template?.querySelector(`[data-field="${field}"]`) as Validatable | null;
        if (input) {
            input.setCustomValidity(message);
            input.reportValidity();
        }
    }
}
