/**
 * What the rules know about the project as a whole: which fields and objects hold PHI (from
 * ResidencyTag__c seed data, field classification metadata, the configured list and the built-in
 * defaults), which Named Credentials and hosts are LLMs, and an index of every Apex class so rules
 * can follow calls across files (handlers, @future methods, constants).
 */
import type { CallGraph } from './apex/callgraph';
import type { Budget } from './budget';
import type { ApexFile } from './apex/model';
import type { TypeDecl } from './apex/ast';
import { hasAnnotation, annotation } from './apex/model';
import { matchesAny, ScanConfig } from './config';
import type { MetadataModel } from './metadata/read';

/**
 * Standard fields that hold PHI in a healthcare org, used unless `phi.useDefaults` is false: the
 * patient's identity and contact details (on Contact, and on Account for person accounts), free text where staff and patients write about care (case,
 * activity, email, note, chat and feed bodies), and the clinical objects of Health Cloud as wholes.
 */
export const DEFAULT_PHI = [
    'Contact.Name',
    'Contact.FirstName',
    'Contact.LastName',
    'Contact.MiddleName',
    'Contact.Birthdate',
    'Contact.Email',
    'Contact.Phone',
    'Contact.HomePhone',
    'Contact.MobilePhone',
    'Contact.OtherPhone',
    'Contact.MailingStreet',
    'Contact.MailingAddress',
    'Contact.MailingPostalCode',
    'Contact.MailingCity',
    'Contact.OtherStreet',
    'Contact.OtherAddress',
    'Contact.OtherPostalCode',
    'Contact.OtherCity',
    'Contact.Fax',
    // A patient held as a Person Account (Health Cloud's usual model): the fields only person accounts have.
    // Account.Name stays out, since most orgs also hold payers, providers and suppliers as business accounts.
    'Account.FirstName',
    'Account.LastName',
    'Account.MiddleName',
    'Account.PersonBirthdate',
    'Account.PersonEmail',
    'Account.PersonHomePhone',
    'Account.PersonMobilePhone',
    'Account.PersonOtherPhone',
    'Account.PersonMailingStreet',
    'Account.PersonMailingAddress',
    'Account.PersonMailingPostalCode',
    'Account.PersonMailingCity',
    'Account.PersonOtherStreet',
    'Account.PersonOtherAddress',
    'Account.PersonOtherPostalCode',
    'Account.PersonOtherCity',
    'Contact.Description',
    'Case.Description',
    'Case.Comments',
    'CaseComment.CommentBody',
    'Task.Description',
    'Event.Description',
    'EmailMessage.TextBody',
    'EmailMessage.HtmlBody',
    'EmailMessage.Subject',
    'Note.Body',
    'ContentNote.Content',
    'ContentNote.TextPreview',
    'FeedItem.Body',
    'FeedComment.CommentBody',
    'LiveChatTranscript.Body',
    'AllergyIntolerance',
    'CareObservation',
    'CareObservationComponent',
    'CarePlan',
    'ClinicalEncounter',
    'ClinicalEncounterDiagnosis',
    'ClinicalEncounterReason',
    'ClinicalServiceRequest',
    'DiagnosticSummary',
    'HealthCondition',
    'MedicationDispense',
    'MedicationRequest',
    'MedicationStatement',
    'PatientHealthReaction',
    'PatientImmunization',
    'PatientMedicalProcedure',
    'PatientMedicalProcedureDetail'
];

/** Field types that hold free text: with the defaults, such custom fields on objects that hold PHI are PHI. */
const FREE_TEXT_TYPES = /^(longtextarea|html)$/i;

/** Hosts of LLM APIs; `*.` matches any sub-domain, `*` inside a label any text. */
export const DEFAULT_LLM_HOSTS = [
    'api.openai.com',
    '*.api.openai.com',
    '*.openai.azure.com',
    '*.openai.azure.us',
    '*.services.ai.azure.com',
    '*.inference.ai.azure.com',
    '*.inference.ml.azure.com',
    'api.anthropic.com',
    'generativelanguage.googleapis.com',
    'aiplatform.googleapis.com',
    '*-aiplatform.googleapis.com',
    'bedrock-runtime.*.amazonaws.com',
    'bedrock-runtime-fips.*.amazonaws.com',
    'api.mistral.ai',
    'api.cohere.ai',
    'api.cohere.com',
    'api.groq.com',
    'api.together.xyz',
    'api.deepseek.com',
    'api.perplexity.ai',
    'api-inference.huggingface.co',
    'router.huggingface.co',
    'api.fireworks.ai',
    'openrouter.ai',
    'api.x.ai',
    'api.ai21.com',
    'api.aleph-alpha.com'
];

