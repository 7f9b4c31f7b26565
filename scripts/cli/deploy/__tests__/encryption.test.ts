/**
 * The `encryption` step of `warden deploy` against the fake org, with and without a Shield Platform Encryption
 * licence: what it plans for Warden's PHI-bearing fields and for the fields the org tagged PHI (deterministic
 * where they must stay filterable, probabilistic otherwise), what it reports it cannot encrypt and why, that
 * it writes only with the licence, the permission and an active key, and that a second run changes nothing.
 */
import type { FakeOrgOptions } from '../../../dev/fake-org/server';
import { decide } from '../steps/encryption';
import { STEP_IDS, type StepPlan, type StepResult } from '../steps/types';
import { DEFAULT_CONFIG, Harness } from './harness';

jest.setTimeout(30000);

const harnesses: Harness[] = [];
afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.close()));
});

/** An org with Warden's objects deployed and a Patient__c object whose fields the org classified. */
async function org(options: FakeOrgOptions, schemes: Record<string, string> = {}): Promise<Harness> {
    const h = await new Harness(options).start(DEFAULT_CONFIG);
    harnesses.push(h);
    const fake = h.fake;
    ['InferenceLog__c', 'PatientConsent__c', 'Patient__c'].forEach((name) => fake.addCustomObject(name));
    const field = (name: string, record: Record<string, unknown>, complianceGroup?: string): void => {
        fake.setMetadata('CustomField', name, { label: name, ...record, encryptionScheme: schemes[name] ?? 'None' });
        const [object, api] = name.split('.');
        if (complianceGroup) {
            fake.insert('FieldDefinition', {
                QualifiedApiName: api,
                EntityDefinition: { QualifiedApiName: object },
                SecurityClassification: 'Restricted',
                ComplianceGroup: complianceGroup
            });
        }
    };
    field('InferenceLog__c.RecordId__c', { type: 'Text', length: 18, externalId: 'false' });
    field('PatientConsent__c.SourceRecordId__c', { type: 'Text', length: 18, externalId: 'true' });
    field('PatientConsent__c.Patient__c', { type: 'Lookup', referenceTo: 'Contact' });
    field('Patient__c.MRN__c', { type: 'Text', length: 20, externalId: 'true' }, 'PHI;HIPAA');
    field('Patient__c.Diagnosis__c', { type: 'Text', length: 255 }, 'HIPAA');
    field('Patient__c.History__c', { type: 'LongTextArea', length: 32768 }, 'PHI');
    field('Patient__c.Age__c', { type: 'Number', precision: 3, scale: 0 }, 'PHI');
    field('Patient__c.Initials__c', { type: 'Text', formula: 'LEFT(Name, 1)' }, 'PHI');
    field('Patient__c.Ward__c', { type: 'Text', length: 20 }, 'PII');
    return h;
}

const ONLY_ENCRYPTION = STEP_IDS.filter((id) => id !== 'encryption');

async function deploy(h: Harness): Promise<{ code: number; step: StepPlan; result: StepResult; verified: string }> {
    const outcome = await h.run({ json: true, skip: [...ONLY_ENCRYPTION] });
    const report = JSON.parse(outcome.stdout) as {
        plan: StepPlan[];
        results: StepResult[];
        verification: Record<string, string>;
    };
    return {
        code: outcome.code,
        step: report.plan.find((entry) => entry.id === 'encryption')!,
        result: report.results.find((entry) => entry.id === 'encryption')!,
        verified: report.verification.encryption
    };
}

const CANNOT = [
    'cannot encrypt PatientConsent__c.Patient__c (Warden): type Lookup cannot be encrypted (text, text area, long and rich text, email, phone, URL, date and date/time can)',
    'cannot encrypt Patient__c.Age__c (tagged PHI): type Number cannot be encrypted (text, text area, long and rich text, email, phone, URL, date and date/time can)',
    'cannot encrypt Patient__c.Initials__c (tagged PHI): a formula field: its value is computed, encrypt the fields it reads'
];

describe('warden deploy encryption: without Shield Platform Encryption', () => {
    it('says the licence is missing, lists the PHI left unencrypted and what it could not encrypt, and writes nothing', async () => {
        const h = await org({ platformEncryption: false });
        const { code, step } = await deploy(h);
        expect(code).toBe(0);
        expect(step).toMatchObject({ status: 'unavailable', blocker: 'licence' });
        expect(step.reason).toBe('Shield Platform Encryption is not licensed in this org');
        expect(step.notes).toEqual([
            'would encrypt InferenceLog__c.RecordId__c (Warden), deterministic, case-sensitive: the consent console groups on it',
            'would encrypt PatientConsent__c.SourceRecordId__c (Warden), deterministic, case-sensitive: an external id',
            'would encrypt Patient__c.Diagnosis__c (tagged PHI), probabilistic: not filtered on',
            'would encrypt Patient__c.History__c (tagged PHI), probabilistic: not filtered on',
            'would encrypt Patient__c.MRN__c (tagged PHI), deterministic, case-sensitive: an external id or unique field',
            ...CANNOT
        ]);
        expect(h.writes()).toEqual([]);
    });
});

