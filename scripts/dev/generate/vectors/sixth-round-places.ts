/**
 * Shared redaction vectors of issue 16's sixth round: towns, counties and their foreign equivalents as notes,
 * chats, call-centre and claim forms mention them without a street (Safe Harbor B), written by hand from those
 * forms and not from any corpus, each with the look-alikes it must leave. The towns are made up, so that no
 * name in the dictionary finds them in the place rules' stead.
 */
import { phi, type VectorSet } from './vector-set';

/** Town labels and nouns of forms in English and other languages, residence labels, counties and townships. */
export function sixthRoundLabelVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Town after a label of a form, also in German, French, Spanish and Italian',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin', 'Valderrica', 'Quenmoor', 'Taviro'],
        [
            ['County of residence: ', '\n'],
            ['Birth city: ', '\n'],
            ['Wohnort: ', '\n'],
            ['Geburtsort: ', '\n'],
            ['Ciudad: ', '\n'],
            ['Residence - ', '\n']
        ]
    );
    v.add('round6', 'A residence label before the kind of home or who shares it stays', [
        'Residence: Private home\nResidence - Lives alone\nResidence: Assisted living\n'
    ]);
    v.inContexts(
        'round6',
        'Town after a county or town noun of another country',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin'],
        [
            ['Landkreis ', '\n'],
            ['Gemeinde ', '\n'],
            ['provincia di ', '\n']
        ]
    );
    v.add('round6', 'Counties and townships with inner capitals and a saint', [
        'Raised in ',
        phi('DeKalb County', 'Address'),
        ', then ',
        phi('St. Louis County', 'Address'),
        ' and ',
        phi('Quenmoor Township', 'Address'),
        '.'
    ]);
    v.add('round6', 'The County as an institution stays', ['The County nurse visited on Monday.']);
}

/** Towns before resident, native, -based, a hospital kind, a service, and a region of another country. */
export function sixthRoundBeforeVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Town before resident or native',
        'Address',
        ['Quenmoor', 'Taviro', 'San Ostrevin'],
        [
            ['The caller is a longtime ', ' resident.'],
            ['He is a ', ' native, retired.'],
            ['A ', ' native who moved here in 1990.']
        ]
    );
    v.add(
        'round6',
        'Trainee ranks, languages, peoples, native as an adjective, and a town before -based (not taken) stay',
        [
            'Paged the Surgery resident. The Chief resident agreed. A Spanish native speaker. ',
            'Wrap native requests. Evidence-based care. A Web-based portal. Our Quenmoor-based team.'
        ]
    );
    v.inContexts(
        'round6',
        'Town a hospital is named after (the address rules take the hospital word with it)',
        'Address',
        ['Quenmoor General', 'Taviro Regional ED'],
        [
            ['Transferred from ', ' for cardiac cath.'],
            ['Admitted via ', '.']
        ]
    );
    v.add('round6', 'Town before a hospital kind after at the (taken with the hospital words)', [
        'Seen at the ',
        phi('Quenmoor Community Hospital', 'Address'),
        ' last year.'
    ]);
    v.add('round6', 'Hospitals named after saints, faiths or kinds stay', [
        "Sent to University Medical Center, then to Children's Regional."
    ]);
    v.inContexts(
        'round6',
        'Town before its police, fire, EMS or school service (the address rules take a service code with it)',
        'Address',
        ['Quenmoor PD', 'Taviro EMS', 'Ostrevin'],
        [
            ['', ' brought him in.'],
            ['Per ', ', found down.'],
            ['He is a retired ', ' firefighter.']
        ]
    );
    v.add('round6', 'State, campus and volunteer services, and calls for EMS, stay', [
        'EMS called. State police on scene. Campus police notified. Volunteer fire department responded.'
    ]);
    v.inContexts(
        'round6',
        'Town before a region of another country or a country in brackets',
        'Address',
        ['Quenmoor, Victoria', 'Taviro'],
        [
            ['In ', ' for the summer.'],
            ['Contact in ', ' (UK).']
        ]
    );
}

/** Towns after living, care, custody and call verbs, after people and care sites, and a second town of a trip. */
export function sixthRoundAfterVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Town after living alone or with a spouse, outside of, going back to, brought from, works in',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin', 'Valderrica', 'Quenmoor', 'Taviro'],
        [
            ['Lives alone in ', '.'],
            ['Resides w/ spouse in ', '.'],
            ['Lives outside of ', ' with two dogs.'],
            ['Going back to ', ' after discharge.'],
            ['Brought by EMS from ', '.'],
            ['Works in ', ' as a welder.']
        ]
    );
    v.inContexts(
        'round6',
        'Town after a stay, a care or custody verb with in, and a call from',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin', 'Valderrica'],
        [
            ['Will stay with friends in ', ' after discharge.'],
            ['He was hospitalized in ', ' while on vacation.'],
            ['Incarcerated in ', ' until 2020.'],
            ['Member called from ', ' regarding a claim.']
        ]
    );
    v.add('round6', 'Care units, payers, titles and touch after those verbs stay', [
        'Admitted to Medicine overnight. Treated in Urgent Care. Calling from Aetna about prior auth. ',
        'Called from Customer Service. Will stay in Touch. Transferred from Floor.'
    ]);
    v.inContexts(
        'round6',
        'Town after a care site, a doctor or a follow-up, and after relatives',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin', 'Valderrica', 'Quenmoor'],
        [
            ['Discharged to a SNF in ', '.'],
            ['Transferred from OSH in ', ' for a higher level of care.'],
            ['Will follow up with PCP in ', '.'],
            ['Son is in ', ' and will call.'],
            ['55yo M from ', ' w/ SOB.']
        ]
    );
    v.add('round6', 'Specialties, rhythms and idioms after those words stay', [
        'Follow up in Neurosurgery. He is in Afib. Her partner in Crime. Dad in Memory Care since May.'
    ]);
    v.inContexts(
        'round6',
        'Town before a clinic, location or campus after our or your',
        'Address',
        ['Quenmoor', 'Taviro'],
        [
            ['Please fax records to our ', ' location.'],
            ['Labs were drawn at your ', ' campus.']
        ]
    );
    v.add('round6', 'Parts of a health system before location or campus stay', [
        'Follow up at the North campus. Fax to the Billing office. Go to our Main location.'
    ]);
    v.add('round6', 'Both towns of a trip to two places', [
        'Recent travel to ',
        phi('Quenmoor', 'Address'),
        ' and ',
        phi('Taviro', 'Address'),
        '.'
    ]);
}

