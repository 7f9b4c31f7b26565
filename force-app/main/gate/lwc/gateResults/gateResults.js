// Generated from gateResults.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const RESIDENCY_ALLOWED = "Allowed";
export const RESIDENCY_BLOCKED = "Blocked";
export const NOT_CHECKED = "NotChecked";
export const CONSENT_RANK = ["Denied", "Withdrawn", "Expired", "Missing", "Granted"];
export const CONSENT_GRANTED = "Granted";
