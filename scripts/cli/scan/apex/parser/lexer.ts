/**
 * The Apex lexer: source text to the tokens of apex-parser's ApexLexer grammar (same types, same
 * boundaries, the same longest-match choice between rules), or the first character no token can start
 * with. It is the only lexer the scanner runs; ApexLexer is its oracle in the tests
 * (scripts/cli/scan/__tests__/lexer.test.ts), on every Apex text the repository holds and on mutants.
 *
 * Offsets and columns are UTF-16 code units, as JavaScript strings index them and as SARIF counts
 * columns, so a character outside the Basic Multilingual Plane (an emoji in a comment) moves nothing
 * after it. ApexLexer counts code points; the oracle converts.
 */
import { EOF, KEYWORDS, TOKEN, TokenTable } from './tokens';

// A module-local binding: under a per-file CommonJS transform (tsx, Jest) an imported one is a getter
// call on every use.
const T = TOKEN;

/** A character no token starts with, an unterminated string: where, and what. */
export type LexError = { line: number; column: number; message: string };

/**
 * Keywords (and `true`/`false`) in a case-insensitive trie over [a-z0-9_], so that telling a keyword from
 * an identifier allocates nothing: no lower-cased copy of every word. `system.runAs` is lexed apart.
 */
const TRIE_SYMBOLS = 37;
const TRIE_SYMBOL = new Int8Array(128).fill(-1);
for (let c = 0; c < 26; c += 1) {
    TRIE_SYMBOL[97 + c] = c;
    TRIE_SYMBOL[65 + c] = c;
}
for (let c = 0; c < 10; c += 1) {
    TRIE_SYMBOL[48 + c] = 26 + c;
}
TRIE_SYMBOL[95] = 36;
const KEYWORD_TRIE = ((): { next: Int32Array; type: Int32Array } => {
    const words = [...KEYWORDS].filter(([text]) => /^[a-z0-9_]+$/.test(text));
    words.push(['true', T.BooleanLiteral], ['false', T.BooleanLiteral]);
    const capacity = words.reduce((sum, [text]) => sum + text.length, 1);
    const next = new Int32Array(capacity * TRIE_SYMBOLS);
    const type = new Int32Array(capacity);
    let nodes = 1;
    for (const [text, tokenType] of words) {
        let node = 0;
        for (let i = 0; i < text.length; i += 1) {
            const slot = node * TRIE_SYMBOLS + TRIE_SYMBOL[text.charCodeAt(i)];
            if (next[slot] === 0) {
                next[slot] = nodes;
                nodes += 1;
            }
            node = next[slot];
        }
        type[node] = tokenType;
    }
    return { next, type };
})();

/** The keyword (or BooleanLiteral) type of the word source[start, end), or 0 for an identifier. */
function keywordType(source: string, start: number, end: number): number {
    const { next, type } = KEYWORD_TRIE;
    let node = 0;
    for (let i = start; i < end; i += 1) {
        const code = source.charCodeAt(i);
        const symbol = code < 128 ? TRIE_SYMBOL[code] : -1;
        if (symbol < 0) {
            return 0;
        }
        node = next[node * TRIE_SYMBOLS + symbol];
        if (node === 0) {
            return 0;
        }
    }
    return type[node];
}

