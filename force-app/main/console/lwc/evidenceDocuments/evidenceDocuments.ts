/**
 * The evidence pack as documents an auditor reads, built only from the facts the org counted (EvidencePack):
 * - a DPIA following GDPR Art. 35(7): (a) a systematic description of the processing from the data-flow map,
 *   (b) necessity and proportionality from minimisation and consent figures, (c) the risks from findings,
 *   residency violations and accepted risks, (d) the measures the gate enforces;
 * - a HIPAA Security Rule safeguards report (164.308, 164.310, 164.312, 164.316): each control, its evidence, gaps;
 * - a NIST AI RMF profile (Govern, Map, Measure, Manage): the subcategories Warden gives evidence for.
 * Each document is stamped with the chain head and the last checkpoint it was produced at. The same structure is
 * rendered as printable HTML (human column headers) and written into the JSON pack for GRC tools.
 *
 * What the documents say is not written here: it is c/evidenceTemplates, which the Apex twin (EvidenceDocuments,
 * behind the PDF) reads as the static resource WardenEvidenceTemplates. This module computes the figures the
 * templates quote and fills them in; the shared vectors EvidenceDocumentVectors (facts in, documents out) hold it
 * and the Apex twin to the same output.
 */
import {
    CONSENT_COVERED_RESULTS,
    RESIDENCY_VIOLATION_RESULTS,
    checkedCounts,
    type CountByKey,
    type EvidencePack
} from 'c/consoleContracts';
import {
    EVIDENCE_TEMPLATES,
    DOCUMENT_WORDS,
    type DocumentTemplate,
    type SectionTemplate,
    type TemplateColumn
} from 'c/evidenceTemplates';

export type DocumentColumn = { key: string; header: string };
export type DocumentTable = { columns: DocumentColumn[]; rows: Record<string, unknown>[] };
/** One control or subsection: what it is, the evidence, and the gaps the facts show (empty when none). */
export type DocumentSection = {
    id: string;
    heading: string;
    text: string[];
    evidence: string[];
    gaps: string[];
    table?: DocumentTable;
};
export type EvidenceDocument = {
    id: 'dpia' | 'hipaa' | 'nist-ai-rmf';
    title: string;
    stamp: {
        generatedAt: string;
        chainHeadSequence: number | null;
        chainHeadHash: string | null;
        checkpoint: number | null;
    };
    sections: DocumentSection[];
};

const CLOSED = ['Resolved', 'RiskAccepted', 'FalsePositive'];

function count(rows: CountByKey[], ...keys: string[]): number {
    return rows.filter((row) => keys.includes(row.key)).reduce((sum, row) => sum + row.count, 0);
}

function total(rows: CountByKey[]): number {
    return rows.reduce((sum, row) => sum + row.count, 0);
}

