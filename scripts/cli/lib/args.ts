/**
 * The one command-line parser of every `warden` command and development tool: `node:util` parseArgs, plus
 * what parseArgs leaves to its callers: allowed values (`choices`), the number of positionals, the help
 * text written from the same table, and UsageError (exit 2) with a readable message instead of parseArgs'
 * TypeError.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type OptionSpec = {
    type: 'string' | 'boolean';
    short?: string;
    /** May be given more than once; the values arrive as an array, in order. */
    multiple?: boolean;
    /** The placeholder shown in the help text (`<file>`); string options only. */
    value?: string;
    /** One line for the help text. */
    description: string;
    /** The only values a string option accepts. */
    choices?: ReadonlyArray<string>;
    /** The heading the help text lists the option under (default "Options"), e.g. "Org (one of)". */
    section?: string;
};

export type OptionsSpec = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
    ? S['multiple'] extends true
        ? boolean[]
        : boolean
    : S['multiple'] extends true
      ? string[]
      : string;

export type ParsedValues<T extends OptionsSpec> = { [K in keyof T]?: ValueOf<T[K]> } & { help?: boolean };

export type CommandLine = {
    /** `warden scan`: the usage line's first words. */
    name: string;
    /** What comes after the options in the usage line: `[path]`, `<export.csv|json>`. */
    operands?: string;
    summary?: string;
    options: OptionsSpec;
    /** How many positionals are allowed (default 0..0). */
    positionals?: { min?: number; max?: number };
    /** Lines printed after the options (examples, exit codes). */
    epilogue?: ReadonlyArray<string>;
};

export type Parsed<T extends OptionsSpec> = { values: ParsedValues<T>; positionals: string[] };

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'print this help and exit' };

/**
 * Parses `args` against `line.options` (strict: an unknown option is an error, `--` ends the options).
 * Throws UsageError with the option named; `--help` is always accepted and returned as `values.help`.
 */
export function parseCommandLine<T extends OptionsSpec>(
    args: ReadonlyArray<string>,
    line: CommandLine & { options: T }
): Parsed<T> {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
    for (const [name, spec] of Object.entries({ ...line.options, help: HELP })) {
        options[name] = {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {})
        };
    }
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`${line.name}: ${describeParseError(error, line.options)}`);
    }
    const values = parsed.values as ParsedValues<T>;
    if (values.help) {
        return { values, positionals: parsed.positionals };
    }
    for (const [name, spec] of Object.entries(line.options)) {
        const given = parsed.values[name];
        if (spec.choices && given !== undefined) {
            for (const value of Array.isArray(given) ? given : [given]) {
                if (!spec.choices.includes(String(value))) {
                    throw new UsageError(
                        `${line.name}: --${name} takes one of ${spec.choices.join(', ')} (got "${String(value)}")`
                    );
                }
            }
        }
        if (spec.type === 'string' && (Array.isArray(given) ? given.includes('') : given === '')) {
            throw new UsageError(`${line.name}: --${name} needs a value`);
        }
    }
    const min = line.positionals?.min ?? 0;
    const max = line.positionals?.max ?? 0;
    if (parsed.positionals.length > max) {
        const extra = parsed.positionals[max];
        throw new UsageError(
            max === 0
                ? `${line.name}: unexpected argument "${extra}"`
                : `${line.name}: too many arguments (from "${extra}"); expected ${line.operands ?? max}`
        );
    }
    if (parsed.positionals.length < min) {
        throw new UsageError(`${line.name}: missing ${line.operands ?? 'argument'}`);
    }
    return { values, positionals: parsed.positionals };
}

export type HelpOutput = { stdout(text: string): void; stderr(text: string): void };

const PROCESS_OUTPUT: HelpOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
};

/**
 * A command's edge: `read` turns the command line into the command's options and may throw UsageError.
 * Returns the options, or the exit code when the command has nothing more to do: 0 after printing the help
 * when the options ask for it, 2 after printing the usage error and the help.
 */
export function atCommandEdge<O extends { help?: boolean }>(
    line: CommandLine,
    read: () => O,
    output: HelpOutput = PROCESS_OUTPUT
): O | number {
    try {
        const options = read();
        if (options.help) {
            output.stdout(helpText(line));
            return 0;
        }
        return options;
    } catch (error) {
        if (!(error instanceof UsageError)) {
            throw error;
        }
        output.stderr(`${error.message}\n\n${helpText(line)}`);
        return 2;
    }
}

