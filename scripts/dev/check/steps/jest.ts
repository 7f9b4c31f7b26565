/**
 * `jest`: the project's Jest run (jest.config.js: the `lwc` project through sfdx-lwc-jest and the
 * `scripts` project for the tooling) with --ci and a JSON report, so every test counts as one unit
 * and every failure is listed at the line of the failing assertion. Refuses to run Jest on a
 * project whose Jest run is already in progress (the check's own tests run inside this step).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProcess } from '../../lib/exec';
import { displayPath } from '../../../cli/lib/project';
import { CheckStep, oneLine, plural, Problem, StepResult } from '../step';

export const JEST_ROOTS_ENV = 'WARDEN_CHECK_JEST_ROOTS';

type AssertionResult = {
    status: string;
    fullName: string;
    failureMessages?: string[];
    location?: { line: number; column: number } | null;
};

type TestFileResult = {
    name: string;
    status: string;
    message?: string;
    assertionResults: AssertionResult[];
};

export type JestJsonReport = {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTotalTests: number;
    numTotalTestSuites: number;
    success: boolean;
    testResults: TestFileResult[];
};

function escapeRegExp(value: string): string {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first `file:line:column` of the test file in a failure's stack. */
function stackPosition(message: string, testFile: string): { line: number; column: number } | undefined {
    const match = new RegExp(`${escapeRegExp(testFile)}:(\\d+):(\\d+)`).exec(message);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function meaningfulLines(message: string): string[] {
    return message
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('●'));
}

/** The assertion or error line of a failure, with Jest's Expected/Received lines when present. */
function describeFailure(message: string, testFile: string): string {
    const lines = meaningfulLines(message.split(testFile).join('<file>'));
    const first = (lines[0] ?? 'failed').replace(/^Error: /, '').replace(/<file>: /, '');
    const details = lines.filter((line) => /^(Expected|Received)( value)?:/.test(line));
    return [first, ...details].join(' ');
}

/** Turns Jest's JSON report into the step result: one unit per test, plus failed suites. */
export function resultFromReport(root: string, report: JestJsonReport, exitCode: number): StepResult {
    const problems: Problem[] = [];
    let failedSuites = 0;
    for (const suite of report.testResults) {
        const file = displayPath(root, suite.name);
        const failedTests = suite.assertionResults.filter((test) => test.status === 'failed');
        for (const test of failedTests) {
            const message = (test.failureMessages ?? []).join('\n');
            const position = stackPosition(message, suite.name) ?? test.location ?? undefined;
            problems.push({
                file,
                line: position?.line,
                column: position?.column,
                message: oneLine(`${test.fullName}: ${describeFailure(message, suite.name)}`)
            });
        }
        if (suite.status === 'failed' && failedTests.length === 0) {
            failedSuites += 1;
            const message = suite.message ?? '';
            const description = describeFailure(message, suite.name);
            const parserPosition = /\((\d+):(\d+)\)/.exec(description);
            const position =
                stackPosition(message, suite.name) ??
                (parserPosition
                    ? { line: Number(parserPosition[1]), column: Number(parserPosition[2]) + 1 }
                    : undefined);
            problems.push({
                file,
                line: position?.line,
                column: position?.column,
                message: oneLine(`test file failed to run: ${description}`)
            });
        }
    }
    let failed = report.numFailedTests + failedSuites;
    if (exitCode !== 0 && failed === 0) {
        failed = 1;
        problems.push({
            message: `jest exited with code ${exitCode} though no test failed (no tests found, or a coverage threshold?)`
        });
    }
    return {
        passed: report.numPassedTests,
        failed,
        problems,
        summary: `${plural(report.numTotalTests, 'test')} in ${plural(report.numTotalTestSuites, 'file')}, ${report.numPendingTests} skipped`
    };
}

function jestBinary(root: string): string {
    try {
        return createRequire(join(root, 'package.json')).resolve('jest/bin/jest');
    } catch {
        return require.resolve('jest/bin/jest');
    }
}

export const jestStep: CheckStep = {
    name: 'jest',
    description: 'Jest (--ci, JSON report): the lwc and scripts projects of jest.config.js',
    async run(ctx) {
        const root = resolve(ctx.root);
        const running = (process.env[JEST_ROOTS_ENV] ?? '').split('\n').filter((entry) => entry.length > 0);
        if (running.includes(root)) {
            return {
                passed: 0,
                failed: 1,
                problems: [{ message: `refusing to run Jest on ${root} from inside its own Jest run (recursion)` }]
            };
        }
        const work = mkdtempSync(join(tmpdir(), 'warden-jest-'));
        try {
            const outputFile = join(work, 'jest.json');
            const result = await runProcess(
                process.execPath,
                [jestBinary(root), '--ci', '--json', `--outputFile=${outputFile}`, '--testLocationInResults'],
                {
                    cwd: root,
                    env: { ...process.env, [JEST_ROOTS_ENV]: [...running, root].join('\n') },
                    timeoutMs: 30 * 60 * 1000
                }
            );
            if (!existsSync(outputFile)) {
                const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-15).join('\n');
                return {
                    passed: 0,
                    failed: 1,
                    problems: [{ message: `jest wrote no JSON report (exit code ${result.code}):\n${tail}` }]
                };
            }
            const report = JSON.parse(readFileSync(outputFile, 'utf8')) as JestJsonReport;
            return resultFromReport(root, report, result.code);
        } finally {
            rmSync(work, { recursive: true, force: true });
        }
    }
};
