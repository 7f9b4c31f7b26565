// Generated from evidenceDocuments.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  CONSENT_COVERED_RESULTS,
  RESIDENCY_VIOLATION_RESULTS,
  checkedCounts
} from "c/consoleContracts";
const CLOSED = ["Resolved", "RiskAccepted", "FalsePositive"];
function count(rows, ...keys) {
  return rows.filter((row) => keys.includes(row.key)).reduce((sum, row) => sum + row.count, 0);
}
function total(rows) {
  return rows.reduce((sum, row) => sum + row.count, 0);
}
function percent(part, whole) {
  return whole === 0 ? "n/a" : `${(100 * part / whole).toFixed(1)}%`;
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
  const calls = total(pack.callsByDecision);
  const open = pack.findings.filter((finding) => !CLOSED.includes(finding.status));
  const approved = pack.flows.filter((flow) => flow.status === "Approved");
  return {
    calls,
    blocked: count(pack.callsByDecision, "Blocked"),
    redacted: count(pack.callsByDecision, "Redacted"),
    consented: count(pack.callsByConsentResult, ...CONSENT_COVERED_RESULTS),
    consentKnown: total(checkedCounts(pack.callsByConsentResult)),
    residencyViolations: count(pack.callsByResidencyResult, ...RESIDENCY_VIOLATION_RESULTS),
    monitorCalls: count(pack.callsByMode, "Monitor"),
    openFindings: open.length,
    openCritical: open.filter((finding) => finding.severity === "Critical").length,
    overdue: open.filter((finding) => finding.dueDate !== null && finding.dueDate < pack.generatedAt.slice(0, 10)).length,
    approvedFlows: approved.length,
    overriddenFlows: approved.filter((flow) => flow.complianceOverride).length,
    reviewsOverdue: approved.filter(
      (flow) => flow.nextReview !== null && flow.nextReview < pack.generatedAt.slice(0, 10)
    ).length,
    flowsToFallingShort: approved.filter((flow) => flow.endpointProblems.length > 0).length
  };
}
function dpiaDescription(pack) {
  const approved = pack.flows.filter((flow) => flow.status === "Approved");
  return {
    id: "35(7)(a)",
    heading: "Art. 35(7)(a) Systematic description of the processing",
    text: [
      `CRM fields reach large language models only through approved data flows: ${approved.length} of ${pack.flows.length} flows are approved, to ${new Set(approved.map((flow) => flow.endpointId)).size} endpoints.`
    ],
    evidence: ["Data-flow register (DataFlow__c) and endpoint register (LlmEndpoint__c) as below."],
    gaps: pack.flows.filter((flow) => flow.status === "Proposed" && flow.requestedById === null).map((flow) => `${flow.name} is proposed and not yet asked for approval.`),
    table: {
      columns: [
        { key: "name", header: "Flow" },
        { key: "field", header: "CRM field" },
        { key: "endpointName", header: "Endpoint" },
        { key: "purpose", header: "Purpose" },
        { key: "minimization", header: "Minimisation" },
        { key: "status", header: "Status" }
      ],
      rows: pack.flows.map((flow) => ({ ...flow, field: `${flow.sourceObject}.${flow.sourceField}` }))
    }
  };
}
function dpiaNecessity(pack, figures) {
  const allowed = pack.tagMinimization.filter((row) => row.minimization === "Allow").reduce((s, r) => s + r.count, 0);
  return {
    id: "35(7)(b)",
    heading: "Art. 35(7)(b) Necessity and proportionality",
    text: [
      `Fields without an approved flow are dropped before a prompt is built; tagged fields are redacted, pseudonymised or dropped by their minimisation (${allowed} tags allow a field as is).`,
      `Consent or another lawful basis covered ${figures.consented} of ${figures.consentKnown} calls (${percent(figures.consented, figures.consentKnown)}) in the last ${pack.windowDays} days.`
    ],
    evidence: ["Field tags by classification and minimisation; calls by consent result."],
    gaps: figures.consented < figures.consentKnown ? [`${figures.consentKnown - figures.consented} calls had no valid consent (blocked in Enforce mode).`] : [],
    table: {
      columns: [
        { key: "classification", header: "Classification" },
        { key: "minimization", header: "Minimisation" },
        { key: "count", header: "Fields" }
      ],
      rows: pack.tagMinimization
    }
  };
}
function dpiaRisks(pack, figures) {
  return {
    id: "35(7)(c)",
    heading: "Art. 35(7)(c) Risks to the rights and freedoms of data subjects",
    text: [
      `${figures.openFindings} findings are open (${figures.openCritical} Critical, ${figures.overdue} past their deadline); ${figures.residencyViolations} calls broke a residency rule in the window.`,
      `${pack.acceptances.length} risks were accepted or closed as false positives by a second person, as listed.`
    ],
    evidence: ["Findings register, residency violations by jurisdiction and endpoint, risk register."],
    gaps: [
      ...figures.openCritical > 0 ? [`${figures.openCritical} Critical findings are open.`] : [],
      ...figures.residencyViolations > 0 ? [`${figures.residencyViolations} calls broke a residency rule.`] : []
    ],
    table: {
      columns: [
        { key: "name", header: "Finding" },
        { key: "severity", header: "Severity" },
        { key: "status", header: "Decision" },
        { key: "justification", header: "Justification" },
        { key: "requestedByName", header: "Asked by" },
        { key: "approvedByName", header: "Approved by" },
        { key: "riskAcceptedUntil", header: "Accepted until" }
      ],
      rows: pack.acceptances
    }
  };
}
function dpiaMeasures(pack, figures) {
  return {
    id: "35(7)(d)",
    heading: "Art. 35(7)(d) Measures to address the risks",
    text: [
      `The gate runs in ${pack.gateMode} mode: it checks consent and residency, drops unmapped fields and redacts PHI with ${pack.phiPatterns} patterns before any call; it blocked ${figures.blocked} and redacted ${figures.redacted} of ${figures.calls} calls.`,
      "Every decision is written to a hash-chained log with signed checkpoints that an auditor verifies offline (warden verify).",
      `Approvals of flows and risk acceptances need a second person; ${figures.overriddenFlows} approved flows carry a recorded override.`
    ],
    evidence: ["Calls by decision and mode; chain head and checkpoints; change history."],
    gaps: [
      ...figures.monitorCalls > 0 ? [`${figures.monitorCalls} calls ran in Monitor mode: violations were logged but let through.`] : [],
      ...figures.reviewsOverdue > 0 ? [`${figures.reviewsOverdue} approved flows are overdue for review.`] : []
    ]
  };
}
export function dpiaDocument(pack) {
  const figures = evidenceFigures(pack);
  return {
    id: "dpia",
    title: "Data protection impact assessment (GDPR Art. 35)",
    stamp: stampOf(pack),
    sections: [
      dpiaDescription(pack),
      dpiaNecessity(pack, figures),
      dpiaRisks(pack, figures),
      dpiaMeasures(pack, figures)
    ]
  };
}
function control(id, heading, evidence, gaps) {
  return { id, heading, text: [], evidence, gaps: gaps.filter((gap) => !!gap) };
}
export function hipaaDocument(pack) {
  const f = evidenceFigures(pack);
  const noDpa = pack.endpoints.filter((e) => e.status === "Approved" && !e.dpaSigned).length;
  return {
    id: "hipaa",
    title: "HIPAA Security Rule safeguards",
    stamp: stampOf(pack),
    sections: [
      control(
        "164.308(a)(1)(ii)(A)-(B)",
        "Administrative: risk analysis and risk management",
        [`Findings register with deadlines by severity: ${f.openFindings} open, ${f.overdue} overdue.`],
        [f.overdue > 0 && `${f.overdue} findings are past their remediation deadline.`]
      ),
      control(
        "164.308(a)(1)(ii)(D)",
        "Administrative: information system activity review",
        [`${f.calls} calls logged in ${pack.windowDays} days; ${pack.history.length} recorded changes.`],
        []
      ),
      control(
        "164.308(b)(1)",
        "Administrative: business associate contracts",
        [`${pack.endpoints.length} endpoints with their DPA state and expiry.`],
        [noDpa > 0 && `${noDpa} approved endpoints have no signed agreement.`]
      ),
      control(
        "164.310",
        "Physical safeguards (inherited from Salesforce and the endpoint providers)",
        [
          `Where data may go: ${pack.endpoints.length} endpoints with hosting and region; residency rules per jurisdiction.`
        ],
        [f.residencyViolations > 0 && `${f.residencyViolations} calls went where a residency rule forbids.`]
      ),
      control(
        "164.312(a)(1)",
        "Technical: access control",
        ["Permission sets; four-eyes approval of flows and risk acceptances (WardenApprover)."],
        [f.overriddenFlows > 0 && `${f.overriddenFlows} flows approved with an override.`]
      ),
      control(
        "164.312(b)",
        "Technical: audit controls",
        [
          `Hash-chained inference log, head #${pack.chainHead?.sequence ?? "—"}; ${pack.checkpoints.length} checkpoints.`
        ],
        [!pack.chainHead && "The log is empty."]
      ),
      control(
        "164.312(c)(1)",
        "Technical: integrity",
        ["Entry hashes and Merkle checkpoints verifiable offline with warden verify."],
        []
      ),
      control(
        "164.312(e)(1)",
        "Technical: transmission security",
        ["Calls only through Named Credentials over https to approved endpoints."],
        [
          f.flowsToFallingShort > 0 && `${f.flowsToFallingShort} approved flows go to endpoints that fall short.`
        ]
      ),
      control(
        "164.316(b)(1)",
        "Policies and documentation",
        [`Justifications of ${pack.acceptances.length} decided closures and the change history are retained.`],
        []
      )
    ]
  };
}
export function nistDocument(pack) {
  const f = evidenceFigures(pack);
  return {
    id: "nist-ai-rmf",
    title: "NIST AI RMF profile",
    stamp: stampOf(pack),
    sections: [
      control(
        "GOVERN 1.4",
        "Govern: risk management is documented and accountable",
        [`Change history (${pack.history.length} changes in the window) with who, when and why.`],
        []
      ),
      control(
        "GOVERN 1.5",
        "Govern: ongoing monitoring and periodic review",
        [`Quarterly flow reviews; ${f.reviewsOverdue} overdue.`],
        [f.reviewsOverdue > 0 && `${f.reviewsOverdue} flow reviews are overdue.`]
      ),
      control(
        "MAP 1.1",
        "Map: context and intended purposes are documented",
        [`${pack.flows.length} data flows, each with a purpose and a minimisation.`],
        []
      ),
      control(
        "MAP 4.1",
        "Map: legal and third-party risks are mapped",
        [`${pack.endpoints.length} endpoints with jurisdiction, hosting, DPA and retention terms.`],
        []
      ),
      control(
        "MEASURE 2.8",
        "Measure: transparency and accountability are measured",
        [`Calls by decision: ${f.blocked} blocked, ${f.redacted} redacted of ${f.calls}.`],
        []
      ),
      control(
        "MEASURE 2.10",
        "Measure: privacy risk is examined",
        [
          `Consent coverage ${percent(f.consented, f.consentKnown)}; ${f.residencyViolations} residency violations.`
        ],
        [f.residencyViolations > 0 && "Residency violations occurred in the window."]
      ),
      control(
        "MANAGE 1.3",
        "Manage: responses to risks are prioritised and documented",
        [`${f.openFindings} open findings with deadlines; ${pack.acceptances.length} decided closures.`],
        [f.openCritical > 0 && `${f.openCritical} Critical findings are open.`]
      ),
      control(
        "MANAGE 4.1",
        "Manage: post-deployment monitoring",
        ["Live gate decisions, scheduled checks and the verified chain."],
        [f.monitorCalls > 0 && `${f.monitorCalls} calls ran in Monitor mode.`]
      )
    ]
  };
}
export function evidenceDocuments(pack) {
  return [dpiaDocument(pack), hipaaDocument(pack), nistDocument(pack)];
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
export function documentHtml(document, format) {
  const stamp = document.stamp;
  const head = stamp.chainHeadSequence === null ? "Produced before the first log entry." : `Produced at chain head #${stamp.chainHeadSequence} (${stamp.chainHeadHash ?? ""}), last checkpoint #${stamp.checkpoint ?? "—"}.`;
  const sections = document.sections.map(
    (section) => [
      `<h3>${escapeHtml(section.id)} · ${escapeHtml(section.heading)}</h3>`,
      ...section.text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      list("Evidence", section.evidence),
      list("Gaps", section.gaps),
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
