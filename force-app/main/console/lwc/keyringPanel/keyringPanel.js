// Generated from keyringPanel.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import getKeyStatus from "@salesforce/apex/WardenKeyController.getKeyStatus";
import rotateKeys from "@salesforce/apex/WardenKeyController.rotateKeys";
import { formatDateTime, formatLabel, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.KeysTitle";
import CONFIGURED from "@salesforce/label/c.KeysConfigured";
import MISSING from "@salesforce/label/c.KeysMissing";
import HELP from "@salesforce/label/c.KeysHelp";
import REASON from "@salesforce/label/c.KeysReason";
import REASON_REQUIRED from "@salesforce/label/c.KeysReasonRequired";
import CREATE from "@salesforce/label/c.KeysCreate";
import ROTATE from "@salesforce/label/c.KeysRotate";
import ROTATED from "@salesforce/label/c.KeysRotated";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
export default class KeyringPanel extends LightningElement {
  labels = { title: TITLE, missing: MISSING, help: HELP, reason: REASON, loading: LOADING, errorTitle: ERROR_TITLE };
  status;
  errorMessage;
  reason = "";
  busy = false;
  connectedCallback() {
    this.load();
  }
  async load() {
    try {
      this.status = await getKeyStatus();
      this.errorMessage = void 0;
    } catch (error) {
      this.status = void 0;
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  get isLoading() {
    return !this.status && !this.errorMessage;
  }
  get statusText() {
    const status = this.status;
    if (!status?.configured) {
      return "";
    }
    return formatLabel(
      CONFIGURED,
      status.activeVersion,
      formatDateTime(status.activeSince, LOCALE, TIME_ZONE),
      status.versions
    );
  }
  get actionLabel() {
    return this.status?.configured ? ROTATE : CREATE;
  }
  get actionDisabled() {
    return this.busy || this.reason.trim() === "";
  }
  handleReason(event) {
    this.reason = event.detail.value ?? "";
  }
  async handleRotate() {
    if (this.reason.trim() === "") {
      this.toast(ERROR_TITLE, REASON_REQUIRED, "error");
      return;
    }
    this.busy = true;
    try {
      const status = await rotateKeys({ reason: this.reason.trim() });
      this.status = status;
      this.reason = "";
      this.toast(TITLE, formatLabel(ROTATED, status.activeVersion), "success");
    } catch (error) {
      this.toast(ERROR_TITLE, readableError(error, NEED_PERMISSION, GENERIC_ERROR).message, "error");
    } finally {
      this.busy = false;
    }
  }
  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
