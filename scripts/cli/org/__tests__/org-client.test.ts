/**
 * The shared org layer against the test org: every way to sign in, the retry policy's rules, query
 * paging, and the guards that keep tokens where they belong.
 */
import { generateKeyPairSync } from 'node:crypto';
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOrg } from '../../../dev/fake-org/server';
import { checkUrl, connect, resolveCredentials } from '../auth';
import { MAX_URL_LENGTH } from '../client';
import { OrgError, redactSecrets, toOrgError } from '../errors';
import { backoffDelay, defaultRetryPolicy, isRetryable, RetryPolicy, withRetry } from '../retry';

const fake = new FakeOrg({ queryBatchSize: 2 });
const dirs: string[] = [];
beforeAll(async () => {
    await fake.start();
});
afterAll(async () => {
    await fake.close();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
    const slept: number[] = [];
    return Object.assign(
        defaultRetryPolicy({ sleep: async (ms) => void slept.push(ms), random: () => 0.5, ...overrides }),
        { slept }
    );
}

async function tokenClient(retry = policy()) {
    return connect(
        { kind: 'access-token', instanceUrl: fake.url, accessToken: fake.issueAccessToken(), source: 'test' },
        { apiVersion: '62.0', retry, requestTimeoutMs: 10000 }
    );
}

describe('retry policy', () => {
    const error = (kind: OrgError['kind'], message = 'x', code = ''): OrgError => new OrgError(kind, message, code);

    it('retries reads on every transient failure, writes only on refusals', () => {
        expect(isRetryable(error('network'), 'read')).toBe(true);
        expect(isRetryable(error('timeout'), 'idempotent-write')).toBe(true);
        expect(isRetryable(error('network'), 'write')).toBe(false);
        expect(isRetryable(error('timeout'), 'write')).toBe(false);
        expect(isRetryable(error('unavailable'), 'write')).toBe(true);
        expect(isRetryable(error('limit', 'too many concurrent requests', 'REQUEST_LIMIT_EXCEEDED'), 'write')).toBe(
            true
        );
        expect(
            isRetryable(error('limit', 'the org has used up its daily API requests', 'REQUEST_LIMIT_EXCEEDED'), 'read')
        ).toBe(false);
        expect(isRetryable(error('session'), 'read')).toBe(false);
        expect(isRetryable(error('access'), 'read')).toBe(false);
    });

    it('backs off exponentially with full jitter, capped', () => {
        const p = policy({ baseDelayMs: 1000, maxDelayMs: 5000, random: () => 0.999 });
        expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(p, attempt))).toEqual([999, 1998, 3996, 4995, 4995]);
        expect(backoffDelay(policy({ random: () => 0 }), 3)).toBe(0);
    });

    it('gives up after the allowed attempts and says so', async () => {
        const p = policy({ attempts: 3 });
        let calls = 0;
        const failing = async (): Promise<never> => {
            calls++;
            throw Object.assign(new Error('Service Unavailable'), { errorCode: 'ERROR_HTTP_503' });
        };
        await expect(withRetry('read things', 'read', p, failing)).rejects.toThrow(/gave up after 3 attempts/);
        expect(calls).toBe(3);
        expect(p.slept).toEqual([500, 1000]);
    });

    it('never repeats a write after a network error', async () => {
        const p = policy();
        let calls = 0;
        const failing = async (): Promise<never> => {
            calls++;
            throw Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
        };
        await expect(withRetry('create records', 'write', p, failing)).rejects.toMatchObject({ kind: 'network' });
        expect(calls).toBe(1);
    });
});

