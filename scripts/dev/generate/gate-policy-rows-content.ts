/**
 * The rows of the gate policy table about what is sent: minimisation (the stricter of flow and tag), the
 * tag's required consent purpose, free text under a FreeText flow, untagged fields, dropped fields and
 * pseudonymisation keys. Written by hand like gate-policy-rows.ts.
 */
import type { GateSnapshot } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { consent, ENDED, freeBase, hard, PAST, tagOf, TEST_KEY, withFree } from './gate-policy-rows';
import { BASE, BASE_LINES, FREE, GRANTED, OK_EU, phi, type Expectation, type Row } from './gate-policy-table';

const flowOf = (s: GateSnapshot, field: string) => s.flows.find((f) => `${f.objectName}.${f.field}` === field);
const SUBJECT: [string, string[]] = ['Case.Subject', ['Rash after new medication']];
/** Only the first name sent; a Pseudonymize value becomes a token (counted as redacted: the request says Redact). */
const firstName = (minimization: string, redacted: boolean): Expectation => ({
    outcome: redacted ? 'Redacted' : 'Allowed',
    reasons: [...GRANTED, ...OK_EU, ...(redacted ? ['PHI_REDACTED:1'] : [])],
    fieldsSent: [['Contact.FirstName', minimization]],
    text: {
        lines: [['Contact.FirstName', redacted ? [phi('Anna', 'Name')] : ['Anna']]],
        pseudonymize: minimization === 'Pseudonymize'
    }
});
const only = (field: string) => (s: GateSnapshot) => {
    s.request.fields = [field];
};

const minimizationRows: Row[] = [
    {
        id: 'min-tag-redact',
        rule: 'minimization',
        description: 'flow Allow, tag Redact: Redact (the base)',
        change: only('Contact.FirstName'),
        expect: firstName('Redact', true)
    },
    {
        id: 'min-flow-redact',
        rule: 'minimization',
        description: 'flow Redact, tag Allow: Redact',
        change: (s) => {
            only('Contact.FirstName')(s);
            tagOf(s, 'Contact.FirstName').minimization = 'Allow';
            const flow = flowOf(s, 'Contact.FirstName');
            if (flow) flow.minimization = 'Redact';
        },
        expect: firstName('Redact', true)
    },
    {
        id: 'min-both-allow',
        rule: 'minimization',
        description: 'flow and tag Allow: sent as is',
        change: (s) => {
            only('Contact.FirstName')(s);
            tagOf(s, 'Contact.FirstName').minimization = 'Allow';
        },
        expect: firstName('Allow', false)
    },
    {
        id: 'min-tag-blank',
        rule: 'minimization',
        description: 'a blank tag minimization counts as Redact',
        change: (s) => {
            only('Contact.FirstName')(s);
            tagOf(s, 'Contact.FirstName').minimization = null;
        },
        expect: firstName('Redact', true)
    },
    {
        id: 'min-two-flows',
        rule: 'minimization',
        description: 'two flows for one field: the stricter (Redact) applies',
        change: (s) => {
            only('Contact.FirstName')(s);
            tagOf(s, 'Contact.FirstName').minimization = 'Allow';
            s.flows.push({ ...(flowOf(s, 'Contact.FirstName') as GateSnapshot['flows'][0]), minimization: 'Redact' });
        },
        expect: firstName('Redact', true)
    },
    {
        id: 'min-pseudonymize',
        rule: 'minimization',
        description: 'tag Pseudonymize beats flow Allow: a keyed token',
        change: (s) => {
            only('Contact.FirstName')(s);
            tagOf(s, 'Contact.FirstName').minimization = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
        },
        expect: firstName('Pseudonymize', true)
    },
    ...['Drop', 'Mask'].map((minimization) => ({
        id: `min-tag-${minimization.toLowerCase()}`,
        rule: 'minimization',
        description: `tag ${minimization} (an unknown value counts as Drop): the field is dropped`,
        change: (s: GateSnapshot) => {
            tagOf(s, 'Contact.FirstName').minimization = minimization;
        },
        expect: {
            outcome: 'Redacted' as const,
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:1'],
            fieldsSent: [['Case.Subject', 'Allow']] as Array<[string, string]>,
            droppedFields: ['Contact.FirstName'],
            text: { lines: [SUBJECT] }
        }
    }))
];

