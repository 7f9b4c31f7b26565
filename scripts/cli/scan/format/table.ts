/**
 * The terminal report: findings grouped by file, one line each with position, severity, rule and
 * message, the offending source under it, and a summary. Colour only when asked (stdout is a TTY
 * and NO_COLOR is not set); the text is the same without it. Text from the scanned files is shown with
 * its control characters escaped (escape.ts).
 */
import type { Severity } from '../types';
import { escapeForTerminal as safe } from './escape';
import { Report, summarize } from './report';

const COLOURS: Record<Severity, string> = {
    critical: '\u001b[1;31m',
    high: '\u001b[31m',
    medium: '\u001b[33m',
    low: '\u001b[36m',
    info: '\u001b[90m'
};
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';

export function formatTable(report: Report, options: { color: boolean }): string {
    const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
    const lines: string[] = [];
    const byFile = new Map<string, typeof report.findings>();
    for (const finding of report.findings) {
        const list = byFile.get(finding.file) ?? [];
        list.push(finding);
        byFile.set(finding.file, list);
    }
    const positionWidth = Math.max(0, ...report.findings.map((f) => `${f.line}:${f.column}`.length));
    const ruleWidth = Math.max(0, ...report.findings.map((f) => f.ruleId.length));
    for (const [file, findings] of byFile) {
        lines.push(paint(BOLD, safe(file)));
        for (const finding of findings) {
            const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
            const severity = paint(COLOURS[finding.severity], finding.severity.toUpperCase().padEnd(8));
            lines.push(
                `  ${position}  ${severity}  ${safe(finding.ruleId).padEnd(ruleWidth)}  ${safe(finding.message)}`
            );
            if (finding.snippet) {
                lines.push(`  ${' '.repeat(positionWidth)}  ${paint(DIM, `│ ${safe(finding.snippet)}`)}`);
            }
        }
        lines.push('');
    }
    const summary = summarize(report);
    const stats = report.result.stats;
    const counts = (['critical', 'high', 'medium', 'low', 'info'] as Severity[])
        .filter((s) => summary.bySeverity[s] > 0)
        .map((s) => paint(COLOURS[s], `${summary.bySeverity[s]} ${s}`));
    const headline =
        summary.findings === 0
            ? 'No findings.'
            : `${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${counts.join(', ')}) in ${byFile.size} file${byFile.size === 1 ? '' : 's'}.`;
    lines.push(headline);
    const extras: string[] = [];
    const byPmd = report.suppressed.filter((f) => f.suppression.pmd).length;
    if (summary.suppressed - byPmd > 0) {
        extras.push(`${summary.suppressed - byPmd} suppressed by warden:ignore`);
    }
    if (byPmd > 0) {
        extras.push(`${byPmd} suppressed by PMD annotations or NOPMD comments`);
    }
    if (summary.baselined > 0) {
        extras.push(`${summary.baselined} already in the baseline`);
    }
    if (extras.length > 0) {
        lines.push(`${extras.join('; ')}.`);
    }
    lines.push(
        `Scanned ${stats.files} files (${stats.apexFiles} Apex, ${stats.apexLines.toLocaleString('en-US')} lines) in ${(stats.durationMs / 1000).toFixed(2)} s.`
    );
    lines.push(
        summary.failed
            ? paint(
                  COLOURS.critical,
                  `FAILED: ${summary.failing} finding${summary.failing === 1 ? '' : 's'} at or above ${report.failOn}.`
              )
            : `Passed: nothing at or above ${report.failOn}.`
    );
    return `${lines.join('\n')}\n`;
}
