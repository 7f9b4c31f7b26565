/**
 * The rows of the gate policy table: each documented rule of docs/gate.md with at least three cases, the ones
 * that must block among them. A row names its rule, says in words what it checks, changes the base scenario
 * of gate-policy-table.ts and states the decision by hand.
 */
import type { ConsentRecord, FieldTag, GateSnapshot } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import {
    BASE,
    BASE_FIELDS,
    BASE_LINES,
    blockedBase,
    FREE,
    GRANTED,
    OK_EU,
    phi,
    rule,
    TEST_KEY,
    type Expectation,
    type Row
} from './gate-policy-table';

const consent = (
    source: ConsentRecord['source'],
    status: string,
    from: string | null,
    to: string | null,
    purpose = 'LlmInference'
): ConsentRecord => ({ source, purpose, status, effectiveFrom: from, effectiveTo: to });
const setConsents =
    (...records: ConsentRecord[]) =>
    (s: GateSnapshot) => {
        s.consents = records;
    };
const PAST = '2025-01-01T00:00:00.000Z';
const ENDED = '2026-05-31T00:00:00.000Z';
const LATER = '2026-07-01T00:00:00.000Z';
const tagOf = (s: GateSnapshot, field: string): FieldTag =>
    s.tags.find((t) => `${t.objectName}.${t.field}` === field) as FieldTag;
const withFree = (s: GateSnapshot) => {
    s.request.freeText = 'Patient Anna Berg asks about her rash; call 030 1234567.';
};
const freeBase = (before: string[] = [], blocked = false, after: string[] = []): Expectation => ({
    outcome: blocked ? 'Blocked' : 'Redacted',
    reasons: [...before, ...GRANTED, ...OK_EU, ...after, 'PHI_REDACTED:3'],
    fieldsSent: BASE_FIELDS,
    text: { free: FREE, lines: BASE_LINES }
});
const consentBlock = (reasons: string[], status: string): Expectation => ({
    ...BASE,
    outcome: status === 'Granted' ? 'Redacted' : 'Blocked',
    reasons: [...reasons, ...OK_EU, 'PHI_REDACTED:1'],
    consent: status
});
const residencyBlock = (reasons: string[], jurisdiction = 'EU'): Expectation => ({
    ...BASE,
    outcome: 'Blocked',
    reasons: [...GRANTED, ...reasons, 'PHI_REDACTED:1'],
    residency: 'Blocked',
    jurisdiction
});
// A hard block before the checks ran leaves consent and residency NotChecked (c/gateResults' NOT_CHECKED); one after
// them (a missing key) keeps the answers they gave.
const hard = (reasons: string[], consentStatus = 'NotChecked'): Expectation => ({
    outcome: 'Blocked',
    hard: true,
    reasons,
    fieldsSent: [],
    text: null,
    consent: consentStatus,
    residency: consentStatus === 'NotChecked' ? 'NotChecked' : 'Allowed',
    jurisdiction: consentStatus === 'NotChecked' ? 'UNKNOWN' : 'EU'
});

