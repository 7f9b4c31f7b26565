/**
 * Taint tracking over the scanner's Apex tree, across methods and classes. Values carry labels (where
 * the data came from); statements are followed in order, branches are joined, loops run twice to
 * settle (once only below three nested loops, so nesting cannot make the work explode), locals are
 * strongly updated, and class fields keep what any method of the class stores in them.
 *
 * Calls to project methods (callgraph.ts) use a summary of the callee, computed once per method and
 * independent of its callers: which parameters reach its return value, which reach a sink (and through
 * which calls), and which labels it returns by itself. A caller applies the summary to the labels of its
 * arguments, so input is followed through any number of calls without re-analysing a method per path.
 * Only methods from which a sink can be reached are analysed for reports, found by walking the call
 * graph back from the methods that hold a sink.
 *
 * A policy supplies sources, sanitizers and sinks; PHI exposure (phi-policy.ts) and SOQL injection
 * (injection-policy.ts) are two policies over this engine. With `reportAtCaller`, a sink whose input is
 * a whole parameter, passed through unchanged (a query service running the string it is given), is
 * reported at the call that feeds it input, not inside.
 */
import type { CallExpr, Expr, NewExpr } from './ast';
import type { Budget } from '../budget';
import { callTargets, graphOf } from './callgraph';
import { methodsNamed, unitIndex, type ApexFile, type MethodUnit } from './model';
import { assignmentsOf, singleAssignment } from './semantics';
import { TaintStatements, type State } from './taint-statements';
import { unwrap } from './walk';

export type Labels = Set<string>;

export const EMPTY: Labels = new Set();

export const PARAM_PREFIX = 'param:';
/** Marks a value whose fields are known exactly (a SOQL result): no whole-record assumption. */
export const PRECISE = '#precise';
/** Separates a source label's description from the head of its path (`...\u0001Class.method(p)`). */
export const HEAD = '\u0001';

/** The labels that name real sources (not parameters of the method analysed, not markers). */
export function concrete(labels: Labels): string[] {
    return [...labels].filter((l) => !l.startsWith(PARAM_PREFIX) && !l.startsWith('#'));
}