const tagConsentRows: Row[] = [
    {
        id: 'tag-purpose-missing',
        rule: 'tag-consent',
        description: "a sent field's tag requires Analytics consent, which the patient never gave",
        change: (s) => {
            tagOf(s, 'Case.Subject').requiresConsentPurpose = 'Analytics';
        },
        expect: {
            ...BASE,
            outcome: 'Blocked',
            reasons: [...GRANTED, 'TAG_CONSENT_NOT_GRANTED:Analytics', ...OK_EU, 'PHI_REDACTED:1']
        }
    },
    {
        id: 'tag-purpose-ended',
        rule: 'tag-consent',
        description: 'the Analytics grant ended',
        change: (s) => {
            tagOf(s, 'Contact.FirstName').requiresConsentPurpose = 'Analytics';
            s.consents.push(consent('PatientConsent', 'Granted', PAST, ENDED, 'Analytics'));
        },
        expect: {
            ...BASE,
            outcome: 'Blocked',
            reasons: [...GRANTED, 'TAG_CONSENT_NOT_GRANTED:Analytics', ...OK_EU, 'PHI_REDACTED:1']
        }
    },
    {
        id: 'tag-purpose-denied-elsewhere',
        rule: 'tag-consent',
        description: 'Analytics granted in one source, opted out in another: not granted',
        change: (s) => {
            tagOf(s, 'Case.Subject').requiresConsentPurpose = 'Analytics';
            s.consents.push(consent('PatientConsent', 'Granted', PAST, null, 'Analytics'));
            s.consents.push(consent('ContactPointTypeConsent', 'OptOut', PAST, null, 'Analytics'));
        },
        expect: {
            ...BASE,
            outcome: 'Blocked',
            reasons: [...GRANTED, 'TAG_CONSENT_NOT_GRANTED:Analytics', ...OK_EU, 'PHI_REDACTED:1']
        }
    },
    {
        id: 'tag-purpose-granted',
        rule: 'tag-consent',
        description: 'the Analytics grant in force satisfies the tag',
        change: (s) => {
            tagOf(s, 'Case.Subject').requiresConsentPurpose = 'Analytics';
            s.consents.push(consent('AuthorizationFormConsent', 'Signed', PAST, null, 'Analytics'));
        },
        expect: BASE
    },
    {
        id: 'tag-purpose-unsent',
        rule: 'tag-consent',
        description: 'a field that is not sent needs no consent',
        change: (s) => {
            tagOf(s, 'Case.Description').requiresConsentPurpose = 'Analytics';
        },
        expect: BASE
    }
];

const freeTextRows: Row[] = [
    {
        id: 'free-allowed',
        rule: 'free-text',
        description: "free text under the Contact FreeText flow: redacted, with the patient's own values",
        change: withFree,
        expect: freeBase()
    },
    {
        id: 'free-no-flow',
        rule: 'free-text',
        description: 'no FreeText flow: blocked (the text is still only ever redacted)',
        change: (s) => {
            withFree(s);
            s.flows = s.flows.filter((f) => f.field !== 'FreeText');
        },
        expect: freeBase([], true, ['FREE_TEXT_NO_FLOW'])
    },
    {
        id: 'free-other-object',
        rule: 'free-text',
        description: 'a FreeText flow on an object the request does not read does not count',
        change: (s) => {
            withFree(s);
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.objectName = 'Account';
        },
        expect: freeBase([], true, ['FREE_TEXT_NO_FLOW'])
    },
    {
        id: 'free-drop',
        rule: 'free-text',
        description: 'a FreeText flow set to Drop blocks',
        change: (s) => {
            withFree(s);
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.minimization = 'Drop';
        },
        expect: freeBase([], true, ['FREE_TEXT_NO_FLOW'])
    },
    {
        id: 'free-suspended',
        rule: 'free-text',
        description: 'a suspended FreeText flow blocks',
        change: (s) => {
            withFree(s);
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.status = 'Suspended';
        },
        expect: freeBase([], true, ['FREE_TEXT_NO_FLOW'])
    },
    {
        id: 'free-only',
        rule: 'free-text',
        description: 'free text alone, under a FreeText flow on Case',
        change: (s) => {
            s.request.fields = [];
            s.request.freeText = 'Seen by Dr. Miller on 2026-05-12.';
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.objectName = 'Case';
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_REDACTED:2'],
            fieldsSent: [],
            text: { free: ['Seen by Dr. ', phi('Miller', 'Name'), ' on ', phi('2026-05-12', 'Date'), '.'] }
        }
    },
    {
        id: 'free-blank-flow',
        rule: 'free-text',
        description: 'a FreeText flow without a minimization counts as Redact: placeholders, not tokens',
        change: (s) => {
            withFree(s);
            s.request.fields = ['Case.Subject'];
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.minimization = null;
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_PSEUDONYMIZED:2'],
            fieldsSent: [['Case.Subject', 'Allow']],
            text: { free: FREE, lines: [SUBJECT] }
        }
    },
    {
        id: 'free-redact-flow',
        rule: 'free-text',
        description: 'a Redact FreeText flow forbids pseudonymising the text: placeholders, not tokens',
        change: (s) => {
            withFree(s);
            s.request.fields = ['Case.Subject'];
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
            const flow = flowOf(s, 'Contact.FreeText');
            if (flow) flow.minimization = 'Redact';
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_PSEUDONYMIZED:2'],
            fieldsSent: [['Case.Subject', 'Allow']],
            text: {
                free: [
                    'Patient ',
                    phi('Anna Berg', 'Name'),
                    ' asks about her rash; call ',
                    phi('030 1234567', 'Phone'),
                    '.'
                ],
                lines: [SUBJECT]
            }
        }
    }
];

