/**
 * The redactor: finds PHI in free text (the shipped or the org's PhiPattern records, the record's own field
 * values, and names from the dictionary), then redacts it with category placeholders or pseudonymises it
 * with reversible tokens. Apex's PhiRedactor runs the same algorithm at the gate; the shared vectors
 * (PhiRedactionVectors) hold both to it. The console's policy simulator and `warden redact` run this one.
 * Specification: docs/gate.md.
 */
import { hmacSha256Hex } from 'c/sha256';
import type { PhiPattern } from 'c/patternSyntax';
import { compilePatterns, findPatterns, type Candidate, type CompiledPattern } from 'c/patternIndex';
import type { NameDictionary } from 'c/nameDictionary';
import { findNames } from 'c/nameFinder';
import { findTableCells } from 'c/phiTables';

export type RedactionMode = 'redact' | 'pseudonymize';

export type PhiSpan = {
    /** Start offset in the input text, in UTF-16 code units. */
    start: number;
    /** End offset (exclusive) in the input text, in UTF-16 code units. */
    end: number;
    category: string;
    source: 'pattern' | 'field' | 'dictionary' | 'table';
    /** Pattern name, field name, "dictionary", or "table". */
    rule: string;
};

export type RedactionResult = {
    text: string;
    spans: PhiSpan[];
    /** Sorted, distinct categories of the spans. */
    categories: string[];
    count: number;
    /** Pseudonymize mode: token to original text, for re-hydration. Empty in redact mode. */
    tokens: Record<string, string>;
};

export type RedactionInput = {
    text: string;
    /** The source record's own field values (FirstName, MailingStreet, Phone ...). */
    fields?: Record<string, string | null | undefined>;
    /** Categories of fields that FIELD_CATEGORIES does not know (from ResidencyTag__c.PhiCategory__c). */
    fieldCategories?: Record<string, string>;
    mode?: RedactionMode;
};

export type RedactionPolicy = {
    patterns: ReadonlyArray<PhiPattern>;
    dictionary: NameDictionary | null;
    /** HMAC key (hex, 32 bytes) for pseudonym tokens; required in pseudonymize mode. */
    pseudonymKeyHex?: string;
};

/** Categories of standard fields whose values are PHI when they appear in free text. */
export const FIELD_CATEGORIES: Readonly<Record<string, string>> = {
    FirstName: 'Name',
    LastName: 'Name',
    MiddleName: 'Name',
    Name: 'Name',
    Suffix: 'Name',
    MailingStreet: 'Address',
    MailingCity: 'Address',
    MailingPostalCode: 'Address',
    OtherStreet: 'Address',
    OtherCity: 'Address',
    OtherPostalCode: 'Address',
    Street: 'Address',
    City: 'Address',
    PostalCode: 'Address',
    BillingStreet: 'Address',
    BillingCity: 'Address',
    BillingPostalCode: 'Address',
    ShippingStreet: 'Address',
    ShippingCity: 'Address',
    ShippingPostalCode: 'Address',
    Phone: 'Phone',
    MobilePhone: 'Phone',
    HomePhone: 'Phone',
    OtherPhone: 'Phone',
    AssistantPhone: 'Phone',
    Fax: 'Fax',
    Email: 'Email',
    Birthdate: 'Date'
};

/** Priority of record-value matches (they are certain) and of dictionary names (least specific). */
export const FIELD_PRIORITY = 1;
export const DICTIONARY_PRIORITY = 900;
/** A cell under a column its table's header row names (c/phiTables): next to a record field's own value. */
export const TABLE_PRIORITY = 5;
/** A town of the dictionary (c/placeNames): after a dictionary name, so "Austin" the name keeps its category. */
export const PLACE_PRIORITY = 950;

/**
 * Removed before matching: soft hyphen, zero-width characters, word joiner, BOM, and the control characters
 * other than tab, line feed, vertical tab, form feed and carriage return (C0 and C1, DEL), which can split a
 * name or a number without showing.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const IGNORABLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASH_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
/** SPACE_LIKE, DASH_LIKE and full-width ASCII (\uFF01-\uFF5E). */
const REPLACED = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2010-\u2015\u2212\uFE58\uFE63\uFF01-\uFF5E]/g;
/** Every character scanText replaces or removes: REPLACED and IGNORABLE. */
const NORMALISED =
    // eslint-disable-next-line no-control-regex -- control characters are among what scanText removes
    /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u202F\u205F\u2060\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/;

