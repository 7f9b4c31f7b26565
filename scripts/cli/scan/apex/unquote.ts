/** Apex string literals: shared by the tree builder and the fast parser. */
const STRING_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

/** The value of an Apex string literal token (quotes removed, escapes resolved). */
export function unquote(token: string): string {
    const body = token.slice(1, -1);
    if (!body.includes('\\')) {
        return body;
    }
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
        if (escape.length === 5) {
            return String.fromCharCode(parseInt(escape.slice(1), 16));
        }
        return STRING_ESCAPES[escape] ?? escape;
    });
}
