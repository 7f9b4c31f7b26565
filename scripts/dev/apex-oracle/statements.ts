/**
 * The oracle's statements: apex-parser's statement contexts to the scanner's tree (ast.ts).
 */
import {
    BlockContext,
    BreakStatementContext,
    ContinueStatementContext,
    DeleteStatementContext,
    DoWhileStatementContext,
    ExpressionStatementContext,
    ForStatementContext,
    IfStatementContext,
    InsertStatementContext,
    LocalVariableDeclarationContext,
    LocalVariableDeclarationStatementContext,
    MergeStatementContext,
    ReturnStatementContext,
    RunAsStatementContext,
    StatementContext,
    SwitchStatementContext,
    ThrowStatementContext,
    TryStatementContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    VariableDeclaratorsContext,
    WhileStatementContext
} from '@apexdevtools/apex-parser';
import type { BlockStmt, DmlOp, LocalStmt, Span, Stmt, VariableDeclarator } from '../../cli/scan/apex/ast';
import { ExpressionBuilder } from './expressions';
import { children, isTerminal } from './spans';

type DmlContext =
    | InsertStatementContext
    | UpdateStatementContext
    | DeleteStatementContext
    | UndeleteStatementContext
    | UpsertStatementContext
    | MergeStatementContext;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const DML_KINDS = new Map<Function, DmlOp>([
    [InsertStatementContext, 'insert'],
    [UpdateStatementContext, 'update'],
    [DeleteStatementContext, 'delete'],
    [UndeleteStatementContext, 'undelete'],
    [UpsertStatementContext, 'upsert'],
    [MergeStatementContext, 'merge']
]);

export abstract class StatementBuilder extends ExpressionBuilder {
    block(ctx: BlockContext): BlockStmt {
        const body: Stmt[] = [];
        for (const statement of ctx.statement_list()) {
            const stmt = this.statement(statement);
            if (stmt) {
                body.push(stmt);
            }
        }
        return { kind: 'block', body, span: this.span(ctx) };
    }

    protected local(ctx: LocalVariableDeclarationContext): LocalStmt {
        return {
            kind: 'local',
            typeName: this.compact(ctx.typeRef()),
            declarators: this.declarators(ctx.variableDeclarators()),
            span: this.span(ctx)
        };
    }

    declarators(ctx: VariableDeclaratorsContext | null): VariableDeclarator[] {
        if (!ctx) {
            return [];
        }
        return ctx.variableDeclarator_list().map((declarator) => {
            const init = declarator.expression();
            return {
                name: declarator.id().start.text,
                init: init ? this.expression(init) : null,
                span: this.span(declarator)
            };
        });
    }

    statement(ctx: StatementContext): Stmt | null {
        this.enter(ctx);
        try {
            const child = children(ctx)[0];
            if (!child || isTerminal(child)) {
                return null;
            }
            return this.statementOf(child, this.span(ctx));
        } finally {
            this.depth -= 1;
        }
    }

    private optionalStatement(ctx: StatementContext | null): Stmt | null {
        return ctx ? this.statement(ctx) : null;
    }

    private statementOf(child: unknown, span: Span): Stmt | null {
        if (child instanceof BlockContext) {
            return this.block(child);
        }
        if (child instanceof LocalVariableDeclarationStatementContext) {
            return { ...this.local(child.localVariableDeclaration()), span };
        }
        if (child instanceof ExpressionStatementContext) {
            return { kind: 'expr', expr: this.expression(child.expression()), span };
        }
        if (child instanceof IfStatementContext) {
            const statements = child.statement_list();
            const thenStmt = statements[0] ? this.statement(statements[0]) : null;
            return {
                kind: 'if',
                test: this.expression(child.parExpression().expression()),
                then: thenStmt ?? { kind: 'block', body: [], span },
                otherwise: statements[1] ? this.statement(statements[1]) : null,
                span
            };
        }
        if (child instanceof ForStatementContext) {
            return this.forStatement(child, span);
        }
        if (child instanceof WhileStatementContext) {
            return {
                kind: 'while',
                test: this.expression(child.parExpression().expression()),
                body: this.optionalStatement(child.statement()),
                span
            };
        }
        if (child instanceof DoWhileStatementContext) {
            return {
                kind: 'dowhile',
                body: this.block(child.block()),
                test: this.expression(child.parExpression().expression()),
                span
            };
        }
        return this.jumpOrOther(child, span);
    }

