/**
 * Signs in to an org the way the Salesforce CLI does, through its own library, @salesforce/core, and
 * opens an OrgClient on the connection. The login comes from, in order:
 * 1. the JWT bearer flow, when a key file is given (--jwt-key-file or SF_JWT_KEY_FILE, with a client id
 *    and a username): for CI. Like `sf org login jwt`, the login is kept in the sf CLI's store.
 * 2. --target-org <alias|username>: a login of `sf org login ...`, from the sf CLI's store (aliases,
 *    encrypted tokens, the keychain: all read by core). Like sf, --target-org also takes an access token,
 *    with its instance URL in SF_ORG_INSTANCE_URL.
 * 3. SF_ACCESS_TOKEN and SF_ORG_INSTANCE_URL: a token obtained elsewhere (sf's names: SF_ACCESS_TOKEN is
 *    what `sf org login access-token` reads, SF_ORG_INSTANCE_URL is sf's `org-instance-url` setting).
 * Every URL is checked for https before anything is sent (see http.ts, which also checks every request);
 * an expired access token is refreshed by core (a refresh token, or a new JWT assertion), which writes the
 * new token back to the store as sf does. Nothing here prints a token: messages are redacted.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuthInfo } from '@salesforce/core';
import { OrgClient, WaitNotice } from './client';
import { loadCore } from './core';
import { clip, OrgError, redactSecrets, RELOGIN_REMEDY, toOrgError } from './errors';
import { checkUrl, DEFAULT_REQUEST_TIMEOUT_SECONDS, setHttpPolicy } from './http';
import type { RetryPolicy } from './retry';

export type AuthFlags = {
    targetOrg?: string;
    jwtKeyFile?: string;
    clientId?: string;
    username?: string;
    loginUrl?: string;
    apiVersion?: string;
    /** Lets http to 127.0.0.1 or localhost carry credentials: for the local fake org, nothing else. */
    allowInsecureLocalhost?: boolean;
    /** How long one request may take, in seconds. */
    requestTimeoutSeconds?: number;
    /** How long the whole command may take, in minutes (--wait). */
    waitMinutes?: number;
};

export type Login =
    | { kind: 'stored'; name: string }
    | { kind: 'access-token'; accessToken: string; instanceUrl: string }
    | { kind: 'jwt'; clientId: string; username: string; keyFile: string; loginUrl: string };

const PRODUCTION_LOGIN = 'https://login.salesforce.com';

const NO_ORG_REMEDY =
    'Pass --target-org <alias|username> (a login of `sf org login web`; README, "Getting the sf CLI"), or for CI ' +
    'use the JWT flow (--jwt-key-file, --client-id, --username) or set SF_ACCESS_TOKEN and SF_ORG_INSTANCE_URL.';

/**
 * Reads and checks the JWT key file before anything is sent: readable, and an unencrypted RSA private
 * key in PEM. A certificate or a public key (the usual mix-up) is named as such.
 */
