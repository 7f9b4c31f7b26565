import { findings, lines } from './scan-helpers';

describe('trigger-logic', () => {
    it('accepts a one-line hand-off and a declare-then-call pair', () => {
        const files = {
            'A.trigger':
                'trigger A on Account(before insert) {\n    new AccountHandler().run(Trigger.new, Trigger.operationType);\n}\n',
            'B.trigger':
                'trigger B on Contact(after update) {\n    ContactHandler handler = new ContactHandler();\n    handler.run();\n}\n'
        };
        expect(lines(files, 'trigger-logic')).toEqual([]);
    });

    it('flags conditions, loops, queries and members in the trigger body', () => {
        const files = {
            'C.trigger': [
                'trigger C on Case(before insert) {',
                '    if (Trigger.isBefore) {',
                '        for (Case c : Trigger.new) {',
                "            c.Status = 'New';",
                '        }',
                '    }',
                '}',
                ''
            ].join('\n'),
            'D.trigger':
                'trigger D on Lead(before insert) {\n    List<Account> a = [SELECT Id FROM Account WITH USER_MODE];\n}\n'
        };
        const found = findings(files, 'trigger-logic');
        expect(found.map((f) => [f.componentName, f.line, f.category])).toEqual([
            ['C', 2, 'ApexTrigger'],
            ['D', 2, 'ApexTrigger']
        ]);
    });
});

describe('trigger-callout', () => {
    const handler = [
        'public with sharing class PatientHandler {',
        '    public void run(List<Patient__c> rows) {',
        '        Set<Id> ids = new Map<Id, Patient__c>(rows).keySet();',
        '        Outbound.push(ids);',
        '    }',
        '    public void quiet(List<Patient__c> rows) {',
        '        Outbound.push(new Set<Id>());',
        '    }',
        '}',
        ''
    ].join('\n');
    const outbound = [
        'public with sharing class Outbound {',
        '    @future(callout=true)',
        '    public static void push(Set<Id> ids) {',
        '        HttpRequest req = new HttpRequest();',
        "        req.setEndpoint('callout:Erp/patients');",
        '        new Http().send(req);',
        '    }',
        '}',
        ''
    ].join('\n');

    it('follows the trigger into its handler and finds @future(callout=true) with record data', () => {
        const files = {
            'PatientTrigger.trigger':
                'trigger PatientTrigger on Patient__c(after insert) {\n    new PatientHandler().run(Trigger.new);\n}\n',
            PatientHandler: handler,
            Outbound: outbound
        };
        const found = findings(files, 'trigger-callout');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('@future(callout=true) method Outbound.push with record data');
        expect(found[0].message).toContain('PatientHandler.run(List<Patient__c>)');
        expect(found[0].line).toBe(2);
    });

    it('flags direct callouts and AllowsCallouts queueables enqueued with record data', () => {
        const queue = [
            'public with sharing class SyncJob implements Queueable, Database.AllowsCallouts {',
            '    private List<Id> ids;',
            '    public SyncJob(List<Id> ids) {',
            '        this.ids = ids;',
            '    }',
            '    public void execute(QueueableContext context) {',
            '    }',
            '}',
            ''
        ].join('\n');
        const files = {
            'Q.trigger':
                'trigger Q on Account(after insert) {\n    System.enqueueJob(new SyncJob(new List<Id>(Trigger.newMap.keySet())));\n}\n',
            'H.trigger': 'trigger H on Account(after update) {\n    new Http().send(new HttpRequest());\n}\n',
            'Quiet.trigger':
                'trigger Quiet on Account(after delete) {\n    new PatientHandler().quiet(Trigger.old);\n}\n',
            SyncJob: queue,
            PatientHandler: handler,
            Outbound: outbound
        };
        const found = findings(files, 'trigger-callout');
        expect(found.map((f) => f.componentName)).toEqual(['H', 'Q']);
    });
});

describe('soql-in-loop, dml-in-loop and callout-in-loop', () => {
    const source = [
        'public with sharing class Looper {',
        '    public void run(List<Account> accounts) {',
        '        for (Account a : [SELECT Id FROM Account WITH USER_MODE]) {',
        '            List<Contact> cs = [SELECT Id FROM Contact WHERE AccountId = :a.Id WITH USER_MODE];',
        '            update as user a;',
        '            save(a);',
        '        }',
        '        Integer i = 0;',
        '        while (i < accounts.size()) {',
        '            i++;',
        '            fetch();',
        '        }',
        '        List<Contact> outside = [SELECT Id FROM Contact WITH USER_MODE];',
        '    }',
        '    private void save(Account a) {',
        '        Database.update(a, AccessLevel.USER_MODE);',
        '    }',
        '    private void fetch() {',
        '        new Http().send(new HttpRequest());',
        '    }',
        '}',
        ''
    ].join('\n');

    it('flags operations inside loops, directly and through methods of the same class', () => {
        expect(lines({ Looper: source }, 'soql-in-loop')).toEqual([4]);
        const dml = findings({ Looper: source }, 'dml-in-loop');
        expect(dml.map((f) => f.line)).toEqual([5, 6]);
        expect(dml[1].message).toContain('Looper.save(Account), line 16');
        const callouts = findings({ Looper: source }, 'callout-in-loop');
        expect(callouts.map((f) => [f.line, f.severity])).toEqual([[11, 'high']]);
    });
});
