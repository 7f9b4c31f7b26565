/**
 * Writes a Salesforce CLI state folder (~/.sfdx) into a temporary home: an alias file, an org
 * authorisation with encrypted tokens, and the generic-keychain key file, in the format the CLI uses
 * (see scripts/cli/org/sf-cli-store.ts). Tests point warden at it with a fake home directory.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Encrypts like the CLI: v2 for a 64-hex-character key, v1 for a 32-character key. */
export function encryptLikeCli(value: string, key: string): string {
    const v2 = key.length === 64;
    const iv = v2 ? randomBytes(12) : Buffer.from(randomBytes(6).toString('hex'), 'utf8');
    const cipher = createCipheriv('aes-256-gcm', v2 ? Buffer.from(key, 'hex') : Buffer.from(key, 'utf8'), iv);
    const encrypted = cipher.update(value, 'utf8', 'hex') + cipher.final('hex');
    const ivText = v2 ? iv.toString('hex') : iv.toString('utf8');
    return `${ivText}${encrypted}:${cipher.getAuthTag().toString('hex')}`;
}

export type CliOrg = {
    alias?: string;
    username: string;
    instanceUrl: string;
    loginUrl: string;
    accessToken?: string;
    refreshToken?: string;
    clientId?: string;
    privateKey?: string;
};

export function writeCliHome(
    orgs: CliOrg[],
    options: { key?: string; writeKeyFile?: boolean } = {}
): { home: string; key: string } {
    const home = mkdtempSync(join(tmpdir(), 'warden-home-'));
    const key = options.key ?? randomBytes(32).toString('hex');
    const sfdx = join(home, '.sfdx');
    mkdirSync(sfdx, { recursive: true });
    const aliases: Record<string, string> = {};
    for (const org of orgs) {
        if (org.alias) aliases[org.alias] = org.username;
        const auth: Record<string, unknown> = {
            username: org.username,
            instanceUrl: org.instanceUrl,
            loginUrl: org.loginUrl,
            clientId: org.clientId ?? 'PlatformCLI',
            orgId: '00D000000000001AAA',
            isDevHub: false
        };
        if (org.accessToken) auth.accessToken = encryptLikeCli(org.accessToken, key);
        if (org.refreshToken) auth.refreshToken = encryptLikeCli(org.refreshToken, key);
        if (org.privateKey) auth.privateKey = org.privateKey;
        writeFileSync(join(sfdx, `${org.username}.json`), JSON.stringify(auth, null, 2));
    }
    writeFileSync(join(sfdx, 'alias.json'), JSON.stringify({ orgs: aliases }, null, 2));
    if (options.writeKeyFile !== false) {
        writeFileSync(join(sfdx, 'key.json'), JSON.stringify({ service: 'sfdx', account: 'local', key }), {
            mode: 0o600
        });
    }
    return { home, key };
}

/** A CLI home logged in to a running test org under `alias`, with an access and a refresh token it issued. */
export function cliHomeForFakeOrg(
    fake: { url: string; issueAccessToken(): string; issueRefreshToken(): string },
    alias: string,
    username = 'admin@warden.test'
): string {
    return writeCliHome([
        {
            alias,
            username,
            instanceUrl: fake.url,
            loginUrl: fake.url,
            accessToken: fake.issueAccessToken(),
            refreshToken: fake.issueRefreshToken()
        }
    ]).home;
}
