/**
 * The oracle's parser: Apex through @apexdevtools/apex-parser, the ANTLR grammar the scanner's own
 * parser is checked against (oracle.ts). It used to be the scanner's parser, so it is kept as fast
 * as ANTLR allows, and bench:scan times it beside the scanner's. It parses in two stages, the standard ANTLR speed-up: first with
 * SLL prediction, several times faster and giving the same tree whenever it succeeds, and only when
 * SLL reports a syntax error again with full LL prediction, whose errors are the real ones.
 *
 * The Apex grammar defeats SLL on one very common shape: an unqualified call with arguments,
 * `foo(x)`, which SLL mistakes for a bare name. For the SLL pass only, such calls are given a
 * zero-width synthetic `this.` (two tokens of no length, marked `synthetic`), which SLL parses
 * correctly; the tree builder turns `this.foo(x)` with a synthetic `this` back into `foo(x)`, so
 * the scanner's tree is the same as from the LL parse (a test compares both on a large corpus).
 * Where the guess is wrong (say `Foo(x)` is a constructor declared without modifiers), SLL reports
 * an error and the file is parsed again, untouched, with LL.
 */
import type { ApexUnitKind } from '../../cli/lib/apex-kind';
import { createRequire } from 'node:module';
import { ApexErrorListener, ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
    AnonymousUnitContext,
    ApexParser,
    ApexToken,
    CompilationUnitContext,
    TriggerUnitContext
} from '@apexdevtools/apex-parser';

export type ApexKind = ApexUnitKind;

export type SyntaxProblem = { line: number; column: number; message: string };

export type ParsedApex =
    | { kind: 'class'; tree: CompilationUnitContext; errors: SyntaxProblem[]; fallback: boolean }
    | { kind: 'trigger'; tree: TriggerUnitContext; errors: SyntaxProblem[]; fallback: boolean }
    | { kind: 'anonymous'; tree: AnonymousUnitContext; errors: SyntaxProblem[]; fallback: boolean };

/** ANTLR's PredictionMode values (antlr4 is bundled inside apex-parser, so not imported here). */
const PREDICTION_SLL = 0;
const PREDICTION_LL = 1;

type MutableToken = ApexToken & { synthetic?: boolean };

/**
 * antlr4's BailErrorStrategy, from the copy bundled inside apex-parser (the same instance the
 * parser uses). In the SLL pass it stops at the first error, which goes to LL anyway, and skips
 * the per-loop `sync` work of the default recovering strategy.
 */
const BailErrorStrategy = (
    createRequire(require.resolve('@apexdevtools/apex-parser'))('antlr4') as { BailErrorStrategy: new () => unknown }
).BailErrorStrategy;

const T = ApexLexer as unknown as Record<string, number>;

const LITERAL_NAMES = (ApexLexer as unknown as { literalNames: Array<string | null> }).literalNames;

/** Keywords the grammar also accepts as names (`count(x)`, `max(a, b)`, a method called `format`). */
const NAME_KEYWORDS = new Set(
    (
        'AFTER BEFORE INHERITED SHARING TRANSIENT WITHOUT USER SYSTEM SELECT COUNT FROM AS USING SCOPE WHERE ORDER BY ' +
        'LIMIT SOQLAND SOQLOR NOT AVG COUNT_DISTINCT MIN MAX SUM TYPEOF END THEN LIKE IN INCLUDES EXCLUDES ASC DESC ' +
        'NULLS FIRST LAST GROUP ALL ROWS VIEW HAVING ROLLUP TOLABEL OFFSET DATA CATEGORY AT ABOVE BELOW ABOVE_OR_BELOW ' +
        'SECURITY_ENFORCED USER_MODE SYSTEM_MODE REFERENCE CUBE FORMAT TRACKING VIEWSTAT STANDARD CUSTOM DISTANCE ' +
        'GEOLOCATION GROUPING FORMULA CONVERT_CURRENCY CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH ' +
        'DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR ' +
        'CONVERT_TIMEZONE FIND EMAIL NAME PHONE SIDEBAR FIELDS METADATA PRICEBOOKID NETWORK SNIPPET TARGET_LENGTH ' +
        'DIVISION RETURNING LISTVIEW IntegralCurrencyLiteral'
    )
        .split(' ')
        .map((name) => T[name])
        .filter((type) => type !== undefined)
);

