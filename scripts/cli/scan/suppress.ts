/**
 * Which findings are suppressed, and the suppressions that are wrong or unused: `warden:ignore`
 * comments always (suppressions.ts), PMD's suppressions when asked (pmd-suppressions.ts).
 */
import type { ApexFile } from './apex/model';
import { addFileNote, compareFindings, FindingCollector, sha256 } from './findings';
import { findPmdSuppression, pmdSuppressions, type PmdSuppression } from './pmd-suppressions';
import { ALL_RULES, ENGINE_RULE_IDS } from './rules';
import { findSuppression, parseSuppressions, ParsedSuppression } from './suppressions';
import type { Finding, Severity, SourceFile, SuppressedFinding } from './types';

/** PMD suppressions of each Apex file, when they are honoured. */
function pmdByFile(apexFiles: ApexFile[], honour: boolean): Map<string, PmdSuppression[]> {
    const out = new Map<string, PmdSuppression[]>();
    if (honour) {
        for (const file of apexFiles) {
            const list = pmdSuppressions(file);
            if (list.length > 0) {
                out.set(file.path, list);
            }
        }
    }
    return out;
}

/**
 * Splits findings into reported and suppressed by the files' `warden:ignore` comments (and PMD's
 * suppressions when `honourPmd`), and reports the comments that are malformed or suppress nothing
 * (of the rules that ran).
 */
export function applySuppressions(
    all: Finding[],
    scannable: SourceFile[],
    apexFiles: ApexFile[],
    selected: Set<string>,
    severityOverrides: Record<string, Severity>,
    honourPmd = false
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const knownRuleIds = new Set([...ALL_RULES.map((r) => r.id), ...ENGINE_RULE_IDS]);
    const suppressionsByFile = new Map<string, ParsedSuppression[]>();
    for (const file of scannable) {
        const parsed = parseSuppressions(file.content, knownRuleIds);
        if (parsed.length > 0) {
            suppressionsByFile.set(file.path, parsed);
        }
    }
    const pmd = pmdByFile(apexFiles, honourPmd);
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    const used = new Set<ParsedSuppression>();
    for (const finding of all) {
        const engine = finding.ruleId === 'parse-error' || finding.ruleId === 'skipped-file';
        const suppression = engine
            ? undefined
            : findSuppression(suppressionsByFile.get(finding.file) ?? [], finding.ruleId, finding.line);
        const byPmd =
            engine || suppression
                ? undefined
                : findPmdSuppression(pmd.get(finding.file) ?? [], finding.ruleId, finding.line);
        if (suppression) {
            used.add(suppression);
            suppressed.push({ ...finding, suppression: { line: suppression.line, reason: suppression.reason } });
        } else if (byPmd) {
            suppressed.push({ ...finding, suppression: { line: byPmd.line, reason: byPmd.reason, pmd: byPmd.pmd } });
        } else {
            findings.push(finding);
        }
    }
    const diagnostics = new FindingCollector();
    for (const [path, list] of suppressionsByFile) {
        const componentName = apexFiles.find((f) => f.path === path)?.componentName;
        for (const suppression of list) {
            const note = {
                path,
                componentName,
                line: suppression.line,
                column: suppression.column,
                snippet: suppression.text,
                fingerprintText: suppression.text
            };
            if (suppression.problem) {
                addFileNote(diagnostics, 'invalid-suppression', severityOverrides, {
                    ...note,
                    message: `This warden:ignore comment ${suppression.problem}; it suppresses nothing.`
                });
            } else if (!used.has(suppression) && suppression.rules.every((r) => selected.has(r))) {
                addFileNote(diagnostics, 'unused-suppression', severityOverrides, {
                    ...note,
                    message: `This warden:ignore comment suppresses no finding of ${suppression.rules.join(', ')} on this line or the next; remove it.`
                });
            }
        }
    }
    for (const pending of diagnostics.pending) {
        const { key, ...finding } = pending;
        findings.push({ ...finding, fingerprint: sha256(`${key}\u0000${finding.line}`) });
    }
    return { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings) };
}