/** Words in a Named Credential's name, label or description that mark it as an LLM endpoint. */
export const LLM_WORDS =
    /(^|[^a-z])(llm|llms|gpt|open ?ai|anthropic|claude|mistral|gemini|bedrock|vertex ?ai|cohere|llama|azure ?open ?ai|genai|large language model)([^a-z]|$)/i;

/**
 * Whether a name, label or description names an LLM (LLM_WORDS), also inside an API name written in camel case:
 * `OpenAiEu`, `ChatGPTProd` and `MyLLMService` are read as `Open Ai Eu`, `Chat GPT Prod` and `My LLM Service`.
 */
export function namesAnLlm(text: string): boolean {
    const words = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    return LLM_WORDS.test(text) || LLM_WORDS.test(words);
}

/**
 * Request paths only LLM APIs use, whoever hosts them: OpenAI-compatible chat, completion and embedding routes
 * (OpenAI, Azure OpenAI, vLLM, Ollama, LiteLLM and most gateways), Azure OpenAI deployments, Google's
 * generateContent and Bedrock's model invocation. A path many other APIs share (`/v1/messages`) is not one.
 */
const LLM_API_PATH =
    /\/openai\/deployments\/|(?:\/chat\/completions|\/v1\/completions|\/v1\/embeddings|:(?:stream)?generateContent|\/model\/[^/?#\s]+\/(?:invoke|converse)(?:-with-response-stream|-stream)?)(?=[/?#]|$)/i;

/** The LLM API path in an endpoint's text (`/v1/chat/completions`), or null. */
export function llmApiPath(endpoint: string): string | null {
    const match = LLM_API_PATH.exec(endpoint);
    return match ? match[0] : null;
}

export type PhiEntry = { object: string; field: string | null; source: string };

export class Classification {
    private readonly fields = new Map<string, PhiEntry>();
    private readonly objects = new Map<string, PhiEntry>();
    private readonly fieldsOfObject = new Map<string, string[]>();
    private readonly customFieldsByName = new Map<string, PhiEntry[]>();
    private readonly excluded: string[];
    /** `object.relationship__r` (lower case) → target object, from lookup field metadata. */
    readonly relationships = new Map<string, string>();

    constructor(excluded: string[]) {
        this.excluded = excluded.map((e) => e.toLowerCase());
    }

    private isExcluded(object: string, field: string | null): boolean {
        const key = field ? `${object}.${field}`.toLowerCase() : object.toLowerCase();
        return this.excluded.includes(key) || this.excluded.includes(object.toLowerCase());
    }

    /** Adds `Object.Field` or `Object` (a whole object). */
    add(name: string, source: string): void {
        const dot = name.indexOf('.');
        const object = dot === -1 ? name.trim() : name.slice(0, dot).trim();
        const field = dot === -1 ? null : name.slice(dot + 1).trim() || null;
        if (!object || this.isExcluded(object, field)) {
            return;
        }
        const entry: PhiEntry = { object, field, source };
        if (!field) {
            if (!this.objects.has(object.toLowerCase())) {
                this.objects.set(object.toLowerCase(), entry);
            }
            return;
        }
        const key = `${object}.${field}`.toLowerCase();
        if (this.fields.has(key)) {
            return;
        }
        this.fields.set(key, entry);
        const list = this.fieldsOfObject.get(object.toLowerCase()) ?? [];
        list.push(field);
        this.fieldsOfObject.set(object.toLowerCase(), list);
        if (/__c$/i.test(field)) {
            const byName = this.customFieldsByName.get(field.toLowerCase()) ?? [];
            byName.push(entry);
            this.customFieldsByName.set(field.toLowerCase(), byName);
        }
    }

    /** The PHI entry covering `object.field`, the field's own or its whole object's. */
    field(object: string, field: string): PhiEntry | null {
        return this.fields.get(`${object}.${field}`.toLowerCase()) ?? this.objects.get(object.toLowerCase()) ?? null;
    }

    wholeObject(object: string): PhiEntry | null {
        return this.objects.get(object.toLowerCase()) ?? null;
    }

    /** True when the object is PHI as a whole or has at least one PHI field. */
    objectHoldsPhi(object: string): boolean {
        return this.objects.has(object.toLowerCase()) || this.fieldsOfObject.has(object.toLowerCase());
    }

    phiFieldsOf(object: string): string[] {
        return this.fieldsOfObject.get(object.toLowerCase()) ?? [];
    }

    /** PHI custom fields with this API name on any object (for records whose type is unknown). */
    customFieldAnywhere(field: string): PhiEntry | null {
        const entries = this.customFieldsByName.get(field.toLowerCase());
        return entries && entries.length > 0 ? entries[0] : null;
    }

    /**
     * Resolves a SOQL field path (`Name`, `Patient__r.Birthdate`, `Account.PersonEmail`) against
     * `object` to the object and field it reads; null when a relationship is unknown.
     */
    resolvePath(object: string, path: string): { object: string; field: string } | null {
        const parts = path.split('.');
        let current = object;
        for (let index = 0; index < parts.length - 1; index += 1) {
            const next = this.relationshipTarget(current, parts[index]);
            if (!next) {
                return null;
            }
            current = next;
        }
        return { object: current, field: parts[parts.length - 1] };
    }

    relationshipTarget(object: string, relationship: string): string | null {
        const known = this.relationships.get(`${object}.${relationship}`.toLowerCase());
        if (known) {
            return known;
        }
        const lower = relationship.toLowerCase();
        if (lower === 'owner' || lower === 'createdby' || lower === 'lastmodifiedby') {
            return 'User';
        }
        if (['account', 'contact', 'case', 'lead', 'opportunity', 'user', 'parent'].includes(lower)) {
            return lower === 'parent' ? object : relationship;
        }
        if (/__r$/i.test(relationship)) {
            return null;
        }
        return null;
    }

    get size(): number {
        return this.fields.size + this.objects.size;
    }

    /**
     * Every name a PHI label can come from, lower case: PHI field names and objects that hold PHI.
     * Code that mentions none of them cannot produce a PHI flow, so it is not analysed.
     */
    vocabulary(): string[] {
        const words = new Set<string>();
        for (const entry of this.fields.values()) {
            words.add((entry.field ?? '').toLowerCase());
            words.add(entry.object.toLowerCase());
        }
        for (const entry of this.objects.values()) {
            words.add(entry.object.toLowerCase());
        }
        words.delete('');
        return [...words];
    }
}

export type LlmRegistry = {
    /** Lower-case Named Credential name → why it counts as an LLM. */
    namedCredentials: Map<string, string>;
    hosts: string[];
};

export type ClassEntry = { type: TypeDecl; file: ApexFile };

export type ProjectContext = {
    config: ScanConfig;
    classification: Classification;
    llm: LlmRegistry;
    metadata: MetadataModel;
    apexFiles: ApexFile[];
    /** Lower-case class name (simple for top-level, `outer.inner` and, when unique, `inner`). */
    classes: Map<string, ClassEntry>;
    /** Lower-case `class.method` of every `@future(callout=true)` method, to where it is and its name as declared. */
    futureCallouts: Map<string, { file: ApexFile; line: number; name: string }>;
    /** Lower-case names of classes implementing Database.AllowsCallouts. */
    calloutQueueables: Set<string>;
    /** Which project methods each call can run. */
    graph: CallGraph;
    /** The time and stack budget of each file's analysis. */
    budget: Budget;
    gateClasses: Set<string>;
    sanitizers: string[];
};

/** Host of a URL, lower case, without port; null when the text is not an absolute http(s) URL. */
export function hostOf(url: string): string | null {
    const match = /^\s*https?:\/\/([^/:?#\s]+)/i.exec(url);
    return match ? match[1].toLowerCase() : null;
}

function hostMatches(host: string, pattern: string): boolean {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) {
        const suffix = p.slice(1);
        return host.endsWith(suffix) && host.length > suffix.length;
    }
    if (p.includes('*')) {
        const regex = new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^.]*')}$`);
        return regex.test(host);
    }
    return host === p;
}

export function isLlmHost(host: string, hosts: readonly string[]): boolean {
    return hosts.some((pattern) => hostMatches(host, pattern));
}

const AZURE_REGIONS =
    'eastus|eastus2|westus|westus2|westus3|centralus|northcentralus|southcentralus|westcentralus|northeurope|westeurope|uksouth|ukwest|francecentral|germanywestcentral|swedencentral|switzerlandnorth|norwayeast|polandcentral|italynorth|spaincentral|canadacentral|canadaeast|australiaeast|japaneast|koreacentral|southeastasia|eastasia|centralindia|brazilsouth|uaenorth|southafricanorth|qatarcentral';
const AWS_REGION =
    /(?:^|[.-])((?:us|eu|ap|ca|sa|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)(?=[.-]|$)/;
const GCP_REGION =
    /(?:^|[.-])((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d+)(?=[.-]|$)/;
const AZURE_REGION = new RegExp(`(?:^|[.-])(${AZURE_REGIONS})(?=[.-]|$)`);
const LEADING_GEO = /^(eu|us|uk|ca|au|jp|in|de|fr|ch)\./;

/**
 * The provider region a host name encodes (AWS `eu-central-1`, Google `europe-west3`, Azure
 * `westeurope`, or a leading geography label such as `eu.` on a known LLM host), or null.
 */
export function regionOfHost(host: string, llmHosts: readonly string[] = DEFAULT_LLM_HOSTS): string | null {
    const lower = host.toLowerCase();
    const aws = AWS_REGION.exec(lower);
    if (aws) {
        return aws[1];
    }
    const gcp = GCP_REGION.exec(lower);
    if (gcp) {
        return gcp[1];
    }
    const azure = AZURE_REGION.exec(lower);
    if (azure) {
        return azure[1];
    }
    const geo = LEADING_GEO.exec(lower);
    if (geo && isLlmHost(lower.slice(geo[0].length), llmHosts)) {
        return geo[1];
    }
    return null;
}

export function regionAllowed(region: string, allowed: readonly string[]): boolean {
    return matchesAny(region, allowed);
}

export function buildClassification(config: ScanConfig, metadata: MetadataModel): Classification {
    const classification = new Classification(config.phi.exclude);
    for (const seed of metadata.seeds) {
        if (seed.type !== 'ResidencyTag__c') {
            continue;
        }
        if ((seed.values.Classification__c ?? '').toUpperCase() !== 'PHI') {
            continue;
        }
        const object = seed.values.ObjectApiName__c ?? (seed.values.TagKey__c ?? '').split('.')[0];
        const field =
            seed.values.FieldApiName__c ??
            ((seed.values.TagKey__c ?? '').includes('.') ? seed.values.TagKey__c.split('.')[1] : '');
        if (object) {
            classification.add(
                field ? `${object}.${field}` : object,
                `ResidencyTag__c seed data (${seed.file}:${seed.line})`
            );
        }
    }
    const classifications = config.phi.securityClassifications.map((c) => c.toLowerCase());
    const groups = config.phi.complianceGroups.map((g) => g.toLowerCase());
    for (const field of metadata.fields) {
        if (field.referenceTo && field.relationshipName) {
            classification.relationships.set(
                `${field.object}.${field.relationshipName}__r`.toLowerCase(),
                field.referenceTo
            );
        }
        if (field.referenceTo && /__c$/i.test(field.field)) {
            classification.relationships.set(
                `${field.object}.${field.field.replace(/__c$/i, '__r')}`.toLowerCase(),
                field.referenceTo
            );
        }
        const group = field.complianceGroups.find((g) => groups.includes(g.toLowerCase()));
        if (group) {
            classification.add(
                `${field.object}.${field.field}`,
                `field metadata complianceGroup ${group} (${field.file})`
            );
        } else if (
            field.securityClassification &&
            classifications.includes(field.securityClassification.toLowerCase())
        ) {
            classification.add(
                `${field.object}.${field.field}`,
                `field metadata securityClassification ${field.securityClassification} (${field.file})`
            );
        }
    }
    for (const name of config.phi.fields) {
        classification.add(name, 'warden.config.json phi.fields');
    }
    if (config.phi.useDefaults) {
        for (const name of DEFAULT_PHI) {
            classification.add(name, 'built-in PHI list');
        }
        // Long and rich text custom fields where notes about a patient end up (`Case.Symptoms__c`).
        for (const field of metadata.fields) {
            if (FREE_TEXT_TYPES.test(field.type) && classification.objectHoldsPhi(field.object)) {
                classification.add(`${field.object}.${field.field}`, `free text on ${field.object}, which holds PHI`);
            }
        }
    }
    return classification;
}

export function buildLlmRegistry(config: ScanConfig, metadata: MetadataModel): LlmRegistry {
    const hosts = [...DEFAULT_LLM_HOSTS, ...config.llm.hosts];
    const namedCredentials = new Map<string, string>();
    for (const name of config.llm.namedCredentials) {
        namedCredentials.set(name.toLowerCase(), 'listed in warden.config.json llm.namedCredentials');
    }
    for (const seed of metadata.seeds) {
        const credential = seed.values.NamedCredential__c;
        if (seed.type === 'LlmEndpoint__c' && credential && !namedCredentials.has(credential.toLowerCase())) {
            namedCredentials.set(credential.toLowerCase(), `registered in LlmEndpoint__c (${seed.file}:${seed.line})`);
        }
    }
    for (const endpoint of metadata.endpoints) {
        if (endpoint.kind !== 'NamedCredential' || namedCredentials.has(endpoint.name.toLowerCase())) {
            continue;
        }
        const host = hostOf(endpoint.url);
        if (host && isLlmHost(host, hosts)) {
            namedCredentials.set(endpoint.name.toLowerCase(), `its URL host ${host} is an LLM API`);
        } else if (namesAnLlm(`${endpoint.name} ${endpoint.label} ${endpoint.description}`)) {
            namedCredentials.set(endpoint.name.toLowerCase(), 'its name, label or description names an LLM');
        }
    }
    // A host behind an LLM Named Credential is an LLM host too, when called directly.
    for (const endpoint of metadata.endpoints) {
        const host = hostOf(endpoint.url);
        if (host && endpoint.kind === 'NamedCredential' && namedCredentials.has(endpoint.name.toLowerCase())) {
            if (!isLlmHost(host, hosts)) {
                hosts.push(host);
            }
        }
    }
    return { namedCredentials, hosts };
}

export function buildClassIndex(
    files: ApexFile[]
): Pick<ProjectContext, 'classes' | 'futureCallouts' | 'calloutQueueables'> {
    const classes = new Map<string, ClassEntry>();
    const innerNames = new Map<string, ClassEntry[]>();
    const futureCallouts = new Map<string, { file: ApexFile; line: number; name: string }>();
    const calloutQueueables = new Set<string>();
    for (const file of files) {
        if (file.componentType !== 'ApexClass') {
            continue;
        }
        for (const type of file.types) {
            const entry = { type, file };
            classes.set(type.qualifiedName.toLowerCase(), entry);
            if (type.outer) {
                const list = innerNames.get(type.name.toLowerCase()) ?? [];
                list.push(entry);
                innerNames.set(type.name.toLowerCase(), list);
            }
            if (type.implementsTypes.some((t) => t.toLowerCase() === 'database.allowscallouts')) {
                calloutQueueables.add(type.qualifiedName.toLowerCase());
                calloutQueueables.add(type.name.toLowerCase());
            }
            for (const member of type.members) {
                if (member.kind !== 'method') {
                    continue;
                }
                const future = annotation(member.modifiers, 'future');
                if (future && (future.params.callout ?? '') === 'true') {
                    const declared = { file, line: member.span.line, name: `${type.qualifiedName}.${member.name}` };
                    futureCallouts.set(declared.name.toLowerCase(), declared);
                    if (type.outer) {
                        futureCallouts.set(`${type.name}.${member.name}`.toLowerCase(), declared);
                    }
                }
            }
        }
    }
    for (const [name, entries] of innerNames) {
        if (entries.length === 1 && !classes.has(name)) {
            classes.set(name, entries[0]);
        }
    }
    return { classes, futureCallouts, calloutQueueables };
}

export function isTestClassEntry(entry: ClassEntry): boolean {
    for (let type: TypeDecl | null = entry.type; type; type = type.outer) {
        if (hasAnnotation(type.modifiers, 'istest')) {
            return true;
        }
    }
    return false;
}
