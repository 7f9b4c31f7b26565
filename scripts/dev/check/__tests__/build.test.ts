/**
 * The `build` step on throwaway projects: it fails when the shipped CLI requires a package outside
 * `dependencies`, when `dependencies` lists a package the CLI never requires, when development code from
 * scripts/dev is bundled, and when the sources do not compile; it passes a clean CLI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildStep, packageName } from '../steps/build';

describe('build step', () => {
    let root: string;

    function write(files: Record<string, string>): void {
        for (const [path, content] of Object.entries(files)) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), content);
        }
    }

    const packageJson = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): string =>
        JSON.stringify({ name: 'fixture', dependencies, devDependencies });

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-build-step-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('passes a CLI that requires exactly its dependencies and Node modules, types aside', async () => {
        write({
            'package.json': packageJson({ jsforce: '3.0.0', '@scope/lib': '1.0.0' }, { '@types/sarif': '2.1.7' }),
            'scripts/cli/main.ts': [
                "import { readFileSync } from 'node:fs';",
                "import { join } from 'path';",
                "import type { Log } from 'sarif';",
                "import { tool } from './lib/tool';",
                "export const main = (log: Log): unknown => [readFileSync, join, tool, log, require('jsforce')];",
                ''
            ].join('\n'),
            'scripts/cli/lib/tool.ts': "export { thing as tool } from '@scope/lib/sub/path';\n"
        });
        const result = await buildStep.run({ root });
        expect(result).toMatchObject({ passed: 1, failed: 0, problems: [] });
        expect(existsSync(join(root, '.warden/cli/warden.cjs'))).toBe(true);
    });

    it('fails on a devDependency required at run time, an unused dependency and bundled scripts/dev code', async () => {
        write({
            'package.json': packageJson({ jsforce: '3.0.0', unused: '1.0.0' }, { 'left-pad': '1.3.0' }),
            'scripts/cli/main.ts': [
                "import jsforce from 'jsforce';",
                "import pad from 'left-pad';",
                "import { helper } from '../dev/lib/helper';",
                'export const main = (): unknown => [jsforce, pad, helper];',
                ''
            ].join('\n'),
            'scripts/dev/lib/helper.ts': 'export const helper = 1;\n'
        });
        const result = await buildStep.run({ root });
        expect(result.failed).toBe(1);
        expect(result.problems).toEqual([
            {
                file: 'scripts/dev/lib/helper.ts',
                message: 'development code is bundled into the shipped CLI (scripts/dev never ships)'
            },
            {
                file: 'scripts/cli/main.ts',
                message:
                    'requires left-pad at run time, but package.json lists it outside dependencies: users would not have it'
            },
            {
                file: 'package.json',
                message: 'dependencies lists unused, which the shipped CLI never requires: move it to devDependencies'
            }
        ]);
    });

    it('fails with the place of a compile error', async () => {
        write({
            'package.json': packageJson({}),
            'scripts/cli/main.ts': "import { missing } from './nowhere';\nexport const main = () => missing;\n"
        });
        const result = await buildStep.run({ root });
        expect(result.failed).toBe(1);
        expect(result.problems).toEqual([
            expect.objectContaining({
                file: 'scripts/cli/main.ts',
                line: 1,
                column: 25,
                message: expect.stringContaining('Could not resolve "./nowhere"')
            })
        ]);
    });

    it('names the package of an import path', () => {
        expect(packageName('jsforce')).toBe('jsforce');
        expect(packageName('@salesforce/core/lib/org')).toBe('@salesforce/core');
        expect(packageName('csv-parse/sync')).toBe('csv-parse');
        expect(packageName('node:fs')).toBeUndefined();
        expect(packageName('fs/promises')).toBeUndefined();
        expect(packageName('./config')).toBeUndefined();
    });
});
