/**
 * credentials-in-code: credentials handled in Apex instead of a Named Credential. An HttpRequest gets
 * an `Authorization` (or API-key) header that is not a Named Credential merge field (`{!$Credential...}`):
 * a secret written in a string literal, basic authentication encoded by hand, the user's session id
 * sent as a bearer token, or a token the code builds; or a secret written in a literal goes out in the
 * endpoint or the body (an `api_key=` parameter, a password field, a known key format). Values are
 * followed through concatenation, locals, constants and the returns of project methods. What PMD's
 * ApexSuggestUsingNamedCred reports is a subset: any Authorization header without a merge field.
 */
import type { CallExpr, Expr } from '../apex/ast';
import { callTargets } from '../apex/callgraph';
import type { MethodUnit } from '../apex/model';
import { assignmentsOf, isHttpRequestCall, resolveString } from '../apex/semantics';
import { callName, unwrap, visitAllExpressions, visitExpr, visitStatements } from '../apex/walk';
import { stringFragments } from './crud-access';
import { productionUnits, RuleContext, RuleDefinition } from './rule';
import type { ProjectContext } from '../context';
import type { Severity } from '../types';

/** Headers that carry a credential. */
const SECRET_HEADERS =
    /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-apikey|x-auth-token|x-access-token|x-token|access-token|ocp-apim-subscription-key|x-functions-key|private-token|authentication|x-goog-api-key|x-secret|client-secret|x-client-secret)$/i;

/** Key formats that are secrets wherever they appear. */
const KNOWN_SECRET =
    /\b(sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+)/;

