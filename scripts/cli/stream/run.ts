/**
 * The subscription loop of `warden stream`: checks the topic, subscribes from the stored replay id (or the
 * chosen preset on a first run), asks for events `batchSize` at a time (Pub/Sub flow control), decodes each
 * event's Avro payload with its schema, hands every batch to the sink and records the batch's last replay id
 * only after the sink has stored it. Delivery is at least once; entries are recognised by their UUID, so an
 * event the bus replays after a disconnect or a restart is not written twice. A dropped stream is reopened
 * with backoff; credentials, an unknown topic or a replay id the bus no longer holds stop the run.
 */
import * as avro from 'avsc';
import { InputError } from '../lib/errors';
import { GRPC_STATUS, grpcCode, type FetchResponse, type PubSubClient, REPLAY_PRESET } from './pubsub';
import { type Sink, SinkError, type StreamRecord } from './sinks';
import { DEDUP_WINDOW, readState, remember, type StreamState, STATE_VERSION, writeState } from './state';

export type StreamOptions = {
    topic: string;
    stateFile: string;
    /** Where a first run starts (no state file yet). */
    from: 'earliest' | 'latest';
    /** Events asked for at a time: the most held in memory. */
    batchSize: number;
    /** Stop after this long without an event (undefined: run until the signal aborts). */
    idleExitMs?: number;
    /** Reconnections in a row without a delivered batch before giving up. */
    maxReconnects: number;
    backoffMs: number;
    signal?: AbortSignal;
    sleep: (ms: number) => Promise<void>;
    log: (line: string) => void;
    /** Gets a new access token (an expired session); tried once per failure before giving up on credentials. */
    refreshCredentials?: () => Promise<void>;
    /** Test seam: runs after the sink stored a batch and before the state file records it (a crash there). */
    afterSinkWrite?: () => void;
};

export type StreamReport = {
    delivered: number;
    /** Events received again and not written, because the sink already had them. */
    duplicates: number;
    reconnects: number;
    stoppedBy: 'idle' | 'signal';
};

/** Why the stream stopped for good. `kind` picks the exit code and the advice. */
export class StreamError extends Error {
    override name = 'StreamError';
    constructor(
        readonly kind: 'topic' | 'auth' | 'replay' | 'decode' | 'gave-up',
        message: string
    ) {
        super(message);
    }
}

