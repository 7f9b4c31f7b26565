/**
 * The first thing `warden deploy` does: read the org. API versions, edition, the running user and
 * what that user may do, whether Real-Time Event Monitoring (Shield) and Change Data Capture objects
 * exist, which Warden components are there already and at what version, and who holds Warden's
 * permission sets. Reads only; one composite round trip for the record queries.
 */
import { OrgClient } from '../org/client';
import { OrgError } from '../org/errors';
import { PERMISSION_SETS } from './config';
import { parseReleaseDescription, RELEASE_RESOURCE } from './source';

export const REAL_TIME_STORAGE = ['ApiEvent', 'ReportEvent', 'LoginEvent', 'ListViewEvent', 'BulkApiResultEventStore'];
export const REAL_TIME_STREAMING = [
    'ApiEventStream',
    'ReportEventStream',
    'LoginEventStream',
    'ListViewEventStream',
    'BulkApiResultEvent'
];

export type UserPermissions = {
    modifyAllData: boolean;
    modifyMetadata: boolean;
    authorApex: boolean;
    viewSetup: boolean;
    manageUsers: boolean;
    assignPermissionSets: boolean;
};

export type OrgFacts = {
    instanceUrl: string;
    apiVersion: string;
    newestApiVersion: string;
    org: { id: string; name: string; edition: string; isSandbox: boolean; instance: string };
    user: { id: string; username: string; permissions?: UserPermissions };
    sobjects: Set<string>;
    realTimeObjects: string[];
    shield: boolean;
    changeEventObjects: string[];
    dailyApiRequests?: { max: number; remaining: number };
    release?: { version: string; hash: string; lastModified?: string };
    apexClasses: Set<string>;
    apexTriggers: Set<string>;
    permissionSets: Map<string, string>;
    holders: Array<{ permissionSet: string; username: string }>;
    managedPackage?: { namespace: string; name: string; version: string };
};

type QueryBody<T> = { totalSize: number; done: boolean; records: T[] };

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function soqlList(values: string[]): string {
    return `(${values.map(quote).join(', ')})`;
}

export { quote as soqlString };

function chunk<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

/** Names present in the org out of the given ones (chunked so no query URL grows past the limit). */
export async function existingNames(
    client: OrgClient,
    type: 'ApexClass' | 'ApexTrigger',
    names: string[]
): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunk(names, 200)) {
        const rows = await client.query<{ Name: string }>(
            `SELECT Name FROM ${type} WHERE NamespacePrefix = null AND Name IN ${soqlList(batch)}`,
            { label: `list ${type} names` }
        );
        rows.forEach((row) => found.add(row.Name));
    }
    return found;
}

function body<T>(results: Record<string, { status: number; body: unknown }>, key: string): T[] | undefined {
    const result = results[key];
    if (!result || result.status >= 400) return undefined;
    return (result.body as QueryBody<T>).records;
}

/** Stops before anything else when the org does not serve the API version Warden's source needs. */
function requireApiVersion(client: OrgClient, versions: string[], newest: string): void {
    if (!versions.includes(client.apiVersion)) {
        throw new OrgError(
            'other',
            `The org serves API versions up to ${newest}; Warden's source needs ${client.apiVersion}.`,
            'API_VERSION',
            'Deploy to an org on a release that supports this API version, or pass an --api-version the org supports.'
        );
    }
}

async function readDailyApiRequests(client: OrgClient): Promise<OrgFacts['dailyApiRequests']> {
    try {
        const limits = await client.limits();
        if (limits.DailyApiRequests) {
            return { max: limits.DailyApiRequests.Max, remaining: limits.DailyApiRequests.Remaining };
        }
    } catch {
        // /limits needs "View Setup and Configuration"; without it the plan just omits the line.
    }
    return undefined;
}

/** The record queries, in one composite round trip. */
function readRecords(client: OrgClient): Promise<Record<string, { status: number; body: unknown }>> {
    const q = (soql: string): string => `/query?q=${encodeURIComponent(soql)}`;
    return client.compositeGet([
        { referenceId: 'org', url: q('SELECT Id, Name, OrganizationType, IsSandbox, InstanceName FROM Organization') },
        {
            referenceId: 'permissions',
            url: q(
                'SELECT PermissionsModifyAllData, PermissionsModifyMetadata, PermissionsAuthorApex, ' +
                    'PermissionsViewSetup, PermissionsManageUsers, PermissionsAssignPermissionSets FROM UserPermissionAccess'
            )
        },
        {
            referenceId: 'release',
            url: q(
                `SELECT Id, Name, Description, LastModifiedDate FROM StaticResource WHERE NamespacePrefix = null AND Name = ${quote(RELEASE_RESOURCE)}`
            )
        },
        {
            referenceId: 'permissionSets',
            url: q(
                `SELECT Id, Name FROM PermissionSet WHERE NamespacePrefix = null AND Name IN ${soqlList([...PERMISSION_SETS])}`
            )
        },
        {
            referenceId: 'holders',
            url: q(
                'SELECT Assignee.Username, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN ' +
                    `${soqlList([...PERMISSION_SETS])} ORDER BY PermissionSet.Name, Assignee.Username LIMIT 2000`
            )
        }
    ]);
}

