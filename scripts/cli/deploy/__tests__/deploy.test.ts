/**
 * `warden deploy` end to end against the test org: the plan, idempotency, and every failure the issue
 * lists, each followed by a second run that must converge on the same end state as a clean run.
 */
import { FailureRule, FakeOrgOptions } from '../../../dev/fake-org/server';
import { STEP_IDS } from '../steps/types';
import { DEFAULT_CONFIG, Harness } from './harness';

jest.setTimeout(30000);

const harnesses: Harness[] = [];

async function harness(options: FakeOrgOptions = {}, config: unknown = DEFAULT_CONFIG, cli = {}): Promise<Harness> {
    const h = await new Harness(options).start(config, cli);
    harnesses.push(h);
    return h;
}

afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.close()));
});

/** The end state of a clean install, computed once per org shape. */
const reference = new Map<string, unknown>();
async function cleanSnapshot(options: FakeOrgOptions = {}): Promise<unknown> {
    const key = JSON.stringify(options);
    if (!reference.has(key)) {
        const h = await harness(options);
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        reference.set(key, h.fake.snapshot());
    }
    return reference.get(key);
}

function statusOf(stdout: string, step: string): string | undefined {
    const line = stdout.split('\n').find((l) => l.includes(step));
    return line?.replace(step, '').trim().split(/\s+/)[0];
}

/** The org ends as a clean install into the default test org leaves it. */
async function expectCleanEndState(h: Harness): Promise<void> {
    expect(h.fake.snapshot()).toEqual(await cleanSnapshot());
}

/** After a failed run, the next one succeeds and the org ends as a clean install leaves it. */
async function expectRerunConverges(h: Harness): Promise<void> {
    const rerun = await h.run();
    expect(rerun.code).toBe(0);
    await expectCleanEndState(h);
}

