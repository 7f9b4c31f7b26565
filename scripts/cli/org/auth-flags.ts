/**
 * The command-line options that name an org, shared by `warden deploy` and `warden scan`. Kept apart
 * from auth.ts so that reading them does not load jsforce.
 */
import type { AuthFlags } from './auth';

/**
 * Stores `flag` into `flags` when it is one of the org options, taking its value from `value()`;
 * returns false for any other flag. Throws on an API version that is not like 62.0.
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
        case '--api-version': {
            const version = value();
            if (!/^\d{2}\.0$/.test(version)) {
                throw new Error(`--api-version ${version}: expected a version like 62.0`);
            }
            flags.apiVersion = version;
            return true;
        }
        default:
            return false;
    }
}