/** Keywords after which an expression starts: `return foo(x)`, `insert foo(x)`, `else foo(x)`. */
const BEFORE_EXPRESSION = new Set(
    ['RETURN', 'ELSE', 'THROW', 'DO', 'INSERT', 'UPDATE', 'DELETE', 'UPSERT', 'UNDELETE', 'MERGE'].map(
        (name) => T[name]
    )
);

/**
 * Tokens after which `name(` is a declaration (`Type name(`, `public Name(`), a qualified call
 * (`a.name(`), a construction (`new Name(`), an annotation (`@Name(`) or a trigger header
 * (`on Object(`), never an unqualified call: identifiers, keywords other than those above (types
 * such as `User` are keywords), `>`, `]`, `.`, `?.` and `@`.
 */
function blocksCall(type: number): boolean {
    if (BEFORE_EXPRESSION.has(type)) {
        return false;
    }
    if (
        type === T.Identifier ||
        type === T.IntegralCurrencyLiteral ||
        type === T.GT ||
        type === T.RBRACK ||
        type === T.DOT ||
        type === T.QUESTIONDOT ||
        type === T.ATSIGN
    ) {
        return true;
    }
    const literal = LITERAL_NAMES[type];
    return typeof literal === 'string' && /^'[a-z_]+'$/i.test(literal);
}

class CollectingListener extends ApexErrorListener {
    readonly errors: SyntaxProblem[] = [];

    apexSyntaxError(line: number, column: number, msg: string): void {
        if (this.errors.length < 50) {
            this.errors.push({ line, column: column + 1, message: msg.replace(/\s+/g, ' ') });
        }
    }
}

/** True for the zero-width `this` / `.` tokens inserted for the SLL pass. */
export function isSynthetic(token: ApexToken | undefined | null): boolean {
    return Boolean(token && (token as MutableToken).synthetic);
}

function nextOnChannel(tokens: MutableToken[], from: number): number {
    let index = from;
    while (index < tokens.length && tokens[index].channel !== 0) {
        index += 1;
    }
    return index;
}

/** The token after the `)` that closes the `(` at `open`, or undefined. */
function afterClosingParen(tokens: MutableToken[], open: number): MutableToken | undefined {
    let depth = 0;
    // Bounded, so unbalanced input cannot make the rewrite quadratic; unknown means "not a call".
    const end = Math.min(tokens.length, open + 20000);
    for (let index = open; index < end; index += 1) {
        const type = tokens[index].channel === 0 ? tokens[index].type : -1;
        if (type === T.LPAREN) {
            depth += 1;
        } else if (type === T.RPAREN) {
            depth -= 1;
            if (depth === 0) {
                return tokens[nextOnChannel(tokens, index + 1)];
            }
        }
    }
    return undefined;
}

/**
 * Whether `name(` after `previous` is an unqualified call. A parameter list followed by `{` is a
 * declaration (`Name(Type a) {`, a constructor without modifiers); after `>` the name may close
 * type arguments (`List<String> name(...);`) or follow a comparison (`a > name(x)`), and only the
 * declaration's parameter list is followed by `{` or `;`.
 */
function callAfter(tokens: MutableToken[], previous: MutableToken | null, open: number): boolean {
    const after = afterClosingParen(tokens, open);
    if (!after || after.type === T.LBRACE) {
        return false;
    }
    if (!previous) {
        return true;
    }
    if (previous.type === T.GT) {
        return after.type !== T.SEMI;
    }
    return !blocksCall(previous.type);
}

