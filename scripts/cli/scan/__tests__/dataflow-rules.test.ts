import { fieldXml, findings, lines } from './scan-helpers';

const PHI = { phi: { fields: ['Contact.Birthdate', 'Contact.Ssn__c', 'Patient__c.Diagnosis__c'], useDefaults: false } };

function cls(body: string, extra = ''): string {
    return `public with sharing class Sync {\n${body}\n${extra}}\n`;
}

describe('phi-callout', () => {
    it('reads the PHI of a dynamic query from the constant start of its text (a select list built at run time is not read)', () => {
        const source = cls(
            [
                "    private static final String BASE = 'SELECT Id, Birthdate FROM Contact';",
                '    public void send(Id cid, String soql) {',
                "        List<SObject> rows = Database.query(BASE + ' WHERE Id = :cid WITH USER_MODE');",
                "        List<SObject> all = Database.query('SELECT Id, FIELDS(STANDARD) FROM Contact LIMIT 10');",
                "        List<SObject> ids = Database.query('SELECT Id, CreatedDate FROM Contact WHERE Id = :cid');",
                "        List<SObject> some = Database.query('SELECT ' + soql + ' FROM Contact');",
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(JSON.serialize(rows));',
                '        req.setBody(JSON.serialize(all));',
                '        req.setBody(JSON.serialize(ids));',
                '        req.setBody(JSON.serialize(some));',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-callout', PHI);
        expect(found.map((f) => [f.line, f.message.split(')')[0]])).toEqual([
            [9, 'PHI (Contact.Birthdate'],
            [10, 'PHI (Contact.Birthdate, Contact.Ssn__c']
        ]);
    });

    it('follows a PHI field through locals, concatenation and reassignment into setBody', () => {
        const source = cls(
            [
                '    public void send(Contact c) {',
                '        String dob = String.valueOf(c.Birthdate);',
                "        String text = 'Born ' + dob;",
                '        String body = text;',
                '        HttpRequest req = new HttpRequest();',
                "        req.setEndpoint('callout:Crm/patients');",
                '        req.setBody(body);',
                '        new Http().send(req);',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-callout', PHI);
        expect(found.map((f) => f.line)).toEqual([8]);
        expect(found[0].message).toContain('Contact.Birthdate');
        expect(found[0].category).toBe('DataFlow');
    });

    it('stops at reassignment with clean data, and at hashing', () => {
        const source = cls(
            [
                '    public void send(Contact c) {',
                '        String body = String.valueOf(c.Birthdate);',
                "        body = 'nothing';",
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(body);',
                "        Blob digest = Crypto.generateDigest('SHA-256', Blob.valueOf(c.Ssn__c));",
                "        req.setHeader('X-Key', EncodingUtil.convertToHex(digest));",
                "        req.setHeader('X-Id', c.Id);",
                '    }'
            ].join('\n')
        );
        expect(lines({ Sync: source }, 'phi-callout', PHI)).toEqual([]);
    });

    it('follows JSON.serialize of maps, records from SOQL, and record.get(...)', () => {
        const source = cls(
            [
                '    public void send(Id recordId) {',
                '        Contact c = [SELECT Id, Birthdate FROM Contact WHERE Id = :recordId WITH USER_MODE];',
                '        HttpRequest a = new HttpRequest();',
                "        a.setBody(JSON.serialize(new Map<String, Object>{ 'dob' => c.Birthdate }));",
                '        HttpRequest b = new HttpRequest();',
                '        b.setBody(JSON.serialize(c));',
                '        Map<String, Object> payload = new Map<String, Object>();',
                "        payload.put('ssn', c.get('Ssn__c'));",
                '        HttpRequest d = new HttpRequest();',
                '        d.setBody(JSON.serialize(payload));',
                '        Contact plain = [SELECT Id, Name FROM Contact WHERE Id = :recordId WITH USER_MODE];',
                '        HttpRequest e = new HttpRequest();',
                '        e.setBody(JSON.serialize(plain));',
                '    }'
            ].join('\n')
        );
        expect(lines({ Sync: source }, 'phi-callout', PHI)).toEqual([5, 7, 11]);
    });

    it('treats a whole record of a PHI-holding object of unknown fields as PHI when serialised', () => {
        const source = cls(
            [
                '    public void send(Contact c) {',
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(JSON.serialize(c));',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-callout', PHI);
        expect(found.map((f) => f.message)).toEqual([expect.stringContaining('whole Contact records')]);
    });

    it('follows method returns and parameters within the class', () => {
        const source = cls(
            [
                '    public void send(Contact c) {',
                '        post(payload(c));',
                '    }',
                '    private String payload(Contact c) {',
                "        return 'dob=' + c.Birthdate;",
                '    }',
                '    private void post(String body) {',
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(body);',
                '    }',
                '    public void sendSafe(Contact c) {',
                '        post(String.valueOf(c.Id));',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-callout', PHI);
        expect(found.map((f) => f.line)).toEqual([10]);
        expect(found[0].message).toContain('Sync.send(Contact) at line 3');
    });
});

describe('phi-callout sources and sanitisers', () => {
    it('covers setEndpoint and setHeader, and uses field classification metadata', () => {
        const source = cls(
            [
                '    public void send(Patient__c p) {',
                '        HttpRequest req = new HttpRequest();',
                "        req.setEndpoint('callout:Lab/results?dx=' + p.Diagnosis__c);",
                "        req.setHeader('X-Mrn', p.Mrn__c);",
                '    }'
            ].join('\n')
        );
        const files = {
            Sync: source,
            'force-app/main/default/objects/Patient__c/fields/Mrn__c.field-meta.xml': fieldXml({ group: 'HIPAA;GDPR' })
        };
        expect(lines(files, 'phi-callout', PHI)).toEqual([4, 5]);
    });

    it('reads classifications from ResidencyTag__c seed data', () => {
        const seed = JSON.stringify({
            records: [
                {
                    attributes: { type: 'ResidencyTag__c', referenceId: 'T1' },
                    TagKey__c: 'Case.Symptoms__c',
                    ObjectApiName__c: 'Case',
                    FieldApiName__c: 'Symptoms__c',
                    Classification__c: 'PHI'
                },
                {
                    attributes: { type: 'ResidencyTag__c', referenceId: 'T2' },
                    TagKey__c: 'Case.Subject',
                    ObjectApiName__c: 'Case',
                    FieldApiName__c: 'Subject',
                    Classification__c: 'Internal'
                }
            ]
        });
        const source = cls(
            [
                '    public void send(Case c) {',
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(c.Symptoms__c + c.Subject);',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source, 'data/residency-tags.json': seed }, 'phi-callout', {
            phi: { useDefaults: false }
        });
        expect(found.map((f) => f.message)).toEqual([expect.stringContaining('Case.Symptoms__c')]);
        expect(found[0].message).not.toContain('Case.Subject');
    });

    it('lets data through the gate and redactors', () => {
        const source = cls(
            [
                '    public void send(Contact c) {',
                '        HttpRequest req = new HttpRequest();',
                '        req.setBody(PhiRedactor.redact(String.valueOf(c.Birthdate)));',
                '    }'
            ].join('\n')
        );
        expect(lines({ Sync: source }, 'phi-callout', PHI)).toEqual([]);
    });
});

describe('phi-debug-log', () => {
    it('flags PHI fields and whole PHI records in System.debug, not ids or counts', () => {
        const source = cls(
            [
                '    public void log(Contact c, List<Contact> all) {',
                "        System.debug('dob ' + c.Birthdate);",
                '        System.debug(LoggingLevel.ERROR, c);',
                '        System.debug(c.Id);',
                "        System.debug('rows ' + all.size());",
                '        String note = c.Ssn__c;',
                '        System.debug(note.length());',
                '        System.debug(note);',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-debug-log', PHI);
        expect(found.map((f) => f.line)).toEqual([3, 4, 9]);
    });

    it('follows parent relationships to the object they point to: the Contact of a Case, not its Owner', () => {
        const source = cls(
            [
                '    public void log(Case c) {',
                "        System.debug('dob ' + c.Contact.Birthdate);",
                '        System.debug(c.Contact);',
                '        System.debug(c.Contact.Id);',
                '        System.debug(c.Owner.Name);',
                "        System.debug(c.Contact.get('Birthdate'));",
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-debug-log', PHI);
        expect(found.map((f) => [f.line, f.message.split(')')[0]])).toEqual([
            [3, 'PHI (Contact.Birthdate'],
            [4, 'PHI (whole Contact records'],
            [7, 'PHI (Contact.Birthdate']
        ]);
    });
});

describe('phi-debug-log and Nebula Logger', () => {
    const source = cls(
        [
            '    public void log(Contact c) {',
            "        Logger.info('dob ' + c.Birthdate);",
            "        Nebula.Logger.error('ssn ' + c.Ssn__c);",
            "        Logger.debug('contact ' + c.Id);",
            '    }'
        ].join('\n')
    );

    it('flags PHI given to Nebula Logger, whose entries are records, and not an id', () => {
        const found = findings({ Sync: source }, 'phi-debug-log', PHI);
        expect(found.map((f) => [f.line, f.message.split(' which')[0]])).toEqual([
            [3, 'PHI (Contact.Birthdate) is written to Nebula Logger by Logger.info,'],
            [4, 'PHI (Contact.Ssn__c) is written to Nebula Logger by Logger.error,']
        ]);
    });

    it("follows the project's own Logger class as code instead of taking it for Nebula's", () => {
        const quiet =
            'public with sharing class Logger {\n    public static void info(String m) {}\n    public static void debug(String m) {}\n}\n';
        const found = findings({ Sync: source, Logger: quiet }, 'phi-debug-log', PHI);
        expect(found.map((f) => f.line)).toEqual([4]);
    });
});

describe('the built-in PHI list', () => {
    it('covers a patient held as a Person Account and the city of an address, not a business account name', () => {
        const source = cls(
            [
                '    public void log(Account a, Contact c) {',
                '        System.debug(a.PersonBirthdate);',
                "        System.debug(a.FirstName + ' ' + a.PersonMailingCity);",
                '        System.debug(a.Name);',
                '        System.debug(c.MailingCity);',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-debug-log');
        expect(found.map((f) => [f.line, f.message.split(')')[0]])).toEqual([
            [3, 'PHI (Account.PersonBirthdate'],
            [4, 'PHI (Account.FirstName, Account.PersonMailingCity'],
            [6, 'PHI (Contact.MailingCity']
        ]);
    });
});

describe('phi-exception-message', () => {
    it('flags PHI in exception constructors and setMessage', () => {
        const source = cls(
            [
                '    public void check(Contact c) {',
                '        if (c.Birthdate == null) {',
                "            throw new IllegalArgumentException('bad birth date ' + c.Birthdate);",
                '        }',
                "        AuraHandledException e = new AuraHandledException('failed');",
                "        e.setMessage('ssn ' + c.Ssn__c);",
                "        throw new AuraHandledException('failed for ' + c.Id);",
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'phi-exception-message', PHI);
        expect(found.map((f) => f.line)).toEqual([4, 7]);
    });
});

describe('soql-injection', () => {
    it('flags concatenated input and passes escaped input and binds', () => {
        const source = cls(
            [
                '    @AuraEnabled',
                '    public static List<Contact> find(String name, Integer max, Id owner) {',
                "        String q1 = 'SELECT Id FROM Contact WHERE Name = \\'' + name + '\\'';",
                '        List<Contact> a = Database.query(q1);',
                "        String q2 = 'SELECT Id FROM Contact WHERE Name = \\'' + String.escapeSingleQuotes(name) + '\\'';",
                '        List<Contact> b = Database.query(q2);',
                "        List<Contact> c = Database.query('SELECT Id FROM Contact WHERE Name = :name');",
                "        List<Contact> d = Database.query('SELECT Id FROM Contact WHERE OwnerId = \\'' + owner + '\\' LIMIT ' + max);",
                '        return a;',
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'soql-injection');
        expect(found.map((f) => f.line)).toEqual([5]);
        expect(found[0].message).toContain('@AuraEnabled parameter name');
    });

    it('follows String.replace, String.join and String.format of untrusted input', () => {
        const source = cls(
            [
                '    @RemoteAction',
                '    public static List<Contact> find(String field, List<String> names) {',
                "        String q1 = 'SELECT Id FROM Contact ORDER BY {0}'.replace('{0}', field);",
                '        List<Contact> a = Database.query(q1);',
                "        String q2 = 'SELECT Id FROM Contact WHERE Name IN (\\'' + String.join(names, '\\',\\'') + '\\')';",
                '        List<Contact> b = Database.query(q2);',
                "        String q3 = String.format('SELECT Id FROM Contact WHERE Name = {0}', new List<Object>{ field });",
                '        Integer n = Database.countQuery(q3);',
                '        return a;',
                '    }'
            ].join('\n')
        );
        expect(lines({ Sync: source }, 'soql-injection')).toEqual([5, 7, 9]);
    });

    it('follows page parameters and private helpers, and ignores private parameters fed constants', () => {
        const source = cls(
            [
                '    public List<Contact> fromPage() {',
                "        String term = ApexPages.currentPage().getParameters().get('q');",
                '        return run(term);',
                '    }',
                '    public List<Contact> fixed() {',
                "        return run('Smith');",
                '    }',
                '    private List<Contact> run(String value) {',
                "        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + value + '\\'');",
                '    }'
            ].join('\n')
        );
        const found = findings({ Sync: source }, 'soql-injection');
        expect(found.map((f) => f.line)).toEqual([10]);
        expect(found[0].message).toContain('page parameter');
    });
});
