import { buildMatrix, configIssues, dpaState } from 'c/residencyMatrix';
import type { EndpointRow, JurisdictionRuleRow } from 'c/consoleContracts';
import { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from 'c/gatePolicy';

const endpoint = (overrides: Partial<EndpointRow>): EndpointRow => ({
    id: 'e',
    name: 'E',
    endpointKey: 'e',
    model: null,
    region: 'eu-central-1',
    jurisdiction: 'EU',
    hosting: 'SovereignLocal',
    status: 'Approved',
    dpaSigned: true,
    dpaExpires: null,
    zeroRetention: true,
    approvedOn: null,
    ...overrides
});
const euRule: JurisdictionRuleRow = {
    jurisdiction: 'EU',
    allowedRegions: ['EU'],
    allowedHostings: ['SovereignLocal', 'PrivateCloud'],
    requiresDpa: true,
    requiresZeroRetention: true,
    legalBasis: 'GDPR'
};
const usRule: JurisdictionRuleRow = {
    jurisdiction: 'US',
    allowedRegions: ['US', 'EU'],
    allowedHostings: [],
    requiresDpa: false,
    requiresZeroRetention: false,
    legalBasis: 'HIPAA'
};
const today = '2026-11-22';

describe('c/residencyMatrix', () => {
    it('grades DPAs as missing, expired, expiring soon or valid', () => {
        expect(dpaState({ dpaSigned: false, dpaExpires: null }, today)).toBe('missing');
        expect(dpaState({ dpaSigned: true, dpaExpires: '2026-11-21' }, today)).toBe('expired');
        expect(dpaState({ dpaSigned: true, dpaExpires: '2026-12-22' }, today)).toBe('expiringSoon');
        expect(dpaState({ dpaSigned: true, dpaExpires: '2026-12-23' }, today)).toBe('valid');
    });

    it('lists every rule the endpoint breaks for a data jurisdiction', () => {
        const us = endpoint({ jurisdiction: 'US', hosting: 'PublicCloud', dpaSigned: false, zeroRetention: false });
        expect(configIssues(euRule, us, today)).toEqual([
            'regionNotAllowed',
            'hostingNotAllowed',
            'dpaMissing',
            'retentionNotZero'
        ]);
        expect(configIssues(usRule, us, today)).toEqual([]);
        expect(configIssues(undefined, us, today)).toEqual(['noRule']);
    });

    it('marks flagged traffic and traffic to disallowed endpoints as violations, and idle disallowed cells as risks', () => {
        const eu = endpoint({ id: 'eu', name: 'EU sovereign' });
        const us = endpoint({ id: 'us', name: 'US public', jurisdiction: 'US', hosting: 'PublicCloud' });
        const matrix = buildMatrix(
            [
                { dataJurisdiction: 'EU', endpointId: 'eu', residencyResult: RESIDENCY_ALLOWED, count: 100 },
                { dataJurisdiction: 'EU', endpointId: 'us', residencyResult: RESIDENCY_BLOCKED, count: 3 },
                { dataJurisdiction: 'US', endpointId: 'us', residencyResult: RESIDENCY_ALLOWED, count: 50 }
            ],
            [us, eu],
            [euRule, usRule],
            today
        );
        expect(matrix.columns.map((column) => column.id)).toEqual(['eu', 'us']);
        expect(matrix.rows.map((row) => row.jurisdiction)).toEqual(['EU', 'US']);
        const euRow = matrix.rows[0];
        expect(euRow.cells.map((cell) => cell.state)).toEqual(['ok', 'violation']);
        expect(euRow.cells[1]).toMatchObject({ calls: 3, flagged: 3 });
        const usRow = matrix.rows[1];
        expect(usRow.cells.map((cell) => cell.state)).toEqual(['none', 'ok']);
        expect(matrix.violations.map((cell) => cell.key)).toEqual(['EU|us']);
    });

    it('adds data jurisdictions seen in traffic but missing a rule', () => {
        const eu = endpoint({ id: 'eu' });
        const matrix = buildMatrix(
            [{ dataJurisdiction: 'CH', endpointId: 'eu', residencyResult: RESIDENCY_ALLOWED, count: 2 }],
            [eu],
            [euRule],
            today
        );
        const ch = matrix.rows.find((row) => row.jurisdiction === 'CH');
        expect(ch?.cells[0]).toMatchObject({ state: 'violation', issues: ['noRule'] });
    });
});
