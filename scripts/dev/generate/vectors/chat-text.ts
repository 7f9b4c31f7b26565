/**
 * Shared redaction vectors of the fifth round, from hand probes of chat and note text, not from any corpus:
 * addresses as patients type them in chats (all in lower case, with a lower-case town and state code after
 * the street), a relative's name after a capitalised word for the relative that opens a note's sentence, and
 * the shorter ways chats and notes write a date (next 12/15, on the 14th, 12-Jan, march of 1958, feb '19), and
 * what call centres and chats say of ages, SSNs and email addresses (grandma turned 91, last 4 of ssn 6789, jane
 * dot doe at gmail dot com), and the device and account identifiers of support notes (a GS1 UDI, a portal user
 * name).
 * Each with the look-alikes that must stay.
 */
import { phi, type VectorSet } from './vector-set';

export function chatAddressVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Street address in lower case',
        'Address',
        ['1220 s boston ave apt 4', '88 elm street', '4410 n main st', '77 w 23rd st.', '5 cedar hollow rd, unit 3'],
        [
            ['i live at ', '\n'],
            ['Patient: ', ' is my new address'],
            ['moved to ', ' last week.']
        ]
    );
    v.add('chat', 'Lower-case street, town and state code with a ZIP code', [
        'my address is ',
        phi('4410 n main st tulsa ok 74103', 'Address'),
        ', thanks'
    ]);
    v.add('chat', 'Lower-case street, then a town and state code after a comma', [
        'Patient: ',
        phi('1220 s boston ave apt 4, tulsa ok', 'Address'),
        '\nAgent: Got it.'
    ]);
    v.add('chat', 'Counts and durations before a street-like word stay', [
        'it is a 2 hour drive from here. there is 1 other way. 3 blocks down the road. take 2 tablets per day.'
    ]);
    v.add('chat', 'Words after an address are no town without a state code', [
        'Lives at ',
        phi('12 Oak St', 'Address'),
        ' and then ok with it.'
    ]);
    v.add('chat', 'A walk along a trail stays', ['we walked 2 miles along the trail, then 3 laps at the park']);
}

/** A capitalised word for a relative that opens the sentence, then one ambiguous or word name. */
export function relativeOpeningVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Name after a capitalised relative word at a sentence start',
        'Name',
        ['Dale', 'Autumn', 'Bill'],
        [
            ['Husband ', ' present.'],
            ['Seen today. Daughter ', ' at bedside.'],
            ['Brother ', ' paid the copay.']
        ]
    );
    v.inContexts(
        'chat',
        'Unknown name after an in-law, a caregiver or a partner word',
        'Name',
        ['Ngozi', 'Temitope', 'Zayd'],
        [
            ['Contact: daughter-in-law ', ' at home.'],
            ['her caregiver ', ' called.'],
            ['my boyfriend ', ' will drive.']
        ]
    );
    v.add('chat', 'A relative word at a sentence start before a common word stays', [
        'Husband present at bedside. Daughter called back.'
    ]);
}

/** Dates as chats and notes shorten them: a bare month/day or a day alone after a cue word, no year. */
export function shortDateVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Month and day after a cue word',
        'Date',
        ['12/15', '1/9', '3/04', '11/30'],
        [
            ['Pain 3/4 this morning, next ', '.'],
            ['Please send the forms by ', ', thanks'],
            ['Rescheduled ', ' at 9am.'],
            ['Refill due before ', '\n']
        ]
    );
    v.inContexts(
        'chat',
        'Day of the month after a cue word',
        'Date',
        ['14th', '3rd', '21st', '2nd'],
        [
            ['can i come in on the ', '?'],
            ['Out of office until the ', '.'],
            ['Labs due by the ', ', please.'],
            ['Follow up after the ', ', not before.']
        ]
    );
    v.add('chat', 'Day and month name joined by a hyphen, no year', [
        'admitted ',
        phi('12-Jan', 'Date'),
        ', discharged ',
        phi('19/Jan', 'Date'),
        ', then home'
    ]);
    v.add('chat', 'Month and year with "of" or an apostrophe year', [
        'born in ',
        phi('march of 1958', 'Date'),
        "; dx'd ",
        phi("feb '19", 'Date'),
        '.'
    ]);
    v.add('chat', 'Ordinals and fractions that are no dates stay', [
        'on the 3rd floor for the 2nd time; on the 1st of the month; from 1/2 to 3/4 tablet; pain 7/10 by 1/2 tab.'
    ]);
}

