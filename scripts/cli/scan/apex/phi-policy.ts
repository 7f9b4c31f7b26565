/**
 * The PHI taint policy: where PHI comes from (fields classified PHI, read from records, queries and
 * `record.get(...)`) and where it must not go (callouts, debug logs, exception messages). It runs over
 * the project-wide engine (taint.ts); its findings are reported at the sink.
 */
import type { CallExpr, Expr, NewExpr, SoqlQuery } from './ast';
import type { MethodUnit } from './model';
import { unitIndex } from './model';
import { isHttpRequestCall, objectOf, resolveString } from './semantics';
import { Labels, PRECISE, SinkMatch, TaintPolicy } from './taint';
import { normalizeType } from './typenames';
import { callName, dottedName, unwrap } from './walk';
import type { ProjectContext } from '../context';
import { typeOfName } from './model';

const NONE: Labels = new Set();

function labels(...items: string[]): Labels {
    return new Set(items);
}

function unionAll(list: Labels[]): Labels {
    const out = new Set<string>();
    for (const item of list) {
        for (const label of item) {
            out.add(label);
        }
    }
    return out;
}

// ---------------------------------------------------------------- PHI

const BUILT_IN_SANITIZERS = new Set([
    'crypto.generatedigest',
    'crypto.generatemac',
    'crypto.encrypt',
    'crypto.encryptwithmanagediv',
    'crypto.sign',
    'crypto.signwithcertificate',
    'crypto.signxml'
]);

const SANITIZING_NAME = /^(redact|mask|pseudonymi[sz]e|anonymi[sz]e|tokeni[sz]e|hash|deidentify|scrub)/i;

export const HTTP_SINK_ARGS: Record<string, number[]> = {
    setbody: [0],
    setbodyasblob: [0],
    setbodydocument: [0],
    setendpoint: [0],
    setheader: [0, 1]
};

/** How a PHI label reads in a message: `Contact.Birthdate`, or `whole Contact records`. */
export function describeLabel(label: string): string {
    if (label.startsWith('phi:')) {
        return label.slice(4);
    }
    if (label.startsWith('record:')) {
        return `whole ${label.slice(7)} records`;
    }
    return label;
}

function isExceptionType(typeName: string | null): boolean {
    return Boolean(typeName) && /exception$/i.test(normalizeType(typeName as string));
}

type Classification = ProjectContext['classification'];

/** The PHI labels a SOQL or SOSL query's result carries: its PHI fields, or whole PHI records for SOSL. */
function phiOfQuery(classification: Classification, expr: Expr): Labels {
    if (expr.kind === 'sosl') {
        return new Set(expr.objects.filter((o) => classification.objectHoldsPhi(o)).map((o) => `record:${o}`));
    }
    return expr.kind === 'soql' ? phiOfSelect(classification, expr.query) : NONE;
}

