/**
 * Tests of the preview's erasure controller: the four-eyes path of WardenErasureController over the demo's own v2
 * records; an approval erases the demo consents, destroys the patient's key, and appends a v2 ERASURE receipt that
 * the preview's chain verification (and the next simulated call) chains over; the no-permission answer.
 */
import { createBackend } from '../backend';
import { generateDemoData } from '../demoData';
import { toExportRecord } from '../chain';
import type {
    ChainVerification,
    EvidencePack
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import type { ErasureOverview } from '../../../../force-app/main/console/lwc/erasureRules/erasureRules';

const clock = () => Date.parse('2026-11-22T08:00:00.000Z');
const JUSTIFICATION = 'GDPR Art. 17 request DSR-2026-0042';

function setUp() {
    const data = generateDemoData({ today: '2026-11-22', logEntries: 300 });
    const backend = createBackend(data, { clock });
    const admin = data.currentUser.id;
    const approver = data.approverIds.find((id) => id !== admin) as string;
    const outsider = data.users.find((user) => user.id !== admin && !data.approverIds.includes(user.id))?.id as string;
    const patient = data.patients.find((candidate) => data.consents.some((row) => row.patientId === candidate.id));
    return { data, backend, admin, approver, outsider, patientId: patient?.id as string };
}

function verifyAll(backend: ReturnType<typeof createBackend>): ChainVerification {
    return backend.invoke('WardenAuditController.verifyChain', {
        fromSequence: 1,
        batchSize: 2000
    }) as ChainVerification;
}

describe('preview backend: erasure requests', () => {
    it('erases only after a second person approves, and the chain verifies with the receipt in it', () => {
        const { data, backend, admin, approver, patientId } = setUp();
        const consents = data.consents.filter((row) => row.patientId === patientId).length;
        const length = data.log.length;
        const asked = backend.invoke(
            'WardenErasureController.requestErasure',
            { subjectId: patientId, justification: JUSTIFICATION },
            { userId: admin }
        ) as ErasureOverview;
        expect(asked.canRequest).toBe(true);
        const [request] = asked.requests;
        expect(request).toMatchObject({ status: 'Requested', canDecide: false, receipt: null });
        expect(JSON.stringify(asked)).not.toContain(patientId);
        expect(() =>
            backend.invoke('WardenErasureController.decideErasure', {
                requestId: request.id,
                approve: true,
                note: null
            })
        ).toThrow(/yourself/);

        const decided = backend.invoke(
            'WardenErasureController.decideErasure',
            { requestId: request.id, approve: true, note: null },
            { userId: approver }
        ) as ErasureOverview;
        const [erased] = decided.requests;
        expect(erased.status).toBe('Erased');
        expect(erased.receipt).toMatchObject({ chained: true, sequence: length + 1 });
        expect(erased.receipt?.reasons).toBe(`KEY_DESTROYED;CONSENTS_ERASED=${consents}`);
        expect(data.consents.some((row) => row.patientId === patientId)).toBe(false);

        const receipt = data.log[length];
        expect(toExportRecord(receipt)).toMatchObject({
            EntryKind__c: 'ERASURE',
            RecordId__c: null,
            Decision__c: 'Erased'
        });
        expect(receipt.subjectKey).not.toBe(data.patients.find((row) => row.id === patientId)?.subjectKey);
        data.simulateCall(clock() + 1000);
        expect(verifyAll(backend)).toMatchObject({ ok: true, checked: length + 2 });
    });

    it('writes a NO_KEY receipt for a patient erased twice, and no receipt for a rejection', () => {
        const { backend, admin, approver, patientId } = setUp();
        const decideAs = (approve: boolean, note: string | null) => {
            const asked = backend.invoke(
                'WardenErasureController.requestErasure',
                { subjectId: patientId, justification: JUSTIFICATION },
                { userId: admin }
            ) as ErasureOverview;
            const requestId = asked.requests[0].id;
            const decided = backend.invoke(
                'WardenErasureController.decideErasure',
                { requestId, approve, note },
                { userId: approver }
            ) as ErasureOverview;
            return decided.requests.find((row) => row.id === requestId);
        };
        expect(decideAs(true, null)?.receipt?.reasons).toMatch(/^KEY_DESTROYED;/);
        expect(decideAs(true, null)?.receipt?.reasons).toBe('NO_KEY;CONSENTS_ERASED=0');
        expect(() => decideAs(false, 'no')).toThrow(/note of at least 10/);
    });

    it('refuses a bad request and whoever may neither ask nor decide', () => {
        const { backend, admin, approver, outsider, patientId } = setUp();
        const ask = (subjectId: string, justification: string, userId: string) =>
            backend.invoke('WardenErasureController.requestErasure', { subjectId, justification }, { userId });
        expect(() => ask('003-not-an-id', JUSTIFICATION, admin)).toThrow(/15 or 18/);
        expect(() => ask(patientId, 'too short', admin)).toThrow(/justification/);
        expect(() => ask(patientId, JUSTIFICATION, approver)).toThrow(/WardenAdmin/);
        expect(() => backend.invoke('WardenErasureController.getErasures', {}, { userId: outsider })).toThrow(
            /permission/
        );
        const view = backend.invoke('WardenErasureController.getErasures', {}, { userId: approver }) as ErasureOverview;
        expect(view).toEqual({ canRequest: false, canDecide: true, requests: [] });
    });

    it('keeps receipts out of the call counts', () => {
        const { data, backend, admin, approver, patientId } = setUp();
        const callsByDecision = () =>
            (backend.invoke('WardenAuditController.getEvidencePack', {}) as EvidencePack).callsByDecision;
        const before = callsByDecision();
        const asked = backend.invoke(
            'WardenErasureController.requestErasure',
            { subjectId: patientId, justification: JUSTIFICATION },
            { userId: admin }
        ) as ErasureOverview;
        backend.invoke(
            'WardenErasureController.decideErasure',
            { requestId: asked.requests[0].id, approve: true, note: null },
            { userId: approver }
        );
        expect(data.log[data.log.length - 1].decision).toBe('Erased');
        expect(callsByDecision()).toEqual(before);
        expect(before.map((row) => row.key)).not.toContain('Erased');
    });
});

describe('preview backend: the call simulator after an erasure', () => {
    function erase(setup: ReturnType<typeof setUp>, patientId: string): void {
        const asked = setup.backend.invoke(
            'WardenErasureController.requestErasure',
            { subjectId: patientId, justification: JUSTIFICATION },
            { userId: setup.admin }
        ) as ErasureOverview;
        setup.backend.invoke(
            'WardenErasureController.decideErasure',
            { requestId: asked.requests[0].id, approve: true, note: null },
            { userId: setup.approver }
        );
    }

    it('never draws an erased patient again, not even the one it was about to draw', () => {
        // Two identical data sets: the first shows whom the simulator draws next; the second erases that patient first.
        const probe = setUp();
        const at = clock();
        const next = probe.data.simulateCall(at);
        const target = probe.data.patients.find((patient) => patient.id === next.recordId);
        expect(target).toBeDefined();
        const setup = setUp();
        const erased = setup.data.patients.find((patient) => patient.id === target?.id);
        erase(setup, erased?.id as string);
        const calls = Array.from({ length: 400 }, (_, index) => setup.data.simulateCall(at + index * 1000));
        expect(calls[0].recordId).not.toBe(erased?.id);
        expect(calls.some((entry) => entry.recordId === erased?.id || entry.subjectKey === erased?.subjectKey)).toBe(
            false
        );
        // The Contact itself stays: the org's own record is the org's decision.
        expect(setup.data.patients).toContain(erased);
        expect(verifyAll(setup.backend).ok).toBe(true);
    });
});
