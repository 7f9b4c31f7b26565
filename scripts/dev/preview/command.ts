/**
 * `warden preview` (what `npm start` runs): builds the console from force-app, generates the demo data
 * set and serves both on 127.0.0.1, printing the URL. Stops on Ctrl+C. A busy port is an error (exit 2).
 */
import { join } from 'node:path';
import { atCommandEdge, parseCommandLine, wholeNumber, type CommandLine } from '../../cli/lib/args';
import type { Command } from '../../cli/lib/command';
import { UsageError } from '../../cli/lib/errors';
import { findProjectRoot } from '../../cli/lib/project';
import { createBackend } from './backend';
import { buildPreview, staticResources } from './build';
import { loadDemoData } from './demoCache';
import { DEMO_SEED } from './demoData';
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

const LINE = {
    name: 'warden preview',
    summary:
        'Serves the Warden Compliance console with an embedded, generated demo data set on http://127.0.0.1:<port>/.',
    options: {
        port: {
            type: 'string',
            value: 'N',
            description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`
        },
        seed: { type: 'string', value: 'N', description: `seed of the demo data generator (default ${DEMO_SEED})` },
        today: {
            type: 'string',
            value: 'YYYY-MM-DD',
            description: 'the day the demo data ends on (default: today, UTC)'
        },
        'live-interval': {
            type: 'string',
            value: 'MS',
            description: 'one simulated gate decision every MS milliseconds on the live stream (default 4000, 0 = off)'
        },
        'no-build': {
            type: 'boolean',
            description: 'reuse the last build in .warden/preview instead of building again'
        }
    }
} as const satisfies CommandLine;

/** The preview's options from its command line (help aside); UsageError on anything it cannot use. */
export function parsePreviewArgs(args: string[], root: string): PreviewOptions & { help: boolean } {
    const { values } = parseCommandLine(args, LINE);
    const day = values.today;
    if (day !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) {
        throw new UsageError(`${LINE.name}: --today takes a date YYYY-MM-DD (got "${day}")`);
    }
    return {
        root,
        port: wholeNumber(LINE.name, 'port', values.port, { min: 0, max: 65535 }) ?? DEFAULT_PORT,
        build: !values['no-build'],
        seed: wholeNumber(LINE.name, 'seed', values.seed, { min: 0, max: 4294967295 }) ?? DEMO_SEED,
        today: day,
        liveIntervalMs:
            wholeNumber(LINE.name, 'live-interval', values['live-interval'], { min: 0, max: 3600000 }) ?? 4000,
        help: values.help ?? false
    };
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
    const { data, cached } = loadDemoData(options.root, join(outDir, 'demo-data'), {
        seed: options.seed,
        today: options.today,
        logEntries: options.logEntries
    });
    const dataMs = Date.now() - started;
    log(
        `${cached ? 'Read the cached' : 'Generated'} demo data in ${(dataMs / 1000).toFixed(1)} s: ${data.log.length.toLocaleString('en-US')} inference log entries, ${data.findings.length} findings, ${data.flows.length} data flows (seed ${data.seed}).`
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
        const options = atCommandEdge(LINE, () => parsePreviewArgs(args, findProjectRoot()));
        if (typeof options === 'number') return options;
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
