/**
 * The names dictionary of the redactor (static resource PhiNameDictionary): its format, how a word is looked
 * up in it and classified, and how runs of classified words become the name spans the redactor hides.
 * Apex's PhiRedactor reads the same resource and follows the same rules; the shared vectors bind them.
 */
/**
 * Parsed PhiNameDictionary. Keys are folded lower-case names (see nameKey). `strong` names are not common
 * English words; `ambiguous` names are (Will, Grace, Smith) and count only beside another name; `stop`
 * words never join a name; `fold` maps accented letters to the base letters the dictionary uses.
 */
export type NameDictionary = {
    strong: Set<string>;
    ambiguous: Set<string>;
    /** Names that are also rarer English words (login, john): names except alone at a sentence start. */
    wordNames: Set<string>;
    /**
     * The ambiguous names that the word lists know only as common words, never capitalised (power, sales, door),
     * unlike those they also list as proper names (Will, Grace, Smith). Also in `ambiguous`.
     */
    commonWords: Set<string>;
    stop: Set<string>;
    fold: Map<string, string>;
    /** Family-name endings across languages (-sson, -dóttir, -ová, -ski, -enko, -ić ...), lower case. */
    suffixes: string[];
    /** Nouns after which a name is an eponym, not a person (Crohn's disease, Glasgow score). */
    eponymNouns: Set<string>;
};

/**
 * Dictionary format (UTF-8 text, one item per line): `#` comments; `@fold <base> <chars>` maps each char
 * to base; `@suffix <ending> ...` family-name endings; `-<word>` a stop word; `=<noun>` an eponym noun; `<prefix>:<suffix>|<suffix>...` strong names sharing a three-letter
 * prefix; the same with a leading `~` for ambiguous names, `%` for ambiguous names that are only common words and
 * `^` for word names.
 */
export function parseNameDictionary(text: string): NameDictionary {
    const dictionary: NameDictionary = {
        strong: new Set(),
        ambiguous: new Set(),
        wordNames: new Set(),
        commonWords: new Set(),
        stop: new Set(),
        fold: new Map(),
        suffixes: [],
        eponymNouns: new Set()
    };
    const lines = text.split('\n');
    for (let raw of lines) {
        raw = raw.replace(/\r$/, '');
        if (raw === '' || raw[0] === '#') {
            continue;
        }
        if (raw.startsWith('@fold ')) {
            const parts = raw.split(' ');
            for (const ch of parts[2] ?? '') {
                dictionary.fold.set(ch, parts[1]);
            }
            continue;
        }
        if (raw.startsWith('@suffix ')) {
            dictionary.suffixes.push(
                ...raw
                    .slice(8)
                    .split(' ')
                    .filter((x) => x !== '')
            );
            continue;
        }
        if (raw[0] === '-') {
            dictionary.stop.add(raw.slice(1));
            continue;
        }
        if (raw[0] === '=') {
            dictionary.eponymNouns.add(raw.slice(1));
            continue;
        }
        const marker = raw[0] === '~' || raw[0] === '%' || raw[0] === '^' ? raw[0] : '';
        const target =
            marker === '~' || marker === '%'
                ? dictionary.ambiguous
                : marker === '^'
                  ? dictionary.wordNames
                  : dictionary.strong;
        const body = marker ? raw.slice(1) : raw;
        const colon = body.indexOf(':');
        if (colon !== 3) {
            throw new Error(`Names dictionary: malformed line "${raw.slice(0, 40)}".`);
        }
        const prefix = body.slice(0, 3);
        for (const suffix of body.slice(4).split('|')) {
            target.add(prefix + suffix);
            if (marker === '%') {
                dictionary.commonWords.add(prefix + suffix);
            }
        }
    }
    return dictionary;
}

