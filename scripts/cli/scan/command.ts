/**
 * `warden scan`: runs the compliance scanner over an SFDX project and reports in the terminal, as
 * JSON or as SARIF. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad
 * usage or unreadable input. See docs/scan.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { helpText, list, parseCommandLine, type CommandLine, type OptionsSpec, type ParsedValues } from '../lib/args';
import type { Command } from '../lib/command';
import { UsageError } from '../lib/errors';
import { applyBaseline, BaselineError, loadBaseline, writeBaseline } from './baseline';
import { ConfigError, loadConfig, type ScanConfig } from './config';
import { scanProject } from './engine';
import { filesToScan, ScanInputError } from './files';
import { formatJson } from './format/json';
import { Report, summarize } from './format/report';
import { formatSarif } from './format/sarif';
import { formatTable } from './format/table';
import { ALL_RULES, ENGINE_RULES, RULES_BY_ID } from './rules';
import { isSeverity, Severity } from './types';
import { existsSync, statSync } from 'node:fs';
import { apexUnitKind } from '../lib/apex-kind';
import { packageFile } from '../lib/paths';
import { findProjectRoot } from '../lib/project';
import type { AuthFlags } from '../org/auth';
import { AUTH_OPTIONS, authFlags, positiveNumber } from '../org/auth-flags';
import { relaunch, relaunchOptions } from './relaunch';
import type { ScanResult } from './types';

const SCAN_OPTIONS = {
    format: {
        type: 'string',
        value: '<format>',
        choices: ['table', 'json', 'sarif'],
        description: 'report format, default table'
    },
    output: { type: 'string', value: '<file>', description: 'write the report to a file instead of standard output' },
    'fail-on': {
        type: 'string',
        value: '<severity>',
        description: 'exit 1 when a finding is at or above: critical, high, medium, low, info (default: low)'
    },
    baseline: {
        type: 'string',
        value: '<file>',
        description: 'findings whose fingerprint is in this file (a JSON or SARIF report, or a baseline) do not fail'
    },
    'write-baseline': {
        type: 'string',
        value: '<file>',
        description: 'write the fingerprints of all findings to <file>'
    },
    rules: { type: 'string', value: '<id,id,...>', description: 'run only these rules' },
    config: {
        type: 'string',
        value: '<file>',
        description: 'scanner configuration (default: warden.config.json at the root)'
    },
    'honor-pmd-suppressions': {
        type: 'boolean',
        description: "honour PMD's @SuppressWarnings('PMD.<Rule>') and // NOPMD for the rules they map to"
    },
    'no-color': { type: 'boolean', description: 'plain text even on a terminal' },
    'list-rules': { type: 'boolean', description: 'print the rules and exit' },
    ...AUTH_OPTIONS,
    'api-version': { ...AUTH_OPTIONS['api-version'], description: 'API version (default 62.0)' },
    org: { type: 'boolean', description: 'the org given by the environment: SF_ACCESS_TOKEN and SF_ORG_INSTANCE_URL' },
    wait: { type: 'string', value: '<minutes>', description: 'how long the org scan may take in all (default 30)' },
    sync: { type: 'boolean', description: 'write the findings to ComplianceFinding__c (keeps triage decisions)' },
    objects: { type: 'string', value: '<A,B,...>', description: 'also read the field classification of these objects' }
} as const satisfies OptionsSpec;

const SCAN_LINE: CommandLine & { options: typeof SCAN_OPTIONS } = {
    name: 'warden scan',
    operands: '[path]',
    summary: [
        'Scans the Apex and metadata of an SFDX project (default: the project around the current folder)',
        "for code that leaks PHI or bypasses Warden's controls. Org mode (--target-org, --jwt-key-file or",
        '--org) scans the Apex of an org instead; a path then only locates warden.config.json.'
    ].join('\n'),
    options: SCAN_OPTIONS,
    positionals: { max: 1 },
    epilogue: [
        'Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or I/O error, or',
        'the org could not be read (what to do is printed). See docs/scan.md and docs/deploy.md.'
    ]
};

export const USAGE = helpText(SCAN_LINE).trimEnd();

type Options = {
    path?: string;
    format: 'table' | 'json' | 'sarif';
    output?: string;
    failOn: Severity;
    baseline?: string;
    writeBaseline?: string;
    rules?: string[];
    config?: string;
    color: boolean;
    honorPmd: boolean;
    help: boolean;
    listRules: boolean;
    /** Org mode: set when --target-org, --jwt-key-file or --org is given. */
    org?: AuthFlags & { sync: boolean; objects?: string[] };
};

