import { makeTempProject, removeTempProject, writeFiles } from './helpers/temp-project';
import { apexLiterals, coveredLines } from '../steps/namespace';
import { namespaceStep } from '../steps/namespace';

const FIELD =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"/>\n';
const PROJECT = {
    packageDirectories: [
        { path: 'src/main', package: 'Fixture', default: true },
        { path: 'src/tests', default: false }
    ],
    namespace: 'fixture',
    sourceApiVersion: '62.0'
};
const SCHEMA = {
    'src/main/objects/Finding__c/Finding__c.object-meta.xml': FIELD,
    'src/main/objects/Finding__c/fields/Status__c.field-meta.xml': FIELD,
    'src/main/objects/Signal__e/fields/Level__c.field-meta.xml': FIELD
};

describe('namespace step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('finds every pattern that breaks under a namespace, and passes once each is fixed or justified', async () => {
        root = makeTempProject(
            {
                ...SCHEMA,
                'src/main/classes/Queue.cls': [
                    'public with sharing class Queue {',
                    '    public static List<SObject> open() {',
                    "        // Status__c in a comment is fine: 'Status__c' too.",
                    "        return Database.query('SELECT Id FROM Finding__c WHERE Status__c = \\'New\\'');",
                    '    }',
                    '    public static String catalog() {',
                    "        return [SELECT Body FROM StaticResource WHERE Name = 'Catalog' LIMIT 1].Body.toString();",
                    '    }',
                    '    public static Object level(SObject event) {',
                    "        return event.get('Level__c');",
                    '    }',
                    '}'
                ].join('\n'),
                'src/main/lwc/signals/signals.ts': [
                    "export const CHANNEL = '/event/Signal__e';",
                    "export const FIELDS = ['Finding__c.Status__c'];",
                    "export const HEADER = 'Status';"
                ].join('\n'),
                'src/main/lwc/signals/signals.html': '<template><p>{row.Status__c}</p><p>{row.status}</p></template>',
                'src/tests/classes/Queue_Tests.cls': "@IsTest private class Queue_Tests { String f = 'Status__c'; }"
            },
            { sfdxProject: PROJECT }
        );
        const failing = await namespaceStep.run({ root });
        expect(failing.failed).toBe(1);
        expect(failing.problems.map((problem) => `${problem.file}:${problem.line}`).sort()).toEqual([
            'src/main/classes/Queue.cls:10',
            'src/main/classes/Queue.cls:4',
            'src/main/classes/Queue.cls:7',
            'src/main/lwc/signals/signals.html:1',
            'src/main/lwc/signals/signals.ts:1',
            'src/main/lwc/signals/signals.ts:2'
        ]);
        expect(failing.problems.find((p) => p.line === 7)?.message).toMatch(
            /StaticResource by Name without a NamespacePrefix/
        );
        expect(failing.problems.find((p) => p.file?.endsWith('.ts') && p.line === 1)?.message).toMatch(
            /take its name from the server/
        );

        writeFiles(root, {
            'src/main/classes/Queue.cls': [
                'public with sharing class Queue {',
                '    public static List<SObject> open() {',
                '        return [SELECT Id FROM Finding__c WHERE Status__c = :STATUS WITH USER_MODE];',
                '    }',
                "    private static final String STATUS = 'New';",
                '    public static String catalog() {',
                "        return [SELECT Body FROM StaticResource WHERE Name = 'Catalog' AND NamespacePrefix = :ns LIMIT 1].Body.toString();",
                '    }',
                '    // namespace-safe: the export format names fields without a namespace, by specification',
                '    private static final List<String> EXPORTED = new List<String>{',
                "        'Status__c'",
                '    };',
                '}'
            ].join('\n'),
            'src/main/lwc/signals/signals.ts': "export const HEADER = 'Status';",
            'src/main/lwc/signals/signals.html': '<template><p>{row.status}</p></template>'
        });
        const passing = await namespaceStep.run({ root });
        expect(passing.problems).toEqual([]);
        expect(passing).toMatchObject({ passed: 1, failed: 0 });
    });

    it('reads Apex string literals past comments and escapes, and covers a justified paragraph only', () => {
        const source = "/* 'no' */ String a = 'it\\'s'; // 'no'\nString b = 'x__c';";
        expect(apexLiterals(source)).toEqual([
            { text: "it's", line: 1 },
            { text: 'x__c', line: 2 }
        ]);
        expect([...coveredLines('a\n// namespace-safe: why\nb\nc\n\nd')]).toEqual([2, 3, 4]);
    });
});
