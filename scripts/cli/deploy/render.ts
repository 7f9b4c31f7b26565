/**
 * What `warden deploy` prints: the org summary, the plan table, the final status table and the
 * deploy progress bar. Plain text, one row per change so long plans stay readable in a CI log.
 */
import { DeployStatus } from '../org/client';
import { renderTable } from '../lib/table';
import { OrgFacts } from './facts';
import { PackageSource } from './source';
import { StepPlan, StepResult } from './steps/types';

export function describeOrg(facts: OrgFacts, source: PackageSource): string {
    const perms = facts.user.permissions;
    const permissionList = perms
        ? [
              perms.modifyAllData && 'Modify All Data',
              perms.modifyMetadata && 'Modify Metadata',
              perms.authorApex && 'Author Apex',
              (perms.manageUsers || perms.assignPermissionSets) && 'Assign Permission Sets',
              perms.viewSetup && 'View Setup'
          ]
              .filter(Boolean)
              .join(', ') || 'none of the permissions Warden needs'
        : 'permissions unknown (UserPermissionAccess not readable)';
    const presentClasses = source.apexClasses.filter((name) => facts.apexClasses.has(name)).length;
    const presentTriggers = source.apexTriggers.filter((name) => facts.apexTriggers.has(name)).length;
    const holders = new Map<string, string[]>();
    for (const holder of facts.holders) {
        holders.set(holder.permissionSet, [...(holders.get(holder.permissionSet) ?? []), holder.username]);
    }
    const lines: Array<[string, string]> = [
        [
            'Org',
            `${facts.org.name} (${facts.org.id}), ${facts.org.edition}, ${facts.org.isSandbox ? 'sandbox' : 'production'}, instance ${facts.org.instance}`
        ],
        ['URL', facts.instanceUrl],
        ['User', `${facts.user.username}: ${permissionList}`],
        [
            'API',
            `v${facts.apiVersion} (the org supports up to v${facts.newestApiVersion})` +
                (facts.dailyApiRequests
                    ? `; ${facts.dailyApiRequests.remaining} of ${facts.dailyApiRequests.max} daily API requests left`
                    : '')
        ],
        [
            'Monitoring',
            `Real-Time Event Monitoring (Shield): ${facts.shield ? `yes, ${facts.realTimeObjects.length} event objects` : 'no'}; ` +
                `Change Data Capture: ${facts.changeEventObjects.length > 0 ? `${facts.changeEventObjects.length} change event objects` : 'no'}`
        ],
        [
            'Warden',
            (facts.managedPackage
                ? `managed package ${facts.managedPackage.namespace} ${facts.managedPackage.version}; `
                : '') +
                (facts.release
                    ? `source release ${facts.release.version} (sha256 ${facts.release.hash.slice(0, 12)})`
                    : 'no source release recorded') +
                `; ${presentClasses}/${source.apexClasses.length} Apex classes and ${presentTriggers}/${source.apexTriggers.length} triggers present; ` +
                `local source ${source.version} (sha256 ${source.hash.slice(0, 12)})`
        ],
        [
            'Holders',
            holders.size === 0
                ? 'nobody holds a Warden permission set'
                : [...holders.entries()].map(([set, users]) => `${set}: ${users.join(', ')}`).join('; ')
        ]
    ];
    const width = Math.max(...lines.map(([label]) => label.length));
    return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

function rows(entries: Array<{ title: string; status: string; lines: string[] }>): string[][] {
    const out: string[][] = [];
    entries.forEach((entry, index) => {
        const lines = entry.lines.length > 0 ? entry.lines : [''];
        lines.forEach((line, lineIndex) =>
            out.push([lineIndex === 0 ? `${index + 1}. ${entry.title}` : '', lineIndex === 0 ? entry.status : '', line])
        );
    });
    return out;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

function footnotes(entries: Array<StepPlan | StepResult>): string[] {
    const out: string[] = [];
    for (const entry of entries) {
        if ((entry.status === 'unavailable' || entry.status === 'failed') && entry.reason) {
            out.push(`${entry.title} is ${entry.status}: ${sentence(entry.reason)}`);
            if (entry.remedy) out.push(`  What to do: ${entry.remedy}`);
        } else if (entry.status === 'skipped' && entry.reason) {
            out.push(`${entry.title} is skipped: ${sentence(entry.reason)}`);
            if (entry.remedy) out.push(`  To enable it: ${entry.remedy}`);
        }
        for (const problem of entry.problems) out.push(`Problem (${entry.title}): ${problem}`);
        for (const note of entry.notes) out.push(`Note (${entry.title}): ${note}`);
    }
    return out;
}

export function renderPlan(plans: StepPlan[]): string {
    const table = renderTable(
        ['Step', 'Status', 'What changes'],
        rows(
            plans.map((p) => ({
                title: p.title,
                status: p.status,
                lines:
                    p.changes.length > 0 ? p.changes : [p.status === 'unchanged' ? (p.reason ?? 'nothing to do') : '']
            }))
        )
    );
    const notes = footnotes(plans);
    return [table, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

export function renderResults(results: StepResult[], verified: Map<string, string>): string {
    const table = renderTable(
        ['Step', 'Result', 'Verified', 'Details'],
        results.flatMap((r, index) => {
            const lines = r.details.length > 0 ? r.details : [r.status === 'unchanged' ? 'nothing to do' : ''];
            return lines.map((line, lineIndex) => [
                lineIndex === 0 ? `${index + 1}. ${r.title}` : '',
                lineIndex === 0 ? r.status : '',
                lineIndex === 0 ? (verified.get(r.id) ?? '') : '',
                line
            ]);
        })
    );
    const notes = footnotes(results);
    return [table, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

/** One line of deploy progress: a bar of components deployed, tests run, and the state. */
export function progressLine(status: DeployStatus, width = 30): string {
    const total = Math.max(status.numberComponentsTotal, 0);
    const done = Math.min(status.numberComponentsDeployed, total);
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const tests =
        status.numberTestsTotal > 0 ? `, tests ${status.numberTestsCompleted}/${status.numberTestsTotal}` : '';
    const errors = status.numberComponentErrors > 0 ? `, ${status.numberComponentErrors} errors` : '';
    return `${bar} ${done}/${total} components${tests}${errors}  ${status.status}${status.stateDetail ? `: ${status.stateDetail}` : ''}`;
}
