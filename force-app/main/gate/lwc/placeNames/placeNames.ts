/**
 * Towns named without any context (Safe Harbor B): a capitalised word that the names dictionary lists as a town
 * (its `&` lines, one-word names of GeoNames' places of 2,000 people or more, built by
 * scripts/dev/generate/names.ts without English words, stop words, states, countries, organisations and the
 * other words of ordinary notes). "Moved here from Kuopio", "KUOPIO" in a form, "Espoo" alone on a line.
 * Apex's PhiRedactor (townCandidates) follows the same rules; the shared vectors bind them.
 */
import { beforeOrganisationNoun, isEponym, VEHICLE_MAKES } from 'c/nameCues';
import { type NameDictionary, nameKey } from 'c/nameDictionary';
import { bareClasses, classesOf, hashOf, isAllCaps, isCapitalised, PLACE, WordScanner } from 'c/nameWords';

/** Up to three capitalised words after a town, then one more word: where an instrument's name ends. */
const WORDS_AHEAD = /^(?:[ \t]{1,2}\p{Lu}\p{L}{1,20}){0,3}[ \t]{1,2}\p{L}{2,20}/u;
/** The one or two words right before a town. */
const WORDS_BEFORE = /(?:^|[^\p{L}])(\p{L}{2,20})[ \t]{1,2}(?:(\p{L}{2,20})[ \t]{1,2})?$/u;
/** The capitalised word right after a town. */
const NEXT_CAPITALISED = /^[ \t]{1,2}\p{Lu}\p{L}{1,20}/u;
/** A holiday named after a town ("Philadelphia Day"). */
const DAY_AFTER = /^[ \t]{1,2}Day(?!\p{L})/u;

/**
 * Whether the words after a town name an instrument, a sign or a disease (an eponym noun among the next four
 * words: "Epworth Sleepiness Scale", "Coxsackie virus"), or a holiday ("Philadelphia Day").
 */
function eponymOrHoliday(scan: string, end: number, dictionary: NameDictionary): boolean {
    if (isEponym(scan, end, dictionary.eponymNouns) || DAY_AFTER.test(scan.slice(end, end + 8))) {
        return true;
    }
    const m = WORDS_AHEAD.exec(scan.slice(end, end + 96));
    return m !== null && m[0].split(/[ \t]+/).some((w) => dictionary.eponymNouns.has(w.toLowerCase()));
}

/** Whether an organisation noun follows a town, or the word after it (Nokia Corporation, Malibu Beach Inn). */
function beforeOrganisation(scan: string, end: number): boolean {
    if (beforeOrganisationNoun(scan, end)) {
        return true;
    }
    const next = NEXT_CAPITALISED.exec(scan.slice(end, end + 24));
    return next !== null && beforeOrganisationNoun(scan, end + next[0].length);
}

/** Whether a vehicle make stands one or two words before a town: a model ("Jeep Grand Cherokee", "Chevy Malibu"). */
function afterVehicleMake(scan: string, start: number): boolean {
    const m = WORDS_BEFORE.exec(scan.slice(Math.max(0, start - 48), start));
    return m !== null && (VEHICLE_MAKES.has(m[1]) || (m[2] !== undefined && VEHICLE_MAKES.has(m[2])));
}

/**
 * Whether the word the scanner stands on is a town: capitalised, four letters or more (five in capitals, where
 * shorter words are acronyms), its key (a possessive 's aside) a town of the dictionary and nothing else in it
 * (a town that is also a name, Jackson or Tucson, is the name rules' to find), and not before an eponym noun, a
 * holiday's Day or an organisation noun, nor a vehicle's model (see the functions above).
 */
export function townAt(scan: string, word: WordScanner, dictionary: NameDictionary, known = -1): boolean {
    // `known`: the key's classes, a possessive 's aside, when c/nameFinder's classify has just looked them up.
    const start = word.start;
    const length = word.end - start;
    if (length < 4 || !isCapitalised(scan.charCodeAt(start)) || (length < 5 && isAllCaps(scan, word))) {
        return false;
    }
    let bits = known;
    if (bits < 0) {
        // The key as nameKey reads it: an ASCII word where it stands, in lower case, with the scanner's hash; any
        // other folded in a copy. Its classes with a possessive 's aside, as c/nameFinder's classify gives them.
        const key = word.ascii ? scan : nameKey(scan.slice(start, word.end), dictionary);
        const from = word.ascii ? start : 0;
        const to = word.ascii ? word.end : key.length;
        const lower = word.ascii ? 0x20 : 0;
        const whole = classesOf(dictionary.names, key, from, to, lower, word.ascii ? word.hash : hashOf(key, 0, to, 0));
        bits = bareClasses(dictionary.names, key, from, to, lower, whole);
    }
    return (
        // A town that is also a name (Jackson, Tucson) is left to the name rules, which find it alone as well.
        bits === PLACE &&
        !eponymOrHoliday(scan, word.end, dictionary) &&
        !beforeOrganisation(scan, word.end) &&
        !afterVehicleMake(scan, start)
    );
}

/** The spans of the towns of a text (see townAt), in text order. */
export function findPlaces(scan: string, dictionary: NameDictionary, emit: (start: number, end: number) => void): void {
    const words = new WordScanner(scan);
    while (words.next()) {
        if (townAt(scan, words, dictionary)) {
            emit(words.start, words.end);
        }
    }
}
