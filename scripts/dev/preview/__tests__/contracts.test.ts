import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROLLERS, methodNames } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { auraEnabledMethods } from '../apexContracts';
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';

const CLASSES = join(__dirname, '..', '..', '..', '..', 'force-app', 'main', 'console', 'classes');

describe('console contracts', () => {
    it.each(Object.keys(CONTROLLERS))(
        '%s declares exactly the contract methods, parameters and caching',
        (controller) => {
            const methods = auraEnabledMethods(readFileSync(join(CLASSES, `${controller}.cls`), 'utf8'));
            const expected = Object.entries(CONTROLLERS[controller]).map(([name, contract]) => ({
                name,
                params: contract.params,
                cacheable: contract.cacheable,
                isStatic: true
            }));
            const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
            expect([...methods].sort(byName)).toEqual([...expected].sort(byName));
        }
    );

    it('finds a renamed parameter', () => {
        const source = readFileSync(join(CLASSES, 'WardenLogController.cls'), 'utf8').replace(
            'getLogEntry(Id logId)',
            'getLogEntry(Id entryId)'
        );
        const method = auraEnabledMethods(source).find((candidate) => candidate.name === 'getLogEntry');
        expect(method?.params).toEqual(['entryId']);
        expect(method?.params).not.toEqual(CONTROLLERS.WardenLogController.getLogEntry.params);
    });

    it('rejects Apex that does not parse', () => {
        expect(() => auraEnabledMethods('public class Broken { @AuraEnabled public static void x( }')).toThrow(
            /syntax error/
        );
    });

    it('the preview backend answers every contract method and nothing else', () => {
        const backend = createBackend(generateDemoData({ today: '2026-11-22', logEntries: 200 }));
        expect(Object.keys(backend.handlers).sort()).toEqual(methodNames().sort());
        expect(() => backend.invoke('WardenLogController.getLogPage', { query: {}, extra: 1 })).toThrow(
            /no parameter extra/
        );
        expect(() => backend.invoke('WardenNope.x', {})).toThrow(/No such Apex method/);
    });
});
