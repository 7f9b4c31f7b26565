/**
 * The test org's side of the keys step: anonymous Apex that calls WardenKeyAdmin.rotate('<reason>') behaves as the
 * class does in an org. It fails to compile when the class is not deployed, is refused without Author Apex or when the
 * admin user does not hold WardenAdmin (WardenManageKeys), and otherwise deactivates every WardenKeyring__c row,
 * adds version n+1 (versions and dates only: the test org holds no key material) and records a KeyRotated row in
 * RecordChange__c with the reason, as ChangeHistory.recordKeyRotation does.
 */
import type { FakeOrg } from './server';

const ROTATE = /WardenKeyAdmin\.rotate\(\s*'((?:[^'\\]|\\.)*)'\s*\)/;

type AnonymousResult = Record<string, unknown>;

function outcome(fields: Partial<AnonymousResult>): AnonymousResult {
    return {
        line: -1,
        column: -1,
        compiled: true,
        success: true,
        compileProblem: null,
        exceptionMessage: null,
        exceptionStackTrace: null,
        ...fields
    };
}

function holdsWardenAdmin(org: FakeOrg): boolean {
    const set = org.rows('PermissionSet').find((row) => row.Name === 'WardenAdmin');
    return (
        !!set &&
        org
            .rows('PermissionSetAssignment')
            .some((row) => row.AssigneeId === org.adminUserId && row.PermissionSetId === set.Id)
    );
}

/** The answer to a key script, or null when the script is not one. */
export function keyScript(org: FakeOrg, source: string): AnonymousResult | null {
    const match = ROTATE.exec(source);
    if (!match) return null;
    if (!org.rows('ApexClass').some((row) => row.Name === 'WardenKeyAdmin')) {
        return outcome({
            line: 1,
            column: 1,
            compiled: false,
            success: false,
            compileProblem: 'Invalid type: WardenKeyAdmin'
        });
    }
    if (!org.options.runningUser.authorApex) {
        return outcome({ success: false, exceptionMessage: 'System.NoAccessException: Insufficient Privileges' });
    }
    if (!holdsWardenAdmin(org)) {
        return outcome({
            success: false,
            exceptionMessage:
                'WardenKeyAdmin.NotAllowedException: Only a Warden admin (WardenManageKeys) may create or rotate the keys.'
        });
    }
    const rows = org.rows('WardenKeyring__c');
    const previous = rows.filter((row) => row.Active__c).map((row) => Number(row.KeyVersion__c));
    const next = rows.reduce((max, row) => Math.max(max, Number(row.KeyVersion__c ?? 0)), 0) + 1;
    for (const row of rows) row.Active__c = false;
    org.insert('WardenKeyring__c', {
        Name: `v${next}`,
        KeyVersion__c: next,
        Active__c: true,
        CreatedAt__c: new Date().toISOString()
    });
    org.insert('RecordChange__c', {
        Action__c: 'KeyRotated',
        Field__c: 'KeyVersion__c',
        FromValue__c: previous.length > 0 ? `v${Math.max(...previous)}` : null,
        ToValue__c: `v${next}`,
        Reason__c: match[1].replace(/\\(.)/g, '$1'),
        RecordName__c: 'Warden keyring',
        ChangedBy__c: org.adminUserId
    });
    return outcome({});
}
