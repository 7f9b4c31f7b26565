/**
 * Finds credentials for an org and opens an OrgClient on them. Sources, in order:
 * 1. JWT bearer flow when a key file is given (--jwt-key-file or SF_JWT_KEY_FILE, with client id and
 *    username): for CI.
 * 2. --target-org <alias|username>: the Salesforce CLI's stored authorisation (see sf-cli-store.ts).
 * 3. SF_ACCESS_TOKEN + SF_INSTANCE_URL: a token obtained elsewhere, for CI.
 * 4. SF_USERNAME + SF_PASSWORD: the SOAP login() call. Salesforce retires it in Summer '27 (API 65.0);
 *    kept for sandboxes and the test server, with a warning.
 * Tokens are held in memory only: nothing is written to disk, and every message is redacted.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { Connection } from 'jsforce';
import { OrgClient } from './client';
import { OrgError, toOrgError } from './errors';
import { createJwtAssertion, jwtAudience } from './jwt';
import { defaultRetryPolicy, RetryPolicy, withRetry } from './retry';
import { KeySource, readStoredAuth } from './sf-cli-store';

export type AuthFlags = {
    targetOrg?: string;
    jwtKeyFile?: string;
    clientId?: string;
    username?: string;
    loginUrl?: string;
    apiVersion?: string;
};

export type Credentials =
    | { kind: 'access-token'; instanceUrl: string; accessToken: string; source: string }
    | {
          kind: 'refresh-token';
          instanceUrl: string;
          loginUrl: string;
          clientId: string;
          clientSecret?: string;
          accessToken?: string;
          refreshToken: string;
          username: string;
          source: string;
      }
    | {
          kind: 'jwt';
          loginUrl: string;
          clientId: string;
          username: string;
          privateKeyPem: string;
          audience: string;
          source: string;
      }
    | { kind: 'password'; loginUrl: string; username: string; password: string; source: string };

export type AuthContext = {
    env: NodeJS.ProcessEnv;
    homeDir?: string;
    platform?: NodeJS.Platform;
    keySources?: KeySource[];
    /** Seconds since the epoch, for JWT expiry (tests pin it). */
    now?: () => number;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Tokens go over https only; plain http is allowed to the loopback address (the test server). */
export function checkUrl(value: string, what: string): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new OrgError('other', `${what} "${value}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
        throw new OrgError('other', `${what} must use https (got ${url.protocol}//${url.host}).`);
    }
    return value.replace(/\/+$/, '');
}

function readKey(file: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch (error) {
        throw new OrgError('other', `The JWT key file ${file} cannot be read: ${(error as Error).message}`);
    }
}

export async function resolveCredentials(flags: AuthFlags, context: AuthContext): Promise<Credentials> {
    const env = context.env;
    const keyFile = flags.jwtKeyFile ?? (flags.targetOrg ? undefined : env.SF_JWT_KEY_FILE);
    if (keyFile) {
        const clientId = flags.clientId ?? env.SF_CLIENT_ID;
        const username = flags.username ?? env.SF_USERNAME;
        if (!clientId || !username) {
            throw new OrgError(
                'other',
                'The JWT flow needs a client id (--client-id or SF_CLIENT_ID) and a username (--username or SF_USERNAME).'
            );
        }
        const loginUrl = checkUrl(
            flags.loginUrl ?? env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
            'The login URL'
        );
        return {
            kind: 'jwt',
            loginUrl,
            clientId,
            username,
            privateKeyPem: readKey(keyFile),
            audience: jwtAudience(loginUrl, env.SF_JWT_AUDIENCE),
            source: 'JWT bearer flow'
        };
    }
    if (flags.targetOrg) {
        const stored = await readStoredAuth(flags.targetOrg, {
            homeDir: context.homeDir ?? homedir(),
            env,
            platform: context.platform ?? process.platform,
            keySources: context.keySources
        });
        const instanceUrl = checkUrl(stored.instanceUrl, 'The stored instance URL');
        const source = `Salesforce CLI authorisation of ${stored.username}`;
        if (stored.privateKeyFile && !stored.refreshToken) {
            const loginUrl = checkUrl(stored.loginUrl, 'The stored login URL');
            return {
                kind: 'jwt',
                loginUrl,
                clientId: stored.clientId,
                username: stored.username,
                privateKeyPem: readKey(stored.privateKeyFile),
                audience: jwtAudience(loginUrl, env.SF_JWT_AUDIENCE),
                source
            };
        }
        if (stored.refreshToken) {
            return {
                kind: 'refresh-token',
                instanceUrl,
                loginUrl: checkUrl(stored.loginUrl, 'The stored login URL'),
                clientId: stored.clientId,
                clientSecret: stored.clientSecret,
                accessToken: stored.accessToken,
                refreshToken: stored.refreshToken,
                username: stored.username,
                source
            };
        }
        if (stored.accessToken) {
            return { kind: 'access-token', instanceUrl, accessToken: stored.accessToken, source };
        }
        throw new OrgError(
            'session',
            `${stored.file} holds neither an access token nor a refresh token.`,
            'NO_TOKEN',
            'Log in to the org again with the Salesforce CLI.'
        );
    }
    if (env.SF_ACCESS_TOKEN || env.SF_INSTANCE_URL) {
        if (!env.SF_ACCESS_TOKEN || !env.SF_INSTANCE_URL) {
            throw new OrgError('other', 'Set both SF_ACCESS_TOKEN and SF_INSTANCE_URL, or neither.');
        }
        return {
            kind: 'access-token',
            instanceUrl: checkUrl(env.SF_INSTANCE_URL, 'SF_INSTANCE_URL'),
            accessToken: env.SF_ACCESS_TOKEN,
            source: 'SF_ACCESS_TOKEN'
        };
    }
    if (env.SF_USERNAME && env.SF_PASSWORD) {
        return {
            kind: 'password',
            loginUrl: checkUrl(flags.loginUrl ?? env.SF_LOGIN_URL ?? 'https://login.salesforce.com', 'The login URL'),
            username: env.SF_USERNAME,
            password: env.SF_PASSWORD,
            source: 'SOAP login of SF_USERNAME'
        };
    }
    throw new OrgError(
        'other',
        'No org given.',
        'NO_ORG',
        'Pass --target-org <alias|username> (an org you logged in to with the Salesforce CLI), or for CI set ' +
            'SF_ACCESS_TOKEN and SF_INSTANCE_URL, or use the JWT flow (--jwt-key-file, --client-id, --username).'
    );
}

