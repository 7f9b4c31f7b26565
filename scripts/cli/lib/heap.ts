/**
 * A full garbage collection on demand, for commands that stream input of any size (`warden redact`).
 * V8 grows its old generation well past the live data before it collects, by how fast the program allocates
 * and how soon its background marking finishes: on 50 MB of notes `warden redact` peaked anywhere between
 * about 200 and 270 MB with under 50 MB live, higher the busier the machine. A collection every few megabytes
 * of input keeps the peak near the live data whatever the load. Node offers `gc` only with --expose-gc, a flag
 * a user would have to pass; set at run time, the flag installs `gc` in contexts created after it, so one new
 * context hands it over. Null when that fails (another engine or a future Node): the command then runs as it
 * would without it, only with V8's own, larger peak.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

export function fullCollection(): (() => void) | null {
    if (collector === undefined) {
        try {
            setFlagsFromString('--expose-gc');
            const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
            collector = typeof gc === 'function' ? () => void (gc as () => void)() : null;
        } catch {
            collector = null;
        }
    }
    return collector;
}
