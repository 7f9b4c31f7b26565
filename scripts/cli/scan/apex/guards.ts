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

/**
 * Walks a unit's statements and expressions in order, telling the visitor which access checks hold at
 * each: the facts of enclosing conditions (`if (canRead) ...`, `a && b`, `x ? a : b`), of checks that
 * end the method when they fail (`if (!canRead) return;`), of Boolean locals holding a check, and of
 * guard helpers called as statements.
 */
export function walkWithGuards(unit: MethodUnit, visitor: GuardVisitor): void {
    new GuardWalker(unit, visitor).run();
}

class GuardWalker {
    private readonly bools: BoolFacts = new Map();
    private readonly positive: typeof positiveFactsOf;
    private readonly negative: typeof negativeFactsOf;
    private readonly helper: typeof helperFactsOf;

    constructor(
        private readonly unit: MethodUnit,
        private readonly visitor: GuardVisitor
    ) {
        // Without a describe check or guard helper in the unit no fact can ever hold: skip the work.
        let hasChecks = false;
        for (const name of unitIndex(unit).callNames) {
            const last = name.slice(name.lastIndexOf('.') + 1);
            if (CHECK_METHODS[last] !== undefined || HELPER_GUARD.test(last)) {
                hasChecks = true;
                break;
            }
        }
        this.positive = hasChecks ? positiveFactsOf : (): string[] => [];
        this.negative = hasChecks ? negativeFactsOf : (): string[] => [];
        this.helper = hasChecks ? helperFactsOf : (): string[] => [];
    }

    run(): void {
        this.block(this.unit.body, new Set());
    }

    private whenTrue(facts: Facts, test: Expr): Facts {
        return extend(facts, this.positive(this.unit, test, this.bools));
    }

    private whenFalse(facts: Facts, test: Expr): Facts {
        return extend(facts, this.negative(this.unit, test, this.bools));
    }

    private expr(expr: Expr, facts: Facts, parent: Expr | null, stmt: Stmt): void {
        this.visitor.expression(expr, facts, parent, stmt);
        const visit = (child: Expr, childFacts: Facts = facts): void => this.expr(child, childFacts, expr, stmt);
        switch (expr.kind) {
            case 'conditional':
                visit(expr.test);
                visit(expr.whenTrue, this.whenTrue(facts, expr.test));
                visit(expr.whenFalse, this.whenFalse(facts, expr.test));
                return;
            case 'binary':
                visit(expr.left);
                if (expr.op === '&&') {
                    visit(expr.right, this.whenTrue(facts, expr.left));
                } else if (expr.op === '||') {
                    visit(expr.right, this.whenFalse(facts, expr.left));
                } else {
                    visit(expr.right);
                }
                return;
            case 'call':
                if (expr.target) {
                    visit(expr.target);
                }
                expr.args.forEach((a) => visit(a));
                return;
            case 'new':
                expr.args.forEach((a) => visit(a));
                expr.elements.forEach((a) => visit(a));
                expr.pairs.forEach(([k, v]) => {
                    visit(k);
                    visit(v);
                });
                return;
            case 'soql':
                expr.query.binds.forEach((b) => visit(b));
                return;
            case 'sosl':
                expr.binds.forEach((b) => visit(b));
                return;
            case 'assign':
                visit(expr.target);
                visit(expr.value);
                return;
            case 'index':
                visit(expr.target);
                visit(expr.index);
                return;
            case 'field':
                visit(expr.target);
                return;
            case 'unary':
                visit(expr.operand);
                return;
            case 'cast':
            case 'instanceof':
                visit(expr.expr);
                return;
            default:
                return;
        }
    }

    private block(body: Stmt[], entry: Facts): Facts {
        let facts = entry;
        for (const stmt of body) {
            facts = this.stmt(stmt, facts);
        }
        return facts;
    }

