/**
 * `npm run bench:verify`: verification speed of the inference log chain, each kept implementation beside its
 * oracle in the same run (docs/checks.md, "Fast paths kept, and their oracles"). Builds a chained log of
 * 1,000,000 entries in memory (Node crypto), then times:
 * - verifyChain with Node's SHA-256 (what `warden verify` uses after reading), with as a floor raw Node
 *   SHA-256 of the same canonical bytes;
 * - the Merkle root over all one million entry hashes (auditChain's, on words, as both `warden verify` and
 *   the browser compute it) beside the level-by-level computation on Node's crypto, and with as a floor the
 *   same number of bare SHA-256 calls;
 * - on a smaller log, the browser's task: verifyChain with the pure TypeScript SHA-256, and the Merkle root on
 *   words beside the level-by-level computation on the pure SHA-256;
 * - end to end, the log written as a CSV export and checked by `warden verify` (the byte reader) in a
 *   process of its own, beside the csv-parse reader feeding the same verifier (its oracle), with the ratio
 *   and each one's peak memory.
 * Wall and CPU seconds are printed, with the load average: compare ratios on a busy machine.
 *
 *   npx tsx scripts/dev/bench/verify.ts [--entries N] [--pure-entries N] [--no-end-to-end]
 */
import { spawnSync } from 'node:child_process';
import * as nodeCrypto from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    EXPORT_COLUMNS,
    canonicalEntry,
    merkleRoot,
    type LogEntry
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { verifyChain } from '../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { nodeSha256 } from '../../cli/verify/chain';
import { exportCsv, sampleLog } from '../generate/sample-log';
import { merkleRootByLevels, nodeMerkleNode, pureMerkleNode } from '../testing/chain-oracles';

const LINE = {
    name: 'npm run bench:verify',
    summary: 'Verification speed of the inference log chain, then warden verify end to end (options go after --).',
    options: {
        entries: { type: 'string', value: 'N', description: 'entries in the log (default 1000000)' },
        'pure-entries': {
            type: 'string',
            value: 'N',
            description: 'entries verified with the pure TypeScript SHA-256 (default 50000)'
        },
        'no-end-to-end': { type: 'boolean', description: 'skip warden verify on a CSV export' }
    }
} as const satisfies CommandLine;

