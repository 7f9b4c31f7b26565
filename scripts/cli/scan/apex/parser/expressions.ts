/**
 * Apex expressions, by precedence climbing over the levels of the grammar's left-recursive
 * `expression` rule (apex-parser's ApexParser.g4: the numbers below are its precedence predicates),
 * building the scanner's tree (ast.ts) directly. Where the grammar is ambiguous, the choice is the one
 * ANTLR makes: `(a) - b` is a cast of `-b` (the first alternative that can parse wins), `Foo.class` a
 * class reference. SOQL and SOSL inside `[...]` are parsed by queries.ts.
 */
import type { Expr } from '../ast';
import { unquote } from '../unquote';
import { MAX_NESTING, SyntaxFailure, TokenCursor } from './cursor';
import { EXTRA_ANY_ID_TOKENS, ID_TOKENS, TOKEN, tokenSet } from './tokens';

// Module-local bindings of the token tables: under a per-file CommonJS transform (tsx, Jest) an
// imported binding is a getter call on every use, and these are read for every token.
const T = TOKEN;
const IS_ID = tokenSet(ID_TOKENS);

export const IS_ANY_ID = tokenSet(`${ID_TOKENS} ${EXTRA_ANY_ID_TOKENS}`);

const ASSIGN_OPS = tokenSet(
    'ASSIGN ADD_ASSIGN SUB_ASSIGN MUL_ASSIGN DIV_ASSIGN AND_ASSIGN OR_ASSIGN XOR_ASSIGN RSHIFT_ASSIGN ' +
        'URSHIFT_ASSIGN LSHIFT_ASSIGN'
);

/** Simple binary operators: token type to [precedence, precedence of the right operand]. */
const BINARY: Array<[number, number] | undefined> = [];
BINARY[T.MUL] = [14, 15];
BINARY[T.DIV] = [14, 15];
BINARY[T.ADD] = [13, 14];
BINARY[T.SUB] = [13, 14];
BINARY[T.BITAND] = [8, 9];
BINARY[T.CARET] = [7, 8];
BINARY[T.BITOR] = [6, 7];
BINARY[T.AND] = [5, 6];
BINARY[T.OR] = [4, 5];
BINARY[T.COAL] = [3, 4];
for (const name of ['TRIPLEEQUAL', 'TRIPLENOTEQUAL', 'EQUAL', 'NOTEQUAL', 'LESSANDGREATER']) {
    BINARY[T[name]] = [9, 10];
}

const LITERALS = tokenSet(
    'IntegerLiteral LongLiteral NumberLiteral StringLiteral MultilineStringLiteral BooleanLiteral NULL'
);

/**
 * Tokens after `(Type)` that make it a cast: they can only start an operand. An identifier can too,
 * except `instanceof` (an operator there) and, inside a SOQL bind, the query's own keywords
 * (`:(ids) AND ...`); `+`, `-`, `++` and `--` are tried as a cast and fall back (see parenthesised).
 */
const STARTS_CAST_OPERAND = tokenSet(
    `${ID_TOKENS} IntegerLiteral LongLiteral NumberLiteral StringLiteral MultilineStringLiteral BooleanLiteral ` +
        'NULL THIS SUPER NEW BANG TILDE LIST SET MAP VOID LPAREN FindLiteral'
);
const SIGNS = tokenSet('ADD SUB INC DEC');
/** Keywords that continue a SOQL or SOSL query after a bound expression. */
const QUERY_KEYWORDS = tokenSet(
    'SOQLAND SOQLOR NOT LIMIT OFFSET ORDER GROUP HAVING WITH FOR UPDATE ALL RETURNING IN USING WHERE LIKE ' +
        'INCLUDES EXCLUDES ASC DESC NULLS'
);

/** Expressions whose loop built more nodes than this have their depth measured (see expression). */
const CHAIN_CHECK = MAX_NESTING / 4;

