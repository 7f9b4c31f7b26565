/**
 * A hand-written lexer for Apex that produces exactly the tokens of apex-parser's ApexLexer (type,
 * offsets, line, column, text) for the characters real code uses, several times faster and with no
 * warm-up. Like the fast parser it is partial: on anything it is not certain to lex exactly as
 * ApexLexer does (astral characters, non-ASCII outside strings and comments, date and time
 * literals, SOSL, multi-line strings, unknown escapes, unterminated strings or comments) it returns
 * null and the caller uses ApexLexer. A test compares the two token streams on the benchmark
 * corpus, on Warden's own Apex and on mutants.
 *
 * Token types and keyword spellings are apex-parser's; the tables below are checked against
 * ApexLexer by the same test, so an upgrade of apex-parser that changes them fails the build.
 */

/** ApexLexer.symbolicNames[1..], in token-type order. */
const SYMBOLIC_NAMES = (
    'ABSTRACT AFTER BEFORE BREAK CATCH CLASS CONTINUE DELETE DO ELSE ENUM EXTENDS FINAL FINALLY FOR GET ' +
    'GLOBAL IF IMPLEMENTS INHERITED INSERT INSTANCEOF INTERFACE MERGE NEW NULL ON OVERRIDE PRIVATE ' +
    'PROTECTED PUBLIC RETURN SYSTEMRUNAS SET SHARING STATIC SUPER SWITCH TESTMETHOD THIS THROW TRANSIENT ' +
    'TRIGGER TRY UNDELETE UPDATE UPSERT VIRTUAL VOID WEBSERVICE WHEN WHILE WITH WITHOUT LIST MAP SYSTEM ' +
    'USER SELECT COUNT FROM AS USING SCOPE WHERE ORDER BY LIMIT SOQLAND SOQLOR NOT AVG COUNT_DISTINCT MIN ' +
    'MAX SUM TYPEOF END THEN LIKE IN INCLUDES EXCLUDES ASC DESC NULLS FIRST LAST GROUP ALL ROWS VIEW ' +
    'HAVING ROLLUP TOLABEL OFFSET DATA CATEGORY AT ABOVE BELOW ABOVE_OR_BELOW SECURITY_ENFORCED ' +
    'SYSTEM_MODE USER_MODE REFERENCE CUBE FORMAT TRACKING VIEWSTAT CUSTOM STANDARD DISTANCE GEOLOCATION ' +
    'GROUPING CONVERT_CURRENCY FORMULA CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH ' +
    'DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH ' +
    'WEEK_IN_YEAR CONVERT_TIMEZONE YESTERDAY TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH ' +
    'THIS_MONTH NEXT_MONTH LAST_90_DAYS NEXT_90_DAYS LAST_N_DAYS_N NEXT_N_DAYS_N N_DAYS_AGO_N ' +
    'NEXT_N_WEEKS_N LAST_N_WEEKS_N N_WEEKS_AGO_N NEXT_N_MONTHS_N LAST_N_MONTHS_N N_MONTHS_AGO_N ' +
    'THIS_QUARTER LAST_QUARTER NEXT_QUARTER NEXT_N_QUARTERS_N LAST_N_QUARTERS_N N_QUARTERS_AGO_N ' +
    'THIS_YEAR LAST_YEAR NEXT_YEAR NEXT_N_YEARS_N LAST_N_YEARS_N N_YEARS_AGO_N THIS_FISCAL_QUARTER ' +
    'LAST_FISCAL_QUARTER NEXT_FISCAL_QUARTER NEXT_N_FISCAL_QUARTERS_N LAST_N_FISCAL_QUARTERS_N ' +
    'N_FISCAL_QUARTERS_AGO_N THIS_FISCAL_YEAR LAST_FISCAL_YEAR NEXT_FISCAL_YEAR NEXT_N_FISCAL_YEARS_N ' +
    'LAST_N_FISCAL_YEARS_N N_FISCAL_YEARS_AGO_N DateLiteral TimeLiteral DateTimeLiteral ' +
    'IntegralCurrencyLiteral FIND EMAIL NAME PHONE SIDEBAR FIELDS METADATA PRICEBOOKID NETWORK SNIPPET ' +
    'TARGET_LENGTH DIVISION RETURNING LISTVIEW HIGHLIGHT SPELL_CORRECTION FindLiteral FindLiteralAlt ' +
    'IntegerLiteral LongLiteral NumberLiteral BooleanLiteral MultilineStringLiteral StringLiteral ' +
    'NullLiteral LPAREN RPAREN LBRACE RBRACE LBRACK RBRACK SEMI COMMA DOT ASSIGN GT LT BANG TILDE ' +
    'QUESTIONDOT QUESTION COLON EQUAL TRIPLEEQUAL NOTEQUAL LESSANDGREATER TRIPLENOTEQUAL AND OR COAL INC ' +
    'DEC ADD SUB MUL DIV BITAND BITOR CARET MAPTO ADD_ASSIGN SUB_ASSIGN MUL_ASSIGN DIV_ASSIGN AND_ASSIGN ' +
    'OR_ASSIGN XOR_ASSIGN LSHIFT_ASSIGN RSHIFT_ASSIGN URSHIFT_ASSIGN ATSIGN Identifier WS DOC_COMMENT ' +
    'COMMENT LINE_COMMENT'
).split(' ');

