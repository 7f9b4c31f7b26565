/**
 * The building blocks of the benchmark corpus (corpus.ts): the objects and fields it uses, and the
 * method generators whose shapes (queries, DML, callouts, loops, guards, dynamic SOQL) the classes are
 * assembled from.
 */
export type Rand = () => number;

export function pick<T>(rand: Rand, items: readonly T[]): T {
    return items[Math.floor(rand() * items.length)];
}

export function chance(rand: Rand, p: number): boolean {
    return rand() < p;
}

export const OBJECTS = [
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

export type SObjectSpec = (typeof OBJECTS)[number];

export const DOMAINS = [
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
export const NOUNS = ['Service', 'Manager', 'Processor', 'Engine', 'Helper', 'Coordinator', 'Gateway', 'Util'];

export function variable(object: SObjectSpec): string {
    const base = object.name.replace(/__c$/, '');
    return base.charAt(0).toLowerCase() + base.slice(1);
}

export function plural(object: SObjectSpec): string {
    return `${variable(object)}s`;
}

export function fieldList(rand: Rand, object: SObjectSpec, count: number): string[] {
    const fields = [...object.fields];
    const out: string[] = ['Id'];
    while (out.length <= count && fields.length > 0) {
        out.push(fields.splice(Math.floor(rand() * fields.length), 1)[0]);
    }
    return out;
}

export function indent(lines: string[], depth: number): string[] {
    const pad = '    '.repeat(depth);
    return lines.map((line) => (line ? pad + line : line));
}

// ---------------------------------------------------------------- methods

export type MethodGen = (rand: Rand, object: SObjectSpec, index: number, className: string) => string[];

export const methodQueryById: MethodGen = (rand, object, index) => {
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

export const methodMapBuild: MethodGen = (rand, object, index) => {
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

export const methodBulkUpdate: MethodGen = (rand, object, index) => {
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

export const methodDescribeGuardedInsert: MethodGen = (rand, object, index) => {
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

export const methodStripInaccessible: MethodGen = (rand, object, index) => [
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

export const methodDynamicQuery: MethodGen = (rand, object, index) => {
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

export const methodSwitch: MethodGen = (rand, object, index) => [
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

export const methodAggregate: MethodGen = (rand, object, index) => {
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

export const methodTryCatch: MethodGen = (rand, object, index) => [
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

export const methodCallout: MethodGen = (rand, object, index) => {
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

export const methodStringBuild: MethodGen = (rand, object, index) => [
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

export const methodWhile: MethodGen = (rand, object, index) => [
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

export const methodQueryInLoop: MethodGen = (rand, object, index) => [
    `public Integer related${index}(List<${object.name}> records) {`,
    '    Integer total = 0;',
    `    for (${object.name} record : records) {`,
    `        total += [SELECT COUNT() FROM Task WHERE WhatId = :record.Id WITH USER_MODE];`,
    '    }',
    '    return total;',
    '}'
];

export const methodAudit: MethodGen = (rand, object, index) => [
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

export const METHODS: MethodGen[] = [
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
