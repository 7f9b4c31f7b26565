/**
 * Node side of `warden verify`: reads exports and checkpoint files (CSV or JSON), verifies with Node's
 * SHA-256 (the pure implementation in wardenPolicy gives the same results, only slower) and checks
 * checkpoint signatures with a certificate or public key.
 */
import * as nodeCrypto from 'node:crypto';
import { createHash, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
    jsonToEntries,
    merkleRoot,
    parseCsv,
    rowsToEntries,
    type Checkpoint,
    type Hasher,
    type LogEntry
} from '../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';

/** One-shot SHA-256 (crypto.hash, Node >= 20.12) without a Hash object per call; createHash otherwise. */
const sha256: (data: string | Buffer) => Buffer =
    typeof nodeCrypto.hash === 'function'
        ? (data) => nodeCrypto.hash('sha256', data, 'buffer')
        : (data) => createHash('sha256').update(data).digest();

const HEX_DIGEST: (data: string | Buffer) => string =
    typeof nodeCrypto.hash === 'function'
        ? (data) => nodeCrypto.hash('sha256', data, 'hex')
        : (data) => createHash('sha256').update(data).digest('hex');

/**
 * Merkle root (wardenPolicy.merkleRoot) on one Buffer of 32-byte nodes, reduced in place level by level,
 * instead of hex strings. Falls back to the hex computation when a leaf is not 32 bytes of hex.
 */
function nodeMerkleRoot(leafHashes: ReadonlyArray<string>): string {
    if (leafHashes.length === 1) {
        return leafHashes[0];
    }
    const nodes = Buffer.allocUnsafe(leafHashes.length * 32);
    for (let i = 0; i < leafHashes.length; i++) {
        const leaf = leafHashes[i];
        if (leaf.length !== 64 || nodes.write(leaf, i * 32, 32, 'hex') !== 32) {
            return merkleRoot(leafHashes, HEX_NODE_HASHER);
        }
    }
    const pair = Buffer.allocUnsafe(65);
    pair[0] = 1;
    let count = leafHashes.length;
    while (count > 1) {
        let j = 0;
        for (let i = 0; i + 1 < count; i += 2) {
            nodes.copy(pair, 1, i * 32, i * 32 + 64);
            sha256(pair).copy(nodes, j * 32);
            j++;
        }
        if (count % 2 === 1) {
            nodes.copy(nodes, j * 32, (count - 1) * 32, count * 32);
            j++;
        }
        count = j;
    }
    return nodes.toString('hex', 0, 32);
}

/** Node's SHA-256 over the hex interface only (no merkleRoot shortcut). */
const HEX_NODE_HASHER: Hasher = {
    sha256Utf8(text: string): string {
        // Encoding first is measurably faster than handing crypto the (usually concatenated) string.
        return HEX_DIGEST(Buffer.from(text, 'utf8'));
    },
    sha256Node(leftHex: string, rightHex: string): string {
        const buffer = Buffer.allocUnsafe(65);
        buffer[0] = 1;
        buffer.write(leftHex, 1, 32, 'hex');
        buffer.write(rightHex, 33, 32, 'hex');
        return HEX_DIGEST(buffer);
    }
};

export const NODE_HASHER: Hasher = {
    sha256Utf8: HEX_NODE_HASHER.sha256Utf8,
    sha256Node: HEX_NODE_HASHER.sha256Node,
    merkleRoot: nodeMerkleRoot
};

export class ExportFormatError extends Error {}

/** Reads a CSV or JSON export into entries keyed by local field names; columns lists the header. */
export function readRows(file: string): { entries: LogEntry[]; columns: string[] } {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    const json = /\.json$/i.test(file) || trimmed.startsWith('[') || trimmed.startsWith('{');
    try {
        if (json) {
            const entries = jsonToEntries(JSON.parse(trimmed));
            const columns = Array.from(new Set(entries.flatMap((e) => Object.keys(e))));
            return { entries, columns };
        }
        return rowsToEntries(parseCsv(text));
    } catch (error) {
        throw new ExportFormatError(
            `${file} is not a valid ${json ? 'JSON' : 'CSV'} export: ${(error as Error).message}`
        );
    }
}

export function readCheckpoints(file: string): Checkpoint[] {
    return readRows(file).entries;
}

/** A signature check for verifyChain: RSA-SHA256 over the checkpoint message, with a PEM certificate or key. */
export function signatureChecker(pem: string): (checkpoint: Checkpoint, message: string) => boolean {
    return (checkpoint, message) => {
        try {
            return verifySignature(
                'RSA-SHA256',
                Buffer.from(message, 'utf8'),
                pem,
                Buffer.from(String(checkpoint.Signature__c), 'base64')
            );
        } catch {
            return false;
        }
    };
}
