/**
 * system-mode-phi: data access in system mode on objects that hold PHI. Flags `AccessLevel.SYSTEM_MODE`,
 * `WITH SYSTEM_MODE`, `insert as system` (explicit, critical) and `Database.*` DML and query
 * methods called without `AccessLevel.USER_MODE`, which default to system mode (high), when the
 * object is classified PHI or has PHI fields.
 */
import type { Expr } from '../apex/ast';
import type { MethodUnit } from '../apex/model';
import { accessLevelArgument, DATABASE_DML, DATABASE_QUERIES, objectOf, resolveString } from '../apex/semantics';
import { callName, visitAllExpressions, visitStatements } from '../apex/walk';
import { touchesData } from './helpers';
import { productionUnits, RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'system-mode-phi',
    title: 'System-mode access to PHI',
    severity: 'high',
    category: 'component',
    summary:
        'PHI objects are read or written in system mode (AccessLevel.SYSTEM_MODE, WITH SYSTEM_MODE, as system, or Database.* without USER_MODE).',
    description:
        'System mode ignores object permissions, field-level security and, for Database methods, the user context the gate relies on. On objects that hold PHI this bypasses the minimum-necessary principle of HIPAA. Database.* methods run in system mode unless AccessLevel.USER_MODE is passed.',
    tags: ['security', 'access-control', 'phi'],
    precision: 'high',
    run(ctx: RuleContext): void {
        const classification = ctx.project.classification;
        const holdsPhi = (object: string | null): boolean =>
            Boolean(object) && classification.objectHoldsPhi(object as string);
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of productionUnits(file)) {
                if (!touchesData(unit)) {
                    continue;
                }
                const report = (span: Expr['span'], explicit: boolean, message: string): void =>
                    ctx.reportApex({ unit, file, span, severity: explicit ? 'critical' : 'high', message });
                visitStatements(unit.body, (stmt) => {
                    if (stmt.kind === 'dml' && stmt.mode === 'system') {
                        const object = objectOf(unit, stmt.expr);
                        if (holdsPhi(object)) {
                            report(
                                stmt.span,
                                true,
                                `${stmt.op.toUpperCase()} as system on ${object}, which holds PHI: system mode ignores the user's object and field permissions.`
                            );
                        }
                    }
                });
                visitAllExpressions(unit.body, (expr) => {
                    if (expr.kind === 'soql' && expr.query.mode === 'system') {
                        if (readsPhi(ctx, expr.query.from, expr.query.fields)) {
                            report(
                                expr.span,
                                true,
                                `SOQL WITH SYSTEM_MODE reads PHI from ${expr.query.from}: system mode ignores the user's object and field permissions.`
                            );
                        }
                        return;
                    }
                    if (expr.kind !== 'call') {
                        return;
                    }
                    checkDatabaseCall(ctx, unit, expr, holdsPhi, report);
                });
            }
        }
    }
};

/** True when a query on `object` selecting `fields` reads PHI. */
function readsPhi(ctx: RuleContext, object: string, fields: string[]): boolean {
    const classification = ctx.project.classification;
    if (classification.wholeObject(object)) {
        return true;
    }
    return fields.some((field) => {
        if (/^fields\(/i.test(field)) {
            return classification.phiFieldsOf(object).length > 0;
        }
        const resolved = classification.resolvePath(object, field);
        return resolved ? classification.field(resolved.object, resolved.field) !== null : false;
    });
}

function checkDatabaseCall(
    ctx: RuleContext,
    unit: MethodUnit,
    call: Expr & { kind: 'call' },
    holdsPhi: (object: string | null) => boolean,
    report: (span: Expr['span'], explicit: boolean, message: string) => void
): void {
    const name = callName(call);
    const isDml = Boolean(DATABASE_DML[name]);
    if (!isDml && !DATABASE_QUERIES.has(name)) {
        return;
    }
    const mode = accessLevelArgument(unit, call.args.slice(1));
    if (mode === 'user') {
        return;
    }
    let object: string | null = null;
    if (isDml && call.args[0]) {
        object = objectOf(unit, call.args[0]);
        if (!holdsPhi(object)) {
            return;
        }
    } else if (call.args[0]) {
        const text = resolveString(unit, call.args[0], ctx.project);
        if (!text || /\bwith\s+user_mode\b/i.test(text.value)) {
            return;
        }
        const query = /^\s*select\s+([\s\S]+?)\s+from\s+([A-Za-z0-9_]+)/i.exec(text.value);
        if (!query) {
            return;
        }
        object = query[2];
        const fields = query[1].split(',').map((f) => f.trim());
        if (!readsPhi(ctx, object, fields)) {
            return;
        }
    }
    const label = `Database.${call.name}`;
    if (mode === 'system') {
        report(
            call.span,
            true,
            `${label} with AccessLevel.SYSTEM_MODE on ${object}, which holds PHI: system mode ignores the user's object and field permissions.`
        );
    } else {
        report(
            call.span,
            false,
            `${label} on ${object}, which holds PHI, runs in system mode (the default for Database methods): pass AccessLevel.USER_MODE.`
        );
    }
}
