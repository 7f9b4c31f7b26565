/**
 * The one retry policy of the org tooling: exponential backoff with full jitter, and a strict rule
 * about what may be retried. Reads and polls are retried on any transient failure. Writes are
 * retried only when Salesforce refused them outright (503, REQUEST_LIMIT_EXCEEDED), never after a
 * network error or timeout, when the write may or may not have happened: callers of such writes
 * re-read the org and write only what is still missing (see the deploy steps).
 *
 * Clock and randomness are injected so tests run without waiting and see the same delays every time.
 */
import { OrgError, toOrgError } from './errors';

/**
 * read: no side effects (queries, describe, checkDeployStatus).
 * idempotent-write: repeating it leaves the same end state (upsert by key, update to fixed values).
 * write: repeating it could duplicate work (create records, start a deploy, run anonymous Apex).
 */
export type Safety = 'read' | 'idempotent-write' | 'write';

export type RetryPolicy = {
    /** Attempts in total, the first one included. */
    attempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    sleep: (ms: number) => Promise<void>;
    /** A number in [0, 1); Math.random in production. */
    random: () => number;
    /** Told before each wait; the commands print it so a slow run explains itself. */
    onRetry?: (event: RetryEvent) => void;
};

export type RetryEvent = { label: string; attempt: number; delayMs: number; error: OrgError };

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
    return {
        attempts: 5,
        baseDelayMs: 1000,
        maxDelayMs: 30000,
        sleep: realSleep,
        random: Math.random,
        ...overrides
    };
}

/** Whether an error of this kind may be retried for an operation of this safety. */
export function isRetryable(error: OrgError, safety: Safety): boolean {
    if (error.kind === 'limit') {
        // The daily limit does not recover within any backoff we would wait.
        return error.code === 'REQUEST_LIMIT_EXCEEDED' && !/daily API requests/.test(error.message);
    }
    if (error.kind === 'unavailable') {
        return true;
    }
    if (error.kind === 'network' || error.kind === 'timeout') {
        return safety !== 'write';
    }
    return false;
}

/** Full jitter: a random delay between 0 and min(max, base * 2^(attempt-1)). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(policy.random() * ceiling);
}

export async function withRetry<T>(
    label: string,
    safety: Safety,
    policy: RetryPolicy,
    operation: () => Promise<T>,
    secrets: () => Array<string | undefined> = () => []
): Promise<T> {
    for (let attempt = 1; ; attempt++) {
        try {
            return await operation();
        } catch (thrown) {
            const error = toOrgError(thrown, label, secrets());
            if (attempt >= policy.attempts || !isRetryable(error, safety)) {
                if (attempt > 1 && isRetryable(error, safety)) {
                    throw new OrgError(
                        error.kind,
                        `${error.message} (gave up after ${attempt} attempts)`,
                        error.code,
                        error.remedy
                    );
                }
                throw error;
            }
            const delayMs = backoffDelay(policy, attempt);
            policy.onRetry?.({ label, attempt, delayMs, error });
            await policy.sleep(delayMs);
        }
    }
}
