import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../command';
import { fieldXml, findings, scanFiles } from './scan-helpers';

function cls(name: string, body: string[], header = `public with sharing class ${name} {`): string {
    return [header, ...body, '}', ''].join('\n');
}

describe('sharing rated by the data a class reaches', () => {
    const store = cls(
        'RecordStore',
        ['    public static void save(List<SObject> records) {', '        update as user records;', '    }'],
        'public inherited sharing class RecordStore {'
    );
    const enforcing = cls('Enforcing', [
        '    public static void save(List<SObject> records) {',
        '        update as user records;',
        '    }'
    ]);

    it('rates a class without sharing high when it writes through a data-store class, low when it reaches nothing', () => {
        const writer = cls(
            'Writer',
            ['    public void run(List<Account> accounts) {', '        RecordStore.save(accounts);', '    }'],
            'public without sharing class Writer {'
        );
        const formatter = cls(
            'Formatter',
            ['    public String label(String value) {', '        return value.trim();', '    }'],
            'public without sharing class Formatter {'
        );
        const throughEnforcing = cls(
            'Relay',
            ['    public void run(List<Account> accounts) {', '        Enforcing.save(accounts);', '    }'],
            'public without sharing class Relay {'
        );
        const found = findings(
            { RecordStore: store, Enforcing: enforcing, Writer: writer, Formatter: formatter, Relay: throughEnforcing },
            'sharing-without'
        );
        expect(found.map((f) => [f.componentName, f.severity])).toEqual([
            ['Formatter', 'low'],
            ['Relay', 'low'],
            ['Writer', 'high']
        ]);
        expect(found[2].message).toContain('through RecordStore.save(List<SObject>)');
    });

    it('rates a class with no sharing keyword high when it reaches data through another class', () => {
        const caller = cls(
            'NoKeyword',
            ['    public void run(List<Account> a) {', '        RecordStore.save(a);', '    }'],
            'public class NoKeyword {'
        );
        const found = findings({ RecordStore: store, NoKeyword: caller }, 'sharing-missing');
        expect(found.map((f) => [f.componentName, f.severity])).toEqual([['NoKeyword', 'high']]);
    });

    it('leaves out a class that runs no code, and keeps one whose constant runs a query or a method', () => {
        const noKeyword = (name: string, body: string[]): string => cls(name, body, `public class ${name} {`);
        const sources = {
            Payload: noKeyword('Payload', [
                "    public static final String KIND = 'referral';",
                '    public Id recordId { get; set; }',
                "    public Map<String, Integer> counts = new Map<String, Integer>{ 'a' => 1 };"
            ]),
            Clinics: noKeyword('Clinics', [
                "    public static final List<Account> ALL = [SELECT Id FROM Account WHERE Type = 'Clinic'];"
            ]),
            Loaded: noKeyword('Loaded', ['    public static final Map<String, String> CODES = Codes.load();']),
            Abstracted: cls('Abstracted', ['    public abstract void run();'], 'public abstract class Abstracted {')
        };
        const found = findings(sources, 'sharing-missing');
        expect(found.map((f) => [f.componentName, f.severity])).toEqual([
            ['Clinics', 'high'],
            ['Loaded', 'low']
        ]);
    });
});

describe('free-text PHI in the default classification', () => {
    it('reports Case.Description sent to an LLM, and free-text custom fields of objects that hold PHI', () => {
        const source = cls('CaseSummary', [
            '    public static void summarise(Id caseId) {',
            '        Case c = [SELECT Id, Description, Symptoms__c, Subject FROM Case WHERE Id = :caseId WITH USER_MODE];',
            '        HttpRequest req = new HttpRequest();',
            "        req.setEndpoint('callout:OpenAiProxy/v1/chat');",
            "        req.setBody(JSON.serialize(new Map<String, Object>{ 'text' => c.Description }));",
            '        HttpRequest second = new HttpRequest();',
            '        second.setBody(c.Symptoms__c);',
            '        HttpRequest third = new HttpRequest();',
            '        third.setBody(c.Subject);',
            '    }'
        ]);
        const files = {
            CaseSummary: source,
            'force-app/main/default/objects/Case/fields/Symptoms__c.field-meta.xml': fieldXml({ type: 'LongTextArea' })
        };
        const found = findings(files, 'phi-callout');
        expect(found.map((f) => f.line)).toEqual([6, 8]);
        expect(found[0].message).toContain('Case.Description');
        expect(found[1].message).toContain('Case.Symptoms__c');
    });
});

describe('PMD suppressions', () => {
    const legacy = [
        "@SuppressWarnings('PMD.ApexSharingViolations')",
        'public class Legacy {',
        "    @SuppressWarnings('PMD.ApexCRUDViolation, PMD.ApexSOQLInjection')",
        '    public static void save(Account a) {',
        '        insert a;',
        '    }',
        '    public static void other(Account a) {',
        '        update a; // NOPMD reviewed in 2024',
        '        delete a;',
        '    }',
        '}',
        ''
    ].join('\n');

    it('are ignored unless asked for', () => {
        const result = scanFiles({ Legacy: legacy }, undefined, ['crud-fls-bypass', 'sharing-missing']);
        expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
            ['sharing-missing', 2],
            ['crud-fls-bypass', 5],
            ['crud-fls-bypass', 8],
            ['crud-fls-bypass', 9]
        ]);
        expect(result.suppressed).toEqual([]);
    });

    it('suppress the Warden rules they map to, reported as suppressed with the PMD rule named', () => {
        const result = scanFiles({ Legacy: legacy }, { pmd: { honorSuppressions: true } }, [
            'crud-fls-bypass',
            'sharing-missing'
        ]);
        expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([['crud-fls-bypass', 9]]);
        expect(result.suppressed.map((f) => [f.ruleId, f.line, f.suppression.pmd])).toEqual([
            ['sharing-missing', 2, 'PMD.ApexSharingViolations'],
            ['crud-fls-bypass', 5, 'PMD.ApexCRUDViolation'],
            ['crud-fls-bypass', 8, 'NOPMD']
        ]);
        expect(result.suppressed[2].suppression.reason).toBe('// NOPMD honoured (PMD suppression): reviewed in 2024');
    });

    it('are honoured from the command line too', async () => {
        const root = mkdtempSync(join(tmpdir(), 'warden-pmd-'));
        try {
            writeFileSync(join(root, 'sfdx-project.json'), '{"packageDirectories":[{"path":"force-app"}]}');
            mkdirSync(join(root, 'force-app/classes'), { recursive: true });
            writeFileSync(join(root, 'force-app/classes/Legacy.cls'), legacy);
            const out: string[] = [];
            const io = {
                stdout: { write: (text: string) => out.push(text) },
                stderr: { write: () => true },
                env: {},
                cwd: root
            };
            const args = ['.', '--rules', 'crud-fls-bypass', '--format', 'json', '--output', 'r.json'];
            expect(await runScan([...args, '--honor-pmd-suppressions'], io)).toBe(1);
            const report = JSON.parse(readFileSync(join(root, 'r.json'), 'utf8'));
            expect(report.suppressed.map((f: { suppression: { pmd: string } }) => f.suppression.pmd)).toEqual([
                'PMD.ApexCRUDViolation',
                'NOPMD'
            ]);
            expect(report.summary.findings).toBe(1);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
