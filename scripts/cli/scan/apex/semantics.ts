/**
 * What Apex expressions mean to the rules, worked out from one method and the project index: the
 * sObject type a value holds, the constant text a string expression evaluates to, which calls are
 * DML, queries or callouts, and which methods of the same class a call can reach.
 */
import type { CallExpr, Expr, Stmt } from './ast';
import { callTargets } from './callgraph';
import type { ApexFile, MethodUnit } from './model';
import { lookupField, methodsNamed, typeOfName } from './model';
import { isSObjectName, normalizeType, sObjectOfType } from './typenames';
import { callName, childStatements, dottedName, unwrap, visitAllExpressions } from './walk';
import type { DmlOp } from './ast';

/** The minimum the helpers need from the project: the class index. */
export type ClassLookup = {
    classes: Map<string, { type: { members: unknown[]; qualifiedName: string }; file: ApexFile }>;
};

// ---------------------------------------------------------------- assignments

const assignmentCache = new WeakMap<MethodUnit, Map<string, Expr[]>>();

/**
 * Every value assigned to each simple local name in a unit (declaration initialisers first, then
 * `=` assignments in source order; `+=` values are kept with a marker op on the map key `name+`).
 */
export function assignmentsOf(unit: MethodUnit): Map<string, Expr[]> {
    const cached = assignmentCache.get(unit);
    if (cached) {
        return cached;
    }
    const map = new Map<string, Expr[]>();
    const add = (name: string, value: Expr): void => {
        const list = map.get(name);
        if (list) {
            list.push(value);
        } else {
            map.set(name, [value]);
        }
    };
    const visitBody = (body: Stmt[]): void => {
        visitAllExpressions(body, (expr, stmt) => {
            if (expr.kind === 'assign' && expr.target.kind === 'name') {
                const name = expr.target.name.toLowerCase();
                add(expr.op === '=' ? name : `${name}${expr.op.slice(0, -1)}`, expr.value);
            }
            void stmt;
        });
    };
    // Declarations: walk statements for local declarators.
    const declare = (body: Stmt[]): void => {
        for (const stmt of body) {
            if (stmt.kind === 'local') {
                for (const d of stmt.declarators) {
                    if (d.init) {
                        add(d.name.toLowerCase(), d.init);
                    }
                }
            }
            if (stmt.kind === 'for' && stmt.init && !Array.isArray(stmt.init)) {
                for (const d of stmt.init.declarators) {
                    if (d.init) {
                        add(d.name.toLowerCase(), d.init);
                    }
                }
            }
            for (const child of childStatements(stmt)) {
                declare([child]);
            }
        }
    };
    declare(unit.body);
    visitBody(unit.body);
    assignmentCache.set(unit, map);
    return map;
}

/** The single value ever given to a local (its initialiser or one assignment), or null. */
export function singleAssignment(unit: MethodUnit, name: string): Expr | null {
    const values = assignmentsOf(unit).get(name.toLowerCase());
    return values && values.length === 1 ? values[0] : null;
}

/** A value given to a field, and the method that gives it (whose locals the value reads). */
export type FieldValue = { unit: MethodUnit; value: Expr };

const fieldAssignmentCache = new WeakMap<ApexFile, Map<unknown, Map<string, FieldValue[]>>>();

/**
 * Every value a class's methods give one of its fields (`query = ...` where no local hides it, or
 * `this.query = ...`), its initialiser first: a batch's constructor building the query its start runs.
 */
export function fieldAssignments(unit: MethodUnit, name: string): FieldValue[] {
    const field = lookupField(unit.file, unit.owner, name);
    if (!field) {
        return [];
    }
    let byOwner = fieldAssignmentCache.get(unit.file);
    if (!byOwner) {
        byOwner = new Map();
        fieldAssignmentCache.set(unit.file, byOwner);
    }
    let byName = byOwner.get(field.owner);
    if (!byName) {
        const values = new Map<string, FieldValue[]>();
        byName = values;
        const add = (key: string, value: FieldValue): void => {
            values.set(key, [...(values.get(key) ?? []), value]);
        };
        for (const other of unit.file.units) {
            if (other.owner !== field.owner) {
                continue;
            }
            visitAllExpressions(other.body, (expr) => {
                if (expr.kind !== 'assign' || (expr.op !== '=' && expr.op !== '+=')) {
                    return;
                }
                const target = unwrap(expr.target);
                const key =
                    target.kind === 'name' && !other.locals.has(target.name.toLowerCase())
                        ? target.name.toLowerCase()
                        : target.kind === 'field' && unwrap(target.target).kind === 'this'
                          ? target.name.toLowerCase()
                          : null;
                if (key) {
                    add(key, { unit: other, value: expr.value });
                }
            });
        }
        byOwner.set(field.owner, values);
    }
    const key = name.toLowerCase();
    return [...(field.init ? [{ unit, value: field.init }] : []), ...(byName.get(key) ?? [])];
}

// ---------------------------------------------------------------- sObject types

