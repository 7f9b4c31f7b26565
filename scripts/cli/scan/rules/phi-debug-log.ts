/**
 * phi-debug-log: a field classified PHI (or a whole record of an object holding PHI) is written to
 * the debug log with System.debug. Debug logs are readable by admins and kept outside HIPAA audit
 * controls.
 */
import { reportPhiHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'phi-debug-log',
    title: 'PHI written to the debug log',
    severity: 'high',
    category: 'DataFlow',
    summary: 'A PHI field, or a whole record of an object holding PHI, is passed to System.debug.',
    description:
        'Debug logs are stored in the org, downloadable by anyone with View All Data or debug log access, and outside the audit trail. PHI must never be logged: log record ids or hashes instead.',
    tags: ['security', 'privacy', 'phi', 'logging', 'external/cwe/cwe-532'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportPhiHits(
            ctx,
            (kind) => kind === 'debug',
            (fields) => `PHI (${fields}) is written to the debug log. Log the record id or a hash instead.`
        );
    }
};
