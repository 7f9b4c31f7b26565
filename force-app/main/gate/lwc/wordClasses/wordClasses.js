// Generated from wordClasses.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { tokenInfo } from "c/nameDictionary";
const tokenCaches = /* @__PURE__ */ new WeakMap();
const TOKEN_CACHE_LIMIT = 1e5;
const NAME_FILTER_BITS = 20;
function unitsHash(text, from, to) {
  let h = 2166136261;
  for (let k = from; k < to; k++) {
    h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  }
  return h >>> 32 - NAME_FILTER_BITS;
}
function lowerNameFilter(dictionary) {
  const bits = new Uint32Array(1 << NAME_FILTER_BITS - 5);
  for (const name of dictionary.strong) {
    if (/^[a-z]+$/.test(name)) {
      const h = unitsHash(name, 0, name.length);
      bits[h >>> 5] |= 1 << (h & 31);
    }
  }
  return bits;
}
export function cachedClassifier(dictionary) {
  const stamp = [
    dictionary.strong.size,
    dictionary.ambiguous.size,
    dictionary.wordNames.size,
    dictionary.stop.size,
    dictionary.fold.size,
    dictionary.suffixes.join("|"),
    dictionary.eponymNouns.size
  ].join(",");
  let cache = tokenCaches.get(dictionary);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, infos: /* @__PURE__ */ new Map(), lowerNames: lowerNameFilter(dictionary) };
    tokenCaches.set(dictionary, cache);
  }
  const infos = cache.infos;
  const lowerNames = cache.lowerNames;
  return (scan, tokens, k) => {
    const start = tokens.starts[k];
    const end = tokens.ends[k];
    const first = scan.charCodeAt(start);
    if (first >= 97 && first <= 122) {
      if (end - start < 3) {
        return null;
      }
      let h = 2166136261;
      let i = start;
      for (; i < end; i++) {
        const c = scan.charCodeAt(i);
        if (c < 97 || c > 122) {
          break;
        }
        h = Math.imul(h ^ c, 16777619);
      }
      h >>>= 32 - NAME_FILTER_BITS;
      if (i === end && (lowerNames[h >>> 5] & 1 << (h & 31)) === 0) {
        return null;
      }
    }
    const token = scan.slice(start, end);
    let info = infos.get(token);
    if (info === void 0) {
      info = tokenInfo(token, dictionary);
      if (infos.size >= TOKEN_CACHE_LIMIT) {
        infos.clear();
      }
      infos.set(token, info);
    }
    return info;
  };
}
