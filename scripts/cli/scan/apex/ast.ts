/**
 * A small, typed syntax tree for Apex, built once per file from the ANTLR parse tree (build.ts).
 * Rules work on this instead of ANTLR contexts: it is a fraction of the size, has no parser
 * plumbing, and keeps what analysis needs (names, calls, SOQL, DML, control flow, positions).
 */

export type Span = {
    /** 1-based line of the first character. */
    line: number;
    /** 1-based column of the first character. */
    column: number;
    endLine: number;
    /** 0-based offset of the first character. */
    start: number;
    /** 0-based offset just past the last character. */
    end: number;
};

type Node<K extends string> = { kind: K; span: Span };

export type LiteralExpr = Node<'literal'> & {
    literalType: 'string' | 'integer' | 'long' | 'number' | 'boolean' | 'null';
    /** Unquoted and unescaped for strings; source text otherwise. */
    value: string;
};
export type NameExpr = Node<'name'> & { name: string };
export type FieldExpr = Node<'field'> & { target: Expr; name: string };
export type CallExpr = Node<'call'> & {
    /** Receiver, absent for `foo(...)`, `this(...)` and `super(...)`. */
    target: Expr | null;
    name: string;
    args: Expr[];
};
export type NewExpr = Node<'new'> & {
    /** As written without spaces, e.g. `List<Account>`, `Map<Id,Contact>`, `HttpRequest`. */
    typeName: string;
    args: Expr[];
    /** Elements of `new List<T>{a, b}`, `new Set<T>{...}` and array initialisers. */
    elements: Expr[];
    /** Entries of `new Map<K,V>{k => v}`. */
    pairs: Array<[Expr, Expr]>;
};
export type SoqlExpr = Node<'soql'> & { query: SoqlQuery };
export type SoslExpr = Node<'sosl'> & {
    objects: string[];
    mode: AccessMode | null;
    binds: Expr[];
};
export type BinaryExpr = Node<'binary'> & { op: string; left: Expr; right: Expr };
export type AssignExpr = Node<'assign'> & { op: string; target: Expr; value: Expr };
export type UnaryExpr = Node<'unary'> & { op: string; operand: Expr; postfix: boolean };
export type ConditionalExpr = Node<'conditional'> & { test: Expr; whenTrue: Expr; whenFalse: Expr };
export type CastExpr = Node<'cast'> & { typeName: string; expr: Expr };
export type IndexExpr = Node<'index'> & { target: Expr; index: Expr };
export type InstanceOfExpr = Node<'instanceof'> & { expr: Expr; typeName: string };
export type ThisExpr = Node<'this'>;
export type SuperExpr = Node<'super'>;
/** `Foo.class` */
export type ClassRefExpr = Node<'classref'> & { typeName: string };

export type Expr =
    | LiteralExpr
    | NameExpr
    | FieldExpr
    | CallExpr
    | NewExpr
    | SoqlExpr
    | SoslExpr
    | BinaryExpr
    | AssignExpr
    | UnaryExpr
    | ConditionalExpr
    | CastExpr
    | IndexExpr
    | InstanceOfExpr
    | ThisExpr
    | SuperExpr
    | ClassRefExpr;

export type AccessMode = 'user' | 'system' | 'security_enforced';

export type SoqlQuery = {
    /** The object queried, as written (`Contact`). */
    from: string;
    /** Selected field paths as written (`Name`, `Account.Name`); FIELDS(ALL) appears as `FIELDS(ALL)`. */
    fields: string[];
    subqueries: Array<{ relationship: string; fields: string[] }>;
    mode: AccessMode | null;
    binds: Expr[];
};

