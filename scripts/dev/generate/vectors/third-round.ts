/**
 * Shared redaction vectors of the rules added in issue 16's third round, each found as a class of failure
 * on the held-out notes' dev templates (scripts/dev/bench/heldout-notes.ts) and written for text in
 * general: dates written year first with slashes or month first with dashes, ages with y.o. or the sex
 * letter, labels such as "MRN#:" and "Claim no.", European and British street forms, with the look-alikes
 * each rule must leave.
 */
import { phi, type VectorSet } from './vector-set';

/** Dates, ages and labelled numbers. */
export function thirdRoundNumberVectors(v: VectorSet): void {
    v.inContexts(
        'round3',
        'Date written year first with slashes or dots, or month first with dashes',
        'Date',
        ['2002/07/19', '1969.1.28', 'Oct-16-2021', 'jun-3-03'],
        [
            ['Admitted ', ' via ED.'],
            ['DOB: ', '\n']
        ]
    );
    v.add('round3', 'Year-first numbers that are no date stay', [
        'Version 2021.13.4 and 2020/00/11, build 2019.10.5.2, ratio 1999/12/40.'
    ]);
    v.add('round3', 'Age over 89 with y.o.', [
        'The patient is a ',
        phi('94', 'Age'),
        ' y.o. man; his sister, ',
        phi('101', 'Age'),
        ' y. o., visits.'
    ]);
    v.add('round3', 'Age over 89 with the sex letter after a comma, a or a line start', [
        'Bed 12: A. K., ',
        phi('94', 'Age'),
        'M, NSTEMI. Pt is a ',
        phi('90', 'Age'),
        'F with CHF.\n',
        phi('102', 'Age'),
        'F, lives alone.'
    ]);
    v.add('round3', 'Temperatures and sizes with F or M stay', [
        'Temp 101F overnight; T 99.1, 101F; fever to 102F; a 95MB file.'
    ]);
    v.add('round3', 'Record and plan numbers after a label with #:', [
        'MRN#: ',
        phi('N638-9378', 'Mrn'),
        '\nMember ID#: ',
        phi('XK4471902', 'HealthPlanId'),
        '\n'
    ]);
    v.inContexts(
        'round3',
        'Claim, case, reference and authorisation numbers after their label',
        'Identifier',
        ['Z612-3172', '6920499', 'PA-2291-77'],
        [
            ['Claim no. ', ' for DOS was denied.'],
            ['Prior auth # ', ' approved.'],
            ['Reference number: ', '.']
        ]
    );
    v.add('round3', 'A label without a number stays', [
        'Claim number is pending; the case id was lost; reference no. unknown.'
    ]);
}

/** European and British street forms. */
export function thirdRoundStreetVectors(v: VectorSet): void {
    v.inContexts(
        'round3',
        'Street after an address cue, with particles and no suffix',
        'Address',
        ['Am Rosenhügel 449', 'Auf dem Bohnbüchel 804', 'van der Heijdenplantsoen 68', 'Neujudenhof 89c'],
        [
            ['Please send it to my new address, ', '. Thanks.'],
            ['She lives at ', ' with her son.'],
            ['Mailing address: ', '\n']
        ]
    );
    v.inContexts(
        'round3',
        'German street named after a person, suffix after a hyphen',
        'Address',
        ['Robert-Koch-Str. 48b', 'Carl-Maria-von-Weber-Platz 2', 'Max-Horkheimer-Straße 7'],
        [['The practice is at ', ' on the second floor.']]
    );
    v.inContexts(
        'round3',
        'British street suffixes',
        'Address',
        ['645 Selina Brae', '13 Baumbach Croft', '30 Ivah Paddock', '9 Holly Wynd'],
        [['Re: the patient of ', ', seen today.']]
    );
    v.inContexts(
        'round3',
        'Town before a care site in lower case, or after living with someone',
        'Address',
        ['Samsun', 'Noida', 'McLaughlinland'],
        [
            ['Appointment at the ', ' clinic on Monday.'],
            ['Transferred to the ', ' hospital overnight.'],
            ['She lives with her daughter in ', ' since the fall.']
        ]
    );
    v.add('round3', 'Town after a living or travel verb at a sentence start', [
        'Lives with her daughter in ',
        phi('Tampere', 'Address'),
        '. Born in ',
        phi('Nădlac', 'Address'),
        '. Moved to Texas in 1999.'
    ]);
    v.add('round3', 'Clinics named by a specialty or service stay', [
        'Seen at the Walk-in clinic, the Diabetes clinic and the Fracture clinic; referred to the Lipid clinic.'
    ]);
    v.add('round3', 'Ordinary words after an address word stay', [
        'Address the letter to Finance. The address, Room 12, is wrong. See Section 4 Table 2.'
    ]);
}

