/**
 * phi-debug-log: a field classified PHI (or a whole record of an object holding PHI) is written to
 * the debug log with System.debug, or to Nebula Logger (Logger.info and its siblings), which stores log
 * entries as records. Both are readable by admins and kept outside HIPAA audit controls.
 */
import { reportPhiHits } from './flows';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'phi-debug-log',
    title: 'PHI written to the debug log',
    severity: 'high',
    category: 'DataFlow',
    summary: 'A PHI field, or a whole record of an object holding PHI, is passed to System.debug or to Nebula Logger.',
    description:
        'Debug logs are stored in the org, downloadable by anyone with View All Data or debug log access, and outside the audit trail; Nebula Logger keeps its entries as records that admins read and export. PHI must never be logged: log record ids or hashes instead.',
    tags: ['security', 'privacy', 'phi', 'logging', 'external/cwe/cwe-532'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportPhiHits(
            ctx,
            (kind) => kind === 'debug' || kind.startsWith('debug:'),
            (fields, kind) =>
                kind === 'debug'
                    ? `PHI (${fields}) is written to the debug log. Log the record id or a hash instead.`
                    : `PHI (${fields}) is written to Nebula Logger by ${kind.slice(6)}, which stores its entries as records that admins read and export. Log the record id or a hash instead.`
        );
    }
};
