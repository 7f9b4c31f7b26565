/**
 * Intra-class taint tracking over the scanner's Apex tree. Values carry labels (where the data came
 * from); statements are followed in order, branches are joined, loops run twice to settle, and
 * locals are strongly updated. Calls to methods of the same class use summaries (which parameters
 * reach the return value, which reach a sink), computed to a fixpoint, so a PHI field passed to a
 * private helper that builds an HttpRequest is reported at the sink. A policy supplies sources,
 * sanitizers and sinks; PHI exposure and SOQL injection are two policies over this one engine.
 */
import type { CallExpr, Expr, NewExpr, Stmt } from './ast';
import { unitIndex, type MethodUnit } from './model';
import { localCallTargets } from './semantics';
import { alwaysExits, callName, dottedName, unwrap } from './walk';

export type Labels = Set<string>;

const EMPTY: Labels = new Set();

export const PARAM_PREFIX = 'param:';
/** Marks a value whose fields are known exactly (a SOQL result): no whole-record assumption. */
export const PRECISE = '#precise';

export function concrete(labels: Labels): string[] {
    return [...labels].filter((l) => !l.startsWith(PARAM_PREFIX) && !l.startsWith('#'));
}

function union(a: Labels, b: Labels): Labels {
    if (a.size === 0) {
        return b;
    }
    if (b.size === 0) {
        return a;
    }
    const out = new Set(a);
    for (const label of b) {
        out.add(label);
    }
    return out;
}

export type SinkMatch = { kind: string; labels: Labels };

export interface TaintPolicy {
    /** Quick test on a class's units: false when no sink can be reached, so the class is skipped. */
    relevant(units: MethodUnit[]): boolean;
    /** Labels of a parameter when the unit is analysed for reporting (sources such as request input). */
    parameterLabels(unit: MethodUnit, index: number): Labels | null;
    /** Labels of a class field read (e.g. a public controller property), beyond assignments seen. */
    fieldLabels?(unit: MethodUnit, name: string): Labels | null;
    /** Whether a variable declared with this type can hold a tainted value. */
    carries(typeName: string | null): boolean;
    /** Labels of `target.name`, given the taint of the target. */
    fieldRead(unit: MethodUnit, expr: Expr & { kind: 'field' }, targetLabels: Labels): Labels;
    /** Labels a call introduces by itself, or null to use the default propagation. */
    callSource(unit: MethodUnit, call: CallExpr, receiver: Labels, args: Labels[]): Labels | null;
    /** Labels of a SOQL or SOSL expression. */
    querySource(unit: MethodUnit, expr: Expr): Labels;
    /** Binary operators whose result carries the operands' labels. */
    propagatesBinary(op: string): boolean;
    /** Sinks hit by a call or `new` with these argument labels. */
    sinks(unit: MethodUnit, expr: CallExpr | NewExpr, receiver: Labels, args: Labels[]): SinkMatch[];
}

export type SinkHit = {
    unit: MethodUnit;
    expr: CallExpr | NewExpr;
    kind: string;
    labels: Set<string>;
    /** Call sites (in other methods of the class) through which the data arrived. */
    via: Array<{ unit: MethodUnit; call: CallExpr }>;
};

type Summary = {
    /** Parameter indexes whose labels reach the return value, and concrete labels it always carries. */
    returns: Labels;
    /** Parameter index → sinks it reaches inside the method (or deeper). */
    paramSinks: Map<number, Array<{ unit: MethodUnit; expr: CallExpr | NewExpr; kind: string }>>;
};

const MUTATORS = /^(add|addall|put|putall|set|write\w*|append|push)$/i;
const CLEAN_RESULTS = new Set([
    'isblank',
    'isnotblank',
    'isempty',
    'isnotempty',
    'contains',
    'containsignorecase',
    'containskey',
    'containsall',
    'containsany',
    'equals',
    'equalsignorecase',
    'startswith',
    'endswith',
    'size',
    'length',
    'indexof',
    'lastindexof',
    'compareto',
    'hashcode',
    'isaccessible',
    'iscreateable',
    'isupdateable',
    'isdeletable',
    'issuccess',
    'getstatuscode',
    'getsobjecttype',
    'getdescribe',
    'isnumeric',
    'isalpha',
    'isalphanumeric',
    'matches',
    'find'
]);

