/** `warden verify` end to end on files: exit codes, messages and the checkpoint file. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    checkpointMessage,
    CHECKPOINT_COLUMNS,
    EXPORT_COLUMNS,
    V2_COLUMNS
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { nodeSha256 } from '../chain';
import { UNANCHORED_NOTE, runVerify } from '../command';
import {
    SAMPLE_MAC_KEY,
    exportCsv,
    rechain,
    sampleCheckpoints,
    sampleLog,
    sampleMixedLog
} from '../../../dev/generate/sample-log';

describe('warden verify', () => {
    let dir: string;
    const log = sampleLog(20, nodeSha256);
    const checkpoints = sampleCheckpoints(log, 6);
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-verify-'));
        writeFileSync(join(dir, 'log.csv'), exportCsv(log, EXPORT_COLUMNS));
        writeFileSync(join(dir, 'log.json'), JSON.stringify(log));
        writeFileSync(join(dir, 'checkpoints.csv'), exportCsv(checkpoints, CHECKPOINT_COLUMNS));
        const edited = log.map((e) => ({ ...e }));
        edited[7].TokensOut__c = 1;
        writeFileSync(join(dir, 'edited.csv'), exportCsv(edited, EXPORT_COLUMNS));
        writeFileSync(join(dir, 'truncated.csv'), exportCsv(log.slice(0, 19), EXPORT_COLUMNS));
        writeFileSync(
            join(dir, 'extra.csv'),
            exportCsv(
                log.map((e, i) => ({ ...e, Id: 'a0X' + i, Name: 'IL-' + i })),
                ['Id', 'Name', ...EXPORT_COLUMNS]
            )
        );
        writeFileSync(join(dir, 'nocolumns.csv'), 'Sequence__c\n1\n');
        writeFileSync(join(dir, 'broken.json'), '[{');
        writeFileSync(join(dir, 'header-only.csv'), EXPORT_COLUMNS.join(',') + '\r\n');
        writeFileSync(join(dir, 'other-header.csv'), 'Name,Phone\r\n');
        writeFileSync(join(dir, 'empty.csv'), '');
        writeFileSync(
            join(dir, 'wide.csv'),
            exportCsv(
                log.map((e) => ({ ...e, ['X'.repeat(5000)]: 'y' })),
                [...EXPORT_COLUMNS, ...Array.from({ length: 30 }, (_, i) => 'Extra' + i), 'X'.repeat(5000)]
            )
        );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports OK with the count, head hash and time span, and exits 0', () => {
        const outcome = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'checkpoints.csv')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('OK: 20 entries, sequences 1..20');
        expect(outcome.stdout).toContain(String(log[19].EntryHash__c));
        expect(outcome.stdout).toContain('2026-01-01T00:00:01.000Z .. 2026-01-01T00:00:20.000Z');
        expect(outcome.stdout).toContain(`Checkpoints verified: ${checkpoints.length}`);
        expect(runVerify([join(dir, 'log.json')]).code).toBe(0);
    });

    it('reports the first broken entry and why, and exits 1', () => {
        const outcome = runVerify([join(dir, 'edited.csv')]);
        expect(outcome.code).toBe(1);
        expect(outcome.stdout).toContain('BROKEN at sequence 8 (row 8): edited');
        const truncated = runVerify([join(dir, 'truncated.csv'), '--checkpoints', join(dir, 'checkpoints.csv')]);
        expect(truncated.code).toBe(1);
        expect(truncated.stdout).toContain('entries 20..20 are missing');
    });

    it('prints JSON on request', () => {
        const outcome = runVerify([join(dir, 'edited.csv'), '--json']);
        expect(JSON.parse(outcome.stdout).break.kind).toBe('edited');
    });

    it('names columns the chain does not cover', () => {
        const outcome = runVerify([join(dir, 'extra.csv')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('Columns not covered by the chain (ignored): Id, Name');
    });

    it('keeps the note on extra columns short however wide the header', () => {
        const outcome = runVerify([join(dir, 'wide.csv')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('Extra0, Extra1,');
        expect(outcome.stdout).toContain('Extra19 and 11 more.');
        expect(outcome.stdout.length).toBeLessThan(1500);
    });

    it('tells an empty export from a file that is not an inference log export', () => {
        const headerOnly = runVerify([join(dir, 'header-only.csv')]);
        expect(headerOnly.code).toBe(1);
        expect(headerOnly.stdout).toContain('The export holds no entries.');
        expect(runVerify([join(dir, 'empty.csv')]).stdout).toContain('The export holds no entries.');
        const other = runVerify([join(dir, 'other-header.csv')]);
        expect(other.code).toBe(2);
        expect(other.stderr).toContain('lacks the column(s) EventUuid__c, Sequence__c');
    });

    it('exits 2 on bad usage and unreadable input', () => {
        expect(runVerify([]).code).toBe(2);
        expect(runVerify(['--bogus']).code).toBe(2);
        expect(runVerify([join(dir, 'missing.csv')]).code).toBe(2);
        expect(runVerify([join(dir, 'broken.json')]).stderr).toContain('not a valid JSON export');
        expect(runVerify([join(dir, 'nocolumns.csv')]).stderr).toContain('lacks the column(s)');
        expect(runVerify([join(dir, 'log.csv'), '--checkpoints']).code).toBe(2);
        expect(runVerify([join(dir, 'log.csv'), '--checkpoints']).stderr).toContain(
            'warden verify: --checkpoints needs a value'
        );
        expect(runVerify([join(dir, 'log.csv'), join(dir, 'log.json'), join(dir, 'log.csv')]).stderr).toContain(
            'too many arguments'
        );
        const missingCheckpoints = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'none.csv')]);
        expect(missingCheckpoints.code).toBe(2);
        expect(missingCheckpoints.stderr).toContain('Cannot read');
        expect(runVerify([join(dir, 'log.csv'), '--cert', join(dir, 'none.pem')]).stderr).toContain('Cannot read');
    });

    it('prints its options and exit codes with --help', () => {
        const help = runVerify(['--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('Usage: warden verify [options] [<archive-export>] <export.csv|export.json>');
        for (const option of ['--checkpoints <file>', '--cert <file.pem>', '--allow-partial', '--json']) {
            expect(help.stdout).toContain(option);
        }
        expect(help.stdout).toContain('--require-checkpoints');
        expect(help.stdout).toContain('--mac-key <file>');
        expect(help.stdout).toContain(
            'Exit code: 0 intact, 1 broken (or no checkpoint checked with --require-checkpoints), 2 usage or input error.'
        );
    });
});

describe('warden verify without checkpoints, and on v2 entries', () => {
    let dir: string;
    const log = sampleMixedLog(4, 10, nodeSha256, 9);
    const checkpoints = sampleCheckpoints(log, 5);
    const columns = [...EXPORT_COLUMNS, ...V2_COLUMNS];
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-verify-v2-'));
        writeFileSync(join(dir, 'log.csv'), exportCsv(log, columns));
        writeFileSync(join(dir, 'checkpoints.csv'), exportCsv(checkpoints, CHECKPOINT_COLUMNS));
        writeFileSync(join(dir, 'key.hex'), SAMPLE_MAC_KEY + '\n');
        writeFileSync(join(dir, 'bad-key.hex'), 'not a key');
        const forged = log.map((e) => ({ ...e }));
        forged[8].Reasons__c = 'CONSENT_GRANTED';
        rechain(forged, nodeSha256, 8);
        writeFileSync(join(dir, 'forged.csv'), exportCsv(forged, columns));
        writeFileSync(join(dir, 'truncated.csv'), exportCsv(log.slice(0, 12), columns));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('says what an intact chain without checkpoints cannot rule out, and exits 0', () => {
        const outcome = runVerify([join(dir, 'truncated.csv')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('OK: 12 entries');
        expect(outcome.stdout).toContain('Note: WITHOUT CHECKPOINTS');
        expect(UNANCHORED_NOTE).toContain('truncation');
        expect(UNANCHORED_NOTE).toContain('recomputed');
        const anchored = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'checkpoints.csv')]);
        expect(anchored.code).toBe(0);
        expect(anchored.stdout).not.toContain('WITHOUT CHECKPOINTS');
    });

    it('fails with --require-checkpoints when no checkpoint was checked', () => {
        const outcome = runVerify([join(dir, 'truncated.csv'), '--require-checkpoints']);
        expect(outcome.code).toBe(1);
        expect(outcome.stdout).toContain('NOT VERIFIED: the chain of 12 entries, sequences 1..12, is intact');
        expect(outcome.stdout).toContain('--require-checkpoints: no checkpoint was checked');
        const json = JSON.parse(runVerify([join(dir, 'truncated.csv'), '--require-checkpoints', '--json']).stdout);
        expect(json).toMatchObject({ ok: false, break: { kind: 'unanchored' } });
        const withThem = ['--require-checkpoints', '--checkpoints', join(dir, 'checkpoints.csv')];
        expect(runVerify([join(dir, 'log.csv'), ...withThem]).code).toBe(0);
        // Checkpoints that cover more than the export still catch the truncation.
        expect(runVerify([join(dir, 'truncated.csv'), ...withThem]).stdout).toContain('entries 13..14 are missing');
    });

    it('verifies v1 and v2 entries in one export, and their MACs with the key', () => {
        const outcome = runVerify([join(dir, 'log.csv'), '--mac-key', join(dir, 'key.hex')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toContain('OK: 14 entries');
        expect(outcome.stdout).not.toContain('Columns not covered');
        expect(runVerify([join(dir, 'forged.csv')]).code).toBe(0);
        const forged = runVerify([join(dir, 'forged.csv'), '--mac-key', join(dir, 'key.hex')]);
        expect(forged.code).toBe(1);
        expect(forged.stdout).toContain('BROKEN at sequence 9 (row 9): mac');
        const badKey = runVerify([join(dir, 'log.csv'), '--mac-key', join(dir, 'bad-key.hex')]);
        expect(badKey.code).toBe(2);
        expect(badKey.stderr).toContain('does not hold a MAC key as hex');
    });
});

describe('warden verify reports what the checkpoint signatures prove', () => {
    let dir: string;
    const log = sampleLog(12, nodeSha256);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signed = sampleCheckpoints(log, 4).map((cp) => ({
        ...cp,
        CertificateName__c: 'WardenCheckpointSigning',
        Signature__c: sign('RSA-SHA256', Buffer.from(checkpointMessage(cp), 'utf8'), privateKey).toString('base64')
    }));
    const columns = [...CHECKPOINT_COLUMNS, 'Signature__c', 'CertificateName__c'].filter(
        (c, i, all) => all.indexOf(c) === i
    );
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-verify-signed-'));
        writeFileSync(join(dir, 'log.csv'), exportCsv(log, EXPORT_COLUMNS));
        writeFileSync(join(dir, 'signed.csv'), exportCsv(signed, columns));
        writeFileSync(join(dir, 'unsigned.csv'), exportCsv(sampleCheckpoints(log, 4), CHECKPOINT_COLUMNS));
        writeFileSync(join(dir, 'cert.pem'), publicKey.export({ type: 'spki', format: 'pem' }).toString());
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('says signed and verified with the certificate, signed but unchecked without it', () => {
        const base = [join(dir, 'log.csv'), '--checkpoints', join(dir, 'signed.csv')];
        const verified = runVerify([...base, '--cert', join(dir, 'cert.pem')]);
        expect(verified.code).toBe(0);
        expect(verified.stdout).toContain(
            `Signatures: SIGNED AND VERIFIED: ${signed.length} verified, 0 signed but not checked, 0 unsigned`
        );
        const unchecked = runVerify(base);
        expect(unchecked.code).toBe(0);
        expect(unchecked.stdout).toContain('Signatures: SIGNED, NOT CHECKED (no --cert)');
        expect(unchecked.report?.signaturesUnchecked).toBe(signed.length);
    });

    it('says when checkpoints are unsigned and what that cannot rule out', () => {
        const outcome = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'unsigned.csv')]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(
            /Signatures: UNSIGNED CHECKPOINTS: 0 verified, 0 signed but not checked, \d+ unsigned/
        );
        expect(outcome.stdout).toContain('did not recompute it together with the log');
        expect(outcome.report?.unsignedCheckpoints).toBeGreaterThan(0);
    });
});

describe('warden verify on a file that names a field twice', () => {
    let dir: string;
    const log = sampleLog(6, nodeSha256);
    const checkpoints = sampleCheckpoints(log, 3);
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-verify-twice-'));
        writeFileSync(join(dir, 'log.csv'), exportCsv(log, EXPORT_COLUMNS));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses an export or checkpoint file that names a field twice, instead of letting one column win', () => {
        // Both columns hold a decision: whichever one the verifier read, the other could say something else.
        const twice = exportCsv(
            log.map((e) => ({ ...e, warden__Decision__c: 'Allowed' })),
            [...EXPORT_COLUMNS, 'warden__Decision__c']
        );
        writeFileSync(join(dir, 'twice.csv'), twice);
        const csv = runVerify([join(dir, 'twice.csv')]);
        expect(csv.code).toBe(2);
        expect(csv.stderr).toContain(
            'names a field more than once: Decision__c (Decision__c, warden__Decision__c). Export each field once.'
        );
        writeFileSync(
            join(dir, 'twice.json'),
            JSON.stringify(log.map((e) => ({ ...e, warden__Decision__c: 'Allowed' })))
        );
        const json = runVerify([join(dir, 'twice.json')]);
        expect(json.code).toBe(2);
        expect(json.stderr).toContain('Entry 1 names a field more than once: Decision__c');
        writeFileSync(
            join(dir, 'checkpoints-twice.csv'),
            exportCsv(checkpoints, [...CHECKPOINT_COLUMNS, 'HeadHash__c'])
        );
        const cps = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'checkpoints-twice.csv')]);
        expect(cps.code).toBe(2);
        expect(cps.stderr).toContain('names a field more than once: HeadHash__c (HeadHash__c, HeadHash__c)');
    });

    it('says a --checkpoints file without the checkpoint columns is the wrong file, not a broken log', () => {
        // Before, a file of other rows was read as checkpoints of nothing and the log was reported BROKEN (exit 1).
        writeFileSync(join(dir, 'contacts.csv'), 'Name,Phone\r\nx,y\r\n');
        writeFileSync(join(dir, 'partial.json'), JSON.stringify([{ Sequence__c: 3, FromSequence__c: 1 }]));
        for (const file of ['contacts.csv', 'partial.json', 'log.csv']) {
            const outcome = runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, file)]);
            expect(outcome.code).toBe(2);
            expect(outcome.stderr).toContain('--checkpoints takes a ChainCheckpoint__c export');
        }
        expect(runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'partial.json')]).stderr).toContain(
            'lacks the column(s) EntryCount__c, HeadHash__c, MerkleRoot__c'
        );
        writeFileSync(join(dir, 'checkpoints.csv'), exportCsv(checkpoints, CHECKPOINT_COLUMNS));
        expect(runVerify([join(dir, 'log.csv'), '--checkpoints', join(dir, 'checkpoints.csv')]).code).toBe(0);
    });
});
