/**
 * `warden stream`'s subscription loop against a local Pub/Sub API server on 127.0.0.1: every entry reaches the
 * sink exactly once through disconnects, a slow and failing sink, and restarts (including a crash between the
 * sink's write and the state file's), and flow control keeps at most one batch in flight.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakePubSub, LOG_TOPIC } from '../../../dev/testing/pubsub-server';
import { PubSubClient } from '../pubsub';
import { streamEntries, type StreamOptions } from '../run';
import { openFileSink, openHttpSink, type Sink, type StreamRecord } from '../sinks';
import { readState } from '../state';

const TOKEN = '00Dfake!token';
let dir: string;
let server: FakePubSub;
let client: PubSubClient;

async function start(options: { disconnectEvery?: number; retainedFrom?: number } = {}): Promise<void> {
    server = await new FakePubSub({ token: TOKEN, ...options }).start();
    client = new PubSubClient(
        server.endpoint,
        () => ({ accessToken: TOKEN, instanceUrl: 'https://fake.my.salesforce.com', orgId: '00D000000000001' }),
        true
    );
}

function options(overrides: Partial<StreamOptions> = {}): StreamOptions {
    return {
        topic: LOG_TOPIC,
        stateFile: join(dir, 'state.json'),
        from: 'earliest',
        batchSize: 10,
        idleExitMs: 5000,
        maxReconnects: 5,
        backoffMs: 1,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        log: () => undefined,
        ...overrides
    };
}

/**
 * Wraps a sink so the run stops once it holds `count` entries: the tests end on what they wait for, not on a
 * timer a loaded machine could outrun. The idle exit stays as a bound on a run that never gets there.
 */
function until(sink: Sink, count: number): { sink: Sink; signal: AbortSignal } {
    const controller = new AbortController();
    let held = sink.held.length;
    return {
        signal: controller.signal,
        sink: {
            ...sink,
            async write(records) {
                await sink.write(records);
                held += records.length;
                if (held >= count) controller.abort();
            }
        }
    };
}

const fileLines = (file: string): StreamRecord[] =>
    readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StreamRecord);

const sequences = (records: StreamRecord[]): number[] => records.map((record) => Number(record.entry.Sequence__c));
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-stream-'));
});

