/**
 * The encryption panel of the posture screen: the PHI-bearing fields (Warden's own, and the org's fields tagged PHI or
 * HIPAA in Compliance Categorization) that are not encrypted at rest with Shield Platform Encryption, whether the org
 * has Shield at all, and what to do: `warden deploy`'s encryption step (step 8) plans and sets the schemes
 * (docs/encryption.md). It also says what it cannot see: the key's state and the background sync of existing data.
 * All facts come from WardenEncryptionController.getEncryptionPosture (describes and FieldDefinition, user mode).
 */
import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import getEncryptionPosture from '@salesforce/apex/WardenEncryptionController.getEncryptionPosture';
import type { EncryptionPosture, PhiField } from 'c/consoleContracts';
import { formatLabel, formatNumber, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.EncryptionTitle';
import SHIELD from '@salesforce/label/c.EncryptionShield';
import NO_SHIELD from '@salesforce/label/c.EncryptionNoShield';
import SUMMARY from '@salesforce/label/c.EncryptionSummary';
import ALL_ENCRYPTED from '@salesforce/label/c.EncryptionAllEncrypted';
import COL_FIELD from '@salesforce/label/c.EncryptionColField';
import COL_SOURCE from '@salesforce/label/c.EncryptionColSource';
import COL_TYPE from '@salesforce/label/c.EncryptionColType';
import COL_ACTION from '@salesforce/label/c.EncryptionColAction';
import SOURCE_WARDEN from '@salesforce/label/c.EncryptionSourceWarden';
import SOURCE_TAGGED from '@salesforce/label/c.EncryptionSourceTagged';
import ACTION_DEPLOY from '@salesforce/label/c.EncryptionActionDeploy';
import ACTION_LICENCE from '@salesforce/label/c.EncryptionActionLicence';
import ACTION_CANNOT from '@salesforce/label/c.EncryptionActionCannot';
import TAGS_UNREAD from '@salesforce/label/c.EncryptionTagsUnread';
import CHECKED from '@salesforce/label/c.EncryptionChecked';
import GUIDANCE from '@salesforce/label/c.EncryptionGuidance';
import LIMITS from '@salesforce/label/c.EncryptionLimits';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

/** An unencrypted PHI field as the table shows it. */
export type FieldRow = {
    key: string;
    name: string;
    label: string;
    source: string;
    type: string;
    action: string;
    /** Whether `warden deploy` can encrypt it (given a licence): shown as the next step rather than a limit. */
    actionable: boolean;
};

/** The unencrypted PHI fields, Warden's own first, each with what to do about it. */
export function unencryptedRows(posture: EncryptionPosture): FieldRow[] {
    return posture.fields
        .filter((field) => !field.encrypted)
        .map((field: PhiField) => ({
            key: `${field.objectName}.${field.fieldName}`,
            name: `${field.objectName}.${field.fieldName}`,
            label: field.label,
            source: field.source === 'Warden' ? SOURCE_WARDEN : formatLabel(SOURCE_TAGGED, field.tags ?? ''),
            type: field.type,
            action: !field.encryptable
                ? formatLabel(ACTION_CANNOT, field.type)
                : posture.shieldLicensed
                  ? ACTION_DEPLOY
                  : ACTION_LICENCE,
            actionable: field.encryptable
        }))
        .sort((a, b) => Number(b.actionable) - Number(a.actionable));
}

export default class EncryptionPosturePanel extends LightningElement {
    labels = {
        title: TITLE,
        allEncrypted: ALL_ENCRYPTED,
        field: COL_FIELD,
        source: COL_SOURCE,
        type: COL_TYPE,
        action: COL_ACTION,
        tagsUnread: TAGS_UNREAD,
        guidance: GUIDANCE,
        limits: LIMITS,
        loading: LOADING,
        errorTitle: ERROR_TITLE
    };

    posture: EncryptionPosture | undefined;
    errorMessage: string | undefined;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        try {
            this.posture = (await getEncryptionPosture()) as EncryptionPosture;
            this.errorMessage = undefined;
        } catch (error) {
            this.posture = undefined;
            this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        }
    }

    get isLoading(): boolean {
        return !this.posture && !this.errorMessage;
    }

    get licenceText(): string {
        return this.posture?.shieldLicensed ? SHIELD : NO_SHIELD;
    }

    get licenceClass(): string {
        return this.posture?.shieldLicensed ? '' : 'slds-text-color_error';
    }

    get rows(): FieldRow[] {
        return this.posture ? unencryptedRows(this.posture) : [];
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get summary(): string {
        const posture = this.posture;
        if (!posture) {
            return '';
        }
        const total = formatNumber(posture.fields.length, LOCALE);
        return this.hasRows
            ? formatLabel(SUMMARY, formatNumber(this.rows.length, LOCALE), total)
            : formatLabel(ALL_ENCRYPTED, total);
    }

    get tagsUnread(): boolean {
        return this.posture?.tagsRead === false;
    }

    get checkedText(): string {
        const objects = this.posture?.objectsChecked ?? [];
        return objects.length > 0 ? formatLabel(CHECKED, objects.join(', ')) : '';
    }
}
