/**
 * The shipped `warden` command line: one sub-command per folder under scripts/cli, dispatched from here.
 * Development tools (checks, benchmarks, generators, the preview) live under scripts/dev and are not part of it.
 * Every command returns its exit code instead of calling process.exit, so tests can drive it.
 */
import type { Command } from './lib/command';

/* eslint-disable @typescript-eslint/no-require-imports -- commands load lazily, so `warden scan` does not pay for jsforce */
const commands: Record<string, () => Command> = {
    checkpoints: () => (require('./checkpoints/command') as typeof import('./checkpoints/command')).command,
    deploy: () => (require('./deploy/command') as typeof import('./deploy/command')).command,
    model: () => (require('./model/command') as typeof import('./model/command')).command,
    policy: () => (require('./policy/command') as typeof import('./policy/command')).command,
    redact: () => (require('./redact/command') as typeof import('./redact/command')).command,
    scan: () => (require('./scan/command') as typeof import('./scan/command')).command,
    stream: () => (require('./stream/command') as typeof import('./stream/command')).command,
    verify: () => (require('./verify/command') as typeof import('./verify/command')).command
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
    const lines = ['Usage: warden <command> [options]', '', 'Commands:'];
    for (const name of Object.keys(commands).sort()) {
        lines.push(`  ${name}`);
    }
    lines.push('', 'Run `warden <command> --help` for the options of one command.');
    return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
        process.stdout.write(usage() + '\n');
        return name ? 0 : 2;
    }
    const load = commands[name];
    if (!load) {
        process.stderr.write(`warden: unknown command "${name}"\n\n${usage()}\n`);
        return 2;
    }
    return load().run(rest);
}
