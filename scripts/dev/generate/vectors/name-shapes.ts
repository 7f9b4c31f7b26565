/**
 * Shared redaction vectors of names in shapes the name rules once split or dropped: family names with lower-case
 * particles (van der, de, bin, ibn), Arabic family names with their article (al-, el-), and short names in lower
 * case after a chat's or a note's cue (thanks adam, nurse kim); with the look-alikes that must stay.
 */
import { phi, type VectorSet } from './vector-set';

export function particleNameVectors(v: VectorSet): void {
    v.inContexts(
        'name-particle',
        'Name with lower-case particles between its words',
        'Name',
        [
            'Ludwig van der Berg',
            'Pieter de Vries',
            'Ahmad bin Yusuf',
            'Carlos dos Santos',
            'Hendrik van Dijk',
            'J. de Vries',
            'Abdullah ibn Saleh',
            'Karl von Habsburg',
            'Maria del Carmen Ruiz'
        ],
        [
            ['Please forward the invoice to ', ' before Friday.'],
            ['Contact person: ', '\n'],
            ['The claim was submitted by ', ' on behalf of his father.']
        ]
    );
    v.add('name-particle', 'Lower-case names joined over a particle', [
        phi('jose del toro', 'Name'),
        ' called back about the refill'
    ]);
    v.add('name-particle', 'Particles beside words that are not names stay', [
        'The van der Waals force held; the bin went to the Hotel de Ville at noon.'
    ]);
}

export function arabicArticleVectors(v: VectorSet): void {
    v.inContexts(
        'name-article',
        'Arabic family name with its article',
        'Name',
        ['Fatima al-Hassan', 'Omar el-Sayed', 'Khalid Al-Rashid'],
        [
            ['', ' has been our account manager since 2015.'],
            ['Signed by ', ' yesterday.']
        ]
    );
    v.add('name-article', 'An article before an unknown word, with no name beside it, stays', [
        'She reads al-Ahram and el-Watan every morning.'
    ]);
}

export function lowerCueNameVectors(v: VectorSet): void {
    v.inContexts(
        'name-lower-cue',
        'Short lower-case name after a chat or note cue',
        'Name',
        ['adam', 'kim', 'nina', 'greg', 'ana'],
        [
            ['thanks ', ', that helps a lot'],
            ['nurse ', ' said i could take two'],
            ['im ', ' and i need to reschedule'],
            ['tell ', ' i said hi'],
            ['my physical therapist ', ' thinks the knee is better']
        ]
    );
    v.add('name-lower-cue', 'Short lower-case names before what a person does', [
        'ok so ',
        phi('ana', 'Name'),
        ' called back, and ',
        phi('liam', 'Name'),
        ' and i went to get it'
    ]);
    v.add('name-lower-cue', 'Common words before the same verbs stay', [
        'ok so it called back. the bot said yes, one asked twice, and all of us and i went.'
    ]);
    v.add('name-lower-cue', 'Common words after the same cues stay', [
        'will you call me tomorrow? may i ask about my bill? hope you are well. thanks all, this is great. ' +
            'tell me when. nurse said to rest. hi everyone, its me. thanks hope. this is it.'
    ]);
}
