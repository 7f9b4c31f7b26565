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

/** A 'YYYY-MM-DD' date as a calendar date in the locale (no time zone shift). */
export function formatDay(day: string | null | undefined, locale: string): string {
    if (!day) {
        return '';
    }
    const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(time)) {
        return day;
    }
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone?: string): Intl.DateTimeFormat {
    const key = `${locale}|${timeZone ?? ''}`;
    let format = dateTimeFormats.get(key);
    if (!format) {
        const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
        try {
            format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
        } catch {
            format = new Intl.DateTimeFormat(locale, options);
        }
        dateTimeFormats.set(key, format);
    }
    return format;
}

/** An ISO date-time in the locale and time zone of the user (formatters are cached: tables format many). */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
    if (!value) {
        return '';
    }
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
        return value;
    }
    return dateTimeFormat(locale, timeZone).format(new Date(time));
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
