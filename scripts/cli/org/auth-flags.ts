/**
 * The command-line options that name an org and bound the waits on it, shared by `warden deploy` and
 * `warden scan`. Kept apart from auth.ts so that reading them loads nothing of @salesforce/core.
 */
import type { OptionsSpec } from '../lib/args';
import { UsageError } from '../lib/errors';
import type { AuthFlags } from './auth';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS } from './http';

const SECTION = 'Org (one of; or SF_ACCESS_TOKEN and SF_ORG_INSTANCE_URL in the environment)';
const CONNECTION = 'Connection';

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
    },
    'request-timeout': {
        type: 'string',
        value: '<seconds>',
        description: `how long one request to Salesforce may go unanswered (default ${DEFAULT_REQUEST_TIMEOUT_SECONDS})`,
        section: CONNECTION
    },
    'allow-insecure-localhost': {
        type: 'boolean',
        description:
            'let http://127.0.0.1 and http://localhost carry credentials (the local fake org of the tests only)',
        section: CONNECTION
    }
} as const satisfies OptionsSpec;

type AuthValues = { [K in Exclude<keyof typeof AUTH_OPTIONS, 'allow-insecure-localhost'>]?: string } & {
    'allow-insecure-localhost'?: boolean;
};

const API_VERSION = /^\d{2}\.0$/;

/** A number of seconds or minutes above zero, or an error (UsageError when `command` is given) naming the option. */
export function positiveNumber(command: string | undefined, option: string, value: string): number {
    const number = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(number > 0)) {
        const message = `--${option} takes a number above 0 (got "${value}")`;
        throw command ? new UsageError(`${command}: ${message}`) : new Error(message);
    }
    return number;
}

/** The org options parsed from AUTH_OPTIONS; UsageError (naming `command`) on an API version not like 62.0. */
export function authFlags(command: string, values: AuthValues): AuthFlags {
    const apiVersion = values['api-version'];
    if (apiVersion !== undefined && !API_VERSION.test(apiVersion)) {
        throw new UsageError(`${command}: --api-version ${apiVersion}: expected a version like 62.0`);
    }
    const timeout = values['request-timeout'];
    const flags: AuthFlags = {
        targetOrg: values['target-org'],
        jwtKeyFile: values['jwt-key-file'],
        clientId: values['client-id'],
        username: values.username,
        loginUrl: values['login-url'],
        apiVersion,
        requestTimeoutSeconds: timeout === undefined ? undefined : positiveNumber(command, 'request-timeout', timeout),
        allowInsecureLocalhost: values['allow-insecure-localhost']
    };
    return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) as AuthFlags;
}
