// Generated from chainVerifier.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
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
  wholeNumber
} from "c/auditChain";
import { sha256Hex } from "c/sha256";
const HASH_PATTERN = /^[0-9a-f]{64}$/;
function chainText(raw) {
  return typeof raw === "string" ? raw : raw === null || raw === void 0 ? "" : String(raw);
}
function malformedEntryHash(index, sequence) {
  return {
    kind: "malformed",
    index,
    sequence,
    field: "EntryHash__c",
    message: `Sequence ${sequence}: EntryHash__c is not 64 lowercase hex characters.`
  };
}
function sequenceValue(raw) {
  return wholeNumber(raw, "Sequence__c");
}
export class ChainVerifier {
  sha256;
  options;
  checkpoints;
  /** Checkpoints by FromSequence__c, and the next of them to open. */
  pending;
  nextPending = 0;
  open = [];
  rows = 0;
  first = null;
  previousSeq = 0;
  previousHash = null;
  firstLoggedAt = null;
  lastLoggedAt = null;
  notes = [];
  broken = null;
  /** After a gap: the sequence expected at the gap, where the gap is, and the sequence found there. */
  seeking = null;
  constructor(options = {}) {
    this.options = options;
    this.sha256 = options.sha256 ?? sha256Hex;
    this.checkpoints = (options.checkpoints ?? []).map((checkpoint, c) => readCheckpointRange(checkpoint, c));
    this.pending = this.checkpoints.filter((cp) => cp.error === void 0 && cp.from >= 1 && cp.to >= cp.from).sort((a, b) => a.from - b.from);
  }
  /** The rows added so far. */
  get rowCount() {
    return this.rows;
  }
  /** Whether the next row's entry hash is still wanted: false once the chain has broken. */
  get wantsHashes() {
    return this.broken === null && this.seeking === null;
  }
  /** Checks the next entry of the export. */
  add(entry) {
    if (!this.wantsHashes) {
      this.addRow(entry.Sequence__c, null, null, null, null);
      return;
    }
    let computed;
    try {
      computed = computeEntryHash(entry, chainText(entry.PreviousHash__c), this.sha256);
    } catch (error) {
      computed = error;
    }
    this.addRow(entry.Sequence__c, entry.PreviousHash__c, entry.EntryHash__c, entry.LoggedAt__c, computed);
    const macKey = this.options.macKey;
    if (macKey !== void 0 && this.wantsHashes && isV2Entry(entry)) {
      this.checkMac(entry, macKey);
    }
  }
  /** A v2 entry that passed the chain checks: its Mac__c must be the MAC of its event under the key. */
  checkMac(entry, macKey) {
    if (eventMac(entry, macKey) !== chainText(entry.Mac__c)) {
      const sequence = this.previousSeq;
      this.fail({
        kind: "mac",
        index: this.rows - 1,
        sequence,
        field: "Mac__c",
        message: `Sequence ${sequence}: Mac__c is not the MAC of this entry's event under the given key: the entry was not written from an event Warden published.`
      });
    }
  }
  /**
   * Checks the next row from its chain fields and its recomputed entry hash: computeEntryHash(entry,
   * PreviousHash__c), or what computing it threw. While wantsHashes is false only the sequence is read, and
   * the other arguments may be null.
   */
  addRow(sequence, previousHash, entryHash, loggedAt, computed) {
    const index = this.rows++;
    if (this.broken !== null) {
      return;
    }
    if (this.seeking !== null) {
      this.seek(sequence, index);
      return;
    }
    let seq;
    try {
      seq = sequenceValue(sequence);
    } catch (error) {
      this.fail({
        kind: "malformed",
        index,
        sequence: null,
        field: "Sequence__c",
        message: error.message
      });
      return;
    }
    if (seq === null || seq < 1) {
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: "Sequence__c",
        message: `Row ${index + 1} has no valid Sequence__c.`
      });
      return;
    }
    if (this.first === null) {
      if (seq !== 1 && !this.options.allowPartial) {
        this.fail({
          kind: "missing",
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
      throw new Error("ChainVerifier.addRow needs the recomputed entry hash while wantsHashes is true.");
    }
    this.checkRow(seq, index, chainText(previousHash), chainText(entryHash), computed);
    if (this.broken === null) {
      this.lastLoggedAt = loggedAt;
    }
  }
  /** The report: the first break, or the whole chain and its checkpoints verified. */
  finish() {
    const report = {
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
        kind: "missing",
        index,
        sequence,
        message: sequence - expected === 1 ? `Sequence ${expected} is missing (row ${index + 1} has sequence ${sequence}).` : `Sequences ${expected}..${sequence - 1} are missing (row ${index + 1} has sequence ${sequence}).`
      });
    }
    if (this.rows === 0) {
      this.fail({ kind: "empty", index: -1, sequence: null, message: "The export holds no entries." });
    }
    if (this.broken !== null) {
      report.break = this.broken;
      return report;
    }
    report.firstSequence = this.first;
    report.lastSequence = this.previousSeq;
    report.headHash = this.previousHash;
    report.firstLoggedAt = canonicalDatetime(this.firstLoggedAt, "LoggedAt__c") || null;
    report.lastLoggedAt = canonicalDatetime(this.lastLoggedAt, "LoggedAt__c") || null;
    const checkpointBreak = this.judgeCheckpoints(report);
    if (checkpointBreak) {
      report.break = checkpointBreak;
      return report;
    }
    report.ok = true;
    return report;
  }
  fail(chainBreak) {
    if (this.broken === null) {
      this.broken = chainBreak;
      this.seeking = null;
      this.open = [];
    }
  }
  /** A row whose sequence does not follow the previous one: a duplicate, a reordering or a gap. */
  outOfSequence(seq, index) {
    const first = this.first;
    const previousSeq = this.previousSeq;
    if (seq <= previousSeq) {
      this.fail(
        seq >= first ? {
          kind: "duplicate",
          index,
          sequence: seq,
          message: `Sequence ${seq} appears twice (rows ${seq - first + 1} and ${index + 1}).`
        } : {
          kind: "reordered",
          index,
          sequence: seq,
          message: `Sequence ${seq} follows sequence ${previousSeq}: entries are out of order.`
        }
      );
      return;
    }
    this.seeking = { expected: previousSeq + 1, index, sequence: seq };
    this.open = [];
  }
  /** A row after a gap: the first row with the expected sequence makes the gap a reordering. */
  seek(sequence, index) {
    const seeking = this.seeking;
    let seq;
    try {
      seq = sequenceValue(sequence);
    } catch {
      return;
    }
    if (seq === seeking.expected) {
      this.fail({
        kind: "reordered",
        index: seeking.index,
        sequence: seeking.sequence,
        message: `Sequence ${seeking.sequence} comes before sequence ${seeking.expected} (row ${index + 1}): entries are out of order.`
      });
    }
  }
  /** The hash checks of a row in sequence, and the checkpoint blocks it belongs to. */
  checkRow(seq, index, recordedPrevious, recordedHash, computed) {
    const previousHash = this.previousHash;
    const linked = previousHash !== null && recordedPrevious === previousHash;
    if (!linked && !HASH_PATTERN.test(recordedPrevious)) {
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: "PreviousHash__c",
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
          kind: "genesis",
          index,
          sequence: seq,
          field: "PreviousHash__c",
          message: "Sequence 1 must have the genesis PreviousHash__c (64 zeros)."
        });
        return;
      }
      if (seq !== 1) {
        this.notes.push(`Partial export: anchored on the recorded PreviousHash__c of sequence ${seq}.`);
      }
    } else if (!linked) {
      this.fail({
        kind: "link",
        index,
        sequence: seq,
        field: "PreviousHash__c",
        message: `Sequence ${seq}: PreviousHash__c does not equal the EntryHash__c of sequence ${seq - 1}.`
      });
      return;
    }
    if (typeof computed !== "string") {
      if (linked && !HASH_PATTERN.test(recordedHash)) {
        this.fail(malformedEntryHash(index, seq));
        return;
      }
      this.fail({
        kind: "malformed",
        index,
        sequence: seq,
        field: computed instanceof CanonicalFormError ? computed.field : void 0,
        message: `Sequence ${seq}: ${computed.message}`
      });
      return;
    }
    if (computed !== recordedHash) {
      this.fail(
        linked && !HASH_PATTERN.test(recordedHash) ? malformedEntryHash(index, seq) : {
          kind: "edited",
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
  collectLeaf(seq, hash) {
    while (this.nextPending < this.pending.length && this.pending[this.nextPending].from <= seq) {
      const cp = this.pending[this.nextPending++];
      if (cp.from === seq && cp.from >= this.first) {
        cp.leaves = [];
        this.open.push(cp);
      }
    }
    if (this.open.length === 0) {
      return;
    }
    let closed = false;
    for (const cp of this.open) {
      cp.leaves.push(hash);
      if (cp.to === seq) {
        const leaves = cp.leaves;
        cp.outcome = String(cp.checkpoint.HeadHash__c ?? "") !== hash ? "HeadHash__c" : String(cp.checkpoint.MerkleRoot__c ?? "") !== merkleRoot(leaves) ? "MerkleRoot__c" : "ok";
        cp.leaves = null;
        closed = true;
      }
    }
    if (closed) {
      this.open = this.open.filter((cp) => cp.leaves !== null);
    }
  }
  /** The checkpoints in the order given: the first that does not hold, or null; notes and counts go to the report. */
  judgeCheckpoints(report) {
    const first = this.first;
    const last = this.previousSeq;
    for (const cp of this.checkpoints) {
      const { from, to, count, label } = cp;
      if (cp.error !== void 0) {
        return { kind: "checkpoint", index: -1, sequence: null, message: cp.error };
      }
      if (!(from >= 1 && to >= from && count === to - from + 1)) {
        return {
          kind: "checkpoint",
          index: -1,
          sequence: to || null,
          message: `${label}: its range and EntryCount__c disagree.`
        };
      }
      if (to > last) {
        return {
          kind: "checkpoint",
          index: -1,
          sequence: to,
          message: `${label}: covers entries after the last exported sequence ${last}: entries ${last + 1}..${to} are missing from the export.`
        };
      }
      if (from < first) {
        report.notes.push(`${label} starts before this export and was not checked.`);
        continue;
      }
      if (cp.outcome === "HeadHash__c") {
        return {
          kind: "checkpoint",
          index: to - first,
          sequence: to,
          field: "HeadHash__c",
          message: `${label}: HeadHash__c does not equal the EntryHash__c of sequence ${to}.`
        };
      }
      if (cp.outcome === "MerkleRoot__c") {
        return {
          kind: "checkpoint",
          index: from - first,
          sequence: to,
          field: "MerkleRoot__c",
          message: `${label}: MerkleRoot__c does not match the entries it covers.`
        };
      }
      report.checkpointsVerified++;
      const signature = cp.checkpoint.Signature__c;
      if (signature !== null && signature !== void 0 && String(signature) !== "") {
        const verdict = this.options.verifySignature ? this.options.verifySignature(cp.checkpoint, checkpointMessage(cp.checkpoint)) : null;
        if (verdict === false) {
          return {
            kind: "signature",
            index: -1,
            sequence: to,
            field: "Signature__c",
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
function readCheckpointRange(checkpoint, c) {
  try {
    const from = Number(canonicalInteger(checkpoint.FromSequence__c, "FromSequence__c"));
    const to = Number(canonicalInteger(checkpoint.Sequence__c, "Sequence__c"));
    const count = Number(canonicalInteger(checkpoint.EntryCount__c, "EntryCount__c"));
    return { checkpoint, label: `Checkpoint ${c + 1} (sequences ${from}..${to})`, from, to, count, leaves: null };
  } catch (error) {
    return {
      checkpoint,
      label: `Checkpoint ${c + 1}`,
      error: `Checkpoint ${c + 1}: ${error.message}`,
      from: 0,
      to: 0,
      count: 0,
      leaves: null
    };
  }
}
export function verifyChain(entries, options = {}) {
  const verifier = new ChainVerifier(options);
  for (const entry of entries) {
    verifier.add(entry);
  }
  return verifier.finish();
}
