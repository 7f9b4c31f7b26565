/**
 * bench:redact's own parts: the text it writes and the child's rusage line it reads (the bench itself is run
 * by hand, never timed in a test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRusage, writeText } from '../redact';

describe('bench:redact', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-bench-redact-test-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the texts repeated in order, separated by blank lines, up to the size asked for', () => {
        const file = join(dir, 'in.txt');
        writeText(file, ['Alpha note.', 'Bravo note, Grüße.'], 3_000_000);
        const size = statSync(file).size;
        expect(size).toBeGreaterThanOrEqual(3_000_000);
        expect(size).toBeLessThan(3_000_000 + 64);
        const text = readFileSync(file, 'utf8');
        expect(text.startsWith('Alpha note.\n\nBravo note, Grüße.\n\nAlpha note.\n\n')).toBe(true);
        expect(text.split('\n\n').filter((t) => t !== '' && t !== 'Alpha note.' && t !== 'Bravo note, Grüße.')).toEqual(
            []
        );
        expect(() => writeText(file, [], 10)).toThrow('no texts');
    });

    it("reads the preload's rusage line from a real child, and nothing from a stderr without it", () => {
        const child = spawnSync(
            process.execPath,
            ['--require', join(__dirname, '..', 'rusage-preload.cjs'), '-e', 'process.stderr.write("note\\n")'],
            { encoding: 'utf8' }
        );
        expect(child.status).toBe(0);
        expect(child.stderr.startsWith('note\n')).toBe(true);
        const usage = readRusage(child.stderr);
        expect(usage).not.toBeNull();
        expect(usage!.peakMb).toBeGreaterThan(10);
        expect(usage!.peakMb).toBeLessThan(2000);
        expect(usage!.cpuSeconds).toBeGreaterThan(0);
        expect(readRusage('warden redact: something\n')).toBeNull();
    });
});