/** The keyword tokens, as NAME where the keyword is the name in lower case, else text=NAME. */
const KEYWORD_TOKENS = (
    'ABSTRACT AFTER BEFORE BREAK CATCH CLASS CONTINUE DELETE DO ELSE ENUM EXTENDS FINAL FINALLY FOR GET ' +
    'GLOBAL IF IMPLEMENTS INHERITED INSERT INSTANCEOF INTERFACE MERGE NEW NULL ON OVERRIDE PRIVATE ' +
    'PROTECTED PUBLIC RETURN system.runas=SYSTEMRUNAS SET SHARING STATIC SUPER SWITCH TESTMETHOD THIS ' +
    'THROW TRANSIENT TRIGGER TRY UNDELETE UPDATE UPSERT VIRTUAL VOID WEBSERVICE WHEN WHILE WITH WITHOUT ' +
    'LIST MAP SYSTEM USER SELECT COUNT FROM AS USING SCOPE WHERE ORDER BY LIMIT and=SOQLAND or=SOQLOR NOT ' +
    'AVG COUNT_DISTINCT MIN MAX SUM TYPEOF END THEN LIKE IN INCLUDES EXCLUDES ASC DESC NULLS FIRST LAST ' +
    'GROUP ALL ROWS VIEW HAVING ROLLUP TOLABEL OFFSET DATA CATEGORY AT ABOVE BELOW ABOVE_OR_BELOW ' +
    'SECURITY_ENFORCED SYSTEM_MODE USER_MODE REFERENCE CUBE FORMAT TRACKING VIEWSTAT CUSTOM STANDARD ' +
    'DISTANCE GEOLOCATION GROUPING convertcurrency=CONVERT_CURRENCY FORMULA CALENDAR_MONTH ' +
    'CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH ' +
    'FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR converttimezone=CONVERT_TIMEZONE ' +
    'YESTERDAY TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS ' +
    'NEXT_90_DAYS last_n_days=LAST_N_DAYS_N next_n_days=NEXT_N_DAYS_N n_days_ago=N_DAYS_AGO_N ' +
    'next_n_weeks=NEXT_N_WEEKS_N last_n_weeks=LAST_N_WEEKS_N n_weeks_ago=N_WEEKS_AGO_N ' +
    'next_n_months=NEXT_N_MONTHS_N last_n_months=LAST_N_MONTHS_N n_months_ago=N_MONTHS_AGO_N THIS_QUARTER ' +
    'LAST_QUARTER NEXT_QUARTER next_n_quarters=NEXT_N_QUARTERS_N last_n_quarters=LAST_N_QUARTERS_N ' +
    'n_quarters_ago=N_QUARTERS_AGO_N THIS_YEAR LAST_YEAR NEXT_YEAR next_n_years=NEXT_N_YEARS_N ' +
    'last_n_years=LAST_N_YEARS_N n_years_ago=N_YEARS_AGO_N THIS_FISCAL_QUARTER LAST_FISCAL_QUARTER ' +
    'NEXT_FISCAL_QUARTER next_n_fiscal_quarters=NEXT_N_FISCAL_QUARTERS_N ' +
    'last_n_fiscal_quarters=LAST_N_FISCAL_QUARTERS_N n_fiscal_quarters_ago=N_FISCAL_QUARTERS_AGO_N ' +
    'THIS_FISCAL_YEAR LAST_FISCAL_YEAR NEXT_FISCAL_YEAR next_n_fiscal_years=NEXT_N_FISCAL_YEARS_N ' +
    'last_n_fiscal_years=LAST_N_FISCAL_YEARS_N n_fiscal_years_ago=N_FISCAL_YEARS_AGO_N FIND EMAIL NAME ' +
    'PHONE SIDEBAR FIELDS METADATA PRICEBOOKID NETWORK SNIPPET TARGET_LENGTH DIVISION RETURNING LISTVIEW ' +
    'HIGHLIGHT SPELL_CORRECTION'
).split(' ');