function withSyntheticThis(tokens: MutableToken[]): MutableToken[] {
    const out: MutableToken[] = [];
    let previous: MutableToken | null = null;
    let soqlDepth = 0;
    for (let index = 0; index < tokens.length; index += 1) {
        const token = tokens[index];
        if (token.channel !== 0) {
            out.push(token);
            continue;
        }
        if (token.type === T.LBRACK) {
            let next = index + 1;
            while (next < tokens.length && tokens[next].channel !== 0) {
                next += 1;
            }
            if (soqlDepth > 0 || (tokens[next] && (tokens[next].type === T.SELECT || tokens[next].type === T.FIND))) {
                soqlDepth += 1;
            }
        } else if (token.type === T.RBRACK && soqlDepth > 0) {
            soqlDepth -= 1;
        } else if (
            soqlDepth === 0 &&
            (token.type === T.Identifier ||
                NAME_KEYWORDS.has(token.type) ||
                ((token.type === T.SUPER || token.type === T.THIS) && !isSynthetic(token)))
        ) {
            const next = nextOnChannel(tokens, index + 1);
            if (tokens[next] && tokens[next].type === T.LPAREN && callAfter(tokens, previous, next)) {
                const self = token.clone() as MutableToken;
                self.type = T.THIS;
                self.text = 'this';
                self.stop = token.start - 1;
                self.synthetic = true;
                const dot = token.clone() as MutableToken;
                dot.type = T.DOT;
                dot.text = '.';
                dot.stop = token.start - 1;
                dot.synthetic = true;
                out.push(self, dot);
            }
        }
        out.push(token);
        previous = token;
    }
    out.forEach((token, index) => {
        token.tokenIndex = index;
    });
    return out;
}

function parserFor(source: string, listener: CollectingListener, rewrite: boolean): ApexParser {
    if (!rewrite) {
        return ApexParserFactory.createLexerAndParser(source, listener).parser;
    }
    const lexer = ApexParserFactory.createLexer(source);
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    const stream = ApexParserFactory.createTokenStream(lexer) as unknown as {
        fill(): void;
        tokens: MutableToken[];
    };
    stream.fill();
    stream.tokens = withSyntheticThis(stream.tokens);
    const parser = ApexParserFactory.createParser(stream as never);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    return parser;
}

function parseWith(source: string, kind: ApexKind, predictionMode: number): ParsedApex {
    const listener = new CollectingListener();
    const sll = predictionMode === PREDICTION_SLL;
    const parser = parserFor(source, listener, sll);
    const internals = parser as unknown as { _interp: { predictionMode: number }; _errHandler: unknown };
    internals._interp.predictionMode = predictionMode;
    if (sll) {
        internals._errHandler = new BailErrorStrategy();
    }
    const fallback = !sll;
    try {
        if (kind === 'class') {
            return { kind, tree: parser.compilationUnit(), errors: listener.errors, fallback };
        }
        if (kind === 'trigger') {
            return { kind, tree: parser.triggerUnit(), errors: listener.errors, fallback };
        }
        return { kind, tree: parser.anonymousUnit(), errors: listener.errors, fallback };
    } catch (error) {
        // A stack overflow (pathological nesting) would recur in LL: let the caller report it.
        if (!sll || (error as { name?: unknown } | null)?.name === 'RangeError') {
            throw error;
        }
        // The bail strategy gave up: report where, so the caller falls back to LL.
        const token =
            (error as { cause?: { offendingToken?: ApexToken } }).cause?.offendingToken ?? parser.getCurrentToken();
        listener.errors.push({
            line: token?.line ?? 1,
            column: (token?.column ?? 0) + 1,
            message: `SLL prediction failed near '${token?.text ?? ''}'`
        });
        return { kind: 'anonymous', tree: null as never, errors: listener.errors, fallback };
    }
}

export function antlrParse(source: string, kind: ApexKind, options: { forceLL?: boolean } = {}): ParsedApex {
    if (options.forceLL) {
        return parseWith(source, kind, PREDICTION_LL);
    }
    const fast = parseWith(source, kind, PREDICTION_SLL);
    if (fast.errors.length === 0) {
        return fast;
    }
    return parseWith(source, kind, PREDICTION_LL);
}

/** The errors of the SLL pass alone (empty when the fast path parses the file): for diagnostics and tests. */
export function fastPathErrors(source: string, kind: ApexKind): SyntaxProblem[] {
    return parseWith(source, kind, PREDICTION_SLL).errors;
}
