import { runProcess } from '../../lib/exec';
import { formatProblem, runChecks, selectSteps } from '../run';
import { UsageError } from '../../../cli/lib/errors';
import type { CheckStep, StepResult } from '../step';
import { CHECK_STEPS } from '../steps';
import { REPO_ROOT } from './helpers/temp-project';

function fakeStep(name: string, result: StepResult | (() => never)): CheckStep {
    return {
        name,
        description: `fake ${name}`,
        run: async () => (typeof result === 'function' ? result() : result)
    };
}

async function runFakes(
    steps: CheckStep[]
): Promise<{ lines: string[]; exitCode: number; passed: number; failed: number }> {
    const lines: string[] = [];
    let tick = 0;
    const report = await runChecks(
        steps,
        { root: '/nowhere' },
        { write: (line) => lines.push(line) },
        () => (tick += 250)
    );
    return { lines, exitCode: report.exitCode, passed: report.passed, failed: report.failed };
}

describe('check orchestrator', () => {
    it('sums units across steps: jest counts tests, other steps count one unit each', async () => {
        const { lines, exitCode, passed, failed } = await runFakes([
            fakeStep('alpha', { passed: 1, failed: 0, problems: [], summary: '3 files' }),
            fakeStep('tests', {
                passed: 5,
                failed: 2,
                problems: [
                    { file: 'a.test.ts', line: 4, column: 9, message: 'adds: expected 2' },
                    { file: 'b.test.ts', line: 7, column: 1, message: 'subtracts: expected 0' }
                ]
            }),
            fakeStep('beta', {
                passed: 0,
                failed: 1,
                problems: [{ file: 'x/Y.cls', line: 3, column: 22, message: "missing ';'" }]
            })
        ]);
        expect(passed).toBe(6);
        expect(failed).toBe(3);
        expect(exitCode).toBe(1);
        expect(lines.at(-1)).toBe('6 passed, 3 failed');
        expect(lines).toContain("x/Y.cls:3:22: missing ';'");
        expect(lines).toContain('a.test.ts:4:9: adds: expected 2');
        expect(lines[0]).toMatch(/^PASS alpha\s+1 passed, 0 failed {2}\(250 ms\) {2}3 files$/);
        expect(lines.find((line) => line.startsWith('FAIL tests'))).toMatch(/5 passed, 2 failed/);
    });

    it('exits 0 and reports zero failures when every step passes', async () => {
        const { lines, exitCode } = await runFakes([
            fakeStep('alpha', { passed: 1, failed: 0, problems: [] }),
            fakeStep('notes', {
                passed: 1,
                failed: 0,
                problems: [{ file: 'a.cls', line: 1, column: 1, message: 'Missing ApexDoc', severity: 'note' }]
            })
        ]);
        expect(exitCode).toBe(0);
        expect(lines.at(-1)).toBe('2 passed, 0 failed');
        expect(lines).toContain('a.cls:1:1: note: Missing ApexDoc');
    });

    it('turns a crashing step into a failed unit that carries the error', async () => {
        const { lines, exitCode, failed } = await runFakes([
            fakeStep('boom', () => {
                throw new Error('the tool is not installed');
            }),
            fakeStep('after', { passed: 1, failed: 0, problems: [] })
        ]);
        expect(exitCode).toBe(1);
        expect(failed).toBe(1);
        expect(lines[0]).toMatch(/^FAIL boom\s+0 passed, 1 failed/);
        expect(lines[1]).toMatch(/^boom: step crashed: Error: the tool is not installed/);
        expect(lines.at(-1)).toBe('1 passed, 1 failed');
    });

    it('never lets a step pass while it reports errors', async () => {
        const { exitCode, lines } = await runFakes([
            fakeStep('liar', { passed: 1, failed: 0, problems: [{ file: 'f.ts', line: 2, message: 'bad' }] })
        ]);
        expect(exitCode).toBe(1);
        expect(lines[0]).toMatch(/^FAIL liar\s+0 passed, 1 failed/);
        expect(lines.at(-1)).toBe('0 passed, 1 failed');
    });

    it('formats problems with and without positions', () => {
        expect(formatProblem('s', { file: 'a/b.xml', line: 3, column: 5, message: 'm' })).toBe('a/b.xml:3:5: m');
        expect(formatProblem('s', { file: 'a/b.xml', line: 3, message: 'm' })).toBe('a/b.xml:3: m');
        expect(formatProblem('s', { file: 'a/b.xml', message: 'm' })).toBe('a/b.xml: m');
        expect(formatProblem('s', { message: 'm' })).toBe('s: m');
    });

    it('selects steps with --only and --skip in list order and rejects unknown names', () => {
        const names = (selection: { only?: string[]; skip?: string[] }): string[] =>
            selectSteps(CHECK_STEPS, selection).map((step) => step.name);
        expect(names({})).toEqual([
            'types',
            'eslint',
            'prettier',
            'build',
            'size',
            'apex-syntax',
            'apex-semantics',
            'pmd',
            'scan',
            'lwc',
            'metadata',
            'namespace',
            'deployable',
            'generated',
            'jest'
        ]);
        expect(names({ only: ['metadata', 'types'] })).toEqual(['types', 'metadata']);
        // sfge is opt-in: only --only runs it (CI, .ci/run).
        expect(names({ only: ['sfge', 'pmd'] })).toEqual(['pmd', 'sfge']);
        expect(names({ skip: ['jest', 'pmd', 'eslint'] })).toEqual([
            'types',
            'prettier',
            'build',
            'size',
            'apex-syntax',
            'apex-semantics',
            'scan',
            'lwc',
            'metadata',
            'namespace',
            'deployable',
            'generated'
        ]);
        expect(() => selectSteps(CHECK_STEPS, { only: ['typo'] })).toThrow(UsageError);
    });
});

describe('warden check command line', () => {
    const warden = (args: string[]) =>
        runProcess(process.execPath, ['scripts/dev/run.js', 'check', ...args], {
            cwd: REPO_ROOT,
            timeoutMs: 120_000
        });
    // Each case starts a Node process that loads the CLI; on a busy machine that takes seconds.
    const SLOW = 120_000;

    it(
        'lists the steps',
        async () => {
            const result = await warden(['--list']);
            expect(result.code).toBe(0);
            expect(
                result.stdout
                    .split('\n')
                    .filter((line) => line)
                    .map((line) => line.split(/\s+/)[0])
            ).toEqual(CHECK_STEPS.map((step) => step.name));
        },
        SLOW
    );

    it(
        'exits 2 on an unknown step or option',
        async () => {
            const unknownStep = await warden(['--only', 'nosuchstep']);
            expect(unknownStep.code).toBe(2);
            expect(unknownStep.stderr).toContain('unknown step "nosuchstep"');
            const unknownOption = await warden(['--frobnicate']);
            expect(unknownOption.code).toBe(2);
            expect(unknownOption.stderr).toContain('warden check: unknown option --frobnicate');
            const missingValue = await warden(['--root']);
            expect(missingValue.code).toBe(2);
            expect(missingValue.stderr).toContain('warden check: --root needs a value');
        },
        SLOW
    );

    it(
        'ends with the summary line even when no step is selected',
        async () => {
            const result = await warden(['--skip', CHECK_STEPS.map((step) => step.name).join(',')]);
            expect(result.code).toBe(0);
            expect(result.stdout.trim().split('\n').at(-1)).toBe('0 passed, 0 failed');
        },
        SLOW
    );
});
