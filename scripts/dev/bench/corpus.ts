/**
 * A synthetic but realistic Apex code base for the scanner benchmark, generated deterministically
 * (a seeded PRNG, no clock, no randomness from the machine): service classes, selectors, trigger
 * handlers and one-line triggers, controllers with @AuraEnabled methods, batch and queueable jobs,
 * REST resources, callout clients, DTOs, enums, interfaces and test classes, in the shapes real orgs
 * have, with a sprinkling of the mistakes the rules look for. Also an sfdx-project.json and field
 * metadata with PHI classifications, so the PHI rules have something to reason about.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../lib/random';

/** mulberry32: the same sequence for the same seed everywhere. */
export const prng = seededRandom;

type Rand = () => number;

function pick<T>(rand: Rand, items: readonly T[]): T {
    return items[Math.floor(rand() * items.length)];
}

function chance(rand: Rand, p: number): boolean {
    return rand() < p;
}

const OBJECTS = [
    { name: 'Contact', fields: ['FirstName', 'LastName', 'Email', 'Phone', 'Birthdate', 'MailingCity'], phi: true },
    { name: 'Account', fields: ['Name', 'Industry', 'BillingCity', 'Website', 'Phone', 'AnnualRevenue'], phi: false },
    { name: 'Case', fields: ['Subject', 'Status', 'Priority', 'Origin', 'Description', 'ContactId'], phi: false },
    {
        name: 'Opportunity',
        fields: ['Name', 'StageName', 'Amount', 'CloseDate', 'AccountId', 'Probability'],
        phi: false
    },
    {
        name: 'Patient__c',
        fields: [
            'MedicalRecordNumber__c',
            'DateOfBirth__c',
            'Diagnosis__c',
            'PrimaryPhysician__c',
            'Status__c',
            'Ssn__c'
        ],
        phi: true
    },
    {
        name: 'Appointment__c',
        fields: ['ScheduledAt__c', 'Reason__c', 'Location__c', 'Status__c', 'DurationMinutes__c', 'Notes__c'],
        phi: true
    },
    {
        name: 'Invoice__c',
        fields: ['Amount__c', 'DueDate__c', 'Status__c', 'Reference__c', 'Currency__c', 'PaidOn__c'],
        phi: false
    },
    { name: 'Task', fields: ['Subject', 'Status', 'ActivityDate', 'Priority', 'Description', 'WhoId'], phi: false }
] as const;

type SObjectSpec = (typeof OBJECTS)[number];

const DOMAINS = [
    'Billing',
    'Scheduling',
    'Intake',
    'Referral',
    'Claims',
    'Outreach',
    'Care',
    'Lab',
    'Pharmacy',
    'Portal'
];
const NOUNS = ['Service', 'Manager', 'Processor', 'Engine', 'Helper', 'Coordinator', 'Gateway', 'Util'];

function variable(object: SObjectSpec): string {
    const base = object.name.replace(/__c$/, '');
    return base.charAt(0).toLowerCase() + base.slice(1);
}

function plural(object: SObjectSpec): string {
    return `${variable(object)}s`;
}

function fieldList(rand: Rand, object: SObjectSpec, count: number): string[] {
    const fields = [...object.fields];
    const out: string[] = ['Id'];
    while (out.length <= count && fields.length > 0) {
        out.push(fields.splice(Math.floor(rand() * fields.length), 1)[0]);
    }
    return out;
}

function indent(lines: string[], depth: number): string[] {
    const pad = '    '.repeat(depth);
    return lines.map((line) => (line ? pad + line : line));
}

// ---------------------------------------------------------------- methods

type MethodGen = (rand: Rand, object: SObjectSpec, index: number, className: string) => string[];

