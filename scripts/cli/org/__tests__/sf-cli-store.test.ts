/**
 * Reading the Salesforce CLI's stored authorisations: aliases, both encryption formats, and honest
 * failures. The compatibility test has the CLI's own library (@salesforce/core, which the `sf` CLI
 * uses to write these files) write an authorisation into a temporary home, and reads it back.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptLikeCli, writeCliHome } from '../../../dev/testing/sf-cli-fixture';
import { OrgError } from '../errors';
import { decryptValue, isEncryptedValue, KeySource, readStoredAuth, resolveAlias } from '../sf-cli-store';

const homes: string[] = [];
afterAll(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

function home(...args: Parameters<typeof writeCliHome>): { home: string; key: string } {
    const made = writeCliHome(...args);
    homes.push(made.home);
    return made;
}

const org = {
    alias: 'prod',
    username: 'ada@example.org',
    instanceUrl: 'https://example.my.salesforce.com',
    loginUrl: 'https://login.salesforce.com',
    accessToken: '00D000000000001!AQexampleaccesstoken',
    refreshToken: '5Aep861examplerefreshtoken'
};

describe('Salesforce CLI auth store', () => {
    it('decrypts both key formats the CLI writes', () => {
        const v2 = randomBytes(32).toString('hex');
        const v1 = randomBytes(16).toString('hex');
        for (const key of [v2, v1]) {
            const encrypted = encryptLikeCli('a secret value', key);
            expect(isEncryptedValue(encrypted)).toBe(true);
            expect(decryptValue(encrypted, key)).toBe('a secret value');
        }
        expect(() => decryptValue(encryptLikeCli('x', v2), randomBytes(32).toString('hex'))).toThrow();
    });

    it('resolves aliases from ~/.sfdx/alias.json and ~/.sf/alias.json, and passes usernames through', () => {
        const { home: dir } = home([org]);
        expect(resolveAlias('prod', { homeDir: dir })).toBe('ada@example.org');
        expect(resolveAlias('ada@example.org', { homeDir: dir })).toBe('ada@example.org');
        const sfOnly = mkdtempSync(join(tmpdir(), 'warden-sf-'));
        homes.push(sfOnly);
        execFileSync('mkdir', ['-p', join(sfOnly, '.sf')]);
        writeFileSync(join(sfOnly, '.sf', 'alias.json'), JSON.stringify({ orgs: { uat: 'uat@example.org' } }));
        expect(resolveAlias('uat', { homeDir: sfOnly })).toBe('uat@example.org');
    });

    it('reads and decrypts an authorisation with the generic keychain key file', async () => {
        const { home: dir } = home([org]);
        const auth = await readStoredAuth('prod', {
            homeDir: dir,
            env: { SF_USE_GENERIC_UNIX_KEYCHAIN: 'true' },
            platform: 'linux'
        });
        expect(auth).toMatchObject({
            username: 'ada@example.org',
            instanceUrl: 'https://example.my.salesforce.com',
            accessToken: org.accessToken,
            refreshToken: org.refreshToken,
            clientId: 'PlatformCLI'
        });
    });

    it('uses a key from the OS keychain when there is one', async () => {
        const { home: dir, key } = home([org], { writeKeyFile: false });
        const keychain: KeySource = { read: async () => ({ key, where: 'the test keychain' }) };
        const auth = await readStoredAuth('prod', { homeDir: dir, env: {}, platform: 'linux', keySources: [keychain] });
        expect(auth.refreshToken).toBe(org.refreshToken);
    });

    it('says exactly what to do when the key cannot be found', async () => {
        const { home: dir } = home([org], { writeKeyFile: false });
        const nowhere: KeySource = { read: async () => undefined };
        const error = (await readStoredAuth('prod', {
            homeDir: dir,
            env: {},
            platform: 'linux',
            keySources: [nowhere]
        }).catch((e: unknown) => e)) as OrgError;
        expect(error).toBeInstanceOf(OrgError);
        expect(error.message).toContain(
            'keeps the tokens of ada@example.org encrypted, and warden cannot decrypt them'
        );
        expect(error.remedy).toContain('sf org display --target-org prod --verbose --json');
        expect(error.remedy).toContain('SF_ACCESS_TOKEN');
        expect(error.remedy).toContain('SF_USE_GENERIC_UNIX_KEYCHAIN=true');
        expect(error.describe()).not.toContain(org.accessToken);
    });

    it('says so when the key does not fit the tokens', async () => {
        const { home: dir } = home([org], { writeKeyFile: false });
        const wrong: KeySource = {
            read: async () => ({ key: randomBytes(32).toString('hex'), where: 'the keychain' })
        };
        await expect(
            readStoredAuth('prod', { homeDir: dir, env: {}, platform: 'linux', keySources: [wrong] })
        ).rejects.toThrow(/the key from the keychain does not decrypt accessToken/);
    });

    it('names the file it looked for when the org is unknown', async () => {
        const { home: dir } = home([org]);
        await expect(readStoredAuth('nope', { homeDir: dir, env: {}, platform: 'linux' })).rejects.toThrow(
            /No Salesforce CLI authorisation found for "nope"/
        );
        await expect(readStoredAuth('../../etc/passwd', { homeDir: dir, env: {}, platform: 'linux' })).rejects.toThrow(
            /No Salesforce CLI authorisation found/
        );
    });

    it.each(['v1', 'v2'])(
        'reads what the CLI library itself writes (%s key)',
        async (version) => {
            const dir = mkdtempSync(join(tmpdir(), 'warden-sfcore-'));
            homes.push(dir);
            // @salesforce/core is the library the sf CLI stores orgs with; it runs in a child process
            // because it reads HOME and caches its key per process.
            const script = `
            const { StateAggregator } = require('@salesforce/core');
            (async () => {
                const state = await StateAggregator.getInstance();
                state.orgs.set('ada@example.org', ${JSON.stringify({ ...org, alias: undefined, clientId: 'PlatformCLI' })});
                await state.orgs.write('ada@example.org');
                await state.aliases.setAndSave('prod', 'ada@example.org');
            })().catch((e) => { console.error(e); process.exit(1); });`;
            execFileSync(process.execPath, ['-e', script], {
                cwd: process.cwd(),
                env: {
                    ...process.env,
                    HOME: dir,
                    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
                    SF_CRYPTO_V2: version === 'v2' ? 'true' : 'false',
                    SF_DISABLE_LOG_FILE: 'true'
                },
                stdio: 'pipe',
                timeout: 60000
            });
            const auth = await readStoredAuth('prod', {
                homeDir: dir,
                env: { SF_USE_GENERIC_UNIX_KEYCHAIN: 'true' },
                platform: 'linux'
            });
            expect(auth.accessToken).toBe(org.accessToken);
            expect(auth.refreshToken).toBe(org.refreshToken);
        },
        90000
    );
});
