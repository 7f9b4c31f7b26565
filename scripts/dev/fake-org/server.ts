/**
 * A stateful stand-in for a Salesforce org, on 127.0.0.1 and a random port, that answers jsforce in
 * the formats Salesforce documents. It keeps its state across requests, so a second run of a command
 * sees what the first one did, and it can inject every failure the tooling must survive.
 *
 * What it answers, and the documentation each response shape follows:
 * - SOAP login (partner API): POST /services/Soap/u/<v>. LoginResult per SOAP API Developer Guide,
 *   "login()" (developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_login.htm);
 *   INVALID_LOGIN fault per "Core Data Types Used in API Calls / ExceptionCode".
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
import { XMLParser } from 'fast-xml-parser';
import { parseSoql, Row, runQuery } from './soql';
import { unzip } from '../lib/zip';

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
        Record<'modifyAllData' | 'modifyMetadata' | 'authorApex' | 'viewSetup' | 'manageUsers', boolean>
    >;
};

type DeployRecord = {
    id: string;
    polls: number;
    total: number;
    checkOnly: boolean;
    testLevel: string;
    files: Map<string, Buffer>;
    members: Array<{ type: string; name: string }>;
    failures: DeployFailure[];
    finished?: Record<string, unknown>;
    createdDate: string;
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

/** Salesforce's exact text for a Metadata API call by a user without the permission. */
export const METADATA_ACCESS_MESSAGE =
    'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions';

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
const SHIELD_TYPES = new Set(['RealTimeEventSettings', 'TransactionSecurityPolicy']);
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

function xmlEscape(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serialises a JS value as SOAP XML: arrays repeat the element, null is xsi:nil, '@type' is xsi:type. */
function toXml(name: string, value: unknown): string {
    if (value === null || value === undefined) {
        return `<${name} xsi:nil="true"/>`;
    }
    if (Array.isArray(value)) {
        return value.map((item) => toXml(name, item)).join('');
    }
    if (typeof value === 'object') {
        const record = value as Record<string, unknown>;
        const type = typeof record['@type'] === 'string' ? ` xsi:type="${record['@type']}"` : '';
        const inner = Object.entries(record)
            .filter(([key, item]) => key !== '@type' && item !== undefined)
            .map(([key, item]) => toXml(key, item))
            .join('');
        return `<${name}${type}>${inner}</${name}>`;
    }
    return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function envelope(namespace: string, body: string): string {
    return (
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${namespace}" ` +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
    );
}

function asArray<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
}

const soapParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true
});

/** Strips parser attributes (@_…) and turns xsi:nil into null, recursively. */
function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (record['@_nil'] === 'true') return null;
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(record)) {
            if (key === '@_type') out['@type'] = item;
            else if (!key.startsWith('@_')) out[key] = clean(item);
        }
        return out;
    }
    return value;
}

export class FakeOrg {
    readonly options: Required<Omit<FakeOrgOptions, 'runningUser'>> & {
        runningUser: Required<NonNullable<FakeOrgOptions['runningUser']>>;
    };
    url = '';
    readonly tables = new Map<string, Row[]>();
    private readonly byId = new Map<string, { type: string; row: Row }>();
    readonly metadata = new Map<string, Map<string, Record<string, unknown>>>();
    private readonly tokens = new Map<string, { userId: string; valid: boolean }>();
    private readonly refreshTokens = new Map<string, string>();
    private readonly passwords = new Map<string, string>();
    readonly jwtClients = new Map<string, string>();
    private readonly deploys = new Map<string, DeployRecord>();
    private readonly cursors = new Map<string, Row[]>();
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
        this.adminUserId = this.addUser('admin@warden.test', { password: 'admin-password-1' });
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

