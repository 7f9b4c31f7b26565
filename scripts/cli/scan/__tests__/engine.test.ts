import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline, parseBaseline } from '../baseline';
import { ConfigError, excludedBy, resolveConfig } from '../config';
import { scanProject, ScanInputError } from '../engine';
import { scanFiles } from './scan-helpers';

const LEAKY = [
    'public with sharing class Leaky {',
    '    public void send(Contact c) {',
    '        HttpRequest req = new HttpRequest();',
    '        req.setBody(String.valueOf(c.Birthdate));',
    '    }',
    '}',
    ''
].join('\n');

describe('suppressions', () => {
    it('suppresses a finding on the same line or the line below, and keeps the reason', () => {
        const source = LEAKY.replace(
            '        req.setBody(',
            '        // warden:ignore phi-callout the lab contract covers this field (DPA 2024-17)\n        req.setBody('
        );
        const result = scanFiles({ Leaky: source }, undefined, ['phi-callout']);
        expect(result.findings).toEqual([]);
        expect(result.suppressed.map((f) => [f.ruleId, f.suppression])).toEqual([
            ['phi-callout', { line: 4, reason: 'the lab contract covers this field (DPA 2024-17)' }]
        ]);
        const trailing = LEAKY.replace(
            'req.setBody(String.valueOf(c.Birthdate));',
            'req.setBody(String.valueOf(c.Birthdate)); /* warden:ignore phi-callout,phi-debug-log approved flow */'
        );
        expect(scanFiles({ Leaky: trailing }, undefined, ['phi-callout']).findings).toEqual([]);
    });

    it('refuses a suppression without a reason or naming an unknown rule, and reports it', () => {
        const noReason = LEAKY.replace(
            '        req.setBody(',
            '        // warden:ignore phi-callout\n        req.setBody('
        );
        const result = scanFiles({ Leaky: noReason }, undefined, ['phi-callout']);
        expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
            ['invalid-suppression', 4],
            ['phi-callout', 5]
        ]);
        expect(result.findings[0].message).toContain('gives no reason');
        const unknown = LEAKY.replace(
            '        req.setBody(',
            '        // warden:ignore phi-leak because\n        req.setBody('
        );
        const second = scanFiles({ Leaky: unknown }, undefined, ['phi-callout']);
        expect(second.findings[0].message).toContain('unknown rule "phi-leak"');
    });

    it('reports suppressions that match nothing, for the rules that ran', () => {
        const stale =
            '// warden:ignore sharing-without kept from an old version\npublic with sharing class Tidy {\n}\n';
        expect(scanFiles({ Tidy: stale }).findings.map((f) => f.ruleId)).toEqual(['unused-suppression']);
        expect(scanFiles({ Tidy: stale }, undefined, ['crud-fls-bypass']).findings).toEqual([]);
    });
});

describe('fingerprints', () => {
    const fingerprint = (source: string): string =>
        scanFiles({ Leaky: source }, undefined, ['phi-callout']).findings[0].fingerprint;

    it('survive unrelated edits: code added above, reformatting, a moved file', () => {
        const base = fingerprint(LEAKY);
        expect(base).toMatch(/^[0-9a-f]{64}$/);
        const shifted = LEAKY.replace(
            'public with sharing class Leaky {',
            'public with sharing class Leaky {\n    private static final Integer LIMIT_ROWS = 10;\n\n    public void other() {\n    }\n'
        );
        expect(fingerprint(shifted)).toBe(base);
        expect(
            fingerprint(
                LEAKY.replace(
                    'req.setBody(String.valueOf(c.Birthdate));',
                    'req.setBody(  String.valueOf( c.Birthdate ) );'
                )
            )
        ).toBe(base);
        const moved = scanFiles({ 'force-app/main/gate/classes/Leaky.cls': LEAKY }, undefined, ['phi-callout'])
            .findings[0];
        expect(moved.fingerprint).toBe(base);
    });

    it('change when the offending code, its method or its rule changes, and tell duplicates apart', () => {
        const base = fingerprint(LEAKY);
        expect(fingerprint(LEAKY.replace('c.Birthdate', 'c.Email'))).not.toBe(base);
        expect(fingerprint(LEAKY.replace('void send(', 'void push('))).not.toBe(base);
        const twice = LEAKY.replace(
            '        req.setBody(String.valueOf(c.Birthdate));',
            '        req.setBody(String.valueOf(c.Birthdate));\n        req.setBody(String.valueOf(c.Birthdate));'
        );
        const found = scanFiles({ Leaky: twice }, undefined, ['phi-callout']).findings;
        expect(found).toHaveLength(2);
        expect(found[0].fingerprint).toBe(base);
        expect(found[1].fingerprint).not.toBe(base);
    });
});

describe('baselines', () => {
    it('reads fingerprint lists, JSON reports and SARIF reports, and splits findings', () => {
        const result = scanFiles({ Leaky: LEAKY }, undefined, ['phi-callout']);
        const fp = result.findings[0].fingerprint;
        expect(parseBaseline(JSON.stringify({ version: 1, fingerprints: [fp] }))).toEqual(new Set([fp]));
        expect(parseBaseline(JSON.stringify({ findings: [{ fingerprint: fp }] }))).toEqual(new Set([fp]));
        expect(
            parseBaseline(
                JSON.stringify({ runs: [{ results: [{ partialFingerprints: { 'wardenFingerprint/v1': fp } }] }] })
            )
        ).toEqual(new Set([fp]));
        expect(() => parseBaseline('{"nothing": true}')).toThrow('holds no fingerprints');
        expect(() => parseBaseline('not json')).toThrow('not valid JSON');
        const { fresh, known } = applyBaseline(result.findings, new Set([fp]));
        expect([fresh.length, known.length]).toEqual([0, 1]);
    });
});

