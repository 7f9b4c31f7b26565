/**
 * Time and stack budgets: no single file can stop or stall a scan. Parsing a file and analysing each
 * of its methods run under a deadline that the parser and the analyses check cooperatively (`tick`,
 * a counter and, every so often, the clock); a file whose parse or analysis overruns it, or runs out
 * of stack, becomes a `skipped-file` finding saying so, its other findings are withdrawn (they would
 * be partial), and the scan goes on. Real code stays far below the budget: the whole benchmark corpus
 * of 100,000 lines parses and is analysed in about a second.
 */
import type { ApexFile } from './apex/model';

/** How long parsing one file, or analysing one method, may take. */
export const DEFAULT_BUDGET_MS = 10_000;

export class BudgetExceeded extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

let deadline = Infinity;
let budgetMs = DEFAULT_BUDGET_MS;
let ticks = 0;

/** Called in the parser's and the analyses' inner loops: throws when the current deadline has passed. */
export function tick(): void {
    ticks += 1;
    if ((ticks & 0xff) === 0 && performance.now() > deadline) {
        throw new BudgetExceeded(`it took longer than ${formatSeconds(budgetMs)} to analyse`);
    }
}

function formatSeconds(ms: number): string {
    return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** True for a stack overflow (by name: under test runners it may come from another realm). */
export function isStackOverflow(error: unknown): boolean {
    return (error as { name?: unknown } | null)?.name === 'RangeError';
}

/**
 * Runs `work` under a deadline of `ms` from now (nested calls keep the outer deadline). Returns its
 * result, or throws BudgetExceeded (also for a stack overflow) for the caller to record.
 */
export function withDeadline<T>(ms: number, work: () => T): T {
    if (deadline !== Infinity) {
        return work();
    }
    deadline = performance.now() + ms;
    budgetMs = ms;
    try {
        return work();
    } catch (error) {
        if (isStackOverflow(error)) {
            throw new BudgetExceeded('the analysis ran out of stack (the code nests or calls too deeply)');
        }
        throw error;
    } finally {
        deadline = Infinity;
    }
}

/** The files that could not be analysed within budget during one scan, with why. */
export class Budget {
    readonly overrun = new Map<string, string>();

    constructor(readonly ms: number = DEFAULT_BUDGET_MS) {}

    /** Runs one piece of analysis of `file`; on overrun records the file and returns `fallback`. */
    run<T>(file: ApexFile, what: string, work: () => T, fallback: T): T {
        if (this.overrun.has(file.path)) {
            return fallback;
        }
        try {
            return withDeadline(this.ms, work);
        } catch (error) {
            if (error instanceof BudgetExceeded) {
                this.overrun.set(file.path, `${what}: ${error.reason}`);
                return fallback;
            }
            throw error;
        }
    }
}
