/**
 * crud-fls-bypass: SOQL, SOSL and DML that run in system mode with no CRUD/FLS enforcement. An
 * operation is enforced when it runs in user mode (`WITH USER_MODE`, `WITH SECURITY_ENFORCED`,
 * `insert as user`, `AccessLevel.USER_MODE`), when its records pass through
 * `Security.stripInaccessible` for the matching access type, or when a describe check for the same
 * operation on the same object dominates it. `Database.query`, every `Database.*` DML method and
 * their `System.`-qualified forms are covered.
 */
import type { CallExpr, DmlOp, DmlStmt, Expr, Stmt } from '../apex/ast';
import { fact, GuardOp, variableFact, walkWithGuards } from '../apex/guards';
import { unitIndex, type MethodUnit } from '../apex/model';
import {
    accessLevelArgument,
    assignmentsOf,
    DATABASE_DML,
    DATABASE_QUERIES,
    objectOf,
    resolveString,
    singleAssignment
} from '../apex/semantics';
import { callName, dottedName, unwrap, visitAllExpressions } from '../apex/walk';
import { touchesData } from './helpers';
import { productionUnits, RuleContext, RuleDefinition } from './rule';

const REQUIRED: Record<DmlOp, GuardOp[][]> = {
    insert: [['create']],
    update: [['update']],
    upsert: [['create', 'update']],
    delete: [['delete']],
    undelete: [['undelete']],
    merge: [['merge'], ['update', 'delete']]
};

const CHECK_NAME: Record<GuardOp, string> = {
    read: 'isAccessible()',
    create: 'isCreateable()',
    update: 'isUpdateable()',
    delete: 'isDeletable()',
    undelete: 'isUndeletable()',
    merge: 'isMergeable()'
};

const STRIP_TYPES: Record<string, DmlOp[]> = {
    'accesstype.creatable': ['insert'],
    'accesstype.updatable': ['update'],
    'accesstype.upsertable': ['upsert', 'insert', 'update'],
    'accesstype.readable': []
};

function stripAccessType(call: Expr): string | null {
    const value = unwrap(call);
    if (value.kind !== 'call' || callName(value) !== 'security.stripinaccessible' || !value.args[0]) {
        return null;
    }
    const type = dottedName(unwrap(value.args[0]));
    return type ? type.replace(/^system\./, '') : null;
}

/** True when `expr` is (or was last assigned) records that stripInaccessible prepared for `op`. */
function strippedFor(unit: MethodUnit, expr: Expr, op: DmlOp, before: number): boolean {
    const matches = (candidate: Expr): boolean => {
        const value = unwrap(candidate);
        if (value.kind !== 'call' || value.name.toLowerCase() !== 'getrecords' || !value.target) {
            return false;
        }
        let decision: Expr | null = unwrap(value.target);
        if (decision.kind === 'name') {
            decision = singleAssignment(unit, decision.name);
        }
        const type = decision ? stripAccessType(decision) : null;
        return Boolean(type && STRIP_TYPES[type]?.includes(op));
    };
    if (matches(expr)) {
        return true;
    }
    const value = unwrap(expr);
    if (value.kind !== 'name') {
        return false;
    }
    const earlier = (assignmentsOf(unit).get(value.name.toLowerCase()) ?? []).filter((a) => a.span.start < before);
    return earlier.length > 0 && matches(earlier[earlier.length - 1]);
}

/** Variables whose records go through stripInaccessible(READABLE, ...) somewhere in the unit. */
function readStrippedVariables(unit: MethodUnit): Set<string> {
    const out = new Set<string>();
    visitAllExpressions(unit.body, (expr) => {
        if (expr.kind === 'call' && stripAccessType(expr) === 'accesstype.readable' && expr.args[1]) {
            const arg = unwrap(expr.args[1]);
            if (arg.kind === 'name') {
                out.add(arg.name.toLowerCase());
            }
        }
    });
    return out;
}

/** The variable a statement stores an expression's value into, if it is a plain local assignment. */
function storedInto(stmt: Stmt, expr: Expr): string | null {
    if (stmt.kind === 'local') {
        const declarator = stmt.declarators.find((d) => d.init && unwrap(d.init) === expr);
        return declarator ? declarator.name.toLowerCase() : null;
    }
    if (stmt.kind === 'expr' && stmt.expr.kind === 'assign' && unwrap(stmt.expr.value) === expr) {
        return dottedName(stmt.expr.target);
    }
    return null;
}

function guarded(
    facts: ReadonlySet<string>,
    object: string | null,
    variable: string | null,
    ops: GuardOp[][]
): boolean {
    return ops.some((set) =>
        set.every(
            (op) =>
                (object !== null && facts.has(fact(object, op))) ||
                (variable !== null && facts.has(variableFact(variable, op)))
        )
    );
}

function advice(op: DmlOp | 'query', object: string | null): string {
    const target = object ?? 'the object';
    if (op === 'query') {
        return `add WITH USER_MODE, or check Schema.sObjectType.${target}.isAccessible() first`;
    }
    const checks = REQUIRED[op][0].map((o) => CHECK_NAME[o]).join(' and ');
    return `use \`${op} as user\` / AccessLevel.USER_MODE, Security.stripInaccessible, or check ${checks} on ${target} first`;
}

