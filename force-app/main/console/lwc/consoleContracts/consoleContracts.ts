/**
 * The one statement of what every console Apex controller method takes and returns.
 *
 * Three readers depend on it: the components (their types), the local preview's fake backend
 * (scripts/preview/backend.ts implements exactly these methods over the demo data set) and a Jest test
 * that parses the Apex controllers and fails when a method or parameter name here differs from the
 * Apex source. So the preview and the org cannot drift apart silently.
 *
 * Dates travel as Apex serialises them: Date as 'YYYY-MM-DD', Datetime as an ISO 8601 string in UTC.
 * The finding vocabulary (statuses, severities, categories) comes from the picklists through c/findingPicklists.
 */
import {
    FINDING_CATEGORIES as CATEGORY_VALUES,
    FINDING_SEVERITIES,
    FINDING_STATUSES as STATUS_VALUES,
    type FindingSeverity,
    type FindingStatus as FindingStatusValue
} from 'c/findingPicklists';
import { CONSENT_GRANTED, NOT_CHECKED, RESIDENCY_BLOCKED } from 'c/gateResults';
import type { GateSnapshot } from 'c/gatePolicy';
import type { ErasureOverview } from 'c/erasureRules';

export type Severity = FindingSeverity;
export type FindingStatus = FindingStatusValue;
/** The decision of an LLM call. */
export type CallDecision = 'Allowed' | 'Redacted' | 'Blocked';
/** Decision__c of a log entry: a call's, or `Erased` on an erasure receipt (EntryKind__c ERASURE), which is no call. */
export type Decision = CallDecision | 'Erased';
export type Hosting = 'SovereignLocal' | 'PrivateCloud' | 'PublicCloud';
export type EndpointStatus = 'Proposed' | 'Approved' | 'Suspended';
export type FlowStatus = 'Proposed' | 'Approved' | 'Suspended' | 'Retired';

export const SEVERITIES: Severity[] = [...FINDING_SEVERITIES];
export const CALL_DECISIONS: CallDecision[] = ['Allowed', 'Redacted', 'Blocked'];
/** Every Decision__c value, in the picklist's order: what the explorer filters by. */
export const DECISIONS: Decision[] = [...CALL_DECISIONS, 'Erased'];
export const FINDING_STATUSES: FindingStatus[] = [...STATUS_VALUES];
export const OPEN_FINDING_STATUSES: FindingStatus[] = ['New', 'Triaged', 'InRemediation'];
export const PURPOSES = ['LlmInference', 'LlmTraining', 'Analytics', 'CareDelivery', 'Research', 'Marketing'];
export const FINDING_CATEGORIES: string[] = [...CATEGORY_VALUES];

/** Values of InferenceLog__c.ConsentResult__c that mean the call was covered by a consent: Granted, the only answer that lets the gate send. */
export const CONSENT_COVERED_RESULTS: string[] = [CONSENT_GRANTED];
/**
 * Values of InferenceLog__c.ResidencyResult__c that mean the call broke a residency rule: the value the gate writes
 * for a residency block, taken from c/gateResults (which c/gatePolicy writes) so the console counts exactly what the gate logs.
 */
export const RESIDENCY_VIOLATION_RESULTS: string[] = [RESIDENCY_BLOCKED];

/**
 * The counts of calls whose check ran: drops calls the gate blocked before its consent and residency checks
 * (NOT_CHECKED) and rows with no value, so shares and violation rates are taken over checked calls only.
 */
export function checkedCounts(rows: CountByKey[]): CountByKey[] {
    return rows.filter((row) => row.key !== '' && row.key !== NOT_CHECKED);
}

/** Page sizes: the explorer asks for pages of this size and keeps at most LOG_WINDOW_MAX rows. */
export const LOG_PAGE_SIZE = 200;
/** The first page is smaller: it only has to fill the screen, and rendering rows is what the user waits for. */
export const LOG_FIRST_PAGE_SIZE = 50;
export const LOG_PAGE_SIZE_MAX = 500;
export const LOG_WINDOW_MAX = 1000;
export const FINDINGS_LIMIT = 500;
export const VERIFY_BATCH_MAX = 2000;

// ---------------------------------------------------------------------------------------------
// Shared row shapes
// ---------------------------------------------------------------------------------------------

