/**
 * Shared redaction vectors of names (Safe Harbor A: patterns after titles and cues, the names dictionary)
 * and of the source record's own PHI values.
 */
import { phi, type VectorSet } from './vector-set';

/** Names from patterns (titles, cues) and from the dictionary. */
export function nameVectors(v: VectorSet): void {
    // --- (A) names from patterns (titles, cues) and from the dictionary
    v.inContexts(
        'name-title',
        'Name after a title',
        'Name',
        ['Smith', 'Jane Smith', 'J. Smith', 'Ferko Takáts', "O'Brien", 'Mary-Jane Watson'],
        [
            ['Seen by Dr. ', ' today.'],
            ['Mrs ', ' called.'],
            ['Referred to Prof. ', '.']
        ]
    );
    v.inContexts(
        'name-cue',
        'Name after a cue',
        'Name',
        ['Rubija', 'Sölvi Salómonsson', 'Aantje Mourik', 'Quinzel Harleen'],
        [
            ['My name is ', '.'],
            ["What's your name? ", ''],
            ['Patient: ', '\nAge: 45'],
            ['Dear ', ',\n']
        ]
    );
    v.inContexts(
        'name-dict',
        'Dictionary name',
        'Name',
        ['Margaret', 'Johnson', 'Catherine', 'Kevin Walsh', 'Hannah McConnan', 'Teresa Kreutzmann', 'Emilie Broberg'],
        [
            ['Yesterday ', ' came in with chest pain.'],
            ['The report was signed and reviewed by ', ' this morning.'],
            ['Follow-up booked; ', ' will attend.']
        ]
    );
    v.add('name-dict', 'Given name, initial and family name', [
        'Consulted with ',
        phi('Faina D. Yefremova', 'Name'),
        ' on the case.'
    ]);
    v.add('name-dict', 'Possessive of a dictionary name', ['It was ', phi("Margaret's", 'Name'), ' idea.']);
    v.add('name-dict', 'Accented name folded to the dictionary', [
        'Notes from ',
        phi('José García', 'Name'),
        ' attached.'
    ]);
    v.add('name-dict', 'Lower-case given and family name', [
        'follow up with ',
        phi('patricia desrosiers', 'Name'),
        ' in a month.'
    ]);
    v.add('name-dict', 'Two ambiguous names together', ['Yesterday ', phi('Grace Hope', 'Name'), ' was discharged.']);
    v.add('name-dict', 'An ambiguous name alone is not redacted', ['Yesterday we had grace and hope.']);
    v.add('name-dict', 'Sentence-initial common words are not names', [
        'Will you bring the forms? Grace is not needed.'
    ]);
    v.add('name-dict', 'Capitalised non-names are not redacted', [
        'The Hospital Board met on Monday in the East Wing.'
    ]);
    v.add('name-dict', 'Names in a list', [
        'Present: ',
        phi('Margaret', 'Name'),
        ', ',
        phi('Kevin', 'Name'),
        ' and ',
        phi('Catherine', 'Name'),
        '.'
    ]);
    v.add('name-dict', 'Without the dictionary only patterns apply', ['Yesterday Margaret came in.'], {
        dictionary: false
    });
    nameWithoutCueVectors(v);
}

/** The record fields the field and pseudonym vectors use. */
export const PERSON = { FirstName: 'Quentin', LastName: 'Zarbock' };

