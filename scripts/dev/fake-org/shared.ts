/**
 * What the fake org's server (server.ts) and its API modules (rest-api.ts, metadata-api.ts) share: the
 * SOAP envelope and XML of Salesforce's answers, parsing of SOAP requests, and the constants both sides
 * need.
 */
import { XMLParser } from 'fast-xml-parser';

/** Salesforce's exact text for a Metadata API call by a user without the permission. */
export const METADATA_ACCESS_MESSAGE =
    'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions';

/** Metadata types that only Shield (or Event Monitoring) orgs accept. */
export const SHIELD_TYPES = new Set(['RealTimeEventSettings', 'TransactionSecurityPolicy']);

export function xmlEscape(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serialises a JS value as SOAP XML: arrays repeat the element, null is xsi:nil, '@type' is xsi:type. */
export function toXml(name: string, value: unknown): string {
    if (value === null || value === undefined) {
        return `<${name} xsi:nil="true"/>`;
    }
    if (Array.isArray(value)) {
        return value.map((item) => toXml(name, item)).join('');
    }
    if (typeof value === 'object') {
        const record = value as Record<string, unknown>;
        const type = typeof record['@type'] === 'string' ? ` xsi:type="${record['@type']}"` : '';
        const inner = Object.entries(record)
            .filter(([key, item]) => key !== '@type' && item !== undefined)
            .map(([key, item]) => toXml(key, item))
            .join('');
        return `<${name}${type}>${inner}</${name}>`;
    }
    return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function envelope(namespace: string, body: string): string {
    return (
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${namespace}" ` +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
    );
}

export function asArray<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
}

export const soapParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true
});

/** Strips parser attributes (@_…) and turns xsi:nil into null, recursively. */
export function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (record['@_nil'] === 'true') return null;
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(record)) {
            if (key === '@_type') out['@type'] = item;
            else if (!key.startsWith('@_')) out[key] = clean(item);
        }
        return out;
    }
    return value;
}
