/**
 * The redactor's plain engine: every pattern scanned over the whole text (no pattern index), word tokens
 * from WORD_PATTERN itself, and every word classified afresh (no cache). The oracle the redactor's own engine
 * (c/phiRedactor INDEXED_ENGINE) must agree with, span for span, in the tests (equivalence.test.ts); and the
 * peer `npm run eval:phi` times it against. The engine's two fast paths, the pattern index and the one-pass
 * dictionary lookup (word tokens from the index's pass, classes cached), are also timed one at a time.
 */
import {
    tokenInfo,
    type NameDictionary,
    type TokenClassifier
} from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { cachedClassifier } from '../../../force-app/main/gate/lwc/wordClasses/wordClasses';
import {
    acceptMatch,
    addToken,
    collectTokens,
    findPatterns,
    type Candidate,
    type CompiledPattern,
    type TokenList
} from '../../../force-app/main/gate/lwc/patternIndex/patternIndex';
import { WORD_PATTERN, type PhiEngine } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';

const WORDS = new RegExp(WORD_PATTERN, 'gu');

/** Each pattern's own regex as written, global and with match indices, kept per compiled pattern. */
const plainRegexes = new WeakMap<CompiledPattern, RegExp>();

function plainRegex(pattern: CompiledPattern): RegExp {
    let regex = plainRegexes.get(pattern);
    if (regex === undefined) {
        regex = new RegExp(pattern.spec.pattern, 'gd' + (pattern.spec.caseInsensitive ? 'i' : ''));
        plainRegexes.set(pattern, regex);
    }
    return regex;
}

/**
 * Each pattern's regex as written over the whole text, pattern by pattern in evaluation order, its group read
 * from match indices; a rejected match lets the search go on one character after its start.
 */
export function scanEveryPattern(scan: string, compiled: CompiledPattern[], out: Candidate[]): void {
    compiled.forEach((pattern, order) => {
        const regex = plainRegex(pattern);
        regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = regex.exec(scan)) !== null) {
            if (m[0].length === 0) {
                regex.lastIndex++;
                continue;
            }
            const span = m.length > 1 ? m.indices?.[1] : [m.index, m.index + m[0].length];
            if (!span || !acceptMatch(scan, pattern, span[0], span[1], order, out)) {
                regex.lastIndex = m.index + 1;
            }
        }
    });
}

/** The tokens of WORD_PATTERN. */
export function regexTokens(text: string, tokens: TokenList): void {
    tokens.count = 0;
    for (const match of text.matchAll(WORDS)) {
        const start = match.index as number;
        addToken(tokens, start, start + match[0].length);
    }
}

/** tokenInfo of every word, looked up afresh. */
export function plainClassifier(dictionary: NameDictionary): TokenClassifier {
    return (scan, tokens, k) => tokenInfo(scan.slice(tokens.starts[k], tokens.ends[k]), dictionary);
}

export const PLAIN_ENGINE: PhiEngine = {
    findPatterns(scan, compiled, tokens, out) {
        scanEveryPattern(scan, compiled, out);
        if (tokens !== null) {
            regexTokens(scan, tokens);
        }
    },
    classifier: plainClassifier
};

/** The pattern index, with the plain dictionary lookup: WORD_PATTERN's tokens, every word classified afresh. */
export const INDEX_ONLY_ENGINE: PhiEngine = {
    findPatterns(scan, compiled, tokens, out) {
        findPatterns(scan, compiled, null, out);
        if (tokens !== null) {
            regexTokens(scan, tokens);
        }
    },
    classifier: plainClassifier
};

/** The one-pass dictionary lookup (tokens from the text pass, cached classes), with every pattern scanned. */
export const DICTIONARY_ONLY_ENGINE: PhiEngine = {
    findPatterns(scan, compiled, tokens, out) {
        scanEveryPattern(scan, compiled, out);
        if (tokens !== null) {
            collectTokens(scan, tokens);
        }
    },
    classifier: cachedClassifier
};
