import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- the module under test is the CommonJS launcher's */
const pool = require('../v8-pool') as {
    RELAUNCH_FILES: number;
    hasApexFiles(folder: string, limit: number): boolean;
    needsRelaunch(argv: string[], execArgv: string[], env: Record<string, string>, cwd: string): boolean;
    scanFolder(args: string[], cwd: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = resolve(__dirname, '..', '..', '..');
const WARDEN = join(ROOT, 'scripts', 'cli', 'warden.js');

let work: string;
let large: string;
let small: string;
beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'warden-v8-pool-'));
    large = join(work, 'large');
    small = join(work, 'small');
    for (const [folder, count] of [
        [large, pool.RELAUNCH_FILES],
        [small, pool.RELAUNCH_FILES - 1]
    ] as const) {
        const classes = join(folder, 'force-app', 'main', 'default', 'classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(
            join(folder, 'sfdx-project.json'),
            '{"packageDirectories":[{"path":"force-app","default":true}]}'
        );
        for (let index = 0; index < count; index += 1) {
            writeFileSync(join(classes, `C${index}.${index % 10 === 0 ? 'trigger' : 'cls'}`), '');
        }
        // Folders that are not source do not count.
        mkdirSync(join(folder, 'node_modules', 'x'), { recursive: true });
        mkdirSync(join(folder, '.sfdx'), { recursive: true });
        for (let index = 0; index < 5; index += 1) {
            writeFileSync(join(folder, 'node_modules', 'x', `N${index}.cls`), '');
            writeFileSync(join(folder, '.sfdx', `S${index}.cls`), '');
        }
    }
});
afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

describe('needsRelaunch', () => {
    it('relaunches a scan of a folder with enough Apex files, and nothing else', () => {
        expect(pool.needsRelaunch(['scan', large], [], {}, '/')).toBe(true);
        expect(pool.needsRelaunch(['scan', small], [], {}, '/')).toBe(false);
        for (const command of ['verify', 'redact', 'check', 'deploy']) {
            expect(pool.needsRelaunch([command, large], [], {}, '/')).toBe(false);
        }
        expect(pool.needsRelaunch([], [], {}, large)).toBe(false);
    });

    it('finds the scanned folder past option values, or the project around the working folder', () => {
        expect(pool.scanFolder(['--format', 'json', '--output', 'out.json', 'large'], work)).toBe(large);
        expect(pool.scanFolder(['--format=json', '--no-color', 'large'], work)).toBe(large);
        expect(pool.scanFolder(['--rules', 'soql-injection'], join(large, 'force-app', 'main'))).toBe(large);
        expect(pool.scanFolder([], work)).toBe(work);
        expect(
            pool.needsRelaunch(['scan', '--output', 'large', '--format', 'json'], [], {}, join(large, 'force-app'))
        ).toBe(true);
        expect(pool.needsRelaunch(['scan', '--output', 'x.json'], [], {}, join(small, 'force-app'))).toBe(false);
    });

    it('does not relaunch an org scan, whatever the folder holds', () => {
        expect(pool.needsRelaunch(['scan', '--target-org', 'prod'], [], {}, large)).toBe(false);
        expect(pool.needsRelaunch(['scan', large, '-o', 'prod', '--sync'], [], {}, '/')).toBe(false);
        expect(pool.needsRelaunch(['scan', '--org'], [], {}, large)).toBe(false);
        expect(pool.scanFolder(['--target-org', 'prod', '--objects', 'A,B', 'large'], work)).toBe(large);
    });

    it('does not relaunch for a single file or a missing path', () => {
        const file = join(large, 'force-app', 'main', 'default', 'classes', 'C1.cls');
        expect(pool.needsRelaunch(['scan', file], [], {}, '/')).toBe(false);
        expect(pool.needsRelaunch(['scan', join(work, 'missing')], [], {}, '/')).toBe(false);
    });

    it('leaves the pool alone when it is already set, a debugger runs, or WARDEN_V8_POOL says so', () => {
        expect(pool.needsRelaunch(['scan', large], ['--v8-pool-size=2'], {}, '/')).toBe(false);
        expect(
            pool.needsRelaunch(['scan', large], [], { NODE_OPTIONS: '--max-old-space-size=4096 --v8-pool-size=3' }, '/')
        ).toBe(false);
        expect(pool.needsRelaunch(['scan', large], ['--inspect-brk'], {}, '/')).toBe(false);
        expect(pool.needsRelaunch(['scan', large], [], { WARDEN_V8_POOL: '0' }, '/')).toBe(false);
        expect(pool.needsRelaunch(['scan', small], [], { WARDEN_V8_POOL: '1' }, '/')).toBe(true);
        expect(pool.needsRelaunch(['verify', large], [], { WARDEN_V8_POOL: '1' }, '/')).toBe(false);
    });

    it('tells whether a folder holds at least the limit, leaving node_modules and dot folders out', () => {
        expect(pool.hasApexFiles(large, pool.RELAUNCH_FILES)).toBe(true);
        expect(pool.hasApexFiles(small, pool.RELAUNCH_FILES)).toBe(false);
        expect(pool.hasApexFiles(join(work, 'missing'), 1)).toBe(false);
    });
});

