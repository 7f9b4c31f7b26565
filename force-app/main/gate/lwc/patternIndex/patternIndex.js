// Generated from patternIndex.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { validate } from "c/phiValidators";
import { checkPatterns } from "c/patternSyntax";
import { factorAlternatives } from "c/patternTree";
import {
  ASCII_CLASS as ASCII_CLASS_TABLE,
  CHAR_LIMIT as CHAR_LIMIT_VALUE,
  DIGIT_AFTER_CLASS as DIGIT_AFTER_CLASS_TABLE,
  ENTRY_CHAR as ENTRY_CHAR_VALUE,
  ENTRY_COUNT,
  ENTRY_DIGITS as ENTRY_DIGITS_VALUE,
  ENTRY_HIGH as ENTRY_HIGH_VALUE,
  RUN_AFTER as RUN_AFTER_VALUE,
  RUN_LENGTHS as RUN_LENGTHS_VALUE,
  TABLE_CODES as TABLE_CODES_VALUE,
  WORD_NEXT as WORD_NEXT_VALUE,
  anchorChecks,
  inRun as inClassRun,
  planPatternIndex,
  wordStartFeeds
} from "c/patternPlan";
const ASCII_CLASS = ASCII_CLASS_TABLE;
const CHAR_LIMIT = CHAR_LIMIT_VALUE;
const DIGIT_AFTER_CLASS = DIGIT_AFTER_CLASS_TABLE;
const ENTRY_CHAR = ENTRY_CHAR_VALUE;
const ENTRY_DIGITS = ENTRY_DIGITS_VALUE;
const ENTRY_HIGH = ENTRY_HIGH_VALUE;
const RUN_AFTER = RUN_AFTER_VALUE;
const RUN_LENGTHS = RUN_LENGTHS_VALUE;
const WORD_NEXT = WORD_NEXT_VALUE;
const TABLE_CODES = TABLE_CODES_VALUE;
const inRun = inClassRun;
export function prefixedGroup(pattern) {
  let depth = 0;
  let open = -1;
  let close = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
    } else if (c === "[") {
      for (i += pattern[i + 1] === "^" ? 2 : 1; i < pattern.length && pattern[i] !== "]"; i++) {
        if (pattern[i] === "\\") {
          i++;
        }
      }
    } else if (c === "(") {
      if (pattern[i + 1] !== "?") {
        if (depth !== 0 || open >= 0) {
          return null;
        }
        open = i;
      }
      depth++;
    } else if (c === ")") {
      depth--;
      if (depth === 0 && open >= 0 && close < 0) {
        close = i;
      }
    } else if (c === "|" && depth === 0) {
      return null;
    }
  }
  const after = pattern.charAt(close + 1);
  if (open < 0 || close < 0 || after !== "" && "?*+{".includes(after)) {
    return null;
  }
  return "(" + pattern.slice(0, open) + ")" + pattern.slice(open);
}
const compiledCache = /* @__PURE__ */ new WeakMap();
export function compilePatterns(patterns) {
  const cached = compiledCache.get(patterns);
  if (cached) {
    return cached;
  }
  const problems = checkPatterns(patterns);
  if (problems.length > 0) {
    throw new Error("Unsafe or invalid PHI patterns:\n" + problems.join("\n"));
  }
  const compiled = patterns.filter((p) => p.enabled).slice().sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((spec) => {
    const hasGroup = new RegExp(spec.pattern + "|").exec("").length > 1;
    const prefixed = hasGroup ? prefixedGroup(spec.pattern) : null;
    const group = !hasGroup ? 0 : prefixed === null ? 1 : 2;
    const source = factorAlternatives(prefixed ?? spec.pattern, spec.caseInsensitive);
    const flags = (group === 1 ? "d" : "") + (spec.caseInsensitive ? "i" : "");
    return {
      spec,
      regex: new RegExp(source, "g" + flags),
      group,
      sticky: new RegExp(source, "y" + flags),
      plan: planPatternIndex(spec.pattern, spec.caseInsensitive)
    };
  });
  compiledCache.set(patterns, compiled);
  return compiled;
}
const patternIndexes = /* @__PURE__ */ new WeakMap();
function patternIndexFor(compiled) {
  let index = patternIndexes.get(compiled);
  if (index) {
    return index;
  }
  const fed = [];
  for (let e = 0; e < ENTRY_COUNT; e++) {
    fed.push([]);
  }
  const lists = [];
  const byKey = /* @__PURE__ */ new Map();
  const listFor = (entries) => {
    const key = entries.join(",");
    let list = byKey.get(key);
    if (list === void 0) {
      list = lists.length;
      const slotOf = new Int16Array(ENTRY_COUNT).fill(-1);
      entries.forEach((e, slot) => {
        slotOf[e] = slot;
      });
      lists.push({ positions: new Int32Array(256), entries: null, count: 0, slotOf });
      byKey.set(key, list);
      for (const e of entries) {
        fed[e].push(list);
      }
    }
    return list;
  };
  const anchorList = compiled.map((c) => c.plan ? listFor(c.plan.entries) : -1);
  compiled.forEach((c, p) => {
    if (c.plan && c.plan.after.some((runs) => runs !== c.plan?.after[0])) {
      lists[anchorList[p]].entries = new Int32Array(256);
    }
  });
  const feeds = new Int32Array(ENTRY_COUNT).fill(-1);
  const groups = [];
  const groupOf = /* @__PURE__ */ new Map();
  const groupFor = (targets) => {
    const key = targets.join(",");
    let group = groupOf.get(key);
    if (group === void 0) {
      group = groups.length;
      groups.push(targets);
      groupOf.set(key, group);
    }
    return group;
  };
  fed.forEach((targets, e) => {
    if (targets.length > 0 && e >= ENTRY_DIGITS) {
      feeds[e] = groupFor(targets);
    }
  });
  const plansOn = lists.map(() => []);
  compiled.forEach((c, p) => {
    if (c.plan !== null) {
      plansOn[anchorList[p]].push(c.plan);
    }
  });
  const wordFeeds = wordStartFeeds(
    plansOn,
    lists.map((list) => list.slotOf),
    fed,
    groupFor
  );
  index = { feeds, wordFeeds, groups, lists, anchorList };
  patternIndexes.set(compiled, index);
  return index;
}
function growList(list) {
  const positions = new Int32Array(list.positions.length * 2);
  positions.set(list.positions);
  list.positions = positions;
  if (list.entries !== null) {
    const entries = new Int32Array(list.positions.length);
    entries.set(list.entries);
    list.entries = entries;
  }
}
function textPass(scan, index) {
  const feeds = index.feeds;
  const wordFeeds = index.wordFeeds;
  const groups = index.groups;
  const lists = index.lists;
  for (let l = 0; l < lists.length; l++) {
    lists[l].count = 0;
  }
  const n = scan.length;
  let previous = 53;
  for (let i = 0; i < n; i++) {
    const c = scan.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : 53;
    if (cls < 52 && previous < 52) {
      previous = cls;
      continue;
    }
    let entry = -1;
    let group = -1;
    if (cls < 52) {
      const d = i + 1 < n ? scan.charCodeAt(i + 1) : 0;
      entry = cls * WORD_NEXT + (d < 128 ? ASCII_CLASS[d] : 53);
      const t = i + 2 < n ? scan.charCodeAt(i + 2) : -1;
      group = wordFeeds[entry * TABLE_CODES + (t < 0 ? 129 : t < 128 ? t : 128)];
    } else if (cls === 52) {
      if (previous !== 52) {
        let j = i + 1;
        while (j < n && j - i < RUN_LENGTHS) {
          const d = scan.charCodeAt(j);
          if (d < 48 || d > 57) {
            break;
          }
          j++;
        }
        let after = 16;
        if (j - i < RUN_LENGTHS) {
          const d = j < n ? scan.charCodeAt(j) : -1;
          after = d < 0 ? 17 : d < 128 ? DIGIT_AFTER_CLASS[d] : 16;
        }
        entry = ENTRY_DIGITS + (j - i - 1) * RUN_AFTER + after;
        group = feeds[entry];
      }
    } else {
      entry = c < CHAR_LIMIT ? ENTRY_CHAR + c : ENTRY_HIGH;
      group = feeds[entry];
    }
    if (group >= 0) {
      const targets = groups[group];
      for (let t = 0; t < targets.length; t++) {
        const list = lists[targets[t]];
        if (list.count === list.positions.length) {
          growList(list);
        }
        list.positions[list.count] = i;
        if (list.entries !== null) {
          list.entries[list.count] = entry;
        }
        list.count++;
      }
    }
    previous = cls;
  }
}
function fitsForward(scan, at, run) {
  if (at + run.length > scan.length) {
    return false;
  }
  for (let k = 0; k < run.length; k++) {
    if (!inRun(run, k, scan.charCodeAt(at + k))) {
      return false;
    }
  }
  return true;
}
function fitsBackward(scan, at, run) {
  if (at - run.length < 0) {
    return false;
  }
  for (let k = 0; k < run.length; k++) {
    if (!inRun(run, k, scan.charCodeAt(at - 1 - k))) {
      return false;
    }
  }
  return true;
}
function addPatternMatch(scan, m, compiled, shift, order, out) {
  let start = shift === 0 ? m.index : m.index + m[1].length;
  let end = m.index + m[0].length;
  if (compiled.group === 2) {
    const value = m[2 + shift];
    if (value === void 0) {
      return false;
    }
    start += m[1 + shift].length;
    end = start + value.length;
  } else if (compiled.group === 1) {
    const indices = m.indices?.[1 + shift];
    if (!indices) {
      return false;
    }
    start = indices[0];
    end = indices[1];
  }
  return acceptMatch(scan, compiled, start, end, order, out);
}
export function acceptMatch(scan, compiled, start, end, order, out) {
  const spec = compiled.spec;
  if (end <= start || spec.validator && !validate(spec.validator, scan.slice(start, end))) {
    return false;
  }
  out.push({
    start,
    end,
    category: spec.category,
    priority: spec.priority,
    source: "pattern",
    rule: spec.name,
    order
  });
  return true;
}
export function scanPattern(scan, compiled, order, out) {
  const regex = compiled.regex;
  regex.lastIndex = 0;
  let m;
  while ((m = regex.exec(scan)) !== null) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    if (!addPatternMatch(scan, m, compiled, 0, order, out)) {
      regex.lastIndex = m.index + 1;
    }
  }
}
function tryStart(scan, s, compiled, plan, order, out) {
  const notBefore = plan.notBefore;
  if (notBefore !== null && s > 0 && inRun(notBefore, 0, scan.charCodeAt(s - 1)) || !fitsForward(scan, s, plan.start)) {
    return s + 1;
  }
  const sticky = compiled.sticky;
  sticky.lastIndex = s;
  const m = sticky.exec(scan);
  if (m === null || m[0].length === 0) {
    return s + 1;
  }
  return addPatternMatch(scan, m, compiled, 0, order, out) ? s + m[0].length : s + 1;
}
const WIDE_WINDOW = 8;
const windowSearches = /* @__PURE__ */ new WeakMap();
function windowSearch(compiled, plan) {
  let search = windowSearches.get(plan);
  if (search === void 0) {
    const sticky = compiled.sticky;
    search = new RegExp("([\\s\\S]{0," + (plan.hi - plan.lo) + "}?)(?:" + sticky.source + ")", sticky.flags);
    windowSearches.set(plan, search);
  }
  return search;
}
function tryWindow(scan, s, compiled, search, width, order, out) {
  search.lastIndex = s;
  const m = search.exec(scan);
  if (m === null) {
    return s + width + 1;
  }
  const start = s + m[1].length;
  if (m[0].length === m[1].length) {
    return start + 1;
  }
  return addPatternMatch(scan, m, compiled, 1, order, out) ? s + m[0].length : start + 1;
}
function fitsFrom(scan, at, run, from) {
  if (at + run.length > scan.length) {
    return false;
  }
  for (let k = from; k < run.length; k++) {
    if (!inRun(run, k, scan.charCodeAt(at + k))) {
      return false;
    }
  }
  return true;
}
function anchorFits(scan, at, runs, table, skip) {
  if (table === null) {
    for (let r = 0; r < runs.length; r++) {
      if (fitsFrom(scan, at, runs[r], skip)) {
        return true;
      }
    }
    return false;
  }
  const rows = table.rows;
  const n = scan.length;
  let bits = table.all;
  let high = false;
  for (let k = skip; k < table.length; k++) {
    const p = at + k;
    if (p >= n) {
      bits &= rows[k * TABLE_CODES + 129];
      break;
    }
    const c = scan.charCodeAt(p);
    if (c < 128) {
      bits &= rows[k * TABLE_CODES + c];
      if (bits === 0) {
        return false;
      }
    } else {
      bits &= rows[k * TABLE_CODES + 128];
      high = true;
    }
  }
  if (!high || bits === 0) {
    return bits !== 0;
  }
  while (bits !== 0) {
    const low = bits & -bits;
    bits ^= low;
    if (fitsFrom(scan, at, runs[31 - Math.clz32(low)], skip)) {
      return true;
    }
  }
  return false;
}
function indexedPattern(scan, compiled, plan, anchors, order, out) {
  const { lo, hi, after, before } = plan;
  const positions = anchors.positions;
  const entries = anchors.entries;
  const slotOf = anchors.slotOf;
  const search = hi - lo >= WIDE_WINDOW ? windowSearch(compiled, plan) : null;
  const { skip, tables } = anchorChecks(plan);
  let next = 0;
  const count = anchors.count;
  for (let a = 0; a < count; a++) {
    const at = positions[a];
    const last = at - lo;
    if (last < next || before.length > 0 && !fitsBackward(scan, at, before)) {
      continue;
    }
    const slot = entries === null ? 0 : slotOf[entries[a]];
    if (!anchorFits(scan, at, after[slot], tables[slot], skip)) {
      continue;
    }
    if (search === null) {
      for (let s = at - hi > next ? at - hi : next; s <= last; s = next) {
        next = tryStart(scan, s, compiled, plan, order, out);
      }
    } else {
      for (let s = at - hi > next ? at - hi : next; s <= last; s = next) {
        next = tryWindow(scan, s, compiled, search, hi - lo, order, out);
      }
    }
    if (last + 1 > next) {
      next = last + 1;
    }
  }
}
export function findPatterns(scan, compiled, out) {
  const index = patternIndexFor(compiled);
  if (index.lists.length > 0) {
    textPass(scan, index);
  }
  for (let p = 0; p < compiled.length; p++) {
    const c = compiled[p];
    const list = index.anchorList[p];
    if (list < 0 || c.plan === null) {
      scanPattern(scan, c, p, out);
    } else {
      indexedPattern(scan, c, c.plan, index.lists[list], p, out);
    }
  }
}
export function matchPatterns(scan, patterns, compiled = compilePatterns(patterns)) {
  const out = [];
  findPatterns(scan, compiled, out);
  return out.map((c) => ({ start: c.start, end: c.end, rule: c.rule }));
}
