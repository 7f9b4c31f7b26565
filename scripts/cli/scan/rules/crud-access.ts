/**
 * The facts crud-fls-bypass needs about one operation besides its guards: the access mode a dynamic
 * query asks for anywhere in its text (`WITH USER_MODE` in one literal of a concatenation counts), the
 * object it reads, the records that went through Security.stripInaccessible, the fields a DML statement
 * writes (a field-level check covers only those), and the objects no CRUD/FLS check applies to.
 */
import type { Expr, Stmt } from '../apex/ast';
import { callTargets } from '../apex/callgraph';
import { unitIndex, type ApexFile, type MethodUnit } from '../apex/model';
import { assignmentsOf, fieldAssignments, resolveString, singleAssignment, type ClassLookup } from '../apex/semantics';
import { callName, dottedName, unwrap, visitAllExpressions, visitStatements } from '../apex/walk';
import type { DmlOp } from '../apex/ast';
import { tick } from '../budget';

/**
 * The literal pieces a string expression is built from, through concatenation, locals (every value
 * they are given, `+=` included), constants, String.format, replace and the returns of project methods.
 */
export function stringFragments(
    unit: MethodUnit,
    expr: Expr,
    project: ClassLookup | null,
    depth = 0,
    seen: Set<string> = new Set()
): string[] {
    tick();
    if (depth > 8) {
        return [];
    }
    const value = unwrap(expr);
    switch (value.kind) {
        case 'literal':
            return value.literalType === 'string' ? [value.value] : [];
        case 'binary':
            return value.op === '+'
                ? [
                      ...stringFragments(unit, value.left, project, depth + 1, seen),
                      ...stringFragments(unit, value.right, project, depth + 1, seen)
                  ]
                : [];
        case 'conditional':
            return [
                ...stringFragments(unit, value.whenTrue, project, depth + 1, seen),
                ...stringFragments(unit, value.whenFalse, project, depth + 1, seen)
            ];
        case 'name': {
            const key = value.name.toLowerCase();
            if (unit.locals.has(key)) {
                // Each variable once: `q = q + x` would otherwise lead back to q for every value given.
                if (seen.has(key)) {
                    return [];
                }
                seen.add(key);
                const assigned = [
                    ...(assignmentsOf(unit).get(key) ?? []),
                    ...(assignmentsOf(unit).get(`${key}+`) ?? [])
                ];
                return assigned.flatMap((e) => stringFragments(unit, e, project, depth + 1, seen));
            }
            return fieldFragments(unit, value, value.name, project, depth, seen);
        }
        case 'field': {
            if (unwrap(value.target).kind === 'this') {
                return fieldFragments(unit, value, value.name, project, depth, seen);
            }
            const constant = resolveString(unit, value, project);
            return constant ? [constant.value] : [];
        }
        case 'call':
            return callFragments(unit, value, project, depth, seen);
        default:
            return [];
    }
}

/** A constant's text, or the pieces of every value the class gives the field (each field once). */
function fieldFragments(
    unit: MethodUnit,
    expr: Expr,
    name: string,
    project: ClassLookup | null,
    depth: number,
    seen: Set<string>
): string[] {
    const constant = resolveString(unit, expr, project);
    if (constant) {
        return [constant.value];
    }
    const key = `this.${name.toLowerCase()}`;
    if (seen.has(key)) {
        return [];
    }
    seen.add(key);
    // The values are read in the method that gives them; its locals are its own.
    return fieldAssignments(unit, name).flatMap(({ unit: giver, value }) =>
        stringFragments(giver, value, project, depth + 1, giver === unit ? seen : new Set([key]))
    );
}