type State = Map<string, Labels>;

function cloneState(state: State): State {
    return new Map(state);
}

function joinStates(a: State, b: State): State {
    const out = new Map(a);
    for (const [key, labels] of b) {
        out.set(key, union(out.get(key) ?? EMPTY, labels));
    }
    return out;
}

function sameLabels(a: Labels, b: Labels): boolean {
    if (a.size !== b.size) {
        return false;
    }
    for (const label of a) {
        if (!b.has(label)) {
            return false;
        }
    }
    return true;
}

/** Runs one policy over all the code units of one class (or trigger, or anonymous block). */
export class TaintAnalysis {
    private readonly summaries = new Map<MethodUnit, Summary>();
    private readonly classFields = new Map<string, Labels>();
    private readonly hits = new Map<string, SinkHit>();
    private reporting = false;
    private current: { unit: MethodUnit; summary: Summary; returns: Labels } | null = null;

    constructor(
        private readonly units: MethodUnit[],
        private readonly policy: TaintPolicy
    ) {}

    run(): SinkHit[] {
        for (const unit of this.units) {
            this.summaries.set(unit, { returns: EMPTY, paramSinks: new Map() });
        }
        // Only methods called from within the class need summaries.
        const called = new Set<MethodUnit>();
        for (const unit of this.units) {
            for (const call of unitIndex(unit).calls) {
                for (const target of localCallTargets(unit, call)) {
                    called.add(target);
                }
            }
        }
        const summarised = this.units.filter((u) => called.has(u));
        // Summaries to a fixpoint (bounded: classes rarely need more than two rounds).
        for (let round = 0; round < 4 && summarised.length > 0; round += 1) {
            let changed = false;
            for (const unit of summarised) {
                const before = this.summaries.get(unit)!;
                const after = this.analyse(unit, false);
                if (!sameLabels(before.returns, after.returns) || before.paramSinks.size !== after.paramSinks.size) {
                    changed = true;
                }
                this.summaries.set(unit, after);
            }
            if (!changed && round > 0) {
                break;
            }
        }
        this.reporting = true;
        for (const unit of this.units) {
            this.analyse(unit, true);
        }
        return [...this.hits.values()];
    }

    private analyse(unit: MethodUnit, reporting: boolean): Summary {
        const summary: Summary = { returns: EMPTY, paramSinks: new Map() };
        this.current = { unit, summary, returns: EMPTY };
        const state: State = new Map();
        unit.params.forEach((param, index) => {
            let labels: Labels = new Set([`${PARAM_PREFIX}${index}`]);
            if (reporting) {
                const extra = this.policy.parameterLabels(unit, index);
                if (extra) {
                    labels = union(labels, extra);
                }
            }
            if (this.policy.carries(param.typeName)) {
                state.set(param.name.toLowerCase(), labels);
            }
        });
        this.block(unit.body, state);
        summary.returns = this.current.returns;
        this.current = null;
        return summary;
    }

    // ------------------------------------------------------------ statements

    private block(body: Stmt[], state: State): State {
        let current = state;
        for (const stmt of body) {
            current = this.statement(stmt, current);
        }
        return current;
    }

