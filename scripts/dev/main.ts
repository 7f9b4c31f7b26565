/**
 * The development tools of this repository, never shipped with the `warden` CLI: `check` (what `npm test`
 * runs) and `preview` (what `npm start` runs). Benchmarks and generators are plain scripts run by their
 * npm scripts (`bench:*`, `eval:*`, `build:*`).
 */
import type { Command } from '../cli/lib/command';

/* eslint-disable @typescript-eslint/no-require-imports -- each tool loads only what it needs */
const tools: Record<string, () => Command> = {
    check: () => (require('./check/command') as typeof import('./check/command')).command,
    preview: () => (require('./preview/command') as typeof import('./preview/command')).command
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    const load = name ? tools[name] : undefined;
    if (!load) {
        process.stderr.write(`usage: node scripts/dev/run.js <${Object.keys(tools).join('|')}> [options]\n`);
        return 2;
    }
    return load().run(rest);
}