afterEach(async () => {
    client?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('warden stream into an NDJSON file', () => {
    it('delivers every entry once, in order, through a disconnect every 7 events', async () => {
        await start({ disconnectEvery: 7 });
        server.publish(1, 45);
        const file = join(dir, 'log.ndjson');
        const sink = openFileSink(file);
        const run = until(sink, 45);
        const report = await streamEntries(client, run.sink, options({ signal: run.signal }));
        sink.close();
        const records = fileLines(file);
        expect(sequences(records)).toEqual(range(1, 45));
        expect(new Set(records.map((record) => record.uuid)).size).toBe(45);
        expect(records[0]).toMatchObject({
            topic: LOG_TOPIC,
            changeType: 'CREATE',
            uuid: expect.stringMatching(/-0+1$/)
        });
        expect(report.reconnects).toBeGreaterThanOrEqual(6);
        expect(report.delivered).toBe(45);
    });

    it('asks for events one batch at a time (flow control)', async () => {
        await start();
        server.publish(1, 25);
        const sink = openFileSink(join(dir, 'log.ndjson'));
        const run = until(sink, 25);
        await streamEntries(client, run.sink, options({ batchSize: 10, signal: run.signal }));
        sink.close();
        expect(server.requests.map((request) => request.num_requested)).toEqual([10, 10, 10]);
        expect(server.requests.slice(1).every((request) => request.topic_name === LOG_TOPIC)).toBe(true);
    });

    it('resumes after a restart from the stored replay id, with entries published in between', async () => {
        await start();
        server.publish(1, 12);
        const file = join(dir, 'log.ndjson');
        let sink = openFileSink(file);
        const first = until(sink, 12);
        await streamEntries(client, first.sink, options({ signal: first.signal }));
        sink.close();
        expect(readState(join(dir, 'state.json'))?.replayId).toBe(
            Buffer.from([0, 0, 0, 0, 0, 0, 0, 12]).toString('base64')
        );
        server.publish(13, 30);
        sink = openFileSink(file);
        const second = until(sink, 30);
        await streamEntries(client, second.sink, options({ from: 'latest', signal: second.signal }));
        sink.close();
        expect(sequences(fileLines(file))).toEqual(range(1, 30));
        expect(server.requests.filter((request) => request.replay_preset === 2)).toHaveLength(1);
    });

    it('writes no duplicate after a crash between the sink write and the state write', async () => {
        await start();
        server.publish(1, 30);
        const file = join(dir, 'log.ndjson');
        let sink = openFileSink(file);
        let batches = 0;
        const crash = (): void => {
            if (++batches === 2) throw new Error('killed');
        };
        await expect(streamEntries(client, sink, options({ maxReconnects: 0, afterSinkWrite: crash }))).rejects.toThrow(
            /failed 1 times/
        );
        sink.close();
        // The second batch is in the file but the state still points after the first.
        expect(fileLines(file)).toHaveLength(20);
        sink = openFileSink(file);
        const run = until(sink, 30);
        const report = await streamEntries(client, run.sink, options({ signal: run.signal }));
        sink.close();
        expect(sequences(fileLines(file))).toEqual(range(1, 30));
        expect(report.duplicates).toBe(10);
    });
});

describe('warden stream with a sink slower than the idle time', () => {
    it('counts idle time only between batches, not while the sink writes', async () => {
        await start();
        server.publish(1, 6);
        const file = join(dir, 'log.ndjson');
        const sink = openFileSink(file);
        const slow: Sink = {
            ...sink,
            async write(records) {
                await new Promise((resolve) => setTimeout(resolve, 600));
                await sink.write(records);
            }
        };
        const report = await streamEntries(client, slow, options({ batchSize: 2, idleExitMs: 200 }));
        sink.close();
        expect(report.stoppedBy).toBe('idle');
        expect(sequences(fileLines(file))).toEqual(range(1, 6));
    });
});

describe('warden stream through a slow, failing webhook', () => {
    let hook: Server;
    afterEach(() => new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve())));

    it('retries with backoff and delivers every entry once', async () => {
        await start({ disconnectEvery: 9 });
        server.publish(1, 40);
        const received: StreamRecord[] = [];
        const keys: string[] = [];
        let calls = 0;
        hook = createServer((request, response) => {
            let body = '';
            request.on('data', (chunk: Buffer) => (body += chunk.toString()));
            request.on('end', () => {
                calls++;
                // Every third call fails once; every call is slow.
                setTimeout(() => {
                    if (calls % 3 === 0) {
                        response.writeHead(503).end();
                        return;
                    }
                    expect(request.headers.authorization).toBe('Bearer hook-secret');
                    keys.push(String(request.headers['idempotency-key']));
                    received.push(...(JSON.parse(body) as { entries: StreamRecord[] }).entries);
                    response.writeHead(200).end('{}');
                }, 40);
            });
        });
        await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
        const port = (hook.address() as { port: number }).port;
        const sink = openHttpSink(
            { kind: 'webhook', url: new URL(`http://127.0.0.1:${port}/warden`) },
            {
                token: 'hook-secret',
                attempts: 4,
                backoffMs: 1,
                timeoutMs: 5000,
                sleep: async () => undefined,
                random: () => 0.5
            }
        );
        const run = until(sink, 40);
        const report = await streamEntries(client, run.sink, options({ batchSize: 8, signal: run.signal }));
        expect(sequences(received)).toEqual(range(1, 40));
        expect(new Set(keys).size).toBe(keys.length);
        expect(report.delivered).toBe(40);
        expect(calls).toBeGreaterThan(keys.length);
    });
});
