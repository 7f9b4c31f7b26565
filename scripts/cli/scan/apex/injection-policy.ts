/**
 * The SOQL injection policy (docs/rules/data-flow-model.md): where untrusted input enters, what makes
 * a value safe in a query, and the dynamic queries it must not reach. Input enters at entry points
 * (parameters of @AuraEnabled, @RemoteAction, webservice, @Http* REST, @InvocableMethod and inbound
 * email handler methods), in Visualforce controllers (public settable properties, page parameters,
 * headers and cookies), REST requests (RestContext.request) and trigger payloads (Trigger.new/old,
 * platform events included). A value of a type that cannot carry quotes (Id, numbers, Boolean, dates,
 * describe results, enums), a describe name or field-set path, String.escapeSingleQuotes, and a value
 * checked against an allowlist are safe. Plain public and global methods are not sources: a method
 * that passes a whole query string on is reported where input is fed to it (taint.ts).
 */
import type { CallExpr, Expr, TypeDecl } from './ast';
import { callTargets } from './callgraph';
import { hasAnnotation, lookupField, typeOfName, unitIndex, type MethodUnit } from './model';
import { DATABASE_QUERIES, objectOf } from './semantics';
import { EMPTY, HEAD, shortName, type Labels, type TaintPolicy } from './taint';
import { isInjectionSafeType, normalizeType } from './typenames';
import { callName, dottedName, unwrap } from './walk';
import type { ProjectContext } from '../context';

/** Calls whose result cannot break out of a quoted SOQL value (or is not text at all). */
const TO_SAFE_VALUE = new Set([
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
    'datetime.parse',
    'date.newinstance',
    'datetime.newinstance',
    'datetime.newinstancegmt',
    'date.today',
    'datetime.now',
    'userinfo.getuserid',
    'userinfo.getorganizationid',
    'userinfo.getprofileid',
    'userinfo.getuserroleid'
]);

/** Describe and standard-controller answers: names of real objects and fields, ids. */
const DESCRIBE_ANSWERS = new Set([
    'getid',
    'getname',
    'getlabel',
    'getlocalname',
    'getfieldpath',
    'getkeyprefix',
    'getrecordtypeid',
    'getrelationshipname',
    'getsobjecttype',
    'getdescribe',
    'getreferenceto'
]);

const REST_ANNOTATIONS = ['httpget', 'httppost', 'httpput', 'httppatch', 'httpdelete'];

/** Why a parameter of this unit is untrusted input, or null when the unit is not an entry point. */
export function entryPointKind(unit: MethodUnit): string | null {
    if (unit.isTest || unit.kind !== 'method') {
        return null;
    }
    const modifiers = unit.modifiers;
    if (hasAnnotation(modifiers, 'auraenabled')) {
        return '@AuraEnabled';
    }
    if (hasAnnotation(modifiers, 'remoteaction')) {
        return '@RemoteAction';
    }
    if (hasAnnotation(modifiers, 'invocablemethod')) {
        return '@InvocableMethod';
    }
    const rest = REST_ANNOTATIONS.find((a) => hasAnnotation(modifiers, a));
    if (rest) {
        return `@Http${rest.slice(4, 5).toUpperCase()}${rest.slice(5)} (REST)`;
    }
    if (modifiers.keywords.has('webservice')) {
        return 'webservice';
    }
    const owner = unit.owner;
    if (
        unit.name.toLowerCase() === 'handleinboundemail' &&
        owner?.implementsTypes.some((t) => /inboundemailhandler$/i.test(normalizeType(t)))
    ) {
        return 'inbound email';
    }
    return null;
}

/** A class Visualforce binds to: named by a page, a standard-controller extension, or a page controller. */
function isPageController(type: TypeDecl, pageClasses: ReadonlySet<string>): boolean {
    if (type.outer) {
        return false;
    }
    if (pageClasses.has(type.name.toLowerCase())) {
        return true;
    }
    return type.members.some(
        (m) =>
            (m.kind === 'constructor' &&
                m.params.some((p) => /^apexpages\.standard(set)?controller$/i.test(normalizeType(p.typeName)))) ||
            (m.kind === 'method' && /^(system\.)?pagereference$/i.test(normalizeType(m.returnType ?? '')))
    );
}

