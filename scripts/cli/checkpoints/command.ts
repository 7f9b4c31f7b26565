/**
 * `warden checkpoints pull --target-org <org> --out <dir>`: keeps a copy of the org's chain checkpoints outside
 * the org, in an append-only file that `warden verify --checkpoints` reads (pull.ts does the work). Exit 0:
 * the file is up to date; 1: the org's checkpoints disagree with the file (rewritten or removed in the org);
 * 2: bad usage, an unreadable file or no access to the org.
 */
import { helpText, parseCommandLine, type CommandLine } from '../lib/args';
import { EXIT, type Command } from '../lib/command';
import { InputError, UsageError } from '../lib/errors';
import { AUTH_OPTIONS, authFlags, positiveNumber } from '../org/auth-flags';
import { connect } from '../org/auth';
import type { OrgClient } from '../org/client';
import { toOrgError } from '../org/errors';
import { orgSession, waitLine } from '../org/session';
import { pullCheckpoints } from './pull';

export const LINE = {
    name: 'warden checkpoints',
    operands: 'pull',
    positionals: { min: 1, max: 1 },
    summary: [
        "Copies the org's ChainCheckpoint__c rows into <dir>/checkpoints.csv, appending the new ones and never",
        'rewriting the file, after checking that every checkpoint already in the file is still in the org, unchanged.',
        'Keep the file in git or object storage, and verify exports with `warden verify --checkpoints` on it.'
    ].join('\n'),
    options: {
        ...AUTH_OPTIONS,
        out: { type: 'string', value: '<dir>', description: 'folder of the append-only checkpoints.csv (required)' },
        wait: { type: 'string', value: '<minutes>', description: 'how long the whole pull may take (default 5)' },
        json: { type: 'boolean', description: 'print the report as JSON' }
    },
    epilogue: [
        "Exit code: 0 up to date, 1 the org's checkpoints disagree with the file (nothing appended), 2 usage, file or org error."
    ]
} as const satisfies CommandLine;

export type CheckpointsIo = {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    env: NodeJS.ProcessEnv;
    /** Signs in (tests pass the fake org's client). */
    connectTo?: typeof connect;
};

export async function runCheckpoints(args: string[], io: CheckpointsIo): Promise<number> {
    let values;
    let action: string;
    try {
        const parsed = parseCommandLine(args, LINE);
        values = parsed.values;
        if (values.help) {
            io.stdout(helpText(LINE));
            return EXIT.ok;
        }
        action = parsed.positionals[0];
        if (action !== 'pull') {
            throw new UsageError(`warden checkpoints: unknown action "${action}" (the one action is pull)`);
        }
        if (!values.out) {
            throw new UsageError('warden checkpoints pull: --out <dir> is required');
        }
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`${error.message}\n\n${helpText(LINE)}`);
            return EXIT.usage;
        }
        throw error;
    }
    let client: OrgClient;
    try {
        const flags = authFlags('warden checkpoints', values);
        const minutes = values.wait === undefined ? 5 : positiveNumber('warden checkpoints', 'wait', values.wait);
        const { retry } = orgSession(minutes, { stderr: io.stderr });
        client = await (io.connectTo ?? connect)(flags, {
            apiVersion: flags.apiVersion ?? '62.0',
            env: io.env,
            retry,
            warn: (message) => io.stderr(`warning: ${message}\n`),
            onWait: (notice) => io.stderr(waitLine(notice))
        });
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`${error.message}\n`);
            return EXIT.usage;
        }
        io.stderr(`warden checkpoints pull: ${toOrgError(error, 'sign in').describe()}\n`);
        return EXIT.usage;
    }
    try {
        const report = await pullCheckpoints(client, values.out);
        if (values.json) {
            io.stdout(JSON.stringify(report, null, 2) + '\n');
        } else if (report.problems.length > 0) {
            io.stdout(
                [`DISAGREES: ${report.file} was left as it is.`, ...report.problems.map((p) => `  ${p}`)].join('\n') +
                    '\n'
            );
        } else {
            io.stdout(
                `${report.appended} new checkpoint(s) appended to ${report.file}; it covers sequences 1..${report.lastSequence} (${report.kept + report.appended} checkpoints).\n`
            );
        }
        return report.problems.length > 0 ? EXIT.failed : EXIT.ok;
    } catch (error) {
        if (error instanceof InputError) {
            io.stderr(`warden checkpoints pull: ${error.message}\n`);
            return EXIT.usage;
        }
        io.stderr(
            `warden checkpoints pull: ${toOrgError(error, 'pull the checkpoints', client.secrets()).describe()}\n`
        );
        return EXIT.usage;
    }
}

export const command: Command = {
    summary: "Keep the org's chain checkpoints in a local append-only file",
    run: (args) =>
        runCheckpoints(args, {
            stdout: (text) => process.stdout.write(text),
            stderr: (text) => process.stderr.write(text),
            env: process.env
        })
};