/** Token type by symbolic name (ApexLexer's numbering: the index in SYMBOLIC_NAMES plus one). */
export const TOKEN: Readonly<Record<string, number>> = Object.fromEntries(
    SYMBOLIC_NAMES.map((name, index) => [name, index + 1])
);

export const EOF = -1;

/** Keyword text (lower case) to token type. */
export const KEYWORDS: ReadonlyMap<string, number> = new Map(
    KEYWORD_TOKENS.map((entry) => {
        const [text, name] = entry.includes('=') ? entry.split('=') : [entry.toLowerCase(), entry];
        return [text, TOKEN[name]];
    })
);

/** The fields of an ANTLR token the fast parser reads. */
export type LexedToken = {
    type: number;
    /** Offsets of the first and last character (ApexLexer counts code points; the same here, as astral characters give up). */
    start: number;
    stop: number;
    line: number;
    /** 0-based, as ANTLR's. */
    column: number;
    text: string;
};

/**
 * One copy of each short token text across all the files of a scan. Trees are kept for the whole scan
 * and the same names recur in every file (`String`, `Id`, `Contact`, `add`): sharing them saves memory
 * that the garbage collector would otherwise copy. Cleared when it grows past a bound, so a long-lived
 * process that scans many projects does not keep every name it has seen.
 */
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 100_000;

function intern(text: string): string {
    if (text.length > 40) {
        return text;
    }
    const known = INTERNED.get(text);
    if (known !== undefined) {
        return known;
    }
    if (INTERNED.size >= MAX_INTERNED) {
        INTERNED.clear();
    }
    INTERNED.set(text, text);
    return text;
}

/**
 * The tokens of one source as parallel arrays of small integers: no object per token, and a token's text
 * is sliced from the source only when the parser asks for it (keywords and punctuation never are).
 */
export class TokenTable {
    readonly type: number[] = [];
    readonly start: number[] = [];
    readonly stop: number[] = [];
    readonly line: number[] = [];
    readonly column: number[] = [];
    /** The tokens' own texts, for tokens that came from ApexLexer; null when every text is a slice of the source. */
    private texts: string[] | null = null;

    constructor(readonly source: string) {}

    get length(): number {
        return this.type.length;
    }

    push(type: number, start: number, stop: number, line: number, column: number): void {
        this.type.push(type);
        this.start.push(start);
        this.stop.push(stop);
        this.line.push(line);
        this.column.push(column);
    }

    text(index: number): string {
        if (this.texts) {
            return this.texts[index];
        }
        if (this.type[index] === EOF) {
            return '<EOF>';
        }
        return intern(this.source.slice(this.start[index], this.stop[index] + 1));
    }

