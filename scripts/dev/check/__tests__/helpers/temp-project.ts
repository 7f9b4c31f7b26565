/**
 * Throwaway SFDX projects for the check tests: made in the OS temp folder at test time, deleted
 * afterwards, never committed. Steps run through the real CLI in a child process (`warden check
 * --root <tmp> --only <step> --json <file>`), because ESLint, Prettier and the Apex parser load
 * ES modules, which Jest's module sandbox cannot import; the child runs them as `npm test` does.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runProcess } from '../../../lib/exec';
import type { Problem } from '../../step';

export const REPO_ROOT = resolve(__dirname, '../../../../..');

export const DEFAULT_SFDX_PROJECT = {
    packageDirectories: [{ path: 'force-app/main', default: true }],
    name: 'WardenCheckFixture',
    namespace: '',
    sourceApiVersion: '62.0'
};

export type TempProjectOptions = {
    /** Repo files copied in unchanged, e.g. tsconfig.json, so the test exercises our real config. */
    copyFromRepo?: string[];
    /** Symlink the repo's node_modules, for tools that resolve plugins from the project. */
    linkNodeModules?: boolean;
    /** sfdx-project.json content; DEFAULT_SFDX_PROJECT unless given. */
    sfdxProject?: object;
};

export function makeTempProject(files: Record<string, string>, options: TempProjectOptions = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'warden-check-test-'));
    writeFileSync(
        join(root, 'sfdx-project.json'),
        `${JSON.stringify(options.sfdxProject ?? DEFAULT_SFDX_PROJECT, null, 2)}\n`
    );
    for (const name of options.copyFromRepo ?? []) {
        mkdirSync(dirname(join(root, name)), { recursive: true });
        copyFileSync(join(REPO_ROOT, name), join(root, name));
    }
    if (options.linkNodeModules) {
        symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    }
    writeFiles(root, files);
    return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
    for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
    }
}

export function removeTempProject(root: string | undefined): void {
    if (root && root.startsWith(tmpdir())) {
        rmSync(root, { recursive: true, force: true });
    }
}

export type StepJson = {
    name: string;
    passed: number;
    failed: number;
    crashed: boolean;
    durationMs: number;
    summary?: string;
    problems: Problem[];
};

export type CheckRun = {
    code: number;
    stdout: string;
    stderr: string;
    lines: string[];
    lastLine: string;
    steps: StepJson[];
    problems: Problem[];
};

/** Runs `warden check --root <root> --only <steps>` in a child process, as `npm test` would. */
export async function runCheck(
    root: string,
    steps: string[],
    env: NodeJS.ProcessEnv = process.env,
    timeoutMs = 5 * 60 * 1000
): Promise<CheckRun> {
    const jsonFile = join(root, '.warden-check-result.json');
    const result = await runProcess(
        process.execPath,
        [join(REPO_ROOT, 'scripts/dev/run.js'), 'check', '--root', root, '--only', steps.join(','), '--json', jsonFile],
        { cwd: REPO_ROOT, env, timeoutMs }
    );
    let parsed: { steps: StepJson[] } = { steps: [] };
    try {
        parsed = JSON.parse(readFileSync(jsonFile, 'utf8')) as { steps: StepJson[] };
    } catch {
        throw new Error(`warden check wrote no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
    }
    const lines = result.stdout.split('\n').filter((line) => line.length > 0);
    return {
        ...result,
        lines,
        lastLine: lines.at(-1) ?? '',
        steps: parsed.steps,
        problems: parsed.steps.flatMap((step) => step.problems)
    };
}

/** A readable dump for assertion messages. */
export function explain(run: CheckRun): string {
    return `exit ${run.code}\n${run.stdout}\n${run.stderr}`;
}

/** Minimal valid metadata files, so fixtures read like real source. */
export const META = {
    apexClass: (version = '62.0'): string =>
        `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${version}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`,
    lwcBundle: (exposed = false): string =>
        `<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <isExposed>${exposed}</isExposed>\n</LightningComponentBundle>\n`
};
