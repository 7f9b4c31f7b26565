/**
 * The builder of the shared PHI redaction vectors (redaction-vectors.ts): a vector is assembled from plain
 * text and PHI items whose category the builder is told, so its expected output comes from how it was built
 * (the placeholder or pseudonym token stands exactly where each item was put), not from running the redactor.
 */
import type { PhiPattern } from '../../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { placeholderFor, pseudonymToken, scanText } from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';

/** Test-only pseudonym key (never a production key): 32 bytes, hex. */
export const TEST_PSEUDONYM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

export type Piece = string | { phi: string; cat: string };

export type Vector = {
    id: string;
    group: string;
    description: string;
    text: string;
    fields?: Record<string, string>;
    fieldCategories?: Record<string, string>;
    mode: 'redact' | 'pseudonymize';
    dictionary: boolean;
    expected: { text: string; categories: string[]; count: number };
};

export type VectorFile = {
    version: 1;
    description: string;
    pseudonymKeyHex: string;
    patterns: PhiPattern[];
    vectors: Vector[];
};

export type VectorOptions = {
    fields?: Record<string, string>;
    fieldCategories?: Record<string, string>;
    mode?: 'redact' | 'pseudonymize';
    dictionary?: boolean;
};

/** A PHI item of a vector: its text and the category the redactor must give it. */
export function phi(value: string, cat: string): Piece {
    return { phi: value, cat };
}

/** The vectors in the order they are added; ids number them per group. */
export class VectorSet {
    readonly vectors: Vector[] = [];
    private readonly counters = new Map<string, number>();

    add(group: string, description: string, pieces: Piece[], options: VectorOptions = {}): void {
        const n = (this.counters.get(group) ?? 0) + 1;
        this.counters.set(group, n);
        const mode = options.mode ?? 'redact';
        let text = '';
        let expected = '';
        const categories = new Set<string>();
        let count = 0;
        for (const piece of pieces) {
            if (typeof piece === 'string') {
                text += piece;
                expected += piece;
                continue;
            }
            text += piece.phi;
            count++;
            categories.add(piece.cat);
            expected +=
                mode === 'pseudonymize'
                    ? pseudonymToken(piece.cat, scanText(piece.phi).text, TEST_PSEUDONYM_KEY)
                    : placeholderFor(piece.cat, SHIPPED_PATTERNS);
        }
        this.vectors.push({
            id: `${group}-${String(n).padStart(3, '0')}`,
            group,
            description,
            text,
            ...(options.fields ? { fields: options.fields } : {}),
            ...(options.fieldCategories ? { fieldCategories: options.fieldCategories } : {}),
            mode,
            dictionary: options.dictionary ?? true,
            expected: { text: expected, categories: Array.from(categories).sort(), count }
        });
    }

    /** The same value in several carrier sentences. */
    inContexts(
        group: string,
        description: string,
        cat: string,
        values: string[],
        contexts: Array<[string, string]>
    ): void {
        values.forEach((value, i) => {
            const [before, after] = contexts[i % contexts.length];
            this.add(group, `${description}: ${JSON.stringify(value)}`, [before, phi(value, cat), after]);
        });
    }
}