describe('configuration', () => {
    it('refuses unknown keys and wrong types with the path of the problem', () => {
        expect(() => resolveConfig({ phi: { feilds: [] } })).toThrow(ConfigError);
        expect(() => resolveConfig({ phi: { feilds: [] } })).toThrow('scan.phi.feilds is not a known setting');
        expect(() => resolveConfig({ llm: { hosts: 'api.example.com' } })).toThrow(
            'scan.llm.hosts must be an array of strings'
        );
        expect(() => resolveConfig({ rules: { severity: { 'phi-callout': 'urgent' } } })).toThrow('must be one of');
        expect(resolveConfig({ gate: { classes: ['Gate'] } }).gate.classes).toEqual(['Gate']);
    });

    it('disables rules, overrides severities and excludes paths', () => {
        const config = {
            rules: { disabled: ['sharing-missing'], severity: { 'phi-callout': 'low' } },
            exclude: ['force-app/legacy/**']
        };
        const result = scanFiles(
            {
                'force-app/main/default/classes/Leaky.cls': LEAKY.replace('with sharing ', ''),
                'force-app/legacy/classes/Old.cls': LEAKY
            },
            config
        );
        expect(result.findings.map((f) => [f.ruleId, f.severity, f.componentName])).toEqual([
            ['phi-callout', 'low', 'Leaky']
        ]);
    });
});

describe('exclude globs', () => {
    it('match paths relative to the root as documented: *, **, ?, folders with what they hold, dot files', () => {
        const excluded = excludedBy(['force-app/legacy/**', '**/*Mock.cls', 'scripts/apex', 'force-app/?/x.cls']);
        const cases: Array<[string, boolean]> = [
            ['force-app/legacy/classes/Old.cls', true],
            ['force-app/legacy', true],
            ['force-app/main/classes/ApiMock.cls', true],
            ['ApiMock.cls', true],
            ['force-app/main/classes/ApiMock.cls-meta.xml', false],
            ['scripts/apex/run.apex', true],
            ['scripts/apexes/run.apex', false],
            ['force-app/a/x.cls', true],
            ['force-app/ab/x.cls', false],
            ['force-app/main/.hidden/ApiMock.cls', true],
            ['force-app/main/classes/Api.cls', false]
        ];
        expect(cases.map(([path]) => [path, excluded(path)])).toEqual(cases);
        expect(excludedBy([])('anything')).toBe(false);
    });
});

describe('scanProject and bad input', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-scan-test-'));
        writeFileSync(
            join(root, 'sfdx-project.json'),
            JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
        );
        mkdirSync(join(root, 'force-app', 'main', 'default', 'classes'), { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const classes = (): string => join(root, 'force-app', 'main', 'default', 'classes');

    it('reports binary, empty, oversized and non-UTF-8 files as skipped and scans the rest', () => {
        writeFileSync(join(classes(), 'Binary.cls'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
        writeFileSync(join(classes(), 'Empty.cls'), '');
        writeFileSync(join(classes(), 'Huge.cls'), `public class Huge {\n${'// filler\n'.repeat(110_000)}}\n`);
        writeFileSync(
            join(classes(), 'Latin.cls'),
            Buffer.from("public class Latin { String s = 'caf\xe9'; }", 'latin1')
        );
        writeFileSync(join(classes(), 'Leaky.cls'), LEAKY);
        writeFileSync(join(classes(), 'notes.txt'), 'not apex');
        const result = scanProject(root);
        const skipped = result.findings.filter((f) => f.ruleId === 'skipped-file');
        expect(skipped.map((f) => [f.componentName, f.severity])).toEqual([
            ['Binary', 'info'],
            ['Empty', 'info'],
            ['Huge', 'info'],
            ['Latin', 'info']
        ]);
        expect(skipped.map((f) => f.message)).toEqual([
            'Not scanned: the file is binary.',
            'Not scanned: the file is empty.',
            expect.stringContaining('larger than 1 MB'),
            'Not scanned: the file is not valid UTF-8.'
        ]);
        expect(result.findings.some((f) => f.ruleId === 'phi-callout' && f.componentName === 'Leaky')).toBe(true);
    });

    it('reads warden.config.json at the root and fails clearly on a bad one or a missing path', () => {
        writeFileSync(join(classes(), 'Leaky.cls'), LEAKY);
        writeFileSync(
            join(root, 'warden.config.json'),
            JSON.stringify({ scan: { rules: { disabled: ['phi-callout'] } } })
        );
        expect(scanProject(root).findings.some((f) => f.ruleId === 'phi-callout')).toBe(false);
        writeFileSync(join(root, 'warden.config.json'), '{ "scan": ');
        expect(() => scanProject(root)).toThrow(ConfigError);
        expect(() => scanProject(join(root, 'missing'))).toThrow(ScanInputError);
    });
});
