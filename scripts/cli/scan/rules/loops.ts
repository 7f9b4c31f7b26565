/**
 * Shared analysis for the *-in-loop rules: the operations with per-transaction limits each method
 * performs (SOQL and SOSL, DML and what counts as DML, callouts, and the smaller limits: email,
 * asynchronous jobs), directly or through the project methods it calls, in any class (a summary per
 * method, computed once), and every such operation or call that runs inside a loop over records.
 *
 * Not every loop runs per record, and not every operation runs per call:
 *  - the iterable of a for-each loop (`for (X x : [SELECT ...])`) runs once; the condition of a while or
 *    for loop runs every time;
 *  - a loop bounded by a small constant (`do { ... } while (failed && tries < 3)`, at most
 *    MAX_BOUNDED_ITERATIONS) is a retry, not a loop over records;
 *  - an operation that fills a cache once (`if (cache == null) { cache = [SELECT ...]; }`, or after
 *    `if (cache != null) return cache;`) runs once however often its method is called.
 */
import type { CallExpr, Expr, Span, Stmt } from '../apex/ast';
import { callTargets } from '../apex/callgraph';
import { hasAnnotation, lookupField, unitIndex, type MethodUnit } from '../apex/model';
import { DATABASE_DML, DATABASE_QUERIES, isCallout } from '../apex/semantics';
import { alwaysExits, callName, childStatements, dottedName, ownExpressions, unwrap, visitExpr } from '../apex/walk';
import { tick } from '../budget';
import type { RuleContext } from './rule';

export type OperationKind = 'soql' | 'dml' | 'callout' | 'limited';

export type Operation = { kind: OperationKind; span: Span; label: string };

export type LoopHit = {
    unit: MethodUnit;
    kind: OperationKind;
    span: Span;
    /** What runs: "SOQL query", "Database.insert" ... */
    label: string;
    /** For calls: the method that performs the operation, and where. */
    through: { callee: MethodUnit; operation: Operation } | null;
};

/** A loop whose condition bounds it by a constant this small is a retry, not a loop over records. */
export const MAX_BOUNDED_ITERATIONS = 10;

/** How deep calls are followed for what a method does (real call chains are a handful deep). */
const MAX_CALL_DEPTH = 16;

/** Calls that count as DML statements, beyond the Database DML methods. */
const DML_LIKE: Record<string, string> = {
    'eventbus.publish': 'EventBus.publish',
    'database.setsavepoint': 'Database.setSavepoint',
    'database.rollback': 'Database.rollback',
    'database.convertlead': 'Database.convertLead',
    'database.emptyrecyclebin': 'Database.emptyRecycleBin',
    'approval.process': 'Approval.process',
    'approval.lock': 'Approval.lock',
    'approval.unlock': 'Approval.unlock'
};

/** Calls with small per-transaction limits of their own. */
const LIMITED: Record<string, string> = {
    'messaging.sendemail': 'Messaging.sendEmail',
    'messaging.sendemailmessage': 'Messaging.sendEmailMessage',
    'database.executebatch': 'Database.executeBatch',
    'system.enqueuejob': 'System.enqueueJob',
    enqueuejob: 'System.enqueueJob',
    'system.schedule': 'System.schedule',
    'system.schedulebatch': 'System.scheduleBatch'
};

function operationOf(unit: MethodUnit, expr: Expr): Operation | null {
    if (expr.kind === 'soql') {
        return { kind: 'soql', span: expr.span, label: 'SOQL query' };
    }
    if (expr.kind === 'sosl') {
        return { kind: 'soql', span: expr.span, label: 'SOSL search' };
    }
    if (expr.kind !== 'call') {
        return null;
    }
    const name = callName(expr);
    if (DATABASE_DML[name]) {
        return { kind: 'dml', span: expr.span, label: `Database.${expr.name}` };
    }
    if (DML_LIKE[name]) {
        return { kind: 'dml', span: expr.span, label: DML_LIKE[name] };
    }
    if (DATABASE_QUERIES.has(name)) {
        const owner = name.startsWith('search.') ? 'Search' : 'Database';
        return { kind: 'soql', span: expr.span, label: `${owner}.${expr.name}` };
    }
    if (name === 'messaging.renderstoredemailtemplate') {
        return { kind: 'soql', span: expr.span, label: 'Messaging.renderStoredEmailTemplate' };
    }
    if (LIMITED[name]) {
        return { kind: 'limited', span: expr.span, label: LIMITED[name] };
    }
    if (isCallout(unit, expr)) {
        return { kind: 'callout', span: expr.span, label: 'HTTP callout' };
    }
    const future = callTargets(unit, expr).find((t) => hasAnnotation(t.modifiers, 'future'));
    if (future) {
        return { kind: 'limited', span: expr.span, label: `@future method ${future.member}` };
    }
    return null;
}

