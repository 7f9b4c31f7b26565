/**
 * Lightning web component bundles of a project: where they are, the type-stripping build that
 * turns each bundle's TypeScript into the committed .js the platform deploys, and the `c/<name>`
 * references between bundles. Used by the lwc check and by `npm run build:lwc`.
 */
import { basename, join, relative, sep } from 'node:path';
import { transformSync } from 'esbuild';
import { SfdxProject, walkFiles } from '../../cli/lib/project';
import { positionAt } from '../../cli/lib/position';

export type LwcBundle = {
    /** Folder name, which is also the module name: `c/<name>`. */
    name: string;
    /** Absolute path of the bundle folder. */
    dir: string;
    /** Package directory (as in sfdx-project.json) the bundle belongs to. */
    packageDirectory: string;
    /** Every file of the bundle, absolute, tests and TypeScript included. */
    files: string[];
};

/** Every bundle: each folder directly below a folder named `lwc` in any package directory. */
export function findLwcBundles(project: SfdxProject): LwcBundle[] {
    const bundles = new Map<string, LwcBundle>();
    for (const pkg of project.packageDirectories) {
        for (const file of walkFiles(pkg.absolutePath)) {
            const parts = relative(pkg.absolutePath, file).split(sep);
            const lwcIndex = parts.lastIndexOf('lwc', parts.length - 3);
            if (lwcIndex === -1 || parts.indexOf('lwc') !== lwcIndex) {
                continue;
            }
            const dir = join(pkg.absolutePath, ...parts.slice(0, lwcIndex + 2));
            let bundle = bundles.get(dir);
            if (!bundle) {
                bundle = { name: parts[lwcIndex + 1], dir, packageDirectory: pkg.path, files: [] };
                bundles.set(dir, bundle);
            }
            bundle.files.push(file);
        }
    }
    return [...bundles.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Whether a bundle file is test or tooling material rather than component source. */
export function isTestOrToolingFile(bundle: LwcBundle, file: string): boolean {
    const parts = relative(bundle.dir, file).split(sep);
    return (
        parts.some((part) => part === '__tests__' || part === '__mocks__') || /(^|\/)(ts|js)config\.json$/.test(file)
    );
}

/** The TypeScript sources that the build turns into .js: not tests, not declarations. */
export function lwcTypeScriptSources(bundle: LwcBundle): string[] {
    return bundle.files.filter(
        (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTestOrToolingFile(bundle, file)
    );
}

export function generatedJsPath(tsFile: string): string {
    return tsFile.replace(/\.ts$/, '.js');
}

export function generatedHeader(tsFile: string): string {
    return (
        `// Generated from ${basename(tsFile)} by scripts/dev/generate/lwc-js.ts (npm run build:lwc).\n` +
        `// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.\n`
    );
}

/**
 * Strips the types from a bundle's TypeScript with esbuild, keeping everything else as written:
 * ES modules, class fields, and the LWC decorators (@api, @track, @wire) untouched. With
 * `experimentalDecorators` esbuild would compile decorators into __decorateClass calls, and with a
 * target below esnext it would lower them to the TC39 runtime helpers; the LWC compiler needs
 * neither, it reads the decorators itself. So: target esnext, experimentalDecorators off.
 */
export function stripTypes(source: string, tsFile: string): string {
    const result = transformSync(source, {
        loader: 'ts',
        // No `format`: with format 'esm' esbuild rewrites `export default class X` into `export { X as default }`,
        // which the LWC compiler does not recognise as the component class, so the template is never registered
        // and the component renders nothing (on the platform as well as in the local preview).
        target: 'esnext',
        charset: 'utf8',
        sourcefile: basename(tsFile),
        tsconfigRaw: {
            compilerOptions: {
                experimentalDecorators: false,
                useDefineForClassFields: true,
                verbatimModuleSyntax: false
            }
        }
    });
    if (/__decorate(Class|Element)|__runInitializers/.test(result.code)) {
        throw new Error(`${tsFile}: esbuild lowered the decorators; LWC needs them preserved`);
    }
    return generatedHeader(tsFile) + result.code;
}

export type ComponentReference = {
    /** Bundle name the reference needs, e.g. `redactor` for `c/redactor` or `<c-redactor>`. */
    name: string;
    /** As written: `c/redactor` or `c-redactor`. */
    written: string;
    line: number;
    column: number;
};

const MODULE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bexport\s*\*\s*from\s*)(['"])c\/([^'"]*)\1/g;
const COMPONENT_TAG = /<c-([a-z0-9]+(?:-[a-z0-9]+)*)(?=[\s/>])/g;

/** `c/<name>` module specifiers of a JavaScript or TypeScript source. */
export function moduleReferences(source: string): ComponentReference[] {
    const references: ComponentReference[] = [];
    for (const match of source.matchAll(MODULE_SPECIFIER)) {
        const specifierStart = (match.index ?? 0) + match[0].length - match[2].length - 3;
        const position = positionAt(source, specifierStart);
        references.push({ name: match[2], written: `c/${match[2]}`, ...position });
    }
    return references;
}

/** `<c-some-name>` tags of a template, as the bundle names they resolve to (`someName`). */
export function templateReferences(source: string): ComponentReference[] {
    const references: ComponentReference[] = [];
    for (const match of source.matchAll(COMPONENT_TAG)) {
        const name = match[1].replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
        const position = positionAt(source, (match.index ?? 0) + 1);
        references.push({ name, written: `c-${match[1]}`, ...position });
    }
    return references;
}

/** The folder of a bundle file relative to its bundle, for the in-memory compile. */
export function bundleRelativePath(bundle: LwcBundle, file: string): string {
    return relative(bundle.dir, file).split(sep).join('/');
}

export type PlatformReference = {
    kind: 'label' | 'apex' | 'schema';
    /** The part after the prefix: `c.MyLabel`, `MyController.getRows`, `Contact.Name`. */
    value: string;
    written: string;
    line: number;
    column: number;
};

const PLATFORM_MODULE = /(['"])@salesforce\/(label|apex|schema)\/([^'"]+)\1/g;

/** `@salesforce/label/…`, `@salesforce/apex/…` and `@salesforce/schema/…` imports of a source. */
export function platformReferences(source: string): PlatformReference[] {
    const references: PlatformReference[] = [];
    for (const match of source.matchAll(PLATFORM_MODULE)) {
        const position = positionAt(source, (match.index ?? 0) + 1);
        references.push({
            kind: match[2] as PlatformReference['kind'],
            value: match[3],
            written: `@salesforce/${match[2]}/${match[3]}`,
            ...position
        });
    }
    return references;
}

/**
 * The `compilerOptions.paths` entries tsconfig.json needs so that tsc resolves `c/<name>` to the
 * bundle's main TypeScript file (a `c/*` wildcard would resolve to the folder, not the file).
 * Only bundles whose main module is written in TypeScript are listed; `c/*` stays as a fallback.
 */
export function expectedTsconfigPaths(root: string, bundles: LwcBundle[]): Record<string, string[]> {
    const paths: Record<string, string[]> = {};
    for (const bundle of [...bundles].sort((a, b) => a.name.localeCompare(b.name))) {
        const main = join(bundle.dir, `${bundle.name}.ts`);
        if (bundle.files.includes(main)) {
            paths[`c/${bundle.name}`] = [relative(root, main).split(sep).join('/')];
        }
    }
    return paths;
}
