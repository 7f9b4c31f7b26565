// Generated from changeHistory.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api } from "lwc";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import { formatDateTime, formatValue } from "c/consoleUtils";
import { ACTION_LABELS, FIELD_LABELS, valueLabel } from "c/consoleLabels";
import TITLE from "@salesforce/label/c.HistoryTitle";
import EMPTY from "@salesforce/label/c.HistoryEmpty";
import WHEN from "@salesforce/label/c.HistoryColWhen";
import WHO from "@salesforce/label/c.HistoryColWho";
import WHAT from "@salesforce/label/c.HistoryColWhat";
import CHANGE from "@salesforce/label/c.HistoryColChange";
import WHY from "@salesforce/label/c.HistoryColWhy";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
function changeValue(field, value) {
  return value && ISO_DATE.test(value) ? formatValue(value, LOCALE, TIME_ZONE) : valueLabel(value, field);
}
export default class ChangeHistory extends LightningElement {
  labels = { title: TITLE, empty: EMPTY, when: WHEN, who: WHO, what: WHAT, change: CHANGE, why: WHY };
  @api changes = [];
  get hasRows() {
    return (this.changes ?? []).length > 0;
  }
  get rows() {
    return (this.changes ?? []).map((change) => ({
      ...change,
      when: formatDateTime(change.changedAt, LOCALE, TIME_ZONE),
      actionLabel: ACTION_LABELS[change.action] ?? change.action,
      fieldLabel: change.field ? FIELD_LABELS[change.field] ?? change.field : "",
      change: change.fromValue === null ? changeValue(change.field, change.toValue) : `${changeValue(change.field, change.fromValue)} → ${changeValue(change.field, change.toValue)}`,
      reason: change.reason ?? ""
    }));
  }
}
