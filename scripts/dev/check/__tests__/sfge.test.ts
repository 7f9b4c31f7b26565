/**
 * The `sfge` step: a planted null bind fails it at the query's line through the real engine, a guarded
 * query passes, and the verdict rules (unfinished entry points, allowlist, stale entries) on fixed runs.
 */
import { runCodeAnalyzer, type AnalyzerRun, type AnalyzerViolation } from '../code-analyzer';
import { loadAllowlist } from '../steps/apex-semantics';
import { judgeSfgeRun, SFGE_ALLOWLIST_FILE, SFGE_RULE_SELECTOR, unfinishedFilesOf, withRerun } from '../steps/sfge';
import { explain, META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const CLASSES = 'force-app/main/console/classes';

/** An @AuraEnabled lookup by id; `guard` is the code before the query. */
function lookupClass(name: string, guard: string): string {
    return [
        `public with sharing class ${name} {`,
        '    @AuraEnabled',
        '    public static List<Contact> byId(Id contactId) {',
        guard,
        '        return [SELECT Id, LastName FROM Contact WHERE Id = :contactId WITH USER_MODE];',
        '    }',
        '}',
        ''
    ].join('\n');
}

const UNGUARDED = lookupClass('LogLookup', '        // no null check: a null id would scan the table');
const GUARDED = lookupClass(
    'GuardedLookup',
    "        if (contactId == null) {\n            throw new AuraHandledException('An id is required.');\n        }"
);

describe('sfge step through the engine', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails on a bind variable that can be null, at the query, naming the entry point', async () => {
        root = makeTempProject({
            [`${CLASSES}/LogLookup.cls`]: UNGUARDED,
            [`${CLASSES}/LogLookup.cls-meta.xml`]: META.apexClass(),
            [`${CLASSES}/GuardedLookup.cls`]: GUARDED,
            [`${CLASSES}/GuardedLookup.cls-meta.xml`]: META.apexClass()
        });
        const run = await runCheck(root, ['sfge']);
        expect(run.code).toBe(1);
        const errors = run.problems.filter((problem) => problem.severity !== 'note');
        expect(errors).toEqual([
            expect.objectContaining({
                file: `${CLASSES}/LogLookup.cls`,
                line: 5,
                message: expect.stringMatching(/^MissingNullCheckOnSoqlVariable: .*contactId/)
            })
        ]);
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('passes the same query behind a null check', async () => {
        root = makeTempProject({
            [`${CLASSES}/GuardedLookup.cls`]: GUARDED,
            [`${CLASSES}/GuardedLookup.cls-meta.xml`]: META.apexClass()
        });
        const run = await runCheck(root, ['sfge']);
        expect(run.code).toBe(0);
        expect(run.lines[0]).toMatch(/^PASS sfge .*0 violations, 0 allowed false positives, 0 unfinished entry points/);
        expect(run.lastLine).toBe('1 passed, 0 failed');
        expect(explain(run)).not.toMatch(/GuardedLookup\.cls:\d+/);
    }, 300_000);
});

const NPE: AnalyzerViolation = {
    rule: 'ApexNullPointerExceptionRule',
    severity: 3,
    tags: ['ErrorProne'],
    message: 'ApexNullPointerExceptionRule identifies Apex operations that dereference null objects.',
    primary: { file: 'force-app/main/gate/classes/Clip.cls', line: 12, column: 9 },
    locations: [
        { file: 'force-app/main/gate/classes/Gate.cls', line: 3, column: 5 },
        { file: 'force-app/main/gate/classes/Clip.cls', line: 12, column: 9 }
    ]
};

function engineRun(violations: AnalyzerViolation[], engineErrors: string[] = []): AnalyzerRun {
    return { apexFiles: 2, ruleCount: 7, violations, engineErrors, engineVersion: '0.25.0' };
}

