/**
 * The interface every check step implements (the contract's "check-step interface"), and small
 * helpers the steps share for building their results.
 */

export type Problem = {
    /** Path relative to the project root, with forward slashes. */
    file?: string;
    line?: number;
    column?: number;
    message: string;
    /** 'note' is printed but does not fail the step. Default 'error'. */
    severity?: 'error' | 'note';
};

export type StepResult = {
    /** Passed units: tests for jest, otherwise 1 when the step passed. */
    passed: number;
    /** Failed units: failed tests for jest, otherwise 1 when the step failed. */
    failed: number;
    problems: Problem[];
    /** One line of counts for the step line, e.g. "42 files, 0 errors". */
    summary?: string;
};

export type CheckContext = {
    /** Absolute path of the project (the folder holding sfdx-project.json). */
    root: string;
    /**
     * `--targets`: files or folders (relative to the project) whose Apex alone the Code Analyzer steps analyse,
     * with the whole project still the workspace the engine resolves calls in; for iterating on a few classes.
     */
    targets?: string[];
};

export type CheckStep = {
    name: string;
    description: string;
    /**
     * Runs only when named in `--only` (`npm run test:sfge`): for a step too slow and CPU-heavy for every
     * `npm test` (`sfge`, minutes of JVM).
     */
    optIn?: boolean;
    run(ctx: CheckContext): Promise<StepResult>;
};

export function isError(problem: Problem): boolean {
    return problem.severity !== 'note';
}

/** The result of a single-unit step: passes exactly when no problem is an error. */
export function unitResult(problems: Problem[], summary?: string): StepResult {
    const failed = problems.some(isError);
    return { passed: failed ? 0 : 1, failed: failed ? 1 : 0, problems, summary };
}

/** Shortens very long tool messages (ANTLR's "expecting {...}" lists) to one readable line. */
export function oneLine(message: string, max = 300): string {
    const flat = message.replace(/\s*\r?\n\s*/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
