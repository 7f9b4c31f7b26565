/**
 * A local stand-in for Salesforce's Pub/Sub API, for the tests of `warden stream`: a gRPC server on
 * 127.0.0.1 that implements GetTopic, GetSchema and Subscribe from the CLI's own service definition, holds a
 * change event stream of InferenceLog__c entries encoded in Avro, honours flow control (num_requested) and
 * custom replay ids, checks the credentials, and can drop the stream after a number of events to play a
 * disconnect. Every test stops the server it started (stop()).
 */
import * as grpc from '@grpc/grpc-js';
import * as avro from 'avsc';
import { type FetchRequest, type FetchResponse, pubSubService, REPLAY_PRESET } from '../../cli/stream/pubsub';

export const LOG_TOPIC = '/data/InferenceLog__ChangeEvent';
export const SCHEMA_ID = 'schema-log-1';

/** A cut-down change event schema of InferenceLog__c: the header and some chained fields. */
export const LOG_SCHEMA = {
    type: 'record',
    name: 'InferenceLog__ChangeEvent',
    namespace: 'com.sforce.eventbus',
    fields: [
        {
            name: 'ChangeEventHeader',
            type: {
                type: 'record',
                name: 'ChangeEventHeader',
                fields: [
                    { name: 'entityName', type: 'string' },
                    { name: 'recordIds', type: { type: 'array', items: 'string' } },
                    { name: 'changeType', type: 'string' },
                    { name: 'commitTimestamp', type: 'long' }
                ]
            }
        },
        { name: 'EventUuid__c', type: ['null', 'string'], default: null },
        { name: 'Sequence__c', type: ['null', 'double'], default: null },
        { name: 'Decision__c', type: ['null', 'string'], default: null },
        { name: 'EntryHash__c', type: ['null', 'string'], default: null },
        { name: 'PreviousHash__c', type: ['null', 'string'], default: null }
    ]
} as const;

const logType = avro.Type.forSchema(LOG_SCHEMA as unknown as avro.Schema, { wrapUnions: false });

/** A synthetic chained entry; no patient data. */
export function logEvent(sequence: number): { id: string; payload: Buffer; uuid: string } {
    const uuid = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
    const payload = logType.toBuffer({
        ChangeEventHeader: {
            entityName: 'InferenceLog__c',
            recordIds: [`a01${String(sequence).padStart(15, '0')}`],
            changeType: 'CREATE',
            commitTimestamp: 1_765_000_000_000 + sequence
        },
        EventUuid__c: uuid,
        Sequence__c: sequence,
        Decision__c: 'ALLOW',
        EntryHash__c: sequence.toString(16).padStart(64, '0'),
        PreviousHash__c: (sequence - 1).toString(16).padStart(64, '0')
    });
    return { id: `bus-${sequence}`, payload, uuid };
}

/** Ends a call with a status, as grpc-js servers do: an 'error' event carrying code and details. */
function fail(call: grpc.ServerDuplexStream<FetchRequest, FetchResponse>, code: grpc.status, details: string): void {
    call.emit('error', { code, details });
}

const replayIdOf = (index: number): Buffer => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64BE(BigInt(index + 1));
    return buffer;
};

export type ServerOptions = {
    token: string;
    /** Drop each subscription (UNAVAILABLE) after it has sent this many events. */
    disconnectEvery?: number;
    /** Oldest replay id still retained (1-based); older custom replay ids are refused. */
    retainedFrom?: number;
};

export class FakePubSub {
    readonly events: Array<{ id: string; payload: Buffer; uuid: string }> = [];
    /** Every FetchRequest received, in order. */
    readonly requests: FetchRequest[] = [];
    subscriptions = 0;
    private readonly server = new grpc.Server();
    private readonly live = new Set<grpc.ServerDuplexStream<FetchRequest, FetchResponse>>();
    private readonly waiting = new Set<() => void>();
    endpoint = '';

    constructor(private readonly options: ServerOptions) {}

    /** Adds entries 1..count (or from..to) to the bus. */
    publish(from: number, to: number): void {
        for (let sequence = from; sequence <= to; sequence++) this.events.push(logEvent(sequence));
        this.waiting.forEach((wake) => wake());
    }

    private authorised(call: { metadata: grpc.Metadata }): boolean {
        return call.metadata.get('accesstoken')[0] === this.options.token && call.metadata.get('tenantid').length === 1;
    }

