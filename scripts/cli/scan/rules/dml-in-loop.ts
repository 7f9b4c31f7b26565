/**
 * dml-in-loop: A DML statement, Database DML method or EventBus.publish runs inside a loop, directly or through a method of the same class.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'dml-in-loop',
    title: 'DML inside a loop',
    severity: 'medium',
    category: 'component',
    summary:
        'A DML statement, Database DML method or EventBus.publish runs inside a loop, directly or through a method of the same class.',
    description:
        'Each DML in a loop counts against the limit of 150 DML statements per transaction and multiplies trigger recursion and lock contention. Collect records in a list and write them once after the loop.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'dml', 'it writes', '150-DML-statements');
    }
};
