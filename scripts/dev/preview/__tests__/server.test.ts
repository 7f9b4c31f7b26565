import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';
import { assertPortFree, PortInUseError, startPreviewServer, type RunningPreview } from '../server';
import { parsePreviewArgs } from '../command';
import { UsageError } from '../../../cli/lib/errors';
import { buildRuleCatalog, readRuleCatalog, ruleCatalogText, RULE_CATALOG_PATH } from '../ruleCatalog';
import { readFileSync } from 'node:fs';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('preview server', () => {
    let running: RunningPreview | undefined;
    const bundleDir = mkdtempSync(join(tmpdir(), 'warden-preview-test-'));
    writeFileSync(join(bundleDir, 'app.js'), 'console.log("app")');

    afterEach(async () => {
        await running?.close();
        running = undefined;
    });
    afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

    async function start(port = 0, liveIntervalMs = 0): Promise<RunningPreview> {
        const backend = createBackend(generateDemoData({ today: '2026-11-22', logEntries: 300 }));
        running = await startPreviewServer({
            port,
            backend,
            bundleFile: join(bundleDir, 'app.js'),
            sldsDir: bundleDir,
            liveIntervalMs
        });
        return running;
    }

    it('listens on 127.0.0.1 and serves the page labelled as demo data', async () => {
        const server = await start();
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        const page = await (await fetch(server.url)).text();
        expect(page).toContain('DEMO DATA');
        expect(await (await fetch(`${server.url}app.js`)).text()).toContain('app');
    });

    it('answers the contracts as JSON and errors the way Apex does', async () => {
        const server = await start();
        const ok = await fetch(`${server.url}api/apex/WardenPostureController.getPosture`, {
            method: 'POST',
            body: '{}'
        });
        expect(ok.status).toBe(200);
        expect((await ok.json()).windowDays).toBe(90);
        const bad = await fetch(`${server.url}api/apex/WardenLogController.getLogPage`, {
            method: 'POST',
            body: JSON.stringify({ query: { decision: 'Maybe' } })
        });
        expect(bad.status).toBe(400);
        expect(await bad.json()).toEqual({ message: 'Unknown decision Maybe.' });
        const denied = await fetch(`${server.url}api/apex/WardenPostureController.getPosture`, {
            method: 'POST',
            body: '{}',
            headers: { 'X-Warden-Demo-Permission': 'none' }
        });
        expect(denied.status).toBe(403);
        expect((await denied.json()).message).toContain('WardenComplianceOfficer');
        const missing = await fetch(`${server.url}api/apex/Nope.nope`, { method: 'POST', body: '{}' });
        expect(missing.status).toBe(404);
    });

    it('streams new gate decisions as platform event messages', async () => {
        const server = await start(0, 50);
        const controller = new AbortController();
        const response = await fetch(`${server.url}api/events?channel=/event/InferenceEvent__e`, {
            signal: controller.signal
        });
        const reader = response.body!.getReader();
        let text = '';
        while (!text.includes('data: ')) {
            const { value } = await reader.read();
            text += new TextDecoder().decode(value);
        }
        controller.abort();
        const message = JSON.parse(text.slice(text.indexOf('data: ') + 6).split('\n')[0]);
        expect(message.channel).toBe('/event/InferenceEvent__e');
        expect(['Allowed', 'Redacted', 'Blocked']).toContain(message.data.payload.Decision__c);
    });

    it('reports a busy port clearly', async () => {
        const blocker = createServer();
        await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
        const port = (blocker.address() as { port: number }).port;
        try {
            await expect(start(port)).rejects.toThrow(PortInUseError);
            await expect(start(port)).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
            await expect(assertPortFree(port)).rejects.toThrow(PortInUseError);
        } finally {
            blocker.close();
        }
    });

    it('parses --port and refuses bad options', () => {
        expect(parsePreviewArgs(['--port', '6001'], ROOT).port).toBe(6001);
        expect(parsePreviewArgs(['--port=6002', '--no-build'], ROOT)).toMatchObject({ port: 6002, build: false });
        expect(parsePreviewArgs([], ROOT)).toMatchObject({
            port: 5170,
            build: true,
            liveIntervalMs: 4000,
            help: false
        });
        expect(parsePreviewArgs(['--seed=7', '--today', '2026-03-01', '--live-interval', '0'], ROOT)).toMatchObject({
            seed: 7,
            today: '2026-03-01',
            liveIntervalMs: 0
        });
        expect(() => parsePreviewArgs(['--port', 'abc'], ROOT)).toThrow(UsageError);
        expect(() => parsePreviewArgs(['--port', '70000'], ROOT)).toThrow(
            'warden preview: --port takes a whole number from 0 to 65535 (got "70000")'
        );
        expect(() => parsePreviewArgs(['--port'], ROOT)).toThrow(/needs a value/);
        expect(() => parsePreviewArgs(['--today', '2026-13-45'], ROOT)).toThrow(UsageError);
        expect(() => parsePreviewArgs(['--bogus'], ROOT)).toThrow(/unknown option/);
        expect(() => parsePreviewArgs(['--no-build=1'], ROOT)).toThrow('warden preview: --no-build takes no value');
    });

    it('ships a rule catalog that matches the scanner rules', () => {
        expect(readFileSync(join(ROOT, RULE_CATALOG_PATH), 'utf8')).toBe(ruleCatalogText());
        expect(Object.keys(readRuleCatalog(ROOT).rules)).toEqual(Object.keys(buildRuleCatalog().rules));
    });
});
