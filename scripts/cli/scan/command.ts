/**
 * `warden scan`: runs the compliance scanner over an SFDX project and reports in the terminal, as
 * JSON or as SARIF. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad
 * usage or unreadable input. See docs/scan.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../lib/command';
import { applyBaseline, BaselineError, loadBaseline, writeBaseline } from './baseline';
import { ConfigError, loadConfig, type ScanConfig } from './config';
import { scanProject, ScanInputError } from './engine';
import { formatJson } from './format/json';
import { Report, summarize } from './format/report';
import { formatSarif } from './format/sarif';
import { formatTable } from './format/table';
import { ALL_RULES, ENGINE_RULES, RULES_BY_ID } from './rules';
import { isSeverity, Severity } from './types';
import { existsSync, statSync } from 'node:fs';
import { packageFile } from '../lib/paths';
import { findProjectRoot } from '../lib/project';
import type { AuthFlags } from '../org/auth';
import { takeAuthOption } from '../org/auth-flags';
import type { ScanResult } from './types';

export const USAGE = `Usage: warden scan [path] [options]

Scans the Apex and metadata of an SFDX project (default: the project around the current folder)
for code that leaks PHI or bypasses Warden's controls.

Options:
  --format table|json|sarif  Report format (default: table)
  --output <file>            Write the report to a file instead of standard output
  --fail-on <severity>       Exit 1 when a finding is at or above: critical, high, medium, low, info
                             (default: low)
  --baseline <file>          Findings whose fingerprint is in this file (a previous JSON or SARIF
                             report, or --write-baseline output) do not fail the scan
  --write-baseline <file>    Write the fingerprints of all current findings to <file>
  --rules <id,id,...>        Run only these rules
  --config <file>            Scanner configuration (default: warden.config.json at the root)
  --no-color                 Plain text even on a terminal
  --list-rules               Print the rules and exit
  -h, --help                 This help

Org mode: scan the Apex of an org instead of a folder (a path then only locates warden.config.json):
  -o, --target-org <org>     An org you logged in to with the Salesforce CLI (alias or username)
  --jwt-key-file <file>      JWT bearer flow for CI, with --client-id and --username
                             (or SF_JWT_KEY_FILE, SF_CLIENT_ID, SF_USERNAME; --login-url / SF_LOGIN_URL)
  --org                      The org given by the environment: SF_ACCESS_TOKEN and SF_ORG_INSTANCE_URL
  --sync                     Write the findings to ComplianceFinding__c (keeps triage decisions)
  --objects <A,B,...>        Also read the field classification of these objects
  --api-version <v>          API version (default 62.0)
  --wait <minutes>           How long the org scan may take in all (default 30)
  --request-timeout <s>      How long one request may go unanswered (default 60)
  --allow-insecure-localhost Let http://127.0.0.1 or localhost carry credentials (local fake org only)

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or I/O error, or
the org could not be read (what to do is printed). See docs/scan.md and docs/deploy.md.`;

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
    help: boolean;
    listRules: boolean;
    /** Org mode: set when --target-org, --jwt-key-file or --org is given. */
    org?: AuthFlags & { sync: boolean; objects?: string[] };
};

/** The org options, gathered before it is known whether org mode was asked for. */
type OrgOptions = AuthFlags & { sync?: boolean; objects?: string[]; fromEnv?: boolean };

class UsageError extends Error {}

