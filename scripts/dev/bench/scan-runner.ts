/**
 * One `warden scan <args>` in a process of its own, for bench:scan: the scan command itself, built by
 * the benchmark into two bundles, one with the scanner's parser and one with its oracle, apex-parser,
 * in its place (scripts/dev/apex-oracle/as-parser.ts), so both are timed on the same work in the same
 * kind of process.
 */
import { runScan } from '../../cli/scan/command';

runScan(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd()
}).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`scan-runner: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 2;
    }
);
