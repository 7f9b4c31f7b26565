import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanIo } from '../command';

type Captured = { io: ScanIo; out: () => string; err: () => string };

function capture(cwd: string, tty = false): Captured {
    let out = '';
    let err = '';
    return {
        io: {
            stdout: { write: (t: string) => (out += t), isTTY: tty },
            stderr: { write: (t: string) => (err += t), isTTY: tty },
            env: {},
            cwd
        },
        out: () => out,
        err: () => err
    };
}

const CLEAN = 'public with sharing class Clean {\n    public Integer two() {\n        return 2;\n    }\n}\n';
const MEDIUM =
    "public with sharing class Caller {\n    public void call() {\n        HttpRequest req = new HttpRequest();\n        req.setEndpoint('https://erp.example.com/api');\n    }\n}\n";

describe('warden scan', () => {
    let root: string;
    const classes = (): string => join(root, 'force-app', 'main', 'default', 'classes');
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-scan-cli-'));
        writeFileSync(
            join(root, 'sfdx-project.json'),
            JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
        );
        mkdirSync(classes(), { recursive: true });
        writeFileSync(join(classes(), 'Clean.cls'), CLEAN);
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('exits 0 on a clean project and finds the project from a sub-folder', async () => {
        const c = capture(classes());
        expect(await runScan([], c.io)).toBe(0);
        expect(c.out()).toContain('No findings.');
        expect(c.out()).toContain('Passed: nothing at or above low.');
    });

    it('exits 1 on findings at or above --fail-on and 0 below it', async () => {
        writeFileSync(join(classes(), 'Caller.cls'), MEDIUM);
        const low = capture(root);
        expect(await runScan([root], low.io)).toBe(1);
        expect(low.out()).toContain('hardcoded-endpoint');
        const high = capture(root);
        expect(await runScan([root, '--fail-on', 'high'], high.io)).toBe(0);
        expect(await runScan([root, '--fail-on=medium'], capture(root).io)).toBe(1);
    });

    it('writes JSON and SARIF reports to --output and honours --rules', async () => {
        writeFileSync(join(classes(), 'Caller.cls'), MEDIUM);
        const json = capture(root);
        expect(
            await runScan(
                [root, '--format', 'json', '--output', 'report.json', '--rules', 'hardcoded-endpoint'],
                json.io
            )
        ).toBe(1);
        expect(json.out()).toBe('');
        expect(json.err()).toContain('report written to report.json');
        const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'));
        expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['hardcoded-endpoint']);
        const sarif = capture(root);
        expect(await runScan(['.', '--format', 'sarif'], sarif.io)).toBe(1);
        expect(JSON.parse(sarif.out()).version).toBe('2.1.0');
    });

    it('fails only on new findings with a baseline', async () => {
        writeFileSync(join(classes(), 'Caller.cls'), MEDIUM);
        expect(await runScan([root, '--write-baseline', 'baseline.json'], capture(root).io)).toBe(1);
        const again = capture(root);
        expect(await runScan([root, '--baseline', 'baseline.json'], again.io)).toBe(0);
        expect(again.out()).toContain('1 already in the baseline');
        writeFileSync(join(classes(), 'Other.cls'), MEDIUM.replace(/Caller/g, 'Other'));
        expect(await runScan([root, '--baseline', 'baseline.json'], capture(root).io)).toBe(1);
    });

    it('exits 2 on usage and I/O errors, with a clear message', async () => {
        const cases: Array<[string[], string]> = [
            [['--format', 'xml'], 'warden scan: --format takes one of table, json, sarif (got "xml")'],
            [['--fail-on', 'urgent'], '--fail-on must be'],
            [['--rules', 'no-such-rule'], 'unknown rule "no-such-rule"'],
            [['--bogus'], 'unknown option --bogus'],
            [['a', 'b'], 'too many arguments (from "b"); expected [path]'],
            [['-o'], '--target-org needs a value'],
            [['--api-version', '62'], 'expected a version like 62.0'],
            [['--output'], '--output needs a value'],
            [[join(root, 'missing')], 'does not exist'],
            [[root, '--baseline', 'nope.json'], 'cannot read baseline'],
            [[root, '--config', 'nope.json'], 'does not exist']
        ];
        for (const [args, message] of cases) {
            const c = capture(root);
            expect(await runScan(args, c.io)).toBe(2);
            expect(c.err()).toContain(message);
        }
        const outside = capture(tmpdir());
        expect(await runScan([], outside.io)).toBe(2);
        expect(outside.err()).toContain('No sfdx-project.json');
        writeFileSync(join(root, 'warden.config.json'), '{"scan": {"phi": {"fields": "Contact.Birthdate"}}}');
        const badConfig = capture(root);
        expect(await runScan([root], badConfig.io)).toBe(2);
        expect(badConfig.err()).toContain('phi.fields must be an array of strings');
    });

    it('shows progress on a terminal for large projects and colours the table', async () => {
        for (let i = 0; i < 60; i += 1) {
            writeFileSync(join(classes(), `C${i}.cls`), CLEAN.replace('Clean', `C${i}`));
        }
        writeFileSync(join(classes(), 'Caller.cls'), MEDIUM);
        const tty = capture(root, true);
        expect(await runScan([root], tty.io)).toBe(1);
        expect(tty.err()).toContain('parsing Apex 62/62');
        expect(tty.out()).toContain('\u001b[33mMEDIUM');
        const plain = capture(root, true);
        await runScan([root, '--no-color'], plain.io);
        expect(plain.out()).not.toContain('\u001b[');
    });

    it('prints help and the rule list', async () => {
        const help = capture(root);
        expect(await runScan(['--help'], help.io)).toBe(0);
        expect(help.out()).toContain('Exit codes: 0');
        const list = capture(root);
        expect(await runScan(['--list-rules'], list.io)).toBe(0);
        expect(list.out()).toContain('llm-gate-bypass');
    });
});