describe('a relaunched scan', () => {
    function warden(
        args: string[],
        env: Record<string, string>
    ): { status: number | null; stdout: string; stderr: string } {
        const result = spawnSync(process.execPath, [WARDEN, ...args], {
            cwd: ROOT,
            env: { ...process.env, WARDEN_DEBUG: '1', ...env },
            encoding: 'utf8'
        });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it('runs with the pool option and gives the same report and exit code as an in-process scan', () => {
        const project = join(work, 'leaky');
        const classes = join(project, 'force-app', 'main', 'default', 'classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(
            join(project, 'sfdx-project.json'),
            '{"packageDirectories":[{"path":"force-app","default":true}]}'
        );
        writeFileSync(
            join(classes, 'Leaky.cls'),
            "public class Leaky {\n    public static List<Contact> find(String name) {\n        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + name + '\\'');\n    }\n}\n"
        );
        const outputs = [join(work, 'relaunched.json'), join(work, 'in-process.json')];
        const relaunched = warden(['scan', project, '--format', 'json', '--output', outputs[0]], {
            WARDEN_V8_POOL: '1'
        });
        const inProcess = warden(['scan', project, '--format', 'json', '--output', outputs[1]], {
            WARDEN_V8_POOL: '0'
        });
        expect(relaunched.stderr).toContain(
            'running scan in a new process with --v8-pool-size=0 --max-semi-space-size=8'
        );
        expect(relaunched.stderr.match(/in a new process/g)).toHaveLength(1);
        // Printed by the relaunched process itself: the options reached it.
        expect(relaunched.stderr).toContain('warden: node options --v8-pool-size=0 --max-semi-space-size=8\n');
        expect(inProcess.stderr).not.toContain('new process');
        expect(relaunched.status).toBe(1);
        expect(inProcess.status).toBe(1);
        const findings = outputs.map(
            (file) => (JSON.parse(readFileSync(file, 'utf8')) as { findings: unknown[] }).findings
        );
        expect(findings[0].length).toBeGreaterThan(0);
        expect(findings[0]).toEqual(findings[1]);

        const ownSemiSpace = warden(['scan', project, '--format', 'json', '--output', outputs[0]], {
            WARDEN_V8_POOL: '1',
            NODE_OPTIONS: '--max-semi-space-size=16'
        });
        expect(ownSemiSpace.stderr).toContain('running scan in a new process with --v8-pool-size=0\n');
        expect(ownSemiSpace.stderr).toContain('warden: node options --v8-pool-size=0\n');
        expect(ownSemiSpace.status).toBe(1);

        // Node reads NODE_EXTRA_CA_CERTS at start-up and warns about an unreadable one: only the first
        // process does, the relaunched local scan starts without it.
        const certs = warden(['scan', project, '--format', 'json', '--output', outputs[0]], {
            WARDEN_V8_POOL: '1',
            NODE_EXTRA_CA_CERTS: join(work, 'missing.pem')
        });
        expect(certs.stderr.match(/Ignoring extra certs/g)).toHaveLength(1);
        expect(certs.status).toBe(1);

        const usage = warden(['scan', '--format', 'yaml'], { WARDEN_V8_POOL: '1' });
        expect(usage.status).toBe(2);
        expect(usage.stderr).toContain('--format must be table, json or sarif');
    });
});