    /** Visits a statement; returns the facts that hold after it completes normally. */
    private stmt(stmt: Stmt, facts: Facts): Facts {
        this.visitor.statement(stmt, facts);
        const visit = (expr: Expr): void => this.expr(expr, facts, null, stmt);
        switch (stmt.kind) {
            case 'block':
                return this.block(stmt.body, facts);
            case 'local':
                this.local(stmt, facts);
                return facts;
            case 'expr':
                visit(stmt.expr);
                return extend(facts, this.helper(this.unit, stmt));
            case 'if':
                return this.ifStmt(stmt, facts);
            case 'for':
            case 'foreach':
            case 'while':
            case 'dowhile':
                this.loop(stmt, facts);
                return facts;
            case 'try':
                this.stmt(stmt.body, facts);
                stmt.catches.forEach((clause) => this.stmt(clause.body, facts));
                if (stmt.finallyBlock) {
                    this.stmt(stmt.finallyBlock, facts);
                }
                return facts;
            case 'return':
            case 'throw':
                if (stmt.expr) {
                    visit(stmt.expr);
                }
                return facts;
            case 'dml':
                visit(stmt.expr);
                if (stmt.second) {
                    visit(stmt.second);
                }
                return facts;
            case 'switch':
                visit(stmt.expr);
                stmt.whens.forEach((when) => this.stmt(when.body, facts));
                return facts;
            case 'runas':
                stmt.args.forEach(visit);
                this.stmt(stmt.body, facts);
                return facts;
            default:
                return facts;
        }
    }

    /** A local variable: its initialisers, and the checks a Boolean one holds (`Boolean ok = canRead();`). */
    private local(stmt: Extract<Stmt, { kind: 'local' }>, facts: Facts): void {
        for (const declarator of stmt.declarators) {
            if (declarator.init) {
                this.expr(declarator.init, facts, null, stmt);
                if (/^boolean$/i.test(stmt.typeName)) {
                    this.bools.set(declarator.name.toLowerCase(), {
                        whenTrue: this.positive(this.unit, declarator.init, this.bools),
                        whenFalse: this.negative(this.unit, declarator.init, this.bools)
                    });
                }
            }
        }
    }

    /** An if: each branch under its condition; after it, what the branch that falls through knows. */
    private ifStmt(stmt: Extract<Stmt, { kind: 'if' }>, facts: Facts): Facts {
        this.expr(stmt.test, facts, null, stmt);
        const elseFacts = this.whenFalse(facts, stmt.test);
        const afterThen = this.stmt(stmt.then, this.whenTrue(facts, stmt.test));
        const afterElse = stmt.otherwise ? this.stmt(stmt.otherwise, elseFacts) : null;
        const thenExits = alwaysExits(stmt.then);
        const elseExits = stmt.otherwise ? alwaysExits(stmt.otherwise) : false;
        if (thenExits && !elseExits) {
            return afterElse ?? elseFacts;
        }
        if (elseExits && !thenExits) {
            return afterThen;
        }
        return facts;
    }

    private loop(stmt: Extract<Stmt, { kind: 'for' | 'foreach' | 'while' | 'dowhile' }>, facts: Facts): void {
        const visit = (expr: Expr): void => this.expr(expr, facts, null, stmt);
        if (stmt.kind === 'for') {
            if (Array.isArray(stmt.init)) {
                stmt.init.forEach(visit);
            } else if (stmt.init) {
                this.stmt(stmt.init, facts);
            }
            if (stmt.test) {
                visit(stmt.test);
            }
            stmt.update.forEach(visit);
            if (stmt.body) {
                this.stmt(stmt.body, stmt.test ? this.whenTrue(facts, stmt.test) : facts);
            }
        } else if (stmt.kind === 'foreach') {
            visit(stmt.iterable);
            if (stmt.body) {
                this.stmt(stmt.body, facts);
            }
        } else if (stmt.kind === 'while') {
            visit(stmt.test);
            if (stmt.body) {
                this.stmt(stmt.body, this.whenTrue(facts, stmt.test));
            }
        } else {
            this.stmt(stmt.body, facts);
            visit(stmt.test);
        }
    }
}
