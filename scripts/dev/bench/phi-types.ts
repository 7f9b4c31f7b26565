/**
 * How `npm run eval:phi` scores a redactor on labelled text, by HIPAA Safe Harbor identifier
 * (45 CFR 164.514(b)(2)): the types, what each data set's labels mean in them, which of the redactor's
 * categories stands for which type, and recall, precision and F2 per type and overall.
 *
 * - A gold span is found when a predicted span overlaps it (any category: redaction hides it either way).
 * - A predicted span is correct when it overlaps a gold span of a Safe Harbor type; it then counts for
 *   that type. Otherwise it is a false positive, counted for the type its category stands for.
 * - Gold spans of text that looks like PHI but is not (a year alone, an age under 90, a country, a state:
 *   NEGATIVE) and unlabelled text are not PHI: a predicted span over them alone is a false positive.
 * - F2 weighs recall four times as much as precision: a missed identifier is a disclosure, an extra
 *   redaction an inconvenience.
 */
export type LabelledText = { text: string; spans: Array<{ type: string; start: number; end: number }> };

/** The Safe Harbor identifiers, one line each in the report (B, geography, is three: street, city, ZIP). */
export const SAFE_HARBOR: ReadonlyArray<{ type: string; label: string }> = [
    { type: 'NAME', label: 'A names' },
    { type: 'STREET', label: 'B street address' },
    { type: 'CITY', label: 'B city, county' },
    { type: 'ZIP', label: 'B ZIP code' },
    { type: 'DATE', label: 'C dates (not year)' },
    { type: 'AGE', label: 'C ages over 89' },
    { type: 'PHONE', label: 'D telephone' },
    { type: 'FAX', label: 'E fax' },
    { type: 'EMAIL', label: 'F e-mail' },
    { type: 'SSN', label: 'G SSN' },
    { type: 'MRN', label: 'H medical record' },
    { type: 'HEALTH_PLAN', label: 'I health plan' },
    { type: 'ACCOUNT', label: 'J account' },
    { type: 'LICENSE', label: 'K licence' },
    { type: 'VEHICLE', label: 'L vehicle' },
    { type: 'DEVICE', label: 'M device' },
    { type: 'URL', label: 'N URL' },
    { type: 'IP', label: 'O IP address' },
    { type: 'BIOMETRIC', label: 'P biometric' },
    { type: 'PHOTO', label: 'Q photo' },
    { type: 'OTHER_ID', label: 'R other number' }
];
const SAFE_HARBOR_SET = new Set(SAFE_HARBOR.map((t) => t.type));

/** The redactor's categories and the Safe Harbor type a false positive of each is counted for. */
const CATEGORY_TYPE: Record<string, string> = {
    Name: 'NAME',
    Date: 'DATE',
    Age: 'AGE',
    Phone: 'PHONE',
    Fax: 'FAX',
    Email: 'EMAIL',
    Ssn: 'SSN',
    Mrn: 'MRN',
    HealthPlanId: 'HEALTH_PLAN',
    AccountNumber: 'ACCOUNT',
    LicenseNumber: 'LICENSE',
    VehicleId: 'VEHICLE',
    DeviceId: 'DEVICE',
    Url: 'URL',
    IpAddress: 'IP',
    Photo: 'PHOTO',
    Biometric: 'BIOMETRIC',
    Identifier: 'OTHER_ID'
};

/** The type a predicted span of a category counts for when it is a false positive. */
export function typeOfCategory(category: string, value: string): string {
    if (category === 'Address') {
        // Postal codes in the formats the detectors know: US ZIP and ZIP+4, and 4-digit, "840 24", "53-320" and
        // "3610-114" codes of Europe and elsewhere, so that a wrongly redacted postal code counts as one.
        return /^(?:[0-9]{3,5}(?:-[0-9]{4})?|[0-9]{3} [0-9]{2}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3})$/.test(value.trim())
            ? 'ZIP'
            : /[0-9]/.test(value)
              ? 'STREET'
              : 'CITY';
    }
    return CATEGORY_TYPE[category] ?? 'OTHER_ID';
}

const COUNTRY_OR_STATE = new RegExp(
    '^(?:the )?(?:' +
        [
            'united states(?: of america)?|usa?|u\\.s\\.a?\\.?|america|canada|mexico|united kingdom|uk|england|scotland|wales',
            'ireland|france|germany|spain|portugal|italy|netherlands|belgium|switzerland|austria|sweden|norway|denmark',
            'finland|iceland|poland|czech republic|czechia|slovakia|hungary|romania|bulgaria|greece|turkey|russia',
            'ukraine|china|japan|korea|south korea|north korea|india|pakistan|bangladesh|vietnam|thailand|philippines',
            'indonesia|malaysia|singapore|australia|new zealand|brazil|argentina|chile|peru|colombia|venezuela|cuba',
            'egypt|nigeria|kenya|south africa|ethiopia|morocco|israel|iran|iraq|saudi arabia|europe|asia|africa',
            // The other UN member states and observers, so that every country counts as larger than a state.
            'afghanistan|albania|algeria|andorra|angola|antigua and barbuda|armenia|azerbaijan|bahamas|bahrain|barbados',
            'belarus|belize|benin|bhutan|bolivia|bosnia and herzegovina|botswana|brunei|burkina faso|burundi|cabo verde',
            'cambodia|cameroon|central african republic|chad|comoros|congo|costa rica|croatia|cyprus|djibouti|dominica',
            'dominican republic|ecuador|el salvador|equatorial guinea|eritrea|estonia|eswatini|fiji|gabon|gambia|georgia',
            'ghana|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|ivory coast|jamaica|jordan|kazakhstan',
            'kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania',
            'luxembourg|madagascar|malawi|maldives|mali|malta|marshall islands|mauritania|mauritius|micronesia|moldova',
            'monaco|mongolia|montenegro|mozambique|myanmar|namibia|nauru|nepal|nicaragua|niger|north macedonia|oman',
            'palau|palestine|panama|papua new guinea|paraguay|qatar|rwanda|saint lucia|samoa|san marino|senegal|serbia',
            'seychelles|sierra leone|slovenia|solomon islands|somalia|south sudan|sri lanka|sudan|suriname|syria|taiwan',
            'tajikistan|tanzania|timor-leste|togo|tonga|trinidad and tobago|tunisia|turkmenistan|tuvalu|uganda',
            'united arab emirates|uruguay|uzbekistan|vanuatu|vatican city|yemen|zambia|zimbabwe|greenland|oceania',
            'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho',
            'illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota',
            'mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina',
            'north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas',
            'utah|vermont|virginia|washington|west virginia|wisconsin|wyoming'
        ].join('|') +
        ')$',
    'i'
);
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/**
 * The Safe Harbor type of a label of the Presidio synthetic data set, given the labelled text, or NEGATIVE
 * or undefined (not PHI). The rules read the label and the text's shape only (a country or state name, a
 * year alone, a number under 90), never which detector finds what.
 */
