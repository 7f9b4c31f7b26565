/**
 * Builds the PHI redaction test vectors shared by Jest (TypeScript) and the Apex tests (static resource
 * PhiRedactionVectors). Each vector is assembled from plain text and PHI items whose category the
 * generator knows, so the expected output comes from how the vector was built, not from running the
 * redactor: the placeholder (or pseudonym token) stands exactly where each PHI item was put.
 *
 *   npx tsx scripts/dev/generate/redaction-vectors.ts          write the file
 *   npx tsx scripts/dev/generate/redaction-vectors.ts --check  exit 1 when the file is stale
 */
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import {
    callCentreVectors,
    chatAddressVectors,
    spelledNumberVectors,
    billingCodeVectors,
    openingAuxiliaryVectors,
    dictionaryWordVectors,
    lowerLabelNameVectors,
    relativeOpeningVectors,
    shortDateVectors,
    supportIdentifierVectors,
    capitalsStreetVectors,
    lowerIntroInitialVectors
} from './vectors/chat-text';
import { nameCueVectors, placeCueVectors } from './vectors/cues';
import { emailUrlIpVectors, recordNumberVectors, ssnAccountVectors } from './vectors/identifiers';
import {
    fifthRoundAbroadVectors,
    fifthRoundAnswerVectors,
    fifthRoundHospitalVectors,
    fifthRoundKeepVectors,
    fifthRoundNationalVectors,
    fifthRoundNumberVectors,
    fifthRoundPlaceVectors,
    fifthRoundPlanVectors,
    fifthRoundSeparatorVectors
} from './vectors/fifth-round';
import { fieldVectors, nameVectors } from './vectors/names-fields';
import { arabicArticleVectors, lowerCueNameVectors, particleNameVectors } from './vectors/name-shapes';
import {
    sixthRoundAbroadNumberVectors,
    sixthRoundAbroadPlanVectors,
    sixthRoundBeforeLabelVectors,
    sixthRoundKeepVectors,
    sixthRoundLayoutVectors,
    sixthRoundNumberVectors,
    sixthRoundPayerVectors,
    sixthRoundPlanVectors,
    sixthRoundRecordVectors,
    sixthRoundSpacedVectors
} from './vectors/sixth-round-ids';
import {
    sixthRoundAfterVectors,
    sixthRoundBeforeVectors,
    sixthRoundLabelVectors,
    sixthRoundSiteVectors,
    sixthRoundChatVectors,
    sixthRoundLowerVectors
} from './vectors/sixth-round-places';
import { addressVectors, dateAgeVectors, phoneVectors } from './vectors/places-times';
import {
    townAnswerVectors,
    townCapitalsVectors,
    townEventContextVectors,
    townLabelContextVectors,
    townSiteContextVectors,
    townVerbContextVectors
} from './vectors/town-contexts';
import {
    precisionCommonWordVectors,
    precisionCueRoleVectors,
    precisionEponymNounVectors,
    precisionForeignWordVectors,
    precisionHolidayVectors,
    precisionInstrumentVectors,
    precisionNoteTermVectors,
    precisionOrganisationVectors,
    precisionPlaceVectors,
    precisionSpeechVerbVectors,
    precisionVehicleVectors,
    precisionWordVectors
} from './vectors/precision';
import {
    fourthRoundNameVectors,
    fourthRoundNumberVectors,
    fourthRoundPlaceVectors,
    fourthRoundPlanVectors
} from './vectors/fourth-round';
import { columnLabelVectors, tableColumnVectors } from './vectors/tables';
import { townDictionaryVectors, townShapeVectors } from './vectors/towns-dictionary';
import { thirdRoundNameVectors, thirdRoundNumberVectors, thirdRoundStreetVectors } from './vectors/third-round';
import { matrixVectors, pseudonymVectors, spacingCleanVectors, unicodeOverlapVectors } from './vectors/text-shapes';
import { TEST_PSEUDONYM_KEY, VectorSet, type VectorFile } from './vectors/vector-set';
import { runGenerator } from './write-generated';