function userPermissions(row: Record<string, boolean> | undefined): UserPermissions | undefined {
    if (!row) return undefined;
    return {
        modifyAllData: row.PermissionsModifyAllData === true,
        modifyMetadata: row.PermissionsModifyMetadata === true,
        authorApex: row.PermissionsAuthorApex === true,
        viewSetup: row.PermissionsViewSetup === true,
        manageUsers: row.PermissionsManageUsers === true,
        assignPermissionSets: row.PermissionsAssignPermissionSets === true
    };
}

/** Warden installed as a managed package, if it is. */
async function readManagedPackage(client: OrgClient): Promise<OrgFacts['managedPackage']> {
    try {
        const installed = await client.query<{
            SubscriberPackage: { NamespacePrefix: string | null; Name: string } | null;
            SubscriberPackageVersion: { MajorVersion: number; MinorVersion: number; PatchVersion: number } | null;
        }>(
            'SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name, SubscriberPackageVersion.MajorVersion, ' +
                'SubscriberPackageVersion.MinorVersion, SubscriberPackageVersion.PatchVersion FROM InstalledSubscriberPackage',
            { tooling: true, label: 'list installed packages' }
        );
        const warden = installed.find((row) => row.SubscriberPackage?.Name === 'Warden');
        if (warden?.SubscriberPackage) {
            const v = warden.SubscriberPackageVersion;
            return {
                namespace: warden.SubscriberPackage.NamespacePrefix ?? '',
                name: warden.SubscriberPackage.Name,
                version: v ? `${v.MajorVersion}.${v.MinorVersion}.${v.PatchVersion}` : 'unknown'
            };
        }
    } catch {
        // Listing installed packages needs View Setup; its absence only removes a line from the plan.
    }
    return undefined;
}

/**
 * Reads the facts. `componentNames` are the Apex classes and triggers of the package, checked for
 * presence in the org.
 */
export async function readOrgFacts(
    client: OrgClient,
    componentNames: { apexClasses: string[]; apexTriggers: string[] }
): Promise<OrgFacts> {
    const versions = await client.apiVersions();
    const newest = versions[versions.length - 1] ?? client.apiVersion;
    requireApiVersion(client, versions, newest);
    const identity = await client.identity();
    const sobjects = await client.describeGlobalNames();
    const dailyApiRequests = await readDailyApiRequests(client);
    const results = await readRecords(client);
    const orgRow = body<{
        Id: string;
        Name: string;
        OrganizationType: string;
        IsSandbox: boolean;
        InstanceName: string;
    }>(results, 'org')?.[0];
    if (!orgRow) {
        const failed = results.org;
        throw new OrgError('access', `read the Organization record: ${JSON.stringify(failed?.body ?? 'no answer')}`);
    }
    const permissionRow = body<Record<string, boolean>>(results, 'permissions')?.[0];
    const releaseRow = body<{ Description?: string; LastModifiedDate?: string }>(results, 'release')?.[0];
    const release = releaseRow?.Description ? parseReleaseDescription(releaseRow.Description) : undefined;
    const managedPackage = await readManagedPackage(client);

    const realTimeObjects = [...REAL_TIME_STORAGE, ...REAL_TIME_STREAMING].filter((name) => sobjects.has(name));
    return {
        instanceUrl: client.instanceUrl,
        apiVersion: client.apiVersion,
        newestApiVersion: newest,
        org: {
            id: orgRow.Id,
            name: orgRow.Name,
            edition: orgRow.OrganizationType,
            isSandbox: orgRow.IsSandbox === true,
            instance: orgRow.InstanceName
        },
        user: { id: identity.userId, username: identity.username, permissions: userPermissions(permissionRow) },
        sobjects,
        realTimeObjects,
        shield: realTimeObjects.length > 0,
        changeEventObjects: [...sobjects].filter((name) => name.endsWith('ChangeEvent')).sort(),
        dailyApiRequests,
        release: release ? { ...release, lastModified: releaseRow?.LastModifiedDate } : undefined,
        apexClasses: await existingNames(client, 'ApexClass', componentNames.apexClasses),
        apexTriggers: await existingNames(client, 'ApexTrigger', componentNames.apexTriggers),
        permissionSets: new Map(
            (body<{ Id: string; Name: string }>(results, 'permissionSets') ?? []).map((row) => [row.Name, row.Id])
        ),
        holders: (
            body<{ Assignee: { Username: string } | null; PermissionSet: { Name: string } | null }>(
                results,
                'holders'
            ) ?? []
        )
            .filter((row) => row.Assignee && row.PermissionSet)
            .map((row) => ({ permissionSet: row.PermissionSet!.Name, username: row.Assignee!.Username })),
        managedPackage
    };
}
