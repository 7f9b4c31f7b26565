/**
 * Where `warden stream` writes entries: an NDJSON file, a Splunk HTTP Event Collector or an https webhook,
 * chosen by the --to value. Every sink takes a batch and returns only once the whole batch is stored, so the
 * caller can then record the batch's replay id. The HTTP sinks retry a bounded number of times with backoff
 * and give up with a clear error; the file sink also tells which entries it already holds, so a batch
 * replayed after a crash is not written twice.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { UsageError } from '../lib/errors';

/** One log entry on its way to the sink. */
export type StreamRecord = {
    /** The entry's EventUuid__c (the event's own UUID when the payload has none): the deduplication key. */
    uuid: string;
    topic: string;
    /** Base64 of the event's replay id. */
    replayId: string;
    changeType?: string;
    /** The entry's fields as the event carries them (the chain's canonical form is unchanged). */
    entry: Record<string, unknown>;
};

export type Sink = {
    /** What the sink is, for messages (no credentials). */
    describe: string;
    /** UUIDs the sink already holds, read when it opens (the file sink's tail); empty for the HTTP sinks. */
    held: string[];
    write(records: StreamRecord[]): Promise<void>;
    close(): void;
};

/** A sink that cannot take the batch; `permanent` when retrying cannot help (a 4xx answer, a full disk). */
export class SinkError extends Error {
    override name = 'SinkError';
    constructor(
        message: string,
        readonly permanent: boolean
    ) {
        super(message);
    }
}

export type SinkSpec = { kind: 'file'; path: string } | { kind: 'splunk'; url: URL } | { kind: 'webhook'; url: URL };

/**
 * Reads --to: `file:<path>` (or a path ending in .ndjson or .jsonl), `splunk:<https url of the collector>`,
 * or an https URL (a webhook). http is refused except to this machine with --allow-insecure-localhost.
 */
export function parseSink(to: string, allowInsecureLocalhost: boolean): SinkSpec {
    if (to.startsWith('file:')) {
        return { kind: 'file', path: to.slice('file:'.length) || fail(to, 'the file path is empty') };
    }
    if (/\.(ndjson|jsonl)$/i.test(to) && !/^[a-z]+:\/\//i.test(to)) {
        return { kind: 'file', path: to };
    }
    const splunk = to.startsWith('splunk:');
    const address = splunk ? to.slice('splunk:'.length) : to;
    let url: URL;
    try {
        url = new URL(address);
    } catch {
        return fail(to, EXPECTED);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return fail(to, EXPECTED);
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && allowInsecureLocalhost)) {
        return fail(to, 'entries leave only over https (http only to 127.0.0.1 with --allow-insecure-localhost)');
    }
    if (url.username || url.password) {
        return fail(to, 'put no credentials in the URL; name an environment variable with --token-env');
    }
    if (splunk && !/\/services\/collector(\/event)?$/.test(url.pathname)) {
        url.pathname = url.pathname.replace(/\/$/, '') + '/services/collector/event';
    }
    return { kind: splunk ? 'splunk' : 'webhook', url };
}

const EXPECTED = 'expected file:<path>, a path ending in .ndjson, splunk:<https url> or an https url';

function fail(to: string, why: string): never {
    throw new UsageError(`warden stream: --to ${JSON.stringify(to)}: ${why}`);
}

/** How much of the file's end is read for the UUIDs it holds: many batches' worth. */
const TAIL_BYTES = 8 * 1024 * 1024;

/**
 * Appends one JSON line per entry and flushes before returning. On open, a torn last line (a crash in the
 * middle of a write) is cut off, and the UUIDs of the file's last lines are read back.
 */
export function openFileSink(path: string): Sink {
    let fd: number;
    try {
        fd = openSync(path, 'a+', 0o600);
    } catch (error) {
        throw new SinkError(
            `cannot open ${path} for appending (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
            true
        );
    }
    const held = readTail(fd);
    return {
        describe: path,
        held,
        async write(records) {
            const text = records.map((record) => JSON.stringify(record) + '\n').join('');
            try {
                writeSync(fd, text);
                fsyncSync(fd);
            } catch (error) {
                throw new SinkError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, true);
            }
        },
        close: () => closeSync(fd)
    };
}

function readTail(fd: number): string[] {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    let text = buffer.toString('utf8');
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline !== text.length - 1) {
        // A line without its newline was being written when the process stopped: it never counted as delivered.
        ftruncateSync(fd, start + Buffer.byteLength(text.slice(0, lastNewline + 1)));
        text = text.slice(0, lastNewline + 1);
    }
    const lines = text.split('\n').slice(start > 0 ? 1 : 0);
    const uuids: string[] = [];
    for (const line of lines) {
        const uuid = /^\{"uuid":"([^"]+)"/.exec(line)?.[1];
        if (uuid) {
            uuids.push(uuid);
        }
    }
    return uuids;
}

export type HttpSinkOptions = {
    token?: string;
    /** Attempts per batch, the first included. */
    attempts: number;
    /** The first backoff; doubled each attempt, with jitter. */
    backoffMs: number;
    timeoutMs: number;
    sleep: (ms: number) => Promise<void>;
    random: () => number;
};

/** Posts each batch: to Splunk as HEC events, to a webhook as one JSON document with an Idempotency-Key. */
export function openHttpSink(spec: { kind: 'splunk' | 'webhook'; url: URL }, options: HttpSinkOptions): Sink {
    const describe = `${spec.kind === 'splunk' ? 'Splunk HEC' : 'webhook'} ${spec.url.origin}${spec.url.pathname}`;
    return {
        describe,
        held: [],
        async write(records) {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            let body: string;
            if (spec.kind === 'splunk') {
                if (options.token) headers.authorization = `Splunk ${options.token}`;
                // HEC takes several events in one request, one JSON object after another.
                body = records
                    .map((record) =>
                        JSON.stringify({ event: record, source: 'warden', sourcetype: 'warden:inference-log' })
                    )
                    .join('\n');
            } else {
                if (options.token) headers.authorization = `Bearer ${options.token}`;
                // The same batch always gets the same key, so a receiver can drop a retried one whole.
                headers['idempotency-key'] = `${records[0].uuid}..${records[records.length - 1].uuid}`;
                body = JSON.stringify({ entries: records });
            }
            await post(spec.url, headers, body, describe, options);
        },
        close: () => undefined
    };
}

async function post(
    url: URL,
    headers: Record<string, string>,
    body: string,
    describe: string,
    options: HttpSinkOptions
): Promise<void> {
    let last = '';
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
        try {
            const response = await fetch(url, {
                method: 'POST',
                headers,
                body,
                redirect: 'error',
                signal: AbortSignal.timeout(options.timeoutMs)
            });
            await response.arrayBuffer().catch(() => undefined);
            if (response.ok) {
                return;
            }
            last = `HTTP ${response.status}`;
            if (response.status === 401 || response.status === 403) {
                throw new SinkError(`${describe} refused the credentials (${last}); check --token-env`, true);
            }
            if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
                throw new SinkError(`${describe} refused the batch (${last})`, true);
            }
        } catch (error) {
            if (error instanceof SinkError) {
                throw error;
            }
            last = (error as Error).name === 'TimeoutError' ? 'no answer in time' : 'network error';
        }
        if (attempt < options.attempts) {
            await options.sleep(options.backoffMs * 2 ** (attempt - 1) * (0.5 + options.random()));
        }
    }
    throw new SinkError(`${describe} did not take the batch after ${options.attempts} attempts (${last})`, false);
}
