/**
 * Org mode of `warden scan` against the test org: bulk fetching of Apex (5,000+ classes, chunked,
 * paged, with progress), the engine seeing the org's own PHI classification, and --sync keeping
 * triage decisions while resolving what disappeared.
 */
import type { ScanResult, SourceFile } from '../../types';
import { FakeOrg } from '../../../../dev/fake-org/server';
import { SfHome, sfHomeForFakeOrg } from '../../../../dev/testing/sf-state';
import { chunkByWeight, IDS_PER_CHUNK } from '../apex-source';
import { OrgScanArgs, OrgScanIo, OrgScanOutcome, runOrgScan } from '../scan-org';

jest.setTimeout(60000);

const fakes: FakeOrg[] = [];
const homes: SfHome[] = [];

afterAll(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
    homes.forEach((home) => home.remove());
});

async function org(options: ConstructorParameters<typeof FakeOrg>[0] = {}): Promise<{ fake: FakeOrg; home: SfHome }> {
    const fake = new FakeOrg(options);
    fakes.push(fake);
    await fake.start();
    const home = await sfHomeForFakeOrg(fake, 'scan-org');
    homes.push(home);
    return { fake, home };
}

/** runOrgScan with the login stored in `home`, against the fake org on http://127.0.0.1. */
function scanIn(home: SfHome, args: OrgScanArgs, context: OrgScanIo): Promise<OrgScanOutcome> {
    return home.use(() => runOrgScan({ ...args, allowInsecureLocalhost: true }, context));
}

function io(extra: Partial<OrgScanIo> = {}): OrgScanIo & { err: () => string; sleeps: number[] } {
    let err = '';
    const sleeps: number[] = [];
    return {
        stderr: (text) => (err += text),
        progressTty: false,
        env: {},
        sleep: async (ms) => {
            sleeps.push(ms);
        },
        random: () => 0.5,
        requestTimeoutMs: 10000,
        err: () => err,
        sleeps,
        ...extra
    };
}

const emptyResult = (): ScanResult => ({
    findings: [],
    suppressed: [],
    stats: {
        files: 0,
        apexFiles: 0,
        metadataFiles: 0,
        apexLines: 0,
        parseMs: 0,
        rulesMs: 0,
        durationMs: 0
    }
});

describe('org mode scan', () => {
    it('splits work by count and by size', () => {
        const items = Array.from({ length: 450 }, (_, i) => i);
        expect(chunkByWeight(items, () => 1, IDS_PER_CHUNK, 1_000_000).map((c) => c.length)).toEqual([200, 200, 50]);
        expect(chunkByWeight([600, 600, 600, 2000], (n) => n, 200, 1000).map((c) => c.length)).toEqual([1, 1, 1, 1]);
        expect(chunkByWeight([300, 300, 300, 300], (n) => n, 200, 1000).map((c) => c.length)).toEqual([3, 1]);
    });

    it('fetches 5,200 classes and 30 triggers in bounded chunks, following nextRecordsUrl, with progress', async () => {
        const { fake, home } = await org({ queryMaxBytes: 60_000 });
        for (let i = 0; i < 5200; i++) {
            fake.addApex(
                'ApexClass',
                `Generated${String(i).padStart(4, '0')}`,
                `public with sharing class Generated${i} {\n    // ${'x'.repeat(200)}\n}\n`
            );
        }
        for (let i = 0; i < 30; i++) {
            fake.addApex('ApexTrigger', `Trigger${i}`, `trigger Trigger${i} on Contact (before insert) {}\n`);
        }
        fake.addApex('ApexClass', 'ManagedThing', '(hidden)', 'vendor');
        let seen: SourceFile[] = [];
        const context = io({
            scan: (files) => {
                seen = files;
                return emptyResult();
            }
        });
        const outcome = await scanIn(home, { targetOrg: 'scan-org', sync: false }, context);

        expect(outcome.fetched).toMatchObject({ classes: 5200, triggers: 30 });
        const apexFiles = seen.filter((file) => file.path.startsWith('classes/') || file.path.startsWith('triggers/'));
        expect(apexFiles).toHaveLength(5230);
        expect(apexFiles.find((file) => file.path === 'classes/Generated0042.cls')?.content).toContain(
            'class Generated42'
        );
        expect(seen.some((file) => file.path.includes('ManagedThing'))).toBe(false);
        // 26 chunks of at most 200 ids for the classes, and one for the triggers...
        const classChunks = fake.soql.filter((q) => q.startsWith('SELECT Id, Name, Body FROM ApexClass'));
        const triggerChunks = fake.soql.filter((q) => q.startsWith('SELECT Id, Name, Body FROM ApexTrigger'));
        expect(classChunks).toHaveLength(26);
        expect(triggerChunks).toHaveLength(1);
        expect(Math.max(...classChunks.map((q) => (q.match(/'01p[0-9A-Za-z]{15}'/g) ?? []).length))).toBe(200);
        // ... and the size limit split chunks into pages that were followed.
        const pages = fake.requests.filter((r) => r.startsWith('GET /services/data/v62.0/tooling/query/01g'));
        expect(pages.length).toBeGreaterThan(26);
        expect(context.err()).toContain('fetch ApexClass: 5200/5200');
        expect(context.err()).toContain('fetch ApexTrigger: 30/30');
    });

    it('scans with the real engine, using the PHI classification read from the org', async () => {
        const { fake, home } = await org();
        fake.addCustomObject('Patient__c');
        fake.addApex(
            'ApexClass',
            'PatientLogger',
            'public with sharing class PatientLogger {\n    public static void log(Patient__c p) {\n        System.debug(p.Diagnosis__c);\n    }\n}\n'
        );
        const unclassified = await scanIn(home, { targetOrg: 'scan-org', sync: false, objects: ['Patient__c'] }, io());
        expect(unclassified.result.findings.filter((f) => f.ruleId === 'phi-debug-log')).toEqual([]);

        fake.insert('FieldDefinition', {
            QualifiedApiName: 'Diagnosis__c',
            EntityDefinition: { QualifiedApiName: 'Patient__c' },
            SecurityClassification: 'Restricted',
            ComplianceGroup: 'HIPAA'
        });
        const classified = await scanIn(home, { targetOrg: 'scan-org', sync: false, objects: ['Patient__c'] }, io());
        const hit = classified.result.findings.find((f) => f.ruleId === 'phi-debug-log');
        expect(hit).toMatchObject({
            file: 'classes/PatientLogger.cls',
            line: 3,
            componentType: 'ApexClass',
            componentName: 'PatientLogger'
        });
        expect(classified.fetched.classifiedFields).toBe(1);
        // The generated classification files are context, never findings.
        expect(
            classified.result.findings.every((f) => f.file.startsWith('classes/') || f.file.startsWith('triggers/'))
        ).toBe(true);
    });
});

