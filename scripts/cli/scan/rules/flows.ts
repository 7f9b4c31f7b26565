/**
 * Shared data-flow results: the PHI analysis feeds three rules (callouts, debug logs, exception
 * messages), the injection analysis feeds soql-injection; each runs once over the whole project.
 */
import { injectionPolicy } from '../apex/injection-policy';
import { describeLabel, phiPolicy } from '../apex/phi-policy';
import { SinkHit, TaintEngine, TaintPolicy } from '../apex/taint';
import type { RuleContext } from './rule';

function runPolicy(ctx: RuleContext, policy: TaintPolicy): SinkHit[] {
    return new TaintEngine(ctx.project.apexFiles, policy, ctx.project.budget).run();
}

export function phiHits(ctx: RuleContext): SinkHit[] {
    return ctx.memo('phi-flow', () =>
        ctx.project.classification.size === 0 ? [] : runPolicy(ctx, phiPolicy(ctx.project))
    );
}

export function injectionHits(ctx: RuleContext): SinkHit[] {
    return ctx.memo('injection-flow', () => runPolicy(ctx, injectionPolicy(ctx.project)));
}

/**
 * Reports the PHI hits whose sink kind `matches` (callout:setBody, debug, exception), with the message
 * `describe` writes from the sink kind and the PHI fields that reach it.
 */
export function reportPhiHits(
    ctx: RuleContext,
    matches: (kind: string) => boolean,
    describe: (fields: string, kind: string) => string
): void {
    for (const hit of phiHits(ctx)) {
        if (matches(hit.kind)) {
            const fields = [...hit.labels].sort().map(describeLabel).join(', ');
            ctx.reportApex({
                unit: hit.unit,
                file: hit.unit.file,
                span: hit.expr.span,
                message: `${describe(fields, hit.kind)}${viaText(hit)}`
            });
        }
    }
}

/** "via PatientSync.build(Contact) (line 12)" for hits that arrived through calls. */
export function viaText(hit: SinkHit): string {
    if (hit.via.length === 0) {
        return '';
    }
    const first = hit.via[0];
    const more = hit.via.length > 1 ? ` and ${hit.via.length - 1} more call(s)` : '';
    return ` It arrives through the call in ${first.unit.member} at line ${first.call.span.line}${more}.`;
}