const methodQueryById: MethodGen = (rand, object, index) => {
    const fields = fieldList(rand, object, 3 + Math.floor(rand() * 3));
    const secure = chance(rand, 0.7) ? ' WITH USER_MODE' : '';
    return [
        '/**',
        ` * @description Loads ${object.name} records by id for step ${index}.`,
        ' * @param recordIds the ids to load',
        ` * @return the records, in no particular order`,
        ' */',
        `public List<${object.name}> load${index}(Set<Id> recordIds) {`,
        `    if (recordIds == null || recordIds.isEmpty()) {`,
        `        return new List<${object.name}>();`,
        '    }',
        `    return [`,
        `        SELECT ${fields.join(', ')}`,
        `        FROM ${object.name}`,
        `        WHERE Id IN :recordIds${secure}`,
        `        ORDER BY CreatedDate DESC`,
        `        LIMIT 2000`,
        '    ];',
        '}'
    ];
};

const methodMapBuild: MethodGen = (rand, object, index) => {
    const field = pick(rand, object.fields);
    return [
        `private Map<Id, ${object.name}> index${index}(List<${object.name}> records) {`,
        `    Map<Id, ${object.name}> byId = new Map<Id, ${object.name}>();`,
        `    for (${object.name} record : records) {`,
        `        if (record.${field} != null) {`,
        '            byId.put(record.Id, record);',
        '        }',
        '    }',
        '    return byId;',
        '}'
    ];
};

const methodBulkUpdate: MethodGen = (rand, object, index) => {
    const field = pick(
        rand,
        object.fields.filter((f) => !/Id$|Date|Amount|Minutes|Revenue|Probability/.test(f))
    );
    const mode = chance(rand, 0.6) ? 'update as user toUpdate;' : 'update toUpdate;';
    const inLoop = chance(rand, 0.12);
    const lines = [
        `public Integer normalise${index}(List<${object.name}> records) {`,
        `    List<${object.name}> toUpdate = new List<${object.name}>();`,
        `    for (${object.name} record : records) {`,
        `        String current = record.${field} == null ? '' : String.valueOf(record.${field});`,
        `        String cleaned = current.trim().normalizeSpace();`,
        '        if (cleaned != current) {',
        `            record.${field} = cleaned;`,
        '            toUpdate.add(record);'
    ];
    if (inLoop) {
        lines.push('            update record;');
    }
    lines.push(
        '        }',
        '    }',
        '    if (!toUpdate.isEmpty()) {',
        `        ${mode}`,
        '    }',
        '    return toUpdate.size();',
        '}'
    );
    return lines;
};

const methodDescribeGuardedInsert: MethodGen = (rand, object, index) => {
    const field = pick(rand, object.fields);
    return [
        `public void create${index}(List<${object.name}> records) {`,
        `    if (!Schema.sObjectType.${object.name}.isCreateable()) {`,
        `        throw new ${pick(rand, ['SecurityException', 'IllegalArgumentException'])}('No create access to ${object.name}');`,
        '    }',
        `    for (${object.name} record : records) {`,
        `        if (record.${field} == null) {`,
        `            throw new IllegalArgumentException('${field} is required');`,
        '        }',
        '    }',
        '    insert records;',
        '}'
    ];
};

const methodStripInaccessible: MethodGen = (rand, object, index) => [
    `public List<${object.name}> sanitise${index}(List<${object.name}> records) {`,
    `    SObjectAccessDecision decision = Security.stripInaccessible(AccessType.UPDATABLE, records);`,
    `    List<${object.name}> cleaned = (List<${object.name}>) decision.getRecords();`,
    `    Database.SaveResult[] results = Database.update(cleaned, false);`,
    '    Integer failures = 0;',
    '    for (Database.SaveResult result : results) {',
    '        if (!result.isSuccess()) {',
    '            failures++;',
    '        }',
    '    }',
    `    System.debug(LoggingLevel.FINE, 'failures: ' + failures);`,
    '    return cleaned;',
    '}'
];

