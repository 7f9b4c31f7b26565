/**
 * Shared redaction vectors of the precision round of issue 16: words of ordinary clinical, office and business
 * text that are also names in the names list (languages, religions, abbreviations of forms, words for a town in
 * other languages, brands, eponyms before the noun they name), which must stay, beside the people of the same
 * names who must still be found. Written by hand, not from any corpus.
 */
import { phi, type VectorSet } from './vector-set';

/** Dictionary words that are names elsewhere, alone in a note or a form, and the people who bear them. */
export function precisionWordVectors(v: VectorSet): void {
    v.add('precision', 'Languages, religions and their feasts stay', [
        'Speaks Hindi and Tagalog, reads Farsi. She is Muslim and fasting for Ramadan; he is Amish, his wife is Lutheran.'
    ]);
    v.add('precision', 'Abbreviations of forms and notes stay', [
        'Emp ID on file. Hosp course uncomplicated. Payor: Medicare. Disch Dx: pneumonia. Admin fee waived. Endo consult.'
    ]);
    v.add('precision', 'Words for a town or a county in other languages stay', [
        'Ville, Stadt, Kreis and Comté are words for a town or a county.'
    ]);
    v.add('precision', 'Brands, makers and drugs that are names elsewhere stay', [
        'He drives a Toyota, she a Lexus. Coban wrap; Cipro for 7 days. Supplies from McKesson and DaVita. Made by Merck.'
    ]);
    v.add('precision', 'People who bear those words as names are still found', [
        phi('Ali Farsi', 'Name'),
        ' interpreted. Dr. ',
        phi('Eng', 'Name'),
        ' reviewed it. ',
        phi('Ville Heikkinen', 'Name'),
        ' called. ',
        phi('Mohammad Islam', 'Name'),
        ' was seen. ',
        phi('Kenji Honda', 'Name'),
        ' drove. ',
        phi('Reg Thompson', 'Name'),
        ' called. Mr. ',
        phi('Merck', 'Name'),
        ' left.'
    ]);
    v.add('precision', 'Eponyms before a device, a test or an organ stay', [
        "Crohn's ileitis, Barrett esophagus, Huntington chorea, Nissen fundoplication, Foley catheter, Doppler ultrasound, Apgar scores 8 and 9."
    ]);
}

/** Ambiguous names that are only common words (power, door, code): no name together, nor after an auxiliary. */
export function precisionCommonWordVectors(v: VectorSet): void {
    v.add('precision', 'Two words that are only common words make no name', [
        'Code Status: Full Code. Served in the Air Force. Package left at the Front Door. Public Comment closed. ',
        'Case presented at Grand Rounds. Referred to Child Life.'
    ]);
    v.add('precision', 'A common word only after an opening auxiliary stays', [
        'Will Power be restored by tonight? Can Sales call me back? Did Billing get the form?'
    ]);
    v.add('precision', 'A name, an initial or a given name beside a common word is still found', [
        'I told ',
        phi('Will Power', 'Name'),
        ' about the bill. Letter from ',
        phi('J. Power', 'Name'),
        ' today. Seen with ',
        phi('Harmony Fields', 'Name'),
        '. Can ',
        phi('Destiny', 'Name'),
        ' call me back?'
    ]);
}

/** A family name in an organisation's name (Miller Inc, Sutter Health, Davis and Sons) is no person. */
export function precisionOrganisationVectors(v: VectorSet): void {
    v.add('precision', 'Family names before or inside an organisation noun stay', [
        'I worked at Miller Inc for five years, then at Johnson Group. Davis and Sons supplied the lumber. ',
        'She joined Sutter Health; he works for Baxter Healthcare. Recalls from Abbott Laboratories and Jackson ',
        'Industries. Anderson Holdings merged with Taylor Partners. A grant from the Carter Foundation.'
    ]);
    v.add('precision', 'People beside an organisation, and family names that are organisation words elsewhere', [
        'Seen by ',
        phi('Maria Lopez', 'Name'),
        ' at Mercy Hospital. ',
        phi('Jane Blue', 'Name'),
        ' from Sutter Health called. Mrs ',
        phi('Baxter', 'Name'),
        ' works there. Call ',
        phi('Tom Brothers', 'Name'),
        ' back.'
    ]);
}

