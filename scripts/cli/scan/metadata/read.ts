/**
 * Reads the metadata the scanner reasons about from source-format XML and seed data: custom fields
 * (classification, encryption, relationships), permission sets, Named Credentials, Remote Site
 * Settings, Platform Encryption settings, and seed records of ResidencyTag__c and LlmEndpoint__c
 * (sfdx data-tree JSON, plain JSON arrays, or CSV). A file that does not parse is reported with its
 * line and column and otherwise ignored.
 */
import { list, parseXml, text, XmlError } from '../../lib/xml';
import { locate, positionAt } from '../../lib/position';
import type { SourceFile } from '../types';

export type Located = { file: string; line: number; column: number; snippet: string };

export type FieldMeta = Located & {
    object: string;
    field: string;
    type: string;
    securityClassification: string;
    complianceGroups: string[];
    encryptionScheme: string;
    referenceTo: string;
    relationshipName: string;
};

export type PermissionSetMeta = Located & {
    name: string;
    label: string;
    license: string;
    description: string;
    userPermissions: Array<Located & { name: string }>;
    objectPermissions: Array<Located & { object: string; viewAll: boolean; modifyAll: boolean }>;
};

export type EndpointMeta = Located & {
    kind: 'NamedCredential' | 'RemoteSiteSetting';
    name: string;
    label: string;
    description: string;
    url: string;
    /** Remote Site Settings only. */
    disableProtocolSecurity: boolean;
    isActive: boolean;
};

export type SeedRecord = Located & {
    type: 'ResidencyTag__c' | 'LlmEndpoint__c';
    values: Record<string, string>;
};

export type MetadataProblem = { file: string; line: number; column: number; message: string };

/** A Visualforce page or component and the Apex classes it binds to (controller and extensions). */
export type PageMeta = { file: string; controllers: string[] };

export type MetadataModel = {
    fields: FieldMeta[];
    permissionSets: PermissionSetMeta[];
    endpoints: EndpointMeta[];
    seeds: SeedRecord[];
    /** Lower-case API names of custom settings (objects with a customSettingsType). */
    customSettings: Set<string>;
    /** Visualforce pages and components with the classes they bind to. */
    pages: PageMeta[];
    /** Why the project counts as using Shield Platform Encryption, or null. */
    encryptionEvidence: string | null;
    problems: MetadataProblem[];
    /** Files read (XML and seed data). */
    filesRead: number;
};

export type MetadataKindOfFile =
    'field' | 'object' | 'permissionset' | 'namedCredential' | 'remoteSite' | 'settings' | 'page' | 'seed';

/** Which metadata files the scanner reads; undefined for everything else. */
export function metadataKindOf(path: string): MetadataKindOfFile | undefined {
    const lower = path.toLowerCase();
    if (lower.endsWith('.field-meta.xml')) {
        return 'field';
    }
    if (lower.endsWith('.object-meta.xml')) {
        return 'object';
    }
    if (lower.endsWith('.page') || lower.endsWith('.component')) {
        return 'page';
    }
    if (lower.endsWith('.permissionset-meta.xml')) {
        return 'permissionset';
    }
    if (lower.endsWith('.namedcredential-meta.xml')) {
        return 'namedCredential';
    }
    if (lower.endsWith('.remotesite-meta.xml')) {
        return 'remoteSite';
    }
    if (lower.endsWith('platformencryption.settings-meta.xml')) {
        return 'settings';
    }
    if (lower.endsWith('.json') || lower.endsWith('.csv')) {
        return 'seed';
    }
    return undefined;
}

function baseName(path: string, suffix: string): string {
    const name = path.split('/').pop() ?? path;
    return name.slice(0, name.length - suffix.length);
}

function at(file: SourceFile, needle: string | undefined, from = 0): Located {
    const position = (needle ? locate(file.content, needle, from) : undefined) ?? { line: 1, column: 1 };
    const lineText = file.content.split('\n')[position.line - 1] ?? '';
    return { file: file.path, line: position.line, column: position.column, snippet: lineText.trim() };
}

