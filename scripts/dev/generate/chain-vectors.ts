/**
 * Builds the canonical-form and hashing vectors shared by the TypeScript verifier and the Apex chain
 * (static resource AuditChainVectors): entries with their canonical text and hashes, Merkle roots of
 * small trees, and checkpoint messages; then warden-log-v2 entries (intents and outcomes) continuing the same
 * chain, with the message each Mac__c covers under a test key; and the retention split of that chain into archived and
 * live rows, with checkpoints spanning both. Entry hashes come from Node's crypto, Merkle roots from auditChain's
 * own SHA-256; the verifier tests hold the two to each other.
 *
 *   npx tsx scripts/dev/generate/chain-vectors.ts [--check]
 */
import {
    canonicalEntry,
    checkpointMessage,
    eventMacMessage,
    merkleRoot
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { nodeSha256 } from '../../cli/verify/chain';
import { SAMPLE_MAC_KEY, sampleCheckpoints, sampleLog, sampleLogV2 } from './sample-log';
import { runGenerator } from './write-generated';

export const CHAIN_VECTORS_PATH = 'force-app/tests/audit/staticresources/AuditChainVectors.json';

export function chainVectorText(): string {
    const entries = sampleLog(12, nodeSha256, 7);
    const v2 = sampleLogV2(9, nodeSha256, {
        seed: 8,
        from: 13,
        previous: String(entries[11].EntryHash__c),
        macKey: SAMPLE_MAC_KEY
    });
    const hashes = entries.map((e) => String(e.EntryHash__c));
    const merkle = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12].map((n) => ({
        leaves: hashes.slice(0, n),
        root: merkleRoot(hashes.slice(0, n))
    }));
    const checkpoints = sampleCheckpoints(entries, 5).map((cp) => ({
        checkpoint: cp,
        message: checkpointMessage(cp)
    }));
    // Retention: the oldest entries leave InferenceLog__c for InferenceLogArchive__b once a checkpoint covers them;
    // the two exports are one chain, and checkpoints (never purged) span both.
    const whole = [...entries, ...v2];
    const archive = {
        description:
            'Retention (docs/audit-format.md, section 8): entries 1..archivedThrough (v1 and the first v2 entries) are exported from InferenceLogArchive__b, the rest from InferenceLog__c; both files, in that order, verify as one chain against these checkpoints, which span the two.',
        archivedThrough: 14,
        checkpoints: sampleCheckpoints(whole, 7)
    };
    const file = {
        version: 2,
        description:
            'Canonical entry form (warden-log-v1 and v2), entry hashes, event MACs, Merkle roots and checkpoint messages of docs/audit-format.md, shared by the TypeScript verifier and the Apex AuditChain tests. entriesV2 continue the chain of entries. Built by scripts/dev/generate/chain-vectors.ts.',
        entries: entries.map((entry) => ({ entry, canonical: canonicalEntry(entry) })),
        macKey: SAMPLE_MAC_KEY,
        entriesV2: v2.map((entry) => ({
            entry,
            canonical: canonicalEntry(entry),
            macMessage: eventMacMessage(entry)
        })),
        merkle,
        checkpoints,
        archive
    };
    return JSON.stringify(file, null, 2) + '\n';
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'chain-vectors',
        'Writes the canonical-form and hashing vectors shared by the TypeScript verifier and the Apex chain.',
        () => [{ path: CHAIN_VECTORS_PATH, text: chainVectorText() }]
    );
}
