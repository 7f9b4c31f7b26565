/**
 * `npm run bench:verify`: verification speed of the inference log chain. Builds a chained log of 1,000,000
 * entries in memory (Node crypto), then times verifyChain with Node's SHA-256 (what `warden verify` uses)
 * and the Merkle root over all one million entry hashes; a smaller run times the pure TypeScript SHA-256
 * that the console uses in the browser. Prints wall and CPU seconds, and as a floor measured in the same run,
 * raw Node SHA-256 of the same bytes (canonical entries of a sample; the Merkle tree's 65-byte nodes), so the
 * figures can be judged on a busy machine by their ratio to the floor. Last, end to end: the same log written
 * as a CSV export and checked by `warden verify` in a process of its own (reading, parsing and verifying),
 * with its byte reader and then with the plain reader, with the ratio and each one's peak memory.
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
    PURE_HASHER,
    canonicalEntry,
    merkleRoot,
    toCsv,
    verifyChain,
    type LogEntry
} from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { NODE_HASHER } from '../../cli/verify/chain';
import { sampleLog } from '../generate/sample-log';

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

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const count = positiveInteger(LINE.name, 'entries', parsed.values.entries) ?? 1_000_000;
    const pureCount = positiveInteger(LINE.name, 'pure-entries', parsed.values['pure-entries']) ?? 50_000;
    process.stdout.write(`Building a chained log of ${count.toLocaleString('en-US')} entries...\n`);
    const build = timed(() => sampleLog(count, NODE_HASHER));
    const log = build.value;
    process.stdout.write(`  built in ${build.seconds.toFixed(2)} s\n`);

    const verify = timed(() => verifyChain(log, { hasher: NODE_HASHER }));
    if (!verify.value.ok) {
        process.stderr.write(`The generated log does not verify: ${verify.value.break?.message}\n`);
        return 1;
    }
    const perSecond = count / verify.seconds;
    process.stdout.write(
        `verify (Node SHA-256; verifyChain on the entries in memory, as warden verify after reading): ${count.toLocaleString('en-US')} entries in ${verify.seconds.toFixed(2)} s = ${Math.round(perSecond).toLocaleString('en-US')} entries/s (CPU ${verify.cpuSeconds.toFixed(2)} s = ${Math.round(count / verify.cpuSeconds).toLocaleString('en-US')} entries/CPU-s); target >= 200,000 entries/s\n`
    );

    // Floor: raw Node SHA-256 over the canonical bytes of a sample of the same entries (strings built beforehand).
    const floorCount = Math.min(count, 100_000);
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
        `  floor (one-shot crypto.hash SHA-256 of the same canonical bytes, ${floorCount.toLocaleString('en-US')} entries): ${(floorPerEntry * 1e6).toFixed(2)} CPU-us/entry = ${Math.round(1 / floorPerEntry).toLocaleString('en-US')} entries/CPU-s; verify costs ${(verify.cpuSeconds / count / floorPerEntry).toFixed(2)}x the floor (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)\n`
    );

    const hashes = log.map((e) => String(e.EntryHash__c));
    const merkle = timed(() => merkleRoot(hashes, NODE_HASHER));
    process.stdout.write(
        `Merkle root of ${count.toLocaleString('en-US')} entries: ${merkle.seconds.toFixed(2)} s (CPU ${merkle.cpuSeconds.toFixed(2)} s); target < 5 s; root ${merkle.value}\n`
    );

    // Floor: the same number of SHA-256 computations over 65-byte buffers, nothing else, with the digest as
    // a 32-character 'binary' string, the cheapest form crypto returns per call (a Buffer digest costs about
    // three times as much) and the one the Merkle root uses.
    const node = Buffer.alloc(65, 1);
    const merkleFloor = timed(() => {
        for (let i = 1; i < count; i++) {
            nodeCrypto.hash('sha256', node, 'binary');
        }
    });
    process.stdout.write(
        `  floor (${(count - 1).toLocaleString('en-US')} one-shot crypto.hash SHA-256 of 65 bytes, 'binary' digest): ${merkleFloor.seconds.toFixed(2)} s (CPU ${merkleFloor.cpuSeconds.toFixed(2)} s); Merkle root costs ${(merkle.cpuSeconds / merkleFloor.cpuSeconds).toFixed(2)}x the floor\n`
    );

    const sample = log.slice(0, pureCount);
    const pure = timed(() => verifyChain(sample, { hasher: PURE_HASHER }));
    process.stdout.write(
        `verify (pure TypeScript SHA-256, as in the browser): ${pureCount.toLocaleString('en-US')} entries in ${pure.seconds.toFixed(2)} s = ${Math.round(pureCount / pure.seconds).toLocaleString('en-US')} entries/s (CPU ${pure.cpuSeconds.toFixed(2)} s = ${Math.round(pureCount / pure.cpuSeconds).toLocaleString('en-US')} entries/CPU-s)\n`
    );
    let endToEndPerSecond: number | null = null;
    if (!parsed.values['no-end-to-end']) {
        endToEndPerSecond = endToEnd(log);
        if (endToEndPerSecond === null) {
            return 1;
        }
    }
    const ok =
        perSecond >= 200_000 && merkle.seconds < 5 && (endToEndPerSecond === null || endToEndPerSecond >= 200_000);
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
            const csv = toCsv(log.slice(i, i + 10_000), EXPORT_COLUMNS);
            writeSync(fd, csv.slice(csv.indexOf('\r\n') + 2));
        }
    } finally {
        closeSync(fd);
    }
}

/**
 * `warden verify` on the log written as a CSV export, in a process of its own: startup, reading, parsing and
 * verifying, the whole command as a user runs it; once with the byte reader (the default) and once with the
 * plain reader (WARDEN_VERIFY_FAST=0), its peer. CPU and peak memory come from /usr/bin/time when present.
 * Returns the byte reader's entries per second, or null when a run failed.
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
        const fast = runVerify(log, file, 'byte reader', {});
        const plain = fast && runVerify(log, file, 'plain reader, WARDEN_VERIFY_FAST=0', { WARDEN_VERIFY_FAST: '0' });
        if (!fast || !plain) {
            return null;
        }
        process.stdout.write(
            `  the byte reader is ${(plain.seconds / fast.seconds).toFixed(2)}x faster than the plain reader (wall)` +
                (fast.cpu !== null && plain.cpu !== null ? `, ${(plain.cpu / fast.cpu).toFixed(2)}x (CPU)` : '') +
                '\n'
        );
        return log.length / fast.seconds;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function runVerify(
    log: ReadonlyArray<LogEntry>,
    file: string,
    label: string,
    env: Record<string, string>
): { seconds: number; cpu: number | null } | null {
    const root = findProjectRoot();
    const command = [process.execPath, join(root, 'scripts', 'cli', 'warden.js'), 'verify', file];
    const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
    const [cmd, cmdArgs] = timeBinary ? [timeBinary, ['-v', ...command]] : [command[0], command.slice(1)];
    const started = process.hrtime.bigint();
    const run = spawnSync(cmd, cmdArgs, {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, ...env }
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const head = String(log[log.length - 1].EntryHash__c);
    if (run.status !== 0 || !run.stdout.includes(`head ${head}`)) {
        process.stderr.write(`warden verify on the export failed (exit ${run.status}): ${run.stdout}${run.stderr}\n`);
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
        `end to end, ${label} (npx warden verify on that export, its own process: start, read, parse, verify): ${log.length.toLocaleString('en-US')} entries in ${seconds.toFixed(2)} s = ${Math.round(log.length / seconds).toLocaleString('en-US')} entries/s` +
            (cpu !== null
                ? ` (CPU ${cpu.toFixed(2)} s = ${Math.round(log.length / cpu).toLocaleString('en-US')} entries/CPU-s)`
                : '') +
            (rss !== null ? `; peak memory ${(rss / 1024).toFixed(0)} MB` : '') +
            `; exit 0, head hash as built (load average ${loadavg()[0].toFixed(1)})\n`
    );
    return { seconds, cpu };
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
