// Generated from patternTree.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const ALL_CODES = [0, 65535];
export const ASCII_LETTERS = [65, 90, 97, 122];
export const ASCII_DIGITS = [48, 57];
export function normaliseCodes(pairs) {
  const ranges = [];
  for (let i = 0; i < pairs.length; i += 2) {
    ranges.push([pairs[i], pairs[i + 1]]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [lo, hi] of ranges) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) {
      out[out.length - 1] = Math.max(out[out.length - 1], hi);
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}
export function unionCodes(a, b) {
  return a.length === 0 ? b : b.length === 0 ? a : normaliseCodes(a.concat(b));
}
export function complementCodes(a) {
  const out = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] > next) {
      out.push(next, a[i] - 1);
    }
    next = a[i + 1] + 1;
  }
  if (next <= 65535) {
    out.push(next, 65535);
  }
  return out;
}
export function intersectCodes(a, b) {
  const out = [];
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      const lo = Math.max(a[i], b[j]);
      const hi = Math.min(a[i + 1], b[j + 1]);
      if (lo <= hi) {
        out.push(lo, hi);
      }
    }
  }
  return normaliseCodes(out);
}
export function hasCode(a, code) {
  for (let i = 0; i < a.length; i += 2) {
    if (code < a[i]) {
      return false;
    }
    if (code <= a[i + 1]) {
      return true;
    }
  }
  return false;
}
export function countCodes(a) {
  let n = 0;
  for (let i = 0; i < a.length; i += 2) {
    n += a[i + 1] - a[i] + 1;
  }
  return n;
}
function caseClosed(a) {
  const extra = [];
  for (let c = 65; c <= 90; c++) {
    if (hasCode(a, c) || hasCode(a, c + 32)) {
      extra.push(c, c, c + 32, c + 32);
    }
  }
  return unionCodes(a, normaliseCodes(extra));
}
export class RxUnsupported extends Error {
}
class RxParser {
  source;
  ci;
  i = 0;
  constructor(source, ci) {
    this.source = source;
    this.ci = ci;
  }
  parse() {
    const tree = this.alternation();
    if (this.i !== this.source.length) {
      this.fail();
    }
    return tree;
  }
  fail() {
    throw new RxUnsupported(this.source);
  }
  literal(code) {
    if (this.ci && code > 127) {
      this.fail();
    }
    return this.ci ? caseClosed([code, code]) : [code, code];
  }
  hex(length) {
    const digits = this.source.slice(this.i + 2, this.i + 2 + length);
    if (digits.length !== length || !/^[0-9A-Fa-f]+$/.test(digits)) {
      this.fail();
    }
    this.i += 2 + length;
    return parseInt(digits, 16);
  }
  /** One escape at i (source[i] is a backslash): a code unit, or a class for \d and \w. */
  escape() {
    const c = this.source[this.i + 1];
    if (c === void 0) {
      return this.fail();
    }
    if (c === "u") {
      return { code: this.hex(4), set: null };
    }
    if (c === "x") {
      return { code: this.hex(2), set: null };
    }
    this.i += 2;
    const known = {
      d: { code: -1, set: ASCII_DIGITS },
      w: { code: -1, set: [48, 57, 65, 90, 95, 95, 97, 122] },
      t: { code: 9, set: null },
      n: { code: 10, set: null },
      r: { code: 13, set: null },
      f: { code: 12, set: null },
      v: { code: 11, set: null }
    };
    if (Object.prototype.hasOwnProperty.call(known, c)) {
      return known[c];
    }
    if (/[A-Za-z0-9]/.test(c)) {
      return this.fail();
    }
    return { code: c.charCodeAt(0), set: null };
  }
  classAtom() {
    if (this.source[this.i] === "\\") {
      return this.escape();
    }
    if (this.source[this.i] === "[" || this.i >= this.source.length) {
      this.fail();
    }
    const code = this.source.charCodeAt(this.i);
    this.i++;
    return { code, set: null };
  }
  charClass() {
    const source = this.source;
    this.i++;
    let negated = false;
    if (source[this.i] === "^") {
      negated = true;
      this.i++;
    }
    if (source[this.i] === "]") {
      this.fail();
    }
    const pairs = [];
    while (source[this.i] !== "]") {
      if (this.i >= source.length) {
        this.fail();
      }
      const from = this.classAtom();
      if (source[this.i] === "-" && source[this.i + 1] !== "]" && this.i + 1 < source.length) {
        this.i++;
        const to = this.classAtom();
        if (from.set || to.set || to.code < from.code) {
          this.fail();
        }
        pairs.push(from.code, to.code);
      } else if (from.set) {
        pairs.push(...from.set);
      } else {
        pairs.push(from.code, from.code);
      }
    }
    this.i++;
    let set = normaliseCodes(pairs);
    if (this.ci) {
      for (let k = 0; k < set.length; k += 2) {
        if (set[k + 1] > 127) {
          this.fail();
        }
      }
      set = caseClosed(set);
    }
    return negated ? complementCodes(set) : set;
  }
  alternation() {
    const options = [this.sequence()];
    while (this.source[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { k: "alt", options };
  }
  sequence() {
    const items = [];
    while (this.i < this.source.length && this.source[this.i] !== "|" && this.source[this.i] !== ")") {
      const quantified = this.quantifier(this.atom());
      if (quantified.k === "seq") {
        items.push(...quantified.items);
      } else {
        items.push(quantified);
      }
    }
    return { k: "seq", items };
  }
  quantifier(atom) {
    const c = this.source[this.i];
    let min = 1;
    let max = 1;
    if (c === "?" || c === "*" || c === "+") {
      min = c === "+" ? 1 : 0;
      max = c === "?" ? 1 : Infinity;
      this.i++;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) {
        return this.fail();
      }
      min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) {
        this.fail();
      }
      this.i += m[0].length;
    } else {
      return atom;
    }
    if (atom.k === "look") {
      this.fail();
    }
    if (this.source[this.i] === "?") {
      this.i++;
    }
    return { k: "rep", body: atom, min, max };
  }
  atom() {
    const source = this.source;
    const c = source[this.i];
    if (c === "(") {
      let look = null;
      if (source.startsWith("(?:", this.i)) {
        this.i += 3;
      } else if (source.startsWith("(?=", this.i) || source.startsWith("(?!", this.i)) {
        look = { behind: false, negative: source[this.i + 2] === "!" };
        this.i += 3;
      } else if (source.startsWith("(?<=", this.i) || source.startsWith("(?<!", this.i)) {
        look = { behind: true, negative: source[this.i + 3] === "!" };
        this.i += 4;
      } else if (source[this.i + 1] === "?") {
        return this.fail();
      } else {
        this.i += 1;
      }
      const body = this.alternation();
      if (source[this.i] !== ")") {
        this.fail();
      }
      this.i++;
      return look ? { k: "look", behind: look.behind, negative: look.negative, body } : body;
    }
    if (c === "[") {
      return { k: "set", set: this.charClass() };
    }
    if (c === "\\") {
      const e = this.escape();
      return { k: "set", set: e.set ? e.set : this.literal(e.code) };
    }
    if (".^$*+?{}[]|)".includes(c)) {
      return this.fail();
    }
    this.i++;
    return { k: "set", set: this.literal(c.charCodeAt(0)) };
  }
}
export function parseRx(source, ci) {
  return new RxParser(source, ci).parse();
}
export function rxMin(node) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? 1 : 0;
  }
  if (node.k === "seq") {
    return node.items.reduce((t, n) => t + rxMin(n), 0);
  }
  if (node.k === "alt") {
    return Math.min(...node.options.map(rxMin));
  }
  return node.min * rxMin(node.body);
}
export function rxMax(node) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? 1 : 0;
  }
  if (node.k === "seq") {
    return node.items.reduce((t, n) => t + rxMax(n), 0);
  }
  if (node.k === "alt") {
    return Math.max(...node.options.map(rxMax));
  }
  const body = rxMax(node.body);
  return body === 0 ? 0 : node.max * body;
}
export function rxEdge(node, last) {
  if (node.k === "set" || node.k === "look") {
    return node.k === "set" ? node.set : [];
  }
  if (node.k === "alt") {
    return node.options.reduce((t, n) => unionCodes(t, rxEdge(n, last)), []);
  }
  if (node.k === "rep") {
    return node.max === 0 ? [] : rxEdge(node.body, last);
  }
  let out = [];
  const items = last ? node.items.slice().reverse() : node.items;
  for (const item of items) {
    out = unionCodes(out, rxEdge(item, last));
    if (rxMin(item) > 0) {
      break;
    }
  }
  return out;
}
export function rxPositions(items, limit, backward) {
  const raw = [];
  for (let k = 0; k < limit; k++) {
    raw.push([]);
  }
  const over = 1 << limit;
  const walk = (node, from) => {
    if ((from & over - 1) === 0 || node.k === "look") {
      return from;
    }
    if (node.k === "set") {
      for (let o = 0; o < limit; o++) {
        if ((from >>> o & 1) === 1) {
          const into = raw[o];
          for (let r = 0; r < node.set.length; r++) {
            into.push(node.set[r]);
          }
          if (into.length > 512) {
            raw[o] = normaliseCodes(into);
          }
        }
      }
      return (from & over - 1) << 1 | from & over;
    }
    if (node.k === "seq") {
      let at2 = from;
      const order = backward ? node.items.slice().reverse() : node.items;
      for (const item of order) {
        at2 = walk(item, at2);
      }
      return at2;
    }
    if (node.k === "alt") {
      let out2 = 0;
      for (const option of node.options) {
        out2 |= walk(option, from);
      }
      return out2;
    }
    let at = from;
    for (let n = 0; n < node.min; n++) {
      const next = walk(node.body, at);
      if (next === at) {
        break;
      }
      at = next;
    }
    let all = at;
    for (let n = node.min; n < node.max; n++) {
      const grown = all | walk(node.body, all);
      if (grown === all) {
        break;
      }
      all = grown;
    }
    return all;
  };
  walk({ k: "seq", items }, 1);
  const length = Math.min(limit, rxMin({ k: "seq", items }));
  const out = [];
  for (let k = 0; k < length; k++) {
    out.push(raw[k].length > 0 ? normaliseCodes(raw[k]) : ALL_CODES);
  }
  return out;
}
class SourceReader {
  source;
  atoms = /* @__PURE__ */ new Map();
  i = 0;
  constructor(source) {
    this.source = source;
  }
  read() {
    const options = this.alternatives();
    if (this.i !== this.source.length) {
      throw new RxUnsupported(this.source);
    }
    return options;
  }
  alternatives() {
    const options = [this.sequence()];
    while (this.source[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options;
  }
  sequence() {
    const source = this.source;
    const pieces = [];
    while (this.i < source.length && source[this.i] !== "|" && source[this.i] !== ")") {
      const from = this.i;
      let group = null;
      const c = source[this.i];
      if (c === "(") {
        const open = /^\((?:\?(?::|=|!|<=|<!))?/.exec(source.slice(this.i, this.i + 4))[0];
        if (open === "(" && source[this.i + 1] === "?") {
          throw new RxUnsupported(source);
        }
        this.i += open.length;
        const options = this.alternatives();
        group = { open, options, captures: open === "(" || hasCapture(options) };
        if (source[this.i] !== ")") {
          throw new RxUnsupported(source);
        }
        this.i++;
      } else if (c === "[") {
        this.i += source[this.i + 1] === "^" ? 2 : 1;
        while (this.i < source.length && source[this.i] !== "]") {
          this.i += source[this.i] === "\\" ? 2 : 1;
        }
        if (this.i >= source.length) {
          throw new RxUnsupported(source);
        }
        this.i++;
      } else if (c === "\\") {
        const e = source[this.i + 1];
        if (e === void 0 || /[1-9kc]/.test(e)) {
          throw new RxUnsupported(source);
        }
        this.i += e === "u" ? 6 : e === "x" ? 4 : 2;
      } else if ("*+?{".includes(c)) {
        throw new RxUnsupported(source);
      } else {
        this.i++;
      }
      const atom = source.slice(from, this.i);
      let quantifier = "";
      if (this.i < source.length && "?*+{".includes(source[this.i])) {
        const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(this.i, this.i + 16));
        if (q === null) {
          throw new RxUnsupported(source);
        }
        quantifier = q[0];
      }
      this.i += quantifier.length;
      if (group !== null) {
        pieces.push({ atom: "", group, quantifier, span: this.i - from });
      } else {
        let piece = this.atoms.get(atom + quantifier);
        if (piece === void 0) {
          piece = { atom, group, quantifier, span: this.i - from };
          this.atoms.set(atom + quantifier, piece);
        }
        pieces.push(piece);
      }
    }
    return pieces;
  }
}
function writeOptions(options) {
  return options.map((option) => option.map(writePiece).join("")).join("|");
}
function writePiece(piece) {
  const group = piece.group;
  return (group === null ? piece.atom : group.open + writeOptions(group.options) + ")") + piece.quantifier;
}
function hasCapture(options) {
  return options.some((option) => option.some((piece) => piece.group !== null && piece.group.captures));
}
const atomSets = /* @__PURE__ */ new Map();
const atomSetsCi = /* @__PURE__ */ new Map();
function firstSet(option, ci) {
  const first = option[0];
  if (first === void 0 || first.group !== null || first.quantifier !== "") {
    return null;
  }
  const atom = first.atom;
  if (atom.length === 1) {
    const code = atom.charCodeAt(0);
    if (".^$".includes(atom) || ci && code > 127) {
      return null;
    }
    const lower = code | 32;
    return ci && lower >= 97 && lower <= 122 ? [lower - 32, lower - 32, lower, lower] : [code, code];
  }
  const cache = ci ? atomSetsCi : atomSets;
  let set = cache.get(atom);
  if (set === void 0) {
    try {
      const node = parseRx(atom, ci);
      const single = node.k === "seq" && node.items.length === 1 ? node.items[0] : node;
      set = single.k === "set" ? single.set : null;
    } catch (error) {
      if (!(error instanceof RxUnsupported)) {
        throw error;
      }
      set = null;
    }
    cache.set(atom, set);
  }
  return set;
}
function overlaps(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1] < b[j]) {
      i += 2;
    } else if (b[j + 1] < a[i]) {
      j += 2;
    } else {
      return true;
    }
  }
  return false;
}
function factorOptions(options, ci, room, groupsDone = false) {
  if (!groupsDone) {
    for (const option of options) {
      for (const piece of option) {
        if (piece.group !== null && !piece.group.open.startsWith("(?<")) {
          piece.group.options = factorOptions(piece.group.options, ci, room);
        }
      }
    }
  }
  if (options.length < 2 || hasCapture(options)) {
    return options;
  }
  const spread = [];
  for (const option of options) {
    const head = option[0];
    if (head !== void 0 && head.group !== null && head.group.open === "(?:" && head.quantifier === "") {
      const rest = option.slice(1);
      const cost = rest.reduce((t, piece) => t + piece.span, 0) * (head.group.options.length - 1);
      if (cost <= room.chars) {
        room.chars -= cost;
        spread.push(...head.group.options.map((inner) => [...inner, ...rest]));
        continue;
      }
    }
    spread.push(option);
  }
  const out = [];
  let sets = [];
  let keys = [];
  let gathered = [];
  const flush = () => {
    for (const same of gathered) {
      if (same.length === 1) {
        out.push(same[0]);
      } else {
        const inner = factorOptions(
          same.map((option) => option.slice(1)),
          ci,
          room,
          true
        );
        out.push([
          same[0][0],
          { atom: "", group: { open: "(?:", options: inner, captures: false }, quantifier: "", span: 0 }
        ]);
      }
    }
    sets = [];
    keys = [];
    gathered = [];
  };
  for (const option of spread) {
    const set = firstSet(option, ci);
    if (set === null) {
      flush();
      out.push(option);
      continue;
    }
    const key = set.join(",");
    let slot = keys.indexOf(key);
    if (slot < 0 && sets.some((s) => overlaps(s, set))) {
      flush();
    }
    if (slot < 0) {
      slot = sets.length;
      sets.push(set);
      keys.push(key);
      gathered.push([]);
    }
    gathered[slot].push(option);
  }
  flush();
  return out;
}
export function factorAlternatives(source, ci) {
  let options;
  try {
    options = new SourceReader(source).read();
  } catch (error) {
    if (error instanceof RxUnsupported) {
      return source;
    }
    throw error;
  }
  return writeOptions(factorOptions(options, ci, { chars: 2 * source.length }));
}
