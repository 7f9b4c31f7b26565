/**
 * The finding vocabulary has one source, the ComplianceFinding__c picklists: the generated c/findingPicklists
 * equals a fresh generation, the scanner's categories and the scan-result JSON Schema use the same values,
 * and a changed picklist changes the generated module.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES } from '../../../cli/scan/types';
import { FINDING_CATEGORIES } from '../../../../force-app/main/findings/lwc/findingPicklists/findingPicklists';
import { FIELDS_DIR, PICKLISTS_MODULE, picklistModuleText, picklistValues } from '../finding-picklists';

const root = join(__dirname, '..', '..', '..', '..');

describe('finding-picklists generator', () => {
    it('wrote the committed module from the committed picklists', () => {
        expect(readFileSync(join(root, PICKLISTS_MODULE), 'utf8')).toBe(picklistModuleText(root));
    });

    it('gives the scanner and the scan-result schema the picklist categories', () => {
        const schema: unknown = JSON.parse(readFileSync(join(root, 'docs/scan-result.schema.json'), 'utf8'));
        const enums: string[][] = [];
        JSON.stringify(schema, (key, value: unknown) => {
            if (key === 'enum' && Array.isArray(value) && value.includes('ApexTrigger')) {
                enums.push(value as string[]);
            }
            return value;
        });
        expect(enums.length).toBeGreaterThan(0);
        for (const values of enums) {
            expect(values).toEqual([...FINDING_CATEGORIES]);
        }
        expect(CATEGORIES).toEqual(FINDING_CATEGORIES);
        expect(picklistValues(root, 'Category__c')).toEqual([...FINDING_CATEGORIES]);
    });

    it('follows a value added to a picklist, and leaves out inactive values', () => {
        const copy = mkdtempSync(join(tmpdir(), 'warden-picklists-'));
        try {
            cpSync(join(root, FIELDS_DIR), join(copy, FIELDS_DIR), { recursive: true });
            const file = join(copy, FIELDS_DIR, 'Category__c.field-meta.xml');
            const extra = (name: string, active: boolean) =>
                `<value><fullName>${name}</fullName><default>false</default><label>${name}</label>` +
                `${active ? '' : '<isActive>false</isActive>'}</value>`;
            writeFileSync(
                file,
                readFileSync(file, 'utf8').replace(
                    '</valueSetDefinition>',
                    `${extra('Vendor', true)}${extra('Legacy', false)}</valueSetDefinition>`
                )
            );
            expect(picklistValues(copy, 'Category__c').slice(-1)).toEqual(['Vendor']);
            expect(picklistModuleText(copy)).not.toBe(picklistModuleText(root));
        } finally {
            rmSync(copy, { recursive: true, force: true });
        }
    });
});
