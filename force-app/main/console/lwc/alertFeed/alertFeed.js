// Generated from alertFeed.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement } from "lwc";
import { subscribe, unsubscribe, onError } from "lightning/empApi";
import LOCALE from "@salesforce/i18n/locale";
import TIME_ZONE from "@salesforce/i18n/timeZone";
import recentAlerts from "@salesforce/apex/WardenAlertController.recentAlerts";
import { formatDateTime, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.AlertFeedTitle";
import EMPTY from "@salesforce/label/c.AlertFeedEmpty";
import LIVE from "@salesforce/label/c.AlertFeedLive";
import OFFLINE from "@salesforce/label/c.AlertFeedOffline";
import OPEN from "@salesforce/label/c.AlertFeedOpen";
import ERROR from "@salesforce/label/c.AlertFeedError";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
export const MAX_ALERTS = 50;
const SEVERITIES = ["Critical", "High", "Medium", "Low", "Info"];
function field(payload, name) {
  if (name in payload) {
    return payload[name];
  }
  const key = Object.keys(payload).find((candidate) => candidate.endsWith(`__${name}`));
  return key === void 0 ? void 0 : payload[key];
}
export function alertFromMessage(message, receivedAt) {
  const payload = message?.data?.payload;
  if (!payload) {
    return null;
  }
  const text = field(payload, "Message__c");
  const severity = field(payload, "Severity__c");
  if (typeof text !== "string" || typeof severity !== "string" || !SEVERITIES.includes(severity)) {
    return null;
  }
  const recordId = field(payload, "RecordId__c");
  const created = field(payload, "CreatedDate");
  return {
    key: `live-${message.data?.event?.replayId ?? receivedAt.getTime()}`,
    severity,
    category: String(field(payload, "Category__c") ?? ""),
    message: text,
    recordId: typeof recordId === "string" && recordId !== "" ? recordId : null,
    raisedAt: typeof created === "string" ? created : receivedAt.toISOString()
  };
}
export default class AlertFeed extends LightningElement {
  labels = { title: TITLE, empty: EMPTY, live: LIVE, offline: OFFLINE, open: OPEN, errorTitle: ERROR };
  alerts = [];
  errorMessage = "";
  offline = false;
  isLive = false;
  subscription;
  connected = false;
  connectedCallback() {
    this.connected = true;
    onError(() => {
      this.subscription = void 0;
      this.isLive = false;
      this.offline = true;
    });
    this.load();
  }
  disconnectedCallback() {
    this.connected = false;
    if (this.subscription) {
      unsubscribe(this.subscription, () => void 0);
      this.subscription = void 0;
    }
    this.isLive = false;
  }
  load() {
    recentAlerts().then((result) => {
      const feed = result;
      this.alerts = [...this.alerts, ...feed.alerts ?? []].slice(0, MAX_ALERTS);
      this.listen(feed.channel);
    }).catch((error) => {
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
    });
  }
  listen(channel) {
    if (!channel || !this.connected || this.subscription) {
      return;
    }
    subscribe(channel, -1, (message) => this.handleMessage(message)).then((subscription) => {
      if (!this.connected) {
        unsubscribe(subscription, () => void 0);
        return;
      }
      this.subscription = subscription;
      this.isLive = true;
      this.offline = false;
    }).catch(() => {
      this.offline = true;
    });
  }
  handleMessage(message) {
    const alert = alertFromMessage(message, /* @__PURE__ */ new Date());
    if (!alert || this.alerts.some((known) => known.key === alert.key)) {
      return;
    }
    this.alerts = [alert, ...this.alerts].slice(0, MAX_ALERTS);
  }
  get hasAlerts() {
    return this.alerts.length > 0;
  }
  get rows() {
    return this.alerts.map((alert) => ({
      ...alert,
      when: formatDateTime(alert.raisedAt, LOCALE, TIME_ZONE),
      badgeClass: `slds-badge severity_${alert.severity}`,
      live: alert.key.startsWith("live-"),
      href: alert.recordId ? `/lightning/r/${alert.recordId}/view` : null
    }));
  }
}
