/**
 * Apex statements and blocks, and the modifiers and annotations that statements and declarations
 * share. Where a statement could be a local variable declaration or an expression (`a<b> c;`), the
 * declaration wins, as in the grammar, whose alternatives ANTLR tries in order.
 */
import type {
    Annotation,
    BlockStmt,
    CatchClause,
    DmlOp,
    Expr,
    LocalStmt,
    Modifiers,
    Stmt,
    VariableDeclarator,
    WhenClause
} from '../ast';
import { QueryParser } from './queries';
import { ID_TOKENS, TOKEN, tokenSet } from './tokens';

// Module-local bindings of the token tables: under a per-file CommonJS transform (tsx, Jest) an
// imported binding is a getter call on every use, and these are read for every token.
const T = TOKEN;
const IS_ID = tokenSet(ID_TOKENS);

const MODIFIER_KEYWORDS = tokenSet(
    'GLOBAL PUBLIC PROTECTED PRIVATE TRANSIENT STATIC ABSTRACT FINAL WEBSERVICE OVERRIDE VIRTUAL TESTMETHOD'
);
const DML_KEYWORDS: Record<number, DmlOp> = {
    [T.INSERT]: 'insert',
    [T.UPDATE]: 'update',
    [T.DELETE]: 'delete',
    [T.UNDELETE]: 'undelete',
    [T.UPSERT]: 'upsert',
    [T.MERGE]: 'merge'
};
/** Tokens an operand can end with, so that a `-` after them is binary. */
const ENDS_OPERAND = tokenSet(
    `${ID_TOKENS} IntegerLiteral LongLiteral NumberLiteral StringLiteral MultilineStringLiteral BooleanLiteral ` +
        'NULL THIS SUPER CLASS RPAREN RBRACK RBRACE INC DEC'
);
/** The grammar's `literal`: what an annotation value may be. */
const ANNOTATION_VALUES = tokenSet(
    'NULL IntegerLiteral LongLiteral NumberLiteral BooleanLiteral MultilineStringLiteral StringLiteral'
);

export abstract class StatementParser extends QueryParser {
    // ------------------------------------------------------------ modifiers

    /**
     * The token indexes where the modifiers starting at `from` could end, longest first: after each
     * modifier read greedily, down to `from` itself. `transient` and `with sharing` are also names, so a
     * caller tries the longest reading that fits what must follow (`transient x;` declares a variable of
     * a type called transient).
     */
    protected modifierEnds(from: number): number[] {
        const ends = [from];
        let j = from;
        for (;;) {
            const t = this.ty[j];
            if (t === T.ATSIGN) {
                j = this.annotationEnd(j);
                if (j < 0) {
                    break;
                }
            } else if (MODIFIER_KEYWORDS[t] === 1) {
                j += 1;
            } else if ((t === T.WITH || t === T.WITHOUT || t === T.INHERITED) && this.ty[j + 1] === T.SHARING) {
                j += 2;
            } else {
                break;
            }
            ends.push(j);
        }
        return ends.reverse();
    }

    /** The index past the annotation at `from` (`@Name` or `@Name(...)`), or -1. */
    private annotationEnd(from: number): number {
        let j = from + 1;
        if (IS_ID[this.ty[j]] !== 1) {
            return -1;
        }
        j += 1;
        if (this.ty[j] !== T.LPAREN) {
            return j;
        }
        while (this.ty[j] !== T.RPAREN) {
            if (this.ty[j] === -1) {
                return -1;
            }
            j += 1;
        }
        return j + 1;
    }

    /** Reads the modifiers up to token index `end` (one of modifierEnds). */
    protected modifiers(end = this.modifierEnds(this.i)[0]): Modifiers {
        const keywords = new Set<string>();
        const annotations: Annotation[] = [];
        while (this.i < end) {
            const t = this.ty[this.i];
            if (t === T.ATSIGN) {
                annotations.push(this.annotation());
            } else if (MODIFIER_KEYWORDS[t] === 1) {
                keywords.add(this.tk.text(this.i).toLowerCase());
                this.i += 1;
            } else {
                keywords.add(
                    this.text(this.i, this.i + 1)
                        .replace(/\s+/g, ' ')
                        .toLowerCase()
                );
                this.i += 2;
            }
        }
        return { keywords, annotations };
    }

