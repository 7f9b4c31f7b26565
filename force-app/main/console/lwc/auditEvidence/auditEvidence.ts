/**
 * Audit screen: verify the org's hash chain server-side (WardenAuditController.verifyChain, in bounded
 * batches driven from here), export a slice of the log in the verifiable export format, verify an exported
 * file in the browser with the shared verifier (c/chainVerifier), and export DPIA evidence: the pack as JSON,
 * a section as CSV, and a printable HTML report.
 */
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import verifyChain from '@salesforce/apex/WardenAuditController.verifyChain';
import exportLog from '@salesforce/apex/WardenAuditController.exportLog';
import getEvidencePack from '@salesforce/apex/WardenAuditController.getEvidencePack';
import getEvidencePdfUrl from '@salesforce/apex/WardenAuditController.getEvidencePdfUrl';
import type { ChainVerification, EvidencePack, LogExportPage } from 'c/consoleContracts';
import { VERIFY_BATCH_MAX } from 'c/consoleContracts';
import {
    dataUrl,
    evidenceJson,
    exportFileName,
    printableReport,
    sectionCsv,
    type EvidenceSection
} from 'c/evidenceExport';
import { EVIDENCE_TEMPLATES } from 'c/evidenceTemplates';
import { parseCsv } from 'c/csv';
import { jsonToEntries, rowsToEntries, type LogEntry } from 'c/auditChain';
import { verifyChain as verifyExport, type ChainReport } from 'c/chainVerifier';
import { formatDateTime, formatLabel, formatNumber, formatValue, readableError } from 'c/consoleUtils';
import { minimizationLabel } from 'c/consoleLabels';
import TITLE_CHAIN from '@salesforce/label/c.AuditChainTitle';
import CHAIN_HEAD from '@salesforce/label/c.AuditChainHead';
import CHAIN_EMPTY from '@salesforce/label/c.AuditChainEmpty';
import CHECKPOINTS from '@salesforce/label/c.AuditCheckpoints';
import CHECKPOINT_LINE from '@salesforce/label/c.AuditCheckpointLine';
import VERIFY_ORG from '@salesforce/label/c.AuditVerifyOrg';
import VERIFY_PROGRESS from '@salesforce/label/c.AuditVerifyProgress';
import VERIFY_OK from '@salesforce/label/c.AuditVerifyOk';
import VERIFY_BROKEN from '@salesforce/label/c.AuditVerifyBroken';
import CANCEL from '@salesforce/label/c.ConsoleCancel';
import EXPORT_TITLE from '@salesforce/label/c.AuditExportTitle';
import EXPORT_FROM from '@salesforce/label/c.AuditExportFrom';
import EXPORT_COUNT from '@salesforce/label/c.AuditExportCount';
import EXPORT_LOG from '@salesforce/label/c.AuditExportLog';
import EXPORT_DONE from '@salesforce/label/c.AuditExportDone';
import EXPORT_INVALID from '@salesforce/label/c.AuditExportInvalid';
import EXPORT_STALLED from '@salesforce/label/c.AuditExportStalled';
import EXPORT_TOO_MANY_PAGES from '@salesforce/label/c.AuditExportTooManyPages';
import FILE_TITLE from '@salesforce/label/c.AuditFileTitle';
import FILE_HELP from '@salesforce/label/c.AuditFileHelp';
import FILE_INPUT from '@salesforce/label/c.AuditFileInput';
import FILE_OK from '@salesforce/label/c.AuditFileOk';
import FILE_BROKEN from '@salesforce/label/c.AuditFileBroken';
import FILE_UNREADABLE from '@salesforce/label/c.AuditFileUnreadable';
import EVIDENCE_TITLE from '@salesforce/label/c.AuditEvidenceTitle';
import EVIDENCE_HELP from '@salesforce/label/c.AuditEvidenceHelp';
import EVIDENCE_JSON from '@salesforce/label/c.AuditEvidenceJson';
import EVIDENCE_CSV from '@salesforce/label/c.AuditEvidenceCsv';
import EVIDENCE_HTML from '@salesforce/label/c.AuditEvidenceHtml';
import EVIDENCE_SECTION from '@salesforce/label/c.AuditEvidenceSection';
import EVIDENCE_PDF from '@salesforce/label/c.AuditEvidencePdf';
import EVIDENCE_PDF_ALL from '@salesforce/label/c.AuditEvidencePdfAll';
import EVIDENCE_PDF_DOCUMENT from '@salesforce/label/c.AuditEvidencePdfDocument';
import SECTION_FLOWS from '@salesforce/label/c.AuditSectionFlows';
import SECTION_ENDPOINTS from '@salesforce/label/c.AuditSectionEndpoints';
import SECTION_CONSENT from '@salesforce/label/c.AuditSectionConsent';
import SECTION_FINDINGS from '@salesforce/label/c.AuditSectionFindings';
import REPORT_TITLE from '@salesforce/label/c.AuditReportTitle';
import REPORT_GENERATED from '@salesforce/label/c.AuditReportGenerated';
import REPORT_DECISIONS from '@salesforce/label/c.AuditReportDecisions';
import REPORT_TRUNCATED from '@salesforce/label/c.AuditReportTruncated';
import DOWNLOADED from '@salesforce/label/c.AuditDownloaded';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import SUCCESS_TITLE from '@salesforce/label/c.ConsoleSuccessTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

