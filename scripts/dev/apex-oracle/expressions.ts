/**
 * The oracle's expressions, SOQL and SOSL: apex-parser's expression contexts to the scanner's tree
 * (ast.ts), as the scanner's own parser (scripts/cli/scan/apex/parser) must build it.
 */
import {
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    ArrayExpressionContext,
    AssignExpressionContext,
    BitAndExpressionContext,
    BitExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    BoundExpressionContext,
    CastExpressionContext,
    CmpExpressionContext,
    CoalExpressionContext,
    CondExpressionContext,
    CreatorContext,
    DotExpressionContext,
    EqualityExpressionContext,
    ExpressionContext,
    ExpressionListContext,
    FieldNameContext,
    FieldSpecListContext,
    IdPrimaryContext,
    InstanceOfExpressionContext,
    LiteralContext,
    LiteralPrimaryContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    MethodCallExpressionContext,
    NegExpressionContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryExpressionContext,
    QueryContext,
    SelectEntryContext,
    SoqlPrimaryContext,
    SoslPrimaryContext,
    SubExpressionContext,
    SubFieldEntryContext,
    SubQueryContext,
    SuperPrimaryContext,
    ThisPrimaryContext,
    TypeRefPrimaryContext,
    VoidPrimaryContext
} from '@apexdevtools/apex-parser';
import type { AccessMode, Expr, SoqlQuery, Span } from '../../cli/scan/apex/ast';
import { unquote } from '../../cli/scan/apex/unquote';
import { isSynthetic } from './parse';
import { children, isTerminal, SpanBuilder, type Ctx } from './spans';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const BINARY_CONTEXTS = new Set<Function>([
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    BitExpressionContext,
    CmpExpressionContext,
    EqualityExpressionContext,
    BitAndExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    CoalExpressionContext
]);

/** Thrown when code nests deeper than the builder follows; the oracle then has no tree to compare. */
export class NestingError extends Error {
    constructor(readonly line: number) {
        super(`code nested more than ${MAX_NESTING} levels deep`);
    }
}

/** As deep as the scanner's parser goes (its MAX_NESTING), so the oracle builds every tree it does. */
export const MAX_NESTING = 1000;

export abstract class ExpressionBuilder extends SpanBuilder {
    protected depth = 0;

    protected enter(ctx: Ctx): void {
        if (++this.depth > MAX_NESTING) {
            throw new NestingError(ctx.start.line);
        }
    }

    expressionList(ctx: ExpressionListContext | null): Expr[] {
        return ctx ? ctx.expression_list().map((e) => this.expression(e)) : [];
    }

    expression(ctx: ExpressionContext): Expr {
        this.enter(ctx);
        try {
            return this.expressionInner(ctx);
        } finally {
            this.depth -= 1;
        }
    }

