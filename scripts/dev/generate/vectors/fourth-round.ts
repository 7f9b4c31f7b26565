/**
 * Shared redaction vectors of issue 16's fourth round: rules written from real-world formats (insurance cards,
 * payer forms, clinic numbering, how notes and chats say where someone lives) and hand-written probes, not from
 * any corpus, each with the look-alikes it must leave.
 */
import { phi, type VectorSet } from './vector-set';

/** Health-plan numbers as cards, intake forms and notes print them. */
export function fourthRoundPlanVectors(v: VectorSet): void {
    v.inContexts(
        'round4',
        'Member number after the labels printed on insurance cards',
        'HealthPlanId',
        ['84512-9077', 'HPX-4471-2290', '0882145', 'HUM88123344', 'U98765432 01'],
        [
            ['Subscriber #: ', '\n'],
            ['Policy ID: ', ' (primary).'],
            ['Insurance: Aetna, Grp# ', '.'],
            ["pt's ins id = ", ' on file'],
            ['Insurance ID number: ', ', verified.']
        ]
    );
    v.inContexts(
        'round4',
        'Member number right after the name of a health plan',
        'HealthPlanId',
        ['W1234567', 'XYZ44718', '4471829', '88123-01'],
        [
            ['Insurance: Aetna PPO #', '\n'],
            ['Ins: BCBS ', ', copay $20.'],
            ['Covered by Medicaid (ID ', ').'],
            ['Ambetter member ', ' per card.']
        ]
    );
    v.inContexts(
        'round4',
        'National health numbers after their label',
        'HealthPlanId',
        ['2123 45670 1', '9434765919', 'ZZZ0016', '1234-567-890-AB'],
        [
            ['Medicare card number ', '.'],
            ['NHS No. ', ' confirmed.'],
            ['NHI ', ' on the referral.'],
            ['OHIP ', ' valid.']
        ]
    );
    v.inContexts(
        'round4',
        'Member numbers after abbreviated labels, with a letter group or digit groups',
        'HealthPlanId',
        ['W 123 456 789', '77123-88', '4471829-01', '88123-4455', '9876543', 'XJH 8812 3344'],
        [
            ['Member ID: ', '\n'],
            ['Pol # ', ' on the form.'],
            ['ID/Cert #: ', '\n'],
            ['Beneficiary no. ', ', checked.'],
            ['Insurance card no. ', '.'],
            ['her BCBS card # is ', ', she said.']
        ]
    );
    v.add('round4', 'Plan words without a member number stay', [
        'Medicare 2024 changes; Aetna covers 80%; Medicaid pending; policy # not on file; Group: see card.'
    ]);
}

/** Clinic numbers after their label, and national identifiers. */
export function fourthRoundNumberVectors(v: VectorSet): void {
    v.inContexts(
        'round4',
        'Pre-certification, visit, order and prescription numbers after their label',
        'Identifier',
        ['7781234', 'AX91823', 'V00123456', '4471829', '6123456', 'XK9T27P'],
        [
            ['Pre-cert number ', ' on file.'],
            ['Precertification #: ', '\n'],
            ['Visit number ', ', billed.'],
            ['Order # ', ' sent to lab.'],
            ['Rx # ', ' ready for pickup.'],
            ['Confirmation code: ', '.']
        ]
    );
    v.inContexts(
        'round4',
        'Badge, statement and reference numbers, slashes included',
        'Identifier',
        ['88123', '4471-882', 'JH/4471/23'],
        [
            ['Badge # ', ' at the desk.'],
            ['Statement # ', ' is overdue.'],
            ['Our ref: ', '\n']
        ]
    );
    v.add('round4', 'Claim, reference and ID values after a bare label with a colon', [
        'Claim: ',
        phi('77812-334', 'Identifier'),
        ' denied. Ref: ',
        phi('88172-A', 'Identifier'),
        '. Covered by plan, ID ',
        phi('4471829', 'Identifier'),
        '.'
    ]);
    v.add('round4', 'Labels before ages, counts, years and words stay', [
        'Case: 45-year-old with chest pain. Visit: 2 of 6. Rx: 10mg daily. ID 2020 cohort. Reference: see above.'
    ]);
    v.inContexts(
        'round4',
        'Medical record numbers after MR#, Med Rec # and unit number',
        'Mrn',
        ['00123456', '7781234', '4471829'],
        [
            ['MR# ', ' on the wristband.'],
            ['Med Rec #: ', '\n'],
            ['Unit number ', ' (hospital).']
        ]
    );
    v.add('round4', 'UK National Insurance number, spaced or not', [
        'NI number ',
        phi('AB 12 34 56 C', 'Identifier'),
        '; old record ',
        phi('CE123456D', 'Identifier'),
        '.'
    ]);
    v.add('round4', 'Letters and digits in pairs that are no National Insurance number stay', [
        'Grade QQ 12 34 56 C; levels AB 12 34 56 E.'
    ]);
}

