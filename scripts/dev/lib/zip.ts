/**
 * Reads the entries of a zip archive (stored or deflated), enough for the test org to open the
 * deploy zips jsforce sends and for the apex-semantics step to read the apex-ls jar. Follows the central directory as PKWARE's APPNOTE.TXT describes it
 * (section 4.3: end of central directory record, central directory file headers, local headers).
 */
import { inflateRawSync } from 'node:zlib';

export function unzip(buffer: Buffer): Map<string, Buffer> {
    const entries = new Map<string, Buffer>();
    let end = -1;
    for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
        if (buffer.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0) {
        throw new Error('not a zip archive (no end of central directory record)');
    }
    const count = buffer.readUInt16LE(end + 10);
    let offset = buffer.readUInt32LE(end + 16);
    for (let n = 0; n < count; n++) {
        if (buffer.readUInt32LE(offset) !== 0x02014b50) {
            throw new Error('corrupt zip central directory');
        }
        const method = buffer.readUInt16LE(offset + 10);
        const compressedSize = buffer.readUInt32LE(offset + 20);
        const nameLength = buffer.readUInt16LE(offset + 28);
        const extraLength = buffer.readUInt16LE(offset + 30);
        const commentLength = buffer.readUInt16LE(offset + 32);
        const localOffset = buffer.readUInt32LE(offset + 42);
        const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
        const localNameLength = buffer.readUInt16LE(localOffset + 26);
        const localExtraLength = buffer.readUInt16LE(localOffset + 28);
        const start = localOffset + 30 + localNameLength + localExtraLength;
        const data = buffer.subarray(start, start + compressedSize);
        if (!name.endsWith('/')) {
            entries.set(name, method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : Buffer.alloc(0));
        }
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
