/**
 * `warden model`: prints Warden's data model as read from the project source (objects, fields,
 * types, keys and indexes) and the access each permission set grants, and fails when the source
 * cannot be read. It needs no org, so it is what a new user sees first.
 */
import { basename } from 'node:path';
import { readCommandLine, type CommandLine } from '../lib/args';
import type { Command } from '../lib/command';
import { isIndexed, ObjectModel, readDataModel } from '../lib/datamodel';
import { findProjectRoot, loadProject, projectSourceFiles, SfdxProject } from '../lib/project';
import { renderTable } from '../lib/table';
import { list, parseXmlFile, text } from '../lib/xml';

export type PermissionSetAccess = {
    name: string;
    label: string;
    objects: Record<string, string>;
};

const LINE = {
    name: 'warden model',
    operands: '[path]',
    summary: [
        'Prints the data model of the SFDX project at path (default: the current project):',
        'every object and field with its type, keys and whether Salesforce indexes it, then',
        'the object access of every permission set (C=create R=read E=edit D=delete,',
        'V=view all, M=modify all).'
    ].join('\n'),
    options: { json: { type: 'boolean', description: 'print the same as JSON' } },
    positionals: { max: 1 }
} as const satisfies CommandLine;

function accessLetters(permission: Record<string, unknown>): string {
    const flags: Array<[string, string]> = [
        ['allowCreate', 'C'],
        ['allowRead', 'R'],
        ['allowEdit', 'E'],
        ['allowDelete', 'D'],
        ['viewAllRecords', 'V'],
        ['modifyAllRecords', 'M']
    ];
    return flags.map(([key, letter]) => (text(permission, key) === 'true' ? letter : '')).join('') || '-';
}

export function readPermissionSets(project: SfdxProject): PermissionSetAccess[] {
    return projectSourceFiles(project)
        .filter((file) => file.endsWith('.permissionset-meta.xml'))
        .map((file) => {
            const { body } = parseXmlFile(file);
            const objects: Record<string, string> = {};
            for (const permission of list(body, 'objectPermissions')) {
                objects[text(permission, 'object')] = accessLetters(permission);
            }
            return { name: basename(file, '.permissionset-meta.xml'), label: text(body, 'label'), objects };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
}

function describeKeys(field: ObjectModel['fields'][number]): string {
    const keys: string[] = [];
    if (field.required) keys.push('required');
    if (field.unique) keys.push('unique');
    if (field.externalId) keys.push('external id');
    if (field.deleteConstraint) keys.push(`on delete: ${field.deleteConstraint}`);
    return keys.join(', ');
}

function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    if (current) {
        lines.push(current);
    }
    return lines;
}

export function renderModel(objects: ObjectModel[], permissionSets: PermissionSetAccess[]): string {
    const out: string[] = [];
    for (const object of objects) {
        const name = object.nameField
            ? ` Name: ${object.nameField.type}${object.nameField.displayFormat ? ` ${object.nameField.displayFormat}` : ''}.`
            : '';
        out.push(`${object.apiName} (${object.kind}) "${object.label}", ${object.fields.length} fields.${name}`);
        if (object.description) {
            out.push(...wrap(object.description.replace(/\s+/g, ' ').trim(), 100).map((line) => `  ${line}`));
        }
        out.push(
            renderTable(
                ['Field', 'Type', 'Keys', 'Indexed'],
                object.fields.map((field) => [
                    field.apiName,
                    field.typeDetail,
                    describeKeys(field),
                    isIndexed(field) ? 'yes' : ''
                ])
            )
                .split('\n')
                .map((line) => `  ${line}`)
                .join('\n'),
            ''
        );
    }
    if (permissionSets.length > 0) {
        const objectNames = [...new Set(permissionSets.flatMap((set) => Object.keys(set.objects)))].sort();
        out.push('Object access by permission set (C create, R read, E edit, D delete, V view all, M modify all):');
        out.push(
            renderTable(
                ['Object', ...permissionSets.map((set) => set.name)],
                objectNames.map((object) => [object, ...permissionSets.map((set) => set.objects[object] ?? '-')])
            ),
            ''
        );
    }
    const fieldCount = objects.reduce((sum, object) => sum + object.fields.length, 0);
    out.push(`${objects.length} objects, ${fieldCount} fields, ${permissionSets.length} permission sets.`);
    return out.join('\n');
}

export const command: Command = {
    summary: 'print the data model and permission set access read from the project source',
    async run(args: string[]): Promise<number> {
        const parsed = readCommandLine(args, LINE);
        if (typeof parsed === 'number') {
            return parsed;
        }
        let project: SfdxProject;
        try {
            project = loadProject(findProjectRoot(parsed.positionals[0] ?? process.cwd()));
        } catch (error) {
            process.stderr.write(`warden model: ${(error as Error).message}\n`);
            return 2;
        }
        let objects: ObjectModel[];
        let permissionSets: PermissionSetAccess[];
        try {
            objects = readDataModel(project);
            permissionSets = readPermissionSets(project);
        } catch (error) {
            process.stderr.write(`warden model: cannot read the project's metadata: ${(error as Error).message}\n`);
            return 1;
        }
        if (parsed.values.json) {
            process.stdout.write(JSON.stringify({ objects, permissionSets }, null, 2) + '\n');
        } else {
            process.stdout.write(renderModel(objects, permissionSets) + '\n');
        }
        return objects.length === 0 ? 1 : 0;
    }
};
