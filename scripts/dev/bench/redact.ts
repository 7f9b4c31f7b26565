/**
 * `npm run bench:redact`: `warden redact` end to end on a large text, in a process of its own as a user runs it
 * (start, read stdin, redact, write stdout), for issue 16's target of 50 MB in bounded memory (<= 300 MB peak).
 * The text is the clinical notes of eval:phi (clinical-notes.ts), and the Presidio set's texts when the data set
 * is found, repeated in order up to the size asked for. The same command runs on a small text first, its peer:
 * memory bounded independently of the input's size shows as a peak ratio near 1 between the two, and CPU
 * seconds per MB should not grow with size either. Peak memory and CPU time are the child's own
 * (process.resourceUsage at its exit, through the preload rusage-preload.cjs), so no /usr/bin/time is needed.
 *
 *   npx tsx scripts/dev/bench/redact.ts [--megabytes N] [--small N] [--data <presidio json>]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { clinicalNotes } from './clinical-notes';
import { findDataset } from '../redact/dataset';

const LINE = {
    name: 'npm run bench:redact',
    summary: 'warden redact end to end on a large text: MB/s and peak memory, against the same on a small text.',
    options: {
        megabytes: { type: 'string', value: 'N', description: 'size of the large text in MB (default 50)' },
        small: { type: 'string', value: 'N', description: 'size of the small text, its peer, in MB (default 5)' },
        data: {
            type: 'string',
            value: '<file>',
            description: 'the Presidio data set (default: found as eval:phi does)'
        }
    }
} as const satisfies CommandLine;

/** The peak memory target of issue 16 for 50 MB of text, in MB. */
export const PEAK_TARGET_MB = 300;

export type RedactRun = {
    megabytes: number;
    seconds: number;
    cpuSeconds: number;
    peakMb: number;
    outputMegabytes: number;
};

const MARK = '@@warden-bench-rusage ';

