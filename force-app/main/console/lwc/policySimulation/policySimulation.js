// Generated from policySimulation.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { CONSENT_COVERED_RESULTS } from "c/consoleContracts";
import { configIssues } from "c/residencyMatrix";
import { redact } from "c/phiRedactor";
function placeholder(category, patterns) {
  const match = patterns.find((pattern) => pattern.category === category && pattern.replacement);
  return match?.replacement ?? `[${(category ?? "PHI").toUpperCase()}]`;
}
export function simulate(context, text, dictionary, today) {
  const reasons = [];
  const patterns = context.patterns;
  if (context.consentStatus === "Granted") {
    reasons.push({ code: "consentGranted", blocking: false, detail: context.purpose });
  } else if (CONSENT_COVERED_RESULTS.includes(context.consentStatus)) {
    reasons.push({ code: "consentNotRequired", blocking: false, detail: context.purpose });
  } else if (context.consentStatus === "Missing") {
    reasons.push({ code: "consentMissing", blocking: true, detail: context.purpose });
  } else {
    reasons.push({ code: "consentRefused", blocking: true, detail: context.consentStatus });
  }
  if (context.endpoint.status !== "Approved") {
    reasons.push({ code: "endpointNotApproved", blocking: true, detail: context.endpoint.status });
  }
  const issues = configIssues(context.rule ?? void 0, context.endpoint, today);
  if (issues.length === 0) {
    reasons.push({
      code: "residencyOk",
      blocking: false,
      detail: `${context.jurisdiction ?? "—"} → ${context.endpoint.jurisdiction ?? "—"}`
    });
  }
  for (const issue of issues) {
    reasons.push({
      code: issue,
      blocking: true,
      detail: `${context.jurisdiction ?? "—"} → ${context.endpoint.jurisdiction ?? "—"} (${context.endpoint.hosting ?? "—"})`
    });
  }
  const recordValues = {};
  const fieldCategories = {};
  const fields = context.fields.map((field) => {
    const name = field.field.includes(".") ? field.field.slice(field.field.indexOf(".") + 1) : field.field;
    if (field.value) {
      recordValues[name] = field.value;
      if (field.phiCategory) {
        fieldCategories[name] = field.phiCategory;
      }
    }
    if (!field.mapped) {
      return { field: field.field, outcome: "notMapped", value: "" };
    }
    switch (field.minimization) {
      case "Drop":
        return { field: field.field, outcome: "dropped", value: "" };
      case "Redact":
        return { field: field.field, outcome: "redacted", value: placeholder(field.phiCategory, patterns) };
      case "Pseudonymize":
        return {
          field: field.field,
          outcome: "pseudonymized",
          value: `[${(field.phiCategory ?? "PHI").toUpperCase()}-token]`
        };
      default:
        return { field: field.field, outcome: "sent", value: field.value ?? "" };
    }
  });
  const dropped = fields.filter((field) => field.outcome === "notMapped" || field.outcome === "dropped").length;
  if (dropped > 0) {
    reasons.push({ code: "fieldDropped", blocking: false, detail: String(dropped) });
  }
  const prompt = redact({ text, fields: recordValues, fieldCategories, mode: "redact" }, { patterns, dictionary });
  reasons.push(
    prompt.count > 0 ? { code: "redacted", blocking: false, detail: prompt.categories.join(", ") } : { code: "nothingToRedact", blocking: false, detail: "" }
  );
  const blocked = reasons.some((reason) => reason.blocking);
  const redacted = prompt.count > 0 || fields.some((field) => field.outcome === "redacted" || field.outcome === "pseudonymized");
  return { decision: blocked ? "Blocked" : redacted ? "Redacted" : "Allowed", reasons, prompt, fields };
}
