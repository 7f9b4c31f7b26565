/**
 * The names dictionary of the redactor (static resource PhiNameDictionary): its format, and the key a word is
 * looked up by. How words are classified with it and how runs of them become the name spans the redactor hides
 * is c/nameFinder's. Apex's PhiRedactor reads the same resource and follows the same rules; the shared vectors
 * bind them.
 */
import {
    AMBIGUOUS,
    buildNameTable,
    keysOf,
    markerClass,
    type NameTable,
    STOP,
    STRONG,
    type Suffixes,
    suffixesByLast,
    WORD_NAME
} from 'c/nameWords';

/**
 * Parsed PhiNameDictionary. Keys are folded lower-case names (see nameKey), in one table (c/nameWords) with
 * their classes: STRONG names are not common English words; AMBIGUOUS names are (Will, Grace, Smith) and count
 * only beside another name; WORD_NAME names are rarer English words (login, john), names except alone at a
 * sentence start; STOP words never join a name. `fold` maps accented letters to the base letters the
 * dictionary uses.
 */
export type NameDictionary = {
    names: NameTable;
    fold: Map<string, string>;
    /**
     * Family-name endings across languages (-sson, -dóttir, -ová, -ski, -enko, -ić ...), lower case, by their
     * last code unit.
     */
    suffixes: Suffixes;
    /** Nouns after which a name is an eponym, not a person (Crohn's disease, Glasgow score). */
    eponymNouns: Set<string>;
};

/** The keys of a dictionary's class (for tools that list them); see NameDictionary. */
export function dictionaryKeys(
    dictionary: NameDictionary,
    cls: 'strong' | 'ambiguous' | 'wordNames' | 'stop'
): string[] {
    const bits = { strong: STRONG, ambiguous: AMBIGUOUS, wordNames: WORD_NAME, stop: STOP }[cls];
    return keysOf(dictionary.names, bits);
}

/**
 * Dictionary format (UTF-8 text, one item per line): `#` comments; `@fold <base> <chars>` maps each char
 * to base; `@suffix <ending> ...` family-name endings; `-<word>` a stop word; `=<noun>` an eponym noun; `<prefix>:<suffix>|<suffix>...` strong names sharing a three-letter
 * prefix; the same with a leading `~` for ambiguous names, `%` for ambiguous names that are only common words,
 * `^` for word names and `&` for towns (c/placeNames).
 */
export function parseNameDictionary(text: string): NameDictionary {
    const fold = new Map<string, string>();
    const suffixes: string[] = [];
    const eponymNouns = new Set<string>();
    const keys: string[] = [];
    const classes: number[] = [];
    const lines = text.split('\n');
    for (let raw of lines) {
        raw = raw.replace(/\r$/, '');
        if (raw === '' || raw[0] === '#') {
            continue;
        }
        if (raw.startsWith('@fold ')) {
            const parts = raw.split(' ');
            for (const ch of parts[2] ?? '') {
                fold.set(ch, parts[1]);
            }
            continue;
        }
        if (raw.startsWith('@suffix ')) {
            suffixes.push(
                ...raw
                    .slice(8)
                    .split(' ')
                    .filter((x) => x !== '')
            );
            continue;
        }
        if (raw[0] === '-') {
            keys.push(raw.slice(1));
            classes.push(STOP);
            continue;
        }
        if (raw[0] === '=') {
            eponymNouns.add(raw.slice(1));
            continue;
        }
        const marked = markerClass(raw[0]);
        const cls = marked ?? STRONG;
        const body = marked === null ? raw : raw.slice(1);
        const colon = body.indexOf(':');
        if (colon !== 3) {
            throw new Error(`Names dictionary: malformed line "${raw.slice(0, 40)}".`);
        }
        const prefix = body.slice(0, 3);
        for (const suffix of body.slice(4).split('|')) {
            keys.push(prefix + suffix);
            classes.push(cls);
        }
    }
    return { names: buildNameTable(keys, classes), fold, suffixes: suffixesByLast(suffixes), eponymNouns };
}

/** Lower-cases a token and folds accents with the dictionary's table; combining marks are dropped. */
export function nameKey(token: string, dictionary: NameDictionary): string {
    return foldKey(token.toLowerCase(), dictionary);
}

/** nameKey of a token already lower-cased. */
export function foldKey(lower: string, dictionary: NameDictionary): string {
    let ascii = true;
    for (let i = 0; i < lower.length; i++) {
        if (lower.charCodeAt(i) > 0x7f) {
            ascii = false;
            break;
        }
    }
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
