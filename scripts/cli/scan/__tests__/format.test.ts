import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import '@microsoft/jest-sarif';
import { applyBaseline } from '../baseline';
import { buildJson } from '../format/json';
import type { Report } from '../format/report';
import { buildSarif } from '../format/sarif';
import { formatTable } from '../format/table';
import { ALL_RULES, ENGINE_RULES } from '../rules';
import { scanFiles } from './scan-helpers';

const SOURCES = {
    Leaky: [
        'public class Leaky {',
        '    public void send(Contact c) {',
        '        HttpRequest req = new HttpRequest();',
        "        req.setEndpoint('http://api.openai.com/v1/chat');",
        '        req.setBody(String.valueOf(c.Birthdate));',
        '        // warden:ignore phi-debug-log the support team needs the date while the incident lasts',
        '        System.debug(c.Birthdate);',
        '    }',
        '}',
        ''
    ].join('\n'),
    'Case Trigger.trigger':
        "trigger CaseTrigger on Case(before insert) {\n    for (Case c : Trigger.new) {\n        c.Status = 'New';\n    }\n}\n"
};

function report(baselineFirst = false): Report {
    const result = scanFiles(SOURCES);
    const baseline = baselineFirst ? new Set([result.findings[0].fingerprint]) : null;
    const { fresh, known } = applyBaseline(result.findings, baseline);
    return {
        tool: { name: 'warden-scan', version: '0.1.0' },
        root: '/work/project',
        result,
        findings: fresh,
        baselined: known,
        suppressed: result.suppressed,
        failOn: 'low',
        rules: [...ALL_RULES, ...ENGINE_RULES]
    };
}

describe('table', () => {
    it('groups findings by file, shows snippets and a summary, without colour unless asked', () => {
        const text = formatTable(report(), { color: false });
        expect(text).not.toContain('\u001b[');
        const lines = text.split('\n');
        const leaky = lines.indexOf('force-app/main/default/classes/Leaky.cls');
        const trigger = lines.indexOf('force-app/main/default/triggers/Case Trigger.trigger');
        expect(leaky).toBeGreaterThanOrEqual(0);
        expect(trigger).toBeGreaterThan(leaky);
        expect(text).toMatch(/ {2}4:9 +CRITICAL {2}llm-gate-bypass/);
        expect(text).toContain('│ req.setBody(String.valueOf(c.Birthdate))');
        expect(text).toContain('1 suppressed by warden:ignore');
        expect(text).toMatch(/FAILED: \d+ findings at or above low\./);
        expect(formatTable(report(), { color: true })).toContain('\u001b[1;31mCRITICAL');
    });
});

describe('JSON report', () => {
    it('validates against the documented schema, with and without a baseline', () => {
        const schema = JSON.parse(
            readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'scan-result.schema.json'), 'utf8')
        );
        const ajv = new Ajv({ allErrors: true });
        const validate = ajv.compile(schema);
        for (const withBaseline of [false, true]) {
            const json = JSON.parse(JSON.stringify(buildJson(report(withBaseline))));
            expect(validate(json) ? [] : validate.errors).toEqual([]);
            expect(json.findings.filter((f: { baselined: boolean }) => f.baselined)).toHaveLength(withBaseline ? 1 : 0);
        }
        const broken = JSON.parse(JSON.stringify(buildJson(report())));
        broken.findings[0].severity = 'urgent';
        expect(validate(broken)).toBe(false);
    });
});

describe('SARIF report', () => {
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

    it('validates against the official SARIF 2.1.0 schema', () => {
        const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
        // The published schema is draft-04 and has a language-tag pattern that only compiles without the u flag.
        const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        for (const withBaseline of [false, true]) {
            const sarif = JSON.parse(JSON.stringify(buildSarif(report(withBaseline))));
            expect(validate(sarif) ? [] : validate.errors).toEqual([]);
            expect(sarif).toBeValidSarifLog();
        }
        const broken = JSON.parse(JSON.stringify(buildSarif(report())));
        delete broken.runs[0].tool.driver.name;
        expect(validate(broken)).toBe(false);
    });

    it('carries what GitHub code scanning needs: rule metadata, locations, fingerprints, severities', () => {
        const sarif = buildSarif(report(true));
        const run = sarif.runs[0];
        const rules = run.tool.driver.rules ?? [];
        const results = run.results ?? [];
        const ruleIds = rules.map((r) => r.id);
        expect(ruleIds).toContain('phi-callout');
        const rule = rules.find((r) => r.id === 'phi-callout')!;
        expect(rule).toMatchObject({
            shortDescription: { text: expect.any(String) },
            fullDescription: { text: expect.any(String) },
            help: { text: expect.any(String) },
            properties: {
                'security-severity': '9.5',
                precision: 'high',
                tags: expect.arrayContaining(['security', 'DataFlow'])
            }
        });
        for (const result of results) {
            expect(result.partialFingerprints).toEqual({
                'wardenFingerprint/v1': expect.stringMatching(/^[0-9a-f]{64}$/)
            });
            expect(ruleIds[result.ruleIndex!]).toBe(result.ruleId);
            expect(['new', 'unchanged']).toContain(result.baselineState);
        }
        const trigger = results.find((r) => r.ruleId === 'trigger-logic')!;
        expect(trigger.locations?.[0].physicalLocation?.artifactLocation).toEqual({
            uri: 'force-app/main/default/triggers/Case%20Trigger.trigger',
            uriBaseId: '%SRCROOT%'
        });
        expect(trigger.locations?.[0].physicalLocation?.region?.startLine).toBe(2);
        const suppressed = results.find((r) => r.ruleId === 'phi-debug-log')!;
        expect(suppressed.suppressions).toEqual([
            { kind: 'inSource', justification: 'the support team needs the date while the incident lasts' }
        ]);
    });
});
