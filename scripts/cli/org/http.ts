/**
 * The one gate every HTTP request to an org passes, whoever sends it: OrgClient, or @salesforce/core
 * itself (a token refresh, the JWT login, its look-ups of the user and the org). Core talks through
 * jsforce's Transport, so the gate wraps Transport.prototype.httpRequest of the jsforce copy that core
 * loads (resolved from core's own folder: a copy of our own would not be the one core uses). It:
 * - lets through https only: any other URL is refused before a byte is sent, so no token, session id
 *   or JWT assertion goes out in clear text. http to 127.0.0.1 or localhost passes only with
 *   --allow-insecure-localhost, for the local fake org;
 * - bounds every request: the per-request timeout, cut to what is left of the run's deadline (--wait);
 *   jsforce's own retries are switched off, so retry.ts is the only retry policy;
 * - turns answers that are not the API's into GateErrors that describe them without quoting them: an
 *   HTML page, a 5xx with a text body, a 503 or 429 (with Salesforce's Retry-After, when it sends one).
 * The settings are the process's: a `warden` process runs one command against one org at a time.
 */
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { GateError, OrgError } from './errors';

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

export type HttpPolicy = {
    allowInsecureLocalhost: boolean;
    requestTimeoutMs: number;
    /** No request may run past this moment (ms since the epoch). */
    deadline?: number;
    now: () => number;
};

let policy: HttpPolicy = {
    allowInsecureLocalhost: false,
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000,
    now: Date.now
};

/** Sets the rules of the gate for this run. */
export function setHttpPolicy(next: HttpPolicy): void {
    policy = next;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const INSECURE_REMEDY =
    'Use the https:// address of the org, such as https://<MyDomain>.my.salesforce.com (or ' +
    'https://login.salesforce.com / https://test.salesforce.com to log in). Only the local fake org of the ' +
    'tests may use http, on 127.0.0.1 or localhost, with --allow-insecure-localhost.';

/**
 * The URL without a trailing slash, when it may carry credentials: https, or http to the loopback
 * address with `allowInsecureLocalhost`. Otherwise an OrgError of kind `insecure` naming `what`.
 */
export function checkUrl(
    value: string,
    what: string,
    allowInsecureLocalhost: boolean,
    remedy = INSECURE_REMEDY
): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new OrgError('login', `${what} "${value}" is not a URL.`, 'BAD_URL', remedy);
    }
    const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(loopback && allowInsecureLocalhost)) {
        throw new OrgError(
            'insecure',
            `${what} ${url.protocol}//${url.host} does not use https. Warden sends credentials over https ` +
                'only and sent nothing.',
            'INSECURE_URL',
            loopback ? `${remedy} If it is the local fake org of the tests, pass --allow-insecure-localhost.` : remedy
        );
    }
    return value.replace(/\/+$/, '');
}

type HttpRequest = { method?: string; url: string };
type HttpResponse = { statusCode: number; headers: Record<string, string | undefined>; body?: string };
type Sent = Promise<HttpResponse> & { stream(): unknown };
type HttpRequestFn = (this: unknown, request: HttpRequest, options?: Record<string, unknown>) => Sent;

/** No retries inside jsforce: `methods: []` also stops its separate retries of HTTP 420. */
const NO_RETRY = { maxRetries: 0, methods: [] as string[] };

