import { findings, lines } from './scan-helpers';

const RULE = 'soql-injection';

function cls(name: string, body: string[], header = `public with sharing class ${name} {`): string {
    return [header, ...body, '}', ''].join('\n');
}

describe('soql-injection sources', () => {
    it('takes input from entry points only, not from every public method', () => {
        const source = cls(
            'Search',
            [
                '    @AuraEnabled',
                '    public static List<Account> aura(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }',
                '    @RemoteAction',
                '    public static List<Account> remote(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }',
                '    webservice static List<Account> soap(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }',
                '    public static List<Account> plainPublic(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }',
                '    global static List<Account> plainGlobal(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }'
            ],
            'global with sharing class Search {'
        );
        const found = findings({ Search: source }, RULE);
        expect(found.map((f) => f.line)).toEqual([4, 8, 11]);
        expect(found[0].message).toContain('@AuraEnabled parameter name');
        expect(found[2].message).toContain('webservice parameter name');
    });

    it('takes input from REST, invocable, Visualforce and trigger payloads', () => {
        const rest = cls(
            'OrderApi',
            [
                '    @HttpGet',
                '    global static List<Order> byStatus() {',
                "        String status = RestContext.request.params.get('status');",
                "        return Database.query('SELECT Id FROM Order WHERE Status = \\'' + status + '\\'');",
                '    }',
                '    @HttpPost',
                '    global static List<Order> search(String term) {',
                "        return Database.query('SELECT Id FROM Order WHERE Name LIKE \\'%' + term + '%\\'');",
                '    }'
            ],
            "@RestResource(urlMapping='/orders/*')\nglobal with sharing class OrderApi {"
        );
        const flow = cls('FlowSearch', [
            '    public class Request {',
            '        @InvocableVariable',
            '        public String name;',
            '    }',
            '    @InvocableMethod',
            '    public static void run(List<Request> requests) {',
            '        for (Request r : requests) {',
            "            Database.query('SELECT Id FROM Contact WHERE LastName = \\'' + r.name + '\\'');",
            '        }',
            '    }'
        ]);
        const page = cls('SearchController', [
            '    public String searchText { get; set; }',
            '    public String fixedText { get; private set; }',
            '    public SearchController(ApexPages.StandardController controller) {',
            '    }',
            '    public List<Contact> search() {',
            "        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + searchText + '\\'');",
            '    }',
            '    public List<Contact> fixed() {',
            "        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + fixedText + '\\'');",
            '    }',
            '    public List<Contact> fromUrl() {',
            "        String q = ApexPages.currentPage().getParameters().get('q');",
            "        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + q + '\\'');",
            '    }'
        ]);
        const trigger = [
            'trigger LeadTrigger on Lead(after insert) {',
            '    for (Lead l : Trigger.new) {',
            "        List<Contact> same = Database.query('SELECT Id FROM Contact WHERE LastName = \\'' + l.LastName + '\\'');",
            "        List<Contact> byId = Database.query('SELECT Id FROM Contact WHERE OwnerId = \\'' + l.OwnerId + '\\'');",
            '    }',
            '}',
            ''
        ].join('\n');
        expect(lines({ OrderApi: rest }, RULE)).toEqual([6, 10]);
        expect(lines({ FlowSearch: flow }, RULE)).toEqual([9]);
        const vf = findings({ SearchController: page }, RULE);
        expect(vf.map((f) => f.line)).toEqual([7, 14]);
        expect(vf[0].message).toContain('Visualforce property searchText');
        expect(vf[1].message).toContain('Visualforce page parameters');
        const fromTrigger = findings({ 'LeadTrigger.trigger': trigger }, RULE);
        expect(fromTrigger.map((f) => f.line)).toEqual([3]);
        expect(fromTrigger[0].message).toContain('trigger records (Trigger.new)');
    });
});