describe('errors', () => {
    it('classifies what jsforce throws', () => {
        const cases: Array<[unknown, OrgError['kind']]> = [
            [
                { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
                'session'
            ],
            [{ name: 'sf:INVALID_SESSION_ID', errorCode: 'sf:INVALID_SESSION_ID', message: 'x' }, 'session'],
            [{ name: 'invalid_grant', message: 'expired access/refresh token' }, 'session'],
            [{ name: 'FetchError', code: 'ECONNRESET', message: 'socket hang up' }, 'network'],
            [{ name: 'AbortError', message: 'The user aborted a request.' }, 'timeout'],
            [{ errorCode: 'ERROR_HTTP_503', message: '<html>' }, 'unavailable'],
            [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }, 'limit'],
            [
                { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id' },
                'access'
            ],
            [
                {
                    errorCode: 'sf:INSUFFICIENT_ACCESS',
                    message:
                        'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions'
                },
                'metadata-access'
            ],
            [
                { errorCode: 'API_DISABLED_FOR_ORG', message: 'API is not enabled for this Organization or Partner' },
                'api-disabled'
            ],
            [
                {
                    errorCode: 'sf:INVALID_TYPE',
                    message: 'This type of metadata is not available for this organization'
                },
                'not-licensed'
            ],
            [new Error('something else'), 'other']
        ];
        for (const [thrown, kind] of cases) {
            expect(toOrgError(thrown, 'test').kind).toBe(kind);
        }
    });

    it('redacts tokens, session ids, bearer headers and JWTs', () => {
        const text =
            'failed with 00D5g000004XXXX!AQ0AQH.abc_def and Bearer abc.def.ghi and <sessionId>00Dxx!zz</sessionId> ' +
            'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhYmMifQ.c2lnbmF0dXJl refresh_token=5Aep861xyz my-own-secret-value';
        const out = redactSecrets(text, ['my-own-secret-value']);
        expect(out).not.toMatch(/00D5g000004XXXX!|abc\.def\.ghi|00Dxx!zz|eyJhbGci|5Aep861xyz|my-own-secret-value/);
        expect(out).toContain('Bearer [redacted]');
        expect(out).toContain('<sessionId>[redacted]</sessionId>');
    });
});

describe('authentication', () => {
    it('allows http only to the loopback address', () => {
        expect(checkUrl('https://example.my.salesforce.com/', 'x')).toBe('https://example.my.salesforce.com');
        expect(checkUrl('http://127.0.0.1:1234', 'x')).toBe('http://127.0.0.1:1234');
        expect(() => checkUrl('http://example.my.salesforce.com', 'SF_INSTANCE_URL')).toThrow(
            'SF_INSTANCE_URL must use https'
        );
        expect(() => checkUrl('not a url', 'x')).toThrow('is not a URL');
    });

    it('signs in with SF_ACCESS_TOKEN and SF_INSTANCE_URL', async () => {
        const token = fake.issueAccessToken('officer@warden.test');
        const credentials = await resolveCredentials(
            {},
            { env: { SF_ACCESS_TOKEN: token, SF_INSTANCE_URL: fake.url } }
        );
        const client = await connect(credentials, { apiVersion: '62.0', retry: policy() });
        expect((await client.identity()).username).toBe('officer@warden.test');
        await expect(resolveCredentials({}, { env: { SF_ACCESS_TOKEN: token } })).rejects.toThrow(
            'Set both SF_ACCESS_TOKEN and SF_INSTANCE_URL'
        );
    });

    it('signs in with the JWT bearer flow, and re-signs when the session expires', async () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        fake.jwtClients.set('3MVG9test.consumer.key', publicKey.export({ type: 'spki', format: 'pem' }).toString());
        const dir = mkdtempSync(join(tmpdir(), 'warden-jwt-'));
        dirs.push(dir);
        const keyFile = join(dir, 'server.key');
        writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
        const credentials = await resolveCredentials(
            {
                jwtKeyFile: keyFile,
                clientId: '3MVG9test.consumer.key',
                username: 'integration@warden.test',
                loginUrl: fake.url
            },
            { env: {} }
        );
        expect(credentials).toMatchObject({ kind: 'jwt', audience: fake.url });
        const client = await connect(credentials, { apiVersion: '62.0', retry: policy() });
        expect((await client.identity()).username).toBe('integration@warden.test');
        fake.expireSessions();
        expect((await client.identity()).username).toBe('integration@warden.test');

        const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        writeFileSync(keyFile, stranger.export({ type: 'pkcs8', format: 'pem' }).toString());
        const forged = await resolveCredentials(
            {
                jwtKeyFile: keyFile,
                clientId: '3MVG9test.consumer.key',
                username: 'integration@warden.test',
                loginUrl: fake.url
            },
            { env: {} }
        );
        await expect(connect(forged, { apiVersion: '62.0', retry: policy() })).rejects.toMatchObject({
            kind: 'session'
        });
    });

    it('signs in with the SOAP login for SF_USERNAME and SF_PASSWORD, with a warning', async () => {
        const warnings: string[] = [];
        const credentials = await resolveCredentials(
            { loginUrl: fake.url },
            { env: { SF_USERNAME: 'admin@warden.test', SF_PASSWORD: 'admin-password-1' } }
        );
        const client = await connect(credentials, {
            apiVersion: '62.0',
            retry: policy(),
            warn: (m) => warnings.push(m)
        });
        expect((await client.identity()).username).toBe('admin@warden.test');
        expect(warnings[0]).toContain("retired by Salesforce in Summer '27");
        const wrong = await resolveCredentials(
            { loginUrl: fake.url },
            { env: { SF_USERNAME: 'admin@warden.test', SF_PASSWORD: 'nope' } }
        );
        await expect(connect(wrong, { apiVersion: '62.0', retry: policy() })).rejects.toThrow(/INVALID_LOGIN/);
    });

    it('reports an access token that cannot be refreshed as an expired session, without the token', async () => {
        const client = await tokenClient();
        fake.expireSessions();
        const error = (await client.identity().catch((e: unknown) => e)) as OrgError;
        expect(error.kind).toBe('session');
        expect(error.describe()).toContain('sf org login web');
        expect(error.describe()).not.toMatch(/00D[A-Za-z0-9]{12,15}!/);
    });

    it('explains a revoked refresh token', async () => {
        const refreshToken = fake.issueRefreshToken();
        fake.revokeRefreshTokens();
        await expect(
            connect(
                {
                    kind: 'refresh-token',
                    instanceUrl: fake.url,
                    loginUrl: fake.url,
                    clientId: 'PlatformCLI',
                    refreshToken,
                    username: 'admin@warden.test',
                    source: 'test'
                },
                { apiVersion: '62.0', retry: policy() }
            )
        ).rejects.toMatchObject({ kind: 'session', message: expect.stringContaining('invalid_grant') });
    });

    it('asks for an org when none is given', async () => {
        await expect(resolveCredentials({}, { env: {} })).rejects.toThrow('No org given.');
    });
});

