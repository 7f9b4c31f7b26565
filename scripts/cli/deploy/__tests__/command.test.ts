/** `warden deploy`'s command line: every documented option, its short and --name=value forms, and exit code 2. */
import { command, parseDeployArgs } from '../command';
import { UsageError } from '../../lib/errors';
import { STEP_IDS } from '../steps/types';

describe('warden deploy options: what it reads', () => {
    it('has the defaults of a plain run', () => {
        expect(parseDeployArgs([])).toEqual({
            assign: [],
            skip: [],
            require: [],
            dryRun: false,
            yes: false,
            json: false,
            checkOnly: false,
            waitMinutes: 60,
            action: 'start',
            help: false
        });
    });

    it('reads every option, in long, short and --name=value forms', () => {
        const options = parseDeployArgs([
            '-o',
            'warden-dev',
            '--dry-run',
            '-y',
            '--json',
            '--check-only',
            '--config=deploy.json',
            '--assign',
            'WardenAdmin=ada@example.org',
            '--assign=WardenAuditor=bob@example.org',
            '--skip',
            'schedules,change-data-capture',
            '--skip=permissions',
            '--require',
            'real-time-events',
            '--test-level',
            'RunLocalTests',
            '--wait=0.5',
            '--api-version',
            '62.0',
            '--request-timeout',
            '90',
            '--allow-insecure-localhost',
            '--async'
        ]);
        expect(options).toEqual({
            targetOrg: 'warden-dev',
            apiVersion: '62.0',
            configPath: 'deploy.json',
            assign: ['WardenAdmin=ada@example.org', 'WardenAuditor=bob@example.org'],
            skip: ['schedules', 'change-data-capture', 'permissions'],
            require: ['real-time-events'],
            dryRun: true,
            yes: true,
            json: true,
            checkOnly: true,
            testLevel: 'RunLocalTests',
            waitMinutes: 0.5,
            requestTimeoutSeconds: 90,
            allowInsecureLocalhost: true,
            async: true,
            action: 'start',
            help: false
        });
    });

    it('reads report and resume with a job id, and only with one', () => {
        expect(parseDeployArgs(['resume', '-i', '0Af000000000001AAA', '--wait', '5'])).toMatchObject({
            action: 'resume',
            jobId: '0Af000000000001AAA',
            waitMinutes: 5
        });
        expect(parseDeployArgs(['report', '--job-id=0Af000000000001'])).toMatchObject({ action: 'report' });
    });

    it('reads the JWT options and --require all', () => {
        const options = parseDeployArgs([
            '--jwt-key-file',
            'server.key',
            '--client-id',
            '3MVG',
            '--username',
            'ci@example.org',
            '--login-url=https://test.salesforce.com',
            '--require',
            'all'
        ]);
        expect(options).toMatchObject({
            jwtKeyFile: 'server.key',
            clientId: '3MVG',
            username: 'ci@example.org',
            loginUrl: 'https://test.salesforce.com'
        });
        expect(options.require).toEqual([...STEP_IDS]);
    });
});

describe('warden deploy options: what it refuses', () => {
    it.each([
        [['--bogus'], 'warden deploy: unknown option --bogus'],
        [['--target-org'], 'warden deploy: --target-org needs a value'],
        [['--config', '--dry-run'], 'warden deploy: --config needs a value'],
        [['--skip', 'everything'], 'warden deploy: --skip everything: unknown step'],
        [['--require', 'all,nope'], 'warden deploy: --require nope: unknown step'],
        [['--test-level', 'Some'], 'warden deploy: --test-level takes one of NoTestRun'],
        [['--wait', 'soon'], 'warden deploy: --wait takes a number above 0 (got "soon")'],
        [['--request-timeout', '0'], 'warden deploy: --request-timeout takes a number above 0 (got "0")'],
        [['report'], 'warden deploy report: --job-id <id> is required'],
        [['--job-id', '0Af000000000001AAA'], 'warden deploy: --job-id is for `warden deploy report`'],
        [['resume', '--job-id', '001000000000001AAA'], 'warden deploy: --job-id 001000000000001AAA: a deploy job id'],
        [['--api-version', '62'], 'warden deploy: --api-version 62: expected a version like 62.0'],
        [['--dry-run=yes'], 'warden deploy: --dry-run takes no value'],
        [['extra'], 'warden deploy: unknown action "extra"; actions are report and resume'],
        [['report', 'extra'], 'warden deploy: too many arguments (from "extra")']
    ])('refuses %j with a UsageError', (args, message) => {
        expect(() => parseDeployArgs(args)).toThrow(UsageError);
        expect(() => parseDeployArgs(args)).toThrow(message);
    });
});

describe('warden deploy options: help and exit codes', () => {
    it('prints the help with exit 0, and a usage error with the help and exit 2, before touching any org', async () => {
        const out: string[] = [];
        const err: string[] = [];
        const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((text) => out.push(String(text)) > 0);
        const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((text) => err.push(String(text)) > 0);
        try {
            expect(await command.run(['--help'])).toBe(0);
            expect(await command.run(['--frobnicate'])).toBe(2);
        } finally {
            stdout.mockRestore();
            stderr.mockRestore();
        }
        expect(out.join('')).toContain('Usage: warden deploy [options]');
        expect(out.join('')).toMatch(/-o, --target-org <org>/);
        expect(err.join('')).toMatch(/^warden deploy: unknown option --frobnicate\n\nUsage: warden deploy/);
    });
});
