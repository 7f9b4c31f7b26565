// Generated from placeNames.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import { beforeOrganisationNoun, isEponym, VEHICLE_MAKES } from "c/nameCues";
import { nameKey } from "c/nameDictionary";
import { bareClasses, classesOf, hashOf, isAllCaps, isCapitalised, PLACE, WordScanner } from "c/nameWords";
const WORDS_AHEAD = /^(?:[ \t]{1,2}\p{Lu}\p{L}{1,20}){0,3}[ \t]{1,2}\p{L}{2,20}/u;
const WORDS_BEFORE = /(?:^|[^\p{L}])(\p{L}{2,20})[ \t]{1,2}(?:(\p{L}{2,20})[ \t]{1,2})?$/u;
const NEXT_CAPITALISED = /^[ \t]{1,2}\p{Lu}\p{L}{1,20}/u;
const DAY_AFTER = /^[ \t]{1,2}Day(?!\p{L})/u;
function eponymOrHoliday(scan, end, dictionary) {
  if (isEponym(scan, end, dictionary.eponymNouns) || DAY_AFTER.test(scan.slice(end, end + 8))) {
    return true;
  }
  const m = WORDS_AHEAD.exec(scan.slice(end, end + 96));
  return m !== null && m[0].split(/[ \t]+/).some((w) => dictionary.eponymNouns.has(w.toLowerCase()));
}
function beforeOrganisation(scan, end) {
  if (beforeOrganisationNoun(scan, end)) {
    return true;
  }
  const next = NEXT_CAPITALISED.exec(scan.slice(end, end + 24));
  return next !== null && beforeOrganisationNoun(scan, end + next[0].length);
}
function afterVehicleMake(scan, start) {
  const m = WORDS_BEFORE.exec(scan.slice(Math.max(0, start - 48), start));
  return m !== null && (VEHICLE_MAKES.has(m[1]) || m[2] !== void 0 && VEHICLE_MAKES.has(m[2]));
}
export function townAt(scan, word, dictionary, known = -1) {
  const start = word.start;
  const length = word.end - start;
  if (length < 4 || !isCapitalised(scan.charCodeAt(start)) || length < 5 && isAllCaps(scan, word)) {
    return false;
  }
  let bits = known;
  if (bits < 0) {
    const key = word.ascii ? scan : nameKey(scan.slice(start, word.end), dictionary);
    const from = word.ascii ? start : 0;
    const to = word.ascii ? word.end : key.length;
    const lower = word.ascii ? 32 : 0;
    const whole = classesOf(dictionary.names, key, from, to, lower, word.ascii ? word.hash : hashOf(key, 0, to, 0));
    bits = bareClasses(dictionary.names, key, from, to, lower, whole);
  }
  return (
    // A town that is also a name (Jackson, Tucson) is left to the name rules, which find it alone as well.
    bits === PLACE && !eponymOrHoliday(scan, word.end, dictionary) && !beforeOrganisation(scan, word.end) && !afterVehicleMake(scan, start)
  );
}
export function findPlaces(scan, dictionary, emit) {
  const words = new WordScanner(scan);
  while (words.next()) {
    if (townAt(scan, words, dictionary)) {
      emit(words.start, words.end);
    }
  }
}
