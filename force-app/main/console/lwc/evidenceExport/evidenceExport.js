// Generated from evidenceExport.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { documentHtml, evidenceDocuments } from "c/evidenceDocuments";
import { toCsv } from "c/csv";
export const EVIDENCE_FORMAT_VERSION = 3;
const FORMULA_START = /^[=+\-@\t\r]/;
export function cellText(value) {
  if (value === null || value === void 0) {
    return "";
  }
  const text = Array.isArray(value) ? value.join(";") : String(value);
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}
export function tableCsv(columns, rows) {
  return toCsv([
    columns.map((column) => cellText(column.header)),
    ...rows.map(
      (row) => columns.map(
        (column) => cellText(column.value ? column.value(row) : row[column.key])
      )
    )
  ]);
}
export const SECTION_COLUMNS = {
  flows: [
    "name",
    "flowKey",
    "sourceObject",
    "sourceField",
    "endpointName",
    "purpose",
    "minimization",
    "status",
    "approvedOn",
    "nextReview",
    "classification",
    "phiCategory"
  ],
  endpoints: [
    "name",
    "endpointKey",
    "model",
    "region",
    "jurisdiction",
    "hosting",
    "status",
    "dpaSigned",
    "dpaExpires",
    "zeroRetention",
    "approvedOn"
  ],
  consent: ["purpose", "jurisdiction", "status", "count"],
  findings: [
    "name",
    "rule",
    "severity",
    "category",
    "componentType",
    "componentName",
    "line",
    "status",
    "dueDate",
    "assignedToName",
    "firstSeen",
    "resolvedOn",
    "message"
  ]
};
export const COLUMN_HEADERS = {
  name: "Name",
  flowKey: "Flow key",
  sourceObject: "Object",
  sourceField: "Field",
  endpointName: "Endpoint",
  purpose: "Purpose",
  minimization: "Minimisation",
  status: "Status",
  approvedOn: "Approved on",
  nextReview: "Next review",
  classification: "Classification",
  phiCategory: "PHI category",
  endpointKey: "Endpoint key",
  model: "Model",
  region: "Region",
  jurisdiction: "Jurisdiction",
  hosting: "Hosting",
  dpaSigned: "DPA signed",
  dpaExpires: "DPA expires",
  zeroRetention: "Zero retention",
  count: "Count",
  rule: "Rule",
  severity: "Severity",
  category: "Category",
  componentType: "Component type",
  componentName: "Component",
  line: "Line",
  dueDate: "Due",
  assignedToName: "Assigned to",
  firstSeen: "First seen",
  resolvedOn: "Resolved on",
  message: "Message",
  key: "Decision"
};
export function columnHeader(key) {
  return COLUMN_HEADERS[key] ?? key;
}
export function sectionRows(pack, section) {
  switch (section) {
    case "flows":
      return pack.flows;
    case "endpoints":
      return pack.endpoints;
    case "consent":
      return pack.consentCoverage;
    case "findings":
      return pack.findings;
    default:
      throw new RangeError(`unknown section ${String(section)}`);
  }
}
export function sectionCsv(pack, section) {
  return tableCsv(
    SECTION_COLUMNS[section].map((key) => ({ key, header: key })),
    sectionRows(pack, section)
  );
}
export function evidenceJson(pack) {
  const file = {
    format: "warden-dpia-evidence",
    version: EVIDENCE_FORMAT_VERSION,
    ...pack,
    documents: evidenceDocuments(pack)
  };
  return `${JSON.stringify(file, null, 2)}
`;
}
export function escapeHtml(value) {
  return String(value ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function table(columns, rows, format) {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(columnHeader(column))}</th>`).join("");
  const body = rows.map(
    (row) => `<tr>${columns.map((column) => `<td>${escapeHtml(format(row[column], column))}</td>`).join("")}</tr>`
  ).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}
export function printableReport(pack, labels, formatValue = (value) => value === null || value === void 0 ? "" : String(value)) {
  const head = pack.chainHead ? `<p>${escapeHtml(labels.chainHead)}: #${escapeHtml(pack.chainHead.sequence)} <code>${escapeHtml(pack.chainHead.entryHash)}</code> (${escapeHtml(formatValue(pack.chainHead.loggedAt))})</p>` : `<p>${escapeHtml(labels.chainEmpty)}</p>`;
  const decisions = pack.callsByDecision.map((row) => ({ key: row.key, count: row.count }));
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(labels.title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#181818}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #c9c9c9}table{border-collapse:collapse;width:100%;font-size:.8rem}th,td{border:1px solid #c9c9c9;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:.8rem;word-break:break-all}@media print{h2{break-after:avoid}tr{break-inside:avoid}}</style>",
    "</head><body>",
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
    table(["key", "count"], decisions, formatValue),
    `<h2>${escapeHtml(labels.findings)}</h2>`,
    pack.findingsTruncated ? `<p>${escapeHtml(labels.truncated)}</p>` : "",
    table(SECTION_COLUMNS.findings, pack.findings, formatValue),
    ...evidenceDocuments(pack).map((document) => documentHtml(document, formatValue)),
    "</body></html>",
    ""
  ].join("\n");
}
export function exportFileName(kind, extension, at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `warden-${kind.replace(/[^a-z0-9-]/gi, "")}-${stamp}.${extension}`;
}
export function dataUrl(text, mimeType) {
  return `data:${mimeType};charset=utf-8,${encodeURIComponent(text)}`;
}