export abstract class ExpressionParser extends TokenCursor {
    /** Inside a SOQL or SOSL bind (`:expr`): identifiers after a `(Type)` may be the query's keywords. */
    protected bindDepth = 0;
    /** A token the expression loop must stop at (see StatementParser.merge), or -1. */
    protected stopAt = -1;
    /** Nodes built by the expression loop since the outermost expression began. */
    private chained = 0;
    private inExpression = false;

    protected abstract soql(): Expr;
    protected abstract sosl(): Expr;

    protected expressionList(): Expr[] {
        const out = [this.expression(0)];
        while (this.accept(T.COMMA)) {
            out.push(this.expression(0));
        }
        return this.trimmed(out);
    }

    protected arguments(): Expr[] {
        this.expect(T.LPAREN);
        const args = this.at(T.RPAREN) ? [] : this.expressionList();
        this.expect(T.RPAREN, 'to close the argument list');
        return args;
    }

    protected parExpression(): Expr {
        this.expect(T.LPAREN);
        const expr = this.expression(0);
        this.expect(T.RPAREN);
        return expr;
    }

    /**
     * An expression whose operators bind at least as tightly as `minPrecedence`. Left-associative chains
     * (`a + b + c ...`) are built by a loop, not recursion, so their depth is not bounded by the nesting
     * guard: when the outermost expression's loop has built many nodes, its depth is measured.
     */
    protected expression(minPrecedence: number): Expr {
        this.enter();
        const outermost = !this.inExpression;
        if (outermost) {
            this.inExpression = true;
            this.chained = 0;
        }
        try {
            const expr = this.expressionInner(minPrecedence);
            if (outermost && this.chained > CHAIN_CHECK && this.depth + depthOf(expr) > MAX_NESTING) {
                throw this.tooDeep();
            }
            return expr;
        } finally {
            this.depth -= 1;
            if (outermost) {
                this.inExpression = false;
            }
        }
    }

    /**
     * The binary or assignment operator starting at the current token (of type `t`): its precedence,
     * its right operand's precedence and its length in tokens; null if none. `<<`, `>>` and `>>>` are
     * bitExpression (12), `<`, `>`, `<=` and `>=` cmpExpression (11): all lexed from `<`/`>`.
     */
    private binaryOperator(t: number): [number, number, number] | null {
        const simple = BINARY[t];
        if (simple !== undefined) {
            return [simple[0], simple[1], 1];
        }
        if (ASSIGN_OPS[t] === 1) {
            // Right-associative: `a = b = c` assigns `b = c` to a.
            return [1, 1, 1];
        }
        if (t !== T.LT && t !== T.GT) {
            return null;
        }
        const next = this.ty[this.i + 1];
        if ((t === T.LT && next === T.LT) || (t === T.GT && next === T.GT)) {
            return [12, 13, t === T.GT && this.ty[this.i + 2] === T.GT ? 3 : 2];
        }
        return [11, 12, next === T.ASSIGN ? 2 : 1];
    }

    /** The operator text between two operands, without whitespace (`>>`, `<=`, `+=`). */
    private operatorText(leftEnd: number, rightStart: number): string {
        return this.source.slice(this.tk.stop[leftEnd] + 1, this.tk.start[rightStart]).replace(/\s+/g, '');
    }

    private expressionInner(minPrecedence: number): Expr {
        const start = this.i;
        let left = this.prefix();
        for (;;) {
            const next = this.suffix(left, start, minPrecedence);
            if (next === null) {
                return left;
            }
            left = next;
            this.chained += 1;
        }
    }

