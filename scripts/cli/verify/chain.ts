/**
 * Node side of `warden verify` besides the CSV export reader: Node's SHA-256, JSON exports, checkpoint files
 * (CSV or JSON) and checkpoint signatures checked with a certificate or public key.
 */
import { hash, verify as verifySignature } from 'node:crypto';
import { constants as bufferConstants } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsv } from 'csv-parse/sync';
import {
    jsonToEntries,
    localFieldName,
    repeatedColumnsProblem,
    type Checkpoint,
    type LogEntry
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import { InputError } from '../lib/errors';

/**
 * SHA-256 as lowercase hex, with Node's crypto: of a string's UTF-8 (lone surrogates as U+FFFD, as the
 * console's sha256Hex encodes them) or of bytes. What `warden verify`, the generators and the preview hash
 * the chain with; the tests hold it to c/sha256.
 */
export function nodeSha256(data: string | Uint8Array): string {
    return hash('sha256', data, 'hex');
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

/** A file's text; InputError when it cannot be read. */
function readText(file: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch (error) {
        throw new InputError(`Cannot read ${file}: ${(error as Error).message}`);
    }
}

/**
 * A JSON export (an array of records, or the SOQL REST shape with "records"), read whole: entries keyed by
 * local field names, and the columns met. JSON has no streaming form here; past the largest string Node can
 * hold, the message points to CSV, which is read part by part at any size.
 */
export function readJsonExport(file: string): { entries: LogEntry[]; columns: string[] } {
    let size = -1;
    try {
        size = statSync(file).size;
    } catch {
        // readText reports it
    }
    if (size > bufferConstants.MAX_STRING_LENGTH) {
        throw new InputError(
            `${file} is too large to read as JSON (${Math.round(size / 1048576)} MiB; the limit is ${Math.floor(bufferConstants.MAX_STRING_LENGTH / 1048576)} MiB): export the log as CSV, which is read part by part at any size.`
        );
    }
    const text = readText(file);
    try {
        const entries = jsonToEntries(JSON.parse(text.replace(/^\uFEFF/, '').trimStart()));
        const columns = Array.from(new Set(entries.flatMap((e) => Object.keys(e))));
        return { entries, columns };
    } catch (error) {
        throw new InputError(`${file} is not a valid JSON export: ${(error as Error).message}`);
    }
}

/** The columns a checkpoint is checked by (section 4); the signature and certificate may be absent (unsigned). */
const CHECKPOINT_REQUIRED_COLUMNS = ['Sequence__c', 'FromSequence__c', 'EntryCount__c', 'HeadHash__c', 'MerkleRoot__c'];

/**
 * A file given as checkpoints that lacks their columns is the wrong file, not a broken chain: without this, its rows
 * would be read as checkpoints of nothing and reported as a break of the log (exit 1) instead of an input error.
 */
function requireCheckpointColumns(file: string, columns: ReadonlyArray<string>): void {
    const missing = CHECKPOINT_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (columns.length > 0 && missing.length > 0) {
        throw new InputError(
            `${file} lacks the column(s) ${missing.join(', ')}: --checkpoints takes a ChainCheckpoint__c export (see docs/audit-format.md, section 4).`
        );
    }
}

/** A ChainCheckpoint__c export (CSV with a header, or JSON), as checkpoints keyed by local field names. */
export function readCheckpoints(file: string): Checkpoint[] {
    if (looksLikeJson(file)) {
        const { entries, columns } = readJsonExport(file);
        requireCheckpointColumns(file, columns);
        return entries;
    }
    let rows: string[][];
    try {
        rows = parseCsv(readText(file), { bom: true, relax_quotes: true, skip_empty_lines: true });
    } catch (error) {
        if (error instanceof InputError) {
            throw error;
        }
        throw new InputError(`${file} is not a valid CSV file of checkpoints: ${(error as Error).message}`);
    }
    const [header = [], ...records] = rows;
    const repeated = repeatedColumnsProblem(header);
    if (repeated !== null) {
        throw new InputError(`${file} ${repeated}`);
    }
    const columns = header.map(localFieldName);
    requireCheckpointColumns(file, columns);
    return records.map((record) =>
        Object.fromEntries(columns.map((column, c) => [column, record[c] === '' ? null : record[c]]))
    );
}

/** A signature check for the verifier: RSA-SHA256 over the checkpoint message, with a PEM certificate or key. */
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
