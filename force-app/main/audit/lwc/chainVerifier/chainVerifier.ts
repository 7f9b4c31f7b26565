/**
 * Checks an exported inference log against its hash chain and checkpoints (docs/audit-format.md) and reports
 * the first place where it breaks. The console verifies a file in the browser with it; `warden verify`
 * streams exports of any length through ChainVerifier.
 */
import {
    CanonicalFormError,
    GENESIS_HASH,
    canonicalDatetime,
    canonicalInteger,
    checkpointMessage,
    computeEntryHash,
    eventMac,
    isV2Entry,
    merkleRoot,
    wholeNumber,
    type Checkpoint,
    type FieldValue,
    type LogEntry,
    type Sha256
} from 'c/auditChain';
import { sha256Hex } from 'c/sha256';

export type BreakKind =
    | 'malformed'
    | 'genesis'
    | 'missing'
    | 'reordered'
    | 'duplicate'
    | 'edited'
    | 'link'
    | 'checkpoint'
    | 'signature'
    | 'mac'
    | 'empty'
    /** `warden verify --require-checkpoints`: an intact chain that no checkpoint was checked against. */
    | 'unanchored';

export type ChainBreak = {
    kind: BreakKind;
    /** Zero-based position of the offending row in the export (-1 for checkpoint-only problems). */
    index: number;
    sequence: number | null;
    field?: string;
    message: string;
};

export type ChainReport = {
    ok: boolean;
    count: number;
    firstSequence: number | null;
    lastSequence: number | null;
    headHash: string | null;
    firstLoggedAt: string | null;
    lastLoggedAt: string | null;
    checkpointsVerified: number;
    signaturesVerified: number;
    /** Checkpoints carrying a signature that could not be checked (no certificate given). */
    signaturesUnchecked: number;
    /** Checkpoints without a signature: an org admin could have recomputed them together with the log. */
    unsignedCheckpoints: number;
    notes: string[];
    break?: ChainBreak;
};

export type VerifyOptions = {
    /** SHA-256 of the canonical text: sha256Hex by default, Node's crypto in `warden verify`. */
    sha256?: Sha256;
    checkpoints?: ReadonlyArray<Checkpoint>;
    /**
     * Accept an export that starts after sequence 1 (older entries archived); its first PreviousHash__c is
     * then trusted as the anchor, and only checkpoints can vouch for it.
     */
    allowPartial?: boolean;
    /**
     * The event MAC key (hex), when the org's owner hands it to the auditor: every v2 entry's Mac__c is then
     * checked (a break of kind `mac`). Without it Mac__c is only hashed like any field.
     */
    macKey?: string;
    /** Verifies a checkpoint's Signature__c over checkpointMessage(); null when it cannot be checked. */
    verifySignature?: (checkpoint: Checkpoint, message: string) => boolean | null;
};

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** A chain field as text ('' for null). */
function chainText(raw: FieldValue): string {
    return typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
}

function malformedEntryHash(index: number, sequence: number): ChainBreak {
    return {
        kind: 'malformed',
        index,
        sequence,
        field: 'EntryHash__c',
        message: `Sequence ${sequence}: EntryHash__c is not 64 lowercase hex characters.`
    };
}

/** Sequence__c as a number, null when empty or not a safe whole number; throws CanonicalFormError when it is no number. */
function sequenceValue(raw: FieldValue): number | null {
    return wholeNumber(raw, 'Sequence__c');
}

/** A checkpoint as ChainVerifier reads it: its range, or why it has none, and what the rows said of it. */
type CheckpointState = {
    checkpoint: Checkpoint;
    label: string;
    /** The parse error of FromSequence__c, Sequence__c or EntryCount__c; else the range below. */
    error?: string;
    from: number;
    to: number;
    count: number;
    /** EntryHash__c of the block's rows so far, while the rows pass through it. */
    leaves: string[] | null;
    /** Set when the block's last row has passed: whether HeadHash__c and MerkleRoot__c match it. */
    outcome?: 'ok' | 'HeadHash__c' | 'MerkleRoot__c';
};

