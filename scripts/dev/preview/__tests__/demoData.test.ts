import { verifyChain } from '../../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { nodeSha256 } from '../../../cli/verify/chain';
import { toExportRecord } from '../chain';
import { generateDemoData } from '../demoData';
import { RESIDENCY_BLOCKED } from '../../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';

describe('demo data', () => {
    const data = generateDemoData({ today: '2026-11-22', logEntries: 6000 });

    it('is deterministic for a seed and a day', () => {
        const again = generateDemoData({ today: '2026-11-22', logEntries: 6000 });
        expect(again.log[5999].entryHash).toBe(data.log[5999].entryHash);
        expect(again.findings).toEqual(data.findings);
        const other = generateDemoData({ today: '2026-11-22', logEntries: 6000, seed: 7 });
        expect(other.log[5999].entryHash).not.toBe(data.log[5999].entryHash);
    });

    it('has the requested number of entries, in sequence and time order, over the last 89 days', () => {
        expect(data.log).toHaveLength(6000);
        data.log.forEach((entry, index) => expect(entry.sequence).toBe(index + 1));
        for (let index = 1; index < data.log.length; index++) {
            expect(data.log[index].loggedAt >= data.log[index - 1].loggedAt).toBe(true);
        }
        expect(data.log[0].loggedAt >= '2026-08-25').toBe(true);
        expect(data.log[5999].loggedAt < '2026-11-22').toBe(true);
    });

    it('chains every entry so that the shared verifier accepts the export', () => {
        const report = verifyChain(data.log.map(toExportRecord), { sha256: nodeSha256 });
        expect(report.break).toBeUndefined();
        expect(report.ok).toBe(true);
        expect(report.headHash).toBe(data.log[5999].entryHash);
        expect(data.checkpoints).toHaveLength(1);
        expect(data.checkpoints[0].headHash).toBe(data.log[4999].entryHash);
    });

    it('lets the shared verifier find a tampered entry', () => {
        const records = data.log.slice(0, 100).map(toExportRecord);
        records[41] = { ...records[41], Decision__c: records[41].Decision__c === 'Blocked' ? 'Allowed' : 'Blocked' };
        const report = verifyChain(records, { sha256: nodeSha256 });
        expect(report.ok).toBe(false);
        expect(report.break?.sequence).toBe(42);
    });

    it('plants the problems the console should surface', () => {
        // As the gate logs Monitor: the policy's block (Blocked, MONITOR_ONLY), and the call made all the same.
        const monitorViolations = data.log.filter(
            (entry) =>
                entry.mode === 'Monitor' &&
                entry.residencyResult === RESIDENCY_BLOCKED &&
                (entry.reasons ?? '').split('\n').includes('MONITOR_ONLY') &&
                entry.responseSha256 !== null
        );
        expect(monitorViolations.length).toBeGreaterThan(0);
        expect(data.log.some((entry) => entry.jurisdiction === 'EU' && entry.endpointKey === 'us-public-gpt')).toBe(
            true
        );
        expect(data.endpoints.find((endpoint) => endpoint.endpointKey === 'us-public-gpt')?.dpaExpires).toBe(
            '2026-11-07'
        );
        expect(
            data.flows.filter((flow) => flow.status === 'Approved' && flow.nextReview && flow.nextReview < '2026-11-22')
                .length
        ).toBeGreaterThan(0);
        expect(
            data.findings.filter(
                (finding) =>
                    finding.severity === 'Critical' &&
                    finding.dueDate &&
                    finding.dueDate < '2026-11-22' &&
                    ['New', 'Triaged', 'InRemediation'].includes(finding.status)
            ).length
        ).toBeGreaterThan(0);
        expect(new Set(data.log.map((entry) => entry.jurisdiction)).size).toBe(5);
        expect(new Set(data.log.map((entry) => entry.decision))).toEqual(new Set(['Allowed', 'Redacted', 'Blocked']));
    });

    it('contains no real-looking identifiers: example.org emails and made-up ids only', () => {
        expect(data.patients.every((patient) => patient.email.endsWith('@example.org'))).toBe(true);
        expect(data.patients.every((patient) => /^003[0-9A-Za-z]{12}AAA$/.test(patient.id))).toBe(true);
    });
});