export type EndpointRow = {
    id: string;
    name: string;
    endpointKey: string;
    model: string | null;
    region: string | null;
    jurisdiction: string | null;
    hosting: Hosting | null;
    status: EndpointStatus;
    dpaSigned: boolean;
    dpaExpires: string | null;
    zeroRetention: boolean;
    approvedOn: string | null;
};

export type JurisdictionRuleRow = {
    jurisdiction: string;
    allowedRegions: string[];
    allowedHostings: string[];
    requiresDpa: boolean;
    requiresZeroRetention: boolean;
    legalBasis: string | null;
};

/** One entry of the change history of a finding or a data flow, or of a key rotation (RecordChange__c). */
export type ChangeRow = {
    id: string;
    recordId: string | null;
    recordName: string | null;
    /**
     * Created, StatusChanged, Requested, Approved, Rejected, Reviewed, DueDateChanged, Assigned, Expired, Overridden,
     * KeyRotated (no record: the keyring's versions).
     */
    action: string;
    /** The field's local API name, e.g. Status__c. */
    field: string | null;
    fromValue: string | null;
    toValue: string | null;
    reason: string | null;
    changedByName: string | null;
    changedAt: string;
};

export type FindingRow = {
    id: string;
    name: string;
    rule: string;
    severity: Severity;
    category: string;
    componentType: string | null;
    componentName: string | null;
    line: number | null;
    message: string | null;
    status: FindingStatus;
    dueDate: string | null;
    assignedToId: string | null;
    assignedToName: string | null;
    firstSeen: string | null;
    lastSeen: string | null;
    resolvedOn: string | null;
    /** A closing status asked for and waiting for a second person, or null. */
    requestedStatus: FindingStatus | null;
    requestedById: string | null;
    requestedByName: string | null;
    /** The day a risk acceptance ends ('YYYY-MM-DD'). */
    riskAcceptedUntil: string | null;
    /** A person moved the due date; new SLA windows leave it alone. */
    dueDateExtended: boolean;
};

export type FindingDetail = FindingRow & {
    snippet: string | null;
    justification: string | null;
    fingerprint: string;
    /** From the WardenRuleCatalog static resource; null for rules it does not describe. */
    ruleTitle: string | null;
    ruleSummary: string | null;
    ruleDescription: string | null;
    requestedOn: string | null;
    approvedByName: string | null;
    approvedOn: string | null;
    /** Newest first, at most 200. */
    history: ChangeRow[];
};

export type ChainHead = {
    sequence: number;
    entryHash: string;
    loggedAt: string;
};

export type CountByKey = { key: string; count: number };

// ---------------------------------------------------------------------------------------------
// Posture overview
// ---------------------------------------------------------------------------------------------

export type SeverityCount = { severity: Severity; open: number; overdue: number; dueSoon: number };
export type DailyDecisionCount = { day: string; decision: Decision; count: number };

export type PostureSummary = {
    generatedAt: string;
    today: string;
    windowDays: number;
    findingsBySeverity: SeverityCount[];
    /** The open findings with the earliest due dates, overdue first (at most 10). */
    urgentFindings: FindingRow[];
    callsByDay: DailyDecisionCount[];
    consentResults: CountByKey[];
    residencyResults: CountByKey[];
    endpoints: EndpointRow[];
    flowsTotal: number;
    flowsReviewOverdue: number;
    chainHead: ChainHead | null;
};

// ---------------------------------------------------------------------------------------------
// Inference log explorer
// ---------------------------------------------------------------------------------------------

export type LogQuery = {
    fromDate?: string | null;
    toDate?: string | null;
    endpointId?: string | null;
    purpose?: string | null;
    decision?: string | null;
    jurisdiction?: string | null;
    caller?: string | null;
    phiCategory?: string | null;
    /** HMAC subject key of one patient (SubjectKey__c, an indexed external id). */
    subjectKey?: string | null;
    consentResult?: string | null;
    residencyResult?: string | null;
    /** Keyset cursor: only entries with a Sequence__c below this one. Null for the newest page. */
    beforeSequence?: number | null;
    pageSize?: number | null;
};

