/**
 * The base of the Apex parser: a cursor over one file's tokens, spans and source text, the syntax
 * error it throws (with the line, column and a message a person can act on), the nesting guard that
 * keeps pathological input from exhausting the stack of the parser or of the rules that walk its tree,
 * and the look-ahead over type references that several of the grammar's choices need.
 */
import { tick } from '../../budget';
import type { Span } from '../ast';
import { describeToken, EOF, ID_TOKENS, KEYWORDS, TOKEN, tokenSet, type TokenTable } from './tokens';

/** Token types by name (module-local in each parser file, see expressions.ts). */
const T = TOKEN;

/**
 * How deep statements and expressions may nest, counted as the depth of the tree the rules walk. Real
 * Apex stays far below (the deepest file in the benchmark corpus and in Warden is under 40); the rules
 * recurse over the tree and would exhaust the stack a few thousand levels down.
 */
export const MAX_NESTING = 1000;

/** Thrown on the first syntax error; a plain object (no stack trace), caught at the parser's entry. */
export class SyntaxFailure {
    constructor(
        readonly line: number,
        readonly column: number,
        readonly message: string,
        /** True when the code nests deeper than MAX_NESTING: valid perhaps, but not analysed. */
        readonly tooDeep = false
    ) {}
}

const IS_ID = tokenSet(ID_TOKENS);

/** Token types to the spelling an error message shows (`';'`, `'class'`). */
const SPELLING: string[] = [];
for (const [text, type] of KEYWORDS) {
    SPELLING[type] = `'${text === 'system.runas' ? 'System.runAs' : text}'`;
}
for (const [text, name] of Object.entries({
    '(': 'LPAREN',
    ')': 'RPAREN',
    '{': 'LBRACE',
    '}': 'RBRACE',
    '[': 'LBRACK',
    ']': 'RBRACK',
    ';': 'SEMI',
    ',': 'COMMA',
    '.': 'DOT',
    '=': 'ASSIGN',
    '>': 'GT',
    '<': 'LT',
    ':': 'COLON',
    '=>': 'MAPTO',
    '@': 'ATSIGN'
})) {
    SPELLING[T[name]] = `'${text}'`;
}
SPELLING[T.Identifier] = 'a name';
SPELLING[T.IntegerLiteral] = 'a whole number';
SPELLING[T.StringLiteral] = 'a string';
SPELLING[EOF + 1] = 'the end of the file';

/** How an error message names a token type. */
export function spell(type: number): string {
    return SPELLING[type === EOF ? 0 : type] ?? `a ${Object.keys(T).find((name) => T[name] === type) ?? 'token'}`;
}

export abstract class TokenCursor {
    protected i = 0;
    /** Nesting of statements, expressions and type arguments being parsed (see MAX_NESTING). */
    protected depth = 0;
    protected readonly ty: number[];

    constructor(
        protected readonly source: string,
        protected readonly tk: TokenTable
    ) {
        this.ty = tk.type;
    }

    /**
     * The array with no spare room. An array grown by push keeps room for 16 more elements; trees are
     * kept for the whole scan, so that room would be copied by every garbage collection until the end.
     */
    protected trimmed<V>(items: V[]): V[] {
        return items.length === 0 ? items : items.slice();
    }

    // ------------------------------------------------------------ tokens

    protected at(type: number): boolean {
        return this.ty[this.i] === type;
    }

    protected accept(type: number): boolean {
        if (this.ty[this.i] === type) {
            this.i += 1;
            return true;
        }
        return false;
    }

    /** Consumes a token of `type` and returns its index, or fails naming what was expected. */
    protected expect(type: number, context?: string): number {
        if (this.ty[this.i] !== type) {
            throw this.failure(`expected ${spell(type)}${context ? ` ${context}` : ''}`);
        }
        return this.i++;
    }

    /** A syntax error at the current token: `found 'x'; <expected>`. */
    protected failure(expected: string, at = this.i): SyntaxFailure {
        const index = Math.min(at, this.tk.length - 1);
        return new SyntaxFailure(
            this.tk.line[index],
            this.tk.column[index] + 1,
            `unexpected ${describeToken(this.tk, index)}: ${expected}`
        );
    }