/** The replacement of one REPLACED character: a space, a hyphen, or the ASCII of a full-width one. */
function replacementOf(c: string): string {
    return SPACE_LIKE.test(c) ? ' ' : DASH_LIKE.test(c) ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

/**
 * The text patterns run on: invisible characters (soft hyphen, zero-width, BOM, control characters) removed, Unicode spaces and
 * dashes made ASCII, full-width ASCII made ASCII. `map[i]` is the input offset of scan character i.
 */
export function scanText(text: string): { text: string; map: number[] | null } {
    // Most texts hold none of these characters: then one test settles it.
    if (!NORMALISED.test(text)) {
        return { text, map: null };
    }
    // Spaces, dashes and full-width characters in one replacement (none of them turns into another).
    const scan = text.replace(REPLACED, replacementOf);
    IGNORABLE.lastIndex = 0;
    if (!IGNORABLE.test(scan)) {
        return { text: scan, map: null };
    }
    const map: number[] = [];
    let out = '';
    for (let i = 0; i < scan.length; i++) {
        const c = scan.charCodeAt(i);
        if (
            c <= 0x08 ||
            (c >= 0x0e && c <= 0x1f) ||
            (c >= 0x7f && c <= 0x9f) ||
            c === 0xad ||
            (c >= 0x200b && c <= 0x200d) ||
            c === 0x2060 ||
            c === 0xfeff
        ) {
            continue;
        }
        map.push(i);
        out += scan[i];
    }
    map.push(scan.length);
    return { text: out, map };
}

/**
 * A capitalised word of a town, not a function word in capitals, so that a town in a note written in capitals
 * ("LIVES IN QUENMOOR WITH WIFE", "FROM TAVIRO TO ER") does not take the words after it; IN only as Indiana's
 * code before a ZIP code or at a phrase end.
 */
const TAIL_WORD =
    '(?!(?:WITH|AND|TO|ON|AT|FOR|FROM|BY|VIA|OF|THE|SINCE|PER|WHO|WAS|IS|HAS|HAD|AFTER|BEFORE|WHEN|WHILE|BUT|THEN|IN(?=[ \\t]{1,2}(?![0-9]{5}(?![0-9]))))(?![A-Za-z]))' +
    "[A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F'\\u2019\\-]{0,30}";
const TAIL_POSTAL = '(?:[0-9]{2}-[0-9]{3}|[0-9]{3,5}(?:[ \\-][0-9]{2,4})?)';
/** A region of an address block in any letter case, taken only when a postal code follows it. */
const TAIL_REGION = '[A-Za-z\\u00C0-\\u017F]{2,30}';
/** A lower-case word of a town, not one of the common short words that follow an address in a sentence. */
const TAIL_TOWN_WORD =
    '(?!(?:and|but|the|then|for|with|was|were|has|had|have|that|this|from|near|not|now|she|her|his|him|they|you|our|are|will|can|its|who|all|any|one|two|off|out|too|also|just|only|still|way|yes)[ \\t,])[a-z]{3,30}';
/**
 * A town and a US state code written in lower case, as chats write an address ("tulsa ok 74103"): only with
 * a state code, before a postal code or a comma, stop or line end, and not starting with a common short word, so
 * that ordinary words after an address ("12 Oak St and then ok", "12 Oak St came in with") are not taken for a town.
 */
const TAIL_TOWN_LOWER =
    TAIL_TOWN_WORD +
    '(?:[ \\t]' +
    TAIL_TOWN_WORD +
    ')?,?[ \\t]{1,2}(?:a[klrz]|c[aot]|d[ce]|fl|ga|hi|i[adln]|k[sy]|la|m[adeinost]|n[cdehjmvy]|o[hkr]|pa|ri|s[cd]|t[nx]|ut|v[at]|w[aivy])(?![A-Za-z])(?=,?[ \\t]{1,2}[0-9]|[ \\t]{0,2}[.,;\\r\\n])';
const TAIL_SEGMENT =
    '(?:(?:Apt|APT|apt|Apartment|apartment|Suite|SUITE|suite|Ste|ste|Unit|unit|Flat)\\.?[ \\t]{0,2}#?[0-9]{1,5}[A-Za-z]?|' +
    TAIL_TOWN_LOWER +
    '(?:,?[ \\t]{1,2}' +
    TAIL_POSTAL +
    ')?|' +
    TAIL_POSTAL +
    '|' +
    TAIL_WORD +
    '(?:[ \\t]' +
    TAIL_WORD +
    ')?(?:[ \\t]' +
    TAIL_WORD +
    ')?(?:,?[ \\t]{1,2}(?:[A-Z]{2}|' +
    TAIL_REGION +
    '(?=,?[ \\t]{1,2}[0-9])))?(?:,?[ \\t]{1,2}' +
    TAIL_POSTAL +
    ')?|' +
    TAIL_REGION +
    '[ \\t]{0,3}\\r?\\n[ \\t>?*]{0,4}' +
    TAIL_POSTAL +
    ')';

/**
 * One more part of an address, matched right where an address span ends: a unit (Apt 5), a postal code, or
 * up to three capitalised place words with an optional region code and postal code ("Porto Alegre",
 * "St Georges, QC 54256"); a region in any letter case counts only before a postal code, on the same line
 * ("ASKER zh 1386") or as a line of its own above the postal code's line. On the same line after a comma or
 * blanks; or as a whole next line (address blocks). In the pattern subset; the Java cross-check covers it too. The scanned text always ends in a
 * line feed, so "a whole line" needs no end anchor.
 */
export const ADDRESS_TAIL =
    '(?:(?:,[ \\t]{0,2}|[ \\t]{1,2})' +
    TAIL_SEGMENT +
    '(?![A-Za-z0-9:])|[ \\t]{0,2}\\r?\\n[ \\t>?*]{0,4}' +
    TAIL_SEGMENT +
    '(?=[ \\t]{0,3}[\\r\\n,]))';
/** At most this many tail parts are added to one address. */
export const ADDRESS_TAIL_PARTS = 5;

const addressTail = new RegExp(ADDRESS_TAIL, 'y');

/** Extends address matches over the following lines or parts of the same address. */
function extendAddresses(scan: string, candidates: Candidate[]): void {
    for (const c of candidates) {
        if (c.source !== 'pattern' || c.category !== 'Address') {
            continue;
        }
        for (let part = 0; part < ADDRESS_TAIL_PARTS; part++) {
            addressTail.lastIndex = c.end;
            const m = addressTail.exec(scan);
            if (!m || m[0].length === 0) {
                break;
            }
            c.end += m[0].length;
        }
    }
}

function escapeForClass(c: string): string {
    const code = c.charCodeAt(0);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
        return c;
    }
    return '\\u' + code.toString(16).padStart(4, '0');
}