    async start(): Promise<this> {
        const unauthenticated = { code: grpc.status.UNAUTHENTICATED, details: 'invalid session' };
        this.server.addService(pubSubService(), {
            GetTopic: (
                call: grpc.ServerUnaryCall<{ topic_name: string }, unknown>,
                done: grpc.sendUnaryData<unknown>
            ) => {
                if (!this.authorised(call)) return done(unauthenticated);
                if (call.request.topic_name !== LOG_TOPIC) {
                    return done({ code: grpc.status.NOT_FOUND, details: `topic ${call.request.topic_name} not found` });
                }
                done(null, { topic_name: LOG_TOPIC, can_subscribe: true, schema_id: SCHEMA_ID });
            },
            GetSchema: (
                call: grpc.ServerUnaryCall<{ schema_id: string }, unknown>,
                done: grpc.sendUnaryData<unknown>
            ) => {
                if (!this.authorised(call)) return done(unauthenticated);
                if (call.request.schema_id !== SCHEMA_ID)
                    return done({ code: grpc.status.NOT_FOUND, details: 'no schema' });
                done(null, { schema_id: SCHEMA_ID, schema_json: JSON.stringify(LOG_SCHEMA) });
            },
            Subscribe: (call: grpc.ServerDuplexStream<FetchRequest, FetchResponse>) => this.subscribe(call)
        });
        const port = await new Promise<number>((resolve, reject) =>
            this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
                error ? reject(error) : resolve(bound)
            )
        );
        this.endpoint = `127.0.0.1:${port}`;
        return this;
    }

    private subscribe(call: grpc.ServerDuplexStream<FetchRequest, FetchResponse>): void {
        this.subscriptions++;
        if (!this.authorised(call)) {
            fail(call, grpc.status.UNAUTHENTICATED, 'invalid session');
            return;
        }
        this.live.add(call);
        let next = -1;
        let credit = 0;
        let sent = 0;
        // Like the real API, what the credit allows of the events available goes out in one response.
        const drain = (): void => {
            const batch: Array<{ event: { id: string; schema_id: string; payload: Buffer }; replay_id: Buffer }> = [];
            let drop = false;
            while (credit > 0 && next < this.events.length && this.live.has(call)) {
                if (this.options.disconnectEvery !== undefined && sent >= this.options.disconnectEvery) {
                    drop = true;
                    break;
                }
                const event = this.events[next];
                batch.push({
                    event: { id: event.id, schema_id: SCHEMA_ID, payload: event.payload },
                    replay_id: replayIdOf(next)
                });
                next++;
                credit--;
                sent++;
            }
            if (batch.length > 0) {
                call.write({
                    events: batch,
                    latest_replay_id: batch[batch.length - 1].replay_id,
                    pending_num_requested: credit
                });
            }
            if (drop) {
                this.live.delete(call);
                fail(call, grpc.status.UNAVAILABLE, 'connection reset');
            }
        };
        this.waiting.add(drain);
        call.on('data', (request: FetchRequest) => {
            this.requests.push(request);
            if (next < 0) {
                const start = this.startAt(request);
                if (typeof start === 'string') {
                    this.live.delete(call);
                    fail(call, grpc.status.INVALID_ARGUMENT, start);
                    return;
                }
                next = start;
            }
            credit += request.num_requested;
            drain();
        });
        const forget = (): void => {
            this.live.delete(call);
            this.waiting.delete(drain);
        };
        call.on('cancelled', forget);
        call.on('end', () => {
            forget();
            call.end();
        });
    }

    /** The index of the first event to send, or why the request is refused. */
    private startAt(request: FetchRequest): number | string {
        if (request.replay_preset === REPLAY_PRESET.EARLIEST) return (this.options.retainedFrom ?? 1) - 1;
        if (request.replay_preset === REPLAY_PRESET.CUSTOM) {
            const id = Number(Buffer.from(request.replay_id ?? []).readBigUInt64BE());
            if (id < (this.options.retainedFrom ?? 1)) return 'replay id validation failed';
            return id;
        }
        return this.events.length;
    }

    /** Ends every live subscription as a network drop would. */
    dropAll(): void {
        for (const call of this.live) {
            fail(call, grpc.status.UNAVAILABLE, 'connection reset');
        }
        this.live.clear();
    }

    stop(): Promise<void> {
        this.dropAll();
        return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
    }
}
