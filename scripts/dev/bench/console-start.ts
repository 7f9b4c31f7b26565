/**
 * The start-up half of `npm run bench:console`: how long `npm start` takes to serve on a fresh clone (no
 * `.warden/` folder, so nothing built or cached yet) and on the start after it (everything cached). The clone is a
 * copy of the working tree's files (what `git ls-files` lists, committed or not) in a temporary folder, with
 * `node_modules` linked from the project, so it measures the code as it stands without touching the project's own
 * `.warden/`. Each start runs the preview as `npm start` does, in its own process, and is timed from spawning it
 * to the first successful GET of the page it announces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway copy of the project's files; remove() deletes it. */
export type FreshClone = { dir: string; remove(): void };

export function freshClone(root: string): FreshClone {
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (listed.status !== 0) {
        throw new Error(`git ls-files failed in ${root}: ${listed.stderr}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-clone-'));
    for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        try {
            copyFileSync(join(root, file), join(dir, file));
        } catch (error) {
            // A file deleted in the working tree but not yet in the index is simply not part of the clone.
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
                throw error;
            }
        }
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function fetchOk(url: string): Promise<void> {
    return new Promise((resolveGet, reject) => {
        get(url, (response) => {
            response.resume();
            response.on('end', () =>
                response.statusCode === 200 ? resolveGet() : reject(new Error(`GET ${url}: ${response.statusCode}`))
            );
        }).on('error', reject);
    });
}

/**
 * Runs `node scripts/dev/run.js preview` in `dir` until it serves its page, then stops it. Milliseconds from the
 * spawn to the page's first 200; rejects when the preview exits first or takes longer than `timeoutMs`.
 */
export function timeStart(dir: string, timeoutMs = 600000): Promise<number> {
    const started = performance.now();
    const child = spawn(
        process.execPath,
        [join(dir, 'scripts', 'dev', 'run.js'), 'preview', '--port', '0', '--live-interval', '0'],
        {
            cwd: dir,
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let output = '';
    return new Promise<number>((resolveStart, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGTERM');
            reject(new Error(`the preview did not serve within ${timeoutMs} ms`));
        }, timeoutMs);
        const onExit = (code: number | null): void => {
            clearTimeout(timer);
            reject(new Error(`the preview exited (${code}) before serving:\n${output.slice(-2000)}`));
        };
        child.once('exit', onExit);
        child.stderr.on('data', (chunk: Buffer) => {
            output += chunk.toString('utf8');
        });
        child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString('utf8');
            const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
            if (!url) {
                return;
            }
            child.stdout.removeAllListeners('data');
            child.stdout.resume();
            fetchOk(url).then(
                () => {
                    const ms = performance.now() - started;
                    clearTimeout(timer);
                    child.off('exit', onExit);
                    child.once('exit', () => resolveStart(ms));
                    child.kill('SIGTERM');
                },
                (error: Error) => {
                    clearTimeout(timer);
                    child.off('exit', onExit);
                    child.kill('SIGTERM');
                    reject(error);
                }
            );
        });
    });
}
