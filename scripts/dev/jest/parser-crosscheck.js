// Jest setup for the scripts project: every Apex source the tests parse with the scanner's parser
// (scripts/cli/scan/apex/parser) is parsed again by its oracle, apex-parser (scripts/dev/apex-oracle),
// and a disagreement (one accepts what the other rejects, or their trees differ) fails the test that
// parsed it. So every Apex snippet in every test also checks the parser. The scanner itself never
// loads the oracle: this wraps the module for the tests only.
/* global jest */
'use strict';
jest.mock('../../cli/scan/apex/parser', () => {
    const actual = jest.requireActual('../../cli/scan/apex/parser');
    const { parserDisagreement } = jest.requireActual('../apex-oracle/oracle');
    return {
        ...actual,
        parseApex(source, kind) {
            const outcome = actual.parseApex(source, kind);
            // A parse stopped by its time budget (scan/budget.ts) is not an answer to compare.
            if (outcome.problem && outcome.problem.budget) {
                return outcome;
            }
            const disagreement = parserDisagreement(source, kind, outcome);
            if (disagreement) {
                throw new Error(`Apex parser cross-check: ${disagreement}`);
            }
            return outcome;
        }
    };
});
