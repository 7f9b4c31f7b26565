/**
 * Reads the org authorisations that the Salesforce CLI (`sf`, formerly `sfdx`) keeps on disk, so
 * `--target-org <alias|username>` works for anyone who has logged in with the CLI, without needing
 * the CLI itself. Read-only: nothing is written back, refreshed tokens stay in memory.
 *
 * The format, as the CLI writes it (learned from the CLI's public behaviour and issues
 * forcedotcom/cli#939, forcedotcom/sfdx-core#386, forcedotcom/cli#3231):
 * - ~/.sfdx/alias.json: {"orgs": {"<alias>": "<username>"}}; newer CLIs may also keep ~/.sf/alias.json.
 * - ~/.sfdx/<username>.json: accessToken, refreshToken, instanceUrl, loginUrl, clientId, orgId,
 *   username, and for JWT logins privateKey (a file path). Fields whose names contain token, password
 *   or secret are encrypted.
 * - Encrypted value: "<iv><ciphertext>:<tag>", all hex, AES-256-GCM with a 16-byte tag. The key is
 *   stored in the OS keychain (service "sfdx", account "local"): macOS Keychain, libsecret on Linux
 *   (`secret-tool`), or the file ~/.sfdx/key.json ({"service","account","key"}) when
 *   SF_USE_GENERIC_UNIX_KEYCHAIN=true, on Windows, or where Linux has no secret service.
 *   A 64-hex-character key ("v2") is the hex of 32 key bytes and the IV is 12 bytes written as 24 hex
 *   characters. A 32-character key ("v1") is used as its own UTF-8 bytes, and the IV is the first 12
 *   characters of the value taken as UTF-8 bytes.
 */
import { execFile } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgError } from './errors';

export type StoredOrgAuth = {
    username: string;
    instanceUrl: string;
    loginUrl: string;
    clientId: string;
    clientSecret?: string;
    accessToken?: string;
    refreshToken?: string;
    /** Path of the private key of a JWT login. */
    privateKeyFile?: string;
    orgId?: string;
    /** Where it was read from, for messages (never the tokens). */
    file: string;
};

export type KeySource = {
    /** Returns the key, or undefined when this source has none; throws only on real errors. */
    read(): Promise<{ key: string; where: string } | undefined>;
};

export type StoreOptions = {
    homeDir: string;
    env: NodeJS.ProcessEnv;
    platform: NodeJS.Platform;
    /** Overrides the keychain lookup (tests). */
    keySources?: KeySource[];
};

const ENCRYPTED = /^[a-f0-9]+:[a-f0-9]{32}$/;
const ENCRYPTED_FIELD = /token|password|secret/i;

function readJson(file: string): Record<string, unknown> {
    try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (!parsed || typeof parsed !== 'object') {
            throw new Error('not a JSON object');
        }
        return parsed as Record<string, unknown>;
    } catch (error) {
        throw new OrgError('other', `${file} cannot be read: ${(error as Error).message}`);
    }
}

/** The username an alias stands for, or the input itself when it is not an alias. */
export function resolveAlias(aliasOrUsername: string, options: Pick<StoreOptions, 'homeDir'>): string {
    for (const file of [join(options.homeDir, '.sfdx', 'alias.json'), join(options.homeDir, '.sf', 'alias.json')]) {
        if (!existsSync(file)) {
            continue;
        }
        const orgs = readJson(file).orgs;
        if (orgs && typeof orgs === 'object') {
            const username = (orgs as Record<string, unknown>)[aliasOrUsername];
            if (typeof username === 'string' && username) {
                return username;
            }
        }
    }
    return aliasOrUsername;
}

export function isEncryptedValue(value: string): boolean {
    return ENCRYPTED.test(value);
}

/** Decrypts one value written by the CLI with the given key (v1 or v2 format, by key length). */
export function decryptValue(value: string, key: string): string {
    const [body, tagHex] = value.split(':');
    if (!body || !tagHex || tagHex.length !== 32) {
        throw new Error('the value is not in the CLI encrypted format');
    }
    let keyBytes: Buffer;
    let iv: Buffer;
    let cipherHex: string;
    if (key.length === 64 && /^[a-f0-9]+$/i.test(key)) {
        keyBytes = Buffer.from(key, 'hex');
        iv = Buffer.from(body.slice(0, 24), 'hex');
        cipherHex = body.slice(24);
    } else if (key.length === 32) {
        keyBytes = Buffer.from(key, 'utf8');
        iv = Buffer.from(body.slice(0, 12), 'utf8');
        cipherHex = body.slice(12);
    } else {
        throw new Error(`the key has ${key.length} characters; the CLI writes keys of 32 or 64`);
    }
    const decipher = createDecipheriv('aes-256-gcm', keyBytes, iv);
    decipher.setAuthTag(Buffer.from(tagHex, 'hex'));
    return decipher.update(cipherHex, 'hex', 'utf8') + decipher.final('utf8');
}

/** ~/.sfdx/key.json, the CLI's "generic keychain". */
export function keyFileSource(homeDir: string): KeySource {
    return {
        async read() {
            const file = join(homeDir, '.sfdx', 'key.json');
            if (!existsSync(file)) {
                return undefined;
            }
            const json = readJson(file);
            if (json.service !== 'sfdx' || json.account !== 'local' || typeof json.key !== 'string') {
                throw new OrgError('other', `${file} does not hold the CLI key (service "sfdx", account "local").`);
            }
            return { key: json.key, where: file };
        }
    };
}

