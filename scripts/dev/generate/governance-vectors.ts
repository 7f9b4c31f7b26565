/**
 * Builds the four-eyes governance vectors shared by c/governance (Jest) and the Apex FindingGovernance and
 * DataFlowGovernance (their _Tests): which moves need a second person, when a closure or a flow approval may be
 * asked for, who may decide it, where an endpoint falls short, and when a review is accepted. Every expectation
 * is written out by hand from the rules of docs/governance.md, never computed by either implementation.
 *
 *   npx tsx scripts/dev/generate/governance-vectors.ts [--check]
 */
import { runGenerator } from './write-generated';

export const GOVERNANCE_VECTORS_PATH = 'force-app/tests/common/staticresources/GovernanceVectors.json';

const TODAY = '2026-11-22';
const JUSTIFIED = 'Compensating control documented in the DPIA.';
const NOTE = 'Reviewed the minimisation and the endpoint terms.';
const ALICE = '005000000000001AAA';
const BOB = '005000000000002AAA';
const GOOD_ENDPOINT = { status: 'Approved', dpaSigned: true, dpaExpires: '2027-06-30', zeroRetention: true };

function closure(
    status: string,
    to: string,
    justification: string | null,
    until: string | null,
    expected: string | null,
    requestedStatus: string | null = null
) {
    return { finding: { status, requestedStatus }, to, justification, until, today: TODAY, expected };
}
function decision(
    requestedBy: string | null,
    actor: string,
    isApprover: boolean,
    approve: boolean,
    note: string | null,
    expected: string | null
) {
    return { requestedBy, actor, isApprover, approve, note, expected };
}

/** Which finding moves need a second person, when a closure may be asked for, and who may decide it. */
function findingVectors() {
    return {
        needsSecondPerson: [
            { severity: 'Medium', to: 'RiskAccepted', expected: true },
            { severity: 'Low', to: 'RiskAccepted', expected: true },
            { severity: 'Critical', to: 'Resolved', expected: true },
            { severity: 'Critical', to: 'FalsePositive', expected: true },
            { severity: 'Critical', to: 'RiskAccepted', expected: true },
            { severity: 'Critical', to: 'Triaged', expected: false },
            { severity: 'Critical', to: 'InRemediation', expected: false },
            { severity: 'High', to: 'Resolved', expected: false },
            { severity: 'High', to: 'FalsePositive', expected: false },
            { severity: 'Info', to: 'Resolved', expected: false }
        ],
        closureRequests: [
            closure('Triaged', 'RiskAccepted', JUSTIFIED, '2027-05-22', null),
            closure('New', 'RiskAccepted', JUSTIFIED, '2027-11-22', null),
            closure('New', 'RiskAccepted', JUSTIFIED, '2027-11-23', 'expiryOutOfRange'),
            closure('New', 'RiskAccepted', JUSTIFIED, '2026-11-23', null),
            closure('New', 'RiskAccepted', JUSTIFIED, '2026-11-22', 'expiryOutOfRange'),
            closure('New', 'RiskAccepted', JUSTIFIED, null, 'expiryRequired'),
            closure('New', 'RiskAccepted', 'too short', '2027-01-01', 'justificationRequired'),
            closure('InRemediation', 'Resolved', JUSTIFIED, null, null),
            closure('InRemediation', 'Resolved', null, null, 'justificationRequired'),
            closure('InRemediation', 'Resolved', '   ', null, 'justificationRequired'),
            closure('Triaged', 'FalsePositive', JUSTIFIED, null, null),
            closure('Resolved', 'RiskAccepted', JUSTIFIED, '2027-01-01', 'notAllowed'),
            closure('Triaged', 'RiskAccepted', JUSTIFIED, '2027-01-01', 'alreadyRequested', 'Resolved')
        ],
        decisions: [
            decision(ALICE, BOB, true, true, null, null),
            decision(ALICE, BOB, true, false, NOTE, null),
            decision(ALICE, BOB, true, false, 'no', 'noteRequired'),
            decision(ALICE, BOB, true, false, null, 'noteRequired'),
            decision(ALICE, ALICE, true, true, NOTE, 'sameUser'),
            decision(ALICE, BOB, false, true, NOTE, 'notApprover'),
            decision(null, BOB, true, true, NOTE, 'nothingRequested')
        ]
    };
}

