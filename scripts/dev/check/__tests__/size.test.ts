/**
 * The size step fails on a planted long function and a planted long file at the right place, leaves out
 * files .gitattributes marks generated, and passes a project within the limits.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatedMatcher, MAX_FILE_LINES, MAX_FUNCTION_LINES, sizeStep } from '../steps/size';

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

/** A function of `lines` lines in all, its declaration and closing brace included. */
function functionOf(name: string, lines: number): string {
    const body = Array.from({ length: lines - 2 }, (_, i) => `    total += ${i};`);
    return [`export function ${name}(total: number): number {`, ...body.slice(0, -1), '    return total;', '}'].join(
        '\n'
    );
}

describe('size step', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-size-step-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('passes code within the limits, a function of exactly the limit included', async () => {
        write(root, 'scripts/ok.ts', functionOf('atTheLimit', MAX_FUNCTION_LINES) + '\n');
        const result = await sizeStep.run({ root });
        expect(result.problems).toEqual([]);
        expect(result).toMatchObject({ passed: 1, failed: 0 });
    });

    it('fails on a function one line over the limit, at its first line', async () => {
        write(root, 'scripts/lib/sum.ts', '// padding\n' + functionOf('tooLong', MAX_FUNCTION_LINES + 1) + '\n');
        const result = await sizeStep.run({ root });
        expect(result.failed).toBe(1);
        expect(result.problems).toEqual([
            expect.objectContaining({
                file: 'scripts/lib/sum.ts',
                line: 2,
                message: expect.stringMatching(/^tooLong is 121 lines/)
            })
        ]);
    });

    it('names a long test callback by the call it belongs to', async () => {
        const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, i) => `    it('case ${i}', () => undefined);`);
        write(
            root,
            'force-app/main/x/lwc/y/__tests__/y.test.ts',
            [`describe('c-y', () => {`, ...body, '});', ''].join('\n')
        );
        const result = await sizeStep.run({ root });
        expect(result.problems.map((problem) => problem.message)).toEqual([
            expect.stringMatching(/^the callback of describe\('c-y'\) is 122 lines long/)
        ]);
    });

    it('fails on a long hand-written file and leaves out the generated ones', async () => {
        const long =
            Array.from({ length: MAX_FILE_LINES + 1 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
        write(root, 'scripts/data.ts', long);
        write(root, 'force-app/main/gate/lwc/table/table.ts', long);
        write(root, 'force-app/main/gate/lwc/table/table.js', long);
        write(
            root,
            '.gitattributes',
            '# generated\nforce-app/**/lwc/*/*.js linguist-generated -diff\nforce-app/main/gate/lwc/table/table.ts linguist-generated -diff\n'
        );
        const result = await sizeStep.run({ root });
        expect(result.problems).toEqual([
            expect.objectContaining({
                file: 'scripts/data.ts',
                line: MAX_FILE_LINES + 1,
                message: expect.stringMatching(/^801 lines/)
            })
        ]);
        expect(result.summary).toContain('2 generated left out');
    });
});

describe('generatedMatcher', () => {
    it('reads linguist-generated patterns as git does, with and without a slash', () => {
        const isGenerated = generatedMatcher(
            [
                'force-app/**/lwc/*/*.js linguist-generated -diff',
                '*.snap linguist-generated',
                'docs/x.md -linguist-generated'
            ].join('\n')
        );
        expect(isGenerated('force-app/main/a/lwc/b/b.js')).toBe(true);
        expect(isGenerated('force-app/main/a/lwc/b/__tests__/b.test.js')).toBe(false);
        expect(isGenerated('scripts/deep/x.snap')).toBe(true);
        expect(isGenerated('docs/x.md')).toBe(false);
        expect(generatedMatcher('')('anything.ts')).toBe(false);
    });
});
