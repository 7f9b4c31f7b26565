/**
 * The steps of `warden check`, in the order they run: cheap and local first, the JVM and the
 * full test run last. Adding a step is one entry here (and its module under ./steps). `sfge` is opt-in
 * (CheckStep.optIn): only `--only sfge` (`npm run test:sfge`) runs it, `npm test` does not.
 */
import type { CheckStep } from './step';
import { apexSemanticsStep } from './steps/apex-semantics';
import { apexSyntaxStep } from './steps/apex-syntax';
import { buildStep } from './steps/build';
import { deployableStep } from './steps/deployable';
import { eslintStep } from './steps/eslint';
import { generatedStep } from './steps/generated';
import { jestStep } from './steps/jest';
import { lwcStep } from './steps/lwc';
import { metadataStep } from './steps/metadata';
import { namespaceStep } from './steps/namespace';
import { pmdStep } from './steps/pmd';
import { prettierStep } from './steps/prettier';
import { scanStep } from './steps/scan';
import { sfgeStep } from './steps/sfge';
import { sizeStep } from './steps/size';
import { typesStep } from './steps/types';

export const CHECK_STEPS: readonly CheckStep[] = [
    typesStep,
    eslintStep,
    prettierStep,
    buildStep,
    sizeStep,
    apexSyntaxStep,
    apexSemanticsStep,
    pmdStep,
    sfgeStep,
    scanStep,
    lwcStep,
    metadataStep,
    namespaceStep,
    deployableStep,
    generatedStep,
    jestStep
];