export function checkJwtKey(file: string): void {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new OrgError(
            'login',
            `The JWT key file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
            'JWT_KEY_UNREADABLE',
            'Point --jwt-key-file (or SF_JWT_KEY_FILE) at the private key of the connected app, readable by this user.'
        );
    }
    const expected =
        'an unencrypted RSA private key in PEM format, starting with "-----BEGIN PRIVATE KEY-----" or ' +
        '"-----BEGIN RSA PRIVATE KEY-----" (as `openssl genrsa` writes it)';
    const found = /-----BEGIN CERTIFICATE-----/.test(text)
        ? 'a certificate'
        : /-----BEGIN PUBLIC KEY-----/.test(text)
          ? 'a public key'
          : /ENCRYPTED/.test(text)
            ? 'a key protected by a passphrase'
            : undefined;
    let type: string | undefined;
    if (!found) {
        try {
            type = createPrivateKey(text).asymmetricKeyType;
        } catch {
            type = undefined;
        }
    }
    if (found || type !== 'rsa') {
        throw new OrgError(
            'login',
            `The JWT key file ${file} holds ${found ?? (type ? `a ${type} key` : 'no private key Warden can read')}; ` +
                `the JWT bearer flow needs ${expected}.`,
            'JWT_KEY_FORMAT',
            'Give the private key whose certificate is uploaded to the connected app (server.key), not the ' +
                'certificate (server.crt). A key with a passphrase must be decrypted first: ' +
                '`openssl rsa -in server.key -out server-plain.key`.'
        );
    }
}

/** Which login the flags and the environment ask for; checks what can be checked without the network. */
export function chooseLogin(flags: AuthFlags, env: NodeJS.ProcessEnv): Login {
    const allow = flags.allowInsecureLocalhost === true;
    const keyFile = flags.jwtKeyFile ?? (flags.targetOrg ? undefined : env.SF_JWT_KEY_FILE);
    if (keyFile) {
        const clientId = flags.clientId ?? env.SF_CLIENT_ID;
        const username = flags.username ?? env.SF_USERNAME;
        if (!clientId || !username) {
            throw new OrgError(
                'login',
                'The JWT flow needs a client id (--client-id or SF_CLIENT_ID) and a username (--username or SF_USERNAME).',
                'JWT_INCOMPLETE',
                'Give the consumer key of the connected app and the user to sign in as.'
            );
        }
        const loginUrl = checkUrl(flags.loginUrl ?? env.SF_LOGIN_URL ?? PRODUCTION_LOGIN, 'The login URL', allow);
        checkJwtKey(keyFile);
        return { kind: 'jwt', clientId, username, keyFile: resolve(keyFile), loginUrl };
    }
    if (flags.targetOrg) {
        return { kind: 'stored', name: flags.targetOrg };
    }
    if (env.SF_ACCESS_TOKEN) {
        const instanceUrl = env.SF_ORG_INSTANCE_URL;
        if (!instanceUrl) {
            throw new OrgError(
                'login',
                `SF_ACCESS_TOKEN is set without SF_ORG_INSTANCE_URL${env.SF_INSTANCE_URL ? ' (SF_INSTANCE_URL is not read: it is not the sf CLI’s name)' : ''}.`,
                'NO_INSTANCE_URL',
                'Set SF_ORG_INSTANCE_URL to the https:// URL of the org (`sf org display` shows it as Instance Url).'
            );
        }
        return {
            kind: 'access-token',
            accessToken: env.SF_ACCESS_TOKEN,
            instanceUrl: checkUrl(instanceUrl, 'SF_ORG_INSTANCE_URL', allow)
        };
    }
    throw new OrgError('login', 'No org given.', 'NO_ORG', NO_ORG_REMEDY);
}

type Core = ReturnType<typeof loadCore>;

/** A login of the sf CLI's store, checked for https before it is used. */
async function storedLogin(core: Core, name: string, allow: boolean): Promise<AuthInfo> {
    const state = await core.StateAggregator.getInstance();
    const username = state.aliases.resolveUsername(name);
    const shown = redactSecrets(name);
    if (!(await state.orgs.exists(username))) {
        throw new OrgError(
            'login',
            `The Salesforce CLI has no login named "${shown}" (no such alias or username in ${core.Global.SFDX_DIR}).`,
            'NO_LOGIN',
            `Log in with \`sf org login web --alias ${shown} --instance-url https://<MyDomain>.my.salesforce.com\` ` +
                '(README, "Getting the sf CLI"), or see the logins there are with `sf org list`.'
        );
    }
    const authInfo = await core.AuthInfo.create({ username });
    const fields = authInfo.getFields();
    const remedy =
        `Log in again over https: \`sf org logout --target-org ${username}\`, then ` +
        '`sf org login web --instance-url https://<MyDomain>.my.salesforce.com`.';
    checkUrl(fields.instanceUrl ?? '', `The instance URL of the stored login ${username}`, allow, remedy);
    if (!authInfo.isAccessTokenFlow() && fields.loginUrl) {
        checkUrl(fields.loginUrl, `The login URL of the stored login ${username}`, allow, remedy);
    }
    if (authInfo.isJwt() && fields.privateKey) {
        checkJwtKey(fields.privateKey);
    }
    return authInfo;
}

