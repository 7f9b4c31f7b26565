/**
 * The readable source of the gate policy vectors (GatePolicyVectors.json): one base scenario and one row per
 * case, each a small change to the base with the decision docs/gate.md prescribes for it, written out by
 * hand. scripts/dev/generate/gate-policy-vectors.ts expands every row over both modes and four sets of
 * records that must not matter; neither twin of the policy computes an expectation here.
 */
import type { GateSnapshot } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';

/** Text as pieces: plain text, or PHI the redactor must replace (category, and how it was put in). */
export type Piece = string | { phi: string; cat: string };
export const phi = (value: string, cat: string): Piece => ({ phi: value, cat });

export type Expectation = {
    /** What Enforce decides. */
    outcome: 'Allowed' | 'Redacted' | 'Blocked';
    /** A block no mode lets through (no content could be prepared): Monitor blocks too. */
    hard?: boolean;
    reasons: string[];
    fieldsSent?: Array<[string, string]>;
    droppedFields?: string[];
    /** Sections of the content, joined by a blank line; each is pieces, field lines as [field, pieces]. */
    text?: { free?: Piece[]; lines?: Array<[string, Piece[]]>; pseudonymize?: boolean } | null;
    consent?: string;
    residency?: string;
    jurisdiction?: string;
};

export type Row = {
    id: string;
    rule: string;
    description: string;
    change: (s: GateSnapshot) => void;
    expect: Expectation;
};

export const NOW = '2026-06-01T12:00:00.000Z';
export const ENDPOINT = 'eu-private';

/** The scenario every row changes: an EU patient, an approved EU endpoint, granted consent, two fields. */
export function baseSnapshot(): GateSnapshot {
    const tag = (object: string, field: string, classification: string, category: string | null, min: string) => ({
        objectName: object,
        field,
        classification,
        phiCategory: category,
        allowedRegions: null,
        jurisdictions: null,
        minimization: min,
        requiresConsentPurpose: null
    });
    const flow = (object: string, field: string, minimization: string) => ({
        objectName: object,
        field,
        endpoint: ENDPOINT,
        purpose: 'LlmInference',
        minimization,
        status: 'Approved'
    });
    return {
        mode: 'Enforce',
        now: NOW,
        request: {
            endpointKey: ENDPOINT,
            purpose: 'LlmInference',
            fields: ['Contact.FirstName', 'Case.Subject'],
            freeText: null,
            redactionMode: 'Redact',
            objects: ['Contact', 'Case']
        },
        patient: {
            present: true,
            country: 'Germany',
            phiValues: { FirstName: 'Anna', LastName: 'Berg' },
            phiCategories: {}
        },
        values: [
            { field: 'Contact.FirstName', value: 'Anna', textArea: false },
            { field: 'Case.Subject', value: 'Rash after new medication', textArea: false },
            {
                field: 'Case.Description',
                value: 'Anna Berg reports itching, call back on 030 1234567.',
                textArea: true
            },
            { field: 'Contact.Email', value: 'anna.berg@example.org', textArea: false }
        ],
        tags: [
            tag('Contact', 'FirstName', 'PHI', 'Name', 'Redact'),
            tag('Case', 'Subject', 'Sensitive', null, 'Allow'),
            tag('Case', 'Description', 'PHI', null, 'Allow'),
            tag('Contact', 'Email', 'PII', 'Email', 'Redact')
        ],
        flows: [
            flow('Contact', 'FirstName', 'Allow'),
            flow('Case', 'Subject', 'Allow'),
            flow('Case', 'Description', 'Allow'),
            flow('Contact', 'FreeText', 'Allow')
        ],
        consents: [
            {
                source: 'PatientConsent',
                purpose: 'LlmInference',
                status: 'Granted',
                effectiveFrom: '2026-01-01T00:00:00.000Z',
                effectiveTo: null
            }
        ],
        endpoint: {
            key: ENDPOINT,
            status: 'Approved',
            jurisdiction: 'EU',
            hosting: 'SovereignLocal',
            dpaSigned: true,
            dpaExpires: '2027-01-01',
            zeroRetention: true
        },
        rules: [
            rule('EU', 'DE;FR;AT;NL;IE', 'EU;UK;CH;CA', 'SovereignLocal;PrivateCloud', true, true),
            rule('UK', 'GB', 'UK;EU;CH;CA', 'SovereignLocal;PrivateCloud;PublicCloud', true, true),
            rule('US', 'US;PR', 'US', 'SovereignLocal;PrivateCloud;PublicCloud', true, false)
        ],
        pseudonymKeyHex: null
    };
}

export function rule(
    jurisdiction: string,
    countries: string,
    allowedRegions: string,
    allowedHostings: string,
    requiresDpa: boolean,
    requiresZeroRetention: boolean
) {
    return { jurisdiction, countries, allowedRegions, allowedHostings, requiresDpa, requiresZeroRetention };
}

/** Test-only pseudonym key (never a production key). */
export const TEST_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

export const GRANTED = ['CONSENT_GRANTED:PatientConsent'];
export const OK_EU = ['RESIDENCY_OK:EU->EU'];
/** The base decision: the first name redacted (tag Redact beats flow Allow), the subject sent. */
export const BASE_FIELDS: Array<[string, string]> = [
    ['Contact.FirstName', 'Redact'],
    ['Case.Subject', 'Allow']
];
export const BASE_LINES: Array<[string, Piece[]]> = [
    ['Contact.FirstName', [phi('Anna', 'Name')]],
    ['Case.Subject', ['Rash after new medication']]
];
export const BASE: Expectation = {
    outcome: 'Redacted',
    reasons: [...GRANTED, ...OK_EU, 'PHI_REDACTED:1'],
    fieldsSent: BASE_FIELDS,
    text: { lines: BASE_LINES }
};
/** The base expectation with the policy blocking for extra reasons placed where the gate lists them. */
export function blockedBase(before: string[], afterResidency: string[] = []): Expectation {
    return {
        ...BASE,
        outcome: 'Blocked',
        reasons: [...before, ...GRANTED, ...OK_EU, ...afterResidency, 'PHI_REDACTED:1']
    };
}
export const FREE: Piece[] = [
    'Patient ',
    phi('Anna Berg', 'Name'),
    ' asks about her rash; call ',
    phi('030 1234567', 'Phone'),
    '.'
];