/** A literal matcher for a record value: any letter case, any run of whitespace between words. */
export function literalValuePattern(value: string): string | null {
    const words = value
        .trim()
        .split(/[ \t\n\r\f\v\u00A0]+/)
        .filter((w) => w !== '');
    if (words.length === 0) {
        return null;
    }
    const parts = words.map((word) => {
        let out = '';
        for (let i = 0; i < word.length; i++) {
            const c = word[i];
            const lower = c.toLowerCase();
            const upper = c.toUpperCase();
            const variants = [c];
            if (lower.length === 1 && !variants.includes(lower)) {
                variants.push(lower);
            }
            if (upper.length === 1 && !variants.includes(upper)) {
                variants.push(upper);
            }
            out += variants.length === 1 ? escapeForClass(c) : '[' + variants.map(escapeForClass).join('') + ']';
        }
        return out;
    });
    return '(?<![\\p{L}\\p{Nd}])' + parts.join('[ \\t\\n\\r\\f\\u000B]{1,16}') + '(?![\\p{L}\\p{Nd}])';
}

/** A matcher for a phone value: its digits in order, with up to three separators between any two. */
export function phoneValuePattern(digits: string): string {
    return '(?<![0-9])' + digits.split('').join('[ ().+/\\-]{0,3}') + '(?![0-9])';
}

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];

