/**
 * The preview's policy simulator controller: the demo patients, and the context the simulator runs the shared
 * redactor and gate checks on (fields with their tags and flows, the jurisdiction rule, the consent, the patterns).
 */
import { PURPOSES, type EndpointRow } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
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
            const values: Record<string, string> = {
                FirstName: patient.name.split(' ')[0],
                LastName: patient.name.split(' ').slice(1).join(' '),
                Birthdate: patient.birthdate,
                MailingCity: patient.city,
                Email: patient.email,
                Phone: patient.phone
            };
            const consent = data.consents.find((row) => row.patientId === patient.id && row.purpose === purpose);
            return {
                recordId: patient.id,
                jurisdiction: patient.jurisdiction,
                purpose,
                endpoint,
                rule: data.rules.find((rule) => rule.jurisdiction === patient.jurisdiction) ?? null,
                consentStatus: consent ? consent.status : 'Missing',
                fields: data.tags
                    .filter((tag) => tag.objectApiName === 'Contact')
                    .map((tag) => ({
                        field: `Contact.${tag.fieldApiName}`,
                        value: values[tag.fieldApiName] ?? null,
                        classification: tag.classification,
                        phiCategory: tag.phiCategory,
                        minimization: tag.minimization,
                        mapped: data.flows.some(
                            (flow) =>
                                flow.status === 'Approved' &&
                                flow.sourceObject === 'Contact' &&
                                flow.sourceField === tag.fieldApiName &&
                                flow.endpointId === endpoint.id &&
                                flow.purpose === purpose
                        )
                    })),
                patterns: data.patterns
            };
        }
    };
}