const fieldRows: Row[] = [
    ...['Case.Subject', 'Contact.FirstName', 'Case.Description'].map((field) => ({
        id: `tag-missing-${field.toLowerCase().replace('.', '-')}`,
        rule: 'tag-missing',
        description: `${field} has a flow but no tag: blocked`,
        change: (s: GateSnapshot) => {
            s.request.fields = ['Case.Subject', 'Contact.FirstName'].includes(field)
                ? BASE_LINES.map(([f]) => f)
                : [field];
            s.tags = s.tags.filter((t) => `${t.objectName}.${t.field}` !== field);
        },
        expect: tagMissing(field)
    })),
    {
        id: 'dropped-one',
        rule: 'fields-dropped',
        description: 'a field without an approved flow is dropped',
        change: (s) => {
            s.request.fields = ['Contact.FirstName', 'Contact.Email', 'Case.Subject'];
        },
        expect: {
            ...BASE,
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:1', 'PHI_REDACTED:1'],
            droppedFields: ['Contact.Email']
        }
    },
    {
        id: 'dropped-two',
        rule: 'fields-dropped',
        description: 'two fields without a flow are dropped, in request order',
        change: (s) => {
            s.request.fields = ['Contact.Email', 'Case.Subject', 'Account.Name'];
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:2'],
            fieldsSent: [['Case.Subject', 'Allow']],
            droppedFields: ['Contact.Email', 'Account.Name'],
            text: { lines: [SUBJECT] }
        }
    },
    {
        id: 'dropped-wrong-purpose',
        rule: 'fields-dropped',
        description: 'a flow for another purpose does not count',
        change: (s) => {
            const flow = flowOf(s, 'Contact.FirstName');
            if (flow) flow.purpose = 'Analytics';
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:1'],
            fieldsSent: [['Case.Subject', 'Allow']],
            droppedFields: ['Contact.FirstName'],
            text: { lines: [SUBJECT] }
        }
    },
    {
        id: 'dropped-all',
        rule: 'no-flow',
        description: 'nothing left to send: no approved flow blocks',
        change: (s) => {
            s.request.fields = ['Contact.Email'];
        },
        expect: {
            outcome: 'Blocked',
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:1', 'NO_APPROVED_FLOW'],
            fieldsSent: [],
            droppedFields: ['Contact.Email'],
            text: {}
        }
    },
    {
        id: 'dropped-suspended',
        rule: 'no-flow',
        description: 'only suspended flows: blocked',
        change: (s) => {
            s.flows.forEach((f) => (f.status = 'Suspended'));
        },
        expect: {
            outcome: 'Blocked',
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:2', 'NO_APPROVED_FLOW'],
            fieldsSent: [],
            droppedFields: ['Contact.FirstName', 'Case.Subject'],
            text: {}
        }
    },
    {
        id: 'dropped-other-endpoint',
        rule: 'no-flow',
        description: 'flows of another endpoint do not count',
        change: (s) => {
            s.flows.forEach((f) => (f.endpoint = 'us-cloud'));
        },
        expect: {
            outcome: 'Blocked',
            reasons: [...GRANTED, ...OK_EU, 'FIELDS_DROPPED:2', 'NO_APPROVED_FLOW'],
            fieldsSent: [],
            droppedFields: ['Contact.FirstName', 'Case.Subject'],
            text: {}
        }
    }
];

