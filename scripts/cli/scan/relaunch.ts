/**
 * A large local scan runs in a Node process whose V8 settings fit the work, started anew by the scan
 * command once it knows how many Apex files it will parse.
 *
 * Node gives V8 four background threads whatever the number of cores. On a 2-core CI runner they take
 * turns with the main thread: the optimising compiler's jobs, concurrent marking and parallel scavenging
 * preempt the scan. `--v8-pool-size=0` sizes the pool from the cores. And a scan keeps every file's tree
 * to the end, so young-generation collections copy those trees: `--max-semi-space-size=8` (half of V8's
 * default) moves them to the old generation sooner. Both can only be given when Node starts, which costs
 * one more start-up (about 70 ms on the 2-core build machine): it pays from a couple of hundred Apex
 * files on (figures in docs/scan.md, "Performance"). A process that already runs with a pool size (the
 * relaunched one, or one the user started with their own) is never relaunched; nor is a debugged one.
 */
import { spawnSync } from 'node:child_process';

/** Apex files from which starting again pays for the second Node start-up. */
export const RELAUNCH_FILES = 250;

/** The Node options a large scan runs with. */
export const RELAUNCH_OPTIONS = ['--v8-pool-size=0', '--max-semi-space-size=8'];

/** The Node options this process was started with: its command line, then NODE_OPTIONS. */
function givenOptions(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
    return [...execArgv, ...(nodeOptions ?? '').split(/\s+/).filter(Boolean)];
}

function isGiven(given: readonly string[], option: string): boolean {
    const name = option.split('=')[0];
    return given.some((arg) => arg === name || arg.startsWith(`${name}=`));
}

/**
 * The options to start again with for a scan of `apexFiles` files, or null to scan in this process:
 * too few files, a pool size already given (by the user, or because this is the relaunched process), or
 * a debugger attached.
 */
export function relaunchOptions(
    apexFiles: number,
    execArgv: readonly string[],
    nodeOptions: string | undefined
): string[] | null {
    const given = givenOptions(execArgv, nodeOptions);
    if (apexFiles < RELAUNCH_FILES || isGiven(given, RELAUNCH_OPTIONS[0])) {
        return null;
    }
    if (given.some((arg) => arg.startsWith('--inspect') || arg.startsWith('--debug'))) {
        return null;
    }
    // A semi-space size the user chose is kept.
    return RELAUNCH_OPTIONS.filter((option) => !isGiven(given, option));
}

/**
 * Runs this same command line again in a new Node process with `options`, sharing the standard streams,
 * and returns its exit code; null when it could not start (the caller then scans in this process).
 */
export function relaunch(options: readonly string[], env: NodeJS.ProcessEnv): number | null {
    // A local scan opens no TLS connection, and Node reads NODE_EXTRA_CA_CERTS when it starts (40 ms on
    // the build machine), so the new process starts without it. Org scans are never relaunched.
    const childEnv = { ...env };
    delete childEnv.NODE_EXTRA_CA_CERTS;
    const result = spawnSync(process.execPath, [...process.execArgv, ...options, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: childEnv
    });
    if (result.error) {
        return null;
    }
    if (result.signal) {
        // Ended by a signal (Ctrl-C): end the same way, so callers see what happened.
        process.kill(process.pid, result.signal);
        return 130;
    }
    return result.status ?? 1;
}
