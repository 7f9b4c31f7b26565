import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { command, readPermissionSets, renderModel } from '../command';
import { isIndexed, readDataModel } from '../../lib/datamodel';
import { loadProject } from '../../lib/project';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

function makeProject(): string {
    const root = mkdtempSync(join(tmpdir(), 'warden-model-'));
    write(
        root,
        'sfdx-project.json',
        JSON.stringify({ packageDirectories: [{ path: 'src', default: true }], sourceApiVersion: '62.0' })
    );
    write(
        root,
        'src/objects/Thing__c/Thing__c.object-meta.xml',
        `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><label>Thing</label><description>A thing.</description>` +
            `<nameField><label>Thing Number</label><type>AutoNumber</type><displayFormat>T-{0000}</displayFormat></nameField>` +
            `<sharingModel>Private</sharingModel></CustomObject>`
    );
    write(
        root,
        'src/objects/Thing__c/fields/Key__c.field-meta.xml',
        `<CustomField ${NS}><fullName>Key__c</fullName><label>Key</label><type>Text</type><length>64</length>` +
            `<unique>true</unique><externalId>true</externalId><required>false</required></CustomField>`
    );
    write(
        root,
        'src/objects/Thing__c/fields/Patient__c.field-meta.xml',
        `<CustomField ${NS}><fullName>Patient__c</fullName><label>Patient</label><type>Lookup</type>` +
            `<referenceTo>Contact</referenceTo><deleteConstraint>SetNull</deleteConstraint></CustomField>`
    );
    write(
        root,
        'src/objects/Thing__c/fields/Status__c.field-meta.xml',
        `<CustomField ${NS}><fullName>Status__c</fullName><label>Status</label><type>Picklist</type>` +
            `<valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>` +
            `<value><fullName>Open</fullName><default>true</default><label>Open</label></value>` +
            `<value><fullName>Closed</fullName><default>false</default><label>Closed</label></value>` +
            `</valueSetDefinition></valueSet></CustomField>`
    );
    write(
        root,
        'src/permissionsets/Reader.permissionset-meta.xml',
        `<PermissionSet ${NS}><label>Reader</label><objectPermissions><allowCreate>false</allowCreate>` +
            `<allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead>` +
            `<modifyAllRecords>false</modifyAllRecords><object>Thing__c</object><viewAllRecords>true</viewAllRecords>` +
            `</objectPermissions></PermissionSet>`
    );
    return root;
}

describe('warden model', () => {
    let root: string;
    beforeEach(() => {
        root = makeProject();
    });
    afterEach(() => {
        rmSync(root, { recursive: true, force: true });
    });

    it('reads objects, field types, keys and indexes from source', () => {
        const [thing] = readDataModel(loadProject(root));
        expect(thing.apiName).toBe('Thing__c');
        expect(thing.kind).toBe('CustomObject');
        expect(thing.nameField).toEqual({ label: 'Thing Number', type: 'AutoNumber', displayFormat: 'T-{0000}' });
        const byName = Object.fromEntries(thing.fields.map((field) => [field.apiName, field]));
        expect(byName.Key__c.typeDetail).toBe('Text(64)');
        expect(isIndexed(byName.Key__c)).toBe(true);
        expect(byName.Patient__c.typeDetail).toBe('Lookup(Contact)');
        expect(byName.Patient__c.deleteConstraint).toBe('SetNull');
        expect(isIndexed(byName.Patient__c)).toBe(true);
        expect(byName.Status__c.picklistValues).toEqual(['Open', 'Closed']);
        expect(isIndexed(byName.Status__c)).toBe(false);
    });

    it('renders fields and the permission set access matrix', () => {
        const project = loadProject(root);
        const output = renderModel(readDataModel(project), readPermissionSets(project));
        expect(output).toContain('Thing__c (CustomObject) "Thing", 3 fields. Name: AutoNumber T-{0000}.');
        expect(output).toMatch(/Key__c\s+Text\(64\)\s+unique, external id\s+yes/);
        expect(output).toMatch(/Thing__c\s+RV/);
        expect(output).toContain('1 objects, 3 fields, 1 permission sets.');
    });

    it('names the file, line and column of malformed XML and exits 1', async () => {
        write(
            root,
            'src/objects/Thing__c/fields/Broken__c.field-meta.xml',
            `<CustomField ${NS}>\n<label>x</lable>\n</CustomField>`
        );
        const errors: string[] = [];
        const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
            errors.push(String(chunk));
            return true;
        });
        try {
            expect(await command.run([root])).toBe(1);
        } finally {
            spy.mockRestore();
        }
        expect(errors.join('')).toMatch(/Broken__c\.field-meta\.xml:2:\d+: /);
    });

    it('exits 2 with a clear message when the path is not a project', async () => {
        const empty = mkdtempSync(join(tmpdir(), 'warden-empty-'));
        const errors: string[] = [];
        const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
            errors.push(String(chunk));
            return true;
        });
        try {
            expect(await command.run([empty])).toBe(2);
        } finally {
            spy.mockRestore();
            rmSync(empty, { recursive: true, force: true });
        }
        expect(errors.join('')).toContain('No sfdx-project.json found');
    });

    it('exits 2 with the help on a bad command line, and prints the help with exit 0', async () => {
        const out: string[] = [];
        const spies = [process.stdout, process.stderr].map((stream) =>
            jest.spyOn(stream, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
        );
        try {
            expect(await command.run(['--frobnicate'])).toBe(2);
            expect(await command.run(['one', 'two'])).toBe(2);
            expect(await command.run(['--json=yes'])).toBe(2);
            expect(await command.run(['-h'])).toBe(0);
        } finally {
            spies.forEach((spy) => spy.mockRestore());
        }
        const text = out.join('');
        expect(text).toContain('warden model: unknown option --frobnicate');
        expect(text).toContain('warden model: too many arguments (from "two"); expected [path]');
        expect(text).toContain('warden model: --json takes no value');
        expect(text).toContain('Usage: warden model [options] [path]');
    });
});
