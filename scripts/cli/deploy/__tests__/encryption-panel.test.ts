/**
 * The console's encryption panel (PhiEncryptionPosture in Apex) and `warden deploy`'s encryption step must look at
 * the same PHI: Warden's own fields, the patient-bearing objects whose tags are read, and the tags that mark PHI.
 * Apex cannot import the step's lists, so this test reads them out of the Apex source and holds them equal; the
 * preview's demo panel lists the same Warden fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATIENT_OBJECTS, PHI_TAGS, WARDEN_PHI_FIELDS } from '../steps/encryption';
import { demoEncryptionPosture } from '../../../dev/preview/backend/encryption';

const APEX = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'force-app', 'main', 'console', 'classes', 'PhiEncryptionPosture.cls'),
    'utf8'
);

/** The body of `NAME = new ...{ ... };` in the Apex source. */
function initializer(name: string): string {
    const match = new RegExp(`\\b${name}\\s*=\\s*new [^{]+\\{([^;]*)\\};`).exec(APEX);
    if (!match) {
        throw new Error(`${name} not found in PhiEncryptionPosture.cls`);
    }
    return match[1];
}

const quoted = (body: string): string[] => [...body.matchAll(/'([^']*)'/g)].map((match) => match[1]);

describe('encryption panel and deploy step', () => {
    it('read the tags of the same patient-bearing objects', () => {
        expect(quoted(initializer('PATIENT_OBJECTS'))).toEqual(PATIENT_OBJECTS);
    });

    it('count the same tags as PHI', () => {
        expect(new Set(quoted(initializer('PHI_TAGS')))).toEqual(PHI_TAGS);
    });

    it("list Warden's own PHI fields alike, in Apex and in the preview", () => {
        const apex = [
            ...initializer('WARDEN_PHI_FIELDS').matchAll(/new WardenField\(\w+\.SObjectType, (\w+\.\w+)\)/g)
        ].map((match) => match[1]);
        const step = WARDEN_PHI_FIELDS.map((entry) => entry.field);
        expect(apex).toEqual(step);
        const demo = demoEncryptionPosture()
            .fields.filter((field) => field.source === 'Warden')
            .map((field) => `${field.objectName}.${field.fieldName}`);
        expect(demo).toEqual(step);
    });
});
