// Generated from evidenceTemplates.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const EVIDENCE_TEMPLATE_VERSION = 1;
function control(id, heading, evidence, gaps = []) {
  return { id, heading, text: [], evidence, gaps };
}
const DPIA = {
  id: "dpia",
  title: "Data protection impact assessment (GDPR Art. 35)",
  sections: [
    {
      id: "35(7)(a)",
      heading: "Art. 35(7)(a) Systematic description of the processing",
      text: [
        "CRM fields reach large language models only through approved data flows: {approvedFlows} of {flows} flows are approved, to {approvedEndpoints} endpoints."
      ],
      evidence: ["Data-flow register (DataFlow__c) and endpoint register (LlmEndpoint__c) as below."],
      gaps: [{ each: "unaskedFlows", text: "{item} is proposed and not yet asked for approval." }],
      table: {
        rows: "flows",
        columns: [
          { key: "name", header: "Flow" },
          { key: "field", header: "CRM field", join: ["sourceObject", "sourceField"] },
          { key: "endpointName", header: "Endpoint" },
          { key: "purpose", header: "Purpose" },
          { key: "minimization", header: "Minimisation" },
          { key: "status", header: "Status" }
        ]
      }
    },
    {
      id: "35(7)(b)",
      heading: "Art. 35(7)(b) Necessity and proportionality",
      text: [
        "Fields without an approved flow are dropped before a prompt is built; tagged fields are redacted, pseudonymised or dropped by their minimisation ({allowedTags} tags allow a field as is).",
        "A granted consent covered {consented} of the {consentKnown} calls whose consent the gate checked ({consentShare}) in the last {windowDays} days."
      ],
      evidence: ["Field tags by classification and minimisation; calls by consent result."],
      gaps: [
        { when: "unconsented", text: "{unconsented} calls had no valid consent (blocked in Enforce mode)." }
      ],
      table: {
        rows: "tagMinimization",
        columns: [
          { key: "classification", header: "Classification" },
          { key: "minimization", header: "Minimisation" },
          { key: "count", header: "Fields" }
        ]
      }
    },
    {
      id: "35(7)(c)",
      heading: "Art. 35(7)(c) Risks to the rights and freedoms of data subjects",
      text: [
        "{openFindings} findings are open ({openCritical} Critical, {overdue} past their deadline); {residencyViolations} calls broke a residency rule in the window.",
        "{acceptances} risks were accepted or closed as false positives by a second person, as listed."
      ],
      evidence: ["Findings register, residency violations by jurisdiction and endpoint, risk register."],
      gaps: [
        { when: "openCritical", text: "{openCritical} Critical findings are open." },
        { when: "residencyViolations", text: "{residencyViolations} calls broke a residency rule." }
      ],
      table: {
        rows: "acceptances",
        columns: [
          { key: "name", header: "Finding" },
          { key: "severity", header: "Severity" },
          { key: "status", header: "Decision" },
          { key: "justification", header: "Justification" },
          { key: "requestedByName", header: "Asked by" },
          { key: "approvedByName", header: "Approved by" },
          { key: "riskAcceptedUntil", header: "Accepted until" }
        ]
      }
    },
    {
      id: "35(7)(d)",
      heading: "Art. 35(7)(d) Measures to address the risks",
      text: [
        "The gate runs in {gateMode} mode: it checks consent and residency, drops unmapped fields and redacts PHI with {phiPatterns} patterns before any call; it blocked {blocked} and redacted {redacted} of {calls} calls.",
        "Every decision is written to a hash-chained log with signed checkpoints that an auditor verifies offline (warden verify).",
        "Approvals of flows and risk acceptances need a second person; {overriddenFlows} approved flows carry a recorded override."
      ],
      evidence: ["Calls by decision and mode; chain head and checkpoints; change history."],
      gaps: [
        {
          when: "monitorCalls",
          text: "{monitorCalls} calls ran in Monitor mode: violations were logged but let through."
        },
        { when: "reviewsOverdue", text: "{reviewsOverdue} approved flows are overdue for review." }
      ]
    }
  ]
};
const HIPAA = {
  id: "hipaa",
  title: "HIPAA Security Rule safeguards",
  sections: [
    control(
      "164.308(a)(1)(ii)(A)-(B)",
      "Administrative: risk analysis and risk management",
      ["Findings register with deadlines by severity: {openFindings} open, {overdue} overdue."],
      [{ when: "overdue", text: "{overdue} findings are past their remediation deadline." }]
    ),
    control("164.308(a)(1)(ii)(D)", "Administrative: information system activity review", [
      "{calls} calls logged in {windowDays} days; {history} recorded changes."
    ]),
    control(
      "164.308(b)(1)",
      "Administrative: business associate contracts",
      ["{endpoints} endpoints with their DPA state and expiry."],
      [{ when: "unsignedEndpoints", text: "{unsignedEndpoints} approved endpoints have no signed agreement." }]
    ),
    control(
      "164.310",
      "Physical safeguards (inherited from Salesforce and the endpoint providers)",
      ["Where data may go: {endpoints} endpoints with hosting and region; residency rules per jurisdiction."],
      [{ when: "residencyViolations", text: "{residencyViolations} calls went where a residency rule forbids." }]
    ),
    control(
      "164.312(a)(1)",
      "Technical: access control",
      ["Permission sets; four-eyes approval of flows and risk acceptances (WardenApprover)."],
      [{ when: "overriddenFlows", text: "{overriddenFlows} flows approved with an override." }]
    ),
    control(
      "164.312(b)",
      "Technical: audit controls",
      ["Hash-chained inference log, head #{chainHead}; {checkpoints} checkpoints."],
      [{ when: "logEmpty", text: "The log is empty." }]
    ),
    control("164.312(c)(1)", "Technical: integrity", [
      "Entry hashes and Merkle checkpoints verifiable offline with warden verify."
    ]),
    control(
      "164.312(e)(1)",
      "Technical: transmission security",
      ["Calls only through Named Credentials over https to approved endpoints."],
      [{ when: "flowsFallingShort", text: "{flowsFallingShort} approved flows go to endpoints that fall short." }]
    ),
    control("164.316(b)(1)", "Policies and documentation", [
      "Justifications of {acceptances} decided closures and the change history are retained."
    ])
  ]
};
const NIST = {
  id: "nist-ai-rmf",
  title: "NIST AI RMF profile",
  sections: [
    control("GOVERN 1.4", "Govern: risk management is documented and accountable", [
      "Change history ({history} changes in the window) with who, when and why."
    ]),
    control(
      "GOVERN 1.5",
      "Govern: ongoing monitoring and periodic review",
      ["Quarterly flow reviews; {reviewsOverdue} overdue."],
      [{ when: "reviewsOverdue", text: "{reviewsOverdue} flow reviews are overdue." }]
    ),
    control("MAP 1.1", "Map: context and intended purposes are documented", [
      "{flows} data flows, each with a purpose and a minimisation."
    ]),
    control("MAP 4.1", "Map: legal and third-party risks are mapped", [
      "{endpoints} endpoints with jurisdiction, hosting, DPA and retention terms."
    ]),
    control("MEASURE 2.8", "Measure: transparency and accountability are measured", [
      "Calls by decision: {blocked} blocked, {redacted} redacted of {calls}."
    ]),
    control(
      "MEASURE 2.10",
      "Measure: privacy risk is examined",
      ["Consent coverage {consentShare}; {residencyViolations} residency violations."],
      [{ when: "residencyViolations", text: "Residency violations occurred in the window." }]
    ),
    control(
      "MANAGE 1.3",
      "Manage: responses to risks are prioritised and documented",
      ["{openFindings} open findings with deadlines; {acceptances} decided closures."],
      [{ when: "openCritical", text: "{openCritical} Critical findings are open." }]
    ),
    control(
      "MANAGE 4.1",
      "Manage: post-deployment monitoring",
      ["Live gate decisions, scheduled checks and the verified chain."],
      [{ when: "monitorCalls", text: "{monitorCalls} calls ran in Monitor mode." }]
    )
  ]
};
export const EVIDENCE_TEMPLATES = [DPIA, HIPAA, NIST];
export const DOCUMENT_WORDS = {
  produced: "Produced at chain head #{chainHeadSequence} ({chainHeadHash}), last checkpoint #{checkpoint}.",
  beforeFirstEntry: "Produced before the first log entry.",
  noValue: "—",
  evidence: "Evidence",
  gaps: "Gaps"
};
