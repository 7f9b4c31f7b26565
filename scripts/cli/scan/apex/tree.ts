/**
 * From Apex source to the shared per-file model in one call: parse (parser/), then the units and
 * symbol tables (model.ts). A file that does not parse comes back as its first problem instead.
 */
import { apexUnitKind } from '../../lib/apex-kind';
import { buildApexFile, type ApexFile } from './model';
import { parseApex, type SyntaxProblem } from './parser';

export type TreeResult = { file: ApexFile; problem?: undefined } | { file?: undefined; problem: SyntaxProblem };

export function buildTree(path: string, source: string, lines: number): TreeResult {
    const kind = apexUnitKind(path);
    if (!kind) {
        return { problem: { line: 1, column: 1, message: 'not an Apex file' } };
    }
    const parsed = parseApex(source, kind);
    if (parsed.problem) {
        return { problem: parsed.problem };
    }
    return { file: buildApexFile(path, source, parsed.unit, lines) };
}
