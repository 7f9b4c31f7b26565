/**
 * Runs `warden deploy` against the test org exactly as an admin would: a project on disk, a login of
 * the Salesforce CLI stored in a home folder (by @salesforce/core itself), arguments, captured output.
 * Sleeps are recorded instead of waited, so backoff is visible and tests stay fast.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeOrg, FakeOrgOptions } from '../../../dev/fake-org/server';
import { writeFixtureProject } from '../../../dev/testing/fixture-project';
import { SfHome } from '../../../dev/testing/sf-state';
import { runJob } from '../job';
import { DeployIo, DeployOptions, runDeploy } from '../run';

export const DEFAULT_CONFIG = {
    assignments: {
        WardenAdmin: ['admin@warden.test'],
        WardenComplianceOfficer: ['officer@warden.test'],
        WardenAuditor: ['auditor@warden.test'],
        WardenIntegrationUser: ['integration@warden.test']
    },
    eventSubscriber: { user: 'integration@warden.test', batchSize: 200 },
    transactionSecurity: { notify: 'admin@warden.test', events: ['ReportEvent', 'ApiEvent'] },
    changeDataCapture: { objects: ['Contact', 'PatientConsent__c'] }
};

export type RunOutcome = { code: number; stdout: string; stderr: string; sleeps: number[] };

export class Harness {
    fake: FakeOrg;
    project = '';
    home = new SfHome();
    refreshToken = '';

    constructor(fakeOptions: FakeOrgOptions = {}) {
        this.fake = new FakeOrg({ deployPolls: 3, ...fakeOptions });
    }

    async start(
        config: unknown = DEFAULT_CONFIG,
        cli: { accessToken?: boolean; refreshToken?: boolean } = {}
    ): Promise<this> {
        await this.fake.start();
        this.project = writeFixtureProject();
        writeFileSync(join(this.project, 'warden.deploy.json'), JSON.stringify(config, null, 2));
        this.refreshToken = this.fake.issueRefreshToken();
        await this.home.login({
            alias: 'warden-test',
            username: 'admin@warden.test',
            instanceUrl: this.fake.url,
            accessToken: cli.accessToken === false ? undefined : this.fake.issueAccessToken(),
            refreshToken: cli.refreshToken === false ? undefined : this.refreshToken
        });
        return this;
    }

    /** Replaces warden.deploy.json, as an admin editing it between runs would. */
    writeConfig(config: unknown): void {
        writeFileSync(join(this.project, 'warden.deploy.json'), JSON.stringify(config, null, 2));
    }

    /** Runs `warden deploy` (or, with `job`, `warden deploy report|resume --job-id`) with this harness's home. */
    async run(
        overrides: Partial<DeployOptions> = {},
        io: Partial<DeployIo> = {},
        job?: { action: 'report' | 'resume'; id: string }
    ): Promise<RunOutcome> {
        let stdout = '';
        let stderr = '';
        const sleeps: number[] = [];
        const options: DeployOptions = {
            targetOrg: 'warden-test',
            allowInsecureLocalhost: true,
            assign: [],
            skip: [],
            require: [],
            dryRun: false,
            yes: true,
            json: false,
            checkOnly: false,
            waitMinutes: 60,
            projectDir: this.project,
            ...overrides
        };
        const fullIo: DeployIo = {
            stdout: (text) => (stdout += text),
            stderr: (text) => (stderr += text),
            interactive: false,
            progressTty: false,
            confirm: async () => true,
            env: {},
            sleep: async (ms) => {
                sleeps.push(ms);
            },
            random: () => 0.5,
            requestTimeoutMs: 10000,
            pollIntervalMs: 1000,
            ...io
        };
        const code = await this.home.use(() =>
            job ? runJob(job.action, job.id, options, fullIo) : runDeploy(options, fullIo)
        );
        return { code, stdout, stderr, sleeps };
    }

    /** Requests that change the org, from the test org's log. */
    writes(from = 0): string[] {
        return this.fake.requests
            .slice(from)
            .filter((r) => /^(deploy|upsertMetadata)$|^POST .*\/composite\/sobjects|^PATCH |executeAnonymous/.test(r));
    }

    async close(): Promise<void> {
        await this.fake.close();
        rmSync(this.project, { recursive: true, force: true });
        this.home.remove();
    }
}
