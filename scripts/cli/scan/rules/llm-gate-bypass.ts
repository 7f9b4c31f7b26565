/**
 * llm-gate-bypass: an HttpRequest aimed at an LLM outside the InferenceGuard gate. An endpoint is
 * an LLM when it names a Named Credential registered in LlmEndpoint__c, listed in the config or
 * detected from its metadata (host or label), when its host is a known LLM API, when it is built
 * from an LlmEndpoint__c record, when it names a Named Credential the project has no metadata for
 * whose name names an LLM, or when its path is one only LLM APIs use. Only the gate classes (config
 * `gate.classes`, default InferenceGuard) may call such endpoints.
 */
import { isLlmHost, llmApiPath, namesAnLlm } from '../context';
import { topLevel } from './helpers';
import { endpointUses } from './endpoints';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'llm-gate-bypass',
    title: 'LLM called without the InferenceGuard gate',
    severity: 'critical',
    category: 'Endpoint',
    summary: 'An HttpRequest targets an LLM endpoint from code outside the InferenceGuard gate.',
    description:
        'Every LLM call must go through InferenceGuard.send, which checks consent and residency, minimises and redacts PHI, and writes the hash-chained inference log. A direct HttpRequest to an LLM (by Named Credential or host) skips all of it and leaves no audit record.',
    tags: ['security', 'privacy', 'llm', 'phi'],
    precision: 'high',
    run(ctx: RuleContext): void {
        const { llm, gateClasses } = ctx.project;
        for (const use of endpointUses(ctx)) {
            const owner = topLevel(use.unit.owner);
            if (owner && gateClasses.has(owner.name.toLowerCase())) {
                continue;
            }
            let reason: string | null = null;
            if (use.namedCredential) {
                const why = llm.namedCredentials.get(use.namedCredential.toLowerCase());
                if (why) {
                    reason = `Named Credential ${use.namedCredential} is an LLM endpoint (${why})`;
                }
            }
            if (!reason && use.host && isLlmHost(use.host, llm.hosts)) {
                reason = `${use.host} is an LLM API`;
            }
            if (!reason && use.fromLlmRecord) {
                reason = 'the endpoint is built from an LlmEndpoint__c record';
            }
            // A Named Credential the project has metadata for was judged by its name already (buildLlmRegistry).
            if (!reason && use.namedCredential && namesAnLlm(use.namedCredential)) {
                reason = `Named Credential ${use.namedCredential} names an LLM (its metadata is not in the project)`;
            }
            const path = reason ? null : llmApiPath(use.resolved?.value ?? '');
            if (path) {
                reason = `${path} is an LLM API's path`;
            }
            if (!reason) {
                continue;
            }
            ctx.reportApex({
                unit: use.unit,
                file: use.unit.file,
                span: use.call.span,
                message: `Direct LLM callout outside the gate: ${reason}. Call InferenceGuard.send(...) instead, so consent, residency, redaction and the audit log apply.`
            });
        }
    }
};
