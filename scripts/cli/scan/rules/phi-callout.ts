/**
 * phi-callout: a field classified PHI reaches an outbound HTTP request (body, endpoint or header),
 * directly or through locals, string building, collections, JSON serialisation, getters such as
 * `record.get('Field')` and methods of the same class.
 */
import { reportPhiHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'phi-callout',
    title: 'PHI sent in an outbound callout',
    severity: 'critical',
    category: 'DataFlow',
    summary: 'A field classified PHI flows into HttpRequest.setBody, setEndpoint or setHeader.',
    description:
        'PHI that leaves the org in an HTTP request is a disclosure unless it goes through the InferenceGuard gate, which checks consent and residency, minimises and redacts. The rule follows the data inside the class: locals, reassignments, concatenation, collections and maps, JSON.serialize of records or maps, record.get(...) and the return values and parameters of methods of the same class.',
    tags: ['security', 'privacy', 'phi', 'external/cwe/cwe-359'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportPhiHits(
            ctx,
            (kind) => kind.startsWith('callout:'),
            (fields, kind) =>
                `PHI (${fields}) reaches HttpRequest.${kind.slice('callout:'.length)}: it leaves the org without the InferenceGuard gate's consent, residency and redaction checks.`
        );
    }
};