function parse(file: SourceFile, problems: MetadataProblem[]): Record<string, unknown> | null {
    try {
        return parseXml(file.content).body;
    } catch (error) {
        problems.push(problemOf(file, error));
        return null;
    }
}

/**
 * Whatever a file's XML makes the parser or the readers throw becomes a problem of that file, so that one
 * hostile file (fast-xml-parser refuses elements nested deeper than it allows with a plain Error) cannot
 * end the scan. Anything but an Error is a bug of ours and is thrown on.
 */
function problemOf(file: SourceFile, error: unknown): MetadataProblem {
    if (error instanceof XmlError) {
        return { file: file.path, line: error.line, column: error.column, message: error.message };
    }
    if (!(error instanceof Error)) {
        throw error;
    }
    const message = /maximum nested tags/i.test(error.message)
        ? 'the XML nests elements deeper than the parser allows'
        : `the XML could not be read (${error.message})`;
    return { file: file.path, line: 1, column: 1, message };
}

/** The classes a Visualforce page or component binds: `controller="X"` and `extensions="A, B"`. */
function readPage(file: SourceFile): PageMeta {
    const controllers: string[] = [];
    const tag = /<apex:(?:page|component)\b[^>]*>/i.exec(file.content);
    if (tag) {
        for (const match of tag[0].matchAll(/\b(controller|extensions)\s*=\s*["']([^"']*)["']/gi)) {
            controllers.push(
                ...match[2]
                    .split(',')
                    .map((name) => name.trim())
                    .filter(Boolean)
            );
        }
    }
    return { file: file.path, controllers };
}

function readField(file: SourceFile, body: Record<string, unknown>): FieldMeta {
    const segments = file.path.split('/');
    // objects/<Object>/fields/<Field>.field-meta.xml
    const object = segments.length >= 3 ? segments[segments.length - 3] : '';
    const field = text(body, 'fullName') || baseName(file.path, '.field-meta.xml');
    const classification = text(body, 'securityClassification');
    return {
        ...at(file, classification ? '<securityClassification>' : '<fullName>'),
        object,
        field,
        type: text(body, 'type'),
        securityClassification: classification,
        complianceGroups: text(body, 'complianceGroup')
            .split(';')
            .map((g) => g.trim())
            .filter(Boolean),
        encryptionScheme: text(body, 'encryptionScheme'),
        referenceTo: text(body, 'referenceTo'),
        relationshipName: text(body, 'relationshipName')
    };
}

function readPermissionSet(file: SourceFile, body: Record<string, unknown>): PermissionSetMeta {
    const userPermissions: PermissionSetMeta['userPermissions'] = [];
    let cursor = 0;
    for (const permission of list(body, 'userPermissions')) {
        const name = text(permission, 'name');
        const located = at(file, `<name>${name}</name>`, cursor);
        cursor = Math.max(cursor, file.content.indexOf(`<name>${name}</name>`, cursor) + 1);
        if (text(permission, 'enabled') === 'true') {
            userPermissions.push({ ...located, name });
        }
    }
    const objectPermissions: PermissionSetMeta['objectPermissions'] = [];
    for (const permission of list(body, 'objectPermissions')) {
        const object = text(permission, 'object');
        objectPermissions.push({
            ...at(file, `<object>${object}</object>`),
            object,
            viewAll: text(permission, 'viewAllRecords') === 'true',
            modifyAll: text(permission, 'modifyAllRecords') === 'true'
        });
    }
    return {
        ...at(file, '<label>'),
        name: baseName(file.path, '.permissionset-meta.xml'),
        label: text(body, 'label'),
        license: text(body, 'license'),
        description: text(body, 'description'),
        userPermissions,
        objectPermissions
    };
}

