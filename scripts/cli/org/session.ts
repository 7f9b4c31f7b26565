/**
 * The clock of one command's talk with an org: the run's deadline (--wait, counted from the start),
 * the retry policy bound to it, and the lines that say what the command is waiting for (a retry and
 * why, a request with no answer yet). Shared by `warden deploy` and `warden scan --target-org`.
 */
import type { WaitNotice } from './client';
import { defaultRetryPolicy, RetryEvent, RetryPolicy } from './retry';

export type SessionIo = {
    stderr: (text: string) => void;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    now?: () => Date;
};

export type OrgSession = {
    sleep: (ms: number) => Promise<void>;
    now: () => Date;
    retry: RetryPolicy;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** The line printed before a retry waits. */
export function retryLine(event: RetryEvent): string {
    const why = event.askedBySalesforce ? ', as Salesforce asked (Retry-After)' : '';
    return `  retrying ${event.label} in ${seconds(event.delayMs)}${why} (attempt ${event.attempt + 1}): ${event.error.message}\n`;
}

/** The line printed while a request has no answer. */
export function waitLine(notice: WaitNotice): string {
    const limit = notice.timeoutMs > 0 ? `; gives up after ${Math.round(notice.timeoutMs / 1000)} s` : '';
    return `  waiting for Salesforce to answer: ${notice.label} (${Math.round(notice.waitedMs / 1000)} s so far${limit})\n`;
}

/** A session that ends `waitMinutes` from now. */
export function orgSession(waitMinutes: number, io: SessionIo): OrgSession {
    const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = io.now ?? (() => new Date());
    const clock = (): number => now().getTime();
    const retry = defaultRetryPolicy({
        sleep,
        random: io.random ?? Math.random,
        now: clock,
        deadline: clock() + waitMinutes * 60000,
        onRetry: (event) => io.stderr(retryLine(event))
    });
    return { sleep, now, retry };
}
