// Generated from postureOverview.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, wire } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import LOCALE from "@salesforce/i18n/locale";
import getPosture from "@salesforce/apex/WardenPostureController.getPosture";
import { CONSENT_COVERED_RESULTS, RESIDENCY_VIOLATION_RESULTS } from "c/consoleContracts";
import { computePostureScore, dailySeries, stackedBars } from "c/postureScore";
import { formatDay, formatLabel, formatNumber, formatPercent, readableError } from "c/consoleUtils";
import TITLE from "@salesforce/label/c.OverviewTitle";
import SCORE from "@salesforce/label/c.OverviewScore";
import SCORE_HELP from "@salesforce/label/c.OverviewScoreHelp";
import BAND_GOOD from "@salesforce/label/c.OverviewBandGood";
import BAND_FAIR from "@salesforce/label/c.OverviewBandFair";
import BAND_POOR from "@salesforce/label/c.OverviewBandPoor";
import COMPONENT from "@salesforce/label/c.OverviewComponent";
import WEIGHT from "@salesforce/label/c.OverviewWeight";
import POINTS from "@salesforce/label/c.OverviewPoints";
import BASIS from "@salesforce/label/c.OverviewBasis";
import C_FINDINGS from "@salesforce/label/c.OverviewComponentFindings";
import C_CONSENT from "@salesforce/label/c.OverviewComponentConsent";
import C_RESIDENCY from "@salesforce/label/c.OverviewComponentResidency";
import C_ENDPOINTS from "@salesforce/label/c.OverviewComponentEndpoints";
import C_FLOWS from "@salesforce/label/c.OverviewComponentFlows";
import BASIS_FINDINGS from "@salesforce/label/c.OverviewBasisFindings";
import BASIS_RATIO from "@salesforce/label/c.OverviewBasisRatio";
import FINDINGS_TITLE from "@salesforce/label/c.OverviewFindingsTitle";
import SEVERITY from "@salesforce/label/c.ConsoleSeverity";
import OPEN from "@salesforce/label/c.OverviewOpen";
import OVERDUE from "@salesforce/label/c.ConsoleOverdue";
import DUE_SOON from "@salesforce/label/c.OverviewDueSoon";
import URGENT_TITLE from "@salesforce/label/c.OverviewUrgentTitle";
import DUE from "@salesforce/label/c.ConsoleDueDate";
import NO_URGENT from "@salesforce/label/c.OverviewNoUrgent";
import CALLS_TITLE from "@salesforce/label/c.OverviewCallsTitle";
import CALLS_SUMMARY from "@salesforce/label/c.OverviewCallsSummary";
import ALLOWED from "@salesforce/label/c.ConsoleDecisionAllowed";
import REDACTED from "@salesforce/label/c.ConsoleDecisionRedacted";
import BLOCKED from "@salesforce/label/c.ConsoleDecisionBlocked";
import CONSENT_TITLE from "@salesforce/label/c.OverviewConsentTitle";
import CONSENT_DETAIL from "@salesforce/label/c.OverviewConsentDetail";
import RESIDENCY_TITLE from "@salesforce/label/c.OverviewResidencyTitle";
import RESIDENCY_DETAIL from "@salesforce/label/c.OverviewResidencyDetail";
import CHAIN_TITLE from "@salesforce/label/c.OverviewChainTitle";
import CHAIN_EMPTY from "@salesforce/label/c.AuditChainEmpty";
import VIEW_FINDINGS from "@salesforce/label/c.OverviewViewFindings";
import VIEW_RESIDENCY from "@salesforce/label/c.OverviewViewResidency";
import VIEW_CONSENT from "@salesforce/label/c.OverviewViewConsent";
import LOADING from "@salesforce/label/c.ConsoleLoading";
import ERROR_TITLE from "@salesforce/label/c.ConsoleErrorTitle";
import NEED_PERMISSION from "@salesforce/label/c.ConsoleNeedPermission";
import GENERIC_ERROR from "@salesforce/label/c.ConsoleGenericError";
const CHART_WIDTH = 720;
const CHART_HEIGHT = 160;
const COMPONENT_LABELS = {
  findings: C_FINDINGS,
  consent: C_CONSENT,
  residency: C_RESIDENCY,
  endpoints: C_ENDPOINTS,
  flows: C_FLOWS
};
const DECISION_CLASS = {
  Allowed: "bar bar_allowed",
  Redacted: "bar bar_redacted",
  Blocked: "bar bar_blocked"
};
const DECISION_LABEL = { Allowed: ALLOWED, Redacted: REDACTED, Blocked: BLOCKED };
function sum(rows, keys) {
  return rows.filter((row) => !keys || keys.includes(row.key)).reduce((total, row) => total + row.count, 0);
}
export default class PostureOverview extends LightningElement {
  labels = {
    title: TITLE,
    score: SCORE,
    scoreHelp: SCORE_HELP,
    component: COMPONENT,
    weight: WEIGHT,
    points: POINTS,
    basis: BASIS,
    findingsTitle: FINDINGS_TITLE,
    severity: SEVERITY,
    open: OPEN,
    overdue: OVERDUE,
    dueSoon: DUE_SOON,
    urgentTitle: URGENT_TITLE,
    due: DUE,
    noUrgent: NO_URGENT,
    callsTitle: CALLS_TITLE,
    allowed: ALLOWED,
    redacted: REDACTED,
    blocked: BLOCKED,
    consentTitle: CONSENT_TITLE,
    residencyTitle: RESIDENCY_TITLE,
    chainTitle: CHAIN_TITLE,
    chainEmpty: CHAIN_EMPTY,
    viewFindings: VIEW_FINDINGS,
    viewResidency: VIEW_RESIDENCY,
    viewConsent: VIEW_CONSENT,
    loading: LOADING,
    errorTitle: ERROR_TITLE
  };
  chartWidth = CHART_WIDTH;
  chartHeight = CHART_HEIGHT;
  chartViewBox = `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;
  summary;
  score;
  errorMessage;
  @wire(getPosture)
  wiredPosture({ data, error }) {
    if (data) {
      this.summary = data;
      this.score = computePostureScore(data);
      this.errorMessage = void 0;
    } else if (error) {
      this.summary = void 0;
      this.errorMessage = readableError(error, NEED_PERMISSION, GENERIC_ERROR).message;
      this.dispatchEvent(
        new ShowToastEvent({ title: ERROR_TITLE, message: this.errorMessage, variant: "error" })
      );
    }
  }
  get isLoading() {
    return !this.summary && !this.errorMessage;
  }
  get scoreValue() {
    return this.score ? formatNumber(this.score.score, LOCALE) : "";
  }
  get bandLabel() {
    const band = this.score?.band;
    return band === "good" ? BAND_GOOD : band === "fair" ? BAND_FAIR : BAND_POOR;
  }
  get scoreClass() {
    return `score score_${this.score?.band ?? "poor"}`;
  }
  get breakdown() {
    if (!this.score) {
      return [];
    }
    return this.score.components.map((component) => ({
      key: component.key,
      label: COMPONENT_LABELS[component.key],
      weight: formatNumber(component.weight, LOCALE),
      points: formatNumber(component.points, LOCALE, { maximumFractionDigits: 1 }),
      basis: component.key === "findings" ? formatLabel(
        BASIS_FINDINGS,
        formatNumber(component.numerator, LOCALE, { maximumFractionDigits: 1 })
      ) : formatLabel(
        BASIS_RATIO,
        formatNumber(component.numerator, LOCALE),
        formatNumber(component.denominator, LOCALE)
      ),
      barStyle: `width: ${Math.round(component.score * 100)}%`
    }));
  }
  get severityRows() {
    return (this.summary?.findingsBySeverity ?? []).map((row) => ({
      severity: row.severity,
      open: formatNumber(row.open, LOCALE),
      overdue: formatNumber(row.overdue, LOCALE),
      dueSoon: formatNumber(row.dueSoon, LOCALE),
      rowClass: row.overdue > 0 ? "slds-hint-parent row_overdue" : "slds-hint-parent",
      overdueClass: row.overdue > 0 ? "slds-text-color_error slds-text-title_bold" : ""
    }));
  }
  get urgentFindings() {
    const today = this.summary?.today ?? "";
    return (this.summary?.urgentFindings ?? []).map((finding) => {
      const overdue = !!finding.dueDate && finding.dueDate < today;
      return {
        id: finding.id,
        name: finding.name,
        severity: finding.severity,
        component: `${finding.rule} · ${finding.componentName ?? ""}`,
        due: formatDay(finding.dueDate, LOCALE),
        overdue,
        itemClass: overdue ? "slds-item urgent urgent_overdue" : "slds-item urgent"
      };
    });
  }
  get hasUrgent() {
    return this.urgentFindings.length > 0;
  }
  get series() {
    return this.summary ? dailySeries(this.summary.callsByDay, this.summary.today, this.summary.windowDays) : [];
  }
  get bars() {
    const { bars } = stackedBars(this.series, CHART_WIDTH, CHART_HEIGHT);
    return bars.map((bar) => ({
      key: bar.key,
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: bar.height,
      cssClass: DECISION_CLASS[bar.decision],
      title: `${formatDay(bar.day, LOCALE)} · ${DECISION_LABEL[bar.decision]}`
    }));
  }
  get decisionTotals() {
    const totals = { Allowed: 0, Redacted: 0, Blocked: 0 };
    for (const day of this.series) {
      totals.Allowed += day.Allowed;
      totals.Redacted += day.Redacted;
      totals.Blocked += day.Blocked;
    }
    return {
      allowed: formatNumber(totals.Allowed, LOCALE),
      redacted: formatNumber(totals.Redacted, LOCALE),
      blocked: formatNumber(totals.Blocked, LOCALE)
    };
  }
  get chartSummary() {
    const totals = this.decisionTotals;
    return formatLabel(
      CALLS_SUMMARY,
      formatNumber(this.summary?.windowDays ?? 0, LOCALE),
      totals.allowed,
      totals.redacted,
      totals.blocked
    );
  }
  get consentCoverage() {
    const rows = this.summary?.consentResults ?? [];
    const total = sum(rows);
    return total === 0 ? formatPercent(1, LOCALE) : formatPercent(sum(rows, CONSENT_COVERED_RESULTS) / total, LOCALE);
  }
  get consentDetail() {
    const rows = this.summary?.consentResults ?? [];
    return formatLabel(
      CONSENT_DETAIL,
      formatNumber(sum(rows) - sum(rows, CONSENT_COVERED_RESULTS), LOCALE),
      formatNumber(sum(rows), LOCALE)
    );
  }
  get residencyViolations() {
    return formatNumber(sum(this.summary?.residencyResults ?? [], RESIDENCY_VIOLATION_RESULTS), LOCALE);
  }
  get residencyClass() {
    return sum(this.summary?.residencyResults ?? [], RESIDENCY_VIOLATION_RESULTS) > 0 ? "metric slds-text-color_error" : "metric slds-text-color_success";
  }
  get residencyDetail() {
    const rows = this.summary?.residencyResults ?? [];
    return formatLabel(RESIDENCY_DETAIL, formatNumber(sum(rows), LOCALE));
  }
  get chainHead() {
    const head = this.summary?.chainHead;
    return head ? { sequence: formatNumber(head.sequence, LOCALE), hash: head.entryHash } : null;
  }
  navigate(tab, extra = {}) {
    this.dispatchEvent(new CustomEvent("navigate", { detail: { tab, ...extra } }));
  }
  handleViewFindings() {
    this.navigate("findings", { findings: { overdueOnly: true } });
  }
  handleViewResidency() {
    this.navigate("residency");
  }
  handleViewConsent() {
    this.navigate("consent");
  }
}
