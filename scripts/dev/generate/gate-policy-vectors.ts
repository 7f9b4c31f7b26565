/**
 * Builds the gate policy vectors shared by c/gatePolicy (Jest) and the Apex GatePolicy (GatePolicyVectors_Tests)
 * from the hand-written table (gate-policy-table.ts and its rows). Each row runs in both modes and with four
 * sets of records that must not change the answer (consents for another purpose, flows that are suspended or
 * for another endpoint or purpose, tags and rules of other fields and jurisdictions). Monitor's expectation is
 * derived from Enforce's by the documented rule: a policy block goes through flagged MONITOR_ONLY, a hard block
 * stays blocked. Expected text is assembled from the row's pieces (placeholder or keyed token where PHI was
 * put), never by running either twin.
 *
 *   npx tsx scripts/dev/generate/gate-policy-vectors.ts [--check]
 */
import type { GateSnapshot } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { placeholderFor, pseudonymToken, scanText } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { ROWS_PART_ONE } from './gate-policy-rows';
import { ROWS_PART_TWO } from './gate-policy-rows-content';
import { baseSnapshot, rule, TEST_KEY, type Expectation, type Piece, type Row } from './gate-policy-table';
import { runGenerator } from './write-generated';

export const POLICY_VECTORS_PATH = 'force-app/tests/gate/staticresources/GatePolicyVectors.json';
export const ROWS: Row[] = [...ROWS_PART_ONE, ...ROWS_PART_TWO];
export const MIN_VECTORS = 400;
export const MIN_PER_RULE = 3;
/** Every reason code of the policy (docs/gate.md): each must be expected by at least MIN_PER_RULE vectors. */
export const POLICY_REASON_CODES = [
    'INVALID_REQUEST',
    'ENDPOINT_UNKNOWN',
    'ENDPOINT_NOT_APPROVED',
    'CONSENT_GRANTED',
    'CONSENT_DENIED',
    'CONSENT_WITHDRAWN',
    'CONSENT_EXPIRED',
    'CONSENT_MISSING',
    'CONSENT_NO_SUBJECT',
    'TAG_CONSENT_NOT_GRANTED',
    'RESIDENCY_OK',
    'RESIDENCY_UNKNOWN_JURISDICTION',
    'RESIDENCY_NO_RULE',
    'RESIDENCY_REGION_NOT_ALLOWED',
    'RESIDENCY_HOSTING_NOT_ALLOWED',
    'RESIDENCY_DPA_MISSING',
    'RESIDENCY_DPA_EXPIRED',
    'RESIDENCY_ZERO_RETENTION_REQUIRED',
    'RESIDENCY_TAG_REGION_NOT_ALLOWED',
    'FREE_TEXT_NO_FLOW',
    'TAG_MISSING',
    'FIELDS_DROPPED',
    'NO_APPROVED_FLOW',
    'PHI_REDACTED',
    'PHI_PSEUDONYMIZED',
    'KEY_NOT_CONFIGURED',
    'MONITOR_ONLY'
];

export type PolicyVector = {
    id: string;
    scenario: string;
    mode: 'Enforce' | 'Monitor';
    distractor: string;
    expected: {
        outcome: string;
        allowed: boolean;
        reasons: string[];
        fieldsSent: Array<{ field: string; minimization: string }>;
        droppedFields: string[];
        text: string | null;
        consent: string;
        residency: string;
        jurisdiction: string;
    };
};

/** Records appended to a scenario that must not change any answer. */
export type Distractor = Pick<GateSnapshot, 'consents' | 'flows' | 'tags' | 'rules' | 'values'>;

const flow = (object: string, field: string, endpoint: string, purpose: string, status: string) => ({
    objectName: object,
    field,
    endpoint,
    purpose,
    minimization: 'Allow',
    status
});
const none = (): Distractor => ({ consents: [], flows: [], tags: [], rules: [], values: [] });

/** Consents for another purpose; flows suspended or for another endpoint, purpose or object; other tags and rules. */
export const DISTRACTORS: Record<string, Distractor> = {
    plain: none(),
    'other-purpose-consents': {
        ...none(),
        consents: [
            {
                source: 'PatientConsent',
                purpose: 'LlmTraining',
                status: 'Denied',
                effectiveFrom: null,
                effectiveTo: null
            },
            {
                source: 'ContactPointTypeConsent',
                purpose: 'LlmTraining',
                status: 'OptOut',
                effectiveFrom: null,
                effectiveTo: null
            },
            {
                source: 'AuthorizationFormConsent',
                purpose: 'LlmTraining',
                status: 'Draft',
                effectiveFrom: null,
                effectiveTo: null
            }
        ]
    },
    'inapplicable-flows': {
        ...none(),
        flows: [
            flow('Contact', 'Email', 'eu-private', 'LlmInference', 'Suspended'),
            flow('Contact', 'Email', 'other-endpoint', 'LlmInference', 'Approved'),
            flow('Contact', 'Email', 'eu-private', 'LlmTraining', 'Approved'),
            flow('Account', 'FreeText', 'eu-private', 'LlmInference', 'Approved'),
            flow('Contact', 'FreeText', 'other-endpoint', 'LlmInference', 'Approved')
        ]
    },
    'other-tags-and-rules': {
        ...none(),
        tags: [
            {
                objectName: 'Account',
                field: 'Name',
                classification: 'PII',
                phiCategory: 'Name',
                allowedRegions: 'US',
                jurisdictions: 'US;BR',
                minimization: 'Drop',
                requiresConsentPurpose: 'Analytics'
            }
        ],
        rules: [rule('AU', 'AU', 'AU', 'SovereignLocal', true, true)],
        values: [{ field: 'Account.Name', value: 'Lakeside Clinic', textArea: false }]
    }
};