/**
 * Verifies an export row by row, in file order, holding only what the checks need: the last hash and
 * sequence, and the entry hashes of the checkpoint blocks open at the current row (a block is at most 10,000
 * rows in the org; see docs/audit-format.md). `warden verify` streams exports of any length through it;
 * verifyChain runs it over an array.
 *
 * The report is the one of the first break in file order. After a gap in the sequences the verifier goes on
 * reading sequences only, to tell a reordering (the expected sequence comes later) from rows that are
 * missing. Checkpoints are judged once the chain has passed, in the order they were given.
 */
export class ChainVerifier {
    private readonly sha256: Sha256;
    private readonly options: VerifyOptions;
    private readonly checkpoints: CheckpointState[];
    /** Checkpoints by FromSequence__c, and the next of them to open. */
    private readonly pending: CheckpointState[];
    private nextPending = 0;
    private open: CheckpointState[] = [];
    private rows = 0;
    private first: number | null = null;
    private previousSeq = 0;
    private previousHash: string | null = null;
    private firstLoggedAt: FieldValue = null;
    private lastLoggedAt: FieldValue = null;
    private readonly notes: string[] = [];
    private broken: ChainBreak | null = null;
    /** After a gap: the sequence expected at the gap, where the gap is, and the sequence found there. */
    private seeking: { expected: number; index: number; sequence: number } | null = null;

    constructor(options: VerifyOptions = {}) {
        this.options = options;
        this.sha256 = options.sha256 ?? sha256Hex;
        this.checkpoints = (options.checkpoints ?? []).map((checkpoint, c) => readCheckpointRange(checkpoint, c));
        this.pending = this.checkpoints
            .filter((cp) => cp.error === undefined && cp.from >= 1 && cp.to >= cp.from)
            .sort((a, b) => a.from - b.from);
    }

    /** The rows added so far. */
    get rowCount(): number {
        return this.rows;
    }

    /** Whether the next row's entry hash is still wanted: false once the chain has broken. */
    get wantsHashes(): boolean {
        return this.broken === null && this.seeking === null;
    }

    /** Checks the next entry of the export. */
    add(entry: LogEntry): void {
        if (!this.wantsHashes) {
            this.addRow(entry.Sequence__c, null, null, null, null);
            return;
        }
        let computed: string | Error;
        try {
            computed = computeEntryHash(entry, chainText(entry.PreviousHash__c), this.sha256);
        } catch (error) {
            computed = error as Error;
        }
        this.addRow(entry.Sequence__c, entry.PreviousHash__c, entry.EntryHash__c, entry.LoggedAt__c, computed);
        const macKey = this.options.macKey;
        if (macKey !== undefined && this.wantsHashes && isV2Entry(entry)) {
            this.checkMac(entry, macKey);
        }
    }

    /** A v2 entry that passed the chain checks: its Mac__c must be the MAC of its event under the key. */
    private checkMac(entry: LogEntry, macKey: string): void {
        if (eventMac(entry, macKey) !== chainText(entry.Mac__c)) {
            const sequence = this.previousSeq;
            this.fail({
                kind: 'mac',
                index: this.rows - 1,
                sequence,
                field: 'Mac__c',
                message: `Sequence ${sequence}: Mac__c is not the MAC of this entry's event under the given key: the entry was not written from an event Warden published.`
            });
        }
    }

