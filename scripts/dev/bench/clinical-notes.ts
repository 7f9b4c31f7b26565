/**
 * The second corpus of `npm run eval:phi`: clinical notes written from templates by a generator that knows
 * nothing of the redactor. Its names, places, streets, phones and e-mail addresses come from
 * `@faker-js/faker`'s locale lists (MIT), not from the names dictionary or the patterns' word lists, so the
 * figure on it measures how the rules generalise. Seeded: the same seed gives the same notes everywhere.
 *
 * Each note carries gold spans typed by the Safe Harbor identifier they are (phi-types.ts), and "negative"
 * spans for text that looks like PHI but is not (a year alone, an age under 90, a state, a country, words
 * such as Will, May, Bill and Hope); negatives are scored as such, never used to build rules.
 */
import {
    Faker,
    base,
    de,
    en,
    en_US,
    es,
    fr,
    it,
    nl,
    pl,
    pt_BR,
    sv,
    vi,
    el,
    ru,
    zh_CN,
    ja,
    ko,
    uk
} from '@faker-js/faker';
import type { LabelledText } from './phi-types';
import { NOTE_TEMPLATES } from './clinical-templates';

/** Where the names of people come from: mostly US English, some other Latin-script and non-Latin locales. */
const NAME_LOCALES = [
    { weight: 70, locale: [en_US, en, base] },
    { weight: 4, locale: [de, en, base] },
    { weight: 4, locale: [fr, en, base] },
    { weight: 4, locale: [es, en, base] },
    { weight: 2, locale: [it, en, base] },
    { weight: 2, locale: [pl, en, base] },
    { weight: 2, locale: [nl, en, base] },
    { weight: 2, locale: [sv, en, base] },
    { weight: 2, locale: [pt_BR, en, base] },
    { weight: 2, locale: [vi, en, base] },
    { weight: 1, locale: [ru, en, base] },
    { weight: 1, locale: [el, en, base] },
    { weight: 1, locale: [uk, en, base] },
    { weight: 1, locale: [zh_CN, en, base] },
    { weight: 1, locale: [ja, en, base] },
    { weight: 1, locale: [ko, en, base] }
];

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
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const COUNTRIES = ['Mexico', 'Canada', 'Germany', 'India', 'the Philippines', 'Vietnam', 'Brazil', 'Poland'];

function ordinal(n: number): string {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13) {
        return `${n}th`;
    }
    return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
}

/** A value to write and what it is: a Safe Harbor type, "NEGATIVE" (looks like PHI, is not), or plain text. */
export type Filled = { text: string; type?: string };

/** One generator of slot values over one seeded Faker (for places and numbers) and per-locale ones (names). */
export class SlotFiller {
    private readonly faker: Faker;
    private readonly nameFakers: Array<{ weight: number; faker: Faker }>;
    private readonly totalWeight: number;
    /** The patient and clinician of the current note, so a note can refer back to them. */
    private person = { first: 'A', last: 'B' };

    constructor(seed: number) {
        this.faker = new Faker({ locale: [en_US, en, base], seed });
        this.nameFakers = NAME_LOCALES.map((l, i) => ({
            weight: l.weight,
            faker: new Faker({ locale: l.locale, seed: seed * 31 + i })
        }));
        this.totalWeight = NAME_LOCALES.reduce((t, l) => t + l.weight, 0);
    }

    int(min: number, max: number): number {
        return this.faker.number.int({ min, max });
    }

    pick<T>(values: readonly T[]): T {
        return this.faker.helpers.arrayElement(values as T[]);
    }

    private nameFaker(): Faker {
        let r = this.int(1, this.totalWeight);
        for (const n of this.nameFakers) {
            r -= n.weight;
            if (r <= 0) {
                return n.faker;
            }
        }
        return this.nameFakers[0].faker;
    }

    /** Starts a note: a new patient. */
    newPerson(): void {
        const f = this.nameFaker();
        this.person = { first: f.person.firstName(), last: f.person.lastName() };
    }

    private otherPerson(): { first: string; last: string } {
        const f = this.nameFaker();
        return { first: f.person.firstName(), last: f.person.lastName() };
    }

