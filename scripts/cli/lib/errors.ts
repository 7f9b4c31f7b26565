/**
 * The error classes every command shares. A command catches them at its edge and turns them into a
 * message and exit code 2; anything else is a bug and keeps its stack.
 */

/** The command line is wrong: an unknown option, a missing value, a bad combination. */
export class UsageError extends Error {
    override name = 'UsageError';
}

/** A configuration file (warden.scan.json, warden.deploy.json...) cannot be read or is invalid. */
export class ConfigError extends Error {
    override name = 'ConfigError';
}

/** An input file or stdin cannot be read or is not in the format the command reads (an export, a key...). */
export class InputError extends Error {
    override name = 'InputError';
}
