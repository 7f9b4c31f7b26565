// Generated from policySimulation.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { evaluatePolicy } from "c/gatePolicy";
export const PREVIEW_KEY_HEX = "0123456789abcdef".repeat(4);
export function simulationSnapshot(context, text, mode, keyHex) {
  const snapshot = context.snapshot;
  return {
    ...snapshot,
    mode,
    request: { ...snapshot.request, freeText: text },
    pseudonymKeyHex: context.pseudonymKeyConfigured ? keyHex : null
  };
}
export function simulate(context, text, dictionary, keyHex = PREVIEW_KEY_HEX) {
  const ctx = { patterns: context.patterns, dictionary };
  return {
    enforce: evaluatePolicy(simulationSnapshot(context, text, "Enforce", keyHex), ctx),
    monitor: evaluatePolicy(simulationSnapshot(context, text, "Monitor", keyHex), ctx)
  };
}
