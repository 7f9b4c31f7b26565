/**
 * Shared redaction vectors of issue 16's sixth round (phiids): health-plan numbers and other identifying numbers
 * as claim forms, insurance cards, pharmacy and laboratory systems, call-centre chats, table exports and text
 * written in other languages label them. Written by hand from those formats, not from any corpus. The values are
 * the shapes that need their label to be found (six or seven digits, a letter with dashed digit groups), so a
 * vector fails when the label is not read; each family has the look-alikes it must leave.
 */
import { phi, type VectorSet } from './vector-set';

/** Health-plan numbers after US card, claim-form and Medicare labels that were not read before. */
export function sixthRoundPlanVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Member number after a card, claim-form or Medicare label',
        'HealthPlanId',
        ['884712', 'Q884-4712', '4471829', 'K448-2291', '884712', '7712345', 'B884-4712', '5512377', '884712A'],
        [
            ['Mbr: ', '\n'],
            ['Member Identifier: ', '\n'],
            ['Medicare Beneficiary Identifier (MBI): ', '\n'],
            ['Policy holder number ', ' on the claim.'],
            ['Medicaid recipient number ', '.'],
            ['Medi-Cal CIN: ', '\n'],
            ['HIC#: ', '\n'],
            ['Railroad Retirement Board # ', '.'],
            ['H&C number ', ' checked.']
        ]
    );
    v.inContexts(
        'round6',
        'Member number after a remark between label and value',
        'HealthPlanId',
        ['884712', 'Q884-4712', '4471829'],
        [
            ['Member ID on card: ', '\n'],
            ['member id we have on file: ', '\n'],
            ['Member ID verified: ', ' (active).']
        ]
    );
    v.inContexts(
        'round6',
        'Member and group numbers after one combined label, split by a slash',
        'HealthPlanId',
        ['Q884-4712/K448-2291', 'Q884-4712 / K448-2291'],
        [
            ['Member ID/Group: ', '\n'],
            ['Policy / Group: ', ' (self).']
        ]
    );
    v.add('round6', 'A bare member or group noun before a letter with dashed digit groups', [
        'Card scanned. Member ',
        phi('Q884-4712', 'HealthPlanId'),
        ', group ',
        phi('K448-2291', 'HealthPlanId'),
        '.'
    ]);
}

/** Health-insurance numbers after labels in the languages of the notes' people. */
export function sixthRoundAbroadPlanVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Health-insurance number after a label in another language',
        'HealthPlanId',
        [
            '884712',
            'Q884-4712',
            '4471829',
            '884712',
            '7712345',
            'Q884-4712',
            '884712',
            '4471829',
            '884712',
            'Q884-4712',
            '7712345',
            '884712',
            '4471829',
            '884712',
            'Q884-4712',
            '884712'
        ],
        [
            ['Versichertennummer: ', '\n'],
            ['Krankenkasse AOK, Versicherten-Nr. ', '.'],
            ['N\u00b0 de s\u00e9curit\u00e9 sociale : ', '\n'],
            ["num\u00e9ro d'assur\u00e9 ", '.'],
            ['N\u00famero de afiliaci\u00f3n ', ' (IMSS).'],
            ['P\u00f3liza: ', '\n'],
            ['N\u00ba utente SNS ', '.'],
            ['Tessera sanitaria n. ', '.'],
            ['Kela-kortin numero ', '.'],
            ['Vakuutusnumero ', '.'],
            ['Sigorta no: ', '\n'],
            ['VZP, \u010d\u00edslo poji\u0161t\u011bnce ', '.'],
            ['Zorgverzekeraar CZ, polisnummer ', '.'],
            ['Medlemsnummer ', ' hos forsikringen.'],
            ['No. BPJS: ', '\n'],
            ['ESIC no. ', '.']
        ]
    );
    v.inContexts(
        'round6',
        'Health number after an Australian, Greek or Turkish label',
        'HealthPlanId',
        ['884712', '4471829', 'Q884-4712'],
        [
            ['DVA file number ', '.'],
            ['AMKA ', ' confirmed.'],
            ['SGK sicil no ', '.']
        ]
    );
}