/** Lower-cases a token and folds accents with the dictionary's table; combining marks are dropped. */
export function nameKey(token: string, dictionary: NameDictionary): string {
    let ascii = true;
    for (let i = 0; i < token.length; i++) {
        if (token.charCodeAt(i) > 0x7f) {
            ascii = false;
            break;
        }
    }
    const lower = token.toLowerCase();
    if (ascii) {
        return lower;
    }
    let out = '';
    for (let i = 0; i < lower.length; i++) {
        const c = lower[i];
        const code = c.charCodeAt(0);
        if (code >= 0x300 && code <= 0x36f) {
            continue;
        }
        if (c === '\u2019') {
            out += "'";
            continue;
        }
        const folded = dictionary.fold.get(c);
        out += folded === undefined ? c : folded;
    }
    return out;
}

/** See classify. */
export type TokenClass = 'S' | 'R' | 'A' | 'U' | 'I' | 'W' | 'L' | 'l' | 'X';
type Token = {
    start: number;
    end: number;
    cls: TokenClass;
    sentenceStart: boolean | null;
    caps: boolean;
    /** Whether an ambiguous name (A) is only a common word (NameDictionary.commonWords). */
    common: boolean;
    /** Whether a name span already covers the token. */
    named: boolean;
};

const SENTENCE_BREAK = '.!?\n\r"\u201C(>[*\u2022';

function isCapitalised(token: string): boolean {
    const f = token.charAt(0);
    return f !== f.toLowerCase() && f === f.toUpperCase();
}

/** Dictionary class of a key: S strong, R word name, A ambiguous, null unknown. A possessive 's is ignored. */
function lookupName(key: string, dictionary: NameDictionary): 'S' | 'R' | 'A' | null {
    const bare = key.length > 4 && key.endsWith("'s") ? key.slice(0, -2) : key;
    if (dictionary.strong.has(bare)) {
        return 'S';
    }
    if (dictionary.wordNames.has(bare)) {
        return 'R';
    }
    if (dictionary.ambiguous.has(bare)) {
        return 'A';
    }
    if (bare.indexOf('-') > 0) {
        const parts = bare.split('-');
        let strong = 0;
        let known = 0;
        for (const part of parts) {
            if (dictionary.strong.has(part)) {
                strong++;
                known++;
            } else if (dictionary.ambiguous.has(part) || dictionary.wordNames.has(part)) {
                known++;
            }
        }
        if (strong > 0 && known === parts.length) {
            return 'S';
        }
    }
    return null;
}

/** Whether a lower-cased token ends in a family-name ending of the dictionary (and is longer than it). */
function hasSurnameSuffix(lower: string, dictionary: NameDictionary): boolean {
    for (const suffix of dictionary.suffixes) {
        if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
            return true;
        }
    }
    return false;
}

function isAllCaps(token: string): boolean {
    return token === token.toUpperCase() && token !== token.toLowerCase();
}

/**
 * Whether a UTF-16 code unit is a letter of the Latin script or of none (Basic Latin to Latin Extended-B,
 * IPA, Latin Extended Additional, C and D), so that a word starting with anything else is in another script.
 */
function isLatinOrCommon(code: number): boolean {
    return (
        code < 0x0300 ||
        (code >= 0x1d00 && code <= 0x1eff) ||
        (code >= 0x2c60 && code <= 0x2c7f) ||
        (code >= 0xa720 && code <= 0xa7ff)
    );
}

/**
 * W stop word, I initial (one capital letter), S strong name, A ambiguous name, U other capitalised word,
 * l lower-case strong name, X a capitalised word, or any word of a script without case, in a script other
 * than Latin (Иван, Παύλος, 王伟, 김민준), L anything else.
 */