/** The source record's own values: case and whitespace variants. */
export function fieldVectors(v: VectorSet): void {
    v.add(
        'field',
        'First and last name from the record',
        ['Patient ', phi('Quentin Zarbock', 'Name'), ' reports pain.'],
        { fields: PERSON }
    );
    v.add(
        'field',
        'Upper-case variant of the record name',
        ['PATIENT ', phi('QUENTIN ZARBOCK', 'Name'), ' DISCHARGED.'],
        { fields: PERSON }
    );
    v.add(
        'field',
        'Lower-case variant of the record name',
        ['spoke with ', phi('quentin zarbock', 'Name'), ' today.'],
        {
            fields: PERSON
        }
    );
    v.add('field', 'Double space between the names', ['Visit by ', phi('Quentin  Zarbock', 'Name'), '.'], {
        fields: PERSON
    });
    v.add('field', 'Line break between the names', ['Signed:\n', phi('Quentin\nZarbock', 'Name'), '\n'], {
        fields: PERSON
    });
    v.add('field', 'Tab between the names', ['Name\t', phi('Quentin\tZarbock', 'Name'), '\tok'], { fields: PERSON });
    v.add('field', 'No-break space between the names', ['Mr\u00A0', phi('Quentin\u00A0Zarbock', 'Name'), ' arrived.'], {
        fields: PERSON
    });
    v.add('field', 'Zero-width space inside the name', ['Patient ', phi('Quen\u200Btin Zarbock', 'Name'), ' left.'], {
        fields: PERSON
    });
    v.add('field', 'Soft hyphen inside the family name', ['Patient ', phi('Zar\u00ADbock', 'Name'), ' left.'], {
        fields: PERSON
    });
    v.add('field', 'Record name written family name first', ['Patient ', phi('Zarbock, Quentin', 'Name'), ' seen.'], {
        fields: PERSON
    });
    v.add('field', 'Record name followed by a comma', ['', phi('Quentin Zarbock', 'Name'), ', aged 45, stable.'], {
        fields: PERSON
    });
    v.add('field', 'Family name alone', ['Mr. ', phi('Zarbock', 'Name'), ' was informed.'], { fields: PERSON });
    v.add('field', 'Given name alone, mid-sentence', ['Told ', phi('quentin', 'Name'), ' to rest.'], {
        fields: PERSON
    });
    v.add('field', 'Name inside a longer word is not masked', ['Quentinesque and Zarbockian are words.'], {
        fields: PERSON,
        dictionary: false
    });
    v.add('field', 'Phone from the record with other separators', ['Call ', phi('555.867.5309', 'Phone'), ' today.'], {
        fields: { ...PERSON, Phone: '(555) 867-5309' }
    });
    v.add('field', 'Phone from the record written with spaces', ['Mobile ', phi('555 867 5309', 'Phone'), '.'], {
        fields: { MobilePhone: '+1-555-867-5309' }
    });
    v.add('field', 'Email from the record in upper case', ['Write to ', phi('Q.ZARBOCK@EXAMPLE.ORG', 'Email'), '.'], {
        fields: { Email: 'q.zarbock@example.org' }
    });
    v.add('field', 'Birthdate from the record, US form', ['Born ', phi('07/04/1961', 'Date'), ' per chart.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    v.add('field', 'Birthdate from the record, month name', ['Born ', phi('July 4, 1961', 'Date'), '.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    v.add('field', 'Birthdate from the record, European form', ['Geboren am ', phi('04.07.1961', 'Date'), '.'], {
        fields: { Birthdate: '1961-07-04' }
    });
    v.add('field', 'Street from the record', ['Lives at ', phi('9 Quarry Lane', 'Address'), ' now.'], {
        fields: { MailingStreet: '9 Quarry Lane' }
    });
    v.add('field', 'City from the record', ['Moved to ', phi('Oakhaven', 'Address'), ' last year.'], {
        fields: { MailingCity: 'Oakhaven' }
    });
    v.add('field', 'Custom MRN field with a category', ['Chart ', phi('ZX-99812', 'Mrn'), ' updated.'], {
        fields: { ChartNumber__c: 'ZX-99812' },
        fieldCategories: { ChartNumber__c: 'Mrn' }
    });
    v.add('field', 'Unknown custom field counts as an identifier', ['Ref ', phi('QQ7781', 'Identifier'), ' noted.'], {
        fields: { LegacyRef__c: 'QQ7781' }
    });
    v.add('field', 'Empty and one-letter fields are ignored', ['Patient A is stable.'], {
        fields: { FirstName: '', MiddleName: 'A', LastName: '' }
    });
}

/**
 * Names the dictionary finds without a pattern's cue (issue 16): a lone surname after a word for a person,
 * names in other scripts within English text, names split by control characters; and the common words that
 * stay.
 */
function nameWithoutCueVectors(v: VectorSet): void {
    v.add('name-dict', 'Lone ambiguous surname after patient', ['Patient ', phi('Smith', 'Name'), ' called back.']);
    v.add('name-dict', 'Lone surname after pt. and wife', [
        'Pt. ',
        phi('Miller', 'Name'),
        ' seen with wife ',
        phi('Hope', 'Name'),
        '.'
    ]);
    v.add('name-dict', 'Common words stay without a person before them', [
        'Will recheck in May. Hope this helps. Bill was sent. Smith the metal.'
    ]);
    otherScriptVectors(v);
    v.add('name-dict', 'Name split by control characters', [
        'Visit by ',
        phi('Mar\u0001garet John\u0007son', 'Name'),
        '.'
    ]);
    v.add('name-dict', 'States and countries stay, a state name beside a name is a name', [
        'Moved from Georgia to Virginia, born in Mexico. Wife ',
        phi('Georgia Smith', 'Name'),
        ' came.'
    ]);
    v.add('name-dict', 'A word name as a speaker label', [phi('John', 'Name'), ': I feel better today.\nNurse: Good.']);
    v.add('name-dict', 'A role label and an ambiguous word as a label stay', [
        'Bot: How can I help?\nBilling: card on file.'
    ]);
    v.add('name-dict', 'Name after call me', ['Everyone calls me ', phi('Tova', 'Name'), ' at home.']);
    v.add('name-dict', 'Name after I am', ['Hello, I am ', phi('Quorra Vell', 'Name'), ', her daughter.']);
    v.add('name-dict', 'Name after my son', ['Please update my son ', phi('Dashiell', 'Name'), ' on the plan.']);
    v.add('name-dict', 'Unknown word after a relative', [
        'Lives with her husband ',
        phi('Quillon', 'Name'),
        ' in town.'
    ]);
    v.add('name-dict', 'Name described by age', [phi('Jerel Voss', 'Name'), ' is a pleasant 72 year old farmer.']);
    v.add('name-dict', 'Name as subject of an admission', [
        'Attending note.\n',
        phi('Flavie', 'Name'),
        ' was admitted.'
    ]);
    v.add('name-dict', 'Reversed name on a chart header', [phi('Quell, Ardith', 'Name'), '\nSex: F\nSeen today.']);
    v.add('name-dict', 'Name after discussed with', ['Plan discussed with ', phi('Jeannel', 'Name'), ', who agrees.']);
    v.add('name-dict', 'Name after a care-team label', [
        'Assistant: ',
        phi('Sawayn', 'Name'),
        '. Procedure: lap chole.'
    ]);
    v.add('name-dict', 'Pronouns, departments and symptom lists stay', [
        'Plan discussed with Cardiology. He was admitted. Patient is a 45-year-old.\nNausea, Vomiting\nResolved.'
    ]);
    v.add('name-dict', 'Unknown words in a list with a name', [
        'They had three: ',
        phi('Gaetane', 'Name'),
        ', ',
        phi('Hannah', 'Name'),
        ' and ',
        phi('Quarmby', 'Name'),
        '.'
    ]);
    v.add('name-dict', 'Two surnames joined by and', [
        phi('Lamovec', 'Name'),
        ' and ',
        phi('Morales', 'Name'),
        ' agreed.'
    ]);
    v.add('name-dict', 'A list without a name stays; a list going on into more words adds no name', [
        'Nausea, Vomiting and Fever resolved. Pfizer, Reed Elsevier and ',
        phi('Derek', 'Name'),
        ' bid.'
    ]);
    v.add('name-dict', 'Family name before a comma and a found given name, in text and in capitals', [
        'Seen today: ',
        phi('Smith', 'Name'),
        ', ',
        phi('John', 'Name'),
        ' was seen.\nPt ',
        phi('BROWN', 'Name'),
        ', ',
        phi('MARY', 'Name'),
        ' DOB pending.'
    ]);
    v.add('name-dict', 'No family name before the comma after a time word or an unknown word', [
        'In May, ',
        phi('John', 'Name'),
        ' went home. However, ',
        phi('John', 'Name'),
        ' called.'
    ]);
    v.add('name-dict', 'An ambiguous given name before a strong family name at a sentence start', [
        phi('Maria Garcia', 'Name'),
        ' was seen. ',
        phi('Smith Jones', 'Name'),
        ' called. Met ',
        phi('Maria Garcia', 'Name'),
        ' today.'
    ]);
    v.add('name-dict', 'Vietnamese names, composed and decomposed, are looked up without their marks', [
        'Seen: ',
        phi('Tr\u1ea7n Th\u1ecb H\u01b0\u01a1ng', 'Name'),
        ' today; reviewed by Dr. ',
        phi('Pha\u0323m Minh \u0110u\u031b\u0301c', 'Name'),
        '.'
    ]);
    v.add('name-dict', 'Abbreviated weekdays are no names, also before a date or after a sentence-initial word', [
        'Next appt Tue at 2pm. Seen Thu, ',
        phi('March 19', 'Date'),
        '. Mon and Fri are full.'
    ]);
    v.add('name-dict', 'Phone split by a control character', ['Call ', phi('555\u0002-123-4567', 'Phone'), '.']);
}

/** Names in scripts other than Latin: in an English text by their script, in a text of their own script by case. */
function otherScriptVectors(v: VectorSet): void {
    v.add('name-dict', 'Cyrillic name in English text', ['Seen with ', phi('Иван Петров', 'Name'), ' today.']);
    v.add('name-dict', 'Greek name in English text', ['Referred by ', phi('Παύλος Καλάρης', 'Name'), ' for review.']);
    v.add('name-dict', 'Han name in English text', ['Lab results for ', phi('王伟', 'Name'), ' are normal.']);
    v.add('name-dict', 'Hangul name after a cue word', ['Patient: ', phi('김민준', 'Name')]);
    v.add('name-dict', 'A text in a script with case: a capitalised word away from a sentence start', [
        'Вчера осмотрели ',
        phi('Ивана', 'Name'),
        ' дома.'
    ]);
    v.add('name-dict', 'A text in a script with case: two capitalised words at a sentence start', [
        'Пациент поступил утром. ',
        phi('Иван Петров', 'Name'),
        ' звонил вчера.'
    ]);
    v.add('name-dict', 'A Greek text: a name after a lower-case word', [
        'Ο ασθενής ',
        phi('Γιώργος Παπαδόπουλος', 'Name'),
        ' ήρθε σήμερα.'
    ]);
    v.add('name-dict', 'Japanese: a name before さん after a particle', [
        '患者の',
        phi('田中', 'Name'),
        'さんは今日来院しました。'
    ]);
    v.add('name-dict', 'Chinese: names before 女士 and 先生', [
        phi('王', 'Name'),
        '女士今天来了。',
        phi('李', 'Name'),
        '先生说没问题。'
    ]);
    v.add('name-dict', 'Korean: names before 씨 and 님', [
        phi('김민준', 'Name'),
        ' 씨가 오늘 왔습니다. ',
        phi('박서연', 'Name'),
        '님 안녕하세요.'
    ]);
    v.add('name-dict', 'Honorifics after common words stay', [
        'お客様へ。先生が来ます。皆さん、こんにちは。这位先生是谁?'
    ]);
    v.add('name-dict', 'A text in a script with case keeps its sentence starts and acronyms', [
        'Приехал вчера из США. Жалоб нет, ОРВИ исключена.'
    ]);
    v.add('name-dict', 'A single letter of another alphabet is no name', ['Bed ג in ward ב.']);
}
