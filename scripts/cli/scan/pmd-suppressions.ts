/**
 * PMD's suppressions, honoured on request (`--honor-pmd-suppressions`, or `pmd.honorSuppressions` in
 * warden.config.json) for teams that reviewed code under PMD: `@SuppressWarnings('PMD.ApexCRUDViolation')`
 * on a class, method, constructor, property or field, and `// NOPMD` at the end of a line, silence the
 * Warden rules that check the same thing. The findings are still reported, as suppressed, naming the
 * PMD rule and where it was suppressed, so the accepted risk stays visible.
 */
import type { MemberDecl, Modifiers, Span, TypeDecl } from './apex/ast';
import type { ApexFile } from './apex/model';

/** PMD rules and the Warden rules that check the same thing. */
export const PMD_RULES: Record<string, readonly string[]> = {
    ApexCRUDViolation: ['crud-fls-bypass'],
    ApexSharingViolations: ['sharing-missing', 'sharing-without'],
    ApexSOQLInjection: ['soql-injection'],
    ApexSuggestUsingNamedCred: ['credentials-in-code'],
    ApexInsecureEndpoint: ['insecure-endpoint'],
    OperationWithLimitsInLoop: ['soql-in-loop', 'dml-in-loop', 'callout-in-loop', 'limited-call-in-loop'],
    AvoidSoqlInLoops: ['soql-in-loop'],
    AvoidSoslInLoops: ['soql-in-loop'],
    AvoidDmlStatementsInLoops: ['dml-in-loop'],
    AvoidLogicInTrigger: ['trigger-logic']
};

/** Lower-case PMD rule name → its spelling in PMD's documentation. */
const CANONICAL = new Map(Object.keys(PMD_RULES).map((name) => [name.toLowerCase(), name]));

const ALL_MAPPED = [...new Set(Object.values(PMD_RULES).flat())];

export type PmdSuppression = {
    /** Where the suppression is written (the annotated declaration's first line, or the NOPMD line). */
    line: number;
    startLine: number;
    endLine: number;
    rules: ReadonlySet<string>;
    /** As written: `PMD.ApexCRUDViolation`, `PMD` or `NOPMD`. */
    pmd: string;
    reason: string;
};

/** The Warden rules one `@SuppressWarnings` value names: `'PMD.ApexCRUDViolation, PMD.ApexSOQLInjection'`. */
function suppressedBy(value: string): Array<{ pmd: string; rules: readonly string[] }> {
    const out: Array<{ pmd: string; rules: readonly string[] }> = [];
    for (const raw of value.replace(/^'|'$/g, '').split(',')) {
        const lower = raw.trim().toLowerCase();
        const canonical = lower.startsWith('pmd.') ? CANONICAL.get(lower.slice(4)) : undefined;
        if (lower === 'pmd') {
            out.push({ pmd: 'PMD', rules: ALL_MAPPED });
        } else if (canonical) {
            out.push({ pmd: `PMD.${canonical}`, rules: PMD_RULES[canonical] });
        }
    }
    return out;
}

function fromAnnotations(modifiers: Modifiers, span: Span, out: PmdSuppression[]): void {
    const value = modifiers.annotations.find((a) => a.name === 'suppresswarnings')?.params[''];
    if (!value) {
        return;
    }
    for (const { pmd, rules } of suppressedBy(value)) {
        out.push({
            line: span.line,
            startLine: span.line,
            endLine: span.endLine,
            rules: new Set(rules),
            pmd,
            reason: `@SuppressWarnings('${pmd}') honoured (PMD suppression)`
        });
    }
}

function memberSpan(member: MemberDecl): { modifiers: Modifiers; span: Span } | null {
    return member.kind === 'initializer' ? null : { modifiers: member.modifiers, span: member.span };
}

function fromType(type: TypeDecl, out: PmdSuppression[]): void {
    fromAnnotations(type.modifiers, type.span, out);
    for (const member of type.members) {
        const annotated = memberSpan(member);
        if (annotated) {
            fromAnnotations(annotated.modifiers, annotated.span, out);
        }
    }
    type.innerTypes.forEach((inner) => fromType(inner, out));
}

/** `// NOPMD` and `// NOPMD reason`, which suppress every PMD rule on their line. */
function nopmdComments(source: string, out: PmdSuppression[]): void {
    if (!/NOPMD/i.test(source)) {
        return;
    }
    source.split('\n').forEach((text, index) => {
        const match = /\/\/\s*NOPMD\b[\s:-]*(.*)$/i.exec(text);
        if (match) {
            const said = match[1].trim();
            out.push({
                line: index + 1,
                startLine: index + 1,
                endLine: index + 1,
                rules: new Set(ALL_MAPPED),
                pmd: 'NOPMD',
                reason: `// NOPMD honoured (PMD suppression)${said ? `: ${said}` : ''}`
            });
        }
    });
}

/** Every PMD suppression of one parsed Apex file. */
export function pmdSuppressions(file: ApexFile): PmdSuppression[] {
    const out: PmdSuppression[] = [];
    if (/suppresswarnings/i.test(file.source)) {
        const unit = file.unit;
        const types =
            unit.kind === 'class'
                ? [unit.type]
                : unit.kind === 'trigger'
                  ? unit.trigger.innerTypes
                  : unit.anonymous.innerTypes;
        types.forEach((type) => fromType(type, out));
    }
    nopmdComments(file.source, out);
    return out;
}

/** The PMD suppression covering a finding of `ruleId` on `line`, if any (the innermost declaration). */
export function findPmdSuppression(
    suppressions: PmdSuppression[],
    ruleId: string,
    line: number
): PmdSuppression | undefined {
    let best: PmdSuppression | undefined;
    for (const s of suppressions) {
        if (s.rules.has(ruleId) && s.startLine <= line && line <= s.endLine) {
            if (!best || s.endLine - s.startLine < best.endLine - best.startLine) {
                best = s;
            }
        }
    }
    return best;
}