    /** `left` extended by the operator at the current token, or null when none binds at this precedence. */
    private suffix(left: Expr, start: number, minPrecedence: number): Expr | null {
        if (this.i === this.stopAt) {
            return null;
        }
        const t = this.ty[this.i];
        if (t === T.DOT || t === T.QUESTIONDOT) {
            if (minPrecedence > 23) {
                return null;
            }
            this.i += 1;
            if (IS_ANY_ID[this.ty[this.i]] !== 1) {
                throw this.failure(`expected a name after '${t === T.DOT ? '.' : '?.'}'`);
            }
            const name = this.tk.text(this.i++);
            if (this.at(T.LPAREN)) {
                const args = this.arguments();
                return { kind: 'call', target: left, name, args, span: this.span(start, this.i - 1) };
            }
            return { kind: 'field', target: left, name, span: this.span(start, this.i - 1) };
        }
        if (t === T.LBRACK) {
            if (minPrecedence > 22) {
                return null;
            }
            this.i += 1;
            const index = this.expression(0);
            this.expect(T.RBRACK, 'to close the index');
            return { kind: 'index', target: left, index, span: this.span(start, this.i - 1) };
        }
        if (t === T.INC || t === T.DEC) {
            if (minPrecedence > 17) {
                return null;
            }
            this.i += 1;
            const op = t === T.INC ? '++' : '--';
            return { kind: 'unary', op, operand: left, postfix: true, span: this.span(start, this.i - 1) };
        }
        const binary = this.binaryOperator(t);
        if (binary !== null) {
            if (minPrecedence > binary[0]) {
                return null;
            }
            const opAt = this.i;
            this.i += binary[2];
            const rightStart = this.i;
            const right = this.expression(binary[1]);
            const op = this.operatorText(opAt - 1, rightStart);
            const span = this.span(start, this.i - 1);
            return ASSIGN_OPS[t] === 1
                ? { kind: 'assign', op, target: left, value: right, span }
                : { kind: 'binary', op, left, right, span };
        }
        if (t === T.INSTANCEOF) {
            if (minPrecedence > 10) {
                return null;
            }
            this.i += 1;
            const typeName = this.instanceofType();
            return { kind: 'instanceof', expr: left, typeName, span: this.span(start, this.i - 1) };
        }
        if (t === T.QUESTION) {
            if (minPrecedence > 2) {
                return null;
            }
            this.i += 1;
            const whenTrue = this.expression(0);
            this.expect(T.COLON, 'in a conditional expression (a ? b : c)');
            const whenFalse = this.expression(2);
            return { kind: 'conditional', test: left, whenTrue, whenFalse, span: this.span(start, this.i - 1) };
        }
        return null;
    }

    /**
     * The type after `instanceof`. Its type arguments are optional in the grammar, so where a name
     * follows them (`x instanceof List < a > b = c`) ANTLR reads `<` and `>` as comparisons instead.
     */
    private instanceofType(): string {
        const end = this.typeRefEnd(this.i);
        let open = this.i;
        while (open < end && this.ty[open] !== T.LT) {
            open += 1;
        }
        if (end > 0 && IS_ID[this.ty[end]] === 1 && open > this.i && open < end) {
            let j = this.i;
            while (j + 2 < open && this.ty[j + 1] === T.DOT) {
                j += 2;
            }
            if (j + 1 === open) {
                const start = this.i;
                this.i = open;
                return this.compact(start, open - 1);
            }
        }
        return this.typeRef('a type after instanceof');
    }

