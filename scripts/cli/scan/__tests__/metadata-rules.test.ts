import { fieldXml, findings } from './scan-helpers';

const FIELDS = 'force-app/main/default/objects/Patient__c/fields';

describe('phi-field-unencrypted', () => {
    const files = {
        [`${FIELDS}/Ssn__c.field-meta.xml`]: fieldXml({ name: 'Ssn__c', classification: 'Restricted' }),
        [`${FIELDS}/Diagnosis__c.field-meta.xml`]: fieldXml({
            name: 'Diagnosis__c',
            group: 'HIPAA',
            type: 'LongTextArea',
            encryption: 'ProbabilisticEncryption'
        }),
        [`${FIELDS}/Mrn__c.field-meta.xml`]: fieldXml({ name: 'Mrn__c', group: 'HIPAA', type: 'Text' }),
        [`${FIELDS}/Doctor__c.field-meta.xml`]: fieldXml({
            name: 'Doctor__c',
            group: 'HIPAA',
            type: 'Lookup',
            referenceTo: 'Contact'
        }),
        [`${FIELDS}/Notes__c.field-meta.xml`]: fieldXml({ name: 'Notes__c', classification: 'Internal' })
    };

    it('flags PHI fields without an encryption scheme when the project uses encryption', () => {
        const found = findings(files, 'phi-field-unencrypted');
        expect(found.map((f) => [f.componentName, f.componentType, f.category])).toEqual([
            ['Patient__c.Mrn__c', 'CustomField', 'Metadata'],
            ['Patient__c.Ssn__c', 'CustomField', 'Metadata']
        ]);
        expect(found[0].message).toContain('Patient__c.Diagnosis__c uses ProbabilisticEncryption');
    });

    it('does nothing when the project declares no encryption, unless the config requires it', () => {
        const plain: Record<string, string> = { ...files };
        delete plain[`${FIELDS}/Diagnosis__c.field-meta.xml`];
        expect(findings(plain, 'phi-field-unencrypted')).toEqual([]);
        expect(
            findings(plain, 'phi-field-unencrypted', { encryption: { required: true } }).map((f) => f.componentName)
        ).toEqual(['Patient__c.Mrn__c', 'Patient__c.Ssn__c']);
    });

    it('takes Platform Encryption settings as the declaration', () => {
        const plain: Record<string, string> = {
            [`${FIELDS}/Mrn__c.field-meta.xml`]: files[`${FIELDS}/Mrn__c.field-meta.xml`]
        };
        plain['force-app/main/default/settings/PlatformEncryption.settings-meta.xml'] =
            '<?xml version="1.0" encoding="UTF-8"?>\n<PlatformEncryptionSettings xmlns="http://soap.sforce.com/2006/04/metadata">\n    <enableDeterministicEncryption>true</enableDeterministicEncryption>\n</PlatformEncryptionSettings>\n';
        expect(findings(plain, 'phi-field-unencrypted').map((f) => f.componentName)).toEqual(['Patient__c.Mrn__c']);
    });
});

describe('integration-user-overprivileged', () => {
    function permissionSet(label: string, permissions: string[], objects: string[] = []): string {
        return [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">',
            `    <label>${label}</label>`,
            ...objects.flatMap((object) => [
                '    <objectPermissions>',
                '        <allowCreate>true</allowCreate>',
                '        <allowRead>true</allowRead>',
                '        <modifyAllRecords>false</modifyAllRecords>',
                `        <object>${object}</object>`,
                '        <viewAllRecords>true</viewAllRecords>',
                '    </objectPermissions>'
            ]),
            ...permissions.flatMap((name) => [
                '    <userPermissions>',
                '        <enabled>true</enabled>',
                `        <name>${name}</name>`,
                '    </userPermissions>'
            ]),
            '</PermissionSet>',
            ''
        ].join('\n');
    }

    it('flags system-wide permissions and view/modify all on the integration user permission set only', () => {
        const files = {
            'force-app/main/default/permissionsets/WardenIntegrationUser.permissionset-meta.xml': permissionSet(
                'Warden Integration User',
                ['ApiEnabled', 'ModifyAllData', 'ViewAllData', 'CustomizeApplication'],
                ['InferenceLog__c']
            ),
            'force-app/main/default/permissionsets/WardenAdmin.permissionset-meta.xml': permissionSet('Warden Admin', [
                'ModifyAllData'
            ])
        };
        const found = findings(files, 'integration-user-overprivileged');
        expect(found.map((f) => [f.componentName, f.severity, f.line])).toEqual([
            ['WardenIntegrationUser', 'high', 8],
            ['WardenIntegrationUser', 'critical', 17],
            ['WardenIntegrationUser', 'critical', 21],
            ['WardenIntegrationUser', 'critical', 25]
        ]);
        expect(found[1].message).toContain('Modify All Data');
    });

    it('uses the configured list of integration permission sets', () => {
        const files = {
            'force-app/main/default/permissionsets/Sync.permissionset-meta.xml': permissionSet('Sync', ['ViewAllData'])
        };
        expect(findings(files, 'integration-user-overprivileged')).toEqual([]);
        expect(
            findings(files, 'integration-user-overprivileged', { integration: { permissionSets: ['Sync'] } })
        ).toHaveLength(1);
    });
});
