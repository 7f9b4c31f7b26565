/**
 * Shared redaction vectors of issue 16's fifth round: identifiers and towns as US healthcare CRM text writes them
 * (claim forms, card backs, call-centre and portal notes), written by hand from those formats and not from any
 * corpus, each with the look-alikes and ordinary words it must leave.
 */
import { phi, type VectorSet } from './vector-set';

/** Health-plan numbers under a label on the next line, after bare or claim-form labels, and in prose. */
export function fifthRoundPlanVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Member number on the line under its label',
        'HealthPlanId',
        ['JQK 448 2291 03', 'W 8812 3345', '88123456'],
        [
            ['Member ID\n', '\n'],
            ['Health plan: Aetna\nMember ID:\n', '\n'],
            ['Medicaid number\n', '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Member number after claim-form and bare card labels',
        'HealthPlanId',
        ['88123456701', 'W88123456', '88123 44567', '884421', 'W123456789', '77123', '88123-01', '4471 8823'],
        [
            ["INSURED'S I.D. NUMBER: ", '\n'],
            ['Enrollee ID: ', ' (self).'],
            ['Card #: ', '\n'],
            ['Member ID on file. Group: ', '\n'],
            ['Carrier on file. Member: ', '\n'],
            ['Card checked, group ', ' active.'],
            ['Policy holder is the patient, policy ', '.'],
            ["my insurance member number's ", ', I think.']
        ]
    );
    v.add('round5', 'A group number after a member number is the plan, not a town with a postal code', [
        'Member ID: ',
        phi('W2837465', 'HealthPlanId'),
        ' Group ',
        phi('44021', 'HealthPlanId'),
        '\n'
    ]);
    v.inContexts(
        'round5',
        'Member number after a payer written as one word, after a slash, or after the word number',
        'HealthPlanId',
        ['88123-4471', '8812345', 'W283746519'],
        [
            ['Her BlueCross number is ', '.'],
            ['Insurance info: Aetna / ', '\n'],
            ['my Aetna number is ', ' on the card.']
        ]
    );
    v.add('round5', 'Payer names alone, and labels before words or doses, stay', [
        'He has Cigna and Humana. Kaiser MRN pending. Tricare, DoD card. Plan: 325 mg aspirin. Member: self. ',
        'Group: see card. Policy: pending.'
    ]);
}

/** Clinic and pharmacy numbers after a noun with no # or colon, on the next line, and pharmacy labels. */
export function fifthRoundNumberVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Number of five or more digits right after the noun it belongs to',
        'Identifier',
        ['9918273', '88127364', '00918273', '01928374', '88123', '77812-A'],
        [
            ['Requisition ', ' sent.'],
            ['regarding authorization ', ' today'],
            ['for referral ', ', thanks.'],
            ['update on case ', '.'],
            ['badge ', ' at the desk.'],
            ['Member services reference ', '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Pharmacy and encounter numbers after their label',
        'Identifier',
        ['1234567', '1234567893', '77812345'],
        [
            ['Pharmacy NCPDP ', ' on file.'],
            ['Billing NPI: ', '\n'],
            ['Claim number\n', '\n']
        ]
    );
    v.add('round5', 'Nouns before amounts, counts and years stay', [
        'Order 2 units. Case 12 of 40. Referral in 2024. Authorization for 30 days. Badge reader broken.'
    ]);
}

/** Places that must not be read as towns or names. */
export function fifthRoundKeepVectors(v: VectorSet): void {
    v.add('round5', 'Care units after a moving verb, organisations and countries after a cue stay', [
        'Moved to Labor and Delivery at 14:00. Sent to Recovery. The Mayo Clinic called. Thanks, Canada. ',
        'Sure, Texas.'
    ]);
    v.add('round5', 'A surname that also names an organisation counts beside a first name or a title', [
        'Seen with ',
        phi('John Kaiser', 'Name'),
        ' and ',
        'Mr ',
        phi('Mayo', 'Name'),
        ' today.'
    ]);
}

