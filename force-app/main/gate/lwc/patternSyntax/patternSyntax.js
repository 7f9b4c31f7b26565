// Generated from patternSyntax.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { VALIDATORS } from "c/phiValidators";
export const MAX_REPEAT = 2048;
const SIMPLE_ESCAPES = "dwtnrf";
const META_ESCAPES = "\\.^$|?*+()[]{}/-";
class SubsetChecker {
  constructor(pattern, caseInsensitive) {
    this.pattern = pattern;
    this.caseInsensitive = caseInsensitive;
  }
  problems = [];
  stack = [{ repeats: false, lookaround: false }];
  captures = 0;
  lastAtom = "none";
  lastGroupRepeats = false;
  i = 0;
  run() {
    const pattern = this.pattern;
    while (this.i < pattern.length) {
      const c = pattern[this.i];
      const code = c.charCodeAt(0);
      if (code > 127 && this.caseInsensitive) {
        this.add("A case-insensitive pattern must be ASCII-only.");
      }
      if (code >= 55296 && code <= 57343) {
        this.add("Characters outside the Basic Multilingual Plane are not allowed in patterns.");
      }
      if (c === "\\") {
        this.i = this.escape(this.i, false);
        this.lastAtom = "simple";
      } else if (c === "[") {
        this.charClass();
      } else if (c === "(") {
        this.openGroup();
      } else if (c === ")") {
        this.closeGroup();
      } else if (c === "*" || c === "+") {
        this.add("Unbounded quantifiers (* and +) are not allowed: use a bounded {m,n}.");
        this.i++;
      } else if (c === "?" || c === "{") {
        this.quantifier(c);
      } else {
        this.plain(c);
      }
    }
    if (this.stack.length !== 1) {
      this.add("Unbalanced (.");
    }
    if (this.captures > 1) {
      this.add("At most one capturing group is allowed (group 1 is the PHI span); use (?: for the others.");
    }
    return this.problems;
  }
  add(message) {
    if (!this.problems.includes(message)) {
      this.problems.push(message);
    }
  }
  unicodeEscape(at) {
    const hex = this.pattern.slice(at + 2, at + 6);
    if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
      this.add(`\\u at ${at} needs four hex digits.`);
      return at + 2;
    }
    const code = parseInt(hex, 16);
    if (code >= 55296 && code <= 57343) {
      this.add(`Surrogate escape \\u${hex} is not allowed.`);
    }
    if (this.caseInsensitive && code > 127) {
      this.add("A case-insensitive pattern must be ASCII-only.");
    }
    return at + 6;
  }
  /** The escape at `at` (a backslash); returns the position after it. */
  escape(at, inClass) {
    const c = this.pattern[at + 1];
    if (c === void 0) {
      this.add("The pattern ends with a backslash.");
      return at + 1;
    }
    if (c === "u") {
      return this.unicodeEscape(at);
    }
    if (c === "x") {
      if (!/^[0-9A-Fa-f]{2}$/.test(this.pattern.slice(at + 2, at + 4))) {
        this.add(`\\x at ${at} needs two hex digits.`);
      }
      return at + 4;
    }
    if (SIMPLE_ESCAPES.includes(c) || META_ESCAPES.includes(c) || ", #&@:".includes(c)) {
      if (inClass && c === "b") {
        this.add("\\b is not allowed.");
      }
      return at + 2;
    }
    this.add(`The escape \\${c} is outside the Java/JavaScript common subset.`);
    return at + 2;
  }
  charClass() {
    const pattern = this.pattern;
    let j = this.i + 1;
    if (pattern[j] === "^") {
      j++;
    }
    if (pattern[j] === "]") {
      this.add("A character class may not be empty or start with ].");
    }
    let closed = false;
    while (j < pattern.length) {
      const d = pattern[j];
      if (d === "\\") {
        j = this.escape(j, true);
        continue;
      }
      if (d === "[") {
        this.add("[ inside a character class must be escaped (Java reads it as a nested class).");
      }
      if (d === "&" && pattern[j + 1] === "&") {
        this.add("Class intersection && is not allowed.");
      }
      if (d.charCodeAt(0) > 127 && this.caseInsensitive) {
        this.add("A case-insensitive pattern must be ASCII-only.");
      }
      if (d === "]") {
        closed = true;
        break;
      }
      j++;
    }
    if (!closed) {
      this.add("A character class is not closed.");
    }
    this.i = j + 1;
    this.lastAtom = "simple";
  }
  openGroup() {
    let lookaround = false;
    if (this.pattern[this.i + 1] === "?") {
      const head = this.pattern.slice(this.i, this.i + 4);
      if (head.startsWith("(?:")) {
        this.i += 3;
      } else if (head.startsWith("(?=") || head.startsWith("(?!")) {
        lookaround = true;
        this.i += 3;
      } else if (head === "(?<=" || head === "(?<!") {
        lookaround = true;
        this.i += 4;
      } else {
        this.add(
          "Only (?: (?= (?! (?<= and (?<! groups are allowed (no named groups, flags or atomic groups)."
        );
        this.i += 2;
      }
    } else {
      this.captures++;
      this.i += 1;
    }
    this.stack.push({ repeats: false, lookaround });
    this.lastAtom = "none";
  }
  closeGroup() {
    this.i++;
    if (this.stack.length === 1) {
      this.add("Unbalanced ).");
      return;
    }
    const frame = this.stack.pop();
    if (frame.repeats) {
      this.stack[this.stack.length - 1].repeats = true;
    }
    this.lastGroupRepeats = frame.repeats;
    this.lastAtom = frame.lookaround ? "lookaround" : "group";
  }
  /** `?` or a `{m,n}` at i. */
  quantifier(c) {
    let max = 1;
    let next = this.i + 1;
    if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.i));
      if (!m) {
        this.add("A literal { must be escaped.");
        this.i++;
        return;
      }
      if (m[2] !== void 0 && m[3] === "") {
        this.add("Unbounded quantifiers ({n,}) are not allowed.");
      }
      const min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) {
        this.add(`Quantifier ${m[0]} has its bounds reversed.`);
      }
      if (max !== Infinity && max > MAX_REPEAT) {
        this.add(`Quantifier ${m[0]} exceeds the limit of ${MAX_REPEAT}.`);
      }
      next = this.i + m[0].length;
    }
    if (this.lastAtom === "none") {
      this.add("A quantifier must follow something to repeat.");
    } else if (this.lastAtom === "lookaround") {
      this.add("Lookarounds cannot be quantified.");
    } else if (max > 1) {
      if (this.lastAtom === "group" && this.lastGroupRepeats) {
        this.add("Nested quantifier: a repeated group contains a repetition (catastrophic backtracking risk).");
      }
      this.stack[this.stack.length - 1].repeats = true;
    }
    if (this.pattern[next] === "+") {
      this.add("Possessive quantifiers are not allowed.");
      next++;
    } else if (this.pattern[next] === "?") {
      next++;
    }
    this.i = next;
    this.lastAtom = "none";
  }
  /** Any other character: a literal, or one of the metacharacters the subset refuses. */
  plain(c) {
    if (c === ".") {
      this.add(". is not allowed (Java and JavaScript disagree on line terminators): use a class.");
    } else if (c === "^" || c === "$") {
      this.add("Anchors ^ and $ are not allowed: use lookarounds.");
    } else if (c === "}" || c === "]") {
      this.add(`A literal ${c} must be escaped.`);
    }
    this.i++;
    this.lastAtom = c === "|" ? "none" : "simple";
  }
}
export function checkPattern(pattern, caseInsensitive = false) {
  if (pattern.length === 0) {
    return ["The pattern is empty."];
  }
  const problems = new SubsetChecker(pattern, caseInsensitive).run();
  if (problems.length === 0) {
    try {
      const re = new RegExp(pattern, caseInsensitive ? "i" : "");
      if (re.test("")) {
        problems.push("The pattern matches the empty string.");
      }
    } catch (error) {
      problems.push(`JavaScript cannot compile the pattern: ${error.message}`);
    }
  }
  return problems;
}
export function checkPatterns(patterns) {
  const problems = [];
  const replacements = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Set();
  for (const p of patterns) {
    if (names.has(p.name)) {
      problems.push(`${p.name}: duplicate pattern name.`);
    }
    names.add(p.name);
    if (!/^[A-Z][A-Za-z0-9]{0,39}$/.test(p.category)) {
      problems.push(`${p.name}: category "${p.category}" must be PascalCase letters and digits.`);
    }
    for (const problem of checkPattern(p.pattern, p.caseInsensitive)) {
      problems.push(`${p.name}: ${problem}`);
    }
    if (p.validator && !VALIDATORS.includes(p.validator)) {
      problems.push(`${p.name}: unknown validator "${p.validator}" (known: ${VALIDATORS.join(", ")}).`);
    }
    if (!Number.isInteger(p.priority) || p.priority < 1 || p.priority > 999) {
      problems.push(`${p.name}: priority must be a whole number from 1 to 999.`);
    }
    if (p.enabled) {
      const replacement = p.replacement && p.replacement.trim() !== "" ? p.replacement : null;
      if (replacements.has(p.category) && replacements.get(p.category) !== replacement) {
        problems.push(`${p.name}: category ${p.category} already has another replacement.`);
      }
      replacements.set(p.category, replacement);
    }
  }
  return problems;
}
