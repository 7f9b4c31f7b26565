/**
 * The hash chain, Merkle root and checkpoints of the inference log (docs/audit-format.md): every field of
 * every entry is mutated one at a time, entries are deleted and swapped, and every change must be caught.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    CHAIN_FIELDS,
    EXPORT_COLUMNS,
    GENESIS_HASH,
    LOG_FIELDS,
    canonicalDatetime,
    canonicalEntry,
    checkpointMessage,
    jsonToEntries,
    merkleRoot,
    rowsToEntries,
    toId18,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { verifyChain } from '../../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { parseCsv } from '../../../../force-app/main/common/lwc/csv/csv';
import { sha256Hex } from '../../../../force-app/main/common/lwc/sha256/sha256';
import { CHAIN_VECTORS_PATH, chainVectorText } from '../../../dev/generate/chain-vectors';
import { merkleRootByLevels, nodeMerkleNode, pureMerkleNode } from '../../../dev/testing/chain-oracles';
import { nodeSha256 } from '../chain';
import { exportCsv, rechain, sampleCheckpoints, sampleLog } from '../../../dev/generate/sample-log';

const root = join(__dirname, '..', '..', '..', '..');
const clone = (entries: LogEntry[]): LogEntry[] => entries.map((e) => ({ ...e }));

/** A different value of the same kind, so the mutation is a real edit. */
function mutate(value: unknown, field: string): unknown {
    const kind = LOG_FIELDS.find((f) => f.name === field)?.kind ?? 'text';
    if (kind === 'integer') {
        return value === null || value === undefined ? 7 : Number(value) + 1;
    }
    if (kind === 'datetime') {
        return new Date(Date.parse(String(value)) + 1000).toISOString();
    }
    if (field === 'PreviousHash__c' || field === 'EntryHash__c') {
        const text = String(value);
        return (text[0] === 'a' ? 'b' : 'a') + text.slice(1);
    }
    if (value === null || value === undefined || value === '') {
        return 'x';
    }
    const text = String(value);
    return text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

describe('the canonical form', () => {
    it('is the documented one for a known entry', () => {
        const entry: LogEntry = {
            EventUuid__c: 'e1',
            Sequence__c: '0042',
            LoggedAt__c: '2026-03-01T10:15:30+01:00',
            Endpoint__c: 'a0B5g000001AbCd',
            Reasons__c: 'a\\b\nc\rd',
            RedactionCount__c: '3.0',
            Caller__c: 'Zoë'
        };
        const expected = [
            'warden-log-v1',
            'EventUuid__c=e1',
            'Sequence__c=42',
            'LoggedAt__c=2026-03-01T09:15:30.000Z',
            'Endpoint__c=a0B5g000001AbCdEAK',
            'EndpointKey__c=',
            'Purpose__c=',
            'Decision__c=',
            'Mode__c=',
            'Reasons__c=a\\\\b\\nc\\rd',
            'RecordId__c=',
            'SubjectKey__c=',
            'Jurisdiction__c=',
            'FieldsSent__c=',
            'PhiCategories__c=',
            'RedactionCount__c=3',
            'ConsentResult__c=',
            'ResidencyResult__c=',
            'PromptSha256__c=',
            'ResponseSha256__c=',
            'TokensIn__c=',
            'TokensOut__c=',
            'LatencyMs__c=',
            'Caller__c=Zoë',
            ''
        ].join('\n');
        expect(canonicalEntry(entry)).toBe(expected);
    });

    it('normalises the date-time variants that Salesforce exports write', () => {
        for (const variant of [
            '2026-03-01T09:15:30.000Z',
            '2026-03-01T09:15:30Z',
            '2026-03-01T09:15:30.000+0000',
            '2026-03-01 09:15:30',
            '2026-03-01T04:15:30-05:00'
        ]) {
            expect(canonicalDatetime(variant)).toBe('2026-03-01T09:15:30.000Z');
        }
        expect(() => canonicalDatetime('2026-02-30T00:00:00Z')).toThrow('not a valid date-time');
        expect(() => canonicalDatetime('yesterday')).toThrow('ISO-8601');
    });

    it('turns 15-character ids into their 18-character form', () => {
        expect(toId18('001000000000001')).toBe('001000000000001AAA');
        expect(toId18('a0B5g000001AbCd')).toBe('a0B5g000001AbCdEAK');
        expect(toId18('a0B5g000001AbCdEAK')).toBe('a0B5g000001AbCdEAK');
    });

    it('treats null and empty text alike, and a missing number as empty', () => {
        expect(canonicalEntry({ Caller__c: null, TokensIn__c: null })).toBe(
            canonicalEntry({ Caller__c: '', TokensIn__c: '' })
        );
    });
});

describe('the shared chain vectors', () => {
    it('are what the generator builds', () => {
        expect(readFileSync(join(root, CHAIN_VECTORS_PATH), 'utf8')).toBe(chainVectorText());
    });

    it('hash the same with the pure SHA-256 as with Node crypto', () => {
        const file = JSON.parse(readFileSync(join(root, CHAIN_VECTORS_PATH), 'utf8')) as {
            entries: Array<{ entry: LogEntry; canonical: string }>;
            merkle: Array<{ leaves: string[]; root: string }>;
        };
        for (const { entry, canonical } of file.entries) {
            expect(canonicalEntry(entry)).toBe(canonical);
            expect(sha256Hex(canonical + entry.PreviousHash__c)).toBe(entry.EntryHash__c);
        }
        for (const { leaves, root: expected } of file.merkle) {
            expect(merkleRoot(leaves)).toBe(expected);
        }
        expect(verifyChain(file.entries.map((e) => e.entry)).ok).toBe(true);
    });
});

describe('the Merkle root', () => {
    it('is the leaf itself for one entry and SHA-256(0x01 || left || right) above', () => {
        const a = 'a'.repeat(64);
        const b = 'b'.repeat(64);
        const c = 'c'.repeat(64);
        expect(merkleRoot([a])).toBe(a);
        const ab = nodeMerkleNode(a, b);
        expect(merkleRoot([a, b])).toBe(ab);
        expect(merkleRoot([a, b, c])).toBe(nodeMerkleNode(ab, c));
        expect(pureMerkleNode(a, b)).toBe(ab);
        expect(() => merkleRoot([])).toThrow('at least one');
    });

    it('on words is the level-by-level computation on hex through Node and through the pure SHA-256', () => {
        for (let n = 1; n <= 70; n++) {
            const leaves = Array.from({ length: n }, (_, i) => nodeSha256(`leaf ${i} of ${n}`));
            if (n % 7 === 0) {
                leaves[n - 1] = leaves[n - 1].toUpperCase();
            }
            const expected = merkleRootByLevels(leaves, nodeMerkleNode);
            expect(merkleRootByLevels(leaves, pureMerkleNode)).toBe(expected);
            expect(merkleRoot(leaves)).toBe(expected);
        }
        // A leaf that is not a hash is refused; a single leaf is its own root, whatever it holds.
        expect(() => merkleRoot(['z'.repeat(64), 'a'.repeat(64)])).toThrow('Merkle leaf 1 is not a SHA-256 hash');
        expect(() => merkleRoot(['a'.repeat(64), 'a'.repeat(63)])).toThrow('Merkle leaf 2');
        expect(merkleRoot(['z'.repeat(64)])).toBe('z'.repeat(64));
    });
});

describe('verifyChain', () => {
    const log = sampleLog(30, nodeSha256);
    const checkpoints = sampleCheckpoints(log, 8);

    it('accepts an intact log with either SHA-256 and reports count, head and time span', () => {
        const report = verifyChain(log, { sha256: nodeSha256, checkpoints });
        expect(report.ok).toBe(true);
        expect(report.count).toBe(30);
        expect(report.headHash).toBe(log[29].EntryHash__c);
        expect(report.firstLoggedAt).toBe('2026-01-01T00:00:01.000Z');
        expect(report.lastLoggedAt).toBe('2026-01-01T00:00:30.000Z');
        expect(report.checkpointsVerified).toBe(checkpoints.length);
        expect(verifyChain(log, { checkpoints })).toEqual(report);
        expect(log[0].PreviousHash__c).toBe(GENESIS_HASH);
    });

    it('catches a change to every field of every entry', () => {
        const fields = [...LOG_FIELDS.map((f) => f.name), ...CHAIN_FIELDS];
        let mutations = 0;
        for (let i = 0; i < log.length; i++) {
            for (const field of fields) {
                const copy = clone(log);
                copy[i][field] = mutate(copy[i][field], field) as never;
                const report = verifyChain(copy, { sha256: nodeSha256 });
                if (report.ok) {
                    throw new Error(`Changing ${field} of entry ${i + 1} went unnoticed.`);
                }
                expect(report.break?.sequence === null || (report.break?.sequence as number) <= i + 2).toBe(true);
                mutations++;
            }
        }
        expect(mutations).toBe(30 * 25);
    });

    it('names the kind of break: edited field, missing sequence, reordering, duplicate', () => {
        const edited = clone(log);
        edited[4].Caller__c = 'someone else';
        expect(verifyChain(edited, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'edited',
            sequence: 5,
            index: 4
        });

        const missing = clone(log);
        missing.splice(9, 1);
        expect(verifyChain(missing, { sha256: nodeSha256 }).break).toMatchObject({ kind: 'missing', sequence: 11 });

        const swapped = clone(log);
        [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
        expect(verifyChain(swapped, { sha256: nodeSha256 }).break).toMatchObject({ kind: 'reordered', sequence: 5 });

        const duplicated = clone(log);
        duplicated.splice(6, 0, { ...duplicated[5] });
        expect(verifyChain(duplicated, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'duplicate',
            sequence: 6
        });

        const headless = clone(log).slice(1);
        expect(verifyChain(headless, { sha256: nodeSha256 }).break).toMatchObject({ kind: 'missing', sequence: 2 });

        const relinked = clone(log);
        relinked[0].PreviousHash__c = 'f'.repeat(64);
        rechain(relinked, nodeSha256, 1);
        relinked[0].EntryHash__c = nodeSha256(canonicalEntry(relinked[0]) + relinked[0].PreviousHash__c);
        expect(verifyChain(relinked, { sha256: nodeSha256 }).break?.kind).toBe('genesis');
    });

    it('catches every single deletion and every swap of two entries', () => {
        for (let i = 0; i < log.length; i++) {
            const copy = clone(log);
            copy.splice(i, 1);
            // The last entry can only be missed against a checkpoint that covers it.
            const report = verifyChain(copy, { sha256: nodeSha256, checkpoints });
            expect(report.ok).toBe(false);
        }
        for (let i = 0; i < log.length; i++) {
            for (let j = i + 1; j < log.length; j++) {
                const copy = clone(log);
                [copy[i], copy[j]] = [copy[j], copy[i]];
                expect(verifyChain(copy, { sha256: nodeSha256 }).ok).toBe(false);
            }
        }
    });
});

describe('verifyChain with checkpoints', () => {
    const log = sampleLog(30, nodeSha256);
    const checkpoints = sampleCheckpoints(log, 8);

    it('without a checkpoint cannot see a deleted last entry, which is why exports end with one', () => {
        const truncated = clone(log).slice(0, -1);
        expect(verifyChain(truncated, { sha256: nodeSha256 }).ok).toBe(true);
        expect(verifyChain(truncated, { sha256: nodeSha256, checkpoints }).break?.kind).toBe('checkpoint');
    });

    it('catches an edit whose chain was recomputed afterwards through the checkpoints', () => {
        const forged = clone(log);
        forged[12].Caller__c = 'ForgedCaller';
        rechain(forged, nodeSha256, 12);
        expect(verifyChain(forged, { sha256: nodeSha256 }).ok).toBe(true);
        const report = verifyChain(forged, { sha256: nodeSha256, checkpoints });
        expect(report.break).toMatchObject({ kind: 'checkpoint' });
    });

    it('checks checkpoint signatures when given a verifier', () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const signed = checkpoints.map((cp) => ({
            ...cp,
            Signature__c: sign('RSA-SHA256', Buffer.from(checkpointMessage(cp), 'utf8'), privateKey).toString('base64')
        }));
        const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
        const { signatureChecker } = jest.requireActual('../chain') as typeof import('../chain');
        const ok = verifyChain(log, {
            sha256: nodeSha256,
            checkpoints: signed,
            verifySignature: signatureChecker(pem)
        });
        expect(ok.ok).toBe(true);
        expect(ok.signaturesVerified).toBe(signed.length);
        const tampered = signed.map((cp, i) => (i === 1 ? { ...cp, CreatedAt__c: '2030-01-01T00:00:00.000Z' } : cp));
        expect(
            verifyChain(log, { sha256: nodeSha256, checkpoints: tampered, verifySignature: signatureChecker(pem) })
                .break?.kind
        ).toBe('signature');
        const unchecked = verifyChain(log, { sha256: nodeSha256, checkpoints: signed });
        expect(unchecked.ok).toBe(true);
        expect(unchecked.notes.join(' ')).toContain('no certificate');
    });

    it('rejects malformed hashes, sequences and dates instead of guessing', () => {
        const badHash = clone(log);
        badHash[2].EntryHash__c = 'XYZ';
        expect(verifyChain(badHash).break).toMatchObject({ kind: 'malformed', field: 'EntryHash__c' });
        const badSeq = clone(log);
        badSeq[2].Sequence__c = 'three';
        expect(verifyChain(badSeq).break).toMatchObject({ kind: 'malformed', field: 'Sequence__c' });
        const badDate = clone(log);
        badDate[2].LoggedAt__c = 'not a date';
        expect(verifyChain(badDate, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'malformed',
            field: 'LoggedAt__c'
        });
        expect(verifyChain([]).break?.kind).toBe('empty');
    });

    it('verifies a partial export only when allowed, anchored on its first PreviousHash', () => {
        const tail = clone(log).slice(10);
        expect(verifyChain(tail, { sha256: nodeSha256 }).ok).toBe(false);
        const report = verifyChain(tail, { sha256: nodeSha256, allowPartial: true, checkpoints });
        expect(report.ok).toBe(true);
        expect(report.notes.join(' ')).toContain('Partial export');
    });
});

describe('exports', () => {
    const log = sampleLog(15, nodeSha256, 3);

    it('round-trip through CSV with namespaced headers, quotes and line breaks', () => {
        const csv = exportCsv(log, EXPORT_COLUMNS).replace(/^([^\r]*)/, (header) =>
            header
                .split(',')
                .map((c) => 'warden__' + c)
                .join(',')
        );
        const { entries, columns } = rowsToEntries(parseCsv(csv));
        expect(columns).toEqual([...EXPORT_COLUMNS]);
        expect(verifyChain(entries, { sha256: nodeSha256 }).ok).toBe(true);
    });

    it('read the SOQL REST JSON shape', () => {
        const json = {
            totalSize: log.length,
            done: true,
            records: log.map((e) => ({ attributes: { type: 'warden__InferenceLog__c' }, ...e }))
        };
        expect(verifyChain(jsonToEntries(JSON.parse(JSON.stringify(json))), { sha256: nodeSha256 }).ok).toBe(true);
    });

    it('reject malformed CSV clearly', () => {
        expect(() => parseCsv('a,b\n"unterminated')).toThrow('CSV line 2: a quoted field is not closed.');
        expect(() => parseCsv('a,b\n"x\ny"z')).toThrow('CSV line 3: a quoted field is followed by');
        expect(() => parseCsv('a,b\nx"y,z')).toThrow('CSV line 2: a quote inside a field that is not quoted.');
        expect(() => rowsToEntries(parseCsv('a,b\n1,2,3\n'))).toThrow('3 cells');
    });
});
