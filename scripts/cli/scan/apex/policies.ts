/**
 * The two taint policies the scanner runs: where PHI comes from and where it must not go (callouts,
 * debug logs, exception messages), and where untrusted input comes from and the dynamic SOQL it must
 * not reach unescaped. Both run over the same engine (taint.ts), once per class.
 */
import type { CallExpr, Expr, NewExpr } from './ast';
import type { MethodUnit } from './model';
import { hasAnnotation, lookupField, unitIndex } from './model';
import { DATABASE_QUERIES, isHttpRequestCall, objectOf } from './semantics';
import { concrete, Labels, PRECISE, SinkMatch, TaintPolicy } from './taint';
import { isInjectionSafeType, normalizeType } from './typenames';
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

export function phiPolicy(project: ProjectContext): TaintPolicy {
    const classification = project.classification;
    const configured = project.sanitizers.map((s) => s.toLowerCase());
    const gate = project.gateClasses;

    const isSanitizer = (call: CallExpr): boolean => {
        const name = callName(call);
        if (BUILT_IN_SANITIZERS.has(name) || SANITIZING_NAME.test(call.name)) {
            return true;
        }
        const owner = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
        if (owner && gate.has(owner)) {
            return true;
        }
        return configured.some((pattern) =>
            pattern.endsWith('.*') ? owner === pattern.slice(0, -2) : pattern === name
        );
    };

    /** A record (or records) whose fields are not known exactly, of an object holding PHI. */
    const recordLabel = (unit: MethodUnit, expr: Expr, known: Labels): string | null => {
        if (known.has(PRECISE)) {
            return null;
        }
        const value = unwrap(expr);
        if (value.kind !== 'name' && value.kind !== 'field' && value.kind !== 'index' && value.kind !== 'call') {
            return null;
        }
        const object = objectOf(unit, value);
        return object && classification.objectHoldsPhi(object) ? `record:${object}` : null;
    };

    const fieldLabel = (object: string | null, field: string): string | null => {
        if (object) {
            const entry = classification.field(object, field);
            return entry ? `phi:${object}.${field}` : null;
        }
        const anywhere = classification.customFieldAnywhere(field);
        return anywhere ? `phi:${anywhere.object}.${anywhere.field}` : null;
    };

    const withRecord = (unit: MethodUnit, expr: Expr, known: Labels): Labels => {
        const record = recordLabel(unit, expr, known);
        const kept = new Set([...known].filter((l) => l !== PRECISE));
        if (record) {
            kept.add(record);
        }
        return kept;
    };

    const vocabulary = classification.vocabulary();
    // One case-insensitive pass over the source instead of lower-casing it and searching once per word.
    // The regex's case folding equals toLowerCase() for ASCII; other text takes the plain path.
    const anyWord =
        vocabulary.length > 0
            ? new RegExp(vocabulary.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')
            : null;
    const mentions = new WeakMap<object, boolean>();
    const mentionsPhi = (unit: MethodUnit): boolean => {
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

    return {
        relevant(units) {
            if (units.length === 0 || !mentionsPhi(units[0])) {
                return false;
            }
            return units.some((unit) => {
                const index = unitIndex(unit);
                const sinkCall = index.calls.some((call) => {
                    const name = call.name.toLowerCase();
                    const isSink =
                        HTTP_SINK_ARGS[name] !== undefined ||
                        name === 'setmessage' ||
                        callName(call) === 'system.debug';
                    return isSink && call.args.some((arg) => unwrap(arg).kind !== 'literal');
                });
                return (
                    sinkCall ||
                    index.news.some(
                        (n) => isExceptionType(n.typeName) && n.args.some((a) => unwrap(a).kind !== 'literal')
                    )
                );
            });
        },
        parameterLabels: () => null,
        carries: (typeName) => !typeName || !/^boolean$/i.test(normalizeType(typeName)),
        fieldRead(unit, expr, targetLabels) {
            const object = objectOf(unit, expr.target);
            const label = fieldLabel(object, expr.name);
            if (object) {
                return label ? labels(label) : NONE;
            }
            const dotted = dottedName(expr);
            if (dotted && /^(trigger|schema|system|json|string)\./.test(dotted)) {
                return NONE;
            }
            const kept = [...targetLabels].filter((l) => l !== PRECISE);
            if (label) {
                kept.push(label);
            }
            return new Set(kept);
        },
        callSource(unit, call, receiver, args) {
            const name = call.name.toLowerCase();
            const qualified = callName(call);
            if (isSanitizer(call)) {
                return NONE;
            }
            if (name === 'get' && call.target && call.args.length === 1) {
                const object = objectOf(unit, call.target);
                const arg = unwrap(call.args[0]);
                let field: string | null = null;
                if (arg.kind === 'literal' && arg.literalType === 'string') {
                    field = arg.value;
                } else {
                    const token = dottedName(arg);
                    if (token) {
                        field = token.split('.').pop() ?? null;
                    }
                }
                if (object) {
                    const label = field ? fieldLabel(object, field) : null;
                    return label ? labels(label) : NONE;
                }
                const label = field && arg.kind === 'literal' ? fieldLabel(null, field) : null;
                const kept = [...receiver].filter((l) => l !== PRECISE);
                if (label) {
                    kept.push(label);
                }
                return new Set(kept);
            }
            if (
                (qualified === 'json.serialize' ||
                    qualified === 'json.serializepretty' ||
                    qualified === 'string.valueof') &&
                call.args[0]
            ) {
                return withRecord(unit, call.args[0], args[0] ?? NONE);
            }
            return null;
        },
        querySource(unit, expr) {
            if (expr.kind === 'sosl') {
                const out = new Set<string>();
                for (const object of expr.objects) {
                    if (classification.objectHoldsPhi(object)) {
                        out.add(`record:${object}`);
                    }
                }
                return out;
            }
            if (expr.kind !== 'soql') {
                return NONE;
            }
            const query = expr.query;
            const out = new Set<string>([PRECISE]);
            const whole = classification.wholeObject(query.from);
            for (const path of query.fields) {
                if (/^FIELDS\(/.test(path)) {
                    if (whole) {
                        out.add(`phi:${query.from}`);
                    }
                    for (const field of classification.phiFieldsOf(query.from)) {
                        out.add(`phi:${query.from}.${field}`);
                    }
                    continue;
                }
                const resolved = classification.resolvePath(query.from, path);
                if (resolved) {
                    const entry = classification.field(resolved.object, resolved.field);
                    if (entry) {
                        out.add(`phi:${resolved.object}.${resolved.field}`);
                    }
                } else {
                    const field = path.split('.').pop() ?? path;
                    const anywhere = classification.customFieldAnywhere(field);
                    if (anywhere) {
                        out.add(`phi:${anywhere.object}.${anywhere.field}`);
                    }
                }
            }
            for (const sub of query.subqueries) {
                for (const path of sub.fields) {
                    const anywhere = classification.customFieldAnywhere(path.split('.').pop() ?? path);
                    if (anywhere) {
                        out.add(`phi:${anywhere.object}.${anywhere.field}`);
                    }
                }
            }
            return out;
        },
        propagatesBinary: (op) => ['+', '-', '*', '/', '??'].includes(op),
        sinks(unit, expr, receiver, args): SinkMatch[] {
            if (expr.kind === 'new') {
                if (isExceptionType(expr.typeName)) {
                    const flowing = unionAll(expr.args.map((arg, i) => withRecord(unit, arg, args[i] ?? NONE)));
                    return concrete(flowing).length > 0 ? [{ kind: 'exception', labels: flowing }] : [];
                }
                return [];
            }
            const call = expr as CallExpr;
            const name = call.name.toLowerCase();
            const qualified = callName(call);
            if (qualified === 'system.debug') {
                const flowing = unionAll(call.args.map((arg, i) => withRecord(unit, arg, args[i] ?? NONE)));
                return [{ kind: 'debug', labels: flowing }];
            }
            if (name === 'setmessage' && call.target) {
                const target = unwrap(call.target);
                const type = target.kind === 'name' ? typeOfName(unit, target.name) : null;
                if (isExceptionType(type)) {
                    return [{ kind: 'exception', labels: args[0] ?? NONE }];
                }
            }
            const sinkArgs = HTTP_SINK_ARGS[name];
            if (sinkArgs && isHttpRequestCall(unit, call)) {
                const flowing = unionAll(sinkArgs.map((i) => args[i] ?? NONE));
                return [{ kind: `callout:${call.name}`, labels: flowing }];
            }
            return [];
        }
    };
}

// ---------------------------------------------------------------- SOQL injection

const TO_SAFE_TYPE = new Set([
    'string.escapesinglequotes',
    'id.valueof',
    'integer.valueof',
    'long.valueof',
    'decimal.valueof',
    'double.valueof',
    'boolean.valueof',
    'date.valueof',
    'datetime.valueof',
    'date.parse',
    'datetime.parse'
]);

const ENTRY_ANNOTATIONS = [
    'auraenabled',
    'remoteaction',
    'invocablemethod',
    'httpget',
    'httppost',
    'httpput',
    'httppatch',
    'httpdelete'
];

/** Code whose parameters come from outside the class: public and global API, web services, Aura, REST. */
export function isEntryPoint(unit: MethodUnit): boolean {
    const keywords = unit.modifiers.keywords;
    if (keywords.has('global') || keywords.has('public') || keywords.has('webservice')) {
        return true;
    }
    return ENTRY_ANNOTATIONS.some((a) => hasAnnotation(unit.modifiers, a));
}

export function injectionPolicy(): TaintPolicy {
    return {
        relevant(units) {
            return units.some((unit) =>
                unitIndex(unit).calls.some(
                    (call) =>
                        DATABASE_QUERIES.has(callName(call)) &&
                        call.args[0] !== undefined &&
                        unwrap(call.args[0]).kind !== 'literal'
                )
            );
        },
        parameterLabels(unit, index) {
            const param = unit.params[index];
            if (!param || isInjectionSafeType(param.typeName) || !isEntryPoint(unit)) {
                return null;
            }
            return labels(`input:parameter ${param.name} of ${unit.member}`);
        },
        fieldLabels(unit, name) {
            const field = lookupField(unit.file, unit.owner, name);
            if (!field || field.isFinal || isInjectionSafeType(field.typeName)) {
                return null;
            }
            const owner = field.owner.members.find(
                (m) => m.kind === 'property' && m.name.toLowerCase() === name.toLowerCase()
            );
            if (owner && owner.kind === 'property' && owner.hasSetter) {
                const visible = owner.modifiers.keywords.has('public') || owner.modifiers.keywords.has('global');
                return visible ? labels(`input:property ${field.name}`) : null;
            }
            return null;
        },
        carries: (typeName) => !isInjectionSafeType(typeName),
        fieldRead(unit, expr, targetLabels) {
            const dotted = dottedName(expr);
            if (dotted === 'restcontext.request.requestbody' || dotted === 'restcontext.request.requesturi') {
                return labels('input:REST request');
            }
            if (dotted && dotted.startsWith('schema.')) {
                return NONE;
            }
            return targetLabels;
        },
        callSource(unit, call, receiver, args) {
            const qualified = callName(call);
            if (TO_SAFE_TYPE.has(qualified)) {
                return NONE;
            }
            const name = call.name.toLowerCase();
            if (name === 'get' && call.target) {
                const target = unwrap(call.target);
                if (target.kind === 'call' && target.name.toLowerCase() === 'getparameters') {
                    return labels('input:page parameter');
                }
                const dotted = dottedName(target);
                if (dotted === 'restcontext.request.params' || dotted === 'restcontext.request.headers') {
                    return labels('input:REST parameter');
                }
            }
            if (qualified === 'string.valueof' && call.args[0]) {
                return args[0] ?? NONE;
            }
            if (name === 'getname' || name === 'getlabel' || name === 'getlocalname') {
                return NONE;
            }
            void receiver;
            void unit;
            return null;
        },
        querySource: () => NONE,
        propagatesBinary: (op) => op === '+',
        sinks(_unit, expr, _receiver, args) {
            if (expr.kind !== 'call') {
                return [];
            }
            const qualified = callName(expr);
            if (DATABASE_QUERIES.has(qualified) && args[0]) {
                return [{ kind: `query:${expr.name}`, labels: args[0] }];
            }
            return [];
        }
    };
}

export type { NewExpr };