/** A parameter or field of a URL or body that may hold a secret: `api_key=...`, `"password": "..."`. */
const SECRET_ASSIGNMENT =
    /(?:^|[?&\s"'{,])(api[_-]?key|apikey|app[_-]?key|appid|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|key|sig|signature)["']?\s*[:=]\s*["']?([^"'&\s,}{]{6,})/gi;

/** Names whose value is a secret whatever it looks like. */
const ALWAYS_SECRET = /^(password|passwd|pwd|secret|client[_-]?secret)$/i;

/**
 * A secret written in a literal. Under a name that always means a secret, any value; under the others
 * (`key`, `token`, `signature` are also ordinary words of JSON bodies: `"key": "SUPPORT-1234"`,
 * `"signature": "required"`), only a value that looks generated: 16 characters or more, letters and digits.
 */
function writtenSecret(literal: string): boolean {
    for (const [, name, value] of literal.matchAll(SECRET_ASSIGNMENT)) {
        if (ALWAYS_SECRET.test(name) || (value.length >= 16 && /[0-9]/.test(value) && /[A-Za-z]/.test(value))) {
            return true;
        }
    }
    return false;
}

const MERGE_FIELD = /\{!\s*\$credential\./i;

const SCHEME = /^\s*(bearer|basic|token|oauth|apikey|api-key|key|digest)\b\s*/i;

type Origins = { literals: string[]; calls: Set<string> };

/** The literal pieces and the calls a value is built from, through locals and project methods. */
function originsOf(unit: MethodUnit, expr: Expr, project: ProjectContext): Origins {
    const literals = stringFragments(unit, expr, project);
    const calls = new Set<string>();
    const seen = new Set<Expr>();
    const visit = (owner: MethodUnit, value: Expr, depth: number): void => {
        if (depth > 4 || seen.has(value)) {
            return;
        }
        seen.add(value);
        visitExpr(value, (e) => {
            if (e.kind === 'call') {
                calls.add(callName(e));
                // What is encoded by hand (`base64Encode(Blob.valueOf(user + ':' + password))`) is part of the value.
                const inner = e.args[0] ? unwrap(e.args[0]) : null;
                if (callName(e) === 'encodingutil.base64encode' && inner?.kind === 'call' && inner.args[0]) {
                    literals.push(...stringFragments(owner, inner.args[0], project));
                }
                for (const target of callTargets(owner, e).slice(0, 2)) {
                    visitStatements(target.body, (stmt) => {
                        if (stmt.kind === 'return' && stmt.expr) {
                            visit(target, stmt.expr, depth + 1);
                        }
                    });
                }
            } else if (e.kind === 'name' && owner.locals.has(e.name.toLowerCase())) {
                const key = e.name.toLowerCase();
                const assigned = [
                    ...(assignmentsOf(owner).get(key) ?? []),
                    ...(assignmentsOf(owner).get(`${key}+`) ?? [])
                ];
                assigned.forEach((a) => visit(owner, a, depth + 1));
            }
        });
    };
    visit(unit, expr, 0);
    return { literals, calls };
}

type Problem = { severity: Severity; what: string };

function sessionId(origins: Origins): boolean {
    return origins.calls.has('userinfo.getsessionid') || origins.calls.has('system.userinfo.getsessionid');
}

/** What is wrong with a credential header's value, or null when it comes from a Named Credential. */
function headerProblem(origins: Origins, header: string): Problem | null {
    const text = origins.literals.join('');
    if (MERGE_FIELD.test(text)) {
        return null;
    }
    if (sessionId(origins)) {
        return { severity: 'high', what: `the user's session id is sent in the ${header} header` };
    }
    const secret = origins.literals
        .map((l) => l.replace(SCHEME, '').trim())
        .find((l) => l.length >= 8 && !/\s/.test(l));
    if (secret || KNOWN_SECRET.test(text)) {
        return { severity: 'critical', what: `a credential written in the code is sent in the ${header} header` };
    }
    if (origins.calls.has('encodingutil.base64encode') && /basic/i.test(text)) {
        return { severity: 'high', what: `basic authentication is encoded by hand for the ${header} header` };
    }
    return { severity: 'medium', what: `the ${header} header is built in code` };
}

/** What is wrong with an endpoint or body: a secret written in a literal, or the session id. */
function payloadProblem(origins: Origins, where: string): Problem | null {
    const text = origins.literals.join('');
    if (MERGE_FIELD.test(text) && !KNOWN_SECRET.test(text)) {
        return null;
    }
    if (sessionId(origins)) {
        return { severity: 'high', what: `the user's session id is sent in the ${where}` };
    }
    for (const literal of origins.literals) {
        if (KNOWN_SECRET.test(literal) || writtenSecret(literal) || /^https?:\/\/[^/\s:@]+:[^/\s@]+@/i.test(literal)) {
            return { severity: 'critical', what: `a credential written in the code is sent in the ${where}` };
        }
    }
    return null;
}

function checkCall(ctx: RuleContext, unit: MethodUnit, call: CallExpr): void {
    const name = call.name.toLowerCase();
    let problem: Problem | null = null;
    if (name === 'setheader' && call.args.length === 2) {
        const header = resolveString(unit, call.args[0], ctx.project);
        if (header && header.complete && SECRET_HEADERS.test(header.value.trim())) {
            problem = headerProblem(originsOf(unit, call.args[1], ctx.project), header.value.trim());
        } else {
            problem = payloadProblem(originsOf(unit, call.args[1], ctx.project), 'header value');
        }
    } else if ((name === 'setendpoint' || name === 'setbody') && call.args.length === 1) {
        problem = payloadProblem(originsOf(unit, call.args[0], ctx.project), name === 'setbody' ? 'body' : 'endpoint');
    }
    if (!problem) {
        return;
    }
    ctx.reportApex({
        unit,
        file: unit.file,
        span: call.span,
        severity: problem.severity,
        message: `Credentials handled in code: ${problem.what}. Use a Named Credential (callout:Name/...), which stores the secret outside the code and adds the authentication itself, or a {!$Credential...} merge field.`
    });
}

export const rule: RuleDefinition = {
    id: 'credentials-in-code',
    title: 'Credentials handled in code',
    severity: 'high',
    category: 'Endpoint',
    summary:
        'A callout carries a secret written in the code, the session id, or an Authorization header built in Apex instead of a Named Credential.',
    description:
        'Secrets in code are visible to everyone who can read the source or a package, cannot be rotated without a deployment, and leak through logs and version control; the session id sent to another service lets it act as the user. Named Credentials (and External Credentials) keep the secret in encrypted configuration, add the Authorization header themselves, and are controlled by an admin.',
    tags: ['security', 'secrets', 'external/cwe/cwe-798'],
    precision: 'high',
    run(ctx: RuleContext): void {
        for (const file of ctx.project.apexFiles) {
            if (file.isTest) {
                continue;
            }
            for (const unit of productionUnits(file)) {
                const work = (): void =>
                    visitAllExpressions(unit.body, (expr) => {
                        if (expr.kind === 'call' && isHttpRequestCall(unit, expr)) {
                            checkCall(ctx, unit, expr);
                        }
                    });
                ctx.project.budget.run(file, `the callouts of ${unit.member}`, work, undefined);
            }
        }
    }
};