    /** `@Name`, `@Name(value)` or `@Name(key=value key2=value2)` (the comma between pairs is optional). */
    private annotation(): Annotation {
        this.expect(T.ATSIGN);
        const name = this.idText('an annotation name').toLowerCase();
        const params: Record<string, string> = {};
        if (this.accept(T.LPAREN)) {
            if (ANNOTATION_VALUES[this.ty[this.i]] === 1) {
                params[''] = this.tk.text(this.i).toLowerCase();
                this.i += 1;
            } else if (!this.at(T.RPAREN)) {
                for (;;) {
                    const key = this.idText('an annotation parameter').toLowerCase();
                    this.expect(T.ASSIGN, 'after the annotation parameter');
                    if (ANNOTATION_VALUES[this.ty[this.i]] !== 1) {
                        throw this.failure('expected a literal value (a string, number, true, false or null)');
                    }
                    params[key] = this.tk.text(this.i).toLowerCase();
                    this.i += 1;
                    if (!this.accept(T.COMMA) && this.at(T.RPAREN)) {
                        break;
                    }
                }
            }
            this.expect(T.RPAREN, 'to close the annotation');
        }
        return { name, params };
    }

    // ------------------------------------------------------------ statements

    protected block(): BlockStmt {
        const start = this.expect(T.LBRACE);
        const body: Stmt[] = [];
        while (!this.at(T.RBRACE)) {
            if (this.at(-1)) {
                throw this.failure("expected '}' to close the block");
            }
            body.push(this.statement());
        }
        const end = this.expect(T.RBRACE);
        return { kind: 'block', body: this.trimmed(body), span: this.span(start, end) };
    }

    protected statement(): Stmt {
        this.enter();
        try {
            return this.statementInner();
        } finally {
            this.depth -= 1;
        }
    }

