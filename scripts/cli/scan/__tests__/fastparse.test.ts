/**
 * The fast parser (apex/fastparse.ts) must never disagree with apex-parser: on any file it accepts,
 * apex-parser must accept it too and build the same tree; on anything else it must give up. These
 * tests compare the two directly (the scanner's other suites also cross-check every file they parse,
 * see scripts/dev/jest/crosscheck-env.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApexErrorListener, ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';
import { generateCorpus } from '../../../dev/bench/corpus';
import { walkFiles } from '../../lib/project';
import { TreeBuilder } from '../apex/build';
import { EXTRA_ANY_ID_TOKENS, ID_TOKENS, antlrLex, fastParseApex } from '../apex/fastparse';
import { KEYWORDS, TOKEN, lexApex, type LexedToken } from '../apex/lexer';
import { apexKindOf, parseApex, type ApexKind } from '../apex/parse';
import { treeDifference } from '../apex/treediff';

type Outcome = 'same' | 'gave-up' | 'both-reject';

/** Parses with both parsers; throws on any disagreement. */
function compare(source: string, kind: ApexKind, label: string): Outcome {
    const fast = fastParseApex(source, kind);
    const reference = parseApex(source, kind);
    if (!fast) {
        return reference.errors.length > 0 ? 'both-reject' : 'gave-up';
    }
    if (reference.errors.length > 0) {
        throw new Error(`${label}: the fast parser accepted code apex-parser rejects: ${reference.errors[0].message}`);
    }
    const difference = treeDifference(new TreeBuilder(source).build(reference), fast);
    if (difference) {
        throw new Error(`${label}: trees differ at ${difference}`);
    }
    return 'same';
}

function acceptedByApexParser(source: string): boolean {
    let errors = 0;
    const listener = new (class extends ApexErrorListener {
        apexSyntaxError(): void {
            errors += 1;
        }
    })();
    ApexParserFactory.createLexerAndParser(source, listener).parser.compilationUnit();
    return errors === 0;
}

const REPO = join(__dirname, '..', '..', '..', '..');

/** ApexLexer's on-channel tokens and EOF as comparable strings, or null when it reports an error. */
function antlrTokens(source: string): string[] | null {
    return antlrLex(source)?.map(tokenKey) ?? null;
}

function tokenKey(token: LexedToken): string {
    return [token.type, token.start, token.stop, token.line, token.column, token.type === -1 ? '' : token.text].join(
        '|'
    );
}

