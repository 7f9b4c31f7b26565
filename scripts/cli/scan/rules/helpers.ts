/**
 * Small questions several rules ask about Apex code: does this class touch data (itself or through
 * the classes it calls), does it run any code at all, is it an entry point, which top-level class holds it.
 */
import type { Expr, TypeDecl } from '../apex/ast';
import { callTargets } from '../apex/callgraph';
import type { ApexFile, MethodUnit } from '../apex/model';
import { hasAnnotation, isTestType, unitIndex } from '../apex/model';
import { DATABASE_DML, DATABASE_QUERIES } from '../apex/semantics';
import { visitExpr } from '../apex/walk';
import type { RuleContext } from './rule';

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

/** True when evaluating the expression can run code: a call, a query, or a construction other than a collection's. */
function runsCode(expr: Expr): boolean {
    let found = false;
    visitExpr(expr, (e) => {
        found ||=
            e.kind === 'call' ||
            e.kind === 'soql' ||
            e.kind === 'sosl' ||
            (e.kind === 'new' && !/^(list|set|map)\b|\[\]$/i.test(e.typeName.trim()));
    });
    return found;
}

/**
 * A class that runs no code of its own: only fields and constants with plain values, automatic
 * properties and abstract methods (a data-transfer or constants class). Its sharing decides nothing.
 */
export function runsNoCode(type: TypeDecl): boolean {
    return type.members.every((member) => {
        switch (member.kind) {
            case 'method':
            case 'constructor':
                return member.body === null;
            case 'property':
                return member.getter === null && member.setter === null;
            case 'field':
                return member.declarators.every((d) => !d.init || !runsCode(d.init));
            default:
                return false;
        }
    });
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

const reachCache = new WeakMap<MethodUnit, string | null>();

/**
 * Where a unit's data access happens: its own member when it runs SOQL, SOSL or DML, else the first
 * project method it reaches through calls into classes that do not enforce sharing themselves (no
 * keyword, `inherited` or `without sharing`: they run with the caller's sharing or none), else null.
 */
export function dataReachedFrom(unit: MethodUnit, depth = 0): string | null {
    const known = reachCache.get(unit);
    if (known !== undefined) {
        return known;
    }
    reachCache.set(unit, null);
    let found: string | null = touchesData(unit) ? unit.member : null;
    if (!found && depth < 8) {
        for (const call of unitIndex(unit).calls) {
            for (const target of callTargets(unit, call)) {
                if (target.isTest || target.owner?.sharing === 'with') {
                    continue;
                }
                found = dataReachedFrom(target, depth + 1);
                if (found) {
                    break;
                }
            }
            if (found) {
                break;
            }
        }
    }
    reachCache.set(unit, found);
    return found;
}

/** Where the class's data access happens (its own code, or a method it calls), or null for none. */
export function typeDataAccess(file: ApexFile, type: TypeDecl): string | null {
    for (const unit of file.units) {
        if (unit.owner === type) {
            const found = dataReachedFrom(unit);
            if (found) {
                return found;
            }
        }
    }
    return null;
}
