/**
 * The shared org layer against the fake org, through @salesforce/core: every way to sign in (a stored
 * sf login, the access-token environment, JWT), refreshes, the errors an admin meets and what they say,
 * query paging and batches, and every failure the fake org can inject.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOrg, LEAKY_500_BODY } from '../../../dev/fake-org/server';
import { SfHome } from '../../../dev/testing/sf-state';
import { AuthFlags, connect } from '../auth';
import { MAX_URL_LENGTH, OrgClient } from '../client';
import { OrgError } from '../errors';
import { defaultRetryPolicy, RetryPolicy } from '../retry';

jest.setTimeout(30000);

const fake = new FakeOrg({ queryBatchSize: 2 });
const home = new SfHome();
const dir = mkdtempSync(join(tmpdir(), 'warden-jwt-'));
let leave: () => void;
beforeAll(async () => {
    await fake.start();
    leave = home.enter();
});
afterAll(async () => {
    leave();
    await fake.close();
    home.remove();
    rmSync(dir, { recursive: true, force: true });
});

const LOCAL: AuthFlags = { allowInsecureLocalhost: true };

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
    const slept: number[] = [];
    return Object.assign(
        defaultRetryPolicy({ sleep: async (ms) => void slept.push(ms), random: () => 0.5, ...overrides }),
        { slept }
    );
}

function tokenEnv(username?: string): NodeJS.ProcessEnv {
    return { SF_ACCESS_TOKEN: fake.issueAccessToken(username), SF_ORG_INSTANCE_URL: fake.url };
}

async function tokenClient(retry = policy(), requestTimeoutMs = 10000): Promise<OrgClient> {
    return connect(LOCAL, { apiVersion: '62.0', env: tokenEnv(), retry, requestTimeoutMs });
}

function failure(promise: Promise<unknown>): Promise<OrgError> {
    return promise.then(
        () => {
            throw new Error('expected a failure');
        },
        (error: OrgError) => error
    );
}

function keyPair(): { privateKey: string; publicKey: string } {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString()
    };
}

describe('signing in', () => {
    it('uses SF_ACCESS_TOKEN with SF_ORG_INSTANCE_URL, and says what is missing', async () => {
        const client = await connect(LOCAL, {
            apiVersion: '62.0',
            env: tokenEnv('officer@warden.test'),
            retry: policy()
        });
        expect((await client.identity()).username).toBe('officer@warden.test');
        const missing = await failure(
            connect(LOCAL, {
                apiVersion: '62.0',
                env: { SF_ACCESS_TOKEN: 'x', SF_INSTANCE_URL: fake.url },
                retry: policy()
            })
        );
        expect(missing).toMatchObject({ kind: 'login', code: 'NO_INSTANCE_URL' });
        expect(missing.message).toContain('SF_INSTANCE_URL is not read');
        const none = await failure(connect({}, { apiVersion: '62.0', env: {}, retry: policy() }));
        expect(none.describe()).toContain('No org given.\n  What to do: Pass --target-org');
    });

    it('uses a login stored by the sf CLI, by alias, and refreshes its token', async () => {
        await home.login({
            alias: 'stored',
            username: 'admin@warden.test',
            instanceUrl: fake.url,
            accessToken: fake.issueAccessToken(),
            refreshToken: fake.issueRefreshToken()
        });
        const client = await connect(
            { ...LOCAL, targetOrg: 'stored' },
            { apiVersion: '62.0', env: {}, retry: policy() }
        );
        expect((await client.identity()).username).toBe('admin@warden.test');
        fake.expireSessions();
        const before = fake.requests.filter((r) => r === 'POST /services/oauth2/token').length;
        expect((await client.identity()).username).toBe('admin@warden.test');
        expect(fake.requests.filter((r) => r === 'POST /services/oauth2/token').length).toBe(before + 1);
        // Like sf, core writes the new access token back to the store.
        const stored = await home.stored('admin@warden.test');
        expect(stored?.accessToken).toBe(client.conn.accessToken);
    });

    it('explains an unknown login and a refresh token that was revoked', async () => {
        const unknown = await failure(
            connect({ ...LOCAL, targetOrg: 'nosuch' }, { apiVersion: '62.0', env: {}, retry: policy() })
        );
        expect(unknown).toMatchObject({ kind: 'login', code: 'NO_LOGIN' });
        expect(unknown.describe()).toContain('What to do: Log in with `sf org login web --alias nosuch');

        await home.login({
            alias: 'revoked',
            username: 'auditor@warden.test',
            instanceUrl: fake.url,
            refreshToken: fake.issueRefreshToken('auditor@warden.test')
        });
        fake.revokeRefreshTokens();
        const client = await connect(
            { ...LOCAL, targetOrg: 'revoked' },
            { apiVersion: '62.0', env: {}, retry: policy() }
        );
        const error = await failure(client.identity());
        expect(error.kind).toBe('session');
        expect(error.describe()).toContain('sf org login web');
        expect(error.describe()).not.toMatch(/00D[A-Za-z0-9]{12,15}!|5Aep/);
    });

    it('signs in with the JWT bearer flow, signs again when the session expires, and reuses the login next time', async () => {
        const { privateKey, publicKey } = keyPair();
        fake.jwtClients.set('3MVG9test.consumer.key', publicKey);
        const keyFile = join(dir, 'server.key');
        writeFileSync(keyFile, privateKey, { mode: 0o600 });
        const flags: AuthFlags = {
            ...LOCAL,
            jwtKeyFile: keyFile,
            clientId: '3MVG9test.consumer.key',
            username: 'integration@warden.test',
            loginUrl: fake.url
        };
        const client = await connect(flags, { apiVersion: '62.0', env: {}, retry: policy() });
        expect((await client.identity()).username).toBe('integration@warden.test');
        fake.expireSessions();
        expect((await client.identity()).username).toBe('integration@warden.test');
        const again = await connect(flags, { apiVersion: '62.0', env: {}, retry: policy() });
        expect((await again.identity()).username).toBe('integration@warden.test');

        writeFileSync(join(dir, 'stranger.key'), keyPair().privateKey);
        const forged = await failure(
            connect(
                { ...flags, username: 'officer@warden.test', jwtKeyFile: join(dir, 'stranger.key') },
                { apiVersion: '62.0', env: {}, retry: policy() }
            )
        );
        expect(forged).toMatchObject({ kind: 'login', code: 'JWT_REFUSED' });
        expect(forged.describe()).toContain('Salesforce refused the JWT login of officer@warden.test');
        expect(forged.describe()).not.toContain('eyJ');
    });

    it('names a bad key file and the format it needs, before sending anything', async () => {
        const { publicKey } = keyPair();
        const cases: Array<[string, string]> = [
            ['server.crt', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
            ['public.pem', publicKey],
            ['garbage.key', 'not a key at all']
        ];
        const before = fake.requests.length;
        for (const [name, content] of cases) {
            const file = join(dir, name);
            writeFileSync(file, content);
            const error = await failure(
                connect(
                    {
                        ...LOCAL,
                        jwtKeyFile: file,
                        clientId: 'c',
                        username: 'integration@warden.test',
                        loginUrl: fake.url
                    },
                    { apiVersion: '62.0', env: {}, retry: policy() }
                )
            );
            expect(error).toMatchObject({ kind: 'login', code: 'JWT_KEY_FORMAT' });
            expect(error.message).toContain(`The JWT key file ${file} holds`);
            expect(error.message).toContain('unencrypted RSA private key in PEM format');
            expect(error.message).not.toContain('DECODER');
        }
        const missing = await failure(
            connect(
                { ...LOCAL, jwtKeyFile: join(dir, 'nope.key'), clientId: 'c', username: 'u', loginUrl: fake.url },
                { apiVersion: '62.0', env: {}, retry: policy() }
            )
        );
        expect(missing.message).toBe(`The JWT key file ${join(dir, 'nope.key')} cannot be read (ENOENT).`);
        expect(fake.requests.length).toBe(before);
    });

    it('reports an access token that cannot be refreshed as an expired session, without the token', async () => {
        const client = await tokenClient();
        fake.expireSessions();
        const error = await failure(client.identity());
        expect(error.kind).toBe('session');
        expect(error.describe()).toContain('sf org login web');
        expect(error.describe()).not.toMatch(/00D[A-Za-z0-9]{12,15}!/);
    });
});

describe('failures the fake org injects', () => {
    afterEach(() => fake.failures.splice(0));

    it('an HTML page where JSON belongs: says so, and what to check', async () => {
        const client = await tokenClient();
        fake.inject({ match: /^GET \/services\/data\/$/, fail: 'html', times: 1 });
        const error = await failure(client.apiVersions());
        expect(error).toMatchObject({ kind: 'bad-response' });
        expect(error.describe()).toMatch(
            /^list API versions: the server answered with an HTML page \(HTTP 200, \d+ bytes\) where the Salesforce API answers JSON or XML; the page is not shown\.\n {2}What to do: Check the org's URL/
        );
    });

    it('a 500: the ErrorId of a Salesforce error, nothing of a text body', async () => {
        const client = await tokenClient();
        fake.inject({ match: /^GET .*\/limits$/, fail: 'http500', times: 5 });
        const json = await failure(client.limits());
        expect(json.message).toBe(
            'read org limits: Salesforce failed with an internal error (UNKNOWN_EXCEPTION), ErrorId 1234567890-12345 (-987654321). (gave up after 5 attempts)'
        );
        fake.inject({ match: /^GET .*\/limits$/, fail: 'http500Text', times: 5 });
        const text = await failure(client.limits());
        expect(text.kind).toBe('server');
        expect(text.describe()).not.toContain('Jane');
        expect(text.describe()).not.toContain(LEAKY_500_BODY.slice(0, 20));
        expect(text.describe()).not.toMatch(/00D0{12}/);
    });

    it('a 503 with Retry-After: waits as asked, within the deadline', async () => {
        const retry = policy({ now: () => 0, deadline: 60000 });
        const client = await tokenClient(retry);
        fake.inject({ match: /^GET .*\/limits$/, fail: 'http503', times: 1, retryAfter: 7 });
        await client.limits();
        expect(retry.slept).toEqual([7000]);
        fake.inject({ match: /^GET .*\/limits$/, fail: 'http503', times: 1, retryAfter: 120 });
        const error = await failure(client.limits());
        expect(error.message).toContain('Salesforce asked to retry after 120 s, past the deadline set by --wait');
    });

    it('a server that never answers: two tries of the request timeout, then a clear error, in seconds', async () => {
        const client = await tokenClient(policy(), 300);
        fake.inject({ match: /^GET .*\/limits$/, fail: 'hang', times: 2 });
        const started = Date.now();
        const error = await failure(client.limits());
        expect(Date.now() - started).toBeLessThan(5000);
        expect(error.kind).toBe('timeout');
        expect(error.message).toBe(
            'read org limits: no answer from Salesforce within the request timeout. (gave up after 2 attempts)'
        );
    });

    it('a connection dropped on the way (a proxy): retried for reads, never for writes', async () => {
        const client = await tokenClient();
        fake.inject({ match: /^GET .*\/limits$/, fail: 'network', times: 1 });
        await client.limits();
        fake.addCustomObject('ComplianceFinding__c');
        fake.inject({ match: /^POST .*\/composite\/sobjects$/, fail: 'network', times: 1 });
        const error = await failure(client.createRecords('ComplianceFinding__c', [{ Fingerprint__c: 'drop' }]));
        expect(error.kind).toBe('network');
        expect(error.message).not.toContain('http://');
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
        const existing = fake.rows('ComplianceFinding__c').length;
        const records = Array.from({ length: 450 }, (_, i) => ({ Fingerprint__c: `fp-${i}`, Rule__c: 'r' }));
        const saved = await client.upsertRecords('ComplianceFinding__c', 'Fingerprint__c', records);
        expect(saved.filter((s) => s.success && s.created)).toHaveLength(450);
        expect(fake.requests.slice(before)).toHaveLength(3);
        const again = await client.upsertRecords('ComplianceFinding__c', 'Fingerprint__c', records.slice(0, 10));
        expect(again.every((s) => s.success && !s.created)).toBe(true);
        expect(fake.rows('ComplianceFinding__c')).toHaveLength(existing + 450);
    });
});
