import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, ENGINE_RULES } from '../rules';
import { CATEGORIES, SEVERITIES } from '../types';

const DOCS = join(__dirname, '..', '..', '..', '..', 'docs');

describe('the rule registry', () => {
    it('gives every rule a unique id, a valid severity and category, and a doc page', () => {
        const all = [...ALL_RULES, ...ENGINE_RULES];
        expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
        for (const rule of all) {
            expect(SEVERITIES).toContain(rule.severity);
            expect([...CATEGORIES, 'component']).toContain(rule.category);
            const page = join(DOCS, 'rules', `${rule.id}.md`);
            expect(existsSync(page)).toBe(true);
            expect(readFileSync(page, 'utf8')).toMatch(new RegExp(`^# ${rule.id}: `));
        }
        const index = readFileSync(join(DOCS, 'scan.md'), 'utf8');
        for (const rule of all) {
            expect(index).toContain(`(rules/${rule.id}.md)`);
        }
    });

    it('has tests for every rule', () => {
        const tests = [
            'crud-fls-bypass',
            'access-rules',
            'dataflow-rules',
            'endpoint-rules',
            'trigger-loop-rules',
            'metadata-rules',
            'engine',
            'parser',
            'injection-model',
            'crud-guards',
            'loop-credential-rules',
            'sharing-phi-pmd',
            'robustness'
        ]
            .map((name) => readFileSync(join(__dirname, `${name}.test.ts`), 'utf8'))
            .join('\n');
        for (const rule of [...ALL_RULES, ...ENGINE_RULES]) {
            expect(tests).toContain(rule.id);
        }
    });
});
