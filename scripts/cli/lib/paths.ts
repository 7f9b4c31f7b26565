/**
 * Files the CLI reads from its own package (the names dictionary, package.json). The CLI runs either
 * from its TypeScript sources (this module in scripts/cli/lib) or compiled into .warden/cli/warden.cjs,
 * where `__dirname` is the bundle's folder; both lie inside the package, so the package root is the
 * nearest folder above `__dirname` that holds a package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The folder of Warden's package.json, from the sources and from the bundle alike. */
export function packageRoot(): string {
    if (root === undefined) {
        let dir = __dirname;
        while (!existsSync(join(dir, 'package.json'))) {
            if (dirname(dir) === dir) {
                throw new Error(`no package.json above ${__dirname}: the warden installation is incomplete`);
            }
            dir = dirname(dir);
        }
        root = dir;
    }
    return root;
}

/** A file of the package, by its path from the package root. */
export function packageFile(...segments: string[]): string {
    return join(packageRoot(), ...segments);
}