export type LogRow = {
    /** Null for an entry read from the archive (InferenceLogArchive__b), which has no record. */
    id: string | null;
    name: string;
    sequence: number;
    loggedAt: string;
    endpointId: string | null;
    endpointKey: string | null;
    purpose: string | null;
    decision: Decision;
    mode: string | null;
    jurisdiction: string | null;
    phiCategories: string | null;
    redactionCount: number | null;
    consentResult: string | null;
    residencyResult: string | null;
    caller: string | null;
    recordId: string | null;
    latencyMs: number | null;
    /** Read from the archive: retention moved the entry out of InferenceLog__c (docs/data-model.md, Retention). */
    archived?: boolean;
};

export type LogPage = {
    rows: LogRow[];
    nextCursor: number | null;
    hasMore: boolean;
    /** The lowest and highest sequences this page read from the archive; null (or absent) when it read none. */
    archivedFrom?: number | null;
    archivedTo?: number | null;
};

export type LogDetail = LogRow & {
    reasons: string | null;
    fieldsSent: string | null;
    subjectKey: string | null;
    promptSha256: string | null;
    responseSha256: string | null;
    tokensIn: number | null;
    tokensOut: number | null;
    previousHash: string | null;
    entryHash: string | null;
    endpoint: EndpointRow | null;
};

export type LogFilterOptions = {
    endpoints: EndpointRow[];
    purposes: string[];
    decisions: string[];
    jurisdictions: string[];
    phiCategories: string[];
    consentResults: string[];
    residencyResults: string[];
    /** The lightning/empApi channel of InferenceEvent__e, with the namespace of a packaged org. */
    eventChannel: string;
};

// ---------------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------------

export type ConsentCoverageCell = { purpose: string; jurisdiction: string; status: string; count: number };
export type ConsentRow = {
    id: string;
    name: string;
    patientId: string | null;
    patientName: string | null;
    purpose: string;
    status: string;
    jurisdiction: string | null;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    capturedVia: string | null;
};
/**
 * Patients whose calls no consent covered, one row per pseudonym, jurisdiction and purpose. `recordId` comes only
 * from v1 entries, which hold it; a v2 entry names the patient by a pseudonym under the patient's own key
 * (`perPatientKey`), and an erasure makes it unlinkable (docs/data-model.md, "Erasure").
 */
export type UncoveredSubject = {
    subjectKey: string;
    recordId: string | null;
    perPatientKey: boolean;
    jurisdiction: string | null;
    purpose: string | null;
    calls: number;
};
export type ConsentOverview = {
    today: string;
    windowDays: number;
    coverage: ConsentCoverageCell[];
    expiring: ConsentRow[];
    uncovered: UncoveredSubject[];
    callsByConsentResult: CountByKey[];
};

// ---------------------------------------------------------------------------------------------
// Residency
// ---------------------------------------------------------------------------------------------

export type ResidencyTraffic = {
    dataJurisdiction: string;
    endpointId: string;
    residencyResult: string;
    count: number;
};
export type ResidencyOverview = {
    today: string;
    windowDays: number;
    traffic: ResidencyTraffic[];
    endpoints: EndpointRow[];
    rules: JurisdictionRuleRow[];
};

// ---------------------------------------------------------------------------------------------
// Data flows
// ---------------------------------------------------------------------------------------------

export type DataFlowRow = {
    id: string;
    name: string;
    flowKey: string;
    sourceObject: string;
    sourceField: string;
    endpointId: string;
    endpointName: string | null;
    purpose: string | null;
    minimization: string | null;
    status: FlowStatus;
    approvedOn: string | null;
    nextReview: string | null;
    classification: string | null;
    phiCategory: string | null;
    approvedByName: string | null;
    /** Who asked for approval, while the request waits for a second person. */
    requestedById: string | null;
    requestedByName: string | null;
    requestedOn: string | null;
    /** Approved although the endpoint fell short, with a recorded reason. */
    complianceOverride: boolean;
    reviewedByName: string | null;
    reviewedOn: string | null;
    /** Where the endpoint falls short of an approved flow (c/governance EndpointProblem codes). */
    endpointProblems: string[];
};
export type DataFlowDetail = DataFlowRow & {
    justification: string | null;
    overrideReason: string | null;
    /** Newest first, at most 200. */
    history: ChangeRow[];
};
export type DataFlowOverview = {
    today: string;
    currentUserId: string;
    /** Whether the running user holds WardenApprover (a second pair of eyes). */
    canApprove: boolean;
    flows: DataFlowRow[];
    endpoints: EndpointRow[];
};

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

