/**
 * The command-line options that name an org, shared by `warden deploy` and `warden scan`: as option
 * specs for the one option parser (lib/args.ts) and the AuthFlags they give. Kept apart from auth.ts so
 * that reading them does not load jsforce.
 */
import type { OptionsSpec, ParsedValues } from '../lib/args';
import { UsageError } from '../lib/errors';
import type { AuthFlags } from './auth';

/** The org options, for a command's option table (parseCommandLine, helpText). */
export const AUTH_OPTIONS = {
    'target-org': {
        type: 'string',
        short: 'o',
        value: '<org>',
        description: 'an org you logged in to with the Salesforce CLI (alias or username)'
    },
    'jwt-key-file': {
        type: 'string',
        value: '<file>',
        description: 'JWT bearer flow for CI, with --client-id and --username (or SF_JWT_KEY_FILE)'
    },
    'client-id': { type: 'string', value: '<id>', description: "the JWT flow's connected app (or SF_CLIENT_ID)" },
    username: { type: 'string', value: '<user>', description: "the JWT flow's user (or SF_USERNAME)" },
    'login-url': { type: 'string', value: '<url>', description: "the JWT flow's login host (or SF_LOGIN_URL)" },
    'api-version': { type: 'string', value: '<v>', description: 'API version, like 62.0' }
} as const satisfies OptionsSpec;

/** `62.0`, or UsageError. */
function apiVersion(version: string): string {
    if (!/^\d{2}\.0$/.test(version)) {
        throw new UsageError(`--api-version ${version}: expected a version like 62.0`);
    }
    return version;
}

/** The org options given on a command line parsed with AUTH_OPTIONS among its options. */
export function authFlagsFrom(values: ParsedValues<typeof AUTH_OPTIONS>): AuthFlags {
    const flags: AuthFlags = {};
    if (values['target-org'] !== undefined) flags.targetOrg = values['target-org'];
    if (values['jwt-key-file'] !== undefined) flags.jwtKeyFile = values['jwt-key-file'];
    if (values['client-id'] !== undefined) flags.clientId = values['client-id'];
    if (values.username !== undefined) flags.username = values.username;
    if (values['login-url'] !== undefined) flags.loginUrl = values['login-url'];
    if (values['api-version'] !== undefined) flags.apiVersion = apiVersion(values['api-version']);
    return flags;
}

/**
 * Stores `flag` into `flags` when it is one of the org options, taking its value from `value()`;
 * returns false for any other flag. Throws on an API version that is not like 62.0. (For a command
 * line read token by token; a command on parseCommandLine uses AUTH_OPTIONS and authFlagsFrom.)
 */
export function takeAuthOption(flag: string, value: () => string, flags: AuthFlags): boolean {
    switch (flag) {
        case '-o':
        case '--target-org':
            flags.targetOrg = value();
            return true;
        case '--jwt-key-file':
            flags.jwtKeyFile = value();
            return true;
        case '--client-id':
            flags.clientId = value();
            return true;
        case '--username':
            flags.username = value();
            return true;
        case '--login-url':
            flags.loginUrl = value();
            return true;
        case '--api-version':
            flags.apiVersion = apiVersion(value());
            return true;
        default:
            return false;
    }
}