function readNamedCredential(file: SourceFile, body: Record<string, unknown>): EndpointMeta {
    let url = text(body, 'endpoint');
    let needle = url ? '<endpoint>' : undefined;
    if (!url) {
        for (const parameter of list(body, 'namedCredentialParameters')) {
            if (text(parameter, 'parameterType') === 'Url') {
                url = text(parameter, 'parameterValue');
                needle = '<parameterValue>';
                break;
            }
        }
    }
    return {
        ...at(file, needle ?? '<label>'),
        kind: 'NamedCredential',
        name: baseName(file.path, '.namedCredential-meta.xml'),
        label: text(body, 'label'),
        description: text(body, 'description'),
        url,
        disableProtocolSecurity: false,
        isActive: true
    };
}

function readRemoteSite(file: SourceFile, body: Record<string, unknown>): EndpointMeta {
    return {
        ...at(file, '<url>'),
        kind: 'RemoteSiteSetting',
        name: baseName(file.path, '.remoteSite-meta.xml'),
        label: '',
        description: text(body, 'description'),
        url: text(body, 'url'),
        disableProtocolSecurity: text(body, 'disableProtocolSecurity') === 'true',
        isActive: text(body, 'isActive') !== 'false'
    };
}

const SEED_TYPES = ['ResidencyTag__c', 'LlmEndpoint__c'] as const;

function seedTypeOf(record: Record<string, unknown>, fallback: string | undefined): string | undefined {
    const attributes = record.attributes as { type?: unknown } | undefined;
    const type = attributes && typeof attributes.type === 'string' ? attributes.type : fallback;
    return type?.replace(/^[A-Za-z0-9]+__(?=[A-Za-z0-9]+__c$)/, '');
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
        if (key === 'attributes' || value === null || typeof value === 'object') {
            continue;
        }
        values[key.replace(/^[A-Za-z0-9]+__(?=[A-Za-z0-9]+__c$)/, '')] = String(value);
    }
    return values;
}

function seedLocation(file: SourceFile, values: Record<string, string>, from: number): Located {
    const key = values.TagKey__c ?? values.EndpointKey__c ?? values.Name ?? values.NamedCredential__c;
    return at(file, key ? JSON.stringify(key) : undefined, from);
}

function readJsonSeed(file: SourceFile, problems: MetadataProblem[], out: SeedRecord[]): void {
    let json: unknown;
    try {
        json = JSON.parse(file.content);
    } catch (error) {
        const match = /position (\d+)/.exec((error as Error).message);
        const position = match ? positionAt(file.content, Number(match[1])) : { line: 1, column: 1 };
        problems.push({ ...position, file: file.path, message: `invalid JSON: ${(error as Error).message}` });
        return;
    }
    const batches: Array<{ records: unknown[]; type?: string }> = [];
    if (Array.isArray(json)) {
        batches.push({ records: json });
    } else if (json && typeof json === 'object') {
        const object = json as Record<string, unknown>;
        if (Array.isArray(object.records)) {
            batches.push({ records: object.records });
        }
        for (const type of SEED_TYPES) {
            if (Array.isArray(object[type])) {
                batches.push({ records: object[type] as unknown[], type });
            }
        }
    }
    for (const batch of batches) {
        for (const record of batch.records) {
            if (!record || typeof record !== 'object') {
                continue;
            }
            const type = seedTypeOf(record as Record<string, unknown>, batch.type);
            if (type !== 'ResidencyTag__c' && type !== 'LlmEndpoint__c') {
                continue;
            }
            const values = stringValues(record as Record<string, unknown>);
            out.push({ ...seedLocation(file, values, 0), type, values });
        }
    }
}