export const MAX_EXPORT_ENTRIES = 20000;
/**
 * Calls one export may make. A page over the archive can hold no entry and still say where to go on (the server
 * scans a bounded run of the archive per call), so the record count alone does not bound the loop: 20 full pages
 * of 1,000 plus room for the empty ones a filtered run through a large archive returns.
 */
export const MAX_EXPORT_PAGES = 100;

/** Thrown when the export cannot go on; its message is shown under the form like a server error. */
class ExportStopped extends Error {}

type Verification = { running: boolean; checked: number; ok: boolean | null; message: string; lastHash: string | null };

export default class AuditEvidence extends LightningElement {
    labels = {
        chainTitle: TITLE_CHAIN,
        chainHead: CHAIN_HEAD,
        chainEmpty: CHAIN_EMPTY,
        checkpoints: CHECKPOINTS,
        verifyOrg: VERIFY_ORG,
        cancel: CANCEL,
        exportTitle: EXPORT_TITLE,
        exportFrom: EXPORT_FROM,
        exportCount: EXPORT_COUNT,
        exportLog: EXPORT_LOG,
        fileTitle: FILE_TITLE,
        fileHelp: FILE_HELP,
        fileInput: FILE_INPUT,
        evidenceTitle: EVIDENCE_TITLE,
        evidenceHelp: EVIDENCE_HELP,
        evidenceJson: EVIDENCE_JSON,
        evidenceCsv: EVIDENCE_CSV,
        evidenceHtml: EVIDENCE_HTML,
        evidenceSection: EVIDENCE_SECTION,
        evidencePdf: EVIDENCE_PDF,
        evidencePdfDocument: EVIDENCE_PDF_DOCUMENT,
        loading: LOADING
    };
    pack: EvidencePack | undefined;
    errorMessage: string | undefined;
    verification: Verification | null = null;
    fileReport: { ok: boolean; message: string; detail: string } | null = null;
    exportFrom = '';
    exportCount = '2000';
    exporting = false;
    /** Why the last export failed on the server: shown under the export form, not as a toast. */
    exportError = '';
    section: EvidenceSection = 'findings';
    /** The document the PDF link prints ('' = all three), and where the org renders it (null: no Visualforce). */
    pdfDocument = '';
    pdfPageUrl: string | null = null;
    private cancelled = false;

    @wire(getEvidencePack)
    wiredPack({ data, error }: { data?: EvidencePack; error?: unknown }): void {
        if (data) {
            this.pack = data;
            this.errorMessage = undefined;
            if (!this.exportFrom && data.chainHead) {
                this.exportFrom = String(Math.max(1, data.chainHead.sequence - 1999));
            }
        } else if (error) {
            this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        }
    }

