/**
 * `warden stream --target-org <org> --to <sink>`: feeds the org's inference log to a SIEM or a data lake as it
 * is written. It signs in like every command (@salesforce/core), finds the log's change event topic, and
 * subscribes through the Pub/Sub API (run.ts), writing each chained entry to an NDJSON file, a Splunk HTTP
 * Event Collector or an https webhook (sinks.ts). docs/stream.md describes the delivery guarantees.
 * Exit 0: stopped (idle or a signal); 1: the stream or the sink kept failing; 2: usage, credentials, an unknown
 * topic, an unusable sink or state file.
 */
import { resolve } from 'node:path';
import { helpText, parseCommandLine, wholeNumber, type CommandLine } from '../lib/args';
import { EXIT, type Command } from '../lib/command';
import { InputError, UsageError } from '../lib/errors';
import { connect } from '../org/auth';
import { AUTH_OPTIONS, authFlags, positiveNumber } from '../org/auth-flags';
import type { OrgClient } from '../org/client';
import { toOrgError } from '../org/errors';
import { connectOptions, orgSession } from '../org/session';
import { DEFAULT_ENDPOINT, isLoopback, PubSubClient } from './pubsub';
import { streamEntries, StreamError, type StreamReport } from './run';
import { openFileSink, openHttpSink, parseSink, type Sink, SinkError, type SinkSpec } from './sinks';

const NAME = 'warden stream';
const OUTPUT = 'Sink';

export const LINE = {
    name: NAME,
    summary: [
        "Subscribes to the inference log's change events through Salesforce's Pub/Sub API and writes every chained",
        'entry to a sink, at least once, deduplicated by the entry UUID. A restart resumes after the last entry the',
        'sink stored (the --state file). Change Data Capture must be on for InferenceLog__c (`warden deploy`).'
    ].join('\n'),
    options: {
        ...AUTH_OPTIONS,
        to: {
            type: 'string',
            value: '<sink>',
            description:
                'file:<path> (or a path ending in .ndjson), splunk:<https url of the HTTP Event Collector>, or an ' +
                'https webhook url (required)',
            section: OUTPUT
        },
        'token-env': {
            type: 'string',
            value: '<VAR>',
            description: 'environment variable holding the sink token (default SPLUNK_HEC_TOKEN for splunk:)',
            section: OUTPUT
        },
        state: {
            type: 'string',
            value: '<file>',
            description: 'where the replay id and recent UUIDs are kept (default warden-stream.state.json)',
            section: 'Stream'
        },
        topic: {
            type: 'string',
            value: '<topic>',
            description: "the topic (default: the log's change events, /data/[warden__]InferenceLog__ChangeEvent)",
            section: 'Stream'
        },
        from: {
            type: 'string',
            value: '<where>',
            description: 'where a first run starts, without a state file (default earliest: every retained event)',
            choices: ['earliest', 'latest'],
            section: 'Stream'
        },
        batch: {
            type: 'string',
            value: '<n>',
            description: 'events asked for at a time, 1 to 100 (default 100)',
            section: 'Stream'
        },
        'idle-exit': {
            type: 'string',
            value: '<seconds>',
            description: 'stop after this long without an event (default: run until interrupted)',
            section: 'Stream'
        },
        'pubsub-endpoint': {
            type: 'string',
            value: '<host:port>',
            description: `the Pub/Sub API (default ${DEFAULT_ENDPOINT}; plaintext only to 127.0.0.1, for tests)`,
            section: 'Stream'
        },
        json: { type: 'boolean', description: 'print the final report as JSON' }
    },
    epilogue: [
        'Exit code: 0 stopped (idle or interrupted), 1 the stream or the sink kept failing, 2 usage, credentials,',
        'unknown topic, unusable sink or state file.'
    ]
} as const satisfies CommandLine;

export type StreamIo = {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    env: NodeJS.ProcessEnv;
    /** Signs in (tests pass their own). */
    connectTo?: typeof connect;
    /** Ends the stream (SIGINT and SIGTERM when run from the shell). */
    signal?: AbortSignal;
    sleep?: (ms: number) => Promise<void>;
};

type Settings = {
    sink: SinkSpec;
    token?: string;
    stateFile: string;
    topic?: string;
    from: 'earliest' | 'latest';
    batchSize: number;
    idleExitMs?: number;
    endpoint: string;
    plaintext: boolean;
};

function settings(
    values: ReturnType<typeof parseCommandLine<typeof LINE.options>>['values'],
    env: NodeJS.ProcessEnv
): Settings {
    if (!values.to) {
        throw new UsageError(`${NAME}: --to <sink> is required`);
    }
    const insecure = values['allow-insecure-localhost'] === true;
    const sink = parseSink(values.to, insecure);
    const tokenEnv = values['token-env'] ?? (sink.kind === 'splunk' ? 'SPLUNK_HEC_TOKEN' : undefined);
    const token = tokenEnv ? env[tokenEnv] : undefined;
    if (tokenEnv && !token) {
        throw new UsageError(`${NAME}: the environment variable ${tokenEnv} (the sink token) is not set`);
    }
    if (sink.kind === 'file' && values['token-env']) {
        throw new UsageError(`${NAME}: --token-env is for the splunk: and webhook sinks`);
    }
    const endpoint = values['pubsub-endpoint'] ?? DEFAULT_ENDPOINT;
    if (!/^[\w.-]+:\d+$|^\[::1\]:\d+$/.test(endpoint)) {
        throw new UsageError(`${NAME}: --pubsub-endpoint takes host:port (got "${endpoint}")`);
    }
    const plaintext = isLoopback(endpoint);
    if (plaintext && !insecure) {
        throw new UsageError(
            `${NAME}: --pubsub-endpoint ${endpoint} is plaintext; add --allow-insecure-localhost (tests only)`
        );
    }
    const idle = values['idle-exit'];
    return {
        sink,
        token,
        stateFile: resolve(values.state ?? 'warden-stream.state.json'),
        topic: values.topic,
        from: values.from === 'latest' ? 'latest' : 'earliest',
        batchSize: wholeNumber(NAME, 'batch', values.batch, { min: 1, max: 100 }) ?? 100,
        idleExitMs: idle === undefined ? undefined : positiveNumber(NAME, 'idle-exit', idle) * 1000,
        endpoint,
        plaintext
    };
}

