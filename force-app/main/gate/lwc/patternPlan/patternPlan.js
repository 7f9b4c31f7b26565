// Generated from patternPlan.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  ALL_CODES,
  ASCII_DIGITS,
  ASCII_LETTERS,
  RxUnsupported,
  complementCodes,
  countCodes,
  hasCode,
  intersectCodes,
  parseRx,
  rxEdge,
  rxMax,
  rxMin,
  rxPositions,
  unionCodes
} from "c/patternTree";
export const WORD_NEXT = 54;
export const RUN_LENGTHS = 16;
export const RUN_AFTER = 18;
export const ENTRY_DIGITS = 52 * WORD_NEXT;
export const ENTRY_CHAR = ENTRY_DIGITS + RUN_LENGTHS * RUN_AFTER;
export const CHAR_LIMIT = 592;
export const ENTRY_HIGH = ENTRY_CHAR + CHAR_LIMIT;
export const ENTRY_COUNT = ENTRY_HIGH + 1;
function letterIndex(code) {
  return code >= 65 && code <= 90 ? code - 65 : code >= 97 && code <= 122 ? code - 71 : code >= 48 && code <= 57 ? 52 : 53;
}
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = letterIndex(c);
}
const DIGIT_AFTER = " 	\n\r-./:,()+#'";
export const DIGIT_AFTER_CLASS = new Uint8Array(128).fill(16);
for (let c = 65; c <= 90; c++) {
  DIGIT_AFTER_CLASS[c] = 14;
  DIGIT_AFTER_CLASS[c + 32] = 15;
}
for (let k = 0; k < DIGIT_AFTER.length; k++) {
  DIGIT_AFTER_CLASS[DIGIT_AFTER.charCodeAt(k)] = k;
}
function digitAfterSet(cls) {
  if (cls < DIGIT_AFTER.length) {
    const c = DIGIT_AFTER.charCodeAt(cls);
    return [c, c];
  }
  if (cls === 14) {
    return [65, 90];
  }
  if (cls === 15) {
    return [97, 122];
  }
  if (cls === 16) {
    let listed = unionCodes(ASCII_LETTERS, ASCII_DIGITS);
    for (let k = 0; k < DIGIT_AFTER.length; k++) {
      const c = DIGIT_AFTER.charCodeAt(k);
      listed = unionCodes(listed, [c, c]);
    }
    return complementCodes(listed);
  }
  return [];
}
const DIGIT_AFTER_CODES = [];
for (let cls = 0; cls < 18; cls++) {
  DIGIT_AFTER_CODES.push(digitAfterSet(cls));
}
const LETTER_SHARE = "etaoinshrdlcumwfgypbvkjxqz";
function charShare(code) {
  if (code >= 97 && code <= 122) {
    const rank = LETTER_SHARE.indexOf(String.fromCharCode(code));
    return 0.65 * (0.13 * Math.pow(0.86, rank));
  }
  if (code >= 65 && code <= 90) {
    const rank = LETTER_SHARE.indexOf(String.fromCharCode(code + 32));
    return 0.06 * (0.13 * Math.pow(0.86, rank));
  }
  if (code >= 48 && code <= 57) {
    return 66e-4;
  }
  switch (code) {
    case 32:
      return 0.15;
    case 10:
      return 0.03;
    case 46:
      return 0.01;
    case 44:
      return 6e-3;
    case 39:
      return 4e-3;
    case 58:
      return 34e-4;
    case 45:
      return 2e-3;
    case 47:
      return 15e-4;
    case 34:
      return 2e-3;
    case 9:
    case 13:
      return 5e-4;
    default:
      return code < 128 ? 3e-4 : code < CHAR_LIMIT ? 5e-5 : 1e-5;
  }
}
const SHARE_TABLE = new Float64Array(CHAR_LIMIT);
for (let c = 0; c < CHAR_LIMIT; c++) {
  SHARE_TABLE[c] = charShare(c);
}
function shareOf(set) {
  let share = 0;
  for (let i = 0; i < set.length; i += 2) {
    for (let c = set[i]; c <= Math.min(set[i + 1], CHAR_LIMIT - 1); c++) {
      share += SHARE_TABLE[c];
    }
    if (set[i + 1] >= CHAR_LIMIT) {
      share += (set[i + 1] - Math.max(set[i], CHAR_LIMIT) + 1) * 1e-5;
    }
  }
  return Math.min(1, share);
}
const RUN_LENGTH_SHARE = [0.25, 0.2, 0.1, 0.25, 0.06, 0.04, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
const RUN_AFTER_SHARE = [
  0.45,
  5e-3,
  0.1,
  5e-3,
  0.05,
  0.08,
  0.04,
  0.03,
  0.08,
  5e-3,
  0.01,
  1e-3,
  1e-3,
  5e-3,
  0.02,
  0.1,
  0.02,
  1e-3
];
function entryShare(entry) {
  if (entry < ENTRY_DIGITS) {
    const letter = Math.floor(entry / WORD_NEXT);
    const next = entry % WORD_NEXT;
    const nextShare = next < 52 ? SHARE_TABLE[next < 26 ? 65 + next : 71 + next] / 0.7 : next === 52 ? 0.01 : 0.05;
    return SHARE_TABLE[letter < 26 ? 65 + letter : 71 + letter] * (letter < 26 ? 0.8 : 0.2) * nextShare;
  }
  if (entry < ENTRY_CHAR) {
    const run = entry - ENTRY_DIGITS;
    return 0.016 * RUN_LENGTH_SHARE[Math.floor(run / RUN_AFTER)] * RUN_AFTER_SHARE[run % RUN_AFTER];
  }
  return entry === ENTRY_HIGH ? 2e-3 : SHARE_TABLE[entry - ENTRY_CHAR];
}
function classRun(sets) {
  const low = new Uint32Array(sets.length * 8);
  const high = [];
  sets.forEach((set, k) => {
    for (let i = 0; i < set.length; i += 2) {
      for (let c = set[i]; c <= Math.min(set[i + 1], 255); c++) {
        low[k * 8 + (c >>> 5)] |= 1 << (c & 31);
      }
    }
    high.push(intersectCodes(set, [256, 65535]));
  });
  return { length: sets.length, low, high };
}
export function inRun(run, k, code) {
  return code < 256 ? (run.low[k * 8 + (code >>> 5)] >>> (code & 31) & 1) === 1 : hasCode(run.high[k], code);
}
export const TABLE_CODES = 130;
export function runTable(runs) {
  if (runs.length > 32) {
    return null;
  }
  const length = Math.max(0, ...runs.map((run) => run.length));
  const rows = new Int32Array(Math.max(1, length) * TABLE_CODES);
  runs.forEach((run, r) => {
    const bit = 1 << r;
    const low = run.low;
    for (let k = 0; k < length; k++) {
      const row = k * TABLE_CODES;
      if (run.length <= k) {
        for (let c = 0; c < TABLE_CODES; c++) {
          rows[row + c] |= bit;
        }
        continue;
      }
      for (let c = 0; c < 128; c++) {
        if ((low[k * 8 + (c >>> 5)] >>> (c & 31) & 1) === 1) {
          rows[row + c] |= bit;
        }
      }
      rows[row + 128] |= bit;
    }
  });
  return { rows, length, all: runs.length === 32 ? -1 : (1 << runs.length) - 1 };
}
function codesThrough(runs, k) {
  const through = new Uint8Array(TABLE_CODES);
  for (const run of runs) {
    for (let c = 0; c < TABLE_CODES; c++) {
      if (run.length <= k || c === 128 || c < 128 && inRun(run, k, c)) {
        through[c] = 1;
      }
    }
  }
  return through;
}
const THIRD = 2;
export function wordStartFeeds(patternsOn, slotOf, fed, groupFor) {
  const wordFeeds = new Int32Array(ENTRY_DIGITS * TABLE_CODES).fill(-1);
  const throughOf = /* @__PURE__ */ new Map();
  const runIds = /* @__PURE__ */ new Map();
  const rowOf = /* @__PURE__ */ new Map();
  for (let e = 0; e < ENTRY_DIGITS; e++) {
    const targets = fed[e];
    if (targets.length === 0) {
      continue;
    }
    let key = "";
    for (const list of targets) {
      key += " " + list;
      for (const plan of patternsOn[list]) {
        const runs = plan.after[slotOf[list][e]];
        let id = runIds.get(runs);
        if (id === void 0) {
          id = runIds.size;
          runIds.set(runs, id);
        }
        key += ":" + id;
      }
    }
    const known = rowOf.get(key);
    if (known !== void 0) {
      wordFeeds.set(known, e * TABLE_CODES);
      continue;
    }
    const words = targets.length + 31 >>> 5;
    const bits = new Int32Array(TABLE_CODES * words);
    targets.forEach((list, t) => {
      for (const plan of patternsOn[list]) {
        const runs = plan.after[slotOf[list][e]];
        let codes = throughOf.get(runs);
        if (codes === void 0) {
          const through = codesThrough(runs, THIRD);
          codes = [];
          for (let c = 0; c < TABLE_CODES; c++) {
            if (through[c] === 1) {
              codes.push(c);
            }
          }
          throughOf.set(runs, codes);
        }
        for (const c of codes) {
          bits[c * words + (t >>> 5)] |= 1 << (t & 31);
        }
      }
    });
    const groupOfKey = /* @__PURE__ */ new Map();
    for (let c = 0; c < TABLE_CODES; c++) {
      const subset = words === 1 ? bits[c] : bits.subarray(c * words, (c + 1) * words).join(",");
      let group = groupOfKey.get(subset);
      if (group === void 0) {
        const fedHere = targets.filter((_, t) => (bits[c * words + (t >>> 5)] >>> (t & 31) & 1) === 1);
        group = fedHere.length > 0 ? groupFor(fedHere) : -1;
        groupOfKey.set(subset, group);
      }
      wordFeeds[e * TABLE_CODES + c] = group;
    }
    rowOf.set(key, wordFeeds.slice(e * TABLE_CODES, (e + 1) * TABLE_CODES));
  }
  return wordFeeds;
}
const anchorChecksOf = /* @__PURE__ */ new WeakMap();
function knownCharacters(entry) {
  if (entry < ENTRY_DIGITS) {
    return entry % WORD_NEXT < 52 ? 2 : 1;
  }
  return entry < ENTRY_CHAR || entry === ENTRY_HIGH ? 0 : 1;
}
export function anchorChecks(plan) {
  let checks = anchorChecksOf.get(plan);
  if (checks === void 0) {
    const known = /* @__PURE__ */ new Map();
    const tables = plan.after.map((runs) => {
      let table = known.get(runs);
      if (table === void 0) {
        table = runTable(runs);
        known.set(runs, table);
      }
      return table;
    });
    checks = { skip: Math.min(...plan.entries.map(knownCharacters)), tables };
    anchorChecksOf.set(plan, checks);
  }
  return checks;
}
const PLAN_CLASSES = 12;
const ANCHOR_OPTIONS = 96;
const COST_ENTRY = 20;
const COST_ANCHOR = 40;
const COST_POSITION = 8;
const COST_EXEC = 250;
function topLevelItems(tree) {
  return tree.k === "seq" ? tree.items : [tree];
}
function singleSet(node) {
  if (node.k === "set") {
    return node.set;
  }
  if (node.k === "seq" && node.items.length === 1) {
    return singleSet(node.items[0]);
  }
  return null;
}
function anchorEntries(before, positions) {
  if (positions.length === 0) {
    return null;
  }
  const first = positions[0];
  const entries = [];
  const letters = intersectCodes(first, ASCII_LETTERS);
  if (letters.length > 0) {
    if (intersectCodes(before, ASCII_LETTERS).length > 0) {
      return null;
    }
    const nextClasses = /* @__PURE__ */ new Set();
    if (positions.length < 2) {
      for (let k = 0; k < WORD_NEXT; k++) {
        nextClasses.add(k);
      }
    } else {
      const next = positions[1];
      for (let i = 0; i < next.length; i += 2) {
        for (let c = next[i]; c <= next[i + 1]; c++) {
          nextClasses.add(c < 128 ? ASCII_CLASS[c] : 53);
          if (c >= 128) {
            break;
          }
        }
      }
    }
    for (let i = 0; i < letters.length; i += 2) {
      for (let c = letters[i]; c <= letters[i + 1]; c++) {
        for (const n of nextClasses) {
          entries.push(letterIndex(c) * WORD_NEXT + n);
        }
      }
    }
  }
  if (intersectCodes(first, ASCII_DIGITS).length > 0) {
    if (intersectCodes(before, ASCII_DIGITS).length > 0) {
      return null;
    }
    for (let length = 1; length <= RUN_LENGTHS; length++) {
      if (length <= positions.length && intersectCodes(positions[length - 1], ASCII_DIGITS).length === 0) {
        break;
      }
      for (let after = 0; after < RUN_AFTER; after++) {
        const fits = length === RUN_LENGTHS || length >= positions.length || intersectCodes(positions[length], DIGIT_AFTER_CODES[after]).length > 0;
        if (fits) {
          entries.push(ENTRY_DIGITS + (length - 1) * RUN_AFTER + after);
        }
      }
    }
  }
  const others = intersectCodes(first, complementCodes(unionCodes(ASCII_LETTERS, ASCII_DIGITS)));
  const low = intersectCodes(others, [0, CHAR_LIMIT - 1]);
  if (countCodes(low) > 256) {
    return null;
  }
  for (let i = 0; i < low.length; i += 2) {
    for (let c = low[i]; c <= low[i + 1]; c++) {
      entries.push(ENTRY_CHAR + c);
    }
  }
  if (intersectCodes(others, [CHAR_LIMIT, 65535]).length > 0) {
    entries.push(ENTRY_HIGH);
  }
  return entries;
}
export function planPatternIndex(pattern, caseInsensitive) {
  let tree;
  try {
    tree = parseRx(pattern, caseInsensitive);
  } catch (error) {
    if (error instanceof RxUnsupported) {
      return null;
    }
    throw error;
  }
  const items = topLevelItems(tree);
  if (items.some((n) => !Number.isFinite(rxMax(n)))) {
    return null;
  }
  const lead = items[0];
  const notBefore = lead && lead.k === "look" && lead.behind && lead.negative ? singleSet(lead.body) : null;
  const beforeStart = notBefore ? complementCodes(notBefore) : ALL_CODES;
  const start = rxPositions(items, PLAN_CLASSES, false);
  if (start.length === 0) {
    return null;
  }
  const notBeforeShare = notBefore ? Math.max(0.2, 1 - shareOf(notBefore)) : 1;
  const startShare = Math.min(1, start.reduce((t, set) => t * shareOf(set), 1) * notBeforeShare);
  const scanCost = 0.8 + 40 * shareOf(start[0]) * notBeforeShare;
  let best = null;
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    const itemMin = rxMin(item);
    const itemMax = rxMax(item);
    const whole = item.k === "alt" ? item.options : [item];
    const spread = itemMin > 0 ? spreadOptions(item, ANCHOR_OPTIONS) : [];
    const variants = itemMin === 0 ? [] : spread.length > whole.length ? [whole, spread] : [whole];
    for (const options of variants) {
      const anchor = planAnchor(items, j, beforeStart, options);
      if (anchor === null) {
        continue;
      }
      const width = hi - lo + 1;
      const cost = anchor.entryShare * (COST_ENTRY + COST_ANCHOR) + anchor.anchorShare * width * (COST_POSITION + startShare * COST_EXEC);
      if (best === null || cost < best.cost) {
        best = {
          entries: anchor.entries,
          after: anchor.after,
          lo,
          hi,
          before: anchor.before,
          start: classRun(start),
          notBefore: notBefore ? classRun([notBefore]) : null,
          cost,
          scanCost
        };
      }
    }
    lo += itemMin;
    hi += itemMax;
  }
  return best !== null && best.cost < scanCost ? best : null;
}
function spreadOptions(node, budget) {
  if (node.k === "alt") {
    const out = [];
    for (const option of node.options) {
      out.push(...spreadOptions(option, Math.max(1, budget - out.length)));
    }
    return out.length <= budget ? out : [node];
  }
  if (node.k === "rep" && node.max === 1) {
    const body = spreadOptions(node.body, budget);
    const out = node.min === 0 ? [{ k: "seq", items: [] }, ...body] : body;
    return out.length <= budget ? out : [node];
  }
  if (node.k !== "seq") {
    return [node];
  }
  let heads = [[]];
  let k = 0;
  for (; k < node.items.length && rxMin({ k: "seq", items: heads[0] }) < PLAN_CLASSES; k++) {
    const options = spreadOptions(node.items[k], Math.max(1, Math.floor(budget / heads.length)));
    if (heads.length * options.length > budget) {
      break;
    }
    heads = heads.flatMap((head) => options.map((option) => [...head, option]));
  }
  const rest = node.items.slice(k);
  return heads.map((head) => ({ k: "seq", items: [...head, ...rest] }));
}
function planAnchor(items, j, beforeStart, options) {
  let before = [];
  let emptyBefore = true;
  for (let i = j - 1; i >= 0; i--) {
    before = unionCodes(before, rxEdge(items[i], true));
    if (rxMin(items[i]) > 0) {
      emptyBefore = false;
      break;
    }
  }
  if (emptyBefore) {
    before = unionCodes(before, beforeStart);
  }
  const back = rxPositions(items.slice(0, j), PLAN_CLASSES, true);
  const backShare = back.reduce((t, set) => t * shareOf(set), 1);
  const runsOf = /* @__PURE__ */ new Map();
  let totalEntryShare = 0;
  let anchorShare = 0;
  for (const option of options) {
    const positions = rxPositions([option, ...items.slice(j + 1)], PLAN_CLASSES, false);
    const entries2 = anchorEntries(before, positions);
    if (entries2 === null || entries2.length === 0) {
      return null;
    }
    const run = classRun(positions);
    let share = 0;
    for (const e of entries2) {
      share += entryShare(e);
      const runs = runsOf.get(e);
      if (runs === void 0) {
        runsOf.set(e, [run]);
      } else if (!runs.includes(run)) {
        runs.push(run);
      }
    }
    const verifiedFrom = intersectCodes(positions[0], ASCII_LETTERS).length > 0 ? 2 : 1;
    anchorShare += share * positions.slice(verifiedFrom).reduce((t, set) => t * shareOf(set), 1) * backShare;
  }
  const entries = Array.from(runsOf.keys()).sort((a, b) => a - b);
  for (const e of entries) {
    totalEntryShare += entryShare(e);
  }
  const runIds = /* @__PURE__ */ new Map();
  const shared = /* @__PURE__ */ new Map();
  const after = entries.map((e) => {
    const runs = runsOf.get(e);
    const key = runs.map((run) => {
      if (!runIds.has(run)) {
        runIds.set(run, runIds.size);
      }
      return runIds.get(run);
    }).join(",");
    const known = shared.get(key);
    if (known) {
      return known;
    }
    shared.set(key, runs);
    return runs;
  });
  return {
    entries,
    after,
    before: classRun(back),
    entryShare: Math.min(1, totalEntryShare),
    anchorShare: Math.min(1, anchorShare)
  };
}
