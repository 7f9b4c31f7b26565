/**
 * Shared redaction vectors of dates and ages over 89 (Safe Harbor C), phones and faxes (D, E) and addresses
 * smaller than a state (B).
 */
import { phi, type VectorSet } from './vector-set';

/** Dates in their written forms, and ages over 89. */
export function dateAgeVectors(v: VectorSet): void {
    // --- (C) dates and ages
    v.inContexts(
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
    v.add('date', 'A year alone is not a date element', ['Diagnosed in 1998 and treated since.']);
    v.add('date', 'Invalid month and day are not a date', ['Dose 13/45/2020 was a typo.']);
    v.inContexts(
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
    v.add('date', 'Year first with slashes or dots', [
        'Admitted: ',
        phi('2024/03/09', 'Date'),
        ', discharged ',
        phi('2024.03.12', 'Date'),
        '.'
    ]);
    v.add('date', 'Month and day after a weekday', [
        'Next appt Tue ',
        phi('3/19', 'Date'),
        ' at 2pm, or Wednesday, ',
        phi('3/20', 'Date'),
        '. Take 1/2 tab Fri.'
    ]);
    v.add('age', 'Age over 89 in words', [
        'He is ',
        phi('ninety-three', 'Age'),
        ' years old; a ',
        phi('one hundred and two', 'Age'),
        '-year-old neighbour; her son is nineteen years old.'
    ]);
    v.add('age', 'Age 89 and under is not an identifier', ['Patient is 45 years old and well.']);
    v.add('age', 'Age 89 is not redacted', ['A 89-year-old man.']);
    dateFormVectors(v);
}

/** Phone and fax numbers. */
export function phoneVectors(v: VectorSet): void {
    // --- (D) phones, (E) fax
    v.inContexts(
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
    v.add('phone', 'Short numbers are not phones', ['Take 2 tablets 3 times daily for 10 days.']);
    v.add('fax', 'Fax after a label', ['Fax: ', phi('555-123-4568', 'Fax'), ' for records.']);
    v.add('fax', 'Fax with country code after a label', ['Facsimile ', phi('+41 22 555 12 34', 'Fax'), '.']);
}

/** Street addresses, units, post boxes, postal codes. */
export function addressVectors(v: VectorSet): void {
    // --- (B) addresses
    v.inContexts(
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
    v.inContexts(
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
    v.add('address', 'Post office box', ['Mail to ', phi('P.O. Box 1234', 'Address'), ' only.']);
    v.add('address', 'Post office box without dots', ['Mail to ', phi('PO Box 77', 'Address'), '.']);
    v.add('address', 'Military address', ['Ship to ', phi('PSC 1234, Box 5678\nAPO AE 09876', 'Address'), '.']);
    v.inContexts(
        'address',
        'Military address in any case, with a ship or a ZIP+4',
        'Address',
        [
            'unit 1009 box 0219\ndpo ap 51065',
            'psc 5420, box 2708\napo aa 33879',
            'USNS Comfort\nFPO AE 09123',
            'uscgc healy fpo ap 98799',
            'CMR 402 Box 118, APO AE 09180-0118'
        ],
        [
            ['send it to ', ' please'],
            ['Mailing address:\n', '\n\nThanks.']
        ]
    );
    v.add('address', 'The APO and a ship without the military line stay', [
        'The APO was notified. USS Constitution is a museum ship, USNS Comfort a hospital ship; FPO review pending.'
    ]);
    v.add('address', 'Unit number alone', ['Deliver to ', phi('Suite 300', 'Address'), ' reception.']);
    v.add('address', 'US ZIP after a state', ['State: ', phi('IL 62704', 'Address'), ' office.']);
    v.add('address', 'ZIP+4 after a state', ['Mail: ', phi('TX 78701-1234', 'Address'), '.']);
    v.add('address', 'ZIP after a state and a comma', ['zone 4, ', phi('IL, 62704', 'Address'), ' area']);
    v.add('address', 'Canadian postal code', ['Province ON ', phi('M5V 3L9', 'Address'), ' branch.']);
    v.add('address', 'UK postcode', ['Office at ', phi('SW1A 1AA', 'Address'), ' closed.']);
    v.add('address', 'A city next to a postal code is part of the address', [
        'Office: ',
        phi('Oakhaven 62704', 'Address'),
        '.'
    ]);
    v.add('address', 'Postal code after a label', ['Zip code: ', phi('02134', 'Address'), '.']);
    v.add('address', 'Multi-line address block', [
        'Send to:\n',
        phi('12 Harbour Road\nApt 4\nPORTSMOUTH\nUnited Kingdom 12345', 'Address'),
        '\n\nThanks.'
    ]);
    v.add('address', 'Address with city and country', [
        'Ship to ',
        phi('5570 Kaarikatu 32 Apt. 353, Danmarkshavn, Greenland 87967', 'Address'),
        '. Fast.'
    ]);
    countyVectors(v);
    townVectors(v);
}

/**
 * Towns without a street (issue 16): after a label, a care site, a travel verb, a locative word when shaped
 * like a place name, and before a state code and ZIP; street suffixes of USPS Publication 28; what stays.
 */
function townVectors(v: VectorSet): void {
    v.add('address', 'Town after a label', ['City: ', phi('Kenosha', 'Address'), '\nState: Wisconsin']);
    v.add('address', 'Birthplace after a label', ['Birthplace: ', phi('Awenne', 'Address'), '.']);
    v.add('address', 'Town of a clinic', ['Follow up at the new clinic in ', phi('Fort Collins', 'Address'), '.']);
    v.inContexts(
        'address',
        'Place-shaped word after a locative word',
        'Address',
        ['Oakville', 'Greenfield', 'North Haven', 'Lake Elsinore', 'Newport', 'Ashbury'],
        [
            ['Transferred from ', ' by ambulance.'],
            ['Family lives near ', '.'],
            ['Joined the call from ', ' today.']
        ]
    );
    v.add('address', 'Place-shaped town in a clinic name', ['Seen at the ', phi('Riverton', 'Address'), ' clinic.']);
    v.add('address', 'Town before a state code and ZIP', ['Mail to ', phi('Kenosha, WI 53140', 'Address'), ' please.']);
    v.add('address', 'Place after a travel verb with New', ['She moved to ', phi('New Ulm', 'Address'), ' in 2019.']);
    v.add('address', 'I am in a town', ["I'm in ", phi('Sutri', 'Address'), ' for work.']);
    v.inContexts(
        'address',
        'Street suffixes of USPS Publication 28',
        'Address',
        ['48 Willow Glens', '7 Harbor Manors', '310 Quarry Points', '12 Cedar Rapid'],
        [['Lives at ', ' with family.']]
    );
    v.add('address', 'Street line numbered on both sides, lower case', [
        'She lives at ',
        phi('255 hersnapvej 18', 'Address'),
        ' now.'
    ]);
    v.add('address', 'Street line numbered on both sides after an address label', [
        'Address:\n',
        phi('2224 Trenerys gate 232', 'Address'),
        '\n'
    ]);
    v.add('address', 'Doses after stay and taper words stay', [
        'Stay on 20 mg daily 2 weeks, then taper off 10 mg daily 7 days.'
    ]);
    v.add('address', 'States, countries, wings and ordinary words ending like places stay', [
        'Moved to New York from Scotland, then to North Carolina. Sent to Support; the Report is in Review. Walk to East Wing.'
    ]);
}

/** The written date forms and age phrasings added for issue 16, with the look-alikes that must stay. */
function dateFormVectors(v: VectorSet): void {
    v.inContexts(
        'date',
        'Weekday and ordinal day',
        'Date',
        ['Tuesday the 4th', 'Sat 3rd', 'wednesday the 21st', 'Thurs. 30th'],
        [
            ['Seen on ', ' for review.'],
            ['Call back ', '.']
        ]
    );
    v.inContexts(
        'date',
        'Day, month name and year with hyphens or slashes',
        'Date',
        ['04-Mar-2021', '4/March/21', '30-SEP-1999'],
        [
            ['Collected ', ': normal.'],
            ['DOB ', '']
        ]
    );
    v.add('date', 'Month/day after a date word', [
        'Seen on ',
        phi('3/4', 'Date'),
        ' and due ',
        phi('12/22', 'Date'),
        '.'
    ]);
    v.add('date', 'Month/day after since and DOB', [
        'Worse since ',
        phi('9/10', 'Date'),
        '; DOB: ',
        phi('1/7', 'Date')
    ]);
    v.add('date', 'Fractions and scores are not dates', [
        'Pain 7/10, took 1/2 tablet, strength 4/5, on 1/2 tab daily.'
    ]);
    v.add('date', 'Weekday alone and an ordinal without a weekday are not dates', [
        'Every Tuesday; the 4th dose is due.'
    ]);
    v.inContexts(
        'age',
        'Age over 89 after a person and a verb',
        'Age',
        ['93', '101'],
        [
            ['She is ', ' and still drives.'],
            ['The patient turned ', ' last week.']
        ]
    );
    v.add('age', 'Vital signs after is are not ages', ['HR is 95 bpm, sat was 96%, weight was 98 kg, he is 45.']);
}

/** Counties, parishes and boroughs by name (issue 16). */
function countyVectors(v: VectorSet): void {
    v.inContexts(
        'address',
        'County by name',
        'Address',
        ['Pike County', 'Saint Clair Parish', 'Fayette County'],
        [
            ['Nursing home resident in ', ', admitted.'],
            ['Farmer from ', ' with COPD.']
        ]
    );
    v.add('address', 'The word county alone is not a place', ['The county health office called.']);
    v.add('address', 'Place after living, moving or being born there', [
        'She lives in ',
        phi('Springfield', 'Address'),
        ' and grew up in ',
        phi('Port Paien', 'Address'),
        '.'
    ]);
    v.add('address', 'States, countries, months and care settings after such verbs stay', [
        'Moved from Georgia in May, born in Mexico, came to Rehab.'
    ]);
}
