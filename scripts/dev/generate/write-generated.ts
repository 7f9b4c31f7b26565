/**
 * The main of every single-source generator: writes its files, or with --check writes nothing and exits 1 when a
 * committed file differs from a fresh generation (what the `generated` step of `npm test` runs). Options go
 * through the CLI's one parser, so help and unknown options behave as in every other tool (exit 2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';

/** One file a generator writes: its path from the project root, and its full text. */
export interface GeneratedFile {
    path: string;
    text: string;
}

/** Runs a generator from its command line; returns the exit code (0, 1 stale under --check, 2 usage or failure). */
export function runGenerator(
    args: ReadonlyArray<string>,
    name: string,
    summary: string,
    build: (root: string) => GeneratedFile[]
): number {
    const line = {
        name,
        summary,
        options: {
            check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' }
        }
    } as const satisfies CommandLine;
    const parsed = readCommandLine(args, line);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const root = findProjectRoot();
    try {
        const files = build(root);
        if (parsed.values.check) {
            const stale = files.filter((file) => {
                const path = join(root, file.path);
                return !existsSync(path) || readFileSync(path, 'utf8') !== file.text;
            });
            for (const file of stale) {
                process.stdout.write(`${file.path} differs from a fresh generation\n`);
            }
            return stale.length === 0 ? 0 : 1;
        }
        for (const file of files) {
            writeFileSync(join(root, file.path), file.text);
            process.stdout.write(`Wrote ${file.path}.\n`);
        }
        return 0;
    } catch (error) {
        process.stderr.write(`${name}: ${(error as Error).message}\n`);
        return 2;
    }
}
