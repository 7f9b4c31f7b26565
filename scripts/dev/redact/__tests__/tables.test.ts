/**
 * c/phiTables' parts that the shared vectors (tableColumnVectors, columnLabelVectors) reach only through whole
 * texts: how a line is cut into cells, which header cells name a column, which values a cell may hold.
 */
import { FIELD_CATEGORIES } from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import {
    cellHoldsPhi,
    columnCategory,
    findTableCells,
    splitCells
} from '../../../../force-app/main/gate/lwc/phiTables/phiTables';

const cells = (line: string, separator: string): string[] | null =>
    splitCells(line, 0, line.length, separator)?.map((c) => line.slice(c.start, c.end)) ?? null;

describe('splitCells', () => {
    it("drops a pipe table's outer bars and trims blanks, quotes and a carriage return", () => {
        expect(cells('  | Name | DOB |\r', '|')).toEqual(['Name', 'DOB']);
        expect(cells('"Lindahl, Greta", "1955-07-30" ,x\r', ',')).toEqual(['Lindahl, Greta', '1955-07-30', 'x']);
        expect(cells('a\t\tb', '\t')).toEqual(['a', '', 'b']);
    });

    it('reads quotes only in comma and semicolon lines, and refuses a quote left open', () => {
        expect(cells('"a;b";c', ';')).toEqual(['a;b', 'c']);
        expect(cells('"a\tb', '\t')).toEqual(['"a', 'b']);
        expect(cells('"open,quote', ',')).toBeNull();
    });

    it('offers each cell to `accept` in order and gives up at the first it refuses', () => {
        const line = 'Name, "Lindahl, Greta" ,a long cell of prose here, DOB';
        const seen: string[] = [];
        const short = (c: { start: number; end: number }): boolean => {
            seen.push(line.slice(c.start, c.end));
            return c.end - c.start <= 14;
        };
        expect(splitCells(line, 0, line.length, ',', short)).toBeNull();
        expect(seen).toEqual(['Name', 'Lindahl, Greta', 'a long cell of prose here']);
        const all = splitCells(line, 0, line.length, ',', () => true)?.map((c) => line.slice(c.start, c.end));
        expect(all).toEqual(cells(line, ','));
    });
});

describe('columnCategory', () => {
    it('reads labels in any case, with _ or - for blanks and a final #, : or .', () => {
        expect(columnCategory('Medical Record #', FIELD_CATEGORIES)).toBe('Mrn');
        expect(columnCategory('ZIP_CODE', FIELD_CATEGORIES)).toBe('Address');
        expect(columnCategory('E-mail:', FIELD_CATEGORIES)).toBe('Email');
        expect(columnCategory('D.O.B.', FIELD_CATEGORIES)).toBe('Date');
        expect(columnCategory('MailingCity', FIELD_CATEGORIES)).toBe('Address');
    });

    it('names no column for other labels, nor for a Salesforce field in another case', () => {
        expect(columnCategory('Room', FIELD_CATEGORIES)).toBeNull();
        expect(columnCategory('Description', FIELD_CATEGORIES)).toBeNull();
        expect(columnCategory('mailingcity', FIELD_CATEGORIES)).toBeNull();
    });
});

describe('cellHoldsPhi', () => {
    it.each([
        ['Harlan Quist', 'Name', true],
        ['N/A', 'Name', false],
        ['unknown', 'Address', false],
        ['', 'Name', false],
        ['1948', 'Date', false],
        ['03/1948', 'Date', true],
        ['pending', 'Mrn', false],
        ['none on file', 'Mrn', false],
        ['89', 'Age', false],
        ['90', 'Age', true],
        ['100+', 'Age', true],
        ['ninety', 'Age', false],
        ['h.quist@example.org', 'Email', true],
        ['@handle', 'Email', false],
        ['-', 'Phone', false]
    ])('%j in a %s column: %s', (value, category, expected) => {
        expect(cellHoldsPhi(value, category)).toBe(expected);
    });
});

describe('findTableCells', () => {
    it('needs two PHI columns in the header, and reads rows of its width until a blank line', () => {
        const text =
            'Name | Notes\nAda Quist | fine\n\nName | Phone | Note\nAda Quist | 555-201-3344 | ok\nshort | row\nAda | 1\n';
        const found = findTableCells(text, FIELD_CATEGORIES).map((s) => [text.slice(s.start, s.end), s.category]);
        expect(found).toEqual([
            ['Ada Quist', 'Name'],
            ['555-201-3344', 'Phone']
        ]);
    });

    it('reads a header whose label cells are blank-padded, empty or in quotes, and refuses one with a long cell', () => {
        const text =
            ' "Patient Name" ;  ; DOB  \nAda Quist;x;04/11/1962\n\nName;Notes about the visit that go on and on;DOB\nAda;y;1962-04-11\n';
        const found = findTableCells(text, FIELD_CATEGORIES).map((s) => [text.slice(s.start, s.end), s.category]);
        expect(found).toEqual([
            ['Ada Quist', 'Name'],
            ['04/11/1962', 'Date']
        ]);
    });

    it('does not read prose cut at its commas as a table', () => {
        const text =
            'Name, date of birth, and address were verified.\nPatient tolerated it, no complications, will return.\n';
        expect(findTableCells(text, FIELD_CATEGORIES)).toEqual([]);
    });
});
