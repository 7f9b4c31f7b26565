/**
 * Generic traversal of the scanner's Apex syntax tree: every expression inside a statement or an
 * expression, every statement inside a block, and the names of things (dotted names, types).
 */
import type { Expr, Stmt } from './ast';

/** Calls `visit` for `expr` and every expression nested in it, outermost first. */
export function visitExpr(expr: Expr, visit: (e: Expr) => void): void {
    visit(expr);
    switch (expr.kind) {
        case 'field':
            visitExpr(expr.target, visit);
            break;
        case 'call':
            if (expr.target) {
                visitExpr(expr.target, visit);
            }
            for (const arg of expr.args) {
                visitExpr(arg, visit);
            }
            break;
        case 'new':
            for (const arg of expr.args) {
                visitExpr(arg, visit);
            }
            for (const element of expr.elements) {
                visitExpr(element, visit);
            }
            for (const [key, value] of expr.pairs) {
                visitExpr(key, visit);
                visitExpr(value, visit);
            }
            break;
        case 'soql':
            for (const bind of expr.query.binds) {
                visitExpr(bind, visit);
            }
            break;
        case 'sosl':
            for (const bind of expr.binds) {
                visitExpr(bind, visit);
            }
            break;
        case 'binary':
            visitExpr(expr.left, visit);
            visitExpr(expr.right, visit);
            break;
        case 'assign':
            visitExpr(expr.target, visit);
            visitExpr(expr.value, visit);
            break;
        case 'unary':
            visitExpr(expr.operand, visit);
            break;
        case 'conditional':
            visitExpr(expr.test, visit);
            visitExpr(expr.whenTrue, visit);
            visitExpr(expr.whenFalse, visit);
            break;
        case 'cast':
            visitExpr(expr.expr, visit);
            break;
        case 'index':
            visitExpr(expr.target, visit);
            visitExpr(expr.index, visit);
            break;
        case 'instanceof':
            visitExpr(expr.expr, visit);
            break;
        default:
            break;
    }
}

/**
 * The expressions that belong directly to a statement (not to its nested statements). Computed on each
 * call: the arrays are small and short-lived, which the young generation collects for free, whereas a
 * cache keyed by statement made every collection trace one weak entry per statement of the project.
 */
export function ownExpressions(stmt: Stmt): ReadonlyArray<Expr> {
    return computeOwnExpressions(stmt);
}

function computeOwnExpressions(stmt: Stmt): Expr[] {
    switch (stmt.kind) {
        case 'local':
            return stmt.declarators.flatMap((d) => (d.init ? [d.init] : []));
        case 'expr':
            return [stmt.expr];
        case 'if':
        case 'while':
        case 'dowhile':
            return [stmt.test];
        case 'for': {
            const out: Expr[] = [];
            if (Array.isArray(stmt.init)) {
                out.push(...stmt.init);
            } else if (stmt.init) {
                out.push(...stmt.init.declarators.flatMap((d) => (d.init ? [d.init] : [])));
            }
            if (stmt.test) {
                out.push(stmt.test);
            }
            out.push(...stmt.update);
            return out;
        }
        case 'foreach':
            return [stmt.iterable];
        case 'return':
            return stmt.expr ? [stmt.expr] : [];
        case 'throw':
            return [stmt.expr];
        case 'dml':
            return stmt.second ? [stmt.expr, stmt.second] : [stmt.expr];
        case 'switch':
            return [stmt.expr];
        case 'runas':
            return stmt.args;
        default:
            return [];
    }
}

/** The statements directly nested in a statement. */
export function childStatements(stmt: Stmt): Stmt[] {
    switch (stmt.kind) {
        case 'block':
            return stmt.body;
        case 'if':
            return stmt.otherwise ? [stmt.then, stmt.otherwise] : [stmt.then];
        case 'for':
        case 'foreach':
        case 'while':
            return stmt.body ? [stmt.body] : [];
        case 'dowhile':
            return [stmt.body];
        case 'try': {
            const out: Stmt[] = [stmt.body, ...stmt.catches.map((c) => c.body)];
            if (stmt.finallyBlock) {
                out.push(stmt.finallyBlock);
            }
            return out;
        }
        case 'switch':
            return stmt.whens.map((w) => w.body);
        case 'runas':
            return [stmt.body];
        default:
            return [];
    }
}

/** Every statement in `body`, depth first, with the number of loops around it. */
export function visitStatements(body: Stmt[], visit: (stmt: Stmt, loopDepth: number) => void, loopDepth = 0): void {
    for (const stmt of body) {
        visit(stmt, loopDepth);
        const inner =
            stmt.kind === 'for' || stmt.kind === 'foreach' || stmt.kind === 'while' || stmt.kind === 'dowhile'
                ? loopDepth + 1
                : loopDepth;
        visitStatements(childStatements(stmt), visit, inner);
    }
}

/** Every expression in `body`, with the statement that holds it. */
export function visitAllExpressions(body: Stmt[], visit: (expr: Expr, stmt: Stmt) => void): void {
    visitStatements(body, (stmt) => {
        for (const expr of ownExpressions(stmt)) {
            visitExpr(expr, (e) => visit(e, stmt));
        }
    });
}

/** `a.b.c` for a chain of names and field accesses, lower-cased; null for anything else. */
export function dottedName(expr: Expr | null): string | null {
    if (!expr) {
        return null;
    }
    if (expr.kind === 'name') {
        return expr.name.toLowerCase();
    }
    if (expr.kind === 'field') {
        const target = dottedName(expr.target);
        return target === null ? null : `${target}.${expr.name.toLowerCase()}`;
    }
    return null;
}

/**
 * The qualified name of a call, lower-cased, with a leading `system.` dropped when a class follows
 * (`System.Database.insert` → `database.insert`; `System.debug` stays `system.debug`).
 */
const callNameCache = new WeakMap<Expr, string>();

export function callName(call: Expr & { kind: 'call' }): string {
    const cached = callNameCache.get(call);
    if (cached !== undefined) {
        return cached;
    }
    const target = dottedName(call.target);
    let full = target === null ? call.name.toLowerCase() : `${target}.${call.name.toLowerCase()}`;
    if (full.startsWith('system.') && full.indexOf('.', 7) !== -1) {
        full = full.slice(7);
    }
    callNameCache.set(call, full);
    return full;
}

/** Strips casts and parentheses-equivalents to reach the value expression. */
export function unwrap(expr: Expr): Expr {
    let current = expr;
    while (current.kind === 'cast') {
        current = current.expr;
    }
    return current;
}

/** True when control cannot fall through the end of `stmt` (return, throw, break, continue). */
export function alwaysExits(stmt: Stmt | null): boolean {
    if (!stmt) {
        return false;
    }
    switch (stmt.kind) {
        case 'return':
        case 'throw':
        case 'break':
        case 'continue':
            return true;
        case 'block':
            return stmt.body.length > 0 && alwaysExits(stmt.body[stmt.body.length - 1]);
        case 'if':
            return alwaysExits(stmt.then) && alwaysExits(stmt.otherwise);
        case 'try':
            return (
                (alwaysExits(stmt.body) && stmt.catches.every((c) => alwaysExits(c.body))) ||
                alwaysExits(stmt.finallyBlock)
            );
        default:
            return false;
    }
}
