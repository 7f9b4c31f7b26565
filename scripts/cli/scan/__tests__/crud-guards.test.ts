import { fieldXml, findings, lines } from './scan-helpers';

const RULE = 'crud-fls-bypass';

function cls(name: string, body: string[], header = `public with sharing class ${name} {`): string {
    return [header, ...body, '}', ''].join('\n');
}

const PERMS = cls('Perms', [
    '    public static Boolean canCreate(SObject record) {',
    '        return record.getSObjectType().getDescribe().isCreateable();',
    '    }',
    '    public static Boolean canEdit(SObject record) {',
    '        return record.getSObjectType().getDescribe().isUpdateable();',
    '    }',
    '    public static Boolean alwaysYes(SObject record) {',
    '        return true;',
    '    }',
    '    public static void requireCreateable(Schema.SObjectType type) {',
    '        if (!type.getDescribe().isCreateable()) {',
    '            throw new NoAccessException();',
    '        }',
    '    }'
]);

describe('crud-fls-bypass: guards in helpers of other classes', () => {
    it('follows Boolean helpers and throwing helpers by what they check', () => {
        const source = cls('CaseController', [
            '    @AuraEnabled',
            '    public static void save(Case c) {',
            '        if (Perms.canCreate(c) && Perms.canEdit(c)) {',
            '            upsert c;',
            '        }',
            '        if (Perms.canCreate(c)) {',
            '            upsert c;',
            '        }',
            '        if (Perms.alwaysYes(c)) {',
            '            insert c;',
            '        }',
            '    }',
            '    @AuraEnabled',
            '    public static void create(String subject) {',
            '        Perms.requireCreateable(Case.SObjectType);',
            '        insert new Case(Subject = subject);',
            '        update new Case(Subject = subject);',
            '    }'
        ]);
        expect(lines({ Perms: PERMS, CaseController: source }, RULE)).toEqual([8, 11, 18]);
    });

    it('knows unseen helpers by name', () => {
        const source = cls('Store', [
            '    public static void save(Account a) {',
            "        fflib_SecurityUtils.checkInsert(Account.SObjectType, new List<String>{ 'Name' });",
            '        insert a;',
            '        if (SecurityHelper.canUpdate(a)) {',
            '            update a;',
            '        }',
            '        delete a;',
            '    }'
        ]);
        expect(lines({ Store: source }, RULE)).toEqual([8]);
    });
});

describe('crud-fls-bypass: per field and per object', () => {
    it('reads describe-map guards, and a guard on one field covers only that field', () => {
        const source = cls('Accounts', [
            '    public static void create(String name) {',
            '        Map<String, Schema.SObjectField> m = Schema.sObjectType.Account.fields.getMap();',
            "        if (m.get('Name').getDescribe().isCreateable()) {",
            '            insert new Account(Name = name);',
            "            insert new Account(Name = name, Phone = '555');",
            '        }',
            '        if (Schema.sObjectType.Account.fields.Phone.isCreateable() && Schema.sObjectType.Account.fields.Name.isCreateable()) {',
            "            insert new Account(Name = name, Phone = '555');",
            '        }',
            '    }'
        ]);
        expect(lines({ Accounts: source }, RULE)).toEqual([6]);
    });

    it('finds WITH USER_MODE in any literal of a dynamic query, and skips custom metadata, custom settings and install handlers', () => {
        const source = cls('Reads', [
            '    public static List<Account> run(String extra, Integer max) {',
            "        String soql = 'SELECT Id FROM Account WHERE Name != null ' + extra + ' WITH USER_MODE LIMIT ' + max;",
            '        List<Account> a = Database.query(soql);',
            "        String plain = 'SELECT Id FROM Account WHERE Name != null ' + extra;",
            '        List<Account> b = Database.query(plain);',
            '        List<Config__mdt> c = [SELECT DeveloperName FROM Config__mdt];',
            '        List<Limits__c> d = [SELECT Id FROM Limits__c];',
            '        Limits__c e = Limits__c.getOrgDefaults();',
            '        return a;',
            '    }'
        ]);
        const setting = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">',
            '    <customSettingsType>Hierarchy</customSettingsType>',
            '    <label>Limits</label>',
            '</CustomObject>',
            ''
        ].join('\n');
        const installer = cls(
            'Installer',
            [
                '    public void onInstall(InstallContext context) {',
                "        insert new Account(Name = 'Default');",
                '    }'
            ],
            'public without sharing class Installer implements InstallHandler {'
        );
        const files = {
            Reads: source,
            Installer: installer,
            'force-app/main/default/objects/Limits__c/Limits__c.object-meta.xml': setting
        };
        expect(findings(files, RULE).map((f) => [f.file.split('/').pop(), f.line])).toEqual([['Reads.cls', 6]]);
    });
});

