/**
 * CRUD/FLS guard reasoning, per operation and per object. A describe check (`isCreateable()`,
 * `isAccessible()`, ... on `Schema.sObjectType.X`, `X.sObjectType.getDescribe()`, a field token, a
 * describe variable or a global-describe lookup) guards only operations of the matching kind on the
 * same object that it dominates: code in the branch where the check held, or after an early exit
 * taken when it failed. A check on another object, for another operation, in another branch, or
 * after the operation guards nothing.
 */
import type { Expr, Stmt } from './ast';
import { unitIndex, type MethodUnit } from './model';
import { objectOf, singleAssignment } from './semantics';
import { isSObjectName } from './typenames';
import { alwaysExits, callName, dottedName, unwrap } from './walk';

export type GuardOp = 'read' | 'create' | 'update' | 'delete' | 'undelete' | 'merge';

const CHECK_METHODS: Record<string, GuardOp> = {
    isaccessible: 'read',
    isqueryable: 'read',
    iscreateable: 'create',
    isupdateable: 'update',
    isdeletable: 'delete',
    isundeletable: 'undelete',
    ismergeable: 'merge'
};

const HELPER_GUARD =
    /^(check|assert|enforce|require|validate|ensure|verify)(object|obj|crud|fls|can)?(insert|create|createable|creatable|read|access|accessible|readable|query|update|updateable|updatable|edit|delete|deletable|upsert|upsertable)/i;

function helperOp(word: string): GuardOp[] {
    const lower = word.toLowerCase();
    if (lower.startsWith('upsert')) {
        return ['create', 'update'];
    }
    if (lower.startsWith('insert') || lower.startsWith('creat')) {
        return ['create'];
    }
    if (lower.startsWith('read') || lower.startsWith('access') || lower.startsWith('query')) {
        return ['read'];
    }
    if (lower.startsWith('updat') || lower.startsWith('edit')) {
        return ['update'];
    }
    return ['delete'];
}

export type Facts = ReadonlySet<string>;

export function fact(object: string, op: GuardOp): string {
    return `${object.toLowerCase()}:${op}`;
}

export function variableFact(variable: string, op: GuardOp): string {
    return `var:${variable.toLowerCase()}:${op}`;
}

/**
 * The object (or `var:name` for a record of unknown type) a describe expression describes:
 * `Schema.sObjectType.X`, `X.sObjectType.getDescribe()`, `X.Field.getDescribe()`,
 * `Schema.getGlobalDescribe().get('X').getDescribe()`, `rec.getSObjectType().getDescribe()`,
 * `Schema.describeSObjects(new List<String>{'X'})[0]`, or a variable holding one of these.
 */
export function describedObject(unit: MethodUnit, expr: Expr, depth = 0): string | null {
    if (depth > 5) {
        return null;
    }
    const value = unwrap(expr);
    const dotted = dottedName(value);
    if (dotted) {
        const parts = dotted.split('.');
        const start = parts[0] === 'schema' ? 1 : 0;
        if (parts[start] === 'sobjecttype' && parts[start + 1]) {
            return parts[start + 1];
        }
        // X.sObjectType, X.Field (a field token), Schema.X.Field
        const object = parts[start];
        if (object && parts.length > start + 1 && isSObjectName(object)) {
            return object;
        }
        if (parts.length === 1 && unit.locals.has(parts[0])) {
            const single = singleAssignment(unit, parts[0]);
            return single ? describedObject(unit, single, depth + 1) : null;
        }
        return null;
    }
    if (value.kind === 'index') {
        return describedObject(unit, value.target, depth + 1);
    }
    if (value.kind !== 'call') {
        return null;
    }
    const name = value.name.toLowerCase();
    const qualified = callName(value);
    if (qualified === 'schema.describesobjects' || qualified === 'describesobjects') {
        const list = value.args[0] ? unwrap(value.args[0]) : null;
        const first = list && list.kind === 'new' ? list.elements[0] : null;
        return first && first.kind === 'literal' ? first.value.toLowerCase() : null;
    }
    if (name === 'get' && value.target) {
        const target = unwrap(value.target);
        if (target.kind === 'call' && callName(target) === 'schema.getglobaldescribe') {
            const arg = value.args[0] ? unwrap(value.args[0]) : null;
            return arg && arg.kind === 'literal' ? arg.value.toLowerCase() : null;
        }
        // ...fields.getMap().get('F') → the object of ...fields
        if (target.kind === 'call' && target.name.toLowerCase() === 'getmap' && target.target) {
            return describedObject(unit, target.target, depth + 1);
        }
    }
    if (name === 'getsobjecttype' && value.target) {
        const target = unwrap(value.target);
        const object = objectOf(unit, target);
        if (object) {
            return object.toLowerCase();
        }
        return target.kind === 'name' ? `var:${target.name.toLowerCase()}` : null;
    }
    if ((name === 'getdescribe' || name === 'getsobjectfield' || name === 'fields') && value.target) {
        return describedObject(unit, value.target, depth + 1);
    }
    return null;
}

