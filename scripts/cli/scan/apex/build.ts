/**
 * Turns an ANTLR parse tree from apex-parser into the scanner's own syntax tree (ast.ts) in one
 * walk. Text is sliced from the source by token offsets, never rebuilt with getText() on big
 * subtrees, so the walk stays linear in the size of the file.
 */
import {
    AnonymousUnitContext,
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    ArrayExpressionContext,
    AssignExpressionContext,
    BitAndExpressionContext,
    BitExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    BlockContext,
    BoundExpressionContext,
    BreakStatementContext,
    ContinueStatementContext,
    DeleteStatementContext,
    DoWhileStatementContext,
    ExpressionStatementContext,
    ForStatementContext,
    IfStatementContext,
    InsertStatementContext,
    LocalVariableDeclarationStatementContext,
    MergeStatementContext,
    ReturnStatementContext,
    RunAsStatementContext,
    SwitchStatementContext,
    ThrowStatementContext,
    TryStatementContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    WhileStatementContext,
    CastExpressionContext,
    ClassBodyContext,
    ClassDeclarationContext,
    CmpExpressionContext,
    CoalExpressionContext,
    CompilationUnitContext,
    CondExpressionContext,
    ConstructorDeclarationContext,
    CreatorContext,
    DotExpressionContext,
    EnumDeclarationContext,
    EqualityExpressionContext,
    ExpressionContext,
    ExpressionListContext,
    FieldDeclarationContext,
    FieldNameContext,
    FieldSpecListContext,
    FormalParametersContext,
    IdPrimaryContext,
    InstanceOfExpressionContext,
    InterfaceDeclarationContext,
    LiteralContext,
    LiteralPrimaryContext,
    LocalVariableDeclarationContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    MemberDeclarationContext,
    MethodCallExpressionContext,
    MethodDeclarationContext,
    ModifierContext,
    NegExpressionContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryExpressionContext,
    PropertyDeclarationContext,
    QueryContext,
    SelectEntryContext,
    SoqlPrimaryContext,
    SoslPrimaryContext,
    StatementContext,
    SubExpressionContext,
    SubFieldEntryContext,
    SubQueryContext,
    SuperPrimaryContext,
    ThisPrimaryContext,
    TriggerUnitContext,
    TypeRefPrimaryContext,
    VariableDeclaratorsContext,
    VoidPrimaryContext
} from '@apexdevtools/apex-parser';
import type {
    ApexParserRuleContext as ParserRuleContext,
    ApexTerminalNode as TerminalNode,
    ApexToken as Token
} from '@apexdevtools/apex-parser';
import type {
    AccessMode,
    Annotation,
    AnonymousDecl,
    BlockStmt,
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
import { isSynthetic, type ParsedApex } from './parse';
import { unquote } from './unquote';

type Ctx = ParserRuleContext;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const BINARY_CONTEXTS = new Set<Function>([
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    BitExpressionContext,
    CmpExpressionContext,
    EqualityExpressionContext,
    BitAndExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    CoalExpressionContext
]);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const STATEMENT_KINDS = new Map<Function, string>([
    [BlockContext, 'block'],
    [LocalVariableDeclarationStatementContext, 'local'],
    [ExpressionStatementContext, 'expr'],
    [IfStatementContext, 'if'],
    [ForStatementContext, 'for'],
    [WhileStatementContext, 'while'],
    [DoWhileStatementContext, 'dowhile'],
    [TryStatementContext, 'try'],
    [ReturnStatementContext, 'return'],
    [ThrowStatementContext, 'throw'],
    [BreakStatementContext, 'break'],
    [ContinueStatementContext, 'continue'],
    [SwitchStatementContext, 'switch'],
    [RunAsStatementContext, 'runas'],
    [InsertStatementContext, 'insert'],
    [UpdateStatementContext, 'update'],
    [DeleteStatementContext, 'delete'],
    [UndeleteStatementContext, 'undelete'],
    [UpsertStatementContext, 'upsert'],
    [MergeStatementContext, 'merge']
]);

const DML_OPS: Record<string, DmlOp> = {
    insert: 'insert',
    update: 'update',
    delete: 'delete',
    undelete: 'undelete',
    upsert: 'upsert',
    merge: 'merge'
};

function children(ctx: Ctx): Ctx[] {
    return (ctx.children ?? []) as unknown as Ctx[];
}

function isTerminal(node: unknown): node is TerminalNode {
    return (node as { symbol?: Token }).symbol !== undefined;
}

/** Thrown when code nests deeper than the scanner analyses; the file is reported, not scanned. */
export class NestingError extends Error {
    constructor(readonly line: number) {
        super(`code nested more than ${MAX_NESTING} levels deep`);
    }
}

/** Deeper nesting than any real Apex, and well within the stack the rules' recursion needs. */
export const MAX_NESTING = 400;

export class TreeBuilder {
    private depth = 0;

    constructor(private readonly source: string) {}

    span(ctx: Ctx): Span {
        const start = ctx.start;
        const stop = ctx.stop ?? ctx.start;
        return {
            line: start.line,
            column: start.column + 1,
            endLine: stop.line,
            start: start.start,
            end: Math.max(start.start, stop.stop + 1)
        };
    }

    tokenSpan(token: Token): Span {
        return {
            line: token.line,
            column: token.column + 1,
            endLine: token.line,
            start: token.start,
            end: token.stop + 1
        };
    }

    text(ctx: Ctx): string {
        const span = this.span(ctx);
        return this.source.slice(span.start, span.end);
    }

    /** Source text without whitespace: type names, qualified names. */
    compact(ctx: Ctx): string {
        return this.text(ctx).replace(/\s+/g, '');
    }

    // ---------------------------------------------------------------- units

    build(parsed: ParsedApex): CompilationUnit | null {
        if (parsed.kind === 'class') {
            const type = this.compilationUnit(parsed.tree);
            return type ? { kind: 'class', type } : null;
        }
        if (parsed.kind === 'trigger') {
            const trigger = this.triggerUnit(parsed.tree);
            return trigger ? { kind: 'trigger', trigger } : null;
        }
        return { kind: 'anonymous', anonymous: this.anonymousUnit(parsed.tree) };
    }

    compilationUnit(ctx: CompilationUnitContext): TypeDecl | null {
        const declaration = ctx.typeDeclaration();
        if (!declaration) {
            return null;
        }
        const modifiers = this.modifiers(declaration.modifier_list());
        const classCtx = declaration.classDeclaration();
        if (classCtx) {
            return this.classDeclaration(classCtx, modifiers, null);
        }
        const interfaceCtx = declaration.interfaceDeclaration();
        if (interfaceCtx) {
            return this.interfaceDeclaration(interfaceCtx, modifiers, null);
        }
        const enumCtx = declaration.enumDeclaration();
        if (enumCtx) {
            return this.enumDeclaration(enumCtx, modifiers, null);
        }
        return null;
    }

    triggerUnit(ctx: TriggerUnitContext): TriggerDecl | null {
        const ids = ctx.id_list();
        if (ids.length < 2) {
            return null;
        }
        const body: Stmt[] = [];
        const members: MemberDecl[] = [];
        const innerTypes: TypeDecl[] = [];
        const block = ctx.triggerBlock();
        for (const member of block ? block.triggerBlockMember_list() : []) {
            const statement = member.statement();
            if (statement) {
                const stmt = this.statement(statement);
                if (stmt) {
                    body.push(stmt);
                }
                continue;
            }
            const declaration = member.triggerMemberDeclaration();
            const field = declaration?.fieldDeclaration();
            if (field) {
                // `List<Task> tasks = ...;` in a trigger or script body is a local variable, run in order.
                body.push({
                    kind: 'local',
                    typeName: this.compact(field.typeRef()),
                    declarators: this.declarators(field.variableDeclarators()),
                    span: this.span(member)
                });
            } else if (declaration) {
                this.memberDeclaration(declaration, this.modifiers(member.modifier_list()), null, members, innerTypes);
            }
        }
        return {
            name: ids[0].start.text,
            objectName: ids[1].start.text,
            events: ctx.triggerCase_list().map((c) => this.text(c).replace(/\s+/g, ' ').toLowerCase()),
            body,
            members,
            innerTypes,
            span: this.span(ctx),
            bodySpan: block ? this.span(block) : this.span(ctx)
        };
    }

    anonymousUnit(ctx: AnonymousUnitContext): AnonymousDecl {
        const body: Stmt[] = [];
        const members: MemberDecl[] = [];
        const innerTypes: TypeDecl[] = [];
        const block = ctx.anonymousBlock();
        for (const member of block ? block.anonymousBlockMember_list() : []) {
            const statement = member.statement();
            if (statement) {
                const stmt = this.statement(statement);
                if (stmt) {
                    body.push(stmt);
                }
                continue;
            }
            const declaration = member.anonymousMemberDeclaration();
            const field = declaration?.fieldDeclaration();
            if (field) {
                // `List<Task> tasks = ...;` in a trigger or script body is a local variable, run in order.
                body.push({
                    kind: 'local',
                    typeName: this.compact(field.typeRef()),
                    declarators: this.declarators(field.variableDeclarators()),
                    span: this.span(member)
                });
            } else if (declaration) {
                this.memberDeclaration(declaration, this.modifiers(member.modifier_list()), null, members, innerTypes);
            }
        }
        return { body, members, innerTypes, span: this.span(ctx) };
    }

    // ---------------------------------------------------------------- declarations

    modifiers(list: ModifierContext[]): Modifiers {
        const keywords = new Set<string>();
        const annotations: Annotation[] = [];
        for (const modifier of list) {
            const annotation = modifier.annotation();
            if (annotation) {
                const params: Record<string, string> = {};
                const pairs = annotation.elementValuePairs();
                if (pairs) {
                    for (const pair of pairs.elementValuePair_list()) {
                        params[pair.id().start.text.toLowerCase()] = this.text(pair.elementValue()).toLowerCase();
                    }
                }
                const single = annotation.elementValue();
                if (single) {
                    params[''] = this.text(single).toLowerCase();
                }
                const nameCtx = (annotation as unknown as { qualifiedName?: () => Ctx }).qualifiedName?.();
                const idCtx = (annotation as unknown as { id?: () => Ctx }).id?.();
                const name = nameCtx ? this.compact(nameCtx) : idCtx ? this.compact(idCtx) : '';
                annotations.push({ name: name.toLowerCase(), params });
            } else {
                keywords.add(this.text(modifier).replace(/\s+/g, ' ').toLowerCase());
            }
        }
        return { keywords, annotations };
    }

    private sharingOf(modifiers: Modifiers): TypeDecl['sharing'] {
        if (modifiers.keywords.has('with sharing')) {
            return 'with';
        }
        if (modifiers.keywords.has('without sharing')) {
            return 'without';
        }
        if (modifiers.keywords.has('inherited sharing')) {
            return 'inherited';
        }
        return null;
    }

    classDeclaration(ctx: ClassDeclarationContext, modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const name = ctx.id().start.text;
        const extendsCtx = ctx.typeRef();
        const typeList = ctx.typeList();
        const type: TypeDecl = {
            kind: 'class',
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: this.sharingOf(modifiers),
            extendsType: extendsCtx ? this.compact(extendsCtx) : null,
            implementsTypes: typeList ? typeList.typeRef_list().map((t) => this.compact(t)) : [],
            members: [],
            innerTypes: [],
            outer,
            span: this.span(ctx),
            nameSpan: this.span(ctx.id())
        };
        this.classBody(ctx.classBody(), type);
        return type;
    }

    interfaceDeclaration(ctx: InterfaceDeclarationContext, modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const name = ctx.id().start.text;
        const typeList = ctx.typeList();
        const type: TypeDecl = {
            kind: 'interface',
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: null,
            extendsType: null,
            implementsTypes: typeList ? typeList.typeRef_list().map((t) => this.compact(t)) : [],
            members: [],
            innerTypes: [],
            outer,
            span: this.span(ctx),
            nameSpan: this.span(ctx.id())
        };
        const body = ctx.interfaceBody();
        for (const method of body ? body.interfaceMethodDeclaration_list() : []) {
            const returnType = method.typeRef();
            type.members.push({
                kind: 'method',
                name: method.id().start.text,
                returnType: returnType ? this.compact(returnType) : 'void',
                params: this.params(method.formalParameters()),
                modifiers: this.modifiers(method.modifier_list()),
                body: null,
                span: this.span(method),
                nameSpan: this.span(method.id())
            });
        }
        return type;
    }

    enumDeclaration(ctx: EnumDeclarationContext, modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const name = ctx.id().start.text;
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
            span: this.span(ctx),
            nameSpan: this.span(ctx.id())
        };
    }

    classBody(ctx: ClassBodyContext | null, type: TypeDecl): void {
        if (!ctx) {
            return;
        }
        for (const declaration of ctx.classBodyDeclaration_list()) {
            const block = declaration.block();
            if (block) {
                type.members.push({
                    kind: 'initializer',
                    isStatic: Boolean(declaration.STATIC()),
                    body: this.block(block),
                    span: this.span(declaration)
                });
                continue;
            }
            const member = declaration.memberDeclaration();
            if (member) {
                this.memberDeclaration(
                    member,
                    this.modifiers(declaration.modifier_list()),
                    type,
                    type.members,
                    type.innerTypes
                );
            }
        }
    }

    /** Shared by class bodies, trigger bodies and anonymous blocks (their member rules have the same alternatives). */
    memberDeclaration(
        ctx: MemberDeclarationContext | Ctx,
        modifiers: Modifiers,
        owner: TypeDecl | null,
        members: MemberDecl[],
        innerTypes: TypeDecl[]
    ): void {
        const child = children(ctx)[0];
        if (child instanceof MethodDeclarationContext) {
            members.push(this.method(child, modifiers));
        } else if (child instanceof ConstructorDeclarationContext) {
            const body = child.block();
            members.push({
                kind: 'constructor',
                name: this.compact(child.qualifiedName()),
                returnType: null,
                params: this.params(child.formalParameters()),
                modifiers,
                body: body ? this.block(body) : null,
                span: this.span(child),
                nameSpan: this.span(child.qualifiedName())
            });
        } else if (child instanceof FieldDeclarationContext) {
            members.push(this.field(child, modifiers));
        } else if (child instanceof PropertyDeclarationContext) {
            members.push(this.property(child, modifiers));
        } else if (child instanceof ClassDeclarationContext) {
            innerTypes.push(this.classDeclaration(child, modifiers, owner));
        } else if (child instanceof InterfaceDeclarationContext) {
            innerTypes.push(this.interfaceDeclaration(child, modifiers, owner));
        } else if (child instanceof EnumDeclarationContext) {
            innerTypes.push(this.enumDeclaration(child, modifiers, owner));
        }
    }

    method(ctx: MethodDeclarationContext, modifiers: Modifiers): MethodDecl {
        const returnType = ctx.typeRef();
        const body = ctx.block();
        return {
            kind: 'method',
            name: ctx.id().start.text,
            returnType: returnType ? this.compact(returnType) : 'void',
            params: this.params(ctx.formalParameters()),
            modifiers,
            body: body ? this.block(body) : null,
            span: this.span(ctx),
            nameSpan: this.span(ctx.id())
        };
    }

    params(ctx: FormalParametersContext | null): Param[] {
        const list = ctx?.formalParameterList();
        if (!list) {
            return [];
        }
        return list.formalParameter_list().map((param) => ({
            typeName: this.compact(param.typeRef()),
            name: param.id().start.text
        }));
    }

    field(ctx: FieldDeclarationContext, modifiers: Modifiers): FieldDecl {
        return {
            kind: 'field',
            typeName: this.compact(ctx.typeRef()),
            declarators: this.declarators(ctx.variableDeclarators()),
            modifiers,
            span: this.span(ctx)
        };
    }

    property(ctx: PropertyDeclarationContext, modifiers: Modifiers): PropertyDecl {
        let getter: BlockStmt | null = null;
        let setter: BlockStmt | null = null;
        let hasGetter = false;
        let hasSetter = false;
        for (const block of ctx.propertyBlock_list()) {
            const get = block.getter();
            if (get) {
                hasGetter = true;
                const body = get.block();
                getter = body ? this.block(body) : null;
            }
            const set = block.setter();
            if (set) {
                hasSetter = true;
                const body = set.block();
                setter = body ? this.block(body) : null;
            }
        }
        return {
            kind: 'property',
            typeName: this.compact(ctx.typeRef()),
            name: ctx.id().start.text,
            modifiers,
            getter,
            setter,
            hasGetter,
            hasSetter,
            span: this.span(ctx)
        };
    }

    declarators(ctx: VariableDeclaratorsContext | null): VariableDeclarator[] {
        if (!ctx) {
            return [];
        }
        return ctx.variableDeclarator_list().map((declarator) => {
            const init = declarator.expression();
            return {
                name: declarator.id().start.text,
                init: init ? this.expression(init) : null,
                span: this.span(declarator)
            };
        });
    }

    // ---------------------------------------------------------------- statements

    block(ctx: BlockContext): BlockStmt {
        const body: Stmt[] = [];
        for (const statement of ctx.statement_list()) {
            const stmt = this.statement(statement);
            if (stmt) {
                body.push(stmt);
            }
        }
        return { kind: 'block', body, span: this.span(ctx) };
    }

    private optionalStatement(ctx: StatementContext | null): Stmt | null {
        return ctx ? this.statement(ctx) : null;
    }

    private local(ctx: LocalVariableDeclarationContext): LocalStmt {
        return {
            kind: 'local',
            typeName: this.compact(ctx.typeRef()),
            declarators: this.declarators(ctx.variableDeclarators()),
            span: this.span(ctx)
        };
    }

    statement(ctx: StatementContext): Stmt | null {
        if (++this.depth > MAX_NESTING) {
            throw new NestingError(ctx.start.line);
        }
        try {
            return this.statementInner(ctx);
        } finally {
            this.depth -= 1;
        }
    }

    private statementInner(ctx: StatementContext): Stmt | null {
        const child = children(ctx)[0];
        if (!child || isTerminal(child)) {
            return null;
        }
        const span = this.span(ctx);
        const rule = STATEMENT_KINDS.get(child.constructor) ?? '';
        switch (rule) {
            case 'block':
                return this.block(child as BlockContext);
            case 'local': {
                const local = (
                    child as unknown as { localVariableDeclaration(): LocalVariableDeclarationContext }
                ).localVariableDeclaration();
                return { ...this.local(local), span };
            }
            case 'expr': {
                const expr = (child as unknown as { expression(): ExpressionContext }).expression();
                return expr ? { kind: 'expr', expr: this.expression(expr), span } : null;
            }
            case 'if': {
                const c = child as unknown as {
                    parExpression(): { expression(): ExpressionContext };
                    statement_list(): StatementContext[];
                };
                const statements = c.statement_list();
                const thenStmt = statements[0] ? this.statement(statements[0]) : null;
                return {
                    kind: 'if',
                    test: this.expression(c.parExpression().expression()),
                    then: thenStmt ?? { kind: 'block', body: [], span },
                    otherwise: statements[1] ? this.statement(statements[1]) : null,
                    span
                };
            }
            case 'for': {
                const c = child as unknown as {
                    forControl(): Ctx & {
                        enhancedForControl():
                            | (Ctx & {
                                  typeRef(): Ctx;
                                  id(): Ctx;
                                  expression(): ExpressionContext;
                              })
                            | null;
                        forInit():
                            | (Ctx & {
                                  localVariableDeclaration(): LocalVariableDeclarationContext | null;
                                  expressionList(): ExpressionListContext | null;
                              })
                            | null;
                        expression(): ExpressionContext | null;
                        forUpdate(): (Ctx & { expressionList(): ExpressionListContext | null }) | null;
                    };
                    statement(): StatementContext | null;
                };
                const control = c.forControl();
                const body = this.optionalStatement(c.statement());
                const enhanced = control.enhancedForControl();
                if (enhanced) {
                    return {
                        kind: 'foreach',
                        typeName: this.compact(enhanced.typeRef()),
                        variable: enhanced.id().start.text,
                        iterable: this.expression(enhanced.expression()),
                        body,
                        span
                    };
                }
                const init = control.forInit();
                const localDecl = init?.localVariableDeclaration();
                const initList = init?.expressionList();
                const test = control.expression();
                const update = control.forUpdate()?.expressionList();
                return {
                    kind: 'for',
                    init: localDecl ? this.local(localDecl) : initList ? this.expressionList(initList) : null,
                    test: test ? this.expression(test) : null,
                    update: update ? this.expressionList(update) : [],
                    body,
                    span
                };
            }
            case 'while': {
                const c = child as unknown as {
                    parExpression(): { expression(): ExpressionContext };
                    statement(): StatementContext | null;
                };
                return {
                    kind: 'while',
                    test: this.expression(c.parExpression().expression()),
                    body: this.optionalStatement(c.statement()),
                    span
                };
            }
            case 'dowhile': {
                const c = child as unknown as {
                    block(): BlockContext;
                    parExpression(): { expression(): ExpressionContext };
                };
                return {
                    kind: 'dowhile',
                    body: this.block(c.block()),
                    test: this.expression(c.parExpression().expression()),
                    span
                };
            }
            case 'try': {
                const c = child as unknown as {
                    block(): BlockContext;
                    catchClause_list(): Array<Ctx & { qualifiedName(): Ctx; id(): Ctx; block(): BlockContext }>;
                    finallyBlock(): (Ctx & { block(): BlockContext }) | null;
                };
                const finallyCtx = c.finallyBlock();
                return {
                    kind: 'try',
                    body: this.block(c.block()),
                    catches: c.catchClause_list().map((clause) => ({
                        typeName: this.compact(clause.qualifiedName()),
                        variable: clause.id().start.text,
                        body: this.block(clause.block()),
                        span: this.span(clause)
                    })),
                    finallyBlock: finallyCtx ? this.block(finallyCtx.block()) : null,
                    span
                };
            }
            case 'return': {
                const expr = (child as unknown as { expression(): ExpressionContext | null }).expression();
                return { kind: 'return', expr: expr ? this.expression(expr) : null, span };
            }
            case 'throw': {
                const expr = (child as unknown as { expression(): ExpressionContext }).expression();
                return { kind: 'throw', expr: this.expression(expr), span };
            }
            case 'break':
                return { kind: 'break', span };
            case 'continue':
                return { kind: 'continue', span };
            case 'switch': {
                const c = child as unknown as {
                    expression(): ExpressionContext;
                    whenControl_list(): Array<
                        Ctx & {
                            whenValue(): Ctx & {
                                ELSE(): TerminalNode | null;
                                whenLiteral_list(): Ctx[];
                                typeRef(): Ctx | null;
                                id(): Ctx | null;
                            };
                            block(): BlockContext;
                        }
                    >;
                };
                const whens: WhenClause[] = c.whenControl_list().map((when) => {
                    const value = when.whenValue();
                    const typeRef = value.typeRef();
                    const id = value.id();
                    return {
                        values: value.whenLiteral_list().map((literal: Ctx) => this.text(literal)),
                        isElse: Boolean(value.ELSE()),
                        typeName: typeRef ? this.compact(typeRef) : null,
                        variable: id ? id.start.text : null,
                        body: this.block(when.block())
                    };
                });
                return { kind: 'switch', expr: this.expression(c.expression()), whens, span };
            }
            case 'runas': {
                const c = child as unknown as { expressionList(): ExpressionListContext | null; block(): BlockContext };
                const list = c.expressionList();
                return {
                    kind: 'runas',
                    args: list ? this.expressionList(list) : [],
                    body: this.block(c.block()),
                    span
                };
            }
            default: {
                const op = DML_OPS[rule];
                if (!op) {
                    return null;
                }
                const c = child as unknown as {
                    accessLevel(): (Ctx & { USER(): TerminalNode | null }) | null;
                    expression_list?: () => ExpressionContext[];
                    expression(i?: number): ExpressionContext;
                    qualifiedName?: () => Ctx | null;
                };
                const access = c.accessLevel();
                const mode = access ? (access.USER() ? 'user' : 'system') : null;
                if (op === 'merge' && c.expression_list) {
                    const [first, second] = c.expression_list();
                    return {
                        kind: 'dml',
                        op,
                        mode,
                        expr: this.expression(first),
                        second: second ? this.expression(second) : null,
                        externalIdField: null,
                        span
                    };
                }
                const qualified = op === 'upsert' && c.qualifiedName ? c.qualifiedName() : null;
                return {
                    kind: 'dml',
                    op,
                    mode,
                    expr: this.expression(c.expression()),
                    second: null,
                    externalIdField: qualified ? this.compact(qualified) : null,
                    span
                };
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    expressionList(ctx: ExpressionListContext | null): Expr[] {
        return ctx ? ctx.expression_list().map((e) => this.expression(e)) : [];
    }

    expression(ctx: ExpressionContext): Expr {
        if (++this.depth > MAX_NESTING) {
            throw new NestingError(ctx.start.line);
        }
        try {
            return this.expressionInner(ctx);
        } finally {
            this.depth -= 1;
        }
    }

    private expressionInner(ctx: ExpressionContext): Expr {
        const span = this.span(ctx);
        if (ctx instanceof PrimaryExpressionContext) {
            return this.primary(ctx.primary() as unknown as Ctx, span);
        }
        if (ctx instanceof DotExpressionContext) {
            const targetCtx = ctx.expression();
            const call = ctx.dotMethodCall();
            if (call && targetCtx instanceof PrimaryExpressionContext && isSynthetic(targetCtx.start)) {
                // `foo(x)` given a synthetic `this.` for the SLL pass (see parse.ts).
                return {
                    kind: 'call',
                    target: null,
                    name: call.anyId().start.text,
                    args: this.expressionList(call.expressionList()),
                    span
                };
            }
            const target = this.expression(targetCtx);
            if (call) {
                return {
                    kind: 'call',
                    target,
                    name: call.anyId().start.text,
                    args: this.expressionList(call.expressionList()),
                    span
                };
            }
            return { kind: 'field', target, name: ctx.anyId().start.text, span };
        }
        if (ctx instanceof MethodCallExpressionContext) {
            const call = ctx.methodCall();
            const id = call.id();
            const name = id ? id.start.text : call.THIS() ? 'this' : 'super';
            return { kind: 'call', target: null, name, args: this.expressionList(call.expressionList()), span };
        }
        if (BINARY_CONTEXTS.has(ctx.constructor)) {
            const operands = (ctx as unknown as { expression_list(): ExpressionContext[] }).expression_list();
            const left = operands[0];
            const right = operands[1];
            const leftSpan = this.span(left);
            const rightSpan = this.span(right);
            const op = this.source.slice(leftSpan.end, rightSpan.start).replace(/\s+/g, '');
            return { kind: 'binary', op, left: this.expression(left), right: this.expression(right), span };
        }
        if (ctx instanceof AssignExpressionContext) {
            const [target, value] = ctx.expression_list();
            const op = this.source.slice(this.span(target).end, this.span(value).start).replace(/\s+/g, '');
            return { kind: 'assign', op, target: this.expression(target), value: this.expression(value), span };
        }
        if (ctx instanceof NewExpressionContext) {
            return this.creator(ctx.creator(), span);
        }
        if (ctx instanceof SubExpressionContext) {
            return this.expression(ctx.expression());
        }
        if (ctx instanceof CastExpressionContext) {
            return {
                kind: 'cast',
                typeName: this.compact(ctx.typeRef()),
                expr: this.expression(ctx.expression()),
                span
            };
        }
        if (ctx instanceof ArrayExpressionContext) {
            const [target, index] = ctx.expression_list();
            return { kind: 'index', target: this.expression(target), index: this.expression(index), span };
        }
        if (ctx instanceof CondExpressionContext) {
            const [test, whenTrue, whenFalse] = ctx.expression_list();
            return {
                kind: 'conditional',
                test: this.expression(test),
                whenTrue: this.expression(whenTrue),
                whenFalse: this.expression(whenFalse),
                span
            };
        }
        if (ctx instanceof NegExpressionContext) {
            return {
                kind: 'unary',
                op: ctx.BANG() ? '!' : '~',
                operand: this.expression(ctx.expression()),
                postfix: false,
                span
            };
        }
        if (ctx instanceof PreOpExpressionContext) {
            const op = ctx.INC() ? '++' : ctx.DEC() ? '--' : ctx.SUB() ? '-' : '+';
            return { kind: 'unary', op, operand: this.expression(ctx.expression()), postfix: false, span };
        }
        if (ctx instanceof PostOpExpressionContext) {
            const op = ctx.INC() ? '++' : '--';
            return { kind: 'unary', op, operand: this.expression(ctx.expression()), postfix: true, span };
        }
        if (ctx instanceof InstanceOfExpressionContext) {
            return {
                kind: 'instanceof',
                expr: this.expression(ctx.expression()),
                typeName: this.compact(ctx.typeRef()),
                span
            };
        }
        // Error recovery can leave a bare ExpressionContext: keep its text as an opaque name.
        return { kind: 'name', name: this.compact(ctx), span };
    }

    private primary(ctx: Ctx, span: Span): Expr {
        if (ctx instanceof IdPrimaryContext) {
            return { kind: 'name', name: ctx.id().start.text, span };
        }
        if (ctx instanceof LiteralPrimaryContext) {
            return this.literal(ctx.literal(), span);
        }
        if (ctx instanceof SoqlPrimaryContext) {
            return { kind: 'soql', query: this.query(ctx.soqlLiteral().query()), span };
        }
        if (ctx instanceof ThisPrimaryContext) {
            return { kind: 'this', span };
        }
        if (ctx instanceof SuperPrimaryContext) {
            return { kind: 'super', span };
        }
        if (ctx instanceof TypeRefPrimaryContext) {
            return { kind: 'classref', typeName: this.compact(ctx.typeRef()), span };
        }
        if (ctx instanceof VoidPrimaryContext) {
            return { kind: 'classref', typeName: 'void', span };
        }
        if (ctx instanceof SoslPrimaryContext) {
            return this.sosl(ctx, span);
        }
        return { kind: 'name', name: this.compact(ctx), span };
    }

    private literal(ctx: LiteralContext, span: Span): Expr {
        const token = ctx.start;
        const raw = token.text;
        if (ctx.StringLiteral() || ctx.MultilineStringLiteral?.()) {
            return { kind: 'literal', literalType: 'string', value: unquote(raw), span };
        }
        if (ctx.IntegerLiteral()) {
            return { kind: 'literal', literalType: 'integer', value: raw, span };
        }
        if (ctx.LongLiteral()) {
            return { kind: 'literal', literalType: 'long', value: raw, span };
        }
        if (ctx.NumberLiteral()) {
            return { kind: 'literal', literalType: 'number', value: raw, span };
        }
        if (ctx.BooleanLiteral()) {
            return { kind: 'literal', literalType: 'boolean', value: raw.toLowerCase(), span };
        }
        return { kind: 'literal', literalType: 'null', value: 'null', span };
    }

    private creator(ctx: CreatorContext, span: Span): Expr {
        const typeName = this.compact(ctx.createdName());
        const result = {
            kind: 'new' as const,
            typeName,
            args: [] as Expr[],
            elements: [] as Expr[],
            pairs: [] as Array<[Expr, Expr]>,
            span
        };
        const classRest = ctx.classCreatorRest();
        if (classRest) {
            result.args = this.expressionList(classRest.arguments().expressionList());
            return result;
        }
        const mapRest = ctx.mapCreatorRest();
        if (mapRest) {
            result.pairs = mapRest.mapCreatorRestPair_list().map((pair) => {
                const [key, value] = pair.expression_list();
                return [this.expression(key), this.expression(value)] as [Expr, Expr];
            });
            return result;
        }
        const setRest = ctx.setCreatorRest();
        if (setRest) {
            result.elements = setRest.expression_list().map((e) => this.expression(e));
            return result;
        }
        const arrayRest = ctx.arrayCreatorRest();
        if (arrayRest) {
            const size = arrayRest.expression();
            if (size) {
                result.args = [this.expression(size)];
            }
            const init = arrayRest.arrayInitializer();
            if (init) {
                result.elements = init.expression_list().map((e) => this.expression(e));
            }
            result.typeName = `${typeName}[]`;
        }
        return result;
    }

    // ---------------------------------------------------------------- SOQL / SOSL

    private fieldPath(ctx: FieldNameContext | null): string {
        return ctx ? this.compact(ctx) : '';
    }

    private fieldsOfEntry(
        entry: SelectEntryContext | SubFieldEntryContext,
        fields: string[],
        subqueries: SoqlQuery['subqueries']
    ): void {
        const fieldName = entry.fieldName();
        if (fieldName) {
            fields.push(this.fieldPath(fieldName));
            return;
        }
        const fn = entry.soqlFunction();
        if (fn) {
            if (fn.FIELDS()) {
                fields.push(`FIELDS(${this.compact(fn.soqlFieldsParameter()).toUpperCase()})`);
                return;
            }
            const inner = fn.fieldName();
            if (inner) {
                fields.push(this.fieldPath(inner));
            }
            const date = fn.dateFieldName();
            if (date) {
                const field = date.fieldName();
                if (field) {
                    fields.push(this.fieldPath(field));
                }
            }
            return;
        }
        const sub = entry.subQuery();
        if (sub) {
            subqueries.push(this.subQuery(sub));
            return;
        }
        const typeOf = entry.typeOf();
        if (typeOf) {
            for (const when of typeOf.whenClause_list()) {
                for (const field of when.fieldNameList().fieldName_list()) {
                    fields.push(this.fieldPath(field));
                }
            }
            const otherwise = typeOf.elseClause();
            if (otherwise) {
                for (const field of otherwise.fieldNameList().fieldName_list()) {
                    fields.push(this.fieldPath(field));
                }
            }
        }
    }

    private subQuery(ctx: SubQueryContext): { relationship: string; fields: string[] } {
        const fields: string[] = [];
        const nested: SoqlQuery['subqueries'] = [];
        for (const entry of ctx.subFieldList().subFieldEntry_list()) {
            this.fieldsOfEntry(entry, fields, nested);
        }
        return { relationship: this.fieldPath(ctx.fromNameList().fieldName(0)), fields };
    }

    private collectBinds(ctx: Ctx, into: Expr[]): void {
        for (const child of children(ctx)) {
            if (isTerminal(child)) {
                continue;
            }
            if (child instanceof BoundExpressionContext) {
                into.push(this.expression(child.expression()));
            } else {
                this.collectBinds(child, into);
            }
        }
    }

    query(ctx: QueryContext): SoqlQuery {
        const fields: string[] = [];
        const subqueries: SoqlQuery['subqueries'] = [];
        for (const entry of ctx.selectList().selectEntry_list()) {
            this.fieldsOfEntry(entry, fields, subqueries);
        }
        const withClause = ctx.withClause();
        let mode: AccessMode | null = null;
        if (withClause) {
            if (withClause.USER_MODE()) {
                mode = 'user';
            } else if (withClause.SYSTEM_MODE()) {
                mode = 'system';
            } else if (withClause.SECURITY_ENFORCED()) {
                mode = 'security_enforced';
            }
        }
        const binds: Expr[] = [];
        this.collectBinds(ctx, binds);
        return { from: this.fieldPath(ctx.fromNameList().fieldName(0)), fields, subqueries, mode, binds };
    }

    private sosl(ctx: SoslPrimaryContext, span: Span): Expr {
        const literal = ctx.soslLiteral();
        const clauses = literal.soslClauses();
        const objects: string[] = [];
        let mode: AccessMode | null = null;
        if (clauses) {
            let list: FieldSpecListContext | null = clauses.fieldSpecList();
            while (list) {
                const spec = list.fieldSpec();
                if (spec) {
                    const ids = spec.soslId_list();
                    if (ids[0]) {
                        objects.push(this.compact(ids[0]));
                    }
                }
                const more = list.fieldSpecList_list();
                list = more.length > 0 ? more[0] : null;
            }
            for (const clause of clauses.soslWithClause_list()) {
                if (clause.USER_MODE()) {
                    mode = 'user';
                } else if (clause.SYSTEM_MODE()) {
                    mode = 'system';
                }
            }
        }
        const binds: Expr[] = [];
        this.collectBinds(literal, binds);
        return { kind: 'sosl', objects, mode, binds, span };
    }
}