/** The org options: org mode when one of them names an org, else a usage error when any is given. */
function orgOptions(values: ParsedValues<typeof SCAN_OPTIONS>): Options['org'] {
    const auth = authFlags('warden scan', values);
    if (values.wait !== undefined) {
        auth.waitMinutes = positiveNumber('warden scan', 'wait', values.wait);
    }
    const objects = values.objects === undefined ? undefined : list(values.objects);
    if (auth.targetOrg || auth.jwtKeyFile || values.org) {
        return { ...auth, sync: values.sync === true, objects };
    }
    const orgOnly = [
        'sync',
        'objects',
        'client-id',
        'username',
        'login-url',
        'api-version',
        'wait',
        'request-timeout',
        'allow-insecure-localhost'
    ] as const;
    const given = orgOnly.find((name) => values[name] !== undefined);
    if (given) {
        throw new UsageError(`--${given} is for org mode: add --target-org <org>, --jwt-key-file or --org`);
    }
    return undefined;
}

export function parseArgs(args: string[]): Options {
    const { values, positionals } = parseCommandLine(args, SCAN_LINE);
    const failOn = (values['fail-on'] ?? 'low').toLowerCase();
    if (!isSeverity(failOn)) {
        throw new UsageError(`--fail-on must be critical, high, medium, low or info, not "${values['fail-on']}"`);
    }
    let rules: string[] | undefined;
    if (values.rules !== undefined) {
        rules = list(values.rules);
        const unknown = rules.filter((id) => !ALL_RULES.some((r) => r.id === id));
        if (rules.length === 0 || unknown.length > 0) {
            throw new UsageError(
                `--rules: unknown rule ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; see --list-rules`
            );
        }
    }
    return {
        path: positionals[0],
        format: (values.format ?? 'table') as Options['format'],
        output: values.output,
        failOn,
        baseline: values.baseline,
        writeBaseline: values['write-baseline'],
        rules,
        config: values.config,
        color: values['no-color'] !== true,
        honorPmd: values['honor-pmd-suppressions'] === true,
        help: values.help === true,
        listRules: values['list-rules'] === true,
        org: orgOptions(values)
    };
}

function toolVersion(): string {
    try {
        const json = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
            version?: string;
        };
        return json.version ?? '0.0.0';
    } catch {
        return '0.0.0';
    }
}

function listRules(): string {
    const lines = ['Rules:'];
    for (const rule of [...ALL_RULES, ...ENGINE_RULES]) {
        lines.push(`  ${rule.id.padEnd(34)} ${rule.severity.padEnd(8)} ${rule.summary}`);
    }
    return `${lines.join('\n')}\n`;
}

export type ScanIo = {
    stdout: { write(text: string): unknown; isTTY?: boolean };
    stderr: { write(text: string): unknown; isTTY?: boolean };
    env: NodeJS.ProcessEnv;
    cwd: string;
    /**
     * How to run this command line again in a Node with other options (relaunch.ts), for a large local
     * scan; absent, every scan runs in this process (as in the tests that call runScan).
     */
    relaunch?: { execArgv: readonly string[]; run(options: readonly string[]): number | null };
};

/** A scan's result and the root its report names, or the exit code of a scan that could not run. */
type Scanned = { result: ScanResult; root: string } | { exitCode: number };

/** A local scan, with a progress line on a terminal. */
function scanFolder(
    root: string,
    configRoot: string,
    config: ScanConfig,
    rules: string[] | undefined,
    io: ScanIo
): Scanned {
    const progress = io.stderr.isTTY === true;
    let lastDraw = 0;
    const onProgress = (done: number, total: number): void => {
        if (!progress || total < 50) {
            return;
        }
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) {
            return;
        }
        lastDraw = now;
        io.stderr.write(`\r\u001b[2Kwarden scan: parsing Apex ${done}/${total}`);
        if (done === total) {
            io.stderr.write('\r\u001b[2K');
        }
    };
    try {
        return { result: scanProject(root, { config, rules, onProgress }), root: configRoot };
    } catch (error) {
        if (error instanceof ScanInputError || (error as NodeJS.ErrnoException).code !== undefined) {
            io.stderr.write(`warden scan: ${(error as Error).message}\n`);
            return { exitCode: 2 };
        }
        throw error;
    }
}

/** Org mode: the org's Apex, read and scanned by runOrgScan; an org that cannot be read is exit 2. */
async function scanOrg(
    org: NonNullable<Options['org']>,
    config: ScanConfig,
    rules: string[] | undefined,
    io: ScanIo
): Promise<Scanned> {
    // Loaded only here: a local scan does not pay for @salesforce/core.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runOrgScan } = require('./org/scan-org') as typeof import('./org/scan-org');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OrgError } = require('../org/errors') as typeof import('../org/errors');
    try {
        const outcome = await runOrgScan(
            { ...org, config, rules },
            {
                stderr: (text) => io.stderr.write(text),
                progressTty: io.stderr.isTTY === true,
                env: io.env
            }
        );
        return { result: outcome.result, root: outcome.org.instanceUrl };
    } catch (error) {
        if (error instanceof OrgError) {
            io.stderr.write(`warden scan: ${error.describe()}\n`);
            return { exitCode: 2 };
        }
        throw error;
    }
}