/** Towns as notes and chats say where someone lives. */
export function fourthRoundPlaceVectors(v: VectorSet): void {
    v.inContexts(
        'round4',
        'Town before a comma and a US state (the state joins it as an address tail)',
        'Address',
        ['Duluth, MN', 'Toledo, Ohio', 'St. Paul, MN', 'Eugene, OR'],
        [
            ['Home: ', '\n'],
            ['Patient is from ', ' originally.'],
            ['Her son works in ', '.'],
            ['Her daughter lives in ', '.']
        ]
    );
    v.add('round4', 'State codes after credentials, lists and lab names stay', [
        phi('Jane Roe', 'Name'),
        ', MD and ',
        phi('John Doe', 'Name'),
        ', PA reviewed it. Regions: US, CA, UK. Tumor markers, CA 125 and CA 19-9 normal.'
    ]);
    v.inContexts(
        'round4',
        'Town after more living and travel words',
        'Address',
        ['Akron', 'Fresno', 'Yakima', 'Provo', 'Cancun', 'Kalamazoo'],
        [
            ['I live in ', ' now.'],
            ["we're out in ", ' this week.'],
            ['Pt drove in from ', ' this morning.'],
            ['Currently staying with her sister in ', '.'],
            ['Returned from a trip to ', ' last week.'],
            ['A resident of ', ', she works nights.']
        ]
    );
    v.inContexts(
        'round4',
        'Town after County, City/State and city of residence labels',
        'Address',
        ['Marion', 'Bemidji'],
        [
            ['County: ', '\n'],
            ['City of residence: ', '\n']
        ]
    );
    v.inContexts(
        'round4',
        'Town shaped like a place name of India, Germany, the Netherlands, Scandinavia, Hungary or Romania',
        'Address',
        ['Hyderabad', 'Ahmednagar', 'Düsseldorf', 'Tübingen', 'Eindhoven', 'Haugesund', 'Nyíregyháza', 'Ploiești'],
        [
            ['She moved here from ', ' two years ago.'],
            ['Her son works near ', '.'],
            ['Visiting from ', ' this month.']
        ]
    );
    v.inContexts(
        'round4',
        'Town after a person and from or in',
        'Address',
        ['Ames', 'Kerala', 'Dayton'],
        [
            ['A 67-year-old farmer from ', ' presented with chest pain.'],
            ["She's from ", ' and speaks Malayalam.'],
            ['im in ', ' rn']
        ]
    );
    v.inContexts(
        'round4',
        'Town after a home, named as an area, or after a compass word',
        'Address',
        ['Dayton', 'Ames', 'Boston', 'Fresno', 'Columbus'],
        [
            ['They rent an apartment in ', '.'],
            ['She has a farm near ', '.'],
            ['Lives in the greater ', ' area.'],
            ['Lives just north of ', '.'],
            ['Works downtown ', ' on weekdays.']
        ]
    );
    v.add('round4', 'Areas of a building or the body stay', [
        'Please wait in the Reception area. Rash in the Affected area. Seen at home in Bed 2.'
    ]);
    v.add('round4', 'States of care, titles and rooms after a person stay', [
        'He is in Recovery now. She is in Labor and Delivery. Pt is from Mexico. The man in Room 4 is stable.'
    ]);
    v.add('round4', 'Words with such endings that are no town stay', [
        'Graduated from Undergrad in 2010. The user stays in Enforce mode. Go to Settings.'
    ]);
    v.inContexts(
        'round4',
        'ZIP code or postcode given alone as the answer to a question',
        'Address',
        ['43210', '98101-2234', '60614'],
        [
            ["Staff: what's your zip code?\nPatient: ", '\n'],
            ['Bot: What ZIP code should we use?\nUser: ', '\n'],
            ['whats ur zip? ', ' thx']
        ]
    );
    v.add('round4', 'A question about a ZIP code without one stays', ['Staff: what is your zip code?\nPatient: n/a\n']);
    v.inContexts(
        'round4',
        'Street suffixes abbreviated as USPS Publication 28 lists them',
        'Address',
        ['45 Sunset Terr', '9 Willow Crk', '12 Mill Hts', '300 Elm Xing'],
        [['Address: ', '\n']]
    );
}

