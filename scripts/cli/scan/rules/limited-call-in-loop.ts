/**
 * limited-call-in-loop: a call with a small per-transaction limit of its own (Messaging.sendEmail,
 * System.enqueueJob, Database.executeBatch, System.schedule, @future methods) runs inside a loop over
 * records, directly or through the project methods it calls.
 */
import { reportLoopHits } from './loops';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'limited-call-in-loop',
    title: 'Email or asynchronous job started inside a loop',
    severity: 'medium',
    category: 'component',
    summary:
        'Messaging.sendEmail, System.enqueueJob, Database.executeBatch, System.schedule or a @future method runs inside a loop.',
    description:
        'These calls have small limits per transaction: 10 sendEmail calls, 50 Queueable jobs and 50 @future calls, 100 scheduled jobs in the org, 5 running batch jobs. Started once per record, they fail on bulk data. Collect the work in the loop and start it once after.',
    tags: ['performance', 'governor-limits'],
    precision: 'high',
    run(ctx: RuleContext): void {
        reportLoopHits(ctx, 'limited', 'it runs', 'per-transaction');
    }
};