/** Towns before a state code without a comma, after a described person, and after schools, stores and streets. */
export function fifthRoundPlaceVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Town and state code without a comma after a preposition',
        'Address',
        ['Laredo TX', 'Bismarck ND', 'Grand Forks ND'],
        [
            ['Pt from ', ', here for follow-up.'],
            ['Visiting grandchildren in ', ' next week.'],
            ['Her son drove in from ', '.']
        ]
    );
    v.add('round5', 'Clinical abbreviations that are state codes, and care units, stay', [
        'History of Breast CA. s/p Anterior MI in 2019. Insulin SC daily. Admitted to Room 4 NC. Sent to Recovery TX ',
        'team.'
    ]);
    v.inContexts(
        'round5',
        'Town after a described person with a condition, and after an age with the sex letter',
        'Address',
        ['Toledo', 'Mårslet', 'Ames'],
        [
            ['72M with COPD from ', ' presents with SOB.'],
            ['Pt is a 63F with dementia from ', '. Daughter at bedside.'],
            ['67 yo woman with a history of falls from ', ', here alone.']
        ]
    );
    v.add('round5', 'A cause after a symptom stays', [
        'A 70 yo man with myalgia from Lipitor. A 55-year-old man with chest pain from Exertion.'
    ]);
    v.inContexts(
        'round5',
        'Town after a school, urgent care, a store or a street',
        'Address',
        ['Ithaca', 'Flagstaff', 'Peoria', 'Fargo'],
        [
            ['She goes to school in ', '.'],
            ['Seen at urgent care in ', ' on Friday.'],
            ['Pharmacy: Walgreens on Main St in ', '\n'],
            ['Going to the ER in ', '.']
        ]
    );
    v.add('round5', 'Care units and languages after those words stay', [
        'Visit was at the school in Spanish. Urgent care in Labor and Delivery. Care in English.'
    ]);
}