    @wire(getEvidencePdfUrl)
    wiredPdfUrl({ data }: { data?: string | null }): void {
        this.pdfPageUrl = data ?? null;
    }

    get isLoading(): boolean {
        return !this.pack && !this.errorMessage;
    }

    get chainHead() {
        const head = this.pack?.chainHead;
        return head
            ? {
                  sequence: formatNumber(head.sequence, LOCALE),
                  hash: head.entryHash,
                  loggedAt: formatDateTime(head.loggedAt, LOCALE, TIME_ZONE)
              }
            : null;
    }

    get checkpoints() {
        return (this.pack?.checkpoints ?? []).map((checkpoint) => ({
            key: String(checkpoint.sequence),
            text: formatLabel(
                CHECKPOINT_LINE,
                formatNumber(checkpoint.fromSequence ?? 0, LOCALE),
                formatNumber(checkpoint.sequence, LOCALE),
                formatDateTime(checkpoint.createdAt, LOCALE, TIME_ZONE)
            ),
            headHash: checkpoint.headHash ?? '',
            merkleRoot: checkpoint.merkleRoot ?? ''
        }));
    }

    get hasCheckpoints(): boolean {
        return this.checkpoints.length > 0;
    }

    // ---------------------------------------------------------------- server-side verification

    get verifying(): boolean {
        return !!this.verification?.running;
    }

    get verificationClass(): string {
        if (!this.verification || this.verification.ok === null) {
            return 'slds-text-body_regular';
        }
        return this.verification.ok
            ? 'slds-text-color_success slds-text-title_bold'
            : 'slds-text-color_error slds-text-title_bold';
    }

    get progressValue(): number {
        const total = this.pack?.chainHead?.sequence ?? 0;
        return total === 0 || !this.verification
            ? 0
            : Math.min(100, Math.round((this.verification.checked / total) * 100));
    }

    async handleVerifyOrg(): Promise<void> {
        this.cancelled = false;
        this.verification = { running: true, checked: 0, ok: null, message: '', lastHash: null };
        let from: number | null = 1;
        let checked = 0;
        try {
            while (from !== null && !this.cancelled) {
                // eslint-disable-next-line no-await-in-loop -- each batch starts where the previous one ended
                const result = (await verifyChain({
                    fromSequence: from,
                    batchSize: VERIFY_BATCH_MAX
                })) as ChainVerification;
                checked += result.checked;
                if (!result.ok) {
                    this.verification = {
                        running: false,
                        checked,
                        ok: false,
                        message: formatLabel(
                            VERIFY_BROKEN,
                            formatNumber(result.brokenAtSequence ?? 0, LOCALE),
                            result.reason ?? ''
                        ),
                        lastHash: result.lastHash
                    };
                    return;
                }
                this.verification = {
                    running: true,
                    checked,
                    ok: null,
                    message: formatLabel(VERIFY_PROGRESS, formatNumber(checked, LOCALE)),
                    lastHash: result.lastHash
                };
                from = result.nextSequence;
            }
            if (!this.cancelled) {
                this.verification = {
                    running: false,
                    checked,
                    ok: true,
                    message: formatLabel(VERIFY_OK, formatNumber(checked, LOCALE)),
                    lastHash: this.verification.lastHash
                };
            } else {
                this.verification = { ...this.verification, running: false };
            }
        } catch (error) {
            this.verification = {
                running: false,
                checked,
                ok: false,
                message: readableError(error, NEED_PERMISSION, GENERIC_ERROR).message,
                lastHash: null
            };
        }
    }

    handleCancelVerify(): void {
        this.cancelled = true;
    }

    // ---------------------------------------------------------------- export a log slice

    /** Shows `message` at the export field (none when empty); true when the field is valid. */
    private markField(field: string, message: string): boolean {
        const input = this.template?.querySelector(`lightning-input[data-field="${field}"]`) as
            (HTMLElement & { setCustomValidity(text: string): void; reportValidity(): boolean }) | null;
        input?.setCustomValidity(message);
        input?.reportValidity();
        return message === '';
    }

