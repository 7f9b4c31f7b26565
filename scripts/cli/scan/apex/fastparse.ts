/**
 * A hand-written recursive-descent parser for the common shape of Apex, over the tokens of
 * apex-parser's own lexer, that builds the scanner's tree (ast.ts) directly: the same tree the
 * ANTLR parser plus build.ts produce, node for node and span for span.
 *
 * It exists for speed. ANTLR's adaptive prediction is most of the scanner's time, and its warm-up
 * (DFA construction and the JIT tiering of a 39,000-line generated parser) costs seconds in every
 * process. This parser is deliberately partial: anything it does not recognise with certainty
 * (SOSL, TYPEOF, a cast that could also be a parenthesised operand, a syntax error of any kind,
 * rare grammar corners) makes it give up on the whole file, and tree.ts parses that file with
 * apex-parser exactly as before. So syntax errors are always apex-parser's, and a file this parser
 * accepts must be one apex-parser accepts with the same tree; a test compares the two on every
 * Apex file the test suites see, on the benchmark corpus, and on token-deletion mutants.
 */
import type { ApexParserFactory as Factory } from '@apexdevtools/apex-parser';
import type {
    AccessMode,
    Annotation,
    BlockStmt,
    CatchClause,
    CompilationUnit,
    DmlOp,
    Expr,
    FieldDecl,
    LocalStmt,
    MemberDecl,
    MethodDecl,
    Modifiers,
    Param,
    PropertyDecl,
    SoqlQuery,
    Span,
    Stmt,
    TriggerDecl,
    TypeDecl,
    VariableDeclarator,
    WhenClause
} from './ast';
import { EOF, lexApexTable, TOKEN, TokenTable, type LexedToken } from './lexer';
import type { ApexKind } from './parse';
import { unquote } from './unquote';

const T = TOKEN;

/** Thrown (a shared object, no stack trace) whenever the fast path gives up on a file. */
const GIVE_UP = { fastParseGaveUp: true };

