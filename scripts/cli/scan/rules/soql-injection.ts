/**
 * soql-injection: a dynamic query string built from untrusted input without escaping, bind variables
 * or an allowlist check. Sources, sanitizers and sinks are the model of docs/rules/data-flow-model.md
 * (apex/injection-policy.ts); input is followed through locals, fields, string building and calls
 * across classes, and a method that only passes a whole query string on is reported at the call that
 * feeds it input. The message names the source and the path to the sink.
 */
import { HEAD, type SinkHit } from '../apex/taint';
import { injectionHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

/** `@AuraEnabled parameter filter of OrderController.search(filter)` from a source label. */
function describeInput(label: string): string {
    const text = label.replace(/^input:/, '');
    const head = text.indexOf(HEAD);
    return head === -1 ? text : text.slice(0, head);
}

export function injectionMessage(hit: SinkHit): string {
    const sources = [...new Set([...hit.labels].map(describeInput))].sort().join('; ');
    const others = hit.paths > 1 ? ` (and ${hit.paths - 1} other path${hit.paths > 2 ? 's' : ''})` : '';
    return `Dynamic SOQL built from untrusted input (${sources}) reaches ${hit.path[hit.path.length - 1]} without escaping or bind variables: ${hit.path.join(' -> ')}${others}. Use bind variables (:name, or Database.queryWithBinds), String.escapeSingleQuotes for values inside quotes, or check the value against an allowlist.`;
}

export const rule: RuleDefinition = {
    id: 'soql-injection',
    title: 'SOQL injection',
    severity: 'high',
    category: 'component',
    summary: 'Untrusted input reaches a dynamic SOQL or SOSL query without escaping, binds or an allowlist check.',
    description:
        'Database.query, countQuery, getQueryLocator, queryWithBinds and Search.query run whatever text they are given. Input from an entry point (@AuraEnabled, @RemoteAction, webservice, REST, @InvocableMethod), a Visualforce page or a trigger payload concatenated into that text can change the query: read other records, drop filters, or leak fields. Use bind variables (:name, or queryWithBinds), String.escapeSingleQuotes for values inside quotes, or an allowlist.',
    tags: ['security', 'injection', 'external/cwe/cwe-943'],
    precision: 'high',
    run(ctx: RuleContext): void {
        for (const hit of injectionHits(ctx)) {
            ctx.reportApex({
                unit: hit.unit,
                file: hit.unit.file,
                span: hit.expr.span,
                message: injectionMessage(hit)
            });
        }
    }
};
