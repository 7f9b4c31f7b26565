/**
 * The oracle of the scanner's Apex parser: the same question (this source, as a class file, trigger
 * or script: its tree or its first syntax problem) answered with apex-parser (parse.ts, build.ts),
 * and the comparison of the two answers that the scanner's tests, the Jest cross-check and bench:scan
 * use. The scanner never loads this; it lives under scripts/dev (docs/checks.md, "Fast paths kept").
 */
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import type { ApexUnitKind } from '../../cli/lib/apex-kind';
import type { LexedToken } from '../../cli/scan/apex/parser/tokens';
import type { ParseOutcome } from '../../cli/scan/apex/parser';
import { TreeBuilder } from './build';
import { NestingError } from './expressions';
import { antlrParse } from './parse';
import { Utf16Offsets } from './spans';
import { treeDifference } from './treediff';

/** apex-parser's answer: the tree its builder makes, or its first error. Never throws for bad input. */
export function oracleParse(source: string, kind: ApexUnitKind): ParseOutcome {
    try {
        const parsed = antlrParse(source, kind);
        if (parsed.errors.length > 0) {
            const { line, column, message } = parsed.errors[0];
            const offsets = new Utf16Offsets(source);
            return { problem: { line, column: offsets.utf16Column(line, column), message } };
        }
        const unit = new TreeBuilder(source).build(parsed);
        if (!unit) {
            return { problem: { line: 1, column: 1, message: 'no type declaration' } };
        }
        return { unit };
    } catch (error) {
        const overflow = (error as { name?: unknown } | null)?.name === 'RangeError';
        if (error instanceof NestingError || overflow) {
            return { problem: { line: 1, column: 1, message: 'too deep for the oracle', tooDeep: true } };
        }
        throw error;
    }
}

/**
 * How the two parsers' answers differ, or null when they agree: both accept with the same tree, or both
 * reject. When either gives up on nesting there is nothing to compare (null too).
 */
export function parserDisagreement(source: string, kind: ApexUnitKind, mine: ParseOutcome): string | null {
    if (mine.problem?.tooDeep) {
        return null;
    }
    const reference = oracleParse(source, kind);
    if (reference.problem?.tooDeep) {
        return null;
    }
    if (reference.problem && mine.problem) {
        return null;
    }
    if (reference.problem) {
        const { line, column, message } = reference.problem;
        return `the scanner's parser accepts what apex-parser rejects at ${line}:${column} (${message})`;
    }
    if (mine.problem) {
        const { line, column, message } = mine.problem;
        return `the scanner's parser rejects what apex-parser accepts: ${line}:${column} ${message}`;
    }
    const difference = treeDifference(reference.unit, mine.unit);
    return difference ? `the trees differ at ${difference}` : null;
}

/**
 * ApexLexer's tokens on the default channel and EOF, positions in UTF-16 code units as the scanner's
 * lexer gives them; `error` when ApexLexer reported one (its recovery then goes on, the tokens do not
 * matter).
 */
export function oracleTokens(source: string): { tokens: LexedToken[]; error: boolean } {
    const lexer = ApexParserFactory.createLexer(source);
    let error = false;
    lexer.removeErrorListeners();
    lexer.addErrorListener({
        syntaxError() {
            error = true;
        },
        reportAmbiguity() {},
        reportAttemptingFullContext() {},
        reportContextSensitivity() {}
    } as never);
    const offsets = new Utf16Offsets(source);
    const tokens: LexedToken[] = [];
    for (;;) {
        const token = lexer.nextToken();
        if (token.channel === 0) {
            const start = offsets.offset(token.start);
            tokens.push({
                type: token.type,
                start,
                stop: offsets.offset(token.stop + 1) - 1,
                line: token.line,
                column: offsets.column(token.start, token.column),
                text: token.type === -1 ? '<EOF>' : source.slice(start, offsets.offset(token.stop + 1))
            });
        }
        if (token.type === -1) {
            break;
        }
    }
    return { tokens, error };
}
