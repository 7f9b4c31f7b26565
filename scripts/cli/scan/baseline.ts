/**
 * Baselines: the fingerprints of findings that already existed when a baseline was taken, so CI
 * fails only on new ones. A baseline file is the scanner's own JSON report, a SARIF report it
 * wrote, or `{ "fingerprints": [...] }` as written by `--write-baseline`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from './types';

export const SARIF_FINGERPRINT_KEY = 'wardenFingerprint/v1';

export class BaselineError extends Error {}

export function parseBaseline(text: string, source = 'baseline'): Set<string> {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new BaselineError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    const out = new Set<string>();
    const object = json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
    if (object && Array.isArray(object.fingerprints)) {
        for (const fingerprint of object.fingerprints) {
            if (typeof fingerprint === 'string') {
                out.add(fingerprint);
            }
        }
        return out;
    }
    if (object && Array.isArray(object.findings)) {
        for (const finding of object.findings as Array<Record<string, unknown>>) {
            if (finding && typeof finding.fingerprint === 'string') {
                out.add(finding.fingerprint);
            }
        }
        return out;
    }
    if (object && Array.isArray(object.runs)) {
        for (const run of object.runs as Array<{ results?: Array<{ partialFingerprints?: Record<string, string> }> }>) {
            for (const result of run.results ?? []) {
                const fingerprint = result.partialFingerprints?.[SARIF_FINGERPRINT_KEY];
                if (typeof fingerprint === 'string') {
                    out.add(fingerprint);
                }
            }
        }
        return out;
    }
    throw new BaselineError(
        `${source} holds no fingerprints: expected {"fingerprints": [...]}, a warden JSON report or a warden SARIF report`
    );
}

export function loadBaseline(file: string): Set<string> {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new BaselineError(`cannot read baseline ${file}: ${(error as Error).message}`);
    }
    return parseBaseline(text, file);
}

export function writeBaseline(file: string, findings: Finding[]): void {
    const fingerprints = [...new Set(findings.map((f) => f.fingerprint))].sort();
    writeFileSync(file, `${JSON.stringify({ version: 1, fingerprints }, null, 2)}\n`);
}

/** Splits findings into new ones and ones the baseline already knows. */
export function applyBaseline(
    findings: Finding[],
    baseline: Set<string> | null
): { fresh: Finding[]; known: Finding[] } {
    if (!baseline) {
        return { fresh: findings, known: [] };
    }
    const fresh: Finding[] = [];
    const known: Finding[] = [];
    for (const finding of findings) {
        (baseline.has(finding.fingerprint) ? known : fresh).push(finding);
    }
    return { fresh, known };
}