export type FindingQuery = {
    statuses?: string[] | null;
    severities?: string[] | null;
    categories?: string[] | null;
    assignedToMe?: boolean | null;
    overdueOnly?: boolean | null;
};
export type FindingList = {
    today: string;
    currentUserId: string;
    canApprove: boolean;
    rows: FindingRow[];
    truncated: boolean;
};
/** pending: the move was saved as a request for a second person. */
export type FindingUpdateResult = { id: string; success: boolean; message: string | null; pending: boolean };
export type SlaSettings = { critical: number; high: number; medium: number; low: number };
export type UserOption = { id: string; name: string };

// ---------------------------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------------------------

export type ChainVerification = {
    fromSequence: number;
    toSequence: number | null;
    checked: number;
    ok: boolean;
    brokenAtSequence: number | null;
    reason: string | null;
    lastHash: string | null;
    /** Where the next batch starts; null when the head of the chain was reached. */
    nextSequence: number | null;
};
export type CheckpointRow = {
    sequence: number;
    fromSequence: number | null;
    entryCount: number | null;
    headHash: string | null;
    merkleRoot: string | null;
    createdAt: string | null;
};
/**
 * Log entries in the export format `warden verify` and c/chainVerifier read: keyed by field API name. nextSequence is
 * where the next call starts (greater than this call's fromSequence) or null at the end; a page over the archive may
 * hold no record and still carry a nextSequence, so the caller goes on until it is null.
 */
export type LogExportPage = { records: Record<string, string | number | null>[]; nextSequence: number | null };
/** An entry with the entries before and after it (when they exist), in the export format, in sequence order. */
export type ChainNeighbours = { sequence: number; records: Record<string, string | number | null>[] };
/** A risk acceptance or false positive with who asked, who approved and why (for the evidence pack). */
export type AcceptanceRow = {
    findingId: string;
    name: string;
    rule: string;
    severity: Severity;
    status: FindingStatus;
    justification: string | null;
    requestedByName: string | null;
    approvedByName: string | null;
    approvedOn: string | null;
    riskAcceptedUntil: string | null;
};
/** Residency tags per classification and minimisation (how data is reduced before it reaches an LLM). */
export type TagMinimization = { classification: string; minimization: string; count: number };

/**
 * The facts the evidence documents are built from (c/evidenceDocuments): everything is counted or listed by the org,
 * nothing is written by hand.
 */
export type EvidencePack = {
    generatedAt: string;
    generatedBy: string;
    windowDays: number;
    /** Enforce or Monitor, the org default of the gate's mode. */
    gateMode: string;
    flows: DataFlowDetail[];
    endpoints: EndpointRow[];
    rules: JurisdictionRuleRow[];
    tagMinimization: TagMinimization[];
    /** Enabled PHI redaction patterns. */
    phiPatterns: number;
    consentCoverage: ConsentCoverageCell[];
    callsByConsentResult: CountByKey[];
    callsByResidencyResult: CountByKey[];
    callsByDecision: CountByKey[];
    callsByMode: CountByKey[];
    /** Calls that broke a residency rule in the window, by data jurisdiction and endpoint. */
    residencyViolations: ResidencyTraffic[];
    findings: FindingRow[];
    findingsTruncated: boolean;
    acceptances: AcceptanceRow[];
    /** Changes to findings and flows in the window, newest first (at most 2,000). */
    history: ChangeRow[];
    chainHead: ChainHead | null;
    checkpoints: CheckpointRow[];
};

// ---------------------------------------------------------------------------------------------
// Policy simulator
// ---------------------------------------------------------------------------------------------

export type SimulationRecord = { id: string; label: string; jurisdiction: string | null };
/** One enabled PhiPattern__mdt record, in the shape the shared redactor (c/phiRedactor) takes. */
export type PhiPatternRow = {
    name: string;
    category: string;
    pattern: string;
    replacement: string | null;
    enabled: boolean;
    caseInsensitive: boolean;
    priority: number;
    validator: string | null;
    description: string | null;
};
/**
 * The gate's own snapshot for one record, endpoint and purpose (GateInputs in the org), without key material:
 * the simulator adds the sample text and evaluates it with c/gatePolicy.
 */
