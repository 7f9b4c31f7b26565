/**
 * The console simulator's code path (c/policySimulation over the snapshot WardenSimulatorController returns)
 * gives the gate's answer on every shared policy vector, in the vector's mode, and never needs the org's key.
 */
import { join } from 'node:path';
import type { GateDecision, GateSnapshot, PolicyContext } from 'c/gatePolicy';
import type { PhiPatternRow, SimulationContext } from 'c/consoleContracts';
import { PREVIEW_KEY_HEX, simulate, simulationSnapshot } from 'c/policySimulation';
import {
    failingVectors,
    loadPolicyVectors,
    shippedContext,
    snapshotsOf
} from '../../../../../../scripts/dev/generate/gate-policy-check';

const root = join(__dirname, '..', '..', '..', '..', '..', '..');
const file = loadPolicyVectors(root);
const shipped = shippedContext(root);

/** What the controller returns for a gate snapshot: no free text (the browser adds it) and no key. */
function contextOf(snapshot: GateSnapshot, ctx: PolicyContext): SimulationContext {
    return {
        recordId: '003000000000001AAA',
        purpose: snapshot.request.purpose ?? '',
        snapshot: { ...snapshot, request: { ...snapshot.request, freeText: null }, pseudonymKeyHex: null },
        pseudonymKeyConfigured: snapshot.pseudonymKeyHex !== null,
        patterns: ctx.patterns as unknown as PhiPatternRow[]
    };
}

/** The simulator as the console runs it, with the vector file's key standing in for the preview key. */
function throughSimulator(snapshot: GateSnapshot, ctx: PolicyContext): GateDecision {
    const simulation = simulate(
        contextOf(snapshot, ctx),
        snapshot.request.freeText,
        ctx.dictionary,
        snapshot.pseudonymKeyHex ?? PREVIEW_KEY_HEX
    );
    return snapshot.mode === 'Monitor' ? simulation.monitor : simulation.enforce;
}

describe('c/policySimulation against the gate policy vectors', () => {
    it(`answers like the gate on all ${file.vectors.length} vectors`, () => {
        expect(file.vectors.length).toBeGreaterThanOrEqual(400);
        expect(failingVectors(file, throughSimulator, shipped).map((vector) => vector.id)).toEqual([]);
    });

    it('would notice a simulator that ignored the mode', () => {
        const enforceOnly = (snapshot: GateSnapshot, ctx: PolicyContext): GateDecision =>
            throughSimulator({ ...snapshot, mode: 'Enforce' }, ctx);
        const failing = failingVectors(file, enforceOnly, shipped);
        expect(failing.length).toBeGreaterThan(0);
        expect(failing.every((vector) => vector.mode === 'Monitor')).toBe(true);
    });

    it('would notice a simulator that dropped the sample text', () => {
        const noText = (snapshot: GateSnapshot, ctx: PolicyContext): GateDecision =>
            simulate(contextOf(snapshot, ctx), null, ctx.dictionary, snapshot.pseudonymKeyHex ?? PREVIEW_KEY_HEX)[
                snapshot.mode === 'Monitor' ? 'monitor' : 'enforce'
            ];
        expect(failingVectors(file, noText, shipped).length).toBeGreaterThan(0);
    });
});

describe('c/policySimulation', () => {
    const withKey = snapshotsOf(file).find(({ snapshot }) => snapshot.pseudonymKeyHex !== null)?.snapshot;

    it('puts the sample text and the mode into the snapshot and uses its own key only when the org has one', () => {
        expect(withKey).toBeDefined();
        const context = contextOf(withKey as GateSnapshot, shipped);
        const monitor = simulationSnapshot(context, 'Call me on 0170 1234567', 'Monitor', PREVIEW_KEY_HEX);
        expect(monitor.mode).toBe('Monitor');
        expect(monitor.request.freeText).toBe('Call me on 0170 1234567');
        expect(monitor.pseudonymKeyHex).toBe(PREVIEW_KEY_HEX);
        expect(context.snapshot.pseudonymKeyHex).toBeNull();
        const unkeyed = simulationSnapshot({ ...context, pseudonymKeyConfigured: false }, null, 'Enforce', 'ab');
        expect(unkeyed.pseudonymKeyHex).toBeNull();
        expect(unkeyed.mode).toBe('Enforce');
    });

    it('returns both modes, Monitor letting through what Enforce blocks', () => {
        const blocked = snapshotsOf(file).find(
            ({ vector }) =>
                vector.mode === 'Monitor' && vector.expected.allowed && vector.expected.outcome === 'Blocked'
        );
        expect(blocked).toBeDefined();
        const snapshot = (blocked as { snapshot: GateSnapshot }).snapshot;
        const simulation = simulate(contextOf(snapshot, shipped), snapshot.request.freeText, shipped.dictionary);
        expect(simulation.enforce).toMatchObject({ mode: 'Enforce', outcome: 'Blocked', allowed: false });
        expect(simulation.monitor).toMatchObject({ mode: 'Monitor', outcome: 'Blocked', allowed: true });
        expect(simulation.monitor.reasons).toContain('MONITOR_ONLY');
    });
});
