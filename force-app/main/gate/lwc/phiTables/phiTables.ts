/**
 * PHI in the rows of a table whose header row names its columns: a CSV or Data Loader export, a tab-separated
 * copy from a spreadsheet, or a pipe table pasted into a note. A value under "MRN" or "City" has no label of
 * its own beside it, so the patterns cannot tell it from any other number or word; the header can.
 *
 * A header row is a line cut by one separator (a tab, else "|", else ";", else ",") into two or more cells,
 * each of them a column label (letters, digits, blanks, and . # / ( ) _ ' -; at most three words, at most 40
 * characters, starting with a letter), of which at least two name PHI columns (COLUMN_LABELS, or a Salesforce
 * field of the redactor's FIELD_CATEGORIES): one such column is too little, since "Name | Description" heads
 * half the tables of software documentation, and prose cut at its commas rarely holds two. The rows under it, up to
 * a blank line or a line cut into another number of cells (a rule row of "-", ":", "+" and "=" is skipped), are
 * its data. Each cell under a PHI column is a span of that column's category when its value can be one: not
 * empty nor a placeholder (n/a, none, unknown ...); a letter in a name; a digit in a date (not a year alone),
 * an identifier, a telephone or a fax number; "@" in an e-mail address; an age of 90 or more.
 *
 * Apex twin: PhiTableColumns.cls; the shared vectors hold both to the same spans (tableColumnVectors).
 */

/** A span of a table cell, in offsets of the text given. */
export type TableSpan = { start: number; end: number; category: string };

/** Column labels (lower case, "_" and "-" read as blanks, a final "#", ":" or "." dropped) and their categories. */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
    name: 'Name',
    patient: 'Name',
    'patient name': 'Name',
    'pt name': 'Name',
    'full name': 'Name',
    'first name': 'Name',
    'last name': 'Name',
    'middle name': 'Name',
    'given name': 'Name',
    'family name': 'Name',
    surname: 'Name',
    firstname: 'Name',
    lastname: 'Name',
    fname: 'Name',
    lname: 'Name',
    'member name': 'Name',
    'subscriber name': 'Name',
    'insured name': 'Name',
    guarantor: 'Name',
    'guarantor name': 'Name',
    'emergency contact': 'Name',
    'contact name': 'Name',
    'next of kin': 'Name',
    caregiver: 'Name',
    dob: 'Date',
    'd.o.b': 'Date',
    'date of birth': 'Date',
    'birth date': 'Date',
    birthdate: 'Date',
    birthday: 'Date',
    'admit date': 'Date',
    'admission date': 'Date',
    'discharge date': 'Date',
    'date of service': 'Date',
    dos: 'Date',
    'service date': 'Date',
    'visit date': 'Date',
    'appointment date': 'Date',
    'appt date': 'Date',
    'date of death': 'Date',
    'death date': 'Date',
    dod: 'Date',
    'procedure date': 'Date',
    'surgery date': 'Date',
    address: 'Address',
    'home address': 'Address',
    'mailing address': 'Address',
    'street address': 'Address',
    street: 'Address',
    'address line 1': 'Address',
    'address line 2': 'Address',
    'address 1': 'Address',
    'address 2': 'Address',
    addr: 'Address',
    city: 'Address',
    town: 'Address',
    county: 'Address',
    zip: 'Address',
    'zip code': 'Address',
    zipcode: 'Address',
    'postal code': 'Address',
    postcode: 'Address',
    phone: 'Phone',
    'phone number': 'Phone',
    telephone: 'Phone',
    tel: 'Phone',
    mobile: 'Phone',
    cell: 'Phone',
    'cell phone': 'Phone',
    'home phone': 'Phone',
    'work phone': 'Phone',
    'contact number': 'Phone',
    fax: 'Fax',
    'fax number': 'Fax',
    email: 'Email',
    'e mail': 'Email',
    'email address': 'Email',
    ssn: 'Ssn',
    'social security number': 'Ssn',
    'social security no': 'Ssn',
    mrn: 'Mrn',
    'mr number': 'Mrn',
    'medical record number': 'Mrn',
    'medical record no': 'Mrn',
    'medical record': 'Mrn',
    'chart number': 'Mrn',
    chart: 'Mrn',
    'member id': 'HealthPlanId',
    'member number': 'HealthPlanId',
    'subscriber id': 'HealthPlanId',
    'policy number': 'HealthPlanId',
    'policy no': 'HealthPlanId',
    policy: 'HealthPlanId',
    'insurance id': 'HealthPlanId',
    'health plan id': 'HealthPlanId',
    'medicare id': 'HealthPlanId',
    'medicaid id': 'HealthPlanId',
    'beneficiary id': 'HealthPlanId',
    account: 'AccountNumber',
    'account number': 'AccountNumber',
    'account no': 'AccountNumber',
    acct: 'AccountNumber',
    'acct no': 'AccountNumber',
    'patient id': 'Identifier',
    'pt id': 'Identifier',
    'claim number': 'Identifier',
    'claim no': 'Identifier',
    claim: 'Identifier',
    'claim id': 'Identifier',
    'case number': 'Identifier',
    'encounter id': 'Identifier',
    'encounter number': 'Identifier',
    'visit id': 'Identifier',
    fin: 'Identifier',
    'license number': 'LicenseNumber',
    'licence number': 'LicenseNumber',
    'drivers license': 'LicenseNumber',
    'driver license': 'LicenseNumber',
    vin: 'VehicleId',
    'license plate': 'VehicleId',
    'plate number': 'VehicleId',
    'device id': 'DeviceId',
    'serial number': 'DeviceId',
    imei: 'DeviceId',
    'ip address': 'IpAddress',
    ip: 'IpAddress',
    url: 'Url',
    age: 'Age'
};