function label(description: string, head: string): Labels {
    return new Set([`input:${description}${HEAD}${head}`]);
}

/** The field types of the project's metadata that cannot carry text: lookups, numbers, dates, checkboxes. */
const SAFE_FIELD_TYPES = /^(lookup|masterdetail|number|currency|percent|checkbox|date|datetime|time|autonumber)$/i;

export function injectionPolicy(project: ProjectContext): TaintPolicy {
    const pageClasses = new Set(project.metadata.pages.flatMap((p) => p.controllers.map((c) => c.toLowerCase())));
    const controllers = new WeakMap<TypeDecl, boolean>();
    const enums = new Set(
        [...project.classes.values()].filter((e) => e.type.kind === 'enum').map((e) => e.type.name.toLowerCase())
    );
    const fieldTypes = new Map(
        project.metadata.fields.map((f) => [`${f.object}.${f.field}`.toLowerCase(), f.type] as const)
    );
    const carries = (typeName: string | null): boolean =>
        !isInjectionSafeType(typeName) && !(typeName && enums.has(normalizeType(typeName).toLowerCase()));
    const controller = (type: TypeDecl): boolean => {
        let known = controllers.get(type);
        if (known === undefined) {
            known = isPageController(type, pageClasses);
            controllers.set(type, known);
        }
        return known;
    };
    return {
        hasSink: (unit) =>
            unitIndex(unit).calls.some(
                (call) =>
                    DATABASE_QUERIES.has(callName(call)) &&
                    call.args[0] !== undefined &&
                    unwrap(call.args[0]).kind !== 'literal'
            ),
        mayReport: () => true,
        reportAtCaller: true,
        parameterLabels(unit, index) {
            const param = unit.params[index];
            const kind = entryPointKind(unit);
            if (!param || !kind || !carries(param.typeName)) {
                return null;
            }
            return label(`${kind} parameter ${param.name}`, `${shortName(unit)}(${param.name})`);
        },
        fieldLabels(unit, name) {
            const field = lookupField(unit.file, unit.owner, name);
            if (!field || !carries(field.typeName) || !controller(field.owner)) {
                return null;
            }
            const property = field.owner.members.find(
                (m) => m.kind === 'property' && m.name.toLowerCase() === name.toLowerCase()
            );
            if (!property || property.kind !== 'property' || !property.hasSetter) {
                return null;
            }
            const visible = property.modifiers.keywords.has('public') || property.modifiers.keywords.has('global');
            const setterHidden = /\b(private|protected)\s+set\b/i.test(
                unit.file.source.slice(property.span.start, property.span.end)
            );
            if (!visible || setterHidden) {
                return null;
            }
            return label(`Visualforce property ${property.name}`, `${field.owner.name}.${property.name}`);
        },
        carries,
        fieldRead(unit, expr, targetLabels) {
            const dotted = dottedName(expr);
            if (dotted) {
                if (dotted.startsWith('restcontext.request')) {
                    return label('REST request (RestContext.request)', 'RestContext.request');
                }
                if (/^trigger\.(new|old)(map)?$/.test(dotted)) {
                    return label(`trigger records (${dotted.replace('trigger.', 'Trigger.')})`, 'Trigger.new');
                }
                if (dotted.startsWith('schema.')) {
                    return EMPTY;
                }
            }
            if (targetLabels.size === 0) {
                return targetLabels;
            }
            // A field of one of the project's classes (a request wrapper) declared with a safe type.
            const target = unwrap(expr.target);
            const holder = target.kind === 'name' ? typeOfName(unit, target.name) : null;
            const owner = holder ? project.graph.classNamed(unit, holder) : undefined;
            const declared = owner ? lookupField(owner.file, owner.type, expr.name) : undefined;
            if (declared && !carries(declared.typeName)) {
                return EMPTY;
            }
            // A field of a record holding input: ids and other non-text fields carry nothing.
            const field = expr.name.toLowerCase();
            if (field === 'id' || (/id$/.test(field) && !field.endsWith('__c'))) {
                return EMPTY;
            }
            const object = objectOf(unit, expr.target);
            const type = object ? fieldTypes.get(`${object}.${field}`.toLowerCase()) : undefined;
            return type && SAFE_FIELD_TYPES.test(type) ? EMPTY : targetLabels;
        },
        callSource: (unit, call, receiver, args) => injectionCallSource(unit, call, receiver, args),
        querySource: () => EMPTY,
        propagatesBinary: (op) => op === '+' || op === '??',
        sinks(_unit, expr, _receiver, args) {
            if (expr.kind !== 'call') {
                return [];
            }
            const qualified = callName(expr);
            if (DATABASE_QUERIES.has(qualified) && args[0]) {
                return [{ kind: `query:${expr.name}`, labels: args[0], arg: expr.args[0] }];
            }
            return [];
        },
        validated: (unit, test, outcome) => validatedNames(unit, test, outcome)
    };
}

