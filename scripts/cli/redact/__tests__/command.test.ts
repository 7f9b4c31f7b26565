/** `warden redact`: plain text, JSON with spans, pseudonymisation and input errors. */
import { runRedact } from '../command';

const KEY = '11'.repeat(32);

describe('warden redact', () => {
    it('redacts text from stdin', () => {
        const outcome = runRedact([], 'Call 555-123-4567 or write to jane@example.com.\n');
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toBe('Call [PHONE] or write to [EMAIL].\n');
    });

    it('prints spans in UTF-16 offsets of the input with --json, using record fields', () => {
        const input = JSON.stringify([
            { text: '😀 Quentin Zarbock, SSN 123-45-6789', fields: { FirstName: 'Quentin', LastName: 'Zarbock' } }
        ]);
        const outcome = runRedact(['--json'], input);
        expect(outcome.code).toBe(0);
        const [item] = JSON.parse(outcome.stdout);
        expect(item.text).toBe('😀 [NAME], SSN [SSN]');
        expect(item.spans).toEqual([
            { start: 3, end: 18, category: 'Name' },
            { start: 24, end: 35, category: 'Ssn' }
        ]);
        expect(item.categories).toEqual(['Name', 'Ssn']);
        expect(item.count).toBe(2);
    });

    it('pseudonymises with a stable key', () => {
        const first = runRedact(['--mode', 'pseudonymize', '--key', KEY], 'SSN 123-45-6789');
        const second = runRedact(['--mode', 'pseudonymize'], 'SSN 123-45-6789', { WARDEN_PSEUDONYM_KEY: KEY });
        expect(first.stdout).toMatch(/^SSN \[SSN-[0-9a-f]{12}\]$/);
        expect(second.stdout).toBe(first.stdout);
        const random = runRedact(['--mode', 'pseudonymize'], 'SSN 123-45-6789', {});
        expect(random.stderr).toContain('random key');
    });

    it('rejects bad arguments and bad JSON with exit code 2', () => {
        expect(runRedact(['--mode', 'erase'], 'x').code).toBe(2);
        expect(runRedact(['--bogus'], 'x').code).toBe(2);
        expect(runRedact(['--mode', 'pseudonymize', '--key', 'abc'], 'x').code).toBe(2);
        expect(runRedact(['--json'], '{').stderr).toContain('not JSON');
        expect(runRedact(['--json'], '[{"fields":{}}]').stderr).toContain('no "text"');
        expect(runRedact(['--json'], '[{"text":"a","fields":{"FirstName":3}}]').stderr).toContain('must be a string');
        expect(runRedact(['--mode', 'erase'], 'x').stderr).toContain('--mode takes one of redact, pseudonymize');
        expect(runRedact(['--key'], 'x').stderr).toContain('--key needs a value');
        expect(runRedact(['extra'], 'x').stderr).toContain('unexpected argument "extra"');
    });

    it('checks the key only where it is used, and prints its options with --help', () => {
        expect(runRedact([], 'SSN 123-45-6789', { WARDEN_PSEUDONYM_KEY: 'not hex' }).code).toBe(0);
        expect(runRedact(['--mode', 'pseudonymize'], 'x', { WARDEN_PSEUDONYM_KEY: 'not hex' }).code).toBe(2);
        const help = runRedact(['--help'], '');
        expect(help.code).toBe(0);
        for (const option of ['--mode <mode>', '--json', '--key <64 hex>', '--no-dictionary']) {
            expect(help.stdout).toContain(option);
        }
    });

    it('can run without the names dictionary', () => {
        expect(runRedact(['--no-dictionary'], 'Yesterday Margaret came.').stdout).toBe('Yesterday Margaret came.');
        expect(runRedact([], 'Yesterday Margaret came.').stdout).toBe('Yesterday [NAME] came.');
    });
});