    handleExportFrom(event: Event): void {
        this.exportFrom = (event.target as HTMLInputElement).value;
    }

    handleExportCount(event: Event): void {
        this.exportCount = (event.target as HTMLInputElement).value;
    }

    async handleExportLog(): Promise<void> {
        const from = Number(this.exportFrom);
        const count = Number(this.exportCount);
        const invalid = formatLabel(EXPORT_INVALID, formatNumber(MAX_EXPORT_ENTRIES, LOCALE));
        const fromOk = this.markField('exportFrom', Number.isInteger(from) && from >= 1 ? '' : invalid);
        const countOk = this.markField(
            'exportCount',
            Number.isInteger(count) && count >= 1 && count <= MAX_EXPORT_ENTRIES ? '' : invalid
        );
        this.exportError = '';
        if (!fromOk || !countOk) {
            return;
        }
        this.exporting = true;
        try {
            const records = await exportPages(from, count);
            this.download(
                `${JSON.stringify(records, null, 1)}\n`,
                'application/json',
                exportFileName('inference-log', 'json', new Date())
            );
            this.toast(SUCCESS_TITLE, formatLabel(EXPORT_DONE, formatNumber(records.length, LOCALE)), 'success');
        } catch (error) {
            this.exportError =
                error instanceof ExportStopped
                    ? error.message
                    : readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        } finally {
            this.exporting = false;
        }
    }

    // ---------------------------------------------------------------- verify an exported file in the browser

    async handleFile(event: Event): Promise<void> {
        const input = event.target as HTMLInputElement & { files: FileList | null };
        const file = input.files && input.files[0];
        if (!file) {
            return;
        }
        let text: string;
        try {
            text = await file.text();
        } catch {
            this.fileReport = { ok: false, message: FILE_UNREADABLE, detail: '' };
            return;
        }
        this.fileReport = verifyExportText(text, file.name);
    }

    get fileReportClass(): string {
        return this.fileReport?.ok
            ? 'slds-text-color_success slds-text-title_bold'
            : 'slds-text-color_error slds-text-title_bold';
    }

    // ---------------------------------------------------------------- evidence

    get sectionOptions() {
        return [
            { label: SECTION_FINDINGS, value: 'findings' },
            { label: SECTION_FLOWS, value: 'flows' },
            { label: SECTION_ENDPOINTS, value: 'endpoints' },
            { label: SECTION_CONSENT, value: 'consent' }
        ];
    }

    handleSection(event: CustomEvent<{ value: EvidenceSection }>): void {
        this.section = event.detail.value;
    }

    get pdfOptions() {
        return [
            { label: EVIDENCE_PDF_ALL, value: '' },
            ...EVIDENCE_TEMPLATES.map((template) => ({ label: template.title, value: template.id }))
        ];
    }

    /** The PDF the org renders (EvidencePdfController), for the chosen document; null in the preview. */
    get pdfUrl(): string | null {
        if (!this.pdfPageUrl) {
            return null;
        }
        return this.pdfDocument
            ? `${this.pdfPageUrl}?document=${encodeURIComponent(this.pdfDocument)}`
            : this.pdfPageUrl;
    }

    handlePdfDocument(event: CustomEvent<{ value: string }>): void {
        this.pdfDocument = event.detail.value;
    }

    handleEvidenceJson(): void {
        if (this.pack) {
            this.download(
                evidenceJson(this.pack),
                'application/json',
                exportFileName('dpia-evidence', 'json', new Date())
            );
        }
    }

    handleEvidenceCsv(): void {
        if (this.pack) {
            this.download(
                sectionCsv(this.pack, this.section),
                'text/csv',
                exportFileName(`dpia-${this.section}`, 'csv', new Date())
            );
        }
    }

