/**
 * callout-in-loop: an HTTP callout runs inside a loop over records, directly or through the project methods
 * it calls.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'callout-in-loop',
    title: 'Callout inside a loop',
    severity: 'high',
    category: 'component',
    summary: 'An HTTP callout runs inside a loop, directly or through the methods it calls in any class.',
    description:
        'Each callout in a loop counts against the limit of 100 callouts and 120 seconds per transaction, and sends data out record by record. Batch the request, or move the work to a Queueable that processes a bounded chunk.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'callout', 'it calls out', '100-callouts');
    }
};
