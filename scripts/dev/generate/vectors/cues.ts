/**
 * Shared redaction vectors of the context rules added for issue 16's second round: postal codes of Europe and
 * elsewhere after a town, towns named by what they hold (University of X) or above a country line, regions of
 * any case in address blocks, more street forms, and names found by what is said around them (speech verbs,
 * job titles, being addressed, dialogue labels, the addressee line of an address block), with the look-alikes
 * each rule must leave alone.
 */
import { phi, type VectorSet } from './vector-set';

/** Postal codes, towns and streets found by context. */
export function placeCueVectors(v: VectorSet): void {
    v.inContexts(
        'address',
        'Town and postal code of Europe after a locative word',
        'Address',
        [
            'Bjert 6091',
            'ARENDAL 4844',
            'København K 1421',
            'ÖVERTURINGEN 840 24',
            'Wrocław 53-320',
            'Quinta de São Tiago 3610-114'
        ],
        [
            ['Looking to support the firm in ', ' in its mission.'],
            ['The office near ', ' opened.']
        ]
    );
    v.add('address', 'Rooms, versions, years and doses after in stay', [
        'Stayed in Room 1021 and Bed 1204; the app runs in Windows 2000; seen in Clinic 1987.'
    ]);
    v.add('address', 'Acronyms before a number after in stay', ['Dates are in ISO 8601 and sizes in KB 1024.']);
    v.inContexts(
        'address',
        'Town named by a university, a home city or a street in it',
        'Address',
        ['Porvoo', 'VIERHÖF', 'Bashall Town', 'Recife'],
        [
            ['She studied at the University of ', '.'],
            ['Grew up in her home city ', ', then left.'],
            ['It was on this street in ', ' that they met.']
        ]
    );
    v.add('address', 'Fields of study and states after University of stay', [
        'Degrees from the University of Medicine and the University of Texas; the city of New York.'
    ]);
    v.add('address', 'Town line above a country line', [
        'Send to:\n',
        phi('ALFRICK\nUnited Kingdom', 'Address'),
        '\n\nThanks.'
    ]);
    v.add('address', 'Town line with a particle above a country line and postal code', [
        'Mail:\n',
        phi('Črni Vrh nad Idrijo\nSlovenia 15755', 'Address'),
        '\n'
    ]);
    v.add('address', 'Region in lower case before a postal code in an address block', [
        'Ship to:\n',
        phi('6343 Skogstien 106\nASKER zh 1386', 'Address'),
        '\n'
    ]);
    v.add('address', 'Region line in lower case above a postal code line', [
        'Ship to:\n',
        phi('12 Harbour Road\nTujetsch\nzh\n7188', 'Address'),
        '\n'
    ]);
    v.add('address', 'Polish postal code on its own line below a region line', [
        'Ship to:\n',
        phi('ul. Słowicza 10 Apt. 360\nWrocław\ndolnośląskie\n53-320', 'Address'),
        '\n'
    ]);
    v.inContexts(
        'address',
        'Street name with a separate German or Nordic suffix',
        'Address',
        ['Villacher Strasse 89', 'Luite tee 87', 'Trenerys gate 232'],
        [['The bus station is on ', '.']]
    );
    v.add('address', 'Street suffix Str. after two numbers, and the town after it', [
        'He lives at ',
        phi('28919 136 Filadelfeos Str., Klirou', 'Address'),
        ' now.'
    ]);
    v.add('address', 'Street numbered on both sides after drop-off words', [
        'The bus drops you off at ',
        phi('87818 Dalmatinova 68', 'Address'),
        ' daily.'
    ]);
    v.add('address', 'Prefixed street after two numbers', [
        'Mail to ',
        phi('8116 56 rue La Boétie', 'Address'),
        ' today.'
    ]);
}

/** Names found by what is said around them. */
export function nameCueVectors(v: VectorSet): void {
    v.add('name', 'Unknown name before a verb only a person does', [phi('Mehrudin', 'Name'), ' shouted at the nurse.']);
    v.add('name', 'Unknown name before lives on', ['Then ', phi('Ciset', 'Name'), ' lives on a farm.']);
    v.add('name', 'Unknown name before spent a year', [phi('Alvir', 'Name'), ' spent a year abroad.']);
    v.add('name', 'Departments, companies and symptoms before such verbs stay', [
        'Nursing told the family; Google says so; Pharmacy said it is ready. Pain is from the knee.'
    ]);
    v.add('name', 'Name after a quotation and says', [
        '"It is moving in that direction," says ',
        phi('Hauta-aho', 'Name'),
        '.'
    ]);
    v.add('name', 'Name after a job title', ['Producer ', phi('Liviana Palerma', 'Name'), ' explained it.']);
    v.add('name', 'Departments after a job title stay', [
        'Spoke with the case manager Home Health and the Director Medical Affairs.'
    ]);
    v.add('name', 'Name addressed at the end of an exclamation', ["Don't go to town, ", phi('Derrick', 'Name'), '!']);
    v.add('name', 'Name addressed at the end of a question', ['Remember me, ', phi('Vsevolod', 'Name'), '?']);
    v.add('name', 'Name addressed before a request', [phi('Warrane', 'Name'), ', can I please speak to your boss?']);
    v.add('name', 'Forms of address and discourse words stay', [
        'Thank you, Doctor! Is it serious, Sir? Also, can you call back? See you Monday, everyone!'
    ]);
    v.add('name', 'Acronyms before speech verbs and the world addressed stay', [
        'The CLI lives in the repo; the API said no. Hello, World!'
    ]);
    v.add('name', 'Unknown speaker beside a named speaker of a dialogue', [
        phi('Ubul', 'Name'),
        ': What a day.\n',
        phi('Nicole', 'Name'),
        ': Remember me?'
    ]);
    v.add('name', 'Section labels of a note are not speakers', [
        'Subjective: feels better.\nObjective: afebrile.\nDisposition: home.'
    ]);
    v.add('name', 'Addressee line above an organisation and a street line', [
        phi('Julcsa Kárpáthy', 'Name'),
        '\nMhealthcoach\n',
        phi('50668 Kiannonkatu 98 Apt. 7', 'Address'),
        '\n'
    ]);
    v.add('name', 'Headings above numbered lines are not addressees', ['Medication List\n1 Aspirin 81 mg daily\n']);
}