/** Written forms of an ISO date (Birthdate): numeric US, European and ISO, and with month names. */
export function dateValueForms(value: string): string[] {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (!m) {
        return [value];
    }
    const y = m[1];
    const mm = m[2];
    const dd = m[3];
    const mo = String(Number(mm));
    const d = String(Number(dd));
    const month = MONTHS[Number(mm) - 1] ?? '';
    const forms = [
        `${y}-${mm}-${dd}`,
        `${mm}/${dd}/${y}`,
        `${mo}/${d}/${y}`,
        `${dd}/${mm}/${y}`,
        `${d}/${mo}/${y}`,
        `${dd}.${mm}.${y}`,
        `${d}.${mo}.${y}`,
        `${mo}/${d}/${y.slice(2)}`,
        `${mm}/${dd}/${y.slice(2)}`,
        `${dd}-${mm}-${y}`,
        `${mm}-${dd}-${y}`
    ];
    if (month) {
        forms.push(
            `${month} ${d}, ${y}`,
            `${month} ${d} ${y}`,
            `${d} ${month} ${y}`,
            `${month.slice(0, 3)} ${d}, ${y}`,
            `${d} ${month.slice(0, 3)} ${y}`
        );
    }
    return forms.filter((f, i) => forms.indexOf(f) === i);
}

/** The category of a record field: the standard map, then the caller's map, then heuristics on the name. */
export function fieldCategory(field: string, extra?: Record<string, string>): string {
    if (extra && extra[field]) {
        return extra[field];
    }
    if (FIELD_CATEGORIES[field]) {
        return FIELD_CATEGORIES[field];
    }
    const lower = field.toLowerCase();
    if (lower.includes('mrn') || lower.includes('medicalrecord')) {
        return 'Mrn';
    }
    if (lower.includes('ssn') || lower.includes('socialsecurity')) {
        return 'Ssn';
    }
    if (lower.includes('phone') || lower.includes('mobile')) {
        return 'Phone';
    }
    if (lower.includes('email')) {
        return 'Email';
    }
    return 'Identifier';
}

/** The matchers (regex sources) for one record value, by its category. */
export function fieldValueMatchers(category: string, value: string): string[] {
    const trimmed = value.trim();
    const digits = trimmed.replace(/[^0-9]/g, '');
    const letters = trimmed.replace(/[^\p{L}]/gu, '').length;
    const out: string[] = [];
    const addLiteral = (v: string): void => {
        const t = v.trim();
        const ds = t.replace(/[^0-9]/g, '').length;
        const ls = t.replace(/[^\p{L}]/gu, '').length;
        if (ls < 2 && ds < 4) {
            return;
        }
        const p = literalValuePattern(t);
        if (p && !out.includes(p)) {
            out.push(p);
        }
    };
    if (category === 'Phone' || category === 'Fax') {
        if (digits.length >= 7) {
            out.push(phoneValuePattern(digits));
            if (digits.length >= 10) {
                out.push(phoneValuePattern(digits.slice(digits.length - 9)));
            }
        }
        return out;
    }
    if (category === 'Date') {
        for (const form of dateValueForms(trimmed)) {
            addLiteral(form);
        }
        return out;
    }
    addLiteral(trimmed);
    if (category === 'Name') {
        for (const raw of trimmed.split(/[ \t\n\r\f\v\u00A0]+/)) {
            // Punctuation around a part ("Zarbock," in "Zarbock, Quentin") is not part of the name.
            const part = raw.replace(/^[,;.]+|[,;.]+$/g, '');
            const first = part.charAt(0);
            if (part.length >= 2 && first !== first.toLowerCase() && first === first.toUpperCase()) {
                addLiteral(part);
            }
        }
    } else if (category === 'Address') {
        for (const line of trimmed.split(/[\r\n]+/)) {
            addLiteral(line.replace(/[,;]+$/, ''));
        }
    } else if (letters === 0 && digits.length >= 4 && digits !== trimmed) {
        addLiteral(digits);
    }
    return out;
}

/**
 * Record fields plus the full-name forms built from them ("First Last", "First Middle Last", "Last, First"),
 * so a name written whole is one span even when the record stores its parts.
 */
