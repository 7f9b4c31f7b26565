/**
 * Shared redaction vectors of text shapes rather than identifier types: other scripts, overlapping matches,
 * adversarial spacing, text without PHI, pseudonymisation, and every class in every carrier sentence.
 */
import { PERSON } from './names-fields';
import { phi, type VectorSet } from './vector-set';

/** Other scripts, astral and full-width characters; overlapping matches. */
export function unicodeOverlapVectors(v: VectorSet): void {
    // --- Unicode: other scripts, astral characters, full-width digits
    v.add('unicode', 'Greek text without PHI is unchanged', ['Ο ασθενής είναι σταθερός.']);
    v.add('unicode', 'Cyrillic text without PHI is unchanged', ['Пациент в стабильном состоянии.']);
    v.add('unicode', 'Emoji before an email keeps UTF-16 offsets', ['😀😀 ', phi('jane@example.com', 'Email'), ' 👍']);
    v.add('unicode', 'Emoji between PHI items', [
        phi('555-123-4567', 'Phone'),
        ' 📞 ',
        phi('jane@example.com', 'Email')
    ]);
    v.add('unicode', 'Full-width digits in a phone number', ['Tel ', phi('５５５-１２３-４５６７', 'Phone'), '.']);
    v.add('unicode', 'Full-width at sign in an email', ['Mail ', phi('jane＠example.com', 'Email'), '.']);
    v.add('unicode', 'En dashes in an SSN', ['SSN ', phi('123–45–6789', 'Ssn'), '.']);
    v.add(
        'unicode',
        'Name with a combining accent from the record',
        ['Seen: ', phi('Jose\u0301 Quintana', 'Name'), '.'],
        { fields: { FirstName: 'Jose\u0301', LastName: 'Quintana' } }
    );
    v.add('unicode', 'Accented record name in upper case', ['PATIENT ', phi('ÉLODIE', 'Name'), ' STABLE'], {
        fields: { FirstName: 'Élodie' }
    });
    v.add('unicode', 'Japanese text is unchanged', ['患者は安定しています。']);
    v.add('unicode', 'Right-to-left text is unchanged', ['המטופל יציב.']);
    // --- overlapping matches: one span, the most specific category
    v.add(
        'overlap',
        'Email containing the record name is one Email span',
        ['Write ', phi('quentin.zarbock@example.org', 'Email'), '.'],
        { fields: PERSON }
    );
    v.add('overlap', 'SSN shape also looks like a phone: SSN wins', ['Number ', phi('219-09-9999', 'Ssn'), '.']);
    v.add('overlap', 'Date shape also looks like a phone: Date wins', ['On ', phi('12-25-1950', 'Date'), ' born.']);
    v.add('overlap', 'Card digits also look like a long number: card wins', [
        'Card ',
        phi('4012888888881881', 'AccountNumber'),
        '.'
    ]);
    v.add('overlap', 'Fax label and phone shape: Fax wins', ['Fax ', phi('(555) 123-9999', 'Fax'), '.']);
    v.add('overlap', 'Title and dictionary name give one span', ['Dr. ', phi('Margaret Johnson', 'Name'), ' signed.']);
    v.add('overlap', 'Street containing a dictionary name is one address', [
        'Lives at ',
        phi('14 Margaret Street', 'Address'),
        '.'
    ]);
    v.add(
        'overlap',
        'Record name inside a dictionary name span',
        ['Seen with ', phi('Quentin Zarbock Walsh', 'Name'), ' today.'],
        { fields: PERSON }
    );
    v.add('overlap', 'Adjacent PHI items stay separate', [
        '',
        phi('jane@example.com', 'Email'),
        ' ',
        phi('555-123-4567', 'Phone')
    ]);
}

/** Adversarial spacing and separators; text without PHI. */
export function spacingCleanVectors(v: VectorSet): void {
    // --- adversarial spacing and separators
    v.add(
        'spacing',
        'Phone with spaces around dashes from the record',
        ['Call ', phi('555 - 867 - 5309', 'Phone'), '.'],
        { fields: { Phone: '5558675309' } }
    );
    v.add('spacing', 'Phone with dots and brackets from the record', ['Call ', phi('(555).867.5309', 'Phone'), '.'], {
        fields: { Phone: '555-867-5309' }
    });
    v.add('spacing', 'SSN with no-break spaces', ['SSN ', phi('123\u00A045\u00A06789', 'Ssn'), '.']);
    v.add('spacing', 'Email with a zero-width joiner', ['Mail ', phi('jane\u200D@example.com', 'Email'), '.']);
    v.add('spacing', 'Card with a zero-width space', ['Card ', phi('4111 1111\u200B 1111 1111', 'AccountNumber'), '.']);
    v.add(
        'spacing',
        'Name split over lines with indentation',
        ['Patient:\n', phi('Quentin\n   Zarbock', 'Name'), '\n'],
        {
            fields: PERSON
        }
    );
    v.add('spacing', 'Name with many spaces', ['Patient ', phi('Quentin        Zarbock', 'Name'), '.'], {
        fields: PERSON
    });
    v.add('spacing', 'Thin space inside a phone number', ['Call ', phi('555\u2009123\u20094567', 'Phone'), '.']);
    v.add('spacing', 'Byte order mark inside an email', ['Mail ', phi('ja\uFEFFne@example.com', 'Email'), '.']);
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
        v.add('clean', 'Text without PHI is unchanged', [text]);
    }
}

/** Pseudonymize mode: deterministic tokens (HMAC-SHA256 under the test key). */
export function pseudonymVectors(v: VectorSet): void {
    // --- pseudonymize mode: deterministic tokens (HMAC-SHA256 under the test key)
    v.add('pseudo', 'Email pseudonymised', ['Write to ', phi('jane@example.com', 'Email'), '.'], {
        mode: 'pseudonymize'
    });
    v.add(
        'pseudo',
        'Same value, same token',
        ['', phi('555-123-4567', 'Phone'), ' or ', phi('555-123-4567', 'Phone')],
        {
            mode: 'pseudonymize'
        }
    );
    v.add(
        'pseudo',
        'Record name pseudonymised, case-insensitive token',
        ['', phi('Quentin Zarbock', 'Name'), ' and ', phi('QUENTIN ZARBOCK', 'Name')],
        {
            mode: 'pseudonymize',
            fields: PERSON
        }
    );
    v.add('pseudo', 'SSN pseudonymised', ['SSN ', phi('123-45-6789', 'Ssn')], { mode: 'pseudonymize' });
    v.add(
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
    v.add('pseudo', 'Text without PHI is unchanged', ['Nothing to hide here.'], { mode: 'pseudonymize' });

    // Combinatorial vectors: each identifier class in each carrier sentence, so every class is seen
}

/** Each identifier class in each carrier sentence: at the start, the middle and the end, by punctuation. */
export function matrixVectors(v: VectorSet): void {
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
            v.add('matrix', `${cat} in carrier ${JSON.stringify(before)}…${JSON.stringify(after)}`, [
                before,
                phi(value, cat),
                after
            ]);
        }
    }
}