/** The log's change event topic in this org, namespaced when Warden is the managed package. */
async function logTopic(client: OrgClient): Promise<string> {
    const names = await client.describeGlobalNames();
    for (const name of ['warden__InferenceLog__ChangeEvent', 'InferenceLog__ChangeEvent']) {
        if (names.has(name)) return `/data/${name}`;
    }
    throw new StreamError(
        'topic',
        'Change Data Capture is not on for InferenceLog__c: add InferenceLog__c to changeDataCapture.objects in ' +
            'warden.deploy.json and run `warden deploy`, or pass --topic'
    );
}

function openSink(settings: Settings, sleep: (ms: number) => Promise<void>): Sink {
    const { sink } = settings;
    if (sink.kind === 'file') {
        return openFileSink(sink.path);
    }
    return openHttpSink(sink, {
        token: settings.token,
        attempts: 5,
        backoffMs: 1000,
        timeoutMs: 30_000,
        sleep,
        random: Math.random
    });
}

function describeReport(report: StreamReport, sink: Sink): string {
    const why = report.stoppedBy === 'idle' ? 'no event for the idle time' : 'interrupted';
    return (
        `Stopped (${why}): ${report.delivered} entries written to ${sink.describe}, ` +
        `${report.duplicates} replayed events skipped, ${report.reconnects} reconnections.\n`
    );
}

/** Runs `warden stream`; returns the exit code. */
export async function runStream(args: string[], io: StreamIo): Promise<number> {
    let parsed;
    let config: Settings;
    try {
        parsed = parseCommandLine(args, LINE).values;
        if (parsed.help) {
            io.stdout(helpText(LINE));
            return EXIT.ok;
        }
        config = settings(parsed, io.env);
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`${error.message}\n\n${helpText(LINE)}`);
            return EXIT.usage;
        }
        throw error;
    }
    const sleep = io.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    let client: OrgClient;
    let orgId: string;
    try {
        const flags = authFlags(NAME, parsed);
        const session = orgSession(5, { stderr: io.stderr, sleep });
        client = await (io.connectTo ?? connect)(flags, connectOptions(session, flags.apiVersion ?? '62.0', io));
        orgId = (await client.identity()).orgId;
    } catch (error) {
        io.stderr(
            `${NAME}: ${error instanceof UsageError ? error.message : toOrgError(error, 'sign in').describe()}\n`
        );
        return EXIT.usage;
    }
    let sink: Sink | undefined;
    let pubsub: PubSubClient | undefined;
    try {
        const topic = config.topic ?? (await logTopic(client));
        sink = openSink(config, sleep);
        pubsub = new PubSubClient(
            config.endpoint,
            () => ({ accessToken: client.conn.accessToken ?? '', instanceUrl: client.instanceUrl, orgId }),
            config.plaintext
        );
        const report = await streamEntries(pubsub, sink, {
            topic,
            stateFile: config.stateFile,
            from: config.from,
            batchSize: config.batchSize,
            idleExitMs: config.idleExitMs,
            maxReconnects: 10,
            backoffMs: 1000,
            signal: io.signal,
            sleep,
            log: (line) => io.stderr(`${line}\n`),
            refreshCredentials: () => client.conn.refreshAuth()
        });
        io.stdout(
            parsed.json
                ? JSON.stringify({ topic, sink: sink.describe, ...report }, null, 2) + '\n'
                : describeReport(report, sink)
        );
        return EXIT.ok;
    } catch (error) {
        const message = client.redact(error instanceof Error ? error.message : String(error));
        if (error instanceof StreamError) {
            io.stderr(`${NAME}: ${message}\n`);
            return error.kind === 'gave-up' || error.kind === 'decode' ? EXIT.failed : EXIT.usage;
        }
        if (error instanceof SinkError) {
            io.stderr(`${NAME}: the sink failed: ${message}\n`);
            return error.permanent && sink === undefined ? EXIT.usage : EXIT.failed;
        }
        if (error instanceof InputError) {
            io.stderr(`${NAME}: ${message}\n`);
            return EXIT.usage;
        }
        io.stderr(`${NAME}: ${toOrgError(error, 'stream the log', client.secrets()).describe()}\n`);
        return EXIT.usage;
    } finally {
        sink?.close();
        pubsub?.close();
    }
}

export const command: Command = {
    summary: 'stream the inference log to a SIEM (NDJSON file, Splunk HEC, webhook) through the Pub/Sub API',
    run: (args) => {
        const controller = new AbortController();
        const stop = (): void => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return runStream(args, {
            stdout: (text) => process.stdout.write(text),
            stderr: (text) => process.stderr.write(text),
            env: process.env,
            signal: controller.signal
        }).finally(() => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
        });
    }
};
