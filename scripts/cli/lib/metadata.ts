/**
 * What a metadata file in source format is, from where it sits and how it is named: the root
 * element it must have, the folder it belongs in, and the house rules for API names. Shared by the
 * metadata check, the model printer and the scanner; the suffixes and folder names are those of
 * source-deploy-retrieve's registry (12.x).
 */
import { basename, dirname } from 'node:path';

export type MetadataKind = {
    /** Metadata API type name, which is also the root element of the XML. */
    type: string;
    /** Source-format suffix without the leading dot or `-meta.xml`, e.g. `field` for X.field-meta.xml. */
    suffix: string;
    /** Folder the file belongs in. For object children, the folder under objects/<Object>/. */
    folder: string;
    /** Lives in objects/<Object>/<folder>/ (fields, list views, record types ...). */
    objectChild?: boolean;
    /** Lives in its own folder: objects/<X>/X.object-meta.xml, lwc/<b>/b.js-meta.xml. */
    ownFolder?: boolean;
    /** The Metadata API refuses the component without an <apiVersion>. */
    requiresApiVersion?: boolean;
};

export const METADATA_KINDS: readonly MetadataKind[] = [
    { type: 'CustomObject', suffix: 'object', folder: 'objects', ownFolder: true },
    { type: 'CustomField', suffix: 'field', folder: 'fields', objectChild: true },
    { type: 'ListView', suffix: 'listView', folder: 'listViews', objectChild: true },
    { type: 'RecordType', suffix: 'recordType', folder: 'recordTypes', objectChild: true },
    { type: 'ValidationRule', suffix: 'validationRule', folder: 'validationRules', objectChild: true },
    { type: 'CompactLayout', suffix: 'compactLayout', folder: 'compactLayouts', objectChild: true },
    { type: 'WebLink', suffix: 'webLink', folder: 'webLinks', objectChild: true },
    { type: 'FieldSet', suffix: 'fieldSet', folder: 'fieldSets', objectChild: true },
    { type: 'BusinessProcess', suffix: 'businessProcess', folder: 'businessProcesses', objectChild: true },
    { type: 'SharingReason', suffix: 'sharingReason', folder: 'sharingReasons', objectChild: true },
    { type: 'Index', suffix: 'index', folder: 'indexes', objectChild: true },
    { type: 'PermissionSet', suffix: 'permissionset', folder: 'permissionsets' },
    { type: 'PermissionSetGroup', suffix: 'permissionsetgroup', folder: 'permissionsetgroups' },
    { type: 'CustomTab', suffix: 'tab', folder: 'tabs' },
    { type: 'CustomApplication', suffix: 'app', folder: 'applications' },
    { type: 'Layout', suffix: 'layout', folder: 'layouts' },
    { type: 'CustomMetadata', suffix: 'md', folder: 'customMetadata' },
    { type: 'ApexClass', suffix: 'cls', folder: 'classes', requiresApiVersion: true },
    { type: 'ApexTrigger', suffix: 'trigger', folder: 'triggers', requiresApiVersion: true },
    { type: 'ApexPage', suffix: 'page', folder: 'pages', requiresApiVersion: true },
    { type: 'ApexComponent', suffix: 'component', folder: 'components', requiresApiVersion: true },
    { type: 'LightningComponentBundle', suffix: 'js', folder: 'lwc', ownFolder: true, requiresApiVersion: true },
    { type: 'AuraDefinitionBundle', suffix: 'cmp', folder: 'aura', ownFolder: true, requiresApiVersion: true },
    { type: 'StaticResource', suffix: 'resource', folder: 'staticresources' },
    { type: 'CustomLabels', suffix: 'labels', folder: 'labels' },
    { type: 'FlexiPage', suffix: 'flexipage', folder: 'flexipages' },
    { type: 'NamedCredential', suffix: 'namedCredential', folder: 'namedCredentials' },
    { type: 'ExternalCredential', suffix: 'externalCredential', folder: 'externalCredentials' },
    { type: 'RemoteSiteSetting', suffix: 'remoteSite', folder: 'remoteSiteSettings' },
    { type: 'CspTrustedSite', suffix: 'cspTrustedSite', folder: 'cspTrustedSites' },
    { type: 'CustomPermission', suffix: 'customPermission', folder: 'customPermissions' },
    { type: 'Flow', suffix: 'flow', folder: 'flows' },
    { type: 'GlobalValueSet', suffix: 'globalValueSet', folder: 'globalValueSets' },
    { type: 'LightningMessageChannel', suffix: 'messageChannel', folder: 'messageChannels' },
    { type: 'CustomNotificationType', suffix: 'notiftype', folder: 'notificationtypes' },
    { type: 'QuickAction', suffix: 'quickAction', folder: 'quickActions' },
    {
        type: 'PlatformEventSubscriberConfig',
        suffix: 'platformEventSubscriberConfig',
        folder: 'PlatformEventSubscriberConfigs'
    },
    { type: 'PlatformEventChannel', suffix: 'platformEventChannel', folder: 'platformEventChannels' },
    {
        type: 'PlatformEventChannelMember',
        suffix: 'platformEventChannelMember',
        folder: 'platformEventChannelMembers'
    },
    { type: 'ContentAsset', suffix: 'asset', folder: 'contentassets' },
    { type: 'CustomObjectTranslation', suffix: 'objectTranslation', folder: 'objectTranslations', ownFolder: true },
    { type: 'Translations', suffix: 'translation', folder: 'translations' },
    { type: 'PlatformCachePartition', suffix: 'cachePartition', folder: 'cachePartitions' },
    {
        type: 'TransactionSecurityPolicy',
        suffix: 'transactionSecurityPolicy',
        folder: 'transactionSecurityPolicies'
    },
    { type: 'ConnectedApp', suffix: 'connectedApp', folder: 'connectedApps' },
    { type: 'Profile', suffix: 'profile', folder: 'profiles' }
];