/** National identity numbers after their label, health numbers of other countries, and more clinic labels. */
export function fifthRoundNationalVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'National identity or tax number after its label',
        'Identifier',
        ['131052-308T', '736028/5163', '19121212-1212', '1234 5678 9012', 'ABCDE1234F', '12345678901', '046 454 286'],
        [
            ['Henkilötunnus ', ' tarkistettu.'],
            ['rodné číslo ', '\n'],
            ['Personnummer: ', ', verified.'],
            ['Aadhaar no: ', ' on file.'],
            ['PAN: ', '\n'],
            ['TC Kimlik No: ', '\n'],
            ['SIN ', ' confirmed.']
        ]
    );
    v.add('round5', 'Those labels before counts, sizes and words stay', [
        'CPR in progress for 20 minutes, CPR x2 cycles. SIN 3 days. The PAN is 2 cm. NIN: pending. Birth number unknown.'
    ]);
    v.inContexts(
        'round5',
        'Health numbers of other countries and the number on the card in prose',
        'HealthPlanId',
        ['12-3456-7890-1234', '88123456', '8812345', '1234567TW', '88123-4471', '88123-4472'],
        [
            ['ABHA number ', '.'],
            ['NHIS number ', ' (active).'],
            ['Medical aid no. ', ', main member.'],
            ['PPS number ', '\n'],
            ['the number on the back of her card is ', ', she read it out.'],
            ['my card says ', ' I think']
        ]
    );
    v.inContexts(
        'round5',
        'Payer before a dash, and AARP',
        'HealthPlanId',
        ['W123456789', '88123456711'],
        [
            ['Insurance - Aetna - ', '\n'],
            ['Secondary: AARP ', '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Reference, reservation, interaction, call and client numbers after their label',
        'Identifier',
        ['88123', '8812345', '4471829', '88123-4471', '88124'],
        [
            ['Ref. No. ', ' applies.'],
            ['Reservation # ', ' held.'],
            ['Interaction #: ', '\n'],
            ['Call ID ', ' logged.'],
            ['Client ID ', ' updated.']
        ]
    );
    v.inContexts(
        'round5',
        'Unit record number (UR number, URN)',
        'Mrn',
        ['1234567', '0098123'],
        [
            ['UR number ', ' on the label.'],
            ['URN: ', '\n']
        ]
    );
}

/** Numbers given on the next line as the answer to a question that asks for them. */
export function fifthRoundAnswerVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Member number given as the answer to a question or request for it',
        'HealthPlanId',
        ['W 123 456 789', 'XJH881234567', '88123 4471 02', '4471-8823-01', 'zgp881234567', '1234 5678 90'],
        [
            ["Agent: Can I have your member ID?\nCaller: Sure, it's ", '.\n'],
            ["Agent: What is your member ID please?\nCaller: It's ", '.\n'],
            ['[10:02] Agent: Could you read me the ID on your insurance card?\n[10:03] Caller: yeah its ', '\n'],
            ['Agent: And your policy number?\nPatient: ', '\n'],
            ['Bot: Please enter your member ID.\nUser: ', '\n'],
            ["Nurse: what's your Medicaid number?\nPt: ", '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Claim or reference number given as the answer to a question for it',
        'Identifier',
        ['REF-88123', 'CLM 4471 8823'],
        [
            ['Agent: Do you have a reference number?\nCaller: Yes, ', '.\n'],
            ['Rep: can you give me the claim number?\nMember: sure ', '\n']
        ]
    );
    v.add('round5', 'Answers without a number, and years, stay', [
        "Agent: What's your member ID?\nCaller: I don't have the card with me.\nAgent: And the claim number?\n",
        'Caller: 2023 I think.\n'
    ]);
}

/** Health funds and insurers of other countries, and towns whose name starts with a letter of Latin Extended-A. */
export function fifthRoundAbroadVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Membership, fund, scheme and HMO numbers, and numbers after insurers of other countries',
        'HealthPlanId',
        ['12345678', '88123/01', 'PPP-88123-44', '88123456', '88123456-01', '7360285163'],
        [
            ['Health fund: Medibank, membership no. ', '.'],
            ['HMO number ', ' (Hygeia).'],
            ['Insurer: AXA PPP, policy ref ', '\n'],
            ['Private health: Bupa ', '\n'],
            ['Bupa membership ', ' on file.'],
            ['insured with VZP, number ', '.']
        ]
    );
    v.inContexts(
        'round5',
        'Town whose first letter is of Latin Extended-A (Š, Č, İ, Ł, Ş)',
        'Address',
        ['Šumperk', 'İzmir', 'Český Krumlov', 'Łódź', 'Şanlıurfa'],
        [
            ['Pt is from ', ', lives alone.'],
            ['She moved to ', ' in May.'],
            ['He lives in ', '.'],
            ['Her family in ', ' are aware.'],
            ['Visiting from ', '.']
        ]
    );
    v.add('round5', 'Name with a Latin Extended-A initial before a date of birth', [
        'Re: ',
        phi('Nuša Čajko', 'Name'),
        ', born ',
        phi('01/21/2008', 'Date'),
        '\n'
    ]);
    v.inContexts(
        'round5',
        'Town after suburb, district and LGA labels, a workplace, a GP surgery, a village, a train or flight',
        'Address',
        ['Parramatta', 'Ikeja', 'Tampere', 'Leeds', 'Keszeg', 'Brno', 'Bergen'],
        [
            ['Suburb: ', '\n'],
            ['LGA: ', '\n'],
            ['Works at a factory in ', '.'],
            ['Her GP surgery in ', ' called.'],
            ['Grew up in a small village near ', '.'],
            ['Took the train from ', ' today.'],
            ['Her daughter from ', ' is visiting.']
        ]
    );
    v.add('round5', 'The second town of a journey or of two homes', [
        'He travelled from ',
        phi('Brno', 'Address'),
        ' to ',
        phi('Ostrava', 'Address'),
        ' last week. Her son lives between ',
        phi('Oulu', 'Address'),
        ' and ',
        phi('Kuopio', 'Address'),
        '.'
    ]);
    v.add('round5', 'Moves between wards and days stay', [
        'Moved from Cardiology to Endocrinology. Went from Monday to Friday. Came from Room 4 to Recovery.'
    ]);
    v.add('round5', 'Rhythms, states of care, in-laws and places of work after those words stay', [
        'Patient is in Sinus rhythm. Patient is in Recovery. His son in Law school. Took the bus to Work. ',
        'Surgery in March. Residence: Own home.'
    ]);
}

