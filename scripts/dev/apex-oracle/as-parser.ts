/**
 * The oracle in the shape of the scanner's parser module (scripts/cli/scan/apex/parser): bench:scan
 * builds the scan a second time with this module in its place, to time apex-parser as the scanner's
 * peer on the same work.
 */
export { MAX_NESTING } from '../../cli/scan/apex/parser/cursor';
export { oracleParse as parseApex } from './oracle';
export type { ParseOutcome, SyntaxProblem } from '../../cli/scan/apex/parser';
