/**
 * `deployable`: each package directory converted from source format to Metadata API format with
 * @salesforce/source-deploy-retrieve (ComponentSet.fromSource + MetadataConverter into a temp
 * folder), the same library the Salesforce CLI deploys and packages with. Fails on any conversion
 * error (with its file), on any source file no component claims (it would silently not deploy),
 * and when the generated package.xml misses a converted component. It does not prove the org
 * accepts the components: that needs an org.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { loadForceIgnore } from '../../lib/forceignore';
import { displayPath, loadProject, PackageDirectory, walkFiles } from '../../../cli/lib/project';
import { list, parseXml, text } from '../../../cli/lib/xml';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

type PackageOutcome = { components: number; types: number; problems: Problem[] };

/** The first path under the project root that a tool's message names. */
function fileInMessage(root: string, message: string): string | undefined {
    const start = message.indexOf(root + sep);
    if (start === -1) {
        return undefined;
    }
    const match = /^[^\s:'"]+/.exec(message.slice(start));
    return match ? match[0] : undefined;
}

function errorProblem(root: string, error: unknown, fallback: string): Problem {
    const err = error as Error & { actions?: string[] };
    const message = `${err.name ?? 'Error'}: ${err.message ?? String(error)}`;
    const hint = err.actions?.find((action) => action.trim().startsWith('-- Did you mean'));
    const file = fileInMessage(root, message);
    const cleaned = file ? message.replace(`${file}: `, '').replace(file, displayPath(root, file)) : message;
    return {
        file: file ? displayPath(root, file) : fallback,
        message: oneLine(`${cleaned}${hint ? ` (${hint.trim().replace(/^-- /, '')})` : ''}`, 400)
    };
}

async function convertPackage(root: string, pkg: PackageDirectory, outputRoot: string): Promise<PackageOutcome> {
    const problems: Problem[] = [];
    if (!existsSync(pkg.absolutePath) || !statSync(pkg.absolutePath).isDirectory()) {
        return {
            components: 0,
            types: 0,
            problems: [{ file: 'sfdx-project.json', message: `package directory ${pkg.path} does not exist` }]
        };
    }
    const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
    let componentSet;
    try {
        componentSet = ComponentSet.fromSource(pkg.absolutePath);
    } catch (error) {
        return { components: 0, types: 0, problems: [errorProblem(root, error, pkg.path)] };
    }
    const components = componentSet.getSourceComponents().toArray();
    const claimed = new Set<string>();
    const expected = new Map<string, Set<string>>();
    const expect = (type: string, fullName: string): void => {
        if (!expected.has(type)) {
            expected.set(type, new Set());
        }
        expected.get(type)?.add(fullName);
    };
    for (const component of components) {
        if (component.xml) {
            claimed.add(component.xml);
        }
        for (const file of component.walkContent()) {
            claimed.add(file);
        }
        expect(component.type.name, component.fullName);
        for (const child of component.getChildren()) {
            if (child.xml) {
                claimed.add(child.xml);
            }
            if (child.type.isAddressable !== false) {
                expect(child.type.name, child.fullName);
            }
        }
    }
    const forceIgnore = await loadForceIgnore(root);
    for (const file of walkFiles(pkg.absolutePath)) {
        if (!claimed.has(file) && !forceIgnore.denies(file)) {
            problems.push({
                file: displayPath(root, file),
                message:
                    'no metadata component claims this file: it would not deploy (missing -meta.xml, wrong folder or suffix?)'
            });
        }
    }
    if (components.length === 0) {
        return { components: 0, types: 0, problems };
    }
    const outputDirectory = join(outputRoot, pkg.path.split('/').join('_'));
    try {
        await new MetadataConverter().convert(componentSet, 'metadata', {
            type: 'directory',
            outputDirectory,
            genUniqueDir: false
        });
    } catch (error) {
        problems.push(errorProblem(root, error, pkg.path));
        return { components: components.length, types: expected.size, problems };
    }
    const manifestPath = join(outputDirectory, 'package.xml');
    if (!existsSync(manifestPath)) {
        problems.push({ file: pkg.path, message: 'conversion wrote no package.xml' });
        return { components: components.length, types: expected.size, problems };
    }
    const manifest = parseXml(readFileSync(manifestPath, 'utf8'));
    const listed = new Map<string, Set<string>>();
    for (const entry of list(manifest.body, 'types')) {
        const members = entry.members;
        const names = (Array.isArray(members) ? members : [members]).map((member) => String(member));
        listed.set(text(entry, 'name'), new Set(names));
    }
    for (const [type, members] of expected) {
        const inManifest = listed.get(type);
        if (!inManifest) {
            problems.push({ file: pkg.path, message: `package.xml of the conversion does not list type ${type}` });
            continue;
        }
        for (const member of members) {
            if (!inManifest.has(member) && !inManifest.has('*')) {
                problems.push({
                    file: pkg.path,
                    message: `package.xml of the conversion does not list ${type} ${member}`
                });
            }
        }
    }
    return { components: components.length, types: expected.size, problems };
}

export const deployableStep: CheckStep = {
    name: 'deployable',
    description: 'convert each package directory to Metadata API format with source-deploy-retrieve',
    async run(ctx) {
        const project = loadProject(ctx.root);
        const outputRoot = mkdtempSync(join(tmpdir(), 'warden-mdapi-'));
        const problems: Problem[] = [];
        const counts: string[] = [];
        try {
            for (const pkg of project.packageDirectories) {
                const outcome = await convertPackage(ctx.root, pkg, outputRoot);
                problems.push(...outcome.problems);
                counts.push(
                    `${pkg.path}: ${plural(outcome.components, 'component')} of ${plural(outcome.types, 'type')}`
                );
            }
        } finally {
            rmSync(outputRoot, { recursive: true, force: true });
        }
        return unitResult(problems, counts.join('; '));
    }
};
