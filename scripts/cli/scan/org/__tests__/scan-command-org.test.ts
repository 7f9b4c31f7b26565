/**
 * `warden scan` in org mode, through the command line's own argument handling, against the test org:
 * the same reports, exit codes, --rules and baselines as a local scan, --sync, and the errors an admin
 * meets (no such org, org options without an org).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanIo } from '../../command';
import { FakeOrg } from '../../../../dev/fake-org/server';
import { SfHome, sfHomeForFakeOrg } from '../../../../dev/testing/sf-state';

jest.setTimeout(60000);

const fakes: FakeOrg[] = [];
const folders: string[] = [];
const homes: SfHome[] = [];

afterAll(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
    homes.forEach((home) => home.remove());
});

async function org(): Promise<{ fake: FakeOrg; home: SfHome }> {
    const fake = new FakeOrg();
    fakes.push(fake);
    await fake.start();
    const home = await sfHomeForFakeOrg(fake, 'scan-org');
    homes.push(home);
    fake.addApex('ApexClass', 'NoSharing', 'public class NoSharing {\n    public void run() {}\n}\n');
    fake.addApex('ApexClass', 'Shared', 'public with sharing class Shared {\n    public void run() {}\n}\n');
    return { fake, home };
}

/** `warden scan` with the logins of `home`, the fake org on http://127.0.0.1 allowed. */
function scan(home: SfHome, args: string[], io: ScanIo): Promise<number> {
    return home.use(() => runScan([...args, '--allow-insecure-localhost'], io));
}

function capture(cwd: string): { io: ScanIo; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
        io: {
            stdout: { write: (text: string) => (out += text), isTTY: false },
            stderr: { write: (text: string) => (err += text), isTTY: false },
            env: {},
            cwd
        },
        out: () => out,
        err: () => err
    };
}

describe('warden scan --target-org', () => {
    it('scans the org and reports like a local scan, with exit codes, --rules and a baseline', async () => {
        const { fake, home } = await org();
        const work = mkdtempSync(join(tmpdir(), 'warden-scan-org-cli-'));
        folders.push(work);

        const json = capture(work);
        expect(await scan(home, ['--target-org', 'scan-org', '--format', 'json'], json.io)).toBe(1);
        const report = JSON.parse(json.out()) as {
            root: string;
            findings: Array<{ ruleId: string; file: string; componentName: string; fingerprint: string }>;
        };
        expect(report.root).toBe(fake.url);
        expect(report.findings).toEqual([
            expect.objectContaining({
                ruleId: 'sharing-missing',
                file: 'classes/NoSharing.cls',
                componentName: 'NoSharing'
            })
        ]);
        expect(json.err()).toContain('fetch ApexClass: 2/2');

        const other = capture(work);
        expect(await scan(home, ['-o', 'scan-org', '--rules', 'soql-injection'], other.io)).toBe(0);
        expect(other.out()).toContain('No findings.');

        const baseline = join(work, 'baseline.json');
        expect(await scan(home, ['-o', 'scan-org', '--write-baseline', baseline], capture(work).io)).toBe(1);
        expect(readFileSync(baseline, 'utf8')).toContain(report.findings[0].fingerprint);
        const known = capture(work);
        expect(await scan(home, ['-o', 'scan-org', '--baseline', baseline], known.io)).toBe(0);
    });

    it('--sync writes the findings to ComplianceFinding__c', async () => {
        const { fake, home } = await org();
        fake.addCustomObject('ComplianceFinding__c');
        const sync = capture(home.dir);
        expect(await scan(home, ['--target-org', 'scan-org', '--sync', '--format', 'sarif'], sync.io)).toBe(1);
        expect(sync.err()).toContain('synced ComplianceFinding__c: 1 new');
        expect(fake.rows('ComplianceFinding__c')).toEqual([
            expect.objectContaining({ ComponentName__c: 'NoSharing', Status__c: 'New' })
        ]);
        expect((JSON.parse(sync.out()) as { version: string }).version).toBe('2.1.0');
    });

    it('says what to do when the org is unknown, and refuses org options without an org', async () => {
        const { home } = await org();
        const unknown = capture(home.dir);
        expect(await scan(home, ['--target-org', 'nosuch'], unknown.io)).toBe(2);
        expect(unknown.err()).toContain('What to do:');
        expect(unknown.out()).toBe('');

        for (const args of [['--sync'], ['--objects', 'Patient__c'], ['--username', 'a@b.c']]) {
            const usage = capture(home.dir);
            expect(await scan(home, args, usage.io)).toBe(2);
            expect(usage.err()).toContain(
                `${args[0]} is for org mode: add --target-org <org>, --jwt-key-file or --org`
            );
        }
    });
});
