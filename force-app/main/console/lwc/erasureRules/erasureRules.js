// Generated from erasureRules.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { MIN_NOTE } from "c/governance";
export const REQUESTED = "Requested";
export const ERASED = "Erased";
export const REJECTED = "Rejected";
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export function requestRefusal(subjectId, justification) {
  const subject = (subjectId ?? "").trim();
  if (subject === "") {
    return "subjectRequired";
  }
  if (!RECORD_ID.test(subject)) {
    return "subjectInvalid";
  }
  return (justification ?? "").trim().length < MIN_NOTE ? "justificationRequired" : null;
}
export function decisionNoteRefusal(approve, note) {
  return !approve && (note ?? "").trim().length < MIN_NOTE ? "noteRequired" : null;
}
export function receiptCounts(reasons) {
  const parts = (reasons ?? "").split(";");
  const consents = parts.find((part) => part.startsWith("CONSENTS_ERASED="));
  const count = consents ? Number(consents.slice("CONSENTS_ERASED=".length)) : NaN;
  return { keyDestroyed: parts[0] === "KEY_DESTROYED", consentsErased: Number.isInteger(count) ? count : null };
}
