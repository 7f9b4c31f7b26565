/**
 * The check orchestrator: runs the selected steps one after another, prints one line per step and
 * every problem as `file:line:column: message`, and ends with exactly one `N passed, N failed`
 * line. A step that throws is a failed step carrying its error; it never passes silently.
 */
import { performance } from 'node:perf_hooks';
import { UsageError } from '../../cli/lib/errors';
import { CheckContext, CheckStep, isError, Problem, StepResult } from './step';

export type StepSelection = {
    only?: string[];
    skip?: string[];
};

export type StepOutcome = {
    name: string;
    result: StepResult;
    durationMs: number;
    crashed: boolean;
};

export type CheckReport = {
    outcomes: StepOutcome[];
    passed: number;
    failed: number;
    exitCode: number;
};

export type RunOutput = {
    /** Receives every line of the report (no trailing newline). */
    write(line: string): void;
    /** Receives "starting step" notices, for a terminal; may be omitted. */
    progress?(line: string): void;
};

/**
 * The steps to run, in list order, after --only and --skip; an opt-in step runs only when --only names it.
 * Unknown names are a usage error.
 */
export function selectSteps(steps: readonly CheckStep[], selection: StepSelection): CheckStep[] {
    const known = new Set(steps.map((step) => step.name));
    for (const name of [...(selection.only ?? []), ...(selection.skip ?? [])]) {
        if (!known.has(name)) {
            throw new UsageError(`warden check: unknown step "${name}"; the steps are: ${[...known].join(', ')}`);
        }
    }
    const only = selection.only && selection.only.length > 0 ? new Set(selection.only) : undefined;
    const skip = new Set(selection.skip ?? []);
    return steps.filter((step) => (only ? only.has(step.name) : !step.optIn) && !skip.has(step.name));
}

export function formatProblem(stepName: string, problem: Problem): string {
    const note = problem.severity === 'note' ? 'note: ' : '';
    if (!problem.file) {
        return `${stepName}: ${note}${problem.message}`;
    }
    let where = problem.file;
    if (problem.line !== undefined) {
        where += `:${problem.line}`;
        if (problem.column !== undefined) {
            where += `:${problem.column}`;
        }
    }
    return `${where}: ${note}${problem.message}`;
}

export function formatDuration(ms: number): string {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Keeps the totals honest whatever a step returns: errors always mean at least one failed unit. */
function normalise(result: StepResult): StepResult {
    const count = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
    let passed = count(result.passed);
    let failed = count(result.failed);
    const problems = Array.isArray(result.problems) ? result.problems : [];
    if (failed === 0 && problems.some(isError)) {
        failed = 1;
        passed = passed > 1 ? passed : 0;
    }
    return { ...result, passed, failed, problems };
}

function crashResult(error: unknown): StepResult {
    const message =
        error instanceof Error
            ? (error.stack ?? `${error.name}: ${error.message}`)
            : `non-error thrown: ${String(error)}`;
    return { passed: 0, failed: 1, problems: [{ message: `step crashed: ${message}` }], summary: 'crashed' };
}

export async function runChecks(
    steps: readonly CheckStep[],
    ctx: CheckContext,
    output: RunOutput,
    clock: () => number = () => performance.now()
): Promise<CheckReport> {
    const outcomes: StepOutcome[] = [];
    const width = Math.max(0, ...steps.map((step) => step.name.length));
    for (const step of steps) {
        output.progress?.(`… ${step.name}: ${step.description}`);
        const started = clock();
        let result: StepResult;
        let crashed = false;
        try {
            result = normalise(await step.run(ctx));
        } catch (error) {
            result = crashResult(error);
            crashed = true;
        }
        const durationMs = clock() - started;
        outcomes.push({ name: step.name, result, durationMs, crashed });
        const status = result.failed > 0 ? 'FAIL' : 'PASS';
        const counts = `${result.passed} passed, ${result.failed} failed`;
        const summary = result.summary ? `  ${result.summary}` : '';
        output.write(`${status} ${step.name.padEnd(width)}  ${counts}  (${formatDuration(durationMs)})${summary}`);
        for (const problem of result.problems) {
            output.write(formatProblem(step.name, problem));
        }
    }
    const passed = outcomes.reduce((sum, outcome) => sum + outcome.result.passed, 0);
    const failed = outcomes.reduce((sum, outcome) => sum + outcome.result.failed, 0);
    output.write(`${passed} passed, ${failed} failed`);
    return { outcomes, passed, failed, exitCode: failed > 0 ? 1 : 0 };
}