    /**
     * Checks the next row from its chain fields and its recomputed entry hash: computeEntryHash(entry,
     * PreviousHash__c), or what computing it threw. While wantsHashes is false only the sequence is read, and
     * the other arguments may be null.
     */
    addRow(
        sequence: FieldValue,
        previousHash: FieldValue,
        entryHash: FieldValue,
        loggedAt: FieldValue,
        computed: string | Error | null
    ): void {
        const index = this.rows++;
        if (this.broken !== null) {
            return;
        }
        if (this.seeking !== null) {
            this.seek(sequence, index);
            return;
        }
        let seq: number | null;
        try {
            seq = sequenceValue(sequence);
        } catch (error) {
            this.fail({
                kind: 'malformed',
                index,
                sequence: null,
                field: 'Sequence__c',
                message: (error as Error).message
            });
            return;
        }
        if (seq === null || seq < 1) {
            this.fail({
                kind: 'malformed',
                index,
                sequence: seq,
                field: 'Sequence__c',
                message: `Row ${index + 1} has no valid Sequence__c.`
            });
            return;
        }
        if (this.first === null) {
            if (seq !== 1 && !this.options.allowPartial) {
                this.fail({
                    kind: 'missing',
                    index,
                    sequence: seq,
                    message: `The export starts at sequence ${seq}: sequences 1..${seq - 1} are missing (use --allow-partial for an export of a later range).`
                });
                return;
            }
            this.first = seq;
            this.previousSeq = seq - 1;
            this.firstLoggedAt = loggedAt;
        }
        if (seq !== this.previousSeq + 1) {
            this.outOfSequence(seq, index);
            return;
        }
        if (computed === null) {
            throw new Error('ChainVerifier.addRow needs the recomputed entry hash while wantsHashes is true.');
        }
        this.checkRow(seq, index, chainText(previousHash), chainText(entryHash), computed);
        if (this.broken === null) {
            this.lastLoggedAt = loggedAt;
        }
    }

    /** The report: the first break, or the whole chain and its checkpoints verified. */
    finish(): ChainReport {
        const report: ChainReport = {
            ok: false,
            count: this.rows,
            firstSequence: null,
            lastSequence: null,
            headHash: null,
            firstLoggedAt: null,
            lastLoggedAt: null,
            checkpointsVerified: 0,
            signaturesVerified: 0,
            signaturesUnchecked: 0,
            unsignedCheckpoints: 0,
            notes: this.notes.slice()
        };
        if (this.seeking !== null) {
            const { expected, index, sequence } = this.seeking;
            this.fail({
                kind: 'missing',
                index,
                sequence,
                message:
                    sequence - expected === 1
                        ? `Sequence ${expected} is missing (row ${index + 1} has sequence ${sequence}).`
                        : `Sequences ${expected}..${sequence - 1} are missing (row ${index + 1} has sequence ${sequence}).`
            });
        }
        if (this.rows === 0) {
            this.fail({ kind: 'empty', index: -1, sequence: null, message: 'The export holds no entries.' });
        }
        if (this.broken !== null) {
            report.break = this.broken;
            return report;
        }
        report.firstSequence = this.first;
        report.lastSequence = this.previousSeq;
        report.headHash = this.previousHash;
        report.firstLoggedAt = canonicalDatetime(this.firstLoggedAt, 'LoggedAt__c') || null;
        report.lastLoggedAt = canonicalDatetime(this.lastLoggedAt, 'LoggedAt__c') || null;
        const checkpointBreak = this.judgeCheckpoints(report);
        if (checkpointBreak) {
            report.break = checkpointBreak;
            return report;
        }
        report.ok = true;
        return report;
    }

    private fail(chainBreak: ChainBreak): void {
        if (this.broken === null) {
            this.broken = chainBreak;
            this.seeking = null;
            this.open = [];
        }
    }

    /** A row whose sequence does not follow the previous one: a duplicate, a reordering or a gap. */
    private outOfSequence(seq: number, index: number): void {
        const first = this.first as number;
        const previousSeq = this.previousSeq;
        if (seq <= previousSeq) {
            // The rows so far hold first..previousSeq in order, so sequence s was on row s - first.
            this.fail(
                seq >= first
                    ? {
                          kind: 'duplicate',
                          index,
                          sequence: seq,
                          message: `Sequence ${seq} appears twice (rows ${seq - first + 1} and ${index + 1}).`
                      }
                    : {
                          kind: 'reordered',
                          index,
                          sequence: seq,
                          message: `Sequence ${seq} follows sequence ${previousSeq}: entries are out of order.`
                      }
            );
            return;
        }
        // A gap: whether the expected sequence comes later decides between reordering and missing rows.
        this.seeking = { expected: previousSeq + 1, index, sequence: seq };
        this.open = [];
    }

