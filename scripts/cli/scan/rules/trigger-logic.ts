/**
 * trigger-logic: logic in a trigger body. A trigger should be one statement that hands off to a
 * handler class; anything else (conditions, loops, queries, DML, assignments, methods or classes
 * declared in the trigger) cannot be unit-tested, ordered or switched off.
 */
import type { Expr, Stmt } from '../apex/ast';
import { visitExpr } from '../apex/walk';
import type { RuleContext, RuleDefinition } from './rule';

/** A call or construction whose arguments are plain values: a hand-off, not logic. */
function isDelegation(expr: Expr): boolean {
    if (expr.kind !== 'call' && expr.kind !== 'new') {
        return false;
    }
    let plain = true;
    visitExpr(expr, (e) => {
        if (
            e.kind === 'soql' ||
            e.kind === 'sosl' ||
            e.kind === 'assign' ||
            e.kind === 'conditional' ||
            e.kind === 'binary'
        ) {
            plain = false;
        }
    });
    return plain;
}

function isHandOff(stmt: Stmt): boolean {
    if (stmt.kind === 'expr') {
        return isDelegation(stmt.expr);
    }
    if (stmt.kind === 'local') {
        return stmt.declarators.every((d) => d.init !== null && isDelegation(d.init));
    }
    return false;
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const rule: RuleDefinition = {
    id: 'trigger-logic',
    title: 'Logic in a trigger body',
    severity: 'medium',
    category: 'ApexTrigger',
    summary: 'A trigger body holds logic instead of handing off to a handler class.',
    description:
        'Logic in a trigger body cannot be unit-tested in isolation, ordered with other automation on the object, or switched off without a deployment. Keep the trigger to one line that calls a handler; put the logic in classes.',
    tags: ['maintainability', 'triggers'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const file of ctx.project.apexFiles) {
            if (file.unit.kind !== 'trigger') {
                continue;
            }
            const trigger = file.unit.trigger;
            const logic = trigger.body.filter((stmt) => !isHandOff(stmt));
            const declared = trigger.members.length + trigger.innerTypes.length;
            if (logic.length === 0 && declared === 0 && trigger.body.length <= 2) {
                continue;
            }
            // Where the logic starts: its first statement, else the first member declared in the trigger.
            const declarations = [...trigger.members.map((m) => m.span), ...trigger.innerTypes.map((t) => t.span)];
            const firstDeclared = declarations.sort((a, b) => a.start - b.start)[0];
            const span = logic[0]?.span ?? firstDeclared ?? trigger.body[2]?.span ?? trigger.bodySpan;
            const parts: string[] = [];
            if (logic.length > 0) {
                parts.push(`${count(logic.length, 'statement')} of logic`);
            }
            if (declared > 0) {
                parts.push(`${count(declared, 'member')} declared in the trigger`);
            }
            if (logic.length === 0 && declared === 0) {
                parts.push(`${trigger.body.length} statements`);
            }
            // The whole count only where it says more than the parts: a trigger whose every statement is logic has no
            // hand-off beside it.
            const whole =
                logic.length === trigger.body.length ? '' : ` (${count(trigger.body.length, 'statement')} in all)`;
            ctx.reportApex({
                file,
                span,
                member: `${trigger.name}.<body>`,
                snippet: `trigger ${trigger.name} on ${trigger.objectName}`,
                message: `Trigger ${trigger.name} holds ${parts.join(' and ')}${whole}: move it into a handler class and keep the trigger to one hand-off call.`
            });
        }
    }
};
