/**
 * The per-file model every Apex rule shares: the syntax tree, every piece of executable code as a
 * "unit" (method, constructor, accessor, initializer, trigger body, anonymous block) with its local
 * variable types, and lookups for the fields of the enclosing classes. Built once per file.
 */
import type {
    CallExpr,
    CompilationUnit,
    DmlStmt,
    Expr,
    MemberDecl,
    MethodDecl,
    Modifiers,
    NewExpr,
    Param,
    SoqlExpr,
    SoslExpr,
    Span,
    Stmt,
    TypeDecl
} from './ast';
import { callName, ownExpressions, visitExpr, visitStatements } from './walk';

export type ComponentType = 'ApexClass' | 'ApexTrigger' | 'AnonymousApex';

export type UnitKind =
    'method' | 'constructor' | 'getter' | 'setter' | 'initializer' | 'fields' | 'trigger' | 'anonymous';

export type MethodUnit = {
    file: ApexFile;
    /** The class the code belongs to; null for trigger bodies and anonymous blocks. */
    owner: TypeDecl | null;
    kind: UnitKind;
    name: string;
    decl: MethodDecl | null;
    params: Param[];
    returnType: string | null;
    body: Stmt[];
    modifiers: Modifiers;
    /** Display name for findings, e.g. `PatientSync.push(Id,String)`. */
    member: string;
    span: Span;
    isTest: boolean;
    /** Lower-case variable name → declared type: parameters, locals, loop and catch variables. */
    locals: Map<string, string>;
};

export type FieldInfo = {
    name: string;
    typeName: string;
    isStatic: boolean;
    isFinal: boolean;
    init: Expr | null;
    owner: TypeDecl;
};

export type ApexFile = {
    path: string;
    source: string;
    componentType: ComponentType;
    componentName: string;
    unit: CompilationUnit;
    /** Every class, interface and enum in the file, inner ones included. */
    types: TypeDecl[];
    units: MethodUnit[];
    isTest: boolean;
    lines: number;
    /** Lower-case → field, per type (properties included). */
    fieldsByType: Map<TypeDecl, Map<string, FieldInfo>>;
};

export function hasAnnotation(modifiers: Modifiers, name: string): boolean {
    return modifiers.annotations.some((a) => a.name === name);
}

export function annotation(modifiers: Modifiers, name: string): Modifiers['annotations'][number] | undefined {
    return modifiers.annotations.find((a) => a.name === name);
}

export function isTestType(type: TypeDecl | null): boolean {
    for (let current = type; current; current = current.outer) {
        if (hasAnnotation(current.modifiers, 'istest')) {
            return true;
        }
    }
    return false;
}

function collectLocals(params: Param[], body: Stmt[]): Map<string, string> {
    const locals = new Map<string, string>();
    for (const param of params) {
        locals.set(param.name.toLowerCase(), param.typeName);
    }
    visitStatements(body, (stmt) => {
        if (stmt.kind === 'local') {
            for (const declarator of stmt.declarators) {
                locals.set(declarator.name.toLowerCase(), stmt.typeName);
            }
        } else if (stmt.kind === 'foreach') {
            locals.set(stmt.variable.toLowerCase(), stmt.typeName);
        } else if (stmt.kind === 'for' && stmt.init && !Array.isArray(stmt.init)) {
            for (const declarator of stmt.init.declarators) {
                locals.set(declarator.name.toLowerCase(), stmt.init.typeName);
            }
        } else if (stmt.kind === 'try') {
            for (const clause of stmt.catches) {
                locals.set(clause.variable.toLowerCase(), clause.typeName);
            }
        } else if (stmt.kind === 'switch') {
            for (const when of stmt.whens) {
                if (when.variable && when.typeName) {
                    locals.set(when.variable.toLowerCase(), when.typeName);
                }
            }
        }
    });
    return locals;
}

function signature(owner: TypeDecl | null, name: string, params: Param[]): string {
    const prefix = owner ? `${owner.qualifiedName}.` : '';
    return `${prefix}${name}(${params.map((p) => p.typeName).join(',')})`;
}

const NO_MODIFIERS: Modifiers = { keywords: new Set(), annotations: [] };

