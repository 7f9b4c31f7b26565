/**
 * Small helpers every console component uses: label templates, locale-aware number and date formatting,
 * and turning Apex/fetch errors into one readable sentence for a toast (never a stack trace).
 */

/** Fills {0}, {1} … in a custom label. Missing arguments stay visible as {n}. */
export function formatLabel(template: string, ...args: unknown[]): string {
    return String(template ?? '').replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = args[Number(index)];
        return value === undefined || value === null ? match : String(value);
    });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(
    value: number | null | undefined,
    locale: string,
    options: Intl.NumberFormatOptions = {}
): string {
    if (value === null || value === undefined || Number.isNaN(value)) {
        return '';
    }
    const key = `${locale}|${JSON.stringify(options)}`;
    let format = numberFormats.get(key);
    if (!format) {
        format = new Intl.NumberFormat(locale, options);
        numberFormats.set(key, format);
    }
    return format.format(value);
}

export function formatPercent(ratio: number | null | undefined, locale: string): string {
    return formatNumber(ratio, locale, { style: 'percent', maximumFractionDigits: 1 });
}

/*
 * Dates and times: every date and date-time the console shows goes through formatDay or formatDateTime, so each
 * screen, export and document reads the same (docs/console.md, "Dates and times").
 * - A date (a 'YYYY-MM-DD' field: due dates, reviews, expiries) is a calendar date: dateStyle 'medium' in the
 *   user's locale ("Nov 22, 2026", "22.11.2026"), never shifted by a time zone, because a due date is the same day
 *   everywhere.
 * - A date-time (an ISO instant: log entries, approvals, changes) is dateStyle 'medium' with timeStyle 'long' in
 *   the user's locale and Salesforce time zone, which names the zone ("Nov 22, 2026, 10:00:00 AM UTC"), so a time
 *   read aloud to an auditor in another office is not an hour off.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A 'YYYY-MM-DD' date (or the date part of an ISO string) as a calendar date in the locale. */
export function formatDay(day: string | null | undefined, locale: string): string {
    if (!day) {
        return '';
    }
    const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(time)) {
        return day;
    }
    let format = dayFormats.get(locale);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
        dayFormats.set(locale, format);
    }
    return format.format(new Date(time));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
    const key = `${locale}|${timeZone}`;
    let format = dateTimeFormats.get(key);
    if (!format) {
        const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'long' };
        try {
            format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
        } catch {
            // An unknown zone name: UTC, still named in the text, rather than the browser's zone unnamed.
            format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
        }
        dateTimeFormats.set(key, format);
    }
    return format;
}

/**
 * An ISO date-time in the user's locale and time zone (`@salesforce/i18n/timeZone`), with the zone named.
 * The zone is required: a time without it is the mixed format a reviewer caught (formatters are cached).
 */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone: string): string {
    if (!value) {
        return '';
    }
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
        return value;
    }
    return dateTimeFormat(locale, timeZone).format(new Date(time));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value of unknown kind (a cell of an exported table): a 'YYYY-MM-DD' date through formatDay, an ISO date-time
 * through formatDateTime, anything else as text, empty for null.
 */
export function formatValue(value: unknown, locale: string, timeZone: string): string {
    if (value === null || value === undefined) {
        return '';
    }
    if (typeof value === 'string' && ISO_DAY.test(value)) {
        return formatDay(value, locale);
    }
    if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
        return formatDateTime(value, locale, timeZone);
    }
    return String(value);
}

export type ErrorKind = 'permission' | 'validation' | 'unknown';
export type ReadableError = { kind: ErrorKind; message: string };

type ApexErrorBody = {
    message?: string;
    pageErrors?: { message?: string }[];
    fieldErrors?: Record<string, { message?: string }[]>;
};

function isPermissionMessage(message: string): boolean {
    return /insufficient|permission|not accessible|no access|INSUFFICIENT_ACCESS|WardenComplianceOfficer/i.test(
        message
    );
}

/**
 * One readable sentence from whatever an Apex call or wire rejected with. Stack traces, exception class
 * names and line numbers are never shown; a permission problem becomes `permissionMessage` (the
 * "you need WardenComplianceOfficer" label).
 */
export function readableError(error: unknown, permissionMessage: string, fallback: string): ReadableError {
    const messages: string[] = [];
    const collect = (value: unknown): void => {
        if (!value) {
            return;
        }
        if (Array.isArray(value)) {
            value.forEach(collect);
            return;
        }
        if (typeof value === 'string') {
            messages.push(value);
            return;
        }
        if (typeof value === 'object') {
            const candidate = value as { body?: ApexErrorBody | ApexErrorBody[]; message?: string; status?: number };
            if (candidate.status === 403) {
                messages.push('INSUFFICIENT_ACCESS');
            }
            if (candidate.body) {
                const bodies = Array.isArray(candidate.body) ? candidate.body : [candidate.body];
                for (const body of bodies) {
                    if (body.message) {
                        messages.push(body.message);
                    }
                    body.pageErrors?.forEach((pageError) => pageError.message && messages.push(pageError.message));
                    Object.values(body.fieldErrors ?? {}).forEach((list) =>
                        list.forEach((fieldError) => fieldError.message && messages.push(fieldError.message))
                    );
                }
            } else if (candidate.message) {
                messages.push(candidate.message);
            }
        }
    };
    collect(error);
    if (messages.some(isPermissionMessage)) {
        return { kind: 'permission', message: permissionMessage };
    }
    const clean = messages
        .map((message) =>
            message
                .split(/\r?\n/)[0]
                .replace(/^(System\.)?\w+Exception:\s*/, '')
                .replace(/\s*\(?(Class|Trigger)\.[\w.]+: line \d+.*$/i, '')
                .trim()
        )
        .filter((message) => message !== '');
    return clean.length > 0
        ? { kind: 'validation', message: [...new Set(clean)].join(' ') }
        : { kind: 'unknown', message: fallback };
}
