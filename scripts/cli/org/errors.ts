/**
 * Turns whatever @salesforce/core, jsforce or Salesforce throws into one OrgError with a kind that the
 * retry policy and the commands can act on, a message an admin can read and, where there is one,
 * what to do about it. Every message passes through redactSecrets first: tokens never reach a
 * terminal, a log or a test snapshot. Bodies of answers are never quoted whole (an error page may
 * echo a query, and a query may name a person): at most Salesforce's error code and a clipped message.
 */

export type OrgErrorKind =
    /** No usable login: an unknown alias, a store that cannot be read, a bad JWT key file, missing flags. */
    | 'login'
    /** A URL that is not https: refused before any credential was sent. */
    | 'insecure'
    /** The session or token is expired or invalid and could not be refreshed. */
    | 'session'
    /** A connection reset, refused connection, DNS failure and the like. */
    | 'network'
    /** No response within the request timeout, or the run's deadline (--wait) passed. */
    | 'timeout'
    /** 502/503/504 or SERVER_UNAVAILABLE: Salesforce refused the request before processing it. */
    | 'unavailable'
    /** HTTP 500: an error inside Salesforce while processing the request. */
    | 'server'
    /** Not the API's answer: an HTML page (a proxy, a login page) or text where JSON or XML belongs. */
    | 'bad-response'
    /** REQUEST_LIMIT_EXCEEDED: concurrent or daily API request limit. */
    | 'limit'
    /** INSUFFICIENT_ACCESS and its variants: the running user lacks a permission. */
    | 'access'
    /** The Metadata API refused the user: needs Modify All Data or Modify Metadata. */
    | 'metadata-access'
    /** API access is not enabled for the org or the user (edition or profile). */
    | 'api-disabled'
    /** A metadata type or feature that the org is not licensed for (Shield, CDC). */
    | 'not-licensed'
    /** Anything else: a bug, bad input, a validation error. */
    | 'other';

export class OrgError extends Error {
    constructor(
        readonly kind: OrgErrorKind,
        message: string,
        readonly code: string = '',
        readonly remedy: string = '',
        /** How long Salesforce asked to wait before trying again (Retry-After), when it said. */
        readonly retryAfterMs?: number
    ) {
        super(message);
        this.name = 'OrgError';
    }

    /** The message and the remedy, as printed for an admin. */
    describe(): string {
        return this.remedy ? `${this.message}\n  What to do: ${this.remedy}` : this.message;
    }
}

/**
 * An error raised by the HTTP gate (http.ts) about one answer or one refused request. It does not know
 * what was being done; toOrgError puts the caller's context in front of it.
 */
export class GateError extends OrgError {
    constructor(kind: OrgErrorKind, detail: string, code: string, remedy: string, retryAfterMs?: number) {
        super(kind, detail, code, remedy, retryAfterMs);
        this.name = 'GateError';
        remember(this);
    }
}

/** The latest gate error: libraries that wrap errors into new ones by message keep its text, not its type. */
let lastGateError: GateError | undefined;

function remember(error: GateError): void {
    lastGateError = error;
}

/** Credential problems: the command stops with exit code 2 (docs/deploy.md, "Exit codes"). */
export function isCredentialError(error: OrgError): boolean {
    return error.kind === 'login' || error.kind === 'insecure' || error.kind === 'session';
}

/** Salesforce session ids (00D…!…), JWTs and bearer headers, wherever they appear in a message. */
const SECRET_PATTERNS: RegExp[] = [
    /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]+/g,
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    /(Bearer\s+)\S+/gi,
    /(<sessionId>)[^<]*(<\/sessionId>)/gi,
    /((?:access|refresh)_token["'=:\s]+)[^"'&\s,}]+/gi,
    /((?:assertion|client_secret)=)[^&\s]+/gi
];

/**
 * Removes the given secrets and anything shaped like a Salesforce session id or token from text.
 * Secrets shorter than 8 characters are ignored so an empty or trivial value cannot blank a message.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 8) {
            out = out.split(secret).join('[redacted]');
        }
    }
    for (const pattern of SECRET_PATTERNS) {
        out = out.replace(pattern, (match, ...groups) => {
            const prefix = typeof groups[0] === 'string' && match.startsWith(groups[0]) ? groups[0] : '';
            const suffix = typeof groups[1] === 'string' && match.endsWith(groups[1]) ? groups[1] : '';
            return `${prefix}[redacted]${suffix}`;
        });
    }
    return out;
}

/** A message from a server, on one line and at most `max` characters. */
export function clip(text: string, max = 240): string {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETDOWN',
    'ENETUNREACH',
    'EHOSTDOWN',
    'EHOSTUNREACH',
    'EPIPE',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
]);

