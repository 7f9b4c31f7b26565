/**
 * trigger-callout: a trigger that makes callouts, directly or through the handler methods it calls
 * (followed across classes, four calls deep, with virtual methods dispatched on the handler's
 * class), or that enqueues callout work with record data: a `@future(callout=true)` method or a
 * Queueable implementing Database.AllowsCallouts, given arguments.
 */
import type { CallExpr, Expr, Span, TypeDecl } from '../apex/ast';
import type { ApexFile, MethodUnit } from '../apex/model';
import { isCallout } from '../apex/semantics';
import { lookupField } from '../apex/model';
import { callName, dottedName, unwrap, visitAllExpressions, visitExpr } from '../apex/walk';
import { normalizeType } from '../apex/typenames';
import type { RuleContext, RuleDefinition } from './rule';

type Concrete = { type: TypeDecl; file: ApexFile } | null;
type Problem = { what: string; at: MethodUnit; line: number; path: string[]; root: Span };

/** True when an argument carries data of the running code: locals, parameters, fields or Trigger.* */
function isRecordData(unit: MethodUnit, expr: Expr): boolean {
    let found = false;
    visitExpr(expr, (e) => {
        if (found) {
            return;
        }
        if (e.kind === 'name') {
            const name = e.name.toLowerCase();
            found =
                name === 'trigger' || unit.locals.has(name) || lookupField(unit.file, unit.owner, name) !== undefined;
        } else if (e.kind === 'this') {
            found = true;
        }
    });
    return found;
}

function futureTarget(ctx: RuleContext, unit: MethodUnit, call: CallExpr, concrete: Concrete): string | null {
    const { futureCallouts } = ctx.project;
    const name = call.name.toLowerCase();
    if (call.target) {
        const target = dottedName(unwrap(call.target));
        return (target && futureCallouts.get(`${target}.${name}`.toLowerCase())?.name) ?? null;
    }
    const owners = [concrete?.type, unit.owner].filter(Boolean) as TypeDecl[];
    for (const owner of owners) {
        const declared = futureCallouts.get(`${owner.qualifiedName}.${name}`.toLowerCase());
        if (declared) {
            return declared.name;
        }
    }
    return null;
}

function findProblems(ctx: RuleContext, start: MethodUnit, maxDepth: number): Problem[] {
    const problems: Problem[] = [];
    const seen = new Set<MethodUnit>();
    const visit = (
        unit: MethodUnit,
        concrete: Concrete,
        path: string[],
        depth: number,
        rootSpan: Span | null
    ): void => {
        if (seen.has(unit) || depth > maxDepth) {
            return;
        }
        seen.add(unit);
        visitAllExpressions(unit.body, (expr) => {
            if (expr.kind === 'call') {
                const root = rootSpan ?? expr.span;
                if (isCallout(unit, expr)) {
                    problems.push({ what: 'makes an HTTP callout', at: unit, line: expr.span.line, path, root });
                    return;
                }
                const future = futureTarget(ctx, unit, expr, concrete);
                if (future) {
                    if (expr.args.some((a) => isRecordData(unit, a))) {
                        problems.push({
                            what: `enqueues @future(callout=true) method ${future} with record data`,
                            at: unit,
                            line: expr.span.line,
                            path,
                            root
                        });
                    }
                    return;
                }
                const qualified = callName(expr);
                if (qualified === 'system.enqueuejob' || qualified === 'enqueuejob') {
                    const job = expr.args[0] ? unwrap(expr.args[0]) : null;
                    const jobType = job && job.kind === 'new' ? normalizeType(job.typeName).toLowerCase() : null;
                    if (
                        jobType &&
                        ctx.project.calloutQueueables.has(jobType) &&
                        job &&
                        job.kind === 'new' &&
                        job.args.some((a) => isRecordData(unit, a))
                    ) {
                        problems.push({
                            what: `enqueues Queueable ${job.typeName} (Database.AllowsCallouts) with record data`,
                            at: unit,
                            line: expr.span.line,
                            path,
                            root
                        });
                    }
                    return;
                }
                const receiver = ctx.project.graph.receiverOf(unit, expr) ?? concrete;
                for (const target of ctx.project.graph.targets(unit, expr, concrete)) {
                    visit(target, receiver, [...path, target.member], depth + 1, root);
                }
            }
        });
    };
    visit(start, null, [], 0, null);
    return problems;
}

export const rule: RuleDefinition = {
    id: 'trigger-callout',
    title: 'Trigger makes or enqueues callouts with record data',
    severity: 'high',
    category: 'ApexTrigger',
    summary:
        'A trigger (or the handler it calls) makes an HTTP callout or enqueues @future(callout=true) / AllowsCallouts work with record data.',
    description:
        'Triggers run inside the save transaction: synchronous callouts fail, and asynchronous callout work started from a trigger sends record data out on every save, in bulk, outside any gate. Callouts belong to explicit, gated, consent-checked processes, not to save events.',
    tags: ['security', 'privacy', 'triggers', 'callouts'],
    precision: 'high',
    run(ctx: RuleContext): void {
        for (const file of ctx.project.apexFiles) {
            if (file.unit.kind !== 'trigger') {
                continue;
            }
            const body = file.units.find((u) => u.kind === 'trigger');
            if (!body) {
                continue;
            }
            for (const problem of findProblems(ctx, body, 4)) {
                const where =
                    problem.at === body
                        ? ''
                        : ` via ${problem.path.join(' → ')} (${problem.at.file.path}:${problem.line})`;
                ctx.reportApex({
                    unit: body,
                    file,
                    span: problem.root,
                    discriminator: `${problem.what}|${problem.path.join('>')}`,
                    message: `Trigger ${file.componentName} ${problem.what}${where}. Callouts from save events send record data out on every save, outside the gate: move them to an explicit, gated process.`
                });
            }
        }
    }
};
