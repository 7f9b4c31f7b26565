/**
 * Shared redaction vectors of the towns of the names dictionary (its `&` lines, c/placeNames) and of the town
 * shapes found wherever they stand (PlaceShapedWord, PlaceByShapeAnyCase), Safe Harbor B. The towns are real
 * places of the dictionary's list chosen by hand, the shaped ones made up; none is taken from a corpus.
 */
import { phi, type VectorSet } from './vector-set';

/** A town of the dictionary with no cue around it, and the words that stay. */
export function townDictionaryVectors(v: VectorSet): void {
    v.inContexts(
        'towns8',
        'A town of the dictionary with no cue before or after it',
        'Address',
        ['Tarragona', 'Debrecen', 'Sorocaba', 'Zwolle', 'Espoo', 'Olomouc', 'Ballarat', 'Kaduna'],
        [
            ['Her sister still lives up in ', ' with the kids.'],
            ['', ' again next month for the wedding.'],
            ['The flight back from ', ' was delayed.'],
            ['Emergency contact (', ') did not answer.'],
            ['Born 1961, raised ', ', retired teacher.'],
            ['Moving to ', ' when the lease ends.'],
            ['The ferry back to ', ' runs on Sundays.'],
            ['Referral letter copied to the ', ' office.']
        ]
    );
    v.add('towns8', 'A town written in capitals, and one in the possessive', [
        'REFERRED FROM ',
        phi('OLOMOUC', 'Address'),
        '. Visited ',
        phi("Debrecen's", 'Address'),
        ' old town.'
    ]);
    v.add('towns8', "A town that is also a name is the name rules' to find", [
        phi('Tucson', 'Name'),
        ' signed the form. Then on to ',
        phi('Sedona', 'Address'),
        '.'
    ]);
    v.add('towns8', 'Countries, provinces and regions that also name a town stay', [
        'Imports from Brazil. Flights to Lebanon. The Manitoba office. A Bavaria trip. Kerala cuisine. ',
        'Siberia winters. Tasmania ferry.'
    ]);
    v.add('towns8', 'A town before an eponym noun or an organisation noun stays', [
        'Lyme disease ruled out. Marburg virus exposure denied. Cushing syndrome work-up. Glasgow Coma Scale 15. ',
        'Philadelphia chromosome negative. Milwaukee brace fitted. Wharton jelly noted. Works at Nokia Corporation. Stayed at the Hilton Garden Inn. ',
        'Richmond Agitation Sedation Scale 0. Driver of a Jeep Grand Cherokee. Columbus Day parade. ',
        'Coxsackie virus. Epworth Sleepiness Scale 9. Philadelphia Day. Malibu Beach Inn. Drives a Chevy Malibu.'
    ]);
    v.add('towns8', 'Short words in capitals are acronyms, and lower-case words are not read as towns', [
        'OULU PT, BRNO TX. the zwolle line.'
    ]);
}

/** Town shapes wherever they stand (PlaceShapedWord) and after a preposition in any case (PlaceByShapeAnyCase). */
export function townShapeVectors(v: VectorSet): void {
    v.inContexts(
        'towns8',
        'A word built like a town name, with no cue around it',
        'Address',
        ['Coldermouth', 'Ashbyville', 'Upper Ashcombe', 'Kestonbury', 'North Halvorsburgh', 'Brackenstead'],
        [
            ['', ' has a new urgent care.'],
            ['Daughter (', ') will pick her up.'],
            ['Last admitted at ', ' on Monday.'],
            ['Grandson is at school in ', '.'],
            ['Family: ', ', two brothers.'],
            ['Transferred from ', ' by EMS.']
        ]
    );
    v.add('towns8', 'Words with a town ending that are English words, states and firms stay', [
        'Support was given. Bedside teaching. Downtown traffic. Button pressed. Overview attached. ',
        'Relocated to New Hampshire and New Zealand. Works for Loveland Technologies. Huntington disease. ',
        "Wharton's jelly. Marburg virus."
    ]);
    v.inContexts(
        'towns8',
        'A word built like a town name after in, from, at or near, in lower case or in capitals',
        'Address',
        ['ashbyville', 'KESTONBURY', 'coldermouth', 'north halvorsburgh'],
        [
            ['moved here from ', ' last spring'],
            ['PT LIVES IN ', ' WITH SPOUSE'],
            ['staying at ', ' with her aunt'],
            ['lives near ', ' now']
        ]
    );
    v.add('towns8', 'English words with a town ending after those words stay, in any case', [
        'came in from outside, seen at bedside, walked from downtown, back from overseas.'
    ]);
}