export function parseArgs(args: string[]): Options {
    const options: Options = { format: 'table', failOn: 'low', color: true, help: false, listRules: false };
    const org: OrgOptions = {};
    const value = (index: number, flag: string): string => {
        const next = args[index + 1];
        if (next === undefined || next.startsWith('--')) {
            throw new UsageError(`${flag} needs a value`);
        }
        return next;
    };
    for (let index = 0; index < args.length; index += 1) {
        let arg = args[index];
        let inline: string | undefined;
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        if (eq !== -1) {
            inline = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        const take = (): string => {
            if (inline !== undefined) {
                return inline;
            }
            const v = value(index, arg);
            index += 1;
            return v;
        };
        switch (arg) {
            case '-h':
            case '--help':
                options.help = true;
                break;
            case '--format': {
                const format = take();
                if (format !== 'table' && format !== 'json' && format !== 'sarif') {
                    throw new UsageError(`--format must be table, json or sarif, not "${format}"`);
                }
                options.format = format;
                break;
            }
            case '--output':
                options.output = take();
                break;
            case '--fail-on': {
                const severity = take().toLowerCase();
                if (!isSeverity(severity)) {
                    throw new UsageError(`--fail-on must be critical, high, medium, low or info, not "${severity}"`);
                }
                options.failOn = severity;
                break;
            }
            case '--baseline':
                options.baseline = take();
                break;
            case '--write-baseline':
                options.writeBaseline = take();
                break;
            case '--rules': {
                const ids = take()
                    .split(',')
                    .map((id) => id.trim())
                    .filter(Boolean);
                const unknown = ids.filter((id) => !ALL_RULES.some((r) => r.id === id));
                if (ids.length === 0 || unknown.length > 0) {
                    throw new UsageError(
                        `--rules: unknown rule ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; see --list-rules`
                    );
                }
                options.rules = ids;
                break;
            }
            case '--config':
                options.config = take();
                break;
            case '--no-color':
                options.color = false;
                break;
            case '--list-rules':
                options.listRules = true;
                break;
            case '--org':
                org.fromEnv = true;
                break;
            case '--sync':
                org.sync = true;
                break;
            case '--objects':
                org.objects = take()
                    .split(',')
                    .map((name) => name.trim())
                    .filter(Boolean);
                break;
            default:
                if (takeAuthOption(arg, take, org)) {
                    break;
                }
                if (arg.startsWith('-')) {
                    throw new UsageError(`unknown option ${arg}`);
                }
                if (options.path !== undefined) {
                    throw new UsageError(`only one path may be given (got "${options.path}" and "${arg}")`);
                }
                options.path = arg;
        }
    }
    const { fromEnv, sync, objects, ...auth } = org;
    if (auth.targetOrg || auth.jwtKeyFile || fromEnv) {
        options.org = { ...auth, sync: sync === true, objects };
    } else {
        const orgOnly = Object.entries({
            '--sync': sync,
            '--objects': objects,
            '--client-id': auth.clientId,
            '--username': auth.username,
            '--login-url': auth.loginUrl,
            '--api-version': auth.apiVersion,
            '--wait': auth.waitMinutes,
            '--request-timeout': auth.requestTimeoutSeconds,
            '--allow-insecure-localhost': auth.allowInsecureLocalhost
        }).find(([, value]) => value !== undefined);
        if (orgOnly) {
            throw new UsageError(`${orgOnly[0]} is for org mode: add --target-org <org>, --jwt-key-file or --org`);
        }
    }
    return options;
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

/** Runs the command with explicit I/O, for tests. */
export async function runScan(args: string[], io: ScanIo): Promise<number> {
    let options: Options;
    try {
        options = parseArgs(args);
    } catch (error) {
        io.stderr.write(`warden scan: ${(error as Error).message}\n\n${USAGE}\n`);
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
    const configRoot = statSync(root).isFile() ? resolve(root, '..') : root;
    let baseline: Set<string> | null = null;
    let config;
    try {
        config = loadConfig(configRoot, options.config ? resolve(io.cwd, options.config) : undefined).config;
        baseline = options.baseline ? loadBaseline(resolve(io.cwd, options.baseline)) : null;
    } catch (error) {
        if (error instanceof ConfigError || error instanceof BaselineError) {
            io.stderr.write(`warden scan: ${error.message}\n`);
            return 2;
        }
        throw error;
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
            cwd: process.cwd()
        })
};
