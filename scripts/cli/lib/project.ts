/**
 * Reads an SFDX project from disk: its sfdx-project.json, its package directories and the source
 * files in them. Shared by every command that looks at a project (check, model, scan, deploy).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type PackageDirectory = {
    path: string;
    absolutePath: string;
    package?: string;
    isDefault: boolean;
    unpackagedMetadataPath?: string;
};

export type SfdxProject = {
    root: string;
    name?: string;
    sourceApiVersion: string;
    namespace: string;
    packageDirectories: PackageDirectory[];
};

export class ProjectError extends Error {}

/** Walks up from `start` to the folder holding sfdx-project.json. */
export function findProjectRoot(start: string = process.cwd()): string {
    let current = resolve(start);
    for (;;) {
        if (existsSync(join(current, 'sfdx-project.json'))) {
            return current;
        }
        const parent = dirname(current);
        if (parent === current) {
            throw new ProjectError(`No sfdx-project.json found in ${resolve(start)} or any folder above it.`);
        }
        current = parent;
    }
}

export function loadProject(root: string): SfdxProject {
    const file = join(root, 'sfdx-project.json');
    if (!existsSync(file)) {
        throw new ProjectError(`${file} does not exist: is ${root} an SFDX project?`);
    }
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new ProjectError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const json = raw as {
        name?: string;
        sourceApiVersion?: string;
        namespace?: string;
        packageDirectories?: Array<{
            path?: string;
            package?: string;
            default?: boolean;
            unpackagedMetadata?: { path?: string };
        }>;
    };
    if (!Array.isArray(json.packageDirectories) || json.packageDirectories.length === 0) {
        throw new ProjectError(`${file} declares no packageDirectories.`);
    }
    const packageDirectories = json.packageDirectories.map((entry, index) => {
        if (!entry.path) {
            throw new ProjectError(`${file}: packageDirectories[${index}] has no path.`);
        }
        const normalised = entry.path.replace(/^\.\//, '').replace(/\/$/, '');
        return {
            path: normalised,
            absolutePath: join(root, normalised),
            package: entry.package,
            isDefault: entry.default === true,
            unpackagedMetadataPath: entry.unpackagedMetadata?.path
        };
    });
    return {
        root,
        name: json.name,
        sourceApiVersion: json.sourceApiVersion ?? '',
        namespace: json.namespace ?? '',
        packageDirectories
    };
}

export type WalkOptions = {
    /** Follow symbolic links to files and folders (each real folder once), instead of leaving them out. */
    followLinks?: boolean;
    /**
     * Told about what is left out: entries that are neither files nor folders (FIFOs, sockets, devices,
     * never opened) and, when following links, links that lead nowhere or into a loop.
     */
    onSkipped?: (path: string, reason: string) => void;
};

function specialKind(entry: { isFIFO(): boolean; isSocket(): boolean }): string {
    return entry.isFIFO() ? 'a named pipe (FIFO)' : entry.isSocket() ? 'a socket' : 'a device';
}

/** Every file below `dir`, as absolute paths, skipping node_modules and dot-folders. Sorted. */
export function walkFiles(dir: string, options: WalkOptions = {}): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const skip = (path: string, reason: string): void => options.onSkipped?.(path, reason);
    const visit = (current: string): void => {
        if (options.followLinks) {
            // Each real folder once, however many links lead to it (a link to an ancestor would loop).
            const real = realpathSync(current);
            if (seen.has(real)) {
                return;
            }
            seen.add(real);
        }
        let entries;
        try {
            entries = readdirSync(current, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
                continue;
            }
            const full = join(current, entry.name);
            if (entry.isDirectory()) {
                visit(full);
            } else if (entry.isFile()) {
                out.push(full);
            } else if (entry.isSymbolicLink()) {
                if (options.followLinks) {
                    followLink(full);
                }
            } else {
                skip(full, `it is not a regular file but ${specialKind(entry)}`);
            }
        }
    };
    const followLink = (link: string): void => {
        let target;
        try {
            target = statSync(link);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            skip(
                link,
                code === 'ELOOP'
                    ? 'it is a symbolic link that leads into a loop'
                    : code === 'ENOENT'
                      ? 'it is a symbolic link to nothing (its target does not exist)'
                      : `it is a symbolic link that cannot be followed (${code ?? 'unknown error'})`
            );
            return;
        }
        if (target.isFile()) {
            out.push(link);
        } else if (target.isDirectory()) {
            visit(link);
        } else {
            skip(link, `it is a symbolic link to ${specialKind(target)}, not to a regular file`);
        }
    };
    if (existsSync(dir) && statSync(dir).isDirectory()) {
        visit(dir);
    }
    return out.sort();
}

/** All source files of all package directories of a project. */
export function projectSourceFiles(project: SfdxProject): string[] {
    return project.packageDirectories.flatMap((pkg) => walkFiles(pkg.absolutePath));
}

/** A path relative to the project root, always with forward slashes (for messages and fingerprints). */
export function displayPath(root: string, file: string): string {
    return relative(root, file).split(sep).join('/');
}