    private prefix(): Expr {
        const start = this.i;
        const t = this.ty[start];
        switch (t) {
            case T.NEW:
                this.i += 1;
                return this.creator(start);
            case T.LPAREN:
                return this.parenthesised();
            case T.ADD:
            case T.SUB:
            case T.INC:
            case T.DEC: {
                this.i += 1;
                const operand = this.expression(16);
                const op = t === T.INC ? '++' : t === T.DEC ? '--' : t === T.SUB ? '-' : '+';
                return { kind: 'unary', op, operand, postfix: false, span: this.span(start, this.i - 1) };
            }
            case T.BANG:
            case T.TILDE: {
                this.i += 1;
                const operand = this.expression(15);
                const op = t === T.BANG ? '!' : '~';
                return { kind: 'unary', op, operand, postfix: false, span: this.span(start, this.i - 1) };
            }
            case T.THIS:
            case T.SUPER:
                this.i += 1;
                if (this.at(T.LPAREN)) {
                    const args = this.arguments();
                    const name = t === T.THIS ? 'this' : 'super';
                    return { kind: 'call', target: null, name, args, span: this.span(start, this.i - 1) };
                }
                return { kind: t === T.THIS ? 'this' : 'super', span: this.span(start, start) };
            case T.LBRACK:
                if (this.ty[start + 1] === T.SELECT) {
                    return this.soql();
                }
                if (this.ty[start + 1] === T.FIND) {
                    return this.sosl();
                }
                throw this.failure("expected SELECT or FIND after '['", start + 1);
            case T.FindLiteral:
                return this.sosl();
            case T.VOID:
                this.i += 1;
                this.expect(T.DOT, "in 'void.class'");
                this.expect(T.CLASS, "in 'void.class'");
                return { kind: 'classref', typeName: 'void', span: this.span(start, this.i - 1) };
            default:
                break;
        }
        if (LITERALS[t] === 1) {
            this.i += 1;
            return this.literal(start);
        }
        if (IS_ID[t] === 1 && this.ty[start + 1] === T.LPAREN) {
            const name = this.tk.text(this.i++);
            const args = this.arguments();
            return { kind: 'call', target: null, name, args, span: this.span(start, this.i - 1) };
        }
        // `Foo.class`, `List<String>.class`, `Outer.Inner[].class` (but `Foo.class(x)` calls a method `class`).
        const end = this.typeRefEnd(start);
        if (end > 0 && this.ty[end] === T.DOT && this.ty[end + 1] === T.CLASS && this.ty[end + 2] !== T.LPAREN) {
            const typeName = this.compact(start, end - 1);
            this.i = end + 2;
            return { kind: 'classref', typeName, span: this.span(start, this.i - 1) };
        }
        if (IS_ID[t] === 1) {
            this.i += 1;
            return { kind: 'name', name: this.tk.text(start), span: this.span(start, start) };
        }
        throw this.failure('expected an expression');
    }

    /**
     * `(Type) expr` or `(expr)`. As in ANTLR, the cast wins wherever both readings parse (`(a) - b` is a
     * cast of `-b`); `(a)++` and `(a) - ;` only parse as a parenthesised operand.
     */
    private parenthesised(): Expr {
        const start = this.i;
        const end = this.typeRefEnd(start + 1);
        if (end > 0 && this.ty[end] === T.RPAREN) {
            const after = this.ty[end + 1];
            if (this.castFollows(after, end + 1)) {
                return this.cast(start);
            }
            if (SIGNS[after] === 1) {
                try {
                    return this.cast(start);
                } catch (error) {
                    if (!(error instanceof SyntaxFailure) || error.tooDeep) {
                        throw error;
                    }
                    this.i = start;
                }
            }
        }
        this.i += 1;
        const inner = this.expression(0);
        this.expect(T.RPAREN, 'to close the parenthesis');
        return inner;
    }

    /** Whether the token `after` (at index `at`), just past `(Type)`, can only begin the cast's operand. */
    private castFollows(after: number, at: number): boolean {
        if (after === T.LBRACK) {
            const next = this.ty[at + 1];
            return next === T.SELECT || next === T.FIND;
        }
        if (STARTS_CAST_OPERAND[after] !== 1 || after === T.INSTANCEOF) {
            return false;
        }
        return !(this.bindDepth > 0 && QUERY_KEYWORDS[after] === 1);
    }

    private cast(start: number): Expr {
        this.i = start + 1;
        const typeName = this.typeRef();
        this.expect(T.RPAREN);
        const expr = this.expression(19);
        return { kind: 'cast', typeName, expr, span: this.span(start, this.i - 1) };
    }

    private literal(at: number): Expr {
        const span = this.span(at, at);
        switch (this.ty[at]) {
            case T.StringLiteral:
            case T.MultilineStringLiteral:
                return { kind: 'literal', literalType: 'string', value: unquote(this.tk.text(at)), span };
            case T.IntegerLiteral:
                return { kind: 'literal', literalType: 'integer', value: this.tk.text(at), span };
            case T.LongLiteral:
                return { kind: 'literal', literalType: 'long', value: this.tk.text(at), span };
            case T.NumberLiteral:
                return { kind: 'literal', literalType: 'number', value: this.tk.text(at), span };
            case T.BooleanLiteral:
                return { kind: 'literal', literalType: 'boolean', value: this.tk.text(at).toLowerCase(), span };
            default:
                return { kind: 'literal', literalType: 'null', value: 'null', span };
        }
    }

