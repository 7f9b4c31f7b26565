import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../../dev/bench/corpus';
import { TreeBuilder } from '../apex/build';
import { apexKindOf, fastPathErrors, parseApex } from '../apex/parse';
import { walkFiles } from '../../lib/project';
import { scanSources } from '../engine';

/** The scanner's tree for a file, as JSON (parent links dropped). */
function treeJson(source: string, path: string, forceLL: boolean): string {
    const parsed = parseApex(source, apexKindOf(path)!, { forceLL });
    expect(parsed.errors).toEqual([]);
    const unit = new TreeBuilder(source).build(parsed);
    return JSON.stringify(unit, (key, value) =>
        key === 'outer' ? undefined : value instanceof Set ? [...value] : value
    );
}

const TRICKY = [
    'public with sharing class Tricky extends Base {',
    '    private static User owner() {',
    '        return [SELECT Id FROM User WHERE Id = :UserInfo.getUserId() WITH USER_MODE LIMIT 1];',
    '    }',
    '    public Tricky(String a) {',
    '        super(a);',
    '        run(a);',
    '    }',
    '    public Tricky() {',
    "        this('x');",
    '    }',
    '    public String run(String s) {',
    '        String a = helper(s), b = (String) helper(helper(s));',
    '        if (check(s)) foo(s); else bar(s);',
    '        switch on s {',
    "            when 'a', 'b' {",
    '                go(s);',
    '            }',
    '            when else {',
    '                return compute(s).trim();',
    '            }',
    '        }',
    '        insert build(s);',
    '        List<Account> rows = [SELECT Id FROM Account WHERE Name IN :names(s) AND Id = :pick(s)];',
    '        Integer n = count(s) > limitOf(s) ? max(1, 2) : -min(s.length(), 3);',
    '        do { step(s); } while (more(s));',
    '        for (Integer i = start(s); i < stop(s); i = next(i)) { visit(i); }',
    '        throw fail(s);',
    '    }',
    '}',
    ''
].join('\n');

describe('Apex parsing', () => {
    it('gives the same tree from the SLL fast path as from a full LL parse, on tricky code', () => {
        expect(fastPathErrors(TRICKY, 'class')).toEqual([]);
        expect(treeJson(TRICKY, 'Tricky.cls', false)).toEqual(treeJson(TRICKY, 'Tricky.cls', true));
    });

    it("gives the same tree from both paths on a generated corpus and on Warden's own Apex", () => {
        const corpus = generateCorpus(8000, 7).files.filter((f) => apexKindOf(f.path));
        const root = join(__dirname, '..', '..', '..', '..');
        const own = walkFiles(join(root, 'force-app'))
            .filter((f) => apexKindOf(f))
            .map((f) => ({ path: f, content: readFileSync(f, 'utf8') }));
        let fastPathFailures = 0;
        for (const file of [...corpus, ...own]) {
            if (parseApex(file.content, apexKindOf(file.path)!).errors.length > 0) {
                continue; // someone's work in progress; the engine reports it as parse-error
            }
            if (fastPathErrors(file.content, apexKindOf(file.path)!).length > 0) {
                fastPathFailures += 1;
            }
            expect(treeJson(file.content, file.path, false)).toEqual(treeJson(file.content, file.path, true));
        }
        expect(fastPathFailures).toBe(0);
    });

    it('reports syntax errors as parse-error findings with line and column, and goes on', () => {
        const result = scanSources([
            {
                path: 'force-app/main/default/classes/Broken.cls',
                content: 'public class Broken {\n    void m() {\n        Integer x = ;\n    }\n}\n'
            },
            {
                path: 'force-app/main/default/classes/Bad.cls',
                content: "public class Bad {\n    String s = 'unterminated;\n}\n"
            },
            { path: 'force-app/main/default/classes/Good.cls', content: 'public class Good {\n}\n' }
        ]);
        const errors = result.findings.filter((f) => f.ruleId === 'parse-error');
        expect(errors.map((f) => [f.componentName, f.line, f.severity])).toEqual([
            ['Bad', 2, 'high'],
            ['Broken', 3, 'high']
        ]);
        expect(errors[1].column).toBe(21);
        expect(result.findings.some((f) => f.componentName === 'Good' && f.ruleId === 'sharing-missing')).toBe(true);
    });

    it('never throws on garbage input', () => {
        const samples = [
            '',
            '}}}}',
            'class',
            'public class { }',
            'trigger on (',
            '\u0000\u0001\u0002',
            'public class A { ' + 'if ('.repeat(200) + ' }',
            "public class A { String s = '\\u12'; }",
            'public class A { void m() { [SELECT FROM WHERE]; } }',
            '/* unterminated comment',
            'public class A { void m() { a.b.c.d.e.f.g.h(1,2,3,,,); } }',
            'public class A { Integer x = ' + '('.repeat(1500) + '1' + ')'.repeat(1500) + '; }',
            'public class A { Integer x = ' + '1 + '.repeat(3000) + '1; }',
            'public class A { void m() { ' + 'if (true) { '.repeat(1500) + '}'.repeat(1500) + ' } }'
        ];
        for (const content of samples) {
            for (const name of ['X.cls', 'X.trigger', 'X.apex', 'objects/A__c/fields/X__c.field-meta.xml']) {
                expect(() => scanSources([{ path: `force-app/main/default/${name}`, content }])).not.toThrow();
            }
        }
        const deep = scanSources([
            { path: 'force-app/main/default/classes/Deep.cls', content: samples[samples.length - 2] }
        ]);
        expect(deep.findings.map((f) => [f.ruleId, f.message])).toEqual([
            ['parse-error', expect.stringContaining('too deeply nested to analyse')]
        ]);
    });
});