const clip = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}...` : text);

/** The stop, if any, that a gRPC error means; undefined when reconnecting may help. */
function fatal(error: unknown, topic: string, replaying: boolean): StreamError | undefined {
    const code = grpcCode(error);
    const details = clip(String((error as { details?: unknown }).details ?? ''));
    if (code === GRPC_STATUS.UNAUTHENTICATED) {
        return new StreamError(
            'auth',
            `the Pub/Sub API refused the credentials (UNAUTHENTICATED${details ? `: ${details}` : ''}); log in again`
        );
    }
    if (code === GRPC_STATUS.PERMISSION_DENIED) {
        return new StreamError('auth', `the user may not subscribe to ${topic} (PERMISSION_DENIED)`);
    }
    if (code === GRPC_STATUS.NOT_FOUND) {
        return new StreamError('topic', `unknown topic ${topic} (NOT_FOUND${details ? `: ${details}` : ''})`);
    }
    if (code === GRPC_STATUS.INVALID_ARGUMENT) {
        return replaying
            ? new StreamError(
                  'replay',
                  `the event bus refused the stored replay id (${details || 'INVALID_ARGUMENT'}): events older than the ` +
                      'retention window are gone; move the state file away and start again with --from earliest'
              )
            : new StreamError('topic', `the event bus refused topic ${topic} (${details || 'INVALID_ARGUMENT'})`);
    }
    return undefined;
}

/** The UUID of a decoded entry: its EventUuid__c, namespaced or not. */
function entryUuid(entry: Record<string, unknown>): string | undefined {
    for (const [key, value] of Object.entries(entry)) {
        if (/(^|__)EventUuid__c$/.test(key) && typeof value === 'string' && value) {
            return value;
        }
    }
    return undefined;
}

/** JSON-safe fields: nulls left out, bytes as base64, the change event header apart. */
function plain(decoded: Record<string, unknown>): { header?: Record<string, unknown>; entry: Record<string, unknown> } {
    const entry: Record<string, unknown> = {};
    let header: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(decoded)) {
        if (key === 'ChangeEventHeader') {
            header = value as Record<string, unknown>;
        } else if (Buffer.isBuffer(value)) {
            entry[key] = value.toString('base64');
        } else if (value !== null && value !== undefined) {
            entry[key] = value;
        }
    }
    return { header, entry };
}

class Subscription {
    private state: StreamState;
    private seen: Set<string>;
    private readonly types = new Map<string, avro.Type>();
    readonly report: StreamReport = { delivered: 0, duplicates: 0, reconnects: 0, stoppedBy: 'idle' };

    constructor(
        private readonly client: PubSubClient,
        private readonly sink: Sink,
        private readonly options: StreamOptions
    ) {
        const stored = readState(options.stateFile);
        if (stored && stored.topic !== options.topic) {
            throw new InputError(
                `the state file ${options.stateFile} belongs to topic ${stored.topic}, not ${options.topic}; ` +
                    'give each topic its own --state file'
            );
        }
        this.state = stored ?? { version: STATE_VERSION, topic: options.topic, delivered: [] };
        this.seen = new Set([...this.state.delivered, ...sink.held]);
    }

    private async decode(schemaId: string, payload: Buffer): Promise<Record<string, unknown>> {
        let type = this.types.get(schemaId);
        if (!type) {
            const schema = JSON.parse(await this.client.getSchema(schemaId)) as avro.Schema;
            type = avro.Type.forSchema(schema, { wrapUnions: false });
            this.types.set(schemaId, type);
        }
        return type.fromBuffer(payload) as Record<string, unknown>;
    }

    /** Delivers the events of the responses received so far as one batch, then records its last replay id. */
    private async handle(responses: FetchResponse[]): Promise<void> {
        const events = responses.flatMap((response) => response.events);
        if (events.length === 0) {
            return; // keepalives
        }
        const records: StreamRecord[] = [];
        for (const event of events) {
            let decoded: Record<string, unknown>;
            try {
                decoded = await this.decode(event.event.schema_id, event.event.payload);
            } catch (error) {
                if (grpcCode(error) !== undefined) throw error;
                // The event's id only: the payload is patient-related and stays out of messages.
                throw new StreamError(
                    'decode',
                    `event ${event.event.id} does not match its schema ${event.event.schema_id}`
                );
            }
            const { header, entry } = plain(decoded);
            const uuid = entryUuid(entry) ?? event.event.id;
            if (this.seen.has(uuid) || records.some((record) => record.uuid === uuid)) {
                this.report.duplicates++;
                continue;
            }
            const changeType = typeof header?.changeType === 'string' ? header.changeType : undefined;
            // uuid first: the file sink finds it at the start of each line.
            records.push({
                uuid,
                topic: this.options.topic,
                replayId: event.replay_id.toString('base64'),
                changeType,
                entry
            });
        }
        if (records.length > 0) {
            await this.sink.write(records);
            this.options.afterSinkWrite?.();
        }
        const uuids = records.map((record) => record.uuid);
        const last = events[events.length - 1];
        this.state = {
            ...this.state,
            replayId: last.replay_id.toString('base64'),
            delivered: remember(this.state.delivered, uuids)
        };
        writeState(this.options.stateFile, this.state);
        uuids.forEach((uuid) => this.seen.add(uuid));
        if (this.seen.size > 2 * DEDUP_WINDOW) {
            this.seen = new Set(this.state.delivered);
        }
        this.report.delivered += records.length;
    }

    /** One subscription: resolves when idle or aborted, rejects when the stream fails or ends. */
    once(): Promise<'idle' | 'signal'> {
        const { topic, batchSize } = this.options;
        const call = this.client.subscribe();
        const replaying = this.state.replayId !== undefined;
        call.write({
            topic_name: topic,
            num_requested: batchSize,
            ...(replaying
                ? { replay_preset: REPLAY_PRESET.CUSTOM, replay_id: Buffer.from(this.state.replayId!, 'base64') }
                : { replay_preset: this.options.from === 'earliest' ? REPLAY_PRESET.EARLIEST : REPLAY_PRESET.LATEST })
        });
        return new Promise((resolve, reject) => {
            const queue: FetchResponse[] = [];
            let outstanding = batchSize;
            let busy = false;
            let outcome: { ok: 'idle' | 'signal' } | { error: unknown } | undefined;
            let idle: NodeJS.Timeout | undefined;
            const settle = (next: NonNullable<typeof outcome>): void => {
                outcome ??= next;
                if (idle) clearTimeout(idle);
                this.options.signal?.removeEventListener('abort', onAbort);
                call.removeAllListeners('data');
                call.on('error', () => undefined);
                call.cancel();
                if (!busy) finish();
            };
            const finish = (): void => ('ok' in outcome! ? resolve(outcome.ok) : reject(outcome!.error));
            const armIdle = (): void => {
                if (this.options.idleExitMs === undefined) return;
                if (idle) clearTimeout(idle);
                idle = setTimeout(() => settle({ ok: 'idle' }), this.options.idleExitMs);
            };
            const onAbort = (): void => settle({ ok: 'signal' });
            const pump = async (): Promise<void> => {
                if (busy) return;
                busy = true;
                try {
                    while (queue.length > 0 && !outcome) {
                        // What arrived while the last batch was being written goes to the sink together.
                        const responses = queue.splice(0);
                        await this.handle(responses);
                        outstanding -= responses.reduce((sum, response) => sum + response.events.length, 0);
                        if (outstanding <= 0 && queue.length === 0 && !outcome) {
                            outstanding = batchSize;
                            call.write({ topic_name: topic, num_requested: batchSize });
                        }
                    }
                } catch (error) {
                    outcome ??= { error };
                    busy = false;
                    settle(outcome);
                    return;
                }
                busy = false;
                if (outcome) finish();
                // Idle time counts from the last batch stored, never while the sink is still writing.
                else armIdle();
            };
            call.on('data', (response: FetchResponse) => {
                if (idle) clearTimeout(idle);
                queue.push(response);
                void pump();
            });
            call.on('error', (error) => settle({ error }));
            call.on('end', () => settle({ error: new Error('the Pub/Sub API ended the stream') }));
            this.options.signal?.addEventListener('abort', onAbort);
            if (this.options.signal?.aborted) onAbort();
            armIdle();
        }).then(
            (ok) => ok as 'idle' | 'signal',
            (error: unknown) => {
                throw fatal(error, topic, replaying) ?? error;
            }
        );
    }

    async run(): Promise<StreamReport> {
        try {
            const info = await this.client.getTopic(this.options.topic);
            if (!info.can_subscribe) {
                throw new StreamError('auth', `the user may not subscribe to ${this.options.topic}`);
            }
        } catch (error) {
            throw fatal(error, this.options.topic, false) ?? error;
        }
        let failures = 0;
        let refreshedAt: number | undefined;
        for (;;) {
            const before = this.report.delivered;
            try {
                this.report.stoppedBy = await this.once();
                return this.report;
            } catch (error) {
                if (
                    error instanceof StreamError &&
                    error.kind === 'auth' &&
                    this.options.refreshCredentials &&
                    refreshedAt !== this.report.delivered
                ) {
                    // A session that expired during a long run: one new token, then the same subscription again.
                    refreshedAt = this.report.delivered;
                    await this.options.refreshCredentials();
                    continue;
                }
                if (error instanceof StreamError || error instanceof InputError) throw error;
                if (error instanceof SinkError && error.permanent) throw error;
                failures = this.report.delivered > before ? 1 : failures + 1;
                const code = grpcCode(error);
                const reason = code === undefined ? (error as Error).message : `gRPC ${GRPC_STATUS[code] ?? code}`;
                if (failures > this.options.maxReconnects) {
                    throw new StreamError('gave-up', `the stream failed ${failures} times in a row (${clip(reason)})`);
                }
                this.report.reconnects++;
                const wait = Math.min(30_000, this.options.backoffMs * 2 ** (failures - 1));
                this.options.log(`stream interrupted (${clip(reason)}); resubscribing in ${Math.round(wait)} ms`);
                await this.options.sleep(wait);
                if (this.options.signal?.aborted) {
                    this.report.stoppedBy = 'signal';
                    return this.report;
                }
            }
        }
    }
}

/** Streams the topic's entries into the sink until idle or aborted; StreamError when it must stop. */
export function streamEntries(client: PubSubClient, sink: Sink, options: StreamOptions): Promise<StreamReport> {
    return new Subscription(client, sink, options).run();
}