/** The snapshot a vector runs: its scenario with the distractor's records appended, in the vector's mode. */
export function vectorSnapshot(scenario: GateSnapshot, distractor: Distractor, mode: string): GateSnapshot {
    const snapshot = JSON.parse(JSON.stringify(scenario)) as GateSnapshot;
    snapshot.consents.push(...distractor.consents);
    snapshot.flows.push(...distractor.flows);
    snapshot.tags.push(...distractor.tags);
    snapshot.rules.push(...distractor.rules);
    snapshot.values.push(...distractor.values);
    snapshot.mode = mode;
    return snapshot;
}

function piecesText(pieces: Piece[], pseudonymize: boolean): string {
    return pieces
        .map((piece) => {
            if (typeof piece === 'string') {
                return piece;
            }
            return pseudonymize
                ? pseudonymToken(piece.cat, scanText(piece.phi).text, TEST_KEY)
                : placeholderFor(piece.cat, SHIPPED_PATTERNS);
        })
        .join('');
}

function expectedText(text: Expectation['text']): string | null {
    if (text === null || text === undefined) {
        return text === null ? null : '';
    }
    const sections: string[] = [];
    if (text.free) {
        sections.push(piecesText(text.free, text.pseudonymize === true));
    }
    if (text.lines && text.lines.length > 0) {
        sections.push(
            text.lines
                .map(([field, pieces]) => `${field}: ${piecesText(pieces, text.pseudonymize === true)}`)
                .join('\n')
        );
    }
    return sections.join('\n\n');
}

function expected(row: Row, mode: 'Enforce' | 'Monitor'): PolicyVector['expected'] {
    const e = row.expect;
    const policyBlock = e.outcome === 'Blocked' && e.hard !== true;
    return {
        outcome: e.outcome,
        allowed: e.outcome !== 'Blocked' || (mode === 'Monitor' && policyBlock),
        reasons: mode === 'Monitor' && policyBlock ? [...e.reasons, 'MONITOR_ONLY'] : e.reasons,
        fieldsSent: (e.fieldsSent ?? []).map(([field, minimization]) => ({ field, minimization })),
        droppedFields: e.hard ? [] : (e.droppedFields ?? []),
        text: expectedText(e.text),
        consent: e.consent ?? 'Granted',
        residency: e.residency ?? 'Allowed',
        jurisdiction: e.jurisdiction ?? 'EU'
    };
}

export type Scenario = { id: string; rule: string; description: string; snapshot: GateSnapshot };

export function scenarios(): Scenario[] {
    const ids = new Set<string>();
    return ROWS.map((row) => {
        if (ids.has(row.id)) {
            throw new Error(`row id ${row.id} is used twice`);
        }
        ids.add(row.id);
        const snapshot = baseSnapshot();
        row.change(snapshot);
        return { id: row.id, rule: row.rule, description: row.description, snapshot };
    });
}

export function policyVectors(): PolicyVector[] {
    const vectors: PolicyVector[] = [];
    for (const row of ROWS) {
        for (const mode of ['Enforce', 'Monitor'] as const) {
            for (const distractor of Object.keys(DISTRACTORS)) {
                vectors.push({
                    id: `${row.id}/${mode}/${distractor}`,
                    scenario: row.id,
                    mode,
                    distractor,
                    expected: expected(row, mode)
                });
            }
        }
    }
    return vectors;
}

/** Refuses a table that does not cover the policy: too few vectors, a rule or a reason code under-tested. */
export function coverageProblems(vectors: PolicyVector[]): string[] {
    const problems: string[] = [];
    if (vectors.length < MIN_VECTORS) {
        problems.push(`${vectors.length} vectors, fewer than ${MIN_VECTORS}`);
    }
    const rows = new Map<string, number>();
    ROWS.forEach((row) => rows.set(row.rule, (rows.get(row.rule) ?? 0) + 1));
    for (const [rule, count] of rows) {
        if (count < MIN_PER_RULE) {
            problems.push(`rule ${rule} has ${count} rows, fewer than ${MIN_PER_RULE}`);
        }
    }
    for (const code of POLICY_REASON_CODES) {
        const count = vectors.filter((v) => v.expected.reasons.some((r) => r.split(':')[0] === code)).length;
        if (count < MIN_PER_RULE) {
            problems.push(`reason ${code} is expected by ${count} vectors, fewer than ${MIN_PER_RULE}`);
        }
    }
    return problems;
}

export function policyVectorText(): string {
    const vectors = policyVectors();
    const problems = coverageProblems(vectors);
    if (problems.length > 0) {
        throw new Error(problems.join('; '));
    }
    const header = {
        version: 1,
        description:
            'Gate policy vectors shared by c/gatePolicy (Jest) and the Apex GatePolicy (GatePolicyVectors_Tests), run with the shipped PHI patterns and names dictionary. Built by scripts/dev/generate/gate-policy-vectors.ts from the table in scripts/dev/generate/gate-policy-table.ts and its rows.',
        pseudonymKeyHex: TEST_KEY,
        distractors: DISTRACTORS
    };
    // One scenario or vector per line keeps the file small enough for an Apex test's heap and still diffable.
    const lines = (items: unknown[]) => items.map((item) => '    ' + JSON.stringify(item)).join(',\n');
    const head = JSON.stringify(header, null, 2).replace(/\n}$/, ',\n');
    return `${head}  "scenarios": [\n${lines(scenarios())}\n  ],\n  "vectors": [\n${lines(vectors)}\n  ]\n}\n`;
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'gate-policy-vectors',
        'Writes the gate policy vectors from the table in scripts/dev/generate/gate-policy-table.ts.',
        () => [{ path: POLICY_VECTORS_PATH, text: policyVectorText() }]
    );
}
