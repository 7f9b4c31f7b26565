/**
 * warden-log-v2 (docs/audit-format.md): intent and outcome entries with their event MAC, chained after v1
 * entries as an upgraded org holds them. The shared vectors are checked against Node's HMAC; every field of
 * every v2 entry is changed, entries are deleted and swapped, and a forged entry whose chain was recomputed is
 * caught by its MAC when the key is given.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    CHAIN_FIELDS,
    LOG_FIELDS_V2,
    canonicalEntry,
    eventMac,
    eventMacMessage,
    isV2Entry,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { verifyChain } from '../../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { sha256Hex } from '../../../../force-app/main/common/lwc/sha256/sha256';
import { CHAIN_VECTORS_PATH } from '../../../dev/generate/chain-vectors';
import {
    SAMPLE_MAC_KEY,
    rechain,
    sampleCheckpoints,
    sampleLogV2,
    sampleMixedLog
} from '../../../dev/generate/sample-log';
import { nodeSha256 } from '../chain';

const root = join(__dirname, '..', '..', '..', '..');
const clone = (entries: LogEntry[]): LogEntry[] => entries.map((e) => ({ ...e }));
const nodeHmac = (keyHex: string, text: string): string =>
    createHmac('sha256', Buffer.from(keyHex, 'hex')).update(text, 'utf8').digest('hex');

/** A different value of the field's kind, so the change is a real edit. */
function mutate(value: unknown, field: string): unknown {
    const kind = LOG_FIELDS_V2.find((f) => f.name === field)?.kind ?? 'text';
    if (kind === 'integer') {
        return value === null || value === undefined ? 7 : Number(value) + 1;
    }
    if (kind === 'datetime') {
        return new Date(Date.parse(String(value)) + 1000).toISOString();
    }
    if (value === null || value === undefined || value === '') {
        return 'x';
    }
    const text = String(value);
    return field.endsWith('Hash__c') || field === 'Mac__c'
        ? (text[0] === 'a' ? 'b' : 'a') + text.slice(1)
        : text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

describe('warden-log-v2 entries', () => {
    it('have the documented canonical form and event message', () => {
        const entry: LogEntry = {
            EventUuid__c: 'o1',
            Sequence__c: 2,
            LoggedAt__c: '2026-03-01T09:15:31Z',
            Decision__c: 'Allowed',
            ResponseSha256__c: 'ab',
            EntryKind__c: 'OUTCOME',
            IntentUuid__c: 'i1',
            CalloutError__c: 'TIMEOUT',
            Mac__c: 'cd'
        };
        const lines = canonicalEntry(entry).split('\n');
        expect(lines[0]).toBe('warden-log-v2');
        expect(lines.slice(-6)).toEqual([
            'Caller__c=',
            'EntryKind__c=OUTCOME',
            'IntentUuid__c=i1',
            'CalloutError__c=TIMEOUT',
            'Mac__c=cd',
            ''
        ]);
        const message = eventMacMessage(entry).split('\n');
        expect(message[0]).toBe('warden-event-v2');
        expect(message).not.toContain('Sequence__c=2');
        expect(message.some((line) => line.startsWith('Mac__c='))).toBe(false);
        expect(message.slice(-3)).toEqual(['IntentUuid__c=i1', 'CalloutError__c=TIMEOUT', '']);
        // The MAC does not depend on the sequence, which the chain assigns after the event is signed.
        expect(eventMac({ ...entry, Sequence__c: 99 }, SAMPLE_MAC_KEY)).toBe(eventMac(entry, SAMPLE_MAC_KEY));
        expect(isV2Entry(entry)).toBe(true);
        expect(isV2Entry({ ...entry, EntryKind__c: null })).toBe(false);
    });

    it('are in the shared vectors, continuing the v1 chain, with MACs that Node computes too', () => {
        const file = JSON.parse(readFileSync(join(root, CHAIN_VECTORS_PATH), 'utf8')) as {
            entries: Array<{ entry: LogEntry }>;
            macKey: string;
            entriesV2: Array<{ entry: LogEntry; canonical: string; macMessage: string }>;
        };
        expect(file.entriesV2.length).toBeGreaterThanOrEqual(8);
        const kinds = new Set(file.entriesV2.map((v) => v.entry.EntryKind__c));
        expect([...kinds].sort()).toEqual(['INTENT', 'OUTCOME']);
        expect(file.entriesV2.some((v) => v.entry.CalloutError__c)).toBe(true);
        for (const { entry, canonical, macMessage } of file.entriesV2) {
            expect(canonicalEntry(entry)).toBe(canonical);
            expect(sha256Hex(canonical + entry.PreviousHash__c)).toBe(entry.EntryHash__c);
            expect(eventMacMessage(entry)).toBe(macMessage);
            expect(nodeHmac(file.macKey, macMessage)).toBe(entry.Mac__c);
            expect(eventMac(entry, file.macKey)).toBe(entry.Mac__c);
        }
        const chain = [...file.entries.map((v) => v.entry), ...file.entriesV2.map((v) => v.entry)];
        const report = verifyChain(chain, { sha256: nodeSha256, macKey: file.macKey });
        expect(report).toMatchObject({ ok: true, count: chain.length, firstSequence: 1 });
    });

    it('link each outcome to its intent by EventUuid__c', () => {
        const log = sampleLogV2(40, nodeSha256, { seed: 3 });
        const intents = new Set(log.filter((e) => e.EntryKind__c === 'INTENT').map((e) => e.EventUuid__c));
        const outcomes = log.filter((e) => e.EntryKind__c === 'OUTCOME');
        expect(outcomes.length).toBeGreaterThan(10);
        for (const outcome of outcomes) {
            expect(intents.has(outcome.IntentUuid__c)).toBe(true);
            expect(intents.has(outcome.EventUuid__c)).toBe(false);
        }
    });
});

describe('verifyChain on a log upgraded from v1 to v2', () => {
    const log = sampleMixedLog(6, 18, nodeSha256, 5);
    const checkpoints = sampleCheckpoints(log, 7);

    it('accepts it, with checkpoints across the upgrade and MACs checked', () => {
        const report = verifyChain(log, { sha256: nodeSha256, checkpoints, macKey: SAMPLE_MAC_KEY });
        expect(report).toMatchObject({ ok: true, count: 24, checkpointsVerified: checkpoints.length });
        expect(verifyChain(log, { checkpoints })).toEqual(report);
    });

    it('catches a change to every field of every entry, naming the entry', () => {
        const fields = [...LOG_FIELDS_V2.map((f) => f.name), ...CHAIN_FIELDS];
        let mutations = 0;
        for (let i = 0; i < log.length; i++) {
            for (const field of fields) {
                const copy = clone(log);
                copy[i][field] = mutate(copy[i][field], field) as never;
                const report = verifyChain(copy, { sha256: nodeSha256 });
                if (report.ok) {
                    throw new Error(`Changing ${field} of entry ${i + 1} went unnoticed.`);
                }
                expect(report.break?.index).toBe(i);
                mutations++;
            }
        }
        expect(mutations).toBe(24 * 29);
    });

    it('catches every single deletion (against checkpoints) and every swap', () => {
        for (let i = 0; i < log.length; i++) {
            const copy = clone(log);
            copy.splice(i, 1);
            expect(verifyChain(copy, { sha256: nodeSha256, checkpoints }).ok).toBe(false);
            for (let j = i + 1; j < log.length; j++) {
                const swapped = clone(log);
                [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
                expect(verifyChain(swapped, { sha256: nodeSha256 }).break?.sequence).toBe(j + 1);
            }
        }
    });

    it('refuses a record id in the clear on a v2 entry, even with its chain recomputed', () => {
        const named = clone(log);
        expect(isV2Entry(named[9])).toBe(true);
        expect(() => canonicalEntry({ ...named[9], RecordId__c: '003000000000001AAA' })).toThrow(
            'RecordId__c has a value on a v2 entry'
        );
        named[9].RecordId__c = '003000000000001AAA';
        expect(verifyChain(named, { sha256: nodeSha256 }).break).toMatchObject({
            kind: 'malformed',
            sequence: 10,
            field: 'RecordId__c'
        });
        // A v1 entry keeps its record id: it was written before v2 and still verifies.
        expect(log.slice(0, 6).some((entry) => entry.RecordId__c)).toBe(true);
        expect(verifyChain(log.slice(0, 6), { sha256: nodeSha256 }).ok).toBe(true);
    });

    it('with the MAC key, names a forged entry whose chain was recomputed', () => {
        const forged = clone(log);
        forged[10].Reasons__c = 'CONSENT_GRANTED';
        expect(forged[10].Reasons__c).not.toBe(log[10].Reasons__c);
        rechain(forged, nodeSha256, 10);
        expect(verifyChain(forged, { sha256: nodeSha256 }).ok).toBe(true);
        expect(verifyChain(forged, { sha256: nodeSha256, macKey: SAMPLE_MAC_KEY }).break).toMatchObject({
            kind: 'mac',
            sequence: 11,
            index: 10,
            field: 'Mac__c'
        });
        // A MAC made under another key is no better than none.
        const otherKey = 'ff'.repeat(32);
        const resigned = clone(log);
        resigned[12].Mac__c = eventMac(resigned[12], otherKey);
        rechain(resigned, nodeSha256, 12);
        expect(verifyChain(resigned, { macKey: SAMPLE_MAC_KEY }).break).toMatchObject({ kind: 'mac', sequence: 13 });
        // The edit that breaks the hash is reported as an edit first.
        const edited = clone(log);
        edited[15].TokensIn__c = 1;
        expect(verifyChain(edited, { macKey: SAMPLE_MAC_KEY }).break).toMatchObject({ kind: 'edited', sequence: 16 });
    });
});
