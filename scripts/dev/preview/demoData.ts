/**
 * The embedded demo data set of the local preview: a fictional hospital group with patients in five
 * jurisdictions, nine LLM endpoints, consents, data flows, findings and 50,000 hash-chained inference
 * log entries over the last 89 days. Everything is drawn from a seeded generator, so the same seed and
 * `today` always give the same data set.
 *
 * Planted problems for the console to surface:
 * - a week in Monitor mode (days 47 to 41 before today) during which residency and consent violations
 *   were logged but let through, including EU patient data sent to a US public-cloud endpoint;
 * - the DPA of `us-public-gpt` expired 15 days ago while the endpoint stayed Approved, so US calls to it
 *   have been blocked as residency violations since;
 * - a marketing bot calling with purpose Marketing that almost nobody consented to;
 * - data flows whose quarterly review is overdue, and a proposed flow that already carries traffic;
 * - overdue Critical and High findings, among them Apex that sends PHI around the gate.
 * All names, ids and identifiers are made up.
 */
import { createHash, createHmac } from 'node:crypto';
import type {
    ChangeRow,
    CheckpointRow,
    ConsentRow,
    DataFlowRow,
    Decision,
    EndpointRow,
    FindingDetail,
    JurisdictionRuleRow,
    LogDetail,
    PhiPatternRow,
    SlaSettings,
    UserOption
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { chainEntryHash, checkpointRoot, GENESIS_HASH } from './chain';
import { seedGovernance } from './demoGovernance';
import { fakeId, Random } from './random';

export type DemoLogEntry = Omit<LogDetail, 'endpoint'> & { eventUuid: string };
export type DemoPatient = {
    id: string;
    name: string;
    jurisdiction: string;
    subjectKey: string;
    birthdate: string;
    mrn: string;
    phone: string;
    email: string;
    city: string;
};
export type DemoTag = {
    objectApiName: string;
    fieldApiName: string;
    classification: string;
    phiCategory: string | null;
    minimization: string;
};

/** A data flow with the long texts its detail shows. */
export type DemoFlow = DataFlowRow & { justification: string | null; overrideReason: string | null };

export type DemoData = {
    seed: number;
    today: string;
    /** Who the preview acts as unless the page names another user (`?as=`). */
    currentUser: UserOption;
    users: UserOption[];
    /** The users who hold the WardenApprover custom permission (compliance officers). */
    approverIds: string[];
    /** The change history of findings and flows (RecordChange__c), oldest first. */
    changes: ChangeRow[];
    rules: JurisdictionRuleRow[];
    endpoints: EndpointRow[];
    patients: DemoPatient[];
    consents: ConsentRow[];
    tags: DemoTag[];
    flows: DemoFlow[];
    log: DemoLogEntry[];
    findings: FindingDetail[];
    checkpoints: CheckpointRow[];
    patterns: PhiPatternRow[];
    sla: SlaSettings;
    mode: 'Enforce' | 'Monitor';
    /** Simulates one more gate decision at time `at` (ms) and appends it to the chained log. */
    simulateCall: (at: number) => DemoLogEntry;
};

export type DemoOptions = { seed?: number; today?: string; logEntries?: number };

export const DEMO_SEED = 20261122;
export const DEMO_LOG_ENTRIES = 50000;
export const LOG_DAYS = 89;
export const CHECKPOINT_INTERVAL = 5000;
const DEMO_HMAC_KEY = 'warden-demo-subject-key';
const DAY_MS = 86400000;

export function utcToday(): string {
    return new Date().toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const FIRST_NAMES = [
    'Ada',
    'Ben',
    'Chloé',
    'Dario',
    'Elif',
    'Farah',
    'Gustav',
    'Hana',
    'Ilse',
    'Jonas',
    'Kemal',
    'Lena',
    'Mateo',
    'Nora',
    'Oskar',
    'Priya',
    'Quinn',
    'Rosa',
    'Sven',
    'Tariq',
    'Ulla',
    'Vera',
    'Wim',
    'Xenia',
    'Yusuf',
    'Zoé',
    'Amara',
    'Bruno',
    'Carmen',
    'Dmitri'
];
const LAST_NAMES = [
    'Albrecht',
    'Bianchi',
    'Cohen',
    'Dubois',
    'Eriksen',
    'Fischer',
    'García',
    'Hoffmann',
    'Ivanova',
    'Jansen',
    'Kowalski',
    'Lindqvist',
    'Moreau',
    'Nakamura',
    'Okafor',
    'Petrov',
    'Quist',
    'Rossi',
    'Schmidt',
    'Tanaka',
    'Uribe',
    'Vogel',
    'Weber',
    'Xu',
    'Yilmaz',
    'Zimmermann',
    'Andersson',
    'Brennan',
    'Costa',
    'Delgado'
];
const CITIES: Record<string, string[]> = {
    EU: ['Berlin', 'Lyon', 'Milano', 'Rotterdam', 'Wien', 'Porto'],
    UK: ['Leeds', 'Bristol', 'Glasgow'],
    CH: ['Zürich', 'Basel', 'Genève'],
    US: ['Boston', 'Denver', 'Austin', 'Seattle'],
    CA: ['Toronto', 'Calgary', 'Montréal']
};

export const DEMO_RULES: JurisdictionRuleRow[] = [
    {
        jurisdiction: 'CA',
        allowedRegions: ['CA', 'US'],
        allowedHostings: ['SovereignLocal', 'PrivateCloud', 'PublicCloud'],
        requiresDpa: true,
        requiresZeroRetention: false,
        legalBasis: 'PIPEDA; PHIPA (Ontario)'
    },
    {
        jurisdiction: 'CH',
        allowedRegions: ['CH', 'EU'],
        allowedHostings: ['SovereignLocal', 'PrivateCloud'],
        requiresDpa: true,
        requiresZeroRetention: true,
        legalBasis: 'revFADP Art. 16'
    },
    {
        jurisdiction: 'EU',
        allowedRegions: ['EU'],
        allowedHostings: ['SovereignLocal', 'PrivateCloud'],
        requiresDpa: true,
        requiresZeroRetention: true,
        legalBasis: 'GDPR Art. 9, 28, 44'
    },
    {
        jurisdiction: 'UK',
        allowedRegions: ['UK', 'EU'],
        allowedHostings: ['SovereignLocal', 'PrivateCloud'],
        requiresDpa: true,
        requiresZeroRetention: true,
        legalBasis: 'UK GDPR; DPA 2018'
    },
    {
        jurisdiction: 'US',
        allowedRegions: ['US'],
        allowedHostings: ['SovereignLocal', 'PrivateCloud', 'PublicCloud'],
        requiresDpa: true,
        requiresZeroRetention: false,
        legalBasis: 'HIPAA 45 CFR 164.502(e) (BAA)'
    }
];

type EndpointSeed = Omit<EndpointRow, 'id' | 'dpaExpires' | 'approvedOn'> & {
    dpaInDays: number | null;
    approvedDaysAgo: number | null;
};

const ENDPOINT_SEEDS: EndpointSeed[] = [
    {
        name: 'EU Sovereign Llama (Frankfurt)',
        endpointKey: 'eu-sovereign-llama',
        model: 'llama-3.1-70b-instruct',
        region: 'eu-central-1',
        jurisdiction: 'EU',
        hosting: 'SovereignLocal',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 410,
        approvedDaysAgo: 300
    },
    {
        name: 'EU Private Mistral (Paris)',
        endpointKey: 'eu-private-mistral',
        model: 'mistral-large-2',
        region: 'eu-west-3',
        jurisdiction: 'EU',
        hosting: 'PrivateCloud',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 21,
        approvedDaysAgo: 200
    },
    {
        name: 'UK Clinical GPT (London)',
        endpointKey: 'uk-clinical-gpt',
        model: 'gpt-4o-2024-08',
        region: 'uk-south',
        jurisdiction: 'UK',
        hosting: 'PrivateCloud',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 190,
        approvedDaysAgo: 150
    },
    {
        name: 'Swiss Sovereign Qwen (Zürich)',
        endpointKey: 'ch-sovereign-qwen',
        model: 'qwen2.5-72b',
        region: 'ch-zurich',
        jurisdiction: 'CH',
        hosting: 'SovereignLocal',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 600,
        approvedDaysAgo: 120
    },
    {
        name: 'US HIPAA Claude (Virginia)',
        endpointKey: 'us-hipaa-claude',
        model: 'claude-3.5-sonnet',
        region: 'us-east-1',
        jurisdiction: 'US',
        hosting: 'PublicCloud',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 250,
        approvedDaysAgo: 260
    },
    {
        name: 'US Public GPT (Oregon)',
        endpointKey: 'us-public-gpt',
        model: 'gpt-4o-mini',
        region: 'us-west-2',
        jurisdiction: 'US',
        hosting: 'PublicCloud',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: false,
        dpaInDays: -15,
        approvedDaysAgo: 380
    },
    {
        name: 'Canada Health LLM (Montréal)',
        endpointKey: 'ca-health-llm',
        model: 'command-r-plus',
        region: 'ca-central-1',
        jurisdiction: 'CA',
        hosting: 'PrivateCloud',
        status: 'Approved',
        dpaSigned: true,
        zeroRetention: true,
        dpaInDays: 330,
        approvedDaysAgo: 90
    },
    {
        name: 'Research Sandbox (Ohio)',
        endpointKey: 'research-sandbox',
        model: 'llama-3.1-405b',
        region: 'us-east-2',
        jurisdiction: 'US',
        hosting: 'PublicCloud',
        status: 'Proposed',
        dpaSigned: false,
        zeroRetention: false,
        dpaInDays: null,
        approvedDaysAgo: null
    },
    {
        name: 'Legacy Summarizer (Stockholm)',
        endpointKey: 'legacy-summarizer',
        model: 'gpt-3.5-turbo',
        region: 'eu-north-1',
        jurisdiction: 'EU',
        hosting: 'PublicCloud',
        status: 'Suspended',
        dpaSigned: true,
        zeroRetention: false,
        dpaInDays: 40,
        approvedDaysAgo: 700
    }
];

/** Which endpoint each data jurisdiction normally uses, per caller kind. */
const HOME_ENDPOINT: Record<string, string[]> = {
    EU: ['eu-sovereign-llama', 'eu-sovereign-llama', 'eu-private-mistral'],
    UK: ['uk-clinical-gpt'],
    CH: ['ch-sovereign-qwen', 'ch-sovereign-qwen', 'eu-sovereign-llama'],
    US: ['us-hipaa-claude', 'us-hipaa-claude', 'us-public-gpt'],
    CA: ['ca-health-llm', 'ca-health-llm', 'us-hipaa-claude']
};

type CallerSeed = { caller: string; purpose: string; weight: number; fields: string[] };

const CALLERS: CallerSeed[] = [
    {
        caller: 'ClinicalNoteSummarizer',
        purpose: 'CareDelivery',
        weight: 34,
        fields: ['Contact.FirstName', 'Contact.Birthdate', 'Case.Description', 'Task.Description']
    },
    {
        caller: 'PortalChatAssistant',
        purpose: 'LlmInference',
        weight: 28,
        fields: ['LiveChatTranscript.Body', 'Contact.FirstName']
    },
    {
        caller: 'CaseTriageFlow',
        purpose: 'LlmInference',
        weight: 18,
        fields: ['Case.Subject', 'Case.Description', 'Contact.MailingCity']
    },
    {
        caller: 'DischargeLetterDraft',
        purpose: 'CareDelivery',
        weight: 10,
        fields: ['Contact.FirstName', 'Contact.LastName', 'Contact.Birthdate', 'ServiceAppointment.Description']
    },
    {
        caller: 'ResearchCohortBuilder',
        purpose: 'Research',
        weight: 6,
        fields: ['Contact.Birthdate', 'Case.Description']
    },
    { caller: 'MarketingCopyBot', purpose: 'Marketing', weight: 4, fields: ['Contact.FirstName', 'Contact.Email'] }
];

export const DEMO_TAGS: DemoTag[] = [
    {
        objectApiName: 'Contact',
        fieldApiName: 'FirstName',
        classification: 'PHI',
        phiCategory: 'Name',
        minimization: 'Pseudonymize'
    },
    {
        objectApiName: 'Contact',
        fieldApiName: 'LastName',
        classification: 'PHI',
        phiCategory: 'Name',
        minimization: 'Pseudonymize'
    },
    {
        objectApiName: 'Contact',
        fieldApiName: 'Birthdate',
        classification: 'PHI',
        phiCategory: 'Date',
        minimization: 'Redact'
    },
    {
        objectApiName: 'Contact',
        fieldApiName: 'MailingCity',
        classification: 'PII',
        phiCategory: 'Address',
        minimization: 'Allow'
    },
    {
        objectApiName: 'Contact',
        fieldApiName: 'Email',
        classification: 'PII',
        phiCategory: 'Email',
        minimization: 'Drop'
    },
    {
        objectApiName: 'Contact',
        fieldApiName: 'Phone',
        classification: 'PII',
        phiCategory: 'Phone',
        minimization: 'Drop'
    },
    {
        objectApiName: 'Case',
        fieldApiName: 'Subject',
        classification: 'Sensitive',
        phiCategory: null,
        minimization: 'Allow'
    },
    {
        objectApiName: 'Case',
        fieldApiName: 'Description',
        classification: 'PHI',
        phiCategory: 'Mrn',
        minimization: 'Redact'
    },
    {
        objectApiName: 'Task',
        fieldApiName: 'Description',
        classification: 'PHI',
        phiCategory: 'Name',
        minimization: 'Redact'
    },
    {
        objectApiName: 'LiveChatTranscript',
        fieldApiName: 'Body',
        classification: 'PHI',
        phiCategory: 'Phone',
        minimization: 'Redact'
    },
    {
        objectApiName: 'ServiceAppointment',
        fieldApiName: 'Description',
        classification: 'PHI',
        phiCategory: 'Date',
        minimization: 'Redact'
    }
];

/** The redaction patterns shipped as PhiPattern__mdt records (enabled ones), as the simulator gets them. */
export const DEMO_PATTERNS: PhiPatternRow[] = SHIPPED_PATTERNS.filter((pattern) => pattern.enabled).map((pattern) => ({
    ...pattern
}));

type FindingSeed = {
    rule: string;
    severity: FindingDetail['severity'];
    category: string;
    componentType: string;
    componentName: string;
    line: number | null;
    message: string;
    snippet: string | null;
    firstSeenDaysAgo: number;
    status: FindingDetail['status'];
    justification?: string;
};

const APEX_TRIGGER_SNIPPET = [
    'trigger PatientNoteTrigger on Task (after insert) {',
    '    for (Task t : Trigger.new) {',
    '        Contact c = [SELECT FirstName, Birthdate FROM Contact WHERE Id = :t.WhoId];',
    '        HttpRequest req = new HttpRequest();',
    "        req.setEndpoint('https://api.example-llm.com/v1/chat');",
    "        req.setBody('Summarise for ' + c.FirstName + ': ' + t.Description);",
    '        new Http().send(req);',
    '    }',
    '}'
].join('\n');

const SOQL_INJECTION_SNIPPET = [
    'public with sharing class CohortSearch {',
    '    public static List<Contact> find(String city) {',
    "        String soql = 'SELECT Id, Name FROM Contact WHERE MailingCity = \\'' + city + '\\'';",
    '        return Database.query(soql);',
    '    }',
    '}'
].join('\n');

const DEBUG_PHI_SNIPPET = [
    'public with sharing class DischargeLetterService {',
    '    public String draft(Contact patient) {',
    "        System.debug('Drafting letter for ' + patient.LastName + ' born ' + patient.Birthdate);",
    '        return InferenceGuard.send(buildRequest(patient)).body;',
    '    }',
    '}'
].join('\n');

const WITHOUT_SHARING_SNIPPET = [
    'public without sharing class PortalChatController {',
    '    @AuraEnabled',
    '    public static String ask(String transcriptId) {',
    '        LiveChatTranscript t = [SELECT Body FROM LiveChatTranscript WHERE Id = :transcriptId];',
    '        return InferenceGuard.send(new InferenceRequest(t.Body)).body;',
    '    }',
    '}'
].join('\n');

const DML_LOOP_SNIPPET = [
    'public with sharing class ConsentImport {',
    '    public static void run(List<ConsentRow> rows) {',
    '        for (ConsentRow row : rows) {',
    '            insert as user new PatientConsent__c(Purpose__c = row.purpose);',
    '        }',
    '    }',
    '}'
].join('\n');

const FINDING_SEEDS: FindingSeed[] = [
    {
        rule: 'llm-gate-bypass',
        severity: 'Critical',
        category: 'ApexTrigger',
        componentType: 'ApexTrigger',
        componentName: 'PatientNoteTrigger',
        line: 6,
        message: 'PHI fields Contact.FirstName and Task.Description reach an HttpRequest body without InferenceGuard.',
        snippet: APEX_TRIGGER_SNIPPET,
        firstSeenDaysAgo: 44,
        status: 'Triaged'
    },
    {
        rule: 'trigger-logic',
        severity: 'Medium',
        category: 'ApexTrigger',
        componentType: 'ApexTrigger',
        componentName: 'PatientNoteTrigger',
        line: 2,
        message: 'Trigger body holds logic; hand off to a handler class.',
        snippet: APEX_TRIGGER_SNIPPET,
        firstSeenDaysAgo: 44,
        status: 'New'
    },
    {
        rule: 'soql-in-loop',
        severity: 'High',
        category: 'ApexTrigger',
        componentType: 'ApexTrigger',
        componentName: 'PatientNoteTrigger',
        line: 3,
        message: 'SOQL query inside a loop over Trigger.new.',
        snippet: APEX_TRIGGER_SNIPPET,
        firstSeenDaysAgo: 70,
        status: 'InRemediation'
    },
    {
        rule: 'hardcoded-endpoint',
        severity: 'High',
        category: 'ApexTrigger',
        componentType: 'ApexTrigger',
        componentName: 'PatientNoteTrigger',
        line: 5,
        message: 'Hard-coded LLM endpoint URL instead of a Named Credential.',
        snippet: APEX_TRIGGER_SNIPPET,
        firstSeenDaysAgo: 44,
        status: 'New'
    },
    {
        rule: 'soql-injection',
        severity: 'Critical',
        category: 'ApexClass',
        componentType: 'ApexClass',
        componentName: 'CohortSearch',
        line: 3,
        message: 'Parameter city is concatenated into a dynamic SOQL query.',
        snippet: SOQL_INJECTION_SNIPPET,
        firstSeenDaysAgo: 12,
        status: 'New'
    },
    {
        rule: 'phi-debug-log',
        severity: 'High',
        category: 'ApexClass',
        componentType: 'ApexClass',
        componentName: 'DischargeLetterService',
        line: 3,
        message: 'PHI fields Contact.LastName and Contact.Birthdate are written to the debug log.',
        snippet: DEBUG_PHI_SNIPPET,
        firstSeenDaysAgo: 75,
        status: 'New'
    },
    {
        rule: 'sharing-without',
        severity: 'High',
        category: 'ApexClass',
        componentType: 'ApexClass',
        componentName: 'PortalChatController',
        line: 1,
        message: 'Class runs without sharing and is exposed to Lightning (@AuraEnabled).',
        snippet: WITHOUT_SHARING_SNIPPET,
        firstSeenDaysAgo: 30,
        status: 'Triaged'
    },
    {
        rule: 'crud-fls-bypass',
        severity: 'Medium',
        category: 'ApexClass',
        componentType: 'ApexClass',
        componentName: 'PortalChatController',
        line: 4,
        message: 'Query runs in system mode without WITH USER_MODE.',
        snippet: WITHOUT_SHARING_SNIPPET,
        firstSeenDaysAgo: 30,
        status: 'New'
    },
    {
        rule: 'dml-in-loop',
        severity: 'Low',
        category: 'ApexClass',
        componentType: 'ApexClass',
        componentName: 'ConsentImport',
        line: 4,
        message: 'DML statement inside a loop.',
        snippet: DML_LOOP_SNIPPET,
        firstSeenDaysAgo: 120,
        status: 'Resolved'
    },
    {
        rule: 'residency-violation',
        severity: 'Critical',
        category: 'Residency',
        componentType: 'LlmEndpoint',
        componentName: 'us-public-gpt',
        line: null,
        message: 'EU patient data was sent to a US public-cloud endpoint while the gate ran in Monitor mode.',
        snippet: null,
        firstSeenDaysAgo: 41,
        status: 'InRemediation'
    },
    {
        rule: 'dpa-expired',
        severity: 'High',
        category: 'Endpoint',
        componentType: 'LlmEndpoint',
        componentName: 'us-public-gpt',
        line: null,
        message: 'The DPA (BAA) of an Approved endpoint expired 15 days ago.',
        snippet: null,
        firstSeenDaysAgo: 15,
        status: 'New'
    },
    {
        rule: 'dpa-expiring',
        severity: 'Medium',
        category: 'Endpoint',
        componentType: 'LlmEndpoint',
        componentName: 'eu-private-mistral',
        line: null,
        message: 'The DPA expires within 30 days.',
        snippet: null,
        firstSeenDaysAgo: 3,
        status: 'New'
    },
    {
        rule: 'retention-not-zero',
        severity: 'High',
        category: 'Endpoint',
        componentType: 'LlmEndpoint',
        componentName: 'us-public-gpt',
        line: null,
        message: 'Endpoint keeps prompts (no zero-retention agreement).',
        snippet: null,
        firstSeenDaysAgo: 200,
        status: 'RiskAccepted',
        justification: 'US data only; BAA covers retention for 30 days; reviewed by the privacy office.'
    },
    {
        rule: 'consent-missing',
        severity: 'High',
        category: 'Consent',
        componentType: 'Caller',
        componentName: 'MarketingCopyBot',
        line: null,
        message: 'Calls with purpose Marketing for patients without a Marketing consent.',
        snippet: null,
        firstSeenDaysAgo: 85,
        status: 'New'
    },
    {
        rule: 'monitor-mode',
        severity: 'Critical',
        category: 'Metadata',
        componentType: 'WardenSettings',
        componentName: 'WardenSettings__c',
        line: null,
        message: 'The gate ran in Monitor mode for 7 days: violations were logged but not blocked.',
        snippet: null,
        firstSeenDaysAgo: 47,
        status: 'Resolved'
    },
    {
        rule: 'flow-review-overdue',
        severity: 'Medium',
        category: 'DataFlow',
        componentType: 'DataFlow',
        componentName: 'Case.Description → us-public-gpt',
        line: null,
        message: 'Quarterly review of the data flow is overdue.',
        snippet: null,
        firstSeenDaysAgo: 20,
        status: 'New'
    },
    {
        rule: 'flow-unapproved-traffic',
        severity: 'High',
        category: 'DataFlow',
        componentType: 'DataFlow',
        componentName: 'LiveChatTranscript.Body → research-sandbox',
        line: null,
        message: 'A Proposed data flow already carries traffic.',
        snippet: null,
        firstSeenDaysAgo: 9,
        status: 'New'
    },
    {
        rule: 'endpoint-unapproved',
        severity: 'Info',
        category: 'Endpoint',
        componentType: 'LlmEndpoint',
        componentName: 'research-sandbox',
        line: null,
        message: 'Endpoint is still Proposed.',
        snippet: null,
        firstSeenDaysAgo: 9,
        status: 'FalsePositive',
        justification: 'Sandbox endpoint used only by the research team with synthetic data.'
    }
];

const EXTRA_SNIPPETS: Record<string, string> = {
    'crud-fls-bypass': 'List<Contact> rows = [SELECT Id, Birthdate FROM Contact WHERE AccountId = :accountId];',
    'dml-in-loop': 'for (Task t : tasks) { update t; }',
    'soql-in-loop': 'for (Id id : ids) { Contact c = [SELECT Name FROM Contact WHERE Id = :id]; }',
    'sharing-without': 'public without sharing class Service {',
    'phi-debug-log': "System.debug('Patient ' + patient.LastName + ' MRN ' + patient.Mrn__c);",
    'sharing-missing': 'public class Service {'
};

const EXTRA_CLASSES = [
    'ReferralService',
    'LabResultNotifier',
    'AppointmentReminder',
    'CarePlanSync',
    'BillingExport',
    'PortalSearch',
    'SurveyMailer',
    'ImagingBridge',
    'PharmacyFeed',
    'TelehealthSession',
    'InsuranceCheck',
    'WaitlistManager'
];
const EXTRA_RULES: [string, FindingDetail['severity'], string][] = [
    ['crud-fls-bypass', 'Medium', 'Query runs in system mode without WITH USER_MODE.'],
    ['dml-in-loop', 'Low', 'DML statement inside a loop.'],
    ['soql-in-loop', 'Medium', 'SOQL query inside a loop.'],
    ['sharing-without', 'High', 'Class declares without sharing.'],
    ['phi-debug-log', 'High', 'A PHI field is written to the debug log.'],
    ['sharing-missing', 'Low', 'Class declares no sharing keyword.']
];

function sha256Hex(text: string): string {
    return createHash('sha256').update(text, 'utf8').digest('hex');
}

function uuidFrom(random: Random): string {
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[random.int(0, 15)]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
    const sum = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((weight) => (weight / sum) * total);
    const parts = exact.map(Math.floor);
    let left = total - parts.reduce((a, b) => a + b, 0);
    const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
    for (let i = 0; left > 0; i++, left--) {
        parts[order[i % order.length][1]]++;
    }
    return parts;
}

export function generateDemoData(options: DemoOptions = {}): DemoData {
    const seed = options.seed ?? DEMO_SEED;
    const today = options.today ?? utcToday();
    const total = options.logEntries ?? DEMO_LOG_ENTRIES;
    const random = new Random(seed);
    const todayMs = Date.parse(`${today}T00:00:00Z`);

    const users: UserOption[] = [
        { id: fakeId('005', 1), name: 'Mara Lindqvist (Compliance)' },
        { id: fakeId('005', 2), name: 'Tom Okafor (Salesforce Admin)' },
        { id: fakeId('005', 3), name: 'Inés Delgado (Privacy Office)' },
        { id: fakeId('005', 4), name: 'Jakob Weber (Developer)' }
    ];

    const endpoints: EndpointRow[] = ENDPOINT_SEEDS.map((seedRow, index) => {
        const { dpaInDays, approvedDaysAgo, ...rest } = seedRow;
        return {
            ...rest,
            id: fakeId('a01', index + 1),
            dpaExpires: dpaInDays === null ? null : addDays(today, dpaInDays),
            approvedOn:
                approvedDaysAgo === null
                    ? null
                    : new Date(todayMs - approvedDaysAgo * DAY_MS + 10 * 3600000).toISOString()
        };
    });
    const endpointByKey = new Map(endpoints.map((endpoint) => [endpoint.endpointKey, endpoint]));
    const ruleByJurisdiction = new Map(DEMO_RULES.map((rule) => [rule.jurisdiction, rule]));

    // Patients and their consents.
    const patients: DemoPatient[] = [];
    const consents: ConsentRow[] = [];
    const consentIndex = new Map<string, ConsentRow>();
    const jurisdictionWeights: [string, number][] = [
        ['EU', 40],
        ['US', 30],
        ['UK', 12],
        ['CA', 10],
        ['CH', 8]
    ];
    const purposeChance: Record<string, number> = {
        LlmInference: 0.93,
        CareDelivery: 0.96,
        Research: 0.45,
        Analytics: 0.25,
        Marketing: 0.04,
        LlmTraining: 0.05
    };
    for (let index = 1; index <= 4000; index++) {
        const jurisdiction = random.weighted(jurisdictionWeights);
        const id = fakeId('003', index);
        const patient: DemoPatient = {
            id,
            name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
            jurisdiction,
            subjectKey: createHmac('sha256', DEMO_HMAC_KEY).update(id).digest('hex'),
            birthdate: `${random.int(1938, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
            mrn: String(random.int(10000000, 99999999)),
            phone: `+${random.pick(['49', '33', '44', '41', '1'])} ${random.int(100, 999)} ${random.int(1000000, 9999999)}`,
            email: `patient${index}@example.org`,
            city: random.pick(CITIES[jurisdiction])
        };
        patients.push(patient);
        for (const [purpose, chance] of Object.entries(purposeChance)) {
            if (!random.chance(chance)) {
                continue;
            }
            const status = random.weighted([
                ['Granted', 90],
                ['Denied', 5],
                ['Withdrawn', 5]
            ] as const);
            const fromDaysAgo = random.int(100, 900);
            const expiring = status === 'Granted' && random.chance(0.04);
            const consent: ConsentRow = {
                id: fakeId('a02', consents.length + 1),
                name: `PC-${String(consents.length + 1).padStart(6, '0')}`,
                patientId: id,
                patientName: patient.name,
                purpose,
                status,
                jurisdiction,
                effectiveFrom: new Date(todayMs - fromDaysAgo * DAY_MS).toISOString(),
                effectiveTo: expiring
                    ? new Date(todayMs + random.int(1, 30) * DAY_MS).toISOString()
                    : status === 'Withdrawn'
                      ? new Date(todayMs - random.int(95, 99) * DAY_MS).toISOString()
                      : null,
                capturedVia: random.pick(['Portal', 'PaperForm', 'Verbal', 'Email', 'Api', 'Import'])
            };
            consents.push(consent);
            consentIndex.set(`${id}|${purpose}`, consent);
        }
    }

    // Data flows: one per caller field and endpoint actually used, plus planted ones.
    const flows: DemoFlow[] = [];
    const flowIndex = new Map<string, DemoFlow>();
    const tagByField = new Map(DEMO_TAGS.map((tag) => [`${tag.objectApiName}.${tag.fieldApiName}`, tag]));
    const addFlow = (
        field: string,
        endpointKey: string,
        purpose: string,
        status: DataFlowRow['status'],
        nextReviewInDays: number | null
    ): void => {
        const key = `${field}|${endpointKey}|${purpose}`;
        if (flowIndex.has(key)) {
            return;
        }
        const endpoint = endpointByKey.get(endpointKey) as EndpointRow;
        const [sourceObject, sourceField] = field.split('.');
        const tag = tagByField.get(field);
        const flow: DemoFlow = {
            id: fakeId('a03', flows.length + 1),
            name: `DF-${String(flows.length + 1).padStart(5, '0')}`,
            flowKey: key,
            sourceObject,
            sourceField,
            endpointId: endpoint.id,
            endpointName: endpoint.name,
            purpose,
            minimization: tag?.minimization ?? 'Allow',
            status,
            approvedOn: status === 'Approved' ? new Date(todayMs - random.int(20, 200) * DAY_MS).toISOString() : null,
            nextReview: nextReviewInDays === null ? null : addDays(today, nextReviewInDays),
            classification: tag?.classification ?? null,
            phiCategory: tag?.phiCategory ?? null,
            approvedByName: null,
            requestedById: null,
            requestedByName: null,
            requestedOn: null,
            complianceOverride: false,
            reviewedByName: null,
            reviewedOn: null,
            endpointProblems: [],
            justification: null,
            overrideReason: null
        };
        flows.push(flow);
        flowIndex.set(key, flow);
    };
    for (const caller of CALLERS) {
        if (caller.purpose === 'Marketing') {
            continue;
        }
        for (const jurisdiction of Object.keys(HOME_ENDPOINT)) {
            for (const endpointKey of new Set(HOME_ENDPOINT[jurisdiction])) {
                for (const field of caller.fields) {
                    addFlow(field, endpointKey, caller.purpose, 'Approved', random.int(5, 88));
                }
            }
        }
    }
    // Planted: overdue quarterly reviews, a proposed flow with traffic, a suspended flow.
    const overdue = flows
        .filter((flow) => flow.endpointName?.startsWith('US Public') || flow.sourceObject === 'Task')
        .slice(0, 6);
    overdue.forEach((flow, index) => (flow.nextReview = addDays(today, -(index * 9 + 4))));
    addFlow('LiveChatTranscript.Body', 'research-sandbox', 'Research', 'Proposed', null);
    addFlow('Contact.Email', 'legacy-summarizer', 'LlmInference', 'Suspended', null);

    // The inference log.
    const monitorFrom = todayMs - 47 * DAY_MS;
    const monitorTo = todayMs - 40 * DAY_MS;
    const dpaExpiredAt = todayMs - 14 * DAY_MS;
    const firstDayMs = todayMs - LOG_DAYS * DAY_MS;
    const dayWeights = Array.from({ length: LOG_DAYS }, (_, index) => {
        const weekday = new Date(firstDayMs + index * DAY_MS).getUTCDay();
        const weekend = weekday === 0 || weekday === 6;
        return (weekend ? 0.35 : 1) * (0.8 + (0.4 * index) / LOG_DAYS) * (0.9 + random.next() * 0.2);
    });
    const perDay = apportion(total, dayWeights);
    const hourWeights: [number, number][] = Array.from({ length: 24 }, (_, hour) => [
        hour,
        hour >= 7 && hour <= 18 ? 10 : hour >= 5 && hour <= 21 ? 3 : 0.6
    ]);
    const log: DemoLogEntry[] = [];
    let previousHash = GENESIS_HASH;
    const checkpoints: CheckpointRow[] = [];
    /** One gate decision at time `at`, appended to the chain. Also used for the live stream. */
    const simulateCall = (at: number): DemoLogEntry => {
        const patient = random.pick(patients);
        const caller = random.weighted(CALLERS.map((entry) => [entry, entry.weight] as const));
        const inMonitor = at >= monitorFrom && at < monitorTo;
        let endpointKey = random.pick(HOME_ENDPOINT[patient.jurisdiction]);
        if (caller.purpose === 'Research') {
            endpointKey = random.chance(0.15) ? 'research-sandbox' : endpointKey;
        }
        if (random.chance(inMonitor ? 0.12 : 0.012)) {
            endpointKey = random.pick(['us-public-gpt', 'research-sandbox', 'legacy-summarizer']);
        }
        const endpoint = endpointByKey.get(endpointKey) as EndpointRow;
        const rule = ruleByJurisdiction.get(patient.jurisdiction) as JurisdictionRuleRow;
        const fields = random.sample(caller.fields, random.int(1, caller.fields.length));
        const reasons: string[] = [];

        // Consent.
        const consent = consentIndex.get(`${patient.id}|${caller.purpose}`);
        let consentResult: string;
        if (caller.purpose === 'CareDelivery' && patient.jurisdiction === 'US') {
            consentResult = 'NotRequired';
            reasons.push('CONSENT_NOT_REQUIRED: treatment use under HIPAA 164.506');
        } else if (!consent) {
            consentResult = 'Missing';
            reasons.push(`CONSENT_MISSING: no ${caller.purpose} consent on record`);
        } else if (consent.status === 'Granted') {
            consentResult = 'Granted';
            reasons.push(`CONSENT_GRANTED: ${consent.name} (${caller.purpose}, captured via ${consent.capturedVia})`);
        } else {
            consentResult = consent.status;
            reasons.push(`CONSENT_${consent.status.toUpperCase()}: ${consent.name} (${caller.purpose})`);
        }
        // Residency.
        const problems: string[] = [];
        if (!endpoint.jurisdiction || !rule.allowedRegions.includes(endpoint.jurisdiction)) {
            problems.push(`${patient.jurisdiction} data may not go to a ${endpoint.jurisdiction} endpoint`);
        }
        if (!rule.allowedHostings.includes(endpoint.hosting ?? '')) {
            problems.push(`hosting ${endpoint.hosting} not allowed for ${patient.jurisdiction}`);
        }
        if (
            rule.requiresDpa &&
            (!endpoint.dpaSigned || (endpoint.endpointKey === 'us-public-gpt' && at >= dpaExpiredAt))
        ) {
            problems.push('no valid DPA');
        }
        if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
            problems.push('endpoint retains prompts');
        }
        if (endpoint.status !== 'Approved') {
            problems.push(`endpoint is ${endpoint.status}`);
        }
        const residencyResult = problems.length === 0 ? 'Compliant' : 'Violation';
        reasons.push(
            problems.length === 0
                ? `RESIDENCY_OK: ${patient.jurisdiction} data to ${endpoint.jurisdiction} (${endpoint.hosting})`
                : `RESIDENCY_VIOLATION: ${problems.join('; ')}`
        );
        const consentOk = consentResult === 'Granted' || consentResult === 'NotRequired';
        const mode = inMonitor ? 'Monitor' : 'Enforce';
        const phi = [
            ...new Set(
                fields.map((field) => tagByField.get(field)?.phiCategory).filter((value): value is string => !!value)
            )
        ];
        const redactable = fields.some((field) => tagByField.get(field)?.minimization === 'Redact');
        let decision: Decision;
        let redactionCount = 0;
        if ((!consentOk || residencyResult === 'Violation') && mode === 'Enforce') {
            decision = 'Blocked';
            reasons.push('BLOCKED: policy refused the call (Enforce mode)');
        } else {
            if (!consentOk || residencyResult === 'Violation') {
                reasons.push('MONITOR_ONLY: violation logged, call let through (Monitor mode)');
            }
            if (redactable && phi.length > 0) {
                decision = 'Redacted';
                redactionCount = random.int(1, 6);
                reasons.push(`REDACTED: ${redactionCount} value(s) masked (${phi.join(', ')})`);
            } else {
                decision = 'Allowed';
            }
            const unmapped = fields.filter(
                (field) => !flowIndex.has(`${field}|${endpoint.endpointKey}|${caller.purpose}`)
            );
            if (unmapped.length > 0) {
                reasons.push(`MINIMIZED: dropped ${unmapped.join(', ')} (no approved data flow)`);
            }
        }
        const sequence = log.length + 1;
        const blocked = decision === 'Blocked';
        const tokensIn = blocked ? 0 : random.int(180, 3200);
        const entry: DemoLogEntry = {
            id: fakeId('a04', sequence),
            name: `IL-${String(sequence).padStart(10, '0')}`,
            sequence,
            loggedAt: new Date(at).toISOString(),
            endpointId: endpoint.id,
            endpointKey: endpoint.endpointKey,
            purpose: caller.purpose,
            decision,
            mode,
            jurisdiction: patient.jurisdiction,
            phiCategories: phi.length > 0 ? phi.join(';') : null,
            redactionCount,
            consentResult,
            residencyResult,
            caller: caller.caller,
            recordId: patient.id,
            latencyMs: blocked ? random.int(3, 25) : random.int(350, 4200),
            reasons: reasons.join('\n'),
            fieldsSent: blocked ? null : fields.join(';'),
            subjectKey: patient.subjectKey,
            promptSha256: sha256Hex(`${seed}:prompt:${sequence}`),
            responseSha256: blocked ? null : sha256Hex(`${seed}:response:${sequence}`),
            tokensIn,
            tokensOut: blocked ? 0 : random.int(40, 900),
            previousHash,
            entryHash: '',
            eventUuid: uuidFrom(random)
        };
        entry.entryHash = chainEntryHash(entry, previousHash);
        previousHash = entry.entryHash;
        log.push(entry);
        return entry;
    };
    for (let day = 0; day < LOG_DAYS; day++) {
        const times: number[] = [];
        for (let i = 0; i < perDay[day]; i++) {
            times.push(firstDayMs + day * DAY_MS + random.weighted(hourWeights) * 3600000 + random.int(0, 3599999));
        }
        times.sort((a, b) => a - b);
        for (const at of times) {
            const entry = simulateCall(at);
            const sequence = entry.sequence;
            if (sequence % CHECKPOINT_INTERVAL === 0) {
                checkpoints.push({
                    sequence,
                    fromSequence: sequence - CHECKPOINT_INTERVAL + 1,
                    entryCount: CHECKPOINT_INTERVAL,
                    headHash: entry.entryHash,
                    merkleRoot: checkpointRoot(
                        log.slice(sequence - CHECKPOINT_INTERVAL, sequence).map((row) => row.entryHash as string)
                    ),
                    createdAt: new Date(at + 60000).toISOString()
                });
            }
        }
    }

    // Findings.
    const findings: FindingDetail[] = [];
    const sla: SlaSettings = { critical: 30, high: 60, medium: 90, low: 180 };
    const slaFor = (severity: string): number | null =>
        severity === 'Critical'
            ? sla.critical
            : severity === 'High'
              ? sla.high
              : severity === 'Medium'
                ? sla.medium
                : severity === 'Low'
                  ? sla.low
                  : null;
    const addFinding = (seedRow: FindingSeed): void => {
        const firstSeen = todayMs - seedRow.firstSeenDaysAgo * DAY_MS + random.int(0, 8 * 3600000);
        const days = slaFor(seedRow.severity);
        const index = findings.length + 1;
        const closed =
            seedRow.status === 'Resolved' || seedRow.status === 'RiskAccepted' || seedRow.status === 'FalsePositive';
        findings.push({
            id: fakeId('a05', index),
            name: `CF-${String(index).padStart(6, '0')}`,
            rule: seedRow.rule,
            severity: seedRow.severity,
            category: seedRow.category,
            componentType: seedRow.componentType,
            componentName: seedRow.componentName,
            line: seedRow.line,
            message: seedRow.message,
            status: seedRow.status,
            dueDate: days === null ? null : new Date(firstSeen + days * DAY_MS).toISOString().slice(0, 10),
            assignedToId: seedRow.status === 'New' ? null : users[index % users.length].id,
            assignedToName: seedRow.status === 'New' ? null : users[index % users.length].name,
            firstSeen: new Date(firstSeen).toISOString(),
            lastSeen: new Date(closed ? firstSeen + 5 * DAY_MS : todayMs - random.int(0, 2) * DAY_MS).toISOString(),
            resolvedOn:
                seedRow.status === 'Resolved' ? new Date(firstSeen + random.int(3, 20) * DAY_MS).toISOString() : null,
            // Like the scanner: the snippet is the flagged source from Line__c on (here with two lines of context).
            snippet:
                seedRow.snippet && seedRow.line && seedRow.snippet.split('\n').length >= seedRow.line
                    ? seedRow.snippet
                          .split('\n')
                          .slice(seedRow.line - 1, seedRow.line + 2)
                          .join('\n')
                    : seedRow.snippet,
            justification: seedRow.justification ?? null,
            fingerprint: sha256Hex(`${seedRow.rule}|${seedRow.componentName}|${seedRow.line ?? ''}`),
            ruleTitle: null,
            ruleSummary: null,
            ruleDescription: null,
            requestedStatus: null,
            requestedById: null,
            requestedByName: null,
            riskAcceptedUntil: null,
            dueDateExtended: false,
            requestedOn: null,
            approvedByName: null,
            approvedOn: null,
            history: []
        });
    };
    FINDING_SEEDS.forEach(addFinding);
    for (const className of EXTRA_CLASSES) {
        for (const [rule, severity, message] of random.sample(EXTRA_RULES, random.int(1, 3))) {
            const line = random.int(8, 140);
            addFinding({
                rule,
                severity,
                category: 'ApexClass',
                componentType: 'ApexClass',
                componentName: className,
                line,
                message,
                snippet: [`${EXTRA_SNIPPETS[rule] ?? '// flagged statement'}`, '    // …'].join('\n'),
                firstSeenDaysAgo: random.int(1, 150),
                status: random.weighted([
                    ['New', 5],
                    ['Triaged', 3],
                    ['InRemediation', 2],
                    ['Resolved', 2],
                    ['RiskAccepted', 1]
                ] as const),
                justification:
                    'Accepted until the service is retired next quarter; compensating control: perimeter logging.'
            });
        }
    }
    for (const finding of findings) {
        if (finding.status !== 'RiskAccepted' && finding.status !== 'FalsePositive') {
            finding.justification =
                FINDING_SEEDS.find(
                    (seedRow) => seedRow.componentName === finding.componentName && seedRow.rule === finding.rule
                )?.justification ?? null;
        }
    }

    return seedGovernance({
        seed,
        today,
        currentUser: users[0],
        users,
        approverIds: [users[0].id, users[2].id],
        changes: [],
        rules: DEMO_RULES,
        endpoints,
        patients,
        consents,
        tags: DEMO_TAGS,
        flows,
        log,
        findings,
        checkpoints,
        patterns: DEMO_PATTERNS,
        sla,
        mode: 'Enforce',
        simulateCall
    });
}
