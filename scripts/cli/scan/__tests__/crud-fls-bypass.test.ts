import { findings, lines, method } from './scan-helpers';

const RULE = 'crud-fls-bypass';

describe('crud-fls-bypass', () => {
    it('flags SOQL without USER_MODE or SECURITY_ENFORCED and passes queries that have them', () => {
        const source = method(
            [
                '        List<Contact> a = [SELECT Id FROM Contact];',
                '        List<Contact> b = [SELECT Id FROM Contact WITH USER_MODE];',
                '        List<Contact> c = [SELECT Id FROM Contact WITH SECURITY_ENFORCED];',
                '        List<List<SObject>> d = [FIND :name IN ALL FIELDS RETURNING Contact(Id)];',
                '        List<List<SObject>> e = [FIND :name IN ALL FIELDS RETURNING Contact(Id) WITH USER_MODE];'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([3, 6]);
    });

    it('flags explicit system mode even where a describe check exists', () => {
        const source = method(
            [
                '        if (Schema.sObjectType.Contact.isAccessible()) {',
                '            List<Contact> a = [SELECT Id FROM Contact WITH SYSTEM_MODE];',
                '        }',
                '        insert as system contacts;',
                '        Database.insert(contacts, AccessLevel.SYSTEM_MODE);'
            ].join('\n')
        );
        const found = findings({ Subject: source }, RULE);
        expect(found.map((f) => f.line)).toEqual([4, 6, 7]);
        expect(found.every((f) => f.message.includes('system mode'))).toBe(true);
    });

    it('accepts user-mode DML in every form', () => {
        const source = method(
            [
                '        insert as user contacts;',
                '        Database.insert(contacts, AccessLevel.USER_MODE);',
                '        Database.update(contacts, false, AccessLevel.USER_MODE);',
                '        System.Database.upsert(contacts, Contact.Id, true, AccessLevel.USER_MODE);',
                '        AccessLevel mode = AccessLevel.USER_MODE;',
                '        Database.delete(contacts, mode);'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([]);
    });

    it('covers Database.* DML, Database.query and System.-qualified forms that PMD misses', () => {
        const source = method(
            [
                '        Database.insert(contacts);',
                '        System.Database.upsert(contacts);',
                '        Database.delete(contacts, false);',
                "        List<Contact> q = Database.query('SELECT Id FROM Contact');",
                "        List<Contact> r = System.Database.query('SELECT Id FROM Contact');",
                "        Integer n = Database.countQuery('SELECT COUNT() FROM Contact');",
                "        Database.QueryLocator l = Database.getQueryLocator('SELECT Id FROM Contact');",
                "        List<Contact> s = Database.query('SELECT Id FROM Contact WITH USER_MODE');",
                "        List<Contact> t = Database.query('SELECT Id FROM Contact', AccessLevel.USER_MODE);"
            ].join('\n')
        );
        const found = findings({ Subject: source }, RULE);
        expect(found.map((f) => f.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
        expect(found[3].message).toContain('Database.query on Contact');
    });

    it('reasons per operation: a check on one object does not clear DML on another', () => {
        const source = method(
            [
                '        if (!Schema.sObjectType.Account.isCreateable()) {',
                '            return;',
                '        }',
                '        insert contacts;'
            ].join('\n')
        );
        const found = findings({ Subject: source }, RULE);
        expect(found.map((f) => f.line)).toEqual([6]);
        expect(found[0].message).toContain('Contact');
    });

    it('reasons per operation: isCreateable does not clear an update of the same object', () => {
        const source = method(
            [
                '        if (Schema.sObjectType.Contact.isCreateable()) {',
                '            update contacts;',
                '            insert contacts;',
                '        }'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([4]);
    });
});

describe('crud-fls-bypass guards', () => {
    it('accepts dominating describe checks in the shapes real code uses', () => {
        const source = method(
            [
                '        if (!Contact.sObjectType.getDescribe().isCreateable()) {',
                "            throw new SecurityException('no access');",
                '        }',
                '        insert contacts;',
                '        Schema.DescribeSObjectResult describe = Schema.SObjectType.Contact;',
                '        if (describe.isUpdateable()) {',
                '            update contacts;',
                '        }',
                "        if (Schema.getGlobalDescribe().get('Contact').getDescribe().isDeletable()) {",
                '            delete contacts;',
                '        }',
                '        Boolean canRead = Schema.sObjectType.Contact.isAccessible();',
                '        if (canRead) {',
                '            List<Contact> rows = [SELECT Id FROM Contact];',
                '        }',
                '        Contact one = new Contact(Id = recordId);',
                '        one.Email = name;',
                '        if (Schema.sObjectType.Contact.fields.Email.isUpdateable() && contacts.size() > 0) {',
                '            Database.update(one);',
                '        }',
                '        List<Contact> more = Schema.sObjectType.Contact.isAccessible() ? [SELECT Id FROM Contact] : null;'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([]);
    });

    it('does not accept a check that comes after the operation or sits in another branch', () => {
        const source = method(
            [
                '        insert contacts;',
                '        if (!Schema.sObjectType.Contact.isCreateable()) {',
                '            return;',
                '        }',
                '        if (name == null) {',
                '            Boolean ok = Schema.sObjectType.Contact.isUpdateable();',
                '        } else {',
                '            update contacts;',
                '        }',
                '        if (Schema.sObjectType.Contact.isDeletable() || name != null) {',
                '            delete contacts;',
                '        }'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([3, 10, 13]);
    });

    it('accepts stripInaccessible for the matching access type only', () => {
        const source = method(
            [
                '        insert Security.stripInaccessible(AccessType.CREATABLE, contacts).getRecords();',
                '        SObjectAccessDecision decision = Security.stripInaccessible(AccessType.UPDATABLE, contacts);',
                '        update decision.getRecords();',
                '        List<Contact> clean = (List<Contact>) Security.stripInaccessible(AccessType.UPSERTABLE, contacts).getRecords();',
                '        upsert clean;',
                '        insert decision.getRecords();',
                '        List<Contact> read = [SELECT Id, Email FROM Contact];',
                '        read = (List<Contact>) Security.stripInaccessible(AccessType.READABLE, read).getRecords();',
                '        List<Contact> direct = Security.stripInaccessible(AccessType.READABLE, [SELECT Id FROM Contact]).getRecords();'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([8]);
    });

    it('uses the object type of parameters, locals, collections, SOQL and Trigger.new', () => {
        const source = [
            'trigger PatientTrigger on Patient__c(after insert) {',
            '    List<Task> tasks = new List<Task>();',
            '    if (!Schema.sObjectType.Task.isCreateable()) {',
            '        return;',
            '    }',
            '    insert tasks;',
            '    update Trigger.new;',
            '}',
            ''
        ].join('\n');
        const found = findings({ 'PatientTrigger.trigger': source }, RULE);
        expect(found.map((f) => f.line)).toEqual([7]);
        expect(found[0].message).toContain('Patient__c');
        expect(found[0].category).toBe('ApexTrigger');
    });

    it('accepts guard helpers such as SecurityUtils.checkInsert(Account.SObjectType)', () => {
        const source = method(
            [
                "        SecurityUtils.checkInsert(Contact.SObjectType, new List<String>{ 'Email' });",
                '        insert contacts;',
                '        update contacts;'
            ].join('\n')
        );
        expect(lines({ Subject: source }, RULE)).toEqual([5]);
    });

    it('ignores test classes', () => {
        const source =
            "@IsTest\nprivate class Subject_Tests {\n    @IsTest\n    static void itWorks() {\n        insert new Contact(LastName = 'x');\n    }\n}\n";
        expect(lines({ Subject_Tests: source }, RULE)).toEqual([]);
    });
});
