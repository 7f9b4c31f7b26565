/**
 * The gate's snapshot (c/gatePolicy's GateSnapshot) of one demo patient, endpoint and purpose, built from the demo
 * data the way GateInputs builds it in the org: the Contact's tagged fields as the request, the patient's values
 * and country, the tags, the endpoint's approved flows for the purpose, the patient's consents, the rules. The
 * preview's simulator controller serves it, so the console evaluates it with c/gatePolicy as it does in an org.
 */
import type {
    EndpointRow,
    JurisdictionRuleRow
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import type { GateSnapshot, JurisdictionRule } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import type { DemoData, DemoPatient } from './demoData';

/** The demo has jurisdictions, not addresses: one country each, as the jurisdiction field path would hold it. */
export const DEMO_COUNTRY: Readonly<Record<string, string>> = { EU: 'DE', UK: 'GB', CH: 'CH', US: 'US', CA: 'CA' };

/** A console jurisdiction rule as the gate's snapshot holds it. */
export function ruleOf(row: JurisdictionRuleRow): JurisdictionRule {
    return {
        jurisdiction: row.jurisdiction,
        countries: DEMO_COUNTRY[row.jurisdiction] ?? null,
        allowedRegions: row.allowedRegions.join(';'),
        allowedHostings: row.allowedHostings.join(';'),
        requiresDpa: row.requiresDpa,
        requiresZeroRetention: row.requiresZeroRetention
    };
}

/** The patient's PHI values by Contact field name, as the gate reads them. */
export function patientValues(patient: DemoPatient): Record<string, string> {
    return {
        FirstName: patient.name.split(' ')[0],
        LastName: patient.name.split(' ').slice(1).join(' '),
        Birthdate: patient.birthdate,
        MailingCity: patient.city,
        Email: patient.email,
        Phone: patient.phone
    };
}

/** The snapshot, in Enforce at noon of the demo's today, without free text and without a key. */
export function demoSnapshot(
    data: DemoData,
    patient: DemoPatient,
    endpoint: EndpointRow,
    purpose: string
): GateSnapshot {
    const values = patientValues(patient);
    const tags = data.tags.filter((tag) => tag.objectApiName === 'Contact');
    const flows = data.flows.filter(
        (flow) => flow.status === 'Approved' && flow.endpointId === endpoint.id && flow.purpose === purpose
    );
    const mapped = new Set(flows.map((flow) => `${flow.sourceObject}.${flow.sourceField}`));
    const phiCategories: Record<string, string> = {};
    for (const tag of tags) {
        if (tag.phiCategory) {
            phiCategories[tag.fieldApiName] = tag.phiCategory;
        }
    }
    return {
        mode: 'Enforce',
        now: `${data.today}T12:00:00.000Z`,
        request: {
            endpointKey: endpoint.endpointKey,
            purpose,
            fields: tags.map((tag) => `Contact.${tag.fieldApiName}`),
            freeText: null,
            redactionMode: 'Redact',
            objects: ['Contact']
        },
        patient: {
            present: true,
            country: DEMO_COUNTRY[patient.jurisdiction] ?? null,
            phiValues: values,
            phiCategories
        },
        values: tags
            .filter((tag) => mapped.has(`Contact.${tag.fieldApiName}`))
            .map((tag) => ({
                field: `Contact.${tag.fieldApiName}`,
                value: values[tag.fieldApiName] ?? null,
                textArea: false
            })),
        tags: tags.map((tag) => ({
            objectName: 'Contact',
            field: tag.fieldApiName,
            classification: tag.classification,
            phiCategory: tag.phiCategory,
            allowedRegions: null,
            jurisdictions: null,
            minimization: tag.minimization,
            requiresConsentPurpose: null
        })),
        flows: flows.map((flow) => ({
            objectName: flow.sourceObject,
            field: flow.sourceField,
            endpoint: endpoint.endpointKey,
            purpose,
            minimization: flow.minimization,
            status: 'Approved'
        })),
        consents: data.consents
            .filter((row) => row.patientId === patient.id && row.purpose === purpose)
            .map((row) => ({
                source: 'PatientConsent',
                purpose: row.purpose,
                status: row.status,
                effectiveFrom: row.effectiveFrom,
                effectiveTo: row.effectiveTo
            })),
        endpoint: {
            key: endpoint.endpointKey,
            status: endpoint.status,
            jurisdiction: endpoint.jurisdiction,
            hosting: endpoint.hosting,
            dpaSigned: endpoint.dpaSigned,
            dpaExpires: endpoint.dpaExpires,
            zeroRetention: endpoint.zeroRetention
        },
        rules: data.rules.map(ruleOf),
        pseudonymKeyHex: null
    };
}