const methodDynamicQuery: MethodGen = (rand, object, index) => {
    const fields = fieldList(rand, object, 3);
    const escaped = chance(rand, 0.6);
    const value = escaped ? 'String.escapeSingleQuotes(filterValue)' : 'filterValue';
    const filterField = pick(
        rand,
        object.fields.filter((f) => !/Date|Amount|Minutes|Revenue|Probability/.test(f))
    );
    return [
        `public List<${object.name}> search${index}(String filterValue, Integer maxRows) {`,
        `    String soql = 'SELECT ${fields.join(', ')} FROM ${object.name}';`,
        '    if (String.isNotBlank(filterValue)) {',
        `        soql += ' WHERE ${filterField} LIKE \\'%' + ${value} + '%\\'';`,
        '    }',
        `    soql += ' LIMIT ' + maxRows;`,
        `    return Database.query(soql${chance(rand, 0.5) ? ', AccessLevel.USER_MODE' : ''});`,
        '}'
    ];
};

const methodSwitch: MethodGen = (rand, object, index) => [
    `private String label${index}(String status) {`,
    '    switch on status {',
    `        when 'New', 'Open' {`,
    `            return 'Active';`,
    '        }',
    `        when 'Closed' {`,
    `            return 'Done';`,
    '        }',
    `        when null {`,
    `            return 'Unknown';`,
    '        }',
    '        when else {',
    `            return status.capitalize();`,
    '        }',
    '    }',
    '}'
];

const methodAggregate: MethodGen = (rand, object, index) => {
    const field = pick(rand, object.fields);
    return [
        `public Map<String, Integer> count${index}() {`,
        '    Map<String, Integer> counts = new Map<String, Integer>();',
        `    for (AggregateResult row : [`,
        `        SELECT ${field} value, COUNT(Id) total`,
        `        FROM ${object.name}`,
        `        WHERE CreatedDate = LAST_N_DAYS:30`,
        '        WITH USER_MODE',
        `        GROUP BY ${field}`,
        '    ]) {',
        `        counts.put(String.valueOf(row.get('value')), (Integer) row.get('total'));`,
        '    }',
        '    return counts;',
        '}'
    ];
};

const methodTryCatch: MethodGen = (rand, object, index) => [
    `public Boolean safeDelete${index}(List<${object.name}> records) {`,
    '    Savepoint savepoint = Database.setSavepoint();',
    '    try {',
    `        Database.delete(records, true, AccessLevel.USER_MODE);`,
    '        return true;',
    '    } catch (DmlException error) {',
    '        Database.rollback(savepoint);',
    `        System.debug(LoggingLevel.ERROR, 'delete failed: ' + error.getMessage());`,
    '        return false;',
    '    } finally {',
    `        lastRun${index} = System.now();`,
    '    }',
    '}'
];

const methodCallout: MethodGen = (rand, object, index) => {
    const named = chance(rand, 0.7);
    const endpoint = named
        ? `'callout:${pick(rand, ['Erp', 'Billing', 'Crm', 'Warehouse'])}Api/v2/items'`
        : `'https://erp.example.com/api/v2/items'`;
    const lines = [
        `public Integer push${index}(List<${object.name}> records) {`,
        '    List<Map<String, Object>> payload = new List<Map<String, Object>>();',
        `    for (${object.name} record : records) {`,
        `        payload.add(new Map<String, Object>{ 'id' => record.Id, 'ref' => record.${pick(rand, object.fields)} });`,
        '    }',
        '    HttpRequest request = new HttpRequest();',
        `    request.setEndpoint(${endpoint});`,
        `    request.setMethod('POST');`,
        `    request.setHeader('Content-Type', 'application/json');`,
        '    request.setTimeout(20000);',
        '    request.setBody(JSON.serialize(payload));',
        '    HttpResponse response = new Http().send(request);',
        '    if (response.getStatusCode() >= 300) {',
        `        throw new CalloutException('push failed with ' + response.getStatusCode());`,
        '    }',
        '    return response.getStatusCode();',
        '}'
    ];
    return lines;
};

