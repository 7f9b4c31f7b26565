/**
 * The scanner's Apex parser (apex/parser) against its oracle, apex-parser with the tree builder of
 * scripts/dev/apex-oracle: on every input both must accept with the same tree (spans included) or
 * both reject. The inputs: Warden's own Apex, the benchmark corpus, fragments covering the grammar,
 * token-level mutants of real files, and hostile input. (Every other test's Apex is cross-checked too,
 * by scripts/dev/jest/parser-crosscheck.js; this file compares directly.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, prng } from '../../../dev/bench/corpus';
import { parserDisagreement } from '../../../dev/apex-oracle/oracle';
import { apexUnitKind, type ApexUnitKind } from '../../lib/apex-kind';
import { walkFiles } from '../../lib/project';
import { lexApex } from '../apex/parser/lexer';
import { MAX_NESTING, parseApex } from '../apex/parser';
import { scanSources } from '../engine';
import { DECLARATIONS, EXPRESSIONS, STATEMENTS, UNITS } from './data/apex-snippets';

jest.unmock('../apex/parser');

const REPO = join(__dirname, '..', '..', '..', '..');

type Outcome = 'same' | 'both-reject';

/** Parses with both parsers; throws on any disagreement. */
function compare(source: string, kind: ApexUnitKind, label: string): Outcome {
    const mine = parseApex(source, kind);
    const disagreement = parserDisagreement(source, kind, mine);
    if (disagreement) {
        throw new Error(`${label}: ${disagreement}`);
    }
    return mine.unit ? 'same' : 'both-reject';
}

function tally(outcomes: Outcome[]): Record<Outcome, number> {
    const counts: Record<Outcome, number> = { same: 0, 'both-reject': 0 };
    for (const outcome of outcomes) {
        counts[outcome] += 1;
    }
    return counts;
}

describe('Apex parser', () => {
    it("builds apex-parser's tree for every file of the benchmark corpus and of Warden itself", () => {
        const corpus = generateCorpus(15_000).files.filter((f) => apexUnitKind(f.path));
        const own = walkFiles(join(REPO, 'force-app'))
            .filter((path) => apexUnitKind(path))
            .map((path) => ({ path, content: readFileSync(path, 'utf8') }));
        expect(corpus.length).toBeGreaterThan(150);
        expect(own.length).toBeGreaterThan(40);
        const outcomes = [...corpus, ...own].map((file) => compare(file.content, apexUnitKind(file.path)!, file.path));
        expect(tally(outcomes)).toEqual({ same: corpus.length + own.length, 'both-reject': 0 });
    });

    it('agrees on fragments covering the grammar, accepting the valid ones', () => {
        const outcomes = [
            ...EXPRESSIONS.map((e) => compare(`class E { Object m() { return ${e}; } }`, 'class', e)),
            ...STATEMENTS.map((s) => compare(`class S { void m() { ${s} } }`, 'class', s)),
            ...DECLARATIONS.map((d) => compare(d, 'class', d)),
            ...UNITS.map(([source, kind]) => compare(source, kind, source))
        ];
        const counts = tally(outcomes);
        // Most fragments are valid Apex; the rest are there to be rejected by both.
        expect(counts.same).toBeGreaterThan(0.8 * outcomes.length);
        expect(counts['both-reject']).toBeGreaterThan(10);
    });

    it('agrees on token-level mutants of real files (deleted, inserted, swapped, replaced tokens)', () => {
        const files = walkFiles(join(REPO, 'force-app'))
            .filter((path) => path.endsWith('.cls') || path.endsWith('.trigger'))
            .map((path) => ({ kind: apexUnitKind(path)!, content: readFileSync(path, 'utf8') }));
        const vocabulary = ['(', ')', '{', '}', '[', ']', ';', ',', '.', '=', '<', '>', '-', '?', ':', 'x', 'new'];
        const more = ['if', 'else', 'return', 'when', 'SELECT', 'FROM', 'WHERE', 'AND', ':x', 'transient', '@A'];
        const words = [...vocabulary, ...more, "'s'", '1', 'null', 'this', 'void', 'get', 'insert', 'as', 'user'];
        const random = prng(5);
        const outcomes: Outcome[] = [];
        for (let n = 0; n < 160; n += 1) {
            const file = files[Math.floor(random() * files.length)];
            const lexed = lexApex(file.content);
            if (!('type' in lexed)) {
                throw new Error('a file of the repository does not lex');
            }
            const tokens = lexed.toTokens().slice(0, -1);
            const k = Math.floor(random() * (tokens.length - 1));
            const [token, next] = [tokens[k], tokens[k + 1]];
            const word = words[Math.floor(random() * words.length)];
            const before = file.content.slice(0, token.start);
            const mutant = [
                before + file.content.slice(token.stop + 1),
                `${before}${word} ${file.content.slice(token.start)}`,
                `${before}${next.text} ${token.text}${file.content.slice(next.stop + 1)}`,
                `${before}${word} ${file.content.slice(token.stop + 1)}`
            ][n % 4];
            outcomes.push(compare(mutant, file.kind, `mutant ${n}`));
        }
        const counts = tally(outcomes);
        expect(counts['both-reject']).toBeGreaterThan(60);
        expect(counts.same).toBeGreaterThan(10);
    });

    it('reports where and why a file does not parse', () => {
        expect(parseApex('public class A {\n    void m() {\n        Integer x = ;\n    }\n}\n', 'class')).toEqual({
            problem: { line: 3, column: 21, message: "unexpected ';': expected an expression" }
        });
        expect(parseApex('public class A {\n    void m() {\n        x = 1\n    }\n}\n', 'class').problem).toEqual({
            line: 4,
            column: 5,
            message: "unexpected '}': expected ';' at the end of the statement"
        });
        expect(parseApex('public class A {\n    void m() {\n', 'class').problem).toMatchObject({
            line: 3,
            message: "unexpected end of file: expected '}' to close the block"
        });
        expect(parseApex('trigger T on Account (before save) {}', 'trigger').problem?.message).toBe(
            "unexpected 'save': expected 'insert', 'update', 'delete' or 'undelete'"
        );
        // Columns count UTF-16 code units: an emoji before the error counts two.
        expect(parseApex("class A { String s = '😭' + ; }", 'class').problem?.column).toBe(29);
    });

    it('gives up on nesting deeper than it analyses, quickly, without overflowing the stack', () => {
        const hostile = [
            'public class A { Integer x = ' + '1 + '.repeat(5000) + '1; }',
            'public class A { Integer x = ' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '; }',
            'public class A { void m() { ' + 'if (true) { '.repeat(3000) + '}'.repeat(3000) + ' } }',
            'public class A { ' + 'List<'.repeat(5000) + 'String' + '>'.repeat(5000) + ' x; }',
            'public class A { Integer x = ' + '-'.repeat(5000) + '1; }',
            'public class A { Integer x = ' + 'a ? 1 : '.repeat(3000) + '1; }',
            'public class A { void m() { x' + '.f()'.repeat(3000) + '; } }',
            'public class A { void m() { x = [SELECT Id FROM A WHERE ' +
                '('.repeat(3000) +
                'A = 1' +
                ')'.repeat(3000) +
                ']; } }'
        ];
        for (const source of hostile) {
            const started = Date.now();
            const outcome = parseApex(source, 'class');
            expect(outcome.problem).toMatchObject({
                tooDeep: true,
                message: `code nested more than ${MAX_NESTING} levels deep`
            });
            expect(Date.now() - started).toBeLessThan(2000);
        }
        // Just under the limit, the tree is built and the rules walk it.
        const deep = `public with sharing class A { void m(String s) { String q = ${'s + '.repeat(900)}'x'; Database.query(q); } }`;
        expect(parseApex(deep, 'class').unit).toBeDefined();
        expect(() => scanSources([{ path: 'force-app/main/default/classes/A.cls', content: deep }])).not.toThrow();
    });
});

