/**
 * Syntax-checks Apex source with @apexdevtools/apex-parser (the ANTLR grammar that tracks the
 * platform compiler). One listener is attached to both lexer and parser, so bad string escapes
 * and grammar errors are both reported. Syntax only: types, names and semantics need an org.
 */
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

import { apexUnitKind, type ApexUnitKind } from '../../cli/lib/apex-kind';

export { apexUnitKind, type ApexUnitKind };

export type ApexSyntaxError = {
    /** 1-based line. */
    line: number;
    /** 1-based column (ANTLR counts from 0; we add one so editors land on the character). */
    column: number;
    message: string;
};

type TokenLike = { line: number; column: number; text?: string | null; type: number };
type TokenStreamLike = { LT(offset: number): TokenLike | null };

class CollectingListener extends ApexErrorListener {
    readonly errors: ApexSyntaxError[] = [];

    /**
     * ANTLR reports "missing ';' at '}'" at the token after the gap. For "missing" errors we point
     * at the gap itself, just after the previous token, where the editor cursor should go.
     */
    override syntaxError(
        recognizer: unknown,
        offendingSymbol: unknown,
        line: number,
        column: number,
        msg: string,
        e: undefined
    ): void {
        if (msg.startsWith('missing ')) {
            const stream = (recognizer as { getTokenStream?: () => TokenStreamLike }).getTokenStream?.();
            const previous = stream?.LT(-1);
            if (previous && previous.text && !previous.text.includes('\n')) {
                this.apexSyntaxError(previous.line, previous.column + previous.text.length, msg);
                return;
            }
        }
        super.syntaxError(recognizer as never, offendingSymbol as never, line, column, msg, e);
    }

    apexSyntaxError(line: number, column: number, msg: string): void {
        this.errors.push({ line, column: column + 1, message: msg });
    }
}

export function apexSyntaxErrors(source: string, kind: ApexUnitKind): ApexSyntaxError[] {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (kind === 'class') {
        parser.compilationUnit();
    } else if (kind === 'trigger') {
        parser.triggerUnit();
    } else {
        parser.anonymousUnit();
    }
    return listener.errors;
}
