/**
 * `warden:ignore <rule>[,<rule>...] <reason>` comments, in Apex (`//`, `/* *\/`) and in XML
 * (`<!-- -->`). A suppression covers findings of the named rules on its own line and on the line
 * below it. The reason is mandatory: a comment without one (or naming an unknown rule) suppresses
 * nothing and is itself reported, so an audit can see every accepted risk and why.
 */

export type ParsedSuppression = {
    line: number;
    column: number;
    rules: string[];
    reason: string;
    /** Why the comment is not a valid suppression, if it is not. */
    problem?: string;
    text: string;
};

const MARKER = /(\/\/|\/\*|<!--)\s*warden:ignore\b([^\n]*)/g;

export function parseSuppressions(content: string, knownRules: ReadonlySet<string>): ParsedSuppression[] {
    if (!content.includes('warden:ignore')) {
        return [];
    }
    const out: ParsedSuppression[] = [];
    const lines = content.split('\n');
    lines.forEach((lineText, index) => {
        MARKER.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = MARKER.exec(lineText)) !== null) {
            const rest = match[2]
                .replace(/\*\/.*$/, '')
                .replace(/-->.*$/, '')
                .trim();
            const [ruleToken = '', ...reasonWords] = rest.split(/\s+/);
            const rules = ruleToken
                .split(',')
                .map((r) => r.trim())
                .filter(Boolean);
            const reason = reasonWords.join(' ').trim();
            let problem: string | undefined;
            if (rules.length === 0) {
                problem = 'names no rule: write `warden:ignore <rule-id> <reason>`';
            } else if (rules.some((r) => !knownRules.has(r))) {
                const unknown = rules.filter((r) => !knownRules.has(r));
                problem = `names unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}`;
            } else if (!reason) {
                problem = `gives no reason: write why the risk is accepted after the rule id`;
            }
            out.push({
                line: index + 1,
                column: match.index + 1,
                rules,
                reason,
                problem,
                text: match[0].trim()
            });
        }
    });
    return out;
}

/** The valid suppression covering a finding of `ruleId` on `line`, if any. */
export function findSuppression(
    suppressions: ParsedSuppression[],
    ruleId: string,
    line: number
): ParsedSuppression | undefined {
    return suppressions.find((s) => !s.problem && (s.line === line || s.line === line - 1) && s.rules.includes(ruleId));
}