    handleEvidenceHtml(): void {
        if (!this.pack) {
            return;
        }
        const html = printableReport(
            this.pack,
            {
                title: REPORT_TITLE,
                generated: REPORT_GENERATED,
                chainHead: CHAIN_HEAD,
                chainEmpty: CHAIN_EMPTY,
                dataFlows: SECTION_FLOWS,
                endpoints: SECTION_ENDPOINTS,
                consent: SECTION_CONSENT,
                findings: SECTION_FINDINGS,
                decisions: REPORT_DECISIONS,
                truncated: REPORT_TRUNCATED
            },
            reportValue
        );
        this.download(html, 'text/html', exportFileName('dpia-report', 'html', new Date()));
    }

    download(text: string, mimeType: string, fileName: string): void {
        const link = document.createElement('a');
        link.href = dataUrl(text, mimeType);
        link.download = fileName;
        link.style.display = 'none';
        this.template?.querySelector('.downloads')?.appendChild(link);
        link.click();
        link.remove();
        this.toast(SUCCESS_TITLE, formatLabel(DOWNLOADED, fileName), 'success');
    }

    toast(title: string, message: string, variant: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}

/**
 * A value of the printable report: a minimisation in words (the JSON and CSV keep the stored value for GRC tools),
 * dates and date-times as everywhere in the console, empty for null.
 */
function reportValue(value: unknown, key?: string): string {
    if (key === 'minimization' && (typeof value === 'string' || value === null)) {
        return minimizationLabel(value);
    }
    return formatValue(value, LOCALE, TIME_ZONE);
}

/**
 * Reads export pages from `from` until `count` entries or the end (nextSequence null). A page may be empty and
 * still carry a nextSequence (an archive run with no match), so emptiness does not end the loop; a cursor that does
 * not move forward, or more than MAX_EXPORT_PAGES calls, stops it with a message instead of looping.
 */
async function exportPages(from: number, count: number): Promise<LogExportPage['records']> {
    const records: LogExportPage['records'] = [];
    let next: number | null = from;
    for (let pages = 0; next !== null && records.length < count; pages++) {
        if (pages === MAX_EXPORT_PAGES) {
            throw new ExportStopped(
                formatLabel(EXPORT_TOO_MANY_PAGES, formatNumber(pages, LOCALE), formatNumber(next, LOCALE))
            );
        }
        // eslint-disable-next-line no-await-in-loop -- keyset pages: each starts after the previous one
        const page = (await exportLog({
            fromSequence: next,
            batchSize: Math.min(VERIFY_BATCH_MAX, count - records.length)
        })) as LogExportPage;
        records.push(...page.records);
        if (page.nextSequence !== null && page.nextSequence <= next) {
            throw new ExportStopped(formatLabel(EXPORT_STALLED, formatNumber(next, LOCALE)));
        }
        next = page.nextSequence;
    }
    return records;
}

/** Parses an exported log (JSON or CSV) and verifies its chain with the shared verifier. */
export function verifyExportText(text: string, fileName: string): { ok: boolean; message: string; detail: string } {
    let entries: LogEntry[];
    try {
        const trimmed = text.trim();
        entries =
            trimmed.startsWith('[') || trimmed.startsWith('{')
                ? jsonToEntries(JSON.parse(trimmed))
                : rowsToEntries(parseCsv(text)).entries;
    } catch (error) {
        return { ok: false, message: FILE_UNREADABLE, detail: (error as Error).message };
    }
    const report: ChainReport = verifyExport(entries, { allowPartial: true });
    if (report.ok) {
        return {
            ok: true,
            message: formatLabel(
                FILE_OK,
                fileName,
                formatNumber(report.count, LOCALE),
                formatNumber(report.firstSequence ?? 0, LOCALE),
                formatNumber(report.lastSequence ?? 0, LOCALE)
            ),
            detail: report.headHash ?? ''
        };
    }
    return {
        ok: false,
        message: formatLabel(
            FILE_BROKEN,
            fileName,
            report.break?.sequence === null || report.break?.sequence === undefined
                ? ''
                : formatNumber(report.break.sequence, LOCALE)
        ),
        detail: report.break?.message ?? ''
    };
}
