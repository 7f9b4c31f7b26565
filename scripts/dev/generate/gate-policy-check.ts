/**
 * Runs the shared gate policy vectors against an implementation of the policy: the Jest tests of c/gatePolicy,
 * its planted defects and the console simulator all use it, so they judge a decision by the same fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateDecision, GateSnapshot, PolicyContext } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { parseNameDictionary } from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import {
    POLICY_VECTORS_PATH,
    vectorSnapshot,
    type Distractor,
    type PolicyVector,
    type Scenario
} from './gate-policy-vectors';

export type PolicyVectorFile = {
    pseudonymKeyHex: string;
    distractors: Record<string, Distractor>;
    scenarios: Scenario[];
    vectors: PolicyVector[];
};

export type PolicyEvaluator = (snapshot: GateSnapshot, ctx: PolicyContext) => GateDecision;

export function loadPolicyVectors(root: string): PolicyVectorFile {
    return JSON.parse(readFileSync(join(root, POLICY_VECTORS_PATH), 'utf8')) as PolicyVectorFile;
}

/** The shipped patterns and names dictionary, as the gate runs them. */
export function shippedContext(root: string): PolicyContext {
    const dictionary = readFileSync(
        join(root, 'force-app/main/gate/staticresources/PhiNameDictionary.resource'),
        'utf8'
    );
    return { patterns: SHIPPED_PATTERNS, dictionary: parseNameDictionary(dictionary) };
}

/** The parts of a decision the vectors fix. */
export function view(decision: GateDecision): PolicyVector['expected'] {
    return {
        outcome: decision.outcome,
        allowed: decision.allowed,
        reasons: decision.reasons,
        fieldsSent: decision.fieldsSent,
        droppedFields: decision.droppedFields,
        text: decision.text,
        consent: decision.consent,
        residency: decision.residency,
        jurisdiction: decision.jurisdiction
    };
}

/** The snapshot each vector runs. */
export function snapshotsOf(file: PolicyVectorFile): Array<{ vector: PolicyVector; snapshot: GateSnapshot }> {
    const scenarios = new Map(file.scenarios.map((s) => [s.id, s.snapshot]));
    return file.vectors.map((vector) => ({
        vector,
        snapshot: vectorSnapshot(
            scenarios.get(vector.scenario) as GateSnapshot,
            file.distractors[vector.distractor],
            vector.mode
        )
    }));
}

/** The vectors an evaluator gets wrong. */
export function failingVectors(file: PolicyVectorFile, evaluate: PolicyEvaluator, ctx: PolicyContext): PolicyVector[] {
    return snapshotsOf(file)
        .filter(
            ({ vector, snapshot }) => JSON.stringify(view(evaluate(snapshot, ctx))) !== JSON.stringify(vector.expected)
        )
        .map(({ vector }) => vector);
}
