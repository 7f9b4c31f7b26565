import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const TWO_PACKAGES = {
    packageDirectories: [
        { path: 'force-app/main', default: true, package: 'Fixture', versionNumber: '0.1.0.NEXT' },
        { path: 'force-app/tests' }
    ],
    sourceApiVersion: '62.0'
};

const OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <label>Widget</label>
    <nameField>
        <label>Widget Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>Widgets</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;
const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Size__c</fullName>
    <label>Size</label>
    <precision>6</precision>
    <scale>0</scale>
    <type>Number</type>
</CustomField>
`;

function sources(): Record<string, string> {
    return {
        'force-app/main/widgets/objects/Widget__c/Widget__c.object-meta.xml': OBJECT,
        'force-app/main/widgets/objects/Widget__c/fields/Size__c.field-meta.xml': FIELD,
        'force-app/main/widgets/classes/WidgetService.cls': 'public with sharing class WidgetService {\n}\n',
        'force-app/main/widgets/classes/WidgetService.cls-meta.xml': META.apexClass(),
        'force-app/main/widgets/lwc/widgetCard/widgetCard.ts': 'export const size: number = 1;\n',
        'force-app/main/widgets/lwc/widgetCard/widgetCard.js': 'export const size = 1;\n',
        'force-app/main/widgets/lwc/widgetCard/widgetCard.js-meta.xml': META.lwcBundle(),
        'force-app/tests/widgets/classes/WidgetService_Tests.cls': '@IsTest\nprivate class WidgetService_Tests {\n}\n',
        'force-app/tests/widgets/classes/WidgetService_Tests.cls-meta.xml': META.apexClass()
    };
}

describe('deployable step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('converts each package directory to Metadata API format and reports what it holds', async () => {
        root = makeTempProject(sources(), { sfdxProject: TWO_PACKAGES, copyFromRepo: ['.forceignore'] });
        const run = await runCheck(root, ['deployable']);
        expect(run.problems).toEqual([]);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe(
            'force-app/main: 3 components of 4 types; force-app/tests: 1 component of 1 type'
        );
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);

    it('fails with the file when a source tree cannot be converted or a file would silently not deploy', async () => {
        root = makeTempProject(
            {
                ...sources(),
                // No type has this suffix: source-deploy-retrieve cannot infer one.
                'force-app/tests/widgets/weird/Thing.banana-meta.xml': '<?xml version="1.0"?>\n<Thing/>\n',
                // An Apex class without its -meta.xml is not a component: it would not deploy.
                'force-app/main/widgets/classes/Orphan.cls': 'public with sharing class Orphan {\n}\n'
            },
            { sfdxProject: TWO_PACKAGES, copyFromRepo: ['.forceignore'] }
        );
        const run = await runCheck(root, ['deployable']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: 'force-app/tests/widgets/weird/Thing.banana-meta.xml',
                message: expect.stringContaining('TypeInferenceError')
            })
        );
        expect(run.lines).toContain(
            'force-app/main/widgets/classes/Orphan.cls: no metadata component claims this file: it would not deploy (missing -meta.xml, wrong folder or suffix?)'
        );
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('fails when a declared package directory does not exist', async () => {
        root = makeTempProject(
            { 'force-app/main/widgets/classes/WidgetService.cls': 'public with sharing class WidgetService {\n}\n' },
            { sfdxProject: TWO_PACKAGES }
        );
        const run = await runCheck(root, ['deployable']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual({
            file: 'sfdx-project.json',
            message: 'package directory force-app/tests does not exist'
        });
    }, 300_000);
});
