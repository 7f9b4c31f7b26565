/**
 * OrgClient: the only way the commands talk to an org. A thin layer over a connection of
 * @salesforce/core (a jsforce Connection that core signs in and refreshes) that gives every call a
 * safety class for the retry policy, follows query paging, splits batches at the API's limits, says
 * when Salesforce is slow to answer and redacts tokens from every error. The real org and the test
 * server go through exactly this code; only the URL differs.
 */
import type { Connection } from '@salesforce/core';
import { OrgError, redactSecrets } from './errors';
import { RetryPolicy, Safety, withRetry } from './retry';

/** A request that has had no answer for `waitedMs` (of at most `timeoutMs`). */
export type WaitNotice = { label: string; waitedMs: number; timeoutMs: number };

/** After this long without an answer, the client says what it is waiting for. */
export const SLOW_ANSWER_MS = 10000;

export type QueryResult<T> = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: T[] };

export type SaveResult = {
    id?: string;
    success: boolean;
    created?: boolean;
    errors: Array<{ statusCode: string; message: string; fields?: string[] }>;
};

export type MetadataRecord = Record<string, unknown> & { fullName?: string };

export type MetadataUpsertResult = {
    fullName: string;
    success: boolean;
    created: boolean;
    errors: Array<{ statusCode: string; message: string }>;
};

export type DeployMessage = {
    componentType?: string;
    fullName: string;
    fileName: string;
    lineNumber?: number;
    columnNumber?: number;
    problem?: string;
    problemType?: string;
    success: boolean;
};

export type DeployStatus = {
    id: string;
    done: boolean;
    success: boolean;
    status: string;
    stateDetail?: string;
    checkOnly: boolean;
    numberComponentsTotal: number;
    numberComponentsDeployed: number;
    numberComponentErrors: number;
    numberTestsTotal: number;
    numberTestsCompleted: number;
    numberTestErrors: number;
    errorMessage?: string;
    errorStatusCode?: string;
    details?: {
        componentFailures?: DeployMessage[];
        runTestResult?: {
            failures?: Array<{ name: string; methodName: string; message: string; stackTrace?: string }>;
            codeCoverageWarnings?: Array<{ name?: string; message: string }>;
        };
    };
};

export type ExecuteAnonymousResult = {
    compiled: boolean;
    success: boolean;
    compileProblem?: string | null;
    exceptionMessage?: string | null;
    exceptionStackTrace?: string | null;
    line?: number;
    column?: number;
};

export type Identity = { userId: string; orgId: string; username: string };

/** The REST API refuses URLs beyond about 16 KB; queries longer than this must be split by the caller. */
export const MAX_URL_LENGTH = 16000;
/** sObject Collections take at most 200 records a request. */
export const COLLECTION_BATCH = 200;
/** CRUD Metadata API calls take at most 10 components a request. */
export const METADATA_BATCH = 10;

function chunk<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) {
        out.push(items.slice(i, i + size));
    }
    return out;
}

function asArray<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

export class OrgClient {
    constructor(
        readonly conn: Connection,
        readonly retry: RetryPolicy,
        private readonly loginSecrets: () => string[] = () => [],
        private readonly waits: { requestTimeoutMs?: number; onWait?: (notice: WaitNotice) => void } = {}
    ) {}

    get apiVersion(): string {
        return this.conn.version;
    }

    get instanceUrl(): string {
        return this.conn.instanceUrl;
    }

    /** Every secret this client knows, for redaction. Read at call time: a refresh changes the token. */
    secrets(): string[] {
        return [this.conn.accessToken ?? '', ...this.loginSecrets()].filter(Boolean);
    }

    redact(text: string): string {
        return redactSecrets(text, this.secrets());
    }

    private run<T>(label: string, safety: Safety, operation: () => Promise<T>): Promise<T> {
        return withRetry(
            label,
            safety,
            this.retry,
            () => this.watched(label, operation),
            () => this.secrets()
        );
    }

    /** Runs one try of an operation, telling onWait every SLOW_ANSWER_MS while it has no answer. */
    private async watched<T>(label: string, operation: () => Promise<T>): Promise<T> {
        const onWait = this.waits.onWait;
        if (!onWait) return operation();
        const started = Date.now();
        const timer = setInterval(
            () => onWait({ label, waitedMs: Date.now() - started, timeoutMs: this.waits.requestTimeoutMs ?? 0 }),
            SLOW_ANSWER_MS
        );
        timer.unref();
        try {
            return await operation();
        } finally {
            clearInterval(timer);
        }
    }

