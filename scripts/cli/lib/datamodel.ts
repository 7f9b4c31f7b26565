/**
 * Reads the data model (custom objects, platform events, custom metadata types, custom settings and
 * their fields) from an SFDX project's source. Used by `warden model` and by anything that needs to
 * know which fields exist, how they are typed and which of them Salesforce indexes.
 */
import { basename, dirname } from 'node:path';
import { displayPath, projectSourceFiles, SfdxProject } from './project';
import { list, parseXmlFile, text } from './xml';

export type FieldModel = {
    apiName: string;
    label: string;
    type: string;
    /** e.g. Text(80), Number(18,0), Lookup(Contact), Picklist(3) */
    typeDetail: string;
    required: boolean;
    unique: boolean;
    externalId: boolean;
    referenceTo?: string;
    deleteConstraint?: string;
    picklistValues: string[];
    description: string;
    helpText: string;
    securityClassification?: string;
    complianceGroup?: string;
    file: string;
};

export type ObjectKind = 'CustomObject' | 'PlatformEvent' | 'CustomMetadataType' | 'CustomSetting';

export type ObjectModel = {
    apiName: string;
    label: string;
    kind: ObjectKind;
    description: string;
    sharingModel?: string;
    nameField?: { label: string; type: string; displayFormat?: string };
    fields: FieldModel[];
    /** Project-relative folder of the object. */
    folder: string;
};

function typeDetail(body: Record<string, unknown>, type: string): string {
    const length = text(body, 'length');
    const precision = text(body, 'precision');
    const scale = text(body, 'scale');
    switch (type) {
        case 'Text':
        case 'TextArea':
        case 'LongTextArea':
        case 'Html':
        case 'EncryptedText':
            return length ? `${type}(${length})` : type;
        case 'Number':
        case 'Currency':
        case 'Percent':
            return precision ? `${type}(${precision},${scale || '0'})` : type;
        case 'Lookup':
        case 'MasterDetail':
        case 'MetadataRelationship':
            return `${type}(${text(body, 'referenceTo')})`;
        case 'Picklist':
        case 'MultiselectPicklist':
            return `${type}(${picklistValues(body).length})`;
        default:
            return type;
    }
}

function picklistValues(body: Record<string, unknown>): string[] {
    const valueSet = body.valueSet as Record<string, unknown> | undefined;
    if (!valueSet) {
        return [];
    }
    const definition = valueSet.valueSetDefinition as Record<string, unknown> | undefined;
    if (!definition) {
        return [];
    }
    return list(definition, 'value').map((value) => text(value, 'fullName'));
}

function kindOf(apiName: string, body: Record<string, unknown>): ObjectKind {
    if (apiName.endsWith('__e')) {
        return 'PlatformEvent';
    }
    if (apiName.endsWith('__mdt')) {
        return 'CustomMetadataType';
    }
    if (text(body, 'customSettingsType')) {
        return 'CustomSetting';
    }
    return 'CustomObject';
}

/** Reads every object under `objects/` folders of all package directories. */
export function readDataModel(project: SfdxProject): ObjectModel[] {
    const files = projectSourceFiles(project);
    const objects = new Map<string, ObjectModel>();
    for (const file of files.filter((f) => f.endsWith('.object-meta.xml'))) {
        const apiName = basename(file, '.object-meta.xml');
        const { body } = parseXmlFile(file);
        const nameField = body.nameField as Record<string, unknown> | undefined;
        objects.set(apiName, {
            apiName,
            label: text(body, 'label'),
            kind: kindOf(apiName, body),
            description: text(body, 'description'),
            sharingModel: text(body, 'sharingModel') || undefined,
            nameField: nameField
                ? {
                      label: text(nameField, 'label'),
                      type: text(nameField, 'type'),
                      displayFormat: text(nameField, 'displayFormat') || undefined
                  }
                : undefined,
            fields: [],
            folder: displayPath(project.root, dirname(file))
        });
    }
    for (const file of files.filter((f) => f.endsWith('.field-meta.xml'))) {
        const objectName = basename(dirname(dirname(file)));
        const object = objects.get(objectName);
        if (!object) {
            continue;
        }
        const { body } = parseXmlFile(file);
        const type = text(body, 'type');
        object.fields.push({
            apiName: text(body, 'fullName') || basename(file, '.field-meta.xml'),
            label: text(body, 'label'),
            type,
            typeDetail: typeDetail(body, type),
            required: text(body, 'required') === 'true',
            unique: text(body, 'unique') === 'true',
            externalId: text(body, 'externalId') === 'true',
            referenceTo: text(body, 'referenceTo') || undefined,
            deleteConstraint: text(body, 'deleteConstraint') || undefined,
            picklistValues: picklistValues(body),
            description: text(body, 'description'),
            helpText: text(body, 'inlineHelpText'),
            securityClassification: text(body, 'securityClassification') || undefined,
            complianceGroup: text(body, 'complianceGroup') || undefined,
            file: displayPath(project.root, file)
        });
    }
    for (const object of objects.values()) {
        object.fields.sort((a, b) => a.apiName.localeCompare(b.apiName));
    }
    return [...objects.values()].sort((a, b) => a.apiName.localeCompare(b.apiName));
}

/**
 * Whether Salesforce maintains an index on the field without a support request: lookups and
 * master-detail relationships, external ids and unique fields.
 */
export function isIndexed(field: FieldModel): boolean {
    return field.type === 'Lookup' || field.type === 'MasterDetail' || field.externalId || field.unique;
}