describe('sfge verdict', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    const allowlist = (pattern: string, file = 'force-app/main/gate/classes/Clip.cls'): string =>
        JSON.stringify({ falsePositives: [{ file, message: pattern, reason: 'clip checks value == null first' }] });

    it('fails every violation with its sink and entry point, and passes an empty complete run', () => {
        root = makeTempProject({});
        const verdict = judgeSfgeRun(root, engineRun([NPE]), loadAllowlist(root, SFGE_ALLOWLIST_FILE));
        expect(verdict.problems).toEqual([
            {
                file: 'force-app/main/gate/classes/Clip.cls',
                line: 12,
                column: 9,
                message: `ApexNullPointerExceptionRule: ${NPE.message} [Moderate, from entry point force-app/main/gate/classes/Gate.cls:3]`
            }
        ]);
        expect(judgeSfgeRun(root, engineRun([]), loadAllowlist(root, SFGE_ALLOWLIST_FILE)).problems).toEqual([]);
    });

    it('fails an entry point that timed out, by file and line, even with no violation', () => {
        root = makeTempProject({});
        const timeout = `Internal execution error while scanning entry point: ${root}/force-app/main/gate/classes/Gate.cls:3:5: Path evaluation timed out after 30000 ms`;
        const verdict = judgeSfgeRun(root, engineRun([], [timeout]), loadAllowlist(root, SFGE_ALLOWLIST_FILE));
        expect(verdict.unfinished).toBe(1);
        expect(verdict.problems).toEqual([
            {
                file: 'force-app/main/gate/classes/Gate.cls',
                line: 3,
                column: 5,
                message: 'entry point not analysed to the end: Path evaluation timed out after 30000 ms'
            }
        ]);
    });

    it('replaces an unfinished entry point by what its file analysed again gives: done, a violation, or unfinished again', () => {
        root = makeTempProject({});
        const timeout = `Internal execution error while scanning entry point: ${root}/force-app/main/gate/classes/Gate.cls:3:5: Path evaluation timed out after 30000 ms`;
        const list = loadAllowlist(root, SFGE_ALLOWLIST_FILE);
        const first = judgeSfgeRun(root, engineRun([NPE], [timeout]), list);
        expect(unfinishedFilesOf(first)).toEqual(['force-app/main/gate/classes/Gate.cls']);
        const files = unfinishedFilesOf(first);
        const finished = withRerun(first, judgeSfgeRun(root, engineRun([NPE]), list, { targeted: true }), files);
        expect(finished).toMatchObject({ unfinished: 0, violations: 1 });
        expect(finished.problems.map((p) => p.line)).toEqual([12]);
        const other = { ...NPE, primary: { ...NPE.primary, line: 40 } };
        const more = withRerun(first, judgeSfgeRun(root, engineRun([other]), list, { targeted: true }), files);
        expect(more).toMatchObject({ unfinished: 0, violations: 2 });
        const again = withRerun(first, judgeSfgeRun(root, engineRun([], [timeout]), list, { targeted: true }), files);
        expect(again.unfinished).toBe(1);
        expect(again.problems.map((p) => p.message.split(':')[0])).toEqual([
            'ApexNullPointerExceptionRule',
            'entry point not analysed to the end'
        ]);
    });

    it('turns an allowlisted false positive into a note and fails a stale entry only after a complete run', () => {
        root = makeTempProject({ [SFGE_ALLOWLIST_FILE]: allowlist('ApexNullPointerExceptionRule: .*') });
        const list = loadAllowlist(root, SFGE_ALLOWLIST_FILE);
        const allowed = judgeSfgeRun(root, engineRun([NPE]), list);
        expect(allowed.problems).toEqual([
            expect.objectContaining({
                line: 12,
                severity: 'note',
                message: expect.stringContaining('known false positive')
            })
        ]);
        const stale = judgeSfgeRun(root, engineRun([]), list);
        expect(stale.problems).toEqual([
            expect.objectContaining({
                file: SFGE_ALLOWLIST_FILE,
                message: expect.stringMatching(/^stale allowlist entry/)
            })
        ]);
        const timeout = `Internal execution error while scanning entry point: ${root}/x.cls:1:1: Path evaluation timed out after 30000 ms`;
        const unfinished = judgeSfgeRun(root, engineRun([], [timeout]), list);
        expect(unfinished.problems.map((problem) => problem.message)).toEqual([
            'entry point not analysed to the end: Path evaluation timed out after 30000 ms'
        ]);
        // A run of a few targets need not reach the allowlisted path either.
        expect(judgeSfgeRun(root, engineRun([]), list, { targeted: true }).problems).toEqual([]);
    });

    it('refuses a target that does not exist before starting the engine', async () => {
        root = makeTempProject({});
        await expect(
            runCodeAnalyzer({
                root,
                engine: 'sfge',
                plugin: () => Promise.reject(new Error('the engine must not start')),
                engines: {},
                selector: SFGE_RULE_SELECTOR,
                targets: ['force-app/main/nothing/Missing.cls']
            })
        ).rejects.toThrow('no such target: force-app/main/nothing/Missing.cls');
    });

    it('gives the same problems whatever order the engine reports in', () => {
        root = makeTempProject({});
        const other: AnalyzerViolation = { ...NPE, primary: { ...NPE.primary, line: 4 } };
        const list = loadAllowlist(root, SFGE_ALLOWLIST_FILE);
        expect(judgeSfgeRun(root, engineRun([NPE, other]), list)).toEqual(
            judgeSfgeRun(root, engineRun([other, NPE]), list)
        );
    });
});
