// Generated from governance.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { checkTransition, MIN_JUSTIFICATION_LENGTH, MAX_JUSTIFICATION_LENGTH } from "c/findingWorkflow";
export const MAX_ACCEPTANCE_DAYS = 365;
export const MIN_NOTE = 10;
export const REVIEW_DAYS = 90;
const DAY_MS = 864e5;
function addDays(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function hasText(value, min) {
  return (value ?? "").trim().length >= min;
}
export function needsSecondPerson(severity, to) {
  if (to === "RiskAccepted") {
    return true;
  }
  return severity === "Critical" && (to === "Resolved" || to === "FalsePositive");
}
export function acceptanceBounds(today) {
  return { min: addDays(today, 1), max: addDays(today, MAX_ACCEPTANCE_DAYS) };
}
export function expiryRefusal(until, today) {
  if (!until) {
    return "expiryRequired";
  }
  const { min, max } = acceptanceBounds(today);
  return until < min || until > max ? "expiryOutOfRange" : null;
}
export function closureRequestRefusal(request) {
  if (request.requestedStatus) {
    return "alreadyRequested";
  }
  const check = checkTransition(request.status, request.to, request.justification);
  if (!check.allowed) {
    return check.reason;
  }
  if (!hasText(request.justification, MIN_JUSTIFICATION_LENGTH)) {
    return "justificationRequired";
  }
  if ((request.justification ?? "").trim().length > MAX_JUSTIFICATION_LENGTH) {
    return "justificationTooLong";
  }
  return request.to === "RiskAccepted" ? expiryRefusal(request.until, request.today) : null;
}
export function decisionRefusal(decision) {
  if (!decision.requestedBy) {
    return "nothingRequested";
  }
  if (decision.requestedBy === decision.actor) {
    return "sameUser";
  }
  if (!decision.isApprover) {
    return "notApprover";
  }
  return !decision.approve && !hasText(decision.note, MIN_NOTE) ? "noteRequired" : null;
}
export function endpointProblems(endpoint, today, residencyViolations) {
  const problems = [];
  if (endpoint.status === "Suspended") {
    problems.push("suspended");
  } else if (endpoint.status !== "Approved") {
    problems.push("notApproved");
  }
  if (!endpoint.dpaSigned) {
    problems.push("noDpa");
  } else if (endpoint.dpaExpires !== null && endpoint.dpaExpires < today) {
    problems.push("dpaExpired");
  }
  if (!endpoint.zeroRetention) {
    problems.push("noZeroRetention");
  }
  if (residencyViolations > 0) {
    problems.push("residencyViolations");
  }
  return problems;
}
export function flowRequestRefusal(flow, justification) {
  if (flow.status !== "Proposed" && flow.status !== "Suspended") {
    return "notAllowed";
  }
  if (flow.requestedBy) {
    return "alreadyRequested";
  }
  if (!hasText(justification, MIN_JUSTIFICATION_LENGTH)) {
    return "justificationRequired";
  }
  return (justification ?? "").trim().length > MAX_JUSTIFICATION_LENGTH ? "justificationTooLong" : null;
}
export function flowDecisionRefusal(decision) {
  const refusal = decisionRefusal(decision);
  if (refusal !== null || !decision.approve) {
    return refusal;
  }
  if (decision.problems.includes("suspended")) {
    return "endpointSuspended";
  }
  if (decision.problems.length > 0 && !decision.overrideShortfall) {
    return "endpointFallsShort";
  }
  return decision.problems.length > 0 && !hasText(decision.note, MIN_NOTE) ? "noteRequired" : null;
}
export function reviewRefusal(status, note) {
  if (status !== "Approved") {
    return "notAllowed";
  }
  return hasText(note, MIN_NOTE) ? null : "noteRequired";
}