const methodStringBuild: MethodGen = (rand, object, index) => [
    `public String describe${index}(${object.name} record) {`,
    '    List<String> parts = new List<String>();',
    `    parts.add('${object.name}');`,
    '    parts.add(String.valueOf(record.Id));',
    `    if (record.${pick(rand, object.fields)} != null) {`,
    `        parts.add(String.valueOf(record.${pick(rand, object.fields)}));`,
    '    }',
    `    return String.join(parts, ' / ').abbreviate(${80 + Math.floor(rand() * 100)});`,
    '}'
];

const methodWhile: MethodGen = (rand, object, index) => [
    `private List<List<Id>> chunk${index}(List<Id> ids, Integer size) {`,
    '    List<List<Id>> chunks = new List<List<Id>>();',
    '    Integer position = 0;',
    '    while (position < ids.size()) {',
    '        List<Id> chunk = new List<Id>();',
    '        for (Integer i = position; i < Math.min(position + size, ids.size()); i++) {',
    '            chunk.add(ids[i]);',
    '        }',
    '        chunks.add(chunk);',
    '        position += size;',
    '    }',
    '    return chunks;',
    '}'
];

const methodQueryInLoop: MethodGen = (rand, object, index) => [
    `public Integer related${index}(List<${object.name}> records) {`,
    '    Integer total = 0;',
    `    for (${object.name} record : records) {`,
    `        total += [SELECT COUNT() FROM Task WHERE WhatId = :record.Id WITH USER_MODE];`,
    '    }',
    '    return total;',
    '}'
];

const methodAudit: MethodGen = (rand, object, index) => [
    `private void audit${index}(${object.name} record) {`,
    '    if (record == null) {',
    '        return;',
    '    }',
    `    System.debug(LoggingLevel.FINE, 'processing ' + record.Id);`,
    '    if (Test.isRunningTest()) {',
    '        System.debug(record);',
    '    }',
    '}'
];

const METHODS: MethodGen[] = [
    methodAudit,
    methodQueryById,
    methodMapBuild,
    methodBulkUpdate,
    methodDescribeGuardedInsert,
    methodStripInaccessible,
    methodDynamicQuery,
    methodSwitch,
    methodAggregate,
    methodTryCatch,
    methodCallout,
    methodStringBuild,
    methodWhile,
    methodMapBuild,
    methodQueryById,
    methodStringBuild,
    methodSwitch
];

// ---------------------------------------------------------------- classes

export type CorpusFile = { path: string; content: string };

function apexDocHeader(description: string): string[] {
    return ['/**', ` * @description ${description}`, ' * @group Bench', ' */'];
}

function serviceClass(rand: Rand, name: string, object: SObjectSpec, methods: number): string[] {
    const sharing = chance(rand, 0.85) ? 'with sharing' : chance(rand, 0.5) ? 'without sharing' : '';
    const lines: string[] = [
        ...apexDocHeader(`${name} handles ${object.name} records for the ${name.replace(/[A-Z][a-z]+$/, '')} process.`),
        `public ${sharing ? `${sharing} ` : ''}class ${name} {`
    ];
    lines.push(`    private static final Integer DEFAULT_LIMIT = ${100 + Math.floor(rand() * 900)};`);
    lines.push(`    private static final String SOURCE = '${name}';`);
    for (let i = 0; i < methods; i += 1) {
        lines.push(`    private Datetime lastRun${i};`);
    }
    lines.push('');
    for (let i = 0; i < methods; i += 1) {
        const gen = i === methods - 1 && chance(rand, 0.08) ? methodQueryInLoop : pick(rand, METHODS);
        lines.push(...indent(gen(rand, object, i, name), 1), '');
    }
    if (chance(rand, 0.5)) {
        lines.push(
            ...indent(
                [
                    '/**',
                    ' * @description Result of one run, returned to callers.',
                    ' */',
                    'public class Result {',
                    '    public Integer processed { get; set; }',
                    '    public List<String> errors = new List<String>();',
                    '    public Boolean hasErrors() {',
                    '        return !errors.isEmpty();',
                    '    }',
                    '}'
                ],
                1
            )
        );
    }
    lines.push('}');
    return lines;
}

function selectorClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    const fields = fieldList(rand, object, 5);
    return [
        ...apexDocHeader(`Queries for ${object.name}, with a test seam.`),
        `public inherited sharing class ${name} {`,
        '    @TestVisible',
        `    private static List<${object.name}> mockRecords;`,
        '',
        `    public static List<${object.name}> byIds(Set<Id> ids) {`,
        '        if (mockRecords != null) {',
        '            return mockRecords;',
        '        }',
        '        return [',
        `            SELECT ${fields.join(', ')}`,
        `            FROM ${object.name}`,
        '            WHERE Id IN :ids',
        '            WITH USER_MODE',
        '        ];',
        '    }',
        '',
        `    public static List<${object.name}> recent(Integer days, Integer maxRows) {`,
        '        Datetime since = System.now().addDays(-days);',
        '        return [',
        `            SELECT ${fields.join(', ')}`,
        `            FROM ${object.name}`,
        '            WHERE LastModifiedDate >= :since',
        '            WITH USER_MODE',
        '            ORDER BY LastModifiedDate DESC',
        '            LIMIT :maxRows',
        '        ];',
        '    }',
        '}'
    ];
}

function handlerClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    const field = pick(rand, object.fields);
    const lines = [
        ...apexDocHeader(`Trigger handler for ${object.name}.`),
        `public with sharing class ${name} {`,
        `    public void handle(List<${object.name}> newRecords, Map<Id, ${object.name}> oldMap, System.TriggerOperation operation) {`,
        '        switch on operation {',
        '            when BEFORE_INSERT, BEFORE_UPDATE {',
        '                validate(newRecords);',
        '            }',
        '            when AFTER_UPDATE {',
        '                track(newRecords, oldMap);',
        '            }',
        '            when else {',
        '                return;',
        '            }',
        '        }',
        '    }',
        '',
        `    private void validate(List<${object.name}> records) {`,
        `        for (${object.name} record : records) {`,
        `            if (record.${field} == null) {`,
        `                record.addError('${field} is required');`,
        '            }',
        '        }',
        '    }',
        '',
        `    private void track(List<${object.name}> records, Map<Id, ${object.name}> oldMap) {`,
        '        List<Task> tasks = new List<Task>();',
        `        for (${object.name} record : records) {`,
        `            ${object.name} previous = oldMap.get(record.Id);`,
        `            if (previous != null && previous.${field} != record.${field}) {`,
        `                tasks.add(new Task(Subject = 'Changed ${field}', WhatId = record.Id));`,
        '            }',
        '        }',
        '        if (!tasks.isEmpty()) {',
        '            insert as user tasks;',
        '        }',
        '    }'
    ];
    if (chance(rand, 0.2)) {
        lines.push(
            '',
            '    @future(callout=true)',
            '    public static void notifyExternal(Set<Id> recordIds) {',
            '        HttpRequest request = new HttpRequest();',
            `        request.setEndpoint('callout:Erp/notify');`,
            `        request.setMethod('POST');`,
            '        request.setBody(JSON.serialize(recordIds));',
            '        new Http().send(request);',
            '    }'
        );
    }
    lines.push('}');
    return lines;
}

function triggerFile(object: SObjectSpec, handler: string, logic: boolean): string[] {
    if (!logic) {
        return [
            `trigger ${object.name.replace(/__c$/, '')}Trigger on ${object.name}(before insert, before update, after update) {`,
            `    new ${handler}().handle(Trigger.new, Trigger.oldMap, Trigger.operationType);`,
            '}'
        ];
    }
    return [
        `trigger ${object.name.replace(/__c$/, '')}Trigger on ${object.name}(before insert, before update, after update) {`,
        '    if (Trigger.isBefore) {',
        `        for (${object.name} record : Trigger.new) {`,
        '            if (record.Id == null) {',
        `                System.debug('new record');`,
        '            }',
        '        }',
        '    }',
        `    new ${handler}().handle(Trigger.new, Trigger.oldMap, Trigger.operationType);`,
        '}'
    ];
}

function controllerClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    const fields = fieldList(rand, object, 4);
    return [
        ...apexDocHeader(`Lightning controller for ${object.name}.`),
        `public with sharing class ${name} {`,
        '    @AuraEnabled(cacheable=true)',
        `    public static List<${object.name}> listRecords(String searchTerm, Integer pageSize) {`,
        `        String term = '%' + (searchTerm == null ? '' : searchTerm) + '%';`,
        '        return [',
        `            SELECT ${fields.join(', ')}`,
        `            FROM ${object.name}`,
        `            WHERE ${fields[1]} LIKE :term`,
        '            WITH USER_MODE',
        '            LIMIT :pageSize',
        '        ];',
        '    }',
        '',
        '    @AuraEnabled',
        `    public static void save(${object.name} record) {`,
        '        try {',
        '            upsert as user record;',
        '        } catch (DmlException error) {',
        '            throw new AuraHandledException(error.getMessage());',
        '        }',
        '    }',
        '',
        '    @AuraEnabled',
        `    public static List<${object.name}> sorted(String sortField) {`,
        `        String soql = 'SELECT Id FROM ${object.name} ORDER BY ' + sortField + ' LIMIT 50';`,
        '        return Database.query(soql, AccessLevel.USER_MODE);',
        '    }',
        '}'
    ];
}

function batchClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    const field = pick(rand, object.fields);
    return [
        ...apexDocHeader(`Nightly batch over ${object.name}.`),
        `public with sharing class ${name} implements Database.Batchable<SObject>, Database.Stateful {`,
        '    private Integer processed = 0;',
        '',
        '    public Database.QueryLocator start(Database.BatchableContext context) {',
        `        return Database.getQueryLocator('SELECT Id, ${field} FROM ${object.name} WHERE LastModifiedDate = LAST_N_DAYS:1');`,
        '    }',
        '',
        `    public void execute(Database.BatchableContext context, List<${object.name}> scope) {`,
        `        for (${object.name} record : scope) {`,
        `            record.${field} = record.${field};`,
        '            processed++;',
        '        }',
        '        update as user scope;',
        '    }',
        '',
        '    public void finish(Database.BatchableContext context) {',
        `        System.debug(LoggingLevel.INFO, '${name} processed ' + processed);`,
        '    }',
        '}'
    ];
}

function restClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    return [
        ...apexDocHeader(`REST resource for ${object.name}.`),
        `@RestResource(urlMapping='/${variable(object)}/${name.toLowerCase()}/*')`,
        `global with sharing class ${name} {`,
        '    @HttpGet',
        `    global static ${object.name} fetch() {`,
        '        RestRequest request = RestContext.request;',
        `        String recordId = request.requestURI.substringAfterLast('/');`,
        `        List<${object.name}> rows = [SELECT Id FROM ${object.name} WHERE Id = :recordId WITH USER_MODE LIMIT 1];`,
        '        return rows.isEmpty() ? null : rows[0];',
        '    }',
        '',
        '    @HttpPost',
        `    global static Id create(String payload) {`,
        `        ${object.name} record = (${object.name}) JSON.deserialize(payload, ${object.name}.class);`,
        '        insert as user record;',
        '        return record.Id;',
        '    }',
        '}'
    ];
}

