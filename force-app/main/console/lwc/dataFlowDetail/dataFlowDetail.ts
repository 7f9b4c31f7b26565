/**
 * One data flow in a panel beside the map: its endpoint's standing, its justification and override, the four-eyes
 * step that is due (ask for approval; approve or reject as a second person, with an override where the endpoint
 * falls short; review an approved flow with a note) and its change history. The rules are c/governance's, checked
 * here before anything is sent and again by the server; a refusal is shown at the field it concerns, not in a toast.
 * Escape closes the panel; the parent gets `flowchange` with the flow after each step and `close`.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getDataFlow from '@salesforce/apex/WardenDataFlowController.getDataFlow';
import requestApproval from '@salesforce/apex/WardenDataFlowController.requestApproval';
import decideApproval from '@salesforce/apex/WardenDataFlowController.decideApproval';
import reviewFlow from '@salesforce/apex/WardenDataFlowController.reviewFlow';
import type { DataFlowDetail as FlowDetail } from 'c/consoleContracts';
import {
    flowDecisionRefusal,
    flowRequestRefusal,
    reviewRefusal,
    type EndpointProblem,
    type Refusal
} from 'c/governance';
import { minimizationLabel, PROBLEM_LABELS } from 'c/consoleLabels';
import { formatDateTime, formatDay, formatLabel, readableError } from 'c/consoleUtils';
import CLOSE from '@salesforce/label/c.ConsoleClose';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';
import SUCCESS_TITLE from '@salesforce/label/c.ConsoleSuccessTitle';
import PURPOSE from '@salesforce/label/c.ConsolePurpose';
import ENDPOINT from '@salesforce/label/c.ConsoleEndpoint';
import SOURCE from '@salesforce/label/c.FlowsColSource';
import NEXT_REVIEW from '@salesforce/label/c.FlowsNextReview';
import APPROVE from '@salesforce/label/c.FlowsApprove';
import REVIEW from '@salesforce/label/c.FlowsReview';
import APPROVED_TOAST from '@salesforce/label/c.FlowsApprovedToast';
import REVIEWED_TOAST from '@salesforce/label/c.FlowsReviewedToast';
import STATE_APPROVED from '@salesforce/label/c.FlowsStateApproved';
import STATE_PROPOSED from '@salesforce/label/c.FlowsStateProposed';
import STATE_SUSPENDED from '@salesforce/label/c.FlowsStateSuspended';
import MINIMIZATION from '@salesforce/label/c.FlowsMinimization';
import APPROVED_BY from '@salesforce/label/c.FlowsApprovedBy';
import REVIEWED_BY from '@salesforce/label/c.FlowsReviewedBy';
import BY_ON from '@salesforce/label/c.FlowsByOn';
import STANDING from '@salesforce/label/c.FlowsStanding';
import STANDING_OK from '@salesforce/label/c.FlowsStandingOk';
import JUSTIFICATION from '@salesforce/label/c.FlowsJustification';
import JUSTIFICATION_HELP from '@salesforce/label/c.FlowsJustificationHelp';
import OVERRIDE_REASON from '@salesforce/label/c.FlowsOverrideReason';
import REQUEST from '@salesforce/label/c.FlowsRequestApproval';
import REQUEST_TEXT from '@salesforce/label/c.FlowsRequestText';
import OWN_REQUEST from '@salesforce/label/c.FlowsOwnRequest';
import NEED_APPROVER from '@salesforce/label/c.FlowsNeedApprover';
import OVERRIDE_SHORTFALL from '@salesforce/label/c.FlowsOverrideShortfall';
import DECISION_NOTE from '@salesforce/label/c.FlowsDecisionNote';
import DECISION_NOTE_HELP from '@salesforce/label/c.FlowsDecisionNoteHelp';
import REJECT from '@salesforce/label/c.FlowsReject';
import REVIEW_NOTE from '@salesforce/label/c.FlowsReviewNote';
import REVIEW_NOTE_HELP from '@salesforce/label/c.FlowsReviewNoteHelp';
import PENDING_BADGE from '@salesforce/label/c.FlowsPendingBadge';
import OVERRIDE_BADGE from '@salesforce/label/c.FlowsOverrideBadge';
import REQUESTED_TOAST from '@salesforce/label/c.FlowsRequestedToast';
import REJECTED_TOAST from '@salesforce/label/c.FlowsRejectedToast';
import CANNOT_DECIDE from '@salesforce/label/c.FlowsCannotDecide';
import GOV_JUSTIFICATION from '@salesforce/label/c.GovernanceJustificationRequired';
import GOV_NOTE from '@salesforce/label/c.GovernanceNoteRequired';
import GOV_SUSPENDED from '@salesforce/label/c.GovernanceEndpointSuspended';
import GOV_FALLS_SHORT from '@salesforce/label/c.GovernanceEndpointFallsShort';
import GOV_SAME_USER from '@salesforce/label/c.GovernanceSameUser';
import GOV_NOT_APPROVER from '@salesforce/label/c.GovernanceNotApprover';
import GOV_ALREADY from '@salesforce/label/c.GovernanceAlreadyRequested';
import GOV_NOTHING from '@salesforce/label/c.GovernanceNothingRequested';

const REFUSALS: Partial<Record<Refusal, string>> = {
    notAllowed: CANNOT_DECIDE,
    justificationRequired: GOV_JUSTIFICATION,
    justificationTooLong: GOV_JUSTIFICATION,
    noteRequired: GOV_NOTE,
    endpointSuspended: GOV_SUSPENDED,
    endpointFallsShort: GOV_FALLS_SHORT,
    sameUser: GOV_SAME_USER,
    notApprover: GOV_NOT_APPROVER,
    alreadyRequested: GOV_ALREADY,
    nothingRequested: GOV_NOTHING
};
/** Which input a refusal is about, so the message shows there. */
const REFUSAL_FIELD: Partial<Record<Refusal, string>> = {
    justificationRequired: 'justification',
    justificationTooLong: 'justification',
    noteRequired: 'note',
    endpointFallsShort: 'override'
};
const STATUS_LABELS: Record<string, string> = {
    Approved: STATE_APPROVED,
    Proposed: STATE_PROPOSED,
    Suspended: STATE_SUSPENDED
};

