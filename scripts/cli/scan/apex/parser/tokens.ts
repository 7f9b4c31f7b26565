/**
 * The tokens of Apex: their types (numbered as apex-parser's ApexLexer numbers them, so the parser's
 * tables read like the grammar), the keyword spellings, and the table of one file's tokens that the
 * lexer fills and the parser reads. The numbering and spellings are checked against ApexLexer by a
 * test (scripts/cli/scan/__tests__/lexer.test.ts), so an upgrade of the grammar that changes them fails
 * the build.
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

/** One token as an object (tests and comparisons; the parser reads the table). */
export type LexedToken = {
    type: number;
    /** UTF-16 offsets of the first and last character, as JavaScript strings index them. */
    start: number;
    stop: number;
    line: number;
    /** 0-based, in UTF-16 code units (what editors and SARIF count). */
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
        if (this.type[index] === EOF) {
            return '<EOF>';
        }
        return intern(this.source.slice(this.start[index], this.stop[index] + 1));
    }

    /** The tokens as objects (for tests and comparisons). */
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
}

/**
 * Token types the grammar's `id` rule accepts (checked against apex-parser by a test): Identifier,
 * IntegralCurrencyLiteral (names like `ipv4` lex as a currency literal) and contextual keywords.
 */
export const ID_TOKENS =
    'Identifier IntegralCurrencyLiteral AFTER BEFORE GET INHERITED INSTANCEOF SET SHARING SWITCH TRANSIENT TRIGGER WHEN WITH WITHOUT ' +
    'SYSTEM USER SELECT COUNT FROM AS USING SCOPE WHERE ORDER BY LIMIT SOQLAND SOQLOR NOT AVG COUNT_DISTINCT MIN ' +
    'MAX SUM TYPEOF END THEN LIKE IN INCLUDES EXCLUDES ASC DESC NULLS FIRST LAST GROUP ALL ROWS VIEW HAVING ' +
    'ROLLUP TOLABEL OFFSET DATA CATEGORY AT ABOVE BELOW ABOVE_OR_BELOW SECURITY_ENFORCED SYSTEM_MODE USER_MODE ' +
    'REFERENCE CUBE FORMAT TRACKING VIEWSTAT CUSTOM STANDARD DISTANCE GEOLOCATION GROUPING CONVERT_CURRENCY ' +
    'FORMULA CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY ' +
    'FISCAL_MONTH FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR CONVERT_TIMEZONE YESTERDAY ' +
    'TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS NEXT_90_DAYS ' +
    'LAST_N_DAYS_N NEXT_N_DAYS_N N_DAYS_AGO_N NEXT_N_WEEKS_N LAST_N_WEEKS_N N_WEEKS_AGO_N NEXT_N_MONTHS_N ' +
    'LAST_N_MONTHS_N N_MONTHS_AGO_N THIS_QUARTER LAST_QUARTER NEXT_QUARTER NEXT_N_QUARTERS_N LAST_N_QUARTERS_N ' +
    'N_QUARTERS_AGO_N THIS_YEAR LAST_YEAR NEXT_YEAR NEXT_N_YEARS_N LAST_N_YEARS_N N_YEARS_AGO_N ' +
    'THIS_FISCAL_QUARTER LAST_FISCAL_QUARTER NEXT_FISCAL_QUARTER NEXT_N_FISCAL_QUARTERS_N ' +
    'LAST_N_FISCAL_QUARTERS_N N_FISCAL_QUARTERS_AGO_N THIS_FISCAL_YEAR LAST_FISCAL_YEAR NEXT_FISCAL_YEAR ' +
    'NEXT_N_FISCAL_YEARS_N LAST_N_FISCAL_YEARS_N N_FISCAL_YEARS_AGO_N FIND EMAIL NAME PHONE SIDEBAR FIELDS ' +
    'METADATA PRICEBOOKID NETWORK SNIPPET TARGET_LENGTH DIVISION RETURNING LISTVIEW HIGHLIGHT SPELL_CORRECTION';

/** Token types the grammar's `anyId` rule (names after a dot) accepts, beyond ID_TOKENS. */
export const EXTRA_ANY_ID_TOKENS =
    'ABSTRACT BREAK CATCH CLASS CONTINUE DELETE DO ELSE ENUM EXTENDS FINAL FINALLY FOR GLOBAL IF IMPLEMENTS ' +
    'INSERT INTERFACE MERGE NEW NULL ON OVERRIDE PRIVATE PROTECTED PUBLIC RETURN STATIC SUPER TESTMETHOD THIS ' +
    'THROW TRY UNDELETE UPDATE UPSERT VIRTUAL WEBSERVICE WHILE LIST MAP';

/** A lookup table by token type (1 for the named types): one array read per test in the parser's hot loops. */
export function tokenSet(names: string): Uint8Array {
    const out = new Uint8Array(512);
    for (const name of names.split(/\s+/)) {
        if (name) {
            if (TOKEN[name] === undefined) {
                throw new Error(`unknown token type ${name}`);
            }
            out[TOKEN[name]] = 1;
        }
    }
    return out;
}

/** What a token is called in an error message: its text, or the end of the file. */
export function describeToken(tokens: TokenTable, index: number): string {
    if (tokens.type[index] === EOF) {
        return 'end of file';
    }
    const text = tokens.text(index);
    return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
}