    /** A row after a gap: the first row with the expected sequence makes the gap a reordering. */
    private seek(sequence: FieldValue, index: number): void {
        const seeking = this.seeking as { expected: number; index: number; sequence: number };
        let seq: number | null;
        try {
            seq = sequenceValue(sequence);
        } catch {
            return;
        }
        if (seq === seeking.expected) {
            this.fail({
                kind: 'reordered',
                index: seeking.index,
                sequence: seeking.sequence,
                message: `Sequence ${seeking.sequence} comes before sequence ${seeking.expected} (row ${index + 1}): entries are out of order.`
            });
        }
    }

    /** The hash checks of a row in sequence, and the checkpoint blocks it belongs to. */
    private checkRow(
        seq: number,
        index: number,
        recordedPrevious: string,
        recordedHash: string,
        computed: string | Error
    ): void {
        const previousHash = this.previousHash;
        // previousHash passed HASH_PATTERN on the row before, so a PreviousHash__c equal to it is well formed
        // and linked. On that common path EntryHash__c is tested only when it differs from the recomputed hash
        // (always lowercase hex), and the reports come in the same order as from the tests below.
        const linked = previousHash !== null && recordedPrevious === previousHash;
        if (!linked && !HASH_PATTERN.test(recordedPrevious)) {
            this.fail({
                kind: 'malformed',
                index,
                sequence: seq,
                field: 'PreviousHash__c',
                message: `Sequence ${seq}: PreviousHash__c is not 64 lowercase hex characters.`
            });
            return;
        }
        if (!linked && !HASH_PATTERN.test(recordedHash)) {
            this.fail(malformedEntryHash(index, seq));
            return;
        }
        if (previousHash === null) {
            if (seq === 1 && recordedPrevious !== GENESIS_HASH) {
                this.fail({
                    kind: 'genesis',
                    index,
                    sequence: seq,
                    field: 'PreviousHash__c',
                    message: 'Sequence 1 must have the genesis PreviousHash__c (64 zeros).'
                });
                return;
            }
            if (seq !== 1) {
                this.notes.push(`Partial export: anchored on the recorded PreviousHash__c of sequence ${seq}.`);
            }
        } else if (!linked) {
            this.fail({
                kind: 'link',
                index,
                sequence: seq,
                field: 'PreviousHash__c',
                message: `Sequence ${seq}: PreviousHash__c does not equal the EntryHash__c of sequence ${seq - 1}.`
            });
            return;
        }
        if (typeof computed !== 'string') {
            if (linked && !HASH_PATTERN.test(recordedHash)) {
                this.fail(malformedEntryHash(index, seq));
                return;
            }
            this.fail({
                kind: 'malformed',
                index,
                sequence: seq,
                field: computed instanceof CanonicalFormError ? computed.field : undefined,
                message: `Sequence ${seq}: ${computed.message}`
            });
            return;
        }
        if (computed !== recordedHash) {
            this.fail(
                linked && !HASH_PATTERN.test(recordedHash)
                    ? malformedEntryHash(index, seq)
                    : {
                          kind: 'edited',
                          index,
                          sequence: seq,
                          message: `Sequence ${seq}: the fields do not hash to EntryHash__c: a field of this entry (or its EntryHash__c) was changed.`
                      }
            );
            return;
        }
        this.previousHash = recordedHash;
        this.previousSeq = seq;
        if (this.pending.length > 0) {
            this.collectLeaf(seq, recordedHash);
        }
    }

    /** Adds a verified entry hash to the checkpoint blocks open at its sequence, and closes those it ends. */
    private collectLeaf(seq: number, hash: string): void {
        while (this.nextPending < this.pending.length && this.pending[this.nextPending].from <= seq) {
            const cp = this.pending[this.nextPending++];
            // A block that starts before the first exported row is not checked (a note says so at the end).
            if (cp.from === seq && cp.from >= (this.first as number)) {
                cp.leaves = [];
                this.open.push(cp);
            }
        }
        if (this.open.length === 0) {
            return;
        }
        let closed = false;
        for (const cp of this.open) {
            (cp.leaves as string[]).push(hash);
            if (cp.to === seq) {
                const leaves = cp.leaves as string[];
                cp.outcome =
                    String(cp.checkpoint.HeadHash__c ?? '') !== hash
                        ? 'HeadHash__c'
                        : String(cp.checkpoint.MerkleRoot__c ?? '') !== merkleRoot(leaves)
                          ? 'MerkleRoot__c'
                          : 'ok';
                cp.leaves = null;
                closed = true;
            }
        }
        if (closed) {
            this.open = this.open.filter((cp) => cp.leaves !== null);
        }
    }

