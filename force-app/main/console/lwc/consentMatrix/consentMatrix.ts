/**
 * Consent coverage by purpose (rows) and jurisdiction (columns), from the GROUP BY counts of
 * PatientConsent__c. A cell's share is granted / (granted + denied + withdrawn): how many of the recorded
 * decisions allow the purpose. Levels: high ≥ 90 %, medium ≥ 60 %, low below, none without any record.
 */
import type { ConsentCoverageCell } from 'c/consoleContracts';

export type CoverageLevel = 'high' | 'medium' | 'low' | 'none';
export type CoverageCell = {
    key: string;
    jurisdiction: string;
    granted: number;
    denied: number;
    withdrawn: number;
    total: number;
    share: number | null;
    level: CoverageLevel;
};
export type CoverageRow = { purpose: string; cells: CoverageCell[]; granted: number; total: number };
export type CoverageMatrix = { jurisdictions: string[]; rows: CoverageRow[] };

export function coverageLevel(share: number | null): CoverageLevel {
    if (share === null) {
        return 'none';
    }
    if (share >= 0.9) {
        return 'high';
    }
    return share >= 0.6 ? 'medium' : 'low';
}

export function consentMatrix(cells: ConsentCoverageCell[], purposes: string[] = []): CoverageMatrix {
    const jurisdictions = [...new Set(cells.map((cell) => cell.jurisdiction || '—'))].sort();
    const purposeList = [...new Set([...purposes, ...cells.map((cell) => cell.purpose)])];
    const counts = new Map<string, { granted: number; denied: number; withdrawn: number }>();
    for (const cell of cells) {
        const key = `${cell.purpose}|${cell.jurisdiction || '—'}`;
        const entry = counts.get(key) ?? { granted: 0, denied: 0, withdrawn: 0 };
        if (cell.status === 'Granted') {
            entry.granted += cell.count;
        } else if (cell.status === 'Denied') {
            entry.denied += cell.count;
        } else if (cell.status === 'Withdrawn') {
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

/** Whole days from `now` until `iso` (rounded up: anything later today counts as 1). */
export function daysUntil(iso: string, now: Date): number {
    return Math.ceil((Date.parse(iso) - now.getTime()) / 86400000);
}
