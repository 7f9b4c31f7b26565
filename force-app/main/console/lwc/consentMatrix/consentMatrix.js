// Generated from consentMatrix.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export function coverageLevel(share) {
  if (share === null) {
    return "none";
  }
  if (share >= 0.9) {
    return "high";
  }
  return share >= 0.6 ? "medium" : "low";
}
export function consentMatrix(cells, purposes = []) {
  const jurisdictions = [...new Set(cells.map((cell) => cell.jurisdiction || "—"))].sort();
  const purposeList = [.../* @__PURE__ */ new Set([...purposes, ...cells.map((cell) => cell.purpose)])];
  const counts = /* @__PURE__ */ new Map();
  for (const cell of cells) {
    const key = `${cell.purpose}|${cell.jurisdiction || "—"}`;
    const entry = counts.get(key) ?? { granted: 0, denied: 0, withdrawn: 0 };
    if (cell.status === "Granted") {
      entry.granted += cell.count;
    } else if (cell.status === "Denied") {
      entry.denied += cell.count;
    } else if (cell.status === "Withdrawn") {
      entry.withdrawn += cell.count;
    }
    counts.set(key, entry);
  }
  const rows = purposeList.map((purpose) => {
    const rowCells = jurisdictions.map((jurisdiction) => {
      const entry = counts.get(`${purpose}|${jurisdiction}`) ?? { granted: 0, denied: 0, withdrawn: 0 };
      const total = entry.granted + entry.denied + entry.withdrawn;
      const share = total === 0 ? null : entry.granted / total;
      return {
        key: `${purpose}|${jurisdiction}`,
        jurisdiction,
        ...entry,
        total,
        share,
        level: coverageLevel(share)
      };
    });
    return {
      purpose,
      cells: rowCells,
      granted: rowCells.reduce((sum, cell) => sum + cell.granted, 0),
      total: rowCells.reduce((sum, cell) => sum + cell.total, 0)
    };
  });
  return { jurisdictions, rows };
}
export function daysUntil(iso, now) {
  return Math.ceil((Date.parse(iso) - now.getTime()) / 864e5);
}