/** Claim, case, confirmation, pharmacy, laboratory, study and hospital-account numbers after their label. */
export function sixthRoundNumberVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Other identifying number after an abbreviated label',
        'Identifier',
        ['884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '4471829'],
        [
            ['Claim Nbr: ', '\n'],
            ['conf # ', ' sent by e-mail.'],
            ['PA # ', ' approved for 30 days.'],
            ['Enc # ', '\n'],
            ['Acc # ', ' received.'],
            ['Req # ', '\n'],
            ['Pt #: ', '\n'],
            ['Adm # ', ' on the wristband.'],
            ['Script # ', ' ready for pickup.']
        ]
    );
    v.inContexts(
        'round6',
        'Record locator, study, donor, appeal and hospital-account numbers',
        'Identifier',
        ['884712', 'Q884-4712', '101-004', '4471829', 'Q884-4712', '884712', '4471829', 'Q884-4712', '884712'],
        [
            ['Record locator: ', '\n'],
            ['Randomization # ', '.'],
            ['Subject ', ' completed visit 3.'],
            ['Donor # ', ' typed.'],
            ['Appeal number ', ' filed.'],
            ['HAR: ', '\n'],
            ['FIN ', ' for this admission.'],
            ['ICN: ', '\n'],
            ['Financial number ', '.']
        ]
    );
    v.inContexts(
        'round6',
        'Number after its noun in a call note or a chat',
        'Identifier',
        ['Q884-4712', 'Q884-4712', '884712', '884712', '4471829', 'Q884-4712'],
        [
            ['Claim ', ' denied for missing auth.'],
            ['we have opened case ', ' for you'],
            ['pharmacy says Rx ', ' is ready'],
            ['Order ', ' placed.'],
            ['Please quote ref ', ' in all correspondence.'],
            ['Your claim (', ') has been processed.']
        ]
    );
    v.inContexts(
        'round6',
        'Number after its label and a remark naming what it is for',
        'Identifier',
        ['884712', 'Q884-4712'],
        [
            ['claim number for this visit is ', '.'],
            ['the reference number for her stay was ', '.']
        ]
    );
}

/** Member numbers after the name of an insurer of another country or a regional US plan. */
export function sixthRoundPayerVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Member number after an insurer of another country or a regional US plan',
        'HealthPlanId',
        [
            '884712',
            'Q884-4712',
            '4471829',
            '884712',
            'Q884-4712',
            '4471829',
            '884712',
            'Q884-4712',
            '4471829',
            '884712'
        ],
        [
            ['Krankenkasse: AOK, Nr. ', '\n'],
            ['Techniker Krankenkasse ', '.'],
            ['CPAM n\u00b0 ', '.'],
            ['IMSS no. ', '.'],
            ['Unimed ', ' (titular).'],
            ['Menzis ', '.'],
            ['Gjensidige ', '.'],
            ['Sanitas ', '.'],
            ['Tufts Health Plan ', ' active.'],
            ['Aetna Better Health ', '.']
        ]
    );
    v.add('round6', 'Insurer names without a number, and with a year or a short count, stay', [
        'Insured with Sanitas since 2019. AOK plus 2 dependants. Unimed covers it. Menzis 2024 renewal.'
    ]);
}

/** Other numbers written in groups of digits split by spaces. */
export function sixthRoundSpacedVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Other number written in groups of two to five digits after its label',
        'Identifier',
        ['884 712', '4412 3456', '884 712', '44712 88123'],
        [
            ['claim # ', '\n'],
            ['Confirmation number: ', '. Keep it.'],
            ['Reference number ', ', thanks'],
            ['Auth no. ', ' valid 30 days.']
        ]
    );
    v.add('round6', 'Groups of digits before a dose or a count after a label stay', [
        'Rx #: 250 500 mg twice daily. Order # 100 200 units. Case # 12 30 days.'
    ]);
}

/** Case, file and order numbers after labels in other languages. */
export function sixthRoundAbroadNumberVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Case, file or order number after a label in another language',
        'Identifier',
        ['884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '884712'],
        [
            ['Fallnummer ', '.'],
            ['Auftragsnummer: ', '\n'],
            ['N\u00b0 de dossier ', '.'],
            ['N\u00famero de expediente ', '.'],
            ['N\u00ba processo ', '.'],
            ['Dossiernummer ', '.'],
            ['Saksnummer ', '.'],
            ['\u00dcgysz\u00e1m: ', '\n'],
            ['Protokol no ', '.']
        ]
    );
}

