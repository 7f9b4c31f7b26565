/**
 * The quick checks the name rules make before a cue regex (c/nameCues `mayFollowCue`): wherever PERSON_CUE or
 * FAMILY_CUE matches the text before a word, the check must let the word through, or a name after a cue would be
 * lost. The plain engine shares the name rules, so equivalence.test.ts cannot see this. Also: the organisation
 * nouns that PhiRedactor.cls writes out in both forms are the TypeScript set, and its particles and the regexes of
 * particles and lower-case cues are the TypeScript ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    FAMILY_CUE,
    FAMILY_ENDINGS,
    LOWER_NAME_CUE,
    LOWER_NAME_NEXT,
    NAME_PARTICLES,
    ORGANISATION_NOUNS,
    PARTICLE_GAP,
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

describe('PARTICLE_GAP, NAME_PARTICLES, LOWER_NAME_CUE and LOWER_NAME_NEXT in both twins', () => {
    const apex = readFileSync(join(__dirname, '../../../../force-app/main/gate/classes/PhiRedactor.cls'), 'utf8');
    /** The Java regex of an Apex Pattern constant, its string literal read as Apex reads it. */
    const apexRegex = (name: string): string => {
        const m = new RegExp(`Pattern ${name} = Pattern\\.compile\\(\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*\\)`).exec(apex);
        expect(m).not.toBeNull();
        return (m as RegExpExecArray)[1].replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
            e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e
        );
    };
    const jsSource = (regex: RegExp): string =>
        regex.source.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

    it('PARTICLE_GAP: the same alternatives, matched whole in both', () => {
        expect(`^${apexRegex('PARTICLE_GAP')}$`).toBe(jsSource(PARTICLE_GAP));
        expect(PARTICLE_GAP.flags).toBe('');
    });

    it('NAME_PARTICLES: the alternatives of PARTICLE_GAP, and the same set in PhiRedactor.cls', () => {
        const alternatives = /\(\?:\(\?:([a-z|]+)\)/.exec(PARTICLE_GAP.source);
        expect(alternatives).not.toBeNull();
        expect(new Set((alternatives as RegExpExecArray)[1].split('|'))).toEqual(new Set(NAME_PARTICLES));
        const block = /Set<String> NAME_PARTICLES = new Set<String>\{([^}]*)\}/.exec(apex);
        expect(block).not.toBeNull();
        const words = Array.from((block as RegExpExecArray)[1].matchAll(/'([^']*)'/g), (m) => m[1]);
        expect(new Set(words)).toEqual(new Set(NAME_PARTICLES));
        expect(words.length).toBe(NAME_PARTICLES.size);
    });

    it('LOWER_NAME_CUE: the same regex, case-insensitive and at the end of the window in both', () => {
        expect(apexRegex('LOWER_NAME_CUE')).toBe(`(?i)${jsSource(LOWER_NAME_CUE).replace(/\$$/, '\\z')}`);
        expect(LOWER_NAME_CUE.flags).toBe('i');
    });

    it('LOWER_NAME_NEXT: the same regex, at the start of the window in both', () => {
        expect(apexRegex('LOWER_NAME_NEXT')).toBe(jsSource(LOWER_NAME_NEXT));
        expect(LOWER_NAME_NEXT.flags).toBe('');
    });
});
