/**
 * The `encryption` step of `warden deploy`: Shield Platform Encryption for patient data at rest. It finds out
 * whether the org has the licence (the "Manage Encryption Keys" permission exists only then), whether the
 * running user holds that permission and whether an active data key exists, and plans an encryption scheme
 * for Warden's PHI-bearing fields and for every field the org tagged PHI (FieldDefinition.ComplianceGroup):
 * deterministic where the field must stay filterable (Warden filters or groups on it, or it is an external
 * id or unique), probabilistic otherwise. Fields that cannot be encrypted are reported with the reason. The
 * write sets CustomField.encryptionScheme through the Metadata API; Salesforce then encrypts new values, and
 * existing data once an admin runs the background sync (docs/encryption.md).
 */
import { MetadataRecord } from '../../org/client';
import { OrgError } from '../../org/errors';
import { fetchFieldClassification } from '../../scan/org/apex-source';
import { wardenFieldName } from './namespace';
import { plan, result, Step, StepPlan } from './types';

export type Scheme = 'ProbabilisticEncryption' | 'CaseSensitiveDeterministicEncryption';

/** Warden's own fields that hold a patient identifier in the clear, and why each needs its scheme. */
export const WARDEN_PHI_FIELDS: ReadonlyArray<{ field: string; deterministic?: string }> = [
    { field: 'InferenceLog__c.RecordId__c', deterministic: 'the consent console groups on it' },
    { field: 'PatientConsent__c.SourceRecordId__c', deterministic: 'an external id' },
    { field: 'PatientConsent__c.Patient__c' }
];

/** Objects besides custom ones whose fields may be tagged PHI: the usual patient-bearing ones. */
export const PATIENT_OBJECTS = [
    'Account',
    'Contact',
    'Case',
    'Lead',
    'Individual',
    'HealthCondition',
    'ClinicalEncounter',
    'CarePlan',
    'CareObservation',
    'MedicationStatement',
    'PatientMedicalProcedure'
];

/** Field types Shield Platform Encryption can encrypt; deterministic takes only the short ones. */
const ENCRYPTABLE = new Set(['Text', 'TextArea', 'LongTextArea', 'Html', 'Email', 'Phone', 'Url', 'Date', 'DateTime']);
const NOT_DETERMINISTIC = new Set(['LongTextArea', 'Html']);

export const PHI_TAGS = new Set(['PHI', 'HIPAA']);

type Candidate = { field: string; source: 'warden' | 'org'; deterministic?: string };
type Decision = { field: string; scheme: Scheme; why: string; record: MetadataRecord };

/** The scheme a field gets, or why it cannot be encrypted. */
export function decide(
    candidate: Candidate,
    record: MetadataRecord | undefined
): { scheme: Scheme; why: string } | { cannot: string } {
    if (!record) {
        return { cannot: 'not found in the org (deploy the package first for Warden fields)' };
    }
    if (typeof record.type !== 'string') {
        return { cannot: 'the Metadata API gave no type for it' };
    }
    if (record.formula) {
        return { cannot: 'a formula field: its value is computed, encrypt the fields it reads' };
    }
    if (!ENCRYPTABLE.has(record.type)) {
        return {
            cannot:
                `type ${record.type} cannot be encrypted (text, text area, long and rich text, email, phone, URL, ` +
                'date and date/time can)'
        };
    }
    const keyed = String(record.externalId) === 'true' || String(record.unique) === 'true';
    const filtered = candidate.deterministic ?? (keyed ? 'an external id or unique field' : undefined);
    if (filtered && NOT_DETERMINISTIC.has(record.type)) {
        return {
            cannot: `must stay filterable (${filtered}) but deterministic encryption does not take ${record.type}`
        };
    }
    return filtered
        ? { scheme: 'CaseSensitiveDeterministicEncryption', why: `deterministic, case-sensitive: ${filtered}` }
        : { scheme: 'ProbabilisticEncryption', why: 'probabilistic: not filtered on' };
}

/** Whether the org has the licence, and whether the running user may manage keys. */
async function readLicence(ctx: Parameters<Step['inspect']>[0]): Promise<{ licensed: boolean; manageKeys: boolean }> {
    try {
        const rows = await ctx.client.query<{ PermissionsManageEncryptionKeys?: boolean }>(
            'SELECT PermissionsManageEncryptionKeys FROM UserPermissionAccess',
            { label: 'read the encryption permission' }
        );
        return { licensed: true, manageKeys: rows[0]?.PermissionsManageEncryptionKeys === true };
    } catch (error) {
        // The permission is a column only in orgs with Platform Encryption.
        if (error instanceof OrgError && /INVALID_FIELD|No such column/i.test(`${error.code} ${error.message}`)) {
            return { licensed: false, manageKeys: false };
        }
        throw error;
    }
}

async function activeDataKey(ctx: Parameters<Step['inspect']>[0]): Promise<boolean> {
    if (!ctx.facts.sobjects.has('TenantSecret')) return false;
    const rows = await ctx.client.query<{ Type: string }>(
        "SELECT Type, Status FROM TenantSecret WHERE Status = 'ACTIVE'",
        { label: 'list the active encryption keys' }
    );
    return rows.some((row) => row.Type === 'Data' || row.Type === 'DeterministicData');
}

