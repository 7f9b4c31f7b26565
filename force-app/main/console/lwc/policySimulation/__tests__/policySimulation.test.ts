import { simulate } from 'c/policySimulation';
import { SHIPPED_PATTERNS } from 'c/phiPatterns';
import type { SimulationContext } from 'c/consoleContracts';

const today = '2026-11-22';
const context = (overrides: Partial<SimulationContext> = {}): SimulationContext => ({
    recordId: '003000000000001AAA',
    jurisdiction: 'EU',
    purpose: 'LlmInference',
    endpoint: {
        id: 'a01000000000001AAA',
        name: 'EU Sovereign',
        endpointKey: 'eu',
        model: null,
        region: 'eu-central-1',
        jurisdiction: 'EU',
        hosting: 'SovereignLocal',
        status: 'Approved',
        dpaSigned: true,
        dpaExpires: null,
        zeroRetention: true,
        approvedOn: null
    },
    rule: {
        jurisdiction: 'EU',
        allowedRegions: ['EU'],
        allowedHostings: ['SovereignLocal'],
        requiresDpa: true,
        requiresZeroRetention: true,
        legalBasis: null
    },
    consentStatus: 'Granted',
    fields: [
        {
            field: 'Contact.FirstName',
            value: 'Ada',
            classification: 'PHI',
            phiCategory: 'Name',
            minimization: 'Pseudonymize',
            mapped: true
        },
        {
            field: 'Contact.Birthdate',
            value: '1970-03-14',
            classification: 'PHI',
            phiCategory: 'Date',
            minimization: 'Redact',
            mapped: true
        },
        {
            field: 'Contact.MailingCity',
            value: 'Berlin',
            classification: 'PII',
            phiCategory: 'Address',
            minimization: 'Allow',
            mapped: true
        },
        {
            field: 'Contact.Email',
            value: 'ada@example.org',
            classification: 'PII',
            phiCategory: 'Email',
            minimization: 'Allow',
            mapped: false
        }
    ],
    patterns: SHIPPED_PATTERNS.filter((pattern) => pattern.enabled).map((pattern) => ({ ...pattern })),
    ...overrides
});

describe('c/policySimulation', () => {
    it('redacts the record values and PHI patterns from the prompt and minimizes fields', () => {
        const result = simulate(
            context(),
            'Ada (born 1970-03-14) wrote from ada@example.org about her cough.',
            null,
            today
        );
        expect(result.decision).toBe('Redacted');
        expect(result.prompt.text).not.toContain('Ada');
        expect(result.prompt.text).not.toContain('1970-03-14');
        expect(result.prompt.text).not.toContain('ada@example.org');
        expect(result.prompt.text).toContain('about her cough');
        expect(result.fields.map((field) => field.outcome)).toEqual(['pseudonymized', 'redacted', 'sent', 'notMapped']);
        expect(result.reasons.map((reason) => reason.code)).toEqual([
            'consentGranted',
            'residencyOk',
            'fieldDropped',
            'redacted'
        ]);
    });

    it('blocks without consent and lists every residency problem', () => {
        const result = simulate(
            context({
                consentStatus: 'Missing',
                endpoint: {
                    ...context().endpoint,
                    jurisdiction: 'US',
                    hosting: 'PublicCloud',
                    zeroRetention: false,
                    status: 'Suspended'
                }
            }),
            'No PHI here.',
            null,
            today
        );
        expect(result.decision).toBe('Blocked');
        expect(result.reasons.filter((reason) => reason.blocking).map((reason) => reason.code)).toEqual([
            'consentMissing',
            'endpointNotApproved',
            'regionNotAllowed',
            'hostingNotAllowed',
            'retentionNotZero'
        ]);
    });

    it('allows a clean prompt with consent not required and nothing to redact', () => {
        const result = simulate(
            context({ consentStatus: 'NotRequired', fields: [] }),
            'Summarise the clinic opening hours.',
            null,
            today
        );
        expect(result.decision).toBe('Allowed');
        expect(result.reasons.map((reason) => reason.code)).toEqual([
            'consentNotRequired',
            'residencyOk',
            'nothingToRedact'
        ]);
    });
});
