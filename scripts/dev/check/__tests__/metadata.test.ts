/**
 * The metadata step on a consistent package and on one with a defect of each kind planted, and the
 * classification of metadata files and API names it relies on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyMetadataFile, customApiNameProblem } from '../../../cli/lib/metadata';
import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const xml = (root: string, body: string, extra = ''): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}${extra}>\n${body}</${root}>\n`;
const field = (name: string, type: string, more = ''): string =>
    xml(
        'CustomField',
        `    <fullName>${name}</fullName>\n    <label>${name}</label>\n    <type>${type}</type>\n${more}`
    );
const object = (label: string, more = ''): string =>
    xml(
        'CustomObject',
        `    <label>${label}</label>\n    <pluralLabel>${label}s</pluralLabel>\n    <deploymentStatus>Deployed</deploymentStatus>\n    <sharingModel>ReadWrite</sharingModel>\n${more}`
    );

const APP = 'force-app/main/widgets';

/** A small, consistent package: every reference resolves. */
function cleanFiles(): Record<string, string> {
    return {
        [`${APP}/objects/Widget__c/Widget__c.object-meta.xml`]: object(
            'Widget',
            '    <nameField>\n        <label>Widget Name</label>\n        <type>Text</type>\n    </nameField>\n'
        ),
        [`${APP}/objects/Widget__c/fields/Size__c.field-meta.xml`]: field(
            'Size__c',
            'Number',
            '    <precision>6</precision>\n    <scale>0</scale>\n'
        ),
        [`${APP}/objects/Widget__c/fields/Code__c.field-meta.xml`]: field(
            'Code__c',
            'Text',
            '    <length>10</length>\n    <required>true</required>\n'
        ),
        [`${APP}/objects/Widget__c/listViews/All.listView-meta.xml`]: xml(
            'ListView',
            '    <fullName>All</fullName>\n    <columns>NAME</columns>\n    <columns>Size__c</columns>\n    <filterScope>Everything</filterScope>\n    <label>All</label>\n'
        ),
        [`${APP}/objects/WidgetSettings__c/WidgetSettings__c.object-meta.xml`]: object(
            'Widget Settings',
            '    <customSettingsType>Hierarchy</customSettingsType>\n'
        ),
        [`${APP}/objects/WidgetSettings__c/fields/Mode__c.field-meta.xml`]: field(
            'Mode__c',
            'Text',
            '    <length>16</length>\n'
        ),
        [`${APP}/objects/WidgetRule__mdt/WidgetRule__mdt.object-meta.xml`]: xml(
            'CustomObject',
            '    <label>Widget Rule</label>\n    <pluralLabel>Widget Rules</pluralLabel>\n    <visibility>Public</visibility>\n'
        ),
        [`${APP}/objects/WidgetRule__mdt/fields/Region__c.field-meta.xml`]: field(
            'Region__c',
            'Text',
            '    <length>40</length>\n'
        ),
        [`${APP}/objects/WidgetSold__e/WidgetSold__e.object-meta.xml`]: object(
            'Widget Sold',
            '    <eventType>HighVolume</eventType>\n    <publishBehavior>PublishAfterCommit</publishBehavior>\n'
        ),
        [`${APP}/objects/WidgetSold__e/fields/Count__c.field-meta.xml`]: field(
            'Count__c',
            'Number',
            '    <precision>6</precision>\n    <scale>0</scale>\n'
        ),
        [`${APP}/objects/Contact/fields/WidgetCount__c.field-meta.xml`]: field(
            'WidgetCount__c',
            'Number',
            '    <precision>6</precision>\n    <scale>0</scale>\n'
        ),
        [`${APP}/customMetadata/WidgetRule.Eu.md-meta.xml`]: xml(
            'CustomMetadata',
            '    <label>Eu</label>\n    <protected>false</protected>\n    <values>\n        <field>Region__c</field>\n        <value xsi:type="xsd:string">eu-central-1</value>\n    </values>\n',
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
        ),
        [`${APP}/tabs/Widget__c.tab-meta.xml`]: xml(
            'CustomTab',
            '    <customObject>true</customObject>\n    <motif>Custom1: Heart</motif>\n'
        ),
        [`${APP}/applications/Widgets.app-meta.xml`]: xml(
            'CustomApplication',
            '    <label>Widgets</label>\n    <navType>Standard</navType>\n    <tabs>standard-home</tabs>\n    <tabs>standard-Contact</tabs>\n    <tabs>Widget__c</tabs>\n    <uiType>Lightning</uiType>\n'
        ),
        [`${APP}/layouts/Widget__c-Widget Layout.layout-meta.xml`]: xml(
            'Layout',
            '    <layoutSections>\n        <label>Information</label>\n        <layoutColumns>\n            <layoutItems>\n                <behavior>Required</behavior>\n                <field>Name</field>\n            </layoutItems>\n            <layoutItems>\n                <behavior>Edit</behavior>\n                <field>Size__c</field>\n            </layoutItems>\n        </layoutColumns>\n        <style>OneColumn</style>\n    </layoutSections>\n'
        ),
        [`${APP}/permissionsets/WidgetAdmin.permissionset-meta.xml`]: xml(
            'PermissionSet',
            [
                '    <applicationVisibilities>\n        <application>Widgets</application>\n        <visible>true</visible>\n    </applicationVisibilities>',
                '    <classAccesses>\n        <apexClass>WidgetService</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>',
                '    <customMetadataTypeAccesses>\n        <enabled>true</enabled>\n        <name>WidgetRule__mdt</name>\n    </customMetadataTypeAccesses>',
                '    <customSettingAccesses>\n        <enabled>true</enabled>\n        <name>WidgetSettings__c</name>\n    </customSettingAccesses>',
                '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Size__c</field>\n        <readable>true</readable>\n    </fieldPermissions>',
                '    <fieldPermissions>\n        <editable>false</editable>\n        <field>Contact.WidgetCount__c</field>\n        <readable>true</readable>\n    </fieldPermissions>',
                '    <label>Widget Admin</label>',
                '    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Widget__c</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>',
                '    <tabSettings>\n        <tab>Widget__c</tab>\n        <visibility>Visible</visibility>\n    </tabSettings>',
                ''
            ].join('\n')
        ),
        [`${APP}/classes/WidgetService.cls`]: 'public with sharing class WidgetService {\n}\n',
        [`${APP}/classes/WidgetService.cls-meta.xml`]: META.apexClass(),
        [`force-app/main/widgets/classes/WidgetService_Tests.cls`]: '@IsTest\nprivate class WidgetService_Tests {\n}\n',
        [`force-app/main/widgets/classes/WidgetService_Tests.cls-meta.xml`]: META.apexClass(),
        [`${APP}/lwc/widgetCard/widgetCard.ts`]: 'export const size: number = 1;\n',
        [`${APP}/lwc/widgetCard/widgetCard.js`]: 'export const size = 1;\n',
        [`${APP}/lwc/widgetCard/widgetCard.js-meta.xml`]: META.lwcBundle()
    };
}

