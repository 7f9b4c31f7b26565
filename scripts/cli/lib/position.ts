/**
 * Line and column arithmetic for messages in `file:line:column` form. Lines and columns are
 * 1-based, as editors and compilers print them.
 */

export type Position = { line: number; column: number };

/** The 1-based line and column of a 0-based character offset. */
export function positionAt(text: string, offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let line = 1;
    let lineStart = 0;
    for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
        line += 1;
        lineStart = index + 1;
    }
    return { line, column: clamped - lineStart + 1 };
}

/**
 * Where `needle` first occurs in `text` (at or after `from`), or undefined. Used to point at the
 * element of a metadata file that holds a bad value, since the XML parser keeps no positions.
 */
export function locate(text: string, needle: string, from = 0): Position | undefined {
    const index = text.indexOf(needle, from);
    return index === -1 ? undefined : positionAt(text, index);
}

/** The first 1-based line on which two texts differ, or undefined when they are equal. */
export function firstDifferentLine(expected: string, actual: string): number | undefined {
    if (expected === actual) {
        return undefined;
    }
    const a = expected.split('\n');
    const b = actual.split('\n');
    const length = Math.max(a.length, b.length);
    for (let index = 0; index < length; index += 1) {
        if (a[index] !== b[index]) {
            return index + 1;
        }
    }
    return length;
}
