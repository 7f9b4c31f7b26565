/**
 * Shared redaction vectors of the Safe Harbor identifiers that are numbers and addresses on a network:
 * e-mail (F), URLs (N), IPs (O), SSNs (G), accounts (J), medical record and health plan numbers (H, I),
 * licences (K), vehicles (L) and devices (M).
 */
import { phi, type VectorSet } from './vector-set';

/** E-mail addresses, URLs and IP addresses. */
export function emailUrlIpVectors(v: VectorSet): void {
    // --- Safe Harbor (F) email
    v.inContexts(
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
    v.inContexts(
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
    v.inContexts(
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
    v.add('ip', 'Not an IPv4 address: octet above 255', ['Version 300.1.2.3 of the tool.']);
    v.add('ip', 'Not an IPv6 address: a time of day', ['Meet at 10:30:15 in the lobby.']);
}

/** SSNs and account numbers: payment cards, IBANs, labelled accounts. */
export function ssnAccountVectors(v: VectorSet): void {
    // --- (G) SSN
    v.inContexts(
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
    v.add('ssn', 'Labelled nine-digit SSN', ['SSN: ', phi('123456789', 'Ssn'), ' verified.']);
    v.add('ssn', 'Labelled nine-digit SSN, lower case label', ['ssn# ', phi('078051120', 'Ssn')]);
    v.add('ssn', 'Invalid SSN area 000 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('000-12-3456', 'Phone'),
        ' is a test value.'
    ]);
    v.add('ssn', 'Invalid SSN area 666 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('666-12-3456', 'Phone'),
        ' is a test value.'
    ]);
    v.add('ssn', 'Invalid SSN group 00 is not an SSN, but still a phone-shaped number', [
        'Code ',
        phi('123-00-4567', 'Phone'),
        '.'
    ]);
    // --- (J) account numbers: payment cards, IBAN, labelled
    v.inContexts(
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
    v.add('card', 'Luhn-invalid 16 digits are not a card', ['Order 4111-1111-1111-1112 shipped.']);
    v.inContexts(
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
    v.add('iban', 'IBAN with a wrong check is not an IBAN', ['Reference GB00WEST12345698765432 only.']);
    v.add('account', 'Labelled account number', [
        'Account No. ',
        phi('00012345678', 'AccountNumber'),
        ' is overdrawn.'
    ]);
    v.add('account', 'Labelled account number with #', ['acct# ', phi('AB-1234-99', 'AccountNumber')]);
    v.add('account', 'Account label followed by words is not a number', ['The account was closed last year.']);
}

/** Medical record, health plan, licence, vehicle and device numbers. */
export function recordNumberVectors(v: VectorSet): void {
    // --- (H) MRN, (I) health plan
    v.add('mrn', 'A mixed code of capitals and digits without a label', [
        'Lab results (',
        phi('1AT5M1QBTJ', 'Identifier'),
        ') collected today.'
    ]);
    v.add('mrn', 'Short lab codes, all-letter words and lot numbers stay', [
        'Check HBA1C, B12 and COVID-19; GLUCOSETOLERANCE test; lot 4471A.'
    ]);
    v.inContexts(
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
    v.add('mrn', 'MRN label without a number', ['MRN: pending from registration.']);
    v.inContexts(
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
    v.add('healthplan', 'Medicare beneficiary identifier', [
        'MBI ',
        phi('1EG4-TE5-MK73', 'HealthPlanId'),
        ' on the card.'
    ]);
    v.add('healthplan', 'Medicare beneficiary identifier without dashes', [
        'Card shows ',
        phi('1EG4TE5MK73', 'HealthPlanId'),
        '.'
    ]);
    // --- (K) licences, (L) vehicles, (M) devices
    v.inContexts(
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
    v.inContexts(
        'vehicle',
        'Vehicle identifier',
        'VehicleId',
        ['1HGCM82633A004352', 'JH4KA7561PC008269'],
        [
            ['VIN ', ' registered.'],
            ['Car ', ' towed.']
        ]
    );
    v.add('vehicle', 'Licence plate after a label', ['License plate: ', phi('7ABC123', 'VehicleId'), ' seen.']);
    v.add('vehicle', 'Seventeen characters with a wrong check digit are not a VIN', [
        'Code 1HGCM82633A004353 printed.'
    ]);
    v.inContexts(
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
    labelRetryVectors(v);
}

/** Plates after the bare word plate, and values after a label whose first reading fails (issue 16). */
function labelRetryVectors(v: VectorSet): void {
    v.add('vehicle', 'Plate after the bare word plate', ['Car with plate ', phi('ZQ44HFO', 'VehicleId'), ' towed.']);
    v.add('vehicle', 'A growth plate is not a vehicle', ['Fracture through the growth plate, no displacement.']);
    v.add('device', 'Serial number after a device name and serial', [
        'Pacemaker serial number ',
        phi('TRLP8R2X5Q', 'DeviceId'),
        ' interrogated.'
    ]);
    v.add('device', 'Serial number after the abbreviation SN and a colon or #', [
        'Pacemaker SN: ',
        phi('PM-88213-X', 'DeviceId'),
        ' checked; sn#',
        phi('AB1234', 'DeviceId'),
        '. The SN is unknown.'
    ]);
    v.add('identifier', 'Letters, a hyphen and digits without a label', [
        'Results for (',
        phi('K-726901', 'Identifier'),
        ') and ',
        phi('MRN-0042117', 'Identifier'),
        '.'
    ]);
    v.add('identifier', 'Short codes with a hyphen are not identifiers', ['COVID-19, ICD-10, W-2, HbA1c-7.']);
    v.add('photo', 'Image file named in the text', ['Wound photo ', phi('IMG_2041.jpg', 'Photo'), ' uploaded.']);
    v.add('photo', 'Image files of other kinds', [
        'See ',
        phi('chest_scan.DCM', 'Photo'),
        ' and ',
        phi('face.png', 'Photo'),
        '.'
    ]);
    v.add('photo', 'Other file types are not images', ['Report attached as summary.pdf and notes.txt.']);
}
