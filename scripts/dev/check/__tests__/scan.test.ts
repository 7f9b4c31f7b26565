import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scanStep } from '../steps/scan';

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

const META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>\n';

describe('scan step', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'warden-scan-step-'));
        write(root, 'sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'src', default: true }] }));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('fails on an unsuppressed finding with its file and line, and passes once it is justified', async () => {
        const leaky = [
            'public without sharing class Leaky {',
            '    public static List<Contact> all() {',
            '        return [SELECT Id FROM Contact];',
            '    }',
            '}'
        ];
        write(root, 'src/classes/Leaky.cls', leaky.join('\n') + '\n');
        write(root, 'src/classes/Leaky.cls-meta.xml', META);
        const failing = await scanStep.run({ root });
        expect(failing.failed).toBe(1);
        const lines = failing.problems.map((problem) => `${problem.file}:${problem.line}`);
        expect(lines).toContain('src/classes/Leaky.cls:1');
        expect(lines).toContain('src/classes/Leaky.cls:3');

        const safe = [
            'public with sharing class Leaky {',
            '    public static List<Contact> all() {',
            '        return [SELECT Id FROM Contact WITH USER_MODE];',
            '    }',
            '}'
        ];
        write(root, 'src/classes/Leaky.cls', safe.join('\n') + '\n');
        const passing = await scanStep.run({ root });
        expect(passing.problems).toEqual([]);
        expect(passing).toMatchObject({ passed: 1, failed: 0 });
    }, 60000);
});