describe('OrgClient', () => {
    it('follows nextRecordsUrl to the last page', async () => {
        const client = await tokenClient();
        const pages: number[] = [];
        const users = await client.query<{ Username: string }>('SELECT Username FROM User ORDER BY Username', {
            onPage: (fetched) => pages.push(fetched)
        });
        expect(users.map((u) => u.Username)).toEqual([
            'admin@warden.test',
            'auditor@warden.test',
            'former@warden.test',
            'integration@warden.test',
            'officer@warden.test'
        ]);
        expect(pages).toEqual([2, 4, 5]);
    });

    it('retries one page after a network error without refetching the others', async () => {
        const client = await tokenClient();
        const before = fake.requests.length;
        fake.inject({ match: /\/query\/01g/, fail: 'network', times: 1, skip: 1 });
        const users = await client.query('SELECT Username FROM User');
        expect(users).toHaveLength(5);
        const made = fake.requests.slice(before);
        expect(made.filter((r) => r.endsWith('/query'))).toHaveLength(1);
        expect(made.filter((r) => r.includes('/query/01g'))).toHaveLength(3);
    });

    it('refuses a query URL over the API limit and a locator pointing elsewhere', async () => {
        const client = await tokenClient();
        const huge = `SELECT Id FROM User WHERE Username IN (${Array.from({ length: 800 }, (_, i) => `'user${i}@example.org'`).join(',')})`;
        expect(huge.length).toBeGreaterThan(MAX_URL_LENGTH);
        await expect(client.query(huge)).rejects.toThrow(/over the API limit/);
        const conn = client.conn as unknown as { request: (...args: unknown[]) => Promise<unknown> };
        const original = conn.request.bind(client.conn);
        conn.request = async (...args: unknown[]) => ({
            ...((await original(...args)) as object),
            done: false,
            nextRecordsUrl: 'https://evil.example/steal'
        });
        await expect(client.query('SELECT Id FROM Organization')).rejects.toThrow(/refusing to follow nextRecordsUrl/);
        conn.request = original;
    });

    it('reads several queries in one composite call', async () => {
        const client = await tokenClient();
        const before = fake.requests.length;
        const results = await client.compositeGet([
            { referenceId: 'org', url: `/query?q=${encodeURIComponent('SELECT Name FROM Organization')}` },
            { referenceId: 'bad', url: `/query?q=${encodeURIComponent('SELECT Nope FROM')}` }
        ]);
        expect(fake.requests.slice(before)).toEqual(['POST /services/data/v62.0/composite']);
        expect(results.org).toMatchObject({ status: 200, body: { records: [{ Name: 'Warden Test Org' }] } });
        expect(results.bad.status).toBe(400);
    });

    it('writes sObject Collections in batches of 200', async () => {
        const client = await tokenClient();
        fake.addCustomObject('ComplianceFinding__c');
        const before = fake.requests.length;
        const records = Array.from({ length: 450 }, (_, i) => ({ Fingerprint__c: `fp-${i}`, Rule__c: 'r' }));
        const saved = await client.upsertRecords('ComplianceFinding__c', 'Fingerprint__c', records);
        expect(saved.filter((s) => s.success && s.created)).toHaveLength(450);
        expect(fake.requests.slice(before)).toHaveLength(3);
        const again = await client.upsertRecords('ComplianceFinding__c', 'Fingerprint__c', records.slice(0, 10));
        expect(again.every((s) => s.success && !s.created)).toBe(true);
        expect(fake.rows('ComplianceFinding__c')).toHaveLength(450);
    });
});