const NETWORK_REMEDY =
    'Check the network path to the org: a proxy (HTTPS_PROXY) or VPN that drops or intercepts connections, ' +
    'a firewall, the instance URL. The command is safe to re-run.';

export const RELOGIN_REMEDY =
    'Log in again: `sf org login web --alias <alias>` (README, "Getting the sf CLI"), or give a fresh ' +
    'SF_ACCESS_TOKEN, or use the JWT flow (docs/deploy.md, "Signing in").';

function stripPrefix(code: string): string {
    // SOAP faults carry a namespace prefix: sf:INVALID_SESSION_ID.
    const colon = code.lastIndexOf(':');
    return colon >= 0 ? code.slice(colon + 1) : code;
}

type Throwable = {
    name?: unknown;
    message?: unknown;
    errorCode?: unknown;
    code?: unknown;
    cause?: unknown;
};

/** A gate error behind `error`: itself, one of its causes, or one whose text a wrapper copied. */
function gateErrorIn(error: unknown, message: string): GateError | undefined {
    for (let item = error, depth = 0; item && depth < 5; item = (item as Throwable).cause, depth++) {
        if (item instanceof GateError) return item;
    }
    return lastGateError && message.includes(lastGateError.message) ? lastGateError : undefined;
}

/**
 * Classifies any thrown value. `context` names what was being done ("deploy", "query ApexClass") and
 * starts the message; `secrets` are redacted from it.
 */
