/**
 * The compiled CLI: when the launcher counts the bundle as stale (build.js's stat walk), and that the bundle
 * behaves as the sources do, including the files the CLI reads from its package by path.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundlePath, buildCli, isStale, newestSource } from '../build';

const ROOT = resolve(__dirname, '..', '..', '..');
const WARDEN = join(ROOT, 'scripts', 'cli', 'warden.js');

describe('the stat walk that decides whether to build again', () => {
    let root: string;
    const past = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-01-02T00:00:00Z');
    const files = [
        'scripts/cli/main.ts',
        'scripts/cli/lib/tool.ts',
        'scripts/cli/lib/__tests__/tool.test.ts',
        'force-app/main/gate/lwc/policy/policy.ts',
        'force-app/main/gate/lwc/policy/policy.js',
        'force-app/main/gate/lwc/policy/__tests__/policy.test.ts',
        'force-app/main/gate/classes/Gate.cls',
        '.warden/cli/warden.cjs'
    ];

    /** Every file and folder of the fixture back to `past`, the bundle at `past` too. */
    function settle(): void {
        const folders = new Set<string>();
        for (const file of files) {
            utimesSync(join(root, file), past, past);
            for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) {
                folders.add(dir);
            }
        }
        for (const dir of folders) {
            utimesSync(join(root, dir), past, past);
        }
    }

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-build-'));
        for (const file of files) {
            mkdirSync(dirname(join(root, file)), { recursive: true });
            writeFileSync(join(root, file), '// fixture\n');
        }
        settle();
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('is fresh when nothing is newer than the bundle', () => {
        expect(newestSource(root)).toBe(past.getTime());
        expect(isStale(root)).toBe(false);
    });

    it.each(['scripts/cli/main.ts', 'scripts/cli/lib/tool.ts', 'force-app/main/gate/lwc/policy/policy.ts'])(
        'is stale when %s is newer',
        (file) => {
            utimesSync(join(root, file), later, later);
            expect(isStale(root)).toBe(true);
        }
    );

    it.each([
        'scripts/cli/lib/__tests__/tool.test.ts',
        'force-app/main/gate/lwc/policy/policy.js',
        'force-app/main/gate/lwc/policy/__tests__/policy.test.ts',
        'force-app/main/gate/classes/Gate.cls'
    ])('ignores %s, which is not compiled into the CLI', (file) => {
        utimesSync(join(root, file), later, later);
        expect(isStale(root)).toBe(false);
    });

    it('is stale when a source file is added or removed (its folder changes) or the bundle is missing', () => {
        writeFileSync(join(root, 'scripts/cli/lib/new.ts'), 'export {};\n');
        expect(isStale(root)).toBe(true);
        settle();
        utimesSync(join(root, 'scripts/cli/lib/new.ts'), past, past);
        utimesSync(join(root, 'scripts/cli/lib'), past, past);
        expect(isStale(root)).toBe(false);
        rmSync(join(root, 'scripts/cli/lib/new.ts'));
        expect(isStale(root)).toBe(true);
        settle();
        rmSync(join(root, '.warden/cli/warden.cjs'));
        expect(isStale(root)).toBe(true);
    });
});

describe('the bundle', () => {
    beforeAll(() => {
        buildCli();
    });

    function warden(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
        const result = spawnSync(process.execPath, [WARDEN, ...args], {
            cwd: tmpdir(),
            input,
            env: { ...process.env, WARDEN_DEBUG: '1' },
            encoding: 'utf8'
        });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it('is one CommonJS file that leaves npm packages as require() calls', () => {
        const code = readFileSync(bundlePath(), 'utf8');
        expect(code).toContain('require("@salesforce/core")');
        expect(code).not.toContain('node_modules/@salesforce/core');
        expect(isStale()).toBe(false);
    });

    it('runs without building again, from any folder, and finds the names dictionary in the package', () => {
        const withDictionary = warden(['redact'], 'Met Maria Garcia today\n');
        expect(withDictionary).toMatchObject({ status: 0, stdout: 'Met [NAME] today\n' });
        expect(withDictionary.stderr).not.toContain('built it');
        expect(warden(['redact', '--no-dictionary'], 'Met Maria Garcia today\n').stdout).toBe(
            'Met Maria Garcia today\n'
        );
    });

    it('keeps the exit codes and messages of the sources', () => {
        const unknown = warden(['nonsense']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('warden: unknown command "nonsense"');
        expect(warden(['--help']).status).toBe(0);
    });
});
