// Generated from sha256.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export function utf8Encode(text) {
  const out = new Uint8Array(text.length * 3);
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      out[p++] = code;
      continue;
    }
    if (code >= 55296 && code <= 56319 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        code = 65536 + (code - 55296 << 10) + (next - 56320);
        i++;
      } else {
        code = 65533;
      }
    } else if (code >= 55296 && code <= 57343) {
      code = 65533;
    }
    if (code < 2048) {
      out[p++] = 192 | code >> 6;
      out[p++] = 128 | code & 63;
    } else if (code < 65536) {
      out[p++] = 224 | code >> 12;
      out[p++] = 128 | code >> 6 & 63;
      out[p++] = 128 | code & 63;
    } else {
      out[p++] = 240 | code >> 18;
      out[p++] = 128 | code >> 12 & 63;
      out[p++] = 128 | code >> 6 & 63;
      out[p++] = 128 | code & 63;
    }
  }
  return out.slice(0, p);
}
const HEX = "0123456789abcdef";
export function toHex(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  }
  return out;
}
export function fromHex(hex) {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new Error("Not a hex string of whole bytes.");
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return out;
}
const K = new Int32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
export const SHA256_IV = Int32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);
export function sha256Schedule(w) {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
    const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
    w[t] = s0 + s1 + w[t - 16] + w[t - 7] | 0;
  }
}
export function sha256Rounds(state, w, at) {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  for (let t = 0; t < 64; t++) {
    const s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
    const t1 = h + s1 + (e & f ^ ~e & g) + K[t] + w[at + t] | 0;
    const s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
    const t2 = s0 + (a & b ^ a & c ^ b & c) | 0;
    h = g;
    g = f;
    f = e;
    e = d + t1 | 0;
    d = c;
    c = b;
    b = a;
    a = t1 + t2 | 0;
  }
  state[0] = state[0] + a | 0;
  state[1] = state[1] + b | 0;
  state[2] = state[2] + c | 0;
  state[3] = state[3] + d | 0;
  state[4] = state[4] + e | 0;
  state[5] = state[5] + f | 0;
  state[6] = state[6] + g | 0;
  state[7] = state[7] + h | 0;
}
export function sha256Bytes(message) {
  const state = Int32Array.from(SHA256_IV);
  const w = new Int32Array(64);
  const blocks = (message.length + 8 >> 6) + 1;
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 128;
  const bitLength = message.length * 8;
  const high = Math.floor(bitLength / 4294967296);
  const tail = padded.length - 8;
  padded[tail] = high >>> 24;
  padded[tail + 1] = high >>> 16 & 255;
  padded[tail + 2] = high >>> 8 & 255;
  padded[tail + 3] = high & 255;
  padded[tail + 4] = bitLength >>> 24;
  padded[tail + 5] = bitLength >>> 16 & 255;
  padded[tail + 6] = bitLength >>> 8 & 255;
  padded[tail + 7] = bitLength & 255;
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4;
      w[t] = padded[j] << 24 | padded[j + 1] << 16 | padded[j + 2] << 8 | padded[j + 3];
    }
    sha256Schedule(w);
    sha256Rounds(state, w, 0);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = state[i] >>> 24;
    out[i * 4 + 1] = state[i] >>> 16 & 255;
    out[i * 4 + 2] = state[i] >>> 8 & 255;
    out[i * 4 + 3] = state[i] & 255;
  }
  return out;
}
export function sha256Hex(text) {
  return toHex(sha256Bytes(utf8Encode(text)));
}
export function hmacSha256Bytes(key, message) {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256Bytes(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 54;
    outer[i] = block[i] ^ 92;
  }
  inner.set(message, 64);
  outer.set(sha256Bytes(inner), 64);
  return sha256Bytes(outer);
}
export function hmacSha256Hex(keyHex, text) {
  return toHex(hmacSha256Bytes(fromHex(keyHex), utf8Encode(text)));
}
