/**
 * .gitattributes marks exactly the generated files as linguist-generated -diff: every LWC .js with a .ts
 * beside it, the PHI pattern module, the finding picklists module, the shared test vectors (redaction, chain,
 * finding workflow, deadlines, governance), the evidence templates resource and the names
 * dictionary; and nothing written by hand (the evidence document vectors are), so that a review never folds away a
 * file someone edits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MODULE_PATH } from '../patterns';
import { VECTORS_PATH } from '../redaction-vectors';
import { CHAIN_VECTORS_PATH } from '../chain-vectors';
import { PICKLISTS_MODULE } from '../finding-picklists';
import { WORKFLOW_VECTORS_PATH } from '../finding-workflow';
import { POLICY_VECTORS_PATH } from '../gate-policy-vectors';
import { SCHEMA_PATH } from '../policy-schema';
import { SLA_VECTORS_PATH } from '../sla-vectors';
import { GOVERNANCE_VECTORS_PATH } from '../governance-vectors';
import { EVIDENCE_TEMPLATES_PATH } from '../evidence-templates';

const root = join(__dirname, '..', '..', '..', '..');

function git(args: string[]): string {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** The files of the project (tracked or not, ignored ones left out) under force-app and docs. */
const files = git(['ls-files', '-co', '--exclude-standard', '--', 'force-app', 'docs'])
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(root, file)));

/** The files git sees as generated: linguist-generated set and diff unset. */
function generated(list: string[]): Set<string> {
    const marked = new Map<string, number>();
    for (const line of git(['check-attr', 'linguist-generated', 'diff', '--', ...list]).split('\n')) {
        const m = /^(.*): (linguist-generated: set|diff: unset)$/.exec(line);
        if (m) {
            marked.set(m[1], (marked.get(m[1]) ?? 0) + 1);
        }
    }
    return new Set([...marked].filter(([, count]) => count === 2).map(([file]) => file));
}

describe('.gitattributes', () => {
    const marked = generated(files);

    it('marks the generated files', () => {
        const lwcJs = files.filter(
            (file) => /\/lwc\/[^/]+\/[^/]+\.js$/.test(file) && existsSync(join(root, file.replace(/\.js$/, '.ts')))
        );
        expect(lwcJs.length).toBeGreaterThan(20);
        const expected = [
            ...lwcJs,
            MODULE_PATH,
            VECTORS_PATH,
            CHAIN_VECTORS_PATH,
            PICKLISTS_MODULE,
            WORKFLOW_VECTORS_PATH,
            POLICY_VECTORS_PATH,
            SCHEMA_PATH,
            SLA_VECTORS_PATH,
            GOVERNANCE_VECTORS_PATH,
            EVIDENCE_TEMPLATES_PATH,
            'force-app/main/gate/staticresources/PhiNameDictionary.resource'
        ];
        expect(expected.filter((file) => !marked.has(file))).toEqual([]);
        expect([...marked].filter((file) => !expected.includes(file))).toEqual([]);
    });

    it('leaves the TypeScript sources and the JavaScript tests of bundles unmarked', () => {
        expect(marked.has('force-app/main/gate/lwc/phiRedactor/phiRedactor.ts')).toBe(false);
        expect(marked.has('force-app/tests/console/staticresources/EvidenceDocumentVectors.json')).toBe(false);
        expect(generated(['force-app/main/x/lwc/y/__tests__/y.test.js', 'force-app/main/x/lwc/y/y.ts']).size).toBe(0);
    });
});
