/**
 * soql-in-loop: A SOQL query, SOSL search or Database.query runs inside a loop, directly or through a method of the same class.
 */
import { loopHits, loopMessage } from './loops';
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
        for (const hit of loopHits(ctx)) {
            if (hit.kind !== 'soql') {
                continue;
            }
            ctx.reportApex({
                unit: hit.unit,
                file: hit.unit.file,
                span: hit.span,
                message: loopMessage(hit, 'it queries', '101-queries')
            });
        }
    }
};
