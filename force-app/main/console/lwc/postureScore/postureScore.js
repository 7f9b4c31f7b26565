// Generated from postureScore.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  CALL_DECISIONS,
  CONSENT_COVERED_RESULTS,
  RESIDENCY_VIOLATION_RESULTS,
  checkedCounts
} from "c/consoleContracts";
export const SEVERITY_POINTS = { Critical: 10, High: 5, Medium: 2, Low: 0.5, Info: 0 };
export const FINDINGS_HALF_SCORE_POINTS = 25;
export const RESIDENCY_ZERO_RATE = 0.1;
export const WEIGHTS = { findings: 35, consent: 25, residency: 20, endpoints: 10, flows: 10 };
function clamp01(value) {
  if (!Number.isFinite(value)) {
    return 0;
  }
  return Math.min(1, Math.max(0, value));
}
function round1(value) {
  return Math.round(value * 10) / 10;
}
export function findingsPenalty(rows) {
  let points = 0;
  for (const row of rows) {
    const perFinding = SEVERITY_POINTS[row.severity] ?? 0;
    points += perFinding * (Math.max(0, row.open) + Math.max(0, row.overdue));
  }
  return points;
}
function sumCounts(rows, keys) {
  return rows.filter((row) => !keys || keys.includes(row.key)).reduce((total, row) => total + row.count, 0);
}
export function endpointInGoodStanding(endpoint, today) {
  if (!endpoint.dpaSigned || !endpoint.zeroRetention) {
    return false;
  }
  return !endpoint.dpaExpires || endpoint.dpaExpires >= today;
}
export function computePostureScore(inputs) {
  const penalty = findingsPenalty(inputs.findingsBySeverity);
  const consentTotal = sumCounts(checkedCounts(inputs.consentResults));
  const consentCovered = sumCounts(inputs.consentResults, CONSENT_COVERED_RESULTS);
  const callsTotal = sumCounts(checkedCounts(inputs.residencyResults));
  const violations = sumCounts(inputs.residencyResults, RESIDENCY_VIOLATION_RESULTS);
  const approved = inputs.endpoints.filter((endpoint) => endpoint.status === "Approved");
  const healthy = approved.filter((endpoint) => endpointInGoodStanding(endpoint, inputs.today));
  const raw = {
    findings: [FINDINGS_HALF_SCORE_POINTS / (FINDINGS_HALF_SCORE_POINTS + penalty), penalty, 0],
    consent: [consentTotal === 0 ? 1 : consentCovered / consentTotal, consentCovered, consentTotal],
    residency: [callsTotal === 0 ? 1 : 1 - violations / callsTotal / RESIDENCY_ZERO_RATE, violations, callsTotal],
    endpoints: [approved.length === 0 ? 1 : healthy.length / approved.length, healthy.length, approved.length],
    flows: [
      inputs.flowsTotal === 0 ? 1 : 1 - inputs.flowsReviewOverdue / inputs.flowsTotal,
      inputs.flowsReviewOverdue,
      inputs.flowsTotal
    ]
  };
  const components = Object.keys(WEIGHTS).map((key) => {
    const score2 = clamp01(raw[key][0]);
    return {
      key,
      weight: WEIGHTS[key],
      score: score2,
      points: round1(WEIGHTS[key] * score2),
      numerator: raw[key][1],
      denominator: raw[key][2]
    };
  });
  const score = Math.round(components.reduce((total, component) => total + component.weight * component.score, 0));
  return { score, band: bandOf(score), components };
}
export function bandOf(score) {
  if (score >= 85) {
    return "good";
  }
  return score >= 65 ? "fair" : "poor";
}
export function addDays(day, days) {
  const date = /* @__PURE__ */ new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
export function dailySeries(rows, today, windowDays) {
  const first = addDays(today, -(windowDays - 1));
  const byDay = /* @__PURE__ */ new Map();
  for (let index = 0; index < windowDays; index++) {
    const day = addDays(first, index);
    byDay.set(day, { day, Allowed: 0, Redacted: 0, Blocked: 0, total: 0 });
  }
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (entry && row.decision !== "Erased") {
      entry[row.decision] += row.count;
      entry.total += row.count;
    }
  }
  return [...byDay.values()];
}
export function axisTicks(max, count = 4) {
  const rough = Math.max(1, max) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((value) => value >= rough));
  const steps = Math.max(1, Math.ceil(Math.max(1, max) / step));
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}
export function stackedBars(series, width, height, scaleMax = 0) {
  const max = Math.max(1, scaleMax, ...series.map((entry) => entry.total));
  const slot = series.length === 0 ? width : width / series.length;
  const barWidth = Math.max(1, slot * 0.8);
  const bars = [];
  series.forEach((entry, index) => {
    let top = height;
    for (const decision of CALL_DECISIONS) {
      const value = entry[decision];
      if (value <= 0) {
        continue;
      }
      const barHeight = value / max * height;
      top -= barHeight;
      bars.push({
        key: `${entry.day}-${decision}`,
        day: entry.day,
        decision,
        x: round1(index * slot + (slot - barWidth) / 2),
        y: round1(top),
        width: round1(barWidth),
        height: round1(barHeight)
      });
    }
  });
  return { bars, max };
}