export type SimulationContext = {
    recordId: string;
    purpose: string;
    /** GateInputs' snapshot; request.freeText and pseudonymKeyHex are always null. */
    snapshot: GateSnapshot;
    /** Whether the org has a pseudonym key (the key itself never leaves the org). */
    pseudonymKeyConfigured: boolean;
    patterns: PhiPatternRow[];
};

// ---------------------------------------------------------------------------------------------
// Canary rollout (Monitor overrides)
// ---------------------------------------------------------------------------------------------

/** One MonitorOverride__c in force: a user or profile whose gate calls run in Monitor while the org enforces. */
export type CanaryRow = {
    id: string;
    name: string;
    subjectType: 'User' | 'Profile';
    subjectId: string;
    /** The user's or profile's name, or its Id when the viewer cannot see it. */
    subjectName: string;
    /** CreatedDate of the override (ISO 8601). */
    since: string;
    /** Who created it. */
    setBy: string;
    reason: string;
    ageDays: number;
    /** Older than the window: the nightly sweep raises a finding. */
    overdue: boolean;
    /** Calls logged under this override. */
    monitorCalls: number;
    /** Of those, the ones Enforce would have blocked (Blocked with MONITOR_ONLY). */
    wouldHaveBlocked: number;
};
export type CanaryOverview = {
    generatedAt: string;
    /** The org default of the gate's mode. */
    orgMode: 'Enforce' | 'Monitor';
    /** Days an override may stay in force before it becomes a finding. */
    maxDays: number;
    overrides: CanaryRow[];
    /** Monitor log entries read for the counts. */
    scanned: number;
    /** The counts stopped at the scan limit: they are lower bounds. */
    truncated: boolean;
    /** Whether the viewer may put users in Monitor and end overrides (WardenAdmin). */
    canManage: boolean;
};

/** The gate's pseudonymization keys as the console may see them: versions and dates, never keys. */
export type KeyStatus = {
    /** Whether an active key exists (without one the gate blocks with KEY_NOT_CONFIGURED). */
    configured: boolean;
    activeVersion: number | null;
    /** When the active version was created (ISO 8601), or null. */
    activeSince: string | null;
    /** Versions kept, the active one included. */
    versions: number;
    /** Whether the viewer holds WardenManageKeys (WardenAdmin) and so may rotate. */
    canRotate: boolean;
};

// ---------------------------------------------------------------------------------------------
// The method table
// ---------------------------------------------------------------------------------------------

export type MethodContract = {
    /** Parameter names, in the Apex order; LWC passes them as one object keyed by these names. */
    params: string[];
    /** True for reads (@AuraEnabled(cacheable=true)); false for methods that write. */
    cacheable: boolean;
};

/** A PHI-bearing field and its encryption at rest (WardenEncryptionController, PhiEncryptionPosture). */
export type PhiField = {
    objectName: string;
    fieldName: string;
    label: string;
    /** Warden: one of Warden's own fields; Tagged: the org tagged it PHI or HIPAA (Compliance Categorization). */
    source: 'Warden' | 'Tagged';
    /** The Compliance Categorization values of a tagged field, e.g. "GDPR;PHI"; null for Warden's. */
    tags: string | null;
    /** The Schema.DisplayType name, e.g. STRING, DATE, REFERENCE. */
    type: string;
    /** Encrypted with Shield Platform Encryption (DescribeFieldResult.isEncrypted). */
    encrypted: boolean;
    /** Whether Platform Encryption can take the field at all (its type, not a formula). */
    encryptable: boolean;
};

/** The encryption panel of the posture screen. */
export type EncryptionPosture = {
    /** Whether the org has Platform Encryption (Shield): the Manage Encryption Keys permission exists only then. */
    shieldLicensed: boolean;
    /** Whether the user could read the org's tags (FieldDefinition needs View Setup and Configuration). */
    tagsRead: boolean;
    /** The patient-bearing standard objects present in the org whose tags were read. */
    objectsChecked: string[];
    /** Every PHI field found, encrypted or not, Warden's own first. */
    fields: PhiField[];
};

/** One alert in the console's feed: received live (ComplianceAlert__e) or rebuilt from a recent finding. */
export type AlertRow = {
    /** The finding's id, or `live-<replayId>` for an alert received through lightning/empApi. */
    key: string;
    severity: Severity;
    category: string;
    /** One line without patient data. */
    message: string;
    /** The record to open (a finding, an endpoint), or null. */
    recordId: string | null;
    /** When it was raised (ISO date-time, UTC). */
    raisedAt: string;
};