function membersToUnits(
    file: ApexFile,
    owner: TypeDecl | null,
    members: MemberDecl[],
    testContext: boolean,
    out: MethodUnit[]
): void {
    const fieldInits: Stmt[] = [];
    let fieldSpan: Span | null = null;
    for (const member of members) {
        if (member.kind === 'method') {
            if (!member.body) {
                continue;
            }
            const isTest =
                testContext || hasAnnotation(member.modifiers, 'istest') || member.modifiers.keywords.has('testmethod');
            out.push({
                file,
                owner,
                kind: 'method',
                name: member.name,
                decl: member,
                params: member.params,
                returnType: member.returnType,
                body: member.body.body,
                modifiers: member.modifiers,
                member: signature(owner, member.name, member.params),
                span: member.span,
                isTest,
                locals: collectLocals(member.params, member.body.body)
            });
        } else if (member.kind === 'constructor') {
            if (!member.body) {
                continue;
            }
            out.push({
                file,
                owner,
                kind: 'constructor',
                name: member.name,
                decl: member,
                params: member.params,
                returnType: null,
                body: member.body.body,
                modifiers: member.modifiers,
                member: signature(owner, owner ? owner.name : member.name, member.params),
                span: member.span,
                isTest: testContext,
                locals: collectLocals(member.params, member.body.body)
            });
        } else if (member.kind === 'property') {
            for (const [kind, block] of [
                ['getter', member.getter],
                ['setter', member.setter]
            ] as const) {
                if (!block) {
                    continue;
                }
                const params: Param[] = kind === 'setter' ? [{ typeName: member.typeName, name: 'value' }] : [];
                out.push({
                    file,
                    owner,
                    kind,
                    name: member.name,
                    decl: null,
                    params,
                    returnType: kind === 'getter' ? member.typeName : 'void',
                    body: block.body,
                    modifiers: member.modifiers,
                    member: `${owner ? `${owner.qualifiedName}.` : ''}${member.name}.${kind === 'getter' ? 'get' : 'set'}`,
                    span: block.span,
                    isTest: testContext,
                    locals: collectLocals(params, block.body)
                });
            }
        } else if (member.kind === 'initializer') {
            out.push({
                file,
                owner,
                kind: 'initializer',
                name: member.isStatic ? '<clinit>' : '<init>',
                decl: null,
                params: [],
                returnType: null,
                body: member.body.body,
                modifiers: NO_MODIFIERS,
                member: `${owner ? owner.qualifiedName : file.componentName}.${member.isStatic ? '<static>' : '<init>'}`,
                span: member.span,
                isTest: testContext,
                locals: collectLocals([], member.body.body)
            });
        } else if (member.kind === 'field') {
            const inits = member.declarators.filter((d) => d.init);
            if (inits.length === 0) {
                continue;
            }
            // Field initialisers run as code too; they become one synthetic unit of local declarations.
            fieldInits.push({ kind: 'local', typeName: member.typeName, declarators: inits, span: member.span });
            fieldSpan = fieldSpan ?? member.span;
        }
    }
    if (fieldInits.length > 0 && fieldSpan) {
        out.push({
            file,
            owner,
            kind: 'fields',
            name: '<fields>',
            decl: null,
            params: [],
            returnType: null,
            body: fieldInits,
            modifiers: NO_MODIFIERS,
            member: `${owner ? owner.qualifiedName : file.componentName}.<fields>`,
            span: fieldSpan,
            isTest: testContext,
            locals: new Map()
        });
    }
}

function collectTypes(type: TypeDecl, out: TypeDecl[]): void {
    out.push(type);
    for (const inner of type.innerTypes) {
        collectTypes(inner, out);
    }
}

function fieldsOf(type: TypeDecl): Map<string, FieldInfo> {
    const fields = new Map<string, FieldInfo>();
    for (const member of type.members) {
        if (member.kind === 'field') {
            for (const declarator of member.declarators) {
                fields.set(declarator.name.toLowerCase(), {
                    name: declarator.name,
                    typeName: member.typeName,
                    isStatic: member.modifiers.keywords.has('static'),
                    isFinal: member.modifiers.keywords.has('final'),
                    init: declarator.init,
                    owner: type
                });
            }
        } else if (member.kind === 'property') {
            fields.set(member.name.toLowerCase(), {
                name: member.name,
                typeName: member.typeName,
                isStatic: member.modifiers.keywords.has('static'),
                isFinal: false,
                init: null,
                owner: type
            });
        }
    }
    return fields;
}

