/**
 * Step: sign chain checkpoints by default. Names (checkpointSigning.certificate) or creates (the default
 * WardenCheckpointSigning, self-signed, 4096-bit, private key not exportable) the certificate that
 * ChainCheckpointService signs with, and points the org default of WardenSettings__c at it. Unsigned
 * checkpoints are an explicit opt-out (checkpointSigning.unsigned), recorded in the setting so the org
 * knows it was chosen, and reported on every run: without a signature an admin can recompute the log and
 * its checkpoints together (docs/audit-format.md, "Checkpoints").
 */
import { MetadataRecord } from '../../org/client';
import { toOrgError } from '../../org/errors';
import { soqlString } from '../facts';
import { WARDEN_NAMESPACE, wardenPrefix } from './namespace';
import { DeployContext, Phase, plan, result, Step, StepPlan } from './types';

/** The certificate warden deploy creates when the config names none. */
export const DEFAULT_CERTIFICATE = 'WardenCheckpointSigning';
export const SETTINGS_OBJECT = 'WardenSettings__c';
/** A certificate this close to expiry is reported: a checkpoint cannot be signed with an expired one. */
const EXPIRY_WARNING_DAYS = 30;

export const UNSIGNED_NOTE =
    'checkpoints will NOT be signed (checkpointSigning.unsigned is true in warden.deploy.json): anyone with admin ' +
    'rights can rewrite the log and its checkpoints together; only checkpoints pulled out of the org ' +
    '(warden checkpoints pull) bound that';

type SettingsRow = { Id: string; SigningCertificate__c: string | null; UnsignedCheckpoints__c: boolean | null };

/** The prefix the org knows the setting's names by (namespace.ts). */
function prefix(ctx: DeployContext): string {
    return wardenPrefix(ctx.facts.sobjects, SETTINGS_OBJECT);
}

/** A row read with the org's names, as the local names the step compares. */
function localRow(row: Record<string, unknown>, ns: string): SettingsRow {
    return {
        Id: String(row.Id),
        SigningCertificate__c: (row[`${ns}SigningCertificate__c`] as string | null) ?? null,
        UnsignedCheckpoints__c: (row[`${ns}UnsignedCheckpoints__c`] as boolean | null) ?? null
    };
}

type Desired = {
    certificate: string | null;
    createCertificate: boolean;
    settings?: SettingsRow;
};

function settingsAvailable(ctx: DeployContext, phase: Phase): boolean {
    if (ctx.facts.sobjects.has(SETTINGS_OBJECT) || ctx.facts.sobjects.has(WARDEN_NAMESPACE + SETTINGS_OBJECT))
        return true;
    if (phase === 'apply' || ctx.skipped.has('package') || ctx.options.checkOnly) return false;
    return ctx.source.components.some((c) => c.type === 'CustomObject' && c.fullName === SETTINGS_OBJECT);
}

async function readSettings(ctx: DeployContext): Promise<SettingsRow | undefined> {
    const ns = prefix(ctx);
    if (!ctx.facts.sobjects.has(ns + SETTINGS_OBJECT)) return undefined;
    const rows = await ctx.client.query<Record<string, unknown>>(
        `SELECT Id, ${ns}SigningCertificate__c, ${ns}UnsignedCheckpoints__c FROM ${ns}${SETTINGS_OBJECT} WHERE SetupOwnerId = ${soqlString(ctx.facts.org.id)}`,
        { label: 'read the org default of WardenSettings__c' }
    );
    return rows[0] ? localRow(rows[0], ns) : undefined;
}

function settingsMatch(row: SettingsRow | undefined, certificate: string | null): boolean {
    if (!row) return false;
    return (row.SigningCertificate__c || null) === certificate && Boolean(row.UnsignedCheckpoints__c) === !certificate;
}

function expiryNote(record: MetadataRecord, now: Date): string | undefined {
    const expires = typeof record.expirationDate === 'string' ? Date.parse(record.expirationDate) : NaN;
    if (Number.isNaN(expires)) return undefined;
    const days = Math.floor((expires - now.getTime()) / 86400000);
    if (days > EXPIRY_WARNING_DAYS) return undefined;
    return days < 0
        ? `certificate ${record.fullName} expired on ${record.expirationDate}: checkpoints cannot be signed until it is renewed`
        : `certificate ${record.fullName} expires in ${days} day(s) (${record.expirationDate}): renew it in Setup > Certificate and Key Management`;
}