const PERMISSION_SET = `${APP}/permissionsets/WidgetAdmin.permissionset-meta.xml`;

/** The clean package with one defect of each kind the step reports planted in it. */
function flawedFiles(): Record<string, string> {
    const files = cleanFiles();
    files[PERMISSION_SET] = files[PERMISSION_SET].replace(
        '    <label>Widget Admin</label>',
        [
            '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Colour__c</field>\n        <readable>true</readable>\n    </fieldPermissions>',
            '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Code__c</field>\n        <readable>true</readable>\n    </fieldPermissions>',
            '    <label>Widget Admin</label>'
        ].join('\n')
    );
    files[`${APP}/objects/Widget__c/fields/Weight__c.field-meta.xml`] = object('Weight');
    files[`${APP}/objects/Patient_Note__c/Patient_Note__c.object-meta.xml`] = object('Patient Note');
    files[`${APP}/objects/WidgetSold__e/fields/Kind__c.field-meta.xml`] = field('Kind__c', 'Picklist');
    files[`${APP}/classes/WidgetService.cls-meta.xml`] = META.apexClass('58.0');
    files[`${APP}/customMetadata/WidgetRule.Us.md-meta.xml`] = files[`${APP}/customMetadata/WidgetRule.Eu.md-meta.xml`]
        .replace('Region__c', 'Country__c')
        .replace('<label>Eu</label>', '<label>Us</label>');
    files[`${APP}/objects/Widget__c/listViews/Broken.listView-meta.xml`] =
        `<?xml version="1.0"?>\n<ListView ${NS}>\n    <label>Broken</ListView>\n`;
    files[`${APP}/profiles/Admin.profile-meta.xml`] = xml('Profile', '    <custom>false</custom>\n');
    files[`${APP}/classes/widget_helper.cls`] = 'public with sharing class widget_helper {\n}\n';
    files['.forceignore'] = '**/__tests__/**\n';
    return files;
}