    /** The tokens as objects, as ApexLexer gives them (for tests and comparisons). */
    toTokens(): LexedToken[] {
        return this.type.map((type, index) => ({
            type,
            start: this.start[index],
            stop: this.stop[index],
            line: this.line[index],
            column: this.column[index],
            text: this.text(index)
        }));
    }

    /** A table of ApexLexer's tokens, keeping their texts as ApexLexer has them. */
    static fromTokens(source: string, tokens: ReadonlyArray<LexedToken>): TokenTable {
        const table = new TokenTable(source);
        for (const token of tokens) {
            table.push(token.type, token.start, token.stop, token.line, token.column);
        }
        table.texts = tokens.map((token) => token.text);
        return table;
    }
}

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
    words.push(['true', TOKEN.BooleanLiteral], ['false', TOKEN.BooleanLiteral]);
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

/** The keyword (or BooleanLiteral) type of the ASCII word source[start, end), or 0 for an identifier. */
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
    (OPERATORS_BY_FIRST[first] ??= []).push([text, TOKEN[name]]);
}

const IDENTIFIER_START = new Uint8Array(128);
const IDENTIFIER_PART = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
    const ch = String.fromCharCode(c);
    IDENTIFIER_START[c] = /[a-zA-Z$_]/.test(ch) ? 1 : 0;
    IDENTIFIER_PART[c] = /[a-zA-Z0-9$_]/.test(ch) ? 1 : 0;
}

const STRING_ESCAPES = new Set('btnfr"\'\\'.split('').map((c) => c.charCodeAt(0)));
const HEX4 = /^[0-9a-fA-F]{4}$/;

function isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `[a-z]{3}[0-9]+` (case-insensitive): ApexLexer's IntegralCurrencyLiteral, which wins over Identifier. */
function currencyLike(source: string, start: number, end: number): boolean {
    if (end - start < 4 || !isLetter(source.charCodeAt(start)) || !isLetter(source.charCodeAt(start + 1))) {
        return false;
    }
    if (!isLetter(source.charCodeAt(start + 2))) {
        return false;
    }
    for (let i = start + 3; i < end; i += 1) {
        if (!isDigit(source.charCodeAt(i))) {
            return false;
        }
    }
    return true;
}

/** The on-channel tokens of `source` followed by EOF, as objects, or null where this lexer is not certain. */
export function lexApex(source: string): LexedToken[] | null {
    return lexApexTable(source)?.toTokens() ?? null;
}

