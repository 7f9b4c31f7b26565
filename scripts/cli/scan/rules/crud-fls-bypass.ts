/**
 * crud-fls-bypass: SOQL, SOSL and DML that run in system mode with no CRUD/FLS enforcement
 * (docs/rules/data-flow-model.md, "Guards"). An operation is enforced when it runs in user mode
 * (`WITH USER_MODE` or `WITH SECURITY_ENFORCED`, also in any literal piece of a dynamic query,
 * `as user`, `AccessLevel.USER_MODE`), when its records pass through Security.stripInaccessible for the
 * matching access, or when a check for the same operation on the same object (or on every field it
 * writes or reads) dominates it, made in place or by a helper in any class. Custom metadata, custom
 * settings and install handlers are out of scope.
 *
 * Across classes: an operation in a method whose every caller in the project checks access first is
 * covered by them; records a method receives and writes unchanged (a data-store or unit-of-work
 * method) are checked at its callers, and reported there when a caller passes them unguarded, with the
 * path (`CaseController.save(c) -> CaseStore.insertAll(records) -> INSERT`).
 */
import type { CallExpr, DmlOp, Expr, Span, Stmt } from '../apex/ast';
import { entryPointKind } from '../apex/injection-policy';
import { fact, fieldFact, GuardOp, walkWithGuards, type Facts } from '../apex/guards';
import { unitIndex, type MethodUnit } from '../apex/model';
import { accessLevelArgument, DATABASE_DML, DATABASE_QUERIES, objectOf } from '../apex/semantics';
import { shortName, wholeParameter } from '../apex/taint';
import { callName, dottedName, unwrap } from '../apex/walk';
import {
    customSettingsOf,
    exemptObject,
    isInstallHandler,
    queryText,
    readStrippedVariables,
    stripAccessType,
    strippedFor,
    writtenFields
} from './crud-access';
import { touchesData } from './helpers';
import { productionUnits, RuleContext, RuleDefinition } from './rule';

const REQUIRED: Record<DmlOp | 'query', GuardOp[][]> = {
    insert: [['create']],
    update: [['update']],
    upsert: [['create', 'update']],
    delete: [['delete']],
    undelete: [['undelete']],
    merge: [['merge'], ['update', 'delete']],
    query: [['read']]
};

const CHECK_NAME: Record<GuardOp, string> = {
    read: 'isAccessible()',
    create: 'isCreateable()',
    update: 'isUpdateable()',
    delete: 'isDeletable()',
    undelete: 'isUndeletable()',
    merge: 'isMergeable()'
};

/** What an operation needs to be covered: the ops, the object, its records' variable and the fields involved. */
type Need = {
    op: DmlOp | 'query';
    object: string | null;
    /** What else the records are known as in guards: `var:<name>`, `param:<index>`. */
    aliases: string[];
    fields: Set<string> | null;
};

/** `var:rec` and, for a parameter, `param:0`: how checks inside a method name the records of a variable. */
function aliasesOf(unit: MethodUnit, expr: Expr): string[] {
    const value = unwrap(expr);
    if (value.kind !== 'name') {
        return [];
    }
    const name = value.name.toLowerCase();
    const index = unit.params.findIndex((p) => p.name.toLowerCase() === name);
    return index === -1 ? [`var:${name}`] : [`var:${name}`, `param:${index}`];
}

function covered(facts: Facts, need: Need): boolean {
    const object = need.object?.toLowerCase() ?? null;
    const fieldsKnown = need.fields !== null && need.fields.size > 0 && object !== null;
    return REQUIRED[need.op].some((set) =>
        set.every(
            (op) =>
                (object !== null && facts.has(fact(object, op))) ||
                need.aliases.some((alias) => facts.has(`${alias}:${op}`)) ||
                (fieldsKnown && [...need.fields!].every((f) => facts.has(fieldFact(object!, f, op))))
        )
    );
}

function advice(op: DmlOp | 'query', object: string | null): string {
    const target = object ?? 'the object';
    if (op === 'query') {
        const check = object ? `Schema.sObjectType.${object}.isAccessible()` : "the object's isAccessible()";
        return `add WITH USER_MODE, or check ${check} first`;
    }
    const checks = REQUIRED[op][0].map((o) => CHECK_NAME[o]).join(' and ');
    return `use \`${op} as user\` / AccessLevel.USER_MODE, Security.stripInaccessible, or check ${checks} on ${target} first`;
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An operation no guard in its own method covers. */
type Unguarded = {
    unit: MethodUnit;
    span: Span;
    label: string;
    need: Need;
    message: string;
    /** The parameter whose records a DML writes unchanged, or -1. */
    passedParam: number;
};

export const rule: RuleDefinition = {
    id: 'crud-fls-bypass',
    title: 'CRUD/FLS not enforced',
    severity: 'high',
    category: 'component',
    summary: 'SOQL, SOSL or DML runs in system mode without a CRUD/FLS check for that operation on that object.',
    description:
        'Apex runs in system mode: unless a query or DML statement runs in user mode, strips inaccessible fields, or is dominated by a describe check for the same operation on the same object (made in place, by a helper in any class, or by every caller), it reads or writes data the user may not see. The check is per operation and per field: an isCreateable() check on Account does not clear an update of Contact, and a check of one field does not clear a write of another.',
    tags: ['security', 'access-control', 'external/cwe/cwe-285'],
    precision: 'high',
    run(ctx: RuleContext): void {
        const unguarded: Unguarded[] = [];
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of productionUnits(file)) {
                if (touchesData(unit) && !isInstallHandler(unit)) {
                    const check = (): Unguarded[] => new UnitChecker(ctx, unit).run();
                    unguarded.push(...ctx.project.budget.run(file, `the access checks of ${unit.member}`, check, []));
                }
            }
        }
        new CallerCheck(ctx).report(unguarded);
    }
};

