/**
 * dml-in-loop: a DML statement, a Database DML method, or a call that counts as DML (EventBus.publish,
 * Database.setSavepoint and rollback, Approval.process, lock and unlock, Database.convertLead) runs inside
 * a loop over records, directly or through the project methods it calls.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'dml-in-loop',
    title: 'DML inside a loop',
    severity: 'medium',
    category: 'component',
    summary:
        'A DML statement or a call that counts as one (EventBus.publish, savepoints and rollbacks, Approval calls) runs inside a loop.',
    description:
        'Each DML in a loop counts against the limit of 150 DML statements per transaction and multiplies trigger recursion and lock contention. Collect records in a list and write them once after the loop.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'dml', 'it writes', '150-DML-statements');
    }
};
