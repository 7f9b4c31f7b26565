/**
 * endpoint-region-not-allowed: a Remote Site Setting, Named Credential or registered LLM endpoint
 * in a provider region outside `endpoints.allowedRegions`, or a Named Credential whose URL is in a
 * different region than the LlmEndpoint__c record that registers it declares. Regions are read
 * from host names (AWS `eu-central-1`, Google `europe-west3`, Azure `westeurope`, a leading `eu.`
 * on a known LLM host).
 */
import { hostOf, regionAllowed, regionOfHost } from '../context';
import { endpointFinding } from './endpoints';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'endpoint-region-not-allowed',
    title: 'Endpoint in a region that is not allowed',
    severity: 'high',
    category: 'Residency',
    summary:
        'An endpoint is hosted in a provider region outside the allowed list, or disagrees with its LlmEndpoint__c region.',
    description:
        'Data residency rules (GDPR chapter V, national health-data laws) limit where patient data may be processed. An endpoint in another region moves data there on every call. The allowed provider regions are configured in warden.config.json (endpoints.allowedRegions).',
    tags: ['privacy', 'residency', 'metadata'],
    precision: 'medium',
    run(ctx: RuleContext): void {
        const { metadata, llm, config } = ctx.project;
        const allowed = config.endpoints.allowedRegions;
        const declaredRegion = new Map<string, { region: string; key: string }>();
        for (const seed of metadata.seeds) {
            if (seed.type !== 'LlmEndpoint__c') {
                continue;
            }
            const region = seed.values.Region__c;
            const credential = seed.values.NamedCredential__c;
            const key = seed.values.EndpointKey__c ?? seed.values.Name ?? credential ?? '';
            if (region && credential) {
                declaredRegion.set(credential.toLowerCase(), { region, key });
            }
            if (region && allowed.length > 0 && !regionAllowed(region, allowed)) {
                ctx.reportFile({
                    file: seed.file,
                    line: seed.line,
                    column: seed.column,
                    componentType: 'LlmEndpoint__c',
                    componentName: key,
                    snippet: seed.snippet,
                    message: `LlmEndpoint__c ${key} is registered in region ${region}, which is not in endpoints.allowedRegions (${allowed.join(', ')}).`
                });
            }
        }
        for (const endpoint of metadata.endpoints) {
            const host = hostOf(endpoint.url);
            if (!host) {
                continue;
            }
            const region = regionOfHost(host, llm.hosts);
            const { base, label } = endpointFinding(endpoint);
            if (region && allowed.length > 0 && !regionAllowed(region, allowed)) {
                ctx.reportFile({
                    ...base,
                    message: `${label} ${endpoint.name} points at ${host}, in region ${region}, which is not in endpoints.allowedRegions (${allowed.join(', ')}).`
                });
            }
            const declared =
                endpoint.kind === 'NamedCredential' ? declaredRegion.get(endpoint.name.toLowerCase()) : undefined;
            if (declared && region && region.toLowerCase() !== declared.region.toLowerCase()) {
                ctx.reportFile({
                    ...base,
                    discriminator: 'declared-region',
                    message: `${label} ${endpoint.name} points at ${host} in region ${region}, but LlmEndpoint__c ${declared.key} declares region ${declared.region}: the residency check would approve calls that go elsewhere.`
                });
            }
        }
    }
};