function classify(token: string, dictionary: NameDictionary): TokenClass {
    const f = token.charCodeAt(0);
    if (!isLatinOrCommon(f)) {
        // One letter is a name only as a Han or Hangul syllable (魏), not in an alphabet (ג).
        if (token.length === 1 && !((f >= 0x3400 && f <= 0x9fff) || (f >= 0xac00 && f <= 0xd7af))) {
            return 'L';
        }
        const first = token.charAt(0);
        // Georgian (Mkhedruli, U+10D0-U+10FF) is written without case, though Unicode maps it to capitals.
        const caseless =
            (f >= 0x10d0 && f <= 0x10ff) || (first === first.toLowerCase() && first === first.toUpperCase());
        return caseless || isCapitalised(token) ? 'X' : 'L';
    }
    const lowerInitial = f >= 97 && f <= 122;
    if (lowerInitial && token.length < 3) {
        return 'L';
    }
    const capital = !lowerInitial && isCapitalised(token);
    if (!capital && !lowerInitial) {
        return 'L';
    }
    const key = nameKey(token, dictionary);
    if (!capital) {
        return lookupName(key, dictionary) === 'S' ? 'l' : 'L';
    }
    if (dictionary.stop.has(key)) {
        return 'W';
    }
    if (token.length === 1) {
        return 'I';
    }
    // Short all-capital words are acronyms (VIN, MAC, ER), not names.
    if (token.length <= 3 && isAllCaps(token)) {
        return 'U';
    }
    const found = lookupName(key, dictionary);
    if (found) {
        return found;
    }
    if (token.length >= 5 && !isAllCaps(token) && hasSurnameSuffix(token.toLowerCase(), dictionary)) {
        return 'S';
    }
    return 'U';
}

function atSentenceStart(scan: string, start: number): boolean {
    let i = start - 1;
    while (i >= 0 && (scan[i] === ' ' || scan[i] === '\t')) {
        i--;
    }
    return i < 0 || SENTENCE_BREAK.indexOf(scan[i]) >= 0;
}

const EPONYM_NEXT = /^[ \t]{1,2}([\p{L}]{2,20})/u;