    /** After `new`: the created type and its arguments, elements or entries. */
    private creator(start: number): Expr {
        const nameStart = this.i;
        for (;;) {
            if (IS_ANY_ID[this.ty[this.i]] !== 1) {
                throw this.failure("expected a type after 'new'");
            }
            this.i += 1;
            if (this.at(T.LT)) {
                const end = this.typeArgumentsEnd(this.i, 1);
                if (end < 0) {
                    throw this.failure('expected type arguments such as <String>', this.i + 1);
                }
                this.i = end;
            }
            if (!this.accept(T.DOT)) {
                break;
            }
        }
        const created: Extract<Expr, { kind: 'new' }> = {
            kind: 'new',
            typeName: this.compact(nameStart, this.i - 1),
            args: [],
            elements: [],
            pairs: [],
            span: null as never
        };
        const t = this.ty[this.i];
        if (t === T.LPAREN) {
            created.args = this.arguments();
        } else if (t === T.LBRACK) {
            this.arrayCreator(created);
        } else if (t === T.LBRACE) {
            this.collectionCreator(created);
        } else {
            throw this.failure("expected '(', '[' or '{' after the type");
        }
        created.span = this.span(start, this.i - 1);
        return created;
    }

    /** `new T[n]` or `new T[]{a, b,}`. */
    private arrayCreator(created: Extract<Expr, { kind: 'new' }>): void {
        this.i += 1;
        if (this.accept(T.RBRACK)) {
            if (this.accept(T.LBRACE)) {
                const elements: Expr[] = [];
                while (!this.at(T.RBRACE)) {
                    elements.push(this.expression(0));
                    if (!this.accept(T.COMMA)) {
                        break;
                    }
                }
                this.expect(T.RBRACE, 'to close the array initializer');
                created.elements = this.trimmed(elements);
            }
        } else {
            created.args = [this.expression(0)];
            this.expect(T.RBRACK);
        }
        created.typeName = `${created.typeName}[]`;
    }

    /** `new T{}`, `new Set<T>{a, b}` or `new Map<K, V>{k => v}`. */
    private collectionCreator(created: Extract<Expr, { kind: 'new' }>): void {
        this.i += 1;
        if (this.accept(T.RBRACE)) {
            return;
        }
        const first = this.expression(0);
        if (this.accept(T.MAPTO)) {
            const pairs: Array<[Expr, Expr]> = [[first, this.expression(0)]];
            while (this.accept(T.COMMA)) {
                const key = this.expression(0);
                this.expect(T.MAPTO, 'between a key and its value');
                pairs.push([key, this.expression(0)]);
            }
            created.pairs = this.trimmed(pairs);
        } else {
            const elements = [first];
            while (this.accept(T.COMMA)) {
                elements.push(this.expression(0));
            }
            created.elements = this.trimmed(elements);
        }
        this.expect(T.RBRACE, 'to close the initializer');
    }
}

/**
 * The depth of an expression tree, without recursion (it is only measured on chains long enough to
 * be deep): nodes are the objects with a `kind`; arrays and a SOQL query's fields are walked through.
 */
export function depthOf(root: Expr): number {
    let deepest = 0;
    // [value, the depth a node found there has]: arrays and a query's fields pass their depth on.
    const pending: Array<[unknown, number]> = [[root, 1]];
    while (pending.length > 0) {
        const [value, depth] = pending.pop()!;
        if (Array.isArray(value)) {
            for (const item of value) {
                pending.push([item, depth]);
            }
        } else if (value !== null && typeof value === 'object') {
            const isNode = 'kind' in value;
            if (isNode) {
                deepest = Math.max(deepest, depth);
            }
            for (const [key, child] of Object.entries(value)) {
                if (key !== 'span' && child !== null && typeof child === 'object') {
                    pending.push([child, isNode ? depth + 1 : depth]);
                }
            }
        }
    }
    return deepest;
}
