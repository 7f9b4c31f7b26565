/**
 * The main of a generator: writes its output, or with --check exits 1 when the committed file differs (what the
 * `generated` step of `npm test` runs).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../cli/lib/project';

export function writeOrCheck(relativePath: string, build: (root: string) => string, name: string): void {
    const root = findProjectRoot();
    const path = join(root, relativePath);
    try {
        const text = build(root);
        if (process.argv.includes('--check')) {
            if ((existsSync(path) ? readFileSync(path, 'utf8') : '') !== text) {
                process.stdout.write(`${relativePath} differs from a fresh generation\n`);
                process.exitCode = 1;
            }
        } else {
            writeFileSync(path, text);
            process.stdout.write(`Wrote ${relativePath}.\n`);
        }
    } catch (error) {
        process.stderr.write(`${name}: ${(error as Error).message}\n`);
        process.exitCode = 2;
    }
}
