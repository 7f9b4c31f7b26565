/**
 * Access checks made by other methods, in any class: what a project method guarantees when it returns
 * normally (a helper that throws without access), when it returns true, and when it returns false (a
 * Boolean helper such as `Perms.canCreate(record)`). Each method's summary is computed once, in terms
 * of its parameters (`param:0:create`), and filled in with the caller's arguments at every call. Calls
 * into code we cannot see are known by name: `checkCreateable(...)`, `assertCanUpdate(...)`,
 * `fflib_SecurityUtils.checkInsert(...)` throw without access; `canCreate(...)`, `isUpdateable(...)`,
 * `hasReadAccess(...)` answer.
 */
import type { CallExpr, Expr, Stmt } from './ast';
import { callTargets } from './callgraph';
import { CHECK_METHODS, describedTarget, factOf, parseFact, type GuardOp } from './describe';
import { positiveFactsOf, negativeFactsOf, walkWithGuards, type Exits } from './guards';
import { unitIndex, type MethodUnit } from './model';
import { objectOf } from './semantics';
import { isSObjectName } from './typenames';
import { dottedName, unwrap, visitStatements } from './walk';

export type GuardSummary = { exit: string[]; whenTrue: string[]; whenFalse: string[] };

const EMPTY_SUMMARY: GuardSummary = { exit: [], whenTrue: [], whenFalse: [] };

/** Helpers that throw when access is missing. */
const THROWING_HELPER =
    /^(check|assert|enforce|require|validate|ensure|verify)(object|obj|crud|fls|can|has|user)?(is)?(insert|create|createable|creatable|read|access|accessible|readable|query|queryable|update|updateable|updatable|edit|editable|delete|deletable|upsert|upsertable)/i;

/** Helpers that answer whether access is there. */
const BOOLEAN_HELPER =
    /^(can|is|has|user(can|has)?)(insert|create|createable|creatable|read|access|accessible|readable|query|view|update|updateable|updatable|edit|editable|delete|deletable|upsert|upsertable)(access|permission|perm)?$/i;

function opsOfWord(word: string): GuardOp[] {
    const lower = word.toLowerCase();
    if (lower.startsWith('upsert')) {
        return ['create', 'update'];
    }
    if (lower.startsWith('insert') || lower.startsWith('creat')) {
        return ['create'];
    }
    if (lower.startsWith('read') || lower.startsWith('access') || lower.startsWith('query') || lower === 'view') {
        return ['read'];
    }
    if (lower.startsWith('updat') || lower.startsWith('edit')) {
        return ['update'];
    }
    return ['delete'];
}

/** Per method, per binding of its enum parameters (`permission=create`, '' for none). */
const summaries = new WeakMap<MethodUnit, Map<string, GuardSummary | 'pending'>>();
const switchedOn = new WeakMap<MethodUnit, Set<string>>();
/** Summaries being computed, one inside the other (a helper calling a helper...). */
let nesting = 0;
const MAX_NESTING = 12;
const mayGuardCache = new WeakMap<MethodUnit, boolean>();

function namedLikeGuard(name: string): boolean {
    const last = name.slice(name.lastIndexOf('.') + 1);
    return CHECK_METHODS[last] !== undefined || THROWING_HELPER.test(last) || BOOLEAN_HELPER.test(last);
}

/**
 * Whether any access check can hold in the unit: it calls a describe check or something named like a
 * guard helper, or a project method that may guard. Cheap, remembered, and false for most methods.
 */
export function unitMayGuard(unit: MethodUnit, depth = 0): boolean {
    const known = mayGuardCache.get(unit);
    if (known !== undefined) {
        return known;
    }
    mayGuardCache.set(unit, false);
    const index = unitIndex(unit);
    let result = false;
    for (const name of index.callNames) {
        if (namedLikeGuard(name)) {
            result = true;
            break;
        }
    }
    if (!result && depth < 6) {
        result = index.calls.some((call) => callTargets(unit, call).some((t) => unitMayGuard(t, depth + 1)));
    }
    mayGuardCache.set(unit, result);
    return result;
}

function intersectAll(lists: string[][]): string[] {
    if (lists.length === 0) {
        return [];
    }
    return lists.reduce((acc, list) => acc.filter((f) => list.includes(f)));
}

/** The parameters a method switches on (`switch on permission`), lower case. */
function switchedParameters(unit: MethodUnit): Set<string> {
    let known = switchedOn.get(unit);
    if (!known) {
        known = new Set();
        const params = new Set(unit.params.map((p) => p.name.toLowerCase()));
        for (const stmt of allStatements(unit)) {
            const on = stmt.kind === 'switch' ? unwrap(stmt.expr) : null;
            if (on && on.kind === 'name' && params.has(on.name.toLowerCase())) {
                known.add(on.name.toLowerCase());
            }
        }
        switchedOn.set(unit, known);
    }
    return known;
}

function allStatements(unit: MethodUnit): Stmt[] {
    const out: Stmt[] = [];
    visitStatements(unit.body, (stmt) => out.push(stmt));
    return out;
}

/**
 * The enum constants a call passes for the parameters its target switches on (`CrudType.CREATE` for
 * `permission`): the target's summary is then the one of the branch that runs, as when a permission
 * helper dispatches on an operation.
 */
