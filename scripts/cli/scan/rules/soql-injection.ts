/**
 * soql-injection: a dynamic query string built from untrusted input without
 * String.escapeSingleQuotes or bind variables. Input is a parameter of public, global, web service,
 * Aura, REST or invocable code, a public settable property, a page or REST parameter; it is
 * followed through locals, concatenation, String.replace/join/format and methods of the same class.
 */
import { viaText, injectionHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'soql-injection',
    title: 'SOQL injection',
    severity: 'high',
    category: 'component',
    summary: 'Untrusted input is concatenated into a dynamic SOQL query without escaping or binds.',
    description:
        'Database.query, countQuery, getQueryLocator, queryWithBinds and Search.query run whatever text they are given. Input concatenated into that text can change the query: read other records, drop filters, or leak fields. Use bind variables (:name, or queryWithBinds), or String.escapeSingleQuotes for values inside quotes.',
    tags: ['security', 'injection', 'external/cwe/cwe-943'],
    precision: 'high',
    run(ctx: RuleContext): void {
        for (const hit of injectionHits(ctx)) {
            const sources = [...hit.labels]
                .map((l) => l.replace(/^input:/, ''))
                .sort()
                .join('; ');
            const method = hit.kind.replace(/^query:/, '');
            ctx.reportApex({
                unit: hit.unit,
                file: hit.unit.file,
                span: hit.expr.span,
                message: `Dynamic SOQL passed to ${method} is built from untrusted input (${sources}) without String.escapeSingleQuotes or a bind variable.${viaText(hit)}`
            });
        }
    }
};
