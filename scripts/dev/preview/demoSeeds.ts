/**
 * The fixed material of the demo data set (scripts/dev/preview/demoData.ts): patient names and cities, the
 * jurisdiction rules, the nine endpoints, the callers and the fields they send, the field tags, the shipped
 * redaction patterns, and the findings a scan of the fictional org raised. No randomness here: demoData draws
 * from these with its seeded generator. All names and identifiers are made up.
 */
import type {
    EndpointRow,
    FindingDetail,
    JurisdictionRuleRow,
    PhiPatternRow
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';

export type DemoTag = {
    objectApiName: string;
    fieldApiName: string;
    classification: string;
    phiCategory: string | null;
    minimization: string;
};

export const FIRST_NAMES = [
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
export const LAST_NAMES = [
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
export const CITIES: Record<string, string[]> = {
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

export type EndpointSeed = Omit<EndpointRow, 'id' | 'dpaExpires' | 'approvedOn'> & {
    dpaInDays: number | null;
    approvedDaysAgo: number | null;
};

export const ENDPOINT_SEEDS: EndpointSeed[] = [
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
export const HOME_ENDPOINT: Record<string, string[]> = {
    EU: ['eu-sovereign-llama', 'eu-sovereign-llama', 'eu-private-mistral'],
    UK: ['uk-clinical-gpt'],
    CH: ['ch-sovereign-qwen', 'ch-sovereign-qwen', 'eu-sovereign-llama'],
    US: ['us-hipaa-claude', 'us-hipaa-claude', 'us-public-gpt'],
    CA: ['ca-health-llm', 'ca-health-llm', 'us-hipaa-claude']
};

export type CallerSeed = { caller: string; purpose: string; weight: number; fields: string[] };

export const CALLERS: CallerSeed[] = [
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

export type FindingSeed = {
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

export const FINDING_SEEDS: FindingSeed[] = [
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

export const EXTRA_SNIPPETS: Record<string, string> = {
    'crud-fls-bypass': 'List<Contact> rows = [SELECT Id, Birthdate FROM Contact WHERE AccountId = :accountId];',
    'dml-in-loop': 'for (Task t : tasks) { update t; }',
    'soql-in-loop': 'for (Id id : ids) { Contact c = [SELECT Name FROM Contact WHERE Id = :id]; }',
    'sharing-without': 'public without sharing class Service {',
    'phi-debug-log': "System.debug('Patient ' + patient.LastName + ' MRN ' + patient.Mrn__c);",
    'sharing-missing': 'public class Service {'
};

export const EXTRA_CLASSES = [
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
export const EXTRA_RULES: [string, FindingDetail['severity'], string][] = [
    ['crud-fls-bypass', 'Medium', 'Query runs in system mode without WITH USER_MODE.'],
    ['dml-in-loop', 'Low', 'DML statement inside a loop.'],
    ['soql-in-loop', 'Medium', 'SOQL query inside a loop.'],
    ['sharing-without', 'High', 'Class declares without sharing.'],
    ['phi-debug-log', 'High', 'A PHI field is written to the debug log.'],
    ['sharing-missing', 'Low', 'Class declares no sharing keyword.']
];