/** Suffixes of custom API names, longest first, with what they name. */
export const CUSTOM_SUFFIXES: ReadonlyArray<{ suffix: string; what: string }> = [
    { suffix: '__mdt', what: 'custom metadata type' },
    { suffix: '__c', what: 'custom object or field' },
    { suffix: '__e', what: 'platform event' },
    { suffix: '__x', what: 'external object' },
    { suffix: '__b', what: 'big object' }
];

/**
 * Standard objects the package may name in permission sets, layouts, tabs and apps. A name not
 * here and not defined in the project is reported, so a typo cannot hide as "standard".
 */
export const STANDARD_OBJECTS: ReadonlySet<string> = new Set([
    'Account',
    'Contact',
    'Lead',
    'Case',
    'Opportunity',
    'Task',
    'Event',
    'User',
    'Group',
    'Organization',
    'Individual',
    'ContactPointTypeConsent',
    'ContactPointConsent',
    'ContactPointEmail',
    'ContactPointPhone',
    'ContactPointAddress',
    'DataUsePurpose',
    'DataUseLegalBasis',
    'AuthorizationForm',
    'AuthorizationFormConsent',
    'AuthorizationFormDataUse',
    'AuthorizationFormText',
    'PartyConsent',
    'EngagementChannelType',
    'ContentVersion',
    'ContentDocument',
    'ContentDocumentLink',
    'EmailMessage',
    'Note',
    'Attachment',
    'Document',
    'Report',
    'Dashboard',
    'PermissionSet',
    'PermissionSetAssignment',
    'Profile',
    'AsyncApexJob',
    'CronTrigger',
    'ApexClass',
    'ApexTrigger',
    'NamedCredential',
    'CarePlan',
    'CareProgram',
    'CareProgramEnrollee',
    'ClinicalEncounter',
    'HealthCondition',
    'PatientMedicalProcedure',
    'MedicationStatement'
]);

/** Standard fields every custom object has, which layouts and list views may place. */
export const STANDARD_FIELDS: ReadonlySet<string> = new Set([
    'Id',
    'Name',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'RecordTypeId',
    'CurrencyIsoCode',
    'LastActivityDate',
    'LastViewedDate',
    'LastReferencedDate',
    'IsDeleted'
]);

/** Standard tabs of standard objects are written `standard-<Object>` in apps and permission sets. */
export const STANDARD_TAB_PREFIX = 'standard-';

export type ClassifiedFile = {
    kind: MetadataKind;
    /** Component name from the file name: `Status__c` for Status__c.field-meta.xml. */
    name: string;
    /** For object children and objects: the object's API name. */
    objectName?: string;
    /** Empty when the file sits where its type belongs; otherwise what is wrong. */
    placementProblem?: string;
};

/**
 * Classifies a source-format metadata file (`*-meta.xml`) by suffix and checks that its folder is
 * the one the type implies. Undefined for files whose suffix is not in METADATA_KINDS.
 */