describe('fast lexer', () => {
    it("numbers tokens and spells keywords as apex-parser's lexer does", () => {
        const names = (ApexLexer as unknown as { symbolicNames: Array<string | null> }).symbolicNames;
        const literals = (ApexLexer as unknown as { literalNames: Array<string | null> }).literalNames;
        const numbering = names.map((name, type) => (name ? [name, TOKEN[name] === type] : null)).filter(Boolean);
        expect(numbering.filter((entry) => !entry![1])).toEqual([]);
        expect(numbering.length).toBe(255);
        const keywords = literals
            .map((literal, type) => [literal, type] as const)
            .filter(([literal]) => literal && /^'[a-z_0-9.]+'$/i.test(literal) && literal !== "'.'")
            .map(([literal, type]) => [literal!.slice(1, -1), type]);
        expect(keywords.map(([text]) => [text, KEYWORDS.get(text as string)])).toEqual(keywords);
        expect(keywords.length).toBe(KEYWORDS.size);
    });

    it('tells every keyword from an identifier as ApexLexer does, in any case, and not their prefixes or extensions', () => {
        const words = [...KEYWORDS.keys(), 'true', 'false'].filter((word) => /^[a-z0-9_]+$/.test(word));
        const mixed = (word: string): string =>
            [...word].map((char, index) => (index % 2 === 0 ? char.toUpperCase() : char)).join('');
        const variants = words.flatMap((word) => [
            word,
            word.toUpperCase(),
            mixed(word),
            `${word}x`,
            `${word}_1`,
            `$${word}`,
            word.slice(0, -1) || 'a'
        ]);
        const source = `${variants.join('\n')}\n`;
        const mine = lexApex(source);
        expect(mine).not.toBeNull();
        expect(mine!.map(tokenKey)).toEqual(antlrTokens(source));
        expect(words).toHaveLength(KEYWORDS.size + 1); // all but `system.runas`, plus true and false
    });

    it("gives apex-parser's tokens for the corpus, Warden's Apex and character-level mutants", () => {
        const sources = [
            ...generateCorpus(6_000, 3).files.filter((f) => apexKindOf(f.path)),
            ...walkFiles(join(REPO, 'force-app'))
                .filter((path) => apexKindOf(path))
                .map((path) => ({ path, content: readFileSync(path, 'utf8') }))
        ];
        let lexed = 0;
        for (const file of sources) {
            const mine = lexApex(file.content);
            expect([file.path, mine?.map(tokenKey)]).toEqual([file.path, antlrTokens(file.content)]);
            lexed += 1;
        }
        expect(lexed).toBeGreaterThan(100);
        // Mutants: characters deleted or inserted at many places of one file.
        const base = readFileSync(join(REPO, 'force-app/main/gate/classes/GateSelector.cls'), 'utf8');
        const inserts = ["'", '"', '\\', '/*', '*/', '.', '0', '2020-', '@', '#', '\u00e9', '\n', 'L', 'd', '>', '='];
        let agreed = 0;
        let rejected = 0;
        const mismatches: string[] = [];
        for (let at = 0; at < base.length; at += 19) {
            for (const mutant of [
                base.slice(0, at) + base.slice(at + 1),
                base.slice(0, at) + inserts[at % inserts.length] + base.slice(at)
            ]) {
                const mine = lexApex(mutant)?.map(tokenKey) ?? null;
                const reference = antlrTokens(mutant);
                if (mine && JSON.stringify(mine) !== JSON.stringify(reference)) {
                    mismatches.push(`at ${at}: ${JSON.stringify(mutant.slice(Math.max(0, at - 20), at + 20))}`);
                }
                agreed += mine ? 1 : 0;
                rejected += !mine && !reference ? 1 : 0;
            }
        }
        expect(mismatches).toEqual([]);
        expect(agreed).toBeGreaterThan(100);
        expect(rejected).toBeGreaterThan(0);
    });
});