/** After a cue of a letter or a form (Dear, Sincerely, Signed:, Interpreter:, Emergency contact:), roles stay. */
export function precisionCueRoleVectors(v: VectorSet): void {
    v.add('precision', 'Roles, departments, relatives and languages after a cue stay', [
        'Dear Valued Customer,\nDear Hiring Manager,\nDear Policyholder,\nSincerely,\nBilling Department\n',
        'Signed: Charge Nurse\nSigned by Registered Nurse\nInterpreter: Spanish\nInterpreter: Declined\n',
        'Emergency contact: Mother\nNext of kin: Son\nSpoke with Pharmacy\nReferred by Emergency Department\n',
        'Thank you, Management\nTo: Medical Records\nFrom: Claims Department\n'
    ]);
    v.add('precision', 'People after the same cues are still found', [
        'Dear ',
        phi('Jordan', 'Name'),
        ',\nSigned: ',
        phi('Dana Brooks', 'Name'),
        ', RN\nInterpreter: ',
        phi('Ana Ruiz', 'Name'),
        '\nEmergency contact: ',
        phi('Keisha Brown', 'Name'),
        '\nSigned: Charge Nurse ',
        phi('Amy Lee', 'Name'),
        '\n'
    ]);
}

/** Desks, roles and departments before a speech verb, and clinical terms that are names elsewhere. */
export function precisionSpeechVerbVectors(v: VectorSet): void {
    v.add('precision', 'A desk, role or department before a speech verb stays', [
        'Customer Service wrote back. Social Work says the family agrees. The Charge Nurse said the bed is ready. ',
        'Risk Management asked for a report. Aetna Better Health wrote.'
    ]);
    v.add('precision', 'Clinical terms that are names elsewhere stay in lower case', [
        'Continue the beta blocker; the filter sits in the inferior vena cava; melena noted; benzo taper started; dura intact.'
    ]);
    v.add('precision', 'People before a speech verb are still found, family names like Cross and Ward included', [
        phi('Amy Cross', 'Name'),
        ' said she is fine. ',
        phi('Quilla Ward', 'Name'),
        ' wrote back. ',
        phi('Teodor Bankowski', 'Name'),
        ' said no.'
    ]);
}

/** Assessment instruments named after a person, written in Title Case with their score after them. */
export function precisionInstrumentVectors(v: VectorSet): void {
    v.add('precision', 'An eponym noun inside a run of capitalised words makes it an instrument', [
        'Braden Scale 16. Morse Fall Scale 45. Glasgow Coma Scale 15. Richmond Agitation Sedation Scale 0. ',
        'Katz Index 6. Apgar Score 9. Barthel Index 85. Berg Balance Scale 40. Beck Depression Inventory 12. ',
        'Glasgow coma scale 15.'
    ]);
    v.add('precision', 'Law, a family name as well, is no eponym noun inside a span', [
        'I met ',
        phi('Nancy Law', 'Name'),
        ' at the clinic. ',
        phi('Law Wai Man', 'Name'),
        ' was admitted.'
    ]);
}

/** Found in text written for a blind count, then mended: fluids and devices, hotels, specialties after a cue. */
export function precisionNoteTermVectors(v: VectorSet): void {
    v.add('precision', 'Fluids, devices and diets, hotels, and specialties after a cue stay', [
        'Flush with Normal Saline; senna at bedtime; Edema 2+; stent patent; Venturi mask; trach care. Halal meals.\n',
        'Stayed at a Hilton Garden Inn and a Hampton Inn.\n',
        'Discussed with Wound Ostomy Continence Nurse. Requesting Provider: Orthopedic Surgery.\n'
    ]);
    v.add('precision', 'People after the same cues and beside the same words are still found', [
        'Requesting Provider: ',
        phi('Kwame Asante', 'Name'),
        '\nDiscussed with ',
        phi('Paris Hilton', 'Name'),
        ' today. ',
        phi('Maria Saline', 'Name'),
        ' was admitted.\n'
    ]);
}

