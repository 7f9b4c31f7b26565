/**
 * insecure-endpoint: an HttpRequest endpoint that uses plain http://. Data in such a request,
 * PHI included, crosses the network unencrypted.
 */
import { endpointUses } from './endpoints';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'insecure-endpoint',
    title: 'Callout over plain HTTP',
    severity: 'high',
    category: 'Endpoint',
    summary: 'HttpRequest.setEndpoint uses an http:// URL.',
    description:
        'A callout over http:// sends its headers and body, including tokens and any PHI, in clear text. Use https:// (through a Named Credential).',
    tags: ['security', 'transport', 'external/cwe/cwe-319'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const use of endpointUses(ctx)) {
            if (!use.resolved || !/^\s*http:\/\//i.test(use.resolved.value)) {
                continue;
            }
            ctx.reportApex({
                unit: use.unit,
                file: use.unit.file,
                span: use.call.span,
                message: `Endpoint ${use.resolved.value}${use.resolved.complete ? '' : '…'} uses plain http: the request, and any PHI in it, travels unencrypted. Use https.`
            });
        }
    }
};
