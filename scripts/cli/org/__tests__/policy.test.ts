/**
 * The rules of the org layer that need no server: what may be retried and how long to wait (backoff,
 * Retry-After, the deadline, timeouts tried once more only), how errors are classified and redacted,
 * which URLs may carry credentials, and how the HTTP gate reads answers that are not the API's.
 */
import { clip, OrgError, redactSecrets, toOrgError } from '../errors';
import { checkUrl, inspectAnswer, retryAfterMs } from '../http';
import { backoffDelay, defaultRetryPolicy, isRetryable, RetryPolicy, withRetry } from '../retry';

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
    const slept: number[] = [];
    return Object.assign(
        defaultRetryPolicy({ sleep: async (ms) => void slept.push(ms), random: () => 0.5, now: () => 0, ...overrides }),
        { slept }
    );
}

describe('retry policy', () => {
    const error = (kind: OrgError['kind'], message = 'x', code = ''): OrgError => new OrgError(kind, message, code);

    it('retries reads on every transient failure, writes only on refusals', () => {
        expect(isRetryable(error('network'), 'read')).toBe(true);
        expect(isRetryable(error('timeout'), 'idempotent-write')).toBe(true);
        expect(isRetryable(error('server'), 'read')).toBe(true);
        expect(isRetryable(error('network'), 'write')).toBe(false);
        expect(isRetryable(error('timeout'), 'write')).toBe(false);
        expect(isRetryable(error('server'), 'write')).toBe(false);
        expect(isRetryable(error('timeout', 'x', 'DEADLINE'), 'read')).toBe(false);
        expect(isRetryable(error('unavailable'), 'write')).toBe(true);
        expect(isRetryable(error('limit', 'too many concurrent requests', 'REQUEST_LIMIT_EXCEEDED'), 'write')).toBe(
            true
        );
        expect(
            isRetryable(error('limit', 'the org has used up its daily API requests', 'REQUEST_LIMIT_EXCEEDED'), 'read')
        ).toBe(false);
        for (const kind of ['session', 'access', 'insecure', 'login', 'bad-response'] as const) {
            expect(isRetryable(error(kind), 'read')).toBe(false);
        }
    });

    it('backs off exponentially with full jitter, capped', () => {
        const p = policy({ baseDelayMs: 1000, maxDelayMs: 5000, random: () => 0.999 });
        expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(p, attempt))).toEqual([999, 1998, 3996, 4995, 4995]);
        expect(backoffDelay(policy({ random: () => 0 }), 3)).toBe(0);
    });

    it('gives up after the allowed attempts and says so', async () => {
        const p = policy({ attempts: 3 });
        let calls = 0;
        const failing = async (): Promise<never> => {
            calls++;
            throw Object.assign(new Error('Service Unavailable'), { errorCode: 'ERROR_HTTP_503' });
        };
        await expect(withRetry('read things', 'read', p, failing)).rejects.toThrow(/gave up after 3 attempts/);
        expect(calls).toBe(3);
        expect(p.slept).toEqual([500, 1000]);
    });

    it('tries a request that timed out once more only', async () => {
        const p = policy();
        let calls = 0;
        const hanging = async (): Promise<never> => {
            calls++;
            throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
        };
        await expect(withRetry('read things', 'read', p, hanging)).rejects.toThrow(
            'read things: no answer from Salesforce within the request timeout. (gave up after 2 attempts)'
        );
        expect(calls).toBe(2);
    });

    it("waits as long as Salesforce's Retry-After asks, and not past the deadline", async () => {
        const unavailable = (retryAfter: number): OrgError =>
            new OrgError('unavailable', 'down', 'ERROR_HTTP_503', '', retryAfter);
        const events: string[] = [];
        const p = policy({ deadline: 60000, onRetry: (e) => events.push(`${e.delayMs} ${e.askedBySalesforce}`) });
        let calls = 0;
        const result = await withRetry('read', 'read', p, async () => {
            calls++;
            if (calls === 1) throw unavailable(7000);
            return 'ok';
        });
        expect(result).toBe('ok');
        expect(p.slept).toEqual([7000]);
        expect(events).toEqual(['7000 true']);

        const late = policy({ deadline: 60000 });
        await expect(
            withRetry('read', 'read', late, async () => {
                throw unavailable(120000);
            })
        ).rejects.toThrow('Salesforce asked to retry after 120 s, past the deadline set by --wait');
        expect(late.slept).toEqual([]);
    });

    it('never repeats a write after a network error', async () => {
        const p = policy();
        let calls = 0;
        const failing = async (): Promise<never> => {
            calls++;
            throw Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
        };
        await expect(withRetry('create records', 'write', p, failing)).rejects.toMatchObject({ kind: 'network' });
        expect(calls).toBe(1);
    });
});