const PAGE_INPUT = new Set(['getparameters', 'getheaders', 'getcookies']);

function injectionCallSource(unit: MethodUnit, call: CallExpr, receiver: Labels, args: Labels[]): Labels | null {
    const qualified = callName(call);
    if (TO_SAFE_VALUE.has(qualified)) {
        return EMPTY;
    }
    const name = call.name.toLowerCase();
    if (PAGE_INPUT.has(name) && call.target && call.args.length === 0) {
        return label(`Visualforce page ${name.slice(3)}`, `ApexPages.currentPage().${call.name}()`);
    }
    if (qualified === 'string.valueof' && call.args[0]) {
        return args[0] ?? EMPTY;
    }
    if (name === 'replaceall' && call.target && keepsOnlySafeCharacters(call.args[0], call.args[1])) {
        return EMPTY;
    }
    const project = call.target ? callTargets(unit, call).length > 0 : true;
    if (project) {
        return null;
    }
    if (DESCRIBE_ANSWERS.has(name)) {
        return EMPTY;
    }
    if ((name === 'get' || name === 'remove') && call.args.length === 1) {
        // A map or list lookup returns what the collection holds, whatever the key.
        return receiver;
    }
    return null;
}

function intersect(a: string[], b: string[]): string[] {
    return a.filter((name) => b.includes(name));
}

function localName(unit: MethodUnit, expr: Expr | undefined): string | null {
    const value = expr ? unwrap(expr) : null;
    if (value && value.kind === 'name' && unit.locals.has(value.name.toLowerCase())) {
        return value.name.toLowerCase();
    }
    return null;
}

/**
 * `term.replaceAll('[^a-zA-Z0-9 ]', '')`: everything outside a character set without a quote or a
 * backslash is removed, so what is left cannot end a quoted value.
 */
function keepsOnlySafeCharacters(pattern: Expr | undefined, replacement: Expr | undefined): boolean {
    const [p, r] = [pattern ? unwrap(pattern) : null, replacement ? unwrap(replacement) : null];
    if (p?.kind !== 'literal' || p.literalType !== 'string' || r?.kind !== 'literal' || r.value !== '') {
        return false;
    }
    const kept = /^\[\^((?:[A-Za-z0-9 _.,:@-]|\\[wds])+)\][+*]?$/.exec(p.value);
    // Ranges only within letters or digits of one kind: `A-z` would keep the backslash.
    const ranges = kept ? (kept[1].replace(/\\[wds]/g, '').match(/.-./g) ?? []) : [];
    return kept !== null && ranges.every((range) => /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])$/.test(range));
}

