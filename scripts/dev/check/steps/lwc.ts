/**
 * `lwc`: every Lightning web component bundle compiled with @lwc/sfdc-lwc-compiler, the compiler
 * the platform runs on deploy, from exactly the files that deploy (.forceignore applied: no .ts,
 * no tests); every `c/<name>` import and `<c-...>` tag resolves to a bundle of the project; and
 * every committed .js equals a fresh esbuild type-strip of its .ts (see build-lwc.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadForceIgnore } from '../../lib/forceignore';
import {
    bundleRelativePath,
    ComponentReference,
    findLwcBundles,
    generatedJsPath,
    isTestOrToolingFile,
    LwcBundle,
    lwcTypeScriptSources,
    moduleReferences,
    platformReferences,
    stripTypes,
    templateReferences
} from '../../lib/lwc';
import { firstDifferentLine } from '../../../cli/lib/position';
import { syncTsconfigPaths } from '../../generate/lwc-js';
import { isCustomName, STANDARD_FIELDS, STANDARD_OBJECTS } from '../../../cli/lib/metadata';
import { displayPath, loadProject, projectSourceFiles, SfdxProject } from '../../../cli/lib/project';
import { list, parseXml, text } from '../../../cli/lib/xml';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

/** @lwc/errors DiagnosticLevel: 0 Fatal, 1 Error, 2 Warning, 3 Log. */
const WARNING_LEVEL = 2;

type Diagnostic = {
    level: number;
    message: string;
    filename?: string | null;
    location?: { line?: number; column?: number } | null;
};

async function compileBundle(root: string, bundle: LwcBundle, deployable: string[]): Promise<Problem[]> {
    const { compile } = await import('@lwc/sfdc-lwc-compiler');
    const files: Record<string, string> = {};
    for (const file of deployable) {
        files[bundleRelativePath(bundle, file)] = readFileSync(file, 'utf8');
    }
    const output = await compile({ bundle: { type: 'platform', namespace: 'c', name: bundle.name, files } });
    const problems: Problem[] = [];
    for (const diagnostic of output.diagnostics as Diagnostic[]) {
        if (diagnostic.level > WARNING_LEVEL) {
            continue;
        }
        const filename = diagnostic.filename ?? undefined;
        const file = filename ? displayPath(root, join(bundle.dir, filename)) : displayPath(root, bundle.dir);
        const line = diagnostic.location?.line;
        let column = diagnostic.location?.column;
        // Babel (JavaScript) counts columns from 0, the template and CSS parsers from 1.
        if (column !== undefined && filename?.endsWith('.js')) {
            column += 1;
        }
        problems.push({
            file,
            line,
            column: line === undefined ? undefined : column,
            message: oneLine(diagnostic.message),
            severity: diagnostic.level < WARNING_LEVEL ? 'error' : 'note'
        });
    }
    if (!output.success && !problems.some((problem) => problem.severity !== 'note')) {
        problems.push({
            file: displayPath(root, bundle.dir),
            message: 'the LWC compiler reported failure without a diagnostic'
        });
    }
    return problems;
}

function unresolved(root: string, file: string, references: ComponentReference[], known: Set<string>): Problem[] {
    return references
        .filter((reference) => !known.has(reference.name))
        .map((reference) => ({
            file: displayPath(root, file),
            line: reference.line,
            column: reference.column,
            message: `${reference.written} does not resolve: no LWC bundle named "${reference.name}" in any package directory`
        }));
}

/** What `@salesforce/label|apex|schema` imports may name: the project's labels, classes, objects. */
type PlatformModel = {
    labels: Set<string>;
    /** Apex class name in lower case (Apex names are case-insensitive) → source. */
    classes: Map<string, string>;
    /** Object API name → its custom and standard fields defined in the project. */
    objects: Map<string, Set<string>>;
};

function platformModel(project: SfdxProject): PlatformModel {
    const model: PlatformModel = { labels: new Set(), classes: new Map(), objects: new Map() };
    for (const file of projectSourceFiles(project)) {
        const parts = file.split(/[\\/]/);
        const name = parts[parts.length - 1];
        if (name.endsWith('.labels-meta.xml')) {
            try {
                for (const label of list(parseXml(readFileSync(file, 'utf8')).body, 'labels')) {
                    model.labels.add(text(label, 'fullName'));
                }
            } catch {
                // The metadata step reports XML that does not parse.
            }
        } else if (name.endsWith('.cls')) {
            model.classes.set(name.slice(0, -'.cls'.length).toLowerCase(), file);
        } else if (parts[parts.length - 2] === 'fields' && parts[parts.length - 4] === 'objects') {
            const object = parts[parts.length - 3];
            model.objects.set(
                object,
                (model.objects.get(object) ?? new Set()).add(name.replace(/\.field-meta\.xml$/, ''))
            );
        } else if (name.endsWith('.object-meta.xml') && parts[parts.length - 3] === 'objects') {
            const object = name.replace(/\.object-meta\.xml$/, '');
            model.objects.set(object, model.objects.get(object) ?? new Set());
        }
    }
    return model;
}

