/**
 * The Warden Compliance console: one tab per screen. Screens ask to show another screen (for example a
 * residency violation opening the log explorer filtered to it) with a `navigate` event whose detail is
 * { tab, filters }; the console switches tab and hands the filters to the explorer.
 */
import { LightningElement, api } from 'lwc';
import TITLE from '@salesforce/label/c.ConsoleTitle';
import SUBTITLE from '@salesforce/label/c.ConsoleSubtitle';
import TAB_OVERVIEW from '@salesforce/label/c.ConsoleTabOverview';
import TAB_EXPLORER from '@salesforce/label/c.ConsoleTabExplorer';
import TAB_CONSENT from '@salesforce/label/c.ConsoleTabConsent';
import TAB_RESIDENCY from '@salesforce/label/c.ConsoleTabResidency';
import TAB_FLOWS from '@salesforce/label/c.ConsoleTabFlows';
import TAB_FINDINGS from '@salesforce/label/c.ConsoleTabFindings';
import TAB_AUDIT from '@salesforce/label/c.ConsoleTabAudit';
import TAB_SIMULATOR from '@salesforce/label/c.ConsoleTabSimulator';
import TAB_ERASURE from '@salesforce/label/c.ConsoleTabErasure';

export type ConsoleTab =
    'overview' | 'explorer' | 'consent' | 'residency' | 'flows' | 'findings' | 'audit' | 'erasure' | 'simulator';
export const TABS: ConsoleTab[] = [
    'overview',
    'explorer',
    'consent',
    'residency',
    'flows',
    'findings',
    'audit',
    'erasure',
    'simulator'
];

export default class WardenConsole extends LightningElement {
    labels = {
        title: TITLE,
        subtitle: SUBTITLE,
        overview: TAB_OVERVIEW,
        explorer: TAB_EXPLORER,
        consent: TAB_CONSENT,
        residency: TAB_RESIDENCY,
        flows: TAB_FLOWS,
        findings: TAB_FINDINGS,
        audit: TAB_AUDIT,
        erasure: TAB_ERASURE,
        simulator: TAB_SIMULATOR
    };

    activeTab: ConsoleTab = 'overview';

    /** The screen to open first (an App Builder property; the local preview sets it from ?tab=). */
    @api
    get initialTab(): string {
        return this.activeTab;
    }
    set initialTab(value: string) {
        if (TABS.includes(value as ConsoleTab)) {
            this.activeTab = value as ConsoleTab;
        }
    }
    explorerFilters: Record<string, string> | null = null;
    findingsPreset: Record<string, unknown> | null = null;

    handleActive(event: CustomEvent): void {
        const value = (event.target as HTMLElement & { value: string }).value as ConsoleTab;
        if (TABS.includes(value)) {
            this.activeTab = value;
        }
    }

    handleNavigate(
        event: CustomEvent<{ tab: ConsoleTab; filters?: Record<string, string>; findings?: Record<string, unknown> }>
    ): void {
        event.stopPropagation();
        const { tab, filters, findings } = event.detail ?? ({} as { tab: ConsoleTab });
        if (!TABS.includes(tab)) {
            return;
        }
        if (tab === 'explorer') {
            this.explorerFilters = filters ? { ...filters } : null;
        }
        if (tab === 'findings') {
            this.findingsPreset = findings ? { ...findings } : null;
        }
        this.activeTab = tab;
    }
}
