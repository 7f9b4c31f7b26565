import { apexSyntaxErrors } from '../../lib/apex-syntax';
import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const SFDX_PROJECT = {
    packageDirectories: [{ path: 'force-app/main', default: true }, { path: 'force-app/tests' }],
    sourceApiVersion: '62.0'
};

describe('apex-syntax step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails at the exact line and column of a missing semicolon, in any package directory', async () => {
        root = makeTempProject(
            {
                'force-app/main/common/classes/Fine.cls': 'public with sharing class Fine {\n}\n',
                'force-app/main/common/classes/Fine.cls-meta.xml': META.apexClass(),
                'force-app/tests/common/classes/Fine_Tests.cls':
                    "@IsTest\nprivate class Fine_Tests {\n    @IsTest\n    static void itRuns() {\n        Integer a = 1\n        System.Assert.areEqual(1, a, 'one');\n    }\n}\n",
                'force-app/tests/common/classes/Fine_Tests.cls-meta.xml': META.apexClass(),
                'force-app/main/common/triggers/Bad.trigger': 'trigger Bad on Account (before insert {\n}\n'
            },
            { sfdxProject: SFDX_PROJECT }
        );
        const run = await runCheck(root, ['apex-syntax']);
        expect(run.code).toBe(1);
        // The semicolon belongs right after `1` on line 5 (column 22).
        expect(run.lines).toContain("force-app/tests/common/classes/Fine_Tests.cls:5:22: missing ';' at 'System'");
        expect(run.problems).toContainEqual(
            expect.objectContaining({ file: 'force-app/main/common/triggers/Bad.trigger', line: 1 })
        );
        expect(run.steps[0].summary).toBe('3 Apex files parsed, 2 with syntax errors');
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('passes valid classes, triggers and anonymous Apex, whatever the keyword case', async () => {
        root = makeTempProject(
            {
                'force-app/main/common/classes/Fine.cls':
                    'PUBLIC WITH SHARING CLASS Fine {\n    public static List<Contact> find(String name) {\n        return [SELECT Id FROM Contact WHERE LastName = :name WITH USER_MODE];\n    }\n}\n',
                'force-app/main/common/triggers/Ok.trigger':
                    'trigger Ok on Account(before insert) {\n    AccountHandler.run();\n}\n',
                'scripts/apex/hello.apex': "System.debug('hello');\n",
                'force-app/main/common/scripts/setup.apex': "System.debug('setup');\n"
            },
            { sfdxProject: SFDX_PROJECT }
        );
        const run = await runCheck(root, ['apex-syntax']);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe('3 Apex files parsed, 0 with syntax errors');
    }, 300_000);

    it('collects lexer errors too, not only grammar errors', () => {
        const errors = apexSyntaxErrors("public class A {\n    String s = 'unterminated;\n}\n", 'class');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0]).toMatchObject({ line: 2, column: 16 });
        expect(errors[0].message).toMatch(/token recognition error/);
    });
});