/** Table cells, dot leaders, padding and arrows between a label and its value. */
export function sixthRoundLayoutVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Member number after a table bar, dot leaders, padding or an arrow',
        'HealthPlanId',
        ['884712', 'Q884-4712', '4471829', '884712', 'Q884-4712'],
        [
            ['| Member ID | ', ' |\n'],
            ['Subscriber ID.......... ', '\n'],
            ['Member ID:        ', '\n'],
            ['Policy # -> ', '\n'],
            ['Group no => ', '\n']
        ]
    );
    v.inContexts(
        'round6',
        'Other number after a table bar, dot leaders or padding',
        'Identifier',
        ['884712', 'Q884-4712', '4471829'],
        [
            ['| Claim # | ', ' |\n'],
            ['Claim ID........ ', '\n'],
            ['Case number:\t\t\t', '\n']
        ]
    );
    v.add('round6', 'A date after a label and a remark is a date, not the number; a word after the label is not one', [
        'Member ID verified ',
        phi('2024-01-05', 'Date'),
        ' by phone. Claim number updated ',
        phi('01/05/2024', 'Date'),
        '. Policy number confirmed ',
        phi('3/4/24', 'Date'),
        '.'
    ]);
    v.add('round6', 'Table headers, empty fields, words after a label and a bare ID in a markdown table stay', [
        'Member ID | Name | Status\nMember ID.......... pending\nClaim #: ____\nPolicy ----> see attached\n',
        '| Field | external id | SHA-256 of the entry |\nHAR: n/a\nNSS: none\n'
    ]);
}

/** Numbers written before their label. */
export function sixthRoundBeforeLabelVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Number written before its label',
        'Identifier',
        ['4412345', 'Q884-4712', '884712', '884712'],
        [
            ['', ' is your confirmation number.'],
            ['Thanks, ', ' is the reference number for this call.'],
            ['', ' (claim #) was resubmitted.'],
            ['', ' is her Aetna ID.']
        ]
    );
    v.add('round6', 'Counts and doses before a label word stay', [
        'Take 2 (two) tablets. 30 is the usual order. 1000 mg is the dose per order. 2024 is the claim year.'
    ]);
}

/** Medical record numbers after record, chart, clinic and hospital labels, layouts, and labels in other languages. */
export function sixthRoundRecordVectors(v: VectorSet): void {
    v.inContexts(
        'round6',
        'Medical record number after a record, chart, clinic or hospital label, or after a table bar or dot leaders',
        'Mrn',
        ['884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '4471829', '884712', 'Q884-4712'],
        [
            ['Record # ', '\n'],
            ['Med record ', ' reviewed.'],
            ['Chart: ', '\n'],
            ['Clinic # ', ' on the label.'],
            ['Health record number ', '.'],
            ['EMR # ', '\n'],
            ['| MRN | ', ' |\n'],
            ['MRN......... ', '\n']
        ]
    );
    v.inContexts(
        'round6',
        'Medical record number after a label in another language',
        'Mrn',
        ['884712', 'Q884-4712', '4471829', '884712', 'Q884-4712', '4471829', '884712'],
        [
            ['N\u00b0 IPP : ', '\n'],
            ['N\u00famero de historia cl\u00ednica ', '.'],
            ['Patientennummer ', '.'],
            ['Potilasnumero ', '.'],
            ['Hasta no ', '.'],
            ['N\u00ba prontu\u00e1rio ', '.'],
            ['Cartella clinica n. ', '.']
        ]
    );
    v.add('round6', 'A medical record number written before its label', [
        phi('884712', 'Identifier'),
        ' is his MRN. Chart ',
        phi('Q884-4712', 'Identifier'),
        ' (medical record no.) was merged.'
    ]);
    v.add('round6', 'Chart, MR and record labels before findings, counts and years stay', [
        'Chart: 2024 annual review. Chart: reviewed, 2/6 murmur. MR: 3+ moderate. Record # pending. Clinic # 2. ',
        'IPP placed 2019. Hospital record reviewed. Record number 5 of 12.'
    ]);
}

/** Look-alikes beside the new labels: doses, counts, years, rooms, codes, lots and versions. */
export function sixthRoundKeepVectors(v: VectorSet): void {
    v.add('round6', 'Doses, counts, rooms, codes, lots and versions beside identifier labels stay', [
        'Rx: 1000 mg acetaminophen PRN. Rx: amoxicillin 500 mg. Order 2 units PRBC. Order 100000 units. Case 12 of 40, ',
        'case 10-15 minutes. PA #2 on call tonight. Subject: 3 items pending. Subject: follow up on 2024 visit. ',
        'Room 4412, bed 2. Lot 884712 exp 2027-01. ICD-10 I10. Version 2.14.1. FIN: 100%. SR 7 days. ',
        'Conf: 2024 annual meeting. Study 2023 cohort. subject 12-14 years. Sample size 1000 patients.'
    ]);
}
