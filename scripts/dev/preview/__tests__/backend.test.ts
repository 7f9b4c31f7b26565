/**
 * Tests of the local preview's fake backend: the same contracts and rules as the Apex controllers, on a small
 * generated demo data set.
 */
import { createBackend, ApexError } from '../backend';
import { generateDemoData } from '../demoData';
import { readRuleCatalog } from '../ruleCatalog';
import type {
    ConsentOverview,
    EndpointRow,
    FindingList,
    LogPage,
    SimulationContext
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { simulate } from '../../../../force-app/main/console/lwc/policySimulation/policySimulation';
import { RESIDENCY_BLOCKED } from '../../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');
function backend() {
    const data = generateDemoData({ today: '2026-11-22', logEntries: 3000 });
    return createBackend(data, { clock, ruleCatalog: readRuleCatalog(`${__dirname}/../../../..`) });
}

describe('preview backend: the log', () => {
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

    it('filters the log by consent and residency result and by part of the caller, and exports what it filters', () => {
        const b = backend();
        const page = b.invoke('WardenLogController.getLogPage', {
            query: { consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED, caller: 'BOT', pageSize: 100 }
        }) as LogPage;
        expect(page.rows.length).toBeGreaterThan(0);
        for (const row of page.rows) {
            expect(row).toMatchObject({ consentResult: 'Missing', residencyResult: RESIDENCY_BLOCKED });
            expect(row.caller?.toLowerCase()).toContain('bot');
        }
        const exported: number[] = [];
        let from: number | null = null;
        do {
            const part = b.invoke('WardenAuditController.exportLog', {
                query: { decision: 'Blocked', fromDate: '2026-11-01T00:00:00.000Z' },
                fromSequence: from,
                batchSize: 300
            }) as { records: Record<string, unknown>[]; nextSequence: number | null };
            exported.push(...part.records.map((record) => record.Sequence__c as number));
            from = part.nextSequence;
        } while (from !== null);
        const expected = b.data.log
            .filter((entry) => entry.decision === 'Blocked' && entry.loggedAt >= '2026-11-01')
            .map((entry) => entry.sequence);
        expect(exported).toEqual(expected);
        const neighbours = b.invoke('WardenLogController.getChainNeighbours', { logId: b.data.log[41].id }) as {
            sequence: number;
            records: Record<string, unknown>[];
        };
        expect(neighbours.sequence).toBe(42);
        expect(neighbours.records.map((record) => record.Sequence__c)).toEqual([41, 42, 43]);
    });
});

describe('preview backend: findings workflow and SLA', () => {
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
        expect(backwards[0].message).toMatch(/cannot move/);
        const detail = b.invoke('WardenFindingsController.getFinding', { findingId: first.id }) as {
            status: string;
            assignedToName: string;
        };
        expect(detail.status).toBe('Triaged');
        expect(detail.assignedToName).toBe(b.data.users[1].name);
    });

    it('keeps the justification, stamps and clears ResolvedOn as c/findingWorkflow says', () => {
        const b = backend();
        const id = b.data.findings.find((finding) => finding.status === 'New' && finding.severity === 'High')!.id;
        const update = (status: string | null, justification: string | null) =>
            (
                b.invoke('WardenFindingsController.updateFindings', {
                    findingIds: [id],
                    status,
                    justification,
                    assigneeId: null,
                    riskAcceptedUntil: null
                }) as { success: boolean }[]
            )[0].success;
        const detail = () =>
            b.invoke('WardenFindingsController.getFinding', { findingId: id }) as {
                resolvedOn: string | null;
                justification: string | null;
            };
        expect(update(null, '  Accepted by the CISO on 2026-01-12.  ')).toBe(true);
        expect(detail().justification).toBe('Accepted by the CISO on 2026-01-12.');
        expect(update('FalsePositive', '   ')).toBe(true);
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
});