/** A name directly followed by an eponym noun (disease, syndrome, sign, score ...) names no person. */
function isEponym(scan: string, end: number, dictionary: NameDictionary): boolean {
    // EPONYM_NEXT starts with a blank: a name before anything else is no eponym, without a cut-out.
    const next = scan.charCodeAt(end);
    if (dictionary.eponymNouns.size === 0 || (next !== 32 && next !== 9)) {
        return false;
    }
    const m = EPONYM_NEXT.exec(scan.slice(end, end + 24));
    return m !== null && dictionary.eponymNouns.has(m[1].toLowerCase());
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
const ORGANISATION_NEXT = /^[ \t]{1,2}(?:(?:and|&)[ \t]{1,2})?([\p{L}]{2,20})/u;

/** Joins two neighbouring tokens into one chain: one or two blanks, or ". " after an initial. */
function joins(scan: string, left: Token, right: Token): boolean {
    return (
        blanks(scan, left.end, right.start) ||
        (left.cls === 'I' && scan.charCodeAt(left.end) === 46 && blanks(scan, left.end + 1, right.start))
    );
}

/** Whether the text from `from` to `to` is one or two blanks (space or tab), as /^[ \t]{1,2}$/ says. */
function blanks(scan: string, from: number, to: number): boolean {
    if (to - from < 1 || to - from > 2) {
        return false;
    }
    for (let i = from; i < to; i++) {
        const c = scan.charCodeAt(i);
        if (c !== 32 && c !== 9) {
            return false;
        }
    }
    return true;
}

/**
 * A token's class, whether it is in capitals, and whether an ambiguous name is only a common word; null for a word
 * that plays no part in names (class L).
 */
export type TokenInfo = { cls: TokenClass; caps: boolean; common: boolean } | null;

/** The class of a token, whether it is in capitals, and whether an ambiguous name is only a common word. */
export function tokenInfo(token: string, dictionary: NameDictionary): TokenInfo {
    const cls = classify(token, dictionary);
    if (cls === 'L') {
        return null;
    }
    const common = cls === 'A' && isCommonWord(nameKey(token, dictionary), dictionary);
    return { cls, caps: token.length > 1 && isAllCaps(token), common };
}

/** Whether a key (a possessive 's aside) is an ambiguous name that is only a common word. */
function isCommonWord(key: string, dictionary: NameDictionary): boolean {
    const bare = key.length > 4 && key.endsWith("'s") ? key.slice(0, -2) : key;
    return dictionary.commonWords.has(bare);
}

/** The word-token regex: letters and marks, joined by an apostrophe or a hyphen. Apex's PhiRedactor runs it too. */
export const WORD_PATTERN = "[\\p{L}\\p{M}]+(?:['\\u2019-][\\p{L}\\p{M}]+)*";

const WORDS = new RegExp(WORD_PATTERN, 'gu');

/** An unknown capitalised word, an ambiguous name or a word name: what may stand around an initial. */
function nameOrUnknown(t: Token): boolean {
    return t.cls === 'U' || t.cls === 'A' || t.cls === 'R';
}

/**
 * Finds names among the classified words of a text. Capitalised tokens form chains (one or two blanks apart,
 * or "X. " initials). A strong name marks a span that grows right over up to three more name-like tokens
 * (names, initials, unknown capitalised words) and left over up to two (not over a sentence-initial unknown
 * or ambiguous word). Two or more ambiguous names or initials in a row (at least one name) also make a span.
 */
/** Words that name a person's role just before a name: "patient Smith", "Mrs Lane", "wife Hope". */
export const PERSON_CUE =
    /(?:^|[^A-Za-z])(?:patient|pt|mr|mrs|ms|miss|mx|dr|nurse|sister|brother|son|daughter|wife|husband|mother|father|spouse|partner|grandson|granddaughter|niece|nephew|aunt|uncle|cousin|fiancee?|friend|neighbou?r|stepson|stepdaughter|grandmother|grandfather|grandma|grandpa|mom|mum|dad)\.?[ \t]{1,2}$/i;

/**
 * An auxiliary verb opening a question or sentence, just before a name and a lower-case word: "Can Sunny call me
 * back?", "Will Hope be there?", "Is Rose still in ICU?".
 */
export const OPENING_AUXILIARY =
    /(?<![A-Za-z])(?:Can|Could|Will|Would|Should|Shall|Might|Must|Did|Does|Do|Is|Was|Has|Had|Have|Are|Were)[ \t]{1,2}$/;

/** Months that are also names (May, June): after an auxiliary they stay months ("Is May ok for you?"). */
const MONTH_NAMES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

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

/** What separates two items of a list of names: a comma, "and", "or" or "&", or a comma and one of them. */
const LIST_GAP = /^(?:,[ \t]{1,2}(?:(?:and|or|&)[ \t]{1,2})?|[ \t]{1,2}(?:and|or|&)[ \t]{1,2})$/;

/** A word that can be an item of a list of names: a name or an unknown capitalised word, not in capitals. */
function listMember(t: Token): boolean {
    return !t.caps && (t.cls === 'S' || t.cls === 'A' || t.cls === 'R' || t.cls === 'U');
}

/** Between a family name and the given name written after it: a comma and one or two blanks. */
const REVERSED_GAP = /^,[ \t]{1,2}$/;

/** A preposition of time, after which a word that can be a name is a month or a season: "in May", "since May". */
const TIME_PREPOSITION =
    /(?:^|[^A-Za-z])(?:in|on|since|until|till|by|during|of|early|late|mid|last|next|this|every)[ \t]{1,2}$/i;

/** Whether two places are on neighbouring lines, or with one blank line between them. */
function nextLines(scan: string, from: number, to: number): boolean {
    let breaks = 0;
    for (let i = from; i < to && breaks <= 2; i++) {
        if (scan.charCodeAt(i) === 10) {
            breaks++;
        }
    }
    return breaks === 1 || breaks === 2;
}

/** Labels of a speaker's role in a transcript (Bot: ..., Agent: ...), which are words that can be names. */
const ROLE_LABEL = /^(?:bot|agent|operator|host|guest|caller|system|chair|judge|coach)$/i;

class NameFinder {
    /** The words that can be part of a name, in text order (other words already stop two from joining). */
    private readonly tokens: Token[] = [];
    /** All words of the text, and those in another script than Latin. */
    private words = 0;
    private otherScript = 0;
    /**
     * Whether words in another script are names: when they are at most two thirds of the text's words, as a
     * patient's name written in Cyrillic or Han in an English note is; in a text in that script they are just
     * its words.
     */
    private otherScriptNames = false;

    constructor(
        private readonly scan: string,
        private readonly dictionary: NameDictionary,
        private readonly emit: (start: number, end: number) => void
    ) {}

    add(start: number, end: number, info: TokenInfo): void {
        this.words++;
        if (!isLatinOrCommon(this.scan.charCodeAt(start))) {
            this.otherScript++;
        }
        if (info !== null) {
            this.tokens.push({
                start,
                end,
                cls: info.cls,
                sentenceStart: null,
                caps: info.caps,
                common: info.common,
                named: false
            });
        }
    }

    run(): void {
        this.otherScriptNames = this.otherScript * 3 <= this.words * 2;
        const tokens = this.tokens;
        for (let k = 0; k < tokens.length; k++) {
            const cls = tokens[k].cls;
            if (this.anchors(k)) {
                k = this.growFrom(k);
            } else if (this.initialBetween(k)) {
                // Given name, initial, family name: "Faina D. Yefremova" even when neither is in the dictionary.
                this.push(k, k + 2);
                k += 2;
            } else if (cls === 'l') {
                k = this.lowerCaseNames(k);
            } else if (cls === 'A' || cls === 'I' || cls === 'R') {
                k = this.ambiguousRun(k);
            }
        }
        this.reversedNames();
        this.lists();
        this.dialogues();
    }

    /**
     * A family name written before the given name and a comma ("Smith, John was seen", "SMITH, JOHN"): a word of
     * the dictionary (a strong, ambiguous or word name, in capitals only before a name in capitals) just before
     * ", " and a name found right after it is that name's family name. An unknown word there stays ("However,
     * John"), and so does a word after a preposition of time ("In May, John went home").
     */
    private reversedNames(): void {
        const tokens = this.tokens;
        for (let k = 0; k + 1 < tokens.length; k++) {
            const t = tokens[k];
            const next = tokens[k + 1];
            if (
                !t.named &&
                next.named &&
                (t.cls === 'S' || t.cls === 'A' || t.cls === 'R') &&
                (!t.caps || next.caps) &&
                REVERSED_GAP.test(this.scan.slice(t.end, next.start)) &&
                !TIME_PREPOSITION.test(this.scan.slice(Math.max(0, t.start - 10), t.start))
            ) {
                this.push(k, k);
            }
        }
    }

    /**
     * Speakers of a dialogue: words alone at the start of neighbouring lines (at most one blank line apart),
     * each before a colon. When one of them is a name, the others are names too: "Ubul: What a wife.\nNicole:
     * Remember me". A column of labels none of which is a name (Subjective:, Objective:) stays.
     */
    private dialogues(): void {
        const tokens = this.tokens;
        let group: number[] = [];
        let named = false;
        const close = (): void => {
            for (let g = 0; g < group.length && group.length >= 2 && named; g++) {
                if (!tokens[group[g]].named) {
                    this.push(group[g], group[g]);
                }
            }
            group = [];
            named = false;
        };
        for (let k = 0; k < tokens.length; k++) {
            const t = tokens[k];
            if (
                t.caps ||
                !(t.cls === 'S' || t.cls === 'A' || t.cls === 'R' || t.cls === 'U') ||
                !this.speakerLabel(t)
            ) {
                continue;
            }
            if (group.length > 0 && !nextLines(this.scan, tokens[group[group.length - 1]].end, t.start)) {
                close();
            }
            group.push(k);
            named = named || t.named || t.cls === 'S';
        }
        close();
    }

    /**
     * Names in a list: in a run of capitalised words joined by commas and "and", "or" or "&" (at least one
     * conjunction), one of them already a name, the others are names too: "Gaetane, Hannah and Derek",
     * "Lamovec and Morales". All-capital words and stop words break the run.
     */
    private lists(): void {
        const tokens = this.tokens;
        let from = 0;
        while (from < tokens.length) {
            let to = from;
            let conjunction = false;
            while (to + 1 < tokens.length && listMember(tokens[to]) && listMember(tokens[to + 1])) {
                // LIST_GAP is 2 to 8 characters long: most neighbours, one blank apart, fail without a cut-out gap.
                const width = tokens[to + 1].start - tokens[to].end;
                if (width < 2 || width > 8) {
                    break;
                }
                const gap = this.scan.slice(tokens[to].end, tokens[to + 1].start);
                if (!LIST_GAP.test(gap)) {
                    break;
                }
                conjunction = conjunction || /[a-z&]/.test(gap);
                to++;
            }
            // Items of one word each: a run that goes on into more capitalised words (Reed Elsevier) is a list of
            // organisations or titles more often than of people.
            const alone = (from === 0 || !this.joined(from - 1)) && (to + 1 >= tokens.length || !this.joined(to));
            if (conjunction && to > from && alone) {
                let named = false;
                for (let j = from; j <= to; j++) {
                    named = named || tokens[j].named;
                }
                for (let j = from; j <= to && named; j++) {
                    if (!tokens[j].named) {
                        this.push(j, j);
                    }
                }
            }
            from = to + 1;
        }
    }

    private joined(k: number): boolean {
        return joins(this.scan, this.tokens[k], this.tokens[k + 1]);
    }

    private sentenceStart(t: Token): boolean {
        if (t.sentenceStart === null) {
            t.sentenceStart = atSentenceStart(this.scan, t.start);
        }
        return t.sentenceStart;
    }

    /**
     * Words a name may grow over: names, initials, and capitalised unknown words. In all-capital words only
     * strong names and initials: capitals do not tell a name from a shouted word.
     */
    private nameLike(t: Token): boolean {
        return (
            t.cls === 'S' ||
            t.cls === 'I' ||
            (t.cls === 'X' && this.otherScriptNames) ||
            this.ownScriptCapital(t) ||
            (!t.caps && (t.cls === 'R' || t.cls === 'A' || t.cls === 'U'))
        );
    }

    /**
     * In a text written in a script with case other than Latin (a Russian or Greek chat), where its words are
     * not names by their script alone: a capitalised word, not in capitals. Those languages capitalise proper
     * names and sentence starts only, so such a word away from a sentence start is a name (or a place, which
     * Safe Harbor removes as well); a word of a script without case (Han, Hangul, Kana) gives no such sign.
     */
    private ownScriptCapital(t: Token): boolean {
        if (t.cls !== 'X' || this.otherScriptNames || t.caps) {
            return false;
        }
        const first = this.scan.charAt(t.start);
        return first !== first.toLowerCase();
    }

    /**
     * A strong name anchors a span, and so does a word in another script (in a text mostly in Latin script); a
     * word name (R) does unless it stands alone at a sentence start; an unknown word does after a relative.
     */
    private anchors(k: number): boolean {
        const t = this.tokens[k];
        if (t.cls === 'S' || (t.cls === 'X' && this.otherScriptNames)) {
            return true;
        }
        if (t.cls === 'U' && !t.caps) {
            // An unknown capitalised word right after a word for a relative: "her husband Travon".
            return (
                mayFollowCue(this.scan, t.start, FAMILY_ENDINGS, false) &&
                FAMILY_CUE.test(this.scan.slice(Math.max(0, t.start - 16), t.start))
            );
        }
        // A capitalised word in a text in its own script is a name as a word name (R) is: away from a sentence
        // start, or at one when another such word follows ("Иван Петров поступил").
        if (t.cls !== 'R' && !this.ownScriptCapital(t)) {
            return false;
        }
        return (
            !this.sentenceStart(t) ||
            (k + 1 < this.tokens.length && this.nameLike(this.tokens[k + 1]) && this.joined(k))
        );
    }

    private push(from: number, to: number): void {
        if (
            !isEponym(this.scan, this.tokens[to].end, this.dictionary) &&
            !this.eponymWithin(from, to) &&
            !this.organisation(from, to) &&
            !this.vehicle(from)
        ) {
            this.emit(this.tokens[from].start, this.tokens[to].end);
            for (let j = from; j <= to; j++) {
                this.tokens[j].named = true;
            }
        }
    }

    /** Whether a span starts with a vehicle make, or right after one: it is the make and model of a vehicle. */
    private vehicle(from: number): boolean {
        const t = this.tokens[from];
        if (VEHICLE_MAKES.has(this.scan.slice(t.start, t.end))) {
            return true;
        }
        if (from === 0 || !this.joined(from - 1)) {
            return false;
        }
        const before = this.tokens[from - 1];
        return VEHICLE_MAKES.has(this.scan.slice(before.start, before.end));
    }

    /**
     * Whether a word after the first of a span is an eponym noun: the span grew over it, and names an instrument or
     * a sign ("Braden Scale 16", "Glasgow Coma Scale 15", "Barthel Index 85"), not a person.
     */
    private eponymWithin(from: number, to: number): boolean {
        for (let j = from + 1; j <= to; j++) {
            const t = this.tokens[j];
            if (this.dictionary.eponymNouns.has(this.scan.slice(t.start, t.end).toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a span is (or begins) an organisation's name: one of its words, or the word right after it, is an
     * organisation noun ("Jackson Industries", "Sutter Health", "Davis and Sons"), or it holds a Blue plan's name, or it
     * ends in a holiday.
     */
    private organisation(from: number, to: number): boolean {
        const scan = this.scan;
        for (let j = from; j <= to; j++) {
            if (ORGANISATION_NOUNS.has(scan.slice(this.tokens[j].start, this.tokens[j].end))) {
                return true;
            }
        }
        const end = this.tokens[to].end;
        if (to > from && BLUE_PLAN.test(scan.slice(this.tokens[from].start, end))) {
            return true;
        }
        if (HOLIDAY.test(scan.slice(Math.max(0, end - 20), end))) {
            return true;
        }
        const next = scan.charCodeAt(end);
        if (next !== 32 && next !== 9) {
            return false;
        }
        const m = ORGANISATION_NEXT.exec(scan.slice(end, end + 32));
        return m !== null && ORGANISATION_NOUNS.has(m[1]);
    }

    /** The span around an anchor at k; returns its last token. */
    private growFrom(k: number): number {
        const tokens = this.tokens;
        let right = k;
        while (right - k < 3 && right + 1 < tokens.length && this.nameLike(tokens[right + 1]) && this.joined(right)) {
            right++;
        }
        let left = k;
        while (k - left < 2 && left - 1 >= 0 && this.joined(left - 1)) {
            const prev = tokens[left - 1];
            const ok =
                prev.cls === 'S' ||
                prev.cls === 'R' ||
                prev.cls === 'I' ||
                (prev.cls === 'X' && this.otherScriptNames) ||
                (this.ownScriptCapital(prev) && !this.sentenceStart(prev)) ||
                // An ambiguous name right before the anchor is a given name even at a sentence start ("Maria
                // Garcia was seen", "Smith Jones called"); one word further ("Met Maria Garcia") it is the
                // sentence's verb as often, and an unknown word there is most often just the sentence's first.
                (!prev.caps &&
                    (prev.cls === 'A' || prev.cls === 'U') &&
                    ((prev.cls === 'A' && left === k) || !this.sentenceStart(prev)));
            if (!ok) {
                break;
            }
            left--;
        }
        this.push(left, right);
        return right;
    }

    /** An unknown, ambiguous or word name, an initial, and another such word, joined. */
    private initialBetween(k: number): boolean {
        const tokens = this.tokens;
        return (
            nameOrUnknown(tokens[k]) &&
            k + 2 < tokens.length &&
            tokens[k + 1].cls === 'I' &&
            nameOrUnknown(tokens[k + 2]) &&
            this.joined(k) &&
            this.joined(k + 1)
        );
    }

    /** Lower-case strong names (not English words at all): "patricia desrosiers", "pamela". Returns the last. */
    private lowerCaseNames(k: number): number {
        const tokens = this.tokens;
        let to = k;
        while (to + 1 < tokens.length && tokens[to + 1].cls === 'l' && this.joined(to)) {
            to++;
        }
        // One lower-case name alone counts only from five letters on (short ones are often foreign words).
        if (to > k || tokens[k].end - tokens[k].start >= 5) {
            this.push(k, to);
        }
        return to;
    }

    /**
     * Ambiguous names, word names and initials in a row, at least two with one name, or one name right after
     * a word for a person. Returns the last.
     */
    private ambiguousRun(k: number): number {
        const tokens = this.tokens;
        const t = tokens[k];
        const from = t.cls !== 'I' && this.sentenceStart(t) ? k + 1 : k;
        let to = k;
        while (
            to + 1 < tokens.length &&
            (tokens[to + 1].cls === 'A' || tokens[to + 1].cls === 'I' || tokens[to + 1].cls === 'R') &&
            this.joined(to)
        ) {
            to++;
        }
        let names = 0;
        let proper = 0;
        for (let j = from; j <= to; j++) {
            if (tokens[j].cls !== 'I') {
                names++;
            }
            if (!tokens[j].common) {
                proper++;
            }
        }
        // Words that are only common words make no name together ("Full Code", "Front Door", "Air Force"): a name,
        // a word name or an initial among them does ("Will Power", "J. Power").
        if (to - from >= 1 && names >= 1 && proper >= 1) {
            this.push(from, to);
        } else if (
            to === k &&
            t.cls !== 'I' &&
            (this.afterPersonCue(t) || (t.cls === 'R' && this.speakerLabel(t)) || this.afterOpeningAuxiliary(t))
        ) {
            // One ambiguous or word name alone counts after a word for a person ("patient Smith called"), after
            // an auxiliary verb that opens the sentence ("Can Sunny call me back?"), and a word name (not an
            // ambiguous one: Billing, Bot) as a speaker's label at the start of a line ("John: I feel better").
            this.push(k, k);
        } else if (
            from === k + 1 &&
            to === from &&
            tokens[to].cls !== 'I' &&
            (this.afterPersonCue(tokens[to]) || this.afterOpeningAuxiliary(tokens[to]))
        ) {
            // The same after a person word or an auxiliary that opens the sentence and is itself a name ("Husband
            // Dale present", "Daughter Autumn at bedside", "Will Hope be there?", "Can Sunny call?"): the run began
            // at the cue, which is no name there.
            this.push(to, to);
        }
        return to;
    }

    private afterPersonCue(t: Token): boolean {
        return (
            mayFollowCue(this.scan, t.start, PERSON_ENDINGS, true) &&
            PERSON_CUE.test(this.scan.slice(Math.max(0, t.start - 12), t.start))
        );
    }

    /**
     * See OPENING_AUXILIARY: the auxiliary opens the sentence, and a blank and a lower-case letter follow the name,
     * which is no common word only ("Will Power be restored?", "Can Sales call me?").
     */
    private afterOpeningAuxiliary(t: Token): boolean {
        const scan = this.scan;
        if (t.common) {
            return false;
        }
        const next = t.end + 1 < scan.length ? scan.charCodeAt(t.end + 1) : 0;
        const blank = scan.charCodeAt(t.end);
        if ((blank !== 32 && blank !== 9) || next < 97 || next > 122 || t.start < 3) {
            return false;
        }
        const from = Math.max(0, t.start - 10);
        const m = OPENING_AUXILIARY.exec(scan.slice(from, t.start));
        if (m === null || MONTH_NAMES.test(scan.slice(t.start, t.end))) {
            return false;
        }
        return atSentenceStart(scan, from + m.index);
    }

    /** A word alone at the start of a line (after blanks or quote marks) and followed by a colon. */
    private speakerLabel(t: Token): boolean {
        if (this.scan.charCodeAt(t.end) !== 58 || ROLE_LABEL.test(this.scan.slice(t.start, t.end))) {
            return false;
        }
        let i = t.start - 1;
        while (i >= 0 && (this.scan[i] === ' ' || this.scan[i] === '\t' || this.scan[i] === '>')) {
            i--;
        }
        return i < 0 || this.scan[i] === '\n' || this.scan[i] === '\r';
    }
}

/** The name spans of a text, from its word tokens (WORD_PATTERN) and their classes (names in lists last, out of text order). */
export function findNames(scan: string, dictionary: NameDictionary, emit: (start: number, end: number) => void): void {
    const finder = new NameFinder(scan, dictionary, emit);
    WORDS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORDS.exec(scan)) !== null) {
        const word = m[0];
        finder.add(m.index, m.index + word.length, tokenInfo(word, dictionary));
    }
    finder.run();
}