describe('errors', () => {
    it('classifies what core and jsforce throw', () => {
        const cases: Array<[unknown, OrgError['kind']]> = [
            [
                { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
                'session'
            ],
            [{ name: 'sf:INVALID_SESSION_ID', errorCode: 'sf:INVALID_SESSION_ID', message: 'x' }, 'session'],
            [{ name: 'invalid_grant', message: 'expired access/refresh token' }, 'session'],
            [new Error('Unable to refresh session due to: Error authenticating with the refresh token'), 'session'],
            [{ name: 'FetchError', code: 'ECONNRESET', message: 'socket hang up' }, 'network'],
            [{ name: 'AbortError', message: 'The user aborted a request.' }, 'timeout'],
            [{ errorCode: 'ERROR_HTTP_503', message: '<html>' }, 'unavailable'],
            [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred.' }, 'server'],
            [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }, 'limit'],
            [
                { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id' },
                'access'
            ],
            [
                {
                    errorCode: 'sf:INSUFFICIENT_ACCESS',
                    message:
                        'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions'
                },
                'metadata-access'
            ],
            [
                { errorCode: 'API_DISABLED_FOR_ORG', message: 'API is not enabled for this Organization or Partner' },
                'api-disabled'
            ],
            [
                {
                    errorCode: 'sf:INVALID_TYPE',
                    message: 'This type of metadata is not available for this organization'
                },
                'not-licensed'
            ],
            [new Error('something else'), 'other']
        ];
        for (const [thrown, kind] of cases) {
            expect(toOrgError(thrown, 'test').kind).toBe(kind);
        }
    });

    it('never quotes the URL of a failed connection', () => {
        const error = toOrgError(
            {
                name: 'FetchError',
                code: 'ECONNRESET',
                message:
                    'request to https://x.my.salesforce.com/services/data/v62.0/query?q=SELECT+Name+FROM+Contact failed'
            },
            'query Contact'
        );
        expect(error.describe()).toBe(
            'query Contact: network error (ECONNRESET): the connection failed or was dropped.\n  What to do: Check the ' +
                'network path to the org: a proxy (HTTPS_PROXY) or VPN that drops or intercepts connections, a firewall, ' +
                'the instance URL. The command is safe to re-run.'
        );
    });

    it('redacts tokens, session ids, bearer headers, assertions and JWTs', () => {
        const text =
            'failed with 00D5g000004XXXX!AQ0AQH.abc_def and Bearer abc.def.ghi and <sessionId>00Dxx!zz</sessionId> ' +
            'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhYmMifQ.c2lnbmF0dXJl refresh_token=5Aep861xyz assertion=abc.def ' +
            'my-own-secret-value';
        const out = redactSecrets(text, ['my-own-secret-value']);
        expect(out).not.toMatch(
            /00D5g000004XXXX!|abc\.def\.ghi|00Dxx!zz|eyJhbGci|5Aep861xyz|abc\.def |my-own-secret-value/
        );
        expect(out).toContain('Bearer [redacted]');
        expect(out).toContain('<sessionId>[redacted]</sessionId>');
        expect(clip(`a\n${'b'.repeat(500)}`, 10)).toBe('a bbbbbbb…');
    });
});

describe('the https rule', () => {
    it('lets credentials go over https, and over http to the loopback address only when allowed', () => {
        expect(checkUrl('https://example.my.salesforce.com/', 'x', false)).toBe('https://example.my.salesforce.com');
        expect(checkUrl('http://127.0.0.1:1234', 'x', true)).toBe('http://127.0.0.1:1234');
        expect(checkUrl('http://localhost:1234', 'x', true)).toBe('http://localhost:1234');
        for (const [url, allow] of [
            ['http://127.0.0.1:1234', false],
            ['http://example.my.salesforce.com', true],
            ['http://10.0.0.1', true],
            ['ftp://example.org', true]
        ] as const) {
            expect(() => checkUrl(url, 'SF_ORG_INSTANCE_URL', allow)).toThrow(
                expect.objectContaining({ kind: 'insecure', message: expect.stringContaining('does not use https') })
            );
        }
        expect(() => checkUrl('http://127.0.0.1:1', 'x', false)).toThrow(
            expect.objectContaining({ remedy: expect.stringContaining('--allow-insecure-localhost') })
        );
        expect(() => checkUrl('not a url', 'x', false)).toThrow('is not a URL');
    });
});

describe('answers that are not the API', () => {
    const answer = (statusCode: number, type: string, body = '', extra: Record<string, string> = {}) => ({
        statusCode,
        headers: { 'content-type': type, ...extra },
        body
    });

    it('reads Retry-After in seconds and as a date, capped at an hour', () => {
        expect(retryAfterMs('12', 0)).toBe(12000);
        expect(retryAfterMs(new Date(30000).toUTCString(), 0)).toBe(30000);
        expect(retryAfterMs('99999', 0)).toBe(3_600_000);
        expect(retryAfterMs(undefined, 0)).toBeUndefined();
        expect(retryAfterMs('soon', 0)).toBeUndefined();
    });

    it('names an HTML page, a 5xx text body and a 503 without quoting them', () => {
        const page = inspectAnswer(answer(200, 'text/html;charset=UTF-8', '<title>Login</title> Jane Doe'), 0);
        expect(page).toMatchObject({ kind: 'bad-response', code: 'HTML_ANSWER' });
        expect(page?.message).not.toContain('Jane');
        const text = inspectAnswer(answer(500, 'text/plain', 'NullPointerException for Jane Doe'), 0);
        expect(text).toMatchObject({ kind: 'server' });
        expect(text?.message).toBe('the server failed with HTTP 500 and a text/plain body of 33 bytes (not shown).');
        expect(inspectAnswer(answer(503, 'text/html', 'down', { 'retry-after': '5' }), 0)).toMatchObject({
            kind: 'unavailable',
            retryAfterMs: 5000
        });
        // The API's own answers, errors included, pass to jsforce.
        expect(inspectAnswer(answer(200, 'application/json', '[]'), 0)).toBeUndefined();
        expect(inspectAnswer(answer(500, 'text/xml', '<soapenv:Fault/>'), 0)).toBeUndefined();
        expect(inspectAnswer(answer(401, 'application/json', '[]'), 0)).toBeUndefined();
    });

    it('puts what was being done in front of a gate error', () => {
        const gate = inspectAnswer(answer(502, 'text/html', ''), 0)!;
        expect(toOrgError(gate, 'list API versions').message).toBe(
            'list API versions: Salesforce is temporarily unavailable (HTTP 502).'
        );
        // Core wraps errors into new ones by message: the kind survives.
        const wrapped = new Error(`Error authenticating with the refresh token due to: ${gate.message}`);
        expect(toOrgError(wrapped, 'sign in').kind).toBe('unavailable');
    });
});
