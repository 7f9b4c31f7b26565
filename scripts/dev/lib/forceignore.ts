/**
 * The project's .forceignore as the Salesforce CLI reads it: through source-deploy-retrieve's own
 * ForceIgnore class, so "would this file deploy?" is answered by the same code that deploys.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ForceIgnoreFile = {
    /** Absolute path of the .forceignore, or undefined when the project has none. */
    path?: string;
    /** True when the file at this absolute path is excluded from deploys and package versions. */
    denies(absolutePath: string): boolean;
};

/** Loads SDR on first use only: it is large, and most commands never need it. */
export async function loadForceIgnore(root: string): Promise<ForceIgnoreFile> {
    const { ForceIgnore } = await import('@salesforce/source-deploy-retrieve');
    const path = join(root, '.forceignore');
    if (!existsSync(path)) {
        const empty = new ForceIgnore('');
        return { denies: (file) => empty.denies(file) };
    }
    const forceIgnore = new ForceIgnore(path);
    return { path, denies: (file) => forceIgnore.denies(file) };
}
