/**
 * The preview's policy simulator controller: the demo patients, and the gate's snapshot of one patient, endpoint
 * and purpose (demoSnapshot), which the console evaluates with c/gatePolicy as it does in an org.
 */
import { PURPOSES, type EndpointRow } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { demoSnapshot } from '../demoSnapshot';
import { ApexError, requireId, type HandlersOf, type Store } from './store';

export function simulatorHandlers(store: Store): HandlersOf<'WardenSimulatorController'> {
    const { data, endpointById } = store;
    return {
        'WardenSimulatorController.getSimulationRecords': () =>
            data.patients.slice(0, 50).map((patient) => ({
                id: patient.id,
                label: `${patient.name} (${patient.jurisdiction})`,
                jurisdiction: patient.jurisdiction
            })),

        'WardenSimulatorController.getSimulationContext': ({ recordId, endpointId, purpose }) => {
            const patient = data.patients.find((row) => row.id === requireId(recordId, 'recordId'));
            if (!patient) {
                throw new ApexError('The record does not exist or you cannot see it.');
            }
            const endpoint: EndpointRow | undefined = endpointById.get(requireId(endpointId, 'endpointId'));
            if (!endpoint) {
                throw new ApexError('The endpoint does not exist or you cannot see it.');
            }
            if (!PURPOSES.includes(purpose)) {
                throw new ApexError(`Unknown purpose ${purpose}.`);
            }
            return {
                recordId: patient.id,
                purpose,
                snapshot: demoSnapshot(data, patient, endpoint, purpose),
                // The demo org is set up: pseudonymization works (with the browser's preview key).
                pseudonymKeyConfigured: true,
                patterns: data.patterns
            };
        }
    };
}
