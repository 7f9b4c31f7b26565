/**
 * Node side of `warden verify`: reads exports and checkpoint files (CSV or JSON), verifies with Node's
 * SHA-256 (the pure implementation in wardenPolicy gives the same results, only slower) and checks
 * checkpoint signatures with a certificate or public key.
 */
import * as nodeCrypto from 'node:crypto';
import { createHash, verify as verifySignature } from 'node:crypto';
import { constants as bufferConstants } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import {
    jsonToEntries,
    merkleRoot,
    parseCsv,
    parseCsvRows,
    rowsToEntries,
    type Checkpoint,
    type Hasher,
    type LogEntry
} from '../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';

/** SHA-256 of a string's UTF-8 as hex: one-shot crypto.hash (Node >= 20.12) takes the string as it is. */
const HEX_DIGEST: (data: string | Buffer) => string =
    typeof nodeCrypto.hash === 'function'
        ? (data) => nodeCrypto.hash('sha256', data, 'hex')
        : (data) => createHash('sha256').update(data).digest('hex');

/**
 * SHA-256 as a 32-character 'binary' (latin1) string, one character per byte: the cheapest digest form
 * crypto returns per call (a Buffer digest costs about three times as much), written into the next level.
 */
const LATIN1_DIGEST: (data: Uint8Array) => string =
    typeof nodeCrypto.hash === 'function'
        ? (data) => nodeCrypto.hash('sha256', data, 'binary')
        : (data) => createHash('sha256').update(data).digest('binary');

/**
 * Merkle root (wardenPolicy.merkleRoot) on bytes instead of hex strings. A level of nodes is kept as records
 * of 65 bytes, 0x01 || left || right, so each interior node is one hash of a view on its record, written as
 * the left or right half of its parent's record in the next level (two buffers used in turn). Falls back to
 * the hex computation when a leaf is not 64 hex characters.
 */
function nodeMerkleRoot(leafHashes: ReadonlyArray<string>): string {
    let count = leafHashes.length;
    if (count === 1) {
        return leafHashes[0];
    }
    let level = Buffer.allocUnsafe(Math.ceil(count / 2) * 65);
    for (let i = 0; i < count; i++) {
        const leaf = leafHashes[i];
        // Buffer's hex decoding stops at the first pair that is not hex: 32 bytes means 64 hex characters.
        if (leaf.length !== 64 || level.write(leaf, nodeOffset(i), 32, 'hex') !== 32) {
            return merkleRoot(leafHashes, HEX_NODE_HASHER);
        }
        level[(i >> 1) * 65] = 1;
    }
    let next = Buffer.allocUnsafe(Math.ceil(count / 4) * 65);
    while (count > 1) {
        const pairs = count >> 1;
        for (let p = 0; p < pairs; p++) {
            const digest = LATIN1_DIGEST(new Uint8Array(level.buffer, level.byteOffset + p * 65, 65));
            next.write(digest, nodeOffset(p), 32, 'latin1');
            next[(p >> 1) * 65] = 1;
        }
        if (count % 2 === 1) {
            // The last node has no partner: it moves up unchanged.
            const from = nodeOffset(count - 1);
            level.copy(next, nodeOffset(pairs), from, from + 32);
            next[(pairs >> 1) * 65] = 1;
        }
        [level, next] = [next, level];
        count = pairs + (count % 2);
    }
    return level.toString('hex', 1, 33);
}

/** Where node k of a level starts: in record k >> 1, after the 0x01, as its left or right half. */
function nodeOffset(k: number): number {
    return (k >> 1) * 65 + 1 + (k & 1) * 32;
}

