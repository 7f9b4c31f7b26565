import { findings, lines } from './scan-helpers';

describe('sharing-missing', () => {
    it('flags a top-level class without a sharing keyword, more severely when it touches data', () => {
        const data =
            'public class Reader {\n    public List<Contact> all() {\n        return [SELECT Id FROM Contact WITH USER_MODE];\n    }\n}\n';
        const plain =
            'public class Formatter {\n    public String upper(String s) {\n        return s.toUpperCase();\n    }\n}\n';
        const found = findings({ Reader: data, Formatter: plain }, 'sharing-missing');
        expect(found.map((f) => [f.componentName, f.severity, f.line])).toEqual([
            ['Formatter', 'low', 1],
            ['Reader', 'high', 1]
        ]);
    });

    it('passes with, inherited and (for this rule) without sharing, interfaces, enums and tests', () => {
        const files = {
            A: 'public with sharing class A {\n}\n',
            B: 'public inherited sharing class B {\n}\n',
            C: 'public without sharing class C {\n}\n',
            D: 'public interface D {\n    void run();\n}\n',
            E: 'public enum E {\n    ONE,\n    TWO\n}\n',
            F: "@IsTest\nprivate class F {\n    @IsTest\n    static void itRuns() {\n        insert new Account(Name = 'x');\n    }\n}\n"
        };
        expect(lines(files, 'sharing-missing')).toEqual([]);
    });

    it('flags inner classes that touch data, since they do not inherit the outer keyword', () => {
        const source = [
            'public with sharing class Outer {',
            '    public class Dto {',
            '        public String name;',
            '    }',
            '    public class Worker {',
            '        public void save(List<Contact> rows) {',
            '            insert as user rows;',
            '        }',
            '    }',
            '}',
            ''
        ].join('\n');
        const found = findings({ Outer: source }, 'sharing-missing');
        expect(found.map((f) => [f.line, f.message.startsWith('Class Outer.Worker')])).toEqual([[5, true]]);
    });

    it('skips exception classes that touch no data', () => {
        expect(
            lines({ GateException: 'public class GateException extends Exception {\n}\n' }, 'sharing-missing')
        ).toEqual([]);
    });
});

describe('sharing-without', () => {
    it('flags without sharing unless a suppression with a reason justifies it', () => {
        const flagged =
            'public without sharing class AuditWriter {\n    public void write(List<Task> rows) {\n        insert as user rows;\n    }\n}\n';
        const justified =
            '// warden:ignore sharing-without the audit chain must see every entry to link hashes\npublic without sharing class ChainWriter {\n}\n';
        const found = findings({ AuditWriter: flagged, ChainWriter: justified }, 'sharing-without');
        expect(found.map((f) => [f.componentName, f.severity])).toEqual([['AuditWriter', 'high']]);
    });
});

describe('system-mode-phi', () => {
    const config = { phi: { fields: ['Patient__c.Ssn__c', 'Diagnosis__c'], useDefaults: false } };

    it('flags explicit system mode on PHI objects as critical', () => {
        const source = [
            'public with sharing class Records {',
            '    public void run(List<Patient__c> patients) {',
            '        List<Patient__c> rows = [SELECT Id, Ssn__c FROM Patient__c WITH SYSTEM_MODE];',
            '        insert as system patients;',
            '        Database.update(patients, false, AccessLevel.SYSTEM_MODE);',
            '        List<Diagnosis__c> d = [SELECT Id FROM Diagnosis__c WITH SYSTEM_MODE];',
            '    }',
            '}',
            ''
        ].join('\n');
        const found = findings({ Records: source }, 'system-mode-phi', config);
        expect(found.map((f) => [f.line, f.severity])).toEqual([
            [3, 'critical'],
            [4, 'critical'],
            [5, 'critical'],
            [6, 'critical']
        ]);
    });

    it('flags Database methods that default to system mode on PHI objects', () => {
        const source = [
            'public with sharing class Records {',
            '    public void run(List<Patient__c> patients) {',
            '        Database.insert(patients);',
            "        List<Patient__c> a = Database.query('SELECT Id, Ssn__c FROM Patient__c');",
            '        Database.insert(patients, AccessLevel.USER_MODE);',
            "        List<Patient__c> b = Database.query('SELECT Id FROM Patient__c');",
            "        List<Patient__c> c = Database.query('SELECT Id, Ssn__c FROM Patient__c WITH USER_MODE');",
            '    }',
            '}',
            ''
        ].join('\n');
        const found = findings({ Records: source }, 'system-mode-phi', config);
        expect(found.map((f) => [f.line, f.severity])).toEqual([
            [3, 'high'],
            [4, 'high']
        ]);
    });

    it('leaves system mode on objects without PHI to crud-fls-bypass', () => {
        const source =
            'public with sharing class Records {\n    public void run(List<Account> rows) {\n        Database.insert(rows, AccessLevel.SYSTEM_MODE);\n    }\n}\n';
        expect(lines({ Records: source }, 'system-mode-phi', config)).toEqual([]);
    });
});
