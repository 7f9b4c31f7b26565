/**
 * The key panel of the posture screen: whether the gate has its pseudonymization keys (without them it blocks every
 * call that must pseudonymize, KEY_NOT_CONFIGURED), which version is active and since when, and for a Warden admin
 * the action that creates or rotates them with a reason (WardenKeyController.rotateKeys; the Apex checks the
 * WardenManageKeys permission and records the rotation in the change history). No key material ever reaches the page.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getKeyStatus from '@salesforce/apex/WardenKeyController.getKeyStatus';
import rotateKeys from '@salesforce/apex/WardenKeyController.rotateKeys';
import type { KeyStatus } from 'c/consoleContracts';
import { formatDateTime, formatLabel, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.KeysTitle';
import CONFIGURED from '@salesforce/label/c.KeysConfigured';
import MISSING from '@salesforce/label/c.KeysMissing';
import HELP from '@salesforce/label/c.KeysHelp';
import REASON from '@salesforce/label/c.KeysReason';
import REASON_REQUIRED from '@salesforce/label/c.KeysReasonRequired';
import CREATE from '@salesforce/label/c.KeysCreate';
import ROTATE from '@salesforce/label/c.KeysRotate';
import ROTATED from '@salesforce/label/c.KeysRotated';
import LOADING from '@salesforce/label/c.ConsoleLoading';
import ERROR_TITLE from '@salesforce/label/c.ConsoleErrorTitle';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

export default class KeyringPanel extends LightningElement {
    labels = { title: TITLE, missing: MISSING, help: HELP, reason: REASON, loading: LOADING, errorTitle: ERROR_TITLE };

    status: KeyStatus | undefined;
    errorMessage: string | undefined;
    reason = '';
    busy = false;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        try {
            this.status = (await getKeyStatus()) as KeyStatus;
            this.errorMessage = undefined;
        } catch (error) {
            this.status = undefined;
            this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
        }
    }

    get isLoading(): boolean {
        return !this.status && !this.errorMessage;
    }

    get statusText(): string {
        const status = this.status;
        if (!status?.configured) {
            return '';
        }
        return formatLabel(
            CONFIGURED,
            status.activeVersion,
            formatDateTime(status.activeSince, LOCALE, TIME_ZONE),
            status.versions
        );
    }

    get actionLabel(): string {
        return this.status?.configured ? ROTATE : CREATE;
    }

    get actionDisabled(): boolean {
        return this.busy || this.reason.trim() === '';
    }

    handleReason(event: CustomEvent<{ value: string }>): void {
        this.reason = event.detail.value ?? '';
    }

    async handleRotate(): Promise<void> {
        if (this.reason.trim() === '') {
            this.toast(ERROR_TITLE, REASON_REQUIRED, 'error');
            return;
        }
        this.busy = true;
        try {
            const status = (await rotateKeys({ reason: this.reason.trim() })) as KeyStatus;
            this.status = status;
            this.reason = '';
            this.toast(TITLE, formatLabel(ROTATED, status.activeVersion), 'success');
        } catch (error) {
            this.toast(ERROR_TITLE, readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, 'error');
        } finally {
            this.busy = false;
        }
    }

    private toast(title: string, message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