export default class DataFlowDetail extends LightningElement {
    labels = {
        close: CLOSE,
        loading: LOADING,
        purpose: PURPOSE,
        endpoint: ENDPOINT,
        source: SOURCE,
        minimization: MINIMIZATION,
        approved: APPROVED_BY,
        reviewed: REVIEWED_BY,
        nextReview: NEXT_REVIEW,
        standing: STANDING,
        standingOk: STANDING_OK,
        justification: JUSTIFICATION,
        justificationHelp: JUSTIFICATION_HELP,
        overrideReason: OVERRIDE_REASON,
        request: REQUEST,
        ownRequest: OWN_REQUEST,
        needApprover: NEED_APPROVER,
        overrideShortfall: OVERRIDE_SHORTFALL,
        decisionNote: DECISION_NOTE,
        decisionNoteHelp: DECISION_NOTE_HELP,
        approve: APPROVE,
        reject: REJECT,
        reviewNote: REVIEW_NOTE,
        reviewNoteHelp: REVIEW_NOTE_HELP,
        review: REVIEW,
        pendingBadge: PENDING_BADGE,
        overrideBadge: OVERRIDE_BADGE
    };

    @api currentUserId = '';
    @api canApprove = false;
    flow: FlowDetail | undefined;
    loadError = '';
    actionError = '';
    draft = '';
    overrideShortfall = false;
    busy = false;
    private shownFlowId = '';

    @api
    get flowId(): string {
        return this.shownFlowId;
    }
    set flowId(value: string) {
        if (value && value !== this.shownFlowId) {
            this.shownFlowId = value;
            this.flow = undefined;
            this.draft = '';
            this.actionError = '';
            this.overrideShortfall = false;
            this.load().catch(() => undefined);
        }
    }

    /** Moves the keyboard focus to the panel's heading (the parent calls it when it opens the panel). */
    @api
    focusHeading(): void {
        (this.template?.querySelector('h2') as HTMLElement | null)?.focus();
    }

    async load(): Promise<void> {
        try {
            this.flow = (await getDataFlow({ flowId: this.shownFlowId })) as FlowDetail;
            this.loadError = '';
        } catch (error) {
            this.loadError = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        }
    }

    get isLoading(): boolean {
        return !this.flow && !this.loadError;
    }

    get heading(): string {
        return this.flow ? `${this.flow.name} · ${this.flow.sourceObject}.${this.flow.sourceField}` : '';
    }

    get problems(): EndpointProblem[] {
        return (this.flow?.endpointProblems ?? []) as EndpointProblem[];
    }

