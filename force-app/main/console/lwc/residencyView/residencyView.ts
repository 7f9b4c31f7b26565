/**
 * Residency screen: data jurisdictions against endpoints (grouped by processing jurisdiction, region and
 * hosting), each violation linked to its log entries, and the endpoint registry with DPA expiry, zero
 * retention and approval status.
 */
import { LightningElement, wire } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import getResidencyOverview from '@salesforce/apex/WardenResidencyController.getResidencyOverview';
import type { ResidencyOverview } from 'c/consoleContracts';
import { buildMatrix, dpaState, type ConfigIssue, type MatrixCell } from 'c/residencyMatrix';
import { formatDay, formatLabel, formatNumber, readableError } from 'c/consoleUtils';
import MATRIX_TITLE from '@salesforce/label/c.ResidencyMatrixTitle';
import MATRIX_HELP from '@salesforce/label/c.ResidencyMatrixHelp';
import DATA_JURISDICTION from '@salesforce/label/c.ResidencyDataJurisdiction';
import CELL_TITLE from '@salesforce/label/c.ResidencyCellTitle';
import VIOLATIONS_TITLE from '@salesforce/label/c.ResidencyViolationsTitle';
import VIOLATIONS_NONE from '@salesforce/label/c.ResidencyViolationsNone';
import VIOLATION_LINE from '@salesforce/label/c.ResidencyViolationLine';
import VIEW_ENTRIES from '@salesforce/label/c.ResidencyViewEntries';
import REGISTRY_TITLE from '@salesforce/label/c.ResidencyRegistryTitle';
import LEGEND_VIOLATION from '@salesforce/label/c.ResidencyLegendViolation';
import LEGEND_RISK from '@salesforce/label/c.ResidencyLegendRisk';
import LEGEND_OK from '@salesforce/label/c.ResidencyLegendOk';
import ISSUE_REGION from '@salesforce/label/c.ResidencyIssueRegion';
import ISSUE_HOSTING from '@salesforce/label/c.ResidencyIssueHosting';
import ISSUE_DPA_MISSING from '@salesforce/label/c.ResidencyIssueDpaMissing';
import ISSUE_DPA_EXPIRED from '@salesforce/label/c.ResidencyIssueDpaExpired';
import ISSUE_RETENTION from '@salesforce/label/c.ResidencyIssueRetention';
import ISSUE_NO_RULE from '@salesforce/label/c.ResidencyIssueNoRule';
import COL_NAME from '@salesforce/label/c.ResidencyColName';
import COL_KEY from '@salesforce/label/c.ResidencyColKey';
import COL_REGION from '@salesforce/label/c.ResidencyColRegion';
import COL_HOSTING from '@salesforce/label/c.ResidencyColHosting';
import COL_STATUS from '@salesforce/label/c.ResidencyColStatus';
import COL_DPA from '@salesforce/label/c.ResidencyColDpa';
import COL_DPA_EXPIRES from '@salesforce/label/c.ResidencyColDpaExpires';
import COL_RETENTION from '@salesforce/label/c.ResidencyColZeroRetention';
import DPA_VALID from '@salesforce/label/c.ResidencyDpaValid';
import DPA_SOON from '@salesforce/label/c.ResidencyDpaExpiringSoon';
import DPA_EXPIRED from '@salesforce/label/c.ResidencyDpaExpired';
import DPA_MISSING from '@salesforce/label/c.ResidencyDpaMissing';
import YES from '@salesforce/label/c.ConsoleYes';
import NO from '@salesforce/label/c.ConsoleNo';
import JURISDICTION from '@salesforce/label/c.ConsoleJurisdiction';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

const ISSUE_LABELS: Record<ConfigIssue, string> = {
    regionNotAllowed: ISSUE_REGION,
    hostingNotAllowed: ISSUE_HOSTING,
    dpaMissing: ISSUE_DPA_MISSING,
    dpaExpired: ISSUE_DPA_EXPIRED,
    retentionNotZero: ISSUE_RETENTION,
    noRule: ISSUE_NO_RULE
};
const DPA_LABELS: Record<string, string> = {
    valid: DPA_VALID,
    expiringSoon: DPA_SOON,
    expired: DPA_EXPIRED,
    missing: DPA_MISSING
};
const DPA_CLASS: Record<string, string> = {
    valid: 'slds-text-color_success',
    expiringSoon: 'dpa_soon',
    expired: 'slds-text-color_error slds-text-title_bold',
    missing: 'slds-text-color_error'
};

