/**
 * The oracle's own speed-up (parse.ts): apex-parser's SLL pass with a synthetic `this.` before
 * unqualified calls must give the same tree as a plain LL parse, or the oracle would check the
 * scanner's parser against the wrong tree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apexUnitKind } from '../../../cli/lib/apex-kind';
import { walkFiles } from '../../../cli/lib/project';
import { generateCorpus } from '../../bench/corpus';
import { TreeBuilder } from '../build';
import { antlrParse, fastPathErrors } from '../parse';

/** The scanner's tree for a file, as JSON (parent links dropped). */
function treeJson(source: string, path: string, forceLL: boolean): string {
    const parsed = antlrParse(source, apexUnitKind(path)!, { forceLL });
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

describe("the oracle's two-stage parse", () => {
    it('gives the same tree from the SLL pass as from a full LL parse, on tricky code', () => {
        expect(fastPathErrors(TRICKY, 'class')).toEqual([]);
        expect(treeJson(TRICKY, 'Tricky.cls', false)).toEqual(treeJson(TRICKY, 'Tricky.cls', true));
    });

    it("gives the same tree from both passes on a generated corpus and on Warden's own Apex", () => {
        const corpus = generateCorpus(8000, 7).files.filter((f) => apexUnitKind(f.path));
        const root = join(__dirname, '..', '..', '..', '..');
        const own = walkFiles(join(root, 'force-app'))
            .filter((f) => apexUnitKind(f))
            .map((f) => ({ path: f, content: readFileSync(f, 'utf8') }));
        let fastPathFailures = 0;
        for (const file of [...corpus, ...own]) {
            if (fastPathErrors(file.content, apexUnitKind(file.path)!).length > 0) {
                fastPathFailures += 1;
            }
            expect(treeJson(file.content, file.path, false)).toEqual(treeJson(file.content, file.path, true));
        }
        expect(fastPathFailures).toBe(0);
    });
});