export { TEST_PSEUDONYM_KEY, type Vector, type VectorFile } from './vectors/vector-set';

export const VECTORS_PATH = 'force-app/tests/gate/staticresources/PhiRedactionVectors.json';

/** The families of vectors, in the order their vectors are numbered (a new one goes last in its family). */
const FAMILIES: ReadonlyArray<(v: VectorSet) => void> = [
    emailUrlIpVectors,
    ssnAccountVectors,
    recordNumberVectors,
    dateAgeVectors,
    phoneVectors,
    addressVectors,
    nameVectors,
    fieldVectors,
    unicodeOverlapVectors,
    spacingCleanVectors,
    pseudonymVectors,
    matrixVectors,
    placeCueVectors,
    nameCueVectors,
    thirdRoundNumberVectors,
    thirdRoundStreetVectors,
    thirdRoundNameVectors,
    fourthRoundPlanVectors,
    fourthRoundNumberVectors,
    fourthRoundPlaceVectors,
    fourthRoundNameVectors,
    chatAddressVectors,
    relativeOpeningVectors,
    shortDateVectors,
    callCentreVectors,
    spelledNumberVectors,
    billingCodeVectors,
    openingAuxiliaryVectors,
    dictionaryWordVectors,
    supportIdentifierVectors,
    lowerLabelNameVectors,
    fifthRoundPlanVectors,
    fifthRoundNumberVectors,
    fifthRoundKeepVectors,
    fifthRoundPlaceVectors,
    fifthRoundNationalVectors,
    fifthRoundAnswerVectors,
    fifthRoundAbroadVectors,
    fifthRoundHospitalVectors,
    fifthRoundSeparatorVectors,
    sixthRoundPlanVectors,
    sixthRoundAbroadPlanVectors,
    sixthRoundNumberVectors,
    sixthRoundAbroadNumberVectors,
    sixthRoundLayoutVectors,
    sixthRoundBeforeLabelVectors,
    sixthRoundKeepVectors,
    sixthRoundRecordVectors,
    sixthRoundSpacedVectors,
    sixthRoundPayerVectors,
    sixthRoundLabelVectors,
    sixthRoundBeforeVectors,
    sixthRoundAfterVectors,
    sixthRoundSiteVectors,
    sixthRoundChatVectors,
    sixthRoundLowerVectors,
    precisionWordVectors,
    precisionCommonWordVectors,
    precisionOrganisationVectors,
    precisionCueRoleVectors,
    precisionSpeechVerbVectors,
    precisionInstrumentVectors,
    precisionNoteTermVectors,
    precisionVehicleVectors,
    precisionPlaceVectors,
    precisionHolidayVectors,
    precisionForeignWordVectors,
    precisionEponymNounVectors,
    townVerbContextVectors,
    townSiteContextVectors,
    townLabelContextVectors,
    townEventContextVectors,
    townAnswerVectors,
    townCapitalsVectors,
    tableColumnVectors,
    columnLabelVectors,
    capitalsStreetVectors,
    lowerIntroInitialVectors,
    townDictionaryVectors,
    townShapeVectors,
    particleNameVectors,
    arabicArticleVectors,
    lowerCueNameVectors
];

function build(): VectorFile {
    const v = new VectorSet();
    for (const family of FAMILIES) {
        family(v);
    }
    return {
        version: 1,
        description:
            'PHI redaction test vectors shared by the TypeScript (Jest) and Apex tests. Built by scripts/dev/generate/redaction-vectors.ts; see docs/gate.md.',
        pseudonymKeyHex: TEST_PSEUDONYM_KEY,
        patterns: SHIPPED_PATTERNS.slice(),
        vectors: v.vectors.slice()
    };
}

export function vectorFileText(): string {
    return JSON.stringify(build(), null, 2) + '\n';
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'redaction-vectors',
        'Writes the PHI redaction test vectors shared by Jest and the Apex tests.',
        () => [{ path: VECTORS_PATH, text: vectorFileText() }]
    );
}
