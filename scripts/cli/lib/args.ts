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
        throw new UsageError(`${line.name}: ${describeParseError(error)}`);
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
        if (spec.type === 'string' && given === '') {
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

/** parseArgs' TypeErrors carry a code and a message written for developers; this one is for users. */
function describeParseError(error: unknown): string {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const option = /'([^']+)'/.exec(message)?.[1];
        return option ? `unknown option ${option}` : message.split('. ')[0];
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const option = /Option '([^']+)'/.exec(message)?.[1];
        if (option && /argument missing/.test(message)) {
            // The option as parseArgs names it: `-k, --key <value>`.
            return `${option.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`;
        }
        if (option && /does not take an argument/.test(message)) {
            return `${option.replace(/^-\w, /, '')} takes no value`;
        }
    }
    return message.split('\n')[0];
}

/** The help text of a command, from the same table that parses it. */
export function helpText(line: CommandLine): string {
    const out = [`Usage: ${line.name} [options]${line.operands ? ' ' + line.operands : ''}`];
    if (line.summary) {
        out.push('', line.summary);
    }
    out.push('', 'Options:');
    const rows = Object.entries({ ...line.options, help: HELP }).map(([name, spec]) => {
        const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
        const choices = spec.choices ? ` (${spec.choices.join(', ')})` : '';
        const repeat = spec.multiple ? ' (repeatable)' : '';
        return [flag, spec.description + choices + repeat] as const;
    });
    const width = Math.min(34, Math.max(...rows.map(([flag]) => flag.length)));
    for (const [flag, text] of rows) {
        out.push(
            flag.length > width ? `  ${flag}\n  ${' '.repeat(width)}  ${text}` : `  ${flag.padEnd(width)}  ${text}`
        );
    }
    if (line.epilogue && line.epilogue.length > 0) {
        out.push('', ...line.epilogue);
    }
    return out.join('\n') + '\n';
}

/** A comma-separated option value as a list (`--rules a,b`), blanks dropped. */
export function list(value: string | undefined): string[] {
    return value === undefined
        ? []
        : value
              .split(',')
              .map((part) => part.trim())
              .filter((part) => part.length > 0);
}

/** A positive whole number option, or UsageError naming the option. */
export function positiveInteger(command: string, option: string, value: string | undefined): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`${command}: --${option} takes a positive whole number (got "${value}")`);
    }
    return Number(value);
}