    private jumpOrOther(child: unknown, span: Span): Stmt | null {
        if (child instanceof TryStatementContext) {
            return this.tryStatement(child, span);
        }
        if (child instanceof ReturnStatementContext) {
            const expr = child.expression();
            return { kind: 'return', expr: expr ? this.expression(expr) : null, span };
        }
        if (child instanceof ThrowStatementContext) {
            return { kind: 'throw', expr: this.expression(child.expression()), span };
        }
        if (child instanceof BreakStatementContext) {
            return { kind: 'break', span };
        }
        if (child instanceof ContinueStatementContext) {
            return { kind: 'continue', span };
        }
        if (child instanceof SwitchStatementContext) {
            return this.switchStatement(child, span);
        }
        if (child instanceof RunAsStatementContext) {
            return {
                kind: 'runas',
                args: this.expressionList(child.expressionList()),
                body: this.block(child.block()),
                span
            };
        }
        const op = DML_KINDS.get((child as object).constructor);
        return op ? this.dml(child as DmlContext, op, span) : null;
    }

    private forStatement(ctx: ForStatementContext, span: Span): Stmt {
        const control = ctx.forControl();
        const body = this.optionalStatement(ctx.statement());
        const enhanced = control.enhancedForControl();
        if (enhanced) {
            return {
                kind: 'foreach',
                typeName: this.compact(enhanced.typeRef()),
                variable: enhanced.id().start.text,
                iterable: this.expression(enhanced.expression()),
                body,
                span
            };
        }
        const init = control.forInit();
        const localDecl = init?.localVariableDeclaration();
        const initList = init?.expressionList();
        const test = control.expression();
        const update = control.forUpdate()?.expressionList();
        return {
            kind: 'for',
            init: localDecl ? this.local(localDecl) : initList ? this.expressionList(initList) : null,
            test: test ? this.expression(test) : null,
            update: update ? this.expressionList(update) : [],
            body,
            span
        };
    }

    private tryStatement(ctx: TryStatementContext, span: Span): Stmt {
        const finallyCtx = ctx.finallyBlock();
        return {
            kind: 'try',
            body: this.block(ctx.block()),
            catches: ctx.catchClause_list().map((clause) => ({
                typeName: this.compact(clause.qualifiedName()),
                variable: clause.id().start.text,
                body: this.block(clause.block()),
                span: this.span(clause)
            })),
            finallyBlock: finallyCtx ? this.block(finallyCtx.block()) : null,
            span
        };
    }

    private switchStatement(ctx: SwitchStatementContext, span: Span): Stmt {
        const whens = ctx.whenControl_list().map((when) => {
            const value = when.whenValue();
            const typeRef = value.typeRef();
            const id = value.id();
            return {
                values: value.whenLiteral_list().map((literal) => this.text(literal)),
                isElse: Boolean(value.ELSE()),
                typeName: typeRef ? this.compact(typeRef) : null,
                variable: id ? id.start.text : null,
                body: this.block(when.block())
            };
        });
        return { kind: 'switch', expr: this.expression(ctx.expression()), whens, span };
    }

    private dml(ctx: DmlContext, op: DmlOp, span: Span): Stmt {
        const access = ctx.accessLevel();
        const mode = access ? (access.USER() ? 'user' : 'system') : null;
        if (ctx instanceof MergeStatementContext) {
            const [first, second] = ctx.expression_list();
            return {
                kind: 'dml',
                op,
                mode,
                expr: this.expression(first),
                second: second ? this.expression(second) : null,
                externalIdField: null,
                span
            };
        }
        const qualified = ctx instanceof UpsertStatementContext ? ctx.qualifiedName() : null;
        return {
            kind: 'dml',
            op,
            mode,
            expr: this.expression(ctx.expression()),
            second: null,
            externalIdField: qualified ? this.compact(qualified) : null,
            span
        };
    }
}
