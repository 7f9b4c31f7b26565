/**
 * A stateful stand-in for a Salesforce org, on 127.0.0.1 and a random port, that answers jsforce in
 * the formats Salesforce documents. It keeps its state across requests, so a second run of a command
 * sees what the first one did, and it can inject every failure the tooling must survive.
 *
 * The REST API lives in rest-api.ts, the Metadata API in metadata-api.ts; this file holds the state,
 * the server, sign-in and the failures it can inject.
 *
 * What it answers, and the documentation each response shape follows:
 * - OAuth token endpoint: POST /services/oauth2/token, grants refresh_token and
 *   urn:ietf:params:oauth:grant-type:jwt-bearer; response and errors per help.salesforce.com
 *   "OAuth 2.0 Refresh Token Flow" and "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration".
 *   The JWT signature, iss, sub, aud and exp are really checked.
 * - GET /services/oauth2/userinfo: the OpenID Connect UserInfo endpoint (help.salesforce.com,
 *   "UserInfo Endpoint").
 * - REST: GET /services/data/ (Versions), /limits (Limits), /sobjects (Describe Global),
 *   /query?q= and /tooling/query?q= with nextRecordsUrl paging ("Execute a SOQL Query" and "Retrieve the
 *   Remaining SOQL Query Results", REST API Developer Guide; Tooling API "REST Resources"), POST
 *   /composite ("Composite", allOrNone and compositeResponse), POST/PATCH /composite/sobjects and PATCH
 *   /composite/sobjects/<type>/<externalId> ("sObject Collections" create, update and upsert:
 *   developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html),
 *   GET /tooling/executeAnonymous/?anonymousBody= (Tooling API "REST Resources"; ExecuteAnonymousResult
 *   per the SOAP API guide, sforce_api_calls_executeanonymous_result.htm).
 * - REST errors: 401 INVALID_SESSION_ID, 403 REQUEST_LIMIT_EXCEEDED, 503, as an array of
 *   {message, errorCode} ("Status Codes and Error Responses", api_rest/errorcodes.htm).
 * - Metadata API (SOAP, POST /services/Soap/m/<v>): deploy -> AsyncResult, checkDeployStatus ->
 *   DeployResult with details.componentFailures (Metadata API Developer Guide, "deploy()",
 *   "checkDeployStatus()", "DeployResult": developer.salesforce.com/docs/platform/api-metadata/
 *   references/result-objects/meta-deployresult.html; statuses per Metadata.DeployStatus), readMetadata ->
 *   ReadResult, upsertMetadata -> UpsertResult ("CRUD-Based Calls", meta-upsertmetadata.html). Faults as
 *   <soapenv:Fault><faultcode>sf:CODE</faultcode>.
 *   Not documented anywhere we could find, so assumed here and marked as such: the fault for a Shield-only
 *   type in an org without Shield (INVALID_TYPE, "This type of metadata is not available for this
 *   organization"), the UpsertResult error when the Change Data Capture entity allocation is used up
 *   (LIMIT_EXCEEDED), and readMetadata answering a missing component with <records xsi:nil="true"/>.
 *   The Metadata API permission error text follows the one Salesforce returns to users without Modify
 *   Metadata / Modify All Data.
 */
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { DeployRecord, metadataApi } from './metadata-api';
import { rest } from './rest-api';
import { clean, envelope, METADATA_ACCESS_MESSAGE, soapParser, xmlEscape } from './shared';
import type { Row } from './soql';

export { METADATA_ACCESS_MESSAGE } from './shared';

export type Failure =
    /** The connection drops before the request is processed, as a proxy that drops connections does. */
    | 'network'
    /** The request is processed, then the connection drops before the answer: the client cannot know. */
    | 'dropResponse'
    /** The server never answers. */
    | 'hang'
    /** 503 with an HTML maintenance page (and Retry-After when the rule has retryAfter). */
    | 'http503'
    /** 200 with an HTML page instead of the API's JSON: a login page or a proxy's portal. */
    | 'html'
    /** 500 with Salesforce's JSON error UNKNOWN_EXCEPTION and an ErrorId. */
    | 'http500'
    /** 500 with a plain-text body that quotes data (a stack trace naming a patient, a session id). */
    | 'http500Text'
    | 'limit'
    | 'limitDaily'
    | 'insufficientAccess'
    | 'invalidSession'
    | 'metadataAccess';

