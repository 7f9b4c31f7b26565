/**
 * `sfge`: Salesforce Graph Engine, the path-based analyser the AppExchange security review runs, over
 * all Apex of all package directories through the same Code Analyzer wrapper as `pmd`. It walks every
 * path from every entry point (global, @AuraEnabled, @InvocableMethod... methods) and reports FLS/CRUD,
 * null bind variables, null dereferences and more. Every violation fails the step except the known
 * false positives listed with a reason in config/sfge-allowlist.json (same shape and rules as the
 * apex-semantics allowlist: an entry that matches nothing fails). An entry point the engine could not
 * finish (its default 30 s per entry point ran out, or it hit an internal error) fails the step, named by
 * file and line: a path it did not walk is a path it cannot vouch for, and its answers for it vary from
 * run to run, so only a run where every entry point finished can pass.
 */
import { availableParallelism } from 'node:os';
import { displayPath } from '../../../cli/lib/project';
import { AnalyzerRun, runCodeAnalyzer, SEVERITY_NAMES } from '../code-analyzer';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';
import { Allowlist, applyAllowlist, loadAllowlist } from './apex-semantics';

export const SFGE_ALLOWLIST_FILE = 'config/sfge-allowlist.json';
export const SFGE_RULE_SELECTOR = 'sfge';

/** How the step words an unfinished entry point's problem, and how many files it analyses again alone. */
const UNFINISHED_PROBLEM = /^entry point not analysed to the end: /;
const RERUN_LIMIT = 5;

/** How the engine reports an entry point it could not finish (a timeout, an internal error). */
const UNFINISHED = /^Internal execution error while scanning entry point: (.+?):(\d+):(\d+): ([\s\S]*)$/;

/** The engine's advice before an internal error's stack trace, which would hide the error in a one-line report. */
const BOILERPLATE = /^Graph Engine identified your source and sink[\s\S]*?Error and stacktrace: /;

/** A violation as the allowlist sees it: its sink file and "Rule: message". */
type Finding = {
    file: string;
    line?: number;
    column?: number;
    message: string;
    severity: number;
    /** The entry point the path started from, file:line, when the engine names one apart from the sink. */
    entry?: string;
};

/**
 * The engine's thread count: one per core. Its time limit is wall-clock per entry point, so eight threads
 * (its default) on a two-core machine give each entry point a quarter of a core and turn load into timeouts.
 * With one thread per core the default limit measures the entry point's own work.
 */
export function sfgeThreadCount(): number {
    return Math.max(1, availableParallelism());
}

export type SfgeVerdict = { problems: Problem[]; violations: number; allowed: number; unfinished: number };

function label(finding: Finding): string {
    const from = finding.entry ? `, from entry point ${finding.entry}` : '';
    return `${finding.message} [${SEVERITY_NAMES[finding.severity] ?? finding.severity}${from}]`;
}

/**
 * The step's verdict on one engine run, a pure function of it: every violation not allowlisted fails,
 * every unfinished entry point fails with its file and line, any other engine error fails.
 */
export function judgeSfgeRun(
    root: string,
    run: AnalyzerRun,
    allowlist: Allowlist,
    options: { targeted?: boolean } = {}
): SfgeVerdict {
    const problems: Problem[] = [...allowlist.problems];
    const findings: Finding[] = run.violations.map((violation) => {
        const entry = violation.locations[0];
        const startsElsewhere =
            entry !== undefined && (entry.file !== violation.primary.file || entry.line !== violation.primary.line);
        return {
            file: violation.primary.file ?? '',
            line: violation.primary.line,
            column: violation.primary.column,
            message: `${violation.rule}: ${oneLine(violation.message)}`,
            severity: violation.severity,
            entry: startsElsewhere && entry.file ? `${entry.file}:${entry.line ?? 0}` : undefined
        };
    });
    const sorted = applyAllowlist(findings, allowlist.entries);
    for (const finding of sorted.failing) {
        problems.push({
            file: finding.file || undefined,
            line: finding.line,
            column: finding.column,
            message: label(finding)
        });
    }
    for (const finding of sorted.allowed) {
        problems.push({
            file: finding.file,
            line: finding.line,
            column: finding.column,
            message: `${label(finding)} (known false positive, allowed in ${SFGE_ALLOWLIST_FILE})`,
            severity: 'note'
        });
    }
    let unfinished = 0;
    for (const message of run.engineErrors) {
        const match = UNFINISHED.exec(message);
        if (match) {
            unfinished += 1;
            problems.push({
                file: displayPath(root, match[1]),
                line: Number(match[2]),
                column: Number(match[3]),
                message: `entry point not analysed to the end: ${oneLine(match[4].replace(BOILERPLATE, 'internal error: '), 400)}`
            });
        } else {
            problems.push({ message: `Code Analyzer: ${oneLine(message, 400)}` });
        }
    }
    // A run with an unfinished entry point may not have reached an allowlisted path; it fails anyway, so an
    // unused entry is reported as stale only after a complete run, and never after a run of a few targets.
    if (unfinished === 0 && !options.targeted) {
        for (const entry of sorted.stale) {
            problems.push({
                file: SFGE_ALLOWLIST_FILE,
                line: entry.line,
                message: `stale allowlist entry: nothing SFGE reports in ${entry.file} matches /${entry.message}/; remove the entry`
            });
        }
    }
    problems.sort(
        (a, b) =>
            (a.file ?? '').localeCompare(b.file ?? '') ||
            (a.line ?? 0) - (b.line ?? 0) ||
            (a.column ?? 0) - (b.column ?? 0) ||
            a.message.localeCompare(b.message)
    );
    return { problems, violations: sorted.failing.length, allowed: sorted.allowed.length, unfinished };
}