const OPERATORS: Array<[string, string]> = [
    ['>>>=', 'URSHIFT_ASSIGN'],
    ['===', 'TRIPLEEQUAL'],
    ['!==', 'TRIPLENOTEQUAL'],
    ['<<=', 'LSHIFT_ASSIGN'],
    ['>>=', 'RSHIFT_ASSIGN'],
    ['==', 'EQUAL'],
    ['!=', 'NOTEQUAL'],
    ['<>', 'LESSANDGREATER'],
    ['&&', 'AND'],
    ['||', 'OR'],
    ['??', 'COAL'],
    ['++', 'INC'],
    ['--', 'DEC'],
    ['=>', 'MAPTO'],
    ['+=', 'ADD_ASSIGN'],
    ['-=', 'SUB_ASSIGN'],
    ['*=', 'MUL_ASSIGN'],
    ['/=', 'DIV_ASSIGN'],
    ['&=', 'AND_ASSIGN'],
    ['|=', 'OR_ASSIGN'],
    ['^=', 'XOR_ASSIGN'],
    ['?.', 'QUESTIONDOT'],
    ['(', 'LPAREN'],
    [')', 'RPAREN'],
    ['{', 'LBRACE'],
    ['}', 'RBRACE'],
    ['[', 'LBRACK'],
    [']', 'RBRACK'],
    [';', 'SEMI'],
    [',', 'COMMA'],
    ['.', 'DOT'],
    ['=', 'ASSIGN'],
    ['>', 'GT'],
    ['<', 'LT'],
    ['!', 'BANG'],
    ['~', 'TILDE'],
    ['?', 'QUESTION'],
    [':', 'COLON'],
    ['+', 'ADD'],
    ['-', 'SUB'],
    ['*', 'MUL'],
    ['/', 'DIV'],
    ['&', 'BITAND'],
    ['|', 'BITOR'],
    ['^', 'CARET'],
    ['@', 'ATSIGN']
];

/** Operators by first character (an ASCII code), longest first. */
const OPERATORS_BY_FIRST: Array<Array<[string, number]> | undefined> = [];
for (const [text, name] of OPERATORS) {
    const first = text.charCodeAt(0);
    (OPERATORS_BY_FIRST[first] ??= []).push([text, T[name]]);
}

/**
 * ASCII characters that are always a one-character token, whatever follows: `(`, `)`, `{`, `}`, `]`,
 * `;`, `,`, `~`, `@` (and `.` unless a digit follows). 0 for the others.
 */
const SIMPLE_OPERATORS = new Int32Array(128);
for (const [text, name] of [
    ['(', 'LPAREN'],
    [')', 'RPAREN'],
    ['{', 'LBRACE'],
    ['}', 'RBRACE'],
    [']', 'RBRACK'],
    [';', 'SEMI'],
    [',', 'COMMA'],
    ['.', 'DOT'],
    ['~', 'TILDE'],
    ['@', 'ATSIGN']
]) {
    SIMPLE_OPERATORS[text.charCodeAt(0)] = T[name];
}

/** ASCII characters: 1 starts a word ([a-z$_]), 2 continues one ([0-9]), 0 neither. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
    const ch = String.fromCharCode(c);
    WORD[c] = /[a-zA-Z$_]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : 0;
}

/** Escapes a string literal may hold after a backslash (and `\uXXXX`). */
const STRING_ESCAPES = new Set('btnfrBTNFR"\'\\'.split('').map((c) => c.charCodeAt(0)));
/** Escapes a SOSL search term (`[FIND 'x\*']`) may hold after a backslash. */
const FIND_ESCAPES = new Set('+-&|!(){}^"~*?:\'\\'.split('').map((c) => c.charCodeAt(0)));

function isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
    return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isAsciiLetter(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSpace(c: number): boolean {
    return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/**
 * The UTF-16 length of the identifier character at `pos` (ApexLexer's JavaLetterOrDigit above ASCII:
 * any character from U+0100 up, a surrogate pair, or a lone low surrogate), or 0. Latin-1 letters such
 * as `é` are not identifier characters in the grammar.
 */
function wideLetterLength(source: string, pos: number): number {
    const c = source.charCodeAt(pos);
    if (!(c >= 0x100)) {
        // Also past the end, where charCodeAt gives NaN.
        return 0;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
        const low = source.charCodeAt(pos + 1);
        return low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
    }
    return 1;
}

/** `[a-z]{3}[0-9]+` (any case): ApexLexer's IntegralCurrencyLiteral, which wins over Identifier at equal length. */
function currencyLike(source: string, start: number, end: number): boolean {
    if (end - start < 4) {
        return false;
    }
    for (let i = start; i < start + 3; i += 1) {
        if (!isAsciiLetter(source.charCodeAt(i))) {
            return false;
        }
    }
    for (let i = start + 3; i < end; i += 1) {
        if (!isDigit(source.charCodeAt(i))) {
            return false;
        }
    }
    return true;
}

function digitsEnd(source: string, pos: number): number {
    while (isDigit(source.charCodeAt(pos))) {
        pos += 1;
    }
    return pos;
}

/** The end of exactly `count` digits at `pos`, or -1. */
function fixedDigits(source: string, pos: number, count: number): number {
    for (let i = 0; i < count; i += 1) {
        if (!isDigit(source.charCodeAt(pos + i))) {
            return -1;
        }
    }
    return pos + count;
}

/** DateLiteral `dddd-dd-dd`: its end, or -1. */
function dateEnd(source: string, pos: number): number {
    let at = fixedDigits(source, pos, 4);
    if (at < 0 || source.charCodeAt(at) !== 45) {
        return -1;
    }
    at = fixedDigits(source, at + 1, 2);
    if (at < 0 || source.charCodeAt(at) !== 45) {
        return -1;
    }
    return fixedDigits(source, at + 1, 2);
}

/** TimeLiteral `dd:dd:dd(.d+)?(z|[+-]d+(:d+)?)`: its end, or -1. */
function timeEnd(source: string, pos: number): number {
    let at = pos;
    for (let part = 0; part < 3; part += 1) {
        at = fixedDigits(source, at, 2);
        if (at < 0) {
            return -1;
        }
        if (part < 2) {
            if (source.charCodeAt(at) !== 58) {
                return -1;
            }
            at += 1;
        }
    }
    if (source.charCodeAt(at) === 46 && isDigit(source.charCodeAt(at + 1))) {
        at = digitsEnd(source, at + 1);
    }
    const zone = source.charCodeAt(at);
    if (zone === 122 || zone === 90) {
        return at + 1;
    }
    if ((zone === 43 || zone === 45) && isDigit(source.charCodeAt(at + 1))) {
        at = digitsEnd(source, at + 1);
        if (source.charCodeAt(at) === 58 && isDigit(source.charCodeAt(at + 1))) {
            at = digitsEnd(source, at + 1);
        }
        return at;
    }
    return -1;
}

/**
 * The longest number-like token at `pos` (a digit, or `.` before a digit): DateTimeLiteral, DateLiteral,
 * TimeLiteral, NumberLiteral, LongLiteral or IntegerLiteral, as [type, end].
 */
function numberToken(source: string, pos: number): [number, number] {
    let best: [number, number] = [T.DOT, pos];
    const consider = (type: number, end: number): void => {
        if (end > best[1]) {
            best = [type, end];
        }
    };
    const date = dateEnd(source, pos);
    if (date > 0) {
        consider(T.DateLiteral, date);
        const t = source.charCodeAt(date);
        if (t === 116 || t === 84) {
            const time = timeEnd(source, date + 1);
            if (time > 0) {
                consider(T.DateTimeLiteral, time);
            }
        }
    }
    const time = timeEnd(source, pos);
    if (time > 0) {
        consider(T.TimeLiteral, time);
    }
    const digits = digitsEnd(source, pos);
    if (digits > pos) {
        consider(T.IntegerLiteral, digits);
        const suffix = source.charCodeAt(digits);
        if (suffix === 108 || suffix === 76) {
            consider(T.LongLiteral, digits + 1);
        }
    }
    if (source.charCodeAt(digits) === 46 && isDigit(source.charCodeAt(digits + 1))) {
        let end = digitsEnd(source, digits + 1);
        const suffix = source.charCodeAt(end);
        if (suffix === 100 || suffix === 68) {
            end += 1;
        }
        consider(T.NumberLiteral, end);
    }
    return best;
}

/** Why a string literal at `pos` is not one: [end or -1, the reason when -1]. */
function stringEnd(source: string, pos: number): [number, string] {
    let at = pos + 1;
    for (;;) {
        if (at >= source.length) {
            return [-1, 'unterminated string literal'];
        }
        const d = source.charCodeAt(at);
        if (d === 39) {
            return [at + 1, ''];
        }
        if (d === 92) {
            const escape = escapeLength(source, at);
            if (escape === 0) {
                return [-1, `invalid escape sequence '${source.slice(at, at + 2)}' in a string literal`];
            }
            at += escape;
            continue;
        }
        at += 1;
    }
}

/** The length of the valid escape sequence at `pos` (a backslash), or 0. */
function escapeLength(source: string, pos: number): number {
    const escape = source.charCodeAt(pos + 1);
    if (escape === 117 || escape === 85) {
        for (let i = pos + 2; i < pos + 6; i += 1) {
            if (!isHex(source.charCodeAt(i))) {
                return 0;
            }
        }
        return 6;
    }
    return STRING_ESCAPES.has(escape) ? 2 : 0;
}

/** A multi-line string `'''` newline ... `'''` at `pos`: its end, or -1 (then `''` is an empty string). */
function multilineEnd(source: string, pos: number): number {
    if (!source.startsWith("'''", pos)) {
        return -1;
    }
    const newline = source.charCodeAt(pos + 3);
    if (newline !== 10 && newline !== 13) {
        return -1;
    }
    let at = pos + 4;
    while (at < source.length) {
        if (source.startsWith("'''", at)) {
            return at + 3;
        }
        if (source.charCodeAt(at) === 92) {
            const escape = escapeLength(source, at);
            if (escape === 0) {
                return -1;
            }
            at += escape;
            continue;
        }
        at += 1;
    }
    return -1;
}

/**
 * A SOSL search literal at `pos` (a `[`): `[FIND 'term'` (FindLiteral) or `[FIND {term}` (FindLiteralAlt),
 * as [type, end], or null when the `[` is only a bracket.
 */
function findToken(source: string, pos: number): [number, number] | null {
    let at = pos + 1;
    while (isSpace(source.charCodeAt(at))) {
        at += 1;
    }
    if (source.slice(at, at + 4).toLowerCase() !== 'find' || !isSpace(source.charCodeAt(at + 4))) {
        return null;
    }
    at += 4;
    while (isSpace(source.charCodeAt(at))) {
        at += 1;
    }
    const open = source.charCodeAt(at);
    if (open !== 39 && open !== 123) {
        return null;
    }
    const close = open === 39 ? 39 : 125;
    at += 1;
    while (at < source.length) {
        const d = source.charCodeAt(at);
        if (d === close) {
            return [open === 39 ? T.FindLiteral : T.FindLiteralAlt, at + 1];
        }
        if (d === 92) {
            if (!FIND_ESCAPES.has(source.charCodeAt(at + 1))) {
                return null;
            }
            at += 2;
            continue;
        }
        if (open === 39 && d === 39) {
            return null;
        }
        at += 1;
    }
    return null;
}

/** What to say about a character no token starts with. */
function describeCharacter(source: string, pos: number): string {
    const code = source.codePointAt(pos) ?? 0;
    const shown = code < 32 || (code >= 0x7f && code < 0xa0) ? '' : ` '${String.fromCodePoint(code)}'`;
    return `unexpected character${shown} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * The end of the token (or comment) that does not start with a letter, digit, space or plain
 * operator at `pos`, as [type, end] (type 0: a comment), or an error message: strings, comments,
 * numbers starting with `.`, SOSL search literals.
 */
function otherToken(source: string, pos: number, c: number): [number, number] | string {
    if (c === 47) {
        const next = source.charCodeAt(pos + 1);
        if (next === 47) {
            let end = pos + 2;
            while (end < source.length) {
                const d = source.charCodeAt(end);
                if (d === 10 || d === 13) {
                    break;
                }
                end += 1;
            }
            return [0, end];
        }
        if (next === 42) {
            const end = source.indexOf('*/', pos + 2);
            // Unterminated, `/*` is no comment: ApexLexer reads `/` and `*` as operators.
            if (end >= 0) {
                return [0, end + 2];
            }
        }
    } else if (c === 39) {
        const multiline = multilineEnd(source, pos);
        const [end, problem] = stringEnd(source, pos);
        if (multiline < 0 && end < 0) {
            return problem;
        }
        return [multiline > end ? T.MultilineStringLiteral : T.StringLiteral, Math.max(multiline, end)];
    } else if (c === 91) {
        const find = findToken(source, pos);
        if (find) {
            return find;
        }
    } else if (c === 46 && isDigit(source.charCodeAt(pos + 1))) {
        return numberToken(source, pos);
    }
    for (const [text, type] of (c < 128 ? OPERATORS_BY_FIRST[c] : undefined) ?? []) {
        if (source.startsWith(text, pos)) {
            return [type, pos + text.length];
        }
    }
    return describeCharacter(source, pos);
}

/** Tokens that may hold a newline: only they are scanned for one. */
const SPANS_LINES = new Set([0, T.StringLiteral, T.MultilineStringLiteral, T.FindLiteral, T.FindLiteralAlt]);

/**
 * The tokens of `source` on the default channel (whitespace and comments dropped) followed by EOF, or
 * the first lexical error. Never throws. The common tokens (names, keywords, digits, one-character
 * operators) are lexed inline; the rest by otherToken.
 */
export function lexApex(source: string): TokenTable | LexError {
    const tokens = new TokenTable(source);
    const length = source.length;
    let pos = 0;
    let line = 1;
    let lineStart = 0;
    while (pos < length) {
        const c = source.charCodeAt(pos);
        if (c === 32 || c === 9 || c === 13 || c === 12) {
            pos += 1;
            continue;
        }
        if (c === 10) {
            pos += 1;
            line += 1;
            lineStart = pos;
            continue;
        }
        let type: number;
        let end: number;
        if (c < 128 ? WORD[c] === 1 : wideLetterLength(source, pos) > 0) {
            [type, end] = wordToken(source, pos);
        } else if (c >= 48 && c <= 57) {
            [type, end] = numberToken(source, pos);
        } else if (c < 128 && SIMPLE_OPERATORS[c] !== 0 && !(c === 46 && isDigit(source.charCodeAt(pos + 1)))) {
            type = SIMPLE_OPERATORS[c];
            end = pos + 1;
        } else {
            const other = otherToken(source, pos, c);
            if (typeof other === 'string') {
                return { line, column: pos - lineStart + 1, message: other };
            }
            [type, end] = other;
        }
        if (type !== 0) {
            tokens.push(type, pos, end - 1, line, pos - lineStart);
        }
        if (SPANS_LINES.has(type)) {
            for (let i = pos; i < end; i += 1) {
                if (source.charCodeAt(i) === 10) {
                    line += 1;
                    lineStart = i + 1;
                }
            }
        }
        pos = end;
    }
    tokens.push(EOF, length, length - 1, line, pos - lineStart);
    return tokens;
}

/** An identifier, keyword, boolean, currency literal or `System.runAs` at `start`, as [type, end]. */
function wordToken(source: string, start: number): [number, number] {
    let end = start;
    let ascii = true;
    for (;;) {
        const c = source.charCodeAt(end);
        if (c < 128) {
            if (WORD[c] === 0) {
                break;
            }
            end += 1;
            continue;
        }
        const wide = wideLetterLength(source, end);
        if (wide === 0) {
            break;
        }
        ascii = false;
        end += wide;
    }
    const keyword = ascii ? keywordType(source, start, end) : 0;
    if (
        keyword === T.SYSTEM &&
        source.charCodeAt(end) === 46 &&
        source.slice(end + 1, end + 6).toLowerCase() === 'runas'
    ) {
        // `System.runAs` is one token, even when letters follow it (the longest match wins).
        return [T.SYSTEMRUNAS, end + 6];
    }
    if (keyword !== 0) {
        return [keyword, end];
    }
    return [ascii && currencyLike(source, start, end) ? T.IntegralCurrencyLiteral : T.Identifier, end];
}
