/**
 * c/patternTree `factorAlternatives`: the regex source the redactor compiles, with the alternatives of each
 * alternation gathered by their first character. It must match exactly what the written source matches, at the
 * same places, with the same groups. equivalence.test.ts holds the whole redactor to the plain engine (which
 * compiles the sources as written); this test holds each rewritten regex to its source directly, on texts made
 * of the pattern's own words, so that every alternative is reached.
 */
import { factorAlternatives } from '../../../../force-app/main/gate/lwc/patternTree/patternTree';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { seededRandom } from '../../lib/random';

describe('factorAlternatives', () => {
    it.each([
        ['claim|ticket|case', 'c(?:laim|ase)|ticket'],
        ['(?:claim|case) no|ticket', 'c(?:laim|ase) no|ticket'],
        ['ab|a|ac', 'a(?:b||c)'],
        ['x(?:He|She|Hers)y', 'x(?:H(?:e(?:|rs))|She)y'],
        ['(?!(?:dr|mr|dx))[a-z]+', '(?!(?:d(?:r|x)|mr))[a-z]+']
    ])('gathers the alternatives of %j by their first character: %j', (source, expected) => {
        expect(factorAlternatives(source, false)).toBe(expected);
    });

    it('reads letters in either case as one first character only in a case-insensitive pattern', () => {
        expect(factorAlternatives('Ab|ac', true)).toBe('A(?:b|c)');
        expect(factorAlternatives('Ab|ac', false)).toBe('Ab|ac');
    });

    it('keeps the order across an alternative whose first character overlaps others', () => {
        // [Ll] and [a-z] overlap "l" without being it: no alternative is moved across them; [A-Z] does not.
        expect(factorAlternatives('lo|[Ll]a|li', false)).toBe('lo|[Ll]a|li');
        expect(factorAlternatives('lo|x|li|[a-z]a|la', false)).toBe('l(?:o|i)|x|[a-z]a|la');
        expect(factorAlternatives('lo|x|li|[A-Z]a|la', false)).toBe('l(?:o|i|a)|x|[A-Z]a');
    });

    it('leaves alternations with capturing groups, lookbehinds and sources outside the subset as they are', () => {
        expect(factorAlternatives('a(b)|a(c)', false)).toBe('a(b)|a(c)');
        expect(factorAlternatives('(?<!(?:ab|ac))x', false)).toBe('(?<!(?:ab|ac))x');
        expect(factorAlternatives('(a)\\1|ab', false)).toBe('(a)\\1|ab');
        expect(factorAlternatives('(?:x|y)+z|xq', false)).toBe('(?:x|y)+z|xq');
    });

    it('spreads a leading group over its alternative only while the room of twice the source lasts', () => {
        const source = '(?:a|b|c|d)' + 'x'.repeat(20) + '|bq';
        const out = factorAlternatives(source, false);
        expect(out.length).toBeLessThanOrEqual(3 * source.length);
        expect(new RegExp(out).source).toBe(out);
    });

    /** Texts of a pattern's own words and digits, joined by blanks, punctuation and line feeds, in random cases. */
    function textsFor(source: string, count: number, seed: number): string[] {
        const random = seededRandom(seed);
        const words = Array.from(new Set(source.match(/[A-Za-z]{2,}|[0-9]+/g) ?? ['x']));
        const joins = [' ', '  ', '\n', ', ', ': ', '#', '-', '.', ' 1234567 ', ' AB12-345 ', '\t', '(', ') ', '/'];
        const texts: string[] = [];
        for (let t = 0; t < count; t++) {
            let text = '';
            for (let w = 0; w < 60; w++) {
                let word = words[Math.floor(random() * words.length)];
                const r = random();
                if (r < 0.2) {
                    word = word.toUpperCase();
                } else if (r < 0.4) {
                    word = word.charAt(0).toUpperCase() + word.slice(1);
                }
                text += word + joins[Math.floor(random() * joins.length)];
            }
            texts.push(text);
        }
        return texts;
    }

    function allMatches(regex: RegExp, text: string): string[] {
        const out: string[] = [];
        regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = regex.exec(text)) !== null) {
            out.push(m.index + ':' + JSON.stringify(Array.from(m)));
            if (m[0].length === 0) {
                regex.lastIndex++;
            }
        }
        return out;
    }

    it('finds the same matches and groups as the written source, for every shipped pattern', () => {
        let factored = 0;
        let matched = 0;
        SHIPPED_PATTERNS.forEach((pattern, p) => {
            const rewritten = factorAlternatives(pattern.pattern, pattern.caseInsensitive);
            if (rewritten === pattern.pattern) {
                return;
            }
            factored++;
            const flags = 'g' + (pattern.caseInsensitive ? 'i' : '');
            const written = new RegExp(pattern.pattern, flags);
            const regex = new RegExp(rewritten, flags);
            for (const text of textsFor(pattern.pattern, 40, 1000 + p)) {
                const expected = allMatches(written, text);
                matched += expected.length;
                expect(allMatches(regex, text)).toEqual(expected);
            }
        });
        expect(factored).toBeGreaterThanOrEqual(60);
        expect(matched).toBeGreaterThan(1000);
    });
});
