import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Budget, BudgetExceeded, tick, withDeadline } from '../budget';
import { scanProject, scanSources } from '../engine';
import { formatJson } from '../format/json';
import type { Report } from '../format/report';
import { buildSarif, formatSarif } from '../format/sarif';
import { formatTable } from '../format/table';
import { ALL_RULES, ENGINE_RULES } from '../rules';
import type { ScanResult } from '../types';
import { scanFiles } from './scan-helpers';

const CLASSES = 'force-app/main/default/classes';

function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'warden-robust-'));
    writeFileSync(join(root, 'sfdx-project.json'), '{"packageDirectories":[{"path":"force-app","default":true}]}');
    mkdirSync(join(root, CLASSES), { recursive: true });
    return root;
}

const INSERTS =
    'public with sharing class Writes {\n    public void run() {\n        insert new Account();\n    }\n}\n';

function report(result: ScanResult): Report {
    return {
        tool: { name: 'warden-scan', version: '0.1.0' },
        root: '/work/project',
        result,
        findings: result.findings,
        baselined: [],
        suppressed: result.suppressed,
        failOn: 'low',
        rules: [...ALL_RULES, ...ENGINE_RULES]
    };
}

describe('files that cannot stop a scan', () => {
    let root: string;
    beforeEach(() => {
        root = project();
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports XML nested deeper than the parser allows as a parse error of that file, and scans the rest', () => {
        const fields = join(root, 'force-app/main/default/objects/Patient__c/fields');
        mkdirSync(fields, { recursive: true });
        const deep = `<?xml version="1.0"?><CustomField>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</CustomField>\n`;
        writeFileSync(join(fields, 'Deep__c.field-meta.xml'), deep);
        writeFileSync(join(root, CLASSES, 'Writes.cls'), INSERTS);
        const result = scanProject(root);
        expect(result.findings.map((f) => [f.ruleId, f.file.split('/').pop()])).toEqual([
            ['crud-fls-bypass', 'Writes.cls'],
            ['parse-error', 'Deep__c.field-meta.xml']
        ]);
        expect(result.findings[1].message).toContain('nests elements deeper than the parser allows');
    });

    it('reports broken and looping links and a FIFO as skipped files, without opening the FIFO', () => {
        writeFileSync(join(root, CLASSES, 'Writes.cls'), INSERTS);
        symlinkSync('Nowhere.cls', join(root, CLASSES, 'Dangling.cls'));
        symlinkSync('Loop.cls', join(root, CLASSES, 'Loop.cls'));
        symlinkSync('Writes.cls', join(root, CLASSES, 'Alias.cls'));
        const fifo = spawnSync('mkfifo', [join(root, CLASSES, 'Pipe.cls')]);
        expect(fifo.status).toBe(0);
        const result = scanProject(root);
        const skipped = result.findings.filter((f) => f.ruleId === 'skipped-file');
        expect(skipped.map((f) => [f.file.split('/').pop(), f.message])).toEqual([
            ['Dangling.cls', 'Not scanned: it is a symbolic link to nothing (its target does not exist).'],
            ['Loop.cls', 'Not scanned: it is a symbolic link that leads into a loop.'],
            ['Pipe.cls', 'Not scanned: it is not a regular file but a named pipe (FIFO).']
        ]);
        // The link to a real file is followed and scanned like any file.
        expect(
            result.findings.filter((f) => f.ruleId === 'crud-fls-bypass').map((f) => f.file.split('/').pop())
        ).toEqual(['Alias.cls', 'Writes.cls']);
        const single = scanProject(join(root, CLASSES, 'Pipe.cls'));
        expect(single.findings.map((f) => [f.ruleId, f.message])).toEqual([
            ['skipped-file', 'Not scanned: it is not a regular file.']
        ]);
    });
});

