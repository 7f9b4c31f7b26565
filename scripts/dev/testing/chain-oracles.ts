/**
 * The plain implementations the audit chain's fast ones are held to, in the tests and in `npm run
 * bench:verify`: the Merkle root computed level by level through a SHA-256 of each 65-byte node (Node's
 * crypto, or c/sha256 as in the browser), and CSV exports read with csv-parse and fed to ChainVerifier entry
 * by entry (the peer of `warden verify`'s byte reader). Run directly, it verifies a CSV export with the
 * csv-parse reader and prints the report as JSON:
 *
 *   npx tsx scripts/dev/testing/chain-oracles.ts <export.csv>
 */
import { hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { sha256Bytes, toHex, fromHex } from '../../../force-app/main/common/lwc/sha256/sha256';
import {
    localFieldName,
    repeatedColumnsProblem,
    type LogEntry
} from '../../../force-app/main/audit/lwc/auditChain/auditChain';
import {
    ChainVerifier,
    type ChainReport,
    type VerifyOptions
} from '../../../force-app/main/audit/lwc/chainVerifier/chainVerifier';
import { InputError } from '../../cli/lib/errors';
import { nodeSha256 } from '../../cli/verify/chain';

/** SHA-256(0x01 || left || right) of two hex hashes with Node's crypto, as hex. */
export function nodeMerkleNode(leftHex: string, rightHex: string): string {
    return hash(
        'sha256',
        Buffer.concat([Buffer.from([1]), Buffer.from(leftHex, 'hex'), Buffer.from(rightHex, 'hex')]),
        'hex'
    );
}

/** SHA-256(0x01 || left || right) with c/sha256 on byte arrays, as the browser would without word layout. */
export function pureMerkleNode(leftHex: string, rightHex: string): string {
    const bytes = new Uint8Array(65);
    bytes[0] = 1;
    bytes.set(fromHex(leftHex), 1);
    bytes.set(fromHex(rightHex), 33);
    return toHex(sha256Bytes(bytes));
}

/** The Merkle root of docs/audit-format.md, level by level on hex strings. */
export function merkleRootByLevels(
    leaves: ReadonlyArray<string>,
    node: (left: string, right: string) => string
): string {
    if (leaves.length === 0) {
        throw new Error('A Merkle root needs at least one entry.');
    }
    let level = leaves.slice();
    while (level.length > 1) {
        const next: string[] = [];
        for (let i = 0; i + 1 < level.length; i += 2) {
            next.push(node(level[i], level[i + 1]));
        }
        if (level.length % 2 === 1) {
            next.push(level[level.length - 1]);
        }
        level = next;
    }
    return level[0];
}

/**
 * csv-parse's errors in the words of `warden verify`, without a line: csv-parse counts a CRLF inside quotes as
 * two lines and names the end of the file for an unclosed quote (the tests check the byte reader's lines).
 */
function csvError(file: string, error: unknown): InputError {
    const code = (error as { code?: string }).code;
    const line = '?';
    const problem =
        code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'a quoted field is not closed before the end of the file'
            : code === 'CSV_INVALID_CLOSING_QUOTE'
              ? 'a quoted field is followed by something other than a comma or a line end'
              : code === 'INVALID_OPENING_QUOTE'
                ? 'a quote inside a field that is not quoted (quote the field and double the quote)'
                : (error as Error).message;
    return new InputError(`${file} is not a valid CSV export: line ${line}: ${problem}.`);
}

/**
 * Verifies a CSV export as `warden verify` does, but with csv-parse (streamed) for the CSV and the verifier's
 * own entry path for the hashes: the same report, or the same InputError, is expected from both.
 */
export async function verifyCsvWithCsvParse(
    file: string,
    options: VerifyOptions,
    requiredColumns: ReadonlyArray<string> = []
): Promise<{ report: ChainReport; columns: string[] }> {
    const verifier = new ChainVerifier(options);
    let columns: string[] | null = null;
    // The line each record starts on: one line per record, plus the line breaks inside its quoted fields
    // (csv-parse's own line count takes a CRLF inside quotes for two).
    let line = 1;
    // Each record is handled as csv-parse completes it, so that a problem in it comes before a CSV error
    // further on (an async iterator may drop records already parsed when the stream fails).
    let failure: InputError | null = null;
    const onRecord = (record: string[], recordLine: number): void => {
        if (columns === null) {
            const repeated = repeatedColumnsProblem(record);
            if (repeated !== null) {
                throw new InputError(`${file} is not a valid CSV export: the header ${repeated}`);
            }
            columns = record.map(localFieldName);
            const missing = requiredColumns.filter((c) => !(columns as string[]).includes(c));
            if (missing.length > 0) {
                throw new InputError(`${file} lacks the column(s) ${missing.join(', ')} (see docs/audit-format.md).`);
            }
            return;
        }
        if (record.length === 1 && record[0] === '') {
            return;
        }
        if (record.length !== columns.length) {
            throw new InputError(
                `${file} is not a valid CSV export: line ${recordLine} has ${record.length} fields; the header has ${columns.length}.`
            );
        }
        const entry: LogEntry = {};
        for (let c = 0; c < columns.length; c++) {
            entry[columns[c]] = record[c] === '' ? null : record[c];
        }
        verifier.add(entry);
    };
    const parser = createReadStream(file).pipe(
        parse({
            bom: true,
            relax_column_count: true,
            record_delimiter: ['\r\n', '\n', '\r'],
            on_record: (record: string[]) => {
                const recordLine = line;
                line += 1 + record.reduce((breaks, field) => breaks + (field.match(/\r\n|\r|\n/g) ?? []).length, 0);
                if (failure === null) {
                    try {
                        onRecord(record, recordLine);
                    } catch (error) {
                        failure = error as InputError;
                    }
                }
                return null;
            }
        })
    );
    try {
        for await (const _ of parser) {
            // Every record was handled by on_record.
        }
    } catch (error) {
        throw failure ?? csvError(file, error);
    }
    if (failure !== null) {
        throw failure;
    }
    return { report: verifier.finish(), columns: columns ?? [] };
}

if (require.main === module) {
    const file = process.argv[2];
    verifyCsvWithCsvParse(file, { sha256: nodeSha256 }).then(
        ({ report }) => {
            process.stdout.write(JSON.stringify(report) + '\n');
            process.exitCode = report.ok ? 0 : 1;
        },
        (error: Error) => {
            process.stderr.write(`${error.message}\n`);
            process.exitCode = 2;
        }
    );
}