function callFragments(
    unit: MethodUnit,
    call: Expr & { kind: 'call' },
    project: ClassLookup | null,
    depth: number,
    seen: Set<string>
): string[] {
    const name = callName(call);
    if (name === 'string.format' && call.args[0]) {
        return stringFragments(unit, call.args[0], project, depth + 1, seen);
    }
    if (
        call.target &&
        ['replace', 'replaceall', 'trim', 'tolowercase', 'touppercase'].includes(call.name.toLowerCase())
    ) {
        return [
            ...stringFragments(unit, call.target, project, depth + 1, seen),
            ...call.args.flatMap((a) => stringFragments(unit, a, project, depth + 1, seen))
        ];
    }
    const out: string[] = [];
    for (const target of callTargets(unit, call).slice(0, 2)) {
        visitStatements(target.body, (stmt: Stmt) => {
            if (stmt.kind === 'return' && stmt.expr) {
                out.push(...stringFragments(target, stmt.expr, project, depth + 1));
            }
        });
    }
    return out;
}

export type QueryText = { mode: 'user' | 'system' | null; object: string | null };

/** The access mode and object a dynamic query's text names in any of its literal pieces. */
export function queryText(unit: MethodUnit, arg: Expr | undefined, project: ClassLookup | null): QueryText {
    if (!arg) {
        return { mode: null, object: null };
    }
    const fragments = stringFragments(unit, arg, project);
    const text = fragments.join(' ');
    const mode = /\bwith\s+(user_mode|security_enforced)\b/i.test(text)
        ? 'user'
        : /\bwith\s+system_mode\b/i.test(text)
          ? 'system'
          : null;
    const object = /\bfrom\s+([A-Za-z][A-Za-z0-9_]*)/i.exec(text)?.[1] ?? null;
    return { mode, object };
}

// ---------------------------------------------------------------- stripInaccessible

const STRIP_TYPES: Record<string, DmlOp[]> = {
    'accesstype.creatable': ['insert'],
    'accesstype.updatable': ['update'],
    'accesstype.upsertable': ['upsert', 'insert', 'update'],
    'accesstype.readable': []
};

export function stripAccessType(call: Expr): string | null {
    const value = unwrap(call);
    if (value.kind !== 'call' || callName(value) !== 'security.stripinaccessible' || !value.args[0]) {
        return null;
    }
    const type = dottedName(unwrap(value.args[0]));
    return type ? type.replace(/^system\./, '') : null;
}

/** True when `expr` is (or was last assigned) records that stripInaccessible prepared for `op`. */
export function strippedFor(unit: MethodUnit, expr: Expr, op: DmlOp, before: number): boolean {
    const matches = (candidate: Expr): boolean => {
        const value = unwrap(candidate);
        if (value.kind !== 'call' || value.name.toLowerCase() !== 'getrecords' || !value.target) {
            return false;
        }
        let decision: Expr | null = unwrap(value.target);
        if (decision.kind === 'name') {
            decision = singleAssignment(unit, decision.name);
        }
        const type = decision ? stripAccessType(decision) : null;
        return Boolean(type && STRIP_TYPES[type]?.includes(op));
    };
    if (matches(expr)) {
        return true;
    }
    const value = unwrap(expr);
    if (value.kind !== 'name') {
        return false;
    }
    const earlier = (assignmentsOf(unit).get(value.name.toLowerCase()) ?? []).filter((a) => a.span.start < before);
    return earlier.length > 0 && matches(earlier[earlier.length - 1]);
}

/** Variables whose records go through stripInaccessible(READABLE, ...) somewhere in the unit. */
export function readStrippedVariables(unit: MethodUnit): Set<string> {
    const out = new Set<string>();
    visitAllExpressions(unit.body, (expr) => {
        if (expr.kind === 'call' && stripAccessType(expr) === 'accesstype.readable' && expr.args[1]) {
            const arg = unwrap(expr.args[1]);
            if (arg.kind === 'name') {
                out.add(arg.name.toLowerCase());
            }
        }
    });
    return out;
}

// ---------------------------------------------------------------- written fields

/** Field names (lower case) in `new Account(Name = x, Phone = y)`. */
function constructorFields(expr: Expr): string[] | null {
    const value = unwrap(expr);
    if (value.kind !== 'new') {
        return null;
    }
    // The Id names the record to write; it is not a field written.
    return value.args.flatMap((a) =>
        a.kind === 'assign' && a.target.kind === 'name' && a.target.name.toLowerCase() !== 'id'
            ? [a.target.name.toLowerCase()]
            : []
    );
}