/** What the step reports about flawedFiles(), beside the lines with positions the test checks. */
const FLAWS: object[] = [
    {
        file: PERMISSION_SET,
        message: 'Widget__c.Code__c is required: the Metadata API refuses field permissions on it'
    },
    {
        file: `${APP}/objects/Patient_Note__c/Patient_Note__c.object-meta.xml`,
        message: expect.stringContaining('Patient_Note__c is not PascalCase without underscores (e.g. PatientNote__c)')
    },
    {
        file: `${APP}/customMetadata/WidgetRule.Us.md-meta.xml`,
        line: 6,
        message: 'record sets field WidgetRule__mdt.Country__c, which is not in the project'
    },
    {
        file: `${APP}/objects/WidgetSold__e/fields/Kind__c.field-meta.xml`,
        message: expect.stringContaining(
            'WidgetSold__e.Kind__c has type Picklist, which a platform event does not support'
        )
    },
    {
        file: `${APP}/objects/Widget__c/listViews/Broken.listView-meta.xml`,
        line: 3,
        message: expect.stringMatching(/^XML does not parse: /)
    },
    { file: `${APP}/profiles/Admin.profile-meta.xml`, message: expect.stringMatching(/^profiles stay out/) },
    { file: `${APP}/classes/widget_helper.cls`, message: expect.stringContaining('not PascalCase') },
    {
        file: '.forceignore',
        message: `does not keep out ${APP.split('/').slice(0, 2).join('/')}/probe/lwc/probeBundle/probeBundle.ts`
    },
    { file: `${APP}/lwc/widgetCard/widgetCard.ts`, message: '.forceignore does not keep this file out of deploys' }
];

describe('metadata step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('passes a consistent package checked against the repo .forceignore', async () => {
        root = makeTempProject(cleanFiles(), { copyFromRepo: ['.forceignore'] });
        const run = await runCheck(root, ['metadata']);
        expect(run.problems).toEqual([]);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe('19 XML files, 4 objects, 6 fields, 0 errors');
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);

    it('fails on unknown references, wrong roots, bad names, old API versions and a leaky .forceignore', async () => {
        root = makeTempProject(flawedFiles());
        const run = await runCheck(root, ['metadata']);
        expect(run.code).toBe(1);
        const source = readFileSync(join(root, PERMISSION_SET), 'utf8').split('\n');
        const colourLine = source.findIndex((line) => line.includes('Widget__c.Colour__c')) + 1;
        expect(run.lines).toContain(
            `${PERMISSION_SET}:${colourLine}:16: fieldPermissions names field Widget__c.Colour__c, which is not in the project`
        );
        expect(run.lines).toContain(
            `${APP}/objects/Widget__c/fields/Weight__c.field-meta.xml:2:2: root element is <CustomObject> but a .field-meta.xml file must be <CustomField>`
        );
        expect(run.lines).toContain(`${APP}/classes/WidgetService.cls-meta.xml:3:17: apiVersion 58.0 is below 62.0`);
        for (const problem of FLAWS) {
            expect(run.problems).toContainEqual(expect.objectContaining(problem));
        }
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);
});

describe('metadata file classification and API names', () => {
    it('knows which root element each folder and suffix implies', () => {
        const cases: Array<[string, string | undefined]> = [
            ['force-app/main/a/objects/X__c/X__c.object-meta.xml', 'CustomObject'],
            ['force-app/main/a/objects/X__mdt/X__mdt.object-meta.xml', 'CustomObject'],
            ['force-app/main/a/objects/X__c/fields/Y__c.field-meta.xml', 'CustomField'],
            ['force-app/main/a/objects/X__c/listViews/All.listView-meta.xml', 'ListView'],
            ['force-app/main/a/permissionsets/P.permissionset-meta.xml', 'PermissionSet'],
            ['force-app/main/a/tabs/X__c.tab-meta.xml', 'CustomTab'],
            ['force-app/main/a/applications/A.app-meta.xml', 'CustomApplication'],
            ['force-app/main/a/layouts/X__c-X Layout.layout-meta.xml', 'Layout'],
            ['force-app/main/a/customMetadata/T.R.md-meta.xml', 'CustomMetadata'],
            ['force-app/main/a/classes/A.cls-meta.xml', 'ApexClass'],
            ['force-app/main/a/triggers/T.trigger-meta.xml', 'ApexTrigger'],
            ['force-app/main/a/lwc/b/b.js-meta.xml', 'LightningComponentBundle'],
            ['force-app/main/a/staticresources/S.resource-meta.xml', 'StaticResource'],
            ['force-app/main/a/labels/CustomLabels.labels-meta.xml', 'CustomLabels'],
            ['force-app/main/a/flexipages/F.flexipage-meta.xml', 'FlexiPage'],
            ['force-app/main/a/whatever/W.banana-meta.xml', undefined]
        ];
        for (const [path, type] of cases) {
            const classified = classifyMetadataFile(path);
            expect(classified?.kind.type).toBe(type);
            expect(classified?.placementProblem).toBeUndefined();
        }
        expect(classifyMetadataFile('force-app/main/a/classes/F.field-meta.xml')?.placementProblem).toMatch(/objects/);
        expect(customApiNameProblem('InferenceLog__c')).toBeUndefined();
        expect(customApiNameProblem('inference_log__c')).toMatch(/InferenceLog__c/);
        expect(customApiNameProblem('warden__InferenceLog__c')).toMatch(/namespace/);
    });
});