    protected tooDeep(): SyntaxFailure {
        const index = Math.min(this.i, this.tk.length - 1);
        return new SyntaxFailure(
            this.tk.line[index],
            this.tk.column[index] + 1,
            `code nested more than ${MAX_NESTING} levels deep`,
            true
        );
    }

    /** Counts one level of nesting; every caller pairs it with `this.depth -= 1` in a finally. */
    protected enter(): void {
        if (++this.depth > MAX_NESTING) {
            throw this.tooDeep();
        }
        tick();
    }

    /** Consumes a name (the grammar's `id`: an identifier or a contextual keyword); returns its index. */
    protected idToken(what = 'a name'): number {
        if (IS_ID[this.ty[this.i]] !== 1) {
            throw this.failure(`expected ${what}`);
        }
        return this.i++;
    }

    protected idText(what?: string): string {
        return this.tk.text(this.idToken(what));
    }

    // ------------------------------------------------------------ source

    protected span(a: number, b: number): Span {
        const tk = this.tk;
        const start = tk.start[a];
        return {
            line: tk.line[a],
            column: tk.column[a] + 1,
            endLine: tk.line[b],
            start,
            end: Math.max(start, tk.stop[b] + 1)
        };
    }

    protected text(a: number, b: number): string {
        const span = this.span(a, b);
        return this.source.slice(span.start, span.end);
    }

    /** Source text without whitespace: type names, qualified names. */
    protected compact(a: number, b: number): string {
        return this.text(a, b).replace(/\s+/g, '');
    }

    // ------------------------------------------------------------ types and names

    /** Index just past a typeRef starting at `from`, or -1; consumes nothing. */
    protected typeRefEnd(from: number, nesting = 0): number {
        tick();
        const ty = this.ty;
        let j = from;
        for (;;) {
            const t = ty[j];
            if (t !== T.LIST && t !== T.SET && t !== T.MAP && IS_ID[t] !== 1) {
                return -1;
            }
            j += 1;
            if (ty[j] === T.LT) {
                j = this.typeArgumentsEnd(j, nesting + 1);
                if (j < 0) {
                    return -1;
                }
            }
            if (
                ty[j] === T.DOT &&
                (ty[j + 1] === T.LIST || ty[j + 1] === T.SET || ty[j + 1] === T.MAP || IS_ID[ty[j + 1]] === 1)
            ) {
                j += 1;
                continue;
            }
            break;
        }
        while (ty[j] === T.LBRACK && ty[j + 1] === T.RBRACK) {
            j += 2;
        }
        return j;
    }

    /** `<` typeList `>` starting at `from` (the `<`): the index past the `>`, or -1. */
    protected typeArgumentsEnd(from: number, nesting: number): number {
        if (nesting + this.depth > MAX_NESTING) {
            throw this.tooDeep();
        }
        let j = from + 1;
        for (;;) {
            j = this.typeRefEnd(j, nesting);
            if (j < 0) {
                return -1;
            }
            if (this.ty[j] === T.COMMA) {
                j += 1;
                continue;
            }
            return this.ty[j] === T.GT ? j + 1 : -1;
        }
    }

    /** A typeRef (`List<Map<Id, Account>>`, `Outer.Inner[]`) as written without spaces. */
    protected typeRef(what = 'a type'): string {
        const end = this.typeRefEnd(this.i);
        if (end < 0) {
            throw this.failure(`expected ${what}`);
        }
        const start = this.i;
        this.i = end;
        return this.compact(start, end - 1);
    }

    /** qualifiedName: id (DOT id)*; returns [first index, last index]. */
    protected qualifiedName(what?: string): [number, number] {
        const start = this.i;
        this.idToken(what);
        while (this.ty[this.i] === T.DOT) {
            this.i += 1;
            this.idToken();
        }
        return [start, this.i - 1];
    }
}