/** Makes and models of vehicles, as emergency notes of a collision write them. */
export function precisionVehicleVectors(v: VectorSet): void {
    v.add('precision', 'A vehicle make and its model stay', [
        'Restrained driver of a Toyota Corolla struck by a Ford Ranger. Passenger in a Honda Civic. Pedestrian struck ',
        'by a Nissan Rogue. She drives a Subaru Forester and a Dodge Caravan. Driver of a Jeep Grand Cherokee.'
    ]);
    v.add(
        'precision',
        'People whose family name is a make, and given names that are makes elsewhere, are still found',
        [
            'I met ',
            phi('Harrison Ford', 'Name'),
            ' at the clinic. ',
            phi('Hannah Dodge', 'Name'),
            ' called twice. ',
            phi('Mercedes Lopez', 'Name'),
            ' is here.'
        ]
    );
}

/** Pharmacy and store lists, hospital lists, a walk-in clinic and plans whose names begin with a state. */
export function precisionPlaceVectors(v: VectorSet): void {
    v.add('precision', 'Stores, sites, a walk-in clinic and Blue plans are no town and no name', [
        'Preferred pharmacy: Walgreens, Rite Aid.\nPharmacy: CVS, Walgreens.\nRecords from Mercy Hospital, Mayo Clinic.\n',
        'Seen in the Walk-In Clinic today.\nInsurance: Premera, Florida Blue.\n',
        'Insurance: Blue Cross Blue Shield of Illinois PPO. Does Blue Cross cover it? Anthem Blue Cross denied it.\n'
    ]);
    v.add('precision', 'Towns after a store or before a state, and people named Blue or Cross, are still found', [
        'Pharmacy: Walgreens, ',
        phi('Quenmoor', 'Address'),
        '.\n',
        phi('Quenmoor, Texas', 'Address'),
        ', is home.\n',
        phi('Jane Blue', 'Name'),
        ' called. ',
        phi('Amy Cross', 'Name'),
        ' said hi.\n'
    ]);
}

/** Holidays named by a word that is a name elsewhere. */
export function precisionHolidayVectors(v: VectorSet): void {
    v.add('precision', 'Holidays stay', [
        "He fell over Labor Day weekend. Columbus Day. Victoria Day fireworks. Martin Luther King Day. St. Patrick's Day."
    ]);
    v.add('precision', 'A person whose family name is Day is still found', [
        'I met ',
        phi('Doris Day', 'Name'),
        ' today.'
    ]);
}

/** Words of letters and notes in other languages, and of faiths, that are names elsewhere. */
export function precisionForeignWordVectors(v: VectorSet): void {
    v.add('precision', 'Salutations and common words of other languages stay', [
        'Sehr geehrte Damen und Herren, anbei der Arztbrief. Mit freundlichen Grüßen, Ihre Praxis.\n',
        'Estimado Paciente: Gracias. Traiga su Tarjeta de Seguro.\nBonjour, merci pour votre message.\n',
        'Patient reads the Koran; Passover Seder at home.\n'
    ]);
    v.add('precision', 'Names in the same letters are still found', [
        'Sehr geehrter Herr ',
        phi('Klaus Becker', 'Name'),
        ', danke.\n',
        phi('Rahul Das', 'Name'),
        ' called.\n'
    ]);
}

/** Cancers, viruses, techniques and gaits named after a person or a place. */
export function precisionEponymNounVectors(v: VectorSet): void {
    v.add('precision', 'Eponyms before a cancer, a virus, a technique or a gait, and a position, stay', [
        'History of Colon Cancer. Epstein-Barr virus positive. Seldinger technique used. Trendelenburg gait. ',
        'Placed in Trendelenburg position. Merkel cell carcinoma.'
    ]);
    v.add('precision', 'People and towns beside the same words are still found', [
        'I met ',
        phi('Jane Atkins', 'Name'),
        ' today. She moved to ',
        phi('Quenmoorville', 'Address'),
        ' last year.'
    ]);
}