describe('crud-fls-bypass: across classes', () => {
    const store = cls(
        'CaseStore',
        ['    public static void insertAll(List<Case> records) {', '        insert records;', '    }'],
        'public inherited sharing class CaseStore {'
    );

    it('checks records a data-store method writes unchanged at the callers that pass them', () => {
        const controller = cls('CaseController', [
            '    @AuraEnabled',
            '    public static void guarded(String subject) {',
            '        if (Schema.sObjectType.Case.isCreateable()) {',
            '            CaseStore.insertAll(new List<Case>{ new Case(Subject = subject) });',
            '        }',
            '    }',
            '    @AuraEnabled',
            '    public static void unguarded(String subject) {',
            '        CaseStore.insertAll(new List<Case>{ new Case(Subject = subject) });',
            '    }'
        ]);
        const found = findings({ CaseStore: store, CaseController: controller }, RULE);
        expect(found.map((f) => [f.file.split('/').pop(), f.line])).toEqual([['CaseController.cls', 10]]);
        expect(found[0].message).toContain('CaseController.unguarded() -> CaseStore.insertAll(records) -> INSERT');
    });

    it('reports a data-store method where it writes when nothing in the project calls it', () => {
        expect(findings({ CaseStore: store }, RULE).map((f) => f.line)).toEqual([3]);
    });

    it('clears an operation every caller guards, and keeps it when one caller does not', () => {
        const service = cls('CaseService', [
            '    public static void open(String subject) {',
            '        insert new Case(Subject = subject);',
            '    }'
        ]);
        const guarded = cls('Ui', [
            '    @AuraEnabled',
            '    public static void open(String subject) {',
            '        if (!Schema.sObjectType.Case.isCreateable()) {',
            "            throw new AuraHandledException('no access');",
            '        }',
            '        CaseService.open(subject);',
            '    }'
        ]);
        const careless = cls('Batch', ['    public void run() {', "        CaseService.open('nightly');", '    }']);
        expect(lines({ CaseService: service, Ui: guarded }, RULE)).toEqual([]);
        expect(lines({ CaseService: service, Ui: guarded, Batch: careless }, RULE)).toEqual([3]);
    });
});

describe('crud-fls-bypass: field metadata in messages', () => {
    it('names the object of a field-level check', () => {
        const source = cls('Notes', [
            '    public static void note(Id caseId, String text) {',
            '        Case c = new Case(Id = caseId);',
            '        c.Description = text;',
            '        if (Schema.sObjectType.Case.fields.Subject.isUpdateable()) {',
            '            update c;',
            '        }',
            '    }'
        ]);
        const found = findings(
            { Notes: source, 'force-app/main/default/objects/Case/fields/Note__c.field-meta.xml': fieldXml({}) },
            RULE
        );
        expect(found.map((f) => [f.line, f.message.startsWith('UPDATE of Case')])).toEqual([[6, true]]);
    });
});

describe('crud-fls-bypass: query text kept in a field', () => {
    const batch = (mode: string): string =>
        cls('PurgeBatch', [
            '    private String query;',
            '    public PurgeBatch(Integer days) {',
            `        this.query = 'SELECT Id FROM Task WHERE ActivityDate < LAST_N_DAYS:' + days${mode};`,
            '    }',
            '    public Database.QueryLocator start(Database.BatchableContext context) {',
            '        return Database.getQueryLocator(query);',
            '    }'
        ]);

    it('reads the mode and object of a query its constructor builds into a field', () => {
        expect(lines({ PurgeBatch: batch(" + ' WITH USER_MODE'") }, RULE)).toEqual([]);
        const found = findings({ PurgeBatch: batch('') }, RULE);
        expect(found.map((f) => [f.line, f.message.split(':')[0]])).toEqual([
            [7, 'Database.getQueryLocator on Task without CRUD/FLS enforcement']
        ]);
    });

    it('says what to check when the object of a query is unknown', () => {
        const source = cls('Runner', [
            '    public static List<SObject> run(String soql) {',
            '        return Database.query(soql);',
            '    }'
        ]);
        const [found] = findings({ Runner: source }, RULE);
        expect(found.message).toContain("check the object's isAccessible() first");
    });
});

describe('crud-fls-bypass: custom settings known from the Apex that reads them', () => {
    it('leaves out writes of an object read through getOrgDefaults, getInstance, getValues or getAll', () => {
        const seed = (read: string): string =>
            cls('Seeder', [
                '    public static void seed() {',
                `        Rates__c rate = ${read};`,
                '        rate.Percent__c = 5;',
                '        upsert rate;',
                '    }'
            ]);
        for (const read of [
            'Rates__c.getOrgDefaults()',
            'Rates__c.getInstance(UserInfo.getUserId())',
            "Rates__c.getValues('Default')",
            "Rates__c.getAll().get('Default')"
        ]) {
            expect(lines({ Seeder: seed(read) }, RULE)).toEqual([]);
        }
        expect(lines({ Seeder: seed('new Rates__c()') }, RULE)).toEqual([5]);
    });
});
