/**
 * hardcoded-endpoint: an HttpRequest endpoint written as a literal URL (directly or through a
 * constant) instead of a Named Credential (`callout:Name/path`). Hard-coded URLs bypass the
 * admin's control of where data goes, carry no managed authentication, and differ per org.
 */
import { endpointUses } from './endpoints';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'hardcoded-endpoint',
    title: 'Hard-coded callout endpoint',
    severity: 'medium',
    category: 'Endpoint',
    summary: 'HttpRequest.setEndpoint is given a literal URL instead of a Named Credential.',
    description:
        'A literal URL in code cannot be reviewed, approved or changed by an admin, needs a Remote Site Setting, and usually comes with credentials handled in code. Use a Named Credential (callout:Name/path) so the endpoint, its authentication and its region are configuration.',
    tags: ['security', 'configuration', 'external/cwe/cwe-798'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const use of endpointUses(ctx)) {
            if (!use.host || !use.resolved) {
                continue;
            }
            ctx.reportApex({
                unit: use.unit,
                file: use.unit.file,
                span: use.call.span,
                message: `Endpoint ${use.resolved.value}${use.resolved.complete ? '' : '…'} is hard-coded: use a Named Credential (callout:Name/path) so admins control where data goes.`
            });
        }
    }
};
