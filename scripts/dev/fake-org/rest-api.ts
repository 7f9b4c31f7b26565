/**
 * The REST and Tooling API of the fake org (see server.ts for the documents each answer follows):
 * versions, limits, describe global, queries with nextRecordsUrl paging, Composite, sObject Collections
 * and executeAnonymous, over the org's tables.
 */
import { randomBytes } from 'node:crypto';
import { keyScript } from './keyring';
import type { FakeOrg } from './server';
import { asArray } from './shared';
import { parseSoql, Row, runQuery } from './soql';

export function rest(
    org: FakeOrg,
    method: string,
    url: URL,
    body: string,
    userId: string
): { status: number; body: unknown } {
    const path = url.pathname;
    if (path === '/services/data/' || path === '/services/data') {
        return {
            status: 200,
            body: org.options.apiVersions.map((version) => ({
                label: `v${version}`,
                url: `/services/data/v${version}`,
                version
            }))
        };
    }
    const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(path);
    if (!match) {
        return {
            status: 404,
            body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
        };
    }
    const [, version, rest] = match;
    if (!org.options.apiVersions.includes(version)) {
        return {
            status: 404,
            body: [{ errorCode: 'NOT_FOUND', message: `API version ${version} is not supported` }]
        };
    }
    if (method === 'GET' && rest === '/limits') {
        return {
            status: 200,
            body: {
                DailyApiRequests: { Max: 15000, Remaining: org.dailyApiRemaining },
                DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
                DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 }
            }
        };
    }
    if (method === 'GET' && rest === '/sobjects') {
        return {
            status: 200,
            body: {
                encoding: 'UTF-8',
                maxBatchSize: 200,
                sobjects: org.sobjectNames().map((name) => ({
                    name,
                    label: name,
                    custom: name.includes('__'),
                    queryable: true
                }))
            }
        };
    }
    const queryMatch = /^(\/tooling)?\/query\/?(.*)$/.exec(rest);
    if (method === 'GET' && queryMatch) {
        return query(org, version, Boolean(queryMatch[1]), queryMatch[2], url.searchParams.get('q'));
    }
    if (method === 'GET' && rest.startsWith('/tooling/executeAnonymous')) {
        return { status: 200, body: executeAnonymous(org, url.searchParams.get('anonymousBody') ?? '') };
    }
    if (method === 'POST' && rest === '/composite') {
        return composite(org, JSON.parse(body) as Record<string, unknown>, userId);
    }
    if (rest.startsWith('/composite/sobjects')) {
        return collections(org, method, rest, JSON.parse(body) as { records: Row[] });
    }
    return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: `No such resource ${method} ${rest}` }] };
}

