/** The one option parser: what it accepts, the messages it gives for what it refuses, and the help text. */
import {
    atCommandEdge,
    helpText,
    list,
    parseCommandLine,
    positiveInteger,
    readCommandLine,
    wholeNumber,
    type CommandLine
} from '../args';
import { UsageError } from '../errors';

const LINE = {
    name: 'warden demo',
    operands: '<input>',
    summary: 'Demonstrates the parser.',
    options: {
        format: {
            type: 'string',
            short: 'f',
            value: '<name>',
            description: 'output format',
            choices: ['table', 'json']
        },
        output: { type: 'string', short: 'o', value: '<file>', description: 'write the report to a file' },
        rule: { type: 'string', multiple: true, value: '<id>', description: 'run only this rule' },
        json: { type: 'boolean', description: 'print JSON' },
        'target-org': {
            type: 'string',
            value: '<org>',
            description: 'the org to read',
            section: 'Org'
        }
    },
    positionals: { min: 1, max: 2 },
    epilogue: ['Exit codes: 0 ok, 2 usage.']
} as const satisfies CommandLine;

function parse(args: string[]): ReturnType<typeof parseCommandLine<typeof LINE.options>> {
    return parseCommandLine(args, LINE);
}

function usageError(args: string[]): string {
    try {
        parse(args);
    } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
    }
    throw new Error(`no UsageError for ${JSON.stringify(args)}`);
}

describe('parseCommandLine', () => {
    it('reads long, short and --name=value forms, repeated options and positionals', () => {
        const parsed = parse(['in.csv', '--format', 'json', '-o', 'out.txt', '--rule=a', '--rule', 'b', '--json']);
        expect(parsed.values).toEqual({ format: 'json', output: 'out.txt', rule: ['a', 'b'], json: true });
        expect(parsed.positionals).toEqual(['in.csv']);
        expect(parse(['--format=table', '-ojoined', 'x']).values).toMatchObject({ format: 'table', output: 'joined' });
    });

    it('takes a value that starts with a dash only in the --name=value form, and everything after -- as positional', () => {
        expect(parse(['--output=-', 'x']).values.output).toBe('-');
        expect(parse(['x', '--', '--json']).positionals).toEqual(['x', '--json']);
    });

    it('names an unknown option', () => {
        expect(usageError(['x', '--frobnicate'])).toBe('warden demo: unknown option --frobnicate');
        expect(usageError(['x', '-q'])).toBe('warden demo: unknown option -q');
    });

    it('names an option whose value is missing, by its long form even when given short', () => {
        expect(usageError(['x', '--output'])).toBe('warden demo: --output needs a value');
        expect(usageError(['x', '-o'])).toBe('warden demo: --output needs a value');
        expect(usageError(['x', '--output='])).toBe('warden demo: --output needs a value');
        expect(usageError(['x', '--rule=a', '--rule='])).toBe('warden demo: --rule needs a value');
    });

    it('refuses to take the next option as a value, and says how to give a value starting with a dash', () => {
        expect(usageError(['x', '--output', '--json'])).toBe(
            'warden demo: --output needs a value (write --output=<value> for a value that starts with "-")'
        );
        expect(usageError(['x', '-o', '-f'])).toMatch(/^warden demo: --output needs a value/);
    });

    it('refuses a value for a boolean option', () => {
        expect(usageError(['x', '--json=yes'])).toBe('warden demo: --json takes no value');
    });

    it('accepts only the listed choices', () => {
        expect(usageError(['x', '--format', 'yaml'])).toBe(
            'warden demo: --format takes one of table, json (got "yaml")'
        );
        expect(parse(['x', '-f', 'json']).values.format).toBe('json');
    });

    it('counts positionals against the allowed range', () => {
        expect(usageError([])).toBe('warden demo: missing <input>');
        expect(usageError(['a', 'b', 'c'])).toBe('warden demo: too many arguments (from "c"); expected <input>');
        const none = { name: 'warden none', options: {} } satisfies CommandLine;
        expect(() => parseCommandLine(['stray'], none)).toThrow('warden none: unexpected argument "stray"');
        expect(parseCommandLine([], none).positionals).toEqual([]);
    });

    it('always accepts --help and -h, and then checks nothing else', () => {
        expect(parse(['--help']).values.help).toBe(true);
        expect(parse(['-h', '--format', 'yaml']).values.help).toBe(true);
    });
});

