// Generated from encryptionPosture.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement } from "lwc";
import LOCALE from "@salesforce/i18n/locale";
import getEncryptionPosture from "@salesforce/apex/WardenEncryptionController.getEncryptionPosture";
import { formatLabel, formatNumber, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.EncryptionTitle";
import SHIELD from "@salesforce/label/c.EncryptionShield";
import NO_SHIELD from "@salesforce/label/c.EncryptionNoShield";
import SUMMARY from "@salesforce/label/c.EncryptionSummary";
import ALL_ENCRYPTED from "@salesforce/label/c.EncryptionAllEncrypted";
import COL_FIELD from "@salesforce/label/c.EncryptionColField";
import COL_SOURCE from "@salesforce/label/c.EncryptionColSource";
import COL_TYPE from "@salesforce/label/c.EncryptionColType";
import COL_ACTION from "@salesforce/label/c.EncryptionColAction";
import SOURCE_WARDEN from "@salesforce/label/c.EncryptionSourceWarden";
import SOURCE_TAGGED from "@salesforce/label/c.EncryptionSourceTagged";
import ACTION_DEPLOY from "@salesforce/label/c.EncryptionActionDeploy";
import ACTION_LICENCE from "@salesforce/label/c.EncryptionActionLicence";
import ACTION_CANNOT from "@salesforce/label/c.EncryptionActionCannot";
import TAGS_UNREAD from "@salesforce/label/c.EncryptionTagsUnread";
import CHECKED from "@salesforce/label/c.EncryptionChecked";
import GUIDANCE from "@salesforce/label/c.EncryptionGuidance";
import LIMITS from "@salesforce/label/c.EncryptionLimits";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
export function unencryptedRows(posture) {
  return posture.fields.filter((field) => !field.encrypted).map((field) => ({
    key: `${field.objectName}.${field.fieldName}`,
    name: `${field.objectName}.${field.fieldName}`,
    label: field.label,
    source: field.source === "Warden" ? SOURCE_WARDEN : formatLabel(SOURCE_TAGGED, field.tags ?? ""),
    type: field.type,
    action: !field.encryptable ? formatLabel(ACTION_CANNOT, field.type) : posture.shieldLicensed ? ACTION_DEPLOY : ACTION_LICENCE,
    actionable: field.encryptable
  })).sort((a, b) => Number(b.actionable) - Number(a.actionable));
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
  posture;
  errorMessage;
  connectedCallback() {
    this.load();
  }
  async load() {
    try {
      this.posture = await getEncryptionPosture();
      this.errorMessage = void 0;
    } catch (error) {
      this.posture = void 0;
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    }
  }
  get isLoading() {
    return !this.posture && !this.errorMessage;
  }
  get licenceText() {
    return this.posture?.shieldLicensed ? SHIELD : NO_SHIELD;
  }
  get licenceClass() {
    return this.posture?.shieldLicensed ? "" : "slds-text-color_error";
  }
  get rows() {
    return this.posture ? unencryptedRows(this.posture) : [];
  }
  get hasRows() {
    return this.rows.length > 0;
  }
  get summary() {
    const posture = this.posture;
    if (!posture) {
      return "";
    }
    const total = formatNumber(posture.fields.length, LOCALE);
    return this.hasRows ? formatLabel(SUMMARY, formatNumber(this.rows.length, LOCALE), total) : formatLabel(ALL_ENCRYPTED, total);
  }
  get tagsUnread() {
    return this.posture?.tagsRead === false;
  }
  get checkedText() {
    const objects = this.posture?.objectsChecked ?? [];
    return objects.length > 0 ? formatLabel(CHECKED, objects.join(", ")) : "";
  }
}