/** parseCommandLine at a command's edge (see atCommandEdge): the parsed command line, or the exit code. */
export function readCommandLine<T extends OptionsSpec>(
    args: ReadonlyArray<string>,
    line: CommandLine & { options: T },
    output: HelpOutput = PROCESS_OUTPUT
): Parsed<T> | number {
    const read = atCommandEdge(
        line,
        () => {
            const parsed = parseCommandLine(args, line);
            return { parsed, help: parsed.values.help };
        },
        output
    );
    return typeof read === 'number' ? read : read.parsed;
}

/** The long form of an option as parseArgs quotes it (`-o, --target-org <value>`, `--json`, `-o`). */
function longForm(quoted: string, options: OptionsSpec): string {
    const long = /--[\w-]+/.exec(quoted)?.[0];
    if (long) {
        return long;
    }
    const short = quoted.replace(/^-/, '');
    const named = Object.entries({ ...options, help: HELP }).find(([, spec]) => spec.short === short);
    return named ? `--${named[0]}` : quoted;
}

/** parseArgs' TypeErrors carry a code and a message written for developers; this one is for users. */
function describeParseError(error: unknown, options: OptionsSpec): string {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
        return `unknown option ${quoted}`;
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
        const option = longForm(quoted, options);
        if (/argument missing/.test(message)) {
            return `${option} needs a value`;
        }
        if (/ambiguous/.test(message)) {
            // The next argument starts with a dash: usually a forgotten value, else a value that needs `=`.
            return `${option} needs a value (write ${option}=<value> for a value that starts with "-")`;
        }
        if (/does not take an argument/.test(message)) {
            return `${option} takes no value`;
        }
    }
    return message.split('\n')[0];
}

/** Help text lines are wrapped to fit this many columns. */
const HELP_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
        const last = lines.length - 1;
        if (last >= 0 && lines[last].length + 1 + word.length <= width) {
            lines[last] += ` ${word}`;
        } else {
            lines.push(word);
        }
    }
    return lines;
}

/** The help text of a command, from the same table that parses it; options grouped by their section. */
export function helpText(line: CommandLine): string {
    const out = [`Usage: ${line.name} [options]${line.operands ? ' ' + line.operands : ''}`];
    if (line.summary) {
        out.push('', line.summary);
    }
    const rows = Object.entries({ ...line.options, help: HELP }).map(([name, spec]) => {
        const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
        const choices = spec.choices ? ` (${spec.choices.join(', ')})` : '';
        const repeat = spec.multiple ? ' (repeatable)' : '';
        return { section: spec.section ?? 'Options', flag, text: spec.description + choices + repeat };
    });
    const width = Math.min(34, Math.max(...rows.map((row) => row.flag.length)));
    const indent = ' '.repeat(width + 4);
    for (const section of new Set(rows.map((row) => row.section))) {
        out.push('', `${section}:`);
        for (const { flag, text } of rows.filter((row) => row.section === section)) {
            const lines = wrap(text, HELP_WIDTH - indent.length);
            out.push(
                ...(flag.length > width ? [`  ${flag}`] : []),
                ...lines.map((line, index) =>
                    index === 0 && flag.length <= width ? `  ${flag.padEnd(width)}  ${line}` : indent + line
                )
            );
        }
    }
    if (line.epilogue && line.epilogue.length > 0) {
        out.push('', ...line.epilogue);
    }
    return out.join('\n') + '\n';
}

/** Comma-separated option values as one list (`--rules a,b`, or `--only a --only b,c`), blanks dropped. */
export function list(value: string | ReadonlyArray<string> | undefined): string[] {
    return (typeof value === 'string' ? [value] : (value ?? []))
        .flatMap((item) => item.split(','))
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
}

/** A whole-number option within `min`..`max` (both included), or UsageError naming the option and the range. */
export function wholeNumber(
    command: string,
    option: string,
    value: string | undefined,
    range: { min?: number; max?: number } = {}
): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const min = range.min ?? 0;
    const max = range.max ?? Number.MAX_SAFE_INTEGER;
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
        const expected =
            max !== Number.MAX_SAFE_INTEGER
                ? `a whole number from ${min} to ${max}`
                : min === 1
                  ? 'a positive whole number'
                  : `a whole number from ${min} up`;
        throw new UsageError(`${command}: --${option} takes ${expected} (got "${value}")`);
    }
    return number;
}

/** A positive whole number option, or UsageError naming the option. */
export function positiveInteger(command: string, option: string, value: string | undefined): number | undefined {
    return wholeNumber(command, option, value, { min: 1 });
}