/** The checks of one method unit: DML and queries, with the guards that dominate them. */
class UnitChecker {
    private readonly stripped: Set<string>;
    private readonly found: Unguarded[] = [];

    constructor(
        private readonly ctx: RuleContext,
        private readonly unit: MethodUnit
    ) {
        this.stripped = unitIndex(unit).callNames.has('security.stripinaccessible')
            ? readStrippedVariables(unit)
            : new Set<string>();
    }

    run(): Unguarded[] {
        walkWithGuards(this.unit, {
            statement: (stmt: Stmt, facts) => {
                if (stmt.kind === 'dml') {
                    this.dml(stmt.op, stmt.expr, stmt.mode, stmt.span, stmt.op.toUpperCase(), facts);
                }
            },
            expression: (expr, facts, parent, stmt) => {
                if (expr.kind === 'soql') {
                    const fields = new Set(expr.query.fields.map((f) => f.toLowerCase()));
                    this.query(expr.query.from, expr.query.mode, fields, expr, stmt, parent, facts, 'SOQL query');
                } else if (expr.kind === 'sosl') {
                    const objects = expr.objects.join(', ') || null;
                    this.query(objects, expr.mode, null, expr, stmt, parent, facts, 'SOSL search');
                } else if (expr.kind === 'call') {
                    this.call(expr, stmt, parent, facts);
                }
            }
        });
        return this.found;
    }

    private add(span: Span, label: string, need: Need, message: string, passedParam = -1): void {
        this.found.push({ unit: this.unit, span, label, need, message, passedParam });
    }

    private report(span: Span, message: string): void {
        this.ctx.reportApex({ unit: this.unit, file: this.unit.file, span, message });
    }

    dml(op: DmlOp, target: Expr, mode: 'user' | 'system' | null, span: Span, label: string, facts: Facts): void {
        if (mode === 'user') {
            return;
        }
        const object = objectOf(this.unit, target);
        if (mode === 'system') {
            this.report(
                span,
                `${label} runs explicitly in system mode on ${object ?? 'records'}: no CRUD/FLS enforcement. Justify it with a warden:ignore comment or ${advice(op, object)}.`
            );
            return;
        }
        if (
            exemptObject(object, customSettingsOf(this.ctx.project)) ||
            strippedFor(this.unit, target, op, span.start)
        ) {
            return;
        }
        const need: Need = {
            op,
            object,
            aliases: aliasesOf(this.unit, target),
            fields: writtenFields(this.unit, target)
        };
        if (covered(facts, need)) {
            return;
        }
        const message = `${label} of ${object ?? 'records of unknown type'} without CRUD/FLS enforcement: ${advice(op, object)}.`;
        this.add(span, label, need, message, wholeParameter(this.unit, target));
    }

    query(
        object: string | null,
        mode: string | null,
        fields: Set<string> | null,
        expr: Expr,
        stmt: Stmt,
        parent: Expr | null,
        facts: Facts,
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
        if (exemptObject(object, customSettingsOf(this.ctx.project))) {
            return;
        }
        if (parent && stripAccessType(parent) === 'accesstype.readable') {
            return;
        }
        const variable = storedInto(stmt, expr);
        if (variable && this.stripped.has(variable)) {
            return;
        }
        const simpleFields = fields && [...fields].every((f) => !f.includes('.') && !f.includes('('));
        const need: Need = {
            op: 'query',
            object,
            aliases: [],
            fields: simpleFields ? new Set([...fields!].filter((f) => f !== 'id')) : null
        };
        if (object && covered(facts, need)) {
            return;
        }
        const message = `${label} on ${object ?? 'an unknown object'} without CRUD/FLS enforcement: ${advice('query', object)}.`;
        this.add(expr.span, label, need, message);
    }

