/**
 * `warden stream` as an admin runs it: signed in to the fake org through the Salesforce CLI's store, subscribed
 * to a local Pub/Sub API server, writing to a file or a local Splunk HEC; and every bad input (unknown topic,
 * refused credentials, an unwritable sink, a sink URL that is not https, a replay id past retention) ends with
 * exit 2 and a message that says what to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOrg } from '../../../dev/fake-org/server';
import { FakePubSub } from '../../../dev/testing/pubsub-server';
import { SfHome } from '../../../dev/testing/sf-state';
import { runStream } from '../command';

jest.setTimeout(30000);

let fake: FakeOrg;
let token: string;
const home = new SfHome();
let dir: string;
let bus: FakePubSub | undefined;

beforeAll(async () => {
    fake = new FakeOrg();
    fake.addCustomObject('InferenceLog__c');
    await fake.start();
    token = fake.issueAccessToken();
    await home.login({
        alias: 'warden-test',
        username: 'admin@warden.test',
        instanceUrl: fake.url,
        accessToken: token
    });
});
afterAll(async () => {
    await fake.close();
    home.remove();
});
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-stream-cli-'));
});
afterEach(async () => {
    await bus?.stop();
    bus = undefined;
    rmSync(dir, { recursive: true, force: true });
});

async function stream(
    args: string[],
    env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const endpoint = bus ? ['--pubsub-endpoint', bus.endpoint] : [];
    const code = await home.use(() =>
        runStream(
            [
                '--target-org',
                'warden-test',
                '--allow-insecure-localhost',
                '--idle-exit',
                '2',
                '--state',
                join(dir, 'state.json'),
                ...endpoint,
                ...args
            ],
            {
                stdout: (text) => (stdout += text),
                stderr: (text) => (stderr += text),
                env,
                sleep: async () => undefined
            }
        )
    );
    return { code, stdout, stderr };
}

describe('warden stream: delivery', () => {
    it("finds the log's change event topic and writes every entry to the file", async () => {
        bus = await new FakePubSub({ token }).start();
        bus.publish(1, 15);
        const file = join(dir, 'log.ndjson');
        const run = await stream(['--to', `file:${file}`, '--batch', '4', '--json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const lines = readFileSync(file, 'utf8').trim().split('\n');
        expect(lines).toHaveLength(15);
        expect(JSON.parse(run.stdout)).toMatchObject({
            topic: '/data/InferenceLog__ChangeEvent',
            delivered: 15,
            stoppedBy: 'idle'
        });
        expect(bus.requests[0]).toMatchObject({ topic_name: '/data/InferenceLog__ChangeEvent', num_requested: 4 });
    });

    it('posts HEC events to Splunk with the token from the environment', async () => {
        bus = await new FakePubSub({ token }).start();
        bus.publish(1, 6);
        const seen: Array<{ headers: IncomingHttpHeaders; url?: string; body: string }> = [];
        const hec: Server = createServer((request, response) => {
            let body = '';
            request.on('data', (chunk: Buffer) => (body += chunk.toString()));
            request.on('end', () => {
                seen.push({ headers: request.headers, url: request.url, body });
                response.writeHead(200).end('{"text":"Success","code":0}');
            });
        });
        await new Promise<void>((resolve) => hec.listen(0, '127.0.0.1', resolve));
        try {
            const port = (hec.address() as { port: number }).port;
            const run = await stream(['--to', `splunk:http://127.0.0.1:${port}`], { SPLUNK_HEC_TOKEN: 'hec-1' });
            expect(run.code).toBe(0);
            expect(seen[0].url).toBe('/services/collector/event');
            expect(seen[0].headers.authorization).toBe('Splunk hec-1');
            const events = seen.flatMap((request) => request.body.split('\n').map((line) => JSON.parse(line)));
            expect(events).toHaveLength(6);
            expect(events[0]).toMatchObject({ sourcetype: 'warden:inference-log', event: { changeType: 'CREATE' } });
        } finally {
            await new Promise<void>((resolve) => hec.close(() => resolve()));
        }
    });
});

describe('warden stream: bad input', () => {
    it('names an unknown topic', async () => {
        bus = await new FakePubSub({ token }).start();
        const run = await stream(['--to', join(dir, 'log.ndjson'), '--topic', '/data/Nope__ChangeEvent']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/unknown topic \/data\/Nope__ChangeEvent/);
    });

    it('says when the Pub/Sub API refuses the credentials, without printing the token', async () => {
        bus = await new FakePubSub({ token: 'another-session' }).start();
        const run = await stream(['--to', join(dir, 'log.ndjson')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/refused the credentials \(UNAUTHENTICATED/);
        expect(run.stderr).not.toContain(token);
    });

    it('says when the sink cannot be written', async () => {
        bus = await new FakePubSub({ token }).start();
        const run = await stream(['--to', `file:${join(dir, 'missing', 'log.ndjson')}`]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/cannot open .*log\.ndjson for appending \(ENOENT\)/);
    });

    it.each([
        ['ftp://siem.example.com/in', /expected file:<path>/],
        ['http://siem.example.com/in', /only over https/],
        ['https://user:pw@siem.example.com/in', /no credentials in the URL/]
    ])('refuses --to %s', async (to, message) => {
        const run = await stream(['--to', to]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
    });

    it('asks for the HEC token when its variable is not set', async () => {
        const run = await stream(['--to', 'splunk:https://splunk.example.com:8088']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/SPLUNK_HEC_TOKEN .* is not set/);
    });

    it('explains a stored replay id the bus no longer holds', async () => {
        bus = await new FakePubSub({ token, retainedFrom: 50 }).start();
        const stale = { version: 1, topic: '/data/InferenceLog__ChangeEvent', replayId: 'AAAAAAAAAAU=', delivered: [] };
        writeFileSync(join(dir, 'state.json'), JSON.stringify(stale));
        const run = await stream(['--to', join(dir, 'log.ndjson')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/refused the stored replay id .*--from earliest/);
    });

    it.each([
        ['{ not json', /state\.json is not JSON; move it away/],
        [
            JSON.stringify({ version: 1, topic: '/data/ContactChangeEvent', delivered: [] }),
            /belongs to topic \/data\/ContactChangeEvent, not \/data\/InferenceLog__ChangeEvent/
        ],
        [JSON.stringify({ version: 9, topic: 'x' }), /is not a warden stream state/]
    ])('refuses a state file it cannot use: %s', async (content, message) => {
        bus = await new FakePubSub({ token }).start();
        writeFileSync(join(dir, 'state.json'), content);
        const run = await stream(['--to', join(dir, 'log.ndjson')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
    });

    it('says when Change Data Capture is off for the log', async () => {
        const bare = new FakeOrg();
        await bare.start();
        const other = new SfHome();
        try {
            await other.login({
                alias: 'bare',
                username: 'admin@warden.test',
                instanceUrl: bare.url,
                accessToken: bare.issueAccessToken()
            });
            let stderr = '';
            const code = await other.use(() =>
                runStream(['--target-org', 'bare', '--allow-insecure-localhost', '--to', join(dir, 'log.ndjson')], {
                    stdout: () => undefined,
                    stderr: (text) => (stderr += text),
                    env: {}
                })
            );
            expect(code).toBe(2);
            expect(stderr).toMatch(/Change Data Capture is not on for InferenceLog__c/);
        } finally {
            await bare.close();
            other.remove();
        }
    });
});
