/**
 * What every output format receives: the scan result split by baseline, the fail-on threshold and
 * the rules that ran, plus a summary computed once.
 */
import type { RuleDefinition } from '../rules/rule';
import { Finding, ScanResult, Severity, SEVERITIES, severityRank, SuppressedFinding } from '../types';

export type Report = {
    tool: { name: string; version: string };
    root: string;
    result: ScanResult;
    /** Findings not in the baseline. */
    findings: Finding[];
    /** Findings the baseline already held. */
    baselined: Finding[];
    suppressed: SuppressedFinding[];
    failOn: Severity;
    rules: readonly RuleDefinition[];
};

export type Summary = {
    findings: number;
    bySeverity: Record<Severity, number>;
    failing: number;
    suppressed: number;
    baselined: number;
    failed: boolean;
};

export function failsAt(finding: Finding, failOn: Severity): boolean {
    return severityRank(finding.severity) >= severityRank(failOn);
}

export function summarize(report: Report): Summary {
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const finding of report.findings) {
        bySeverity[finding.severity] += 1;
    }
    const failing = report.findings.filter((f) => failsAt(f, report.failOn)).length;
    return {
        findings: report.findings.length,
        bySeverity,
        failing,
        suppressed: report.suppressed.length,
        baselined: report.baselined.length,
        failed: failing > 0
    };
}