/** WardenAlertController.recentAlerts: what the feed shows before live alerts arrive. */
export type AlertFeed = {
    /** The lightning/empApi channel of ComplianceAlert__e, with the namespace of a packaged org. */
    channel: string;
    windowHours: number;
    /** Newest first, at most 50. */
    alerts: AlertRow[];
};

/** Every console controller and its @AuraEnabled methods. The Apex source must match exactly. */
export const CONTROLLERS: Record<string, Record<string, MethodContract>> = {
    WardenPostureController: {
        getPosture: { params: [], cacheable: true }
    },
    WardenAlertController: {
        recentAlerts: { params: [], cacheable: false }
    },
    WardenLogController: {
        getLogPage: { params: ['query'], cacheable: true },
        getLogEntry: { params: ['logId'], cacheable: true },
        getLogFilterOptions: { params: [], cacheable: true },
        getChainNeighbours: { params: ['logId'], cacheable: false }
    },
    WardenConsentController: {
        getConsentOverview: { params: [], cacheable: true }
    },
    WardenResidencyController: {
        getResidencyOverview: { params: [], cacheable: true }
    },
    WardenDataFlowController: {
        getDataFlows: { params: [], cacheable: true },
        getDataFlow: { params: ['flowId'], cacheable: false },
        requestApproval: { params: ['flowId', 'justification'], cacheable: false },
        decideApproval: { params: ['flowId', 'approve', 'note', 'overrideShortfall'], cacheable: false },
        reviewFlow: { params: ['flowId', 'note'], cacheable: false }
    },
    WardenFindingsController: {
        getFindings: { params: ['query'], cacheable: true },
        getFinding: { params: ['findingId'], cacheable: false },
        getSlaSettings: { params: [], cacheable: true },
        getAssignees: { params: [], cacheable: true },
        updateFindings: {
            params: ['findingIds', 'status', 'justification', 'assigneeId', 'riskAcceptedUntil'],
            cacheable: false
        },
        decideFinding: { params: ['findingId', 'approve', 'note'], cacheable: false },
        extendDueDate: { params: ['findingId', 'dueDate', 'reason'], cacheable: false },
        saveSlaSettings: { params: ['critical', 'high', 'medium', 'low'], cacheable: false }
    },
    WardenAuditController: {
        verifyChain: { params: ['fromSequence', 'batchSize'], cacheable: false },
        exportLog: { params: ['query', 'fromSequence', 'batchSize'], cacheable: false },
        getEvidencePack: { params: [], cacheable: true },
        getEvidencePdfUrl: { params: [], cacheable: true }
    },
    WardenSimulatorController: {
        getSimulationRecords: { params: [], cacheable: true },
        getSimulationContext: { params: ['recordId', 'endpointId', 'purpose'], cacheable: true }
    },
    WardenCanaryController: {
        getCanary: { params: [], cacheable: true },
        startOverride: { params: ['subjectId', 'reason'], cacheable: false },
        endOverride: { params: ['overrideId'], cacheable: false }
    },
    WardenKeyController: {
        getKeyStatus: { params: [], cacheable: false },
        rotateKeys: { params: ['reason'], cacheable: false }
    },
    WardenErasureController: {
        getErasures: { params: [], cacheable: false },
        requestErasure: { params: ['subjectId', 'justification'], cacheable: false },
        decideErasure: { params: ['requestId', 'approve', 'note'], cacheable: false }
    },
    WardenEncryptionController: {
        getEncryptionPosture: { params: [], cacheable: true }
    }
};

