import { createBackend, ApexError } from '../backend';
import { generateDemoData } from '../demoData';
import { readRuleCatalog } from '../ruleCatalog';
import type { FindingList, LogPage } from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');
function backend() {
    const data = generateDemoData({ today: '2026-11-22', logEntries: 3000 });
    return createBackend(data, { clock, ruleCatalog: readRuleCatalog(`${__dirname}/../../../..`) });
}

describe('preview backend', () => {
    it('pages the log by keyset, newest first, with no gaps or repeats', () => {
        const b = backend();
        const seen: number[] = [];
        let cursor: number | null = null;
        for (let page = 0; page < 20; page++) {
            const result = b.invoke('WardenLogController.getLogPage', {
                query: { pageSize: 500, beforeSequence: cursor }
            }) as LogPage;
            seen.push(...result.rows.map((row) => row.sequence));
            if (!result.hasMore) {
                break;
            }
            cursor = result.nextCursor;
        }
        expect(seen).toEqual(Array.from({ length: 3000 }, (_, index) => 3000 - index));
    });

    it('applies every filter and caps the page size', () => {
        const b = backend();
        const page = b.invoke('WardenLogController.getLogPage', {
            query: {
                decision: 'Blocked',
                jurisdiction: 'EU',
                fromDate: '2026-10-01T00:00:00.000Z',
                toDate: '2026-11-01T00:00:00.000Z',
                pageSize: 10_000
            }
        }) as LogPage;
        expect(page.rows.length).toBeLessThanOrEqual(500);
        expect(page.rows.length).toBeGreaterThan(0);
        for (const row of page.rows) {
            expect(row.decision).toBe('Blocked');
            expect(row.jurisdiction).toBe('EU');
            expect(row.loggedAt >= '2026-10-01' && row.loggedAt < '2026-11-01').toBe(true);
        }
        const phi = b.invoke('WardenLogController.getLogPage', {
            query: { phiCategory: 'Mrn', pageSize: 50 }
        }) as LogPage;
        expect(phi.rows.every((row) => (row.phiCategories ?? '').split(';').includes('Mrn'))).toBe(true);
    });

    it('finds entries the live stream appended after start', () => {
        const b = backend();
        const entry = b.data.simulateCall(clock());
        const detail = b.invoke('WardenLogController.getLogEntry', { logId: entry.id }) as {
            sequence: number;
            reasons: string;
        };
        expect(detail.sequence).toBe(3001);
        expect(detail.reasons).toBe(entry.reasons);
    });

    it('refuses malformed queries with readable messages', () => {
        const b = backend();
        expect(() => b.invoke('WardenLogController.getLogPage', { query: { fromDate: 'yesterday' } })).toThrow(
            ApexError
        );
        expect(() => b.invoke('WardenLogController.getLogPage', { query: { decision: 'Maybe' } })).toThrow(
            /Unknown decision/
        );
        expect(() => b.invoke('WardenLogController.getLogEntry', { logId: "'; DROP" })).toThrow(
            /not a valid record id/
        );
    });

    it('follows the findings workflow and requires a justification', () => {
        const b = backend();
        const list = b.invoke('WardenFindingsController.getFindings', { query: { statuses: ['New'] } }) as FindingList;
        const [first, second] = list.rows;
        const refused = b.invoke('WardenFindingsController.updateFindings', {
            findingIds: [first.id],
            status: 'RiskAccepted',
            justification: 'short',
            assigneeId: null
        }) as { success: boolean; message: string }[];
        expect(refused[0].success).toBe(false);
        expect(refused[0].message).toMatch(/justification/);
        const moved = b.invoke('WardenFindingsController.updateFindings', {
            findingIds: [first.id, second.id],
            status: 'Triaged',
            justification: null,
            assigneeId: b.data.users[1].id
        }) as { success: boolean }[];
        expect(moved.every((result) => result.success)).toBe(true);
        const backwards = b.invoke('WardenFindingsController.updateFindings', {
            findingIds: [first.id],
            status: 'New',
            justification: null,
            assigneeId: null
        }) as { success: boolean; message: string }[];
        expect(backwards[0].message).toMatch(/cannot move from Triaged to New/);
        const detail = b.invoke('WardenFindingsController.getFinding', { findingId: first.id }) as {
            status: string;
            assignedToName: string;
        };
        expect(detail.status).toBe('Triaged');
        expect(detail.assignedToName).toBe(b.data.users[1].name);
    });

    it('keeps the justification, stamps and clears ResolvedOn as c/findingWorkflow says', () => {
        const b = backend();
        const list = b.invoke('WardenFindingsController.getFindings', { query: { statuses: ['New'] } }) as FindingList;
        const id = list.rows[0].id;
        const update = (status: string | null, justification: string | null) =>
            (
                b.invoke('WardenFindingsController.updateFindings', {
                    findingIds: [id],
                    status,
                    justification,
                    assigneeId: null
                }) as { success: boolean }[]
            )[0].success;
        const detail = () =>
            b.invoke('WardenFindingsController.getFinding', { findingId: id }) as {
                resolvedOn: string | null;
                justification: string | null;
            };
        expect(update(null, '  Accepted by the CISO on 2026-01-12.  ')).toBe(true);
        expect(detail().justification).toBe('Accepted by the CISO on 2026-01-12.');
        expect(update('RiskAccepted', '   ')).toBe(true);
        expect(update('Triaged', null)).toBe(true);
        expect(update('Resolved', null)).toBe(true);
        expect(detail().resolvedOn).toBe('2026-11-22T08:00:00.000Z');
        expect(update('Triaged', null)).toBe(true);
        expect(detail().resolvedOn).toBeNull();
        expect(() => update('Closed', null)).toThrow(/Unknown status Closed/);
    });

    it('describes scanner rules from the rule catalog', () => {
        const b = backend();
        const apex = b.data.findings.find((finding) => finding.rule === 'soql-injection')!;
        const detail = b.invoke('WardenFindingsController.getFinding', { findingId: apex.id }) as {
            ruleTitle: string;
            ruleDescription: string;
        };
        expect(detail.ruleTitle).toBe('SOQL injection');
        expect(detail.ruleDescription).toMatch(/bind variables/);
    });

    it('recomputes due dates when the SLA changes and validates it', () => {
        const b = backend();
        expect(() =>
            b.invoke('WardenFindingsController.saveSlaSettings', { critical: 0, high: 60, medium: 90, low: 180 })
        ).toThrow(/whole number/);
        b.invoke('WardenFindingsController.saveSlaSettings', { critical: 10, high: 60, medium: 90, low: 180 });
        const critical = b.data.findings.find(
            (finding) => finding.severity === 'Critical' && finding.status === 'New'
        )!;
        const expected = new Date(Date.parse(`${critical.firstSeen!.slice(0, 10)}T00:00:00Z`) + 10 * 86400000)
            .toISOString()
            .slice(0, 10);
        expect(critical.dueDate).toBe(expected);
    });

    it('approves and re-reviews flows only from the right status', () => {
        const b = backend();
        const proposed = b.data.flows.find((flow) => flow.status === 'Proposed')!;
        expect(() => b.invoke('WardenDataFlowController.reviewFlow', { flowId: proposed.id })).toThrow(
            /Only an Approved/
        );
        const approved = b.invoke('WardenDataFlowController.approveFlow', { flowId: proposed.id }) as {
            status: string;
            nextReview: string;
        };
        expect(approved).toMatchObject({ status: 'Approved', nextReview: '2027-02-20' });
        expect(() => b.invoke('WardenDataFlowController.approveFlow', { flowId: proposed.id })).toThrow(
            /Only a Proposed or Suspended/
        );
    });

    it('verifies the chain in batches and finds tampering', () => {
        const b = backend();
        let from: number | null = 1;
        let checked = 0;
        while (from !== null) {
            const result = b.invoke('WardenAuditController.verifyChain', { fromSequence: from, batchSize: 2000 }) as {
                ok: boolean;
                checked: number;
                nextSequence: number | null;
            };
            expect(result.ok).toBe(true);
            checked += result.checked;
            from = result.nextSequence;
        }
        expect(checked).toBe(3000);
        b.data.log[1499].reasons = 'edited afterwards';
        const broken = b.invoke('WardenAuditController.verifyChain', { fromSequence: 1001, batchSize: 2000 }) as {
            ok: boolean;
            brokenAtSequence: number;
        };
        expect(broken).toMatchObject({ ok: false, brokenAtSequence: 1500 });
    });

    it('builds the simulator context from tags, flows and consent', () => {
        const b = backend();
        const patient = b.data.patients[0];
        const endpoint = b.data.endpoints[0];
        const context = b.invoke('WardenSimulatorController.getSimulationContext', {
            recordId: patient.id,
            endpointId: endpoint.id,
            purpose: 'CareDelivery'
        }) as {
            fields: { field: string; value: string | null }[];
            patterns: unknown[];
        };
        expect(context.fields.find((field) => field.field === 'Contact.Birthdate')?.value).toBe(patient.birthdate);
        expect(context.patterns.length).toBeGreaterThan(3);
        expect(() =>
            b.invoke('WardenSimulatorController.getSimulationContext', {
                recordId: patient.id,
                endpointId: endpoint.id,
                purpose: 'Gossip'
            })
        ).toThrow(/Unknown purpose/);
    });
});