async function candidates(ctx: Parameters<Step['inspect']>[0]): Promise<Candidate[]> {
    // Warden's own fields as the org names them: prefixed where the managed package is installed.
    const out: Candidate[] = WARDEN_PHI_FIELDS.map((item) => ({
        ...item,
        field: wardenFieldName(ctx.facts.sobjects, item.field),
        source: 'warden' as const
    }));
    const tagged: Candidate[] = [];
    const objects = [...ctx.facts.sobjects].filter((name) => name.endsWith('__c') || PATIENT_OBJECTS.includes(name));
    for (const row of await fetchFieldClassification(ctx.client, objects)) {
        const tags = (row.complianceGroup ?? '').split(';').map((tag) => tag.trim());
        const field = `${row.object}.${row.field}`;
        if (tags.some((tag) => PHI_TAGS.has(tag)) && !out.some((item) => item.field === field)) {
            tagged.push({ field, source: 'org' });
        }
    }
    return [...out, ...tagged.sort((a, b) => a.field.localeCompare(b.field))];
}

const schemeName = (scheme: unknown): string => (typeof scheme === 'string' && scheme !== 'None' ? scheme : 'None');

/** The plan's changes, notes and the fields to write. */
async function planFields(
    ctx: Parameters<Step['inspect']>[0]
): Promise<{ decisions: Decision[]; changes: string[]; notes: string[]; unchanged: number }> {
    const fields = await candidates(ctx);
    const records = new Map(
        (
            await ctx.client.readMetadata(
                'CustomField',
                fields.map((item) => item.field)
            )
        ).map((r) => [r.fullName, r])
    );
    const decisions: Decision[] = [];
    const changes: string[] = [];
    const notes: string[] = [];
    let unchanged = 0;
    for (const candidate of fields) {
        const record = records.get(candidate.field);
        const origin = candidate.source === 'warden' ? 'Warden' : 'tagged PHI';
        const outcome = decide(candidate, record);
        if ('cannot' in outcome) {
            notes.push(`cannot encrypt ${candidate.field} (${origin}): ${outcome.cannot}`);
            continue;
        }
        const current = schemeName(record!.encryptionScheme);
        if (current === outcome.scheme) {
            unchanged++;
            continue;
        }
        const verb = current === 'None' ? 'encrypt' : `change ${current} to`;
        changes.push(`${verb} ${candidate.field} (${origin}), ${outcome.why}`);
        decisions.push({ field: candidate.field, scheme: outcome.scheme, why: outcome.why, record: record! });
    }
    return { decisions, changes, notes, unchanged };
}

const REMEDY_DOC = 'docs/encryption.md';

export const encryptionStep: Step = {
    id: 'encryption',
    title: 'Encrypt PHI at rest (Shield Platform Encryption)',

    async inspect(ctx) {
        const { licensed, manageKeys } = await readLicence(ctx);
        const permissions = ctx.facts.user.permissions;
        if (permissions && !permissions.modifyAllData && !permissions.modifyMetadata) {
            return plan(this, 'unavailable', {
                blocker: licensed ? 'permission' : 'licence',
                reason: licensed
                    ? `${ctx.facts.user.username} may not read or change field definitions (needs Modify Metadata)`
                    : 'Shield Platform Encryption is not licensed in this org',
                remedy: `See ${REMEDY_DOC}.`
            });
        }
        const fields = await planFields(ctx);
        const unavailable = (fieldsPlan: typeof fields, extra: Partial<StepPlan>): StepPlan =>
            plan(this, 'unavailable', {
                // What would be encrypted stays visible: it is the org's unencrypted PHI.
                notes: [...fieldsPlan.changes.map((line) => `would ${line}`), ...fieldsPlan.notes],
                ...extra
            });
        if (!licensed) {
            return unavailable(fields, {
                blocker: 'licence',
                reason: 'Shield Platform Encryption is not licensed in this org',
                remedy: `Without it PHI is protected by Salesforce's default encryption of storage only; see ${REMEDY_DOC}.`
            });
        }
        if (!manageKeys) {
            return unavailable(fields, {
                blocker: 'permission',
                reason: 'the running user lacks "Manage Encryption Keys"',
                remedy: 'Run as a user with Manage Encryption Keys (and Customize Application), or skip: --skip encryption.'
            });
        }
        if (!(await activeDataKey(ctx))) {
            return unavailable(fields, {
                blocker: 'dependency',
                reason: 'no active data encryption key (tenant secret of type Data)',
                remedy: `Generate one, or upload your own (BYOK) or set up cache-only keys, in Setup > Key Management; ${REMEDY_DOC}.`
            });
        }
        const status = fields.decisions.length > 0 ? 'update' : 'unchanged';
        const done = fields.unchanged > 0 ? [`${fields.unchanged} PHI fields already encrypted as planned`] : [];
        return plan(this, status, {
            changes: fields.changes,
            notes: [...done, ...fields.notes],
            data: fields.decisions
        });
    },

    async write(ctx, current) {
        const decisions = (current.data ?? []) as Decision[];
        if (decisions.length === 0)
            return result(current, current.status === 'unavailable' ? 'unavailable' : 'unchanged');
        const records = decisions.map((decision) => ({ ...decision.record, encryptionScheme: decision.scheme }));
        const answers = await ctx.client.upsertMetadata('CustomField', records);
        const failed = answers.filter((answer) => !answer.success);
        const problems = failed.map(
            (answer) => `${answer.fullName}: ${answer.errors.map((error) => error.message).join('; ') || 'refused'}`
        );
        const details = decisions
            .filter((decision) => !failed.some((answer) => answer.fullName === decision.field))
            .map((decision) => `${decision.field}: ${decision.why}`);
        return result(current, failed.length > 0 ? 'failed' : 'updated', {
            details: [
                ...details,
                'New values are encrypted now; run the background sync for existing data (Setup > Encryption Statistics).'
            ],
            problems: [...current.problems, ...problems]
        });
    }
};