export type BlockStmt = Node<'block'> & { body: Stmt[] };
export type VariableDeclarator = { name: string; init: Expr | null; span: Span };
export type LocalStmt = Node<'local'> & { typeName: string; declarators: VariableDeclarator[] };
export type ExprStmt = Node<'expr'> & { expr: Expr };
export type IfStmt = Node<'if'> & { test: Expr; then: Stmt; otherwise: Stmt | null };
export type ForStmt = Node<'for'> & {
    init: LocalStmt | Expr[] | null;
    test: Expr | null;
    update: Expr[];
    body: Stmt | null;
};
export type ForEachStmt = Node<'foreach'> & { typeName: string; variable: string; iterable: Expr; body: Stmt | null };
export type WhileStmt = Node<'while'> & { test: Expr; body: Stmt | null };
export type DoWhileStmt = Node<'dowhile'> & { body: Stmt; test: Expr };
export type CatchClause = { typeName: string; variable: string; body: BlockStmt; span: Span };
export type TryStmt = Node<'try'> & { body: BlockStmt; catches: CatchClause[]; finallyBlock: BlockStmt | null };
export type ReturnStmt = Node<'return'> & { expr: Expr | null };
export type ThrowStmt = Node<'throw'> & { expr: Expr };
export type BreakStmt = Node<'break'>;
export type ContinueStmt = Node<'continue'>;
export type DmlOp = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete' | 'merge';
export type DmlStmt = Node<'dml'> & {
    op: DmlOp;
    mode: 'user' | 'system' | null;
    expr: Expr;
    /** The record merged into `expr` (merge), or the external id field (upsert). */
    second: Expr | null;
    externalIdField: string | null;
};
export type WhenClause = {
    /** Literal values as written; empty for `when else` and type patterns. */
    values: string[];
    isElse: boolean;
    typeName: string | null;
    variable: string | null;
    body: BlockStmt;
};
export type SwitchStmt = Node<'switch'> & { expr: Expr; whens: WhenClause[] };
export type RunAsStmt = Node<'runas'> & { args: Expr[]; body: BlockStmt };

export type Stmt =
    | BlockStmt
    | LocalStmt
    | ExprStmt
    | IfStmt
    | ForStmt
    | ForEachStmt
    | WhileStmt
    | DoWhileStmt
    | TryStmt
    | ReturnStmt
    | ThrowStmt
    | BreakStmt
    | ContinueStmt
    | DmlStmt
    | SwitchStmt
    | RunAsStmt;

export type Annotation = {
    /** Lower case, e.g. `istest`, `future`, `auraenabled`. */
    name: string;
    /** Lower-cased parameter names to their source text, e.g. `callout` → `true`. */
    params: Record<string, string>;
};

export type Modifiers = {
    /** Lower-case keywords: public, global, static, final, virtual, with sharing ... */
    keywords: Set<string>;
    annotations: Annotation[];
};

export type Param = { typeName: string; name: string };

export type MethodDecl = {
    kind: 'method' | 'constructor';
    name: string;
    returnType: string | null;
    params: Param[];
    modifiers: Modifiers;
    body: BlockStmt | null;
    span: Span;
    nameSpan: Span;
};

export type FieldDecl = {
    kind: 'field';
    typeName: string;
    declarators: VariableDeclarator[];
    modifiers: Modifiers;
    span: Span;
};

export type PropertyDecl = {
    kind: 'property';
    typeName: string;
    name: string;
    modifiers: Modifiers;
    getter: BlockStmt | null;
    setter: BlockStmt | null;
    /** A property with an automatic `get;`/`set;` behaves as a field. */
    hasGetter: boolean;
    hasSetter: boolean;
    span: Span;
};

export type InitializerDecl = { kind: 'initializer'; isStatic: boolean; body: BlockStmt; span: Span };

export type MemberDecl = MethodDecl | FieldDecl | PropertyDecl | InitializerDecl;

export type TypeDecl = {
    kind: 'class' | 'interface' | 'enum';
    name: string;
    /** `Outer.Inner` for inner types. */
    qualifiedName: string;
    modifiers: Modifiers;
    sharing: 'with' | 'without' | 'inherited' | null;
    extendsType: string | null;
    implementsTypes: string[];
    members: MemberDecl[];
    innerTypes: TypeDecl[];
    outer: TypeDecl | null;
    span: Span;
    nameSpan: Span;
};

export type TriggerDecl = {
    name: string;
    objectName: string;
    events: string[];
    body: Stmt[];
    /** Methods, fields and classes declared inside the trigger body. */
    members: MemberDecl[];
    innerTypes: TypeDecl[];
    span: Span;
    bodySpan: Span;
};

export type AnonymousDecl = {
    body: Stmt[];
    members: MemberDecl[];
    innerTypes: TypeDecl[];
    span: Span;
};

export type CompilationUnit =
    | { kind: 'class'; type: TypeDecl }
    | { kind: 'trigger'; trigger: TriggerDecl }
    | { kind: 'anonymous'; anonymous: AnonymousDecl };