function triggerObject(unit: MethodUnit): string | null {
    return unit.file.unit.kind === 'trigger' ? unit.file.unit.trigger.objectName : null;
}

const TRIGGER_RECORDS = new Set(['trigger.new', 'trigger.old', 'trigger.newmap', 'trigger.oldmap']);
const COLLECTION_PASSTHROUGH = new Set(['values', 'get', 'clone', 'deepclone', 'remove']);

/** The sObject type a value holds (a record or a collection of records), or null if unknown. */
export function objectOf(unit: MethodUnit, expr: Expr, depth = 0): string | null {
    if (depth > 6) {
        return null;
    }
    const value = expr.kind === 'cast' ? expr : unwrap(expr);
    switch (value.kind) {
        case 'name': {
            const declared = typeOfName(unit, value.name);
            const direct = sObjectOfType(declared);
            if (direct) {
                return direct;
            }
            const single =
                declared && !/^(list|set|map)?<?sobject>?(\[\])?$/i.test(normalizeType(declared))
                    ? null
                    : singleAssignment(unit, value.name);
            return single ? objectOf(unit, single, depth + 1) : null;
        }
        case 'field': {
            const dotted = dottedName(value);
            if (dotted && TRIGGER_RECORDS.has(dotted)) {
                return triggerObject(unit);
            }
            if (value.target.kind === 'this') {
                const field = lookupField(unit.file, unit.owner, value.name);
                return field ? sObjectOfType(field.typeName) : null;
            }
            return null;
        }
        case 'call': {
            const name = value.name.toLowerCase();
            if (value.target && COLLECTION_PASSTHROUGH.has(name)) {
                return objectOf(unit, value.target, depth + 1);
            }
            if (name === 'getrecords' && value.target) {
                const target = unwrap(value.target);
                if (target.kind === 'call' && callName(target) === 'security.stripinaccessible' && target.args[1]) {
                    return objectOf(unit, target.args[1], depth + 1);
                }
                if (target.kind === 'name') {
                    const decision = singleAssignment(unit, target.name);
                    if (decision && decision.kind === 'call' && decision.args[1]) {
                        return objectOf(unit, decision.args[1], depth + 1);
                    }
                }
                return null;
            }
            const qualified = callName(value);
            if (qualified.startsWith('database.query') || qualified === 'database.getquerylocator') {
                return null;
            }
            const targets = callTargets(unit, value);
            if (targets.length > 0) {
                return sObjectOfType(targets[0].returnType);
            }
            return null;
        }
        case 'new':
            return isSObjectName(value.typeName) ? normalizeType(value.typeName) : sObjectOfType(value.typeName);
        case 'soql':
            return value.query.from || null;
        case 'cast':
            return sObjectOfType(value.typeName) ?? objectOf(unit, value.expr, depth + 1);
        case 'index':
            return objectOf(unit, value.target, depth + 1);
        case 'conditional':
            return objectOf(unit, value.whenTrue, depth + 1) ?? objectOf(unit, value.whenFalse, depth + 1);
        default:
            return null;
    }
}

// ---------------------------------------------------------------- constant strings

export type ResolvedString = { value: string; complete: boolean };

/**
 * The text a string expression evaluates to, following literals, concatenation, locals with one
 * value, and static final constants of any class in the project. `complete` is false when only a
 * prefix is known (`'https://host/' + path`); null when not even the start is constant.
 */
export function resolveString(
    unit: MethodUnit,
    expr: Expr,
    project: ClassLookup | null,
    depth = 0
): ResolvedString | null {
    if (depth > 8) {
        return null;
    }
    const value = unwrap(expr);
    switch (value.kind) {
        case 'literal':
            return value.literalType === 'null' ? null : { value: value.value, complete: true };
        case 'binary': {
            if (value.op !== '+') {
                return null;
            }
            const left = resolveString(unit, value.left, project, depth + 1);
            if (!left) {
                return null;
            }
            if (!left.complete) {
                return left;
            }
            const right = resolveString(unit, value.right, project, depth + 1);
            return right
                ? { value: left.value + right.value, complete: right.complete }
                : { value: left.value, complete: false };
        }
        case 'name': {
            const key = value.name.toLowerCase();
            const assignments = assignmentsOf(unit);
            if (unit.locals.has(key)) {
                const values = assignments.get(key);
                if (!values || values.length !== 1) {
                    return null;
                }
                const resolved = resolveString(unit, values[0], project, depth + 1);
                if (resolved && assignments.has(`${key}+`)) {
                    return { value: resolved.value, complete: false };
                }
                return resolved;
            }
            const field = lookupField(unit.file, unit.owner, value.name);
            if (field && field.init && (field.isFinal || !assignments.has(key))) {
                const owner = unit.file.units.find((u) => u.owner === field.owner && u.kind === 'fields') ?? unit;
                return resolveString(owner, field.init, project, depth + 1);
            }
            return null;
        }
        case 'field': {
            const dotted = dottedName(value.target);
            if (!dotted || !project) {
                return null;
            }
            const entry = project.classes.get(dotted);
            if (!entry) {
                return null;
            }
            const type = entry.type as unknown as Parameters<typeof lookupField>[1];
            const field = lookupField(entry.file, type, value.name);
            if (!field || !field.init || !field.isStatic) {
                return null;
            }
            const owner = entry.file.units.find((u) => u.owner === field.owner && u.kind === 'fields');
            return owner ? resolveString(owner, field.init, project, depth + 1) : null;
        }
        case 'call': {
            const name = callName(value);
            if (name === 'string.format' && value.args[0]) {
                const format = resolveString(unit, value.args[0], project, depth + 1);
                if (!format) {
                    return null;
                }
                const brace = format.value.indexOf('{');
                return brace === -1 ? format : { value: format.value.slice(0, brace), complete: false };
            }
            return null;
        }
        default:
            return null;
    }
}

