// Runs large scans in a Node process whose V8 settings fit the work.
//
// Node gives V8 four background threads whatever the number of cores (`node -e` shows seven threads in
// all). On a 2-core CI runner they take turns with the main thread: the optimising compiler's jobs,
// concurrent marking and parallel scavenging preempt the scan, which spends a fifth of its time off the
// CPU. `--v8-pool-size=0` lets Node size the pool from the cores (one thread fewer than the cores). And
// a scan keeps every file's tree to the end, so young-generation collections copy those trees:
// `--max-semi-space-size=8` (half of V8's default) gets them moved to the old generation sooner, which
// made the parse phase about 10% faster on corpora of 100k and 250k lines and changed nothing else.
// Both can only be given when Node starts, so warden.js starts one more Node with them; that costs one
// Node start-up (about 70 ms on the 2-core build machine), which pays from a couple of hundred Apex
// files on: measured there (medians of eight alternating runs), 300 files took 0.77 s in one process
// and 0.67 s relaunched, 150 files 0.49 s and 0.54 s. So a scan is relaunched when its folder holds at
// least RELAUNCH_FILES Apex files, unless the pool size is already given (node's own arguments or
// NODE_OPTIONS) or WARDEN_V8_POOL says otherwise: 0 never relaunches, 1 always does. verify and redact
// spend their time in native hashing and regular expressions and gain nothing.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const OPTION = '--v8-pool-size';
/** What a relaunched scan is started with; a semi-space size already given is kept. */
const RELAUNCH_OPTIONS = [`${OPTION}=0`, '--max-semi-space-size=8'];
/** Apex files in the scanned folder from which a relaunch pays for itself. */
const RELAUNCH_FILES = 250;
/** `warden scan` options that take a value (as a separate argument unless written --option=value). */
const SCAN_VALUE_OPTIONS = new Set([
    '--format',
    '--output',
    '--fail-on',
    '--baseline',
    '--write-baseline',
    '--rules',
    '--config',
    '-o',
    '--target-org',
    '--jwt-key-file',
    '--client-id',
    '--username',
    '--login-url',
    '--api-version',
    '--objects'
]);
/** Options that make `warden scan` read an org: how much it scans is not known here, so it is not relaunched. */
const ORG_OPTIONS = ['-o', '--target-org', '--jwt-key-file', '--org'];

/** The folder `warden scan <args>` scans: its path argument, else the SFDX project around `cwd`. */
function scanFolder(args, cwd) {
    for (let index = 0; index < args.length; index += 1) {
        const arg = args[index];
        if (SCAN_VALUE_OPTIONS.has(arg)) {
            index += 1;
        } else if (!arg.startsWith('-')) {
            return resolve(cwd, arg);
        }
    }
    for (let folder = resolve(cwd); ; folder = dirname(folder)) {
        if (existsSync(join(folder, 'sfdx-project.json'))) {
            return folder;
        }
        if (dirname(folder) === folder) {
            return resolve(cwd);
        }
    }
}

/** True when `folder` holds at least `limit` .cls or .trigger files (node_modules and dot folders aside). */
function hasApexFiles(folder, limit) {
    let found = 0;
    const pending = [folder];
    while (pending.length > 0) {
        const dir = pending.pop();
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch {
            continue;
        }
        for (const entry of entries) {
            if (entry.isDirectory()) {
                if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
                    pending.push(join(dir, entry.name));
                }
            } else if (/\.(cls|trigger)$/i.test(entry.name) && ++found >= limit) {
                return true;
            }
        }
    }
    return false;
}

/** The node options this process was started with, on its command line and in NODE_OPTIONS. */
function givenOptions(execArgv, env) {
    return [...execArgv, ...(env.NODE_OPTIONS || '').split(/\s+/)];
}

/** True when `option` (`--name` or `--name=value`) is among the given options, with any value. */
function isGiven(given, option) {
    const name = option.split('=')[0];
    return given.some((arg) => arg === name || arg.startsWith(`${name}=`));
}

/** True when `warden <argv>`, started with these node options, environment and folder, should start again with the options. */
function needsRelaunch(argv, execArgv, env, cwd) {
    if (argv[0] !== 'scan' || env.WARDEN_V8_POOL === '0') {
        return false;
    }
    const given = givenOptions(execArgv, env);
    // A debugger listening on a port must not be started twice.
    if (isGiven(given, OPTION) || given.some((arg) => arg.startsWith('--inspect') || arg.startsWith('--debug'))) {
        return false;
    }
    if (env.WARDEN_V8_POOL === '1') {
        return true;
    }
    if (argv.some((arg) => ORG_OPTIONS.includes(arg.split('=')[0]))) {
        return false;
    }
    const folder = scanFolder(argv.slice(1), cwd);
    try {
        if (!statSync(folder).isDirectory()) {
            return false;
        }
    } catch {
        return false; // a missing path: the scan itself says so
    }
    return hasApexFiles(folder, RELAUNCH_FILES);
}

/**
 * Runs `script argv` in a new Node process with the relaunch options, sharing this one's standard streams,
 * and returns its exit code; null when the process could not be started (the caller then runs the command
 * itself).
 */
function relaunch(script, argv) {
    const given = givenOptions(process.execArgv, process.env);
    const options = RELAUNCH_OPTIONS.filter((option) => !isGiven(given, option));
    if (process.env.WARDEN_DEBUG) {
        process.stderr.write(`warden: running ${argv[0]} in a new process with ${options.join(' ')}\n`);
    }
    // A local scan opens no TLS connection, and Node reads NODE_EXTRA_CA_CERTS when it starts (40 ms on the
    // build machine), so the relaunched scan starts without it. Org scans are never relaunched.
    // The new process must never relaunch in turn, whatever its options turn out to be.
    const env = { ...process.env, WARDEN_V8_POOL: '0' };
    delete env.NODE_EXTRA_CA_CERTS;
    const result = spawnSync(process.execPath, [...process.execArgv, ...options, script, ...argv], {
        stdio: 'inherit',
        env
    });
    if (result.error) {
        return null;
    }
    if (result.signal) {
        // Ended by a signal (Ctrl-C): end the same way, so callers see what happened.
        process.kill(process.pid, result.signal);
        return 130;
    }
    return result.status === null ? 1 : result.status;
}

module.exports = { hasApexFiles, needsRelaunch, relaunch, scanFolder, RELAUNCH_FILES, RELAUNCH_OPTIONS };
