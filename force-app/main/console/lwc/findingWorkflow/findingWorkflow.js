// Generated from findingWorkflow.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const MIN_JUSTIFICATION_LENGTH = 10;
export const MAX_JUSTIFICATION_LENGTH = 32768;
const TRANSITIONS = {
  New: ["Triaged", "InRemediation", "Resolved", "RiskAccepted", "FalsePositive"],
  Triaged: ["InRemediation", "Resolved", "RiskAccepted", "FalsePositive"],
  InRemediation: ["Resolved", "RiskAccepted", "FalsePositive"],
  Resolved: ["Triaged"],
  RiskAccepted: ["Triaged"],
  FalsePositive: ["Triaged"]
};
export const JUSTIFIED_STATUSES = ["RiskAccepted", "FalsePositive"];
export function isStatus(value) {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, value);
}
export function nextStatuses(from) {
  return isStatus(from) ? [...TRANSITIONS[from]] : [];
}
export function requiresJustification(to) {
  return JUSTIFIED_STATUSES.includes(to);
}
export function checkTransition(from, to, justification) {
  if (!isStatus(from) || !isStatus(to)) {
    return { allowed: false, reason: "unknownStatus" };
  }
  if (from === to) {
    return { allowed: true };
  }
  if (!TRANSITIONS[from].includes(to)) {
    return { allowed: false, reason: "notAllowed" };
  }
  if (requiresJustification(to)) {
    const text = (justification ?? "").trim();
    if (text.length < MIN_JUSTIFICATION_LENGTH) {
      return { allowed: false, reason: "justificationRequired" };
    }
    if (text.length > MAX_JUSTIFICATION_LENGTH) {
      return { allowed: false, reason: "justificationTooLong" };
    }
  }
  return { allowed: true };
}
export function justificationAfter(given, existing) {
  return given === null || given === void 0 || given.trim() === "" ? existing ?? null : given.trim();
}
export function resolvedOnAfter(to) {
  if (to === "Resolved") {
    return "set";
  }
  return to === "Triaged" ? "clear" : "keep";
}
export function commonNextStatuses(fromStatuses) {
  if (fromStatuses.length === 0) {
    return [];
  }
  const order = Object.keys(TRANSITIONS);
  return order.filter((to) => fromStatuses.every((from) => nextStatuses(from).includes(to)));
}
export function planBulkTransition(findings, to, justification) {
  const movable = [];
  const refused = [];
  for (const finding of findings) {
    const check = checkTransition(finding.status, to, justificationAfter(justification, finding.justification));
    if (check.allowed) {
      movable.push(finding);
    } else {
      refused.push({ finding, reason: check.reason });
    }
  }
  return { movable, refused };
}
