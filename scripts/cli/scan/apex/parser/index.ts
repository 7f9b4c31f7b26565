/**
 * The scanner's Apex parser: source text to the scanner's tree (ast.ts), or the first syntax error
 * with its line, column and message. Hand-written (lexer.ts, then the recursive-descent parser in
 * declarations.ts, statements.ts, queries.ts and expressions.ts) because it is several times faster
 * than the ANTLR parser it replaced and has no warm-up; that ANTLR parser, apex-parser, is its oracle
 * in the tests: on every Apex text the tests see, both must accept or both reject, with the same tree
 * (scripts/dev/apex-oracle, docs/scan.md "The parser").
 */
import type { ApexUnitKind } from '../../../lib/apex-kind';
import type { CompilationUnit } from '../ast';
import { BudgetExceeded } from '../../budget';
import { SyntaxFailure } from './cursor';
import { ApexParser } from './declarations';
import { lexApex } from './lexer';

export { MAX_NESTING } from './cursor';

export type SyntaxProblem = {
    line: number;
    column: number;
    message: string;
    /** True when the code nests too deeply to analyse rather than being wrong. */
    tooDeep?: boolean;
    /** True when parsing overran its time budget (budget.ts): not analysed, not wrong. */
    budget?: boolean;
};

export type ParseOutcome =
    { unit: CompilationUnit; problem?: undefined } | { unit?: undefined; problem: SyntaxProblem };

/** Parses a class file, a trigger or an anonymous script. Never throws for bad input. */
export function parseApex(source: string, kind: ApexUnitKind): ParseOutcome {
    const tokens = lexApex(source);
    if (!('type' in tokens)) {
        return { problem: tokens };
    }
    const parser = new ApexParser(source, tokens);
    try {
        if (kind === 'class') {
            return { unit: parser.compilationUnit() };
        }
        if (kind === 'trigger') {
            return { unit: parser.triggerUnit() };
        }
        return { unit: parser.anonymousUnit() };
    } catch (error) {
        if (error instanceof BudgetExceeded) {
            return { problem: { line: 1, column: 1, message: error.reason, budget: true } };
        }
        if (error instanceof SyntaxFailure) {
            const { line, column, message, tooDeep } = error;
            return { problem: tooDeep ? { line, column, message, tooDeep } : { line, column, message } };
        }
        // The nesting guard keeps the parser's own recursion far from the stack's end; a stack overflow
        // here is still reported, not thrown. (By name: under test runners it may come from another realm.)
        if ((error as { name?: unknown } | null)?.name === 'RangeError') {
            return { problem: { line: 1, column: 1, message: 'code nested too deeply to parse', tooDeep: true } };
        }
        throw error;
    }
}
