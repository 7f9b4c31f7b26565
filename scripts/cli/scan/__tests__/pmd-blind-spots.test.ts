/**
 * Confirms, with PMD itself (through Salesforce Code Analyzer's PMD engine), the blind spots this
 * scanner claims to cover: PMD's CRUD rule misses Database.query and System.Database DML, its
 * sharing rule ignores `without sharing`, and it knows nothing of PHI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { scanSources } from '../engine';

const SOURCE = [
    'public without sharing class Exposed {',
    '    public List<Contact> run(List<Contact> contacts) {',
    "        List<Contact> rows = Database.query('SELECT Id, Birthdate FROM Contact');",
    '        System.Database.upsert(contacts);',
    '        HttpRequest req = new HttpRequest();',
    "        req.setEndpoint('callout:Crm/patients');",
    '        req.setBody(JSON.serialize(rows));',
    '        return rows;',
    '    }',
    '}',
    ''
].join('\n');

async function pmdViolations(dir: string): Promise<Array<{ rule: string; line: number }>> {
    const work = mkdtempSync(join(tmpdir(), 'warden-pmd-work-'));
    try {
        const config = CodeAnalyzerConfig.fromObject(
            {
                log_folder: work,
                root_working_folder: work,
                engines: { pmd: { java_command: 'java', rule_languages: ['apex'] }, cpd: { disable_engine: true } }
            },
            dir
        );
        const analyzer = new CodeAnalyzer(config);
        await analyzer.addEnginePlugin(createEnginePlugin());
        const workspace = await analyzer.createWorkspace([dir]);
        const rules = await analyzer.selectRules(
            ['pmd:ApexCRUDViolation', 'pmd:ApexSharingViolations', 'pmd:ApexSOQLInjection'],
            {
                workspace
            }
        );
        expect(rules.getCount()).toBe(3);
        const results = await analyzer.run(rules, { workspace });
        return results
            .getViolations()
            .map((v) => ({ rule: v.getRule().getName(), line: v.getPrimaryLocation().getStartLine() ?? 0 }));
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

describe('blind spots of PMD that the scanner covers', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-pmd-'));
        mkdirSync(join(dir, 'classes'));
        writeFileSync(join(dir, 'classes', 'Exposed.cls'), SOURCE);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('PMD misses Database.query, System.Database.upsert, without sharing and PHI; Warden reports them', async () => {
        const pmd = await pmdViolations(dir);
        expect(pmd.filter((v) => v.line === 3 || v.line === 4)).toEqual([]);
        expect(pmd.filter((v) => v.rule === 'ApexSharingViolations')).toEqual([]);

        const warden = scanSources([{ path: 'classes/Exposed.cls', content: SOURCE }]).findings.map((f) => [
            f.ruleId,
            f.line
        ]);
        expect(warden).toEqual(
            expect.arrayContaining([
                ['sharing-without', 1],
                ['crud-fls-bypass', 3],
                ['crud-fls-bypass', 4],
                ['phi-callout', 7]
            ])
        );
    }, 120_000);
});
