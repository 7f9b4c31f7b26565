/**
 * Consent screen: coverage by purpose and jurisdiction, consents expiring in the next 30 days, and
 * patients (by subject key) with LLM calls that no granted consent covered. A patient's row opens the log
 * explorer filtered to that subject key. A patient is shown by pseudonym only, with the kind of its key: a v2
 * pseudonym (the patient's own key, erasable) has no record id behind it in the log, and the screen does not look
 * one up, so coverage never re-links an entry to a person.
 */
import { LightningElement, wire } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getConsentOverview from '@salesforce/apex/WardenConsentController.getConsentOverview';
import type { ConsentOverview } from 'c/consoleContracts';
import { CONSENT_COVERED_RESULTS, PURPOSES, checkedCounts } from 'c/consoleContracts';
import { consentMatrix, daysUntil } from 'c/consentMatrix';
import { formatDateTime, formatDay, formatLabel, formatNumber, formatPercent, readableError } from 'c/consoleUtils';
import COVERAGE_TITLE from '@salesforce/label/c.ConsentCoverageTitle';
import COVERAGE_HELP from '@salesforce/label/c.ConsentCoverageHelp';
import CELL_TITLE from '@salesforce/label/c.ConsentCellTitle';
import EXPIRING_TITLE from '@salesforce/label/c.ConsentExpiringTitle';
import EXPIRING_NONE from '@salesforce/label/c.ConsentExpiringNone';
import UNCOVERED_TITLE from '@salesforce/label/c.ConsentUncoveredTitle';
import UNCOVERED_HELP from '@salesforce/label/c.ConsentUncoveredHelp';
import UNCOVERED_NONE from '@salesforce/label/c.ConsentUncoveredNone';
import CALLS_TITLE from '@salesforce/label/c.ConsentCallsTitle';
import COL_CONSENT from '@salesforce/label/c.ConsentColConsent';
import COL_PATIENT from '@salesforce/label/c.ConsentColPatient';
import COL_EXPIRES from '@salesforce/label/c.ConsentColExpires';
import COL_DAYS_LEFT from '@salesforce/label/c.ConsentColDaysLeft';
import COL_CAPTURED from '@salesforce/label/c.ConsentColCaptured';
import COL_SUBJECT from '@salesforce/label/c.ConsentColSubject';
import COL_CALLS from '@salesforce/label/c.ConsentColCalls';
import COL_KEY from '@salesforce/label/c.ConsentColKey';
import KEY_PER_PATIENT from '@salesforce/label/c.ConsentKeyPerPatient';
import KEY_ORG_WIDE from '@salesforce/label/c.ConsentKeyOrgWide';
import SHOW_CALLS from '@salesforce/label/c.ConsentShowCalls';
import TOTAL from '@salesforce/label/c.ConsentTotal';
import PURPOSE from '@salesforce/label/c.ConsolePurpose';
import JURISDICTION from '@salesforce/label/c.ConsoleJurisdiction';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

export default class ConsentCoverage extends LightningElement {
    labels = {
        coverageTitle: COVERAGE_TITLE,
        coverageHelp: COVERAGE_HELP,
        expiringTitle: EXPIRING_TITLE,
        expiringNone: EXPIRING_NONE,
        uncoveredTitle: UNCOVERED_TITLE,
        uncoveredHelp: UNCOVERED_HELP,
        uncoveredNone: UNCOVERED_NONE,
        callsTitle: CALLS_TITLE,
        purpose: PURPOSE,
        total: TOTAL,
        loading: LOADING,
        errorTitle: ERROR_TITLE
    };
    overview: ConsentOverview | undefined;
    errorMessage: string | undefined;

    expiringColumns = [
        { label: COL_CONSENT, fieldName: 'name', type: 'text', initialWidth: 120 },
        { label: COL_PATIENT, fieldName: 'patientName', type: 'text' },
        { label: PURPOSE, fieldName: 'purpose', type: 'text' },
        { label: JURISDICTION, fieldName: 'jurisdiction', type: 'text', initialWidth: 110 },
        {
            label: COL_EXPIRES,
            fieldName: 'effectiveToText',
            type: 'text'
        },
        {
            label: COL_DAYS_LEFT,
            fieldName: 'daysLeft',
            type: 'number',
            initialWidth: 110,
            cellAttributes: { class: { fieldName: 'daysClass' } }
        },
        { label: COL_CAPTURED, fieldName: 'capturedVia', type: 'text', initialWidth: 120 }
    ];

