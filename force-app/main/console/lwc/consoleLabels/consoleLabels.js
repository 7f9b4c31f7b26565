// Generated from consoleLabels.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import STATUS_NEW from "@salesforce/label/c.FindingsStatusNew";
import STATUS_TRIAGED from "@salesforce/label/c.FindingsStatusTriaged";
import STATUS_IN_REMEDIATION from "@salesforce/label/c.FindingsStatusInRemediation";
import STATUS_RISK_ACCEPTED from "@salesforce/label/c.FindingsStatusRiskAccepted";
import STATUS_FALSE_POSITIVE from "@salesforce/label/c.FindingsStatusFalsePositive";
import STATUS_RESOLVED from "@salesforce/label/c.FindingsStatusResolved";
import ACTION_CREATED from "@salesforce/label/c.HistoryActionCreated";
import ACTION_STATUS from "@salesforce/label/c.HistoryActionStatusChanged";
import ACTION_REQUESTED from "@salesforce/label/c.HistoryActionRequested";
import ACTION_APPROVED from "@salesforce/label/c.HistoryActionApproved";
import ACTION_REJECTED from "@salesforce/label/c.HistoryActionRejected";
import ACTION_REVIEWED from "@salesforce/label/c.HistoryActionReviewed";
import ACTION_DUE from "@salesforce/label/c.HistoryActionDueDateChanged";
import ACTION_ASSIGNED from "@salesforce/label/c.HistoryActionAssigned";
import ACTION_EXPIRED from "@salesforce/label/c.HistoryActionExpired";
import ACTION_OVERRIDDEN from "@salesforce/label/c.HistoryActionOverridden";
import ACTION_KEY_ROTATED from "@salesforce/label/c.HistoryActionKeyRotated";
import FIELD_STATUS from "@salesforce/label/c.HistoryFieldStatus";
import FIELD_REQUESTED from "@salesforce/label/c.HistoryFieldRequested";
import FIELD_DUE from "@salesforce/label/c.HistoryFieldDueDate";
import FIELD_UNTIL from "@salesforce/label/c.HistoryFieldRiskAcceptedUntil";
import FIELD_ASSIGNEE from "@salesforce/label/c.HistoryFieldAssignee";
import FIELD_SEVERITY from "@salesforce/label/c.HistoryFieldSeverity";
import FIELD_OVERRIDE from "@salesforce/label/c.HistoryFieldOverride";
import FIELD_REVIEWED from "@salesforce/label/c.HistoryFieldReviewed";
import FIELD_NEXT_REVIEW from "@salesforce/label/c.HistoryFieldNextReview";
import FIELD_ENDPOINT from "@salesforce/label/c.HistoryFieldEndpoint";
import FIELD_MINIMIZATION from "@salesforce/label/c.HistoryFieldMinimization";
import MIN_ALLOW from "@salesforce/label/c.ConsoleMinimizationAllow";
import MIN_REDACT from "@salesforce/label/c.ConsoleMinimizationRedact";
import MIN_PSEUDONYMIZE from "@salesforce/label/c.ConsoleMinimizationPseudonymize";
import MIN_DROP from "@salesforce/label/c.ConsoleMinimizationDrop";
import PROBLEM_SUSPENDED from "@salesforce/label/c.EndpointProblemSuspended";
import PROBLEM_NOT_APPROVED from "@salesforce/label/c.EndpointProblemNotApproved";
import PROBLEM_NO_DPA from "@salesforce/label/c.EndpointProblemNoDpa";
import PROBLEM_DPA_EXPIRED from "@salesforce/label/c.EndpointProblemDpaExpired";
import PROBLEM_NO_ZERO_RETENTION from "@salesforce/label/c.EndpointProblemNoZeroRetention";
import PROBLEM_RESIDENCY from "@salesforce/label/c.EndpointProblemResidency";
export const STATUS_LABELS = {
  New: STATUS_NEW,
  Triaged: STATUS_TRIAGED,
  InRemediation: STATUS_IN_REMEDIATION,
  RiskAccepted: STATUS_RISK_ACCEPTED,
  FalsePositive: STATUS_FALSE_POSITIVE,
  Resolved: STATUS_RESOLVED
};
export const ACTION_LABELS = {
  Created: ACTION_CREATED,
  StatusChanged: ACTION_STATUS,
  Requested: ACTION_REQUESTED,
  Approved: ACTION_APPROVED,
  Rejected: ACTION_REJECTED,
  Reviewed: ACTION_REVIEWED,
  DueDateChanged: ACTION_DUE,
  Assigned: ACTION_ASSIGNED,
  Expired: ACTION_EXPIRED,
  Overridden: ACTION_OVERRIDDEN,
  KeyRotated: ACTION_KEY_ROTATED
};
export const FIELD_LABELS = {
  Status__c: FIELD_STATUS,
  RequestedStatus__c: FIELD_REQUESTED,
  RequestedBy__c: FIELD_REQUESTED,
  DueDate__c: FIELD_DUE,
  RiskAcceptedUntil__c: FIELD_UNTIL,
  AssignedTo__c: FIELD_ASSIGNEE,
  Severity__c: FIELD_SEVERITY,
  ComplianceOverride__c: FIELD_OVERRIDE,
  ReviewedOn__c: FIELD_REVIEWED,
  NextReview__c: FIELD_NEXT_REVIEW,
  Endpoint__c: FIELD_ENDPOINT,
  Minimization__c: FIELD_MINIMIZATION
};
export const MINIMIZATION_LABELS = {
  Allow: MIN_ALLOW,
  Redact: MIN_REDACT,
  Pseudonymize: MIN_PSEUDONYMIZE,
  Drop: MIN_DROP
};
export function minimizationLabel(value) {
  if (value === null || value === void 0 || value === "") {
    return MIN_REDACT;
  }
  return MINIMIZATION_LABELS[value] ?? value;
}
export const PROBLEM_LABELS = {
  suspended: PROBLEM_SUSPENDED,
  notApproved: PROBLEM_NOT_APPROVED,
  noDpa: PROBLEM_NO_DPA,
  dpaExpired: PROBLEM_DPA_EXPIRED,
  noZeroRetention: PROBLEM_NO_ZERO_RETENTION,
  residencyViolations: PROBLEM_RESIDENCY
};
export function valueLabel(value, field) {
  if (value === null || value === void 0 || value === "") {
    return "—";
  }
  if (field === "Minimization__c") {
    return MINIMIZATION_LABELS[value] ?? value;
  }
  return STATUS_LABELS[value] ?? value;
}
