/** `npm run test:apex`'s command line: the org is required, and a bad command line is exit 2 before `sf` runs. */
import { main } from '../test-apex';

describe('npm run test:apex', () => {
    let output: string[];
    let spies: jest.SpyInstance[];
    beforeEach(() => {
        output = [];
        spies = [process.stdout, process.stderr].map((stream) =>
            jest.spyOn(stream, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0)
        );
    });
    afterEach(() => spies.forEach((spy) => spy.mockRestore()));

    it('needs --target-org, and says so with the help', () => {
        expect(main([])).toBe(2);
        expect(output.join('')).toContain('npm run test:apex: --target-org is required');
        expect(output.join('')).toContain('-o, --target-org <alias|username>');
    });

    it('refuses an unknown option and a missing org name', () => {
        expect(main(['--target-org=x', '--deploy=yes'])).toBe(2);
        expect(main(['-o'])).toBe(2);
        expect(output.join('')).toContain('--deploy takes no value');
        expect(output.join('')).toContain('--target-org needs a value');
    });

    it('prints the help', () => {
        expect(main(['--help'])).toBe(0);
        expect(output.join('')).toContain('Usage: npm run test:apex [options]');
    });
});