    /** The value of one slot; the slot names are the `{...}` of clinical-templates.ts. */
    fill(slot: string): Filled {
        const p = this.person;
        const o = (): { first: string; last: string } => this.otherPerson();
        const name = (text: string): Filled => ({ text, type: 'NAME' });
        const fillers: Record<string, () => Filled> = {
            patient: () => name(`${p.first} ${p.last}`),
            first: () => name(p.first),
            last: () => name(p.last),
            lastFirst: () => name(`${p.last}, ${p.first}`),
            initialLast: () => name(`${p.first.slice(0, 1)}. ${p.last}`),
            person: () => {
                const x = o();
                return name(`${x.first} ${x.last}`);
            },
            personLast: () => name(o().last),
            personFirst: () => name(o().first),
            street: () => ({ text: this.faker.location.streetAddress(), type: 'STREET' }),
            streetFull: () => ({
                text: `${this.faker.location.streetAddress()} ${this.faker.location.secondaryAddress()}`,
                type: 'STREET'
            }),
            city: () => ({ text: this.faker.location.city(), type: 'CITY' }),
            county: () => ({ text: this.faker.location.county(), type: 'CITY' }),
            zip: () => ({
                text: this.faker.location.zipCode(this.pick(['#####', '#####', '#####-####'])),
                type: 'ZIP'
            }),
            state: () => ({ text: this.faker.location.state(), type: 'NEGATIVE' }),
            stateAbbr: () => ({ text: this.faker.location.state({ abbreviated: true }), type: 'NEGATIVE' }),
            country: () => ({ text: this.pick(COUNTRIES), type: 'NEGATIVE' }),
            date: () => ({ text: this.date(), type: 'DATE' }),
            year: () => ({ text: String(this.int(1950, 2025)), type: 'NEGATIVE' }),
            weekday: () => ({ text: this.pick(WEEKDAYS) }),
            oldAge: () => ({ text: String(this.int(90, 104)), type: 'AGE' }),
            age: () => ({ text: String(this.int(19, 88)), type: 'NEGATIVE' }),
            phone: () => ({ text: this.phone(), type: 'PHONE' }),
            fax: () => ({ text: this.phone(), type: 'FAX' }),
            email: () => ({
                text: this.faker.internet.email({ firstName: p.first, lastName: p.last }).toLowerCase(),
                type: 'EMAIL'
            }),
            ssn: () => ({ text: `${this.int(100, 665)}-${pad(this.int(1, 99))}-${this.int(1000, 9999)}`, type: 'SSN' }),
            mrn: () => ({ text: this.identifier(), type: 'MRN' }),
            plan: () => ({ text: this.identifier(), type: 'HEALTH_PLAN' }),
            account: () => ({ text: this.faker.finance.accountNumber(this.int(8, 12)), type: 'ACCOUNT' }),
            card: () => ({ text: this.faker.finance.creditCardNumber(), type: 'ACCOUNT' }),
            license: () => ({ text: this.identifier(), type: 'LICENSE' }),
            vin: () => ({ text: this.faker.vehicle.vin(), type: 'VEHICLE' }),
            plate: () => ({ text: this.faker.vehicle.vrm(), type: 'VEHICLE' }),
            device: () => ({ text: this.identifier(), type: 'DEVICE' }),
            url: () => ({ text: this.faker.internet.url(), type: 'URL' }),
            ip: () => ({ text: this.faker.internet.ipv4(), type: 'IP' }),
            photo: () => ({ text: `IMG_${this.int(1000, 9999)}.jpg`, type: 'PHOTO' })
        };
        const filler = fillers[slot];
        if (!filler) {
            throw new Error(`clinical-notes: unknown slot {${slot}}`);
        }
        return filler();
    }

    /** A date in one of the common written forms, never the year alone. */
    private date(): string {
        const d = this.faker.date.between({ from: '1990-01-01', to: '2025-12-31' });
        const day = d.getUTCDate();
        const month = d.getUTCMonth() + 1;
        const year = d.getUTCFullYear();
        const name = MONTHS[month - 1];
        const forms = [
            `${pad(month)}/${pad(day)}/${year}`,
            `${month}/${day}/${year}`,
            `${month}/${day}/${String(year).slice(2)}`,
            `${year}-${pad(month)}-${pad(day)}`,
            `${name} ${day}, ${year}`,
            `${name.slice(0, 3)} ${day}, ${year}`,
            `${day} ${name} ${year}`,
            `${day} ${name}`,
            `${name} ${ordinal(day)}`,
            `${name} ${day}`,
            `the ${ordinal(day)} of ${name}`,
            `${WEEKDAYS[(d.getUTCDay() + 6) % 7]} the ${ordinal(day)}`,
            `${month}/${day}`,
            `${pad(day)}-${name.slice(0, 3)}-${year}`
        ];
        return this.pick(forms);
    }

    private phone(): string {
        const area = this.int(201, 989);
        const mid = this.int(200, 999);
        const last = this.int(1000, 9999);
        return this.pick([
            `(${area}) ${mid}-${last}`,
            `${area}-${mid}-${last}`,
            `${area}.${mid}.${last}`,
            `+1 ${area} ${mid} ${last}`,
            `1-${area}-${mid}-${last}`
        ]);
    }

    /** An organisation's identifier: letters and digits in the shapes record systems use. */
    private identifier(): string {
        return this.pick([
            () => String(this.int(1000000, 99999999)),
            () => `${this.faker.string.alpha({ length: 2, casing: 'upper' })}${this.int(100000, 9999999)}`,
            () => `${this.faker.string.alpha({ length: 1, casing: 'upper' })}-${this.int(10000, 999999)}`,
            () => `${this.int(100, 999)}-${this.int(100, 999)}-${this.int(100, 999)}`,
            () => this.faker.string.alphanumeric({ length: 10, casing: 'upper' })
        ])();
    }
}

/** Writes one note from a template: literal text with `{slot}`s, and the gold spans of the slots. */
export function writeNote(template: string, filler: SlotFiller): LabelledText {
    filler.newPerson();
    let text = '';
    const spans: LabelledText['spans'] = [];
    let last = 0;
    for (const m of template.matchAll(/\{([A-Za-z]+)\}/g)) {
        text += template.slice(last, m.index);
        const value = filler.fill(m[1]);
        if (value.type !== undefined) {
            spans.push({ type: value.type, start: text.length, end: text.length + value.text.length });
        }
        text += value.text;
        last = m.index + m[0].length;
    }
    text += template.slice(last);
    return { text, spans };
}

/** The corpus: `count` notes, templates taken in a seeded order. */
export function clinicalNotes(count = 1500, seed = 20240601): LabelledText[] {
    const filler = new SlotFiller(seed);
    const notes: LabelledText[] = [];
    for (let i = 0; i < count; i += 1) {
        notes.push(writeNote(filler.pick(NOTE_TEMPLATES), filler));
    }
    return notes;
}
