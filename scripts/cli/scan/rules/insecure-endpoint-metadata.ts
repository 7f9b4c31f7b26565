/**
 * insecure-endpoint-metadata: Remote Site Settings and Named Credentials whose URL uses plain
 * http://, and Remote Site Settings that disable protocol security (which lets https pages call
 * http endpoints).
 */
import { endpointFinding } from './endpoints';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'insecure-endpoint-metadata',
    title: 'Remote Site or Named Credential over plain HTTP',
    severity: 'high',
    category: 'Endpoint',
    summary: 'A Remote Site Setting or Named Credential points at an http:// URL, or disables protocol security.',
    description:
        'Every callout through an http:// Remote Site Setting or Named Credential sends its headers and body unencrypted; disableProtocolSecurity allows exactly that from secure contexts. Use https:// endpoints only.',
    tags: ['security', 'transport', 'metadata', 'external/cwe/cwe-319'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const endpoint of ctx.project.metadata.endpoints) {
            const { base, label } = endpointFinding(endpoint);
            if (/^\s*http:\/\//i.test(endpoint.url)) {
                ctx.reportFile({
                    ...base,
                    severity: endpoint.isActive ? 'high' : 'low',
                    message: `${label} ${endpoint.name} uses plain http (${endpoint.url}): callouts through it are unencrypted.${endpoint.isActive ? '' : ' It is inactive.'}`
                });
            }
            if (endpoint.disableProtocolSecurity) {
                ctx.reportFile({
                    ...base,
                    discriminator: 'disableProtocolSecurity',
                    message: `Remote Site Setting ${endpoint.name} sets disableProtocolSecurity: it allows callouts from secure contexts over plain http.`
                });
            }
        }
    }
};
