/**
 * The relaunch of large local scans in a Node with V8 options that fit them (scan/relaunch.ts): when
 * the scan command decides it, and that the relaunched scan gives the same report and exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runScan, type ScanIo } from '../command';
import { RELAUNCH_FILES, RELAUNCH_OPTIONS, relaunchOptions } from '../relaunch';

const WARDEN = join(resolve(__dirname, '..', '..'), 'warden.js');
const LEAKY =
    "public class Leaky {\n    public static List<Contact> find(String name) {\n        return Database.query('SELECT Id FROM Contact WHERE Name = \\'' + name + '\\'');\n    }\n}\n";

let work: string;
let large: string;
let small: string;
beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'warden-relaunch-'));
    large = join(work, 'large');
    small = join(work, 'small');
    for (const [folder, count] of [
        [large, RELAUNCH_FILES],
        [small, RELAUNCH_FILES - 1]
    ] as const) {
        const classes = join(folder, 'force-app', 'main', 'default', 'classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(
            join(folder, 'sfdx-project.json'),
            '{"packageDirectories":[{"path":"force-app","default":true}]}'
        );
        for (let index = 1; index < count; index += 1) {
            writeFileSync(join(classes, `C${index}.cls`), `public with sharing class C${index} {}\n`);
        }
        writeFileSync(join(classes, 'Leaky.cls'), LEAKY);
        // Files the scan leaves out do not count: node_modules, dot folders, excluded paths.
        mkdirSync(join(folder, 'force-app', 'node_modules'), { recursive: true });
        writeFileSync(join(folder, 'force-app', 'node_modules', 'N.cls'), '');
    }
    writeFileSync(join(large, 'warden.config.json'), '{"scan":{"exclude":["force-app/nothing/**"]}}');
});
afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

describe('relaunchOptions', () => {
    it('relaunches from RELAUNCH_FILES Apex files, with both options', () => {
        expect(relaunchOptions(RELAUNCH_FILES, [], undefined)).toEqual(RELAUNCH_OPTIONS);
        expect(relaunchOptions(RELAUNCH_FILES - 1, [], undefined)).toBeNull();
    });

    it('never relaunches a process that has a pool size (the relaunched one, or the user chose) or a debugger', () => {
        expect(relaunchOptions(1000, ['--v8-pool-size=0', '--max-semi-space-size=8'], undefined)).toBeNull();
        expect(relaunchOptions(1000, [], '--max-old-space-size=4096 --v8-pool-size=3')).toBeNull();
        expect(relaunchOptions(1000, ['--inspect-brk'], undefined)).toBeNull();
    });

    it('keeps a semi-space size the user chose', () => {
        expect(relaunchOptions(1000, [], '--max-semi-space-size=16')).toEqual(['--v8-pool-size=0']);
    });
});

describe('the scan command', () => {
    function io(cwd: string, relaunched: string[][]): { io: ScanIo; err: () => string } {
        let err = '';
        return {
            io: {
                stdout: { write: () => true },
                stderr: { write: (text: string) => (err += text) },
                env: { WARDEN_DEBUG: '1' },
                cwd,
                relaunch: {
                    execArgv: [],
                    run: (options) => {
                        relaunched.push([...options]);
                        return 7;
                    }
                }
            },
            err: () => err
        };
    }

    it('relaunches a large local scan once its files are counted, and returns the new process exit code', async () => {
        const relaunched: string[][] = [];
        const scan = io(work, relaunched);
        expect(await runScan([large, '--format', 'json'], scan.io)).toBe(7);
        expect(relaunched).toEqual([RELAUNCH_OPTIONS]);
        expect(scan.err()).toContain(
            `${RELAUNCH_FILES} Apex files: running in a new Node with ${RELAUNCH_OPTIONS.join(' ')}`
        );
    });

    it('scans in process a small project, a usage error, help, and an org scan', async () => {
        const relaunched: string[][] = [];
        expect(await runScan([small, '--format', 'json'], io(work, relaunched).io)).toBe(1);
        expect(await runScan([large, '--format', 'yaml'], io(work, relaunched).io)).toBe(2);
        expect(await runScan([large, '--help'], io(work, relaunched).io)).toBe(0);
        expect(await runScan([large, '--sync'], io(work, relaunched).io)).toBe(2);
        expect(relaunched).toEqual([]);
    });
});

describe('a relaunched scan', () => {
    function warden(nodeOptions: string[], args: string[], env: Record<string, string> = {}) {
        const result = spawnSync(process.execPath, [...nodeOptions, WARDEN, 'scan', ...args], {
            cwd: work,
            env: { ...process.env, WARDEN_DEBUG: '1', ...env },
            encoding: 'utf8'
        });
        return { status: result.status, stderr: result.stderr };
    }

    it('runs with the options and gives the same report and exit code as a scan in one process', () => {
        const outputs = [join(work, 'relaunched.json'), join(work, 'in-process.json')];
        const relaunched = warden([], [large, '--format', 'json', '--output', outputs[0]]);
        // Node's own default pool size, given explicitly: the scan runs in this one process.
        const inProcess = warden(['--v8-pool-size=4'], [large, '--format', 'json', '--output', outputs[1]]);
        expect(relaunched.stderr.match(/running in a new Node/g)).toHaveLength(1);
        // Printed by the new process itself (warden.js): the options reached it.
        expect(relaunched.stderr).toContain(`warden: node options ${RELAUNCH_OPTIONS.join(' ')}\n`);
        expect(inProcess.stderr).not.toContain('running in a new Node');
        expect([relaunched.status, inProcess.status]).toEqual([1, 1]);
        const findings = outputs.map(
            (file) => (JSON.parse(readFileSync(file, 'utf8')) as { findings: unknown[] }).findings
        );
        expect(findings[0].length).toBeGreaterThan(0);
        expect(findings[0]).toEqual(findings[1]);

        // Node reads NODE_EXTRA_CA_CERTS at start-up and warns about an unreadable one: only the first
        // process does, the relaunched local scan starts without it.
        const certs = warden([], [large, '--format', 'json', '--output', outputs[0]], {
            NODE_EXTRA_CA_CERTS: join(work, 'missing.pem')
        });
        expect(certs.stderr.match(/Ignoring extra certs/g)).toHaveLength(1);
        expect(certs.status).toBe(1);
    });
});
