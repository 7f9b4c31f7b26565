import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { formatJsonLikePrettier, syncTsconfigPaths } from '../../generate/lwc-js';

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

describe('tsconfig c/<bundle> paths', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-paths-'));
        write(root, 'sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'src', default: true }] }));
        write(root, 'src/lwc/alpha/alpha.ts', 'export const a = 1;\n');
        write(root, 'src/lwc/beta/beta.js', 'export const b = 2;\n');
        write(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { paths: { 'other/*': ['x/*'] } } }));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports a tsconfig that lacks a TypeScript bundle as stale, then writes the mapping to its .ts', async () => {
        expect(await syncTsconfigPaths(root, { write: false })).toBe('stale');
        expect(await syncTsconfigPaths(root, { write: true })).toBe('written');
        const paths = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths;
        // JavaScript-only bundles need no entry; unrelated entries are kept.
        expect(paths).toEqual({ 'c/alpha': ['src/lwc/alpha/alpha.ts'], 'other/*': ['x/*'] });
        expect(await syncTsconfigPaths(root, { write: false })).toBe('up-to-date');
    });

    it('reports an entry for a bundle that no longer exists as stale', async () => {
        await syncTsconfigPaths(root, { write: true });
        rmSync(join(root, 'src/lwc/alpha'), { recursive: true });
        expect(await syncTsconfigPaths(root, { write: false })).toBe('stale');
    });

    it('writes JSON exactly as prettier formats it with the project configuration', () => {
        const file = join(root, 'sample.json');
        writeFileSync(
            file,
            formatJsonLikePrettier({
                compilerOptions: { lib: ['ES2022', 'DOM'], strict: true, paths: { 'c/a': ['src/lwc/a/a.ts'] } },
                include: ['scripts/**/*.ts'],
                long: Array.from({ length: 12 }, (_, index) => `a-rather-long-entry-${index}`)
            })
        );
        const prettier = join(__dirname, '../../../../node_modules/.bin/prettier');
        const config = join(__dirname, '../../../../.prettierrc');
        expect(() => execFileSync(prettier, ['--config', config, '--check', file], { stdio: 'pipe' })).not.toThrow();
    });
});
