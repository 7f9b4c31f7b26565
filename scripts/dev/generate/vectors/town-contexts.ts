/**
 * Shared redaction vectors of issue 16's town contexts (Safe Harbor B): the general contexts in which notes,
 * chats, EMS sheets, call-centre and claim forms name a town, written by hand with made-up town names (not from
 * any corpus), each with the look-alikes it must leave.
 */
import { phi, type VectorSet } from './vector-set';

/** Towns after a verb with an adverb, a job, a distance with about, just outside, rural, or splitting time. */
export function townVerbContextVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town after a living or travel verb with an adverb or an approximate distance, after a job, just outside, rural',
        'Address',
        ['Dunmarsh', 'Brackenford', 'Harrowdale', 'Marlow Springs', 'Wexbridge', 'Port Ellery', 'Dunmarsh'],
        [
            ['Works as a mechanic in ', '.'],
            ['She worked as a school nurse in ', ' for ten years.'],
            ['Stayed overnight in ', ' before the flight.'],
            ['Lives about 10 min from ', '.'],
            ['MVC on the interstate just outside ', '.'],
            ['Grew up in rural ', ', moved here at 18.'],
            ['Lives approximately 2 hours from ', '.']
        ]
    );
    v.add('towns7', 'Both towns after commuting daily between', [
        'She commutes daily between ',
        phi('Ashcombe', 'Address'),
        ' and ',
        phi('Dunmarsh', 'Address'),
        '.'
    ]);
    v.add('towns7', 'Care units, languages, stores, gates and states after these cues stay', [
        'Works as a nurse in Cardiology. Works as an interpreter in Spanish. Works as a cashier in Walmart. ',
        'Stayed overnight in Observation. Waited just outside Radiology. Parked just outside Gate 4. ',
        'Grew up in rural Iowa. He commutes daily between home and the plant. Lives about 10 min from the hospital.'
    ]);
}

/** Towns before a lower-case care site, station, library or fire crew, and after a residence or shelter. */
export function townSiteContextVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town before a lower-case care site, station, library or office after a preposition (a VA or ER is taken with it)',
        'Address',
        ['Wexbridge', 'Harrowdale', 'Brackenford', 'Tarnley', 'Wrenfield VA', 'Port Ellery VA', 'Dunmarsh ER'],
        [
            ['Seen at the ', ' urgent care on Monday.'],
            ['Picked up at the ', ' train station.'],
            ['Last seen at the ', ' public library.'],
            ['Claim submitted by the ', ' branch office.'],
            ['Seen at the ', ' hospital last year.'],
            ['Follow-up at the ', ' clinic.'],
            ['Taken to the ', ' by her son.']
        ]
    );
    v.add('towns7', 'Offices of a department before office stay', [
        'Sent to the Finance office. Ask at the Registrar office. Forms from the Legal office. Meet at the Reception office.'
    ]);
    v.add('towns7', 'Kinds, specialties and parts of a system before those sites stay', [
        'Seen at the Peds ER. Taken to the Adult ED. Went to the Law library. Met at the Fire station. ',
        'Dropped off at the Main urgent care. Follow-up at the VA clinic. Call the Billing office.'
    ]);
    v.inContexts(
        'towns7',
        'Town before its fire crew, station or chief',
        'Address',
        ['Wexbridge', 'Harrowdale'],
        [
            ['The ', ' fire crew extricated the patient.'],
            ['Per the ', ' fire chief, found down.']
        ]
    );
    v.add('towns7', 'Volunteer and state fire services stay', [
        'The Volunteer fire crew arrived first. State fire marshal was notified.'
    ]);
    v.inContexts(
        'towns7',
        'Town after a residence, cabin or shelters in or around',
        'Address',
        ['Upper Kettlewick', 'Gorsebridge'],
        [
            ['EMS responded to a residence in ', ' for a fall.'],
            ['He is homeless, sleeping in shelters around ', '.']
        ]
    );
    v.add('towns7', 'Holidays, times and exits after a home or shelter stay', [
        'Home around Christmas with family. The shelter near Exit 5 was closed. Residence in Internal Medicine.'
    ]);
}

/** Towns after travel-history and location labels, and after home town is. */
export function townLabelContextVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town after a travel-history or provider location label, or home town is',
        'Address',
        ['Pellingham', 'Oxhallow', 'Brackenford', 'Little Amwell', 'Harrowdale'],
        [
            ['Travel history: ', ' (2 weeks ago), no international travel.'],
            ['Provider location: ', '\n'],
            ['Recent travel - ', '\n'],
            ["Patient's home town is ", '.'],
            ['Recent travel: ', ' and back, one week.\n']
        ]
    );
    v.add('towns7', 'Travel answers, regions, kinds of site and titles after those labels stay', [
        'Travel history: Denies recent travel.\nTravel history: Negative.\nTravel: None\n',
        'Recent travel: Caribbean cruise in May.\nProvider location: Main campus\n',
        "Service location: Patient's home\nWork location: Remote\nHer hometown is the same as mine.\n"
    ]);
}