export type FailureRule = {
    /** Matches "METHOD /path" for REST, or the SOAP operation name (e.g. "checkDeployStatus"). */
    match: RegExp;
    fail: Failure;
    /** How many matching requests fail; then the rule is spent. */
    times: number;
    /** Let this many matching requests through before failing. */
    skip?: number;
    /** http503: the Retry-After header, in seconds. */
    retryAfter?: number;
};

/** The text body of the http500Text failure: what no message may repeat. */
export const LEAKY_500_BODY =
    'java.lang.NullPointerException at PatientService for Jane Q. Public (MRN 000123456) session 00D000000000001!AQsecretsecretsecret';

export type DeployFailure = {
    componentType: string;
    fullName: string;
    fileName: string;
    lineNumber?: number;
    columnNumber?: number;
    problem: string;
};

export type FakeOrgOptions = {
    shield?: boolean;
    /**
     * Whether the Metadata API accepts the Shield-only types. Defaults to `shield`; false with shield
     * true is an org whose event objects are visible but whose licence does not cover the settings.
     */
    shieldMetadata?: boolean;
    /**
     * Shield Platform Encryption licence: TenantSecret is an object and UserPermissionAccess has the
     * PermissionsManageEncryptionKeys column (a query of it fails without the licence, as in a real org).
     */
    platformEncryption?: boolean;
    /** Change Data Capture entitlement: false = no ChangeEvent objects at all. */
    cdc?: boolean;
    /** Entities that may be selected for CDC (5 without the add-on). */
    cdcEntityLimit?: number;
    isSandbox?: boolean;
    orgType?: string;
    apiVersions?: string[];
    /** Records per query page (the real API uses up to 2000). */
    queryBatchSize?: number;
    /**
     * Bytes of records per query page: like the real API with large Body fields, a page holds fewer
     * records when they are big, and the client must follow nextRecordsUrl.
     */
    queryMaxBytes?: number;
    /** checkDeployStatus calls before a deploy finishes. */
    deployPolls?: number;
    runningUser?: Partial<
        Record<
            'modifyAllData' | 'modifyMetadata' | 'authorApex' | 'viewSetup' | 'manageUsers' | 'manageEncryptionKeys',
            boolean
        >
    >;
};

const ID_PREFIX: Record<string, string> = {
    Organization: '00D',
    User: '005',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    CronTrigger: '08e',
    CronJobDetail: '08a',
    StaticResource: '081',
    ApexClass: '01p',
    ApexTrigger: '01q',
    ComplianceFinding__c: 'a0F',
    ResidencyTag__c: 'a0R',
    FieldDefinition: '00N',
    InstalledSubscriberPackage: '0A3',
    Deploy: '0Af'
};

const SHIELD_OBJECTS = [
    'ApiEvent',
    'ApiEventStream',
    'ReportEvent',
    'ReportEventStream',
    'LoginEvent',
    'LoginEventStream',
    'ListViewEvent',
    'ListViewEventStream',
    'BulkApiResultEvent',
    'BulkApiResultEventStore'
];
const STANDARD_OBJECTS = [
    'Account',
    'Contact',
    'Case',
    'Lead',
    'User',
    'Organization',
    'PermissionSet',
    'PermissionSetAssignment',
    'CronTrigger',
    'CronJobDetail',
    'StaticResource',
    'ApexClass',
    'ApexTrigger'
];
const CDC_CAPABLE = ['Account', 'Contact', 'Case', 'Lead'];