function runKeychainTool(program: string, args: string[], where: string): KeySource {
    return {
        read() {
            return new Promise((resolve) => {
                if (!existsSync(program)) {
                    resolve(undefined);
                    return;
                }
                execFile(program, args, { timeout: 60000 }, (error, stdout) => {
                    const key = String(stdout ?? '').trim();
                    resolve(error || !key ? undefined : { key, where });
                });
            });
        }
    };
}

/** Where the key may be, in the order the CLI itself looks on this platform. */
export function defaultKeySources(options: StoreOptions): KeySource[] {
    const generic =
        /^true$/i.test(options.env.SF_USE_GENERIC_UNIX_KEYCHAIN ?? '') ||
        /^true$/i.test(options.env.USE_GENERIC_UNIX_KEYCHAIN ?? '');
    const file = keyFileSource(options.homeDir);
    if (options.platform === 'win32' || generic) {
        return [file];
    }
    if (options.platform === 'darwin') {
        return [
            runKeychainTool(
                '/usr/bin/security',
                ['find-generic-password', '-a', 'local', '-s', 'sfdx', '-w'],
                'the macOS keychain'
            ),
            file
        ];
    }
    const secretTool = options.env.SFDX_SECRET_TOOL_PATH ?? '/usr/bin/secret-tool';
    return [runKeychainTool(secretTool, ['lookup', 'user', 'local', 'domain', 'sfdx'], 'the secret service'), file];
}

function cannotDecrypt(username: string, alias: string, reason: string): OrgError {
    return new OrgError(
        'session',
        `The Salesforce CLI keeps the tokens of ${username} encrypted, and warden cannot decrypt them: ${reason}.`,
        'CLI_AUTH_ENCRYPTED',
        [
            'one of:',
            `(1) where the sf CLI is installed, run \`sf org display --target-org ${alias} --verbose --json\` and export ` +
                'result.accessToken as SF_ACCESS_TOKEN and result.instanceUrl as SF_INSTANCE_URL (the token expires; ' +
                'never commit it), then run warden without --target-org;',
            '(2) use the JWT flow (--client-id, --username, --jwt-key-file; see docs/deploy.md);',
            '(3) on Linux without a keychain, log in again with SF_USE_GENERIC_UNIX_KEYCHAIN=true so the CLI keeps ' +
                'its key in ~/.sfdx/key.json (mode 600), where warden can read it.'
        ].join('\n    ')
    );
}

function stringField(json: Record<string, unknown>, name: string): string | undefined {
    const value = json[name];
    return typeof value === 'string' && value ? value : undefined;
}

/** Reads and decrypts the stored authorisation of an alias or username. */
export async function readStoredAuth(aliasOrUsername: string, options: StoreOptions): Promise<StoredOrgAuth> {
    const username = resolveAlias(aliasOrUsername, options);
    const file = join(options.homeDir, '.sfdx', `${username}.json`);
    if (!/^[^/\\]+$/.test(username) || !existsSync(file)) {
        throw new OrgError(
            'other',
            `No Salesforce CLI authorisation found for "${aliasOrUsername}" (looked for ${file}).`,
            'NO_AUTH',
            'Log in with `sf org login web --alias <alias>`, or for CI set SF_ACCESS_TOKEN and SF_INSTANCE_URL, ' +
                'or use the JWT flow (see docs/deploy.md).'
        );
    }
    const json = readJson(file);
    const instanceUrl = stringField(json, 'instanceUrl');
    if (!instanceUrl) {
        throw new OrgError('other', `${file} has no instanceUrl; log in to the org again with the CLI.`);
    }

    const encryptedFields = Object.keys(json).filter(
        (name) => ENCRYPTED_FIELD.test(name) && typeof json[name] === 'string' && isEncryptedValue(json[name] as string)
    );
    const decrypted: Record<string, string> = {};
    if (encryptedFields.length > 0) {
        let found: { key: string; where: string } | undefined;
        const failures: string[] = [];
        for (const source of options.keySources ?? defaultKeySources(options)) {
            try {
                found = await source.read();
            } catch (error) {
                failures.push((error as Error).message);
            }
            if (found) {
                break;
            }
        }
        if (!found) {
            throw cannotDecrypt(
                username,
                aliasOrUsername,
                failures.length > 0
                    ? failures.join('; ')
                    : 'no key in the OS keychain (service "sfdx", account "local") nor in ~/.sfdx/key.json'
            );
        }
        for (const name of encryptedFields) {
            try {
                decrypted[name] = decryptValue(json[name] as string, found.key);
            } catch (error) {
                throw cannotDecrypt(
                    username,
                    aliasOrUsername,
                    `the key from ${found.where} does not decrypt ${name} (${(error as Error).message})`
                );
            }
        }
    }
    const value = (name: string): string | undefined => decrypted[name] ?? stringField(json, name);

    return {
        username: stringField(json, 'username') ?? username,
        instanceUrl,
        loginUrl: stringField(json, 'loginUrl') ?? 'https://login.salesforce.com',
        clientId: stringField(json, 'clientId') ?? 'PlatformCLI',
        clientSecret: value('clientSecret'),
        accessToken: value('accessToken'),
        refreshToken: value('refreshToken'),
        privateKeyFile: stringField(json, 'privateKey'),
        orgId: stringField(json, 'orgId'),
        file
    };
}