    /** Database.insert(...) and the other DML methods, and dynamic queries (Database.query ...). */
    call(call: CallExpr, stmt: Stmt, parent: Expr | null, facts: Facts): void {
        const name = callName(call);
        const op = DATABASE_DML[name];
        if (op && call.args[0]) {
            const mode = accessLevelArgument(this.unit, call.args.slice(1));
            this.dml(op, call.args[0], mode, call.span, `Database.${call.name}`, facts);
            return;
        }
        if (!DATABASE_QUERIES.has(name)) {
            return;
        }
        const first = call.args[0] ? unwrap(call.args[0]) : null;
        if (first && (first.kind === 'soql' || first.kind === 'sosl')) {
            return; // Database.getQueryLocator([SELECT ...]): the query is checked as itself
        }
        const text = queryText(this.unit, call.args[0], this.ctx.project);
        const mode = accessLevelArgument(this.unit, call.args.slice(1)) ?? text.mode;
        const label = `${call.target ? `${dottedName(call.target)}.` : ''}${call.name}`
            .replace(/^system\./, '')
            .replace(/^database\./, 'Database.')
            .replace(/^search\./, 'Search.');
        this.query(text.object, mode, null, call, stmt, parent, facts, label);
    }
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

/** How deep the check goes up through callers before an operation is reported where it is. */
const MAX_CALLER_DEPTH = 6;

/**
 * The operations no guard in their own method covers, checked against their callers: covered when every
 * caller guards the call, moved to the callers when the records come whole from a parameter.
 */
class CallerCheck {
    private readonly factsAtCalls = new Map<MethodUnit, Map<CallExpr, Facts>>();

    constructor(private readonly ctx: RuleContext) {}

    report(unguarded: Unguarded[]): void {
        for (const op of unguarded) {
            this.ctx.project.budget.run(
                op.unit.file,
                `the callers of ${op.unit.member}`,
                () => this.check(op),
                undefined
            );
        }
    }

    private check(op: Unguarded): void {
        const callers = entryPointKind(op.unit) ? [] : this.ctx.project.graph.callers(op.unit);
        if (callers.length === 0) {
            this.at(op.unit, op.span, op.message);
        } else if (op.passedParam >= 0) {
            this.passedRecords(op, op.unit, op.passedParam, [], 0);
        } else if (!this.guardedByCallers(op.unit, op.need, 0, new Set())) {
            this.at(op.unit, op.span, op.message);
        }
    }

    private at(unit: MethodUnit, span: Span, message: string): void {
        this.ctx.reportApex({ unit, file: unit.file, span, message });
    }

    private facts(unit: MethodUnit, call: CallExpr): Facts {
        let known = this.factsAtCalls.get(unit);
        if (!known) {
            const map = new Map<CallExpr, Facts>();
            walkWithGuards(unit, {
                statement: () => undefined,
                expression: (expr, facts) => {
                    if (expr.kind === 'call') {
                        map.set(expr, facts);
                    }
                }
            });
            known = map;
            this.factsAtCalls.set(unit, known);
        }
        return known.get(call) ?? new Set();
    }

    /** True when every call of `unit` in the project is guarded for `need`, there or further up. */
    private guardedByCallers(unit: MethodUnit, need: Need, depth: number, seen: Set<MethodUnit>): boolean {
        const callers = this.ctx.project.graph.callers(unit);
        if (callers.length === 0 || depth > MAX_CALLER_DEPTH || seen.has(unit) || entryPointKind(unit)) {
            return false;
        }
        seen.add(unit);
        return callers.every(
            ({ unit: caller, call }) =>
                covered(this.facts(caller, call), { ...need, aliases: [] }) ||
                this.guardedByCallers(caller, need, depth + 1, seen)
        );
    }

    /** Records that `unit` writes unchanged from parameter `index`: checked at each call that passes them. */
    private passedRecords(op: Unguarded, unit: MethodUnit, index: number, chain: string[], depth: number): void {
        const here = `${shortName(unit)}(${unit.params[index]?.name ?? ''})`;
        const path = [here, ...chain];
        for (const { unit: caller, call } of this.ctx.project.graph.callers(unit)) {
            const arg = call.args[index];
            if (!arg) {
                continue;
            }
            const need: Need = {
                ...op.need,
                object: objectOf(caller, arg) ?? op.need.object,
                aliases: aliasesOf(caller, arg),
                fields: writtenFields(caller, arg)
            };
            if (covered(this.facts(caller, call), need)) {
                continue;
            }
            const passedOn = wholeParameter(caller, arg);
            const callerCallers = entryPointKind(caller) ? [] : this.ctx.project.graph.callers(caller);
            if (passedOn >= 0 && callerCallers.length > 0 && depth < MAX_CALLER_DEPTH) {
                this.passedRecords(op, caller, passedOn, path, depth + 1);
                continue;
            }
            const object = need.object ?? 'records of unknown type';
            const steps = [`${shortName(caller)}()`, ...path, op.label].join(' -> ');
            this.at(
                caller,
                call.span,
                `${object} records passed here are written by ${op.label} in ${op.unit.member} (line ${op.span.line}) without CRUD/FLS enforcement: ${steps}. ${capitalized(advice(op.need.op, need.object))} before passing them.`
            );
        }
    }
}
