import { failsBuild } from '../steps/pmd';
import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const CLASSES = 'force-app/main/gate/classes';
const DOCUMENTED = (body: string): string => `/**\n * @description Fixture.\n * @group Gate\n */\n${body}`;

describe('pmd step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails on SOQL injection (High, Security) and on a class with no sharing declaration (Security)', async () => {
        root = makeTempProject({
            [`${CLASSES}/PatientSearch.cls`]: DOCUMENTED(
                [
                    'public with sharing class PatientSearch {',
                    '    /**',
                    '     * @description Finds patients by last name.',
                    '     * @param lastName the name typed by the user',
                    '     * @return matching contacts',
                    '     */',
                    '    public static List<Contact> find(String lastName) {',
                    "        return Database.query('SELECT Id FROM Contact WHERE LastName = \\'' + lastName + '\\'');",
                    '    }',
                    '}',
                    ''
                ].join('\n')
            ),
            [`${CLASSES}/PatientSearch.cls-meta.xml`]: META.apexClass(),
            [`${CLASSES}/ConsentPurge.cls`]: DOCUMENTED(
                [
                    'public class ConsentPurge {',
                    '    /**',
                    '     * @description Deletes consents.',
                    '     * @param ids the records',
                    '     */',
                    '    public static void purge(Set<Id> ids) {',
                    '        delete [SELECT Id FROM Contact WHERE Id IN :ids WITH USER_MODE];',
                    '    }',
                    '}',
                    ''
                ].join('\n')
            ),
            [`${CLASSES}/ConsentPurge.cls-meta.xml`]: META.apexClass(),
            // A file PMD cannot parse is a file PMD did not check: that fails too.
            [`${CLASSES}/HalfWritten.cls`]: 'public with sharing class HalfWritten {\n    void run() {\n',
            [`${CLASSES}/HalfWritten.cls-meta.xml`]: META.apexClass()
        });
        const run = await runCheck(root, ['pmd']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: `${CLASSES}/HalfWritten.cls`,
                line: 3,
                message: expect.stringMatching(/^PMD could not analyse this file/)
            })
        );
        const errors = run.problems.filter((problem) => problem.severity !== 'note');
        expect(errors).toContainEqual(
            expect.objectContaining({
                file: `${CLASSES}/PatientSearch.cls`,
                line: 12,
                message: expect.stringContaining('[ApexSOQLInjection, High, Security]')
            })
        );
        expect(errors).toContainEqual(
            expect.objectContaining({
                file: `${CLASSES}/ConsentPurge.cls`,
                line: 5,
                message: expect.stringContaining('[ApexSharingViolations, Moderate, Security]')
            })
        );
        expect(
            run.lines.some((line) => /^force-app\/main\/gate\/classes\/PatientSearch\.cls:12:\d+: /.test(line))
        ).toBe(true);
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('passes a secure class and prints lower-severity findings as notes', async () => {
        root = makeTempProject({
            [`${CLASSES}/PatientLookup.cls`]: DOCUMENTED(
                [
                    'public with sharing class PatientLookup {',
                    '    public static List<Contact> find(String lastName) {',
                    '        return [SELECT Id FROM Contact WHERE LastName = :lastName WITH USER_MODE];',
                    '    }',
                    '}',
                    ''
                ].join('\n')
            ),
            [`${CLASSES}/PatientLookup.cls-meta.xml`]: META.apexClass()
        });
        const run = await runCheck(root, ['pmd']);
        expect(run.code).toBe(0);
        expect(run.problems.length).toBeGreaterThan(0);
        expect(run.problems.every((problem) => problem.severity === 'note')).toBe(true);
        expect(run.lines).toContainEqual(
            expect.stringMatching(/PatientLookup\.cls:6:\d+: note: Missing ApexDoc comment \[ApexDoc, Low\]$/)
        );
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);

    it('fails exactly the Security-tagged and severity 1-2 rules', () => {
        expect(failsBuild(1, ['Recommended'])).toBe(true);
        expect(failsBuild(2, ['ErrorProne'])).toBe(true);
        expect(failsBuild(3, ['Security'])).toBe(true);
        expect(failsBuild(3, ['Design'])).toBe(false);
        expect(failsBuild(4, ['Documentation'])).toBe(false);
    });
});
