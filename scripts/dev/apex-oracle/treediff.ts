/**
 * Compares two scanner trees (ast.ts) structurally and describes the first difference, for the
 * fast-parser cross-check. `outer` links are compared by qualified name (they make cycles); sets
 * are compared as sorted lists.
 */
function describe(value: unknown): string {
    const text = JSON.stringify(value, (key, v: unknown) =>
        key === 'outer' ? undefined : v instanceof Set ? [...v] : v
    );
    return text === undefined ? String(value) : text.length > 160 ? `${text.slice(0, 160)}...` : text;
}

function differ(a: unknown, b: unknown, path: string): string | null {
    if (a === b) {
        return null;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
        return `${path}: ${describe(a)} (apex-parser) vs ${describe(b)} (fast)`;
    }
    if (a instanceof Set || b instanceof Set) {
        const left = a instanceof Set ? [...(a as Set<unknown>)].sort() : a;
        const right = b instanceof Set ? [...(b as Set<unknown>)].sort() : b;
        return differ(left, right, path);
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
        return `${path}: ${describe(a)} (apex-parser) vs ${describe(b)} (fast)`;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
        const left = (a as Record<string, unknown>)[key];
        const right = (b as Record<string, unknown>)[key];
        if (key === 'outer') {
            const l = (left as { qualifiedName?: string } | null)?.qualifiedName ?? null;
            const r = (right as { qualifiedName?: string } | null)?.qualifiedName ?? null;
            if (l !== r) {
                return `${path}.outer: ${l} vs ${r}`;
            }
            continue;
        }
        const found = differ(left, right, `${path}.${key}`);
        if (found) {
            return found;
        }
    }
    return null;
}

/** Null when the trees are the same; otherwise the path and values of the first difference. */
export function treeDifference(reference: unknown, candidate: unknown): string | null {
    return differ(reference, candidate, '$');
}
