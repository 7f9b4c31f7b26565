/**
 * Headless Chromium for the preview's browser tests and benchmark: Debian's chromium (no browser download),
 * driven by playwright-core, in a fresh temporary profile that is removed again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage'
];

export function chromiumPath(): string {
    const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
    if (!existsSync(path)) {
        throw new Error(
            `Chromium not found at ${path}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM.`
        );
    }
    return path;
}

/** A persistent Chromium context in a fresh, temporary profile folder; close() removes the folder. */
export async function launchChromium(downloads?: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
    const profile = mkdtempSync(join(tmpdir(), 'warden-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1440, height: 1000 },
        acceptDownloads: true,
        downloadsPath: downloads
    });
    return {
        context,
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        }
    };
}