export function presidioType(entity: string, value: string): string | undefined {
    switch (entity) {
        case 'PERSON':
            return 'NAME';
        case 'STREET_ADDRESS':
            return 'STREET';
        case 'ZIP_CODE':
            return 'ZIP';
        case 'GPE':
            // "nan" is the set generator's missing value (pandas NaN) written where a region was left empty: it
            // names no place, so it is neither PHI nor a look-alike.
            if (value.trim() === 'nan') {
                return undefined;
            }
            return COUNTRY_OR_STATE.test(value.trim()) ? 'NEGATIVE' : 'CITY';
        case 'DATE_TIME':
            return MONTH_WORD.test(value) ||
                /[0-9]{1,4}[/.\-][0-9]{1,2}/.test(value) ||
                /\b[0-9]{1,2}(?:st|nd|rd|th)\b/.test(value)
                ? 'DATE'
                : 'NEGATIVE';
        case 'AGE': {
            const n = /[0-9]+/.exec(value);
            return n !== null && Number(n[0]) > 89 ? 'AGE' : 'NEGATIVE';
        }
        case 'PHONE_NUMBER':
            return 'PHONE';
        case 'EMAIL_ADDRESS':
            return 'EMAIL';
        case 'US_SSN':
            return 'SSN';
        case 'CREDIT_CARD':
        case 'IBAN_CODE':
            return 'ACCOUNT';
        case 'IP_ADDRESS':
            return 'IP';
        case 'DOMAIN_NAME':
            return 'URL';
        case 'US_DRIVER_LICENSE':
            return 'LICENSE';
        default:
            return undefined;
    }
}

export type PredictedSpan = { start: number; end: number; category: string };
export type TypeScore = { gold: number; found: number; predicted: number; correct: number };
export type Score = {
    perType: Record<string, TypeScore>;
    negatives: { gold: number; hit: number };
    overall: TypeScore;
    misses: Array<{ type: string; value: string; context: string }>;
    falsePositives: Array<{ type: string; category: string; value: string }>;
};

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
    return a.start < b.end && b.start < a.end;
}

/** Scores predicted spans against gold spans, per Safe Harbor type and overall. */
export function score(texts: LabelledText[], predictions: PredictedSpan[][]): Score {
    const perType: Record<string, TypeScore> = {};
    const row = (type: string): TypeScore => (perType[type] ??= { gold: 0, found: 0, predicted: 0, correct: 0 });
    const negatives = { gold: 0, hit: 0 };
    const misses: Score['misses'] = [];
    const falsePositives: Score['falsePositives'] = [];
    texts.forEach((item, index) => {
        const predicted = predictions[index];
        for (const gold of item.spans) {
            const hit = predicted.some((p) => overlaps(p, gold));
            if (gold.type === 'NEGATIVE') {
                negatives.gold += 1;
                negatives.hit += hit ? 1 : 0;
            } else if (SAFE_HARBOR_SET.has(gold.type)) {
                row(gold.type).gold += 1;
                if (hit) {
                    row(gold.type).found += 1;
                } else {
                    misses.push({
                        type: gold.type,
                        value: item.text.slice(gold.start, gold.end),
                        context: item.text.slice(Math.max(0, gold.start - 40), gold.end + 40)
                    });
                }
            }
        }
        for (const p of predicted) {
            const gold = item.spans.find((g) => SAFE_HARBOR_SET.has(g.type) && overlaps(p, g));
            const value = item.text.slice(p.start, p.end);
            const type = gold?.type ?? typeOfCategory(p.category, value);
            row(type).predicted += 1;
            if (gold !== undefined) {
                row(type).correct += 1;
            } else {
                falsePositives.push({ type, category: p.category, value });
            }
        }
    });
    const overall: TypeScore = { gold: 0, found: 0, predicted: 0, correct: 0 };
    for (const s of Object.values(perType)) {
        overall.gold += s.gold;
        overall.found += s.found;
        overall.predicted += s.predicted;
        overall.correct += s.correct;
    }
    return { perType, negatives, overall, misses, falsePositives };
}

export function recall(s: TypeScore): number {
    return s.gold === 0 ? NaN : s.found / s.gold;
}

export function precision(s: TypeScore): number {
    return s.predicted === 0 ? NaN : s.correct / s.predicted;
}

/** F-beta with beta = 2. */
export function f2(s: TypeScore): number {
    const p = precision(s);
    const r = recall(s);
    return p + r === 0 || Number.isNaN(p) || Number.isNaN(r) ? NaN : (5 * p * r) / (4 * p + r);
}
