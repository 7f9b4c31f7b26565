/**
 * CRUD/FLS guard reasoning, per operation, per object and per field (facts: describe.ts). A check
 * guards only operations of the matching kind on the same object (or field) that it dominates: code
 * in the branch where the check held, after an early exit (return or throw) taken when it failed, after
 * a helper that throws when access is missing, or under a Boolean helper that returned true. Helpers in
 * the project are followed (guard-summaries.ts); helpers we cannot see are known by name. A check on
 * another object, another operation or another field, in another branch, or after the operation,
 * guards nothing.
 */
import type { Expr, Stmt } from './ast';
import { callGuardFacts, unitMayGuard } from './guard-summaries';
import { CHECK_METHODS, checkFacts } from './describe';
import { tick } from '../budget';
import type { MethodUnit } from './model';
import { alwaysExits, unwrap } from './walk';

export { fact, fieldFact, variableFact, type GuardOp } from './describe';

export type Facts = ReadonlySet<string>;

type BoolFacts = Map<string, { whenTrue: string[]; whenFalse: string[] }>;

function literalBoolean(expr: Expr): 'true' | 'false' | null {
    const value = unwrap(expr);
    return value.kind === 'literal' && value.literalType === 'boolean' ? (value.value as 'true' | 'false') : null;
}

/** Facts known when `expr` has the boolean value `outcome`. */
export function factsWhen(unit: MethodUnit, expr: Expr, outcome: boolean, bools: BoolFacts = new Map()): string[] {
    const value = unwrap(expr);
    if (value.kind === 'unary' && value.op === '!') {
        return factsWhen(unit, value.operand, !outcome, bools);
    }
    if (value.kind === 'binary') {
        if (value.op === '&&' || value.op === '||') {
            const left = factsWhen(unit, value.left, outcome, bools);
            const right = factsWhen(unit, value.right, outcome, bools);
            if ((value.op === '&&') === outcome) {
                return [...left, ...right];
            }
            const known = new Set(left);
            return right.filter((f) => known.has(f));
        }
        if (['==', '===', '!=', '!=='].includes(value.op)) {
            const literal = literalBoolean(value.right) ?? literalBoolean(value.left);
            if (!literal) {
                return [];
            }
            const other = literalBoolean(value.right) ? value.left : value.right;
            const equal = value.op.startsWith('=') === outcome;
            return factsWhen(unit, other, equal === (literal === 'true'), bools);
        }
        return [];
    }
    if (value.kind === 'name') {
        const known = bools.get(value.name.toLowerCase());
        return (outcome ? known?.whenTrue : known?.whenFalse) ?? [];
    }
    if (value.kind !== 'call') {
        return [];
    }
    if (CHECK_METHODS[value.name.toLowerCase()] !== undefined && value.args.length === 0) {
        return outcome ? checkFacts(unit, value) : [];
    }
    return callGuardFacts(unit, value, outcome ? 'true' : 'false');
}

export function positiveFactsOf(unit: MethodUnit, expr: Expr, bools: BoolFacts = new Map()): string[] {
    return factsWhen(unit, expr, true, bools);
}

export function negativeFactsOf(unit: MethodUnit, expr: Expr, bools: BoolFacts = new Map()): string[] {
    return factsWhen(unit, expr, false, bools);
}

/** Facts a call statement establishes when it returns normally: a helper that throws without access. */
function helperFactsOf(unit: MethodUnit, stmt: Stmt): string[] {
    if (stmt.kind !== 'expr' || stmt.expr.kind !== 'call') {
        return [];
    }
    return callGuardFacts(unit, stmt.expr, 'exit');
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

/** What holds when a method ends normally: at each `return` (with its value) and at the end of the body. */
export type Exits = { returns: Array<{ expr: Expr | null; facts: Facts }>; end: Facts | null };

/**
 * Walks a unit's statements and expressions in order, telling the visitor which access checks hold at
 * each: the facts of enclosing conditions (`if (canRead) ...`, `a && b`, `x ? a : b`), of checks that
 * end the method when they fail (`if (!canRead) return;`), of Boolean locals holding a check, and of
 * guard helpers called as statements. Returns what holds where the method ends normally.
 */
export function walkWithGuards(
    unit: MethodUnit,
    visitor: GuardVisitor,
    bindings: ReadonlyMap<string, string> = new Map()
): Exits {
    return new GuardWalker(unit, visitor, bindings).run();
}

const NO_FACTS = (): string[] => [];

class GuardWalker {
    private readonly bools: BoolFacts = new Map();
    private readonly factsWhen: typeof factsWhen;
    private readonly helper: typeof helperFactsOf;
    private readonly exits: Exits = { returns: [], end: null };

    constructor(
        private readonly unit: MethodUnit,
        private readonly visitor: GuardVisitor,
        /** Parameters known to hold one enum constant (lower case), for a helper specialised to a call. */
        private readonly bindings: ReadonlyMap<string, string>
    ) {
        // Without a describe check or a guard helper in reach no fact can ever hold: skip the work.
        const checks = unitMayGuard(unit);
        this.factsWhen = checks ? factsWhen : NO_FACTS;
        this.helper = checks ? helperFactsOf : NO_FACTS;
    }

    run(): Exits {
        const end = this.block(this.unit.body, new Set());
        const last = this.unit.body[this.unit.body.length - 1];
        this.exits.end = last && alwaysExits(last) ? null : end;
        return this.exits;
    }

    private whenTrue(facts: Facts, test: Expr): Facts {
        return extend(facts, this.factsWhen(this.unit, test, true, this.bools));
    }

    private whenFalse(facts: Facts, test: Expr): Facts {
        return extend(facts, this.factsWhen(this.unit, test, false, this.bools));
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
        tick();
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
                if (stmt.expr) {
                    visit(stmt.expr);
                }
                this.exits.returns.push({ expr: stmt.expr, facts });
                return facts;
            case 'throw':
                visit(stmt.expr);
                return facts;
            case 'dml':
                visit(stmt.expr);
                if (stmt.second) {
                    visit(stmt.second);
                }
                return facts;
            case 'switch':
                visit(stmt.expr);
                this.whens(stmt).forEach((when) => this.stmt(when.body, facts));
                return facts;
            case 'runas':
                stmt.args.forEach(visit);
                this.stmt(stmt.body, facts);
                return facts;
            default:
                return facts;
        }
    }

    /** The branches of a switch that can run: one only when it switches on a parameter bound to a constant. */
    private whens(stmt: Extract<Stmt, { kind: 'switch' }>): Extract<Stmt, { kind: 'switch' }>['whens'] {
        const on = unwrap(stmt.expr);
        const bound = on.kind === 'name' ? this.bindings.get(on.name.toLowerCase()) : undefined;
        if (bound === undefined) {
            return stmt.whens;
        }
        const matching = stmt.whens.filter((w) => w.values.some((v) => v.toLowerCase() === bound));
        return matching.length > 0 ? matching : stmt.whens.filter((w) => w.isElse);
    }

    /** A local variable: its initialisers, and the checks a Boolean one holds (`Boolean ok = canRead();`). */
    private local(stmt: Extract<Stmt, { kind: 'local' }>, facts: Facts): void {
        for (const declarator of stmt.declarators) {
            if (declarator.init) {
                this.expr(declarator.init, facts, null, stmt);
                if (/^boolean$/i.test(stmt.typeName)) {
                    this.bools.set(declarator.name.toLowerCase(), {
                        whenTrue: this.factsWhen(this.unit, declarator.init, true, this.bools),
                        whenFalse: this.factsWhen(this.unit, declarator.init, false, this.bools)
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
