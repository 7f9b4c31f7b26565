/**
 * From Apex source to the shared per-file model in one call: parse (SLL, LL on error), build the
 * scanner's tree, then the units and symbol tables. Syntax errors come back instead of a model.
 */
import { apexUnitKind as apexKindOf } from '../../lib/apex-kind';
import { fastParseApex } from './fastparse';
import { treeDifference } from './treediff';
import { buildApexFile, type ApexFile } from './model';
import type { SyntaxProblem } from './parse';

type ApexParserPath = typeof import('./parse') & typeof import('./build');

let apexParserPath: ApexParserPath | null = null;

/**
 * apex-parser and the tree builder over its contexts, loaded on first use: a project that the fast
 * path parses entirely never loads them (about 0.15 s of start-up).
 */
function antlr(): ApexParserPath {
    if (!apexParserPath) {
        /* eslint-disable @typescript-eslint/no-require-imports */
        apexParserPath = {
            ...(require('./parse') as typeof import('./parse')),
            ...(require('./build') as typeof import('./build'))
        };
        /* eslint-enable @typescript-eslint/no-require-imports */
    }
    return apexParserPath;
}

export type TreeResult = {
    file: ApexFile | null;
    errors: SyntaxProblem[];
    /** True when the fast SLL pass failed and the file was parsed again with full LL. */
    fallback: boolean;
    /** True when the hand-written fast path (fastparse.ts) parsed the file. */
    fast?: boolean;
};

/**
 * The fast path (fastparse.ts) is on by default. `crossCheck` also parses every file the fast path
 * accepts with apex-parser and throws if the trees differ: the scanner's Jest suites run with it
 * on (WARDEN_PARSE_CROSSCHECK=1), so every Apex snippet in every test checks the fast path.
 */
export const fastPath = {
    enabled: process.env.WARDEN_FAST_PARSE !== '0',
    crossCheck: process.env.WARDEN_PARSE_CROSSCHECK === '1'
};

function crossCheck(
    path: string,
    source: string,
    kind: NonNullable<ReturnType<typeof apexKindOf>>,
    unit: unknown
): void {
    const { parseApex, TreeBuilder } = antlr();
    const parsed = parseApex(source, kind);
    if (parsed.errors.length > 0) {
        throw new Error(`fast parser accepted ${path}, which apex-parser rejects at line ${parsed.errors[0].line}`);
    }
    const reference = new TreeBuilder(source).build(parsed);
    const difference = treeDifference(reference, unit);
    if (difference) {
        throw new Error(`fast parser tree differs from apex-parser's for ${path}: ${difference}`);
    }
}

export function buildTree(path: string, source: string, lines: number, forceLL = false): TreeResult {
    try {
        return buildTreeUnguarded(path, source, lines, forceLL);
    } catch (error) {
        // Pathological nesting overflows the parser's (or the builder's) recursion: report, do not crash.
        // (By name: a stack overflow's RangeError may come from another realm under test runners.)
        const overflow = (error as { name?: unknown } | null)?.name === 'RangeError';
        const nesting = apexParserPath !== null && error instanceof apexParserPath.NestingError;
        if (nesting || overflow) {
            const line = nesting ? (error as { line: number }).line : 1;
            return {
                file: null,
                errors: [{ line, column: 1, message: `too deeply nested to analyse (${(error as Error).message})` }],
                fallback: false
            };
        }
        throw error;
    }
}

function buildTreeUnguarded(path: string, source: string, lines: number, forceLL: boolean): TreeResult {
    const kind = apexKindOf(path);
    if (!kind) {
        return { file: null, errors: [{ line: 1, column: 1, message: 'not an Apex file' }], fallback: false };
    }
    if (!forceLL && fastPath.enabled) {
        const unit = fastParseApex(source, kind);
        if (unit) {
            if (fastPath.crossCheck) {
                crossCheck(path, source, kind, unit);
            }
            return { file: buildApexFile(path, source, unit, lines), errors: [], fallback: false, fast: true };
        }
    }
    const { parseApex, TreeBuilder } = antlr();
    const parsed = parseApex(source, kind, { forceLL });
    if (parsed.errors.length > 0) {
        return { file: null, errors: parsed.errors, fallback: parsed.fallback };
    }
    const unit = new TreeBuilder(source).build(parsed);
    if (!unit) {
        return {
            file: null,
            errors: [{ line: 1, column: 1, message: 'no class, interface, enum or trigger declaration found' }],
            fallback: parsed.fallback
        };
    }
    return { file: buildApexFile(path, source, unit, lines), errors: [], fallback: parsed.fallback && !forceLL };
}
