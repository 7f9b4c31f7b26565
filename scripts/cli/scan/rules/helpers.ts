/**
 * Small questions several rules ask about Apex code: does this class touch data, is it an entry
 * point, which top-level class holds it, and which calls reach which project methods.
 */
import type { CallExpr, TypeDecl } from '../apex/ast';
import type { ApexFile, MethodUnit } from '../apex/model';
import { hasAnnotation, isTestType, unitIndex } from '../apex/model';
import { DATABASE_DML, DATABASE_QUERIES } from '../apex/semantics';
import { dottedName, unwrap } from '../apex/walk';
import type { ProjectContext } from '../context';
import type { RuleContext } from './rule';
import { normalizeType } from '../apex/typenames';

/** True when the unit runs SOQL, SOSL or DML (statements or Database methods). */
export function touchesData(unit: MethodUnit): boolean {
    const index = unitIndex(unit);
    if (index.soql.length > 0 || index.sosl.length > 0 || index.dml.length > 0) {
        return true;
    }
    for (const name of index.callNames) {
        if (DATABASE_DML[name] || DATABASE_QUERIES.has(name)) {
            return true;
        }
    }
    return false;
}

export function typeTouchesData(file: ApexFile, type: TypeDecl): boolean {
    return file.units.some((unit) => unit.owner === type && touchesData(unit));
}

const ENTRY_ANNOTATIONS = ['auraenabled', 'remoteaction', 'invocablemethod', 'restresource', 'namespaceaccessible'];

/** The classes of the project's non-test class files (inner ones included), test classes left out. */
export function* productionClasses(ctx: RuleContext): Generator<{ file: ApexFile; type: TypeDecl }> {
    for (const file of ctx.project.apexFiles) {
        if (file.isTest || file.componentType !== 'ApexClass') {
            continue;
        }
        for (const type of file.types) {
            if (type.kind === 'class' && !isTestType(type)) {
                yield { file, type };
            }
        }
    }
}

export function isEntryType(type: TypeDecl): boolean {
    if (type.modifiers.keywords.has('global') || hasAnnotation(type.modifiers, 'restresource')) {
        return true;
    }
    return type.members.some(
        (m) =>
            m.kind !== 'initializer' &&
            (m.modifiers.keywords.has('webservice') ||
                m.modifiers.keywords.has('global') ||
                ENTRY_ANNOTATIONS.some((a) => hasAnnotation(m.modifiers, a)))
    );
}

export function topLevel(type: TypeDecl | null): TypeDecl | null {
    let current = type;
    while (current && current.outer) {
        current = current.outer;
    }
    return current;
}

function findMethodInChain(
    project: ProjectContext,
    type: TypeDecl,
    file: ApexFile,
    name: string,
    arity: number,
    depth = 0
): MethodUnit[] {
    const own = file.units.filter(
        (u) =>
            u.owner === type &&
            (u.kind === 'method' || u.kind === 'constructor') &&
            u.name.toLowerCase() === name &&
            u.params.length === arity
    );
    if (own.length > 0 || !type.extendsType || depth > 5) {
        return own;
    }
    const parent = project.classes.get(normalizeType(type.extendsType).toLowerCase());
    return parent ? findMethodInChain(project, parent.type, parent.file, name, arity, depth + 1) : [];
}

export type Resolved = { unit: MethodUnit; concrete: { type: TypeDecl; file: ApexFile } | null };

/**
 * Project methods a call can run: same-class calls (virtual ones dispatched on `concrete` first),
 * static `Class.method(...)`, `new Class(...).method(...)`, and calls on locals typed with a
 * project class. Interfaces and dynamic dispatch beyond that are not followed.
 */
export function resolveCall(
    project: ProjectContext,
    unit: MethodUnit,
    call: CallExpr,
    concrete: { type: TypeDecl; file: ApexFile } | null
): Resolved[] {
    const name = call.name.toLowerCase();
    const arity = call.args.length;
    const lookIn = (entry: { type: TypeDecl; file: ApexFile } | undefined | null): Resolved[] =>
        entry
            ? findMethodInChain(project, entry.type, entry.file, name, arity).map((u) => ({ unit: u, concrete: entry }))
            : [];
    if (!call.target || unwrap(call.target).kind === 'this') {
        if (name === 'this' || name === 'super') {
            return [];
        }
        const viaConcrete = lookIn(concrete);
        if (viaConcrete.length > 0) {
            return viaConcrete;
        }
        return unit.owner
            ? lookIn({ type: unit.owner, file: unit.file })
            : unit.file.units
                  .filter(
                      (u) =>
                          u.owner === null &&
                          u.kind === 'method' &&
                          u.name.toLowerCase() === name &&
                          u.params.length === arity
                  )
                  .map((u) => ({ unit: u, concrete: null }));
    }
    const target = unwrap(call.target);
    if (target.kind === 'new') {
        const entry = project.classes.get(normalizeType(target.typeName).toLowerCase());
        return lookIn(entry);
    }
    if (target.kind === 'name') {
        const local = unit.locals.get(target.name.toLowerCase());
        if (local) {
            return lookIn(project.classes.get(normalizeType(local).toLowerCase()));
        }
        return lookIn(project.classes.get(target.name.toLowerCase()));
    }
    if (target.kind === 'field') {
        const dotted = dottedName(target);
        return dotted ? lookIn(project.classes.get(dotted)) : [];
    }
    return [];
}
