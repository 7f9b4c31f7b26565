/**
 * The intraprocedural half of the taint engine (taint.ts): how labels move through one method's
 * statements and expressions. Branches are analysed on copies of the state and joined; a branch that
 * always exits leaves the state of the other; a condition that validates a value (an allowlist check,
 * policy `validated`) cleans it where it holds; loops run twice so that what one iteration stores the
 * next one reads, but only the three outermost loops do, so that nesting costs at most eight passes
 * over a body instead of doubling with every level.
 */
import type { CallExpr, Expr, NewExpr, Stmt } from './ast';
import type { MethodUnit } from './model';
import { tick } from '../budget';
import type { Labels, TaintPolicy } from './taint';
import { alwaysExits, dottedName, unwrap } from './walk';

export type State = Map<string, Labels>;

const NONE: Labels = new Set();

/** Loops nested deeper than this are analysed in one pass. */
const DOUBLE_PASS_LOOPS = 3;

const MUTATORS = /^(add|addall|put|putall|set|write\w*|append|push)$/i;

/** Calls whose result is a fact about the value, not the value: they carry nothing. */
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

function cloneState(state: State): State {
    return new Map(state);
}

function merge(a: Labels, b: Labels): Labels {
    if (a.size === 0) {
        return b;
    }
    if (b.size === 0 || a === b) {
        return a;
    }
    const out = new Set(a);
    for (const label of b) {
        out.add(label);
    }
    return out;
}

export function joinStates(a: State, b: State): State {
    if (a === b) {
        return a;
    }
    const out = new Map(a);
    for (const [key, labels] of b) {
        out.set(key, merge(out.get(key) ?? NONE, labels));
    }
    return out;
}

export abstract class TaintStatements {
    private loops = 0;
    protected abstract readonly unit: MethodUnit;

    constructor(readonly policy: TaintPolicy) {}

    protected abstract onReturn(labels: Labels): void;
    protected abstract readName(name: string, state: State): Labels;
    protected abstract writeClassField(key: string, labels: Labels): void;
    protected abstract call(call: CallExpr, state: State): Labels;
    protected abstract checkSinks(expr: CallExpr | NewExpr, receiver: Labels, args: Labels[]): void;
    /** A project class constructed with these argument labels (its constructor may keep them in fields). */
    protected abstract constructed(expr: NewExpr, args: Labels[]): void;

    // ------------------------------------------------------------ statements

    protected block(body: Stmt[], state: State): State {
        let current = state;
        for (const stmt of body) {
            current = this.statement(stmt, current);
        }
        return current;
    }