    private expressionInner(ctx: ExpressionContext): Expr {
        const span = this.span(ctx);
        if (ctx instanceof PrimaryExpressionContext) {
            return this.primary(ctx.primary() as unknown as Ctx, span);
        }
        if (ctx instanceof DotExpressionContext) {
            const targetCtx = ctx.expression();
            const call = ctx.dotMethodCall();
            if (call && targetCtx instanceof PrimaryExpressionContext && isSynthetic(targetCtx.start)) {
                // `foo(x)` given a synthetic `this.` for the SLL pass (see parse.ts).
                return {
                    kind: 'call',
                    target: null,
                    name: call.anyId().start.text,
                    args: this.expressionList(call.expressionList()),
                    span
                };
            }
            const target = this.expression(targetCtx);
            if (call) {
                return {
                    kind: 'call',
                    target,
                    name: call.anyId().start.text,
                    args: this.expressionList(call.expressionList()),
                    span
                };
            }
            return { kind: 'field', target, name: ctx.anyId().start.text, span };
        }
        if (ctx instanceof MethodCallExpressionContext) {
            const call = ctx.methodCall();
            const id = call.id();
            const name = id ? id.start.text : call.THIS() ? 'this' : 'super';
            return { kind: 'call', target: null, name, args: this.expressionList(call.expressionList()), span };
        }
        if (BINARY_CONTEXTS.has(ctx.constructor)) {
            const operands = (ctx as unknown as { expression_list(): ExpressionContext[] }).expression_list();
            const left = operands[0];
            const right = operands[1];
            const leftSpan = this.span(left);
            const rightSpan = this.span(right);
            const op = this.source.slice(leftSpan.end, rightSpan.start).replace(/\s+/g, '');
            return { kind: 'binary', op, left: this.expression(left), right: this.expression(right), span };
        }
        if (ctx instanceof AssignExpressionContext) {
            const [target, value] = ctx.expression_list();
            const op = this.source.slice(this.span(target).end, this.span(value).start).replace(/\s+/g, '');
            return { kind: 'assign', op, target: this.expression(target), value: this.expression(value), span };
        }
        if (ctx instanceof NewExpressionContext) {
            return this.creator(ctx.creator(), span);
        }
        if (ctx instanceof SubExpressionContext) {
            return this.expression(ctx.expression());
        }
        if (ctx instanceof CastExpressionContext) {
            return {
                kind: 'cast',
                typeName: this.compact(ctx.typeRef()),
                expr: this.expression(ctx.expression()),
                span
            };
        }
        if (ctx instanceof ArrayExpressionContext) {
            const [target, index] = ctx.expression_list();
            return { kind: 'index', target: this.expression(target), index: this.expression(index), span };
        }
        if (ctx instanceof CondExpressionContext) {
            const [test, whenTrue, whenFalse] = ctx.expression_list();
            return {
                kind: 'conditional',
                test: this.expression(test),
                whenTrue: this.expression(whenTrue),
                whenFalse: this.expression(whenFalse),
                span
            };
        }
        if (ctx instanceof NegExpressionContext) {
            return {
                kind: 'unary',
                op: ctx.BANG() ? '!' : '~',
                operand: this.expression(ctx.expression()),
                postfix: false,
                span
            };
        }
        if (ctx instanceof PreOpExpressionContext) {
            const op = ctx.INC() ? '++' : ctx.DEC() ? '--' : ctx.SUB() ? '-' : '+';
            return { kind: 'unary', op, operand: this.expression(ctx.expression()), postfix: false, span };
        }
        if (ctx instanceof PostOpExpressionContext) {
            const op = ctx.INC() ? '++' : '--';
            return { kind: 'unary', op, operand: this.expression(ctx.expression()), postfix: true, span };
        }
        if (ctx instanceof InstanceOfExpressionContext) {
            return {
                kind: 'instanceof',
                expr: this.expression(ctx.expression()),
                typeName: this.compact(ctx.typeRef()),
                span
            };
        }
        // Error recovery can leave a bare ExpressionContext: keep its text as an opaque name.
        return { kind: 'name', name: this.compact(ctx), span };
    }

    private primary(ctx: Ctx, span: Span): Expr {
        if (ctx instanceof IdPrimaryContext) {
            return { kind: 'name', name: ctx.id().start.text, span };
        }
        if (ctx instanceof LiteralPrimaryContext) {
            return this.literal(ctx.literal(), span);
        }
        if (ctx instanceof SoqlPrimaryContext) {
            return { kind: 'soql', query: this.query(ctx.soqlLiteral().query()), span };
        }
        if (ctx instanceof ThisPrimaryContext) {
            return { kind: 'this', span };
        }
        if (ctx instanceof SuperPrimaryContext) {
            return { kind: 'super', span };
        }
        if (ctx instanceof TypeRefPrimaryContext) {
            return { kind: 'classref', typeName: this.compact(ctx.typeRef()), span };
        }
        if (ctx instanceof VoidPrimaryContext) {
            return { kind: 'classref', typeName: 'void', span };
        }
        if (ctx instanceof SoslPrimaryContext) {
            return this.sosl(ctx, span);
        }
        return { kind: 'name', name: this.compact(ctx), span };
    }

    private literal(ctx: LiteralContext, span: Span): Expr {
        const token = ctx.start;
        const raw = token.text;
        if (ctx.StringLiteral() || ctx.MultilineStringLiteral?.()) {
            return { kind: 'literal', literalType: 'string', value: unquote(raw), span };
        }
        if (ctx.IntegerLiteral()) {
            return { kind: 'literal', literalType: 'integer', value: raw, span };
        }
        if (ctx.LongLiteral()) {
            return { kind: 'literal', literalType: 'long', value: raw, span };
        }
        if (ctx.NumberLiteral()) {
            return { kind: 'literal', literalType: 'number', value: raw, span };
        }
        if (ctx.BooleanLiteral()) {
            return { kind: 'literal', literalType: 'boolean', value: raw.toLowerCase(), span };
        }
        return { kind: 'literal', literalType: 'null', value: 'null', span };
    }

    private creator(ctx: CreatorContext, span: Span): Expr {
        const typeName = this.compact(ctx.createdName());
        const result = {
            kind: 'new' as const,
            typeName,
            args: [] as Expr[],
            elements: [] as Expr[],
            pairs: [] as Array<[Expr, Expr]>,
            span
        };
        const classRest = ctx.classCreatorRest();
        if (classRest) {
            result.args = this.expressionList(classRest.arguments().expressionList());
            return result;
        }
        const mapRest = ctx.mapCreatorRest();
        if (mapRest) {
            result.pairs = mapRest.mapCreatorRestPair_list().map((pair) => {
                const [key, value] = pair.expression_list();
                return [this.expression(key), this.expression(value)] as [Expr, Expr];
            });
            return result;
        }
        const setRest = ctx.setCreatorRest();
        if (setRest) {
            result.elements = setRest.expression_list().map((e) => this.expression(e));
            return result;
        }
        const arrayRest = ctx.arrayCreatorRest();
        if (arrayRest) {
            const size = arrayRest.expression();
            if (size) {
                result.args = [this.expression(size)];
            }
            const init = arrayRest.arrayInitializer();
            if (init) {
                result.elements = init.expression_list().map((e) => this.expression(e));
            }
            result.typeName = `${typeName}[]`;
        }
        return result;
    }

