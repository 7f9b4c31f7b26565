/**
 * Text from scanned files (file names, snippets, and messages that quote code) is untrusted: a file
 * named with an ESC character, or a snippet holding one, could rewrite a CI log or a terminal (colours,
 * cursor moves, hidden lines, hyperlinks), and bidirectional controls can make code read differently
 * from how it runs. The table shows such characters escaped; JSON and SARIF are escaped by
 * JSON.stringify for C0 controls, and here for the rest, so a report printed raw is safe too.
 */

/** C0 and C1 controls, DEL, and the Unicode bidirectional formatting characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw in strings (it escapes C0 itself; C0 outside strings is layout). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function hex(char: string): string {
    return char.charCodeAt(0).toString(16).padStart(4, '0');
}

/** `\x1b`, `\u202e`: every unsafe character as a visible escape, for the terminal. */
export function escapeForTerminal(text: string): string {
    return text.replace(UNSAFE, (char) => {
        const code = char.charCodeAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${hex(char)}`;
    });
}

/**
 * JSON text with the unsafe characters JSON.stringify leaves raw (C1 controls, DEL, bidirectional
 * controls) written as `\uXXXX` escapes: the same JSON value, only ASCII-safe to print.
 */
export function escapeJsonText(json: string): string {
    return json.replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char)}`);
}
