/**
 * The base of the oracle's tree builder (build.ts): spans and source text of apex-parser's contexts
 * and tokens. ANTLR counts offsets and columns in code points; the scanner counts UTF-16 code units
 * (what JavaScript strings and SARIF use), so where the source holds characters outside the Basic
 * Multilingual Plane the positions are converted here.
 */
import type { ApexParserRuleContext as Ctx, ApexTerminalNode, ApexToken as Token } from '@apexdevtools/apex-parser';
import type { Span } from '../../cli/scan/apex/ast';

export type { Ctx };

export function children(ctx: Ctx): Ctx[] {
    return (ctx.children ?? []) as unknown as Ctx[];
}

export function isTerminal(node: unknown): node is ApexTerminalNode {
    return (node as { symbol?: Token }).symbol !== undefined;
}

/** Code point offsets to UTF-16 offsets for one source (identity when it has no surrogates). */
export class Utf16Offsets {
    private readonly table: Int32Array | null;

    constructor(private readonly source: string) {
        if (!/[\uD800-\uDFFF]/.test(source)) {
            this.table = null;
            return;
        }
        const table: number[] = [];
        for (let i = 0; i < source.length; i += 1) {
            table.push(i);
            const code = source.codePointAt(i) ?? 0;
            if (code > 0xffff) {
                i += 1;
            }
        }
        table.push(source.length);
        this.table = Int32Array.from(table);
    }

    /** The UTF-16 offset of code point `index` (the end of the source past the last one). */
    offset(index: number): number {
        if (!this.table) {
            return index;
        }
        return this.table[Math.min(Math.max(index, 0), this.table.length - 1)];
    }

    /** A 1-based code point column on a 1-based line, as a 1-based UTF-16 column. */
    utf16Column(line: number, column: number): number {
        if (!this.table) {
            return column;
        }
        let lineStart = 0;
        for (let at = 1; at < line; at += 1) {
            lineStart = this.source.indexOf('\n', lineStart) + 1;
            if (lineStart === 0) {
                return column;
            }
        }
        let i = lineStart;
        for (let counted = 1; counted < column && i < this.source.length; counted += 1) {
            i += (this.source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        }
        return i - lineStart + 1;
    }

    /** The 0-based UTF-16 column of a code point offset. */
    column(index: number, codePointColumn: number): number {
        if (!this.table) {
            return codePointColumn;
        }
        const at = this.offset(index);
        return at - (this.source.lastIndexOf('\n', at - 1) + 1);
    }
}

export abstract class SpanBuilder {
    protected readonly offsets: Utf16Offsets;

    constructor(protected readonly source: string) {
        this.offsets = new Utf16Offsets(source);
    }

    span(ctx: Ctx): Span {
        const start = ctx.start;
        const stop = ctx.stop ?? ctx.start;
        const from = this.offsets.offset(start.start);
        return {
            line: start.line,
            column: this.offsets.column(start.start, start.column) + 1,
            endLine: stop.line,
            start: from,
            end: Math.max(from, this.offsets.offset(stop.stop + 1))
        };
    }

    text(ctx: Ctx): string {
        const span = this.span(ctx);
        return this.source.slice(span.start, span.end);
    }

    /** Source text without whitespace: type names, qualified names. */
    compact(ctx: Ctx): string {
        return this.text(ctx).replace(/\s+/g, '');
    }

    /** A token's own text, sliced from the source (ANTLR's text is the same, but counted in code points). */
    tokenText(token: Token): string {
        return this.source.slice(this.offsets.offset(token.start), this.offsets.offset(token.stop + 1));
    }
}
