/**
 * The scenario format of `warden policy evaluate`: the gate's snapshot (docs/gate.md, "The snapshot"), described
 * once here. The same description checks a scenario (every problem named by its JSON path, unknown fields refused)
 * and renders docs/policy-scenario.schema.json (scripts/dev/generate/policy-schema.ts), so the two cannot drift.
 */
import type { GateSnapshot } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { InputError } from '../lib/errors';

export type Spec =
    | { kind: 'string'; nullable?: boolean; enum?: string[]; description?: string }
    | { kind: 'boolean'; description?: string }
    | { kind: 'instant'; nullable?: boolean; description?: string }
    | { kind: 'date'; nullable?: boolean; description?: string }
    | { kind: 'array'; of: Spec; description?: string }
    | { kind: 'map'; description?: string }
    | { kind: 'object'; fields: Record<string, Field>; nullable?: boolean; description?: string };

/** A property: its spec, and the value it takes when left out (none: required). */
export type Field = { spec: Spec; default?: unknown };

const str = (description: string, nullable = false): Spec => ({ kind: 'string', nullable, description });
const opt = (spec: Spec, value: unknown): Field => ({ spec, default: value });
const req = (spec: Spec): Field => ({ spec });
const list = (of: Spec, description: string): Field => ({ spec: { kind: 'array', of, description }, default: [] });

const CONSENT: Spec = {
    kind: 'object',
    fields: {
        source: req({
            kind: 'string',
            enum: ['PatientConsent', 'ContactPointTypeConsent', 'AuthorizationFormConsent'],
            description: 'the consent source'
        }),
        purpose: req(str('the purpose it answers for')),
        status: req(str('as the source writes it: Granted/Withdrawn/Denied, OptIn/OptOut, Signed ...')),
        effectiveFrom: opt({ kind: 'instant', nullable: true, description: 'start of its window' }, null),
        effectiveTo: opt({ kind: 'instant', nullable: true, description: 'end of its window' }, null)
    }
};

const TAG: Spec = {
    kind: 'object',
    description: 'a ResidencyTag__c of one field',
    fields: {
        objectName: req(str('ObjectApiName__c')),
        field: req(str('FieldApiName__c')),
        classification: opt(str('PHI, PII, Sensitive, Internal or Public', true), null),
        phiCategory: opt(str('PhiCategory__c', true), null),
        allowedRegions: opt(str('AllowedRegions__c, codes separated by ; or ,', true), null),
        jurisdictions: opt(str('Jurisdictions__c, codes separated by ; or ,', true), null),
        minimization: opt(str('Allow, Pseudonymize, Redact or Drop; blank counts as Redact', true), null),
        requiresConsentPurpose: opt(str('RequiresConsentPurpose__c', true), null)
    }
};

const FLOW: Spec = {
    kind: 'object',
    description: 'a DataFlow__c; field FreeText lets free text go out',
    fields: {
        objectName: req(str('SourceObject__c')),
        field: req(str('SourceField__c, or FreeText')),
        endpoint: req(str('the EndpointKey__c of its endpoint')),
        purpose: req(str('Purpose__c')),
        minimization: opt(str('Allow, Pseudonymize, Redact or Drop; blank counts as Redact', true), null),
        status: opt(str('Proposed, Approved or Suspended'), 'Approved')
    }
};

const RULE: Spec = {
    kind: 'object',
    description: 'a JurisdictionRule__mdt',
    fields: {
        jurisdiction: req(str('Jurisdiction__c')),
        countries: opt(str('Countries__c', true), null),
        allowedRegions: opt(str('AllowedRegions__c', true), null),
        allowedHostings: opt(str('AllowedHostings__c', true), null),
        requiresDpa: opt({ kind: 'boolean' }, false),
        requiresZeroRetention: opt({ kind: 'boolean' }, false)
    }
};

/** The whole snapshot. */
export const SCENARIO_SPEC: Spec = {
    kind: 'object',
    description: 'What the gate decides on (docs/gate.md, "The snapshot")',
    fields: {
        mode: opt(str('Monitor, or anything else for Enforce'), 'Enforce'),
        now: req({ kind: 'instant', description: 'the instant of the decision, ISO 8601' }),
        request: req({
            kind: 'object',
            fields: {
                endpointKey: req(str('EndpointKey__c asked for', true)),
                purpose: req(str('the purpose, e.g. LlmInference', true)),
                fields: list(str('Object.Field'), 'fields asked for'),
                freeText: opt(str('free text', true), null),
                redactionMode: opt(str('Redact (blank) or Pseudonymize', true), null),
                objects: list(str('object API name'), "the objects of the request's records")
            }
        }),
        patient: opt(
            {
                kind: 'object',
                fields: {
                    present: opt({ kind: 'boolean', description: 'whether the request names a patient' }, true),
                    country: opt(str('the value at the jurisdiction field path', true), null),
                    phiValues: opt({ kind: 'map', description: "the patient's PHI values by field name" }, {}),
                    phiCategories: opt({ kind: 'map', description: 'categories of tagged patient fields' }, {})
                }
            },
            { present: false, country: null, phiValues: {}, phiCategories: {} }
        ),
        values: list(
            {
                kind: 'object',
                fields: {
                    field: req(str('Object.Field')),
                    value: req(str('the value', true)),
                    textArea: opt({ kind: 'boolean' }, false)
                }
            },
            'values of the requested fields, one per record'
        ),
        tags: list(TAG, 'field tags'),
        flows: list(FLOW, 'data flows'),
        consents: list(CONSENT, 'consent records of every source'),
        endpoint: req({
            kind: 'object',
            nullable: true,
            description: 'the LlmEndpoint__c, or null when no endpoint has the key',
            fields: {
                key: req(str('EndpointKey__c')),
                status: req(str('Proposed, Approved or Suspended')),
                jurisdiction: opt(str('Jurisdiction__c', true), null),
                hosting: opt(str('Hosting__c', true), null),
                dpaSigned: opt({ kind: 'boolean' }, false),
                dpaExpires: opt({ kind: 'date', nullable: true, description: 'yyyy-MM-dd' }, null),
                zeroRetention: opt({ kind: 'boolean' }, false)
            }
        }),
        rules: list(RULE, 'jurisdiction rules'),
        pseudonymKeyHex: opt(str('the pseudonym key, 64 hex characters, or null', true), null)
    }
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function kindOf(value: unknown): string {
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function checkObject(value: unknown, fields: Record<string, Field>, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InputError(`${path}: expected an object, got ${kindOf(value)}`);
    }
    const input = value as Record<string, unknown>;
    for (const name of Object.keys(input)) {
        if (!(name in fields)) {
            throw new InputError(`${path}.${name}: unknown field (known: ${Object.keys(fields).join(', ')})`);
        }
    }
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
        if (input[name] === undefined) {
            if (!('default' in field)) {
                throw new InputError(`${path}.${name}: required`);
            }
            out[name] = JSON.parse(JSON.stringify(field.default));
        } else {
            out[name] = check(input[name], field.spec, `${path}.${name}`);
        }
    }
    return out;
}

