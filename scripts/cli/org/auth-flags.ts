/**
 * The command-line options that name an org, shared by `warden deploy` and `warden scan`: as option
 * specs for the one option parser (lib/args.ts) and the AuthFlags they give. Kept apart from auth.ts so
 * that reading them does not load jsforce.
 */
import type { OptionsSpec } from '../lib/args';
import { UsageError } from '../lib/errors';
import type { AuthFlags } from './auth';

const SECTION = 'Org (one of; or SF_ACCESS_TOKEN and SF_INSTANCE_URL in the environment)';

/** The org options as entries of an option table (scripts/cli/lib/args.ts). */
export const AUTH_OPTIONS = {
    'target-org': {
        type: 'string',
        short: 'o',
        value: '<org>',
        description: 'an org you logged in to with the Salesforce CLI (alias or username)',
        section: SECTION
    },
    'jwt-key-file': {
        type: 'string',
        value: '<file>',
        description: 'JWT bearer flow for CI, with --client-id and --username (or SF_JWT_KEY_FILE)',
        section: SECTION
    },
    'client-id': {
        type: 'string',
        value: '<id>',
        description: 'consumer key of the connected app (or SF_CLIENT_ID)',
        section: SECTION
    },
    username: { type: 'string', value: '<user>', description: 'user to log in as (or SF_USERNAME)', section: SECTION },
    'login-url': {
        type: 'string',
        value: '<url>',
        description: 'login server of the JWT flow (or SF_LOGIN_URL)',
        section: SECTION
    },
    'api-version': {
        type: 'string',
        value: '<v>',
        description: 'API version, like 62.0 (default: sourceApiVersion of sfdx-project.json)',
        section: SECTION
    }
} as const satisfies OptionsSpec;

type AuthValues = { [K in keyof typeof AUTH_OPTIONS]?: string };

/** The org options parsed from AUTH_OPTIONS; UsageError (naming `command`) on an API version not like 62.0. */
export function authFlags(command: string, values: AuthValues): AuthFlags {
    const apiVersion = values['api-version'];
    if (apiVersion !== undefined && !/^\d{2}\.0$/.test(apiVersion)) {
        throw new UsageError(`${command}: --api-version ${apiVersion}: expected a version like 62.0`);
    }
    const flags: AuthFlags = {
        targetOrg: values['target-org'],
        jwtKeyFile: values['jwt-key-file'],
        clientId: values['client-id'],
        username: values.username,
        loginUrl: values['login-url'],
        apiVersion
    };
    return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) as AuthFlags;
}
