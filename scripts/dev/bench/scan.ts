/**
 * `npm run bench:scan`: the scanner benchmark (a measurement, not a test). Generates a synthetic
 * corpus of at least 100k lines of Apex deterministically into a temp folder, then measures, in three
 * rounds of one run of each (so that a slow minute of the shared machine lands on all of them):
 *  - whole-process time and peak RSS of `warden scan` over the corpus, run as a user runs it;
 *  - the same scan kept in one process (node --v8-pool-size=4: Node's own default, given explicitly, so
 *    the scan command does not relaunch itself; scan/relaunch.ts), to show what the relaunch gains;
 *  - the scan command built into two bundles alike, one with the scanner's parser and one with its
 *    oracle, apex-parser, in its place (scan-runner.ts): what the hand-written parser gains, and proof
 *    that it changes no finding or fingerprint (the bench fails if it does);
 *  - PMD through Salesforce Code Analyzer's PMD engine with the equivalent Apex security and
 *    performance rules, on the same files, in its own process;
 * and prints the median of each and the median of the rounds' ratios. Last, once nothing else is
 * timed: warm throughput (lines of Apex per CPU-second of the engine in this process, after one
 * warm-up pass, best of three; one core: the engine is single-threaded), and the two parsers' trees
 * compared on every file of the corpus. Options: --lines N (default 100000), --skip-pmd, --keep.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { apexUnitKind } from '../../cli/lib/apex-kind';
import { parseApex } from '../../cli/scan/apex/parser';
import { positiveInteger, readCommandLine, type CommandLine } from '../../cli/lib/args';
import { scanSources } from '../../cli/scan/engine';
import { RELAUNCH_OPTIONS } from '../../cli/scan/relaunch';
import { parserDisagreement } from '../apex-oracle/oracle';
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

/** Rounds of one run of each. */
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
    for (let run = 0; run < 3; run += 1) {
        const before = process.cpuUsage();
        const result = scanSources(corpus.files);
        const used = process.cpuUsage(before);
        best = Math.min(best, (used.user + used.system) / 1000);
        findings = result.findings.length;
    }
    const warmRate = corpus.apexLines / (best / 1000);
    process.stdout.write(
        `Warden warm: ${Math.round(warmRate).toLocaleString('en-US')} lines/s per CPU-second (best of 3 passes: ${fmt(best)} CPU), ${findings} findings\n`
    );
}

/** The scanner's parser and apex-parser on every Apex file of the corpus: files with the same tree. */
function compareTrees(corpus: ReturnType<typeof generateCorpus>): number {
    const apex = corpus.files.filter((file) => apexUnitKind(file.path));
    const differing = apex.filter((file) => {
        const kind = apexUnitKind(file.path)!;
        return parserDisagreement(file.content, kind, parseApex(file.content, kind)) !== null;
    });
    process.stdout.write(
        `Parsers: ${apex.length - differing.length} of ${apex.length} files get the same tree from the scanner's parser and from apex-parser${differing.length ? `; different: ${differing.map((f) => f.path).join(', ')}` : ''}\n`
    );
    return differing.length;
}

/**
 * The scan command bundled as `warden scan` runs it, with the scanner's parser or, for `oracle`, with
 * apex-parser in its place; npm packages resolve from the project.
 */
