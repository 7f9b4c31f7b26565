/**
 * soql-in-loop: a SOQL query, SOSL search, Database.query or Messaging.renderStoredEmailTemplate (which
 * queries) runs inside a loop over records, directly or through the project methods it calls.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'soql-in-loop',
    title: 'SOQL inside a loop',
    severity: 'medium',
    category: 'component',
    summary:
        'A SOQL query, SOSL search or Database.query runs inside a loop, directly or through the methods it calls in any class.',
    description:
        'Each query in a loop counts against the limit of 100 SOQL queries per transaction; a trigger or batch handling 200 records fails. Query once before the loop, into a map.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'soql', 'it queries', '101-queries');
    }
};
