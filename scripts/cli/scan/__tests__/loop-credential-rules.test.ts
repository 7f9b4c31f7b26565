import { findings, lines, scanFiles } from './scan-helpers';

function cls(name: string, body: string[], header = `public with sharing class ${name} {`): string {
    return [header, ...body, '}', ''].join('\n');
}

describe('loops over records', () => {
    const selector = cls('AccountSelector', [
        '    private static Map<Id, Account> cache;',
        '    public static Map<Id, Account> all() {',
        '        if (cache == null) {',
        '            cache = new Map<Id, Account>([SELECT Id, Name FROM Account WITH USER_MODE]);',
        '        }',
        '        return cache;',
        '    }',
        '    public static Account byId(Id accountId) {',
        '        return [SELECT Id, Name FROM Account WHERE Id = :accountId WITH USER_MODE];',
        '    }'
    ]);

    it('follows calls into other classes, but not into a cached getter', () => {
        const handler = cls('ContactHandler', [
            '    public void run(List<Contact> contacts) {',
            '        for (Contact c : contacts) {',
            '            Account cached = AccountSelector.all().get(c.AccountId);',
            '            Account fresh = AccountSelector.byId(c.AccountId);',
            '        }',
            '    }'
        ]);
        const found = findings({ AccountSelector: selector, ContactHandler: handler }, 'soql-in-loop');
        expect(found.map((f) => f.line)).toEqual([5]);
        expect(found[0].message).toContain('AccountSelector.byId(Id), line 10');
    });

    it('does not count a bounded retry, and does count a loop over records', () => {
        const source = cls('Retry', [
            '    private static final Integer MAX_TRIES = 3;',
            '    public void send(List<Account> accounts) {',
            '        Integer tries = 0;',
            '        Boolean failed = true;',
            '        do {',
            '            HttpResponse res = new Http().send(new HttpRequest());',
            '            failed = res.getStatusCode() != 200;',
            '            tries++;',
            '        } while (failed && tries < MAX_TRIES);',
            '        for (Integer i = 0; i < accounts.size(); i++) {',
            '            HttpResponse res = new Http().send(new HttpRequest());',
            '        }',
            '    }'
        ]);
        expect(lines({ Retry: source }, 'callout-in-loop')).toEqual([12]);
    });

    it('counts savepoints, approvals, events, email and asynchronous jobs', () => {
        const source = cls('Bulk', [
            '    public void run(List<Case> cases) {',
            '        for (Case c : cases) {',
            '            Savepoint sp = Database.setSavepoint();',
            '            Approval.lock(c.Id);',
            '            EventBus.publish(new List<SObject>());',
            '            Messaging.sendEmail(new List<Messaging.SingleEmailMessage>());',
            '            System.enqueueJob(new Job());',
            '            Database.executeBatch(new Job(), 200);',
            '            notifyLater(c.Id);',
            '        }',
            '    }',
            '    @future',
            '    public static void notifyLater(Id caseId) {',
            '    }',
            '    public class Job implements Queueable, Database.Batchable<SObject> {',
            '        public void execute(QueueableContext context) {',
            '        }',
            '        public Iterable<SObject> start(Database.BatchableContext context) {',
            '            return new List<SObject>();',
            '        }',
            '        public void execute(Database.BatchableContext context, List<SObject> scope) {',
            '        }',
            '        public void finish(Database.BatchableContext context) {',
            '        }',
            '    }'
        ]);
        expect(lines({ Bulk: source }, 'dml-in-loop')).toEqual([4, 5, 6]);
        const limited = findings({ Bulk: source }, 'limited-call-in-loop');
        expect(limited.map((f) => f.line)).toEqual([7, 8, 9, 10]);
        expect(limited[3].message).toContain('@future method Bulk.notifyLater(Id)');
    });
});

describe('credentials-in-code', () => {
    const RULE = 'credentials-in-code';

    it('reports secrets, session ids and hand-made authorization, and passes Named Credentials', () => {
        const source = cls('Client', [
            "    private static final String API_KEY = 'sk-live-0123456789abcdefghijklmn';",
            '    public void call(String token, String user, String password) {',
            '        HttpRequest req = new HttpRequest();',
            "        req.setEndpoint('callout:Partner/v1/items');",
            "        req.setHeader('Authorization', 'Bearer ' + API_KEY);",
            "        req.setHeader('Authorization', 'Bearer ' + UserInfo.getSessionId());",
            "        req.setHeader('Authorization', 'Basic ' + EncodingUtil.base64Encode(Blob.valueOf(user + ':' + password)));",
            "        req.setHeader('Authorization', 'Bearer ' + token);",
            "        req.setHeader('Authorization', '{!$Credential.AuthorizationHeaderValue}');",
            "        req.setHeader('Content-Type', 'application/json');",
            "        req.setEndpoint('https://maps.example.com/geocode?key=AIzaSyA0123456789abcdefghijklmnopqrstu');",
            '        req.setBody(\'{"query": "weather"}\');',
            '        new Http().send(req);',
            '    }'
        ]);
        const found = findings({ Client: source }, RULE);
        expect(found.map((f) => [f.line, f.severity])).toEqual([
            [6, 'critical'],
            [7, 'high'],
            [8, 'high'],
            [9, 'medium'],
            [12, 'critical']
        ]);
        expect(found[1].message).toContain('session id');
    });

    it('tells secrets in a body from ordinary JSON fields named key, token or signature', () => {
        const body = (json: string): string =>
            cls('Tracker', [
                '    public void send() {',
                '        HttpRequest req = new HttpRequest();',
                "        req.setEndpoint('callout:Tracker/issues');",
                `        req.setBody('${json}');`,
                '        new Http().send(req);',
                '    }'
            ]);
        for (const json of [
            '{"issue": {"key": "SUPPORT-1234"}}',
            '{"signature": "required", "token_type": "Bearer"}',
            '{"password_policy": "strong"}'
        ]) {
            expect(lines({ Tracker: body(json) }, RULE)).toEqual([]);
        }
        for (const json of [
            '{"user": "svc", "password": "Welcome1"}',
            '{"key": "8c1d5e7f9a2b4c6d0e1f"}',
            '{"client_secret": "abcdef"}'
        ]) {
            expect(lines({ Tracker: body(json) }, RULE)).toEqual([5]);
        }
    });

    it('skips test classes', () => {
        const test = cls(
            'Client_Tests',
            [
                '    @IsTest',
                '    static void sends() {',
                '        HttpRequest req = new HttpRequest();',
                "        req.setHeader('Authorization', 'Bearer test-token-123456');",
                '    }'
            ],
            '@IsTest\nprivate class Client_Tests {'
        );
        expect(scanFiles({ Client_Tests: test }, undefined, [RULE]).findings).toEqual([]);
    });
});
