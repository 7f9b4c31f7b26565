/**
 * The canary panel of the posture screen: the users and profiles that run in Monitor under an override while the org
 * enforces, since when, who set them, and how many of their calls Enforce would have blocked, counted from the log by
 * WardenCanaryController. An override past its window is marked, as the nightly sweep raises a finding for it.
 */
import { LightningElement, wire } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getCanary from '@salesforce/apex/WardenCanaryController.getCanary';
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
        errorTitle: ERROR_TITLE
    };

    overview: CanaryOverview | undefined;
    errorMessage: string | undefined;

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
