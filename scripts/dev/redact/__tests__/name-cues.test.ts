/**
 * The quick checks the name rules make before a cue regex (c/nameCues `mayFollowCue`): wherever PERSON_CUE or
 * FAMILY_CUE matches the text before a word, the check must let the word through, or a name after a cue would be
 * lost. The plain engine shares the name rules, so equivalence.test.ts cannot see this. Also: the organisation
 * nouns that PhiRedactor.cls writes out in both forms are the TypeScript set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    FAMILY_CUE,
    FAMILY_ENDINGS,
    ORGANISATION_NOUNS,
    PERSON_CUE,
    PERSON_ENDINGS,
    mayFollowCue
} from '../../../../force-app/main/gate/lwc/nameCues/nameCues';
import { seededRandom } from '../../lib/random';

type Cue = { name: string; regex: RegExp; endings: number; dot: boolean; window: number };

/** The cues as the name rules call them: the regex over the window before the word (see NameFinder). */
const CUES: Cue[] = [
    { name: 'PERSON_CUE', regex: PERSON_CUE, endings: PERSON_ENDINGS, dot: true, window: 12 },
    { name: 'FAMILY_CUE', regex: FAMILY_CUE, endings: FAMILY_ENDINGS, dot: false, window: 16 }
];

/** The cue words of a regex, with both forms of an optional letter (fiancee?, neighbou?r). */
function cueWords(regex: RegExp): string[] {
    const list = /\(\?:([a-z|?-]+)\)/.exec(regex.source);
    expect(list).not.toBeNull();
    return (list as RegExpExecArray)[1].split('|').flatMap((word) => {
        const q = word.indexOf('?');
        return q < 0 ? [word] : [word.slice(0, q - 1) + word.slice(q + 1), word.slice(0, q) + word.slice(q + 1)];
    });
}

/** Texts ending where a word would start: cue words in several cases, before, dots and blanks around them. */
function textsBefore(words: string[]): string[] {
    const out: string[] = [];
    for (const word of words) {
        const cased = [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()];
        for (const w of cased) {
            for (const before of ['', 'x', ' ', '(', 'grand', 'step', '\u00e9']) {
                for (const dot of ['', '.', ',']) {
                    for (const blanks of ['', ' ', '  ', '\t', ' \t', '   ']) {
                        out.push(before + w + dot + blanks);
                    }
                }
            }
        }
    }
    return out;
}

/** Seeded random texts over letters that end cue words, dots, blanks and others. */
function randomTexts(count: number): string[] {
    const alphabet = 'aAdDeErRnNtTsSmMwWxXyYbB.. \t\t,(\u00e9\u212a';
    const rand = seededRandom(20261207);
    const pick = (n: number): number => Math.floor(rand() * n);
    return Array.from({ length: count }, () =>
        Array.from({ length: pick(20) }, () => alphabet[pick(alphabet.length)]).join('')
    );
}

describe.each(CUES)('$name before a word', (cue) => {
    it('lets every word through that the cue regex matches before', () => {
        const texts = [...textsBefore(cueWords(cue.regex)), ...randomTexts(20000)];
        let matched = 0;
        let refused = 0;
        const lost: string[] = [];
        for (const before of texts) {
            const scan = before + 'Smith';
            const start = before.length;
            const matches = cue.regex.test(scan.slice(Math.max(0, start - cue.window), start));
            const allowed = mayFollowCue(scan, start, cue.endings, cue.dot);
            matched += matches ? 1 : 0;
            refused += allowed ? 0 : 1;
            if (matches && !allowed) {
                lost.push(before);
            }
        }
        expect(lost).toEqual([]);
        // Both sides occur, so the check above compares something and the quick check does filter.
        expect(matched).toBeGreaterThan(100);
        expect(refused).toBeGreaterThan(1000);
    });
});

describe('ORGANISATION_NOUNS in both twins', () => {
    it('is the same set in PhiRedactor.cls, written out there in both forms', () => {
        const apex = readFileSync(join(__dirname, '../../../../force-app/main/gate/classes/PhiRedactor.cls'), 'utf8');
        const block = /Set<String> ORGANISATION_NOUNS = new Set<String>\{([^}]*)\}/.exec(apex);
        expect(block).not.toBeNull();
        const words = Array.from((block as RegExpExecArray)[1].matchAll(/'([^']*)'/g), (m) => m[1]);
        expect(new Set(words)).toEqual(new Set(ORGANISATION_NOUNS));
        expect(words.length).toBe(ORGANISATION_NOUNS.size);
    });
});
