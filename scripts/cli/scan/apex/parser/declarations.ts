/**
 * The top of the Apex grammar: a class file (one class, interface or enum), a trigger, an anonymous
 * script, and the members of types, triggers and scripts. A member's kind is told by its first tokens
 * (`Type name(` a method, `Type name {` a property, `Type name =` a field); in a trigger or a script a
 * declaration is preferred to a statement where both would parse, as in the grammar.
 */
import type {
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
} from '../ast';
import { StatementParser } from './statements';
import { ID_TOKENS, TOKEN, tokenSet } from './tokens';

// Module-local bindings of the token tables: under a per-file CommonJS transform (tsx, Jest) an
// imported binding is a getter call on every use, and these are read for every token.
const T = TOKEN;
const IS_ID = tokenSet(ID_TOKENS);

type MemberShape = 'type' | 'method' | 'property' | 'field' | 'constructor';

function sharingOf(modifiers: Modifiers): TypeDecl['sharing'] {
    const keywords = modifiers.keywords;
    return keywords.has('with sharing')
        ? 'with'
        : keywords.has('without sharing')
          ? 'without'
          : keywords.has('inherited sharing')
            ? 'inherited'
            : null;
}

export class ApexParser extends StatementParser {
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
            throw this.failure("expected 'class', 'interface' or 'enum'");
        }
        this.expect(-1, 'after the end of the type (one type per file)');
        return { kind: 'class', type };
    }

    triggerUnit(): CompilationUnit {
        const first = this.expect(T.TRIGGER);
        const name = this.idText('the trigger name');
        this.expect(T.ON, 'after the trigger name');
        const objectName = this.idText('the object name');
        this.expect(T.LPAREN, 'before the trigger events');
        const events: string[] = [];
        do {
            const start = this.i;
            if (!this.accept(T.BEFORE) && !this.accept(T.AFTER)) {
                throw this.failure("expected 'before' or 'after'");
            }
            const t = this.ty[this.i];
            if (t !== T.INSERT && t !== T.UPDATE && t !== T.DELETE && t !== T.UNDELETE) {
                throw this.failure("expected 'insert', 'update', 'delete' or 'undelete'");
            }
            this.i += 1;
            events.push(
                this.text(start, this.i - 1)
                    .replace(/\s+/g, ' ')
                    .toLowerCase()
            );
        } while (this.accept(T.COMMA));
        this.expect(T.RPAREN, 'after the trigger events');
        const blockStart = this.expect(T.LBRACE);
        const { body, members, innerTypes } = this.scriptMembers(T.RBRACE);
        const blockEnd = this.expect(T.RBRACE, 'to close the trigger');
        this.expect(-1, 'after the end of the trigger');
        const trigger: TriggerDecl = {
            name,
            objectName,
            events,
            body,
            members,
            innerTypes,
            // The unit ends at the last token before EOF, as apex-parser's does.
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
        while (!this.at(end)) {
            if (this.at(-1)) {
                throw this.failure("expected '}' to close the trigger");
            }
            const start = this.i;
            const [modifiersEnd, shape] = this.memberAt(false);
            if (shape === 'field') {
                // `List<Task> tasks = ...;` in a trigger or script body is a local variable, run in order.
                this.modifiers(modifiersEnd);
                const typeName = this.typeRef();
                const declarators = this.declarators();
                const semi = this.expect(T.SEMI, 'after the declaration');
                body.push({ kind: 'local', typeName, declarators, span: this.span(start, semi) });
            } else if (shape !== null) {
                const modifiers = this.modifiers(modifiersEnd);
                this.memberDeclaration(modifiers, null, members, innerTypes, false);
            } else {
                body.push(this.statement());
            }
        }
        return { body: this.trimmed(body), members: this.trimmed(members), innerTypes };
    }

    /**
     * The member declaration starting at the current token, if one does: where its modifiers end and
     * its shape. A constructor is a member of a class only (`Foo(1);` in a script is a call).
     */
    private memberAt(constructors: boolean): [number, MemberShape | null] {
        for (const end of this.modifierEnds(this.i)) {
            const shape = this.memberShape(end);
            if (shape !== null && (shape !== 'constructor' || constructors)) {
                return [end, shape];
            }
        }
        return [this.i, null];
    }

    /** What member declaration starts at `from` (after modifiers), judged by its first tokens. */
    private memberShape(from: number): MemberShape | null {
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

    // ------------------------------------------------------------ types

    private typeHeader(kind: TypeDecl['kind'], modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const nameIndex = this.i;
        const name = this.idText(`the ${kind} name`);
        return {
            kind,
            name,
            qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
            modifiers,
            sharing: kind === 'class' ? sharingOf(modifiers) : null,
            extendsType: null,
            implementsTypes: [],
            members: [],
            innerTypes: [],
            outer,
            span: null as unknown as TypeDecl['span'],
            nameSpan: this.span(nameIndex, nameIndex)
        };
    }

    private typeList(into: string[]): void {
        do {
            into.push(this.typeRef());
        } while (this.accept(T.COMMA));
    }

    private classDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.CLASS);
        const type = this.typeHeader('class', modifiers, outer);
        if (this.accept(T.EXTENDS)) {
            type.extendsType = this.typeRef('a type after extends');
        }
        if (this.accept(T.IMPLEMENTS)) {
            this.typeList(type.implementsTypes);
        }
        this.expect(T.LBRACE, 'to open the class body');
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
                throw this.failure("expected '}' to close the class");
            }
            const [modifiersEnd, shape] = this.memberAt(true);
            if (shape === null) {
                throw this.failure('expected a method, constructor, field, property or inner type', modifiersEnd);
            }
            const memberModifiers = this.modifiers(modifiersEnd);
            this.memberDeclaration(memberModifiers, type, type.members, type.innerTypes, true);
        }
        const end = this.expect(T.RBRACE);
        type.span = this.span(start, end);
        type.members = this.trimmed(type.members);
        return type;
    }

    private interfaceDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.INTERFACE);
        const type = this.typeHeader('interface', modifiers, outer);
        if (this.accept(T.EXTENDS)) {
            this.typeList(type.implementsTypes);
        }
        this.expect(T.LBRACE, 'to open the interface body');
        while (!this.at(T.RBRACE)) {
            const methodStart = this.i;
            const modifiersEnd = this.modifierEnds(this.i).find((end) => this.memberShape(end) === 'method') ?? this.i;
            const methodModifiers = this.modifiers(modifiersEnd);
            const returnType = this.accept(T.VOID) ? 'void' : this.typeRef('a method declaration');
            const nameAt = this.i;
            const methodName = this.idText('the method name');
            const params = this.formalParameters();
            const semi = this.expect(T.SEMI, 'after an interface method (interface methods have no body)');
            type.members.push({
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
        type.span = this.span(start, this.expect(T.RBRACE));
        return type;
    }

    private enumDeclaration(modifiers: Modifiers, outer: TypeDecl | null): TypeDecl {
        const start = this.expect(T.ENUM);
        const type = this.typeHeader('enum', modifiers, outer);
        this.expect(T.LBRACE, 'to open the enum');
        if (!this.at(T.RBRACE)) {
            do {
                this.idToken('an enum value');
            } while (this.accept(T.COMMA));
        }
        type.span = this.span(start, this.expect(T.RBRACE, 'to close the enum'));
        return type;
    }

    // ------------------------------------------------------------ members

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
        if (shape === 'constructor' && constructors) {
            const [a, b] = this.qualifiedName();
            if (!this.at(T.LPAREN)) {
                throw this.failure("expected '(' after the constructor name");
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
        } else if (shape === 'method') {
            members.push(this.method(modifiers));
        } else if (shape === 'property') {
            members.push(this.property(modifiers));
        } else if (shape === 'field') {
            const typeName = this.typeRef();
            const declarators = this.declarators();
            const semi = this.expect(T.SEMI, 'after the field');
            const field: FieldDecl = { kind: 'field', typeName, declarators, modifiers, span: this.span(start, semi) };
            members.push(field);
        } else {
            throw this.failure('expected a member declaration');
        }
    }

    private method(modifiers: Modifiers): MethodDecl {
        const start = this.i;
        const returnType = this.accept(T.VOID) ? 'void' : this.typeRef();
        const nameAt = this.i;
        const name = this.idText('the method name');
        const params = this.formalParameters();
        let body: BlockStmt | null = null;
        if (!this.accept(T.SEMI)) {
            if (!this.at(T.LBRACE)) {
                throw this.failure("expected '{' or ';' after the parameters");
            }
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
        this.expect(T.LPAREN, 'to open the parameter list');
        const params: Param[] = [];
        if (!this.at(T.RPAREN)) {
            do {
                const modifiersEnd =
                    this.modifierEnds(this.i).find((end) => {
                        const typeEnd = this.typeRefEnd(end);
                        return typeEnd >= 0 && IS_ID[this.ty[typeEnd]] === 1;
                    }) ?? this.i;
                this.modifiers(modifiersEnd);
                const typeName = this.typeRef('a parameter type');
                const name = this.idText('the parameter name');
                params.push({ typeName, name });
            } while (this.accept(T.COMMA));
        }
        this.expect(T.RPAREN, 'to close the parameter list');
        return this.trimmed(params);
    }

    private property(modifiers: Modifiers): PropertyDecl {
        const start = this.i;
        const typeName = this.typeRef();
        const name = this.idText();
        this.expect(T.LBRACE);
        const property: PropertyDecl = {
            kind: 'property',
            typeName,
            name,
            modifiers,
            getter: null,
            setter: null,
            hasGetter: false,
            hasSetter: false,
            span: null as unknown as PropertyDecl['span']
        };
        while (!this.at(T.RBRACE)) {
            this.modifiers();
            if (this.accept(T.GET)) {
                property.hasGetter = true;
                property.getter = this.accessorBody();
            } else if (this.accept(T.SET)) {
                property.hasSetter = true;
                property.setter = this.accessorBody();
            } else {
                throw this.failure("expected 'get' or 'set'");
            }
        }
        property.span = this.span(start, this.expect(T.RBRACE));
        return property;
    }

    private accessorBody(): BlockStmt | null {
        if (this.accept(T.SEMI)) {
            return null;
        }
        if (!this.at(T.LBRACE)) {
            throw this.failure("expected ';' or '{' after get or set");
        }
        return this.block();
    }
}