/** Milliseconds Salesforce asked to wait (Retry-After: seconds, or an HTTP date), capped at an hour. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
    if (!header) return undefined;
    const value = header.trim();
    const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
    return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 3_600_000) : undefined;
}

/** What the gate makes of an answer: undefined when it is one the API gives, else the error to raise. */
export function inspectAnswer(response: HttpResponse, now: number): GateError | undefined {
    const status = response.statusCode;
    const type = String(response.headers['content-type'] ?? '').toLowerCase();
    const size = Buffer.byteLength(response.body ?? '');
    const wait = retryAfterMs(response.headers['retry-after'], now);
    const waitText = wait === undefined ? '' : `; it asked to retry after ${Math.ceil(wait / 1000)} s`;
    if (status === 503 || status === 502 || status === 504) {
        return new GateError(
            'unavailable',
            `Salesforce is temporarily unavailable (HTTP ${status}${waitText}).`,
            `ERROR_HTTP_${status}`,
            'Check https://status.salesforce.com for the instance (maintenance is announced there); the command ' +
                'is safe to re-run.',
            wait
        );
    }
    if (status === 429) {
        return new GateError(
            'unavailable',
            `Salesforce asked to slow down (HTTP 429${waitText}).`,
            'ERROR_HTTP_429',
            'Re-run later, when fewer requests are under way in the org.',
            wait
        );
    }
    if (type.startsWith('text/html')) {
        return new GateError(
            'bad-response',
            `the server answered with an HTML page (HTTP ${status}, ${size} bytes) where the Salesforce API ` +
                'answers JSON or XML; the page is not shown.',
            'HTML_ANSWER',
            "Check the org's URL: it must be the org's My Domain (https://<MyDomain>.my.salesforce.com), not a " +
                'Lightning or Setup page, and no proxy, VPN portal or maintenance page may answer in its place ' +
                '(HTTPS_PROXY). Re-run once the URL answers the API.'
        );
    }
    const apiType = /json|xml/.test(type);
    if (status >= 500 && !apiType) {
        return new GateError(
            'server',
            `the server failed with HTTP ${status} and a ${type || 'untyped'} body of ${size} bytes (not shown).`,
            `ERROR_HTTP_${status}`,
            'Re-run later. If it keeps failing, check for a proxy between you and Salesforce, then open a case ' +
                'with Salesforce support.'
        );
    }
    return undefined;
}

function refused(error: OrgError): Sent {
    const promise = Promise.reject(error) as Sent;
    promise.stream = () => new PassThrough();
    return promise;
}

/** The request timeout for a request starting now, or the refusal when the deadline has passed. */
function timeoutNow(): number | OrgError {
    if (policy.deadline === undefined) return policy.requestTimeoutMs;
    const left = policy.deadline - policy.now();
    if (left <= 0) {
        return new OrgError(
            'timeout',
            'the deadline set by --wait has passed; no further request was sent.',
            'DEADLINE',
            'Re-run with a longer --wait; every step checks the org first, so a re-run is safe.'
        );
    }
    return Math.min(policy.requestTimeoutMs, left);
}

let installed: object | undefined;

/**
 * Puts the gate on the Transport of the jsforce that @salesforce/core uses (once per copy of it).
 * `transportModule` is that module; loadCore passes it.
 */
export function installHttpGate(transportModule: { default: { prototype: { httpRequest: HttpRequestFn } } }): void {
    const prototype = transportModule.default.prototype;
    if (installed === prototype) return;
    installed = prototype;
    const original = prototype.httpRequest;
    prototype.httpRequest = function gated(this: unknown, request, options = {}) {
        const timeout = timeoutNow();
        if (timeout instanceof OrgError) return refused(timeout);
        try {
            checkUrl(request.url, 'The request to', policy.allowInsecureLocalhost);
        } catch (error) {
            const refusal = error as OrgError;
            return refused(new GateError(refusal.kind, refusal.message, refusal.code, refusal.remedy));
        }
        const sent = original.call(this, request, { ...options, timeout, retry: NO_RETRY });
        const checked = sent.then((response) => {
            const problem = inspectAnswer(response, policy.now());
            if (problem) throw problem;
            return response;
        }) as Sent;
        checked.stream = () => sent.stream();
        return checked;
    };
}

/** The path of a module of the jsforce copy that @salesforce/core loads. */
export function coreJsforcePath(module: string): string {
    return require.resolve(`@jsforce/jsforce-node/${module}`, {
        paths: [dirname(require.resolve('@salesforce/core'))]
    });
}
