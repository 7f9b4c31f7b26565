/**
 * What the gate would do with a sample prompt: the gate's own snapshot (gathered in the org by GateInputs and
 * returned by WardenSimulatorController) with the sample text as the request's free text, evaluated by the
 * gate's TypeScript twin c/gatePolicy in both modes. There is no decision logic here, so the preview cannot
 * drift from the gate; the shared vectors hold c/gatePolicy to Apex's GatePolicy.
 */
import type { SimulationContext } from 'c/consoleContracts';
import type { NameDictionary } from 'c/nameDictionary';
import type { PhiPattern } from 'c/patternSyntax';
import { evaluatePolicy, type GateDecision, type GateSnapshot } from 'c/gatePolicy';

/**
 * The key the browser pseudonymizes with when the org has one configured. The org's key never leaves the org,
 * so the decision and reasons equal the gate's while the token values themselves differ.
 */
export const PREVIEW_KEY_HEX = '0123456789abcdef'.repeat(4);

export type Simulation = { enforce: GateDecision; monitor: GateDecision };

/** The snapshot of one mode, with the sample text as the request's free text. */
export function simulationSnapshot(
    context: SimulationContext,
    text: string | null,
    mode: 'Enforce' | 'Monitor',
    keyHex: string
): GateSnapshot {
    const snapshot = context.snapshot;
    return {
        ...snapshot,
        mode,
        request: { ...snapshot.request, freeText: text },
        pseudonymKeyHex: context.pseudonymKeyConfigured ? keyHex : null
    };
}

/** What Enforce and Monitor would each do with `text` on the context's record, endpoint and purpose. */
export function simulate(
    context: SimulationContext,
    text: string | null,
    dictionary: NameDictionary | null,
    keyHex: string = PREVIEW_KEY_HEX
): Simulation {
    const ctx = { patterns: context.patterns as PhiPattern[], dictionary };
    return {
        enforce: evaluatePolicy(simulationSnapshot(context, text, 'Enforce', keyHex), ctx),
        monitor: evaluatePolicy(simulationSnapshot(context, text, 'Monitor', keyHex), ctx)
    };
}
