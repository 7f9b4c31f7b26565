/**
 * A Salesforce CLI state folder in a temporary home for tests of stored logins, written by
 * @salesforce/core itself: its StateAggregator encrypts the tokens and records the aliases exactly as
 * `sf org login` leaves them. The encryption key goes to <home>/.sfdx/key.json
 * (SF_USE_GENERIC_UNIX_KEYCHAIN=true), so no real keychain is read or written. Core finds its state
 * through os.homedir(), so `enter` and `use` point it at the folder while a command runs: HOME for a
 * child process, and os.homedir itself for this one (under Jest, process.env is a copy the native
 * os.homedir() does not read).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateAggregator } from '@salesforce/core';

export type SfLogin = {
    alias?: string;
    username: string;
    instanceUrl: string;
    loginUrl?: string;
    accessToken?: string;
    refreshToken?: string;
    clientId?: string;
    /** Path of the private key of a JWT login. */
    privateKey?: string;
};

const ENV = { SF_USE_GENERIC_UNIX_KEYCHAIN: 'true', SF_DISABLE_LOG_FILE: 'true' };

export class SfHome {
    readonly dir = mkdtempSync(join(tmpdir(), 'warden-sf-home-'));

    /** Points HOME (and core's environment) at this home; returns what puts them back. */
    enter(): () => void {
        const saved: Record<string, string | undefined> = {
            HOME: process.env.HOME,
            USERPROFILE: process.env.USERPROFILE
        };
        for (const name of Object.keys(ENV)) saved[name] = process.env[name];
        Object.assign(process.env, ENV, { HOME: this.dir, USERPROFILE: this.dir });
        const homedir = os.homedir;
        os.homedir = () => this.dir;
        return () => {
            os.homedir = homedir;
            for (const [name, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
        };
    }

    /** Runs `work` with HOME pointing at this home; puts it back after. */
    async use<T>(work: () => Promise<T>): Promise<T> {
        const leave = this.enter();
        try {
            return await work();
        } finally {
            leave();
        }
    }

    /** Stores a login as `sf org login` would, with its alias. */
    async login(login: SfLogin): Promise<void> {
        await this.use(async () => {
            const state = await StateAggregator.getInstance();
            state.orgs.set(login.username, {
                username: login.username,
                instanceUrl: login.instanceUrl,
                loginUrl: login.loginUrl ?? login.instanceUrl,
                clientId: login.clientId ?? 'PlatformCLI',
                orgId: '00D000000000001AAA',
                isDevHub: false,
                // Known already, so a token refresh does not query the Organization again.
                orgEdition: 'Enterprise Edition',
                namespacePrefix: null,
                ...(login.accessToken ? { accessToken: login.accessToken } : {}),
                ...(login.refreshToken ? { refreshToken: login.refreshToken } : {}),
                ...(login.privateKey ? { privateKey: login.privateKey } : {})
            });
            await state.orgs.write(login.username);
            if (login.alias) {
                await state.aliases.setAndSave(login.alias, login.username);
            }
        });
    }

    /** The stored login's fields as core reads them back (decrypted). */
    async stored(username: string): Promise<Record<string, unknown> | undefined> {
        return this.use(async () => {
            await StateAggregator.clearInstanceAsync();
            const state = await StateAggregator.getInstance();
            await state.orgs.read(username, false, false);
            return state.orgs.get(username, true) as Record<string, unknown> | undefined;
        });
    }

    remove(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

/** A home logged in to a running fake org under `alias`, with an access and a refresh token it issued. */
export async function sfHomeForFakeOrg(
    fake: { url: string; issueAccessToken(): string; issueRefreshToken(): string },
    alias: string,
    username = 'admin@warden.test'
): Promise<SfHome> {
    const home = new SfHome();
    await home.login({
        alias,
        username,
        instanceUrl: fake.url,
        accessToken: fake.issueAccessToken(),
        refreshToken: fake.issueRefreshToken()
    });
    return home;
}