export function toOrgError(error: unknown, context: string, secrets: Array<string | undefined> = []): OrgError {
    if (error instanceof OrgError && !(error instanceof GateError)) {
        return error;
    }
    const thrown = (error && typeof error === 'object' ? error : { message: String(error) }) as Throwable;
    const rawMessage = redactSecrets(String(thrown.message ?? error ?? 'unknown error'), secrets);
    const say = (detail: string): string => `${context}: ${detail}`;
    const gate = gateErrorIn(error, rawMessage);
    if (gate) {
        return new OrgError(gate.kind, say(gate.message), gate.code, gate.remedy, gate.retryAfterMs);
    }
    const name = typeof thrown.name === 'string' ? thrown.name : '';
    const errorCode = stripPrefix(
        typeof thrown.errorCode === 'string' ? thrown.errorCode : /^[A-Z_:a-z]+$/.test(name) ? name : ''
    );
    const sysCode = typeof thrown.code === 'string' ? thrown.code : '';

    if (name === 'AbortError' || /Request Timeout|aborted due to timeout/i.test(rawMessage)) {
        return new OrgError(
            'timeout',
            say('no answer from Salesforce within the request timeout.'),
            'TIMEOUT',
            'Check the network path to the org (proxy, VPN); a slow link needs a longer --request-timeout. ' +
                'The command is safe to re-run.'
        );
    }
    if (name === 'FetchError' || NETWORK_CODES.has(sysCode)) {
        // node-fetch's message quotes the whole URL, query string included: not shown.
        return new OrgError(
            'network',
            say(`network error (${sysCode || 'connection failed'}): the connection failed or was dropped.`),
            sysCode || 'NETWORK',
            NETWORK_REMEDY
        );
    }
    if (
        errorCode === 'INVALID_SESSION_ID' ||
        errorCode === 'invalid_grant' ||
        /^invalid_grant$/i.test(name) ||
        /Unable to refresh session|RefreshTokenAuthError/.test(`${name} ${rawMessage}`)
    ) {
        return new OrgError(
            'session',
            say(`the session is expired or invalid and could not be refreshed (${errorCode || 'refresh failed'}).`),
            errorCode || 'SESSION',
            RELOGIN_REMEDY
        );
    }
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
        const daily = /TotalRequests/i.test(rawMessage);
        return new OrgError(
            'limit',
            say(
                daily
                    ? 'the org has used up its daily API requests (REQUEST_LIMIT_EXCEEDED: TotalRequests).'
                    : `Salesforce refused the request: too many concurrent requests (REQUEST_LIMIT_EXCEEDED). ${clip(rawMessage)}`
            ),
            'REQUEST_LIMIT_EXCEEDED',
            daily
                ? 'Wait until the 24-hour window frees requests (Setup > Company Information > API Requests), then re-run.'
                : 'Re-run later, when fewer long-running requests are under way in the org.'
        );
    }
    if (/^ERROR_HTTP_(502|503|504)$/.test(errorCode) || errorCode === 'SERVER_UNAVAILABLE') {
        return new OrgError(
            'unavailable',
            say(`Salesforce is temporarily unavailable (${errorCode}).`),
            errorCode,
            'Check https://status.salesforce.com for the instance; the command is safe to re-run.'
        );
    }
    if (errorCode === 'UNKNOWN_EXCEPTION' || /^ERROR_HTTP_5\d\d$/.test(errorCode)) {
        // Salesforce's text for an internal error carries an ErrorId support can trace; nothing else is shown.
        const errorId = /ErrorId[^:]*:\s*([\w-]+(?:\s*\(-?\d+\))?)/i.exec(rawMessage)?.[1];
        return new OrgError(
            'server',
            say(`Salesforce failed with an internal error (${errorCode})${errorId ? `, ErrorId ${errorId}` : ''}.`),
            errorCode,
            'Re-run later. If it keeps failing, open a case with Salesforce support' +
                (errorId ? ` quoting the ErrorId.` : '.')
        );
    }
    if (errorCode === 'API_DISABLED_FOR_ORG' || errorCode === 'API_CURRENTLY_DISABLED') {
        return new OrgError(
            'api-disabled',
            say(`API access is not enabled (${errorCode}): ${clip(rawMessage)}`),
            errorCode,
            'Use an edition with API access (Enterprise, Unlimited, Performance, Developer) and a user whose ' +
                'profile or permission set has "API Enabled".'
        );
    }
    if (errorCode.startsWith('INSUFFICIENT_ACCESS')) {
        if (/metadata api/i.test(rawMessage) || /ModifyAllData|ModifyMetadata/.test(rawMessage)) {
            return new OrgError(
                'metadata-access',
                say(`the running user may not use the Metadata API (${errorCode}): ${clip(rawMessage)}`),
                errorCode,
                'Give the deploying user "Modify Metadata Through Metadata API Functions" or "Modify All Data" ' +
                    '(a permission set is enough), then re-run.'
            );
        }
        return new OrgError(
            'access',
            say(`the running user lacks a permission (${errorCode}): ${clip(rawMessage)}`),
            errorCode,
            'Run as a user with the permissions listed in docs/deploy.md ("Permissions it needs"), then re-run.'
        );
    }
    if (
        errorCode === 'INVALID_TYPE' ||
        errorCode === 'FEATURE_NOT_ENABLED' ||
        /not available (?:for|in) this organi[sz]ation|not licensed|requires .*(?:Shield|Event Monitoring)/i.test(
            rawMessage
        )
    ) {
        return new OrgError(
            'not-licensed',
            say(`the org does not have this feature (${errorCode || 'not available'}): ${clip(rawMessage)}`),
            errorCode || 'NOT_AVAILABLE',
            'This needs a licence the org lacks (Salesforce Shield or Event Monitoring, or the Change Data ' +
                'Capture add-on). Without it, skip the step; Warden works without it.'
        );
    }
    return new OrgError('other', say(clip(rawMessage, 400)), errorCode || sysCode || name);
}
