import { JEST_ROOTS_ENV, JestJsonReport, resultFromReport } from '../steps/jest';
import { makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

/**
 * The jest step runs Jest on a throwaway project with its own config, never on this repository:
 * these tests run inside the repository's own jest step, and must not start it again.
 */
const JEST_PROJECT = {
    'jest.config.js': "module.exports = { testEnvironment: 'node', roots: ['<rootDir>/tests'] };\n",
    'tests/math.test.js': [
        "describe('math', () => {",
        "    it('adds', () => {",
        '        expect(1 + 1).toBe(2);',
        '    });',
        "    it('multiplies', () => {",
        '        expect(2 * 3).toBe(6);',
        '    });',
        '});',
        ''
    ].join('\n')
};

describe('jest step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('counts every passing test as one passed unit', async () => {
        root = makeTempProject(JEST_PROJECT);
        const run = await runCheck(root, ['jest']);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe('2 tests in 1 file, 0 skipped');
        expect(run.lastLine).toBe('2 passed, 0 failed');
    }, 300_000);

    it('lists a failing test at its assertion and a test file that cannot run', async () => {
        root = makeTempProject({
            ...JEST_PROJECT,
            'tests/strings.test.js': [
                "it('upper-cases', () => {",
                "    expect('a'.toUpperCase()).toBe('A');",
                '});',
                "it('trims', () => {",
                "    const value = ' x ';",
                "    expect(value.trim()).toBe('x ');",
                '});',
                ''
            ].join('\n'),
            'tests/broken.test.js': "it('never runs', () => {\n    expect(1).toBe(1)\n}}\n"
        });
        const run = await runCheck(root, ['jest']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: 'tests/strings.test.js',
                line: 6,
                column: 26,
                message: 'trims: expect(received).toBe(expected) // Object.is equality Expected: "x " Received: "x"'
            })
        );
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: 'tests/broken.test.js',
                line: 3,
                column: 2,
                message: expect.stringMatching(/^test file failed to run: SyntaxError: Unexpected token/)
            })
        );
        // 3 passing tests; 1 failing test + 1 file that could not run.
        expect(run.lastLine).toBe('3 passed, 2 failed');
    }, 300_000);

    it('refuses to start Jest on a project whose Jest run it is already inside', async () => {
        root = makeTempProject(JEST_PROJECT);
        const run = await runCheck(root, ['jest'], { ...process.env, [JEST_ROOTS_ENV]: root });
        expect(run.code).toBe(1);
        expect(run.problems[0].message).toMatch(/refusing to run Jest .* \(recursion\)/);
    }, 300_000);

    it('fails a run that exited non-zero without a failing test', () => {
        const report: JestJsonReport = {
            numPassedTests: 0,
            numFailedTests: 0,
            numPendingTests: 0,
            numTotalTests: 0,
            numTotalTestSuites: 0,
            success: false,
            testResults: []
        };
        expect(resultFromReport('/p', report, 1)).toMatchObject({ passed: 0, failed: 1 });
    });
});
