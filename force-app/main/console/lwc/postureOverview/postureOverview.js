// Generated from postureOverview.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { LightningElement, wire } from "lwc";
import LOCALE from "@salesforce/i18n/locale";
import getPosture from "@salesforce/apex/WardenPostureController.getPosture";
import { CONSENT_COVERED_RESULTS, RESIDENCY_VIOLATION_RESULTS, checkedCounts } from "c/consoleContracts";
import { axisTicks, computePostureScore, dailySeries, stackedBars } from "c/postureScore";
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
import CHART_DAY from "@salesforce/label/c.OverviewChartDay";
import CHART_HINT from "@salesforce/label/c.OverviewChartHint";
import CHART_AXIS from "@salesforce/label/c.OverviewChartAxis";
import OPEN_FINDING from "@salesforce/label/c.OverviewOpenFinding";
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
const CHART_HEIGHT = 180;
const PLOT_LEFT = 52;
const PLOT_TOP = 22;
const PLOT_WIDTH = CHART_WIDTH - PLOT_LEFT - 36;
const PLOT_HEIGHT = CHART_HEIGHT - PLOT_TOP - 24;
const DAY_LABEL_EVERY = 14;
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
const derived = /* @__PURE__ */ new WeakMap();
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
    chartHint: CHART_HINT,
    chartAxis: CHART_AXIS,
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
  chartViewBox = `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;
  plotTransform = `translate(${PLOT_LEFT} ${PLOT_TOP})`;
  plotWidth = PLOT_WIDTH;
  dayLabelY = PLOT_HEIGHT + 14;
  /** The day whose bar has the keyboard focus (the chart's one tab stop) or the pointer; its tooltip shows. */
  activeDay = null;
  tooltipShown = false;
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
        openLabel: formatLabel(OPEN_FINDING, finding.name),
        overdue,
        itemClass: overdue ? "slds-item urgent urgent_overdue" : "slds-item urgent"
      };
    });
  }
  get hasUrgent() {
    return this.urgentFindings.length > 0;
  }
  get series() {
    return this.derivedState().series;
  }
  derivedState() {
    const summary = this.summary;
    let kept = derived.get(this);
    if (!kept || kept.summary !== summary) {
      const series = summary ? dailySeries(summary.callsByDay, summary.today, summary.windowDays) : [];
      kept = { summary, series };
      derived.set(this, kept);
    }
    return kept;
  }
  /**
   * The chart: one group per day (its stacked bars and a full-height target for the pointer), the value axis on
   * round steps and about one day label a fortnight. The days are a single tab stop that the arrow keys move.
   */
  get chart() {
    const kept = this.derivedState();
    const activeDay = this.activeDay;
    if (!kept.chart || kept.chartDay !== activeDay) {
      kept.chart = this.buildChart(kept.series);
      kept.chartDay = activeDay;
    }
    return kept.chart;
  }
  buildChart(series) {
    const ticks = axisTicks(Math.max(0, ...series.map((entry) => entry.total)));
    const top = ticks[ticks.length - 1];
    const { bars } = stackedBars(series, PLOT_WIDTH, PLOT_HEIGHT, top);
    const slot = series.length === 0 ? PLOT_WIDTH : PLOT_WIDTH / series.length;
    const focusDay = this.focusableDay;
    const days = series.map((entry, index) => ({
      day: entry.day,
      x: Math.round(index * slot * 10) / 10,
      width: Math.round(slot * 10) / 10,
      height: PLOT_HEIGHT,
      tabIndex: entry.day === focusDay ? "0" : "-1",
      cssClass: entry.day === this.activeDay ? "day day_active" : "day",
      label: formatLabel(
        CHART_DAY,
        formatDay(entry.day, LOCALE),
        formatNumber(entry.total, LOCALE),
        formatNumber(entry.Allowed, LOCALE),
        formatNumber(entry.Redacted, LOCALE),
        formatNumber(entry.Blocked, LOCALE)
      ),
      bars: bars.filter((bar) => bar.day === entry.day).map((bar) => ({
        key: bar.key,
        x: bar.x,
        y: bar.y,
        width: bar.width,
        height: bar.height,
        cssClass: DECISION_CLASS[bar.decision]
      }))
    }));
    return {
      days,
      valueTicks: ticks.map((tick) => ({
        key: `v${tick}`,
        y: Math.round((PLOT_HEIGHT - tick / top * PLOT_HEIGHT) * 10) / 10,
        label: formatNumber(tick, LOCALE)
      })),
      dayTicks: series.map((entry, index) => ({ entry, index })).filter(({ index }) => (series.length - 1 - index) % DAY_LABEL_EVERY === 0).map(({ entry, index }) => ({
        key: `d${entry.day}`,
        x: Math.round((index + 0.5) * slot * 10) / 10,
        label: formatDay(entry.day, LOCALE)
      }))
    };
  }
  /** The day that takes the tab stop: the active one, else the latest (today's calls matter most). */
  get focusableDay() {
    const series = this.series;
    return this.activeDay ?? (series.length > 0 ? series[series.length - 1].day : null);
  }
  /** The tooltip of the active day, placed over its bar (in % of the chart's width). */
  get tooltip() {
    if (!this.tooltipShown || !this.activeDay) {
      return null;
    }
    const day = this.chart.days.find((candidate) => candidate.day === this.activeDay);
    if (!day) {
      return null;
    }
    const centre = (PLOT_LEFT + day.x + day.width / 2) / CHART_WIDTH * 100;
    return { text: day.label, style: `left: ${Math.min(80, Math.max(20, centre)).toFixed(1)}%` };
  }
  handleDayEnter(event) {
    this.activeDay = event.currentTarget.dataset.day ?? null;
    this.tooltipShown = true;
  }
  handleDayLeave() {
    this.tooltipShown = false;
  }
  handleDayClick(event) {
    const day = event.currentTarget.dataset.day;
    if (day) {
      this.navigate("explorer", { filters: { fromDay: day, toDay: day } });
    }
  }
  /** Arrow keys, Home and End move between days; Enter and Space open the day in the explorer. */
  handleDayKey(event) {
    const days = this.series.map((entry) => entry.day);
    const index = days.indexOf(event.currentTarget.dataset.day ?? "");
    const moves = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: days.length - 1
    };
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.handleDayClick(event);
    } else if (event.key in moves && index >= 0) {
      event.preventDefault();
      const next = days[Math.min(days.length - 1, Math.max(0, moves[event.key]))];
      this.activeDay = next;
      this.tooltipShown = true;
      Promise.resolve().then(() => {
        this.template?.querySelector(`g[data-day="${next}"]`)?.focus();
      });
    } else if (event.key === "Escape") {
      this.tooltipShown = false;
    }
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
    const rows = checkedCounts(this.summary?.consentResults ?? []);
    const total = sum(rows);
    return total === 0 ? formatPercent(1, LOCALE) : formatPercent(sum(rows, CONSENT_COVERED_RESULTS) / total, LOCALE);
  }
  get consentDetail() {
    const rows = checkedCounts(this.summary?.consentResults ?? []);
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
    const rows = checkedCounts(this.summary?.residencyResults ?? []);
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
  handleOpenFinding(event) {
    const id = event.currentTarget.dataset.finding;
    if (id) {
      this.navigate("findings", { findings: { openFindingId: id } });
    }
  }
  handleViewResidency() {
    this.navigate("residency");
  }
  handleViewConsent() {
    this.navigate("consent");
  }
}
