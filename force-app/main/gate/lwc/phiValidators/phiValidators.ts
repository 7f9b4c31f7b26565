/**
 * The post-match checks a PhiPattern__mdt record names in Validator__c: a match counts only when its
 * validator accepts the matched text (a Luhn checksum, a valid IPv4 address, a plausible date...). Apex's
 * PhiValidators implements the same functions; the shared redaction vectors hold both to them.
 */

/** The validator names a pattern may use. */
export const VALIDATORS = ['Luhn', 'IPv4', 'IPv6', 'Ssn', 'Iban', 'Date', 'Phone', 'HasDigit', 'Vin'] as const;

function digitsOf(text: string): string {
    return text.replace(/[^0-9]/g, '');
}

function luhn(text: string): boolean {
    if (!/^[0-9 -]+$/.test(text)) {
        return false;
    }
    const digits = digitsOf(text);
    if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) {
        return false;
    }
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let d = digits.charCodeAt(digits.length - 1 - i) - 48;
        if (i % 2 === 1) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
    }
    return sum % 10 === 0;
}

function ipv4(text: string): boolean {
    const parts = text.split('.');
    return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(text: string): boolean {
    if (!/^[0-9A-Fa-f:]+$/.test(text) || !/[0-9]/.test(text)) {
        return false;
    }
    const halves = text.split('::');
    if (halves.length > 2) {
        return false;
    }
    const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
    const all = groups[0].concat(groups[1] ?? []);
    if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) {
        return false;
    }
    return halves.length === 2 ? all.length >= 2 && all.length <= 7 : all.length === 8;
}

function ssn(text: string): boolean {
    const m = /^(\d{3})[ -]?(\d{2})[ -]?(\d{4})$/.exec(text);
    if (!m) {
        return false;
    }
    return m[1] !== '000' && m[1] !== '666' && m[1][0] !== '9' && m[2] !== '00' && m[3] !== '0000';
}

function iban(text: string): boolean {
    const compact = text.replace(/ /g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
        return false;
    }
    const rearranged = compact.slice(4) + compact.slice(0, 4);
    let remainder = 0;
    for (let i = 0; i < rearranged.length; i++) {
        const code = rearranged.charCodeAt(i);
        const value = code >= 65 ? String(code - 55) : rearranged[i];
        for (let k = 0; k < value.length; k++) {
            remainder = (remainder * 10 + (value.charCodeAt(k) - 48)) % 97;
        }
    }
    return remainder === 1;
}

function dateValid(text: string): boolean {
    let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (m) {
        return +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31;
    }
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
    if (m) {
        const a = +m[1];
        const b = +m[2];
        return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
    }
    const day = /(?:^|[^0-9])(\d{1,2})(?![0-9])/.exec(text);
    return day === null || (+day[1] >= 1 && +day[1] <= 31);
}

function phone(text: string): boolean {
    const core = text.replace(/[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$/i, '');
    if (!/^[0-9 +().-]+$/.test(core)) {
        return false;
    }
    const digits = digitsOf(core);
    if (digits.length < 7 || digits.length > 15 || /^(\d)\1+$/.test(digits)) {
        return false;
    }
    if (/[ .-]{2}/.test(core) || (core.match(/\(/g) ?? []).length !== (core.match(/\)/g) ?? []).length) {
        return false;
    }
    return core.indexOf('+') <= 0 && core.lastIndexOf('+') <= 0;
}

const VIN_VALUES: Record<string, number> = {
    A: 1,
    B: 2,
    C: 3,
    D: 4,
    E: 5,
    F: 6,
    G: 7,
    H: 8,
    J: 1,
    K: 2,
    L: 3,
    M: 4,
    N: 5,
    P: 7,
    R: 9,
    S: 2,
    T: 3,
    U: 4,
    V: 5,
    W: 6,
    X: 7,
    Y: 8,
    Z: 9
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function vin(text: string): boolean {
    const v = text.toUpperCase();
    if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v) || !/[0-9]/.test(v) || !/[A-Z]/.test(v)) {
        return false;
    }
    let sum = 0;
    for (let i = 0; i < 17; i++) {
        const c = v[i];
        const value = c >= '0' && c <= '9' ? Number(c) : VIN_VALUES[c];
        sum += value * VIN_WEIGHTS[i];
    }
    const check = sum % 11;
    return v[8] === (check === 10 ? 'X' : String(check));
}

/** Applies a named validator to matched text. Unknown names never validate (fail closed). */
export function validate(validator: string | null | undefined, text: string): boolean {
    switch (validator ?? '') {
        case '':
            return true;
        case 'Luhn':
            return luhn(text);
        case 'IPv4':
            return ipv4(text);
        case 'IPv6':
            return ipv6(text);
        case 'Ssn':
            return ssn(text);
        case 'Iban':
            return iban(text);
        case 'Date':
            return dateValid(text);
        case 'Phone':
            return phone(text);
        case 'HasDigit':
            return /[0-9]/.test(text);
        case 'Vin':
            return vin(text);
        default:
            return false;
    }
}