async function bundleScan(out: string, parser: 'scanner' | 'oracle'): Promise<void> {
    const shim = join(ROOT, 'scripts', 'dev', 'apex-oracle', 'as-parser.ts');
    const parserIndex = join(ROOT, 'scripts', 'cli', 'scan', 'apex', 'parser', 'index.ts');
    await build({
        entryPoints: [join(ROOT, 'scripts', 'dev', 'bench', 'scan-runner.ts')],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: `node${process.versions.node.split('.')[0]}`,
        packages: 'external',
        logLevel: 'silent',
        banner: {
            js: `var require = require('node:module').createRequire(${JSON.stringify(join(ROOT, 'package.json'))});`
        },
        plugins: [
            {
                name: 'oracle-parser',
                setup(pluginBuild) {
                    pluginBuild.onResolve({ filter: /\/parser$/ }, (args) => {
                        const target = join(args.resolveDir, args.path, 'index.ts');
                        return parser === 'oracle' && relative(target, parserIndex) === '' ? { path: shim } : undefined;
                    });
                    // Code that reads files beside itself keeps working from the bundle's folder.
                    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => ({
                        contents: readFileSync(args.path, 'utf8')
                            .replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path)))
                            .replace(/\b__filename\b/g, JSON.stringify(args.path)),
                        loader: 'ts'
                    }));
                }
            }
        ]
    });
}

type Round = { warden: Measured; single: Measured; scanner: Measured; oracle: Measured; pmd: Measured | null };

