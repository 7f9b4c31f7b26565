/**
 * The name rules of the redactor: how the words of a text are classified with the names dictionary
 * (c/nameDictionary) and how runs of classified words, with the cues around them (c/nameCues), become the name
 * spans the redactor hides. Apex's PhiRedactor follows the same rules; the shared vectors bind them.
 */
import {
    bareClasses,
    classesOf,
    COMMON_ONLY,
    HAS_HYPHEN,
    hashOf,
    hasSuffix,
    isAllCaps,
    isCapitalised,
    isCaseless,
    nameClass,
    STOP,
    WordScanner
} from 'c/nameWords';
import { foldKey, type NameDictionary } from 'c/nameDictionary';
import { townAt } from 'c/placeNames';
import {
    beforeOrganisationNoun,
    BLUE_PLAN,
    FAMILY_CUE,
    FAMILY_ENDINGS,
    HOLIDAY,
    isEponym,
    LOWER_NAME_CUE,
    LOWER_NAME_NEXT,
    mayFollowCue,
    MONTH_NAMES,
    NAME_PARTICLES,
    OPENING_AUXILIARY,
    ORGANISATION_NOUNS,
    PARTICLE_GAP,
    PERSON_CUE,
    PERSON_ENDINGS,
    VEHICLE_MAKES
} from 'c/nameCues';

/** See classify. */
export type TokenClass = 'S' | 'R' | 'A' | 'U' | 'I' | 'W' | 'L' | 'l' | 'X';
type Token = {
    start: number;
    end: number;
    cls: TokenClass;
    sentenceStart: boolean | null;
    caps: boolean;
    /** Whether an ambiguous name (A) is only a common word (COMMON_ONLY in the dictionary's table). */
    common: boolean;
    /** Whether a name span already covers the token. */
    named: boolean;
};

const SENTENCE_BREAK = '.!?\n\r"\u201C(>[*\u2022';

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
function classify(scan: string, word: WordScanner, dictionary: NameDictionary, seen: { bits: number }): TokenClass {
    seen.bits = -1;
    const start = word.start;
    const length = word.end - start;
    const f = scan.charCodeAt(start);
    if (!isLatinOrCommon(f)) {
        // One letter is a name only as a Han or Hangul syllable (魏), not in an alphabet (ג).
        if (length === 1 && !((f >= 0x3400 && f <= 0x9fff) || (f >= 0xac00 && f <= 0xd7af))) {
            return 'L';
        }
        // Georgian (Mkhedruli, U+10D0-U+10FF) is written without case, though Unicode maps it to capitals.
        const caseless = (f >= 0x10d0 && f <= 0x10ff) || isCaseless(f);
        return caseless || isCapitalised(f) ? 'X' : 'L';
    }
    const lowerInitial = f >= 97 && f <= 122;
    if (lowerInitial && length < 3) {
        return 'L';
    }
    const capital = !lowerInitial && isCapitalised(f);
    if (!capital && !lowerInitial) {
        return 'L';
    }
    // The key (nameKey): an ASCII word is read where it stands, in lower case; any other is folded in a copy.
    const lowered = word.ascii ? scan : scan.slice(start, word.end).toLowerCase();
    const key = word.ascii ? scan : foldKey(lowered, dictionary);
    const from = word.ascii ? start : 0;
    const to = word.ascii ? word.end : key.length;
    const lower = word.ascii ? 0x20 : 0;
    const hyphens = !word.ascii || (word.letters & HAS_HYPHEN) !== 0;
    const bits = classesOf(dictionary.names, key, from, to, lower, word.ascii ? word.hash : hashOf(key, 0, to, 0));
    seen.bits = bareClasses(dictionary.names, key, from, to, lower, bits);
    if (!capital) {
        if (nameClass(dictionary.names, key, from, to, lower, bits, hyphens) === 'S') {
            // A particle in lower case (von, del, ibn) joins the words around it (PARTICLE_GAP), no name itself.
            return word.ascii && NAME_PARTICLES.has(scan.slice(start, word.end)) ? 'L' : 'l';
        }
        return articleAt(scan, start, word.end) ? afterArticle(key, from + 3, to, lower, dictionary) : 'L';
    }
    if ((bits & STOP) !== 0) {
        return 'W';
    }
    if (length === 1) {
        return 'I';
    }
    // Short all-capital words are acronyms (VIN, MAC, ER), not names.
    if (length <= 3 && isAllCaps(scan, word)) {
        return 'U';
    }
    const found = nameClass(dictionary.names, key, from, to, lower, bits, hyphens);
    if (found) {
        return found;
    }
    if (articleAt(scan, start, word.end)) {
        return afterArticle(key, from + 3, to, lower, dictionary);
    }
    const surname =
        length >= 5 &&
        !isAllCaps(scan, word) &&
        hasSuffix(dictionary.suffixes, lowered, from, word.ascii ? to : lowered.length, lower);
    return surname ? 'S' : 'U';
}

/**
 * Whether a word is an Arabic family name written with its article, "al-" or "el-" in either case before a capital
 * ("al-Hassan", "El-Sayed"): the article is no word of the dictionary, so the name after it is looked up alone.
 */
function articleAt(scan: string, start: number, end: number): boolean {
    const a = scan.charCodeAt(start) | 0x20;
    return (
        end - start > 4 &&
        (a === 97 || a === 101) &&
        (scan.charCodeAt(start + 1) | 0x20) === 108 &&
        scan.charCodeAt(start + 2) === 45 &&
        isCapitalised(scan.charCodeAt(start + 3))
    );
}