    get view() {
        const flow = this.flow;
        if (!flow) {
            return undefined;
        }
        const pending = !!flow.requestedById;
        const ownRequest = pending && flow.requestedById === this.currentUserId;
        const byOn = (name: string | null, at: string | null): string => {
            return name || at ? formatLabel(BY_ON, name ?? '—', formatDateTime(at, LOCALE, TIME_ZONE)) : '—';
        };
        return {
            ...flow,
            source: `${flow.sourceObject}.${flow.sourceField}`,
            statusLabel: STATUS_LABELS[flow.status] ?? flow.status,
            statusClass: `slds-badge badge_${flow.status.toLowerCase()}`,
            approvedText: flow.status === 'Approved' ? byOn(flow.approvedByName, flow.approvedOn) : '—',
            reviewedText: byOn(flow.reviewedByName, flow.reviewedOn),
            minimizationText: minimizationLabel(flow.minimization),
            nextReviewText: flow.nextReview ? formatDay(flow.nextReview, LOCALE) : '—',
            problems: this.problems.map((code) => ({ code, label: PROBLEM_LABELS[code] ?? code })),
            hasProblems: this.problems.length > 0,
            pending,
            ownRequest,
            requestText: pending
                ? formatLabel(
                      REQUEST_TEXT,
                      flow.requestedByName ?? '—',
                      formatDateTime(flow.requestedOn, LOCALE, TIME_ZONE)
                  )
                : '',
            canRequest: !pending && (flow.status === 'Proposed' || flow.status === 'Suspended'),
            canDecide: pending && !ownRequest && this.canApprove,
            waitingForApprover: pending && !ownRequest && !this.canApprove,
            overridable: this.problems.length > 0 && !this.problems.includes('suspended'),
            canReview: flow.status === 'Approved'
        };
    }

    handleDraft(event: CustomEvent<{ value: string }>): void {
        this.draft = event.detail.value;
        (event.target as HTMLElement & { setCustomValidity(message: string): void }).setCustomValidity('');
        this.actionError = '';
    }

    handleOverride(event: CustomEvent<{ checked: boolean }>): void {
        this.overrideShortfall = event.detail.checked;
        this.actionError = '';
    }

    handleKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleClose();
        }
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    async handleRequest(): Promise<void> {
        const flow = this.flow as FlowDetail;
        await this.step(
            flowRequestRefusal({ status: flow.status, requestedBy: flow.requestedById }, this.draft),
            () => requestApproval({ flowId: flow.id, justification: this.draft }),
            REQUESTED_TOAST
        );
    }

    async handleApprove(): Promise<void> {
        await this.decide(true);
    }

    async handleReject(): Promise<void> {
        await this.decide(false);
    }

    private async decide(approve: boolean): Promise<void> {
        const flow = this.flow as FlowDetail;
        const refusal = flowDecisionRefusal({
            requestedBy: flow.requestedById,
            actor: this.currentUserId,
            isApprover: this.canApprove,
            approve,
            note: this.draft,
            overrideShortfall: this.overrideShortfall,
            problems: this.problems
        });
        await this.step(
            refusal,
            () =>
                decideApproval({
                    flowId: flow.id,
                    approve,
                    note: this.draft,
                    overrideShortfall: this.overrideShortfall
                }),
            approve ? APPROVED_TOAST : REJECTED_TOAST
        );
    }

    async handleReview(): Promise<void> {
        const flow = this.flow as FlowDetail;
        await this.step(
            reviewRefusal(flow.status, this.draft),
            () => reviewFlow({ flowId: flow.id, note: this.draft }),
            REVIEWED_TOAST
        );
    }

    /** Refuses at the field concerned, or sends the step and shows the flow as it is afterwards. */
    private async step(refusal: Refusal | null, send: () => Promise<unknown>, success: string): Promise<void> {
        if (refusal !== null) {
            this.refuse(REFUSALS[refusal] ?? GENERIC_ERROR, REFUSAL_FIELD[refusal]);
            return;
        }
        this.busy = true;
        try {
            const updated = (await send()) as FlowDetail;
            this.flow = updated;
            this.draft = '';
            this.overrideShortfall = false;
            this.actionError = '';
            this.dispatchEvent(new CustomEvent('flowchange', { detail: { flow: updated } }));
            this.dispatchEvent(
                new ShowToastEvent({
                    title: SUCCESS_TITLE,
                    message: formatLabel(
                        success,
                        `${updated.sourceObject}.${updated.sourceField}`,
                        updated.endpointName ?? '',
                        formatDay(updated.nextReview, LOCALE)
                    ),
                    variant: 'success'
                })
            );
        } catch (error) {
            this.refuse(readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, undefined);
        } finally {
            this.busy = false;
        }
    }

    private refuse(message: string, field: string | undefined): void {
        this.actionError = message;
        const input = field
            ? (this.template?.querySelector(`[data-field="${field}"]`) as
                  (HTMLElement & { setCustomValidity(text: string): void; reportValidity(): boolean }) | null)
            : null;
        if (input && field !== 'override') {
            input.setCustomValidity(message);
            input.reportValidity();
        }
    }
}
