/**
 * The Pub/Sub API over gRPC: loads our service definition (pubsub_api.proto, shipped with the package), opens
 * a channel to the API with the org's credentials as call metadata, and exposes the three calls `warden stream`
 * makes. The test server (scripts/dev/testing/pubsub-server.ts) loads the same definition, so both ends of the
 * tests speak exactly the wire format the CLI ships.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { packageFile } from '../lib/paths';

/** Salesforce's Pub/Sub API endpoint, for every org. */
export const DEFAULT_ENDPOINT = 'api.pubsub.salesforce.com:7443';

export const REPLAY_PRESET = { LATEST: 0, EARLIEST: 1, CUSTOM: 2 } as const;

export type TopicInfo = { topic_name: string; can_subscribe: boolean; schema_id: string };
export type ConsumerEvent = {
    event: { id: string; schema_id: string; payload: Buffer };
    replay_id: Buffer;
};
export type FetchRequest = {
    topic_name?: string;
    replay_preset?: number;
    replay_id?: Buffer;
    num_requested: number;
};
export type FetchResponse = {
    events: ConsumerEvent[];
    latest_replay_id: Buffer;
    pending_num_requested: number;
};

/** The credentials every call carries, as the API names them. */
export type PubSubCredentials = { accessToken: string; instanceUrl: string; orgId: string };

type ServiceClient = grpc.Client & {
    GetTopic(
        request: { topic_name: string },
        metadata: grpc.Metadata,
        options: grpc.CallOptions,
        callback: (error: grpc.ServiceError | null, response?: TopicInfo) => void
    ): void;
    GetSchema(
        request: { schema_id: string },
        metadata: grpc.Metadata,
        options: grpc.CallOptions,
        callback: (error: grpc.ServiceError | null, response?: { schema_json: string }) => void
    ): void;
    Subscribe(metadata: grpc.Metadata): grpc.ClientDuplexStream<FetchRequest, FetchResponse>;
};

let definition: grpc.GrpcObject | undefined;

/** The eventbus.v1 package, loaded once; bytes stay Buffers and enums numbers, as the client code expects. */
export function pubSubPackage(): grpc.GrpcObject {
    if (!definition) {
        const loaded = protoLoader.loadSync(packageFile('scripts', 'cli', 'stream', 'pubsub_api.proto'), {
            keepCase: true,
            longs: Number,
            enums: Number,
            defaults: true
        });
        definition = grpc.loadPackageDefinition(loaded);
    }
    return definition;
}

/** The PubSub service definition, for a server (the tests') to implement. */
export function pubSubService(): grpc.ServiceDefinition {
    const eventbus = (pubSubPackage().eventbus as grpc.GrpcObject).v1 as grpc.GrpcObject;
    return (eventbus.PubSub as grpc.ServiceClientConstructor).service;
}

/** Whether an endpoint is this machine, the only place a plaintext channel is allowed (the tests' server). */
export function isLoopback(endpoint: string): boolean {
    return /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(endpoint);
}

/** How long a unary call (GetTopic, GetSchema) may take. */
const CALL_TIMEOUT_MS = 30_000;

export class PubSubClient {
    private readonly client: ServiceClient;
    private readonly schemas = new Map<string, string>();

    constructor(
        readonly endpoint: string,
        private readonly credentials: () => PubSubCredentials,
        plaintext: boolean
    ) {
        const eventbus = (pubSubPackage().eventbus as grpc.GrpcObject).v1 as grpc.GrpcObject;
        const Client = eventbus.PubSub as grpc.ServiceClientConstructor;
        this.client = new Client(
            endpoint,
            plaintext ? grpc.credentials.createInsecure() : grpc.credentials.createSsl()
        ) as unknown as ServiceClient;
    }

    /** The call metadata, read at call time: a refreshed token is used by the next call. */
    metadata(): grpc.Metadata {
        const { accessToken, instanceUrl, orgId } = this.credentials();
        const metadata = new grpc.Metadata();
        metadata.set('accesstoken', accessToken);
        metadata.set('instanceurl', instanceUrl);
        metadata.set('tenantid', orgId);
        return metadata;
    }

    getTopic(topic: string): Promise<TopicInfo> {
        return new Promise((resolve, reject) => {
            this.client.GetTopic(
                { topic_name: topic },
                this.metadata(),
                { deadline: Date.now() + CALL_TIMEOUT_MS },
                (error, response) => (error || !response ? reject(error ?? new Error('no answer')) : resolve(response))
            );
        });
    }

    /** The Avro schema (JSON) of an id; schemas never change under an id, so each is fetched once. */
    async getSchema(schemaId: string): Promise<string> {
        const cached = this.schemas.get(schemaId);
        if (cached !== undefined) {
            return cached;
        }
        const json = await new Promise<string>((resolve, reject) => {
            this.client.GetSchema(
                { schema_id: schemaId },
                this.metadata(),
                { deadline: Date.now() + CALL_TIMEOUT_MS },
                (error, response) =>
                    error || !response ? reject(error ?? new Error('no answer')) : resolve(response.schema_json)
            );
        });
        this.schemas.set(schemaId, json);
        return json;
    }

    subscribe(): grpc.ClientDuplexStream<FetchRequest, FetchResponse> {
        return this.client.Subscribe(this.metadata());
    }

    close(): void {
        this.client.close();
    }
}

/** A gRPC status error, as grpc-js reports them. */
export function grpcCode(error: unknown): number | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'number' ? code : undefined;
}

export { status as GRPC_STATUS } from '@grpc/grpc-js';
