// Generated from nameCues.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const PERSON_CUE = /(?:^|[^A-Za-z])(?:patient|pt|mr|mrs|ms|miss|mx|dr|nurse|sister|brother|son|daughter|wife|husband|mother|father|spouse|partner|grandson|granddaughter|niece|nephew|aunt|uncle|cousin|fiancee?|friend|neighbou?r|stepson|stepdaughter|grandmother|grandfather|grandma|grandpa|mom|mum|dad)\.?[ \t]{1,2}$/i;
export const PARTICLE_GAP = /^[ \t]{1,2}(?:(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|los|las|ter|ten|bin|binti|bint|ibn|al|el)[ \t]{1,2}){1,2}$/;
export const NAME_PARTICLES = new Set(
  "van von der den de del della di da das dos du la le los las ter ten bin binti bint ibn al el".split(" ")
);
export const LOWER_NAME_CUE = /(?:^|[^A-Za-z'\u2019])(?:thanks|thank[ \t]you|thx|hi|hey|hello|dear|bye|sorry|im|i'm|i\u2019m|this[ \t]is|it's|it\u2019s|its|tell|ask|nurse|dr|doctor|therapist|counsel?lor|pharmacist|midwife|coach)[.,]?[ \t]{1,2}$/i;
export const LOWER_NAME_NEXT = /^[ \t]{1,2}(?:called|calls|said|says|asked|asks|told|tells|texted|emailed|wants|thinks|and[ \t]i|and[ \t]me)(?![A-Za-z])/;
export const OPENING_AUXILIARY = /(?<![A-Za-z])(?:Can|Could|Will|Would|Should|Shall|Might|Must|Did|Does|Do|Is|Was|Has|Had|Have|Are|Were)[ \t]{1,2}$/;
export const MONTH_NAMES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
export const FAMILY_CUE = /(?:^|[^A-Za-z])(?:wife|husband|daughter|son|sister|brother|mother|father|spouse|grandson|granddaughter|niece|nephew|fiancee?|aunt|uncle|cousin|stepson|stepdaughter|grandmother|grandfather|grandma|grandpa|mom|mum|dad|son-in-law|daughter-in-law|mother-in-law|father-in-law|brother-in-law|sister-in-law|stepmother|stepfather|stepmom|stepdad|boyfriend|girlfriend|caregiver|guardian)[ \t]{1,2}$/i;
function cueEndings(cue) {
  const words = /\(\?:([a-z|?-]+)\)/.exec(cue.source);
  if (words === null) {
    throw new Error("A cue regex without its list of words.");
  }
  let bits = 0;
  for (const word of words[1].split("|")) {
    const last = word.endsWith("?") ? [word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 3)] : [word.charCodeAt(word.length - 1)];
    for (const c of last) {
      bits |= 1 << c - 97;
    }
  }
  return bits;
}
export const PERSON_ENDINGS = cueEndings(PERSON_CUE);
export const FAMILY_ENDINGS = cueEndings(FAMILY_CUE);
export function mayFollowCue(scan, start, endings, dot) {
  let i = start - 1;
  if (i < 1 || !isBlank(scan.charCodeAt(i))) {
    return false;
  }
  i--;
  if (isBlank(scan.charCodeAt(i)) && --i < 0) {
    return false;
  }
  if (dot && scan.charCodeAt(i) === 46 && --i < 0) {
    return false;
  }
  const lower = scan.charCodeAt(i) | 32;
  return lower >= 97 && lower <= 122 && (endings & 1 << lower - 97) !== 0;
}
function isBlank(c) {
  return c === 32 || c === 9;
}
export const ORGANISATION_NOUNS = organisationNouns(
  "Inc Incorporated LLC LLP Ltd PLC GmbH Corp Corporation Company Group Holdings Partners Associates Industries Enterprises Laboratories Labs Pharmaceutical Pharmaceuticals Pharma Therapeutics Diagnostics Biosciences Scientific Healthcare Health Medical Dental Clinic Clinics Hospital Hospitals Pharmacy Center Centre Memorial Foundation Institute University College Academy Insurance Consulting Systems Solutions Technologies Agency Capital Ventures Motors Airlines Logistics Media Realty Properties Construction Services Sons Firm Society Association Trust Council Inn Hotel Hotels Resort Motel"
);
function organisationNouns(words) {
  const out = /* @__PURE__ */ new Set();
  for (const word of words.split(" ")) {
    out.add(word);
    out.add(word.toUpperCase());
  }
  return out;
}
export const VEHICLE_MAKES = new Set(
  "Toyota Honda Nissan Ford Chevy Chevrolet Dodge Jeep Subaru Hyundai Mazda Volkswagen VW BMW Audi Lexus Acura Infiniti Tesla Volvo Buick Cadillac GMC Chrysler Mitsubishi Porsche Jaguar Fiat Pontiac Yamaha Kawasaki Ducati".split(" ")
);
export const BLUE_PLAN = /Blue[ \t]{1,2}(?:Cross|Shield|Care)(?![\p{L}\p{M}])|Florida[ \t]{1,2}Blue(?![\p{L}\p{M}])/u;
export const HOLIDAY = /(?:Labor|Labour|Memorial|Independence|Veterans|Presidents|Columbus|Victoria|King|Patrick['\u2019]s|Valentine['\u2019]s|Mother['\u2019]s|Father['\u2019]s|Boxing|Canada|Remembrance|Election|Earth|Flag|Groundhog)[ \t]{1,2}Day$/;
export const ORGANISATION_NEXT = /^[ \t]{1,2}(?:(?:and|&)[ \t]{1,2})?([\p{L}]{2,20})/u;
export function beforeOrganisationNoun(scan, end) {
  const next = scan.charCodeAt(end);
  if (next !== 32 && next !== 9) {
    return false;
  }
  const m = ORGANISATION_NEXT.exec(scan.slice(end, end + 32));
  return m !== null && ORGANISATION_NOUNS.has(m[1]);
}
const EPONYM_NEXT = /^[ \t]{1,2}([\p{L}]{2,20})/u;
export function isEponym(scan, end, eponymNouns) {
  const next = scan.charCodeAt(end);
  if (eponymNouns.size === 0 || next !== 32 && next !== 9) {
    return false;
  }
  const m = EPONYM_NEXT.exec(scan.slice(end, end + 24));
  return m !== null && eponymNouns.has(m[1].toLowerCase());
}