describe('helpText', () => {
    it('lists every option from the same table, grouped by section, with values, choices and repeats', () => {
        const text = helpText(LINE);
        expect(text.split('\n')).toEqual([
            'Usage: warden demo [options] <input>',
            '',
            'Demonstrates the parser.',
            '',
            'Options:',
            '  -f, --format <name>     output format (table, json)',
            '  -o, --output <file>     write the report to a file',
            '      --rule <id>         run only this rule (repeatable)',
            '      --json              print JSON',
            '  -h, --help              print this help and exit',
            '',
            'Org:',
            '      --target-org <org>  the org to read',
            '',
            'Exit codes: 0 ok, 2 usage.',
            ''
        ]);
    });
});

describe('helpText wrapping', () => {
    it('wraps a long description under its own column, and puts a long flag on a line of its own', () => {
        const text = helpText({
            name: 'warden wide',
            options: {
                'a-very-long-option-name-indeed-it-is': { type: 'string', value: '<value>', description: 'short' },
                words: { type: 'boolean', description: 'word '.repeat(40).trim() }
            }
        });
        const lines = text.split('\n');
        expect(lines.every((line) => line.length <= 100)).toBe(true);
        expect(lines).toContain('      --a-very-long-option-name-indeed-it-is <value>');
        const wrapped = lines.filter((line) => line.trim().startsWith('word'));
        expect(wrapped.length).toBeGreaterThan(1);
        expect(new Set(wrapped.map((line) => line.indexOf('word'))).size).toBe(1);
    });
});

describe('readCommandLine', () => {
    function run(args: string[]): { result: unknown; stdout: string; stderr: string } {
        const out = { stdout: '', stderr: '' };
        const result = readCommandLine(args, LINE, {
            stdout: (text) => (out.stdout += text),
            stderr: (text) => (out.stderr += text)
        });
        return { result, ...out };
    }

    it('gives the parsed command line when there is work to do', () => {
        expect(run(['x', '--json']).result).toEqual({ values: { json: true }, positionals: ['x'] });
    });

    it('prints the help and gives exit code 0 for --help', () => {
        const help = run(['--help']);
        expect(help).toEqual({ result: 0, stdout: helpText(LINE), stderr: '' });
    });

    it('prints the usage error and the help and gives exit code 2', () => {
        const wrong = run(['--json=1']);
        expect(wrong.result).toBe(2);
        expect(wrong.stdout).toBe('');
        expect(wrong.stderr).toBe(`warden demo: --json takes no value\n\n${helpText(LINE)}`);
    });
});

describe('atCommandEdge', () => {
    function edge(read: () => { help?: boolean; n?: number }): { result: unknown; stdout: string; stderr: string } {
        const out = { stdout: '', stderr: '' };
        const result = atCommandEdge(LINE, read, {
            stdout: (text) => (out.stdout += text),
            stderr: (text) => (out.stderr += text)
        });
        return { result, ...out };
    }

    it("gives the command's options when there is work to do", () => {
        expect(edge(() => ({ help: false, n: 3 }))).toEqual({ result: { help: false, n: 3 }, stdout: '', stderr: '' });
    });

    it('prints the help and gives 0 when the options ask for it', () => {
        expect(edge(() => ({ help: true }))).toEqual({ result: 0, stdout: helpText(LINE), stderr: '' });
    });

    it("reports a UsageError from the command's own checks like a parse error, with exit code 2", () => {
        const wrong = edge(() => {
            throw new UsageError('warden demo: --today takes a date');
        });
        expect(wrong).toEqual({
            result: 2,
            stdout: '',
            stderr: `warden demo: --today takes a date\n\n${helpText(LINE)}`
        });
    });

    it('lets any other error through', () => {
        expect(() =>
            edge(() => {
                throw new Error('disk full');
            })
        ).toThrow('disk full');
    });
});

describe('value helpers', () => {
    it('splits comma lists, from one value or several', () => {
        expect(list(undefined)).toEqual([]);
        expect(list('a, b,,c')).toEqual(['a', 'b', 'c']);
        expect(list(['a,b', ' c '])).toEqual(['a', 'b', 'c']);
    });

    it('reads whole numbers within a range, naming the option and the range otherwise', () => {
        expect(wholeNumber('warden demo', 'port', undefined)).toBeUndefined();
        expect(wholeNumber('warden demo', 'port', '0', { min: 0, max: 65535 })).toBe(0);
        expect(() => wholeNumber('warden demo', 'port', '65536', { min: 0, max: 65535 })).toThrow(
            'warden demo: --port takes a whole number from 0 to 65535 (got "65536")'
        );
        expect(() => wholeNumber('warden demo', 'port', '1e3')).toThrow(UsageError);
        expect(() => wholeNumber('warden demo', 'port', '-1')).toThrow(UsageError);
        expect(positiveInteger('warden demo', 'lines', '100')).toBe(100);
        expect(() => positiveInteger('warden demo', 'lines', '0')).toThrow(
            'warden demo: --lines takes a positive whole number (got "0")'
        );
    });
});
