/**
 * SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104), UTF-8 and hex, in plain TypeScript: LWC runs without Node's
 * crypto and the browser's SubtleCrypto is asynchronous, so the console's chain verifier and the redactor's
 * pseudonyms hash here. Node callers that need speed (`warden verify`) pass Node's SHA-256 instead; the
 * tests hold the two to the same results.
 */

/** Encodes a string as UTF-8. Lone surrogates become U+FFFD, as in TextEncoder and Apex Blob.valueOf. */
export function utf8Encode(text: string): Uint8Array {
    // At most 3 bytes per UTF-16 unit (a surrogate pair, two units, takes 4).
    const out = new Uint8Array(text.length * 3);
    let p = 0;
    for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i);
        if (code < 0x80) {
            out[p++] = code;
            continue;
        }
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
                i++;
            } else {
                code = 0xfffd;
            }
        } else if (code >= 0xd800 && code <= 0xdfff) {
            code = 0xfffd;
        }
        if (code < 0x800) {
            out[p++] = 0xc0 | (code >> 6);
            out[p++] = 0x80 | (code & 0x3f);
        } else if (code < 0x10000) {
            out[p++] = 0xe0 | (code >> 12);
            out[p++] = 0x80 | ((code >> 6) & 0x3f);
            out[p++] = 0x80 | (code & 0x3f);
        } else {
            out[p++] = 0xf0 | (code >> 18);
            out[p++] = 0x80 | ((code >> 12) & 0x3f);
            out[p++] = 0x80 | ((code >> 6) & 0x3f);
            out[p++] = 0x80 | (code & 0x3f);
        }
    }
    return out.slice(0, p);
}

const HEX = '0123456789abcdef';

/** Bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
        out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
    }
    return out;
}

/** Hex (either case) as bytes; throws unless it is whole bytes of hex digits. */
export function fromHex(hex: string): Uint8Array {
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
        throw new Error('Not a hex string of whole bytes.');
    }
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) {
        out[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return out;
}

// Round constants as signed 32-bit values: a Uint32Array would hand values above 2^31 to the
// arithmetic as doubles, which makes every round slower.
const K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
]);

/**
 * The initial hash value H(0): `state.set(SHA256_IV)` starts a hash. The rounds and the schedule are exported
 * for the audit chain's Merkle root, which lays its 65-byte nodes out as words directly.
 */
export const SHA256_IV: Readonly<Int32Array> = Int32Array.from([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
]);

/** Expands the 16 big-endian words of a block in w[0..15] into its 64-word message schedule, in place. */
export function sha256Schedule(w: Int32Array): void {
    for (let t = 16; t < 64; t++) {
        const x = w[t - 15];
        const y = w[t - 2];
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (s0 + s1 + w[t - 16] + w[t - 7]) | 0;
    }
}

/** The 64 rounds of one compression: the schedule at w[at..at + 63] into the state (8 words). */
export function sha256Rounds(state: Int32Array, w: Int32Array, at: number): void {
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    let e = state[4];
    let f = state[5];
    let g = state[6];
    let h = state[7];
    for (let t = 0; t < 64; t++) {
        const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t] + w[at + t]) | 0;
        const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
    }
    state[0] = (state[0] + a) | 0;
    state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0;
    state[3] = (state[3] + d) | 0;
    state[4] = (state[4] + e) | 0;
    state[5] = (state[5] + f) | 0;
    state[6] = (state[6] + g) | 0;
    state[7] = (state[7] + h) | 0;
}

/** SHA-256 of bytes, as 32 bytes. */
export function sha256Bytes(message: Uint8Array): Uint8Array {
    const state = Int32Array.from(SHA256_IV);
    const w = new Int32Array(64);
    // The message, the 0x80 pad byte, zeros, and the length in bits as a 64-bit big-endian integer.
    const blocks = ((message.length + 8) >> 6) + 1;
    const padded = new Uint8Array(blocks * 64);
    padded.set(message);
    padded[message.length] = 0x80;
    const bitLength = message.length * 8;
    const high = Math.floor(bitLength / 0x100000000);
    const tail = padded.length - 8;
    padded[tail] = high >>> 24;
    padded[tail + 1] = (high >>> 16) & 0xff;
    padded[tail + 2] = (high >>> 8) & 0xff;
    padded[tail + 3] = high & 0xff;
    padded[tail + 4] = bitLength >>> 24;
    padded[tail + 5] = (bitLength >>> 16) & 0xff;
    padded[tail + 6] = (bitLength >>> 8) & 0xff;
    padded[tail + 7] = bitLength & 0xff;
    for (let offset = 0; offset < padded.length; offset += 64) {
        for (let t = 0; t < 16; t++) {
            const j = offset + t * 4;
            w[t] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
        }
        sha256Schedule(w);
        sha256Rounds(state, w, 0);
    }
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
        out[i * 4] = state[i] >>> 24;
        out[i * 4 + 1] = (state[i] >>> 16) & 0xff;
        out[i * 4 + 2] = (state[i] >>> 8) & 0xff;
        out[i * 4 + 3] = state[i] & 0xff;
    }
    return out;
}

/** SHA-256 of the UTF-8 encoding of a string, as 64 lowercase hex characters. */
export function sha256Hex(text: string): string {
    return toHex(sha256Bytes(utf8Encode(text)));
}

/** HMAC-SHA256 of bytes under a key, as 32 bytes. */
export function hmacSha256Bytes(key: Uint8Array, message: Uint8Array): Uint8Array {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? sha256Bytes(key) : key);
    const inner = new Uint8Array(64 + message.length);
    const outer = new Uint8Array(64 + 32);
    for (let i = 0; i < 64; i++) {
        inner[i] = block[i] ^ 0x36;
        outer[i] = block[i] ^ 0x5c;
    }
    inner.set(message, 64);
    outer.set(sha256Bytes(inner), 64);
    return sha256Bytes(outer);
}

/** HMAC-SHA256 of the UTF-8 encoding of a string under a hex key, as lowercase hex. */
export function hmacSha256Hex(keyHex: string, text: string): string {
    return toHex(hmacSha256Bytes(fromHex(keyHex), utf8Encode(text)));
}
