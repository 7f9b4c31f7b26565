/**
 * What every `warden` command (and every development tool under scripts/dev) exports: a summary for the
 * command list and a run function that returns the exit code instead of calling process.exit, so tests
 * can drive it in process.
 */
export type Command = {
    summary: string;
    run(args: string[]): Promise<number>;
};

/** Exit codes shared by every command (docs/scan.md, docs/deploy.md, docs/audit-format.md). */
export const EXIT = {
    ok: 0,
    /** Findings at or above the threshold, a chain that does not verify, a failed deploy. */
    failed: 1,
    /** Bad usage, unreadable input or configuration, missing or refused credentials. */
    usage: 2
} as const;