describe('preview backend: four eyes and deadlines', () => {
    it('makes a risk acceptance a request that only another approver decides, and records it', () => {
        const b = backend();
        const [mara, tom, ines] = b.data.users;
        const finding = b.data.findings.find(
            (row) => row.status === 'Triaged' && row.severity === 'Medium' && !row.requestedStatus
        )!;
        const ask = (until: string | null) =>
            b.invoke(
                'WardenFindingsController.updateFindings',
                {
                    findingIds: [finding.id],
                    status: 'RiskAccepted',
                    justification: 'Compensating control documented in the DPIA.',
                    assigneeId: null,
                    riskAcceptedUntil: until
                },
                { userId: mara.id }
            ) as { success: boolean; pending: boolean; message: string }[];
        expect(ask(null)[0]).toMatchObject({ success: false, message: expect.stringMatching(/end date/) });
        expect(ask('2027-11-23')[0].success).toBe(false);
        expect(ask('2027-05-22')[0]).toMatchObject({ success: true, pending: true });
        expect(finding.status).toBe('Triaged');
        const decide = (userId: string, approve: boolean, note: string | null) =>
            b.invoke('WardenFindingsController.decideFinding', { findingId: finding.id, approve, note }, { userId });
        expect(() => decide(mara.id, true, null)).toThrow(/asked for this yourself/);
        expect(() => decide(tom.id, true, null)).toThrow(/WardenApprover/);
        const decided = decide(ines.id, true, null) as {
            status: string;
            approvedByName: string;
            history: { action: string; changedByName: string }[];
        };
        expect(decided).toMatchObject({ status: 'RiskAccepted', approvedByName: ines.name });
        expect(decided.history.slice(0, 2).map((change) => [change.action, change.changedByName])).toEqual([
            ['Approved', ines.name],
            ['Requested', mara.name]
        ]);
        expect(() => decide(ines.id, true, null)).toThrow(/Nothing is waiting/);
    });

    it('closes a Critical finding only through a second person', () => {
        const b = backend();
        const [mara, , ines] = b.data.users;
        const critical = b.data.findings.find(
            (row) => row.severity === 'Critical' && row.status === 'New' && !row.requestedStatus
        )!;
        const results = b.invoke(
            'WardenFindingsController.updateFindings',
            {
                findingIds: [critical.id],
                status: 'Resolved',
                justification: 'Bind variables now; re-scanned clean.',
                assigneeId: null,
                riskAcceptedUntil: null
            },
            { userId: ines.id }
        ) as { pending: boolean }[];
        expect(results[0].pending).toBe(true);
        expect(critical.status).toBe('New');
        expect(() =>
            b.invoke(
                'WardenFindingsController.decideFinding',
                { findingId: critical.id, approve: false, note: 'no' },
                { userId: mara.id }
            )
        ).toThrow(/note of at least 10/);
        const rejected = b.invoke(
            'WardenFindingsController.decideFinding',
            { findingId: critical.id, approve: false, note: 'The scan still flags two call sites.' },
            { userId: mara.id }
        ) as { status: string; requestedStatus: string | null; history: { action: string; reason: string }[] };
        expect(rejected).toMatchObject({ status: 'New', requestedStatus: null });
        expect(rejected.history[0]).toMatchObject({
            action: 'Rejected',
            reason: 'The scan still flags two call sites.'
        });
    });

    it('keeps an extended deadline when the SLA changes, and orders the queue due first', () => {
        const b = backend();
        const open = b.data.findings.find((row) => row.status === 'New' && row.severity === 'High')!;
        expect(() =>
            b.invoke('WardenFindingsController.extendDueDate', {
                findingId: open.id,
                dueDate: '2027-03-01',
                reason: 'later'
            })
        ).toThrow(/note of at least 10/);
        b.invoke('WardenFindingsController.extendDueDate', {
            findingId: open.id,
            dueDate: '2027-03-01',
            reason: 'Vendor fix scheduled for the March release.'
        });
        b.invoke('WardenFindingsController.saveSlaSettings', { critical: 10, high: 20, medium: 90, low: 180 });
        expect(open).toMatchObject({ dueDate: '2027-03-01', dueDateExtended: true });
        const list = b.invoke('WardenFindingsController.getFindings', { query: {} }) as FindingList;
        const overdue = list.rows.filter(
            (row) =>
                row.dueDate !== null &&
                row.dueDate < list.today &&
                ['New', 'Triaged', 'InRemediation'].includes(row.status)
        );
        expect(
            list.rows
                .slice(0, overdue.length)
                .map((row) => row.id)
                .sort()
        ).toEqual(overdue.map((row) => row.id).sort());
        const severities = overdue.map((row) => ['Critical', 'High', 'Medium', 'Low', 'Info'].indexOf(row.severity));
        expect(severities).toEqual([...severities].sort((x, y) => x - y));
    });
});