/** Names told by a date of birth, an age, a reply or a chat's self-introduction. */
export function fourthRoundNameVectors(v: VectorSet): void {
    v.add('round4', 'Name right before a date of birth', [
        'Re: ',
        phi("Sean O'Brien", 'Name'),
        ', born ',
        phi('4 March', 'Date'),
        ', of the above address.\nRE: ',
        phi('Jane Roe', 'Name'),
        ' (DOB ',
        phi('01/02', 'Date'),
        ') was seen in clinic.\nPatient ',
        phi('Maria del Carmen Ruiz', 'Name'),
        ', DOB: ',
        phi('3/4', 'Date'),
        ' on the form.'
    ]);
    v.add('round4', 'Words for a newborn or the patient before born stay', [
        'Twins, born at 34 weeks, are stable. Newborn, born 2 days ago, feeds well. The patient, born in 1950, lives alone.'
    ]);
    v.add('round4', 'Name addressed after a reply word', [
        'Staff: Sure, ',
        phi('Anuja', 'Name'),
        '. Done.\nStaff: Thanks, ',
        phi('Maria', 'Name'),
        '! See you Tuesday.\nStaff: OK, ',
        phi('Tom', 'Name'),
        ", I'll call you back."
    ]);
    v.add('round4', 'Reply words, weekdays and titles after a reply word stay', [
        'Sure, Done. Yes, Absolutely. Sure, Tuesday works. Thanks, Dr. Thanks, Everyone!'
    ]);
    v.add('round4', 'Name before an age with the sex letter or aged', [
        'Bed 14: ',
        phi('K Abalıoğlu', 'Name'),
        ', 66M, post-op day 1.\nBed 3: ',
        phi('Jo Lee', 'Name'),
        ', aged 71, NSTEMI.'
    ]);
    v.add('round4', 'Words for the patient before an age stay', [
        'Male, 45M with chest pain. Summary, 45F presenting with cough. Hx: HTN, 45F.'
    ]);
    v.add('round4', 'Lower-case names in a chat after a self-introduction or a relative', [
        'Patient: hi its ',
        phi('toby green', 'Name'),
        ', can i move my appt\nPatient: my mom ',
        phi('maria', 'Name'),
        ' has a fever\nPatient: my son ',
        phi('jake', 'Name'),
        '.'
    ]);
    v.add('round4', 'Common words after a self-introduction or a relative stay', [
        'hi its me again\nmy mom is sick\nmy husband too.\nhi, this is urgent.'
    ]);
    v.add('round4', 'Ambiguous names after more words for a relative or friend', [
        'Came with her niece ',
        phi('Misty', 'Name'),
        '; my friend ',
        phi('Hope', 'Name'),
        ' drove me.'
    ]);
    v.add('round4', 'A name before a verb only a person is the subject of', [
        phi('Lueilwitz Ogunbanwo', 'Name'),
        ' was seen today for follow up. Lisinopril was started. Chart was reviewed.'
    ]);
    v.add('round4', 'Vietnamese name with a common middle name keeps its short given name', [
        'Contact ',
        phi('Nguyễn Văn An', 'Name'),
        ' about labs; spoke with ',
        phi('Lê Thị Anh', 'Name'),
        ' today. The van left; an answer is due.'
    ]);
    v.add('round4', 'Portal, E. coli, U.S. Army and Part B stay', [
        'Log in to the Patient Portal. Urine grew E. Coli. He served in the U.S. Army. See Part B. Methods follow.'
    ]);
}
