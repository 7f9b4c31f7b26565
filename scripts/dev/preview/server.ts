/**
 * The preview's HTTP server, on 127.0.0.1 only: the page, the built bundle, SLDS assets, the JSON API of
 * the controller contracts (POST /api/apex/Controller.method) and a Server-Sent Events stream of new
 * inference events standing in for the platform event channel.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { ApexError, type Backend } from './backend';
import type { DemoLogEntry } from './demoData';

export const HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json; charset=utf-8',
    '.resource': 'text/plain; charset=utf-8'
};

export type PreviewServerOptions = {
    port: number;
    backend: Backend;
    bundleFile: string;
    sldsDir: string;
    /** Milliseconds between simulated live gate decisions; 0 turns the live stream off. */
    liveIntervalMs: number;
    clock?: () => number;
    /** Static resources by name (the .resource file), for @salesforce/resourceUrl imports. */
    staticResources?: Map<string, string>;
};

export type RunningPreview = { url: string; port: number; server: Server; close(): Promise<void> };

export class PortInUseError extends Error {}

function portInUse(port: number): PortInUseError {
    return new PortInUseError(
        `Port ${port} on ${HOST} is already in use. Stop the other process or pick another port with --port N.`
    );
}

/** Fails fast, before the build and the data generation, when the port is taken. */
export function assertPortFree(port: number): Promise<void> {
    if (port === 0) {
        return Promise.resolve();
    }
    return new Promise((resolveProbe, reject) => {
        const probe = createNetServer();
        probe.once('error', (error: NodeJS.ErrnoException) =>
            reject(error.code === 'EADDRINUSE' ? portInUse(port) : error)
        );
        probe.listen(port, HOST, () => probe.close(() => resolveProbe()));
    });
}

/** A demo user the page can act as, with whether they are a second pair of eyes (WardenApprover). */
export type DemoPerson = { id: string; name: string; approver: boolean };

function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The page: a banner saying the data is generated, with the demo user the console acts as (four-eyes approvals need
 * two people: switch to another officer to approve what one asked for), the toast area and the console.
 */
export function pageHtml(people: DemoPerson[] = []): string {
    const options = people
        .map(
            (person) =>
                `<option value="${escapeHtml(person.id)}">${escapeHtml(person.name)}${person.approver ? ' — approver' : ''}</option>`
        )
        .join('');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Warden Compliance — local preview (demo data)</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">
<style>
body { background: #f3f3f3; margin: 0; }
.warden-demo-banner { position: sticky; top: 0; z-index: 9000; }
.warden-demo-banner select { margin-left: 0.25rem; color: #181818; }
#warden-toasts { position: fixed; top: 3rem; left: 0; right: 0; z-index: 9500; display: flex; flex-direction: column; align-items: center; pointer-events: none; }
#warden-toasts .slds-notify_toast { pointer-events: auto; min-width: 30rem; }
#warden-root { padding: 0.75rem; }
</style>
</head>
<body>
<header class="slds-notify_container warden-demo-banner" style="position: sticky">
  <div class="slds-notify slds-notify_alert slds-alert_warning" data-id="demo-banner">
    <p><strong>DEMO DATA</strong> — local preview of the Warden Compliance console. Every patient, endpoint and log entry here is generated; nothing comes from a Salesforce org.${
        options
            ? ` <label for="warden-acting-user">Acting as</label><select id="warden-acting-user" data-id="acting-user">${options}</select>`
            : ''
    }</p>
  </div>
</header>
<div id="warden-toasts" aria-live="polite"></div>
<main id="warden-root"></main>
<script type="module">
const select = document.getElementById('warden-acting-user');
if (select) {
    const params = new URLSearchParams(window.location.search);
    if (params.get('as')) select.value = params.get('as');
    select.addEventListener('change', () => {
        params.set('as', select.value);
        window.location.search = params.toString();
    });
}
</script>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(payload)
    });
    response.end(payload);
}

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolveBody, reject) => {
        let size = 0;
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY) {
                reject(new ApexError('Request body too large.', 413));
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

/**
 * A file from disk. `cache` files (SLDS, static resources) never change while the server runs; the bundle does
 * (a rebuild), so the browser revalidates it each time: an unchanged bundle answers 304 and the browser reuses the
 * copy it has, with the code it compiled from it (V8's code cache), instead of parsing megabytes of script again.
 */
function serveFile(request: IncomingMessage, response: ServerResponse, file: string, cache: boolean): void {
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (!stat?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Not found');
        return;
    }
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
        'Cache-Control': cache ? 'public, max-age=3600' : 'no-cache',
        ETag: etag
    };
    if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers);
        response.end();
        return;
    }
    response.writeHead(200, {
        ...headers,
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': stat.size
    });
    createReadStream(file).pipe(response);
}

/** The platform event message of a log entry: the InferenceEvent__e payload (no chain fields). */
export function eventMessage(entry: DemoLogEntry, replayId: number): unknown {
    return {
        channel: '/event/InferenceEvent__e',
        data: {
            event: { replayId, EventUuid: entry.eventUuid },
            payload: {
                LoggedAt__c: entry.loggedAt,
                EndpointId__c: entry.endpointId,
                EndpointKey__c: entry.endpointKey,
                Purpose__c: entry.purpose,
                Decision__c: entry.decision,
                Mode__c: entry.mode,
                Reasons__c: entry.reasons,
                SubjectKey__c: entry.subjectKey,
                Jurisdiction__c: entry.jurisdiction,
                FieldsSent__c: entry.fieldsSent,
                PhiCategories__c: entry.phiCategories,
                RedactionCount__c: entry.redactionCount,
                ConsentResult__c: entry.consentResult,
                ResidencyResult__c: entry.residencyResult,
                PromptSha256__c: entry.promptSha256,
                ResponseSha256__c: entry.responseSha256,
                TokensIn__c: entry.tokensIn,
                TokensOut__c: entry.tokensOut,
                LatencyMs__c: entry.latencyMs,
                Caller__c: entry.caller
            }
        }
    };
}