describe('org mode scan --sync', () => {
    it('--sync creates, keeps triage, updates LastSeen, resolves what disappeared and reopens what came back', async () => {
        const { fake, home } = await org();
        fake.addCustomObject('ComplianceFinding__c');
        fake.addApex('ApexClass', 'NoSharing', 'public class NoSharing {\n    public void run() {}\n}\n');
        const alsoNoSharing = fake.addApex(
            'ApexClass',
            'AlsoNoSharing',
            'public class AlsoNoSharing {\n    public void run() {}\n}\n'
        );
        const acceptedRisk = fake.addApex(
            'ApexClass',
            'AcceptedRisk',
            'public without sharing class AcceptedRisk {\n}\n'
        );
        // A finding from another source: an Apex scan must never resolve it.
        fake.insert('ComplianceFinding__c', {
            Fingerprint__c: 'consent:abc',
            ComponentType__c: 'PatientConsent__c',
            Category__c: 'Consent',
            Status__c: 'New'
        });

        const first = await scanIn(
            home,
            { targetOrg: 'scan-org', sync: true },
            io({ now: () => new Date('2026-01-01T00:00:00Z') })
        );
        const apexFindings = first.result.findings;
        expect(apexFindings.length).toBeGreaterThanOrEqual(3);
        expect(first.sync).toMatchObject({ created: apexFindings.length, updated: 0, resolved: 0, failures: [] });
        const rows = (): Array<Record<string, unknown>> => fake.rows('ComplianceFinding__c');
        const byComponent = (name: string): Record<string, unknown> =>
            rows().find((row) => row.ComponentName__c === name) as Record<string, unknown>;
        expect(byComponent('NoSharing')).toMatchObject({
            Status__c: 'New',
            FirstSeen__c: '2026-01-01T00:00:00.000Z',
            Severity__c: expect.stringMatching(/^(Critical|High|Medium|Low|Info)$/)
        });

        // People triage two findings.
        Object.assign(byComponent('NoSharing'), { Status__c: 'Triaged', Justification__c: 'Batch job; reviewed' });
        Object.assign(byComponent('AcceptedRisk'), { Status__c: 'RiskAccepted', Justification__c: 'Legacy, isolated' });
        // The code changes: AlsoNoSharing is fixed, AcceptedRisk deleted.
        Object.assign(
            fake.rows('ApexClass').find((row) => row.Id === alsoNoSharing)!,
            {
                Body: 'public with sharing class AlsoNoSharing {\n    public void run() {}\n}\n'
            }
        );
        fake.remove('ApexClass', acceptedRisk);

        const second = await scanIn(
            home,
            { targetOrg: 'scan-org', sync: true },
            io({ now: () => new Date('2026-02-01T00:00:00Z') })
        );
        expect(second.sync).toMatchObject({ created: 0, reopened: 0, resolved: 1, keptDecisions: 1, failures: [] });
        expect(byComponent('NoSharing')).toMatchObject({
            Status__c: 'Triaged',
            Justification__c: 'Batch job; reviewed',
            FirstSeen__c: '2026-01-01T00:00:00.000Z',
            LastSeen__c: '2026-02-01T00:00:00.000Z'
        });
        expect(byComponent('AlsoNoSharing')).toMatchObject({
            Status__c: 'Resolved',
            ResolvedOn__c: '2026-02-01T00:00:00.000Z'
        });
        expect(byComponent('AcceptedRisk')).toMatchObject({
            Status__c: 'RiskAccepted',
            Justification__c: 'Legacy, isolated'
        });
        expect(rows().find((row) => row.Fingerprint__c === 'consent:abc')).toMatchObject({ Status__c: 'New' });

        // The problem comes back: the resolved finding is reopened, not duplicated.
        Object.assign(
            fake.rows('ApexClass').find((row) => row.Id === alsoNoSharing)!,
            { Body: 'public class AlsoNoSharing {\n    public void run() {}\n}\n' }
        );
        const third = await scanIn(
            home,
            { targetOrg: 'scan-org', sync: true },
            io({ now: () => new Date('2026-03-01T00:00:00Z') })
        );
        expect(third.sync).toMatchObject({ created: 0, reopened: 1 });
        expect(byComponent('AlsoNoSharing')).toMatchObject({ Status__c: 'New', ResolvedOn__c: null });
        expect(rows().filter((row) => row.ComponentName__c === 'AlsoNoSharing')).toHaveLength(1);

        // Same code, same findings: nothing new, nothing resolved.
        const fourth = await scanIn(home, { targetOrg: 'scan-org', sync: true }, io());
        expect(fourth.sync).toMatchObject({ created: 0, reopened: 0, resolved: 0 });
    });
});