    private statement(stmt: Stmt, state: State): State {
        switch (stmt.kind) {
            case 'block':
                return this.block(stmt.body, state);
            case 'local':
                for (const declarator of stmt.declarators) {
                    const labels = declarator.init ? this.expr(declarator.init, state) : EMPTY;
                    state.set(declarator.name.toLowerCase(), this.policy.carries(stmt.typeName) ? labels : EMPTY);
                }
                return state;
            case 'expr':
                this.expr(stmt.expr, state);
                return state;
            case 'if': {
                this.expr(stmt.test, state);
                const thenState = this.statement(stmt.then, cloneState(state));
                const elseState = stmt.otherwise ? this.statement(stmt.otherwise, cloneState(state)) : state;
                if (alwaysExits(stmt.then)) {
                    return elseState;
                }
                if (stmt.otherwise && alwaysExits(stmt.otherwise)) {
                    return thenState;
                }
                return joinStates(thenState, elseState);
            }
            case 'for': {
                if (Array.isArray(stmt.init)) {
                    stmt.init.forEach((e) => this.expr(e, state));
                } else if (stmt.init) {
                    this.statement(stmt.init, state);
                }
                return this.loop(state, (s) => {
                    if (stmt.test) {
                        this.expr(stmt.test, s);
                    }
                    const after = stmt.body ? this.statement(stmt.body, s) : s;
                    stmt.update.forEach((e) => this.expr(e, after));
                    return after;
                });
            }
            case 'foreach': {
                const labels = this.expr(stmt.iterable, state);
                return this.loop(state, (s) => {
                    s.set(stmt.variable.toLowerCase(), this.policy.carries(stmt.typeName) ? labels : EMPTY);
                    return stmt.body ? this.statement(stmt.body, s) : s;
                });
            }
            case 'while':
                return this.loop(state, (s) => {
                    this.expr(stmt.test, s);
                    return stmt.body ? this.statement(stmt.body, s) : s;
                });
            case 'dowhile':
                return this.loop(state, (s) => {
                    const after = this.statement(stmt.body, s);
                    this.expr(stmt.test, after);
                    return after;
                });
            case 'try': {
                const afterBody = this.statement(stmt.body, cloneState(state));
                let joined = joinStates(state, afterBody);
                for (const clause of stmt.catches) {
                    const caught = cloneState(joinStates(state, afterBody));
                    caught.set(clause.variable.toLowerCase(), EMPTY);
                    joined = joinStates(joined, this.statement(clause.body, caught));
                }
                return stmt.finallyBlock ? this.statement(stmt.finallyBlock, joined) : joined;
            }
            case 'return':
                if (stmt.expr && this.current) {
                    this.current.returns = union(this.current.returns, this.expr(stmt.expr, state));
                }
                return state;
            case 'throw':
                this.expr(stmt.expr, state);
                return state;
            case 'dml':
                this.expr(stmt.expr, state);
                if (stmt.second) {
                    this.expr(stmt.second, state);
                }
                return state;
            case 'switch': {
                this.expr(stmt.expr, state);
                let joined = state;
                for (const when of stmt.whens) {
                    joined = joinStates(joined, this.statement(when.body, cloneState(state)));
                }
                return joined;
            }
            case 'runas':
                stmt.args.forEach((a) => this.expr(a, state));
                return this.statement(stmt.body, state);
            default:
                return state;
        }
    }

    private loop(state: State, body: (s: State) => State): State {
        const first = body(cloneState(state));
        const second = body(joinStates(state, first));
        return joinStates(state, second);
    }

    // ------------------------------------------------------------ expressions

    private readName(name: string, state: State): Labels {
        const key = name.toLowerCase();
        const local = state.get(key);
        if (local) {
            return local;
        }
        const unit = this.current?.unit;
        if (unit && !unit.locals.has(key)) {
            let labels = this.classFields.get(key) ?? EMPTY;
            const extra = this.reporting ? this.policy.fieldLabels?.(unit, name) : null;
            if (extra) {
                labels = union(labels, extra);
            }
            return labels;
        }
        return EMPTY;
    }

