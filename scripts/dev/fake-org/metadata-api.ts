/**
 * The Metadata API (SOAP) of the fake org (see server.ts for the documents each answer follows):
 * deploy with checkDeployStatus, readMetadata and upsertMetadata, over the org's metadata and tables.
 */
import type { ServerResponse } from 'node:http';
import type { DeployFailure, FakeOrg } from './server';
import type { Row } from './soql';
import { asArray, clean, envelope, METADATA_ACCESS_MESSAGE, SHIELD_TYPES, soapParser, toXml } from './shared';
import { unzip } from '../lib/zip';

export type DeployRecord = {
    id: string;
    polls: number;
    total: number;
    checkOnly: boolean;
    testLevel: string;
    files: Map<string, Buffer>;
    members: Array<{ type: string; name: string }>;
    failures: DeployFailure[];
    finished?: Record<string, unknown>;
    createdDate: string;
};

export async function metadataApi(
    org: FakeOrg,
    soap: { operation: string; args: Record<string, unknown> },
    response: ServerResponse
): Promise<void> {
    const namespace = 'http://soap.sforce.com/2006/04/metadata';
    const respond = (result: unknown): void =>
        org.xml(response, 200, envelope(namespace, toXml(`${soap.operation}Response`, { result })));
    if (!org.options.runningUser.modifyAllData && !org.options.runningUser.modifyMetadata) {
        return org.soapFault(response, 'INSUFFICIENT_ACCESS', METADATA_ACCESS_MESSAGE, namespace);
    }
    switch (soap.operation) {
        case 'deploy':
            return respond(await deploy(org, soap.args));
        case 'checkDeployStatus': {
            const record = org.deploys.get(String(soap.args.asyncProcessId));
            if (!record) {
                return org.soapFault(response, 'INVALID_ID_FIELD', 'invalid deploy id', namespace);
            }
            return respond(deployStatus(org, record, String(soap.args.includeDetails) === 'true'));
        }
        case 'readMetadata': {
            const type = String(soap.args.type);
            if (SHIELD_TYPES.has(type) && !org.options.shieldMetadata) {
                return org.soapFault(
                    response,
                    'INVALID_TYPE',
                    'This type of metadata is not available for this organization',
                    namespace
                );
            }
            const records = asArray(soap.args.fullNames as string | string[]).map((name) => {
                const record = org.metadataRecord(type, String(name));
                return record ? { '@type': type, ...record } : null;
            });
            return respond({ records });
        }
        case 'upsertMetadata': {
            const items = asArray(soap.args.metadata as Array<Record<string, unknown>>);
            const results = [];
            for (const raw of items) {
                const { '@type': declared, ...item } = raw;
                const type = String(declared ?? '');
                if (SHIELD_TYPES.has(type) && !org.options.shieldMetadata) {
                    return org.soapFault(
                        response,
                        'INVALID_TYPE',
                        'This type of metadata is not available for this organization',
                        namespace
                    );
                }
                results.push(upsertOne(org, type, item));
            }
            return respond(results);
        }
        default:
            return org.soapFault(
                response,
                'INVALID_OPERATION',
                `operation ${soap.operation} is not implemented by the test org`,
                namespace
            );
    }
}

function upsertOne(org: FakeOrg, type: string, item: Record<string, unknown>): Record<string, unknown> {
    const fullName = String(item.fullName ?? '');
    const fail = (statusCode: string, message: string): Record<string, unknown> => ({
        created: false,
        errors: { statusCode, message, fields: [] },
        fullName,
        success: false
    });
    const activeUser = (username: unknown): boolean => org.userByName(String(username ?? ''))?.IsActive === true;
    if (type === 'PlatformEventSubscriberConfig') {
        if (!org.rows('ApexTrigger').some((row) => row.Name === item.platformEventConsumer)) {
            return fail(
                'FIELD_INTEGRITY_EXCEPTION',
                `platformEventConsumer: no trigger named ${item.platformEventConsumer}`
            );
        }
        if (item.user && !activeUser(item.user)) {
            return fail('FIELD_INTEGRITY_EXCEPTION', 'user: specify an active user');
        }
    }
    if (type === 'TransactionSecurityPolicy') {
        if (!org.rows('ApexClass').some((row) => row.Name === item.apexClass)) {
            return fail('FIELD_INTEGRITY_EXCEPTION', `apexClass: no Apex class named ${item.apexClass}`);
        }
        if (!activeUser(item.executionUser)) {
            return fail('FIELD_INTEGRITY_EXCEPTION', 'executionUser: specify an active user');
        }
    }
    if (type === 'PlatformEventChannelMember') {
        if (!org.sobjectNames().includes(String(item.selectedEntity))) {
            return fail(
                'INVALID_CROSS_REFERENCE_KEY',
                `selectedEntity: ${item.selectedEntity} is not available for Change Data Capture`
            );
        }
        const members = [...(org.metadata.get(type)?.values() ?? [])].filter(
            (member) => member.eventChannel === 'ChangeEvents' && member.fullName !== fullName
        );
        if (!org.metadataRecord(type, fullName) && members.length >= org.options.cdcEntityLimit) {
            return fail(
                'LIMIT_EXCEEDED',
                `You can select up to ${org.options.cdcEntityLimit} entities for Change Data Capture; purchase the add-on for more.`
            );
        }
    }
    const created = !org.metadataRecord(type, fullName);
    org.setMetadata(type, fullName, item);
    return { created, errors: [], fullName, success: true };
}

