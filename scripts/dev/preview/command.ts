/**
 * `warden preview` (what `npm start` runs): builds the console from force-app, generates the demo data
 * set and serves both on 127.0.0.1, printing the URL. Stops on Ctrl+C. A busy port is an error (exit 2).
 */
import { join } from 'node:path';
import type { Command } from '../../cli/lib/command';
import { findProjectRoot } from '../../cli/lib/project';
import { createBackend } from './backend';
import { buildPreview, staticResources } from './build';
import { DEMO_SEED, generateDemoData } from './demoData';
import { readRuleCatalog } from './ruleCatalog';
import { assertPortFree, PortInUseError, startPreviewServer, type RunningPreview } from './server';

export const DEFAULT_PORT = 5170;

export type PreviewOptions = {
    root: string;
    port: number;
    build: boolean;
    seed: number;
    today?: string;
    liveIntervalMs: number;
    logEntries?: number;
};

const USAGE = `Usage: warden preview [--port N] [--seed N] [--today YYYY-MM-DD] [--live-interval MS] [--no-build]

Serves the Warden Compliance console with an embedded, generated demo data set on http://127.0.0.1:<port>/.
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --seed N            seed of the demo data generator (default ${DEMO_SEED})
  --today DATE        the day the demo data ends on (default: today, UTC)
  --live-interval MS  one simulated gate decision every MS milliseconds on the live stream (default 4000, 0 = off)
  --no-build          reuse the last build in .warden/preview instead of building again`;

export class UsageError extends Error {}

export function parseArgs(args: string[], root: string): PreviewOptions {
    const options: PreviewOptions = { root, port: DEFAULT_PORT, build: true, seed: DEMO_SEED, liveIntervalMs: 4000 };
    const value = (index: number, name: string): string => {
        const next = args[index + 1];
        if (next === undefined || next.startsWith('--')) {
            throw new UsageError(`${name} needs a value`);
        }
        return next;
    };
    const integer = (text: string, name: string, min: number, max: number): number => {
        const number = Number(text);
        if (!/^\d+$/.test(text) || number < min || number > max) {
            throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
        }
        return number;
    };
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        const [flag, inline] = arg.includes('=')
            ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
            : [arg, undefined];
        const take = (): string => (inline !== undefined ? inline : value(index++, flag));
        switch (flag) {
            case '--port':
                options.port = integer(take(), '--port', 0, 65535);
                break;
            case '--seed':
                options.seed = integer(take(), '--seed', 0, 4294967295);
                break;
            case '--today': {
                const day = take();
                if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
                    throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day}"`);
                }
                options.today = day;
                break;
            }
            case '--live-interval':
                options.liveIntervalMs = integer(take(), '--live-interval', 0, 3600000);
                break;
            case '--no-build':
                options.build = false;
                break;
            default:
                throw new UsageError(`unknown option ${arg}`);
        }
    }
    return options;
}

export type StartedPreview = RunningPreview & { buildMs: number | null; dataMs: number };

/** Builds (unless told not to), generates the data and starts the server. Used by the command, e2e and bench. */
export async function startPreview(
    options: PreviewOptions,
    log: (line: string) => void = () => undefined
): Promise<StartedPreview> {
    await assertPortFree(options.port);
    const outDir = join(options.root, '.warden', 'preview');
    let buildMs: number | null = null;
    if (options.build) {
        log('Building the console components…');
        const result = await buildPreview({ root: options.root, outDir });
        buildMs = result.ms;
        log(
            result.cached
                ? `Console components unchanged since the last build; reusing it (${Math.round(result.bytes / 1024)} KiB).`
                : `Built ${result.bundles} components and ${result.labels} labels in ${(result.ms / 1000).toFixed(1)} s (${Math.round(result.bytes / 1024)} KiB).`
        );
    }
    const started = Date.now();
    const data = generateDemoData({ seed: options.seed, today: options.today, logEntries: options.logEntries });
    const dataMs = Date.now() - started;
    log(
        `Generated demo data: ${data.log.length.toLocaleString('en-US')} inference log entries, ${data.findings.length} findings, ${data.flows.length} data flows (seed ${data.seed}).`
    );
    const running = await startPreviewServer({
        port: options.port,
        backend: createBackend(data, { ruleCatalog: readRuleCatalog(options.root) }),
        bundleFile: join(outDir, 'app.js'),
        sldsDir: join(options.root, 'node_modules', '@salesforce-ux', 'design-system', 'assets'),
        liveIntervalMs: options.liveIntervalMs,
        staticResources: staticResources(options.root)
    });
    return { ...running, buildMs, dataMs };
}

export const command: Command = {
    summary: 'serve the compliance console locally with demo data',
    async run(args: string[]): Promise<number> {
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        let options: PreviewOptions;
        try {
            options = parseArgs(args, findProjectRoot());
        } catch (error) {
            process.stderr.write(`warden preview: ${(error as Error).message}\n\n${USAGE}\n`);
            return 2;
        }
        let running: StartedPreview;
        try {
            running = await startPreview(options, (line) => process.stdout.write(`${line}\n`));
        } catch (error) {
            if (error instanceof PortInUseError) {
                process.stderr.write(`warden preview: ${error.message}\n`);
                return 2;
            }
            process.stderr.write(`warden preview: ${(error as Error).message}\n`);
            return 1;
        }
        process.stdout.write(`\nWarden Compliance console (DEMO DATA) at ${running.url}\nPress Ctrl+C to stop.\n`);
        return new Promise<number>((resolveRun) => {
            const stop = (): void => {
                process.stdout.write('\nStopping the preview…\n');
                void running.close().then(() => resolveRun(0));
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
    }
};
