/** How deploy steps name Warden's objects and fields in an org with the source deployed and with the managed package. */
import { wardenFieldName, wardenPrefix } from '../steps/namespace';

describe("Warden's names as the org knows them", () => {
    const packaged = new Set(['warden__InferenceLog__c', 'Contact']);
    const source = new Set(['InferenceLog__c', 'warden__InferenceLog__c']);

    it('prefixes only where the org knows the packaged object alone', () => {
        expect(wardenPrefix(packaged, 'InferenceLog__c')).toBe('warden__');
        expect(wardenPrefix(source, 'InferenceLog__c')).toBe('');
        expect(wardenPrefix(new Set<string>(), 'InferenceLog__c')).toBe('');
    });

    it('prefixes the object and a custom field, never a standard field or another object', () => {
        expect(wardenFieldName(packaged, 'InferenceLog__c.RecordId__c')).toBe(
            'warden__InferenceLog__c.warden__RecordId__c'
        );
        expect(wardenFieldName(packaged, 'InferenceLog__c.Name')).toBe('warden__InferenceLog__c.Name');
        expect(wardenFieldName(packaged, 'Contact.Email')).toBe('Contact.Email');
        expect(wardenFieldName(source, 'InferenceLog__c.RecordId__c')).toBe('InferenceLog__c.RecordId__c');
    });
});
