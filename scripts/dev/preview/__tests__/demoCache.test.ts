/**
 * The demo data cache: a set read back is the set generated (its live stream included), and any change of what
 * the set is made from (options, generator sources) or a damaged file makes it generate again.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../../../cli/lib/project';
import { demoDataKey, generatorSources, loadDemoData } from '../demoCache';
import { generateDemoData, type DemoData } from '../demoData';

const ROOT = findProjectRoot(__dirname);
const OPTIONS = { today: '2026-11-22', logEntries: 400 };

function withoutSimulator(data: DemoData): Omit<DemoData, 'simulateCall'> {
    const { simulateCall: _simulator, ...rest } = data;
    return rest;
}

describe('demo data cache', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-demo-cache-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads back the generated set, and the live stream goes on as the generated one would', () => {
        const first = loadDemoData(ROOT, dir, OPTIONS);
        const second = loadDemoData(ROOT, dir, OPTIONS);
        const generated = generateDemoData(OPTIONS);
        expect(first.cached).toBe(false);
        expect(second.cached).toBe(true);
        expect(withoutSimulator(second.data)).toEqual(withoutSimulator(generated));
        const at = Date.parse('2026-11-22T09:00:00Z');
        for (let step = 0; step < 5; step++) {
            expect(second.data.simulateCall(at + step * 1000)).toEqual(generated.simulateCall(at + step * 1000));
        }
        expect(second.data.log).toHaveLength(405);
        expect(second.data.log[404].previousHash).toBe(second.data.log[403].entryHash);
    });

    it('generates again for other options and keeps only the newest set', () => {
        const first = loadDemoData(ROOT, dir, OPTIONS);
        const other = loadDemoData(ROOT, dir, { ...OPTIONS, today: '2026-11-23' });
        expect(other.cached).toBe(false);
        expect(other.file).not.toBe(first.file);
        expect(readdirSync(dir)).toEqual([other.file.slice(dir.length + 1)]);
        expect(other.data.log[0].loggedAt >= '2026-08-26').toBe(true);
    });

    it('generates again when the cached file is damaged', () => {
        const first = loadDemoData(ROOT, dir, OPTIONS);
        writeFileSync(first.file, 'not a serialised data set');
        const again = loadDemoData(ROOT, dir, OPTIONS);
        expect(again.cached).toBe(false);
        expect(again.data.log).toHaveLength(400);
    });

    it('keys the set by the text of every module the generator is made of', () => {
        const sources = generatorSources(ROOT).map((file) => file.slice(ROOT.length + 1));
        expect(sources).toEqual(
            expect.arrayContaining([
                'scripts/dev/preview/demoData.ts',
                'scripts/dev/preview/demoCalls.ts',
                'scripts/dev/preview/demoGovernance.ts',
                'force-app/main/gate/lwc/gatePolicy/gatePolicy.ts',
                'force-app/main/gate/lwc/phiRedactor/phiRedactor.ts'
            ])
        );
        const full = { seed: 1, ...OPTIONS };
        expect(demoDataKey(ROOT, full)).toBe(demoDataKey(ROOT, { ...full }));
        expect(demoDataKey(ROOT, full)).not.toBe(demoDataKey(ROOT, { ...full, seed: 2 }));
    });
});
