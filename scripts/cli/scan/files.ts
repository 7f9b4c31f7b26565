/**
 * Which files a scan reads and how: the project's package directories (plus data/, scripts/apex and
 * configured seed data), each file read only when it is a regular file the rules can use. Whatever is
 * left out is said, never dropped: a file that is empty, binary, too large, not UTF-8, not a regular
 * file (a FIFO is never opened), or a symbolic link that leads nowhere or loops becomes a
 * `skipped-file` entry with the reason.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { apexUnitKind } from '../lib/apex-kind';
import { displayPath, loadProject, walkFiles, type WalkOptions } from '../lib/project';
import { excludedBy, type ScanConfig } from './config';
import { mayHoldSeedData, metadataKindOf } from './metadata/read';
import type { SourceFile } from './types';

/** Files larger than this are reported and skipped (Salesforce caps a class at 1 M characters). */
export const MAX_FILE_BYTES = 1024 * 1024;

export class ScanInputError extends Error {}

/** A file that is not scanned and why (relative path, as displayed). */
export type Skipped = Array<{ path: string; reason: string }>;

/** Apex and the metadata the rules read; seed-data candidates (JSON, CSV) are handled apart. */
export function isRelevant(path: string): boolean {
    const kind = metadataKindOf(path);
    return apexUnitKind(path) !== undefined || (kind !== undefined && kind !== 'seed');
}

export function isSeedCandidate(file: SourceFile): boolean {
    return metadataKindOf(file.path) === 'seed' && mayHoldSeedData(file);
}

/** Why a text file cannot be scanned, or null when it can. */
export function unscannableReason(file: SourceFile): string | null {
    if (file.content.trim().length === 0) {
        return 'the file is empty';
    }
    if (Buffer.byteLength(file.content, 'utf8') > MAX_FILE_BYTES) {
        return `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
    }
    if (file.content.includes('\u0000')) {
        return 'the file is binary';
    }
    if (file.content.includes('\uFFFD')) {
        return 'the file is not valid UTF-8';
    }
    return null;
}

/** Reads one file for scanning: no content but the reason when it must be skipped. Never opens a FIFO. */
export function readSource(absolute: string, display: string): { file?: SourceFile; skipped?: string } {
    let size: number;
    try {
        const stat = statSync(absolute);
        if (!stat.isFile()) {
            return { skipped: 'it is not a regular file' };
        }
        size = stat.size;
    } catch (error) {
        return { skipped: `it could not be read (${(error as Error).message})` };
    }
    if (size > MAX_FILE_BYTES) {
        return { skipped: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${size} bytes)` };
    }
    if (size === 0) {
        return { skipped: 'the file is empty' };
    }
    let buffer: Buffer;
    try {
        buffer = readFileSync(absolute);
    } catch (error) {
        return { skipped: `it could not be read (${(error as Error).message})` };
    }
    if (buffer.subarray(0, 8192).includes(0)) {
        return { skipped: 'the file is binary' };
    }
    let content: string;
    try {
        content = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
        return { skipped: 'the file is not valid UTF-8' };
    }
    if (content.charCodeAt(0) === 0xfeff) {
        content = content.slice(1);
    }
    if (content.trim().length === 0) {
        return { skipped: 'the file is empty' };
    }
    return { file: { path: display, content } };
}

type Listing = { files: string[]; skipped: Array<{ absolute: string; reason: string }> };

/** The files a project scan reads: package directories, plus data/ and configured seed data. */
export function projectScanFiles(root: string, config: ScanConfig): Listing {
    const files = new Set<string>();
    const skipped: Listing['skipped'] = [];
    const options: WalkOptions = {
        followLinks: true,
        onSkipped: (absolute, reason) => skipped.push({ absolute, reason })
    };
    const walk = (dir: string): void => walkFiles(dir, options).forEach((f) => files.add(f));
    if (existsSync(join(root, 'sfdx-project.json'))) {
        const project = loadProject(root);
        for (const pkg of project.packageDirectories) {
            walk(pkg.absolutePath);
        }
        walk(join(root, 'data'));
        walk(join(root, 'scripts', 'apex'));
    } else {
        walk(root);
    }
    for (const extra of config.seedData) {
        const path = join(root, extra);
        if (existsSync(path) && statSync(path).isDirectory()) {
            walk(path);
        } else if (existsSync(path)) {
            files.add(path);
        }
    }
    return { files: [...files].sort(), skipped };
}

/**
 * The files a scan of `path` (a project folder or one file) reads, after the configuration's excludes,
 * and the entries left out of the walk (special files, broken links) that the scan should have read.
 * Throws ScanInputError for a path that does not exist.
 */
export function filesToScan(path: string, config: ScanConfig): { root: string; files: string[]; skipped: Skipped } {
    if (!existsSync(path)) {
        throw new ScanInputError(`${path} does not exist`);
    }
    const isFolder = statSync(path).isDirectory();
    const root = isFolder ? path : join(path, '..');
    const excluded = excludedBy(config.exclude);
    // One path that is not a folder is read as a file; readSource says why when it is not a regular one.
    const listing: Listing = isFolder ? projectScanFiles(root, config) : { files: [path], skipped: [] };
    const files = listing.files.filter((file) => !excluded(displayPath(root, file)));
    const skipped = listing.skipped
        .map(({ absolute, reason }) => ({ path: displayPath(root, absolute), reason }))
        .filter((entry) => isRelevant(entry.path) && !excluded(entry.path));
    return { root, files, skipped };
}
