import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatedStep } from '../steps/generated';

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

describe('generated step', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-generated-'));
        write(root, 'sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'src', default: true }] }));
        symlinkSync(join(__dirname, '../../../../node_modules'), join(root, 'node_modules'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('fails naming the generator whose --check reports stale output, and passes when all agree', async () => {
        write(
            root,
            'scripts/dev/generate/patterns.ts',
            "if (process.argv.includes('--check')) { console.log('PhiPattern.Ssn differs'); process.exit(1); }\n"
        );
        write(
            root,
            'scripts/dev/generate/chain-vectors.ts',
            "if (!process.argv.includes('--check')) process.exit(3);\n"
        );
        const failing = await generatedStep.run({ root });
        expect(failing.failed).toBe(1);
        expect(failing.problems).toHaveLength(1);
        expect(failing.problems[0].file).toBe('scripts/dev/generate/patterns.ts');
        expect(failing.problems[0].message).toContain('PhiPattern.Ssn differs');
        expect(failing.problems[0].message).toContain('npm run build:patterns');

        write(root, 'scripts/dev/generate/patterns.ts', "console.log('52 patterns agree');\n");
        const passing = await generatedStep.run({ root });
        expect(passing).toMatchObject({ passed: 1, failed: 0, problems: [] });
        expect(passing.summary).toBe('2 generators checked');
    }, 60000);
});