/** The on-channel tokens of `source` followed by EOF, or null where this lexer is not certain. */
export function lexApexTable(source: string): TokenTable | null {
    if (/[\uD800-\uDFFF]/.test(source)) {
        return null;
    }
    const tokens = new TokenTable(source);
    const length = source.length;
    let pos = 0;
    let line = 1;
    let lineStart = 0;
    const push = (type: number, start: number, end: number, startLine: number, startColumn: number): void => {
        tokens.push(type, start, end - 1, startLine, startColumn);
    };
    while (pos < length) {
        const c = source.charCodeAt(pos);
        // Whitespace.
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
        const start = pos;
        const startLine = line;
        const column = pos - lineStart;
        // Comments.
        if (c === 47 && source.charCodeAt(pos + 1) === 47) {
            pos += 2;
            while (pos < length) {
                const d = source.charCodeAt(pos);
                if (d === 10 || d === 13) {
                    break;
                }
                pos += 1;
            }
            continue;
        }
        if (c === 47 && source.charCodeAt(pos + 1) === 42) {
            const end = source.indexOf('*/', pos + 2);
            if (end < 0) {
                return null;
            }
            for (let i = pos; i < end; i += 1) {
                if (source.charCodeAt(i) === 10) {
                    line += 1;
                    lineStart = i + 1;
                }
            }
            pos = end + 2;
            continue;
        }
        // Identifiers and keywords.
        if (c < 128 && IDENTIFIER_START[c] === 1) {
            pos += 1;
            while (pos < length) {
                const d = source.charCodeAt(pos);
                if (d >= 128) {
                    return null;
                }
                if (IDENTIFIER_PART[d] !== 1) {
                    break;
                }
                pos += 1;
            }
            const keyword = keywordType(source, start, pos);
            if (keyword === TOKEN.SYSTEM && source.charCodeAt(pos) === 46) {
                // `System.runAs` is one token.
                const next = source.slice(pos + 1, pos + 6).toLowerCase();
                if (next === 'runas') {
                    const after = source.charCodeAt(pos + 6);
                    if (after < 128 && IDENTIFIER_PART[after] === 1) {
                        return null;
                    }
                    pos += 6;
                    push(TOKEN.SYSTEMRUNAS, start, pos, startLine, column);
                    continue;
                }
            }
            if (keyword !== 0) {
                push(keyword, start, pos, startLine, column);
                continue;
            }
            push(
                currencyLike(source, start, pos) ? TOKEN.IntegralCurrencyLiteral : TOKEN.Identifier,
                start,
                pos,
                startLine,
                column
            );
            continue;
        }
        // Numbers.
        if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(pos + 1)))) {
            while (isDigit(source.charCodeAt(pos))) {
                pos += 1;
            }
            if (pos - start === 4 && source.charCodeAt(pos) === 45) {
                return null; // perhaps a date literal
            }
            let type = TOKEN.IntegerLiteral;
            if (source.charCodeAt(pos) === 46 && isDigit(source.charCodeAt(pos + 1))) {
                pos += 1;
                while (isDigit(source.charCodeAt(pos))) {
                    pos += 1;
                }
                type = TOKEN.NumberLiteral;
                const suffix = source.charCodeAt(pos);
                if (suffix === 100 || suffix === 68) {
                    pos += 1;
                }
            } else {
                const suffix = source.charCodeAt(pos);
                if (suffix === 108 || suffix === 76) {
                    pos += 1;
                    type = TOKEN.LongLiteral;
                }
            }
            const after = source.charCodeAt(pos);
            if (after === 46 || (after < 128 && IDENTIFIER_PART[after] === 1) || after >= 128) {
                return null;
            }
            push(type, start, pos, startLine, column);
            continue;
        }
        // Strings.
        if (c === 39) {
            if (source.charCodeAt(pos + 1) === 39 && source.charCodeAt(pos + 2) === 39) {
                return null; // a multi-line string
            }
            pos += 1;
            for (;;) {
                if (pos >= length) {
                    return null;
                }
                const d = source.charCodeAt(pos);
                if (d === 39) {
                    pos += 1;
                    break;
                }
                if (d === 10 || d === 13) {
                    return null;
                }
                if (d === 92) {
                    const escape = source.charCodeAt(pos + 1);
                    if (escape === 117 && HEX4.test(source.slice(pos + 2, pos + 6))) {
                        pos += 6;
                        continue;
                    }
                    if (!STRING_ESCAPES.has(escape)) {
                        return null;
                    }
                    pos += 2;
                    continue;
                }
                pos += 1;
            }
            push(TOKEN.StringLiteral, start, pos, startLine, column);
            continue;
        }
        if (c === 91) {
            // `[FIND ...` (SOSL) has literal tokens of its own.
            const rest = /^\[\s*find\b/i.exec(source.slice(pos, pos + 64));
            if (rest) {
                return null;
            }
        }
        const candidates = c < 128 ? OPERATORS_BY_FIRST[c] : undefined;
        if (!candidates) {
            return null;
        }
        let matched = false;
        for (const [text, type] of candidates) {
            if (source.startsWith(text, pos)) {
                pos += text.length;
                push(type, start, pos, startLine, column);
                matched = true;
                break;
            }
        }
        if (!matched) {
            return null;
        }
    }
    tokens.push(EOF, length, length - 1, line, pos - lineStart);
    return tokens;
}