/** Ages over 89 after a relative, the last four of an SSN, an email address spelled out. */
export function callCentreVectors(v: VectorSet): void {
    v.add('chat', 'Age over 89 after a relative and a verb, in digits and words', [
        'my mom is ',
        phi('92', 'Age'),
        ' and my dad is ',
        phi('ninety-four', 'Age'),
        '; grandma turned ',
        phi('91', 'Age'),
        " last week; she's ",
        phi('95', 'Age'),
        '.'
    ]);
    v.add('chat', 'A relative and a number of a unit stays', [
        'mom is 92 pounds; she is 95 minutes away; dad was 98 kg; she is 89.'
    ]);
    v.inContexts(
        'chat',
        'Last four digits of an SSN',
        'Ssn',
        ['6789', '1234', '0042'],
        [
            ['last 4 of ssn ', ' please'],
            ['SSN ending in ', ', verified.'],
            ['the last four digits of her social security number are ', '.']
        ]
    );
    v.add('chat', 'The last four of another number stays', ['the last 4 of the order 4431; card ending in 1111.']);
    v.inContexts(
        'chat',
        'Email address spelled out with a mail provider',
        'Email',
        ['jane dot doe at gmail dot com', 'jdoe88 at yahoo dot com', 'j.doe [at] hotmail [dot] com'],
        [
            ['email is ', ', thanks'],
            ['write to ', ' anytime'],
            ['(', ')']
        ]
    );
    v.add('chat', 'A site spelled out with "at" before it stays', [
        'look at this dot com site; we met at home dot com.'
    ]);
}

/** Numbers spelled out digit by digit, as call-centre transcripts and speech-to-text write them. */
export function spelledNumberVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Telephone number spelled out, ten digit words',
        'Phone',
        [
            'nine one seven, five five five, zero one nine two',
            'two one two-five five five-oh one nine eight',
            'one eight zero zero five five five one two one two'
        ],
        [
            ['my number is ', '. thanks'],
            ['Caller: call me back at ', '\n'],
            ['reach me on ', ' after 5']
        ]
    );
    v.inContexts(
        'chat',
        'Identifying number spelled out after a word that introduces it',
        'Identifier',
        [
            'four four two one one seven eight',
            'one two three four five six seven eight nine',
            'six oh six one two three'
        ],
        [
            ['member id is ', '\n'],
            ['my ssn is ', ', ok?'],
            ['account # ', ' please']
        ]
    );
    v.add('chat', 'Counting and short spelled numbers stay', [
        'MMSE: able to count one two three four five six seven eight nine. she is one of two. Room is two one four. call me at one eight hundred.'
    ]);
}

/** Billing and drug codes after their names, which are no postal code or telephone number. */
export function billingCodeVectors(v: VectorSet): void {
    v.add('chat', 'CPT, HCPCS and NDC codes after their names stay', [
        'Billed CPT 99213 and HCPCS G0439. NDC 0002-7510-01 dispensed; ndc# 50242-040-62 on the label. Visit CPT 99214.'
    ]);
    v.add('chat', 'A postal code and a telephone number beside billing codes are still found', [
        'Billed CPT 99213. Lives in ',
        phi('Denver, 80202', 'Address'),
        '. Call ',
        phi('0161 496 0000', 'Phone'),
        '.'
    ]);
}

/** Dictionary words that are names elsewhere: an insurer, a care unit. */
export function dictionaryWordVectors(v: VectorSet): void {
    v.add('chat', 'An insurer whose name is also a family name stays beside its number', [
        'Krankenkasse: Barmer, Nr. ',
        phi('884712', 'HealthPlanId'),
        '. Generali claim denied. Seen with ',
        phi('Anna Generali', 'Name'),
        '.'
    ]);
    v.add('chat', 'A care unit named by two name words stays', [
        'Transferred to Step Down unit overnight. Step 2 of the plan: call back.'
    ]);
}

