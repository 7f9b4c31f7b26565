/**
 * Node side of `warden verify`: reads exports and checkpoint files (CSV or JSON), verifies with Node's
 * SHA-256 (the pure implementation in wardenPolicy gives the same results, only slower) and checks
 * checkpoint signatures with a certificate or public key.
 */
import { createHash, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
    jsonToEntries,
    parseCsv,
    rowsToEntries,
    type Checkpoint,
    type Hasher,
    type LogEntry
} from '../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';

export const NODE_HASHER: Hasher = {
    sha256Utf8(text: string): string {
        return createHash('sha256').update(text, 'utf8').digest('hex');
    },
    sha256Node(leftHex: string, rightHex: string): string {
        const buffer = Buffer.allocUnsafe(65);
        buffer[0] = 1;
        buffer.write(leftHex, 1, 32, 'hex');
        buffer.write(rightHex, 33, 32, 'hex');
        return createHash('sha256').update(buffer).digest('hex');
    }
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
