/** `warden deploy`'s command line: every documented option, its short and --name=value forms, and exit code 2. */
import { command, parseDeployArgs } from '../command';
import { UsageError } from '../../lib/errors';

describe('warden deploy options', () => {
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
            '62.0'
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
            help: false
        });
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
        expect(options.require).toHaveLength(7);
    });

    it.each([
        [['--bogus'], 'warden deploy: unknown option --bogus'],
        [['--target-org'], 'warden deploy: --target-org needs a value'],
        [['--config', '--dry-run'], 'warden deploy: --config needs a value'],
        [['--skip', 'everything'], 'warden deploy: --skip everything: unknown step'],
        [['--require', 'all,nope'], 'warden deploy: --require nope: unknown step'],
        [['--test-level', 'Some'], 'warden deploy: --test-level takes one of NoTestRun'],
        [['--wait', 'soon'], 'warden deploy: --wait needs a number of minutes'],
        [['--api-version', '62'], 'warden deploy: --api-version 62: expected a version like 62.0'],
        [['--dry-run=yes'], 'warden deploy: --dry-run takes no value'],
        [['extra'], 'warden deploy: unexpected argument "extra"']
    ])('refuses %j with a UsageError', (args, message) => {
        expect(() => parseDeployArgs(args)).toThrow(UsageError);
        expect(() => parseDeployArgs(args)).toThrow(message);
    });

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
