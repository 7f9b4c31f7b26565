/**
 * The canary panel of the posture screen: the users and profiles that run in Monitor under an override while the org
 * enforces, since when, who set them, and how many of their calls Enforce would have blocked, counted from the log by
 * WardenCanaryController. An override past its window is marked, as the nightly sweep raises a finding for it. A
 * Warden admin can put a user or profile in Monitor (with a reason) and end an override here.
 */
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getCanary from '@salesforce/apex/WardenCanaryController.getCanary';
import startOverride from '@salesforce/apex/WardenCanaryController.startOverride';
import endOverride from '@salesforce/apex/WardenCanaryController.endOverride';
import type { CanaryOverview } from 'c/consoleContracts';
import { formatDateTime, formatLabel, formatNumber, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.CanaryTitle';
import HELP from '@salesforce/label/c.CanaryHelp';
import EMPTY from '@salesforce/label/c.CanaryEmpty';
import ORG_MONITOR from '@salesforce/label/c.CanaryOrgMonitor';
import COL_WHO from '@salesforce/label/c.CanaryColWho';
import COL_SINCE from '@salesforce/label/c.CanaryColSince';
import COL_SET_BY from '@salesforce/label/c.CanaryColSetBy';
import COL_REASON from '@salesforce/label/c.CanaryColReason';
import COL_CALLS from '@salesforce/label/c.CanaryColCalls';
import COL_WOULD_BLOCK from '@salesforce/label/c.CanaryColWouldBlock';
import OVERDUE from '@salesforce/label/c.CanaryOverdue';
import TRUNCATED from '@salesforce/label/c.CanaryTruncated';
import USER from '@salesforce/label/c.CanaryUser';
import PROFILE from '@salesforce/label/c.CanaryProfile';
import START from '@salesforce/label/c.CanaryStart';
import END from '@salesforce/label/c.CanaryEnd';
import SUBJECT from '@salesforce/label/c.CanarySubject';
import REASON_REQUIRED from '@salesforce/label/c.CanaryReasonRequired';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

export default class CanaryPanel extends LightningElement {
    labels = {
        title: TITLE,
        empty: EMPTY,
        orgMonitor: ORG_MONITOR,
        who: COL_WHO,
        since: COL_SINCE,
        setBy: COL_SET_BY,
        reason: COL_REASON,
        calls: COL_CALLS,
        wouldBlock: COL_WOULD_BLOCK,
        loading: LOADING,
        errorTitle: ERROR_TITLE,
        start: START,
        end: END,
        subject: SUBJECT
    };

    overview: CanaryOverview | undefined;
    errorMessage: string | undefined;
    subjectId = '';
    reason = '';
    busy = false;

    @wire(getCanary)
    wiredCanary({ data, error }: { data?: CanaryOverview; error?: unknown }): void {
        if (data) {
            this.overview = data;
            this.errorMessage = undefined;
        } else if (error) {
            this.overview = undefined;
            this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        }
    }

    get isLoading(): boolean {
        return !this.overview && !this.errorMessage;
    }

    get help(): string {
        return formatLabel(HELP, this.overview?.maxDays ?? '');
    }

    get orgInMonitor(): boolean {
        return this.overview?.orgMode === 'Monitor';
    }

    get hasRows(): boolean {
        return (this.overview?.overrides ?? []).length > 0;
    }

    get truncatedNote(): string | null {
        const overview = this.overview;
        return overview?.truncated ? formatLabel(TRUNCATED, formatNumber(overview.scanned, LOCALE)) : null;
    }

    get startDisabled(): boolean {
        return this.busy || this.subjectId.trim() === '' || this.reason.trim() === '';
    }

    handleSubject(event: CustomEvent<{ value: string }>): void {
        this.subjectId = event.detail.value ?? '';
    }

    handleReason(event: CustomEvent<{ value: string }>): void {
        this.reason = event.detail.value ?? '';
    }

    /** Puts the entered user or profile in Monitor; the Apex checks the right to and records who did it. */
    async handleStart(): Promise<void> {
        if (this.reason.trim() === '') {
            this.toastError(REASON_REQUIRED);
            return;
        }
        await this.change(async () => {
            this.overview = (await startOverride({
                subjectId: this.subjectId.trim(),
                reason: this.reason.trim()
            })) as CanaryOverview;
            this.subjectId = '';
            this.reason = '';
        });
    }

    async handleEnd(event: Event): Promise<void> {
        const overrideId = (event.currentTarget as HTMLElement).dataset.overrideId as string;
        await this.change(async () => {
            this.overview = (await endOverride({ overrideId })) as CanaryOverview;
        });
    }

    private async change(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        try {
            await action();
        } catch (error) {
            this.toastError(readableError(error, NEED_PERMISSION, GENERIC_ERROR).message);
        } finally {
            this.busy = false;
        }
    }

    private toastError(message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title: ERROR_TITLE, message, variant: 'error' }));
    }

    get rows() {
        const overview = this.overview;
        if (!overview) {
            return [];
        }
        return overview.overrides.map((row) => ({
            ...row,
            kind: row.subjectType === 'Profile' ? PROFILE : USER,
            sinceText: formatDateTime(row.since, LOCALE, TIME_ZONE),
            callsText: formatNumber(row.monitorCalls, LOCALE),
            wouldBlockText: formatNumber(row.wouldHaveBlocked, LOCALE),
            overdueText: row.overdue ? formatLabel(OVERDUE, overview.maxDays) : null,
            rowClass: row.overdue ? 'row_overdue' : ''
        }));
    }
}
