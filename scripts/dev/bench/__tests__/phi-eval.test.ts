/**
 * The scoring of `npm run eval:phi` (phi-types.ts) and its second corpus (clinical-notes.ts): the figures it
 * prints are only as good as these definitions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNameDictionary } from '../../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { clinicalNotes } from '../clinical-notes';
import { phaseShares } from '../eval-phi';
import { NOTE_TEMPLATES } from '../clinical-templates';
import { SAFE_HARBOR, f2, precision, presidioType, recall, score, typeOfCategory } from '../phi-types';

describe('phi-types scoring', () => {
    const text = 'Anna Berg was seen on 4 March in 1999 in France.';
    const gold = [
        { type: 'NAME', start: 0, end: 9 },
        { type: 'DATE', start: 22, end: 29 },
        { type: 'NEGATIVE', start: 33, end: 37 },
        { type: 'NEGATIVE', start: 41, end: 47 }
    ];

    it('counts found gold spans, correct predictions and false positives per type', () => {
        const predicted = [
            { start: 5, end: 9, category: 'Name' },
            { start: 33, end: 37, category: 'Date' }
        ];
        const s = score([{ text, spans: gold }], [predicted]);
        expect(s.perType.NAME).toEqual({ gold: 1, found: 1, predicted: 1, correct: 1 });
        expect(s.perType.DATE).toEqual({ gold: 1, found: 0, predicted: 1, correct: 0 });
        expect(s.negatives).toEqual({ gold: 2, hit: 1 });
        expect(s.overall).toEqual({ gold: 2, found: 1, predicted: 2, correct: 1 });
        expect(s.misses).toEqual([{ type: 'DATE', value: '4 March', context: text.slice(0, 69) }]);
        expect(s.falsePositives).toEqual([{ type: 'DATE', category: 'Date', value: '1999' }]);
    });

    it('computes recall, precision and F2, and leaves them undefined without counts', () => {
        const row = { gold: 10, found: 9, predicted: 12, correct: 9 };
        expect(recall(row)).toBeCloseTo(0.9);
        expect(precision(row)).toBeCloseTo(0.75);
        expect(f2(row)).toBeCloseTo((5 * 0.75 * 0.9) / (4 * 0.75 + 0.9));
        expect(recall({ gold: 0, found: 0, predicted: 1, correct: 0 })).toBeNaN();
        expect(precision({ gold: 1, found: 0, predicted: 0, correct: 0 })).toBeNaN();
    });

    it('reads Presidio labels as Safe Harbor types by their shape only', () => {
        expect(presidioType('GPE', 'France')).toBe('NEGATIVE');
        expect(presidioType('GPE', 'Ohio')).toBe('NEGATIVE');
        expect(presidioType('GPE', 'Kenosha')).toBe('CITY');
        expect(presidioType('DATE_TIME', '1999')).toBe('NEGATIVE');
        expect(presidioType('DATE_TIME', 'March 4th')).toBe('DATE');
        expect(presidioType('DATE_TIME', '03/04/2021')).toBe('DATE');
        expect(presidioType('AGE', '93')).toBe('AGE');
        expect(presidioType('AGE', '45 years')).toBe('NEGATIVE');
        expect(presidioType('ORGANIZATION', 'Acme')).toBeUndefined();
    });

    it('counts a false positive of the Address category as a ZIP, street or city by its shape', () => {
        expect(typeOfCategory('Address', '02139')).toBe('ZIP');
        expect(typeOfCategory('Address', '12 Main St')).toBe('STREET');
        expect(typeOfCategory('Address', 'Springfield')).toBe('CITY');
        expect(typeOfCategory('Unheard', 'x')).toBe('OTHER_ID');
    });
});

describe('the clinical-note corpus', () => {
    const notes = clinicalNotes(300, 7);

    it('is the same for the same seed and different for another', () => {
        expect(clinicalNotes(300, 7)).toEqual(notes);
        expect(clinicalNotes(300, 8)).not.toEqual(notes);
    });

    it('labels every slot value with a Safe Harbor type or NEGATIVE, at its place in the text', () => {
        const types = new Set([...SAFE_HARBOR.map((t) => t.type), 'NEGATIVE']);
        for (const note of notes) {
            for (const span of note.spans) {
                expect(types.has(span.type)).toBe(true);
                expect(span.end).toBeGreaterThan(span.start);
                expect(note.text.slice(span.start, span.end).trim()).toBe(note.text.slice(span.start, span.end));
            }
        }
        expect(notes.some((n) => /\{[A-Za-z]+\}/.test(n.text))).toBe(false);
    });

    it('has many templates and writes names in non-Latin scripts too', () => {
        const all = clinicalNotes(2000, 11);
        const names = all.flatMap((n) =>
            n.spans.filter((s) => s.type === 'NAME').map((s) => n.text.slice(s.start, s.end))
        );
        expect(names.some((n) => /\p{Script=Cyrillic}|\p{Script=Han}|\p{Script=Greek}/u.test(n))).toBe(true);
        expect(NOTE_TEMPLATES.length).toBeGreaterThan(30);
    });
});

describe('where findPhi spends its time', () => {
    it('gives each part a share of the CPU time, the matching and the names taking some', () => {
        const dictionary = parseNameDictionary(
            readFileSync(
                join(__dirname, '../../../../force-app/main/gate/staticresources/PhiNameDictionary.resource'),
                'utf8'
            )
        );
        const text = 'Patient Maria Lopez (MRN 4471230) lives at 12 Elm Street, Springfield; call 617-555-0142.';
        const shares = phaseShares([text], dictionary, 64_000);
        for (const share of Object.values(shares)) {
            expect(Number.isFinite(share) && share >= 0).toBe(true);
        }
        expect(Object.keys(shares).sort()).toEqual(['names', 'normalise', 'patterns', 'rest']);
        expect(shares.patterns + shares.names).toBeGreaterThan(0);
    });
});