type TransportLike = { httpRequest: (request: unknown, options?: Record<string, unknown>) => unknown };

/**
 * jsforce retries some requests itself, with real sleeps and its own rules (it would, for instance,
 * repeat executeAnonymous, a GET with side effects). We turn that off so that OrgClient's policy is
 * the only one, and set a per-request timeout.
 */
function takeOverTransport(transport: TransportLike, timeoutMs: number): void {
    const original = transport.httpRequest.bind(transport);
    transport.httpRequest = (request, options = {}) =>
        original(request, { ...options, retry: { maxRetries: 0 }, timeout: timeoutMs });
}

export type ConnectOptions = {
    apiVersion: string;
    retry?: RetryPolicy;
    /** Per-request timeout; a deploy poll that hangs longer is retried. */
    requestTimeoutMs?: number;
    now?: () => number;
    warn?: (message: string) => void;
};

async function requestJwtToken(
    credentials: Extract<Credentials, { kind: 'jwt' }>,
    conn: Connection,
    now: () => number
): Promise<{ access_token: string; instance_url: string }> {
    const assertion = createJwtAssertion(
        {
            clientId: credentials.clientId,
            username: credentials.username,
            audience: credentials.audience,
            nowSeconds: now()
        },
        credentials.privateKeyPem
    );
    return (await conn.oauth2.requestToken({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion
    })) as unknown as { access_token: string; instance_url: string };
}

/** Opens a connection with the credentials and checks it answers. */
export async function connect(credentials: Credentials, options: ConnectOptions): Promise<OrgClient> {
    const retry = options.retry ?? defaultRetryPolicy();
    const timeoutMs = options.requestTimeoutMs ?? 120000;
    const now = options.now ?? ((): number => Math.floor(Date.now() / 1000));
    const version = options.apiVersion;
    let conn: Connection;
    const secrets: string[] = [];

    switch (credentials.kind) {
        case 'access-token':
            conn = new Connection({
                version,
                instanceUrl: credentials.instanceUrl,
                accessToken: credentials.accessToken,
                logLevel: 'NONE'
            });
            secrets.push(credentials.accessToken);
            break;
        case 'refresh-token':
            conn = new Connection({
                version,
                instanceUrl: credentials.instanceUrl,
                accessToken: credentials.accessToken,
                refreshToken: credentials.refreshToken,
                oauth2: {
                    loginUrl: credentials.loginUrl,
                    clientId: credentials.clientId,
                    clientSecret: credentials.clientSecret,
                    redirectUri: 'http://localhost:1717/OauthRedirect'
                },
                logLevel: 'NONE'
            });
            secrets.push(credentials.refreshToken, credentials.clientSecret ?? '');
            break;
        case 'jwt': {
            conn = new Connection({
                version,
                loginUrl: credentials.loginUrl,
                oauth2: { loginUrl: credentials.loginUrl, clientId: credentials.clientId },
                logLevel: 'NONE',
                // A JWT login has no refresh token: a fresh assertion is the refresh.
                refreshFn: (c, callback) => {
                    requestJwtToken(credentials, c as Connection, now).then(
                        (token) => {
                            c._establish({ accessToken: token.access_token, instanceUrl: token.instance_url });
                            callback(undefined, token.access_token);
                        },
                        (error: Error) => callback(error)
                    );
                }
            });
            break;
        }
        case 'password':
            conn = new Connection({ version, loginUrl: credentials.loginUrl, logLevel: 'NONE' });
            secrets.push(credentials.password);
            options.warn?.(
                "SOAP login with a password is retired by Salesforce in Summer '27 (API 65.0); prefer JWT for CI."
            );
            break;
    }
    takeOverTransport((conn as unknown as { _transport: TransportLike })._transport, timeoutMs);
    takeOverTransport((conn.oauth2 as unknown as { _transport: TransportLike })._transport, timeoutMs);

    const label = `sign in (${credentials.source})`;
    if (credentials.kind === 'jwt') {
        const token = await withRetry(
            label,
            'read',
            retry,
            () => requestJwtToken(credentials, conn, now),
            () => secrets
        );
        checkUrl(token.instance_url, 'The instance URL returned by Salesforce');
        conn._establish({ accessToken: token.access_token, instanceUrl: token.instance_url });
    } else if (credentials.kind === 'password') {
        await withRetry(
            label,
            'read',
            retry,
            () => conn.login(credentials.username, credentials.password),
            () => secrets
        );
    } else if (credentials.kind === 'refresh-token' && !credentials.accessToken) {
        try {
            const token = (await conn.oauth2.refreshToken(credentials.refreshToken)) as unknown as {
                access_token: string;
                instance_url: string;
            };
            conn._establish({ accessToken: token.access_token, instanceUrl: token.instance_url });
        } catch (error) {
            throw toOrgError(error, label, secrets);
        }
    }
    return new OrgClient(conn, retry, secrets.filter(Boolean));
}