describe('preview backend: data flows, audit and simulator', () => {
    it('approves a flow with four eyes, an override where the endpoint falls short, and reviews with a note', () => {
        const b = backend();
        const [mara, tom, ines] = b.data.users;
        const pending = b.data.flows.find((flow) => flow.status === 'Proposed' && flow.requestedById === ines.id)!;
        const decide = (userId: string, approve: boolean, note: string | null, overrideShortfall: boolean) =>
            b.invoke(
                'WardenDataFlowController.decideApproval',
                { flowId: pending.id, approve, note, overrideShortfall },
                { userId }
            ) as {
                status: string;
                complianceOverride: boolean;
                endpointProblems: string[];
                history: { action: string }[];
            };
        expect(() => decide(ines.id, true, null, false)).toThrow(/asked for this yourself/);
        expect(() => decide(tom.id, true, null, false)).toThrow(/WardenApprover/);
        expect(() => decide(mara.id, true, null, false)).toThrow(/falls short/);
        const approved = decide(mara.id, true, 'Research DPA is being signed; pseudonymised transcripts only.', true);
        expect(approved).toMatchObject({ status: 'Approved', complianceOverride: true });
        expect(approved.endpointProblems).toContain('noDpa');
        expect(approved.history[0].action).toBe('Overridden');

        const suspended = b.data.flows.find((flow) => flow.status === 'Suspended' && flow.requestedById)!;
        expect(() =>
            b.invoke(
                'WardenDataFlowController.decideApproval',
                {
                    flowId: suspended.id,
                    approve: true,
                    note: 'We need it for the newsletter.',
                    overrideShortfall: true
                },
                { userId: mara.id }
            )
        ).toThrow(/Suspended/);

        expect(() => b.invoke('WardenDataFlowController.reviewFlow', { flowId: pending.id, note: 'ok' })).toThrow(
            /note of at least 10/
        );
        const reviewed = b.invoke('WardenDataFlowController.reviewFlow', {
            flowId: pending.id,
            note: 'Minimisation unchanged; traffic as expected.'
        }) as { nextReview: string; reviewedByName: string };
        expect(reviewed).toMatchObject({ nextReview: '2027-02-20', reviewedByName: mara.name });
        const retired = b.data.flows.find((flow) => flow.status === 'Approved')!;
        retired.status = 'Suspended';
        expect(() =>
            b.invoke('WardenDataFlowController.requestApproval', { flowId: retired.id, justification: 'short' })
        ).toThrow(/justification of at least 10/);
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

    it('serves the gate snapshot of a demo patient, which c/gatePolicy decides as the gate would', () => {
        const b = backend();
        const patient = b.data.patients.find((row) => row.jurisdiction === 'UK') as (typeof b.data.patients)[0];
        const endpoint = b.data.endpoints.find((row) => row.endpointKey === 'uk-clinical-gpt') as EndpointRow;
        const context = b.invoke('WardenSimulatorController.getSimulationContext', {
            recordId: patient.id,
            endpointId: endpoint.id,
            purpose: 'CareDelivery'
        }) as SimulationContext;
        expect(context.snapshot.pseudonymKeyHex).toBeNull();
        expect(context.snapshot.patient).toMatchObject({ present: true, country: 'GB' });
        expect(context.snapshot.patient.phiValues.Birthdate).toBe(patient.birthdate);
        expect(context.snapshot.request).toMatchObject({ endpointKey: 'uk-clinical-gpt', purpose: 'CareDelivery' });
        expect(context.snapshot.flows.every((flow) => flow.endpoint === 'uk-clinical-gpt')).toBe(true);
        expect(context.patterns.length).toBeGreaterThan(3);
        const fieldsOnly = simulate(context, null, null).enforce;
        expect(fieldsOnly.reasons).toContain('RESIDENCY_OK:UK->UK');
        expect(fieldsOnly.text ?? '').not.toContain(patient.birthdate);
        // The demo approves no FreeText flow, so the gate refuses sample text, in Enforce.
        const withText = simulate(context, 'Please summarise.', null);
        expect(withText.enforce.reasons).toContain('FREE_TEXT_NO_FLOW');
        expect(withText.monitor.reasons).toContain('MONITOR_ONLY');
        expect(() =>
            b.invoke('WardenSimulatorController.getSimulationContext', {
                recordId: patient.id,
                endpointId: endpoint.id,
                purpose: 'Gossip'
            })
        ).toThrow(/Unknown purpose/);
    });
});

describe('preview backend: consent', () => {
    it('groups uncovered calls by pseudonym, jurisdiction and purpose, as the controller does', () => {
        const overview = backend().invoke('WardenConsentController.getConsentOverview', {}) as ConsentOverview;
        expect(overview.uncovered.length).toBeGreaterThan(0);
        const keys = overview.uncovered.map((row) => `${row.subjectKey}|${row.jurisdiction}|${row.purpose}`);
        expect(new Set(keys).size).toBe(keys.length);
        // The demo log is v1: every entry holds its record id and a pseudonym under the org-wide key.
        expect(overview.uncovered.every((row) => !row.perPatientKey && row.recordId !== null)).toBe(true);
        const uncoveredCalls = overview.uncovered.reduce((sum, row) => sum + row.calls, 0);
        const notCovered = overview.callsByConsentResult
            .filter((row) => row.key !== 'Granted')
            .reduce((sum, row) => sum + row.count, 0);
        expect(uncoveredCalls).toBeLessThanOrEqual(notCovered);
    });
});
