/**
 * The preview's encryption panel (WardenEncryptionController.getEncryptionPosture): a demo org with Shield, where
 * Warden's RecordId__c and one tagged Case field are encrypted and the rest of the PHI is not, including fields
 * Platform Encryption cannot take (a lookup, a number), so the panel shows each case it knows.
 */
import type {
    EncryptionPosture,
    PhiField
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import type { HandlersOf } from './store';

const field = (
    objectName: string,
    fieldName: string,
    label: string,
    type: string,
    rest: Partial<PhiField> = {}
): PhiField => ({
    objectName,
    fieldName,
    label,
    source: 'Warden',
    tags: null,
    type,
    encrypted: false,
    encryptable: ['STRING', 'TEXTAREA', 'EMAIL', 'PHONE', 'URL', 'DATE', 'DATETIME'].includes(type),
    ...rest
});

/** The demo org's PHI fields, Warden's own first, as PhiEncryptionPosture lists them. */
export function demoEncryptionPosture(): EncryptionPosture {
    const tagged = (tags: string): Partial<PhiField> => ({ source: 'Tagged', tags });
    return {
        shieldLicensed: true,
        tagsRead: true,
        objectsChecked: ['Account', 'Contact', 'Case', 'Lead', 'Individual'],
        fields: [
            field('InferenceLog__c', 'RecordId__c', 'Record Id', 'STRING', { encrypted: true }),
            field('PatientConsent__c', 'SourceRecordId__c', 'Source Record Id', 'STRING'),
            field('PatientConsent__c', 'Patient__c', 'Patient', 'REFERENCE'),
            field('Contact', 'Birthdate', 'Birthdate', 'DATE', tagged('GDPR;PHI')),
            field('Contact', 'MobilePhone', 'Mobile Phone', 'PHONE', tagged('HIPAA;PII')),
            field('Contact', 'Age__c', 'Age', 'DOUBLE', tagged('PHI')),
            field('Case', 'Description', 'Description', 'TEXTAREA', { ...tagged('PHI'), encrypted: true })
        ]
    };
}

export function encryptionHandlers(): HandlersOf<'WardenEncryptionController'> {
    return {
        'WardenEncryptionController.getEncryptionPosture': () => demoEncryptionPosture()
    };
}
