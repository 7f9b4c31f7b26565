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
