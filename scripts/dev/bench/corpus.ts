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
import {
    pick,
    chance,
    OBJECTS,
    DOMAINS,
    NOUNS,
    variable,
    plural,
    fieldList,
    indent,
    methodQueryInLoop,
    METHODS,
    type Rand,
    type SObjectSpec
} from './corpus-methods';

/** mulberry32: the same sequence for the same seed everywhere. */
export const prng = seededRandom;

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
