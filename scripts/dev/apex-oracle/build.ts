/**
 * The oracle's tree builder: apex-parser's parse tree (parse.ts) to the scanner's own tree (ast.ts),
 * units and declarations here, statements and expressions in the classes it extends. Text is sliced
 * from the source by token offsets, never rebuilt with getText() on big subtrees, so the walk stays
 * linear in the size of the file. The scanner's parser must build the same tree (treediff.ts).
 */
import {
    AnonymousUnitContext,
    ClassBodyContext,
    ClassDeclarationContext,
    CompilationUnitContext,
    ConstructorDeclarationContext,
    EnumDeclarationContext,
    FieldDeclarationContext,
    FormalParametersContext,
    InterfaceDeclarationContext,
    MemberDeclarationContext,
    MethodDeclarationContext,
    ModifierContext,
    PropertyDeclarationContext,
    StatementContext,
    TriggerUnitContext
} from '@apexdevtools/apex-parser';
import type {
    Annotation,
    AnonymousDecl,
    BlockStmt,
    CompilationUnit,
    FieldDecl,
    MemberDecl,
    MethodDecl,
    Modifiers,
    Param,
    PropertyDecl,
    Stmt,
    TriggerDecl,
    TypeDecl
} from '../../cli/scan/apex/ast';
import type { ParsedApex } from './parse';
import { children, type Ctx } from './spans';
import { StatementBuilder } from './statements';

export class TreeBuilder extends StatementBuilder {
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
        const block = ctx.triggerBlock();
        const members = (block ? block.triggerBlockMember_list() : []).map((member) => ({
            member,
            statement: member.statement(),
            declaration: member.triggerMemberDeclaration()
        }));
        return {
            name: ids[0].start.text,
            objectName: ids[1].start.text,
            events: ctx.triggerCase_list().map((c) => this.text(c).replace(/\s+/g, ' ').toLowerCase()),
            ...this.scriptMembers(members),
            span: this.span(ctx),
            bodySpan: block ? this.span(block) : this.span(ctx)
        };
    }

    anonymousUnit(ctx: AnonymousUnitContext): AnonymousDecl {
        const block = ctx.anonymousBlock();
        const members = (block ? block.anonymousBlockMember_list() : []).map((member) => ({
            member,
            statement: member.statement(),
            declaration: member.anonymousMemberDeclaration()
        }));
        return { ...this.scriptMembers(members), span: this.span(ctx) };
    }

    /** The statements and declarations of a trigger body or an anonymous script. */
    private scriptMembers(
        list: Array<{
            member: Ctx & { modifier_list(): ModifierContext[] };
            statement: StatementContext | null;
            declaration: (Ctx & { fieldDeclaration(): FieldDeclarationContext | null }) | null;
        }>
    ): { body: Stmt[]; members: MemberDecl[]; innerTypes: TypeDecl[] } {
        const body: Stmt[] = [];
        const members: MemberDecl[] = [];
        const innerTypes: TypeDecl[] = [];
        for (const { member, statement, declaration } of list) {
            if (statement) {
                const stmt = this.statement(statement);
                if (stmt) {
                    body.push(stmt);
                }
                continue;
            }
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
        return { body, members, innerTypes };
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
}