    private write(target: Expr, labels: Labels, op: string, state: State): void {
        const value = unwrap(target);
        const unit = this.current?.unit;
        if (value.kind === 'name') {
            const key = value.name.toLowerCase();
            if (unit && !unit.locals.has(key)) {
                this.writeClassField(key, labels);
                return;
            }
            const declared = unit?.locals.get(key) ?? null;
            const carried = this.policy.carries(declared) ? labels : EMPTY;
            state.set(key, op === '=' ? carried : union(state.get(key) ?? EMPTY, carried));
            return;
        }
        if (value.kind === 'field') {
            if (value.target.kind === 'this') {
                this.writeClassField(value.name.toLowerCase(), labels);
                return;
            }
            const base = dottedName(value.target);
            if (base && !base.includes('.')) {
                state.set(`${base}.${value.name.toLowerCase()}`, labels);
                state.set(base, union(state.get(base) ?? EMPTY, labels));
            }
            return;
        }
        if (value.kind === 'index') {
            const base = dottedName(value.target);
            if (base && !base.includes('.')) {
                state.set(base, union(state.get(base) ?? EMPTY, labels));
            }
        }
    }

    private writeClassField(key: string, labels: Labels): void {
        const kept = [...labels].filter((l) => !l.startsWith(PARAM_PREFIX));
        if (kept.length === 0) {
            return;
        }
        this.classFields.set(key, union(this.classFields.get(key) ?? EMPTY, new Set(kept)));
    }

    expr(expr: Expr, state: State): Labels {
        switch (expr.kind) {
            case 'literal':
            case 'classref':
            case 'this':
            case 'super':
            case 'instanceof':
                if (expr.kind === 'instanceof') {
                    this.expr(expr.expr, state);
                }
                return EMPTY;
            case 'name':
                return this.readName(expr.name, state);
            case 'field': {
                const dotted = dottedName(expr);
                const own = dotted && !dotted.includes('.', dotted.indexOf('.') + 1) ? state.get(dotted) : undefined;
                const target =
                    expr.target.kind === 'this' ? this.readName(expr.name, state) : this.expr(expr.target, state);
                const read = this.policy.fieldRead(this.current!.unit, expr, target);
                return own ? union(read, own) : read;
            }
            case 'call':
                return this.call(expr, state);
            case 'new': {
                const args = expr.args.map((a) => this.expr(a, state));
                let labels: Labels = EMPTY;
                for (const arg of args) {
                    labels = union(labels, arg);
                }
                for (const element of expr.elements) {
                    labels = union(labels, this.expr(element, state));
                }
                for (const [key, value] of expr.pairs) {
                    labels = union(labels, union(this.expr(key, state), this.expr(value, state)));
                }
                this.checkSinks(expr, EMPTY, args);
                return labels;
            }
            case 'soql':
                for (const bind of expr.query.binds) {
                    this.expr(bind, state);
                }
                return this.policy.querySource(this.current!.unit, expr);
            case 'sosl':
                for (const bind of expr.binds) {
                    this.expr(bind, state);
                }
                return this.policy.querySource(this.current!.unit, expr);
            case 'binary': {
                const left = this.expr(expr.left, state);
                const right = this.expr(expr.right, state);
                return this.policy.propagatesBinary(expr.op) ? union(left, right) : EMPTY;
            }
            case 'assign': {
                let labels = this.expr(expr.value, state);
                if (expr.op !== '=') {
                    labels = union(labels, this.expr(expr.target, state));
                } else if (expr.target.kind !== 'name') {
                    // evaluate receivers of field/index targets for their own sinks and sources
                    if (expr.target.kind === 'index') {
                        this.expr(expr.target.index, state);
                    }
                }
                this.write(expr.target, labels, expr.op, state);
                return labels;
            }
            case 'unary': {
                const labels = this.expr(expr.operand, state);
                if (expr.op === '++' || expr.op === '--') {
                    return labels;
                }
                return expr.op === '!' ? EMPTY : labels;
            }
            case 'conditional':
                this.expr(expr.test, state);
                return union(this.expr(expr.whenTrue, state), this.expr(expr.whenFalse, state));
            case 'cast':
                return this.expr(expr.expr, state);
            case 'index':
                this.expr(expr.index, state);
                return this.expr(expr.target, state);
            default:
                return EMPTY;
        }
    }