export function buildApexFile(path: string, source: string, unit: CompilationUnit, lines: number): ApexFile {
    const componentType: ComponentType =
        unit.kind === 'class' ? 'ApexClass' : unit.kind === 'trigger' ? 'ApexTrigger' : 'AnonymousApex';
    const baseName = (path.split('/').pop() ?? path).replace(/\.(cls|trigger|apex)$/i, '');
    const componentName =
        unit.kind === 'class' ? unit.type.name : unit.kind === 'trigger' ? unit.trigger.name : baseName;
    const file: ApexFile = {
        path,
        source,
        componentType,
        componentName,
        unit,
        types: [],
        units: [],
        isTest: false,
        lines,
        fieldsByType: new Map()
    };
    const topTypes: TypeDecl[] =
        unit.kind === 'class'
            ? [unit.type]
            : unit.kind === 'trigger'
              ? unit.trigger.innerTypes
              : unit.anonymous.innerTypes;
    for (const type of topTypes) {
        collectTypes(type, file.types);
    }
    file.isTest = unit.kind === 'class' && isTestType(unit.type);
    for (const type of file.types) {
        file.fieldsByType.set(type, fieldsOf(type));
        membersToUnits(file, type, type.members, isTestType(type), file.units);
    }
    if (unit.kind === 'trigger') {
        const trigger = unit.trigger;
        membersToUnits(file, null, trigger.members, false, file.units);
        file.units.push({
            file,
            owner: null,
            kind: 'trigger',
            name: trigger.name,
            decl: null,
            params: [],
            returnType: null,
            body: trigger.body,
            modifiers: NO_MODIFIERS,
            member: `${trigger.name}.<body>`,
            span: trigger.bodySpan,
            isTest: false,
            locals: collectLocals([], trigger.body)
        });
    } else if (unit.kind === 'anonymous') {
        const anonymous = unit.anonymous;
        membersToUnits(file, null, anonymous.members, false, file.units);
        file.units.push({
            file,
            owner: null,
            kind: 'anonymous',
            name: componentName,
            decl: null,
            params: [],
            returnType: null,
            body: anonymous.body,
            modifiers: NO_MODIFIERS,
            member: `${componentName}.<script>`,
            span: anonymous.span,
            isTest: false,
            locals: collectLocals([], anonymous.body)
        });
    }
    return file;
}

/** The field named `name` visible from `owner` (its own, then the enclosing classes'). */
export function lookupField(file: ApexFile, owner: TypeDecl | null, name: string): FieldInfo | undefined {
    const key = name.toLowerCase();
    for (let type = owner; type; type = type.outer) {
        const field = file.fieldsByType.get(type)?.get(key);
        if (field) {
            return field;
        }
    }
    return undefined;
}

/** Declared type of a simple name in a unit: a local or parameter, then a field of the classes around it. */
export function typeOfName(unit: MethodUnit, name: string): string | null {
    const local = unit.locals.get(name.toLowerCase());
    if (local) {
        return local;
    }
    const field = lookupField(unit.file, unit.owner, name);
    return field ? field.typeName : null;
}

export type UnitIndex = {
    calls: CallExpr[];
    soql: SoqlExpr[];
    sosl: SoslExpr[];
    dml: DmlStmt[];
    news: NewExpr[];
    loops: number;
    /** Lower-case call names (`database.insert`, `system.debug`, `setendpoint` ...) present. */
    callNames: Set<string>;
};

const unitIndexCache = new WeakMap<MethodUnit, UnitIndex>();

/** One walk over a unit, shared by every rule: its calls, queries, DML, constructions and loops. */
export function unitIndex(unit: MethodUnit): UnitIndex {
    const cached = unitIndexCache.get(unit);
    if (cached) {
        return cached;
    }
    const index: UnitIndex = { calls: [], soql: [], sosl: [], dml: [], news: [], loops: 0, callNames: new Set() };
    visitStatements(unit.body, (stmt) => {
        if (stmt.kind === 'dml') {
            index.dml.push(stmt);
        } else if (stmt.kind === 'for' || stmt.kind === 'foreach' || stmt.kind === 'while' || stmt.kind === 'dowhile') {
            index.loops += 1;
        }
        for (const expr of ownExpressions(stmt)) {
            visitExpr(expr, (e) => {
                if (e.kind === 'call') {
                    index.calls.push(e);
                    index.callNames.add(callName(e));
                    index.callNames.add(e.name.toLowerCase());
                } else if (e.kind === 'soql') {
                    index.soql.push(e);
                } else if (e.kind === 'sosl') {
                    index.sosl.push(e);
                } else if (e.kind === 'new') {
                    index.news.push(e);
                }
            });
        }
    });
    unitIndexCache.set(unit, index);
    return index;
}

const methodTableCache = new WeakMap<ApexFile, Map<unknown, Map<string, MethodUnit[]>>>();

/** Methods and constructors of `owner` (a class, or null for a trigger or script) by lower-case name. */
export function methodsNamed(file: ApexFile, owner: TypeDecl | null, name: string): MethodUnit[] {
    let table = methodTableCache.get(file);
    if (!table) {
        table = new Map();
        for (const unit of file.units) {
            if (unit.kind !== 'method' && unit.kind !== 'constructor') {
                continue;
            }
            const key = unit.owner ?? file;
            let byName = table.get(key);
            if (!byName) {
                byName = new Map();
                table.set(key, byName);
            }
            const lower = unit.name.toLowerCase();
            const list = byName.get(lower);
            if (list) {
                list.push(unit);
            } else {
                byName.set(lower, [unit]);
            }
        }
        methodTableCache.set(file, table);
    }
    return table.get(owner ?? file)?.get(name) ?? [];
}