/** Names told by a signature's valediction or by what a patient does. */
export function thirdRoundNameVectors(v: VectorSet): void {
    v.inContexts(
        'round3',
        'Signature below a valediction',
        'Name',
        ['Isai Kovacek', 'Terenc Volná', 'Adaeze Okonkwo'],
        [
            ['Please call me.\n\nThanks,\n', '\nFront desk'],
            ['See you then.\n\nBest,\n', '\nPractice Manager'],
            ['Kind regards,\n', '\n']
        ]
    );
    v.add('round3', 'A valediction before ordinary words stays', ['Thanks, see you next week.\nBest,\nThe team\n']);
    v.inContexts(
        'round3',
        'Unknown surname after a word for the patient, before what a patient does',
        'Name',
        ['Lueilwitz', 'Boyacı', 'Reinger'],
        [
            ['Patient ', ' called at 9am about a refill.'],
            ['Pt ', ' denies chest pain.'],
            ['Caller ', ' asked for a callback.']
        ]
    );
    v.add('round3', 'Last, First after a provider or patient word', [
        'Ordering provider ',
        phi('Bademci, Andreane', 'Name'),
        '. Patient ',
        phi('Lind-Johns, Celâleddin', 'Name'),
        '.\n'
    ]);
    v.add('round3', 'Services named after the patient stay', [
        'Patient Safety reported two events; Patient Transport, Ward 4; Patient Education, Room 2.'
    ]);
    v.add('round3', 'A friend named after with friend', ['She stays with friend ', phi('Nil Akaydın', 'Name'), '.']);
    v.add('round3', 'Who was present, each before a relation in brackets', [
        'Present: ',
        phi('Zühal Alyanak', 'Name'),
        ' (patient), ',
        phi('Else Crona', 'Name'),
        ' (son), ',
        phi('Miller Ankunding', 'Name'),
        ' (HCP).'
    ]);
    v.add('round3', 'Brackets after ordinary words stay', ['The form (patient copy) was signed; see the (son) note.']);
    v.add('round3', 'A surname with an initial', [
        'Bed 12: ',
        phi('Dam, P.', 'Name'),
        ', NSTEMI. Bed 14: ',
        phi('K. Abalıoğlu', 'Name'),
        ', post-op.'
    ]);
    v.add('round3', 'Species, journals and lettered items stay', [
        'Cultures grew S. Aureus; cited in J. Clin. Invest.; see Appendix A. Worked examples.'
    ]);
    v.add('round3', 'The caller who says who they are, and a name thanked', [
        'Caller: This is ',
        phi('Gaiman Susanti', 'Name'),
        ', calling back. Agent: Thanks ',
        phi('Holly', 'Name'),
        '. Thank you ',
        phi('Zühal', 'Name'),
        '!'
    ]);
    v.add('round3', 'Thanks before ordinary words stays', ['Thanks In advance. Thanks everyone. This is Salesforce.']);
    v.add('round3', 'A name in Georgian script, which has no case in writing', [
        'Patient name as written: ',
        phi('ფოფო ვარდიაშვილი', 'Name'),
        '. DOB unknown.'
    ]);
}