/** A share to one decimal, rounded half up in whole numbers so the Apex twin prints the same digits. */
export function percent(part: number, whole: number): string {
    if (whole === 0) {
        return 'n/a';
    }
    const tenths = Math.floor((2000 * part + whole) / (2 * whole));
    return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

function stampOf(pack: EvidencePack): EvidenceDocument['stamp'] {
    return {
        generatedAt: pack.generatedAt,
        chainHeadSequence: pack.chainHead?.sequence ?? null,
        chainHeadHash: pack.chainHead?.entryHash ?? null,
        checkpoint: pack.checkpoints[0]?.sequence ?? null
    };
}

/** A figure the templates quote: a count, a word, or (for `each` gaps) a list of names. */
export type Figure = number | string | string[];

/**
 * The figures the templates quote, computed once from the facts. The Apex EvidenceDocuments.figures computes the
 * same names the same way; the shared vectors (EvidenceDocumentVectors) hold the two together.
 */
export function evidenceFigures(pack: EvidencePack): Record<string, Figure> {
    const today = pack.generatedAt.slice(0, 10);
    const open = pack.findings.filter((finding) => !CLOSED.includes(finding.status));
    const approved = pack.flows.filter((flow) => flow.status === 'Approved');
    const consented = count(pack.callsByConsentResult, ...CONSENT_COVERED_RESULTS);
    // Calls refused before the consent check (NotChecked) are no consent figure either way.
    const consentKnown = total(checkedCounts(pack.callsByConsentResult));
    return {
        windowDays: pack.windowDays,
        gateMode: pack.gateMode,
        phiPatterns: pack.phiPatterns,
        calls: total(pack.callsByDecision),
        blocked: count(pack.callsByDecision, 'Blocked'),
        redacted: count(pack.callsByDecision, 'Redacted'),
        consented,
        consentKnown,
        unconsented: consentKnown - consented,
        consentShare: percent(consented, consentKnown),
        residencyViolations: count(pack.callsByResidencyResult, ...RESIDENCY_VIOLATION_RESULTS),
        monitorCalls: count(pack.callsByMode, 'Monitor'),
        openFindings: open.length,
        openCritical: open.filter((finding) => finding.severity === 'Critical').length,
        overdue: open.filter((finding) => finding.dueDate !== null && finding.dueDate < today).length,
        flows: pack.flows.length,
        approvedFlows: approved.length,
        approvedEndpoints: new Set(approved.map((flow) => flow.endpointId)).size,
        unaskedFlows: pack.flows
            .filter((flow) => flow.status === 'Proposed' && flow.requestedById === null)
            .map((flow) => flow.name),
        overriddenFlows: approved.filter((flow) => flow.complianceOverride).length,
        reviewsOverdue: approved.filter((flow) => flow.nextReview !== null && flow.nextReview < today).length,
        flowsFallingShort: approved.filter((flow) => flow.endpointProblems.length > 0).length,
        allowedTags: pack.tagMinimization
            .filter((row) => row.minimization === 'Allow')
            .reduce((sum, row) => sum + row.count, 0),
        endpoints: pack.endpoints.length,
        unsignedEndpoints: pack.endpoints.filter((endpoint) => endpoint.status === 'Approved' && !endpoint.dpaSigned)
            .length,
        acceptances: pack.acceptances.length,
        history: pack.history.length,
        checkpoints: pack.checkpoints.length,
        chainHead: pack.chainHead ? pack.chainHead.sequence : DOCUMENT_WORDS.noValue,
        logEmpty: pack.chainHead ? 0 : 1
    };
}

/** A template text with each `{name}` replaced by its figure; an unknown name is a defect of the template. */
export function fillText(text: string, figures: Record<string, Figure>): string {
    return text.replace(/\{(\w+)\}/g, (_match, name: string) => {
        const value = figures[name];
        if (value === undefined || Array.isArray(value)) {
            throw new RangeError(`evidence template: no figure {${name}}`);
        }
        return String(value);
    });
}

function gapsOf(template: SectionTemplate, figures: Record<string, Figure>): string[] {
    return template.gaps.flatMap((gap) => {
        if (gap.each) {
            const items = figures[gap.each];
            if (!Array.isArray(items)) {
                throw new RangeError(`evidence template: {${gap.each}} is not a list`);
            }
            return items.map((item) => fillText(gap.text, { ...figures, item }));
        }
        const value = gap.when === undefined ? undefined : figures[gap.when];
        if (typeof value !== 'number') {
            throw new RangeError(`evidence template: gap condition {${gap.when ?? ''}} is not a count`);
        }
        return value > 0 ? [fillText(gap.text, figures)] : [];
    });
}

function cell(row: Record<string, unknown>, column: TemplateColumn): unknown {
    return column.join ? column.join.map((key) => String(row[key] ?? '')).join('.') : (row[column.key] ?? null);
}

function tableOf(template: NonNullable<SectionTemplate['table']>, pack: EvidencePack): DocumentTable {
    const rows = pack[template.rows] as unknown as Record<string, unknown>[];
    return {
        columns: template.columns.map((column) => ({ key: column.key, header: column.header })),
        rows: rows.map((row) => Object.fromEntries(template.columns.map((column) => [column.key, cell(row, column)])))
    };
}

/** One document from its template and the facts. */
export function renderDocument(template: DocumentTemplate, pack: EvidencePack): EvidenceDocument {
    const figures = evidenceFigures(pack);
    return {
        id: template.id,
        title: template.title,
        stamp: stampOf(pack),
        sections: template.sections.map((section) => ({
            id: section.id,
            heading: section.heading,
            text: section.text.map((text) => fillText(text, figures)),
            evidence: section.evidence.map((text) => fillText(text, figures)),
            gaps: gapsOf(section, figures),
            ...(section.table ? { table: tableOf(section.table, pack) } : {})
        }))
    };
}

function templateOf(id: EvidenceDocument['id']): DocumentTemplate {
    const template = EVIDENCE_TEMPLATES.find((candidate) => candidate.id === id);
    if (!template) {
        throw new RangeError(`no evidence template ${id}`);
    }
    return template;
}

export function dpiaDocument(pack: EvidencePack): EvidenceDocument {
    return renderDocument(templateOf('dpia'), pack);
}

export function hipaaDocument(pack: EvidencePack): EvidenceDocument {
    return renderDocument(templateOf('hipaa'), pack);
}

export function nistDocument(pack: EvidencePack): EvidenceDocument {
    return renderDocument(templateOf('nist-ai-rmf'), pack);
}

export function evidenceDocuments(pack: EvidencePack): EvidenceDocument[] {
    return EVIDENCE_TEMPLATES.map((template) => renderDocument(template, pack));
}

function escapeHtml(value: unknown): string {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

function list(title: string, items: string[]): string {
    return items.length === 0
        ? ''
        : `<p><strong>${escapeHtml(title)}</strong></p><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** How a printed value reads: the value and the key of its column (a minimisation reads in words, a date as a date). */
export type CellFormat = (value: unknown, key?: string) => string;

function tableHtml(table: DocumentTable, format: CellFormat): string {
    const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join('');
    const rows = table.rows
        .map(
            (row) =>
                `<tr>${table.columns.map((column) => `<td>${escapeHtml(format(row[column.key], column.key))}</td>`).join('')}</tr>`
        )
        .join('\n');
    return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The stamp in words (DOCUMENT_WORDS, the same words the PDF prints). */
export function stampText(stamp: EvidenceDocument['stamp']): string {
    return stamp.chainHeadSequence === null
        ? DOCUMENT_WORDS.beforeFirstEntry
        : fillText(DOCUMENT_WORDS.produced, {
              chainHeadSequence: stamp.chainHeadSequence,
              chainHeadHash: stamp.chainHeadHash ?? '',
              checkpoint: stamp.checkpoint ?? DOCUMENT_WORDS.noValue
          });
}

/** One document as an HTML fragment (a section with its stamp, controls, evidence and gaps). */
export function documentHtml(document: EvidenceDocument, format: CellFormat): string {
    const stamp = document.stamp;
    const head = stampText(stamp);
    const sections = document.sections.map((section) =>
        [
            `<h3>${escapeHtml(section.id)} · ${escapeHtml(section.heading)}</h3>`,
            ...section.text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
            list(DOCUMENT_WORDS.evidence, section.evidence),
            list(DOCUMENT_WORDS.gaps, section.gaps),
            section.table ? tableHtml(section.table, format) : ''
        ].join('\n')
    );
    return [
        `<section data-document="${escapeHtml(document.id)}">`,
        `<h2>${escapeHtml(document.title)}</h2>`,
        `<p>${escapeHtml(format(stamp.generatedAt))} · ${escapeHtml(head)}</p>`,
        ...sections,
        '</section>'
    ].join('\n');
}