function tagMissing(field: string): Expectation {
    if (field === 'Case.Description') {
        return {
            outcome: 'Blocked',
            reasons: [...GRANTED, ...OK_EU, 'TAG_MISSING:Case.Description', 'PHI_REDACTED:1'],
            fieldsSent: [['Case.Description', 'Redact']],
            text: {
                lines: [
                    ['Case.Description', [phi('Anna Berg reports itching, call back on 030 1234567.', 'Identifier')]]
                ]
            }
        };
    }
    // Untagged, the field is minimised as if its tag said Redact: its category comes from its name.
    const subject = field === 'Case.Subject';
    return {
        outcome: 'Blocked',
        reasons: [...GRANTED, ...OK_EU, `TAG_MISSING:${field}`, `PHI_REDACTED:${subject ? 2 : 1}`],
        fieldsSent: [
            ['Contact.FirstName', 'Redact'],
            ['Case.Subject', subject ? 'Redact' : 'Allow']
        ],
        text: {
            lines: subject
                ? [BASE_LINES[0], ['Case.Subject', [phi('Rash after new medication', 'Identifier')]]]
                : BASE_LINES
        }
    };
}

const keyRows: Row[] = [
    {
        id: 'key-free-text',
        rule: 'key',
        description: 'Pseudonymize asked, no key: blocked in every mode',
        change: (s) => {
            s.request.redactionMode = 'Pseudonymize';
        },
        expect: hard([...GRANTED, ...OK_EU, 'KEY_NOT_CONFIGURED'], 'Granted')
    },
    {
        id: 'key-field',
        rule: 'key',
        description: 'a field to pseudonymise, no key',
        change: (s) => {
            tagOf(s, 'Contact.FirstName').minimization = 'Pseudonymize';
        },
        expect: hard([...GRANTED, ...OK_EU, 'KEY_NOT_CONFIGURED'], 'Granted')
    },
    {
        id: 'key-malformed',
        rule: 'key',
        description: 'a key that is not 64 hex characters counts as none',
        change: (s) => {
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = 'abc';
        },
        expect: hard([...GRANTED, ...OK_EU, 'KEY_NOT_CONFIGURED'], 'Granted')
    },
    {
        id: 'pseudonymize-free',
        rule: 'pseudonymize',
        description: 'free text pseudonymised with the key',
        change: (s) => {
            withFree(s);
            s.request.fields = ['Case.Subject'];
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_PSEUDONYMIZED:2'],
            fieldsSent: [['Case.Subject', 'Allow']],
            text: {
                free: [
                    'Patient ',
                    phi('Anna Berg', 'Name'),
                    ' asks about her rash; call ',
                    phi('030 1234567', 'Phone'),
                    '.'
                ],
                lines: [SUBJECT],
                pseudonymize: true
            }
        }
    },
    {
        id: 'pseudonymize-text-area',
        rule: 'pseudonymize',
        description: 'a text area under Allow is pseudonymised like free text',
        change: (s) => {
            s.request.fields = ['Case.Description'];
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
        },
        expect: {
            outcome: 'Redacted',
            reasons: [...GRANTED, ...OK_EU, 'PHI_PSEUDONYMIZED:2'],
            fieldsSent: [['Case.Description', 'Allow']],
            text: {
                lines: [
                    [
                        'Case.Description',
                        [phi('Anna Berg', 'Name'), ' reports itching, call back on ', phi('030 1234567', 'Phone'), '.']
                    ]
                ],
                pseudonymize: true
            }
        }
    },
    {
        id: 'pseudonymize-base',
        rule: 'pseudonymize',
        description: 'Pseudonymize mode: the Redact field still gets a placeholder',
        change: (s) => {
            s.request.redactionMode = 'Pseudonymize';
            s.pseudonymKeyHex = TEST_KEY;
        },
        expect: { ...BASE, reasons: [...GRANTED, ...OK_EU, 'PHI_PSEUDONYMIZED:1'] }
    }
];

export const ROWS_PART_TWO: Row[] = [...minimizationRows, ...tagConsentRows, ...freeTextRows, ...fieldRows, ...keyRows];