/** Splits one CSV line, honouring double-quoted cells with doubled quotes inside. */
export function splitCsvLine(line: string): string[] {
    const cells: string[] = [];
    let current = '';
    let quoted = false;
    for (let index = 0; index < line.length; index += 1) {
        const char = line[index];
        if (quoted) {
            if (char === '"' && line[index + 1] === '"') {
                current += '"';
                index += 1;
            } else if (char === '"') {
                quoted = false;
            } else {
                current += char;
            }
        } else if (char === '"') {
            quoted = true;
        } else if (char === ',') {
            cells.push(current);
            current = '';
        } else {
            current += char;
        }
    }
    cells.push(current);
    return cells.map((cell) => cell.trim());
}

function readCsvSeed(file: SourceFile, out: SeedRecord[]): void {
    const name = file.path.split('/').pop() ?? '';
    const type = SEED_TYPES.find((t) => name.includes(t));
    if (!type) {
        return;
    }
    const lines = file.content.split(/\r?\n/);
    const header = splitCsvLine(lines[0] ?? '').map((h) => h.replace(/^[A-Za-z0-9]+__(?=[A-Za-z0-9]+__c$)/, ''));
    for (let index = 1; index < lines.length; index += 1) {
        if (!lines[index].trim()) {
            continue;
        }
        const cells = splitCsvLine(lines[index]);
        const values: Record<string, string> = {};
        header.forEach((column, i) => {
            if (cells[i] !== undefined && cells[i] !== '') {
                values[column] = cells[i];
            }
        });
        out.push({ file: file.path, line: index + 1, column: 1, snippet: lines[index].trim(), type, values });
    }
}

/** True when a JSON or CSV file may hold seed records the scanner reads (a cheap text test). */
export function mayHoldSeedData(file: SourceFile): boolean {
    return SEED_TYPES.some((type) => file.path.includes(type) || file.content.includes(type));
}

export function readMetadata(files: SourceFile[]): MetadataModel {
    const model: MetadataModel = {
        fields: [],
        permissionSets: [],
        endpoints: [],
        seeds: [],
        customSettings: new Set(),
        pages: [],
        encryptionEvidence: null,
        problems: [],
        filesRead: 0
    };
    for (const file of files) {
        const kind = metadataKindOf(file.path);
        if (!kind) {
            continue;
        }
        if (kind === 'seed') {
            if (!mayHoldSeedData(file)) {
                continue;
            }
            model.filesRead += 1;
            if (file.path.toLowerCase().endsWith('.csv')) {
                readCsvSeed(file, model.seeds);
            } else {
                readJsonSeed(file, model.problems, model.seeds);
            }
            continue;
        }
        model.filesRead += 1;
        if (kind === 'page') {
            model.pages.push(readPage(file));
            continue;
        }
        const body = parse(file, model.problems);
        if (!body) {
            continue;
        }
        try {
            readXmlMetadata(model, kind, file, body);
        } catch (error) {
            model.problems.push(problemOf(file, error));
        }
    }
    if (!model.encryptionEvidence) {
        const encrypted = model.fields.find((f) => f.encryptionScheme && f.encryptionScheme !== 'None');
        if (encrypted) {
            model.encryptionEvidence = `${encrypted.object}.${encrypted.field} uses ${encrypted.encryptionScheme}`;
        }
    }
    return model;
}

function readXmlMetadata(
    model: MetadataModel,
    kind: MetadataKindOfFile,
    file: SourceFile,
    body: Record<string, unknown>
): void {
    if (kind === 'object') {
        if (text(body, 'customSettingsType')) {
            model.customSettings.add(baseName(file.path, '.object-meta.xml').toLowerCase());
        }
    } else if (kind === 'field') {
        model.fields.push(readField(file, body));
    } else if (kind === 'permissionset') {
        model.permissionSets.push(readPermissionSet(file, body));
    } else if (kind === 'namedCredential') {
        model.endpoints.push(readNamedCredential(file, body));
    } else if (kind === 'remoteSite') {
        model.endpoints.push(readRemoteSite(file, body));
    } else if (kind === 'settings') {
        model.encryptionEvidence = model.encryptionEvidence ?? `${file.path} (Platform Encryption settings)`;
    }
}