/**
 * The fields a DML statement writes when they are known: a record built with `new X(Field = ...)` or a
 * single record variable whose fields are set in the method (`rec.Field = ...`, `rec.put('Field', ...)`).
 * Null when the records come from elsewhere (then only an object-level check covers them).
 */
export function writtenFields(unit: MethodUnit, target: Expr): Set<string> | null {
    const direct = constructorFields(target);
    if (direct) {
        return new Set(direct);
    }
    const value = unwrap(target);
    if (value.kind !== 'name' || !unit.locals.has(value.name.toLowerCase())) {
        return null;
    }
    const variable = value.name.toLowerCase();
    const single = singleAssignment(unit, variable);
    const fields = new Set(single ? (constructorFields(single) ?? []) : []);
    if (!single || constructorFields(single) === null) {
        return null;
    }
    visitAllExpressions(unit.body, (expr) => {
        if (expr.kind === 'assign' && expr.target.kind === 'field' && dottedName(expr.target.target) === variable) {
            fields.add(expr.target.name.toLowerCase());
        }
        if (expr.kind === 'call' && expr.name.toLowerCase() === 'put' && dottedName(expr.target) === variable) {
            const key = expr.args[0] ? unwrap(expr.args[0]) : null;
            if (key && key.kind === 'literal') {
                fields.add(key.value.toLowerCase());
            }
        }
    });
    return fields;
}

// ---------------------------------------------------------------- exemptions

/** Objects CRUD/FLS does not apply to: custom metadata types and the project's custom settings. */
/** What the custom-settings test needs of a project. */
type SettingsSource = { apexFiles: ApexFile[]; metadata: { customSettings: ReadonlySet<string> } };

/** The static methods only custom settings have: `Feature__c.getOrgDefaults()`, `Rates__c.getAll()`. */
const SETTINGS_METHODS = new Set(['getorgdefaults', 'getinstance', 'getvalues', 'getall']);

const SETTINGS_TEXT = /__c\s*\.\s*get(?:orgdefaults|instance|values|all)\b/i;

const settingsCache = new WeakMap<SettingsSource, ReadonlySet<string>>();

/**
 * Lower-case names of the project's custom settings: those its metadata declares, and those its Apex
 * reads through the methods only custom settings have (a scan of classes without their objects).
 */
export function customSettingsOf(project: SettingsSource): ReadonlySet<string> {
    const cached = settingsCache.get(project);
    if (cached) {
        return cached;
    }
    const names = new Set(project.metadata.customSettings);
    for (const file of project.apexFiles) {
        // Most files call none of these methods: a look at the text spares indexing their code.
        if (!SETTINGS_TEXT.test(file.source)) {
            continue;
        }
        for (const unit of file.units) {
            for (const call of unitIndex(unit).calls) {
                const target = call.target ? unwrap(call.target) : null;
                if (
                    target?.kind === 'name' &&
                    /__c$/i.test(target.name) &&
                    SETTINGS_METHODS.has(call.name.toLowerCase())
                ) {
                    names.add(target.name.toLowerCase());
                }
            }
        }
    }
    settingsCache.set(project, names);
    return names;
}

export function exemptObject(object: string | null, customSettings: ReadonlySet<string>): boolean {
    if (!object) {
        return false;
    }
    const lower = object.toLowerCase();
    return lower.endsWith('__mdt') || customSettings.has(lower);
}

/** Classes that run in a system context by design: package install and uninstall handlers. */
export function isInstallHandler(unit: MethodUnit): boolean {
    for (let type = unit.owner; type; type = type.outer) {
        if (type.implementsTypes.some((t) => /^(system\.)?(un)?installhandler$/i.test(t.replace(/\s+/g, '')))) {
            return true;
        }
    }
    return false;
}