function table(names: string): Uint8Array {
    const out = new Uint8Array(512);
    for (const name of names.split(/\s+/)) {
        if (name && T[name] !== undefined) {
            out[T[name]] = 1;
        }
    }
    return out;
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

const IS_ID = table(ID_TOKENS);
const IS_ANY_ID = table(`${ID_TOKENS} ${EXTRA_ANY_ID_TOKENS}`);
const MODIFIER_KEYWORDS = table(
    'GLOBAL PUBLIC PROTECTED PRIVATE TRANSIENT STATIC ABSTRACT FINAL WEBSERVICE OVERRIDE VIRTUAL TESTMETHOD'
);
const SOQL_FUNCTIONS = table(
    'AVG COUNT COUNT_DISTINCT MIN MAX SUM TOLABEL FORMAT GROUPING CONVERT_CURRENCY CALENDAR_MONTH ' +
        'CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH FISCAL_QUARTER ' +
        'FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR'
);
const DML_KEYWORDS: Record<number, DmlOp> = {
    [T.INSERT]: 'insert',
    [T.UPDATE]: 'update',
    [T.DELETE]: 'delete',
    [T.UNDELETE]: 'undelete',
    [T.UPSERT]: 'upsert',
    [T.MERGE]: 'merge'
};
const ASSIGN_OPS = table(
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
/** Tokens that can begin an expression other than a parenthesised one (for cast detection). */
const STARTS_OPERAND = table(
    `${ID_TOKENS} THIS SUPER NEW NULL IntegerLiteral LongLiteral NumberLiteral StringLiteral MultilineStringLiteral ` +
        'BooleanLiteral LBRACK BANG TILDE LIST SET MAP VOID'
);

const MAX_DEPTH = 300;

/**
 * The array with no spare room. An array grown by push keeps room for 16 more elements; trees are kept
 * for the whole scan, so that room would be copied by every garbage collection until the end.
 */
function trimmed<T>(items: T[]): T[] {
    return items.length === 0 ? items : items.slice();
}

type Token = LexedToken;

class FastParser {
    private i = 0;

    get position(): number {
        return this.i;
    }

    private depth = 0;
    private readonly ty: number[];

    constructor(
        private readonly source: string,
        private readonly tk: TokenTable
    ) {
        this.ty = tk.type;
    }

    // ------------------------------------------------------------ tokens

    private at(type: number): boolean {
        return this.ty[this.i] === type;
    }

    private expect(type: number): number {
        if (this.ty[this.i] !== type) {
            throw GIVE_UP;
        }
        return this.i++;
    }

    private accept(type: number): boolean {
        if (this.ty[this.i] === type) {
            this.i += 1;
            return true;
        }
        return false;
    }

    /** Consumes an identifier-like token; returns its index. */
    private idToken(): number {
        if (IS_ID[this.ty[this.i]] !== 1) {
            throw GIVE_UP;
        }
        return this.i++;
    }

    /** Consumes an identifier-like token; returns its text. */
    private idText(): string {
        return this.tk.text(this.idToken());
    }

    private span(a: number, b: number): Span {
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

    private text(a: number, b: number): string {
        const span = this.span(a, b);
        return this.source.slice(span.start, span.end);
    }

    private compact(a: number, b: number): string {
        return this.text(a, b).replace(/\s+/g, '');
    }

    private enter(): void {
        if (++this.depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
    }

    // ------------------------------------------------------------ types and names

    /** Index just past a typeRef starting at `from`, or -1; consumes nothing. */
    private typeRefEnd(from: number): number {
        const ty = this.ty;
        let j = from;
        for (;;) {
            const t = ty[j];
            if (t !== T.LIST && t !== T.SET && t !== T.MAP && IS_ID[t] !== 1) {
                return -1;
            }
            j += 1;
            if (ty[j] === T.LT) {
                j = this.typeArgumentsEnd(j);
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
    private typeArgumentsEnd(from: number): number {
        let j = from + 1;
        for (;;) {
            j = this.typeRefEnd(j);
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

    private typeRef(): string {
        const end = this.typeRefEnd(this.i);
        if (end < 0) {
            throw GIVE_UP;
        }
        const start = this.i;
        this.i = end;
        return this.compact(start, end - 1);
    }

    /** qualifiedName: id (DOT id)* — returns [first index, last index]. */
    private qualifiedName(): [number, number] {
        const start = this.i;
        this.idToken();
        while (this.ty[this.i] === T.DOT && IS_ID[this.ty[this.i + 1]] === 1) {
            this.i += 2;
        }
        return [start, this.i - 1];
    }

    // ------------------------------------------------------------ units

    compilationUnit(): CompilationUnit {
        const modifiers = this.modifiers();
        let type: TypeDecl;
        if (this.at(T.CLASS)) {
            type = this.classDeclaration(modifiers, null);
        } else if (this.at(T.INTERFACE)) {
            type = this.interfaceDeclaration(modifiers, null);
        } else if (this.at(T.ENUM)) {
            type = this.enumDeclaration(modifiers, null);
        } else {
            throw GIVE_UP;
        }
        this.expect(-1);
        return { kind: 'class', type };
    }

    triggerUnit(): CompilationUnit {
        const first = this.expect(T.TRIGGER);
        const name = this.idText();
        this.expect(T.ON);
        const objectName = this.idText();
        this.expect(T.LPAREN);
        const events: string[] = [];
        for (;;) {
            const start = this.i;
            if (!this.accept(T.BEFORE) && !this.accept(T.AFTER)) {
                throw GIVE_UP;
            }
            const t = this.ty[this.i];
            if (t !== T.INSERT && t !== T.UPDATE && t !== T.DELETE && t !== T.UNDELETE) {
                throw GIVE_UP;
            }
            this.i += 1;
            events.push(
                this.text(start, this.i - 1)
                    .replace(/\s+/g, ' ')
                    .toLowerCase()
            );
            if (!this.accept(T.COMMA)) {
                break;
            }
        }
        this.expect(T.RPAREN);
        const blockStart = this.expect(T.LBRACE);
        const { body, members, innerTypes } = this.scriptMembers(T.RBRACE);
        const blockEnd = this.expect(T.RBRACE);
        this.expect(-1);
        const trigger: TriggerDecl = {
            name,
            objectName,
            events,
            body,
            members,
            innerTypes,
            // apex-parser's unit ends at the last token before EOF (EOF itself is never consumed).
            span: this.span(first, blockEnd),
            bodySpan: this.span(blockStart, blockEnd)
        };
        return { kind: 'trigger', trigger };
    }

    anonymousUnit(): CompilationUnit {
        const { body, members, innerTypes } = this.scriptMembers(-1);
        const eof = this.expect(-1);
        return {
            kind: 'anonymous',
            anonymous: { body, members, innerTypes, span: this.span(0, Math.max(0, eof - 1)) }
        };
    }

    /** The members of a trigger body or an anonymous script, up to (not including) `end`. */
    private scriptMembers(end: number): { body: Stmt[]; members: MemberDecl[]; innerTypes: TypeDecl[] } {
        const body: Stmt[] = [];
        const members: MemberDecl[] = [];
        const innerTypes: TypeDecl[] = [];
        while (!this.at(end) && !this.at(-1)) {
            const start = this.i;
            const hasModifiers = this.ty[this.i] === T.ATSIGN || MODIFIER_KEYWORDS[this.ty[this.i]] === 1;
            const shape = this.memberShape(this.i + (hasModifiers ? this.modifiersLength(this.i) : 0));
            if (shape === 'field') {
                this.modifiers();
                const typeName = this.typeRef();
                const declarators = this.declarators();
                const semi = this.expect(T.SEMI);
                body.push({ kind: 'local', typeName, declarators, span: this.span(start, semi) });
            } else if (shape === 'method' || shape === 'property' || shape === 'type') {
                const modifiers = this.modifiers();
                this.memberDeclaration(modifiers, null, members, innerTypes, false);
            } else if (hasModifiers) {
                throw GIVE_UP;
            } else {
                body.push(this.statement());
            }
        }
        return { body: trimmed(body), members: trimmed(members), innerTypes };
    }

    /** How many tokens of modifiers start at `from` (without consuming). */
    private modifiersLength(from: number): number {
        const saved = this.i;
        this.i = from;
        try {
            this.modifiers();
            return this.i - from;
        } finally {
            this.i = saved;
        }
    }

    /** What member declaration starts at `from` (after modifiers), judged by its first tokens. */
    private memberShape(from: number): 'type' | 'method' | 'property' | 'field' | 'constructor' | null {
        const t = this.ty[from];
        if (t === T.CLASS || t === T.INTERFACE || t === T.ENUM) {
            return 'type';
        }
        if (t === T.VOID) {
            return 'method';
        }
        const end = this.typeRefEnd(from);
        if (end < 0) {
            return null;
        }
        const next = this.ty[end];
        if (next === T.LPAREN) {
            return 'constructor';
        }
        if (IS_ID[next] !== 1) {
            return null;
        }
        const after = this.ty[end + 1];
        if (after === T.LPAREN) {
            return 'method';
        }
        if (after === T.LBRACE) {
            return 'property';
        }
        if (after === T.ASSIGN || after === T.COMMA || after === T.SEMI) {
            return 'field';
        }
        return null;
    }

    // ------------------------------------------------------------ declarations

    private modifiers(): Modifiers {
        const keywords = new Set<string>();
        const annotations: Annotation[] = [];
        for (;;) {
            const t = this.ty[this.i];
            if (t === T.ATSIGN) {
                annotations.push(this.annotation());
            } else if (MODIFIER_KEYWORDS[t] === 1) {
                keywords.add(this.tk.text(this.i).toLowerCase());
                this.i += 1;
            } else if ((t === T.WITH || t === T.WITHOUT || t === T.INHERITED) && this.ty[this.i + 1] === T.SHARING) {
                keywords.add(
                    this.text(this.i, this.i + 1)
                        .replace(/\s+/g, ' ')
                        .toLowerCase()
                );
                this.i += 2;
            } else {
                break;
            }
        }
        return { keywords, annotations };
    }

    private annotation(): Annotation {
        this.expect(T.ATSIGN);
        const [a, b] = this.qualifiedName();
        const name = this.compact(a, b).toLowerCase();
        const params: Record<string, string> = {};
        if (this.accept(T.LPAREN)) {
            if (IS_ID[this.ty[this.i]] === 1 && this.ty[this.i + 1] === T.ASSIGN) {
                for (;;) {
                    const key = this.idText().toLowerCase();
                    this.expect(T.ASSIGN);
                    const start = this.i;
                    this.elementValue();
                    params[key] = this.text(start, this.i - 1).toLowerCase();
                    this.accept(T.COMMA);
                    if (!(IS_ID[this.ty[this.i]] === 1 && this.ty[this.i + 1] === T.ASSIGN)) {
                        break;
                    }
                }
            } else if (!this.at(T.RPAREN)) {
                // A single value: only a literal (`@SuppressWarnings('PMD')`); apex-parser reads a bare
                // name here as the start of a `name = value` pair, so other shapes are left to it.
                const t = this.ty[this.i];
                if (t !== T.StringLiteral && t !== T.IntegerLiteral && t !== T.BooleanLiteral) {
                    throw GIVE_UP;
                }
                params[''] = this.tk.text(this.i).toLowerCase();
                this.i += 1;
            }
            this.expect(T.RPAREN);
        }
        return { name, params };
    }

    /** An annotation value: apex-parser's grammar takes a single literal here (other shapes are left to it). */
    private elementValue(): void {
        const t = this.ty[this.i];
        if (
            t !== T.StringLiteral &&
            t !== T.IntegerLiteral &&
            t !== T.LongLiteral &&
            t !== T.NumberLiteral &&
            t !== T.BooleanLiteral &&
            t !== T.NULL
        ) {
            throw GIVE_UP;
        }
        this.i += 1;
    }

    private classDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.CLASS);
        const nameIndex = this.i;
        const name = this.idText();
        let extendsType: string | null = null;
        const implementsTypes: string[] = [];
        if (this.accept(T.EXTENDS)) {
            extendsType = this.typeRef();
        }
        if (this.accept(T.IMPLEMENTS)) {
            implementsTypes.push(this.typeRef());
            while (this.accept(T.COMMA)) {
                implementsTypes.push(this.typeRef());
            }
        }
        const type: TypeDecl = {
            kind: 'class',
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: modifiers.keywords.has('with sharing')
                ? 'with'
                : modifiers.keywords.has('without sharing')
                  ? 'without'
                  : modifiers.keywords.has('inherited sharing')
                    ? 'inherited'
                    : null,
            extendsType,
            implementsTypes,
            members: [],
            innerTypes: [],
            outer,
            span: null as unknown as Span,
            nameSpan: this.span(nameIndex, nameIndex)
        };
        this.expect(T.LBRACE);
        while (!this.at(T.RBRACE)) {
            if (this.accept(T.SEMI)) {
                continue;
            }
            const declStart = this.i;
            if (this.at(T.LBRACE) || (this.at(T.STATIC) && this.ty[this.i + 1] === T.LBRACE)) {
                const isStatic = this.accept(T.STATIC);
                const body = this.block();
                type.members.push({ kind: 'initializer', isStatic, body, span: this.span(declStart, this.i - 1) });
                continue;
            }
            if (this.at(-1)) {
                throw GIVE_UP;
            }
            const memberModifiers = this.modifiers();
            this.memberDeclaration(memberModifiers, type, type.members, type.innerTypes, true);
        }
        const end = this.expect(T.RBRACE);
        type.span = this.span(start, end);
        return type;
    }

    private interfaceDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.INTERFACE);
        const nameIndex = this.i;
        const name = this.idText();
        const implementsTypes: string[] = [];
        if (this.accept(T.EXTENDS)) {
            implementsTypes.push(this.typeRef());
            while (this.accept(T.COMMA)) {
                implementsTypes.push(this.typeRef());
            }
        }
        const members: MemberDecl[] = [];
        this.expect(T.LBRACE);
        while (!this.at(T.RBRACE)) {
            const methodStart = this.i;
            const methodModifiers = this.modifiers();
            const returnType = this.accept(T.VOID) ? 'void' : this.typeRef();
            const nameAt = this.i;
            const methodName = this.idText();
            const params = this.formalParameters();
            const semi = this.expect(T.SEMI);
            members.push({
                kind: 'method',
                name: methodName,
                returnType,
                params,
                modifiers: methodModifiers,
                body: null,
                span: this.span(methodStart, semi),
                nameSpan: this.span(nameAt, nameAt)
            });
        }
        const end = this.expect(T.RBRACE);
        return {
            kind: 'interface',
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: null,
            extendsType: null,
            implementsTypes,
            members,
            innerTypes: [],
            outer,
            span: this.span(start, end),
            nameSpan: this.span(nameIndex, nameIndex)
        };
    }

    private enumDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.ENUM);
        const nameIndex = this.i;
        const name = this.idText();
        this.expect(T.LBRACE);
        if (!this.at(T.RBRACE)) {
            this.idToken();
            while (this.accept(T.COMMA)) {
                this.idToken();
            }
        }
        const end = this.expect(T.RBRACE);
        return {
            kind: 'enum',
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: null,
            extendsType: null,
            implementsTypes: [],
            members: [],
            innerTypes: [],
            outer,
            span: this.span(start, end),
            nameSpan: this.span(nameIndex, nameIndex)
        };
    }

    private memberDeclaration(
        modifiers: Modifiers,
        owner: TypeDecl | null,
        members: MemberDecl[],
        innerTypes: TypeDecl[],
        constructors: boolean
    ): void {
        const t = this.ty[this.i];
        if (t === T.CLASS) {
            innerTypes.push(this.classDeclaration(modifiers, owner));
            return;
        }
        if (t === T.INTERFACE) {
            innerTypes.push(this.interfaceDeclaration(modifiers, owner));
            return;
        }
        if (t === T.ENUM) {
            innerTypes.push(this.enumDeclaration(modifiers, owner));
            return;
        }
        const shape = this.memberShape(this.i);
        const start = this.i;
        if (shape === 'constructor') {
            if (!constructors) {
                throw GIVE_UP;
            }
            const [a, b] = this.qualifiedName();
            if (!this.at(T.LPAREN)) {
                throw GIVE_UP;
            }
            const params = this.formalParameters();
            const body = this.block();
            members.push({
                kind: 'constructor',
                name: this.compact(a, b),
                returnType: null,
                params,
                modifiers,
                body,
                span: this.span(start, this.i - 1),
                nameSpan: this.span(a, b)
            });
            return;
        }
        if (shape === 'method') {
            members.push(this.method(modifiers));
            return;
        }
        if (shape === 'property') {
            members.push(this.property(modifiers));
            return;
        }
        if (shape === 'field') {
            const typeName = this.typeRef();
            const declarators = this.declarators();
            const semi = this.expect(T.SEMI);
            const field: FieldDecl = { kind: 'field', typeName, declarators, modifiers, span: this.span(start, semi) };
            members.push(field);
            return;
        }
        throw GIVE_UP;
    }

    private method(modifiers: Modifiers): MethodDecl {
        const start = this.i;
        const returnType = this.accept(T.VOID) ? 'void' : this.typeRef();
        const nameAt = this.i;
        const name = this.idText();
        const params = this.formalParameters();
        let body: BlockStmt | null = null;
        if (!this.accept(T.SEMI)) {
            body = this.block();
        }
        return {
            kind: 'method',
            name,
            returnType,
            params,
            modifiers,
            body,
            span: this.span(start, this.i - 1),
            nameSpan: this.span(nameAt, nameAt)
        };
    }

    private formalParameters(): Param[] {
        this.expect(T.LPAREN);
        const params: Param[] = [];
        if (!this.at(T.RPAREN)) {
            for (;;) {
                this.modifiers();
                const typeName = this.typeRef();
                const name = this.idText();
                params.push({ typeName, name });
                if (!this.accept(T.COMMA)) {
                    break;
                }
            }
        }
        this.expect(T.RPAREN);
        return trimmed(params);
    }

    private property(modifiers: Modifiers): PropertyDecl {
        const start = this.i;
        const typeName = this.typeRef();
        const name = this.idText();
        this.expect(T.LBRACE);
        let getter: BlockStmt | null = null;
        let setter: BlockStmt | null = null;
        let hasGetter = false;
        let hasSetter = false;
        while (!this.at(T.RBRACE)) {
            this.modifiers();
            if (this.accept(T.GET)) {
                hasGetter = true;
                getter = this.accept(T.SEMI) ? null : this.block();
            } else if (this.accept(T.SET)) {
                hasSetter = true;
                setter = this.accept(T.SEMI) ? null : this.block();
            } else {
                throw GIVE_UP;
            }
        }
        const end = this.expect(T.RBRACE);
        return {
            kind: 'property',
            typeName,
            name,
            modifiers,
            getter,
            setter,
            hasGetter,
            hasSetter,
            span: this.span(start, end)
        };
    }

    private declarators(): VariableDeclarator[] {
        const out: VariableDeclarator[] = [];
        for (;;) {
            const start = this.i;
            const name = this.idText();
            const init = this.accept(T.ASSIGN) ? this.expression(0) : null;
            out.push({ name, init, span: this.span(start, this.i - 1) });
            if (!this.accept(T.COMMA)) {
                return trimmed(out);
            }
        }
    }

    // ------------------------------------------------------------ statements

    private block(): BlockStmt {
        const start = this.expect(T.LBRACE);
        const body: Stmt[] = [];
        while (!this.at(T.RBRACE)) {
            if (this.at(-1)) {
                throw GIVE_UP;
            }
            body.push(this.statement());
        }
        const end = this.expect(T.RBRACE);
        return { kind: 'block', body: trimmed(body), span: this.span(start, end) };
    }

    /** A local variable declaration starts here: modifiers, or a type followed by a name and `=`, `,` or `;`. */
    private isLocalDeclaration(): boolean {
        const t = this.ty[this.i];
        if (t === T.ATSIGN || t === T.FINAL) {
            return true;
        }
        const end = this.typeRefEnd(this.i);
        if (end < 0 || IS_ID[this.ty[end]] !== 1) {
            return false;
        }
        const after = this.ty[end + 1];
        return after === T.ASSIGN || after === T.COMMA || after === T.SEMI;
    }

    private local(): LocalStmt {
        const start = this.i;
        const modifiers = this.modifiers();
        if (modifiers.annotations.length > 0 || [...modifiers.keywords].some((k) => k !== 'final')) {
            throw GIVE_UP;
        }
        const typeName = this.typeRef();
        const declarators = this.declarators();
        return { kind: 'local', typeName, declarators, span: this.span(start, this.i - 1) };
    }

    private statement(): Stmt {
        this.enter();
        try {
            return this.statementInner();
        } finally {
            this.depth -= 1;
        }
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
                const body = this.statement();
                return { kind: 'while', test, body, span: this.span(start, this.i - 1) };
            }
            case T.DO: {
                this.i += 1;
                const body = this.block();
                this.expect(T.WHILE);
                const test = this.parExpression();
                const semi = this.expect(T.SEMI);
                return { kind: 'dowhile', body, test, span: this.span(start, semi) };
            }
            case T.TRY:
                return this.tryStatement();
            case T.RETURN: {
                this.i += 1;
                const expr = this.at(T.SEMI) ? null : this.expression(0);
                const semi = this.expect(T.SEMI);
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
                this.expect(T.LPAREN);
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
        if (this.isLocalDeclaration()) {
            const local = this.local();
            const semi = this.expect(T.SEMI);
            return { ...local, span: this.span(start, semi) };
        }
        const expr = this.expression(0);
        const semi = this.expect(T.SEMI);
        return { kind: 'expr', expr, span: this.span(start, semi) };
    }

    private parExpression(): Expr {
        this.expect(T.LPAREN);
        const expr = this.expression(0);
        this.expect(T.RPAREN);
        return expr;
    }

    private forStatement(): Stmt {
        const start = this.expect(T.FOR);
        this.expect(T.LPAREN);
        const end = this.typeRefEnd(this.i);
        if (end >= 0 && IS_ID[this.ty[end]] === 1 && this.ty[end + 1] === T.COLON) {
            const typeName = this.typeRef();
            const variable = this.idText();
            this.expect(T.COLON);
            const iterable = this.expression(0);
            this.expect(T.RPAREN);
            const body = this.statement();
            return { kind: 'foreach', typeName, variable, iterable, body, span: this.span(start, this.i - 1) };
        }
        let init: LocalStmt | Expr[] | null = null;
        if (!this.at(T.SEMI)) {
            init = this.isLocalDeclaration() ? this.local() : this.expressionList();
        }
        this.expect(T.SEMI);
        const test = this.at(T.SEMI) ? null : this.expression(0);
        this.expect(T.SEMI);
        const update = this.at(T.RPAREN) ? [] : this.expressionList();
        this.expect(T.RPAREN);
        const body = this.statement();
        return { kind: 'for', init, test, update, body, span: this.span(start, this.i - 1) };
    }

    private tryStatement(): Stmt {
        const start = this.expect(T.TRY);
        const body = this.block();
        const catches: CatchClause[] = [];
        while (this.at(T.CATCH)) {
            const clauseStart = this.i;
            this.i += 1;
            this.expect(T.LPAREN);
            this.modifiers();
            const [a, b] = this.qualifiedName();
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
        let finallyBlock: BlockStmt | null = null;
        if (this.accept(T.FINALLY)) {
            finallyBlock = this.block();
        }
        if (catches.length === 0 && !finallyBlock) {
            throw GIVE_UP;
        }
        return { kind: 'try', body, catches, finallyBlock, span: this.span(start, this.i - 1) };
    }

    private switchStatement(): Stmt {
        const start = this.i;
        this.i += 2;
        const expr = this.expression(0);
        this.expect(T.LBRACE);
        const whens: WhenClause[] = [];
        do {
            this.expect(T.WHEN);
            whens.push(this.whenClause());
        } while (this.at(T.WHEN));
        const end = this.expect(T.RBRACE);
        return { kind: 'switch', expr, whens: trimmed(whens), span: this.span(start, end) };
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
        for (;;) {
            const valueStart = this.i;
            const t = this.ty[this.i];
            if (t === T.SUB && this.ty[this.i + 1] === T.IntegerLiteral) {
                this.i += 2;
            } else if (
                t === T.IntegerLiteral ||
                t === T.LongLiteral ||
                t === T.StringLiteral ||
                t === T.MultilineStringLiteral ||
                t === T.NULL
            ) {
                this.i += 1;
            } else if (IS_ID[t] === 1) {
                this.qualifiedName();
            } else {
                throw GIVE_UP;
            }
            values.push(this.text(valueStart, this.i - 1));
            if (!this.accept(T.COMMA)) {
                break;
            }
        }
        return { values, isElse: false, typeName: null, variable: null, body: this.block() };
    }

    private dml(op: DmlOp): Stmt {
        const start = this.i;
        this.i += 1;
        let mode: 'user' | 'system' | null = null;
        if (this.at(T.AS) && (this.ty[this.i + 1] === T.USER || this.ty[this.i + 1] === T.SYSTEM)) {
            mode = this.ty[this.i + 1] === T.USER ? 'user' : 'system';
            this.i += 2;
        }
        const expr = this.expression(0);
        let second: Expr | null = null;
        let externalIdField: string | null = null;
        if (op === 'merge') {
            second = this.expression(0);
        } else if (op === 'upsert' && IS_ID[this.ty[this.i]] === 1) {
            const [a, b] = this.qualifiedName();
            externalIdField = this.compact(a, b);
        }
        const semi = this.expect(T.SEMI);
        return { kind: 'dml', op, mode, expr, second, externalIdField, span: this.span(start, semi) };
    }

    // ------------------------------------------------------------ expressions

    private expressionList(): Expr[] {
        const out = [this.expression(0)];
        while (this.accept(T.COMMA)) {
            out.push(this.expression(0));
        }
        return trimmed(out);
    }

    private arguments(): Expr[] {
        this.expect(T.LPAREN);
        const args = this.at(T.RPAREN) ? [] : this.expressionList();
        this.expect(T.RPAREN);
        return args;
    }

    /** The operator text between two operands, as build.ts takes it (whitespace removed). */
    private operatorText(leftEnd: number, rightStart: number): string {
        return this.source.slice(this.tk.stop[leftEnd] + 1, this.tk.start[rightStart]).replace(/\s+/g, '');
    }

    /**
     * The binary operator starting at the current token (of type `t`): its precedence, its right
     * operand's precedence and its length in tokens; null if none. `<<`, `>>` and `>>>` are
     * bitExpression (12), `<`, `>`, `<=` and `>=` cmpExpression (11): all lexed from `<`/`>`.
     */
    private binaryOperator(t: number): [number, number, number] | null {
        const simple = BINARY[t];
        if (simple !== undefined) {
            return [simple[0], simple[1], 1];
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

    expression(minPrecedence: number): Expr {
        this.enter();
        try {
            return this.expressionInner(minPrecedence);
        } finally {
            this.depth -= 1;
        }
    }

    private expressionInner(minPrecedence: number): Expr {
        const start = this.i;
        let left = this.prefix();
        for (;;) {
            const t = this.ty[this.i];
            if (t === T.DOT || t === T.QUESTIONDOT) {
                if (minPrecedence > 23) {
                    break;
                }
                this.i += 1;
                if (IS_ANY_ID[this.ty[this.i]] !== 1) {
                    throw GIVE_UP;
                }
                const name = this.tk.text(this.i++);
                if (this.at(T.LPAREN)) {
                    const args = this.arguments();
                    left = { kind: 'call', target: left, name, args, span: this.span(start, this.i - 1) };
                } else {
                    left = { kind: 'field', target: left, name, span: this.span(start, this.i - 1) };
                }
                continue;
            }
            if (t === T.LBRACK) {
                if (minPrecedence > 22) {
                    break;
                }
                this.i += 1;
                const index = this.expression(0);
                this.expect(T.RBRACK);
                left = { kind: 'index', target: left, index, span: this.span(start, this.i - 1) };
                continue;
            }
            if (t === T.INC || t === T.DEC) {
                if (minPrecedence > 17) {
                    break;
                }
                this.i += 1;
                left = {
                    kind: 'unary',
                    op: t === T.INC ? '++' : '--',
                    operand: left,
                    postfix: true,
                    span: this.span(start, this.i - 1)
                };
                continue;
            }
            const binary = this.binaryOperator(t);
            if (binary !== null) {
                if (minPrecedence > binary[0]) {
                    break;
                }
                const opAt = this.i;
                this.i += binary[2];
                const rightStart = this.i;
                const right = this.expression(binary[1]);
                left = {
                    kind: 'binary',
                    op: this.operatorText(opAt - 1, rightStart),
                    left,
                    right,
                    span: this.span(start, this.i - 1)
                };
                continue;
            }
            if (t === T.INSTANCEOF) {
                if (minPrecedence > 10) {
                    break;
                }
                this.i += 1;
                const typeName = this.typeRef();
                left = { kind: 'instanceof', expr: left, typeName, span: this.span(start, this.i - 1) };
                continue;
            }
            if (t === T.QUESTION) {
                if (minPrecedence > 2) {
                    break;
                }
                this.i += 1;
                const whenTrue = this.expression(0);
                this.expect(T.COLON);
                const whenFalse = this.expression(2);
                left = { kind: 'conditional', test: left, whenTrue, whenFalse, span: this.span(start, this.i - 1) };
                continue;
            }
            if (ASSIGN_OPS[t] === 1) {
                if (minPrecedence > 1) {
                    break;
                }
                const opAt = this.i;
                this.i += 1;
                const rightStart = this.i;
                const value = this.expression(1);
                left = {
                    kind: 'assign',
                    op: this.operatorText(opAt - 1, rightStart),
                    target: left,
                    value,
                    span: this.span(start, this.i - 1)
                };
                continue;
            }
            break;
        }
        return left;
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
                return {
                    kind: 'unary',
                    op: t === T.BANG ? '!' : '~',
                    operand,
                    postfix: false,
                    span: this.span(start, this.i - 1)
                };
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
            case T.IntegerLiteral:
            case T.LongLiteral:
            case T.NumberLiteral:
            case T.StringLiteral:
            case T.MultilineStringLiteral:
            case T.BooleanLiteral:
            case T.NULL:
                this.i += 1;
                return this.literal(start);
            case T.LBRACK:
                if (this.ty[start + 1] === T.SELECT) {
                    return this.soql();
                }
                throw GIVE_UP;
            case T.VOID:
                if (this.ty[start + 1] === T.DOT && this.ty[start + 2] === T.CLASS) {
                    this.i += 3;
                    return { kind: 'classref', typeName: 'void', span: this.span(start, this.i - 1) };
                }
                throw GIVE_UP;
            default:
                break;
        }
        if (IS_ID[t] === 1 && this.ty[start + 1] === T.LPAREN) {
            const name = this.tk.text(this.i++);
            const args = this.arguments();
            return { kind: 'call', target: null, name, args, span: this.span(start, this.i - 1) };
        }
        // `Foo.class`, `List<String>.class`.
        const end = this.typeRefEnd(start);
        if (end > 0 && this.ty[end] === T.DOT && this.ty[end + 1] === T.CLASS) {
            const typeName = this.compact(start, end - 1);
            this.i = end + 2;
            return { kind: 'classref', typeName, span: this.span(start, this.i - 1) };
        }
        if (IS_ID[t] === 1) {
            this.i += 1;
            return { kind: 'name', name: this.tk.text(start), span: this.span(start, start) };
        }
        throw GIVE_UP;
    }

    /** `(Type) expr` or `(expr)`; gives up where the grammar's choice between them is not plain. */
    private parenthesised(): Expr {
        const start = this.i;
        const end = this.typeRefEnd(start + 1);
        if (end > 0 && this.ty[end] === T.RPAREN) {
            const after = this.ty[end + 1];
            if (STARTS_OPERAND[after] === 1 || after === T.LPAREN) {
                this.i += 1;
                const typeName = this.typeRef();
                this.expect(T.RPAREN);
                const expr = this.expression(19);
                return { kind: 'cast', typeName, expr, span: this.span(start, this.i - 1) };
            }
            if (after === T.ADD || after === T.SUB || after === T.INC || after === T.DEC) {
                // `(a) - b` could be either; leave it to apex-parser.
                throw GIVE_UP;
            }
        }
        this.i += 1;
        const inner = this.expression(0);
        this.expect(T.RPAREN);
        return inner;
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

    private creator(start: number): Expr {
        const nameStart = this.i;
        for (;;) {
            if (IS_ANY_ID[this.ty[this.i]] !== 1) {
                throw GIVE_UP;
            }
            this.i += 1;
            if (this.at(T.LT)) {
                const end = this.typeArgumentsEnd(this.i);
                if (end < 0) {
                    throw GIVE_UP;
                }
                this.i = end;
            }
            if (!this.accept(T.DOT)) {
                break;
            }
        }
        let typeName = this.compact(nameStart, this.i - 1);
        let args: Expr[] = [];
        let elements: Expr[] = [];
        let pairs: Array<[Expr, Expr]> = [];
        const t = this.ty[this.i];
        if (t === T.LPAREN) {
            args = this.arguments();
        } else if (t === T.LBRACK) {
            this.i += 1;
            if (this.accept(T.RBRACK)) {
                if (this.accept(T.LBRACE)) {
                    if (!this.at(T.RBRACE)) {
                        elements.push(this.expression(0));
                        while (this.accept(T.COMMA)) {
                            if (this.at(T.RBRACE)) {
                                break;
                            }
                            elements.push(this.expression(0));
                        }
                    }
                    this.expect(T.RBRACE);
                }
            } else {
                args = [this.expression(0)];
                this.expect(T.RBRACK);
            }
            typeName = `${typeName}[]`;
        } else if (t === T.LBRACE) {
            this.i += 1;
            if (!this.at(T.RBRACE)) {
                const first = this.expression(0);
                if (this.accept(T.MAPTO)) {
                    pairs = [[first, this.expression(0)]];
                    while (this.accept(T.COMMA)) {
                        const key = this.expression(0);
                        this.expect(T.MAPTO);
                        pairs.push([key, this.expression(0)]);
                    }
                } else {
                    elements = [first];
                    while (this.accept(T.COMMA)) {
                        elements.push(this.expression(0));
                    }
                }
            }
            this.expect(T.RBRACE);
        } else {
            throw GIVE_UP;
        }
        return {
            kind: 'new',
            typeName,
            args,
            elements: trimmed(elements),
            pairs: trimmed(pairs),
            span: this.span(start, this.i - 1)
        };
    }

    // ------------------------------------------------------------ SOQL

    private fieldName(): string {
        const start = this.i;
        this.idToken();
        while (this.ty[this.i] === T.DOT && IS_ID[this.ty[this.i + 1]] === 1) {
            this.i += 2;
        }
        return this.compact(start, this.i - 1);
    }

    /** An optional alias after a select entry: an id that is not the next clause's keyword. */
    private alias(): void {
        const t = this.ty[this.i];
        if (IS_ID[t] === 1 && t !== T.FROM) {
            this.i += 1;
        }
    }

    private selectEntries(fields: string[], subqueries: SoqlQuery['subqueries'] | null, binds: Expr[]): void {
        for (;;) {
            const t = this.ty[this.i];
            if (t === T.LPAREN && subqueries) {
                this.i += 1;
                subqueries.push(this.subQuery(binds));
                this.expect(T.RPAREN);
            } else if (t === T.FIELDS && this.ty[this.i + 1] === T.LPAREN) {
                this.i += 2;
                const param = this.ty[this.i];
                if (param !== T.ALL && param !== T.CUSTOM && param !== T.STANDARD) {
                    throw GIVE_UP;
                }
                fields.push(`FIELDS(${this.tk.text(this.i).replace(/\s+/g, '').toUpperCase()})`);
                this.i += 1;
                this.expect(T.RPAREN);
            } else if (SOQL_FUNCTIONS[t] === 1 && this.ty[this.i + 1] === T.LPAREN) {
                this.i += 2;
                if (t === T.COUNT && this.at(T.RPAREN)) {
                    this.i += 1;
                } else {
                    if (this.at(T.CONVERT_TIMEZONE)) {
                        throw GIVE_UP;
                    }
                    fields.push(this.fieldName());
                    this.expect(T.RPAREN);
                }
            } else if (t === T.TYPEOF) {
                throw GIVE_UP;
            } else {
                fields.push(this.fieldName());
            }
            this.alias();
            if (!this.accept(T.COMMA)) {
                return;
            }
        }
    }

    private subQuery(binds: Expr[]): { relationship: string; fields: string[] } {
        this.expect(T.SELECT);
        const fields: string[] = [];
        this.selectEntries(fields, null, binds);
        this.expect(T.FROM);
        const relationship = this.fieldName();
        if (!this.at(T.RPAREN)) {
            this.soqlTail(binds, T.RPAREN);
        }
        return { relationship, fields };
    }

    private soql(): Expr {
        const start = this.expect(T.LBRACK);
        this.expect(T.SELECT);
        const fields: string[] = [];
        const subqueries: SoqlQuery['subqueries'] = [];
        const binds: Expr[] = [];
        this.selectEntries(fields, subqueries, binds);
        this.expect(T.FROM);
        const from = this.fieldName();
        if (this.at(T.COMMA)) {
            throw GIVE_UP;
        }
        const mode = this.at(T.RBRACK) ? null : this.soqlTail(binds, T.RBRACK);
        const end = this.expect(T.RBRACK);
        return {
            kind: 'soql',
            query: { from, fields: trimmed(fields), subqueries, mode, binds: trimmed(binds) },
            span: this.span(start, end)
        };
    }

    /**
     * The clauses after FROM, up to the closing `]` (or `)` of a subquery): WHERE, WITH, GROUP BY,
     * ORDER BY, LIMIT, OFFSET, FOR, ALL ROWS. Checked clause by clause for the shapes real code
     * uses; anything else gives up. Collects `:bind` expressions in order and returns the WITH mode.
     */
    private soqlTail(binds: Expr[], close: number): AccessMode | null {
        let mode: AccessMode | null = null;
        let stage = 0;
        const next = (minimum: number): void => {
            if (stage > minimum) {
                throw GIVE_UP;
            }
            stage = minimum + 1;
        };
        while (!this.at(close)) {
            const t = this.ty[this.i];
            if (t === T.WHERE) {
                next(0);
                this.i += 1;
                this.soqlCondition(binds);
            } else if (t === T.WITH && close === T.RBRACK) {
                next(1);
                const m = this.ty[this.i + 1];
                if (m === T.USER_MODE || m === T.SYSTEM_MODE || m === T.SECURITY_ENFORCED) {
                    mode = m === T.USER_MODE ? 'user' : m === T.SYSTEM_MODE ? 'system' : 'security_enforced';
                    this.i += 2;
                } else {
                    throw GIVE_UP;
                }
            } else if (t === T.GROUP && this.ty[this.i + 1] === T.BY && close === T.RBRACK) {
                next(2);
                this.i += 2;
                if (this.at(T.ROLLUP) || this.at(T.CUBE)) {
                    throw GIVE_UP;
                }
                this.groupOrOrderField();
                while (this.accept(T.COMMA)) {
                    this.groupOrOrderField();
                }
                if (this.at(T.HAVING)) {
                    throw GIVE_UP;
                }
            } else if (t === T.ORDER && this.ty[this.i + 1] === T.BY) {
                next(3);
                this.i += 2;
                do {
                    this.groupOrOrderField();
                    if (!this.accept(T.ASC)) {
                        this.accept(T.DESC);
                    }
                    if (this.accept(T.NULLS)) {
                        if (!this.accept(T.FIRST) && !this.accept(T.LAST)) {
                            throw GIVE_UP;
                        }
                    }
                } while (this.accept(T.COMMA));
            } else if (t === T.LIMIT || (t === T.OFFSET && close === T.RBRACK)) {
                next(t === T.LIMIT ? 4 : 5);
                this.i += 1;
                if (!this.accept(T.IntegerLiteral)) {
                    this.expect(T.COLON);
                    binds.push(this.expression(0));
                }
            } else if (t === T.ALL && this.ty[this.i + 1] === T.ROWS && close === T.RBRACK) {
                next(6);
                this.i += 2;
            } else if (t === T.FOR) {
                next(7);
                while (this.accept(T.FOR)) {
                    const what = this.ty[this.i];
                    if (what !== T.VIEW && what !== T.UPDATE && what !== T.REFERENCE) {
                        throw GIVE_UP;
                    }
                    this.i += 1;
                }
            } else {
                throw GIVE_UP;
            }
        }
        return mode;
    }

    /** A field, or an aggregate or date function of one, in GROUP BY or ORDER BY. */
    private groupOrOrderField(): void {
        const t = this.ty[this.i];
        if (SOQL_FUNCTIONS[t] === 1 && this.ty[this.i + 1] === T.LPAREN) {
            this.i += 2;
            if (!(t === T.COUNT && this.at(T.RPAREN))) {
                this.fieldName();
            }
            this.expect(T.RPAREN);
            return;
        }
        this.fieldName();
    }

    /**
     * A WHERE condition as the grammar has it: `NOT c`, or conditions joined all by AND or all by
     * OR, each a comparison or a parenthesised condition.
     */
    private soqlCondition(binds: Expr[]): void {
        if (this.accept(T.NOT)) {
            this.soqlOperand(binds);
            return;
        }
        this.soqlOperand(binds);
        const joiner = this.ty[this.i];
        if (joiner !== T.SOQLAND && joiner !== T.SOQLOR) {
            return;
        }
        while (this.accept(joiner)) {
            this.soqlOperand(binds);
        }
    }

    private soqlOperand(binds: Expr[]): void {
        if (this.accept(T.LPAREN)) {
            this.soqlCondition(binds);
            this.expect(T.RPAREN);
        } else {
            this.soqlComparison(binds);
        }
    }

    private soqlComparison(binds: Expr[]): void {
        if (SOQL_FUNCTIONS[this.ty[this.i]] === 1 && this.ty[this.i + 1] === T.LPAREN) {
            throw GIVE_UP;
        }
        this.fieldName();
        const t = this.ty[this.i];
        if (t === T.ASSIGN || t === T.NOTEQUAL || t === T.LESSANDGREATER || t === T.LIKE) {
            this.i += 1;
        } else if (t === T.LT || t === T.GT) {
            this.i += this.ty[this.i + 1] === T.ASSIGN ? 2 : 1;
        } else if (t === T.IN || t === T.INCLUDES || t === T.EXCLUDES) {
            this.i += 1;
        } else if (t === T.NOT && this.ty[this.i + 1] === T.IN) {
            this.i += 2;
        } else {
            throw GIVE_UP;
        }
        this.soqlValue(binds);
    }

    private soqlValue(binds: Expr[]): void {
        const t = this.ty[this.i];
        if (t === T.COLON) {
            this.i += 1;
            binds.push(this.expression(0));
            return;
        }
        if (
            t === T.NULL ||
            t === T.BooleanLiteral ||
            t === T.StringLiteral ||
            t === T.DateLiteral ||
            t === T.DateTimeLiteral ||
            t === T.IntegerLiteral ||
            t === T.NumberLiteral
        ) {
            this.i += 1;
            return;
        }
        if (
            (t === T.SUB || t === T.ADD) &&
            (this.ty[this.i + 1] === T.IntegerLiteral || this.ty[this.i + 1] === T.NumberLiteral)
        ) {
            this.i += 2;
            return;
        }
        if (t === T.LPAREN) {
            this.i += 1;
            if (this.at(T.SELECT)) {
                this.subQuery(binds);
            } else {
                this.soqlValue(binds);
                while (this.accept(T.COMMA)) {
                    this.soqlValue(binds);
                }
            }
            this.expect(T.RPAREN);
            return;
        }
        if (DATE_FORMULAS[t] === 1) {
            this.i += 1;
            return;
        }
        if (DATE_FORMULAS_N[t] === 1 && this.ty[this.i + 1] === T.COLON) {
            this.i += 2;
            if (!this.accept(T.SUB)) {
                this.accept(T.ADD);
            }
            this.expect(T.IntegerLiteral);
            return;
        }
        throw GIVE_UP;
    }
}

const DATE_FORMULAS = table(
    'YESTERDAY TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS ' +
        'NEXT_90_DAYS THIS_QUARTER LAST_QUARTER NEXT_QUARTER THIS_YEAR LAST_YEAR NEXT_YEAR THIS_FISCAL_QUARTER ' +
        'LAST_FISCAL_QUARTER NEXT_FISCAL_QUARTER THIS_FISCAL_YEAR LAST_FISCAL_YEAR NEXT_FISCAL_YEAR'
);
const DATE_FORMULAS_N = table(
    'LAST_N_DAYS_N NEXT_N_DAYS_N N_DAYS_AGO_N NEXT_N_WEEKS_N LAST_N_WEEKS_N N_WEEKS_AGO_N NEXT_N_MONTHS_N ' +
        'LAST_N_MONTHS_N N_MONTHS_AGO_N NEXT_N_QUARTERS_N LAST_N_QUARTERS_N N_QUARTERS_AGO_N NEXT_N_YEARS_N ' +
        'LAST_N_YEARS_N N_YEARS_AGO_N NEXT_N_FISCAL_QUARTERS_N LAST_N_FISCAL_QUARTERS_N N_FISCAL_QUARTERS_AGO_N ' +
        'NEXT_N_FISCAL_YEARS_N LAST_N_FISCAL_YEARS_N N_FISCAL_YEARS_AGO_N'
);

/**
 * Tokens from the hand-written lexer, or, where it is not certain, from apex-parser's own lexer
 * (loaded only then); null when that lexer reports an error.
 */
function lex(source: string): TokenTable | null {
    const fast = lexApexTable(source);
    if (fast) {
        return fast;
    }
    const tokens = antlrLex(source);
    return tokens ? TokenTable.fromTokens(source, tokens) : null;
}

/** Tokens from apex-parser's own ApexLexer (on-channel ones and EOF); null when it reports an error. */
export function antlrLex(source: string): Token[] | null {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = (require('@apexdevtools/apex-parser') as { ApexParserFactory: typeof Factory }).ApexParserFactory;
    const lexer = factory.createLexer(source);
    let failed = false;
    lexer.removeErrorListeners();
    lexer.addErrorListener({
        syntaxError() {
            failed = true;
        },
        reportAmbiguity() {},
        reportAttemptingFullContext() {},
        reportContextSensitivity() {}
    } as never);
    const tokens: Token[] = [];
    for (;;) {
        const token = lexer.nextToken() as unknown as Token;
        if ((token as unknown as { channel: number }).channel === 0) {
            tokens.push(token);
        }
        if (token.type === EOF) {
            break;
        }
    }
    return failed ? null : tokens;
}

/**
 * The scanner's tree for `source`, or null when this parser gives up on it (the caller then parses
 * it with apex-parser). Never throws for bad input.
 */
export function fastParseApex(
    source: string,
    kind: ApexKind,
    onGiveUp?: (token: { line: number; column: number; text: string }) => void
): CompilationUnit | null {
    const tokens = lex(source);
    if (!tokens) {
        return null;
    }
    const parser = new FastParser(source, tokens);
    try {
        if (kind === 'class') {
            return parser.compilationUnit();
        }
        if (kind === 'trigger') {
            return parser.triggerUnit();
        }
        return parser.anonymousUnit();
    } catch (error) {
        if (error === GIVE_UP || (error as { name?: unknown } | null)?.name === 'RangeError') {
            if (onGiveUp) {
                const at = Math.min(parser.position, tokens.length - 1);
                onGiveUp({ line: tokens.line[at], column: tokens.column[at] + 1, text: tokens.text(at) });
            }
            return null;
        }
        throw error;
    }
}