function escapeRegExp(value: string): string {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why a platform import names nothing the project (or the platform's standard objects) has. */
function platformReferenceProblem(model: PlatformModel, kind: string, value: string): string | undefined {
    const parts = value.split('.');
    if (kind === 'label') {
        const [namespace, label] = parts;
        return namespace === 'c' && label && !model.labels.has(label)
            ? `no custom label ${label} in the project`
            : undefined;
    }
    if (kind === 'apex') {
        if (parts.length !== 2) {
            return undefined; // Namespace.Class.method belongs to another package.
        }
        const [className, method] = parts;
        const file = model.classes.get(className.toLowerCase());
        if (!file) {
            return `no Apex class ${className} in the project`;
        }
        const auraEnabled = new RegExp(`@AuraEnabled\\b[^{};]*?\\b${escapeRegExp(method)}\\s*\\(`, 'i');
        return auraEnabled.test(readFileSync(file, 'utf8'))
            ? undefined
            : `${className} has no @AuraEnabled method ${method}`;
    }
    const [object, field] = parts;
    const fields = model.objects.get(object);
    const objectKnown = isCustomName(object) ? model.objects.has(object) : STANDARD_OBJECTS.has(object);
    if (!objectKnown) {
        return `no object ${object} in the project`;
    }
    if (!field) {
        return undefined;
    }
    const fieldName = field.endsWith('__r') ? `${field.slice(0, -3)}__c` : field;
    if (fields?.has(fieldName)) {
        return undefined;
    }
    if (isCustomName(fieldName)) {
        return `no field ${object}.${fieldName} in the project`;
    }
    return STANDARD_OBJECTS.has(object) || STANDARD_FIELDS.has(fieldName)
        ? undefined
        : `no field ${object}.${fieldName} in the project`;
}

function staleness(root: string, bundle: LwcBundle): Problem[] {
    const problems: Problem[] = [];
    for (const ts of lwcTypeScriptSources(bundle)) {
        const js = generatedJsPath(ts);
        const expected = stripTypes(readFileSync(ts, 'utf8'), ts);
        if (!existsSync(js)) {
            problems.push({
                file: displayPath(root, js),
                message: `missing: ${displayPath(root, ts)} has no generated .js; run npm run build:lwc`
            });
            continue;
        }
        const current = readFileSync(js, 'utf8');
        if (current !== expected) {
            problems.push({
                file: displayPath(root, js),
                line: firstDifferentLine(expected, current) ?? 1,
                column: 1,
                message: `stale: differs from a fresh type-strip of ${displayPath(root, ts)} from this line on; run npm run build:lwc`
            });
        }
    }
    return problems;
}

export const lwcStep: CheckStep = {
    name: 'lwc',
    description:
        'compile LWC bundles with @lwc/sfdc-lwc-compiler, resolve c/, label, apex, schema imports, .js fresh from .ts',
    async run(ctx) {
        const project = loadProject(ctx.root);
        const bundles = findLwcBundles(project);
        if (bundles.length === 0) {
            return unitResult([], '0 bundles');
        }
        const forceIgnore = await loadForceIgnore(ctx.root);
        const known = new Set(bundles.map((bundle) => bundle.name));
        const platform = platformModel(project);
        const problems: Problem[] = [];
        let references = 0;
        let compiled = 0;
        for (const bundle of bundles) {
            const deployable = bundle.files.filter(
                (file) => !forceIgnore.denies(file) && !isTestOrToolingFile(bundle, file)
            );
            const leaked = deployable.filter((file) => file.endsWith('.ts'));
            for (const file of leaked) {
                problems.push({
                    file: displayPath(ctx.root, file),
                    message: '.forceignore does not keep this TypeScript file out of deploys'
                });
            }
            const stale = staleness(ctx.root, bundle);
            problems.push(...stale);
            const sources = deployable.filter((file) => !leaked.includes(file));
            const mainMissing = stale.some(
                (problem) => problem.message.startsWith('missing:') && problem.file?.endsWith(`/${bundle.name}.js`)
            );
            if (sources.length === 0 || mainMissing) {
                if (stale.length === 0) {
                    problems.push({
                        file: displayPath(ctx.root, bundle.dir),
                        message: 'no file of this bundle deploys'
                    });
                }
            } else {
                compiled += 1;
                problems.push(...(await compileBundle(ctx.root, bundle, sources)));
            }
            for (const file of bundle.files) {
                const hasTsSource = file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'));
                let found: ComponentReference[] = [];
                if ((file.endsWith('.ts') || file.endsWith('.js')) && !hasTsSource && !file.endsWith('.d.ts')) {
                    const source = readFileSync(file, 'utf8');
                    found = moduleReferences(source);
                    if (!isTestOrToolingFile(bundle, file)) {
                        for (const reference of platformReferences(source)) {
                            references += 1;
                            const problem = platformReferenceProblem(platform, reference.kind, reference.value);
                            if (problem) {
                                problems.push({
                                    file: displayPath(ctx.root, file),
                                    line: reference.line,
                                    column: reference.column,
                                    message: `${reference.written} does not resolve: ${problem}`
                                });
                            }
                        }
                    }
                } else if (file.endsWith('.html')) {
                    found = templateReferences(readFileSync(file, 'utf8'));
                }
                references += found.length;
                problems.push(...unresolved(ctx.root, file, found, known));
            }
        }
        if ((await syncTsconfigPaths(ctx.root, { write: false })) === 'stale') {
            problems.push({
                file: 'tsconfig.json',
                message: 'compilerOptions.paths does not map every c/<bundle> to its .ts; run npm run build:lwc'
            });
        }
        const errors = problems.filter((problem) => problem.severity !== 'note').length;
        return unitResult(
            problems,
            `${plural(bundles.length, 'bundle')}, ${compiled} compiled, ${plural(references, 'reference')} resolved, ${plural(errors, 'error')}`
        );
    }
};
