/**
 * Builds the canonical-form and hashing vectors shared by the TypeScript verifier and the Apex chain
 * (static resource AuditChainVectors): entries with their canonical text and hashes, Merkle roots of
 * small trees, and checkpoint messages. Entry hashes come from Node's crypto, Merkle roots from auditChain's
 * own SHA-256; the verifier tests hold the two to each other.
 *
 *   npx tsx scripts/dev/generate/chain-vectors.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalEntry, checkpointMessage, merkleRoot } from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { nodeSha256 } from '../../cli/verify/chain';
import { sampleCheckpoints, sampleLog } from './sample-log';

export const CHAIN_VECTORS_PATH = 'force-app/tests/audit/staticresources/AuditChainVectors.json';

export function chainVectorText(): string {
    const entries = sampleLog(12, nodeSha256, 7);
    const hashes = entries.map((e) => String(e.EntryHash__c));
    const merkle = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12].map((n) => ({
        leaves: hashes.slice(0, n),
        root: merkleRoot(hashes.slice(0, n))
    }));
    const checkpoints = sampleCheckpoints(entries, 5).map((cp) => ({
        checkpoint: cp,
        message: checkpointMessage(cp)
    }));
    const file = {
        version: 1,
        description:
            'Canonical entry form, entry hashes, Merkle roots and checkpoint messages of docs/audit-format.md, shared by the TypeScript verifier and the Apex AuditChain tests. Built by scripts/dev/generate/chain-vectors.ts.',
        entries: entries.map((entry) => ({ entry, canonical: canonicalEntry(entry) })),
        merkle,
        checkpoints
    };
    return JSON.stringify(file, null, 2) + '\n';
}

const LINE = {
    name: 'chain-vectors',
    summary: 'Writes the canonical-form and hashing vectors shared by the TypeScript verifier and the Apex chain.',
    options: {
        check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' }
    }
} as const satisfies CommandLine;

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const path = join(findProjectRoot(), CHAIN_VECTORS_PATH);
    const text = chainVectorText();
    if (parsed.values.check) {
        return readFileSync(path, 'utf8') === text ? 0 : 1;
    }
    writeFileSync(path, text);
    process.stdout.write(`Wrote ${CHAIN_VECTORS_PATH}.\n`);
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