    private dataUrl(path: string): string {
        return `/services/data/v${this.apiVersion}${path}`;
    }

    private request<T>(label: string, safety: Safety, method: string, url: string, body?: unknown): Promise<T> {
        if (url.length > MAX_URL_LENGTH) {
            throw new OrgError('other', `${label}: the request URL is ${url.length} characters, over the API limit.`);
        }
        return this.run(label, safety, async () => {
            const request = {
                method: method as 'GET',
                url,
                ...(body === undefined
                    ? {}
                    : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
            };
            const answer = (await this.conn.request<T>(request)) as unknown;
            if (typeof answer === 'string') {
                // jsforce hands over a body it could not parse as text: whatever it is, it is not the API.
                throw new OrgError(
                    'bad-response',
                    `${label}: the server answered ${answer.length} characters of text where the Salesforce API answers JSON; the text is not shown.`,
                    'NOT_JSON',
                    "Check the org's URL (its My Domain, https://<MyDomain>.my.salesforce.com) and that no proxy answers in its place."
                );
            }
            return answer as T;
        });
    }

    /** API versions the org serves, newest last. */
    async apiVersions(): Promise<string[]> {
        const list = await this.request<Array<{ version: string }>>(
            'list API versions',
            'read',
            'GET',
            '/services/data/'
        );
        const versions = asArray(list).map((entry) => entry?.version);
        if (versions.length === 0 || versions.some((version) => typeof version !== 'string')) {
            throw new OrgError(
                'bad-response',
                'list API versions: the answer is not a list of API versions.',
                'NOT_VERSIONS',
                "Check the org's URL (its My Domain, https://<MyDomain>.my.salesforce.com) and that no proxy answers in its place."
            );
        }
        return versions as string[];
    }

    /** Who the session belongs to (OpenID Connect userinfo, which every OAuth token may call). */
    async identity(): Promise<Identity> {
        const info = await this.request<{ user_id: string; organization_id: string; preferred_username: string }>(
            'read the running user',
            'read',
            'GET',
            '/services/oauth2/userinfo'
        );
        return { userId: info.user_id, orgId: info.organization_id, username: info.preferred_username };
    }

    async limits(): Promise<Record<string, { Max: number; Remaining: number }>> {
        return this.request('read org limits', 'read', 'GET', this.dataUrl('/limits'));
    }

    /** Names of every sObject the running user can see (describeGlobal). */
    async describeGlobalNames(): Promise<Set<string>> {
        const result = await this.request<{ sobjects: Array<{ name: string }> }>(
            'describe the org',
            'read',
            'GET',
            this.dataUrl('/sobjects')
        );
        return new Set(asArray(result.sobjects).map((sobject) => sobject.name));
    }

    /**
     * Runs a SOQL query and follows nextRecordsUrl to the end. Each page is retried on its own, so a
     * network error on page 40 does not refetch pages 1 to 39.
     */
    async query<T>(
        soql: string,
        options: { tooling?: boolean; label?: string; onPage?: (fetched: number, total: number) => void } = {}
    ): Promise<T[]> {
        const label = options.label ?? `query ${/\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? ''}`.trim();
        let url = this.dataUrl(`${options.tooling ? '/tooling' : ''}/query?q=${encodeURIComponent(soql)}`);
        const records: T[] = [];
        for (;;) {
            const page = await this.request<QueryResult<T>>(label, 'read', 'GET', url);
            records.push(...asArray(page.records));
            options.onPage?.(records.length, page.totalSize);
            if (page.done || !page.nextRecordsUrl) {
                return records;
            }
            // Follow only paths on this instance: a locator pointing elsewhere would carry our token away.
            if (!page.nextRecordsUrl.startsWith('/services/data/')) {
                throw new OrgError('other', `${label}: refusing to follow nextRecordsUrl ${page.nextRecordsUrl}`);
            }
            url = page.nextRecordsUrl;
        }
    }

    /**
     * Several REST GETs (queries) in one round trip through the Composite API. Returns each body by
     * referenceId, or the error of that subrequest. Queries answer their first page only; callers
     * follow nextRecordsUrl with query() when done is false.
     */
    async compositeGet(
        requests: Array<{ referenceId: string; url: string }>
    ): Promise<Record<string, { status: number; body: unknown }>> {
        const out: Record<string, { status: number; body: unknown }> = {};
        // The Composite API takes at most 25 subrequests.
        for (const batch of chunk(requests, 25)) {
            const response = await this.request<{
                compositeResponse: Array<{ referenceId: string; httpStatusCode: number; body: unknown }>;
            }>('read org state (composite)', 'read', 'POST', this.dataUrl('/composite'), {
                allOrNone: false,
                compositeRequest: batch.map((request) => ({
                    method: 'GET',
                    url: this.dataUrl(request.url),
                    referenceId: request.referenceId
                }))
            });
            for (const item of asArray(response.compositeResponse)) {
                out[item.referenceId] = { status: item.httpStatusCode, body: item.body };
            }
        }
        return out;
    }

    /** Creates records (sObject Collections). Not idempotent: never retried after an ambiguous failure. */
    async createRecords(type: string, records: Array<Record<string, unknown>>): Promise<SaveResult[]> {
        const results: SaveResult[] = [];
        for (const batch of chunk(records, COLLECTION_BATCH)) {
            results.push(
                ...(await this.request<SaveResult[]>(
                    `create ${type} records`,
                    'write',
                    'POST',
                    this.dataUrl('/composite/sobjects'),
                    {
                        allOrNone: false,
                        records: batch.map((record) => ({ attributes: { type }, ...record }))
                    }
                ))
            );
        }
        return results;
    }

    /** Updates records by Id to fixed values (sObject Collections); safe to repeat. */
    async updateRecords(type: string, records: Array<Record<string, unknown> & { Id: string }>): Promise<SaveResult[]> {
        const results: SaveResult[] = [];
        for (const batch of chunk(records, COLLECTION_BATCH)) {
            results.push(
                ...(await this.request<SaveResult[]>(
                    `update ${type} records`,
                    'idempotent-write',
                    'PATCH',
                    this.dataUrl('/composite/sobjects'),
                    { allOrNone: false, records: batch.map((record) => ({ attributes: { type }, ...record })) }
                ))
            );
        }
        return results;
    }

    /** Upserts records by an external id field (sObject Collections); safe to repeat. */
    async upsertRecords(
        type: string,
        externalIdField: string,
        records: Array<Record<string, unknown>>,
        onBatch?: (done: number, total: number) => void
    ): Promise<SaveResult[]> {
        const results: SaveResult[] = [];
        for (const batch of chunk(records, COLLECTION_BATCH)) {
            results.push(
                ...(await this.request<SaveResult[]>(
                    `upsert ${type} records`,
                    'idempotent-write',
                    'PATCH',
                    this.dataUrl(`/composite/sobjects/${type}/${externalIdField}`),
                    { allOrNone: false, records: batch.map((record) => ({ attributes: { type }, ...record })) }
                ))
            );
            onBatch?.(results.length, records.length);
        }
        return results;
    }

    /** Reads metadata components by full name; components that do not exist are left out. */
    async readMetadata(type: string, fullNames: string[]): Promise<MetadataRecord[]> {
        const out: MetadataRecord[] = [];
        for (const batch of chunk(fullNames, METADATA_BATCH)) {
            const records = await this.run(`read ${type} metadata`, 'read', async () =>
                asArray(
                    (await (this.conn.metadata.read as (type: string, names: string[]) => Promise<unknown>)(
                        type,
                        batch
                    )) as MetadataRecord | MetadataRecord[]
                )
            );
            out.push(...records.filter((record) => record && typeof record.fullName === 'string' && record.fullName));
        }
        return out;
    }

    /** Creates or updates metadata components by full name; safe to repeat. */
    async upsertMetadata(type: string, records: MetadataRecord[]): Promise<MetadataUpsertResult[]> {
        const out: MetadataUpsertResult[] = [];
        for (const batch of chunk(records, METADATA_BATCH)) {
            const results = await this.run(`upsert ${type} metadata`, 'idempotent-write', async () =>
                asArray(
                    (await (this.conn.metadata.upsert as (type: string, records: MetadataRecord[]) => Promise<unknown>)(
                        type,
                        batch
                    )) as MetadataUpsertResult | MetadataUpsertResult[]
                )
            );
            out.push(
                ...results.map((result) => ({
                    fullName: String(result.fullName ?? ''),
                    success: String(result.success) === 'true',
                    created: String(result.created) === 'true',
                    errors: asArray(result.errors).map((error) => ({
                        statusCode: String(error.statusCode ?? ''),
                        message: this.redact(String(error.message ?? ''))
                    }))
                }))
            );
        }
        return out;
    }

    /** Starts a Metadata API deploy and returns its id. Retried only when Salesforce refused it. */
    async startDeploy(zip: Buffer, options: Record<string, unknown>): Promise<string> {
        const result = await this.run('start the deploy', 'write', async () => {
            const locator = this.conn.metadata.deploy(zip, options);
            return (await locator) as { id: string };
        });
        if (!result?.id) {
            throw new OrgError('other', 'start the deploy: Salesforce returned no deploy id.');
        }
        return result.id;
    }

    async checkDeployStatus(id: string, includeDetails: boolean): Promise<DeployStatus> {
        const raw = (await this.run('check the deploy status', 'read', () =>
            this.conn.metadata.checkDeployStatus(id, includeDetails)
        )) as unknown as Record<string, unknown>;
        return normaliseDeployStatus(raw);
    }

    /** Runs anonymous Apex. A write: callers check the org before and after instead of retrying. */
    async executeAnonymous(body: string): Promise<ExecuteAnonymousResult> {
        return this.request<ExecuteAnonymousResult>(
            'run anonymous Apex',
            'write',
            'GET',
            this.dataUrl(`/tooling/executeAnonymous/?anonymousBody=${encodeURIComponent(body)}`)
        );
    }
}

const number = (value: unknown): number => (value === undefined || value === null || value === '' ? 0 : Number(value));
const bool = (value: unknown): boolean => value === true || value === 'true';

function normaliseMessage(raw: Record<string, unknown>): DeployMessage {
    return {
        componentType: raw.componentType === undefined ? undefined : String(raw.componentType),
        fullName: String(raw.fullName ?? ''),
        fileName: String(raw.fileName ?? ''),
        lineNumber: raw.lineNumber === undefined || raw.lineNumber === null ? undefined : number(raw.lineNumber),
        columnNumber:
            raw.columnNumber === undefined || raw.columnNumber === null ? undefined : number(raw.columnNumber),
        problem: raw.problem === undefined || raw.problem === null ? undefined : String(raw.problem),
        problemType: raw.problemType === undefined || raw.problemType === null ? undefined : String(raw.problemType),
        success: bool(raw.success)
    };
}

/** jsforce casts known fields; this makes the shape exact whatever arrives (single items, strings). */
export function normaliseDeployStatus(raw: Record<string, unknown>): DeployStatus {
    const details = (raw.details ?? {}) as Record<string, unknown>;
    const runTestResult = (details.runTestResult ?? {}) as Record<string, unknown>;
    return {
        id: String(raw.id ?? ''),
        done: bool(raw.done),
        success: bool(raw.success),
        status: String(raw.status ?? ''),
        stateDetail: raw.stateDetail ? String(raw.stateDetail) : undefined,
        checkOnly: bool(raw.checkOnly),
        numberComponentsTotal: number(raw.numberComponentsTotal),
        numberComponentsDeployed: number(raw.numberComponentsDeployed),
        numberComponentErrors: number(raw.numberComponentErrors),
        numberTestsTotal: number(raw.numberTestsTotal),
        numberTestsCompleted: number(raw.numberTestsCompleted),
        numberTestErrors: number(raw.numberTestErrors),
        errorMessage: raw.errorMessage ? String(raw.errorMessage) : undefined,
        errorStatusCode: raw.errorStatusCode ? String(raw.errorStatusCode) : undefined,
        details: {
            componentFailures: asArray(details.componentFailures as Record<string, unknown>[]).map(normaliseMessage),
            runTestResult: {
                failures: asArray(runTestResult.failures as Array<Record<string, unknown>>).map((failure) => ({
                    name: String(failure.name ?? ''),
                    methodName: String(failure.methodName ?? ''),
                    message: String(failure.message ?? ''),
                    stackTrace: failure.stackTrace ? String(failure.stackTrace) : undefined
                })),
                codeCoverageWarnings: asArray(runTestResult.codeCoverageWarnings as Array<Record<string, unknown>>).map(
                    (warning) => ({
                        name: warning.name ? String(warning.name) : undefined,
                        message: String(warning.message ?? '')
                    })
                )
            }
        }
    };
}
