// Generated from findingPicklists.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const FINDING_CATEGORIES = [
  "ApexTrigger",
  "ApexClass",
  "Residency",
  "Consent",
  "Endpoint",
  "DataFlow",
  "AuditChain",
  "Metadata"
];
export const FINDING_SEVERITIES = ["Critical", "High", "Medium", "Low", "Info"];
export const FINDING_STATUSES = [
  "New",
  "Triaged",
  "InRemediation",
  "RiskAccepted",
  "FalsePositive",
  "Resolved"
];
