import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_RULES } from '../../../cli/scan/rules';
import { DEFAULT_CORPUS, evaluate, failing, FAMILIES, loadManifest, main, precision, recall } from '../eval';

describe('the eval:scan corpus', () => {
    const manifest = loadManifest(DEFAULT_CORPUS);

    it('has at least 300 cases, each a folder, labelled with rules, files and lines that exist', () => {
        expect(manifest.cases.length).toBeGreaterThanOrEqual(300);
        expect(new Set(manifest.cases.map((c) => c.id)).size).toBe(manifest.cases.length);
        const rules = new Set(ALL_RULES.map((r) => r.id));
        for (const entry of manifest.cases) {
            expect(existsSync(join(DEFAULT_CORPUS, entry.id))).toBe(true);
            expect(entry.families.every((f) => FAMILIES[f] !== undefined)).toBe(true);
            for (const expected of entry.expect) {
                expect(rules.has(expected.rule)).toBe(true);
                expect(entry.families.some((f) => FAMILIES[f].includes(expected.rule))).toBe(true);
                const lines = readFileSync(join(DEFAULT_CORPUS, entry.id, expected.file), 'utf8').split('\n');
                expect(lines[expected.line - 1]?.trim()).toBeTruthy();
            }
        }
    });

    it('has cases with findings and safe cases for every family', () => {
        for (const family of Object.keys(FAMILIES)) {
            const cases = manifest.cases.filter((c) => c.families.includes(family));
            const labelled = cases.filter((c) => c.expect.some((e) => FAMILIES[family].includes(e.rule)));
            expect(labelled.length).toBeGreaterThanOrEqual(5);
            expect(cases.length - labelled.length).toBeGreaterThanOrEqual(5);
        }
    });

    it('meets the targets on a slice of every tenth case', () => {
        const result = evaluate(DEFAULT_CORPUS, undefined, (_entry, index) => index % 10 === 0);
        expect(result.cases).toBeGreaterThanOrEqual(30);
        expect(failing(result)).toEqual([]);
        expect(precision(result.overall)).toBeGreaterThanOrEqual(0.9);
        expect(recall(result.overall)).toBeGreaterThanOrEqual(0.9);
    });
});

describe('eval:scan itself', () => {
    let corpus: string;
    beforeEach(() => {
        corpus = mkdtempSync(join(tmpdir(), 'warden-eval-'));
        mkdirSync(join(corpus, 'crud/insert/classes'), { recursive: true });
        writeFileSync(
            join(corpus, 'crud/insert/classes/Save.cls'),
            'public with sharing class Save {\n    public static void run(Account a) {\n        insert a;\n    }\n}\n'
        );
    });
    afterEach(() => rmSync(corpus, { recursive: true, force: true }));

    function write(line: number): void {
        const entry = {
            id: 'crud/insert',
            families: ['crud'],
            expect: [{ rule: 'crud-fls-bypass', file: 'classes/Save.cls', line }]
        };
        writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ cases: [entry] }));
    }

    it('counts a right label as found and exits 0', () => {
        write(3);
        const result = evaluate(corpus);
        expect(result.families.crud).toEqual({ tp: 1, fp: 0, fn: 0 });
        const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
        try {
            expect(main(['--corpus', corpus])).toBe(0);
        } finally {
            out.mockRestore();
        }
    });

    it('counts a wrong line as one miss and one false positive, and exits 1 below the targets', () => {
        write(2);
        expect(evaluate(corpus).families.crud).toEqual({ tp: 0, fp: 1, fn: 1 });
        const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
        const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
        try {
            expect(main(['--corpus', corpus])).toBe(1);
            expect(err.mock.calls.join('')).toContain('below the targets');
        } finally {
            out.mockRestore();
            err.mockRestore();
        }
    });
});