    private call(call: CallExpr, state: State): Labels {
        const unit = this.current!.unit;
        const receiver = call.target ? this.expr(call.target, state) : EMPTY;
        const args = call.args.map((a) => this.expr(a, state));
        this.checkSinks(call, receiver, args);

        const name = call.name.toLowerCase();
        const targets = localCallTargets(unit, call);
        if (targets.length > 0) {
            let labels: Labels = EMPTY;
            for (const target of targets) {
                labels = union(labels, this.applySummary(target, call, args));
            }
            return labels;
        }
        const own = this.policy.callSource(unit, call, receiver, args);
        if (own) {
            return own;
        }
        if (call.target && MUTATORS.test(name)) {
            const base = unwrap(call.target);
            let added: Labels = EMPTY;
            for (const arg of args) {
                added = union(added, arg);
            }
            if (added.size > 0) {
                if (base.kind === 'name') {
                    this.write(base, added, '+=', state);
                } else if (base.kind === 'field') {
                    this.write(base, union(receiver, added), '=', state);
                }
            }
            return name.startsWith('write') || name === 'append' ? union(receiver, added) : EMPTY;
        }
        if (CLEAN_RESULTS.has(name)) {
            return EMPTY;
        }
        let labels = receiver;
        for (const arg of args) {
            labels = union(labels, arg);
        }
        return labels;
    }

    private applySummary(target: MethodUnit, call: CallExpr, args: Labels[]): Labels {
        const summary = this.summaries.get(target);
        if (!summary) {
            return EMPTY;
        }
        let labels: Labels = EMPTY;
        for (const label of summary.returns) {
            if (label.startsWith(PARAM_PREFIX)) {
                const index = Number(label.slice(PARAM_PREFIX.length));
                labels = union(labels, args[index] ?? EMPTY);
            } else {
                labels = union(labels, new Set([label]));
            }
        }
        for (const [index, sinks] of summary.paramSinks) {
            const arg = args[index];
            if (!arg || arg.size === 0) {
                continue;
            }
            for (const sink of sinks) {
                this.recordHit(sink.unit, sink.expr, sink.kind, arg, { unit: this.current!.unit, call });
            }
        }
        return labels;
    }

    private checkSinks(expr: CallExpr | NewExpr, receiver: Labels, args: Labels[]): void {
        const unit = this.current!.unit;
        for (const match of this.policy.sinks(unit, expr, receiver, args)) {
            if (match.labels.size > 0) {
                this.recordHit(unit, expr, match.kind, match.labels, null);
            }
        }
    }

    private recordHit(
        unit: MethodUnit,
        expr: CallExpr | NewExpr,
        kind: string,
        labels: Labels,
        via: { unit: MethodUnit; call: CallExpr } | null
    ): void {
        const current = this.current!;
        for (const label of labels) {
            if (label.startsWith(PARAM_PREFIX)) {
                const index = Number(label.slice(PARAM_PREFIX.length));
                const list = current.summary.paramSinks.get(index) ?? [];
                if (!list.some((s) => s.expr === expr && s.kind === kind)) {
                    list.push({ unit, expr, kind });
                }
                current.summary.paramSinks.set(index, list);
            }
        }
        if (!this.reporting) {
            return;
        }
        const sources = concrete(labels);
        if (sources.length === 0) {
            return;
        }
        const key = `${unit.file.path}:${expr.span.start}:${kind}`;
        const existing = this.hits.get(key);
        if (existing) {
            sources.forEach((s) => existing.labels.add(s));
            if (via && !existing.via.some((v) => v.call === via.call)) {
                existing.via.push(via);
            }
            return;
        }
        this.hits.set(key, { unit, expr, kind, labels: new Set(sources), via: via ? [via] : [] });
    }
}

/** Groups a file's units by the class (or trigger/script) they belong to: the scope of one analysis. */
export function unitsByOwner(units: MethodUnit[]): MethodUnit[][] {
    const groups = new Map<unknown, MethodUnit[]>();
    for (const unit of units) {
        const key = unit.owner ?? unit.file;
        const list = groups.get(key);
        if (list) {
            list.push(unit);
        } else {
            groups.set(key, [unit]);
        }
    }
    return [...groups.values()];
}

export { callName };