/** The value of an integer literal or a static final Integer constant, or null. */
function constantInteger(unit: MethodUnit, expr: Expr): number | null {
    const value = unwrap(expr);
    if (value.kind === 'literal' && value.literalType === 'integer') {
        return Number(value.value);
    }
    if (value.kind === 'name' && !unit.locals.has(value.name.toLowerCase())) {
        const field = lookupField(unit.file, unit.owner, value.name);
        if (field && field.isFinal && field.init) {
            const init = unwrap(field.init);
            return init.kind === 'literal' && init.literalType === 'integer' ? Number(init.value) : null;
        }
    }
    return null;
}

/** True when the condition (one of its `&&` terms) keeps a counter under a small constant. */
export function boundedByConstant(unit: MethodUnit, test: Expr | null): boolean {
    if (!test) {
        return false;
    }
    const value = unwrap(test);
    if (value.kind !== 'binary') {
        return false;
    }
    if (value.op === '&&') {
        return boundedByConstant(unit, value.left) || boundedByConstant(unit, value.right);
    }
    const bound =
        value.op === '<' || value.op === '<='
            ? constantInteger(unit, value.right)
            : value.op === '>' || value.op === '>='
              ? constantInteger(unit, value.left)
              : null;
    return bound !== null && bound <= MAX_BOUNDED_ITERATIONS;
}

/** The variable a null check tests (`x == null`, `x == null || x.isEmpty()`), for the cached-value pattern. */
function nullChecked(test: Expr, isNull: boolean): string | null {
    const value = unwrap(test);
    if (value.kind !== 'binary') {
        return null;
    }
    if (isNull && value.op === '||') {
        return nullChecked(value.left, true);
    }
    if ((value.op === '==' && isNull) || (value.op === '!=' && !isNull)) {
        const [a, b] = [unwrap(value.left), unwrap(value.right)];
        const other = b.kind === 'literal' && b.literalType === 'null' ? a : a.kind === 'literal' ? b : null;
        return other ? dottedName(other) : null;
    }
    return null;
}

/** True when `name` (a variable or `this.field`) is assigned somewhere in `stmts`. */
function assigns(stmts: Stmt[], name: string): boolean {
    const bare = name.replace(/^this\./, '');
    let found = false;
    const visitStatement = (stmt: Stmt): void => {
        for (const expr of ownExpressions(stmt)) {
            visitExpr(expr, (e) => {
                if (e.kind === 'assign') {
                    const target = dottedName(e.target)?.replace(/^this\./, '');
                    found = found || target === bare;
                }
            });
        }
        childStatements(stmt).forEach(visitStatement);
    };
    stmts.forEach(visitStatement);
    return found;
}

type Visitor = {
    expr(expr: Expr, inLoop: boolean, once: boolean): void;
    stmt(stmt: Stmt, inLoop: boolean, once: boolean): void;
};

/**
 * Walks a unit telling, for every statement and expression, whether it runs in a loop over records and
 * whether it runs only once per cache (see the file comment).
 */
export function walkLoops(unit: MethodUnit, visitor: Visitor): void {
    const walk = (body: Stmt[], inLoop: boolean, once: boolean): void => {
        let cachedAfter = once;
        for (const stmt of body) {
            visitStatementAt(stmt, inLoop, cachedAfter);
            if (!cachedAfter && stmt.kind === 'if' && alwaysExits(stmt.then) && !stmt.otherwise) {
                // `if (cache != null) return cache;` then the code that fills it: runs once.
                const cached = nullChecked(stmt.test, false);
                cachedAfter = cached !== null && assigns(body.slice(body.indexOf(stmt) + 1), cached);
            }
        }
    };
    const visitStatementAt = (stmt: Stmt, inLoop: boolean, once: boolean): void => {
        tick();
        if (stmt.kind === 'block') {
            walk(stmt.body, inLoop, once);
            return;
        }
        visitor.stmt(stmt, inLoop, once);
        const isLoop =
            (stmt.kind === 'for' || stmt.kind === 'foreach' || stmt.kind === 'while' || stmt.kind === 'dowhile') &&
            !(stmt.kind !== 'foreach' && boundedByConstant(unit, stmt.test));
        for (const expr of ownExpressions(stmt)) {
            let exprInLoop = inLoop;
            if (isLoop && (stmt.kind === 'while' || stmt.kind === 'dowhile')) {
                exprInLoop = true;
            } else if (isLoop && stmt.kind === 'for') {
                const initExprs = Array.isArray(stmt.init)
                    ? stmt.init
                    : stmt.init
                      ? stmt.init.declarators.flatMap((d) => (d.init ? [d.init] : []))
                      : [];
                exprInLoop = inLoop || !initExprs.includes(expr);
            }
            visitExpr(expr, (e) => visitor.expr(e, exprInLoop, once));
        }
        if (stmt.kind === 'if') {
            const cached = nullChecked(stmt.test, true);
            const fills = cached !== null && assigns([stmt.then], cached);
            walk([stmt.then], inLoop, once || fills);
            if (stmt.otherwise) {
                walk([stmt.otherwise], inLoop, once);
            }
            return;
        }
        for (const child of childStatements(stmt)) {
            walk([child], inLoop || isLoop, once);
        }
    };
    walk(unit.body, false, false);
}