/**
 * A large local scan runs again in a Node started with the relaunch options (relaunch.ts); returns its
 * exit code, or null when this process scans (a small project, or already relaunched).
 */
function relaunchIfLarge(
    root: string,
    config: ScanConfig,
    relaunch: NonNullable<ScanIo['relaunch']>,
    io: ScanIo
): number | null {
    let apexFiles: number;
    try {
        apexFiles = filesToScan(root, config).files.filter((file) => apexUnitKind(file) !== undefined).length;
    } catch {
        return null; // the scan itself reports what is wrong with the path
    }
    const options = relaunchOptions(apexFiles, relaunch.execArgv, io.env.NODE_OPTIONS);
    if (!options) {
        return null;
    }
    if (io.env.WARDEN_DEBUG) {
        io.stderr.write(`warden scan: ${apexFiles} Apex files: running in a new Node with ${options.join(' ')}\n`);
    }
    return relaunch.run(options);
}

/** Runs the command with explicit I/O, for tests. */
export async function runScan(args: string[], io: ScanIo): Promise<number> {
    let options: Options;
    try {
        options = parseArgs(args);
    } catch (error) {
        if (!(error instanceof UsageError)) {
            throw error;
        }
        io.stderr.write(`${error.message.replace(/^(warden scan: )?/, 'warden scan: ')}\n\n${USAGE}\n`);
        return 2;
    }
    if (options.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (options.listRules) {
        io.stdout.write(listRules());
        return 0;
    }
    let root: string;
    if (options.path !== undefined) {
        root = resolve(io.cwd, options.path);
        if (!existsSync(root)) {
            io.stderr.write(`warden scan: ${options.path} does not exist\n`);
            return 2;
        }
    } else {
        try {
            root = findProjectRoot(io.cwd);
        } catch (error) {
            if (!options.org) {
                io.stderr.write(`warden scan: ${(error as Error).message} Give the path of an SFDX project.\n`);
                return 2;
            }
            root = io.cwd; // org mode needs no project; warden.config.json is looked for here
        }
    }
    const configRoot = statSync(root).isDirectory() ? root : resolve(root, '..');
    let baseline: Set<string> | null = null;
    let config;
    try {
        config = loadConfig(configRoot, options.config ? resolve(io.cwd, options.config) : undefined).config;
        if (options.honorPmd) {
            config.pmd.honorSuppressions = true;
        }
        baseline = options.baseline ? loadBaseline(resolve(io.cwd, options.baseline)) : null;
    } catch (error) {
        if (error instanceof ConfigError || error instanceof BaselineError) {
            io.stderr.write(`warden scan: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
    if (!options.org && io.relaunch) {
        const code = relaunchIfLarge(root, config, io.relaunch, io);
        if (code !== null) {
            return code;
        }
    }
    const scanned = options.org
        ? await scanOrg(options.org, config, options.rules, io)
        : scanFolder(root, configRoot, config, options.rules, io);
    if ('exitCode' in scanned) {
        return scanned.exitCode;
    }
    const { result, root: reportRoot } = scanned;
    const { fresh, known } = applyBaseline(result.findings, baseline);
    const ran = options.rules ? options.rules.map((id) => RULES_BY_ID.get(id)!) : [...ALL_RULES];
    const report: Report = {
        tool: { name: 'warden-scan', version: toolVersion() },
        root: reportRoot,
        result,
        findings: fresh,
        baselined: known,
        suppressed: result.suppressed,
        failOn: options.failOn,
        rules: [...ran, ...ENGINE_RULES]
    };
    const color = options.color && !options.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
    const text =
        options.format === 'json'
            ? formatJson(report)
            : options.format === 'sarif'
              ? formatSarif(report)
              : formatTable(report, { color });
    const summary = summarize(report);
    try {
        if (options.output) {
            writeFileSync(resolve(io.cwd, options.output), text);
            io.stderr.write(
                `warden scan: ${summary.findings} finding(s), ${summary.failing} at or above ${options.failOn}; report written to ${options.output}\n`
            );
        } else {
            io.stdout.write(text);
        }
        if (options.writeBaseline) {
            writeBaseline(resolve(io.cwd, options.writeBaseline), result.findings);
        }
    } catch (error) {
        io.stderr.write(`warden scan: cannot write: ${(error as Error).message}\n`);
        return 2;
    }
    return summary.failed ? 1 : 0;
}

export const command: Command = {
    summary: 'Scan Apex and metadata for PHI leaks and control bypasses',
    run: (args) =>
        runScan(args, {
            stdout: process.stdout,
            stderr: process.stderr,
            env: process.env,
            cwd: process.cwd(),
            relaunch: { execArgv: process.execArgv, run: (options) => relaunch(options, process.env) }
        })
};
