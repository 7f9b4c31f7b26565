/**
 * The cache of word classes the redactor reads the names dictionary through: each word's class (c/nameDictionary
 * `tokenInfo`) is worked out once per dictionary and kept, and most lower-case words are answered by a filter
 * without being cut out of the text. One of the redactor's two fast paths (docs/checks.md, "Fast paths kept, and
 * their oracles"); `tokenInfo` of every word afresh is its oracle.
 */
import { tokenInfo, type NameDictionary, type TokenClassifier, type TokenInfo } from 'c/nameDictionary';

/**
 * Classification depends only on the token and the dictionary, and a clinical note repeats its words: the
 * classes are kept per dictionary. Redacting with the cache takes half the time of classifying every word
 * afresh (docs/checks.md).
 */
const tokenCaches = new WeakMap<
    NameDictionary,
    { stamp: string; infos: Map<string, TokenInfo>; lowerNames: Uint32Array }
>();
/** Words kept per dictionary; the cache starts afresh when it is full. */
const TOKEN_CACHE_LIMIT = 100_000;

/** Bits of the filter of lower-case strong names (2^20 bits, 128 KB). */
const NAME_FILTER_BITS = 20;

/** Hash (FNV-1a) of the code units from..to of a text; the same as of the string they make. */
function unitsHash(text: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) {
        h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    }
    return h >>> (32 - NAME_FILTER_BITS);
}

/**
 * A filter of the strong names written in a-z only: a word of a-z letters whose bit is clear is no strong
 * name, so (classify) no name at all in lower case, and needs neither cutting out nor looking up. Most words
 * of a text are such words.
 */
function lowerNameFilter(dictionary: NameDictionary): Uint32Array {
    const bits = new Uint32Array(1 << (NAME_FILTER_BITS - 5));
    for (const name of dictionary.strong) {
        if (/^[a-z]+$/.test(name)) {
            const h = unitsHash(name, 0, name.length);
            bits[h >>> 5] |= 1 << (h & 31);
        }
    }
    return bits;
}

/** tokenInfo through the dictionary's cache: what the redactor classifies words with. */
export function cachedClassifier(dictionary: NameDictionary): TokenClassifier {
    // A dictionary is not expected to change once used; if its contents grow or shrink, start afresh.
    const stamp = [
        dictionary.strong.size,
        dictionary.ambiguous.size,
        dictionary.wordNames.size,
        dictionary.stop.size,
        dictionary.fold.size,
        dictionary.suffixes.join('|'),
        dictionary.eponymNouns.size
    ].join(',');
    let cache = tokenCaches.get(dictionary);
    if (!cache || cache.stamp !== stamp) {
        cache = { stamp, infos: new Map(), lowerNames: lowerNameFilter(dictionary) };
        tokenCaches.set(dictionary, cache);
    }
    const infos = cache.infos;
    const lowerNames = cache.lowerNames;
    return (scan, tokens, k) => {
        const start = tokens.starts[k];
        const end = tokens.ends[k];
        const first = scan.charCodeAt(start);
        if (first >= 97 && first <= 122) {
            // A lower-case word of one or two letters (a, of, to, is) is no name (classify): a sixth of all
            // words, answered without cutting them out of the text; and so is a word of a-z letters that the
            // filter of lower-case strong names does not let through.
            if (end - start < 3) {
                return null;
            }
            let h = 0x811c9dc5;
            let i = start;
            for (; i < end; i++) {
                const c = scan.charCodeAt(i);
                if (c < 97 || c > 122) {
                    break;
                }
                h = Math.imul(h ^ c, 0x01000193);
            }
            h >>>= 32 - NAME_FILTER_BITS;
            if (i === end && (lowerNames[h >>> 5] & (1 << (h & 31))) === 0) {
                return null;
            }
        }
        const token = scan.slice(start, end);
        let info = infos.get(token);
        if (info === undefined) {
            info = tokenInfo(token, dictionary);
            if (infos.size >= TOKEN_CACHE_LIMIT) {
                infos.clear();
            }
            infos.set(token, info);
        }
        return info;
    };
}