describe('fast parser', () => {
    it('uses the same identifier keywords as the grammar', () => {
        const names = (ApexLexer as unknown as { symbolicNames: Array<string | null> }).symbolicNames;
        const literals = (ApexLexer as unknown as { literalNames: Array<string | null> }).literalNames;
        const ids = new Set(ID_TOKENS.split(/\s+/));
        const anyIds = new Set([...ids, ...EXTRA_ANY_ID_TOKENS.split(/\s+/)]);
        let checked = 0;
        literals.forEach((literal, type) => {
            if (!literal || !/^'[a-z_0-9]+'$/i.test(literal)) {
                return;
            }
            const keyword = literal.slice(1, -1);
            const name = names[type]!;
            expect([name, acceptedByApexParser(`class A { void m() { Integer ${keyword} = 1; } }`)]).toEqual([
                name,
                ids.has(name)
            ]);
            expect([name, acceptedByApexParser(`class A { void m() { a.${keyword} = 1; } }`)]).toEqual([
                name,
                anyIds.has(name)
            ]);
            checked += 1;
        });
        expect(checked).toBeGreaterThan(150);
    });

    it("builds apex-parser's tree for every file of the benchmark corpus and of Warden itself", () => {
        const corpus = generateCorpus(12_000).files.filter((f) => apexKindOf(f.path));
        const own = walkFiles(join(REPO, 'force-app'))
            .filter((path) => apexKindOf(path))
            .map((path) => ({ path, content: readFileSync(path, 'utf8') }));
        expect(corpus.length).toBeGreaterThan(100);
        expect(own.length).toBeGreaterThan(40);
        const outcomes: Record<Outcome, number> = { same: 0, 'gave-up': 0, 'both-reject': 0 };
        for (const file of [...corpus, ...own]) {
            outcomes[compare(file.content, apexKindOf(file.path)!, file.path)] += 1;
        }
        // Real code goes through the fast path; giving up is for rare shapes only.
        expect(outcomes['both-reject']).toBe(0);
        expect(outcomes.same).toBeGreaterThanOrEqual(0.97 * (corpus.length + own.length));
    });

    it('never accepts a token-deletion mutant that apex-parser rejects', () => {
        const sources = [
            ...generateCorpus(1_500, 7)
                .files.filter((f) => f.path.endsWith('.cls'))
                .slice(0, 3),
            {
                path: 'InferenceGuard.cls',
                content: readFileSync(join(REPO, 'force-app/main/gate/classes/InferenceGuard.cls'), 'utf8')
            }
        ];
        const outcomes: Record<Outcome, number> = { same: 0, 'gave-up': 0, 'both-reject': 0 };
        for (const file of sources) {
            const lexer = ApexParserFactory.createLexer(file.content);
            const tokens = lexer.getAllTokens().filter((t) => t.channel === 0);
            // Every 13th token of each file, removed one at a time (apex-parser's error recovery on
            // each mutant is what makes this test slow; the sweep over every token was run once by hand).
            for (let index = 3; index < tokens.length; index += 13) {
                const token = tokens[index];
                const mutant = file.content.slice(0, token.start) + file.content.slice(token.stop + 1);
                outcomes[compare(mutant, 'class', `${file.path} without token ${index} '${token.text}'`)] += 1;
            }
        }
        // Deleting a token usually breaks the syntax, and then both must reject; a few deletions
        // (a modifier, a unary minus) leave valid code, which both must parse alike.
        expect(outcomes['both-reject']).toBeGreaterThan(60);
        expect(outcomes.same).toBeGreaterThan(3);
    });

    const EXPRESSIONS = [
        'a + b * c - d / e',
        'a - b - c',
        '-a.b++',
        '!a && b || c',
        'a ?? b ?? c',
        'a == b != c',
        'a < b && c >= d || e <= f',
        'a << 2 >> 1 >>> 3',
        'a ? b : c ? d : e',
        'x = y = z',
        'x += a ? 1 : 2',
        '(String) m.get(k)',
        '(List<Account>) JSON.deserialize(s, List<Account>.class)',
        '(a + b) * c',
        '((a)).b',
        '(a).b()',
        'a instanceof Foo && b',
        'new Map<Id, List<Contact>>{ a => b, c => d }',
        'new Set<String>{ a, b }',
        'new List<String>()',
        'new List<String>{}',
        'new String[]{ a, b, }',
        'new Integer[5]',
        'new Account(Name = n, Phone = p)',
        'Foo.class',
        'void.class',
        'this.x',
        'super.m(1)',
        'this(a)',
        'a?.b?.c()',
        'a[i][j]',
        '~a | b & c ^ d',
        '"x"',
        "'it\\'s \\u0041\\n'",
        '1L + 2.5 + 3.0d',
        'TRUE || false',
        'null',
        '++i + i--',
        'Schema.SObjectType.Account.fields.Name.isAccessible()',
        "[SELECT Id, Name, (SELECT Id FROM Contacts WHERE Email != null) FROM Account WHERE Id IN :ids AND Name LIKE :'%' + q WITH USER_MODE ORDER BY Name DESC NULLS LAST LIMIT :n OFFSET 5]",
        '[SELECT COUNT() FROM Contact WHERE CreatedDate = LAST_N_DAYS:30 OR Birthdate > 2020-01-01]',
        '[SELECT Status s, COUNT(Id) c FROM Case GROUP BY Status ORDER BY COUNT(Id) DESC]',
        '[SELECT Id FROM Account WHERE NOT Name = null]',
        '[SELECT Id FROM Account WHERE (A = 1 OR B = 2) AND C IN (1, 2, 3)]',
        '[SELECT FIELDS(ALL) FROM Account LIMIT 200]',
        '[SELECT Id FROM Account FOR UPDATE]',
        // Shapes the fast parser leaves to apex-parser; either way the two must not disagree.
        '(a) - b',
        '(count) + 1',
        "[FIND 'x' IN ALL FIELDS RETURNING Account]",
        '[SELECT TYPEOF What WHEN Account THEN Name END FROM Event]',
        '[SELECT Id FROM Account a WHERE a.Name = null]',
        '[SELECT Id FROM Account WHERE A = 1 AND B = 2 OR C = 3]',
        '[SELECT Id FROM Account WHERE NOT A = 1 AND B = 2]',
        'a +',
        'new Foo',
        '(String)'
    ];

    it.each(EXPRESSIONS)('agrees with apex-parser on %s', (expression) => {
        const source = `public class E {\n    Object m() {\n        return ${expression};\n    }\n}\n`;
        // compare() throws on any disagreement; every outcome left is a legitimate one.
        expect(['same', 'gave-up', 'both-reject']).toContain(compare(source, 'class', expression));
    });

    it('parses the common expression shapes itself (the comparison above is not vacuous)', () => {
        const accepted = EXPRESSIONS.filter((e) => fastParseApex(`class E { Object m() { return ${e}; } }`, 'class'));
        expect(accepted.length).toBeGreaterThanOrEqual(45);
    });

    const STATEMENTS = [
        'for (Integer i = 0, j = 1; i < n; i++, j--) { continue; }',
        'for (;;) { break; }',
        'for (Account a : [SELECT Id FROM Account]) update a;',
        'while (x) x--;',
        'do { x++; } while (x < 3);',
        'try { a(); } catch (DmlException e) { b(); } catch (Exception e) { c(); } finally { d(); }',
        "switch on s { when 'a', 'b' { x(); } when 1, -2 { y(); } when Account acc { z(); } when else { w(); } }",
        'switch on e { when RED, GREEN { x(); } when null { y(); } }',
        'insert as user records;',
        'update as system records;',
        'upsert records Account.Fields.External__c;',
        'merge master dup;',
        'delete [SELECT Id FROM Task];',
        'System.runAs(u) { run(); }',
        'final List<Account> accs = new List<Account>();',
        'Map<Id, Account> byId = new Map<Id, Account>(accs), other;',
        'if (a) if (b) x(); else y();',
        "throw new MyException('x');",
        'return;',
        'a.b.c = 5;',
        'foo(x);'
    ];

    it.each(STATEMENTS)('agrees with apex-parser on the statement %s', (statement) => {
        compare(`public class S {\n    void m() {\n        ${statement}\n    }\n}\n`, 'class', statement);
        expect(fastParseApex(`public class S { void m() { ${statement} } }`, 'class')).not.toBeNull();
    });

    it('agrees on declarations, triggers and anonymous Apex', () => {
        const declarations = [
            'global with sharing class A extends B implements C, D.E { }',
            'public class A { @AuraEnabled(cacheable=true) public static List<String> m(Id a, final String b) { return null; } }',
            "@IsTest private class T { @TestSetup static void s() {} @IsTest(SeeAllData=false) static void t() { System.assert(true, 'x'); } }",
            'public class A { public String p { get; private set; } Integer q { get { return 1; } set { q = value; } } }',
            'public class A { static { x = 1; } { y = 2; } ; Integer x, y = 3; public A() { this(1); } A(Integer i) { super(); } }',
            'public inherited sharing class A { enum Color { RED, GREEN } interface I { void m(); String n(Integer a); } class Inner { } }',
            'public interface I extends J, K { List<String> m(); }',
            'public enum E { A, B }',
            "@JsonAccess(serializable='always' deserializable='never') public class A { }"
        ];
        for (const source of declarations) {
            expect(compare(source, 'class', source)).toBe('same');
        }
        const trigger = [
            'trigger T on Account (before insert, after update) {',
            '    List<Account> rows = Trigger.new;',
            '    for (Account a : rows) { a.Name = a.Name.trim(); }',
            '    void helper() { }',
            '    Handler.run(Trigger.new);',
            '}'
        ].join('\n');
        expect(compare(trigger, 'trigger', 'trigger')).toBe('same');
        expect(compare('Integer i = 1;\nSystem.debug(i);\nvoid m() { }\n', 'anonymous', 'anonymous')).toBe('same');
        expect(compare('', 'anonymous', 'empty anonymous')).not.toBe('both-reject');
    });
});