/** The class of the name after an article (articleAt), as a capitalised word: a name's, or U when unknown. */
function afterArticle(key: string, from: number, to: number, lower: number, dictionary: NameDictionary): TokenClass {
    const bits = classesOf(dictionary.names, key, from, to, lower, hashOf(key, from, to, lower));
    return nameClass(dictionary.names, key, from, to, lower, bits, true) ?? 'U';
}

function atSentenceStart(scan: string, start: number): boolean {
    let i = start - 1;
    while (i >= 0 && (scan[i] === ' ' || scan[i] === '\t')) {
        i--;
    }
    return i < 0 || SENTENCE_BREAK.indexOf(scan[i]) >= 0;
}

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

    /** The classes of the last word's key, a possessive 's aside, when classify looked it up (-1 when it did not). */
    private readonly seen = { bits: -1 };

    constructor(
        private readonly scan: string,
        private readonly dictionary: NameDictionary,
        private readonly emit: (start: number, end: number) => void,
        private readonly town?: (start: number, end: number) => void
    ) {}

    /** Classifies the scanner's word and keeps it when it can be part of a name (not of class L). */
    add(word: WordScanner): void {
        this.words++;
        if (!isLatinOrCommon(this.scan.charCodeAt(word.start))) {
            this.otherScript++;
        }
        const cls = classify(this.scan, word, this.dictionary, this.seen);
        if (this.town !== undefined && townAt(this.scan, word, this.dictionary, this.seen.bits)) {
            this.town(word.start, word.end);
        }
        if (cls !== 'L') {
            const caps = word.end - word.start > 1 && isAllCaps(this.scan, word);
            // Only a common word (COMMON_ONLY, the dictionary's `%` lines: power, sales, door), as nameClass reads it.
            const common = cls === 'A' && (this.seen.bits & COMMON_ONLY) !== 0;
            this.tokens.push({
                start: word.start,
                end: word.end,
                cls,
                sentenceStart: null,
                caps,
                common,
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
            !isEponym(this.scan, this.tokens[to].end, this.dictionary.eponymNouns) &&
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
        return beforeOrganisationNoun(scan, end);
    }

    /** The span around an anchor at k; returns its last token. */
    private growFrom(k: number): number {
        const tokens = this.tokens;
        let right = k;
        while (
            right - k < 3 &&
            right + 1 < tokens.length &&
            this.nameLike(tokens[right + 1]) &&
            (this.joined(right) || this.particleBetween(right))
        ) {
            right++;
        }
        let left = k;
        while (k - left < 2 && left - 1 >= 0) {
            const particle = !this.joined(left - 1);
            if (particle && !this.particleBetween(left - 1)) {
                break;
            }
            const prev = tokens[left - 1];
            const ok =
                // A name before a particle is a given name even at a sentence start ("Maria de los Angeles").
                (particle && prev.cls === 'A') ||
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

    /**
     * Whether the tokens at k and k + 1 are two words of one name with lower-case particles between them (PARTICLE_GAP):
     * "Ludwig van der Berg", "J. de Vries", "Ahmad bin Yusuf". Neither in capitals; the second a name or an unknown
     * capitalised word.
     */
    private particleBetween(k: number): boolean {
        const left = this.tokens[k];
        const right = this.tokens[k + 1];
        if (
            left.caps ||
            right.caps ||
            !(right.cls === 'S' || right.cls === 'A' || right.cls === 'R' || right.cls === 'U')
        ) {
            return false;
        }
        return this.particleGap(
            left.cls === 'I' && this.scan.charCodeAt(left.end) === 46 ? left.end + 1 : left.end,
            right.start
        );
    }

    /** Whether the text from `from` to `to` is lower-case particles between blanks (PARTICLE_GAP). */
    private particleGap(from: number, to: number): boolean {
        // PARTICLE_GAP is 4 to 18 characters long: most gaps fail without a cut-out.
        const width = to - from;
        return width >= 4 && width <= 18 && PARTICLE_GAP.test(this.scan.slice(from, to));
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
        while (
            to + 1 < tokens.length &&
            tokens[to + 1].cls === 'l' &&
            (this.joined(to) || this.particleGap(tokens[to].end, tokens[to + 1].start))
        ) {
            to++;
        }
        // One lower-case name alone counts from five letters on (short ones are often foreign words or abbreviations),
        // or after a word that a name follows in a chat or note (LOWER_NAME_CUE, PERSON_CUE): "thanks adam", or before
        // what a person does (LOWER_NAME_NEXT): "ana called back".
        if (to > k || tokens[k].end - tokens[k].start >= 5 || this.lowerCued(tokens[k])) {
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

    /** A short lower-case name's cue, before or after it (see lowerCaseNames). */
    private lowerCued(t: Token): boolean {
        return (
            this.afterPersonCue(t) ||
            LOWER_NAME_CUE.test(this.scan.slice(Math.max(0, t.start - 14), t.start)) ||
            LOWER_NAME_NEXT.test(this.scan.slice(t.end, t.end + 12))
        );
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

/**
 * The name spans of a text, from its word tokens (WORD_PATTERN) and their classes (names in lists last, out of text
 * order). With `town`, also the towns of c/placeNames (as findPlaces finds them), from the same pass over the words
 * and the same dictionary lookups: findPhi takes both at once.
 */
export function findNames(
    scan: string,
    dictionary: NameDictionary,
    emit: (start: number, end: number) => void,
    town?: (start: number, end: number) => void
): void {
    const finder = new NameFinder(scan, dictionary, emit, town);
    const words = new WordScanner(scan);
    while (words.next()) {
        finder.add(words);
    }
    finder.run();
}
