// Generated from nameDictionary.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  AMBIGUOUS,
  buildNameTable,
  keysOf,
  markerClass,
  STOP,
  STRONG,
  suffixesByLast,
  WORD_NAME
} from "c/nameWords";
export function dictionaryKeys(dictionary, cls) {
  const bits = { strong: STRONG, ambiguous: AMBIGUOUS, wordNames: WORD_NAME, stop: STOP }[cls];
  return keysOf(dictionary.names, bits);
}
export function parseNameDictionary(text) {
  const fold = /* @__PURE__ */ new Map();
  const suffixes = [];
  const eponymNouns = /* @__PURE__ */ new Set();
  const keys = [];
  const classes = [];
  const lines = text.split("\n");
  for (let raw of lines) {
    raw = raw.replace(/\r$/, "");
    if (raw === "" || raw[0] === "#") {
      continue;
    }
    if (raw.startsWith("@fold ")) {
      const parts = raw.split(" ");
      for (const ch of parts[2] ?? "") {
        fold.set(ch, parts[1]);
      }
      continue;
    }
    if (raw.startsWith("@suffix ")) {
      suffixes.push(
        ...raw.slice(8).split(" ").filter((x) => x !== "")
      );
      continue;
    }
    if (raw[0] === "-") {
      keys.push(raw.slice(1));
      classes.push(STOP);
      continue;
    }
    if (raw[0] === "=") {
      eponymNouns.add(raw.slice(1));
      continue;
    }
    const marked = markerClass(raw[0]);
    const cls = marked ?? STRONG;
    const body = marked === null ? raw : raw.slice(1);
    const colon = body.indexOf(":");
    if (colon !== 3) {
      throw new Error(`Names dictionary: malformed line "${raw.slice(0, 40)}".`);
    }
    const prefix = body.slice(0, 3);
    for (const suffix of body.slice(4).split("|")) {
      keys.push(prefix + suffix);
      classes.push(cls);
    }
  }
  return { names: buildNameTable(keys, classes), fold, suffixes: suffixesByLast(suffixes), eponymNouns };
}
export function nameKey(token, dictionary) {
  return foldKey(token.toLowerCase(), dictionary);
}
export function foldKey(lower, dictionary) {
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    return lower;
  }
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    const code = c.charCodeAt(0);
    if (code >= 768 && code <= 879) {
      continue;
    }
    if (c === "’") {
      out += "'";
      continue;
    }
    const folded = dictionary.fold.get(c);
    out += folded === void 0 ? c : folded;
  }
  return out;
}