/** A name that can be a word, after an auxiliary verb that opens a question or sentence. */
export function openingAuxiliaryVectors(v: VectorSet): void {
    v.add('chat', 'Ambiguous name after an opening auxiliary verb', [
        'Can ',
        phi('Sunny', 'Name'),
        ' call me back?\nIs ',
        phi('Rose', 'Name'),
        ' still at the hospital? Did ',
        phi('Grace', 'Name'),
        ' take her meds.\nWill ',
        phi('Hope', 'Name'),
        ' be there tomorrow?'
    ]);
    v.add('chat', 'Months, services and plans after an opening auxiliary stay', [
        'Is May ok for you? Is June free? Will Monday work? Can Pharmacy call me back? Does Medicare cover it?'
    ]);
}

/** A name in lower case after a form label. */
export function lowerLabelNameVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Name in lower case after a form label',
        'Name',
        ['smith, john', 'maria lopez', 'kowalczyk, agnieszka m', 'dana'],
        [
            ['Name: ', '\n'],
            ['patient name: ', ' (seen today)'],
            ['NAME: ', '\nDOB on file'],
            ['caller name = ', '; callback requested']
        ]
    );
    v.add('chat', 'Placeholders, type words and identifiers after a name label stay', [
        'name: unknown\nName: n/a\nfile name: report.pdf\nname: string;\nname: deploy-warden\nname: the one on file\n'
    ]);
}

/** A device's GS1 UDI as printed under its barcode; a portal or app user name after its label. */
export function supportIdentifierVectors(v: VectorSet): void {
    v.add('chat', 'GS1 UDI with its expiry, lot and serial', [
        'Implant UDI ',
        phi('(01)00844588003288(17)141120(10)7654321D(21)10', 'DeviceId'),
        ' recorded.'
    ]);
    v.add('chat', 'GS1 device identifier alone', ['Pump ', phi('(01)10884521062856', 'DeviceId'), '.']);
    v.inContexts(
        'chat',
        'User name after its label',
        'Identifier',
        ['jsmith1962', 'mary.k', 'jdoe_88', 'ksmith'],
        [
            ['Patient portal username ', '; reset sent.'],
            ['login: ', '. Locked out.'],
            ['user id = ', ', thanks'],
            ['Username: ', '\n']
        ]
    );
    v.add('chat', 'A login word before an ordinary or capitalised word stays', [
        'login is required; the login page; handle with care; login: Salesforce retires it; user id: 3 attempts.'
    ]);
}

export function capitalsStreetVectors(v: VectorSet): void {
    v.inContexts(
        'capitals',
        'Street address in capitals (EMS run sheets, faxed forms)',
        'Address',
        ['2210 N MAPLE AVE APT 4', '14 ELM ROAD', '880 W HARRISON ST', '57 12TH ST', '4410 NORTH LAKE SHORE DR'],
        [
            ['PT LIVES AT ', ' WITH SPOUSE\n'],
            ['SCENE: ', '\nUNIT 12 ON SCENE.'],
            ['HOME: ', '\n']
        ]
    );
    v.add('capitals', 'Counts, doses and function words after a number in capitals stay', [
        'GIVE 2 TABS PO DAILY. SEEN 2 DAYS AGO IN CLINIC. GAVE 2 TO THE ST. 3 TIMES A DAY ROAD TEST. ' +
            'ROOM 12 EAST WING. BED 4 NEAR THE ST. TOOK 3 ASPIRIN LAST NIGHT.'
    ]);
}

export function lowerIntroInitialVectors(v: VectorSet): void {
    v.inContexts(
        'chat',
        'Name in lower case with a middle initial after a self-introduction',
        'Name',
        ['eric g. samoylova', 'dana k. park', 'lucía m.'],
        [
            ['my name is ', '\n'],
            ['hi its ', ' here, about my refill'],
            ['Hello, this is ', '. Please call back.']
        ]
    );
    v.add('chat', 'A letter after a self-introduction that is no initial stays', [
        'my name is on the list. hi its me a. k. a. the caller.'
    ]);
}
