/**
 * `npm run bench:scan`: the scanner benchmark (a measurement, not a test). Generates a synthetic
 * corpus of at least 100k lines of Apex deterministically into a temp folder, then measures:
 *  - whole-process time and peak RSS of `warden scan` over the corpus, run as a user runs it;
 *  - the same scan with the fast parser off (WARDEN_FAST_PARSE=0, apex-parser for every file), and
 *    whether its findings and fingerprints are identical (the bench fails if not);
 *  - the same for PMD through Salesforce Code Analyzer's PMD engine with the equivalent Apex
 *    security and performance rules, on the same files, in its own process;
 * in three rounds of one Warden run then one PMD run, and prints the median of each and the median
 * of the rounds' ratios; last, once nothing else is timed, warm throughput: lines of Apex per
 * CPU-second of the engine in this process, after one warm-up pass, best of three (one core: the
 * engine is single-threaded). Options: --lines N (default 100000), --skip-pmd, --keep (keep the corpus).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { scanSources } from '../../cli/scan/engine';
import { generateCorpus, writeCorpus } from './corpus';

export const PMD_RULES = [
    'ApexCRUDViolation',
    'ApexSharingViolations',
    'ApexSOQLInjection',
    'ApexInsecureEndpoint',
    'ApexOpenRedirect',
    'ApexXSSFromEscapeFalse',
    'ApexXSSFromURLParam',
    'ApexSuggestUsingNamedCred',
    'ApexBadCrypto',
    'ApexCSRF',
    'ApexDangerousMethods',
    'OperationWithLimitsInLoop'
];

const ROOT = join(__dirname, '..', '..', '..');

type Measured = {
    wallMs: number;
    cpuMs: number | null;
    maxRssMb: number | null;
    code: number;
    stdout: string;
    stderr: string;
};

/** Runs a command, measuring wall time, and CPU and peak RSS through /usr/bin/time -v when present. */
function measure(
    command: string,
    args: string[],
    cwd: string,
    env: NodeJS.ProcessEnv = process.env
): Promise<Measured> {
    const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
    const [cmd, cmdArgs] = timeBinary ? [timeBinary, ['-v', command, ...args]] : [command, args];
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => out.push(c));
        child.stderr.on('data', (c: Buffer) => err.push(c));
        child.on('error', reject);
        child.on('close', (code) => {
            const wallMs = performance.now() - started;
            const stderr = Buffer.concat(err).toString('utf8');
            const number = (label: string): number | null => {
                const match = new RegExp(`${label}:\\s*([\\d.]+)`).exec(stderr);
                return match ? Number(match[1]) : null;
            };
            const user = number('User time \\(seconds\\)');
            const system = number('System time \\(seconds\\)');
            const rss = number('Maximum resident set size \\(kbytes\\)');
            resolve({
                wallMs,
                cpuMs: user !== null && system !== null ? (user + system) * 1000 : null,
                maxRssMb: rss !== null ? rss / 1024 : null,
                code: code ?? 1,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr
            });
        });
    });
}

const PMD_RUNNER = `
const core = require(${JSON.stringify(require.resolve('@salesforce/code-analyzer-core'))});
const pmd = require(${JSON.stringify(require.resolve('@salesforce/code-analyzer-pmd-engine'))});
const path = require('path');
const fs = require('fs');
(async () => {
    const [root, work] = process.argv.slice(2);
    const config = core.CodeAnalyzerConfig.fromObject({
        log_folder: work,
        root_working_folder: work,
        engines: { pmd: { java_command: 'java', rule_languages: ['apex'] }, cpd: { disable_engine: true } }
    }, root);
    const analyzer = new core.CodeAnalyzer(config);
    await analyzer.addEnginePlugin(pmd.createEnginePlugin());
    const workspace = await analyzer.createWorkspace([path.join(root, 'force-app')]);
    const selection = await analyzer.selectRules(${JSON.stringify(PMD_RULES.map((r) => `pmd:${r}`))}, { workspace });
    const results = await analyzer.run(selection, { workspace });
    const counts = {};
    for (const v of results.getViolations()) counts[v.getRule().getName()] = (counts[v.getRule().getName()] || 0) + 1;
    process.stdout.write(JSON.stringify({ rules: selection.getCount(), violations: results.getViolationCount(), counts }) + '\\n');
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\\n'); process.exit(1); });
`;