    /** The checkpoints in the order given: the first that does not hold, or null; notes and counts go to the report. */
    private judgeCheckpoints(report: ChainReport): ChainBreak | null {
        const first = this.first as number;
        const last = this.previousSeq;
        for (const cp of this.checkpoints) {
            const { from, to, count, label } = cp;
            if (cp.error !== undefined) {
                return { kind: 'checkpoint', index: -1, sequence: null, message: cp.error };
            }
            if (!(from >= 1 && to >= from && count === to - from + 1)) {
                return {
                    kind: 'checkpoint',
                    index: -1,
                    sequence: to || null,
                    message: `${label}: its range and EntryCount__c disagree.`
                };
            }
            if (to > last) {
                return {
                    kind: 'checkpoint',
                    index: -1,
                    sequence: to,
                    message: `${label}: covers entries after the last exported sequence ${last}: entries ${last + 1}..${to} are missing from the export.`
                };
            }
            if (from < first) {
                report.notes.push(`${label} starts before this export and was not checked.`);
                continue;
            }
            if (cp.outcome === 'HeadHash__c') {
                return {
                    kind: 'checkpoint',
                    index: to - first,
                    sequence: to,
                    field: 'HeadHash__c',
                    message: `${label}: HeadHash__c does not equal the EntryHash__c of sequence ${to}.`
                };
            }
            if (cp.outcome === 'MerkleRoot__c') {
                return {
                    kind: 'checkpoint',
                    index: from - first,
                    sequence: to,
                    field: 'MerkleRoot__c',
                    message: `${label}: MerkleRoot__c does not match the entries it covers.`
                };
            }
            report.checkpointsVerified++;
            const signature = cp.checkpoint.Signature__c;
            if (signature !== null && signature !== undefined && String(signature) !== '') {
                const verdict = this.options.verifySignature
                    ? this.options.verifySignature(cp.checkpoint, checkpointMessage(cp.checkpoint))
                    : null;
                if (verdict === false) {
                    return {
                        kind: 'signature',
                        index: -1,
                        sequence: to,
                        field: 'Signature__c',
                        message: `${label}: the signature does not verify.`
                    };
                }
                if (verdict === true) {
                    report.signaturesVerified++;
                } else {
                    report.signaturesUnchecked++;
                    report.notes.push(`${label} is signed, but no certificate was given to check the signature.`);
                }
            } else {
                report.unsignedCheckpoints++;
                report.notes.push(
                    `${label} is unsigned: it shows the entries are unchanged since it was taken, but not that an org admin did not recompute it together with the log.`
                );
            }
        }
        return null;
    }
}

/** A checkpoint's range, read once when the verifier is made. */
function readCheckpointRange(checkpoint: Checkpoint, c: number): CheckpointState {
    try {
        const from = Number(canonicalInteger(checkpoint.FromSequence__c, 'FromSequence__c'));
        const to = Number(canonicalInteger(checkpoint.Sequence__c, 'Sequence__c'));
        const count = Number(canonicalInteger(checkpoint.EntryCount__c, 'EntryCount__c'));
        return { checkpoint, label: `Checkpoint ${c + 1} (sequences ${from}..${to})`, from, to, count, leaves: null };
    } catch (error) {
        return {
            checkpoint,
            label: `Checkpoint ${c + 1}`,
            error: `Checkpoint ${c + 1}: ${(error as Error).message}`,
            from: 0,
            to: 0,
            count: 0,
            leaves: null
        };
    }
}

/**
 * Recomputes the chain of an export in file order and reports the first place where it breaks: an edited
 * field, a missing or duplicated sequence, reordering, a broken link, or a checkpoint that does not match.
 */
export function verifyChain(entries: ReadonlyArray<LogEntry>, options: VerifyOptions = {}): ChainReport {
    const verifier = new ChainVerifier(options);
    for (const entry of entries) {
        verifier.add(entry);
    }
    return verifier.finish();
}