function timed<T>(run: () => T): { value: T; seconds: number; cpuSeconds: number } {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const value = run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    return { value, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

const count = (n: number): string => n.toLocaleString('en-US');
const rate = (n: number, seconds: number): string => Math.round(n / seconds).toLocaleString('en-US');

/** verifyChain in memory with Node's SHA-256, and its floor. Returns entries per second, or null. */
function inMemory(log: LogEntry[]): number | null {
    const verify = timed(() => verifyChain(log, { sha256: nodeSha256 }));
    if (!verify.value.ok) {
        process.stderr.write(`The generated log does not verify: ${verify.value.break?.message}\n`);
        return null;
    }
    process.stdout.write(
        `verify (Node SHA-256; verifyChain on the entries in memory, as warden verify after reading): ${count(log.length)} entries in ${verify.seconds.toFixed(2)} s = ${rate(log.length, verify.seconds)} entries/s (CPU ${verify.cpuSeconds.toFixed(2)} s = ${rate(log.length, verify.cpuSeconds)} entries/CPU-s); target >= 200,000 entries/s\n`
    );
    // Floor: raw Node SHA-256 over the canonical bytes of a sample of the same entries (strings built beforehand).
    const floorCount = Math.min(log.length, 100_000);
    const canon = log.slice(0, floorCount).map((e) => Buffer.from(canonicalEntry(e) + String(e.PreviousHash__c)));
    const floor = timed(() => {
        let last = '';
        for (const bytes of canon) {
            last = nodeCrypto.hash('sha256', bytes, 'hex');
        }
        return last;
    });
    const floorPerEntry = floor.cpuSeconds / floorCount;
    process.stdout.write(
        `  floor (one-shot crypto.hash SHA-256 of the same canonical bytes, ${count(floorCount)} entries): ${(floorPerEntry * 1e6).toFixed(2)} CPU-us/entry = ${rate(1, floorPerEntry)} entries/CPU-s; verify costs ${(verify.cpuSeconds / log.length / floorPerEntry).toFixed(2)}x the floor (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)\n`
    );
    return log.length / verify.seconds;
}

/** The Merkle root of every entry hash: the kept one beside its oracle on Node's crypto. Returns its seconds. */
function merkle(log: LogEntry[]): number {
    const hashes = log.map((e) => String(e.EntryHash__c));
    const words = timed(() => merkleRoot(hashes));
    const levels = timed(() => merkleRootByLevels(hashes, nodeMerkleNode));
    if (levels.value !== words.value) {
        throw new Error('The Merkle root on words differs from the level-by-level one.');
    }
    process.stdout.write(
        `Merkle root of ${count(log.length)} entries (on words, as warden verify and the browser compute it): ${words.seconds.toFixed(2)} s (CPU ${words.cpuSeconds.toFixed(2)} s); target < 5 s; root ${words.value}\n` +
            `  oracle, level by level with Node's crypto per node: ${levels.seconds.toFixed(2)} s (CPU ${levels.cpuSeconds.toFixed(2)} s); the words take ${(words.cpuSeconds / levels.cpuSeconds).toFixed(2)}x its CPU time (a Node-only Merkle root would have to be 2x faster than the words to be kept)\n`
    );
    // Floor: the same number of SHA-256 computations over 65-byte buffers, nothing else, with the digest as
    // a 32-character 'binary' string, the cheapest form crypto returns per call.
    const node = Buffer.alloc(65, 1);
    const floor = timed(() => {
        for (let i = 1; i < log.length; i++) {
            nodeCrypto.hash('sha256', node, 'binary');
        }
    });
    process.stdout.write(
        `  floor (${count(log.length - 1)} one-shot crypto.hash SHA-256 of 65 bytes, 'binary' digest): ${floor.seconds.toFixed(2)} s (CPU ${floor.cpuSeconds.toFixed(2)} s); the Merkle root costs ${(words.cpuSeconds / floor.cpuSeconds).toFixed(2)}x the floor\n`
    );
    return words.seconds;
}

/** What the console does in the browser: the pure SHA-256, and the Merkle root on words beside its oracle. */
function browser(log: LogEntry[], pureCount: number): void {
    const sample = log.slice(0, pureCount);
    const pure = timed(() => verifyChain(sample));
    process.stdout.write(
        `verify (pure TypeScript SHA-256, as in the browser): ${count(pureCount)} entries in ${pure.seconds.toFixed(2)} s = ${rate(pureCount, pure.seconds)} entries/s (CPU ${pure.cpuSeconds.toFixed(2)} s = ${rate(pureCount, pure.cpuSeconds)} entries/CPU-s)\n`
    );
    const hashes = sample.map((e) => String(e.EntryHash__c));
    const words = timed(() => merkleRoot(hashes));
    const levels = timed(() => merkleRootByLevels(hashes, pureMerkleNode));
    if (levels.value !== words.value) {
        throw new Error('The Merkle root on words differs from the level-by-level one.');
    }
    process.stdout.write(
        `Merkle root of ${count(pureCount)} entries in the browser's terms: on words ${words.seconds.toFixed(3)} s (CPU ${words.cpuSeconds.toFixed(3)} s); oracle level by level through the pure SHA-256 of byte arrays ${levels.seconds.toFixed(3)} s (CPU ${levels.cpuSeconds.toFixed(3)} s): words are ${(levels.cpuSeconds / words.cpuSeconds).toFixed(1)}x faster (CPU)\n`
    );
}

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const entries = positiveInteger(LINE.name, 'entries', parsed.values.entries) ?? 1_000_000;
    const pureCount = Math.min(
        entries,
        positiveInteger(LINE.name, 'pure-entries', parsed.values['pure-entries']) ?? 50_000
    );
    process.stdout.write(`Building a chained log of ${count(entries)} entries...\n`);
    const build = timed(() => sampleLog(entries, nodeSha256));
    const log = build.value;
    process.stdout.write(`  built in ${build.seconds.toFixed(2)} s\n`);
    const perSecond = inMemory(log);
    if (perSecond === null) {
        return 1;
    }
    const merkleSeconds = merkle(log);
    browser(log, pureCount);
    let endToEndPerSecond: number | null = null;
    if (!parsed.values['no-end-to-end']) {
        endToEndPerSecond = endToEnd(log);
        if (endToEndPerSecond === null) {
            return 1;
        }
    }
    const ok =
        perSecond >= 200_000 && merkleSeconds < 5 && (endToEndPerSecond === null || endToEndPerSecond >= 200_000);
    process.stdout.write(
        ok
            ? `Targets met (verify in memory${endToEndPerSecond === null ? '' : ' and warden verify end to end'} >= 200,000 entries/s, Merkle root < 5 s).\n`
            : 'Targets NOT met on this run (see the CPU figures when the machine is busy).\n'
    );
    return 0;
}

/** The log as a CSV export (CRLF, as Data Loader and `sf data query` write it), written in slices. */
function writeExport(log: ReadonlyArray<LogEntry>, file: string): void {
    const fd = openSync(file, 'w');
    try {
        writeSync(fd, EXPORT_COLUMNS.join(',') + '\r\n');
        for (let i = 0; i < log.length; i += 10_000) {
            const csv = exportCsv(log.slice(i, i + 10_000), EXPORT_COLUMNS);
            writeSync(fd, csv.slice(csv.indexOf('\r\n') + 2));
        }
    } finally {
        closeSync(fd);
    }
}

/**
 * The log written as a CSV export, verified end to end in a process of its own (startup, reading, parsing and
 * verifying, the whole command as a user runs it): `warden verify` with its byte reader, then the csv-parse
 * reader of scripts/dev/testing/chain-oracles.ts feeding the same verifier, its oracle and peer. CPU and peak
 * memory come from /usr/bin/time when present. Returns `warden verify`'s entries per second, or null when a
 * run failed.
 */
function endToEnd(log: ReadonlyArray<LogEntry>): number | null {
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-verify-'));
    try {
        const file = join(dir, 'InferenceLog.csv');
        const written = timed(() => writeExport(log, file));
        const megabytes = statSync(file).size / 1e6;
        process.stdout.write(
            `  (wrote the log as a CSV export of ${megabytes.toFixed(0)} MB in ${written.seconds.toFixed(2)} s)\n`
        );
        const root = findProjectRoot();
        const head = `"headHash":"${String(log[log.length - 1].EntryHash__c)}"`;
        const fast = runTimed(
            log.length,
            'warden verify, byte reader',
            [process.execPath, join(root, 'scripts', 'cli', 'warden.js'), 'verify', file, '--json'],
            head
        );
        const oracle =
            fast &&
            runTimed(
                log.length,
                'csv-parse reader feeding the verifier (the oracle)',
                [
                    join(root, 'node_modules', '.bin', 'tsx'),
                    join(root, 'scripts', 'dev', 'testing', 'chain-oracles.ts'),
                    file
                ],
                head
            );
        if (!fast || !oracle) {
            return null;
        }
        process.stdout.write(
            `  the byte reader is ${(oracle.seconds / fast.seconds).toFixed(2)}x faster than the csv-parse reader (wall)` +
                (fast.cpu !== null && oracle.cpu !== null ? `, ${(oracle.cpu / fast.cpu).toFixed(2)}x (CPU)` : '') +
                '\n'
        );
        return log.length / fast.seconds;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Runs a verifying command over the export, under /usr/bin/time -v when present; null when it failed. */
function runTimed(
    entries: number,
    label: string,
    command: string[],
    head: string
): { seconds: number; cpu: number | null } | null {
    const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
    const [cmd, cmdArgs] = timeBinary ? [timeBinary, ['-v', ...command]] : [command[0], command.slice(1)];
    const started = process.hrtime.bigint();
    const run = spawnSync(cmd, cmdArgs, { cwd: findProjectRoot(), encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0 || !run.stdout.replace(/\s/g, '').includes(head)) {
        process.stderr.write(`${label} failed on the export (exit ${run.status}): ${run.stdout}${run.stderr}\n`);
        return null;
    }
    const number = (name: string): number | null => {
        const match = new RegExp(`${name}:\\s*([\\d.]+)`).exec(run.stderr);
        return match ? Number(match[1]) : null;
    };
    const user = number('User time \\(seconds\\)');
    const system = number('System time \\(seconds\\)');
    const rss = number('Maximum resident set size \\(kbytes\\)');
    const cpu = user !== null && system !== null ? user + system : null;
    process.stdout.write(
        `end to end, ${label} (its own process: start, read, parse, verify): ${count(entries)} entries in ${seconds.toFixed(2)} s = ${rate(entries, seconds)} entries/s` +
            (cpu !== null ? ` (CPU ${cpu.toFixed(2)} s = ${rate(entries, cpu)} entries/CPU-s)` : '') +
            (rss !== null ? `; peak memory ${(rss / 1024).toFixed(0)} MB` : '') +
            `; exit 0, head hash as built (load average ${loadavg()[0].toFixed(1)})\n`
    );
    return { seconds, cpu };
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