export function withFullNames(
    fields: Record<string, string | null | undefined>
): Record<string, string | null | undefined> {
    const first = (fields.FirstName ?? '').trim();
    const middle = (fields.MiddleName ?? '').trim();
    const last = (fields.LastName ?? '').trim();
    if (first === '' || last === '') {
        return fields;
    }
    const out: Record<string, string | null | undefined> = {
        ...fields,
        $FullName: first + ' ' + last,
        $ReversedName: last + ', ' + first
    };
    if (middle !== '') {
        out.$FullNameWithMiddle = first + ' ' + middle + ' ' + last;
    }
    return out;
}

function fieldCandidates(scan: string, input: RedactionInput, out: Candidate[]): void {
    const fields = withFullNames(input.fields ?? {});
    const names = Object.keys(fields).sort();
    for (const field of names) {
        const value = fields[field];
        if (value === null || value === undefined || String(value).trim() === '') {
            continue;
        }
        const category = field.startsWith('$') ? 'Name' : fieldCategory(field, input.fieldCategories);
        for (const source of fieldValueMatchers(category, String(value))) {
            const regex = new RegExp(source, 'gu');
            let m: RegExpExecArray | null;
            while ((m = regex.exec(scan)) !== null) {
                out.push({
                    start: m.index,
                    end: m.index + m[0].length,
                    category,
                    priority: FIELD_PRIORITY,
                    source: 'field',
                    rule: field,
                    order: 0
                });
            }
        }
    }
}

/**
 * Merges overlapping candidates; the best candidate (longest, then priority, then position) names the category.
 * Sorts `candidates` itself (findPhi passes an array of its own).
 */
function mergeCandidates(candidates: Candidate[]): Candidate[] {
    const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Candidate[] = [];
    const better = (a: Candidate, b: Candidate): boolean => {
        const la = a.end - a.start;
        const lb = b.end - b.start;
        if (la !== lb) {
            return la > lb;
        }
        if (a.priority !== b.priority) {
            return a.priority < b.priority;
        }
        if (a.start !== b.start) {
            return a.start < b.start;
        }
        return a.order < b.order;
    };
    // The cluster being merged: where it starts and ends, and its best candidate so far (the first of equals).
    let best: Candidate | null = null;
    let clusterStart = -1;
    let clusterEnd = -1;
    const flush = (): void => {
        if (best !== null) {
            merged.push({
                start: clusterStart,
                end: clusterEnd,
                category: best.category,
                priority: best.priority,
                source: best.source,
                rule: best.rule,
                order: best.order
            });
        }
    };
    for (const c of sorted) {
        if (best !== null && c.start < clusterEnd) {
            if (better(c, best)) {
                best = c;
            }
            clusterEnd = Math.max(clusterEnd, c.end);
            continue;
        }
        flush();
        best = c;
        clusterStart = c.start;
        clusterEnd = c.end;
    }
    flush();
    return merged;
}

/** The placeholder of a category: its patterns' Replacement__c, else [CATEGORY]. */
export function placeholderFor(category: string, patterns: ReadonlyArray<PhiPattern>): string {
    for (const p of patterns) {
        if (p.enabled && p.category === category && p.replacement && p.replacement.trim() !== '') {
            return p.replacement;
        }
    }
    return '[' + category.toUpperCase() + ']';
}

/** Pseudonym token: [CATEGORY-first 12 hex of HMAC-SHA256(key, category|normalised value)]. */
export function pseudonymToken(category: string, value: string, keyHex: string): string {
    const normalised = value
        .toLowerCase()
        .replace(/[ \t\n\r\f\v]+/g, ' ')
        .replace(/^ | $/g, '');
    return '[' + category.toUpperCase() + '-' + hmacSha256Hex(keyHex, category + '|' + normalised).slice(0, 12) + ']';
}

/**
 * How findPhi finds pattern matches. The redactor has one engine, INDEXED_ENGINE (the pattern index); the tests
 * and `npm run eval:phi` also run findPhi with the plain engine of scripts/dev/redact/plain-engine.ts (every
 * pattern scanned whole), the oracle the index must agree with.
 */
export type PhiEngine = {
    /** Adds every pattern's candidates to `out`, in evaluation order. */
    findPatterns(scan: string, compiled: CompiledPattern[], out: Candidate[]): void;
};

export const INDEXED_ENGINE: PhiEngine = { findPatterns };