    private fieldPath(ctx: FieldNameContext | null): string {
        return ctx ? this.compact(ctx) : '';
    }

    private fieldsOfEntry(
        entry: SelectEntryContext | SubFieldEntryContext,
        fields: string[],
        subqueries: SoqlQuery['subqueries']
    ): void {
        const fieldName = entry.fieldName();
        if (fieldName) {
            fields.push(this.fieldPath(fieldName));
            return;
        }
        const fn = entry.soqlFunction();
        if (fn) {
            if (fn.FIELDS()) {
                fields.push(`FIELDS(${this.compact(fn.soqlFieldsParameter()).toUpperCase()})`);
                return;
            }
            const inner = fn.fieldName();
            if (inner) {
                fields.push(this.fieldPath(inner));
            }
            const date = fn.dateFieldName();
            if (date) {
                const field = date.fieldName();
                if (field) {
                    fields.push(this.fieldPath(field));
                }
            }
            return;
        }
        const sub = entry.subQuery();
        if (sub) {
            subqueries.push(this.subQuery(sub));
            return;
        }
        const typeOf = entry.typeOf();
        if (typeOf) {
            for (const when of typeOf.whenClause_list()) {
                for (const field of when.fieldNameList().fieldName_list()) {
                    fields.push(this.fieldPath(field));
                }
            }
            const otherwise = typeOf.elseClause();
            if (otherwise) {
                for (const field of otherwise.fieldNameList().fieldName_list()) {
                    fields.push(this.fieldPath(field));
                }
            }
        }
    }

    private subQuery(ctx: SubQueryContext): { relationship: string; fields: string[] } {
        const fields: string[] = [];
        const nested: SoqlQuery['subqueries'] = [];
        for (const entry of ctx.subFieldList().subFieldEntry_list()) {
            this.fieldsOfEntry(entry, fields, nested);
        }
        return { relationship: this.fieldPath(ctx.fromNameList().fieldName(0)), fields };
    }

    private collectBinds(ctx: Ctx, into: Expr[]): void {
        for (const child of children(ctx)) {
            if (isTerminal(child)) {
                continue;
            }
            if (child instanceof BoundExpressionContext) {
                into.push(this.expression(child.expression()));
            } else {
                this.collectBinds(child, into);
            }
        }
    }

    query(ctx: QueryContext): SoqlQuery {
        const fields: string[] = [];
        const subqueries: SoqlQuery['subqueries'] = [];
        for (const entry of ctx.selectList().selectEntry_list()) {
            this.fieldsOfEntry(entry, fields, subqueries);
        }
        const withClause = ctx.withClause();
        let mode: AccessMode | null = null;
        if (withClause) {
            if (withClause.USER_MODE()) {
                mode = 'user';
            } else if (withClause.SYSTEM_MODE()) {
                mode = 'system';
            } else if (withClause.SECURITY_ENFORCED()) {
                mode = 'security_enforced';
            }
        }
        const binds: Expr[] = [];
        this.collectBinds(ctx, binds);
        return { from: this.fieldPath(ctx.fromNameList().fieldName(0)), fields, subqueries, mode, binds };
    }

    private sosl(ctx: SoslPrimaryContext, span: Span): Expr {
        const literal = ctx.soslLiteral();
        const clauses = literal.soslClauses();
        const objects: string[] = [];
        let mode: AccessMode | null = null;
        if (clauses) {
            let list: FieldSpecListContext | null = clauses.fieldSpecList();
            while (list) {
                const spec = list.fieldSpec();
                if (spec) {
                    const ids = spec.soslId_list();
                    if (ids[0]) {
                        objects.push(this.compact(ids[0]));
                    }
                }
                const more = list.fieldSpecList_list();
                list = more.length > 0 ? more[0] : null;
            }
            for (const clause of clauses.soslWithClause_list()) {
                if (clause.USER_MODE()) {
                    mode = 'user';
                } else if (clause.SYSTEM_MODE()) {
                    mode = 'system';
                }
            }
        }
        const binds: Expr[] = [];
        this.collectBinds(literal, binds);
        return { kind: 'sosl', objects, mode, binds, span };
    }
}
