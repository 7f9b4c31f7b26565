/**
 * `warden checkpoints pull` against the fake org: a first pull writes the file, a second appends only what is
 * new and never rewrites what is there, a checkpoint rewritten or removed in the org is reported (exit 1) and
 * nothing is appended, and `warden verify --checkpoints` reads the file it keeps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_COLUMNS } from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { FakeOrg } from '../../../dev/fake-org/server';
import { exportCsv, sampleCheckpoints, sampleLog } from '../../../dev/generate/sample-log';
import { SfHome } from '../../../dev/testing/sf-state';
import { runVerify } from '../../verify/command';
import { nodeSha256 } from '../../verify/chain';
import { runCheckpoints } from '../command';

jest.setTimeout(30000);

const log = sampleLog(25, nodeSha256, 4);
const checkpoints = sampleCheckpoints(log, 5);
let fake: FakeOrg;
const home = new SfHome();
let dir: string;

beforeAll(async () => {
    fake = new FakeOrg();
    await fake.start();
    await home.login({
        alias: 'warden-test',
        username: 'admin@warden.test',
        instanceUrl: fake.url,
        accessToken: fake.issueAccessToken(),
        refreshToken: fake.issueRefreshToken()
    });
    dir = mkdtempSync(join(tmpdir(), 'warden-checkpoints-'));
});
afterAll(async () => {
    await fake.close();
    home.remove();
    rmSync(dir, { recursive: true, force: true });
});

async function pull(out: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await home.use(() =>
        runCheckpoints(['pull', '--target-org', 'warden-test', '--allow-insecure-localhost', '--out', out, ...extra], {
            stdout: (text) => (stdout += text),
            stderr: (text) => (stderr += text),
            env: {}
        })
    );
    return { code, stdout, stderr };
}

function addToOrg(from: number, to: number): void {
    for (const checkpoint of checkpoints.slice(from, to)) {
        fake.insert('ChainCheckpoint__c', { ...checkpoint });
    }
}

describe('warden checkpoints pull', () => {
    it('writes the file, then appends only new checkpoints and never rewrites it', async () => {
        const out = join(dir, 'kept');
        addToOrg(0, 2);
        const first = await pull(out);
        expect(first).toMatchObject({ code: 0, stderr: '' });
        expect(first.stdout).toContain('2 new checkpoint(s) appended');
        expect(first.stdout).toContain('covers sequences 1..10');
        const before = readFileSync(join(out, 'checkpoints.csv'), 'utf8');
        expect(before.split('\n')[0]).toBe(
            'Sequence__c,FromSequence__c,EntryCount__c,HeadHash__c,MerkleRoot__c,Signature__c,CertificateName__c,CreatedAt__c'
        );
        expect((await pull(out)).stdout).toContain('0 new checkpoint(s) appended');
        addToOrg(2, checkpoints.length);
        const second = await pull(out, ['--json']);
        expect(second.code).toBe(0);
        expect(JSON.parse(second.stdout)).toMatchObject({ kept: 2, appended: 3, lastSequence: 25, problems: [] });
        const after = readFileSync(join(out, 'checkpoints.csv'), 'utf8');
        expect(after.startsWith(before)).toBe(true);
        expect(after.trim().split('\n')).toHaveLength(1 + checkpoints.length);

        // The file is what warden verify reads, and it catches a truncated export with it.
        writeFileSync(join(dir, 'log.csv'), exportCsv(log, EXPORT_COLUMNS));
        writeFileSync(join(dir, 'short.csv'), exportCsv(log.slice(0, 22), EXPORT_COLUMNS));
        const checkpointsFile = join(out, 'checkpoints.csv');
        const verified = runVerify([join(dir, 'log.csv'), '--checkpoints', checkpointsFile, '--require-checkpoints']);
        expect(verified.code).toBe(0);
        expect(verified.stdout).toContain(`Checkpoints verified: ${checkpoints.length}`);
        expect(runVerify([join(dir, 'short.csv'), '--checkpoints', checkpointsFile]).code).toBe(1);
    });

    it('reports a checkpoint rewritten or removed in the org and appends nothing', async () => {
        const out = join(dir, 'kept');
        const before = readFileSync(join(out, 'checkpoints.csv'), 'utf8');
        const row = fake.rows('ChainCheckpoint__c').find((r) => r.Sequence__c === 10) as Record<string, unknown>;
        const original = row.MerkleRoot__c;
        row.MerkleRoot__c = 'f'.repeat(64);
        const rewritten = await pull(out);
        expect(rewritten.code).toBe(1);
        expect(rewritten.stdout).toContain('Checkpoint 10 differs between the org and the local file (MerkleRoot__c)');
        row.MerkleRoot__c = original;
        fake.remove('ChainCheckpoint__c', String(fake.rows('ChainCheckpoint__c').find((r) => r.Sequence__c === 5)?.Id));
        const removed = await pull(out);
        expect(removed.code).toBe(1);
        expect(removed.stdout).toContain('Checkpoint 5 of the local file is no longer in the org.');
        expect(readFileSync(join(out, 'checkpoints.csv'), 'utf8')).toBe(before);
    });

    it('exits 2 on bad usage and on a file that is not a checkpoint file', async () => {
        const usage = await home.use(() =>
            runCheckpoints(['pull'], { stdout: () => undefined, stderr: () => undefined, env: {} })
        );
        expect(usage).toBe(2);
        const other = join(dir, 'other');
        // The org now misses checkpoint 5: a first pull into an empty folder says so and writes nothing.
        const gap = await pull(other);
        expect(gap.code).toBe(1);
        expect(gap.stdout).toContain('Checkpoint 10 starts at sequence 6, not 1');
        mkdirSync(other, { recursive: true });
        writeFileSync(join(other, 'checkpoints.csv'), 'Name,Phone\nx,y\n');
        const notCheckpoints = await pull(other);
        expect(notCheckpoints.code).toBe(2);
        expect(notCheckpoints.stderr).toContain('it is not a checkpoint file');
    });
});
