// Generated from wardenConsole.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, api } from "lwc";
import TITLE from "@salesforce/label/c.ConsoleTitle";
import SUBTITLE from "@salesforce/label/c.ConsoleSubtitle";
import TAB_OVERVIEW from "@salesforce/label/c.ConsoleTabOverview";
import TAB_EXPLORER from "@salesforce/label/c.ConsoleTabExplorer";
import TAB_CONSENT from "@salesforce/label/c.ConsoleTabConsent";
import TAB_RESIDENCY from "@salesforce/label/c.ConsoleTabResidency";
import TAB_FLOWS from "@salesforce/label/c.ConsoleTabFlows";
import TAB_FINDINGS from "@salesforce/label/c.ConsoleTabFindings";
import TAB_AUDIT from "@salesforce/label/c.ConsoleTabAudit";
import TAB_SIMULATOR from "@salesforce/label/c.ConsoleTabSimulator";
import TAB_ERASURE from "@salesforce/label/c.ConsoleTabErasure";
export const TABS = [
  "overview",
  "explorer",
  "consent",
  "residency",
  "flows",
  "findings",
  "audit",
  "erasure",
  "simulator"
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
  activeTab = "overview";
  @api
  get initialTab() {
    return this.activeTab;
  }
  set initialTab(value) {
    if (TABS.includes(value)) {
      this.activeTab = value;
    }
  }
  explorerFilters = null;
  findingsPreset = null;
  handleActive(event) {
    const value = event.target.value;
    if (TABS.includes(value)) {
      this.activeTab = value;
    }
  }
  handleNavigate(event) {
    event.stopPropagation();
    const { tab, filters, findings } = event.detail ?? {};
    if (!TABS.includes(tab)) {
      return;
    }
    if (tab === "explorer") {
      this.explorerFilters = filters ? { ...filters } : null;
    }
    if (tab === "findings") {
      this.findingsPreset = findings ? { ...findings } : null;
    }
    this.activeTab = tab;
  }
}