const median = <T>(items: T[], key: (item: T) => number): T =>
    [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
const middle = (values: number[]): number => median(values, (v) => v);

/** One round: each run once, back to back. */
async function round(dir: string, runner: string, skipPmd: boolean): Promise<Round | string> {
    const scanArgs = (output: string): string[] => [dir, '--format', 'json', '--output', join(dir, output)];
    const warden = await measure(
        process.execPath,
        [join(ROOT, 'scripts', 'cli', 'warden.js'), 'scan', ...scanArgs('warden.json')],
        ROOT
    );
    if (warden.code !== 0 && warden.code !== 1) {
        return warden.stderr;
    }
    const single = await measure(
        process.execPath,
        ['--v8-pool-size=4', join(ROOT, 'scripts', 'cli', 'warden.js'), 'scan', ...scanArgs('warden-single.json')],
        ROOT
    );
    // The two bundles run as the relaunched scan does: with the relaunch options from the start.
    const bundled = (bundle: string, output: string): Promise<Measured> =>
        measure(process.execPath, [...RELAUNCH_OPTIONS, join(dir, bundle), ...scanArgs(output)], ROOT);
    const scanner = await bundled('scan-scanner.cjs', 'scanner.json');
    const oracle = await bundled('scan-oracle.cjs', 'oracle.json');
    let pmd: Measured | null = null;
    if (!skipPmd) {
        const work = mkdtempSync(join(tmpdir(), 'warden-bench-pmd-'));
        pmd = await measure(process.execPath, [runner, dir, work], ROOT);
        rmSync(work, { recursive: true, force: true });
        if (pmd.code !== 0) {
            return `PMD run failed:\n${pmd.stderr.slice(-2000)}`;
        }
    }
    return { warden, single, scanner, oracle, pmd };
}

/** The findings of the four Warden reports must be the same, fingerprints included. */
function sameFindings(dir: string): boolean {
    const findingsOf = (file: string): string =>
        JSON.stringify((JSON.parse(readFileSync(join(dir, file), 'utf8')) as { findings: unknown }).findings);
    const reference = findingsOf('warden.json');
    return ['warden-single.json', 'scanner.json', 'oracle.json'].every((file) => findingsOf(file) === reference);
}

function report(rounds: Round[], pmdSummary: PmdSummary | null, loadBefore: string): void {
    const each = (pick: (r: Round) => Measured): string => rounds.map((r) => fmt(pick(r).wallMs)).join(', ');
    const ratio = (over: (r: Round) => Measured, under: (r: Round) => Measured): number =>
        middle(rounds.map((r) => over(r).wallMs / under(r).wallMs));
    const warden = median(rounds, (r) => r.warden.wallMs).warden;
    const single = median(rounds, (r) => r.single.wallMs).single;
    const scanner = median(rounds, (r) => r.scanner.wallMs).scanner;
    const oracle = median(rounds, (r) => r.oracle.wallMs).oracle;
    const out = (line: string): void => {
        process.stdout.write(`${line}\n`);
    };
    out(
        `Warden whole process (median of ${ROUNDS} runs: ${each((r) => r.warden)}): ${fmt(warden.wallMs)} wall, ${fmt(warden.cpuMs)} CPU, peak RSS ${mb(warden.maxRssMb)}`
    );
    out(
        `Warden in one process, not relaunched (${each((r) => r.single)}): ${fmt(single.wallMs)} wall, ${fmt(single.cpuMs)} CPU, peak RSS ${mb(single.maxRssMb)}; the relaunch is ${ratio(
            (r) => r.single,
            (r) => r.warden
        ).toFixed(2)}x faster (median of the rounds' ratios)`
    );
    out(
        `The scan command bundled alike, with the scanner's parser (${each((r) => r.scanner)}): ${fmt(scanner.wallMs)} wall, ${fmt(scanner.cpuMs)} CPU; with apex-parser, its oracle (${each((r) => r.oracle)}): ${fmt(oracle.wallMs)} wall, ${fmt(oracle.cpuMs)} CPU; the scanner's parser is ${ratio(
            (r) => r.oracle,
            (r) => r.scanner
        ).toFixed(2)}x faster; findings and fingerprints identical`
    );
    if (!pmdSummary) {
        return;
    }
    const pmd = median(rounds, (r) => r.pmd?.wallMs ?? 0).pmd as Measured;
    out(
        `PMD (${pmdSummary.rules} rules: ${PMD_RULES.join(', ')}) (median of ${ROUNDS} runs: ${each((r) => r.pmd as Measured)}): ${fmt(pmd.wallMs)} wall, ${fmt(pmd.cpuMs)} CPU, peak RSS ${mb(pmd.maxRssMb)}, ${pmdSummary.violations} violations ${JSON.stringify(pmdSummary.counts)}`
    );
    const ratios = rounds.map((r) => (r.pmd as Measured).wallMs / r.warden.wallMs);
    const cpuRatios = rounds
        .filter((r) => r.pmd?.cpuMs != null && r.warden.cpuMs != null)
        .map((r) => (r.pmd?.cpuMs as number) / (r.warden.cpuMs as number));
    out(
        `Ratio PMD / Warden, round by round: ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} wall; median ${middle(ratios).toFixed(2)}x wall${cpuRatios.length ? `, ${middle(cpuRatios).toFixed(2)}x CPU` : ''} (target: 5x wall; load average before ${loadBefore}, after ${loadAverage()})`
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
        await bundleScan(join(dir, 'scan-scanner.cjs'), 'scanner');
        await bundleScan(join(dir, 'scan-oracle.cjs'), 'oracle');
        // Warm-up before anything is timed: the file cache, and the compiled CLI (built first by npm run build:cli).
        await measure(
            process.execPath,
            [
                join(ROOT, 'scripts', 'cli', 'warden.js'),
                'scan',
                dir,
                '--format',
                'json',
                '--output',
                join(dir, 'warm.json')
            ],
            ROOT
        );
        const runner = join(dir, 'pmd-runner.cjs');
        writeFileSync(runner, PMD_RUNNER);
        const rounds: Round[] = [];
        let pmdSummary: PmdSummary | null = null;
        for (let index = 0; index < ROUNDS; index += 1) {
            const result = await round(dir, runner, skipPmd);
            if (typeof result === 'string') {
                process.stderr.write(`${result}\n`);
                return 2;
            }
            if (result.pmd) {
                pmdSummary = JSON.parse(result.pmd.stdout.trim().split('\n').pop() ?? '{}') as PmdSummary;
            }
            rounds.push(result);
            if (index === 0 && !sameFindings(dir)) {
                process.stdout.write('The findings of the scanner and of its oracle are DIFFERENT.\n');
                return 1;
            }
        }
        report(rounds, pmdSummary, loadBefore);
        warmThroughput(corpus);
        return compareTrees(corpus) === 0 ? 0 : 1;
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
