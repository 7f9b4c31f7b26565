/**
 * Builds the PHI redaction test vectors shared by Jest (TypeScript) and the Apex tests (static resource
 * PhiRedactionVectors). Each vector is assembled from plain text and PHI items whose category the
 * generator knows, so the expected output comes from how the vector was built, not from running the
 * redactor: the placeholder (or pseudonym token) stands exactly where each PHI item was put.
 *
 *   npx tsx scripts/dev/generate/redaction-vectors.ts          write the file
 *   npx tsx scripts/dev/generate/redaction-vectors.ts --check  exit 1 when the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhiPattern } from '../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { placeholderFor, pseudonymToken, scanText } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';

export const VECTORS_PATH = 'force-app/tests/gate/staticresources/PhiRedactionVectors.json';
/** Test-only pseudonym key (never a production key): 32 bytes, hex. */
export const TEST_PSEUDONYM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

type Piece = string | { phi: string; cat: string };

export type Vector = {
    id: string;
    group: string;
    description: string;
    text: string;
    fields?: Record<string, string>;
    fieldCategories?: Record<string, string>;
    mode: 'redact' | 'pseudonymize';
    dictionary: boolean;
    expected: { text: string; categories: string[]; count: number };
};

export type VectorFile = {
    version: 1;
    description: string;
    pseudonymKeyHex: string;
    patterns: PhiPattern[];
    vectors: Vector[];
};

const vectors: Vector[] = [];
const counters = new Map<string, number>();

function phi(value: string, cat: string): Piece {
    return { phi: value, cat };
}

function add(
    group: string,
    description: string,
    pieces: Piece[],
    options: {
        fields?: Record<string, string>;
        fieldCategories?: Record<string, string>;
        mode?: 'redact' | 'pseudonymize';
        dictionary?: boolean;
    } = {}
): void {
    const n = (counters.get(group) ?? 0) + 1;
    counters.set(group, n);
    const mode = options.mode ?? 'redact';
    let text = '';
    let expected = '';
    const categories = new Set<string>();
    let count = 0;
    for (const piece of pieces) {
        if (typeof piece === 'string') {
            text += piece;
            expected += piece;
            continue;
        }
        text += piece.phi;
        count++;
        categories.add(piece.cat);
        expected +=
            mode === 'pseudonymize'
                ? pseudonymToken(piece.cat, scanText(piece.phi).text, TEST_PSEUDONYM_KEY)
                : placeholderFor(piece.cat, SHIPPED_PATTERNS);
    }
    vectors.push({
        id: `${group}-${String(n).padStart(3, '0')}`,
        group,
        description,
        text,
        ...(options.fields ? { fields: options.fields } : {}),
        ...(options.fieldCategories ? { fieldCategories: options.fieldCategories } : {}),
        mode,
        dictionary: options.dictionary ?? true,
        expected: { text: expected, categories: Array.from(categories).sort(), count }
    });
}

/** The same value in several carrier sentences. */
function inContexts(
    group: string,
    description: string,
    cat: string,
    values: string[],
    contexts: Array<[string, string]>
): void {
    values.forEach((value, i) => {
        const [before, after] = contexts[i % contexts.length];
        add(group, `${description}: ${JSON.stringify(value)}`, [before, phi(value, cat), after]);
    });
}