describe('budgets', () => {
    it('turns a file whose parse overruns its budget into a skipped file, and scans the others', () => {
        const statements = Array.from({ length: 3000 }, (_, i) => `        Integer v${i} = ${i} + 1;`).join('\n');
        const big = `public with sharing class Big {\n    public void run() {\n${statements}\n    }\n}\n`;
        const result = scanSources(
            [
                { path: `${CLASSES}/Big.cls`, content: big },
                { path: `${CLASSES}/Writes.cls`, content: INSERTS }
            ],
            { budgetMs: 0 }
        );
        expect(result.findings.map((f) => [f.ruleId, f.file.split('/').pop()])).toEqual([
            ['skipped-file', 'Big.cls'],
            ['crud-fls-bypass', 'Writes.cls']
        ]);
        expect(result.findings[0].message).toMatch(/^Not analysed: parsing took longer than 0 ms/);
    });

    it('records an analysis that overruns, or runs out of stack, and withdraws nothing else', () => {
        const budget = new Budget(1);
        const file = { path: 'classes/Slow.cls' } as Parameters<Budget['run']>[0];
        const spin = (): number => {
            const until = performance.now() + 50;
            while (performance.now() < until) {
                tick();
            }
            return 1;
        };
        expect(budget.run(file, 'the loops of Slow.run()', spin, -1)).toBe(-1);
        expect(budget.overrun.get('classes/Slow.cls')).toBe(
            'the loops of Slow.run(): it took longer than 1 ms to analyse'
        );
        const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
        expect(() => withDeadline(1000, () => deep(1e7))).toThrow(BudgetExceeded);
    });

    it('analyses loops nested deep in a method without doubling the work per level', () => {
        const open = 'for (Integer i : l) { '.repeat(40);
        const source = `public with sharing class Nested {\n    @AuraEnabled\n    public static void m(List<Integer> l, String s) {\n        ${open}Database.query(s);${' }'.repeat(40)}\n    }\n}\n`;
        const started = performance.now();
        const result = scanFiles({ Nested: source }, undefined, ['soql-injection']);
        expect(result.findings.map((f) => f.ruleId)).toEqual(['soql-injection']);
        expect(performance.now() - started).toBeLessThan(5000);
    });
});

describe('reports of hostile text', () => {
    const hostile = `${CLASSES}/Evil\u001b]8;;http://x\u0007Name\u202e.cls`;
    const result = scanSources([
        { path: hostile, content: INSERTS.replace('insert new Account();', 'insert new Account(); // \u001b[2J\u009b') }
    ]);

    it('escapes control and bidirectional characters in the table', () => {
        const table = formatTable(report(result), { color: false });
        expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
        expect(table).toContain('Evil\\x1b]8;;http://x\\x07Name\\u202e.cls');
    });

    it('keeps JSON and SARIF free of raw control characters, with the same values', () => {
        const json = formatJson(report(result));
        const sarif = formatSarif(report(result));
        for (const text of [json, sarif]) {
            expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
        }
        expect(JSON.parse(json).findings[0].file).toBe(hostile);
        expect(JSON.parse(sarif)).toEqual(JSON.parse(JSON.stringify(buildSarif(report(result)))));
    });
});

describe('characters outside the Basic Multilingual Plane', () => {
    it('do not shift annotations, positions, fingerprints or SARIF regions', () => {
        const test =
            '// too long 😭\n@IsTest\nprivate class Emoji_Tests {\n    @IsTest\n    static void t() {\n        insert new Account();\n    }\n}\n';
        expect(scanFiles({ Emoji_Tests: test }).findings).toEqual([]);
        const plain =
            'public with sharing class Pos {\n    public void t() {\n        Account a = new Account(); /* note */ insert a;\n    }\n}\n';
        const emoji = plain
            .replace('// ', '// ')
            .replace('/* note */', '/* 😭🏥 */')
            .replace('{\n    public', '{\n    // 🩺 before\n    public');
        const [before] = scanFiles({ Pos: plain }, undefined, ['crud-fls-bypass']).findings;
        const [after] = scanFiles({ Pos: emoji }, undefined, ['crud-fls-bypass']).findings;
        const lineText = emoji.split('\n')[after.line - 1];
        expect(after.column).toBe(lineText.indexOf('insert') + 1);
        expect(after.line).toBe(before.line + 1);
        expect(after.snippet).toBe('insert a;');
        expect(after.fingerprint).toBe(before.fingerprint);
        const region = buildSarif(report(scanFiles({ Pos: emoji }, undefined, ['crud-fls-bypass']))).runs[0].results![0]
            .locations![0].physicalLocation!.region!;
        expect([region.startLine, region.startColumn]).toEqual([after.line, after.column]);
        const suppressed = emoji.replace('insert a;', 'insert a; // warden:ignore crud-fls-bypass reviewed 🙈');
        expect(scanFiles({ Pos: suppressed }, undefined, ['crud-fls-bypass']).suppressed).toHaveLength(1);
    });
});