describe('warden deploy: planning and applying', () => {
    it('plans a fresh org without changing anything in a dry run', async () => {
        const h = await harness();
        const outcome = await h.run({ dryRun: true, yes: false });

        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('Plan (dry run: nothing will be changed):');
        expect(outcome.stdout).toMatch(/Enterprise Edition, production/);
        expect(outcome.stdout).toMatch(/Real-Time Event Monitoring \(Shield\): yes/);
        expect(outcome.stdout).toContain('nobody holds a Warden permission set');
        for (const step of [
            '1. Deploy the Warden package',
            '2. Assign permission sets',
            '3. Configure the InferenceEvent__e subscriber',
            '4. Enable Real-Time Event Monitoring',
            '5. Flag PHI exports (transaction security)',
            '6. Enable Change Data Capture',
            "7. Schedule Warden's jobs",
            '9. Sign chain checkpoints',
            '10. Create or rotate the pseudonymization keys'
        ]) {
            expect(statusOf(outcome.stdout, step)).toBe('create');
        }
        // The test org has no Shield Platform Encryption licence.
        expect(statusOf(outcome.stdout, '8. Encrypt PHI at rest (Shield Platform Encryption)')).toBe('unavailable');
        expect(outcome.stdout).toContain('assign WardenIntegrationUser -> integration@warden.test');
        expect(h.writes()).toEqual([]);
    });

    it('applies everything, verifies it, and a second run is all unchanged with no writes', async () => {
        const h = await harness();
        const first = await h.run();
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/1\. Deploy the Warden package\s+created\s+yes\s+deployed 19\/19 components/);
        expect(first.stdout).toMatch(/2\. Assign permission sets\s+created\s+yes/);
        expect(first.stdout).toMatch(/7\. Schedule Warden's jobs\s+created\s+yes/);
        expect(first.stdout).toMatch(/10\. Create or rotate the pseudonymization keys\s+created\s+yes/);
        // The deploy showed progress of components deployed.
        expect(first.stderr).toMatch(/\[#+-+\] \d+\/19 components/);
        expect(first.stderr).toMatch(/\[#{30}\] 19\/19 components {2}Succeeded/);
        // Production: the package's own test classes run, NoTestRun would be refused.
        expect(h.fake.snapshot()).toMatchObject({
            apexClasses: expect.arrayContaining(['InferenceGuard', 'PhiExportCondition']),
            assignments: [
                'WardenAdmin -> admin@warden.test',
                'WardenAuditor -> auditor@warden.test',
                'WardenComplianceOfficer -> officer@warden.test',
                'WardenIntegrationUser -> integration@warden.test'
            ],
            scheduledJobs: [
                'Warden: DPA expiry @ 0 0 6 * * ? (DpaExpiryJob)',
                'Warden: chain checkpoint @ 0 5 * * * ? (ChainCheckpointJob)',
                'Warden: chain completeness @ 0 0,15,30,45 * * * ? (ChainCompletenessJob)',
                'Warden: consent expiry sweep @ 0 30 2 * * ? (ConsentExpirySweepJob)',
                'Warden: data-flow review reminder @ 0 0 7 1 1,4,7,10 ? (DataFlowReviewReminderJob)'
            ]
        });
        const settings = h.fake.metadataRecord('RealTimeEventSettings', 'RealTimeEvent') as {
            realTimeEvents: unknown[];
        };
        expect(settings.realTimeEvents).toHaveLength(10);
        expect(h.fake.metadataRecord('PlatformEventSubscriberConfig', 'WardenInferenceEventSubscriber')).toMatchObject({
            platformEventConsumer: 'InferenceEventTrigger',
            user: 'integration@warden.test',
            batchSize: '200'
        });
        expect(h.fake.metadataRecord('TransactionSecurityPolicy', 'WardenPhiReportExport')).toMatchObject({
            apexClass: 'PhiExportCondition',
            eventName: 'ReportEvent',
            executionUser: 'admin@warden.test',
            active: 'true'
        });
        expect(
            h.fake.metadataRecord('PlatformEventChannelMember', 'ChangeEvents_PatientConsent__ChangeEvent')
        ).toMatchObject({
            selectedEntity: 'PatientConsent__ChangeEvent'
        });

        const before = h.fake.snapshot();
        const mark = h.fake.requests.length;
        const second = await h.run();
        expect(second.code).toBe(0);
        for (const step of [
            '1. Deploy the Warden package',
            '2. Assign permission sets',
            "7. Schedule Warden's jobs",
            '10. Create or rotate the pseudonymization keys'
        ]) {
            expect(statusOf(second.stdout, step)).toBe('unchanged');
        }
        expect(second.stdout).toContain('Nothing to change: the org already matches.');
        expect(h.writes(mark)).toEqual([]);
        expect(h.fake.snapshot()).toEqual(before);
        expect(second.stdout).toContain('WardenAdmin: admin@warden.test');
    });
});

describe('warden deploy: options that shape a run', () => {
    it('picks RunSpecifiedTests in production and NoTestRun in a sandbox', async () => {
        const production = await harness();
        expect((await production.run()).code).toBe(0);
        expect(production.fake.lastDeployOptions).toMatchObject({
            testLevel: 'RunSpecifiedTests',
            runTests: 'InferenceGuard_Tests',
            rollbackOnError: 'true',
            checkOnly: 'false'
        });
        const sandbox = await harness({ isSandbox: true });
        expect((await sandbox.run()).code).toBe(0);
        expect(sandbox.fake.lastDeployOptions).toMatchObject({ testLevel: 'NoTestRun' });
        // The test org, like production, refuses NoTestRun for Apex: an explicit override shows the message.
        const refused = await harness();
        const outcome = await refused.run({ testLevel: 'NoTestRun' });
        expect(outcome.code).toBe(1);
        expect(outcome.stderr).toContain(
            'INVALID_OPERATION: testLevel of NoTestRun cannot be used in production organizations'
        );
    });

    it('validates with --check-only without saving anything', async () => {
        const h = await harness();
        const outcome = await h.run({ checkOnly: true });
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/1\. Deploy the Warden package\s+validated/);
        expect(outcome.stdout).toMatch(/2\. Assign permission sets\s+skipped/);
        expect(h.fake.snapshot()).toMatchObject({ apexClasses: [], assignments: [], scheduledJobs: [] });
    });

    it('skips steps on request', async () => {
        const h = await harness();
        const outcome = await h.run({ skip: ['schedules', 'change-data-capture'] });
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/7\. Schedule Warden's jobs\s+skipped/);
        expect(h.fake.snapshot()).toMatchObject({ scheduledJobs: [] });
    });

    it('prints one JSON document with --json', async () => {
        const h = await harness();
        const outcome = await h.run({ json: true });
        expect(outcome.code).toBe(0);
        const report = JSON.parse(outcome.stdout) as {
            plan: Array<{ id: string; status: string }>;
            results: Array<{ id: string; status: string }>;
            verification: Record<string, string>;
            exitCode: number;
        };
        // The test org has no Shield Platform Encryption licence: the encryption step says so and changes nothing.
        const expected = (done: string): string[] => STEP_IDS.map((id) => (id === 'encryption' ? 'unavailable' : done));
        expect(report.plan.map((p) => p.status)).toEqual(expected('create'));
        expect(report.results.map((r) => r.status)).toEqual(expected('created'));
        expect(Object.values(report.verification)).toEqual(expected('yes'));
        expect(outcome.stderr).not.toContain('components');
    });

    it('asks before applying on a terminal and applies nothing on no', async () => {
        const h = await harness();
        const questions: string[] = [];
        const outcome = await h.run(
            { yes: false },
            {
                interactive: true,
                confirm: async (question) => {
                    questions.push(question);
                    return false;
                }
            }
        );
        expect(outcome.code).toBe(1);
        // Every step but encryption, which the test org (no Shield licence) cannot take.
        expect(questions[0]).toMatch(
            new RegExp(
                `^Apply ${STEP_IDS.length - 1} step\\(s\\) to Warden Test Org \\(http://127\\.0\\.0\\.1:\\d+\\)\\? \\[y/N\\] $`
            )
        );
        expect(h.writes()).toEqual([]);
    });

    it('refuses to apply without --yes when stdin is not a terminal', async () => {
        const h = await harness();
        const outcome = await h.run({ yes: false });
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain('pass --yes');
        expect(h.writes()).toEqual([]);
    });
});

describe('warden deploy: what the org or the user lacks', () => {
    it('reports Shield steps as unavailable in an org without Shield, and still succeeds', async () => {
        const h = await harness({ shield: false });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/4\. Enable Real-Time Event Monitoring\s+unavailable/);
        expect(outcome.stdout).toMatch(/5\. Flag PHI exports \(transaction security\)\s+unavailable/);
        expect(outcome.stdout).toContain('What to do: Licence Salesforce Shield or the Event Monitoring add-on');
        // subscriber, CDC and the signing certificate only
        expect(h.fake.requests.filter((r) => r === 'upsertMetadata').length).toBe(3);
        const again = await h.run();
        expect(again.code).toBe(0);
        expect(again.stdout).toContain('Nothing to change');
    });

    it('fails an unavailable step only when the admin requires it', async () => {
        const h = await harness({ shield: false });
        const outcome = await h.run({ require: ['real-time-events'], dryRun: true });
        expect(outcome.code).toBe(1);
    });

    it('treats a Shield-only type refused by the Metadata API as unavailable, not as a crash', async () => {
        const h = await harness({ shield: true, shieldMetadata: false });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/4\. Enable Real-Time Event Monitoring\s+unavailable/);
        expect(outcome.stdout).toContain('This type of metadata is not available for this organization');
        expect(outcome.stdout).toMatch(/7\. Schedule Warden's jobs\s+created\s+yes/);
        const rerun = await h.run();
        expect(rerun.code).toBe(0);
        expect(rerun.stdout).toContain('Nothing to change');
    });

    it('reports an exhausted Change Data Capture allocation as unavailable', async () => {
        const h = await harness({ cdcEntityLimit: 1 });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(
            /6\. Enable Change Data Capture\s+unavailable\s+unavailable\s+select ContactChangeEvent/
        );
        expect(outcome.stdout).toContain('Change Data Capture entity allocation');
        expect(outcome.stdout).toContain('ChangeEvents_PatientConsent__ChangeEvent: LIMIT_EXCEEDED');
    });

    it('plans nothing it cannot do for a user without the Metadata API permission', async () => {
        const h = await harness({ runningUser: { modifyAllData: false, modifyMetadata: false } });
        const outcome = await h.run();
        expect(outcome.code).toBe(1);
        expect(outcome.stdout).toMatch(/1\. Deploy the Warden package\s+unavailable/);
        expect(outcome.stdout).toContain('may not use the Metadata API (needs Modify Metadata or Modify All Data)');
        expect(h.fake.requests).not.toContain('deploy');
        expect(h.writes()).toEqual([]);

        // The admin grants the permission; the next run converges.
        h.fake.options.runningUser.modifyMetadata = true;
        await expectRerunConverges(h);
    });
});

/** A failure injected into an otherwise clean run: what the run must say, and its exit code. */
type ReportedFailure = {
    title: string;
    inject: FailureRule;
    cli?: { refreshToken?: boolean };
    code: number;
    says: string[];
    /** Lines of the step table, as patterns. */
    shows?: RegExp[];
};
const reported: ReportedFailure[] = [
    {
        title: 'stops with a clear message when the daily API limit is used up, and converges later',
        inject: { match: /^upsertMetadata$/, fail: 'limitDaily', times: 1 },
        code: 1,
        says: [
            'the org has used up its daily API requests',
            'What to do: Wait until the 24-hour window frees requests',
            'The run stopped early. Re-running warden deploy is safe'
        ]
    },
    {
        title: 'explains an expired session that cannot be refreshed with exit 2, and the next run converges',
        // Sessions die after the plan has been read.
        inject: { match: /^deploy$/, fail: 'invalidSession', times: 1 },
        cli: { refreshToken: false },
        code: 2,
        says: [
            'the session is expired or invalid and could not be refreshed (INVALID_SESSION_ID)',
            'sf org login web --alias'
        ]
    },
    {
        title: 'reports INSUFFICIENT_ACCESS on permission set assignment with the fix, and converges once granted',
        inject: { match: /^POST .*\/composite\/sobjects$/, fail: 'insufficientAccess', times: 1 },
        code: 1,
        says: ['INSUFFICIENT_ACCESS', 'What to do: Run as a user with "Assign Permission Sets"'],
        // The failed step, and a later one that still ran.
        shows: [/2\. Assign permission sets\s+failed/, /7\. Schedule Warden's jobs\s+created\s+yes/]
    },
    {
        title: 'explains a Metadata API permission refusal met at apply time',
        inject: { match: /^deploy$/, fail: 'metadataAccess', times: 1 },
        code: 1,
        says: [
            'the running user may not use the Metadata API (INSUFFICIENT_ACCESS)',
            'Modify Metadata Through Metadata API Functions'
        ]
    }
];

describe('warden deploy: failures Salesforce reports, and the re-run that converges', () => {
    it('prints every component failure of a deploy that fails halfway, changes nothing, and converges on re-run', async () => {
        const h = await harness();
        h.fake.deployFailures = [
            {
                componentType: 'ApexClass',
                fullName: 'InferenceGuard',
                fileName: 'classes/InferenceGuard.cls',
                lineNumber: 3,
                columnNumber: 16,
                problem: 'Variable does not exist: ready2'
            },
            {
                componentType: 'ApexTrigger',
                fullName: 'InferenceEventTrigger',
                fileName: 'triggers/InferenceEventTrigger.trigger',
                lineNumber: 2,
                problem: 'Method does not exist or incorrect signature'
            }
        ];
        const failed = await h.run();
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain(
            'force-app/main/gate/classes/InferenceGuard.cls:3:16  ApexClass InferenceGuard: Error: Variable does not exist: ready2'
        );
        expect(failed.stderr).toContain(
            'force-app/main/gate/triggers/InferenceEventTrigger.trigger:2  ApexTrigger InferenceEventTrigger: Error: Method does not exist'
        );
        expect(failed.stdout).toMatch(/1\. Deploy the Warden package\s+failed/);
        expect(failed.stdout).toMatch(/2\. Assign permission sets\s+skipped/);
        expect(failed.stdout).toContain('Salesforce rolled it back');
        expect(h.fake.snapshot()).toMatchObject({ apexClasses: [], assignments: [], scheduledJobs: [] });

        await expectRerunConverges(h);
    });

    it.each(reported)('$title', async ({ inject, cli, code, says, shows }) => {
        const h = await harness({}, DEFAULT_CONFIG, cli);
        h.fake.inject(inject);
        const failed = await h.run();
        expect(failed.code).toBe(code);
        says.forEach((text) => expect(failed.stdout).toContain(text));
        (shows ?? []).forEach((pattern) => expect(failed.stdout).toMatch(pattern));
        await expectRerunConverges(h);
    });
});

describe('warden deploy: transient failures it rides out', () => {
    it('survives a network error and a timeout in the middle of polling the deploy', async () => {
        const h = await harness();
        h.fake.inject({ match: /^checkDeployStatus$/, fail: 'network', times: 1, skip: 1 });
        h.fake.inject({ match: /^checkDeployStatus$/, fail: 'hang', times: 1, skip: 1 });
        const outcome = await h.run({}, { requestTimeoutMs: 1500 });
        expect(outcome.code).toBe(0);
        expect(outcome.stderr).toMatch(
            /retrying check the deploy status in [\d.]+s \(attempt 2\): check the deploy status: network error/
        );
        expect(outcome.stderr).toMatch(
            /retrying check the deploy status in [\d.]+s \(attempt 2\): check the deploy status: no answer from Salesforce within the request timeout/
        );
        // Backoff is deterministic: random() is 0.5, so the first retry waits half of the 1s base.
        expect(outcome.sleeps).toContain(500);
        await expectCleanEndState(h);
    });

    it('backs off and retries 503 and REQUEST_LIMIT_EXCEEDED on reads and idempotent writes', async () => {
        const h = await harness();
        h.fake.inject({ match: /^GET .*\/query$/, fail: 'http503', times: 2 });
        h.fake.inject({ match: /^upsertMetadata$/, fail: 'limit', times: 1 });
        h.fake.inject({ match: /^deploy$/, fail: 'http503', times: 1 });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(outcome.stderr).toMatch(/temporarily unavailable \(HTTP 503\)/);
        expect(outcome.stderr).toMatch(/too many concurrent requests \(REQUEST_LIMIT_EXCEEDED\)/);
        expect(outcome.sleeps.slice(0, 2)).toEqual([500, 1000]);
        await expectCleanEndState(h);
    });

    it('refreshes an expired session with the stored refresh token and carries on', async () => {
        const h = await harness();
        h.fake.inject({ match: /^checkDeployStatus$/, fail: 'invalidSession', times: 1, skip: 1 });
        h.fake.inject({ match: /^POST .*\/composite\/sobjects$/, fail: 'invalidSession', times: 1 });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(h.fake.requests.filter((r) => r === 'POST /services/oauth2/token').length).toBe(2);
        await expectCleanEndState(h);
    });

    it('never duplicates an assignment or a job when the answer to a write is lost', async () => {
        const h = await harness();
        h.fake.inject({ match: /^POST .*\/composite\/sobjects$/, fail: 'dropResponse', times: 1 });
        h.fake.inject({ match: /executeAnonymous/, fail: 'dropResponse', times: 1 });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        // One create of assignments (plus the signing setting's), one scheduling script and one key script
        // reached the org; none was repeated.
        expect(h.fake.requests.filter((r) => r.startsWith('POST') && r.endsWith('/composite/sobjects'))).toHaveLength(
            2
        );
        expect(h.fake.requests.filter((r) => r.includes('executeAnonymous'))).toHaveLength(2);
        await expectCleanEndState(h);
    });
});

describe('warden deploy: bad input and secrets', () => {
    it('reports config users that do not exist as problems', async () => {
        const h = await harness(
            {},
            { ...DEFAULT_CONFIG, assignments: { WardenAdmin: ['nobody@warden.test', 'former@warden.test'] } }
        );
        const outcome = await h.run({ dryRun: true });
        expect(outcome.code).toBe(1);
        expect(outcome.stdout).toContain(
            'Problem (Assign permission sets): WardenAdmin -> nobody@warden.test: no user nobody@warden.test in this org'
        );
        expect(outcome.stdout).toContain('former@warden.test is inactive');
    });

    it('stops before touching the org on a bad config, naming the bad value', async () => {
        const h = await harness({}, { schedules: { chainCheckpoint: '* * * *' } });
        const outcome = await h.run();
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain('schedules.chainCheckpoint "* * * *" has 4 fields');
        expect(h.fake.requests).toEqual([]);
    });

    it('never prints a token, even when a server message echoes one', async () => {
        const h = await harness();
        h.fake.inject({ match: /^upsertMetadata$/, fail: 'limitDaily', times: 1 });
        const outcome = await h.run({ json: true });
        const everything = outcome.stdout + outcome.stderr;
        expect(everything).not.toMatch(/00D[A-Za-z0-9]{12,15}!/);
        expect(everything).not.toContain(h.refreshToken);
    });
});

/** A clock that moves only when the run sleeps, so a --wait of minutes passes in milliseconds. */
function virtualClock(): { now: () => Date; sleep: (ms: number) => Promise<void> } {
    let time = Date.parse('2025-01-01T00:00:00Z');
    return {
        now: () => new Date(time),
        sleep: async (ms) => {
            time += ms;
        }
    };
}

describe('warden deploy: bounded waits and deploy jobs', () => {
    it('says so when the org answers an HTML page instead of its API versions', async () => {
        const h = await harness();
        h.fake.inject({ match: /^GET \/services\/data\/$/, fail: 'html', times: 1 });
        const outcome = await h.run();
        expect(outcome.code).toBe(1);
        expect(outcome.stderr).toContain('list API versions: the server answered with an HTML page (HTTP 200');
        expect(outcome.stderr).toContain("What to do: Check the org's URL");
        expect(outcome.stderr).not.toContain('serves API versions');
        expect(outcome.stderr).toContain('Nothing was changed.');
    });

    it('gives up on a server that never answers after two request timeouts, in seconds', async () => {
        const h = await harness();
        h.fake.inject({ match: /./, fail: 'hang', times: 100 });
        const started = Date.now();
        const outcome = await h.run({}, { requestTimeoutMs: 250 });
        expect(Date.now() - started).toBeLessThan(10000);
        expect(outcome.code).toBe(1);
        expect(outcome.stderr).toContain(
            'list API versions: no answer from Salesforce within the request timeout. (gave up after 2 attempts)'
        );
        expect(outcome.stderr).toContain('a slow link needs a longer --request-timeout');
    });

    it('stops waiting at the end of --wait with the job id; resume waits for it, report shows it', async () => {
        const h = await harness({ deployPolls: 8 });
        const clock = virtualClock();
        const first = await h.run({ waitMinutes: 0.05 }, clock);
        expect(first.code).toBe(1);
        const id = /The deploy (0Af\w+) is still running after the 0.05 minute\(s\) of --wait/.exec(first.stdout)?.[1];
        expect(id).toBeDefined();
        expect(first.stdout).toContain(`warden deploy resume --job-id ${id}`);
        expect(first.stdout).toMatch(/2\. Assign permission sets\s+skipped/);

        const report = await h.run({}, clock, { action: 'report', id: id! });
        expect(report.code).toBe(1);
        expect(report.stdout).toContain(`The deploy ${id} is still running (InProgress).`);

        const resumed = await h.run({}, clock, { action: 'resume', id: id! });
        expect(resumed.code).toBe(0);
        expect(resumed.stdout).toContain(`The deploy ${id} succeeded: 19/19 components.`);
        expect(resumed.stderr).toMatch(/\[#{30}\] 19\/19 components {2}Succeeded/);

        const json = await h.run({ json: true }, clock, { action: 'report', id: id! });
        expect(JSON.parse(json.stdout)).toMatchObject({ jobId: id, status: 'Succeeded', success: true, exitCode: 0 });

        const rest = await h.run();
        expect(rest.code).toBe(0);
        expect(rest.stdout).toMatch(/1\. Deploy the Warden package\s+unchanged/);
        expect(h.fake.snapshot()).toEqual(await cleanSnapshot({ deployPolls: 8 }));
    });

    it('--async starts the deploy, prints the job id and stops; the next run converges', async () => {
        const h = await harness();
        const started = await h.run({ async: true });
        expect(started.code).toBe(0);
        expect(started.stdout).toMatch(/1\. Deploy the Warden package\s+started/);
        expect(started.stdout).toMatch(/2\. Assign permission sets\s+skipped/);
        const id = /deploy job (0Af\w+) started \(--async\)/.exec(started.stdout)?.[1];
        expect(id).toBeDefined();
        expect(h.fake.requests.filter((r) => r === 'checkDeployStatus')).toEqual([]);

        const resumed = await h.run({}, {}, { action: 'resume', id: id! });
        expect(resumed.code).toBe(0);
        const rest = await h.run();
        expect(rest.code).toBe(0);
        expect(h.fake.snapshot()).toEqual(await cleanSnapshot());
    });

    it('refuses a job id this org does not know, with exit 2', async () => {
        const h = await harness();
        const outcome = await h.run({}, {}, { action: 'report', id: '0Af000000000000AAA' });
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain('This org has no deploy job 0Af000000000000AAA.');
    });
});