const requestRows: Row[] = [
    { id: 'base', rule: 'allowed', description: 'the base scenario', change: () => {}, expect: BASE },
    {
        id: 'subject-only',
        rule: 'allowed',
        description: 'one field sent as it is: Allowed, nothing redacted',
        change: (s) => {
            s.request.fields = ['Case.Subject'];
        },
        expect: {
            outcome: 'Allowed',
            reasons: [...GRANTED, ...OK_EU],
            fieldsSent: [['Case.Subject', 'Allow']],
            text: { lines: [['Case.Subject', ['Rash after new medication']]] }
        }
    },
    {
        id: 'text-area',
        rule: 'allowed',
        description: 'a text area under Allow is redacted like free text',
        change: (s) => {
            s.request.fields = ['Case.Description'];
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_REDACTED:2'],
            fieldsSent: [['Case.Description', 'Allow']],
            text: {
                lines: [
                    [
                        'Case.Description',
                        [phi('Anna Berg', 'Name'), ' reports itching, call back on ', phi('030 1234567', 'Phone'), '.']
                    ]
                ]
            }
        }
    },
    {
        id: 'purpose-blank',
        rule: 'invalid-request',
        description: 'no purpose: blocked in every mode',
        change: (s) => {
            s.request.purpose = ' ';
        },
        expect: hard(['INVALID_REQUEST:PURPOSE'])
    },
    {
        id: 'endpoint-blank',
        rule: 'invalid-request',
        description: 'no endpoint key',
        change: (s) => {
            s.request.endpointKey = null;
        },
        expect: hard(['INVALID_REQUEST:ENDPOINT'])
    },
    {
        id: 'redaction-mode',
        rule: 'invalid-request',
        description: 'an unknown redaction mode',
        change: (s) => {
            s.request.redactionMode = 'Hide';
        },
        expect: hard(['INVALID_REQUEST:REDACTION_MODE'])
    },
    {
        id: 'nothing',
        rule: 'invalid-request',
        description: 'neither fields nor free text',
        change: (s) => {
            s.request.fields = [];
            s.request.freeText = '  ';
        },
        expect: hard(['INVALID_REQUEST:NOTHING_TO_SEND'])
    },
    {
        id: 'no-endpoint',
        rule: 'endpoint-unknown',
        description: 'no endpoint registered under the key',
        change: (s) => {
            s.endpoint = null;
        },
        expect: hard(['ENDPOINT_UNKNOWN'])
    },
    {
        id: 'other-endpoint',
        rule: 'endpoint-unknown',
        description: 'the snapshot holds another endpoint than the one asked for',
        change: (s) => {
            if (s.endpoint) s.endpoint.key = 'eu-private-2';
        },
        expect: hard(['ENDPOINT_UNKNOWN'])
    },
    {
        id: 'key-case',
        rule: 'endpoint-unknown',
        description: 'endpoint keys are compared exactly',
        change: (s) => {
            s.request.endpointKey = 'EU-PRIVATE';
        },
        expect: hard(['ENDPOINT_UNKNOWN'])
    }
];

const endpointRows: Row[] = ['Suspended', 'Proposed', 'approved'].map((status) => ({
    id: `endpoint-${status.toLowerCase()}`,
    rule: 'endpoint-not-approved',
    description: `endpoint status ${status}: only Approved, exactly, lets a call through`,
    change: (s: GateSnapshot) => {
        if (s.endpoint) s.endpoint.status = status;
    },
    expect: blockedBase(['ENDPOINT_NOT_APPROVED'])
}));