async function deploy(org: FakeOrg, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const options = (args.DeployOptions ?? {}) as Record<string, unknown>;
    org.lastDeployOptions = options;
    const files = await unzip(Buffer.from(String(args.ZipFile ?? ''), 'base64'));
    const packageXml = files.get('package.xml')?.toString('utf8') ?? '';
    const parsed = clean(soapParser.parse(packageXml)) as { Package?: { types?: unknown } };
    const members = asArray(parsed.Package?.types as Array<{ name: string; members: string | string[] }>).flatMap(
        (entry) => asArray(entry.members).map((name) => ({ type: entry.name, name }))
    );
    const id = org.newId('Deploy');
    const record: DeployRecord = {
        id,
        polls: 0,
        total: members.length,
        checkOnly: String(options.checkOnly) === 'true',
        testLevel: String(options.testLevel ?? 'Default'),
        files,
        members,
        failures: org.deployFailures,
        createdDate: new Date().toISOString()
    };
    org.deployFailures = [];
    org.deploys.set(id, record);
    return { done: false, id, state: 'Queued' };
}

function deployStatus(org: FakeOrg, record: DeployRecord, includeDetails: boolean): Record<string, unknown> {
    record.polls++;
    const base = {
        checkOnly: record.checkOnly,
        createdBy: org.adminUserId,
        createdByName: 'Admin',
        createdDate: record.createdDate,
        id: record.id,
        ignoreWarnings: false,
        numberComponentErrors: 0,
        numberComponentsDeployed: 0,
        numberComponentsTotal: record.total,
        numberTestErrors: 0,
        numberTestsCompleted: 0,
        numberTestsTotal: 0,
        rollbackOnError: true,
        runTestsEnabled: record.testLevel !== 'NoTestRun'
    };
    if (record.polls < org.options.deployPolls && !record.finished) {
        return {
            ...base,
            done: false,
            numberComponentsDeployed: Math.floor((record.total * record.polls) / org.options.deployPolls),
            status: record.polls === 1 ? 'Pending' : 'InProgress',
            stateDetail: 'Processing Type: ApexClass',
            success: false
        };
    }
    if (!record.finished) {
        record.finished = finishDeploy(org, record);
    }
    const finished = { ...base, ...record.finished };
    if (!includeDetails) {
        return { ...finished, details: { componentFailures: [], componentSuccesses: [] } };
    }
    return finished;
}

function finishDeploy(org: FakeOrg, record: DeployRecord): Record<string, unknown> {
    const hasApex = record.members.some((member) => member.type === 'ApexClass' || member.type === 'ApexTrigger');
    if (!org.options.isSandbox && hasApex && record.testLevel === 'NoTestRun') {
        return {
            done: true,
            success: false,
            status: 'Failed',
            errorStatusCode: 'INVALID_OPERATION',
            errorMessage: 'testLevel of NoTestRun cannot be used in production organizations',
            completedDate: new Date().toISOString(),
            details: { componentFailures: [], componentSuccesses: [] }
        };
    }
    if (record.failures.length > 0) {
        // rollbackOnError: nothing of a failed deploy stays in the org.
        return {
            done: true,
            success: false,
            status: 'Failed',
            numberComponentsDeployed: Math.floor(record.total / 2),
            numberComponentErrors: record.failures.length,
            completedDate: new Date().toISOString(),
            details: {
                componentFailures: record.failures.map((failure) => ({
                    changed: false,
                    columnNumber: failure.columnNumber ?? null,
                    componentType: failure.componentType,
                    created: false,
                    createdDate: new Date().toISOString(),
                    deleted: false,
                    fileName: failure.fileName,
                    fullName: failure.fullName,
                    lineNumber: failure.lineNumber ?? null,
                    problem: failure.problem,
                    problemType: 'Error',
                    success: false
                })),
                componentSuccesses: []
            }
        };
    }
    if (!record.checkOnly) {
        applyDeploy(org, record);
    }
    return {
        done: true,
        success: true,
        status: 'Succeeded',
        numberComponentsDeployed: record.total,
        completedDate: new Date().toISOString(),
        details: {
            componentFailures: [],
            componentSuccesses: record.members.map((member) => ({
                changed: true,
                componentType: member.type,
                created: true,
                createdDate: new Date().toISOString(),
                deleted: false,
                fileName: member.name,
                fullName: member.name,
                success: true
            }))
        }
    };
}

function applyDeploy(org: FakeOrg, record: DeployRecord): void {
    const upsertRow = (type: string, name: string, fields: Row): void => {
        const existing = org.rows(type).find((row) => row.Name === name);
        if (existing) Object.assign(existing, fields);
        else org.insert(type, { Name: name, NamespacePrefix: null, ...fields });
    };
    for (const { type, name } of record.members) {
        const file = (path: string): string => record.files.get(path)?.toString('utf8') ?? '';
        switch (type) {
            case 'ApexClass': {
                const body = file(`classes/${name}.cls`);
                upsertRow('ApexClass', name, { Body: body, LengthWithoutComments: body.length, Status: 'Active' });
                break;
            }
            case 'ApexTrigger': {
                const body = file(`triggers/${name}.trigger`);
                const table = /\bon\s+(\w+)/i.exec(body)?.[1] ?? '';
                upsertRow('ApexTrigger', name, { Body: body, TableEnumOrId: table, Status: 'Active' });
                break;
            }
            case 'PermissionSet':
                upsertRow('PermissionSet', name, { Label: name });
                break;
            case 'StaticResource': {
                const meta = file(`staticresources/${name}.resource-meta.xml`);
                const description = /<description>([^<]*)<\/description>/.exec(meta)?.[1] ?? '';
                upsertRow('StaticResource', name, { Description: description });
                break;
            }
            default:
                break;
        }
        org.setMetadata(type === 'CustomObject' || type === 'CustomField' ? type : `Deployed:${type}`, name, {
            deployed: true
        });
    }
}
