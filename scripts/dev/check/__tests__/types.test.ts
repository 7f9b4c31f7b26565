import { parseTscOutput } from '../steps/types';
import { explain, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const TSCONFIG = { copyFromRepo: ['tsconfig.json'], linkNodeModules: true };

describe('types step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails with the file, line and column of a type error, under the repo tsconfig', async () => {
        root = makeTempProject(
            {
                'scripts/lib/count.ts':
                    'export function count(): number {\n    const total: number = "three";\n    return total;\n}\n'
            },
            TSCONFIG
        );
        const run = await runCheck(root, ['types']);
        expect(run.code).toBe(1);
        expect(run.lines).toContain(
            "scripts/lib/count.ts:2:11: Type 'string' is not assignable to type 'number'. (TS2322)"
        );
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('catches what only strict mode catches (the repo tsconfig is strict)', async () => {
        root = makeTempProject(
            { 'scripts/implicit.ts': 'export function twice(value) {\n    return value * 2;\n}\n' },
            TSCONFIG
        );
        const run = await runCheck(root, ['types']);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: 'scripts/implicit.ts',
                line: 1,
                column: 23,
                message: expect.stringContaining('TS7006')
            })
        );
    }, 300_000);

    it('passes a well-typed project', async () => {
        root = makeTempProject(
            {
                'scripts/lib/count.ts':
                    'export function count(items: string[]): number {\n    return items.length;\n}\n'
            },
            TSCONFIG
        );
        const run = await runCheck(root, ['types']);
        expect(run.code).toBe(0);
        expect(run.lastLine).toBe('1 passed, 0 failed');
        expect(explain(run)).toMatch(/PASS types/);
    }, 300_000);

    it('parses tsc output, joining continuation lines', () => {
        const output = [
            "src/a.ts(3,5): error TS2345: Argument of type 'X' is not assignable to parameter of type 'Y'.",
            "  Property 'z' is missing in type 'X'.",
            'error TS5083: Cannot read file tsconfig.base.json.'
        ].join('\n');
        expect(parseTscOutput(output, '/p')).toEqual([
            {
                file: 'src/a.ts',
                line: 3,
                column: 5,
                message:
                    "Argument of type 'X' is not assignable to parameter of type 'Y'. (TS2345) Property 'z' is missing in type 'X'."
            },
            { message: 'Cannot read file tsconfig.base.json. (TS5083)' }
        ]);
    });
});