/** Values that say no value was given. */
const PLACEHOLDERS = new Set(['n/a', 'na', 'none', 'unknown', 'unk', 'null', 'nil', '-', '--', 'tbd', 'pending', '?']);
const SEPARATORS = ['\t', '|', ';', ','];
const LABEL = /^[A-Za-z][A-Za-z0-9 .#/()_'-]{0,39}$/;
const RULE_ROW = /^[-:+= |\t]*-[-:+= |\t]*$/;
/** Categories whose value is a number of some kind: a cell without a digit is no such value. */
const NUMBERED = new Set([
    'Date',
    'Phone',
    'Fax',
    'Ssn',
    'Mrn',
    'HealthPlanId',
    'AccountNumber',
    'Identifier',
    'LicenseNumber',
    'VehicleId',
    'DeviceId',
    'IpAddress'
]);

type Cell = { start: number; end: number };

/** The category a header cell (a column label, see LABEL) names, or null; `fields`: FirstName, MailingCity ... */
export function columnCategory(text: string, fields: Readonly<Record<string, string>>): string | null {
    if (Object.prototype.hasOwnProperty.call(fields, text)) {
        return fields[text];
    }
    const key = text
        .toLowerCase()
        .replace(/[_-]/g, ' ')
        .replace(/[#:.]+$/, '')
        .replace(/ {2,}/g, ' ')
        .replace(/^ | $/g, '');
    return Object.prototype.hasOwnProperty.call(COLUMN_LABELS, key) ? COLUMN_LABELS[key] : null;
}

/**
 * The cells of a line between `from` and `to` cut by `separator` (a "|" table's outer bars dropped; "," and ";"
 * cells may be in double quotes, with "" inside), each trimmed of blanks and quotes; null when a quote is left open,
 * or as soon as `accept` (when given) refuses a cell: a header row is read cell by cell, and most lines of prose
 * fail at their first or second cell, before the rest of the line is cut.
 */
export function splitCells(
    text: string,
    from: number,
    to: number,
    separator: string,
    accept?: (cell: Cell) => boolean
): Cell[] | null {
    let start = from;
    let end = to;
    if (separator === '|') {
        while (start < end && (text[start] === ' ' || text[start] === '\t')) {
            start++;
        }
        while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) {
            end--;
        }
        if (text[start] === '|') {
            start++;
        }
        if (end > start && text[end - 1] === '|') {
            end--;
        }
    }
    const cells: Cell[] = [];
    const cut = separator.charCodeAt(0);
    // Double quotes group only "," and ";" cells.
    const quotes = separator !== '\t' && separator !== '|';
    let cellStart = start;
    let quoted = false;
    for (let i = start; i <= end; i++) {
        const c = i < end ? text.charCodeAt(i) : cut;
        if (c === 34 && quotes) {
            quoted = !quoted;
        } else if (c === cut && !quoted) {
            const cell = trimCell(text, cellStart, i);
            if (accept !== undefined && !accept(cell)) {
                return null;
            }
            cells.push(cell);
            cellStart = i + 1;
        }
    }
    return quoted ? null : cells;
}

function trimCell(text: string, from: number, to: number): Cell {
    let start = from;
    let end = to;
    while (start < end && (text[start] === ' ' || text[start] === '\t' || text[start] === '\r')) {
        start++;
    }
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) {
        end--;
    }
    if (end - start >= 2 && text[start] === '"' && text[end - 1] === '"') {
        return trimCell(text, start + 1, end - 1);
    }
    return { start, end };
}

/** The header's separator and the categories of its columns, or null when `line` (at `from` in the text) is none. */
function readHeader(
    text: string,
    from: number,
    line: string,
    fields: Readonly<Record<string, string>>
): { separator: string; categories: Array<string | null> } | null {
    const to = from + line.length;
    const separator = SEPARATORS.find((s) => line.indexOf(s) >= 0);
    if (separator === undefined) {
        return null;
    }
    // Every cell must be a column label (or empty): checked as the line is cut, so that a line of prose is
    // given up at its first cell that is none; the labels' categories are read only for a line that passes.
    const cells = splitCells(text, from, to, separator, (cell) => {
        if (cell.end === cell.start) {
            return true;
        }
        // LABEL's length and first letter, read before the cell is cut out.
        const first = text.charCodeAt(cell.start) | 32;
        if (cell.end - cell.start > 40 || first < 97 || first > 122) {
            return false;
        }
        const value = text.slice(cell.start, cell.end);
        return LABEL.test(value) && value.split(' ').filter((w) => w !== '').length <= 3;
    });
    if (cells === null || cells.length < 2) {
        return null;
    }
    let named = 0;
    const categories: Array<string | null> = [];
    for (const cell of cells) {
        const category = cell.end === cell.start ? null : columnCategory(text.slice(cell.start, cell.end), fields);
        named += category === null ? 0 : 1;
        categories.push(category);
    }
    return named >= 2 ? { separator, categories } : null;
}

/** Whether a cell's value can be one of its column's category (see the module comment). */
export function cellHoldsPhi(value: string, category: string): boolean {
    if (value === '' || PLACEHOLDERS.has(value.toLowerCase())) {
        return false;
    }
    if (category === 'Age') {
        return /^[0-9]{2,3}\+?$/.test(value) && parseInt(value, 10) >= 90;
    }
    if (category === 'Email') {
        return value.indexOf('@') > 0;
    }
    if (category === 'Date' && /^[0-9]{4}$/.test(value)) {
        return false;
    }
    if (NUMBERED.has(category)) {
        return /[0-9]/.test(value);
    }
    return /[\p{L}0-9]/u.test(value);
}

/** Whether a line holds nothing but blanks (space, tab, carriage return). */
function blank(line: string): boolean {
    return /^[ \t\r]*$/.test(line);
}

/** The spans of the PHI cells of every table with a header row in `text` (a text's lines end with "\n"). */
export function findTableCells(text: string, fields: Readonly<Record<string, string>>): TableSpan[] {
    const spans: TableSpan[] = [];
    let header: { separator: string; categories: Array<string | null> } | null = null;
    for (let from = 0; from < text.length;) {
        const next = text.indexOf('\n', from);
        const to = next < 0 ? text.length : next;
        const line = text.slice(from, to);
        if (header !== null && RULE_ROW.test(line)) {
            from = to + 1;
            continue;
        }
        const cells = header === null ? null : splitCells(text, from, to, header.separator);
        if (header !== null && cells !== null && cells.length === header.categories.length && !blank(line)) {
            for (let k = 0; k < cells.length; k++) {
                const category = header.categories[k];
                const value = text.slice(cells[k].start, cells[k].end);
                if (category !== null && cellHoldsPhi(value, category)) {
                    spans.push({ start: cells[k].start, end: cells[k].end, category });
                }
            }
        } else {
            header = readHeader(text, from, line, fields);
        }
        from = to + 1;
    }
    return spans;
}