describe('warden deploy encryption: with Shield Platform Encryption', () => {
    it('encrypts each PHI field with its scheme, verifies, and changes nothing on a second run', async () => {
        const h = await org({ platformEncryption: true });
        h.fake.insert('TenantSecret', { Type: 'Data', Status: 'ACTIVE', Version: 1 });
        const { code, step, result, verified } = await deploy(h);
        expect(code).toBe(0);
        expect(step.status).toBe('update');
        expect(step.changes).toHaveLength(5);
        expect(step.notes).toEqual(CANNOT);
        expect(result.status).toBe('updated');
        expect(verified).toBe('yes');
        const scheme = (name: string): unknown => h.fake.metadataRecord('CustomField', name)?.encryptionScheme;
        expect(scheme('Patient__c.MRN__c')).toBe('CaseSensitiveDeterministicEncryption');
        expect(scheme('InferenceLog__c.RecordId__c')).toBe('CaseSensitiveDeterministicEncryption');
        expect(scheme('Patient__c.Diagnosis__c')).toBe('ProbabilisticEncryption');
        expect(scheme('Patient__c.History__c')).toBe('ProbabilisticEncryption');
        expect(scheme('Patient__c.Ward__c')).toBe('None');
        expect(scheme('Patient__c.Age__c')).toBe('None');
        expect(h.fake.metadataRecord('CustomField', 'Patient__c.MRN__c')).toMatchObject({
            label: 'Patient__c.MRN__c',
            length: '20'
        });

        const writes = h.writes().length;
        const again = await deploy(h);
        expect(again.step.status).toBe('unchanged');
        expect(again.step.notes[0]).toBe('5 PHI fields already encrypted as planned');
        expect(h.writes()).toHaveLength(writes);
    });

    it('moves a filtered field from probabilistic to deterministic', async () => {
        const h = await org({ platformEncryption: true }, { 'Patient__c.MRN__c': 'ProbabilisticEncryption' });
        h.fake.insert('TenantSecret', { Type: 'Data', Status: 'ACTIVE', Version: 1 });
        const { step } = await deploy(h);
        expect(step.changes).toContain(
            'change ProbabilisticEncryption to Patient__c.MRN__c (tagged PHI), deterministic, case-sensitive: an external id or unique field'
        );
    });

    it('needs an active data key: plans nothing and points to BYOK and cache-only keys', async () => {
        const h = await org({ platformEncryption: true });
        h.fake.insert('TenantSecret', { Type: 'Data', Status: 'ARCHIVED', Version: 1 });
        const { code, step } = await deploy(h);
        expect(code).toBe(0);
        expect(step).toMatchObject({ status: 'unavailable', blocker: 'dependency' });
        expect(step.remedy).toMatch(/BYOK.*cache-only/);
        expect(h.writes()).toEqual([]);
    });

    it('needs "Manage Encryption Keys": without it the run fails and says so', async () => {
        const h = await org({ platformEncryption: true, runningUser: { manageEncryptionKeys: false } });
        h.fake.insert('TenantSecret', { Type: 'Data', Status: 'ACTIVE', Version: 1 });
        const { code, step } = await deploy(h);
        expect(code).toBe(1);
        expect(step).toMatchObject({ status: 'unavailable', blocker: 'permission' });
        expect(step.reason).toMatch(/Manage Encryption Keys/);
        expect(h.writes()).toEqual([]);
    });
});

describe('warden deploy encryption: where the managed package is installed', () => {
    it("names Warden's fields with the namespace, as the org knows them", async () => {
        const h = await new Harness({ platformEncryption: true }).start(DEFAULT_CONFIG);
        harnesses.push(h);
        ['warden__InferenceLog__c', 'warden__PatientConsent__c'].forEach((name) => h.fake.addCustomObject(name));
        h.fake.setMetadata('CustomField', 'warden__InferenceLog__c.warden__RecordId__c', {
            label: 'Record Id',
            type: 'Text',
            length: 18,
            externalId: 'false',
            encryptionScheme: 'None'
        });
        h.fake.insert('TenantSecret', { Type: 'Data', Status: 'ACTIVE', Version: 1 });
        const { step } = await deploy(h);
        expect(step.changes).toContain(
            'encrypt warden__InferenceLog__c.warden__RecordId__c (Warden), deterministic, case-sensitive: the consent console groups on it'
        );
        // Before, the step looked for InferenceLog__c.RecordId__c and reported it not found in the org.
        expect(step.notes.filter((note) => note.includes('InferenceLog__c'))).toEqual([]);
        expect(
            h.fake.metadataRecord('CustomField', 'warden__InferenceLog__c.warden__RecordId__c')?.encryptionScheme
        ).toBe('CaseSensitiveDeterministicEncryption');
    });
});

describe('warden deploy encryption: the choice of scheme', () => {
    it.each([
        [{ type: 'Email' }, undefined, 'ProbabilisticEncryption'],
        [{ type: 'Text', unique: 'true' }, undefined, 'CaseSensitiveDeterministicEncryption'],
        [{ type: 'Date' }, 'filtered by a report', 'CaseSensitiveDeterministicEncryption']
    ])('%j (filtered: %s) gets %s', (record, deterministic, scheme) => {
        expect(decide({ field: 'X__c.Y__c', source: 'org', deterministic }, record)).toMatchObject({ scheme });
    });

    it('refuses deterministic encryption of long text that must stay filterable', () => {
        expect(decide({ field: 'X__c.Y__c', source: 'org' }, { type: 'LongTextArea', externalId: 'true' })).toEqual({
            cannot: 'must stay filterable (an external id or unique field) but deterministic encryption does not take LongTextArea'
        });
    });
});