function query(
    org: FakeOrg,
    version: string,
    tooling: boolean,
    locator: string,
    soql: string | null
): { status: number; body: unknown } {
    const base = `/services/data/v${version}${tooling ? '/tooling' : ''}/query`;
    let rows: Row[];
    if (locator) {
        const cursor = org.cursors.get(locator);
        if (!cursor) {
            return {
                status: 400,
                body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]
            };
        }
        rows = cursor;
        org.cursors.delete(locator);
    } else {
        org.soql.push(soql ?? '');
        try {
            const query = parseSoql(soql ?? '');
            const queryable =
                org.tables.has(query.from) ||
                org.sobjectNames().includes(query.from) ||
                ['UserPermissionAccess', 'InstalledSubscriberPackage', 'FieldDefinition', 'EntityDefinition'].includes(
                    query.from
                );
            if (!queryable) {
                return {
                    status: 400,
                    body: [{ errorCode: 'INVALID_TYPE', message: `sObject type '${query.from}' is not supported.` }]
                };
            }
            if (
                query.from === 'UserPermissionAccess' &&
                !org.options.platformEncryption &&
                /PermissionsManageEncryptionKeys/.test(soql ?? '')
            ) {
                // The column exists only in orgs licensed for Shield Platform Encryption.
                return {
                    status: 400,
                    body: [
                        {
                            errorCode: 'INVALID_FIELD',
                            message:
                                "No such column 'PermissionsManageEncryptionKeys' on entity 'UserPermissionAccess'."
                        }
                    ]
                };
            }
            const source = query.from === 'UserPermissionAccess' ? [userPermissionAccess(org)] : org.rows(query.from);
            rows = runQuery(
                query,
                source,
                (id) => org.byId.get(id)?.row,
                (row) => (row.Id ? (org.byId.get(row.Id)?.type ?? query.from) : query.from),
                (type, id) => `/services/data/v${version}/sobjects/${type}/${id}`
            );
        } catch (error) {
            return { status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: (error as Error).message }] };
        }
    }
    const total = (rows as Row[] & { total?: number }).total ?? rows.length;
    let size = 0;
    let count = 0;
    while (count < rows.length && count < org.options.queryBatchSize) {
        size += JSON.stringify(rows[count]).length;
        if (count > 0 && size > org.options.queryMaxBytes) break;
        count++;
    }
    const page = rows.slice(0, count);
    const restRows = rows.slice(count) as Row[] & { total?: number };
    const body: Record<string, unknown> = { totalSize: total, done: restRows.length === 0, records: page };
    if (restRows.length > 0) {
        restRows.total = total;
        const id = `01g${randomBytes(6).toString('hex')}-${total - restRows.length}`;
        org.cursors.set(id, restRows);
        body.nextRecordsUrl = `${base}/${id}`;
    }
    return { status: 200, body };
}

function userPermissionAccess(org: FakeOrg): Row {
    const permissions = org.options.runningUser;
    return {
        PermissionsModifyAllData: permissions.modifyAllData,
        PermissionsModifyMetadata: permissions.modifyMetadata,
        PermissionsAuthorApex: permissions.authorApex,
        PermissionsViewSetup: permissions.viewSetup,
        PermissionsManageUsers: permissions.manageUsers,
        PermissionsAssignPermissionSets: permissions.manageUsers,
        ...(org.options.platformEncryption ? { PermissionsManageEncryptionKeys: permissions.manageEncryptionKeys } : {})
    };
}

function composite(org: FakeOrg, request: Record<string, unknown>, userId: string): { status: number; body: unknown } {
    const subrequests = asArray(request.compositeRequest as Array<Record<string, unknown>>);
    if (subrequests.length > 25) {
        return { status: 400, body: [{ errorCode: 'INVALID_API_INPUT', message: 'Too many subrequests' }] };
    }
    const compositeResponse = subrequests.map((sub) => {
        const url = new URL(String(sub.url), org.url);
        const result = rest(org, String(sub.method), url, sub.body ? JSON.stringify(sub.body) : '{}', userId);
        return { body: result.body, httpHeaders: {}, httpStatusCode: result.status, referenceId: sub.referenceId };
    });
    return { status: 200, body: { compositeResponse } };
}

function collections(
    org: FakeOrg,
    method: string,
    rest: string,
    request: { records: Row[] }
): { status: number; body: unknown } {
    const records = asArray(request.records);
    if (records.length > 200) {
        return {
            status: 400,
            body: [
                {
                    errorCode: 'EXCEEDED_ID_LIMIT',
                    message: 'record limit reached. cannot submit more than 200 records into this call'
                }
            ]
        };
    }
    const upsert = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(rest);
    const results = records.map((record) => {
        const { attributes, ...fields } = record as Row & { attributes?: { type?: string } };
        const type = upsert?.[1] ?? attributes?.type ?? '';
        if (method === 'POST' && !upsert) {
            return createRecord(org, type, fields);
        }
        if (method === 'PATCH' && upsert) {
            const key = upsert[2];
            const existing = org.rows(type).find((row) => row[key] === fields[key]);
            if (existing) {
                Object.assign(existing, fields);
                return { id: existing.Id, success: true, created: false, errors: [] };
            }
            return { ...createRecord(org, type, fields), created: true };
        }
        if (method === 'PATCH') {
            const existing = org.byId.get(String(fields.Id))?.row;
            if (!existing) {
                return {
                    success: false,
                    errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
                };
            }
            Object.assign(existing, fields);
            return { id: existing.Id, success: true, errors: [] };
        }
        return { success: false, errors: [{ statusCode: 'METHOD_NOT_ALLOWED', message: method, fields: [] }] };
    });
    return { status: 200, body: results };
}

