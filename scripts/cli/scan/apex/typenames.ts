/**
 * Apex type names as the scanner needs them: collection element types, whether a name is an
 * sObject, and which types cannot carry an injection (numbers, ids, dates).
 */
import { STANDARD_OBJECTS } from '../../lib/metadata';

const MORE_STANDARD_OBJECTS = [
    'Asset',
    'Campaign',
    'CampaignMember',
    'CaseComment',
    'Contract',
    'Order',
    'OrderItem',
    'Product2',
    'Pricebook2',
    'PricebookEntry',
    'OpportunityLineItem',
    'Entitlement',
    'WorkOrder',
    'ServiceAppointment',
    'FeedItem',
    'FeedComment',
    'Attachment',
    'Account',
    'UserRole',
    'Territory',
    'Quote',
    'LiveChatTranscript',
    'MessagingSession',
    'ConversationEntry',
    'HealthCloudGA__EhrPatient__c',
    'ContentNote',
    'AllergyIntolerance',
    'CareObservation',
    'CareObservationComponent',
    'ClinicalEncounterDiagnosis',
    'ClinicalEncounterReason',
    'ClinicalServiceRequest',
    'DiagnosticSummary',
    'MedicationDispense',
    'MedicationRequest',
    'PatientHealthReaction',
    'PatientImmunization',
    'PatientMedicalProcedureDetail',
    'RecordType',
    'EmailTemplate',
    'OrgWideEmailAddress',
    'Pricebook2',
    'ProcessInstance',
    'ProcessInstanceWorkitem'
];

const STANDARD_OBJECT_NAMES = new Set(
    [...STANDARD_OBJECTS, ...MORE_STANDARD_OBJECTS].map((name) => name.toLowerCase())
);

const CUSTOM_OBJECT_SUFFIX = /__(c|mdt|e|x|b|share|history|feed|changeevent)$/i;

/** Strips `Schema.` and generic arguments' whitespace. */
export function normalizeType(typeName: string): string {
    return typeName.replace(/\s+/g, '').replace(/^schema\./i, '');
}

/** The element type of a collection (`List<T>`, `Set<T>`, `T[]`, the value of `Map<K,V>`), else the type. */
export function elementType(typeName: string): string {
    const type = normalizeType(typeName);
    if (type.endsWith('[]')) {
        return type.slice(0, -2);
    }
    const generic = /^(list|set|iterable|iterator)<(.+)>$/i.exec(type);
    if (generic) {
        return generic[2];
    }
    const map = /^map<(.+)>$/i.exec(type);
    if (map) {
        const args = splitTypeArguments(map[1]);
        return args[1] ?? args[0];
    }
    return type;
}

export function isCollectionType(typeName: string): boolean {
    return /^(list|set|map|iterable)<|\[\]$/i.test(normalizeType(typeName));
}

function splitTypeArguments(args: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let current = '';
    for (const char of args) {
        if (char === '<') {
            depth += 1;
        } else if (char === '>') {
            depth -= 1;
        }
        if (char === ',' && depth === 0) {
            out.push(current);
            current = '';
        } else {
            current += char;
        }
    }
    out.push(current);
    return out;
}

/** True when `name` names an sObject type: custom suffixes, or a standard object we know. */
export function isSObjectName(name: string): boolean {
    const type = normalizeType(name);
    return CUSTOM_OBJECT_SUFFIX.test(type) || STANDARD_OBJECT_NAMES.has(type.toLowerCase());
}

/** The sObject a declared type holds (directly or as collection elements), or null. */
export function sObjectOfType(typeName: string | null | undefined): string | null {
    if (!typeName) {
        return null;
    }
    const element = elementType(typeName);
    return isSObjectName(element) ? element : null;
}

const SAFE_FOR_QUERIES = new Set([
    'id',
    'integer',
    'long',
    'decimal',
    'double',
    'boolean',
    'date',
    'datetime',
    'time',
    'sobjecttype',
    'sobjectfield'
]);

/** Types whose values cannot break out of a SOQL string literal. */
export function isInjectionSafeType(typeName: string | null | undefined): boolean {
    if (!typeName) {
        return false;
    }
    const element = elementType(typeName).toLowerCase();
    return SAFE_FOR_QUERIES.has(element) || SAFE_FOR_QUERIES.has(normalizeType(typeName).toLowerCase());
}

export function isStringType(typeName: string | null | undefined): boolean {
    return Boolean(typeName) && normalizeType(typeName as string).toLowerCase() === 'string';
}
