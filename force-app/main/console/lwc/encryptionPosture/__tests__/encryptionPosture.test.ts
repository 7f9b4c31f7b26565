import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import EncryptionPosturePanel, { unencryptedRows } from 'c/encryptionPosture';
import getEncryptionPosture from '@salesforce/apex/WardenEncryptionController.getEncryptionPosture';
import type { EncryptionPosture, PhiField } from 'c/consoleContracts';

jest.mock('@salesforce/apex/WardenEncryptionController.getEncryptionPosture', () => ({ default: jest.fn() }), {
    virtual: true
});
// Templates with their placeholders, so the tests read the counts and types the panel names.
jest.mock('@salesforce/label/c.EncryptionSummary', () => ({ default: '{0} of {1} unencrypted' }), { virtual: true });
jest.mock('@salesforce/label/c.EncryptionAllEncrypted', () => ({ default: 'all {0} encrypted' }), { virtual: true });
jest.mock('@salesforce/label/c.EncryptionActionCannot', () => ({ default: 'cannot {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.EncryptionSourceTagged', () => ({ default: 'tagged {0}' }), { virtual: true });

const getPosture = getEncryptionPosture as unknown as jest.Mock;

const field = (name: string, type: string, rest: Partial<PhiField> = {}): PhiField => {
    const [objectName, fieldName] = name.split('.');
    return {
        objectName,
        fieldName,
        label: fieldName,
        source: 'Warden',
        tags: null,
        type,
        encrypted: false,
        encryptable: type !== 'REFERENCE' && type !== 'DOUBLE',
        ...rest
    };
};

const POSTURE: EncryptionPosture = {
    shieldLicensed: true,
    tagsRead: true,
    objectsChecked: ['Account', 'Contact'],
    fields: [
        field('InferenceLog__c.RecordId__c', 'STRING', { encrypted: true }),
        field('PatientConsent__c.Patient__c', 'REFERENCE'),
        field('PatientConsent__c.SourceRecordId__c', 'STRING'),
        field('Contact.Birthdate', 'DATE', { source: 'Tagged', tags: 'GDPR;PHI' })
    ]
};

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(posture: EncryptionPosture | Error): Promise<HTMLElement> {
    if (posture instanceof Error) getPosture.mockRejectedValue(posture);
    else getPosture.mockResolvedValue(posture);
    const element = createElement('c-encryption-posture', { is: EncryptionPosturePanel });
    document.body.appendChild(element);
    await flush();
    return element;
}

const text = (element: HTMLElement, id: string): string | undefined =>
    element.shadowRoot?.querySelector(`[data-id="${id}"]`)?.textContent?.trim();

function actions(element: HTMLElement): Record<string, string> {
    const rows = Array.from(element.shadowRoot?.querySelectorAll('[data-field]') ?? []) as HTMLElement[];
    return Object.fromEntries(
        rows.map((row) => [row.dataset.field, row.querySelector('[data-id="action"]')?.textContent])
    );
}

describe('c-encryption-posture', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('lists the unencrypted PHI fields with what to do, the ones warden deploy can encrypt first', async () => {
        const element = await mount(POSTURE);
        expect(text(element, 'licence')).toBe('c.EncryptionShield');
        expect(text(element, 'summary')).toBe('3 of 4 unencrypted');
        expect(actions(element)).toEqual({
            'PatientConsent__c.SourceRecordId__c': 'c.EncryptionActionDeploy',
            'Contact.Birthdate': 'c.EncryptionActionDeploy',
            'PatientConsent__c.Patient__c': 'cannot REFERENCE'
        });
        const keys = Object.keys(actions(element));
        expect(keys[keys.length - 1]).toBe('PatientConsent__c.Patient__c');
        expect(text(element, 'guidance')).toBe('c.EncryptionGuidance');
        expect(text(element, 'limits')).toContain('c.EncryptionLimits');
        expect(text(element, 'tags-unread')).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('says the org has no Shield and that encrypting needs a licence first', async () => {
        const element = await mount({ ...POSTURE, shieldLicensed: false });
        expect(text(element, 'licence')).toBe('c.EncryptionNoShield');
        expect(actions(element)['Contact.Birthdate']).toBe('c.EncryptionActionLicence');
        expect(actions(element)['PatientConsent__c.Patient__c']).toBe('cannot REFERENCE');
    });

    it('says every PHI field is encrypted, with no table, when none is left', async () => {
        const element = await mount({
            ...POSTURE,
            fields: POSTURE.fields.map((candidate) => ({ ...candidate, encrypted: true }))
        });
        expect(text(element, 'summary')).toBe('all 4 encrypted');
        expect(element.shadowRoot?.querySelector('[data-id="fields"]')).toBeNull();
    });

    it('warns that only Warden fields are listed when the org tags could not be read', async () => {
        const element = await mount({ ...POSTURE, tagsRead: false, objectsChecked: [] });
        expect(text(element, 'tags-unread')).toBe('c.EncryptionTagsUnread');
    });

    it('shows a refusal as one readable line naming the permission', async () => {
        const element = await mount(Object.assign(new Error('no'), { body: { message: 'No access' } }));
        expect(text(element, 'error')).toBe('c.ConsoleErrorTitle: c.ConsoleNeedPermission');
        expect(element.shadowRoot?.querySelector('[data-id="summary"]')).toBeNull();
    });

    it('names why a tagged field is PHI', () => {
        const rows = unencryptedRows(POSTURE);
        expect(rows.find((row) => row.key === 'Contact.Birthdate')?.source).toBe('tagged GDPR;PHI');
        expect(rows.find((row) => row.key === 'PatientConsent__c.SourceRecordId__c')?.source).toBe(
            'c.EncryptionSourceWarden'
        );
        expect(rows.some((row) => row.key === 'InferenceLog__c.RecordId__c')).toBe(false);
    });
});