/** Whether a problem is an entry point the run could not finish (one with a file: the engine named it). */
function isUnfinished(p: Problem): p is Problem & { file: string } {
    return p.file !== undefined && UNFINISHED_PROBLEM.test(p.message);
}

/** The files holding the entry points a run could not finish. */
export function unfinishedFilesOf(verdict: SfgeVerdict): string[] {
    return [...new Set(verdict.problems.filter(isUnfinished).map((p) => p.file))];
}

/**
 * A full run's verdict with the files in `files` analysed again (`second`): their unfinished entry points are
 * replaced by what the second run found, violations it adds are counted, and what both found is kept once.
 */
export function withRerun(first: SfgeVerdict, second: SfgeVerdict, files: string[]): SfgeVerdict {
    const key = (p: Problem): string => `${p.file}:${p.line}:${p.column}:${p.message}`;
    const kept = first.problems.filter((p) => !(isUnfinished(p) && files.includes(p.file)));
    const seen = new Set(kept.map(key));
    const added = second.problems.filter((p) => !seen.has(key(p)));
    return {
        problems: [...kept, ...added],
        violations: first.violations + added.filter((p) => p.severity !== 'note' && !isUnfinished(p)).length,
        allowed: first.allowed,
        unfinished: first.unfinished - (first.problems.length - kept.length) + second.unfinished
    };
}

export const sfgeStep: CheckStep = {
    name: 'sfge',
    description:
        'Salesforce Graph Engine (as the AppExchange review runs it); any violation or unfinished entry point fails',
    optIn: true,
    async run(ctx) {
        const allowlist = loadAllowlist(ctx.root, SFGE_ALLOWLIST_FILE);
        const analyse = (targets: string[] | undefined, threads: number) =>
            runCodeAnalyzer({
                root: ctx.root,
                engine: 'sfge',
                plugin: async () => (await import('@salesforce/code-analyzer-sfge-engine')).createEnginePlugin(),
                engines: { sfge: { java_command: 'java', java_thread_count: threads } },
                selector: SFGE_RULE_SELECTOR,
                targets
            });
        let run;
        try {
            run = await analyse(ctx.targets, sfgeThreadCount());
        } catch (error) {
            if (/^no rules matched/.test((error as Error).message)) {
                return unitResult([...allowlist.problems, { message: (error as Error).message }]);
            }
            throw error;
        }
        if (!run) {
            return unitResult(allowlist.problems, '0 Apex files: nothing for SFGE to analyse');
        }
        let verdict = judgeSfgeRun(ctx.root, run, allowlist, { targeted: ctx.targets !== undefined });
        let again = '';
        const unfinishedFiles = unfinishedFilesOf(verdict);
        if (unfinishedFiles.length > 0 && unfinishedFiles.length <= RERUN_LIMIT) {
            // The limit is wall-clock time, so an entry point that shared the cores with another thread (and the
            // JVM's own work) can run out of it on a two-core machine. Its file is analysed once more on one
            // thread, alone; the limit stays 30 s, and an entry point that runs out again still fails.
            const rerun = await analyse(unfinishedFiles, 1);
            if (rerun) {
                const second = judgeSfgeRun(ctx.root, rerun, allowlist, { targeted: true });
                again = ` (${plural(verdict.unfinished, 'unfinished entry point')} in ${unfinishedFiles.join(', ')} analysed again alone on one thread: ${plural(second.unfinished, 'still unfinished entry point')})`;
                verdict = withRerun(verdict, second, unfinishedFiles);
            }
        }
        const version = run.engineVersion ? ` (sfge engine ${run.engineVersion})` : '';
        const scope = ctx.targets ? ` (targets only: ${ctx.targets.join(', ')})` : '';
        return unitResult(
            verdict.problems,
            `${plural(run.apexFiles, 'Apex file')}, ${plural(run.ruleCount, 'rule')}, ${plural(verdict.violations, 'violation')}, ${plural(verdict.allowed, 'allowed false positive')}, ${plural(verdict.unfinished, 'unfinished entry point')}${version}${scope}${again}`
        );
    }
};