    /**
     * Where the modifiers of a local variable declaration starting here end, or -1 when none starts
     * here: a type, a name, then `=`, `,` or `;` (or `:`, the for-each form, when `forEach`).
     */
    protected localDeclarationAt(forEach = false): number {
        for (const end of this.modifierEnds(this.i)) {
            const typeEnd = this.typeRefEnd(end);
            if (typeEnd >= 0 && IS_ID[this.ty[typeEnd]] === 1) {
                const after = this.ty[typeEnd + 1];
                if (after === T.ASSIGN || after === T.COMMA || after === T.SEMI || (forEach && after === T.COLON)) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** modifier* typeRef variableDeclarators, the modifiers ending at `end`. */
    protected local(end: number): LocalStmt {
        const start = this.i;
        this.modifiers(end);
        const typeName = this.typeRef();
        const declarators = this.declarators();
        return { kind: 'local', typeName, declarators, span: this.span(start, this.i - 1) };
    }

    protected declarators(): VariableDeclarator[] {
        const out: VariableDeclarator[] = [];
        do {
            const start = this.i;
            const name = this.idText('a variable name');
            const init = this.accept(T.ASSIGN) ? this.expression(0) : null;
            out.push({ name, init, span: this.span(start, this.i - 1) });
        } while (this.accept(T.COMMA));
        return this.trimmed(out);
    }

    private statementInner(): Stmt {
        const start = this.i;
        const t = this.ty[start];
        switch (t) {
            case T.LBRACE:
                return this.block();
            case T.IF: {
                this.i += 1;
                const test = this.parExpression();
                const then = this.statement();
                const otherwise = this.accept(T.ELSE) ? this.statement() : null;
                return { kind: 'if', test, then, otherwise, span: this.span(start, this.i - 1) };
            }
            case T.FOR:
                return this.forStatement();
            case T.WHILE: {
                this.i += 1;
                const test = this.parExpression();
                const body = this.accept(T.SEMI) ? null : this.statement();
                return { kind: 'while', test, body, span: this.span(start, this.i - 1) };
            }
            case T.DO: {
                this.i += 1;
                const body = this.block();
                this.expect(T.WHILE, 'after the body of do');
                const test = this.parExpression();
                const semi = this.expect(T.SEMI);
                return { kind: 'dowhile', body, test, span: this.span(start, semi) };
            }
            case T.TRY:
                return this.tryStatement();
            case T.RETURN: {
                this.i += 1;
                const expr = this.at(T.SEMI) ? null : this.expression(0);
                const semi = this.expect(T.SEMI, 'after the return value');
                return { kind: 'return', expr, span: this.span(start, semi) };
            }
            case T.THROW: {
                this.i += 1;
                const expr = this.expression(0);
                const semi = this.expect(T.SEMI);
                return { kind: 'throw', expr, span: this.span(start, semi) };
            }
            case T.BREAK:
            case T.CONTINUE: {
                this.i += 1;
                const semi = this.expect(T.SEMI);
                return { kind: t === T.BREAK ? 'break' : 'continue', span: this.span(start, semi) };
            }
            case T.SYSTEMRUNAS: {
                this.i += 1;
                this.expect(T.LPAREN, "after 'System.runAs'");
                const args = this.at(T.RPAREN) ? [] : this.expressionList();
                this.expect(T.RPAREN);
                const body = this.block();
                return { kind: 'runas', args, body, span: this.span(start, this.i - 1) };
            }
            case T.SWITCH:
                if (this.ty[start + 1] === T.ON) {
                    return this.switchStatement();
                }
                break;
            default:
                break;
        }
        const op = DML_KEYWORDS[t];
        if (op !== undefined) {
            return this.dml(op);
        }
        const modifiersEnd = this.localDeclarationAt();
        if (modifiersEnd >= 0) {
            const local = this.local(modifiersEnd);
            const semi = this.expect(T.SEMI, 'after the declaration');
            return { ...local, span: this.span(start, semi) };
        }
        const expr = this.expression(0);
        const semi = this.expect(T.SEMI, 'at the end of the statement');
        return { kind: 'expr', expr, span: this.span(start, semi) };
    }

    private forStatement(): Stmt {
        const start = this.expect(T.FOR);
        this.expect(T.LPAREN, "after 'for'");
        const typeEnd = this.typeRefEnd(this.i);
        if (typeEnd >= 0 && IS_ID[this.ty[typeEnd]] === 1 && this.ty[typeEnd + 1] === T.COLON) {
            const typeName = this.typeRef();
            const variable = this.idText();
            this.expect(T.COLON);
            const iterable = this.expression(0);
            this.expect(T.RPAREN, 'to close the for loop');
            const body = this.accept(T.SEMI) ? null : this.statement();
            return { kind: 'foreach', typeName, variable, iterable, body, span: this.span(start, this.i - 1) };
        }
        let init: LocalStmt | Expr[] | null = null;
        if (!this.at(T.SEMI)) {
            const modifiersEnd = this.localDeclarationAt();
            init = modifiersEnd >= 0 ? this.local(modifiersEnd) : this.expressionList();
        }
        this.expect(T.SEMI, 'in the for loop');
        const test = this.at(T.SEMI) ? null : this.expression(0);
        this.expect(T.SEMI, 'in the for loop');
        const update = this.at(T.RPAREN) ? [] : this.expressionList();
        this.expect(T.RPAREN, 'to close the for loop');
        const body = this.accept(T.SEMI) ? null : this.statement();
        return { kind: 'for', init, test, update, body, span: this.span(start, this.i - 1) };
    }

    private tryStatement(): Stmt {
        const start = this.expect(T.TRY);
        const body = this.block();
        const catches: CatchClause[] = [];
        while (this.at(T.CATCH)) {
            const clauseStart = this.i;
            this.i += 1;
            this.expect(T.LPAREN, "after 'catch'");
            const modifiersEnd = this.modifierEnds(this.i).find((end) => this.catchTypeFollows(end));
            this.modifiers(modifiersEnd ?? this.i);
            const [a, b] = this.qualifiedName('an exception type');
            const variable = this.idText();
            this.expect(T.RPAREN);
            const clauseBody = this.block();
            catches.push({
                typeName: this.compact(a, b),
                variable,
                body: clauseBody,
                span: this.span(clauseStart, this.i - 1)
            });
        }
        const finallyBlock = this.accept(T.FINALLY) ? this.block() : null;
        if (catches.length === 0 && !finallyBlock) {
            throw this.failure("expected 'catch' or 'finally' after the try block");
        }
        return { kind: 'try', body, catches: this.trimmed(catches), finallyBlock, span: this.span(start, this.i - 1) };
    }

    /** `Type.Name variable )` at `from`: the rest of a catch clause. */
    private catchTypeFollows(from: number): boolean {
        let j = from;
        if (IS_ID[this.ty[j]] !== 1) {
            return false;
        }
        while (this.ty[j + 1] === T.DOT && IS_ID[this.ty[j + 2]] === 1) {
            j += 2;
        }
        return IS_ID[this.ty[j + 1]] === 1 && this.ty[j + 2] === T.RPAREN;
    }

    private switchStatement(): Stmt {
        const start = this.i;
        this.i += 2;
        const expr = this.expression(0);
        this.expect(T.LBRACE, 'after the switch expression');
        const whens: WhenClause[] = [];
        do {
            this.expect(T.WHEN, "in the switch (each case starts with 'when')");
            whens.push(this.whenClause());
        } while (this.at(T.WHEN));
        const end = this.expect(T.RBRACE, 'to close the switch');
        return { kind: 'switch', expr, whens: this.trimmed(whens), span: this.span(start, end) };
    }

    private whenClause(): WhenClause {
        if (this.accept(T.ELSE)) {
            return { values: [], isElse: true, typeName: null, variable: null, body: this.block() };
        }
        // `when Account a {`: a type pattern.
        const end = this.typeRefEnd(this.i);
        if (end >= 0 && IS_ID[this.ty[end]] === 1 && this.ty[end + 1] === T.LBRACE) {
            const typeName = this.typeRef();
            const variable = this.idText();
            return { values: [], isElse: false, typeName, variable, body: this.block() };
        }
        const values: string[] = [];
        do {
            const valueStart = this.i;
            this.whenLiteral();
            values.push(this.text(valueStart, this.i - 1));
        } while (this.accept(T.COMMA));
        return { values: this.trimmed(values), isElse: false, typeName: null, variable: null, body: this.block() };
    }

    /** A `when` value: a (signed) integer or long, a string, null, an enum value, or one in parentheses. */
    private whenLiteral(): void {
        const t = this.ty[this.i];
        if (t === T.ADD || t === T.SUB) {
            while (this.at(T.ADD) || this.at(T.SUB)) {
                this.i += 1;
            }
            if (!this.accept(T.IntegerLiteral) && !this.accept(T.LongLiteral)) {
                throw this.failure('expected a number after the sign');
            }
        } else if (t === T.LPAREN) {
            this.enter();
            try {
                this.i += 1;
                this.whenLiteral();
                this.expect(T.RPAREN);
            } finally {
                this.depth -= 1;
            }
        } else if (
            t === T.IntegerLiteral ||
            t === T.LongLiteral ||
            t === T.StringLiteral ||
            t === T.MultilineStringLiteral ||
            t === T.NULL
        ) {
            this.i += 1;
        } else {
            this.qualifiedName("a value, an enum constant, a type and a variable, or 'else'");
        }
    }

    /** The last `+` or `-` between `from` and `to` used as a binary operator outside brackets, or -1. */
    private lastBinarySign(from: number, to: number): number {
        let found = -1;
        let nesting = 0;
        for (let j = from; j < to; j += 1) {
            const t = this.ty[j];
            if (t === T.LPAREN || t === T.LBRACK || t === T.LBRACE) {
                nesting += 1;
            } else if (t === T.RPAREN || t === T.RBRACK || t === T.RBRACE) {
                nesting -= 1;
            } else if (
                (t === T.ADD || t === T.SUB) &&
                nesting === 0 &&
                j > from &&
                ENDS_OPERAND[this.ty[j - 1]] === 1
            ) {
                found = j;
            }
        }
        return found;
    }

    private dml(op: DmlOp): Stmt {
        const start = this.i;
        this.i += 1;
        let mode: 'user' | 'system' | null = null;
        // `as user` is the access level only when an expression follows: `upsert as user;` upserts `as`.
        const level = this.ty[this.i + 1];
        const after = this.ty[this.i + 2];
        if (this.at(T.AS) && (level === T.USER || level === T.SYSTEM) && after !== T.SEMI && after !== T.DOT) {
            mode = level === T.USER ? 'user' : 'system';
            this.i += 2;
        }
        const exprStart = this.i;
        let expr = this.expression(0);
        let second: Expr | null = null;
        let externalIdField: string | null = null;
        if (op === 'merge') {
            const split = this.at(T.SEMI) ? this.lastBinarySign(exprStart, this.i) : -1;
            if (split >= 0) {
                // `merge a - b;` merges `-b` into `a`: the first expression stops before its last + or -.
                this.i = exprStart;
                this.stopAt = split;
                try {
                    expr = this.expression(0);
                } finally {
                    this.stopAt = -1;
                }
            }
            second = this.expression(0);
        } else if (op === 'upsert' && IS_ID[this.ty[this.i]] === 1) {
            const [a, b] = this.qualifiedName();
            externalIdField = this.compact(a, b);
        }
        const semi = this.expect(T.SEMI, `at the end of the ${op} statement`);
        return { kind: 'dml', op, mode, expr, second, externalIdField, span: this.span(start, semi) };
    }
}
