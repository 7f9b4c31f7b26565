/**
 * The words around a run of name-like words that say whether it names a person: the cues before a name (a word for
 * a person's role or a relative, an auxiliary that opens a question) and the quick check made before their regexes,
 * and the words that make a run something else (an organisation, a vehicle, a Blue plan, a holiday). Used by the
 * name rules of c/nameDictionary; Apex's PhiRedactor has the same lists and regexes, and the shared vectors bind
 * them.
 */

/** Words that name a person's role just before a name: "patient Smith", "Mrs Lane", "wife Hope". */
export const PERSON_CUE =
    /(?:^|[^A-Za-z])(?:patient|pt|mr|mrs|ms|miss|mx|dr|nurse|sister|brother|son|daughter|wife|husband|mother|father|spouse|partner|grandson|granddaughter|niece|nephew|aunt|uncle|cousin|fiancee?|friend|neighbou?r|stepson|stepdaughter|grandmother|grandfather|grandma|grandpa|mom|mum|dad)\.?[ \t]{1,2}$/i;

/**
 * Lower-case particles of family names ("Ludwig van der Berg", "Pieter de Vries", "Ahmad bin Yusuf", "Maria de los
 * Angeles"), one or two of them between two capitalised words of one name. Lower case only: "Van Nuys" and "De Soto"
 * are places. Apex's PhiRedactor has the same regex.
 */
export const PARTICLE_GAP =
    /^[ \t]{1,2}(?:(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|los|las|ter|ten|bin|binti|bint|ibn|al|el)[ \t]{1,2}){1,2}$/;

/**
 * The particles of PARTICLE_GAP. Some are names of the dictionary as well (von, del, ibn): written in lower case they
 * are particles, no name of their own, so that the words either side of them join. Apex's PhiRedactor has the same set.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
    'van von der den de del della di da das dos du la le los las ter ten bin binti bint ibn al el'.split(' ')
);

/**
 * Words a chat or a note puts before a short name written in lower case: a greeting or thanks ("thanks adam", "hi
 * kim"), a self-introduction ("im nina", "this is ana"), a request to pass a message on ("tell greg", "ask ana"), or a
 * caregiver's role ("nurse kim", "my therapist greg"). Apex's PhiRedactor has the same regex.
 */