/** A regular expression literal that cannot match a quote or white space: only a name or a number passes. */
function strictPattern(expr: Expr | undefined): boolean {
    const value = expr ? unwrap(expr) : null;
    if (!value || value.kind !== 'literal' || value.literalType !== 'string') {
        return false;
    }
    const pattern = value.value;
    return /^\^.*\$$/.test(pattern) && !/[.'\s]|\\[sSWD]|\[\^/.test(pattern);
}

/**
 * The locals a condition proves safe when it evaluates to `outcome`: membership in a set or map
 * (`allowed.contains(f)`, `fieldMap.containsKey(f)`, `fieldMap.get(f) != null`), equality with a
 * literal, `isAlphanumeric()`/`isNumeric()`, or a strict `Pattern.matches`.
 */
export function validatedNames(unit: MethodUnit, test: Expr, outcome: boolean): string[] {
    const value = unwrap(test);
    if (value.kind === 'unary' && value.op === '!') {
        return validatedNames(unit, value.operand, !outcome);
    }
    if (value.kind === 'binary') {
        if (value.op === '&&' || value.op === '||') {
            const left = validatedNames(unit, value.left, outcome);
            const right = validatedNames(unit, value.right, outcome);
            const both = (value.op === '&&') === outcome;
            return both ? [...left, ...right] : intersect(left, right);
        }
        if (['==', '===', '!=', '!=='].includes(value.op)) {
            const equal = value.op.startsWith('=') === outcome;
            return equal ? equalityChecked(unit, value.left, value.right) : lookedUp(unit, value.left, value.right);
        }
        return [];
    }
    if (value.kind !== 'call' || !outcome) {
        return [];
    }
    const name = value.name.toLowerCase();
    if (['contains', 'containskey'].includes(name) && value.target && value.args.length === 1) {
        const checked = localName(unit, value.args[0]);
        return checked && localName(unit, value.target) !== checked ? [checked] : [];
    }
    if (['equals', 'equalsignorecase'].includes(name) && value.target && value.args.length === 1) {
        const [a, b] = [unwrap(value.target), unwrap(value.args[0])];
        if (b.kind === 'literal') {
            return [localName(unit, a)].filter((n): n is string => n !== null);
        }
        return a.kind === 'literal' ? [localName(unit, b)].filter((n): n is string => n !== null) : [];
    }
    if (['isalphanumeric', 'isalpha', 'isnumeric'].includes(name) && value.target && value.args.length === 0) {
        return [localName(unit, value.target)].filter((n): n is string => n !== null);
    }
    if (callName(value) === 'pattern.matches' && strictPattern(value.args[0])) {
        return [localName(unit, value.args[1])].filter((n): n is string => n !== null);
    }
    return [];
}

/** `fieldMap.get(x) != null` (known to hold by the caller) proves x: the key is in the map. */
function lookedUp(unit: MethodUnit, left: Expr, right: Expr): string[] {
    const [a, b] = [unwrap(left), unwrap(right)];
    const isNull = (e: Expr): boolean => e.kind === 'literal' && e.literalType === 'null';
    const lookup = isNull(b) ? a : isNull(a) ? b : null;
    if (!lookup || lookup.kind !== 'call' || lookup.name.toLowerCase() !== 'get' || lookup.args.length !== 1) {
        return [];
    }
    const key = localName(unit, lookup.args[0]);
    return key && lookup.target && localName(unit, lookup.target) !== key ? [key] : [];
}

/** `x == 'literal'` (known to hold by the caller) proves x. */
function equalityChecked(unit: MethodUnit, left: Expr, right: Expr): string[] {
    const [a, b] = [unwrap(left), unwrap(right)];
    const literal = (e: Expr): boolean => e.kind === 'literal' && e.literalType === 'string';
    if (literal(b)) {
        return [localName(unit, a)].filter((n): n is string => n !== null);
    }
    if (literal(a)) {
        return [localName(unit, b)].filter((n): n is string => n !== null);
    }
    return [];
}