/** The child's own rusage line, written by rusage-preload.cjs on exit; null when missing. */
export function readRusage(stderr: string): { peakMb: number; cpuSeconds: number } | null {
    const at = stderr.lastIndexOf(MARK);
    if (at < 0) {
        return null;
    }
    const line = stderr.slice(at + MARK.length).split('\n')[0];
    const usage = JSON.parse(line) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    return { peakMb: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
}

/** Writes `texts`, repeated in order and separated by blank lines, to `file` until it holds `bytes` bytes. */
export function writeText(file: string, texts: readonly string[], bytes: number): void {
    if (texts.length === 0) {
        throw new Error('bench:redact: no texts to write.');
    }
    const fd = openSync(file, 'w');
    try {
        let written = 0;
        let slice: string[] = [];
        let sliceBytes = 0;
        for (let i = 0; written + sliceBytes < bytes; i = (i + 1) % texts.length) {
            const piece = texts[i] + '\n\n';
            slice.push(piece);
            sliceBytes += Buffer.byteLength(piece);
            if (sliceBytes >= 1 << 20) {
                written += writeSync(fd, slice.join(''));
                slice = [];
                sliceBytes = 0;
            }
        }
        if (slice.length > 0) {
            writeSync(fd, slice.join(''));
        }
    } finally {
        closeSync(fd);
    }
}

/** Runs `warden redact` with the file on stdin and another file on stdout; null (with the reason on stderr) when it failed. */
function timeRedact(root: string, input: string, output: string): RedactRun | null {
    const stdin = openSync(input, 'r');
    const stdout = openSync(output, 'w');
    const started = process.hrtime.bigint();
    let run;
    try {
        run = spawnSync(
            process.execPath,
            [
                '--require',
                join(root, 'scripts', 'dev', 'bench', 'rusage-preload.cjs'),
                join(root, 'scripts', 'cli', 'warden.js'),
                'redact'
            ],
            { cwd: root, stdio: [stdin, stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 }
        );
    } finally {
        closeSync(stdin);
        closeSync(stdout);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = readRusage(run.stderr ?? '');
    const megabytes = statSync(input).size / 1e6;
    if (run.status !== 0 || usage === null) {
        process.stderr.write(
            `bench:redact: warden redact failed on ${megabytes.toFixed(1)} MB (exit ${String(run.status)}${run.error ? `, ${run.error.message}` : ''}); its stderr:\n${(run.stderr ?? '').slice(0, 2000)}\n`
        );
        return null;
    }
    const rest = (run.stderr ?? '').slice(0, (run.stderr ?? '').lastIndexOf(MARK)).trim();
    if (rest !== '') {
        // The generated text is valid UTF-8: any report here is a fault of the command or of this bench.
        process.stderr.write(`bench:redact: warden redact wrote to stderr: ${rest.slice(0, 500)}\n`);
        return null;
    }
    return {
        megabytes,
        seconds,
        cpuSeconds: usage.cpuSeconds,
        peakMb: usage.peakMb,
        outputMegabytes: statSync(output).size / 1e6
    };
}

function describe(label: string, run: RedactRun): string {
    return (
        `${label}: ${run.megabytes.toFixed(1)} MB in ${run.seconds.toFixed(2)} s = ${(run.megabytes / run.seconds).toFixed(2)} MB/s ` +
        `(CPU ${run.cpuSeconds.toFixed(2)} s = ${(run.megabytes / run.cpuSeconds).toFixed(2)} MB per CPU-second); ` +
        `peak memory ${run.peakMb.toFixed(1)} MB; output ${run.outputMegabytes.toFixed(1)} MB`
    );
}

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const large = positiveInteger(LINE.name, 'megabytes', parsed.values.megabytes) ?? 50;
    const small = positiveInteger(LINE.name, 'small', parsed.values.small) ?? 5;
    const root = findProjectRoot();
    const dataFile = parsed.values.data !== undefined ? resolve(parsed.values.data) : findDataset(root);
    const texts = clinicalNotes().map((t) => t.text);
    if (dataFile !== null) {
        const items = JSON.parse(readFileSync(dataFile, 'utf8')) as Array<{ full_text: string }>;
        texts.push(...items.map((item) => item.full_text));
    }
    const source =
        dataFile !== null
            ? `eval:phi's clinical notes and the Presidio set's texts (${dataFile})`
            : "eval:phi's clinical notes (the Presidio set was not found)";
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-redact-'));
    try {
        const runs: RedactRun[] = [];
        for (const megabytes of [small, large]) {
            const input = join(dir, `input-${megabytes}.txt`);
            writeText(input, texts, megabytes * 1e6);
            const run = timeRedact(root, input, join(dir, 'output.txt'));
            rmSync(input, { force: true });
            if (run === null) {
                return 1;
            }
            runs.push(run);
        }
        const [peer, big] = runs;
        const out = [
            `warden redact end to end, each in its own process (start, read stdin, redact, write stdout), on ${source}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores:`,
            `  ${describe('small text (the peer)', peer)}`,
            `  ${describe('large text', big)}`,
            `  large against small: ${(big.megabytes / peer.megabytes).toFixed(1)}x the input, ${(big.peakMb / peer.peakMb).toFixed(2)}x the peak memory, ` +
                `${(big.cpuSeconds / big.megabytes / (peer.cpuSeconds / peer.megabytes)).toFixed(2)}x the CPU time per MB`,
            big.megabytes >= 50 && big.peakMb <= PEAK_TARGET_MB
                ? `Target met: ${big.megabytes.toFixed(0)} MB redacted with a peak of ${big.peakMb.toFixed(1)} MB (<= ${PEAK_TARGET_MB} MB).`
                : big.megabytes < 50
                  ? `Target not checked: the large text is under 50 MB.`
                  : `Target NOT met: a peak of ${big.peakMb.toFixed(1)} MB on ${big.megabytes.toFixed(0)} MB (target <= ${PEAK_TARGET_MB} MB).`
        ];
        process.stdout.write(out.join('\n') + '\n');
        return 0;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