/** Node's SHA-256 over the hex interface only (no merkleRoot shortcut). */
const HEX_NODE_HASHER: Hasher = {
    sha256Utf8(text: string): string {
        // crypto encodes the string as UTF-8 itself (lone surrogates as U+FFFD, as utf8Encode does); the
        // canonical text arrives flat (canonicalText searches it), so there is nothing to gain by encoding first.
        return HEX_DIGEST(text);
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

/**
 * Bytes read at a time from an export too long to be one string. UTF-8 decodes to at most one UTF-16 unit
 * per byte, so the text of a part stays far below the string limit.
 */
const PART_BYTES = 64 * 1024 * 1024;

/** The byte size of a file, or -1 when it cannot be read (readRows then reports the error as it always has). */
function fileSize(file: string): number {
    try {
        return statSync(file).size;
    } catch {
        return -1;
    }
}

/** Whether readRows takes a file for JSON: by its name, or by its first character other than a BOM and white space. */
function looksLikeJson(file: string): boolean {
    if (/\.json$/i.test(file)) {
        return true;
    }
    let fd: number;
    try {
        fd = openSync(file, 'r');
    } catch {
        return false; // readCsvInParts reports it, as readRows always has
    }
    try {
        const decoder = new StringDecoder('utf8');
        const buffer = Buffer.allocUnsafe(64 * 1024);
        let head = '';
        for (;;) {
            const read = readSync(fd, buffer, 0, buffer.length, null);
            head += read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
            const trimmed = head.replace(/^\uFEFF/, '').trimStart();
            if (trimmed !== '' || read === 0) {
                return trimmed.startsWith('[') || trimmed.startsWith('{');
            }
        }
    } catch {
        return false;
    } finally {
        closeSync(fd);
    }
}

/**
 * readRows for a CSV export read and parsed part by part (parseCsvRows), for a file longer than the longest
 * string V8 makes (about 512 MiB; a 1,000,000-entry export is larger): the same rows, entries and errors as
 * parsing the whole text at once. partBytes is the size of the parts read.
 */
export function readCsvInParts(file: string, partBytes = PART_BYTES): { entries: LogEntry[]; columns: string[] } {
    // The rows of each part become entries at once (after the header, the first row of the file). A row
    // that does not fit the header is reported after the whole file has parsed, as parseCsv comes first.
    let header: string[] | undefined;
    let rowsBefore = 0;
    let columns: string[] = [];
    const entries: LogEntry[] = [];
    let rowError: Error | undefined;
    const toEntries = (rows: string[][]): void => {
        if (!header) {
            if (rows.length === 0) {
                return;
            }
            header = rows.shift() as string[];
        }
        if (rowError) {
            return;
        }
        try {
            const part = rowsToEntries([header, ...rows], rowsBefore);
            columns = part.columns;
            for (const entry of part.entries) {
                entries.push(entry);
            }
        } catch (error) {
            rowError = error as Error;
        }
        rowsBefore += rows.length;
    };
    let fd: number;
    try {
        fd = openSync(file, 'r');
    } catch (error) {
        throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    try {
        const decoder = new StringDecoder('utf8');
        const buffer = Buffer.allocUnsafe(partBytes);
        // pending: the text of a row not complete yet; offset: where pending starts in the whole text.
        let pending = '';
        let offset = 0;
        let atStart = true;
        for (;;) {
            let read: number;
            try {
                read = readSync(fd, buffer, 0, partBytes, null);
            } catch (error) {
                throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
            }
            const final = read === 0;
            const text = pending + (final ? decoder.end() : decoder.write(buffer.subarray(0, read)));
            let start = 0;
            if (atStart && text.length > 0) {
                // A byte order mark at the start of the text, as parseCsv drops it.
                start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
                atStart = false;
            }
            const rows: string[][] = [];
            let parsed: number;
            try {
                parsed = parseCsvRows(text, start, final, rows, offset);
            } catch (error) {
                throw new ExportFormatError(`${file} is not a valid CSV export: ${(error as Error).message}`);
            }
            toEntries(rows);
            if (final) {
                break;
            }
            pending = text.slice(parsed);
            offset += parsed;
        }
    } finally {
        closeSync(fd);
    }
    if (rowError) {
        throw new ExportFormatError(`${file} is not a valid CSV export: ${rowError.message}`);
    }
    return { entries, columns };
}

/** Reads a CSV or JSON export into entries keyed by local field names; columns lists the header. */
export function readRows(file: string): { entries: LogEntry[]; columns: string[] } {
    // Files that fit in one string (their UTF-8 byte count bounds their length) are read whole, as always.
    if (fileSize(file) > bufferConstants.MAX_STRING_LENGTH && !looksLikeJson(file)) {
        return readCsvInParts(file);
    }
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
