/**
 * Metadata XML parsing shared by the checks, the model printer and the scanner. Parses with
 * fast-xml-parser after validating, so a malformed file yields a message with line and column.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export type XmlDocument = {
    /** Name of the root element, e.g. CustomField. */
    root: string;
    /** The root element's content; repeated elements are arrays only where listed in ALWAYS_ARRAY. */
    body: Record<string, unknown>;
    /** The xmlns attribute of the root element, if any. */
    namespace?: string;
};

export class XmlError extends Error {
    constructor(
        message: string,
        readonly line: number,
        readonly column: number
    ) {
        super(message);
    }
}

/** Elements that may repeat in the metadata types we read; always parsed as arrays. */
const ALWAYS_ARRAY = new Set([
    'fields',
    'values',
    'value',
    'objectPermissions',
    'fieldPermissions',
    'userPermissions',
    'tabSettings',
    'classAccesses',
    'pageAccesses',
    'customMetadataTypeAccesses',
    'customSettingAccesses',
    'applicationVisibilities',
    'recordTypeVisibilities',
    'tabs',
    'layoutSections',
    'layoutColumns',
    'layoutItems',
    'relatedLists',
    'listViews',
    'filters',
    'columns',
    'profileActionOverrides',
    'actionOverrides',
    'indexes',
    'validationRules',
    'platformEventChannelMembers'
]);

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ALWAYS_ARRAY.has(name)
});

export function parseXml(text: string): XmlDocument {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        throw new XmlError(valid.err.msg, valid.err.line, valid.err.col);
    }
    const parsed = parser.parse(text) as Record<string, unknown>;
    const roots = Object.keys(parsed).filter((key) => key !== '?xml');
    if (roots.length !== 1) {
        throw new XmlError(`expected exactly one root element, found ${roots.length}`, 1, 1);
    }
    const root = roots[0];
    const value = parsed[root];
    const body = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    const namespace = typeof body['@_xmlns'] === 'string' ? (body['@_xmlns'] as string) : undefined;
    return { root, body, namespace };
}

/** Reads a child element as a string ('' when absent). */
export function text(body: Record<string, unknown>, key: string): string {
    const value = body[key];
    if (value === undefined || value === null) {
        return '';
    }
    if (typeof value === 'object') {
        const inner = (value as Record<string, unknown>)['#text'];
        return inner === undefined ? '' : String(inner);
    }
    return String(value);
}

/** Reads a repeated child element as an array of objects. */
export function list(body: Record<string, unknown>, key: string): Record<string, unknown>[] {
    const value = body[key];
    if (value === undefined || value === null || value === '') {
        return [];
    }
    const array = Array.isArray(value) ? value : [value];
    return array.map((item) =>
        item && typeof item === 'object' ? (item as Record<string, unknown>) : { '#text': item }
    );
}

/** Reads and parses an XML file; a parse error names the file, line and column. */
export function parseXmlFile(file: string): XmlDocument {
    const content = readFileSync(file, 'utf8');
    try {
        return parseXml(content);
    } catch (error) {
        if (error instanceof XmlError) {
            throw new XmlError(`${file}:${error.line}:${error.column}: ${error.message}`, error.line, error.column);
        }
        throw error;
    }
}