export const LOWER_NAME_CUE =
    /(?:^|[^A-Za-z'\u2019])(?:thanks|thank[ \t]you|thx|hi|hey|hello|dear|bye|sorry|im|i'm|i\u2019m|this[ \t]is|it's|it\u2019s|its|tell|ask|nurse|dr|doctor|therapist|counsel?lor|pharmacist|midwife|coach)[.,]?[ \t]{1,2}$/i;

/**
 * What follows a short name in lower case that a person does, in a chat or note: "ok so ana called back", "kim said
 * to wait", "liam and i went". Apex's PhiRedactor has the same regex.
 */
export const LOWER_NAME_NEXT =
    /^[ \t]{1,2}(?:called|calls|said|says|asked|asks|told|tells|texted|emailed|wants|thinks|and[ \t]i|and[ \t]me)(?![A-Za-z])/;

/**
 * An auxiliary verb opening a question or sentence, just before a name and a lower-case word: "Can Sunny call me
 * back?", "Will Hope be there?", "Is Rose still in ICU?".
 */
export const OPENING_AUXILIARY =
    /(?<![A-Za-z])(?:Can|Could|Will|Would|Should|Shall|Might|Must|Did|Does|Do|Is|Was|Has|Had|Have|Are|Were)[ \t]{1,2}$/;

/** Months that are also names (May, June): after an auxiliary they stay months ("Is May ok for you?"). */
export const MONTH_NAMES =
    /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Words for a relative just before a name, after which even an unknown capitalised word is one. */
export const FAMILY_CUE =
    /(?:^|[^A-Za-z])(?:wife|husband|daughter|son|sister|brother|mother|father|spouse|grandson|granddaughter|niece|nephew|fiancee?|aunt|uncle|cousin|stepson|stepdaughter|grandmother|grandfather|grandma|grandpa|mom|mum|dad|son-in-law|daughter-in-law|mother-in-law|father-in-law|brother-in-law|sister-in-law|stepmother|stepfather|stepmom|stepdad|boyfriend|girlfriend|caregiver|guardian)[ \t]{1,2}$/i;

/**
 * The last letters (a bit per a-z) of the words of a cue regex like PERSON_CUE: the regex is tried only after
 * a word ending in one of them, since cutting the text before every capitalised word out for it cost more than
 * all the name rules' other work. Read from the regex itself, so the two cannot drift.
 */
function cueEndings(cue: RegExp): number {
    const words = /\(\?:([a-z|?-]+)\)/.exec(cue.source);
    if (words === null) {
        throw new Error('A cue regex without its list of words.');
    }
    let bits = 0;
    for (const word of words[1].split('|')) {
        // An optional last letter (fiancee?, neighbou?r): the word may end in it or in the letter before.
        const last = word.endsWith('?')
            ? [word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 3)]
            : [word.charCodeAt(word.length - 1)];
        for (const c of last) {
            bits |= 1 << (c - 97);
        }
    }
    return bits;
}

export const PERSON_ENDINGS = cueEndings(PERSON_CUE);
export const FAMILY_ENDINGS = cueEndings(FAMILY_CUE);

/**
 * Whether the text before `start` can end a cue whose words end in `endings` (cueEndings): one or two blanks,
 * after a dot when `dot` allows it, after a letter of `endings` in either case. What the cue regexes require
 * there, so a word that fails this fails them too.
 */
export function mayFollowCue(scan: string, start: number, endings: number, dot: boolean): boolean {
    // Indices checked before reading: charCodeAt out of the text gives NaN, which the compiler leaves a slow path for.
    let i = start - 1;
    if (i < 1 || !isBlank(scan.charCodeAt(i))) {
        return false;
    }
    i--;
    if (isBlank(scan.charCodeAt(i)) && --i < 0) {
        return false;
    }
    if (dot && scan.charCodeAt(i) === 46 && --i < 0) {
        return false;
    }
    // An ASCII letter in lower case; `| 0x20` maps no other code unit into a-z.
    const lower = scan.charCodeAt(i) | 0x20;
    return lower >= 97 && lower <= 122 && (endings & (1 << (lower - 97))) !== 0;
}

function isBlank(c: number): boolean {
    return c === 32 || c === 9;
}

/**
 * Words of organisations' names after a family name ("Miller Inc", "Sutter Health", "Abbott Laboratories", "Davis
 * and Sons", "Porter Law Firm"), as a company writes them: capitalised, or in capitals. Apex's PhiRedactor has the
 * same list.
 */
export const ORGANISATION_NOUNS: ReadonlySet<string> = organisationNouns(
    'Inc Incorporated LLC LLP Ltd PLC GmbH Corp Corporation Company Group Holdings Partners Associates Industries ' +
        'Enterprises Laboratories Labs Pharmaceutical Pharmaceuticals Pharma Therapeutics Diagnostics Biosciences ' +
        'Scientific Healthcare Health Medical Dental Clinic Clinics Hospital Hospitals Pharmacy Center Centre Memorial ' +
        'Foundation Institute University College Academy Insurance Consulting Systems Solutions Technologies ' +
        'Agency Capital Ventures Motors Airlines Logistics Media Realty Properties Construction Services Sons ' +
        'Firm Society Association Trust Council Inn Hotel Hotels Resort Motel'
);

function organisationNouns(words: string): Set<string> {
    const out = new Set<string>();
    for (const word of words.split(' ')) {
        out.add(word);
        out.add(word.toUpperCase());
    }
    return out;
}

/**
 * Makers of cars and motorcycles, before the model they name ("a Honda Civic", "driver of a Toyota Corolla", "a Jeep
 * Grand Cherokee"); not those that are given names as well (Mercedes, Harley, Lincoln, Kia). Apex's PhiRedactor has
 * the same list.
 */
export const VEHICLE_MAKES: ReadonlySet<string> = new Set(
    (
        'Toyota Honda Nissan Ford Chevy Chevrolet Dodge Jeep Subaru Hyundai Mazda Volkswagen VW BMW Audi Lexus Acura ' +
        'Infiniti Tesla Volvo Buick Cadillac GMC Chrysler Mitsubishi Porsche Jaguar Fiat Pontiac Yamaha Kawasaki Ducati'
    ).split(' ')
);

/**
 * Names of the Blue Cross and Blue Shield plans, whose words are names elsewhere ("Jane Blue", "Amy Cross"): a span
 * with one in it is the plan ("Blue Cross Blue Shield", "Florida Blue"). Apex's PhiRedactor has the same regex.
 */
export const BLUE_PLAN = /Blue[ \t]{1,2}(?:Cross|Shield|Care)(?![\p{L}\p{M}])|Florida[ \t]{1,2}Blue(?![\p{L}\p{M}])/u;

/**
 * Holidays named by a word that is a name elsewhere ("Labor Day", "Columbus Day", "Martin Luther King Day", "St.
 * Patrick's Day"), at the end of a span: the holiday, not a person (Doris Day stays). Apex's PhiRedactor has the same.
 */
export const HOLIDAY =
    /(?:Labor|Labour|Memorial|Independence|Veterans|Presidents|Columbus|Victoria|King|Patrick['\u2019]s|Valentine['\u2019]s|Mother['\u2019]s|Father['\u2019]s|Boxing|Canada|Remembrance|Election|Earth|Flag|Groundhog)[ \t]{1,2}Day$/;

/** The word after a name, after "and" or "&" when one comes first ("Davis and Sons"). */
export const ORGANISATION_NEXT = /^[ \t]{1,2}(?:(?:and|&)[ \t]{1,2})?([\p{L}]{2,20})/u;

/** Whether an organisation noun follows the word that ends at `end` ("Davis and Sons", "Toyota Motors"). */
export function beforeOrganisationNoun(scan: string, end: number): boolean {
    const next = scan.charCodeAt(end);
    if (next !== 32 && next !== 9) {
        return false;
    }
    const m = ORGANISATION_NEXT.exec(scan.slice(end, end + 32));
    return m !== null && ORGANISATION_NOUNS.has(m[1]);
}

const EPONYM_NEXT = /^[ \t]{1,2}([\p{L}]{2,20})/u;

/** A name directly followed by an eponym noun (disease, syndrome, sign, score ...) names no person. */
export function isEponym(scan: string, end: number, eponymNouns: ReadonlySet<string>): boolean {
    // EPONYM_NEXT starts with a blank: a name before anything else is no eponym, without a cut-out.
    const next = scan.charCodeAt(end);
    if (eponymNouns.size === 0 || (next !== 32 && next !== 9)) {
        return false;
    }
    const m = EPONYM_NEXT.exec(scan.slice(end, end + 24));
    return m !== null && eponymNouns.has(m[1].toLowerCase());
}
