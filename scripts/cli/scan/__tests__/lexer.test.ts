/**
 * The scanner's Apex lexer (apex/parser/lexer.ts) against its oracle, apex-parser's ApexLexer: the same
 * token numbering and keywords, and on every input the same tokens (type, offsets, line, column, text;
 * positions in UTF-16 code units) or both an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApexLexer } from '@apexdevtools/apex-parser';
import { generateCorpus, prng } from '../../../dev/bench/corpus';
import { oracleTokens } from '../../../dev/apex-oracle/oracle';
import { apexUnitKind } from '../../lib/apex-kind';
import { walkFiles } from '../../lib/project';
import { lexApex } from '../apex/parser/lexer';
import { KEYWORDS, TOKEN, type LexedToken } from '../apex/parser/tokens';

const REPO = join(__dirname, '..', '..', '..', '..');

function ownApex(): Array<{ path: string; content: string }> {
    return walkFiles(join(REPO, 'force-app'))
        .filter((path) => apexUnitKind(path))
        .map((path) => ({ path, content: readFileSync(path, 'utf8') }));
}

function key(token: LexedToken): string {
    return [token.type, token.start, token.stop, token.line, token.column, token.text].join('|');
}

/** 'same' when both lex alike, 'both-reject' when both report an error; anything else throws. */
function compare(source: string, label: string): 'same' | 'both-reject' {
    const mine = lexApex(source);
    const reference = oracleTokens(source);
    if (!('type' in mine)) {
        if (!reference.error) {
            throw new Error(`${label}: rejected (${mine.message} at ${mine.line}:${mine.column}); ApexLexer accepts`);
        }
        return 'both-reject';
    }
    if (reference.error) {
        throw new Error(`${label}: accepted; ApexLexer reports an error`);
    }
    expect([label, mine.toTokens().map(key)]).toEqual([label, reference.tokens.map(key)]);
    return 'same';
}

describe('Apex lexer', () => {
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

    it('tells every keyword from an identifier in any case, and not their prefixes or extensions', () => {
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
        expect(compare(`${variants.join('\n')}\n`, 'keywords')).toBe('same');
        expect(words).toHaveLength(KEYWORDS.size + 1); // all but `system.runas`, plus true and false
    });

    it.each([
        [
            'dates and times',
            'x 2020-01-01 2020-01-01T10:00:00Z 10:00:00.5+05:30 2020-01-0 2020-01-01T10:00 1:2:3 12:30:00z'
        ],
        ['numbers', '1 1L 1l 1.5 1.5d 1.5D .5 1. 1.2.3 1e5 08 1Lx 1.5dx 123abc usd100 USD100.5 abc1x'],
        ['strings', "'a' 'it\\'s' '\\u00e9\\N\\T' 'two\nlines' '' '''\nmulti 'q' ''\n''' '''not'''"],
        ['bad escapes', "'\\q'"],
        ['an unterminated string', "x = 'abc"],
        ['searches', "[FIND 'a\\*b' RETURNING A] [ find\n'x'] [find {a'b}] [FIND :q] [find'x'] [findx 'y']"],
        ['comments', '/* a */ /** b */ /**/ // c\n x /* unterminated'],
        ['System.runAs', 'System.runAs System.RUNAS system.runAsX mysystem.runAs System . runAs'],
        ['operators', 'a>>>=b>>=c<<=d===e!==f<>g=>h??i?.j?.5 k>=l'],
        ['characters beyond ASCII', "// 😭 comment\nInteger 😭x = 1; String s = 'é😭'; é ā \u00a0 \u2028"],
        ['lone surrogates', 'a \uD800 b \uDC00 c'],
        ['characters no token starts with', 'a # b " c ` d \u0000'],
        ['carriage returns', 'a\r\nb\rc\n\td']
    ])('agrees on %s', (label, source) => {
        // Every fragment is lexed alone as well, so one error does not hide the others.
        for (const part of [source, ...source.split(' ')]) {
            expect(['same', 'both-reject']).toContain(compare(part, `${label}: ${JSON.stringify(part)}`));
        }
    });

    it("gives ApexLexer's tokens for the benchmark corpus and Warden's own Apex", () => {
        const sources = [...generateCorpus(20_000, 3).files.filter((f) => apexUnitKind(f.path)), ...ownApex()];
        expect(sources.length).toBeGreaterThan(150);
        for (const file of sources) {
            expect(compare(file.content, file.path)).toBe('same');
        }
    });

    it('agrees with ApexLexer on character-level mutants of real files', () => {
        const files = ownApex().map((file) => file.content);
        const inserts = ["'", '"', '\\', '/*', '*/', '.', '0', '2020-01-01', 'T10:00:00Z', '@', '#', 'é', '😭'];
        const more = ['\n', 'L', 'd', '>', '=', "[FIND '", "'''\n", 'System.runAs', '\\u00e9', '\\q', '\uD800'];
        const pieces = [...inserts, ...more];
        const random = prng(17);
        const outcomes = { same: 0, 'both-reject': 0 };
        for (let n = 0; n < 600; n += 1) {
            const base = files[Math.floor(random() * files.length)];
            const at = Math.floor(random() * base.length);
            const mutant =
                random() < 0.3
                    ? base.slice(0, at) + base.slice(at + 1)
                    : base.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + base.slice(at);
            outcomes[compare(mutant, `mutant ${n}`)] += 1;
        }
        expect(outcomes.same).toBeGreaterThan(300);
        expect(outcomes['both-reject']).toBeGreaterThan(50);
    });

    it('says where and why it cannot lex', () => {
        expect(lexApex("class A {\n    String s = 'abc\\q';\n}")).toEqual({
            line: 2,
            column: 16,
            message: "invalid escape sequence '\\q' in a string literal"
        });
        expect(lexApex('class A {\n  String s = "x";\n}')).toEqual({
            line: 2,
            column: 14,
            message: `unexpected character '"' (U+0022)`
        });
        expect(lexApex("x = 'never closed")).toMatchObject({
            line: 1,
            column: 5,
            message: 'unterminated string literal'
        });
        // Columns count UTF-16 code units, as editors and SARIF do: the emoji is two.
        expect(lexApex("'😭' #")).toMatchObject({ column: 6 });
    });
});
