// Generated from residencyMatrix.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { RESIDENCY_VIOLATION_RESULTS } from "c/consoleContracts";
export const DPA_SOON_DAYS = 30;
const DAY_MS = 864e5;
export function dpaState(endpoint, today) {
  if (!endpoint.dpaSigned) {
    return "missing";
  }
  if (!endpoint.dpaExpires) {
    return "valid";
  }
  const left = (Date.parse(`${endpoint.dpaExpires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  if (left < 0) {
    return "expired";
  }
  return left <= DPA_SOON_DAYS ? "expiringSoon" : "valid";
}
export function configIssues(rule, endpoint, today) {
  if (!rule) {
    return ["noRule"];
  }
  const issues = [];
  if (!endpoint.jurisdiction || !rule.allowedRegions.includes(endpoint.jurisdiction)) {
    issues.push("regionNotAllowed");
  }
  if (rule.allowedHostings.length > 0 && (!endpoint.hosting || !rule.allowedHostings.includes(endpoint.hosting))) {
    issues.push("hostingNotAllowed");
  }
  if (rule.requiresDpa) {
    const dpa = dpaState(endpoint, today);
    if (dpa === "missing") {
      issues.push("dpaMissing");
    } else if (dpa === "expired") {
      issues.push("dpaExpired");
    }
  }
  if (rule.requiresZeroRetention && !endpoint.zeroRetention) {
    issues.push("retentionNotZero");
  }
  return issues;
}
const HOSTING_ORDER = { SovereignLocal: 0, PrivateCloud: 1, PublicCloud: 2 };
export function buildMatrix(traffic, endpoints, rules, today) {
  const columns = endpoints.map((endpoint) => ({
    ...endpoint,
    group: `${endpoint.jurisdiction ?? "—"} · ${endpoint.region ?? "—"} · ${endpoint.hosting ?? "—"}`
  })).sort(
    (a, b) => (a.jurisdiction ?? "").localeCompare(b.jurisdiction ?? "") || (HOSTING_ORDER[a.hosting ?? ""] ?? 9) - (HOSTING_ORDER[b.hosting ?? ""] ?? 9) || a.name.localeCompare(b.name)
  );
  const ruleByJurisdiction = new Map(rules.map((rule) => [rule.jurisdiction, rule]));
  const jurisdictions = new Set(rules.map((rule) => rule.jurisdiction));
  const totals = /* @__PURE__ */ new Map();
  for (const row of traffic) {
    const dataJurisdiction = row.dataJurisdiction || "—";
    jurisdictions.add(dataJurisdiction);
    const key = `${dataJurisdiction}|${row.endpointId}`;
    const total = totals.get(key) ?? { calls: 0, flagged: 0 };
    total.calls += row.count;
    if (RESIDENCY_VIOLATION_RESULTS.includes(row.residencyResult)) {
      total.flagged += row.count;
    }
    totals.set(key, total);
  }
  const violations = [];
  const rows = [...jurisdictions].sort().map((jurisdiction) => {
    const rule = ruleByJurisdiction.get(jurisdiction);
    const cells = columns.map((endpoint) => {
      const total = totals.get(`${jurisdiction}|${endpoint.id}`) ?? { calls: 0, flagged: 0 };
      const issues = configIssues(rule, endpoint, today);
      let state = "none";
      if (total.flagged > 0 || total.calls > 0 && issues.length > 0) {
        state = "violation";
      } else if (issues.length > 0) {
        state = "risk";
      } else if (total.calls > 0) {
        state = "ok";
      }
      const cell = {
        key: `${jurisdiction}|${endpoint.id}`,
        dataJurisdiction: jurisdiction,
        endpointId: endpoint.id,
        calls: total.calls,
        flagged: total.flagged,
        issues,
        state
      };
      if (state === "violation") {
        violations.push(cell);
      }
      return cell;
    });
    return { jurisdiction, cells, violations: cells.filter((cell) => cell.state === "violation").length };
  });
  violations.sort((a, b) => b.flagged - a.flagged || b.calls - a.calls || a.key.localeCompare(b.key));
  return { columns, rows, violations };
}