/** A JWT login: a new one, or the one a previous JWT run stored for the same user and connected app. */
async function jwtLogin(core: Core, login: Extract<Login, { kind: 'jwt' }>): Promise<AuthInfo> {
    const state = await core.StateAggregator.getInstance();
    if (await state.orgs.exists(login.username)) {
        const stored = await core.AuthInfo.create({ username: login.username });
        const fields = stored.getFields();
        if (!stored.isJwt() || fields.clientId !== login.clientId) {
            throw new OrgError(
                'login',
                `The Salesforce CLI already has a login for ${login.username} that is not a JWT login of this ` +
                    'connected app; Warden does not overwrite it.',
                'LOGIN_EXISTS',
                `Use it with --target-org ${login.username}, or remove it first (\`sf org logout --target-org ` +
                    `${login.username}\`) to sign in with the JWT flow.`
            );
        }
        if (fields.privateKey !== login.keyFile || fields.loginUrl !== login.loginUrl) {
            await stored.save({ privateKey: login.keyFile, loginUrl: login.loginUrl });
        }
        return stored;
    }
    try {
        return await core.AuthInfo.create({
            username: login.username,
            oauth2Options: { clientId: login.clientId, privateKeyFile: login.keyFile, loginUrl: login.loginUrl }
        });
    } catch (error) {
        const found = toOrgError(error, `sign in with the JWT bearer flow as ${login.username} at ${login.loginUrl}`);
        if (found.kind !== 'other' && found.kind !== 'session') throw found;
        // core tries the login URL, then the standard login servers; the first refusal is the telling one.
        const first = /Errors encountered:\s*\n?\s*([^\n]+)/.exec(String((error as Error).message))?.[1];
        throw new OrgError(
            'login',
            `Salesforce refused the JWT login of ${login.username} at ${login.loginUrl}: ${clip(redactSecrets(first ?? (error as Error).message))}`,
            'JWT_REFUSED',
            `Check that the connected app with consumer key ${login.clientId} holds the certificate of this key, that ` +
                `${login.username} is pre-authorised for it (Permitted Users: Admin approved users are pre-authorized), ` +
                'and that --login-url is the org’s login server (https://test.salesforce.com for a sandbox, or its My Domain).'
        );
    }
}

export type ConnectOptions = {
    apiVersion: string;
    env: NodeJS.ProcessEnv;
    /** The retry policy; its deadline and clock are the run's. */
    retry: RetryPolicy;
    requestTimeoutMs?: number;
    warn?: (message: string) => void;
    /** Told when a request has had no answer for a while. */
    onWait?: (notice: WaitNotice) => void;
};

/** Signs in as the flags and the environment say and checks nothing more: the caller's first request does. */
export async function connect(flags: AuthFlags, options: ConnectOptions): Promise<OrgClient> {
    const allow = flags.allowInsecureLocalhost === true;
    const login = chooseLogin(flags, options.env);
    const core = loadCore(options.warn);
    const requestTimeoutMs =
        options.requestTimeoutMs ?? (flags.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000;
    setHttpPolicy({
        allowInsecureLocalhost: allow,
        requestTimeoutMs,
        deadline: options.retry.deadline,
        now: options.retry.now
    });
    let authInfo: AuthInfo;
    try {
        if (login.kind === 'jwt') {
            authInfo = await jwtLogin(core, login);
        } else if (login.kind === 'stored' && !core.matchesOpaqueAccessToken(login.name)) {
            authInfo = await storedLogin(core, login.name, allow);
        } else {
            const token = login.kind === 'stored' ? login.name : login.accessToken;
            const given = login.kind === 'stored' ? options.env.SF_ORG_INSTANCE_URL : login.instanceUrl;
            if (!given) {
                throw new OrgError(
                    'login',
                    '--target-org is an access token, but SF_ORG_INSTANCE_URL is not set.',
                    'NO_INSTANCE_URL',
                    'Set SF_ORG_INSTANCE_URL to the https:// URL of the org, or better, pass the token in SF_ACCESS_TOKEN rather than on the command line.'
                );
            }
            const instanceUrl = checkUrl(given, 'SF_ORG_INSTANCE_URL', allow);
            authInfo = await core.AuthInfo.create({
                username: token,
                accessTokenOptions: { accessToken: token, instanceUrl, loginUrl: instanceUrl }
            });
        }
        checkUrl(authInfo.getFields().instanceUrl ?? '', 'The instance URL of the login', allow);
        const conn = await core.Connection.create({ authInfo, connectionOptions: { version: options.apiVersion } });
        const secrets = (): string[] => {
            const fields = authInfo.getFields(true);
            return [conn.accessToken, fields.accessToken, fields.refreshToken, fields.clientSecret].filter(
                (value): value is string => typeof value === 'string' && value.length > 0
            );
        };
        return new OrgClient(conn, options.retry, secrets, { requestTimeoutMs, onWait: options.onWait });
    } catch (error) {
        const found = toOrgError(error, 'sign in');
        if (found.kind === 'other') {
            // The store could not be read or decrypted (a locked keychain, a moved key file): say so.
            throw new OrgError('login', found.message, found.code || 'LOGIN', RELOGIN_REMEDY);
        }
        throw found;
    }
}
