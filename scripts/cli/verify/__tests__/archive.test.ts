/**
 * Retention (docs/audit-format.md, section 8): the shared vectors' chain split into an export of the archive
 * (InferenceLogArchive__b) and one of the live log verifies as one chain with `warden verify <archive> <live>`,
 * against checkpoints that span both; an edit, a gap or a wrong order across the split is caught, and the live
 * export alone needs --allow-partial.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    CHECKPOINT_COLUMNS,
    EXPORT_COLUMNS,
    V2_COLUMNS,
    type Checkpoint,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';
import { CHAIN_VECTORS_PATH } from '../../../dev/generate/chain-vectors';
import { exportCsv } from '../../../dev/generate/sample-log';
import { runVerify } from '../command';

type Vectors = {
    entries: { entry: LogEntry }[];
    entriesV2: { entry: LogEntry }[];
    archive: { archivedThrough: number; checkpoints: Checkpoint[] };
};

const root = join(__dirname, '..', '..', '..', '..');
const vectors = JSON.parse(readFileSync(join(root, CHAIN_VECTORS_PATH), 'utf8')) as Vectors;
const chain = [...vectors.entries, ...vectors.entriesV2].map((vector) => vector.entry);
const split = vectors.archive.archivedThrough;
const columns = [...EXPORT_COLUMNS, ...V2_COLUMNS];

describe('warden verify over the archive and the live log', () => {
    let dir: string;
    const file = (name: string): string => join(dir, name);
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-archive-'));
        writeFileSync(file('archive.csv'), exportCsv(chain.slice(0, split), columns));
        writeFileSync(file('live.csv'), exportCsv(chain.slice(split), columns));
        writeFileSync(file('checkpoints.csv'), exportCsv(vectors.archive.checkpoints, CHECKPOINT_COLUMNS));
        const edited = chain.slice(0, split).map((entry) => ({ ...entry }));
        edited[3].TokensOut__c = 1;
        writeFileSync(file('archive-edited.csv'), exportCsv(edited, columns));
        writeFileSync(file('archive-short.csv'), exportCsv(chain.slice(0, split - 1), columns));
        writeFileSync(
            file('archive.json'),
            JSON.stringify({ records: chain.slice(0, split).map((entry) => ({ attributes: {}, ...entry })) })
        );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('has vectors whose split spans v1 and v2 entries and whose checkpoints span the split', () => {
        expect(chain).toHaveLength(21);
        expect(chain[split - 1].EntryKind__c).toBeTruthy();
        expect(chain[0].EntryKind__c).toBeFalsy();
        const spanning = vectors.archive.checkpoints.filter(
            (cp) => Number(cp.FromSequence__c) <= split && Number(cp.Sequence__c) > split
        );
        expect(vectors.archive.checkpoints.map((cp) => cp.Sequence__c)).toEqual([7, 14, 21]);
        expect(spanning).toHaveLength(0);
        expect(vectors.archive.checkpoints.some((cp) => Number(cp.Sequence__c) > split)).toBe(true);
    });

    it('verifies both exports, in order, as one chain against every checkpoint', () => {
        const args = ['--checkpoints', file('checkpoints.csv'), '--require-checkpoints'];
        const outcome = runVerify([file('archive.csv'), file('live.csv'), ...args]);
        expect(outcome.stderr).toBe('');
        expect(outcome.code).toBe(0);
        expect(outcome.report).toMatchObject({ ok: true, count: 21, firstSequence: 1, lastSequence: 21 });
        expect(outcome.report?.checkpointsVerified).toBe(3);
        expect(outcome.report?.headHash).toBe(chain[20].EntryHash__c);
        // A JSON archive export (the REST shape) goes with a CSV live export too.
        expect(runVerify([file('archive.json'), file('live.csv'), ...args]).code).toBe(0);
    });

    it('names an edit in the archive, a gap at the split and the wrong order', () => {
        const edited = runVerify([file('archive-edited.csv'), file('live.csv'), '--json']);
        expect(edited.code).toBe(1);
        expect(edited.report?.break).toMatchObject({ kind: 'edited', sequence: 4 });
        const gap = runVerify([file('archive-short.csv'), file('live.csv')]);
        expect(gap.report?.break).toMatchObject({ kind: 'missing', sequence: split + 1 });
        const swapped = runVerify([file('live.csv'), file('archive.csv')]);
        expect(swapped.code).toBe(1);
        expect(swapped.report?.ok).toBe(false);
    });

    it('needs --allow-partial for the live export alone, and then takes its first link on trust', () => {
        const alone = runVerify([file('live.csv')]);
        expect(alone.code).toBe(1);
        const partial = runVerify([file('live.csv'), '--allow-partial']);
        expect(partial.code).toBe(0);
        expect(partial.report).toMatchObject({ count: 21 - split, firstSequence: split + 1 });
    });

    it('takes at most two exports', () => {
        const outcome = runVerify([file('archive.csv'), file('live.csv'), file('live.csv')]);
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain('too many arguments');
    });
});
