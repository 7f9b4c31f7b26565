/**
 * Loads @salesforce/core, the Salesforce CLI's own library, on first use: it takes a second or more to
 * load, and only the commands that talk to an org need it (a local `warden scan` never loads it). On
 * the way it puts the HTTP gate (http.ts) on the jsforce that core uses, routes core's warnings to the
 * command's output instead of Node's "(node:…) Warning" lines, and keeps core from writing the sf
 * CLI's log file into ~/.sf (set SF_DISABLE_LOG_FILE=false to have it).
 */
import { coreJsforcePath, installHttpGate } from './http';

type Core = typeof import('@salesforce/core');

let core: Core | undefined;
let warnTo: ((message: string) => void) | undefined;

/** @salesforce/core, with the gate in place; `warn` receives core's warnings from now on. */
export function loadCore(warn?: (message: string) => void): Core {
    warnTo = warn;
    if (!core) {
        process.env.SF_DISABLE_LOG_FILE ??= 'true';
        /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, see above */
        const loaded = require('@salesforce/core') as Core;
        installHttpGate(require(coreJsforcePath('lib/transport')));
        /* eslint-enable @typescript-eslint/no-require-imports */
        const seen = new Set<string>();
        loaded.Lifecycle.getInstance().onWarning(async (message) => {
            if (!seen.has(message)) {
                seen.add(message);
                warnTo?.(message);
            }
        });
        core = loaded;
    }
    return core;
}
