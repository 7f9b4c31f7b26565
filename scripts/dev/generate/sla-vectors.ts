/**
 * Builds the deadline vectors shared by c/slaCalculator (Jest) and the Apex FindingDeadlines (FindingDeadlines_Tests):
 * the due date of a new finding, which deadlines new SLA windows move, where a finding stands on a day, and the
 * "Due first" order. Every expectation below is written out by hand from the rules of docs/finding-workflow.md
 * ("Deadlines"), never computed by either implementation, so a twin that drifts from the rules fails.
 *
 *   npx tsx scripts/dev/generate/sla-vectors.ts [--check]
 */
import { runGenerator } from './write-generated';

export const SLA_VECTORS_PATH = 'force-app/tests/findings/staticresources/SlaVectors.json';

const DEFAULTS = { critical: 30, high: 60, medium: 90, low: 180 };
const TIGHT = { critical: 14, high: 45, medium: 90, low: 120 };

type Row = { name: string; status: string; severity: string; dueDate: string | null };

function row(name: string, severity: string, status: string, dueDate: string | null): Row {
    return { name, status, severity, dueDate };
}

/** The "Due first" orders: lateness first, then severity, then the due date, then the number. */
function dueFirstOrders() {
    return [
        {
            description: 'an overdue Critical finding comes before findings overdue for longer but less severe',
            today: '2026-11-22',
            findings: [
                row('CF-000001', 'Medium', 'New', '2026-10-30'),
                row('CF-000002', 'Medium', 'Triaged', '2026-11-02'),
                row('CF-000003', 'High', 'New', '2026-11-12'),
                row('CF-000004', 'Critical', 'Triaged', '2026-11-21'),
                row('CF-000005', 'Critical', 'New', '2026-12-25'),
                row('CF-000006', 'Low', 'New', '2026-11-25')
            ],
            expected: ['CF-000004', 'CF-000003', 'CF-000001', 'CF-000002', 'CF-000006', 'CF-000005']
        },
        {
            description: 'due soon before on track, no deadline after, closed last; severity orders each group',
            today: '2026-11-22',
            findings: [
                row('CF-000010', 'Info', 'New', null),
                row('CF-000011', 'Critical', 'Resolved', '2026-11-01'),
                row('CF-000012', 'Low', 'New', '2026-11-23'),
                row('CF-000013', 'High', 'InRemediation', '2026-11-29'),
                row('CF-000014', 'Critical', 'New', '2027-01-10'),
                row('CF-000015', 'High', 'New', '2026-12-20'),
                row('CF-000016', 'High', 'RiskAccepted', null)
            ],
            expected: ['CF-000013', 'CF-000012', 'CF-000014', 'CF-000015', 'CF-000010', 'CF-000011', 'CF-000016']
        },
        {
            description: 'same lateness and severity: the earlier due date, then the finding number',
            today: '2026-11-22',
            findings: [
                row('CF-000022', 'High', 'New', '2026-11-10'),
                row('CF-000021', 'High', 'Triaged', '2026-11-10'),
                row('CF-000020', 'High', 'New', '2026-11-15')
            ],
            expected: ['CF-000021', 'CF-000022', 'CF-000020']
        }
    ];
}

export function slaVectorText(): string {
    const file = {
        version: 1,
        description:
            'Deadlines of ComplianceFinding__c, shared by c/slaCalculator (Jest) and the Apex FindingDeadlines (FindingDeadlines_Tests). Built by scripts/dev/generate/sla-vectors.ts; every expectation is written by hand from docs/finding-workflow.md (Deadlines). Days are UTC dates; settings are SLA days per severity.',
        dueSoonDays: 7,
        dueDates: [
            { severity: 'Critical', firstSeen: '2026-12-15T08:00:00.000Z', settings: DEFAULTS, expected: '2027-01-14' },
            { severity: 'High', firstSeen: '2026-01-01T23:30:00.000Z', settings: DEFAULTS, expected: '2026-03-02' },
            { severity: 'Medium', firstSeen: '2026-02-27T00:00:00.000Z', settings: DEFAULTS, expected: '2026-05-28' },
            { severity: 'Low', firstSeen: '2026-03-31T12:00:00.000Z', settings: DEFAULTS, expected: '2026-09-27' },
            { severity: 'Info', firstSeen: '2026-03-31T12:00:00.000Z', settings: DEFAULTS, expected: null },
            { severity: 'Critical', firstSeen: '2026-11-01T10:00:00.000Z', settings: TIGHT, expected: '2026-11-15' },
            { severity: 'High', firstSeen: '2028-02-14T00:00:00.000Z', settings: TIGHT, expected: '2028-03-30' }
        ],
        recalculations: [
            {
                finding: {
                    status: 'New',
                    severity: 'Critical',
                    firstSeen: '2026-11-01T10:00:00.000Z',
                    dueDate: '2026-12-01',
                    dueDateExtended: false
                },
                settings: TIGHT,
                expected: '2026-11-15'
            },
            {
                finding: {
                    status: 'Triaged',
                    severity: 'Critical',
                    firstSeen: '2026-11-01T10:00:00.000Z',
                    dueDate: '2027-02-01',
                    dueDateExtended: true
                },
                settings: TIGHT,
                expected: '2027-02-01'
            },
            {
                finding: {
                    status: 'Resolved',
                    severity: 'High',
                    firstSeen: '2026-11-01T10:00:00.000Z',
                    dueDate: '2026-12-31',
                    dueDateExtended: false
                },
                settings: TIGHT,
                expected: '2026-12-31'
            },
            {
                finding: {
                    status: 'InRemediation',
                    severity: 'Info',
                    firstSeen: '2026-11-01T10:00:00.000Z',
                    dueDate: null,
                    dueDateExtended: false
                },
                settings: TIGHT,
                expected: null
            },
            {
                finding: {
                    status: 'New',
                    severity: 'Low',
                    firstSeen: '2026-11-01T10:00:00.000Z',
                    dueDate: '2027-04-30',
                    dueDateExtended: false
                },
                settings: TIGHT,
                expected: '2027-03-01'
            }
        ],
        states: [
            { status: 'New', dueDate: '2026-11-21', today: '2026-11-22', expected: 'overdue' },
            { status: 'Triaged', dueDate: '2026-11-22', today: '2026-11-22', expected: 'dueSoon' },
            { status: 'InRemediation', dueDate: '2026-11-29', today: '2026-11-22', expected: 'dueSoon' },
            { status: 'New', dueDate: '2026-11-30', today: '2026-11-22', expected: 'onTrack' },
            { status: 'New', dueDate: null, today: '2026-11-22', expected: 'none' },
            { status: 'Resolved', dueDate: '2026-01-01', today: '2026-11-22', expected: 'closed' },
            { status: 'RiskAccepted', dueDate: null, today: '2026-11-22', expected: 'closed' },
            { status: 'FalsePositive', dueDate: '2026-11-21', today: '2026-11-22', expected: 'closed' }
        ],
        orders: dueFirstOrders()
    };
    return JSON.stringify(file, null, 2) + '\n';
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'sla-vectors',
        'Writes the deadline vectors shared by Jest and the Apex tests.',
        () => [{ path: SLA_VECTORS_PATH, text: slaVectorText() }]
    );
}