/** The facts a check expression establishes when it evaluates to true. */
function checkFacts(unit: MethodUnit, expr: Expr): string[] {
    const value = unwrap(expr);
    if (value.kind !== 'call' || !value.target) {
        return [];
    }
    const op = CHECK_METHODS[value.name.toLowerCase()];
    if (!op) {
        return [];
    }
    const object = describedObject(unit, value.target);
    if (!object) {
        return [];
    }
    return [object.startsWith('var:') ? `${object}:${op}` : fact(object, op)];
}

type BoolFacts = Map<string, { whenTrue: string[]; whenFalse: string[] }>;

/** Facts known when `expr` is true. */
export function positiveFactsOf(unit: MethodUnit, expr: Expr, bools: BoolFacts = new Map()): string[] {
    const value = unwrap(expr);
    if (value.kind === 'unary' && value.op === '!') {
        return negativeFactsOf(unit, value.operand, bools);
    }
    if (value.kind === 'binary') {
        if (value.op === '&&') {
            return [...positiveFactsOf(unit, value.left, bools), ...positiveFactsOf(unit, value.right, bools)];
        }
        if (value.op === '||') {
            const left = new Set(positiveFactsOf(unit, value.left, bools));
            return positiveFactsOf(unit, value.right, bools).filter((f) => left.has(f));
        }
        if ((value.op === '==' || value.op === '===') && value.right.kind === 'literal') {
            return value.right.value === 'true'
                ? positiveFactsOf(unit, value.left, bools)
                : value.right.value === 'false'
                  ? negativeFactsOf(unit, value.left, bools)
                  : [];
        }
        if ((value.op === '!=' || value.op === '!==') && value.right.kind === 'literal') {
            return value.right.value === 'false'
                ? positiveFactsOf(unit, value.left, bools)
                : value.right.value === 'true'
                  ? negativeFactsOf(unit, value.left, bools)
                  : [];
        }
        return [];
    }
    if (value.kind === 'name') {
        return bools.get(value.name.toLowerCase())?.whenTrue ?? [];
    }
    return checkFacts(unit, value);
}

/** Facts known when `expr` is false. */
export function negativeFactsOf(unit: MethodUnit, expr: Expr, bools: BoolFacts = new Map()): string[] {
    const value = unwrap(expr);
    if (value.kind === 'unary' && value.op === '!') {
        return positiveFactsOf(unit, value.operand, bools);
    }
    if (value.kind === 'binary') {
        if (value.op === '||') {
            return [...negativeFactsOf(unit, value.left, bools), ...negativeFactsOf(unit, value.right, bools)];
        }
        if (value.op === '&&') {
            const left = new Set(negativeFactsOf(unit, value.left, bools));
            return negativeFactsOf(unit, value.right, bools).filter((f) => left.has(f));
        }
        if ((value.op === '==' || value.op === '===') && value.right.kind === 'literal') {
            return value.right.value === 'true'
                ? negativeFactsOf(unit, value.left, bools)
                : value.right.value === 'false'
                  ? positiveFactsOf(unit, value.left, bools)
                  : [];
        }
        if ((value.op === '!=' || value.op === '!==') && value.right.kind === 'literal') {
            return value.right.value === 'false'
                ? negativeFactsOf(unit, value.left, bools)
                : value.right.value === 'true'
                  ? positiveFactsOf(unit, value.left, bools)
                  : [];
        }
        return [];
    }
    if (value.kind === 'name') {
        return bools.get(value.name.toLowerCase())?.whenFalse ?? [];
    }
    return [];
}

