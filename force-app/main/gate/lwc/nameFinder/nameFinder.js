// Generated from nameFinder.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
import {
  bareClasses,
  classesOf,
  COMMON_ONLY,
  HAS_HYPHEN,
  hashOf,
  hasSuffix,
  isAllCaps,
  isCapitalised,
  isCaseless,
  nameClass,
  STOP,
  WordScanner
} from "c/nameWords";
import { foldKey } from "c/nameDictionary";
import { townAt } from "c/placeNames";
import {
  beforeOrganisationNoun,
  BLUE_PLAN,
  FAMILY_CUE,
  FAMILY_ENDINGS,
  HOLIDAY,
  isEponym,
  LOWER_NAME_CUE,
  LOWER_NAME_NEXT,
  mayFollowCue,
  MONTH_NAMES,
  NAME_PARTICLES,
  OPENING_AUXILIARY,
  ORGANISATION_NOUNS,
  PARTICLE_GAP,
  PERSON_CUE,
  PERSON_ENDINGS,
  VEHICLE_MAKES
} from "c/nameCues";
const SENTENCE_BREAK = '.!?\n\r"“(>[*•';
function isLatinOrCommon(code) {
  return code < 768 || code >= 7424 && code <= 7935 || code >= 11360 && code <= 11391 || code >= 42784 && code <= 43007;
}
function classify(scan, word, dictionary, seen) {
  seen.bits = -1;
  const start = word.start;
  const length = word.end - start;
  const f = scan.charCodeAt(start);
  if (!isLatinOrCommon(f)) {
    if (length === 1 && !(f >= 13312 && f <= 40959 || f >= 44032 && f <= 55215)) {
      return "L";
    }
    const caseless = f >= 4304 && f <= 4351 || isCaseless(f);
    return caseless || isCapitalised(f) ? "X" : "L";
  }
  const lowerInitial = f >= 97 && f <= 122;
  if (lowerInitial && length < 3) {
    return "L";
  }
  const capital = !lowerInitial && isCapitalised(f);
  if (!capital && !lowerInitial) {
    return "L";
  }
  const lowered = word.ascii ? scan : scan.slice(start, word.end).toLowerCase();
  const key = word.ascii ? scan : foldKey(lowered, dictionary);
  const from = word.ascii ? start : 0;
  const to = word.ascii ? word.end : key.length;
  const lower = word.ascii ? 32 : 0;
  const hyphens = !word.ascii || (word.letters & HAS_HYPHEN) !== 0;
  const bits = classesOf(dictionary.names, key, from, to, lower, word.ascii ? word.hash : hashOf(key, 0, to, 0));
  seen.bits = bareClasses(dictionary.names, key, from, to, lower, bits);
  if (!capital) {
    if (nameClass(dictionary.names, key, from, to, lower, bits, hyphens) === "S") {
      return word.ascii && NAME_PARTICLES.has(scan.slice(start, word.end)) ? "L" : "l";
    }
    return articleAt(scan, start, word.end) ? afterArticle(key, from + 3, to, lower, dictionary) : "L";
  }
  if ((bits & STOP) !== 0) {
    return "W";
  }
  if (length === 1) {
    return "I";
  }
  if (length <= 3 && isAllCaps(scan, word)) {
    return "U";
  }
  const found = nameClass(dictionary.names, key, from, to, lower, bits, hyphens);
  if (found) {
    return found;
  }
  if (articleAt(scan, start, word.end)) {
    return afterArticle(key, from + 3, to, lower, dictionary);
  }
  const surname = length >= 5 && !isAllCaps(scan, word) && hasSuffix(dictionary.suffixes, lowered, from, word.ascii ? to : lowered.length, lower);
  return surname ? "S" : "U";
}
function articleAt(scan, start, end) {
  const a = scan.charCodeAt(start) | 32;
  return end - start > 4 && (a === 97 || a === 101) && (scan.charCodeAt(start + 1) | 32) === 108 && scan.charCodeAt(start + 2) === 45 && isCapitalised(scan.charCodeAt(start + 3));
}
function afterArticle(key, from, to, lower, dictionary) {
  const bits = classesOf(dictionary.names, key, from, to, lower, hashOf(key, from, to, lower));
  return nameClass(dictionary.names, key, from, to, lower, bits, true) ?? "U";
}
function atSentenceStart(scan, start) {
  let i = start - 1;
  while (i >= 0 && (scan[i] === " " || scan[i] === "	")) {
    i--;
  }
  return i < 0 || SENTENCE_BREAK.indexOf(scan[i]) >= 0;
}
function joins(scan, left, right) {
  return blanks(scan, left.end, right.start) || left.cls === "I" && scan.charCodeAt(left.end) === 46 && blanks(scan, left.end + 1, right.start);
}
function blanks(scan, from, to) {
  if (to - from < 1 || to - from > 2) {
    return false;
  }
  for (let i = from; i < to; i++) {
    const c = scan.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      return false;
    }
  }
  return true;
}
function nameOrUnknown(t) {
  return t.cls === "U" || t.cls === "A" || t.cls === "R";
}
const LIST_GAP = /^(?:,[ \t]{1,2}(?:(?:and|or|&)[ \t]{1,2})?|[ \t]{1,2}(?:and|or|&)[ \t]{1,2})$/;
function listMember(t) {
  return !t.caps && (t.cls === "S" || t.cls === "A" || t.cls === "R" || t.cls === "U");
}
const REVERSED_GAP = /^,[ \t]{1,2}$/;
const TIME_PREPOSITION = /(?:^|[^A-Za-z])(?:in|on|since|until|till|by|during|of|early|late|mid|last|next|this|every)[ \t]{1,2}$/i;
function nextLines(scan, from, to) {
  let breaks = 0;
  for (let i = from; i < to && breaks <= 2; i++) {
    if (scan.charCodeAt(i) === 10) {
      breaks++;
    }
  }
  return breaks === 1 || breaks === 2;
}
const ROLE_LABEL = /^(?:bot|agent|operator|host|guest|caller|system|chair|judge|coach)$/i;
class NameFinder {
  constructor(scan, dictionary, emit, town) {
    this.scan = scan;
    this.dictionary = dictionary;
    this.emit = emit;
    this.town = town;
  }
  /** The words that can be part of a name, in text order (other words already stop two from joining). */
  tokens = [];
  /** All words of the text, and those in another script than Latin. */
  words = 0;
  otherScript = 0;
  /**
   * Whether words in another script are names: when they are at most two thirds of the text's words, as a
   * patient's name written in Cyrillic or Han in an English note is; in a text in that script they are just
   * its words.
   */
  otherScriptNames = false;
  /** The classes of the last word's key, a possessive 's aside, when classify looked it up (-1 when it did not). */
  seen = { bits: -1 };
  /** Classifies the scanner's word and keeps it when it can be part of a name (not of class L). */
  add(word) {
    this.words++;
    if (!isLatinOrCommon(this.scan.charCodeAt(word.start))) {
      this.otherScript++;
    }
    const cls = classify(this.scan, word, this.dictionary, this.seen);
    if (this.town !== void 0 && townAt(this.scan, word, this.dictionary, this.seen.bits)) {
      this.town(word.start, word.end);
    }
    if (cls !== "L") {
      const caps = word.end - word.start > 1 && isAllCaps(this.scan, word);
      const common = cls === "A" && (this.seen.bits & COMMON_ONLY) !== 0;
      this.tokens.push({
        start: word.start,
        end: word.end,
        cls,
        sentenceStart: null,
        caps,
        common,
        named: false
      });
    }
  }
  run() {
    this.otherScriptNames = this.otherScript * 3 <= this.words * 2;
    const tokens = this.tokens;
    for (let k = 0; k < tokens.length; k++) {
      const cls = tokens[k].cls;
      if (this.anchors(k)) {
        k = this.growFrom(k);
      } else if (this.initialBetween(k)) {
        this.push(k, k + 2);
        k += 2;
      } else if (cls === "l") {
        k = this.lowerCaseNames(k);
      } else if (cls === "A" || cls === "I" || cls === "R") {
        k = this.ambiguousRun(k);
      }
    }
    this.reversedNames();
    this.lists();
    this.dialogues();
  }
  /**
   * A family name written before the given name and a comma ("Smith, John was seen", "SMITH, JOHN"): a word of
   * the dictionary (a strong, ambiguous or word name, in capitals only before a name in capitals) just before
   * ", " and a name found right after it is that name's family name. An unknown word there stays ("However,
   * John"), and so does a word after a preposition of time ("In May, John went home").
   */
  reversedNames() {
    const tokens = this.tokens;
    for (let k = 0; k + 1 < tokens.length; k++) {
      const t = tokens[k];
      const next = tokens[k + 1];
      if (!t.named && next.named && (t.cls === "S" || t.cls === "A" || t.cls === "R") && (!t.caps || next.caps) && REVERSED_GAP.test(this.scan.slice(t.end, next.start)) && !TIME_PREPOSITION.test(this.scan.slice(Math.max(0, t.start - 10), t.start))) {
        this.push(k, k);
      }
    }
  }
  /**
   * Speakers of a dialogue: words alone at the start of neighbouring lines (at most one blank line apart),
   * each before a colon. When one of them is a name, the others are names too: "Ubul: What a wife.\nNicole:
   * Remember me". A column of labels none of which is a name (Subjective:, Objective:) stays.
   */
  dialogues() {
    const tokens = this.tokens;
    let group = [];
    let named = false;
    const close = () => {
      for (let g = 0; g < group.length && group.length >= 2 && named; g++) {
        if (!tokens[group[g]].named) {
          this.push(group[g], group[g]);
        }
      }
      group = [];
      named = false;
    };
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.caps || !(t.cls === "S" || t.cls === "A" || t.cls === "R" || t.cls === "U") || !this.speakerLabel(t)) {
        continue;
      }
      if (group.length > 0 && !nextLines(this.scan, tokens[group[group.length - 1]].end, t.start)) {
        close();
      }
      group.push(k);
      named = named || t.named || t.cls === "S";
    }
    close();
  }
  /**
   * Names in a list: in a run of capitalised words joined by commas and "and", "or" or "&" (at least one
   * conjunction), one of them already a name, the others are names too: "Gaetane, Hannah and Derek",
   * "Lamovec and Morales". All-capital words and stop words break the run.
   */
  lists() {
    const tokens = this.tokens;
    let from = 0;
    while (from < tokens.length) {
      let to = from;
      let conjunction = false;
      while (to + 1 < tokens.length && listMember(tokens[to]) && listMember(tokens[to + 1])) {
        const width = tokens[to + 1].start - tokens[to].end;
        if (width < 2 || width > 8) {
          break;
        }
        const gap = this.scan.slice(tokens[to].end, tokens[to + 1].start);
        if (!LIST_GAP.test(gap)) {
          break;
        }
        conjunction = conjunction || /[a-z&]/.test(gap);
        to++;
      }
      const alone = (from === 0 || !this.joined(from - 1)) && (to + 1 >= tokens.length || !this.joined(to));
      if (conjunction && to > from && alone) {
        let named = false;
        for (let j = from; j <= to; j++) {
          named = named || tokens[j].named;
        }
        for (let j = from; j <= to && named; j++) {
          if (!tokens[j].named) {
            this.push(j, j);
          }
        }
      }
      from = to + 1;
    }
  }
  joined(k) {
    return joins(this.scan, this.tokens[k], this.tokens[k + 1]);
  }
  sentenceStart(t) {
    if (t.sentenceStart === null) {
      t.sentenceStart = atSentenceStart(this.scan, t.start);
    }
    return t.sentenceStart;
  }
  /**
   * Words a name may grow over: names, initials, and capitalised unknown words. In all-capital words only
   * strong names and initials: capitals do not tell a name from a shouted word.
   */
  nameLike(t) {
    return t.cls === "S" || t.cls === "I" || t.cls === "X" && this.otherScriptNames || this.ownScriptCapital(t) || !t.caps && (t.cls === "R" || t.cls === "A" || t.cls === "U");
  }
  /**
   * In a text written in a script with case other than Latin (a Russian or Greek chat), where its words are
   * not names by their script alone: a capitalised word, not in capitals. Those languages capitalise proper
   * names and sentence starts only, so such a word away from a sentence start is a name (or a place, which
   * Safe Harbor removes as well); a word of a script without case (Han, Hangul, Kana) gives no such sign.
   */
  ownScriptCapital(t) {
    if (t.cls !== "X" || this.otherScriptNames || t.caps) {
      return false;
    }
    const first = this.scan.charAt(t.start);
    return first !== first.toLowerCase();
  }
  /**
   * A strong name anchors a span, and so does a word in another script (in a text mostly in Latin script); a
   * word name (R) does unless it stands alone at a sentence start; an unknown word does after a relative.
   */
  anchors(k) {
    const t = this.tokens[k];
    if (t.cls === "S" || t.cls === "X" && this.otherScriptNames) {
      return true;
    }
    if (t.cls === "U" && !t.caps) {
      return mayFollowCue(this.scan, t.start, FAMILY_ENDINGS, false) && FAMILY_CUE.test(this.scan.slice(Math.max(0, t.start - 16), t.start));
    }
    if (t.cls !== "R" && !this.ownScriptCapital(t)) {
      return false;
    }
    return !this.sentenceStart(t) || k + 1 < this.tokens.length && this.nameLike(this.tokens[k + 1]) && this.joined(k);
  }
  push(from, to) {
    if (!isEponym(this.scan, this.tokens[to].end, this.dictionary.eponymNouns) && !this.eponymWithin(from, to) && !this.organisation(from, to) && !this.vehicle(from)) {
      this.emit(this.tokens[from].start, this.tokens[to].end);
      for (let j = from; j <= to; j++) {
        this.tokens[j].named = true;
      }
    }
  }
  /** Whether a span starts with a vehicle make, or right after one: it is the make and model of a vehicle. */
  vehicle(from) {
    const t = this.tokens[from];
    if (VEHICLE_MAKES.has(this.scan.slice(t.start, t.end))) {
      return true;
    }
    if (from === 0 || !this.joined(from - 1)) {
      return false;
    }
    const before = this.tokens[from - 1];
    return VEHICLE_MAKES.has(this.scan.slice(before.start, before.end));
  }
  /**
   * Whether a word after the first of a span is an eponym noun: the span grew over it, and names an instrument or
   * a sign ("Braden Scale 16", "Glasgow Coma Scale 15", "Barthel Index 85"), not a person.
   */
  eponymWithin(from, to) {
    for (let j = from + 1; j <= to; j++) {
      const t = this.tokens[j];
      if (this.dictionary.eponymNouns.has(this.scan.slice(t.start, t.end).toLowerCase())) {
        return true;
      }
    }
    return false;
  }
  /**
   * Whether a span is (or begins) an organisation's name: one of its words, or the word right after it, is an
   * organisation noun ("Jackson Industries", "Sutter Health", "Davis and Sons"), or it holds a Blue plan's name, or it
   * ends in a holiday.
   */
  organisation(from, to) {
    const scan = this.scan;
    for (let j = from; j <= to; j++) {
      if (ORGANISATION_NOUNS.has(scan.slice(this.tokens[j].start, this.tokens[j].end))) {
        return true;
      }
    }
    const end = this.tokens[to].end;
    if (to > from && BLUE_PLAN.test(scan.slice(this.tokens[from].start, end))) {
      return true;
    }
    if (HOLIDAY.test(scan.slice(Math.max(0, end - 20), end))) {
      return true;
    }
    return beforeOrganisationNoun(scan, end);
  }
  /** The span around an anchor at k; returns its last token. */
  growFrom(k) {
    const tokens = this.tokens;
    let right = k;
    while (right - k < 3 && right + 1 < tokens.length && this.nameLike(tokens[right + 1]) && (this.joined(right) || this.particleBetween(right))) {
      right++;
    }
    let left = k;
    while (k - left < 2 && left - 1 >= 0) {
      const particle = !this.joined(left - 1);
      if (particle && !this.particleBetween(left - 1)) {
        break;
      }
      const prev = tokens[left - 1];
      const ok = (
        // A name before a particle is a given name even at a sentence start ("Maria de los Angeles").
        particle && prev.cls === "A" || prev.cls === "S" || prev.cls === "R" || prev.cls === "I" || prev.cls === "X" && this.otherScriptNames || this.ownScriptCapital(prev) && !this.sentenceStart(prev) || // An ambiguous name right before the anchor is a given name even at a sentence start ("Maria
        // Garcia was seen", "Smith Jones called"); one word further ("Met Maria Garcia") it is the
        // sentence's verb as often, and an unknown word there is most often just the sentence's first.
        !prev.caps && (prev.cls === "A" || prev.cls === "U") && (prev.cls === "A" && left === k || !this.sentenceStart(prev))
      );
      if (!ok) {
        break;
      }
      left--;
    }
    this.push(left, right);
    return right;
  }
  /**
   * Whether the tokens at k and k + 1 are two words of one name with lower-case particles between them (PARTICLE_GAP):
   * "Ludwig van der Berg", "J. de Vries", "Ahmad bin Yusuf". Neither in capitals; the second a name or an unknown
   * capitalised word.
   */
  particleBetween(k) {
    const left = this.tokens[k];
    const right = this.tokens[k + 1];
    if (left.caps || right.caps || !(right.cls === "S" || right.cls === "A" || right.cls === "R" || right.cls === "U")) {
      return false;
    }
    return this.particleGap(
      left.cls === "I" && this.scan.charCodeAt(left.end) === 46 ? left.end + 1 : left.end,
      right.start
    );
  }
  /** Whether the text from `from` to `to` is lower-case particles between blanks (PARTICLE_GAP). */
  particleGap(from, to) {
    const width = to - from;
    return width >= 4 && width <= 18 && PARTICLE_GAP.test(this.scan.slice(from, to));
  }
  /** An unknown, ambiguous or word name, an initial, and another such word, joined. */
  initialBetween(k) {
    const tokens = this.tokens;
    return nameOrUnknown(tokens[k]) && k + 2 < tokens.length && tokens[k + 1].cls === "I" && nameOrUnknown(tokens[k + 2]) && this.joined(k) && this.joined(k + 1);
  }
  /** Lower-case strong names (not English words at all): "patricia desrosiers", "pamela". Returns the last. */
  lowerCaseNames(k) {
    const tokens = this.tokens;
    let to = k;
    while (to + 1 < tokens.length && tokens[to + 1].cls === "l" && (this.joined(to) || this.particleGap(tokens[to].end, tokens[to + 1].start))) {
      to++;
    }
    if (to > k || tokens[k].end - tokens[k].start >= 5 || this.lowerCued(tokens[k])) {
      this.push(k, to);
    }
    return to;
  }
  /**
   * Ambiguous names, word names and initials in a row, at least two with one name, or one name right after
   * a word for a person. Returns the last.
   */
  ambiguousRun(k) {
    const tokens = this.tokens;
    const t = tokens[k];
    const from = t.cls !== "I" && this.sentenceStart(t) ? k + 1 : k;
    let to = k;
    while (to + 1 < tokens.length && (tokens[to + 1].cls === "A" || tokens[to + 1].cls === "I" || tokens[to + 1].cls === "R") && this.joined(to)) {
      to++;
    }
    let names = 0;
    let proper = 0;
    for (let j = from; j <= to; j++) {
      if (tokens[j].cls !== "I") {
        names++;
      }
      if (!tokens[j].common) {
        proper++;
      }
    }
    if (to - from >= 1 && names >= 1 && proper >= 1) {
      this.push(from, to);
    } else if (to === k && t.cls !== "I" && (this.afterPersonCue(t) || t.cls === "R" && this.speakerLabel(t) || this.afterOpeningAuxiliary(t))) {
      this.push(k, k);
    } else if (from === k + 1 && to === from && tokens[to].cls !== "I" && (this.afterPersonCue(tokens[to]) || this.afterOpeningAuxiliary(tokens[to]))) {
      this.push(to, to);
    }
    return to;
  }
  /** A short lower-case name's cue, before or after it (see lowerCaseNames). */
  lowerCued(t) {
    return this.afterPersonCue(t) || LOWER_NAME_CUE.test(this.scan.slice(Math.max(0, t.start - 14), t.start)) || LOWER_NAME_NEXT.test(this.scan.slice(t.end, t.end + 12));
  }
  afterPersonCue(t) {
    return mayFollowCue(this.scan, t.start, PERSON_ENDINGS, true) && PERSON_CUE.test(this.scan.slice(Math.max(0, t.start - 12), t.start));
  }
  /**
   * See OPENING_AUXILIARY: the auxiliary opens the sentence, and a blank and a lower-case letter follow the name,
   * which is no common word only ("Will Power be restored?", "Can Sales call me?").
   */
  afterOpeningAuxiliary(t) {
    const scan = this.scan;
    if (t.common) {
      return false;
    }
    const next = t.end + 1 < scan.length ? scan.charCodeAt(t.end + 1) : 0;
    const blank = scan.charCodeAt(t.end);
    if (blank !== 32 && blank !== 9 || next < 97 || next > 122 || t.start < 3) {
      return false;
    }
    const from = Math.max(0, t.start - 10);
    const m = OPENING_AUXILIARY.exec(scan.slice(from, t.start));
    if (m === null || MONTH_NAMES.test(scan.slice(t.start, t.end))) {
      return false;
    }
    return atSentenceStart(scan, from + m.index);
  }
  /** A word alone at the start of a line (after blanks or quote marks) and followed by a colon. */
  speakerLabel(t) {
    if (this.scan.charCodeAt(t.end) !== 58 || ROLE_LABEL.test(this.scan.slice(t.start, t.end))) {
      return false;
    }
    let i = t.start - 1;
    while (i >= 0 && (this.scan[i] === " " || this.scan[i] === "	" || this.scan[i] === ">")) {
      i--;
    }
    return i < 0 || this.scan[i] === "\n" || this.scan[i] === "\r";
  }
}
export function findNames(scan, dictionary, emit, town) {
  const finder = new NameFinder(scan, dictionary, emit, town);
  const words = new WordScanner(scan);
  while (words.next()) {
    finder.add(words);
  }
  finder.run();
}
