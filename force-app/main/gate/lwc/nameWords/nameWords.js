// Generated from nameWords.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
const WORD_CHAR = "[\\p{L}\\p{M}]";
export const WORD_PATTERN = `${WORD_CHAR}+(?:['\\u2019-]${WORD_CHAR}+)*`;
const WORD_CHAR_AT = new RegExp(WORD_CHAR, "uy");
const UNIT_CLASS = new Uint8Array(65536);
function letterAt(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) {
    return isAsciiLetter(c) ? 1 : 0;
  }
  if (c >= 55296 && c <= 56319) {
    WORD_CHAR_AT.lastIndex = i;
    return WORD_CHAR_AT.test(text) ? WORD_CHAR_AT.lastIndex - i : 0;
  }
  let k = UNIT_CLASS[c];
  if (k === 0) {
    WORD_CHAR_AT.lastIndex = 0;
    k = WORD_CHAR_AT.test(String.fromCharCode(c)) ? 1 : 2;
    UNIT_CLASS[c] = k;
  }
  return k === 1 ? 1 : 0;
}
const FNV_BASIS = 2166136261 | 0;
const FNV_PRIME = 16777619;
export const HAS_LOWER = 1;
export const HAS_UPPER = 2;
export const HAS_HYPHEN = 4;
export class WordScanner {
  constructor(text) {
    this.text = text;
  }
  start = 0;
  end = 0;
  ascii = true;
  letters = 0;
  hash = 0;
  next() {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    for (; ; i++) {
      if (i >= n) {
        this.start = this.end = n;
        return false;
      }
      const c = text.charCodeAt(i);
      if (c < 128 ? isAsciiLetter(c) : letterAt(text, i) !== 0) {
        break;
      }
    }
    this.start = i;
    let ascii = true;
    let letters = 0;
    let hash = FNV_BASIS;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (isAsciiLetter(c) || (c === 39 || c === 45) && i + 1 < n && letterAt(text, i + 1) !== 0) {
          letters |= c >= 97 ? HAS_LOWER : c >= 65 ? HAS_UPPER : c === 45 ? HAS_HYPHEN : 0;
          hash = Math.imul(hash ^ (c | 32), FNV_PRIME);
          i++;
          continue;
        }
        break;
      }
      const width = letterAt(text, i);
      if (width === 0 && !(c === 8217 && i + 1 < n && letterAt(text, i + 1) !== 0)) {
        break;
      }
      ascii = false;
      i += width === 0 ? 1 : width;
    }
    this.end = i;
    this.ascii = ascii;
    this.letters = letters;
    this.hash = hash;
    return true;
  }
}
function isAsciiLetter(c) {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}
const UNIT_CASE = new Uint8Array(65536);
const KNOWN = 1;
const UPPER_KEPT = 2;
const LOWER_KEPT = 4;
function caseOf(c) {
  let k = UNIT_CASE[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (ch.toUpperCase() === ch ? UPPER_KEPT : 0) | (ch.toLowerCase() === ch ? LOWER_KEPT : 0);
    UNIT_CASE[c] = k;
  }
  return k;
}
export function isCapitalised(c) {
  if (c < 128) {
    return c >= 65 && c <= 90;
  }
  return (caseOf(c) & (UPPER_KEPT | LOWER_KEPT)) === UPPER_KEPT;
}
export function isCaseless(c) {
  const k = caseOf(c);
  return (k & UPPER_KEPT) !== 0 && (k & LOWER_KEPT) !== 0;
}
export function isAllCaps(text, word) {
  if (word.ascii) {
    return (word.letters & (HAS_LOWER | HAS_UPPER)) === HAS_UPPER;
  }
  let upperKept = true;
  let lowerChanges = false;
  for (let i = word.start; i < word.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 57343) {
      const token = text.slice(word.start, word.end);
      return token === token.toUpperCase() && token !== token.toLowerCase();
    }
    const k = c < 128 ? KNOWN | (c >= 97 && c <= 122 ? 0 : UPPER_KEPT) | (c >= 65 && c <= 90 ? 0 : LOWER_KEPT) : caseOf(c);
    upperKept = upperKept && (k & UPPER_KEPT) !== 0;
    lowerChanges = lowerChanges || (k & LOWER_KEPT) === 0;
  }
  return upperKept && lowerChanges;
}
export const STRONG = 1;
export const WORD_NAME = 2;
export const AMBIGUOUS = 4;
export const STOP = 8;
export const COMMON_ONLY = 16;
export const PLACE = 32;
export function markerClass(marker) {
  switch (marker) {
    case "~":
      return AMBIGUOUS;
    case "%":
      return AMBIGUOUS | COMMON_ONLY;
    case "^":
      return WORD_NAME;
    case "&":
      return PLACE;
    default:
      return null;
  }
}
export function hashOf(text, from, to, lower) {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      c |= lower;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}
function slotOf(h, mask) {
  const x = Math.imul(h ^ h >>> 16, 73244475);
  return (x ^ x >>> 16) & mask;
}
export function buildNameTable(keys, classes) {
  let size = 16;
  while (size < keys.length * 2) {
    size *= 2;
  }
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  const unique = [];
  const bits = [];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const h = hashOf(key, 0, key.length, 0);
    let s = slotOf(h, mask);
    for (; ; ) {
      const entry = slots[2 * s + 1];
      if (entry === 0) {
        unique.push(key);
        bits.push(classes[k]);
        slots[2 * s] = h;
        slots[2 * s + 1] = unique.length;
        break;
      }
      if (slots[2 * s] === h && unique[entry - 1] === key) {
        bits[entry - 1] |= classes[k];
        break;
      }
      s = s + 1 & mask;
    }
  }
  const starts = new Int32Array(unique.length + 1);
  for (let e = 0; e < unique.length; e++) {
    starts[e + 1] = starts[e] + unique[e].length;
  }
  return { slots, mask, keys: unique.join(""), starts, classes: Uint8Array.from(bits) };
}
export function classesOf(table, text, from, to, lower, h) {
  const { slots, mask, keys, starts } = table;
  let s = slotOf(h, mask);
  for (; ; ) {
    const entry = slots[2 * s + 1];
    if (entry === 0) {
      return 0;
    }
    if (slots[2 * s] === h) {
      const e = entry - 1;
      const at = starts[e];
      if (starts[e + 1] - at === to - from) {
        let i = from;
        while (i < to) {
          let c = text.charCodeAt(i);
          if (c >= 65 && c <= 90) {
            c |= lower;
          }
          if (c !== keys.charCodeAt(at + i - from)) {
            break;
          }
          i++;
        }
        if (i === to) {
          return table.classes[e];
        }
      }
    }
    s = s + 1 & mask;
  }
}
export function bareEnd(text, from, to, lower) {
  return to - from > 4 && text.charCodeAt(to - 2) === 39 && (text.charCodeAt(to - 1) | lower) === 115 ? to - 2 : to;
}
export function bareClasses(table, text, from, to, lower, bits) {
  const end = bareEnd(text, from, to, lower);
  return end === to ? bits : classesOf(table, text, from, end, lower, hashOf(text, from, end, lower));
}
export function keysOf(table, bits) {
  const out = [];
  for (let e = 0; e + 1 < table.starts.length; e++) {
    if ((table.classes[e] & bits) !== 0) {
      out.push(table.keys.slice(table.starts[e], table.starts[e + 1]));
    }
  }
  return out;
}
function hyphenIn(text, from, to) {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 45) {
      return i;
    }
  }
  return -1;
}
export function nameClass(names, text, from, to, lower, bits, hyphens) {
  const bare = bareEnd(text, from, to, lower);
  if (bare !== to) {
    to = bare;
    bits = classesOf(names, text, from, to, lower, hashOf(text, from, to, lower));
  }
  if ((bits & STRONG) !== 0) {
    return "S";
  }
  if ((bits & WORD_NAME) !== 0) {
    return "R";
  }
  if ((bits & AMBIGUOUS) !== 0) {
    return "A";
  }
  if (hyphens && hyphenIn(text, from, to) > from) {
    let parts = 0;
    let strong = 0;
    let known = 0;
    for (let p = from; ; ) {
      const hyphen = hyphenIn(text, p, to);
      const q = hyphen < 0 ? to : hyphen;
      const part = classesOf(names, text, p, q, lower, hashOf(text, p, q, lower));
      parts++;
      if ((part & STRONG) !== 0) {
        strong++;
        known++;
      } else if ((part & (AMBIGUOUS | WORD_NAME)) !== 0) {
        known++;
      }
      if (hyphen < 0) {
        break;
      }
      p = q + 1;
    }
    if (strong > 0 && known === parts) {
      return "S";
    }
  }
  return null;
}
const NO_SUFFIXES = [];
export function suffixesByLast(suffixes) {
  const out = /* @__PURE__ */ new Map();
  for (const suffix of suffixes) {
    const last = suffix.charCodeAt(suffix.length - 1);
    const list = out.get(last) ?? [];
    list.push(suffix);
    out.set(last, list);
  }
  return out;
}
export function hasSuffix(suffixes, text, from, to, lower) {
  let last = text.charCodeAt(to - 1);
  if (last >= 65 && last <= 90) {
    last |= lower;
  }
  for (const suffix of suffixes.get(last) ?? NO_SUFFIXES) {
    const n = suffix.length;
    if (to - from <= n + 2) {
      continue;
    }
    let j = 0;
    while (j < n) {
      let c = text.charCodeAt(to - n + j);
      if (c >= 65 && c <= 90) {
        c |= lower;
      }
      if (c !== suffix.charCodeAt(j)) {
        break;
      }
      j++;
    }
    if (j === n) {
      return true;
    }
  }
  return false;
}
