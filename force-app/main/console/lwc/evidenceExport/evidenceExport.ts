/**
 * Evidence exports of the audit screen: CSV tables (RFC 4180), the DPIA evidence pack as JSON, and a
 * self-contained printable HTML report. Everything here is pure: the component turns the strings into
 * downloads.
 *
 * CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * are prefixed with an apostrophe, because evidence files get opened in Excel by auditors. The CSV itself
 * is written by c/csv.
 */
import { documentHtml, evidenceDocuments, type CellFormat } from 'c/evidenceDocuments';
import type { EvidencePack } from 'c/consoleContracts';
import { toCsv } from 'c/csv';

/** 2: the pack carries its documents (c/evidenceDocuments). 3: a document table carries only its columns. */
export const EVIDENCE_FORMAT_VERSION = 3;

export type Column<T> = { key: string; header: string; value?: (row: T) => unknown };

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as the text of a cell: empty for null, lists joined with `;`, formulas defused. */
export function cellText(value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    const text = Array.isArray(value) ? value.join(';') : String(value);
    return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** A table as CSV: a header row, then one row per item. */
export function tableCsv<T>(columns: Column<T>[], rows: T[]): string {
    return toCsv([
        columns.map((column) => cellText(column.header)),
        ...rows.map((row) =>
            columns.map((column) =>
                cellText(column.value ? column.value(row) : (row as Record<string, unknown>)[column.key])
            )
        )
    ]);
}

export type EvidenceSection = 'flows' | 'endpoints' | 'consent' | 'findings';

/** Columns of each CSV section: the API-level keys, so a file reads the same in every language. */
export const SECTION_COLUMNS: Record<EvidenceSection, string[]> = {
    flows: [
        'name',
        'flowKey',
        'sourceObject',
        'sourceField',
        'endpointName',
        'purpose',
        'minimization',
        'status',
        'approvedOn',
        'nextReview',
        'classification',
        'phiCategory'
    ],
    endpoints: [
        'name',
        'endpointKey',
        'model',
        'region',
        'jurisdiction',
        'hosting',
        'status',
        'dpaSigned',
        'dpaExpires',
        'zeroRetention',
        'approvedOn'
    ],
    consent: ['purpose', 'jurisdiction', 'status', 'count'],
    findings: [
        'name',
        'rule',
        'severity',
        'category',
        'componentType',
        'componentName',
        'line',
        'status',
        'dueDate',
        'assignedToName',
        'firstSeen',
        'resolvedOn',
        'message'
    ]
};

/**
 * What the printable report's tables call each column (the CSV keeps the API-level keys for tools). Every key of
 * SECTION_COLUMNS and of the decisions table has one; the test holds that.
 */
export const COLUMN_HEADERS: Record<string, string> = {
    name: 'Name',
    flowKey: 'Flow key',
    sourceObject: 'Object',
    sourceField: 'Field',
    endpointName: 'Endpoint',
    purpose: 'Purpose',
    minimization: 'Minimisation',
    status: 'Status',
    approvedOn: 'Approved on',
    nextReview: 'Next review',
    classification: 'Classification',
    phiCategory: 'PHI category',
    endpointKey: 'Endpoint key',
    model: 'Model',
    region: 'Region',
    jurisdiction: 'Jurisdiction',
    hosting: 'Hosting',
    dpaSigned: 'DPA signed',
    dpaExpires: 'DPA expires',
    zeroRetention: 'Zero retention',
    count: 'Count',
    rule: 'Rule',
    severity: 'Severity',
    category: 'Category',
    componentType: 'Component type',
    componentName: 'Component',
    line: 'Line',
    dueDate: 'Due',
    assignedToName: 'Assigned to',
    firstSeen: 'First seen',
    resolvedOn: 'Resolved on',
    message: 'Message',
    key: 'Decision'
};

/** The human header of a column; a key without one is a defect caught by the tests, shown as the key meanwhile. */
export function columnHeader(key: string): string {
    return COLUMN_HEADERS[key] ?? key;
}

export function sectionRows(pack: EvidencePack, section: EvidenceSection): Record<string, unknown>[] {
    switch (section) {
        case 'flows':
            return pack.flows;
        case 'endpoints':
            return pack.endpoints;
        case 'consent':
            return pack.consentCoverage;
        case 'findings':
            return pack.findings;
        default:
            throw new RangeError(`unknown section ${String(section)}`);
    }
}

export function sectionCsv(pack: EvidencePack, section: EvidenceSection): string {
    return tableCsv(
        SECTION_COLUMNS[section].map((key) => ({ key, header: key })),
        sectionRows(pack, section)
    );
}

/**
 * The evidence pack as pretty-printed JSON with a format header, keys in a stable order: the facts, then the
 * documents built from them (DPIA, HIPAA safeguards, NIST AI RMF profile), for GRC tools.
 */
export function evidenceJson(pack: EvidencePack): string {
    const file = {
        format: 'warden-dpia-evidence',
        version: EVIDENCE_FORMAT_VERSION,
        ...pack,
        documents: evidenceDocuments(pack)
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}

export function escapeHtml(value: unknown): string {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** Labels of the printable report; every string a reader sees comes from here (custom labels in the org). */
export type ReportLabels = {
    title: string;
    generated: string;
    chainHead: string;
    chainEmpty: string;
    dataFlows: string;
    endpoints: string;
    consent: string;
    findings: string;
    decisions: string;
    truncated: string;
};

function table(columns: string[], rows: Record<string, unknown>[], format: CellFormat): string {
    const head = columns.map((column) => `<th scope="col">${escapeHtml(columnHeader(column))}</th>`).join('');
    const body = rows
        .map(
            (row) =>
                `<tr>${columns.map((column) => `<td>${escapeHtml(format(row[column], column))}</td>`).join('')}</tr>`
        )
        .join('\n');
    return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A standalone HTML document (inline CSS, no scripts) for printing or saving as PDF: data flows,
 * endpoints, consent coverage, calls by decision, findings and the chain head, then the DPIA, the HIPAA
 * safeguards and the NIST AI RMF profile built from them (c/evidenceDocuments).
 */
export function printableReport(
    pack: EvidencePack,
    labels: ReportLabels,
    formatValue: CellFormat = (value) => (value === null || value === undefined ? '' : String(value))
): string {
    const head = pack.chainHead
        ? `<p>${escapeHtml(labels.chainHead)}: #${escapeHtml(pack.chainHead.sequence)} <code>${escapeHtml(pack.chainHead.entryHash)}</code> (${escapeHtml(formatValue(pack.chainHead.loggedAt))})</p>`
        : `<p>${escapeHtml(labels.chainEmpty)}</p>`;
    const decisions = pack.callsByDecision.map((row) => ({ key: row.key, count: row.count }));
    return [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        `<title>${escapeHtml(labels.title)}</title>`,
        '<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#181818}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #c9c9c9}table{border-collapse:collapse;width:100%;font-size:.8rem}th,td{border:1px solid #c9c9c9;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:.8rem;word-break:break-all}@media print{h2{break-after:avoid}tr{break-inside:avoid}}</style>',
        '</head><body>',
        `<h1>${escapeHtml(labels.title)}</h1>`,
        `<p>${escapeHtml(labels.generated)}: ${escapeHtml(formatValue(pack.generatedAt))} · ${escapeHtml(pack.generatedBy)}</p>`,
        head,
        `<h2>${escapeHtml(labels.dataFlows)}</h2>`,
        table(SECTION_COLUMNS.flows, pack.flows, formatValue),
        `<h2>${escapeHtml(labels.endpoints)}</h2>`,
        table(SECTION_COLUMNS.endpoints, pack.endpoints, formatValue),
        `<h2>${escapeHtml(labels.consent)}</h2>`,
        table(SECTION_COLUMNS.consent, pack.consentCoverage, formatValue),
        `<h2>${escapeHtml(labels.decisions)}</h2>`,
        table(['key', 'count'], decisions, formatValue),
        `<h2>${escapeHtml(labels.findings)}</h2>`,
        pack.findingsTruncated ? `<p>${escapeHtml(labels.truncated)}</p>` : '',
        table(SECTION_COLUMNS.findings, pack.findings, formatValue),
        ...evidenceDocuments(pack).map((document) => documentHtml(document, formatValue)),
        '</body></html>',
        ''
    ].join('\n');
}

/** A file name safe on every OS: warden-<kind>-<YYYYMMDD-HHMMSS>.<ext>. */
export function exportFileName(kind: string, extension: string, at: Date): string {
    const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `warden-${kind.replace(/[^a-z0-9-]/gi, '')}-${stamp}.${extension}`;
}

/** A data: URL of a text file, for an <a download> link. */
export function dataUrl(text: string, mimeType: string): string {
    return `data:${mimeType};charset=utf-8,${encodeURIComponent(text)}`;
}