describe('org mode scan, writing and retrying', () => {
    it('refuses --sync with a clear message when Warden is not installed', async () => {
        const { fake, home } = await org();
        fake.addApex('ApexClass', 'Plain', 'public with sharing class Plain {}\n');
        await expect(scanIn(home, { targetOrg: 'scan-org', sync: true }, io())).rejects.toThrow(
            'This org has no ComplianceFinding__c object'
        );
    });

    it('retries a body chunk after a network error or a 503, and refreshes an expired session mid-fetch', async () => {
        const { fake, home } = await org();
        for (let i = 0; i < 450; i++) fake.addApex('ApexClass', `C${i}`, `public with sharing class C${i} {}\n`);
        fake.inject({ match: /tooling\/query$/, fail: 'network', times: 1, skip: 2 });
        fake.inject({ match: /tooling\/query$/, fail: 'http503', times: 1, skip: 1 });
        fake.inject({ match: /tooling\/query$/, fail: 'invalidSession', times: 1, skip: 1 });
        const context = io({ scan: () => emptyResult() });
        const outcome = await scanIn(home, { targetOrg: 'scan-org', sync: false }, context);
        expect(outcome.fetched.classes).toBe(450);
        expect(context.err()).toMatch(
            /retrying fetch ApexClass bodies in 0\.5s \(attempt 2\): fetch ApexClass bodies: network error/
        );
        expect(context.err()).toMatch(/temporarily unavailable \(HTTP 503\)/);
        expect(fake.requests).toContain('POST /services/oauth2/token');
    });

    it('upserts findings in batches of 200 through sObject Collections', async () => {
        const { fake, home } = await org();
        fake.addCustomObject('ComplianceFinding__c');
        for (let i = 0; i < 450; i++)
            fake.addApex('ApexClass', `Bare${i}`, `public class Bare${i} {\n    public void run() {}\n}\n`);
        const outcome = await scanIn(home, { targetOrg: 'scan-org', sync: true }, io());
        expect(outcome.sync?.created).toBe(outcome.result.findings.length);
        expect(outcome.result.findings.length).toBeGreaterThanOrEqual(450);
        const upserts = fake.requests.filter(
            (r) => r === 'PATCH /services/data/v62.0/composite/sobjects/ComplianceFinding__c/Fingerprint__c'
        );
        expect(upserts).toHaveLength(Math.ceil(outcome.result.findings.length / 200));
    });
});
