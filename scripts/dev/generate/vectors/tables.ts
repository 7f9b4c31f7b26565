/**
 * Shared redaction vectors of the seventh round: PHI in the rows of a table whose header row names its columns
 * (c/phiTables, PhiTableColumns.cls). Made up, not from any corpus: pipe tables pasted into notes, CSV and Data
 * Loader exports, tab-separated copies from a spreadsheet; one vector per column label, so the two twins' label
 * lists cannot drift apart; and the look-alikes that must stay (prose cut at its commas, software tables headed
 * "Name | Description", a year alone, ages under 90, a table's end).
 */
import { COLUMN_LABELS } from '../../../../force-app/main/gate/lwc/phiTables/phiTables';
import { phi, type VectorSet } from './vector-set';

/** A value of each category that the cell rules take (cellHoldsPhi). */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
    Name: 'Harlan Quist',
    Date: '03/04/1950',
    Address: 'Harrowdale',
    Phone: '555-201-3344',
    Fax: '555-201-3345',
    Email: 'h.quist@example.org',
    Ssn: '078-05-1120',
    Mrn: '4471920',
    HealthPlanId: 'XKP448201937',
    AccountNumber: '55120931',
    Identifier: 'C-884712',
    LicenseNumber: 'D1234567',
    VehicleId: '1HGCM82633A004352',
    DeviceId: 'SN-88412-XQ',
    IpAddress: '10.20.30.40',
    Url: 'https://portal.example.org/p/4471920',
    Age: '93'
};

export function tableColumnVectors(v: VectorSet): void {
    v.add('table', 'Pipe table with a rule row: every cell under a PHI column', [
        'Census:\n| Patient | DOB | MRN | Phone | Room |\n|---|---|---|---|---|\n| ',
        phi('Harlan Quist', 'Name'),
        ' | ',
        phi('03/04/1950', 'Date'),
        ' | ',
        phi('4471920', 'Mrn'),
        ' | ',
        phi('555-201-3344', 'Phone'),
        ' | 4B |\n| ',
        phi('Mira Ostrander', 'Name'),
        ' | ',
        phi('11/22/1961', 'Date'),
        ' | ',
        phi('5583021', 'Mrn'),
        ' | ',
        phi('555-771-0293', 'Phone'),
        ' | 7A |\n\nEnd of census.'
    ]);
    v.add('table', 'CSV export: a quoted name with a comma, a placeholder left alone', [
        'Name,D.O.B.,Member ID,City\n',
        phi('Tobias Fenwright', 'Name'),
        ',',
        phi('1948-02-11', 'Date'),
        ',',
        phi('XKP448201937', 'HealthPlanId'),
        ',',
        phi('Harrowdale', 'Address'),
        '\n"',
        phi('Lindahl, Greta', 'Name'),
        '",',
        phi('1955-07-30', 'Date'),
        ',N/A,',
        phi('Brackenford', 'Address'),
        '\n'
    ]);
    v.add('table', 'Tab-separated copy: an age of 90 or more, not under it', [
        'MRN\tAccount #\tCity\tAge\n',
        phi('8812034', 'Mrn'),
        '\t',
        phi('55120931', 'AccountNumber'),
        '\t',
        phi('Cresthaven', 'Address'),
        '\t',
        phi('93', 'Age'),
        '\n',
        phi('8812035', 'Mrn'),
        '\t',
        phi('55120932', 'AccountNumber'),
        '\t',
        phi('Dunmarsh', 'Address'),
        '\t45\n'
    ]);
    v.add('table', 'Data Loader header of Salesforce fields', [
        'Id,FirstName,LastName,Birthdate,MailingPostalCode\n0035g00000XyZabAAC,',
        phi('Quentin', 'Name'),
        ',',
        phi('Zarbock', 'Name'),
        ',',
        phi('1948-02-11', 'Date'),
        ',',
        phi('44101', 'Address'),
        '\n'
    ]);
    v.add('table', 'Semicolon export with labels written with _ and a #', [
        'patient_name;zip_code;Medical Record #\n',
        phi('Ines Ferreira', 'Name'),
        ';',
        phi('02134', 'Address'),
        ';',
        phi('MR-20931', 'Mrn'),
        '\n'
    ]);
    v.add('table', 'A table ends at a blank line and at a row of another width', [
        'Name | Phone\n',
        phi('Harlan Quist', 'Name'),
        ' | ',
        phi('555-201-3344', 'Phone'),
        '\nRoom 12 | Bed 4 | notes pending\n\nTotal | 2\n'
    ]);
    v.add('table', 'Prose cut at its commas, and a year alone under a date column, stay', [
        'Name, date of birth, and address were verified.\nTolerated the procedure well, no complications.\n' +
            'Name | Year of birth | DOB\nTBD | 1948 | 1948\n'
    ]);
    v.add('table', 'A software table with one PHI-like column stays', [
        '| Name | Description | Default |\n|------|-------------|---------|\n| `DEBUG_DEPTH` | Object inspection depth | 2 |\n'
    ]);
}

export function columnLabelVectors(v: VectorSet): void {
    for (const label of Object.keys(COLUMN_LABELS)) {
        const category = COLUMN_LABELS[label];
        const other = category === 'Mrn' ? ['DOB', '03/04/1950', 'Date'] : ['MRN', '4471920', 'Mrn'];
        v.add('table', `Column label ${JSON.stringify(label)}`, [
            `${label} | ${other[0]}\n`,
            phi(SAMPLE_VALUES[category], category),
            ' | ',
            phi(other[1], other[2]),
            '\n'
        ]);
    }
}