type PmdSummary = { rules: number; violations: number; counts: Record<string, number> };

/** Rounds of one Warden run and one PMD run. */
const ROUNDS = 3;

function mb(value: number | null): string {
    return value === null ? 'n/a' : `${Math.round(value)} MB`;
}

function loadAverage(): string {
    return loadavg()[0].toFixed(1);
}

function fmt(ms: number | null): string {
    return ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Warm in-process throughput: CPU time of this process, one thread, best of three passes after one
 * warm-up. Run after the processes are timed: four scans leave this process with a large heap to
 * collect, and that collection, on the second core, would slow the processes measured beside it.
 */
function warmThroughput(corpus: ReturnType<typeof generateCorpus>): void {
    scanSources(corpus.files);
    let best = Infinity;
    let findings = 0;
    let fastParsed = 0;
    for (let run = 0; run < 3; run += 1) {
        const before = process.cpuUsage();
        const result = scanSources(corpus.files);
        const used = process.cpuUsage(before);
        best = Math.min(best, (used.user + used.system) / 1000);
        findings = result.findings.length;
        fastParsed = result.stats.fastParsed;
    }
    const warmRate = corpus.apexLines / (best / 1000);
    process.stdout.write(
        `Warden warm: ${Math.round(warmRate).toLocaleString('en-US')} lines/s per CPU-second (best of 3 passes: ${fmt(best)} CPU), ${findings} findings; ${fastParsed} of ${corpus.apexFiles} files parsed by the fast path, the rest by apex-parser\n`
    );
}

const LINE = {
    name: 'npm run bench:scan',
    summary: 'The scanner benchmark: warden scan on a generated corpus of Apex, against PMD (options go after --).',
    options: {
        lines: { type: 'string', value: 'N', description: 'lines of Apex in the corpus, at least (default 100000)' },
        'skip-pmd': { type: 'boolean', description: 'time Warden only' },
        keep: { type: 'boolean', description: 'keep the corpus folder' }
    }
} as const satisfies CommandLine;

async function main(argv: string[]): Promise<number> {
    const parsed = readCommandLine(argv, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const minLines = positiveInteger(LINE.name, 'lines', parsed.values.lines) ?? 100_000;
    const skipPmd = parsed.values['skip-pmd'] ?? false;
    const keep = parsed.values.keep ?? false;
    const loadBefore = loadAverage();
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
    try {
        const corpus = generateCorpus(minLines);
        writeCorpus(dir, corpus);
        process.stdout.write(
            `Corpus: ${corpus.apexFiles} Apex files, ${corpus.apexLines.toLocaleString('en-US')} lines, in ${dir}\n`
        );

        // Whole process, as a user runs it.
        const wardenArgs = [
            join(ROOT, 'scripts', 'cli', 'warden.js'),
            'scan',
            dir,
            '--format',
            'json',
            '--output',
            join(dir, 'warden.json')
        ];
        await measure(process.execPath, wardenArgs, ROOT); // warm-up: file cache and the compiled CLI (npm run build:cli)

        // The same scan with the fast path off (apex-parser for every file): its time, and proof
        // that the fast path changes nothing in the report.
        const slowArgs = [...wardenArgs.slice(0, -1), join(dir, 'warden-apex-parser.json')];
        const slow = await measure(process.execPath, slowArgs, ROOT, { ...process.env, WARDEN_FAST_PARSE: '0' });
        const findingsOf = (file: string): string =>
            JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as { findings: unknown }).findings);
        const identical = findingsOf(join(dir, 'warden.json')) === findingsOf(join(dir, 'warden-apex-parser.json'));
        if (!identical) {
            process.stdout.write('The findings of the fast path and of apex-parser are DIFFERENT.\n');
            return 1;
        }

        // Rounds of one Warden run and one PMD run, back to back, so both meet the same machine: these
        // machines are shared, and a slow minute would otherwise land on one side only. The ratio of each
        // round is computed, and the median round reported.
        const runner = join(dir, 'pmd-runner.cjs');
        writeFileSync(runner, PMD_RUNNER);
        const rounds: Array<{ warden: Measured; pmd: Measured | null }> = [];
        let pmdSummary: PmdSummary | null = null;
        for (let round = 0; round < ROUNDS; round += 1) {
            const warden = await measure(process.execPath, wardenArgs, ROOT);
            if (warden.code !== 0 && warden.code !== 1) {
                process.stderr.write(warden.stderr);
                return 2;
            }
            let pmd: Measured | null = null;
            if (!skipPmd) {
                const work = mkdtempSync(join(tmpdir(), 'warden-bench-pmd-'));
                pmd = await measure(process.execPath, [runner, dir, work], ROOT);
                rmSync(work, { recursive: true, force: true });
                if (pmd.code !== 0) {
                    process.stderr.write(`PMD run failed:\n${pmd.stderr.slice(-2000)}\n`);
                    return 2;
                }
                pmdSummary = JSON.parse(pmd.stdout.trim().split('\n').pop() ?? '{}') as PmdSummary;
            }
            rounds.push({ warden, pmd });
        }
        const median = <T>(items: T[], key: (item: T) => number): T =>
            [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
        const warden = median(rounds, (r) => r.warden.wallMs).warden;
        process.stdout.write(
            `Warden whole process (median of ${ROUNDS} runs: ${rounds.map((r) => fmt(r.warden.wallMs)).join(', ')}): ${fmt(warden.wallMs)} wall, ${fmt(warden.cpuMs)} CPU, peak RSS ${mb(warden.maxRssMb)}\n`
        );
        process.stdout.write(
            `Warden with apex-parser for every file (WARDEN_FAST_PARSE=0): ${fmt(slow.wallMs)} wall, ${fmt(slow.cpuMs)} CPU; the fast path is ${(slow.wallMs / warden.wallMs).toFixed(2)}x faster; findings and fingerprints identical\n`
        );
        if (skipPmd || !pmdSummary) {
            warmThroughput(corpus);
            return 0;
        }
        const pmd = median(rounds, (r) => r.pmd?.wallMs ?? 0).pmd as Measured;
        process.stdout.write(
            `PMD (${pmdSummary.rules} rules: ${PMD_RULES.join(', ')}) (median of ${ROUNDS} runs: ${rounds.map((r) => fmt(r.pmd?.wallMs ?? null)).join(', ')}): ${fmt(pmd.wallMs)} wall, ${fmt(pmd.cpuMs)} CPU, peak RSS ${mb(pmd.maxRssMb)}, ${pmdSummary.violations} violations ${JSON.stringify(pmdSummary.counts)}\n`
        );
        const ratios = rounds.map((r) => (r.pmd as Measured).wallMs / r.warden.wallMs);
        const cpuRatios = rounds
            .filter((r) => r.pmd?.cpuMs != null && r.warden.cpuMs != null)
            .map((r) => (r.pmd?.cpuMs as number) / (r.warden.cpuMs as number));
        const middle = (values: number[]): number => median(values, (v) => v);
        process.stdout.write(
            `Ratio PMD / Warden, round by round: ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} wall; median ${middle(ratios).toFixed(2)}x wall${cpuRatios.length ? `, ${middle(cpuRatios).toFixed(2)}x CPU` : ''} (target: 5x wall; load average before ${loadBefore}, after ${loadAverage()})\n`
        );
        warmThroughput(corpus);
        return 0;
    } finally {
        if (!keep) {
            rmSync(dir, { recursive: true, force: true });
        }
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            process.stderr.write(`bench:scan: ${error instanceof Error ? error.stack : String(error)}\n`);
            process.exitCode = 2;
        }
    );
}