export function classifyMetadataFile(path: string): ClassifiedFile | undefined {
    const file = basename(path);
    const match = /^(.+)\.([A-Za-z]+)-meta\.xml$/.exec(file);
    if (!match) {
        return undefined;
    }
    const [, name, suffix] = match;
    const kind = METADATA_KINDS.find((candidate) => candidate.suffix === suffix);
    if (!kind) {
        return undefined;
    }
    const parent = basename(dirname(path));
    const grandParent = basename(dirname(dirname(path)));
    const greatGrandParent = basename(dirname(dirname(dirname(path))));
    if (kind.objectChild) {
        const placementProblem =
            parent === kind.folder && greatGrandParent === 'objects'
                ? undefined
                : `a ${kind.type} belongs in objects/<Object>/${kind.folder}/`;
        return { kind, name, objectName: grandParent, placementProblem };
    }
    if (kind.ownFolder) {
        const placementProblem =
            grandParent === kind.folder && parent === name
                ? undefined
                : `a ${kind.type} belongs in ${kind.folder}/${name}/${file}`;
        return {
            kind,
            name,
            objectName: kind.type === 'CustomObject' ? name : undefined,
            placementProblem
        };
    }
    const placementProblem = parent === kind.folder ? undefined : `a ${kind.type} belongs in a ${kind.folder}/ folder`;
    return { kind, name, placementProblem };
}

/** The metadata kind of a Metadata API type name. */
export function kindOfType(type: string): MetadataKind | undefined {
    return METADATA_KINDS.find((kind) => kind.type === type);
}

/** True for a custom API name such as InferenceLog__c or PhiPattern__mdt. */
export function isCustomName(apiName: string): boolean {
    return CUSTOM_SUFFIXES.some(({ suffix }) => apiName.endsWith(suffix));
}

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const APEX_CLASS_NAME = /^[A-Z][A-Za-z0-9]*(_Tests)?$/;
const LWC_BUNDLE_NAME = /^[a-z][A-Za-z0-9]*$/;

/**
 * Why a custom object or field API name breaks the house style (PascalCase, no inner
 * underscores, no namespace prefix in source), or undefined when it is fine.
 */
export function customApiNameProblem(apiName: string): string | undefined {
    const custom = CUSTOM_SUFFIXES.find(({ suffix }) => apiName.endsWith(suffix));
    if (!custom) {
        return undefined;
    }
    const stem = apiName.slice(0, -custom.suffix.length);
    if (stem.includes('__')) {
        return `${apiName} carries a namespace prefix; the managed namespace is added at packaging, never written in source`;
    }
    if (!PASCAL_CASE.test(stem)) {
        return `${custom.what} API name ${apiName} is not PascalCase without underscores (e.g. ${suggestPascal(stem)}${custom.suffix})`;
    }
    return undefined;
}

export function apexClassNameProblem(name: string): string | undefined {
    return APEX_CLASS_NAME.test(name)
        ? undefined
        : `Apex name ${name} is not PascalCase (a test class may end in _Tests; no other underscores)`;
}

export function lwcBundleNameProblem(name: string): string | undefined {
    return LWC_BUNDLE_NAME.test(name) ? undefined : `LWC folder ${name} is not camelCase (letters and digits only)`;
}

function suggestPascal(stem: string): string {
    return stem
        .split(/[_\s]+/)
        .filter((part) => part.length > 0)
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join('');
}

/** Parses an apiVersion value; NaN when it is not a number like 62.0. */
export function parseApiVersion(value: string): number {
    return /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/** The lowest API version any file of the package may declare. */
export const MINIMUM_API_VERSION = 62;

/**
 * Field types the platform accepts on the special kinds of object; a field of another type fails
 * the deploy ("Custom field type not supported"). Plain custom objects accept every type.
 */
export const ALLOWED_FIELD_TYPES: Readonly<
    Record<'platformEvent' | 'customMetadata' | 'customSetting', readonly string[]>
> = {
    platformEvent: ['Checkbox', 'Date', 'DateTime', 'Number', 'Text', 'LongTextArea'],
    customMetadata: [
        'Checkbox',
        'Date',
        'DateTime',
        'Email',
        'Number',
        'Percent',
        'Phone',
        'Picklist',
        'Text',
        'TextArea',
        'LongTextArea',
        'Url',
        'MetadataRelationship'
    ],
    customSetting: [
        'Checkbox',
        'Currency',
        'Date',
        'DateTime',
        'Email',
        'Number',
        'Percent',
        'Phone',
        'Text',
        'TextArea',
        'EncryptedText',
        'Url'
    ]
};
