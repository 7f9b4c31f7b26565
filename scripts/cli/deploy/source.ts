/**
 * Turns the project's source into the Metadata API zip that `warden deploy` sends, using
 * @salesforce/source-deploy-retrieve (the library behind `sf project deploy`), which runs on Node 20
 * here. It also fingerprints the source (SHA-256 over every file of every component) and adds a small
 * static resource, WardenRelease, that records the version and fingerprint in the org: reading it back
 * is how a second run knows the package is unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ComponentSet, MetadataConverter, SourceComponent } from '@salesforce/source-deploy-retrieve';
import { SfdxProject } from '../lib/project';

export const RELEASE_RESOURCE = 'WardenRelease';

export type SourceComponentInfo = { type: string; fullName: string; files: string[] };

export type PackageSource = {
    version: string;
    hash: string;
    zip: Buffer;
    components: SourceComponentInfo[];
    countsByType: Record<string, number>;
    apexClasses: string[];
    apexTriggers: string[];
    permissionSets: string[];
    testClasses: string[];
    /** The project file behind a component, for deploy error messages. */
    fileFor(type: string | undefined, fullName: string, zipFileName: string): string;
};

/** Parses the marker's description: "Warden <version> sha256:<hash>". */
export function parseReleaseDescription(description: string): { version: string; hash: string } | undefined {
    const match = /^Warden (\S+) sha256:([0-9a-f]{64})$/.exec(description.trim());
    return match ? { version: match[1], hash: match[2] } : undefined;
}

function packageVersion(root: string): string {
    try {
        const json = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
            packageDirectories?: Array<{ default?: boolean; versionNumber?: string }>;
        };
        const main = json.packageDirectories?.find((dir) => dir.default) ?? json.packageDirectories?.[0];
        const raw = main?.versionNumber ?? '0.0.0';
        // 0.1.0.NEXT -> 0.1.0: the build number exists only once a package version is created.
        return raw.split('.').slice(0, 3).join('.');
    } catch {
        return '0.0.0';
    }
}

function componentFiles(component: SourceComponent): string[] {
    const files = new Set<string>();
    const visit = (c: SourceComponent): void => {
        if (c.xml) files.add(c.xml);
        for (const file of c.walkContent()) files.add(file);
        for (const child of c.getChildren()) visit(child);
    };
    visit(component);
    return [...files].sort();
}

function display(root: string, file: string): string {
    return relative(root, file).split(sep).join('/');
}

/**
 * Builds the zip. Every package directory of sfdx-project.json is included (the test classes under
 * force-app/tests too: a production deploy runs them for coverage). .forceignore applies.
 */
export async function buildPackageSource(project: SfdxProject): Promise<PackageSource> {
    const version = packageVersion(project.root);
    const set = ComponentSet.fromSource({ fsPaths: project.packageDirectories.map((dir) => dir.absolutePath) });
    const components: SourceComponentInfo[] = [];
    const hash = createHash('sha256');
    for (const component of [...set.getSourceComponents()].sort((a, b) =>
        `${a.type.name}:${a.fullName}`.localeCompare(`${b.type.name}:${b.fullName}`)
    )) {
        const files = componentFiles(component);
        components.push({
            type: component.type.name,
            fullName: component.fullName,
            files: files.map((f) => display(project.root, f))
        });
        hash.update(`${component.type.name}:${component.fullName}\0`);
        for (const file of files) {
            hash.update(`${display(project.root, file)}\0`);
            hash.update(readFileSync(file));
            hash.update('\0');
        }
    }
    const digest = hash.digest('hex');

    // The release marker lives in a temporary package directory of its own, removed after conversion.
    const markerDir = mkdtempSync(join(tmpdir(), 'warden-release-'));
    try {
        const resources = join(markerDir, 'main', 'default', 'staticresources');
        mkdirSync(resources, { recursive: true });
        writeFileSync(
            join(resources, `${RELEASE_RESOURCE}.json`),
            JSON.stringify({ package: 'Warden', version, sourceSha256: digest, components: components.length }) + '\n'
        );
        writeFileSync(
            join(resources, `${RELEASE_RESOURCE}.resource-meta.xml`),
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
                '    <cacheControl>Private</cacheControl>',
                '    <contentType>application/json</contentType>',
                `    <description>Warden ${version} sha256:${digest}</description>`,
                '</StaticResource>',
                ''
            ].join('\n')
        );
        const marker = ComponentSet.fromSource(markerDir);
        for (const component of marker.getSourceComponents()) {
            set.add(component);
        }
        set.sourceApiVersion = project.sourceApiVersion || set.sourceApiVersion;
        const converted = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
        if (!converted.zipBuffer) {
            throw new Error('source-deploy-retrieve returned no zip');
        }
        const names = (type: string): string[] =>
            components
                .filter((c) => c.type === type)
                .map((c) => c.fullName)
                .sort();
        const countsByType: Record<string, number> = {};
        for (const component of components) {
            countsByType[component.type] = (countsByType[component.type] ?? 0) + 1;
        }
        const byKey = new Map(components.map((c) => [`${c.type}:${c.fullName}`, c]));
        return {
            version,
            hash: digest,
            zip: converted.zipBuffer,
            components,
            countsByType,
            apexClasses: names('ApexClass'),
            apexTriggers: names('ApexTrigger'),
            permissionSets: names('PermissionSet'),
            testClasses: names('ApexClass').filter((name) => /_Tests?$/.test(name)),
            fileFor(type, fullName, zipFileName) {
                const component = type ? byKey.get(`${type}:${fullName}`) : undefined;
                if (component && component.files.length > 0) {
                    // Prefer the code file over its -meta.xml: that is where line numbers point.
                    return component.files.find((file) => !file.endsWith('-meta.xml')) ?? component.files[0];
                }
                return zipFileName;
            }
        };
    } finally {
        rmSync(markerDir, { recursive: true, force: true });
    }
}
