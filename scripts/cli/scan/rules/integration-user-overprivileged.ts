/**
 * integration-user-overprivileged: a permission set meant for the integration user that grants
 * Modify All Data, View All Data or Customize Application, or View All / Modify All on an object.
 * A permission set is for the integration user when its name, label or description mentions
 * "integration", its license is an integration license, or it is listed in the config.
 */
import type { RuleContext, RuleDefinition } from './rule';

const SYSTEM_PERMISSIONS: Record<string, string> = {
    modifyalldata: 'Modify All Data',
    viewalldata: 'View All Data',
    customizeapplication: 'Customize Application'
};

export const rule: RuleDefinition = {
    id: 'integration-user-overprivileged',
    title: 'Integration user permission set is over-privileged',
    severity: 'critical',
    category: 'Metadata',
    summary:
        'A permission set for the integration user grants Modify All Data, View All Data, Customize Application, or View/Modify All on an object.',
    description:
        'The integration user runs unattended with stored credentials; anything it can do, a leaked token can do. It should be able to call the gate and write what the gate writes, nothing else. System-wide data and setup permissions turn one credential into access to every patient record.',
    tags: ['security', 'access-control', 'least-privilege', 'metadata', 'external/cwe/cwe-250'],
    precision: 'high',
    run(ctx: RuleContext): void {
        const listed = new Set(ctx.project.config.integration.permissionSets.map((p) => p.toLowerCase()));
        for (const set of ctx.project.metadata.permissionSets) {
            const isIntegration =
                listed.has(set.name.toLowerCase()) ||
                /integration/i.test(`${set.name} ${set.label} ${set.description}`) ||
                /integration/i.test(set.license);
            if (!isIntegration) {
                continue;
            }
            for (const permission of set.userPermissions) {
                const label = SYSTEM_PERMISSIONS[permission.name.toLowerCase()];
                if (!label) {
                    continue;
                }
                ctx.reportFile({
                    file: permission.file,
                    line: permission.line,
                    column: permission.column,
                    componentType: 'PermissionSet',
                    componentName: set.name,
                    snippet: permission.snippet,
                    discriminator: permission.name,
                    message: `Permission set ${set.name} is for the integration user and grants ${label}: remove it and grant only the object access the gate needs.`
                });
            }
            for (const object of set.objectPermissions) {
                if (!object.viewAll && !object.modifyAll) {
                    continue;
                }
                const which = [object.viewAll ? 'View All' : '', object.modifyAll ? 'Modify All' : '']
                    .filter(Boolean)
                    .join(' and ');
                ctx.reportFile({
                    file: object.file,
                    line: object.line,
                    column: object.column,
                    componentType: 'PermissionSet',
                    componentName: set.name,
                    snippet: object.snippet,
                    severity: 'high',
                    discriminator: `object:${object.object}`,
                    message: `Permission set ${set.name} is for the integration user and grants ${which} on ${object.object}: it bypasses sharing for every record of the object.`
                });
            }
        }
    }
};
