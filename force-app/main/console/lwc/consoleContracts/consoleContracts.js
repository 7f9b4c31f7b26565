// Generated from consoleContracts.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  FINDING_CATEGORIES as CATEGORY_VALUES,
  FINDING_SEVERITIES,
  FINDING_STATUSES as STATUS_VALUES
} from "c/findingPicklists";
import { CONSENT_GRANTED, NOT_CHECKED, RESIDENCY_BLOCKED } from "c/gateResults";
export const SEVERITIES = [...FINDING_SEVERITIES];
export const CALL_DECISIONS = ["Allowed", "Redacted", "Blocked"];
export const DECISIONS = [...CALL_DECISIONS, "Erased"];
export const FINDING_STATUSES = [...STATUS_VALUES];
export const OPEN_FINDING_STATUSES = ["New", "Triaged", "InRemediation"];
export const PURPOSES = ["LlmInference", "LlmTraining", "Analytics", "CareDelivery", "Research", "Marketing"];
export const FINDING_CATEGORIES = [...CATEGORY_VALUES];
export const CONSENT_COVERED_RESULTS = [CONSENT_GRANTED];
export const RESIDENCY_VIOLATION_RESULTS = [RESIDENCY_BLOCKED];
export function checkedCounts(rows) {
  return rows.filter((row) => row.key !== "" && row.key !== NOT_CHECKED);
}
export const LOG_PAGE_SIZE = 200;
export const LOG_FIRST_PAGE_SIZE = 50;
export const LOG_PAGE_SIZE_MAX = 500;
export const LOG_WINDOW_MAX = 1e3;
export const FINDINGS_LIMIT = 500;
export const VERIFY_BATCH_MAX = 2e3;
export const CONTROLLERS = {
  WardenPostureController: {
    getPosture: { params: [], cacheable: true }
  },
  WardenAlertController: {
    recentAlerts: { params: [], cacheable: false }
  },
  WardenLogController: {
    getLogPage: { params: ["query"], cacheable: true },
    getLogEntry: { params: ["logId"], cacheable: true },
    getLogFilterOptions: { params: [], cacheable: true },
    getChainNeighbours: { params: ["logId"], cacheable: false }
  },
  WardenConsentController: {
    getConsentOverview: { params: [], cacheable: true }
  },
  WardenResidencyController: {
    getResidencyOverview: { params: [], cacheable: true }
  },
  WardenDataFlowController: {
    getDataFlows: { params: [], cacheable: true },
    getDataFlow: { params: ["flowId"], cacheable: false },
    requestApproval: { params: ["flowId", "justification"], cacheable: false },
    decideApproval: { params: ["flowId", "approve", "note", "overrideShortfall"], cacheable: false },
    reviewFlow: { params: ["flowId", "note"], cacheable: false }
  },
  WardenFindingsController: {
    getFindings: { params: ["query"], cacheable: true },
    getFinding: { params: ["findingId"], cacheable: false },
    getSlaSettings: { params: [], cacheable: true },
    getAssignees: { params: [], cacheable: true },
    updateFindings: {
      params: ["findingIds", "status", "justification", "assigneeId", "riskAcceptedUntil"],
      cacheable: false
    },
    decideFinding: { params: ["findingId", "approve", "note"], cacheable: false },
    extendDueDate: { params: ["findingId", "dueDate", "reason"], cacheable: false },
    saveSlaSettings: { params: ["critical", "high", "medium", "low"], cacheable: false }
  },
  WardenAuditController: {
    verifyChain: { params: ["fromSequence", "batchSize"], cacheable: false },
    exportLog: { params: ["query", "fromSequence", "batchSize"], cacheable: false },
    getEvidencePack: { params: [], cacheable: true },
    getEvidencePdfUrl: { params: [], cacheable: true }
  },
  WardenSimulatorController: {
    getSimulationRecords: { params: [], cacheable: true },
    getSimulationContext: { params: ["recordId", "endpointId", "purpose"], cacheable: true }
  },
  WardenCanaryController: {
    getCanary: { params: [], cacheable: true },
    startOverride: { params: ["subjectId", "reason"], cacheable: false },
    endOverride: { params: ["overrideId"], cacheable: false }
  },
  WardenKeyController: {
    getKeyStatus: { params: [], cacheable: false },
    rotateKeys: { params: ["reason"], cacheable: false }
  },
  WardenErasureController: {
    getErasures: { params: [], cacheable: false },
    requestErasure: { params: ["subjectId", "justification"], cacheable: false },
    decideErasure: { params: ["requestId", "approve", "note"], cacheable: false }
  },
  WardenEncryptionController: {
    getEncryptionPosture: { params: [], cacheable: true }
  }
};
export function methodNames() {
  const names = [];
  for (const controller of Object.keys(CONTROLLERS)) {
    for (const method of Object.keys(CONTROLLERS[controller])) {
      names.push(`${controller}.${method}`);
    }
  }
  return names;
}
export function findMethod(name) {
  const [controller, method] = name.split(".");
  const methods = CONTROLLERS[controller];
  return methods && Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : void 0;
}
