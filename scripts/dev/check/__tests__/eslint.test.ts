import { makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const ESLINT = { copyFromRepo: ['eslint.config.js'], linkNodeModules: true };

describe('eslint step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails on an ESLint error with its rule, file, line and column, under the repo flat config', async () => {
        root = makeTempProject(
            {
                'scripts/lib/sum.ts':
                    'export function sum(values: number[]): number {\n    const unused = values.length;\n    return values.reduce((a, b) => a + b, 0);\n}\n',
                'config/jest/helper.ts': 'export const answer: number = 42;\n'
            },
            ESLINT
        );
        const run = await runCheck(root, ['eslint']);
        expect(run.code).toBe(1);
        expect(run.lines).toContain(
            // "must match /^_/u" is our config's varsIgnorePattern: proof the repo config was used.
            "scripts/lib/sum.ts:2:11: 'unused' is assigned a value but never used. Allowed unused vars must match /^_/u. (@typescript-eslint/no-unused-vars)"
        );
        expect(run.steps[0].summary).toMatch(/^2 files, 1 error, 0 warnings$/);
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('lints the TypeScript of LWC bundles with the LWC rules', async () => {
        root = makeTempProject(
            {
                'scripts/ok.ts': 'export const ok = true;\n',
                'force-app/main/console/lwc/ticker/ticker.ts':
                    "import { LightningElement } from 'lwc';\n\nexport default class Ticker extends LightningElement {\n    connectedCallback(): void {\n        setTimeout(() => this.tick(), 1000);\n    }\n\n    tick(): void {}\n}\n"
            },
            ESLINT
        );
        const run = await runCheck(root, ['eslint']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: 'force-app/main/console/lwc/ticker/ticker.ts',
                line: 5,
                message: expect.stringContaining('@lwc/lwc/no-async-operation')
            })
        );
    }, 300_000);

    it('passes clean code', async () => {
        root = makeTempProject(
            {
                'scripts/lib/sum.ts':
                    'export function sum(values: number[]): number {\n    return values.reduce((a, b) => a + b, 0);\n}\n'
            },
            ESLINT
        );
        const run = await runCheck(root, ['eslint']);
        expect(run.code).toBe(0);
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);
});
