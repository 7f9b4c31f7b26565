/**
 * Shared endpoint facts for the callout rules: every `setEndpoint(...)` on an HttpRequest in
 * production code, with the constant text the endpoint resolves to (or its constant prefix), the
 * Named Credential or host it names, and whether it is built from an LlmEndpoint__c record.
 */
import type { CallExpr, Expr } from '../apex/ast';
import type { MethodUnit } from '../apex/model';
import { isHttpRequestCall, objectOf, ResolvedString, resolveString, singleAssignment } from '../apex/semantics';
import { unwrap, visitAllExpressions, visitExpr } from '../apex/walk';
import { hostOf } from '../context';
import type { EndpointMeta } from '../metadata/read';
import type { FileReport, RuleContext } from './rule';

/** Where a Named Credential or Remote Site Setting is, for a finding about it, and what to call it. */
export function endpointFinding(endpoint: EndpointMeta): {
    label: string;
    base: Pick<FileReport, 'file' | 'line' | 'column' | 'componentType' | 'componentName' | 'snippet'>;
} {
    return {
        label: endpoint.kind === 'NamedCredential' ? 'Named Credential' : 'Remote Site Setting',
        base: {
            file: endpoint.file,
            line: endpoint.line,
            column: endpoint.column,
            componentType: endpoint.kind,
            componentName: endpoint.name,
            snippet: endpoint.snippet
        }
    };
}

export type EndpointUse = {
    unit: MethodUnit;
    call: CallExpr;
    resolved: ResolvedString | null;
    /** Named Credential of a `callout:Name/...` endpoint. */
    namedCredential: string | null;
    host: string | null;
    /** The endpoint is built from an LlmEndpoint__c record (its NamedCredential__c field). */
    fromLlmRecord: boolean;
};

function mentionsLlmEndpointRecord(unit: MethodUnit, expr: Expr, depth = 0): boolean {
    let found = false;
    visitExpr(expr, (e) => {
        if (found) {
            return;
        }
        if (e.kind === 'field' && e.name.toLowerCase() === 'namedcredential__c') {
            found = true;
        } else if (e.kind === 'field' || e.kind === 'call') {
            const target = e.kind === 'field' ? e.target : e.target;
            if (target && objectOf(unit, target)?.toLowerCase() === 'llmendpoint__c') {
                found = true;
            }
        } else if (e.kind === 'name' && depth < 3 && unit.locals.has(e.name.toLowerCase())) {
            const single = singleAssignment(unit, e.name);
            if (single && single !== expr && mentionsLlmEndpointRecord(unit, single, depth + 1)) {
                found = true;
            }
        }
    });
    return found;
}

export function endpointUses(ctx: RuleContext): EndpointUse[] {
    return ctx.memo('endpoint-uses', () => {
        const uses: EndpointUse[] = [];
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of file.units) {
                if (unit.isTest) {
                    continue;
                }
                visitAllExpressions(unit.body, (expr) => {
                    if (expr.kind !== 'call' || expr.name.toLowerCase() !== 'setendpoint' || !expr.args[0]) {
                        return;
                    }
                    if (!isHttpRequestCall(unit, expr)) {
                        return;
                    }
                    const arg = unwrap(expr.args[0]);
                    const resolved = resolveString(unit, arg, ctx.project);
                    const text = resolved?.value ?? '';
                    const callout = /^callout:([A-Za-z0-9_]+)/i.exec(text);
                    // 'callout:' + 'Open' + suffix: the name may go on past what is constant.
                    const nameMayContinue =
                        Boolean(callout) && !resolved?.complete && text.length === callout![0].length;
                    const namedCredential = callout && !nameMayContinue ? callout[1] : null;
                    uses.push({
                        unit,
                        call: expr,
                        resolved,
                        namedCredential,
                        host: hostOf(text),
                        fromLlmRecord: mentionsLlmEndpointRecord(unit, arg)
                    });
                });
            }
        }
        return uses;
    });
}
