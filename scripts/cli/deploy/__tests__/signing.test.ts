/**
 * `warden deploy` signs chain checkpoints by default: it creates (or uses the named) certificate and points the
 * org default of WardenSettings__c at it; unsigned checkpoints are an explicit opt-out, reported on every run.
 * Against the fake org, each followed by a re-run that must change nothing.
 */
import { parseConfig } from '../config';
import { DEFAULT_CERTIFICATE } from '../steps/signing';
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

function orgDefault(h: Harness): Record<string, unknown> | undefined {
    const orgId = h.fake.rows('Organization')[0]?.Id;
    return h.fake.rows('WardenSettings__c').find((row) => row.SetupOwnerId === orgId);
}

async function expectNothingToChange(h: Harness): Promise<string> {
    const mark = h.fake.requests.length;
    const again = await h.run();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/9\. Sign chain checkpoints\s+unchanged/);
    expect(h.writes(mark)).toEqual([]);
    return again.stdout;
}

describe('warden deploy: checkpoint signing', () => {
    it('creates the default certificate and signs with it, then changes nothing', async () => {
        const h = await harness();
        const plan = await h.run({ dryRun: true, yes: false });
        expect(plan.stdout).toContain(`create the self-signed certificate ${DEFAULT_CERTIFICATE}`);
        expect(h.writes()).toEqual([]);

        const first = await h.run();
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/9\. Sign chain checkpoints\s+created\s+yes/);
        expect(h.fake.metadataRecord('Certificate', DEFAULT_CERTIFICATE)).toMatchObject({
            caSigned: 'false',
            keySize: '4096',
            privateKeyExportable: 'false'
        });
        expect(orgDefault(h)).toMatchObject({
            SigningCertificate__c: DEFAULT_CERTIFICATE,
            UnsignedCheckpoints__c: false
        });
        expect(h.fake.rows('WardenSettings__c')).toHaveLength(1);
        await expectNothingToChange(h);
    });

    it('uses a certificate the config names, and refuses one the org does not have', async () => {
        const named = { ...DEFAULT_CONFIG, checkpointSigning: { certificate: 'Hospital_Audit_Signing' } };
        const h = await harness(named);
        const missing = await h.run();
        expect(missing.code).not.toBe(0);
        expect(missing.stdout).toContain('checkpointSigning.certificate names Hospital_Audit_Signing');
        expect(orgDefault(h)).toBeUndefined();

        h.fake.setMetadata('Certificate', 'Hospital_Audit_Signing', {
            masterLabel: 'Hospital audit',
            caSigned: 'true',
            expirationDate: new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10)
        });
        const second = await h.run();
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(/certificate Hospital_Audit_Signing expires in \d+ day\(s\)/);
        expect(h.fake.metadataRecord('Certificate', DEFAULT_CERTIFICATE)).toBeUndefined();
        expect(orgDefault(h)).toMatchObject({ SigningCertificate__c: 'Hospital_Audit_Signing' });
        await expectNothingToChange(h);
    });

    it('records an unsigned opt-out, says what it gives up on every run, and switches back', async () => {
        const h = await harness({ ...DEFAULT_CONFIG, checkpointSigning: { unsigned: true } });
        const first = await h.run();
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('checkpoints will NOT be signed');
        expect(h.fake.metadataRecord('Certificate', DEFAULT_CERTIFICATE)).toBeUndefined();
        expect(orgDefault(h)).toMatchObject({ SigningCertificate__c: null, UnsignedCheckpoints__c: true });
        expect(await expectNothingToChange(h)).toContain('checkpoints will NOT be signed');

        // Back to the default: the same record is updated, not a second one created.
        h.writeConfig(DEFAULT_CONFIG);
        const signed = await h.run();
        expect(signed.code).toBe(0);
        expect(signed.stdout).toMatch(/9\. Sign chain checkpoints\s+created/);
        expect(orgDefault(h)).toMatchObject({
            SigningCertificate__c: DEFAULT_CERTIFICATE,
            UnsignedCheckpoints__c: false
        });
        expect(h.fake.rows('WardenSettings__c')).toHaveLength(1);
    });

    it('writes the managed package setting by its namespaced names where only that one exists', async () => {
        const h = await harness();
        h.fake.addCustomObject('warden__WardenSettings__c');
        const outcome = await h.run({ skip: ['package'] });
        expect(outcome.stdout).toMatch(/9\. Sign chain checkpoints\s+created\s+yes/);
        const orgId = h.fake.rows('Organization')[0]?.Id;
        expect(h.fake.rows('warden__WardenSettings__c')).toEqual([
            expect.objectContaining({
                SetupOwnerId: orgId,
                warden__SigningCertificate__c: DEFAULT_CERTIFICATE,
                warden__UnsignedCheckpoints__c: false
            })
        ]);
        expect(h.fake.rows('WardenSettings__c')).toEqual([]);
    });

    it('reports the step unavailable while the package and its setting are not in the org', async () => {
        const h = await harness();
        const outcome = await h.run({ skip: ['package'] });
        expect(outcome.stdout).toMatch(/9\. Sign chain checkpoints\s+unavailable/);
        expect(outcome.stdout).toContain('the custom setting WardenSettings__c is not in the org');
        expect(h.fake.metadataRecord('Certificate', DEFAULT_CERTIFICATE)).toBeUndefined();
    });

    it('rejects a malformed certificate name and a contradictory opt-out before touching the org', () => {
        expect(() => parseConfig({ checkpointSigning: { certificate: 'bad name' } })).toThrow(
            "checkpointSigning.certificate must be a certificate's unique name"
        );
        expect(() => parseConfig({ checkpointSigning: { certificate: 'A_b', unsigned: true } })).toThrow(
            'either certificate or unsigned'
        );
        expect(() => parseConfig({ checkpointSigning: { signed: true } })).toThrow('unknown key(s) signed');
        expect(parseConfig({}).checkpointSigning).toEqual({ certificate: undefined, unsigned: false });
    });
});