/** The PHI labels of the records a query selecting `fields` (and `subqueries`) from `from` returns. */
function phiOfSelect(classification: Classification, query: Pick<SoqlQuery, 'from' | 'fields' | 'subqueries'>): Labels {
    const out = new Set<string>([PRECISE]);
    const anywhere = (path: string): void => {
        const found = classification.customFieldAnywhere(path.split('.').pop() ?? path);
        if (found) {
            out.add(`phi:${found.object}.${found.field}`);
        }
    };
    const whole = classification.wholeObject(query.from);
    for (const path of query.fields) {
        if (/^FIELDS\(/i.test(path)) {
            if (whole) {
                out.add(`phi:${query.from}`);
            }
            for (const field of classification.phiFieldsOf(query.from)) {
                out.add(`phi:${query.from}.${field}`);
            }
            continue;
        }
        const resolved = classification.resolvePath(query.from, path);
        if (!resolved) {
            anywhere(path);
        } else if (classification.field(resolved.object, resolved.field)) {
            out.add(`phi:${resolved.object}.${resolved.field}`);
        }
    }
    for (const sub of query.subqueries) {
        sub.fields.forEach(anywhere);
    }
    return out;
}

const DYNAMIC_QUERIES = new Set(['database.query', 'database.querywithbinds', 'database.getquerylocator']);
const SELECT_FROM = /^\s*select\s+([\s\S]*?)\s+from\s+([A-Za-z][A-Za-z0-9_]*)\b/i;

/**
 * The PHI labels of a dynamic query's records (`Database.query`, `queryWithBinds`, `getQueryLocator`) when the
 * start of its text is constant: the PHI fields of a select list of plain field paths, or whole records of the
 * object when the list holds more (functions, subqueries). A list built at run time before a constant FROM
 * (`'SELECT ' + fields + ' FROM Contact'`) is not read: the object is not in the constant prefix. Null when the
 * text is not known.
 */
function phiOfDynamicQuery(project: ProjectContext, unit: MethodUnit, call: CallExpr): Labels | null {
    if (!DYNAMIC_QUERIES.has(callName(call)) || !call.args[0]) {
        return null;
    }
    const match = SELECT_FROM.exec(resolveString(unit, call.args[0], project)?.value ?? '');
    if (!match) {
        return null;
    }
    const fields = match[1].split(',').map((f) => f.trim());
    const plain = fields.every((f) => /^[A-Za-z][A-Za-z0-9_.]*$|^FIELDS\((ALL|STANDARD|CUSTOM)\)$/i.test(f));
    if (plain) {
        return phiOfSelect(project.classification, { from: match[2], fields, subqueries: [] });
    }
    return project.classification.objectHoldsPhi(match[2]) ? labels(`record:${match[2]}`) : NONE;
}

/**
 * Whether a file's source mentions any PHI field or object name at all: one case-insensitive pass over
 * the source instead of lower-casing it and searching once per word. The regex's case folding equals
 * toLowerCase() for ASCII; other text takes the plain path. Remembered per file.
 */
function phiMentions(classification: Classification): (unit: MethodUnit) => boolean {
    const vocabulary = classification.vocabulary();
    const anyWord =
        vocabulary.length > 0
            ? new RegExp(vocabulary.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')
            : null;
    const mentions = new WeakMap<object, boolean>();
    return (unit) => {
        let known = mentions.get(unit.file);
        if (known === undefined) {
            const source = unit.file.source;
            if (!anyWord) {
                known = false;
            } else if (/^[\x00-\x7f]*$/.test(source)) {
                known = anyWord.test(source);
            } else {
                const text = source.toLowerCase();
                known = vocabulary.some((word) => text.includes(word));
            }
            mentions.set(unit.file, known);
        }
        return known;
    };
}

/** Nebula Logger's logging methods (`Logger.info(...)`, or `Nebula.Logger.info(...)` from its managed package). */
const NEBULA_LOGGER = /^(nebula\.)?logger\.(error|warn|info|debug|fine|finer|finest)$/;

/**
 * The kind of log a call writes to: `debug` for System.debug, `debug:Logger.info` for Nebula Logger, whose
 * entries are stored as Log__c records (its unqualified `Logger` only when the project has no class of that
 * name, which would then be followed as project code); null for any other call.
 */
function logSink(call: CallExpr, projectClasses: ProjectContext['classes']): string | null {
    const name = callName(call);
    if (name === 'system.debug') {
        return 'debug';
    }
    const nebula = NEBULA_LOGGER.exec(name);
    return nebula && (nebula[1] !== undefined || !projectClasses.has('logger')) ? `debug:Logger.${call.name}` : null;
}

/** Whether a method's units call a PHI sink with something other than literals (the policy's filter). */
function hasPhiSink(unit: MethodUnit, projectClasses: ProjectContext['classes']): boolean {
    const index = unitIndex(unit);
    const sinkCall = index.calls.some((call) => {
        const name = call.name.toLowerCase();
        const isSink =
            HTTP_SINK_ARGS[name] !== undefined || name === 'setmessage' || logSink(call, projectClasses) !== null;
        return isSink && call.args.some((arg) => unwrap(arg).kind !== 'literal');
    });
    return (
        sinkCall ||
        index.news.some((n) => isExceptionType(n.typeName) && n.args.some((a) => unwrap(a).kind !== 'literal'))
    );
}

/** The helpers the PHI policy's callbacks share, over one project's classification and sanitizers. */
class PhiLabels {
    private readonly configured: string[];

    constructor(
        readonly classification: Classification,
        sanitizers: readonly string[],
        private readonly gate: ReadonlySet<string>,
        readonly projectClasses: ProjectContext['classes']
    ) {
        this.configured = sanitizers.map((s) => s.toLowerCase());
    }

    isSanitizer(call: CallExpr): boolean {
        const name = callName(call);
        if (BUILT_IN_SANITIZERS.has(name) || SANITIZING_NAME.test(call.name)) {
            return true;
        }
        const owner = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
        if (owner && this.gate.has(owner)) {
            return true;
        }
        return this.configured.some((pattern) =>
            pattern.endsWith('.*') ? owner === pattern.slice(0, -2) : pattern === name
        );
    }

    /**
     * The object of a record expression, following parent relationships the semantics alone does not know:
     * `c.Contact` of a Case is a Contact, `c.Contact.Account` an Account, `p.Patient__r` what the project's
     * metadata says the relationship points to.
     */
    objectOf(unit: MethodUnit, expr: Expr, depth = 0): string | null {
        const direct = objectOf(unit, expr);
        const value = unwrap(expr);
        if (direct || depth > 4 || value.kind !== 'field') {
            return direct;
        }
        const parent = this.objectOf(unit, value.target, depth + 1);
        return parent ? this.classification.relationshipTarget(parent, value.name) : null;
    }

    field(object: string | null, field: string): string | null {
        if (object) {
            return this.classification.field(object, field) ? `phi:${object}.${field}` : null;
        }
        const anywhere = this.classification.customFieldAnywhere(field);
        return anywhere ? `phi:${anywhere.object}.${anywhere.field}` : null;
    }

    /** `known`, plus a record (or records) whose fields are not known exactly, of an object holding PHI. */
    withRecord(unit: MethodUnit, expr: Expr, known: Labels): Labels {
        const kept = new Set([...known].filter((l) => l !== PRECISE));
        const value = unwrap(expr);
        if (
            !known.has(PRECISE) &&
            (value.kind === 'name' || value.kind === 'field' || value.kind === 'index' || value.kind === 'call')
        ) {
            const object = this.objectOf(unit, value);
            if (object && this.classification.objectHoldsPhi(object)) {
                kept.add(`record:${object}`);
            }
        }
        return kept;
    }

    /** The labels of `target`, imprecise, plus `label`. */
    widened(target: Labels, label: string | null): Labels {
        const kept = [...target].filter((l) => l !== PRECISE);
        if (label) {
            kept.push(label);
        }
        return new Set(kept);
    }

    /** `record.get('Field')` and `record.get(Schema.Contact.Field)`. */
    getCall(unit: MethodUnit, call: CallExpr, receiver: Labels): Labels {
        const object = this.objectOf(unit, call.target!);
        const arg = unwrap(call.args[0]);
        let field: string | null = null;
        if (arg.kind === 'literal' && arg.literalType === 'string') {
            field = arg.value;
        } else {
            field = dottedName(arg)?.split('.').pop() ?? null;
        }
        if (object) {
            const label = field ? this.field(object, field) : null;
            return label ? labels(label) : NONE;
        }
        return this.widened(receiver, field && arg.kind === 'literal' ? this.field(null, field) : null);
    }

    sinks(unit: MethodUnit, expr: CallExpr | NewExpr, args: Labels[]): SinkMatch[] {
        if (expr.kind === 'new') {
            if (!isExceptionType(expr.typeName)) {
                return [];
            }
            const flowing = unionAll(expr.args.map((arg, i) => this.withRecord(unit, arg, args[i] ?? NONE)));
            return flowing.size > 0 ? [{ kind: 'exception', labels: flowing }] : [];
        }
        const name = expr.name.toLowerCase();
        const log = logSink(expr, this.projectClasses);
        if (log) {
            const flowing = unionAll(expr.args.map((arg, i) => this.withRecord(unit, arg, args[i] ?? NONE)));
            return [{ kind: log, labels: flowing }];
        }
        if (name === 'setmessage' && expr.target) {
            const target = unwrap(expr.target);
            const type = target.kind === 'name' ? typeOfName(unit, target.name) : null;
            if (isExceptionType(type)) {
                return [{ kind: 'exception', labels: args[0] ?? NONE }];
            }
        }
        const sinkArgs = HTTP_SINK_ARGS[name];
        if (sinkArgs && isHttpRequestCall(unit, expr)) {
            return [{ kind: `callout:${expr.name}`, labels: unionAll(sinkArgs.map((i) => args[i] ?? NONE)) }];
        }
        return [];
    }
}

export function phiPolicy(project: ProjectContext): TaintPolicy {
    const phi = new PhiLabels(project.classification, project.sanitizers, project.gateClasses, project.classes);
    const mentionsPhi = phiMentions(project.classification);
    return {
        hasSink: (unit) => hasPhiSink(unit, project.classes),
        mayReport: mentionsPhi,
        reportAtCaller: false,
        parameterLabels: () => null,
        carries: (typeName) => !typeName || !/^boolean$/i.test(normalizeType(typeName)),
        fieldRead(unit, expr, targetLabels) {
            const object = phi.objectOf(unit, expr.target);
            const label = phi.field(object, expr.name);
            if (object) {
                return label ? labels(label) : NONE;
            }
            const dotted = dottedName(expr);
            if (dotted && /^(trigger|schema|system|json|string)\./.test(dotted)) {
                return NONE;
            }
            return phi.widened(targetLabels, label);
        },
        callSource(unit, call, receiver, args) {
            if (phi.isSanitizer(call)) {
                return NONE;
            }
            if (call.name.toLowerCase() === 'get' && call.target && call.args.length === 1) {
                return phi.getCall(unit, call, receiver);
            }
            const dynamic = phiOfDynamicQuery(project, unit, call);
            if (dynamic) {
                return dynamic;
            }
            const qualified = callName(call);
            const serializes = ['json.serialize', 'json.serializepretty', 'string.valueof'].includes(qualified);
            return serializes && call.args[0] ? phi.withRecord(unit, call.args[0], args[0] ?? NONE) : null;
        },
        querySource: (_unit, expr) => phiOfQuery(project.classification, expr),
        propagatesBinary: (op) => ['+', '-', '*', '/', '??'].includes(op),
        sinks: (unit, expr, _receiver, args) => phi.sinks(unit, expr as CallExpr | NewExpr, args)
    };
}
