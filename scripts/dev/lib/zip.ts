/**
 * The files of a zip archive by name, read with jszip: what the fake org needs from the deploy zips
 * jsforce sends and the apex-semantics step from the apex-ls jar. Folders are left out.
 */
import JSZip from 'jszip';

export async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
    const archive = await JSZip.loadAsync(buffer);
    const files = new Map<string, Buffer>();
    for (const entry of Object.values(archive.files)) {
        if (!entry.dir) {
            files.set(entry.name, await entry.async('nodebuffer'));
        }
    }
    return files;
}
