/**
 * The change history of a finding or a data flow (RecordChange__c): who changed what, when, from what, to what
 * and why, newest first. Shown in the finding and flow details; the same rows go into the evidence pack.
 */
import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { ChangeRow } from 'c/consoleContracts';
import { formatDateTime, formatValue } from 'c/consoleUtils';
import { ACTION_LABELS, FIELD_LABELS, valueLabel } from 'c/consoleLabels';
import TITLE from '@salesforce/label/c.HistoryTitle';
import EMPTY from '@salesforce/label/c.HistoryEmpty';
import WHEN from '@salesforce/label/c.HistoryColWhen';
import WHO from '@salesforce/label/c.HistoryColWho';
import WHAT from '@salesforce/label/c.HistoryColWhat';
import CHANGE from '@salesforce/label/c.HistoryColChange';
import WHY from '@salesforce/label/c.HistoryColWhy';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** A from/to value: dates (due dates, reviews, expiries) as every date in the console, words for stored values. */
function changeValue(field: string | null, value: string | null): string {
    return value && ISO_DATE.test(value) ? formatValue(value, LOCALE, TIME_ZONE) : valueLabel(value, field);
}

export default class ChangeHistory extends LightningElement {
    labels = { title: TITLE, empty: EMPTY, when: WHEN, who: WHO, what: WHAT, change: CHANGE, why: WHY };

    @api changes: ChangeRow[] = [];

    get hasRows(): boolean {
        return (this.changes ?? []).length > 0;
    }

    get rows() {
        return (this.changes ?? []).map((change) => ({
            ...change,
            when: formatDateTime(change.changedAt, LOCALE, TIME_ZONE),
            actionLabel: ACTION_LABELS[change.action] ?? change.action,
            fieldLabel: change.field ? (FIELD_LABELS[change.field] ?? change.field) : '',
            change:
                change.fromValue === null
                    ? changeValue(change.field, change.toValue)
                    : `${changeValue(change.field, change.fromValue)} → ${changeValue(change.field, change.toValue)}`,
            reason: change.reason ?? ''
        }));
    }
}