    addUser(username: string, options: { active?: boolean; password?: string } = {}): string {
        const id = this.insert('User', { Username: username, IsActive: options.active ?? true, Name: username });
        if (options.password) {
            this.passwords.set(username, options.password);
        }
        return id;
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

    private json(response: ServerResponse, status: number, body: unknown): void {
        const text = JSON.stringify(body);
        response.writeHead(status, {
            'Content-Type': 'application/json;charset=UTF-8',
            'Sforce-Limit-Info': `api-usage=${15000 - this.dailyApiRemaining}/15000`
        });
        response.end(text);
    }

    private xml(response: ServerResponse, status: number, body: string): void {
        response.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8' });
        response.end(body);
    }

    private soapFault(response: ServerResponse, code: string, message: string, namespace: string): void {
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

        if (url.pathname.startsWith('/services/Soap/u/')) {
            return this.soapLogin(soap!, response);
        }
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
            return this.metadataApi(soap!, response);
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
        const result = this.rest(method, url, body, session.userId);
        return this.json(response, result.status, result.body);
    }

    // ----------------------------------------------------------------- authentication

    private soapLogin(soap: { args: Record<string, unknown> }, response: ServerResponse): void {
        const namespace = 'urn:partner.soap.sforce.com';
        const username = String(soap.args.username ?? '');
        const password = String(soap.args.password ?? '');
        const user = this.userByName(username);
        if (!user || this.passwords.get(username) !== password || user.IsActive !== true) {
            return this.soapFault(
                response,
                'INVALID_LOGIN',
                'Invalid username, password, security token; or user locked out.',
                namespace
            );
        }
        const sessionId = this.issueAccessToken(username);
        const version = this.options.apiVersions[this.options.apiVersions.length - 1];
        const result = {
            metadataServerUrl: `${this.url}/services/Soap/m/${version}/${this.orgId}`,
            passwordExpired: false,
            sandbox: this.options.isSandbox,
            serverUrl: `${this.url}/services/Soap/u/${version}/${this.orgId}`,
            sessionId,
            userId: user.Id,
            userInfo: { organizationId: this.orgId, userId: user.Id, userName: username }
        };
        this.xml(response, 200, envelope(namespace, toXml('loginResponse', { result })));
    }

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

    // ----------------------------------------------------------------- REST

    private rest(method: string, url: URL, body: string, userId: string): { status: number; body: unknown } {
        const path = url.pathname;
        if (path === '/services/data/' || path === '/services/data') {
            return {
                status: 200,
                body: this.options.apiVersions.map((version) => ({
                    label: `v${version}`,
                    url: `/services/data/v${version}`,
                    version
                }))
            };
        }
        const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(path);
        if (!match) {
            return {
                status: 404,
                body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
            };
        }
        const [, version, rest] = match;
        if (!this.options.apiVersions.includes(version)) {
            return {
                status: 404,
                body: [{ errorCode: 'NOT_FOUND', message: `API version ${version} is not supported` }]
            };
        }
        if (method === 'GET' && rest === '/limits') {
            return {
                status: 200,
                body: {
                    DailyApiRequests: { Max: 15000, Remaining: this.dailyApiRemaining },
                    DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
                    DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 }
                }
            };
        }
        if (method === 'GET' && rest === '/sobjects') {
            return {
                status: 200,
                body: {
                    encoding: 'UTF-8',
                    maxBatchSize: 200,
                    sobjects: this.sobjectNames().map((name) => ({
                        name,
                        label: name,
                        custom: name.includes('__'),
                        queryable: true
                    }))
                }
            };
        }
        const queryMatch = /^(\/tooling)?\/query\/?(.*)$/.exec(rest);
        if (method === 'GET' && queryMatch) {
            return this.query(version, Boolean(queryMatch[1]), queryMatch[2], url.searchParams.get('q'));
        }
        if (method === 'GET' && rest.startsWith('/tooling/executeAnonymous')) {
            return { status: 200, body: this.executeAnonymous(url.searchParams.get('anonymousBody') ?? '') };
        }
        if (method === 'POST' && rest === '/composite') {
            return this.composite(JSON.parse(body) as Record<string, unknown>, userId);
        }
        if (rest.startsWith('/composite/sobjects')) {
            return this.collections(method, rest, JSON.parse(body) as { records: Row[] });
        }
        return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: `No such resource ${method} ${rest}` }] };
    }

    private query(
        version: string,
        tooling: boolean,
        locator: string,
        soql: string | null
    ): { status: number; body: unknown } {
        const base = `/services/data/v${version}${tooling ? '/tooling' : ''}/query`;
        let rows: Row[];
        if (locator) {
            const cursor = this.cursors.get(locator);
            if (!cursor) {
                return {
                    status: 400,
                    body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]
                };
            }
            rows = cursor;
            this.cursors.delete(locator);
        } else {
            this.soql.push(soql ?? '');
            try {
                const query = parseSoql(soql ?? '');
                const queryable =
                    this.tables.has(query.from) ||
                    this.sobjectNames().includes(query.from) ||
                    [
                        'UserPermissionAccess',
                        'InstalledSubscriberPackage',
                        'FieldDefinition',
                        'EntityDefinition'
                    ].includes(query.from);
                if (!queryable) {
                    return {
                        status: 400,
                        body: [{ errorCode: 'INVALID_TYPE', message: `sObject type '${query.from}' is not supported.` }]
                    };
                }
                const source =
                    query.from === 'UserPermissionAccess' ? [this.userPermissionAccess()] : this.rows(query.from);
                rows = runQuery(
                    query,
                    source,
                    (id) => this.byId.get(id)?.row,
                    (row) => (row.Id ? (this.byId.get(row.Id)?.type ?? query.from) : query.from),
                    (type, id) => `/services/data/v${version}/sobjects/${type}/${id}`
                );
            } catch (error) {
                return { status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: (error as Error).message }] };
            }
        }
        const total = (rows as Row[] & { total?: number }).total ?? rows.length;
        let size = 0;
        let count = 0;
        while (count < rows.length && count < this.options.queryBatchSize) {
            size += JSON.stringify(rows[count]).length;
            if (count > 0 && size > this.options.queryMaxBytes) break;
            count++;
        }
        const page = rows.slice(0, count);
        const restRows = rows.slice(count) as Row[] & { total?: number };
        const body: Record<string, unknown> = { totalSize: total, done: restRows.length === 0, records: page };
        if (restRows.length > 0) {
            restRows.total = total;
            const id = `01g${randomBytes(6).toString('hex')}-${total - restRows.length}`;
            this.cursors.set(id, restRows);
            body.nextRecordsUrl = `${base}/${id}`;
        }
        return { status: 200, body };
    }

    private userPermissionAccess(): Row {
        const permissions = this.options.runningUser;
        return {
            PermissionsModifyAllData: permissions.modifyAllData,
            PermissionsModifyMetadata: permissions.modifyMetadata,
            PermissionsAuthorApex: permissions.authorApex,
            PermissionsViewSetup: permissions.viewSetup,
            PermissionsManageUsers: permissions.manageUsers,
            PermissionsAssignPermissionSets: permissions.manageUsers
        };
    }

    private composite(request: Record<string, unknown>, userId: string): { status: number; body: unknown } {
        const subrequests = asArray(request.compositeRequest as Array<Record<string, unknown>>);
        if (subrequests.length > 25) {
            return { status: 400, body: [{ errorCode: 'INVALID_API_INPUT', message: 'Too many subrequests' }] };
        }
        const compositeResponse = subrequests.map((sub) => {
            const url = new URL(String(sub.url), this.url);
            const result = this.rest(String(sub.method), url, sub.body ? JSON.stringify(sub.body) : '{}', userId);
            return { body: result.body, httpHeaders: {}, httpStatusCode: result.status, referenceId: sub.referenceId };
        });
        return { status: 200, body: { compositeResponse } };
    }

    private collections(method: string, rest: string, request: { records: Row[] }): { status: number; body: unknown } {
        const records = asArray(request.records);
        if (records.length > 200) {
            return {
                status: 400,
                body: [
                    {
                        errorCode: 'EXCEEDED_ID_LIMIT',
                        message: 'record limit reached. cannot submit more than 200 records into this call'
                    }
                ]
            };
        }
        const upsert = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(rest);
        const results = records.map((record) => {
            const { attributes, ...fields } = record as Row & { attributes?: { type?: string } };
            const type = upsert?.[1] ?? attributes?.type ?? '';
            if (method === 'POST' && !upsert) {
                return this.createRecord(type, fields);
            }
            if (method === 'PATCH' && upsert) {
                const key = upsert[2];
                const existing = this.rows(type).find((row) => row[key] === fields[key]);
                if (existing) {
                    Object.assign(existing, fields);
                    return { id: existing.Id, success: true, created: false, errors: [] };
                }
                return { ...this.createRecord(type, fields), created: true };
            }
            if (method === 'PATCH') {
                const existing = this.byId.get(String(fields.Id))?.row;
                if (!existing) {
                    return {
                        success: false,
                        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
                    };
                }
                Object.assign(existing, fields);
                return { id: existing.Id, success: true, errors: [] };
            }
            return { success: false, errors: [{ statusCode: 'METHOD_NOT_ALLOWED', message: method, fields: [] }] };
        });
        return { status: 200, body: results };
    }

    private createRecord(type: string, fields: Row): Record<string, unknown> {
        if (type === 'PermissionSetAssignment') {
            const user = this.byId.get(String(fields.AssigneeId))?.row;
            const set = this.byId.get(String(fields.PermissionSetId))?.row;
            if (!user || !set) {
                return {
                    success: false,
                    errors: [
                        { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }
                    ]
                };
            }
            if (user.IsActive !== true) {
                return {
                    success: false,
                    errors: [
                        {
                            statusCode: 'INACTIVE_OWNER_OR_USER',
                            message: 'operation performed with inactive user',
                            fields: []
                        }
                    ]
                };
            }
            const duplicate = this.rows(type).some(
                (row) => row.AssigneeId === fields.AssigneeId && row.PermissionSetId === fields.PermissionSetId
            );
            if (duplicate) {
                return {
                    success: false,
                    errors: [
                        { statusCode: 'DUPLICATE_VALUE', message: 'Duplicate PermissionSetAssignment', fields: [] }
                    ]
                };
            }
        }
        const id = this.insert(type, fields);
        return { id, success: true, errors: [] };
    }

    private executeAnonymous(source: string): Record<string, unknown> {
        // Understands the shape of the scripts warden generates: abort jobs by name, then System.schedule.
        const aborts = [...source.matchAll(/CronJobDetail\.Name\s*=\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
        const schedules = [
            ...source.matchAll(
                /System\.schedule\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*,\s*new\s+(\w+)\(\)\s*\)/g
            )
        ];
        for (const [, , , className] of schedules) {
            if (!this.rows('ApexClass').some((row) => row.Name === className)) {
                return {
                    line: 1,
                    column: 1,
                    compiled: false,
                    success: false,
                    compileProblem: `Invalid type: ${className}`,
                    exceptionMessage: null,
                    exceptionStackTrace: null
                };
            }
        }
        if (!this.options.runningUser.authorApex) {
            return {
                line: -1,
                column: -1,
                compiled: true,
                success: false,
                compileProblem: null,
                exceptionMessage: 'System.NoAccessException: Insufficient Privileges',
                exceptionStackTrace: 'AnonymousBlock: line 1'
            };
        }
        for (const name of aborts) {
            const detail = this.rows('CronJobDetail').find((row) => row.Name === name);
            const trigger = detail && this.rows('CronTrigger').find((row) => row.CronJobDetailId === detail.Id);
            if (trigger?.Id) this.remove('CronTrigger', trigger.Id);
            if (detail?.Id) this.remove('CronJobDetail', detail.Id);
        }
        for (const [, name, cron, className] of schedules) {
            if (this.rows('CronJobDetail').some((row) => row.Name === name)) {
                return {
                    line: 1,
                    column: 1,
                    compiled: true,
                    success: false,
                    compileProblem: null,
                    exceptionMessage: `System.AsyncException: The Apex job named "${name}" is already scheduled for execution.`,
                    exceptionStackTrace: 'AnonymousBlock: line 1, column 1'
                };
            }
            const detailId = this.insert('CronJobDetail', { Name: name, JobType: '7' });
            this.insert('CronTrigger', {
                CronJobDetailId: detailId,
                CronExpression: cron,
                State: 'WAITING',
                NextFireTime: new Date(Date.now() + 3600000).toISOString(),
                ApexClassName: className
            });
        }
        return {
            line: -1,
            column: -1,
            compiled: true,
            success: true,
            compileProblem: null,
            exceptionMessage: null,
            exceptionStackTrace: null
        };
    }

    // ----------------------------------------------------------------- Metadata API

    private async metadataApi(
        soap: { operation: string; args: Record<string, unknown> },
        response: ServerResponse
    ): Promise<void> {
        const namespace = 'http://soap.sforce.com/2006/04/metadata';
        const respond = (result: unknown): void =>
            this.xml(response, 200, envelope(namespace, toXml(`${soap.operation}Response`, { result })));
        if (!this.options.runningUser.modifyAllData && !this.options.runningUser.modifyMetadata) {
            return this.soapFault(response, 'INSUFFICIENT_ACCESS', METADATA_ACCESS_MESSAGE, namespace);
        }
        switch (soap.operation) {
            case 'deploy':
                return respond(await this.deploy(soap.args));
            case 'checkDeployStatus': {
                const record = this.deploys.get(String(soap.args.asyncProcessId));
                if (!record) {
                    return this.soapFault(response, 'INVALID_ID_FIELD', 'invalid deploy id', namespace);
                }
                return respond(this.deployStatus(record, String(soap.args.includeDetails) === 'true'));
            }
            case 'readMetadata': {
                const type = String(soap.args.type);
                if (SHIELD_TYPES.has(type) && !this.options.shieldMetadata) {
                    return this.soapFault(
                        response,
                        'INVALID_TYPE',
                        'This type of metadata is not available for this organization',
                        namespace
                    );
                }
                const records = asArray(soap.args.fullNames as string | string[]).map((name) => {
                    const record = this.metadataRecord(type, String(name));
                    return record ? { '@type': type, ...record } : null;
                });
                return respond({ records });
            }
            case 'upsertMetadata': {
                const items = asArray(soap.args.metadata as Array<Record<string, unknown>>);
                const results = [];
                for (const raw of items) {
                    const { '@type': declared, ...item } = raw;
                    const type = String(declared ?? '');
                    if (SHIELD_TYPES.has(type) && !this.options.shieldMetadata) {
                        return this.soapFault(
                            response,
                            'INVALID_TYPE',
                            'This type of metadata is not available for this organization',
                            namespace
                        );
                    }
                    results.push(this.upsertOne(type, item));
                }
                return respond(results);
            }
            default:
                return this.soapFault(
                    response,
                    'INVALID_OPERATION',
                    `operation ${soap.operation} is not implemented by the test org`,
                    namespace
                );
        }
    }

    private upsertOne(type: string, item: Record<string, unknown>): Record<string, unknown> {
        const fullName = String(item.fullName ?? '');
        const fail = (statusCode: string, message: string): Record<string, unknown> => ({
            created: false,
            errors: { statusCode, message, fields: [] },
            fullName,
            success: false
        });
        const activeUser = (username: unknown): boolean => this.userByName(String(username ?? ''))?.IsActive === true;
        if (type === 'PlatformEventSubscriberConfig') {
            if (!this.rows('ApexTrigger').some((row) => row.Name === item.platformEventConsumer)) {
                return fail(
                    'FIELD_INTEGRITY_EXCEPTION',
                    `platformEventConsumer: no trigger named ${item.platformEventConsumer}`
                );
            }
            if (item.user && !activeUser(item.user)) {
                return fail('FIELD_INTEGRITY_EXCEPTION', 'user: specify an active user');
            }
        }
        if (type === 'TransactionSecurityPolicy') {
            if (!this.rows('ApexClass').some((row) => row.Name === item.apexClass)) {
                return fail('FIELD_INTEGRITY_EXCEPTION', `apexClass: no Apex class named ${item.apexClass}`);
            }
            if (!activeUser(item.executionUser)) {
                return fail('FIELD_INTEGRITY_EXCEPTION', 'executionUser: specify an active user');
            }
        }
        if (type === 'PlatformEventChannelMember') {
            if (!this.sobjectNames().includes(String(item.selectedEntity))) {
                return fail(
                    'INVALID_CROSS_REFERENCE_KEY',
                    `selectedEntity: ${item.selectedEntity} is not available for Change Data Capture`
                );
            }
            const members = [...(this.metadata.get(type)?.values() ?? [])].filter(
                (member) => member.eventChannel === 'ChangeEvents' && member.fullName !== fullName
            );
            if (!this.metadataRecord(type, fullName) && members.length >= this.options.cdcEntityLimit) {
                return fail(
                    'LIMIT_EXCEEDED',
                    `You can select up to ${this.options.cdcEntityLimit} entities for Change Data Capture; purchase the add-on for more.`
                );
            }
        }
        const created = !this.metadataRecord(type, fullName);
        this.setMetadata(type, fullName, item);
        return { created, errors: [], fullName, success: true };
    }

    private async deploy(args: Record<string, unknown>): Promise<Record<string, unknown>> {
        const options = (args.DeployOptions ?? {}) as Record<string, unknown>;
        this.lastDeployOptions = options;
        const files = await unzip(Buffer.from(String(args.ZipFile ?? ''), 'base64'));
        const packageXml = files.get('package.xml')?.toString('utf8') ?? '';
        const parsed = clean(soapParser.parse(packageXml)) as { Package?: { types?: unknown } };
        const members = asArray(parsed.Package?.types as Array<{ name: string; members: string | string[] }>).flatMap(
            (entry) => asArray(entry.members).map((name) => ({ type: entry.name, name }))
        );
        const id = this.newId('Deploy');
        const record: DeployRecord = {
            id,
            polls: 0,
            total: members.length,
            checkOnly: String(options.checkOnly) === 'true',
            testLevel: String(options.testLevel ?? 'Default'),
            files,
            members,
            failures: this.deployFailures,
            createdDate: new Date().toISOString()
        };
        this.deployFailures = [];
        this.deploys.set(id, record);
        return { done: false, id, state: 'Queued' };
    }

    private deployStatus(record: DeployRecord, includeDetails: boolean): Record<string, unknown> {
        record.polls++;
        const base = {
            checkOnly: record.checkOnly,
            createdBy: this.adminUserId,
            createdByName: 'Admin',
            createdDate: record.createdDate,
            id: record.id,
            ignoreWarnings: false,
            numberComponentErrors: 0,
            numberComponentsDeployed: 0,
            numberComponentsTotal: record.total,
            numberTestErrors: 0,
            numberTestsCompleted: 0,
            numberTestsTotal: 0,
            rollbackOnError: true,
            runTestsEnabled: record.testLevel !== 'NoTestRun'
        };
        if (record.polls < this.options.deployPolls && !record.finished) {
            return {
                ...base,
                done: false,
                numberComponentsDeployed: Math.floor((record.total * record.polls) / this.options.deployPolls),
                status: record.polls === 1 ? 'Pending' : 'InProgress',
                stateDetail: 'Processing Type: ApexClass',
                success: false
            };
        }
        if (!record.finished) {
            record.finished = this.finishDeploy(record);
        }
        const finished = { ...base, ...record.finished };
        if (!includeDetails) {
            return { ...finished, details: { componentFailures: [], componentSuccesses: [] } };
        }
        return finished;
    }

    private finishDeploy(record: DeployRecord): Record<string, unknown> {
        const hasApex = record.members.some((member) => member.type === 'ApexClass' || member.type === 'ApexTrigger');
        if (!this.options.isSandbox && hasApex && record.testLevel === 'NoTestRun') {
            return {
                done: true,
                success: false,
                status: 'Failed',
                errorStatusCode: 'INVALID_OPERATION',
                errorMessage: 'testLevel of NoTestRun cannot be used in production organizations',
                completedDate: new Date().toISOString(),
                details: { componentFailures: [], componentSuccesses: [] }
            };
        }
        if (record.failures.length > 0) {
            // rollbackOnError: nothing of a failed deploy stays in the org.
            return {
                done: true,
                success: false,
                status: 'Failed',
                numberComponentsDeployed: Math.floor(record.total / 2),
                numberComponentErrors: record.failures.length,
                completedDate: new Date().toISOString(),
                details: {
                    componentFailures: record.failures.map((failure) => ({
                        changed: false,
                        columnNumber: failure.columnNumber ?? null,
                        componentType: failure.componentType,
                        created: false,
                        createdDate: new Date().toISOString(),
                        deleted: false,
                        fileName: failure.fileName,
                        fullName: failure.fullName,
                        lineNumber: failure.lineNumber ?? null,
                        problem: failure.problem,
                        problemType: 'Error',
                        success: false
                    })),
                    componentSuccesses: []
                }
            };
        }
        if (!record.checkOnly) {
            this.applyDeploy(record);
        }
        return {
            done: true,
            success: true,
            status: 'Succeeded',
            numberComponentsDeployed: record.total,
            completedDate: new Date().toISOString(),
            details: {
                componentFailures: [],
                componentSuccesses: record.members.map((member) => ({
                    changed: true,
                    componentType: member.type,
                    created: true,
                    createdDate: new Date().toISOString(),
                    deleted: false,
                    fileName: member.name,
                    fullName: member.name,
                    success: true
                }))
            }
        };
    }

    private applyDeploy(record: DeployRecord): void {
        const upsertRow = (type: string, name: string, fields: Row): void => {
            const existing = this.rows(type).find((row) => row.Name === name);
            if (existing) Object.assign(existing, fields);
            else this.insert(type, { Name: name, NamespacePrefix: null, ...fields });
        };
        for (const { type, name } of record.members) {
            const file = (path: string): string => record.files.get(path)?.toString('utf8') ?? '';
            switch (type) {
                case 'ApexClass': {
                    const body = file(`classes/${name}.cls`);
                    upsertRow('ApexClass', name, { Body: body, LengthWithoutComments: body.length, Status: 'Active' });
                    break;
                }
                case 'ApexTrigger': {
                    const body = file(`triggers/${name}.trigger`);
                    const table = /\bon\s+(\w+)/i.exec(body)?.[1] ?? '';
                    upsertRow('ApexTrigger', name, { Body: body, TableEnumOrId: table, Status: 'Active' });
                    break;
                }
                case 'PermissionSet':
                    upsertRow('PermissionSet', name, { Label: name });
                    break;
                case 'StaticResource': {
                    const meta = file(`staticresources/${name}.resource-meta.xml`);
                    const description = /<description>([^<]*)<\/description>/.exec(meta)?.[1] ?? '';
                    upsertRow('StaticResource', name, { Description: description });
                    break;
                }
                default:
                    break;
            }
            this.setMetadata(type === 'CustomObject' || type === 'CustomField' ? type : `Deployed:${type}`, name, {
                deployed: true
            });
        }
    }
}
