/**
 * The templates of the held-out corpus (heldout-notes.ts), written for issue 16's third round without
 * looking at either eval corpus: discharge summaries, referral letters, portal chats, call-centre
 * transcripts, e-mails with signatures and forms, in shapes the clinical-note templates do not use. Two
 * sets: DEV templates, whose misses may be read to find classes of failure, and SEALED templates, whose
 * misses are never listed (only their figures), so the sealed figure stays a check nobody tuned for.
 * `{slot}`s are filled by heldout-notes.ts; the look-alikes they mention (Will, May, Bill, Hope, Grace,
 * Frank, Rose, Young as ordinary words; years; ages under 90; states and countries) must stay.
 */
export const DEV_TEMPLATES: readonly string[] = [
    'DISCHARGE SUMMARY\nName: {patient}    DOB: {date}    MRN#: {mrn}\nDate of admission: {date}\nDate of discharge: {date}\nThe patient is a {oldAgeForm} admitted with CHF exacerbation. Diuresed well. Will follow with cardiology.',
    'Referral\nTo: Dr {fullName}, Orthopaedics\nFrom: {fullName}, GP\nRe: {intlName}, born {date}, of {ukAddress}\nMany thanks for seeing this patient with a painful right hip since {date}.',
    '[10:02] Agent: Thank you for calling, who am I speaking with?\n[10:02] Caller: This is {first} {last}, my date of birth is {date}.\n[10:03] Agent: Thanks {first}. What is the best number to reach you?\n[10:03] Caller: {phone}, or my work line {phone}.',
    'Patient {loneLast} called at 9am re: refill of warfarin. Spoke with {loneLast} and confirmed dose. Will send to pharmacy.',
    'From: {email}\nSent: {date}\nSubject: records request\n\nHi,\nPlease send my records to my new address, {deAddress}.\n\nThanks,\n{fullName}\n{phone}',
    'Chat transcript\nPatient: hi its {lowerName}, can i move my appt from {date} to {date}?\nStaff: Sure, {first}. Done.\nPatient: thx. also my address changed to {usAddress}',
    '{doubleLast} was seen today for routine follow up. {oldAgeForm}, lives with daughter in {city}. Denies falls.',
    'Consent signed by {splitName} on {date}. Witness: {fullName}.',
    'Family meeting {date}. Present: {first} {last} (patient), {fullName} (son), {fullName} (HCP), Dr. {last2}.',
    'Pt is a {oldAgeForm} with dementia from {intlCity}. Her grandson {first2} is visiting from {country}.',
    'Claim no. {claim} for DOS {date} was denied. Member ID {plan}. Acct #: {account}. Please resubmit.',
    'Interpreter used (Russian). Patient name as written by patient: {nativeName}. DOB {date}.',
    'Voicemail: "Hi, this is {fullName} calling for my mother {intlName}, she was discharged {date} and we have questions. Call me back on {phone}. Thanks."',
    'Nursing handover {time}\nBed 12: {initialName}, {oldAgeShort}, NSTEMI day 2, obs stable.\nBed 14: {initialName}, {age}M, post-op day 1.',
    'Letter to patient\n\n{fullName}\n{usStreet}\n{usCity}, {stateAbbr} {zip}\n\n{date}\n\nDear {title} {last},\nYour test results from {date} are normal.\n\nYours sincerely,\n{fullName}, MD',
    'Appt reminder sent to {email} for {date} at the {intlCity} clinic. May bring Will form and Bill of rights.',
    'Imaging order: CT chest. Ordering provider {last}, {first2}. Patient {last2}, {first}. Indication: cough since {date}.',
    'Social work note: {first} is homeless, sometimes stays at {frAddress} with friend {fullName}. SSN on file {ssn}.',
    'Med rec done with {title} {last} and her niece {first2} over phone {phone}. Hope to simplify regimen.',
    'Patient portal login from IP {ip} on {date}. User {email} changed mailing address to {nlAddress}.'
];

export const SEALED_TEMPLATES: readonly string[] = [
    'ADMISSION NOTE\nPatient: {last}, {first}  Age: {oldAge}  Sex: F\nAdmitted {date} via ED from {usAddress}.\nHPI: {first} reports dyspnoea since {date}.',
    'Dear Colleague,\nRe: {intlName} (DOB {date}, NHS no. {nhs})\nAddress: {ukAddress}\nI saw {title} {last} in clinic on {date}. Kind regards, {fullName}',
    'Call log {date} {time}\nCaller: {fullName} (wife)\nRe: {patient}\nNotes: asking for update, callback {phone}.',
    'Message from {loneLast}: will be late to appt on {date}. {loneLast} says traffic on {usStreet}.',
    'Hi Dr {last2},\n\nJust a note that {patient} missed her appointment on {date}.\n\nBest,\n{fullName}\nPractice Manager\nT: {phone} | F: {fax}\n{email}',
    'patient {lowerName} walked in without appointment, sent to urgent care at {usStreet}, {usCity}.',
    '{doubleLast}, a {oldAgeForm}, presented on {date} with hip fracture after a fall at {deAddress}.',
    'Signed: {splitName}\nDate: {date}\nRelationship to patient: self',
    'Present at bedside: {fullName}, {fullName} and the patient {first} {last}.',
    'Translated note, original name: {nativeName}. Lives in {intlCity}, {country}. Seen {date}.',
    'Billing: patient {patient}, account {account}, member {plan}, claim {claim}, DOS {date}.',
    'Staff: Hello {first}, how can we help?\nPatient: my husband {first2} {last} needs a refill, he is {oldAge}.',
    'Transfer to {intlCity} rehab on {date}. Contact: {fullName}, {email}, {phone}. Rose and Frank from PT agree.',
    'Home visit at {frAddress} on {date}. Met {title} {last} and her carer {intlName}.',
    'Portal: new device registered from {ip}; user {first}.{last} updated phone to {phone} on {date}.',
    'Radiology report {date}\nPatient: {initialName}   MRN: {mrn}\nReferring: Dr. {fullName}\nFindings: no acute abnormality.'
];