function createRecord(org: FakeOrg, type: string, fields: Row): Record<string, unknown> {
    if (type === 'PermissionSetAssignment') {
        const user = org.byId.get(String(fields.AssigneeId))?.row;
        const set = org.byId.get(String(fields.PermissionSetId))?.row;
        if (!user || !set) {
            return {
                success: false,
                errors: [
                    { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }
                ]
            };
        }
        if (user.IsActive !== true) {
            return {
                success: false,
                errors: [
                    {
                        statusCode: 'INACTIVE_OWNER_OR_USER',
                        message: 'operation performed with inactive user',
                        fields: []
                    }
                ]
            };
        }
        const duplicate = org
            .rows(type)
            .some((row) => row.AssigneeId === fields.AssigneeId && row.PermissionSetId === fields.PermissionSetId);
        if (duplicate) {
            return {
                success: false,
                errors: [{ statusCode: 'DUPLICATE_VALUE', message: 'Duplicate PermissionSetAssignment', fields: [] }]
            };
        }
    }
    const id = org.insert(type, fields);
    return { id, success: true, errors: [] };
}

function executeAnonymous(org: FakeOrg, source: string): Record<string, unknown> {
    const keys = keyScript(org, source);
    if (keys) return keys;
    // Understands the shape of the scripts warden generates: abort jobs by name, then System.schedule.
    const aborts = [...source.matchAll(/CronJobDetail\.Name\s*=\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    const schedules = [
        ...source.matchAll(
            /System\.schedule\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*,\s*new\s+(\w+)\(\)\s*\)/g
        )
    ];
    for (const [, , , className] of schedules) {
        if (!org.rows('ApexClass').some((row) => row.Name === className)) {
            return {
                line: 1,
                column: 1,
                compiled: false,
                success: false,
                compileProblem: `Invalid type: ${className}`,
                exceptionMessage: null,
                exceptionStackTrace: null
            };
        }
    }
    if (!org.options.runningUser.authorApex) {
        return {
            line: -1,
            column: -1,
            compiled: true,
            success: false,
            compileProblem: null,
            exceptionMessage: 'System.NoAccessException: Insufficient Privileges',
            exceptionStackTrace: 'AnonymousBlock: line 1'
        };
    }
    for (const name of aborts) {
        const detail = org.rows('CronJobDetail').find((row) => row.Name === name);
        const trigger = detail && org.rows('CronTrigger').find((row) => row.CronJobDetailId === detail.Id);
        if (trigger?.Id) org.remove('CronTrigger', trigger.Id);
        if (detail?.Id) org.remove('CronJobDetail', detail.Id);
    }
    for (const [, name, cron, className] of schedules) {
        if (org.rows('CronJobDetail').some((row) => row.Name === name)) {
            return {
                line: 1,
                column: 1,
                compiled: true,
                success: false,
                compileProblem: null,
                exceptionMessage: `System.AsyncException: The Apex job named "${name}" is already scheduled for execution.`,
                exceptionStackTrace: 'AnonymousBlock: line 1, column 1'
            };
        }
        const detailId = org.insert('CronJobDetail', { Name: name, JobType: '7' });
        org.insert('CronTrigger', {
            CronJobDetailId: detailId,
            CronExpression: cron,
            State: 'WAITING',
            NextFireTime: new Date(Date.now() + 3600000).toISOString(),
            ApexClassName: className
        });
    }
    return {
        line: -1,
        column: -1,
        compiled: true,
        success: true,
        compileProblem: null,
        exceptionMessage: null,
        exceptionStackTrace: null
    };
}
