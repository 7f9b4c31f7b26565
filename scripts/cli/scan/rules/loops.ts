/**
 * Shared analysis for the *-in-loop rules: the SOQL, DML and callouts each method performs, directly
 * or through methods of the same class (to a fixpoint), and every such operation or call that runs
 * inside a loop. The iterable of a for-each loop (`for (X x : [SELECT ...])`) runs once and is not
 * inside its own loop; the condition of a while or for loop runs every time and is.
 */
import type { Expr, Span, Stmt } from '../apex/ast';
import { unitIndex, type MethodUnit } from '../apex/model';
import { DATABASE_DML, DATABASE_QUERIES, isCallout, localCallTargets } from '../apex/semantics';
import { callName, childStatements, ownExpressions, visitExpr } from '../apex/walk';
import type { RuleContext } from './rule';

export type OperationKind = 'soql' | 'dml' | 'callout';

export type Operation = { kind: OperationKind; span: Span; label: string };

export type LoopHit = {
    unit: MethodUnit;
    kind: OperationKind;
    span: Span;
    /** What runs: "SOQL query", "Database.insert" ... */
    label: string;
    /** For calls: the method of the same class that performs the operation, and where. */
    through: { callee: MethodUnit; operation: Operation } | null;
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
    if (name === 'eventbus.publish') {
        return { kind: 'dml', span: expr.span, label: 'EventBus.publish' };
    }
    if (DATABASE_QUERIES.has(name)) {
        return {
            kind: 'soql',
            span: expr.span,
            label: name.startsWith('search.') ? `Search.${expr.name}` : `Database.${expr.name}`
        };
    }
    if (isCallout(unit, expr)) {
        return { kind: 'callout', span: expr.span, label: 'HTTP callout' };
    }
    return null;
}

type Visit = (expr: Expr, inLoop: boolean) => void;
type VisitStmt = (stmt: Stmt, inLoop: boolean) => void;

function walk(body: Stmt[], inLoop: boolean, onExpr: Visit, onStmt: VisitStmt): void {
    for (const stmt of body) {
        onStmt(stmt, inLoop);
        const isLoop =
            stmt.kind === 'for' || stmt.kind === 'foreach' || stmt.kind === 'while' || stmt.kind === 'dowhile';
        for (const expr of ownExpressions(stmt)) {
            let exprInLoop = inLoop;
            if (stmt.kind === 'while' || stmt.kind === 'dowhile') {
                exprInLoop = true;
            } else if (stmt.kind === 'for') {
                const initExprs = Array.isArray(stmt.init)
                    ? stmt.init
                    : stmt.init
                      ? stmt.init.declarators.flatMap((d) => (d.init ? [d.init] : []))
                      : [];
                exprInLoop = inLoop || !initExprs.includes(expr);
            }
            visitExpr(expr, (e) => onExpr(e, exprInLoop));
        }
        walk(childStatements(stmt), inLoop || isLoop, onExpr, onStmt);
    }
}

export function loopHits(ctx: RuleContext): LoopHit[] {
    return ctx.memo('loop-hits', () => {
        const hits: LoopHit[] = [];
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            const units = file.units.filter((u) => !u.isTest);
            // Direct operations per unit, then transitive through same-class calls.
            const direct = new Map<MethodUnit, Map<OperationKind, Operation>>();
            const calls = new Map<MethodUnit, Array<{ call: Expr & { kind: 'call' }; targets: MethodUnit[] }>>();
            for (const unit of units) {
                const index = unitIndex(unit);
                const ops = new Map<OperationKind, Operation>();
                const unitCalls: Array<{ call: Expr & { kind: 'call' }; targets: MethodUnit[] }> = [];
                const candidates: Expr[] = [...index.soql, ...index.sosl, ...index.calls];
                candidates.sort((x, y) => x.span.start - y.span.start);
                for (const expr of candidates) {
                    const op = operationOf(unit, expr);
                    if (op && !ops.has(op.kind)) {
                        ops.set(op.kind, op);
                    }
                    if (expr.kind === 'call') {
                        const targets = localCallTargets(unit, expr).filter((t) => !t.isTest);
                        if (targets.length > 0) {
                            unitCalls.push({ call: expr, targets });
                        }
                    }
                }
                const firstDml = index.dml[0];
                if (firstDml && (!ops.has('dml') || firstDml.span.start < ops.get('dml')!.span.start)) {
                    ops.set('dml', {
                        kind: 'dml',
                        span: firstDml.span,
                        label: `${firstDml.op.toUpperCase()} statement`
                    });
                }
                direct.set(unit, ops);
                calls.set(unit, unitCalls);
            }
            const reach = new Map<MethodUnit, Map<OperationKind, { callee: MethodUnit; operation: Operation }>>();
            for (const unit of units) {
                const own = new Map<OperationKind, { callee: MethodUnit; operation: Operation }>();
                for (const [kind, operation] of direct.get(unit) ?? []) {
                    own.set(kind, { callee: unit, operation });
                }
                reach.set(unit, own);
            }
            for (let round = 0; round < 6; round += 1) {
                let changed = false;
                for (const unit of units) {
                    const mine = reach.get(unit)!;
                    for (const { targets } of calls.get(unit) ?? []) {
                        for (const target of targets) {
                            for (const [kind, info] of reach.get(target) ?? []) {
                                if (!mine.has(kind)) {
                                    mine.set(kind, info);
                                    changed = true;
                                }
                            }
                        }
                    }
                }
                if (!changed) {
                    break;
                }
            }
            for (const unit of units) {
                if (unitIndex(unit).loops === 0) {
                    continue;
                }
                const seen = new Set<number>();
                const add = (hit: LoopHit): void => {
                    const key = hit.span.start * 4 + ['soql', 'dml', 'callout'].indexOf(hit.kind);
                    if (!seen.has(key)) {
                        seen.add(key);
                        hits.push(hit);
                    }
                };
                walk(
                    unit.body,
                    false,
                    (expr, inLoop) => {
                        if (!inLoop) {
                            return;
                        }
                        const op = operationOf(unit, expr);
                        if (op) {
                            add({ unit, kind: op.kind, span: op.span, label: op.label, through: null });
                            return;
                        }
                        if (expr.kind === 'call') {
                            for (const target of localCallTargets(unit, expr)) {
                                for (const [kind, info] of reach.get(target) ?? []) {
                                    add({ unit, kind, span: expr.span, label: `${expr.name}()`, through: info });
                                }
                            }
                        }
                    },
                    (stmt, inLoop) => {
                        if (inLoop && stmt.kind === 'dml') {
                            add({
                                unit,
                                kind: 'dml',
                                span: stmt.span,
                                label: `${stmt.op.toUpperCase()} statement`,
                                through: null
                            });
                        }
                    }
                );
            }
        }
        return hits;
    });
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
    return `${hit.label} is called inside a loop and runs ${operation.label.startsWith('SOQL') || operation.label.startsWith('SOSL') ? 'a ' : ''}${operation.label} (in ${callee.member}, line ${operation.span.line}): ${what} once per iteration and hits the ${limit} limit on bulk data.`;
}