/** The first operation of each kind a unit performs per call, directly or through the methods it calls. */
class Reach {
    private readonly known = new Map<MethodUnit, Map<OperationKind, LoopHit['through']>>();

    of(unit: MethodUnit, depth = 0): Map<OperationKind, NonNullable<LoopHit['through']>> {
        const cached = this.known.get(unit);
        if (cached) {
            return cached as Map<OperationKind, NonNullable<LoopHit['through']>>;
        }
        if (depth > MAX_CALL_DEPTH) {
            return new Map();
        }
        const own = new Map<OperationKind, NonNullable<LoopHit['through']>>();
        this.known.set(unit, own); // a recursive call sees what is known so far
        const calls: CallExpr[] = [];
        walkLoops(unit, {
            expr: (expr, _inLoop, once) => {
                if (once) {
                    return;
                }
                const op = operationOf(unit, expr);
                if (op && !own.has(op.kind)) {
                    own.set(op.kind, { callee: unit, operation: op });
                } else if (!op && expr.kind === 'call') {
                    calls.push(expr);
                }
            },
            stmt: (stmt, _inLoop, once) => {
                if (!once && stmt.kind === 'dml' && !own.has('dml')) {
                    const label = `${stmt.op.toUpperCase()} statement`;
                    own.set('dml', { callee: unit, operation: { kind: 'dml', span: stmt.span, label } });
                }
            }
        });
        for (const call of calls) {
            for (const target of callTargets(unit, call)) {
                if (target.isTest) {
                    continue;
                }
                for (const [kind, info] of this.of(target, depth + 1)) {
                    if (!own.has(kind)) {
                        own.set(kind, info);
                    }
                }
            }
        }
        return own;
    }
}

export function loopHits(ctx: RuleContext): LoopHit[] {
    return ctx.memo('loop-hits', () => {
        const hits: LoopHit[] = [];
        const reach = new Reach();
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of file.units) {
                if (!unit.isTest && unitIndex(unit).loops > 0) {
                    const work = (): LoopHit[] => unitLoopHits(unit, reach);
                    hits.push(...ctx.project.budget.run(file, `the loops of ${unit.member}`, work, []));
                }
            }
        }
        return hits;
    });
}

function unitLoopHits(unit: MethodUnit, reach: Reach): LoopHit[] {
    const hits: LoopHit[] = [];
    const seen = new Set<string>();
    const add = (hit: LoopHit): void => {
        const key = `${hit.span.start}:${hit.kind}`;
        if (!seen.has(key)) {
            seen.add(key);
            hits.push(hit);
        }
    };
    walkLoops(unit, {
        expr(expr, inLoop, once) {
            if (!inLoop || once) {
                return;
            }
            const op = operationOf(unit, expr);
            if (op) {
                add({ unit, kind: op.kind, span: op.span, label: op.label, through: null });
                return;
            }
            if (expr.kind === 'call') {
                for (const target of callTargets(unit, expr)) {
                    for (const [kind, info] of target.isTest ? [] : reach.of(target)) {
                        add({ unit, kind, span: expr.span, label: `${expr.name}()`, through: info });
                    }
                }
            }
        },
        stmt(stmt, inLoop, once) {
            if (inLoop && !once && stmt.kind === 'dml') {
                const label = `${stmt.op.toUpperCase()} statement`;
                add({ unit, kind: 'dml', span: stmt.span, label, through: null });
            }
        }
    });
    return hits;
}

/** Reports the loop hits of one kind: `what` the operation does (`it queries`), the `limit` it counts against. */
export function reportLoopHits(ctx: RuleContext, kind: LoopHit['kind'], what: string, limit: string): void {
    for (const hit of loopHits(ctx)) {
        if (hit.kind === kind) {
            ctx.reportApex({
                unit: hit.unit,
                file: hit.unit.file,
                span: hit.span,
                message: loopMessage(hit, what, limit)
            });
        }
    }
}

export function loopMessage(hit: LoopHit, what: string, limit: string): string {
    if (!hit.through) {
        return `${hit.label} inside a loop: ${what} once per iteration and hits the ${limit} limit on bulk data. Move it out of the loop and work on collections.`;
    }
    const { callee, operation } = hit.through;
    const article = /^(SOQL|SOSL)/.test(operation.label) ? 'a ' : /^HTTP/.test(operation.label) ? 'an ' : '';
    return `${hit.label} is called inside a loop and runs ${article}${operation.label} (in ${callee.member}, line ${operation.span.line}): ${what} once per iteration and hits the ${limit} limit on bulk data.`;
}