function testClass(rand: Rand, name: string, target: string, object: SObjectSpec): string[] {
    return [
        '@IsTest(IsParallel=true)',
        `private class ${name} {`,
        '    @IsTest',
        '    static void itProcessesAnEmptyList() {',
        `        ${target} subject = new ${target}();`,
        `        List<${object.name}> records = new List<${object.name}>();`,
        '        Test.startTest();',
        `        Integer size = records.size();`,
        '        Test.stopTest();',
        `        System.Assert.areEqual(0, size, 'an empty list stays empty');`,
        '    }',
        '',
        '    @IsTest',
        '    static void itBuildsRecordsInMemory() {',
        `        List<${object.name}> records = new List<${object.name}>();`,
        `        for (Integer i = 0; i < ${5 + Math.floor(rand() * 20)}; i++) {`,
        `            records.add(new ${object.name}());`,
        '        }',
        `        System.Assert.isFalse(records.isEmpty(), 'records were built');`,
        '    }',
        '}'
    ];
}

function llmClientClass(rand: Rand, name: string, object: SObjectSpec): string[] {
    const field = pick(rand, object.fields);
    return [
        ...apexDocHeader(`Summarises ${object.name} records with an LLM.`),
        `public with sharing class ${name} {`,
        `    public String summarise(${object.name} record) {`,
        `        String prompt = 'Summarise: ' + String.valueOf(record.${field});`,
        '        HttpRequest request = new HttpRequest();',
        `        request.setEndpoint('https://api.openai.com/v1/chat/completions');`,
        `        request.setMethod('POST');`,
        `        request.setBody(JSON.serialize(new Map<String, Object>{ 'model' => 'gpt-4o', 'input' => prompt }));`,
        '        HttpResponse response = new Http().send(request);',
        '        return response.getBody();',
        '    }',
        '}'
    ];
}

function enumAndInterface(name: string): string[] {
    return [
        ...apexDocHeader(`Extension point ${name}.`),
        `public interface ${name} {`,
        '    Boolean applies(SObject record);',
        '    void apply(List<SObject> records);',
        '    String name();',
        '}'
    ];
}

function metadataFiles(): CorpusFile[] {
    const files: CorpusFile[] = [];
    const fields: Array<[string, string, string, string]> = [
        [
            'Patient__c',
            'Ssn__c',
            'Text',
            '<securityClassification>Restricted</securityClassification>\n    <complianceGroup>HIPAA</complianceGroup>'
        ],
        ['Patient__c', 'DateOfBirth__c', 'Date', '<complianceGroup>HIPAA</complianceGroup>'],
        ['Patient__c', 'Diagnosis__c', 'LongTextArea', '<complianceGroup>HIPAA;GDPR</complianceGroup>'],
        ['Patient__c', 'MedicalRecordNumber__c', 'Text', '<securityClassification>Restricted</securityClassification>'],
        ['Appointment__c', 'Reason__c', 'TextArea', '<complianceGroup>HIPAA</complianceGroup>'],
        ['Appointment__c', 'Notes__c', 'LongTextArea', '<complianceGroup>HIPAA</complianceGroup>']
    ];
    for (const [object, field, type, extra] of fields) {
        files.push({
            path: `force-app/main/default/objects/${object}/fields/${field}.field-meta.xml`,
            content: `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${field}</fullName>\n    <label>${field.replace(/__c$/, '')}</label>\n    ${extra}\n    <type>${type}</type>${type === 'Text' ? '\n    <length>64</length>' : ''}\n</CustomField>\n`
        });
    }
    return files;
}

export type Corpus = { files: CorpusFile[]; apexLines: number; apexFiles: number };