/** Care sites named after their town, place-of-event and clinic-location labels, towns named after a state, saints. */
export function sixthRoundSiteVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Town a clinic, urgent care or care centre is named after (taken with the site words), and after a referring-facility label',
        'Address',
        ['Quenmoor Clinic', 'Taviro Urgent Care', 'Ostrevin Dialysis Center', 'Valderrica Medical Center'],
        [
            ['Labs from ', ' reviewed.'],
            ['Seen at ', ' on Friday.'],
            ['Gets dialysis at ', ' three times a week.'],
            ['Referring facility: ', '\n']
        ]
    );
    v.add('round6', 'Specialties, services, founders and kinds before Clinic or Hospital stay', [
        'Referred to Pain Clinic, then to the Walk-in Clinic. Seen at Mayo Clinic. Admitted to State Hospital.'
    ]);
    v.inContexts(
        'round6',
        'Town after a place-of-event or clinic-location label',
        'Address',
        ['Quenmoor', 'Taviro', 'Ostrevin'],
        [
            ['Place of injury: ', '\n'],
            ['Incident location - ', '\n'],
            ['Clinic location: ', '\n']
        ]
    );
    v.add('round6', 'The kind of place after those labels stays', [
        'Place of injury: Workplace\nPlace of death: Hospital\nClinic location: Main\n'
    ]);
    v.inContexts(
        'round6',
        'Town named after a state or country, written out',
        'Address',
        ['Kansas City', 'Mexico City', 'Virginia Beach', 'Idaho Falls'],
        [
            ['Lives in ', ' with her son.'],
            ['Pt from ', ', here for surgery.'],
            ['Daughter is in ', '.'],
            ['', ' resident, retired.']
        ]
    );
    v.add('round6', 'A state or country alone stays', ['Moved from Kansas to Mexico in 2015.']);
    v.add('round6', 'A town with St. after a living verb is taken whole', [
        'Lives in ',
        phi('St. Cloud', 'Address'),
        ' with wife. It works in Node.js at home.'
    ]);
}

/** County words in lower case, a distance before from, our branch at a sentence start, outside of, a store's town. */
export function sixthRoundChatVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'County, township and a town after a distance, our or outside of, as chats write them',
        'Address',
        ['Pike county', 'Ross Twp.', 'Quenmoor', 'Taviro', 'Ostrevin'],
        [
            ['', ' released him on Monday.'],
            ['Resident of ', '\n'],
            ['Pt drove 2 hours from ', ' for this visit.'],
            ['Our ', ' branch will mail the card.'],
            ['Has a farm just outside of ', '.']
        ]
    );
    v.inContexts(
        'round6',
        'Town after a hospital, pharmacy or store in brackets, after a comma or a dash',
        'Address',
        ['Taviro', 'Quenmoor', 'Ostrevin'],
        [
            ['Pharmacy: Walgreens, ', '\n'],
            ['Preferred pharmacy: CVS - ', '\n'],
            ['Seen at Mercy Hospital (', ') last year.']
        ]
    );
    v.add('round6', 'A street, a branch word, a specialty or a company suffix after a site stays', [
        'Pharmacy: CVS - Main St\nWalgreens (Main) is closed. Seen in Clinic (Cardiology) today. CVS, Inc. is a company.'
    ]);
    v.add('round6', 'Sentence openers before county, and parts of a business after our, stay', [
        'The county sent a nurse. Every county has one. In county jail for a week. Our Customer Service office is ',
        'closed. Your Primary clinic called. Lives 2 miles from Hospital.'
    ]);
}

/** A lower-case town before a lower-case state name, or a state code and a ZIP code, as chats write it. */
export function sixthRoundLowerVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Lower-case town before a lower-case state or a state code and ZIP code',
        'Address',
        ['quenmoor', 'taviro', 'san ostrevin'],
        [
            ['im in ', ' ohio rn'],
            ['my moms in ', ', florida'],
            ['lives in ', ' oh 44101']
        ]
    );
    v.add('round6', 'Common chat words and states before a lower-case state stay', [
        'im in ohio rn. we love texas. moved back to florida last yr. i grew up in rural iowa. ',
        'like seriously texas. did you say new york or new jersey'
    ]);
}