function build(): VectorFile {
    vectors.length = 0;
    counters.clear();

    // --- Safe Harbor (F) email
    inContexts(
        'email',
        'Email address',
        'Email',
        [
            'jane.doe@example.com',
            'j.doe+clinic@mail.example.org',
            'PATIENT_01@hospital.example.net',
            'a@b.co',
            'first-last@sub.domain.example.co.uk',
            'x%y@example.io'
        ],
        [
            ['Please write to ', ' before Friday.'],
            ['Email: ', ''],
            ['(', ')'],
            ['Reply to <', '> only.'],
            ['Contact ', ', thanks.'],
            ['Sent from ', '\n']
        ]
    );
    // --- (N) URLs
    inContexts(
        'url',
        'Web address',
        'Url',
        [
            'https://portal.example.com/patients/12345',
            'http://example.org/a?b=c&d=e',
            'HTTPS://EXAMPLE.COM/X',
            'ftp://files.example.net/scan.pdf',
            'www.example-clinic.com',
            'www.example.org/path/to/page'
        ],
        [
            ['See ', ' for results.'],
            ['Link: ', ''],
            ['(', ')'],
            ['Download ', ' now.'],
            ['Visit ', ' today.'],
            ['Portal ', '.']
        ]
    );
    // --- (O) IP addresses
    inContexts(
        'ip',
        'IP address',
        'IpAddress',
        [
            '192.168.10.25',
            '10.0.0.1',
            '255.255.255.255',
            '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
            'fe80::1ff:fe23:4567:890a',
            '2001:db8::8a2e:370:7334'
        ],
        [
            ['Login from ', ' was blocked.'],
            ['IP ', ''],
            ['[', ']'],
            ['Device at ', ' responded.'],
            ['Source address ', ', port 443.'],
            ['Host ', '.']
        ]
    );
    add('ip', 'Not an IPv4 address: octet above 255', ['Version 300.1.2.3 of the tool.']);
    add('ip', 'Not an IPv6 address: a time of day', ['Meet at 10:30:15 in the lobby.']);
    // --- (G) SSN
    inContexts(
        'ssn',
        'Social security number',
        'Ssn',
        ['123-45-6789', '078-05-1120', '219 09 9999', '536-90-4399'],
        [
            ['SSN ', ' on file.'],
            ['Social security: ', '.'],
            ['His number is ', ', confirmed.'],
            ['', '']
        ]
    );
    add('ssn', 'Labelled nine-digit SSN', ['SSN: ', phi('123456789', 'Ssn'), ' verified.']);
    add('ssn', 'Labelled nine-digit SSN, lower case label', ['ssn# ', phi('078051120', 'Ssn')]);
    add('ssn', 'Invalid SSN area 000 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('000-12-3456', 'Phone'),
        ' is a test value.'
    ]);
    add('ssn', 'Invalid SSN area 666 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('666-12-3456', 'Phone'),
        ' is a test value.'
    ]);
    add('ssn', 'Invalid SSN group 00 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('123-00-4567', 'Phone'),
        '.'
    ]);
    // --- (J) account numbers: payment cards, IBAN, labelled
    inContexts(
        'card',
        'Payment card (Luhn-valid)',
        'AccountNumber',
        [
            '4111111111111111',
            '4111 1111 1111 1111',
            '5500-0000-0000-0004',
            '378282246310005',
            '3782 822463 10005',
            '6011000990139424',
            '3530111333300000',
            '4012888888881881'
        ],
        [
            ['Card ', ' was declined.'],
            ['Paid with ', '.'],
            ['CC: ', ''],
            ['Number ', ' expired.']
        ]
    );
    add('card', 'Luhn-invalid 16 digits are not a card', ['Order 4111-1111-1111-1112 shipped.']);
    inContexts(
        'iban',
        'IBAN (mod-97 valid)',
        'AccountNumber',
        [
            'GB82WEST12345698765432',
            'DE89370400440532013000',
            'GB82 WEST 1234 5698 7654 32',
            'DE89 3704 0044 0532 0130 00',
            'gb82west12345698765432'
        ],
        [
            ['Transfer to ', ' please.'],
            ['IBAN ', '.'],
            ['Account ', ' closed.']
        ]
    );
    add('iban', 'IBAN with a wrong check is not an IBAN', ['Reference GB00WEST12345698765432 only.']);
    add('account', 'Labelled account number', ['Account No. ', phi('00012345678', 'AccountNumber'), ' is overdrawn.']);
    add('account', 'Labelled account number with #', ['acct# ', phi('AB-1234-99', 'AccountNumber')]);
    add('account', 'Account label followed by words is not a number', ['The account was closed last year.']);
    // --- (H) MRN, (I) health plan
    inContexts(
        'mrn',
        'Medical record number after a label',
        'Mrn',
        ['00123456', 'A12-3456', 'MR-778899', '98765'],
        [
            ['MRN: ', ' admitted.'],
            ['Medical record number ', '.'],
            ['Chart # ', ' reviewed.'],
            ['mrn ', '']
        ]
    );
    add('mrn', 'MRN label without a number', ['MRN: pending from registration.']);
    inContexts(
        'healthplan',
        'Health plan number after a label',
        'HealthPlanId',
        ['XYZ123456789', 'W1234-56789', '98765432101'],
        [
            ['Member ID: ', ' active.'],
            ['Policy number ', '.'],
            ['Medicaid ID ', ' verified.']
        ]
    );
    add('healthplan', 'Medicare beneficiary identifier', [
        'MBI ',
        phi('1EG4-TE5-MK73', 'HealthPlanId'),
        ' on the card.'
    ]);
    add('healthplan', 'Medicare beneficiary identifier without dashes', [
        'Card shows ',
        phi('1EG4TE5MK73', 'HealthPlanId'),
        '.'
    ]);
    // --- (K) licences, (L) vehicles, (M) devices
    inContexts(
        'license',
        'Licence number after a label',
        'LicenseNumber',
        ['D1234567', 'F162823540116', '6940579', 'X12-345-678'],
        [
            ["Driver's license number is ", '.'],
            ['DL: ', ' expires 2030.'],
            ['License No. ', ''],
            ['Passport ', ' issued abroad.']
        ]
    );
    inContexts(
        'vehicle',
        'Vehicle identifier',
        'VehicleId',
        ['1HGCM82633A004352', 'JH4KA7561PC008269'],
        [
            ['VIN ', ' registered.'],
            ['Car ', ' towed.']
        ]
    );
    add('vehicle', 'Licence plate after a label', ['License plate: ', phi('7ABC123', 'VehicleId'), ' seen.']);
    add('vehicle', 'Seventeen characters with a wrong check digit are not a VIN', ['Code 1HGCM82633A004353 printed.']);
    inContexts(
        'device',
        'Device identifier',
        'DeviceId',
        ['PM-2024-001122', 'SN998877AB', '00:1A:2B:3C:4D:5E', '00-1A-2B-3C-4D-5E'],
        [
            ['Pacemaker serial ', ' implanted.'],
            ['Serial number: ', ''],
            ['MAC ', ' joined.'],
            ['Adapter ', ' offline.']
        ]
    );
    // --- (C) dates and ages
    inContexts(
        'date',
        'Date',
        'Date',
        [
            '2024-03-01',
            '2024-03-01T09:30:00Z',
            '03/01/2024',
            '3/1/24',
            '01.03.2024',
            'March 1, 2024',
            'Mar 1st 2024',
            '1 March 2024',
            '1st of March, 2024',
            'March 2024',
            'december 25',
            '12-25-1950'
        ],
        [
            ['Admitted on ', ' overnight.'],
            ['DOB: ', ''],
            ['Seen ', '.'],
            ['(', ')']
        ]
    );
    add('date', 'A year alone is not a date element', ['Diagnosed in 1998 and treated since.']);
    add('date', 'Invalid month and day are not a date', ['Dose 13/45/2020 was a typo.']);
    inContexts(
        'age',
        'Age over 89',
        'Age',
        ['92', '101', '90', '115'],
        [
            ['Patient is ', ' years old.'],
            ['A ', '-year-old woman.'],
            ['Aged ', ', lives alone.'],
            ['Age: ', '']
        ]
    );
    add('age', 'Age 89 and under is not an identifier', ['Patient is 45 years old and well.']);
    add('age', 'Age 89 is not redacted', ['A 89-year-old man.']);
    // --- (D) phones, (E) fax
    inContexts(
        'phone',
        'Telephone number',
        'Phone',
        [
            '(555) 123-4567',
            '555-123-4567',
            '555.123.4567',
            '+1 555 123 4567',
            '1-800-555-0199',
            '555-123-4567 ext. 89',
            '+44 20 7946 0958',
            '+49 (0)30 1234567',
            '0044 20 7946 0958',
            '020 7946 0958',
            '(08) 8747 6301',
            '06 12 34 56 78',
            '555 1234',
            '9472 7916',
            '5403926876',
            '+447700900123'
        ],
        [
            ['Call ', ' after 5.'],
            ['Phone: ', ''],
            ['Reach me on ', ', thanks.'],
            ['(', ')']
        ]
    );
    add('phone', 'Short numbers are not phones', ['Take 2 tablets 3 times daily for 10 days.']);
    add('fax', 'Fax after a label', ['Fax: ', phi('555-123-4568', 'Fax'), ' for records.']);
    add('fax', 'Fax with country code after a label', ['Facsimile ', phi('+41 22 555 12 34', 'Fax'), '.']);
    // --- (B) addresses
    inContexts(
        'address',
        'Street address',
        'Address',
        [
            '1600 Pennsylvania Avenue',
            '221B Baker Street',
            '12 N. Main St.',
            '350 Fifth Avenue',
            '42 Elm Street, Apt 5',
            '1 Infinite Loop',
            '77 Massachusetts Ave',
            '8 Rue de la Paix'
        ],
        [
            ['Lives at ', ' with family.'],
            ['Address: ', ''],
            ['Moved to ', '.']
        ]
    );
    inContexts(
        'address',
        'European street address',
        'Address',
        [
            'Hauptstraße 5',
            'Koskikatu 25',
            'Storgatan 12',
            'Via Roma 10',
            'Rue de Rivoli 99',
            'Calle Mayor 7',
            'ul. Długa 44',
            'Keizersgracht 123'
        ],
        [
            ['Wohnt in der ', ' seit Jahren.'],
            ['Address: ', ''],
            ['Send it to ', ' please.']
        ]
    );
    add('address', 'Post office box', ['Mail to ', phi('P.O. Box 1234', 'Address'), ' only.']);
    add('address', 'Post office box without dots', ['Mail to ', phi('PO Box 77', 'Address'), '.']);
    add('address', 'Military address', ['Ship to ', phi('PSC 1234, Box 5678\nAPO AE 09876', 'Address'), '.']);
    add('address', 'Unit number alone', ['Deliver to ', phi('Suite 300', 'Address'), ' reception.']);
    add('address', 'US ZIP after a state', ['State: ', phi('IL 62704', 'Address'), ' office.']);
    add('address', 'ZIP+4 after a state', ['Mail: ', phi('TX 78701-1234', 'Address'), '.']);
    add('address', 'ZIP after a state and a comma', ['zone 4, ', phi('IL, 62704', 'Address'), ' area']);
    add('address', 'Canadian postal code', ['Province ON ', phi('M5V 3L9', 'Address'), ' branch.']);
    add('address', 'UK postcode', ['Office at ', phi('SW1A 1AA', 'Address'), ' closed.']);
    add('address', 'A city next to a postal code is part of the address', [
        'Office: ',
        phi('Oakhaven 62704', 'Address'),
        '.'
    ]);
    add('address', 'Postal code after a label', ['Zip code: ', phi('02134', 'Address'), '.']);
    add('address', 'Multi-line address block', [
        'Send to:\n',
        phi('12 Harbour Road\nApt 4\nPORTSMOUTH\nUnited Kingdom 12345', 'Address'),
        '\n\nThanks.'
    ]);
    add('address', 'Address with city and country', [
        'Ship to ',
        phi('5570 Kaarikatu 32 Apt. 353, Danmarkshavn, Greenland 87967', 'Address'),
        '. Fast.'
    ]);
    // --- (A) names from patterns (titles, cues) and from the dictionary
    inContexts(
        'name-title',
        'Name after a title',
        'Name',
        ['Smith', 'Jane Smith', 'J. Smith', 'Ferko Takáts', "O'Brien", 'Mary-Jane Watson'],
        [
            ['Seen by Dr. ', ' today.'],
            ['Mrs ', ' called.'],
            ['Referred to Prof. ', '.']
        ]
    );
    inContexts(
        'name-cue',
        'Name after a cue',
        'Name',
        ['Rubija', 'Sölvi Salómonsson', 'Aantje Mourik', 'Quinzel Harleen'],
        [
            ['My name is ', '.'],
            ["What's your name? ", ''],
            ['Patient: ', '\nAge: 45'],
            ['Dear ', ',\n']
        ]
    );
    inContexts(
        'name-dict',
        'Dictionary name',
        'Name',
        ['Margaret', 'Johnson', 'Catherine', 'Kevin Walsh', 'Hannah McConnan', 'Teresa Kreutzmann', 'Emilie Broberg'],
        [
            ['Yesterday ', ' came in with chest pain.'],
            ['The report was signed and reviewed by ', ' this morning.'],
            ['Follow-up booked; ', ' will attend.']
        ]
    );
    add('name-dict', 'Given name, initial and family name', [
        'Consulted with ',
        phi('Faina D. Yefremova', 'Name'),
        ' on the case.'
    ]);
    add('name-dict', 'Possessive of a dictionary name', ['It was ', phi("Margaret's", 'Name'), ' idea.']);
    add('name-dict', 'Accented name folded to the dictionary', [
        'Notes from ',
        phi('José García', 'Name'),
        ' attached.'
    ]);
    add('name-dict', 'Lower-case given and family name', [
        'follow up with ',
        phi('patricia desrosiers', 'Name'),
        ' in a month.'
    ]);
    add('name-dict', 'Two ambiguous names together', ['Yesterday ', phi('Grace Hope', 'Name'), ' was discharged.']);
    add('name-dict', 'An ambiguous name alone is not redacted', ['Yesterday we had grace and hope.']);
    add('name-dict', 'Sentence-initial common words are not names', ['Will you bring the forms? Grace is not needed.']);
    add('name-dict', 'Capitalised non-names are not redacted', ['The Hospital Board met on Monday in the East Wing.']);
    add('name-dict', 'Names in a list', [
        'Present: ',
        phi('Margaret', 'Name'),
        ', ',
        phi('Kevin', 'Name'),
        ' and ',
        phi('Catherine', 'Name'),
        '.'
    ]);
    add('name-dict', 'Without the dictionary only patterns apply', ['Yesterday Margaret came in.'], {
        dictionary: false
    });
    // --- record fields: the source record's own values, case and whitespace variants
    const person = { FirstName: 'Quentin', LastName: 'Zarbock' };
    add(
        'field',
        'First and last name from the record',
        ['Patient ', phi('Quentin Zarbock', 'Name'), ' reports pain.'],
        { fields: person }
    );
    add(
        'field',
        'Upper-case variant of the record name',
        ['PATIENT ', phi('QUENTIN ZARBOCK', 'Name'), ' DISCHARGED.'],
        { fields: person }
    );
    add('field', 'Lower-case variant of the record name', ['spoke with ', phi('quentin zarbock', 'Name'), ' today.'], {
        fields: person
    });
    add('field', 'Double space between the names', ['Visit by ', phi('Quentin  Zarbock', 'Name'), '.'], {
        fields: person
    });
    add('field', 'Line break between the names', ['Signed:\n', phi('Quentin\nZarbock', 'Name'), '\n'], {
        fields: person
    });
    add('field', 'Tab between the names', ['Name\t', phi('Quentin\tZarbock', 'Name'), '\tok'], { fields: person });
    add('field', 'No-break space between the names', ['Mr\u00A0', phi('Quentin\u00A0Zarbock', 'Name'), ' arrived.'], {
        fields: person
    });
    add('field', 'Zero-width space inside the name', ['Patient ', phi('Quen\u200Btin Zarbock', 'Name'), ' left.'], {
        fields: person
    });
    add('field', 'Soft hyphen inside the family name', ['Patient ', phi('Zar\u00ADbock', 'Name'), ' left.'], {
        fields: person
    });
    add('field', 'Record name written family name first', ['Patient ', phi('Zarbock, Quentin', 'Name'), ' seen.'], {
        fields: person
    });
    add('field', 'Record name followed by a comma', ['', phi('Quentin Zarbock', 'Name'), ', aged 45, stable.'], {
        fields: person
    });
    add('field', 'Family name alone', ['Mr. ', phi('Zarbock', 'Name'), ' was informed.'], { fields: person });
    add('field', 'Given name alone, mid-sentence', ['Told ', phi('quentin', 'Name'), ' to rest.'], { fields: person });
    add('field', 'Name inside a longer word is not masked', ['Quentinville and Zarbockian are places.'], {
        fields: person,
        dictionary: false
    });
    add('field', 'Phone from the record with other separators', ['Call ', phi('555.867.5309', 'Phone'), ' today.'], {
        fields: { ...person, Phone: '(555) 867-5309' }
    });
    add('field', 'Phone from the record written with spaces', ['Mobile ', phi('555 867 5309', 'Phone'), '.'], {
        fields: { MobilePhone: '+1-555-867-5309' }
    });
    add('field', 'Email from the record in upper case', ['Write to ', phi('Q.ZARBOCK@EXAMPLE.ORG', 'Email'), '.'], {
        fields: { Email: 'q.zarbock@example.org' }
    });
    add('field', 'Birthdate from the record, US form', ['Born ', phi('07/04/1961', 'Date'), ' per chart.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    add('field', 'Birthdate from the record, month name', ['Born ', phi('July 4, 1961', 'Date'), '.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    add('field', 'Birthdate from the record, European form', ['Geboren am ', phi('04.07.1961', 'Date'), '.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    add('field', 'Street from the record', ['Lives at ', phi('9 Quarry Lane', 'Address'), ' now.'], {
        fields: { MailingStreet: '9 Quarry Lane' }
    });
    add('field', 'City from the record', ['Moved to ', phi('Oakhaven', 'Address'), ' last year.'], {
        fields: { MailingCity: 'Oakhaven' }
    });
    add('field', 'Custom MRN field with a category', ['Chart ', phi('ZX-99812', 'Mrn'), ' updated.'], {
        fields: { ChartNumber__c: 'ZX-99812' },
        fieldCategories: { ChartNumber__c: 'Mrn' }
    });
    add('field', 'Unknown custom field counts as an identifier', ['Ref ', phi('QQ7781', 'Identifier'), ' noted.'], {
        fields: { LegacyRef__c: 'QQ7781' }
    });
    add('field', 'Empty and one-letter fields are ignored', ['Patient A is stable.'], {
        fields: { FirstName: '', MiddleName: 'A', LastName: '' }
    });
    // --- Unicode: other scripts, astral characters, full-width digits
    add('unicode', 'Greek text without PHI is unchanged', ['Ο ασθενής είναι σταθερός.']);
    add('unicode', 'Cyrillic text without PHI is unchanged', ['Пациент в стабильном состоянии.']);
    add('unicode', 'Emoji before an email keeps UTF-16 offsets', ['😀😀 ', phi('jane@example.com', 'Email'), ' 👍']);
    add('unicode', 'Emoji between PHI items', [phi('555-123-4567', 'Phone'), ' 📞 ', phi('jane@example.com', 'Email')]);
    add('unicode', 'Full-width digits in a phone number', ['Tel ', phi('５５５-１２３-４５６７', 'Phone'), '.']);
    add('unicode', 'Full-width at sign in an email', ['Mail ', phi('jane＠example.com', 'Email'), '.']);
    add('unicode', 'En dashes in an SSN', ['SSN ', phi('123–45–6789', 'Ssn'), '.']);
    add(
        'unicode',
        'Name with a combining accent from the record',
        ['Seen: ', phi('Jose\u0301 Quintana', 'Name'), '.'],
        { fields: { FirstName: 'Jose\u0301', LastName: 'Quintana' } }
    );
    add('unicode', 'Accented record name in upper case', ['PATIENT ', phi('ÉLODIE', 'Name'), ' STABLE'], {
        fields: { FirstName: 'Élodie' }
    });
    add('unicode', 'Japanese text is unchanged', ['患者は安定しています。']);
    add('unicode', 'Right-to-left text is unchanged', ['המטופל יציב.']);
    // --- overlapping matches: one span, the most specific category
    add(
        'overlap',
        'Email containing the record name is one Email span',
        ['Write ', phi('quentin.zarbock@example.org', 'Email'), '.'],
        { fields: person }
    );
    add('overlap', 'SSN shape also looks like a phone: SSN wins', ['Number ', phi('219-09-9999', 'Ssn'), '.']);
    add('overlap', 'Date shape also looks like a phone: Date wins', ['On ', phi('12-25-1950', 'Date'), ' born.']);
    add('overlap', 'Card digits also look like a long number: card wins', [
        'Card ',
        phi('4012888888881881', 'AccountNumber'),
        '.'
    ]);
    add('overlap', 'Fax label and phone shape: Fax wins', ['Fax ', phi('(555) 123-9999', 'Fax'), '.']);
    add('overlap', 'Title and dictionary name give one span', ['Dr. ', phi('Margaret Johnson', 'Name'), ' signed.']);
    add('overlap', 'Street containing a dictionary name is one address', [
        'Lives at ',
        phi('14 Margaret Street', 'Address'),
        '.'
    ]);
    add(
        'overlap',
        'Record name inside a dictionary name span',
        ['Seen with ', phi('Quentin Zarbock Walsh', 'Name'), ' today.'],
        { fields: person }
    );
    add('overlap', 'Adjacent PHI items stay separate', [
        '',
        phi('jane@example.com', 'Email'),
        ' ',
        phi('555-123-4567', 'Phone')
    ]);
    // --- adversarial spacing and separators
    add(
        'spacing',
        'Phone with spaces around dashes from the record',
        ['Call ', phi('555 - 867 - 5309', 'Phone'), '.'],
        { fields: { Phone: '5558675309' } }
    );
    add('spacing', 'Phone with dots and brackets from the record', ['Call ', phi('(555).867.5309', 'Phone'), '.'], {
        fields: { Phone: '555-867-5309' }
    });
    add('spacing', 'SSN with no-break spaces', ['SSN ', phi('123\u00A045\u00A06789', 'Ssn'), '.']);
    add('spacing', 'Email with a zero-width joiner', ['Mail ', phi('jane\u200D@example.com', 'Email'), '.']);
    add('spacing', 'Card with a zero-width space', ['Card ', phi('4111 1111\u200B 1111 1111', 'AccountNumber'), '.']);
    add('spacing', 'Name split over lines with indentation', ['Patient:\n', phi('Quentin\n   Zarbock', 'Name'), '\n'], {
        fields: person
    });
    add('spacing', 'Name with many spaces', ['Patient ', phi('Quentin        Zarbock', 'Name'), '.'], {
        fields: person
    });
    add('spacing', 'Thin space inside a phone number', ['Call ', phi('555\u2009123\u20094567', 'Phone'), '.']);
    add('spacing', 'Byte order mark inside an email', ['Mail ', phi('ja\uFEFFne@example.com', 'Email'), '.']);
    // --- no PHI at all
    for (const text of [
        'Patient reports mild headache, no fever.',
        'Take 500 mg twice daily with food.',
        'BP 120/80, HR 72, SpO2 98%.',
        'Follow up in 2 weeks.',
        'No known drug allergies.',
        'Labs: Na 140, K 4.1, Cr 0.9.',
        'Discussed risks and benefits of the procedure.',
        'The weather in spring is mild.',
        'Version 2.3.1 was installed.',
        'Dose: 0.5 mL subcutaneous.',
        ''
    ]) {
        add('clean', 'Text without PHI is unchanged', [text]);
    }
    // --- pseudonymize mode: deterministic tokens (HMAC-SHA256 under the test key)
    add('pseudo', 'Email pseudonymised', ['Write to ', phi('jane@example.com', 'Email'), '.'], {
        mode: 'pseudonymize'
    });
    add('pseudo', 'Same value, same token', ['', phi('555-123-4567', 'Phone'), ' or ', phi('555-123-4567', 'Phone')], {
        mode: 'pseudonymize'
    });
    add(
        'pseudo',
        'Record name pseudonymised, case-insensitive token',
        ['', phi('Quentin Zarbock', 'Name'), ' and ', phi('QUENTIN ZARBOCK', 'Name')],
        {
            mode: 'pseudonymize',
            fields: person
        }
    );
    add('pseudo', 'SSN pseudonymised', ['SSN ', phi('123-45-6789', 'Ssn')], { mode: 'pseudonymize' });
    add(
        'pseudo',
        'Several categories pseudonymised',
        [
            'Dr. ',
            phi('Margaret Johnson', 'Name'),
            ' at ',
            phi('192.168.1.20', 'IpAddress'),
            ' on ',
            phi('2024-03-01', 'Date')
        ],
        {
            mode: 'pseudonymize'
        }
    );
    add('pseudo', 'Text without PHI is unchanged', ['Nothing to hide here.'], { mode: 'pseudonymize' });

    // Combinatorial vectors: each identifier class in each carrier sentence, so every class is seen
    // at the start, the middle and the end of a text and next to punctuation.
    const classes: Array<[string, string]> = [
        ['jane.roe@example.net', 'Email'],
        ['https://example.com/r/8841', 'Url'],
        ['172.16.254.1', 'IpAddress'],
        ['536-90-4399', 'Ssn'],
        ['5500 0000 0000 0004', 'AccountNumber'],
        ['(212) 555-0188', 'Phone'],
        ['2023-11-30', 'Date'],
        ['P.O. Box 5150', 'Address'],
        ['1HGCM82633A004352', 'VehicleId'],
        ['00:1A:2B:3C:4D:5E', 'DeviceId']
    ];
    const carriers: Array<[string, string]> = [
        ['', ''],
        ['Value: ', ''],
        ['', ' is on file.'],
        ['Note (', ') added.'],
        ['"', '"'],
        ['Line one\n', '\nLine three'],
        ['See also; ', '; end'],
        ['\t', '\t']
    ];
    for (const [value, cat] of classes) {
        for (const [before, after] of carriers) {
            add('matrix', `${cat} in carrier ${JSON.stringify(before)}…${JSON.stringify(after)}`, [
                before,
                phi(value, cat),
                after
            ]);
        }
    }
    return {
        version: 1,
        description:
            'PHI redaction test vectors shared by the TypeScript (Jest) and Apex tests. Built by scripts/dev/generate/redaction-vectors.ts; see docs/gate.md.',
        pseudonymKeyHex: TEST_PSEUDONYM_KEY,
        patterns: SHIPPED_PATTERNS.slice(),
        vectors: vectors.slice()
    };
}

export function vectorFileText(): string {
    return JSON.stringify(build(), null, 2) + '\n';
}

const LINE = {
    name: 'redaction-vectors',
    summary: 'Writes the PHI redaction test vectors shared by Jest and the Apex tests.',
    options: {
        check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' }
    }
} as const satisfies CommandLine;

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const root = findProjectRoot();
    const path = join(root, VECTORS_PATH);
    const text = vectorFileText();
    if (parsed.values.check) {
        let current = '';
        try {
            current = readFileSync(path, 'utf8');
        } catch {
            current = '';
        }
        if (current !== text) {
            process.stderr.write(`${VECTORS_PATH} is stale: run npx tsx scripts/dev/generate/redaction-vectors.ts\n`);
            return 1;
        }
        return 0;
    }
    writeFileSync(path, text);
    const file = JSON.parse(text) as VectorFile;
    process.stdout.write(`Wrote ${file.vectors.length} vectors to ${VECTORS_PATH}.\n`);
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