/** Generates at least `minLines` lines of Apex (plus project and metadata files). */
export function generateCorpus(minLines = 100_000, seed = 20_240_601): Corpus {
    const rand = prng(seed);
    const files: CorpusFile[] = [
        {
            path: 'sfdx-project.json',
            content: `${JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }, null, 2)}\n`
        },
        ...metadataFiles()
    ];
    let apexLines = 0;
    let apexFiles = 0;
    const used = new Set<string>();
    const add = (path: string, lines: string[]): void => {
        files.push({ path, content: `${lines.join('\n')}\n` });
        apexLines += lines.length + 1;
        apexFiles += 1;
    };
    const uniqueName = (base: string): string => {
        let name = base;
        for (let n = 2; used.has(name.toLowerCase()); n += 1) {
            name = `${base}${n}`;
        }
        used.add(name.toLowerCase());
        return name;
    };
    const meta = (kind: 'classes' | 'triggers', name: string): void => {
        const suffix = kind === 'classes' ? 'cls' : 'trigger';
        const root = kind === 'classes' ? 'ApexClass' : 'ApexTrigger';
        files.push({
            path: `force-app/main/default/${kind}/${name}.${suffix}-meta.xml`,
            content: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</${root}>\n`
        });
    };
    const triggered = new Set<string>();
    while (apexLines < minLines) {
        const object = pick(rand, OBJECTS);
        const domain = pick(rand, DOMAINS);
        const roll = rand();
        if (roll < 0.45) {
            const name = uniqueName(`${domain}${object.name.replace(/__c$/, '')}${pick(rand, NOUNS)}`);
            add(
                `force-app/main/default/classes/${name}.cls`,
                serviceClass(rand, name, object, 6 + Math.floor(rand() * 10))
            );
            meta('classes', name);
            if (chance(rand, 0.5)) {
                const test = uniqueName(`${name}_Tests`);
                add(`force-app/main/default/classes/${test}.cls`, testClass(rand, test, name, object));
                meta('classes', test);
            }
        } else if (roll < 0.55) {
            const name = uniqueName(`${object.name.replace(/__c$/, '')}${domain}Selector`);
            add(`force-app/main/default/classes/${name}.cls`, selectorClass(rand, name, object));
            meta('classes', name);
        } else if (roll < 0.68) {
            const name = uniqueName(`${object.name.replace(/__c$/, '')}${domain}Handler`);
            add(`force-app/main/default/classes/${name}.cls`, handlerClass(rand, name, object));
            meta('classes', name);
            if (!triggered.has(object.name)) {
                triggered.add(object.name);
                const triggerName = `${object.name.replace(/__c$/, '')}Trigger`;
                add(
                    `force-app/main/default/triggers/${triggerName}.trigger`,
                    triggerFile(object, name, chance(rand, 0.4))
                );
                meta('triggers', triggerName);
            }
        } else if (roll < 0.78) {
            const name = uniqueName(`${object.name.replace(/__c$/, '')}${domain}Controller`);
            add(`force-app/main/default/classes/${name}.cls`, controllerClass(rand, name, object));
            meta('classes', name);
        } else if (roll < 0.86) {
            const name = uniqueName(`${domain}${object.name.replace(/__c$/, '')}Batch`);
            add(`force-app/main/default/classes/${name}.cls`, batchClass(rand, name, object));
            meta('classes', name);
        } else if (roll < 0.93) {
            const name = uniqueName(`${domain}${object.name.replace(/__c$/, '')}Api`);
            add(`force-app/main/default/classes/${name}.cls`, restClass(rand, name, object));
            meta('classes', name);
        } else if (roll < 0.95) {
            const name = uniqueName(`${domain}${object.name.replace(/__c$/, '')}SummaryClient`);
            add(`force-app/main/default/classes/${name}.cls`, llmClientClass(rand, name, object));
            meta('classes', name);
        } else {
            const name = uniqueName(`${domain}${object.name.replace(/__c$/, '')}Rule`);
            add(`force-app/main/default/classes/${name}.cls`, enumAndInterface(name));
            meta('classes', name);
        }
    }
    void plural;
    return { files, apexLines, apexFiles };
}

/** Writes the corpus below `dir` (which should be empty). */
export function writeCorpus(dir: string, corpus: Corpus): void {
    for (const file of corpus.files) {
        const path = join(dir, file.path);
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, file.content);
    }
}
