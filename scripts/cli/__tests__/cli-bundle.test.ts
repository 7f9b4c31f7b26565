import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus, writeCorpus } from '../../dev/bench/corpus';
import { nodeSha256 } from '../verify/chain';
import { exportCsv, sampleLog } from '../../dev/generate/sample-log';
import { CHAIN_FIELDS, LOG_FIELDS } from '../../../force-app/main/audit/lwc/auditChain/auditChain';

/* eslint-disable @typescript-eslint/no-require-imports -- the module under test is the CommonJS launcher's */
const bundle = require('../cli-bundle') as {
    BUNDLED_COMMANDS: Set<string>;
    build(command: string, cacheDir: string): Promise<{ bundle: string; sources: Record<string, string> }>;
    isFresh(manifest: unknown, root?: string): boolean;
    loadBundledCommand(command: string, cacheDir?: string): Promise<{ run(args: string[]): Promise<number> } | null>;
    toolchainKey(): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = resolve(__dirname, '..', '..', '..');
const WARDEN = join(ROOT, 'scripts', 'cli', 'warden.js');

let work: string;
beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'warden-cli-bundle-'));
});
afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

function warden(
    args: string[],
    env: Record<string, string>
): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [WARDEN, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8'
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundle manifest', () => {
    it('is fresh only while every recorded source has the recorded content and the toolchain is the same', () => {
        const root = mkdtempSync(join(work, 'root-'));
        writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
        const hash = createHash('sha256').update('export const a = 1;\n').digest('hex');
        const manifest = { toolchain: bundle.toolchainKey(), bundle: 'x.cjs', sources: { 'a.ts': hash } };
        expect(bundle.isFresh(manifest, root)).toBe(true);
        expect(bundle.isFresh({ ...manifest, toolchain: 'other' }, root)).toBe(false);
        expect(bundle.isFresh(null, root)).toBe(false);
        writeFileSync(join(root, 'a.ts'), 'export const a = 2;\n');
        expect(bundle.isFresh(manifest, root)).toBe(false);
        rmSync(join(root, 'a.ts'));
        expect(bundle.isFresh(manifest, root)).toBe(false);
    });

    it('records every source file of the command, and the built bundle is fresh', async () => {
        const cacheDir = join(work, 'cache-build');
        const manifest = await bundle.build('verify', cacheDir);
        expect(Object.keys(manifest.sources)).toEqual(
            expect.arrayContaining([
                'scripts/cli/verify/command.ts',
                'scripts/cli/verify/chain.ts',
                'force-app/main/audit/lwc/auditChain/auditChain.ts',
                'force-app/main/audit/lwc/chainVerifier/chainVerifier.ts',
                'force-app/main/common/lwc/sha256/sha256.ts'
            ])
        );
        expect(existsSync(join(cacheDir, manifest.bundle))).toBe(true);
        expect(bundle.isFresh(manifest)).toBe(true);
    });

    it('is not used for the other commands, nor when WARDEN_CLI_BUNDLE=0', async () => {
        expect([...bundle.BUNDLED_COMMANDS].sort()).toEqual(['redact', 'scan', 'verify']);
        expect(await bundle.loadBundledCommand('check', join(work, 'cache-none'))).toBeNull();
        process.env.WARDEN_CLI_BUNDLE = '0';
        try {
            expect(await bundle.loadBundledCommand('scan', join(work, 'cache-none'))).toBeNull();
        } finally {
            delete process.env.WARDEN_CLI_BUNDLE;
        }
        expect(existsSync(join(work, 'cache-none'))).toBe(false);
    });
});

describe('warden from the bundle and through tsx', () => {
    it('gives the same scan report and exit code', () => {
        const project = join(work, 'project');
        writeCorpus(project, generateCorpus(3000));
        const cacheDir = join(work, 'cache-scan');
        const outputs = [join(work, 'bundled.json'), join(work, 'tsx.json')];
        const bundled = warden(['scan', project, '--format', 'json', '--output', outputs[0]], {
            WARDEN_CLI_CACHE: cacheDir
        });
        const viaTsx = warden(['scan', project, '--format', 'json', '--output', outputs[1]], {
            WARDEN_CLI_BUNDLE: '0',
            WARDEN_CLI_CACHE: cacheDir
        });
        expect(existsSync(join(cacheDir, 'scan.json'))).toBe(true);
        expect(bundled.status).toBe(1);
        expect(viaTsx.status).toBe(1);
        const findings = outputs.map(
            (file) => (JSON.parse(readFileSync(file, 'utf8')) as { findings: unknown[] }).findings
        );
        expect(findings[0].length).toBeGreaterThan(10);
        expect(findings[0]).toEqual(findings[1]);
    });

    it('gives the same verify output for an intact and a tampered export, and reuses the bundle and its code cache', () => {
        const entries = sampleLog(50, nodeSha256);
        const columns = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
        const intact = join(work, 'intact.csv');
        writeFileSync(intact, exportCsv(entries, columns));
        entries[20] = { ...entries[20], Purpose__c: 'Marketing' };
        const tampered = join(work, 'tampered.csv');
        writeFileSync(tampered, exportCsv(entries, columns));
        const cacheDir = join(work, 'cache-verify');
        for (const [file, status] of [
            [intact, 0],
            [tampered, 1]
        ] as const) {
            const bundled = warden(['verify', file], { WARDEN_CLI_CACHE: cacheDir });
            const viaTsx = warden(['verify', file], { WARDEN_CLI_BUNDLE: '0' });
            expect(bundled.status).toBe(status);
            expect(bundled).toEqual(viaTsx);
        }
        const manifest = JSON.parse(readFileSync(join(cacheDir, 'verify.json'), 'utf8')) as { bundle: string };
        expect(existsSync(join(cacheDir, `${manifest.bundle}.v8cache`))).toBe(true);
        expect(warden(['verify', intact], { WARDEN_CLI_CACHE: cacheDir }).status).toBe(0);
        expect((JSON.parse(readFileSync(join(cacheDir, 'verify.json'), 'utf8')) as { bundle: string }).bundle).toBe(
            manifest.bundle
        );
    });
});
