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
    localFieldName,
    merkleRoot,
    parseCsvRows,
    rowsToEntries,
    type Checkpoint,
    type Hasher,
    type LogEntry
} from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';

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

/** Bytes read at a time from a CSV export: the reader holds one part (and the row it ends inside) at a time. */
export const PART_BYTES = 16 * 1024 * 1024;

/** The byte size of a file, or -1 when it cannot be read (the reader then reports the error). */
function fileSize(file: string): number {
    try {
        return statSync(file).size;
    } catch {
        return -1;
    }
}

/** Opens an export for reading; ExportFormatError when it cannot be. */
export function openExport(file: string): number {
    try {
        return openSync(file, 'r');
    } catch (error) {
        throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
    }
}

/** Reads the next bytes of an export into buffer from offset to its end; returns their count, 0 at the end. */
export function readExport(file: string, fd: number, buffer: Buffer, offset: number): number {
    try {
        return readSync(fd, buffer, offset, buffer.length - offset, null);
    } catch (error) {
        throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
    }
}

/** Whether a file is read as JSON: by its name, or by its first character other than a BOM and white space. */
export function looksLikeJson(file: string): boolean {
    if (/\.json$/i.test(file)) {
        return true;
    }
    let fd: number;
    try {
        fd = openSync(file, 'r');
    } catch {
        return false; // the CSV reader reports it
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
 * Reads a CSV export part by part as text (StringDecoder, then parseCsvRows) and hands each row to onEntry as
 * an entry keyed by local field names, without holding the file: the plain reader, whose results the byte
 * reader (export-reader.ts) must equal. onColumns gets the header first. A CSV syntax error, or a row that
 * does not fit the header, is an ExportFormatError; a row that does not fit is reported only once the whole
 * file has parsed, so that a syntax error anywhere comes first, as when parsing the text whole.
 */
export function readCsvEntries(
    file: string,
    onColumns: (columns: string[]) => void,
    onEntry: (entry: LogEntry) => void,
    partBytes = PART_BYTES
): void {
    let header: string[] | undefined;
    let rowsBefore = 0;
    let rowError: Error | undefined;
    const toEntries = (rows: string[][]): void => {
        if (!header) {
            if (rows.length === 0) {
                return;
            }
            header = rows.shift() as string[];
            onColumns(header.map(localFieldName));
        }
        if (rowError) {
            return;
        }
        let entries: LogEntry[];
        try {
            entries = rowsToEntries([header, ...rows], rowsBefore).entries;
        } catch (error) {
            rowError = error as Error;
            return;
        }
        rowsBefore += rows.length;
        for (const entry of entries) {
            onEntry(entry);
        }
    };
    const fd = openExport(file);
    try {
        const decoder = new StringDecoder('utf8');
        const buffer = Buffer.allocUnsafe(partBytes);
        // pending: the text of a row not complete yet; offset: where pending starts in the whole text.
        let pending = '';
        let offset = 0;
        let atStart = true;
        for (;;) {
            const read = readExport(file, fd, buffer, 0);
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
}

/** Reads a CSV or JSON file whole into entries keyed by local field names; columns lists the header (checkpoint files, JSON exports). */
export function readRows(file: string): { entries: LogEntry[]; columns: string[] } {
    if (!looksLikeJson(file)) {
        const entries: LogEntry[] = [];
        let columns: string[] = [];
        readCsvEntries(
            file,
            (header) => (columns = header),
            (entry) => entries.push(entry)
        );
        return { entries, columns };
    }
    if (fileSize(file) > bufferConstants.MAX_STRING_LENGTH) {
        throw new ExportFormatError(
            `${file} is too large to read as JSON (${Math.round(fileSize(file) / 1048576)} MiB; the limit is ${Math.floor(bufferConstants.MAX_STRING_LENGTH / 1048576)} MiB): export the log as CSV, which is read part by part at any size.`
        );
    }
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new ExportFormatError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    try {
        const entries = jsonToEntries(JSON.parse(text.replace(/^\uFEFF/, '').trimStart()));
        const columns = Array.from(new Set(entries.flatMap((e) => Object.keys(e))));
        return { entries, columns };
    } catch (error) {
        throw new ExportFormatError(`${file} is not a valid JSON export: ${(error as Error).message}`);
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
