// Generated from evidenceDocuments.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  CONSENT_COVERED_RESULTS,
  RESIDENCY_VIOLATION_RESULTS,
  checkedCounts
} from "c/consoleContracts";
import {
  EVIDENCE_TEMPLATES,
  DOCUMENT_WORDS
} from "c/evidenceTemplates";
const CLOSED = ["Resolved", "RiskAccepted", "FalsePositive"];
function count(rows, ...keys) {
  return rows.filter((row) => keys.includes(row.key)).reduce((sum, row) => sum + row.count, 0);
}
function total(rows) {
  return rows.reduce((sum, row) => sum + row.count, 0);
}
export function percent(part, whole) {
  if (whole === 0) {
    return "n/a";
  }
  const tenths = Math.floor((2e3 * part + whole) / (2 * whole));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
function stampOf(pack) {
  return {
    generatedAt: pack.generatedAt,
    chainHeadSequence: pack.chainHead?.sequence ?? null,
    chainHeadHash: pack.chainHead?.entryHash ?? null,
    checkpoint: pack.checkpoints[0]?.sequence ?? null
  };
}
export function evidenceFigures(pack) {
  const today = pack.generatedAt.slice(0, 10);
  const open = pack.findings.filter((finding) => !CLOSED.includes(finding.status));
  const approved = pack.flows.filter((flow) => flow.status === "Approved");
  const consented = count(pack.callsByConsentResult, ...CONSENT_COVERED_RESULTS);
  const consentKnown = total(checkedCounts(pack.callsByConsentResult));
  return {
    windowDays: pack.windowDays,
    gateMode: pack.gateMode,
    phiPatterns: pack.phiPatterns,
    calls: total(pack.callsByDecision),
    blocked: count(pack.callsByDecision, "Blocked"),
    redacted: count(pack.callsByDecision, "Redacted"),
    consented,
    consentKnown,
    unconsented: consentKnown - consented,
    consentShare: percent(consented, consentKnown),
    residencyViolations: count(pack.callsByResidencyResult, ...RESIDENCY_VIOLATION_RESULTS),
    monitorCalls: count(pack.callsByMode, "Monitor"),
    openFindings: open.length,
    openCritical: open.filter((finding) => finding.severity === "Critical").length,
    overdue: open.filter((finding) => finding.dueDate !== null && finding.dueDate < today).length,
    flows: pack.flows.length,
    approvedFlows: approved.length,
    approvedEndpoints: new Set(approved.map((flow) => flow.endpointId)).size,
    unaskedFlows: pack.flows.filter((flow) => flow.status === "Proposed" && flow.requestedById === null).map((flow) => flow.name),
    overriddenFlows: approved.filter((flow) => flow.complianceOverride).length,
    reviewsOverdue: approved.filter((flow) => flow.nextReview !== null && flow.nextReview < today).length,
    flowsFallingShort: approved.filter((flow) => flow.endpointProblems.length > 0).length,
    allowedTags: pack.tagMinimization.filter((row) => row.minimization === "Allow").reduce((sum, row) => sum + row.count, 0),
    endpoints: pack.endpoints.length,
    unsignedEndpoints: pack.endpoints.filter((endpoint) => endpoint.status === "Approved" && !endpoint.dpaSigned).length,
    acceptances: pack.acceptances.length,
    history: pack.history.length,
    checkpoints: pack.checkpoints.length,
    chainHead: pack.chainHead ? pack.chainHead.sequence : DOCUMENT_WORDS.noValue,
    logEmpty: pack.chainHead ? 0 : 1
  };
}
export function fillText(text, figures) {
  return text.replace(/\{(\w+)\}/g, (_match, name) => {
    const value = figures[name];
    if (value === void 0 || Array.isArray(value)) {
      throw new RangeError(`evidence template: no figure {${name}}`);
    }
    return String(value);
  });
}
function gapsOf(template, figures) {
  return template.gaps.flatMap((gap) => {
    if (gap.each) {
      const items = figures[gap.each];
      if (!Array.isArray(items)) {
        throw new RangeError(`evidence template: {${gap.each}} is not a list`);
      }
      return items.map((item) => fillText(gap.text, { ...figures, item }));
    }
    const value = gap.when === void 0 ? void 0 : figures[gap.when];
    if (typeof value !== "number") {
      throw new RangeError(`evidence template: gap condition {${gap.when ?? ""}} is not a count`);
    }
    return value > 0 ? [fillText(gap.text, figures)] : [];
  });
}
function cell(row, column) {
  return column.join ? column.join.map((key) => String(row[key] ?? "")).join(".") : row[column.key] ?? null;
}
function tableOf(template, pack) {
  const rows = pack[template.rows];
  return {
    columns: template.columns.map((column) => ({ key: column.key, header: column.header })),
    rows: rows.map((row) => Object.fromEntries(template.columns.map((column) => [column.key, cell(row, column)])))
  };
}
export function renderDocument(template, pack) {
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
      ...section.table ? { table: tableOf(section.table, pack) } : {}
    }))
  };
}
function templateOf(id) {
  const template = EVIDENCE_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) {
    throw new RangeError(`no evidence template ${id}`);
  }
  return template;
}
export function dpiaDocument(pack) {
  return renderDocument(templateOf("dpia"), pack);
}
export function hipaaDocument(pack) {
  return renderDocument(templateOf("hipaa"), pack);
}
export function nistDocument(pack) {
  return renderDocument(templateOf("nist-ai-rmf"), pack);
}
export function evidenceDocuments(pack) {
  return EVIDENCE_TEMPLATES.map((template) => renderDocument(template, pack));
}
function escapeHtml(value) {
  return String(value ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function list(title, items) {
  return items.length === 0 ? "" : `<p><strong>${escapeHtml(title)}</strong></p><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}
function tableHtml(table, format) {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join("");
  const rows = table.rows.map(
    (row) => `<tr>${table.columns.map((column) => `<td>${escapeHtml(format(row[column.key], column.key))}</td>`).join("")}</tr>`
  ).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}
export function stampText(stamp) {
  return stamp.chainHeadSequence === null ? DOCUMENT_WORDS.beforeFirstEntry : fillText(DOCUMENT_WORDS.produced, {
    chainHeadSequence: stamp.chainHeadSequence,
    chainHeadHash: stamp.chainHeadHash ?? "",
    checkpoint: stamp.checkpoint ?? DOCUMENT_WORDS.noValue
  });
}
export function documentHtml(document, format) {
  const stamp = document.stamp;
  const head = stampText(stamp);
  const sections = document.sections.map(
    (section) => [
      `<h3>${escapeHtml(section.id)} · ${escapeHtml(section.heading)}</h3>`,
      ...section.text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      list(DOCUMENT_WORDS.evidence, section.evidence),
      list(DOCUMENT_WORDS.gaps, section.gaps),
      section.table ? tableHtml(section.table, format) : ""
    ].join("\n")
  );
  return [
    `<section data-document="${escapeHtml(document.id)}">`,
    `<h2>${escapeHtml(document.title)}</h2>`,
    `<p>${escapeHtml(format(stamp.generatedAt))} · ${escapeHtml(head)}</p>`,
    ...sections,
    "</section>"
  ].join("\n");
}
