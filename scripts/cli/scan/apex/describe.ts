/**
 * What a describe expression describes, and the access facts a check on it establishes. A fact names
 * an operation on an object (`account:create`), on one field of it (`account.name:create`), on the
 * records in a variable of unknown type (`var:rec:update`), or, inside a helper method, on what its
 * parameter describes (`param:0:create`), which the caller's argument fills in (guard-summaries.ts).
 */
import type { Expr } from './ast';
import type { MethodUnit } from './model';
import { objectOf, singleAssignment } from './semantics';
import { isSObjectName } from './typenames';
import { callName, dottedName, unwrap } from './walk';

export type GuardOp = 'read' | 'create' | 'update' | 'delete' | 'undelete' | 'merge';

export const CHECK_METHODS: Record<string, GuardOp> = {
    isaccessible: 'read',
    isqueryable: 'read',
    iscreateable: 'create',
    isupdateable: 'update',
    isdeletable: 'delete',
    isundeletable: 'undelete',
    ismergeable: 'merge'
};

/** An object (lower case), `var:<name>` or `param:<index>`, and a field of it when one is described. */
export type Described = { base: string; field: string | null };

export function fact(object: string, op: GuardOp): string {
    return `${object.toLowerCase()}:${op}`;
}

export function fieldFact(object: string, field: string, op: GuardOp): string {
    return `${object.toLowerCase()}.${field.toLowerCase()}:${op}`;
}

export function variableFact(variable: string, op: GuardOp): string {
    return `var:${variable.toLowerCase()}:${op}`;
}

export function factOf(described: Described, op: GuardOp): string {
    return `${described.base}${described.field ? `.${described.field}` : ''}:${op}`;
}

/** `{described, op}` of a fact string. */
export function parseFact(text: string): { described: Described; op: GuardOp } {
    const colon = text.lastIndexOf(':');
    const target = text.slice(0, colon);
    const op = text.slice(colon + 1) as GuardOp;
    const dot = target.lastIndexOf('.');
    if (dot === -1) {
        return { described: { base: target, field: null }, op };
    }
    return { described: { base: target.slice(0, dot), field: target.slice(dot + 1) }, op };
}

function paramIndex(unit: MethodUnit, name: string): number {
    return unit.params.findIndex((p) => p.name.toLowerCase() === name);
}

/** A field's describe map: `Schema.sObjectType.X.fields.getMap()`, or a variable holding one. */
function fieldMapOf(unit: MethodUnit, expr: Expr, depth: number): string | null {
    const value = unwrap(expr);
    if (value.kind === 'call' && value.name.toLowerCase() === 'getmap' && value.target) {
        return describedTarget(unit, value.target, depth + 1)?.base ?? null;
    }
    if (value.kind === 'name' && unit.locals.has(value.name.toLowerCase())) {
        const single = singleAssignment(unit, value.name);
        return single ? fieldMapOf(unit, single, depth + 1) : null;
    }
    return null;
}

/** A dotted describe reference: `Schema.sObjectType.X[.fields.F]`, `X.sObjectType`, `X.Field`, or a variable. */
function dottedTarget(unit: MethodUnit, dotted: string, depth: number): Described | null {
    const parts = dotted.split('.');
    const start = parts[0] === 'schema' ? 1 : 0;
    if (parts[start] === 'sobjecttype' && parts[start + 1]) {
        const field = parts[start + 2] === 'fields' && parts[start + 3] ? parts[start + 3] : null;
        return { base: parts[start + 1], field };
    }
    const object = parts[start];
    if (object && parts.length > start + 1 && isSObjectName(object)) {
        const next = parts[start + 1];
        return { base: object, field: next === 'sobjecttype' ? null : next };
    }
    if (parts.length === 1) {
        const index = paramIndex(unit, parts[0]);
        if (index !== -1) {
            return { base: `param:${index}`, field: null };
        }
        if (unit.locals.has(parts[0])) {
            const single = singleAssignment(unit, parts[0]);
            return single ? describedTarget(unit, single, depth + 1) : null;
        }
    }
    return null;
}

/**
 * What a describe expression describes: `Schema.sObjectType.X`, `X.sObjectType.getDescribe()`,
 * `X.Field.getDescribe()`, `Schema.sObjectType.X.fields.F`, `fieldMap.get('F')` of a describe map,
 * `Schema.getGlobalDescribe().get('X')`, `rec.getSObjectType()`, `Schema.describeSObjects(...)[0]`,
 * a parameter, or a variable holding one of these.
 */
export function describedTarget(unit: MethodUnit, expr: Expr, depth = 0): Described | null {
    if (depth > 6) {
        return null;
    }
    const value = unwrap(expr);
    const dotted = dottedName(value);
    if (dotted) {
        return dottedTarget(unit, dotted, depth);
    }
    if (value.kind === 'index') {
        return describedTarget(unit, value.target, depth + 1);
    }
    if (value.kind !== 'call') {
        return null;
    }
    const name = value.name.toLowerCase();
    const qualified = callName(value);
    if (qualified === 'schema.describesobjects' || qualified === 'describesobjects') {
        const list = value.args[0] ? unwrap(value.args[0]) : null;
        const first = list && list.kind === 'new' ? list.elements[0] : null;
        return first && first.kind === 'literal' ? { base: first.value.toLowerCase(), field: null } : null;
    }
    if (name === 'get' && value.target && value.args.length === 1) {
        return lookupTarget(unit, value.target, value.args[0], depth);
    }
    if (name === 'getsobjecttype' && value.target) {
        const target = unwrap(value.target);
        const object = objectOf(unit, target);
        if (object) {
            return { base: object.toLowerCase(), field: null };
        }
        if (target.kind === 'name') {
            const index = paramIndex(unit, target.name.toLowerCase());
            return { base: index !== -1 ? `param:${index}` : `var:${target.name.toLowerCase()}`, field: null };
        }
        return null;
    }
    if (['getdescribe', 'getsobjectfield', 'fields', 'getsobjectdescribe'].includes(name) && value.target) {
        return describedTarget(unit, value.target, depth + 1);
    }
    return null;
}

/** `Schema.getGlobalDescribe().get('X')` and `fieldMap.get('Field')`. */
function lookupTarget(unit: MethodUnit, mapExpr: Expr, keyExpr: Expr, depth: number): Described | null {
    const map = unwrap(mapExpr);
    const key = unwrap(keyExpr);
    const literal = key.kind === 'literal' && key.literalType === 'string' ? key.value.toLowerCase() : null;
    const param = key.kind === 'name' ? paramIndex(unit, key.name.toLowerCase()) : -1;
    if (map.kind === 'call' && callName(map) === 'schema.getglobaldescribe') {
        return literal ? { base: literal, field: null } : param !== -1 ? { base: `param:${param}`, field: null } : null;
    }
    const object = fieldMapOf(unit, map, depth);
    return object && literal ? { base: object, field: literal } : null;
}

/** The facts a check call (`...isCreateable()`) establishes when it returns true. */
export function checkFacts(unit: MethodUnit, expr: Expr): string[] {
    const value = unwrap(expr);
    if (value.kind !== 'call' || !value.target) {
        return [];
    }
    const op = CHECK_METHODS[value.name.toLowerCase()];
    if (!op) {
        return [];
    }
    const described = describedTarget(unit, value.target);
    return described ? [factOf(described, op)] : [];
}