/**
 * The scanned text with a final line feed, so that "end of line" is also "end of text" for every pattern. Joined,
 * not added: `+` makes a rope (a cons string) that stays one, and every charCodeAt of the passes over the text then
 * unwraps it; join copies the text into one flat string (a steady pass 1.07x fewer instructions).
 */
export function withFinalLineFeed(scanned: string): string {
    return [scanned, '\n'].join('');
}

/**
 * Finds the PHI spans of a text (offsets in the input text), without changing it. Also returns the scanned
 * text and the spans in it, which pseudonymisation hashes.
 */
export function findPhi(
    input: RedactionInput,
    policy: RedactionPolicy,
    engine: PhiEngine = INDEXED_ENGINE
): { spans: PhiSpan[]; scan: string; map: number[] | null; scanSpans: Candidate[] } {
    const normalised = scanText(input.text);
    const map = normalised.map;
    const scan = withFinalLineFeed(normalised.text);
    const candidates: Candidate[] = [];
    fieldCandidates(scan, input, candidates);
    for (const cell of findTableCells(scan, FIELD_CATEGORIES)) {
        candidates.push({ ...cell, priority: TABLE_PRIORITY, source: 'table', rule: 'table', order: 0 });
    }
    engine.findPatterns(scan, compilePatterns(policy.patterns), candidates);
    extendAddresses(scan, candidates);
    if (policy.dictionary) {
        findNames(
            scan,
            policy.dictionary,
            (start, end) => {
                candidates.push({
                    start,
                    end,
                    category: 'Name',
                    priority: DICTIONARY_PRIORITY,
                    source: 'dictionary',
                    rule: 'dictionary',
                    order: 0
                });
            },
            (start, end) => {
                // The towns of c/placeNames (findPlaces), from the names' pass over the words.
                candidates.push({
                    start,
                    end,
                    category: 'Address',
                    priority: PLACE_PRIORITY,
                    source: 'dictionary',
                    rule: 'town',
                    order: 0
                });
            }
        );
    }
    const limit = normalised.text.length;
    const merged = mergeCandidates(candidates.filter((c) => c.start < limit)).map((c) => {
        return c.end > limit ? { ...c, end: limit } : c;
    });
    const spans = merged.map((c) => ({
        start: map ? map[c.start] : c.start,
        end: map ? map[c.end - 1] + 1 : c.end,
        category: c.category,
        source: c.source,
        rule: c.rule
    }));
    return { spans, scan, map, scanSpans: merged };
}

/** Redacts (category placeholder) or pseudonymises (reversible token) the PHI in a text. */
export function redact(input: RedactionInput, policy: RedactionPolicy): RedactionResult {
    const mode: RedactionMode = input.mode ?? 'redact';
    if (mode === 'pseudonymize' && !(policy.pseudonymKeyHex && /^[0-9a-fA-F]{64}$/.test(policy.pseudonymKeyHex))) {
        throw new Error('Pseudonymize mode needs a 32-byte pseudonym key (64 hex characters).');
    }
    const { spans, scan, scanSpans } = findPhi(input, policy);
    const tokens: Record<string, string> = {};
    let out = '';
    let cursor = 0;
    for (let i = 0; i < spans.length; i++) {
        const span = spans[i];
        out += input.text.slice(cursor, span.start);
        let replacement: string;
        if (mode === 'pseudonymize') {
            const scanValue = scan.slice(scanSpans[i].start, scanSpans[i].end);
            replacement = pseudonymToken(span.category, scanValue, policy.pseudonymKeyHex as string);
            if (!(replacement in tokens)) {
                tokens[replacement] = input.text.slice(span.start, span.end);
            }
        } else {
            replacement = placeholderFor(span.category, policy.patterns);
        }
        out += replacement;
        cursor = span.end;
    }
    out += input.text.slice(cursor);
    const categories = Array.from(new Set(spans.map((s) => s.category))).sort();
    return { text: out, spans, categories, count: spans.length, tokens };
}

/** Puts the originals back for pseudonym tokens found in a model's response. */
export function rehydrate(text: string, tokens: Record<string, string>): string {
    return text.replace(/\[[A-Z][A-Z0-9]{0,39}-[0-9a-f]{12}\]/g, (token) => {
        return token in tokens ? tokens[token] : token;
    });
}