describe('soql-injection sanitisers', () => {
    it('passes safe types, describe answers, escaping, binds and allowlists', () => {
        const source = cls('Safe', [
            "    private static final Set<String> SORTABLE = new Set<String>{ 'Name', 'CreatedDate' };",
            '    @AuraEnabled',
            '    public static List<Account> run(Id ownerId, Integer max, Date since, String name, String sortField, String dir, String objectName) {',
            "        String q = 'SELECT Id FROM Account WHERE OwnerId = \\'' + ownerId + '\\' AND CreatedDate > ' + String.valueOf(since) + ' LIMIT ' + max;",
            '        List<Account> a = Database.query(q);',
            "        List<Account> b = Database.query('SELECT Id FROM Account WHERE Name = \\'' + String.escapeSingleQuotes(name) + '\\'');",
            "        List<Account> c = Database.query('SELECT Id FROM Account WHERE Name = :name');",
            "        List<Account> d = Database.queryWithBinds('SELECT Id FROM Account WHERE Name = :name', new Map<String, Object>{ 'name' => name }, AccessLevel.USER_MODE);",
            '        if (!SORTABLE.contains(sortField)) {',
            "            throw new AuraHandledException('bad sort');",
            '        }',
            "        String order = dir == 'DESC' ? 'DESC' : 'ASC';",
            "        List<Account> e = Database.query('SELECT Id FROM Account ORDER BY ' + sortField + ' ' + order);",
            '        Schema.SObjectType t = Schema.getGlobalDescribe().get(objectName);',
            "        List<SObject> f = Database.query('SELECT Id FROM ' + t.getDescribe().getName());",
            "        String fields = '';",
            "        for (Schema.FieldSetMember m : SObjectType.Account.fieldSets.getMap().get('Summary').getFields()) {",
            "            fields += ', ' + m.getFieldPath();",
            '        }',
            "        List<Account> g = Database.query('SELECT Id' + fields + ' FROM Account');",
            '        if (name.isAlphanumeric()) {',
            "            List<Account> h = Database.query('SELECT Id FROM Account ORDER BY ' + name);",
            '        }',
            '        return a;',
            '    }'
        ]);
        expect(lines({ Safe: source }, RULE)).toEqual([]);
    });

    it('still reports what a sanitiser does not cover', () => {
        const source = cls('Unsafe', [
            '    @AuraEnabled',
            '    public static List<Account> run(String sortField, String name) {',
            '        if (sortField == null) {',
            "            sortField = 'Name';",
            '        }',
            "        List<Account> a = Database.query('SELECT Id FROM Account ORDER BY ' + sortField);",
            '        String safe = String.escapeSingleQuotes(name);',
            "        List<Account> b = Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
            '        return a;',
            '    }'
        ]);
        expect(lines({ Unsafe: source }, RULE)).toEqual([7, 9]);
    });

    it('clears text reduced to a set of characters without quote or backslash, and nothing wider', () => {
        const stripped = (pattern: string): string =>
            cls('Finder', [
                '    @AuraEnabled',
                '    public static List<Account> find(String term) {',
                `        String kept = term.replaceAll('${pattern}', '');`,
                "        return Database.query('SELECT Id FROM Account WHERE Name LIKE \\'%' + kept + '%\\'');",
                '    }'
            ]);
        for (const pattern of ['[^a-zA-Z0-9 ]', '[^A-Z0-9_-]+', '[^\\\\w ]']) {
            expect(lines({ Finder: stripped(pattern) }, RULE)).toEqual([]);
        }
        // A quote kept, a range that spans the backslash, no negation, or a replacement that is not empty.
        for (const pattern of ["[^a-z\\']", '[^A-z]', '[a-z]']) {
            expect(lines({ Finder: stripped(pattern) }, RULE)).toEqual([5]);
        }
        const replaced = stripped('[^a-z]').replace(", '')", ", '_')");
        expect(lines({ Finder: replaced }, RULE)).toEqual([5]);
    });
});

describe('soql-injection across methods and classes', () => {
    const service = cls(
        'QueryService',
        ['    public static List<SObject> run(String soql) {', '        return Database.query(soql);', '    }'],
        'public inherited sharing class QueryService {'
    );

    it('reports a pass-through query method at the caller that feeds it input, with the path', () => {
        const controller = cls('OrderController', [
            '    @AuraEnabled',
            '    public static List<SObject> search(String filter) {',
            "        return QueryService.run('SELECT Id FROM Order WHERE Name = \\'' + filter + '\\'');",
            '    }',
            '    @AuraEnabled',
            '    public static List<SObject> byId(Id orderId) {',
            "        return QueryService.run('SELECT Id FROM Order WHERE Id = \\'' + orderId + '\\'');",
            '    }',
            '    public static List<SObject> internal() {',
            "        return QueryService.run('SELECT Id FROM Order LIMIT 10');",
            '    }'
        ]);
        const found = findings({ QueryService: service, OrderController: controller }, RULE);
        expect(found.map((f) => [f.file.split('/').pop(), f.line])).toEqual([['OrderController.cls', 4]]);
        expect(found[0].message).toContain(
            'OrderController.search(filter) -> QueryService.run(soql) -> Database.query'
        );
    });

    it('reports where a service builds the query, naming every method on the way', () => {
        const builder = cls('OrderService', [
            '    public static List<SObject> find(String f) {',
            "        return Database.query('SELECT Id FROM Order WHERE Name = \\'' + f + '\\'');",
            '    }'
        ]);
        const controller = cls('OrderController', [
            '    @AuraEnabled',
            '    public static List<SObject> search(String filter) {',
            '        return OrderService.find(filter);',
            '    }'
        ]);
        const found = findings({ OrderService: builder, OrderController: controller }, RULE);
        expect(found.map((f) => [f.file.split('/').pop(), f.line])).toEqual([['OrderService.cls', 3]]);
        expect(found[0].message).toContain('OrderController.search(filter) -> OrderService.find(f) -> Database.query');
    });

    it('follows a method whose return value carries input, and clears one that cannot', () => {
        const source = cls('Finder', [
            '    @AuraEnabled',
            '    public static List<Contact> find(String name) {',
            "        List<Contact> a = Database.query('SELECT Id FROM Contact WHERE ' + clause(name));",
            "        List<Contact> b = Database.query('SELECT Id FROM Contact WHERE ' + fixedClause(name));",
            "        List<Contact> c = Database.query('SELECT Id FROM Contact LIMIT ' + limitOf(name));",
            '        return a;',
            '    }',
            '    private static String clause(String value) {',
            "        return 'LastName = \\'' + value + '\\'';",
            '    }',
            '    private static String fixedClause(String value) {',
            "        return 'LastName != null';",
            '    }',
            '    private static Integer limitOf(String value) {',
            '        return value.length();',
            '    }'
        ]);
        expect(lines({ Finder: source }, RULE)).toEqual([4]);
    });
});