    uncoveredColumns = [
        { label: COL_SUBJECT, fieldName: 'subjectShort', type: 'text' },
        { label: COL_KEY, fieldName: 'keyKind', type: 'text', initialWidth: 170 },
        { label: JURISDICTION, fieldName: 'jurisdiction', type: 'text', initialWidth: 110 },
        { label: PURPOSE, fieldName: 'purpose', type: 'text' },
        { label: COL_CALLS, fieldName: 'calls', type: 'number', initialWidth: 90 },
        { type: 'button', initialWidth: 130, typeAttributes: { label: SHOW_CALLS, name: 'calls', variant: 'base' } }
    ];

    @wire(getConsentOverview)
    wiredOverview({ data, error }: { data?: ConsentOverview; error?: unknown }): void {
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

    get matrix() {
        const matrix = consentMatrix(this.overview?.coverage ?? [], PURPOSES);
        return {
            jurisdictions: matrix.jurisdictions,
            rows: matrix.rows.map((row) => ({
                purpose: row.purpose,
                total: formatPercent(row.total === 0 ? null : row.granted / row.total, LOCALE),
                cells: row.cells.map((cell) => ({
                    key: cell.key,
                    share: cell.share === null ? '—' : formatPercent(cell.share, LOCALE),
                    detail: formatNumber(cell.granted, LOCALE),
                    title: formatLabel(
                        CELL_TITLE,
                        formatNumber(cell.granted, LOCALE),
                        formatNumber(cell.denied, LOCALE),
                        formatNumber(cell.withdrawn, LOCALE)
                    ),
                    cssClass: `cell cell_${cell.level}`
                }))
            }))
        };
    }

    get expiring() {
        const now = new Date();
        return (this.overview?.expiring ?? []).map((consent) => {
            const daysLeft = consent.effectiveTo ? daysUntil(consent.effectiveTo, now) : null;
            return {
                ...consent,
                // EffectiveTo__c is a DateTime: the moment consent lapses, in the user's zone.
                effectiveToText: formatDateTime(consent.effectiveTo, LOCALE, TIME_ZONE),
                daysLeft,
                daysClass: daysLeft !== null && daysLeft <= 7 ? 'slds-text-color_error' : ''
            };
        });
    }

    get hasExpiring(): boolean {
        return this.expiring.length > 0;
    }

    get uncovered() {
        return (this.overview?.uncovered ?? []).map((row) => ({
            ...row,
            id: `${row.subjectKey}|${row.jurisdiction}|${row.purpose}`,
            subjectShort: `${row.subjectKey.slice(0, 12)}…`,
            keyKind: row.perPatientKey ? KEY_PER_PATIENT : KEY_ORG_WIDE
        }));
    }

    get hasUncovered(): boolean {
        return this.uncovered.length > 0;
    }

    get callResults() {
        const rows = checkedCounts(this.overview?.callsByConsentResult ?? []);
        const total = rows.reduce((sum, row) => sum + row.count, 0);
        return rows.map((row) => ({
            key: row.key,
            count: formatNumber(row.count, LOCALE),
            share: formatPercent(total === 0 ? 0 : row.count / total, LOCALE),
            cssClass: CONSENT_COVERED_RESULTS.includes(row.key)
                ? 'slds-badge slds-theme_success'
                : 'slds-badge slds-theme_error'
        }));
    }

    get windowLabel(): string {
        return formatLabel(
            UNCOVERED_HELP,
            formatNumber(this.overview?.windowDays ?? 0, LOCALE),
            formatDay(this.overview?.today, LOCALE)
        );
    }

    handleUncoveredAction(event: CustomEvent<{ row: { subjectKey: string; purpose: string | null } }>): void {
        const row = event.detail.row;
        this.dispatchEvent(
            new CustomEvent('navigate', {
                detail: { tab: 'explorer', filters: { subjectKey: row.subjectKey, purpose: row.purpose ?? '' } }
            })
        );
    }
}