/** Facts a guard-helper call statement establishes: `SecurityUtils.checkInsert(Account.SObjectType)`. */
function helperFactsOf(unit: MethodUnit, stmt: Stmt): string[] {
    if (stmt.kind !== 'expr' || stmt.expr.kind !== 'call') {
        return [];
    }
    const call = stmt.expr;
    const match = HELPER_GUARD.exec(call.name);
    if (!match) {
        return [];
    }
    const ops = helperOp(match[3]);
    const out: string[] = [];
    for (const arg of call.args) {
        const value = unwrap(arg);
        let object: string | null = null;
        if (value.kind === 'classref') {
            object = isSObjectName(value.typeName) ? value.typeName.toLowerCase() : null;
        } else {
            object = describedObject(unit, value);
        }
        if (object) {
            for (const op of ops) {
                out.push(object.startsWith('var:') ? `${object}:${op}` : fact(object, op));
            }
        }
    }
    return out;
}

function extend(facts: Facts, more: string[]): Facts {
    if (more.length === 0) {
        return facts;
    }
    const out = new Set(facts);
    for (const f of more) {
        out.add(f);
    }
    return out;
}

export type GuardVisitor = {
    /** Called for every statement with the facts holding before it runs. */
    statement(stmt: Stmt, facts: Facts): void;
    /** Called for every expression with the facts holding when it is evaluated. */
    expression(expr: Expr, facts: Facts, parent: Expr | null, stmt: Stmt): void;
};