// ---------------------------------------------------------------- calls

export const DATABASE_DML: Record<string, DmlOp> = {
    'database.insert': 'insert',
    'database.insertasync': 'insert',
    'database.insertimmediate': 'insert',
    'database.update': 'update',
    'database.updateasync': 'update',
    'database.updateimmediate': 'update',
    'database.upsert': 'upsert',
    'database.delete': 'delete',
    'database.deleteasync': 'delete',
    'database.deleteimmediate': 'delete',
    'database.undelete': 'undelete',
    'database.merge': 'merge'
};

export const DATABASE_QUERIES = new Set([
    'database.query',
    'database.querywithbinds',
    'database.countquery',
    'database.countquerywithbinds',
    'database.getquerylocator',
    'database.getquerylocatorwithbinds',
    'database.getcursor',
    'database.getcursorwithbinds',
    'database.getpaginationcursor',
    'database.getpaginationcursorwithbinds',
    'search.query',
    'search.find'
]);

/** `user`, `system`, or null (not given) from an AccessLevel argument of a Database method. */
export function accessLevelArgument(unit: MethodUnit, args: Expr[]): 'user' | 'system' | null {
    for (const arg of args) {
        let value: Expr | null = unwrap(arg);
        if (value.kind === 'name' && unit.locals.has(value.name.toLowerCase())) {
            value = singleAssignment(unit, value.name);
        }
        const name = dottedName(value);
        if (name === 'accesslevel.user_mode' || name === 'system.accesslevel.user_mode') {
            return 'user';
        }
        if (name === 'accesslevel.system_mode' || name === 'system.accesslevel.system_mode') {
            return 'system';
        }
    }
    return null;
}

function isHttpTyped(unit: MethodUnit, target: Expr | null, typeLower: string): boolean {
    if (!target) {
        return false;
    }
    const value = unwrap(target);
    if (value.kind === 'new') {
        return (
            normalizeType(value.typeName)
                .toLowerCase()
                .replace(/^system\./, '') === typeLower
        );
    }
    if (value.kind === 'name') {
        const type = typeOfName(unit, value.name);
        return (
            Boolean(type) &&
            normalizeType(type as string)
                .toLowerCase()
                .replace(/^system\./, '') === typeLower
        );
    }
    if (value.kind === 'field' && value.target.kind === 'this') {
        const field = lookupField(unit.file, unit.owner, value.name);
        return (
            Boolean(field) &&
            normalizeType(field!.typeName)
                .toLowerCase()
                .replace(/^system\./, '') === typeLower
        );
    }
    return false;
}

/** True for `http.send(req)` on an `Http`, and `WebServiceCallout.invoke(...)`. */
export function isCallout(unit: MethodUnit, call: CallExpr): boolean {
    const name = call.name.toLowerCase();
    if (name === 'send' && isHttpTyped(unit, call.target, 'http')) {
        return true;
    }
    return callName(call) === 'webservicecallout.invoke';
}

/** True when `call` is a method of an `HttpRequest` value, e.g. `req.setBody(...)`. */
export function isHttpRequestCall(unit: MethodUnit, call: CallExpr): boolean {
    return isHttpTyped(unit, call.target, 'httprequest');
}

/** Methods and constructors of the same class (or trigger) that a call can reach, by name and arity. */
export function localCallTargets(unit: MethodUnit, call: CallExpr): MethodUnit[] {
    const name = call.name.toLowerCase();
    let owner = unit.owner;
    if (call.target) {
        const target = unwrap(call.target);
        if (target.kind === 'this') {
            owner = unit.owner;
        } else if (
            target.kind === 'name' &&
            unit.owner &&
            target.name.toLowerCase() === unit.owner.name.toLowerCase()
        ) {
            owner = unit.owner;
        } else if (target.kind === 'name' && !unit.locals.has(target.name.toLowerCase())) {
            const type = unit.file.types.find((t) => t.name.toLowerCase() === target.name.toLowerCase());
            if (!type) {
                return [];
            }
            owner = type;
        } else {
            return [];
        }
    } else if (name === 'this' || name === 'super') {
        return [];
    }
    return methodsNamed(unit.file, owner, name).filter((candidate) => candidate.params.length === call.args.length);
}