    protected statement(stmt: Stmt, state: State): State {
        tick();
        switch (stmt.kind) {
            case 'block':
                return this.block(stmt.body, state);
            case 'local':
                for (const declarator of stmt.declarators) {
                    const labels = declarator.init ? this.expr(declarator.init, state) : NONE;
                    state.set(declarator.name.toLowerCase(), this.policy.carries(stmt.typeName) ? labels : NONE);
                }
                return state;
            case 'expr':
                this.expr(stmt.expr, state);
                return state;
            case 'if':
                return this.ifStatement(stmt, state);
            case 'for':
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
            case 'foreach': {
                const labels = this.expr(stmt.iterable, state);
                return this.loop(state, (s) => {
                    s.set(stmt.variable.toLowerCase(), this.policy.carries(stmt.typeName) ? labels : NONE);
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
            case 'try':
                return this.tryStatement(stmt, state);
            case 'return':
                if (stmt.expr) {
                    this.onReturn(this.expr(stmt.expr, state));
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

    private ifStatement(stmt: Extract<Stmt, { kind: 'if' }>, state: State): State {
        this.expr(stmt.test, state);
        const thenState = this.statement(stmt.then, this.cleaned(cloneState(state), stmt.test, true));
        const elseEntry = this.cleaned(cloneState(state), stmt.test, false);
        const elseState = stmt.otherwise ? this.statement(stmt.otherwise, elseEntry) : elseEntry;
        if (alwaysExits(stmt.then)) {
            return elseState;
        }
        if (stmt.otherwise && alwaysExits(stmt.otherwise)) {
            return thenState;
        }
        return joinStates(thenState, elseState);
    }

    /** The state with the locals the condition validates (when it has `outcome`) cleaned. */
    private cleaned(state: State, test: Expr, outcome: boolean): State {
        const names = this.policy.validated?.(this.unit, test, outcome) ?? [];
        for (const name of names) {
            state.set(name, NONE);
        }
        return state;
    }

    private tryStatement(stmt: Extract<Stmt, { kind: 'try' }>, state: State): State {
        const afterBody = this.statement(stmt.body, cloneState(state));
        let joined = joinStates(state, afterBody);
        for (const clause of stmt.catches) {
            const caught = cloneState(joinStates(state, afterBody));
            caught.set(clause.variable.toLowerCase(), NONE);
            joined = joinStates(joined, this.statement(clause.body, caught));
        }
        return stmt.finallyBlock ? this.statement(stmt.finallyBlock, joined) : joined;
    }

    private loop(state: State, body: (s: State) => State): State {
        this.loops += 1;
        try {
            const first = body(cloneState(state));
            if (this.loops > DOUBLE_PASS_LOOPS) {
                return joinStates(state, first);
            }
            const second = body(joinStates(state, first));
            return joinStates(state, second);
        } finally {
            this.loops -= 1;
        }
    }

    // ------------------------------------------------------------ expressions

    protected write(target: Expr, labels: Labels, op: string, state: State): void {
        const value = unwrap(target);
        if (value.kind === 'name') {
            const key = value.name.toLowerCase();
            if (!this.unit.locals.has(key)) {
                this.writeClassField(key, labels);
                return;
            }
            const declared = this.unit.locals.get(key) ?? null;
            const carried = this.policy.carries(declared) ? labels : NONE;
            state.set(key, op === '=' ? carried : merge(state.get(key) ?? NONE, carried));
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
                state.set(base, merge(state.get(base) ?? NONE, labels));
            }
            return;
        }
        if (value.kind === 'index') {
            const base = dottedName(value.target);
            if (base && !base.includes('.')) {
                state.set(base, merge(state.get(base) ?? NONE, labels));
            }
        }
    }

    expr(expr: Expr, state: State): Labels {
        switch (expr.kind) {
            case 'literal':
            case 'classref':
            case 'this':
            case 'super':
                return NONE;
            case 'instanceof':
                this.expr(expr.expr, state);
                return NONE;
            case 'name':
                return this.readName(expr.name, state);
            case 'field':
                return this.field(expr, state);
            case 'call':
                return this.call(expr, state);
            case 'new':
                return this.construct(expr, state);
            case 'soql':
                for (const bind of expr.query.binds) {
                    this.expr(bind, state);
                }
                return this.policy.querySource(this.unit, expr);
            case 'sosl':
                for (const bind of expr.binds) {
                    this.expr(bind, state);
                }
                return this.policy.querySource(this.unit, expr);
            case 'binary': {
                const left = this.expr(expr.left, state);
                const right = this.expr(expr.right, state);
                return this.policy.propagatesBinary(expr.op) ? merge(left, right) : NONE;
            }
            case 'assign': {
                let labels = this.expr(expr.value, state);
                if (expr.op !== '=') {
                    labels = merge(labels, this.expr(expr.target, state));
                } else if (expr.target.kind === 'index') {
                    this.expr(expr.target.index, state);
                }
                this.write(expr.target, labels, expr.op, state);
                return labels;
            }
            case 'unary': {
                const labels = this.expr(expr.operand, state);
                return expr.op === '!' ? NONE : labels;
            }
            case 'conditional':
                this.expr(expr.test, state);
                return merge(this.expr(expr.whenTrue, state), this.expr(expr.whenFalse, state));
            case 'cast':
                return this.expr(expr.expr, state);
            case 'index':
                this.expr(expr.index, state);
                return this.expr(expr.target, state);
            default:
                return NONE;
        }
    }

    private field(expr: Expr & { kind: 'field' }, state: State): Labels {
        const dotted = dottedName(expr);
        const own = dotted && !dotted.includes('.', dotted.indexOf('.') + 1) ? state.get(dotted) : undefined;
        const target = expr.target.kind === 'this' ? this.readName(expr.name, state) : this.expr(expr.target, state);
        const read = this.policy.fieldRead(this.unit, expr, target);
        return own ? merge(read, own) : read;
    }

    private construct(expr: NewExpr, state: State): Labels {
        // `new Account(Name = x)` names a field of the new record, not a variable: only its value counts.
        const args = expr.args.map((a) =>
            a.kind === 'assign' && a.target.kind === 'name' ? this.expr(a.value, state) : this.expr(a, state)
        );
        let labels: Labels = NONE;
        for (const arg of args) {
            labels = merge(labels, arg);
        }
        for (const element of expr.elements) {
            labels = merge(labels, this.expr(element, state));
        }
        for (const [key, value] of expr.pairs) {
            labels = merge(labels, merge(this.expr(key, state), this.expr(value, state)));
        }
        this.checkSinks(expr, NONE, args);
        this.constructed(expr, args);
        return labels;
    }

    /** A call to code we cannot see: mutators store their arguments, questions return nothing, others all. */
    protected defaultCall(call: CallExpr, receiver: Labels, args: Labels[], state: State): Labels {
        const name = call.name.toLowerCase();
        if (call.target && MUTATORS.test(name)) {
            const base = unwrap(call.target);
            let added: Labels = NONE;
            for (const arg of args) {
                added = merge(added, arg);
            }
            if (added.size > 0) {
                if (base.kind === 'name') {
                    this.write(base, added, '+=', state);
                } else if (base.kind === 'field') {
                    this.write(base, merge(receiver, added), '=', state);
                }
            }
            return name.startsWith('write') || name === 'append' ? merge(receiver, added) : NONE;
        }
        if (CLEAN_RESULTS.has(name)) {
            return NONE;
        }
        let labels = receiver;
        for (const arg of args) {
            labels = merge(labels, arg);
        }
        return labels;
    }
}