/** Walks a unit's body keeping the set of guard facts that dominate each statement and expression. */
export function walkWithGuards(unit: MethodUnit, visitor: GuardVisitor): void {
    const bools: BoolFacts = new Map();
    // Without a describe check or guard helper in the unit no fact can ever hold: skip the work.
    const names = unitIndex(unit).callNames;
    let hasChecks = false;
    for (const name of names) {
        const last = name.slice(name.lastIndexOf('.') + 1);
        if (CHECK_METHODS[last] !== undefined || HELPER_GUARD.test(last)) {
            hasChecks = true;
            break;
        }
    }
    const positiveFacts = hasChecks ? positiveFactsOf : (): string[] => [];
    const negativeFacts = hasChecks ? negativeFactsOf : (): string[] => [];
    const helperFacts = hasChecks ? helperFactsOf : (): string[] => [];

    const visitExpr = (expr: Expr, facts: Facts, parent: Expr | null, stmt: Stmt): void => {
        visitor.expression(expr, facts, parent, stmt);
        switch (expr.kind) {
            case 'conditional':
                visitExpr(expr.test, facts, expr, stmt);
                visitExpr(expr.whenTrue, extend(facts, positiveFacts(unit, expr.test, bools)), expr, stmt);
                visitExpr(expr.whenFalse, extend(facts, negativeFacts(unit, expr.test, bools)), expr, stmt);
                return;
            case 'binary':
                visitExpr(expr.left, facts, expr, stmt);
                if (expr.op === '&&') {
                    visitExpr(expr.right, extend(facts, positiveFacts(unit, expr.left, bools)), expr, stmt);
                } else if (expr.op === '||') {
                    visitExpr(expr.right, extend(facts, negativeFacts(unit, expr.left, bools)), expr, stmt);
                } else {
                    visitExpr(expr.right, facts, expr, stmt);
                }
                return;
            case 'field':
                visitExpr(expr.target, facts, expr, stmt);
                return;
            case 'call':
                if (expr.target) {
                    visitExpr(expr.target, facts, expr, stmt);
                }
                expr.args.forEach((a) => visitExpr(a, facts, expr, stmt));
                return;
            case 'new':
                expr.args.forEach((a) => visitExpr(a, facts, expr, stmt));
                expr.elements.forEach((a) => visitExpr(a, facts, expr, stmt));
                expr.pairs.forEach(([k, v]) => {
                    visitExpr(k, facts, expr, stmt);
                    visitExpr(v, facts, expr, stmt);
                });
                return;
            case 'soql':
                expr.query.binds.forEach((b) => visitExpr(b, facts, expr, stmt));
                return;
            case 'sosl':
                expr.binds.forEach((b) => visitExpr(b, facts, expr, stmt));
                return;
            case 'assign':
                visitExpr(expr.target, facts, expr, stmt);
                visitExpr(expr.value, facts, expr, stmt);
                return;
            case 'unary':
                visitExpr(expr.operand, facts, expr, stmt);
                return;
            case 'cast':
                visitExpr(expr.expr, facts, expr, stmt);
                return;
            case 'index':
                visitExpr(expr.target, facts, expr, stmt);
                visitExpr(expr.index, facts, expr, stmt);
                return;
            case 'instanceof':
                visitExpr(expr.expr, facts, expr, stmt);
                return;
            default:
                return;
        }
    };

    const visitBlock = (body: Stmt[], entry: Facts): Facts => {
        let facts = entry;
        for (const stmt of body) {
            facts = visitStmt(stmt, facts);
        }
        return facts;
    };

    /** Visits a statement; returns the facts that hold after it completes normally. */
    const visitStmt = (stmt: Stmt, facts: Facts): Facts => {
        visitor.statement(stmt, facts);
        switch (stmt.kind) {
            case 'block':
                return visitBlock(stmt.body, facts);
            case 'local':
                for (const declarator of stmt.declarators) {
                    if (declarator.init) {
                        visitExpr(declarator.init, facts, null, stmt);
                        if (/^boolean$/i.test(stmt.typeName)) {
                            bools.set(declarator.name.toLowerCase(), {
                                whenTrue: positiveFacts(unit, declarator.init, bools),
                                whenFalse: negativeFacts(unit, declarator.init, bools)
                            });
                        }
                    }
                }
                return facts;
            case 'expr':
                visitExpr(stmt.expr, facts, null, stmt);
                return extend(facts, helperFacts(unit, stmt));
            case 'if': {
                visitExpr(stmt.test, facts, null, stmt);
                const whenTrue = positiveFacts(unit, stmt.test, bools);
                const whenFalse = negativeFacts(unit, stmt.test, bools);
                const afterThen = visitStmt(stmt.then, extend(facts, whenTrue));
                const afterElse = stmt.otherwise ? visitStmt(stmt.otherwise, extend(facts, whenFalse)) : null;
                const thenExits = alwaysExits(stmt.then);
                const elseExits = stmt.otherwise ? alwaysExits(stmt.otherwise) : false;
                if (thenExits && !elseExits) {
                    return afterElse ?? extend(facts, whenFalse);
                }
                if (elseExits && !thenExits) {
                    return afterThen;
                }
                return facts;
            }
            case 'for':
                if (Array.isArray(stmt.init)) {
                    stmt.init.forEach((e) => visitExpr(e, facts, null, stmt));
                } else if (stmt.init) {
                    visitStmt(stmt.init, facts);
                }
                if (stmt.test) {
                    visitExpr(stmt.test, facts, null, stmt);
                }
                stmt.update.forEach((e) => visitExpr(e, facts, null, stmt));
                if (stmt.body) {
                    visitStmt(stmt.body, stmt.test ? extend(facts, positiveFacts(unit, stmt.test, bools)) : facts);
                }
                return facts;
            case 'foreach':
                visitExpr(stmt.iterable, facts, null, stmt);
                if (stmt.body) {
                    visitStmt(stmt.body, facts);
                }
                return facts;
            case 'while':
                visitExpr(stmt.test, facts, null, stmt);
                if (stmt.body) {
                    visitStmt(stmt.body, extend(facts, positiveFacts(unit, stmt.test, bools)));
                }
                return facts;
            case 'dowhile':
                visitStmt(stmt.body, facts);
                visitExpr(stmt.test, facts, null, stmt);
                return facts;
            case 'try':
                visitStmt(stmt.body, facts);
                stmt.catches.forEach((clause) => visitStmt(clause.body, facts));
                if (stmt.finallyBlock) {
                    visitStmt(stmt.finallyBlock, facts);
                }
                return facts;
            case 'return':
            case 'throw':
                if (stmt.expr) {
                    visitExpr(stmt.expr, facts, null, stmt);
                }
                return facts;
            case 'dml':
                visitExpr(stmt.expr, facts, null, stmt);
                if (stmt.second) {
                    visitExpr(stmt.second, facts, null, stmt);
                }
                return facts;
            case 'switch':
                visitExpr(stmt.expr, facts, null, stmt);
                stmt.whens.forEach((when) => visitStmt(when.body, facts));
                return facts;
            case 'runas':
                stmt.args.forEach((a) => visitExpr(a, facts, null, stmt));
                visitStmt(stmt.body, facts);
                return facts;
            default:
                return facts;
        }
    };

    visitBlock(unit.body, new Set());
}
