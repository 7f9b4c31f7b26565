/**
 * Writes a small SFDX project shaped like Warden's (package and test directories, the trigger, policy
 * class, job classes, settings object and permission sets the deploy steps configure) into a temporary folder, so the
 * deploy tests do not depend on the state of force-app while it is being written.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const META = (type: string, extra = ''): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n${extra}    <status>Active</status>\n</${type}>\n`;

function write(root: string, path: string, content: string): void {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
}

function apexClass(root: string, folder: string, name: string, body: string): void {
    write(root, `${folder}/classes/${name}.cls`, body);
    write(root, `${folder}/classes/${name}.cls-meta.xml`, META('ApexClass'));
}

export function writeFixtureProject(options: { extraClassBody?: string } = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'warden-fixture-'));
    write(
        root,
        'sfdx-project.json',
        JSON.stringify(
            {
                packageDirectories: [
                    { path: 'force-app/main', package: 'Warden', versionNumber: '0.1.0.NEXT', default: true },
                    { path: 'force-app/tests', default: false }
                ],
                name: 'Warden',
                namespace: '',
                sourceApiVersion: '62.0'
            },
            null,
            2
        )
    );
    write(root, '.forceignore', '**/*.ts\n**/__tests__/**\n');
    apexClass(
        root,
        'force-app/main/gate',
        'InferenceGuard',
        `public with sharing class InferenceGuard {\n    public static Boolean ready() {\n        return true;\n    }${options.extraClassBody ?? ''}\n}\n`
    );
    write(
        root,
        'force-app/main/gate/triggers/InferenceEventTrigger.trigger',
        'trigger InferenceEventTrigger on InferenceEvent__e(after insert) {\n    InferenceGuard.ready();\n}\n'
    );
    write(root, 'force-app/main/gate/triggers/InferenceEventTrigger.trigger-meta.xml', META('ApexTrigger'));
    apexClass(
        root,
        'force-app/main/monitoring',
        'PhiExportCondition',
        'public with sharing class PhiExportCondition {}\n'
    );
    apexClass(root, 'force-app/main/audit', 'ChainCheckpointJob', 'public with sharing class ChainCheckpointJob {}\n');
    apexClass(
        root,
        'force-app/main/monitoring',
        'ChainCompletenessJob',
        'public with sharing class ChainCompletenessJob {}\n'
    );
    apexClass(root, 'force-app/main/monitoring', 'DpaExpiryJob', 'public with sharing class DpaExpiryJob {}\n');
    write(
        root,
        'force-app/main/common/objects/WardenSettings__c/WardenSettings__c.object-meta.xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <customSettingsType>Hierarchy</customSettingsType>\n    <label>Warden Settings</label>\n    <visibility>Protected</visibility>\n</CustomObject>\n`
    );
    apexClass(
        root,
        'force-app/main/consent',
        'ConsentExpirySweepJob',
        'public with sharing class ConsentExpirySweepJob {}\n'
    );
    apexClass(
        root,
        'force-app/main/consent',
        'DataFlowReviewReminderJob',
        'public with sharing class DataFlowReviewReminderJob {}\n'
    );
    apexClass(root, 'force-app/main/gate', 'WardenKeyAdmin', 'public with sharing class WardenKeyAdmin {}\n');
    write(
        root,
        'force-app/main/gate/objects/WardenKeyring__c/WardenKeyring__c.object-meta.xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <customSettingsType>List</customSettingsType>\n    <label>Warden Keyring</label>\n    <visibility>Protected</visibility>\n</CustomObject>\n`
    );
    for (const set of ['WardenAdmin', 'WardenComplianceOfficer', 'WardenAuditor', 'WardenIntegrationUser']) {
        write(
            root,
            `force-app/main/common/permissionsets/${set}.permissionset-meta.xml`,
            `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>${set}</label>\n</PermissionSet>\n`
        );
    }
    write(
        root,
        'force-app/main/consent/objects/PatientConsent__c/PatientConsent__c.object-meta.xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Patient Consent</label>\n    <pluralLabel>Patient Consents</pluralLabel>\n    <nameField><label>Name</label><type>AutoNumber</type><displayFormat>PC-{000000}</displayFormat></nameField>\n    <deploymentStatus>Deployed</deploymentStatus>\n    <sharingModel>Private</sharingModel>\n</CustomObject>\n`
    );
    write(
        root,
        'force-app/main/consent/objects/PatientConsent__c/fields/Status__c.field-meta.xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Status__c</fullName>\n    <label>Status</label>\n    <type>Text</type>\n    <length>20</length>\n</CustomField>\n`
    );
    apexClass(
        root,
        'force-app/tests/gate',
        'InferenceGuard_Tests',
        "@IsTest\nprivate class InferenceGuard_Tests {\n    @IsTest\n    static void readyIsTrue() {\n        System.Assert.isTrue(InferenceGuard.ready(), 'ready');\n    }\n}\n"
    );
    return root;
}
