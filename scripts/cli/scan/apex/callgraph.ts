/**
 * Which project methods a call can run, across classes: calls in the same class (and its outer and
 * super classes), static calls `Class.method()`, calls on a local, parameter or field typed with a
 * project class, `new Class().method()`, and chained calls on what a project method returns
 * (`AccountsSelector.newInstance().selectById(ids)`). A call on an interface, or on a virtual or
 * abstract method, may run any project implementation or override (class-hierarchy analysis, at most
 * MAX_TARGETS of them); given the class of the receiver (`concrete`), unqualified calls dispatch on it
 * first, as a trigger handler's base class calling the subclass's overrides does. Every resolution is
 * computed once per call expression and shared by all the rules; the callers of a method are indexed
 * once, for the analyses that work from a sink back to where its input enters.
 */
import type { CallExpr, Expr, TypeDecl } from './ast';
import { lookupField, methodsNamed, unitIndex, type ApexFile, type MethodUnit } from './model';
import { normalizeType } from './typenames';
import { dottedName, unwrap } from './walk';

/** Enough overrides to follow a template method or a strategy; more is dynamic dispatch we do not model. */
const MAX_TARGETS = 8;

export type ClassEntry = { type: TypeDecl; file: ApexFile };

export type CallSite = { unit: MethodUnit; call: CallExpr };

const graphs = new WeakMap<ApexFile, CallGraph>();

/** The project call graph the file belongs to (set when the project is built), if any. */
export function graphOf(file: ApexFile): CallGraph | undefined {
    return graphs.get(file);
}

/** Project methods a call can run: through the project's graph when there is one, else in the same file. */
export function callTargets(unit: MethodUnit, call: CallExpr): MethodUnit[] {
    const graph = graphs.get(unit.file);
    return graph ? graph.targets(unit, call) : sameFileTargets(unit, call);
}

/** Without a project: methods of the same class (or trigger, or script) by name and arity. */
function sameFileTargets(unit: MethodUnit, call: CallExpr): MethodUnit[] {
    const name = call.name.toLowerCase();
    let owner = unit.owner;
    if (call.target) {
        const target = unwrap(call.target);
        if (target.kind === 'name' && !unit.locals.has(target.name.toLowerCase())) {
            const type = unit.file.types.find((t) => t.name.toLowerCase() === target.name.toLowerCase());
            if (!type) {
                return [];
            }
            owner = type;
        } else if (target.kind !== 'this') {
            return [];
        }
    } else if (name === 'this' || name === 'super') {
        return [];
    }
    return methodsNamed(unit.file, owner, name).filter((candidate) => candidate.params.length === call.args.length);
}

/** `Map<Id, Account>` → `map`, `fflib_ISObjectUnitOfWork` → itself, lower case, without `Schema.`. */
function baseTypeName(typeName: string): string {
    const type = normalizeType(typeName).toLowerCase();
    const generic = type.indexOf('<');
    return generic === -1 ? type.replace(/\[\]$/, '') : type.slice(0, generic);
}

export class CallGraph {
    private readonly resolved = new WeakMap<CallExpr, MethodUnit[]>();
    private readonly subtypes = new Map<string, ClassEntry[]>();
    private callerIndex: Map<MethodUnit, CallSite[]> | null = null;

    constructor(
        private readonly files: readonly ApexFile[],
        private readonly classes: ReadonlyMap<string, ClassEntry>
    ) {
        for (const file of files) {
            graphs.set(file, this);
            for (const type of file.types) {
                const supers = [type.extendsType, ...type.implementsTypes].filter(Boolean) as string[];
                for (const name of supers) {
                    const key = baseTypeName(name);
                    const list = this.subtypes.get(key) ?? [];
                    list.push({ type, file });
                    this.subtypes.set(key, list);
                }
            }
        }
    }

    /** The class a type name means, seen from `unit` (inner classes of the file first). */
    classNamed(unit: MethodUnit | null, typeName: string): ClassEntry | undefined {
        const key = baseTypeName(typeName);
        if (unit) {
            for (let type = unit.owner; type; type = type.outer) {
                const inner = type.innerTypes.find((t) => t.name.toLowerCase() === key);
                if (inner) {
                    return { type: inner, file: unit.file };
                }
            }
        }
        return this.classes.get(key);
    }

    /** Project methods `call` in `unit` can run; `concrete` is the class of `this`, when known. */
    targets(unit: MethodUnit, call: CallExpr, concrete: ClassEntry | null = null): MethodUnit[] {
        if (concrete) {
            return this.resolve(unit, call, concrete);
        }
        let known = this.resolved.get(call);
        if (!known) {
            known = this.resolve(unit, call, null);
            this.resolved.set(call, known);
        }
        return known;
    }

    /** Where each method is called from, over the production code of the project. */
    callers(unit: MethodUnit): CallSite[] {
        if (!this.callerIndex) {
            this.callerIndex = new Map();
            for (const file of this.files) {
                for (const caller of file.units) {
                    this.indexCalls(caller);
                }
            }
        }
        return this.callerIndex.get(unit) ?? [];
    }