/** Request and response type of every method, keyed 'Controller.method'. */
export type ContractTypes = {
    'WardenPostureController.getPosture': { request: Record<string, never>; response: PostureSummary };
    'WardenAlertController.recentAlerts': { request: Record<string, never>; response: AlertFeed };
    'WardenLogController.getLogPage': { request: { query: LogQuery }; response: LogPage };
    'WardenLogController.getLogEntry': { request: { logId: string }; response: LogDetail };
    'WardenLogController.getLogFilterOptions': { request: Record<string, never>; response: LogFilterOptions };
    'WardenLogController.getChainNeighbours': { request: { logId: string }; response: ChainNeighbours };
    'WardenConsentController.getConsentOverview': { request: Record<string, never>; response: ConsentOverview };
    'WardenResidencyController.getResidencyOverview': { request: Record<string, never>; response: ResidencyOverview };
    'WardenDataFlowController.getDataFlows': { request: Record<string, never>; response: DataFlowOverview };
    'WardenDataFlowController.getDataFlow': { request: { flowId: string }; response: DataFlowDetail };
    'WardenDataFlowController.requestApproval': {
        request: { flowId: string; justification: string | null };
        response: DataFlowDetail;
    };
    'WardenDataFlowController.decideApproval': {
        request: { flowId: string; approve: boolean; note: string | null; overrideShortfall: boolean };
        response: DataFlowDetail;
    };
    'WardenDataFlowController.reviewFlow': {
        request: { flowId: string; note: string | null };
        response: DataFlowDetail;
    };
    'WardenFindingsController.getFindings': { request: { query: FindingQuery }; response: FindingList };
    'WardenFindingsController.getFinding': { request: { findingId: string }; response: FindingDetail };
    'WardenFindingsController.getSlaSettings': { request: Record<string, never>; response: SlaSettings };
    'WardenFindingsController.getAssignees': { request: Record<string, never>; response: UserOption[] };
    'WardenFindingsController.updateFindings': {
        request: {
            findingIds: string[];
            status: string | null;
            justification: string | null;
            assigneeId: string | null;
            riskAcceptedUntil: string | null;
        };
        response: FindingUpdateResult[];
    };
    'WardenFindingsController.decideFinding': {
        request: { findingId: string; approve: boolean; note: string | null };
        response: FindingDetail;
    };
    'WardenFindingsController.extendDueDate': {
        request: { findingId: string; dueDate: string; reason: string | null };
        response: FindingDetail;
    };
    'WardenFindingsController.saveSlaSettings': {
        request: { critical: number; high: number; medium: number; low: number };
        response: SlaSettings;
    };
    'WardenAuditController.verifyChain': {
        request: { fromSequence: number | null; batchSize: number | null };
        response: ChainVerification;
    };
    'WardenAuditController.exportLog': {
        request: { query: LogQuery | null; fromSequence: number | null; batchSize: number | null };
        response: LogExportPage;
    };
    'WardenAuditController.getEvidencePack': { request: Record<string, never>; response: EvidencePack };
    /** The WardenEvidencePdf page's URL (namespaced when installed); null where there is no Visualforce (the preview). */
    'WardenAuditController.getEvidencePdfUrl': { request: Record<string, never>; response: string | null };
    'WardenSimulatorController.getSimulationRecords': {
        request: Record<string, never>;
        response: SimulationRecord[];
    };
    'WardenSimulatorController.getSimulationContext': {
        request: { recordId: string; endpointId: string; purpose: string };
        response: SimulationContext;
    };
    'WardenCanaryController.getCanary': { request: Record<string, never>; response: CanaryOverview };
    'WardenCanaryController.startOverride': {
        request: { subjectId: string; reason: string };
        response: CanaryOverview;
    };
    'WardenCanaryController.endOverride': { request: { overrideId: string }; response: CanaryOverview };
    'WardenKeyController.getKeyStatus': { request: Record<string, never>; response: KeyStatus };
    'WardenKeyController.rotateKeys': { request: { reason: string }; response: KeyStatus };
    'WardenErasureController.getErasures': { request: Record<string, never>; response: ErasureOverview };
    'WardenErasureController.requestErasure': {
        request: { subjectId: string; justification: string };
        response: ErasureOverview;
    };
    'WardenErasureController.decideErasure': {
        request: { requestId: string; approve: boolean; note: string | null };
        response: ErasureOverview;
    };
    'WardenEncryptionController.getEncryptionPosture': { request: Record<string, never>; response: EncryptionPosture };
};

export type MethodName = keyof ContractTypes;

/** 'Controller.method' names of every contract, in a stable order. */
export function methodNames(): string[] {
    const names: string[] = [];
    for (const controller of Object.keys(CONTROLLERS)) {
        for (const method of Object.keys(CONTROLLERS[controller])) {
            names.push(`${controller}.${method}`);
        }
    }
    return names;
}

/** The contract of one 'Controller.method', or undefined when no such method exists. */
export function findMethod(name: string): MethodContract | undefined {
    const [controller, method] = name.split('.');
    const methods = CONTROLLERS[controller];
    return methods && Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
}