export const checkpointSigningStep: Step = {
    id: 'checkpoint-signing',
    title: 'Sign chain checkpoints',

    async inspect(ctx, phase) {
        const { certificate: named, unsigned } = ctx.config.checkpointSigning;
        if (!settingsAvailable(ctx, phase)) {
            return plan(this, 'unavailable', {
                blocker: 'dependency',
                reason: `the custom setting ${SETTINGS_OBJECT} is not in the org`,
                remedy: 'Deploy the Warden package first (run without --skip package), then re-run.'
            });
        }
        const notes = unsigned ? [UNSIGNED_NOTE] : [];
        const certificate = unsigned ? null : (named ?? DEFAULT_CERTIFICATE);
        let createCertificate = false;
        const changes: string[] = [];
        try {
            if (certificate) {
                const found = (await ctx.client.readMetadata('Certificate', [certificate]))[0];
                if (!found && named) {
                    return plan(this, 'unavailable', {
                        blocker: 'config',
                        reason: `checkpointSigning.certificate names ${named}, which is not a certificate in this org`,
                        remedy:
                            'Create it in Setup > Certificate and Key Management, or leave checkpointSigning.certificate ' +
                            `out so that warden deploy creates ${DEFAULT_CERTIFICATE}.`
                    });
                }
                if (found) {
                    const note = expiryNote(found, ctx.now());
                    if (note) notes.push(note);
                } else {
                    createCertificate = true;
                    changes.push(
                        `create the self-signed certificate ${certificate} (4096-bit, private key not exportable)`
                    );
                }
            }
        } catch (thrown) {
            const error = toOrgError(thrown, this.title, ctx.client.secrets());
            if (error.kind === 'metadata-access' || error.kind === 'access') {
                return plan(this, 'unavailable', {
                    blocker: 'permission',
                    reason: error.message,
                    remedy: error.remedy
                });
            }
            throw error;
        }
        const settings = await readSettings(ctx);
        if (!settingsMatch(settings, certificate)) {
            changes.push(
                certificate
                    ? `sign checkpoints with ${certificate} (WardenSettings__c.SigningCertificate__c, org default)`
                    : 'record the opt-out: checkpoints unsigned (WardenSettings__c.UnsignedCheckpoints__c, org default)'
            );
        }
        if (changes.length === 0) {
            return plan(this, 'unchanged', {
                reason: certificate ? `checkpoints signed with ${certificate}` : 'checkpoints unsigned (opt-out)',
                notes
            });
        }
        const data: Desired = { certificate, createCertificate, settings };
        return plan(this, createCertificate || !settings ? 'create' : 'update', { changes, notes, data });
    },

    async write(ctx, stepPlan: StepPlan) {
        const desired = stepPlan.data as Desired;
        const problems: string[] = [];
        if (desired.createCertificate && desired.certificate) {
            const [saved] = await ctx.client.upsertMetadata('Certificate', [
                {
                    fullName: desired.certificate,
                    masterLabel: 'Warden checkpoint signing',
                    caSigned: false,
                    keySize: 4096,
                    privateKeyExportable: false
                }
            ]);
            if (!saved.success) {
                problems.push(
                    `${desired.certificate}: ${saved.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`
                );
                return result(stepPlan, 'failed', {
                    problems: [...stepPlan.problems, ...problems],
                    reason: `the certificate ${desired.certificate} could not be created`,
                    remedy: 'Create a self-signed certificate in Setup > Certificate and Key Management and name it in checkpointSigning.certificate.'
                });
            }
        }
        const ns = prefix(ctx);
        const object = ns + SETTINGS_OBJECT;
        const fields = {
            [`${ns}SigningCertificate__c`]: desired.certificate,
            [`${ns}UnsignedCheckpoints__c`]: desired.certificate === null
        };
        // Read again right before writing: the record may have been created since the plan.
        const current = await readSettings(ctx);
        if (!settingsMatch(current, desired.certificate)) {
            const [saved] = current
                ? await ctx.client.updateRecords(object, [{ Id: current.Id, ...fields }])
                : await ctx.client.createRecords(object, [{ SetupOwnerId: ctx.facts.org.id, ...fields }]);
            if (!saved.success) {
                return result(stepPlan, 'failed', {
                    problems: [
                        ...stepPlan.problems,
                        `${object}: ${saved.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`
                    ],
                    reason: 'the signing setting could not be saved',
                    remedy: `Set SigningCertificate__c on the org default of ${object} in Setup > Custom Settings.`
                });
            }
        }
        return result(stepPlan, stepPlan.status === 'create' ? 'created' : 'updated', { details: stepPlan.changes });
    }
};