    private indexCalls(caller: MethodUnit): void {
        if (caller.isTest) {
            return;
        }
        const index = this.callerIndex!;
        for (const call of unitIndex(caller).calls) {
            for (const target of this.targets(caller, call)) {
                const list = index.get(target);
                if (list) {
                    list.push({ unit: caller, call });
                } else {
                    index.set(target, [{ unit: caller, call }]);
                }
            }
        }
    }

    private resolve(unit: MethodUnit, call: CallExpr, concrete: ClassEntry | null): MethodUnit[] {
        const name = call.name.toLowerCase();
        const arity = call.args.length;
        if (!call.target || unwrap(call.target).kind === 'this') {
            if (name === 'this' || name === 'super') {
                return [];
            }
            if (!unit.owner) {
                return methodsNamed(unit.file, null, name).filter((u) => u.params.length === arity);
            }
            if (concrete) {
                const dispatched = this.inChain(concrete, name, arity);
                if (dispatched.length > 0) {
                    return dispatched;
                }
            }
            for (let type: TypeDecl | null = unit.owner; type; type = type.outer) {
                const found = this.withOverrides({ type, file: unit.file }, name, arity);
                if (found.length > 0) {
                    return found;
                }
            }
            return [];
        }
        const target = unwrap(call.target);
        if (target.kind === 'super') {
            const parent = unit.owner?.extendsType ? this.classNamed(unit, unit.owner.extendsType) : undefined;
            return parent ? this.inChain(parent, name, arity) : [];
        }
        const receiver = this.receiverClass(unit, target);
        return receiver ? this.withOverrides(receiver, name, arity) : [];
    }

    /** The project class a call's receiver holds (`new X().m()`, `x.m()`, `X.m()`); undefined without one. */
    receiverOf(unit: MethodUnit, call: CallExpr): ClassEntry | undefined {
        const target = call.target ? unwrap(call.target) : null;
        return target && target.kind !== 'this' && target.kind !== 'super'
            ? this.receiverClass(unit, target)
            : undefined;
    }

    /** The project class a receiver expression holds: by its declared type, or the class it names. */
    private receiverClass(unit: MethodUnit, target: Expr): ClassEntry | undefined {
        switch (target.kind) {
            case 'name': {
                const key = target.name.toLowerCase();
                const local = unit.locals.get(key);
                if (local) {
                    return this.classNamed(unit, local);
                }
                const field = lookupField(unit.file, unit.owner, target.name);
                if (field) {
                    return this.classNamed(unit, field.typeName);
                }
                return this.classNamed(unit, key);
            }
            case 'field': {
                if (target.target.kind === 'this') {
                    const field = lookupField(unit.file, unit.owner, target.name);
                    return field ? this.classNamed(unit, field.typeName) : undefined;
                }
                const dotted = dottedName(target);
                return dotted ? this.classes.get(dotted) : undefined;
            }
            case 'new':
                return this.classNamed(unit, target.typeName);
            case 'call': {
                const returned = this.targets(unit, target)[0];
                return returned?.returnType ? this.classNamed(returned, returned.returnType) : undefined;
            }
            default:
                return undefined;
        }
    }

    /** The method in the class or the first superclass that declares it. */
    private inChain(entry: ClassEntry, name: string, arity: number): MethodUnit[] {
        let current: ClassEntry | undefined = entry;
        for (let depth = 0; current && depth < 8; depth += 1) {
            const own = methodsNamed(current.file, current.type, name).filter(
                (u) => u.params.length === arity && u.kind === 'method'
            );
            if (own.length > 0) {
                return own;
            }
            current = current.type.extendsType ? this.classNamed(null, current.type.extendsType) : undefined;
        }
        return [];
    }

    /** Classes that extend or implement `type` directly, named by its qualified or (inner) simple name. */
    private subtypesOf(type: TypeDecl): ClassEntry[] {
        const out = [...(this.subtypes.get(type.qualifiedName.toLowerCase()) ?? [])];
        if (type.outer) {
            out.push(...(this.subtypes.get(type.name.toLowerCase()) ?? []));
        }
        return out;
    }

    /** The method the class has (declared or inherited), plus the overrides of project subtypes. */
    private withOverrides(entry: ClassEntry, name: string, arity: number): MethodUnit[] {
        const own = this.inChain(entry, name, arity);
        const open =
            entry.type.kind === 'interface' ||
            own.length === 0 ||
            own.some((u) => u.modifiers.keywords.has('virtual') || u.modifiers.keywords.has('abstract'));
        if (!open) {
            return own;
        }
        const out = [...own];
        const queue = this.subtypesOf(entry.type);
        const seen = new Set<TypeDecl>([entry.type]);
        while (queue.length > 0 && out.length < MAX_TARGETS) {
            const sub = queue.shift()!;
            if (seen.has(sub.type)) {
                continue;
            }
            seen.add(sub.type);
            for (const unit of methodsNamed(sub.file, sub.type, name)) {
                if (unit.params.length === arity && unit.kind === 'method' && !out.includes(unit)) {
                    out.push(unit);
                }
            }
            queue.push(...this.subtypesOf(sub.type));
        }
        return out;
    }
}