export class FakeOrg {
    readonly options: Required<Omit<FakeOrgOptions, 'runningUser'>> & {
        runningUser: Required<NonNullable<FakeOrgOptions['runningUser']>>;
    };
    url = '';
    readonly tables = new Map<string, Row[]>();
    /** For the API modules. */
    readonly byId = new Map<string, { type: string; row: Row }>();
    readonly metadata = new Map<string, Map<string, Record<string, unknown>>>();
    private readonly tokens = new Map<string, { userId: string; valid: boolean }>();
    private readonly refreshTokens = new Map<string, string>();
    readonly jwtClients = new Map<string, string>();
    /** For the API modules. */
    readonly deploys = new Map<string, DeployRecord>();
    /** For the API modules. */
    readonly cursors = new Map<string, Row[]>();
    readonly failures: FailureRule[] = [];
    /** Every request received: "METHOD /path" or "SOAP operation". */
    readonly requests: string[] = [];
    /** Every SOQL query received (REST and Tooling), in order. */
    readonly soql: string[] = [];
    deployFailures: DeployFailure[] = [];
    /** DeployOptions of the last deploy call, as received. */
    lastDeployOptions: Record<string, unknown> = {};
    dailyApiRemaining = 15000;
    readonly orgId: string;
    readonly adminUserId: string;
    private counter = 0;
    private server?: Server;

    constructor(options: FakeOrgOptions = {}) {
        this.options = {
            shield: options.shield ?? true,
            shieldMetadata: options.shieldMetadata ?? options.shield ?? true,
            platformEncryption: options.platformEncryption ?? false,
            cdc: options.cdc ?? true,
            cdcEntityLimit: options.cdcEntityLimit ?? 5,
            isSandbox: options.isSandbox ?? false,
            orgType: options.orgType ?? 'Enterprise Edition',
            apiVersions: options.apiVersions ?? ['59.0', '60.0', '61.0', '62.0'],
            queryBatchSize: options.queryBatchSize ?? 2000,
            queryMaxBytes: options.queryMaxBytes ?? 10_000_000,
            deployPolls: options.deployPolls ?? 3,
            runningUser: {
                modifyAllData: true,
                modifyMetadata: true,
                authorApex: true,
                viewSetup: true,
                manageUsers: true,
                manageEncryptionKeys: true,
                ...options.runningUser
            }
        };
        this.orgId = this.insert('Organization', {
            Name: 'Warden Test Org',
            OrganizationType: this.options.orgType,
            IsSandbox: this.options.isSandbox,
            InstanceName: 'FAKE1',
            NamespacePrefix: null
        });
        this.adminUserId = this.addUser('admin@warden.test');
        this.addUser('integration@warden.test');
        this.addUser('officer@warden.test');
        this.addUser('auditor@warden.test');
        this.addUser('former@warden.test', { active: false });
    }

    // ----------------------------------------------------------------- state helpers

    newId(type: string): string {
        this.counter++;
        const prefix = ID_PREFIX[type] ?? 'a0X';
        return `${prefix}${String(this.counter).padStart(12, '0')}AAA`;
    }

    insert(type: string, row: Row): string {
        const id = row.Id ?? this.newId(type);
        const stored: Row = { ...row, Id: id };
        const table = this.tables.get(type) ?? [];
        table.push(stored);
        this.tables.set(type, table);
        this.byId.set(id, { type, row: stored });
        return id;
    }

    remove(type: string, id: string): void {
        this.tables.set(
            type,
            (this.tables.get(type) ?? []).filter((row) => row.Id !== id)
        );
        this.byId.delete(id);
    }

    rows(type: string): Row[] {
        return this.tables.get(type) ?? [];
    }

    addUser(username: string, options: { active?: boolean } = {}): string {
        return this.insert('User', { Username: username, IsActive: options.active ?? true, Name: username });
    }

    userByName(username: string): Row | undefined {
        return this.rows('User').find((row) => String(row.Username).toLowerCase() === username.toLowerCase());
    }

    /** A valid access token for a user, as if obtained elsewhere (SF_ACCESS_TOKEN). */
    issueAccessToken(username = 'admin@warden.test'): string {
        const user = this.userByName(username);
        if (!user?.Id) throw new Error(`no user ${username}`);
        const token = `${this.orgId.slice(0, 15)}!AQ${randomBytes(24).toString('hex')}`;
        this.tokens.set(token, { userId: user.Id, valid: true });
        return token;
    }

    issueRefreshToken(username = 'admin@warden.test'): string {
        const user = this.userByName(username);
        if (!user?.Id) throw new Error(`no user ${username}`);
        const token = `5Aep${randomBytes(24).toString('hex')}`;
        this.refreshTokens.set(token, user.Id);
        return token;
    }

    revokeRefreshTokens(): void {
        this.refreshTokens.clear();
    }

