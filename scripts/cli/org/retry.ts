/**
 * The one retry policy of the org tooling: exponential backoff with full jitter, Salesforce's
 * Retry-After when it sends one, a deadline no wait may cross, and a strict rule about what may be
 * retried. Reads and polls are retried on any transient failure. Writes are retried only when
 * Salesforce refused them outright (503, REQUEST_LIMIT_EXCEEDED), never after a network error or
 * timeout, when the write may or may not have happened: callers of such writes re-read the org and
 * write only what is still missing (see the deploy steps). A request that timed out is tried once
 * more at most: a server that does not answer twice is not going to, and each try costs the whole
 * request timeout.
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
    /** Attempts in total when the failure is a request timeout. */
    timeoutAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    sleep: (ms: number) => Promise<void>;
    /** A number in [0, 1); Math.random in production. */
    random: () => number;
    /** Milliseconds since the epoch; Date.now in production. */
    now: () => number;
    /** No wait may end after this moment (ms since the epoch): the run's --wait. */
    deadline?: number;
    /** Told before each wait; the commands print it so a slow run explains itself. */
    onRetry?: (event: RetryEvent) => void;
};

export type RetryEvent = {
    label: string;
    attempt: number;
    delayMs: number;
    /** Whether the delay is the one Salesforce asked for (Retry-After) rather than our backoff. */
    askedBySalesforce: boolean;
    error: OrgError;
};

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
    return {
        attempts: 5,
        timeoutAttempts: 2,
        baseDelayMs: 1000,
        maxDelayMs: 30000,
        sleep: realSleep,
        random: Math.random,
        now: Date.now,
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
    if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server') {
        return safety !== 'write' && error.code !== 'DEADLINE';
    }
    return false;
}

/** Full jitter: a random delay between 0 and min(max, base * 2^(attempt-1)). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(policy.random() * ceiling);
}

function gaveUp(error: OrgError, why: string): OrgError {
    return new OrgError(error.kind, `${error.message} (${why})`, error.code, error.remedy);
}

const seconds = (ms: number): string => `${Math.ceil(ms / 1000)} s`;

export async function withRetry<T>(
    label: string,
    safety: Safety,
    policy: RetryPolicy,
    operation: () => Promise<T>,
    secrets: () => Array<string | undefined> = () => []
): Promise<T> {
    let timeouts = 0;
    for (let attempt = 1; ; attempt++) {
        try {
            return await operation();
        } catch (thrown) {
            const error = toOrgError(thrown, label, secrets());
            if (!isRetryable(error, safety)) {
                throw error;
            }
            timeouts += error.kind === 'timeout' ? 1 : 0;
            if (attempt >= policy.attempts || timeouts >= policy.timeoutAttempts) {
                throw attempt > 1 ? gaveUp(error, `gave up after ${attempt} attempts`) : error;
            }
            const askedBySalesforce = error.retryAfterMs !== undefined;
            const delayMs = error.retryAfterMs ?? backoffDelay(policy, attempt);
            if (policy.deadline !== undefined && policy.now() + delayMs >= policy.deadline) {
                throw gaveUp(
                    error,
                    askedBySalesforce
                        ? `Salesforce asked to retry after ${seconds(delayMs)}, past the deadline set by --wait`
                        : 'no time left before the deadline set by --wait'
                );
            }
            policy.onRetry?.({ label, attempt, delayMs, askedBySalesforce, error });
            await policy.sleep(delayMs);
        }
    }
}