function addDays(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

export default class ResidencyView extends LightningElement {
    labels = {
        matrixTitle: MATRIX_TITLE,
        matrixHelp: MATRIX_HELP,
        dataJurisdiction: DATA_JURISDICTION,
        violationsTitle: VIOLATIONS_TITLE,
        violationsNone: VIOLATIONS_NONE,
        viewEntries: VIEW_ENTRIES,
        registryTitle: REGISTRY_TITLE,
        legendViolation: LEGEND_VIOLATION,
        legendRisk: LEGEND_RISK,
        legendOk: LEGEND_OK,
        loading: LOADING,
        errorTitle: ERROR_TITLE
    };
    overview: ResidencyOverview | undefined;
    errorMessage: string | undefined;

    registryColumns = [
        { label: COL_NAME, fieldName: 'name', type: 'text' },
        { label: COL_KEY, fieldName: 'endpointKey', type: 'text', initialWidth: 150 },
        { label: JURISDICTION, fieldName: 'jurisdiction', type: 'text', initialWidth: 110 },
        { label: COL_REGION, fieldName: 'region', type: 'text', initialWidth: 130 },
        { label: COL_HOSTING, fieldName: 'hosting', type: 'text', initialWidth: 140 },
        {
            label: COL_STATUS,
            fieldName: 'status',
            type: 'text',
            initialWidth: 110,
            cellAttributes: { class: { fieldName: 'statusClass' } }
        },
        {
            label: COL_DPA,
            fieldName: 'dpaLabel',
            type: 'text',
            initialWidth: 140,
            cellAttributes: { class: { fieldName: 'dpaClass' } }
        },
        {
            label: COL_DPA_EXPIRES,
            fieldName: 'dpaExpiresText',
            type: 'text',
            initialWidth: 140
        },
        {
            label: COL_RETENTION,
            fieldName: 'retentionLabel',
            type: 'text',
            initialWidth: 130,
            cellAttributes: { class: { fieldName: 'retentionClass' } }
        }
    ];

    @wire(getResidencyOverview)
    wiredOverview({ data, error }: { data?: ResidencyOverview; error?: unknown }): void {
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
        const overview = this.overview;
        if (!overview) {
            return { columns: [], rows: [], violations: [] as MatrixCell[] };
        }
        return buildMatrix(overview.traffic, overview.endpoints, overview.rules, overview.today);
    }

    get columns() {
        return this.matrix.columns.map((column) => ({
            id: column.id,
            name: column.name,
            group: column.group,
            status: column.status,
            statusClass:
                column.status === 'Approved' ? 'slds-badge slds-badge_lightest' : 'slds-badge slds-theme_warning'
        }));
    }

    get rows() {
        return this.matrix.rows.map((row) => ({
            jurisdiction: row.jurisdiction,
            cells: row.cells.map((cell) => ({
                key: cell.key,
                calls: cell.calls > 0 ? formatNumber(cell.calls, LOCALE) : '',
                flagged: cell.flagged > 0 ? formatNumber(cell.flagged, LOCALE) : '',
                clickable: cell.calls > 0,
                cssClass: `cell cell_${cell.state}`,
                title: formatLabel(
                    CELL_TITLE,
                    formatNumber(cell.calls, LOCALE),
                    formatNumber(cell.flagged, LOCALE),
                    cell.issues.map((issue) => ISSUE_LABELS[issue]).join('; ')
                ),
                jurisdiction: cell.dataJurisdiction,
                endpointId: cell.endpointId
            }))
        }));
    }

    get violations() {
        const names = new Map(this.matrix.columns.map((column) => [column.id, column.name]));
        return this.matrix.violations.map((cell) => ({
            key: cell.key,
            jurisdiction: cell.dataJurisdiction,
            endpointId: cell.endpointId,
            text: formatLabel(
                VIOLATION_LINE,
                cell.dataJurisdiction,
                names.get(cell.endpointId) ?? cell.endpointId,
                formatNumber(cell.calls, LOCALE),
                formatNumber(cell.flagged, LOCALE)
            ),
            issues: cell.issues.map((issue) => ({ key: issue, label: ISSUE_LABELS[issue] }))
        }));
    }

    get hasViolations(): boolean {
        return this.violations.length > 0;
    }

    get registry() {
        const today = this.overview?.today ?? new Date().toISOString().slice(0, 10);
        return (this.overview?.endpoints ?? []).map((endpoint) => {
            const dpa = dpaState(endpoint, today);
            return {
                ...endpoint,
                dpaExpiresText: formatDay(endpoint.dpaExpires, LOCALE),
                dpaLabel: DPA_LABELS[dpa],
                dpaClass: DPA_CLASS[dpa],
                retentionLabel: endpoint.zeroRetention ? YES : NO,
                retentionClass: endpoint.zeroRetention ? 'slds-text-color_success' : 'slds-text-color_error',
                statusClass: endpoint.status === 'Approved' ? '' : 'slds-text-color_error'
            };
        });
    }

    openEntries(jurisdiction: string, endpointId: string): void {
        const today = this.overview?.today ?? new Date().toISOString().slice(0, 10);
        this.dispatchEvent(
            new CustomEvent('navigate', {
                detail: {
                    tab: 'explorer',
                    filters: {
                        jurisdiction,
                        endpointId,
                        fromDay: addDays(today, -((this.overview?.windowDays ?? 90) - 1)),
                        toDay: today
                    }
                }
            })
        );
    }

    handleCellClick(event: Event): void {
        const target = event.currentTarget as HTMLElement;
        this.openEntries(target.dataset.jurisdiction ?? '', target.dataset.endpoint ?? '');
    }

    handleViolationClick(event: Event): void {
        const target = event.currentTarget as HTMLElement;
        this.openEntries(target.dataset.jurisdiction ?? '', target.dataset.endpoint ?? '');
    }

    get windowText(): string {
        return formatLabel(
            MATRIX_HELP,
            formatNumber(this.overview?.windowDays ?? 0, LOCALE),
            formatDay(this.overview?.today, LOCALE)
        );
    }
}