/** Towns after events and employment with in, moving and going home, living in two towns, and address labels. */
export function townEventContextVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town after an event, employment or volunteering with in, going home, or living nearby',
        'Address',
        ['Dunmarsh', 'Tarnley', 'Harrowdale', 'Brackenford', 'Port Ellery', 'Marlow Springs', 'Oxhallow'],
        [
            ['Injured at work in ', '.'],
            ['Employed in ', ' as a driver.'],
            ['MVC in ', ' on the way home.'],
            ['Fell in ', ' while shopping.'],
            ['Going home to ', ' tomorrow.'],
            ['Children live nearby in ', '.'],
            ['Volunteers in ', ' twice a week.']
        ]
    );
    v.add('towns7', 'Both towns after living in one and another', [
        'Has two children who live in ',
        phi('Harrowdale', 'Address'),
        ' and ',
        phi('Wexbridge', 'Address'),
        '.'
    ]);
    v.add('towns7', 'Departments, rooms, months, stages of work and payers after these cues stay', [
        'Employed in Sales. Volunteers in Hospice. Fell in Bathroom. Fell in March. MVC in December. ',
        'Injured at work in Maintenance. Going home to Hospice care. ',
        'Lives nearby in Assisted Living. Lives in the city and Medicare pays.'
    ]);
    v.inContexts(
        'towns7',
        'Town alone after an address, current-location, birth-place or residing label',
        'Address',
        ['Harrowdale', 'Brackenford', 'Dunmarsh', 'Oxhallow'],
        [
            ['Address: ', '\n'],
            ['Current location: ', '\n'],
            ['Last known location - ', '\n'],
            ['Birth place: ', '\n']
        ]
    );
    v.add('towns7', 'What address and location labels hold besides a town stays', [
        'Address: Same as above\nAddress: Homeless\nAddress: Confidential\nCurrent location: ICU\n',
        'Last known location: Home\nBirth place: Unknown\nPatient address: Pending\nResiding at: Private residence\n'
    ]);
}

/** A town given alone as the answer to a question for the city or town, in chats and call notes. */
export function townAnswerVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town as the answer to a city or town question, on the next line after a speaker or on the same line',
        'Address',
        ['Harrowdale', 'marlow springs', 'Stoke-on-Hollow', 'Fort Brannock', 'Wexbridge'],
        [
            ['Agent: What city do you live in?\nCustomer: ', '\n'],
            ['Rep: Can you confirm your city?\nMember: ', '\n'],
            ['Nurse: And which town were you born in?\nPatient: ', '.\n'],
            ['Q: Town of birth? A: ', '\n'],
            ['What city were you born in? ', '\n']
        ]
    );
    v.add('towns7', 'Replies that are no town, and town questions answered with something else, stay', [
        'Agent: What city do you live in?\nCustomer: Sorry, what?\nAgent: Which town is the clinic in?\n',
        'Customer: Not sure\nAgent: Can you confirm your city?\nPatient: Yes\nAgent: What city?\nCustomer: Hold on\n',
        "Agent: What town are you in?\nCustomer: I'm at work\nAgent: What's the city on the card?\nCustomer: Unknown\n",
        'Agent: What city?\nCustomer: Good question\nAgent: What city?\nCustomer: Let me check\n',
        'Did you leave the city? No, I stayed home.\n'
    ]);
}

/** Towns in notes written in capitals, and the function words after them that an address no longer takes. */
export function townCapitalsVectors(v: VectorSet): void {
    v.inContexts(
        'towns7',
        'Town in capitals after a living, moving or transport verb in capitals (the words after it stay)',
        'Address',
        ['HARROWDALE', 'PORT ELLERY', 'STOKE-ON-HOLLOW', 'BRACKENFORD', 'MARLOW SPRINGS', 'DUNMARSH'],
        [
            ['PT LIVES IN ', ' WITH WIFE.\n'],
            ['LIVES ALONE IN ', '.\n'],
            ['TRANSPORTED FROM ', ' TO ER.\n'],
            ['BORN IN ', ' (PER PT).\n'],
            ['MOVED TO ', ' IN 2019.\n'],
            ['PT IS FROM ', ' AND WORKS NIGHTS.\n']
        ]
    );
    v.add('towns7', 'Care settings, the scene, states, countries and months in capitals stay', [
        'TRANSPORTED FROM SCENE TO ER. MOVED TO ICU. LIVES IN OHIO. BORN IN MEXICO. MOVED IN MAY. ',
        'LIVES WITH WIFE IN AN APARTMENT. TRANSFERRED FROM OSH. PT FROM HOME.\n'
    ]);
    v.add('towns7', 'A town and Indiana code in capitals before a ZIP code are one address', [
        'Mail to ',
        phi('GARY, IN 46401', 'Address'),
        '.\n'
    ]);
}
