/**
 * Tests of the change-data-capture step for `warden stream`: InferenceLog__c named once in warden.deploy.json is
 * selected on the ChangeEvents channel under the name the org knows it by (the managed namespace where the
 * package is installed), a second run changes nothing, and a full allocation ends in a message, not a crash.
 */
import { DEFAULT_CONFIG, Harness } from './harness';

jest.setTimeout(30000);

const harnesses: Harness[] = [];

async function harness(options: ConstructorParameters<typeof Harness>[0] = {}): Promise<Harness> {
    const h = await new Harness(options).start({
        ...DEFAULT_CONFIG,
        changeDataCapture: { objects: ['Contact', 'InferenceLog__c'] }
    });
    harnesses.push(h);
    return h;
}

afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.close()));
});

const MANAGED_MEMBER = 'ChangeEvents_warden__InferenceLog__ChangeEvent';

describe('warden deploy: Change Data Capture of the log for warden stream', () => {
    it('selects the managed log by its namespaced change event, once', async () => {
        const h = await harness();
        h.fake.addCustomObject('warden__InferenceLog__c');
        const outcome = await h.run({ skip: ['package'] });
        expect(outcome.stdout).toMatch(/6\. Enable Change Data Capture\s+created/);
        expect(outcome.stdout).toContain('select warden__InferenceLog__ChangeEvent on the ChangeEvents channel');
        expect(h.fake.metadataRecord('PlatformEventChannelMember', MANAGED_MEMBER)).toMatchObject({
            eventChannel: 'ChangeEvents',
            selectedEntity: 'warden__InferenceLog__ChangeEvent'
        });
        expect(h.fake.metadataRecord('PlatformEventChannelMember', 'ChangeEvents_InferenceLog__ChangeEvent')).toBe(
            undefined
        );
        const mark = h.fake.requests.length;
        const again = await h.run({ skip: ['package'] });
        expect(again.stdout).toMatch(/6\. Enable Change Data Capture\s+unchanged/);
        expect(h.writes(mark).filter((request) => request === 'upsertMetadata')).toEqual([]);
    });

    it('keeps the unprefixed name where the source was deployed unmanaged', async () => {
        const h = await harness();
        h.fake.addCustomObject('InferenceLog__c');
        h.fake.addCustomObject('warden__InferenceLog__c');
        await h.run({ skip: ['package'] });
        expect(
            h.fake.metadataRecord('PlatformEventChannelMember', 'ChangeEvents_InferenceLog__ChangeEvent')
        ).toMatchObject({ selectedEntity: 'InferenceLog__ChangeEvent' });
        expect(h.fake.metadataRecord('PlatformEventChannelMember', MANAGED_MEMBER)).toBeUndefined();
    });

    it('says the allocation is used up when the log does not fit, as unavailable rather than failed', async () => {
        const h = await harness({ cdcEntityLimit: 1 });
        h.fake.addCustomObject('warden__InferenceLog__c');
        const outcome = await h.run({ skip: ['package'] });
        // Planned as a creation, reported as a licence matter, not a failure (the exit code is the other steps': they
        // need the package this org lacks).
        expect(outcome.stdout).toMatch(/6\. Enable Change Data Capture\s+create/);
        expect(outcome.stdout).toMatch(/6\. Enable Change Data Capture\s+unavailable/);
        expect(outcome.stdout).not.toMatch(/6\. Enable Change Data Capture\s+failed/);
        expect(outcome.stdout).toContain(`${MANAGED_MEMBER}: LIMIT_EXCEEDED`);
        expect(outcome.stdout).toContain('Change Data Capture entity allocation');
    });
});
