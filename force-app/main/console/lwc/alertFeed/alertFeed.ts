/**
 * The posture screen's alert feed: the ComplianceAlert__e alerts of the last 24 hours, rebuilt by
 * WardenAlertController.recentAlerts from the findings they raised, then every new alert as it arrives through
 * lightning/empApi, newest first (docs/alerts.md). A blocked-call burst has no finding and shows only live.
 * The channel's name comes from the server, so a packaged org's namespace is right.
 */
import { LightningElement } from 'lwc';
import { subscribe, unsubscribe, onError, type EmpSubscription } from 'lightning/empApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import recentAlerts from '@salesforce/apex/WardenAlertController.recentAlerts';
import type { AlertFeed as Feed, AlertRow, Severity } from 'c/consoleContracts';
import { formatDateTime, readableError } from 'c/consoleUtils';
import TITLE from '@salesforce/label/c.AlertFeedTitle';
import EMPTY from '@salesforce/label/c.AlertFeedEmpty';
import LIVE from '@salesforce/label/c.AlertFeedLive';
import OFFLINE from '@salesforce/label/c.AlertFeedOffline';
import OPEN from '@salesforce/label/c.AlertFeedOpen';
import ERROR from '@salesforce/label/c.AlertFeedError';
import NEED_PERMISSION from '@salesforce/label/c.ConsoleNeedPermission';
import GENERIC_ERROR from '@salesforce/label/c.ConsoleGenericError';

/** Alerts kept on screen: a burst must not grow the page without end. */
export const MAX_ALERTS = 50;
const SEVERITIES: ReadonlyArray<string> = ['Critical', 'High', 'Medium', 'Low', 'Info'];

type EmpMessage = { data?: { event?: { replayId?: number }; payload?: Record<string, unknown> } };

/** The payload's value of a field, with or without the managed namespace prefix (warden__Severity__c). */
function field(payload: Record<string, unknown>, name: string): unknown {
    if (name in payload) {
        return payload[name];
    }
    const key = Object.keys(payload).find((candidate) => candidate.endsWith(`__${name}`));
    return key === undefined ? undefined : payload[key];
}

/** An alert row from a ComplianceAlert__e message; null when it is not one (no message or no severity). */
export function alertFromMessage(message: EmpMessage, receivedAt: Date): AlertRow | null {
    const payload = message?.data?.payload;
    if (!payload) {
        return null;
    }
    const text = field(payload, 'Message__c');
    const severity = field(payload, 'Severity__c');
    if (typeof text !== 'string' || typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
        return null;
    }
    const recordId = field(payload, 'RecordId__c');
    const created = field(payload, 'CreatedDate');
    return {
        key: `live-${message.data?.event?.replayId ?? receivedAt.getTime()}`,
        severity: severity as Severity,
        category: String(field(payload, 'Category__c') ?? ''),
        message: text,
        recordId: typeof recordId === 'string' && recordId !== '' ? recordId : null,
        raisedAt: typeof created === 'string' ? created : receivedAt.toISOString()
    };
}

export default class AlertFeed extends LightningElement {
    labels = { title: TITLE, empty: EMPTY, live: LIVE, offline: OFFLINE, open: OPEN, errorTitle: ERROR };

    alerts: AlertRow[] = [];
    errorMessage = '';
    offline = false;
    isLive = false;
    private subscription: EmpSubscription | undefined;
    private connected = false;

    override connectedCallback(): void {
        this.connected = true;
        onError(() => {
            this.subscription = undefined;
            this.isLive = false;
            this.offline = true;
        });
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        if (this.subscription) {
            unsubscribe(this.subscription, () => undefined);
            this.subscription = undefined;
        }
        this.isLive = false;
    }

    load(): void {
        recentAlerts()
            .then((result: unknown) => {
                const feed = result as Feed;
                // Live alerts that arrived while loading stay on top.
                this.alerts = [...this.alerts, ...(feed.alerts ?? [])].slice(0, MAX_ALERTS);
                this.listen(feed.channel);
            })
            .catch((error: unknown) => {
                this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
            });
    }

    private listen(channel: string): void {
        if (!channel || !this.connected || this.subscription) {
            return;
        }
        subscribe(channel, -1, (message: EmpMessage) => this.handleMessage(message))
            .then((subscription) => {
                if (!this.connected) {
                    unsubscribe(subscription, () => undefined);
                    return;
                }
                this.subscription = subscription;
                this.isLive = true;
                this.offline = false;
            })
            .catch(() => {
                this.offline = true;
            });
    }

    handleMessage(message: EmpMessage): void {
        const alert = alertFromMessage(message, new Date());
        if (!alert || this.alerts.some((known) => known.key === alert.key)) {
            return;
        }
        this.alerts = [alert, ...this.alerts].slice(0, MAX_ALERTS);
    }

    get hasAlerts(): boolean {
        return this.alerts.length > 0;
    }

    get rows() {
        return this.alerts.map((alert) => ({
            ...alert,
            when: formatDateTime(alert.raisedAt, LOCALE, TIME_ZONE),
            badgeClass: `slds-badge severity_${alert.severity}`,
            live: alert.key.startsWith('live-'),
            href: alert.recordId ? `/lightning/r/${alert.recordId}/view` : null
        }));
    }
}
