/**
 * The https rule end to end: a plain-HTTP server listening on 127.0.0.1 records everything it
 * receives, and `warden deploy` and `warden scan --target-org`, pointed at it through every source of a
 * login (a stored sf login, its refresh server, the access-token environment, the JWT login URL), must
 * refuse with exit 2 and a clear message before sending it a single byte: no Authorization header, no
 * token, no assertion. The last test shows the recorder does see a request when http is allowed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFixtureProject } from '../../../dev/testing/fixture-project';
import { SfHome } from '../../../dev/testing/sf-state';
import { runDeploy } from '../../deploy/run';
import { runScan } from '../../scan/command';

jest.setTimeout(30000);

type Received = { method?: string; url?: string; headers: IncomingMessage['headers']; body: string };

const received: Received[] = [];
let server: Server;
let url = '';
const home = new SfHome();
let project = '';
const TOKEN = '00D000000000001!AQplaintexttokenplaintexttoken';
const REFRESH = '5AepplaintextrefreshtokenXYZ';

beforeAll(async () => {
    server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            received.push({
                method: request.method,
                url: request.url,
                headers: request.headers,
                body: Buffer.concat(chunks).toString()
            });
            response.writeHead(200, { 'Content-Type': 'application/json' });
            response.end('[]');
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    project = writeFixtureProject();
    await home.login({
        alias: 'plain',
        username: 'plain@warden.test',
        instanceUrl: url,
        accessToken: TOKEN,
        refreshToken: REFRESH
    });
    await home.login({
        alias: 'plain-refresh',
        username: 'refresh@warden.test',
        instanceUrl: 'https://example.my.salesforce.com',
        loginUrl: url,
        accessToken: TOKEN,
        refreshToken: REFRESH
    });
});

afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    home.remove();
    rmSync(project, { recursive: true, force: true });
});

async function deploy(
    flags: Record<string, unknown>,
    env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; err: string }> {
    let err = '';
    const code = await home.use(() =>
        runDeploy(
            {
                assign: [],
                skip: [],
                require: [],
                dryRun: true,
                yes: false,
                json: false,
                checkOnly: false,
                waitMinutes: 1,
                projectDir: project,
                ...flags
            },
            {
                stdout: () => undefined,
                stderr: (text) => (err += text),
                interactive: false,
                progressTty: false,
                confirm: async () => false,
                env
            }
        )
    );
    return { code, err };
}

async function scan(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; err: string }> {
    let err = '';
    const code = await home.use(() =>
        runScan(args, {
            stdout: { write: () => true },
            stderr: { write: (text: string) => (err += text) },
            env,
            cwd: project
        })
    );
    return { code, err };
}

describe('credentials go over https only', () => {
    it('a stored login on http: deploy and scan refuse with exit 2, and the server receives nothing', async () => {
        const deployed = await deploy({ targetOrg: 'plain' });
        expect(deployed.code).toBe(2);
        expect(deployed.err).toContain(
            `The instance URL of the stored login plain@warden.test ${url} does not use https`
        );
        expect(deployed.err).toContain('What to do: Log in again over https');
        expect(deployed.err).toContain('If it is the local fake org of the tests, pass --allow-insecure-localhost.');
        const scanned = await scan(['--target-org', 'plain']);
        expect(scanned.code).toBe(2);
        expect(scanned.err).toContain('does not use https. Warden sends credentials over https only and sent nothing.');
        expect(received).toEqual([]);
    });

    it('a stored login whose refresh server is on http is refused before any refresh', async () => {
        const deployed = await deploy({ targetOrg: 'plain-refresh' });
        expect(deployed.code).toBe(2);
        expect(deployed.err).toContain(
            `The login URL of the stored login refresh@warden.test ${url} does not use https`
        );
        expect(received).toEqual([]);
    });

    it('the access-token environment on http', async () => {
        const env = { SF_ACCESS_TOKEN: TOKEN, SF_ORG_INSTANCE_URL: url };
        expect((await deploy({}, env)).code).toBe(2);
        const scanned = await scan(['--org'], env);
        expect(scanned.code).toBe(2);
        expect(scanned.err).toContain(`SF_ORG_INSTANCE_URL ${url} does not use https`);
        // Like sf, --target-org also takes the token itself.
        expect((await deploy({ targetOrg: TOKEN }, { SF_ORG_INSTANCE_URL: url })).code).toBe(2);
        expect(received).toEqual([]);
    });

    it('the JWT flow with an http login URL: the assertion is never posted', async () => {
        const keyFile = join(project, 'server.key');
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
        const flags = { jwtKeyFile: keyFile, clientId: '3MVG9test', username: 'ci@warden.test', loginUrl: url };
        const deployed = await deploy(flags);
        expect(deployed.code).toBe(2);
        expect(deployed.err).toContain(`The login URL ${url} does not use https`);
        expect(deployed.err).toContain('--allow-insecure-localhost');
        expect(received).toEqual([]);
    });

    it('the recorder does see requests, with the token, when http to localhost is allowed', async () => {
        const scanned = await scan(['--target-org', 'plain', '--allow-insecure-localhost', '--wait', '0.1']);
        expect(received.length).toBeGreaterThan(0);
        expect(received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
        expect(scanned.err).not.toContain(TOKEN);
    });
});