/** The value checked against its spec, defaults filled in; InputError naming the JSON path of the first problem. */
export function check(value: unknown, spec: Spec, path: string): unknown {
    if (value === null && 'nullable' in spec && spec.nullable) {
        return null;
    }
    const fail = (expected: string): never => {
        throw new InputError(`${path}: expected ${expected}, got ${kindOf(value)}`);
    };
    switch (spec.kind) {
        case 'string':
            if (typeof value !== 'string') fail('a string');
            if (spec.enum && !spec.enum.includes(value as string)) fail(`one of ${spec.enum.join(', ')}`);
            return value;
        case 'boolean':
            return typeof value === 'boolean' ? value : fail('true or false');
        case 'instant':
            return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))
                ? value
                : fail('an ISO 8601 instant with a zone, e.g. 2026-06-01T12:00:00Z');
        case 'date':
            return typeof value === 'string' && DATE.test(value) ? value : fail('a date yyyy-MM-dd');
        case 'array':
            if (!Array.isArray(value)) fail('an array');
            return (value as unknown[]).map((item, index) => check(item, spec.of, `${path}[${index}]`));
        case 'map':
            if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('an object of strings');
            for (const [key, item] of Object.entries(value as object)) {
                if (typeof item !== 'string') {
                    throw new InputError(`${path}.${key}: expected a string, got ${kindOf(item)}`);
                }
            }
            return value;
        case 'object':
            return checkObject(value, spec.fields, path);
    }
}

/** One scenario or an array of them, checked: InputError with the JSON path of the first problem. */
export function parseScenarios(text: string): { scenarios: GateSnapshot[]; many: boolean } {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new InputError(`$: not JSON (${(error as Error).message})`);
    }
    if (Array.isArray(parsed)) {
        return {
            scenarios: parsed.map((item, index) => check(item, SCENARIO_SPEC, `$[${index}]`) as GateSnapshot),
            many: true
        };
    }
    return { scenarios: [check(parsed, SCENARIO_SPEC, '$') as GateSnapshot], many: false };
}

/** The JSON Schema (draft 2020-12) of a spec. */
export function schemaOf(spec: Spec): Record<string, unknown> {
    const nullable = 'nullable' in spec && spec.nullable === true;
    const typed = (type: string, extra: Record<string, unknown> = {}) => ({
        type: nullable ? [type, 'null'] : type,
        ...(spec.description ? { description: spec.description } : {}),
        ...extra
    });
    switch (spec.kind) {
        case 'string':
            return typed('string', spec.enum ? { enum: nullable ? [...spec.enum, null] : spec.enum } : {});
        case 'boolean':
            return typed('boolean');
        case 'instant':
            return typed('string', { format: 'date-time' });
        case 'date':
            return typed('string', { format: 'date' });
        case 'array':
            return typed('array', { items: schemaOf(spec.of) });
        case 'map':
            return typed('object', { additionalProperties: { type: 'string' } });
        case 'object': {
            const properties = Object.fromEntries(
                Object.entries(spec.fields).map(([name, field]) => [name, schemaOf(field.spec)])
            );
            const required = Object.entries(spec.fields)
                .filter(([, field]) => !('default' in field))
                .map(([name]) => name);
            return typed('object', { properties, required, additionalProperties: false });
        }
    }
}

/** docs/policy-scenario.schema.json: one scenario, or an array of them. */
export function scenarioSchemaText(): string {
    const scenario = schemaOf(SCENARIO_SPEC);
    const schema = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://warden.invalid/policy-scenario.schema.json',
        title: 'warden policy evaluate scenario',
        description:
            'One gate snapshot, or an array of them. Generated from scripts/cli/policy/scenario.ts by scripts/dev/generate/policy-schema.ts; see docs/gate.md.',
        $defs: { scenario },
        oneOf: [{ $ref: '#/$defs/scenario' }, { type: 'array', items: { $ref: '#/$defs/scenario' } }]
    };
    return JSON.stringify(schema, null, 2) + '\n';
}
