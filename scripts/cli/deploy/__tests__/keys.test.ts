/**
 * The keys step of `warden deploy` against the test org: a fresh install gets key version 1, recorded with its
 * reason; a second run changes nothing; keys.rotateAfterDays rotates an old key; a lost answer never rotates twice;
 * a user without WardenAdmin is told what to do; and no query ever selects a key column.
 */
import { parseConfig } from '../config';
import { keyNeed, rotateScript } from '../steps/keys';
import { DEFAULT_CONFIG, Harness } from './harness';

jest.setTimeout(30000);

const harnesses: Harness[] = [];

async function harness(config: unknown = DEFAULT_CONFIG): Promise<Harness> {
    const h = await new Harness().start(config);
    harnesses.push(h);
    return h;
}

afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.close()));
});

const STEP = '10. Create or rotate the pseudonymization keys';
const KEY_COLUMNS = /EncryptionKey__c|MacKey__c|PseudonymKey__c|SubjectKey__c/;

function rotations(h: Harness) {
    return h.fake.rows('RecordChange__c').filter((row) => row.Action__c === 'KeyRotated');
}

describe('warden deploy: the keys step', () => {
    it('creates key version 1 on a fresh install, records why, and leaves it alone on the next run', async () => {
        const h = await harness();
        const first = await h.run();
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(new RegExp(`${STEP.replace('.', '\\.')}\\s+created\\s+yes`));
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: ['v1 (active)'] });
        expect(rotations(h)).toEqual([
            expect.objectContaining({
                FromValue__c: null,
                ToValue__c: 'v1',
                Reason__c: expect.stringContaining('initial set-up')
            })
        ]);

        const mark = h.fake.requests.length;
        const second = await h.run();
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(/key version 1 active since \d{4}-\d{2}-\d{2} \(1 kept\)/);
        expect(h.fake.requests.slice(mark).filter((r) => r.includes('executeAnonymous'))).toEqual([]);
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: ['v1 (active)'] });
        expect(h.fake.soql.filter((q) => q.includes('WardenKeyring__c')).length).toBeGreaterThan(0);
        expect(h.fake.soql.filter((q) => KEY_COLUMNS.test(q))).toEqual([]);
    });

    it('rotates a key older than keys.rotateAfterDays, keeping the old version', async () => {
        const h = await harness({ ...DEFAULT_CONFIG, keys: { rotateAfterDays: 365 } });
        h.fake.insert('WardenKeyring__c', {
            Name: 'v1',
            KeyVersion__c: 1,
            Active__c: true,
            CreatedAt__c: new Date(Date.now() - 400 * 86400000).toISOString()
        });
        const outcome = await h.run();
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/rotate the pseudonymization keys: key version 1 is 400 days old/);
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: ['v1', 'v2 (active)'] });
        expect(rotations(h)).toEqual([expect.objectContaining({ FromValue__c: 'v1', ToValue__c: 'v2' })]);
    });

    it('never rotates twice when the answer to the key script is lost', async () => {
        const h = await harness();
        h.fake.inject({ match: /executeAnonymous/, fail: 'dropResponse', times: 1 });
        const outcome = await h.run({ skip: ['schedules'] });
        expect(outcome.code).toBe(0);
        expect(h.fake.requests.filter((r) => r.includes('executeAnonymous'))).toHaveLength(1);
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: ['v1 (active)'] });
        expect(rotations(h)).toHaveLength(1);
    });

    it('tells a user without WardenAdmin to get it, and creates nothing', async () => {
        const h = await harness({ ...DEFAULT_CONFIG, assignments: { WardenAuditor: ['auditor@warden.test'] } });
        const outcome = await h.run();
        expect(outcome.code).not.toBe(0);
        expect(outcome.stdout).toMatch(new RegExp(`${STEP.replace('.', '\\.')}\\s+unavailable`));
        expect(outcome.stdout).toContain('does not hold WardenAdmin');
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: [] });
    });

    it('sends an org with the installed package to the console, and reads or creates nothing', async () => {
        const h = await harness();
        h.fake.addCustomObject('warden__WardenKeyring__c');
        const outcome = await h.run({ skip: ['package'] });
        expect(outcome.stdout).toMatch(new RegExp(`${STEP.replace('.', '\\.')}\\s+unavailable`));
        expect(outcome.stdout).toContain('key panel');
        expect(h.fake.snapshot()).toMatchObject({ keyVersions: [] });
    });
});

describe('the keys step: its rules', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const since = (days: number) => new Date(now.getTime() - days * 86400000);

    it('creates when no key is active, rotates only past the configured age', () => {
        expect(keyNeed({ activeVersion: null, activeSince: null, versions: 2 }, null, now)).toMatchObject({
            fromVersion: null
        });
        expect(keyNeed({ activeVersion: 3, activeSince: since(900), versions: 3 }, null, now)).toBeNull();
        expect(keyNeed({ activeVersion: 3, activeSince: since(89), versions: 3 }, 90, now)).toBeNull();
        expect(keyNeed({ activeVersion: 3, activeSince: since(90), versions: 3 }, 90, now)).toMatchObject({
            fromVersion: 3
        });
    });

    it('escapes the reason into the Apex string', () => {
        expect(rotateScript("it's\nnew")).toContain("WardenKeyAdmin.rotate('it\\'s\\nnew');");
    });

    it('refuses a rotation age that is not a whole number of days from 1 to 3650', () => {
        for (const bad of [0, -1, 1.5, '30', 4000]) {
            expect(() => parseConfig({ keys: { rotateAfterDays: bad } })).toThrow(/keys\.rotateAfterDays/);
        }
        expect(() => parseConfig({ keys: { rotateEvery: 30 } })).toThrow(/keys/);
        expect(parseConfig({}).keys).toEqual({ rotateAfterDays: null });
        expect(parseConfig({ keys: { rotateAfterDays: 365 } }).keys).toEqual({ rotateAfterDays: 365 });
    });
});