describe('parse errors in a scan', () => {
    it('are parse-error findings with line and column, and the scan goes on', () => {
        const result = scanSources([
            {
                path: 'force-app/main/default/classes/Broken.cls',
                content: 'public class Broken {\n    void m() {\n        Integer x = ;\n    }\n}\n'
            },
            {
                path: 'force-app/main/default/classes/Bad.cls',
                content: "public class Bad {\n    String s = 'unterminated;\n}\n"
            },
            {
                path: 'force-app/main/default/classes/Deep.cls',
                content: 'public class Deep { Integer x = ' + '1 + '.repeat(5000) + '1; }'
            },
            { path: 'force-app/main/default/classes/Good.cls', content: 'public class Good {\n    void run() {}\n}\n' }
        ]);
        const errors = result.findings.filter((f) => f.ruleId === 'parse-error');
        expect(errors.map((f) => [f.file, f.line, f.column, f.severity, f.message])).toEqual([
            [
                'force-app/main/default/classes/Bad.cls',
                2,
                16,
                'high',
                'Syntax error: unterminated string literal. The file was not scanned.'
            ],
            [
                'force-app/main/default/classes/Broken.cls',
                3,
                21,
                'high',
                "Syntax error: unexpected ';': expected an expression. The file was not scanned."
            ],
            [
                'force-app/main/default/classes/Deep.cls',
                1,
                expect.any(Number),
                'high',
                `Not analysed: the code nested more than ${MAX_NESTING} levels deep. The file was not scanned.`
            ]
        ]);
        expect(result.findings.some((f) => f.componentName === 'Good' && f.ruleId === 'sharing-missing')).toBe(true);
    });

    it('never throw on garbage input', () => {
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
            '\uD800\uDC00\uDFFF'
        ];
        for (const content of samples) {
            for (const name of ['X.cls', 'X.trigger', 'X.apex', 'objects/A__c/fields/X__c.field-meta.xml']) {
                expect(() => scanSources([{ path: `force-app/main/default/${name}`, content }])).not.toThrow();
            }
        }
    });

    it('do not move the positions after a character outside the BMP (an emoji in a comment)', () => {
        const content =
            '// too long 😭\n@IsTest\nprivate class T {\n    static void t() { insert new Account(); }\n}\n';
        const result = scanSources([{ path: 'force-app/main/default/classes/T.cls', content }]);
        // A test class: its DML is not reported, whatever the emoji did to offsets before.
        expect(result.findings.filter((f) => f.ruleId !== 'sharing-missing')).toEqual([]);
    });
});