const consentRows: Row[] = [
    {
        id: 'consent-none',
        rule: 'consent',
        description: 'no consent record anywhere: Missing',
        change: setConsents(),
        expect: consentBlock(['CONSENT_MISSING'], 'Missing')
    },
    {
        id: 'consent-denied',
        rule: 'consent',
        description: 'a Denied PatientConsent',
        change: setConsents(consent('PatientConsent', 'Denied', PAST, null)),
        expect: consentBlock(['CONSENT_DENIED:PatientConsent'], 'Denied')
    },
    {
        id: 'consent-withdrawn',
        rule: 'consent',
        description: 'a Withdrawn consent in force overrides an older grant',
        change: setConsents(
            consent('PatientConsent', 'Granted', PAST, null),
            consent('PatientConsent', 'Withdrawn', '2026-03-01T00:00:00.000Z', null)
        ),
        expect: consentBlock(['CONSENT_WITHDRAWN:PatientConsent'], 'Withdrawn')
    },
    {
        id: 'consent-expired',
        rule: 'consent-window',
        description: 'a grant that ended before now is Expired',
        change: setConsents(consent('PatientConsent', 'Granted', PAST, ENDED)),
        expect: consentBlock(['CONSENT_EXPIRED:PatientConsent'], 'Expired')
    },
    {
        id: 'consent-future',
        rule: 'consent-window',
        description: 'a grant that starts after now is not in force: Missing',
        change: setConsents(consent('PatientConsent', 'Granted', LATER, null)),
        expect: consentBlock(['CONSENT_MISSING:PatientConsent'], 'Missing')
    },
    {
        id: 'consent-denial-ended',
        rule: 'consent-window',
        description: 'a denial that ended does not count; the grant in force decides',
        change: setConsents(
            consent('PatientConsent', 'Denied', PAST, ENDED),
            consent('PatientConsent', 'Granted', ENDED, null)
        ),
        expect: consentBlock(GRANTED, 'Granted')
    },
    {
        id: 'consent-other-purpose',
        rule: 'consent',
        description: 'a grant for another purpose does not count',
        change: setConsents(consent('PatientConsent', 'Granted', PAST, null, 'Analytics')),
        expect: consentBlock(['CONSENT_MISSING'], 'Missing')
    },
    {
        id: 'point-optin',
        rule: 'consent-sources',
        description: 'ContactPointTypeConsent OptIn beside a grant: both Granted',
        change: (s) => s.consents.push(consent('ContactPointTypeConsent', 'OptIn', PAST, null)),
        expect: consentBlock([...GRANTED, 'CONSENT_GRANTED:ContactPointTypeConsent'], 'Granted')
    },
    {
        id: 'point-optout',
        rule: 'consent-sources',
        description: 'an OptOut in any source denies: least permissive over sources',
        change: (s) => s.consents.push(consent('ContactPointTypeConsent', 'OptOut', PAST, null)),
        expect: consentBlock([...GRANTED, 'CONSENT_DENIED:ContactPointTypeConsent'], 'Denied')
    },
    {
        id: 'point-ended',
        rule: 'consent-window',
        description: 'an OptIn whose window ended is Expired',
        change: (s) => s.consents.push(consent('ContactPointTypeConsent', 'OptIn', PAST, ENDED)),
        expect: consentBlock([...GRANTED, 'CONSENT_EXPIRED:ContactPointTypeConsent'], 'Expired')
    },
    {
        id: 'form-signed',
        rule: 'consent-sources',
        description: 'a Signed AuthorizationFormConsent in force is a grant on its own',
        change: setConsents(consent('AuthorizationFormConsent', 'Signed', PAST, null)),
        expect: consentBlock(['CONSENT_GRANTED:AuthorizationFormConsent'], 'Granted')
    },
    {
        id: 'form-expired',
        rule: 'consent-window',
        description: 'a Signed form whose window ended is Expired (form dates count)',
        change: (s) => s.consents.push(consent('AuthorizationFormConsent', 'Signed', PAST, ENDED)),
        expect: consentBlock([...GRANTED, 'CONSENT_EXPIRED:AuthorizationFormConsent'], 'Expired')
    },
    {
        id: 'form-unsigned',
        rule: 'consent-sources',
        description: 'an unsigned form is no answer: Missing wins over Granted',
        change: (s) => s.consents.push(consent('AuthorizationFormConsent', 'Draft', PAST, null)),
        expect: consentBlock([...GRANTED, 'CONSENT_MISSING:AuthorizationFormConsent'], 'Missing')
    },
    {
        id: 'no-subject',
        rule: 'no-subject',
        description: 'no patient: nothing to check consent against',
        change: (s) => {
            s.patient.present = false;
        },
        expect: {
            ...BASE,
            outcome: 'Blocked',
            reasons: ['CONSENT_NO_SUBJECT', 'RESIDENCY_UNKNOWN_JURISDICTION', 'PHI_REDACTED:1'],
            consent: 'Missing',
            residency: 'Blocked',
            jurisdiction: 'UNKNOWN'
        }
    },
    {
        id: 'no-subject-consents',
        rule: 'no-subject',
        description: 'no patient, whatever consent records the snapshot holds',
        change: (s) => {
            s.patient.present = false;
            s.request.fields = ['Case.Subject'];
        },
        expect: {
            outcome: 'Blocked',
            reasons: ['CONSENT_NO_SUBJECT', 'RESIDENCY_UNKNOWN_JURISDICTION'],
            fieldsSent: [['Case.Subject', 'Allow']],
            text: { lines: [['Case.Subject', ['Rash after new medication']]] },
            consent: 'Missing',
            residency: 'Blocked',
            jurisdiction: 'UNKNOWN'
        }
    },
    {
        id: 'no-subject-text',
        rule: 'no-subject',
        description: 'no patient, free text: still redacted',
        change: (s) => {
            s.patient.present = false;
            s.request.fields = [];
            s.request.freeText = 'Call 030 1234567 today.';
        },
        expect: {
            outcome: 'Blocked',
            reasons: ['CONSENT_NO_SUBJECT', 'RESIDENCY_UNKNOWN_JURISDICTION', 'PHI_REDACTED:1'],
            fieldsSent: [],
            text: { free: ['Call ', phi('030 1234567', 'Phone'), ' today.'] },
            consent: 'Missing',
            residency: 'Blocked',
            jurisdiction: 'UNKNOWN'
        }
    }
];

