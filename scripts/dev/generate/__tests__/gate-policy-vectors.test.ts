/**
 * The shared gate policy vectors (force-app/tests/gate/staticresources/GatePolicyVectors.json) run through the
 * TypeScript twin c/gatePolicy; the Apex GatePolicyVectors_Tests read the same file. Also: the file is what
 * the table generates and covers every rule and reason code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePolicy } from 'c/gatePolicy';
import { failingVectors, loadPolicyVectors, shippedContext } from '../gate-policy-check';
import {
    coverageProblems,
    MIN_VECTORS,
    POLICY_REASON_CODES,
    POLICY_VECTORS_PATH,
    policyVectors,
    policyVectorText,
    ROWS
} from '../gate-policy-vectors';

const root = join(__dirname, '..', '..', '..', '..');
const file = loadPolicyVectors(root);
const context = shippedContext(root);

describe('the gate policy vector file', () => {
    it('is what the table generates (run npm run build:vectors when this fails)', () => {
        expect(readFileSync(join(root, POLICY_VECTORS_PATH), 'utf8')).toBe(policyVectorText());
    });

    it(`holds at least ${MIN_VECTORS} vectors with unique ids, every rule and reason code at least three times`, () => {
        expect(file.vectors.length).toBeGreaterThanOrEqual(MIN_VECTORS);
        expect(new Set(file.vectors.map((v) => v.id)).size).toBe(file.vectors.length);
        expect(coverageProblems(policyVectors())).toEqual([]);
        const informational = [
            'CONSENT_GRANTED',
            'RESIDENCY_OK',
            'FIELDS_DROPPED',
            'PHI_REDACTED',
            'PHI_PSEUDONYMIZED',
            'MONITOR_ONLY'
        ];
        for (const code of POLICY_REASON_CODES.filter((c) => !informational.includes(c))) {
            const blocks = file.vectors.filter(
                (v) => v.expected.outcome === 'Blocked' && v.expected.reasons.some((r) => r.split(':')[0] === code)
            );
            expect([code, blocks.length >= 3]).toEqual([code, true]);
        }
    });

    it('has blocking rows for every rule that blocks, in both modes', () => {
        const blockingRules = new Set(ROWS.filter((row) => row.expect.outcome === 'Blocked').map((row) => row.rule));
        for (const rule of [
            'invalid-request',
            'endpoint-unknown',
            'endpoint-not-approved',
            'consent',
            'consent-window',
            'consent-sources',
            'no-subject',
            'residency-unknown',
            'residency',
            'tag-jurisdiction',
            'tag-region',
            'tag-consent',
            'free-text',
            'tag-missing',
            'no-flow',
            'key'
        ]) {
            expect([rule, blockingRules.has(rule)]).toEqual([rule, true]);
        }
    });

    it('refuses a table that covers too little', () => {
        expect(coverageProblems(policyVectors().slice(0, 10)).join('\n')).toMatch(/fewer than 400/);
    });
});

describe('c/gatePolicy on the shared vectors', () => {
    it('gets every vector right', () => {
        expect(failingVectors(file, evaluatePolicy, context).map((v) => v.id)).toEqual([]);
    });

    it('blocks in Monitor whatever it could not prepare, and never expects a PHI value of the scenarios to go out', () => {
        const unprepared = file.vectors.filter((v) => v.mode === 'Monitor' && v.expected.text === null);
        expect(unprepared.length).toBeGreaterThanOrEqual(3);
        expect(unprepared.filter((v) => v.expected.allowed)).toEqual([]);
        const leaking = file.vectors.filter(
            (v) => v.expected.allowed && /Anna Berg|1234567/.test(v.expected.text ?? '')
        );
        expect(leaking.map((v) => v.id)).toEqual([]);
    });
});
