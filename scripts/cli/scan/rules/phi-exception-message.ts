/**
 * phi-exception-message: a field classified PHI is put into an exception message (a `new
 * XxxException(...)` argument or `setMessage`). Exception messages end up in logs, emails to
 * admins, Flow fault paths and, for AuraHandledException, on the user's screen.
 */
import { reportPhiHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'phi-exception-message',
    title: 'PHI in an exception message',
    severity: 'high',
    category: 'DataFlow',
    summary: 'A PHI field flows into the message of an exception.',
    description:
        'Exception messages are logged, e-mailed to admins on unhandled errors, shown by Flow fault paths and sent to the browser by AuraHandledException. Put record ids in messages, never PHI values.',
    tags: ['security', 'privacy', 'phi', 'external/cwe/cwe-209'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportPhiHits(
            ctx,
            (kind) => kind === 'exception',
            (fields) =>
                `PHI (${fields}) is put into an exception message, which reaches logs, admin e-mails or the user's screen.`
        );
    }
};