const residencyRows: Row[] = [
    ...[null, 'Atlantis', '  '].map((country, i) => ({
        id: `country-unknown-${i + 1}`,
        rule: 'residency-unknown',
        description: `country ${JSON.stringify(country)} resolves to no jurisdiction`,
        change: (s: GateSnapshot) => {
            s.patient.country = country;
        },
        expect: residencyBlock(['RESIDENCY_UNKNOWN_JURISDICTION'], 'UNKNOWN')
    })),
    ...['DE', ' de ', 'EU', 'france'].map((country, i) => ({
        id: `country-eu-${i + 1}`,
        rule: 'residency',
        description: `country ${JSON.stringify(country)} resolves to EU`,
        change: (s: GateSnapshot) => {
            s.patient.country = country;
        },
        expect: BASE
    })),
    ...['United States', 'USA', 'pr'].map((country, i) => ({
        id: `country-us-${i + 1}`,
        rule: 'residency',
        description: `a US patient (${country}) may not go to an EU endpoint`,
        change: (s: GateSnapshot) => {
            s.patient.country = country;
        },
        expect: residencyBlock(['RESIDENCY_REGION_NOT_ALLOWED:US->EU'], 'US')
    })),
    {
        id: 'country-uk',
        rule: 'residency',
        description: 'a UK patient may go to an EU endpoint under the UK rule',
        change: (s) => {
            s.patient.country = 'England';
        },
        expect: { ...BASE, reasons: [...GRANTED, 'RESIDENCY_OK:UK->EU', 'PHI_REDACTED:1'], jurisdiction: 'UK' }
    },
    {
        id: 'hosting',
        rule: 'residency',
        description: 'public cloud hosting is not allowed by the EU rule',
        change: (s) => {
            if (s.endpoint) s.endpoint.hosting = 'PublicCloud';
        },
        expect: residencyBlock(['RESIDENCY_HOSTING_NOT_ALLOWED:PublicCloud'])
    },
    {
        id: 'dpa-missing',
        rule: 'residency',
        description: 'the EU rule requires a signed DPA',
        change: (s) => {
            if (s.endpoint) s.endpoint.dpaSigned = false;
        },
        expect: residencyBlock(['RESIDENCY_DPA_MISSING'])
    },
    {
        id: 'dpa-expired',
        rule: 'residency',
        description: 'a DPA that expired yesterday blocks',
        change: (s) => {
            if (s.endpoint) s.endpoint.dpaExpires = '2026-05-31';
        },
        expect: residencyBlock(['RESIDENCY_DPA_EXPIRED'])
    },
    {
        id: 'dpa-today',
        rule: 'residency',
        description: 'a DPA that expires today is still in force',
        change: (s) => {
            if (s.endpoint) s.endpoint.dpaExpires = '2026-06-01';
        },
        expect: BASE
    },
    {
        id: 'retention',
        rule: 'residency',
        description: 'the EU rule requires zero retention; blank endpoint jurisdiction is unknown',
        change: (s) => {
            if (s.endpoint) {
                s.endpoint.zeroRetention = false;
                s.endpoint.jurisdiction = null;
            }
        },
        expect: residencyBlock(['RESIDENCY_REGION_NOT_ALLOWED:EU->UNKNOWN', 'RESIDENCY_ZERO_RETENTION_REQUIRED'])
    },
    {
        id: 'tag-jurisdiction-us',
        rule: 'tag-jurisdiction',
        description: "a sent field's tag names US: the US rule must allow the endpoint too",
        change: (s) => {
            tagOf(s, 'Case.Subject').jurisdictions = 'US';
        },
        expect: residencyBlock(['RESIDENCY_OK:EU->EU', 'RESIDENCY_REGION_NOT_ALLOWED:US->EU'])
    },
    {
        id: 'tag-jurisdiction-uk',
        rule: 'tag-jurisdiction',
        description: 'tag jurisdictions EU;UK both allow the endpoint',
        change: (s) => {
            tagOf(s, 'Case.Subject').jurisdictions = 'EU; UK';
        },
        expect: { ...BASE, reasons: [...GRANTED, ...OK_EU, 'RESIDENCY_OK:UK->EU', 'PHI_REDACTED:1'] }
    },
    {
        id: 'tag-jurisdiction-norule',
        rule: 'tag-jurisdiction',
        description: 'a tag jurisdiction without a rule blocks',
        change: (s) => {
            tagOf(s, 'Contact.FirstName').jurisdictions = 'BR';
        },
        expect: residencyBlock(['RESIDENCY_OK:EU->EU', 'RESIDENCY_NO_RULE:BR'])
    },
    {
        id: 'tag-jurisdiction-dropped',
        rule: 'tag-jurisdiction',
        description: 'the tag of a field that is not sent does not count',
        change: (s) => {
            tagOf(s, 'Case.Description').jurisdictions = 'US';
        },
        expect: BASE
    },
    {
        id: 'tag-region-uk',
        rule: 'tag-region',
        description: "a tag's allowed regions narrow the endpoint choice: UK only",
        change: (s) => {
            tagOf(s, 'Contact.FirstName').allowedRegions = 'UK';
        },
        expect: residencyBlock(['RESIDENCY_OK:EU->EU', 'RESIDENCY_TAG_REGION_NOT_ALLOWED:Contact.FirstName->EU'])
    },
    {
        id: 'tag-region-us',
        rule: 'tag-region',
        description: 'allowed regions US on the subject',
        change: (s) => {
            tagOf(s, 'Case.Subject').allowedRegions = 'US;CA';
        },
        expect: residencyBlock(['RESIDENCY_OK:EU->EU', 'RESIDENCY_TAG_REGION_NOT_ALLOWED:Case.Subject->EU'])
    },
    {
        id: 'tag-region-ok',
        rule: 'tag-region',
        description: 'allowed regions listing the endpoint (any case, commas) let it through',
        change: (s) => {
            tagOf(s, 'Contact.FirstName').allowedRegions = 'uk, eu';
        },
        expect: BASE
    },
    {
        id: 'tag-region-wider',
        rule: 'tag-region',
        description: 'a tag cannot widen the rule: EU rule still refuses a US endpoint',
        change: (s) => {
            tagOf(s, 'Contact.FirstName').allowedRegions = 'US;EU';
            if (s.endpoint) s.endpoint.jurisdiction = 'US';
        },
        expect: residencyBlock(['RESIDENCY_REGION_NOT_ALLOWED:EU->US'])
    }
];

export const ROWS_PART_ONE: Row[] = [...requestRows, ...endpointRows, ...consentRows, ...residencyRows];
export { withFree, freeBase, tagOf, consent, hard, PAST, ENDED, TEST_KEY, rule };
