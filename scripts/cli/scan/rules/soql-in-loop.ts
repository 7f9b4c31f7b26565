/**
 * soql-in-loop: A SOQL query, SOSL search or Database.query runs inside a loop, directly or through a method of the same class.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'soql-in-loop',
    title: 'SOQL inside a loop',
    severity: 'medium',
    category: 'component',
    summary:
        'A SOQL query, SOSL search or Database.query runs inside a loop, directly or through a method of the same class.',
    description:
        'Each query in a loop counts against the limit of 100 SOQL queries per transaction; a trigger or batch handling 200 records fails. Query once before the loop, into a map.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'soql', 'it queries', '101-queries');
    }
};