    /** Every access token issued so far stops working (a session timeout). */
    expireSessions(): void {
        for (const session of this.tokens.values()) session.valid = false;
    }

    inject(rule: FailureRule): void {
        this.failures.push({ skip: 0, ...rule });
    }

    addApex(kind: 'ApexClass' | 'ApexTrigger', name: string, body: string, namespace: string | null = null): string {
        return this.insert(kind, {
            Name: name,
            Body: body,
            NamespacePrefix: namespace,
            LengthWithoutComments: body.length,
            Status: 'Active',
            ...(kind === 'ApexTrigger' ? { TableEnumOrId: /\bon\s+(\w+)/i.exec(body)?.[1] ?? '' } : {})
        });
    }

    /** Makes a custom object exist (describe, queries), as a deploy of it would. */
    addCustomObject(name: string): void {
        this.setMetadata('CustomObject', name, { deployed: true });
        if (!this.tables.has(name)) this.tables.set(name, []);
    }

    metadataRecord(type: string, fullName: string): Record<string, unknown> | undefined {
        return this.metadata.get(type)?.get(fullName);
    }

    setMetadata(type: string, fullName: string, record: Record<string, unknown>): void {
        const map = this.metadata.get(type) ?? new Map();
        map.set(fullName, { ...record, fullName });
        this.metadata.set(type, map);
    }

    sobjectNames(): string[] {
        const names = new Set(STANDARD_OBJECTS);
        if (this.options.shield) SHIELD_OBJECTS.forEach((name) => names.add(name));
        if (this.options.platformEncryption) names.add('TenantSecret');
        for (const name of this.metadata.get('CustomObject')?.keys() ?? []) {
            names.add(name);
        }
        if (this.options.cdc) {
            for (const name of CDC_CAPABLE) names.add(`${name}ChangeEvent`);
            for (const name of this.metadata.get('CustomObject')?.keys() ?? []) {
                if (name.endsWith('__c')) names.add(name.replace(/__c$/, '__ChangeEvent'));
            }
        }
        return [...names].sort();
    }

    /**
     * The org's meaningful state without ids and timestamps, so two orgs that reached the same end by
     * different paths compare equal.
     */
    snapshot(): Record<string, unknown> {
        const names = (type: string, field = 'Name'): string[] =>
            this.rows(type)
                .map((row) => String(row[field]))
                .sort();
        const metadata: Record<string, unknown> = {};
        for (const [type, map] of [...this.metadata.entries()].sort(([a], [b]) => a.localeCompare(b))) {
            metadata[type] = Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
        }
        return {
            apexClasses: names('ApexClass'),
            apexTriggers: names('ApexTrigger'),
            permissionSets: names('PermissionSet'),
            staticResources: this.rows('StaticResource')
                .map((row) => `${row.Name}: ${row.Description}`)
                .sort(),
            assignments: this.rows('PermissionSetAssignment')
                .map((row) => {
                    const user = this.byId.get(String(row.AssigneeId))?.row;
                    const set = this.byId.get(String(row.PermissionSetId))?.row;
                    return `${set?.Name} -> ${user?.Username}`;
                })
                .sort(),
            scheduledJobs: this.rows('CronTrigger')
                .map((row) => {
                    const detail = this.byId.get(String(row.CronJobDetailId))?.row;
                    return `${detail?.Name} @ ${row.CronExpression} (${row.ApexClassName})`;
                })
                .sort(),
            keyVersions: this.rows('WardenKeyring__c')
                .map((row) => `v${row.KeyVersion__c}${row.Active__c ? ' (active)' : ''}`)
                .sort(),
            metadata
        };
    }

    // ----------------------------------------------------------------- server