export function union(a: Labels, b: Labels): Labels {
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

/** A sink a call or construction hits: its kind, the labels reaching it and the argument they come in. */
export type SinkMatch = { kind: string; labels: Labels; arg?: Expr };

export interface TaintPolicy {
    /** True when the unit itself calls a sink with something other than constants (a cheap syntactic test). */
    hasSink(unit: MethodUnit): boolean;
    /** Whether a unit that can reach a sink is analysed for reports (e.g. its file mentions PHI at all). */
    mayReport(unit: MethodUnit): boolean;
    /** Report a sink fed a whole parameter at the callers that pass input (see the file comment). */
    readonly reportAtCaller: boolean;
    /** Labels of a parameter when the unit is analysed for reports (sources such as request input). */
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
    /** Local names a condition proves clean when it is true (or false): `allowed.contains(x)`. */
    validated?(unit: MethodUnit, test: Expr, outcome: boolean): string[];
}

type Site = { unit: MethodUnit; expr: CallExpr | NewExpr };

export type SinkHit = {
    /** Where the finding is reported: the sink, or the call that feeds a pass-through method. */
    unit: MethodUnit;
    expr: CallExpr | NewExpr;
    kind: string;
    /** Concrete source labels. */
    labels: Set<string>;
    /** The sink itself. */
    sink: Site;
    /** From the source to the sink: `OrderController.search(filter)`, `QueryService.run(soql)`, `Database.query`. */
    path: string[];
    /** How many different call paths lead here (the first is in `path`). */
    paths: number;
    /** Call sites through which the data arrived, in the method the report is about. */
    via: Array<{ unit: MethodUnit; call: CallExpr }>;
};

/** A sink reachable from a parameter of a method, and where a report about it belongs. */
type SinkRef = {
    sink: Site;
    kind: string;
    sinkName: string;
    /** Methods from the summarised one down to the sink, each with the parameter the data enters by. */
    chain: string[];
    /** Where to report; null while the data is still a whole parameter passed through unchanged. */
    at: Site | null;
};

export type Summary = {
    /** Parameter labels reaching the return value, and concrete labels it always carries. */
    returns: Labels;
    paramSinks: Map<number, SinkRef[]>;
    /** Class fields (lower case) a parameter's value is stored in: a constructor keeping its arguments. */
    fieldWrites: Map<string, Set<number>>;
};

type Mode = 'summary' | 'fields' | 'report';

/** How deep summaries may be computed through nested calls before a call is taken as unknown. */
const MAX_SUMMARY_DEPTH = 24;

/** `Class.method`, or the trigger or script name, for paths in messages. */
export function shortName(unit: MethodUnit): string {
    if (unit.owner) {
        return `${unit.owner.qualifiedName}.${unit.name}`;
    }
    return unit.kind === 'trigger' ? `trigger ${unit.name}` : unit.file.componentName;
}

function display(unit: MethodUnit, param: number | null): string {
    const name = param === null ? '' : (unit.params[param]?.name ?? '');
    return unit.kind === 'trigger' ? shortName(unit) : `${shortName(unit)}(${name})`;
}

function sinkNameOf(expr: CallExpr | NewExpr): string {
    if (expr.kind === 'new') {
        return `new ${expr.typeName}`;
    }
    const target = expr.target ? dottedNameAsWritten(expr.target) : null;
    return target ? `${target}.${expr.name}` : expr.name;
}

function dottedNameAsWritten(expr: Expr): string | null {
    const value = unwrap(expr);
    if (value.kind === 'name') {
        return value.name;
    }
    if (value.kind === 'field') {
        const target = dottedNameAsWritten(value.target);
        return target === null ? null : `${target}.${value.name}`;
    }
    return null;
}

/** The parameter index `expr` is, unchanged (directly or through locals given it once), or -1. */
export function wholeParameter(unit: MethodUnit, expr: Expr, depth = 0): number {
    const value = unwrap(expr);
    if (value.kind !== 'name' || depth > 4) {
        return -1;
    }
    const key = value.name.toLowerCase();
    const index = unit.params.findIndex((p) => p.name.toLowerCase() === key);
    if (index !== -1) {
        return assignmentsOf(unit).has(key) ? -1 : index;
    }
    const single = unit.locals.has(key) && !assignmentsOf(unit).has(`${key}+`) ? singleAssignment(unit, key) : null;
    return single ? wholeParameter(unit, single, depth + 1) : -1;
}

/** The project analysis of one policy: summaries on demand, reports from the methods that reach a sink. */
export class TaintEngine {
    private readonly summaries = new Map<MethodUnit, Summary | 'pending'>();
    private readonly classFields = new Map<unknown, Map<string, Labels>>();
    private readonly fieldsDone = new Set<unknown>();
    private readonly hits = new Map<string, SinkHit>();
    /** Classes whose fields callers filled through their constructors during the report pass. */
    private readonly fedFromOutside = new Set<unknown>();
    private depth = 0;

    constructor(
        private readonly files: readonly ApexFile[],
        readonly policy: TaintPolicy,
        private readonly budget: Budget
    ) {}

    run(): SinkHit[] {
        const units = this.files.flatMap((file) => (file.isTest ? [] : file.units.filter((u) => !u.isTest)));
        const reaching = this.reachingSinks(units);
        const reported = units.filter((unit) => reaching.has(unit) && this.policy.mayReport(unit));
        this.report(reported);
        // Once more for the classes whose fields callers filled through their constructors.
        const fed = reported.filter((unit) => this.fedFromOutside.has(this.ownerKey(unit)));
        this.fedFromOutside.clear();
        this.report(fed);
        return [...this.hits.values()];
    }

    private report(units: MethodUnit[]): void {
        for (const unit of units) {
            const work = (): void => {
                this.ensureFields(unit);
                this.analyse(unit, 'report');
            };
            this.budget.run(unit.file, `the data flow of ${unit.member}`, work, undefined);
        }
    }

    /**
     * The units that hold a sink, every unit that calls one of them, directly or not, and every unit that
     * constructs a class holding one (a constructor may keep its arguments for the sink), and their callers.
     */
    private reachingSinks(units: MethodUnit[]): Set<MethodUnit> {
        const reaching = new Set<MethodUnit>();
        const queue: MethodUnit[] = [];
        const add = (unit: MethodUnit): void => {
            if (!reaching.has(unit)) {
                reaching.add(unit);
                queue.push(unit);
            }
        };
        units.filter((unit) => this.policy.hasSink(unit)).forEach(add);
        const graph = units.length > 0 ? graphOf(units[0].file) : undefined;
        const drain = (): void => {
            while (queue.length > 0) {
                graph?.callers(queue.pop()!).forEach(({ unit: caller }) => add(caller));
            }
        };
        drain();
        const holders = new Set([...reaching].map((unit) => unit.owner).filter(Boolean));
        for (const unit of units) {
            const news = unitIndex(unit).news;
            if (news.some((n) => holders.has(graph?.classNamed(unit, n.typeName)?.type ?? null))) {
                add(unit);
            }
        }
        drain();
        return reaching;
    }

    ownerKey(unit: MethodUnit): unknown {
        return unit.owner ?? unit.file;
    }

    /** Runs the methods of the unit's class once (twice, to settle) so class fields hold what they store. */
    private ensureFields(unit: MethodUnit): void {
        const key = this.ownerKey(unit);
        if (this.fieldsDone.has(key)) {
            return;
        }
        this.fieldsDone.add(key);
        const siblings = unit.file.units.filter((u) => this.ownerKey(u) === key && !u.isTest);
        for (let round = 0; round < 2; round += 1) {
            const before = this.fieldSize(key);
            siblings.forEach((sibling) => this.analyse(sibling, 'fields'));
            if (this.fieldSize(key) === before) {
                break;
            }
        }
    }

    private fieldSize(key: unknown): number {
        let size = 0;
        for (const labels of this.classFields.get(key)?.values() ?? []) {
            size += labels.size;
        }
        return size;
    }

    /** The summary of a project method, computed the first time it is needed; null while it is computed. */
    summary(unit: MethodUnit): Summary | null {
        const known = this.summaries.get(unit);
        if (known) {
            return known === 'pending' ? null : known;
        }
        if (this.depth >= MAX_SUMMARY_DEPTH) {
            return null;
        }
        this.summaries.set(unit, 'pending');
        this.depth += 1;
        try {
            const summary = this.analyse(unit, 'summary');
            this.summaries.set(unit, summary);
            return summary;
        } finally {
            this.depth -= 1;
        }
    }

    private analyse(unit: MethodUnit, mode: Mode): Summary {
        const run = new TaintRun(this, unit, mode);
        return run.analyse();
    }

    readField(unit: MethodUnit, key: string): Labels {
        return this.classFields.get(this.ownerKey(unit))?.get(key) ?? EMPTY;
    }

    /** Adds labels to a class field; `fromOutside` marks the class for another report pass when they are new. */
    writeField(owner: unknown, key: string, labels: Labels, fromOutside = false): void {
        const kept = [...labels].filter((l) => !l.startsWith(PARAM_PREFIX));
        if (kept.length === 0) {
            return;
        }
        let fields = this.classFields.get(owner);
        if (!fields) {
            fields = new Map();
            this.classFields.set(owner, fields);
        }
        const before = fields.get(key) ?? EMPTY;
        const after = union(before, new Set(kept));
        fields.set(key, after);
        if (fromOutside && after.size > before.size) {
            this.fedFromOutside.add(owner);
        }
    }

    /** Records a finding: concrete labels reach a sink at `at` along `path`. */
    record(
        at: Site,
        sink: Site,
        kind: string,
        labels: string[],
        path: string[],
        via: { unit: MethodUnit; call: CallExpr } | null
    ): void {
        const key = `${at.unit.file.path}:${at.expr.span.start}:${kind}`;
        const existing = this.hits.get(key);
        if (existing) {
            labels.forEach((label) => existing.labels.add(label));
            if (existing.path.join('>') !== path.join('>')) {
                existing.paths += 1;
            }
            if (via && !existing.via.some((v) => v.call === via.call)) {
                existing.via.push(via);
            }
            return;
        }
        this.hits.set(key, {
            unit: at.unit,
            expr: at.expr,
            kind,
            labels: new Set(labels),
            sink,
            path,
            paths: 1,
            via: via ? [via] : []
        });
    }
}

/** One analysis of one method: in summary, field-collecting or report mode. */
export class TaintRun extends TaintStatements {
    private returns: Labels = EMPTY;
    private readonly paramSinks = new Map<number, SinkRef[]>();
    private readonly fieldWrites = new Map<string, Set<number>>();

    constructor(
        readonly engine: TaintEngine,
        readonly unit: MethodUnit,
        readonly mode: Mode
    ) {
        super(engine.policy);
    }

    analyse(): Summary {
        const state: State = new Map();
        this.unit.params.forEach((param, index) => {
            let labels: Labels = new Set([`${PARAM_PREFIX}${index}`]);
            if (this.mode === 'report') {
                const extra = this.policy.parameterLabels(this.unit, index);
                if (extra) {
                    labels = union(labels, extra);
                }
            }
            if (this.policy.carries(param.typeName)) {
                state.set(param.name.toLowerCase(), labels);
            }
        });
        this.block(this.unit.body, state);
        return { returns: this.returns, paramSinks: this.paramSinks, fieldWrites: this.fieldWrites };
    }

    protected onReturn(labels: Labels): void {
        this.returns = union(this.returns, labels);
    }

    protected readName(name: string, state: State): Labels {
        const key = name.toLowerCase();
        const local = state.get(key);
        if (local) {
            return local;
        }
        if (!this.unit.locals.has(key)) {
            const labels = this.engine.readField(this.unit, key);
            const extra = this.policy.fieldLabels?.(this.unit, name);
            return extra ? union(labels, extra) : labels;
        }
        return EMPTY;
    }

    protected writeClassField(key: string, labels: Labels): void {
        if (this.mode !== 'summary') {
            this.engine.writeField(this.engine.ownerKey(this.unit), key, labels);
            return;
        }
        for (const label of labels) {
            if (label.startsWith(PARAM_PREFIX)) {
                const params = this.fieldWrites.get(key) ?? new Set<number>();
                params.add(Number(label.slice(PARAM_PREFIX.length)));
                this.fieldWrites.set(key, params);
            }
        }
    }

    /**
     * `new CleanupBatch(filter)` with input in `filter`: the fields the constructor keeps its arguments in
     * hold that input for every method of the class (report mode only; the class is analysed again).
     */
    protected constructed(expr: NewExpr, args: Labels[]): void {
        if (this.mode !== 'report' || !args.some((a) => concrete(a).length > 0)) {
            return;
        }
        const graph = graphOf(this.unit.file);
        const entry = graph?.classNamed(this.unit, expr.typeName);
        if (!entry) {
            return;
        }
        for (const ctor of methodsNamed(entry.file, entry.type, entry.type.name.toLowerCase())) {
            if (ctor.kind !== 'constructor' || ctor.params.length !== args.length) {
                continue;
            }
            for (const [field, params] of this.engine.summary(ctor)?.fieldWrites ?? []) {
                for (const index of params) {
                    const sources = concrete(args[index] ?? EMPTY);
                    if (sources.length > 0) {
                        this.engine.writeField(entry.type, field, new Set(sources), true);
                    }
                }
            }
        }
    }

    protected call(call: CallExpr, state: State): Labels {
        const receiver = call.target ? this.expr(call.target, state) : EMPTY;
        const args = call.args.map((a) => this.expr(a, state));
        this.checkSinks(call, receiver, args);
        const own = this.policy.callSource(this.unit, call, receiver, args);
        if (own) {
            return own;
        }
        const targets = callTargets(this.unit, call);
        if (targets.length > 0) {
            let labels: Labels = EMPTY;
            let known = true;
            for (const target of targets) {
                const summary = this.engine.summary(target);
                if (!summary) {
                    known = false;
                    continue;
                }
                labels = union(labels, this.applySummary(target, summary, call, args));
            }
            if (known) {
                return targets.every((t) => !this.policy.carries(t.returnType)) ? EMPTY : labels;
            }
        }
        return this.defaultCall(call, receiver, args, state);
    }

    private applySummary(target: MethodUnit, summary: Summary, call: CallExpr, args: Labels[]): Labels {
        let labels: Labels = EMPTY;
        for (const label of summary.returns) {
            if (label.startsWith(PARAM_PREFIX)) {
                labels = union(labels, args[Number(label.slice(PARAM_PREFIX.length))] ?? EMPTY);
            } else {
                labels = union(labels, new Set([label]));
            }
        }
        for (const [index, refs] of summary.paramSinks) {
            const arg = args[index];
            if (arg && arg.size > 0) {
                for (const ref of refs) {
                    this.reachSink(ref, arg, call, call.args[index]);
                }
            }
        }
        void target;
        return labels;
    }

    /** Data with `labels`, passed as `argExpr` at `call`, reaches a sink the callee's summary knows. */
    private reachSink(ref: SinkRef, labels: Labels, call: CallExpr, argExpr: Expr | undefined): void {
        const here: Site = { unit: this.unit, expr: call };
        for (const label of labels) {
            if (!label.startsWith(PARAM_PREFIX)) {
                continue;
            }
            const index = Number(label.slice(PARAM_PREFIX.length));
            const whole = ref.at === null && argExpr !== undefined && wholeParameter(this.unit, argExpr) === index;
            this.addParamSink(index, {
                ...ref,
                chain: [display(this.unit, index), ...ref.chain],
                at: ref.at ?? (whole ? null : here)
            });
        }
        if (this.mode === 'report') {
            const sources = concrete(labels);
            if (sources.length > 0) {
                const at = this.policy.reportAtCaller ? (ref.at ?? here) : ref.sink;
                this.engine.record(at, ref.sink, ref.kind, sources, this.path(sources, ref.chain, ref.sinkName), {
                    unit: this.unit,
                    call
                });
            }
        }
    }

    private addParamSink(index: number, ref: SinkRef): void {
        const list = this.paramSinks.get(index) ?? [];
        const at = ref.at ?? ref.sink;
        if (!list.some((r) => (r.at ?? r.sink).expr === at.expr && r.kind === ref.kind)) {
            list.push(ref);
            this.paramSinks.set(index, list);
        }
    }

    protected checkSinks(expr: CallExpr | NewExpr, receiver: Labels, args: Labels[]): void {
        for (const match of this.policy.sinks(this.unit, expr, receiver, args)) {
            if (match.labels.size === 0) {
                continue;
            }
            const sink: Site = { unit: this.unit, expr };
            const sinkName = sinkNameOf(expr);
            for (const label of match.labels) {
                if (label.startsWith(PARAM_PREFIX)) {
                    const index = Number(label.slice(PARAM_PREFIX.length));
                    const whole =
                        this.policy.reportAtCaller &&
                        match.arg !== undefined &&
                        wholeParameter(this.unit, match.arg) === index;
                    this.addParamSink(index, {
                        sink,
                        kind: match.kind,
                        sinkName,
                        chain: [display(this.unit, index)],
                        at: whole ? null : sink
                    });
                }
            }
            if (this.mode === 'report') {
                const sources = concrete(match.labels);
                if (sources.length > 0) {
                    this.engine.record(sink, sink, match.kind, sources, this.path(sources, [], sinkName), null);
                }
            }
        }
    }

    /** The path of a report: the source's head, this method unless it is the head, the calls, the sink. */
    private path(sources: string[], chain: string[], sinkName: string): string[] {
        const withHead = sources.find((s) => s.includes(HEAD));
        const head = withHead ? withHead.slice(withHead.indexOf(HEAD) + 1) : null;
        const here = display(this.unit, null);
        const steps: string[] = [];
        if (head) {
            steps.push(head);
        }
        const hereName = here.slice(0, here.indexOf('(') === -1 ? here.length : here.indexOf('('));
        if (!head || !head.startsWith(`${hereName}(`)) {
            steps.push(here);
        }
        return [...steps, ...chain, sinkName];
    }
}
