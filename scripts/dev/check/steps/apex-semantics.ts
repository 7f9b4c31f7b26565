/**
 * `apex-semantics`: all Apex of all package directories type-checked offline by the Apex Dev Tools
 * language server (apex-ls, see scripts/dev/lib/apex-ls.ts for how it is run on Java 17): unknown types,
 * methods and fields, incompatible assignments, arguments and return types, and its warnings. Every
 * issue it reports fails the step, warnings included, except the known false positives of apex-ls
 * listed with a reason in config/apex-semantics-allowlist.json (file + a pattern for the whole
 * message). Those print as notes; an entry that matches nothing fails the step, so the list cannot
 * outlive the false positive it excuses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ApexLsIssue, ApexLsSetupError, checkJava, findApexLsJars, runApexLs } from '../../lib/apex-ls';
import { locate } from '../../../cli/lib/position';
import { displayPath, loadProject, projectSourceFiles } from '../../../cli/lib/project';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const ALLOWLIST_FILE = 'config/apex-semantics-allowlist.json';

export type AllowlistEntry = {
    /** Project-relative path of the file, forward slashes. */
    file: string;
    /** A regular expression that must match the whole apex-ls message. */
    message: string;
    reason: string;
    /** Line of the entry in the allowlist file, when it can be found. */
    line?: number;
    pattern: RegExp;
};

export type Allowlist = { entries: AllowlistEntry[]; problems: Problem[] };

/**
 * Reads and validates an allowlist (this step's, or another step's of the same shape: `sfge` keeps one);
 * a missing file is an empty list.
 */
export function loadAllowlist(root: string, file = ALLOWLIST_FILE): Allowlist {
    const path = join(root, file);
    if (!existsSync(path)) {
        return { entries: [], problems: [] };
    }
    const text = readFileSync(path, 'utf8');
    const invalid = (message: string, line?: number): Allowlist => ({
        entries: [],
        problems: [{ file, line, message: `invalid allowlist: ${message}` }]
    });
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return invalid((error as Error).message);
    }
    const list = (json as { falsePositives?: unknown }).falsePositives;
    if (!Array.isArray(list)) {
        return invalid('expected an object with a "falsePositives" array');
    }
    const entries: AllowlistEntry[] = [];
    const problems: Problem[] = [];
    list.forEach((raw: unknown, index) => {
        const entry = (raw ?? {}) as Record<string, unknown>;
        const message = entry.message;
        const line = typeof message === 'string' ? locate(text, JSON.stringify(message))?.line : undefined;
        const fields = ['file', 'message', 'reason'].filter(
            (key) => typeof entry[key] !== 'string' || (entry[key] as string).trim() === ''
        );
        if (fields.length > 0) {
            problems.push({
                file,
                line,
                message: `invalid allowlist: falsePositives[${index}] needs a non-empty ${fields.join(', ')}`
            });
            return;
        }
        let pattern: RegExp;
        try {
            pattern = new RegExp(`^(?:${message as string})$`);
        } catch (error) {
            problems.push({
                file,
                line,
                message: `invalid allowlist: falsePositives[${index}].message is not a regular expression: ${(error as Error).message}`
            });
            return;
        }
        entries.push({
            file: entry.file as string,
            message: message as string,
            reason: entry.reason as string,
            line,
            pattern
        });
    });
    return { entries, problems };
}

export type ReportedIssue = Omit<ApexLsIssue, 'path'> & { file: string };

export type Sorted<T = ReportedIssue> = { failing: T[]; allowed: T[]; stale: AllowlistEntry[] };

/** Splits issues into failing and allowed ones, and finds the allowlist entries that matched none. */
export function applyAllowlist<T extends { file: string; message: string }>(
    issues: T[],
    entries: AllowlistEntry[]
): Sorted<T> {
    const used = new Set<AllowlistEntry>();
    const failing: T[] = [];
    const allowed: T[] = [];
    for (const issue of issues) {
        const entry = entries.find(
            (candidate) => candidate.file === issue.file && candidate.pattern.test(issue.message)
        );
        if (entry) {
            used.add(entry);
            allowed.push(issue);
        } else {
            failing.push(issue);
        }
    }
    return { failing, allowed, stale: entries.filter((entry) => !used.has(entry)) };
}

/** apex-ls names files (also inside messages: "see /abs/path: line 13") by absolute path. */
function relativeTo(root: string, text: string): string {
    return text.split(`${root}${sep}`).join('');
}

export function makeApexSemanticsStep(options: { java?: string; cacheRoot?: string } = {}): CheckStep {
    return {
        name: 'apex-semantics',
        description: 'type-check all Apex offline with apex-ls (Apex Dev Tools); only allowlisted false positives pass',
        async run(ctx) {
            const project = loadProject(ctx.root);
            const apexFiles = projectSourceFiles(project).filter((file) => /\.(cls|trigger)$/i.test(file));
            const allowlist = loadAllowlist(ctx.root);
            const problems: Problem[] = [...allowlist.problems];
            let issues: ReportedIssue[] = [];
            let version = '';
            if (apexFiles.length > 0) {
                const java = await checkJava(options.java);
                if (!java.ok) {
                    return unitResult([...problems, { message: java.message }]);
                }
                try {
                    const jars = findApexLsJars();
                    version = ` (apex-ls ${jars.version.replace(/\+.*SNAPSHOT$/, ' snapshot')})`;
                    const run = await runApexLs(ctx.root, { java: options.java, cacheRoot: options.cacheRoot, jars });
                    issues = run.issues.map(({ path, ...issue }) => ({
                        ...issue,
                        file: displayPath(ctx.root, path),
                        message: oneLine(relativeTo(ctx.root, issue.message))
                    }));
                } catch (error) {
                    const message = (error as Error).message;
                    return unitResult([
                        ...problems,
                        { message: error instanceof ApexLsSetupError ? message : `apex-ls: ${message}` }
                    ]);
                }
            }
            const sorted = applyAllowlist(issues, allowlist.entries);
            for (const issue of sorted.failing) {
                problems.push({
                    file: issue.file,
                    line: issue.line,
                    column: issue.column,
                    message: `${issue.category}: ${issue.message}`
                });
            }
            for (const issue of sorted.allowed) {
                problems.push({
                    file: issue.file,
                    line: issue.line,
                    column: issue.column,
                    message: `${issue.category}: ${issue.message} (known apex-ls false positive, allowed in ${ALLOWLIST_FILE})`,
                    severity: 'note'
                });
            }
            for (const entry of sorted.stale) {
                problems.push({
                    file: ALLOWLIST_FILE,
                    line: entry.line,
                    message: `stale allowlist entry: nothing apex-ls reports in ${entry.file} matches /${entry.message}/; remove the entry`
                });
            }
            problems.sort(
                (a, b) =>
                    (a.file ?? '').localeCompare(b.file ?? '') ||
                    (a.line ?? 0) - (b.line ?? 0) ||
                    (a.column ?? 0) - (b.column ?? 0)
            );
            const stale =
                sorted.stale.length > 0
                    ? `, ${plural(sorted.stale.length, 'stale allowlist entry', 'stale allowlist entries')}`
                    : '';
            return unitResult(
                problems,
                `${plural(apexFiles.length, 'Apex file')}, ${plural(sorted.failing.length, 'issue')}, ${plural(sorted.allowed.length, 'allowed false positive')}${stale}${version}`
            );
        }
    };
}

export const apexSemanticsStep = makeApexSemanticsStep();