/** Answers a GET for the page, the bundle, SLDS, a static resource or the health check; false when it is none. */
function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    options: PreviewServerOptions,
    sldsRoot: string
): boolean {
    const data = options.backend.data;
    if (path === '/' || path === '/index.html') {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'], 'Cache-Control': 'no-store' });
        response.end(pageHtml(data.users.map((user) => ({ ...user, approver: data.approverIds.includes(user.id) }))));
    } else if (/^\/[\w.-]+\.js$/.test(path)) {
        // app.js and its lazily loaded chunks, all from the build folder.
        serveFile(request, response, join(dirname(options.bundleFile), path.slice(1)), false);
    } else if (path === '/favicon.ico') {
        response.writeHead(204);
        response.end();
    } else if (path.startsWith('/slds/')) {
        const file = normalize(join(sldsRoot, path.slice('/slds/'.length)));
        if (file.startsWith(sldsRoot + sep)) {
            serveFile(request, response, file, true);
        } else {
            response.writeHead(403);
            response.end();
        }
    } else if (path.startsWith('/resources/')) {
        // @salesforce/resourceUrl/Name: the project's static resource file, as the org would serve it.
        const name = path.slice('/resources/'.length);
        const file = /^\w+$/.test(name) ? options.staticResources?.get(name) : undefined;
        if (file) {
            serveFile(request, response, file, true);
        } else {
            response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
            response.end('Not found');
        }
    } else if (path === '/api/health') {
        sendJson(response, 200, { ok: true, logEntries: data.log.length, today: data.today });
    } else {
        return false;
    }
    return true;
}

/** Calls one controller method of the fake backend as the demo user the page acts as (X-Warden-Demo-User). */
function answerApex(request: IncomingMessage, response: ServerResponse, name: string, backend: Backend): void {
    readBody(request)
        .then((raw) => {
            if (request.headers['x-warden-demo-permission'] === 'none') {
                throw new ApexError(
                    'Insufficient permissions: you need the WardenComplianceOfficer permission set.',
                    403
                );
            }
            let params: Record<string, unknown> = {};
            if (raw.trim() !== '') {
                try {
                    params = JSON.parse(raw) as Record<string, unknown>;
                } catch {
                    throw new ApexError('The request body is not valid JSON.');
                }
            }
            const actingUser = request.headers['x-warden-demo-user'];
            const userId = typeof actingUser === 'string' ? actingUser : undefined;
            sendJson(response, 200, backend.invoke(name, params, { userId }) ?? null);
        })
        .catch((error: unknown) => {
            if (error instanceof ApexError) {
                sendJson(response, error.status, { message: error.message });
            } else {
                process.stderr.write(`preview: ${name} failed: ${(error as Error).message}\n`);
                sendJson(response, 500, { message: 'The preview server failed to answer this request.' });
            }
        });
}

export function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
    const clock = options.clock ?? Date.now;
    const streams = new Set<ServerResponse>();
    let replayId = 0;
    const sldsRoot = resolve(options.sldsDir);

    const server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', `http://${HOST}`);
        const path = decodeURIComponent(url.pathname);
        if (request.method === 'GET' && serveStatic(request, response, path, options, sldsRoot)) {
            return;
        }
        if (request.method === 'GET' && path === '/api/events') {
            response.writeHead(200, {
                'Content-Type': 'text/event-stream',
                'Cache-Control': 'no-store',
                Connection: 'keep-alive'
            });
            response.write(': connected\n\n');
            streams.add(response);
            request.on('close', () => streams.delete(response));
            return;
        }
        if (request.method === 'POST' && path.startsWith('/api/apex/')) {
            answerApex(request, response, path.slice('/api/apex/'.length), options.backend);
            return;
        }
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Not found');
    });

    let timer: NodeJS.Timeout | undefined;
    if (options.liveIntervalMs > 0) {
        timer = setInterval(() => {
            const entry = options.backend.data.simulateCall(clock());
            replayId++;
            const frame = `id: ${replayId}\ndata: ${JSON.stringify(eventMessage(entry, replayId))}\n\n`;
            for (const stream of streams) {
                stream.write(frame);
            }
        }, options.liveIntervalMs);
        timer.unref();
    }

    return new Promise((resolveStart, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
            if (timer) {
                clearInterval(timer);
            }
            reject(error.code === 'EADDRINUSE' ? portInUse(options.port) : error);
        });
        server.listen(options.port, HOST, () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : options.port;
            resolveStart({
                url: `http://${HOST}:${port}/`,
                port,
                server,
                close: () =>
                    new Promise<void>((resolveClose) => {
                        if (timer) {
                            clearInterval(timer);
                        }
                        for (const stream of streams) {
                            stream.end();
                        }
                        streams.clear();
                        server.closeAllConnections();
                        server.close(() => resolveClose());
                    })
            });
        });
    });
}