/** Hospital numbers as Indian, British and African hospitals label them, and bare insurance labels. */
export function fifthRoundHospitalVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Hospital, registration, folder and file numbers after their label',
        'Identifier',
        ['2023-88123', '4471882', '4471/23', '44718', '4471-88', '88-4471', '7012345', '24-4471', '4471-89'],
        [
            ['UHID: ', '\n'],
            ['CR number ', ' (OPD).'],
            ['IPD No. ', ' admitted.'],
            ['Folder number ', ' pulled.'],
            ['File no. ', ' closed.'],
            ['File number: ', '\n'],
            ['GMC number ', ' checked.'],
            ['Lab no. ', ' received.'],
            ['Receipt no. ', ' issued.']
        ]
    );
    v.add('round5', 'A label before a number is not a town with a postal code', [
        'CR No. ',
        phi('88123/2024', 'Identifier'),
        '; Pathway ID ',
        phi('44718', 'Identifier'),
        '\n'
    ]);
    v.inContexts(
        'round5',
        'Member number after a bare insurance label, and three digits after a payer',
        'HealthPlanId',
        ['4471-882', '447 188', '447189'],
        [
            ['Insurance: ', '\n'],
            ['Health insurance: Medicare, ID ', '.'],
            ['Plan no. ', ' on the card.']
        ]
    );
    v.inContexts(
        'round5',
        'Member number before its label, after "ending in" and after "is:"',
        'HealthPlanId',
        ['4471882', 'W1234567', '4471', '4471 882'],
        [
            ['Confirmed ', ' (member ID) with the plan.'],
            ['', ' is her member ID.'],
            ['Caller gave member ID ending in ', '.'],
            ['member number is: ', '\n']
        ]
    );
    v.add('round5', 'Doses and years before such words stay', [
        'Take 2000 (units) daily. Dose 500 - policy number pending. In 2019 (policy number changed).'
    ]);
    v.add('round5', 'Bare insurance labels before percentages, counts and years stay', [
        'Coverage: 100%\nInsurance: 2 plans\nPlan: 325 mg\nInsurance: Medicare 2024\nCarrier: 4 weeks\nLab number 3.'
    ]);
}

/** Labels abbreviated with full stops, and a dash or ":-" between label and value. */
export function fifthRoundSeparatorVectors(v: VectorSet): void {
    v.inContexts(
        'round5',
        'Member number after an abbreviated label or a dash',
        'HealthPlanId',
        ['4471882', '4471-882', '4471883', '88123', '4471884', '4471885', '4471-883', '4471/882', 'W4471882'],
        [
            ['Mem. ID ', '\n'],
            ['Mbr. # ', '\n'],
            ['Pol. no. ', ' on file.'],
            ['Grp. no. ', '\n'],
            ['Policy number - ', '\n'],
            ['Policy No:- ', '\n'],
            ['Member ID \u2013 ', '\n'],
            ['Insurance No.:- ', '\n'],
            ['Member I.D.: ', '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Claim, ticket and reference numbers after a dash or ":-"',
        'Identifier',
        ['4471882', '4471-882', '4471886', 'AB/4471'],
        [
            ['Claim no:- ', '\n'],
            ['Claim Ref - ', '\n'],
            ['Ticket No.- ', ' raised.'],
            ['Ref:- ', '\n']
        ]
    );
    v.inContexts(
        'round5',
        'Member number after a remark between label and value, or in brackets or quotes',
        'HealthPlanId',
        ['4471887', '4471888', '4471-884', 'W4471883', '4471 88231 2', '4471889', 'W4471884'],
        [
            ['Member ID (front of card): ', '\n'],
            ['Member ID on file: ', '\n'],
            ['the policy number she gave was ', '.'],
            ['Insurance ID, as printed: ', '\n'],
            ['Medicare number for him is ', '.'],
            ['Member ID: [', ']\n'],
            ['Member ID: "', '"\n']
        ]
    );
    v.add('round5', 'Remarks after a label without a number stay', [
        'Member ID (see card) pending. Claim (denied) was 2 weeks ago. Referral given 2024. Policy on file: yes.'
    ]);
    v.add('round5', 'Labels before a dash and a dose, a count or a year stay', [
        'Plan - 325 mg aspirin. Member - self. Policy - 2 years. Claim - 3 visits. Case - 45-year-old. ID - 2020 cohort.'
    ]);
}