/** Where an endpoint falls short, when a flow approval may be asked for and decided, and when a review counts. */
function flowVectors() {
    return {
        endpointProblems: [
            { endpoint: GOOD_ENDPOINT, today: TODAY, residencyViolations: 0, expected: [] },
            {
                endpoint: { status: 'Suspended', dpaSigned: true, dpaExpires: '2026-01-31', zeroRetention: false },
                today: TODAY,
                residencyViolations: 12,
                expected: ['suspended', 'dpaExpired', 'noZeroRetention', 'residencyViolations']
            },
            {
                endpoint: { status: 'Proposed', dpaSigned: false, dpaExpires: null, zeroRetention: true },
                today: TODAY,
                residencyViolations: 0,
                expected: ['notApproved', 'noDpa']
            },
            {
                endpoint: { status: 'Approved', dpaSigned: true, dpaExpires: '2026-11-22', zeroRetention: true },
                today: TODAY,
                residencyViolations: 0,
                expected: []
            },
            {
                endpoint: { status: 'Approved', dpaSigned: true, dpaExpires: '2026-11-21', zeroRetention: true },
                today: TODAY,
                residencyViolations: 1,
                expected: ['dpaExpired', 'residencyViolations']
            }
        ],
        flowRequests: [
            { flow: { status: 'Proposed', requestedBy: null }, justification: JUSTIFIED, expected: null },
            { flow: { status: 'Suspended', requestedBy: null }, justification: JUSTIFIED, expected: null },
            { flow: { status: 'Approved', requestedBy: null }, justification: JUSTIFIED, expected: 'notAllowed' },
            { flow: { status: 'Retired', requestedBy: null }, justification: JUSTIFIED, expected: 'notAllowed' },
            {
                flow: { status: 'Proposed', requestedBy: ALICE },
                justification: JUSTIFIED,
                expected: 'alreadyRequested'
            },
            {
                flow: { status: 'Proposed', requestedBy: null },
                justification: 'short',
                expected: 'justificationRequired'
            }
        ],
        flowDecisions: [
            { ...decision(ALICE, BOB, true, true, null, null), overrideShortfall: false, problems: [] },
            {
                ...decision(ALICE, BOB, true, true, null, 'endpointFallsShort'),
                overrideShortfall: false,
                problems: ['dpaExpired']
            },
            {
                ...decision(ALICE, BOB, true, true, 'ok', 'noteRequired'),
                overrideShortfall: true,
                problems: ['dpaExpired']
            },
            {
                ...decision(ALICE, BOB, true, true, 'DPA renewal signed, filing pending.', null),
                overrideShortfall: true,
                problems: ['dpaExpired', 'residencyViolations']
            },
            {
                ...decision(ALICE, BOB, true, true, 'Approve anyway, we need it.', 'endpointSuspended'),
                overrideShortfall: true,
                problems: ['suspended']
            },
            {
                ...decision(ALICE, BOB, true, false, 'The endpoint is suspended.', null),
                overrideShortfall: false,
                problems: ['suspended']
            },
            {
                ...decision(ALICE, ALICE, true, true, null, 'sameUser'),
                overrideShortfall: false,
                problems: []
            }
        ],
        reviews: [
            { status: 'Approved', note: NOTE, expected: null },
            { status: 'Approved', note: 'fine', expected: 'noteRequired' },
            { status: 'Approved', note: null, expected: 'noteRequired' },
            { status: 'Proposed', note: NOTE, expected: 'notAllowed' },
            { status: 'Suspended', note: NOTE, expected: 'notAllowed' }
        ]
    };
}

export function governanceVectorText(): string {
    const file = {
        version: 1,
        description:
            'Four-eyes governance of findings and data flows, shared by c/governance (Jest) and the Apex FindingGovernance and DataFlowGovernance (FindingGovernance_Tests, DataFlowGovernance_Tests). Built by scripts/dev/generate/governance-vectors.ts; every expectation is written by hand from docs/governance.md. A null expected means allowed; otherwise the refusal code.',
        maxAcceptanceDays: 365,
        minNote: 10,
        ...findingVectors(),
        ...flowVectors()
    };
    return JSON.stringify(file, null, 2) + '\n';
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'governance-vectors',
        'Writes the governance vectors shared by Jest and the Apex tests.',
        () => [{ path: GOVERNANCE_VECTORS_PATH, text: governanceVectorText() }]
    );
}