    async start(): Promise<string> {
        this.server = createServer((request, response) => {
            this.handle(request, response).catch((error: Error) => {
                if (!response.headersSent) {
                    this.json(response, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: error.message }]);
                }
            });
        });
        await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
        return this.url;
    }

    async close(): Promise<void> {
        if (!this.server) return;
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server!.close(() => resolve()));
        this.server = undefined;
    }

    json(response: ServerResponse, status: number, body: unknown): void {
        const text = JSON.stringify(body);
        response.writeHead(status, {
            'Content-Type': 'application/json;charset=UTF-8',
            'Sforce-Limit-Info': `api-usage=${15000 - this.dailyApiRemaining}/15000`
        });
        response.end(text);
    }

    xml(response: ServerResponse, status: number, body: string): void {
        response.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8' });
        response.end(body);
    }

    soapFault(response: ServerResponse, code: string, message: string, namespace: string): void {
        this.xml(
            response,
            500,
            envelope(
                namespace,
                `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${xmlEscape(
                    `${code}: ${message}`
                )}</faultstring></soapenv:Fault>`
            )
        );
    }

    private takeFailure(key: string): FailureRule | undefined {
        for (const rule of this.failures) {
            if (rule.times > 0 && rule.match.test(key)) {
                if ((rule.skip ?? 0) > 0) {
                    rule.skip = (rule.skip ?? 0) - 1;
                    return undefined;
                }
                rule.times--;
                return rule;
            }
        }
        return undefined;
    }

    /** Answers an injected failure; returns true when the request was consumed by it. */
    private applyFailure(rule: FailureRule, response: ServerResponse, soap: string | undefined): boolean {
        const namespace = 'http://soap.sforce.com/2006/04/metadata';
        const failure = rule.fail;
        switch (failure) {
            case 'network':
            case 'dropResponse':
                response.socket?.destroy();
                return true;
            case 'hang':
                // Never answer; the client's timeout must fire. close() ends the socket.
                return true;
            case 'http503':
                response.writeHead(503, {
                    'Content-Type': 'text/html',
                    ...(rule.retryAfter === undefined ? {} : { 'Retry-After': String(rule.retryAfter) })
                });
                response.end('<html><body>Service Unavailable: down for maintenance</body></html>');
                return true;
            case 'html':
                response.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
                response.end('<html><head><title>Login | Salesforce</title></head><body>Please log in</body></html>');
                return true;
            case 'http500':
                this.json(response, 500, [
                    {
                        errorCode: 'UNKNOWN_EXCEPTION',
                        message:
                            'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-987654321)'
                    }
                ]);
                return true;
            case 'http500Text':
                response.writeHead(500, { 'Content-Type': 'text/plain' });
                response.end(LEAKY_500_BODY);
                return true;
            case 'limit':
            case 'limitDaily': {
                const message =
                    failure === 'limit' ? 'ConcurrentPerOrgLongTxn Limit exceeded.' : 'TotalRequests Limit exceeded.';
                if (soap) this.soapFault(response, 'REQUEST_LIMIT_EXCEEDED', message, namespace);
                else this.json(response, 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message }]);
                return true;
            }
            case 'insufficientAccess': {
                const message = 'insufficient access rights on object id';
                if (soap) this.soapFault(response, 'INSUFFICIENT_ACCESS', message, namespace);
                else this.json(response, 403, [{ errorCode: 'INSUFFICIENT_ACCESS', message }]);
                return true;
            }
            case 'metadataAccess':
                this.soapFault(response, 'INSUFFICIENT_ACCESS', METADATA_ACCESS_MESSAGE, namespace);
                return true;
            case 'invalidSession':
                if (soap)
                    this.soapFault(
                        response,
                        'INVALID_SESSION_ID',
                        'Invalid Session ID found in SessionHeader: Illegal Session',
                        namespace
                    );
                else
                    this.json(response, 401, [
                        { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }
                    ]);
                return true;
        }
    }

    private async readBody(request: IncomingMessage): Promise<string> {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? '/', this.url);
        const method = request.method ?? 'GET';
        const body = await this.readBody(request);
        let soap: { operation: string; args: Record<string, unknown>; sessionId?: string } | undefined;
        if (url.pathname.startsWith('/services/Soap/')) {
            const parsed = clean(soapParser.parse(body)) as Record<string, Record<string, Record<string, unknown>>>;
            const bodyElement = parsed.Envelope?.Body ?? {};
            const operation = Object.keys(bodyElement)[0] ?? '';
            const header = (parsed.Envelope?.Header ?? {}) as Record<string, Record<string, unknown>>;
            soap = {
                operation,
                args: (bodyElement[operation] ?? {}) as Record<string, unknown>,
                sessionId: header.SessionHeader?.sessionId as string | undefined
            };
        }
        const key = soap ? soap.operation : `${method} ${url.pathname}`;
        this.requests.push(key);
        const failure = this.takeFailure(key);
        if (failure?.fail === 'dropResponse') {
            // Let the request do its work, then lose the answer.
            response.writeHead = (() => response) as unknown as typeof response.writeHead;
            response.end = (() => {
                response.socket?.destroy();
                return response;
            }) as unknown as typeof response.end;
        } else if (failure && this.applyFailure(failure, response, soap?.operation)) {
            return;
        }
        if (request.url && request.url.length > 16384) {
            response.writeHead(414, { 'Content-Type': 'text/html' });
            response.end('URI Too Long');
            return;
        }
        this.dailyApiRemaining--;

        if (url.pathname === '/services/oauth2/token' && method === 'POST') {
            return this.oauthToken(new URLSearchParams(body), response);
        }
        if (url.pathname.startsWith('/services/Soap/m/')) {
            const session = soap!.sessionId ? this.tokens.get(soap!.sessionId) : undefined;
            if (!session?.valid) {
                return this.soapFault(
                    response,
                    'INVALID_SESSION_ID',
                    'Invalid Session ID found in SessionHeader: Illegal Session',
                    'http://soap.sforce.com/2006/04/metadata'
                );
            }
            return metadataApi(this, soap!, response);
        }

        const auth = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const session = auth ? this.tokens.get(auth) : undefined;
        if (!session?.valid) {
            return this.json(response, 401, [
                { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
            ]);
        }
        if (url.pathname === '/services/oauth2/userinfo') {
            const user = this.byId.get(session.userId)?.row;
            return this.json(response, 200, {
                sub: `${this.url}/id/${this.orgId}/${session.userId}`,
                user_id: session.userId,
                organization_id: this.orgId,
                preferred_username: user?.Username,
                name: user?.Name
            });
        }
        const result = rest(this, method, url, body, session.userId);
        return this.json(response, result.status, result.body);
    }

    // ----------------------------------------------------------------- authentication

    private tokenResponse(userId: string): Record<string, unknown> {
        const user = this.byId.get(userId)!.row;
        return {
            access_token: this.issueAccessToken(String(user.Username)),
            instance_url: this.url,
            id: `${this.url}/id/${this.orgId}/${userId}`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: randomBytes(16).toString('base64'),
            scope: 'api refresh_token'
        };
    }

    private oauthToken(params: URLSearchParams, response: ServerResponse): void {
        const grant = params.get('grant_type');
        if (grant === 'refresh_token') {
            const userId = this.refreshTokens.get(params.get('refresh_token') ?? '');
            if (!userId) {
                return this.json(response, 400, {
                    error: 'invalid_grant',
                    error_description: 'expired access/refresh token'
                });
            }
            return this.json(response, 200, this.tokenResponse(userId));
        }
        if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
            const [header, payload, signature] = (params.get('assertion') ?? '').split('.');
            try {
                const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
                    string,
                    unknown
                >;
                const publicKey = this.jwtClients.get(String(claims.iss));
                if (!publicKey) {
                    return this.json(response, 400, {
                        error: 'invalid_client_id',
                        error_description: 'client identifier invalid'
                    });
                }
                const valid = verify(
                    'RSA-SHA256',
                    Buffer.from(`${header}.${payload}`),
                    createPublicKey(publicKey),
                    Buffer.from(signature, 'base64url')
                );
                const user = this.userByName(String(claims.sub));
                // The audience is a login server (or an Experience Cloud site), never the org's own My Domain.
                const audiences = ['https://login.salesforce.com', 'https://test.salesforce.com', this.url];
                if (
                    !valid ||
                    !audiences.includes(String(claims.aud)) ||
                    Number(claims.exp) < Date.now() / 1000 ||
                    !user?.Id
                ) {
                    return this.json(response, 400, { error: 'invalid_grant', error_description: 'invalid assertion' });
                }
                return this.json(response, 200, this.tokenResponse(user.Id));
            } catch {
                return this.json(response, 400, { error: 'invalid_grant', error_description: 'invalid assertion' });
            }
        }
        this.json(response, 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    }
}
