/**
 * The JSON report, documented in docs/scan.md and described by docs/scan-result.schema.json.
 * Baselined findings stay in `findings` (with `baselined: true`), so a report can serve as the
 * next baseline.
 */
import { escapeJsonText } from './escape';
import { Report, summarize } from './report';

export const JSON_SCHEMA_VERSION = 1;

export function buildJson(report: Report): Record<string, unknown> {
    const summary = summarize(report);
    const stats = report.result.stats;
    const baselined = new Set(report.baselined.map((f) => f.fingerprint));
    const all = [...report.findings, ...report.baselined].sort(
        (a, b) =>
            a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
    );
    return {
        schemaVersion: JSON_SCHEMA_VERSION,
        tool: report.tool,
        root: report.root,
        failOn: report.failOn,
        summary: {
            ...summary,
            files: stats.files,
            apexFiles: stats.apexFiles,
            apexLines: stats.apexLines,
            durationMs: stats.durationMs
        },
        findings: all.map((finding) => ({ ...finding, baselined: baselined.has(finding.fingerprint) })),
        suppressed: report.suppressed,
        rules: report.rules.map((rule) => ({
            id: rule.id,
            title: rule.title,
            severity: rule.severity,
            category: rule.category,
            summary: rule.summary,
            docs: `docs/rules/${rule.id}.md`
        }))
    };
}

export function formatJson(report: Report): string {
    return `${escapeJsonText(JSON.stringify(buildJson(report), null, 2))}\n`;
}
