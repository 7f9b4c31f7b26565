/**
 * `build`: compiles the shipped CLI into .warden/cli/warden.cjs (scripts/cli/build.js, as `npm run build:cli`
 * does) and checks what the bundle needs at run time. npm packages stay outside the bundle, so each one it
 * requires must be installed for users: its externals must be exactly package.json `dependencies` (plus
 * Node's own modules), with nothing missing and nothing listed that it never requires. And the shipped CLI
 * must contain no development code from scripts/dev (ESLint forbids the import; this sees what esbuild
 * actually bundled).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Metafile, Message } from 'esbuild';
import { buildCli, BUNDLE } from '../../../cli/build';
import { CheckStep, plural, Problem, unitResult } from '../step';

const BUILTINS = new Set(builtinModules);

/** The npm package an import path names (`@scope/name/sub/path` → `@scope/name`); undefined for Node's own and files. */
export function packageName(path: string): string | undefined {
    if (
        path.startsWith('.') ||
        path.startsWith('/') ||
        path.startsWith('node:') ||
        BUILTINS.has(path) ||
        BUILTINS.has(path.split('/')[0])
    ) {
        return undefined;
    }
    const parts = path.split('/');
    return path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What esbuild reports when the build fails, with its place in the sources. */
function buildErrors(error: unknown): Problem[] {
    const errors = (error as { errors?: Message[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) {
        return [{ message: `esbuild failed: ${error instanceof Error ? error.message : String(error)}` }];
    }
    return errors.map((message) => ({
        file: message.location?.file,
        line: message.location?.line,
        column: message.location ? message.location.column + 1 : undefined,
        message: message.text
    }));
}

/**
 * The problems of a built bundle: its external packages against `dependencies`, and scripts/dev inside it.
 * What the bundle requires is read from its output (an import TypeScript uses only for types is listed
 * among an input's imports, yet never required); the inputs say which source file asked for it.
 */
export function bundleProblems(metafile: Metafile, dependencies: ReadonlySet<string>): Problem[] {
    const problems: Problem[] = [];
    const required = new Set<string>();
    for (const output of Object.values(metafile.outputs)) {
        for (const imported of output.imports) {
            const name = imported.external ? packageName(imported.path) : undefined;
            if (name !== undefined) {
                required.add(name);
            }
        }
    }
    const missing = new Set([...required].filter((name) => !dependencies.has(name)));
    for (const [file, input] of Object.entries(metafile.inputs)) {
        if (file.startsWith('scripts/dev/')) {
            problems.push({
                file,
                message: 'development code is bundled into the shipped CLI (scripts/dev never ships)'
            });
        }
        const named = new Set(input.imports.map((imported) => packageName(imported.path)));
        for (const name of [...missing].filter((candidate) => named.has(candidate))) {
            problems.push({
                file,
                message: `requires ${name} at run time, but package.json lists it outside dependencies: users would not have it`
            });
        }
    }
    for (const name of [...dependencies].filter((dependency) => !required.has(dependency)).sort()) {
        problems.push({
            file: 'package.json',
            message: `dependencies lists ${name}, which the shipped CLI never requires: move it to devDependencies`
        });
    }
    return problems;
}

export const buildStep: CheckStep = {
    name: 'build',
    description: `esbuild bundle of the shipped CLI (${BUNDLE}); it requires exactly package.json dependencies, nothing from scripts/dev`,
    async run(ctx) {
        let dependencies: Set<string>;
        try {
            const json = JSON.parse(readFileSync(join(ctx.root, 'package.json'), 'utf8')) as {
                dependencies?: Record<string, string>;
            };
            dependencies = new Set(Object.keys(json.dependencies ?? {}));
        } catch (error) {
            return unitResult([{ file: 'package.json', message: `cannot read: ${(error as Error).message}` }]);
        }
        let metafile: Metafile;
        try {
            metafile = buildCli(ctx.root);
        } catch (error) {
            return unitResult(buildErrors(error), 'build failed');
        }
        const problems = bundleProblems(metafile, dependencies);
        const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
        return unitResult(
            problems,
            `${plural(Object.keys(metafile.inputs).length, 'module')}, ${Math.round(bytes / 1024)} KiB, ${plural(dependencies.size, 'dependency', 'dependencies')}`
        );
    }
};