export const rule: RuleDefinition = {
    id: 'crud-fls-bypass',
    title: 'CRUD/FLS not enforced',
    severity: 'high',
    category: 'component',
    summary: 'SOQL, SOSL or DML runs in system mode without a CRUD/FLS check for that operation on that object.',
    description:
        'Apex runs in system mode: unless a query or DML statement runs in user mode, strips inaccessible fields, or is dominated by a describe check for the same operation on the same object, it reads or writes data the user may not see. The check is per operation, so an isCreateable() check on Account does not clear an update of Contact.',
    tags: ['security', 'access-control', 'external/cwe/cwe-285'],
    precision: 'high',
    run(ctx: RuleContext): void {
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of productionUnits(file)) {
                checkUnit(ctx, unit);
            }
        }
    }
};

function checkUnit(ctx: RuleContext, unit: MethodUnit): void {
    if (!touchesData(unit)) {
        return;
    }
    const checker = new UnitChecker(ctx, unit);
    walkWithGuards(unit, {
        statement(stmt: Stmt, facts) {
            if (stmt.kind === 'dml') {
                const dml = stmt as DmlStmt;
                checker.dml(dml.op, dml.expr, dml.mode, dml.span, dml.op.toUpperCase(), facts);
            }
        },
        expression(expr, facts, parent, stmt) {
            if (expr.kind === 'soql') {
                checker.query(expr.query.from, expr.query.mode, expr, stmt, parent, facts, 'SOQL query');
            } else if (expr.kind === 'sosl') {
                checker.query(expr.objects.join(', ') || null, expr.mode, expr, stmt, parent, facts, 'SOSL search');
            } else if (expr.kind === 'call') {
                checker.call(expr as CallExpr, stmt, parent, facts);
            }
        }
    });
}

/** The checks of one method unit: DML and queries, with the guards that dominate them. */
class UnitChecker {
    private readonly stripped: Set<string>;

    constructor(
        private readonly ctx: RuleContext,
        private readonly unit: MethodUnit
    ) {
        this.stripped = unitIndex(unit).callNames.has('security.stripinaccessible')
            ? readStrippedVariables(unit)
            : new Set<string>();
    }

    private report(span: Expr['span'], message: string): void {
        this.ctx.reportApex({ unit: this.unit, file: this.unit.file, span, message });
    }

    dml(
        op: DmlOp,
        target: Expr,
        mode: 'user' | 'system' | null,
        span: Expr['span'],
        label: string,
        facts: ReadonlySet<string>
    ): void {
        if (mode === 'user') {
            return;
        }
        const unit = this.unit;
        const object = objectOf(unit, target);
        if (mode === 'system') {
            this.report(
                span,
                `${label} runs explicitly in system mode on ${object ?? 'records'}: no CRUD/FLS enforcement. Justify it with a warden:ignore comment or ${advice(op, object)}.`
            );
            return;
        }
        if (strippedFor(unit, target, op, span.start)) {
            return;
        }
        const value = unwrap(target);
        const variable = value.kind === 'name' ? value.name : null;
        if (guarded(facts, object ? object.toLowerCase() : null, variable, REQUIRED[op])) {
            return;
        }
        this.report(
            span,
            `${label} of ${object ?? 'records of unknown type'} without CRUD/FLS enforcement: ${advice(op, object)}.`
        );
    }

    query(
        object: string | null,
        mode: string | null,
        expr: Expr,
        stmt: Stmt,
        parent: Expr | null,
        facts: ReadonlySet<string>,
        label: string
    ): void {
        if (mode === 'user' || mode === 'security_enforced') {
            return;
        }
        if (mode === 'system') {
            this.report(
                expr.span,
                `${label} on ${object ?? 'an unknown object'} runs explicitly in system mode: no CRUD/FLS enforcement. Justify it with a warden:ignore comment or use WITH USER_MODE.`
            );
            return;
        }
        if (parent && stripAccessType(parent) === 'accesstype.readable') {
            return;
        }
        const variable = storedInto(stmt, expr);
        if (variable && this.stripped.has(variable)) {
            return;
        }
        if (object && guarded(facts, object.toLowerCase(), null, [['read']])) {
            return;
        }
        this.report(
            expr.span,
            `${label} on ${object ?? 'an unknown object'} without CRUD/FLS enforcement: ${advice('query', object)}.`
        );
    }

    /** Database.insert(...) and the other DML methods, and dynamic queries (Database.query ...). */
    call(call: CallExpr, stmt: Stmt, parent: Expr | null, facts: ReadonlySet<string>): void {
        const unit = this.unit;
        const name = callName(call);
        const op = DATABASE_DML[name];
        if (op && call.args[0]) {
            const mode = accessLevelArgument(unit, call.args.slice(1));
            this.dml(op, call.args[0], mode, call.span, `Database.${call.name}`, facts);
            return;
        }
        if (!DATABASE_QUERIES.has(name)) {
            return;
        }
        const text = call.args[0] ? resolveString(unit, call.args[0], this.ctx.project) : null;
        let queryMode: string | null = accessLevelArgument(unit, call.args.slice(1));
        let object: string | null = null;
        if (text) {
            if (!queryMode && /\bwith\s+(user_mode|security_enforced)\b/i.test(text.value)) {
                queryMode = 'user';
            }
            if (!queryMode && /\bwith\s+system_mode\b/i.test(text.value)) {
                queryMode = 'system';
            }
            object = /\bfrom\s+([A-Za-z0-9_]+)/i.exec(text.value)?.[1] ?? null;
        }
        const label = `${call.target ? `${dottedName(call.target)}.` : ''}${call.name}`
            .replace(/^system\./, '')
            .replace(/^database\./, 'Database.')
            .replace(/^search\./, 'Search.');
        this.query(object, queryMode, call, stmt, parent, facts, label);
    }
}
