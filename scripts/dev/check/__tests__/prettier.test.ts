import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const PRETTIER = { copyFromRepo: ['.prettierrc', '.prettierignore'], linkNodeModules: true };
const CLASSES = 'force-app/main/common/classes';

const FORMATTED_CLASS = [
    '/**',
    ' * @description Says hello.',
    ' * @group Common',
    ' */',
    'public with sharing class Greeter {',
    '    /**',
    '     * @description A greeting.',
    '     * @param name who to greet',
    '     * @return the greeting',
    '     */',
    '    public static String greet(String name) {',
    "        return 'Hello ' + name;",
    '    }',
    '}',
    ''
].join('\n');

describe('prettier step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('reports a mis-formatted Apex class at its first unformatted line', async () => {
        root = makeTempProject(
            {
                [`${CLASSES}/Greeter.cls`]: FORMATTED_CLASS,
                [`${CLASSES}/Greeter.cls-meta.xml`]: META.apexClass(),
                [`${CLASSES}/Squashed.cls`]:
                    'public with sharing class Squashed {\n    public static Integer one(){return 1;}\n}\n',
                [`${CLASSES}/Squashed.cls-meta.xml`]: META.apexClass()
            },
            PRETTIER
        );
        const run = await runCheck(root, ['prettier']);
        expect(run.code).toBe(1);
        expect(run.problems).toEqual([
            expect.objectContaining({ file: `${CLASSES}/Squashed.cls`, line: 2, column: 1 })
        ]);
        expect(run.lines.some((line) => line.startsWith(`${CLASSES}/Squashed.cls:2:1: not formatted`))).toBe(true);
    }, 300_000);

    it("reports an Apex class that Salesforce's parser rejects, at jorje's location", async () => {
        root = makeTempProject(
            {
                [`${CLASSES}/Broken.cls`]:
                    'public with sharing class Broken {\n    public static Integer one() {\n        Integer a = 1\n        return a;\n    }\n}\n',
                [`${CLASSES}/Broken.cls-meta.xml`]: META.apexClass()
            },
            PRETTIER
        );
        const run = await runCheck(root, ['prettier']);
        expect(run.code).toBe(1);
        expect(run.problems).toHaveLength(1);
        // jorje stops at the token after the missing semicolon: `return`, line 4, column 9.
        expect(run.problems[0]).toMatchObject({ file: `${CLASSES}/Broken.cls`, line: 4, column: 9 });
        expect(run.problems[0].message).toBe("does not parse (apex): Unexpected token 'return'.");
    }, 300_000);

    it('reports unparsable metadata XML with a location', async () => {
        root = makeTempProject(
            {
                [`${CLASSES}/Greeter.cls`]: FORMATTED_CLASS,
                [`${CLASSES}/Greeter.cls-meta.xml`]:
                    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</ApexClass>\n'
            },
            PRETTIER
        );
        const run = await runCheck(root, ['prettier']);
        expect(run.code).toBe(1);
        expect(run.problems[0]).toMatchObject({ file: `${CLASSES}/Greeter.cls-meta.xml`, line: 4 });
    }, 300_000);

    it('passes formatted files and honours .prettierignore', async () => {
        root = makeTempProject(
            {
                [`${CLASSES}/Greeter.cls`]: FORMATTED_CLASS,
                [`${CLASSES}/Greeter.cls-meta.xml`]: META.apexClass(),
                'scripts/ok.ts': "export const greeting = 'hello';\n", // with sfdx-project.json: 4 files
                // Generated LWC output is in .prettierignore: its formatting is esbuild's business.
                'force-app/main/console/lwc/ticker/ticker.js': 'export   const   x=1\n'
            },
            PRETTIER
        );
        const run = await runCheck(root, ['prettier']);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe('4 files checked, 0 unformatted, 0 unparsable');
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);
});