function bindingsOf(target: MethodUnit, call: CallExpr): Map<string, string> {
    const bindings = new Map<string, string>();
    const switched = switchedParameters(target);
    if (switched.size === 0) {
        return bindings;
    }
    target.params.forEach((param, index) => {
        const name = param.name.toLowerCase();
        const arg = call.args[index] ? dottedName(unwrap(call.args[index])) : null;
        if (switched.has(name) && arg && arg.includes('.')) {
            bindings.set(name, arg.slice(arg.lastIndexOf('.') + 1));
        }
    });
    return bindings;
}

/** What a project method guarantees, in terms of its parameters (computed once; empty while recursing). */
export function guardSummary(unit: MethodUnit, bindings: ReadonlyMap<string, string> = new Map()): GuardSummary {
    let known = summaries.get(unit);
    if (!known) {
        known = new Map();
        summaries.set(unit, known);
    }
    const key = [...bindings].map(([param, value]) => `${param}=${value}`).join(';');
    const cached = known.get(key);
    if (cached) {
        return cached === 'pending' ? EMPTY_SUMMARY : cached;
    }
    if (!unitMayGuard(unit) || nesting >= MAX_NESTING) {
        return EMPTY_SUMMARY;
    }
    known.set(key, 'pending');
    nesting += 1;
    let exits: Exits;
    try {
        exits = walkWithGuards(unit, { statement: () => undefined, expression: () => undefined }, bindings);
    } finally {
        nesting -= 1;
    }
    const own = (facts: Iterable<string>): string[] => [...facts].filter((f) => !f.startsWith('var:'));
    const normal = [...exits.returns.map((r) => own(r.facts)), ...(exits.end ? [own(exits.end)] : [])];
    const answers = (outcome: boolean): string[][] =>
        exits.returns
            .filter((r) => r.expr !== null && !isLiteral(r.expr, !outcome))
            .map((r) => [
                ...own(r.facts),
                ...own(outcome ? positiveFactsOf(unit, r.expr!) : negativeFactsOf(unit, r.expr!))
            ]);
    const summary: GuardSummary = {
        exit: intersectAll(normal),
        whenTrue: /^boolean$/i.test(unit.returnType ?? '') ? intersectAll(answers(true)) : [],
        whenFalse: /^boolean$/i.test(unit.returnType ?? '') ? intersectAll(answers(false)) : []
    };
    known.set(key, summary);
    return summary;
}

function isLiteral(expr: Expr, value: boolean): boolean {
    const v = unwrap(expr);
    return v.kind === 'literal' && v.literalType === 'boolean' && v.value === String(value);
}

/** What an argument stands for in a caller: the object or field it describes, its records' object, or a variable. */
function argumentTarget(unit: MethodUnit, arg: Expr | undefined): { base: string; field: string | null } | null {
    if (!arg) {
        return null;
    }
    const value = unwrap(arg);
    if (value.kind === 'classref') {
        return isSObjectName(value.typeName) ? { base: value.typeName.toLowerCase(), field: null } : null;
    }
    // Records first (their object), then describe expressions and parameters that stand for one.
    const object =
        value.kind === 'name' || value.kind === 'new' || value.kind === 'soql' ? objectOf(unit, value) : null;
    if (object) {
        return { base: object.toLowerCase(), field: null };
    }
    const described = describedTarget(unit, value);
    if (described) {
        return described;
    }
    return value.kind === 'name' ? { base: `var:${value.name.toLowerCase()}`, field: null } : null;
}

/** A summary's facts with its parameters replaced by what the call's arguments stand for. */
function instantiate(facts: string[], unit: MethodUnit, call: CallExpr): string[] {
    const out: string[] = [];
    for (const text of facts) {
        const { described, op } = parseFact(text);
        if (!described.base.startsWith('param:')) {
            out.push(text);
            continue;
        }
        const target = argumentTarget(unit, call.args[Number(described.base.slice(6))]);
        if (target) {
            out.push(factOf({ base: target.base, field: described.field ?? target.field }, op));
        }
    }
    return out;
}

/** Facts a call by name establishes when we cannot see the helper: one per op and per argument it names. */
function namedHelperFacts(unit: MethodUnit, call: CallExpr, kind: 'exit' | 'true' | 'false'): string[] {
    const pattern = kind === 'exit' ? THROWING_HELPER : kind === 'true' ? BOOLEAN_HELPER : null;
    const match = pattern?.exec(call.name);
    if (!match) {
        return [];
    }
    const word = kind === 'exit' ? match[4] : match[3];
    const out: string[] = [];
    for (const arg of call.args) {
        const target = argumentTarget(unit, arg);
        if (target) {
            opsOfWord(word).forEach((op) => out.push(factOf(target, op)));
        }
    }
    return out;
}

/**
 * The facts a call establishes: when it returns normally (`exit`), or when it returns true or false.
 * Project methods by their summaries (every method the call may run must guarantee it), others by name.
 */
export function callGuardFacts(unit: MethodUnit, call: CallExpr, kind: 'exit' | 'true' | 'false'): string[] {
    const targets = callTargets(unit, call).filter((t) => !t.isTest);
    if (targets.length === 0) {
        return namedHelperFacts(unit, call, kind);
    }
    const key = kind === 'exit' ? 'exit' : kind === 'true' ? 'whenTrue' : 'whenFalse';
    return intersectAll(
        targets.map((target) => instantiate(guardSummary(target, bindingsOf(target, call))[key], unit, call))
    );
}
